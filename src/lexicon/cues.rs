//! Cue words as data: cue verbs with their inflections, noun cues,
//! anonymous-source heads, hedges and the function words the grammar reads.
//!
//! Each list is a text file beside this module (`include_str!`); a line is
//! an entry, `#` starts a comment, and `# example: …` gives a sentence of
//! our own in which the grammar must find the entry (tested in
//! `grammar::tests`). Tables are built once, on first use.

use foldhash::HashMap;
use std::sync::OnceLock;

/// The cue verb list.
pub const CUE_VERBS: &str = include_str!("cue_verbs.txt");
/// The noun cue list.
pub const CUE_NOUNS: &str = include_str!("cue_nouns.txt");
/// Head nouns of anonymous sources.
pub const ANONYMOUS: &str = include_str!("anonymous.txt");
/// Hedge adverbs.
pub const HEDGES: &str = include_str!("hedges.txt");
/// Cue verb idioms: a cue verb with a fixed object ("say goodbye").
pub const CUE_IDIOMS: &str = include_str!("cue_idioms.txt");
/// Function words by class.
pub const FUNCTION_WORDS: &str = include_str!("function_words.txt");

/// What a cue verb needs around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// A clause, `that`, a quotation or a colon; or content before it.
    Speech,
    /// A recipient, then content.
    Tell,
    /// A clause or `that`.
    Belief,
    /// `to` + verb, or `that`.
    Intent,
    /// A clause, `that` or an object.
    Evidence,
    /// An object that is the content.
    Attitude,
}

impl CueClass {
    fn parse(s: &str) -> Option<CueClass> {
        Some(match s {
            "speech" => CueClass::Speech,
            "tell" => CueClass::Tell,
            "belief" => CueClass::Belief,
            "intent" => CueClass::Intent,
            "evidence" => CueClass::Evidence,
            "attitude" => CueClass::Attitude,
            _ => return None,
        })
    }
}

/// The inflected form of a verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    /// `say`
    Base,
    /// `says`
    S,
    /// `said`: past tense or past participle.
    Ed,
    /// `knew`: past tense only.
    Past,
    /// `known`: past participle only.
    Participle,
    /// `saying`
    Ing,
}

/// A cue verb form found in the lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerbForm {
    pub lemma: &'static str,
    pub class: CueClass,
    pub form: Form,
    /// A particle the verb needs right after it (`point out`).
    pub particle: Option<&'static str>,
    /// The idioms [`CUE_IDIOMS`] lists for the lemma, if any (most have
    /// none: [`idiom`] need not be asked), found once when the table is
    /// built.
    pub idioms: Option<&'static Idioms>,
}

/// One data line: the entry and its example, comments stripped.
pub fn entries(data: &'static str) -> impl Iterator<Item = (&'static str, Option<&'static str>)> {
    data.lines().filter_map(|line| {
        let (entry, comment) = match line.find('#') {
            Some(i) => (line.get(..i).unwrap_or(""), line.get(i..)),
            None => (line, None),
        };
        let entry = entry.trim();
        if entry.is_empty() {
            return None;
        }
        let example = comment
            .and_then(|c| c.strip_prefix("# example:"))
            .map(str::trim);
        Some((entry, example))
    })
}

/// Whether a lowercase letter is a vowel.
fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The regular inflections of a lemma: (-s, -ed, -ing), the -ed and -ing
/// forms with and without a doubled final consonant.
fn regular_forms(lemma: &str) -> Vec<(String, Form)> {
    let b = lemma.as_bytes();
    let n = b.len();
    let last = b.last().copied().unwrap_or(b'a');
    let before = b.iter().rev().nth(1).copied().unwrap_or(b'a');
    let stem = lemma.get(..n.saturating_sub(1)).unwrap_or("");
    let mut out = Vec::new();
    // -s
    if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("ch") || lemma.ends_with("sh") {
        out.push((format!("{lemma}es"), Form::S));
    } else if last == b'y' && !is_vowel(before) {
        out.push((format!("{stem}ies"), Form::S));
    } else {
        out.push((format!("{lemma}s"), Form::S));
    }
    // -ed and -ing
    if last == b'e' {
        out.push((format!("{lemma}d"), Form::Ed));
        if before == b'e' {
            out.push((format!("{lemma}ing"), Form::Ing));
        } else if before == b'i' {
            let s2 = lemma.get(..n.saturating_sub(2)).unwrap_or("");
            out.push((format!("{s2}ying"), Form::Ing));
        } else {
            out.push((format!("{stem}ing"), Form::Ing));
        }
    } else if last == b'y' && !is_vowel(before) {
        out.push((format!("{stem}ied"), Form::Ed));
        out.push((format!("{lemma}ing"), Form::Ing));
    } else {
        out.push((format!("{lemma}ed"), Form::Ed));
        out.push((format!("{lemma}ing"), Form::Ing));
        if !is_vowel(last) && !matches!(last, b'w' | b'x' | b'y') && is_vowel(before) {
            let c = last as char;
            out.push((format!("{lemma}{c}ed"), Form::Ed));
            out.push((format!("{lemma}{c}ing"), Form::Ing));
        }
    }
    out
}

/// Builds the verb table from the data.
fn build_verbs() -> HashMap<String, Vec<VerbForm>> {
    let mut map = HashMap::default();
    for (entry, _) in entries(CUE_VERBS) {
        let mut parts = entry.split_whitespace();
        let (Some(head), Some(class)) = (parts.next(), parts.next().and_then(CueClass::parse))
        else {
            continue;
        };
        let (head, particle) = match head.split_once('_') {
            Some((h, p)) => (h, Some(p)),
            None => (head, None),
        };
        let mut forms = head.split('/');
        let Some(lemma) = forms.next() else { continue };
        let past = forms.next();
        let participle = forms.next();
        let lemma: &'static str = lemma;
        let lemma_idioms = idioms().get(lemma);
        let mut add = |w: String, form: Form| {
            let entries: &mut Vec<VerbForm> = map.entry(w).or_default();
            if !entries
                .iter()
                .any(|e| e.lemma == lemma && e.particle == particle)
            {
                entries.push(VerbForm {
                    lemma,
                    class,
                    form,
                    particle,
                    idioms: lemma_idioms,
                });
            }
        };
        add(lemma.to_string(), Form::Base);
        match (past, participle) {
            (Some(p), Some(pp)) if p == pp => {
                add(p.to_string(), Form::Ed);
                for (w, f) in regular_forms(lemma) {
                    if f != Form::Ed {
                        add(w, f);
                    }
                }
            }
            (Some(p), pp) => {
                add(p.to_string(), Form::Past);
                if let Some(pp) = pp {
                    add(pp.to_string(), Form::Participle);
                }
                for (w, f) in regular_forms(lemma) {
                    if f != Form::Ed {
                        add(w, f);
                    }
                }
            }
            (None, _) => {
                for (w, f) in regular_forms(lemma) {
                    add(w, f);
                }
            }
        }
    }
    map
}

/// Everything the cue lists say of one lowercase word: its function-word
/// classes, its cue verb entries, whether it is a noun cue, a hedge or an
/// anonymous-source head. One hash lookup ([`entry`]) answers them all; the
/// grammar's view looks each token up once.
#[derive(Debug, Default)]
pub struct Entry {
    /// One bit per [`Class`] ([`Class::bit`]).
    classes: u16,
    /// Every cue verb entry the word is a form of.
    verbs: Vec<VerbForm>,
    /// A noun cue before `that`.
    noun: bool,
    /// The preposition through which a noun cue carries its content.
    noun_preposition: Option<&'static str>,
    /// A head noun of anonymous sources.
    anonymous: bool,
    /// A hedge adverb.
    hedge: bool,
    /// A word a credit line turns on ([`CREDIT_WORDS`]).
    credit: bool,
    /// The [`Entry::kinds`] bits, set once the entry is complete.
    kinds: u8,
}

/// An [`Entry::kinds`] bit: a form of a cue verb.
pub const KIND_VERB: u8 = 1;
/// An [`Entry::kinds`] bit: a noun cue (before `that` or a preposition).
pub const KIND_NOUN: u8 = 2;
/// An [`Entry::kinds`] bit: a hedge adverb.
pub const KIND_HEDGE: u8 = 4;
/// An [`Entry::kinds`] bit: a word of [`CREDIT_WORDS`].
pub const KIND_CREDIT: u8 = 8;

/// The words a credit line turns on ("Reuters contributed to this
/// report"): the grammar's view lists where they stand, so that a
/// sentence without one is not searched for them.
pub const CREDIT_WORDS: &[&str] = &["contributed"];

impl Entry {
    /// Whether the word belongs to a class of function words.
    pub fn is(&self, class: Class) -> bool {
        self.classes & class.bit() != 0
    }

    /// Whether the word is a form of some cue verb.
    pub fn is_verb(&self) -> bool {
        !self.verbs.is_empty()
    }

    /// The cue verb form of the word (the entry without a particle when
    /// there are several).
    pub fn verb(&self) -> Option<VerbForm> {
        self.verbs
            .iter()
            .find(|e| e.particle.is_none())
            .or_else(|| self.verbs.first())
            .copied()
    }

    /// The cue verb form of the word followed by `next`: an entry whose
    /// particle is `next` (lowercase bytes) first ("pointed out"), else one
    /// without a particle.
    pub fn verb_before(&self, next: &[u8]) -> Option<VerbForm> {
        self.verbs
            .iter()
            .find(|e| e.particle.map(str::as_bytes) == Some(next))
            .or_else(|| self.verbs.iter().find(|e| e.particle.is_none()))
            .copied()
    }

    /// Whether the word is a noun cue before `that`.
    pub fn noun(&self) -> bool {
        self.noun
    }

    /// The preposition through which the word, a noun cue, carries its
    /// content ("criticism" gives "of").
    pub fn noun_preposition(&self) -> Option<&'static str> {
        self.noun_preposition
    }

    /// Whether the word heads anonymous sources ("sources", "officials").
    pub fn anonymous_head(&self) -> bool {
        self.anonymous
    }

    /// Whether the word is a hedge adverb ("reportedly").
    pub fn hedge(&self) -> bool {
        self.hedge
    }

    /// The kinds of cue the word may start, as one byte: [`KIND_VERB`],
    /// [`KIND_NOUN`], [`KIND_HEDGE`], [`KIND_CREDIT`] (read once per token
    /// of a text).
    pub fn kinds(&self) -> u8 {
        self.kinds
    }

    /// Computes [`Entry::kinds`] from the other fields.
    fn read_kinds(&self) -> u8 {
        let mut k = 0;
        if self.is_verb() {
            k |= KIND_VERB;
        }
        if self.noun || self.noun_preposition.is_some() {
            k |= KIND_NOUN;
        }
        if self.hedge {
            k |= KIND_HEDGE;
        }
        if self.credit {
            k |= KIND_CREDIT;
        }
        k
    }
}

/// Builds the table of every word the cue lists name.
fn build_entries() -> HashMap<String, Entry> {
    let mut map: HashMap<String, Entry> = build_verbs()
        .into_iter()
        .map(|(w, verbs)| {
            (
                w,
                Entry {
                    verbs,
                    ..Entry::default()
                },
            )
        })
        .collect();
    for (e, _) in entries(CUE_NOUNS) {
        let mut words = e.split_whitespace();
        let Some(first) = words.next() else {
            continue;
        };
        let e = map.entry(first.to_string()).or_default();
        match words.next() {
            // A later line for the same noun replaces an earlier one.
            Some(p) => e.noun_preposition = Some(p),
            None => e.noun = true,
        }
    }
    for w in word_set(ANONYMOUS).into_keys() {
        map.entry(w.to_string()).or_default().anonymous = true;
    }
    for w in word_set(HEDGES).into_keys() {
        map.entry(w.to_string()).or_default().hedge = true;
    }
    for w in CREDIT_WORDS {
        map.entry((*w).to_string()).or_default().credit = true;
    }
    for (entry, _) in entries(FUNCTION_WORDS) {
        let mut words = entry.split_whitespace();
        let Some(class) = words.next().and_then(Class::parse) else {
            continue;
        };
        for w in words {
            map.entry(w.to_string()).or_default().classes |= class.bit();
        }
    }
    for e in map.values_mut() {
        e.kinds = e.read_kinds();
    }
    map
}

/// The most bytes of a word kept in [`Table::tiny`].
const TINY: usize = 7;

/// The most bytes of a word kept in [`Table::short`].
const SHORT: usize = 15;

/// Defines `fn $name(window: &[u8], len: usize) -> Option<$int>`: a word
/// of `len` bytes (from 1 to one less than the integer's width) as an
/// integer: its bytes (the first in the lowest byte) and, in the top byte,
/// its length, so that distinct words give distinct keys and no word gives
/// 0. `window` starts with the word's bytes; when it holds as many bytes as
/// the integer they are read at once and masked (most words of a text),
/// else the word's bytes are copied first. One definition for the two
/// widths of [`Table`].
macro_rules! word_key {
    ($(#[$doc:meta])* $name:ident, $int:ty) => {
        $(#[$doc])*
        #[inline]
        fn $name(window: &[u8], len: usize) -> Option<$int> {
            const BYTES: usize = std::mem::size_of::<$int>();
            let packed = match window.first_chunk::<BYTES>() {
                Some(&w) => <$int>::from_le_bytes(w),
                None => {
                    let mut buf = [0u8; BYTES];
                    buf.get_mut(..len)?.copy_from_slice(window.get(..len)?);
                    <$int>::from_le_bytes(buf)
                }
            };
            // `len` is below BYTES: the mask keeps its bytes and clears
            // the top one.
            let mask: $int = (1 << (8 * (len & (BYTES - 1)))) - 1;
            Some(packed & mask | (len as $int) << (8 * (BYTES - 1)))
        }
    };
}

word_key!(
    /// A word of at most [`TINY`] bytes as a `u64` key.
    tiny_key,
    u64
);

word_key!(
    /// A word of more than [`TINY`] and at most [`SHORT`] bytes as a
    /// `u128` key.
    short_key,
    u128
);

/// The key of a [`Slots`] table: an integer that is 0 for no word.
trait Key: Copy + Eq + Default {
    /// The key folded to 64 bits, to be hashed.
    fn fold(self) -> u64;
}

impl Key for u64 {
    #[inline]
    fn fold(self) -> u64 {
        self
    }
}

impl Key for u128 {
    #[inline]
    fn fold(self) -> u64 {
        (self as u64) ^ ((self >> 64) as u64).rotate_left(29)
    }
}

/// Words by their key ([`tiny_key`], [`short_key`]): open addressing over
/// a power-of-two table at most a quarter full (half the words of a text
/// are in no list, and their lookups then mostly meet an empty slot at
/// once), so that a lookup is a multiply, a shift and a few integer
/// compares. The keys are kept apart from the values (a word's
/// [`Table::lex_at`] value), so that the probes read few cache lines.
struct Slots<K> {
    /// The keys; 0 marks an empty slot (no word has it: the key holds the
    /// word's length).
    keys: Vec<K>,
    /// The value of the word of each slot.
    values: Vec<u32>,
    /// 64 minus the number of bits of a slot index.
    shift: u32,
}

impl<K: Key> Slots<K> {
    /// Builds the table of words with non-zero keys.
    fn new(words: Vec<(K, u32)>) -> Slots<K> {
        let bits = (words.len() * 4)
            .next_power_of_two()
            .trailing_zeros()
            .max(1);
        let mut table = Slots {
            keys: vec![K::default(); 1 << bits],
            values: vec![0; 1 << bits],
            shift: 64 - bits,
        };
        let mask = table.keys.len() - 1;
        for (key, value) in words {
            let mut at = table.home(key);
            while table.keys.get(at).is_some_and(|k| *k != K::default()) {
                at = (at + 1) & mask;
            }
            if let Some(slot) = table.keys.get_mut(at) {
                *slot = key;
            }
            if let Some(slot) = table.values.get_mut(at) {
                *slot = value;
            }
        }
        table
    }

    /// The first slot to probe for `key` (Fibonacci hashing).
    #[inline]
    fn home(&self, key: K) -> usize {
        (key.fold().wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of `key`, 0 if the table does not hold it.
    #[inline]
    fn get(&self, key: K) -> u32 {
        let mask = self.keys.len().wrapping_sub(1);
        let mut at = self.home(key);
        loop {
            let Some(&k) = self.keys.get(at) else {
                return 0;
            };
            if k == key {
                return self.values.get(at).copied().unwrap_or(0);
            }
            if k == K::default() {
                return 0;
            }
            at = (at + 1) & mask;
        }
    }
}

/// How far a word's entry number is shifted in its [`Table::lex_at`]
/// value: the bits below hold its [`Entry::kinds`].
pub const ENTRY_SHIFT: u32 = 16;

/// The cue-list table ([`table`]).
pub struct Table {
    /// Every word's entry; the entry numbers of [`Table::lex_at`] count
    /// from 1.
    entries: Vec<Entry>,
    /// Words of at most [`TINY`] bytes (most words of a text).
    tiny: Slots<u64>,
    /// Words of more than [`TINY`] and at most [`SHORT`] bytes.
    short: Slots<u128>,
    /// Longer words.
    long: HashMap<String, u32>,
}

/// The cue-list table, built on first use.
pub fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut entries = Vec::new();
        let mut tiny = Vec::new();
        let mut short = Vec::new();
        let mut long = HashMap::default();
        for (w, e) in build_entries() {
            // Entry numbers count from 1 and fit in the bits above
            // `ENTRY_SHIFT`.
            let Some(number) = u32::try_from(entries.len() + 1)
                .ok()
                .filter(|n| n >> (32 - ENTRY_SHIFT) == 0)
            else {
                break;
            };
            let value = number << ENTRY_SHIFT | u32::from(e.kinds);
            entries.push(e);
            let (bytes, len) = (w.as_bytes(), w.len());
            match len {
                1..=TINY => tiny.extend(tiny_key(bytes, len).map(|k| (k, value))),
                8..=SHORT => short.extend(short_key(bytes, len).map(|k| (k, value))),
                _ => {
                    long.insert(w, value);
                }
            }
        }
        Table {
            entries,
            tiny: Slots::new(tiny),
            short: Slots::new(short),
            long,
        }
    })
}

/// What the cue lists say of a lowercase word, if they name it.
pub fn entry(word: &str) -> Option<&'static Entry> {
    let t = table();
    t.entry(t.lex_at(word.as_bytes(), 0, word.len()))
}

impl Table {
    /// What the cue lists say of the lowercase word `text[start..end]`,
    /// as one integer: 0 if they do not name it, else its entry number
    /// (see [`Table::entry`]) shifted by [`ENTRY_SHIFT`], its
    /// [`Entry::kinds`] in the bits below. The bytes after the word are
    /// read along with it (and masked off), which spares copying it.
    #[inline]
    pub fn lex_at(&self, text: &[u8], start: usize, end: usize) -> u32 {
        let Some(window) = text.get(start..) else {
            return 0;
        };
        let len = end.wrapping_sub(start);
        if len.wrapping_sub(1) < TINY {
            tiny_key(window, len).map_or(0, |k| self.tiny.get(k))
        } else if len.wrapping_sub(TINY + 1) < SHORT - TINY {
            short_key(window, len).map_or(0, |k| self.short.get(k))
        } else {
            text.get(start..end)
                .and_then(|w| std::str::from_utf8(w).ok())
                .and_then(|w| self.long.get(w).copied())
                .unwrap_or(0)
        }
    }

    /// The entry of a [`Table::lex_at`] value (none for 0).
    #[inline]
    pub fn entry(&self, value: u32) -> Option<&Entry> {
        let number = (value >> ENTRY_SHIFT) as usize;
        self.entries.get(number.wrapping_sub(1))
    }
}

/// The cue verb form of a lowercase word, if it is one (the entry without
/// a particle when there are several).
pub fn verb(word: &str) -> Option<VerbForm> {
    entry(word)?.verb()
}

/// The cue verb form of a word followed by `next`: an entry whose particle
/// is `next` first ("pointed out"), else one without a particle.
pub fn verb_before(word: &str, next: &str) -> Option<VerbForm> {
    entry(word)?.verb_before(next.as_bytes())
}

/// The first word of each entry of a list, as a set.
fn word_set(data: &'static str) -> HashMap<&'static str, ()> {
    entries(data)
        .filter_map(|(e, _)| e.split_whitespace().next())
        .map(|w| (w, ()))
        .collect()
}

/// Whether a lowercase word is a noun cue before `that`.
pub fn noun(word: &str) -> bool {
    entry(word).is_some_and(Entry::noun)
}

/// The preposition through which a lowercase noun carries its content
/// ("criticism" gives "of"), if it is such a noun cue.
pub fn noun_preposition(word: &str) -> Option<&'static str> {
    entry(word)?.noun_preposition()
}

/// The idioms of one cue verb in [`CUE_IDIOMS`]: the object words of each.
pub type Idioms = Vec<Vec<&'static [u8]>>;

/// The idioms of [`CUE_IDIOMS`] by lemma.
fn idioms() -> &'static HashMap<&'static str, Idioms> {
    static IDIOMS: OnceLock<HashMap<&'static str, Idioms>> = OnceLock::new();
    IDIOMS.get_or_init(|| {
        let mut map: HashMap<&'static str, Idioms> = HashMap::default();
        for (e, _) in entries(CUE_IDIOMS) {
            let mut words = e.split_whitespace();
            if let Some(lemma) = words.next() {
                map.entry(lemma)
                    .or_default()
                    .push(words.map(str::as_bytes).collect());
            }
        }
        map
    })
}

/// Whether a cue verb with the idioms `objects` ([`VerbForm::idioms`]),
/// followed by `n` lowercase words (the `k`-th of them `word(k)`), is one
/// of those idioms ("said goodbye to …"): no cue. The words are read only
/// as far as an idiom's words match.
pub fn idiom<'w>(objects: &Idioms, n: usize, word: impl Fn(usize) -> &'w [u8]) -> bool {
    objects
        .iter()
        .any(|o| !o.is_empty() && o.len() <= n && o.iter().enumerate().all(|(k, &w)| word(k) == w))
}

/// Whether a lowercase word heads anonymous sources ("sources", "officials").
pub fn anonymous_head(word: &str) -> bool {
    entry(word).is_some_and(Entry::anonymous_head)
}

/// Whether a lowercase word is a hedge adverb ("reportedly").
pub fn hedge(word: &str) -> bool {
    entry(word).is_some_and(Entry::hedge)
}

/// A class of function words in `function_words.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    Aux,
    Neg,
    Adverb,
    Link,
    Complementizer,
    Pronoun,
    Determiner,
    Boundary,
    Preposition,
    Time,
    Medium,
    /// Common verbs outside the cue lexicon, which end a noun phrase.
    Verb,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "aux" => Class::Aux,
            "neg" => Class::Neg,
            "adverb" => Class::Adverb,
            "link" => Class::Link,
            "complementizer" => Class::Complementizer,
            "pronoun" => Class::Pronoun,
            "determiner" => Class::Determiner,
            "boundary" => Class::Boundary,
            "preposition" => Class::Preposition,
            "time" => Class::Time,
            "medium" => Class::Medium,
            "verb" => Class::Verb,
            _ => return None,
        })
    }

    /// The class's bit in [`Entry`]'s class set.
    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// Whether a lowercase word belongs to a class of function words.
pub fn is(class: Class, word: &str) -> bool {
    entry(word).is_some_and(|e| e.is(class))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_inflections_are_generated() {
        assert_eq!(verb("argues").map(|v| v.form), Some(Form::S));
        assert_eq!(verb("argued").map(|v| v.form), Some(Form::Ed));
        assert_eq!(verb("arguing").map(|v| v.form), Some(Form::Ing));
        assert_eq!(verb("denies").map(|v| v.lemma), Some("deny"));
        assert_eq!(verb("denied").map(|v| v.lemma), Some("deny"));
        assert_eq!(verb("slammed").map(|v| v.lemma), Some("slam"));
        assert_eq!(verb("agreeing").map(|v| v.lemma), Some("agree"));
    }

    #[test]
    fn irregular_forms_come_from_the_data() {
        assert_eq!(verb("said").map(|v| v.form), Some(Form::Ed));
        assert_eq!(verb("knew").map(|v| v.form), Some(Form::Past));
        assert_eq!(verb("known").map(|v| v.form), Some(Form::Participle));
        assert_eq!(verb("told").map(|v| v.class), Some(CueClass::Tell));
    }

    #[test]
    fn particles_are_kept() {
        assert_eq!(verb("pointed").and_then(|v| v.particle), Some("out"));
        assert_eq!(
            verb_before("called", "for").and_then(|v| v.particle),
            Some("for")
        );
        assert_eq!(
            verb_before("called", "him").map(|v| v.class),
            Some(CueClass::Attitude)
        );
    }

    #[test]
    fn no_entry_is_a_punctuation_token() {
        // The grammar's view looks up word tokens only: no entry may be one
        // character that is no word character.
        for word in build_entries().keys() {
            let mut chars = word.chars();
            let single = chars.next().filter(|_| chars.next().is_none());
            assert!(
                single.is_none_or(crate::document::tokens::is_word_char),
                "{word}"
            );
        }
    }

    #[test]
    fn a_word_is_found_alone_and_inside_a_text() {
        // Keys read the bytes after a word and mask them off: the word
        // followed by other text, or by nothing, finds the same entry;
        // a prefix or an extension of it does not.
        for word in build_entries().keys() {
            let alone = entry(word).map(|e| e as *const Entry);
            assert!(alone.is_some(), "{word}");
            let text = format!("{word} and some more text after it");
            let inside = table().entry(table().lex_at(text.as_bytes(), 0, word.len()));
            assert_eq!(inside.map(|e| e as *const Entry), alone, "{word}");
        }
        assert!(entry("sai").is_none() && entry("saidx").is_none());
    }

    #[test]
    fn every_list_has_entries() {
        assert!(noun("claim") && anonymous_head("sources") && hedge("reportedly"));
        let objects = verb("said").and_then(|f| f.idioms).expect("idioms of say");
        let says = |after: &[&'static [u8]]| {
            idiom(objects, after.len(), |k| {
                after.get(k).copied().unwrap_or_default()
            })
        };
        assert!(says(&[b"goodbye", b"to"]) && says(&[b"a", b"prayer"]));
        assert!(!says(&[b"a"]) && !says(&[b"that"]));
        assert!(is(Class::Aux, "has") && is(Class::Neg, "not") && !is(Class::Aux, "said"));
    }
}
