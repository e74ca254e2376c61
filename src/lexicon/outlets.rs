//! Outlet knowledge: news outlets, wire services, broadcasters, magazines and
//! news sites, their short forms ("the Post", "WaPo") and their domains.
//!
//! The built-in list is data (`outlets.txt` beside this module, its format
//! documented at its top); users add their own in the same format with
//! [`Outlets::parse`] and [`Outlets::extend`]. Lookups go through hash maps
//! built once per list:
//!
//! - [`Outlets::lookup_name`] for a mention the caller already has ("the Post
//!   report", "The New York Post’s"),
//! - [`Outlets::lookup_domain`] for a URL or host (`edition.cnn.com`),
//! - [`Outlets::find_in`] for outlet names anywhere in a text, longest first,
//!   in time linear in the text.
//!
//! A short form that several outlets share ("the Times") gives
//! [`Lookup::Ambiguous`] with every owner; choosing among them is for the
//! resolver, which knows the article.

use foldhash::HashMap;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;
use thiserror::Error;

/// The list the pipeline uses; see [`Outlets::active`].
/// Borrows the built-in list unless the user's outlets were installed.
static ACTIVE: OnceLock<Cow<'static, Outlets>> = OnceLock::new();

/// The built-in list, parsed once by [`Outlets::builtin`].
const BUILTIN_TEXT: &str = include_str!("outlets.txt");

/// Nouns that may follow an outlet's name in a mention ("the Post report");
/// [`Outlets::lookup_name`] drops one when the whole mention is not a name.
const TRAILING_NOUNS: &[&str] = &[
    "report",
    "reports",
    "reporting",
    "story",
    "stories",
    "article",
    "articles",
    "newspaper",
    "newspapers",
    "paper",
    "piece",
    "editorial",
    "analysis",
    "investigation",
    "interview",
    "coverage",
    "magazine",
    "website",
    "site",
    "channel",
    "network",
    "broadcast",
];

/// Host prefixes that name a variant of the same site, not another outlet.
const HOST_PREFIXES: &[&str] = &["www.", "m.", "amp.", "mobile."];

/// What sort of publication an outlet is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutletKind {
    /// A newspaper or its site.
    Outlet,
    /// A news agency whose stories other outlets carry.
    Wire,
    /// A radio or television broadcaster.
    Broadcaster,
    /// A magazine.
    Magazine,
    /// A news site with no print or broadcast parent.
    Site,
}

impl OutletKind {
    /// The kind as the data file writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            OutletKind::Outlet => "outlet",
            OutletKind::Wire => "wire",
            OutletKind::Broadcaster => "broadcaster",
            OutletKind::Magazine => "magazine",
            OutletKind::Site => "site",
        }
    }

    /// Reads a kind as the data file writes it (any case).
    fn from_field(field: &str) -> Option<OutletKind> {
        [
            OutletKind::Outlet,
            OutletKind::Wire,
            OutletKind::Broadcaster,
            OutletKind::Magazine,
            OutletKind::Site,
        ]
        .into_iter()
        .find(|kind| kind.as_str().eq_ignore_ascii_case(field))
    }
}

/// One outlet: its canonical name, kind, other names and domains.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outlet {
    /// The canonical name ("New York Post").
    pub name: String,
    pub kind: OutletKind,
    /// Other names, as written in the list ("the Post", "NY Post").
    pub aliases: Vec<String>,
    /// Domains, lowercase; each covers its subdomains.
    pub domains: Vec<String>,
    /// Those of `name` and `aliases` that are also ordinary words ("Time",
    /// "Deadline"; written with `~` in the list): [`Outlets::lookup_name`]
    /// knows them, [`Outlets::find_in`] does not look for them.
    pub lookup_only: Vec<String>,
}

impl Outlet {
    /// The canonical name followed by the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Whether `name` (as written in the list) is one of the lookup-only names.
    fn is_lookup_only(&self, name: &str) -> bool {
        self.lookup_only.iter().any(|quiet| quiet == name)
    }
}

/// What a name stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// No outlet goes by this name.
    None,
    /// Exactly one outlet does.
    One(&'a Outlet),
    /// Several do ("the Post"); canonical owners first, then in list order.
    Ambiguous(Vec<&'a Outlet>),
}

impl<'a> Lookup<'a> {
    /// Builds the lookup for a list of owners.
    fn from_owners(owners: Vec<&'a Outlet>) -> Lookup<'a> {
        match owners.as_slice() {
            [] => Lookup::None,
            [one] => Lookup::One(one),
            _ => Lookup::Ambiguous(owners),
        }
    }

    /// Every outlet the name may stand for.
    pub fn outlets(&self) -> Vec<&'a Outlet> {
        match self {
            Lookup::None => Vec::new(),
            Lookup::One(outlet) => vec![*outlet],
            Lookup::Ambiguous(outlets) => outlets.clone(),
        }
    }

    /// Whether the outlet with this canonical name is among the candidates.
    pub fn includes(&self, canonical: &str) -> bool {
        self.outlets().iter().any(|outlet| outlet.name == canonical)
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Lookup::None)
    }
}

/// A line of an outlet list that could not be read.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum OutletsError {
    #[error("line {line}: expected `name | kind | aliases | domains`, found {found} field(s)")]
    Fields { line: usize, found: usize },

    #[error("line {line}: a name or alias has no letters or digits: `{name}`")]
    EmptyName { line: usize, name: String },

    #[error(
        "line {line}: unknown kind `{kind}` (expected outlet, wire, broadcaster, magazine or site)"
    )]
    Kind { line: usize, kind: String },

    #[error("line {line}: `{domain}` is not a domain name such as `example.com`")]
    Domain { line: usize, domain: String },

    #[error("line {line}: `{name}` is already listed on line {first}")]
    DuplicateName {
        line: usize,
        name: String,
        first: usize,
    },

    #[error("line {line}: domain `{domain}` is already claimed on line {first}")]
    DuplicateDomain {
        line: usize,
        domain: String,
        first: usize,
    },

    #[error("line {line}: an `# example:` comes before any outlet, or is empty")]
    Example { line: usize },
}

impl OutletsError {
    /// The 1-based line the error is on.
    pub fn line(&self) -> usize {
        match self {
            OutletsError::Fields { line, .. }
            | OutletsError::EmptyName { line, .. }
            | OutletsError::Kind { line, .. }
            | OutletsError::Domain { line, .. }
            | OutletsError::DuplicateName { line, .. }
            | OutletsError::DuplicateDomain { line, .. }
            | OutletsError::Example { line } => *line,
        }
    }
}

/// An `# example:` sentence and the outlet it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Example {
    outlet: usize,
    line: usize,
    sentence: String,
}

/// A list of outlets with its lookup indexes.
#[derive(Clone, Debug, Default)]
pub struct Outlets {
    outlets: Vec<Outlet>,
    examples: Vec<Example>,
    /// Normalised name or alias (no leading "the") -> owners.
    names: HashMap<String, Vec<usize>>,
    /// Domain -> owner.
    domains: HashMap<String, usize>,
    /// Names as words, for finding them in running text.
    trie: Trie,
}

impl Outlets {
    /// The built-in list, parsed on first use.
    ///
    /// A unit test keeps the embedded data free of errors; were it ever
    /// broken, this would be an empty list rather than a panic.
    pub fn builtin() -> &'static Outlets {
        static BUILTIN: OnceLock<Outlets> = OnceLock::new();
        BUILTIN.get_or_init(|| Outlets::parse(BUILTIN_TEXT).unwrap_or_default())
    }

    /// The list the pipeline looks outlets up in: the built-in list, plus
    /// the user's outlets if [`Outlets::install`] added them before the
    /// first lookup.
    pub fn active() -> &'static Outlets {
        ACTIVE.get_or_init(|| Cow::Borrowed(Outlets::builtin()))
    }

    /// Adds the user's outlets (`--outlets FILE`) to the list the pipeline
    /// uses, for the rest of the process: once, before the first analysis.
    /// Returns `false`, changing nothing, when the list is already in use.
    pub fn install(extra: Outlets) -> bool {
        let mut list = Outlets::builtin().clone();
        list.extend(extra);
        ACTIVE.set(Cow::Owned(list)).is_ok()
    }

    /// Reads a list in the format of `outlets.txt` (see its header).
    ///
    /// Fails on the first bad line, naming it; a canonical name or a domain
    /// listed twice is an error.
    pub fn parse(text: &str) -> Result<Outlets, OutletsError> {
        let mut list = Outlets::default();
        let mut name_lines: HashMap<String, usize> = HashMap::default();
        let mut domain_lines: HashMap<String, usize> = HashMap::default();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let trimmed = raw.trim();
            if let Some(comment) = trimmed.strip_prefix('#') {
                if let Some(sentence) = comment.trim_start().strip_prefix("example:") {
                    list.push_example(line, sentence.trim())?;
                }
                continue;
            }
            if trimmed.is_empty() {
                continue;
            }
            let outlet = parse_line(line, trimmed)?;
            let key = name_key(&outlet.name);
            if let Some(&first) = name_lines.get(&key) {
                return Err(OutletsError::DuplicateName {
                    line,
                    name: outlet.name,
                    first,
                });
            }
            name_lines.insert(key, line);
            for domain in &outlet.domains {
                if let Some(&first) = domain_lines.get(domain) {
                    return Err(OutletsError::DuplicateDomain {
                        line,
                        domain: domain.clone(),
                        first,
                    });
                }
                domain_lines.insert(domain.clone(), line);
            }
            list.outlets.push(outlet);
        }
        list.reindex();
        Ok(list)
    }

    /// Adds another list to this one.
    ///
    /// An outlet whose canonical name is already here gains the other's
    /// aliases and domains and takes its kind; a domain the other list gives
    /// to a different outlet moves to that outlet.
    pub fn extend(&mut self, other: Outlets) {
        let mut by_name: HashMap<String, usize> = self
            .outlets
            .iter()
            .enumerate()
            .map(|(index, outlet)| (name_key(&outlet.name), index))
            .collect();
        let mut moved_to = Vec::with_capacity(other.outlets.len());
        for outlet in other.outlets {
            let key = name_key(&outlet.name);
            let target = match by_name.get(&key) {
                Some(&index) => index,
                None => {
                    self.outlets.push(Outlet {
                        name: outlet.name.clone(),
                        kind: outlet.kind,
                        aliases: Vec::new(),
                        domains: Vec::new(),
                        lookup_only: Vec::new(),
                    });
                    let index = self.outlets.len() - 1;
                    by_name.insert(key, index);
                    index
                }
            };
            self.claim_domains(target, &outlet.domains);
            if let Some(existing) = self.outlets.get_mut(target) {
                merge_into(existing, outlet);
            }
            moved_to.push(target);
        }
        for example in other.examples {
            if let Some(&outlet) = moved_to.get(example.outlet) {
                self.examples.push(Example { outlet, ..example });
            }
        }
        self.reindex();
    }

    /// The outlets in list order.
    pub fn iter(&self) -> impl Iterator<Item = &Outlet> {
        self.outlets.iter()
    }

    pub fn len(&self) -> usize {
        self.outlets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.outlets.is_empty()
    }

    /// The `# example:` sentences: the outlet, the line and the sentence.
    pub fn examples(&self) -> impl Iterator<Item = (&Outlet, usize, &str)> {
        self.examples.iter().filter_map(|example| {
            let outlet = self.outlets.get(example.outlet)?;
            Some((outlet, example.line, example.sentence.as_str()))
        })
    }

    /// The outlets a mention names.
    ///
    /// Ignores case, spacing, accents and a leading "the"; accepts a
    /// possessive ("The New York Post’s"), a trailing noun ("the Post
    /// report", "a Reuters story") and a bare domain ("Politico.com").
    pub fn lookup_name(&self, mention: &str) -> Lookup<'_> {
        if let Some(found) = self.lookup_plain(mention) {
            return found;
        }
        // Only the normal forms of the [`words`] are looked up: they are
        // read without making the words, and joined in one key buffer.
        let normals = normal_words(mention);
        let mut norms: Vec<&str> = normals.iter().map(|norm| &**norm).collect();
        let mut key = String::with_capacity(mention.len() + 4);
        drop_leading(&mut norms, &["the"]);
        if let Some(found) = self.lookup_words(&norms, &mut key) {
            return found;
        }
        drop_leading(&mut norms, &["a", "an"]);
        if norms.len() > 1
            && norms
                .last()
                .is_some_and(|last| TRAILING_NOUNS.contains(last))
        {
            norms.pop();
        }
        if let Some(found) = self.lookup_words(&norms, &mut key) {
            return found;
        }
        if let Some(stem) = norms.last().and_then(|last| last.strip_suffix("'s")) {
            norms.pop();
            norms.push(stem);
            if let Some(found) = self.lookup_words(&norms, &mut key) {
                return found;
            }
        }
        let trimmed = mention.trim();
        if trimmed.contains('.') && !trimmed.contains(char::is_whitespace) {
            if let Some(outlet) = self.lookup_domain(trimmed) {
                return Lookup::One(outlet);
            }
        }
        Lookup::None
    }

    /// The outlet a URL or host belongs to.
    ///
    /// Lowercases, drops the scheme, user, port and path and a leading
    /// `www.`, `m.` or `amp.`, then tries the host and each parent domain in
    /// turn, so `https://edition.cnn.com/x` finds CNN and the most specific
    /// listed domain wins.
    pub fn lookup_domain(&self, url_or_host: &str) -> Option<&Outlet> {
        let host = host_of(url_or_host)?;
        let mut candidate = host.as_str();
        loop {
            if let Some(&index) = self.domains.get(candidate) {
                return self.outlets.get(index);
            }
            let (_, parent) = candidate.split_once('.')?;
            if !parent.contains('.') {
                return None;
            }
            candidate = parent;
        }
    }

    /// Every outlet name in a text, longest match first, left to right, with
    /// its byte range and what it stands for.
    ///
    /// A name found here starts and ends on word boundaries, keeps the
    /// capitals its listed form has, and includes a leading "the" when the
    /// text has one; "the" before a single word ("the Post") is required.
    /// Bare domains ("nypost.com") are found too. Linear in the text.
    pub fn find_in(&self, text: &str) -> Vec<(Range<usize>, Lookup<'_>)> {
        let mut finder = self.finder(text);
        std::iter::from_fn(|| finder.next_before(usize::MAX)).collect()
    }

    /// [`Outlets::find_in`] step by step: a [`Finder`] reads `text` only
    /// as far as it is asked to.
    pub fn finder<'t>(&self, text: &'t str) -> Finder<'_, 't> {
        Finder {
            outlets: self,
            reader: WordReader { text, at: 0 },
            words: Vec::new(),
            index: 0,
        }
    }

    /// [`Outlets::lookup_name`] without splitting into [`Word`]s, for a
    /// mention of ASCII letters, digits and spaces only (most are): its
    /// words are then its space-separated pieces, lower-cased, and it has
    /// no possessive and is no domain. `None` for any other mention.
    fn lookup_plain(&self, mention: &str) -> Option<Lookup<'_>> {
        let mut buf = [0u8; 64];
        let key = plain_words(mention, &mut buf)?;
        // Each step of the general path, on the joined key (ASCII: its
        // spaces are found byte by byte, cheaper than a search on a key
        // this short).
        let several = |key: &str| key.bytes().any(|b| b == b' ');
        let mut key = match key.strip_prefix("the ") {
            Some(rest) => rest,
            None => key,
        };
        if let Some(found) = self.lookup_key(key) {
            return Some(found);
        }
        let looked_up = key.len();
        if several(key) {
            if let Some(rest) = key.strip_prefix("a ").or_else(|| key.strip_prefix("an ")) {
                key = rest;
            }
        }
        if let Some(space) = key.bytes().rposition(|b| b == b' ') {
            let (head, last) = (key.get(..space), key.get(space + 1..));
            if let (Some(head), Some(last)) = (head, last) {
                if TRAILING_NOUNS.contains(&last) {
                    key = head;
                }
            }
        }
        // The steps only shorten the key: the same key was looked up above.
        if key.len() == looked_up {
            return Some(Lookup::None);
        }
        Some(self.lookup_key(key).unwrap_or(Lookup::None))
    }

    /// Looks up a joined key of normalised words.
    fn lookup_key(&self, key: &str) -> Option<Lookup<'_>> {
        if key.is_empty() {
            return None;
        }
        let owners = self.names.get(key)?;
        let outlets = owners
            .iter()
            .filter_map(|&owner| self.outlets.get(owner))
            .collect();
        Some(Lookup::from_owners(outlets))
    }

    /// Looks up normalised words as one key, joined in `key` (cleared
    /// first).
    fn lookup_words(&self, norms: &[&str], key: &mut String) -> Option<Lookup<'_>> {
        if norms.is_empty() {
            return None;
        }
        key.clear();
        for (i, norm) in norms.iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            key.push_str(norm);
        }
        let owners = self.names.get(key.as_str())?;
        let outlets = owners
            .iter()
            .filter_map(|&owner| self.outlets.get(owner))
            .collect();
        Some(Lookup::from_owners(outlets))
    }

    /// Records an `# example:` line for the last outlet read.
    fn push_example(&mut self, line: usize, sentence: &str) -> Result<(), OutletsError> {
        if self.outlets.is_empty() || sentence.is_empty() {
            return Err(OutletsError::Example { line });
        }
        self.examples.push(Example {
            outlet: self.outlets.len() - 1,
            line,
            sentence: sentence.to_string(),
        });
        Ok(())
    }

    /// Gives `domains` to the outlet at `target`, taking them from any other.
    fn claim_domains(&mut self, target: usize, domains: &[String]) {
        for domain in domains {
            if let Some(&owner) = self.domains.get(domain) {
                if owner != target {
                    if let Some(previous) = self.outlets.get_mut(owner) {
                        previous.domains.retain(|listed| listed != domain);
                    }
                }
            }
            self.domains.insert(domain.clone(), target);
        }
    }

    /// Rebuilds the name, domain and text indexes from the outlets.
    ///
    /// Each name is split into [`Word`]s once, for both its lookup key and
    /// the trie.
    fn reindex(&mut self) {
        self.names.clear();
        self.domains.clear();
        self.trie = Trie::default();
        // Sized up front, so that the maps are not rebuilt as they grow.
        let names: usize = self.outlets.iter().map(|o| 1 + o.aliases.len()).sum();
        let domains: usize = self.outlets.iter().map(|o| o.domains.len()).sum();
        self.names.reserve(names);
        self.domains.reserve(domains);
        self.trie.edges.reserve(2 * names);
        self.trie.vocab.reserve(names);
        // Canonical names first, so their owners lead an ambiguous lookup.
        for pass in [Pass::Canonical, Pass::Aliases] {
            for (index, outlet) in self.outlets.iter().enumerate() {
                let names: Vec<&str> = match pass {
                    Pass::Canonical => vec![outlet.name.as_str()],
                    Pass::Aliases => outlet.aliases.iter().map(String::as_str).collect(),
                };
                for name in names {
                    let in_text = !outlet.is_lookup_only(name);
                    let words = if in_text { words(name) } else { Vec::new() };
                    let key = if in_text {
                        words_key(&words)
                    } else {
                        name_key(name)
                    };
                    let owners = self.names.entry(key).or_default();
                    if !owners.contains(&index) {
                        owners.push(index);
                    }
                    if in_text {
                        self.trie.insert_name(words, index);
                    }
                }
            }
        }
        for (index, outlet) in self.outlets.iter().enumerate() {
            for domain in &outlet.domains {
                self.domains.insert(domain.clone(), index);
            }
        }
    }
}

/// The two passes of [`Outlets::reindex`].
#[derive(Clone, Copy)]
enum Pass {
    Canonical,
    Aliases,
}

/// Reads one outlet line: `name | kind | aliases | domains`.
fn parse_line(line: usize, text: &str) -> Result<Outlet, OutletsError> {
    let fields: Vec<&str> = text.split('|').map(str::trim).collect();
    let [name, kind, aliases, domains] = fields.as_slice() else {
        return Err(OutletsError::Fields {
            line,
            found: fields.len(),
        });
    };
    let kind = OutletKind::from_field(kind).ok_or_else(|| OutletsError::Kind {
        line,
        kind: kind.to_string(),
    })?;
    let mut lookup_only = Vec::new();
    let name = read_name(line, name, &mut lookup_only)?;
    let mut outlet = Outlet {
        name,
        kind,
        aliases: Vec::new(),
        domains: Vec::new(),
        lookup_only,
    };
    for alias in list_items(aliases) {
        let alias = read_name(line, alias, &mut outlet.lookup_only)?;
        if !outlet.aliases.contains(&alias) && alias != outlet.name {
            outlet.aliases.push(alias);
        }
    }
    for domain in list_items(domains) {
        let domain = read_domain(line, domain)?;
        if !outlet.domains.contains(&domain) {
            outlet.domains.push(domain);
        }
    }
    Ok(outlet)
}

/// The non-empty items of a `;`-separated field.
fn list_items(field: &str) -> impl Iterator<Item = &str> {
    field
        .split(';')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// Reads a name or alias, noting it in `lookup_only` when it starts with `~`.
fn read_name(
    line: usize,
    written: &str,
    lookup_only: &mut Vec<String>,
) -> Result<String, OutletsError> {
    let (quiet, name) = match written.strip_prefix('~') {
        Some(rest) => (true, rest.trim()),
        None => (false, written),
    };
    // A name with an ASCII letter or digit has a word, so a key.
    let has_word = name.bytes().any(|b| b.is_ascii_alphanumeric());
    if !has_word && name_key(name).is_empty() {
        return Err(OutletsError::EmptyName {
            line,
            name: written.to_string(),
        });
    }
    if quiet {
        lookup_only.push(name.to_string());
    }
    Ok(name.to_string())
}

/// Reads a domain: lowercase labels of letters, digits and hyphens, at
/// least two of them.
fn read_domain(line: usize, written: &str) -> Result<String, OutletsError> {
    let domain = written.trim_end_matches('.').to_ascii_lowercase();
    let labels_ok = domain.split('.').all(|label| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    if labels_ok && domain.contains('.') {
        Ok(domain)
    } else {
        Err(OutletsError::Domain {
            line,
            domain: written.to_string(),
        })
    }
}

/// Adds `from`'s aliases, domains and lookup-only names to `into`, and its kind.
fn merge_into(into: &mut Outlet, from: Outlet) {
    into.kind = from.kind;
    for alias in from.aliases {
        if !into.aliases.contains(&alias) && alias != into.name {
            into.aliases.push(alias);
        }
    }
    for domain in from.domains {
        if !into.domains.contains(&domain) {
            into.domains.push(domain);
        }
    }
    for quiet in from.lookup_only {
        if !into.lookup_only.contains(&quiet) {
            into.lookup_only.push(quiet);
        }
    }
}

/// The normalised words of a plain text (ASCII letters, digits and spaces
/// only) joined by single spaces, in `buf`: what [`words`] would give,
/// without building them. `None` for any other text, or one too long for
/// `buf`.
fn plain_words<'b>(text: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    let mut len = 0;
    let mut space = false;
    for b in text.bytes() {
        if b == b' ' {
            space = len > 0;
            continue;
        }
        if !b.is_ascii_alphanumeric() {
            return None;
        }
        if space {
            *buf.get_mut(len)? = b' ';
            len += 1;
            space = false;
        }
        *buf.get_mut(len)? = b.to_ascii_lowercase();
        len += 1;
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// The lookup key of a name: its normalised words, without a leading "the".
fn name_key(name: &str) -> String {
    let mut buf = [0u8; 64];
    if let Some(key) = plain_words(name, &mut buf) {
        return key.strip_prefix("the ").unwrap_or(key).to_string();
    }
    words_key(&words(name))
}

/// The lookup key of a name split into [`words`]: see [`name_key`].
fn words_key(words: &[Word<'_>]) -> String {
    let mut norms: Vec<&str> = words.iter().map(|word| &*word.norm).collect();
    drop_leading(&mut norms, &["the"]);
    norms.join(" ")
}

/// Drops the first word when it is one of `articles` and more words follow.
fn drop_leading(norms: &mut Vec<&str>, articles: &[&str]) {
    if norms.len() > 1 && norms.first().is_some_and(|first| articles.contains(first)) {
        norms.remove(0);
    }
}

/// The lowercase host of a URL or host name, without a `www.`-like prefix.
fn host_of(url_or_host: &str) -> Option<String> {
    let mut rest = url_or_host.trim();
    if let Some((_, after)) = rest.split_once("://") {
        rest = after;
    }
    rest = rest.trim_start_matches('/');
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    if host_port.starts_with('[') {
        return None; // an IPv6 literal names no outlet
    }
    let host = host_port.split(':').next().unwrap_or("");
    let mut host = host.trim_end_matches('.').to_ascii_lowercase();
    while let Some(shorter) = HOST_PREFIXES
        .iter()
        .find_map(|prefix| host.strip_prefix(prefix))
        .filter(|shorter| shorter.contains('.'))
    {
        host = shorter.to_string();
    }
    (!host.is_empty()).then_some(host)
}

/// How a word of a listed name is capitalised, and so what the text needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Caps {
    /// Starts lowercase or with a digit ("the", "dpa", "538"): any case.
    Lower,
    /// Starts with a capital ("Post", "WaPo"): the text's word must too.
    Initial,
    /// Two or more letters, all capitals ("CNN", "MAP"): so must the text's.
    All,
}

impl Caps {
    /// How `word` is capitalised.
    fn of(word: &str) -> Caps {
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return Caps::Lower;
        }
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        let count = letters.clone().count();
        if count >= 2 && letters.all(char::is_uppercase) {
            Caps::All
        } else {
            Caps::Initial
        }
    }

    /// Whether a text word capitalised as `text` satisfies this requirement.
    fn allows(self, text: Caps) -> bool {
        match self {
            Caps::Lower => true,
            Caps::Initial => text != Caps::Lower,
            Caps::All => text == Caps::All,
        }
    }
}

/// A word of a name or text.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Word<'t> {
    /// Byte range in the text.
    range: Range<usize>,
    /// Lowercase, accents folded, curly apostrophes straightened, `&` read
    /// as "and" (the text itself when that is all the same: most words).
    norm: Cow<'t, str>,
    caps: Caps,
    /// Without a possessive 's ("CNN's"): the stem as written.
    stem: Option<Stem>,
}

/// A word without its possessive 's.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Stem {
    norm: String,
    caps: Caps,
    /// Where the stem ends in the text.
    end: usize,
}

/// Splits a text into words: runs of letters, digits and `&`, joined across
/// a single `.` or apostrophe between two of them ("U.S.", "Maclean's",
/// "nypost.com"). Hyphens and everything else separate words.
fn words(text: &str) -> Vec<Word<'_>> {
    WordReader { text, at: 0 }.collect()
}

/// The normal forms of the [`words`] of a text (none empty), read without
/// making the words.
fn normal_words(text: &str) -> Vec<Cow<'_, str>> {
    let mut reader = WordReader { text, at: 0 };
    let mut norms = Vec::new();
    while let Some(range) = reader.next_range() {
        let norm = normalise(text.get(range).unwrap_or(""));
        if !norm.is_empty() {
            norms.push(norm);
        }
    }
    norms
}

/// The [`words`] of a text one at a time (words whose normal form is
/// empty left out).
struct WordReader<'t> {
    text: &'t str,
    /// Where reading goes on: never inside a word.
    at: usize,
}

impl<'t> WordReader<'t> {
    /// The byte range of the next word, with an empty normal form or not.
    fn next_range(&mut self) -> Option<Range<usize>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut start: Option<usize> = None;
        loop {
            // Inside a word, its ASCII letters, digits and `&` are word
            // characters: skipped as bytes.
            if start.is_some() {
                while bytes
                    .get(self.at)
                    .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'&')
                {
                    self.at += 1;
                }
            }
            let Some(c) = char_at(text, self.at) else {
                break;
            };
            let at = self.at;
            let next_at = at + c.len_utf8();
            let in_word = if is_word_char(c) {
                true
            } else {
                start.is_some() && is_joiner(c) && char_at(text, next_at).is_some_and(is_word_char)
            };
            self.at = next_at;
            match (in_word, start) {
                (true, None) => start = Some(at),
                (false, Some(from)) => return Some(from..at),
                _ => {}
            }
        }
        start.map(|from| from..text.len())
    }

    /// The byte range of the next word whose normal form is not empty
    /// (the words [`WordReader`] gives), without making the word: an ASCII
    /// word's normal form is never empty.
    fn next_word_range(&mut self) -> Option<Range<usize>> {
        loop {
            let range = self.next_range()?;
            let written = self.text.get(range.clone()).unwrap_or("");
            if written.is_ascii() || !normalise(written).is_empty() {
                return Some(range);
            }
        }
    }
}

impl<'t> Iterator for WordReader<'t> {
    type Item = Word<'t>;

    fn next(&mut self) -> Option<Word<'t>> {
        loop {
            let word = make_word(self.text, self.next_range()?);
            if !word.norm.is_empty() {
                return Some(word);
            }
        }
    }
}

/// The character that starts at byte `at` of `text` (a character
/// boundary), read from the byte when it is ASCII.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(at..)?.chars().next(),
        None => None,
    }
}

/// Whether `c` belongs in a word: a letter, digit, combining mark or `&`.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '&';
    }
    c.is_alphanumeric() || c == '&' || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Whether `c` joins two word characters into one word.
fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '\'' | '\u{2019}' | '\u{2018}')
}

/// Builds the word at `range` of `text`.
fn make_word(text: &str, range: Range<usize>) -> Word<'_> {
    let written = text.get(range.clone()).unwrap_or("");
    let norm = normalise(written);
    let stem = norm.strip_suffix("'s").map(|stem| {
        // The written 's is an apostrophe (1 or 3 bytes) and an `s`.
        let cut = written
            .char_indices()
            .rev()
            .nth(1)
            .map_or(written.len(), |(at, _)| at);
        Stem {
            norm: stem.to_string(),
            caps: Caps::of(written.get(..cut).unwrap_or("")),
            end: range.start + cut,
        }
    });
    Word {
        caps: Caps::of(written),
        norm,
        stem,
        range,
    }
}

/// Lowercases a word, folds common accents, straightens apostrophes and
/// reads a lone `&` as "and".
fn normalise(word: &str) -> Cow<'_, str> {
    if word == "&" {
        return Cow::Borrowed("and");
    }
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Borrowed(word);
        }
        return Cow::Owned(word.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            '\u{300}'..='\u{36f}' => {}
            '\u{2019}' | '\u{2018}' => out.push('\''),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            _ => out.push(fold_accent(c)),
        }
    }
    Cow::Owned(out)
}

/// The unaccented letter for a common accented Latin letter.
fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ą' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ı' => 'i',
        'ñ' | 'ń' => 'n',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ű' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' | 'ş' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ř' => 'r',
        'ł' => 'l',
        'ğ' => 'g',
        other => other,
    }
}

/// The names [`Outlets::find_in`] finds in a text, one at a time and in
/// text order, reading the text's words only as far as they are needed: a
/// name found is the longest listed one at its first word, and the trie
/// never reads more than its depth in words, so what is found before a
/// point is the same however far the text goes on.
pub struct Finder<'o, 't> {
    outlets: &'o Outlets,
    reader: WordReader<'t>,
    /// The byte ranges of the words read so far: a [`Word`] is made only
    /// for those a search reads (most words start no name).
    words: Vec<Range<usize>>,
    /// The word the next search starts at.
    index: usize,
}

impl<'o> Finder<'o, '_> {
    /// The next name (or bare domain) in the text when it starts before
    /// byte `before`; `None` when there is none (a later call with a
    /// larger `before` goes on from the same point).
    pub fn next_before(&mut self, before: usize) -> Option<(Range<usize>, Lookup<'o>)> {
        let outlets = self.outlets;
        let text = self.reader.text;
        // The trie looks at most this many words ahead.
        let ahead = outlets.trie.depth.max(1);
        loop {
            while self.words.len() < self.index + ahead {
                let Some(range) = self.reader.next_word_range() else {
                    break;
                };
                self.words.push(range);
            }
            let rest = self.words.get(self.index..)?;
            let first = rest.first()?.clone();
            if first.start >= before {
                return None;
            }
            let written = text.get(first.clone()).unwrap_or("");
            if outlets.trie.may_start(written) {
                let words = rest.iter().map(|range| make_word(text, range.clone()));
                if let Some(hit) = outlets.trie.longest(words) {
                    let owners = hit
                        .owners
                        .iter()
                        .filter_map(|&owner| outlets.outlets.get(owner))
                        .collect();
                    self.index += hit.words;
                    return Some((first.start..hit.end, Lookup::from_owners(owners)));
                }
            }
            self.index += 1;
            // Normalising keeps a `.` and makes none.
            if written.contains('.') {
                if let Some(outlet) = outlets.lookup_domain(written) {
                    return Some((first, Lookup::One(outlet)));
                }
            }
        }
    }
}

/// Listed names as word sequences, for finding them in running text.
///
/// One flat map holds every edge, keyed by the node and the number of the
/// word that leads out of it.
#[derive(Clone, Debug)]
struct Trie {
    /// Each word of a listed name -> its number.
    vocab: HashMap<String, usize>,
    /// (node, word number) -> the next node; node 0 is the root.
    edges: HashMap<(usize, usize), usize>,
    /// The names that end at each node.
    ends: Vec<Vec<End>>,
    /// The most words of any name (how far a search can look ahead).
    depth: usize,
}

impl Default for Trie {
    fn default() -> Trie {
        Trie {
            vocab: HashMap::default(),
            edges: HashMap::default(),
            ends: vec![Vec::new()],
            depth: 0,
        }
    }
}

/// A listed name ending at a node: its owner and the capitals it needs.
#[derive(Clone, Debug)]
struct End {
    outlet: usize,
    caps: Vec<Caps>,
}

/// The longest name found at a position.
struct Hit {
    words: usize,
    end: usize,
    owners: Vec<usize>,
}

impl Trie {
    /// Adds a listed name split into [`words`]; a leading "the" before two
    /// or more words is optional in the text, before one word it is required.
    fn insert_name(&mut self, words: Vec<Word<'_>>, outlet: usize) {
        let words: Vec<(String, Caps)> = words
            .into_iter()
            .map(|word| (word.norm.into_owned(), word.caps))
            .collect();
        self.insert(&words, outlet);
        if words.len() > 2 && words.first().is_some_and(|(first, _)| first == "the") {
            self.insert(words.get(1..).unwrap_or(&[]), outlet);
        }
    }

    /// Adds one word sequence ending with `outlet`.
    fn insert(&mut self, words: &[(String, Caps)], outlet: usize) {
        if words.is_empty() {
            return;
        }
        self.depth = self.depth.max(words.len());
        let mut node = 0;
        for (norm, _) in words {
            let count = self.vocab.len();
            let word = match self.vocab.get(norm) {
                Some(&word) => word,
                None => {
                    self.vocab.insert(norm.clone(), count);
                    count
                }
            };
            let fresh = self.ends.len();
            node = *self.edges.entry((node, word)).or_insert(fresh);
            if node == fresh {
                self.ends.push(Vec::new());
            }
        }
        if let Some(last) = self.ends.get_mut(node) {
            let caps = words.iter().map(|(_, caps)| *caps).collect();
            last.push(End { outlet, caps });
        }
    }

    /// The node `norm` leads to from `node`, if any.
    fn next(&self, node: usize, norm: &str) -> Option<usize> {
        let word = *self.vocab.get(norm)?;
        self.edges.get(&(node, word)).copied()
    }

    /// Whether a word of a text, as written, may start a listed name: the
    /// first step of [`Trie::longest`] (its normal form, or that without a
    /// possessive 's, leads out of the root), taken for an ASCII word
    /// without making its [`Word`]: its normal form is then its lower case
    /// (but that of `&`), made on the stack. Most words start no name.
    fn may_start(&self, written: &str) -> bool {
        let bytes = written.as_bytes();
        if !bytes.is_ascii() || written == "&" {
            return true;
        }
        let mut buf = [0u8; 64];
        let lower = if bytes.iter().any(u8::is_ascii_uppercase) {
            let Some(buf) = buf.get_mut(..bytes.len()) else {
                return true;
            };
            for (to, from) in buf.iter_mut().zip(bytes) {
                *to = from.to_ascii_lowercase();
            }
            match std::str::from_utf8(buf) {
                Ok(lower) => lower,
                Err(_) => return true,
            }
        } else {
            written
        };
        self.next(0, lower).is_some()
            || lower
                .strip_suffix("'s")
                .is_some_and(|stem| self.next(0, stem).is_some())
    }

    /// The longest listed name at the start of `text` (its words, read
    /// only as far as a name may go on), if any; a possessive 's may
    /// follow the last word and is left out of the match.
    fn longest<'t>(&self, text: impl IntoIterator<Item = Word<'t>>) -> Option<Hit> {
        let mut node = 0;
        let mut best = None;
        // The capitals of the words matched so far.
        let mut caps: Vec<Caps> = Vec::new();
        for (count, word) in text.into_iter().enumerate() {
            if let Some(next) = self.next(node, &word.norm) {
                if let Some(owners) = self.owners_at(next, &caps, word.caps) {
                    best = Some(Hit {
                        words: count + 1,
                        end: word.range.end,
                        owners,
                    });
                }
                caps.push(word.caps);
                node = next;
                continue;
            }
            if let Some(stem) = &word.stem {
                if let Some(next) = self.next(node, &stem.norm) {
                    if let Some(owners) = self.owners_at(next, &caps, stem.caps) {
                        best = Some(Hit {
                            words: count + 1,
                            end: stem.end,
                            owners,
                        });
                    }
                }
            }
            break;
        }
        best
    }

    /// The owners of the names ending at `node` whose capitals the text has:
    /// `before` are the capitals of the matched words but the last,
    /// capitalised `last`.
    fn owners_at(&self, node: usize, before: &[Caps], last: Caps) -> Option<Vec<usize>> {
        let mut owners = Vec::new();
        let text = before.iter().copied().chain([last]);
        for end in self.ends.get(node)? {
            let fits = end.caps.len() == before.len() + 1
                && end
                    .caps
                    .iter()
                    .zip(text.clone())
                    .all(|(need, caps)| need.allows(caps));
            if fits && !owners.contains(&end.outlet) {
                owners.push(end.outlet);
            }
        }
        (!owners.is_empty()).then_some(owners)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> &'static Outlets {
        Outlets::builtin()
    }

    fn names(lookup: &Lookup) -> Vec<String> {
        lookup.outlets().iter().map(|o| o.name.clone()).collect()
    }

    fn one(lookup: Lookup) -> String {
        match lookup {
            Lookup::One(outlet) => outlet.name.clone(),
            other => format!("not one: {:?}", names(&other)),
        }
    }

    fn found(text: &str) -> Vec<(String, Vec<String>)> {
        builtin()
            .find_in(text)
            .into_iter()
            .map(|(range, lookup)| (text.get(range).unwrap_or("?").to_string(), names(&lookup)))
            .collect()
    }

    // The embedded data

    #[test]
    fn builtin_list_parses_without_errors() {
        assert_eq!(Outlets::parse(BUILTIN_TEXT).err(), None);
    }

    #[test]
    fn builtin_list_has_at_least_300_outlets() {
        assert!(builtin().len() >= 300, "{} outlets", builtin().len());
    }

    #[test]
    fn builtin_list_has_every_kind() {
        for kind in ["outlet", "wire", "broadcaster", "magazine", "site"] {
            assert!(builtin().iter().any(|o| o.kind.as_str() == kind), "{kind}");
        }
    }

    #[test]
    fn no_two_outlets_share_a_canonical_name() {
        let mut seen = HashMap::default();
        for outlet in builtin().iter() {
            let previous = seen.insert(name_key(&outlet.name), outlet.name.clone());
            assert_eq!(previous, None, "{}", outlet.name);
        }
    }

    #[test]
    fn no_domain_is_claimed_by_two_outlets() {
        let mut seen = HashMap::default();
        for outlet in builtin().iter() {
            for domain in &outlet.domains {
                let previous = seen.insert(domain.clone(), outlet.name.clone());
                assert_eq!(previous, None, "{domain} claimed by {}", outlet.name);
            }
        }
    }

    #[test]
    fn every_domain_finds_its_outlet() {
        for outlet in builtin().iter() {
            for domain in &outlet.domains {
                let hit = builtin().lookup_domain(domain).map(|o| o.name.as_str());
                assert_eq!(hit, Some(outlet.name.as_str()), "{domain}");
            }
        }
    }

    #[test]
    fn every_name_resolves_to_one_owner_or_to_all_its_owners() {
        let mut owners: HashMap<String, Vec<&str>> = HashMap::default();
        for outlet in builtin().iter() {
            for name in outlet.names() {
                let list = owners.entry(name_key(name)).or_default();
                if !list.contains(&outlet.name.as_str()) {
                    list.push(outlet.name.as_str());
                }
            }
        }
        for outlet in builtin().iter() {
            for name in outlet.names() {
                let expected = owners.get(&name_key(name)).cloned().unwrap_or_default();
                let lookup = builtin().lookup_name(name);
                match (&lookup, expected.len()) {
                    (Lookup::One(hit), 1) => assert_eq!(hit.name, outlet.name, "{name}"),
                    (Lookup::Ambiguous(hits), n) if n > 1 => {
                        let mut got: Vec<&str> = hits.iter().map(|o| o.name.as_str()).collect();
                        let mut want = expected.clone();
                        got.sort_unstable();
                        want.sort_unstable();
                        assert_eq!(got, want, "{name}");
                    }
                    _ => panic!("{name}: {:?}, expected {expected:?}", names(&lookup)),
                }
            }
        }
    }

    #[test]
    fn every_example_sentence_finds_its_outlet() {
        let mut count = 0;
        for (outlet, line, sentence) in builtin().examples() {
            let hits = builtin().find_in(sentence);
            assert!(
                hits.iter().any(|(_, lookup)| lookup.includes(&outlet.name)),
                "line {line}: {sentence:?} does not find {}: {:?}",
                outlet.name,
                found(sentence)
            );
            count += 1;
        }
        assert!(count >= 50, "only {count} examples");
    }

    // lookup_name

    #[test]
    fn the_post_report_is_the_post() {
        let lookup = builtin().lookup_name("the Post report");
        assert!(matches!(lookup, Lookup::Ambiguous(_)));
        for owner in ["New York Post", "The Washington Post", "The Jerusalem Post"] {
            assert!(lookup.includes(owner), "{owner}");
        }
    }

    #[test]
    fn possessive_mentions_name_the_outlet() {
        for mention in [
            "The New York Post’s",
            "the New York Post's",
            "NY Post's report",
        ] {
            assert_eq!(
                one(builtin().lookup_name(mention)),
                "New York Post",
                "{mention}"
            );
        }
        assert!(builtin()
            .lookup_name("the Post’s")
            .includes("The Washington Post"));
    }

    #[test]
    fn short_forms_and_acronyms_resolve() {
        let cases = [
            ("NYT", "The New York Times"),
            ("WaPo", "The Washington Post"),
            ("WSJ", "The Wall Street Journal"),
            ("a Reuters story", "Reuters"),
            ("an AP article", "Associated Press"),
            ("Politico.com", "Politico"),
            ("FT", "Financial Times"),
            ("the Times of Israel", "The Times of Israel"),
        ];
        for (mention, expected) in cases {
            assert_eq!(one(builtin().lookup_name(mention)), expected, "{mention}");
        }
    }

    #[test]
    fn lookup_ignores_case_spacing_and_accents() {
        let cases = [
            ("  the   NEW york\tpost ", "New York Post"),
            ("El Pais", "El País"),
            ("EL PAÍS", "El País"),
            ("Süddeutsche Zeitung", "Süddeutsche Zeitung"),
        ];
        for (mention, expected) in cases {
            assert_eq!(one(builtin().lookup_name(mention)), expected, "{mention}");
        }
        // A decomposed accent folds like a composed one.
        assert_eq!(one(builtin().lookup_name("El Pai\u{301}s")), "El País");
    }

    #[test]
    fn names_ending_in_a_trailing_noun_stay_whole() {
        for mention in ["U.S. News & World Report", "US News and World Report"] {
            assert_eq!(
                one(builtin().lookup_name(mention)),
                "U.S. News & World Report"
            );
        }
        assert_eq!(one(builtin().lookup_name("the i Paper")), "The i Paper");
        assert_eq!(one(builtin().lookup_name("Drudge Report")), "Drudge Report");
    }

    #[test]
    fn shared_canonical_owner_comes_first() {
        let lookup = builtin().lookup_name("The Times");
        assert_eq!(
            names(&lookup).first().map(String::as_str),
            Some("The Times")
        );
        assert!(lookup.includes("The New York Times"));
        assert!(lookup.includes("Los Angeles Times"));
    }

    #[test]
    fn unknown_or_empty_mentions_are_none() {
        for mention in ["", "   ", "the", "'s", "the Daily Planet", "report", "..."] {
            assert!(builtin().lookup_name(mention).is_none(), "{mention:?}");
        }
    }

    #[test]
    fn lookup_only_names_are_still_looked_up() {
        assert_eq!(one(builtin().lookup_name("Time")), "Time");
        assert_eq!(one(builtin().lookup_name("Deadline")), "Deadline");
    }

    // lookup_domain

    #[test]
    fn urls_and_hosts_find_their_outlet() {
        let cases = [
            ("edition.cnn.com", "CNN"),
            ("https://www.nypost.com/2024/05/01/x/", "New York Post"),
            (
                "HTTP://WWW.NYTIMES.COM:443/section?a=1#top",
                "The New York Times",
            ),
            ("m.washingtonpost.com", "The Washington Post"),
            ("https://amp.theguardian.com/world", "The Guardian"),
            ("//user@bbc.co.uk/news", "BBC"),
            ("thehill.com.", "The Hill"),
            ("https://abcnews.go.com/Politics", "ABC News"),
        ];
        for (input, expected) in cases {
            let hit = builtin().lookup_domain(input).map(|o| o.name.as_str());
            assert_eq!(hit, Some(expected), "{input}");
        }
    }

    #[test]
    fn the_most_specific_listed_domain_wins() {
        let name = |host| builtin().lookup_domain(host).map(|o| o.name.as_str());
        assert_eq!(name("oglobo.globo.com"), Some("O Globo"));
        assert_eq!(name("g1.globo.com"), Some("G1"));
        assert_eq!(name("esporte.globo.com"), Some("TV Globo"));
        assert_eq!(name("news.yahoo.com"), Some("Yahoo News"));
        assert_eq!(name("www.yahoo.com"), None);
    }

    #[test]
    fn hosts_of_no_outlet_are_none() {
        for input in [
            "",
            "http://",
            "example.com",
            "com",
            "[::1]:80",
            "cnn",
            ":::",
            "www.",
        ] {
            assert_eq!(builtin().lookup_domain(input), None, "{input:?}");
        }
    }

    // find_in

    #[test]
    fn find_in_prefers_the_longest_name() {
        let hits = found("The Globe and Mail and the Globe both ran it.");
        assert_eq!(
            hits.first().map(|h| h.0.as_str()),
            Some("The Globe and Mail")
        );
        assert_eq!(hits.get(1).map(|h| h.0.as_str()), Some("the Globe"));
        assert_eq!(hits.len(), 2);
    }

    #[test]
    fn find_in_needs_the_before_a_single_word_name() {
        assert!(found("Lawmakers met on Capitol Hill. Post office hours changed.").is_empty());
        let hits = found("He told the Post and The Hill.");
        assert_eq!(hits.len(), 2);
    }

    #[test]
    fn find_in_keeps_the_capitals_of_the_name() {
        assert!(found("the post office and the times table").is_empty());
        assert!(found("Map of the region").is_empty());
        assert_eq!(found("MAP reported").len(), 1);
    }

    #[test]
    fn find_in_skips_lookup_only_words() {
        assert!(found("Time will tell. People said so. Deadline passed.").is_empty());
        assert_eq!(found("He wrote in Time magazine.").len(), 1);
    }

    #[test]
    fn find_in_leaves_a_possessive_out_of_the_range() {
        let text = "The New York Post’s report and Barron's view";
        let hits = found(text);
        assert_eq!(
            hits.first().map(|h| h.0.as_str()),
            Some("The New York Post")
        );
        assert_eq!(hits.get(1).map(|h| h.0.as_str()), Some("Barron's"));
    }

    #[test]
    fn find_in_reads_a_possessive_acronym() {
        let hits = found("CNN's anchor and the AP’s desk");
        assert_eq!(hits.first().map(|h| h.0.as_str()), Some("CNN"));
        assert_eq!(hits.get(1).map(|h| h.0.as_str()), Some("the AP"));
    }

    #[test]
    fn find_in_finds_bare_domains() {
        let hits = found("It ran on nypost.com and www.Politico.com first.");
        assert_eq!(hits.len(), 2);
        assert_eq!(
            hits.first().map(|h| h.1.clone()),
            Some(vec!["New York Post".to_string()])
        );
    }

    #[test]
    fn find_in_ranges_fall_on_char_boundaries() {
        let text = "«Le Monde» — “El País” said; ¿Clarín? 東京 NHK。";
        let hits = builtin().find_in(text);
        assert_eq!(hits.len(), 4);
        for (range, _) in hits {
            assert!(text.get(range).is_some());
        }
    }

    #[test]
    fn find_in_and_lookup_survive_odd_input() {
        let inputs = [
            "",
            "'",
            "’s",
            "the",
            "&",
            "\u{301}",
            "a.b.c.d",
            "the the the",
            "..",
            "x'",
            "🙂 the 🙂",
        ];
        for input in inputs {
            let _ = builtin().find_in(input);
            let _ = builtin().lookup_name(input);
            let _ = builtin().lookup_domain(input);
        }
    }

    #[test]
    fn find_in_is_linear_on_long_repetitive_text() {
        let text = "the New York ".repeat(20_000);
        assert!(builtin().find_in(&text).is_empty());
        let text = "the Post ".repeat(20_000);
        assert_eq!(builtin().find_in(&text).len(), 20_000);
    }

    // User lists

    #[test]
    fn a_bad_user_line_is_named_in_the_error() {
        let text = "# mine\nLocal Ledger | outlet | the Ledger | ledger.example\n\nBad Line | outlet | x\n";
        let err = Outlets::parse(text).err();
        assert_eq!(err, Some(OutletsError::Fields { line: 4, found: 3 }));
        let message = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(message.starts_with("line 4:"), "{message}");
    }

    #[test]
    fn user_list_errors_say_what_is_wrong() {
        let cases = [
            ("A | paper | | a.example", 1, "unknown kind"),
            ("A | outlet | | not a domain", 1, "not a domain"),
            (
                "A | outlet | | a.example\nB | wire | | A.example",
                2,
                "already claimed",
            ),
            ("A | outlet | | \nthe A | site | | ", 2, "already listed"),
            ("# example: nothing above", 1, "example"),
            ("A | outlet | ;;; ?! | ", 1, "no letters"),
        ];
        for (text, line, words) in cases {
            let err = Outlets::parse(text).err();
            assert_eq!(err.as_ref().map(OutletsError::line), Some(line), "{text}");
            let message = err.map(|e| e.to_string()).unwrap_or_default();
            assert!(message.contains(words), "{message}");
        }
    }

    #[test]
    fn extending_adds_outlets_and_merges_known_ones() {
        let mut list = builtin().clone();
        let before = list.len();
        let mine = Outlets::parse(
            "Local Ledger | outlet | the Ledger | ledger.example\n\
             # example: The Ledger said the bridge would close.\n\
             New York Post | outlet | the NYP | nyp.example\n\
             Not CNN | site | | edition.cnn.com\n",
        );
        assert!(mine.is_ok());
        list.extend(mine.unwrap_or_default());
        assert_eq!(list.len(), before + 2);
        assert_eq!(one(list.lookup_name("the Ledger report")), "Local Ledger");
        assert_eq!(one(list.lookup_name("the NYP")), "New York Post");
        assert_eq!(
            list.lookup_domain("nyp.example").map(|o| o.name.as_str()),
            Some("New York Post")
        );
        assert_eq!(
            list.lookup_domain("nypost.com").map(|o| o.name.as_str()),
            Some("New York Post")
        );
        assert_eq!(
            list.lookup_domain("edition.cnn.com")
                .map(|o| o.name.as_str()),
            Some("Not CNN")
        );
        assert_eq!(
            list.lookup_domain("cnn.com").map(|o| o.name.as_str()),
            Some("CNN")
        );
        assert!(list
            .examples()
            .any(|(o, _, s)| o.name == "Local Ledger" && s.contains("bridge")));
    }
}
