//! The article's publisher and origin: from the byline, wire credits, page
//! metadata or the user.

use serde::Serialize;

use crate::document::Document;

/// Who published the article, and what says so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Publisher {
    pub name: String,
    /// `byline`, `credit`, `metadata`, `url` or `user`.
    pub evidence: String,
}

/// Finds the publisher; `given` (from `--publisher` or a JSONL record) wins.
pub fn detect(_doc: &Document, given: Option<&str>) -> Option<Publisher> {
    given.map(|name| Publisher {
        name: name.to_string(),
        evidence: "user".to_string(),
    })
}

/// The wire service or outlet whose story this is, when the text credits
/// one ("WASHINGTON (AP) —", "This story originally appeared in …").
pub fn origin(_doc: &Document) -> Option<Publisher> {
    None
}
