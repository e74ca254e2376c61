//! Verb and noun cues: the verb group around a cue verb, what follows it
//! (recipient, time and medium phrases, the complementizer) and the order
//! of source, cue and content around it.
//!
//! Input type of this layer: the [`View`] and token indices of one
//! sentence; look-left and look-right windows are bounded by the sentence.

use super::content;
use super::quotes::Quotes;
use super::source;
use super::view::{Sent, View};
use super::{AttributionKind, Found};
use crate::lexicon::cues::{self, Class, CueClass, Form, VerbForm};

/// The most tokens of a verb group left of its verb ("has not yet said").
const MAX_GROUP: usize = 5;
/// The most tokens of a recipient ("told the committee's members").
const MAX_RECIPIENT: usize = 7;

/// Whether token `i` is the `t` of a split "n’t".
fn is_nt(v: &View, i: usize) -> bool {
    v.w(i) == "t"
        && matches!(v.raw(i.wrapping_sub(1)), "’" | "'")
        && v.w(i.wrapping_sub(2)).ends_with('n')
}

/// Whether token `i` is the `s`, `ve`, `ll`, `d` or `re` of a contracted
/// auxiliary after a pronoun ("he’s said", "they’ve argued").
fn is_contracted_aux(v: &View, i: usize) -> bool {
    matches!(v.w(i), "s" | "ve" | "ll" | "d" | "re")
        && matches!(v.raw(i.wrapping_sub(1)), "’" | "'")
        && cues::is(Class::Pronoun, v.w(i.wrapping_sub(2)))
}

/// Whether a lowercase word is an -ly adverb ("repeatedly"), not a noun or
/// adjective that ends in -ly ("daily", "family", "supply").
fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && !matches!(
            w,
            "daily"
                | "weekly"
                | "monthly"
                | "yearly"
                | "early"
                | "family"
                | "rally"
                | "supply"
                | "apply"
                | "reply"
                | "assembly"
                | "ally"
                | "belly"
                | "holly"
                | "likely"
                | "friendly"
                | "elderly"
                | "lonely"
                | "costly"
                | "deadly"
                | "orderly"
                | "only"
                | "july"
                | "italy"
        )
}

/// Whether token `i` may stand in a verb group before its verb.
fn group_word(v: &View, i: usize) -> bool {
    let w = v.w(i);
    if !v.is_word(i) {
        // The apostrophe of "n’t" or of a contracted auxiliary ("he’s").
        return matches!(v.raw(i), "’" | "'") && (is_nt(v, i + 1) || is_contracted_aux(v, i + 1));
    }
    if is_contracted_aux(v, i) {
        return true;
    }
    cues::is(Class::Aux, w)
        || cues::is(Class::Neg, w)
        || cues::is(Class::Adverb, w)
        || is_nt(v, i)
        || (is_ly_adverb(w) && !v.is_cap(i) && !cues::is(Class::Determiner, v.w(i.wrapping_sub(1))))
        || w == "didn"
        || w == "isn"
        || w == "aren"
        || w == "weren"
        || w == "won"
        || w == "shouldn"
        || w == "hadn"
        || w == "doesn"
        || w == "don"
        || w == "hasn"
        || w == "haven"
        || w == "wasn"
        || w == "wouldn"
        || w == "couldn"
}

/// group_start := (aux | neg | adverb)* before the verb at `i`
pub fn group_start(v: &View, lo: usize, i: usize) -> usize {
    let mut s = i;
    while s > lo && i - s < MAX_GROUP && group_word(v, s - 1) {
        s -= 1;
    }
    // Never start on a bare adverb that has no verb word after it in the group.
    s
}

/// Whether the verb group `[gs, i)` holds a form of "be" (a passive or a
/// progressive).
fn has_be(v: &View, gs: usize, i: usize) -> bool {
    (gs..i).any(|k| {
        matches!(
            v.w(k),
            "is" | "was" | "were" | "are" | "am" | "be" | "been" | "being"
        )
    })
}

/// Skips a time phrase at `i` ("on Monday", "last week", "Tuesday",
/// "earlier this month"): the index after it.
pub fn skip_time(v: &View, i: usize, end: usize) -> usize {
    let mut k = i;
    let start = i;
    while k < end && k - start < 4 {
        let w = v.w(k);
        if cues::is(Class::Time, w)
            || (k == start && matches!(w, "on" | "in" | "at" | "this" | "earlier" | "late"))
            || (k > start && matches!(w, "this" | "that" | "next" | "the"))
        {
            k += 1;
            continue;
        }
        break;
    }
    // A time phrase must end on a time word.
    while k > start && !cues::is(Class::Time, v.w(k - 1)) {
        k -= 1;
    }
    k
}

/// medium := ("in" | "on" | "during") [det] [adj] MEDIUM ["with" NP]
/// ("in a statement", "on Twitter"): the index after it, if there is one.
fn skip_medium(v: &View, i: usize, end: usize) -> Option<usize> {
    if !matches!(v.w(i), "in" | "on" | "during" | "via" | "through") {
        return None;
    }
    let mut k = i + 1;
    while k < end && k - i <= 4 {
        if cues::is(Class::Medium, v.w(k)) {
            return Some(k + 1);
        }
        if !v.is_word(k) {
            return None;
        }
        k += 1;
    }
    None
}

/// Skips a recipient after a verb of telling ("told reporters", "told the
/// Post on Monday"): the index after it.
fn skip_recipient(v: &View, i: usize, end: usize) -> usize {
    let mut k = i;
    while k < end && k - i < MAX_RECIPIENT {
        let w = v.w(k);
        if k > i && (matches!(w, "he" | "she" | "they" | "i" | "we") || cues::is(Class::Time, w)) {
            break;
        }
        if matches!(w, "of" | "in" | "at") && v.is_cap(k + 1) && k > i {
            k += 2;
            continue;
        }
        if v.is_quote(k)
            || matches!(w, "," | ":" | ";" | "—" | "." | "to")
            || cues::is(Class::Complementizer, w)
            || matches!(w, "about" | "of" | "in" | "on" | "during")
        {
            break;
        }
        k += 1;
    }
    k
}

/// The start of the content after the cue ends at `c`, for a cue class:
/// `None` where the class needs something that is not there.
fn content_start(v: &View, class: CueClass, c: usize, end: usize) -> Option<usize> {
    let mut c = c;
    while c < end && matches!(v.raw(c), "," | ":") {
        c += 1;
    }
    if c >= end || !(v.is_word(c) || v.is_quote(c)) {
        return None;
    }
    let w = v.w(c);
    let strong = cues::is(Class::Complementizer, w) || v.is_quote(c);
    match class {
        CueClass::Intent => (w == "to" || w == "that" || v.is_quote(c)).then_some(c),
        // "reminded voters of …", "told them about …"
        CueClass::Tell if matches!(w, "of" | "about") => Some(c),
        CueClass::Speech | CueClass::Tell | CueClass::Belief => {
            if w == "to" && class != CueClass::Tell {
                return None;
            }
            let quantity = matches!(w, "about" | "over" | "nearly" | "under")
                && (v
                    .toks
                    .get(c + 1)
                    .is_some_and(|t| t.kind == crate::document::TokenKind::Number)
                    || matches!(v.w(c + 1), "half" | "a" | "one" | "two" | "three"));
            if !strong && !quantity && cues::is(Class::Preposition, w) && w != "to" {
                return None;
            }
            Some(c)
        }
        CueClass::Evidence => {
            (strong || cues::is(Class::Determiner, w) || v.is_cap(c) || w == "no").then_some(c)
        }
        CueClass::Attitude => {
            (!cues::is(Class::Preposition, w) || w == "as" || w == "for").then_some(c)
        }
    }
}

/// What ends the cue at `i` and what follows it.
struct After {
    /// One past the cue.
    cue_end: usize,
    /// Where content may start (after recipient and time phrases).
    next: usize,
}

/// Reads the particle, linking preposition, medium phrase, colon, time
/// phrase and recipient after the cue verb at `i`.
fn read_after(v: &View, vf: VerbForm, i: usize, end: usize) -> Option<After> {
    let mut cue_end = i + 1;
    if let Some(p) = vf.particle {
        if v.w(cue_end) != p {
            return None;
        }
        cue_end += 1;
    }
    // Adverbs right after the verb ("said repeatedly").
    while cue_end < end && v.w(cue_end).ends_with("ly") && v.w(cue_end).len() > 4 {
        cue_end += 1;
    }
    let mut next = skip_time(v, cue_end, end);
    let mut medium = false;
    if let Some(m) = skip_medium(v, next, end) {
        cue_end = m;
        next = skip_time(v, m, end);
        medium = true;
    }
    let link = v.w(next);
    let link_ok = cues::is(Class::Link, link) || (link == "at" && vf.particle.is_some());
    if !medium
        && vf.lemma != "say"
        && link_ok
        && next == cue_end
        && (vf.class != CueClass::Intent || link == "for")
        && skip_time(v, next + 1, end) == next + 1
    {
        cue_end = next + 1;
        next = cue_end;
    }
    if vf.class == CueClass::Tell {
        next = skip_recipient(v, next, end);
        next = skip_time(v, next, end);
    }
    if v.is_punct(next, ":") && next == cue_end {
        cue_end += 1;
        next += 1;
    }
    Some(After { cue_end, next })
}

/// Finds the verb cues of a sentence.
pub fn verbs(v: &View, q: &Quotes, sent: &Sent, out: &mut Vec<Found>) {
    let first_new = out.len();
    for i in sent.start..sent.end {
        if !v.is_word(i) {
            continue;
        }
        let Some(vf) = cues::verb_before(v.w(i), v.w(i + 1)) else {
            continue;
        };
        if out
            .get(first_new..)
            .unwrap_or(&[])
            .iter()
            .any(|f| f.cue.0 <= i && i < f.cue.1)
        {
            continue;
        }
        if let Some(f) = verb_cue(v, q, sent, i, vf, out.get(first_new..).unwrap_or(&[])) {
            cut_before_clause(v, out.get_mut(first_new..).unwrap_or(&mut []), &f);
            out.push(f);
        }
    }
}

/// Where a new clause starts before token `k`: a conjunction ("and",
/// "but", "though") and/or a comma or semicolon right before it.
fn clause_break(v: &View, k: usize) -> Option<usize> {
    let mut j = k;
    let mut conj = false;
    while j > 0
        && matches!(
            v.w(j - 1),
            "and" | "but" | "though" | "although" | "while" | "yet"
        )
    {
        j -= 1;
        conj = true;
    }
    if j > 0 && matches!(v.raw(j - 1), "," | ";") {
        return Some(j - 1);
    }
    conj.then_some(j)
}

/// "X announced A and said B", "X said A, but Y argued B": ends the earlier
/// attribution's content where the later one's clause begins.
fn cut_before_clause(v: &View, earlier: &mut [Found], f: &Found) {
    // "X praised A and said B", "X attacked A, saying B": the shared source
    // stands before the first cue.
    if matches!(v.w(f.cue.0.wrapping_sub(1)), "and" | "but" | "then" | ",")
        && f.source.is_some_and(|s| s.1 + 1 < f.cue.0)
    {
        if let Some(cut) = clause_break(v, f.cue.0) {
            cut_at(v, earlier, cut, f.cue.0);
        }
        return;
    }
    // "critics who say …": the relative clause is its own attribution.
    if let Some((a, b)) = f.source {
        if b == a + 1 && matches!(v.w(a), "who" | "which" | "that") && a + 1 == f.cue.0 {
            cut_at(v, earlier, a, a);
            return;
        }
    }
    let start = f.source.map_or(f.cue.0, |s| s.0.min(f.cue.0));
    let start = if f.source.is_some_and(|s| s.0 > f.cue.0) {
        f.cue.0
    } else {
        start
    };
    let Some(cut) = clause_break(v, start) else {
        return;
    };
    cut_at(v, earlier, cut, start);
}

/// Ends every earlier content piece that runs over `start` at `cut`.
fn cut_at(v: &View, earlier: &mut [Found], cut: usize, start: usize) {
    for e in earlier.iter_mut() {
        for piece in e.content.iter_mut() {
            if piece.0 < cut && start < piece.1 {
                let mut end = cut;
                while end > piece.0 && !v.is_word(end - 1) && !v.is_quote(end - 1) {
                    end -= 1;
                }
                piece.1 = end;
            }
        }
    }
}

/// Whether most words of a sentence are capitalised (a headline).
fn is_title_case(v: &View, sent: &Sent) -> bool {
    let (mut caps, mut words) = (0, 0);
    for k in sent.start..sent.end.min(sent.start + 40) {
        if v.toks
            .get(k)
            .is_some_and(|t| t.kind == crate::document::TokenKind::Word)
        {
            words += 1;
            caps += usize::from(v.is_cap(k));
        }
    }
    caps * 4 >= words * 3
}

/// The attribution a cue verb at `i` makes, if any.
fn verb_cue(
    v: &View,
    q: &Quotes,
    sent: &Sent,
    i: usize,
    vf: VerbForm,
    earlier: &[Found],
) -> Option<Found> {
    // Capitalised mid-sentence: a name ("Hope Hicks"), unless the sentence
    // is in title case (a headline).
    let prev_open = i > sent.start && (v.is_open_quote(i - 1) || !v.is_word(i - 1));
    let title_case = v.is_cap(i.wrapping_sub(1)) && v.is_cap(i + 1) && is_title_case(v, sent);
    if v.is_cap(i) && i > sent.start && !prev_open && !title_case {
        return None;
    }
    // "reported receiving": an experience, not a report.
    if vf.lemma == "report" && v.w(i + 1).ends_with("ing") {
        return None;
    }
    let gs = group_start(v, sent.start, i);
    let prev = v.w(i.wrapping_sub(1));
    // An infinitive belongs to the verb before it ("declined to say").
    // An infinitive belongs to a cue verb before it ("declined to say");
    // after any other verb it speaks for the sentence's subject ("stood
    // up to say").
    if vf.form == Form::Base && i > sent.start && prev == "to" {
        let governed = (i.saturating_sub(4)..i - 1).any(|k| cues::verb(v.w(k)).is_some())
            || matches!(
                v.w(i.wrapping_sub(2)),
                "going" | "have" | "has" | "had" | "want" | "wants"
            );
        if governed || !matches!(vf.class, CueClass::Speech | CueClass::Belief) {
            return None;
        }
        let c = content_start(v, vf.class, i + 1, sent.end)?;
        let content = content::forward(v, q, sent, c)?;
        let src = earlier
            .iter()
            .rev()
            .find_map(|f| f.source)
            .or_else(|| source::sentence_subject(v, sent, i - 1))?;
        let mut f = Found::new(AttributionKind::Verb, (i, i + 1), Some(src), content);
        f.chain = false;
        return Some(f);
    }
    // A particle verb takes its object as content ("called for a ban").
    let vf = if vf.particle.is_some() && vf.class == CueClass::Intent {
        VerbForm {
            class: CueClass::Attitude,
            ..vf
        }
    } else {
        vf
    };
    let after = read_after(v, vf, i, sent.end)?;
    if vf.lemma == "ask" && vf.form == Form::Ed && gs == i {
        if let Some(f) = asked(v, q, sent, i) {
            return Some(f);
        }
    }
    // "see" is a cue only as "sees X as Y" or "saw that …".
    if vf.lemma == "see" {
        let next = v.w(i + 1);
        let as_within = (i + 2..sent.end.min(i + 8)).any(|k| v.w(k) == "as");
        if !(matches!(next, "that" | "how" | "why" | "whether") || as_within) {
            return None;
        }
    }
    if matches!(vf.lemma, "seem" | "appear") {
        return seems(v, q, sent, gs, i);
    }
    let be = has_be(v, gs, i);
    let passive = be && matches!(vf.form, Form::Ed | Form::Participle);
    if passive {
        return passive_cue(v, q, sent, gs, i, after);
    }
    // "he’s saying": a contracted "is".
    let contracted_be =
        (gs..i).any(|k| matches!(v.w(k), "s" | "re" | "m") && is_contracted_aux(v, k));
    let participial = vf.form == Form::Ing && !be && !contracted_be;
    if participial {
        let before = v.w(gs.wrapping_sub(1));
        let clause = matches!(
            before,
            "," | "—" | "–" | "-" | "and" | "by" | "while" | "after" | "before" | "when" | "in"
        );
        // "911 calls saying …", "voters saying …": the noun before speaks.
        let noun_before = gs > sent.start
            && v.is_word(gs - 1)
            && !clause
            && !cues::is(Class::Aux, before)
            && !cues::is(Class::Preposition, before)
            && !cues::is(Class::Determiner, before)
            && !cues::is(Class::Pronoun, before)
            && !matches!(
                before,
                "is" | "are" | "was" | "were" | "be" | "been" | "about" | "of"
            );
        if !clause && !noun_before {
            return None;
        }
        let c = content_start(v, vf.class, after.next, sent.end)?;
        let content = content::forward(v, q, sent, c)?;
        let src = if noun_before {
            source::left_np(v, sent.start, gs)
        } else {
            earlier
                .iter()
                .rev()
                .find_map(|f| f.source)
                .or_else(|| source::sentence_subject(v, sent, gs))
        };
        let mut f = Found::new(
            AttributionKind::Verb,
            (gs, after.cue_end),
            Some(src?),
            content,
        );
        f.chain = false;
        return Some(f);
    }
    // A bare -ed or base form directly after a determiner, a possessive or
    // a preposition is a noun or an adjective ("the reported deal", "his
    // comments", "fears of").
    if gs == i && gs > sent.start && noun_context(v, gs - 1, vf) {
        return None;
    }
    if vf.lemma == "call" && vf.form == Form::Ed && gs == i {
        if let Some(f) = naming(v, q, sent, i) {
            return Some(f);
        }
    }
    finite_cue(v, q, sent, (gs, i), vf, after, earlier)
}

/// asked := ("When")? "asked" [adverb] ["on"|"by" NP] (wh | if | whether | about) …","
/// ("Asked whether …, X said"): the question is the content, no source.
fn asked(v: &View, q: &Quotes, sent: &Sent, i: usize) -> Option<Found> {
    let prev = v.w(i.wrapping_sub(1));
    let opens = i == sent.start || matches!(prev, "when" | "if" | "after" | "," | "once");
    if !opens {
        return None;
    }
    let mut k = i + 1;
    while k < sent.end && k - i < 8 && !v.is_punct(k, ",") {
        let w = v.w(k);
        if matches!(
            w,
            "if" | "whether"
                | "about"
                | "what"
                | "why"
                | "how"
                | "who"
                | "when"
                | "where"
                | "which"
        ) {
            break;
        }
        k += 1;
    }
    if !(k < sent.end && v.is_word(k)) {
        return None;
    }
    let mut e = k;
    while e < sent.end && !v.is_punct(e, ",") {
        e += 1;
    }
    if e == k || e >= sent.end {
        return None;
    }
    let _ = q;
    let mut f = Found::new(AttributionKind::Verb, (i, i + 1), None, vec![(k, e)]);
    f.chain = false;
    Some(f)
}

/// seems := verb-group ("seem" | "appear") ("to" | "that" | "as if" | "like") …
/// with a null source, as PolNeAR draws it.
fn seems(v: &View, q: &Quotes, sent: &Sent, gs: usize, i: usize) -> Option<Found> {
    let mut c = i + 1;
    while c < sent.end && v.w(c).ends_with("ly") && v.w(c).len() > 4 {
        c += 1;
    }
    // "seems to be", "appears that": a clause or an infinitive follows.
    if c >= sent.end || !matches!(v.w(c), "to" | "that" | "as" | "like") {
        return None;
    }
    let content = content::forward(v, q, sent, c)?;
    let mut f = Found::new(AttributionKind::Verb, (gs, i + 1), None, content);
    f.chain = false;
    Some(f)
}

/// "a group called X": naming after a common noun, with no source.
fn naming(v: &View, q: &Quotes, sent: &Sent, i: usize) -> Option<Found> {
    let prev = v.w(i.wrapping_sub(1));
    let common_noun = i > sent.start
        && v.is_word(i - 1)
        && !v.is_cap(i - 1)
        && !cues::is(Class::Pronoun, prev)
        && !cues::is(Class::Aux, prev)
        && !cues::is(Class::Adverb, prev)
        && !matches!(prev, "who" | "which" | "that" | "and" | "but" | "then");
    let name_next = v.is_cap(i + 1) || v.is_open_quote(i + 1);
    if !(common_noun && name_next) {
        return None;
    }
    let content = content::forward(v, q, sent, i + 1)?;
    let mut f = Found::new(AttributionKind::Verb, (i, i + 1), None, content);
    f.chain = false;
    Some(f)
}

/// Cue lemmas whose base and -s forms are more often nouns ("the report",
/// "his comments").
const NOUN_LIKE: &[&str] = &[
    "report",
    "claim",
    "comment",
    "remark",
    "attack",
    "call",
    "question",
    "plan",
    "hope",
    "fear",
    "support",
    "state",
    "note",
    "view",
    "back",
    "address",
    "document",
    "project",
    "offer",
    "demand",
    "promise",
    "pledge",
    "charge",
    "estimate",
    "answer",
    "reply",
    "challenge",
    "dispute",
    "counter",
    "object",
    "protest",
    "push",
    "press",
    "post",
    "reason",
    "signal",
    "echo",
    "welcome",
    "label",
    "champion",
    "blast",
    "slam",
    "brief",
    "figure",
    "guess",
    "bet",
    "doubt",
    "joke",
    "aim",
    "wish",
    "vow",
    "threaten",
    "concern",
    "forecast",
    "tweet",
    "praise",
    "fault",
    "worry",
    "order",
    "mention",
    "respond",
    "favor",
    "favour",
    "read",
    "plead",
    "hint",
    "yell",
    "shout",
    "chant",
    "whisper",
    "scream",
    "bet",
    "decline",
    "count",
    "email",
];

/// Whether the word at `k` before a bare cue word makes it a noun or an
/// adjective rather than a verb.
fn noun_context(v: &View, k: usize, vf: VerbForm) -> bool {
    let w = v.w(k);
    if cues::is(Class::Determiner, w)
        || matches!(
            w,
            "his" | "her" | "their" | "its" | "our" | "my" | "your" | "s"
        )
        || (cues::is(Class::Preposition, w) && w != "to")
    {
        return true;
    }
    if !matches!(vf.form, Form::Base | Form::S) || !NOUN_LIKE.contains(&vf.lemma) {
        return false;
    }
    // "The firm plans to …", "the model projects that …": a verb before
    // its complement.
    if matches!(v.w(k + 2), "to" | "that" | "whether")
        && cues::is(Class::Determiner, v.w(k.wrapping_sub(1)))
    {
        return false;
    }
    // "the document states, …": a determiner and a noun, then the verb
    // before its content.
    if cues::is(Class::Determiner, v.w(k.wrapping_sub(1)))
        && (v.is_punct(k + 2, ",") || v.is_punct(k + 2, ":") || v.is_quote(k + 2))
    {
        return false;
    }
    // Mostly nouns: a verb only after a pronoun, an auxiliary or a relative.
    if matches!(
        vf.lemma,
        "state" | "email" | "attack" | "address" | "back" | "support"
    ) {
        return !(cues::is(Class::Pronoun, w) || cues::is(Class::Aux, w) || w == "that");
    }
    // "questions about", "attacks on": a noun before its complement.
    if matches!(v.w(k + 2), "about" | "of" | "on" | "against") {
        return true;
    }
    // A base or -s form needs a subject that reads as one: a pronoun, a
    // name, a plural or a relative.
    let subject_like = cues::is(Class::Pronoun, w)
        || v.is_cap(k)
        || matches!(w, "that" | "which" | "who" | "people" | "polls" | "voters")
        || (w.ends_with('s') && !w.ends_with("ss"));
    !subject_like || cues::verb(w).is_some_and(|f| f.form != Form::S)
}

/// A finite cue verb: "X said (that) …", "…, X said.", "…, said X."
fn finite_cue(
    v: &View,
    q: &Quotes,
    sent: &Sent,
    (gs, i): (usize, usize),
    vf: VerbForm,
    after: After,
    earlier: &[Found],
) -> Option<Found> {
    let cue = (gs, after.cue_end);
    let left_punct = gs > sent.start && (v.is_punct(gs - 1, ",") || v.ends_quote(gs - 1));
    // Inverted: "…,” said X." or "Said X, “…”"; after a comma only when
    // no "NAME, DESCRIPTION," stands before it.
    let inverted_ok = matches!(vf.class, CueClass::Speech | CueClass::Belief)
        && gs == i
        && (gs == sent.start || left_punct)
        && matches!(vf.form, Form::Ed | Form::Past | Form::S)
        && !(v.is_punct(gs.wrapping_sub(1), ",") && source::subject_before(v, sent, gs).is_some());
    if inverted_ok {
        if let Some(src) = source::after_cue(v, sent, after.cue_end) {
            let until = if gs > sent.start && !v.is_quote(gs - 1) {
                gs - 1
            } else {
                gs
            };
            let mut content: Vec<_> = content::backward(v, q, sent, until).into_iter().collect();
            more_after(v, q, sent, src.1, &mut content);
            if !content.is_empty() {
                return Some(Found::new(AttributionKind::Verb, cue, Some(src), content));
            }
        }
    }
    // "… and said …": the subject of the sentence.
    let coordinated = gs > sent.start && matches!(v.w(gs - 1), "and" | "but" | "then");
    let src = if coordinated {
        earlier
            .iter()
            .rev()
            .find_map(|f| f.source)
            .or_else(|| source::sentence_subject(v, sent, gs - 1))
    } else {
        source::subject_before(v, sent, gs)
    };
    let src = src?;
    // Content before the source: "“…,” Trump said in August."
    let before = if src.0 > sent.start
        && !coordinated
        && (v.is_punct(src.0 - 1, ",") || v.ends_quote(src.0 - 1))
    {
        content::backward(v, q, sent, src.0)
    } else if src.0 == sent.start && v.ends_quote(src.0.wrapping_sub(1)) {
        // "“… missing.” Trump said.": the quotation ends the sentence before.
        q.at(src.0 - 1)
            .and_then(|r| q.get(r))
            .filter(|r| {
                v.lines
                    .get(r.line)
                    .is_some_and(|l| l.0 <= r.open && src.0 < l.1)
            })
            .map(|r| (r.open, src.0))
    } else {
        None
    };
    // Trailing: nothing after the cue but adjuncts ("in August after …").
    let nw = v.w(after.next);
    // Nothing but punctuation before the sentence end or a semicolon.
    let clause_end = (after.next..sent.end)
        .find(|&k| v.is_punct(k, ";"))
        .unwrap_or(sent.end);
    let rest_empty = !(after.next..clause_end).any(|k| v.is_word(k));
    let adjunct_next = v.is_punct(after.next, ",")
        || (cues::is(Class::Preposition, nw)
            && (!matches!(nw, "of" | "about") || vf.lemma == "say"))
        || cues::is(Class::Time, nw)
        || matches!(nw, "when" | "as" | "while" | "after" | "before" | "because");
    let trailing = rest_empty
        || (adjunct_next
            && matches!(
                vf.class,
                CueClass::Speech | CueClass::Belief | CueClass::Tell
            ));
    // "…, he said, “…”": the quotation after the tag is the content,
    // unless a quotation also ends before it (a split quotation).
    let quote_after = v.is_punct(after.next, ",") && v.is_open_quote(after.next + 1);
    let before = before.filter(|p| {
        !quote_after || v.ends_quote(p.1.saturating_sub(1)) || v.is_quote(p.1.saturating_sub(1))
    });
    if let Some(piece) = before {
        if trailing {
            let mut content = vec![piece];
            more_after(v, q, sent, after.next, &mut content);
            return Some(Found::new(AttributionKind::Verb, cue, Some(src), content));
        }
    }
    if rest_empty && v.is_punct(after.cue_end.wrapping_sub(1), ":") {
        // "X said:" ending its line: the next line is the content.
        let content = next_line(v, q, sent)?;
        return Some(Found::new(AttributionKind::Verb, cue, Some(src), content));
    }
    // A cue ending in a linking preposition takes its object ("pushed for").
    let linked = after.cue_end > i + 1
        && after.next == after.cue_end
        && (cues::is(Class::Link, v.w(after.cue_end - 1)) || v.w(after.cue_end - 1) == "at");
    // "wants a revolution": desire with an object.
    let object_intent = vf.class == CueClass::Intent
        && matches!(
            vf.lemma,
            "want" | "seek" | "prefer" | "offer" | "demand" | "request"
        )
        && !matches!(v.w(after.next), "to" | "that");
    let class = if linked || object_intent {
        CueClass::Attitude
    } else {
        vf.class
    };
    let c = content_start(v, class, after.next, sent.end)
        .or_else(|| look_ahead(v, vf.class, after.next, sent.end))?;
    let content = content::forward(v, q, sent, c)?;
    Some(Found::new(AttributionKind::Verb, cue, Some(src), content))
}

/// The content on the line after a cue that ends its line with a colon.
fn next_line(v: &View, q: &Quotes, sent: &Sent) -> Option<Vec<(usize, usize)>> {
    let &(ns, ne) = v.lines.get(sent.line + 1)?;
    let first = v.sents.iter().find(|s| s.start == ns)?;
    let mut pieces = content::forward(v, q, first, ns)?;
    if let Some(p) = pieces.first_mut() {
        if !v.is_open_quote(ns) {
            p.1 = ne;
        }
    }
    Some(pieces)
}

/// Looks past adjuncts ("on Friday during a news conference") for the
/// complementizer, quotation or colon that starts the content.
fn look_ahead(v: &View, class: CueClass, from: usize, end: usize) -> Option<usize> {
    if !matches!(class, CueClass::Speech | CueClass::Tell | CueClass::Belief) {
        return None;
    }
    let mut k = from;
    while k < end && k - from < 20 {
        let w = v.w(k);
        if w == "that" || v.is_open_quote(k) {
            return Some(k);
        }
        if v.is_punct(k, ":") {
            return Some(k + 1);
        }
        if v.is_punct(k, ",") && v.is_open_quote(k + 1) {
            return Some(k + 1);
        }
        if cues::verb(w).is_some() || cues::is(Class::Aux, w) || matches!(w, ";" | "." | "(") {
            return None;
        }
        k += 1;
    }
    None
}

/// The pieces after a mid-sentence tag ("“A,” she said, “B.”") and the
/// quoted sentences that follow a tag at the sentence end.
fn more_after(v: &View, q: &Quotes, sent: &Sent, k: usize, content: &mut Vec<(usize, usize)>) {
    let mut k = k;
    while k < sent.end && !v.is_word(k) && !v.is_quote(k) {
        k += 1;
    }
    if k < sent.end {
        if v.is_open_quote(k) {
            if let Some(p) = content::forward(v, q, sent, k) {
                content.extend(p);
            }
        }
        return;
    }
    let quoted = content.first().is_some_and(|&(a, _)| v.is_open_quote(a));
    if quoted {
        content::following_quotes(v, q, sent, content);
    }
}

/// A be-passive: "is expected to …", "was announced", "is said to" (a
/// hedge); the source is null.
fn passive_cue(
    v: &View,
    q: &Quotes,
    sent: &Sent,
    gs: usize,
    i: usize,
    after: After,
) -> Option<Found> {
    let w = v.w(i);
    let next = after.next;
    let hedge_word = matches!(
        w,
        "said" | "believed" | "thought" | "reported" | "understood" | "rumored" | "alleged"
    );
    // "X is said to be", "it is understood that": a hedge over the sentence.
    if hedge_word && (v.w(next) == "to" || (v.w(gs.wrapping_sub(1)) == "it" && v.w(next) == "that"))
    {
        let start = super::hedge::clause_start(v, sent);
        let content = content::forward(v, q, sent, start)?;
        let mut f = Found::new(AttributionKind::Hedge, (gs, after.cue_end), None, content);
        f.hedged = true;
        return Some(f);
    }
    let nw = v.w(next);
    let linked = after.cue_end > i + 1 && cues::is(Class::Link, v.w(after.cue_end - 1));
    let clause = matches!(
        nw,
        "to" | "that" | "whether" | "if" | "how" | "what" | "why" | "who"
    );
    if nw == "by" || !(linked || clause) {
        return None;
    }
    let content = content::forward(v, q, sent, next)?;
    // "Mr. X is convinced that …": the subject holds the belief; "it is
    // expected that" and "is expected to" have no source.
    let src = if nw == "that" && v.w(gs.wrapping_sub(1)) != "it" {
        source::subject_before(v, sent, gs)
    } else {
        None
    };
    Some(Found::new(
        AttributionKind::Verb,
        (gs, after.cue_end),
        src,
        content,
    ))
}

/// Noun cues followed by `that`: "X's claim that …", "the view that …".
pub fn nouns(v: &View, q: &Quotes, sent: &Sent, out: &mut Vec<Found>) {
    for i in sent.start..sent.end {
        if !v.is_word(i) || !cues::noun(v.w(i)) || v.w(i + 1) != "that" {
            continue;
        }
        // "that" must open a clause, not a relative ("the claim that he made").
        let Some(content) = content::forward(v, q, sent, i + 1) else {
            continue;
        };
        let src = if matches!(v.raw(i.wrapping_sub(2)), "’" | "'") && v.w(i - 1) == "s" {
            source::left_np(v, sent.start, i - 2).map(|(a, _)| (a, i))
        } else if matches!(
            v.w(i.wrapping_sub(1)),
            "his" | "her" | "their" | "its" | "my" | "our"
        ) {
            Some((i - 1, i))
        } else {
            None
        };
        out.push(Found::new(AttributionKind::Noun, (i, i + 1), src, content));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::input::{extract, InputFormat};

    fn with<T>(text: &str, f: impl FnOnce(&View) -> T) -> T {
        let doc = Document::new(extract(text, InputFormat::Text));
        let v = View::new(&doc);
        f(&v)
    }

    #[test]
    fn verb_group_takes_auxiliaries_negation_and_also() {
        with("He has also not said it.", |v| {
            assert_eq!(group_start(v, 0, 4), 1);
        });
        with("She didn’t say it.", |v| {
            assert_eq!(group_start(v, 0, 4), 1);
        });
    }

    #[test]
    fn time_phrases_are_skipped() {
        with("said on Monday that", |v| assert_eq!(skip_time(v, 1, 4), 3));
        with("said last week that", |v| assert_eq!(skip_time(v, 1, 4), 3));
        with("said on the plan", |v| assert_eq!(skip_time(v, 1, 4), 1));
    }

    #[test]
    fn recipients_are_skipped() {
        with("told the committee that", |v| {
            assert_eq!(skip_recipient(v, 1, 4), 3)
        });
    }
}
