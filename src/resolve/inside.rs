//! Which attribution each attribution is reported inside, and so which
//! attributions are secondhand.
//!
//! An attribution is reported inside another, the first of:
//!
//! 1. its `via`, as the grammar found it;
//! 2. the attribution whose content contains its source mention, the
//!    smallest such piece ("the Post report said that Haurek emphasized …":
//!    Haurek is inside the Post's content);
//! 3. for a source that is not a publication, the attribution sourced to a
//!    publication (outlet or document) whose content overlaps its own most
//!    ("according to people familiar with it, …, as the Post report said");
//! 4. for a pronoun source, the publication attribution whose content holds
//!    the pronoun's antecedent ("…, the officials objected, the Post said.
//!    They argued …": the officials are the Post's).
//!
//! Content pieces are sorted once; each lookup reads at most
//! [`super::LOOKBACK`] pieces before its position, so all of this is
//! `O(n log n)` in the number of attributions.

use foldhash::HashSet;

use super::{EntityKind, Resolution, LOOKBACK};
use crate::grammar::Attribution;
use crate::span::Span;

/// Content pieces sorted by start, each with its attribution, and for
/// each piece the furthest end of it and the pieces before it, so that a
/// lookup skips the run of early pieces that all end before what it needs.
pub(crate) struct Pieces {
    pieces: Vec<(Span, usize)>,
    /// `reach[k]`: the largest end among `pieces[..=k]` (never decreasing).
    reach: Vec<u32>,
}

impl Pieces {
    /// The content pieces of the attributions `keep` accepts.
    pub(crate) fn of(attributions: &[Attribution], keep: impl Fn(usize) -> bool) -> Pieces {
        let count = attributions.iter().map(|a| a.content.len()).sum();
        let mut pieces: Vec<(Span, usize)> = Vec::with_capacity(count);
        pieces.extend(
            attributions
                .iter()
                .enumerate()
                .filter(|&(i, _)| keep(i))
                .flat_map(|(i, a)| a.content.iter().map(move |&c| (c, i)))
                .filter(|(c, _)| !c.is_empty()),
        );
        pieces.sort_unstable();
        let mut furthest = 0;
        let reach = pieces
            .iter()
            .map(|(p, _)| {
                furthest = furthest.max(p.end);
                furthest
            })
            .collect();
        Pieces { pieces, reach }
    }

    /// The pieces that start before `end`, the nearest [`LOOKBACK`], less
    /// those at the front that (with every piece before them) end before
    /// `reaching`: none of those ends at or after `reaching`.
    fn before(&self, end: u32, reaching: u32) -> &[(Span, usize)] {
        let upto = self.pieces.partition_point(|(p, _)| p.start < end);
        let lo = upto.saturating_sub(LOOKBACK);
        let ends = self.reach.get(lo..upto).unwrap_or_default();
        let first = lo + ends.partition_point(|&r| r < reaching);
        self.pieces.get(first..upto).unwrap_or_default()
    }

    /// The attribution (other than those `skip` names) with the smallest
    /// piece that contains `span`.
    pub(crate) fn smallest_containing(
        &self,
        span: Span,
        skip: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        // A piece that contains `span` ends at or after its end.
        self.before(span.end, span.end)
            .iter()
            .filter(|(p, j)| p.contains(span) && !skip(*j))
            .min_by_key(|(p, _)| p.len())
            .map(|&(_, j)| j)
    }

    /// The attribution (other than those `skip` names) whose pieces overlap
    /// `content` most.
    fn most_overlapping(&self, content: &[Span], skip: impl Fn(usize) -> bool) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for c in content {
            // A piece that overlaps `c` ends after its start.
            for &(p, j) in self.before(c.end, c.start.saturating_add(1)) {
                let overlap = p.end.min(c.end).saturating_sub(p.start.max(c.start)) as usize;
                if overlap > 0 && !skip(j) && best.is_none_or(|(o, _)| o < overlap) {
                    best = Some((overlap, j));
                }
            }
        }
        best.map(|(_, j)| j)
    }
}

/// For each attribution, the attribution it is reported inside (see the
/// module doc).
pub fn reported_inside(
    attributions: &[Attribution],
    resolution: &Resolution,
) -> Vec<Option<usize>> {
    let publication = |i: usize| {
        resolution
            .source_kind(i)
            .is_some_and(EntityKind::is_publication)
    };
    let all = Pieces::of(attributions, |_| true);
    let published = Pieces::of(attributions, publication);
    attributions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let via = a.via.filter(|&v| v != i && v < attributions.len());
            // Never itself, nor one the grammar put inside this one: "According
            // to X, …, as per the Post report" has X inside the Post, even where
            // X's content runs on over "the Post report".
            let skip = |j: usize| j == i || attributions.get(j).and_then(|b| b.via) == Some(i);
            via.or_else(|| a.source.and_then(|s| all.smallest_containing(s, skip)))
                .or_else(|| {
                    (!publication(i) && a.source.is_some())
                        .then(|| published.most_overlapping(&a.content, skip))
                        .flatten()
                })
                .or_else(|| {
                    let antecedent = resolution.antecedents.get(i).copied().flatten()?;
                    published.smallest_containing(antecedent, skip)
                })
        })
        .collect()
}

/// The attributions `i` is reported inside, nearest first; stops at a
/// repeated attribution.
pub fn chain(inside: &[Option<usize>], i: usize) -> impl Iterator<Item = usize> + '_ {
    let mut seen = HashSet::from_iter([i]);
    let mut at = inside.get(i).copied().flatten();
    std::iter::from_fn(move || {
        let j = at?;
        if !seen.insert(j) {
            return None;
        }
        at = inside.get(j).copied().flatten();
        Some(j)
    })
}

/// Whether each attribution is secondhand: hedged, sourced to a
/// publication (outlet or document), or reported inside (at any depth) an
/// attribution that is hedged or sourced to a publication.
///
/// Each attribution's answer is computed once and reused by those reported
/// inside it, so deep nesting stays linear; a cycle counts as not
/// secondhand unless one of its members is.
pub fn is_secondhand(attributions: &[Attribution], resolution: &Resolution) -> Vec<bool> {
    is_secondhand_in(
        attributions,
        resolution,
        &reported_inside(attributions, resolution),
    )
}

/// [`is_secondhand`] with what each attribution is reported inside
/// ([`reported_inside`]) found already.
pub fn is_secondhand_in(
    attributions: &[Attribution],
    resolution: &Resolution,
    inside: &[Option<usize>],
) -> Vec<bool> {
    let direct = |i: usize| {
        attributions.get(i).is_some_and(|a| a.hedged)
            || resolution
                .source_kind(i)
                .is_some_and(EntityKind::is_publication)
    };
    let n = attributions.len();
    let mut known: Vec<Option<bool>> = vec![None; n];
    // The walk (reused), and for each attribution the number of the last
    // walk it was on plus one (0: none), to find a repeat on this walk.
    let mut walk = Vec::new();
    let mut on_walk: Vec<usize> = vec![0; n.max(inside.len())];
    for start in 0..n {
        // Walk up until an attribution whose answer is known, a direct one
        // or a repeat; then give every attribution on the walk the answer.
        let mut at = Some(start);
        let mut answer = false;
        while let Some(i) = at {
            if let Some(k) = known.get(i).copied().flatten() {
                answer = k;
                break;
            }
            if direct(i) {
                answer = true;
                walk.push(i);
                break;
            }
            match on_walk.get_mut(i) {
                Some(mark) if *mark == start + 1 => break,
                Some(mark) => *mark = start + 1,
                // Past `inside`: the walk ends after it anyway.
                None => {}
            }
            walk.push(i);
            at = inside.get(i).copied().flatten();
        }
        for i in walk.drain(..) {
            if let Some(slot) = known.get_mut(i) {
                *slot = Some(answer || direct(i));
            }
        }
    }
    known.into_iter().map(|k| k.unwrap_or(false)).collect()
}
