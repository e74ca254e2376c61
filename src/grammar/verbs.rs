//! Verb cue constructions: the order of source, cue and content around a
//! cue verb. "X said (that) …", "…, X said.", "“…,” said X, a …",
//! "X, a spokesperson for Y, argued that …", split and colon quotations,
//! participles (", saying …"), be-passives ("is expected to", "is said to"
//! as a hedge), "Asked whether …", "seems to", naming "called",
//! coordinated ("… and said …") and relative-clause ("critics who say …")
//! cues, and "to say" after another verb.
//!
//! Input type of this layer: the [`View`], the [`Quotes`] and token indices
//! of one sentence; windows are bounded by the sentence (a colon at a line
//! end reads the next line).

use super::content;
use super::cue::{
    content_start, group_start, has_be, is_contracted_aux, is_title_case, noun_context, read_after,
    After,
};
use super::quotes::Quotes;
use super::source;
use super::view::{Sent, View, EM_DASH, EN_DASH};
use super::{AttributionKind, Found};
use crate::lexicon::cues::{self, Class, CueClass, Form, VerbForm};

/// Finds the verb cues of a sentence.
pub fn verbs(v: &View, q: &Quotes, sent: &Sent, out: &mut Vec<Found>) {
    let first_new = out.len();
    for &i in v.cue_starts(sent) {
        if !v.is_cue_verb(i) {
            continue;
        }
        let Some(entry) = v.lex(i) else {
            continue;
        };
        let next = if v.is_w(i + 1, "it") {
            v.w(i + 2)
        } else {
            v.w(i + 1)
        };
        let Some(vf) = entry.verb_before(next) else {
            continue;
        };
        // "said goodbye to …": an idiom, no cue (read over at most four
        // words after the verb).
        if let Some(objects) = vf.idioms {
            let n = sent.end.min(i + 5).saturating_sub(i + 1);
            if cues::idiom(objects, n, |k| v.w(i + 1 + k)) {
                continue;
            }
        }
        if out
            .get(first_new..)
            .unwrap_or(&[])
            .iter()
            .any(|f| f.cue.0 <= i && i < f.cue.1)
        {
            continue;
        }
        if let Some(mut f) = verb_cue(v, q, sent, i, vf, out.get(first_new..).unwrap_or(&[])) {
            // "X reported" is the report kind of construction.
            if vf.lemma == "report" && f.kind == AttributionKind::Verb {
                f.kind = AttributionKind::ReportedBy;
            }
            // Only reports link source chains; beliefs, wishes and
            // attitudes nested in another's content are not kept.
            if !matches!(
                vf.class,
                CueClass::Speech | CueClass::Tell | CueClass::Evidence
            ) {
                f.chain = false;
            }
            // Quoted words are never cut ("“… and tell another group …”").
            if q.at(f.cue.0).is_none() {
                cut_before_clause(v, out.get_mut(first_new..).unwrap_or(&mut []), &f);
            }
            out.push(f);
        }
    }
    unknown_tags(v, q, sent, out, first_new);
}

/// The most capitalised words of a speaker's name in a quotation tag.
const MAX_TAG_NAME: usize = 4;

/// Tags after a quotation whose verb the lexicon lacks: "“…,” Oliver
/// barked." and "“…?” reacted Trump.": a past-tense verb next to a
/// pronoun or a name, ending the sentence.
fn unknown_tags(v: &View, q: &Quotes, sent: &Sent, out: &mut Vec<Found>, first_new: usize) {
    for &j in v.cue_starts(sent) {
        // A closing mark right after the quotation's own comma, ? or !.
        let mark = |back: usize| matches!(v.raw(j.wrapping_sub(back)), b"," | b"?" | b"!");
        if !v.ends_quote(j) {
            continue;
        }
        let closes_with_mark = mark(1) || (v.raw(j) == b"'" && mark(2));
        if !closes_with_mark {
            continue;
        }
        let k = j + 1;
        let Some((cue, src, end)) = tag_after(v, sent, k) else {
            continue;
        };
        if !(end..sent.end).all(|e| !v.is_word(e)) {
            continue;
        }
        let taken = out
            .get(first_new..)
            .unwrap_or(&[])
            .iter()
            .any(|f| f.cue.0 < end && k <= f.cue.1);
        if taken {
            continue;
        }
        let Some(piece) = content::backward(v, q, sent, k) else {
            continue;
        };
        let mut content = vec![piece];
        more_after(v, q, sent, end, &mut content);
        out.push(Found::new(AttributionKind::Verb, cue, Some(src), content));
    }
}

/// A tag's cue, its source (token ranges) and the token after it.
type Tag = ((usize, usize), (usize, usize), usize);

/// "NAME VERBed" or "VERBed NAME" from token `k`.
fn tag_after(v: &View, sent: &Sent, k: usize) -> Option<Tag> {
    let past = |i: usize| {
        let w = v.w(i);
        v.is_word(i) && !v.is_cap(i) && w.len() > 3 && w.ends_with(b"ed") && !v.is_a(i, Class::Aux)
    };
    let name_end = |s: usize| {
        if v.is_a(s, Class::Pronoun) && v.is_word(s) {
            return Some(s + 1);
        }
        let mut e = s;
        while e < sent.end
            && e - s < MAX_TAG_NAME
            && (v.is_cap(e) || (v.is_punct(e, ".") && v.is_cap(e + 1)))
        {
            e += 1;
        }
        (e > s && v.is_cap(s)).then_some(e)
    };
    if let Some(e) = name_end(k) {
        if past(e) {
            return Some(((e, e + 1), (k, e), e + 1));
        }
    }
    if past(k) {
        let e = name_end(k + 1)?;
        return Some(((k, k + 1), (k + 1, e), e));
    }
    None
}

/// Where a new clause starts before token `k`: a conjunction ("and",
/// "but", "though") and/or a comma or semicolon right before it.
fn clause_break(v: &View, k: usize) -> Option<usize> {
    let mut j = k;
    let mut conj = false;
    while j > 0
        && matches!(
            v.w(j - 1),
            b"and" | b"but" | b"though" | b"although" | b"while" | b"yet"
        )
    {
        j -= 1;
        conj = true;
    }
    if j > 0 && matches!(v.raw(j - 1), b"," | b";") {
        return Some(j - 1);
    }
    conj.then_some(j)
}

/// "X announced A and said B", "X said A, but Y argued B": ends the earlier
/// attribution's content where the later one's clause begins.
fn cut_before_clause(v: &View, earlier: &mut [Found], f: &Found) {
    // "X praised A and said B", "X attacked A, saying B": the shared source
    // stands before the first cue.
    let shared = f.source.is_some_and(|s| s.1 + 1 < f.cue.0);
    if matches!(
        v.w(f.cue.0.wrapping_sub(1)),
        b"and" | b"but" | b"then" | b","
    ) && shared
    {
        if let Some(cut) = clause_break(v, f.cue.0) {
            cut_at(v, earlier, cut, f.cue.0);
        }
        return;
    }
    // "… race,” adding that …": after a quotation's own comma.
    if v.ends_quote(f.cue.0.wrapping_sub(1)) && shared {
        cut_at(v, earlier, f.cue.0, f.cue.0);
        return;
    }
    // "critics who say …": the relative clause is its own attribution.
    if let Some((a, b)) = f.source {
        if b == a + 1 && matches!(v.w(a), b"who" | b"which" | b"that") && a + 1 == f.cue.0 {
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

/// Whether the participle starting at `gs` modifies the noun after it
/// inside a noun phrase ("the old reading room", "a quiet writing desk"):
/// a determiner and a word that is no plural noun before it, and right
/// after it (token `next`) a bare lowercase word that opens no clause and
/// is no object pronoun or preposition ("the basic understanding of" stays
/// a cue).
fn compound_modifier(v: &View, gs: usize, next: usize) -> bool {
    let det = v.is_a(gs.wrapping_sub(2), Class::Determiner);
    let before = v.w(gs.wrapping_sub(1));
    let nw = v.w(next);
    let opens_clause = [
        Class::Determiner,
        Class::Pronoun,
        Class::Complementizer,
        Class::Aux,
        Class::Adverb,
        Class::Neg,
        Class::Preposition,
    ]
    .iter()
    .any(|&c| v.is_a(next, c))
        || matches!(nw, b"him" | b"her" | b"them" | b"us" | b"me");
    det && !before.ends_with(b"s") && v.is_word(next) && !v.is_cap(next) && !opens_clause
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
    if vf.lemma == "report" && v.w(i + 1).ends_with(b"ing") {
        return None;
    }
    let gs = group_start(v, sent.start, i);
    let prev = v.w(i.wrapping_sub(1));
    // An infinitive belongs to the verb before it ("declined to say").
    // An infinitive belongs to a cue verb before it ("declined to say");
    // after any other verb it speaks for the sentence's subject ("stood
    // up to say").
    if vf.form == Form::Base && i > sent.start && prev == b"to" {
        let governed = (i.saturating_sub(4)..i - 1).any(|k| v.verb(k).is_some())
            || matches!(
                v.w(i.wrapping_sub(2)),
                b"going" | b"have" | b"has" | b"had" | b"want" | b"wants"
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
        // "to declare", "went on to say": the infinitive marker (and "went
        // on") join the cue.
        let went_on =
            v.w(i - 2) == b"on" && matches!(v.w(i.wrapping_sub(3)), b"went" | b"goes" | b"go");
        let start = if went_on { i - 3 } else { i - 1 };
        let mut f = Found::new(AttributionKind::Verb, (start, i + 1), Some(src), content);
        f.chain = false;
        return Some(f);
    }
    // A bare -ed or base form directly after a determiner, a possessive or
    // a preposition is a noun or an adjective ("the reported deal", "his
    // comments", "fears of"). Most candidates that fail do so here: the
    // test comes before the words after the cue are read. It does not
    // apply to participles (read below as clauses), to "seem" and
    // "appear" (always read by [`seems`]), and comes after the question
    // reading for "asked".
    let bare = gs == i && gs > sent.start;
    let asked_form = vf.lemma == "ask" && vf.form == Form::Ed;
    if bare
        && vf.form != Form::Ing
        && !asked_form
        && !matches!(vf.lemma, "seem" | "appear")
        && noun_context(v, gs - 1, vf)
    {
        return None;
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
    if asked_form && gs == i {
        if let Some(f) = asked(v, sent, i) {
            return Some(f);
        }
    }
    // "see" is a cue only as "sees X as Y" or "saw that …".
    if vf.lemma == "see" {
        let next = v.w(i + 1);
        let as_within = (i + 2..sent.end.min(i + 8)).any(|k| v.w(k) == b"as");
        if !(matches!(next, b"that" | b"how" | b"why" | b"whether") || as_within) {
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
        (gs..i).any(|k| matches!(v.w(k), b"s" | b"re" | b"m") && is_contracted_aux(v, k));
    let participial = vf.form == Form::Ing && !be && !contracted_be;
    if participial {
        let before = v.w(gs.wrapping_sub(1));
        let clause = (v.ends_quote(gs.wrapping_sub(1)) && v.raw(gs.wrapping_sub(2)) == b",")
            || matches!(
                before,
                b"," | EM_DASH
                    | EN_DASH
                    | b"-"
                    | b"and"
                    | b"by"
                    | b"while"
                    | b"after"
                    | b"before"
                    | b"when"
                    | b"in"
            );
        // "911 calls saying …", "voters saying …": the noun before speaks.
        let noun_before = gs > sent.start
            && v.is_word(gs - 1)
            && !clause
            && !v.is_a(gs.wrapping_sub(1), Class::Aux)
            && !v.is_a(gs.wrapping_sub(1), Class::Preposition)
            && !v.is_a(gs.wrapping_sub(1), Class::Determiner)
            && !v.is_a(gs.wrapping_sub(1), Class::Pronoun)
            && !matches!(
                before,
                b"is" | b"are" | b"was" | b"were" | b"be" | b"been" | b"about" | b"of"
            );
        let noun_before = noun_before && !compound_modifier(v, gs, i + 1);
        // "Noting that …, Tester added": an opening participle clause, its
        // content up to the comma, its source the subject after it.
        let opening = gs == sent.start;
        if !clause && !noun_before && !opening {
            return None;
        }
        let c = content_start(v, vf.class, after.next, sent.end)?;
        let content = if opening {
            let comma = (c + 1..sent.end.min(c + 40)).find(|&k| v.is_punct(k, ","))?;
            vec![(c, comma)]
        } else {
            content::forward(v, q, sent, c)?
        };
        let src = if noun_before {
            source::left_np(v, sent.start, gs)
        } else if opening {
            source::sentence_subject(v, sent, sent.end)
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
    // The same test for "asked" when it opens no question (the other
    // verbs were tested above).
    if bare && asked_form && noun_context(v, gs - 1, vf) {
        return None;
    }
    // "a self-described socialist": the self describes.
    if vf.lemma == "describe"
        && v.raw(i.wrapping_sub(1)) == b"-"
        && v.w(i.wrapping_sub(2)) == b"self"
    {
        let object = content::object_np(v, sent, i + 1)?;
        let mut f = Found::new(
            AttributionKind::Verb,
            (i, i + 1),
            Some((i - 2, i - 1)),
            vec![object],
        );
        f.chain = false;
        return Some(f);
    }
    if vf.lemma == "call" && vf.form == Form::Ed && gs == i && is_naming(v, sent, i) {
        return None;
    }
    finite_cue(v, q, sent, (gs, i), vf, after, earlier)
}

/// asked := ("When")? "asked" [adverb] ["on"|"by" NP] (wh | if | whether | about) …","
/// ("Asked whether …, X said"): the question is the content, no source.
fn asked(v: &View, sent: &Sent, i: usize) -> Option<Found> {
    let prev = v.w(i.wrapping_sub(1));
    let opens = i == sent.start || matches!(prev, b"when" | b"if" | b"after" | b"," | b"once");
    if !opens {
        return None;
    }
    let mut k = i + 1;
    while k < sent.end && k - i < 8 && !v.is_punct(k, ",") {
        let w = v.w(k);
        if matches!(
            w,
            b"if"
                | b"whether"
                | b"about"
                | b"what"
                | b"why"
                | b"how"
                | b"who"
                | b"when"
                | b"where"
                | b"which"
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
    while e > k && !v.is_word(e - 1) && !v.is_quote(e - 1) {
        e -= 1;
    }
    if e == k {
        return None;
    }
    // "asked about X": the linking preposition joins the cue.
    let cue_end = if v.w(i + 1) == b"about" { i + 2 } else { i + 1 };
    let k = k.max(cue_end);
    if k >= e {
        return None;
    }
    let mut f = Found::new(AttributionKind::Verb, (i, cue_end), None, vec![(k, e)]);
    f.chain = false;
    Some(f)
}

/// seems := verb-group ("seem" | "appear") ("to" | "that" | "as if" | "like") …
/// with a null source, as PolNeAR draws it.
fn seems(v: &View, q: &Quotes, sent: &Sent, gs: usize, i: usize) -> Option<Found> {
    let mut c = i + 1;
    while c < sent.end && v.w(c).ends_with(b"ly") && v.w(c).len() > 4 {
        c += 1;
    }
    // "seems to be", "appears that": a clause or an infinitive follows.
    if c >= sent.end || !matches!(v.w(c), b"to" | b"that" | b"as" | b"like") {
        return None;
    }
    let content = content::forward(v, q, sent, c)?;
    let mut f = Found::new(AttributionKind::Verb, (gs, i + 1), None, content);
    f.chain = false;
    Some(f)
}

/// "a group called X": naming after a common noun, which PolNeAR marks
/// too rarely to predict.
fn is_naming(v: &View, sent: &Sent, i: usize) -> bool {
    let prev = v.w(i.wrapping_sub(1));
    let common_noun = i > sent.start
        && v.is_word(i - 1)
        && !v.is_cap(i - 1)
        && !v.is_a(i.wrapping_sub(1), Class::Pronoun)
        && !v.is_a(i.wrapping_sub(1), Class::Aux)
        && !v.is_a(i.wrapping_sub(1), Class::Adverb)
        && !matches!(
            prev,
            b"who" | b"which" | b"that" | b"and" | b"but" | b"then"
        );
    let name_next = v.is_cap(i + 1) || v.is_open_quote(i + 1);
    common_noun && name_next
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
    let comma_before = gs > sent.start && v.is_punct(gs - 1, ",");
    let left_punct = comma_before || (gs > sent.start && v.ends_quote(gs - 1));
    // Inverted: "…,” said X." or "Said X, “…”"; after a comma only when
    // no "NAME, DESCRIPTION," stands before it.
    let inverted_form = matches!(vf.class, CueClass::Speech | CueClass::Belief)
        && gs == i
        && (gs == sent.start || left_punct)
        && (matches!(vf.form, Form::Ed | Form::Past | Form::S)
            || (vf.form == Form::Base && gs > sent.start));
    // The subject before the comma, read once: the source below when the
    // inverted reading fails.
    let subject_after_comma =
        (inverted_form && comma_before).then(|| source::subject_before(v, sent, gs));
    let inverted_ok = inverted_form && subject_after_comma.is_none_or(|s| s.is_none());
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
    let coordinated = gs > sent.start && matches!(v.w(gs - 1), b"and" | b"but" | b"then");
    let src = if coordinated {
        // The sentence's subject, or the source of an earlier cue that
        // starts the sentence.
        earlier
            .iter()
            .rev()
            .filter_map(|f| f.source)
            .find(|s| s.0 <= sent.start + 1)
            .or_else(|| source::sentence_subject(v, sent, gs - 1))
            .or_else(|| earlier.iter().rev().find_map(|f| f.source))
    } else {
        subject_after_comma.unwrap_or_else(|| source::subject_before(v, sent, gs))
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
    // One walk that stops at the first word or semicolon (most often the
    // first token).
    let rest_empty = (after.next..sent.end)
        .find(|&k| v.is_word(k) || v.is_punct(k, ";"))
        .is_none_or(|k| !v.is_word(k));
    let adjunct_next = v.is_punct(after.next, ",")
        || (v.is_a(after.next, Class::Preposition)
            && (!matches!(nw, b"of" | b"about") || vf.lemma == "say"))
        || v.is_time(after.next)
        || matches!(
            nw,
            b"when" | b"as" | b"while" | b"after" | b"before" | b"because"
        );
    // "“…,” she said several months later": a tag after a quotation.
    let quote_tag = before.is_some_and(|p| p.1 > p.0 && v.is_quote(p.1 - 1))
        && !(v.is_quote(after.next)
            || v.is_punct(after.next, ":")
            || v.is_a(after.next, Class::Complementizer)
            || v.is_a(after.next, Class::Pronoun)
            || v.is_a(after.next, Class::Determiner)
            || v.is_cap(after.next)
            || matches!(nw, b"yes" | b"no"));
    let trailing = rest_empty
        || quote_tag
        || v.is_punct(after.next, ",")
        || (adjunct_next
            && matches!(
                vf.class,
                CueClass::Speech | CueClass::Belief | CueClass::Tell
            ));
    // Where the tag ends: after a short manner phrase that a comma closes
    // ("“A,” she said with a shrug, “B.”").
    let tag_end = skip_manner(v, after.next, sent.end);
    // "…, he said, “…”": the quotation after the tag is the content,
    // unless a quotation also ends before it (a split quotation).
    let quote_after = v.is_punct(tag_end, ",") && v.is_open_quote(tag_end + 1);
    let before = before.filter(|p| {
        !quote_after || v.ends_quote(p.1.saturating_sub(1)) || v.is_quote(p.1.saturating_sub(1))
    });
    if let Some(piece) = before {
        if trailing {
            let mut content = vec![piece];
            more_after(v, q, sent, tag_end, &mut content);
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
        && (v.is_a(after.cue_end - 1, Class::Link) || v.w(after.cue_end - 1) == b"at");
    // "wants a revolution": desire with an object.
    let object_intent = vf.class == CueClass::Intent
        && matches!(
            vf.lemma,
            "want" | "seek" | "prefer" | "offer" | "demand" | "request"
        )
        && !matches!(v.w(after.next), b"to" | b"that");
    let class = if linked || object_intent {
        CueClass::Attitude
    } else if matches!(vf.lemma, "hope" | "wish") && v.w(after.next) != b"to" {
        // "hopes the bill passes": a clause without "that".
        CueClass::Belief
    } else {
        vf.class
    };
    // "says despite …, she plans": "say" takes what follows as a last resort.
    let last_resort = |c: usize| {
        (vf.lemma == "say" && v.is_word(c) && !matches!(v.w(c), b"to" | b"of" | b"about"))
            .then_some(c)
    };
    let c = content_start(v, class, after.next, sent.end)
        .or_else(|| look_ahead(v, vf.class, after.next, sent.end))
        .or_else(|| last_resort(after.next))?;
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
        if w == b"that" || v.is_open_quote(k) {
            return Some(k);
        }
        if v.is_punct(k, ":") {
            return Some(k + 1);
        }
        if v.is_punct(k, ",") && v.is_open_quote(k + 1) {
            return Some(k + 1);
        }
        if v.verb(k).is_some() || v.is_a(k, Class::Aux) || matches!(w, b";" | b"." | b"(") {
            return None;
        }
        k += 1;
    }
    None
}

/// The most words of a manner phrase after a tag ([`skip_manner`]).
const MAX_MANNER: usize = 5;

/// Skips a short prepositional phrase at `k` that a comma closes, inside a
/// mid-sentence tag ("said with a shrug,", "said in a phone interview,"):
/// the index of that comma, else `k`. The phrase holds only words, none
/// of them a cue verb.
fn skip_manner(v: &View, k: usize, end: usize) -> usize {
    if !v.is_a(k, Class::Preposition) {
        return k;
    }
    let limit = end.min(k + 1 + MAX_MANNER);
    match (k + 1..limit).find(|&j| !v.is_word(j) || v.is_cue_verb(j)) {
        Some(j) if j > k + 1 && v.is_punct(j, ",") => j,
        _ => k,
    }
}

/// The pieces after a mid-sentence tag ("“A,” she said, “B.”") and the
/// quoted sentences that follow a tag at the sentence end.
fn more_after(v: &View, q: &Quotes, sent: &Sent, k: usize, content: &mut Vec<(usize, usize)>) {
    let comma = v.is_punct(k, ",");
    let mut k = k;
    while k < sent.end && !v.is_word(k) && !v.is_quote(k) {
        k += 1;
    }
    if k < sent.end && v.is_open_quote(k) {
        if let Some(p) = content::forward(v, q, sent, k) {
            content.extend(p);
        }
        return;
    }
    // "The economy, he said, is strong.": the clause goes on after the tag.
    let unquoted = content.first().is_some_and(|&(a, _)| !v.is_quote(a));
    let before_ends_clause = content.last().is_some_and(|&(_, b)| {
        matches!(v.raw(b), b"." | b"?" | b"!") || v.is_quote(b.wrapping_sub(1))
    });
    let new_clause = v.is_a(k, Class::Boundary) || v.w(k).ends_with(b"ing");
    if comma && unquoted && !before_ends_clause && k < sent.end && !new_clause {
        if let Some(p) = content::forward(v, q, sent, k) {
            content.extend(p);
        }
        return;
    }
    // Adjuncts after the tag ("said at a rally."), then the quotation may
    // go on in the next sentences of the paragraph.
    if (k..sent.end).any(|j| v.is_quote(j)) {
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
    // "is supposed to": obligation, not belief.
    if w == b"supposed" {
        return None;
    }
    let hedge_word = matches!(
        w,
        b"said" | b"believed" | b"thought" | b"reported" | b"understood" | b"rumored" | b"alleged"
    );
    // "X is said to be", "it is understood that": a hedge over the sentence.
    if hedge_word
        && (v.w(next) == b"to" || (v.w(gs.wrapping_sub(1)) == b"it" && v.w(next) == b"that"))
    {
        let start = super::hedge::clause_start(v, sent);
        let content = content::forward(v, q, sent, start)?;
        let mut f = Found::new(AttributionKind::Hedge, (gs, after.cue_end), None, content);
        f.hedged = true;
        return Some(f);
    }
    let nw = v.w(next);
    // "Visitors are asked to sign in", "were told to leave": a request
    // made of the subject by no one named, not a report.
    // "is intended to" stays: a purpose, not a request.
    let directive = v
        .verb(i)
        .is_some_and(|f| matches!(f.class, CueClass::Speech | CueClass::Tell));
    if directive && nw == b"to" {
        return None;
    }
    let linked = after.cue_end > i + 1 && v.is_a(after.cue_end - 1, Class::Link);
    let clause = matches!(
        nw,
        b"to" | b"that" | b"whether" | b"if" | b"how" | b"what" | b"why" | b"who"
    );
    if nw == b"by" || !(linked || clause) {
        return None;
    }
    let content = content::forward(v, q, sent, next)?;
    // "Mr. X is convinced that …": the subject holds the belief; "it is
    // expected that" and "is expected to" have no source.
    let src = if nw == b"that" && v.w(gs.wrapping_sub(1)) != b"it" {
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
