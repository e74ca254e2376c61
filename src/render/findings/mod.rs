//! Renderers for the findings of `secondhand check`, one per `--format`:
//! [`full`] (source snippets, for people), [`concise`] (one line a
//! finding), [`github`] (GitHub Actions workflow commands), [`json_lines`]
//! (one JSON object a finding, streamed per file), and whole-run [`json`]
//! and [`sarif`] (SARIF 2.1.0).
//!
//! Lines and columns are 1-based and columns count Unicode code points, as
//! [`Location`](crate::check::Location) has them; end columns point just
//! past the last character (as SARIF's `endColumn`). Only [`full`] can
//! carry colour, and only when [`Style::color`] asks for it.

mod json;
mod lines;
mod sarif;
mod snippet;

pub use json::{json, json_lines};
pub use lines::{concise, github};
pub use sarif::sarif;
pub use snippet::full;

use crate::check::{Checked, Rule};
use crate::error::Error;

/// How [`full`] draws.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// ANSI colour; the caller decides (terminal, `NO_COLOR`, `--color`).
    pub color: bool,
}

/// Everything a whole-run format needs: the checked files (sorted by path),
/// the inputs that could not be checked, and the rules of the run.
#[derive(Clone, Copy, Debug)]
pub struct Run<'a> {
    pub checked: &'a [Checked],
    pub errors: &'a [Error],
    pub rules: &'a [Rule],
}

/// `text` on one line with no control characters: line breaks and tabs
/// become spaces and other control characters U+FFFD, so a name taken from
/// an article can neither break a line format nor drive a terminal.
fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_removes_breaks_and_escapes() {
        assert_eq!(one_line("plain"), "plain");
        assert_eq!(one_line("a\nb\tc"), "a b c");
        assert_eq!(one_line("x\u{1b}[31my"), "x\u{FFFD}[31my");
    }
}
