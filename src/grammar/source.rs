//! Source noun phrases: the subject left of a cue, the phrase after an
//! inverted cue ("…, said X, a spokesman for Y.") and a sentence's subject.
//!
//! Input type of this layer: the [`View`] and token indices; every walk is
//! bounded by the sentence and by [`MAX_NP`] tokens.

use super::view::{Sent, View, CURLY_APOSTROPHE, EM_DASH, EN_DASH};
use crate::lexicon::cues::{self, Class};

/// The longest source phrase we read, in tokens.
pub const MAX_NP: usize = 14;

/// Abbreviations whose full stop stays inside a name ("Sen. Smith").
const TITLES: &[&[u8]] = &[
    b"mr", b"mrs", b"ms", b"dr", b"sen", b"rep", b"gov", b"gen", b"lt", b"col", b"sgt", b"capt",
    b"st", b"jr", b"sr", b"prof", b"rev", b"pres", b"adm", b"maj", b"atty", b"u", b"s", b"n", b"k",
    b"d", b"r", b"inc", b"co", b"corp",
];

/// Whether token `i` may sit inside a noun phrase read leftwards, where
/// `head` says it is the phrase's last word.
fn np_token(v: &View, i: usize, head: bool) -> bool {
    let w = v.w(i);
    if v.is_word(i) {
        if w == b"than" {
            return matches!(v.w(i.wrapping_sub(1)), b"less" | b"more" | b"fewer");
        }
        // "… to a group said": a recipient phrase ends the subject.
        if w == b"to" {
            return matches!(
                v.w(i.wrapping_sub(1)),
                b"close"
                    | b"next"
                    | b"loyal"
                    | b"adviser"
                    | b"advisor"
                    | b"advisers"
                    | b"advisors"
                    | b"aide"
                    | b"aides"
                    | b"spokesman"
                    | b"spokeswoman"
                    | b"spokesperson"
                    | b"ambassador"
                    | b"secretary"
                    | b"counsel"
                    | b"assistant"
                    | b"heir"
                    | b"successor"
                    | b"married"
                    | b"related"
                    | b"linked"
                    | b"connected"
                    | b"sympathetic"
                    | b"opposed"
                    | b"similar"
                    | b"friendly"
                    | b"deputy"
                    | b"envoy"
                    | b"consultant"
                    | b"lawyer"
                    | b"attorney"
            );
        }
        // "It makes", "he gets": a verb after a pronoun.
        if w.ends_with(b"s") && matches!(v.w(i.wrapping_sub(1)), b"he" | b"she" | b"it") {
            return false;
        }
        // The token's cue-list entry, read once for the tests below.
        let entry = v.lex(i);
        let is = |class: Class| entry.is_some_and(|e| e.is(class));
        if is(Class::Boundary)
            || is(Class::Aux)
            || is(Class::Neg)
            || (is(Class::Verb) && !v.is_cap(i))
        {
            // "and" joins two names ("Smith and Jones", "Bush and his rivals").
            return w == b"and"
                && v.is_cap(i.wrapping_sub(1))
                && (v.is_cap(i + 1)
                    || v.is_a(i + 1, Class::Determiner)
                    || matches!(v.w(i + 1), b"his" | b"her" | b"their" | b"other"));
        }
        if let Some(vf) = entry.and_then(cues::Entry::verb) {
            // After a determiner, a noun or adjective: "the planning".
            if v.is_a(i.wrapping_sub(1), Class::Determiner) {
                return true;
            }
            // A noun that is also a verb: "the report", "the Post report".
            if matches!(vf.form, cues::Form::Base | cues::Form::S)
                && (head || v.is_word(i.wrapping_sub(1)))
                && !v.is_a(i + 1, Class::Determiner)
                && !v.is_a(i.wrapping_sub(1), Class::Pronoun)
            {
                return true;
            }
            // "a person briefed on the talks", "people familiar with"
            return vf.form != cues::Form::S
                && i > 0
                && v.is_anonymous_head(i - 1)
                && !v.is_punct(i + 1, ",");
        }
        return true;
    }
    match v.raw(i) {
        CURLY_APOSTROPHE | b"'" => {
            v.is_word(i.wrapping_sub(1))
                && (v.w(i + 1) == b"s" || v.w(i - 1).ends_with(b"s") || v.is_cap(i + 1))
        }
        b"." => {
            let prev = v.w(i.wrapping_sub(1));
            (TITLES.contains(&prev) || (prev.len() == 1 && v.is_cap(i.wrapping_sub(1))))
                && v.is_word(i + 1)
        }
        b"-" | b"&" | EN_DASH | b"/" => v.is_word(i + 1) && v.is_word(i.wrapping_sub(1)),
        _ => false,
    }
}

/// The noun phrase that ends just before token `end`, read leftwards but
/// not past `lo`: `(start, end)`.
pub fn left_np(v: &View, lo: usize, end: usize) -> Option<(usize, usize)> {
    // "The S.E.C. said": an abbreviation's last full stop ends the phrase.
    let end = if v.is_punct(end.wrapping_sub(1), ".")
        && v.w(end.wrapping_sub(2)).len() == 1
        && v.is_cap(end.wrapping_sub(2))
    {
        end - 1
    } else {
        end
    };
    if end == 0 || end <= lo || !(v.is_word(end - 1) || v.is_punct(end - 1, ")")) {
        return None;
    }
    let last = v.w(end - 1);
    if v.is_a(end - 1, Class::Pronoun) || matches!(last, b"which" | b"that" | b"who") {
        return Some((end - 1, end));
    }
    let np = left_np_raw(v, lo, end)?;
    (!abstract_demonstrative(v, np)).then_some(np)
}

/// Nouns that can speak or carry a statement after "this"/"that"
/// ("this report", "these voters").
const SPEAKER_NOUNS: &[&[u8]] = &[
    b"report",
    b"reports",
    b"study",
    b"poll",
    b"polls",
    b"survey",
    b"group",
    b"panel",
    b"person",
    b"people",
    b"reporter",
    b"document",
    b"review",
    b"voters",
    b"voter",
    b"donors",
    b"supporters",
    b"senator",
    b"official",
    b"officials",
    b"source",
    b"sources",
    b"analysis",
    b"article",
    b"story",
    b"book",
    b"memo",
    b"letter",
    b"statement",
    b"ad",
    b"video",
    b"paper",
    b"newspaper",
    b"committee",
    b"campaign",
    b"candidate",
    b"man",
    b"woman",
    b"writer",
    b"author",
    b"column",
    b"website",
    b"site",
    b"post",
];

/// "This stance", "that move": a demonstrative before an abstract noun,
/// which is no source.
fn abstract_demonstrative(v: &View, (a, b): (usize, usize)) -> bool {
    matches!(v.w(a), b"this" | b"that" | b"these" | b"those")
        && b > a + 1
        && !v.is_cap(b - 1)
        && !SPEAKER_NOUNS.contains(&v.w(b - 1))
}

/// [`left_np`] without the check of its head.
fn left_np_raw(v: &View, lo: usize, end: usize) -> Option<(usize, usize)> {
    let mut start = end;
    while start > lo && end - start < MAX_NP {
        if v.is_punct(start - 1, ")") {
            // A bracketed party or state: "Sen. X (D-Mass.)".
            match (start.saturating_sub(10).max(lo)..start - 1)
                .rev()
                .find(|&k| v.is_punct(k, "("))
            {
                Some(open) if open > lo => {
                    start = open;
                    continue;
                }
                _ => break,
            }
        }
        if !np_token(v, start - 1, start == end) {
            break;
        }
        start -= 1;
    }
    trim_np_start(v, start, end)
}

/// Drops leading connectives, time words and prepositional openers
/// ("On Monday the mayor" gives "the mayor").
fn trim_np_start(v: &View, mut start: usize, end: usize) -> Option<(usize, usize)> {
    while start < end {
        let w = v.w(start);
        if !v.is_word(start)
            || v.is_time(start)
            || matches!(
                w,
                b"however" | b"also" | b"then" | b"now" | b"instead" | b"still"
            )
        {
            start += 1;
            continue;
        }
        if v.is_a(start, Class::Preposition) {
            // "about half of", "over 60 percent of": a quantity, kept.
            let next = v.w(start + 1);
            let number = v
                .toks
                .get(start + 1)
                .is_some_and(|t| t.kind == crate::document::TokenKind::Number);
            if matches!(w, b"about" | b"over" | b"under" | b"nearly")
                && (number
                    || matches!(
                        next,
                        b"half"
                            | b"third"
                            | b"quarter"
                            | b"two"
                            | b"three"
                            | b"four"
                            | b"five"
                            | b"six"
                            | b"seven"
                            | b"eight"
                            | b"nine"
                            | b"ten"
                            | b"a"
                            | b"one"
                    ))
            {
                break;
            }
            // Restart at the first determiner or pronoun after the
            // preposition's object, else drop the preposition and one word.
            let det = (start + 2..end)
                .find(|&k| v.is_a(k, Class::Determiner) || v.is_a(k, Class::Pronoun));
            match det {
                Some(d) if d > start => start = d,
                _ => start += 2,
            }
            continue;
        }
        break;
    }
    let mut end = end;
    // Trailing adverbs: "Sanders instead", "the senator also".
    while end > start + 1 {
        let w = v.w(end - 1);
        if matches!(
            w,
            b"also"
                | b"instead"
                | b"just"
                | b"too"
                | b"however"
                | b"then"
                | b"now"
                | b"still"
                | b"again"
                | b"later"
                | b"earlier"
                | b"himself"
                | b"herself"
                | b"themselves"
        ) || (w.len() > 4 && w.ends_with(b"ly") && !v.is_cap(end - 1))
        {
            end -= 1;
        } else {
            break;
        }
    }
    // A trailing time phrase: "the senator on Tuesday", "the mayor last
    // week" (but "polls released Sunday" keeps its day).
    let mut t = end;
    while t > start + 1 && v.is_time(t - 1) {
        t -= 1;
    }
    if t < end
        && t > start + 1
        && matches!(
            v.w(t - 1),
            b"on" | b"last" | b"this" | b"early" | b"late" | b"earlier" | b"later"
        )
    {
        end = t - 1;
    }
    (start < end).then_some((start, end))
}

/// The source before a cue whose verb group starts at `gs`, with
/// comma-enclosed descriptions ("X, a spokesperson for Y, argued").
pub fn subject_before(v: &View, sent: &Sent, gs: usize) -> Option<(usize, usize)> {
    if gs <= sent.start {
        return None;
    }
    if v.is_punct(gs - 1, ",") {
        // "Sen. Jack Reed (D-R.I.), said": a stray comma after a name.
        return appositive(v, sent, gs - 1).or_else(|| {
            left_np(v, sent.start, gs - 1)
                .filter(|&(s, _)| s == sent.start && v.is_punct(gs - 2, ")"))
        });
    }
    if matches!(v.raw(gs - 1), EM_DASH | EN_DASH) {
        return dashed(v, sent, gs - 1);
    }
    left_np(v, sent.start, gs)
}

/// "NAME — a description — said" or "NAME — who … — said", ending with the
/// dash at `dash`: NAME with the description, or NAME alone.
fn dashed(v: &View, sent: &Sent, dash: usize) -> Option<(usize, usize)> {
    let lo = dash.saturating_sub(MAX_APPOSITIVE).max(sent.start);
    let open = (lo..dash)
        .rev()
        .find(|&k| matches!(v.raw(k), EM_DASH | EN_DASH))?;
    let (s, e) = left_np(v, sent.start, open)?;
    let first = v.w(open + 1);
    if matches!(first, b"who" | b"which" | b"whose")
        || v.is_a(open + 1, Class::Preposition)
        || first.ends_with(b"ing")
    {
        return Some((s, e));
    }
    Some((s, dash))
}

/// The most tokens between the commas of a description or relative clause.
const MAX_APPOSITIVE: usize = 40;

/// "NAME , DESCRIPTION ," ending with the comma at `comma`: the whole
/// phrase, or only NAME before a relative clause, a prepositional or a
/// participle phrase ("X, in a statement released Monday, said").
fn appositive(v: &View, sent: &Sent, comma: usize) -> Option<(usize, usize)> {
    let lo = comma.saturating_sub(MAX_APPOSITIVE).max(sent.start);
    let mut k = comma;
    loop {
        if k <= lo {
            return None;
        }
        k -= 1;
        if v.is_punct(k, ",") {
            break;
        }
        if matches!(v.raw(k), b";" | b":") {
            return None;
        }
    }
    if k + 1 >= comma {
        return None;
    }
    let (mut s, mut e) = left_np(v, sent.start, k)?;
    // "X, facing a challenge in Iowa, a swing state, said": the segment
    // before is a parenthetical; the name stands before it.
    let lead = v.w(s);
    if s > sent.start
        && v.is_punct(s - 1, ",")
        && (lead.ends_with(b"ing") || lead.ends_with(b"ed") || v.is_a(s, Class::Preposition))
    {
        let (s2, e2) = left_np(v, sent.start, s - 1)?;
        return Some((s2, e2));
    }
    if v.is_a(s, Class::Preposition) || lead.ends_with(b"ing") {
        (s, e) = trim_np_start(v, s, e)?;
    }
    // "Ann Lee, 35, a junior from Reno, said": an age or a description
    // before the last one; the name stands first.
    let number = v
        .toks
        .get(s)
        .is_some_and(|t| t.kind == crate::document::TokenKind::Number);
    if s > sent.start && v.is_punct(s - 1, ",") && (number || !v.is_cap(s)) {
        if let Some((s2, _)) = left_np(v, sent.start, s - 1) {
            let numbered = v
                .toks
                .get(s2)
                .is_some_and(|t| t.kind == crate::document::TokenKind::Number);
            if (v.is_cap(s2) || numbered || v.is_a(s2, Class::Determiner))
                && !v.is_a(s2, Class::Preposition)
                && !v.is_a(s2, Class::Boundary)
            {
                return Some((s2, comma + 1));
            }
        }
    }
    let first = v.w(k + 1);
    // "X, however, said": a connective between commas.
    if k + 2 == comma
        && matches!(
            first,
            b"however"
                | b"too"
                | b"though"
                | b"meanwhile"
                | b"also"
                | b"instead"
                | b"moreover"
                | b"therefore"
        )
    {
        return Some((s, e));
    }
    if matches!(first, b"who" | b"which" | b"whose")
        || v.is_a(k + 1, Class::Preposition)
        || first.ends_with(b"ing")
    {
        return Some((s, e));
    }
    // "Ann Lee, 59, said": an age is not kept.
    if k + 2 == comma
        && v.toks
            .get(k + 1)
            .is_some_and(|t| t.kind == crate::document::TokenKind::Number)
    {
        return Some((s, e));
    }
    // The description must itself read as a noun phrase, or start as one.
    let opens_np = v.is_a(k + 1, Class::Determiner)
        || v.is_cap(k + 1)
        || matches!(
            first,
            b"then" | b"now" | b"once" | b"formerly" | b"himself" | b"herself"
        );
    let (ds, _) = left_np(v, k + 1, comma).unwrap_or((comma, comma));
    (ds == k + 1 || opens_np).then_some((s, comma + 1))
}

/// The source after an inverted cue starting at `from`: up to the sentence
/// end, with descriptions after commas, but not a relative or -ing clause,
/// a clause of its own, a dash or a new quotation.
pub fn after_cue(v: &View, sent: &Sent, from: usize) -> Option<(usize, usize)> {
    if v.is_a(from, Class::Complementizer)
        || v.is_time(from)
        || v.is_a(from, Class::Preposition)
        || v.is_a(from, Class::Boundary)
        || v.is_quote(from)
    {
        return None;
    }
    let mut end = from;
    let mut last_comma = None;
    let limit = MAX_NP + 12;
    while end < sent.end && end - from < limit {
        let w = v.w(end);
        if v.is_open_quote(end) || matches!(w, b";" | EM_DASH | EN_DASH | b":") {
            break;
        }
        if v.is_punct(end, ",") {
            let next = v.w(end + 1);
            let age = v
                .toks
                .get(end + 1)
                .is_some_and(|t| t.kind == crate::document::TokenKind::Number);
            let plain_word = v.is_word(end + 1)
                && !next.ends_with(b"ing")
                && !v.is_a(end + 1, Class::Boundary)
                && !v.is_time(end + 1)
                && !v.is_a(end + 1, Class::Preposition)
                && !matches!(next, b"though" | b"although" | b"adding" | b"noting");
            let description = v.is_punct(end + 1, "(")
                || (!age
                    && (v.is_a(end + 1, Class::Determiner) || v.is_cap(end + 1) || plain_word));
            if !description {
                break;
            }
            last_comma = Some(end);
        }
        // A relative or adverbial clause, or a time phrase, ends the source.
        if end > from
            && v.is_word(end)
            && (matches!(
                w,
                b"who"
                    | b"which"
                    | b"whose"
                    | b"when"
                    | b"while"
                    | b"after"
                    | b"before"
                    | b"as"
                    | b"because"
            ) || (w == b"at" && v.w(end + 2) == b"time"))
        {
            break;
        }
        let after_det = v.is_a(end.wrapping_sub(1), Class::Determiner);
        let clause_word = v.is_word(end)
            && (v.verb(end).is_some_and(|f| f.form != cues::Form::Ed) && !after_det
                || v.is_a(end, Class::Aux)
                || matches!(w, b"that" | b"to" | b"though" | b"although" | b"because"));
        if clause_word && end > from {
            match last_comma {
                Some(c) => {
                    end = c;
                    break;
                }
                None => return None,
            }
        }
        end += 1;
    }
    while end > from && !v.is_word(end - 1) && !v.is_punct(end - 1, ")") {
        end -= 1;
    }
    if end == from {
        return None;
    }
    Some((from, end))
}

/// The subject of a sentence: its first noun phrase, before the first verb.
pub fn sentence_subject(v: &View, sent: &Sent, before: usize) -> Option<(usize, usize)> {
    let mut s = sent.start;
    while s < before && !v.is_word(s) {
        s += 1;
    }
    // Skip an opening phrase up to its comma ("According to X, …").
    let first = v.w(s);
    if v.is_a(s, Class::Preposition)
        || first.ends_with(b"ed")
        || first.ends_with(b"ing")
        || v.is_a(s, Class::Boundary)
        || v.is_time(s)
        || matches!(first, b"according" | b"however" | b"still")
    {
        if let Some(c) = (s..before.min(s + 20)).find(|&k| v.is_punct(k, ",")) {
            s = c + 1;
        }
    }
    if v.is_a(s, Class::Pronoun) && v.is_word(s) {
        return Some((s, s + 1));
    }
    let mut e = s;
    while e < before && e - s < MAX_NP && np_token(v, e, false) && !v.is_punct(e, ",") {
        // A past-tense verb after the subject's head ("The firm opened").
        let w = v.w(e);
        if e > s && w.ends_with(b"ed") && !v.is_cap(e) && !v.is_a(e - 1, Class::Determiner) {
            break;
        }
        e += 1;
    }
    if e == s {
        return None;
    }
    // "X, a description, VERB …": the description goes with the subject.
    if v.is_punct(e, ",") {
        if let Some(c) = (e + 1..before.min(e + MAX_APPOSITIVE)).find(|&k| v.is_punct(k, ",")) {
            if c + 1 < before
                && v.is_word(c + 1)
                && appositive(v, sent, c).is_some_and(|a| a.0 <= s)
            {
                return Some((s, c + 1));
            }
        }
    }
    trim_np_start(v, s, e).filter(|&np| !abstract_demonstrative(v, np))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::view::with;

    fn words(v: &View, s: Option<(usize, usize)>) -> String {
        s.map(|(a, b)| v.span(a, b).text(v.text).to_string())
            .unwrap_or_default()
    }

    #[test]
    fn subject_takes_titles_and_possessives() {
        with("Yesterday, Sen. Ann Lee’s office said so.", |v| {
            let sent = v.sents[0];
            assert_eq!(
                words(v, subject_before(v, &sent, 9)),
                "Sen. Ann Lee’s office"
            );
        });
    }

    #[test]
    fn appositive_descriptions_stay_in_the_source() {
        with(
            "Jo Park, a spokesperson for the club, argued that it was fine.",
            |v| {
                let sent = v.sents[0];
                let gs = 9;
                assert_eq!(v.w(gs), b"argued");
                assert_eq!(
                    words(v, subject_before(v, &sent, gs)),
                    "Jo Park, a spokesperson for the club,"
                );
            },
        );
    }

    #[test]
    fn relative_clauses_leave_the_source() {
        with(
            "One aide, who spoke on condition of anonymity, said no.",
            |v| {
                let sent = v.sents[0];
                assert_eq!(v.w(10), b"said");
                assert_eq!(words(v, subject_before(v, &sent, 10)), "One aide");
            },
        );
    }

    #[test]
    fn inverted_sources_run_to_the_sentence_end() {
        with("“No,” said Jo Park, a spokesman for the club.", |v| {
            let sent = v.sents[0];
            assert_eq!(
                words(v, after_cue(v, &sent, 5)),
                "Jo Park, a spokesman for the club"
            );
        });
    }

    #[test]
    fn anonymous_sources_keep_their_participle() {
        with("A person briefed on the talks said it failed.", |v| {
            let sent = v.sents[0];
            assert_eq!(
                words(v, subject_before(v, &sent, 6)),
                "A person briefed on the talks"
            );
        });
    }
}
