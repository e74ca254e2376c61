//! One source mention read on its own, with no article around it: its
//! determiner, a title, a possessor, the head noun phrase, what follows it,
//! an appositive after a comma and a bracket ("Sen. Jane Roe (D-VT)").
//!
//! [`read`] turns that structure into a [`Reading`]: what the mention is by
//! its own words (an outlet, a person with role and affiliation, a group,
//! an anonymous source, a document) or what it points back to in the
//! article ("the report", "the officials", "the company", a pronoun), which
//! the resolver ([`super::resolve`]) settles. Input is a `&str`; offsets in
//! [`Word`] are bytes into it. Linear in the mention's length.

use std::borrow::Cow;

use crate::lexicon::outlets::{Lookup, Outlets};
use crate::lexicon::sources::{words as source_words, Class, SourceWords};

/// Pronouns a source mention may be.
pub const PRONOUNS: &[&str] = &[
    "he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its", "who", "whom",
    "whose", "which", "that", "i", "we", "you", "us",
];

// This list and the next are what [`Marks::of`] answers in one `match`;
// they are kept as lists for the test that checks the two agree.
#[cfg(test)]
/// Lower-case words that end the head noun phrase ("sources familiar …",
/// "a report that appeared …", "a spokesperson for …").
const BOUNDARY: &[&str] = &[
    "that",
    "who",
    "whom",
    "whose",
    "which",
    "familiar",
    "briefed",
    "close",
    "with",
    "in",
    "on",
    "at",
    "for",
    "from",
    "by",
    "of",
    "to",
    "according",
    "as",
    "involved",
    "knowledgeable",
    "aware",
    "speaking",
    "granted",
    "not",
    "said",
    "told",
    "says",
    "and",
    "or",
    "about",
    "under",
    "inside",
    "within",
    "near",
    "after",
    "before",
];

#[cfg(test)]
/// Lower-case prepositions a mention may start with and that are not part
/// of it ("by Politico", "in the Post report").
const LEADING_PREPS: &[&str] = &[
    "in", "on", "by", "from", "at", "of", "to", "per", "via", "with",
];

/// Prepositions after which an affiliation follows ("a spokesperson for X").
const AFFILIATION_PREPS: &[&str] = &["for", "at", "of", "with", "from", "in"];

/// One word of a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word without a possessive `'s` and without a sentence period.
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Written with a possessive ("company’s", "officials’").
    pub poss: bool,
    /// Capitalised as a name (a sentence's first word that the article
    /// also writes in lower case is not: "Younger voters").
    pub cap: bool,
    /// The ASCII lower case of `text` when the mention came with its lower
    /// case ([`parse_lower`]: the document's [`crate::document::Document::lower`]),
    /// else "".
    pub ascii_lower: &'a str,
    /// The word lists its lower case is in (looked up once, when the
    /// mention is split).
    pub class: Class,
    /// This module's word lists its lower case is in ([`Marks`]).
    marks: Marks,
    /// Where the word stands: before the first comma, after it, inside a
    /// bracket.
    part: Part,
}

/// Where a word of a mention stands, by the commas and brackets before it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Part {
    /// Before the first comma, outside brackets: the head phrase.
    #[default]
    Head,
    /// Between the first and second comma, outside brackets.
    Appositive,
    /// Inside a bracket.
    Bracket,
    /// After the second comma.
    Rest,
}

impl Part {
    /// The part of a word after `commas` commas outside brackets, at
    /// bracket depth `depth`.
    fn at(commas: usize, depth: usize) -> Part {
        match (depth, commas) {
            (1.., _) => Part::Bracket,
            (0, 0) => Part::Head,
            (0, 1) => Part::Appositive,
            _ => Part::Rest,
        }
    }
}

/// Which of this module's lists of lower-case words a word is in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Marks(u8);

impl Marks {
    /// A word that ends the head noun phrase ("sources familiar …", "a
    /// spokesperson for …").
    const BOUNDARY: Marks = Marks(1);
    /// A preposition a mention may start with that is not part of it ("by
    /// Politico", "in the Post report").
    const LEADING_PREP: Marks = Marks(1 << 1);

    /// The lists a lower-case word is in: one `match` instead of a scan of
    /// each list (the tests check it agrees with the lists).
    fn of(lower: &str) -> Marks {
        const B: u8 = Marks::BOUNDARY.0;
        const L: u8 = Marks::LEADING_PREP.0;
        // The listed words are two to thirteen bytes long: most others
        // are ruled out by length before the words are compared.
        if !(2..=13).contains(&lower.len()) {
            return Marks::default();
        }
        Marks(match lower {
            "in" | "on" | "by" | "from" | "at" | "of" | "to" | "with" => B | L,
            "per" | "via" => L,
            "that" | "who" | "whom" | "whose" | "which" | "familiar" | "briefed" | "close"
            | "for" | "according" | "as" | "involved" | "knowledgeable" | "aware" | "speaking"
            | "granted" | "not" | "said" | "told" | "says" | "and" | "or" | "about" | "under"
            | "inside" | "within" | "near" | "after" | "before" => B,
            _ => 0,
        })
    }

    /// Whether any of the lists in `lists` is one of these.
    fn any(self, lists: Marks) -> bool {
        self.0 & lists.0 != 0
    }
}

impl std::ops::BitOr for Marks {
    type Output = Marks;
    fn bitor(self, other: Marks) -> Marks {
        Marks(self.0 | other.0)
    }
}

impl<'a> Word<'a> {
    /// Whether the word starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.cap
    }

    /// Whether the word is an organisation head as written
    /// ([`SourceWords::is_org_head`], asked only when its class allows).
    pub fn is_org_head(&self, lex: &SourceWords) -> bool {
        self.class.any(Class::ORG_HEAD) && lex.is_org_head(self.text)
    }

    /// Whether the word is all capitals with at least two letters ("FBI").
    pub fn is_acronym(&self) -> bool {
        let mut letters = 0usize;
        for c in self.text.chars().filter(|c| c.is_alphabetic()) {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
        letters >= 2
    }

    /// The word in lower case: for an ASCII word, the mention's lower case
    /// when it came with one, else the text itself when it has no capitals
    /// (most words); else a lower-cased copy.
    pub fn lower(&self) -> Cow<'a, str> {
        let text: &'a str = self.text;
        if text.is_ascii() {
            if self.ascii_lower.len() == text.len() {
                return Cow::Borrowed(self.ascii_lower);
            }
            if !text.bytes().any(|b| b.is_ascii_uppercase()) {
                return Cow::Borrowed(text);
            }
        }
        Cow::Owned(text.to_lowercase())
    }
}

/// The parts of one noun phrase (the mention before its first comma, or an
/// appositive): runs of the phrase's words, which the [`Parsed`] mention
/// holds (`'p`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Phrase<'p, 'a> {
    /// The first determiner, lower case ("the", "a", "one").
    pub det: Option<Cow<'a, str>>,
    /// The role a leading title gives ("senator"; empty for "Mr.").
    pub title: Option<&'static str>,
    /// Words before a possessive ("The company’s" → company).
    pub possessor: &'p [Word<'a>],
    /// The head noun phrase; its last word is the head.
    pub core: &'p [Word<'a>],
    /// Words after the head noun phrase ("familiar with the matter").
    pub post: &'p [Word<'a>],
}

impl<'a> Phrase<'_, 'a> {
    /// The head noun: the last word of the core.
    pub fn head(&self) -> Option<&Word<'a>> {
        self.core.last()
    }

    /// The word lists the head is in (those of "" when there is none).
    pub fn head_class(&self) -> Class {
        self.head()
            .map_or_else(|| source_words().class_of_lower(""), |w| w.class)
    }

    /// The head, lower case, or "".
    pub fn head_lower(&self) -> String {
        self.head()
            .map(|w| w.lower().into_owned())
            .unwrap_or_default()
    }

    /// Whether the determiner makes the phrase definite ("the", "this").
    pub fn definite(&self) -> bool {
        matches!(
            self.det.as_deref(),
            Some("the" | "this" | "that" | "these" | "those" | "its" | "their" | "his" | "her")
        ) || !self.possessor.is_empty()
    }
}

/// A mention split into its parts; its words (`'p`) are in a list the
/// caller gives [`parse`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed<'p, 'a> {
    pub text: &'a str,
    /// The ASCII lower case of `text`, or "".
    pub lower: &'a str,
    /// Every word, in order.
    pub words: &'p [Word<'a>],
    /// The phrase before the first comma (brackets left out).
    pub head: Phrase<'p, 'a>,
    /// The phrase after the first comma, when it is not a relative clause.
    pub appositive: Phrase<'p, 'a>,
    /// Words of a relative clause after a comma ("who spoke on condition…").
    pub relative: &'p [Word<'a>],
    /// The first word inside a bracket ("R-NC").
    pub bracket: Option<&'a str>,
}

impl<'a> Parsed<'_, 'a> {
    /// The text from the first to the last of `words`, as written.
    pub fn span_text(&self, words: &[Word<'a>]) -> &'a str {
        match (words.first(), words.last()) {
            (Some(a), Some(b)) => self.text.get(a.start..b.end).unwrap_or(""),
            _ => "",
        }
    }

    /// The text from the first to the last of `words`, in lower case
    /// ([`str::to_lowercase`]; read from the mention's lower case when the
    /// text is ASCII).
    pub fn span_lower(&self, words: &[Word<'a>]) -> Cow<'a, str> {
        let text = self.span_text(words);
        let shared = match (words.first(), words.last()) {
            (Some(a), Some(b)) if text.is_ascii() => self.lower.get(a.start..b.end),
            _ => None,
        };
        match shared {
            Some(lower) if lower.len() == text.len() => Cow::Borrowed(lower),
            _ => Cow::Owned(text.to_lowercase()),
        }
    }
}

/// Whether `c` separates words in a mention.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ',' | ';'
                | ':'
                | '('
                | ')'
                | '['
                | ']'
                | '"'
                | '“'
                | '”'
                | '—'
                | '–'
                | '!'
                | '?'
                | '«'
                | '»'
        )
}

/// Splits a mention into words, each marked with its [`Part`] by the
/// commas and brackets before it, and pushes them on `out`; `lower` is its
/// ASCII lower case, or "".
///
/// Read byte by byte, a character decoded only where a byte is not ASCII.
fn split_words<'a>(text: &'a str, lower: &'a str, out: &mut Vec<Word<'a>>) {
    let mut start: Option<usize> = None;
    let mut next = 0;
    let (mut commas, mut depth) = (0usize, 0usize);
    while let Some(&b) = text.as_bytes().get(next) {
        let i = next;
        // Most bytes are ASCII letters or digits, inside a word.
        if b.is_ascii_alphanumeric() {
            start.get_or_insert(i);
            next += 1;
            continue;
        }
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => c,
                None => break,
            }
        };
        next += c.len_utf8();
        if is_separator(c) {
            if let Some(s) = start.take() {
                push_word(text, lower, s, i, Part::at(commas, depth), out);
            }
            match c {
                ',' | ';' if depth == 0 => commas += 1,
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push_word(text, lower, s, text.len(), Part::at(commas, depth), out);
    }
}

/// Cleans up the word at `text[start..end]` (quotes, possessive, a final
/// period that is not an abbreviation's) and pushes it when a letter or
/// digit is left. `lower` is the text's ASCII lower case, or "".
fn push_word<'a>(
    text: &'a str,
    lower: &'a str,
    start: usize,
    end: usize,
    part: Part,
    out: &mut Vec<Word<'a>>,
) {
    let Some(raw) = text.get(start..end) else {
        return;
    };
    // Most words start and end with an ASCII letter or digit: nothing is
    // trimmed from them, and they have a letter or digit.
    let lead = match raw.as_bytes().first() {
        Some(b) if b.is_ascii() && !matches!(b, b'\'' | b'`') => 0,
        _ => raw.len() - raw.trim_start_matches(['\'', '‘', '’', '`']).len(),
    };
    let mut word = raw.get(lead..).unwrap_or("");
    let mut poss = false;
    let plain_end = word
        .as_bytes()
        .last()
        .is_some_and(|b| b.is_ascii_alphanumeric() && !matches!(b, b's' | b'S'));
    if !plain_end {
        for suffix in ["'s", "’s", "'S", "’S"] {
            if let Some(stem) = word.strip_suffix(suffix) {
                word = stem;
                poss = true;
                break;
            }
        }
        if !poss {
            if let Some(stem) = word.strip_suffix(['\'', '’']) {
                word = stem;
                poss = stem.ends_with('s');
            }
        }
        if word.ends_with('.') && !is_abbreviation(word) {
            word = word.trim_end_matches('.');
        }
    }
    let alphanumeric = word
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
        || word.chars().any(char::is_alphanumeric);
    if !alphanumeric {
        return;
    }
    let start = start + lead;
    let end = start + word.len();
    let mut w = Word {
        text: word,
        start,
        end,
        poss,
        cap: match word.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => word.starts_with(char::is_uppercase),
        },
        ascii_lower: lower.get(start..end).unwrap_or(""),
        class: Class::default(),
        marks: Marks::default(),
        part,
    };
    let lower = w.lower();
    w.class = source_words().class_of_lower(&lower);
    w.marks = Marks::of(&lower);
    out.push(w);
}

/// Whether a word ending in `.` keeps its period: an initial ("J."), an
/// abbreviation with inner periods ("U.S."), a title ("Sen.") or an
/// organisation head ("Inc.").
fn is_abbreviation(word: &str) -> bool {
    let lex = source_words();
    let stem = word.trim_end_matches('.');
    stem.chars().count() == 1
        || stem.contains('.')
        || lex.title_role(word).is_some()
        || lex.org_heads.contains(word)
}

/// Splits a mention into its parts; `words` holds its words (emptied
/// first).
pub fn parse<'p, 'a>(text: &'a str, words: &'p mut Vec<Word<'a>>) -> Parsed<'p, 'a> {
    parse_with(text, &|_| false, words)
}

/// Splits a mention into its parts; `common` says whether a lower-case
/// word is an ordinary word of the article (it is written in lower case
/// somewhere), so that a capitalised first word before a lower-case one is
/// read as a sentence's capital, not a name ("Younger voters", "Business
/// leaders"), unless the word lists know it as a name.
pub fn parse_with<'p, 'a>(
    text: &'a str,
    common: &dyn Fn(&str) -> bool,
    words: &'p mut Vec<Word<'a>>,
) -> Parsed<'p, 'a> {
    parse_lower(text, "", common, words)
}

/// [`parse_with`] of a mention that comes with its ASCII lower case
/// (`lower`: the same bytes with ASCII capitals lowered, as
/// [`str::to_ascii_lowercase`] makes it; "" when there is none), which its
/// words then read instead of lower-casing themselves.
///
/// The words are split once into `words`; the phrases are runs of them.
/// The head phrase's words come first and the appositive's next, unless a
/// bracket sits among them: then the two are copied after the words,
/// without the bracketed ones.
pub fn parse_lower<'p, 'a>(
    text: &'a str,
    lower: &'a str,
    common: &dyn Fn(&str) -> bool,
    words: &'p mut Vec<Word<'a>>,
) -> Parsed<'p, 'a> {
    let lower = if lower.len() == text.len() { lower } else { "" };
    words.clear();
    // Sized once: a word every few bytes.
    words.reserve(text.len() / 4 + 2);
    split_words(text, lower, words);
    lower_sentence_capital(words, common);
    let n = words.len();
    let bracketed = words.iter().find(|w| w.part == Part::Bracket);
    let bracket = bracketed.and_then(|w| text.get(w.start..w.end));
    let count = |words: &[Word<'_>], part: Part| words.iter().filter(|w| w.part == part).count();
    let (heads, appositives) = (count(words, Part::Head), count(words, Part::Appositive));
    let from = if bracket.is_some() {
        for part in [Part::Head, Part::Appositive] {
            for k in 0..n {
                if let Some(&w) = words.get(k).filter(|w| w.part == part) {
                    words.push(w);
                }
            }
        }
        n
    } else {
        0
    };
    let words: &'p [Word<'a>] = words;
    let head_words = words.get(from..from + heads).unwrap_or(&[]);
    let after_comma = words
        .get(from + heads..from + heads + appositives)
        .unwrap_or(&[]);
    let relative = after_comma.first().is_some_and(|w| {
        matches!(
            w.lower().as_ref(),
            "who" | "whom" | "whose" | "which" | "that"
        )
    });
    Parsed {
        text,
        lower,
        words: words.get(..n).unwrap_or(&[]),
        head: phrase(head_words),
        appositive: if relative {
            Phrase::default()
        } else {
            phrase(after_comma)
        },
        relative: if relative { after_comma } else { &[] },
        bracket,
    }
}

/// Marks the first word as not a name when it is capitalised, a lower-case
/// word follows, the article writes it in lower case elsewhere and the
/// word lists do not know it as a name, title or outlet.
fn lower_sentence_capital(words: &mut [Word<'_>], common: &dyn Fn(&str) -> bool) {
    let [first, next, ..] = words else {
        return;
    };
    if !first.cap || next.cap {
        return;
    }
    let lex = source_words();
    let lower = first.lower();
    let known = first
        .class
        .any(Class::PLACE | Class::ORG_NAME | Class::PROPER_GROUP | Class::TITLE)
        || first.is_org_head(lex)
        || first.is_acronym()
        || !Outlets::active().lookup_name(first.text).is_none();
    // The marks first: `common` may search the whole article.
    if !known && (first.marks.any(Marks::LEADING_PREP) || common(&lower)) {
        first.cap = false;
    }
}

/// Reads one noun phrase: determiner, title, possessor, core and post
/// (runs of `words`).
fn phrase<'p, 'a>(words: &'p [Word<'a>]) -> Phrase<'p, 'a> {
    let mut p = Phrase::default();
    // A preposition the grammar left on the mention ("in the Post report").
    let mut i = usize::from(
        words.len() > 1
            && words
                .first()
                .is_some_and(|w| w.marks.any(Marks::LEADING_PREP)),
    );
    while let Some(w) = words.get(i) {
        let partitive = p.det.is_some() && w.lower() == "of";
        if words.len() - i > 1 && (w.class.any(Class::DET) || partitive) {
            p.det.get_or_insert(w.lower());
            i += 1;
        } else {
            break;
        }
    }
    i += take_title(words.get(i..).unwrap_or(&[]), &mut p);
    let rest = words.get(i..).unwrap_or(&[]);
    // The possessor runs to the last possessive word with a word after
    // it; the core from there to the first boundary word.
    let mut core_start = 0;
    let mut end = rest.len();
    for (k, w) in rest.iter().enumerate() {
        let next = rest.get(k + 1);
        if w.poss && next.is_some() {
            core_start = k + 1;
            continue;
        }
        let prev = k.checked_sub(1).filter(|&j| j >= core_start);
        if is_boundary(w, prev.and_then(|j| rest.get(j)), next) {
            end = k;
            break;
        }
    }
    p.possessor = rest.get(..core_start).unwrap_or(&[]);
    p.core = rest.get(core_start..end).unwrap_or(&[]);
    p.post = rest.get(end..).unwrap_or(&[]);
    if !p.possessor.is_empty() {
        // "Mr. Obama’s climate advisers": the title named the possessor.
        p.title = None;
    }
    p
}

/// Strips a leading title ("Sen.", "Vice President") when a capitalised
/// word follows; gives how many words it took.
fn take_title(words: &[Word<'_>], p: &mut Phrase<'_, '_>) -> usize {
    let lex = source_words();
    for n in (1..=lex.title_words.min(words.len().saturating_sub(1))).rev() {
        let Some(title_words) = words.get(..n) else {
            continue;
        };
        let followed_by_name = words.get(n).is_some_and(Word::is_capitalised);
        let capitalised = title_words.first().is_some_and(Word::is_capitalised);
        if !(followed_by_name && capitalised) {
            continue;
        }
        // A one-word title is looked up as written, without joining.
        let role = match title_words {
            [one] => lex.title_role(one.text),
            _ => {
                let title: Vec<&str> = title_words.iter().map(|w| w.text).collect();
                lex.title_role(&title.join(" "))
            }
        };
        if let Some(role) = role {
            p.title = Some(role);
            return n;
        }
    }
    0
}

/// Whether `w` ends the head noun phrase. "of", "for" and "and" after an
/// organisation head stay in the name ("Department of Justice").
fn is_boundary(w: &Word<'_>, prev: Option<&Word<'_>>, next: Option<&Word<'_>>) -> bool {
    if !w.marks.any(Marks::BOUNDARY) || w.is_capitalised() {
        return false;
    }
    let lower = w.lower();
    let joins_name = matches!(lower.as_ref(), "of" | "for" | "and")
        && prev.is_some_and(|p| p.is_org_head(source_words()))
        && next.is_some_and(Word::is_capitalised);
    !joins_name && prev.is_some()
}

/// An affiliation as the mention gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Affiliation {
    /// A name as written ("Chinese Embassy").
    Named(String),
    /// A common noun for the organisation in focus ("the company").
    Focus(String),
}

/// What a mention is, by its own words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// A pronoun, lower case.
    Pronoun(String),
    /// A mention naming an outlet; `report` when the mention is a report of
    /// it ("the Post report"). `written` is the outlet name as written.
    Outlet {
        candidates: Vec<String>,
        written: String,
        report: bool,
    },
    /// "the report", "the story": an earlier report, else a document.
    ReportBack {
        head: String,
        name: String,
    },
    Document {
        name: String,
        head: String,
        definite: bool,
        /// Who issued it ("a study by Harvard researchers", "the
        /// ministry’s statement").
        affiliation: Option<Affiliation>,
    },
    Anonymous {
        name: String,
        role: Option<String>,
        affiliation: Option<Affiliation>,
    },
    Person {
        name: String,
        role: Option<String>,
        affiliation: Option<Affiliation>,
    },
    /// A single capitalised word: an earlier person's name, else unknown.
    Surname(String),
    Group {
        name: String,
        affiliation: Option<String>,
    },
    /// "the officials": an earlier group with this head.
    GroupBack {
        head: String,
        name: String,
    },
    /// "the spokesperson": an earlier person with this role.
    RoleBack {
        role: String,
        affiliation: Option<Affiliation>,
        name: String,
    },
    Organisation {
        name: String,
    },
    /// "the company", "the Embassy": the organisation in focus.
    FocusOrg {
        noun: String,
        name: String,
    },
    Unknown {
        name: String,
    },
}

/// The mention without a leading "the", "a" or "an", trimmed of white
/// space and punctuation at either end.
pub fn display_name(mention: &str) -> String {
    display_name_ascii(mention).unwrap_or_else(|| display_name_words(mention))
}

/// [`display_name`] read word by word, for any mention.
fn display_name_words(mention: &str) -> String {
    let trimmed = mention.trim_matches(|c: char| !c.is_alphanumeric());
    let mut words = trimmed.split_whitespace().peekable();
    let mut out = String::with_capacity(trimmed.len());
    let Some(first) = words.next() else {
        return out;
    };
    // No other letter lower-cases to one of these ASCII words.
    let article = ["the", "a", "an"]
        .iter()
        .any(|a| first.eq_ignore_ascii_case(a));
    if !(article && words.peek().is_some()) {
        out.push_str(first);
    }
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// [`display_name`] of an ASCII mention whose words are parted by single
/// spaces (most are), read as bytes: the trimmed text, less a leading
/// article when a word follows it. `None` for any other mention.
fn display_name_ascii(mention: &str) -> Option<String> {
    let bytes = mention.as_bytes();
    if !bytes.is_ascii() {
        return None;
    }
    let start = bytes
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(start, |last| last + 1);
    let trimmed = mention.get(start..end)?;
    // White space other than single spaces is left to `display_name`
    // ('\x0B' is white space to `char::is_whitespace` only).
    let single_spaces = !trimmed.contains("  ")
        && !trimmed
            .bytes()
            .any(|b| b != b' ' && (b.is_ascii_whitespace() || b == 0x0B));
    if !single_spaces {
        return None;
    }
    let name = match trimmed.split_once(' ') {
        Some((first, rest))
            if ["the", "a", "an"]
                .iter()
                .any(|a| first.eq_ignore_ascii_case(a)) =>
        {
            rest
        }
        _ => trimmed,
    };
    Some(name.to_string())
}

/// Reads a mention; `None` when it has no word.
pub fn read(mention: &str) -> Option<Reading> {
    read_with(mention, &|_| false)
}

/// Reads a mention, with `common` as in [`parse_with`].
pub fn read_with(mention: &str, common: &dyn Fn(&str) -> bool) -> Option<Reading> {
    read_lower(mention, "", common)
}

/// [`read_with`] of a mention that comes with its ASCII lower case, as in
/// [`parse_lower`].
pub fn read_lower(mention: &str, lower: &str, common: &dyn Fn(&str) -> bool) -> Option<Reading> {
    read_lower_in(mention, lower, common, &mut Vec::new())
}

/// [`read_lower`] with `words` to split the mention into (emptied first),
/// so that one list serves every mention of an article.
pub fn read_lower_in<'a>(
    mention: &'a str,
    lower: &'a str,
    common: &dyn Fn(&str) -> bool,
    words: &mut Vec<Word<'a>>,
) -> Option<Reading> {
    // A bare pronoun of ASCII letters ("He") is one word, its lower case.
    if mention.bytes().all(|b| b.is_ascii_alphabetic()) {
        if let Some(p) = PRONOUNS.iter().find(|p| p.eq_ignore_ascii_case(mention)) {
            return Some(Reading::Pronoun((*p).to_string()));
        }
    }
    let p = parse_lower(mention, lower, common, words);
    let first = p.words.first()?;
    if p.words.len() == 1 && PRONOUNS.contains(&first.lower().as_ref()) {
        return Some(Reading::Pronoun(first.lower().into_owned()));
    }
    let lex = source_words();
    let display = || display_name(mention);
    if let Some(reading) = read_outlet(&p) {
        return Some(reading);
    }
    let head = &p.head;
    let head_class = head.head_class();
    // Asked once: the tests below and the person reading all need it.
    let head_is_name = is_name(head.core, lex);
    // An ASCII mention's lower case came with it.
    let mention_lower = || {
        if mention.is_ascii() && lower.len() == mention.len() {
            Cow::Borrowed(lower)
        } else {
            Cow::Owned(mention.to_lowercase())
        }
    };
    // The name test first: the phrase search reads the whole mention.
    if !head_is_name && lex.has_anonymity_phrase(&mention_lower()) {
        return Some(Reading::Anonymous {
            name: display(),
            role: role_of(head),
            affiliation: affiliation_of(&p, head),
        });
    }
    if head_class.any(Class::SOURCE) && !head_is_name {
        return Some(Reading::Anonymous {
            name: display(),
            role: None,
            affiliation: affiliation_of(&p, head),
        });
    }
    if let Some(reading) = read_person(&p, lex, head_is_name) {
        return Some(reading);
    }
    if let Some(reading) = read_people(&p, lex, &display) {
        return Some(reading);
    }
    if head_class.any(Class::DOCUMENT) {
        // The core and the words after it, as written.
        let first = head.core.first().or(head.post.first());
        let last = head.post.last().or(head.core.last());
        let words: Vec<Word<'_>> = first.into_iter().chain(last).copied().collect();
        let name = display_name(p.span_text(&words));
        let head_lower = head.head_lower();
        if head_class.any(Class::REPORT) && head.definite() {
            return Some(Reading::ReportBack {
                head: head_lower,
                name,
            });
        }
        return Some(Reading::Document {
            name,
            head: head_lower,
            definite: head.definite(),
            affiliation: issuer(&p, head),
        });
    }
    Some(read_organisation(&p, lex, display()))
}

/// An outlet mention: the head phrase names an outlet ("the Post report",
/// "Politico"), or a report noun is followed or preceded by one ("a report
/// … on the New York Post", "the report in the Post").
fn read_outlet(p: &Parsed<'_, '_>) -> Option<Reading> {
    let outlets = Outlets::active();
    let head = &p.head;
    let first = head.possessor.first().or(head.core.first())?;
    let last = head.core.last()?;
    let whole = p.text.get(first.start..last.end).unwrap_or("");
    let head_class = last.class;
    let report = head_class.any(Class::DOCUMENT);
    let common = head_class.any(Class::SOURCE | Class::ROLE | Class::GROUP);
    // A common head ("press", "staff") names an outlet only as a proper
    // name: capitalised, and without a determiner unless a capitalised word
    // comes before it ("The Associated Press", not "the Press").
    let proper = head.core.len() > 1 && head.core.iter().all(|w| w.is_capitalised());
    let as_name = !common
        || (last.is_capitalised() && head.post.is_empty() && (head.det.is_none() || proper));
    // Looked up only when it would be read as an outlet.
    let found = (as_name && !head.core_all_capitalised_person_like())
        .then(|| outlets.lookup_name(whole))
        .filter(|found| !found.is_none());
    if let Some(found) = found {
        let from = p
            .words
            .first()
            .map_or(first.start, |w| w.start.min(first.start));
        let with_det = p.text.get(from..last.end).unwrap_or(whole);
        let written = written_outlet(outlets, with_det).unwrap_or_else(|| display_name(whole));
        return Some(outlet_reading(&found, written, report));
    }
    if !report {
        return None;
    }
    let mut tail: Vec<Word<'_>> = head.possessor.to_vec();
    tail.extend(head.post.iter().copied());
    tail.extend(p.appositive.core.iter().copied());
    tail.extend(p.appositive.post.iter().copied());
    tail.extend(p.relative.iter().copied());
    let from = tail.iter().map(|w| w.start).min()?;
    let to = tail.iter().map(|w| w.end).max()?;
    let text = p.text.get(from..to)?;
    let (range, found) = outlets.find_in(text).into_iter().next()?;
    let written = text.get(range).map(display_name).unwrap_or_default();
    Some(outlet_reading(&found, written, true))
}

/// The outlet name as written inside `text`, when `find_in` sees one.
fn written_outlet(outlets: &Outlets, text: &str) -> Option<String> {
    let (range, _) = outlets.find_in(text).into_iter().next()?;
    text.get(range).map(str::to_string)
}

/// The reading for an outlet lookup.
fn outlet_reading(found: &Lookup<'_>, written: String, report: bool) -> Reading {
    Reading::Outlet {
        candidates: found.outlets().iter().map(|o| o.name.clone()).collect(),
        written,
        report,
    }
}

impl Phrase<'_, '_> {
    /// Whether the core looks like a person's name with a role word before
    /// it ("Post reporter Jane Doe"), which is not the outlet itself.
    fn core_all_capitalised_person_like(&self) -> bool {
        self.core.iter().any(|w| w.class.any(Class::ROLE))
            && self.head().is_some_and(Word::is_capitalised)
    }
}

/// Whether a phrase has a capitalised word in its core that is not a
/// determiner at the start.
fn has_name(p: &Phrase<'_, '_>) -> bool {
    p.core.iter().any(Word::is_capitalised)
}

/// A person: titled, named with an appositive role, a role noun with a name
/// after it ("Embassy spokesperson Liu Pengyu"), or a role phrase with a
/// name in apposition ("The company’s spokesperson, Alex Haurek").
/// `head_is_name` is [`is_name`] of the head phrase's core.
fn read_person(p: &Parsed<'_, '_>, lex: &SourceWords, head_is_name: bool) -> Option<Reading> {
    let head = &p.head;
    let is_title = |w: &Word<'_>| w.cap && w.class.any(Class::TITLE);
    if let Some(k) = head
        .core
        .iter()
        .position(|w| w.class.any(Class::ROLE) || is_title(w))
    {
        let after = head.core.get(k + 1..).unwrap_or(&[]);
        if !after.is_empty() && after.iter().all(Word::is_capitalised) {
            let before = head.core.get(..k).unwrap_or(&[]);
            // "Republican presidential nominee X": capitals name the
            // affiliation, lower-case words belong to the role; a title
            // ("New Jersey Gov. X") gives its role.
            let split = before
                .iter()
                .position(|w| !w.is_capitalised())
                .unwrap_or(before.len());
            let named = before.get(..split).unwrap_or(&[]);
            let affiliation = (!named.is_empty())
                .then(|| Affiliation::Named(p.span_text(named).to_string()))
                .or_else(|| possessor_affiliation(p, head));
            let role = match head.core.get(k).filter(|w| is_title(w)) {
                Some(title) => lex.title_role(title.text).unwrap_or("").to_string(),
                None => p
                    .span_text(head.core.get(split..=k).unwrap_or(&[]))
                    .to_lowercase(),
            };
            return Some(Reading::Person {
                name: p.span_text(after).to_string(),
                role: Some(role).filter(|r| !r.is_empty()),
                affiliation,
            });
        }
    }
    // The role test last: a mention seldom has a name in apposition.
    let role_head =
        || head.head_class().any(Class::ROLE) || lex.singular_role(&head.head_lower()).is_some();
    if !has_name(head) && is_name(p.appositive.core, lex) && role_head() {
        return Some(Reading::Person {
            name: p.span_text(p.appositive.core).to_string(),
            role: role_of(head),
            affiliation: affiliation_of(p, head),
        });
    }
    if let Some(reading) = modified_name(p, head, lex) {
        return Some(reading);
    }
    let titled = head.title.is_some() && !head.core.is_empty();
    let full_name = head_is_name && head.core.len() > 1;
    if !(titled || full_name) {
        if head_is_name && head.core.len() == 1 && head.possessor.is_empty() {
            let word = head.core.first()?;
            if !word.is_acronym() && !word.is_org_head(lex) {
                return Some(Reading::Surname(word.text.to_string()));
            }
        }
        return None;
    }
    let apposition_role = role_of(&p.appositive);
    let role = apposition_role
        .clone()
        .or_else(|| head.title.filter(|t| !t.is_empty()).map(str::to_string));
    let affiliation = if apposition_role.is_some() {
        affiliation_of_phrase(p, &p.appositive)
    } else {
        None
    }
    .or_else(|| {
        p.bracket
            .and_then(party_affiliation)
            .map(Affiliation::Named)
    })
    .or_else(|| possessor_affiliation(p, head));
    Some(Reading::Person {
        name: p.span_text(head.core).to_string(),
        role,
        affiliation,
    })
}

/// A full name after modifiers ("rival Donald Trump", "Republican Donald
/// Trump"): the last two or three words are a name and every word before is
/// lower case or a place or party word, which becomes the affiliation.
fn modified_name(p: &Parsed<'_, '_>, head: &Phrase<'_, '_>, lex: &SourceWords) -> Option<Reading> {
    (2..=3).rev().find_map(|n| {
        let split = head.core.len().checked_sub(n).filter(|&k| k > 0)?;
        let (before, name) = head.core.split_at(split);
        let modifiers_ok = before
            .iter()
            .all(|w| !w.is_capitalised() || w.class.any(Class::PLACE));
        if !modifiers_ok || !is_name(name, lex) {
            return None;
        }
        let named: Vec<Word<'_>> = before
            .iter()
            .copied()
            .filter(Word::is_capitalised)
            .collect();
        Some(Reading::Person {
            name: p.span_text(name).to_string(),
            role: None,
            affiliation: (!named.is_empty())
                .then(|| Affiliation::Named(p.span_text(&named).to_string())),
        })
    })
}

/// Whether a phrase's core is a person's name: one to four capitalised
/// words, none an organisation head or name, place, role, group or document
/// noun, and not an acronym.
fn is_name(core: &[Word<'_>], lex: &SourceWords) -> bool {
    let n = core.len();
    (1..=4).contains(&n)
        && core.iter().all(|w| {
            w.is_capitalised()
                && !w.is_acronym()
                && w.text
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
                && !w.is_org_head(lex)
                && !w.class.any(
                    Class::PLACE
                        | Class::ROLE
                        | Class::GROUP
                        | Class::SOURCE
                        | Class::DOCUMENT
                        | Class::DET
                        | Class::ORG_NAME,
                )
                && !w.marks.any(Marks::BOUNDARY | Marks::LEADING_PREP)
        })
        // One word's lists were asked above.
        && (n == 1
            || !lex
                .class_of_lower(&core.iter().map(Word::lower).collect::<Vec<_>>().join(" "))
                .any(Class::ORG_NAME | Class::PLACE))
}

/// The affiliation a party-and-state bracket gives: "R-NC" → "Republican
/// Party (NC)", "D" → "Democratic Party".
pub fn party_affiliation(bracket: &str) -> Option<String> {
    let mut parts = bracket.splitn(2, ['-', '–', ' ']);
    let party = match parts.next()?.trim().trim_end_matches('.') {
        "R" | "Rep" => "Republican Party",
        "D" | "Dem" => "Democratic Party",
        "I" | "Ind" => "Independent",
        _ => return None,
    };
    Some(
        match parts.next().map(str::trim).filter(|s| !s.is_empty()) {
            Some(state) => format!("{party} ({state})"),
            None => party.to_string(),
        },
    )
}

/// The role a phrase names: its core, lower case, when its head is a role
/// noun ("a senior adviser" → "senior adviser"); a plural role gives its
/// singular.
fn role_of(p: &Phrase<'_, '_>) -> Option<String> {
    let lex = source_words();
    let last = p.head()?;
    let head = last.lower();
    let singular = if last.class.any(Class::ROLE) {
        head.into_owned()
    } else {
        lex.singular_role(&head)?
    };
    let modifiers: Vec<String> = p
        .core
        .iter()
        .rev()
        .skip(1)
        .take_while(|w| !w.is_capitalised())
        .map(|w| w.lower().into_owned())
        .collect();
    let mut words: Vec<String> = modifiers.into_iter().rev().collect();
    words.push(singular);
    Some(words.join(" "))
}

/// The affiliation of a mention: from its head phrase, else its appositive.
fn affiliation_of(p: &Parsed<'_, '_>, head: &Phrase<'_, '_>) -> Option<Affiliation> {
    affiliation_of_phrase(p, head).or_else(|| affiliation_of_phrase(p, &p.appositive))
}

/// The affiliation a phrase gives: a possessor ("the Embassy’s
/// spokesperson"), capitalised words before the head ("a White House
/// official") or a prepositional phrase after it ("a spokesperson for the
/// Chinese Embassy").
fn affiliation_of_phrase(p: &Parsed<'_, '_>, ph: &Phrase<'_, '_>) -> Option<Affiliation> {
    if let Some(a) = possessor_affiliation(p, ph) {
        return Some(a);
    }
    let before: Vec<Word<'_>> = ph
        .core
        .iter()
        .take(ph.core.len().saturating_sub(1))
        .copied()
        .filter(Word::is_capitalised)
        .collect();
    if !before.is_empty() {
        return Some(Affiliation::Named(p.span_text(&before).to_string()));
    }
    let prep = ph.post.first()?;
    if !AFFILIATION_PREPS.contains(&prep.lower().as_ref()) {
        return None;
    }
    let inner = phrase(ph.post.get(1..).unwrap_or(&[]));
    if inner.core.iter().any(Word::is_capitalised) {
        let named: Vec<Word<'_>> = inner.possessor.iter().chain(inner.core).copied().collect();
        return Some(Affiliation::Named(p.span_text(&named).to_string()));
    }
    let noun = inner.head_lower();
    source_words()
        .focus
        .contains(&noun)
        .then_some(Affiliation::Focus(noun))
}

/// Who issued a document: its possessor, or a name after "by", "from" or
/// "of" ("a poll by Gallup").
fn issuer(p: &Parsed<'_, '_>, head: &Phrase<'_, '_>) -> Option<Affiliation> {
    if let Some(a) = possessor_affiliation(p, head) {
        return Some(a);
    }
    let prep = head.post.first()?;
    if !matches!(prep.lower().as_ref(), "by" | "from" | "of") {
        return None;
    }
    let inner = phrase(head.post.get(1..).unwrap_or(&[]));
    let named: Vec<Word<'_>> = inner.possessor.iter().chain(inner.core).copied().collect();
    named
        .iter()
        .any(Word::is_capitalised)
        .then(|| Affiliation::Named(p.span_text(&named).to_string()))
}

/// The affiliation a possessor gives: a name as written, or a focus noun
/// ("the company’s").
fn possessor_affiliation(p: &Parsed<'_, '_>, ph: &Phrase<'_, '_>) -> Option<Affiliation> {
    let last = ph.possessor.last()?;
    if ph.possessor.iter().any(Word::is_capitalised) {
        let named: Vec<Word<'_>> = ph
            .possessor
            .iter()
            .skip_while(|w| w.class.any(Class::DET))
            .copied()
            .collect();
        return Some(Affiliation::Named(p.span_text(&named).to_string()));
    }
    Some(Affiliation::Focus(last.lower().into_owned()))
}

/// Groups and unnamed people: "Chinese officials", "Senate Republicans",
/// "the officials", "officials", "a senior official", "the spokesperson".
fn read_people(
    p: &Parsed<'_, '_>,
    lex: &SourceWords,
    display: &dyn Fn() -> String,
) -> Option<Reading> {
    let head = &p.head;
    let last = head.head()?;
    let lower = last.lower();
    let plural = last.class.any(Class::GROUP) || lex.singular_role(&lower).is_some();
    let singular = last.class.any(Class::ROLE);
    if !plural && !singular {
        return None;
    }
    let lower = lower.into_owned();
    let named = head.core.iter().any(|w| w.text == "of")
        || lex
            .class_of_lower(&p.span_lower(head.core))
            .any(Class::ORG_NAME | Class::PLACE);
    if named {
        return None;
    }
    let display = display();
    let modifiers: Vec<Word<'_>> = head
        .core
        .iter()
        .take(head.core.len().saturating_sub(1))
        .copied()
        .filter(Word::is_capitalised)
        .collect();
    if plural {
        let name = p.span_text(head.core).to_string();
        if !modifiers.is_empty() {
            return Some(Reading::Group {
                name,
                affiliation: Some(p.span_text(&modifiers).to_string()),
            });
        }
        let from = head
            .post
            .first()
            .is_some_and(|w| AFFILIATION_PREPS.contains(&w.lower().as_ref()));
        if let Some(Affiliation::Named(affiliation)) =
            from.then(|| affiliation_of_phrase(p, head)).flatten()
        {
            return Some(Reading::Group {
                name: display.to_string(),
                affiliation: Some(affiliation),
            });
        }
        if last.class.any(Class::PROPER_GROUP) && last.is_capitalised() && !head.definite() {
            return Some(Reading::Group {
                name,
                affiliation: None,
            });
        }
        if head.definite() && head.possessor.is_empty() {
            return Some(Reading::GroupBack {
                head: lower,
                name: display.to_string(),
            });
        }
        return Some(Reading::Anonymous {
            name: display.to_string(),
            role: role_of(head),
            affiliation: affiliation_of(p, head),
        });
    }
    if head.definite() {
        return Some(Reading::RoleBack {
            role: role_of(head).unwrap_or(lower),
            affiliation: affiliation_of(p, head),
            name: display.to_string(),
        });
    }
    Some(Reading::Anonymous {
        name: display.to_string(),
        role: role_of(head),
        affiliation: affiliation_of(p, head),
    })
}

/// Organisations and the rest: an organisation head or name, an acronym, a
/// place (its government), "the company"; else unknown.
fn read_organisation(p: &Parsed<'_, '_>, lex: &SourceWords, display: String) -> Reading {
    let head = &p.head;
    let core_text = p.span_text(head.core).to_string();
    let head_lower = head.head_lower();
    if head.core.len() == 1 && head.head().is_some_and(|w| w.is_org_head(lex)) {
        return Reading::FocusOrg {
            noun: head_lower,
            name: core_text,
        };
    }
    let named_org = head.core.iter().any(|w| w.is_org_head(lex))
        || (head.core.len() == 1 && head.head().is_some_and(Word::is_acronym))
        || lex
            .class_of_lower(&p.span_lower(head.core))
            .any(Class::ORG_NAME | Class::PLACE);
    if named_org && head.core.iter().any(Word::is_capitalised) {
        return Reading::Organisation { name: core_text };
    }
    if head.head_class().any(Class::FOCUS) && (head.definite() || head.core.len() == 1) {
        return Reading::FocusOrg {
            noun: head_lower,
            name: display,
        };
    }
    Reading::Unknown { name: display }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, role: Option<&str>, affiliation: Option<&str>) -> Reading {
        Reading::Person {
            name: name.to_string(),
            role: role.map(str::to_string),
            affiliation: affiliation.map(|a| Affiliation::Named(a.to_string())),
        }
    }

    #[test]
    fn parse_splits_determiner_possessor_core_post_and_appositive() {
        let mut words = Vec::new();
        let p = parse("The agency’s lead analyst, Mara Quint", &mut words);
        assert_eq!(p.head.det.as_deref(), Some("the"));
        assert_eq!(p.head.possessor.len(), 1);
        assert_eq!(p.span_text(p.head.core), "lead analyst");
        assert_eq!(p.span_text(p.appositive.core), "Mara Quint");
        let p = parse("people familiar with the budget", &mut words);
        assert_eq!(p.span_text(p.head.core), "people");
        assert_eq!(p.span_text(p.head.post), "familiar with the budget");
    }

    #[test]
    fn bracketed_words_are_left_out_of_the_phrases() {
        let mut words = Vec::new();
        let p = parse("Sen. Ada (D-OR) Brill, a senator (ret.), said", &mut words);
        assert_eq!(p.words.len(), 8);
        assert_eq!(p.bracket, Some("D-OR"));
        assert_eq!(p.head.title, Some("senator"));
        let core: Vec<&str> = p.head.core.iter().map(|w| w.text).collect();
        assert_eq!(core, ["Ada", "Brill"]);
        let appositive: Vec<&str> = p.appositive.core.iter().map(|w| w.text).collect();
        assert_eq!(appositive, ["senator"]);
        let p = parse("officials, who spoke, (anonymously)", &mut words);
        assert_eq!(p.span_text(p.relative), "who spoke");
        assert_eq!(p.bracket, Some("anonymously"));
    }

    #[test]
    fn department_of_keeps_its_of() {
        let mut words = Vec::new();
        let p = parse("the Department of Energy", &mut words);
        assert_eq!(p.span_text(p.head.core), "Department of Energy");
    }

    #[test]
    fn titles_are_not_part_of_the_name() {
        assert_eq!(
            read("Gov. Nell Ambrose"),
            Some(person("Nell Ambrose", Some("governor"), None))
        );
        assert_eq!(read("Mr. Ambrose"), Some(person("Ambrose", None, None)));
    }

    #[test]
    fn party_bracket_gives_the_affiliation() {
        assert_eq!(
            read("Sen. Ada Brill (D-OR)"),
            Some(person(
                "Ada Brill",
                Some("senator"),
                Some("Democratic Party (OR)")
            ))
        );
    }

    #[test]
    fn appositive_gives_role_and_affiliation() {
        assert_eq!(
            read("Wen Tao, a spokeswoman for the Malaysian Embassy"),
            Some(person(
                "Wen Tao",
                Some("spokeswoman"),
                Some("Malaysian Embassy")
            ))
        );
    }

    #[test]
    fn role_phrase_with_name_in_apposition_is_that_person() {
        assert_eq!(
            read("The firm’s spokesman, Ivo Marsh"),
            Some(Reading::Person {
                name: "Ivo Marsh".into(),
                role: Some("spokesman".into()),
                affiliation: Some(Affiliation::Focus("firm".into())),
            })
        );
    }

    #[test]
    fn prenominal_role_splits_affiliation_and_name() {
        assert_eq!(
            read("Treasury spokesperson Lena Ortiz"),
            Some(person("Lena Ortiz", Some("spokesperson"), Some("Treasury")))
        );
    }

    #[test]
    fn outlet_names_inside_report_phrases_are_outlets() {
        let Some(Reading::Outlet {
            candidates, report, ..
        }) = read("a story that ran on Tuesday in the Boston Globe")
        else {
            panic!("not an outlet")
        };
        assert_eq!(candidates, ["The Boston Globe"]);
        assert!(report);
        let Some(Reading::Outlet { candidates, .. }) = read("the article in the Post") else {
            panic!("not an outlet")
        };
        assert!(candidates.len() > 1);
    }

    #[test]
    fn bare_report_points_back() {
        assert!(matches!(
            read("the story"),
            Some(Reading::ReportBack { .. })
        ));
        assert!(matches!(
            read("a new survey"),
            Some(Reading::Document { .. })
        ));
    }

    #[test]
    fn anonymous_shapes() {
        for m in [
            "sources close to the talks",
            "one aide, who spoke on condition of anonymity",
            "a senior official",
            "officials",
            "two people briefed on the plan",
        ] {
            assert!(
                matches!(read(m), Some(Reading::Anonymous { .. })),
                "{m}: {:?}",
                read(m)
            );
        }
    }

    #[test]
    fn groups_need_an_affiliation_or_nationality() {
        assert_eq!(
            read("Kenyan officials"),
            Some(Reading::Group {
                name: "Kenyan officials".into(),
                affiliation: Some("Kenyan".into())
            })
        );
        assert!(matches!(
            read("the officials"),
            Some(Reading::GroupBack { .. })
        ));
    }

    #[test]
    fn organisations_by_head_name_or_acronym() {
        for m in ["the Ministry of Health", "the White House", "NASA"] {
            assert!(
                matches!(read(m), Some(Reading::Organisation { .. })),
                "{m}: {:?}",
                read(m)
            );
        }
        assert!(matches!(
            read("the company"),
            Some(Reading::FocusOrg { .. })
        ));
    }

    #[test]
    fn a_leading_preposition_is_not_part_of_the_mention() {
        let Some(Reading::Outlet { candidates, .. }) = read("in the Boston Globe report") else {
            panic!("not an outlet")
        };
        assert_eq!(candidates, ["The Boston Globe"]);
        assert_eq!(read("by Axios"), read("Axios"));
    }

    #[test]
    fn modifiers_before_a_full_name_are_not_part_of_it() {
        assert_eq!(read("rival Ana Ruiz"), Some(person("Ana Ruiz", None, None)));
        assert_eq!(
            read("Republican Ana Ruiz"),
            Some(person("Ana Ruiz", None, Some("Republican")))
        );
    }

    #[test]
    fn title_case_headlines_are_not_names() {
        assert!(!matches!(
            read("Budget Fight Over Dams Heats Up"),
            Some(Reading::Person { .. })
        ));
    }

    #[test]
    fn a_title_inside_the_phrase_gives_role_and_affiliation() {
        assert_eq!(
            read("Former Ohio Gov. Lara Finch"),
            Some(person("Lara Finch", Some("governor"), Some("Ohio")))
        );
    }

    #[test]
    fn capitalised_quantifiers_are_anonymous() {
        for m in ["Some", "Others", "Sources", "Both"] {
            assert!(matches!(read(m), Some(Reading::Anonymous { .. })), "{m}");
        }
    }

    #[test]
    fn singular_roles_with_a_place_are_not_groups() {
        assert!(matches!(
            read("a Vermont senator"),
            Some(Reading::Anonymous { .. })
        ));
        assert!(matches!(
            read("the American Federation of Teachers"),
            Some(Reading::Organisation { .. })
        ));
    }

    #[test]
    fn plural_roles_are_people_not_unknown() {
        assert!(matches!(
            read("his advisers"),
            Some(Reading::GroupBack { .. })
        ));
        assert!(matches!(
            read("consultants"),
            Some(Reading::Anonymous { .. })
        ));
    }

    #[test]
    fn marks_agree_with_the_lists() {
        let words = BOUNDARY
            .iter()
            .chain(LEADING_PREPS)
            .chain(AFFILIATION_PREPS)
            .chain(PRONOUNS)
            .chain(&["the", "officials", "in.", "In", "", "withs"]);
        for w in words {
            let m = Marks::of(w);
            assert_eq!(m.any(Marks::BOUNDARY), BOUNDARY.contains(w), "{w}");
            assert_eq!(m.any(Marks::LEADING_PREP), LEADING_PREPS.contains(w), "{w}");
        }
    }

    #[test]
    fn display_name_reads_ascii_as_words_do() {
        for m in [
            "the officials",
            "The Post",
            "the",
            "A spokesman for the firm,",
            "  \"an aide\"  ",
            "Trump",
            "the  report",
            "the\treport",
            "the\u{b}report",
            "—",
            "",
            ",,",
            "an",
            "an X",
            "(R-NC) Sen. Lee.",
        ] {
            if let Some(name) = display_name_ascii(m) {
                assert_eq!(name, display_name_words(m), "{m:?}");
            }
        }
        assert_eq!(display_name("the officials"), "officials");
        assert_eq!(display_name("the  report"), "report");
    }

    #[test]
    fn odd_mentions_do_not_panic() {
        assert_eq!(read(""), None);
        assert_eq!(read(" ,.;— "), None);
        let _ = read("🙂 🎉");
        let _ = read("’s");
        let _ = read("(((");
        let long = "word ".repeat(10_000);
        let _ = read(&long);
    }
}
