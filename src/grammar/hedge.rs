//! Hedges with no source: "reportedly", "allegedly" (hedged, source null,
//! the clause they sit in as content).
//!
//! Input type of this layer: the [`View`] and token indices of one
//! sentence.

use super::content;
use super::quotes::Quotes;
use super::view::{Sent, View};
use super::{AttributionKind, Found};

/// Where the clause of a sentence starts: after a leading connective and
/// its comma ("However, …").
pub fn clause_start(v: &View, sent: &Sent) -> usize {
    let mut s = sent.start;
    while s < sent.end && !v.is_word(s) && !v.is_quote(s) {
        s += 1;
    }
    if v.is_punct(s + 1, ",")
        && matches!(
            v.w(s),
            b"however"
                | b"meanwhile"
                | b"still"
                | b"yet"
                | b"but"
                | b"and"
                | b"also"
                | b"instead"
                | b"indeed"
        )
    {
        s += 2;
    }
    s
}

/// Finds the hedge adverbs of a sentence.
pub fn hedges(v: &View, q: &Quotes, sent: &Sent, out: &mut Vec<Found>) {
    for &i in v.cue_starts(sent) {
        if !v.is_hedge(i) {
            continue;
        }
        let start = clause_start(v, sent);
        let Some(content) = content::forward(v, q, sent, start) else {
            continue;
        };
        let mut f = Found::new(AttributionKind::Hedge, (i, i + 1), None, content);
        f.hedged = true;
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::input::{extract, InputFormat};

    #[test]
    fn hedge_content_skips_a_leading_connective() {
        let doc = Document::new(extract(
            "However, the deal was reportedly signed.",
            InputFormat::Text,
        ));
        let v = View::new(&doc);
        let q = Quotes::new(&v);
        let mut out = Vec::new();
        hedges(&v, &q, &v.sents[0], &mut out);
        assert_eq!(out.len(), 1);
        assert!(out[0].hedged && out[0].source.is_none());
        assert_eq!(v.w(out[0].content[0].0), b"the");
    }
}
