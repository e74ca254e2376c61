//! The plain text an extractor writes, with lazy separators.
//!
//! Extractors push runs of text and ask for breaks; a break is written only
//! when more text follows, so the text never starts or ends with a separator
//! and two breaks in a row never leave an empty block. Blocks are separated
//! by `"\n\n"`, line breaks are `"\n"`, collapsed white space is `" "`.

use super::{BlockHint, Extracted, Link, Meta};
use crate::span::Span;

/// What must be written before the next character, weakest first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
enum Pending {
    #[default]
    Nothing,
    Space,
    Newline,
    Block,
}

/// Builds the extracted text and its source map.
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    text: String,
    pending: Pending,
    source_map: Vec<(u32, u32)>,
    /// The length of the text without its trailing white space.
    content_end: usize,
    /// Where each run with content starts its content, increasing.
    content_starts: Vec<usize>,
    links: Vec<Link>,
    hints: Vec<(Span, BlockHint)>,
    directives: Vec<(u32, String)>,
}

impl TextBuilder {
    /// Where text written from now on will start, give or take separators:
    /// a mark for [`Self::span_since`]. Trailing white space does not count,
    /// as the next separator may replace it.
    pub(crate) fn mark(&self) -> usize {
        self.content_end
    }

    /// The text written since `mark`, without the separators and white space
    /// at its ends (empty when nothing but white space was written). Costs
    /// O(log n): no scan over the white space, however long.
    pub(crate) fn span_since(&self, mark: usize) -> Span {
        if self.content_end <= mark {
            return Span::new(mark, mark);
        }
        let first = self.content_starts.partition_point(|&s| s < mark);
        let start = self.content_starts.get(first).copied().unwrap_or(mark);
        Span::new(start, self.content_end)
    }

    /// Closes an element that started at `mark`: its text, when there is
    /// any, becomes a link to `href` and gets `hints`. Returns its span.
    pub(crate) fn close(
        &mut self,
        mark: usize,
        href: Option<String>,
        hints: impl IntoIterator<Item = BlockHint>,
    ) -> Span {
        let span = self.span_since(mark);
        if !span.is_empty() {
            if let Some(href) = href {
                self.links.push(Link { span, href });
            }
            self.hints
                .extend(hints.into_iter().map(|hint| (span, hint)));
        }
        span
    }

    /// The text under `span` (empty if it is not on char boundaries).
    pub(crate) fn text_of(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    /// Whether the next text starts a line or follows white space (written
    /// or pending).
    pub(crate) fn at_gap(&self) -> bool {
        self.pending != Pending::Nothing
            || self.content_end < self.text.len()
            || self.text.is_empty()
    }

    /// Ends the current block: the next text starts a new one.
    pub(crate) fn block_break(&mut self) {
        self.want(Pending::Block);
    }

    /// Ends the current line: the next text starts on a new line.
    pub(crate) fn line_break(&mut self) {
        self.want(Pending::Newline);
    }

    /// Separates the next text from the last by one space.
    pub(crate) fn space(&mut self) {
        self.want(Pending::Space);
    }

    /// Asks for a separator before the next text; the strongest one asked for
    /// wins, and none is written at the start of the text.
    fn want(&mut self, pending: Pending) {
        if !self.text.is_empty() {
            self.pending = self.pending.max(pending);
        }
    }

    /// Writes the pending separator; before a block separator, white space
    /// at the end of the last block (a code block's last newline) goes.
    fn flush(&mut self) {
        match std::mem::take(&mut self.pending) {
            Pending::Nothing => {}
            // Text that already ends in white space (a run's own trailing
            // space before a dropped comment) gets no second space.
            Pending::Space if self.text.ends_with(char::is_whitespace) => {}
            Pending::Space => self.text.push(' '),
            Pending::Newline => {
                self.truncate_trailing_space();
                self.text.push('\n');
            }
            Pending::Block => {
                self.truncate_trailing_space();
                self.text.push_str("\n\n");
            }
        }
    }

    /// Drops white space at the end of the text and source map entries that
    /// pointed into it.
    fn truncate_trailing_space(&mut self) {
        let kept = self.content_end;
        self.text.truncate(kept);
        while self
            .source_map
            .last()
            .is_some_and(|&(at, _)| at as usize >= kept)
        {
            self.source_map.pop();
        }
    }

    /// Writes `run` as is after the pending separator and returns where it
    /// starts in the text.
    pub(crate) fn push_verbatim(&mut self, run: &str) -> usize {
        if run.is_empty() {
            return self.text.len();
        }
        self.flush();
        let at = self.text.len();
        self.text.push_str(run);
        let content = run.trim_end();
        if !content.is_empty() {
            self.content_end = at + content.len();
            let lead = content.len() - content.trim_start().len();
            self.content_starts.push(at + lead);
        }
        at
    }

    /// Writes `run` as is and records that it was copied from byte
    /// `source_offset` of the source.
    pub(crate) fn push_copied(&mut self, run: &str, source_offset: usize) {
        if run.trim().is_empty() {
            // White space alone may be dropped or replaced by a separator.
            self.push_verbatim(run);
            return;
        }
        let at = self.push_verbatim(run);
        if let (Ok(at), Ok(from)) = (u32::try_from(at), u32::try_from(source_offset)) {
            let increasing = self
                .source_map
                .last()
                .is_none_or(|&(t, s)| t < at && s < from);
            if increasing {
                self.source_map.push((at, from));
            }
        }
    }

    /// Writes `run` with every run of white space collapsed to one space (HTML
    /// rendering of normal text); white space at a block start is dropped.
    /// `locate` gives where a word is written unchanged in the source, if
    /// it is known (each such word gets a source map entry).
    pub(crate) fn push_collapsed(
        &mut self,
        run: &str,
        is_space: impl Fn(char) -> bool,
        mut locate: impl FnMut(&str) -> Option<usize>,
    ) {
        // Pieces after the first follow white space; empty pieces are runs
        // of it (or its ends), which ask for a space and write nothing.
        for (i, word) in run.split(&is_space).enumerate() {
            if i > 0 {
                self.space();
            }
            match locate(word).filter(|_| !word.is_empty()) {
                Some(at) => self.push_copied(word, at),
                None => {
                    self.push_verbatim(word);
                }
            }
        }
    }

    /// Records a comment of the source: a `secondhand: …` comment becomes a
    /// directive at the current end of the text; other comments are ignored.
    pub(crate) fn comment(&mut self, comment: &str) {
        let body = comment.trim();
        let Some(prefix) = body.get(..11) else {
            return;
        };
        if prefix.eq_ignore_ascii_case("secondhand:") {
            let words = body.get(11..).unwrap_or("").trim();
            let at = u32::try_from(self.content_end).unwrap_or(u32::MAX);
            self.directives.push((at, words.to_string()));
        }
    }

    /// The extracted text (without trailing white space) with `meta`, links
    /// and hints in text order (outer hints first where they start together)
    /// and, if `keep_source_map`, the source map.
    pub(crate) fn finish(mut self, meta: Meta, keep_source_map: bool) -> Extracted {
        self.truncate_trailing_space();
        // Inner elements close first: order by start, outer spans first,
        // and on one span the hint that says most about the region first.
        self.hints.sort_by_key(|&(span, hint)| {
            (span.start, std::cmp::Reverse(span.end), hint_rank(hint))
        });
        self.hints.dedup();
        self.links.sort_by_key(|link| link.span.start);
        Extracted {
            text: self.text,
            links: self.links,
            meta,
            hints: self.hints,
            source_map: if keep_source_map {
                self.source_map
            } else {
                Vec::new()
            },
            directives: self.directives,
        }
    }
}

/// The order of hints on one span: page furniture and bylines say what a
/// region is for, so they come before what shape its text has.
fn hint_rank(hint: BlockHint) -> u8 {
    match hint {
        BlockHint::Chrome => 0,
        BlockHint::Byline => 1,
        BlockHint::Heading(_) => 2,
        BlockHint::BlockQuote => 3,
        BlockHint::ListItem => 4,
        BlockHint::Paragraph => 5,
    }
}

/// Checks every source map entry: the first word of the run at the text
/// offset (up to the next entry) is written at the source offset.
#[cfg(test)]
pub(crate) fn assert_source_map_points_at_the_same_text(x: &Extracted, source: &str) {
    let ends = x.source_map.iter().skip(1).map(|&(t, _)| t as usize);
    let ends = ends.chain(std::iter::once(x.text.len()));
    let mut last = None;
    for (&(at, from), end) in x.source_map.iter().zip(ends) {
        assert!(last.is_none_or(|(t, s)| t < at && s < from), "increasing");
        last = Some((at, from));
        let run = x.text.get(at as usize..end).unwrap_or("");
        let lead = run.len() - run.trim_start().len();
        let word_len = run.trim_start().find(char::is_whitespace);
        let word = run
            .get(..lead + word_len.unwrap_or(run.len() - lead))
            .unwrap_or("");
        assert!(!word.trim().is_empty(), "empty run at {at}");
        let in_source = source.get(from as usize..).unwrap_or("");
        assert!(
            in_source.starts_with(word),
            "{word:?} at {at} vs {:?} at {from}",
            in_source.get(..20)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html_space(c: char) -> bool {
        c.is_ascii_whitespace()
    }

    #[test]
    fn separators_are_written_only_between_text() {
        let mut b = TextBuilder::default();
        b.block_break();
        b.line_break();
        b.push_verbatim("one");
        b.line_break();
        b.block_break();
        b.push_verbatim("two");
        b.line_break();
        b.push_verbatim("three");
        b.block_break();
        assert_eq!(b.finish(Meta::default(), true).text, "one\n\ntwo\nthree");
    }

    #[test]
    fn collapsed_runs_keep_one_space_between_words() {
        let mut b = TextBuilder::default();
        let nowhere = |_: &str| None;
        b.push_collapsed("  a \n\t b ", html_space, nowhere);
        b.push_collapsed("c", html_space, nowhere);
        b.push_collapsed("d ", html_space, nowhere);
        b.push_collapsed(" e", html_space, nowhere);
        b.push_verbatim("f ");
        b.space();
        b.push_verbatim("g ");
        b.line_break();
        b.push_verbatim("h");
        assert_eq!(b.finish(Meta::default(), true).text, "a b cd ef g\nh");
    }

    #[test]
    fn spans_survive_trailing_white_space_replaced_by_a_separator() {
        let mut b = TextBuilder::default();
        b.push_verbatim("a\n\n\n");
        let mark = b.mark();
        b.block_break();
        b.push_verbatim("b");
        assert_eq!(b.text_of(b.span_since(mark)), "b");
        b.push_verbatim("  ");
        let mark = b.mark();
        b.line_break();
        b.push_verbatim("c");
        assert_eq!(b.text_of(b.span_since(mark)), "c");
        assert_eq!(b.finish(Meta::default(), true).text, "a\n\nb\nc");
    }

    #[test]
    fn block_break_drops_trailing_white_space_and_its_map_entries() {
        let mut b = TextBuilder::default();
        b.push_copied("code\n", 4);
        b.push_verbatim("\n");
        b.block_break();
        b.push_copied("next", 20);
        let x = b.finish(Meta::default(), true);
        assert_eq!(x.text, "code\n\nnext");
        assert_eq!(x.source_map, vec![(0, 4), (6, 20)]);
    }

    #[test]
    fn secondhand_comments_become_directives_at_the_end_of_the_text() {
        let mut b = TextBuilder::default();
        b.comment(" secondhand: ignore-file ");
        b.push_verbatim("one ");
        b.comment("an ordinary note");
        b.comment("SECONDHAND: off SH004");
        b.block_break();
        b.push_verbatim("two");
        b.comment("secondhand:");
        let x = b.finish(Meta::default(), true);
        assert_eq!(
            x.directives,
            vec![
                (0, "ignore-file".to_string()),
                (3, "off SH004".to_string()),
                (8, String::new())
            ]
        );
    }
}
