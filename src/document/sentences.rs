//! Sentences.

use serde::Serialize;

use super::{Block, Token};
use crate::span::Span;

/// One sentence: its span and the range of its tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
    /// Index of the block it lies in.
    pub block: u32,
    /// Index of its first token.
    pub first_token: u32,
    /// One past the index of its last token.
    pub end_token: u32,
}

/// Splits each block into sentences.
pub fn split(_text: &str, blocks: &[Block], tokens: &[Token]) -> Vec<Sentence> {
    // Placeholder until sentence splitting lands: one sentence a block.
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let first = tokens.partition_point(|t| t.span.start < b.span.start);
            let end = tokens.partition_point(|t| t.span.start < b.span.end);
            Sentence {
                span: b.span,
                block: i as u32,
                first_token: first as u32,
                end_token: end as u32,
            }
        })
        .collect()
}
