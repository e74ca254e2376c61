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
    #[derive(Serialize)]
    struct Line<'a> {
        id: &'a str,
        report: &'a Report,
    }
    serde_json::to_string(&Line {
        id: &report.id,
        report,
    })
    .unwrap_or_default()
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
