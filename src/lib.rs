//! secondhand finds the attributions in a news article ("according to the
//! Post", "Pengyu insisted that", "reportedly"), resolves each source to an
//! entity, links nested attributions into source chains and reports how much
//! of the article is secondhand.
//!
//! The pipeline, one module a stage, each a pure function of the one before:
//!
//! ```text
//! input     bytes -> plain text, links, metadata    (input/)
//! document  blocks, sentences, tokens, quotations   (document/)
//! grammar   attributions: cue, source, content      (grammar/, lexicon/)
//! resolve   publisher; sources -> entities          (resolve/)
//! graph     publisher -> sources -> their sources   (graph/)
//! metrics   shares of body words                    (metrics.rs)
//! report    the JSON report; renderers               (report.rs, render/)
//! ```
//!
//! The library never prints and never panics on any input.
//!
//! ```
//! use secondhand::{analyze, Article, InputFormat, Options};
//!
//! let text = "The harbour will close in May, according to the Boston Globe.\n";
//! let article = Article { id: "example", text, format: InputFormat::Text, publisher: None, url: None };
//! let report = analyze(&article, &Options::default())?;
//! let first = &report.attributions[0];
//! assert_eq!(first.cue.text, "according to");
//! assert_eq!(first.source.as_ref().map(|s| s.text.as_str()), Some("the Boston Globe"));
//! assert!(report.metrics.secondhand_share > 0.0);
//! # Ok::<(), secondhand::Error>(())
//! ```
#![forbid(unsafe_code)]
#![warn(clippy::print_stdout, clippy::print_stderr)]
// Input decides nothing that can panic: no unwrap, expect, panic! or
// indexing in library code. Tests may unwrap and index.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod check;
pub mod document;
pub mod error;
pub mod eval;
pub mod grammar;
pub mod graph;
pub mod input;
pub mod lexicon;
pub mod metrics;
pub mod render;
pub mod report;
pub mod resolve;
pub mod span;

pub use error::{Error, Result};
pub use input::InputFormat;
pub use report::Report;
pub use span::Span;

use document::Document;

/// One article to analyse.
#[derive(Clone, Copy, Debug)]
pub struct Article<'a> {
    /// A name for the article in the report and in errors (a path, a record id).
    pub id: &'a str,
    /// The article as given: plain text, HTML or Markdown.
    pub text: &'a str,
    /// How to read `text` (`Jsonl` records are unpacked before this).
    pub format: InputFormat,
    /// The publisher, when the caller knows it (`--publisher`, a JSONL field).
    pub publisher: Option<&'a str>,
    /// Where the article was published, when known.
    pub url: Option<&'a str>,
}

/// Settings of the analysis.
#[derive(Clone, Debug)]
pub struct Options {
    /// Articles larger than this many bytes are refused with an error.
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Runs the whole pipeline on one article.
pub fn analyze(article: &Article<'_>, options: &Options) -> Result<Report> {
    analyze_detailed(article, options).map(|analysis| analysis.report)
}

/// A report with what the input stage knew of the source, for checks that
/// point back into it (`secondhand check`).
#[derive(Clone, Debug)]
pub struct Analysis {
    pub report: Report,
    /// The links of the analysed text (HTML and Markdown).
    pub links: Vec<input::Link>,
    /// See [`input::Extracted::source_map`]: empty for plain text, whose
    /// analysed text is the source.
    pub source_map: Vec<(u32, u32)>,
    /// See [`input::Extracted::directives`].
    pub directives: Vec<(u32, String)>,
}

/// Runs the whole pipeline on one article, keeping the links, source map and
/// comment directives of its input beside the report.
pub fn analyze_detailed(article: &Article<'_>, options: &Options) -> Result<Analysis> {
    if article.text.len() > options.max_bytes.min(u32::MAX as usize) {
        return Err(Error::TooLarge {
            input: article.id.to_string(),
            size: article.text.len(),
            limit: options.max_bytes,
        });
    }
    let mut extracted = input::extract(article.text, article.format);
    if extracted.meta.canonical_url.is_none() {
        extracted.meta.canonical_url = article.url.map(str::to_string);
    }
    let source_map = std::mem::take(&mut extracted.source_map);
    let directives = std::mem::take(&mut extracted.directives);
    let doc = Document::new(extracted);
    let links = doc.links.clone();
    let publisher = resolve::publisher::detect(&doc, article.publisher);
    let origin = resolve::publisher::origin(&doc);
    let attributions = grammar::find(&doc);
    let resolution = resolve::resolve(&doc, &attributions);
    // Secondhand: hedged, sourced to a publication, or reported inside one.
    let inside = resolve::reported_inside(&attributions, &resolution);
    let secondhand = resolve::is_secondhand_in(&attributions, &resolution, &inside);
    let graph = graph::build_in(&attributions, &resolution, &inside);
    let coverage = metrics::Coverage::new(&doc, &attributions);
    let metrics = metrics::compute_in(&coverage, &secondhand);
    let report = Report::assemble(report::Parts {
        id: article.id.to_string(),
        format: article.format,
        doc,
        publisher,
        origin,
        attributions: &attributions,
        secondhand: &secondhand,
        resolution: &resolution,
        graph: &graph,
        metrics,
        coverage: &coverage,
    });
    Ok(Analysis {
        report,
        links,
        source_map,
        directives,
    })
}
