//! Metrics: shares of body words by provenance.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::document::Document;
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

/// Counts body words inside attributed content, and inside secondhand
/// content (`secondhand[i]` says whether attribution `i` is secondhand).
/// A word counts once however many attributions cover it.
pub fn compute(doc: &Document, attributions: &[Attribution], secondhand: &[bool]) -> Metrics {
    // One flag byte a token: bit 0 attributed, bit 1 secondhand.
    let mut flags = vec![0u8; doc.tokens.len()];
    for (i, a) in attributions.iter().enumerate() {
        let bits = if secondhand.get(i).copied().unwrap_or(false) {
            3
        } else {
            1
        };
        for &c in &a.content {
            for f in flags.get_mut(token_range(doc, c)).unwrap_or(&mut []) {
                *f |= bits;
            }
        }
    }
    let (mut body, mut attributed, mut second) = (0, 0, 0);
    for block in doc.body() {
        let range = token_range(doc, block.span);
        let tokens = doc.tokens.get(range.clone()).unwrap_or(&[]);
        let block_flags = flags.get(range).unwrap_or(&[]);
        for (t, f) in tokens.iter().zip(block_flags) {
            if t.kind.is_word() {
                body += 1;
                attributed += usize::from(f & 1 != 0);
                second += usize::from(f & 2 != 0);
            }
        }
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
        doc: &Document,
        attributions: &[Attribution],
        resolution: &Resolution,
    ) {
        let words = entity_words(doc, attributions, resolution);
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
/// whose source resolves to it. Linear in the tokens of each entity's
/// content plus the body blocks and the content pieces (sorted once per
/// entity): no per-token array of the whole text is made.
pub fn entity_words(
    doc: &Document,
    attributions: &[Attribution],
    resolution: &Resolution,
) -> Vec<usize> {
    if resolution.sources.iter().all(Option::is_none) {
        return vec![0; resolution.entities.len()];
    }
    let body = body_token_ranges(doc);
    let mut ranges: Vec<Vec<std::ops::Range<usize>>> = vec![Vec::new(); resolution.entities.len()];
    for (i, a) in attributions.iter().enumerate() {
        let Some(list) = resolution
            .sources
            .get(i)
            .copied()
            .flatten()
            .and_then(|e| ranges.get_mut(e))
        else {
            continue;
        };
        list.extend(a.content.iter().map(|&c| token_range(doc, c)));
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
                        total += word_tokens(doc, b.start.max(lo)..b.end.min(r.end));
                    }
                    reached = r.end;
                }
            }
            total
        })
        .collect()
}

/// The token ranges of the body blocks ([`token_range`]), in order, those
/// that share a token merged: disjoint, so a token is in at most one.
fn body_token_ranges(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for block in doc.body() {
        let r = token_range(doc, block.span);
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ if r.is_empty() => {}
            _ => out.push(r),
        }
    }
    out
}

/// The number of word tokens in a range of token indices.
fn word_tokens(doc: &Document, range: std::ops::Range<usize>) -> usize {
    doc.tokens
        .get(range)
        .unwrap_or_default()
        .iter()
        .filter(|t| t.kind.is_word())
        .count()
}

/// The indexes of the tokens that overlap `span`.
pub fn token_range(doc: &Document, span: Span) -> std::ops::Range<usize> {
    let lo = doc.tokens.partition_point(|t| t.span.end <= span.start);
    let hi = doc.tokens.partition_point(|t| t.span.start < span.end);
    lo..hi.max(lo)
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
        assert_eq!(entity_words(&d, &list, &res), vec![5, 3, 0]);
    }

    #[test]
    fn by_entity_is_sorted_by_words_with_shares_of_the_body() {
        let (d, list, res) = sample();
        let mut m = compute(&d, &list, &[false; 4]);
        m.add_sources(&d, &list, &res);
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
        m.add_sources(&d, &list, &res);
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
}
