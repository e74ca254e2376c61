//! Blocks: paragraphs and lines, classified.
//!
//! [`segment`] first cuts the text into blocks: the spans the markup hints
//! give (HTML, Markdown), and elsewhere paragraphs separated by blank lines,
//! where a paragraph whose lines are not one hard-wrapped paragraph (a stack
//! of short lines such as a weather widget, a place and a date) becomes one
//! block a line. It then classifies each block from its features: page
//! furniture phrases and patterns ([`crate::lexicon::chrome`]), byline and
//! dateline shapes, dates, the title, its length and punctuation, and its
//! place before the headline or after the body.

use std::ops::Range;

use serde::Serialize;

use super::Token;
use crate::input::BlockHint;
use crate::lexicon::{self, chrome};
use crate::span::Span;

/// What a block is to the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Headline,
    Byline,
    Dateline,
    Body,
    /// Page furniture: advertisements, widgets, navigation, "Related
    /// Articles", "Donate"…
    Chrome,
}

/// A paragraph or line of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
    /// Number of words of its text (runs of letters and digits, as
    /// [`chrome::word_count`] counts them), counted once when the text is
    /// segmented.
    #[serde(skip)]
    pub words: usize,
}

/// Lines longer than this (in characters) are not hard-wrapped prose.
const WRAP_WIDTH: usize = 100;
/// A title has at least this many words (shorter lines above the headline
/// are places and labels).
const TITLE_MIN_WORDS: usize = 4;
/// A title has at most this many words.
const TITLE_MAX_WORDS: usize = 30;
/// Blocks of at most this many words without sentence punctuation, before
/// the headline or after the body, are page furniture.
const FURNITURE_WORDS: usize = 8;

/// Splits the text into blocks and classifies them.
pub fn segment(text: &str, hints: &[(Span, BlockHint)]) -> Vec<Block> {
    segment_with_title(text, hints, None)
}

/// [`segment`], with the page title (`meta.title`) to recognise the
/// headline by.
pub fn segment_with_title(
    text: &str,
    hints: &[(Span, BlockHint)],
    title: Option<&str>,
) -> Vec<Block> {
    segment_tokenized(text, hints, title, &[], None)
}

/// [`segment_with_title`] of a text whose tokens are known, with the byte
/// offsets of its word characters that are not ASCII letters or digits
/// (see [`super::tokens::tokenize_marked`]): a block without one whose
/// tokens lie inside it has its word tokens for words, and so its normal
/// form is made from the first of them, and its text is not read for it.
pub fn segment_tokenized(
    text: &str,
    hints: &[(Span, BlockHint)],
    title: Option<&str>,
    tokens: &[Token],
    odd: Option<&[usize]>,
) -> Vec<Block> {
    let words = odd.map(|odd| Words { tokens, odd });
    let mut raw = cut(text, hints, words.as_ref());
    let plain = match odd {
        Some(odd) => plain_words(&raw, tokens, odd),
        None => vec![None; raw.len()],
    };
    let kinds = classify(text, &mut raw, &plain, tokens, title);
    let mut out = Vec::with_capacity(raw.len() + 8);
    for (r, (kind, words, wire)) in raw.iter().zip(kinds) {
        let block = Block {
            span: r.span,
            kind,
            words,
        };
        match wire.and_then(|len| split_dateline(text, block, len)) {
            Some((dateline, body)) => out.extend([dateline, body]),
            None => out.push(block),
        }
    }
    out
}

/// A body block that opens with a wire dateline ("SPRINGFIELD (AP) — The
/// council …"), cut into a Dateline block (through the dash) and the Body
/// block after it; `len` is the byte length of its [`wire_dateline`].
fn split_dateline(text: &str, block: Block, len: usize) -> Option<(Block, Block)> {
    if block.kind != BlockKind::Body {
        return None;
    }
    let t = block.span.text(text);
    let dash_end = t.get(..len)?.trim_end().len();
    if len >= t.len() || dash_end == 0 {
        return None;
    }
    let start = block.span.start();
    let dateline = Span::new(start, start + dash_end);
    let body = Span::new(start + len, block.span.end());
    Some((
        Block {
            span: dateline,
            kind: BlockKind::Dateline,
            words: chrome::word_count(dateline.text(text)),
        },
        Block {
            span: body,
            kind: BlockKind::Body,
            words: chrome::word_count(body.text(text)),
        },
    ))
}

/// For each block span (in text order), its number of word tokens and the
/// range of its tokens when its word tokens are its words (runs of letters
/// and digits, all ASCII): when every token that starts in it ends in it,
/// none that starts before it ends in it, and none of its word characters
/// is other than an ASCII letter or digit (none of the sorted byte offsets
/// `odd` is in it).
fn plain_words(raw: &[Raw], tokens: &[Token], odd: &[usize]) -> Vec<Option<(usize, Range<usize>)>> {
    // One pass over the blocks, the tokens and the odd characters.
    let mut at = 0;
    let mut odd = odd.iter().copied().peekable();
    let mut prev_end = 0;
    raw.iter()
        .map(|Raw { span, .. }| {
            if span.start() < prev_end {
                return None;
            }
            prev_end = span.end();
            while tokens
                .get(at)
                .is_some_and(|t| t.span.start() < span.start())
            {
                at += 1;
            }
            let crosses_start = at
                .checked_sub(1)
                .and_then(|k| tokens.get(k))
                .is_some_and(|t| t.span.end() > span.start());
            // The block's tokens found by a binary search, then counted in
            // one tight loop.
            let first = at;
            let rest = tokens.get(at..).unwrap_or_default();
            let inside = rest
                .get(..rest.partition_point(|t| t.span.start() < span.end()))
                .unwrap_or_default();
            at += inside.len();
            let words = inside.iter().filter(|t| t.kind.is_word()).count();
            let end = inside.last().map_or(span.start(), |t| t.span.end());
            while odd.next_if(|&k| k < span.start()).is_some() {}
            let plain = odd.peek().is_none_or(|&k| k >= span.end());
            (plain && !crosses_start && end <= span.end()).then_some((words, first..at))
        })
        .collect()
}

/// A block span as [`cut`] makes it.
struct Raw {
    span: Span,
    /// The hint that covers it.
    hint: Option<BlockHint>,
    /// What the cut already worked out of it (a line tested for chrome).
    seen: Option<Seen>,
}

/// What [`cut_lines`] worked out of a line that became a block of its own:
/// its [`normal_of`] form and whether it is chrome ([`chrome::is_chrome_in`]),
/// which [`Features::of`] then need not work out again.
struct Seen {
    normal: chrome::Normal,
    chrome: bool,
}

/// Cuts the text into block spans, each with the hint that covers it.
fn cut(text: &str, hints: &[(Span, BlockHint)], words: Option<&Words>) -> Vec<Raw> {
    let mut hinted: Vec<(Span, BlockHint)> = hints
        .iter()
        .filter(|(s, _)| !s.is_empty() && text.get(s.start()..s.end()).is_some())
        .copied()
        .collect();
    // Outer spans first; a span inside one already taken is dropped, one
    // that overlaps it keeps only its part after it.
    hinted.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut out = Vec::new();
    let mut pos = 0;
    for (span, hint) in hinted {
        if span.end() <= pos {
            continue;
        }
        let start = span.start().max(pos);
        paragraphs(text, pos, start, words, None, &mut out);
        paragraphs(text, start, span.end(), words, Some(hint), &mut out);
        pos = span.end();
    }
    paragraphs(text, pos, text.len(), words, None, &mut out);
    out
}

/// The blocks of `text[from..to]`, pushed to `out` with the hint `hint`:
/// paragraphs between blank lines, each cut further into lines where it is
/// not one hard-wrapped paragraph.
fn paragraphs(
    text: &str,
    from: usize,
    to: usize,
    words: Option<&Words>,
    hint: Option<BlockHint>,
    out: &mut Vec<Raw>,
) {
    let Some(part) = text.get(from..to) else {
        return;
    };
    let mut lines: Vec<Span> = Vec::new();
    // The lines with their newlines, as `split_inclusive('\n')` gives them.
    let bytes = part.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let end = next_newline(bytes, at).map_or(bytes.len(), |i| i + 1);
        let span = Span::new(from + at, from + end).trim(text);
        at = end;
        if span.is_empty() {
            cut_lines(text, &lines, words, hint, out);
            lines.clear();
        } else {
            lines.push(span);
        }
    }
    cut_lines(text, &lines, words, hint, out);
}

/// The byte offset of the first newline in `bytes` at or after `from`.
fn next_newline(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr(b'\n', bytes.get(from..)?).map(|i| from + i)
}

/// The tokens of the text and the sorted byte offsets of its word
/// characters that are not ASCII letters or digits (see
/// [`super::tokens::tokenize_marked`]).
struct Words<'a> {
    tokens: &'a [Token],
    odd: &'a [usize],
}

impl Words<'_> {
    /// The [`chrome::Normal::head_of`] form of a span of the text made from
    /// its word tokens, when they are its words (all inside it, none across
    /// its ends, and no odd word character in it); `None` otherwise.
    fn normal_of(&self, text: &str, span: Span) -> Option<chrome::Normal> {
        let first = self
            .tokens
            .partition_point(|t| t.span.start() < span.start());
        let crosses_start = first
            .checked_sub(1)
            .and_then(|k| self.tokens.get(k))
            .is_some_and(|t| t.span.end() > span.start());
        let odd = self.odd.partition_point(|&k| k < span.start());
        if crosses_start || self.odd.get(odd).is_some_and(|&k| k < span.end()) {
            return None;
        }
        let inside = self.tokens.get(first..)?;
        let inside = inside.get(..inside.partition_point(|t| t.span.start() < span.end()))?;
        if inside.last().is_some_and(|t| t.span.end() > span.end()) {
            return None;
        }
        let words = || inside.iter().filter(|t| t.kind.is_word());
        Some(chrome::Normal::of_ascii_words(
            text,
            words().map(|t| t.span.start()..t.span.end()),
            words().count(),
        ))
    }
}

/// The normal form of a span's text for the chrome tests, from the word
/// tokens when they are its words.
fn normal_of(text: &str, span: Span, words: Option<&Words>) -> chrome::Normal {
    words
        .and_then(|w| w.normal_of(text, span))
        .unwrap_or_else(|| chrome::Normal::head_of(span.text(text)))
}

/// Joins the lines of one paragraph into blocks, pushed to `out` with the
/// hint `hint`.
fn cut_lines(
    text: &str,
    lines: &[Span],
    words: Option<&Words>,
    hint: Option<BlockHint>,
    out: &mut Vec<Raw>,
) {
    if let [line] = lines {
        // One line is one block: no width to work out.
        out.push(Raw {
            span: *line,
            hint,
            seen: None,
        });
        return;
    }
    let lens: Vec<usize> = lines.iter().map(|l| l.text(text).chars().count()).collect();
    let width = lens.iter().copied().max().unwrap_or(0);
    // Whether each line is chrome, worked out at most once (a line is
    // tested as the line and as the next line), kept with its normal form
    // for a line that becomes a block.
    let mut seen: Vec<Option<Seen>> = Vec::new();
    seen.resize_with(lines.len(), || None);
    let is_chrome = |seen: &mut Vec<Option<Seen>>, k: usize| {
        let (Some(slot), Some(l)) = (seen.get_mut(k), lines.get(k)) else {
            return false;
        };
        slot.get_or_insert_with(|| {
            let normal = normal_of(text, *l, words);
            let chrome = chrome::is_chrome_in(l.text(text), &normal);
            Seen { normal, chrome }
        })
        .chrome
    };
    let mut start: Option<Span> = None;
    for (i, line) in lines.iter().enumerate() {
        let block = start.map_or(*line, |s| s.cover(*line));
        let next = lines.get(i + 1);
        let len = lens.get(i).copied().unwrap_or(0);
        let either_chrome = || is_chrome(&mut seen, i) || is_chrome(&mut seen, i + 1);
        match next {
            Some(n) if continues(line.text(text), len, n.text(text), width, either_chrome) => {
                start = Some(block)
            }
            _ => {
                // A line alone keeps what was worked out of it.
                let seen = if start.is_none() {
                    seen.get_mut(i).and_then(Option::take)
                } else {
                    None
                };
                out.push(Raw {
                    span: block,
                    hint,
                    seen,
                });
                start = None;
            }
        }
    }
}

/// Whether a paragraph's line runs on into the next line (hard wrapping)
/// rather than ending a unit of its own. `width` is the paragraph's longest
/// line in characters, `len` that of `line`; `either_chrome` says whether
/// the line or the next is chrome.
fn continues(
    line: &str,
    len: usize,
    next: &str,
    width: usize,
    either_chrome: impl FnOnce() -> bool,
) -> bool {
    if starts_list_item(next) {
        return false;
    }
    let next_lower = next.chars().next().is_some_and(char::is_lowercase);
    if !next_lower && either_chrome() {
        // Two widgets, a label and a link: each line is its own unit.
        return false;
    }
    if chrome::ends_sentence(line) && !next_lower {
        // A sentence ends with the line: a new paragraph is likelier than
        // a wrap that fell on a sentence end, and a sentence ends there
        // either way.
        return false;
    }
    if width <= WRAP_WIDTH {
        // Wrapped prose: every line but the last fills most of the width.
        return (len >= 30 && len * 10 >= width * 6) || next_lower;
    }
    // One paragraph a line: a line runs on only when cut mid-sentence.
    next_lower || len >= 60
}

/// Whether a line starts a list item ("- ", "* ", "• ", "1. ", "2) ").
fn starts_list_item(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = line.get(digits..).unwrap_or("");
    if digits > 0 && digits < 4 {
        return rest.starts_with(". ") || rest.starts_with(") ");
    }
    ["- ", "* ", "• ", "– ", "· "]
        .iter()
        .any(|m| line.starts_with(m))
}

/// What the classifier knows of one block. The features that only some
/// blocks need are methods, worked out when asked.
struct Features<'t> {
    text: &'t str,
    /// The text normalised, for the word lists (the head of a long block).
    normal: chrome::Normal,
    hint: Option<BlockHint>,
    words: usize,
    /// The kind that the block's own features say, before its place in the
    /// article is considered; `None` for a body candidate.
    own_kind: Option<BlockKind>,
    /// A date line (by its words or a dateline phrase and a digit); worked
    /// out only for a block whose own kind is [`BlockKind::Dateline`] or
    /// that reaches the date tests (`false` for the others).
    date: bool,
    /// The byte length of the wire dateline the block opens with.
    wire_len: Option<usize>,
}

impl<'t> Features<'t> {
    /// Reads the features of one block, whose words may be known: their
    /// number and its tokens (of the whole text `all`) when they are its
    /// words (see [`plain_words`]).
    ///
    /// What the cut already worked out of it, `seen`, is taken as it is.
    fn of(
        text: &'t str,
        hint: Option<BlockHint>,
        plain: Option<(usize, &[Token])>,
        all: &str,
        seen: Option<Seen>,
    ) -> Features<'t> {
        let (normal, chrome) = match seen {
            Some(Seen { normal, chrome }) => (normal, Some(chrome)),
            None => (Features::normal_of(text, plain, all), None),
        };
        let wire_len = wire_dateline(text).map(|(_, len)| len);
        let date = || {
            is_date_line_in(text, &normal)
                || (chrome::dateline_prefix_in(text, &normal).is_some()
                    && text.contains(|c: char| c.is_ascii_digit()))
        };
        // The tests in the order of precedence, each asked only when the
        // ones before it fail.
        let photo_credit = chrome::is_photo_credit_in(text, &normal);
        let (own_kind, date) = if photo_credit {
            (Some(BlockKind::Chrome), false)
        } else {
            match hint {
                Some(BlockHint::Chrome) => (Some(BlockKind::Chrome), false),
                Some(BlockHint::Byline) if date() => (Some(BlockKind::Dateline), true),
                Some(BlockHint::Byline) => (Some(BlockKind::Byline), false),
                _ if chrome::is_credit_in(text, &normal) => (Some(BlockKind::Byline), false),
                _ if chrome.unwrap_or_else(|| {
                    chrome::is_chrome_with_credit_in(text, &normal, photo_credit)
                }) =>
                {
                    (Some(BlockKind::Chrome), false)
                }
                _ if is_byline_in(text, &normal) => (Some(BlockKind::Byline), false),
                _ => {
                    let date = date();
                    let wire_alone = wire_len.is_some_and(|len| len >= text.trim_end().len());
                    ((wire_alone || date).then_some(BlockKind::Dateline), date)
                }
            }
        };
        Features {
            text,
            hint,
            words: normal.text_words,
            own_kind,
            date,
            wire_len,
            normal,
        }
    }

    /// Ends with sentence punctuation, a colon or a closing quote.
    fn sentence_like(&self) -> bool {
        chrome::ends_sentence(self.text)
            || self.text.trim_end().ends_with([':', ';', '"', '”', '’'])
    }

    /// A label that heads a list of links ("Related Articles").
    fn heads_list(&self) -> bool {
        chrome::heads_list_in(&self.normal)
    }

    /// A list item of the markup or the text ("- ", "1. ").
    fn list_item(&self) -> bool {
        self.hint == Some(BlockHint::ListItem) || starts_list_item(self.text)
    }

    /// The normal form of a block's text: from its word tokens when they
    /// are its words (`plain`), else read from the text.
    fn normal_of(text: &str, plain: Option<(usize, &[Token])>, all: &str) -> chrome::Normal {
        match plain {
            Some((n, tokens)) => chrome::Normal::of_ascii_words(
                all,
                tokens
                    .iter()
                    .filter(|t| t.kind.is_word())
                    .map(|t| t.span.start()..t.span.end()),
                n,
            ),
            None => chrome::Normal::head_of(text),
        }
    }

    /// Whether the block's normal form is that of `other`, whose whole
    /// normal form, when it has to be worked out, is kept in `other_norm`.
    fn same_normal_form(&self, other: &Features, other_norm: &mut Option<String>) -> bool {
        let (a, b) = (&self.normal, &other.normal);
        if a.whole && b.whole {
            return a.norm == b.norm;
        }
        // Equal forms have equal word counts and heads (a head that was
        // not made is empty, and so starts every other).
        if a.words != b.words || !(a.norm.starts_with(&b.norm) || b.norm.starts_with(&a.norm)) {
            return false;
        }
        let other_norm = other_norm.get_or_insert_with(|| chrome::normalize(other.text));
        chrome::normalize(self.text) == *other_norm
    }

    /// Whether the page title (normalised) is the block or starts with it.
    fn titles(&self, title: &str) -> bool {
        let head;
        let norm = if self.normal.head_skipped() {
            head = chrome::Normal::head_of(self.text).norm;
            &head
        } else {
            &self.normal.norm
        };
        if self.normal.whole {
            return title == *norm || title.starts_with(norm.as_str());
        }
        // The whole form starts with the head, and is longer.
        title.len() > norm.len() && title.starts_with(norm.as_str()) && {
            let whole = chrome::normalize(self.text);
            title == whole || title.starts_with(whole.as_str())
        }
    }

    /// Whether the block reads like a title: one line of a few words, in
    /// title case or without a final period.
    fn title_like(&self) -> bool {
        (TITLE_MIN_WORDS..=TITLE_MAX_WORDS).contains(&self.words)
            && !self.text.contains('\n')
            && !self.text.trim_end().ends_with(':')
            && (title_case(self.text) || !chrome::ends_sentence(self.text))
    }

    /// A short block without sentence punctuation: a label, a place, a link.
    fn furniture(&self) -> bool {
        self.words <= FURNITURE_WORDS && !self.sentence_like()
    }

    /// A link-like block: furniture, or a list item or stack of lines each
    /// short and without sentence punctuation (the titles of other
    /// articles).
    fn link_like(&self) -> bool {
        self.furniture()
            || self.text.lines().all(|l| {
                let n = chrome::word_count(l);
                n > 0 && n <= chrome::LINK_WORDS && !chrome::ends_sentence(l)
            })
    }
}

/// Makes the run of link-like blocks after each list label ("Related
/// Articles") chrome, up to the first block that is not one. Only blocks
/// after `from` are touched, so a label above the headline does not take it.
fn chrome_after_list_labels(feats: &[Features], kinds: &mut [Option<BlockKind>], from: usize) {
    let mut in_list = false;
    for (i, (k, f)) in kinds.iter_mut().zip(feats).enumerate() {
        if *k == Some(BlockKind::Chrome) && f.heads_list() {
            in_list = i >= from;
            continue;
        }
        match k {
            None if in_list && f.link_like() => *k = Some(BlockKind::Chrome),
            Some(BlockKind::Chrome) => {}
            _ => in_list = false,
        }
    }
}

/// Classifies the blocks: the kind of each, with its number of words and
/// the byte length of the wire dateline it opens with.
fn classify(
    text: &str,
    raw: &mut [Raw],
    plain: &[Option<(usize, Range<usize>)>],
    tokens: &[Token],
    title: Option<&str>,
) -> Vec<(BlockKind, usize, Option<usize>)> {
    let feats: Vec<Features> = raw
        .iter_mut()
        .zip(plain)
        .map(|(r, p)| {
            let plain = p
                .as_ref()
                .and_then(|(n, r)| Some((*n, tokens.get(r.clone())?)));
            Features::of(r.span.text(text), r.hint, plain, text, r.seen.take())
        })
        .collect();
    let mut kinds: Vec<Option<BlockKind>> = feats.iter().map(|f| f.own_kind).collect();
    let headline = find_headline(&feats, &kinds, title);
    if let Some(h) = headline.and_then(|h| feats.get(h)) {
        let mut headline_norm = None;
        for (k, f) in kinds.iter_mut().zip(&feats) {
            if k.is_none() && f.same_normal_form(h, &mut headline_norm) {
                *k = Some(BlockKind::Headline);
            }
        }
    }
    // Above the headline (or the byline when there is none): places, dates
    // and labels are furniture.
    let top = headline.or_else(|| kinds.iter().position(|k| *k == Some(BlockKind::Byline)));
    for i in 0..top.unwrap_or(0) {
        if let (Some(k), Some(f)) = (kinds.get_mut(i), feats.get(i)) {
            if (k.is_none() && f.furniture()) || (f.date && *k == Some(BlockKind::Dateline)) {
                *k = Some(BlockKind::Chrome);
            }
        }
    }
    chrome_after_list_labels(&feats, &mut kinds, headline.map_or(0, |h| h + 1));
    // After the body: short blocks without sentence punctuation, and list
    // items that are links.
    for i in (0..kinds.len()).rev() {
        let (Some(k), Some(f)) = (kinds.get_mut(i), feats.get(i)) else {
            break;
        };
        match k {
            None if f.furniture() || (f.list_item() && f.link_like()) => {
                *k = Some(BlockKind::Chrome)
            }
            None => break,
            Some(_) => {}
        }
    }
    kinds
        .into_iter()
        .zip(&feats)
        .map(|(k, f)| (k.unwrap_or(BlockKind::Body), f.words, f.wire_len))
        .collect()
}

/// The index of the headline: the first heading hint, else a block that
/// matches the page title, else the first title-like block before the
/// byline and the body.
fn find_headline(
    feats: &[Features],
    kinds: &[Option<BlockKind>],
    title: Option<&str>,
) -> Option<usize> {
    let candidates = || {
        feats
            .iter()
            .zip(kinds)
            .enumerate()
            .filter(|(_, (_, k))| k.is_none())
    };
    if let Some((i, _)) =
        candidates().find(|(_, (f, _))| matches!(f.hint, Some(BlockHint::Heading(_))))
    {
        return Some(i);
    }
    if let Some(title) = title.map(chrome::normalize).filter(|t| !t.is_empty()) {
        let found = candidates().find(|(_, (f, _))| f.words >= TITLE_MIN_WORDS && f.titles(&title));
        if let Some((i, _)) = found {
            return Some(i);
        }
    }
    for (i, (f, k)) in feats.iter().zip(kinds).enumerate() {
        match k {
            Some(BlockKind::Byline) => return None,
            Some(_) => continue,
            None if f.title_like() => return Some(i),
            None if f.furniture() && f.words < TITLE_MIN_WORDS => continue,
            None => return None,
        }
    }
    None
}

/// Whether most longer words start with a capital letter ("Chinese Embassy
/// Lobbies Against …").
fn title_case(text: &str) -> bool {
    let mut long = 0;
    let mut upper = 0;
    for w in text.split_whitespace() {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() < 4 {
            continue;
        }
        long += 1;
        if w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        {
            upper += 1;
        }
    }
    long > 0 && upper * 10 >= long * 7
}

/// Whether the block is a byline: a byline phrase ("By", "Edited by:") and
/// names after it, or a reporter's role alone ("Staff Reporter").
#[cfg(test)]
fn is_byline(text: &str) -> bool {
    is_byline_in(text, &chrome::Normal::of(text))
}

/// [`is_byline`] of a block whose [`chrome::Normal`] form is known.
fn is_byline_in(text: &str, normal: &chrome::Normal) -> bool {
    // Spaces and markup around the text do not change its normal form.
    // The marks are ASCII: trimmed as bytes.
    let text = trim_marks(text.trim());
    if chrome::is_role_in(normal) || is_name_and_role(text) {
        return true;
    }
    let Some(rest) = chrome::byline_prefix_in(text, normal).and_then(|p| text.get(p..)) else {
        return false;
    };
    names_follow(without_date(rest))
}

/// The text without the `*` and `_` at its ends (as `trim_matches(['*',
/// '_'])` has it, read as bytes: both are ASCII).
fn trim_marks(text: &str) -> &str {
    let marks = |b: &u8| matches!(b, b'*' | b'_');
    let bytes = text.as_bytes();
    let lead = bytes.iter().take_while(|b| marks(b)).count();
    let trail = bytes
        .get(lead..)
        .map_or(0, |rest| rest.iter().rev().take_while(|b| marks(b)).count());
    text.get(lead..text.len() - trail).unwrap_or("")
}

/// The text without a date after its last separator ("Ana Ruiz · May 2,
/// 2031" → "Ana Ruiz "); the text itself when no date follows one.
fn without_date(text: &str) -> &str {
    let Some(sep) = text.rfind(['·', '|', '•', '—', '–']) else {
        return text;
    };
    let (before, after) = text.split_at(sep);
    let after = after.trim_start_matches(['·', '|', '•', '—', '–']);
    if is_date_line(after) && !before.trim().is_empty() {
        before
    } else {
        text
    }
}

/// A name, a comma, and an outlet with a reporter's role ("Ana Ruiz,
/// Example Daily contributor"): two to four capitalised words, then
/// capitalised words ending in a role.
fn is_name_and_role(text: &str) -> bool {
    // Two to four words before the first comma, all capitalised: read a
    // character at a time up to the comma, and no further than a fifth word
    // or one that is not capitalised (most blocks are ruled out by their
    // first words, before any comma).
    let mut name_words = 0;
    let mut in_word = false;
    let mut comma = None;
    for (i, c) in text.char_indices() {
        if c == ',' {
            comma = Some(i);
            break;
        }
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            name_words += 1;
            if name_words > 4 || !c.is_uppercase() {
                return false;
            }
        }
    }
    let Some(rest) = comma.and_then(|i| text.get(i + 1..)) else {
        return false;
    };
    if name_words < 2 {
        return false;
    }
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    // At most eight words after the comma: read no further than the ninth
    // (and gather them only then).
    if rest.split_whitespace().nth(8).is_some() || chrome::ends_sentence(rest) {
        return false;
    }
    let rest_words: Vec<&str> = rest.split_whitespace().collect();
    (0..rest_words.len()).any(|i| {
        let (outlet, role) = rest_words.split_at(i);
        outlet.iter().all(|w| capitalised(w)) && chrome::is_role(&role.join(" "))
    })
}

/// Whether the text after a byline phrase is names (of people or outlets):
/// mostly capitalised words, not a sentence.
fn names_follow(rest: &str) -> bool {
    let rest = rest.trim();
    if rest.is_empty() || chrome::word_count(rest) > 12 {
        return false;
    }
    let last = rest.split_whitespace().last().unwrap_or("");
    let initial_or_domain =
        last.chars().filter(|c| c.is_alphabetic()).count() <= 2 || last.contains('.');
    if rest.ends_with(['.', '!', '?']) && !initial_or_domain {
        return false;
    }
    let mut words = 0;
    let mut capitalised = 0;
    for w in rest.split_whitespace() {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        if matches!(
            w,
            "and" | "of" | "the" | "for" | "de" | "van" | "von" | "in"
        ) || w.is_empty()
        {
            continue;
        }
        words += 1;
        if w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '@')
        {
            capitalised += 1;
        }
    }
    words > 0 && capitalised * 10 >= words * 7
}

/// Day names and abbreviations.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thurs",
    "fri",
    "sat",
    "sun",
];
/// Other words a date line may hold.
const DATE_WORDS: &[&str] = &[
    "at",
    "on",
    "of",
    "the",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "et",
    "edt",
    "est",
    "ct",
    "cdt",
    "cst",
    "pt",
    "pdt",
    "pst",
    "gmt",
    "utc",
    "bst",
    "cet",
    "updated",
    "published",
    "posted",
    "last",
    "first",
    "today",
    "yesterday",
    "st",
    "nd",
    "rd",
    "th",
];

/// Whether the block is a date line ("Thursday, May 2, 2024", "Updated
/// 9:41 a.m. ET, 05/02/2031"): a day or month name or a numeric date, a
/// number, and nothing but date words.
pub fn is_date_line(text: &str) -> bool {
    is_date_line_in(text, &chrome::Normal::of(text))
}

/// [`is_date_line`] of a text whose [`chrome::Normal`] form is known.
fn is_date_line_in(text: &str, normal: &chrome::Normal) -> bool {
    let norm = &normal.norm;
    if norm.is_empty() || normal.words > 12 {
        return false;
    }
    let mut named = false;
    let mut number = false;
    for w in norm.split(' ') {
        // A number starts with a digit: only then is an ordinal suffix cut.
        let digits = if w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|suffix| w.strip_suffix(suffix))
                .unwrap_or(w)
        } else {
            ""
        };
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            number = true;
        } else if lexicon::MONTHS.contains(&w) || WEEKDAYS.contains(&w) {
            named = true;
        } else if !DATE_WORDS.contains(&w) {
            return false;
        }
    }
    // Looked for only when every word is a date word (most blocks have
    // one that is not).
    let numeric_date = || {
        text.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_ascii_digit());
            let parts = w.split(['/', '-', '.']).count();
            parts == 3 && w.chars().all(|c| c.is_ascii_digit() || "/-.".contains(c))
        })
    };
    (named && number) || numeric_date()
}

/// A wire-style dateline at the start of a text, "WASHINGTON (AP) —" or
/// "LONDON, May 2 (Reuters) -": the credit in the brackets and the byte
/// length of the dateline, dash and the space after it included. The place
/// is in capitals; the credit is at most three words.
pub fn wire_dateline(text: &str) -> Option<(&str, usize)> {
    // The bracket opens in the first 120 bytes (a byte search: `(` is
    // ASCII, so it is a whole character there). A lower-case letter before
    // it and before any comma is in the place: no dateline (most blocks
    // are ruled out at their second byte).
    let mut open = None;
    let mut comma = false;
    for (i, &b) in text.as_bytes().iter().enumerate().take(120) {
        match b {
            b'(' => {
                open = Some(i);
                break;
            }
            b',' => comma = true,
            b'a'..=b'z' if !comma => return None,
            _ => {}
        }
    }
    let open = open?;
    let place = text.get(..open)?;
    let place_caps = place
        .split(',')
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    if !place_caps
        || place.trim().is_empty()
        || place.split(',').next().is_some_and(|p| p.trim().is_empty())
    {
        return None;
    }
    let after = text.get(open + 1..)?;
    let close = after.find(')')?;
    let credit = after.get(..close)?.trim();
    if credit.is_empty() || chrome::word_count(credit) > 3 {
        return None;
    }
    let tail = after.get(close + 1..)?;
    let dash = tail.trim_start();
    let dash_char = dash
        .chars()
        .next()
        .filter(|c| matches!(c, '—' | '–' | '-'))?;
    let end = text.len() - dash.len() + dash_char.len_utf8();
    let rest = text.get(end..)?;
    Some((credit, end + (rest.len() - rest.trim_start().len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, &str)> {
        segment(text, &[])
            .iter()
            .map(|b| (b.kind, b.span.text(text)))
            .collect()
    }

    const ARTICLE: &str = "61 F\nSpringfield\nMonday, March 3, 2031\n\n\
        Harbor Council Votes to Rebuild the Old Pier Before Summer\n\n\
        - Advertisement -\n\n\
        By Ana Ruiz, Example Wire\n\n\
        The council voted 7-2 on Monday to rebuild the pier. Work starts in April.\n\n\
        Residents had asked for the repairs for years, the mayor said.\n\n\
        Share this article\n\nTop stories\n";

    #[test]
    fn a_stack_of_short_lines_is_one_block_a_line() {
        let k = kinds(ARTICLE);
        assert_eq!(k[0], (BlockKind::Chrome, "61 F"));
        assert_eq!(k[1], (BlockKind::Chrome, "Springfield"));
        assert_eq!(k[2], (BlockKind::Chrome, "Monday, March 3, 2031"));
    }

    #[test]
    fn headline_byline_body_and_chrome_are_told_apart() {
        let got: Vec<BlockKind> = kinds(ARTICLE).iter().map(|k| k.0).collect();
        use BlockKind::*;
        assert_eq!(
            got,
            [Chrome, Chrome, Chrome, Headline, Chrome, Byline, Body, Body, Chrome, Chrome]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_stay_one_block() {
        let text = "The council voted on Monday to rebuild the old pier before\n\
                    the summer season, after residents had asked for repairs for\n\
                    Years. Then the mayor spoke of the cost, which was more than\n\
                    the city had.\nThe mayor left.\n\nA second paragraph follows here.";
        let k = kinds(text);
        assert_eq!(k.len(), 3);
        assert!(k[0].1.ends_with("the city had."));
    }

    #[test]
    fn one_paragraph_a_line_is_one_block_a_line() {
        let long = "The council voted on Monday to rebuild the old pier before the summer season began in earnest.";
        let text = format!("{long} {long}\n{long} and then\nrunning on here.");
        let k = kinds(&text);
        assert_eq!(k.len(), 2);
    }

    #[test]
    fn duplicated_headline_is_headline() {
        let text = "Harbor Council Votes to Rebuild the Old Pier\n\nRelated Articles\n\n\
                    Harbor Council Votes to Rebuild the Old Pier\n\nThe council voted on Monday.";
        let got: Vec<BlockKind> = kinds(text).iter().map(|k| k.0).collect();
        use BlockKind::*;
        assert_eq!(got, [Headline, Chrome, Headline, Body]);
    }

    #[test]
    fn a_body_sentence_starting_with_by_is_body() {
        let text =
            "Pier Plan Wins Council Vote\n\nBy Tuesday, nothing had changed.\n\nThe rest is body.";
        assert_eq!(kinds(text)[1].0, BlockKind::Body);
    }

    #[test]
    fn a_wire_dateline_alone_is_a_dateline_and_inside_a_paragraph_split_off() {
        let text = "Pier Plan Wins Council Vote\n\nSPRINGFIELD (AP) —\n\n\
                    SPRINGFIELD (AP) — The council voted on Monday.";
        let got: Vec<BlockKind> = kinds(text).iter().map(|k| k.0).collect();
        assert_eq!(
            got,
            [
                BlockKind::Headline,
                BlockKind::Dateline,
                BlockKind::Dateline,
                BlockKind::Body
            ]
        );
    }

    #[test]
    fn wire_dateline_gives_credit_and_length() {
        let t = "SPRINGFIELD, Ill. (AP) — The council voted.";
        let (credit, len) = wire_dateline(t).unwrap_or(("", 0));
        assert_eq!(credit, "AP");
        assert_eq!(t.get(len..), Some("The council voted."));
        assert_eq!(wire_dateline("The mayor (a Democrat) — said."), None);
    }

    #[test]
    fn a_date_under_the_headline_is_a_dateline() {
        let text = "Pier Plan Wins a Council Vote\n\nBy Ana Ruiz | The Example Daily\n\n\
                    Updated 9:41 a.m. ET\n\nMonday, March 3, 2031\n\nThe council voted on Monday.\n\n\
                    Copyright 2031 The Example Daily. All rights reserved.";
        let got: Vec<BlockKind> = kinds(text).iter().map(|k| k.0).collect();
        use BlockKind::*;
        assert_eq!(got, [Headline, Byline, Dateline, Dateline, Body, Chrome]);
    }

    #[test]
    fn a_sentence_case_lede_is_not_a_headline() {
        let text = "The council voted on Monday to rebuild the pier.\n\nWork starts in April.";
        let got: Vec<BlockKind> = kinds(text).iter().map(|k| k.0).collect();
        assert_eq!(got, [BlockKind::Body, BlockKind::Body]);
    }

    #[test]
    fn weather_and_navigation_above_the_headline_are_chrome() {
        let text = "The Example Daily\n72 F  Sunny  Springfield\nHome | World | Sports | Arts\n\n\
                    Harbor council votes to rebuild the old pier\n\nThe council voted on Monday.";
        let got: Vec<BlockKind> = kinds(text).iter().map(|k| k.0).collect();
        use BlockKind::*;
        assert_eq!(got, [Chrome, Chrome, Chrome, Headline, Body]);
    }

    #[test]
    fn chrome_lines_are_not_joined_as_wrapped_prose() {
        let text = "Home  World  Politics  Business  Arts\nRead more: Ferry fares rise in the spring months\n\n\
                    Harbor council votes to rebuild the old pier\n\nThe council voted on Monday.";
        let got: Vec<BlockKind> = kinds(text).iter().map(|k| k.0).collect();
        use BlockKind::*;
        assert_eq!(got, [Chrome, Chrome, Headline, Body]);
    }

    #[test]
    fn the_links_under_a_list_label_are_chrome() {
        let text = "Pier Plan Wins Council Vote\n\nThe council voted on Monday.\n\nMore from The Example Daily\n\
                    Ferry fares rise in the spring\nSchool board meets on Tuesday night\n\n\
                    © 2031 The Example Daily";
        let got: Vec<BlockKind> = kinds(text).iter().map(|k| k.0).collect();
        use BlockKind::*;
        assert_eq!(got[2..], [Chrome, Chrome, Chrome]);
    }

    #[test]
    fn a_trailing_list_of_links_is_chrome() {
        let text = "Pier Plan Wins Council Vote\n\nThe council voted on Monday.\n\n\
                    - See the council's full agenda for this week\n- Earlier: the pier closes for the winter season";
        let got: Vec<BlockKind> = kinds(text).iter().map(|k| k.0).collect();
        use BlockKind::*;
        assert_eq!(got, [Headline, Body, Chrome, Chrome]);
    }

    #[test]
    fn credits_are_bylines_and_photo_credits_chrome() {
        let text = "Pier Plan Wins Council Vote\n\nThe council voted on Monday.\n\n\
                    Photo: Ana Ruiz/AP\n\nThe mayor spoke next.\n\n\
                    Example Wire contributed to this report.\n\n(Reporting by Ana Ruiz; Editing by Tom Wu)";
        let got: Vec<BlockKind> = kinds(text).iter().map(|k| k.0).collect();
        use BlockKind::*;
        assert_eq!(got, [Headline, Body, Chrome, Body, Byline, Byline]);
        let hinted = "Photo: Ana Ruiz/AP";
        let blocks = segment(hinted, &[(Span::new(0, 18), BlockHint::Byline)]);
        assert_eq!(blocks[0].kind, Chrome);
    }

    #[test]
    fn bylines_with_a_date_or_an_outlet_and_role_are_bylines() {
        assert!(is_byline("By Ana Ruiz · March 3, 2031"));
        assert!(is_byline("By Ana Ruiz | May 2, 2031"));
        assert!(is_byline("*Tom Wu, Example Daily contributor*"));
        assert!(is_byline("Tom Wu, Example Wire staff writer"));
        assert!(!is_byline("Tom Wu, a staff writer"));
        assert!(!is_byline("By May 2, 2031"));
    }

    #[test]
    fn a_wire_dateline_opening_a_paragraph_is_its_own_block() {
        let text =
            "Pier Plan Wins Council Vote\n\nSPRINGFIELD, March 3 (Reuters) - The council voted.";
        let blocks = segment(text, &[]);
        let got: Vec<(BlockKind, &str)> =
            blocks.iter().map(|b| (b.kind, b.span.text(text))).collect();
        assert_eq!(
            got[1..],
            [
                (BlockKind::Dateline, "SPRINGFIELD, March 3 (Reuters) -"),
                (BlockKind::Body, "The council voted.")
            ]
        );
    }

    #[test]
    fn dates_are_recognised() {
        assert!(is_date_line("Thursday, May 2, 2031"));
        assert!(is_date_line("Updated 9:41 a.m. ET 05/02/2031"));
        assert!(!is_date_line("May we go, 2 of us?"));
        assert!(!is_date_line("The vote on May 2"));
    }

    #[test]
    fn a_colon_line_in_the_body_stays_body() {
        let text = "Pier Plan Wins Council Vote\n\nThe mayor spoke first.\n\nShe continued:\n\n\"We will build it.\"";
        assert_eq!(kinds(text)[2].0, BlockKind::Body);
    }

    #[test]
    fn hints_make_blocks_with_their_kind() {
        let text = "Pier Plan\nThe council voted on Monday.\nShare";
        let hints = [
            (Span::new(0, 9), BlockHint::Heading(1)),
            (Span::new(10, 38), BlockHint::Paragraph),
            (Span::new(39, 44), BlockHint::Chrome),
        ];
        let got: Vec<BlockKind> = segment(text, &hints).iter().map(|b| b.kind).collect();
        assert_eq!(
            got,
            [BlockKind::Headline, BlockKind::Body, BlockKind::Chrome]
        );
    }

    #[test]
    fn page_title_finds_the_headline() {
        let text = "Pier plan wins a vote\n\nThe council voted on Monday.";
        let blocks = segment_with_title(text, &[], Some("Pier plan wins a vote | Example Daily"));
        assert_eq!(blocks[0].kind, BlockKind::Headline);
    }

    #[test]
    fn odd_hints_do_not_panic() {
        let text = "“Quote” here";
        let hints = [
            (Span::new(1, 2), BlockHint::Paragraph),
            (Span::new(0, 400), BlockHint::Paragraph),
        ];
        assert!(!segment(text, &hints).is_empty());
    }

    #[test]
    fn overlapping_hints_still_cover_every_line() {
        let text = "First part here.\n\nSecond part here.\n\nThird part.";
        let hints = [
            (Span::new(0, 25), BlockHint::Paragraph),
            (Span::new(18, 35), BlockHint::Paragraph),
        ];
        let covered: usize = segment(text, &hints)
            .iter()
            .map(|b| chrome::word_count(b.span.text(text)))
            .sum();
        assert_eq!(covered, chrome::word_count(text));
    }

    #[test]
    fn word_counts_from_tokens_are_the_counted_ones() {
        let long = "The council voted on the pier plan today after a long debate and \
                    many residents spoke for and against it at the meeting hall";
        let odd = [
            "snake_case words",
            "İstanbul officials",
            "Crème brûlée",
            "x\u{301}y mark",
            "3½ ΑΒΓ 中文",
            "Embassy’s vote, 352-65.",
        ];
        let mut texts = vec![long.to_string()];
        for o in odd {
            texts.push(format!("{long} {o}"));
            texts.push(format!("{o} {long}"));
            texts.push(format!("{long}\n\n{o}\n\n{long}"));
            // Lines of one paragraph, tested for chrome one by one.
            texts.push(format!(
                "{long}\n{o}\nShare this\n{o} Related Articles\n{long}"
            ));
        }
        for text in &texts {
            let (tokens, odd, _) = super::super::tokens::tokenize_marked(text);
            let hints = [(Span::new(0, 9), BlockHint::Paragraph)];
            for hints in [&[][..], &hints[..]] {
                let counted = segment_with_title(text, hints, None);
                let from_tokens = segment_tokenized(text, hints, None, &tokens, Some(&odd));
                assert_eq!(from_tokens, counted, "{text:?}");
                for b in &from_tokens {
                    assert_eq!(b.words, chrome::word_count(b.span.text(text)), "{b:?}");
                }
            }
        }
    }
}
