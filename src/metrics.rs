//! Metrics: shares of body words by provenance.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::document::tokens::partition_from;
use crate::document::{Document, Token};
use crate::grammar::Attribution;
use crate::resolve::{EntityKind, Resolution};
use crate::span::Span;

/// The figures users quote (see DESIGN.md, Definitions).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Metrics {
    pub body_words: usize,
    pub attributed_words: usize,
    pub secondhand_words: usize,
    pub attributed_share: f64,
    pub secondhand_share: f64,
    /// Words and share carried directly by each entity, most words first.
    pub by_entity: Vec<EntityShare>,
    /// Distinct sources (entities some attribution resolves to) by kind.
    pub sources_by_kind: BTreeMap<EntityKind, usize>,
    /// Attributions whose source is anonymous ("sources familiar with …").
    pub anonymous_attributions: usize,
    /// Attributions hedged with no source ("reportedly", "allegedly").
    pub hedged_attributions: usize,
    /// Body sentences by provenance.
    pub sentences: SentenceCounts,
}

/// Where a body sentence's content comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Provenance {
    Secondhand,
    Attributed,
    Unattributed,
}

/// Where the attributions' content and the body lie in a document's
/// tokens, found once for the metrics and the report: the word counts of
/// the tokens, the content pieces' token ranges ([`content_ranges`]) and
/// each body block's token range, in order.
pub struct Coverage {
    pub words: WordCounts,
    pub content: Vec<(usize, TokenRange)>,
    pub body: Vec<TokenRange>,
}

impl Coverage {
    /// Finds the token ranges of the content and the body blocks.
    pub fn new(doc: &Document, attributions: &[Attribution]) -> Coverage {
        Coverage {
            words: WordCounts::new(doc),
            content: content_ranges(doc, attributions),
            body: body_ranges(doc).collect(),
        }
    }
}

/// Counts body words inside attributed content, and inside secondhand
/// content (`secondhand[i]` says whether attribution `i` is secondhand).
/// A word counts once however many attributions cover it.
pub fn compute(doc: &Document, attributions: &[Attribution], secondhand: &[bool]) -> Metrics {
    compute_in(&Coverage::new(doc, attributions), secondhand)
}

/// [`compute`] with the coverage found already.
pub fn compute_in(coverage: &Coverage, secondhand: &[bool]) -> Metrics {
    let words = &coverage.words;
    // The content's token ranges, merged into disjoint runs: all of it, and
    // that of the secondhand attributions.
    let mut all = Vec::with_capacity(coverage.content.len());
    let mut second_hand = Vec::new();
    for (i, r) in &coverage.content {
        if secondhand.get(*i).copied().unwrap_or(false) {
            second_hand.push(r.clone());
        }
        all.push(r.clone());
    }
    let (all, second_hand) = (merged(all), merged(second_hand));
    let (mut body, mut attributed, mut second) = (0, 0, 0);
    for range in &coverage.body {
        body += words.in_range(range.clone());
        attributed += words.covered(&all, range.clone());
        second += words.covered(&second_hand, range.clone());
    }
    let share = |n: usize| ratio(n, body);
    Metrics {
        body_words: body,
        attributed_words: attributed,
        secondhand_words: second,
        attributed_share: share(attributed),
        secondhand_share: share(second),
        ..Metrics::default()
    }
}

/// Token ranges sorted and merged where they overlap: disjoint runs in
/// order (empty ranges dropped).
fn merged(mut ranges: Vec<TokenRange>) -> Vec<TokenRange> {
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    let mut out: Vec<TokenRange> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            _ if r.is_empty() => {}
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// The number of word tokens ([`crate::document::TokenKind::is_word`])
/// before each token of a document and before its end, so that the words
/// of any range of tokens take two look-ups instead of a walk over them.
pub struct WordCounts {
    before: Vec<u32>,
}

impl WordCounts {
    /// Counts the document's word tokens once.
    pub fn new(doc: &Document) -> WordCounts {
        let mut before = Vec::with_capacity(doc.tokens.len() + 1);
        before.push(0);
        let mut n = 0u32;
        before.extend(doc.tokens.iter().map(|t| {
            n += u32::from(t.kind.is_word());
            n
        }));
        WordCounts { before }
    }

    /// The word tokens in a range of token indices (0 for a range that is
    /// empty or not in the document).
    pub fn in_range(&self, range: TokenRange) -> usize {
        match (self.before.get(range.start), self.before.get(range.end)) {
            (Some(&a), Some(&b)) if b > a => (b - a) as usize,
            _ => 0,
        }
    }

    /// The word tokens of `range` inside the disjoint, ordered `runs`.
    fn covered(&self, runs: &[TokenRange], range: TokenRange) -> usize {
        let first = runs.partition_point(|r| r.end <= range.start);
        runs.get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|r| r.start < range.end)
            .map(|r| self.in_range(r.start.max(range.start)..r.end.min(range.end)))
            .sum()
    }
}

/// Body words one entity carries directly: the content of the
/// attributions whose own source resolves to it (a word counts once per
/// entity however many of its attributions cover it).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityShare {
    /// The entity's id in the report (`e1`, `e2`, …).
    pub entity: String,
    pub name: String,
    pub kind: EntityKind,
    /// Attributions whose source resolves to the entity.
    pub attributions: usize,
    pub words: usize,
    /// `words / body_words`.
    pub share: f64,
}

/// Body sentences by provenance (see [`Provenance`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SentenceCounts {
    pub secondhand: usize,
    pub attributed: usize,
    pub unattributed: usize,
}

impl SentenceCounts {
    /// Counts the provenances of the body sentences.
    pub fn count(provenances: impl IntoIterator<Item = Provenance>) -> SentenceCounts {
        let mut c = SentenceCounts::default();
        for p in provenances {
            match p {
                Provenance::Secondhand => c.secondhand += 1,
                Provenance::Attributed => c.attributed += 1,
                Provenance::Unattributed => c.unattributed += 1,
            }
        }
        c
    }
}

impl Metrics {
    /// Fills the per-source figures: words and share by entity (most words
    /// first, then entity order), distinct sources by kind, anonymous and
    /// hedged attribution counts.
    pub fn add_sources(
        &mut self,
        coverage: &Coverage,
        attributions: &[Attribution],
        resolution: &Resolution,
    ) {
        let words = entity_words(coverage, resolution);
        let mut counts = vec![0usize; resolution.entities.len()];
        for e in resolution.sources.iter().take(attributions.len()).flatten() {
            if let Some(n) = counts.get_mut(*e) {
                *n += 1;
            }
        }
        let body = self.body_words;
        let mut by_entity: Vec<EntityShare> = resolution
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let w = words.get(i).copied().unwrap_or(0);
                EntityShare {
                    entity: entity_id(i),
                    name: e.name.clone(),
                    kind: e.kind,
                    attributions: counts.get(i).copied().unwrap_or(0),
                    words: w,
                    share: ratio(w, body),
                }
            })
            .collect();
        // Stable sort: ties keep entity order.
        by_entity.sort_by_key(|s| std::cmp::Reverse(s.words));
        self.by_entity = by_entity;
        self.sources_by_kind = BTreeMap::new();
        for (e, n) in resolution.entities.iter().zip(&counts) {
            if *n > 0 {
                *self.sources_by_kind.entry(e.kind).or_default() += 1;
            }
        }
        self.anonymous_attributions = (0..attributions.len())
            .filter(|&i| resolution.source_kind(i) == Some(EntityKind::Anonymous))
            .count();
        self.hedged_attributions = attributions.iter().filter(|a| a.hedged).count();
    }
}

/// The report's id of entity `i`: `e1` for the first.
pub fn entity_id(i: usize) -> String {
    numbered('e', i)
}

/// `prefix` and the 1-based number of the 0-based index `i` ("a12"), as
/// report ids are written; made without `format!`, which costs several
/// times as much for these short strings.
pub fn numbered(prefix: char, i: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(i.saturating_add(1));
    let mut id = String::with_capacity(1 + digits.len());
    id.push(prefix);
    id.push_str(digits);
    id
}

/// `n / total`, 0 when there is nothing to divide by.
fn ratio(n: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        n as f64 / total as f64
    }
}

/// For each entity, the body words inside the content of the attributions
/// whose source resolves to it. Linear in
/// the body blocks and the content pieces (sorted once per entity), the
/// words of each range counted with [`WordCounts`].
pub fn entity_words(coverage: &Coverage, resolution: &Resolution) -> Vec<usize> {
    let words = &coverage.words;
    if resolution.sources.iter().all(Option::is_none) {
        return vec![0; resolution.entities.len()];
    }
    // Blocks that share a token merged: a token is in at most one.
    let body = merged(coverage.body.clone());
    let mut ranges: Vec<Vec<TokenRange>> = vec![Vec::new(); resolution.entities.len()];
    for (i, r) in &coverage.content {
        if let Some(list) = resolution
            .sources
            .get(*i)
            .copied()
            .flatten()
            .and_then(|e| ranges.get_mut(e))
        {
            list.push(r.clone());
        }
    }
    ranges
        .into_iter()
        .map(|mut list| {
            list.sort_by_key(|r| (r.start, r.end));
            // The new part of each range (past the ranges before it) is
            // after every part before it: one walk over the body ranges.
            let (mut total, mut reached) = (0, 0);
            let mut body = body.as_slice();
            for r in list {
                let lo = r.start.max(reached);
                if r.end > lo {
                    while body.first().is_some_and(|b| b.end <= lo) {
                        body = body.get(1..).unwrap_or_default();
                    }
                    for b in body.iter().take_while(|b| b.start < r.end) {
                        total += words.in_range(b.start.max(lo)..b.end.min(r.end));
                    }
                    reached = r.end;
                }
            }
            total
        })
        .collect()
}

/// A range of token indices.
pub type TokenRange = std::ops::Range<usize>;

/// The token range ([`token_range`]) of each body block, in order: each
/// searched from where the one before ended, as blocks are in text order.
fn body_ranges(doc: &Document) -> impl Iterator<Item = TokenRange> + '_ {
    let mut hint = 0;
    doc.body().map(move |block| {
        let r = token_range_from(doc, block.span, hint);
        hint = r.end.saturating_sub(1).max(r.start);
        r
    })
}

/// Each content piece of the attributions as its attribution's index and
/// its token range ([`token_range`]), in the order of the pieces' starts.
pub fn content_ranges(doc: &Document, attributions: &[Attribution]) -> Vec<(usize, TokenRange)> {
    let mut pieces: Vec<(usize, Span)> = attributions
        .iter()
        .enumerate()
        .flat_map(|(i, a)| a.content.iter().map(move |&c| (i, c)))
        .collect();
    pieces.sort_by_key(|(_, c)| c.start);
    pieces
        .into_iter()
        .map(|(i, c)| (i, token_range(doc, c)))
        .collect()
}

/// The indexes of the tokens that overlap `span`.
pub fn token_range(doc: &Document, span: Span) -> TokenRange {
    let lo = doc.tokens.partition_point(|t| t.span.end <= span.start);
    lo..end_from(&doc.tokens, lo, span)
}

/// [`token_range`], searched forward from token `hint`: a few steps when
/// the range starts at or a little after it (spans taken in text order),
/// the whole search when it starts before it.
pub fn token_range_from(doc: &Document, span: Span, hint: usize) -> TokenRange {
    let lo = partition_from(&doc.tokens, hint, |t| t.span.end <= span.start);
    lo..end_from(&doc.tokens, lo, span)
}

/// The end of [`token_range`] given its start `lo`. Tokens are disjoint and
/// not empty, so at most `span.len() + 1` of them overlap it: that window
/// is searched first (and the rest only if every token in it does).
fn end_from(tokens: &[Token], lo: usize, span: Span) -> usize {
    let starts_before = |t: &Token| t.span.start < span.end;
    let width = span.end.saturating_sub(span.start) as usize + 1;
    let window = tokens
        .get(lo..lo.saturating_add(width).min(tokens.len()))
        .unwrap_or_default();
    let k = window.partition_point(starts_before);
    let hi = if k < window.len() {
        lo + k
    } else {
        partition_from(tokens, lo + k, starts_before)
    };
    hi.max(lo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::fixture::{doc, find, on};
    use crate::resolve::Entity;

    fn entity(name: &str, kind: EntityKind) -> Entity {
        Entity {
            name: name.to_string(),
            kind,
            role: None,
            affiliation: None,
            mentions: Vec::new(),
            ambiguous: Vec::new(),
        }
    }

    /// Two attributions of one entity over overlapping content, one of
    /// another entity, and a hedge with no source.
    fn sample() -> (Document, Vec<Attribution>, Resolution) {
        let text = "The council met. Ana Ruiz said rents will rise next year. \
                    Officials said rents will rise. Prices reportedly fell.";
        let d = doc(text);
        let mut hedge = on(find(text, "Prices reportedly fell", 0));
        hedge.hedged = true;
        hedge.source = None;
        let list = vec![
            on(find(text, "rents will rise next year", 0)),
            on(find(text, "rents will rise", 0)),
            on(find(text, "rents will rise.", 40)),
            hedge,
        ];
        let res = Resolution {
            entities: vec![
                entity("Ana Ruiz", EntityKind::Person),
                entity("officials", EntityKind::Anonymous),
                entity("unused", EntityKind::Outlet),
            ],
            sources: vec![Some(0), Some(0), Some(1), None],
            words: vec![5, 3, 3, 3],
            ..Resolution::default()
        };
        (d, list, res)
    }

    #[test]
    fn entity_words_count_overlapping_content_once() {
        let (d, list, res) = sample();
        assert_eq!(entity_words(&Coverage::new(&d, &list), &res), vec![5, 3, 0]);
    }

    #[test]
    fn by_entity_is_sorted_by_words_with_shares_of_the_body() {
        let (d, list, res) = sample();
        let mut m = compute(&d, &list, &[false; 4]);
        m.add_sources(&Coverage::new(&d, &list), &list, &res);
        let order: Vec<(&str, usize, usize)> = m
            .by_entity
            .iter()
            .map(|s| (s.entity.as_str(), s.words, s.attributions))
            .collect();
        assert_eq!(order, vec![("e1", 5, 2), ("e2", 3, 1), ("e3", 0, 0)]);
        let first = m.by_entity.first().map_or(0.0, |s| s.share);
        assert!((first - 5.0 / m.body_words as f64).abs() < 1e-9);
    }

    #[test]
    fn sources_by_kind_counts_distinct_cited_entities() {
        let (d, list, res) = sample();
        let mut m = compute(&d, &list, &[false; 4]);
        m.add_sources(&Coverage::new(&d, &list), &list, &res);
        let kinds: Vec<(EntityKind, usize)> = m.sources_by_kind.into_iter().collect();
        assert_eq!(
            kinds,
            vec![(EntityKind::Person, 1), (EntityKind::Anonymous, 1)]
        );
        assert_eq!(m.anonymous_attributions, 1);
        assert_eq!(m.hedged_attributions, 1);
    }

    #[test]
    fn sentence_counts_add_up_by_provenance() {
        let c = SentenceCounts::count([
            Provenance::Secondhand,
            Provenance::Unattributed,
            Provenance::Secondhand,
        ]);
        assert_eq!((c.secondhand, c.attributed, c.unattributed), (2, 0, 1));
    }

    #[test]
    fn sources_by_kind_serialises_with_kind_names() {
        let mut m = Metrics::default();
        m.sources_by_kind.insert(EntityKind::Outlet, 2);
        let v = serde_json::to_value(&m).unwrap_or_default();
        assert_eq!(v["sources_by_kind"]["outlet"], 2);
    }

    #[test]
    fn token_range_from_and_word_counts_agree_with_a_walk() {
        let (d, _, _) = sample();
        let words = WordCounts::new(&d);
        let len = d.text.len() as u32;
        for start in 0..len {
            for end in start..=len.min(start + 30) {
                let span = Span { start, end };
                let want = token_range(&d, span);
                for hint in [0, 3, 7, d.tokens.len()] {
                    assert_eq!(token_range_from(&d, span, hint), want);
                }
                let walk = d.tokens.get(want.clone()).unwrap_or_default();
                let n = walk.iter().filter(|t| t.kind.is_word()).count();
                assert_eq!(words.in_range(want), n);
            }
        }
    }
}
