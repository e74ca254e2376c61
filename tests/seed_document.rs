//! The document stage on the seed article and the PolNeAR dev split (read
//! from `../shared`; skipped with a printed reason where it is absent).

use std::path::PathBuf;

use secondhand::document::{BlockKind, Document};
use secondhand::input::{extract, InputFormat};

fn shared(rel: &str) -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            eprintln!("skipped: cannot read {}: {e}", path.display());
            None
        }
    }
}

const SEED: &str = "seeds/000_81b7c91e4df976a3.txt";

fn seed() -> Option<Document> {
    shared(SEED).map(|text| Document::new(extract(&text, InputFormat::Text)))
}

#[test]
fn dump_seed() {
    let Some(doc) = seed() else { return };
    for b in &doc.blocks {
        let t = doc.slice(b.span);
        eprintln!("{:?}\t{}", b.kind, t.chars().take(60).collect::<String>());
    }
    for s in doc.body_sentences() {
        eprintln!(
            "S: {}",
            doc.slice(s.span).chars().take(80).collect::<String>()
        );
    }
    for q in &doc.quotes {
        eprintln!(
            "Q: {} {:?}",
            doc.slice(q.span).chars().take(80).collect::<String>(),
            q.closed
        );
    }
    let _ = BlockKind::Body;
}

#[test]
fn polnear_dev_paragraphs_are_nearly_all_body() {
    let Some(jsonl) = shared("eval/polnear-dev.jsonl") else {
        return;
    };
    let mut blocks = 0;
    let mut headlines = 0;
    let mut other = Vec::new();
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(text) = record.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let doc = Document::new(extract(text, InputFormat::Text));
        blocks += doc.blocks.len();
        for (i, b) in doc.blocks.iter().enumerate() {
            match b.kind {
                BlockKind::Body => {}
                BlockKind::Headline if i == 0 => headlines += 1,
                kind => other.push(format!("{kind:?}: {}", doc.slice(b.span))),
            }
        }
    }
    eprintln!(
        "polnear dev: {blocks} blocks, {headlines} first-line headlines, {} other non-body blocks",
        other.len()
    );
    for o in &other {
        eprintln!("  {}", o.chars().take(100).collect::<String>());
    }
}
