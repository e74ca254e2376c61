//! Resolution and chains on the seed article, with the attributions taken
//! from its hand annotation (so this checks the resolver and the graph
//! alone, whatever the grammar finds). Read from `../shared`; skipped with
//! a printed reason where it is absent.

use std::path::PathBuf;

use secondhand::document::Document;
use secondhand::grammar::{Attribution, AttributionKind};
use secondhand::graph::{self, Node};
use secondhand::input::{extract, InputFormat};
use secondhand::resolve::{self, EntityKind, Resolution};
use secondhand::Span;
use serde_json::Value;

const GOLD: &str = "seeds/000_81b7c91e4df976a3.gold.jsonl";

fn gold() -> Option<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(GOLD);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(text.lines().next()?).ok(),
        Err(e) => {
            eprintln!("skipped: cannot read {}: {e}", path.display());
            None
        }
    }
}

/// A byte span from a gold `[start, end]` pair of code point offsets.
fn span(text: &str, pair: &Value) -> Option<Span> {
    let byte = |cp: u64| {
        text.char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .nth(cp as usize)
    };
    Some(Span::new(
        byte(pair.get(0)?.as_u64()?)?,
        byte(pair.get(1)?.as_u64()?)?,
    ))
}

/// The gold attributions as the grammar would give them (no `via`).
fn attributions(text: &str, gold: &Value) -> Vec<Attribution> {
    let list = gold["attributions"].as_array().cloned().unwrap_or_default();
    list.iter()
        .filter_map(|a| {
            let cue_text = a["cue_text"].as_str()?.to_lowercase();
            let source = span(text, &a["source"]);
            let kind = if source.is_none() {
                AttributionKind::Hedge
            } else if cue_text.contains("reported by") {
                AttributionKind::ReportedBy
            } else if cue_text.starts_with("according") || cue_text.starts_with("as per") {
                AttributionKind::AccordingTo
            } else if cue_text.ends_with(" in") {
                AttributionKind::Passive
            } else {
                AttributionKind::Verb
            };
            Some(Attribution {
                kind,
                cue: span(text, &a["cue"])?,
                source,
                content: a["content"]
                    .as_array()?
                    .iter()
                    .filter_map(|c| span(text, c))
                    .collect(),
                via: None,
                hedged: source.is_none(),
            })
        })
        .collect()
}

fn run() -> Option<(Document, Vec<Attribution>, Resolution, Value)> {
    let gold = gold()?;
    let text = gold["text"].as_str()?.to_string();
    let doc = Document::new(extract(&text, InputFormat::Text));
    let list = attributions(&text, &gold);
    let res = resolve::resolve(&doc, &list);
    Some((doc, list, res, gold))
}

#[test]
fn seed_sources_resolve_to_the_gold_entities() {
    let Some((_, list, res, gold)) = run() else {
        return;
    };
    let want = gold["attributions"].as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), want.len());
    let mut wrong = Vec::new();
    for (i, a) in want.iter().enumerate() {
        let Some(name) = a["source_entity"].as_str() else {
            continue;
        };
        let got = res.sources[i].map(|e| res.entities[e].name.as_str());
        if got != Some(name) {
            wrong.push(format!("{:?}: {got:?} != {name:?}", a["source_text"]));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn seed_entities_have_the_gold_kinds_roles_and_affiliations() {
    let Some((_, _, res, gold)) = run() else {
        return;
    };
    let kinds = [
        ("outlet", EntityKind::Outlet),
        ("person", EntityKind::Person),
        ("group", EntityKind::Group),
        ("anonymous", EntityKind::Anonymous),
    ];
    let Some(entities) = gold["entities"].as_object() else {
        return;
    };
    for (name, want) in entities {
        let e = res.entities.iter().find(|e| &e.name == name);
        let e = e.unwrap_or_else(|| panic!("no entity {name}"));
        let kind = kinds
            .iter()
            .find(|(k, _)| Some(*k) == want["kind"].as_str());
        assert_eq!(Some(e.kind), kind.map(|(_, k)| *k), "{name}");
        if let Some(role) = want.get("role").and_then(Value::as_str) {
            assert_eq!(e.role.as_deref(), Some(role), "{name}");
        }
        if let Some(affiliation) = want.get("affiliation").and_then(Value::as_str) {
            assert_eq!(e.affiliation.as_deref(), Some(affiliation), "{name}");
        }
    }
}

#[test]
fn seed_chains_include_the_gold_chains() {
    let Some((_, list, res, gold)) = run() else {
        return;
    };
    let root = gold["publisher"].as_str().unwrap_or("").to_string();
    let g = graph::build(&list, &res);
    let mut got: Vec<Vec<String>> = g
        .chains()
        .into_iter()
        .map(|path| {
            path.into_iter()
                .map(|n| match n {
                    Node::Root => root.clone(),
                    Node::Entity(e) => res.entities[e].name.clone(),
                })
                .collect()
        })
        .collect();
    got.sort();
    let want: Vec<Vec<String>> = serde_json::from_value(gold["chains"].clone()).unwrap_or_default();
    for chain in &want {
        assert!(got.contains(chain), "missing {chain:?} in {got:#?}");
    }
    // Beyond the gold: "They" (the Chinese officials, whom the Post report
    // names just before) speaks from the Post report too.
    let extra: Vec<&Vec<String>> = got.iter().filter(|c| !want.contains(c)).collect();
    assert!(extra.len() <= 1, "{extra:#?}");
}
