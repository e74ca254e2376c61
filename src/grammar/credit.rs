//! Credit lines: "Reuters contributed to this report.", "Additional
//! reporting by The Associated Press", "h/t: The Hill", "Hat tip: X". A
//! credit names a source the outlet drew on (an edge from the root of the
//! source graph), not an origin, and has no content. The outlet's own staff
//! are not sources: "(Reporting by …; Editing by …)" is no credit, and
//! "contributed" and "Additional reporting by" lines credit a source only
//! when they name an outlet of the outlet list ("Ana Ruiz contributed
//! reporting" names a colleague); a hat tip may credit anyone.
//!
//! Input type of this layer: the [`View`] and one sentence.

use super::view::{Sent, View};
use super::{rest, tokens_covering, AttributionKind, Found};
use crate::lexicon::outlets::Outlets;

/// The most tokens of a credited source's name.
const MAX_CREDITED: usize = 12;

/// Phrases that follow the credited source and end the sentence.
const CREDIT_ENDS: &[&str] = &[
    "contributed to this report",
    "contributed to this story",
    "contributed to this article",
    "contributed to the report",
    "contributed reporting",
];

/// Phrases that open a credit line, the credited source after them.
const CREDIT_STARTS: &[&str] = &[
    "additional reporting by",
    "additional reporting from",
    "hat tip to",
    "hat tip:",
    "hat tip",
    "h/t to",
    "h/t:",
    "h/t",
];

/// Finds a credit in the sentence: the credit words as cue, the credited
/// source, no content.
pub fn credits(v: &View, sent: &Sent, out: &mut Vec<Found>) {
    if let Some(f) = credit_end(v, sent).or_else(|| credit_start(v, sent)) {
        out.push(f);
    }
}

/// The first word token of the sentence at or after `i`.
fn first_word(v: &View, sent: &Sent, i: usize) -> Option<usize> {
    (i..sent.end).find(|&k| v.is_word(k))
}

/// One past the last word token before `end`, not before `start`.
fn trim_back(v: &View, start: usize, end: usize) -> usize {
    let mut e = end;
    while e > start && !v.is_word(e - 1) {
        e -= 1;
    }
    e
}

/// "X contributed to this report." / "X contributed reporting (from …)":
/// a capitalised source opens the sentence.
fn credit_end(v: &View, sent: &Sent) -> Option<Found> {
    // Most sentences hold no "contributed": the view lists where it stands.
    let marks = v.credit_words(sent);
    if marks.is_empty() {
        return None;
    }
    let s = first_word(v, sent, sent.start)?;
    if !v.is_cap(s) {
        return None;
    }
    let k = marks
        .iter()
        .copied()
        .find(|&k| k > s)
        .filter(|&k| k <= s + MAX_CREDITED)?;
    let text = rest(v, k, sent);
    let n = CREDIT_ENDS.iter().find(|p| text.starts_with(*p))?.len();
    let ce = tokens_covering(v, k, n, sent.end)?;
    // "contributed to this report" ends the sentence; "contributed
    // reporting" may name a place after it.
    let reporting = v.w(k + 1) == b"reporting";
    if !reporting && (ce..sent.end).any(|j| v.is_word(j)) {
        return None;
    }
    let se = trim_back(v, s, k);
    (se > s && names_outlet(v, (s, se))).then(|| credit((k, ce), (s, se)))
}

/// "Additional reporting by X", "h/t: X", "Hat tip: X" at the start of
/// the sentence: the rest of the sentence is the source.
fn credit_start(v: &View, sent: &Sent) -> Option<Found> {
    let s = (sent.start..sent.end).find(|&k| !matches!(v.raw(k), b"(" | b"[" | b"*" | b"_"))?;
    // Most sentences start with no letter a credit opening starts with:
    // the first letter is read before the rest of the sentence.
    let first = v.w(s).first();
    if !CREDIT_STARTS.iter().any(|p| p.as_bytes().first() == first) {
        return None;
    }
    let text = rest(v, s, sent);
    let p = CREDIT_STARTS.iter().find(|p| {
        text.strip_prefix(*p)
            .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
    })?;
    // A hat tip may credit anyone; other credits only an outlet.
    let hat_tip = !p.starts_with("additional");
    let ce = tokens_covering(v, s, p.len(), sent.end)?;
    let src_start = first_word(v, sent, ce)?;
    let se = trim_back(v, src_start, sent.end);
    if se - src_start > MAX_CREDITED || !v.is_cap(src_start) {
        return None;
    }
    if !hat_tip && !names_outlet(v, (src_start, se)) {
        return None;
    }
    let mut cue_end = ce;
    while cue_end > s && !v.is_word(cue_end - 1) {
        cue_end -= 1;
    }
    Some(credit((s, cue_end.max(s + 1)), (src_start, se)))
}

/// Whether the tokens name an outlet of the built-in outlet list.
fn names_outlet(v: &View, (a, b): (usize, usize)) -> bool {
    let name = v.span(a, b).text(v.text);
    !Outlets::builtin().find_in(name).is_empty()
}

/// A credit attribution: no content, not a link of a nested chain.
fn credit(cue: (usize, usize), source: (usize, usize)) -> Found {
    let mut f = Found::new(AttributionKind::Credit, cue, Some(source), Vec::new());
    f.chain = false;
    f
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn contributed_to_this_report_credits_the_outlet() {
        let r = run("The council voted on Monday.\n\nReuters contributed to this report.");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, "contributed to this report");
        assert_eq!(r[0].1.as_deref(), Some("Reuters"));
        assert!(r[0].2.is_empty());
    }

    #[test]
    fn contributed_reporting_credits_an_outlet_not_a_colleague() {
        let r = run("The pier closed.\n\nThe Associated Press contributed reporting from Lima.");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, "contributed reporting");
        assert_eq!(r[0].1.as_deref(), Some("The Associated Press"));
        assert!(run("The pier closed.\n\nAna Ruiz contributed reporting from Lima.").is_empty());
        assert!(run("The pier closed.\n\nAdditional reporting by Ana Ruiz").is_empty());
    }

    #[test]
    fn hat_tips_and_additional_reporting_credit_the_source() {
        for (line, cue, source) in [
            ("h/t: The Hill", "h/t", "The Hill"),
            ("H/T Ana Ruiz", "H/T", "Ana Ruiz"),
            ("Hat tip: Ana Ruiz", "Hat tip", "Ana Ruiz"),
            (
                "Additional reporting by Reuters",
                "Additional reporting by",
                "Reuters",
            ),
        ] {
            let r = run(&format!("The pier closed on Friday.\n\n{line}"));
            assert_eq!(r.len(), 1, "{line}");
            assert_eq!(r[0].0, cue, "{line}");
            assert_eq!(r[0].1.as_deref(), Some(source), "{line}");
            assert!(r[0].2.is_empty(), "{line}");
        }
    }

    #[test]
    fn staff_credits_and_body_sentences_are_not_credits() {
        assert!(run("The pier closed.\n\n(Reporting by Ana Ruiz; Editing by Tom Wu)").is_empty());
        assert!(run("The grant contributed to this report on rivers in the valley.").is_empty());
        assert!(run("The rain contributed to this report's delay.").is_empty());
    }
}
