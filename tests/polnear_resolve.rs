//! The resolver and the graph on every PolNeAR dev article with its gold
//! attributions: nothing panics, every mention span is a source span on
//! char boundaries, and every source with a word resolves. Read from
//! `../shared/eval`; skipped with a printed reason where it is absent.

use std::collections::BTreeMap;
use std::path::PathBuf;

use secondhand::document::Document;
use secondhand::grammar::{Attribution, AttributionKind};
use secondhand::graph;
use secondhand::input::{extract, InputFormat};
use secondhand::resolve;
use secondhand::Span;
use serde_json::Value;

/// A byte span from a `[start, end]` pair of code point offsets, given the
/// byte offset of every code point.
fn span(bytes: &[usize], pair: &Value) -> Option<Span> {
    let at = |v: &Value| bytes.get(v.as_u64()? as usize).copied();
    Some(Span::new(at(pair.get(0)?)?, at(pair.get(1)?)?))
}

#[test]
fn dev_split_resolves_without_panics_and_with_sound_spans() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear-dev.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: cannot read {}", path.display());
        return;
    };
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut sources = 0;
    for line in data.lines() {
        let Ok(record) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let text = record["text"].as_str().unwrap_or("");
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        let list: Vec<Attribution> = record["attributions"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .filter_map(|a| {
                let source = span(&bytes, &a["source"]);
                Some(Attribution {
                    kind: AttributionKind::Verb,
                    cue: span(&bytes, &a["cue"])?,
                    source,
                    content: a["content"]
                        .as_array()?
                        .iter()
                        .filter_map(|c| span(&bytes, c))
                        .collect(),
                    via: None,
                    hedged: source.is_none(),
                })
            })
            .collect();
        let doc = Document::new(extract(text, InputFormat::Text));
        let res = resolve::resolve(&doc, &list);
        assert_eq!(res.sources.len(), list.len());
        for (a, e) in list.iter().zip(&res.sources) {
            let worded = a
                .source
                .is_some_and(|s| doc.slice(s).chars().any(char::is_alphanumeric));
            assert_eq!(worded, e.is_some(), "{:?}", a.source.map(|s| doc.slice(s)));
            sources += usize::from(worded);
        }
        for e in &res.entities {
            *kinds.entry(format!("{:?}", e.kind)).or_default() += 1;
            for m in &e.mentions {
                assert!(doc.text.get(m.start()..m.end()).is_some());
            }
        }
        let _ = resolve::is_secondhand(&list, &res);
        let _ = graph::build(&list, &res).chains();
    }
    eprintln!("{sources} sources; entities by kind: {kinds:?}");
}

#[test]
fn whole_paragraphs_as_mentions_do_not_panic() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear-dev.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: cannot read {}", path.display());
        return;
    };
    for line in data.lines().take(30) {
        let Ok(record) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let text = record["text"].as_str().unwrap_or("");
        let doc = Document::new(extract(text, InputFormat::Text));
        // Every block and every fifth word as a source: odd, long and
        // overlapping mentions.
        let spans = doc
            .blocks
            .iter()
            .map(|b| b.span)
            .chain(doc.tokens.iter().step_by(5).map(|t| t.span));
        let list: Vec<Attribution> = spans
            .map(|s| Attribution {
                kind: AttributionKind::Verb,
                cue: s,
                source: Some(s),
                content: vec![s],
                via: None,
                hedged: false,
            })
            .collect();
        let res = resolve::resolve(&doc, &list);
        assert_eq!(res.sources.len(), list.len());
        let _ = resolve::is_secondhand(&list, &res);
        let _ = graph::build(&list, &res).chains();
    }
}
