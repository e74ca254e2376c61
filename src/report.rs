//! The report: everything the pipeline found about one article, in the
//! shape of DESIGN.md's JSON report (`schema_version` 1).

use serde::Serialize;

use crate::document::tokens::partition_from;
use crate::document::{BlockKind, Document};
use crate::grammar::{Attribution, AttributionKind};
use crate::graph::{Node, SourceGraph};
use crate::input::InputFormat;
use crate::metrics::{entity_id, numbered, Coverage, Metrics, Provenance, SentenceCounts};
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
    /// The source graph: the root (the story's author) and the entities,
    /// with the attributions and words each edge carries.
    pub graph: GraphOut,
}

/// The article's source graph as data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct GraphOut {
    /// The root first (id `root`), then the entities in entity order.
    pub nodes: Vec<GraphNodeOut>,
    /// Sorted by source, then target, in node order.
    pub edges: Vec<GraphEdgeOut>,
}

/// A node of the source graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GraphNodeOut {
    /// `root`, or the entity's id (`e1`).
    pub id: String,
    pub name: String,
    /// `publisher` for the root, else the entity's kind.
    pub kind: String,
}

/// An edge of the source graph: `from` attributes to `to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GraphEdgeOut {
    pub from: String,
    pub to: String,
    pub attributions: usize,
    /// Content words of those attributions.
    pub words: usize,
}

/// The id of the graph's root node.
pub const ROOT_ID: &str = "root";

/// The kind the graph gives the root node.
pub const ROOT_KIND: &str = "publisher";

/// The kebab-case name of an entity kind, as the JSON report writes it.
pub fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Outlet => "outlet",
        EntityKind::Person => "person",
        EntityKind::Organisation => "organisation",
        EntityKind::Group => "group",
        EntityKind::Anonymous => "anonymous",
        EntityKind::Document => "document",
        EntityKind::Unknown => "unknown",
    }
}

impl GraphOut {
    /// The graph's nodes and edges with report ids and names.
    pub fn new(graph: &SourceGraph, resolution: &Resolution, root_name: &str) -> GraphOut {
        let node = |n: Node| -> Option<(usize, GraphNodeOut)> {
            match n {
                Node::Root => Some((
                    0,
                    GraphNodeOut {
                        id: ROOT_ID.to_string(),
                        name: root_name.to_string(),
                        kind: ROOT_KIND.to_string(),
                    },
                )),
                Node::Entity(e) => resolution.entities.get(e).map(|x| {
                    (
                        e + 1,
                        GraphNodeOut {
                            id: entity_id(e),
                            name: x.name.clone(),
                            kind: kind_name(x.kind).to_string(),
                        },
                    )
                }),
            }
        };
        // An edge needs only its ends' ids, not their names.
        let node_id = |n: Node| match n {
            Node::Root => Some(ROOT_ID.to_string()),
            Node::Entity(e) => resolution.entities.get(e).map(|_| entity_id(e)),
        };
        let mut nodes: Vec<(usize, GraphNodeOut)> = graph
            .graph
            .node_weights()
            .filter_map(|&n| node(n))
            .collect();
        nodes.sort_by_key(|(order, _)| *order);
        let order_of = |n: Node| match n {
            Node::Root => 0,
            Node::Entity(e) => e + 1,
        };
        let mut edges: Vec<((usize, usize), GraphEdgeOut)> = graph
            .graph
            .edge_indices()
            .filter_map(|ix| {
                let (a, b) = graph.graph.edge_endpoints(ix)?;
                let (a, b) = (*graph.graph.node_weight(a)?, *graph.graph.node_weight(b)?);
                let (from, to) = (node_id(a)?, node_id(b)?);
                Some((
                    (order_of(a), order_of(b)),
                    GraphEdgeOut {
                        from,
                        to,
                        attributions: graph.graph.edge_weight(ix).copied().unwrap_or(0),
                        words: graph.words.get(ix.index()).copied().unwrap_or(0),
                    },
                ))
            })
            .collect();
        edges.sort_by_key(|(order, _)| *order);
        GraphOut {
            nodes: nodes.into_iter().map(|(_, n)| n).collect(),
            edges: edges.into_iter().map(|(_, e)| e).collect(),
        }
    }
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
    /// What [`crate::metrics::compute_in`] read to make `metrics`.
    pub coverage: &'a Coverage,
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
            mut metrics,
            coverage,
        } = parts;
        metrics.add_sources(coverage, attributions, resolution);
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
                id: numbered('a', i),
                kind: a.kind,
                cue: SpanText::new(&doc, a.cue),
                source: a.source.map(|s| SourceOut {
                    start: s.start,
                    end: s.end,
                    text: doc.slice(s).to_string(),
                    entity: resolution.sources.get(i).copied().flatten().map(entity_id),
                }),
                content: a.content.clone(),
                via: a.via.map(|v| numbered('a', v)),
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
        let owners = sentence_owners(&doc, coverage);
        // Sized for every sentence (most are body ones), not grown by doubling.
        let mut sentences: Vec<SentenceOut> = Vec::with_capacity(doc.sentences.len());
        sentences.extend(
            doc.sentences
                .iter()
                .zip(owners)
                .filter(|(s, _)| {
                    doc.blocks
                        .get(s.block as usize)
                        .is_some_and(|b| b.kind == BlockKind::Body)
                })
                .map(|(s, owner)| {
                    let owner = Some(owner).filter(|&i| i != usize::MAX);
                    let provenance = match owner {
                        None => Provenance::Unattributed,
                        Some(i) if secondhand.get(i).copied().unwrap_or(false) => {
                            Provenance::Secondhand
                        }
                        Some(_) => Provenance::Attributed,
                    };
                    SentenceOut {
                        start: s.span.start,
                        end: s.span.end,
                        provenance,
                        attribution: owner.map(|i| numbered('a', i)),
                    }
                }),
        );
        metrics.sentences = SentenceCounts::count(sentences.iter().map(|s| s.provenance));
        let graph_out = GraphOut::new(graph, resolution, &root_name);
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
            graph: graph_out,
        }
    }
}

/// For each sentence, the index of the first attribution whose content
/// holds a word of it (`usize::MAX` for none). A sentence's tokens are the
/// tokens its span overlaps (it starts and ends with one). Each content
/// piece (in text order) looks up the sentences its tokens overlap
/// (sentences are in text order, so their token ranges are too) and counts
/// its words in each with [`crate::metrics::WordCounts`], so no token is
/// visited.
fn sentence_owners(doc: &Document, coverage: &Coverage) -> Vec<usize> {
    let (words, sentences) = (&coverage.words, &doc.sentences);
    let mut owners = vec![usize::MAX; sentences.len()];
    let mut first = 0;
    for (i, range) in &coverage.content {
        first = partition_from(sentences, first, |s| s.end_token as usize <= range.start);
        let pairs = sentences
            .get(first..)
            .unwrap_or_default()
            .iter()
            .zip(owners.get_mut(first..).unwrap_or_default());
        for (s, owner) in pairs.take_while(|(s, _)| (s.first_token as usize) < range.end) {
            let (lo, hi) = (s.first_token as usize, s.end_token as usize);
            if *i < *owner
                && hi <= doc.tokens.len()
                && words.in_range(lo.max(range.start)..hi.min(range.end)) > 0
            {
                *owner = *i;
            }
        }
    }
    owners
}
