//! Tokens: words, numbers and punctuation.

use std::ops::Range;

use serde::Serialize;

use super::Block;
use crate::span::Span;

/// The class of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TokenKind {
    /// A run of letters (and digits, marks, underscores) with at least one
    /// letter: a word as the scorer counts it (`\w+`).
    Word,
    /// A run of `\w` characters that are all digits.
    Number,
    /// One character that is neither white space nor `\w`.
    Punct,
}

impl TokenKind {
    /// Whether the scorer counts it as a word (`\w+`): words and numbers.
    pub fn is_word(self) -> bool {
        matches!(self, TokenKind::Word | TokenKind::Number)
    }
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Whether a character is a word character as Python's `\w` has it.
pub fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) || c == '_' || is_mark(c)
}

/// [`char::is_alphanumeric`], with the commonest characters that are not
/// ASCII answered without the Unicode tables: the Latin letters of
/// U+00C0–U+024F (all but `×` and `÷`) and the general punctuation of
/// U+2000–U+206F (dashes, curly quotes, spaces: none a letter or digit).
pub fn is_alphanumeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xC0..=0x24F => !matches!(c, '×' | '÷'),
        0x2000..=0x206F => false,
        _ => c.is_alphanumeric(),
    }
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// For each block, the range of indices of the tokens that start in it:
/// two binary searches of `tokens` (which are in text order) a block, done
/// once for every later reader of the blocks' tokens.
pub fn block_ranges(blocks: &[Block], tokens: &[Token]) -> Vec<Range<usize>> {
    blocks
        .iter()
        .map(|b| {
            let lo = tokens.partition_point(|t| t.span.start < b.span.start);
            let rest = tokens.get(lo..).unwrap_or_default();
            lo..lo + rest.partition_point(|t| t.span.start < b.span.end)
        })
        .collect()
}

/// What an ASCII byte is to the tokenizer.
const WORD: u8 = 1;
/// An ASCII digit (also [`WORD`]).
const DIGIT: u8 = 2;
/// ASCII white space as [`char::is_whitespace`] has it.
const SPACE: u8 = 4;
/// A byte that is not ASCII: the character is decoded.
const NON_ASCII: u8 = 8;
/// A byte that [`may_mark`] (with [`NON_ASCII`] for `E2` and `C2`).
const MARK: u8 = 16;

/// The class bits of each byte, looked up rather than worked out.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut rest: &mut [u8] = &mut table;
    let mut b: usize = 0;
    while let Some((class, tail)) = rest.split_first_mut() {
        let byte = b as u8;
        *class = match byte {
            b'0'..=b'9' => WORD | DIGIT,
            b'A'..=b'Z' | b'a'..=b'z' | b'_' => WORD,
            b' ' | b'\t'..=b'\r' => SPACE,
            0x80..=0xFF => NON_ASCII,
            _ => 0,
        } | if may_mark(byte) { MARK } else { 0 };
        rest = tail;
        b += 1;
    }
    table
};

/// The class bits and byte length of the character that is not ASCII at
/// byte `i`.
fn non_ascii_class_at(text: &str, i: usize) -> (u8, usize) {
    let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
        return (0, 1);
    };
    let class = if is_word_char(c) {
        WORD
    } else if c.is_whitespace() {
        SPACE
    } else {
        0
    };
    (class, c.len_utf8())
}

/// The class bits of a byte.
fn byte_class(b: u8) -> u8 {
    BYTE_CLASS.get(usize::from(b)).copied().unwrap_or(NON_ASCII)
}

/// Splits the text into tokens, in one pass over its bytes: a run of word
/// characters is a word (a number when all are ASCII digits), any other
/// character but white space a punctuation token. Runs of ASCII word bytes
/// are read eight bytes at a time; only a character that is not ASCII is
/// decoded.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_into(text, &mut Vec::new(), &mut Vec::new())
}

/// Whether a punctuation token starting with the byte `b` may end a
/// sentence or be a quotation mark: `.`, `!`, `?`, `"`, `'`, or a
/// character whose UTF-8 starts with `E2` ("…", "‽", "“", "’") or `C2`
/// ("«"). The sentence splitter and the quotation pairer look only at
/// these tokens.
pub const fn may_mark(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'"' | b'\'' | 0xE2 | 0xC2)
}

/// The indices of the tokens that [`may_mark`] a sentence end or a
/// quotation, in order (what [`tokenize_marked`] gives along with the
/// tokens).
pub fn marks_of(text: &str, tokens: &[Token]) -> Vec<u32> {
    let bytes = text.as_bytes();
    (0u32..)
        .zip(tokens)
        .filter(|(_, t)| {
            t.kind == TokenKind::Punct && bytes.get(t.span.start()).is_some_and(|&b| may_mark(b))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The marks ([`marks_of`]) among the tokens `range`, for a walk over
/// blocks in order: `at` is where the last block's marks ended, and is
/// moved past these.
pub(crate) fn marks_in<'m>(marks: &'m [u32], at: &mut usize, range: Range<usize>) -> &'m [u32] {
    let before = |m: &u32| (*m as usize) < range.start;
    // Blocks in order: the walk goes on from `at`, a step a mark (a few
    // marks a block); a block before the last is searched for.
    let from_holds = *at == 0
        || at
            .checked_sub(1)
            .and_then(|k| marks.get(k))
            .is_some_and(before);
    let mut first = if from_holds {
        *at
    } else {
        marks.partition_point(before)
    };
    while marks.get(first).is_some_and(before) {
        first += 1;
    }
    let mut end = first;
    while marks.get(end).is_some_and(|&m| (m as usize) < range.end) {
        end += 1;
    }
    *at = end;
    marks.get(first..end).unwrap_or(&[])
}

/// [`slice::partition_point`] for a `pred` that holds for a prefix of
/// `items`, searched from `from`: a few doubling steps (galloping) for a
/// point close after `from`, then a binary search of the rest. When the
/// point is before `from`, the whole slice is searched.
pub fn partition_from<T>(items: &[T], from: usize, pred: impl Fn(&T) -> bool) -> usize {
    /// How far the doubling steps look before the binary search.
    const NEAR: usize = 16;
    let from_holds = from == 0
        || from
            .checked_sub(1)
            .and_then(|i| items.get(i))
            .is_some_and(&pred);
    let Some(rest) = items.get(from..).filter(|_| from_holds) else {
        return items.partition_point(pred);
    };
    // `pred` holds for rest[..bound / 2]; find the first bound it fails at.
    let mut bound = 1;
    while bound <= NEAR && rest.get(bound - 1).is_some_and(&pred) {
        bound *= 2;
    }
    let start = bound / 2;
    let end = if bound > NEAR {
        rest.len()
    } else {
        bound.min(rest.len())
    };
    let window = rest.get(start..end).unwrap_or_default();
    from + start + window.partition_point(pred)
}

/// [`tokenize`], with the byte offsets, in order, of the word characters
/// that are not ASCII letters or digits (`_`, marks, letters that are not
/// ASCII). A word token without one is one word as
/// [`crate::lexicon::chrome::word_count`] counts them, in the text and in
/// its lower case alike. Third, the tokens that [`may_mark`] a sentence end
/// or a quotation (see [`marks_of`]).
pub fn tokenize_marked(text: &str) -> (Vec<Token>, Vec<usize>, Vec<u32>) {
    let mut odd = Vec::new();
    // About one mark in every 64 bytes of news.
    let mut marks = Vec::with_capacity(text.len() / 64);
    let tokens = tokenize_into(text, &mut odd, &mut marks);
    (tokens, odd, marks)
}

/// [`tokenize`], noting in `odd` the offsets of the word characters that
/// are not ASCII letters or digits (in order: they are found as the words
/// are read), and in `marks` the indices of the tokens that [`may_mark`] a
/// sentence end or a quotation.
fn tokenize_into(text: &str, odd: &mut Vec<usize>, marks: &mut Vec<u32>) -> Vec<Token> {
    // Spans are `u32` offsets: a text is at most 4 GiB (longer inputs are
    // rejected before), so every offset below fits.
    let all = text.as_bytes();
    let bytes = all.get(..u32::MAX as usize).unwrap_or(all);
    let mut tokens = Vec::with_capacity(bytes.len() / 4);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = byte_class(b);
        let start = i;
        if class & WORD == 0 {
            let (class, len) = if class & NON_ASCII == 0 {
                (class, 1)
            } else {
                let (c, len) = non_ascii_class_at(text, i);
                (c | (class & MARK), len)
            };
            if class & WORD == 0 {
                if class & SPACE == 0 {
                    if class & MARK != 0 {
                        marks.push(tokens.len() as u32);
                    }
                    tokens.push(token(i, i + len, TokenKind::Punct));
                }
                i += len;
                continue;
            }
            // A word that starts with a word character that is not ASCII.
            odd.push(i);
            i += len;
        }
        // A run of word characters, read eight bytes at a time (from its
        // first when ASCII) as ASCII letters and digits; only a byte that
        // is neither is looked at: an underscore (noted as odd) or a byte
        // that is not ASCII (decoded) goes on with the word.
        loop {
            let word = ascii_alphanumeric_bytes(eight_bytes_at(bytes, i));
            // The first byte that is not a letter or digit (none when zero).
            let ends = !word & HIGH_BITS;
            if ends == 0 {
                i += 8;
                continue;
            }
            i += (ends.trailing_zeros() / 8) as usize;
            match bytes.get(i) {
                Some(&b'_') => {
                    odd.push(i);
                    i += 1;
                }
                Some(&b) if b >= 0x80 => {
                    let (class, len) = non_ascii_class_at(text, i);
                    if class & WORD == 0 {
                        break;
                    }
                    odd.push(i);
                    i += len;
                }
                _ => break,
            }
        }
        // All ASCII digits: only a run that starts with one can be.
        let digits = class & DIGIT != 0
            && bytes
                .get(start..i)
                .is_some_and(|w| w.iter().all(u8::is_ascii_digit));
        let kind = if digits {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        tokens.push(token(start, i, kind));
        // Most words are followed by one space: skipped here.
        if bytes.get(i) == Some(&b' ') {
            i += 1;
        }
    }
    tokens
}

/// The token of `start..end`, offsets of a text of at most `u32::MAX`
/// bytes.
fn token(start: usize, end: usize, kind: TokenKind) -> Token {
    Token {
        span: Span {
            start: start as u32,
            end: end as u32,
        },
        kind,
    }
}

/// The top bit of each byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Each byte of a `u64` set to `b`.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The eight bytes of `bytes` from `at`, little-endian, zeros (which are
/// not word bytes) past its end.
pub(crate) fn eight_bytes_at(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => {
            let mut chunk = [0; 8];
            let rest = bytes.get(at..).unwrap_or_default();
            for (c, &b) in chunk.iter_mut().zip(rest) {
                *c = b;
            }
            u64::from_le_bytes(chunk)
        }
    }
}

/// The top bit of each byte of `x` that is an ASCII letter or digit; a
/// byte that is not ASCII is neither.
fn ascii_alphanumeric_bytes(x: u64) -> u64 {
    let ascii = !x & HIGH_BITS;
    let low = x & !HIGH_BITS;
    // Per byte, v + (0x80 - lo) has its top bit set when v >= lo; no byte
    // carries into the next, as v < 0x80.
    let at_least = |v: u64, lo: u8| v.wrapping_add(splat(0x80 - lo));
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    let lower = low | splat(0x20);
    let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
    (digit | letter) & ascii
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_from_agrees_with_partition_point_from_any_hint() {
        let items: Vec<u32> = (0..40).map(|i| i * 3).collect();
        for limit in [0, 1, 2, 3, 50, 61, 117, 118, 200] {
            let want = items.partition_point(|&x| x < limit);
            for from in 0..=items.len() + 2 {
                assert_eq!(partition_from(&items, from, |&x| x < limit), want);
            }
        }
    }

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.text(text)).collect()
    }

    #[test]
    fn words_match_the_scorers_w_plus() {
        assert_eq!(
            texts("Embassy’s vote, 352-65."),
            ["Embassy", "’", "s", "vote", ",", "352", "-", "65", "."]
        );
    }

    #[test]
    fn numbers_are_digit_runs() {
        let t = tokenize("No. 2 a1");
        assert_eq!(t[2].kind, TokenKind::Number);
        assert_eq!(t[3].kind, TokenKind::Word);
    }

    #[test]
    fn block_ranges_are_the_binary_searches() {
        let text = "One two, three. Four\n\nfive six seven eight nine ten eleven twelve.\n\nx";
        let tokens = tokenize(text);
        let block = |start: usize, end: usize| Block {
            span: Span::new(start, end),
            kind: crate::document::BlockKind::Body,
            words: 0,
        };
        let mut blocks = Vec::new();
        for start in (0..=text.len()).step_by(3) {
            for len in [0, 1, 4, 9, 30, 80] {
                blocks.push(block(start, (start + len).min(text.len())));
            }
        }
        // Out of order too.
        blocks.push(block(2, 10));
        blocks.push(block(text.len(), text.len()));
        let want: Vec<Range<usize>> = blocks
            .iter()
            .map(|b| {
                let lo = tokens.partition_point(|t| t.span.start < b.span.start);
                let hi = tokens.partition_point(|t| t.span.start < b.span.end);
                lo..hi.max(lo)
            })
            .collect();
        assert_eq!(block_ranges(&blocks, &tokens), want);
    }

    #[test]
    fn the_quick_alphanumeric_test_is_the_unicode_one() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The tokens a character at a time, as the scorer's `\w+` has them.
    fn naive(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            if !is_word_char(c) {
                out.push(Token {
                    span: Span::new(i, i + c.len_utf8()),
                    kind: TokenKind::Punct,
                });
                continue;
            }
            let mut end = i + c.len_utf8();
            let mut digits = c.is_ascii_digit();
            while let Some(&(j, d)) = chars.peek().filter(|(_, d)| is_word_char(*d)) {
                digits &= d.is_ascii_digit();
                end = j + d.len_utf8();
                chars.next();
            }
            let kind = if digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(token(i, end, kind));
        }
        out
    }

    #[test]
    fn tokens_are_the_naive_ones() {
        let base =
            "Ab9 cd,EF  gh-ij_kl@Zz [mn] é ĳx 2024年 12.5 — ŒU 0123456789_ x\u{301}y “q” \t\n\
            Internationalization\u{a0}98765432101234567\u{2009}abcdefghijklmnopé.";
        for i in 0..base.len() {
            let Some(t) = base.get(i..) else { continue };
            for text in [t.to_string(), t.repeat(3), format!("{t}12345678901234567")] {
                assert_eq!(tokenize(&text), naive(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn odd_offsets_are_the_word_characters_that_are_not_ascii_alphanumeric() {
        let base = "_a b_c é_ x\u{301}y __init__ 12_3 ĳ_x abcdefgh_ijklmnop_ “é” ab\u{301}_";
        for i in 0..base.len() {
            let Some(t) = base.get(i..) else { continue };
            for text in [t.to_string(), t.repeat(3), format!("{t}abcdefghijklmnop_")] {
                let want: Vec<usize> = text
                    .char_indices()
                    .filter(|&(_, c)| is_word_char(c) && !c.is_ascii_alphanumeric())
                    .map(|(i, _)| i)
                    .collect();
                assert_eq!(tokenize_marked(&text).1, want, "{text:?}");
            }
        }
    }

    #[test]
    fn the_tokenizers_marks_are_the_found_ones() {
        let text = "He said: \"Go.\" Then… ‘no’! «Oui» it's 3.5? Yes‽ (a.m.) x";
        let (tokens, _, marks) = tokenize_marked(text);
        assert_eq!(marks, marks_of(text, &tokens));
        let marked: Vec<&str> = marks
            .iter()
            .filter_map(|&k| tokens.get(k as usize))
            .map(|t| t.span.text(text))
            .collect();
        assert!(marked.contains(&"…") && marked.contains(&"«") && marked.contains(&"'"));
    }
}
