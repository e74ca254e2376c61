//! Quotations: quotation marks paired, across paragraphs.

use serde::Serialize;

use super::{Block, Token};
use crate::span::Span;

/// A quotation: from its opening mark to its closing mark.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quotation {
    /// From the opening mark to the closing mark, both included (to the end
    /// of the last paragraph when it is never closed).
    pub span: Span,
    /// One piece a paragraph, marks included.
    pub pieces: Vec<Span>,
    /// Whether a closing mark was found.
    pub closed: bool,
}

/// Pairs the quotation marks of the text.
pub fn pair(_text: &str, _blocks: &[Block], _tokens: &[Token]) -> Vec<Quotation> {
    // Placeholder until quotation pairing lands.
    Vec::new()
}
