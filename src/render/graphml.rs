//! GraphML (<http://graphml.graphdrawing.org/>) for Gephi, yEd and
//! networkx: declared keys `label`, `kind`, `articles` for nodes and
//! `weight` (words), `attributions`, `edge_articles` for edges.
//!
//! Text is escaped for XML (`&`, `<`, `>`, quotes) and characters XML 1.0
//! forbids (most control characters) are dropped.

use std::fmt::Write;

use crate::graph::merge::Network;

/// The GraphML namespace.
pub const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";

/// The XML declaration, the `<graphml>` element and the key declarations.
pub fn header() -> String {
    let mut o = String::new();
    o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        o,
        "<graphml xmlns=\"{NAMESPACE}\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE} {NAMESPACE}/1.0/graphml.xsd\">"
    );
    let keys = [
        ("label", "node", "label", "string"),
        ("kind", "node", "kind", "string"),
        ("articles", "node", "articles", "int"),
        ("weight", "edge", "weight", "int"),
        ("attributions", "edge", "attributions", "int"),
        ("edge_articles", "edge", "articles", "int"),
    ];
    for (id, on, name, ty) in keys {
        let _ = writeln!(
            o,
            "  <key id=\"{id}\" for=\"{on}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    o
}

/// Closes the `<graphml>` element.
pub fn footer() -> &'static str {
    "</graphml>\n"
}

/// One `<graph>` element with id `id`; every node and edge id gets
/// `prefix` in front, so graphs in one document never share ids.
pub fn graph(id: &str, prefix: &str, network: &Network) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "  <graph id=\"{}\" edgedefault=\"directed\">",
        escape(id)
    );
    for n in &network.nodes {
        let _ = writeln!(
            o,
            "    <node id=\"{}\">",
            escape(&format!("{prefix}{}", n.id))
        );
        let _ = writeln!(o, "      <data key=\"label\">{}</data>", escape(&n.label));
        let _ = writeln!(o, "      <data key=\"kind\">{}</data>", escape(&n.kind));
        let _ = writeln!(o, "      <data key=\"articles\">{}</data>", n.articles);
        o.push_str("    </node>\n");
    }
    for e in &network.edges {
        let _ = writeln!(
            o,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            escape(&format!("{prefix}{}", e.id)),
            escape(&format!("{prefix}{}", e.source)),
            escape(&format!("{prefix}{}", e.target))
        );
        let _ = writeln!(o, "      <data key=\"weight\">{}</data>", e.words);
        let _ = writeln!(
            o,
            "      <data key=\"attributions\">{}</data>",
            e.attributions
        );
        let _ = writeln!(o, "      <data key=\"edge_articles\">{}</data>", e.articles);
        o.push_str("    </edge>\n");
    }
    o.push_str("  </graph>\n");
    o
}

/// A whole GraphML document holding one graph.
pub fn document(id: &str, network: &Network) -> String {
    format!("{}{}{}", header(), graph(id, "", network), footer())
}

/// Text escaped for XML content and attribute values; characters XML 1.0
/// does not allow are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if allowed_in_xml(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether XML 1.0 allows the character (its `Char` production).
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::merge::{NetEdge, NetNode};

    #[test]
    fn escape_handles_markup_quotes_and_control_characters() {
        assert_eq!(
            escape("A&B <i>\"x\" 'y'\u{1}\u{FFFF}"),
            "A&amp;B &lt;i&gt;&quot;x&quot; &apos;y&apos;"
        );
    }

    #[test]
    fn document_declares_namespace_keys_nodes_and_edges() {
        let net = Network {
            nodes: vec![NetNode {
                id: "n1".to_string(),
                label: "Fish & Chips <Weekly>".to_string(),
                kind: "outlet".to_string(),
                articles: 3,
            }],
            edges: vec![NetEdge {
                id: "x1".to_string(),
                source: "n1".to_string(),
                target: "n1".to_string(),
                words: 7,
                attributions: 2,
                articles: 1,
            }],
        };
        let xml = document("corpus", &net);
        assert!(xml.contains(&format!("<graphml xmlns=\"{NAMESPACE}\"")));
        assert!(xml
            .contains("<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>"));
        assert!(xml.contains("<data key=\"label\">Fish &amp; Chips &lt;Weekly&gt;</data>"));
        assert!(xml.contains("<edge id=\"x1\" source=\"n1\" target=\"n1\">"));
        assert!(xml.ends_with("</graphml>\n"));
    }

    #[test]
    fn prefixed_graphs_never_share_ids() {
        let net = Network {
            nodes: vec![NetNode {
                id: "root".to_string(),
                label: "P".to_string(),
                kind: "publisher".to_string(),
                articles: 1,
            }],
            edges: Vec::new(),
        };
        assert!(graph("g2", "g2.", &net).contains("<node id=\"g2.root\">"));
    }
}
