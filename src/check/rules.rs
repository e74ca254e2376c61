//! The rule registry: each rule's stable code, name, default severity and
//! documentation (`secondhand rules`, SARIF rule metadata).

use super::{Rule, Severity};

const RULES: &[Rule] = &[
    Rule {
        code: "SH001",
        name: "secondhand-share",
        default_severity: None,
        summary: "Too much of the article is secondhand",
        what: "Reports an article whose secondhand share (the part of its body words \
               that comes from other publications, or is hedged with no source) is above \
               `max-secondhand`. Off until a maximum is set in the configuration or with \
               `--max-secondhand`. The finding points at the first secondhand sentence \
               and lists the first attribution of each secondhand source.",
        why: "An article that mostly retells what other outlets reported adds little \
              reporting of its own, and its readers depend on sources the newsroom has \
              not checked. A desk can set the share it accepts.",
        example: "With `max-secondhand = 0.5`:\n\n    The Harbor Gazette reported that the \
                  pier will close. According to the Gazette, repairs will take a year.\n\n\
                  All of the body is secondhand (100%), above the maximum of 50%.",
    },
    Rule {
        code: "SH002",
        name: "anonymous-sources",
        default_severity: Some(Severity::Warning),
        summary: "More anonymous sources than the maximum",
        what: "Counts the attributions whose source is anonymous (\"officials who spoke \
               on condition of anonymity\", \"a person familiar with the talks\") and \
               reports when there are more than `max-anonymous` (default 2). The finding \
               points at the first anonymous attribution over the limit and lists the \
               others.",
        why: "Readers cannot weigh a claim whose source they cannot see. Anonymous \
              sourcing has its place, but many anonymous sources in one article call for \
              an editor's look.",
        example: "    A person familiar with the plan said it was final. Two officials who \
                  asked not to be named said the vote was set. Sources close to the mayor \
                  said she agreed.\n\nThree anonymous attributions, above the maximum of 2.",
    },
    Rule {
        code: "SH003",
        name: "unsourced-hedge",
        default_severity: Some(Severity::Warning),
        summary: "A hedge with no source (\"reportedly\", \"allegedly\")",
        what: "Reports each hedged attribution that names no source: \"reportedly\", \
               \"allegedly\", \"is said to\", \"it is understood that\".",
        why: "A hedge tells the reader that someone said it without saying who. The claim \
              is secondhand and cannot be traced.",
        example: "    The chef reportedly left the restaurant in March.\n\nUse instead:\n\n    \
                  The chef left the restaurant in March, the owner said.",
    },
    Rule {
        code: "SH004",
        name: "outlet-without-link",
        default_severity: Some(Severity::Warning),
        summary: "An outlet cited as a source without a link",
        what: "In HTML and Markdown, reports each outlet (other than the publisher and \
               the origin of the story) that is the source of an attribution when no link \
               in the article covers one of its mentions or points at one of its domains.",
        why: "Where the format allows links, a reader should be able to open the report \
              that the article relies on.",
        example: "    The pier will close, the [Harbor Gazette](https://gazette.example/pier) \
                  reported. The Valley Courier said the repairs would cost more.\n\n\
                  The Valley Courier has no link.",
    },
    Rule {
        code: "SH005",
        name: "unattributed-quote",
        default_severity: Some(Severity::Warning),
        summary: "A direct quotation with no identifiable speaker",
        what: "Reports each quotation in the body of at least `min-quote-words` words \
               (default 6) that is not part of an attribution with a source.",
        why: "A direct quote promises the speaker's own words; without a speaker the \
              reader cannot tell whose words they are.",
        example: "    \"We will not let the pier fall into the sea,\" the statement read \
                  in part.\n\nThe statement is not a speaker the analysis can name; compare \
                  `\"We will not let the pier fall into the sea,\" Mayor Okafor said.`",
    },
    Rule {
        code: "SH006",
        name: "single-source",
        default_severity: Some(Severity::Info),
        summary: "One source carries most of the attributed content",
        what: "Reports an article in which one source carries more than \
               `single-source-share` (default 0.75) of the attributed words, when the \
               article has at least `min-attributed-words` (default 60) attributed words.",
        why: "A story that rests on one voice may need a second source, or a reply from \
              the people it is about.",
        example: "    The council will raise fares, the transit chief said. She said buses \
                  will run less often. Service will end at ten, she added.\n\nEvery \
                  attributed word comes from the transit chief.",
    },
    Rule {
        code: "SH007",
        name: "chain-depth",
        default_severity: Some(Severity::Warning),
        summary: "An attribution chain deeper than the maximum",
        what: "Reports each chain of attributions with more than `max-chain-depth` \
               (default 2) sources after the publisher: a report about a report about a \
               report. The finding points at the deepest attribution and labels each link \
               up the chain.",
        why: "Every hop is a retelling the newsroom did not see; claims at the end of a \
              long chain are the hardest to check.",
        example: "    The Valley Courier reported that, according to the Harbor Gazette, \
                  officials said the pier was unsafe.\n\nPublisher → Valley Courier → Harbor \
                  Gazette → officials: depth 3, above the maximum of 2.",
    },
];

/// Every rule, in code order.
pub fn all() -> &'static [Rule] {
    RULES
}

/// The rule with this code or name (any case).
pub fn lookup(code_or_name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| {
        r.code.eq_ignore_ascii_case(code_or_name) || r.name.eq_ignore_ascii_case(code_or_name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_in_order() {
        let codes: Vec<&str> = all().iter().map(|r| r.code).collect();
        assert_eq!(
            codes,
            ["SH001", "SH002", "SH003", "SH004", "SH005", "SH006", "SH007"]
        );
        let mut names: Vec<&str> = all().iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all().len());
        for rule in all() {
            assert!(rule
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'));
            assert!(!rule.what.is_empty() && !rule.why.is_empty() && !rule.example.is_empty());
        }
    }

    #[test]
    fn lookup_by_code_or_name_in_any_case() {
        assert_eq!(lookup("sh003").map(|r| r.name), Some("unsourced-hedge"));
        assert_eq!(lookup("Chain-Depth").map(|r| r.code), Some("SH007"));
        assert!(lookup("SH999").is_none());
    }
}
