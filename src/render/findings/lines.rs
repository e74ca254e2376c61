//! Line formats: `concise` (`path:line:col: CODE message`, as ruff's
//! concise output) and `github` (GitHub Actions workflow commands, which
//! GitHub shows as annotations on the changed files).

use std::fmt::Write;

use super::one_line;
use crate::check::{Checked, Severity};

/// One line a finding: `path:line:col: CODE message`.
pub fn concise(c: &Checked) -> String {
    let path = one_line(&c.path);
    let mut out = String::new();
    for f in &c.findings {
        let _ = writeln!(
            out,
            "{path}:{}:{}: {} {}",
            f.location.line,
            f.location.column,
            f.code,
            one_line(&f.message)
        );
    }
    out
}

/// One workflow command a finding:
/// `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=SH003 unsourced-hedge::message`.
pub fn github(c: &Checked) -> String {
    let file = property(&c.path);
    let mut out = String::new();
    for f in &c.findings {
        let l = &f.location;
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let title = property(&format!("{} {}", f.code, f.name));
        let _ = writeln!(
            out,
            "::{command} file={file},line={},col={},endLine={},endColumn={},title={title}::{}",
            l.line,
            l.column,
            l.end_line,
            l.end_column,
            data(&f.message)
        );
    }
    out
}

/// A command's message, escaped as GitHub's toolkit does (`%`, CR, LF).
fn data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A command's property value: as [`data`], and `:` and `,` too.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes_data_and_properties() {
        assert_eq!(data("50% of\r\nit: a, b"), "50%25 of%0D%0Ait: a, b");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
