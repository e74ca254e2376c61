//! The cue itself: the verb group around a cue verb (auxiliaries, modals,
//! negation, preverbal adverbs, contracted forms), what follows it
//! (particle, linking preposition, medium phrase, colon, time phrase,
//! recipient), where its content may start, and whether a bare cue word is
//! a noun ("the report", "his comments").
//!
//! Input type of this layer: the [`View`] and token indices of one
//! sentence; every look-left and look-right window is bounded.

use super::view::{Sent, View, CURLY_APOSTROPHE, EM_DASH, EURO, POUND};
use crate::lexicon::cues::{Class, CueClass, Form, VerbForm};

/// The most tokens of a verb group left of its verb ("has not yet said").
const MAX_GROUP: usize = 5;
/// The most tokens of a recipient ("told the committee's members").
const MAX_RECIPIENT: usize = 7;

/// Whether token `i` is the `t` of a split "n’t".
fn is_nt(v: &View, i: usize) -> bool {
    v.w(i) == b"t"
        && matches!(v.raw(i.wrapping_sub(1)), CURLY_APOSTROPHE | b"'")
        && v.w(i.wrapping_sub(2)).ends_with(b"n")
}

/// Whether token `i` is the `s`, `ve`, `ll`, `d` or `re` of a contracted
/// auxiliary after a pronoun ("he’s said", "they’ve argued").
pub(super) fn is_contracted_aux(v: &View, i: usize) -> bool {
    matches!(v.w(i), b"s" | b"ve" | b"ll" | b"d" | b"re")
        && matches!(v.raw(i.wrapping_sub(1)), CURLY_APOSTROPHE | b"'")
        && v.is_a(i.wrapping_sub(2), Class::Pronoun)
}

/// Whether a lowercase word is an -ly adverb ("repeatedly"), not a noun or
/// adjective that ends in -ly ("daily", "family", "supply").
fn is_ly_adverb(w: &[u8]) -> bool {
    w.len() > 4
        && w.ends_with(b"ly")
        && !matches!(
            w,
            b"daily"
                | b"weekly"
                | b"monthly"
                | b"yearly"
                | b"early"
                | b"family"
                | b"rally"
                | b"supply"
                | b"apply"
                | b"reply"
                | b"assembly"
                | b"ally"
                | b"belly"
                | b"holly"
                | b"likely"
                | b"friendly"
                | b"elderly"
                | b"lonely"
                | b"costly"
                | b"deadly"
                | b"orderly"
                | b"only"
                | b"july"
                | b"italy"
        )
}

/// Whether token `i` may stand in a verb group before its verb.
fn group_word(v: &View, i: usize) -> bool {
    let w = v.w(i);
    if !v.is_word(i) {
        // The apostrophe of "n’t" or of a contracted auxiliary ("he’s").
        return matches!(v.raw(i), CURLY_APOSTROPHE | b"'")
            && (is_nt(v, i + 1) || is_contracted_aux(v, i + 1));
    }
    if is_contracted_aux(v, i) {
        return true;
    }
    // The token's cue-list entry, read once for its three classes.
    v.lex(i)
        .is_some_and(|e| e.is(Class::Aux) || e.is(Class::Neg) || e.is(Class::Adverb))
        || is_nt(v, i)
        || (is_ly_adverb(w) && !v.is_cap(i) && !v.is_a(i.wrapping_sub(1), Class::Determiner))
        || (w.last() == Some(&b'n')
            && matches!(
                w,
                b"didn"
                    | b"isn"
                    | b"aren"
                    | b"weren"
                    | b"won"
                    | b"shouldn"
                    | b"hadn"
                    | b"doesn"
                    | b"don"
                    | b"hasn"
                    | b"haven"
                    | b"wasn"
                    | b"wouldn"
                    | b"couldn"
            ))
}

/// group_start := (aux | neg | adverb)* before the verb at `i`
pub fn group_start(v: &View, lo: usize, i: usize) -> usize {
    let mut s = i;
    while s > lo && i - s < MAX_GROUP && group_word(v, s - 1) {
        s -= 1;
    }
    s
}

/// Whether the verb group `[gs, i)` holds a form of "be" (a passive or a
/// progressive).
pub(super) fn has_be(v: &View, gs: usize, i: usize) -> bool {
    (gs..i).any(|k| {
        matches!(
            v.w(k),
            b"is" | b"was" | b"were" | b"are" | b"am" | b"be" | b"been" | b"being"
        )
    })
}

/// Skips a time phrase at `i` ("on Monday", "last week", "Tuesday",
/// "earlier this month"): the index after it.
pub fn skip_time(v: &View, i: usize, end: usize) -> usize {
    // A time phrase starts with a word: most calls stop here.
    if !v.is_word(i) {
        return i;
    }
    let mut k = i;
    let start = i;
    while k < end && k - start < 4 {
        let w = v.w(k);
        if v.is_time(k)
            || (k == start && matches!(w, b"on" | b"in" | b"at" | b"this" | b"earlier" | b"late"))
            || (k > start && matches!(w, b"this" | b"that" | b"next" | b"the"))
        {
            k += 1;
            continue;
        }
        break;
    }
    // A time phrase must end on a time word.
    while k > start && !v.is_time(k - 1) {
        k -= 1;
    }
    k
}

/// medium := ("in" | "on" | "during") [det] [adj] MEDIUM ["with" NP]
/// ("in a statement", "on Twitter"): the index after it, if there is one.
fn skip_medium(v: &View, i: usize, end: usize) -> Option<usize> {
    if !matches!(v.w(i), b"in" | b"on" | b"during" | b"via" | b"through") {
        return None;
    }
    let mut k = i + 1;
    while k < end && k - i <= 4 {
        if v.is_a(k, Class::Medium) {
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
    if let Some(that) = recipient_then_that(v, i, end) {
        return that;
    }
    let mut k = i;
    while k < end && k - i < MAX_RECIPIENT {
        let w = v.w(k);
        let new_subject =
            matches!(w, b"he" | b"she" | b"they" | b"i" | b"we") || opens_subject(v, k);
        if k > i && (new_subject || v.is_time(k)) {
            break;
        }
        if matches!(w, b"of" | b"in" | b"at") && v.is_cap(k + 1) && k > i {
            k += 2;
            continue;
        }
        if v.is_quote(k)
            || matches!(w, b"," | b":" | b";" | EM_DASH | b"." | b"to")
            || v.is_a(k, Class::Complementizer)
            || matches!(w, b"about" | b"of" | b"in" | b"on" | b"during")
        {
            break;
        }
        k += 1;
    }
    k
}

/// Whether the determiner at `k` opens a new subject after a recipient's
/// head ("told reporters the port would close"), rather than a noun phrase
/// after a preposition ("told supporters at a rally").
fn opens_subject(v: &View, k: usize) -> bool {
    let before = k.wrapping_sub(1);
    v.is_a(k, Class::Determiner)
        && v.is_word(before)
        && !v.is_a(before, Class::Determiner)
        && !v.is_a(before, Class::Preposition)
}

/// A recipient with its prepositional phrases, then "that" ("told
/// teammates at the end of last season that …"): the index of "that". Only
/// words that are no verb, and no determiner that opens a new subject, may
/// come between.
fn recipient_then_that(v: &View, i: usize, end: usize) -> Option<usize> {
    let limit = end.min(i + MAX_RECIPIENT + 6);
    for k in i..limit {
        if k > i && v.w(k) == b"that" {
            return Some(k);
        }
        if !v.is_word(k)
            || (k > i && opens_subject(v, k))
            || v.is_a(k, Class::Complementizer)
            || v.is_a(k, Class::Aux)
            || v.is_a(k, Class::Pronoun)
            || v.is_a(k, Class::Verb)
            || v.verb(k).is_some()
        {
            return None;
        }
    }
    None
}

/// The start of the content after the cue ends at `c`, for a cue class:
/// `None` where the class needs something that is not there.
pub(super) fn content_start(v: &View, class: CueClass, c: usize, end: usize) -> Option<usize> {
    let mut c = c;
    while c < end && matches!(v.raw(c), b"," | b":") {
        c += 1;
    }
    // Content opens with a word, a quotation or an amount ("$1 trillion").
    let money = matches!(v.raw(c), b"$" | POUND | EURO) && v.is_word(c + 1);
    if c >= end || !(v.is_word(c) || v.is_quote(c) || money) {
        return None;
    }
    let w = v.w(c);
    let strong = v.is_a(c, Class::Complementizer) || v.is_quote(c) || money;
    match class {
        CueClass::Intent => (w == b"to" || w == b"that" || v.is_quote(c)).then_some(c),
        // "reminded voters of …", "told them about …"
        CueClass::Tell if matches!(w, b"of" | b"about") => Some(c),
        CueClass::Speech | CueClass::Tell | CueClass::Belief => {
            if w == b"to" && class != CueClass::Tell {
                return None;
            }
            let quantity = matches!(w, b"about" | b"over" | b"nearly" | b"under")
                && (v
                    .toks
                    .get(c + 1)
                    .is_some_and(|t| t.kind == crate::document::TokenKind::Number)
                    || matches!(v.w(c + 1), b"half" | b"a" | b"one" | b"two" | b"three"));
            if !strong && !quantity && v.is_a(c, Class::Preposition) && w != b"to" {
                return None;
            }
            Some(c)
        }
        CueClass::Evidence => {
            let number = v
                .toks
                .get(c)
                .is_some_and(|t| t.kind == crate::document::TokenKind::Number);
            (strong
                || v.is_a(c, Class::Determiner)
                || v.is_cap(c)
                || number
                || matches!(
                    w,
                    b"no" | b"him" | b"her" | b"them" | b"it" | b"little" | b"most"
                ))
            .then_some(c)
        }
        CueClass::Attitude => {
            (!v.is_a(c, Class::Preposition) || w == b"as" || w == b"for").then_some(c)
        }
    }
}

/// What ends the cue at `i` and what follows it.
pub(super) struct After {
    /// One past the cue.
    pub(super) cue_end: usize,
    /// Where content may start (after recipient and time phrases).
    pub(super) next: usize,
}

/// Whether a lowercase word names a day of the week.
fn is_weekday(w: &[u8]) -> bool {
    matches!(
        w,
        b"monday" | b"tuesday" | b"wednesday" | b"thursday" | b"friday" | b"saturday" | b"sunday"
    )
}

/// Reads the particle, linking preposition, medium phrase, colon, time
/// phrase and recipient after the cue verb at `i`.
pub(super) fn read_after(v: &View, vf: VerbForm, i: usize, end: usize) -> Option<After> {
    let mut cue_end = i + 1;
    // Punctuation right after a verb without a particle ("said.", "said,"):
    // no adverb, object, weekday, time, medium or link can follow; only a
    // colon joins the cue. (A recipient may follow some marks: "told
    // (…)" is read below.)
    if vf.particle.is_none() && vf.class != CueClass::Tell && !v.is_word(cue_end) {
        if v.is_punct(cue_end, ":") {
            cue_end += 1;
        }
        return Some(After {
            cue_end,
            next: cue_end,
        });
    }
    if let Some(p) = vf.particle {
        // "made it clear": an object "it" before the particle.
        if v.w(cue_end) == b"it" && v.w(cue_end + 1) == p.as_bytes() {
            cue_end += 1;
        }
        if v.w(cue_end) != p.as_bytes() {
            return None;
        }
        cue_end += 1;
    }
    // Adverbs right after the verb ("said repeatedly").
    while cue_end < end && v.w(cue_end).ends_with(b"ly") && v.w(cue_end).len() > 4 {
        cue_end += 1;
    }
    // Objects that complete the cue: "expressed concern", "pleaded
    // guilty", "known as".
    let completes = match vf.lemma {
        "express" => matches!(
            v.w(cue_end),
            b"concern"
                | b"concerns"
                | b"confidence"
                | b"support"
                | b"frustration"
                | b"disappointment"
                | b"hope"
                | b"doubt"
                | b"doubts"
                | b"skepticism"
                | b"interest"
                | b"optimism"
                | b"regret"
                | b"sympathy"
                | b"outrage"
                | b"alarm"
                | b"opposition"
                | b"gratitude"
                | b"anger"
        ),
        "plead" => matches!(v.w(cue_end), b"guilty" | b"innocent"),
        "know" => v.w(cue_end) == b"as",
        _ => false,
    };
    if completes {
        cue_end += 1;
    }
    // A bare weekday right after the verb is in the cue ("said Sunday");
    // "on Sunday" is not.
    if is_weekday(v.w(cue_end)) {
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
    let link_ok = v.is_a(next, Class::Link) || (link == b"at" && vf.particle.is_some());
    if !medium
        && vf.lemma != "say"
        && link_ok
        && next == cue_end
        && (vf.class != CueClass::Intent || link == b"for")
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

/// Whether most words of a sentence are capitalised (a headline).
pub(super) fn is_title_case(v: &View, sent: &Sent) -> bool {
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

/// Whether a cue lemma's base and -s forms are more often nouns ("the
/// report", "his comments"). A `match` on the lemma: its length first,
/// then a few fixed-length compares, not a walk over a list.
fn is_noun_like(lemma: &str) -> bool {
    matches!(
        lemma,
        "report"
            | "claim"
            | "comment"
            | "remark"
            | "attack"
            | "call"
            | "question"
            | "plan"
            | "hope"
            | "fear"
            | "support"
            | "state"
            | "note"
            | "view"
            | "back"
            | "address"
            | "document"
            | "project"
            | "offer"
            | "demand"
            | "promise"
            | "pledge"
            | "charge"
            | "estimate"
            | "answer"
            | "reply"
            | "challenge"
            | "dispute"
            | "counter"
            | "object"
            | "protest"
            | "push"
            | "press"
            | "post"
            | "reason"
            | "signal"
            | "echo"
            | "welcome"
            | "label"
            | "champion"
            | "blast"
            | "slam"
            | "brief"
            | "figure"
            | "guess"
            | "bet"
            | "doubt"
            | "joke"
            | "aim"
            | "wish"
            | "vow"
            | "threaten"
            | "concern"
            | "forecast"
            | "tweet"
            | "praise"
            | "fault"
            | "worry"
            | "order"
            | "mention"
            | "respond"
            | "favor"
            | "favour"
            | "read"
            | "plead"
            | "hint"
            | "yell"
            | "shout"
            | "chant"
            | "whisper"
            | "scream"
            | "decline"
            | "count"
            | "email"
            | "advocate"
    )
}

/// Whether the word at `k` before a bare cue word makes it a noun or an
/// adjective rather than a verb.
pub(super) fn noun_context(v: &View, k: usize, vf: VerbForm) -> bool {
    let w = v.w(k);
    if v.is_a(k, Class::Determiner)
        || matches!(
            w,
            b"his" | b"her" | b"their" | b"its" | b"our" | b"my" | b"your" | b"s"
        )
        || (v.is_a(k, Class::Preposition) && w != b"to")
    {
        return true;
    }
    if !matches!(vf.form, Form::Base | Form::S) || !is_noun_like(vf.lemma) {
        return false;
    }
    // "The firm plans to …", "the model projects that …": a verb before
    // its complement.
    if matches!(v.w(k + 2), b"to" | b"that" | b"whether")
        && v.is_a(k.wrapping_sub(1), Class::Determiner)
    {
        return false;
    }
    // "the document states, …": a determiner and a noun, then the verb
    // before its content.
    if v.is_a(k.wrapping_sub(1), Class::Determiner)
        && (v.is_punct(k + 2, ",") || v.is_punct(k + 2, ":") || v.is_quote(k + 2))
    {
        return false;
    }
    // Mostly nouns: a verb only after a pronoun, an auxiliary or a relative.
    if matches!(
        vf.lemma,
        "state" | "email" | "attack" | "address" | "back" | "support" | "report"
    ) {
        // "the Post reports that …": a name before an -s form.
        let named =
            vf.form == Form::S && matches!(vf.lemma, "report" | "support" | "back") && v.is_cap(k);
        return !(v.is_a(k, Class::Pronoun) || v.is_a(k, Class::Aux) || w == b"that" || named);
    }
    // "calls the plan a disaster", "calls her": an object after the verb.
    let object = v.w(k + 2);
    let takes_object = matches!(
        object,
        b"the" | b"a" | b"an" | b"her" | b"him" | b"it" | b"them" | b"his" | b"their"
    );
    if takes_object && !matches!(w, b"s" | b"his" | b"her" | b"their" | b"its") {
        return false;
    }
    // "questions about", "attacks on": a noun before its complement
    // (but "calls on Congress" is the verb with its particle).
    if matches!(v.w(k + 2), b"about" | b"of" | b"on" | b"against")
        && vf.particle.map(str::as_bytes) != Some(v.w(k + 2))
    {
        return true;
    }
    // A base or -s form needs a subject that reads as one: a pronoun, a
    // name, a plural or a relative.
    let subject_like = v.is_a(k, Class::Pronoun)
        || v.is_cap(k)
        || matches!(
            w,
            b"that" | b"which" | b"who" | b"people" | b"polls" | b"voters"
        )
        || (w.ends_with(b"s") && !w.ends_with(b"ss"));
    !subject_like || v.verb(k).is_some_and(|f| f.form != Form::S)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::view::with;

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
