//! The JSON report: it parses, carries the DESIGN.md fields, and every span
//! in it falls on character boundaries of its `text`.

use std::path::Path;

mod common;

use common::{corpus_files, report_of};
use secondhand::InputFormat;
use serde_json::Value;

/// Inputs with non-ASCII text in awkward places, written for this test.
const AWKWARD: &[(&str, InputFormat)] = &[
    ("“Évora’s mayor,” said Zoë Ångström, “won’t sign.” 🙂\n\nShe added: “Ça va.”", InputFormat::Text),
    ("\u{feff}Ministers said — reportedly — that the ‘plan’ was “dead”…\r\nNext line.", InputFormat::Text),
    ("<html><head><title>Tést</title></head><body><h1>Héadline</h1><p>“Ja,” sagte Jürgen, <a href=\"https://example.org\">according to Zeitung</a>.</p></body></html>", InputFormat::Html),
    ("---\ntitle: Ünïcode\n---\n# Tïtle\n\nOfficials said **“nö”** to [the Post](https://nypost.com/x).\n", InputFormat::Markdown),
    ("\u{5e9}\u{5dc}\u{5d5}\u{5dd} said the minister, \u{5e2}\u{5d5}\u{5d3}. e\u{301}e\u{301} said X.", InputFormat::Text),
];

fn check_span(text: &str, v: &Value, what: &str) {
    let start = v["start"].as_u64().unwrap_or(u64::MAX) as usize;
    let end = v["end"].as_u64().unwrap_or(u64::MAX) as usize;
    assert!(
        start <= end && end <= text.len(),
        "{what}: {start}..{end} outside the text"
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: {start}..{end} not on char boundaries"
    );
    if let Some(t) = v.get("text").and_then(Value::as_str) {
        assert_eq!(&text[start..end], t, "{what}: text does not match its span");
    }
}

fn check_report(id: &str, json: &str) {
    let v: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{id}: not JSON: {e}"));
    assert_eq!(v["schema_version"], 1, "{id}");
    let text = v["text"]
        .as_str()
        .unwrap_or_else(|| panic!("{id}: no text"));
    for key in [
        "publisher",
        "origin",
        "metrics",
        "entities",
        "attributions",
        "chains",
        "sentences",
    ] {
        assert!(v.get(key).is_some(), "{id}: no {key}");
    }
    for key in [
        "body_words",
        "attributed_words",
        "secondhand_words",
        "attributed_share",
        "secondhand_share",
    ] {
        assert!(v["metrics"].get(key).is_some(), "{id}: no metrics.{key}");
    }
    for e in v["entities"].as_array().into_iter().flatten() {
        for m in e["mentions"].as_array().into_iter().flatten() {
            check_span(text, m, &format!("{id}: mention of {}", e["id"]));
        }
    }
    for a in v["attributions"].as_array().into_iter().flatten() {
        let aid = &a["id"];
        check_span(text, &a["cue"], &format!("{id}: cue of {aid}"));
        if !a["source"].is_null() {
            check_span(text, &a["source"], &format!("{id}: source of {aid}"));
        }
        for c in a["content"].as_array().into_iter().flatten() {
            check_span(text, c, &format!("{id}: content of {aid}"));
        }
    }
    for key in ["sentences", "blocks", "quotations"] {
        for s in v[key].as_array().into_iter().flatten() {
            check_span(text, s, &format!("{id}: {key}"));
        }
    }
}

fn analyse(id: &str, text: &str, format: InputFormat) -> String {
    secondhand::render::json::report(&report_of(id, text, format))
}

#[test]
fn awkward_inputs_give_spans_on_char_boundaries() {
    for (i, (text, format)) in AWKWARD.iter().enumerate() {
        let id = format!("awkward-{i}");
        check_report(&id, &analyse(&id, text, *format));
    }
}

#[test]
fn corpus_reports_give_spans_on_char_boundaries() {
    for path in corpus_files() {
        let id = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{id}: {e}"));
        let format = path
            .to_str()
            .and_then(InputFormat::from_path)
            .unwrap_or(InputFormat::Text);
        check_report(&id, &analyse(&id, &text, format));
    }
}

#[test]
fn seed_report_gives_spans_on_char_boundaries() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_81b7c91e4df976a3.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    check_report("seed", &analyse("seed", &text, InputFormat::Text));
}
