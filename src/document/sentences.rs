//! Sentences: boundaries inside each block, found in one pass over the
//! block's tokens.
//!
//! A sentence ends at a run of `.`, `!`, `?` or `…` (with the closing quotes
//! and brackets glued to it) that white space follows, unless the words
//! around it say otherwise: an abbreviation from
//! [`crate::lexicon::abbreviations`] ("Sen.", "U.S.", "No. 2"), an initial
//! ("J. K. Rowling"), an ellipsis or a `?`/`!` that a lower-case word
//! follows ("… he asked"). A period with no white space after it ("3.5",
//! "U.S.-China") never ends a sentence. Punctuation before the first word of
//! a block (". If not sold, …") stays with the sentence that follows.

use std::ops::Range;

use serde::Serialize;

use super::{Block, Token, TokenKind};
use crate::lexicon::abbreviations::{self, AbbrevKind};
use crate::span::Span;

/// One sentence: its span and the range of its tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
    /// Index of the block it lies in.
    pub block: u32,
    /// Index of its first token.
    pub first_token: u32,
    /// One past the index of its last token.
    pub end_token: u32,
}

/// Splits each block into sentences.
pub fn split(text: &str, blocks: &[Block], tokens: &[Token]) -> Vec<Sentence> {
    split_in(
        text,
        blocks,
        tokens,
        &super::tokens::block_ranges(blocks, tokens),
        &super::tokens::marks_of(text, tokens),
    )
}

/// [`split`], with the range of each block's tokens known
/// ([`super::tokens::block_ranges`]) and the indices of the tokens that may
/// end a sentence ([`super::tokens::marks_of`]): only those are looked at.
pub fn split_in(
    text: &str,
    blocks: &[Block],
    tokens: &[Token],
    ranges: &[Range<usize>],
    stops: &[u32],
) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(blocks.len() * 4);
    // One buffer for every block's sentences.
    let mut found = Vec::new();
    let mut stop: usize = 0;
    for ((bi, _), range) in blocks.iter().enumerate().zip(ranges) {
        let lo = range.start;
        let toks = tokens.get(range.clone()).unwrap_or(&[]);
        let block_stops = super::tokens::marks_in(stops, &mut stop, range.clone())
            .iter()
            .map(|&k| k as usize - lo);
        found.clear();
        block_sentences(text, toks, block_stops, &mut found);
        for &(s, e) in &found {
            if let (Some(first), Some(last)) = (toks.get(s), toks.get(e.wrapping_sub(1))) {
                out.push(Sentence {
                    span: Span {
                        start: first.span.start,
                        end: last.span.end,
                    },
                    block: bi as u32,
                    first_token: (lo + s) as u32,
                    end_token: (lo + e) as u32,
                });
            }
        }
    }
    out
}

/// The sentences of one block, as ranges of indices into its tokens,
/// pushed onto `out`. `stops` are the indices (in order) of its tokens
/// that may end a sentence; no other token is a terminator.
fn block_sentences(
    text: &str,
    toks: &[Token],
    stops: impl Iterator<Item = usize>,
    out: &mut Vec<(usize, usize)>,
) {
    let mut start = 0;
    // Whether a word token lies in `toks[start..seen]`.
    let mut has_word = false;
    let mut seen = 0;
    // The first token not yet passed (a run of terminators and closers
    // is passed whole).
    let mut next = 0;
    for i in stops {
        if i < next {
            continue;
        }
        let Some(t) = toks.get(i) else { break };
        if !is_terminator_token(text, t) {
            continue;
        }
        if !has_word {
            has_word = toks
                .get(seen..i)
                .is_some_and(|ts| ts.iter().any(|t| t.kind.is_word()));
        }
        seen = i;
        let end = run_end(text, toks, i);
        let spaced = toks
            .get(end)
            .is_some_and(|n| toks.get(end - 1).is_some_and(|p| n.span.start > p.span.end));
        if spaced && has_word && ends_sentence(text, toks, i, end) {
            out.push((start, end));
            start = end;
            has_word = false;
            seen = end;
        }
        next = end.max(i + 1);
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
}

/// Sentence-ending punctuation.
fn is_terminator(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "‽")
}

/// [`is_terminator`] of a token's text, told by its first byte where it
/// can be: an ASCII terminator is a token of one byte (punctuation tokens
/// are one character), and the others start with the byte `E2`.
fn is_terminator_token(text: &str, t: &Token) -> bool {
    match text.as_bytes().get(t.span.start()) {
        Some(b'.' | b'!' | b'?') => t.span.len() == 1,
        Some(0xE2) => is_terminator(t.span.text(text)),
        _ => false,
    }
}

/// [`is_closer`] of a token's text, told by its first byte where it can
/// be (see [`is_terminator_token`]).
fn is_closer_token(text: &str, t: &Token) -> bool {
    match text.as_bytes().get(t.span.start()) {
        Some(b'"' | b'\'' | b')' | b']') => t.span.len() == 1,
        Some(0xE2 | 0xC2) => is_closer(t.span.text(text)),
        _ => false,
    }
}

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "›")
}

/// One past the last token of the run of terminators and closers glued to
/// the terminator at `i`.
fn run_end(text: &str, toks: &[Token], i: usize) -> usize {
    let mut j = i + 1;
    while let (Some(prev), Some(t)) = (toks.get(j - 1), toks.get(j)) {
        if t.span.start != prev.span.end
            || !(is_terminator_token(text, t) || is_closer_token(text, t))
        {
            break;
        }
        j += 1;
    }
    j
}

/// How the word after a boundary begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next {
    Lower,
    Upper,
    Digit,
    Other,
}

/// The first word at or after `j` (skipping at most three opening quotes,
/// brackets or dashes) and how it begins.
fn next_word<'t>(text: &'t str, toks: &[Token], j: usize) -> (Next, &'t str) {
    for t in toks.iter().skip(j).take(4) {
        let s = t.span.text(text);
        if t.kind == TokenKind::Punct {
            continue;
        }
        let case = match s.chars().next() {
            Some(c) if c.is_lowercase() => Next::Lower,
            Some(c) if c.is_uppercase() => Next::Upper,
            Some(c) if c.is_numeric() => Next::Digit,
            _ => Next::Other,
        };
        return (case, s);
    }
    (Next::Other, "")
}

/// Whether the run of terminators `i..end` ends a sentence.
fn ends_sentence(text: &str, toks: &[Token], i: usize, end: usize) -> bool {
    // The run's tokens are glued together (see [`run_end`]): its text is
    // the text from the first to the last.
    let run = match toks.get(i..end).unwrap_or(&[]) {
        [first, .., last] => Span {
            start: first.span.start,
            end: last.span.end,
        }
        .text(text),
        [one] => one.span.text(text),
        [] => "",
    };
    let (next, next_text) = next_word(text, toks, end);
    if toks.get(end).is_some_and(|t| is_dash(t.span.text(text))) {
        // "HEMPSTEAD, N.Y. — If": a dash does not start a sentence.
        return false;
    }
    if run.ends_with(['”', '"', '’', '\'']) && speech_tail(text, toks, end) {
        return false;
    }
    if next == Next::Lower && run.contains(')') {
        // "(D-Calif.) said": the period belonged to the brackets.
        return false;
    }
    let periods = run.bytes().filter(|&b| b == b'.').count();
    if run.contains(['?', '!', '‽', '…']) || periods > 1 {
        // "?” he asked", "… and then": a lower-case word continues.
        return next != Next::Lower;
    }
    let Some((word, dotted)) = word_before(text, toks, i) else {
        return true;
    };
    let kind = abbreviations::kind(word);
    // One character, a capital.
    let initial = !dotted && {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
    };
    if next == Next::Lower {
        return !(kind.is_some() || dotted || initial);
    }
    match kind {
        Some(AbbrevKind::Title) => false,
        Some(AbbrevKind::Number) => next != Next::Digit,
        Some(AbbrevKind::Inner) => starts_sentence(next, next_text),
        Some(AbbrevKind::Clock) => next == Next::Upper && !abbreviations::is_clock_tail(next_text),
        None if dotted => starts_sentence(next, next_text),
        None if initial => next_text.chars().count() > 1 && starts_sentence(next, next_text),
        None => true,
    }
}

/// Dashes, which never start a sentence.
fn is_dash(s: &str) -> bool {
    matches!(s, "—" | "–" | "―" | "-")
}

/// Whether the tokens from `j` are a speech tag that ends the quoted
/// sentence before it: capitalised names (at most four, with initials'
/// periods), a speech verb, then the end, a comma or a period ("“Why?”
/// Ruiz asked.").
fn speech_tail(text: &str, toks: &[Token], j: usize) -> bool {
    let mut k = j;
    let mut names = 0;
    while let Some(t) = toks.get(k).filter(|_| k < j + 8) {
        let s = t.span.text(text);
        if t.kind == TokenKind::Word && s.starts_with(char::is_uppercase) && names < 4 {
            names += 1;
        } else if !(s == "." && names > 0) {
            break;
        }
        k += 1;
    }
    let verb = toks
        .get(k)
        .is_some_and(|t| abbreviations::is_speech_verb(t.span.text(text)));
    let after = toks.get(k + 1).map(|t| t.span.text(text));
    names > 0 && verb && matches!(after, None | Some("." | ","))
}

/// Whether the word after an abbreviation's period starts a new sentence.
fn starts_sentence(next: Next, word: &str) -> bool {
    next == Next::Upper && abbreviations::is_sentence_starter(word)
}

/// The word glued before the period at `i`, with the dotted letters before
/// it ("U.S" for "U.S."), and whether it had inner periods.
fn word_before<'t>(text: &'t str, toks: &[Token], i: usize) -> Option<(&'t str, bool)> {
    let period = toks.get(i)?;
    let w = toks.get(i.checked_sub(1)?)?;
    if w.kind == TokenKind::Punct || w.span.end != period.span.start {
        return None;
    }
    let mut start = i - 1;
    // Walk back over "X." pairs of single words: at most four, so "U.S.A".
    for _ in 0..4 {
        let (Some(dot), Some(prev)) = (
            start.checked_sub(1).and_then(|k| toks.get(k)),
            start.checked_sub(2).and_then(|k| toks.get(k)),
        ) else {
            break;
        };
        let cur = toks.get(start)?;
        let glued = dot.span.end == cur.span.start && prev.span.end == dot.span.start;
        if !glued || dot.span.text(text) != "." || prev.kind == TokenKind::Punct {
            break;
        }
        if prev.span.len() > 2 || cur.span.len() > 2 {
            break;
        }
        start -= 2;
    }
    let first = toks.get(start)?;
    let word = Span {
        start: first.span.start,
        end: w.span.end,
    }
    .text(text);
    Some((word, start + 1 < i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::blocks::BlockKind;
    use crate::document::tokens::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let blocks = [Block {
            span: Span::new(0, text.len()),
            kind: BlockKind::Body,
            words: 0,
        }];
        let tokens = tokenize(text);
        split(text, &blocks, &tokens)
            .iter()
            .map(|s| s.span.text(text))
            .collect()
    }

    #[test]
    fn abbreviation_examples_stay_whole() {
        for g in abbreviations::groups() {
            if let Some(ex) = g.example {
                assert_eq!(sentences(ex), [ex], "{}", g.kind);
            }
        }
    }

    #[test]
    fn titles_before_names_do_not_split() {
        let t = "The bill stalled. Sen. Ana Ruiz (D-OR) said she would block it. Rep. Wu agreed.";
        assert_eq!(
            sentences(t),
            [
                "The bill stalled.",
                "Sen. Ana Ruiz (D-OR) said she would block it.",
                "Rep. Wu agreed."
            ]
        );
    }

    #[test]
    fn dotted_abbreviations_split_only_before_a_starter() {
        assert_eq!(sentences("The U.S. Senate met.").len(), 1);
        assert_eq!(
            sentences("Talks moved to the U.S. The rest stayed home."),
            ["Talks moved to the U.S.", "The rest stayed home."]
        );
        assert_eq!(sentences("It opens at 9 a.m. on weekdays.").len(), 1);
    }

    #[test]
    fn a_time_of_day_ends_a_sentence_before_a_capitalised_word() {
        assert_eq!(
            sentences("The pier closed after 10 p.m. Fishermen had left by then."),
            [
                "The pier closed after 10 p.m.",
                "Fishermen had left by then."
            ]
        );
        assert_eq!(
            sentences("The pier opens at 6 a.m. Monday and 7 p.m. ET.").len(),
            1
        );
        assert_eq!(sentences("It opens at 6 a.m. on weekdays.").len(), 1);
        assert_eq!(
            sentences("Sen. Ana Ruiz met Mr. Wu in the U.S. Senate.").len(),
            1
        );
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(sentences("A novel by J. K. Rowling sold well.").len(), 1);
    }

    #[test]
    fn numbers_do_not_split() {
        assert_eq!(
            sentences("The vote was 352-65. Growth hit 3.5 percent, or $1.2 billion. No. 2 won.")
                .len(),
            3
        );
        assert_eq!(sentences("He said no. Then he left.").len(), 2);
    }

    #[test]
    fn ellipses_split_only_before_a_capital() {
        assert_eq!(sentences("We waited… and waited. Then it rained.").len(), 2);
        assert_eq!(sentences("We waited... and waited.").len(), 1);
        assert_eq!(sentences("We waited... Then it rained.").len(), 2);
    }

    #[test]
    fn a_sentence_can_end_inside_a_closing_quote() {
        assert_eq!(
            sentences("She said, “We will do so.” Next came the vote."),
            ["She said, “We will do so.”", "Next came the vote."]
        );
        assert_eq!(
            sentences("\"Why now?\" he asked. \"Because!\" Then silence."),
            ["\"Why now?\" he asked.", "\"Because!\"", "Then silence."]
        );
    }

    #[test]
    fn a_speech_tag_after_a_quoted_question_stays() {
        assert_eq!(
            sentences("“Why now?” Ruiz asked. “Because,” Tom Wu said."),
            ["“Why now?” Ruiz asked.", "“Because,” Tom Wu said."]
        );
        assert_eq!(
            sentences("“We won.” Ruiz said the count was over.").len(),
            2
        );
    }

    #[test]
    fn a_dash_after_a_dateline_does_not_split() {
        assert_eq!(sentences("SPRINGFIELD, Ill. — The council voted.").len(), 1);
    }

    #[test]
    fn lower_case_after_a_plain_period_splits() {
        assert_eq!(sentences("It ended in 2012. iPhones sold anyway.").len(), 2);
    }

    #[test]
    fn leading_punctuation_stays_with_the_next_sentence() {
        assert_eq!(
            sentences(". If not, it fails. Then what?"),
            [". If not, it fails.", "Then what?"]
        );
    }

    #[test]
    fn token_ranges_match_the_span() {
        let text = "One two. Three four.";
        let tokens = tokenize(text);
        let blocks = [Block {
            span: Span::new(0, text.len()),
            kind: BlockKind::Body,
            words: 0,
        }];
        let s = split(text, &blocks, &tokens);
        assert_eq!(s.len(), 2);
        assert_eq!((s[1].first_token, s[1].end_token), (3, 6));
        assert_eq!(s[1].block, 0);
    }

    #[test]
    fn many_periods_stay_linear() {
        let text = ". ".repeat(200_000) + &"a.".repeat(200_000);
        assert!(!sentences(&text).is_empty());
    }
}
