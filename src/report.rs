//! The report: everything the pipeline found about one article, in the
//! shape of DESIGN.md's JSON report (`schema_version` 1).

use serde::Serialize;

use crate::document::{BlockKind, Document};
use crate::grammar::{Attribution, AttributionKind};
use crate::graph::{Node, SourceGraph};
use crate::input::InputFormat;
use crate::metrics::{Metrics, Provenance};
use crate::resolve::publisher::Publisher;
use crate::resolve::{EntityKind, Resolution};
use crate::span::Span;

pub const SCHEMA_VERSION: u32 = 1;

/// The report on one article.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub id: String,
    pub input_format: InputFormat,
    pub text: String,
    pub publisher: Option<Publisher>,
    pub origin: Option<Publisher>,
    pub metrics: Metrics,
    pub entities: Vec<EntityOut>,
    pub attributions: Vec<AttributionOut>,
    pub chains: Vec<Vec<String>>,
    pub sentences: Vec<SentenceOut>,
    pub blocks: Vec<BlockOut>,
    pub quotations: Vec<QuotationOut>,
}

/// A span with the text it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpanText {
    pub start: u32,
    pub end: u32,
    pub text: String,
}

impl SpanText {
    pub fn new(doc: &Document, span: Span) -> SpanText {
        SpanText {
            start: span.start,
            end: span.end,
            text: doc.slice(span).to_string(),
        }
    }

    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct EntityOut {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub mentions: Vec<SpanText>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SourceOut {
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub entity: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AttributionOut {
    pub id: String,
    pub kind: AttributionKind,
    pub cue: SpanText,
    pub source: Option<SourceOut>,
    pub content: Vec<Span>,
    pub via: Option<String>,
    pub hedged: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct SentenceOut {
    pub start: u32,
    pub end: u32,
    pub provenance: Provenance,
    pub attribution: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct BlockOut {
    pub start: u32,
    pub end: u32,
    pub kind: BlockKind,
}

#[derive(Clone, Debug, Serialize)]
pub struct QuotationOut {
    pub start: u32,
    pub end: u32,
    pub pieces: Vec<Span>,
    pub closed: bool,
}

/// What the stages produced, to be assembled into a [`Report`].
pub struct Parts<'a> {
    pub id: String,
    pub format: InputFormat,
    pub doc: Document,
    pub publisher: Option<Publisher>,
    pub origin: Option<Publisher>,
    pub attributions: &'a [Attribution],
    pub secondhand: &'a [bool],
    pub resolution: &'a Resolution,
    pub graph: &'a SourceGraph,
    pub metrics: Metrics,
}

impl Report {
    pub fn assemble(parts: Parts<'_>) -> Report {
        let Parts {
            id,
            format,
            doc,
            publisher,
            origin,
            attributions,
            secondhand,
            resolution,
            graph,
            metrics,
        } = parts;
        let entity_id = |i: usize| format!("e{}", i + 1);
        let entities = resolution
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| EntityOut {
                id: entity_id(i),
                name: e.name.clone(),
                kind: e.kind,
                role: e.role.clone(),
                affiliation: e.affiliation.clone(),
                mentions: e.mentions.iter().map(|&m| SpanText::new(&doc, m)).collect(),
            })
            .collect();
        let attributions_out = attributions
            .iter()
            .enumerate()
            .map(|(i, a)| AttributionOut {
                id: format!("a{}", i + 1),
                kind: a.kind,
                cue: SpanText::new(&doc, a.cue),
                source: a.source.map(|s| SourceOut {
                    start: s.start,
                    end: s.end,
                    text: doc.slice(s).to_string(),
                    entity: resolution.sources.get(i).copied().flatten().map(entity_id),
                }),
                content: a.content.clone(),
                via: a.via.map(|v| format!("a{}", v + 1)),
                hedged: a.hedged,
            })
            .collect();
        let root_name = origin
            .as_ref()
            .or(publisher.as_ref())
            .map_or_else(|| "(publisher)".to_string(), |p| p.name.clone());
        let chains = graph
            .chains()
            .into_iter()
            .map(|path| {
                path.into_iter()
                    .map(|n| match n {
                        Node::Root => root_name.clone(),
                        Node::Entity(e) => resolution
                            .entities
                            .get(e)
                            .map_or_else(String::new, |e| e.name.clone()),
                    })
                    .collect()
            })
            .collect();
        let sentences = doc
            .body_sentences()
            .map(|s| {
                let owner = attributions.iter().enumerate().find(|(_, a)| {
                    a.content
                        .iter()
                        .any(|c| c.overlaps(s.span) && doc.words_in(c.cover(s.span)) > 0)
                });
                let provenance = match owner {
                    None => Provenance::Unattributed,
                    Some((i, _)) if secondhand.get(i).copied().unwrap_or(false) => {
                        Provenance::Secondhand
                    }
                    Some(_) => Provenance::Attributed,
                };
                SentenceOut {
                    start: s.span.start,
                    end: s.span.end,
                    provenance,
                    attribution: owner.map(|(i, _)| format!("a{}", i + 1)),
                }
            })
            .collect();
        let blocks = doc
            .blocks
            .iter()
            .map(|b| BlockOut {
                start: b.span.start,
                end: b.span.end,
                kind: b.kind,
            })
            .collect();
        let quotations = doc
            .quotes
            .iter()
            .map(|q| QuotationOut {
                start: q.span.start,
                end: q.span.end,
                pieces: q.pieces.clone(),
                closed: q.closed,
            })
            .collect();
        Report {
            schema_version: SCHEMA_VERSION,
            id,
            input_format: format,
            text: doc.text,
            publisher,
            origin,
            metrics,
            entities,
            attributions: attributions_out,
            chains,
            sentences,
            blocks,
            quotations,
        }
    }
}
