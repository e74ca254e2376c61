//! A credit line ("Reuters contributed to this report") through the whole
//! pipeline: an outlet entity, an edge from the publisher with no words, no
//! attributed words, and every renderer copes with the empty content.

use secondhand::render::human::{self, HumanOptions};
use secondhand::{analyze, Article, InputFormat, Options};

/// An invented article with a credit line at its end.
const ARTICLE: &str = "The ferry service will end in June, the port director said on Monday.\n\n\
    Reuters contributed to this report.\n";

#[test]
fn a_credit_line_makes_a_chain_with_no_words() {
    let article = Article {
        id: "credit",
        text: ARTICLE,
        format: InputFormat::Text,
        publisher: Some("Example Gazette"),
        url: None,
    };
    let Ok(report) = analyze(&article, &Options::default()) else {
        panic!("analysis failed");
    };
    let credit = report
        .attributions
        .iter()
        .find(|a| a.cue.text == "contributed to this report");
    let Some(credit) = credit else {
        panic!("no credit attribution");
    };
    assert!(credit.content.is_empty());
    let reuters = report.entities.iter().find(|e| e.name == "Reuters");
    assert!(reuters.is_some_and(|e| format!("{:?}", e.kind).eq_ignore_ascii_case("outlet")));
    let edge = report.graph.edges.iter().find(|e| {
        report
            .graph
            .nodes
            .iter()
            .any(|n| n.id == e.to && n.name == "Reuters")
    });
    assert!(edge.is_some_and(|e| e.words == 0 && e.attributions == 1));
    // Only the director's words are attributed.
    let said = report.metrics.attributed_words;
    assert!(said > 0 && said < 10, "{said}");
    let text = human::report(&report, &HumanOptions::default());
    assert!(text.contains("Reuters ← (no content)"), "{text}");
    let json = secondhand::render::json::report(&report);
    assert!(json.contains("\"kind\": \"credit\"") || json.contains("\"kind\":\"credit\""));
}
