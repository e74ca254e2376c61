//! Noun cues with a possessor: "X's claim that …", "their view that …",
//! "the union's support for …".
//!
//! Input type of this layer: the [`View`], the [`Quotes`] and token indices
//! of one sentence.

use super::content;
use super::quotes::Quotes;
use super::source;
use super::view::{Sent, View, CURLY_APOSTROPHE};
use super::{AttributionKind, Found};

/// Noun cues followed by `that`: "X's claim that …", "the view that …".
pub fn nouns(v: &View, q: &Quotes, sent: &Sent, out: &mut Vec<Found>) {
    for &i in v.cue_starts(sent) {
        if !v.is_noun_cue(i) {
            continue;
        }
        let Some(entry) = v.lex(i) else {
            continue;
        };
        let found = if entry.noun() && v.w(i + 1) == b"that" {
            content::forward(v, q, sent, i + 1).map(|c| ((i, i + 1), c))
        } else if entry
            .noun_preposition()
            .is_some_and(|p| v.w(i + 1) == p.as_bytes())
        {
            content::object_np(v, sent, i + 2).map(|o| ((i, i + 2), vec![o]))
        } else {
            None
        };
        let Some((cue, content)) = found else {
            continue;
        };
        // Without a possessor a noun cue is more often the author's own
        // framing ("the idea that …") than a report.
        let Some(src) = possessor(v, sent, i) else {
            continue;
        };
        out.push(Found::new(AttributionKind::Noun, cue, Some(src), content));
    }
}

/// The possessor before a noun cue: "the mayor’s", "the farmers’", "his".
fn possessor(v: &View, sent: &Sent, i: usize) -> Option<(usize, usize)> {
    let apostrophe = |k: usize| matches!(v.raw(k), CURLY_APOSTROPHE | b"'");
    if i >= 2 && v.w(i - 1) == b"s" && apostrophe(i - 2) {
        return source::left_np(v, sent.start, i - 2).map(|(a, _)| (a, i));
    }
    if i >= 1 && apostrophe(i - 1) && v.w(i.wrapping_sub(2)).ends_with(b"s") {
        return source::left_np(v, sent.start, i - 1).map(|(a, _)| (a, i));
    }
    matches!(
        v.w(i.wrapping_sub(1)),
        b"his" | b"her" | b"their" | b"its" | b"my" | b"our"
    )
    .then(|| (i - 1, i))
}
