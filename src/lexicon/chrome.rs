//! Page furniture as data (`chrome.txt`): phrases and patterns that mark a
//! block as chrome (advertisements, widgets, prompts), a byline or a
//! dateline. Matching is over one block's text; see the data file for the
//! entry kinds.

use std::sync::OnceLock;

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

const DATA: &str = include_str!("chrome.txt");

/// The entries of `chrome.txt`, parsed once.
pub fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| DATA.lines().filter_map(parse_line).collect())
}

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
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// Number of words (runs of letters and digits) of a text.
pub fn word_count(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

/// Whether `norm` starts with `phrase` at a word boundary.
fn starts_with_words(norm: &str, phrase: &str) -> bool {
    norm.strip_prefix(phrase)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// Whether the block is page chrome by a `line`, `start`, `end`, `notice`
/// or `pattern` entry.
pub fn is_chrome(block: &str) -> bool {
    let norm = normalize(block);
    let short = word_count(&norm) <= SHORT_WORDS;
    entries().iter().any(|e| match e.kind {
        EntryKind::Line => norm == e.phrase,
        EntryKind::Start => short && starts_with_words(&norm, &e.phrase),
        EntryKind::End => short && !ends_sentence(block) && norm.ends_with(e.phrase.as_str()),
        EntryKind::Notice => starts_with_words(&norm, &e.phrase),
        EntryKind::Pattern => matches_pattern(&e.phrase, block),
        _ => false,
    })
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
    prefix_of(block, EntryKind::Byline)
}

/// Whether the whole short block is a reporter's role ("Staff Reporter").
pub fn is_role(block: &str) -> bool {
    let norm = normalize(block);
    entries()
        .iter()
        .any(|e| e.kind == EntryKind::Role && e.phrase == norm)
}

/// The byte length of the dateline phrase a short block starts with
/// ("Published: "), separators after it included.
pub fn dateline_prefix(block: &str) -> Option<usize> {
    prefix_of(block, EntryKind::Dateline)
}

/// The longest entry of `kind` that starts the block, as a byte length of
/// the block (the phrase and the punctuation and spaces after it).
fn prefix_of(block: &str, kind: EntryKind) -> Option<usize> {
    let norm = normalize(block);
    if word_count(&norm) > SHORT_WORDS {
        return None;
    }
    let phrase = entries()
        .iter()
        .filter(|e| e.kind == kind && starts_with_words(&norm, &e.phrase))
        .map(|e| e.phrase.as_str())
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
        if c.is_alphanumeric() {
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

/// Runs the built-in pattern `name` on the block.
fn matches_pattern(name: &str, block: &str) -> bool {
    match name {
        "temperature" => is_temperature(block),
        "copyright" => is_copyright(block),
        _ => false,
    }
}

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

/// A copyright line: starts with "©" or "(c)" and is short.
pub fn is_copyright(block: &str) -> bool {
    let t = block.trim_start();
    let lower = t.get(..3).unwrap_or("").to_ascii_lowercase();
    (t.starts_with('©') || lower == "(c)") && word_count(&normalize(t)) <= SHORT_WORDS * 2
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn byline_prefix_covers_the_separator() {
        let b = "Edited by: Example.com";
        assert_eq!(b.get(byline_prefix(b).unwrap_or(0)..), Some("Example.com"));
        assert_eq!(
            byline_prefix("By the end of the day the vote had been counted twice over by hand"),
            None
        );
    }
}
