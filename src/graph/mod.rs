//! The source graph: the publisher (or origin) as root, an edge to each
//! source it attributes to, and source → source edges for attributions
//! reported inside another (`via`).

use petgraph::graph::{DiGraph, NodeIndex};

use crate::grammar::Attribution;
use crate::resolve::Resolution;

/// A node of the source graph: the root (the story's author) or an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Node {
    Root,
    Entity(usize),
}

/// The source graph with edges weighted by the number of attributions.
pub struct SourceGraph {
    pub graph: DiGraph<Node, usize>,
    pub root: NodeIndex,
}

/// Builds the graph from the attributions and their resolved sources.
pub fn build(attributions: &[Attribution], resolution: &Resolution) -> SourceGraph {
    let mut graph = DiGraph::new();
    let root = graph.add_node(Node::Root);
    let mut nodes: Vec<Option<NodeIndex>> = vec![None; resolution.entities.len()];
    let mut node_of = |graph: &mut DiGraph<Node, usize>, e: usize| -> Option<NodeIndex> {
        let slot = nodes.get_mut(e)?;
        Some(*slot.get_or_insert_with(|| graph.add_node(Node::Entity(e))))
    };
    for (i, a) in attributions.iter().enumerate() {
        let Some(entity) = resolution.sources.get(i).copied().flatten() else {
            continue;
        };
        let Some(to) = node_of(&mut graph, entity) else {
            continue;
        };
        let from = match a
            .via
            .and_then(|v| resolution.sources.get(v).copied().flatten())
        {
            Some(parent) if parent != entity => node_of(&mut graph, parent).unwrap_or(root),
            _ => root,
        };
        match graph.find_edge(from, to) {
            Some(e) => {
                if let Some(w) = graph.edge_weight_mut(e) {
                    *w += 1;
                }
            }
            None => {
                graph.add_edge(from, to, 1);
            }
        }
    }
    SourceGraph { graph, root }
}

impl SourceGraph {
    /// Every path from the root to a node with no further source, as node
    /// lists. Each node is visited at most once per path, so a cycle ends a
    /// path instead of looping.
    pub fn chains(&self) -> Vec<Vec<Node>> {
        let mut out = Vec::new();
        let mut path = vec![self.root];
        self.walk(&mut path, &mut out);
        out
    }

    fn walk(&self, path: &mut Vec<NodeIndex>, out: &mut Vec<Vec<Node>>) {
        let Some(&last) = path.last() else { return };
        let mut next: Vec<NodeIndex> = self
            .graph
            .neighbors(last)
            .filter(|n| !path.contains(n))
            .collect();
        next.sort();
        if next.is_empty() {
            if path.len() > 1 {
                out.push(
                    path.iter()
                        .filter_map(|&n| self.graph.node_weight(n).copied())
                        .collect(),
                );
            }
            return;
        }
        for n in next {
            path.push(n);
            self.walk(path, out);
            path.pop();
        }
    }
}
