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

/// Splits the text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut word: Option<(usize, bool)> = None; // (start, has a non-digit)
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            match &mut word {
                Some((_, alpha)) => *alpha |= !c.is_ascii_digit(),
                None => word = Some((i, !c.is_ascii_digit())),
            }
            continue;
        }
        if let Some((s, alpha)) = word.take() {
            tokens.push(Token {
                span: Span::new(s, i),
                kind: if alpha {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                },
            });
        }
        if !c.is_whitespace() {
            tokens.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
    if let Some((s, alpha)) = word {
        tokens.push(Token {
            span: Span::new(s, text.len()),
            kind: if alpha {
                TokenKind::Word
            } else {
                TokenKind::Number
            },
        });
    }
    tokens
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
