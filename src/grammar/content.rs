//! Content extents: after a cue (to the sentence end, or to the end of a
//! quotation that opens there), before a trailing cue (from the sentence
//! start, or from an earlier opening mark in the same line), and the
//! further quoted pieces of a split or continued quotation.
//!
//! Input type of this layer: the [`View`], the [`Quotes`] and token
//! indices. A piece never crosses a line; the walks are bounded by the
//! sentence, the line or the quotation.

use super::quotes::Quotes;
use super::view::{Sent, View, EM_DASH, EN_DASH};
use crate::lexicon::cues::{Class, Form};

/// A content piece as a token range.
pub type Piece = (usize, usize);

/// The most lines a continued quotation is followed into.
const MAX_CONTINUED_LINES: usize = 12;

/// Drops punctuation other than quotation marks from the right end.
fn trim_right(v: &View, a: usize, mut b: usize) -> usize {
    while b > a && !v.is_word(b - 1) && !v.is_quote(b - 1) {
        b -= 1;
    }
    b
}

/// Content after a cue, starting at token `from` in `sent`; `None` when
/// nothing with a word follows.
pub fn forward(v: &View, q: &Quotes, sent: &Sent, from: usize) -> Option<Vec<Piece>> {
    let mut from = from;
    while from < sent.end && matches!(v.raw(from), b"," | b":" | EM_DASH | EN_DASH) {
        from += 1;
    }
    if from >= sent.end {
        return None;
    }
    let mut end = sent.end;
    let mut last_region = None;
    // A quotation opening before the sentence end may run past it.
    if let Some((r, rend)) = q.last_end_opening_in(from, sent.end) {
        if rend > end {
            end = rend;
        }
        last_region = Some(r);
    }
    // Unquoted content stops at a semicolon or before a closing ", which
    // …", ", while …" that runs to the end: a clause the source did not say
    // ("the bill, which …, is unfair" keeps its embedded clause).
    if last_region.is_none() {
        let closing_clause = |k: usize| {
            v.is_punct(k, ",")
                && matches!(v.w(k + 1), b"which" | b"while" | b"whereas" | b"however")
                && !(k + 1..end).any(|j| v.is_punct(j, ","))
        };
        if let Some(k) = (from + 1..end).find(|&k| v.is_punct(k, ";") || closing_clause(k)) {
            end = k;
        }
    }
    let end = trim_right(v, from, end);
    if !(from..end).any(|i| v.is_word(i)) {
        return None;
    }
    let mut pieces = vec![(from, end)];
    if let Some(r) = last_region {
        continue_lines(v, q, r, &mut pieces);
    }
    Some(pieces)
}

/// Follows an unclosed quotation into the next lines, one piece a line.
pub fn continue_lines(v: &View, q: &Quotes, mut r: usize, pieces: &mut Vec<Piece>) {
    for _ in 0..MAX_CONTINUED_LINES {
        let Some(next) = q.continuation(v, r) else {
            return;
        };
        let Some(reg) = q.get(next) else { return };
        // The line may hold further quotations: take it to the last one.
        let &(_, le) = v.lines.get(reg.line).unwrap_or(&(0, 0));
        let (lr, lend) = q
            .last_end_opening_in(reg.open, le)
            .unwrap_or((next, reg.end));
        pieces.push((reg.open, trim_right(v, reg.open, lend)));
        r = lr;
    }
}

/// Content before a trailing cue: from the sentence start (or an earlier
/// opening mark on the line) to token `until`.
pub fn backward(v: &View, q: &Quotes, sent: &Sent, until: usize) -> Option<Piece> {
    let mut start = sent.start;
    if let Some(reg) = q.at(start).and_then(|r| q.get(r)) {
        if reg.open < start {
            start = reg.open;
        }
    }
    let end = trim_right(v, start, until);
    (start..end).any(|i| v.is_word(i)).then_some((start, end))
}

/// After a quoted piece that ends a sentence: the quoted sentences that
/// follow on the same line ("“A,” she said. “B.”"), then continued lines.
pub fn following_quotes(v: &View, q: &Quotes, sent: &Sent, pieces: &mut Vec<Piece>) {
    let Some(&(_, le)) = v.lines.get(sent.line) else {
        return;
    };
    let mut next = sent.end;
    while next < le && !v.is_word(next) && !v.is_quote(next) {
        next += 1;
    }
    if next >= le || !v.is_open_quote(next) {
        return;
    }
    let Some((r, end)) = q.last_end_opening_in(next, le) else {
        return;
    };
    pieces.push((next, trim_right(v, next, end)));
    continue_lines(v, q, r, pieces);
}

/// The most words of an object read by [`object_np`].
const MAX_OBJECT: usize = 12;

/// A noun phrase as content ("criticism of [the plan]", "self-described
/// [democratic socialist]"): up to a verb, an auxiliary, a clause word or
/// punctuation.
pub fn object_np(v: &View, sent: &Sent, from: usize) -> Option<(usize, usize)> {
    let mut e = from;
    while e < sent.end && e - from < MAX_OBJECT && v.is_word(e) {
        if e > from
            && (v.is_a(e, Class::Aux)
                || v.is_a(e, Class::Boundary)
                || v.is_a(e, Class::Verb)
                || v.verb(e).is_some_and(|f| f.form != Form::Base))
        {
            break;
        }
        e += 1;
    }
    (e > from).then_some((from, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::input::{extract, InputFormat};

    fn texts(v: &View, p: &[Piece]) -> Vec<String> {
        p.iter()
            .map(|&(a, b)| v.span(a, b).text(v.text).to_string())
            .collect()
    }

    #[test]
    fn quoted_content_runs_to_the_closing_mark_and_next_lines() {
        let doc = Document::new(extract("She said: “One. Two.\n“Three.”", InputFormat::Text));
        let v = View::new(&doc);
        let q = Quotes::new(&v);
        let sent = v.sents[0];
        let p = forward(&v, &q, &sent, 2).unwrap_or_default();
        assert_eq!(texts(&v, &p), ["“One. Two", "“Three.”"]);
    }

    #[test]
    fn backward_content_starts_at_an_earlier_opening_mark() {
        let doc = Document::new(extract("“One. Two,” she said.", InputFormat::Text));
        let v = View::new(&doc);
        let q = Quotes::new(&v);
        let sent = v.sents[1];
        let p = backward(&v, &q, &sent, sent.start + 3);
        assert_eq!(
            texts(&v, &p.into_iter().collect::<Vec<_>>()),
            ["“One. Two,”"]
        );
    }
}
