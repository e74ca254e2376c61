//! Every output format of `secondhand check`, snapshotted over hand-built
//! findings: plain text, HTML and Markdown sources, multi-byte characters,
//! secondary spans on other lines, a finding on a very long line, a path
//! with characters that need escaping, and inputs that could not be read.
//! The SARIF log is validated against the official SARIF 2.1.0 schema
//! (`tests/data/sarif-schema-2.1.0.json`).

use secondhand::check::{Checked, Finding, Location, Rule, Secondary, Severity};
use secondhand::render::findings::{self, Run, Style};
use secondhand::{Error, Span};

#[path = "common/sarif.rs"]
mod sarif;
use sarif::{sarif_validator, schema_errors};

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

/// A source file and the text the analysis saw in it (the same for plain
/// text; the visible text for HTML and Markdown).
struct Doc {
    path: &'static str,
    source: String,
    text: String,
}

impl Doc {
    fn new(path: &'static str, source: &str, text: &str) -> Doc {
        Doc {
            path,
            source: source.to_string(),
            text: text.to_string(),
        }
    }

    /// The `nth` occurrence of `needle`: its span in the analysed text and
    /// its location in the source.
    fn at(&self, needle: &str, nth: usize) -> (Span, Location) {
        let find = |hay: &str| {
            hay.match_indices(needle)
                .nth(nth)
                .map(|(i, _)| i)
                .unwrap_or_else(|| panic!("{}: no {nth}th {needle:?}", self.path))
        };
        let t = find(&self.text);
        let s = find(&self.source);
        (
            Span::new(t, t + needle.len()),
            location(&self.source, s, s + needle.len()),
        )
    }

    fn finding(
        &self,
        (code, name, severity): (&'static str, &'static str, Severity),
        message: &str,
        (needle, nth): (&str, usize),
        secondary: &[(&str, usize, &str)],
    ) -> Finding {
        let (span, location) = self.at(needle, nth);
        Finding {
            code,
            name,
            severity,
            message: message.to_string(),
            span,
            location,
            secondary: secondary
                .iter()
                .map(|&(needle, nth, label)| {
                    let (span, location) = self.at(needle, nth);
                    Secondary {
                        span,
                        location,
                        label: label.to_string(),
                    }
                })
                .collect(),
        }
    }

    fn checked(&self, findings: Vec<Finding>) -> Checked {
        Checked {
            path: self.path.to_string(),
            source: self.source.clone(),
            findings,
        }
    }
}

/// 1-based line and column (in characters) of the bytes `start..end`; the
/// end column points just past the last character.
fn location(source: &str, start: usize, end: usize) -> Location {
    let line_col = |at: usize| {
        let before = &source[..at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            before.matches('\n').count() as u32 + 1,
            before[line_start..].chars().count() as u32 + 1,
        )
    };
    let (line, column) = line_col(start);
    let (end_line, end_column) = line_col(end);
    Location {
        line,
        column,
        end_line,
        end_column,
        byte_start: start as u32,
        byte_end: end as u32,
    }
}

const SH001: (&str, &str, Severity) = ("SH001", "secondhand-share", Severity::Error);
const SH002: (&str, &str, Severity) = ("SH002", "anonymous-sources", Severity::Warning);
const SH003: (&str, &str, Severity) = ("SH003", "unsourced-hedge", Severity::Warning);
const SH004: (&str, &str, Severity) = ("SH004", "outlet-without-link", Severity::Warning);
const SH005: (&str, &str, Severity) = ("SH005", "unattributed-quote", Severity::Warning);
const SH006: (&str, &str, Severity) = ("SH006", "single-source", Severity::Info);
const SH007: (&str, &str, Severity) = ("SH007", "chain-depth", Severity::Warning);

fn rules() -> Vec<Rule> {
    let rule = |(code, name, severity): (&'static str, &'static str, Severity),
                default: bool,
                summary: &'static str| Rule {
        code,
        name,
        default_severity: default.then_some(severity),
        summary,
        what: "Checks one sourcing policy of the article.",
        why: "Readers cannot weigh a claim whose source they cannot see.",
        example: "```text\nThe plan was reportedly dropped.\n```",
    };
    vec![
        rule(SH001, false, "Too much of the article is secondhand"),
        rule(SH002, true, "Too many anonymous sources"),
        rule(SH003, true, "A hedge with no source"),
        rule(SH004, true, "An outlet cited without a link"),
        rule(SH005, true, "A quotation with no speaker"),
        rule(SH006, true, "One source carries most of the article"),
        rule(SH007, true, "An attribution chain is too deep"),
    ]
}

fn ferry() -> Checked {
    let source = "Harbor City weighs ferry cuts\n\
        \n\
        The council is reportedly planning to cut two ferry routes, according to the Tidewater Ledger.\n\
        The Ledger cited a Politico report, which in turn cited officials who spoke on condition of anonymity.\n\
        Officials allegedly discussed the plan in March.\n";
    let d = Doc::new("articles/harbor-ferry.txt", source, source);
    d.checked(vec![
        d.finding(
            SH001,
            "secondhand share 80% is above the maximum of 50%",
            ("The council", 0),
            &[
                ("according to", 0, "Tidewater Ledger"),
                ("cited", 0, "Politico"),
            ],
        ),
        d.finding(
            SH003,
            "\"reportedly\" hedges a claim without naming a source",
            ("reportedly", 0),
            &[],
        ),
        d.finding(
            SH007,
            "attribution chain of depth 3 is above the maximum of 2",
            ("cited", 1),
            &[
                ("according to", 0, "Harbor City cites Tidewater Ledger"),
                ("cited", 0, "Tidewater Ledger cites Politico"),
            ],
        ),
        d.finding(
            SH003,
            "\"allegedly\" hedges a claim without naming a source",
            ("allegedly", 0),
            &[],
        ),
    ])
}

fn quiet() -> Checked {
    let source = "The library reopened on Monday, the mayor said.\n";
    Doc::new("articles/quiet.txt", source, source).checked(vec![])
}

fn budget() -> Checked {
    let source = "# Council budget\n\
        \n\
        Two officials, who asked not to be named, said the budget was late.\n\
        A person familiar with the talks said the mayor would veto it,\n\
        as [the Ledger](https://ledger.example/budget) first reported.\n\
        \n\
        - Another source, speaking anonymously, said the vote was delayed.\n";
    let text = "Council budget\n\n\
        Two officials, who asked not to be named, said the budget was late. \
        A person familiar with the talks said the mayor would veto it, \
        as the Ledger first reported.\n\n\
        Another source, speaking anonymously, said the vote was delayed.\n";
    let d = Doc::new("notes/50% draft, v2.md", source, text);
    d.checked(vec![
        d.finding(
            SH006,
            "one source carries 82% of the attributed words, above 75%",
            ("Two officials", 0),
            &[],
        ),
        d.finding(
            SH002,
            "3 anonymous sources is above the maximum of 2",
            ("Another source", 0),
            &[
                ("Two officials", 0, "anonymous source"),
                ("A person familiar with the talks", 0, "anonymous source"),
            ],
        ),
    ])
}

fn market() -> Checked {
    let source = "<!doctype html>\n\
        <html><body>\n\
        <h1>Café owners fear the “market reset”</h1>\n\
        <p>Zoë Ångström’s stall: “We were never asked, not even once, by anyone.”</p>\n\
        <p>Nordlys Avis reported that the mayor’s office had drafted the plan,\n\
        and <a href=\"https://ledger.example/market\">the Ledger</a> agreed.</p>\n\
        </body></html>\n";
    let text = "Café owners fear the “market reset”\n\n\
        Zoë Ångström’s stall: “We were never asked, not even once, by anyone.”\n\n\
        Nordlys Avis reported that the mayor’s office had drafted the plan, \
        and the Ledger agreed.\n";
    let d = Doc::new("site/zoë-market.html", source, text);
    d.checked(vec![
        d.finding(
            SH005,
            "quotation of 10 words has no identifiable speaker",
            ("“We were never asked, not even once, by anyone.”", 0),
            &[],
        ),
        d.finding(
            SH004,
            "Nordlys Avis is cited as a source without a link",
            ("Nordlys Avis", 0),
            &[("reported", 0, "cited here")],
        ),
    ])
}

fn minified() -> Checked {
    let mut body = String::new();
    for i in 1..=40 {
        body.push_str(&format!("Item {i} on the agenda was the ferry timetable. "));
        if i == 3 {
            body.push_str("According to the Tidewater Ledger, the board met twice. ");
        }
        if i == 30 {
            body.push_str("The timetable was reportedly leaked before the vote. ");
        }
    }
    let source = format!("<html><body><p>{body}</p></body></html>\n");
    let d = Doc::new("wire/minified.html", &source, &body);
    d.checked(vec![
        d.finding(
            SH003,
            "\"reportedly\" hedges a claim without naming a source",
            ("reportedly", 0),
            &[],
        ),
        d.finding(
            SH007,
            "attribution chain of depth 3 is above the maximum of 2",
            ("reportedly", 0),
            &[("According to", 0, "Harbor City cites Tidewater Ledger")],
        ),
    ])
}

fn checked() -> Vec<Checked> {
    vec![ferry(), quiet(), budget(), market(), minified()]
}

fn errors() -> Vec<Error> {
    vec![
        Error::Io {
            input: "articles/missing.md".to_string(),
            message: "No such file or directory (os error 2)".to_string(),
        },
        Error::InvalidUtf8 {
            input: "articles/latin1.txt".to_string(),
            offset: 17,
        },
    ]
}

/// Every fixture of a run: the checked files, unreadable inputs, rules.
struct Fixtures {
    checked: Vec<Checked>,
    errors: Vec<Error>,
    rules: Vec<Rule>,
}

impl Fixtures {
    fn new() -> Fixtures {
        Fixtures {
            checked: checked(),
            errors: errors(),
            rules: rules(),
        }
    }

    fn run(&self) -> Run<'_> {
        Run {
            checked: &self.checked,
            errors: &self.errors,
            rules: &self.rules,
        }
    }
}

fn per_file(render: impl Fn(&Checked) -> String) -> String {
    checked().iter().map(render).collect()
}

/// The run's SARIF with the package version masked.
fn sarif_of(run: &Run) -> String {
    findings::sarif(run).replace(
        &format!("\"{}\"", env!("CARGO_PKG_VERSION")),
        "\"[version]\"",
    )
}

#[test]
fn full_format_matches_its_snapshot() {
    let out = per_file(|c| findings::full(c, &Style { color: false }));
    settings().bind(|| insta::assert_snapshot!("check-format-full", out));
}

#[test]
fn concise_format_matches_its_snapshot() {
    let out = per_file(findings::concise);
    settings().bind(|| insta::assert_snapshot!("check-format-concise", out));
}

#[test]
fn github_format_matches_its_snapshot() {
    let out = per_file(findings::github);
    settings().bind(|| insta::assert_snapshot!("check-format-github", out));
}

#[test]
fn json_lines_format_matches_its_snapshot() {
    let out = per_file(findings::json_lines);
    for line in out.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("each line is JSON");
    }
    settings().bind(|| insta::assert_snapshot!("check-format-json-lines", out));
}

#[test]
fn json_format_matches_its_snapshot() {
    let fixtures = Fixtures::new();
    let run = fixtures.run();
    let out = findings::json(&run);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["summary"]["findings"], 10);
    assert_eq!(doc["summary"]["by_code"]["SH003"], 3);
    settings().bind(|| insta::assert_snapshot!("check-format-json", out));
}

#[test]
fn sarif_format_matches_its_snapshot() {
    let fixtures = Fixtures::new();
    let run = fixtures.run();
    settings().bind(|| insta::assert_snapshot!("check-format-sarif", sarif_of(&run)));
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let validator = sarif_validator();
    let fixtures = Fixtures::new();
    let runs = [
        fixtures.run(),
        Run {
            errors: &[],
            ..fixtures.run()
        },
        Run {
            checked: &[],
            errors: &[],
            rules: &[],
        },
    ];
    for run in &runs {
        let problems = schema_errors(&validator, &findings::sarif(run));
        assert!(problems.is_empty(), "{problems:#?}");
    }
}

#[test]
fn the_schema_check_rejects_a_broken_log() {
    // The validator is not vacuous: a result without a message fails.
    let validator = sarif_validator();
    let fixtures = Fixtures::new();
    let run = Run {
        errors: &[],
        ..fixtures.run()
    };
    let mut log: serde_json::Value = serde_json::from_str(&findings::sarif(&run)).expect("JSON");
    log["runs"][0]["results"][0]
        .as_object_mut()
        .expect("a result")
        .remove("message");
    log["runs"][0]["columnKind"] = "bytes".into();
    let problems = schema_errors(&validator, &log.to_string());
    assert!(problems.len() >= 2, "{problems:#?}");
}

#[test]
fn sarif_says_how_it_counts_and_reports_unreadable_inputs() {
    let fixtures = Fixtures::new();
    let run = fixtures.run();
    let log: serde_json::Value = serde_json::from_str(&findings::sarif(&run)).expect("JSON");
    let r = &log["runs"][0];
    assert_eq!(r["columnKind"], "unicodeCodePoints");
    assert_eq!(r["invocations"][0]["executionSuccessful"], false);
    let notes = r["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .expect("notifications");
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0]["descriptor"]["id"], "io");
    // Columns count characters: the quotation follows "Zoë Ångström’s".
    let quote = r["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|x| x["ruleId"] == "SH005")
        .expect("the quotation");
    let region = &quote["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], 26);
    assert_eq!(region["byteOffset"].as_u64().map(|b| b > 26), Some(true));
    assert_eq!(
        region["snippet"]["text"],
        "“We were never asked, not even once, by anyone.”"
    );
    let uri = &quote["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "site/zo%C3%AB-market.html");
}

/// A file whose text and a label carry escape sequences, as a hostile or
/// broken article might.
fn with_escapes() -> Checked {
    let source =
        "The plan was \u{1b}[31mreportedly\u{1b}[0m dropped, \u{1b}]0;title\u{7} they said.\n";
    let d = Doc::new("articles/escape.txt", source, source);
    d.checked(vec![d.finding(
        SH003,
        "\"reportedly\" hedges a claim \u{1b}[1mwithout\u{1b}[0m a source",
        ("reportedly", 0),
        &[("they said", 0, "\u{1b}[32mthey\u{1b}[0m")],
    )])
}

#[test]
fn machine_formats_never_carry_escape_codes() {
    let mut fixtures = Fixtures::new();
    fixtures.checked.push(with_escapes());
    let (run, all) = (fixtures.run(), &fixtures.checked);
    // The caller asked for colour; only `full` may honour it.
    let style = Style { color: true };
    let outputs = [
        (
            "concise",
            all.iter().map(findings::concise).collect::<String>(),
        ),
        ("github", all.iter().map(findings::github).collect()),
        ("json-lines", all.iter().map(findings::json_lines).collect()),
        ("json", findings::json(&run)),
        ("sarif", findings::sarif(&run)),
        (
            "full without colour",
            all.iter()
                .map(|c| findings::full(c, &Style { color: false }))
                .collect(),
        ),
    ];
    for (name, out) in outputs {
        assert!(!out.is_empty(), "{name} is empty");
        assert!(!out.contains('\u{1b}'), "{name} carries an escape:\n{out}");
        assert!(!out.contains('\u{7}'), "{name} carries a bell:\n{out}");
    }
    let coloured: String = all.iter().map(|c| findings::full(c, &style)).collect();
    assert!(coloured.contains("\u{1b}["), "full with colour has colour");
    // The article's own escapes are shown, not sent to the terminal.
    let article = findings::full(&with_escapes(), &style);
    assert!(!article.contains("\u{1b}[31m"), "{article}");
    assert!(!article.contains("\u{1b}]0;"), "{article}");
}

#[test]
fn full_cuts_a_very_long_line_around_the_span() {
    let out = findings::full(&minified(), &Style { color: false });
    assert!(out.contains("reportedly"), "{out}");
    assert!(out.contains(" --> wire/minified.html:1:"), "{out}");
    for line in out.lines() {
        assert!(
            line.chars().count() <= 200,
            "a line of {} chars: {line}",
            line.chars().count()
        );
    }
}

#[test]
fn full_header_points_where_the_location_says() {
    for c in checked() {
        let out = findings::full(&c, &Style { color: false });
        for f in &c.findings {
            let arrow = format!(" --> {}:{}:{}", c.path, f.location.line, f.location.column);
            assert!(out.contains(&arrow), "{arrow} missing in\n{out}");
            let header = format!("[{}]: {}", f.code, f.message);
            assert!(out.contains(&header), "{header} missing in\n{out}");
        }
    }
}
