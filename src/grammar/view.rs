//! The token view the grammar reads: tokens with their lowercase text, the
//! lines (a content piece never crosses one) and the sentences inside them.
//!
//! Input type of this layer: the [`Document`]; every later layer works on
//! token indices into [`View::toks`].

use std::borrow::Cow;

use super::phrases;
use crate::document::{Document, Token, TokenKind};
use crate::lexicon;
use crate::lexicon::cues::{self, Class, Entry, VerbForm};
use crate::span::Span;

/// A sentence as a token range inside one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sent {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index of its line in [`View::lines`].
    pub line: usize,
    /// Its part of the view's cue starts (see [`View::cue_starts`]), as a
    /// range of positions in that list.
    cues: (usize, usize),
    /// Its part of the view's phrase starts (see [`View::phrase_starts`]),
    /// the same way.
    phrases: (usize, usize),
}

/// Tokens, lines and sentences of a document.
pub struct View<'a> {
    pub text: &'a str,
    /// The text with ASCII letters lowercased: same byte offsets. The
    /// document's [`Document::lower`], borrowed.
    pub lower: Cow<'a, str>,
    pub toks: &'a [Token],
    /// Token ranges of the non-empty lines.
    pub lines: Vec<(usize, usize)>,
    pub sents: Vec<Sent>,
    /// The cue-list table.
    table: &'static cues::Table,
    /// Per token: what the cue lists say of its lowercase text (its
    /// [`cues::Table::lex_at`] value: the entry number and the cue kinds),
    /// with the `IS_*` bits below.
    flags: Vec<Flags>,
    /// The tokens that may start a cue the grammar looks for token by
    /// token: cue verbs, noun cues, hedges and the ends of closing
    /// quotation marks (see [`View::cue_starts`]).
    cue_starts: Vec<usize>,
    /// The words that may open a prepositional phrase (see
    /// [`View::phrase_starts`]).
    phrase_starts: Vec<usize>,
    /// The words that start with a poll word (see [`View::poll_starts`]).
    poll_starts: Vec<usize>,
    /// The double quotation marks (see [`View::quote_marks`]).
    quote_marks: Vec<usize>,
    /// The words of [`cues::CREDIT_WORDS`] (see [`View::credit_words`]).
    credit_words: Vec<usize>,
}

/// What the view keeps of a token: its [`cues::Table::lex_at`] value
/// (the entry number above [`cues::ENTRY_SHIFT`], the cue kinds in the
/// lowest bits) with the `IS_*` bits below.
type Flags = u32;

/// A word that is a form of a cue verb.
const IS_CUE_VERB: Flags = cues::KIND_VERB as Flags;
/// A noun cue (before `that` or a preposition).
const IS_NOUN_CUE: Flags = cues::KIND_NOUN as Flags;
/// A hedge adverb.
const IS_HEDGE: Flags = cues::KIND_HEDGE as Flags;
/// A word of [`cues::CREDIT_WORDS`].
const IS_CREDIT: Flags = cues::KIND_CREDIT as Flags;
/// A word or number.
const IS_WORD: Flags = 1 << 4;
/// A word starting with an upper-case letter.
const IS_CAP: Flags = 1 << 5;
/// A double quotation mark of any style (or the first of `''`).
const IS_QUOTE: Flags = 1 << 6;
/// A quotation mark that opens a quotation.
const IS_OPEN_QUOTE: Flags = 1 << 7;
/// The end of a closing quotation mark.
const ENDS_QUOTE: Flags = 1 << 8;
/// A mark after which a sentence may end (see [`View::ends_sentence`]):
/// `.`, `?`, `!`, `)` or a quotation mark that closes a quotation.
const MAY_END: Flags = 1 << 9;
/// The punctuation `,`.
const IS_COMMA: Flags = 1 << 10;
/// The punctuation `.`.
const IS_STOP: Flags = 1 << 11;
/// The punctuation `:`.
const IS_COLON: Flags = 1 << 12;
/// The punctuation `)`.
const IS_CLOSE_PAREN: Flags = 1 << 13;
/// The punctuation `;`.
const IS_SEMICOLON: Flags = 1 << 14;
/// The punctuation `(`.
const IS_OPEN_PAREN: Flags = 1 << 15;

// The cue kinds of the cue lists are the lowest bits, below `IS_WORD`; the
// `IS_*` bits stay below the entry number.
const _: () = assert!(
    ((cues::KIND_VERB | cues::KIND_NOUN | cues::KIND_HEDGE | cues::KIND_CREDIT) as Flags) < IS_WORD
        && IS_OPEN_PAREN < 1 << cues::ENTRY_SHIFT
);

/// The `IS_*` bit of a punctuation mark the grammar often asks about
/// ([`View::is_punct`]), 0 for the others: the one place that maps a mark
/// to its bit, for the token flags and for the questions asked of them.
#[inline(always)]
fn punct_bit(c: u8) -> Flags {
    match c {
        b',' => IS_COMMA,
        b'.' => IS_STOP,
        b':' => IS_COLON,
        b')' => IS_CLOSE_PAREN,
        b';' => IS_SEMICOLON,
        b'(' => IS_OPEN_PAREN,
        _ => 0,
    }
}

// Marks that are not ASCII, as the bytes of a token ([`View::w`],
// [`View::raw`]).
/// `—`
pub const EM_DASH: &[u8] = "—".as_bytes();
/// `–`
pub const EN_DASH: &[u8] = "–".as_bytes();
/// `’`
pub const CURLY_APOSTROPHE: &[u8] = "’".as_bytes();
/// `“`
pub const OPEN_DOUBLE: &[u8] = "“".as_bytes();
/// `”`
pub const CLOSE_DOUBLE: &[u8] = "”".as_bytes();
/// `„`
pub const LOW_DOUBLE: &[u8] = "„".as_bytes();
/// `«`
pub const OPEN_GUILLEMET: &[u8] = "«".as_bytes();
/// `»`
pub const CLOSE_GUILLEMET: &[u8] = "»".as_bytes();
/// `£`
pub const POUND: &[u8] = "£".as_bytes();
/// `€`
pub const EURO: &[u8] = "€".as_bytes();

/// The most tokens of one sentence.
pub const MAX_SENTENCE: usize = 400;

/// Whether a lowercase word is an abbreviation after which a full stop
/// does not end a sentence (one `match`: compared by length first).
fn is_abbreviation(w: &[u8]) -> bool {
    matches!(
        w,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"sen"
            | b"rep"
            | b"gov"
            | b"gen"
            | b"lt"
            | b"col"
            | b"sgt"
            | b"capt"
            | b"st"
            | b"jr"
            | b"sr"
            | b"prof"
            | b"rev"
            | b"inc"
            | b"corp"
            | b"co"
            | b"ltd"
            | b"no"
            | b"vs"
            | b"jan"
            | b"feb"
            | b"aug"
            | b"sept"
            | b"sep"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"pres"
            | b"adm"
            | b"maj"
            | b"atty"
            | b"supt"
            | b"ft"
            | b"mt"
            | b"cmdr"
            | b"u"
            | b"d"
            | b"r"
            | b"i"
            | b"e"
            | b"g"
            | b"p"
            | b"a"
            | b"m"
            | b"s"
    )
}

/// The most closing quotes and brackets between a sentence's end mark and
/// the next sentence.
const MAX_CLOSERS: usize = 8;

impl<'a> View<'a> {
    /// Builds the view of a document.
    pub fn new(doc: &'a Document) -> View<'a> {
        let text = doc.text.as_str();
        let toks = doc.tokens.as_slice();
        let lower = match doc.lower_of(Span::new(0, text.len())) {
            Some(lower) => Cow::Borrowed(lower),
            None => Cow::Owned(text.to_ascii_lowercase()),
        };
        let mut v = View {
            text,
            lower,
            toks,
            lines: Vec::new(),
            sents: Vec::new(),
            table: cues::table(),
            flags: Vec::new(),
            cue_starts: Vec::new(),
            phrase_starts: Vec::new(),
            poll_starts: Vec::new(),
            quote_marks: Vec::new(),
            credit_words: Vec::new(),
        };
        let ends = v.read_tokens(doc.blocks.len() + 1);
        v.sents = v.split_sentences(doc, &ends);
        v.place_cue_starts();
        v
    }

    /// Reads every token once: its cue-list entry, its `IS_*` bits,
    /// whether it may start a cue ([`View::cue_starts`]) and whether a line
    /// break stands before it ([`View::lines`]). `lines_hint` is about the
    /// number of lines (the document's blocks). Gives the tokens after
    /// which a sentence may end ([`MAY_END`]), in order.
    fn read_tokens(&mut self, lines_hint: usize) -> Vec<usize> {
        let n = self.toks.len();
        // Filled in place, a slot a token: no capacity checks.
        let mut flags: Vec<Flags> = vec![0; n];
        let mut prev: Flags = 0;
        // Room for more than the usual share of each list (in news text
        // about one token in 15 may start a cue, one in 30 a phrase, one
        // in 45 is a quotation mark), so that they are seldom grown.
        let mut cue_starts = Vec::with_capacity(n / 8);
        let mut phrase_starts = Vec::with_capacity(n / 16);
        let mut poll_starts = Vec::new();
        let mut quote_marks = Vec::with_capacity(n / 32);
        let mut credit_words = Vec::new();
        let mut ends = Vec::with_capacity(n / 16);
        let mut lines = Vec::with_capacity(lines_hint);
        let mut line_start = 0;
        let lower = self.lower.as_bytes();
        let text = self.text.as_bytes();
        // Tokens hold no white space: a line ends where the gap between
        // two tokens holds a line break. Most gaps are empty or one space:
        // they are read without a search.
        let mut prev_end = self.toks.first().map_or(0, |t| t.span.start());
        let table = self.table;
        for (i, (t, flags_slot)) in self.toks.iter().zip(flags.iter_mut()).enumerate() {
            let start = t.span.start();
            if start > prev_end && gap_breaks_line(text, prev_end, start) {
                lines.push((line_start, i));
                line_start = i;
            }
            prev_end = t.span.end();
            let f = if t.kind.is_word() {
                // A punctuation token is one character that is no word
                // character, and the cue lists name no such word (a test
                // in `cues` checks it): only words are looked up.
                let (start, end) = (t.span.start(), t.span.end());
                let lex = table.lex_at(lower, start, end);
                // Most words start with no letter an opener or a poll word
                // starts with.
                let first = lower.get(start).copied();
                if phrases::may_open_phrase(first)
                    && lower.get(start..end).is_some_and(phrases::opens_phrase)
                {
                    phrase_starts.push(i);
                }
                if matches!(first, Some(b'p' | b's'))
                    && lower.get(start..end).is_some_and(phrases::starts_poll_word)
                {
                    poll_starts.push(i);
                }
                // An ASCII first letter (most words) is read as a byte.
                let cap = t.kind == TokenKind::Word
                    && match text.get(start) {
                        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                        _ => t
                            .span
                            .text(self.text)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase),
                    };
                lex | if cap { IS_WORD | IS_CAP } else { IS_WORD }
            } else {
                // A punctuation token is one character.
                match text.get(t.span.start()).copied() {
                    b if may_quote(b) => {
                        let f = self.punct_flags(i, prev);
                        if f & IS_QUOTE != 0 {
                            quote_marks.push(i);
                        }
                        f
                    }
                    Some(b @ (b'.' | b'?' | b'!' | b')')) => MAY_END | punct_bit(b),
                    Some(b) => punct_bit(b),
                    None => 0,
                }
            };
            // Most tokens are none of these: one test skips them all.
            if f & (IS_CUE_VERB | IS_NOUN_CUE | IS_HEDGE | ENDS_QUOTE | IS_CREDIT | MAY_END) != 0 {
                if f & (IS_CUE_VERB | IS_NOUN_CUE | IS_HEDGE | ENDS_QUOTE) != 0 {
                    cue_starts.push(i);
                }
                if f & IS_CREDIT != 0 {
                    credit_words.push(i);
                }
                if f & MAY_END != 0 {
                    ends.push(i);
                }
            }
            *flags_slot = f;
            prev = f;
        }
        self.flags = flags;
        self.cue_starts = cue_starts;
        self.phrase_starts = phrase_starts;
        self.poll_starts = poll_starts;
        self.quote_marks = quote_marks;
        self.credit_words = credit_words;
        if line_start < n {
            lines.push((line_start, n));
        }
        self.lines = lines;
        ends
    }

    /// Gives every sentence its part of [`View::cue_starts`] and of
    /// [`View::phrase_starts`]: one walk over the lists, which are in text
    /// order.
    fn place_cue_starts(&mut self) {
        let (mut k, mut p) = (0, 0);
        for s in &mut self.sents {
            s.cues = place(&self.cue_starts, &mut k, s);
            s.phrases = place(&self.phrase_starts, &mut p, s);
        }
    }

    /// The `IS_*` quotation bits of punctuation token `i`, after a token
    /// with the bits `prev` (0 for the first token).
    fn punct_flags(&self, i: usize, prev: Flags) -> Flags {
        let mut f = 0;
        if self.read_quote(i) {
            f |= IS_QUOTE;
            if self.read_open_quote(i) {
                f |= IS_OPEN_QUOTE;
            }
        }
        let close = |f: Flags| f & (IS_QUOTE | IS_OPEN_QUOTE) == IS_QUOTE;
        let after_close = i > 0 && close(prev);
        if close(f) || (self.raw(i) == b"'" && after_close) {
            f |= ENDS_QUOTE;
        }
        if close(f) {
            f |= MAY_END;
        }
        f
    }

    /// Whether token `i` has all the `IS_*` bits of `bits`.
    fn has(&self, i: usize, bits: Flags) -> bool {
        self.flags.get(i).is_some_and(|f| f & bits == bits)
    }

    /// What the cue lists say of token `i`, if they name it.
    pub fn lex(&self, i: usize) -> Option<&'static Entry> {
        self.table.entry(self.flags.get(i).copied()?)
    }

    /// The tokens of a sentence, in order, that are cue verbs, noun cues,
    /// hedges or ends of closing quotation marks: the only ones where the
    /// per-token searches for those cues can start.
    pub fn cue_starts(&self, sent: &Sent) -> &[usize] {
        self.cue_starts.get(sent.cues.0..sent.cues.1).unwrap_or(&[])
    }

    /// The words of a sentence, in order, that start as a prepositional
    /// phrase does ([`phrases::opens_phrase`]).
    pub fn phrase_starts(&self, sent: &Sent) -> &[usize] {
        self.phrase_starts
            .get(sent.phrases.0..sent.phrases.1)
            .unwrap_or(&[])
    }

    /// The words of a sentence, in order, whose lowercase text starts with
    /// a poll word ([`phrases::starts_poll_word`]).
    pub fn poll_starts(&self, sent: &Sent) -> &[usize] {
        in_sentence(&self.poll_starts, sent)
    }

    /// The words of a sentence, in order, that are words of
    /// [`cues::CREDIT_WORDS`] ("contributed").
    pub fn credit_words(&self, sent: &Sent) -> &[usize] {
        in_sentence(&self.credit_words, sent)
    }

    /// The double quotation marks of the text ([`View::is_quote`]), in
    /// order: the only tokens a pairing of quotation marks reads.
    pub fn quote_marks(&self) -> &[usize] {
        &self.quote_marks
    }

    /// Whether token `i` is a word that is a form of a cue verb.
    pub fn is_cue_verb(&self, i: usize) -> bool {
        self.has(i, IS_CUE_VERB)
    }

    /// Whether token `i` is a word that is a noun cue (before `that` or a
    /// preposition).
    pub fn is_noun_cue(&self, i: usize) -> bool {
        self.has(i, IS_NOUN_CUE)
    }

    /// Whether token `i` is a word that is a hedge adverb.
    pub fn is_hedge(&self, i: usize) -> bool {
        self.has(i, IS_HEDGE)
    }

    /// Whether token `i` belongs to a class of function words.
    pub fn is_a(&self, i: usize, class: Class) -> bool {
        self.lex(i).is_some_and(|e| e.is(class))
    }

    /// Whether token `i` is a time word ([`Class::Time`]: "Monday",
    /// "last") or a month ([`View::is_month`]).
    /// Inlined: the class bit and the capital are tested in place, and
    /// only a capitalised word that is no time word calls [`View::is_month`].
    #[inline]
    pub fn is_time(&self, i: usize) -> bool {
        self.is_a(i, Class::Time) || (self.is_cap(i) && self.is_month(i))
    }

    /// Whether token `i` is a month's name used as one: capitalised, not
    /// followed by a capitalised word ("April Ryan" is a name), and "May"
    /// only after a word that dates it ("in May", "last May"; elsewhere it
    /// is the auxiliary or a name).
    #[inline(never)]
    fn is_month(&self, i: usize) -> bool {
        // Most words are not capitalised: their text is not read.
        if !self.is_cap(i) {
            return false;
        }
        let w = self.w(i);
        lexicon::MONTHS
            .get(..lexicon::FULL_MONTHS)
            .is_some_and(|m| m.iter().any(|m| m.as_bytes() == w))
            && !self.is_cap(i + 1)
            && (w != b"may"
                || matches!(
                    self.w(i.wrapping_sub(1)),
                    b"in"
                        | b"since"
                        | b"by"
                        | b"until"
                        | b"last"
                        | b"next"
                        | b"this"
                        | b"early"
                        | b"late"
                        | b"mid"
                        | b"on"
                        | b"during"
                        | b"from"
                        | b"through"
                ))
    }

    /// The cue verb form of token `i`, if it is one (see [`cues::verb`]).
    pub fn verb(&self, i: usize) -> Option<VerbForm> {
        self.lex(i)?.verb()
    }

    /// Whether token `i` heads anonymous sources ("sources", "officials").
    pub fn is_anonymous_head(&self, i: usize) -> bool {
        self.lex(i).is_some_and(Entry::anonymous_head)
    }

    /// Lowercase text of token `i` as bytes (empty past the end): read
    /// without the char-boundary checks of a `str` slice, and compared
    /// with byte-string literals.
    pub fn w(&self, i: usize) -> &[u8] {
        self.toks
            .get(i)
            .and_then(|t| self.lower.as_bytes().get(t.span.start()..t.span.end()))
            .unwrap_or_default()
    }

    /// Whether the lowercase text of token `i` is `word` (compared as
    /// bytes, their lengths first).
    pub fn is_w(&self, i: usize, word: &str) -> bool {
        let lower = self.lower.as_bytes();
        self.toks
            .get(i)
            .and_then(|t| lower.get(t.span.start()..t.span.end()))
            .is_some_and(|w| w == word.as_bytes())
    }

    /// Original text of token `i` as bytes (empty past the end), like
    /// [`View::w`]; the marks that are not ASCII are named below
    /// ([`CURLY_APOSTROPHE`], [`EM_DASH`], …).
    pub fn raw(&self, i: usize) -> &[u8] {
        self.toks
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.span.start()..t.span.end()))
            .unwrap_or_default()
    }

    /// Whether token `i` is a word or number.
    pub fn is_word(&self, i: usize) -> bool {
        self.has(i, IS_WORD)
    }

    /// Whether token `i` is a word starting with an upper-case letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.has(i, IS_CAP)
    }

    /// Whether token `i` is the punctuation `c` (for the commonest marks
    /// one bit of the token's flags: [`punct_bit`]).
    #[inline(always)]
    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        let bit = match c.as_bytes() {
            &[b] => punct_bit(b),
            _ => 0,
        };
        if bit != 0 {
            return self.has(i, bit);
        }
        let text = self.text.as_bytes();
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && text.get(t.span.start()..t.span.end()) == Some(c.as_bytes())
        })
    }

    /// Whether token `i` is a double quotation mark of any style.
    pub fn is_quote(&self, i: usize) -> bool {
        self.has(i, IS_QUOTE)
    }

    /// Reads [`View::is_quote`] from the text.
    fn read_quote(&self, i: usize) -> bool {
        matches!(
            self.raw(i),
            b"\"" | OPEN_DOUBLE | CLOSE_DOUBLE | OPEN_GUILLEMET | CLOSE_GUILLEMET | LOW_DOUBLE
        ) || self.is_double_apostrophe(i)
    }

    /// Whether token `i` is the first of two touching apostrophes (`''`),
    /// a double quotation mark in some newspapers' text.
    fn is_double_apostrophe(&self, i: usize) -> bool {
        self.raw(i) == b"'"
            && self.raw(i + 1) == b"'"
            && self
                .toks
                .get(i)
                .zip(self.toks.get(i + 1))
                .is_some_and(|(a, b)| a.span.end == b.span.start)
    }

    /// Whether token `i` is a quotation mark that opens a quotation.
    pub fn is_open_quote(&self, i: usize) -> bool {
        self.has(i, IS_OPEN_QUOTE)
    }

    /// Reads [`View::is_open_quote`] from the text.
    fn read_open_quote(&self, i: usize) -> bool {
        match self.raw(i) {
            OPEN_DOUBLE | OPEN_GUILLEMET | LOW_DOUBLE => true,
            b"\"" | b"'" if self.read_quote(i) => {
                let t = self.toks.get(i).map_or(0, |t| t.span.start());
                let before = self.text.get(..t).and_then(|s| s.chars().next_back());
                before.is_none_or(|c| c.is_whitespace() || "([{—–-:".contains(c))
            }
            _ => false,
        }
    }

    /// Whether token `i` ends a closing quotation mark (either mark, or the
    /// second apostrophe of `''`).
    pub fn ends_quote(&self, i: usize) -> bool {
        self.has(i, ENDS_QUOTE)
    }

    /// Whether token `i` is a quotation mark that closes a quotation.
    pub fn is_close_quote(&self, i: usize) -> bool {
        self.flags
            .get(i)
            .is_some_and(|f| f & (IS_QUOTE | IS_OPEN_QUOTE) == IS_QUOTE)
    }

    /// The span from the start of token `a` to the end of token `b - 1`
    /// (empty at `a` when `b <= a`).
    pub fn span(&self, a: usize, b: usize) -> Span {
        let start = self.toks.get(a).map_or(self.text.len(), |t| t.span.start());
        if b <= a {
            return Span::new(start, start);
        }
        let end = self
            .toks
            .get(b - 1)
            .map_or(self.text.len(), |t| t.span.end());
        Span::new(start, end)
    }

    /// Splits every line into sentences, starting from the document's
    /// sentences and cutting further at full stops the document missed.
    /// `ends` are the tokens with [`MAY_END`], in order.
    fn split_sentences(&self, doc: &Document, ends: &[usize]) -> Vec<Sent> {
        // Tokens that start one of the document's sentences (which are in
        // text order, one block after another).
        let mut doc_starts = Vec::with_capacity(doc.sentences.len());
        if doc.sentences.len() > doc.blocks.len() {
            for s in &doc.sentences {
                // The sentence's first token, as the document gives it
                // (searched for should it not start there).
                let first = s.first_token as usize;
                let at = if self
                    .toks
                    .get(first)
                    .is_some_and(|t| t.span.start() == s.span.start())
                {
                    Ok(first)
                } else {
                    self.toks
                        .binary_search_by(|t| t.span.start().cmp(&s.span.start()))
                };
                if let Ok(k) = at {
                    doc_starts.push(k);
                }
            }
            doc_starts.sort_unstable();
        }
        let mut doc_starts = doc_starts.into_iter().peekable();
        let mut out = Vec::with_capacity(doc.sentences.len() + self.lines.len());
        // The next of `ends` to read: the searches below go forward through
        // the text.
        let mut e = 0;
        for (li, &(ls, le)) in self.lines.iter().enumerate() {
            let mut start = ls;
            let mut cut = |start: &mut usize, end: usize| {
                out.push(Sent {
                    start: *start,
                    end,
                    line: li,
                    cues: (0, 0),
                    phrases: (0, 0),
                });
                *start = end;
            };
            while doc_starts.next_if(|&d| d <= ls).is_some() {}
            // A sentence may start only at a token of the document's
            // starts or after an end mark or a closer ([`MAY_END`], see
            // [`View::ends_sentence`]): the search jumps from one such
            // token to the next. (The cuts of long stretches fall where
            // they would if every token were visited.)
            let mut from = ls + 1;
            loop {
                // The token after the first end mark of tokens `from - 1 ..
                // le - 1`.
                while ends.get(e).is_some_and(|&k| k < from - 1) {
                    e += 1;
                }
                let after_punct = ends
                    .get(e)
                    .filter(|&&k| k < le.saturating_sub(1))
                    .map(|&k| k + 1);
                let doc_next = doc_starts.peek().copied().filter(|&d| d < le);
                let (c, doc_start) = match (after_punct, doc_next) {
                    (Some(a), Some(d)) if a < d => (a, false),
                    (_, Some(d)) => (d, true),
                    (Some(a), None) => (a, false),
                    (None, None) => break,
                };
                while doc_starts.next_if(|&d| d <= c).is_some() {}
                // Very long stretches without a full stop are cut, so that
                // every search inside a sentence stays bounded.
                while start + MAX_SENTENCE < c {
                    let end = start + MAX_SENTENCE;
                    cut(&mut start, end);
                }
                if c - start >= MAX_SENTENCE || self.ends_sentence(doc_start, c, le) {
                    cut(&mut start, c);
                }
                from = c + 1;
            }
            while start + MAX_SENTENCE < le {
                let end = start + MAX_SENTENCE;
                cut(&mut start, end);
            }
            if start < le {
                cut(&mut start, le);
            }
        }
        out
    }

    /// Whether a sentence starts at token `i` (inside a line ending at
    /// `le`); `doc_start` says whether it starts a sentence of the
    /// document.
    fn ends_sentence(&self, doc_start: bool, i: usize, le: usize) -> bool {
        if self.toks.get(i).is_none() {
            return false;
        }
        // A boundary of the document's sentences.
        if doc_start {
            return true;
        }
        // After a word (most tokens) no end mark or closer stands before.
        if self.is_word(i.wrapping_sub(1)) {
            return false;
        }
        // Our own rule: . ? ! (then closing quotes or brackets), then a
        // capital, a digit or an opening quote.
        // At most a few of them: a walk back over a run of 100,000 `)`
        // from each of its tokens was quadratic.
        let mut j = i;
        let floor = i.saturating_sub(MAX_CLOSERS);
        while j > floor && (self.is_close_quote(j - 1) || self.is_punct(j - 1, ")")) {
            j -= 1;
        }
        if j == 0 || j == i && self.is_quote(i) && !self.is_open_quote(i) {
            return false;
        }
        let p = j - 1;
        let end_mark = self.is_punct(p, ".") || self.is_punct(p, "?") || self.is_punct(p, "!");
        if !end_mark {
            return false;
        }
        if self.is_punct(p, ".") {
            let prev = self.w(p.wrapping_sub(1));
            let initial = prev.len() == 1 && self.is_cap(p - 1);
            if (initial || is_abbreviation(prev)) && p > 0 && self.is_word(p - 1) {
                return false;
            }
        }
        let starts = self.is_cap(i)
            || self.is_open_quote(i)
            || self
                .toks
                .get(i)
                .is_some_and(|t| t.kind == TokenKind::Number);
        // The mark must be followed by white space.
        let gap = self
            .toks
            .get(i)
            .zip(self.toks.get(i.wrapping_sub(1)))
            .is_some_and(|(t, u)| t.span.start() > u.span.end());
        starts && gap && i < le
    }
}

/// Whether the white space `text[a..b]` (`a < b`) between two tokens holds
/// a line break: a gap of one byte is that byte. Gaps are a few bytes:
/// a plain loop costs less than the call to memchr that `contains` makes.
#[inline]
#[allow(clippy::manual_contains)]
fn gap_breaks_line(text: &[u8], a: usize, b: usize) -> bool {
    if b == a + 1 {
        text.get(a) == Some(&b'\n')
    } else {
        text.get(a..b)
            .is_some_and(|gap| gap.iter().any(|&c| c == b'\n'))
    }
}

/// Whether a token whose first byte is `b` may be a quotation mark or an
/// apostrophe: `"`, `'`, the first byte of `«` and `»` (0xC2) or of the
/// curly marks and `„` (0xE2).
fn may_quote(b: Option<u8>) -> bool {
    matches!(b, Some(b'"' | b'\'' | 0xC2 | 0xE2))
}

/// How many of the first entries of a sorted list of token indices are
/// below `bound` (a walk: the lists are read in order, a few entries at a
/// time).
fn in_order(list: &[usize], bound: usize) -> usize {
    list.iter().position(|&i| i >= bound).unwrap_or(list.len())
}

/// The part of a sorted list of token indices inside sentence `s`, as a
/// range of positions in the list, read on from position `*k` (the
/// sentences are walked in order); `*k` moves past it.
fn place(list: &[usize], k: &mut usize, s: &Sent) -> (usize, usize) {
    let first = *k + in_order(list.get(*k..).unwrap_or(&[]), s.start);
    *k = first + in_order(list.get(first..).unwrap_or(&[]), s.end);
    (first, *k)
}

/// The part of a sorted list of token indices inside a sentence.
fn in_sentence<'l>(list: &'l [usize], sent: &Sent) -> &'l [usize] {
    let a = list.partition_point(|&i| i < sent.start);
    let b = list.partition_point(|&i| i < sent.end);
    list.get(a..b).unwrap_or(&[])
}

/// Runs `f` on the view of `text` read as plain text (for tests).
#[cfg(test)]
pub(crate) fn with<T>(text: &str, f: impl FnOnce(&View) -> T) -> T {
    let doc = Document::new(crate::input::extract(text, crate::input::InputFormat::Text));
    let v = View::new(&doc);
    f(&v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{extract, InputFormat};

    fn view_of(text: &str) -> (Document, Vec<String>) {
        let doc = Document::new(extract(text, InputFormat::Text));
        let v = View::new(&doc);
        let s = v
            .sents
            .iter()
            .map(|s| v.span(s.start, s.end).text(&doc.text).to_string())
            .collect();
        (doc, s)
    }

    #[test]
    fn sentences_split_at_full_stops_but_not_abbreviations() {
        let (_, s) = view_of("Sen. Smith spoke. The U.S. team won. “Go,” he said.\nNext line");
        assert_eq!(
            s,
            [
                "Sen. Smith spoke.",
                "The U.S. team won.",
                "“Go,” he said.",
                "Next line"
            ]
        );
    }

    #[test]
    fn quote_marks_open_and_close() {
        let doc = Document::new(extract("He said \"yes\" today", InputFormat::Text));
        let v = View::new(&doc);
        assert!(v.is_open_quote(2) && v.is_close_quote(4));
    }
}
