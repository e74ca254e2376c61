//! Byte spans into the analysed text.

use serde::{Deserialize, Serialize};

/// A range of UTF-8 **byte** offsets into the analysed text, `start`
/// inclusive and `end` exclusive, so `&text[start..end]` is the spanned text
/// and an empty span has `start == end`.
///
/// Every stage of the pipeline speaks in spans; line and column numbers are
/// computed only when rendering. Offsets are `u32`, so one analysed text is at
/// most 4 GiB (inputs are rejected before that).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`; a reversed pair is normalised to an
    /// empty span at `start`.
    pub fn new(start: usize, end: usize) -> Span {
        let start = clamp_u32(start);
        let end = clamp_u32(end).max(start);
        Span { start, end }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The spanned text, or `""` when the span does not fall on character
    /// boundaries of `text` (it never should; this keeps rendering total).
    pub fn text(self, text: &str) -> &str {
        text.get(self.start()..self.end()).unwrap_or("")
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The span with leading and trailing white space of `text` removed.
    ///
    /// The ends are read by bytes while they are ASCII; a byte that is not
    /// falls back to the character test there (Unicode white space).
    pub fn trim(self, text: &str) -> Span {
        let s = self.text(text);
        let bytes = s.as_bytes();
        let Some(first) = bytes.iter().position(|&b| !is_ascii_space(b)) else {
            return Span::new(self.start(), self.start());
        };
        let lead = if bytes.get(first).is_some_and(u8::is_ascii) {
            first
        } else {
            s.len() - s.trim_start().len()
        };
        if lead == s.len() {
            return Span::new(self.start(), self.start());
        }
        let last = bytes.iter().rposition(|&b| !is_ascii_space(b)).unwrap_or(0);
        let trail = if bytes.get(last).is_some_and(u8::is_ascii) {
            s.len() - last - 1
        } else {
            s.len() - s.trim_end().len()
        };
        Span::new(self.start() + lead, self.end() - trail)
    }
}

/// Whether an ASCII byte is white space as [`char::is_whitespace`] has it
/// (space, tab, line feed, vertical tab, form feed, carriage return).
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

fn clamp_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_is_exclusive() {
        let text = "according to";
        assert_eq!(Span::new(0, 9).text(text), "according");
        assert_eq!(Span::new(3, 3).len(), 0);
        assert!(Span::new(3, 3).is_empty());
    }

    #[test]
    fn reversed_pairs_become_empty() {
        assert_eq!(Span::new(5, 2), Span { start: 5, end: 5 });
    }

    #[test]
    fn text_off_a_char_boundary_is_empty_not_a_panic() {
        let text = "“quote”";
        assert_eq!(Span::new(1, 4).text(text), "");
        assert_eq!(Span::new(0, 3).text(text), "“");
    }

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(0, 5);
        let b = Span::new(4, 9);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert_eq!(a.cover(b), Span::new(0, 9));
        assert!(a.cover(b).contains(b));
    }

    #[test]
    fn trim_drops_outer_white_space() {
        let text = "  said  ";
        assert_eq!(Span::new(0, 8).trim(text).text(text), "said");
        assert!(Span::new(0, 2).trim(text).is_empty());
    }

    #[test]
    fn trim_agrees_with_str_trim() {
        let text = "\u{a0} \t\u{b}x\u{2003}y \u{3000}\n\u{c}\u{85}é\r\n";
        for start in 0..=text.len() {
            for end in start..=text.len() {
                let Some(s) = text.get(start..end) else {
                    continue;
                };
                let got = Span::new(start, end).trim(text).text(text);
                assert_eq!(got, s.trim(), "{start}..{end}");
            }
        }
    }
}
