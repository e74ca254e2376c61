//! Metrics: shares of body words by provenance.

use serde::Serialize;

use crate::document::Document;
use crate::grammar::Attribution;
use crate::span::Span;

/// The figures users quote (see DESIGN.md, Definitions).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Metrics {
    pub body_words: usize,
    pub attributed_words: usize,
    pub secondhand_words: usize,
    pub attributed_share: f64,
    pub secondhand_share: f64,
}

/// Where a body sentence's content comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Provenance {
    Secondhand,
    Attributed,
    Unattributed,
}

/// Counts body words inside attributed content, and inside secondhand
/// content (`secondhand[i]` says whether attribution `i` is secondhand).
/// A word counts once however many attributions cover it.
pub fn compute(doc: &Document, attributions: &[Attribution], secondhand: &[bool]) -> Metrics {
    // One flag byte a token: bit 0 attributed, bit 1 secondhand.
    let mut flags = vec![0u8; doc.tokens.len()];
    for (i, a) in attributions.iter().enumerate() {
        let bits = if secondhand.get(i).copied().unwrap_or(false) {
            3
        } else {
            1
        };
        for &c in &a.content {
            for f in flags.get_mut(token_range(doc, c)).unwrap_or(&mut []) {
                *f |= bits;
            }
        }
    }
    let (mut body, mut attributed, mut second) = (0, 0, 0);
    for block in doc.body() {
        let range = token_range(doc, block.span);
        let tokens = doc.tokens.get(range.clone()).unwrap_or(&[]);
        let block_flags = flags.get(range).unwrap_or(&[]);
        for (t, f) in tokens.iter().zip(block_flags) {
            if t.kind.is_word() {
                body += 1;
                attributed += usize::from(f & 1 != 0);
                second += usize::from(f & 2 != 0);
            }
        }
    }
    let share = |n: usize| {
        if body == 0 {
            0.0
        } else {
            n as f64 / body as f64
        }
    };
    Metrics {
        body_words: body,
        attributed_words: attributed,
        secondhand_words: second,
        attributed_share: share(attributed),
        secondhand_share: share(second),
    }
}

/// The indexes of the tokens that overlap `span`.
pub fn token_range(doc: &Document, span: Span) -> std::ops::Range<usize> {
    let lo = doc.tokens.partition_point(|t| t.span.end <= span.start);
    let hi = doc.tokens.partition_point(|t| t.span.start < span.end);
    lo..hi.max(lo)
}
