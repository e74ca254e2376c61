use super::fixture::{article_attributions, doc, find, on, Builder, ARTICLE};
use super::*;
use crate::grammar::AttributionKind::{self, *};
use crate::input::Link;
use crate::lexicon::sources::{words as source_words, SourceWord};

/// The entity an attribution's source resolves to.
fn source_of(res: &Resolution, i: usize) -> &Entity {
    let e = res.sources.get(i).copied().flatten().expect("resolved");
    res.entities.get(e).expect("entity")
}

/// Resolves one mention per attribution (cue = the mention, content = the
/// mention) in `text`.
fn resolve_mentions(text: &str, mentions: &[&str]) -> Resolution {
    let d = doc(text);
    let mut from = 0;
    let list: Vec<Attribution> = mentions
        .iter()
        .map(|m| {
            let span = find(text, m, from);
            from = span.end();
            on(span)
        })
        .collect();
    resolve(&d, &list)
}

fn names(res: &Resolution) -> Vec<(String, EntityKind)> {
    res.entities
        .iter()
        .map(|e| (e.name.clone(), e.kind))
        .collect()
}

#[test]
fn article_entities_match_the_seed_shapes() {
    let d = doc(ARTICLE);
    let list = article_attributions();
    let res = resolve(&d, &list);
    let post = source_of(&res, 0);
    assert_eq!(
        (post.name.as_str(), post.kind),
        ("The Washington Post", EntityKind::Outlet)
    );
    for i in [2, 4, 8, 11] {
        assert_eq!(
            source_of(&res, i).name,
            "The Washington Post",
            "attribution {i}"
        );
    }
    let mentions: Vec<&str> = post.mentions.iter().map(|&m| d.slice(m)).collect();
    assert!(mentions.contains(&"the story in the Post"));
    assert_eq!(source_of(&res, 1).kind, EntityKind::Anonymous);
    assert_eq!(source_of(&res, 1).name, "people familiar with the talks");
    let quispe = source_of(&res, 5);
    assert_eq!(quispe.name, "Rosa Quispe");
    assert_eq!(quispe.role.as_deref(), Some("spokeswoman"));
    assert_eq!(quispe.affiliation.as_deref(), Some("Peruvian Consulate"));
    assert_eq!(source_of(&res, 6).name, "Rosa Quispe");
    assert_eq!(source_of(&res, 7).name, "Axios");
    let they = source_of(&res, 9);
    assert_eq!(
        (they.name.as_str(), they.kind),
        ("Peruvian officials", EntityKind::Group)
    );
    let brandt = source_of(&res, 10);
    assert_eq!(brandt.name, "Theo Brandt");
    assert_eq!(brandt.role.as_deref(), Some("spokesman"));
    assert_eq!(brandt.affiliation.as_deref(), Some("Quickbasket"));
    assert_eq!(source_of(&res, 12).name, "Theo Brandt");
    assert_eq!(res.sources.get(3), Some(&None));
}

#[test]
fn short_form_takes_the_earlier_full_outlet_name() {
    let text = "The Denver Post ran it first. Later the Post said more.";
    let res = resolve_mentions(text, &["The Denver Post", "the Post"]);
    assert_eq!(res.entities.len(), 1);
    assert_eq!(res.entities[0].name, "The Denver Post");
    assert_eq!(res.entities[0].mentions.len(), 2);
}

#[test]
fn short_form_takes_the_linked_outlet_when_none_is_named() {
    let text = "As the Post reported on Friday, the vote slipped.";
    let mut d = doc(text);
    d.links.push(Link {
        span: find(text, "the Post", 0),
        href: "https://www.nypost.com/2024/05/01/x".into(),
    });
    let span = find(text, "the Post", 0);
    let list = vec![Attribution {
        kind: AttributionKind::ReportedBy,
        cue: find(text, "reported", 0),
        source: Some(span),
        content: vec![find(text, "the vote slipped", 0)],
        via: None,
        hedged: false,
    }];
    let res = resolve(&d, &list);
    assert_eq!(res.entities[0].name, "New York Post");
    assert!(res.entities[0].ambiguous.is_empty());
}

#[test]
fn unsettled_short_form_stays_ambiguous_and_lists_candidates() {
    let text = "The Post said the vote slipped.";
    let res = resolve_mentions(text, &["The Post"]);
    let e = &res.entities[0];
    assert_eq!((e.name.as_str(), e.kind), ("Post", EntityKind::Outlet));
    assert!(e.ambiguous.iter().any(|c| c == "New York Post"));
    assert!(e.ambiguous.iter().any(|c| c == "The Washington Post"));
}

#[test]
fn bare_report_points_back_to_the_last_outlet_report() {
    let text = "The Axios report said so. Much later, the report added details.";
    let res = resolve_mentions(text, &["The Axios report", "the report"]);
    assert_eq!(names(&res), [("Axios".to_string(), EntityKind::Outlet)]);
}

#[test]
fn bare_report_with_no_outlet_is_a_document() {
    let res = resolve_mentions("The report said so.", &["The report"]);
    assert_eq!(names(&res), [("report".to_string(), EntityKind::Document)]);
}

#[test]
fn documents_and_their_definite_mentions() {
    let text = "A new poll found support. Court filings show debts. The poll also found doubt.";
    let res = resolve_mentions(text, &["A new poll", "Court filings", "The poll"]);
    assert_eq!(
        names(&res),
        [
            ("new poll".to_string(), EntityKind::Document),
            ("Court filings".to_string(), EntityKind::Document)
        ]
    );
    assert_eq!(res.sources, [Some(0), Some(1), Some(0)]);
}

#[test]
fn later_surname_is_the_earlier_person() {
    let text = "Dana Whitfield, a lawyer for the Harlow Foundation, spoke. Whitfield said more.";
    let res = resolve_mentions(
        text,
        &[
            "Dana Whitfield, a lawyer for the Harlow Foundation",
            "Whitfield",
        ],
    );
    assert_eq!(res.entities.len(), 1);
    let e = &res.entities[0];
    assert_eq!(e.name, "Dana Whitfield");
    assert_eq!(e.role.as_deref(), Some("lawyer"));
    assert_eq!(e.affiliation.as_deref(), Some("Harlow Foundation"));
}

#[test]
fn surname_finds_a_full_name_the_text_gave_before() {
    let text = "Lawmakers praised Mara Keel on Monday. Keel said she would run.";
    let res = resolve_mentions(text, &["Monday. ", "Keel"]);
    let res = Resolution {
        entities: res
            .entities
            .into_iter()
            .filter(|e| e.name != "Monday")
            .collect(),
        ..res
    };
    assert_eq!(names(&res), [("Mara Keel".to_string(), EntityKind::Person)]);
}

#[test]
fn senator_with_party_bracket() {
    let res = resolve_mentions(
        "Sen. Ola Brandvik (R-ME) said no.",
        &["Sen. Ola Brandvik (R-ME)"],
    );
    let e = &res.entities[0];
    assert_eq!(e.name, "Ola Brandvik");
    assert_eq!(e.role.as_deref(), Some("senator"));
    assert_eq!(e.affiliation.as_deref(), Some("Republican Party (ME)"));
}

#[test]
fn company_spokesperson_is_affiliated_with_the_company_in_focus() {
    let text = "Fizzly grew fast. Critics say Fizzly spies on users, and Fizzly denies it. \
                Fizzly is owned by the firm Tarn Holdings. The company’s spokesperson, Ines Vale, said no.";
    let res = resolve_mentions(text, &["The company’s spokesperson, Ines Vale"]);
    let e = &res.entities[0];
    assert_eq!(e.name, "Ines Vale");
    assert_eq!(e.affiliation.as_deref(), Some("Fizzly"));
}

#[test]
fn the_embassy_is_the_last_embassy_named() {
    let text = "Staff of the Chilean Embassy met them. The embassy said it was routine.";
    let res = resolve_mentions(text, &["The embassy"]);
    assert_eq!(
        names(&res),
        [("Chilean Embassy".to_string(), EntityKind::Organisation)]
    );
}

#[test]
fn pronouns_go_to_the_nearest_compatible_entity() {
    let text =
        "Ruth Amsel said yes. The Labour Party said no. She said it again. It said no again.";
    let res = resolve_mentions(text, &["Ruth Amsel", "The Labour Party", "She", "It"]);
    assert_eq!(res.sources, [Some(0), Some(1), Some(0), Some(1)]);
}

#[test]
fn they_goes_to_the_group_in_focus_even_when_never_a_source() {
    let text = "Sources close to the board spoke first. Later, Finnish diplomats met aides. \
                The diplomats objected. They said the plan was unfair.";
    let res = resolve_mentions(text, &["Sources close to the board", "They"]);
    let e = source_of(&res, 1);
    assert_eq!(
        (e.name.as_str(), e.kind),
        ("Finnish diplomats", EntityKind::Group)
    );
    assert!(e.mentions.len() >= 3, "{:?}", e.mentions);
}

#[test]
fn relative_pronoun_is_the_entity_just_before() {
    let text = "Omar Lind, who said it, left.";
    let res = resolve_mentions(text, &["Omar Lind", "who"]);
    assert_eq!(res.sources, [Some(0), Some(0)]);
}

#[test]
fn unresolved_pronoun_is_unknown_named_by_it() {
    let res = resolve_mentions("He said no.", &["He"]);
    assert_eq!(names(&res), [("He".to_string(), EntityKind::Unknown)]);
}

#[test]
fn anonymous_sources_are_anonymous() {
    let text = "A person briefed on the plan spoke. Officials said more. \
                One aide, who spoke on condition of anonymity, agreed. People close to Ames said so. A senior official said so.";
    let res = resolve_mentions(
        text,
        &[
            "A person briefed on the plan",
            "Officials",
            "One aide, who spoke on condition of anonymity",
            "People close to Ames",
            "A senior official",
        ],
    );
    assert!(
        res.entities.iter().all(|e| e.kind == EntityKind::Anonymous),
        "{:?}",
        names(&res)
    );
    assert_eq!(res.entities.len(), 5);
}

#[test]
fn groups_by_nationality_or_affiliation_and_back_references() {
    let text = "Senate Republicans said no. Chilean officials said yes. The officials said more.";
    let res = resolve_mentions(
        text,
        &["Senate Republicans", "Chilean officials", "The officials"],
    );
    assert_eq!(
        names(&res),
        [
            ("Senate Republicans".to_string(), EntityKind::Group),
            ("Chilean officials".to_string(), EntityKind::Group)
        ]
    );
    assert_eq!(res.sources[2], Some(1));
}

#[test]
fn organisations_by_head_and_acronym() {
    let text = "The Ministry of Fisheries said so. The ACLU said so. The White House said so.";
    let res = resolve_mentions(
        text,
        &["The Ministry of Fisheries", "The ACLU", "The White House"],
    );
    assert!(
        res.entities
            .iter()
            .all(|e| e.kind == EntityKind::Organisation),
        "{:?}",
        names(&res)
    );
    assert_eq!(res.entities[0].name, "Ministry of Fisheries");
}

#[test]
fn lexicon_examples_resolve_to_their_kind() {
    for ex in &source_words().examples {
        let want = match ex.kind {
            SourceWord::Anonymous | SourceWord::Source => EntityKind::Anonymous,
            SourceWord::Group => EntityKind::Group,
            SourceWord::Org | SourceWord::OrgName => EntityKind::Organisation,
            SourceWord::Title => EntityKind::Person,
            SourceWord::Document | SourceWord::Report => EntityKind::Document,
            _ => continue,
        };
        let res = resolve_mentions(ex.mention, &[ex.mention]);
        let got = res.entities.first().map(|e| e.kind);
        assert_eq!(got, Some(want), "{:?} {:?}", ex.phrase, ex.mention);
    }
}

#[test]
fn odd_mentions_never_panic() {
    let long = "word ".repeat(10_000);
    for m in [
        "",
        " ",
        ".,;",
        "🙂🎉",
        "’s",
        "(((",
        "The",
        "Mr.",
        long.as_str(),
    ] {
        let text = format!("x {m} y");
        let d = doc(&text);
        let span = Span::new(2, 2 + m.len());
        let list = vec![on(span)];
        let res = resolve(&d, &list);
        assert_eq!(res.sources.len(), 1);
        let _ = is_secondhand(&list, &res);
    }
}

#[test]
fn secondhand_when_hedged_published_or_reported_inside_a_publication() {
    let d = doc(ARTICLE);
    let list = article_attributions();
    let res = resolve(&d, &list);
    let s = is_secondhand(&list, &res);
    // a0 outlet, a1 anonymous sharing the Post's content, a3 hedged, a5
    // via the Post, a9 "They" whose antecedent is in the Post's content; a6
    // a person speaking on their own.
    assert!(s[0] && s[1] && s[3] && s[5] && s[9]);
    assert!(!s[6]);
}

#[test]
fn secondhand_follows_via_at_any_depth_and_survives_cycles() {
    let text = "The Globe report said Ann said Bo said it.";
    let mut b = Builder::new(text);
    let a = b.add(
        "The",
        Verb,
        "said",
        Some("The Globe report"),
        "Ann said Bo said it",
        None,
    );
    let c = b.add("Ann", Verb, "said", Some("Ann"), "Bo said it", Some(a));
    b.add("Bo", Verb, "said", Some("Bo"), "it", Some(c));
    let mut list = b.list;
    let res = resolve(&doc(text), &list);
    assert_eq!(is_secondhand(&list, &res), [true, true, true]);
    list[0].via = Some(2);
    list[0].source = None;
    let inside = reported_inside(&list, &res);
    assert_eq!(inside::chain(&inside, 2).count(), 2);
    let _ = is_secondhand(&list, &res);
}

#[test]
fn source_inside_anothers_content_is_reported_inside_it() {
    let text = "The Axios report said that Lee Park insisted the deal was off.";
    let mut b = Builder::new(text);
    b.add(
        "The",
        Verb,
        "said",
        Some("The Axios report"),
        "Lee Park insisted the deal was off",
        None,
    );
    b.add(
        "Lee",
        Verb,
        "insisted",
        Some("Lee Park"),
        "the deal was off",
        None,
    );
    let res = resolve(&doc(text), &b.list);
    assert_eq!(reported_inside(&b.list, &res), [None, Some(0)]);
    assert_eq!(is_secondhand(&b.list, &res), [true, true]);
}

#[test]
fn pronoun_whose_antecedent_is_in_a_report_speaks_from_it() {
    let text = "Danish officials balked, the Axios report said. They argued the fee was too high.";
    let mut b = Builder::new(text);
    b.add(
        "Danish",
        Verb,
        "said",
        Some("the Axios report"),
        "Danish officials balked",
        None,
    );
    b.add(
        "They",
        Verb,
        "argued",
        Some("They"),
        "the fee was too high",
        None,
    );
    let res = resolve(&doc(text), &b.list);
    assert_eq!(res.antecedents[1], Some(find(text, "Danish officials", 0)));
    assert_eq!(reported_inside(&b.list, &res), [None, Some(0)]);
}

#[test]
fn person_speaking_on_their_own_is_not_secondhand() {
    let text = "Lee Park said the deal was off.";
    let mut b = Builder::new(text);
    b.add(
        "Lee",
        Verb,
        "said",
        Some("Lee Park"),
        "the deal was off",
        None,
    );
    let res = resolve(&doc(text), &b.list);
    assert_eq!(is_secondhand(&b.list, &res), [false]);
}

#[test]
fn relative_pronoun_reads_the_noun_phrase_before_it() {
    let text = "It was backed by the Ministry of Ports, which said it would help.";
    let res = resolve_mentions(text, &["which"]);
    assert_eq!(
        names(&res),
        [("Ministry of Ports".to_string(), EntityKind::Organisation)]
    );
    let text = "Kim Ode, who chairs it, spoke.";
    let res = resolve_mentions(text, &["who"]);
    assert_eq!(names(&res), [("Kim Ode".to_string(), EntityKind::Person)]);
}

#[test]
fn partitive_role_phrase_with_a_name_in_apposition() {
    let text = "One of the firm’s lawyers, Ren Aldo, said no.";
    let res = resolve_mentions(text, &["One of the firm’s lawyers, Ren Aldo"]);
    let e = &res.entities[0];
    assert_eq!(
        (e.name.as_str(), e.role.as_deref()),
        ("Ren Aldo", Some("lawyer"))
    );
}

#[test]
fn middle_initials_keep_a_full_name_for_the_surname() {
    let text = "Voters met Carla J. Brenn on Monday. Brenn said no.";
    let res = resolve_mentions(text, &["Monday. ", "Brenn"]);
    assert!(res
        .entities
        .iter()
        .any(|e| e.name == "Carla J. Brenn" && e.kind == EntityKind::Person));
}

#[test]
fn thousands_of_mentions_resolve_without_blowing_up() {
    // Every shape at once, 600 times over: distinct surnames, pronouns,
    // "the company", the ambiguous "the Post", "the report", groups.
    let mut text = String::new();
    let mut mentions = Vec::new();
    for i in 0..600 {
        let name = format!("Zed{i}");
        text.push_str(&format!(
            "{name} Qua said so. He said more. The company said no. \
             The Post said yes. Bolivian officials said it. They said more. "
        ));
        mentions.push(name);
    }
    let d = doc(&text);
    let mut list = Vec::new();
    let mut from = 0;
    for name in &mentions {
        for m in [
            format!("{name} Qua"),
            "He".into(),
            "The company".into(),
            "The Post".into(),
            "Bolivian officials".into(),
            "They".into(),
        ] {
            let span = find(&text, &m, from);
            from = span.end();
            list.push(on(span));
        }
    }
    let res = resolve(&d, &list);
    assert_eq!(res.sources.len(), 3600);
    assert!(res.sources.iter().all(Option::is_some));
    let chains = crate::graph::build(&list, &res).chains();
    assert!(chains.len() >= 600);
}

#[test]
fn surname_named_in_full_only_later_is_that_person() {
    let text = "Vance said no. Later, Ora Vance spoke again.";
    let res = resolve_mentions(text, &["Vance"]);
    assert_eq!(names(&res), [("Ora Vance".to_string(), EntityKind::Person)]);
}

#[test]
fn title_on_a_possessor_does_not_make_the_phrase_a_person() {
    let res = resolve_mentions(
        "One of Mr. Lund’s aides said so.",
        &["One of Mr. Lund’s aides"],
    );
    assert_eq!(res.entities[0].kind, EntityKind::Anonymous);
}

#[test]
fn organisation_names_start_at_their_first_capital() {
    let text = "The nonpartisan Fiscal Watch Office said so.";
    let res = resolve_mentions(text, &["The nonpartisan Fiscal Watch Office"]);
    assert_eq!(
        names(&res),
        [("Fiscal Watch Office".to_string(), EntityKind::Organisation)]
    );
}

#[test]
fn she_with_no_person_source_is_the_last_person_named() {
    let text = "Voters cheered Nia Holt at the rally. She said the fight was not over.";
    let res = resolve_mentions(text, &["She"]);
    assert_eq!(names(&res), [("Nia Holt".to_string(), EntityKind::Person)]);
}

#[test]
fn first_reported_either_in_or_just_before_the_cue() {
    let text = "It was first reported by Axios. First reported by Axios, it spread.";
    let mut b = Builder::new(text);
    b.add("It", ReportedBy, "reported by", Some("Axios"), "It", None);
    b.add(
        "First",
        ReportedBy,
        "First reported by",
        Some("Axios"),
        "it spread",
        None,
    );
    b.add("It", Verb, "was", Some("Axios"), "It", None);
    let res = resolve(&doc(text), &b.list);
    assert_eq!(res.first_reports, [true, true, false]);
}

#[test]
fn documents_carry_who_issued_them() {
    let text = "A survey by the Lakeside Institute found it. The Navy’s statement said so.";
    let res = resolve_mentions(
        text,
        &["A survey by the Lakeside Institute", "The Navy’s statement"],
    );
    let issuers: Vec<Option<&str>> = res
        .entities
        .iter()
        .map(|e| e.affiliation.as_deref())
        .collect();
    assert_eq!(issuers, [Some("Lakeside Institute"), Some("Navy")]);
    assert!(res.entities.iter().all(|e| e.kind == EntityKind::Document));
}

#[test]
fn a_possessor_outlet_is_a_persons_affiliation() {
    let res = resolve_mentions("Axios’s Lu Ferro said so.", &["Axios’s Lu Ferro"]);
    let e = &res.entities[0];
    assert_eq!(
        (e.name.as_str(), e.affiliation.as_deref()),
        ("Lu Ferro", Some("Axios"))
    );
}

#[test]
fn a_sentence_capital_is_not_an_affiliation() {
    let text = "Many younger voters stayed home. Younger voters said they were bored. \
                Chilean voters said the same.";
    let res = resolve_mentions(text, &["Younger voters", "Chilean voters"]);
    assert_eq!(
        names(&res),
        [
            ("Younger voters".to_string(), EntityKind::Anonymous),
            ("Chilean voters".to_string(), EntityKind::Group)
        ]
    );
}

#[test]
fn a_place_affiliation_is_not_an_outlet() {
    let res = resolve_mentions(
        "A New York businessman said so.",
        &["A New York businessman"],
    );
    assert_eq!(res.entities[0].affiliation.as_deref(), Some("New York"));
}

#[test]
fn first_person_inside_a_quote_is_its_speaker() {
    let text = "“I told them we would win,” said Mo Reyes, a spokesman for the Tarn Party.";
    let mut b = Builder::new(text);
    b.add(
        "“I",
        Verb,
        "said",
        Some("Mo Reyes, a spokesman for the Tarn Party"),
        "I told them we would win",
        None,
    );
    b.add("“I", Verb, "told", Some("I"), "we would win", None);
    b.add("“I", Verb, "would win", Some("we"), "would win", None);
    let res = resolve(&doc(text), &b.list);
    assert_eq!(source_of(&res, 1).name, "Mo Reyes");
    assert_eq!(
        (source_of(&res, 2).name.as_str(), source_of(&res, 2).kind),
        ("Tarn Party", EntityKind::Organisation)
    );
}

#[test]
fn first_person_with_no_speaker_is_unknown() {
    let res = resolve_mentions("I said so.", &["I"]);
    assert_eq!(names(&res), [("I".to_string(), EntityKind::Unknown)]);
}

#[test]
fn content_running_over_the_reporting_outlet_does_not_turn_the_chain_around() {
    // The anonymous source's content runs on over "the Times report" (as a
    // grammar that takes content to the sentence end gives it), and the
    // grammar put the anonymous source `via` the Times: the Times stays
    // the parent, never the child.
    let text = "According to two aides, the mayor will resign, as per the information in the Times report.\n";
    let mut b = Builder::new(text);
    let aides = b.add(
        "According",
        AccordingTo,
        "According to",
        Some("two aides"),
        "the mayor will resign, as per the information in the Times report",
        Some(1),
    );
    let times = b.add(
        "According",
        AccordingTo,
        "as per the information in",
        Some("the Times report"),
        "the mayor will resign",
        None,
    );
    let inside = inside::reported_inside(&b.list, &resolve(&doc(text), &b.list));
    assert_eq!(inside.get(aides).copied().flatten(), Some(times));
    assert_eq!(inside.get(times).copied().flatten(), None);
}

#[test]
fn an_outlet_named_with_a_common_head_is_an_outlet_after_the() {
    let text = "The Associated Press reported it. Later the press reported it. The Press did too.";
    let res = resolve_mentions(text, &["The Associated Press", "the press", "The Press"]);
    assert_eq!(source_of(&res, 0).kind, EntityKind::Outlet);
    assert_eq!(source_of(&res, 0).name, "Associated Press");
    // A lone common head with a determiner stays a common noun.
    assert_eq!(source_of(&res, 1).kind, EntityKind::Anonymous);
    assert_eq!(source_of(&res, 2).kind, EntityKind::Anonymous);
}
