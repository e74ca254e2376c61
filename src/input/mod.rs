//! Input: from raw bytes to analysable plain text.
//!
//! Each format is turned into an [`Extracted`] text: the plain text that the
//! rest of the pipeline analyses (and that the JSON report carries as
//! `text`), the links found in it with their spans, page metadata, and block
//! hints from the markup (an `<h1>` is a headline, a `<nav>` is chrome).
//!
//! - [`decode`] checks bytes: empty, binary and invalid UTF-8 input are errors
//!   naming the input and byte offset.
//! - [`html`] uses a real HTML parser (`scraper`, html5ever underneath).
//! - [`markdown`] uses a real CommonMark parser (`pulldown-cmark`).
//! - [`jsonl`] reads `{"id", "text"}` records one line at a time.

mod builder;
pub mod html;
mod html_parse;
pub mod jsonl;
pub mod markdown;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::span::Span;

/// The format of one input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputFormat {
    Text,
    Html,
    Markdown,
    Jsonl,
}

impl InputFormat {
    /// The format a file name suggests, if any (`.html`, `.md`, `.jsonl`…).
    pub fn from_path(path: &str) -> Option<InputFormat> {
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "txt" | "text" => Some(InputFormat::Text),
            "html" | "htm" | "xhtml" => Some(InputFormat::Html),
            "md" | "markdown" | "mdown" | "mkd" => Some(InputFormat::Markdown),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            _ => None,
        }
    }

    /// A guess from the content, for stdin and unknown extensions.
    pub fn sniff(text: &str) -> InputFormat {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        let lower: String = head
            .chars()
            .take(256)
            .collect::<String>()
            .to_ascii_lowercase();
        if lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || lower.starts_with("<head")
            || lower.starts_with("<body")
            || lower.starts_with("<article")
            || lower.starts_with("<meta")
            || lower.starts_with("<p>")
        {
            InputFormat::Html
        } else if head.starts_with('{')
            && head
                .lines()
                .next()
                .is_some_and(|l| l.trim_end().ends_with('}'))
        {
            InputFormat::Jsonl
        } else {
            InputFormat::Text
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Markdown => "markdown",
            InputFormat::Jsonl => "jsonl",
        }
    }
}

/// A hyperlink in the extracted text: the linked words and the target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub span: Span,
    pub href: String,
}

/// Page metadata that can name the publisher or the article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// `<title>`, or the first Markdown heading.
    pub title: Option<String>,
    /// `og:site_name` or `application-name`.
    pub site_name: Option<String>,
    /// `<link rel=canonical>` or `og:url`.
    pub canonical_url: Option<String>,
    /// `<meta name=author>` or `article:author`.
    pub author: Option<String>,
}

/// What the markup says a block of the extracted text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockHint {
    /// `<h1>`…`<h6>` or a Markdown heading, with its level.
    Heading(u8),
    Paragraph,
    ListItem,
    BlockQuote,
    /// Markup that says page furniture: `<nav>`, `<footer>`, `<aside>`,
    /// elements whose class or id says advertisement, share, related…
    Chrome,
    /// Markup that says byline or dateline: `<address>`, `rel=author`,
    /// classes such as `byline`, `author`, `dateline`, `<time>`.
    Byline,
}

/// The plain text of one input and what the markup said about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    pub text: String,
    pub links: Vec<Link>,
    pub meta: Meta,
    /// Spans of the text with what the markup said they are, in text order.
    /// Empty for plain text.
    pub hints: Vec<(Span, BlockHint)>,
    /// Where the text came from in the source: pairs of (offset in `text`,
    /// offset in the source bytes), increasing in both, each the start of a
    /// run copied from the source as is. Empty when the text *is* the source
    /// (plain text). Used to point findings at source lines and columns.
    pub source_map: Vec<(u32, u32)>,
    /// `<!-- secondhand: … -->` comments (HTML and Markdown): where the
    /// text stood when the comment came (the end of the text before it) and
    /// the comment's words after `secondhand:`, trimmed. In source order.
    pub directives: Vec<(u32, String)>,
}

/// Checks raw bytes and returns them as text.
///
/// Empty (or all white space) input, input with a NUL byte in its first
/// 8 KiB (a binary file) and invalid UTF-8 are errors naming `input` and the
/// byte offset. A leading byte-order mark is kept in the text (it is not a
/// word, so it changes nothing) so that offsets match the bytes given.
pub fn decode<'a>(bytes: &'a [u8], input: &str) -> Result<&'a str> {
    not_binary(bytes, input)?;
    let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        input: input.to_string(),
        offset: e.valid_up_to(),
    })?;
    not_empty(text, input)
}

/// Like [`decode`], but invalid UTF-8 is replaced with U+FFFD instead of
/// being an error (byte offsets then count the replacements' three bytes).
pub fn decode_lossy<'a>(bytes: &'a [u8], input: &str) -> Result<Cow<'a, str>> {
    not_binary(bytes, input)?;
    let text = String::from_utf8_lossy(bytes);
    not_empty(&text, input)?;
    Ok(text)
}

/// A NUL byte in the first 8 KiB says binary.
fn not_binary(bytes: &[u8], input: &str) -> Result<()> {
    match bytes.iter().take(8192).position(|&b| b == 0) {
        Some(offset) => Err(Error::Binary {
            input: input.to_string(),
            offset,
        }),
        None => Ok(()),
    }
}

fn not_empty<'a>(text: &'a str, input: &str) -> Result<&'a str> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Error::Empty {
            input: input.to_string(),
        });
    }
    Ok(text)
}

/// Extracts the plain text of `text` read as `format` (`Jsonl` records are
/// unpacked by [`jsonl`] first; given here, the text is analysed as is).
pub fn extract(text: &str, format: InputFormat) -> Extracted {
    match format {
        InputFormat::Html => html::extract(text),
        InputFormat::Markdown => markdown::extract(text),
        InputFormat::Text | InputFormat::Jsonl => Extracted {
            text: text.to_string(),
            ..Extracted::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_names_the_offset_of_invalid_utf8() {
        let err = decode(b"ok \xff more", "a.txt").unwrap_err();
        assert_eq!(
            err,
            Error::InvalidUtf8 {
                input: "a.txt".into(),
                offset: 3
            }
        );
        assert_eq!(err.to_string(), "a.txt: not valid UTF-8 at byte 3");
    }

    #[test]
    fn decode_lossy_replaces_invalid_utf8_but_still_refuses_binary_and_empty() {
        assert_eq!(
            decode_lossy(b"ok \xff more", "a.txt").unwrap(),
            "ok \u{fffd} more"
        );
        assert!(matches!(
            decode_lossy(b"ok", "a.txt"),
            Ok(Cow::Borrowed("ok"))
        ));
        assert!(matches!(
            decode_lossy(b"a\x00\xff", "x"),
            Err(Error::Binary { offset: 1, .. })
        ));
        assert!(matches!(
            decode_lossy(b" \n", "x"),
            Err(Error::Empty { .. })
        ));
    }

    #[test]
    fn decode_rejects_binary_and_empty() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00", "x"),
            Err(Error::Binary { offset: 4, .. })
        ));
        assert!(matches!(decode(b"  \n\t", "x"), Err(Error::Empty { .. })));
        assert!(matches!(
            decode(b"\xef\xbb\xbf\n", "x"),
            Err(Error::Empty { .. })
        ));
    }

    #[test]
    fn format_from_extension_and_content() {
        assert_eq!(InputFormat::from_path("a/b.HTML"), Some(InputFormat::Html));
        assert_eq!(
            InputFormat::from_path("notes.md"),
            Some(InputFormat::Markdown)
        );
        assert_eq!(InputFormat::from_path("README"), None);
        assert_eq!(InputFormat::sniff("<!DOCTYPE html><p>x"), InputFormat::Html);
        assert_eq!(InputFormat::sniff("{\"id\":1}\n"), InputFormat::Jsonl);
        assert_eq!(InputFormat::sniff("Plain words."), InputFormat::Text);
    }
}
