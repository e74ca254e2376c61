//! Abbreviations whose period does not end a sentence, and the capitalised
//! words that often start one, as data (`abbreviations.txt`). Words are
//! looked up without their final period and without regard to case.

use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

/// How an abbreviation's period behaves; see `abbreviations.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Before a name or number: never ends a sentence ("Sen.", "Jan.").
    Title,
    /// Before a number: does not end a sentence when a number follows ("No. 2").
    Number,
    /// May end a sentence; does not before a lower-case word, a number or a
    /// capitalised word that is not a sentence starter ("U.S.", "Inc.").
    Inner,
    /// A time of day ("a.m.", "p.m."): ends a sentence before a capitalised
    /// word that does not go on the time (a day, a month, a time zone).
    Clock,
}

/// One line of `abbreviations.txt`, for the tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub kind: &'static str,
    pub words: Vec<&'static str>,
    /// One sentence the splitter must keep whole.
    pub example: Option<&'static str>,
}

const DATA: &str = include_str!("abbreviations.txt");

/// The lines of `abbreviations.txt`, parsed once.
pub fn groups() -> &'static [Group] {
    static GROUPS: OnceLock<Vec<Group>> = OnceLock::new();
    GROUPS.get_or_init(|| DATA.lines().filter_map(parse_line).collect())
}

/// Parses `KIND WORD WORD ... | EXAMPLE`; comments and blank lines give `None`.
fn parse_line(line: &'static str) -> Option<Group> {
    let (body, example) = super::chrome::entry_and_example(line)?;
    let mut words = body.split_whitespace();
    let kind = words.next()?;
    Some(Group {
        kind,
        words: words.collect(),
        example,
    })
}

/// Lower-case abbreviation (without its final period) → kind.
fn table() -> &'static HashMap<String, AbbrevKind> {
    &tables().0
}

/// The ASCII entries of [`table`] of at most eight bytes, each as its
/// [`pack`] key, sorted by it: an ASCII word is looked up by a binary
/// search of integers, without lower-casing it into a string or hashing it.
fn packed() -> &'static [(u64, AbbrevKind)] {
    static PACKED: OnceLock<Vec<(u64, AbbrevKind)>> = OnceLock::new();
    PACKED.get_or_init(|| {
        let mut keys: Vec<(u64, AbbrevKind)> = table()
            .iter()
            .filter_map(|(w, &k)| Some((pack(w)?, k)))
            .collect();
        keys.sort_unstable_by_key(|e| e.0);
        keys
    })
}

/// An ASCII word of one to eight bytes in lower case, its bytes as a
/// little-endian integer (zeros after them: no word has a zero byte, so
/// two words have the same key only when equal); `None` for another word.
fn pack(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 8 || !word.is_ascii() || bytes.contains(&0) {
        return None;
    }
    let mut key = [0u8; 8];
    for (k, b) in key.iter_mut().zip(bytes) {
        *k = b.to_ascii_lowercase();
    }
    Some(u64::from_le_bytes(key))
}

/// The byte length of the longest abbreviation in [`table`].
fn longest() -> usize {
    tables().1
}

/// [`table`] and [`longest`], made once.
fn tables() -> &'static (HashMap<String, AbbrevKind>, usize) {
    static TABLE: OnceLock<(HashMap<String, AbbrevKind>, usize)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::default();
        for g in groups() {
            let kind = match g.kind {
                "title" => AbbrevKind::Title,
                "number" => AbbrevKind::Number,
                "inner" => AbbrevKind::Inner,
                "clock" => AbbrevKind::Clock,
                _ => continue,
            };
            for w in &g.words {
                map.insert(w.to_lowercase(), kind);
            }
        }
        let longest = map.keys().map(String::len).max().unwrap_or(0);
        (map, longest)
    })
}

/// The lower-case words of the groups of one kind.
fn words_of(kind: &str) -> HashSet<String> {
    groups()
        .iter()
        .filter(|g| g.kind == kind)
        .flat_map(|g| g.words.iter().map(|w| w.to_lowercase()))
        .collect()
}

/// Lower-case sentence starters.
fn starters() -> &'static HashSet<String> {
    static STARTERS: OnceLock<HashSet<String>> = OnceLock::new();
    STARTERS.get_or_init(|| words_of("starter"))
}

/// Lower-case words that go on a time of day.
fn clock_tails() -> &'static HashSet<String> {
    static TAILS: OnceLock<HashSet<String>> = OnceLock::new();
    TAILS.get_or_init(|| words_of("clocktail"))
}

/// Whether a capitalised word goes on a time of day ("Thursday", "ET").
pub fn is_clock_tail(word: &str) -> bool {
    super::with_lower(word, |w| clock_tails().contains(w))
}

/// Lower-case speech verbs.
fn speech_verbs() -> &'static HashSet<String> {
    static SPEECH: OnceLock<HashSet<String>> = OnceLock::new();
    SPEECH.get_or_init(|| words_of("speech"))
}

/// The kind of an abbreviation written without its final period ("Sen",
/// "u.s", "a.m"), if it is one.
pub fn kind(word: &str) -> Option<AbbrevKind> {
    // An ASCII word is as long as its lower case: most words are longer
    // than every abbreviation, and are not looked up.
    if word.is_ascii() {
        if word.len() > longest() {
            return None;
        }
        if let Some(key) = pack(word) {
            let entries = packed();
            return entries
                .binary_search_by_key(&key, |e| e.0)
                .ok()
                .and_then(|i| entries.get(i))
                .map(|e| e.1);
        }
    }
    super::with_lower(word, |w| table().get(w).copied())
}

/// Whether a capitalised word often starts a sentence ("The", "But").
pub fn is_sentence_starter(word: &str) -> bool {
    super::with_lower(word, |w| starters().contains(w))
}

/// Whether a word is a speech verb ("said", "asked").
pub fn is_speech_verb(word: &str) -> bool {
    super::with_lower(word, |w| speech_verbs().contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_has_a_known_kind() {
        for g in groups() {
            assert!(
                matches!(
                    g.kind,
                    "title" | "number" | "inner" | "clock" | "clocktail" | "starter" | "speech"
                ),
                "{}",
                g.kind
            );
            assert!(!g.words.is_empty());
        }
    }

    #[test]
    fn the_packed_lookup_is_the_table_lookup() {
        let mut words: Vec<String> = table().keys().cloned().collect();
        for w in table().keys() {
            words.push(w.to_uppercase());
            words.push(format!("{w}x"));
            words.push(w.chars().skip(1).collect());
        }
        words.extend(["", "x", "said", "approxim", "Ünï", "\0"].map(String::from));
        for w in &words {
            let want = super::super::with_lower(w, |l| table().get(l).copied());
            assert_eq!(kind(w), want, "{w:?}");
        }
    }

    #[test]
    fn lookups_ignore_case_and_keep_inner_periods() {
        assert_eq!(kind("SEN"), Some(AbbrevKind::Title));
        assert_eq!(kind("U.S"), Some(AbbrevKind::Inner));
        assert_eq!(kind("a.m"), Some(AbbrevKind::Clock));
        assert_eq!(kind("no"), Some(AbbrevKind::Number));
        assert_eq!(kind("senate"), None);
        assert!(is_sentence_starter("The"));
        assert!(!is_sentence_starter("Senate"));
    }
}
