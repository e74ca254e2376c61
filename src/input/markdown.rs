//! Markdown to plain text with `pulldown-cmark`.

use super::Extracted;

/// Extracts the text, links and block hints of a Markdown document.
pub fn extract(markdown: &str) -> Extracted {
    // Placeholder until the Markdown extractor lands: the source as text.
    Extracted {
        text: markdown.to_string(),
        ..Extracted::default()
    }
}
