//! The grammar on the seed article, scored against its gold with the
//! scorer's attribution-overlap rule (a gold attribution is found when a
//! predicted one overlaps its cue and, where it has one, its source).

use std::path::PathBuf;

use secondhand::{analyze, Article, InputFormat, Options};

/// Recall the grammar reaches on the seed (gold attributions found).
const MIN_FOUND: usize = 17;
/// Precision it reaches.
const MIN_PRECISION: f64 = 0.9;

const TRIM: &str = " \t\r\n\u{a0}.,;:!?\"'“”‘’«»()[]{}—–―‒‐‑-…";

/// A byte span with the scorer's edge trimming; `None` when nothing is left.
fn norm(text: &str, (s, e): (usize, usize)) -> Option<(usize, usize)> {
    let sub = text.get(s..e)?;
    let t = sub.trim_start_matches(|c| TRIM.contains(c));
    let s2 = s + (sub.len() - t.len());
    let t = t.trim_end_matches(|c| TRIM.contains(c));
    (!t.is_empty()).then_some((s2, s2 + t.len()))
}

/// Byte offset of a code-point offset.
fn byte_of(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

type Attr = (Option<(usize, usize)>, Option<(usize, usize)>);

fn gold_span(text: &str, v: &serde_json::Value) -> Option<(usize, usize)> {
    let s = v.get(0)?.as_u64()? as usize;
    let e = v.get(1)?.as_u64()? as usize;
    norm(text, (byte_of(text, s), byte_of(text, e)))
}

fn found(g: &Attr, p: &Attr) -> bool {
    let (Some(gc), Some(pc)) = (g.0, p.0) else {
        return false;
    };
    overlaps(gc, pc)
        && match g.1 {
            Some(gs) => p.1.is_some_and(|ps| overlaps(gs, ps)),
            None => true,
        }
}

#[test]
fn seed_article_attributions() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let (Ok(text), Ok(gold)) = (
        std::fs::read_to_string(dir.join("000_81b7c91e4df976a3.txt")),
        std::fs::read_to_string(dir.join("000_81b7c91e4df976a3.gold.jsonl")),
    ) else {
        eprintln!("skipped: the seed article is not in {}", dir.display());
        return;
    };
    let Some(gold) = gold
        .lines()
        .find_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
    else {
        eprintln!("skipped: the seed gold has no record");
        return;
    };
    let gtext = gold["text"].as_str().unwrap_or_default();
    let golds: Vec<Attr> = gold["attributions"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| (gold_span(gtext, &x["cue"]), gold_span(gtext, &x["source"])))
                .collect()
        })
        .unwrap_or_default();
    let article = Article {
        id: "seed",
        text: &text,
        format: InputFormat::Text,
        publisher: None,
        url: None,
    };
    let report = analyze(&article, &Options::default()).expect("the seed analyses");
    let rtext = report.text.as_str();
    assert_eq!(rtext, gtext, "the analysed text is the gold text");
    let preds: Vec<Attr> = report
        .attributions
        .iter()
        .map(|a| {
            (
                norm(rtext, (a.cue.start as usize, a.cue.end as usize)),
                a.source
                    .as_ref()
                    .and_then(|s| norm(rtext, (s.start as usize, s.end as usize))),
            )
        })
        .collect();
    let recall = golds
        .iter()
        .filter(|g| g.0.is_some() && preds.iter().any(|p| found(g, p)))
        .count();
    let correct = preds
        .iter()
        .filter(|p| p.0.is_some() && golds.iter().any(|g| found(g, p)))
        .count();
    // Like score.py, only predictions whose cue has words are scored.
    let scored = preds.iter().filter(|p| p.0.is_some()).count();
    let precision = correct as f64 / scored.max(1) as f64;
    eprintln!(
        "seed: found {recall} of {} gold, precision {precision:.3} ({correct}/{})",
        golds.len(),
        scored
    );
    for a in &report.attributions {
        eprintln!(
            "  cue {:?} source {:?}",
            a.cue.text,
            a.source.as_ref().map(|s| &s.text)
        );
    }
    assert!(recall >= MIN_FOUND, "found {recall} of {}", golds.len());
    assert!(precision >= MIN_PRECISION, "precision {precision:.3}");
    for a in &report.attributions {
        let after = rtext.get(a.cue.end as usize..).unwrap_or("").trim_start();
        assert!(
            !(a.cue.text.eq_ignore_ascii_case("reported") && after.starts_with("receiving")),
            "“reported receiving” is not an attribution"
        );
    }
}
