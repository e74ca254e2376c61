//! HTML parsing with a nesting cap, so pathological nesting stays linear.
//!
//! html5ever's tree builder follows the HTML standard, whose "has an element
//! in scope" checks walk the stack of open elements: with 100,000 nested
//! `<div>`s every start tag costs a walk of the whole stack, and parsing is
//! quadratic (minutes). Browsers cap the depth of the tree they build
//! (Chromium at 512); so do we. Tokens go from html5ever's tokenizer to its
//! tree builder through [`DepthCap`], which watches the depth at which the
//! tree builder last inserted a node. Past [`MAX_DEPTH`], start and end tags
//! are dropped (their text is kept, inside the deepest element) except those
//! of raw-text elements such as `<script>` and `<style>`, whose content must
//! still be recognised as not text. Pages below the cap parse exactly as
//! `scraper::Html::parse_document` parses them.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::TokenizerResult;
use scraper::{Html, HtmlTreeSink};

/// The deepest insertion point at which tags still build elements.
pub(crate) const MAX_DEPTH: u32 = 512;

/// Parses a whole HTML document, capping the depth of its tree.
pub(crate) fn parse_document(html: &str) -> Html {
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts::default(),
    );
    let cap = DepthCap {
        builder,
        depths: RefCell::new(HashMap::new()),
        last_node: Cell::new(None),
        too_deep: Cell::new(false),
    };
    let tokenizer = Tokenizer::new(cap, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // `Script` (after each `</script>`) and `EncodingIndicator` (after a
    // `<meta charset>`) pause the tokenizer; nothing runs scripts here and
    // the text is already decoded, so feeding simply resumes until `Done`.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let DepthCap { builder, .. } = tokenizer.sink;
    builder.sink.0.into_inner()
}

/// A token sink in front of the tree builder that drops tags past
/// [`MAX_DEPTH`] (see the module doc).
struct DepthCap {
    builder: TreeBuilder<NodeId, HtmlTreeSink>,
    /// Depth of nodes seen so far (the document is depth 0).
    depths: RefCell<HashMap<NodeId, u32>>,
    /// The newest node when last looked at.
    last_node: Cell<Option<NodeId>>,
    /// Whether the newest node lies deeper than [`MAX_DEPTH`].
    too_deep: Cell<bool>,
}

impl DepthCap {
    /// Looks at the newest node of the tree and records whether it lies too
    /// deep. The newest node is where the tree builder last inserted, and
    /// its parent's depth is almost always known, so this is O(1) a token.
    fn update_depth(&self) {
        let html = self.builder.sink.0.borrow();
        let Some(newest) = html.tree.nodes().next_back() else {
            return;
        };
        let id = newest.id();
        if self.last_node.get() == Some(id) {
            return;
        }
        self.last_node.set(Some(id));
        let mut depths = self.depths.borrow_mut();
        // Walk up to the nearest node of known depth, then fill in below it.
        let mut path = Vec::new();
        let mut base = 0;
        let mut node = Some(newest);
        while let Some(n) = node {
            if let Some(&d) = depths.get(&n.id()) {
                base = d;
                break;
            }
            path.push(n.id());
            node = n.parent();
        }
        let mut depth = base;
        for id in path.into_iter().rev() {
            depth += 1;
            depths.insert(id, depth);
        }
        self.too_deep.set(depth > MAX_DEPTH);
    }
}

/// Elements whose content the tokenizer reads as raw text once the tree
/// builder has seen their start tag.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
    )
}

impl TokenSink for DepthCap {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        if self.too_deep.get() {
            if let TagToken(tag) = &token {
                if !is_raw_text(&tag.name) {
                    return TokenSinkResult::Continue;
                }
            }
        }
        let result = self.builder.process_token(token, line_number);
        self.update_depth();
        result
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_parse_as_scraper_parses_them() {
        let page = "<!doctype html><title>T</title><p>a<b>b<i>c</b>d</i>\
                    <table><tr><td>x</table><svg><![CDATA[y]]></svg>\
                    <script>if (a < b) {}</script><textarea><p>t</textarea>";
        assert_eq!(
            parse_document(page).html(),
            Html::parse_document(page).html()
        );
    }

    #[test]
    fn meta_charset_does_not_end_the_parse() {
        let html = parse_document(
            "<html><head><meta charset=\"utf-8\"><title>T</title></head><body><p>Body text.</p></body></html>",
        );
        let text: String = html.root_element().text().collect();
        assert!(text.contains("Body text."), "{text}");
    }

    #[test]
    fn nesting_past_the_cap_keeps_text_and_drops_tags() {
        let depth = 2_000;
        let page = format!(
            "{}deep<script>var x = '<p>';</script>{}<p>after</p>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let html = parse_document(&page);
        let text: String = html.root_element().text().collect();
        assert!(text.contains("deep"));
        assert!(text.contains("after"));
        let scripts = scraper::Selector::parse("script").map(|s| html.select(&s).count());
        assert_eq!(scripts.ok(), Some(1));
    }

    #[test]
    fn stray_end_tags_between_deep_divs_do_not_reopen_the_cap() {
        // Each `</x>` closes nothing, so without the cap every `<div>` would
        // nest one deeper and parsing would be quadratic.
        let page = format!("{}<p>end</p>", "<div></x>".repeat(100_000));
        let html = parse_document(&page);
        let text: String = html.root_element().text().collect();
        assert_eq!(text, "end");
    }
}
