//! The source graph: the publisher (or origin) as root, an edge to each
//! source it attributes to, and source → source edges for sources reported
//! inside another.
//!
//! An attribution hangs from its parent source, the first of:
//!
//! 1. the source of the nearest attribution it is reported inside, up to
//!    [`resolve::LOOKBACK`] levels up, skipping sourceless hedges and its
//!    own entity (see
//!    [`resolve::inside`]: `via`, a source mention inside another's
//!    content, content shared with a publication, a pronoun whose
//!    antecedent is in a publication's content);
//! 2. for "first reported by X", the article's main secondhand outlet (the
//!    outlet carrying the most attributions), which credits X;
//! 3. the root.
//!
//! An entity that is ever reported inside another gets its edges only from
//! those parents; its root-level attributions are added to its strongest
//! parent's edge. Entities a cycle cuts off from the root get a root edge
//! that carries nothing. Edge weights count attributions; [`SourceGraph::words`]
//! holds the content words each edge carries.

use std::collections::BTreeMap;

use petgraph::graph::{DiGraph, NodeIndex};

use crate::grammar::Attribution;
use crate::resolve::{self, EntityKind, Resolution};

pub mod merge;

/// At most this many chains are listed.
pub const MAX_CHAINS: usize = 10_000;

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
    /// Content words each edge carries, by edge index.
    pub words: Vec<usize>,
}

/// What one edge carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Carried {
    attributions: usize,
    words: usize,
}

impl Carried {
    /// Adds what another attribution carries.
    fn add(&mut self, other: Carried) {
        self.attributions += other.attributions;
        self.words += other.words;
    }
}

/// Builds the graph from the attributions and their resolved sources.
pub fn build(attributions: &[Attribution], resolution: &Resolution) -> SourceGraph {
    let inside = resolve::reported_inside(attributions, resolution);
    build_in(attributions, resolution, &inside)
}

/// [`build`] with what each attribution is reported inside
/// ([`resolve::reported_inside`]) found already.
pub fn build_in(
    attributions: &[Attribution],
    resolution: &Resolution,
    inside: &[Option<usize>],
) -> SourceGraph {
    let entity_of = |i: usize| resolution.sources.get(i).copied().flatten();
    let parents = parents_in(attributions, resolution, inside);
    // (entity, parent (None = root), carried), in entity then parent order,
    // one for each pair.
    // At most one for each attribution: sized for that, not grown.
    let mut incoming: Vec<(usize, Option<usize>, Carried)> = Vec::with_capacity(parents.len());
    incoming.extend(parents.iter().enumerate().filter_map(|(i, parent)| {
        let carried = Carried {
            attributions: 1,
            words: resolution.words.get(i).copied().unwrap_or(0),
        };
        Some((entity_of(i)?, *parent, carried))
    }));
    // Unstable is enough: the pairs that tie are summed just below.
    incoming.sort_unstable_by_key(|&(e, parent, _)| (e, parent));
    incoming.dedup_by(|next, kept| {
        let same = (next.0, next.1) == (kept.0, kept.1);
        if same {
            kept.2.add(next.2);
        }
        same
    });
    let entities = incoming.chunk_by(|a, b| a.0 == b.0).count();
    // Every pair is an edge, and a cycle may add a root edge per entity.
    let edges = incoming.len() + entities;
    let mut g = SourceGraph {
        graph: DiGraph::with_capacity(entities + 1, edges),
        root: NodeIndex::new(0),
        words: Vec::with_capacity(edges),
    };
    g.root = g.graph.add_node(Node::Root);
    // The entities with a source, in order, each with its node.
    let mut nodes: Vec<(usize, NodeIndex)> = Vec::with_capacity(entities);
    for &(e, _, _) in &incoming {
        if nodes.last().is_none_or(|&(last, _)| last != e) {
            nodes.push((e, g.graph.add_node(Node::Entity(e))));
        }
    }
    let root = g.root;
    let node_of = |e: usize| {
        nodes
            .binary_search_by_key(&e, |&(e, _)| e)
            .ok()
            .and_then(|k| nodes.get(k))
            .map_or(root, |&(_, n)| n)
    };
    for from in incoming.chunk_by_mut(|a, b| a.0 == b.0) {
        let Some(&(e, _, _)) = from.first() else {
            continue;
        };
        let to = node_of(e);
        let parents = match from.split_first_mut() {
            Some((&mut (_, None, at_root), parents)) => {
                if !fold_root(parents, at_root) {
                    g.add(root, to, at_root);
                }
                parents
            }
            _ => from,
        };
        for &mut (_, parent, carried) in parents {
            g.add(parent.map_or(root, node_of), to, carried);
        }
    }
    g.attach_unreached();
    g
}

/// Folds an entity's root-level attributions into its strongest parent
/// (most attributions, then the earliest entity), given its parents in
/// order; false when it has none (the root keeps them).
fn fold_root(parents: &mut [(usize, Option<usize>, Carried)], at_root: Carried) -> bool {
    let strongest = parents
        .iter_mut()
        .max_by_key(|(_, p, c)| (c.attributions, std::cmp::Reverse(*p)));
    match strongest {
        Some((_, _, carried)) => {
            carried.add(at_root);
            true
        }
        None => false,
    }
}

/// For each attribution, the entity it hangs from (`None` = the root); see
/// the module doc for the rules.
pub fn parents(attributions: &[Attribution], resolution: &Resolution) -> Vec<Option<usize>> {
    let inside = resolve::reported_inside(attributions, resolution);
    parents_in(attributions, resolution, &inside)
}

/// [`parents`] with what each attribution is reported inside found already.
fn parents_in(
    attributions: &[Attribution],
    resolution: &Resolution,
    inside: &[Option<usize>],
) -> Vec<Option<usize>> {
    let entity_of = |i: usize| resolution.sources.get(i).copied().flatten();
    let main = main_outlet(resolution);
    // The walk up from attribution `i` ([`resolve::inside::chain`]) marks
    // the attributions it meets with `i`, so it stops at a repeat without
    // a set of its own.
    let mut seen_by = vec![usize::MAX; attributions.len()];
    (0..attributions.len())
        .map(|i| {
            let e = entity_of(i)?;
            if let Some(mark) = seen_by.get_mut(i) {
                *mark = i;
            }
            let mut at = inside.get(i).copied().flatten();
            let mut steps = 0;
            let mut found = None;
            while let Some(j) = at {
                if steps == resolve::LOOKBACK {
                    break;
                }
                match seen_by.get_mut(j) {
                    Some(mark) if *mark == i => break,
                    Some(mark) => *mark = i,
                    None => {}
                }
                steps += 1;
                found = entity_of(j).filter(|&p| p != e);
                if found.is_some() {
                    break;
                }
                at = inside.get(j).copied().flatten();
            }
            found.or_else(|| {
                let first = resolution.first_reports.get(i).copied().unwrap_or(false);
                main.filter(|&m| first && m != e)
            })
        })
        .collect()
}

/// The outlet carrying the most attributions (the earliest on a tie).
fn main_outlet(resolution: &Resolution) -> Option<usize> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for e in resolution.sources.iter().flatten() {
        if resolution
            .entities
            .get(*e)
            .is_some_and(|x| x.kind == EntityKind::Outlet)
        {
            *counts.entry(*e).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(e, n)| (n, std::cmp::Reverse(e)))
        .map(|(e, _)| e)
}

impl SourceGraph {
    /// Adds `carried` to the edge `from → to`, making it when new.
    fn add(&mut self, from: NodeIndex, to: NodeIndex, carried: Carried) {
        let edge = match self.graph.find_edge(from, to) {
            Some(edge) => edge,
            None => {
                let edge = self.graph.add_edge(from, to, 0);
                self.words.resize(edge.index() + 1, 0);
                edge
            }
        };
        if let Some(w) = self.graph.edge_weight_mut(edge) {
            *w += carried.attributions;
        }
        if let Some(w) = self.words.get_mut(edge.index()) {
            *w += carried.words;
        }
    }

    /// Gives every node the root cannot reach (a cycle of sources reported
    /// inside each other) an empty root edge, earliest entity first.
    fn attach_unreached(&mut self) {
        let mut reached = vec![false; self.graph.node_count()];
        let mut stack = Vec::new();
        self.mark_from(self.root, &mut reached, &mut stack);
        for i in 0..self.graph.node_count() {
            if !reached.get(i).copied().unwrap_or(true) {
                let n = NodeIndex::new(i);
                self.add(self.root, n, Carried::default());
                self.mark_from(n, &mut reached, &mut stack);
            }
        }
    }

    /// Marks every node reachable from `start` (`stack` is scratch space).
    fn mark_from(&self, start: NodeIndex, reached: &mut [bool], stack: &mut Vec<NodeIndex>) {
        stack.clear();
        stack.push(start);
        while let Some(n) = stack.pop() {
            match reached.get_mut(n.index()) {
                Some(r) if !*r => *r = true,
                _ => continue,
            }
            stack.extend(self.graph.neighbors(n));
        }
    }

    /// Every path from the root to a node with no further source, as node
    /// lists (at most [`MAX_CHAINS`]). A node appears at most once per path,
    /// so a cycle ends a path instead of looping. Iterative, so deep chains
    /// do not exhaust the stack.
    pub fn chains(&self) -> Vec<Vec<Node>> {
        let mut out = Vec::new();
        let mut on_path = vec![false; self.graph.node_count()];
        let mut path: Vec<NodeIndex> = vec![self.root];
        let mut pending: Vec<Vec<NodeIndex>> = vec![self.next(self.root, &on_path)];
        if let Some(r) = on_path.get_mut(self.root.index()) {
            *r = true;
        }
        let mut leaf = pending.last().is_some_and(Vec::is_empty);
        while let Some(top) = pending.last_mut() {
            if leaf && path.len() > 1 {
                out.push(
                    path.iter()
                        .filter_map(|&n| self.graph.node_weight(n).copied())
                        .collect(),
                );
                if out.len() >= MAX_CHAINS {
                    break;
                }
            }
            leaf = false;
            match top.pop() {
                Some(n) => {
                    if let Some(r) = on_path.get_mut(n.index()) {
                        *r = true;
                    }
                    path.push(n);
                    let next = self.next(n, &on_path);
                    leaf = next.is_empty();
                    pending.push(next);
                }
                None => {
                    pending.pop();
                    if let Some(n) = path.pop() {
                        if let Some(r) = on_path.get_mut(n.index()) {
                            *r = false;
                        }
                    }
                }
            }
        }
        out
    }

    /// The successors of `n` not on the path, in reverse node order (so
    /// popping visits them in node order).
    fn next(&self, n: NodeIndex, on_path: &[bool]) -> Vec<NodeIndex> {
        let mut next: Vec<NodeIndex> = self
            .graph
            .neighbors(n)
            .filter(|m| !on_path.get(m.index()).copied().unwrap_or(false))
            .collect();
        next.sort_by(|a, b| b.cmp(a));
        next.dedup();
        next
    }
}

#[cfg(test)]
mod tests;
