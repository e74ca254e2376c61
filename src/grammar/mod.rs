//! The attribution grammar: finds cue, source and content of every
//! attribution in a [`Document`].

use serde::Serialize;

use crate::document::Document;
use crate::span::Span;

/// The construction an attribution was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributionKind {
    /// A verb of saying, reporting, believing: "X said (that) …", "…, X said."
    Verb,
    /// "according to X", "as per X", "per X", "citing X".
    AccordingTo,
    /// "X reported", "First reported by X", "as reported by X".
    ReportedBy,
    /// "Revealed in the Post report was that …", "as was noted in X".
    Passive,
    /// "reportedly", "allegedly": no source.
    Hedge,
    /// A noun cue: "X's claim that …".
    Noun,
    /// A direct quotation introduced by a colon or continuing the last speaker.
    Quote,
}

/// One attribution: the cue, its source and its content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attribution {
    pub kind: AttributionKind,
    pub cue: Span,
    /// `None` where the text names no source ("reportedly").
    pub source: Option<Span>,
    /// One or more pieces, in text order; a piece never crosses a paragraph.
    pub content: Vec<Span>,
    /// Index (into the returned list) of the attribution this one is
    /// reported inside.
    pub via: Option<usize>,
    /// Hedged with no source ("reportedly", "allegedly").
    pub hedged: bool,
}

/// Finds the attributions of the document, in order of their cue.
pub fn find(_doc: &Document) -> Vec<Attribution> {
    // Placeholder until the grammar lands.
    Vec::new()
}
