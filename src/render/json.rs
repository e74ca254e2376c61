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
/// buffer is sized from the text (a report runs to about four times its
/// text), so that a long report is not copied again and again as it grows.
pub fn line_bytes(report: &Report) -> Vec<u8> {
    #[derive(Serialize)]
    struct Line<'a> {
        id: &'a str,
        report: &'a Report,
    }
    let mut out = Vec::with_capacity(report.text.len().saturating_mul(4).saturating_add(1024));
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
