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

/// The text of a block, by index.
fn block_text(doc: &Document, i: usize) -> &str {
    doc.blocks.get(i).map_or("", |b| doc.slice(b.span))
}

#[test]
fn seed_body_is_the_twelve_article_paragraphs() {
    let Some(doc) = seed() else { return };
    let body: Vec<_> = doc.body().collect();
    assert_eq!(body.len(), 12);
    let first = doc.text.find("In recent weeks").unwrap_or(usize::MAX);
    let last_end = doc
        .text
        .find("high stakes involved.")
        .map(|i| i + "high stakes involved.".len());
    assert_eq!(body.first().map(|b| b.span.start()), Some(first));
    assert_eq!(body.last().map(|b| b.span.end()), last_end);
    // The paragraph that starts with a stray period is still body.
    assert!(body.iter().any(|b| doc.slice(b.span).starts_with(". ")));
}

#[test]
fn seed_headline_byline_and_chrome() {
    let Some(doc) = seed() else { return };
    let kind_of = |prefix: &str| -> Vec<BlockKind> {
        (0..doc.blocks.len())
            .filter(|&i| block_text(&doc, i).starts_with(prefix))
            .filter_map(|i| doc.blocks.get(i).map(|b| b.kind))
            .collect()
    };
    // The headline is the first block longer than ten words; both copies.
    let headline = (0..doc.blocks.len())
        .map(|i| block_text(&doc, i))
        .find(|t| t.split_whitespace().count() > 10 && !t.ends_with('.'))
        .unwrap_or("");
    assert_eq!(
        kind_of(headline),
        [BlockKind::Headline, BlockKind::Headline]
    );
    assert_eq!(kind_of("Edited by"), [BlockKind::Byline]);
    // Everything before the first headline, and after the body, is chrome.
    let first_headline = doc
        .blocks
        .iter()
        .position(|b| b.kind == BlockKind::Headline)
        .unwrap_or(0);
    assert_eq!(first_headline, 3);
    assert!(doc
        .blocks
        .iter()
        .take(first_headline)
        .all(|b| b.kind == BlockKind::Chrome));
    let last_body = doc
        .blocks
        .iter()
        .rposition(|b| b.kind == BlockKind::Body)
        .unwrap_or(0);
    assert_eq!(doc.blocks.len() - last_body - 1, 3);
    assert!(doc
        .blocks
        .iter()
        .skip(last_body + 1)
        .all(|b| b.kind == BlockKind::Chrome));
    // Between the headlines: four blocks of chrome.
    let between: Vec<_> = doc
        .blocks
        .iter()
        .skip(first_headline + 1)
        .take_while(|b| b.kind != BlockKind::Headline)
        .map(|b| b.kind)
        .collect();
    assert_eq!(between, [BlockKind::Chrome; 4]);
    assert_eq!(doc.blocks.len(), 25);
}

#[test]
fn seed_sentences_and_quotation() {
    let Some(doc) = seed() else { return };
    let sentences: Vec<&str> = doc.body_sentences().map(|s| doc.slice(s.span)).collect();
    assert!(
        (33..=34).contains(&sentences.len()),
        "{} body sentences",
        sentences.len()
    );
    // The senator's sentence is whole: it starts at the title and ends the body.
    let tillis = doc.text.find("Sen. Thom").unwrap_or(usize::MAX);
    let tillis_sentence = doc.body_sentences().find(|s| s.span.start() == tillis);
    assert_eq!(
        tillis_sentence.map(|s| s.span.end()),
        doc.body().last().map(|b| b.span.end())
    );
    // The spokesperson's quotation spans two whole sentences of one block.
    let open = doc.text.find("“At no point").unwrap_or(usize::MAX);
    let quote = doc.quotes.iter().find(|q| q.span.start() == open);
    let Some(quote) = quote else {
        panic!("no quotation opens at the spokesperson's words");
    };
    assert!(quote.closed);
    assert_eq!(quote.pieces.len(), 1);
    let inside = doc
        .sentences
        .iter()
        .filter(|s| s.span.overlaps(quote.span))
        .count();
    assert_eq!(inside, 2);
    let last = doc.sentences.iter().rfind(|s| s.span.overlaps(quote.span));
    assert_eq!(last.map(|s| s.span.end), Some(quote.span.end));
}

#[test]
fn seed_publisher_is_the_bylined_outlet() {
    let Some(doc) = seed() else { return };
    let publisher = secondhand::resolve::publisher::detect(&doc, None);
    assert_eq!(publisher.as_ref().map(|p| p.name.as_str()), Some("TJVNews"));
    assert_eq!(publisher.map(|p| p.evidence), Some("byline".to_string()));
    assert_eq!(secondhand::resolve::publisher::origin(&doc), None);
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
    // Keep the floor: at most one non-body block in a hundred past the title.
    assert!(
        other.len() * 100 <= blocks,
        "{} non-body blocks",
        other.len()
    );
}

/// A small deterministic generator (xorshift) for odd inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn odd_inputs_give_spans_on_char_boundaries_in_order() {
    let pieces = [
        "a",
        "Sen.",
        " ",
        "\n",
        "\n\n",
        ".",
        "...",
        "…",
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "?",
        "!",
        "U.S.",
        "J.",
        "(AP) —",
        "By ",
        "52 F",
        "é",
        "日本",
        "\u{a0}",
        "-",
        ")",
        "(",
        "3.5",
        "No.",
        "Advertisement",
        "ABC",
        "—",
        "\r\n",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..300 {
        let len = (rng.next() % 80) as usize;
        let text: String = (0..len)
            .map(|_| pieces[(rng.next() % pieces.len() as u64) as usize])
            .collect();
        for format in [InputFormat::Text, InputFormat::Markdown, InputFormat::Html] {
            let doc = Document::new(extract(&text, format));
            let t = &doc.text;
            let ok = |s: secondhand::Span| {
                s.start <= s.end
                    && s.end() <= t.len()
                    && t.is_char_boundary(s.start())
                    && t.is_char_boundary(s.end())
            };
            let mut end = 0;
            for b in &doc.blocks {
                assert!(ok(b.span) && b.span.start() >= end, "{text:?}");
                end = b.span.end();
            }
            for s in &doc.sentences {
                let block = doc.blocks.get(s.block as usize).map(|b| b.span);
                assert!(
                    ok(s.span) && block.is_some_and(|b| b.contains(s.span)),
                    "{text:?}"
                );
            }
            for q in &doc.quotes {
                assert!(
                    ok(q.span) && q.pieces.iter().all(|p| ok(*p) && q.span.contains(*p)),
                    "{text:?}"
                );
            }
            let _ = secondhand::resolve::publisher::detect(&doc, None);
            let _ = secondhand::resolve::publisher::origin(&doc);
        }
    }
}
