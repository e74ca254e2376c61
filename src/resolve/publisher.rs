//! The article's publisher and origin: from the user, the byline, page
//! metadata, the canonical URL, or a wire credit in the text.
//!
//! Names are presented as the outlet list ([`crate::lexicon::outlets`])
//! knows them when it does ("nypost.com" → "New York Post"). Other names
//! that look like domains ("TJVNews.com", "www.example.co.uk") are presented
//! as the label before the public suffix, in the case written: "TJVNews.com"
//! → "TJVNews", "https://www.example.co.uk/a" → "example".

use serde::Serialize;

use crate::document::blocks::wire_dateline;
use crate::document::{BlockKind, Document};
use crate::lexicon::chrome;
use crate::lexicon::outlets::{Lookup, Outlets};

/// Who published the article, and what says so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Publisher {
    pub name: String,
    /// `user`, `byline`, `metadata`, `url` or `copyright` for the
    /// publisher; `dateline` or `credit` for an origin.
    pub evidence: String,
}

impl Publisher {
    fn new(name: impl Into<String>, evidence: &str) -> Publisher {
        Publisher {
            name: name.into(),
            evidence: evidence.to_string(),
        }
    }
}

/// Wire services by the credit a dateline gives them, and their names.
const WIRES: &[(&str, &str)] = &[
    ("AP", "Associated Press"),
    ("Associated Press", "Associated Press"),
    ("Reuters", "Reuters"),
    ("AFP", "Agence France-Presse"),
    ("UPI", "United Press International"),
    ("Bloomberg", "Bloomberg"),
    ("Bloomberg News", "Bloomberg"),
];

/// Words that name a reporter's role, not an outlet, after a byline's comma
/// ("By Ana Ruiz, Staff Writer").
const ROLE_WORDS: &[&str] = &[
    "staff",
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "contributor",
    "columnist",
    "special",
    "senior",
    "chief",
    "political",
    "national",
    "bureau",
    "photographer",
    "analyst",
    "producer",
    "intern",
    "desk",
];

/// Finds the publisher; `given` (from `--publisher` or a JSONL record) wins,
/// then the byline, the page's site name, the canonical URL's domain, the
/// organisation a copyright line names.
pub fn detect(doc: &Document, given: Option<&str>) -> Option<Publisher> {
    if let Some(name) = given.map(str::trim).filter(|n| !n.is_empty()) {
        return Some(Publisher::new(name, "user"));
    }
    let byline = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Byline)
        .find_map(|b| outlet_in_byline(doc.slice(b.span)));
    if let Some(name) = byline {
        return Some(Publisher::new(name, "byline"));
    }
    if let Some(site) = doc
        .meta
        .site_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        return Some(Publisher::new(display_name(site), "metadata"));
    }
    let url_name = doc
        .meta
        .canonical_url
        .as_deref()
        .and_then(host)
        .and_then(domain_name);
    if let Some(name) = url_name {
        return Some(Publisher::new(name, "url"));
    }
    doc.blocks
        .iter()
        .rev()
        .filter(|b| matches!(b.kind, BlockKind::Chrome | BlockKind::Byline))
        .find_map(|b| copyright_holder(doc.slice(b.span)))
        .map(|name| Publisher::new(name, "copyright"))
}

/// Company suffixes dropped from a copyright holder's name.
const COMPANY_SUFFIXES: &[&str] = &["LLC", "Inc", "Ltd", "Corp", "Co", "Company", "plc", "GmbH"];

/// The organisation a copyright line names ("© 2031 The Example Daily. All
/// rights reserved." → "The Example Daily"): after the mark and the years,
/// capitalised words up to a period, comma or bar, company suffixes
/// dropped.
fn copyright_holder(block: &str) -> Option<String> {
    let t = block.trim();
    let lower = t.to_ascii_lowercase();
    let mark = ["©", "(c)", "copyright"]
        .iter()
        .find(|m| lower.starts_with(*m))?;
    let rest = t.get(mark.len()..)?;
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '–' | '©' | ',')
    });
    let rest = rest.get(..rest.find([',', '|', ';', '\n']).unwrap_or(rest.len()))?;
    let rest = rest.get(..name_end(rest))?;
    let mut words: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase() || c == '&'))
        .collect();
    while words
        .last()
        .is_some_and(|w| COMPANY_SUFFIXES.contains(&w.trim_end_matches('.')))
    {
        words.pop();
    }
    let name = words.join(" ");
    (!name.is_empty() && words.len() <= 6 && !name.eq_ignore_ascii_case("all"))
        .then(|| display_name(&name))
}

/// The wire service or outlet whose story this is, when the text credits
/// one: a dateline "WASHINGTON (AP) —" in a dateline block or at the start
/// of one of the first body paragraphs (evidence `dateline`), else a
/// republishing note "This story originally appeared in …" (evidence
/// `credit`). "Reuters contributed to this report" credits a source, not
/// an origin, and is left to later stages.
pub fn origin(doc: &Document) -> Option<Publisher> {
    let dateline = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Dateline | BlockKind::Body))
        .take(3)
        .find_map(|b| {
            let (credit, _) = wire_dateline(doc.slice(b.span))?;
            wire_name(credit).map(|name| Publisher::new(name, "dateline"))
        });
    dateline.or_else(|| {
        doc.blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Headline)
            .find_map(|b| republished_from(doc.slice(b.span), b.words))
            .map(|name| Publisher::new(name, "credit"))
    })
}

/// Phrases of a republishing note, before the outlet's name.
const REPUBLISHED: &[&str] = &[
    "originally appeared in ",
    "originally appeared on ",
    "originally appeared at ",
    "originally published in ",
    "originally published on ",
    "originally published by ",
    "first appeared in ",
    "first appeared on ",
    "first published in ",
    "first published on ",
    "first published by ",
];

/// The outlet a republishing note names ("This article originally
/// appeared in The Example Daily."), up to the first period, comma or
/// bracket. Only short blocks (a note, not a paragraph) are read: `words`
/// is the block's number of words ([`crate::document::Block::words`]).
fn republished_from(block: &str, words: usize) -> Option<String> {
    if words > 25 {
        return None;
    }
    // ASCII lower case keeps byte offsets.
    let lower = block.to_ascii_lowercase();
    // Every phrase has one of these verbs: two searches rule out most notes.
    if !(lower.contains("appeared ") || lower.contains("published ")) {
        return None;
    }
    let at = REPUBLISHED
        .iter()
        .find_map(|p| lower.find(p).map(|i| i + p.len()))?;
    let rest = block.get(at..)?;
    let name = rest.get(..name_end(rest))?.trim();
    let name = capitalised_name(name);
    (!name.is_empty()).then(|| display_name(&name))
}

/// Words that may stand inside an outlet's name between capitalised words.
const NAME_JOINERS: &[&str] = &["of", "for", "de", "la", "&"];

/// The capitalised name that starts a text, a leading "the" set aside and
/// the rest of the sentence dropped ("the Example Daily and is republished
/// …" → "Example Daily"; "The Example Daily" stays whole).
fn capitalised_name(text: &str) -> String {
    let text = text.strip_prefix("the ").unwrap_or(text);
    let mut words: Vec<&str> = text
        .split_whitespace()
        .take_while(|w| w.starts_with(char::is_uppercase) || NAME_JOINERS.contains(w))
        .collect();
    while words.last().is_some_and(|w| NAME_JOINERS.contains(w)) {
        words.pop();
    }
    words.join(" ")
}

/// Where a name that starts `text` ends: at a comma, bracket, semicolon,
/// line end, or a period that ends the sentence (not one inside a domain).
fn name_end(text: &str) -> usize {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let sentence_period = c == '.' && chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        if matches!(c, ',' | '(' | ';' | '\n') || sentence_period {
            return i;
        }
    }
    text.len()
}

/// The full name of a wire service by its credit ("AP" → "Associated Press").
pub fn wire_name(credit: &str) -> Option<&'static str> {
    WIRES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(credit.trim()))
        .map(|(_, name)| *name)
}

/// Separators after which a byline names an outlet whatever it is ("By Ana
/// Ruiz | The Example Daily", "By Ana Ruiz for Example Wire").
const OUTLET_SEPARATORS: &[&str] = &["|", " for "];
/// Separators after which a byline may name a place or a role as well as
/// an outlet ("By Ana Ruiz, Reuters", "By Ana Ruiz, Springfield"): an
/// outlet only when the outlet list or the wire list knows it.
const OTHER_SEPARATORS: &[&str] = &[",", " - ", " — ", " – ", " of "];

/// The outlet a byline names: all of it when it is a domain ("Edited by:
/// TJVNews.com"), else the part after its last separator, unless that part
/// is a reporter's role (see [`OUTLET_SEPARATORS`], [`OTHER_SEPARATORS`]).
pub fn outlet_in_byline(byline: &str) -> Option<String> {
    let rest = byline
        .get(chrome::byline_prefix(byline).unwrap_or(0)..)?
        .trim();
    if is_domain(rest) {
        return domain_name(rest);
    }
    let last_after = |seps: &[&str]| {
        seps.iter()
            .filter_map(|sep| rest.rfind(sep).map(|i| i + sep.len()))
            .max()
    };
    let strong = last_after(OUTLET_SEPARATORS);
    let weak = last_after(OTHER_SEPARATORS);
    let cut = strong.max(weak)?;
    let last = rest.get(cut..)?.trim().trim_end_matches('.');
    let is_role = last
        .split_whitespace()
        .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()));
    if last.is_empty() || is_role || !last.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    if let Some(wire) = wire_name(last) {
        return Some(wire.to_string());
    }
    let known = is_domain(last) || !Outlets::active().lookup_name(last).is_none();
    (strong >= weak || known).then(|| display_name(last))
}

/// A name as presented: a domain as [`domain_name`] has it, a name the
/// outlet list knows (one owner only) by its canonical name, else as given.
fn display_name(name: &str) -> String {
    let name = name.trim();
    if is_domain(name) {
        if let Some(n) = domain_name(name) {
            return n;
        }
    }
    match Outlets::active().lookup_name(name) {
        Lookup::One(outlet) => outlet.name.clone(),
        _ => name.to_string(),
    }
}

/// A domain as a name: the outlet whose domain it is, else its label.
fn domain_name(domain: &str) -> Option<String> {
    match Outlets::active().lookup_domain(domain) {
        Some(outlet) => Some(outlet.name.clone()),
        None => domain_label(domain),
    }
}

/// Whether a name is a bare domain ("TJVNews.com", "www.example.org").
fn is_domain(name: &str) -> bool {
    let name = name.trim().trim_end_matches('/');
    let tld = name.rsplit('.').next().unwrap_or("");
    name.contains('.')
        && !name.contains(char::is_whitespace)
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && name.split('.').all(|l| !l.is_empty())
}

/// The host of a URL ("https://www.example.com/a?b" → "www.example.com").
fn host(url: &str) -> Option<&str> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    Some(host).filter(|h| h.contains('.'))
}

/// Second-level labels that belong to a country's public suffix ("co.uk").
const SECOND_LEVEL: &[&str] = &["co", "com", "org", "net", "gov", "ac", "edu", "news"];

/// The label before a domain's public suffix, in the case written:
/// "www.TJVNews.com" → "TJVNews", "news.example.co.uk" → "example".
fn domain_label(domain: &str) -> Option<String> {
    let labels: Vec<&str> = domain
        .trim()
        .trim_end_matches(['/', '.'])
        .split('.')
        .collect();
    let mut end = labels.len().checked_sub(1)?;
    let country = labels.last().is_some_and(|l| l.len() == 2);
    if country
        && end >= 2
        && labels
            .get(end - 1)
            .is_some_and(|l| SECOND_LEVEL.contains(&l.to_ascii_lowercase().as_str()))
    {
        end -= 1;
    }
    let label = labels.get(end.checked_sub(1)?)?;
    Some(label.to_string()).filter(|l| !l.is_empty() && !l.eq_ignore_ascii_case("www"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{extract, InputFormat};

    fn doc(text: &str) -> Document {
        Document::new(extract(text, InputFormat::Text))
    }

    #[test]
    fn a_copyright_line_gives_the_publisher_when_nothing_else_does() {
        let d = doc(
            "Pier Plan Wins a Council Vote\n\nThe council voted on Monday.\n\n\
                     © 2031 The Harbor Example Gazette LLC. All rights reserved.",
        );
        assert_eq!(
            detect(&d, None),
            Some(Publisher::new("The Harbor Example Gazette", "copyright"))
        );
        assert_eq!(copyright_holder("© 2031. All rights reserved."), None);
    }

    #[test]
    fn a_republishing_note_gives_the_origin_with_a_sentence_after_the_name() {
        let d = doc("Pier Plan Wins a Council Vote\n\nBy Ana Ruiz\n\n\
                     This story originally appeared in the Harbor Example Gazette and is shared here \
                     with permission.\n\nThe council voted on Monday.");
        assert_eq!(
            origin(&d),
            Some(Publisher::new("Harbor Example Gazette", "credit"))
        );
    }

    const STORY: &str = "Pier Plan Wins a Council Vote\n\nBy Ana Ruiz | Example Wire\n\n\
                         The council voted on Monday. Work starts in April.";

    #[test]
    fn byline_outlet_after_a_comma_or_bar() {
        assert_eq!(outlet_in_byline("By Ana Ruiz, Example Wire"), None);
        assert_eq!(
            outlet_in_byline("By Ana Ruiz | The Daily Example").as_deref(),
            Some("The Daily Example")
        );
        assert_eq!(
            outlet_in_byline("By Ana Ruiz for The Daily Example").as_deref(),
            Some("The Daily Example")
        );
        assert_eq!(outlet_in_byline("By Ana Ruiz, Staff Writer"), None);
        assert_eq!(outlet_in_byline("By Ana Ruiz and Tom Wu"), None);
        assert_eq!(outlet_in_byline("By Ana Ruiz, Springfield"), None);
        assert_eq!(
            outlet_in_byline("By Ana Ruiz, Reuters").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            outlet_in_byline("By Ana Ruiz | The Hill").as_deref(),
            Some("The Hill")
        );
        assert_eq!(
            outlet_in_byline("By Ana Ruiz, AP").as_deref(),
            Some("Associated Press")
        );
    }

    #[test]
    fn domain_bylines_drop_the_suffix_and_keep_case() {
        assert_eq!(
            outlet_in_byline("Edited by: ExampleNews.com").as_deref(),
            Some("ExampleNews")
        );
        assert_eq!(
            domain_label("www.example.co.uk").as_deref(),
            Some("example")
        );
        assert_eq!(domain_label("news.example.com").as_deref(), Some("example"));
    }

    #[test]
    fn user_beats_byline_beats_metadata_beats_url() {
        let mut d = doc(STORY);
        d.meta.site_name = Some("Site Name".into());
        d.meta.canonical_url = Some("https://www.example-daily.com/a/b".into());
        assert_eq!(
            detect(&d, Some("Given")),
            Some(Publisher::new("Given", "user"))
        );
        assert_eq!(
            detect(&d, None),
            Some(Publisher::new("Example Wire", "byline"))
        );
        let mut d = doc("The council voted on Monday.");
        d.meta.site_name = Some("Site Name".into());
        d.meta.canonical_url = Some("https://www.example-daily.com/a/b".into());
        assert_eq!(
            detect(&d, None),
            Some(Publisher::new("Site Name", "metadata"))
        );
        d.meta.site_name = None;
        assert_eq!(
            detect(&d, None),
            Some(Publisher::new("example-daily", "url"))
        );
        d.meta.canonical_url = None;
        assert_eq!(detect(&d, None), None);
    }

    #[test]
    fn wire_dateline_gives_the_origin() {
        let d = doc("Pier Plan Wins a Council Vote\n\nSPRINGFIELD, Ill. (AP) — The council voted on Monday.");
        assert_eq!(
            origin(&d),
            Some(Publisher::new("Associated Press", "dateline"))
        );
        let d = doc("LONDON (Reuters) -\n\nThe council voted on Monday.");
        assert_eq!(origin(&d), Some(Publisher::new("Reuters", "dateline")));
    }

    #[test]
    fn a_republishing_note_gives_the_origin() {
        let d = doc(
            "The council voted on Monday.\n\nThis story originally appeared in Example Weekly.",
        );
        assert_eq!(origin(&d), Some(Publisher::new("Example Weekly", "credit")));
        let d = doc("The council voted on Monday.\n\nThis article was first published on Example.com, a partner.");
        assert_eq!(origin(&d), Some(Publisher::new("Example", "credit")));
    }

    #[test]
    fn contributed_credit_is_not_an_origin() {
        let d = doc("The council voted on Monday.\n\nReuters contributed to this report.");
        assert_eq!(origin(&d), None);
        let d = doc("WASHINGTON (Example Gazette) — The council voted.");
        assert_eq!(origin(&d), None);
    }

    #[test]
    fn every_republishing_phrase_has_a_verb_the_quick_test_looks_for() {
        for p in REPUBLISHED {
            assert!(p.contains("appeared ") || p.contains("published "), "{p}");
        }
    }

    #[test]
    fn block_words_count_as_chrome_does() {
        let d = doc("WASHINGTON (AP) — Crème brûlée, 12 ‘quoted’ words.\n\n\
             “Élan” —über’s 3½ ½x ΑΒΓ δ—ε 中文 a-b c.d e’f 3,000 naïve\n\n\
             This article originally appeared in The Example Daily.");
        assert!(d.blocks.len() >= 3);
        for b in &d.blocks {
            assert_eq!(b.words, chrome::word_count(d.slice(b.span)), "{b:?}");
        }
    }
}
