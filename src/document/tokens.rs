//! Tokens: words, numbers and punctuation.

use serde::Serialize;

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
    c.is_alphanumeric() || c == '_' || is_mark(c)
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// What an ASCII byte is to the tokenizer.
const WORD: u8 = 1;
/// An ASCII digit (also [`WORD`]).
const DIGIT: u8 = 2;
/// ASCII white space as [`char::is_whitespace`] has it.
const SPACE: u8 = 4;
/// A byte that is not ASCII: the character is decoded.
const NON_ASCII: u8 = 8;

/// The class bits of each byte, looked up rather than worked out.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut rest: &mut [u8] = &mut table;
    let mut b: usize = 0;
    while let Some((class, tail)) = rest.split_first_mut() {
        *class = match b as u8 {
            b'0'..=b'9' => WORD | DIGIT,
            b'A'..=b'Z' | b'a'..=b'z' | b'_' => WORD,
            b' ' | b'\t'..=b'\r' => SPACE,
            0x80..=0xFF => NON_ASCII,
            _ => 0,
        };
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

/// The class bits of a byte ([`NON_ASCII`] for a byte that is not ASCII).
fn byte_class(b: u8) -> u8 {
    BYTE_CLASS.get(usize::from(b)).copied().unwrap_or(NON_ASCII)
}

/// Splits the text into tokens, in one pass over its bytes: a run of word
/// characters is a word (a number when all are ASCII digits), any other
/// character but white space a punctuation token. Runs of ASCII word bytes
/// are read in a tight loop; only a character that is not ASCII is decoded.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (class, len) = match byte_class(b) {
            NON_ASCII => non_ascii_class_at(text, i),
            class => (class, 1),
        };
        if class & WORD == 0 {
            if class & SPACE == 0 {
                tokens.push(Token {
                    span: Span::new(i, i + len),
                    kind: TokenKind::Punct,
                });
            }
            i += len;
            continue;
        }
        // A run of word characters; `all` keeps the bits every byte has,
        // so DIGIT stays only when all are ASCII digits.
        let start = i;
        let mut all = class;
        i += len;
        loop {
            let rest = bytes.get(i..).unwrap_or_default();
            let run = rest
                .iter()
                .position(|&b| {
                    let class = byte_class(b);
                    let ends = class & WORD == 0;
                    if !ends {
                        all &= class;
                    }
                    ends
                })
                .unwrap_or(rest.len());
            i += run;
            match bytes.get(i) {
                Some(&b) if byte_class(b) == NON_ASCII => {
                    let (class, len) = non_ascii_class_at(text, i);
                    if class & WORD == 0 {
                        break;
                    }
                    all = WORD;
                    i += len;
                }
                _ => break,
            }
        }
        tokens.push(word_token(start, i, all & DIGIT != 0));
    }
    tokens
}

/// The token of the word `start..end`.
fn word_token(start: usize, end: usize, digits: bool) -> Token {
    Token {
        span: Span::new(start, end),
        kind: if digits {
            TokenKind::Number
        } else {
            TokenKind::Word
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
