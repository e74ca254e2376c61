//! Noun cues followed by `that`: "X's claim that …", "the view that …".
//!
//! Input type of this layer: the [`View`], the [`Quotes`] and token indices
//! of one sentence.

use super::content;
use super::quotes::Quotes;
use super::source;
use super::view::{Sent, View};
use super::{AttributionKind, Found};
use crate::lexicon::cues;

/// Noun cues followed by `that`: "X's claim that …", "the view that …".
pub fn nouns(v: &View, q: &Quotes, sent: &Sent, out: &mut Vec<Found>) {
    for i in sent.start..sent.end {
        if !v.is_word(i) || !cues::noun(v.w(i)) || v.w(i + 1) != "that" {
            continue;
        }
        // "that" must open a clause, not a relative ("the claim that he made").
        let Some(content) = content::forward(v, q, sent, i + 1) else {
            continue;
        };
        let src = if matches!(v.raw(i.wrapping_sub(2)), "’" | "'") && v.w(i - 1) == "s" {
            source::left_np(v, sent.start, i - 2).map(|(a, _)| (a, i))
        } else if matches!(
            v.w(i.wrapping_sub(1)),
            "his" | "her" | "their" | "its" | "my" | "our"
        ) {
            Some((i - 1, i))
        } else {
            None
        };
        out.push(Found::new(AttributionKind::Noun, (i, i + 1), src, content));
    }
}
