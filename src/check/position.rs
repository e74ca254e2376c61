//! From byte spans in the analysed text to lines and columns in the source
//! file, through the input's source map.

use super::Location;
use crate::span::Span;

/// The source of one input, its analysed text and the map between them.
#[derive(Debug)]
pub struct SourceIndex<'a> {
    source: &'a str,
    text: &'a str,
    /// See [`crate::input::Extracted::source_map`]; empty when the text is
    /// the source.
    map: &'a [(u32, u32)],
    /// Byte offsets of the starts of the source's lines.
    line_starts: Vec<usize>,
}

impl<'a> SourceIndex<'a> {
    pub fn new(source: &'a str, text: &'a str, map: &'a [(u32, u32)]) -> SourceIndex<'a> {
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceIndex {
            source,
            text,
            map,
            line_starts,
        }
    }

    /// The byte of the source where text offset `at` was copied from. Past
    /// the copied run that holds it (text the markup wrote otherwise, such
    /// as an entity), the nearest earlier point that is known.
    pub fn source_offset(&self, at: usize) -> usize {
        self.mapped(at, false)
    }

    /// As [`Self::source_offset`] for the end of a span: the end of the run
    /// before `at`, not the start of the one that begins there.
    pub fn source_end(&self, at: usize) -> usize {
        self.mapped(at, true)
    }

    fn mapped(&self, at: usize, end: bool) -> usize {
        let (t, s) = if self.map.is_empty() {
            (0, 0)
        } else {
            let i = self
                .map
                .partition_point(|&(t, _)| (t as usize) < at || (!end && t as usize == at));
            match i.checked_sub(1).and_then(|i| self.map.get(i)) {
                Some(&(t, s)) => (t as usize, s as usize),
                None => return 0,
            }
        };
        let text = self.text.as_bytes().get(t..at).unwrap_or(&[]);
        let source = self.source.as_bytes().get(s..).unwrap_or(&[]);
        let same = text.iter().zip(source).take_while(|(a, b)| a == b).count();
        let mut out = (s + same).min(self.source.len());
        while !self.source.is_char_boundary(out) {
            out -= 1;
        }
        out
    }

    /// The 1-based line and column (in characters) of source byte `at`.
    fn line_column(&self, at: usize) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&s| s <= at).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let column = self.source.get(start..at).map_or(0, |s| s.chars().count()) + 1;
        (clamp(line), clamp(column))
    }

    /// Where `span` of the analysed text is in the source.
    pub fn location(&self, span: Span) -> Location {
        let start = self.source_offset(span.start());
        let end = if span.is_empty() {
            start
        } else {
            self.source_end(span.end()).max(start)
        };
        let (line, column) = self.line_column(start);
        let (end_line, end_column) = self.line_column(end);
        Location {
            line,
            column,
            end_line,
            end_column,
            byte_start: clamp(start),
            byte_end: clamp(end),
        }
    }
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{extract, InputFormat};

    /// Every word of the text: the source under its location is the word.
    fn assert_words_round_trip(source: &str, format: InputFormat) {
        let x = extract(source, format);
        let index = SourceIndex::new(source, &x.text, &x.source_map);
        let mut at = 0;
        for word in x.text.split_whitespace() {
            let start = x
                .text
                .get(at..)
                .and_then(|t| t.find(word))
                .map_or(0, |p| at + p);
            at = start + word.len();
            if !word.chars().all(char::is_alphanumeric) {
                continue;
            }
            let loc = index.location(Span::new(start, at));
            let under = source.get(loc.byte_start as usize..loc.byte_end as usize);
            assert_eq!(under, Some(word), "{loc:?}");
        }
    }

    #[test]
    fn plain_text_is_its_own_source() {
        let text = "One line.\nThe caf\u{e9} said so.\n";
        let index = SourceIndex::new(text, text, &[]);
        let loc = index.location(Span::new(20, 24));
        assert_eq!((loc.line, loc.column, loc.end_column), (2, 10, 14));
        assert_eq!(text.get(20..24), Some("said"));
    }

    #[test]
    fn markdown_words_point_at_their_source() {
        let md = "---\ntitle: T\n---\n# The *pier* closes\n\nThe mayor said\n\
                  that **repairs** &amp; works [would](/x) wait, the Gazette reported.\n";
        assert_words_round_trip(md, InputFormat::Markdown);
        let x = extract(md, InputFormat::Markdown);
        let index = SourceIndex::new(md, &x.text, &x.source_map);
        let at = x.text.find("repairs").unwrap_or(0);
        let loc = index.location(Span::new(at, at + 7));
        assert_eq!((loc.line, loc.column), (7, 8));
    }

    #[test]
    fn html_words_point_at_their_source() {
        let html = "<html><head><title>the pier</title></head><body>\n<nav>Home</nav>\n\
                    <p class=\"lede\">The <a href=\"/g\">Gazette</a> said the caf\u{e9}\n   \
                    would close &mdash; reportedly in May.</p></body></html>";
        assert_words_round_trip(html, InputFormat::Html);
    }

    #[test]
    fn corpus_html_and_markdown_words_round_trip() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        let mut checked = 0;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.to_string_lossy().to_string();
            let Some(format) = InputFormat::from_path(&name) else {
                continue;
            };
            if matches!(format, InputFormat::Html | InputFormat::Markdown) {
                let source = std::fs::read_to_string(&path).unwrap_or_default();
                assert_words_round_trip(&source, format);
                checked += 1;
            }
        }
        assert!(checked > 0);
    }
}
