//! Tests of the whole grammar on sentences of our own, one family a test.

use super::*;
use crate::input::{extract, InputFormat};

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
