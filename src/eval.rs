//! Scoring predictions against gold attributions, with the definitions of
//! PolNeAR's `score.py`.
//!
//! Gold records are `{"id", "text", "attributions": [{"source": [s, e] |
//! null, "cue": [s, e] | null, "content": [[s, e], ...]}, ...]}` with
//! **code point** offsets into `text`. Predictions give the same three roles
//! as UTF-8 byte offsets into the same text ([`Offsets::Bytes`], what our
//! reports hold) or as code points ([`Offsets::Chars`]).
//!
//! Internally every offset is turned into a byte [`Span`] of the gold text:
//! code points map one to one onto character boundaries, and a byte offset
//! inside a character falls back to that character's start, as `score.py`'s
//! byte-to-char map does. Equality and overlap of spans, and which words
//! they touch, are the same in either unit, so the figures are those of
//! `score.py`.
//!
//! Metrics, micro-averaged over the gold articles (an article missing from
//! the predictions predicts nothing):
//!
//! - cue / source / content **exact**: normalised span sets must be equal;
//! - cue / source / content **overlap**: a predicted span is right if it
//!   overlaps a gold span of the same role, a gold span is found if some
//!   predicted span overlaps it;
//! - **content tokens**: word tokens (`\w+`) inside any content span;
//! - **attribution overlap**: a gold attribution is found when a predicted
//!   one overlaps its cue and, where the gold has a source, its source;
//! - **attributed share**: per article, the share of word tokens inside
//!   content; mean absolute error, Pearson r and both means.
//!
//! Where `score.py` prints `NaN` (no articles with words, fewer than two for
//! Pearson r, a constant series) the JSON here has `null`, since `NaN` is not
//! JSON.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::report::Report;
use crate::span::Span;

/// The unit of prediction offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Offsets {
    /// UTF-8 byte offsets (our reports; `score.py --offsets bytes`).
    #[default]
    Bytes,
    /// Unicode code point offsets, like the gold.
    Chars,
}

/// A span as a file gives it, before conversion and normalisation: any
/// integers, possibly out of range or reversed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawSpan {
    pub start: i64,
    pub end: i64,
}

/// One attribution as a gold or prediction file gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawAttribution {
    pub cue: Option<RawSpan>,
    pub source: Option<RawSpan>,
    pub content: Vec<RawSpan>,
}

/// A predicted attribution, offsets in the unit given to [`score`].
pub type PredAttribution = RawAttribution;

/// Predicted attributions by article id.
pub type Predictions = HashMap<String, Vec<PredAttribution>>;

/// One gold article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    /// Code point offsets into `text`.
    pub attributions: Vec<RawAttribution>,
}

/// Precision, recall and F1 as `score.py` reports them (rounded to 4
/// places), with the counts of predicted and gold items.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub predicted: usize,
    pub gold: usize,
}

/// Exact and overlap figures of one role.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleScores {
    pub exact: Prf,
    pub overlap: Prf,
}

/// The attributed share of words: error and correlation across articles.
/// `None` where `score.py` has `NaN` (or `None` for the means).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShareScores {
    pub mae: Option<f64>,
    pub pearson_r: Option<f64>,
    pub gold_mean: Option<f64>,
    pub pred_mean: Option<f64>,
}

/// All figures, with the field names of `score.py --json`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    pub articles: usize,
    pub articles_missing_from_predictions: usize,
    pub attribution_overlap: Prf,
    pub cue: RoleScores,
    pub source: RoleScores,
    pub content: RoleScores,
    pub content_tokens: Prf,
    pub attributed_share: ShareScores,
}

/// The characters `score.py` trims from both ends of a span: white space,
/// no-break space, quotes, brackets, dashes and sentence punctuation.
const TRIM: &[char] = &[
    ' ', '\t', '\r', '\n', '\u{a0}', '.', ',', ';', ':', '!', '?', '"', '\'', '\u{201c}',
    '\u{201d}', '\u{2018}', '\u{2019}', '\u{ab}', '\u{bb}', '(', ')', '[', ']', '{', '}',
    '\u{2014}', '\u{2013}', '\u{2015}', '\u{2012}', '\u{2010}', '\u{2011}', '-', '\u{2026}',
];

impl GoldDoc {
    /// Reads one line of a gold JSONL file: `Ok(None)` for a blank line, an
    /// [`Error::Gold`] naming `input:line` for anything `score.py` could not
    /// read (not JSON, not an object, no `id`, no string `text`, no list of
    /// `attributions`, an attribution that is not an object).
    pub fn parse_line(line: &str, input: &str, line_no: usize) -> Result<Option<GoldDoc>> {
        if line.trim().is_empty() {
            return Ok(None);
        }
        let bad = |message: String| Error::Gold {
            input: format!("{input}:{line_no}"),
            message,
        };
        let value: Value =
            serde_json::from_str(line).map_err(|e| bad(format!("not a JSON record: {e}")))?;
        let Value::Object(record) = value else {
            return Err(bad("the record is not a JSON object".to_string()));
        };
        let id = record
            .get("id")
            .map(python_str)
            .ok_or_else(|| bad("the record has no \"id\"".to_string()))?;
        let text = match record.get("text") {
            Some(Value::String(t)) => t.clone(),
            _ => return Err(bad("the record has no string \"text\"".to_string())),
        };
        let Some(Value::Array(items)) = record.get("attributions") else {
            return Err(bad("the record has no list of \"attributions\"".to_string()));
        };
        let attributions = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                attribution_of(item)
                    .ok_or_else(|| bad(format!("attribution {i} is not a JSON object")))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Some(GoldDoc {
            id,
            text,
            attributions,
        }))
    }
}

/// Reads a whole gold JSONL file (its bytes), stopping at the first bad line.
pub fn read_gold(bytes: &[u8], input: &str) -> Result<Vec<GoldDoc>> {
    let mut docs = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = std::str::from_utf8(line).map_err(|e| Error::Gold {
            input: format!("{input}:{}", i + 1),
            message: format!("not valid UTF-8 at byte {} of the line", e.valid_up_to()),
        })?;
        if let Some(doc) = GoldDoc::parse_line(line, input, i + 1)? {
            docs.push(doc);
        }
    }
    Ok(docs)
}

/// Reads a prediction JSONL file (its bytes) in the shapes `score.py`
/// accepts: `{"id", "attributions": [...]}` or `{"id", "report": {...,
/// "attributions": [...]}}`, spans as `[s, e]` or `{"start", "end"}`. A later
/// line with the same id replaces an earlier one. A line that is not a JSON
/// object is an [`Error::Jsonl`] with its line number.
pub fn read_predictions(bytes: &[u8], input: &str) -> Result<Predictions> {
    let mut preds = HashMap::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let bad = |message: String| Error::Jsonl {
            input: input.to_string(),
            line: i + 1,
            message,
        };
        let line = std::str::from_utf8(line).map_err(|e| {
            bad(format!(
                "not valid UTF-8 at byte {} of the line",
                e.valid_up_to()
            ))
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line).map_err(|e| bad(format!("not JSON: {e}")))?;
        let Value::Object(mut doc) = value else {
            return Err(bad("the record is not a JSON object".to_string()));
        };
        let id = python_str(doc.get("id").unwrap_or(&Value::Null));
        if !doc.contains_key("attributions") {
            if let Some(Value::Object(report)) = doc.remove("report") {
                doc = report;
            }
        }
        let attributions = match doc.get("attributions") {
            Some(Value::Array(items)) => items.iter().filter_map(attribution_of).collect(),
            _ => Vec::new(),
        };
        preds.insert(id, attributions);
    }
    Ok(preds)
}

/// The predicted attributions of one of our reports, in byte offsets.
pub fn predictions_of(report: &Report) -> Vec<PredAttribution> {
    let raw = |span: Span| RawSpan {
        start: i64::from(span.start),
        end: i64::from(span.end),
    };
    report
        .attributions
        .iter()
        .map(|a| RawAttribution {
            cue: Some(raw(a.cue.span())),
            source: a.source.as_ref().map(|s| {
                raw(Span {
                    start: s.start,
                    end: s.end,
                })
            }),
            content: a.content.iter().copied().map(raw).collect(),
        })
        .collect()
}

/// Our predictions for every gold text, analysed as plain text with its
/// record id, and the articles whose analysis failed (they predict nothing
/// and are left out of the map, as `score.py` counts a missing article).
pub fn predict(gold: &[GoldDoc], options: &crate::Options) -> (Predictions, Vec<(String, Error)>) {
    let mut preds = HashMap::new();
    let mut failed = Vec::new();
    for doc in gold {
        let article = crate::Article {
            id: &doc.id,
            text: &doc.text,
            format: crate::InputFormat::Text,
            publisher: None,
            url: None,
        };
        match crate::analyze(&article, options) {
            Ok(report) => {
                preds.insert(doc.id.clone(), predictions_of(&report));
            }
            Err(e) => failed.push((doc.id.clone(), e)),
        }
    }
    (preds, failed)
}

/// An id as Python's `str()` prints it.
fn python_str(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "None".to_string(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        other => other.to_string(),
    }
}

/// An integer as Python's `isinstance(v, int)` has it (booleans included).
fn int_of(value: &Value) -> Option<i64> {
    match value {
        Value::Bool(b) => Some(i64::from(*b)),
        Value::Number(n) => n.as_i64().or_else(|| n.as_u64().map(|_| i64::MAX)),
        _ => None,
    }
}

/// Whether a value is a `[s, e]` pair of integers.
fn is_int_pair(value: &Value) -> bool {
    matches!(value, Value::Array(v) if v.len() == 2 && v.iter().all(|x| int_of(x).is_some()))
}

/// One span as `score.py`'s `as_span` reads it: `[s, e]` or `{"start",
/// "end"}`; anything else is no span.
fn span_of(value: &Value) -> Option<RawSpan> {
    let (start, end) = match value {
        Value::Object(o) => (o.get("start")?, o.get("end")?),
        Value::Array(v) if is_int_pair(value) => (v.first()?, v.get(1)?),
        _ => return None,
    };
    Some(RawSpan {
        start: int_of(start)?,
        end: int_of(end)?,
    })
}

/// A list of spans as `score.py`'s `as_spans` reads it: one span, a list of
/// spans (unreadable items dropped), or nothing.
fn spans_of(value: &Value) -> Vec<RawSpan> {
    match value {
        Value::Object(_) => span_of(value).into_iter().collect(),
        Value::Array(_) if is_int_pair(value) => span_of(value).into_iter().collect(),
        Value::Array(items) => items.iter().filter_map(span_of).collect(),
        _ => Vec::new(),
    }
}

/// The three roles of an attribution object; `None` if it is not an object.
fn attribution_of(value: &Value) -> Option<RawAttribution> {
    let o = value.as_object()?;
    let get = |k: &str| o.get(k).unwrap_or(&Value::Null);
    Some(RawAttribution {
        cue: span_of(get("cue")),
        source: span_of(get("source")),
        content: spans_of(get("content")),
    })
}

/// A gold text with the byte offset of every code point, to convert offsets.
struct Text<'a> {
    text: &'a str,
    /// Byte offset of each code point, then the text length.
    char_starts: Vec<usize>,
}

impl<'a> Text<'a> {
    fn new(text: &'a str) -> Text<'a> {
        let mut char_starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        char_starts.push(text.len());
        Text { text, char_starts }
    }

    /// The byte offset of a code point offset, clamped to the text.
    fn byte_of_char(&self, offset: i64) -> usize {
        let last = self.char_starts.len().saturating_sub(1);
        let i = usize::try_from(offset.max(0))
            .unwrap_or(usize::MAX)
            .min(last);
        self.char_starts.get(i).copied().unwrap_or(self.text.len())
    }

    /// A byte offset clamped to the text and moved back to a character start.
    fn char_start_of_byte(&self, offset: i64) -> usize {
        let mut b = usize::try_from(offset.max(0))
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while !self.text.is_char_boundary(b) {
            b -= 1;
        }
        b
    }

    /// A raw span in the given unit, converted and normalised: trimmed of
    /// [`TRIM`] characters at both ends; `None` when nothing is left.
    fn norm(&self, span: RawSpan, unit: Offsets) -> Option<Span> {
        let conv = |v| match unit {
            Offsets::Bytes => self.char_start_of_byte(v),
            Offsets::Chars => self.byte_of_char(v),
        };
        let (s, e) = (conv(span.start), conv(span.end));
        let inner = self.text.get(s..e)?;
        let lead = inner.len() - inner.trim_start_matches(TRIM).len();
        let kept = inner.trim_matches(TRIM);
        if kept.is_empty() {
            return None;
        }
        Some(Span::new(s + lead, s + lead + kept.len()))
    }

    /// An attribution with its spans converted and normalised.
    fn attribution(&self, a: &RawAttribution, unit: Offsets) -> Normalised {
        Normalised {
            cue: a.cue.and_then(|s| self.norm(s, unit)),
            source: a.source.and_then(|s| self.norm(s, unit)),
            content: a
                .content
                .iter()
                .filter_map(|&s| self.norm(s, unit))
                .collect(),
        }
    }
}

/// An attribution in normalised byte spans of the gold text.
struct Normalised {
    cue: Option<Span>,
    source: Option<Span>,
    content: Vec<Span>,
}

/// Whether a character counts in a word token as Python's `\w` has it.
///
/// Python's `\w` is letters (`L*`), numbers (`N*`) and `_`. Rust's
/// `is_alphanumeric` adds the `Other_Alphabetic` marks, so the combining
/// diacritics blocks are taken out (PolNeAR texts hold decomposed accents,
/// which split a word for `score.py`); this is where we part from
/// [`crate::document::tokens::is_word_char`], which keeps them in the word.
/// What still differs (measured over all code points against Python 3.11):
/// about 15,500 code points outside Latin text, the `Other_Alphabetic` vowel
/// signs and points of Hebrew, Arabic and Indic scripts, circled letters,
/// and letters added after Unicode 14; never a character Python counts that
/// we do not.
fn is_scorer_word_char(c: char) -> bool {
    (c.is_alphanumeric() || c == '_') && !is_combining_diacritic(c)
}

/// The combining diacritical marks blocks (all marks, no letters).
fn is_combining_diacritic(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The word tokens (`\w+` runs) of a text, as byte spans in order.
fn word_tokens(text: &str) -> Vec<Span> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_scorer_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(Span::new(s, text.len()));
    }
    tokens
}

/// Which tokens overlap any of the spans, as one flag a token. Linear in the
/// tokens plus spans: the spans are merged first.
fn token_flags(spans: &[Span], tokens: &[Span]) -> Vec<bool> {
    let mut flags = vec![false; tokens.len()];
    for span in merge(spans) {
        let lo = tokens.partition_point(|t| t.end <= span.start);
        let hi = tokens.partition_point(|t| t.start < span.end);
        for f in flags.get_mut(lo..hi).into_iter().flatten() {
            *f = true;
        }
    }
    flags
}

/// The union of spans as sorted, disjoint spans.
fn merge(spans: &[Span]) -> Vec<Span> {
    let mut sorted = spans.to_vec();
    sorted.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(sorted.len());
    for s in sorted {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// Sorted, deduplicated spans with the running maximum of their ends, to ask
/// whether any of them overlaps a span in logarithmic time.
struct SpanSet {
    spans: Vec<Span>,
    max_end: Vec<u32>,
}

impl SpanSet {
    fn new(mut spans: Vec<Span>) -> SpanSet {
        spans.sort_unstable();
        spans.dedup();
        let max_end = spans
            .iter()
            .scan(0, |m, s| {
                *m = (*m).max(s.end);
                Some(*m)
            })
            .collect();
        SpanSet { spans, max_end }
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    fn contains(&self, span: &Span) -> bool {
        self.spans.binary_search(span).is_ok()
    }

    /// Whether some span of the set overlaps `span`.
    fn any_overlaps(&self, span: &Span) -> bool {
        let before = self.spans.partition_point(|s| s.start < span.end);
        before > 0
            && self
                .max_end
                .get(before - 1)
                .is_some_and(|&end| end > span.start)
    }
}

/// Running counts of one precision/recall figure.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    tp_p: usize,
    n_p: usize,
    tp_r: usize,
    n_g: usize,
}

impl Counts {
    fn add(&mut self, tp_p: usize, n_p: usize, tp_r: usize, n_g: usize) {
        self.tp_p += tp_p;
        self.n_p += n_p;
        self.tp_r += tp_r;
        self.n_g += n_g;
    }

    fn values(&self) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.tp_p, self.n_p);
        let r = ratio(self.tp_r, self.n_g);
        let f = if p + r != 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            p: round4(p),
            r: round4(r),
            f1: round4(f),
            predicted: self.n_p,
            gold: self.n_g,
        }
    }
}

/// Exact and overlap counts of one role.
#[derive(Clone, Copy, Debug, Default)]
struct RoleCounts {
    exact: Counts,
    overlap: Counts,
}

impl RoleCounts {
    /// Adds one article's gold and predicted spans of the role.
    fn add(&mut self, gold: &SpanSet, pred: &SpanSet) {
        let inter = pred.spans.iter().filter(|p| gold.contains(p)).count();
        self.exact.add(inter, pred.len(), inter, gold.len());
        let tp_p = pred.spans.iter().filter(|p| gold.any_overlaps(p)).count();
        let tp_r = gold.spans.iter().filter(|g| pred.any_overlaps(g)).count();
        self.overlap.add(tp_p, pred.len(), tp_r, gold.len());
    }

    fn values(&self) -> RoleScores {
        RoleScores {
            exact: self.exact.values(),
            overlap: self.overlap.values(),
        }
    }
}

/// Rounds to 4 decimal places as Python's `round(x, 4)` does (correctly
/// rounded, ties to even).
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// `Some(round4(x))`, or `None` for NaN.
fn rounded(x: f64) -> Option<f64> {
    (!x.is_nan()).then(|| round4(x))
}

/// Whether a predicted attribution finds a gold one: their cues overlap and,
/// where the gold has a source, their sources overlap too.
fn found(gold: &Normalised, pred: &Normalised) -> bool {
    let cue = matches!((gold.cue, pred.cue), (Some(g), Some(p)) if g.overlaps(p));
    cue && match gold.source {
        Some(g) => pred.source.is_some_and(|p| g.overlaps(p)),
        None => true,
    }
}

/// The spans of one role across attributions.
fn role_spans(attrs: &[Normalised], role: Role) -> SpanSet {
    let spans = attrs
        .iter()
        .flat_map(|a| match role {
            Role::Cue => a.cue.into_iter().collect::<Vec<_>>(),
            Role::Source => a.source.into_iter().collect(),
            Role::Content => a.content.clone(),
        })
        .collect();
    SpanSet::new(spans)
}

#[derive(Clone, Copy)]
enum Role {
    Cue,
    Source,
    Content,
}

/// Pearson's r, `None` for fewer than two pairs or a constant series.
fn pearson(xs: &[f64], ys: &[f64]) -> Option<f64> {
    let n = xs.len() as f64;
    if xs.len() < 2 {
        return None;
    }
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let sxy: f64 = xs.iter().zip(ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let sx = xs.iter().map(|x| (x - mx).powi(2)).sum::<f64>().sqrt();
    let sy = ys.iter().map(|y| (y - my).powi(2)).sum::<f64>().sqrt();
    (sx != 0.0 && sy != 0.0).then(|| sxy / (sx * sy))
}

/// The mean, `None` for no values.
fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// Scores predictions (keyed by article id, offsets in `unit`) against the
/// gold articles, with `score.py`'s definitions.
pub fn score(gold: &[GoldDoc], preds: &Predictions, unit: Offsets) -> Scores {
    let mut roles = [RoleCounts::default(); 3];
    let mut tokens_prf = Counts::default();
    let mut attr_prf = Counts::default();
    let (mut gold_shares, mut pred_shares) = (Vec::new(), Vec::new());
    let mut missing = 0;
    for doc in gold {
        let text = Text::new(&doc.text);
        let p_raw = preds.get(&doc.id);
        missing += usize::from(p_raw.is_none());
        let g: Vec<Normalised> = doc
            .attributions
            .iter()
            .map(|a| text.attribution(a, Offsets::Chars))
            .collect();
        let p: Vec<Normalised> = p_raw
            .into_iter()
            .flatten()
            .map(|a| text.attribution(a, unit))
            .collect();

        for (counts, role) in roles
            .iter_mut()
            .zip([Role::Cue, Role::Source, Role::Content])
        {
            counts.add(&role_spans(&g, role), &role_spans(&p, role));
        }

        let tokens = word_tokens(&doc.text);
        let content = |attrs: &[Normalised]| -> Vec<Span> {
            attrs
                .iter()
                .flat_map(|a| a.content.iter().copied())
                .collect()
        };
        let gt = token_flags(&content(&g), &tokens);
        let pt = token_flags(&content(&p), &tokens);
        let n_gt = gt.iter().filter(|&&f| f).count();
        let n_pt = pt.iter().filter(|&&f| f).count();
        let both = gt.iter().zip(&pt).filter(|(a, b)| **a && **b).count();
        tokens_prf.add(both, n_pt, both, n_gt);
        if !tokens.is_empty() {
            gold_shares.push(n_gt as f64 / tokens.len() as f64);
            pred_shares.push(n_pt as f64 / tokens.len() as f64);
        }

        let g_cued: Vec<&Normalised> = g.iter().filter(|a| a.cue.is_some()).collect();
        let p_cued: Vec<&Normalised> = p.iter().filter(|a| a.cue.is_some()).collect();
        let tp_r = g_cued
            .iter()
            .filter(|ga| p_cued.iter().any(|pa| found(ga, pa)))
            .count();
        let tp_p = p_cued
            .iter()
            .filter(|pa| g_cued.iter().any(|ga| found(ga, pa)))
            .count();
        attr_prf.add(tp_p, p_cued.len(), tp_r, g_cued.len());
    }
    let [cue, source, content] = roles;
    let mae = mean(
        &gold_shares
            .iter()
            .zip(&pred_shares)
            .map(|(a, b)| (a - b).abs())
            .collect::<Vec<_>>(),
    );
    Scores {
        articles: gold.len(),
        articles_missing_from_predictions: missing,
        attribution_overlap: attr_prf.values(),
        cue: cue.values(),
        source: source.values(),
        content: content.values(),
        content_tokens: tokens_prf.values(),
        attributed_share: ShareScores {
            mae: mae.and_then(rounded),
            pearson_r: pearson(&gold_shares, &pred_shares).and_then(rounded),
            gold_mean: mean(&gold_shares).and_then(rounded),
            pred_mean: mean(&pred_shares).and_then(rounded),
        },
    }
}

impl Scores {
    /// The figures as the text table `score.py` prints without `--json`.
    pub fn table(&self) -> String {
        let mut out = format!(
            "articles: {} (missing from predictions: {})\n",
            self.articles, self.articles_missing_from_predictions
        );
        out.push_str(&format!(
            "{:22} {:>6} {:>6} {:>6}  pred/gold\n",
            "", "P", "R", "F1"
        ));
        let mut row = |name: &str, v: &Prf| {
            out.push_str(&format!(
                "{name:22} {:6.3} {:6.3} {:6.3}  {}/{}\n",
                v.p, v.r, v.f1, v.predicted, v.gold
            ));
        };
        row("attribution (overlap)", &self.attribution_overlap);
        for (name, role) in [
            ("cue", &self.cue),
            ("source", &self.source),
            ("content", &self.content),
        ] {
            row(&format!("{name} exact"), &role.exact);
            row(&format!("{name} overlap"), &role.overlap);
        }
        row("content tokens", &self.content_tokens);
        let s = &self.attributed_share;
        let fixed = |x: Option<f64>| x.map_or("nan".to_string(), |x| format!("{x:.3}"));
        out.push_str(&format!(
            "attributed share: MAE {}, Pearson r {}, gold mean {}, predicted mean {}\n",
            fixed(s.mae),
            fixed(s.pearson_r),
            python_float(s.gold_mean),
            python_float(s.pred_mean)
        ));
        out
    }
}

/// A float as Python's `str()` prints it (`0.0`, `0.25`), `None` for none.
fn python_float(x: Option<f64>) -> String {
    match x {
        None => "None".to_string(),
        Some(x) if x.fract() == 0.0 && x.is_finite() => format!("{x:.1}"),
        Some(x) => format!("{x}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(start: i64, end: i64) -> RawSpan {
        RawSpan { start, end }
    }

    fn gold_doc(line: &str) -> GoldDoc {
        match GoldDoc::parse_line(line, "g.jsonl", 1) {
            Ok(Some(doc)) => doc,
            other => panic!("not a gold doc: {other:?}"),
        }
    }

    #[test]
    fn norm_trims_the_score_py_characters_from_both_ends() {
        let text = "He said: “We won—again.” ";
        let t = Text::new(text);
        let whole = raw(0, text.chars().count() as i64);
        let span = t.norm(whole, Offsets::Chars).map(|s| s.text(text));
        assert_eq!(span, Some("He said: “We won—again"));
        let quote = text.find('“').unwrap_or(0);
        let span = t.norm(raw(quote as i64, text.len() as i64), Offsets::Bytes);
        assert_eq!(span.map(|s| s.text(text)), Some("We won—again"));
        assert_eq!(
            t.norm(raw(7, 9), Offsets::Chars),
            None,
            "only \": \" is left"
        );
    }

    #[test]
    fn byte_offsets_inside_a_character_fall_back_to_its_start() {
        let text = "café noir";
        let t = Text::new(text);
        // 'é' is bytes 3..5; byte 4 is inside it.
        assert_eq!(t.char_start_of_byte(4), 3);
        assert_eq!(t.char_start_of_byte(-3), 0);
        assert_eq!(t.char_start_of_byte(99), text.len());
        assert_eq!(t.byte_of_char(4), 5);
        assert_eq!(t.byte_of_char(99), text.len());
    }

    #[test]
    fn reversed_and_out_of_range_spans_are_no_span() {
        let t = Text::new("short");
        assert_eq!(t.norm(raw(4, 2), Offsets::Chars), None);
        assert_eq!(t.norm(raw(7, 9), Offsets::Chars), None);
        assert_eq!(t.norm(raw(-5, 99), Offsets::Bytes), Some(Span::new(0, 5)));
    }

    #[test]
    fn word_tokens_split_where_python_w_does() {
        let text = "Pen\u{303}a’s 2 votes_x, ok";
        let words: Vec<&str> = word_tokens(text).iter().map(|s| s.text(text)).collect();
        assert_eq!(words, ["Pen", "a", "s", "2", "votes_x", "ok"]);
    }

    #[test]
    fn token_flags_mark_every_token_a_span_touches() {
        let text = "one two three four";
        let tokens = word_tokens(text);
        let flags = token_flags(
            &[Span::new(5, 9), Span::new(6, 7), Span::new(15, 16)],
            &tokens,
        );
        assert_eq!(flags, [false, true, true, true]);
    }

    #[test]
    fn span_set_answers_overlap_like_a_scan() {
        let set = SpanSet::new(vec![Span::new(0, 10), Span::new(2, 3), Span::new(20, 25)]);
        assert!(set.any_overlaps(&Span::new(9, 12)));
        assert!(!set.any_overlaps(&Span::new(10, 20)));
        assert!(set.any_overlaps(&Span::new(24, 30)));
        assert!(!set.any_overlaps(&Span::new(25, 30)));
    }

    #[test]
    fn spans_are_read_in_every_shape_score_py_accepts() {
        let v: Value = serde_json::json!({
            "cue": {"start": 1, "end": 4, "text": "x"},
            "source": [0, 1],
            "content": [2, 9]
        });
        let a = attribution_of(&v).unwrap_or_default();
        assert_eq!(a.cue, Some(raw(1, 4)));
        assert_eq!(a.source, Some(raw(0, 1)));
        assert_eq!(a.content, [raw(2, 9)]);
        let v =
            serde_json::json!({"cue": [1.5, 2], "content": [[1, 2], "x", {"start": 3}, [true, 4]]});
        let a = attribution_of(&v).unwrap_or_default();
        assert_eq!(a.cue, None);
        assert_eq!(a.content, [raw(1, 2), raw(1, 4)]);
    }

    #[test]
    fn malformed_gold_lines_name_the_file_and_line() {
        let err = GoldDoc::parse_line("{\"id\": 1, \"text\": \"a\"}", "g.jsonl", 7);
        assert_eq!(
            err.map_err(|e| e.to_string()),
            Err("g.jsonl:7: the record has no list of \"attributions\"".to_string())
        );
        let err = read_gold(
            b"\n{\"id\":\"a\",\"text\":\"t\",\"attributions\":[]}\n[1]\n",
            "g",
        );
        assert_eq!(
            err.map_err(|e| e.to_string()),
            Err("g:3: the record is not a JSON object".to_string())
        );
        assert!(matches!(
            GoldDoc::parse_line("{\"id\":\"a\",\"text\":\"t\",\"attributions\":[3]}", "g", 1),
            Err(Error::Gold { .. })
        ));
        assert_eq!(GoldDoc::parse_line("  \r", "g", 1), Ok(None));
        assert_eq!(
            gold_doc("{\"id\": 12, \"text\": \"t\", \"attributions\": []}").id,
            "12"
        );
    }

    #[test]
    fn predictions_may_nest_a_report_and_later_lines_win() {
        let file = b"{\"id\":\"a\",\"report\":{\"attributions\":[{\"cue\":[0,1]}]}}\n\n{\"id\":\"b\",\"attributions\":null}\n{\"id\":\"b\",\"attributions\":[{\"cue\":[2,3]},7]}\n";
        let preds = read_predictions(file, "p").unwrap_or_default();
        assert_eq!(preds.len(), 2);
        assert_eq!(preds.get("a").map(|v| v[0].cue), Some(Some(raw(0, 1))));
        assert_eq!(preds.get("b").map(Vec::len), Some(1));
        let err = read_predictions(b"{}\nnope\n", "p").map_err(|e| e.to_string());
        assert!(matches!(err, Err(m) if m.starts_with("p:2: not JSON")));
    }

    #[test]
    fn rounding_is_pythons_ties_to_even() {
        assert_eq!(round4(0.03125), 0.0312);
        assert_eq!(round4(0.09375), 0.0938);
        assert_eq!(round4(2.0 / 3.0), 0.6667);
    }

    #[test]
    fn pearson_is_none_for_a_constant_series() {
        assert_eq!(pearson(&[0.1, 0.2], &[0.0, 0.0]), None);
        assert_eq!(pearson(&[0.1], &[0.3]), None);
        assert_eq!(pearson(&[0.0, 1.0], &[1.0, 3.0]).map(round4), Some(1.0));
    }

    #[test]
    fn a_prediction_with_no_content_is_scored_on_cue_and_source() {
        let doc = gold_doc(
            "{\"id\":\"a\",\"text\":\"Kim said rain. Example Wire contributed.\",\"attributions\":[{\"source\":[0,3],\"cue\":[4,8],\"content\":[[9,14]]}]}",
        );
        let file = b"{\"id\":\"a\",\"attributions\":[{\"source\":[0,3],\"cue\":[4,8],\"content\":[[9,14]]},{\"source\":[15,27],\"cue\":[28,39],\"content\":[]}]}\n";
        let preds = read_predictions(file, "p").unwrap_or_default();
        let table = score(&[doc], &preds, Offsets::Bytes).table();
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[2], "attribution (overlap)   0.500  1.000  0.667  2/1");
        assert!(
            lines[7].ends_with("1.000  1.000  1.000  1/1"),
            "{}",
            lines[7]
        );
    }

    #[test]
    fn the_table_has_score_py_layout() {
        let doc = gold_doc(
            "{\"id\":\"a\",\"text\":\"Kim said rain.\",\"attributions\":[{\"source\":[0,3],\"cue\":[4,8],\"content\":[[9,14]]}]}",
        );
        let scores = score(&[doc], &HashMap::new(), Offsets::Bytes);
        let table = scores.table();
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[0], "articles: 1 (missing from predictions: 1)");
        assert_eq!(
            lines[1],
            "                            P      R     F1  pred/gold"
        );
        assert_eq!(lines[2], "attribution (overlap)   0.000  0.000  0.000  0/1");
        assert_eq!(
            lines[10],
            "attributed share: MAE 0.333, Pearson r nan, gold mean 0.3333, predicted mean 0.0"
        );
    }
}
