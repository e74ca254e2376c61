//! Segmentation snapshots of the test corpus.
//!
//! For every article in `corpus/` (`NN-slug.txt|html|md`, in name order) this
//! extracts the text, builds the [`Document`] and snapshots a readable
//! summary of its blocks, sentences and quotations into `snapshots/`, one
//! snapshot per article named after the file. A changed segmentation shows up
//! as a snapshot diff to review (`INSTA_UPDATE=always cargo test --test
//! corpus_segmentation` rewrites them).
//!
//! The seed article in `../shared/seeds/` is summarised without any of its
//! words (kinds, offsets and counts only), since its text must not be copied
//! into the project.

use std::fmt::Write as _;
use std::path::Path;

mod common;

use common::corpus_files;
use secondhand::document::Document;
use secondhand::input::{self, InputFormat};
use secondhand::Span;

/// Characters of a block's text shown in the summary.
const BLOCK_PREVIEW: usize = 60;
/// Characters of a sentence's text shown in the summary.
const SENTENCE_PREVIEW: usize = 50;
/// Characters of a quotation's text shown in the summary.
const QUOTE_PREVIEW: usize = 40;

/// The seed article, relative to the shared folder.
const SEED: &str = "seeds/000_81b7c91e4df976a3.txt";

/// Reads, extracts and segments one file.
fn segment(path: &Path) -> Document {
    let text = std::fs::read_to_string(path).expect("article is UTF-8");
    let format = InputFormat::from_path(&path.to_string_lossy()).expect("known extension");
    Document::new(input::extract(&text, format))
}

/// The first `n` characters of a span's text on one line, with an ellipsis
/// when cut.
fn preview(doc: &Document, span: Span, n: usize) -> String {
    let text = doc.slice(span);
    let mut out: String = text
        .chars()
        .take(n)
        .map(|c| if c == '\n' { '⏎' } else { c })
        .collect();
    if text.chars().count() > n {
        out.push('…');
    }
    out
}

/// A span as `start..end`.
fn range(span: Span) -> String {
    format!("{}..{}", span.start, span.end)
}

/// The kind of a block as its JSON name.
fn kind_name<T: serde::Serialize>(kind: &T) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "?".to_string())
}

/// A readable summary of an article's segmentation: metadata, links,
/// blocks, sentences and quotations with the start of their text.
fn summary(doc: &Document) -> String {
    let mut out = String::new();
    let meta = &doc.meta;
    let _ = writeln!(out, "text: {} bytes", doc.text.len());
    let _ = writeln!(out, "meta.title: {:?}", meta.title);
    let _ = writeln!(out, "meta.site_name: {:?}", meta.site_name);
    let _ = writeln!(out, "meta.canonical_url: {:?}", meta.canonical_url);
    let _ = writeln!(out, "meta.author: {:?}", meta.author);
    let _ = writeln!(out, "\nlinks: {}", doc.links.len());
    for link in &doc.links {
        let _ = writeln!(
            out,
            "  {:>11} {:?} -> {}",
            range(link.span),
            preview(doc, link.span, 40),
            link.href
        );
    }
    let _ = writeln!(out, "\nblocks: {}", doc.blocks.len());
    for (i, block) in doc.blocks.iter().enumerate() {
        let _ = writeln!(
            out,
            "  b{:<3} {:<9} {:>11} {}",
            i,
            kind_name(&block.kind),
            range(block.span),
            preview(doc, block.span, BLOCK_PREVIEW)
        );
    }
    let _ = writeln!(out, "\nsentences: {}", doc.sentences.len());
    for (i, sentence) in doc.sentences.iter().enumerate() {
        let _ = writeln!(
            out,
            "  s{:<3} b{:<3} {:>11} {}",
            i,
            sentence.block,
            range(sentence.span),
            preview(doc, sentence.span, SENTENCE_PREVIEW)
        );
    }
    let _ = writeln!(out, "\nquotations: {}", doc.quotes.len());
    for (i, quote) in doc.quotes.iter().enumerate() {
        let _ = writeln!(
            out,
            "  q{:<3} {:>11} pieces={} {} {}",
            i,
            range(quote.span),
            quote.pieces.len(),
            if quote.closed { "closed" } else { "OPEN" },
            preview(doc, quote.span, QUOTE_PREVIEW)
        );
    }
    out
}

/// A summary without any of the article's words: kinds, offsets and counts.
fn text_free_summary(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "text: {} bytes", doc.text.len());
    let _ = writeln!(out, "tokens: {}", doc.tokens.len());
    let _ = writeln!(out, "words: {}", doc.words_in(Span::new(0, doc.text.len())));
    let _ = writeln!(out, "\nblocks: {}", doc.blocks.len());
    for (i, block) in doc.blocks.iter().enumerate() {
        let sentences = doc
            .sentences
            .iter()
            .filter(|s| s.block as usize == i)
            .count();
        let _ = writeln!(
            out,
            "  b{:<3} {:<9} {:>11} sentences={} words={}",
            i,
            kind_name(&block.kind),
            range(block.span),
            sentences,
            doc.words_in(block.span)
        );
    }
    let _ = writeln!(out, "\nsentences: {}", doc.sentences.len());
    for (i, sentence) in doc.sentences.iter().enumerate() {
        let _ = writeln!(
            out,
            "  s{:<3} b{:<3} {:>11} words={}",
            i,
            sentence.block,
            range(sentence.span),
            doc.words_in(sentence.span)
        );
    }
    let _ = writeln!(out, "\nquotations: {}", doc.quotes.len());
    for (i, quote) in doc.quotes.iter().enumerate() {
        let pieces: Vec<String> = quote.pieces.iter().map(|p| range(*p)).collect();
        let _ = writeln!(
            out,
            "  q{:<3} {:>11} pieces={} {} [{}]",
            i,
            range(quote.span),
            quote.pieces.len(),
            if quote.closed { "closed" } else { "OPEN" },
            pieces.join(", ")
        );
    }
    out
}

/// Asserts a snapshot stored in the top-level `snapshots/` directory.
fn assert_top_level_snapshot(name: &str, summary: &str) {
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, summary);
    });
}

#[test]
fn corpus_has_the_articles_the_readme_describes() {
    let files = corpus_files();
    assert!(
        files.len() >= 14,
        "expected 14 articles, found {}",
        files.len()
    );
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/README"))
            .expect("corpus/README exists");
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        assert!(readme.contains(name), "corpus/README does not list {name}");
    }
}

#[test]
fn corpus_segmentation_matches_snapshots() {
    let mut failed = Vec::new();
    for path in corpus_files() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let doc = segment(&path);
        check_spans(&doc, &name);
        let text = summary(&doc);
        // Check every article before failing, so one run shows every diff.
        let outcome = std::panic::catch_unwind(|| assert_top_level_snapshot(&name, &text));
        if outcome.is_err() {
            failed.push(name);
        }
    }
    assert!(failed.is_empty(), "snapshots differ for: {failed:?}");
}

/// Every span of the document lies on char boundaries inside the text,
/// sentences lie inside their blocks, and blocks are in order without
/// overlap.
fn check_spans(doc: &Document, name: &str) {
    let ok = |s: Span| {
        s.start <= s.end
            && doc.text.is_char_boundary(s.start())
            && doc.text.is_char_boundary(s.end())
            && s.end() <= doc.text.len()
    };
    let mut previous_end = 0;
    for block in &doc.blocks {
        assert!(ok(block.span), "{name}: bad block span {:?}", block.span);
        assert!(
            block.span.start() >= previous_end,
            "{name}: block {:?} overlaps the one before",
            block.span
        );
        previous_end = block.span.end();
    }
    for sentence in &doc.sentences {
        assert!(
            ok(sentence.span),
            "{name}: bad sentence span {:?}",
            sentence.span
        );
        let block = doc.blocks.get(sentence.block as usize);
        assert!(
            block.is_some_and(|b| b.span.contains(sentence.span)),
            "{name}: sentence {:?} is not inside block {}",
            sentence.span,
            sentence.block
        );
    }
    for quote in &doc.quotes {
        assert!(
            ok(quote.span),
            "{name}: bad quotation span {:?}",
            quote.span
        );
        for piece in &quote.pieces {
            assert!(
                ok(*piece) && quote.span.contains(*piece),
                "{name}: quotation piece {piece:?} outside {:?}",
                quote.span
            );
        }
    }
}

#[test]
fn seed_segmentation_matches_text_free_snapshot() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let path = shared.join(SEED);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: seed article {} is absent", path.display());
        return;
    };
    let doc = Document::new(input::extract(&text, InputFormat::Text));
    check_spans(&doc, "seed");
    assert_top_level_snapshot("seed-000_81b7c91e4df976a3", &text_free_summary(&doc));
}
