//! Resolution: the publisher of the article, and each source mention to an
//! entity.
//!
//! Mentions are resolved in text order (first-person pronouns last, once
//! the speakers of the quotations they sit in are known), each by its own
//! words first
//! ([`mention::read`]) and then against what the article said before it
//! ([`scan`]) and the entities already found:
//!
//! - an outlet name anywhere in the mention ("the report in the Post") is
//!   that outlet; a short form several outlets share ("the Post") takes the
//!   outlet of the last full, unambiguous mention before it, else the one
//!   the document links to, else stays ambiguous with its candidates listed
//!   ([`Entity::ambiguous`]);
//! - "the report", "the story" is the last report mentioned (an outlet's or
//!   a document), else a new document; "a new poll", "court filings" are
//!   documents, and "the poll" is the last document with that noun;
//! - a single capitalised word that is a word of an earlier person's name
//!   ("Pengyu" after "Liu Pengyu") is that person, else the person of a
//!   full name the article gives before, else after, else a person when the
//!   article writes it after a title ("Mr. Pengyu"); titles ("Sen.", "Mr.")
//!   are not part of a name and give the role;
//! - roles and affiliations come from appositives ("X, a spokesperson for
//!   the Y Embassy"), possessors ("the company’s spokesperson, X"), words
//!   before a role ("Treasury spokesperson X") and party brackets ("(R-NC)"
//!   → Republican Party (NC));
//! - "the company" (and "the app", "the firm"…) is the last name ending in
//!   that noun ("Acme Company"), else the organisation in focus: the
//!   capitalised name the article has used most often before the mention
//!   (the more recent on a tie), leaving out people, places, outlets and
//!   listed organisations;
//! - pronouns go to the nearest earlier compatible entity: he/she to a
//!   person (when no person is a source yet, to the last name in the text
//!   that looks like a person's); they to a group (including groups the
//!   text names without quoting them, "Chinese officials"), an anonymous
//!   source or an organisation; it to an organisation, outlet or document; who/which to
//!   the entity whose mention ends right before it. Pronouns with no
//!   antecedent are Unknown entities named by the pronoun;
//! - a first-person pronoun inside another attribution's content is its
//!   speaker ("I" a person or unnamed source; "we" an organisation, group,
//!   outlet or unnamed source, or the organisation a person speaks for);
//! - anonymous sources ("people familiar with …", "a senior official",
//!   bare "officials") and groups ("Chinese officials", "Senate
//!   Republicans"; "the officials" → the last group with that noun).

pub mod inside;
pub mod mention;
pub mod publisher;
pub mod scan;

use std::rc::Rc;

use foldhash::{HashMap, HashSet};

use serde::Serialize;

use crate::document::Document;
use crate::grammar::{Attribution, AttributionKind};
use crate::lexicon::outlets::{Finder, Lookup, Outlets};
use crate::lexicon::sources::words as source_words;
use crate::lexicon::with_lower;
use crate::span::Span;

use mention::{Affiliation, Reading};
use scan::{Scan, WholeName, WholeNames};

pub use inside::{is_secondhand, is_secondhand_in, reported_inside};

/// What kind of thing a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Outlet,
    Person,
    Organisation,
    Group,
    Anonymous,
    Document,
    Unknown,
}

impl EntityKind {
    /// How many kinds there are (`Unknown` is the last): a kind as an
    /// index is below it.
    const COUNT: usize = EntityKind::Unknown as usize + 1;

    /// Whether the entity is a publication: an outlet or a document.
    pub fn is_publication(self) -> bool {
        matches!(self, EntityKind::Outlet | EntityKind::Document)
    }
}

/// One source entity and where the text mentions it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub mentions: Vec<Span>,
    /// For an outlet short form the article never settles ("the Post" with
    /// no full name or link): the canonical names it may stand for. The
    /// entity's name is then the short form as written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ambiguous: Vec<String>,
}

/// The entities of the article, and for each attribution the entity its
/// source resolves to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolution {
    pub entities: Vec<Entity>,
    /// Parallel to the attributions: index into `entities`.
    pub sources: Vec<Option<usize>>,
    /// Parallel to the attributions: the words their content covers.
    pub words: Vec<usize>,
    /// Parallel to the attributions: whether it credits its source with
    /// first reporting the story ("First reported by X").
    pub first_reports: Vec<bool>,
    /// Parallel to the attributions: for a pronoun source, the mention it
    /// resolved to ("the officials" for "They").
    pub antecedents: Vec<Option<Span>>,
}

impl Resolution {
    /// The kind of the entity attribution `i`'s source resolves to.
    pub fn source_kind(&self, i: usize) -> Option<EntityKind> {
        let e = self.sources.get(i).copied().flatten()?;
        self.entities.get(e).map(|e| e.kind)
    }
}

/// How many earlier mentions a pronoun or a back reference looks through.
pub const LOOKBACK: usize = 256;

/// Resolves every source mention to an entity.
pub fn resolve(doc: &Document, attributions: &[Attribution]) -> Resolution {
    let mut resolver = Resolver::new(doc, attributions.len());
    let mut order: Vec<usize> = (0..attributions.len()).collect();
    order.sort_by_key(|&i| attributions.get(i).and_then(|a| a.source).map(|s| s.start));
    let mut sources = vec![None; attributions.len()];
    let mut antecedents = vec![None; attributions.len()];
    let mut first_person = Vec::new();
    for i in order {
        let Some(span) = attributions.get(i).and_then(|a| a.source) else {
            continue;
        };
        if let Some(plural) = first_person_pronoun(doc, span) {
            first_person.push((i, span, plural));
            continue;
        }
        let Some((entity, antecedent)) = resolver.mention(span) else {
            continue;
        };
        if let Some(slot) = sources.get_mut(i) {
            *slot = Some(entity);
        }
        if let Some(slot) = antecedents.get_mut(i) {
            *slot = antecedent;
        }
    }
    let pieces = inside::Pieces::of(attributions, |_| true);
    for (i, span, plural) in first_person {
        let speaker = pieces
            .smallest_containing(span, |j| j == i)
            .and_then(|j| sources.get(j).copied().flatten());
        let entity = speaker
            .and_then(|e| resolver.speaker(e, plural))
            .unwrap_or_else(|| {
                let written = mention::display_name(doc.slice(span));
                resolver.entity(EntityKind::Unknown, &written)
            });
        resolver.note(entity, span.trim(&doc.text));
        if let Some(slot) = sources.get_mut(i) {
            *slot = Some(entity);
        }
    }
    let words = attributions
        .iter()
        .map(|a| a.content.iter().map(|&c| doc.words_in(c)).sum())
        .collect();
    let first_reports = attributions
        .iter()
        .map(|a| a.kind == AttributionKind::ReportedBy && says_first(doc, a.cue))
        .collect();
    Resolution {
        entities: resolver.entities,
        sources,
        words,
        first_reports,
        antecedents,
    }
}

/// Whether a source mention is a first-person pronoun, and if so whether
/// it is plural ("we", "us", "our").
fn first_person_pronoun(doc: &Document, span: Span) -> Option<bool> {
    // No letter outside ASCII lower-cases to one of these words' letters,
    // so comparing ASCII case-blind is the same as lower-casing.
    let word = doc.slice(span).trim();
    let is = |list: [&str; 3]| list.iter().any(|p| word.eq_ignore_ascii_case(p));
    if is(["i", "me", "my"]) {
        Some(false)
    } else if is(["we", "us", "our"]) {
        Some(true)
    } else {
        None
    }
}

/// Whether a cue credits first reporting: it starts with "first" ("First
/// reported by") or "first" comes right before it ("was first reported by").
fn says_first(doc: &Document, cue: Span) -> bool {
    let is_first = |w: &str| w.eq_ignore_ascii_case("first");
    let cue_first = doc
        .slice(cue)
        .split_whitespace()
        .next()
        .is_some_and(is_first);
    let before = doc.text.get(..cue.start()).unwrap_or("");
    cue_first || before.split_whitespace().next_back().is_some_and(is_first)
}

/// An organisation's name from its first capitalised word on ("the
/// nonpartisan Congressional Budget Office" → "Congressional Budget
/// Office"); as written without "the" when no word is capitalised.
fn org_name(written: &str) -> String {
    let display = mention::display_name(written);
    let start = display
        .split(' ')
        .scan(0, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .find(|(_, w)| w.starts_with(char::is_uppercase))
        .map_or(0, |(at, _)| at);
    display.get(start..).unwrap_or(&display).to_string()
}

/// A name without a leading "the" and outer white space.
fn strip_article(name: &str) -> &str {
    let name = name.trim();
    match name.get(..4) {
        Some(the) if the.eq_ignore_ascii_case("the ") => name.get(4..).unwrap_or("").trim(),
        _ => name,
    }
}

/// An [`Affiliation`] borrowed: from a reading, or a name as written.
#[derive(Clone, Copy, Debug)]
enum AffiliationRef<'a> {
    Named(&'a str),
    Focus(&'a str),
}

impl<'a> From<&'a Affiliation> for AffiliationRef<'a> {
    fn from(a: &'a Affiliation) -> Self {
        match a {
            Affiliation::Named(name) => AffiliationRef::Named(name),
            Affiliation::Focus(noun) => AffiliationRef::Focus(noun),
        }
    }
}

/// The entities with one lower-case name.
#[derive(Clone, Copy, Debug)]
struct Named {
    /// The entity of each kind ([`EntityKind`] as an index).
    by_kind: [Option<usize>; EntityKind::COUNT],
    /// The first entity made with the name, of any kind.
    first: usize,
}

/// The state of resolution while walking the mentions in text order.
struct Resolver<'d> {
    doc: &'d Document,
    scan: Scan<'d>,
    entities: Vec<Entity>,
    /// The entities of each lower-case name: one lookup (without
    /// allocating, for a short ASCII name) finds both the entity of a kind
    /// and the first of any kind.
    names: HashMap<String, Named>,
    /// Mentions resolved so far, in text order.
    log: Vec<(Span, usize)>,
    seen_mentions: HashSet<(usize, Span)>,
    /// The last report mentioned ("the Post report", "a new report").
    last_report: Option<usize>,
    /// The last document entity for each document noun.
    documents: HashMap<String, usize>,
    /// Names and name words of people, kept out of the focus.
    person_words: HashSet<String>,
    /// End offsets of unambiguous outlet names in the text, by outlet: of
    /// every name the finder has passed.
    outlet_ends: HashMap<String, Vec<usize>>,
    /// Finds the outlet names of the text, reading it only as far as a
    /// mention needs (made on first need).
    outlet_finder: Option<Finder<'static, 'd>>,
    /// The antecedent of the pronoun being resolved.
    antecedent: Option<Span>,
    /// What the whole article keeps for a word (made on first need).
    whole: Option<WholeNames<'d>>,
    /// The first person with each word in their name.
    first_person_with: HashMap<String, usize>,
    /// How many of the document's links go to each outlet (counted on
    /// first need).
    linked: Option<HashMap<String, usize>>,
    /// Each mention text read so far and its reading: a reading depends
    /// only on the text (its lower case is the document's at the same
    /// bytes) and on which words the article writes in lower case, the
    /// same for the whole article, so a source named again ("Trump said"
    /// thirty times) is read once.
    readings: HashMap<&'d str, Option<Rc<Reading>>>,
    /// The words of the mention being read (one list for every mention).
    words: Vec<mention::Word<'d>>,
}

impl<'d> Resolver<'d> {
    /// A resolver with nothing resolved yet, sized for `mentions` source
    /// mentions (each may make an entity and is logged once), so that its
    /// tables seldom grow.
    fn new(doc: &'d Document, mentions: usize) -> Resolver<'d> {
        Resolver {
            doc,
            scan: Scan::new(doc),
            entities: Vec::with_capacity(mentions),
            names: HashMap::with_capacity_and_hasher(mentions, Default::default()),
            log: Vec::with_capacity(mentions),
            seen_mentions: HashSet::with_capacity_and_hasher(mentions, Default::default()),
            last_report: None,
            documents: HashMap::default(),
            person_words: HashSet::default(),
            outlet_ends: HashMap::default(),
            outlet_finder: None,
            antecedent: None,
            whole: None,
            first_person_with: HashMap::default(),
            linked: None,
            readings: HashMap::with_capacity_and_hasher(mentions, Default::default()),
            words: Vec::new(),
        }
    }

    /// Resolves one source mention; `None` when it has no word. Gives the
    /// entity and, for a pronoun, the span of its antecedent.
    fn mention(&mut self, span: Span) -> Option<(usize, Option<Span>)> {
        let span = span.trim(&self.doc.text);
        self.scan.advance(span.start());
        let reading = self.read(span)?;
        self.antecedent = None;
        let entity = self.settle(&reading, span);
        self.note(entity, span);
        Some((entity, self.antecedent.take()))
    }

    /// Who a first-person pronoun inside `speaker`'s content is: the
    /// speaker for "I"; for "we", the speaker when it is an organisation,
    /// group, outlet or anonymous source, else the organisation a person
    /// speaks for (an outlet when the outlet list knows it).
    fn speaker(&mut self, speaker: usize, plural: bool) -> Option<usize> {
        let entity = self.entities.get(speaker)?;
        let speaks_as = matches!(
            (plural, entity.kind),
            (
                false,
                EntityKind::Person | EntityKind::Anonymous | EntityKind::Unknown
            ) | (
                true,
                EntityKind::Organisation
                    | EntityKind::Group
                    | EntityKind::Outlet
                    | EntityKind::Anonymous
            )
        );
        if speaks_as {
            return Some(speaker);
        }
        if !plural || entity.kind != EntityKind::Person {
            return None;
        }
        let affiliation = entity.affiliation.clone()?;
        let kind = match Outlets::active().lookup_name(&affiliation) {
            Lookup::One(_) => EntityKind::Outlet,
            _ => EntityKind::Organisation,
        };
        Some(self.entity(kind, &affiliation))
    }

    /// Reads a mention, knowing which words the article writes in lower
    /// case (each text read once: see [`Resolver::readings`]; shared, not
    /// copied, when read again).
    fn read(&mut self, span: Span) -> Option<Rc<Reading>> {
        let doc: &'d Document = self.doc;
        let text = doc.slice(span);
        if let Some(reading) = self.readings.get(text) {
            return reading.clone();
        }
        let lower = doc.lower_of(span).unwrap_or("");
        let scan = &self.scan;
        let reading = mention::read_lower_in(text, lower, &|w| scan.is_common(w), &mut self.words)
            .map(Rc::new);
        self.readings.insert(text, reading.clone());
        reading
    }

    /// Records that `span` mentions `entity`.
    fn note(&mut self, entity: usize, span: Span) {
        if self.seen_mentions.insert((entity, span)) {
            if let Some(e) = self.entities.get_mut(entity) {
                e.mentions.push(span);
            }
        }
        self.log.push((span, entity));
    }

    /// Turns a reading into an entity, using what came before `span`. The
    /// reading is borrowed (it may be read again): its words are copied
    /// only into a new entity.
    fn settle(&mut self, reading: &Reading, span: Span) -> usize {
        match reading {
            Reading::Pronoun(p) => self.pronoun(p, span).unwrap_or_else(|| {
                let doc = self.doc;
                self.entity(EntityKind::Unknown, doc.slice(span))
            }),
            Reading::Outlet {
                candidates,
                written,
                report,
            } => {
                let e = self.outlet(candidates, written, span.start());
                if *report {
                    self.last_report = Some(e);
                }
                e
            }
            Reading::ReportBack { head, name } => match self.last_report {
                Some(e) => e,
                None => self.document(name, head, false),
            },
            Reading::Document {
                name,
                head,
                definite,
                affiliation,
            } => {
                let e = self.document(name, head, *definite);
                self.describe(e, None, affiliation.as_ref().map(Into::into));
                e
            }
            Reading::Anonymous {
                name,
                role,
                affiliation,
            } => {
                let e = self.entity(EntityKind::Anonymous, name);
                self.describe(e, role.as_deref(), affiliation.as_ref().map(Into::into));
                e
            }
            Reading::Person {
                name,
                role,
                affiliation,
            } => {
                let e = self.person(name);
                self.describe(e, role.as_deref(), affiliation.as_ref().map(Into::into));
                e
            }
            Reading::Surname(word) => self.surname(word),
            Reading::Group { name, affiliation } => {
                let e = self.entity(EntityKind::Group, name);
                self.describe(e, None, affiliation.as_deref().map(AffiliationRef::Named));
                e
            }
            Reading::GroupBack { head, name } => {
                let group = self.scan.group_by_head(head).map(|g| g.name.clone());
                match group.and_then(|g| self.group(&g, false)) {
                    Some(e) => e,
                    None => self.entity(EntityKind::Anonymous, name),
                }
            }
            Reading::RoleBack {
                role,
                affiliation,
                name,
            } => match self.last_person_with_role(role) {
                Some(e) => e,
                None => {
                    let e = self.entity(EntityKind::Anonymous, name);
                    self.describe(e, Some(role), affiliation.as_ref().map(Into::into));
                    e
                }
            },
            Reading::Organisation { name } => {
                let name = org_name(name);
                self.entity(EntityKind::Organisation, &name)
            }
            Reading::FocusOrg { noun, name } => match self.focus(noun) {
                Some(focus) => self.entity(EntityKind::Organisation, &focus),
                None => self.entity(EntityKind::Organisation, name),
            },
            Reading::Unknown { name } => self.entity(EntityKind::Unknown, name),
        }
    }

    /// The entity of this kind and name, made when new (the name copied
    /// only then).
    fn entity(&mut self, kind: EntityKind, name: &str) -> usize {
        let e = self.entities.len();
        // One lower-casing and one lookup: an entity of this kind, else
        // `e` noted as the entity of this kind (and the first of the name
        // when it is new).
        let names = &mut self.names;
        let known = with_lower(name, |lower| {
            if let Some(named) = names.get_mut(lower) {
                let slot = named.by_kind.get_mut(kind as usize)?;
                if slot.is_some() {
                    return *slot;
                }
                *slot = Some(e);
                return None;
            }
            let mut by_kind = [None; EntityKind::COUNT];
            if let Some(slot) = by_kind.get_mut(kind as usize) {
                *slot = Some(e);
            }
            names.insert(lower.to_string(), Named { by_kind, first: e });
            None
        });
        if let Some(known) = known {
            return known;
        }
        if kind == EntityKind::Person {
            self.person_words.insert(name.to_string());
            for word in name.split_whitespace() {
                self.person_words.insert(word.to_string());
                self.first_person_with.entry(word.to_string()).or_insert(e);
            }
        }
        self.entities.push(Entity {
            name: name.to_string(),
            kind,
            role: None,
            affiliation: None,
            mentions: Vec::new(),
            ambiguous: Vec::new(),
        });
        e
    }

    /// The entity of this kind with this lower-case name, if made.
    fn named(&self, lower: &str, kind: EntityKind) -> Option<usize> {
        let named = self.names.get(lower)?;
        named.by_kind.get(kind as usize).copied().flatten()
    }

    /// Fills in a role and affiliation the entity does not have yet (the
    /// affiliation is worked out only then).
    fn describe(&mut self, e: usize, role: Option<&str>, affiliation: Option<AffiliationRef<'_>>) {
        let Some(entity) = self.entities.get(e) else {
            return;
        };
        let affiliation = match affiliation {
            Some(a) if entity.affiliation.is_none() => self.affiliation(a),
            _ => None,
        };
        if let Some(entity) = self.entities.get_mut(e) {
            if entity.role.is_none() {
                entity.role = role.filter(|r| !r.is_empty()).map(str::to_string);
            }
            if entity.affiliation.is_none() {
                entity.affiliation = affiliation;
            }
        }
    }

    /// An affiliation as a name: an outlet by its canonical name, a focus
    /// noun by the organisation it stands for.
    fn affiliation(&mut self, a: AffiliationRef<'_>) -> Option<String> {
        match a {
            AffiliationRef::Named(name) => {
                let name = strip_article(name);
                let place = with_lower(name, |lower| source_words().places.contains(lower));
                match Outlets::active().lookup_name(name) {
                    Lookup::One(outlet) if !place => Some(outlet.name.clone()),
                    _ => Some(name.to_string()).filter(|n| !n.is_empty()),
                }
            }
            AffiliationRef::Focus(noun) => self.focus(noun),
        }
    }

    /// The organisation a focus noun stands for ("the embassy" → the last
    /// name ending in Embassy; "the company" → that, else the organisation
    /// in focus).
    fn focus(&mut self, noun: &str) -> Option<String> {
        if let Some(name) = self.scan.by_head(noun) {
            return Some(name.to_string());
        }
        let org = self.last_in_log(|e| {
            e.kind == EntityKind::Organisation
                && e.name
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| w.eq_ignore_ascii_case(noun))
        });
        if let Some(e) = org.and_then(|e| self.entities.get(e)) {
            return Some(e.name.clone());
        }
        if source_words().business.contains(noun) {
            return self.scan.focus(&self.person_words);
        }
        None
    }

    /// The outlet entity for a mention's candidates.
    fn outlet(&mut self, candidates: &[String], written: &str, at: usize) -> usize {
        let chosen = match candidates {
            [one] => return self.entity(EntityKind::Outlet, one),
            _ => self.disambiguate(candidates, at),
        };
        match chosen {
            Some(name) => self.entity(EntityKind::Outlet, &name),
            None => {
                let name = mention::display_name(written);
                let e = self.entity(EntityKind::Outlet, &name);
                if let Some(entity) = self.entities.get_mut(e) {
                    entity.ambiguous = candidates.to_vec();
                }
                e
            }
        }
    }

    /// Chooses among outlets sharing a short form: the one named in full
    /// last before `at`, else the one the document links to most (when no
    /// other candidate is linked as often).
    fn disambiguate(&mut self, candidates: &[String], at: usize) -> Option<String> {
        let ends = self.outlet_ends(at);
        let named = candidates
            .iter()
            .filter_map(|c| {
                let list = ends.get(c)?;
                let k = list.partition_point(|&end| end <= at);
                list.get(k.checked_sub(1)?).map(|&end| (end, c))
            })
            .max();
        if let Some((_, name)) = named {
            return Some(name.clone());
        }
        let doc = self.doc;
        let linked = self.linked.get_or_insert_with(|| {
            let mut counts: HashMap<String, usize> = HashMap::default();
            for link in &doc.links {
                if let Some(outlet) = Outlets::active().lookup_domain(&link.href) {
                    *counts.entry(outlet.name.clone()).or_default() += 1;
                }
            }
            counts
        });
        let counted: Vec<(&String, usize)> = candidates
            .iter()
            .filter_map(|c| linked.get(c).map(|&n| (c, n)))
            .collect();
        let top = counted.iter().map(|&(_, n)| n).max()?;
        let mut best = counted.iter().filter(|&&(_, n)| n == top);
        let (name, _) = best.next()?;
        best.next().is_none().then(|| name.to_string())
    }

    /// End offsets of the unambiguous outlet names in the text, by outlet:
    /// of every one starting before `at` (and so of every one ending by
    /// then), and maybe of some after it.
    fn outlet_ends(&mut self, at: usize) -> &HashMap<String, Vec<usize>> {
        let text = &self.doc.text;
        let finder = self
            .outlet_finder
            .get_or_insert_with(|| Outlets::active().finder(text));
        while let Some((range, found)) = finder.next_before(at) {
            if let Lookup::One(outlet) = found {
                self.outlet_ends
                    .entry(outlet.name.clone())
                    .or_default()
                    .push(range.end);
            }
        }
        &self.outlet_ends
    }

    /// A document entity: "the poll" is the last document with that noun;
    /// otherwise a new document named as written.
    fn document(&mut self, name: &str, head: &str, definite: bool) -> usize {
        let e = match self.documents.get(head) {
            Some(&e) if definite => e,
            _ => self.entity(EntityKind::Document, name),
        };
        match self.documents.get_mut(head) {
            Some(last) => *last = e,
            None => {
                self.documents.insert(head.to_string(), e);
            }
        }
        if source_words().reports.contains(head) {
            self.last_report = Some(e);
        }
        e
    }

    /// A person by full name; a one-word name goes to an earlier person who
    /// has it as a word ("Mr. Haurek").
    fn person(&mut self, name: &str) -> usize {
        if !name.contains(char::is_whitespace) {
            if let Some(e) = self.person_with_word(name) {
                return e;
            }
        }
        self.entity(EntityKind::Person, name)
    }

    /// A single capitalised word: an earlier person with that word in their
    /// name, an entity of that name, a full name the text gave before, else
    /// unknown.
    fn surname(&mut self, word: &str) -> usize {
        if let Some(e) = self.person_with_word(word) {
            return e;
        }
        if let Some(e) = with_lower(word, |lower| self.names.get(lower).map(|n| n.first)) {
            return e;
        }
        if let Some(full) = self.scan.full_name(word) {
            return self.entity(EntityKind::Person, full);
        }
        // The article may give the full name or a title only later.
        let (doc, scan) = (self.doc, &mut self.scan);
        let whole = self.whole.get_or_insert_with(|| WholeNames::new(doc));
        match whole.of(word, scan) {
            WholeName::Full(full) => self.entity(EntityKind::Person, full),
            WholeName::Titled => self.entity(EntityKind::Person, word),
            WholeName::Unknown => self.entity(EntityKind::Unknown, word),
        }
    }

    /// The most recently mentioned person with `word` as one of the words
    /// of their name.
    fn person_with_word(&self, word: &str) -> Option<usize> {
        let recent = self.last_in_log(|e| {
            e.kind == EntityKind::Person && e.name.split_whitespace().any(|w| w == word)
        });
        recent.or_else(|| self.first_person_with.get(word).copied())
    }

    /// The most recently mentioned person with this role.
    fn last_person_with_role(&self, role: &str) -> Option<usize> {
        let head = role.split_whitespace().last().unwrap_or(role);
        self.last_in_log(|e| {
            e.kind == EntityKind::Person
                && e.role
                    .as_deref()
                    .is_some_and(|r| r.split_whitespace().last() == Some(head))
        })
    }

    /// The entity of the group the text names `name`; `with_text` adds the
    /// text's own mentions of it (all of them when the entity is new, else
    /// the last).
    fn group(&mut self, name: &str, with_text: bool) -> Option<usize> {
        let g = self.scan.group_named(name)?;
        let (name, affiliation) = (g.name.clone(), g.affiliation.clone());
        let mut spans = if with_text {
            g.spans.clone()
        } else {
            Vec::new()
        };
        let new = with_lower(&name, |lower| self.named(lower, EntityKind::Group)).is_none();
        if !new {
            // Only the last of the text's mentions.
            spans.drain(..spans.len().saturating_sub(1));
        }
        let e = self.entity(EntityKind::Group, &name);
        self.describe(e, None, affiliation.as_deref().map(AffiliationRef::Named));
        for span in spans {
            if self.seen_mentions.insert((e, span)) {
                if let Some(entity) = self.entities.get_mut(e) {
                    entity.mentions.push(span);
                }
            }
        }
        Some(e)
    }

    /// The most recent entity in the log that `ok` accepts, looking back
    /// through at most [`LOOKBACK`] mentions.
    fn last_in_log(&self, ok: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.last_in_log_at(ok).map(|(_, e)| e)
    }

    /// As [`Self::last_in_log`], with the span of that mention.
    fn last_in_log_at(&self, ok: impl Fn(&Entity) -> bool) -> Option<(Span, usize)> {
        self.log
            .iter()
            .rev()
            .take(LOOKBACK)
            .find(|(_, e)| self.entities.get(*e).is_some_and(&ok))
            .copied()
    }

    /// The antecedent of a pronoun, if any.
    fn pronoun(&mut self, p: &str, span: Span) -> Option<usize> {
        let found = match p {
            "he" | "she" | "him" | "his" | "her" | "hers" => self
                .last_in_log_at(|e| e.kind == EntityKind::Person)
                .or_else(|| {
                    let (at, name) = self.scan.last_person()?;
                    let name = name.to_string();
                    Some((at, self.person(&name)))
                }),
            "they" | "them" | "their" => {
                let entity = self.last_in_log_at(|e| {
                    matches!(
                        e.kind,
                        EntityKind::Group | EntityKind::Anonymous | EntityKind::Organisation
                    )
                });
                let group = self.scan.last_group().map(|(g, end)| (g.name.clone(), end));
                match (entity, group) {
                    (Some((at, _)), Some((g, end))) if end > at.end() => self.text_group(&g),
                    (None, Some((g, _))) => self.text_group(&g),
                    (entity, _) => entity,
                }
            }
            "it" | "its" => self.last_in_log_at(|e| {
                matches!(
                    e.kind,
                    EntityKind::Organisation | EntityKind::Outlet | EntityKind::Document
                )
            }),
            "who" | "whom" | "whose" | "which" | "that" => self.relative(span),
            _ => None,
        };
        let (at, e) = found?;
        self.antecedent = Some(at);
        Some(e)
    }

    /// The entity of a group the text named, with the span of its last
    /// mention.
    fn text_group(&mut self, name: &str) -> Option<(Span, usize)> {
        let at = self.scan.group_named(name)?.spans.last().copied()?;
        Some((at, self.group(name, true)?))
    }

    /// The antecedent of a relative pronoun: the entity whose mention ends
    /// right before it, with only white space and commas between; else the
    /// noun phrase that ends there, read as a mention of its own.
    fn relative(&mut self, span: Span) -> Option<(Span, usize)> {
        let before = self.doc.text.get(..span.start())?;
        let end = before
            .trim_end_matches(|c: char| c.is_whitespace() || c == ',')
            .len();
        let logged = self
            .log
            .iter()
            .rev()
            .take(LOOKBACK)
            .find(|(s, _)| s.end() == end)
            .copied();
        if logged.is_some() {
            return logged;
        }
        let np = self.preceding_np(end)?;
        let reading = self.read(np)?;
        if matches!(*reading, Reading::Pronoun(_)) {
            return None;
        }
        let e = self.settle(&reading, np);
        self.note(e, np);
        Some((np, e))
    }

    /// The noun phrase that ends at byte `end`: a run of capitalised words
    /// (with initials and "of" inside) and a determiner before it, or a
    /// lower-case phrase back to its determiner (at most five words; just
    /// the last word when no determiner comes).
    fn preceding_np(&self, end: usize) -> Option<Span> {
        let tokens = &self.doc.tokens;
        let last = tokens
            .partition_point(|t| t.span.end() <= end)
            .checked_sub(1)?;
        let token = tokens
            .get(last)
            .filter(|t| t.span.end() == end && t.kind.is_word())?;
        let text = |i: usize| tokens.get(i).map_or("", |t| self.doc.slice(t.span));
        let capital = |i: usize| text(i).starts_with(char::is_uppercase);
        let dets = &source_words().dets;
        let mut first = last;
        if capital(last) {
            while let Some(prev) = first.checked_sub(1) {
                let inner = capital(prev)
                    || text(prev) == "." && prev.checked_sub(1).is_some_and(|p| text(p).len() == 1)
                    || text(prev) == "of" && prev.checked_sub(1).is_some_and(capital);
                if !inner || last - prev > 8 {
                    break;
                }
                first = prev;
            }
            if let Some(prev) = first.checked_sub(1) {
                if dets.contains(&text(prev).to_lowercase()) {
                    first = prev;
                }
            }
        } else {
            let mut k = last;
            while let Some(prev) = k.checked_sub(1) {
                if last - prev > 4 || !tokens.get(prev).is_some_and(|t| t.kind.is_word()) {
                    break;
                }
                k = prev;
                if dets.contains(&text(prev).to_lowercase()) {
                    first = prev;
                    break;
                }
            }
        }
        let start = tokens.get(first)?.span.start();
        Some(Span::new(start, token.span.end()))
    }
}

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod tests;
