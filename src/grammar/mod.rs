//! The attribution grammar: finds cue, source and content of every
//! attribution in a [`Document`].
//!
//! Layers, each with one input type (see each module's doc):
//!
//! - [`view`]: the document as tokens with lowercase text, lines and
//!   sentences (input: [`Document`]).
//! - [`quotes`]: quotation regions per line and their continuation.
//! - [`phrases`]: nom grammars over `&str` for "according to", "as per",
//!   "as was noted in", "Indicated in X was that", "First reported by",
//!   "in a CNN poll"; this module drives them and adds "per X", "via X",
//!   "as X put it", speaker colons ("LEE: …") and quoted paragraphs that
//!   continue the last speaker.
//! - [`cue`]: the verb group of a cue and what follows it.
//! - [`verbs`]: the orders of source, cue and content around cue verbs.
//! - [`nouns`]: noun cues ("X's claim that …").
//! - [`source`], [`content`]: the extents of sources and contents.
//! - [`hedge`]: "reportedly", "allegedly".
//! - [`credit`]: credit lines ("X contributed to this report", "h/t: X").
//!
//! Attributions nested in another's content get `via`. PolNeAR flattens
//! them; the product keeps those that link a source chain (a verb of
//! report with a named source, outside direct quotations) and drops the
//! rest (a quoted speaker's "I think", participles, beliefs).

pub mod content;
pub mod credit;
pub mod cue;
pub mod hedge;
pub mod nouns;
pub mod phrases;
pub mod quotes;
pub mod source;
pub mod verbs;
pub mod view;

use serde::Serialize;

use crate::document::Document;
use crate::span::Span;
use quotes::Quotes;
use view::{Sent, View, EM_DASH};

/// The construction an attribution was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributionKind {
    /// A verb of saying, reporting, believing: "X said (that) …", "…, X said."
    Verb,
    /// "according to X", "as per X", "per X", "via X", "in a poll"; "citing X" is a participle.
    AccordingTo,
    /// "X reported", "First reported by X", "as reported by X".
    ReportedBy,
    /// "Revealed in the Post report was that …", "as was noted in X".
    Passive,
    /// "reportedly", "allegedly": no source.
    Hedge,
    /// A noun cue: "X's claim that …".
    Noun,
    /// A direct quotation introduced by a colon or continuing the last speaker.
    Quote,
    /// A credit line: "X contributed to this report", "h/t: X". The source
    /// is one the outlet drew on; there is no content.
    Credit,
}

/// One attribution: the cue, its source and its content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attribution {
    pub kind: AttributionKind,
    pub cue: Span,
    /// `None` where the text names no source ("reportedly").
    pub source: Option<Span>,
    /// One or more pieces, in text order; a piece never crosses a paragraph.
    pub content: Vec<Span>,
    /// Index (into the returned list) of the attribution this one is
    /// reported inside.
    pub via: Option<usize>,
    /// Hedged with no source ("reportedly", "allegedly").
    pub hedged: bool,
}

/// An attribution as token ranges, before it becomes byte spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub kind: AttributionKind,
    pub cue: (usize, usize),
    pub source: Option<(usize, usize)>,
    pub content: Vec<(usize, usize)>,
    pub hedged: bool,
    /// Whether, nested in another's content, it is kept as a link of a
    /// source chain (finite speech and report cues, not participles).
    pub chain: bool,
}

impl Found {
    /// A found attribution, not hedged.
    pub fn new(
        kind: AttributionKind,
        cue: (usize, usize),
        source: Option<(usize, usize)>,
        content: Vec<(usize, usize)>,
    ) -> Found {
        Found {
            kind,
            cue,
            source,
            content,
            hedged: false,
            chain: matches!(
                kind,
                AttributionKind::Verb
                    | AttributionKind::AccordingTo
                    | AttributionKind::ReportedBy
                    | AttributionKind::Passive
            ),
        }
    }

    /// Whether token `i` lies in this attribution's cue or source.
    fn holds(&self, i: usize) -> bool {
        (self.cue.0 <= i && i < self.cue.1) || self.source.is_some_and(|(a, b)| a <= i && i < b)
    }
}

/// Finds the attributions of the document, in order of their cue.
pub fn find(doc: &Document) -> Vec<Attribution> {
    let v = View::new(doc);
    let q = Quotes::new(&v);
    let mut found: Vec<Found> = Vec::new();
    for sent in &v.sents {
        let first = found.len();
        let mut here = Vec::new();
        credit::credits(&v, sent, &mut here);
        prepositional(&v, &q, sent, &mut here);
        verbs::verbs(&v, &q, sent, &mut here);
        nouns::nouns(&v, &q, sent, &mut here);
        hedge::hedges(&v, &q, sent, &mut here);
        for f in here {
            let clash = found
                .get(first..)
                .unwrap_or(&[])
                .iter()
                .any(|g| (f.cue.0..f.cue.1).any(|i| g.holds(i)));
            if !clash {
                found.push(f);
            }
        }
    }
    speaker_lines(&v, &q, &mut found);
    found.sort_by_key(|f| f.cue);
    quoted_lines(&v, &q, &mut found);
    found.sort_by_key(|f| f.cue);
    for f in &mut found {
        clamp_to_quote(&q, f);
    }
    // Quotation marks with no word between them quote nothing.
    found.retain(|f| {
        f.kind != AttributionKind::Quote
            || f.content.iter().any(|&(a, b)| (a..b).any(|j| v.is_word(j)))
    });
    let vias = Spans::of(&v, &found).vias();
    let keep: Vec<bool> = vias
        .iter()
        .zip(&found)
        .map(|(via, f)| {
            if via.is_none() {
                !quoted_aside(&v, &q, f)
            } else {
                chain_worthy(&v, &q, f)
            }
        })
        .collect();
    let kept: Vec<Found> = found
        .into_iter()
        .zip(&keep)
        .filter_map(|(f, &k)| k.then_some(f))
        .collect();
    to_attributions(&v, &kept)
}

/// The most words of a speaker's name before a colon.
const MAX_SPEAKER_WORDS: usize = 3;

/// Words that open a line with a colon but name no speaker.
const NOT_SPEAKERS: &[&[u8]] = &[
    b"update",
    b"note",
    b"related",
    b"read",
    b"watch",
    b"editor",
    b"source",
    b"sources",
    b"photo",
    b"video",
    b"see",
    b"also",
    b"correction",
    b"advertisement",
    b"image",
    b"credit",
    b"tags",
    b"share",
    b"posted",
    b"the",
    b"a",
    b"an",
    b"and",
    b"but",
    b"in",
    b"on",
    b"at",
    b"for",
    b"here",
    b"why",
    b"what",
    b"how",
    b"breaking",
];

/// speaker_line := Name{1,3} ":" text at a sentence start — transcripts
/// ("SMITH: We will …", "Q: …") and headline shorthand ("Trump: …"): the
/// colon is the cue.
fn speaker_lines(v: &View, q: &Quotes, found: &mut Vec<Found>) {
    let mut extra = Vec::new();
    let mut cues_at: Vec<usize> = found.iter().map(|f| f.cue.0).collect();
    cues_at.sort_unstable();
    for sent in &v.sents {
        let ls = sent.start;
        let Some(&(line_start, le)) = v.lines.get(sent.line) else {
            continue;
        };
        let mut k = ls;
        while k < le && k - ls < MAX_SPEAKER_WORDS && v.is_cap(k) && !v.is_a(k, Class::Preposition)
        {
            k += 1;
        }
        if k == ls || !v.is_punct(k, ":") || NOT_SPEAKERS.contains(&v.w(ls)) {
            continue;
        }
        let first_cue = cues_at.partition_point(|&c| c < ls);
        if cues_at.get(first_cue).is_some_and(|&c| c <= k) {
            continue;
        }
        // At a line start the rest of the line is the content (a
        // transcript turn, a headline); mid-line, the rest of the sentence
        // or the quotation that follows ("… ISIS.” Bush: “…”).
        let content = if ls == line_start {
            let mut end = le;
            while end > k + 1 && !v.is_word(end - 1) && !v.is_quote(end - 1) {
                end -= 1;
            }
            if !(k + 1..end).any(|j| v.is_word(j)) {
                continue;
            }
            vec![(k + 1, end)]
        } else {
            if !v.is_open_quote(k + 1) {
                continue;
            }
            let Some(c) = content::forward(v, q, sent, k + 1) else {
                continue;
            };
            c
        };
        let mut f = Found::new(AttributionKind::Quote, (k, k + 1), Some((ls, k)), content);
        f.chain = false;
        extra.push(f);
    }
    found.extend(extra);
}

/// How many lines back a quoted paragraph looks for its speaker.
const SPEAKER_LINES: usize = 4;

/// Paragraphs that open with a quotation and hold no attribution: the
/// quotation continues the last speaker (kind `Quote`, the opening mark as
/// cue, the last source within [`SPEAKER_LINES`] lines, or none).
fn quoted_lines(v: &View, q: &Quotes, found: &mut Vec<Found>) {
    let mut extra = Vec::new();
    let mut fi = 0;
    // Lines whose opening quotation is already content, or that hold a cue
    // outside their quotations.
    let mut covered = vec![false; v.lines.len()];
    for f in found.iter() {
        let cue_line = v.lines.partition_point(|l| l.1 <= f.cue.0);
        if q.at(f.cue.0).is_none() {
            if let Some(c) = covered.get_mut(cue_line) {
                *c = true;
            }
        }
        for p in &f.content {
            let li = v.lines.partition_point(|l| l.1 <= p.0);
            if v.lines.get(li).is_some_and(|l| p.0 <= l.0 && l.0 < p.1) {
                if let Some(c) = covered.get_mut(li) {
                    *c = true;
                }
            }
        }
    }
    for (li, &(ls, le)) in v.lines.iter().enumerate() {
        if !v.is_open_quote(ls) {
            continue;
        }
        while found.get(fi).is_some_and(|f| f.cue.0 < ls) {
            fi += 1;
        }
        if covered.get(li).copied().unwrap_or(true) {
            continue;
        }
        let Some((_, end)) = q.last_end_opening_in(ls, le) else {
            continue;
        };
        let lo = v
            .lines
            .get(li.saturating_sub(SPEAKER_LINES))
            .map_or(0, |l| l.0);
        let source = found
            .get(..fi)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take_while(|f| f.cue.0 >= lo)
            .find_map(|f| f.source);
        let mut end = end;
        while end > ls && !v.is_word(end - 1) && !v.is_quote(end - 1) {
            end -= 1;
        }
        extra.push(Found::new(
            AttributionKind::Quote,
            (ls, ls + 1),
            source,
            vec![(ls, end)],
        ));
    }
    found.extend(extra);
}

/// A cue inside a quotation is the quoted speaker's: its content stays
/// inside that quotation.
fn clamp_to_quote(q: &Quotes, f: &mut Found) {
    let Some(reg) = q.at(f.cue.0).and_then(|r| q.get(r)) else {
        return;
    };
    f.content.retain(|p| p.0 < reg.end);
    for p in &mut f.content {
        p.1 = p.1.min(reg.end);
    }
}

/// A cue inside a quotation of several words with no source or a pronoun
/// source ("… and I think that’s shameful.”"): the quoted speaker's aside,
/// which belongs to the quotation's own attribution.
fn quoted_aside(v: &View, q: &Quotes, f: &Found) -> bool {
    let Some(reg) = q.at(f.cue.0).and_then(|r| q.get(r)) else {
        return false;
    };
    let words = (reg.open..reg.end)
        .filter(|&k| v.is_word(k))
        .take(5)
        .count();
    let pronoun = f
        .source
        .is_none_or(|(a, b)| b == a + 1 && (v.is_a(a, Class::Pronoun) || v.w(a) == b"me"));
    words >= 5 && pronoun
}

/// Whether a nested attribution adds a link to a source chain: its source
/// is a name or a noun phrase (not a pronoun) and it is not the quoted
/// speaker's own aside inside a direct quotation.
fn chain_worthy(v: &View, q: &Quotes, f: &Found) -> bool {
    let Some((a, b)) = f.source else {
        return false;
    };
    let named = (a..b).any(|k| v.is_cap(k) || v.is_anonymous_head(k));
    f.chain && named && q.at(f.cue.0).is_none()
}

/// The byte spans of found attributions: each cue, and the content pieces
/// of all of them in one list.
struct Spans {
    cues: Vec<Span>,
    /// Every attribution's content pieces, one after another.
    pieces: Vec<Span>,
    /// Per attribution: the range of its pieces in `pieces`.
    ranges: Vec<(usize, usize)>,
}

impl Spans {
    /// The spans of `found`.
    fn of(v: &View, found: &[Found]) -> Spans {
        let mut pieces = Vec::with_capacity(found.len() * 2);
        let mut ranges = Vec::with_capacity(found.len());
        for f in found {
            let a = pieces.len();
            pieces.extend(f.content.iter().map(|&(a, b)| v.span(a, b)));
            ranges.push((a, pieces.len()));
        }
        Spans {
            cues: found.iter().map(|f| v.span(f.cue.0, f.cue.1)).collect(),
            pieces,
            ranges,
        }
    }

    /// The content pieces of attribution `i`.
    fn content(&self, i: usize) -> &[Span] {
        self.ranges
            .get(i)
            .and_then(|&(a, b)| self.pieces.get(a..b))
            .unwrap_or(&[])
    }

    /// Per attribution: the innermost other attribution whose content holds
    /// its cue (none where that one is in turn inside this one). The cues
    /// are in text order (the attributions are sorted by cue).
    fn vias(&self) -> Vec<Option<usize>> {
        let n = self.cues.len();
        // Per attribution: the innermost holder so far and its piece's
        // length. Contents are bounded by lines, so a window of neighbours
        // suffices: attribution `j` may hold the cues of `j - 23 ..= j + 24`.
        let mut best: Vec<Option<(usize, u32)>> = vec![None; n];
        for j in 0..n {
            let content = self.content(j);
            // The span covering the content: the cues inside it are a run
            // of the sorted cues, found by a binary search.
            let Some(hull) = content.iter().copied().reduce(Span::cover) else {
                continue;
            };
            let lo = j.saturating_sub(23);
            let window = self.cues.get(lo..(j + 25).min(n)).unwrap_or_default();
            let first = window.partition_point(|c| c.start < hull.start);
            let inside = window.get(first..).unwrap_or_default();
            for (i, &cue) in (lo + first..).zip(inside) {
                if cue.start > hull.end {
                    break;
                }
                if i == j || !hull.contains(cue) {
                    continue;
                }
                let Some(b) = best.get_mut(i) else {
                    continue;
                };
                for c in content {
                    if c.contains(cue) && b.is_none_or(|(_, len)| c.end - c.start < len) {
                        *b = Some((j, c.end - c.start));
                    }
                }
            }
        }
        let mut via: Vec<Option<usize>> = vec![None; n];
        for (i, b) in best.iter().enumerate() {
            if let Some((j, _)) = *b {
                // A holder read before this one that this one holds.
                let back = via.get(j).is_some_and(|&o| o == Some(i));
                if let Some(a) = via.get_mut(i).filter(|_| !back) {
                    *a = Some(j);
                }
            }
        }
        via
    }
}

/// Converts token ranges to spans and links nested attributions.
fn to_attributions(v: &View, found: &[Found]) -> Vec<Attribution> {
    let spans = Spans::of(v, found);
    let via = spans.vias();
    found
        .iter()
        .zip(&spans.cues)
        .zip(via)
        .enumerate()
        .map(|(i, ((f, &cue), via))| Attribution {
            kind: f.kind,
            cue,
            source: f.source.map(|(a, b)| v.span(a, b)),
            content: spans.content(i).to_vec(),
            via,
            hedged: f.hedged,
        })
        .collect()
}

/// Maps a phrase parser's byte length at token `i` back to a token end.
fn tokens_covering(v: &View, i: usize, len: usize, end: usize) -> Option<usize> {
    let start = v.toks.get(i)?.span.start();
    let stop = start + len;
    let mut k = i;
    while k < end && v.toks.get(k)?.span.end() <= stop {
        k += 1;
    }
    (k > i).then_some(k)
}

/// The sentence text from token `i`, lowercased, for the phrase parsers.
fn rest<'a>(v: &'a View, i: usize, sent: &Sent) -> &'a str {
    let a = v.toks.get(i).map_or(0, |t| t.span.start());
    let b = v.span(i, sent.end).end();
    v.lower.get(a..b).unwrap_or("")
}

/// Prepositional and passive cues of a sentence: "according to X",
/// "as per X", "per X", "as was noted in X", "Indicated in X was that",
/// "First reported by X, …".
fn prepositional(v: &View, q: &Quotes, sent: &Sent, out: &mut Vec<Found>) {
    // The last token of the sentence that starts with a poll word, once
    // looked for.
    let mut last_poll: Option<Option<usize>> = None;
    let first_word = (sent.start..sent.end).find(|&k| v.is_word(k));
    // Past the sentence start every phrase opens with a word that starts
    // as the text does ([`View::phrase_starts`]).
    let later = v
        .phrase_starts(sent)
        .iter()
        .copied()
        .filter(|&k| Some(k) > first_word);
    // Where the next cue may start: after the last one found.
    let mut next = sent.start;
    for i in first_word.into_iter().chain(later) {
        if i < next {
            continue;
        }
        let at_start = Some(i) == first_word;
        let text = rest(v, i, sent);
        let put_it = if v.w(i) == b"as" {
            as_put_it(v, q, sent, i)
        } else {
            None
        };
        // "in a poll" needs a token starting with a poll word after "in".
        let poll_ahead = text.starts_with("in")
            && *last_poll.get_or_insert_with(|| v.poll_starts(sent).last().copied()) > Some(i);
        let found = if let Some(n) = phrases::run(&["according"], phrases::according_to, text)
            .or_else(|| phrases::run(&["as"], phrases::as_per, text))
        {
            tokens_covering(v, i, n, sent.end)
                .and_then(|ce| around_np(v, q, sent, (i, ce), AttributionKind::AccordingTo))
        } else if matches!(v.w(i), b"per" | b"via")
            && (at_start || v.is_punct(i.wrapping_sub(1), ","))
            && (v.is_cap(i + 1) || v.is_a(i + 1, Class::Determiner))
        {
            around_np(v, q, sent, (i, i + 1), AttributionKind::AccordingTo)
        } else if put_it.is_some() {
            put_it
        } else if let Some(n) = poll_ahead
            .then(|| phrases::run(&["in"], phrases::in_poll, text))
            .flatten()
        {
            tokens_covering(v, i, n, sent.end).and_then(|pe| in_poll(v, q, sent, i, pe))
        } else if let Some(n) = phrases::run(&["as"], phrases::as_was, text) {
            // "as reported by X" is a report; "as was noted in X" a passive.
            let kind = if text.get(..n).is_some_and(|t| t.contains("reported")) {
                AttributionKind::ReportedBy
            } else {
                AttributionKind::Passive
            };
            tokens_covering(v, i, n, sent.end).and_then(|ce| around_np(v, q, sent, (i, ce), kind))
        } else if at_start && phrases::may_front_passive(text) {
            phrases::run(&[], phrases::passive_front, text)
                .and_then(|n| tokens_covering(v, i, n, sent.end))
                .and_then(|ce| passive_front(v, q, sent, (i, ce)))
        } else {
            None
        };
        if let Some(f) = found {
            next = f.cue.1;
            out.push(f);
        }
    }
}

use crate::lexicon::cues::{self, Class};

/// "according to NP, C" / "C, according to NP" / "C, as was noted in NP":
/// the source runs to a comma or the sentence end, the content is the rest
/// of the sentence on either side.
fn around_np(
    v: &View,
    q: &Quotes,
    sent: &Sent,
    cue: (usize, usize),
    kind: AttributionKind,
) -> Option<Found> {
    let (cs, ce) = cue;
    let mut e = ce;
    while e < sent.end && e - ce < source::MAX_NP + 6 && !v.is_punct(e, ",") && !v.is_quote(e) {
        if matches!(v.raw(e), b";" | EM_DASH | b"(" | b":") {
            break;
        }
        e += 1;
    }
    let mut se = e;
    while se > ce && !v.is_word(se - 1) {
        se -= 1;
    }
    if se == ce {
        return None;
    }
    let src = (ce, se);
    let mut content = Vec::new();
    if let Some(p) = content::backward(v, q, sent, cs) {
        content.push(p);
    }
    if e < sent.end && v.is_punct(e, ",") {
        if let Some(p) = content::forward(v, q, sent, e + 1) {
            content.extend(p);
        }
    }
    if content.is_empty() {
        return None;
    }
    Some(Found::new(kind, cue, Some(src), content))
}

/// as_put_it := "as" NP ("put" | "puts") "it" — "C, as the mayor put it."
/// and "As the mayor put it, C": the cue is "put it".
fn as_put_it(v: &View, q: &Quotes, sent: &Sent, i: usize) -> Option<Found> {
    let put = (i + 2..sent.end.min(i + 9)).find(|&k| matches!(v.w(k), b"put" | b"puts"))?;
    if v.w(put + 1) != b"it" || !(i + 1..put).all(|k| v.is_word(k) || v.is_punct(k, ".")) {
        return None;
    }
    let at_start = (sent.start..i).all(|k| !v.is_word(k));
    let content = if at_start {
        let comma = (put + 2..sent.end.min(put + 4)).find(|&k| v.is_punct(k, ","))?;
        content::forward(v, q, sent, comma + 1)?
    } else {
        vec![content::backward(v, q, sent, i)?]
    };
    Some(Found::new(
        AttributionKind::Verb,
        (put, put + 2),
        Some((i + 1, put)),
        content,
    ))
}

/// "In a CNN poll, C" / "X leads in the polls": the cue is "in", the poll
/// the source, the content the rest of the sentence on its side.
fn in_poll(v: &View, q: &Quotes, sent: &Sent, i: usize, poll_end: usize) -> Option<Found> {
    let src = (i + 1, poll_end);
    // A poll named with a determiner ("in the polls", "in a CNN poll").
    let det = matches!(
        v.w(i + 1),
        b"a" | b"an" | b"the" | b"this" | b"that" | b"its" | b"their" | b"his" | b"her"
    );
    let movement = i > sent.start
        && matches!(
            v.w(i - 1),
            b"drop" | b"dip" | b"slide" | b"rise" | b"slid" | b"fell" | b"digits" | b"behind"
        );
    let at_start = (sent.start..i).all(|k| !v.is_word(k));
    if !det || movement || !at_start && v.w(i + 1) != b"the" {
        return None;
    }
    let content = if at_start {
        let comma = (poll_end..sent.end.min(poll_end + 12)).find(|&k| v.is_punct(k, ","))?;
        content::forward(v, q, sent, comma + 1)?
    } else {
        vec![content::backward(v, q, sent, i)?]
    };
    let mut f = Found::new(AttributionKind::AccordingTo, (i, i + 1), Some(src), content);
    f.chain = false;
    Some(f)
}

/// "Indicated in NP was that C" and "First reported by NP, C".
fn passive_front(v: &View, q: &Quotes, sent: &Sent, cue: (usize, usize)) -> Option<Found> {
    let (cs, ce) = cue;
    // Before a comma only a verb of reporting makes a source ("First
    // reported by X, …"; not "Backed by the party, …").
    let reporting = (cs..ce).any(|k| {
        v.verb(k)
            .is_some_and(|f| matches!(f.class, cues::CueClass::Speech | cues::CueClass::Evidence))
    });
    let mut e = ce;
    while e < sent.end && e - ce < source::MAX_NP {
        if v.is_punct(e, ",") {
            if !reporting {
                return None;
            }
            let content = content::forward(v, q, sent, e + 1)?;
            return Some(Found::new(
                AttributionKind::ReportedBy,
                cue,
                Some((ce, e)),
                content,
            ));
        }
        if let Some(n) = phrases::run(&["was", "is"], phrases::was_that, rest(v, e, sent)) {
            let c = tokens_covering(v, e, n, sent.end)?;
            let content = content::forward(v, q, sent, c)?;
            return Some(Found::new(
                AttributionKind::Passive,
                cue,
                Some((ce, e)),
                content,
            ));
        }
        e += 1;
    }
    None
}

#[cfg(test)]
mod tests;
