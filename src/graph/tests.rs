use super::*;
use crate::grammar::AttributionKind::*;
use crate::resolve::fixture::{article_attributions, doc, Builder, ARTICLE};
use crate::resolve::{self, resolve};

/// The chains as entity names ("ROOT" for the root), sorted.
fn named_chains(g: &SourceGraph, res: &Resolution) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = g
        .chains()
        .into_iter()
        .map(|path| {
            path.into_iter()
                .map(|n| match n {
                    Node::Root => "ROOT".to_string(),
                    Node::Entity(e) => res.entities[e].name.clone(),
                })
                .collect()
        })
        .collect();
    out.sort();
    out
}

fn chain(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn article_chains_run_through_the_outlet_report() {
    let d = doc(ARTICLE);
    let list = article_attributions();
    let res = resolve(&d, &list);
    let g = build(&list, &res);
    let post = "The Washington Post";
    let mut want = vec![
        chain(&["ROOT", post, "Axios"]),
        chain(&["ROOT", post, "people familiar with the talks"]),
        chain(&["ROOT", post, "Rosa Quispe"]),
        chain(&["ROOT", post, "Theo Brandt"]),
        chain(&["ROOT", post, "Peruvian officials"]),
    ];
    want.sort();
    assert_eq!(named_chains(&g, &res), want);
}

#[test]
fn entity_reported_via_a_parent_has_no_root_edge() {
    let d = doc(ARTICLE);
    let list = article_attributions();
    let res = resolve(&d, &list);
    let g = build(&list, &res);
    let brandt = res.entities.iter().position(|e| e.name == "Theo Brandt");
    let node = g
        .graph
        .node_indices()
        .find(|&n| g.graph[n] == Node::Entity(brandt.unwrap_or(usize::MAX)));
    let node = node.expect("Brandt's node");
    let parents: Vec<Node> = g
        .graph
        .neighbors_directed(node, petgraph::Direction::Incoming)
        .map(|n| g.graph[n])
        .collect();
    assert_eq!(parents.len(), 1);
    assert_ne!(parents[0], Node::Root);
    // Both of Brandt's attributions ride on the Post's edge.
    let edge = g.graph.find_edge(
        g.graph
            .node_indices()
            .find(|&n| g.graph[n] == parents[0])
            .expect("parent"),
        node,
    );
    let edge = edge.expect("edge");
    assert_eq!(g.graph[edge], 2);
    assert!(g.words[edge.index()] > 5);
}

#[test]
fn first_reported_by_hangs_from_the_main_outlet() {
    let text = "The Axios report said A. The Axios report said B. First reported by Politico, C.";
    let mut b = Builder::new(text);
    b.add(
        "The Axios",
        Verb,
        "said",
        Some("The Axios report"),
        "A",
        None,
    );
    b.add("A. The", Verb, "said", Some("The Axios report"), "B", None);
    b.add(
        "First",
        ReportedBy,
        "First reported by",
        Some("Politico"),
        "C",
        None,
    );
    let res = resolve(&doc(text), &b.list);
    let g = build(&b.list, &res);
    assert_eq!(
        named_chains(&g, &res),
        [chain(&["ROOT", "Axios", "Politico"])]
    );
}

#[test]
fn cycles_end_chains_and_keep_every_entity_reachable() {
    let text = "Ann said Bo said Cy said it.";
    let mut b = Builder::new(text);
    let a = b.add("Ann", Verb, "said", Some("Ann"), "Bo said Cy said it", None);
    let c = b.add("Bo", Verb, "said", Some("Bo"), "Cy said it", Some(a));
    b.add("Cy", Verb, "said", Some("Cy"), "it", Some(c));
    b.list[0].via = Some(2);
    let res = resolve(&doc(text), &b.list);
    let g = build(&b.list, &res);
    let chains = named_chains(&g, &res);
    assert!(!chains.is_empty());
    for name in ["Ann", "Bo", "Cy"] {
        assert!(
            chains.iter().any(|c| c.iter().any(|n| n == name)),
            "{name}: {chains:?}"
        );
    }
    assert!(chains.iter().all(|c| c.len() <= 4));
}

#[test]
fn deep_chains_do_not_overflow_and_many_paths_are_capped() {
    // 3,000 sources, each reported inside the one before.
    let mut text = String::new();
    for i in 0..3000 {
        text.push_str(&format!("Xq{i} said "));
    }
    text.push_str("it.");
    let d = doc(&text);
    let mut list = Vec::new();
    let mut from = 0;
    for i in 0..3000usize {
        let name = format!("Xq{i}");
        let at = text[from..].find(&name).map_or(0, |k| k + from);
        let span = crate::span::Span::new(at, at + name.len());
        from = at + name.len();
        list.push(Attribution {
            kind: Verb,
            cue: span,
            source: Some(span),
            content: vec![crate::span::Span::new(from, text.len())],
            via: i.checked_sub(1),
            hedged: false,
        });
    }
    let res = resolve(&d, &list);
    let g = build(&list, &res);
    let chains = g.chains();
    assert_eq!(chains.len(), 1);
    assert_eq!(chains[0].len(), 3001);
    let mut hedged = list.clone();
    hedged[0].hedged = true;
    let secondhand = resolve::is_secondhand(&hedged, &res);
    assert!(
        secondhand.iter().all(|&s| s),
        "every level is inside the hedge"
    );
}

#[test]
fn empty_input_gives_no_chains() {
    let res = Resolution::default();
    let g = build(&[], &res);
    assert!(g.chains().is_empty());
}
