//! Source words as data (`sources.txt`): anonymity phrases, roles, group
//! nouns, organisation heads and names, titles, document nouns, places and
//! determiners, for the resolver ([`crate::resolve`]). See the data file for
//! the entry kinds.

use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

use super::chrome::entry_and_example;

const DATA: &str = include_str!("sources.txt");

/// What an entry of `sources.txt` says about its phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceWord {
    Anonymous,
    Source,
    Role,
    Group,
    Org,
    OrgName,
    Focus,
    Business,
    Title,
    Document,
    Report,
    Place,
    Det,
}

/// One entry with its example mention, for the tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    pub kind: SourceWord,
    pub phrase: &'static str,
    pub mention: &'static str,
}

/// The parsed word lists. Every key is lower case except `org` heads, which
/// are kept as written (they must be capitalised in the text).
#[derive(Debug, Default)]
pub struct SourceWords {
    /// Anonymity phrases, lower case, words separated by one space, with a
    /// space before and after them for matching whole words.
    pub anonymous: Vec<String>,
    pub sources: HashSet<String>,
    pub roles: HashSet<String>,
    pub groups: HashSet<String>,
    /// Group nouns that are names themselves ("Republicans"), lower case.
    pub proper_groups: HashSet<String>,
    pub org_heads: HashSet<String>,
    /// Organisation names, lower case, words separated by one space.
    pub org_names: HashSet<String>,
    pub focus: HashSet<String>,
    /// Focus nouns that fall back to the organisation named most.
    pub business: HashSet<String>,
    /// Title (lower case) → role it gives (may be empty).
    pub titles: HashMap<String, String>,
    /// Longest title in words.
    pub title_words: usize,
    pub documents: HashSet<String>,
    pub reports: HashSet<String>,
    /// Places, lower case, words separated by one space.
    pub places: HashSet<String>,
    pub dets: HashSet<String>,
    pub examples: Vec<Example>,
    /// Organisation heads listed with a final period, without it ("Inc"
    /// of "Inc."): [`SourceWords::is_org_head`] accepts them as written.
    org_head_stems: HashSet<String>,
    /// Every lower-case key of the lists above → the lists it is in, for
    /// one lookup per word instead of one per list.
    classes: HashMap<String, Class>,
    /// Rules out most words that are in no list before hashing them.
    class_sieve: Sieve,
    /// Rules out most words that are no group noun before hashing them.
    group_sieve: Sieve,
    /// Rules out most words that are no title before hashing them.
    title_sieve: Sieve,
    /// Indexes into `anonymous` by the phrase's first word; phrases with
    /// no first word are in `""`'s list.
    anonymous_by_first: HashMap<String, Vec<usize>>,
    /// The words of each anonymity phrase (split at single spaces).
    anonymous_words: Vec<Vec<String>>,
    /// Rules out most words that start no anonymity phrase.
    anonymous_sieve: Sieve,
}

/// The words of an ASCII text between white space, as
/// [`str::split_whitespace`] gives them, read byte by byte.
#[derive(Clone)]
struct AsciiWords<'a> {
    rest: &'a str,
}

impl<'a> Iterator for AsciiWords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        // ASCII white space as `char::is_whitespace` has it: tab, line
        // feed, vertical tab, form feed, carriage return and space.
        let space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
        let bytes = self.rest.as_bytes();
        let start = bytes.iter().position(|b| !space(b))?;
        let len = bytes
            .get(start..)
            .and_then(|tail| tail.iter().position(space))
            .unwrap_or(bytes.len() - start);
        let word = self.rest.get(start..start + len)?;
        self.rest = self.rest.get(start + len..).unwrap_or("");
        Some(word)
    }
}

/// A cheap test that rules out most ASCII words that are not in a set of
/// lower-case keys: by length, by first and last letter and by first two
/// letters (case-blind). Words it passes must still be looked up.
#[derive(Clone, Debug, Default)]
struct Sieve {
    /// Bit `n` set when some key is `n` bytes long (63 for longer).
    lengths: u64,
    /// Bit `(first & 31) * 32 + (last & 31)` set for some key's first
    /// and last bytes; `& 31` maps both cases of a letter alike.
    ends: [u64; 16],
    /// Bit `(first & 31) * 32 + (second & 31)` set for some key's first
    /// two bytes (0 for a missing one).
    leads: [u64; 16],
}

impl Sieve {
    /// The sieve of a set of keys.
    fn of<'k>(keys: impl Iterator<Item = &'k String>) -> Sieve {
        let mut sieve = Sieve::default();
        for key in keys {
            sieve.lengths |= 1 << key.len().min(63);
            let (first, last) = Sieve::ends_of(key.as_bytes());
            Sieve::set_pair(&mut sieve.ends, first, last);
            Sieve::set_pair(&mut sieve.leads, first, Sieve::second_of(key.as_bytes()));
        }
        sieve
    }

    /// The first and last bytes of a word, each `& 31`.
    fn ends_of(bytes: &[u8]) -> (usize, usize) {
        let end = |b: Option<&u8>| usize::from(b.copied().unwrap_or(0) & 31);
        (end(bytes.first()), end(bytes.last()))
    }

    /// Where a pair of bytes (each `& 31`) sits in one of the sieve's pair
    /// tables: the index of its word and its bit there.
    #[inline]
    fn pair_bit(a: usize, b: usize) -> (usize, u64) {
        (a >> 1, 1 << ((a & 1) << 5 | b))
    }

    /// Sets the bit of a pair of bytes in a pair table.
    fn set_pair(table: &mut [u64; 16], a: usize, b: usize) {
        let (word, bit) = Sieve::pair_bit(a, b);
        if let Some(bits) = table.get_mut(word) {
            *bits |= bit;
        }
    }

    /// Whether the bit of a pair of bytes is set in a pair table.
    #[inline]
    fn has_pair(table: &[u64; 16], a: usize, b: usize) -> bool {
        let (word, bit) = Sieve::pair_bit(a, b);
        table.get(word).is_some_and(|bits| bits & bit != 0)
    }

    /// The second byte of a word `& 31` (0 when there is none).
    fn second_of(bytes: &[u8]) -> usize {
        usize::from(bytes.get(1).copied().unwrap_or(0) & 31)
    }

    /// Whether `word` (any case) may be one of the keys: always for a word
    /// that is not ASCII (its lower-case form may differ in length).
    ///
    /// The ends are tested first: when both are ASCII, lower-casing keeps
    /// them where they are, whatever lies between.
    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        self.may_hold_bytes(word.as_bytes())
    }

    /// [`Sieve::may_hold`] of a word's UTF-8 bytes.
    #[inline]
    fn may_hold_bytes(&self, bytes: &[u8]) -> bool {
        let ascii_ends =
            bytes.first().is_none_or(u8::is_ascii) && bytes.last().is_none_or(u8::is_ascii);
        if ascii_ends {
            let (first, last) = Sieve::ends_of(bytes);
            if !Sieve::has_pair(&self.ends, first, last) {
                return false;
            }
            // The first two bytes too, when the second is ASCII (or
            // missing): lower-casing keeps it where it is.
            if bytes.get(1).is_none_or(u8::is_ascii)
                && !Sieve::has_pair(&self.leads, first, Sieve::second_of(bytes))
            {
                return false;
            }
        }
        !bytes.is_ascii() || self.lengths & (1 << bytes.len().min(63)) != 0
    }
}

/// The word lists a lower-case word or phrase is in, as bits: see
/// [`SourceWords::class`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Class(u16);

impl Class {
    pub const ROLE: Class = Class(1);
    pub const GROUP: Class = Class(1 << 1);
    pub const ORG_NAME: Class = Class(1 << 2);
    pub const DOCUMENT: Class = Class(1 << 3);
    pub const PLACE: Class = Class(1 << 4);
    pub const DET: Class = Class(1 << 5);
    /// A title ([`SourceWords::title_role`] gives its role).
    pub const TITLE: Class = Class(1 << 6);
    /// A title without its final period ("sen" of "sen.").
    pub const TITLE_STEM: Class = Class(1 << 7);
    /// The lower-case form of an organisation head, with or without its
    /// final period: the word may be one ([`SourceWords::is_org_head`]
    /// decides, by case).
    pub const ORG_HEAD: Class = Class(1 << 8);
    pub const SOURCE: Class = Class(1 << 9);
    pub const REPORT: Class = Class(1 << 10);
    pub const FOCUS: Class = Class(1 << 11);
    pub const BUSINESS: Class = Class(1 << 12);
    /// A group noun that is a name itself ("Republicans").
    pub const PROPER_GROUP: Class = Class(1 << 13);

    /// Whether any of the lists in `lists` is one of these.
    pub fn any(self, lists: Class) -> bool {
        self.0 & lists.0 != 0
    }
}

impl std::ops::BitOr for Class {
    type Output = Class;
    fn bitor(self, other: Class) -> Class {
        Class(self.0 | other.0)
    }
}

/// The built-in lists, parsed once.
pub fn words() -> &'static SourceWords {
    static WORDS: OnceLock<SourceWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut w = parse(DATA);
        w.index();
        w
    })
}

/// Parses the data file; malformed lines are skipped (the tests check there
/// are none).
fn parse(data: &'static str) -> SourceWords {
    let mut w = SourceWords::default();
    for line in data.lines() {
        let Some((body, example)) = entry_and_example(line) else {
            continue;
        };
        let Some((kind, phrase)) = parse_entry(&mut w, body) else {
            continue;
        };
        if let Some(mention) = example {
            w.examples.push(Example {
                kind,
                phrase,
                mention,
            });
        }
    }
    w
}

/// Adds one `KIND PHRASE` entry; gives its kind and phrase.
fn parse_entry(w: &mut SourceWords, body: &'static str) -> Option<(SourceWord, &'static str)> {
    let (kind, phrase) = body.split_once(' ')?;
    let phrase = phrase.trim();
    let key = phrase.to_lowercase();
    let kind = match kind {
        "anonymous" => {
            w.anonymous.push(format!(" {key} "));
            SourceWord::Anonymous
        }
        "source" => insert(&mut w.sources, key, SourceWord::Source),
        "role" => insert(&mut w.roles, key, SourceWord::Role),
        "group" => {
            if phrase.starts_with(char::is_uppercase) {
                w.proper_groups.insert(key.clone());
            }
            insert(&mut w.groups, key, SourceWord::Group)
        }
        "org" => insert(&mut w.org_heads, phrase.to_string(), SourceWord::Org),
        "orgname" => insert(&mut w.org_names, key, SourceWord::OrgName),
        "focus" => insert(&mut w.focus, key, SourceWord::Focus),
        "business" => {
            w.focus.insert(key.clone());
            insert(&mut w.business, key, SourceWord::Business)
        }
        "document" => insert(&mut w.documents, key, SourceWord::Document),
        "report" => {
            w.documents.insert(key.clone());
            insert(&mut w.reports, key, SourceWord::Report)
        }
        "place" => insert(&mut w.places, key, SourceWord::Place),
        "det" => insert(&mut w.dets, key, SourceWord::Det),
        "title" => {
            let (title, role) = phrase.split_once('=')?;
            let title = title.trim();
            w.title_words = w.title_words.max(title.split_whitespace().count());
            w.titles
                .insert(title.to_lowercase(), role.trim().to_string());
            return Some((SourceWord::Title, title));
        }
        _ => return None,
    };
    Some((kind, phrase))
}

/// Inserts `key` into `set` and gives back `kind`.
fn insert(set: &mut HashSet<String>, key: String, kind: SourceWord) -> SourceWord {
    set.insert(key);
    kind
}

impl SourceWords {
    /// Builds the indexes derived from the lists: the organisation head
    /// stems and every key's [`Class`].
    fn index(&mut self) {
        let mut classes: HashMap<String, Class> = HashMap::default();
        let mut add = |key: &str, class: Class| {
            let entry = classes.entry(key.to_string()).or_default();
            *entry = *entry | class;
        };
        let lists = [
            (&self.roles, Class::ROLE),
            (&self.groups, Class::GROUP),
            (&self.org_names, Class::ORG_NAME),
            (&self.documents, Class::DOCUMENT),
            (&self.places, Class::PLACE),
            (&self.dets, Class::DET),
            (&self.sources, Class::SOURCE),
            (&self.reports, Class::REPORT),
            (&self.focus, Class::FOCUS),
            (&self.business, Class::BUSINESS),
            (&self.proper_groups, Class::PROPER_GROUP),
        ];
        for (list, class) in lists {
            for key in list {
                add(key, class);
            }
        }
        for title in self.titles.keys() {
            add(title, Class::TITLE);
            if let Some(stem) = title.strip_suffix('.') {
                add(stem, Class::TITLE_STEM);
            }
        }
        for head in &self.org_heads {
            add(&head.to_lowercase(), Class::ORG_HEAD);
            if let Some(stem) = head.strip_suffix('.') {
                add(&stem.to_lowercase(), Class::ORG_HEAD);
                self.org_head_stems.insert(stem.to_string());
            }
        }
        self.class_sieve = Sieve::of(classes.keys());
        self.classes = classes;
        self.group_sieve = Sieve::of(self.groups.iter());
        self.title_sieve = Sieve::of(self.titles.keys());
        for (i, phrase) in self.anonymous.iter().enumerate() {
            let first = phrase.get(1..).and_then(|p| p.split(' ').next());
            self.anonymous_by_first
                .entry(first.unwrap_or("").to_string())
                .or_default()
                .push(i);
            let inner = phrase.get(1..phrase.len().saturating_sub(1)).unwrap_or("");
            self.anonymous_words
                .push(inner.split(' ').map(str::to_string).collect());
        }
        self.anonymous_sieve = Sieve::of(self.anonymous_by_first.keys());
    }

    /// Whether `word` (any case) is a group noun.
    #[inline]
    pub fn is_group(&self, word: &str) -> bool {
        self.may_be_group(word.as_bytes())
            && super::with_lower(word, |lower| self.is_group_lower(lower))
    }

    /// Whether a word (any case, its UTF-8 bytes) may be a group noun: a
    /// cheap test that rules out most words before
    /// [`SourceWords::is_group_lower`].
    #[inline]
    pub fn may_be_group(&self, word: &[u8]) -> bool {
        self.group_sieve.may_hold_bytes(word)
    }

    /// Whether a lower-case word is a group noun ([`SourceWords::is_group`]
    /// of a word already lower-cased).
    pub fn is_group_lower(&self, lower: &str) -> bool {
        self.groups.contains(lower)
    }

    /// The lists `text` (any case) is in.
    pub fn class(&self, text: &str) -> Class {
        super::with_lower(text, |lower| self.class_of_lower(lower))
    }

    /// Whether `word` (any case) may be in some list: a cheap test that
    /// rules out most words before [`SourceWords::class_of_lower`] (a word
    /// it rules out is in none).
    #[inline]
    pub fn may_have_class(&self, word: &str) -> bool {
        self.class_sieve.may_hold(word)
    }

    /// The lists a lower-case word or phrase is in.
    pub fn class_of_lower(&self, lower: &str) -> Class {
        self.classes.get(lower).copied().unwrap_or_default()
    }

    /// Whether `word` (as written) is an organisation head; "Inc" and
    /// "Inc." both count.
    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_heads.contains(word)
            || (!word.ends_with('.') && self.org_head_stems.contains(word))
    }

    /// The role a title gives, if `title` (any case) is one.
    pub fn title_role(&self, title: &str) -> Option<&str> {
        if !self.may_be_title(title) {
            return None;
        }
        super::with_lower(title, |lower| self.title_role_of_lower(lower))
    }

    /// Whether `word` (any case) may be a title: a cheap test that rules out
    /// most words before [`SourceWords::title_role_of_lower`].
    #[inline]
    pub fn may_be_title(&self, word: &str) -> bool {
        self.title_sieve.may_hold(word)
    }

    /// The role a lower-case title gives ([`SourceWords::title_role`] of a
    /// word already lower-cased).
    pub fn title_role_of_lower(&self, lower: &str) -> Option<&str> {
        self.titles.get(lower).map(String::as_str)
    }

    /// Whether a lower-case phrase contains an anonymity phrase at word
    /// boundaries: some run of its white-space separated words is a
    /// phrase's words.
    pub fn has_anonymity_phrase(&self, lower: &str) -> bool {
        if lower.is_ascii() {
            // The same words as `split_whitespace`, found byte by byte.
            return self.has_anonymity_phrase_in(AsciiWords { rest: lower });
        }
        self.has_anonymity_phrase_in(lower.split_whitespace())
    }

    /// [`SourceWords::has_anonymity_phrase`] of a phrase split into words.
    fn has_anonymity_phrase_in<'w>(
        &self,
        mut words: impl Iterator<Item = &'w str> + Clone,
    ) -> bool {
        if words.clone().next().is_none() {
            // Only a phrase with no words matches no words.
            return self.anonymous_by_first.contains_key("");
        }
        while let Some(word) = words.next() {
            if !self.anonymous_sieve.may_hold(word) {
                continue;
            }
            let Some(list) = self.anonymous_by_first.get(word) else {
                continue;
            };
            let matches = |i: &usize| {
                let phrase = self.anonymous_words.get(*i).map_or(&[][..], Vec::as_slice);
                let mut rest = words.clone();
                // The first word is `word` itself.
                !phrase.is_empty()
                    && phrase
                        .iter()
                        .skip(1)
                        .all(|p| rest.next().is_some_and(|w| w == p))
            };
            if list.iter().any(matches) {
                return true;
            }
        }
        false
    }

    /// The singular of a plural role noun when the singular is a role
    /// ("spokespeople" → "spokesperson", "aides" → "aide").
    pub fn singular_role(&self, lower: &str) -> Option<String> {
        // Every candidate below is empty or `lower` itself otherwise.
        if !(lower.ends_with('s') || lower.contains("people") || lower.contains("men")) {
            return None;
        }
        // The candidates in order, each made only when it differs from
        // `lower` (a replacement of a missing word, or a missing suffix,
        // gives `lower` itself or nothing).
        let role = |c: &str| !c.is_empty() && c != lower && self.roles.contains(c);
        let replaced = |from: &str, to: &str| {
            lower
                .contains(from)
                .then(|| lower.replace(from, to))
                .filter(|c| role(c))
        };
        if let Some(c) = replaced("people", "person") {
            return Some(c);
        }
        if let Some(stem) = lower.strip_suffix("ies") {
            let c = format!("{stem}y");
            if role(&c) {
                return Some(c);
            }
        }
        for c in [lower.strip_suffix("es"), lower.strip_suffix('s')]
            .into_iter()
            .flatten()
        {
            if role(c) {
                return Some(c.to_string());
            }
        }
        replaced("men", "man").or_else(|| replaced("women", "woman"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_are_split_whitespace_words() {
        for text in [
            "",
            "   ",
            "a",
            " officials familiar\twith the\u{b}matter\r\n",
            "two  spaces,\x0cform feed ",
        ] {
            let ours: Vec<&str> = AsciiWords { rest: text }.collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn every_data_line_parses() {
        let mut w = SourceWords::default();
        for line in DATA.lines() {
            if let Some((body, _)) = entry_and_example(line) {
                assert!(parse_entry(&mut w, body).is_some(), "bad line: {line}");
            }
        }
    }

    #[test]
    fn lists_hold_the_words_the_resolver_needs() {
        let w = words();
        assert!(w.roles.contains("spokesperson"));
        assert!(w.groups.contains("officials"));
        assert!(w.is_org_head("Embassy"));
        assert!(w.is_org_head("Inc"));
        assert!(!w.is_org_head("embassy"));
        assert_eq!(w.title_role("sen."), Some("senator"));
        assert_eq!(w.title_role("Mr."), Some(""));
        assert!(w.documents.contains("report") && w.reports.contains("story"));
        assert!(w.places.contains("chinese"));
        assert!(w.has_anonymity_phrase("sources familiar with the plan"));
        assert!(!w.has_anonymity_phrase("unfamiliar withdrawal"));
    }

    #[test]
    fn plural_roles_have_their_singular() {
        let w = words();
        assert_eq!(
            w.singular_role("spokespeople").as_deref(),
            Some("spokesperson")
        );
        assert_eq!(w.singular_role("aides").as_deref(), Some("aide"));
        assert_eq!(w.singular_role("officials").as_deref(), Some("official"));
        assert_eq!(w.singular_role("tables"), None);
        assert_eq!(w.singular_role("senator"), None);
    }
}
