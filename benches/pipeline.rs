//! Benchmarks of each pipeline stage on the corpus articles, and of the
//! whole analysis of one news-sized article.
//!
//! `cargo bench --bench pipeline` (a filter narrows it: `cargo bench
//! --bench pipeline -- grammar`). Each stage is measured on all corpus
//! articles together, so its figure is the time for the whole corpus; the
//! stages before it are prepared outside the timed loop.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use secondhand::document::Document;
use secondhand::{
    analyze, grammar, input, metrics, render, resolve, Article, InputFormat, Options,
};

/// The corpus articles: (name, text, format), in name order.
fn corpus() -> Vec<(String, String, InputFormat)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let format = path.to_str().and_then(InputFormat::from_path)?;
            let text = std::fs::read_to_string(&path).ok()?;
            let name = path.file_name()?.to_string_lossy().into_owned();
            (format != InputFormat::Jsonl).then_some((name, text, format))
        })
        .collect()
}

/// A news-sized plain-text article of at least 6 KB: the corpus's text
/// articles one after another, blank lines between them.
fn six_kb_article(corpus: &[(String, String, InputFormat)]) -> String {
    let mut text = String::new();
    for (_, t, _) in corpus.iter().filter(|(_, _, f)| *f == InputFormat::Text) {
        if text.len() >= 6 * 1024 {
            break;
        }
        text.push_str(t.trim_end());
        text.push_str("\n\n");
    }
    text
}

fn documents(corpus: &[(String, String, InputFormat)]) -> Vec<Document> {
    corpus
        .iter()
        .map(|(_, t, f)| Document::new(input::extract(t, *f)))
        .collect()
}

fn stages(c: &mut Criterion) {
    let corpus = corpus();
    let bytes: u64 = corpus.iter().map(|(_, t, _)| t.len() as u64).sum();
    let mut group = c.benchmark_group("stage");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .throughput(Throughput::Bytes(bytes));

    let extracted: Vec<_> = corpus
        .iter()
        .map(|(_, t, f)| input::extract(t, *f))
        .collect();
    group.bench_function("document", |b| {
        b.iter_batched(
            || extracted.clone(),
            |ex| ex.into_iter().map(Document::new).collect::<Vec<_>>(),
            BatchSize::SmallInput,
        )
    });

    let docs = documents(&corpus);
    group.bench_function("grammar", |b| {
        b.iter(|| docs.iter().map(grammar::find).collect::<Vec<_>>())
    });

    let found: Vec<_> = docs.iter().map(grammar::find).collect();
    group.bench_function("resolve", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&found)
                .map(|(d, a)| resolve::resolve(d, a))
                .collect::<Vec<_>>()
        })
    });

    let secondhand: Vec<Vec<bool>> = docs
        .iter()
        .zip(&found)
        .map(|(d, a)| resolve::is_secondhand(a, &resolve::resolve(d, a)))
        .collect();
    group.bench_function("metrics", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&found)
                .zip(&secondhand)
                .map(|((d, a), s)| metrics::compute(d, a, s))
                .collect::<Vec<_>>()
        })
    });

    let reports: Vec<_> = corpus
        .iter()
        .filter_map(|(name, text, format)| {
            let article = Article {
                id: name,
                text,
                format: *format,
                publisher: None,
                url: None,
            };
            analyze(&article, &Options::default()).ok()
        })
        .collect();
    group.bench_function("render_json_lines", |b| {
        b.iter(|| reports.iter().map(render::json::line).collect::<Vec<_>>())
    });
    group.finish();
}

fn whole(c: &mut Criterion) {
    let text = six_kb_article(&corpus());
    let article = Article {
        id: "six-kb",
        text: &text,
        format: InputFormat::Text,
        publisher: None,
        url: None,
    };
    let options = Options::default();
    let mut group = c.benchmark_group("analyze");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(format!("article_{}_bytes", text.len()), |b| {
        b.iter(|| analyze(&article, &options))
    });
    group.finish();
}

criterion_group!(benches, stages, whole);
criterion_main!(benches);
