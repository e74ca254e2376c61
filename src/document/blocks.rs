//! Blocks: paragraphs and lines, classified.

use serde::Serialize;

use crate::input::BlockHint;
use crate::span::Span;

/// What a block is to the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Headline,
    Byline,
    Dateline,
    Body,
    /// Page furniture: advertisements, widgets, navigation, "Related
    /// Articles", "Donate"…
    Chrome,
}

/// A paragraph or line of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}

/// Splits the text into blocks and classifies them.
pub fn segment(text: &str, _hints: &[(Span, BlockHint)]) -> Vec<Block> {
    // Placeholder until segmentation lands: blank-line paragraphs, all body.
    let mut blocks = Vec::new();
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(offset),
            (true, Some(s)) => {
                blocks.push(Block {
                    span: Span::new(s, offset).trim(text),
                    kind: BlockKind::Body,
                });
                start = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    if let Some(s) = start {
        blocks.push(Block {
            span: Span::new(s, text.len()).trim(text),
            kind: BlockKind::Body,
        });
    }
    blocks
}
