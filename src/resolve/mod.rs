//! Resolution: the publisher of the article, and each source mention to an
//! entity.

pub mod publisher;

use serde::Serialize;

use crate::document::Document;
use crate::grammar::Attribution;
use crate::span::Span;

/// What kind of thing a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Outlet,
    Person,
    Organisation,
    Group,
    Anonymous,
    Document,
    Unknown,
}

/// One source entity and where the text mentions it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub mentions: Vec<Span>,
}

/// The entities of the article, and for each attribution the entity its
/// source resolves to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolution {
    pub entities: Vec<Entity>,
    /// Parallel to the attributions: index into `entities`.
    pub sources: Vec<Option<usize>>,
}

/// Resolves every source mention to an entity.
///
/// For now a mention is its own entity unless the same words (ignoring case
/// and a leading article) were seen before.
pub fn resolve(doc: &Document, attributions: &[Attribution]) -> Resolution {
    let mut res = Resolution::default();
    for a in attributions {
        let Some(span) = a.source else {
            res.sources.push(None);
            continue;
        };
        let name = display_name(doc.slice(span));
        let key = name.to_lowercase();
        let idx = match res
            .entities
            .iter()
            .position(|e| e.name.to_lowercase() == key)
        {
            Some(i) => i,
            None => {
                res.entities.push(Entity {
                    name,
                    kind: EntityKind::Unknown,
                    role: None,
                    affiliation: None,
                    mentions: Vec::new(),
                });
                res.entities.len() - 1
            }
        };
        if let Some(e) = res.entities.get_mut(idx) {
            if !e.mentions.contains(&span) {
                e.mentions.push(span);
            }
        }
        res.sources.push(Some(idx));
    }
    res
}

fn display_name(mention: &str) -> String {
    let words: Vec<&str> = mention.split_whitespace().collect();
    let skip = usize::from(
        words.len() > 1
            && matches!(
                words.first().map(|w| w.to_lowercase()).as_deref(),
                Some("the" | "a" | "an")
            ),
    );
    words.get(skip..).unwrap_or(&[]).join(" ")
}
