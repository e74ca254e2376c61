//! Sourcing policies as lint findings (`secondhand check`): rules with
//! stable codes run over a report, configuration, inline suppression, and
//! the positions of findings in the source file.

use serde::{Deserialize, Serialize};

use crate::span::Span;

pub mod config;
mod lint;
mod position;
pub mod rules;
pub mod suppress;

pub use config::{Config, ConfigError, EffectiveConfig};
pub use lint::{check, check_article};
pub use position::SourceIndex;

/// How much a finding matters; `--fail-on` picks the least that fails a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A place in the source file: 1-based lines and columns (columns count
/// Unicode code points), and the byte range in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub byte_start: u32,
    pub byte_end: u32,
}

/// A span that explains a finding (a link of a chain, another anonymous
/// source), with its label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Secondary {
    /// Bytes in the analysed text.
    pub span: Span,
    pub location: Location,
    pub label: String,
}

/// One rule's verdict on one place of one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code, `SH001`…
    pub code: &'static str,
    /// Stable kebab-case name, `secondhand-share`…
    pub name: &'static str,
    pub severity: Severity,
    /// One line, with the figure and the limit where there is one.
    pub message: String,
    /// Bytes in the analysed text (the report's `text`).
    pub span: Span,
    /// The same place in the source file.
    pub location: Location,
    pub secondary: Vec<Secondary>,
}

/// The findings of one input, with what renderers need to show them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Checked {
    /// The input's name as the user gave it (a relative path, a record id).
    pub path: String,
    /// The source as read (for snippets); findings' locations index it.
    #[serde(skip)]
    pub source: String,
    /// Sorted by position, then code.
    pub findings: Vec<Finding>,
}

/// A rule's stable identity and documentation (`secondhand rules`, SARIF
/// rule metadata).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// Stable code, `SH001`…
    pub code: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    /// `None`: off unless configured (a threshold or a severity).
    pub default_severity: Option<Severity>,
    /// One line.
    pub summary: &'static str,
    /// "What it does", "Why is this bad?", "Example" (Markdown paragraphs).
    pub what: &'static str,
    pub why: &'static str,
    pub example: &'static str,
}
