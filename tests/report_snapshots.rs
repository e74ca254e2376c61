//! Whole-article snapshots of the report: JSON, the human report and the
//! DOT graph of every corpus article, and a text-free JSON summary of the
//! seed article. A changed snapshot fails until it is reviewed
//! (`INSTA_UPDATE=always cargo test --test report_snapshots`, then read the
//! diff of `snapshots/`).

use std::path::Path;

mod common;

use common::{corpus_files, report_of};
use secondhand::graph::merge::Network;
use secondhand::render::{self, human::HumanOptions};
use secondhand::InputFormat;

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

#[test]
fn corpus_reports_match_their_snapshots() {
    let files = corpus_files();
    assert!(files.len() >= 12, "the corpus has {} articles", files.len());
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let id = format!("corpus/{name}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{id}: {e}"));
        let format = InputFormat::from_path(&name).unwrap_or(InputFormat::Text);
        let report = report_of(&id, &text, format);
        let json: serde_json::Value =
            serde_json::from_str(&render::json::report(&report)).expect("report JSON");
        let human = render::human::report(&report, &HumanOptions { body: true });
        let dot = render::dot::graph(&report.id, &Network::of_report(&report));
        settings().bind(|| {
            // The article itself is in corpus/; the snapshot keeps the rest.
            insta::assert_json_snapshot!(format!("report-json@{name}"), json, {".text" => "[article text]"});
            insta::assert_snapshot!(format!("report-human@{name}"), human);
            insta::assert_snapshot!(format!("report-dot@{name}"), dot);
        });
    }
}

#[test]
fn seed_report_summary_matches_its_snapshot() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_81b7c91e4df976a3.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let report = report_of("seed", &text, InputFormat::Text);
    let json: serde_json::Value =
        serde_json::from_str(&render::json::report(&report)).expect("report JSON");
    // Offsets, labels, entity names and figures only: never the article's
    // sentences.
    settings().bind(|| {
        insta::assert_json_snapshot!("report-json@seed", json, {
            ".text" => "[redacted]",
            ".attributions[].cue.text" => "[redacted]",
            ".attributions[].source.text" => "[redacted]",
            ".entities[].mentions[].text" => "[redacted]",
        });
    });
}
