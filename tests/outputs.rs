//! The machine outputs as tools read them: DOT that parses, GraphML that an
//! XML parser accepts with the GraphML namespace and declared keys, no
//! colour in any machine format, and the `graph` command's merge.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";

/// An invented article: a publisher, an outlet, a person reported inside
/// the outlet's report, and names that need escaping.
const ARTICLE: &str = "By Jo Park | The \"Harbour\" & <Bay> Gazette\n\n\
    The ferry service will end in June, according to a report in the Coastal Herald. \
    The Herald said that Mara Quell, a spokesperson for the port, argued that the \
    route had lost money for years. Fares reportedly doubled last winter.\n";

/// Two invented articles from different publishers citing the same outlet.
const CITES_REUTERS_1: &str =
    "The harbour will close for repairs, according to Reuters. Work starts in May, Reuters reported.\n";
const CITES_REUTERS_2: &str = "Ferries will be cut next spring, according to Reuters.\n";

fn secondhand_env(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_secondhand"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("secondhand runs");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin).expect("stdin written");
    }
    child.wait_with_output().expect("secondhand finishes")
}

fn secondhand(args: &[&str], stdin: &[u8]) -> Output {
    secondhand_env(args, stdin, &[])
}

fn stdout_ok(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("secondhand-outputs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap_or("")
}

/// The quoted identifiers of a DOT statement line, unescaped enough to
/// compare (`\"` and `\\` kept as written).
fn quoted(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    s.push(c);
                    if let Some(n) = chars.next() {
                        s.push(n);
                    }
                }
                '"' => break,
                c => s.push(c),
            }
        }
        out.push(s);
    }
    out
}

/// A structural check of DOT: braces balance outside strings, strings
/// close, and every edge's endpoints are declared as nodes first.
fn check_dot(dot: &str) {
    let mut depth = 0i32;
    let mut in_string = false;
    let mut escaped = false;
    for c in dot.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        assert!(depth >= 0, "a brace closes before it opens:\n{dot}");
    }
    assert!(!in_string, "a string never closes:\n{dot}");
    assert_eq!(depth, 0, "braces do not balance:\n{dot}");
    let mut declared = std::collections::BTreeSet::new();
    let mut edges = 0;
    for line in dot.lines().map(str::trim) {
        if line.starts_with("digraph") || !line.starts_with('"') {
            continue;
        }
        let ids = quoted(line);
        let is_edge = line.contains("\" -> \"");
        match (is_edge, ids.as_slice()) {
            (true, [from, to, ..]) => {
                edges += 1;
                assert!(declared.contains(from), "undeclared {from}:\n{dot}");
                assert!(declared.contains(to), "undeclared {to}:\n{dot}");
            }
            (false, [id, ..]) => {
                declared.insert(id.clone());
            }
            _ => panic!("odd line {line}"),
        }
        assert!(line.ends_with("];"), "unterminated statement {line}");
    }
    assert!(edges > 0, "no edges:\n{dot}");
}

/// Parses GraphML and checks the namespace, the keys, and that every edge
/// joins declared nodes and every data element names a declared key.
/// Gives the (label, articles) of each node.
fn check_graphml(xml: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(xml).expect("GraphML is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "graphml");
    assert_eq!(root.tag_name().namespace(), Some(GRAPHML_NS));
    let keys: std::collections::BTreeMap<&str, (&str, &str)> = root
        .children()
        .filter(|n| n.has_tag_name((GRAPHML_NS, "key")))
        .map(|k| {
            (
                k.attribute("id").unwrap_or(""),
                (
                    k.attribute("for").unwrap_or(""),
                    k.attribute("attr.name").unwrap_or(""),
                ),
            )
        })
        .collect();
    for (name, on) in [
        ("label", "node"),
        ("kind", "node"),
        ("articles", "node"),
        ("weight", "edge"),
        ("articles", "edge"),
    ] {
        assert!(
            keys.values().any(|&(f, n)| f == on && n == name),
            "no {on} key named {name}"
        );
    }
    let nodes: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((GRAPHML_NS, "node")))
        .collect();
    let ids: std::collections::BTreeSet<&str> =
        nodes.iter().filter_map(|n| n.attribute("id")).collect();
    assert_eq!(ids.len(), nodes.len(), "node ids are unique");
    for e in doc
        .descendants()
        .filter(|n| n.has_tag_name((GRAPHML_NS, "edge")))
    {
        for end in ["source", "target"] {
            let id = e.attribute(end).unwrap_or("");
            assert!(ids.contains(id), "edge {end} {id} is not a node");
        }
    }
    for d in doc
        .descendants()
        .filter(|n| n.has_tag_name((GRAPHML_NS, "data")))
    {
        let key = d.attribute("key").unwrap_or("");
        assert!(keys.contains_key(key), "undeclared key {key}");
    }
    let data = |n: &roxmltree::Node, key: &str| {
        n.children()
            .find(|d| d.attribute("key") == Some(key))
            .and_then(|d| d.text())
            .unwrap_or("")
            .to_string()
    };
    nodes
        .iter()
        .map(|n| (data(n, "label"), data(n, "articles")))
        .collect()
}

#[test]
fn dot_of_an_invented_article_is_structurally_valid() {
    let out = secondhand(&["report", "--format", "dot", "-"], ARTICLE.as_bytes());
    let dot = stdout_ok(&out);
    assert!(dot.starts_with("digraph \"<stdin>\" {"), "{dot}");
    check_dot(&dot);
}

#[test]
fn dot_of_a_merged_graph_is_structurally_valid() {
    let dir = temp_dir("dot");
    std::fs::write(dir.join("a.txt"), ARTICLE).expect("write");
    std::fs::write(dir.join("b.txt"), CITES_REUTERS_1).expect("write");
    let out = secondhand(&["graph", "--format", "dot", path_str(&dir)], b"");
    check_dot(&stdout_ok(&out));
}

#[test]
fn graphml_of_an_invented_article_parses_with_keys_nodes_and_edges() {
    let out = secondhand(&["report", "--format", "graphml", "-"], ARTICLE.as_bytes());
    let nodes = check_graphml(&stdout_ok(&out));
    assert!(nodes.len() >= 2, "{nodes:?}");
}

#[test]
fn graphml_of_several_articles_keeps_ids_unique() {
    let dir = temp_dir("many");
    std::fs::write(dir.join("a.txt"), ARTICLE).expect("write");
    std::fs::write(dir.join("b.txt"), CITES_REUTERS_1).expect("write");
    let out = secondhand(&["report", "--format", "graphml", path_str(&dir)], b"");
    check_graphml(&stdout_ok(&out));
}

#[test]
fn graphml_of_the_corpus_parses() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    if !corpus.is_dir() {
        eprintln!("skipped: no corpus/ directory");
        return;
    }
    let out = secondhand(&["graph", "--format", "graphml", path_str(&corpus)], b"");
    check_graphml(&String::from_utf8_lossy(&out.stdout));
    assert_ne!(out.status.code(), None);
}

#[test]
fn graph_merges_an_outlet_cited_by_two_articles_into_one_node() {
    let dir = temp_dir("merge");
    let a = dir.join("a.jsonl");
    let record = |id: &str, text: &str, publisher: &str| {
        serde_json::json!({"id": id, "text": text, "publisher": publisher}).to_string()
    };
    std::fs::write(
        &a,
        format!(
            "{}\n{}\n",
            record("one", CITES_REUTERS_1, "Daily Planet"),
            record("two", CITES_REUTERS_2, "Evening Star")
        ),
    )
    .expect("write");
    let out = secondhand(&["graph", "--format", "graphml", path_str(&a)], b"");
    let nodes = check_graphml(&stdout_ok(&out));
    let reuters: Vec<&(String, String)> = nodes.iter().filter(|(l, _)| l == "Reuters").collect();
    assert_eq!(reuters, vec![&("Reuters".to_string(), "2".to_string())]);

    let out = secondhand(&["graph", "--format", "json", path_str(&a)], b"");
    let v: serde_json::Value = serde_json::from_str(&stdout_ok(&out)).expect("JSON");
    let edges = v["edges"].as_array().cloned().unwrap_or_default();
    let into_reuters: Vec<&serde_json::Value> = edges
        .iter()
        .filter(|e| {
            let target = e["target"].as_str().unwrap_or("");
            v["nodes"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|n| n["id"] == target && n["label"] == "Reuters")
        })
        .collect();
    assert_eq!(into_reuters.len(), 2, "{v}");
    assert!(into_reuters.iter().all(|e| e["articles"] == 1));
}

#[test]
fn graph_reports_bad_inputs_and_exits_2_after_the_rest() {
    let dir = temp_dir("bad");
    let good = dir.join("good.txt");
    std::fs::write(&good, CITES_REUTERS_2).expect("write");
    let missing = dir.join("missing.txt");
    let out = secondhand(
        &[
            "graph",
            "--format",
            "json",
            path_str(&missing),
            path_str(&good),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(v["nodes"]
        .as_array()
        .is_some_and(|n| n.iter().any(|n| n["label"] == "Reuters")));
}

#[test]
fn graph_output_is_deterministic() {
    let dir = temp_dir("det");
    std::fs::write(dir.join("a.txt"), ARTICLE).expect("write");
    std::fs::write(dir.join("b.txt"), CITES_REUTERS_1).expect("write");
    let run = || {
        stdout_ok(&secondhand(
            &["graph", "--format", "dot", path_str(&dir)],
            b"",
        ))
    };
    assert_eq!(run(), run());
}

#[test]
fn machine_formats_never_carry_colour() {
    let forcing = [
        ("CLICOLOR_FORCE", "1"),
        ("FORCE_COLOR", "1"),
        ("TERM", "xterm-256color"),
        ("COLORTERM", "truecolor"),
    ];
    for format in ["json", "json-lines", "dot", "graphml"] {
        let out = secondhand_env(
            &["report", "--format", format, "-"],
            ARTICLE.as_bytes(),
            &forcing,
        );
        let text = stdout_ok(&out);
        assert!(!text.contains("\x1b["), "{format} carries colour");
    }
    for format in ["json", "dot", "graphml"] {
        let out = secondhand_env(
            &["graph", "--format", format, "-"],
            ARTICLE.as_bytes(),
            &forcing,
        );
        assert!(
            !stdout_ok(&out).contains("\x1b["),
            "graph {format} carries colour"
        );
    }
}

#[test]
fn human_report_shows_shares_tree_and_marked_body() {
    let out = secondhand(&["report", "--body", "-"], ARTICLE.as_bytes());
    let text = stdout_ok(&out);
    assert!(!text.contains("\x1b["), "colour in a pipe");
    assert!(text.contains("secondhand  "), "{text}");
    assert!(text.contains("share"), "{text}");
    assert!(text.contains("└─ "), "{text}");
    assert!(text.contains("⟦") && text.contains("⟧a1"), "{text}");
}
