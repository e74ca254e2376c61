//! HTML to plain text with `scraper` (html5ever).
//!
//! The page is parsed by html5ever (entities decoded, broken markup repaired
//! as browsers do; tags nested deeper than 512 elements are dropped, as
//! browsers cap depth too, see [`super::html_parse`]) and its tree walked
//! once, without recursion, so any nesting depth is safe and the walk is
//! linear in the number of nodes.
//!
//! - **Text**: one block per block-level element (`p`, `h1`…`h6`, `li`,
//!   `blockquote`, `pre`, `td`, `dt`, `dd`, `figcaption`, `address`, a `div`'s
//!   own text…), blocks separated by `"\n\n"`. `<br>` is `"\n"` (a run of
//!   them one `"\n"`). White space (and no-break spaces) inside a block
//!   collapse to one space, except in `<pre>`, which is kept as written.
//!   Nothing from `<head>`, scripts, styles, `noscript`, `template`, `svg`,
//!   `math`, `canvas`, `iframe`, media, form controls or `hidden` elements
//!   appears. Images contribute nothing.
//! - **Hints**: each element that says something about its text gives a hint
//!   whose span is all the text it produced, trimmed: `h1`…`h6`
//!   ([`BlockHint::Heading`]), `p`, `li`, `blockquote`; [`BlockHint::Chrome`]
//!   for `nav`, `aside`, `footer`, landmark roles `navigation`,
//!   `complementary`, `contentinfo`, and class, id or role words such as
//!   `ad`, `related`, `share`, `newsletter`, `sidebar`, `weather` (see
//!   [`is_chrome_element`]); [`BlockHint::Byline`] for `address`, `time`,
//!   `rel=author`, `itemprop=author` and class or id words `byline`,
//!   `author`, `dateline`, `credit`. A class or id that names furniture is
//!   not believed when an `h1` or `main` opens inside the element (it names
//!   a layout: `page-with-sidebar`). Hints nest (a `Chrome` span covers the
//!   `Paragraph`s inside it; an inline `<time>` gives a `Byline` span inside
//!   its paragraph) and are sorted by start, outer spans first; where spans
//!   coincide (`<aside><p>…</p></aside>`, `<p class=byline>`), `Chrome`
//!   comes first, then `Byline`, then the structural hint.
//! - **Links**: every `<a href>` whose text reaches the output, with the span
//!   of that text and the `href` as written (trimmed).
//! - **Meta**: `<title>`; `og:site_name`, else JSON-LD `publisher.name`,
//!   else `application-name`; `<link rel=canonical>`, else `og:url`;
//!   `<meta name=author>`, else `article:author`.
//! - **Source map**: html5ever does not report the source position of the
//!   nodes it builds, so each word is looked for in the source, moving
//!   forward from the last word found, among the bytes that are text (not
//!   inside tags, comments, scripts or styles; see [`SourceText`]). A word
//!   found gets an entry; a word written otherwise in the source (with an
//!   entity, `AT&amp;T`) gets none, and positions in it fall back to the
//!   nearest earlier mapped point.
//! - **Directives**: `<!-- secondhand: … -->` comments anywhere in the page.

use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::Node;

use super::builder::TextBuilder;
use super::html_parse::parse_document;
use super::{BlockHint, Extracted, Meta};

/// The namespace of HTML elements (others are SVG or MathML).
const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// Extracts the article text, links, metadata and block hints of an HTML page.
pub fn extract(html: &str) -> Extracted {
    let page = parse_document(html);
    let mut walk = Walk {
        source: SourceText::new(html),
        ..Walk::default()
    };
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => walk.open(node),
            Edge::Close(node) => walk.close(node),
        }
    }
    walk.finish()
}

/// What an open element started, undone when it closes.
#[derive(Debug, Default)]
struct Frame {
    /// Where the element's text starts (see [`TextBuilder::mark`]).
    mark: usize,
    /// A block-level element: breaks the text before and after.
    block: bool,
    /// `p`, `h1`…`h6`, `li`, `blockquote`.
    hint: Option<BlockHint>,
    /// Page furniture by its name or landmark role (`nav`, `aside`…).
    chrome: bool,
    /// Page furniture by its class or id: the count of main-content
    /// markers (`h1`, `main`) opened before it; one opened inside it means
    /// the words were a layout name, not furniture.
    chrome_by_name: Option<usize>,
    /// A byline or dateline.
    byline: bool,
    /// A `<pre>`: white space kept.
    pre: bool,
    /// The `href` of an `<a>`.
    href: Option<String>,
}

/// The state of one walk over the tree.
#[derive(Default)]
struct Walk {
    out: TextBuilder,
    /// One frame per open element outside skipped subtrees.
    frames: Vec<Frame>,
    /// The root of the subtree being skipped, if any.
    skipping: Option<ego_tree::NodeId>,
    /// How many `h1` and `main` elements have been opened.
    main_markers: usize,
    pre_depth: usize,
    meta: MetaFinder,
    /// The page's text bytes, to find each word's source position in.
    source: SourceText,
}

impl Walk {
    /// Handles the start of a node.
    fn open(&mut self, node: NodeRef<'_, Node>) {
        match node.value() {
            Node::Element(el) => {
                if is_html(el) {
                    self.meta.visit(el, node);
                }
                if self.skipping.is_none() {
                    if is_skipped(el) {
                        self.skipping = Some(node.id());
                    } else {
                        self.open_element(el);
                    }
                }
            }
            Node::Text(text) if self.skipping.is_none() => {
                if self.pre_depth > 0 {
                    match self.source.locate(text) {
                        Some(at) => self.out.push_copied(text, at),
                        None => {
                            self.out.push_verbatim(text);
                        }
                    }
                } else {
                    let source = &mut self.source;
                    self.out
                        .push_collapsed(text, is_html_space, |word| source.locate(word));
                }
            }
            Node::Comment(comment) => self.out.comment(comment),
            _ => {}
        }
    }

    /// Opens an element whose text is kept.
    fn open_element(&mut self, el: &Element) {
        let name = el.name();
        if name == "br" {
            self.out.line_break();
        }
        let block = is_block(name);
        if block {
            self.out.block_break();
        }
        let chrome = chrome_kind(el);
        let pre = name == "pre" || name == "listing" || name == "plaintext";
        self.pre_depth += usize::from(pre);
        self.main_markers += usize::from(matches!(name, "h1" | "main"));
        let href = (name == "a")
            .then(|| el.attr("href"))
            .flatten()
            .map(|h| h.trim().to_string());
        self.frames.push(Frame {
            mark: self.out.mark(),
            block,
            hint: structural_hint(name),
            chrome: chrome == Some(ChromeBy::Element),
            chrome_by_name: (chrome == Some(ChromeBy::Name)).then_some(self.main_markers),
            byline: is_byline_element(el),
            pre,
            href,
        });
    }

    /// Handles the end of a node.
    fn close(&mut self, node: NodeRef<'_, Node>) {
        if let Some(root) = self.skipping {
            if root == node.id() {
                self.skipping = None;
            }
            return;
        }
        if !node.value().is_element() {
            return;
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let chrome = frame.chrome || frame.chrome_by_name == Some(self.main_markers);
        let hints = [
            frame.hint,
            chrome.then_some(BlockHint::Chrome),
            frame.byline.then_some(BlockHint::Byline),
        ];
        self.out
            .close(frame.mark, frame.href, hints.into_iter().flatten());
        self.pre_depth -= usize::from(frame.pre);
        if frame.block {
            self.out.block_break();
        }
    }

    /// The extracted text, links, hints and metadata.
    fn finish(self) -> Extracted {
        self.out.finish(self.meta.finish(), true)
    }
}

/// How far past the last word found the next one is looked for: text
/// dropped between two kept runs (a long menu) is rarely longer, and the
/// bound keeps a page of words that are not in the source linear.
const SEARCH_WINDOW: usize = 256 * 1024;

/// The source of a page with everything that is not text (tags, comments,
/// doctype, the content of scripts and styles) blanked out with NUL bytes,
/// so a word is only ever found where the page writes it as text, and a
/// cursor: words are found in order.
#[derive(Debug, Default)]
struct SourceText {
    masked: String,
    cursor: usize,
}

impl SourceText {
    fn new(html: &str) -> SourceText {
        let mut bytes = html.as_bytes().to_vec();
        for range in markup_ranges(html.as_bytes()) {
            for b in bytes.get_mut(range).unwrap_or(&mut []) {
                *b = 0;
            }
        }
        // Ranges start at `<` and end after `>` or at the end: the rest
        // stays valid UTF-8.
        SourceText {
            masked: String::from_utf8(bytes).unwrap_or_default(),
            cursor: 0,
        }
    }

    /// Where `word` is next written as text in the source, moving the cursor
    /// past it; `None` (cursor unmoved) when it is not written as is nearby.
    fn locate(&mut self, word: &str) -> Option<usize> {
        if word.is_empty() || word.contains('\0') {
            return None;
        }
        let mut end = self
            .cursor
            .saturating_add(SEARCH_WINDOW)
            .min(self.masked.len());
        while !self.masked.is_char_boundary(end) {
            end -= 1;
        }
        let found = self.masked.get(self.cursor..end)?.find(word)?;
        let at = self.cursor + found;
        self.cursor = at + word.len();
        Some(at)
    }
}

/// Elements whose content the tokenizer reads as raw text.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// The byte ranges of a page that are markup, not text: tags (with quoted
/// attribute values), comments, doctypes and processing instructions, the
/// content of raw-text elements, and character references. One pass, linear in the page.
fn markup_ranges(html: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    let find = |from: usize, needle: &[u8]| -> Option<usize> {
        html.get(from..)?
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle))
            .map(|p| from + p)
    };
    while let Some(p) = html
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<' || b == b'&'))
    {
        let start = i + p;
        let next = html.get(start + 1).copied().unwrap_or(0);
        let end = if html.get(start) == Some(&b'&') {
            // A character reference, `&amp;` `&#8217;`: its text differs
            // from what it stands for.
            let len = html
                .get(start + 1..)
                .unwrap_or(&[])
                .iter()
                .take(32)
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
                .count();
            if len == 0 {
                i = start + 1;
                continue;
            }
            start + 1 + len + usize::from(html.get(start + 1 + len) == Some(&b';'))
        } else if html.get(start..start + 4) == Some(b"<!--") {
            find(start + 4, b"-->").map_or(html.len(), |e| e + 3)
        } else if next == b'!' || next == b'?' {
            find(start, b">").map_or(html.len(), |e| e + 1)
        } else if next.is_ascii_alphabetic() || next == b'/' {
            let end = tag_end(html, start);
            let name_start = start + 1 + usize::from(next == b'/');
            let name_len = html
                .get(name_start..)
                .unwrap_or(&[])
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            let name = html.get(name_start..name_start + name_len).unwrap_or(&[]);
            let raw = next != b'/'
                && RAW_TEXT
                    .iter()
                    .any(|r| r.as_bytes().eq_ignore_ascii_case(name));
            if raw {
                let mut closing = b"</".to_vec();
                closing.extend_from_slice(name);
                find(end, &closing).unwrap_or(html.len())
            } else {
                end
            }
        } else {
            i = start + 1;
            continue;
        };
        out.push(start..end);
        i = end.max(start + 1);
    }
    out
}

/// The end (after `>`) of the tag that starts at `start`, skipping quoted
/// attribute values; the end of the page if it never closes.
fn tag_end(html: &[u8], start: usize) -> usize {
    let mut quote = None;
    for (k, &b) in html.iter().enumerate().skip(start + 1) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => {
                // Only a quote after `=` opens a value.
                let after_eq = html
                    .get(..k)
                    .and_then(|h| h.iter().rev().find(|c| !c.is_ascii_whitespace()))
                    == Some(&b'=');
                if after_eq {
                    quote = Some(b);
                }
            }
            None if b == b'>' => return k + 1,
            None => {}
        }
    }
    html.len()
}

/// Whether the element is in the HTML namespace (not SVG or MathML).
fn is_html(el: &Element) -> bool {
    &*el.name.ns == HTML_NS
}

/// HTML's white space (ASCII, as the spec defines it) and the no-break
/// space, which reads as a space.
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{a0}')
}

/// Elements whose content is never page text: the head, scripts, styles,
/// embedded objects and media, form controls, foreign content, and elements
/// marked `hidden`.
fn is_skipped(el: &Element) -> bool {
    if !is_html(el) {
        // SVG and MathML roots are matched by name below; anything else
        // foreign is reached only inside them.
        return true;
    }
    matches!(
        el.name(),
        "head"
            | "title"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "button"
            | "select"
            | "option"
            | "optgroup"
            | "datalist"
            | "textarea"
            | "input"
            | "meta"
            | "link"
    ) || el.attr("hidden").is_some()
}

/// Block-level elements: each starts and ends a block of text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "plaintext"
            | "pre"
            | "search"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// The hint an element's name gives its text, if any.
fn structural_hint(name: &str) -> Option<BlockHint> {
    match name {
        "h1" => Some(BlockHint::Heading(1)),
        "h2" => Some(BlockHint::Heading(2)),
        "h3" => Some(BlockHint::Heading(3)),
        "h4" => Some(BlockHint::Heading(4)),
        "h5" => Some(BlockHint::Heading(5)),
        "h6" => Some(BlockHint::Heading(6)),
        "p" => Some(BlockHint::Paragraph),
        "li" => Some(BlockHint::ListItem),
        "blockquote" => Some(BlockHint::BlockQuote),
        _ => None,
    }
}

/// Words in a class, id or role that mark page furniture.
const CHROME_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "advert",
    "adverts",
    "advertisement",
    "advertisements",
    "advertising",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "footer",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "popup",
    "promo",
    "promos",
    "promoted",
    "promotion",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsored",
    "subscribe",
    "subscription",
    "widget",
    "widgets",
    "weather",
];

/// Words in a class or id that mark a byline or dateline.
const BYLINE_WORDS: &[&str] = &[
    "author", "authors", "byline", "bylines", "credit", "credits", "dateline",
];

/// What makes an element page furniture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ChromeBy {
    /// `nav`, `aside`, `footer`, or a landmark role other than the main
    /// content.
    Element,
    /// A class, id or role with a [`CHROME_WORDS`] word.
    Name,
}

/// Whether, and by what, the element is page furniture.
fn chrome_kind(el: &Element) -> Option<ChromeBy> {
    let name = el.name();
    if matches!(name, "nav" | "aside" | "footer") {
        return Some(ChromeBy::Element);
    }
    if matches!(name, "html" | "body" | "main") {
        // Page-wide classes ("has-sidebar") describe the layout, not the text.
        return None;
    }
    let landmark = el.attr("role").is_some_and(|role| {
        role.split_ascii_whitespace().any(|r| {
            ["navigation", "complementary", "contentinfo"]
                .iter()
                .any(|l| r.eq_ignore_ascii_case(l))
        })
    });
    if landmark {
        Some(ChromeBy::Element)
    } else if has_word(el, &["class", "id", "role"], CHROME_WORDS) {
        Some(ChromeBy::Name)
    } else {
        None
    }
}

/// Whether the element marks a byline or dateline: `address`, `time`,
/// `rel=author`, `itemprop=author`, or a class or id with a [`BYLINE_WORDS`]
/// word.
fn is_byline_element(el: &Element) -> bool {
    if matches!(el.name(), "address" | "time") {
        return true;
    }
    let says_author = |attr: &str| {
        el.attr(attr).is_some_and(|v| {
            v.split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case("author"))
        })
    };
    says_author("rel") || says_author("itemprop") || has_word(el, &["class", "id"], BYLINE_WORDS)
}

/// Whether one of the attributes holds a token with a part in `words`.
///
/// Tokens are split on white space, then into parts at `-`, `_`, other
/// punctuation and lower-to-upper case changes (`ad-slot`, `related_links`,
/// `shareBar`), so `ad` matches `ad-slot` but not `header` or `shadow`.
/// Tokens with a state part (`has-`, `no-`, `with-`, `without-`, `is-`,
/// `show-`, `hide-`: `has-sidebar`, `content-with-ads`) describe a layout,
/// not their content, and are ignored.
fn has_word(el: &Element, attrs: &[&str], words: &[&str]) -> bool {
    attrs.iter().filter_map(|a| el.attr(a)).any(|value| {
        value.split_ascii_whitespace().any(|token| {
            let parts = token_parts(token);
            let state = parts.iter().any(|p| {
                matches!(
                    p.as_str(),
                    "has" | "no" | "with" | "without" | "is" | "show" | "hide"
                )
            });
            !state && parts.iter().any(|p| words.contains(&p.as_str()))
        })
    })
}

/// The lower-cased parts of a class or id token (see [`has_word`]).
fn token_parts(token: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut part = String::new();
    let mut last_lower = false;
    for c in token.chars() {
        if !c.is_alphanumeric() {
            parts.push(std::mem::take(&mut part));
            last_lower = false;
            continue;
        }
        if c.is_uppercase() && last_lower {
            parts.push(std::mem::take(&mut part));
        }
        last_lower = c.is_lowercase() || c.is_ascii_digit();
        part.extend(c.to_lowercase());
    }
    parts.push(part);
    parts.retain(|p| !p.is_empty());
    parts
}

/// Page metadata as found, first occurrence of each kind winning.
#[derive(Debug, Default)]
struct MetaFinder {
    title: Option<String>,
    og_site_name: Option<String>,
    application_name: Option<String>,
    ld_publisher: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    author: Option<String>,
    article_author: Option<String>,
}

impl MetaFinder {
    /// Reads what an HTML element says about the page, if anything.
    fn visit(&mut self, el: &Element, node: NodeRef<'_, Node>) {
        match el.name() {
            "title" if self.title.is_none() => {
                self.title = non_empty(&collapse(&child_text(node)));
            }
            "meta" => self.visit_meta(el),
            "link" if self.canonical.is_none() => {
                let canonical = el.attr("rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if canonical {
                    self.canonical = el.attr("href").and_then(non_empty);
                }
            }
            "script" if self.ld_publisher.is_none() => {
                let json_ld = el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if json_ld {
                    self.ld_publisher = json_ld_publisher(&child_text(node));
                }
            }
            _ => {}
        }
    }

    /// Reads a `<meta name|property=… content=…>`.
    fn visit_meta(&mut self, el: &Element) {
        let Some(content) = el.attr("content").and_then(non_empty) else {
            return;
        };
        let keys = [el.attr("property"), el.attr("name")];
        for key in keys.into_iter().flatten() {
            let slot = match key.trim().to_ascii_lowercase().as_str() {
                "og:site_name" => &mut self.og_site_name,
                "application-name" => &mut self.application_name,
                "og:url" => &mut self.og_url,
                "author" => &mut self.author,
                "article:author" => &mut self.article_author,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(content.clone());
            }
        }
    }

    /// The metadata, each field from its best source.
    fn finish(self) -> Meta {
        Meta {
            title: self.title,
            site_name: self
                .og_site_name
                .or(self.ld_publisher)
                .or(self.application_name),
            canonical_url: self.canonical.or(self.og_url),
            author: self.author.or(self.article_author),
        }
    }
}

/// The text of a node's direct text children (`<title>` and `<script>` hold
/// nothing else).
fn child_text(node: NodeRef<'_, Node>) -> String {
    node.children()
        .filter_map(|child| child.value().as_text().map(|t| t.to_string()))
        .collect()
}

/// `s` with white space runs collapsed to one space and its ends trimmed.
fn collapse(s: &str) -> String {
    s.split(is_html_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `s` trimmed, or `None` when nothing is left.
fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The `publisher.name` of a JSON-LD block: in the top-level object, any
/// object of a top-level array, or any object of its `@graph`. Invalid JSON
/// gives `None`.
fn json_ld_publisher(json: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(json.trim()).ok()?;
    let items: Vec<&serde_json::Value> = match &value {
        serde_json::Value::Array(items) => items.iter().collect(),
        other => {
            let graph = other.get("@graph").and_then(|g| g.as_array());
            std::iter::once(other)
                .chain(graph.into_iter().flatten())
                .collect()
        }
    };
    items.into_iter().find_map(|item| {
        let publisher = item.get("publisher")?;
        let publisher = match publisher {
            serde_json::Value::Array(list) => list.first()?,
            one => one,
        };
        publisher.get("name")?.as_str().and_then(non_empty)
    })
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
        let x = extract(
            "<html><body><h1>Town  hall\n closes</h1><p>The council met.</p>\
             <div>Loose words<p>Inner one</p>after</div><h3>Later</h3></body></html>",
        );
        assert_eq!(
            x.text,
            "Town hall closes\n\nThe council met.\n\nLoose words\n\nInner one\n\nafter\n\nLater"
        );
        assert_eq!(hinted(&x, BlockHint::Heading(1)), ["Town hall closes"]);
        assert_eq!(hinted(&x, BlockHint::Heading(3)), ["Later"]);
        assert_eq!(
            hinted(&x, BlockHint::Paragraph),
            ["The council met.", "Inner one"]
        );
        let starts: Vec<u32> = x.hints.iter().map(|(s, _)| s.start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn lists_quotes_and_table_cells_are_blocks() {
        let x = extract(
            "<ul><li>first</li><li>second <b>bold</b></li></ul>\
             <blockquote><p>quoted one</p><p>quoted two</p></blockquote>\
             <table><tr><td>cell a</td><td>cell b</td></tr></table>",
        );
        assert_eq!(
            x.text,
            "first\n\nsecond bold\n\nquoted one\n\nquoted two\n\ncell a\n\ncell b"
        );
        assert_eq!(hinted(&x, BlockHint::ListItem), ["first", "second bold"]);
        assert_eq!(
            hinted(&x, BlockHint::BlockQuote),
            ["quoted one\n\nquoted two"]
        );
    }

    #[test]
    fn scripts_styles_head_and_controls_never_reach_the_text() {
        let x = extract(
            "<html><head><title>T</title><style>p{color:red}</style>\
             <script>var hidden = 1;</script></head><body>\
             <p>Seen<script>alert('no')</script> here</p>\
             <noscript>enable js</noscript><template><p>tpl</p></template>\
             <svg><text>vector</text><title>svg title</title></svg>\
             <button>Click</button><select><option>One</option></select>\
             <textarea>typed</textarea><iframe>frame</iframe>\
             <p hidden>secret</p><p>End</p></body></html>",
        );
        assert_eq!(x.text, "Seen here\n\nEnd");
        assert_eq!(x.meta.title.as_deref(), Some("T"));
    }

    #[test]
    fn chrome_regions_and_classes_are_hinted() {
        let x = extract(
            "<nav><a href='/'>Home</a></nav>\
             <div class='ad-slot'>Buy now</div>\
             <section id='related_articles'><h2>More</h2><p>Other story</p></section>\
             <div class='shareBar'>Share this</div>\
             <header class='site-header'>Masthead</header>\
             <div class='shadow'>Shaded body</div>\
             <div class='has-sidebar'>Layout body</div>\
             <aside><p>Side</p></aside><p>Body</p><footer>Foot</footer>",
        );
        assert_eq!(
            hinted(&x, BlockHint::Chrome),
            [
                "Home",
                "Buy now",
                "More\n\nOther story",
                "Share this",
                "Side",
                "Foot"
            ]
        );
    }

    #[test]
    fn furniture_and_byline_hints_come_first_on_a_shared_span() {
        let x = extract(
            "<aside><p>Side</p></aside><p class='byline'>By Jo</p><h2 class='promo'>Deal</h2>",
        );
        let kinds: Vec<BlockHint> = x.hints.iter().map(|(_, h)| *h).collect();
        assert_eq!(
            kinds,
            [
                BlockHint::Chrome,
                BlockHint::Paragraph,
                BlockHint::Byline,
                BlockHint::Paragraph,
                BlockHint::Chrome,
                BlockHint::Heading(2)
            ]
        );
    }

    #[test]
    fn layout_names_around_the_headline_are_not_chrome() {
        let x = extract(
            "<div class='page-sidebar-layout'><h1>Headline</h1><p>Body</p>\
             <div class='sidebar'><p>Side</p><div class='widget'>W</div></div></div>\
             <div class='content-with-ads'><p>More body</p></div>",
        );
        assert_eq!(hinted(&x, BlockHint::Chrome), ["Side\n\nW", "W"]);
    }

    #[test]
    fn class_words_match_whole_parts_only() {
        assert_eq!(token_parts("related_articles"), ["related", "articles"]);
        assert_eq!(token_parts("ad-slot"), ["ad", "slot"]);
        assert_eq!(token_parts("shareBar"), ["share", "bar"]);
        assert_eq!(token_parts("header"), ["header"]);
        assert_eq!(token_parts("--x__"), ["x"]);
    }

    #[test]
    fn bylines_are_hinted() {
        let x = extract(
            "<p class='byline'>By <a rel='author' href='/jo'>Jo Roe</a></p>\
             <p>Filed <time datetime='2024-01-01'>Monday</time> at noon.</p>\
             <address>Desk staff</address><div id='story-credit'>Photo: Staff</div>",
        );
        assert_eq!(
            hinted(&x, BlockHint::Byline),
            [
                "By Jo Roe",
                "Jo Roe",
                "Monday",
                "Desk staff",
                "Photo: Staff"
            ]
        );
    }

    #[test]
    fn link_spans_cover_the_link_text_and_keep_the_href() {
        let x = extract(
            "<p>As <a href=' https://example.com/a '>the  <i>Gazette</i></a> said, \
             <a href='/b'>more</a>.</p><p><a href='/empty'></a><a>no href</a></p>",
        );
        let links: Vec<(&str, &str)> = x
            .links
            .iter()
            .map(|l| (l.span.text(&x.text), l.href.as_str()))
            .collect();
        assert_eq!(
            links,
            [("the Gazette", "https://example.com/a"), ("more", "/b")]
        );
    }

    #[test]
    fn entities_are_decoded() {
        let x = extract("<p>Fish &amp; chips, isn&rsquo;t it &lt;b&gt;&nbsp;ok</p>");
        assert_eq!(x.text, "Fish & chips, isn\u{2019}t it <b> ok");
    }

    #[test]
    fn br_is_a_line_break() {
        let x = extract("<p>one<br>two <br/><br> three<br></p><p><br>next</p>");
        assert_eq!(x.text, "one\ntwo\nthree\n\nnext");
    }

    #[test]
    fn pre_keeps_its_white_space() {
        let x = extract("<pre>a  b\n  c\n</pre><p>d   e</p>");
        assert_eq!(x.text, "a  b\n  c\n\nd e");
    }

    #[test]
    fn meta_fields_are_read() {
        let x = extract(
            "<html><head><title>\n  A  headline | Site </title>\
             <meta property='og:site_name' content=' The Gazette '>\
             <meta name='application-name' content='Gazette App'>\
             <link rel='alternate canonical' href='https://g.example/a'>\
             <meta property='og:url' content='https://g.example/og'>\
             <meta name='author' content='Jo Roe'>\
             </head><body><p>x</p></body></html>",
        );
        assert_eq!(
            x.meta,
            Meta {
                title: Some("A headline | Site".into()),
                site_name: Some("The Gazette".into()),
                canonical_url: Some("https://g.example/a".into()),
                author: Some("Jo Roe".into()),
            }
        );
    }

    #[test]
    fn meta_falls_back_to_json_ld_og_url_and_article_author() {
        let x = extract(
            "<head><meta name='application-name' content='App'>\
             <script type='application/ld+json'>{oops</script>\
             <script type='application/ld+json'>{\"@graph\": [{\"@type\": \"WebSite\"}, \
             {\"@type\": \"NewsArticle\", \"publisher\": {\"name\": \"Daily Example\"}}]}</script>\
             <meta property='og:url' content='https://d.example/x'>\
             <meta property='article:author' content='A. Writer'></head><p>x</p>",
        );
        assert_eq!(x.meta.site_name.as_deref(), Some("Daily Example"));
        assert_eq!(x.meta.canonical_url.as_deref(), Some("https://d.example/x"));
        assert_eq!(x.meta.author.as_deref(), Some("A. Writer"));
        let app = extract("<meta name='application-name' content='App'><p>x</p>");
        assert_eq!(app.meta.site_name.as_deref(), Some("App"));
    }

    #[test]
    fn deeply_nested_divs_do_not_overflow_the_stack() {
        let depth = 100_000;
        let html = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let x = extract(&html);
        assert_eq!(x.text, "deep");
    }

    #[test]
    fn deeply_nested_bold_does_not_overflow_the_stack() {
        let depth = 100_000;
        let html = format!("<p>{}deep{}</p>", "<b>".repeat(depth), "</b>".repeat(depth));
        let x = extract(&html);
        assert_eq!(x.text, "deep");
    }

    #[test]
    fn long_white_space_under_many_open_elements_stays_linear() {
        // Every closing element trims its span; a scan over the white space
        // at each close would make this quadratic.
        let depth = 400;
        let html = format!(
            "<pre>{}{}x{}</pre>",
            "<span>".repeat(depth),
            " ".repeat(1_000_000),
            "</span>".repeat(depth)
        );
        let x = extract(&html);
        assert_eq!(x.text.trim_start(), "x");
    }

    #[test]
    fn spans_fall_on_char_boundaries_with_non_ascii_text() {
        let page = "<h2>\u{201c}Caf\u{e9}\u{201d} \u{1f600}</h2><p>\u{2018}<a href='/q'>\u{1f4f0} n\u{e9}ws</a>\u{2019}</p>\
             <nav>\u{2014}men\u{fc}</nav>";
        let x = extract(page);
        for (span, _) in &x.hints {
            assert!(x.text.is_char_boundary(span.start()) && x.text.is_char_boundary(span.end()));
            assert!(!span.text(&x.text).is_empty());
        }
        assert_eq!(x.links[0].span.text(&x.text), "\u{1f4f0} n\u{e9}ws");
        assert_source_map_points_at_the_same_text(&x, page);
    }

    #[test]
    fn words_map_to_where_the_page_writes_them_as_text() {
        let page = "<html><head><title>said</title><script>var said = 1;</script></head>\
                    <body><nav data-x='said'>Menu</nav><!-- said -->\
                    <p class=\"x > said\">The <b>mayor</b> said &amp; so it was said.</p>\
                    <pre>  kept\n  as is</pre></body></html>";
        let x = extract(page);
        assert_eq!(
            x.text,
            "Menu\n\nThe mayor said & so it was said.\n\n  kept\n  as is"
        );
        assert_source_map_points_at_the_same_text(&x, page);
        let said = x.text.find("said").unwrap_or(0);
        let (_, from) = x
            .source_map
            .iter()
            .rev()
            .find(|&&(t, _)| t as usize <= said)
            .copied()
            .unwrap_or_default();
        assert_eq!(
            page.get(from as usize..from as usize + 9),
            Some("said &amp")
        );
        assert!(x.source_map.iter().all(|&(t, _)| x
            .text
            .get(t as usize..)
            .is_some_and(|r| !r.starts_with('&'))));
    }

    #[test]
    fn secondhand_comments_are_directives() {
        let x = extract("<p>One.</p><!-- secondhand: ignore SH003 --><p>Two.</p><!-- other -->");
        assert_eq!(x.directives, vec![(4, "ignore SH003".to_string())]);
    }
}
