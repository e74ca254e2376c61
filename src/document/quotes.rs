//! Quotations: quotation marks paired, across paragraphs, in one pass over
//! the tokens.
//!
//! Double marks (`"`, `“ ”`, `„`, `« »`) pair into quotations; a straight
//! `"` opens or closes by its neighbours (after white space, the start or
//! an opening bracket it opens; before white space, punctuation or the end
//! it closes; otherwise it toggles). Single marks (`‘ ’`, `'`) pair only
//! where they are clearly quotation marks, not apostrophes: an opening
//! mark at a word start, a closing mark not between letters, both in one
//! paragraph; an unclosed single mark is dropped as an apostrophe.
//!
//! A quotation that runs over several paragraphs (an opening mark on each,
//! the closing mark only on the last) is one [`Quotation`] with one piece a
//! paragraph. A double mark left open ends at its paragraph's end, unclosed,
//! unless the next paragraph starts with an opening mark; a new opening mark
//! while one is open ends the open one there, unclosed; a stray closing mark
//! is ignored.

use std::ops::Range;

use serde::Serialize;

use super::tokens::is_alphanumeric;
use super::{Block, BlockKind, Token, TokenKind};
use crate::span::Span;

/// A quotation: from its opening mark to its closing mark.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quotation {
    /// From the opening mark to the closing mark, both included (to the end
    /// of the last paragraph when it is never closed).
    pub span: Span,
    /// One piece a paragraph, marks included.
    pub pieces: Vec<Span>,
    /// Whether a closing mark was found.
    pub closed: bool,
}

/// Which marks pair with which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

/// What a mark does in its context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

/// A quotation being read: where it opened and the pieces so far.
#[derive(Clone, Debug)]
struct Open {
    start: usize,
    piece_start: usize,
    pieces: Vec<Span>,
    /// Opened by a straight mark (`"`, `'`) rather than a typographic one.
    straight: bool,
}

impl Open {
    fn new(start: usize, straight: bool) -> Open {
        Open {
            start,
            piece_start: start,
            pieces: Vec::new(),
            straight,
        }
    }

    /// Ends the quotation at byte `end`.
    fn finish(mut self, end: usize, closed: bool) -> Quotation {
        self.pieces.push(Span::new(self.piece_start, end));
        Quotation {
            span: Span::new(self.start, end),
            pieces: self.pieces,
            closed,
        }
    }
}

/// The pairing state: an outer double quotation (the only one carried
/// across paragraphs), one nested double quotation, one single quotation.
struct Pairer<'t> {
    text: &'t str,
    out: Vec<Quotation>,
    outer: Option<Open>,
    inner: Option<Open>,
    single: Option<Open>,
}

impl Pairer<'_> {
    /// Starts a paragraph: an outer quotation left open continues when the
    /// paragraph starts with an opening mark of its style, else it ends
    /// unclosed at `prev_end`. Returns whether the first token was used.
    fn start_block(&mut self, first: Option<&Token>, prev_end: usize) -> bool {
        let Some(mut open) = self.outer.take() else {
            return false;
        };
        let continues = first.is_some_and(|t| {
            mark(self.text, t) == Some(Family::Double)
                && is_straight(self.text, t) == open.straight
                && role(self.text, t, Family::Double, false) == Some(Role::Open)
        });
        match first.filter(|_| continues) {
            Some(t) => {
                open.pieces.push(Span::new(open.piece_start, prev_end));
                open.piece_start = t.span.start();
                self.outer = Some(open);
                true
            }
            None => {
                self.out.push(open.finish(prev_end, false));
                false
            }
        }
    }

    /// Reads one double quotation mark.
    fn double(&mut self, t: &Token) {
        let straight = is_straight(self.text, t);
        let same_open = [&self.outer, &self.inner]
            .iter()
            .any(|o| o.as_ref().is_some_and(|o| o.straight == straight));
        match role(self.text, t, Family::Double, same_open) {
            Some(Role::Open) => {
                let open = Some(Open::new(t.span.start(), straight));
                if self.outer.is_none() {
                    self.outer = open;
                } else {
                    // Nested, or a stray opening inside: at most one level.
                    self.inner = open;
                }
            }
            Some(Role::Close) => {
                let inner_matches = self.inner.as_ref().is_some_and(|o| o.straight == straight);
                let outer_matches = self.outer.as_ref().is_some_and(|o| o.straight == straight);
                if inner_matches || (self.inner.is_some() && !outer_matches) {
                    if let Some(open) = self.inner.take() {
                        self.out.push(open.finish(t.span.end(), true));
                    }
                } else if let Some(open) = self.outer.take() {
                    self.out.push(open.finish(t.span.end(), true));
                    self.inner = None;
                    self.single = None;
                }
            }
            None => {}
        }
    }

    /// Reads one single quotation mark (or apostrophe).
    fn single(&mut self, t: &Token) {
        match (
            role(self.text, t, Family::Single, self.single.is_some()),
            self.single.take(),
        ) {
            (Some(Role::Open), _) => self.single = Some(Open::new(t.span.start(), true)),
            (Some(Role::Close), Some(open)) => self.out.push(open.finish(t.span.end(), true)),
            (_, open) => self.single = open,
        }
    }

    /// Ends a paragraph: nested and single quotations left open are
    /// dropped; the outer one waits for the next paragraph.
    fn end_block(&mut self) {
        self.inner = None;
        self.single = None;
    }
}

/// Pairs the quotation marks of the text.
pub fn pair(text: &str, blocks: &[Block], tokens: &[Token]) -> Vec<Quotation> {
    pair_in(
        text,
        blocks,
        tokens,
        &super::tokens::block_ranges(blocks, tokens),
        &super::tokens::marks_of(text, tokens),
    )
}

/// [`pair`], with the range of each block's tokens known
/// ([`super::tokens::block_ranges`]) and the indices of the tokens that may
/// be quotation marks ([`super::tokens::marks_of`]): only those are looked
/// at.
pub fn pair_in(
    text: &str,
    blocks: &[Block],
    tokens: &[Token],
    ranges: &[Range<usize>],
    marks: &[u32],
) -> Vec<Quotation> {
    let mut p = Pairer {
        text,
        out: Vec::new(),
        outer: None,
        inner: None,
        single: None,
    };
    let mut prev_end = 0;
    let mut at: usize = 0;
    for (block, range) in blocks.iter().zip(ranges) {
        if block.kind == BlockKind::Chrome {
            continue;
        }
        let toks = tokens.get(range.clone()).unwrap_or(&[]);
        let used = p.start_block(toks.first(), prev_end);
        let from = range.start + usize::from(used);
        let block_marks = super::tokens::marks_in(marks, &mut at, from..range.end);
        for t in block_marks.iter().filter_map(|&k| tokens.get(k as usize)) {
            match mark(text, t) {
                Some(Family::Double) => p.double(t),
                Some(Family::Single) => p.single(t),
                None => {}
            }
        }
        p.end_block();
        prev_end = block.span.end();
    }
    if let Some(open) = p.outer.take() {
        p.out.push(open.finish(prev_end, false));
    }
    let mut out = p.out;
    out.sort_by_key(|q| q.span.start);
    out
}

/// Whether a mark is a straight one (`"`, `'`).
fn is_straight(text: &str, t: &Token) -> bool {
    matches!(t.span.text(text), "\"" | "'")
}

/// The family of a quotation mark token, if it is one. Most tokens are
/// told by their first byte: the ASCII marks are tokens of one byte, the
/// others start with the byte `E2` or `C2`.
fn mark(text: &str, t: &Token) -> Option<Family> {
    if t.kind != TokenKind::Punct {
        return None;
    }
    match text.as_bytes().get(t.span.start()) {
        Some(b'"') => return Some(Family::Double),
        Some(b'\'') => return Some(Family::Single),
        Some(0xE2 | 0xC2) => {}
        _ => return None,
    }
    match t.span.text(text) {
        "\"" | "“" | "”" | "„" | "«" | "»" => Some(Family::Double),
        "‘" | "’" | "'" => Some(Family::Single),
        _ => None,
    }
}

/// The characters either side of a token, read from the neighbouring byte
/// where it is ASCII and decoded only where it is not.
fn neighbours(text: &str, t: &Token) -> (Option<char>, Option<char>) {
    let bytes = text.as_bytes();
    let before = match t.span.start().checked_sub(1).and_then(|k| bytes.get(k)) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text
            .get(..t.span.start())
            .and_then(|s| s.chars().next_back()),
    };
    let after = match bytes.get(t.span.end()) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(t.span.end()..).and_then(|s| s.chars().next()),
    };
    (before, after)
}

/// Whether a quotation may open after this character.
fn opens_after(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '«'
            )
    })
}

/// Whether a quotation may close before this character.
fn closes_before(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | ')'
                    | ']'
                    | '}'
                    | '—'
                    | '–'
                    | '-'
                    | '…'
                    | '”'
                    | '’'
                    | '"'
                    | '»'
            )
    })
}

/// What a mark does here, given whether a quotation of its family is open;
/// `None` when it is not a quotation mark here (an apostrophe, a stray).
fn role(text: &str, t: &Token, family: Family, is_open: bool) -> Option<Role> {
    let (before, after) = neighbours(text, t);
    let word_after = after.is_some_and(is_alphanumeric);
    let open_ctx = opens_after(before);
    let close_ctx = closes_before(after);
    match (family, t.span.text(text)) {
        (Family::Double, "“" | "„" | "«") => Some(if is_open && close_ctx && !open_ctx {
            Role::Close
        } else {
            Role::Open
        }),
        (Family::Double, "”" | "»") => Some(if !is_open && open_ctx && word_after {
            Role::Open
        } else {
            Role::Close
        }),
        (Family::Double, _) => Some(match (open_ctx && !close_ctx, close_ctx && !open_ctx) {
            (true, _) => Role::Open,
            (_, true) => Role::Close,
            _ if is_open => Role::Close,
            _ => Role::Open,
        }),
        (Family::Single, m) => {
            let letter_before = before.is_some_and(is_alphanumeric);
            if m != "’" && open_ctx && word_after && !is_open {
                Some(Role::Open)
            } else if m != "‘"
                && is_open
                && !before.is_some_and(char::is_whitespace)
                && !(letter_before && word_after)
            {
                Some(Role::Close)
            } else {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::tokens::tokenize;

    fn quotes(text: &str) -> Vec<Quotation> {
        let mut blocks = Vec::new();
        let mut offset = 0;
        for para in text.split_inclusive("\n\n") {
            blocks.push(Block {
                span: Span::new(offset, offset + para.len()).trim(text),
                kind: BlockKind::Body,
                words: 0,
            });
            offset += para.len();
        }
        pair(text, &blocks, &tokenize(text))
    }

    fn texts(text: &str) -> Vec<(&str, bool)> {
        quotes(text)
            .iter()
            .map(|q| (q.span.text(text), q.closed))
            .collect()
    }

    #[test]
    fn curly_quotes_pair_across_sentences() {
        let t = "She said, “We never knew. We will go on.” Then she left.";
        assert_eq!(texts(t), [("“We never knew. We will go on.”", true)]);
    }

    #[test]
    fn straight_quotes_open_and_close_by_context() {
        let t = "He called it \"a scam,\" and \"a fraud\". \"Yes,\" she said.";
        assert_eq!(
            texts(t),
            [
                ("\"a scam,\"", true),
                ("\"a fraud\"", true),
                ("\"Yes,\"", true)
            ]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let t = "The players’ union said it’s ‘not over’ yet, rock ’n’ roll.";
        assert_eq!(texts(t), [("‘not over’", true)]);
        assert!(texts("It was the ’90s and we’d won.").is_empty());
    }

    #[test]
    fn single_quotes_nest_in_double_quotes() {
        let t = "“They called it ‘a scam,’ I think,” she said.";
        assert_eq!(
            texts(t),
            [
                ("“They called it ‘a scam,’ I think,”", true),
                ("‘a scam,’", true)
            ]
        );
    }

    #[test]
    fn a_quote_over_paragraphs_is_one_quotation_with_pieces() {
        let t = "“First part of it.\n\n“Second part.\n\n“Last part,” he said.";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].pieces.len(), 3);
        assert!(q[0].closed);
        assert_eq!(q[0].pieces[1].text(t), "“Second part.");
        assert_eq!(q[0].span, Span::new(0, t.find(" he").unwrap_or(0)));
    }

    #[test]
    fn an_unclosed_quote_ends_at_its_paragraph() {
        let t = "He said “this never ends.\n\nA new paragraph with “a quote” in it.";
        assert_eq!(
            texts(t),
            [("“this never ends.", false), ("“a quote”", true)]
        );
    }

    #[test]
    fn a_stray_closing_mark_is_ignored() {
        let t = "Odd” mark. Then “a quote” here.";
        assert_eq!(texts(t), [("“a quote”", true)]);
    }

    #[test]
    fn an_opening_mark_inside_an_unclosed_one_nests() {
        let t = "One “unclosed here. Two “closed” here.";
        assert_eq!(
            texts(t),
            [
                ("“unclosed here. Two “closed” here.", false),
                ("“closed”", true)
            ]
        );
    }

    #[test]
    fn curly_quotes_nest_in_straight_quotes_and_alike() {
        let t = "\"He asked, “Why?” Then no more,\" she said. “It is “hell” for us.”";
        assert_eq!(
            texts(t),
            [
                ("\"He asked, “Why?” Then no more,\"", true),
                ("“Why?”", true),
                ("“It is “hell” for us.”", true),
                ("“hell”", true)
            ]
        );
    }

    #[test]
    fn a_paragraph_continues_only_with_the_same_style_of_mark() {
        let t = "\"An excerpt begins here.\n\n“Inner talk,” she said.";
        assert_eq!(
            texts(t),
            [
                ("\"An excerpt begins here.", false),
                ("“Inner talk,”", true)
            ]
        );
    }

    #[test]
    fn a_megabyte_of_marks_stays_linear() {
        let unit = "“a\" ”b ‘c’ 'd \"e “ ";
        let t = unit.repeat(1_000_000 / unit.len());
        let q = quotes(&t);
        assert!(q.iter().all(|q| q.span.end() <= t.len()));
    }
}
