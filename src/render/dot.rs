//! Graphviz DOT: a source network as a `digraph`, nodes shaped by kind and
//! labelled with entity names, edges weighted by the words they carry.
//!
//! Every identifier is a quoted string, so any name is safe once quotes
//! and backslashes are escaped; control characters become spaces.

use std::fmt::Write;

use crate::graph::merge::Network;

/// The network as one `digraph` named `name`.
pub fn graph(name: &str, network: &Network) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "digraph {} {{", quote(name));
    let _ = writeln!(o, "  rankdir=LR;");
    let _ = writeln!(o, "  node [shape=box, fontname=\"Helvetica\"];");
    for n in &network.nodes {
        let _ = writeln!(
            o,
            "  {} [label={}, kind={}, articles={}, shape={}];",
            quote(&n.id),
            quote(&n.label),
            quote(&n.kind),
            n.articles,
            shape(&n.kind)
        );
    }
    for e in &network.edges {
        let _ = writeln!(
            o,
            "  {} -> {} [label={}, weight={}, words={}, attributions={}, articles={}, penwidth={:.1}];",
            quote(&e.source),
            quote(&e.target),
            quote(&edge_label(e.words, e.attributions)),
            e.words,
            e.words,
            e.attributions,
            e.articles,
            pen_width(e.words)
        );
    }
    o.push_str("}\n");
    o
}

/// An edge's label: "389 words, 11 attributions".
fn edge_label(words: usize, attributions: usize) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    format!(
        "{words} word{}, {attributions} attribution{}",
        plural(words),
        plural(attributions)
    )
}

/// A line width growing with the words an edge carries (1 to 8).
fn pen_width(words: usize) -> f64 {
    (1.0 + (words as f64 + 1.0).log2() / 2.0).min(8.0)
}

/// The node shape for a kind.
fn shape(kind: &str) -> &'static str {
    match kind {
        "publisher" => "doubleoctagon",
        "outlet" => "box",
        "document" => "note",
        "person" => "ellipse",
        "organisation" => "component",
        "group" => "hexagon",
        "anonymous" => "diamond",
        _ => "plaintext",
    }
}

/// A DOT quoted string: `"` and `\` escaped, control characters (line
/// breaks included) as spaces.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::merge::{NetEdge, NetNode};

    fn sample() -> Network {
        let node = |id: &str, label: &str, kind: &str| NetNode {
            id: id.to_string(),
            label: label.to_string(),
            kind: kind.to_string(),
            articles: 1,
        };
        Network {
            nodes: vec![
                node("root", "The \"Daily\" Planet", "publisher"),
                node("e1", "C:\\wire\nservice", "outlet"),
            ],
            edges: vec![NetEdge {
                id: "x1".to_string(),
                source: "root".to_string(),
                target: "e1".to_string(),
                words: 12,
                attributions: 1,
                articles: 1,
            }],
        }
    }

    #[test]
    fn quote_escapes_quotes_backslashes_and_line_breaks() {
        assert_eq!(quote("a \"b\" \\c\nd"), "\"a \\\"b\\\" \\\\c d\"");
    }

    #[test]
    fn graph_declares_nodes_and_weighted_edges() {
        let dot = graph("article \"1\"", &sample());
        assert!(dot.starts_with("digraph \"article \\\"1\\\"\" {\n"));
        assert!(dot.contains("\"root\" [label=\"The \\\"Daily\\\" Planet\", kind=\"publisher\""));
        assert!(dot.contains("\"e1\" [label=\"C:\\\\wire service\""));
        assert!(dot.contains("\"root\" -> \"e1\" [label=\"12 words, 1 attribution\", weight=12"));
        assert!(dot.ends_with("}\n"));
    }

    #[test]
    fn pen_width_stays_between_one_and_eight() {
        assert!((pen_width(0) - 1.0).abs() < 1e-9);
        assert!(pen_width(usize::MAX) <= 8.0);
    }
}
