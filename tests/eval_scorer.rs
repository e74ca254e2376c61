//! The scorer against hand-computed figures on invented articles, and
//! against PolNeAR's own `score.py` where Python and the shared folder are
//! at hand.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use secondhand::eval::{self, GoldDoc, Offsets, PredAttribution, RawSpan, Scores};
use serde_json::{json, Value};

/// Two invented articles: "a" with a non-ASCII name and curly quotes, "b"
/// which the predictions leave out. Offsets are code points.
const GOLD: &str = concat!(
    r#"{"id": "a", "text": "Zoë said: “rain is coming.” Ana agreed.", "attributions": ["#,
    r#"{"source": [0, 3], "cue": [4, 8], "content": [[10, 27]]},"#,
    r#"{"source": [28, 31], "cue": [32, 38], "content": []}]}"#,
    "\n\n",
    r#"{"id": "b", "text": "Crews say repairs end soon.", "attributions": ["#,
    r#"{"source": [0, 5], "cue": [6, 9], "content": [[10, 27]]}]}"#,
    "\n",
);

fn gold() -> Vec<GoldDoc> {
    eval::read_gold(GOLD.as_bytes(), "gold.jsonl").unwrap_or_default()
}

fn span(start: i64, end: i64) -> Option<RawSpan> {
    Some(RawSpan { start, end })
}

/// For "a": the first attribution right (content without its quotes), the
/// second with a cue cut short ("agree") and no source.
fn predictions(unit: Offsets) -> HashMap<String, Vec<PredAttribution>> {
    let (first, second) = match unit {
        // "Zoë" is 4 bytes and "“" 3, so byte offsets run ahead of chars.
        Offsets::Bytes => (
            PredAttribution {
                cue: span(5, 9),
                source: span(0, 4),
                content: vec![RawSpan { start: 14, end: 28 }],
            },
            span(37, 42),
        ),
        Offsets::Chars => (
            PredAttribution {
                cue: span(4, 8),
                source: span(0, 3),
                content: vec![RawSpan { start: 11, end: 25 }],
            },
            span(32, 37),
        ),
    };
    let second = PredAttribution {
        cue: second,
        ..PredAttribution::default()
    };
    HashMap::from([("a".to_string(), vec![first, second])])
}

#[test]
fn hand_computed_figures_on_invented_articles() {
    let gold = gold();
    assert_eq!(gold.len(), 2, "the blank line is skipped");
    let s = eval::score(&gold, &predictions(Offsets::Bytes), Offsets::Bytes);
    assert_eq!(s.articles, 2);
    assert_eq!(s.articles_missing_from_predictions, 1);
    let prf = |v: eval::Prf| (v.p, v.r, v.f1, v.predicted, v.gold);
    // One of three gold attributions found: "agree" overlaps "agreed" but
    // the gold names Ana and the prediction no one.
    assert_eq!(prf(s.attribution_overlap), (0.5, 0.3333, 0.4, 2, 3));
    assert_eq!(prf(s.cue.exact), (0.5, 0.3333, 0.4, 2, 3));
    assert_eq!(prf(s.cue.overlap), (1.0, 0.6667, 0.8, 2, 3));
    assert_eq!(prf(s.source.exact), (1.0, 0.3333, 0.5, 1, 3));
    assert_eq!(prf(s.source.overlap), (1.0, 0.3333, 0.5, 1, 3));
    // The gold content keeps its quotes and full stop; trimmed, it equals
    // the prediction.
    assert_eq!(prf(s.content.exact), (1.0, 0.5, 0.6667, 1, 2));
    assert_eq!(prf(s.content.overlap), (1.0, 0.5, 0.6667, 1, 2));
    // Words: 7 in "a" (3 in content), 5 in "b" (3 in content).
    assert_eq!(prf(s.content_tokens), (1.0, 0.5, 0.6667, 3, 6));
    let share = s.attributed_share;
    assert_eq!(share.mae, Some(0.3));
    assert_eq!(share.gold_mean, Some(0.5143));
    assert_eq!(share.pred_mean, Some(0.2143));
    assert_eq!(share.pearson_r, Some(-1.0));
}

#[test]
fn char_offsets_give_the_same_figures_as_byte_offsets() {
    let gold = gold();
    let bytes = eval::score(&gold, &predictions(Offsets::Bytes), Offsets::Bytes);
    let chars = eval::score(&gold, &predictions(Offsets::Chars), Offsets::Chars);
    assert_eq!(bytes, chars);
}

#[test]
fn a_byte_offset_inside_a_character_falls_back_to_its_start() {
    let gold = gold();
    let mut preds = predictions(Offsets::Bytes);
    // Byte 3 is inside "ë": the source becomes "Zo", no longer exact.
    if let Some(first) = preds.get_mut("a").and_then(|v| v.first_mut()) {
        first.source = span(0, 3);
    }
    let s = eval::score(&gold, &preds, Offsets::Bytes);
    assert_eq!((s.source.exact.p, s.source.overlap.p), (0.0, 1.0));
}

#[test]
fn nothing_predicted_scores_zero_without_dividing_by_zero() {
    let s = eval::score(&gold(), &HashMap::new(), Offsets::Bytes);
    assert_eq!(s.articles_missing_from_predictions, 2);
    assert_eq!((s.cue.exact.p, s.cue.exact.f1), (0.0, 0.0));
    assert_eq!(s.attributed_share.pearson_r, None);
    assert_eq!(s.attributed_share.pred_mean, Some(0.0));
    let none = eval::score(&[], &HashMap::new(), Offsets::Bytes);
    assert_eq!(none.attributed_share.mae, None);
    assert_eq!(none.attributed_share.gold_mean, None);
}

#[test]
fn json_output_has_score_pys_field_names() {
    let s = eval::score(&gold(), &predictions(Offsets::Bytes), Offsets::Bytes);
    let v = serde_json::to_value(s).unwrap_or_default();
    for key in [
        "articles",
        "articles_missing_from_predictions",
        "attribution_overlap",
        "cue",
        "source",
        "content",
        "content_tokens",
        "attributed_share",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert!(v["cue"]["overlap"]["predicted"].is_u64());
    assert!(v["attributed_share"]["pearson_r"].is_f64());
}

#[test]
fn the_cli_exits_2_naming_the_line_of_bad_gold() {
    let dir = temp_dir("bad-gold");
    let path = dir.join("gold.jsonl");
    let body = format!(
        "{}\n{{\"id\": \"c\", \"text\": 5}}\n",
        GOLD.lines().next().unwrap_or("")
    );
    fs::write(&path, body).unwrap_or_default();
    let out = run_eval(&path, &[]);
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("gold.jsonl:2:"), "{stderr}");
}

/// Runs `secondhand eval --gold FILE` with more arguments.
fn run_eval(gold: &Path, rest: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_secondhand"))
        .arg("eval")
        .arg("--gold")
        .arg(gold)
        .args(rest)
        .output()
        .unwrap_or_else(|e| panic!("cannot run secondhand: {e}"))
}

#[test]
fn the_cli_scores_its_own_analysis_without_pred() {
    let dir = temp_dir("own");
    let path = dir.join("gold.jsonl");
    fs::write(&path, GOLD).unwrap_or_default();
    let out = run_eval(&path, &["--format", "json"]);
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(v["articles"], 2);
    assert_eq!(v["articles_missing_from_predictions"], 0);
    assert_eq!(v["cue"]["exact"]["gold"], 3);
}

#[test]
fn the_cli_exits_2_naming_the_line_of_a_bad_prediction() {
    let dir = temp_dir("bad-pred");
    let (gold, pred) = (dir.join("gold.jsonl"), dir.join("pred.jsonl"));
    fs::write(&gold, GOLD).unwrap_or_default();
    fs::write(&pred, "{\"id\": \"a\", \"attributions\": []}\n{oops\n").unwrap_or_default();
    let out = run_eval(&gold, &["--pred", &pred.display().to_string()]);
    let offsets_alone = run_eval(&gold, &["--offsets", "chars"]);
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("pred.jsonl:2: not JSON"), "{stderr}");
    assert_eq!(
        offsets_alone.status.code(),
        Some(2),
        "--offsets needs --pred"
    );
}

// --- Against score.py ------------------------------------------------------

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("secondhand-{name}-{}", std::process::id()));
    let _ = fs::create_dir_all(&dir);
    dir
}

fn python_available() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A span of the gold (code points) moved by `shift` at both ends and given
/// in `unit`, as a JSON pair or, every third time, a start/end object.
fn moved(text: &str, s: RawSpan, shift: i64, unit: Offsets, k: usize) -> Value {
    let chars = text.chars().count() as i64;
    let conv = |c: i64| -> i64 {
        let c = c.clamp(0, chars);
        match unit {
            Offsets::Chars => c,
            Offsets::Bytes => text
                .char_indices()
                .nth(c as usize)
                .map_or(text.len(), |(b, _)| b) as i64,
        }
    };
    let (start, end) = (conv(s.start + shift), conv(s.end + shift));
    if k.is_multiple_of(3) {
        json!({"start": start, "end": end, "text": "ignored"})
    } else {
        json!([start, end])
    }
}

/// A perturbed copy of the gold attributions: some dropped, cues and sources
/// shifted, sources and content spans left out, a shape or two varied.
fn perturbed(doc: &GoldDoc, unit: Offsets) -> Vec<Value> {
    let mut out = Vec::new();
    for (k, a) in doc.attributions.iter().enumerate() {
        if k % 6 == 5 {
            continue;
        }
        let shift = (k % 4) as i64 - 1;
        let role = |s: Option<RawSpan>, shift: i64| {
            s.map_or(Value::Null, |s| moved(&doc.text, s, shift, unit, k))
        };
        let content: Vec<Value> = a
            .content
            .iter()
            .enumerate()
            .filter(|(j, _)| (k + j) % 5 != 2)
            .map(|(j, s)| moved(&doc.text, *s, (j % 3) as i64 - 1, unit, k + j))
            .collect();
        let source = if k % 7 == 3 {
            Value::Null
        } else {
            role(a.source, -shift)
        };
        let content = match (content.len(), k % 4) {
            (1, 0) => content.into_iter().next().unwrap_or(Value::Null),
            _ => Value::Array(content),
        };
        out.push(json!({"cue": role(a.cue, shift), "source": source, "content": content}));
    }
    out
}

/// Compares two JSON values key by key, numbers within 1e-4.
fn assert_close(ours: &Value, theirs: &Value, path: &str) {
    match (ours, theirs) {
        (Value::Object(a), Value::Object(b)) => {
            let mut ka: Vec<&String> = a.keys().collect();
            let mut kb: Vec<&String> = b.keys().collect();
            ka.sort();
            kb.sort();
            assert_eq!(ka, kb, "keys differ at {path}");
            for (k, v) in a {
                assert_close(v, &b[k], &format!("{path}.{k}"));
            }
        }
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            assert!((x - y).abs() <= 1e-4, "{path}: ours {x}, score.py {y}");
        }
        _ => assert_eq!(ours, theirs, "at {path}"),
    }
}

/// Runs score.py and `secondhand eval` on the same files; compares the JSON
/// key by key and the text tables line by line.
fn compare_with_score_py(gold: &Path, pred: &Path, unit: &str) {
    let run = |cmd: &mut Command| {
        let out = cmd
            .output()
            .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
        assert!(
            out.status.success(),
            "{cmd:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let score_py = shared().join("score.py");
    let python = |json: bool| {
        let mut c = Command::new("python3");
        c.arg(&score_py)
            .arg("--gold")
            .arg(gold)
            .arg("--pred")
            .arg(pred);
        c.args(["--offsets", unit]);
        if json {
            c.arg("--json");
        }
        run(&mut c)
    };
    let ours = |format: &str| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_secondhand"));
        c.arg("eval")
            .arg("--gold")
            .arg(gold)
            .arg("--pred")
            .arg(pred);
        c.args(["--offsets", unit, "--format", format]);
        run(&mut c)
    };
    // score.py prints NaN where we print null.
    let theirs: Value = serde_json::from_str(&python(true).replace("NaN", "null"))
        .unwrap_or_else(|e| panic!("score.py printed no JSON: {e}"));
    let mine: Value = serde_json::from_str(&ours("json"))
        .unwrap_or_else(|e| panic!("secondhand eval printed no JSON: {e}"));
    eprintln!("score.py ({unit}): {theirs}");
    assert_close(&mine, &theirs, "");
    assert_eq!(ours("human"), python(false), "the text tables differ");
}

#[test]
fn matches_score_py_on_perturbed_polnear_predictions() {
    let dev = shared().join("polnear-dev.jsonl");
    if !dev.is_file() || !shared().join("score.py").is_file() {
        eprintln!("skipped: {} or score.py is absent", dev.display());
        return;
    }
    if !python_available() {
        eprintln!("skipped: python3 is not available");
        return;
    }
    let bytes = fs::read(&dev).unwrap_or_default();
    let gold_lines: Vec<&[u8]> = bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .take(20)
        .collect();
    let gold_body = gold_lines.join(&b'\n');
    let gold = eval::read_gold(&gold_body, "dev").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(gold.len(), 20);
    let dir = temp_dir("score-py");
    let gold_path = dir.join("gold.jsonl");
    fs::write(&gold_path, &gold_body).unwrap_or_else(|e| panic!("{e}"));
    for (unit, name) in [(Offsets::Bytes, "bytes"), (Offsets::Chars, "chars")] {
        let mut lines = String::new();
        for (i, doc) in gold.iter().enumerate() {
            let attrs = perturbed(doc, unit);
            let line = match i % 4 {
                3 if i != 3 => continue, // missing from the predictions
                1 => json!({"id": doc.id, "report": {"attributions": attrs}}),
                _ => json!({"id": doc.id, "attributions": attrs, "extra": 1}),
            };
            lines.push_str(&format!("{line}\n"));
        }
        let pred_path = dir.join(format!("pred-{name}.jsonl"));
        fs::write(&pred_path, lines).unwrap_or_else(|e| panic!("{e}"));
        compare_with_score_py(&gold_path, &pred_path, name);
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn scores_round_trip_through_json() {
    let s = eval::score(&gold(), &predictions(Offsets::Bytes), Offsets::Bytes);
    let text = serde_json::to_string(&s).unwrap_or_default();
    let back: Option<Scores> = serde_json::from_str(&text).ok();
    assert_eq!(back, Some(s));
}
