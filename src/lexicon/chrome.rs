//! Page furniture as data (`chrome.txt`): phrases and patterns that mark a
//! block as chrome (advertisements, widgets, prompts), a byline or a
//! dateline. Matching is over one block's text; see the data file for the
//! entry kinds.

use std::ops::Range;
use std::sync::OnceLock;

use crate::document::tokens::{eight_bytes_at, is_alphanumeric};

/// What a page-furniture entry says about a block that matches it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// The whole block is the phrase.
    Line,
    /// A short block starts with the phrase.
    Start,
    /// A short block ends with the phrase, glued or not.
    End,
    /// A block of any length starts with the phrase.
    Notice,
    /// A built-in pattern, named by the phrase.
    Pattern,
    /// A byline starts with the phrase.
    Byline,
    /// The whole short block is a reporter's role ("Staff Reporter").
    Role,
    /// A dateline starts with the phrase.
    Dateline,
    /// The whole block is the phrase, a label that heads a list of links
    /// ("Related Articles"): chrome, and so are the short lines after it.
    List,
    /// A short block starts with the phrase, a label that heads a list of
    /// links ("More from The Example Daily").
    ListStart,
    /// A short block holds the phrase anywhere ("… in your inbox …").
    Contains,
    /// A credit: a block of at most [`CREDIT_WORDS`] words, in brackets or
    /// without a final period, starts with the phrase ("(Reporting by …)"),
    /// so that a body sentence "Reporting by the Times showed …" is not one.
    Credit,
    /// A credit note: a block of at most [`CREDIT_WORDS`] words, brackets
    /// aside, starts with the phrase ("h/t: …", "Additional reporting by …").
    CreditNote,
    /// A credit: a short block ends with the phrase, final period aside
    /// ("Ana Ruiz contributed to this report.").
    CreditEnd,
}

/// One line of `chrome.txt`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: EntryKind,
    /// Normalised phrase (see [`normalize`]), or a pattern name.
    pub phrase: String,
    /// A block that the entry must classify, for the tests.
    pub example: Option<&'static str>,
}

/// Blocks with more words than this are never matched by `start`, `end`,
/// `byline`, `role` or `dateline` entries.
pub const SHORT_WORDS: usize = 12;

/// Credits (`credit` entries) have at most this many words.
pub const CREDIT_WORDS: usize = 40;

// Credits are tested against the longer limit first.
const _: () = assert!(SHORT_WORDS <= CREDIT_WORDS);

/// Short blocks (`contains` entries, items of a list of links) have at most
/// this many words.
pub const LINK_WORDS: usize = 20;

const DATA: &str = include_str!("chrome.txt");

/// The entries of `chrome.txt`, parsed once.
pub fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| DATA.lines().filter_map(parse_line).collect())
}

/// The phrases of one entry kind, and the byte length of the longest.
#[derive(Debug)]
struct Phrases {
    phrases: Vec<&'static str>,
    longest: usize,
    /// The phrases again, by their first byte (an empty phrase under 0): a
    /// text is compared only with the phrases that start with its first
    /// byte.
    by_first: Vec<Vec<&'static str>>,
    /// The [`word_key`] of the first word of each phrase, without repeats.
    first_words: Vec<(usize, u64)>,
    /// Whether one of the phrases is empty (and so starts every text).
    has_empty: bool,
}

impl Phrases {
    /// The phrases, without repeats.
    fn new(phrases: impl IntoIterator<Item = &'static str>) -> Phrases {
        let mut out = Phrases {
            phrases: Vec::new(),
            longest: 0,
            by_first: vec![Vec::new(); 256],
            first_words: Vec::new(),
            has_empty: false,
        };
        for p in phrases {
            if out.phrases.contains(&p) {
                continue;
            }
            out.phrases.push(p);
            out.longest = out.longest.max(p.len());
            if let Some(bucket) = out.by_first.get_mut(first_byte(p)) {
                bucket.push(p);
            }
            out.has_empty |= p.is_empty();
            let first = p.split(' ').next().unwrap_or_default();
            let key = word_key(first.as_bytes(), 0..first.len());
            if !out.first_words.contains(&key) {
                out.first_words.push(key);
            }
        }
        out
    }

    /// Whether a normal form whose first word has the [`word_key`] `first`
    /// can start with one of the phrases: a phrase starts a normal form at
    /// a word boundary only when its first word is the form's first word
    /// (or it is empty). Words of equal keys may differ: then the answer
    /// is a `true` that only costs a closer test.
    fn may_start_with_word(&self, first: (usize, u64)) -> bool {
        self.has_empty || self.first_words.contains(&first)
    }

    /// Whether `norm` is one of the phrases; a text longer than every
    /// phrase is not looked up.
    fn equals(&self, n: &Normal) -> bool {
        n.whole
            && n.norm.len() <= self.longest
            && self.starting_like(&n.norm).contains(&n.norm.as_str())
    }

    /// Whether `norm` starts with one of the phrases at a word boundary.
    fn starts(&self, norm: &str) -> bool {
        self.starting_like(norm)
            .iter()
            .any(|p| starts_with_words(norm, p))
    }

    /// The phrases that start with the first byte of `text` (for an empty
    /// text, the empty phrase): the only ones that can start it.
    fn starting_like(&self, text: &str) -> &[&'static str] {
        self.by_first
            .get(first_byte(text))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether `norm` holds one of the phrases as whole words: each word
    /// start is tried only against the phrases that start with its byte.
    fn within(&self, norm: &str) -> bool {
        if self.starts(norm) {
            return true;
        }
        // The spaces found eight bytes at a time; a word starts after each.
        let bytes = norm.as_bytes();
        let mut chunk = 0;
        while chunk < bytes.len() {
            let mut spaces = space_bytes(eight_bytes_at(bytes, chunk));
            while spaces != 0 {
                let at = chunk + (spaces.trailing_zeros() / 8) as usize + 1;
                spaces &= spaces - 1;
                if norm.get(at..).is_some_and(|rest| self.starts(rest)) {
                    return true;
                }
            }
            chunk += 8;
        }
        false
    }
}

/// The entries of `chrome.txt` grouped by kind (patterns without
/// repeats), so that a block is tested only against the phrases that can
/// match it.
fn by_kind(kind: EntryKind) -> &'static Phrases {
    static BY_KIND: OnceLock<Vec<Phrases>> = OnceLock::new();
    static EMPTY: Phrases = Phrases {
        phrases: Vec::new(),
        longest: 0,
        by_first: Vec::new(),
        first_words: Vec::new(),
        has_empty: false,
    };
    BY_KIND
        .get_or_init(|| {
            (0..KINDS)
                .map(|k| {
                    Phrases::new(
                        entries()
                            .iter()
                            .filter(|e| e.kind as usize == k)
                            .map(|e| e.phrase.as_str()),
                    )
                })
                .collect()
        })
        .get(kind as usize)
        .unwrap_or(&EMPTY)
}

/// Number of [`EntryKind`]s.
const KINDS: usize = EntryKind::CreditEnd as usize + 1;

/// Splits a data line `ENTRY | EXAMPLE` into its entry and example;
/// comments (`#`) and blank lines give `None`. Shared by the lexicon files.
pub(crate) fn entry_and_example(line: &str) -> Option<(&str, Option<&str>)> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    Some(match line.split_once(" | ") {
        Some((b, e)) => (b.trim(), Some(e.trim())),
        None => (line, None),
    })
}

/// Parses `KIND PHRASE | EXAMPLE`; comments and blank lines give `None`.
fn parse_line(line: &'static str) -> Option<Entry> {
    let (body, example) = entry_and_example(line)?;
    let (kind, phrase) = body.split_once(' ')?;
    let kind = match kind {
        "line" => EntryKind::Line,
        "start" => EntryKind::Start,
        "end" => EntryKind::End,
        "notice" => EntryKind::Notice,
        "pattern" => EntryKind::Pattern,
        "byline" => EntryKind::Byline,
        "role" => EntryKind::Role,
        "dateline" => EntryKind::Dateline,
        "list" => EntryKind::List,
        "liststart" => EntryKind::ListStart,
        "contains" => EntryKind::Contains,
        "credit" => EntryKind::Credit,
        "creditnote" => EntryKind::CreditNote,
        "creditend" => EntryKind::CreditEnd,
        _ => return None,
    };
    Some(Entry {
        kind,
        phrase: normalize(phrase),
        example,
    })
}

/// Lower case, with every run of characters that are not letters or digits
/// turned into one space, trimmed: "- Advertisement -" → "advertisement".
pub fn normalize(text: &str) -> String {
    Normal::of(text).norm
}

/// A block's normalised text (see [`normalize`]) and its numbers of words,
/// worked out once, in one pass, for all the tests of one block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normal {
    /// The normal form; of a block read by [`Normal::head_of`] with more
    /// than [`HEAD_WORDS`] words, only its first words (see `whole`). Left
    /// empty by [`Normal::of_ascii_words`] for such a block when no test
    /// reads its head (see [`Normal::head_skipped`]).
    pub norm: String,
    /// [`word_count`] of the whole normal form.
    pub words: usize,
    /// [`word_count`] of the text itself (lower-casing may split a word).
    pub text_words: usize,
    /// Whether `norm` is the whole normal form. When it is not, the block
    /// has more than [`HEAD_WORDS`] words and `norm` is the normal form of
    /// its first words: it ends at a word boundary and holds more than
    /// [`PHRASE_WORDS`] words, so a phrase that starts the block starts
    /// `norm`, and no phrase is the whole block.
    pub whole: bool,
}

/// Blocks of at most this many words are read whole: every test that needs
/// more of a block than its first words (a phrase anywhere in it, at its
/// end, or the whole of it) is for blocks this short.
pub const HEAD_WORDS: usize = 20;

// A block of more than HEAD_WORDS words is never short nor a link.
const _: () = assert!(SHORT_WORDS <= HEAD_WORDS && LINK_WORDS <= HEAD_WORDS);

/// Every entry phrase has at most this many words (a test checks it), so
/// that the first `PHRASE_WORDS + 1` words of a long block are all the
/// tests need of its normal form.
pub const PHRASE_WORDS: usize = 8;

impl Normal {
    /// The whole normal form of a text.
    pub fn of(text: &str) -> Normal {
        Normal::read(text, usize::MAX)
    }

    /// The normal form of a text, but only its first words (more than
    /// [`PHRASE_WORDS`]) when it has more than [`HEAD_WORDS`]; the word
    /// counts are whole.
    pub fn head_of(text: &str) -> Normal {
        // Most blocks are long body paragraphs: their first words are
        // copied, the rest counted. A block that turns out to be of at most
        // HEAD_WORDS words is read again, whole.
        let normal = Normal::read(text, PHRASE_WORDS);
        if normal.whole || normal.words > HEAD_WORDS {
            normal
        } else {
            Normal::of(text)
        }
    }

    /// [`Normal::head_of`] of a text whose letters and digits are all
    /// ASCII, made from the byte ranges of its words (its runs of letters
    /// and digits) in order, `count` of them: their lower case joined by
    /// spaces, only the first `PHRASE_WORDS + 1` when there are more than
    /// [`HEAD_WORDS`]. The rest of the text is not read.
    ///
    /// Of a block of more than [`HEAD_WORDS`] words, the tests read only
    /// whether its head starts with a `notice` phrase, or a `credit` or
    /// `creditnote` one when it has at most [`CREDIT_WORDS`]: when its
    /// first word starts none of them, the head is not made (see
    /// [`Normal::head_skipped`]).
    pub fn of_ascii_words(
        text: &str,
        words: impl IntoIterator<Item = Range<usize>>,
        count: usize,
    ) -> Normal {
        let whole = count <= HEAD_WORDS;
        let take = if whole { count } else { PHRASE_WORDS + 1 };
        let bytes = text.as_bytes();
        let mut words = words.into_iter().peekable();
        if !whole {
            let first = words.peek().map_or((0, 0), |w| word_key(bytes, w.clone()));
            if !long_head_read(first, count) {
                return Normal {
                    norm: String::new(),
                    words: count,
                    text_words: count,
                    whole,
                };
            }
        }
        let mut norm = Copy8::with_capacity(take * 8);
        for word in words.take(take) {
            if norm.len > 0 {
                norm.push(b' ');
            }
            // Eight letters and digits at a time, to lower case (digits
            // have the bit set).
            let mut at = word.start;
            while at < word.end {
                let n = (word.end - at).min(8);
                norm.push8(eight_bytes_at(bytes, at) | splat(0x20), n);
                at += n;
            }
        }
        Normal {
            // ASCII letters, digits and spaces only.
            norm: String::from_utf8(norm.into_vec())
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            words: count,
            text_words: count,
            whole,
        }
    }

    /// Whether the head of a block of more than [`HEAD_WORDS`] words was
    /// left unmade by [`Normal::of_ascii_words`] (`norm` is empty): no test
    /// of the block reads it, but a comparison of its normal form with
    /// another must make it (see [`Normal::head_of`]).
    pub fn head_skipped(&self) -> bool {
        !self.whole && self.norm.is_empty()
    }

    /// The normal form, copied until it holds more than `head` words; the
    /// rest of the text is only counted.
    ///
    /// One pass: a run of ASCII letters and digits is found and copied in
    /// lower case eight bytes at a time, other ASCII bytes end a word, and
    /// only a character that is not ASCII is decoded.
    fn read(text: &str, head: usize) -> Normal {
        let bytes = text.as_bytes();
        let mut norm = Copy8::with_capacity(text.len().min(head.saturating_mul(8)));
        let mut whole = true;
        let mut count = WordCounter::default();
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            match byte_class(b) {
                WORD => {
                    if !count.in_text_word {
                        if count.norm_words > head {
                            // Enough words: the rest are only counted.
                            whole = false;
                            count.count(text, at, usize::MAX);
                            break;
                        }
                        // A word starts: in the text and in the normal form.
                        count.text_words += 1;
                        count.norm_words += 1;
                        count.in_text_word = true;
                        if norm.len > 0 {
                            norm.push(b' ');
                        }
                    } else if !count.in_norm_word {
                        count.norm_words += 1;
                    }
                    count.in_norm_word = true;
                    // Up to eight letters and digits at once, to lower case
                    // (digits have the bit set); at least the first is one.
                    let x = eight_bytes_at(bytes, at);
                    let word = ascii_alphanumeric_bytes(x & !HIGH_BITS) & !x;
                    let run = ((!word & HIGH_BITS).trailing_zeros() / 8) as usize;
                    norm.push8(x | splat(0x20), run.max(1));
                    at += run.max(1);
                }
                OTHER => {
                    count.separator();
                    at += 1;
                }
                CONTINUATION => at += 1,
                _ => {
                    let c = char_at(text, at);
                    if !is_alphanumeric(c) {
                        count.separator();
                    } else {
                        if !count.in_text_word && count.norm_words > head {
                            whole = false;
                            count.count(text, at, usize::MAX);
                            break;
                        }
                        if count.letter() && norm.len > 0 {
                            norm.push(b' ');
                        }
                        for l in c.to_lowercase() {
                            count.norm_char(is_alphanumeric(l));
                            for &b in l.encode_utf8(&mut [0; 4]).as_bytes() {
                                norm.push(b);
                            }
                        }
                    }
                    at += c.len_utf8();
                }
            }
        }
        Normal {
            // Whole characters only were copied: the bytes are UTF-8.
            norm: String::from_utf8(norm.into_vec())
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            words: count.norm_words,
            text_words: count.text_words,
            whole,
        }
    }
}

/// A byte buffer that takes eight bytes at a time and keeps only the first
/// few of them: its first `len` bytes are the contents.
struct Copy8 {
    bytes: Vec<u8>,
    len: usize,
}

impl Copy8 {
    /// An empty buffer with room for `capacity` bytes.
    fn with_capacity(capacity: usize) -> Copy8 {
        Copy8 {
            bytes: vec![0; capacity + 8],
            len: 0,
        }
    }

    /// Makes room for eight more bytes.
    fn room(&mut self) {
        if self.bytes.len() < self.len + 8 {
            self.bytes.resize(self.len * 2 + 8, 0);
        }
    }

    /// Appends one byte.
    fn push(&mut self, b: u8) {
        self.room();
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = b;
        }
        self.len += 1;
    }

    /// Appends the first `n` (at most eight) bytes of `x`, little-endian.
    fn push8(&mut self, x: u64, n: usize) {
        self.room();
        if let Some(slot) = self.bytes.get_mut(self.len..self.len + 8) {
            slot.copy_from_slice(&x.to_le_bytes());
        }
        self.len += n.min(8);
    }

    /// The contents.
    fn into_vec(mut self) -> Vec<u8> {
        self.bytes.truncate(self.len);
        self.bytes
    }
}

/// The words of a text and of its normal form, counted a character at a
/// time: a letter or digit of the text starts a word after a separator;
/// in the normal form, after the space a separator becomes, a character of
/// its lower case that is a letter or digit starts one.
#[derive(Default)]
struct WordCounter {
    text_words: usize,
    norm_words: usize,
    in_text_word: bool,
    in_norm_word: bool,
}

impl WordCounter {
    /// A character of the text that is not a letter or digit.
    fn separator(&mut self) {
        self.in_text_word = false;
    }

    /// A letter or digit of the text; whether it starts a word (which the
    /// space before it in the normal form ends there).
    fn letter(&mut self) -> bool {
        let starts = !self.in_text_word;
        if starts {
            self.text_words += 1;
            self.in_text_word = true;
            self.in_norm_word = false;
        }
        starts
    }

    /// A character of the lower case of a letter or digit.
    fn norm_char(&mut self, alphanumeric: bool) {
        if alphanumeric && !self.in_norm_word {
            self.norm_words += 1;
        }
        self.in_norm_word = alphanumeric;
    }

    /// Counts the words of `text[from..]`, eight ASCII bytes at a time
    /// where it can, until the text has `limit` words or more (checked
    /// once per eight bytes, so the count may go past `limit`).
    fn count(&mut self, text: &str, from: usize, limit: usize) {
        let rest = text.as_bytes().get(from..).unwrap_or_default();
        let mut chunks = rest.chunks_exact(8);
        let mut at = from;
        for chunk in chunks.by_ref() {
            if self.text_words >= limit {
                return;
            }
            let x = <[u8; 8]>::try_from(chunk).map_or(HIGH_BITS, u64::from_le_bytes);
            if x & HIGH_BITS == 0 {
                self.ascii_chunk(x);
            } else {
                // Byte by byte: the bytes that continue a character are
                // skipped, whichever chunk its first byte was in.
                for (i, &b) in chunk.iter().enumerate() {
                    self.byte(text, at + i, b);
                }
            }
            at += 8;
        }
        // The last bytes, padded with zeros (separators, which change
        // nothing but the state after the end) when they are all ASCII.
        let tail = chunks.remainder();
        let x = eight_bytes_at(tail, 0);
        if x & HIGH_BITS == 0 {
            self.ascii_chunk(x);
            return;
        }
        for (i, &b) in tail.iter().enumerate() {
            self.byte(text, at + i, b);
        }
    }

    /// The byte `b` at `at` of the text: a letter or digit, a separator, a
    /// character that is not ASCII (decoded) or a byte that continues one.
    fn byte(&mut self, text: &str, at: usize, b: u8) {
        match byte_class(b) {
            WORD => {
                self.letter();
                self.norm_char(true);
            }
            OTHER => self.separator(),
            CONTINUATION => {}
            _ => {
                let c = char_at(text, at);
                if !is_alphanumeric(c) {
                    self.separator();
                    return;
                }
                self.letter();
                for l in c.to_lowercase() {
                    self.norm_char(is_alphanumeric(l));
                }
            }
        }
    }

    /// Eight ASCII bytes (little-endian in `x`) read at once: the same as
    /// [`WordCounter::separator`], [`WordCounter::letter`] and
    /// [`WordCounter::norm_char`] a byte at a time.
    fn ascii_chunk(&mut self, x: u64) {
        let word = ascii_alphanumeric_bytes(x);
        let before = if self.in_text_word { 0x80 } else { 0 };
        let starts = high_bits_set(word & !((word << 8) | before));
        self.text_words += starts;
        self.norm_words += starts;
        if word & 0x80 != 0 && self.in_text_word && !self.in_norm_word {
            // A word of the text goes on, but its normal form had ended.
            self.norm_words += 1;
        }
        // When the chunk ends in a word, it ends in a word of the normal
        // form too; when it does not, `in_norm_word` is not read before a
        // letter sets it again.
        self.in_norm_word = true;
        self.in_text_word = word >> 63 != 0;
    }
}

/// The top bit of each byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The number of bytes of `x` (which has no bit set but the top bit of
/// some bytes) with the top bit set: the bits moved to the bottom of each
/// byte and summed into the top byte by one multiplication (cheaper than
/// [`u64::count_ones`] where the CPU has no population count).
fn high_bits_set(x: u64) -> usize {
    ((x >> 7).wrapping_mul(splat(1)) >> 56) as usize
}

/// The top bit of each byte of `x` that is a space (exactly: no carry
/// runs from one byte into the next).
fn space_bytes(x: u64) -> u64 {
    let y = x ^ splat(b' ');
    !(((y & !HIGH_BITS).wrapping_add(!HIGH_BITS)) | y) & HIGH_BITS
}

/// Each byte of a `u64` set to `b`.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The top bit of each byte of `x` (all ASCII) that is a letter or digit.
fn ascii_alphanumeric_bytes(x: u64) -> u64 {
    // Per byte, v + (0x80 - lo) has its top bit set when v >= lo; no byte
    // carries into the next, as v < 0x80.
    let at_least = |v: u64, lo: u8| v.wrapping_add(splat(0x80 - lo));
    let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
    let lower = x | splat(0x20);
    let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
    (digit | letter) & HIGH_BITS
}

/// [`byte_class`] of an ASCII letter or digit.
const WORD: u8 = 1;
/// [`byte_class`] of any other ASCII character.
const OTHER: u8 = 0;
/// [`byte_class`] of the first byte of a character that is not ASCII.
const LEAD: u8 = 2;
/// [`byte_class`] of the other bytes of a character that is not ASCII.
const CONTINUATION: u8 = 3;

/// What a byte is to the word scanners: [`WORD`], [`OTHER`], [`LEAD`] or
/// [`CONTINUATION`].
fn byte_class(b: u8) -> u8 {
    BYTE_CLASS.get(usize::from(b)).copied().unwrap_or(LEAD)
}

/// [`byte_class`] of each byte, looked up rather than worked out.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [LEAD; 256];
    let mut rest: &mut [u8] = &mut table;
    let mut b: usize = 0;
    while let Some((class, tail)) = rest.split_first_mut() {
        *class = match b as u8 {
            b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' => WORD,
            0..=0x7F => OTHER,
            0x80..=0xBF => CONTINUATION,
            _ => LEAD,
        };
        rest = tail;
        b += 1;
    }
    table
};

/// The character at byte `at` of the text (a space past its end).
fn char_at(text: &str, at: usize) -> char {
    text.get(at..).and_then(|r| r.chars().next()).unwrap_or(' ')
}

/// Whether the text has more than `n` words; it stops reading after them.
pub fn more_words_than(text: &str, n: usize) -> bool {
    count_words(text, n.saturating_add(1)) > n
}

/// Number of words (runs of letters and digits) of a text.
pub fn word_count(text: &str) -> usize {
    count_words(text, usize::MAX)
}

/// Number of words (runs of letters and digits) of a text, counted until
/// there are `limit` or more.
fn count_words(text: &str, limit: usize) -> usize {
    let mut count = WordCounter::default();
    count.count(text, 0, limit);
    count.text_words
}

/// The first byte of a text as an index (0 for an empty text).
fn first_byte(text: &str) -> usize {
    text.as_bytes().first().map_or(0, |&b| usize::from(b))
}

/// A word (`bytes[word]`, letters and digits) as a key for a quick
/// comparison: its byte length and its first eight bytes with the 0x20 bit
/// set (the lower case of ASCII letters; digits have the bit), the bytes
/// after it zero. Words equal but for the case of ASCII letters have equal
/// keys.
fn word_key(bytes: &[u8], word: Range<usize>) -> (usize, u64) {
    let len = word.end.saturating_sub(word.start);
    let kept = u64::MAX
        .checked_shr(8 * 8u32.saturating_sub(u32::try_from(len).unwrap_or(8)))
        .unwrap_or(0);
    (
        len,
        (eight_bytes_at(bytes, word.start) | splat(0x20)) & kept,
    )
}

/// Whether a test reads the head of a block of `words` words, more than
/// [`HEAD_WORDS`], whose first word has the [`word_key`] `first`: whether
/// a `notice` phrase, or for a block of at most [`CREDIT_WORDS`] a
/// `credit` or `creditnote` one, can start its normal form.
fn long_head_read(first: (usize, u64), words: usize) -> bool {
    by_kind(EntryKind::Notice).may_start_with_word(first)
        || (words <= CREDIT_WORDS
            && (by_kind(EntryKind::Credit).may_start_with_word(first)
                || by_kind(EntryKind::CreditNote).may_start_with_word(first)))
}

/// Whether `norm` starts with `phrase` at a word boundary.
fn starts_with_words(norm: &str, phrase: &str) -> bool {
    norm.strip_prefix(phrase)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// Whether the block is page chrome by a `line`, `start`, `end`, `notice`
/// or `pattern` entry.
pub fn is_chrome(block: &str) -> bool {
    // The tests need no more of a long block than its head.
    is_chrome_in(block, &Normal::head_of(block))
}

/// [`is_chrome`] of a block whose [`Normal`] form is known.
pub fn is_chrome_in(block: &str, n: &Normal) -> bool {
    chrome_in(block, n, || is_photo_credit_in(block, n))
}

/// [`is_chrome_in`] of a block whose [`is_photo_credit_in`] is known too.
pub fn is_chrome_with_credit_in(block: &str, n: &Normal, photo_credit: bool) -> bool {
    chrome_in(block, n, || photo_credit)
}

/// [`is_chrome_in`], asking `photo_credit` for [`is_photo_credit_in`].
fn chrome_in(block: &str, n: &Normal, photo_credit: impl Fn() -> bool) -> bool {
    let norm = n.norm.as_str();
    let words = n.words;
    let short = words <= SHORT_WORDS;
    by_kind(EntryKind::Line).equals(n)
        || by_kind(EntryKind::List).equals(n)
        || (short
            && (by_kind(EntryKind::Start).starts(norm)
                || by_kind(EntryKind::ListStart).starts(norm)))
        || (words <= LINK_WORDS && by_kind(EntryKind::Contains).within(norm))
        || (short
            && !ends_sentence(block)
            && by_kind(EntryKind::End)
                .phrases
                .iter()
                .any(|p| norm.ends_with(p)))
        || by_kind(EntryKind::Notice).starts(norm)
        || {
            let temperature_like = starts_like_temperature(block);
            patterns()
                .iter()
                .any(|p| p.may_match(n, temperature_like) && p.matches_after(block, &photo_credit))
        }
}

/// Whether the block is a label that heads a list of links ("Related
/// Articles", "More from The Example Daily"), by a `list` or `liststart`
/// entry.
pub fn heads_list(block: &str) -> bool {
    heads_list_in(&Normal::of(block))
}

/// [`heads_list`] of a block whose [`Normal`] form is known.
pub fn heads_list_in(n: &Normal) -> bool {
    by_kind(EntryKind::List).equals(n)
        || (n.words <= SHORT_WORDS && by_kind(EntryKind::ListStart).starts(&n.norm))
}

/// Whether the block is a credit line, by a `credit` or `creditend` entry:
/// "(Reporting by Ana Ruiz; Editing by Tom Wu)", "Example Wire contributed
/// to this report.", "h/t: Example Daily".
pub fn is_credit(block: &str) -> bool {
    is_credit_in(block, &Normal::of(block))
}

/// [`is_credit`] of a block whose [`Normal`] form is known.
pub fn is_credit_in(block: &str, n: &Normal) -> bool {
    let norm = n.norm.as_str();
    let words = n.words;
    if words > CREDIT_WORDS {
        // Every kind of credit has at most CREDIT_WORDS >= SHORT_WORDS.
        return false;
    }
    let note_shape = || {
        let t = block.trim();
        (t.starts_with('(') && t.ends_with(')')) || !ends_sentence(t)
    };
    by_kind(EntryKind::CreditNote).starts(norm)
        || (by_kind(EntryKind::Credit).starts(norm) && note_shape())
        || (words <= SHORT_WORDS
            && by_kind(EntryKind::CreditEnd)
                .phrases
                .iter()
                .any(|p| norm.ends_with(p) && norm.len() > p.len()))
}

/// Whether the text ends with sentence punctuation, closing quotes and
/// brackets aside.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']', '»'])
        .ends_with(['.', '!', '?', '…'])
}

/// The byte length of the byline phrase a short block starts with
/// ("By ", "Edited by: "), separators after it included.
pub fn byline_prefix(block: &str) -> Option<usize> {
    byline_prefix_in(block, &Normal::of(block))
}

/// [`byline_prefix`] of a block whose [`Normal`] form is known.
pub fn byline_prefix_in(block: &str, n: &Normal) -> Option<usize> {
    prefix_of(block, n, EntryKind::Byline)
}

/// Whether the whole short block is a reporter's role ("Staff Reporter").
pub fn is_role(block: &str) -> bool {
    is_role_in(&Normal::of(block))
}

/// [`is_role`] of a block whose [`Normal`] form is known.
pub fn is_role_in(n: &Normal) -> bool {
    by_kind(EntryKind::Role).equals(n)
}

/// The byte length of the dateline phrase a short block starts with
/// ("Published: "), separators after it included.
pub fn dateline_prefix(block: &str) -> Option<usize> {
    dateline_prefix_in(block, &Normal::of(block))
}

/// [`dateline_prefix`] of a block whose [`Normal`] form is known.
pub fn dateline_prefix_in(block: &str, n: &Normal) -> Option<usize> {
    prefix_of(block, n, EntryKind::Dateline)
}

/// The longest entry of `kind` that starts the block, as a byte length of
/// the block (the phrase and the punctuation and spaces after it).
fn prefix_of(block: &str, n: &Normal, kind: EntryKind) -> Option<usize> {
    if n.words > SHORT_WORDS {
        return None;
    }
    let phrase = by_kind(kind)
        .starting_like(&n.norm)
        .iter()
        .filter(|p| starts_with_words(&n.norm, p))
        .max_by_key(|p| p.len())?;
    let words = word_count(phrase);
    Some(byte_after_words(block, words))
}

/// The byte offset in `text` after its first `n` words and the
/// non-alphanumeric characters that follow them.
fn byte_after_words(text: &str, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if is_alphanumeric(c) {
            if !in_word {
                if seen == n {
                    return i;
                }
                seen += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    text.len()
}

/// A built-in pattern (a `pattern` entry, named by its phrase).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pattern {
    Temperature,
    Copyright,
    Weather,
    Navigation,
    LabelledLink,
    PhotoCredit,
}

impl Pattern {
    /// The pattern of an entry's name; `None` for an unknown name, which
    /// matches nothing.
    fn named(name: &str) -> Option<Pattern> {
        Some(match name {
            "temperature" => Pattern::Temperature,
            "copyright" => Pattern::Copyright,
            "weather" => Pattern::Weather,
            "navigation" => Pattern::Navigation,
            "labelled link" => Pattern::LabelledLink,
            "photo credit" => Pattern::PhotoCredit,
            _ => return None,
        })
    }

    /// Whether the pattern can match a block of these words, whose first
    /// character can start a temperature or not (see
    /// [`starts_like_temperature`]): the cheap tests that
    /// rule out most blocks before [`Pattern::matches_after`] runs.
    fn may_match(self, n: &Normal, temperature_like: bool) -> bool {
        match self {
            Pattern::Temperature | Pattern::Weather => temperature_like,
            // Its normal form has the block's words.
            Pattern::Copyright => n.words <= COPYRIGHT_WORDS,
            Pattern::Navigation => n.text_words <= NAVIGATION_WORDS,
            Pattern::LabelledLink => n.text_words <= LABELLED_LINK_WORDS,
            Pattern::PhotoCredit => n.text_words <= PHOTO_CREDIT_WORDS,
        }
    }

    /// Runs the pattern on a block that [`Pattern::may_match`] let
    /// through, asking `photo_credit` for [`is_photo_credit_in`].
    fn matches_after(self, block: &str, photo_credit: impl Fn() -> bool) -> bool {
        match self {
            Pattern::Temperature => is_temperature(block),
            Pattern::Copyright => is_copyright(block),
            Pattern::Weather => is_weather(block),
            Pattern::Navigation => is_navigation(block),
            Pattern::LabelledLink => is_labelled_link(block),
            Pattern::PhotoCredit => photo_credit(),
        }
    }
}

/// The `pattern` entries of `chrome.txt`, their names looked up once.
fn patterns() -> &'static [Pattern] {
    static PATTERNS: OnceLock<Vec<Pattern>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        by_kind(EntryKind::Pattern)
            .phrases
            .iter()
            .filter_map(|p| Pattern::named(p))
            .collect()
    })
}

/// Whether the block's first character can start a temperature (a digit
/// or a sign): [`is_temperature`] and [`is_weather`] are false for any
/// other block.
fn starts_like_temperature(block: &str) -> bool {
    // Most blocks start with an ASCII letter: read as a byte.
    match block.as_bytes().first() {
        Some(b) if b.is_ascii_alphabetic() => false,
        _ => block
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '−' | '+')),
    }
}

/// Copyright lines have at most this many words.
const COPYRIGHT_WORDS: usize = SHORT_WORDS * 2;

/// A labelled link has at most this many words: a label of at most
/// [`SHORT_WORDS`] (a list label, see [`heads_list_in`]) and a title of at
/// most [`LINK_WORDS`], the colon between them a separator.
const LABELLED_LINK_WORDS: usize = SHORT_WORDS + LINK_WORDS;

/// Navigation lines have at most this many words.
const NAVIGATION_WORDS: usize = 20;

/// Photo credits have at most this many words.
const PHOTO_CREDIT_WORDS: usize = 10;

/// A weather widget: a number and a degree unit and nothing else ("52.8 F",
/// "18°C", "-3 °F").
pub fn is_temperature(block: &str) -> bool {
    let t = block.trim();
    let t = t.strip_prefix(['-', '−', '+']).unwrap_or(t);
    let digits_end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(digits_end);
    if !number.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let unit = unit.trim_start().trim_start_matches(['°', 'º']).trim();
    matches!(unit, "F" | "C" | "°" | "degrees" | "ºF" | "ºC") || unit.is_empty() && t.contains('°')
}

/// A weather widget with words after the temperature: a condition or a
/// place ("61 F Clear Springfield", "18°C Light rain"), at most five words
/// and no sentence punctuation.
pub fn is_weather(block: &str) -> bool {
    let t = block.trim();
    let mut words = t.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    // The temperature is the number and its unit, glued or one word apart;
    // seven words after the first are already too many.
    let rest: Vec<&str> = words.take(7).collect();
    // The first two words as the text has them: the white space between
    // them changes nothing for `is_temperature`, which trims it.
    let first_two = |unit: &str| {
        let end = (unit.as_ptr() as usize + unit.len()).saturating_sub(t.as_ptr() as usize);
        t.get(..end).unwrap_or(t)
    };
    let (temp_len, tail) = match rest.first() {
        Some(unit) if is_temperature(first_two(unit)) => (2, rest.get(1..)),
        _ if is_temperature(first) => (1, rest.get(0..)),
        _ => return false,
    };
    let tail = tail.unwrap_or(&[]);
    temp_len > 0
        && !tail.is_empty()
        && tail.len() <= 5
        && !ends_sentence(t)
        && tail
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// A navigation line: at least three short items (at most three words each,
/// capitalised) separated by `|`, `·`, `•`, `/` or runs of two spaces, and
/// no sentence ("Home | Politics | Sports").
pub fn is_navigation(block: &str) -> bool {
    let t = block.trim();
    if ends_sentence(t) || t.contains('\n') || more_words_than(t, NAVIGATION_WORDS) {
        return false;
    }
    let items = t
        .split(['|', '·', '•', '/'])
        .flat_map(|part| part.split("  "))
        .map(str::trim)
        .filter(|p| !p.is_empty());
    // Read an item at a time, up to the first that is not one (most
    // blocks: their first, a phrase of more than three words).
    let mut count = 0;
    for item in items {
        let item_like = !more_words_than(item, 3)
            && item.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && word_count(item) >= 1;
        if !item_like {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// A list label, a colon and a short title, without a final period ("Read
/// more: The week in pictures", "Latest article: Storm closes the port").
pub fn is_labelled_link(block: &str) -> bool {
    let t = block.trim();
    // Most blocks end a sentence: ruled out before the colon is looked for.
    if ends_sentence(t) {
        return false;
    }
    let Some((label, title)) = t.split_once(':') else {
        return false;
    };
    if t.contains('\n') || more_words_than(title, LINK_WORDS) {
        return false;
    }
    word_count(title) > 0 && heads_list(label)
}

/// Labels that start a photo credit ("Photo: Ana Ruiz/AP").
const PHOTO_LABELS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "image",
    "images",
    "picture",
    "pictures",
    "illustration",
    "credit",
    "photo credit",
    "image credit",
    "ap photo",
    "reuters photo",
    "getty images",
];

/// A photo credit: "Photo: Ana Ruiz/AP", "Photograph by Tom Wu", "(AP
/// Photo/Ana Ruiz)", "Image: Example Wire", "Credit: Tom Wu": a label and a
/// colon, "by" or a slash, then at most eight words and no sentence.
pub fn is_photo_credit(block: &str) -> bool {
    let t = block.trim().trim_start_matches('(').trim_end_matches(')');
    if t.contains('\n')
        || more_words_than(t, PHOTO_CREDIT_WORDS)
        || (ends_sentence(t) && !t.ends_with("/AP."))
    {
        return false;
    }
    let cut = t.find([':', '/']).map(|i| (i, 1));
    // The lower case of an ASCII text has its bytes where they were.
    let by = if t.is_ascii() {
        t.as_bytes()
            .windows(4)
            .position(|w| w.eq_ignore_ascii_case(b" by "))
    } else {
        t.to_lowercase().find(" by ")
    }
    .map(|i| (i, 4));
    let Some((at, skip)) = [cut, by].into_iter().flatten().min_by_key(|(i, _)| *i) else {
        return false;
    };
    let (Some(label), Some(rest)) = (t.get(..at), t.get(at + skip..)) else {
        return false;
    };
    PHOTO_LABELS.contains(&normalize(label).as_str()) && word_count(rest) > 0
}

/// [`is_photo_credit`] of a block whose [`Normal`] form is known: a block
/// of more words is none (trimming spaces and brackets keeps the count),
/// and so is one whose normal form does not start with a label (the
/// label ends at a character that is not a letter or digit, so its normal
/// form starts the block's).
pub fn is_photo_credit_in(block: &str, n: &Normal) -> bool {
    n.text_words <= PHOTO_CREDIT_WORDS
        && PHOTO_LABELS.iter().any(|l| starts_with_words(&n.norm, l))
        && is_photo_credit(block)
}

/// A copyright line: starts with "©" or "(c)" and is short.
pub fn is_copyright(block: &str) -> bool {
    let t = block.trim_start();
    let c_in_brackets = t
        .as_bytes()
        .get(..3)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"(c)"));
    (t.starts_with('©') || c_in_brackets) && word_count(&normalize(t)) <= COPYRIGHT_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Normal::of_ascii_words`] of a text from its word tokens.
    fn of_word_tokens(text: &str) -> Normal {
        let words: Vec<Range<usize>> = crate::document::tokens::tokenize(text)
            .iter()
            .filter(|t| t.kind.is_word())
            .map(|t| t.span.start()..t.span.end())
            .collect();
        Normal::of_ascii_words(text, words.iter().cloned(), words.len())
    }

    #[test]
    fn the_photo_credit_label_test_is_the_full_one() {
        for b in [
            "Photo: Ana Ruiz/AP",
            "(AP Photo/Ana Ruiz)",
            "  ((Photo credit: Tom Wu))",
            "Photograph by Tom Wu",
            "PHOTOS by Tom Wu",
            "Image: Example Wire",
            "Getty Images/Tom Wu",
            "Credit: Tom Wu",
            "Reuters photo: x",
            "Fotó: x",
            "Photo-graph: x",
            "Photo credit by me",
            "The photo: x",
            "Photographer: Tom Wu",
            "Pictures/ a b",
        ] {
            assert_eq!(
                is_photo_credit_in(b, &Normal::of(b)),
                is_photo_credit(b),
                "{b:?}"
            );
        }
    }

    #[test]
    fn within_finds_whole_words_only() {
        let padded =
            |norm: &str, phrase: &str| format!(" {norm} ").contains(&format!(" {phrase} "));
        for (norm, phrase) in [
            ("in your inbox today", "in your inbox"),
            ("sign up in your inboxes", "in your inbox"),
            ("ba a a", "a a"),
            ("a", "a"),
            ("é a é", "é"),
            ("", ""),
            ("x", ""),
            ("newsletter", "news"),
            ("abcdefg in your inbox", "in your inbox"),
            ("abcdefgh in your inbox", "in your inbox"),
            ("abcdefgh inbox x", "x"),
            ("abcdefg é x", "x"),
            ("one two three four five six seven eight", "eight"),
            ("one two three four five six seven eight", "eigh"),
        ] {
            assert_eq!(
                Phrases::new([phrase]).within(norm),
                padded(norm, phrase),
                "{norm:?} {phrase:?}"
            );
        }
    }

    #[test]
    fn every_phrase_is_shorter_than_a_long_blocks_head() {
        for e in entries() {
            assert!(word_count(&e.phrase) <= PHRASE_WORDS, "{}", e.phrase);
        }
    }

    #[test]
    fn the_normal_form_of_ascii_words_is_the_read_one() {
        for n in [0, 1, 8, 9, 10, 20, 21, 40] {
            let text: String = (0..n)
                .map(|i| format!("-- Word{i} ({i}x)"))
                .collect::<Vec<_>>()
                .join(" ");
            let made = of_word_tokens(&text);
            let read = Normal::head_of(&text);
            if made.head_skipped() {
                // No phrase that a long block is tested for starts it.
                assert!(made.words > HEAD_WORDS && !read.whole, "{text:?}");
                assert_eq!((made.words, made.text_words), (read.words, read.text_words));
                for kind in [EntryKind::Notice, EntryKind::Credit, EntryKind::CreditNote] {
                    assert!(!by_kind(kind).starts(&read.norm), "{text:?}");
                }
            } else {
                assert_eq!(made, read, "{text:?}");
            }
        }
    }

    #[test]
    fn the_head_of_a_long_block_is_made_when_a_phrase_may_start_it() {
        // Of more than HEAD_WORDS words, and at most CREDIT_WORDS unless
        // repeated.
        let long = " and more".repeat(HEAD_WORDS / 2);
        for (start, repeat, made) in [
            ("We use cookies", 1, true),
            ("We use cookies", 3, true),
            ("THIS article originally appeared", 1, true),
            ("Reporting by Ana Ruiz", 1, true),
            ("Reporting by Ana Ruiz", 3, false),
            ("The council met", 1, false),
        ] {
            let text = format!("{start}{}", long.repeat(repeat));
            let normal = of_word_tokens(&text);
            assert_eq!(!normal.head_skipped(), made, "{text:?}");
            if made {
                assert_eq!(normal, Normal::head_of(&text));
            }
        }
    }

    #[test]
    fn the_head_of_a_long_block_starts_its_normal_form() {
        let long = "Related:  the Council’s VOTE, İstanbul ŒUVRE 42 x ".repeat(9);
        let whole = Normal::of(&long);
        let head = Normal::head_of(&long);
        assert!(whole.whole && !head.whole);
        assert_eq!(
            (head.words, head.text_words),
            (whole.words, whole.text_words)
        );
        assert_eq!(whole.words, word_count(&whole.norm));
        assert_eq!(whole.text_words, word_count(&long));
        assert!(head.words > HEAD_WORDS && word_count(&head.norm) > PHRASE_WORDS);
        assert!(whole.norm.starts_with(&format!("{} ", head.norm)));
        assert_eq!(
            Normal::head_of("Related Articles"),
            Normal::of("Related Articles")
        );
    }

    #[test]
    fn words_are_counted_as_runs_of_letters_and_digits() {
        let naive = |t: &str| {
            let mut in_word = false;
            t.chars()
                .filter(|c| {
                    let starts = c.is_alphanumeric() && !in_word;
                    in_word = c.is_alphanumeric();
                    starts
                })
                .count()
        };
        let base = "Ab9 cd,EF  gh-ij_kl@Zz [mn] é ĳx İa 12.5 — ŒU ";
        for i in 0..base.len() {
            let Some(t) = base.get(i..) else { continue };
            let t = t.repeat(3);
            assert_eq!(word_count(&t), naive(&t), "{t:?}");
            let n = naive(&normalize(&t));
            assert_eq!(Normal::head_of(&t).words, n, "{t:?}");
            assert_eq!(Normal::of(&t).words, n, "{t:?}");
            assert_eq!(more_words_than(&t, 5), naive(&t) > 5, "{t:?}");
        }
    }

    #[test]
    fn every_entry_parses() {
        let lines = DATA
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .count();
        assert_eq!(entries().len(), lines);
    }

    #[test]
    fn chrome_examples_are_chrome() {
        for e in entries() {
            let Some(ex) = e.example else { continue };
            match e.kind {
                EntryKind::Byline => assert!(byline_prefix(ex).is_some(), "{ex}"),
                EntryKind::Role => assert!(is_role(ex), "{ex}"),
                EntryKind::Dateline => assert!(dateline_prefix(ex).is_some(), "{ex}"),
                EntryKind::Credit | EntryKind::CreditNote | EntryKind::CreditEnd => {
                    assert!(is_credit(ex), "{ex}")
                }
                EntryKind::List | EntryKind::ListStart => {
                    assert!(is_chrome(ex) && heads_list(ex), "{ex}")
                }
                _ => assert!(is_chrome(ex), "{ex}"),
            }
        }
    }

    #[test]
    fn advertisement_in_any_dressing() {
        for ad in [
            "Advertisement",
            "-Advertisement-",
            "- Advertisement -",
            "ADVERTISEMENT",
        ] {
            assert!(is_chrome(ad), "{ad}");
        }
    }

    #[test]
    fn sentences_that_mention_chrome_words_are_not_chrome() {
        assert!(!is_chrome(
            "The senator said she would share the report with reporters on Monday."
        ));
        assert!(!is_chrome(
            "Related groups gave money to both campaigns, filings show, and more is expected."
        ));
        assert!(!is_chrome("Home prices rose."));
        assert!(!is_chrome("He declined to donate."));
    }

    #[test]
    fn temperatures_are_widgets() {
        assert!(is_temperature("52.8 F"));
        assert!(is_temperature("18°C"));
        assert!(!is_temperature("52 Fires"));
        assert!(!is_temperature("2024"));
    }

    #[test]
    fn weather_widgets_with_a_condition_or_place_are_chrome() {
        assert!(is_chrome("72 F  Sunny  Springfield"));
        assert!(is_chrome("18°C Light Rain"));
        assert!(!is_chrome("72 F is the high today."));
        assert!(!is_weather("52 Fires burned"));
        assert!(is_weather("61\t F  Clear Springfield"));
        assert!(is_weather("52°\u{a0} F Cloudy"));
        assert!(!is_weather("52x \n F Cloudy"));
    }

    #[test]
    fn navigation_lines_are_chrome() {
        assert!(is_chrome("Home | World | Sports | Arts"));
        assert!(is_chrome("News · Opinion · Video"));
        assert!(is_chrome("Home  Metro  Business  Weather"));
        assert!(!is_chrome("By Ana Ruiz | The Example Daily"));
        assert!(!is_navigation("Ruiz said yes | Wu said no | they left."));
    }

    #[test]
    fn a_list_label_with_a_colon_and_a_title_is_chrome() {
        assert!(is_chrome("Read more: Harbor pier reopens after repairs"));
        assert!(is_chrome("Latest article: Ferry fares rise in the spring"));
        assert!(!is_chrome(
            "Read more: the council said it would meet again, and so it did."
        ));
    }

    #[test]
    fn social_networks_and_sign_up_prompts_are_chrome() {
        for line in ["Facebook", "X", "LinkedIn", "WhatsApp"] {
            assert!(is_chrome(line), "{line}");
        }
        assert!(is_chrome(
            "Get the best of Springfield in your inbox every morning."
        ));
        assert!(!is_chrome(
            "The mayor said the notices would arrive in your inbox within days, which they did, eventually, after a long delay over the summer."
        ));
    }

    #[test]
    fn credits_are_credits() {
        assert!(is_credit("(Reporting by Ana Ruiz; Editing by Tom Wu)"));
        assert!(is_credit("Example Wire contributed to this report."));
        assert!(is_credit("h/t: The Example Daily"));
        assert!(is_credit("Additional reporting by Tom Wu in Springfield"));
        assert!(is_credit(
            "This story originally appeared in the Example Daily."
        ));
        assert!(!is_credit(
            "The mayor contributed to the report she wrote, aides said on Monday night."
        ));
    }

    #[test]
    fn photo_credits_are_chrome() {
        for line in [
            "Photo: Ana Ruiz/AP",
            "Photograph by Tom Wu",
            "(AP Photo/Ana Ruiz)",
            "Image: Example Wire",
            "Credit: Tom Wu for The Example Daily",
        ] {
            assert!(is_chrome(line), "{line}");
        }
        assert!(!is_chrome(
            "Photographs of the pier were shown to the council by the mayor."
        ));
    }

    #[test]
    fn byline_prefix_covers_the_separator() {
        let b = "Edited by: Example.com";
        assert_eq!(b.get(byline_prefix(b).unwrap_or(0)..), Some("Example.com"));
        assert_eq!(
            byline_prefix("By the end of the day the vote had been counted twice over by hand"),
            None
        );
    }
}
