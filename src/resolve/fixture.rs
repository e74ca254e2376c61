//! Test helpers: an invented article of the seed's shapes, and hand-made
//! attributions over any text (spans found with `str::find`).

use crate::document::Document;
use crate::grammar::{Attribution, AttributionKind};
use crate::input::{extract, InputFormat};
use crate::span::Span;

/// A document from plain text.
pub fn doc(text: &str) -> Document {
    Document::new(extract(text, InputFormat::Text))
}

/// An attribution whose cue, source and content are all `span`.
pub fn on(span: Span) -> Attribution {
    Attribution {
        kind: AttributionKind::Verb,
        cue: span,
        source: Some(span),
        content: vec![span],
        via: None,
        hedged: false,
    }
}

/// The span of the first `needle` at or after byte `from`.
pub fn find(text: &str, needle: &str, from: usize) -> Span {
    let at = text
        .get(from..)
        .and_then(|t| t.find(needle))
        .map_or(usize::MAX, |i| i + from);
    assert!(at != usize::MAX, "{needle:?} not found after {from}");
    Span::new(at, at + needle.len())
}

/// Builds attributions from `(kind, cue, source, content, via)` rows; each
/// row's strings are looked up after the previous row's cue (or from
/// `from` when the cue is earlier, given as the row's start offset).
pub struct Builder<'t> {
    pub text: &'t str,
    pub list: Vec<Attribution>,
}

impl<'t> Builder<'t> {
    pub fn new(text: &'t str) -> Builder<'t> {
        Builder {
            text,
            list: Vec::new(),
        }
    }

    /// Adds one attribution; strings are searched from `from` (the first
    /// occurrence of the anchor text).
    pub fn add(
        &mut self,
        anchor: &str,
        kind: AttributionKind,
        cue: &str,
        source: Option<&str>,
        content: &str,
        via: Option<usize>,
    ) -> usize {
        let from = find(self.text, anchor, 0).start();
        let cue = find(self.text, cue, from);
        let source = source.map(|s| find(self.text, s, from));
        let content = vec![find(self.text, content, from)];
        self.list.push(Attribution {
            kind,
            cue,
            source,
            content,
            via,
            hedged: kind == AttributionKind::Hedge,
        });
        self.list.len() - 1
    }
}

/// An invented article with the seed's constructions (no sentence of the
/// seed): an outlet report named in full, then its short form, anonymous
/// sources inside it, a spokeswoman with an appositive and her surname, a
/// "first reported by", a group and "They", a company spokesman in
/// apposition.
pub const ARTICLE: &str = "Published by: Harbor Ledger

Regional trade officials from Peru have been lobbying city council aides to block the sale of the delivery app Quickbasket, according to a story that ran on Monday in the Washington Post. The effort comes at a tense moment.

According to people familiar with the talks, Peruvian officials promised concessions on fishing quotas, as per details in the Post story. However, the offer was reportedly a tactic.

Cited in the Post story was that Rosa Quispe, a spokeswoman for the Peruvian Consulate, said the talks were about fairness. Quispe maintained that no proof of harm had been shown.

First reported by Axios, the account says the app was named in advance.

The Peruvian officials met members of both parties. The officials raised objections, the story in the Post said. They said the measure was unfair.

Quickbasket, though based in Lima and Denver, is owned by the holding group Andes Capital. The company’s spokesman, Theo Brandt, said Quickbasket had not known. The Post story said that Brandt stressed, “We learned of this from reporters.”
";

/// The attributions a grammar should find in [`ARTICLE`].
pub fn article_attributions() -> Vec<Attribution> {
    use AttributionKind::*;
    let mut b = Builder::new(ARTICLE);
    b.add(
        "Regional",
        AccordingTo,
        "according to",
        Some("a story that ran on Monday in the Washington Post"),
        "Regional trade officials from Peru have been lobbying city council aides to block the sale of the delivery app Quickbasket",
        None,
    );
    b.add(
        "According to people",
        AccordingTo,
        "According to",
        Some("people familiar with the talks"),
        "Peruvian officials promised concessions on fishing quotas",
        None,
    );
    b.add(
        "According to people",
        AccordingTo,
        "as per details in",
        Some("the Post story"),
        "Peruvian officials promised concessions on fishing quotas",
        None,
    );
    b.add(
        "However, the offer",
        Hedge,
        "reportedly",
        None,
        "the offer was reportedly a tactic",
        None,
    );
    let cited = b.add(
        "Cited in",
        Passive,
        "Cited in",
        Some("the Post story"),
        "Rosa Quispe, a spokeswoman for the Peruvian Consulate, said the talks were about fairness",
        None,
    );
    b.add(
        "Cited in",
        Verb,
        "said",
        Some("Rosa Quispe, a spokeswoman for the Peruvian Consulate"),
        "the talks were about fairness",
        Some(cited),
    );
    b.add(
        "Quispe maintained",
        Verb,
        "maintained",
        Some("Quispe"),
        "no proof of harm had been shown",
        None,
    );
    b.add(
        "First reported",
        ReportedBy,
        "First reported by",
        Some("Axios"),
        "the account says the app was named in advance",
        None,
    );
    b.add(
        "The officials raised",
        Verb,
        "said",
        Some("the story in the Post"),
        "The officials raised objections",
        None,
    );
    b.add(
        "They said",
        Verb,
        "said",
        Some("They"),
        "the measure was unfair",
        None,
    );
    b.add(
        "The company’s",
        Verb,
        "said",
        Some("The company’s spokesman, Theo Brandt"),
        "Quickbasket had not known",
        None,
    );
    let post = b.add(
        "The Post story said",
        Verb,
        "said",
        Some("The Post story"),
        "Brandt stressed, “We learned of this from reporters.”",
        None,
    );
    b.add(
        "The Post story said",
        Verb,
        "stressed",
        Some("Brandt"),
        "“We learned of this from reporters.”",
        Some(post),
    );
    b.list
}
