//! Source graphs as plain networks for DOT, GraphML and JSON, and the
//! merge of many articles' graphs into one citation network keyed by
//! canonical entity name (publishers are nodes too).
//!
//! A merged node counts the articles it appears in; a merged edge sums the
//! attributions and words it carries and counts the articles it appears
//! in. Output is sorted: nodes by name, edges by source then target name.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::metrics::numbered;
use crate::report::Report;

/// A network ready to render.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Network {
    pub nodes: Vec<NetNode>,
    pub edges: Vec<NetEdge>,
}

/// A node: a publisher or a source entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NetNode {
    pub id: String,
    pub label: String,
    /// `publisher` for an article's root, else the entity kind.
    pub kind: String,
    /// Articles the node appears in.
    pub articles: usize,
}

/// An edge: `source` attributes content to `target`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NetEdge {
    pub id: String,
    pub source: String,
    pub target: String,
    /// Content words carried.
    pub words: usize,
    pub attributions: usize,
    /// Articles the edge appears in.
    pub articles: usize,
}

impl Network {
    /// One article's source graph, with the report's node ids (`root`,
    /// `e1`, …) and edge ids `x1`, `x2`, …
    pub fn of_report(report: &Report) -> Network {
        let nodes = report
            .graph
            .nodes
            .iter()
            .map(|n| NetNode {
                id: n.id.clone(),
                label: n.name.clone(),
                kind: n.kind.clone(),
                articles: 1,
            })
            .collect();
        let edges = report
            .graph
            .edges
            .iter()
            .enumerate()
            .map(|(i, e)| NetEdge {
                id: numbered('x', i),
                source: e.from.clone(),
                target: e.to.clone(),
                words: e.words,
                attributions: e.attributions,
                articles: 1,
            })
            .collect();
        Network { nodes, edges }
    }
}

/// The name a root without a known publisher gets in a merged network.
pub const UNKNOWN_PUBLISHER: &str = "(unknown publisher)";

/// Accumulates articles' graphs into one network.
#[derive(Clone, Debug, Default)]
pub struct Merger {
    /// name -> (kind -> articles, articles)
    nodes: BTreeMap<String, (BTreeMap<String, usize>, usize)>,
    /// (source, target) -> (words, attributions, articles)
    edges: BTreeMap<(String, String), (usize, usize, usize)>,
}

impl Merger {
    /// Adds one article's graph.
    pub fn add(&mut self, report: &Report) {
        let name_of: BTreeMap<&str, (String, &str)> = report
            .graph
            .nodes
            .iter()
            .map(|n| {
                (
                    n.id.as_str(),
                    (merge_name(report, &n.name, &n.id), n.kind.as_str()),
                )
            })
            .collect();
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for (name, kind) in name_of.values() {
            // A name met twice in one article counts once, with its first kind.
            seen.entry(name.as_str()).or_insert(kind);
        }
        for (name, kind) in seen {
            let node = self.nodes.entry(name.to_string()).or_default();
            *node.0.entry(kind.to_string()).or_default() += 1;
            node.1 += 1;
        }
        let mut this_article: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
        for e in &report.graph.edges {
            let (Some((from, _)), Some((to, _))) =
                (name_of.get(e.from.as_str()), name_of.get(e.to.as_str()))
            else {
                continue;
            };
            let sum = this_article.entry((from.clone(), to.clone())).or_default();
            sum.0 += e.words;
            sum.1 += e.attributions;
        }
        for (key, (words, attributions)) in this_article {
            let edge = self.edges.entry(key).or_default();
            edge.0 += words;
            edge.1 += attributions;
            edge.2 += 1;
        }
    }

    /// The merged network: nodes `n1`, `n2`, … by name, edges `x1`, `x2`,
    /// … by source then target name. A node's kind is the one most of its
    /// articles give it (the first by name on a tie).
    pub fn finish(self) -> Network {
        let ids: BTreeMap<&str, String> = self
            .nodes
            .keys()
            .enumerate()
            .map(|(i, name)| (name.as_str(), numbered('n', i)))
            .collect();
        let id = |name: &str| ids.get(name).cloned().unwrap_or_default();
        let nodes = self
            .nodes
            .iter()
            .map(|(name, (kinds, articles))| NetNode {
                id: id(name),
                label: name.clone(),
                kind: kinds
                    .iter()
                    .max_by_key(|(k, n)| (**n, std::cmp::Reverse(k.as_str())))
                    .map(|(k, _)| k.clone())
                    .unwrap_or_default(),
                articles: *articles,
            })
            .collect();
        let edges = self
            .edges
            .iter()
            .enumerate()
            .map(
                |(i, ((from, to), (words, attributions, articles)))| NetEdge {
                    id: numbered('x', i),
                    source: id(from),
                    target: id(to),
                    words: *words,
                    attributions: *attributions,
                    articles: *articles,
                },
            )
            .collect();
        Network { nodes, edges }
    }
}

/// The name a node is merged under: its name, or for a root with no known
/// publisher, [`UNKNOWN_PUBLISHER`].
fn merge_name(report: &Report, name: &str, id: &str) -> String {
    let root = id == crate::report::ROOT_ID;
    if root && (report.publisher.is_none() && report.origin.is_none() || name.trim().is_empty()) {
        UNKNOWN_PUBLISHER.to_string()
    } else {
        name.to_string()
    }
}

/// Merges every report's graph (see [`Merger`]).
pub fn merge<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Network {
    let mut m = Merger::default();
    for r in reports {
        m.add(r);
    }
    m.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Article, InputFormat, Options};

    fn report(id: &str, text: &str, publisher: Option<&str>) -> Option<Report> {
        analyze(
            &Article {
                id,
                text,
                format: InputFormat::Text,
                publisher,
                url: None,
            },
            &Options::default(),
        )
        .ok()
    }

    const FIRST: &str = "The harbour will close for repairs, according to Reuters. \
                         Work starts in May, Reuters reported.";
    const SECOND: &str = "Ferries will be cut, according to Reuters.";

    #[test]
    fn one_article_keeps_report_ids() {
        let Some(r) = report("a.txt", FIRST, Some("Daily Planet")) else {
            return;
        };
        let net = Network::of_report(&r);
        assert_eq!(net.nodes.first().map(|n| n.id.as_str()), Some("root"));
        assert!(net
            .nodes
            .iter()
            .any(|n| n.label == "Reuters" && n.kind == "outlet"));
        assert!(net.edges.iter().all(|e| e.articles == 1));
    }

    #[test]
    fn merged_outlet_cited_by_two_articles_is_one_node_with_two_articles() {
        let reports: Vec<Report> = [
            report("a.txt", FIRST, Some("Daily Planet")),
            report("b.txt", SECOND, Some("Evening Star")),
        ]
        .into_iter()
        .flatten()
        .collect();
        let net = merge(&reports);
        let reuters: Vec<&NetNode> = net.nodes.iter().filter(|n| n.label == "Reuters").collect();
        assert_eq!(reuters.len(), 1);
        assert_eq!(reuters.first().map(|n| n.articles), Some(2));
        let publishers = net.nodes.iter().filter(|n| n.kind == "publisher").count();
        assert_eq!(publishers, 2);
    }

    #[test]
    fn merged_edges_sum_words_and_attributions_per_name_pair() {
        let Some(r) = report("a.txt", FIRST, Some("Daily Planet")) else {
            return;
        };
        let net = merge([&r, &r]);
        let one = Network::of_report(&r);
        let total = |n: &Network| n.edges.iter().map(|e| e.words).sum::<usize>();
        assert_eq!(total(&net), 2 * total(&one));
        assert!(net.edges.iter().all(|e| e.articles == 2));
    }

    #[test]
    fn roots_without_a_publisher_merge_as_unknown() {
        let Some(r) = report("a.txt", SECOND, None) else {
            return;
        };
        let net = merge([&r]);
        let unknown = net.nodes.iter().any(|n| n.label == UNKNOWN_PUBLISHER);
        assert_eq!(unknown, r.publisher.is_none() && r.origin.is_none());
    }

    #[test]
    fn merged_output_is_sorted_by_name() {
        let reports: Vec<Report> = [
            report("b.txt", SECOND, Some("Evening Star")),
            report("a.txt", FIRST, Some("Daily Planet")),
        ]
        .into_iter()
        .flatten()
        .collect();
        let net = merge(&reports);
        let labels: Vec<&str> = net.nodes.iter().map(|n| n.label.as_str()).collect();
        let mut sorted = labels.clone();
        sorted.sort();
        assert_eq!(labels, sorted);
        assert_eq!(merge(reports.iter().rev()), net);
    }
}
