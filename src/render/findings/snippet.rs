//! `full`: each finding as rustc and ruff show diagnostics, a header
//! `warning[SH003]: message`, ` --> path:line:col`, and the source lines
//! with the finding's span underlined and labelled with the rule's name,
//! its secondary spans (links of a chain, other sources) underlined with
//! their labels. Drawn by `annotate-snippets`, which cuts long lines (one
//! line of minified HTML) down to the part around the spans and folds the
//! lines between distant spans.

use std::borrow::Cow;
use std::ops::Range;

use annotate_snippets::{Annotation, AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{one_line, Style};
use crate::check::{Checked, Finding, Location, Severity};

/// Every finding of the file, each followed by a blank line (as rustc and
/// ruff print them), so files' outputs can be written one after another.
pub fn full(c: &Checked, style: &Style) -> String {
    let renderer = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let path = one_line(&c.path);
    let mut out = String::new();
    for f in &c.findings {
        out.push_str(&renderer.render(&[group(&c.source, &path, f)]));
        out.push_str("\n\n");
    }
    out
}

/// Lines longer than this (in characters) are cut by the renderer around
/// the spans on them; spans far apart on such lines get a snippet each.
const LONG_LINE: usize = 120;

fn group<'a>(source: &'a str, path: &'a str, f: &'a Finding) -> Group<'a> {
    let level = match f.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let title = level.primary_title(one_line(&f.message)).id(f.code);
    let Some(primary) = bytes(source, &f.location) else {
        // No source to show (it is empty, or the location falls outside
        // it): the header and the position alone.
        let origin = Origin::path(path)
            .line(f.location.line as usize)
            .char_column(f.location.column as usize);
        return title.element(origin);
    };
    let mut marks = vec![Mark {
        range: primary,
        kind: AnnotationKind::Primary,
        label: f.name.into(),
    }];
    for s in &f.secondary {
        if let Some(range) = bytes(source, &s.location) {
            marks.push(Mark {
                range,
                kind: AnnotationKind::Context,
                label: one_line(&s.label),
            });
        }
    }
    let together = Window::around(source, &marks);
    let parts = if together.widest_line() <= LONG_LINE {
        vec![marks]
    } else {
        marks.into_iter().map(|m| vec![m]).collect()
    };
    let snippets = parts.into_iter().map(|part| {
        let window = Window::around(source, &part);
        Snippet::source(window.text)
            .line_start(window.line)
            .path(path)
            .fold(true)
            .annotations(part.into_iter().map(|m| window.place(m)))
    });
    title.elements(snippets)
}

/// A span to underline, in bytes of the source.
struct Mark<'a> {
    range: Range<usize>,
    kind: AnnotationKind,
    label: Cow<'a, str>,
}

/// The whole lines of the source that hold some spans.
struct Window<'a> {
    text: &'a str,
    /// Byte offset of `text` in the source.
    start: usize,
    /// 1-based line number of `text`'s first line.
    line: usize,
}

impl<'a> Window<'a> {
    /// The lines around the marks (each within `source` and on character
    /// boundaries, as [`bytes`] makes them).
    fn around(source: &'a str, marks: &[Mark<'_>]) -> Window<'a> {
        let (lo, hi) = marks.iter().fold((source.len(), 0), |(lo, hi), m| {
            (lo.min(m.range.start), hi.max(m.range.end))
        });
        let lo = lo.min(hi);
        let start = source
            .get(..lo)
            .and_then(|b| b.rfind('\n'))
            .map_or(0, |i| i + 1);
        let mut end = source
            .get(hi..)
            .and_then(|a| a.find('\n'))
            .map_or(source.len(), |i| hi + i);
        if end > hi && source.get(..end).is_some_and(|b| b.ends_with('\r')) {
            end -= 1;
        }
        let before = source.get(..start).unwrap_or("");
        Window {
            text: source.get(start..end).unwrap_or(""),
            start,
            line: 1 + before.bytes().filter(|&b| b == b'\n').count(),
        }
    }

    /// The longest line, in characters.
    fn widest_line(&self) -> usize {
        self.text
            .split('\n')
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    }

    /// The mark as an annotation of the window's text.
    fn place(&self, mark: Mark<'a>) -> Annotation<'a> {
        let end = mark.range.end.min(self.start + self.text.len());
        let start = mark.range.start.saturating_sub(self.start);
        mark.kind
            .span(start..end.saturating_sub(self.start))
            .label(mark.label)
    }
}

/// A location's byte range in the source, moved back onto character
/// boundaries; `None` when it starts past the end of the source.
fn bytes(source: &str, location: &Location) -> Option<Range<usize>> {
    let start = location.byte_start as usize;
    if start > source.len() {
        return None;
    }
    let start = floor_char_boundary(source, start);
    let end = floor_char_boundary(source, (location.byte_end as usize).min(source.len()));
    Some(start..end.max(start))
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn finding(location: Location, secondary: Vec<Location>) -> Finding {
        Finding {
            code: "SH003",
            name: "unsourced-hedge",
            severity: Severity::Warning,
            message: "a hedge".to_string(),
            span: Span::default(),
            location,
            secondary: secondary
                .into_iter()
                .map(|location| crate::check::Secondary {
                    span: Span::default(),
                    location,
                    label: "other".to_string(),
                })
                .collect(),
        }
    }

    fn at(line: u32, column: u32, byte_start: u32, byte_end: u32) -> Location {
        Location {
            line,
            column,
            end_line: line,
            end_column: column + (byte_end - byte_start),
            byte_start,
            byte_end,
        }
    }

    fn render(source: &str, f: Finding) -> String {
        let c = Checked {
            path: "a.txt".to_string(),
            source: source.to_string(),
            findings: vec![f],
        };
        full(&c, &Style { color: false })
    }

    #[test]
    fn a_location_outside_the_source_keeps_the_header_and_position() {
        let out = render("short", finding(at(9, 4, 500, 510), vec![]));
        assert!(out.starts_with("warning[SH003]: a hedge\n"), "{out}");
        assert!(out.contains("--> a.txt:9:4"), "{out}");
        let empty = render("", finding(at(1, 1, 0, 0), vec![]));
        assert!(empty.contains("--> a.txt:1:1"), "{empty}");
    }

    #[test]
    fn offsets_inside_a_character_do_not_panic() {
        // "Zoë" has a two-byte "ë" at bytes 2..4; 3 is inside it.
        let out = render(
            "Zoë said so.\nAnd again.\n",
            finding(at(1, 3, 3, 7), vec![at(2, 1, 13, 40)]),
        );
        assert!(out.contains("Zoë said so."), "{out}");
    }

    #[test]
    fn windows_are_whole_lines_without_carriage_returns() {
        let source = "one\r\ntwo three\r\nfour\r\n";
        let marks = [Mark {
            range: 9..14,
            kind: AnnotationKind::Primary,
            label: "".into(),
        }];
        let w = Window::around(source, &marks);
        assert_eq!(w.text, "two three");
        assert_eq!((w.start, w.line), (5, 2));
        assert_eq!(w.widest_line(), 9);
    }

    #[test]
    fn far_spans_on_a_long_line_get_a_snippet_each() {
        let source = format!("{}needle{}", "a ".repeat(200), " b".repeat(200));
        let out = render(
            &source,
            finding(
                at(1, 401, 400, 406),
                vec![at(1, 3, 2, 3), at(1, 790, 789, 790)],
            ),
        );
        assert_eq!(out.matches("1 |").count(), 3, "{out}");
        assert!(out.lines().all(|l| l.chars().count() < 160), "{out}");
    }
}
