//! Tests of the whole grammar on sentences of our own, one family a test.

use super::*;
use crate::input::{extract, InputFormat};
use crate::lexicon::cues;

/// (cue, source, content pieces) of every attribution found in `text`.
fn run(text: &str) -> Vec<(String, Option<String>, Vec<String>)> {
    let doc = Document::new(extract(text, InputFormat::Text));
    find(&doc)
        .iter()
        .map(|a| {
            (
                doc.slice(a.cue).to_string(),
                a.source.map(|s| doc.slice(s).to_string()),
                a.content
                    .iter()
                    .map(|&c| doc.slice(c).to_string())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn said_that_takes_the_clause() {
    let r = run("The mayor said that the bridge would reopen in May.");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].0, "said");
    assert_eq!(r[0].1.as_deref(), Some("The mayor"));
    assert_eq!(r[0].2, ["that the bridge would reopen in May"]);
}

/// The examples of a data file whose entries the grammar misses.
fn missed_examples(
    data: &'static str,
    hit: impl Fn(&str, &Document, &Attribution) -> bool,
) -> Vec<String> {
    let mut missed = Vec::new();
    for (entry, example) in cues::entries(data) {
        let Some(example) = example else { continue };
        let doc = Document::new(extract(example, InputFormat::Text));
        let found = find(&doc);
        if !found.iter().any(|a| hit(entry, &doc, a)) {
            missed.push(format!("{entry}: {example}"));
        }
    }
    missed
}

/// The lemma of a data entry ("say/said/said" gives "say").
fn lemma(entry: &str) -> &str {
    let head = entry.split_whitespace().next().unwrap_or("");
    let head = head.split('_').next().unwrap_or(head);
    head.split('/').next().unwrap_or(head)
}

#[test]
fn every_cue_verb_example_is_found() {
    let missed = missed_examples(cues::CUE_VERBS, |entry, doc, a| {
        doc.slice(a.cue)
            .split(|c: char| !c.is_alphanumeric())
            .filter_map(|w| cues::verb(&w.to_ascii_lowercase()))
            .any(|v| v.lemma == lemma(entry))
    });
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

#[test]
fn every_noun_cue_example_is_found() {
    let missed = missed_examples(cues::CUE_NOUNS, |entry, doc, a| {
        doc.slice(a.cue).eq_ignore_ascii_case(lemma(entry))
    });
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

#[test]
fn every_anonymous_source_example_is_found() {
    let missed = missed_examples(cues::ANONYMOUS, |entry, doc, a| {
        a.source.is_some_and(|s| {
            doc.slice(s)
                .to_ascii_lowercase()
                .split_whitespace()
                .any(|w| w.trim_matches(',') == lemma(entry))
        })
    });
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

#[test]
fn every_hedge_example_is_found() {
    let missed = missed_examples(cues::HEDGES, |entry, doc, a| {
        a.hedged && doc.slice(a.cue).eq_ignore_ascii_case(lemma(entry))
    });
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}
