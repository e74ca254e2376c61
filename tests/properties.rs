//! Properties of every report, on generated news-like articles: sentences
//! built from small vocabularies of names, outlets, cues, hedges and quotes
//! of every kind, with brackets, odd line ends and random Unicode (RTL,
//! emoji, combining marks) mixed in, wrapped as text, HTML or Markdown.
//!
//! For each: every span lies in the text on char boundaries and its `text`
//! is what it covers; cue, source and content of one attribution do not
//! overlap; shares lie in [0, 1] and secondhand ≤ attributed; every chain
//! is a simple path of the graph from the root; the JSON report round-trips
//! and the same input gives the same bytes.

mod invariants;

use proptest::prelude::*;
use proptest::sample::select;

use secondhand::{analyze, Article, InputFormat, Options};

const NAMES: &[&str] = &[
    "Maria Lopez",
    "the mayor",
    "Officials",
    "Sen. Harlan",
    "a spokesperson for the ministry",
    "two people familiar with the talks",
    "محمد الأحمد",
    "שרה לוי",
    "Zoe\u{301} Marti\u{301}nez",
    "👩‍🔬 Dr. Kim",
    "He",
    "she",
];
const OUTLETS: &[&str] = &[
    "the Post",
    "Reuters",
    "The New York Times",
    "the BBC",
    "Le Monde",
    "the Boston Globe",
    "Ha\u{308}aretz",
];
const VERBS: &[&str] = &[
    "said", "told", "reported", "claimed", "added", "wrote", "insisted", "warned",
];
const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "apparently",
    "It is said that",
    "According to reports,",
];
const CLAUSES: &[&str] = &[
    "the bridge will close in May",
    "the port bid failed",
    "nobody knew about the meetings",
    "the water bill is dead",
    "prices rose 4%",
    "the library reopens Monday",
];
const QUOTES: &[(&str, &str)] = &[
    ("“", "”"),
    ("\"", "\""),
    ("‘", "’"),
    ("«", "»"),
    ("„", "“"),
    ("'", "'"),
    ("“", ""),
    ("", "”"),
    ("「", "」"),
];
const BREAKS: &[&str] = &[" ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\u{2029}"];

/// Random text: any chars, RTL, emoji and combining marks weighted up.
fn noise() -> impl Strategy<Value = String> {
    let char = prop_oneof![
        3 => any::<char>(),
        2 => select(vec!['\u{301}', '\u{308}', '\u{200d}', '\u{202e}', '\u{200f}', '\u{feff}', '\0']),
        2 => select(vec!['ש', 'م', '👩', '🔬', '🇫', '🇷', 'é', 'ß', '字']),
        3 => select(vec!['(', ')', '[', ']', '{', '}', '<', '>', '&', ':', '.', '“', '”', '"', '\'', '\n', '\r', ' ']),
    ];
    proptest::collection::vec(char, 0..24).prop_map(|cs| cs.into_iter().collect())
}

/// One sentence of a news-like article.
fn sentence() -> impl Strategy<Value = String> {
    (
        0..10u8,
        select(NAMES),
        select(OUTLETS),
        select(VERBS),
        select(HEDGES),
        select(CLAUSES),
        select(QUOTES),
        noise(),
    )
        .prop_map(
            |(form, name, outlet, verb, hedge, clause, (open, close), noise)| match form {
                0 => format!("{name} {verb} {clause}."),
                1 => format!("{clause}, {name} told {outlet}."),
                2 => format!("{clause}, according to {outlet}."),
                3 => format!("{open}{clause},{close} {name} {verb}."),
                4 => format!("{outlet} reported that {name} {verb} {open}{clause}{close}."),
                5 => format!("{hedge} {clause}."),
                6 => format!("({clause}, [{name} {verb}] {noise})"),
                7 => format!("{name}: {open}{clause} {noise}{close}"),
                8 => format!("{open}{noise}{close} {verb} {name}"),
                _ => noise,
            },
        )
}

/// An article: sentences joined by spaces and line ends of every kind.
fn body() -> impl Strategy<Value = Vec<(String, &'static str)>> {
    proptest::collection::vec((sentence(), select(BREAKS)), 0..14)
}

/// The body as text, HTML or Markdown.
fn article() -> impl Strategy<Value = (String, InputFormat)> {
    (
        body(),
        0..3u8,
        select(vec!["p", "blockquote", "li", "h1", "b", "nav", "q"]),
    )
        .prop_map(|(parts, wrap, tag)| match wrap {
            0 => (
                parts.iter().map(|(s, b)| format!("{s}{b}")).collect(),
                InputFormat::Text,
            ),
            1 => (
                parts
                    .iter()
                    .enumerate()
                    .map(|(i, (s, b))| {
                        let tag = if i % 3 == 0 { tag } else { "p" };
                        format!("<{tag}>{s}</{tag}>{b}")
                    })
                    .collect(),
                InputFormat::Html,
            ),
            _ => (
                parts
                    .iter()
                    .enumerate()
                    .map(|(i, (s, b))| {
                        let lead = ["", "> ", "- ", "# ", "1. ", "> > ", "*"][i % 7];
                        format!("{lead}{s}{b}")
                    })
                    .collect(),
                InputFormat::Markdown,
            ),
        })
}

fn json_of(text: &str, format: InputFormat) -> Result<String, TestCaseError> {
    let article = Article {
        id: "generated",
        text,
        format,
        publisher: None,
        url: None,
    };
    let report = analyze(&article, &Options::default())
        .map_err(|e| TestCaseError::fail(format!("no report: {e}")))?;
    invariants::check(&report).map_err(TestCaseError::fail)?;
    invariants::json_round_trips(&report).map_err(TestCaseError::fail)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn every_report_keeps_the_invariants_and_is_deterministic((text, format) in article()) {
        let first = json_of(&text, format)?;
        let second = json_of(&text, format)?;
        prop_assert!(first == second, "two runs gave different JSON");
    }

    #[test]
    fn any_text_in_any_format_keeps_the_invariants(text in noise(), format in select(vec![InputFormat::Text, InputFormat::Html, InputFormat::Markdown])) {
        json_of(&text, format)?;
    }
}
