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
}

/// The built-in lists, parsed once.
pub fn words() -> &'static SourceWords {
    static WORDS: OnceLock<SourceWords> = OnceLock::new();
    WORDS.get_or_init(|| parse(DATA))
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
    /// Whether `word` (as written) is an organisation head; "Inc" and
    /// "Inc." both count.
    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_heads.contains(word)
            || (!word.ends_with('.') && self.org_heads.contains(&format!("{word}.")))
    }

    /// The role a title gives, if `title` (any case) is one.
    pub fn title_role(&self, title: &str) -> Option<&str> {
        super::with_lower(title, |lower| self.titles.get(lower)).map(String::as_str)
    }

    /// Whether a lower-case phrase contains an anonymity phrase at word
    /// boundaries.
    pub fn has_anonymity_phrase(&self, lower: &str) -> bool {
        let padded = format!(
            " {} ",
            lower.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        self.anonymous.iter().any(|p| padded.contains(p.as_str()))
    }

    /// The singular of a plural role noun when the singular is a role
    /// ("spokespeople" → "spokesperson", "aides" → "aide").
    pub fn singular_role(&self, lower: &str) -> Option<String> {
        let candidates = [
            lower.replace("people", "person"),
            lower
                .strip_suffix("ies")
                .map(|s| format!("{s}y"))
                .unwrap_or_default(),
            lower.strip_suffix("es").unwrap_or_default().to_string(),
            lower.strip_suffix('s').unwrap_or_default().to_string(),
            lower.replace("men", "man"),
            lower.replace("women", "woman"),
        ];
        candidates
            .into_iter()
            .find(|c| !c.is_empty() && c != lower && self.roles.contains(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
