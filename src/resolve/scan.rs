//! What the article has said before a mention: one forward pass over the
//! document's tokens, advanced to each mention in text order, that keeps
//!
//! - how often each capitalised name has been seen (the organisation in
//!   focus for "the company"),
//! - the last name ending in each head word (the Embassy for "the
//!   embassy"),
//! - group noun phrases ("Chinese officials", "Senate Republicans", and
//!   "the officials" pointing back to the last group with that head),
//! - full names of two or three words, by each of their words ("Trump" →
//!   "Donald Trump").
//!
//! Linear in the text: every token is read once; queries read only what
//! the pass kept (at most [`MAX_NAMES`] counted names).

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};

use foldhash::{HashMap, HashSet};

use crate::document::{Document, TokenKind};
use crate::lexicon::outlets::Outlets;
use crate::lexicon::sources::{words as source_words, Class, SourceWords};
use crate::lexicon::with_lower;
use crate::span::Span;

/// Distinct names counted for the focus; later new names are not counted.
pub const MAX_NAMES: usize = 4096;

/// How many bytes of text [`Scan::is_common`] searches, per token of the
/// article, before it gathers the lower-case words into a set instead: a
/// search reads about three bytes for an instruction, gathering costs some
/// fifty instructions a token, so searching stops once it has cost about
/// as much as gathering would have.
const SEARCH_BYTES_PER_TOKEN: usize = 150;

/// A run of capitalised words being read.
#[derive(Clone, Copy, Debug)]
struct Run {
    start: usize,
    end: usize,
    /// Whether the run opens a sentence (its first word may be capitalised
    /// only for that).
    sentence_start: bool,
    /// Whether a title comes right before it ("Gov. Ann Lyle").
    titled: bool,
}

/// A word of a run, where it starts and the word lists it is in.
#[derive(Clone, Copy, Debug)]
struct RunWord<'d> {
    at: usize,
    text: &'d str,
    class: Class,
}

impl RunWord<'_> {
    /// Whether the word is an organisation head (as written).
    fn is_org_head(&self, lex: &SourceWords) -> bool {
        self.class.any(Class::ORG_HEAD) && lex.is_org_head(self.text)
    }
}

/// What a run does to the focus counts and the names by head word, kept
/// until [`Scan::focus`] or [`Scan::by_head`] asks (most articles never
/// do): [`Scan::settle_focus`] then does it, in text order.
#[derive(Clone, Copy, Debug)]
enum Pending<'d> {
    /// A sentence's first word, alone ([`Scan::sentence_word`]).
    SentenceWord { at: usize, text: &'d str },
    /// The one word kept of a run that opens a sentence: counted again
    /// when it is counted already.
    Recount(&'d str),
    /// A name: its kept words (a range of [`Scan::pending_words`]) and the
    /// lists the whole name is in.
    Name {
        name: &'d str,
        name_class: Class,
        words: (usize, usize),
    },
}

/// A group noun phrase seen in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupSeen {
    pub name: String,
    pub affiliation: Option<String>,
    /// Lower-case head noun ("officials").
    pub head: String,
    /// Every span of the text that names it, in order.
    pub spans: Vec<Span>,
}

/// The lower case of `text`, the document's word at byte `at`, when the
/// document holds it: read from [`Document::lower_of`] when the word is
/// ASCII (where it is the same as [`str::to_lowercase`]).
fn shared_lower<'d>(doc: &'d Document, at: usize, text: &str) -> Option<&'d str> {
    text.is_ascii()
        .then(|| doc.lower_of(Span::new(at, at + text.len())))
        .flatten()
}

/// Calls `f` with the lower case of `text`, the document's word at byte
/// `at`: the [`shared_lower`] one, else made by [`with_lower`].
fn with_lower_at<R>(doc: &Document, at: usize, text: &str, f: impl FnOnce(&str) -> R) -> R {
    match shared_lower(doc, at, text) {
        Some(lower) => f(lower),
        None => with_lower(text, f),
    }
}

/// The lower case of `text`, the document's word at byte `at`, as
/// [`with_lower_at`] finds it: borrowed from the document when it can be.
fn lower_at<'d>(doc: &'d Document, at: usize, text: &str) -> Cow<'d, str> {
    shared_lower(doc, at, text).map_or_else(
        || Cow::Owned(with_lower(text, str::to_string)),
        Cow::Borrowed,
    )
}

/// Whether a word starts with a capital ([`char::is_uppercase`]), read
/// from the first byte when it is ASCII.
#[inline]
fn starts_upper(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text.chars().next().is_some_and(char::is_uppercase),
    }
}

/// The bytes of a token's text (read without the checks of UTF-8
/// boundaries that a `str` slice makes).
#[inline]
fn token_bytes<'d>(doc: &'d Document, token: &crate::document::Token) -> &'d [u8] {
    doc.text
        .as_bytes()
        .get(token.span.start()..token.span.end())
        .unwrap_or(&[])
}

/// [`starts_upper`] of a token whose bytes are `bytes`: the text is made
/// (with the checks of UTF-8 boundaries) only when the first byte is not
/// ASCII.
#[inline]
fn token_starts_upper(doc: &Document, token: &crate::document::Token, bytes: &[u8]) -> bool {
    match bytes.first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => starts_upper(doc.slice(token.span)),
    }
}

/// The text after the last white space ([`char::is_whitespace`]) of
/// `text`: what `text.rsplit(char::is_whitespace).next()` gives, read back
/// byte by byte while the bytes are ASCII.
fn last_word(text: &str) -> &str {
    let mut start = text.len();
    while let Some(head) = text.get(..start) {
        match head.as_bytes().last() {
            Some(b'\t'..=b'\r' | b' ') | None => break,
            Some(b) if b.is_ascii() => start -= 1,
            Some(_) => match head.chars().next_back() {
                Some(c) if !c.is_whitespace() => start -= c.len_utf8(),
                _ => break,
            },
        }
    }
    text.get(start..).unwrap_or("")
}

/// Whether the text before byte `start` may end in the word "the" (any
/// case) and white space, as [`Scan::lower_word`] asks of a group noun that
/// points back: a cheap test of the bytes before it, true too when white
/// space that is not ASCII comes first (the full test then decides).
#[inline]
fn may_follow_the(doc: &Document, start: usize) -> bool {
    let mut before = doc.text.as_bytes().get(..start).unwrap_or(&[]);
    while let [rest @ .., last] = before {
        if last.is_ascii_whitespace() || *last == 0x0B {
            before = rest;
        } else {
            return !last.is_ascii()
                || before
                    .get(before.len().saturating_sub(3)..)
                    .is_some_and(|the| the.eq_ignore_ascii_case(b"the"));
        }
    }
    false
}

/// Whether a word is shaped like a part of a person's name: letters,
/// apostrophes and hyphens only, with a lower-case letter after the first
/// character. An ASCII word is read as bytes.
fn is_name_shaped(text: &str) -> bool {
    if text.is_ascii() {
        let bytes = text.as_bytes();
        return bytes
            .iter()
            .all(|b| b.is_ascii_alphabetic() || matches!(b, b'\'' | b'-'))
            && bytes
                .get(1..)
                .is_some_and(|rest| rest.iter().any(u8::is_ascii_lowercase));
    }
    text.chars()
        .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        && text.chars().skip(1).any(char::is_lowercase)
}

/// The forward pass.
pub struct Scan<'d> {
    doc: &'d Document,
    next: usize,
    run: Option<Run>,
    /// Name → (times seen, order of the last sighting). Names, words and
    /// the names kept for them below are slices of the document's text.
    counts: HashMap<&'d str, (usize, usize)>,
    seen: usize,
    /// Lower-case head word → the last name ending in it.
    by_head: HashMap<Cow<'d, str>, &'d str>,
    groups: Vec<GroupSeen>,
    /// Index into `groups` by name, and of the last group by head noun.
    group_of_name: HashMap<String, usize>,
    group_of_head: HashMap<String, usize>,
    /// The last group named: index into `groups` and the end of the span.
    last_group: Option<(usize, usize)>,
    full_names: HashMap<&'d str, &'d str>,
    /// Names written after a title ("President Joe Biden"): people, with
    /// the number of the [`Pending`] entry of the run that first named one
    /// so.
    people: HashMap<&'d str, usize>,
    /// The last name that looked like a person's, and where.
    /// (Its text is the document's at the span.)
    last_person: Option<Span>,
    /// Last words of names that looked like people's ("Trump" of "Donald
    /// Trump"): alone, they name the person, not an organisation.
    surnames: HashSet<&'d str>,
    /// The words the article writes in lower case (gathered on first
    /// need).
    lower_words: OnceCell<HashSet<&'d str>>,
    /// How many bytes [`Scan::is_common`] has searched instead.
    common_searched: Cell<usize>,
    /// A buffer for the words of the run being recorded.
    words: Vec<RunWord<'d>>,
    /// Where each word of the run being read starts (its words are what
    /// lies between the single spaces of its text), noted as it is read.
    run_starts: Vec<usize>,
    /// Whether only people's names are wanted ([`Scan::names_only`]).
    names_only: bool,
    /// Whether some [`Scan::advance`] ended a run that one pass over the
    /// whole text would have read on (the state then differs from such a
    /// pass's at the same token).
    split: bool,
    /// Whether each name looked up as a focus candidate is an outlet's.
    outlet_names: HashMap<&'d str, bool>,
    /// What runs do to the focus counts and names by head word, not done
    /// yet, and the kept words of its names.
    pending: Vec<Pending<'d>>,
    pending_words: Vec<RunWord<'d>>,
    /// How many [`Pending`] entries were done before those in `pending`.
    settled: usize,
    /// The positions [`Scan::advance`] was asked to read to and the pass
    /// has not read to yet, in increasing order: the tokens are read only
    /// when a query needs what they hold ([`Scan::catch_up`]), so those
    /// after an article's last query are never read.
    targets: Vec<usize>,
    /// The last position asked for (0 at the start).
    asked: usize,
}

impl<'d> Scan<'d> {
    /// A pass at the start of the document.
    pub fn new(doc: &'d Document) -> Scan<'d> {
        Scan::with_focus(doc, true)
    }

    /// A pass at the start of the document; `focus` when it keeps the focus
    /// counts and names by head word. Its maps are sized for the names an
    /// article of this length has, so that they seldom grow.
    fn with_focus(doc: &'d Document, focus: bool) -> Scan<'d> {
        let names = (doc.tokens.len() / 32).min(1024);
        let focus_names = if focus { names } else { 0 };
        Scan {
            doc,
            next: 0,
            run: None,
            counts: HashMap::with_capacity_and_hasher(focus_names, Default::default()),
            seen: 0,
            by_head: HashMap::with_capacity_and_hasher(focus_names, Default::default()),
            groups: Vec::new(),
            group_of_name: HashMap::default(),
            group_of_head: HashMap::default(),
            last_group: None,
            full_names: HashMap::with_capacity_and_hasher(names, Default::default()),
            people: HashMap::with_capacity_and_hasher(names / 4, Default::default()),
            last_person: None,
            surnames: HashSet::with_capacity_and_hasher(names / 2, Default::default()),
            lower_words: OnceCell::new(),
            common_searched: Cell::new(0),
            words: Vec::new(),
            run_starts: Vec::new(),
            names_only: !focus,
            split: false,
            outlet_names: HashMap::with_capacity_and_hasher(focus_names, Default::default()),
            pending: Vec::with_capacity(focus_names),
            pending_words: Vec::with_capacity(focus_names * 2),
            settled: 0,
            targets: Vec::new(),
            asked: 0,
        }
    }

    /// A [`Scan::names_only`] pass at the token this pass has reached, with
    /// what it kept of people's names; `None` when an earlier
    /// [`Scan::advance`] stopped inside a run, so that a pass from the start
    /// would not have kept the same.
    pub fn names_from_here(&mut self) -> Option<Scan<'d>> {
        self.catch_up();
        if self.split || self.run.is_some() {
            return None;
        }
        Some(Scan {
            next: self.next,
            full_names: self.full_names.clone(),
            people: self.people.clone(),
            last_person: self.last_person,
            surnames: self.surnames.clone(),
            asked: self.asked,
            ..Scan::with_focus(self.doc, false)
        })
    }

    /// A pass at the start of the document that keeps what
    /// [`Scan::full_name`] and [`Scan::is_titled_person`] need (and the
    /// last person's name), not the focus counts, names by head word or
    /// groups: it skips a lone capitalised word after no title (no
    /// person's name) and a group noun after no run.
    pub fn names_only(doc: &'d Document) -> Scan<'d> {
        Scan::with_focus(doc, false)
    }

    /// Reads every token that ends at or before `pos` (and ends the run
    /// being read there), when a query needs it: until then `pos` is only
    /// noted. A position not past the last one asked for changes nothing.
    pub fn advance(&mut self, pos: usize) {
        if pos > self.asked {
            self.asked = pos;
            self.targets.push(pos);
        }
    }

    /// Reads to every position [`Scan::advance`] noted, in order: the
    /// state is then what reading at each call would have made it.
    fn catch_up(&mut self) {
        if self.targets.is_empty() {
            return;
        }
        let mut targets = std::mem::take(&mut self.targets);
        for &pos in &targets {
            self.read_to(pos);
        }
        targets.clear();
        self.targets = targets;
    }

    /// Reads every token that ends at or before `pos`, and ends the run
    /// being read there.
    ///
    /// Each token is read as bytes: its text is made (with the checks of
    /// UTF-8 boundaries) only for a word that may be a group noun or does
    /// not start with an ASCII letter.
    fn read_to(&mut self, pos: usize) {
        let doc: &'d Document = self.doc;
        let lex = source_words();
        loop {
            if self.run.is_none() {
                self.skip_idle(pos);
            }
            let Some(token) = doc.tokens.get(self.next) else {
                break;
            };
            if token.span.end() > pos {
                break;
            }
            self.next += 1;
            let bytes = token_bytes(doc, token);
            match token.kind {
                TokenKind::Word if token_starts_upper(doc, token, bytes) => {
                    self.extend_run(token.span);
                }
                TokenKind::Word => {
                    // Without groups, a group noun matters only after a
                    // run (most words of such a pass are asked nothing).
                    let wanted = !self.names_only || self.run.is_some();
                    if wanted && lex.may_be_group(bytes) {
                        self.lower_word(token.span, doc.slice(token.span));
                    }
                    self.end_run();
                }
                TokenKind::Punct
                    if bytes == b"." && self.joins_initial(token.span)
                        || self.joins_name_parts(token.span, bytes) =>
                {
                    if let Some(run) = &mut self.run {
                        run.end = token.span.end();
                    }
                }
                _ => self.end_run(),
            }
        }
        if self.run.is_some() && self.continues_run() {
            self.split = true;
        }
        self.end_run();
    }

    /// With no run being read, moves past the tokens before `pos` that
    /// change nothing then: marks and numbers (which only end or join a
    /// run) and words that do not start with a capital, unless a group
    /// noun after "the" may point back to a group already seen (a focus
    /// pass with groups). Most tokens are such, and each is read here with
    /// a test of its first byte.
    #[inline]
    fn skip_idle(&mut self, pos: usize) {
        let doc = self.doc;
        let text = doc.text.as_bytes();
        let lex = source_words();
        let groups = !self.names_only && !self.group_of_head.is_empty();
        let rest = doc.tokens.get(self.next..).unwrap_or(&[]);
        let idle = rest
            .iter()
            .position(|t| {
                t.span.end() > pos
                    || t.kind == TokenKind::Word
                        && match text.get(t.span.start()) {
                            Some(b) if b.is_ascii() => {
                                b.is_ascii_uppercase()
                                    || groups
                                        && may_follow_the(doc, t.span.start())
                                        && lex.may_be_group(token_bytes(doc, t))
                            }
                            _ => true,
                        }
            })
            .unwrap_or(rest.len());
        self.next += idle;
    }

    /// Whether the next token may continue the run being read, or read it
    /// (a group noun right after it): what stopping here changes.
    fn continues_run(&self) -> bool {
        let (Some(run), Some(token)) = (self.run, self.doc.tokens.get(self.next)) else {
            return false;
        };
        let text = self.doc.slice(token.span);
        match token.kind {
            TokenKind::Word if starts_upper(text) => {
                let gap = self
                    .doc
                    .text
                    .get(run.end..token.span.start())
                    .unwrap_or("x");
                gap == " " || gap == "\u{a0}" || gap.is_empty()
            }
            TokenKind::Word => source_words().is_group(text),
            TokenKind::Punct => matches!(text, "." | "'" | "’" | "-"),
            _ => false,
        }
    }

    /// [`Scan::flush`] when a run is being read (most tokens come with
    /// none).
    #[inline]
    fn end_run(&mut self) {
        if self.run.is_some() {
            self.flush();
        }
    }

    /// Whether an apostrophe or hyphen glued between the run and a
    /// capitalised word continues the run ("O’Malley", "Smith-Jones").
    fn joins_name_parts(&self, mark: Span, mark_bytes: &[u8]) -> bool {
        // '’' is E2 80 99.
        if !matches!(mark_bytes, b"'" | [0xE2, 0x80, 0x99] | b"-") {
            return false;
        }
        let glued_after = self.run.is_some_and(|run| run.end == mark.start());
        glued_after
            && self.doc.tokens.get(self.next).is_some_and(|t| {
                t.span.start == mark.end
                    && t.kind == TokenKind::Word
                    && starts_upper(self.doc.slice(t.span))
            })
    }

    /// Whether a period right after a one-letter word continues the run
    /// ("U.S.").
    fn joins_initial(&self, period: Span) -> bool {
        self.run.is_some_and(|run| {
            run.end == period.start()
                && self
                    .doc
                    .text
                    .get(..run.end)
                    .and_then(|t| t.chars().rev().nth(1))
                    .is_none_or(|c| !c.is_alphanumeric() || c == '.')
        })
    }

    /// Adds a capitalised word to the run, or starts a new run.
    fn extend_run(&mut self, span: Span) {
        if let Some(run) = &mut self.run {
            // Both ends are ends of tokens, so the bytes are the text's.
            let gap = self.doc.text.as_bytes().get(run.end..span.start());
            if let Some(gap @ (b" " | [0xC2, 0xA0] | [])) = gap {
                if gap == b" " {
                    self.run_starts.push(span.start());
                }
                run.end = span.end();
                return;
            }
        }
        self.flush();
        self.run_starts.clear();
        self.run_starts.push(span.start());
        let titled = self.after_title(span.start());
        self.run = Some(Run {
            start: span.start(),
            end: span.end(),
            sentence_start: !titled && self.opens_sentence(span.start()),
            titled,
        });
    }

    /// Whether the word before `start` is a title ("Gov.", "President").
    ///
    /// The spaces (' ' and no-break spaces) before `start` are skipped as
    /// bytes; most words come after no title, and the sieve of titles
    /// rules them out before any lookup.
    fn after_title(&self, start: usize) -> bool {
        let bytes = self.doc.text.as_bytes().get(..start).unwrap_or(&[]);
        let mut end = bytes.len();
        loop {
            end = match bytes.get(..end) {
                Some([.., b' ']) => end - 1,
                // '\u{a0}' is C2 A0.
                Some([.., 0xC2, 0xA0]) => end - 2,
                _ => break,
            };
        }
        if end == bytes.len() {
            return false;
        }
        // Only whole characters were skipped: `end` is a boundary.
        let trimmed = self.doc.text.get(..end).unwrap_or("");
        let word = last_word(trimmed);
        let lex = source_words();
        lex.may_be_title(word)
            && self.with_lower_at(trimmed.len() - word.len(), word, |lower| {
                lex.title_role_of_lower(lower).is_some()
            })
    }

    /// Whether the text before `start` ends a sentence or a block.
    ///
    /// Read byte by byte back from `start`: the marks skipped are ' ', tab,
    /// '"', '\'', '(', '“' and '‘'; the text before them must be empty or
    /// end in '.', '!', '?', ':', a line break or '—' (the UTF-8 bytes of a
    /// character are found only where it is).
    fn opens_sentence(&self, start: usize) -> bool {
        let mut before = self.doc.text.as_bytes().get(..start).unwrap_or(&[]);
        loop {
            before = match before {
                [rest @ .., b' ' | b'\t' | b'"' | b'\'' | b'('] => rest,
                // '“' and '‘'.
                [rest @ .., 0xE2, 0x80, 0x9C | 0x98] => rest,
                _ => break,
            };
        }
        // '—' is E2 80 94.
        matches!(
            before,
            [] | [.., b'.' | b'!' | b'?' | b':' | b'\n'] | [.., 0xE2, 0x80, 0x94]
        )
    }

    /// A lower-case word: a group noun after a run ("Chinese officials") or
    /// after "the" ("the officials").
    fn lower_word(&mut self, span: Span, text: &str) {
        // Without groups, a group noun matters only as the end of a run.
        if self.names_only && self.run.is_none() {
            return;
        }
        let lex = source_words();
        if !lex.may_be_group(text.as_bytes())
            || !self.with_lower_at(span.start(), text, |lower| lex.is_group_lower(lower))
        {
            return;
        }
        let lower = text.to_lowercase();
        let adjacent = self.run.filter(|run| {
            self.doc
                .text
                .get(run.end..span.start())
                .is_some_and(|gap| gap == " ")
        });
        if let Some(run) = adjacent {
            let mut modifiers = Vec::new();
            self.run_words(run, &mut modifiers);
            // A sentence's capitalised first word is not a modifier when the
            // article also writes it in lower case ("Top advisers", but
            // "Chilean officials").
            let sentence_capital = run.sentence_start
                && modifiers.len() == 1
                && modifiers.first().is_some_and(|w| {
                    self.with_lower_at(w.at, w.text, |lower| self.is_common(lower))
                        && !w.class.any(Class::PLACE)
                });
            if !modifiers.is_empty() && !sentence_capital {
                self.run = None;
                if self.names_only {
                    return;
                }
                let start = modifiers.first().map_or(run.start, |w| w.at);
                let affiliation = self.doc.text.get(start..run.end).map(str::to_string);
                let whole = Span::new(start, span.end());
                self.note_group(whole, affiliation, lower);
                return;
            }
        }
        if self.names_only {
            return;
        }
        let before = self.doc.text.get(..span.start()).unwrap_or("").trim_end();
        let definite = before
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if definite {
            if let Some(&g) = self.group_of_head.get(&lower) {
                let the = before.len().saturating_sub(3);
                if let Some(group) = self.groups.get_mut(g) {
                    group.spans.push(Span::new(the, span.end()));
                }
                self.last_group = Some((g, span.end()));
            }
        }
    }

    /// [`with_lower_at`] in this pass's document.
    fn with_lower_at<R>(&self, at: usize, text: &str, f: impl FnOnce(&str) -> R) -> R {
        with_lower_at(self.doc, at, text, f)
    }

    /// The lists the text's word `text` at byte `at` is in (as
    /// [`SourceWords::class`], read from the document's lower case).
    fn class_at(&self, lex: &SourceWords, at: usize, text: &str) -> Class {
        if !lex.may_have_class(text) {
            return Class::default();
        }
        self.with_lower_at(at, text, |lower| lex.class_of_lower(lower))
    }

    /// The words of the run being read (`run`), into `words` (cleared
    /// first): its text split at single spaces, read from the starts noted
    /// as it was read ([`Scan::run_starts`]). Gives whether the run's first
    /// word is a title.
    fn all_words(&self, run: Run, words: &mut Vec<RunWord<'d>>) -> bool {
        let lex = source_words();
        words.clear();
        let mut starts = self.run_starts.iter().copied().peekable();
        while let Some(at) = starts.next() {
            // A word ends at the space before the next one.
            let end = starts.peek().map_or(run.end, |next| next - 1);
            if let Some(w) = self.doc.text.get(at..end).filter(|w| !w.is_empty()) {
                words.push(RunWord {
                    at,
                    text: w,
                    class: self.class_at(lex, at, w),
                });
            }
        }
        words.first().is_some_and(|w| w.class.any(Class::TITLE))
    }

    /// The words of a run worth keeping, into `words`: a sentence-opening
    /// function word ("The", "During") and title words are dropped. Gives
    /// whether the run's first word is a title.
    fn run_words(&self, run: Run, words: &mut Vec<RunWord<'d>>) -> bool {
        let titled = self.all_words(run, words);
        let skip = words
            .iter()
            .take_while(|w| w.class.any(Class::DET | Class::TITLE))
            .count();
        words.drain(..skip);
        titled
    }

    /// Records a group noun phrase: the same name is the same group.
    fn note_group(&mut self, span: Span, affiliation: Option<String>, head: String) {
        let name = self.doc.slice(span).to_string();
        let index = match self.group_of_name.get(&name) {
            Some(&i) => i,
            None => {
                self.group_of_name.insert(name.clone(), self.groups.len());
                self.groups.push(GroupSeen {
                    name,
                    affiliation,
                    head: head.clone(),
                    spans: Vec::new(),
                });
                self.groups.len() - 1
            }
        };
        self.group_of_head.insert(head, index);
        if let Some(group) = self.groups.get_mut(index) {
            group.spans.push(span);
        }
        self.last_group = Some((index, span.end()));
    }

    /// Ends the current run and records what it names.
    fn flush(&mut self) {
        let Some(run) = self.run.take() else {
            return;
        };
        if !run.titled {
            let doc: &'d Document = self.doc;
            let text = doc.text.get(run.start..run.end).unwrap_or("");
            let one_word = self.run_starts.len() <= 1;
            if one_word && run.sentence_start {
                if !self.names_only {
                    let at = run.start;
                    self.pending.push(Pending::SentenceWord { at, text });
                }
                return;
            }
            // A lone word after no title names no person (a group at most).
            if one_word && self.names_only {
                return;
            }
        }
        let mut words = std::mem::take(&mut self.words);
        let first_titled = self.run_words(run, &mut words);
        self.record(run, run.titled || first_titled, &words);
        self.words = words;
    }

    /// Records a run of one word (`text`, at byte `at`) that opens a
    /// sentence and follows no title: what [`Scan::record`] does with it,
    /// settled from the counts first. Such a word is capitalised anyway, so
    /// it only counts again a name already counted, and its word lists are
    /// read only then (a title or function word is not counted).
    ///
    /// Unlike [`Scan::count`], a word not counted does not advance the
    /// sighting order: only the order of the recorded sightings matters.
    fn sentence_word(&mut self, at: usize, text: &'d str) {
        if !self.counts.contains_key(text) {
            return;
        }
        let class = self.class_at(source_words(), at, text);
        if !class.any(Class::DET | Class::TITLE) {
            self.count(text, false);
        }
    }

    /// Records what a run names, given its words worth keeping.
    fn record(&mut self, run: Run, titled: bool, words: &[RunWord<'d>]) {
        let lex = source_words();
        let doc: &'d Document = self.doc;
        if run.sentence_start && !titled && words.len() == 1 {
            // A sentence's first word is capitalised anyway: count it only
            // as a name already seen inside a sentence ("Acme, though …").
            if let Some(word) = words.first().filter(|_| !self.names_only) {
                self.pending.push(Pending::Recount(word.text));
            }
            return;
        }
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return;
        };
        let start = first.at;
        let name: &'d str = doc.text.get(start..run.end).unwrap_or("");
        // One word is the whole name (the words are the run's last ones).
        let name_class = match words {
            [one] => one.class,
            _ => self.class_at(lex, start, name),
        };
        let listed = name_class.any(Class::ORG_NAME | Class::PLACE);
        if last.class.any(Class::GROUP) && !listed {
            if self.names_only {
                return;
            }
            let affiliation = (words.len() > 1)
                .then(|| doc.text.get(start..last.at))
                .flatten()
                .map(|t| t.trim().to_string());
            self.note_group(
                Span::new(start, run.end),
                affiliation,
                last.text.to_lowercase(),
            );
            return;
        }
        // The number of this run's entry in the pending list.
        let entry = self.settled + self.pending.len();
        if titled && (1..=3).contains(&words.len()) {
            self.people.entry(name).or_insert(entry);
            self.last_person = Some(Span::new(start, run.end));
        }
        if let Some(person) = self.person_in(words) {
            let from = person.first().map_or(start, |w| w.at);
            let full: &'d str = doc.text.get(from..run.end).unwrap_or("");
            for w in person.iter().filter(|w| !w.text.ends_with('.')) {
                self.full_names.insert(w.text, full);
            }
            if let Some(last) = person.last() {
                self.surnames.insert(last.text);
            }
            self.last_person = Some(Span::new(from, run.end));
        }
        if !self.names_only {
            let from = self.pending_words.len();
            self.pending_words.extend_from_slice(words);
            let words = (from, self.pending_words.len());
            self.pending.push(Pending::Name {
                name,
                name_class,
                words,
            });
        }
    }

    /// Does what the pending runs do to the focus counts and the names by
    /// head word, in text order: what recording them at once would have
    /// done (a name counts as a titled person's only when a run up to its
    /// own named one so).
    fn settle_focus(&mut self) {
        let mut pending = std::mem::take(&mut self.pending);
        let mut words = std::mem::take(&mut self.pending_words);
        for (k, p) in pending.iter().enumerate() {
            let entry = self.settled + k;
            match *p {
                Pending::SentenceWord { at, text } => self.sentence_word(at, text),
                Pending::Recount(text) => self.count(text, false),
                Pending::Name {
                    name,
                    name_class,
                    words: (from, to),
                } => {
                    let kept = words.get(from..to).unwrap_or(&[]);
                    self.name_in_focus(kept, name, name_class, entry);
                }
            }
        }
        self.settled += pending.len();
        pending.clear();
        words.clear();
        self.pending = pending;
        self.pending_words = words;
    }

    /// What a name (its kept words and lists) does to the names by head
    /// word and the focus counts; `entry` is its [`Pending`] number.
    fn name_in_focus(
        &mut self,
        words: &[RunWord<'d>],
        name: &'d str,
        name_class: Class,
        entry: usize,
    ) {
        let doc: &'d Document = self.doc;
        let Some(last) = words.last() else {
            return;
        };
        // Looked up without allocating; a key is made for a new head only.
        let by_head = &mut self.by_head;
        let known = with_lower_at(doc, last.at, last.text, |lower| {
            by_head.get_mut(lower).map(|named| *named = name).is_some()
        });
        if !known {
            self.by_head.insert(lower_at(doc, last.at, last.text), name);
        }
        if self.focus_candidate(words, name, name_class, entry) {
            self.count(name, true);
        }
    }

    /// Counts a sighting of a focus candidate; a new name only when `new`
    /// allows it and fewer than [`MAX_NAMES`] are counted.
    fn count(&mut self, name: &'d str, new: bool) {
        self.seen += 1;
        if let Some(entry) = self.counts.get_mut(name) {
            entry.0 += 1;
            entry.1 = self.seen;
        } else if new && self.counts.len() < MAX_NAMES {
            self.counts.insert(name, (1, self.seen));
        }
    }

    /// The person's name a run holds: the whole run (two to four words) or
    /// its last two or three words after a title, role, organisation or
    /// place ("House Speaker Ann Lyle", "Acme CEO Bo Dunn").
    fn person_in<'w>(&self, words: &'w [RunWord<'d>]) -> Option<&'w [RunWord<'d>]> {
        if (2..=4).contains(&words.len()) && self.person_like(words) {
            return Some(words);
        }
        let lex = source_words();
        (2..=3).rev().find_map(|n| {
            let split = words.len().checked_sub(n).filter(|&k| k > 0)?;
            let (before, name) = words.split_at(split);
            let cue = before.last()?;
            let cued = cue
                .class
                .any(Class::TITLE | Class::ROLE | Class::PLACE | Class::ORG_NAME)
                || cue.is_org_head(lex);
            (cued && self.person_like(name)).then_some(name)
        })
    }

    /// Whether the words could be a person's name: letters only, none an
    /// organisation head, organisation name, place or group noun.
    fn person_like(&self, words: &[RunWord<'d>]) -> bool {
        let lex = source_words();
        let initial = |w: &str| w.len() == 2 && w.ends_with('.');
        words.iter().all(|w| {
            initial(w.text)
                || is_name_shaped(w.text)
                    && !w.is_org_head(lex)
                    && !w.class.any(
                        Class::ORG_NAME | Class::PLACE | Class::GROUP | Class::ROLE | Class::TITLE,
                    )
        })
    }

    /// Whether a name may be the organisation in focus: not an outlet, a
    /// person named with a title, a place, a listed organisation or a word
    /// with an organisation head (those are found by head), and at most
    /// three words. `entry` is the name's [`Pending`] number.
    fn focus_candidate(
        &mut self,
        words: &[RunWord<'d>],
        name: &'d str,
        name_class: Class,
        entry: usize,
    ) -> bool {
        let lex = source_words();
        words.len() <= 3
            && !name_class.any(Class::PLACE | Class::ORG_NAME)
            && words.iter().all(|w| {
                w.text.chars().filter(|c| c.is_alphabetic()).count() > 1
                    && !w.class.any(
                        Class::TITLE
                            | Class::TITLE_STEM
                            | Class::PLACE
                            | Class::DET
                            | Class::DOCUMENT
                            | Class::ROLE,
                    )
                    && !w.is_org_head(lex)
            })
            && self.people.get(name).is_none_or(|&first| first > entry)
            && !self.is_outlet_name(name)
    }

    /// Whether a name is an outlet's (each name looked up once).
    fn is_outlet_name(&mut self, name: &'d str) -> bool {
        *self
            .outlet_names
            .entry(name)
            .or_insert_with(|| !Outlets::active().lookup_name(name).is_none())
    }

    /// The organisation in focus: the name seen most often so far, the more
    /// recent on a tie, skipping `exclude` (people's names and their words)
    /// and single words seen as the last word of a person's name.
    pub fn focus(&mut self, exclude: &HashSet<String>) -> Option<String> {
        self.catch_up();
        self.settle_focus();
        self.counts
            .iter()
            .filter(|(name, _)| {
                !exclude.contains(**name)
                    && !self.surnames.contains(*name)
                    && !name.split(' ').any(|w| exclude.contains(w))
            })
            .max_by_key(|(_, &(count, last))| (count, last))
            .map(|(name, _)| name.to_string())
    }

    /// The last name whose last word is `head` (any case): "embassy" →
    /// "Chinese Embassy".
    pub fn by_head(&mut self, head: &str) -> Option<&str> {
        self.catch_up();
        self.settle_focus();
        with_lower(head, |lower| self.by_head.get(lower).copied())
    }

    /// The last group named, and where its last mention ends.
    pub fn last_group(&mut self) -> Option<(&GroupSeen, usize)> {
        self.catch_up();
        let (i, end) = self.last_group?;
        Some((self.groups.get(i)?, end))
    }

    /// The group with this name.
    pub fn group_named(&mut self, name: &str) -> Option<&GroupSeen> {
        self.catch_up();
        self.groups.get(*self.group_of_name.get(name)?)
    }

    /// The last group with this head noun.
    pub fn group_by_head(&mut self, head: &str) -> Option<&GroupSeen> {
        self.catch_up();
        self.groups.get(*self.group_of_head.get(head)?)
    }

    /// The full name a single word is part of ("Biden" → "Joe Biden").
    pub fn full_name(&mut self, word: &str) -> Option<&'d str> {
        self.catch_up();
        self.full_names.get(word).copied()
    }

    /// The last name that looked like a person's (two to four capitalised
    /// words, or a name after a title), and its span.
    pub fn last_person(&mut self) -> Option<(Span, &str)> {
        self.catch_up();
        self.last_person.map(|span| (span, self.doc.slice(span)))
    }

    /// Whether the article writes this lower-case word in lower case
    /// somewhere: an ordinary word, not a name.
    pub fn is_common(&self, lower: &str) -> bool {
        let doc = self.doc;
        let searched = self.common_searched.get();
        if self.lower_words.get().is_none()
            && searched < SEARCH_BYTES_PER_TOKEN.saturating_mul(doc.tokens.len())
        {
            // Most articles ask only a few times: searching the text is
            // cheaper than gathering its words.
            self.common_searched.set(searched + doc.text.len());
            return self.written_lower(lower);
        }
        self.lower_words
            .get_or_init(|| {
                doc.tokens
                    .iter()
                    .map(|t| doc.slice(t.span))
                    .filter(|w| w.starts_with(char::is_lowercase))
                    .collect()
            })
            .contains(lower)
    }

    /// Whether some token of the text is `lower` and starts with a
    /// lower-case letter, read token by token.
    fn written_lower(&self, lower: &str) -> bool {
        let doc = self.doc;
        // Such a token is in the text as written: a fast search rules out
        // most words first.
        doc.text.contains(lower)
            && doc.tokens.iter().any(|t| {
                t.span.len() == lower.len() && {
                    let w = doc.slice(t.span);
                    w == lower && w.starts_with(char::is_lowercase)
                }
            })
    }

    /// Names written after a title.
    pub fn is_titled_person(&mut self, name: &str) -> bool {
        self.catch_up();
        self.people.contains_key(name)
    }
}

/// How many times the length of the text [`WholeNames`] may search and
/// read around words before it reads the whole text once instead: a search
/// costs about an instruction a byte, a names-only pass some twenty, so
/// searching stops well before it would cost more than the pass (and an
/// article asked for many words stays linear).
const WHOLE_SEARCH_ROUNDS: usize = 8;

/// What a [`Scan::names_only`] pass read to the end of the text keeps for
/// one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WholeName<'d> {
    /// The full name it is part of ([`Scan::full_name`]).
    Full(&'d str),
    /// No full name, but the name of a person written after a title
    /// ([`Scan::is_titled_person`]).
    Titled,
    /// Neither.
    Unknown,
}

/// Answers, for a word, what a [`Scan::names_only`] pass over the whole
/// text keeps for it ([`WholeName`]), without such a pass: a word gets a
/// full name or a title only from a run of capitalised words that holds it,
/// so only the stretches of text around the word's occurrences are read,
/// from the last back (the last full name wins). A stretch runs between
/// tokens that end any run ([`ends_any_run`]): a pass over the whole text
/// reads it from no run, as a pass started there does.
pub struct WholeNames<'d> {
    doc: &'d Document,
    /// A names-only pass that reads the stretches.
    reader: Scan<'d>,
    /// Bytes searched and read so far.
    cost: usize,
    /// The pass over the whole text, made once searching has cost
    /// [`WHOLE_SEARCH_ROUNDS`] times the text's length.
    whole: Option<Scan<'d>>,
}

/// Whether reading `token` ends the run being read, whatever the pass has
/// read before: a word not starting with a capital, a number, or a mark
/// that never joins a run (any but '.', '\'', '’' and '-'), as
/// [`Scan::read_to`] reads them.
fn ends_any_run(doc: &Document, token: &crate::document::Token) -> bool {
    let bytes = token_bytes(doc, token);
    match token.kind {
        TokenKind::Word => !token_starts_upper(doc, token, bytes),
        TokenKind::Number => true,
        // '’' is E2 80 99.
        TokenKind::Punct => !matches!(bytes, b"." | b"'" | [0xE2, 0x80, 0x99] | b"-"),
    }
}

impl<'d> WholeNames<'d> {
    /// Nothing read yet.
    pub fn new(doc: &'d Document) -> WholeNames<'d> {
        WholeNames {
            doc,
            reader: Scan::names_only(doc),
            cost: 0,
            whole: None,
        }
    }

    /// What a names-only pass over the whole text keeps for `word`;
    /// `main` is the pass of the mentions: what it kept is such a pass's
    /// up to where it is, unless it stopped inside a run
    /// ([`Scan::names_from_here`]), so only the text after it is searched.
    pub fn of(&mut self, word: &str, main: &mut Scan<'d>) -> WholeName<'d> {
        let doc = self.doc;
        if self.whole.is_none() && self.cost > WHOLE_SEARCH_ROUNDS.saturating_mul(doc.tokens.len())
        {
            self.whole = Some(whole_pass(doc, main));
        }
        if let Some(whole) = &mut self.whole {
            return whole_name(whole, word);
        }
        main.catch_up();
        let kept = !main.split && main.run.is_none();
        let from = if kept { main.next } else { 0 };
        let (full, titled) = self.reader.search_whole(word, from, &mut self.cost);
        let full = full.or_else(|| kept.then(|| main.full_name(word)).flatten());
        match full {
            Some(full) => WholeName::Full(full),
            None if titled || kept && main.is_titled_person(word) => WholeName::Titled,
            None => WholeName::Unknown,
        }
    }
}

/// A names-only pass read to the end of the text: on from where `main` is,
/// when that gives the same ([`Scan::names_from_here`]), else from the
/// start.
fn whole_pass<'d>(doc: &'d Document, main: &mut Scan<'d>) -> Scan<'d> {
    let mut whole = main
        .names_from_here()
        .unwrap_or_else(|| Scan::names_only(doc));
    whole.advance(doc.text.len());
    whole
}

/// What a pass read to the end keeps for `word`.
fn whole_name<'d>(whole: &mut Scan<'d>, word: &str) -> WholeName<'d> {
    if let Some(full) = whole.full_name(word) {
        WholeName::Full(full)
    } else if whole.is_titled_person(word) {
        WholeName::Titled
    } else {
        WholeName::Unknown
    }
}

impl<'d> Scan<'d> {
    /// What a names-only pass over the whole text records for `word`
    /// from token `from` on (where such a pass reads from no run): the
    /// last full name it gives the word, and whether it names it after a
    /// title. Reads only the stretches around the word's occurrences (a
    /// names-only pass's method); adds the tokens walked and read to
    /// `cost`.
    ///
    /// A run names `word` in full or after a title only when one of its
    /// words is `word`: such a word starts at a capitalised word token. The
    /// stretch of a token reaches back to just after the last token before
    /// it that ends any run ([`ends_any_run`]), or to `from`, and on to the
    /// first after it that does (or the end of the text); read in order
    /// from no run, it records what a pass over the whole text records
    /// there. Stretches are read from the last back, so the first full
    /// name found is the last one recorded.
    fn search_whole(
        &mut self,
        word: &str,
        from: usize,
        cost: &mut usize,
    ) -> (Option<&'d str>, bool) {
        let doc: &'d Document = self.doc;
        let (text, tokens) = (doc.text.as_bytes(), &doc.tokens);
        let Some(&first_byte) = word.as_bytes().first() else {
            return (None, false);
        };
        // Only what this search reads is kept.
        self.full_names.clear();
        self.people.clear();
        let mut titled = false;
        // The tokens before `upto` are still to be searched.
        let mut upto = tokens.len();
        while let Some(found) = tokens.get(from..upto).and_then(|rest| {
            // The first byte rules out most tokens.
            rest.iter()
                .rposition(|t| text.get(t.span.start()) == Some(&first_byte))
        }) {
            let i = from + found;
            *cost += upto - i;
            upto = i;
            let occurs = tokens.get(i).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && text
                        .get(t.span.start()..)
                        .is_some_and(|rest| rest.starts_with(word.as_bytes()))
                    && !ends_any_run(doc, t)
            });
            if !occurs {
                continue;
            }
            let mut start = i;
            while start > from && tokens.get(start - 1).is_some_and(|t| !ends_any_run(doc, t)) {
                start -= 1;
            }
            let mut end = i + 1;
            while tokens.get(end).is_some_and(|t| !ends_any_run(doc, t)) {
                end += 1;
            }
            *cost += end - start;
            self.next = start;
            self.run = None;
            self.read_to(tokens.get(end).map_or(text.len(), |t| t.span.end()));
            if let Some(&full) = self.full_names.get(word) {
                return (Some(full), titled);
            }
            titled |= self.people.contains_key(word);
            // The stretch is read: on before it.
            upto = start;
        }
        *cost += upto.saturating_sub(from);
        (None, titled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{extract, InputFormat};

    fn doc(text: &str) -> Document {
        Document::new(extract(text, InputFormat::Text))
    }

    #[test]
    fn focus_is_the_most_frequent_name_not_the_nearest() {
        let d = doc(
            "Zorblax makes phones. Critics of Zorblax say Zorblax is late. \
                     Zorblax, based in Oslo, is owned by the holding firm Quendra. The company",
        );
        let mut scan = Scan::new(&d);
        scan.advance(d.text.len());
        assert_eq!(scan.focus(&HashSet::default()).as_deref(), Some("Zorblax"));
    }

    #[test]
    fn names_after_a_role_or_organisation_in_one_run_are_people() {
        let d = doc("We met former House Speaker Ann Lyle and Acme CEO Bo Dunn.");
        let mut scan = Scan::new(&d);
        scan.advance(d.text.len());
        assert_eq!(scan.full_name("Lyle"), Some("Ann Lyle"));
        assert_eq!(scan.full_name("Dunn"), Some("Bo Dunn"));
    }

    #[test]
    fn apostrophes_and_hyphens_inside_names_keep_the_name_whole() {
        let d = doc("We met Martin O’Malley and Ann Smith-Jones, and TikTok’s staff.");
        let mut scan = Scan::new(&d);
        scan.advance(d.text.len());
        assert_eq!(scan.full_name("O’Malley"), Some("Martin O’Malley"));
        assert_eq!(scan.full_name("Smith-Jones"), Some("Ann Smith-Jones"));
    }

    #[test]
    fn surnames_are_not_the_focus() {
        let d = doc(
            "Reporters asked Dana Vole. Vole said Vole would win, and Vole did. \
                     Vole spoke of Brightco and Brightco again.",
        );
        let mut scan = Scan::new(&d);
        scan.advance(d.text.len());
        assert_eq!(scan.focus(&HashSet::default()).as_deref(), Some("Brightco"));
    }

    #[test]
    fn titled_names_are_people_not_focus() {
        let d = doc("We met Gov. Ann Lyle and Gov. Ann Lyle again, and Brightco once.");
        let mut scan = Scan::new(&d);
        scan.advance(d.text.len());
        assert_eq!(scan.focus(&HashSet::default()).as_deref(), Some("Brightco"));
        assert_eq!(scan.full_name("Lyle"), Some("Ann Lyle"));
    }

    #[test]
    fn a_name_counts_for_the_focus_until_it_is_written_after_a_title() {
        // Asked only at the end: the sightings before "Gov. Ann Lyle" count.
        let d = doc("Brightco met Ann Lyle. Then Ann Lyle and Ann Lyle left. \
                     Later Gov. Ann Lyle and Gov. Ann Lyle spoke.");
        let mut scan = Scan::new(&d);
        scan.advance(d.text.len());
        assert_eq!(scan.focus(&HashSet::default()).as_deref(), Some("Ann Lyle"));
        assert!(scan.is_titled_person("Ann Lyle"));
    }

    #[test]
    fn the_group_noun_points_back_to_the_last_group() {
        let d = doc("Later, Peruvian officials met aides. Then the officials left.");
        let mut scan = Scan::new(&d);
        scan.advance(d.text.len());
        let (g, _) = scan.last_group().expect("a group");
        assert_eq!(g.name, "Peruvian officials");
        assert_eq!(g.spans.len(), 2);
    }

    #[test]
    fn sentence_capitals_and_listed_names_are_not_groups() {
        let d =
            doc("Top advisers left. The United Nations met. Chinese officials spoke to top aides.");
        let mut scan = Scan::new(&d);
        scan.advance(d.text.len());
        scan.catch_up();
        let names: Vec<&str> = scan.groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["Chinese officials"]);
    }

    #[test]
    fn head_word_finds_the_last_name_with_it() {
        let d = doc("They wrote to the Danish Embassy on Monday.");
        let mut scan = Scan::new(&d);
        scan.advance(d.text.len());
        assert_eq!(scan.by_head("embassy"), Some("Danish Embassy"));
    }

    #[test]
    fn names_from_here_keeps_what_a_pass_from_the_start_keeps() {
        let text = "Gov. Ann Lyle met Acme CEO Bo Dunn. Chinese officials said Lyle \
                    and Dunn spoke. Later, Sen. Tom O’Hara and Mia Smith-Jones, with \
                    Peruvian officials, met Dunn. The officials left U.S. soil.";
        let d = doc(text);
        let names = |s: &Scan<'_>| {
            (
                s.full_names
                    .iter()
                    .map(|(w, full)| (w.to_string(), full.to_string()))
                    .collect::<std::collections::BTreeMap<_, _>>(),
                s.people
                    .keys()
                    .map(|p| p.to_string())
                    .collect::<std::collections::BTreeSet<_>>(),
                s.surnames
                    .iter()
                    .map(|w| w.to_string())
                    .collect::<std::collections::BTreeSet<_>>(),
                s.last_person,
            )
        };
        let mut whole = Scan::names_only(&d);
        whole.advance(text.len());
        whole.catch_up();
        let mut continued = 0;
        // Every token end as a stopping point, in and out of runs.
        for stop in d.tokens.iter().map(|t| t.span.end()) {
            let mut first = Scan::new(&d);
            first.advance(stop);
            if let Some(mut rest) = first.names_from_here() {
                rest.advance(text.len());
                rest.catch_up();
                assert_eq!(names(&rest), names(&whole), "stopped at {stop}");
                continued += 1;
            }
        }
        assert!(continued > 10);
    }

    /// Checks [`WholeNames::of`] against the pass over the whole text the
    /// resolver used to make ([`whole_pass`], from where the mentions' pass
    /// stopped) and against a names-only pass from the start, for every
    /// word of `d` and its pieces between spaces, with the mentions' pass
    /// stopped at every `step`-th token end: stopped there only, or also at
    /// every token end or every third one before (so that it has stopped
    /// inside runs or not).
    fn check_whole_names(d: &Document, step: usize) {
        let text = d.text.as_str();
        let mut words: Vec<&str> = d.tokens.iter().map(|t| d.slice(t.span)).collect();
        for piece in text.split_whitespace() {
            words.push(piece);
            words.push(piece.trim_end_matches([',', '.', ';', ':', '"', '”', ')']));
        }
        words.retain(|w| w.starts_with(char::is_uppercase));
        words.sort_unstable();
        words.dedup();
        let mut start = Scan::names_only(d);
        start.advance(text.len());
        let ends: Vec<usize> = d.tokens.iter().map(|t| t.span.end()).collect();
        // 0: stopped only at the token end checked.
        for every in [0, 1, 3] {
            let mut main = Scan::new(d);
            let mut fallback = WholeNames::new(d);
            fallback.cost = usize::MAX;
            for (k, &stop) in ends.iter().enumerate() {
                if every > 0 && k % every == 0 {
                    main.advance(stop);
                }
                if k % step != 0 {
                    continue;
                }
                if every == 0 {
                    main = Scan::new(d);
                    fallback = WholeNames::new(d);
                    fallback.cost = usize::MAX;
                }
                main.advance(stop);
                let mut old = whole_pass(d, &mut main);
                let mut new = WholeNames::new(d);
                for word in &words {
                    let want = whole_name(&mut old, word);
                    assert_eq!(whole_name(&mut start, word), want, "{word} at {stop}");
                    assert_eq!(new.of(word, &mut main), want, "{word} at {stop}");
                    assert_eq!(fallback.of(word, &mut main), want, "{word} at {stop}");
                }
                assert!(fallback.whole.is_some());
            }
        }
    }

    #[test]
    fn whole_names_are_what_a_pass_over_the_whole_text_keeps() {
        for text in [
            "Gov. Ann Lyle met Acme CEO Bo Dunn. Chinese officials said Lyle \
             and Dunn spoke. Later, Sen. Tom O’Hara and Mia Smith-Jones, with \
             Peruvian officials, met Dunn. The officials left U.S. soil.",
            "Lyle spoke first. Dunn said Lyle would go. Top advisers left. \
             Later Gov. Lyle and President Dunn met Ann Lyle, Bo Dunn and \
             Gov. Ann Lyle. Lyle Brightco officials said Dunn, Ann Dunn.",
            "Brightco met Ann Lyle. Then Ann Lyle and Ann Lyle left. \
             Later Gov. Ann Lyle and Gov. Ann Lyle spoke. Sen. Lyle Ann Lyle \
             met Dr. Bo J. Dunn-Lyle and Bo Dunn’s aide, Dunn Lyle.",
            "We met Martin O’Malley and Ann Smith-Jones, and TikTok’s staff. \
             O’Malley, Smith-Jones and Martin O’Malley Jr. met Mr. O’Malley.",
            "Quist spoke. Officials said Quist and Bree left. Later Gov. Quist \
             and Mayor Bree met Sen. Bree, the Bree Group and Quist officials.",
        ] {
            check_whole_names(&doc(text), 1);
        }
    }

    #[test]
    fn whole_names_in_the_corpus_are_what_a_pass_over_the_whole_text_keeps() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).expect("corpus") {
            let path = entry.expect("entry").path();
            let format = match path.extension().and_then(|e| e.to_str()) {
                Some("txt" | "md") => InputFormat::Text,
                Some("html") => InputFormat::Html,
                _ => continue,
            };
            let raw = std::fs::read_to_string(&path).expect("article");
            let d = Document::new(extract(&raw, format));
            check_whole_names(&d, 17);
            checked += 1;
        }
        assert!(checked > 20);
    }

    #[test]
    fn last_word_is_the_last_piece_between_white_space() {
        for text in [
            "",
            " ",
            "Gov.",
            "met Gov.",
            "a\u{a0}Gov.",
            "x\u{2003}Sen.",
            "the “Président",
            "line\nDr.",
            "tab\tMs.",
            "ends in space ",
            "née",
        ] {
            let want = text.rsplit(char::is_whitespace).next().unwrap_or("");
            assert_eq!(last_word(text), want, "{text:?}");
        }
    }

    #[test]
    fn long_runs_and_odd_text_do_not_panic() {
        let mut text = "The ".repeat(20_000);
        text.push_str(&"Zed ".repeat(20_000));
        text.push_str("officials 🙂 U.S. ’s . . the officials");
        let d = doc(&text);
        let mut scan = Scan::new(&d);
        for pos in [0, 3, 7, text.len() / 2, text.len() + 5] {
            scan.advance(pos);
        }
        let _ = scan.focus(&HashSet::default());
        let _ = scan.last_group();
    }
}
