//! Markdown to plain text with `pulldown-cmark`.
//!
//! CommonMark with tables, strikethrough, footnotes and YAML front matter;
//! smart punctuation is off, so the author's quote marks stay as written.
//!
//! - **Text**: paragraphs, headings, list items, block quotes, table cells,
//!   footnote definitions and code blocks are blocks separated by `"\n\n"`.
//!   A soft break (a line end inside a paragraph) becomes one space, as it
//!   renders; a hard break becomes `"\n"`. Inline code keeps its text,
//!   emphasis and link markers vanish. Images contribute nothing (their alt
//!   text describes a picture, not the article's words), nor do raw HTML
//!   blocks, inline HTML and HTML comments, footnote markers or front matter.
//! - **Hints**: [`BlockHint::Heading`], [`BlockHint::Paragraph`],
//!   [`BlockHint::ListItem`] and [`BlockHint::BlockQuote`], each spanning all
//!   the text of its element, sorted by start with outer spans first (a
//!   block quote covers its paragraphs).
//! - **Links**: inline, reference and autolinks: the span of the link text
//!   and the destination (reference links resolved).
//! - **Meta**: from front matter `key: value` lines: `title`, `publisher`
//!   (or `site_name`), `canonical_url` (or `url`), `author`, quotes
//!   stripped; other keys ignored. Without a front matter title, the first
//!   heading is the title.
//! - **Source map**: one entry per run copied unchanged from the source
//!   (text and code), pointing at its first byte in the Markdown. Runs that
//!   differ from their source (entities, backslash escapes) get no entry.
//! - **Directives**: `<!-- secondhand: … -->` comments in HTML blocks and
//!   inline HTML, at the end of the text written before them.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::builder::TextBuilder;
use super::{BlockHint, Extracted, Meta};

/// Extracts the text, links and block hints of a Markdown document.
pub fn extract(markdown: &str) -> Extracted {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut walk = Walk::new(markdown);
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        walk.event(event, range);
    }
    walk.finish()
}

/// What an open tag started, undone when it ends.
#[derive(Debug, Default)]
struct Frame {
    /// Where the tag's text starts (see [`TextBuilder::mark`]).
    mark: usize,
    block: bool,
    hint: Option<BlockHint>,
    href: Option<String>,
}

/// The state of one pass over the events.
struct Walk<'s> {
    source: &'s str,
    out: TextBuilder,
    frames: Vec<Frame>,
    /// Inside an image, whose alt text is dropped.
    image_depth: usize,
    /// Inside a code block, whose white space is kept.
    code_depth: usize,
    /// The text of the front matter block being read, if inside one.
    front_matter: Option<String>,
    meta: Meta,
    first_heading: Option<String>,
    /// Raw HTML since the last complete comment, when a comment is open.
    pending_html: String,
}

impl<'s> Walk<'s> {
    fn new(source: &'s str) -> Walk<'s> {
        Walk {
            source,
            out: TextBuilder::default(),
            frames: Vec::new(),
            image_depth: 0,
            code_depth: 0,
            front_matter: None,
            meta: Meta::default(),
            first_heading: None,
            pending_html: String::new(),
        }
    }

    /// Handles one parser event and the source range it came from.
    fn event(&mut self, event: Event<'_>, range: std::ops::Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some(front) = &mut self.front_matter {
                    front.push_str(&text);
                } else if self.image_depth == 0 {
                    let exact = self.source.get(range.clone()) == Some(&*text);
                    let run = self.without_doubled_space(&text);
                    let skipped = text.len() - run.len();
                    self.copy(run, exact.then_some(range.start + skipped));
                }
            }
            Event::Code(code) if self.image_depth == 0 => {
                let at = self.code_offset(&code, range);
                self.copy(&code, at);
            }
            Event::SoftBreak if self.image_depth == 0 => self.out.space(),
            Event::HardBreak if self.image_depth == 0 => self.out.line_break(),
            Event::Rule => self.out.block_break(),
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html),
            _ => {}
        }
    }

    /// Reads the comments in raw HTML. An HTML block arrives a line at a
    /// time, so a comment may span several events: the unclosed tail waits
    /// in `pending_html` for the next.
    fn html(&mut self, html: &str) {
        self.pending_html.push_str(html);
        let mut rest = self.pending_html.as_str();
        let mut comments = Vec::new();
        while let Some(open) = rest.find("<!--") {
            let body = rest.get(open + 4..).unwrap_or("");
            match body.find("-->") {
                Some(close) => {
                    comments.push(body.get(..close).unwrap_or("").to_string());
                    rest = body.get(close + 3..).unwrap_or("");
                }
                None => break,
            }
        }
        let keep = rest.find("<!--").map_or(0, |open| rest.len() - open);
        let tail = rest.get(rest.len() - keep..).unwrap_or("").to_string();
        self.pending_html = tail;
        for comment in comments {
            self.out.comment(&comment);
        }
    }

    /// `run` without its leading spaces when they would double a space or
    /// start a line (text around a dropped HTML comment or image); code
    /// blocks keep their indentation.
    fn without_doubled_space<'r>(&self, run: &'r str) -> &'r str {
        if self.code_depth == 0 && self.out.at_gap() {
            run.trim_start_matches([' ', '\t'])
        } else {
            run
        }
    }

    /// Writes a run of text, copied from byte `source_offset` of the source
    /// when it is known to be there unchanged.
    fn copy(&mut self, run: &str, source_offset: Option<usize>) {
        match source_offset {
            Some(offset) => self.out.push_copied(run, offset),
            None => {
                self.out.push_verbatim(run);
            }
        }
    }

    /// Where an inline code span's text starts in the source: inside its
    /// backticks, when it is written there unchanged (a code span over
    /// several lines has its line ends turned into spaces).
    fn code_offset(&self, code: &str, range: std::ops::Range<usize>) -> Option<usize> {
        let raw = self.source.get(range.clone())?;
        let inner = raw.trim_matches('`');
        let lead = raw.len() - raw.trim_start_matches('`').len();
        let pos = inner.find(code).filter(|_| !code.is_empty())?;
        Some(range.start + lead + pos)
    }

    /// Opens a tag.
    fn start(&mut self, tag: Tag<'_>) {
        let block = is_block(&tag);
        if block {
            self.out.block_break();
        }
        let mut frame = Frame {
            mark: self.out.mark(),
            block,
            ..Frame::default()
        };
        match tag {
            Tag::Paragraph => frame.hint = Some(BlockHint::Paragraph),
            Tag::Heading { level, .. } => frame.hint = Some(BlockHint::Heading(level as u8)),
            Tag::Item => frame.hint = Some(BlockHint::ListItem),
            Tag::BlockQuote(_) => frame.hint = Some(BlockHint::BlockQuote),
            Tag::Link { dest_url, .. } => frame.href = Some(dest_url.trim().to_string()),
            Tag::Image { .. } => self.image_depth += 1,
            Tag::CodeBlock(_) => self.code_depth += 1,
            Tag::MetadataBlock(_) => self.front_matter = Some(String::new()),
            _ => {}
        }
        self.frames.push(frame);
    }

    /// Closes a tag (pulldown-cmark closes every tag it opens, in order).
    fn end(&mut self, tag: TagEnd) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        match tag {
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            TagEnd::CodeBlock => self.code_depth = self.code_depth.saturating_sub(1),
            TagEnd::MetadataBlock(_) => {
                if let Some(front) = self.front_matter.take() {
                    read_front_matter(&front, &mut self.meta);
                }
            }
            _ => {}
        }
        let span = self.out.close(frame.mark, frame.href, frame.hint);
        let heading = matches!(frame.hint, Some(BlockHint::Heading(_)));
        if heading && self.first_heading.is_none() && !span.is_empty() {
            self.first_heading = Some(self.out.text_of(span).to_string());
        }
        if frame.block {
            self.out.block_break();
        }
    }

    /// The extracted text, links, hints, metadata and source map.
    fn finish(mut self) -> Extracted {
        if self.meta.title.is_none() {
            self.meta.title = self.first_heading;
        }
        self.out.finish(self.meta, true)
    }
}

/// Block-level tags: each starts and ends a block of text.
fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// Reads the `key: value` lines of YAML front matter into `meta`: `title`,
/// `publisher` or `site_name`, `canonical_url` or `url`, `author`. The first
/// of each pair wins; values lose one pair of surrounding quotes; nested or
/// empty values are ignored.
fn read_front_matter(front: &str, meta: &mut Meta) {
    let mut site_name = (None, None);
    let mut url = (None, None);
    let mut title = None;
    let mut author = None;
    for line in front.lines() {
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let Some(value) = unquote(value) else {
            continue;
        };
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "title" => &mut title,
            "publisher" => &mut site_name.0,
            "site_name" => &mut site_name.1,
            "canonical_url" => &mut url.0,
            "url" => &mut url.1,
            "author" => &mut author,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
    meta.title = title;
    meta.site_name = site_name.0.or(site_name.1);
    meta.canonical_url = url.0.or(url.1);
    meta.author = author;
}

/// A front matter value trimmed and without one pair of surrounding quotes,
/// or `None` when empty.
fn unquote(value: &str) -> Option<String> {
    let value = value.trim();
    let inner = ['"', '\'']
        .iter()
        .find_map(|&q| value.strip_prefix(q)?.strip_suffix(q))
        .unwrap_or(value)
        .trim();
    (!inner.is_empty()).then(|| inner.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::builder::assert_source_map_points_at_the_same_text;

    /// The text of every hint of `kind`.
    fn hinted(x: &Extracted, kind: BlockHint) -> Vec<&str> {
        x.hints
            .iter()
            .filter(|(_, h)| *h == kind)
            .map(|(s, _)| s.text(&x.text))
            .collect()
    }

    #[test]
    fn paragraphs_and_headings_become_hinted_blocks() {
        let md = "# Town *hall* closes\n\nThe council\nmet on **Monday**.  \nLate.\n\n## Next\n\n- one\n- two `code`\n\n> quoted\n> words\n";
        let x = extract(md);
        assert_eq!(
            x.text,
            "Town hall closes\n\nThe council met on Monday.\nLate.\n\nNext\n\none\n\ntwo code\n\nquoted words"
        );
        assert_eq!(hinted(&x, BlockHint::Heading(1)), ["Town hall closes"]);
        assert_eq!(hinted(&x, BlockHint::Heading(2)), ["Next"]);
        assert_eq!(
            hinted(&x, BlockHint::Paragraph),
            ["The council met on Monday.\nLate.", "quoted words"]
        );
        assert_eq!(hinted(&x, BlockHint::ListItem), ["one", "two code"]);
        assert_eq!(hinted(&x, BlockHint::BlockQuote), ["quoted words"]);
        assert_eq!(x.meta.title.as_deref(), Some("Town hall closes"));
        assert_source_map_points_at_the_same_text(&x, md);
    }

    #[test]
    fn tables_and_code_blocks_are_blocks() {
        let md =
            "| a | b |\n|---|---|\n| c | d |\n\n```\nlet x = 1;\n  y\n```\n\nafter ~~gone~~ kept\n";
        let x = extract(md);
        assert_eq!(
            x.text,
            "a\n\nb\n\nc\n\nd\n\nlet x = 1;\n  y\n\nafter gone kept"
        );
        assert_source_map_points_at_the_same_text(&x, md);
    }

    #[test]
    fn comment_before_a_line_end_leaves_one_space() {
        let x = extract("one. <!-- note -->\ntwo\n");
        assert_eq!(x.text, "one. two");
    }

    #[test]
    fn html_comments_images_and_raw_html_are_excluded() {
        let md = "Before <!-- hidden note --> after <span>kept</span>.\n\n<div>\nblock html\n</div>\n\n![alt words](p.png) end\n";
        let x = extract(md);
        assert_eq!(x.text, "Before after kept.\n\nend");
    }

    #[test]
    fn secondhand_comments_in_blocks_and_inline_are_directives() {
        let md =
            "One.\n\n<!-- secondhand: ignore SH003 -->\nTwo <!-- secondhand: off --> three.\n\n\
                  <!--\nsecondhand: on\n-->\n\nFour. <!-- plain -->\n";
        let x = extract(md);
        assert_eq!(x.text, "One.\n\nTwo three.\n\nFour.");
        assert_eq!(
            x.directives,
            vec![
                (4, "ignore SH003".to_string()),
                (9, "off".to_string()),
                (16, "on".to_string())
            ]
        );
    }

    #[test]
    fn smart_punctuation_is_off() {
        let x = extract("He said \"yes\" -- it's 'fine'...\n");
        assert_eq!(x.text, "He said \"yes\" -- it's 'fine'...");
    }

    #[test]
    fn links_inline_reference_and_autolinks_carry_spans_and_hrefs() {
        let md = "See [the *Gazette*](https://g.example/a ), [ref link][r], \
                  [short] and <https://auto.example>.\n\n[r]: https://r.example\n[short]: /s\n";
        let x = extract(md);
        let links: Vec<(&str, &str)> = x
            .links
            .iter()
            .map(|l| (l.span.text(&x.text), l.href.as_str()))
            .collect();
        assert_eq!(
            links,
            [
                ("the Gazette", "https://g.example/a"),
                ("ref link", "https://r.example"),
                ("short", "/s"),
                ("https://auto.example", "https://auto.example"),
            ]
        );
        assert_source_map_points_at_the_same_text(&x, md);
    }

    #[test]
    fn front_matter_goes_to_meta_not_text() {
        let md = "---\ntitle: \"A: headline\"\npublisher: 'The Gazette'\nsite_name: Other\n\
                  url: https://g.example/u\nauthor: Jo Roe\ntags:\n  - x\n---\n\n# Heading\n\nBody.\n";
        let x = extract(md);
        assert_eq!(x.text, "Heading\n\nBody.");
        assert_eq!(
            x.meta,
            Meta {
                title: Some("A: headline".into()),
                site_name: Some("The Gazette".into()),
                canonical_url: Some("https://g.example/u".into()),
                author: Some("Jo Roe".into()),
            }
        );
        assert_source_map_points_at_the_same_text(&x, md);
    }

    #[test]
    fn escapes_and_entities_are_decoded_without_map_entries() {
        let md = "Fish &amp; chips \\*not emphasis\\*\n";
        let x = extract(md);
        assert_eq!(x.text, "Fish & chips *not emphasis*");
        assert_source_map_points_at_the_same_text(&x, md);
    }

    #[test]
    fn spans_fall_on_char_boundaries_with_non_ascii_text() {
        let md = "# \u{201c}Caf\u{e9}\u{201d} \u{1f600}\n\n\u{2018}[\u{1f4f0} n\u{e9}ws](/n)\u{2019} \u{2014} `\u{e9}t\u{e9}`\n";
        let x = extract(md);
        let spans = x
            .hints
            .iter()
            .map(|(s, _)| *s)
            .chain(x.links.iter().map(|l| l.span));
        for span in spans {
            assert!(x.text.is_char_boundary(span.start()) && x.text.is_char_boundary(span.end()));
            assert!(!span.text(&x.text).is_empty());
        }
        assert_eq!(x.links[0].span.text(&x.text), "\u{1f4f0} n\u{e9}ws");
        assert!(!x.source_map.is_empty());
        assert_source_map_points_at_the_same_text(&x, md);
    }

    #[test]
    fn deeply_nested_quotes_and_emphasis_return() {
        let md = format!(
            "{}deep\n\n{}x{}\n",
            "> ".repeat(10_000),
            "*".repeat(50_000),
            "*".repeat(50_000)
        );
        let x = extract(&md);
        assert!(x.text.contains("deep"));
    }
}
