//! What every report must satisfy whatever the input: the checks shared by
//! the property tests, the adversarial tests and the fuzz targets (which
//! include this file by path).
// Each user calls only some of these.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use secondhand::grammar::AttributionKind;
use secondhand::Report;

/// The first broken invariant of `report`, if any.
pub fn check(report: &Report) -> Result<(), String> {
    spans(report)?;
    attributions(report)?;
    shares(report)?;
    graph(report)?;
    chains(report)
}

/// Checks one span: inside the text, on char boundaries, and (when given)
/// that `text` is what it covers.
fn span(
    report: &Report,
    what: &str,
    start: u32,
    end: u32,
    text: Option<&str>,
) -> Result<(), String> {
    let (s, e) = (start as usize, end as usize);
    let Some(covered) = report.text.get(s..e) else {
        return Err(format!(
            "{what} {s}..{e} is not inside the text ({} bytes) on char boundaries",
            report.text.len()
        ));
    };
    match text {
        Some(t) if t != covered => Err(format!("{what} {s}..{e} says {t:?}, covers {covered:?}")),
        _ => Ok(()),
    }
}

/// Every span of the report lies inside the text on char boundaries, and
/// each `text` field is the text it covers.
fn spans(r: &Report) -> Result<(), String> {
    for a in &r.attributions {
        span(
            r,
            &format!("{} cue", a.id),
            a.cue.start,
            a.cue.end,
            Some(&a.cue.text),
        )?;
        if let Some(s) = &a.source {
            span(
                r,
                &format!("{} source", a.id),
                s.start,
                s.end,
                Some(&s.text),
            )?;
        }
        for c in &a.content {
            span(r, &format!("{} content", a.id), c.start, c.end, None)?;
        }
    }
    for e in &r.entities {
        for m in &e.mentions {
            span(
                r,
                &format!("{} mention", e.id),
                m.start,
                m.end,
                Some(&m.text),
            )?;
        }
    }
    for s in &r.sentences {
        span(r, "sentence", s.start, s.end, None)?;
    }
    for b in &r.blocks {
        span(r, "block", b.start, b.end, None)?;
    }
    for q in &r.quotations {
        span(r, "quotation", q.start, q.end, None)?;
        for p in &q.pieces {
            span(r, "quotation piece", p.start, p.end, None)?;
        }
    }
    Ok(())
}

/// Cue, source and content of one attribution do not overlap; ids it
/// refers to exist.
fn attributions(r: &Report) -> Result<(), String> {
    let entities: BTreeSet<&str> = r.entities.iter().map(|e| e.id.as_str()).collect();
    let ids: BTreeSet<&str> = r.attributions.iter().map(|a| a.id.as_str()).collect();
    let overlap = |a: (u32, u32), b: (u32, u32)| a.0 < b.1 && b.0 < a.1;
    for a in &r.attributions {
        let cue = (a.cue.start, a.cue.end);
        let source = a.source.as_ref().map(|s| (s.start, s.end));
        if let Some(s) = source {
            if overlap(cue, s) {
                return Err(format!("{}: cue {cue:?} overlaps source {s:?}", a.id));
            }
        }
        // A quoted paragraph's opening mark is its cue and the first byte
        // of its content; the content goes on past it.
        let quote_mark = a.kind == AttributionKind::Quote
            && a.content
                .first()
                .is_some_and(|c| c.start == a.cue.start && c.end > a.cue.end);
        for (k, c) in a.content.iter().enumerate() {
            let c = (c.start, c.end);
            // A hedge's content is the clause it sits in, the hedge too.
            let hedge = a.kind == AttributionKind::Hedge && c.0 <= cue.0 && cue.1 <= c.1;
            if overlap(cue, c) && !(quote_mark && k == 0) && !hedge {
                return Err(format!("{}: cue {cue:?} overlaps content {c:?}", a.id));
            }
            if let Some(s) = source.filter(|&s| overlap(s, c)) {
                return Err(format!("{}: source {s:?} overlaps content {c:?}", a.id));
            }
        }
        if let Some(e) = a.source.as_ref().and_then(|s| s.entity.as_deref()) {
            if !entities.contains(e) {
                return Err(format!("{}: source entity {e} does not exist", a.id));
            }
        }
        if let Some(v) = a.via.as_deref() {
            if !ids.contains(v) || v == a.id {
                return Err(format!("{}: via {v} is not another attribution", a.id));
            }
        }
    }
    Ok(())
}

/// Shares lie in [0, 1]; secondhand ≤ attributed ≤ body words.
fn shares(r: &Report) -> Result<(), String> {
    let m = &r.metrics;
    let mut all = vec![
        ("attributed", m.attributed_share),
        ("secondhand", m.secondhand_share),
    ];
    all.extend(m.by_entity.iter().map(|e| ("entity", e.share)));
    for (what, share) in all {
        if !(0.0..=1.0).contains(&share) {
            return Err(format!("{what} share {share} is outside [0, 1]"));
        }
    }
    if m.secondhand_share > m.attributed_share || m.secondhand_words > m.attributed_words {
        return Err(format!(
            "secondhand {} words ({}) over attributed {} words ({})",
            m.secondhand_words, m.secondhand_share, m.attributed_words, m.attributed_share
        ));
    }
    if m.attributed_words > m.body_words {
        return Err(format!(
            "attributed {} words over {} body words",
            m.attributed_words, m.body_words
        ));
    }
    Ok(())
}

/// The graph has the root first, one node per entity at most, and edges
/// between its own nodes.
fn graph(r: &Report) -> Result<(), String> {
    let g = &r.graph;
    if g.nodes.first().map(|n| n.id.as_str()) != Some("root") {
        return Err("the graph's first node is not the root".into());
    }
    if g.nodes.len() > r.entities.len() + 1 {
        return Err(format!(
            "{} graph nodes for {} entities",
            g.nodes.len(),
            r.entities.len()
        ));
    }
    let ids: BTreeSet<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
    if ids.len() != g.nodes.len() {
        return Err("two graph nodes share an id".into());
    }
    for e in &g.edges {
        if !ids.contains(e.from.as_str()) || !ids.contains(e.to.as_str()) {
            return Err(format!("edge {} -> {} leaves the graph", e.from, e.to));
        }
    }
    Ok(())
}

/// Every chain is a path of the graph from the root that visits no node
/// twice (cycles end a chain, they are never looped over). Chains name
/// nodes, and names may repeat, so each step may be any node of that name.
fn chains(r: &Report) -> Result<(), String> {
    let g = &r.graph;
    let mut by_name: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for n in &g.nodes {
        by_name
            .entry(n.name.as_str())
            .or_default()
            .push(n.id.as_str());
    }
    let edges: BTreeSet<(&str, &str)> = g
        .edges
        .iter()
        .map(|e| (e.from.as_str(), e.to.as_str()))
        .collect();
    let root_name = g.nodes.first().map(|n| n.name.as_str()).unwrap_or("");
    for chain in &r.chains {
        if chain.first().map(String::as_str) != Some(root_name) {
            return Err(format!(
                "chain {chain:?} does not start at the root {root_name:?}"
            ));
        }
        // Each state: the path so far, as node ids.
        let mut paths: Vec<Vec<&str>> = vec![vec!["root"]];
        for name in chain.iter().skip(1) {
            let candidates = by_name.get(name.as_str()).cloned().unwrap_or_default();
            let mut next = Vec::new();
            for p in &paths {
                let last = p.last().copied().unwrap_or("root");
                for &c in &candidates {
                    if edges.contains(&(last, c)) && !p.contains(&c) && next.len() < 64 {
                        let mut longer = p.clone();
                        longer.push(c);
                        next.push(longer);
                    }
                }
            }
            paths = next;
            if paths.is_empty() {
                return Err(format!("chain {chain:?} is not a simple path of the graph"));
            }
        }
    }
    Ok(())
}

/// The JSON report of `report` parses back to the same value, and a second
/// rendering gives the same bytes.
pub fn json_round_trips(report: &Report) -> Result<String, String> {
    let json = secondhand::render::json::report(report);
    let value: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| format!("the JSON report does not parse: {e}"))?;
    let direct = serde_json::to_value(report).map_err(|e| e.to_string())?;
    if value != direct {
        return Err("the JSON report parses to another value than the report".into());
    }
    let again = serde_json::to_string(&value).map_err(|e| e.to_string())?;
    let reparsed: serde_json::Value = serde_json::from_str(&again).map_err(|e| e.to_string())?;
    if reparsed != value {
        return Err("the JSON value does not survive a second round".into());
    }
    Ok(json)
}
