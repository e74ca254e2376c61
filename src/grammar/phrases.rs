//! Phrase grammars for prepositional and passive cues, in nom.
//!
//! Input type of this layer: `&str`, the lowercased text from a token start
//! to the end of its sentence. Each parser returns the text it recognised;
//! the caller maps its length back to tokens. Every parser reads a bounded
//! number of words, so nothing backtracks over more than a sentence.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{multispace0, multispace1};
use nom::combinator::{not, opt, peek, recognize, verify};
use nom::error::{context, ContextError, ParseError};
use nom::multi::many_m_n;
use nom::sequence::terminated;
use nom::{IResult, Parser};

/// Whether a character continues a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// word(w) := w, not followed by a word character
fn word<'a, E: ParseError<&'a str>>(
    w: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = E> {
    terminated(tag(w), not(peek(take_while1(is_word_char))))
}

/// any_word := a run of word characters
fn any_word<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, &'a str, E> {
    take_while1(is_word_char).parse(i)
}

/// Whether a word is a participle: it ends in -ed, or is an irregular
/// participle.
fn is_participle(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed"))
        || matches!(
            w,
            "shown" | "written" | "said" | "made" | "told" | "found" | "seen" | "known"
        )
}

/// participle := a word ending in -ed, or an irregular participle
fn participle<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, &'a str, E> {
    verify(any_word, is_participle).parse(i)
}

/// in_or_by := "in" | "by"
fn in_or_by<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, &'a str, E> {
    alt((word("in"), word("by"))).parse(i)
}

/// info_phrase := "the" ("information"|"details"|…) participle in_or_by
fn info_phrase<'a, E: ParseError<&'a str> + ContextError<&'a str>>(
    i: &'a str,
) -> IResult<&'a str, &'a str, E> {
    context(
        "information phrase",
        recognize((
            word("the"),
            multispace1,
            alt((
                word("information"),
                word("details"),
                word("data"),
                word("figures"),
                word("facts"),
                word("findings"),
                word("account"),
            )),
            multispace1,
            participle,
            multispace1,
            in_or_by,
        )),
    )
    .parse(i)
}

/// according_to := "according" "to" [info_phrase]
pub fn according_to<'a, E: ParseError<&'a str> + ContextError<&'a str>>(
    i: &'a str,
) -> IResult<&'a str, &'a str, E> {
    context(
        "according to",
        recognize((
            word("according"),
            multispace1,
            word("to"),
            opt((multispace1, info_phrase)),
        )),
    )
    .parse(i)
}

/// as_per := "as" "per" [info_phrase]
pub fn as_per<'a, E: ParseError<&'a str> + ContextError<&'a str>>(
    i: &'a str,
) -> IResult<&'a str, &'a str, E> {
    context(
        "as per",
        recognize((
            word("as"),
            multispace1,
            word("per"),
            opt((multispace1, info_phrase)),
        )),
    )
    .parse(i)
}

/// be_form := "was" | "is" | "were" | "are" | ("has"|"had"|"have") "been"
fn be_form<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, &'a str, E> {
    alt((
        word("was"),
        word("is"),
        word("were"),
        word("are"),
        recognize((
            alt((word("has"), word("had"), word("have"))),
            multispace1,
            word("been"),
        )),
    ))
    .parse(i)
}

/// particle := "out" | "up"
fn particle<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, &'a str, E> {
    alt((word("out"), word("up"))).parse(i)
}

/// as_was := "as" [be_form] participle [particle] in_or_by
/// ("as was noted in", "as reported by", "as was pointed out in")
pub fn as_was<'a, E: ParseError<&'a str> + ContextError<&'a str>>(
    i: &'a str,
) -> IResult<&'a str, &'a str, E> {
    context(
        "as was noted in",
        recognize((
            word("as"),
            multispace1,
            opt(terminated(be_form, multispace1)),
            participle,
            multispace1,
            opt(terminated(particle, multispace1)),
            in_or_by,
        )),
    )
    .parse(i)
}

/// passive_front := ["first"] participle [particle] in_or_by
/// ("Indicated in …", "First reported by …"), at a sentence start
pub fn passive_front<'a, E: ParseError<&'a str> + ContextError<&'a str>>(
    i: &'a str,
) -> IResult<&'a str, &'a str, E> {
    context(
        "fronted participle",
        recognize((
            opt(terminated(
                alt((word("first"), word("originally"), word("as"))),
                multispace1,
            )),
            participle,
            multispace1,
            opt(terminated(particle, multispace1)),
            in_or_by,
        )),
    )
    .parse(i)
}

/// was_that := be_form ["that"] (the hinge of "Indicated in X was that …")
pub fn was_that<'a, E: ParseError<&'a str> + ContextError<&'a str>>(
    i: &'a str,
) -> IResult<&'a str, &'a str, E> {
    context(
        "was that",
        recognize((
            alt((word("was"), word("is"))),
            opt((multispace1, word("that"))),
            multispace0,
        )),
    )
    .parse(i)
}

/// Whether a word names a poll ("poll", "surveys").
fn is_poll(w: &str) -> bool {
    matches!(w, "poll" | "polls" | "survey" | "surveys" | "polling")
}

/// The text every phrase but a fronted participle starts with:
/// "according to", "as per", "as was noted in", "as X put it", "in a
/// poll", "per X", "via X". ([`opens_phrase`] tests them by first
/// letter; the tests check it against this list.)
#[cfg(test)]
const OPENERS: &[&str] = &["according", "as", "in", "per", "via"];

/// Whether a lowercase word starts with one of the phrase openers
/// ("according", "as", "in", "per", "via"; their first letters tested
/// first: most words start none). Past a sentence's first
/// word, only such a word may open a phrase.
#[inline]
pub fn opens_phrase(w: &[u8]) -> bool {
    // The openers by first letter (a test checks this against the list).
    match w.first() {
        Some(b'a') => w.starts_with(b"as") || w.starts_with(b"according"),
        Some(b'i') => w.starts_with(b"in"),
        Some(b'p') => w.starts_with(b"per"),
        Some(b'v') => w.starts_with(b"via"),
        _ => false,
    }
}

/// Whether a word starting with this lowercase byte may open a phrase: the
/// first letters of the phrase openers (a test checks the list against
/// them).
pub fn may_open_phrase(first: Option<u8>) -> bool {
    matches!(first, Some(b'a' | b'i' | b'p' | b'v'))
}

/// Whether a token's lowercase text starts with a poll word: [`in_poll`]
/// matches only where such a token follows "in" in the sentence.
pub fn starts_poll_word(w: &[u8]) -> bool {
    w.starts_with(b"poll") || w.starts_with(b"survey")
}

/// np_word := a run of word characters, `/`, `-`, `.` or apostrophes that
/// is not a poll word
fn np_word<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, &'a str, E> {
    verify(
        take_while1(|c: char| is_word_char(c) || "/-.’'".contains(c)),
        |w: &str| !is_poll(w),
    )
    .parse(i)
}

/// in_poll := "in" np_word{0,7} poll-word ("in a CNN/ORC poll", "in the polls")
pub fn in_poll<'a, E: ParseError<&'a str> + ContextError<&'a str>>(
    i: &'a str,
) -> IResult<&'a str, &'a str, E> {
    context(
        "in a poll",
        recognize((
            word("in"),
            multispace1,
            many_m_n(0, 7, terminated(np_word, multispace1)),
            verify(any_word, is_poll),
        )),
    )
    .parse(i)
}

/// The first word of `input`: its leading run of word characters (the
/// word [`word`] and [`any_word`] read there), its ASCII bytes read as
/// bytes.
fn first_word(input: &str) -> &str {
    let bytes = input.as_bytes();
    let ascii = bytes
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
        .unwrap_or(bytes.len());
    let more = match bytes.get(ascii) {
        // A non-ASCII character may continue the word.
        Some(b) if !b.is_ascii() => {
            let rest = input.get(ascii..).unwrap_or("");
            rest.char_indices()
                .find(|&(_, c)| !is_word_char(c))
                .map_or(rest.len(), |(k, _)| k)
        }
        _ => 0,
    };
    input.get(..ascii + more).unwrap_or("")
}

/// Whether `input` may open a fronted participle ([`passive_front`]): its
/// first word is "first", "originally", "as" or a participle (a cheap test
/// before the parser; most sentences open with none).
pub fn may_front_passive(input: &str) -> bool {
    let w = first_word(input);
    matches!(w, "first" | "originally" | "as") || is_participle(w)
}

/// Runs a phrase parser on `input`; the length it recognised, if any.
/// `leads` are the texts the phrase can open with (empty: any text), a
/// cheap test before the parser.
pub fn run<'a>(
    leads: &[&str],
    parser: impl Fn(&'a str) -> IResult<&'a str, &'a str, nom::error::Error<&'a str>>,
    input: &'a str,
) -> Option<usize> {
    if !leads.is_empty() && !leads.iter().any(|l| input.starts_with(l)) {
        return None;
    }
    parser(input).ok().map(|(_, r)| r.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    type E<'a> = nom::error::Error<&'a str>;

    #[test]
    fn opens_phrase_is_a_prefix_test_against_the_openers() {
        let words = [
            "according",
            "accordingly",
            "as",
            "ask",
            "a",
            "an",
            "in",
            "i",
            "inside",
            "per",
            "perhaps",
            "pe",
            "via",
            "viable",
            "vi",
            "the",
            "",
            "x",
        ];
        for w in words.iter().chain(OPENERS) {
            let want = OPENERS.iter().any(|p| w.starts_with(p));
            assert_eq!(opens_phrase(w.as_bytes()), want, "{w}");
        }
    }

    #[test]
    fn every_opener_starts_with_a_letter_that_may_open_a_phrase() {
        for opener in OPENERS {
            assert!(may_open_phrase(opener.bytes().next()), "{opener}");
        }
    }

    #[test]
    fn according_to_takes_the_information_phrase() {
        assert_eq!(
            according_to::<E>("according to the details published in the daily, x").map(|r| r.1),
            Ok("according to the details published in")
        );
        assert_eq!(
            according_to::<E>("according to officials").map(|r| r.1),
            Ok("according to")
        );
        assert!(according_to::<E>("accordingly").is_err());
    }

    #[test]
    fn as_per_takes_the_information_phrase() {
        assert_eq!(
            as_per::<E>("as per the facts provided in the memo").map(|r| r.1),
            Ok("as per the facts provided in")
        );
    }

    #[test]
    fn as_was_covers_be_forms_and_particles() {
        assert_eq!(
            as_was::<E>("as was pointed out in the memo").map(|r| r.1),
            Ok("as was pointed out in")
        );
        assert_eq!(
            as_was::<E>("as reported by the daily").map(|r| r.1),
            Ok("as reported by")
        );
        assert!(as_was::<E>("as was the case").is_err());
    }

    #[test]
    fn passive_front_takes_first_and_particles() {
        assert_eq!(
            passive_front::<E>("first reported by the daily").map(|r| r.1),
            Ok("first reported by")
        );
        assert_eq!(
            passive_front::<E>("revealed in the memo was that").map(|r| r.1),
            Ok("revealed in")
        );
    }

    #[test]
    fn in_poll_reads_the_poll_name() {
        assert_eq!(
            in_poll::<E>("in a cnn/orc poll released monday").map(|r| r.1),
            Ok("in a cnn/orc poll")
        );
        assert!(in_poll::<E>("in the house").is_err());
    }

    #[test]
    fn first_word_is_the_run_of_word_characters() {
        assert_eq!(first_word("asked him"), "asked");
        assert_eq!(first_word("as, x"), "as");
        assert_eq!(first_word("café x"), "café");
        assert_eq!(first_word("naïve"), "naïve");
        assert_eq!(first_word("“x"), "");
        assert!(may_front_passive("first reported by"));
        assert!(!may_front_passive("the memo was"));
    }

    #[test]
    fn was_that_takes_the_complementizer() {
        assert_eq!(was_that::<E>("was that the").map(|r| r.1), Ok("was that "));
    }
}
