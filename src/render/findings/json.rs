//! JSON: `json_lines` (one object a finding, streamed as files finish) and
//! `json` (one document for the run, with a summary). Objects have a fixed
//! key order and maps are sorted, so the output diffs well.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Run;
use crate::check::{Checked, Finding, Location, Severity};
use crate::span::Span;

/// One compact JSON object a finding, each on its own line:
/// `{"path", "code", "name", "severity", "message", "location", "span", "secondary"}`.
pub fn json_lines(c: &Checked) -> String {
    let mut out = String::new();
    for f in &c.findings {
        out.push_str(&serde_json::to_string(&FindingOut::of(Some(&c.path), f)).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// The whole run as one pretty document:
/// `{"version": 1, "files": [{"path", "findings"}], "errors": [...], "summary": {...}}`.
pub fn json(run: &Run) -> String {
    let files = run
        .checked
        .iter()
        .map(|c| FileOut {
            path: &c.path,
            findings: c.findings.iter().map(|f| FindingOut::of(None, f)).collect(),
        })
        .collect();
    let errors = run
        .errors
        .iter()
        .map(|e| ErrorOut {
            path: e.input(),
            code: e.code(),
            message: e.to_string(),
        })
        .collect();
    let doc = Document {
        version: 1,
        files,
        errors,
        summary: Summary::of(run),
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files: Vec<FileOut<'a>>,
    errors: Vec<ErrorOut<'a>>,
    summary: Summary<'a>,
}

#[derive(Serialize)]
struct FileOut<'a> {
    path: &'a str,
    findings: Vec<FindingOut<'a>>,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    /// Only in JSON lines, where a finding stands alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    code: &'a str,
    name: &'a str,
    severity: Severity,
    message: &'a str,
    location: Location,
    /// Bytes in the analysed text.
    span: Span,
    secondary: Vec<SecondaryOut<'a>>,
}

impl<'a> FindingOut<'a> {
    fn of(path: Option<&'a str>, f: &'a Finding) -> FindingOut<'a> {
        FindingOut {
            path,
            code: f.code,
            name: f.name,
            severity: f.severity,
            message: &f.message,
            location: f.location,
            span: f.span,
            secondary: f
                .secondary
                .iter()
                .map(|s| SecondaryOut {
                    label: &s.label,
                    location: s.location,
                    span: s.span,
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct SecondaryOut<'a> {
    label: &'a str,
    location: Location,
    span: Span,
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    path: &'a str,
    code: &'a str,
    message: String,
}

#[derive(Serialize)]
struct Summary<'a> {
    files: usize,
    findings: usize,
    errors: usize,
    /// Every severity, zero or not.
    by_severity: BTreeMap<&'static str, usize>,
    /// The codes that were found.
    by_code: BTreeMap<&'a str, usize>,
}

impl<'a> Summary<'a> {
    fn of(run: &Run<'a>) -> Summary<'a> {
        let mut by_severity: BTreeMap<&'static str, usize> =
            [Severity::Error, Severity::Warning, Severity::Info]
                .iter()
                .map(|s| (s.name(), 0))
                .collect();
        let mut by_code = BTreeMap::new();
        let mut findings = 0;
        for f in run.checked.iter().flat_map(|c| &c.findings) {
            findings += 1;
            *by_severity.entry(f.severity.name()).or_default() += 1;
            *by_code.entry(f.code).or_default() += 1;
        }
        Summary {
            files: run.checked.len(),
            findings,
            errors: run.errors.len(),
            by_severity,
            by_code,
        }
    }
}
