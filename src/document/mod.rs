//! The document model: the analysed text with byte spans for its blocks,
//! sentences, word tokens and quotations.
//!
//! Built once from an [`Extracted`] text by [`Document::new`]; every later
//! stage reads it and never changes it.
//!
//! - [`blocks`]: paragraphs and lines, classified as headline, byline,
//!   dateline, body or page chrome.
//! - [`sentences`]: sentence boundaries that survive abbreviations, initials,
//!   numbers and quotes.
//! - [`tokens`]: word, number and punctuation tokens.
//! - [`quotes`]: quotation marks paired into quotations, across paragraphs.

pub mod blocks;
pub mod quotes;
pub mod sentences;
pub mod tokens;

use serde::Serialize;

use crate::input::{Extracted, Link, Meta};
use crate::span::Span;

pub use blocks::{Block, BlockKind};
pub use quotes::Quotation;
pub use sentences::Sentence;
pub use tokens::{Token, TokenKind};

/// One analysed article.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Document {
    /// The analysed text; every span indexes into it.
    pub text: String,
    pub links: Vec<Link>,
    pub meta: Meta,
    /// Blocks in text order, covering every non-blank line once.
    pub blocks: Vec<Block>,
    /// Sentences in text order; each lies inside one block.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order (no white space tokens).
    pub tokens: Vec<Token>,
    /// Quotations in order of their opening mark.
    pub quotes: Vec<Quotation>,
    /// The text with its ASCII capitals lower-cased ([`str::to_ascii_lowercase`]):
    /// the same byte offsets, so a span of the text is the same span of it.
    /// Made once here for every later stage (see [`Document::lower_of`]).
    #[serde(skip)]
    pub lower: String,
}

impl Document {
    /// Segments an extracted text.
    pub fn new(extracted: Extracted) -> Document {
        let Extracted {
            text,
            links,
            meta,
            hints,
            ..
        } = extracted;
        let (tokens, odd, marks) = tokens::tokenize_marked(&text);
        let blocks =
            blocks::segment_tokenized(&text, &hints, meta.title.as_deref(), &tokens, Some(&odd));
        let ranges = tokens::block_ranges(&blocks, &tokens);
        let sentences = sentences::split_in(&text, &blocks, &tokens, &ranges, &marks);
        let quotes = quotes::pair_in(&text, &blocks, &tokens, &ranges, &marks);
        let lower = text.to_ascii_lowercase();
        Document {
            text,
            links,
            meta,
            blocks,
            sentences,
            tokens,
            quotes,
            lower,
        }
    }

    /// The ASCII lower case of the text of a span: the same bytes, with
    /// ASCII capitals lowered. `None` when [`Document::lower`] was not made
    /// (a document built by hand) or the span is not in the text. For a
    /// span whose text is ASCII it is also the text's [`str::to_lowercase`].
    pub fn lower_of(&self, span: Span) -> Option<&str> {
        if self.lower.len() != self.text.len() {
            return None;
        }
        self.lower.get(span.start()..span.end())
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    /// The body blocks.
    pub fn body(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind == BlockKind::Body)
    }

    /// The sentences that lie in body blocks.
    pub fn body_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(move |s| {
            self.blocks
                .get(s.block as usize)
                .is_some_and(|b| b.kind == BlockKind::Body)
        })
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        self.tokens
            .get(sentence.first_token as usize..sentence.end_token as usize)
            .unwrap_or(&[])
    }

    /// Number of word tokens (score.py's `\w+`) that overlap `span`.
    pub fn words_in(&self, span: Span) -> usize {
        let lo = self.tokens.partition_point(|t| t.span.end <= span.start);
        self.tokens
            .get(lo..)
            .unwrap_or(&[])
            .iter()
            .take_while(|t| t.span.start < span.end)
            .filter(|t| t.kind.is_word())
            .count()
    }
}
