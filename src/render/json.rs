//! JSON and JSON-lines.

use serde::Serialize;

use crate::error::Error;
use crate::graph::merge::Network;
use crate::report::Report;

/// The report as pretty JSON.
pub fn report(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// One JSON-lines record: `{"id": ..., "report": {...}}`.
pub fn line(report: &Report) -> String {
    let mut out = line_bytes(report);
    out.pop();
    String::from_utf8(out).unwrap_or_default()
}

/// [`line`] and its newline, as bytes, written by the
/// [compact writer](super::compact) (the same bytes as `serde_json`). The
/// buffer is sized by [`size_hint`], so that a long report is not copied
/// again and again as it grows.
pub fn line_bytes(report: &Report) -> Vec<u8> {
    #[derive(Serialize)]
    struct Line<'a> {
        id: &'a str,
        report: &'a Report,
    }
    let mut out = Vec::with_capacity(size_hint(report));
    let record = Line {
        id: &report.id,
        report,
    };
    if super::compact::write(&mut out, &record).is_err() {
        out.clear();
    }
    out.push(b'\n');
    out
}

/// About the size of a report's JSON line, a little over rather than
/// under: its text and, for each item of its lists, a bit more than such
/// an item's usual size (on news and on one long paragraph: an attribution
/// 215-230 bytes, a sentence 70-80, an entity with its metrics and graph
/// rows ~350, a mention ~50), with ~3 KB for the rest (metrics and graph
/// heads). Pages of the buffer that are never written cost no memory; a
/// buffer grown by doubling would be copied, and for one long article
/// would hold up to twice the line.
pub fn size_hint(report: &Report) -> usize {
    let mentions: usize = report.entities.iter().map(|e| e.mentions.len()).sum();
    let items = [
        // Quotation marks and line breaks are escaped: a sixteenth more.
        (report.text.len(), 1),
        (report.text.len() / 16, 1),
        (report.attributions.len(), 256),
        (report.sentences.len(), 96),
        (report.entities.len(), 384),
        (mentions, 64),
        (report.blocks.len(), 48),
        (report.quotations.len(), 96),
        (report.chains.len(), 64),
    ];
    items.iter().fold(4096usize, |sum, &(n, size)| {
        sum.saturating_add(n.saturating_mul(size))
    })
}

/// One JSON-lines error record:
/// `{"id": ..., "line": N, "error": {"code": ..., "message": ...}}`.
pub fn error_line(id: Option<&str>, line: Option<usize>, error: &Error) -> String {
    serde_json::json!({
        "id": id,
        "line": line,
        "error": {"code": error.code(), "message": error.to_string()},
    })
    .to_string()
}

/// A network as pretty JSON: `{"nodes": [...], "edges": [...]}`.
pub fn network(network: &Network) -> String {
    serde_json::to_string_pretty(network).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The report of every corpus article (at least 30 of them).
    pub(crate) fn corpus_reports() -> Vec<Report> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut reports = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.to_string_lossy().to_string();
            let Some(format) = crate::InputFormat::from_path(&name) else {
                continue;
            };
            let text = std::fs::read_to_string(&path).unwrap();
            reports.push(report_of(&name, &text, format));
        }
        assert!(reports.len() >= 30, "{} corpus articles", reports.len());
        reports
    }

    fn report_of(name: &str, text: &str, format: crate::InputFormat) -> Report {
        let article = crate::Article {
            id: name,
            text,
            format,
            publisher: None,
            url: None,
        };
        crate::analyze(&article, &crate::Options::default()).unwrap()
    }

    /// The hint is at least the line (no growth) and not far above it.
    fn hint_fits(report: &Report) {
        let line = line_bytes(report).len();
        let hint = size_hint(report);
        assert!(line <= hint, "{}: line {line} over hint {hint}", report.id);
        assert!(
            hint <= 2 * line + 8192,
            "{}: hint {hint} for line {line}",
            report.id
        );
    }

    #[test]
    fn size_hint_covers_every_corpus_report_without_doubling_it() {
        corpus_reports().iter().for_each(hint_fits);
    }

    #[test]
    fn size_hint_covers_long_paragraphs_of_attributions_and_quotes() {
        let shapes = [
            "Ana Ruiz said the plan would work, and officials said it would not. ",
            "\"Yes,\" \"no,\" and \"maybe\" were the answers, the mayor told reporters. ",
            "The council approved the budget on Tuesday after a long debate. ",
        ];
        for shape in shapes {
            hint_fits(&report_of(
                "long",
                &shape.repeat(2000),
                crate::InputFormat::Text,
            ));
        }
    }
}
