//! Tests of the whole grammar on sentences of our own, one family a test.

use super::*;
use crate::input::{extract, InputFormat};
use crate::lexicon::cues;

/// (cue, source, content pieces) of every attribution found in `text`.
pub(super) fn run(text: &str) -> Vec<(String, Option<String>, Vec<String>)> {
    let doc = Document::new(extract(text, InputFormat::Text));
    find(&doc)
        .iter()
        .map(|a| {
            (
                doc.slice(a.cue).to_string(),
                a.source.map(|s| doc.slice(s).to_string()),
                a.content
                    .iter()
                    .map(|&c| doc.slice(c).to_string())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn said_that_takes_the_clause() {
    let r = run("The mayor said that the bridge would reopen in May.");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].0, "said");
    assert_eq!(r[0].1.as_deref(), Some("The mayor"));
    assert_eq!(r[0].2, ["that the bridge would reopen in May"]);
}

/// The examples of a data file whose entries the grammar misses.
fn missed_examples(
    data: &'static str,
    hit: impl Fn(&str, &Document, &Attribution) -> bool,
) -> Vec<String> {
    let mut missed = Vec::new();
    for (entry, example) in cues::entries(data) {
        let Some(example) = example else { continue };
        let doc = Document::new(extract(example, InputFormat::Text));
        let found = find(&doc);
        if !found.iter().any(|a| hit(entry, &doc, a)) {
            missed.push(format!("{entry}: {example}"));
        }
    }
    missed
}

/// The lemma of a data entry ("say/said/said" gives "say").
fn lemma(entry: &str) -> &str {
    let head = entry.split_whitespace().next().unwrap_or("");
    let head = head.split('_').next().unwrap_or(head);
    head.split('/').next().unwrap_or(head)
}

#[test]
fn every_cue_verb_example_is_found() {
    let missed = missed_examples(cues::CUE_VERBS, |entry, doc, a| {
        doc.slice(a.cue)
            .split(|c: char| !c.is_alphanumeric())
            .filter_map(|w| cues::verb(&w.to_ascii_lowercase()))
            .any(|v| v.lemma == lemma(entry))
    });
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

#[test]
fn every_noun_cue_example_is_found() {
    let missed = missed_examples(cues::CUE_NOUNS, |entry, doc, a| {
        doc.slice(a.cue).eq_ignore_ascii_case(entry)
    });
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

#[test]
fn every_anonymous_source_example_is_found() {
    let missed = missed_examples(cues::ANONYMOUS, |entry, doc, a| {
        a.source.is_some_and(|s| {
            doc.slice(s)
                .to_ascii_lowercase()
                .split_whitespace()
                .any(|w| w.trim_matches(',') == lemma(entry))
        })
    });
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

#[test]
fn every_hedge_example_is_found() {
    let missed = missed_examples(cues::HEDGES, |entry, doc, a| {
        a.hedged && doc.slice(a.cue).eq_ignore_ascii_case(lemma(entry))
    });
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

/// The single attribution found in `text` whose cue reads `cue`.
fn one(text: &str, cue: &str) -> (Option<String>, Vec<String>) {
    let r = run(text);
    let hits: Vec<_> = r.iter().filter(|a| a.0 == cue).collect();
    assert_eq!(hits.len(), 1, "{cue:?} in {r:?}");
    (hits[0].1.clone(), hits[0].2.clone())
}

#[test]
fn trailing_cue_takes_the_sentence_before_it() {
    let (s, c) = one("The vote was delayed by a week, the clerk said.", "said");
    assert_eq!(s.as_deref(), Some("the clerk"));
    assert_eq!(c, ["The vote was delayed by a week"]);
}

#[test]
fn inverted_cue_takes_the_source_to_the_sentence_end() {
    let (s, c) = one(
        "“We are ready,” said Ann Lee, a spokeswoman for the port.",
        "said",
    );
    assert_eq!(s.as_deref(), Some("Ann Lee, a spokeswoman for the port"));
    assert_eq!(c, ["“We are ready,”"]);
}

#[test]
fn appositive_sources_end_with_their_comma() {
    let (s, _) = one(
        "Ann Lee, a spokeswoman for the port, argued that the fee was fair.",
        "argued",
    );
    assert_eq!(s.as_deref(), Some("Ann Lee, a spokeswoman for the port,"));
}

#[test]
fn recipients_of_tell_stay_outside_cue_and_content() {
    let (s, c) = one("The mayor told reporters that the bridge was safe.", "told");
    assert_eq!(s.as_deref(), Some("The mayor"));
    assert_eq!(c, ["that the bridge was safe"]);
}

#[test]
fn statements_and_social_media_go_in_the_cue() {
    one(
        "The club said in a statement that the coach had left.",
        "said in a statement",
    );
    one(
        "The singer wrote on Twitter that the tour was over.",
        "wrote on Twitter",
    );
}

#[test]
fn verb_groups_take_auxiliaries_negation_and_adverbs() {
    one(
        "The mayor has also said that taxes will rise.",
        "has also said",
    );
    one("The firm did not deny that it had paid.", "did not deny");
}

#[test]
fn declined_to_comment_is_an_attribution() {
    let (s, c) = one("The bank declined to comment on the report.", "declined");
    assert_eq!(s.as_deref(), Some("The bank"));
    assert_eq!(c, ["to comment on the report"]);
}

#[test]
fn added_after_a_quotation() {
    let (s, _) = one("“It will be fine,” he added.", "added");
    assert_eq!(s.as_deref(), Some("he"));
}

#[test]
fn according_to_in_either_order() {
    let (s, c) = one("According to the court, the fine was paid.", "According to");
    assert_eq!(s.as_deref(), Some("the court"));
    assert_eq!(c, ["the fine was paid"]);
    let (s, c) = one(
        "The fine was paid, according to court records.",
        "according to",
    );
    assert_eq!(s.as_deref(), Some("court records"));
    assert_eq!(c, ["The fine was paid"]);
}

#[test]
fn as_per_and_per_name_their_source() {
    one("The road will close, as per the council.", "as per");
    one("The road will close, per the council.", "per");
    one("The road will close next week, via the council.", "via");
}

#[test]
fn information_phrases_join_the_according_to_cue() {
    one(
        "According to the information contained in the memo, the plant will close.",
        "According to the information contained in",
    );
    one(
        "The plant will close, as per the details provided in the memo.",
        "as per the details provided in",
    );
}

#[test]
fn passive_fronted_cues_take_was_that() {
    let (s, c) = one(
        "Indicated in the memo was that the plant would close.",
        "Indicated in",
    );
    assert_eq!(s.as_deref(), Some("the memo"));
    assert_eq!(c, ["the plant would close"]);
    one(
        "Revealed in the audit was that funds were missing.",
        "Revealed in",
    );
}

#[test]
fn as_was_noted_in_takes_the_content_before() {
    let (s, c) = one(
        "The plant will close in May, as was noted in the memo.",
        "as was noted in",
    );
    assert_eq!(s.as_deref(), Some("the memo"));
    assert_eq!(c, ["The plant will close in May"]);
    one(
        "The plant will close in May, as was pointed out in the memo.",
        "as was pointed out in",
    );
    one(
        "The plant will close, as reported by the daily.",
        "as reported by",
    );
}

#[test]
fn first_reported_by_takes_the_content_after_the_comma() {
    let (s, c) = one(
        "First reported by the daily, the deal was worth millions.",
        "First reported by",
    );
    assert_eq!(s.as_deref(), Some("the daily"));
    assert_eq!(c, ["the deal was worth millions"]);
}

#[test]
fn reported_by_a_publication() {
    one("The daily reported that the deal was signed.", "reported");
    one(
        "The deal was signed, the daily first reported.",
        "first reported",
    );
}

#[test]
fn trailing_report_cues() {
    let (s, _) = one("The deal was signed in May, the memo revealed.", "revealed");
    assert_eq!(s.as_deref(), Some("the memo"));
}

#[test]
fn anonymous_sources_are_sources() {
    let (s, _) = one(
        "Sources familiar with the matter said the deal was close.",
        "said",
    );
    assert_eq!(s.as_deref(), Some("Sources familiar with the matter"));
    let (s, _) = one(
        "One aide, who spoke on condition of anonymity, said the vote was close.",
        "said",
    );
    assert_eq!(s.as_deref(), Some("One aide"));
}

#[test]
fn hedges_have_no_source() {
    let r = run("The singer has reportedly left the band.");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].0, "reportedly");
    assert_eq!(r[0].1, None);
    let r = run("The house is said to be haunted.");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].0, "is said");
}

#[test]
fn split_quotes_give_a_piece_on_each_side() {
    let (s, c) = one(
        "“We will rebuild,” the mayor said, “and we will do it fast.”",
        "said",
    );
    assert_eq!(s.as_deref(), Some("the mayor"));
    assert_eq!(c, ["“We will rebuild,”", "“and we will do it fast.”"]);
}

#[test]
fn split_quotes_continue_after_the_tag_sentence() {
    let (_, c) = one(
        "“We will rebuild,” she said. “It will take a year.”",
        "said",
    );
    assert_eq!(c, ["“We will rebuild,”", "“It will take a year.”"]);
}

#[test]
fn colon_quotes_go_in_the_cue_and_run_over_paragraphs() {
    let (s, c) = one(
        "The mayor said: “We will rebuild.\n\n“It will take a year.”",
        "said:",
    );
    assert_eq!(s.as_deref(), Some("The mayor"));
    assert_eq!(c, ["“We will rebuild", "“It will take a year.”"]);
}

#[test]
fn quoted_paragraphs_continue_the_last_speaker() {
    let r = run("“We will rebuild,” the mayor said.\n\n“It will take a year and a lot of money.”");
    assert_eq!(r.len(), 2);
    assert_eq!(r[1].1.as_deref(), Some("the mayor"));
    assert_eq!(r[1].2, ["“It will take a year and a lot of money.”"]);
}

#[test]
fn a_paragraph_of_quotation_marks_alone_quotes_nothing() {
    let r = run("“We will rebuild,” the mayor said.\n\n\"“”‘’ said\n\n“ ” — 🙂");
    assert_eq!(r.len(), 1, "{r:?}");
    let r = run("\"“”‘’«»'„‟‹›「」\"'` said \"“”‘’«»'„‟‹›「」\"'` said");
    assert!(r.iter().all(|a| a.0 != "\""), "{r:?}");
}

#[test]
fn nested_attributions_point_to_the_outer_one() {
    let doc = Document::new(extract(
        "The daily report said that Lee emphasized, “We never knew about the meetings.”",
        InputFormat::Text,
    ));
    let found = find(&doc);
    assert_eq!(found.len(), 2);
    assert_eq!(doc.slice(found[1].cue), "emphasized");
    assert_eq!(found[1].via, Some(0));
    assert_eq!(found[0].via, None);
}

#[test]
fn reported_receiving_is_not_an_attribution() {
    assert!(run("The senator reported receiving a threat.").is_empty());
}

#[test]
fn said_to_be_without_a_be_verb_is_not_an_attribution() {
    assert!(run("The bill said to be the largest in years passed.").is_empty());
}

#[test]
fn told_without_content_is_not_an_attribution() {
    assert!(run("The guard told the boy.").is_empty());
}

#[test]
fn belief_and_intention_cues() {
    one("Most voters believe that the tax is unfair.", "believe");
    let (_, c) = one("The company plans to open a new store.", "plans");
    assert_eq!(c, ["to open a new store"]);
    let (s, _) = one("The storm seems to be weakening.", "seems");
    assert_eq!(s, None);
}

#[test]
fn evidence_cues() {
    one("The poll shows that the race is close.", "shows");
    one("The study found that the water was clean.", "found");
}

#[test]
fn noun_cues_take_a_possessive_source() {
    let (s, c) = one(
        "The mayor’s claim that the bridge was safe was false.",
        "claim",
    );
    assert_eq!(s.as_deref(), Some("The mayor’s"));
    assert_eq!(c, ["that the bridge was safe was false"]);
}

#[test]
fn coordinated_cues_share_the_source() {
    let r = run("The mayor praised the crews and said the road would reopen.");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].1, r[1].1);
    assert_eq!(r[0].2, ["the crews"]);
}

#[test]
fn speaker_lines_take_the_colon_as_cue() {
    let r = run("LEE: We will rebuild the harbour this year.");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].0, ":");
    assert_eq!(r[0].1.as_deref(), Some("LEE"));
    assert_eq!(r[0].2, ["We will rebuild the harbour this year"]);
}

#[test]
fn polls_are_sources() {
    let (s, c) = one("In a new city poll, most residents backed the park.", "In");
    assert_eq!(s.as_deref(), Some("a new city poll"));
    assert_eq!(c, ["most residents backed the park"]);
    assert!(run("The mayor saw a drop in the polls.").is_empty());
}

#[test]
fn quotation_tags_with_verbs_outside_the_lexicon() {
    let (s, c) = one("“We are not done yet,” Lee snapped.", "snapped");
    assert_eq!(s.as_deref(), Some("Lee"));
    assert_eq!(c, ["“We are not done yet,”"]);
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "",
        "“",
        "” said",
        "said",
        ", said .",
        "According to",
        "Indicated in was that",
        "LEE:",
        "'' '' ''",
        "“a\n“b\n“c",
        "Asked if,",
        "as was noted in",
        "per",
        "He’",
        "n’t said that",
        "X (D-R.I.), said",
    ] {
        let _ = run(text);
    }
}

#[test]
fn dash_enclosed_relative_clauses_leave_the_source() {
    let (s, _) = one(
        "Lee — who runs the harbour — told reporters the port would close.",
        "told",
    );
    assert_eq!(s.as_deref(), Some("Lee"));
}

#[test]
fn a_tag_inside_a_clause_splits_the_content() {
    let (s, c) = one("The harbour, the mayor said, will reopen in May.", "said");
    assert_eq!(s.as_deref(), Some("the mayor"));
    assert_eq!(c, ["The harbour", "will reopen in May"]);
}

#[test]
fn as_someone_put_it() {
    let (s, c) = one("The plan is dead, as the mayor put it.", "put it");
    assert_eq!(s.as_deref(), Some("the mayor"));
    assert_eq!(c, ["The plan is dead"]);
}

#[test]
fn unquoted_content_stops_at_a_semicolon_or_a_relative_clause() {
    let (_, c) = one(
        "The mayor said the pier would close; the council disagreed.",
        "said",
    );
    assert_eq!(c, ["the pier would close"]);
    let (_, c) = one(
        "The mayor criticized the budget, which passed anyway.",
        "criticized",
    );
    assert_eq!(c, ["the budget"]);
}

#[test]
fn reports_by_publications_have_the_report_kind() {
    let doc = Document::new(extract(
        "The daily reported that the deal was signed. The deal was signed, as reported by the daily.",
        InputFormat::Text,
    ));
    let found = find(&doc);
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|a| a.kind == AttributionKind::ReportedBy));
}

#[test]
fn embedded_relative_clauses_stay_in_the_content() {
    let (_, c) = one(
        "They argued that the bill, which forces a sale, is unfair.",
        "argued",
    );
    assert_eq!(c, ["that the bill, which forces a sale, is unfair"]);
}

#[test]
fn no_cue_idiom_example_is_an_attribution() {
    let found: Vec<String> = cues::entries(cues::CUE_IDIOMS)
        .filter_map(|(_, example)| example)
        .filter(|example| !run(example).is_empty())
        .map(str::to_string)
        .collect();
    assert!(found.is_empty(), "attributed:\n{}", found.join("\n"));
}

#[test]
fn idioms_leave_the_verb_a_cue_elsewhere() {
    let r = run("The guide told a story that nobody believed, and said that the cave was closed.");
    assert!(r.iter().any(|a| a.0 == "said"));
}

#[test]
fn requests_made_of_the_subject_are_not_reports() {
    assert!(run("Visitors are asked to sign in at the front desk.").is_empty());
    assert!(run("Residents were told to boil their water.").is_empty());
    assert!(run("Drivers are urged to slow down near the school.").is_empty());
    assert_eq!(run("The road is expected to reopen in June.").len(), 1);
    assert_eq!(run("The fee is intended to cover the repairs.").len(), 1);
}

#[test]
fn a_participle_inside_a_noun_phrase_is_no_cue() {
    assert!(run("The pupils met in the old reading room before lunch.").is_empty());
    let r = run("The council sent a letter saying the road would close.");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].0, "saying");
    assert_eq!(
        run("The report shows a poor understanding of the river.").len(),
        1
    );
}

#[test]
fn a_recipient_goes_on_through_a_prepositional_phrase() {
    let r = run("\"We won,\" Ada Pell told supporters at a hall in Brookmere.");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].0, "told");
    assert_eq!(r[0].2, ["\"We won,\""]);
    // A determiner right after the recipient still opens a new clause.
    let r = run("Ada Pell told reporters the ferry would stop.");
    assert_eq!(r[0].2, ["the ferry would stop"]);
    let r = run("Ada Pell told crew at the end of last season that the ferry would stop.");
    assert_eq!(r[0].2, ["that the ferry would stop"]);
}

#[test]
fn a_month_between_the_cue_and_its_clause_is_a_time() {
    for text in [
        "The clerk reported in May that the fund was empty.",
        "The clerk said last May that the fund was empty.",
        "The clerk said in October that the fund was empty.",
    ] {
        let r = run(text);
        assert_eq!(r.len(), 1, "{text}");
        assert_eq!(r[0].2, ["that the fund was empty"], "{text}");
    }
    // A month's name before a name is a first name, and "may" elsewhere
    // is the auxiliary.
    let r = run("April Dunmore, a spokeswoman, said the fund may be empty.");
    assert_eq!(r[0].1.as_deref(), Some("April Dunmore, a spokeswoman,"));
    assert_eq!(r[0].2, ["the fund may be empty"]);
}

#[test]
fn a_manner_phrase_inside_a_tag_keeps_the_quotation_after_it() {
    let r = run("\"The plan,\" Ada Pell said with a shrug, \"will fail.\"");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].2, ["\"The plan,\"", "\"will fail.\""]);
    let r = run("The plan, Ada Pell said in a phone interview, will fail.");
    assert_eq!(r[0].2, ["The plan", "will fail"]);
}
