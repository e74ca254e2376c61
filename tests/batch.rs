//! Batches as users run them: one output record per input record, in
//! order, whatever the number of threads; errors in place with their line
//! numbers and exit 2; directories walked the way `.gitignore` says.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

fn secondhand_in(dir: Option<&Path>, args: &[&str], stdin: &[u8]) -> Output {
    common::run_secondhand(dir, args, stdin)
}

fn secondhand(args: &[&str]) -> Output {
    secondhand_in(None, args, b"")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("secondhand-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("dir");
    }
    std::fs::write(path, bytes).expect("write");
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temp path")
}

/// The JSON lines of stdout.
fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn ids(out: &Output) -> Vec<String> {
    lines(out)
        .iter()
        .map(|v| v["id"].as_str().unwrap_or("").to_string())
        .collect()
}

fn record(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text}).to_string()
}

#[test]
fn a_malformed_line_among_10000_records_is_one_error_record_in_place() {
    let dir = temp_dir("10000");
    let file = dir.join("big.jsonl");
    let mut input = String::new();
    for i in 1..=10_001 {
        if i == 5_001 {
            input.push_str("{\"id\": \"broken\", \"text\": \"no end\n");
        } else {
            let text = format!("Officials said the bridge would reopen on day {i}.");
            input.push_str(&record(&format!("r{i}"), &text));
            input.push('\n');
        }
    }
    write(&file, &input);
    let run = |jobs: &str| {
        secondhand(&[
            "report",
            "--format",
            "json-lines",
            "-j",
            jobs,
            path_str(&file),
        ])
    };
    let two = run("2");
    assert_eq!(two.status.code(), Some(2));
    let got = lines(&two);
    assert_eq!(got.len(), 10_001);
    let errors: Vec<&serde_json::Value> = got.iter().filter(|v| v.get("error").is_some()).collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["line"], 5_001);
    assert_eq!(errors[0]["error"]["code"], "bad-record");
    assert_eq!(got[5_000]["line"], 5_001, "the error is in its place");
    let want: Vec<String> = (1..=10_001)
        .map(|i| {
            if i == 5_001 {
                format!("{}:5001", path_str(&file))
            } else {
                format!("r{i}")
            }
        })
        .collect();
    assert_eq!(ids(&two), want);
    let stderr = String::from_utf8_lossy(&two.stderr);
    assert!(
        stderr.contains("big.jsonl:5001: not a JSON record"),
        "{stderr}"
    );
    for jobs in ["1", "3"] {
        let other = run(jobs);
        assert_eq!(other.status.code(), Some(2));
        assert!(other.stdout == two.stdout, "-j {jobs} differs from -j 2");
    }
}

#[test]
fn a_record_without_text_and_a_line_over_max_bytes_are_errors_with_their_lines() {
    let long = record("long", &"Officials said so. ".repeat(20));
    let input = format!(
        "{}\n{{\"id\": \"bare\", \"url\": \"https://example.org\"}}\n{long}\n{}\n",
        record("a", "The mayor said it rained."),
        record("b", "The mayor said it snowed.")
    );
    for jobs in ["1", "2"] {
        let out = secondhand_in(
            None,
            &[
                "report",
                "--input-format",
                "jsonl",
                "--format",
                "json-lines",
                "--max-bytes",
                "200",
                "-j",
                jobs,
            ],
            input.as_bytes(),
        );
        assert_eq!(out.status.code(), Some(2));
        let got = lines(&out);
        assert_eq!(ids(&out), vec!["a", "bare", "<stdin>:3", "b"]);
        assert_eq!(got[1]["line"], 2);
        assert!(got[1]["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("no \"text\"")));
        assert_eq!(got[2]["line"], 3);
        assert_eq!(
            got[2]["error"]["message"],
            "<stdin>:3: record is over the limit of 200 bytes"
        );
        assert!(got[3].get("error").is_none());
    }
}

#[test]
fn a_file_over_max_bytes_is_an_error_naming_its_size_and_the_rest_run() {
    let dir = temp_dir("max-bytes");
    write(&dir.join("a.txt"), "The mayor said it rained.");
    write(&dir.join("b.txt"), "Officials said so. ".repeat(100));
    write(&dir.join("c.txt"), "The mayor said it snowed.");
    let out = secondhand(&[
        "report",
        "--format",
        "json-lines",
        "--max-bytes",
        "1000",
        path_str(&dir),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let got = lines(&out);
    assert_eq!(got.len(), 3);
    let b = path_str(&dir.join("b.txt")).to_string();
    assert_eq!(
        got[1]["error"]["message"],
        format!("{b}: 1900 bytes is over the limit of 1000 bytes")
    );
    assert!(got[0].get("error").is_none() && got[2].get("error").is_none());
}

#[test]
fn invalid_utf8_among_good_files_fails_alone_and_lossy_reads_it() {
    let dir = temp_dir("lossy");
    write(&dir.join("a.txt"), "The mayor said it rained.");
    write(&dir.join("b.txt"), b"Caf\xe9 owners said the rent rose.");
    write(&dir.join("c.md"), "The mayor said it snowed.");
    let out = secondhand(&["report", "--format", "json-lines", path_str(&dir)]);
    assert_eq!(out.status.code(), Some(2));
    let got = lines(&out);
    assert_eq!(got.len(), 3);
    assert_eq!(got[1]["error"]["code"], "invalid-utf8");
    assert!(got[0].get("error").is_none() && got[2].get("error").is_none());

    let out = secondhand(&[
        "report",
        "--format",
        "json-lines",
        "--lossy",
        path_str(&dir),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = lines(&out);
    assert_eq!(
        got[1]["report"]["text"],
        "Caf\u{fffd} owners said the rent rose."
    );
}

#[test]
fn lossy_applies_to_jsonl_lines() {
    let input = b"{\"id\": \"x\", \"text\": \"Caf\xe9 owners said so.\"}\n";
    let args = [
        "report",
        "--input-format",
        "jsonl",
        "--format",
        "json-lines",
    ];
    let strict = secondhand_in(None, &args, input);
    assert_eq!(strict.status.code(), Some(2));
    let lossy = secondhand_in(None, &[&args[..], &["--lossy"]].concat(), input);
    assert_eq!(lossy.status.code(), Some(0));
    assert_eq!(
        lines(&lossy)[0]["report"]["text"],
        "Caf\u{fffd} owners said so."
    );
}

#[test]
fn walks_honour_gitignore_and_exclude_and_skip_hidden_files() {
    let dir = temp_dir("walk");
    let say = "The mayor said it rained.";
    write(&dir.join(".gitignore"), "drafts/\n*.htm\n");
    write(&dir.join("a.txt"), say);
    write(&dir.join("b.htm"), say);
    write(&dir.join("drafts/c.md"), say);
    write(&dir.join("news/d.md"), say);
    write(&dir.join("news/e.html"), say);
    write(&dir.join("news/notes.json"), say);
    write(&dir.join(".hidden/f.txt"), say);
    write(&dir.join(".g.txt"), say);
    let run = |extra: &[&str]| {
        let args = [&["report", "--format", "json-lines", "."], extra].concat();
        let out = secondhand_in(Some(&dir), &args, b"");
        assert_eq!(out.status.code(), Some(0));
        ids(&out)
    };
    assert_eq!(run(&[]), vec!["./a.txt", "./news/d.md", "./news/e.html"]);
    assert_eq!(
        run(&["--exclude", "*.html", "--exclude", "a.txt"]),
        vec!["./news/d.md"]
    );
    assert_eq!(run(&["--exclude", "news/"]), vec!["./a.txt"]);
    assert_eq!(
        run(&["--no-ignore"]),
        vec![
            "./a.txt",
            "./b.htm",
            "./drafts/c.md",
            "./news/d.md",
            "./news/e.html"
        ]
    );
    // A file named on the command line is read whatever the ignores say.
    let out = secondhand_in(
        Some(&dir),
        &[
            "report",
            "--format",
            "json-lines",
            "--exclude",
            "*.htm",
            "b.htm",
            "news",
        ],
        b"",
    );
    assert_eq!(ids(&out), vec!["b.htm", "news/d.md", "news/e.html"]);
}

#[test]
fn a_bad_exclude_glob_is_a_usage_error() {
    let out = secondhand(&["report", "--exclude", "*.{md", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--exclude"));
}

#[test]
fn stdin_filename_names_standard_input_and_gives_its_format() {
    let out = secondhand_in(
        None,
        &[
            "report",
            "--format",
            "json",
            "--stdin-filename",
            "notes/story.md",
        ],
        b"# Rain\n\nThe mayor said it *rained*.\n",
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["id"], "notes/story.md");
    assert_eq!(v["input_format"], "markdown");

    let input = format!("{}\nnot json\n", record("a", "The mayor said it rained."));
    let out = secondhand_in(
        None,
        &[
            "report",
            "--format",
            "json-lines",
            "--stdin-filename",
            "feed.jsonl",
            "-",
        ],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(ids(&out), vec!["a", "feed.jsonl:2"]);
}

#[test]
fn json_reports_of_relative_paths_carry_no_absolute_path_and_are_stable() {
    let dir = temp_dir("stable");
    write(
        &dir.join("articles/one.md"),
        "The mayor said the bridge would reopen, according to Reuters. \
         Officials who asked not to be named said it would not.",
    );
    write(
        &dir.join("articles/two.txt"),
        "A spokesperson for the council said the vote was delayed.",
    );
    let run = |jobs: &str| {
        secondhand_in(
            Some(&dir),
            &["report", "--format", "json", "-j", jobs, "articles"],
            b"",
        )
    };
    let one = run("1");
    assert_eq!(one.status.code(), Some(0));
    let text = String::from_utf8_lossy(&one.stdout);
    assert!(text.contains("\"id\": \"articles/one.md\""), "{text}");
    let absolute = path_str(&dir);
    assert!(!text.contains(absolute), "an absolute path in {text}");
    assert!(run("2").stdout == one.stdout);
    assert!(run("1").stdout == one.stdout);
}

#[test]
fn the_corpus_gives_the_same_bytes_on_one_thread_and_on_several() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for command in ["report", "graph"] {
        let run = |jobs: &str| {
            let out = secondhand(&[command, "--format", "json", "-j", jobs, path_str(&corpus)]);
            (out.status.code(), out.stdout)
        };
        let one = run("1");
        assert!(!one.1.is_empty());
        assert!(run("2") == one, "{command}: -j 2 differs from -j 1");
        assert!(run("4") == one, "{command}: -j 4 differs from -j 1");
    }
}

#[test]
fn no_progress_bar_when_standard_error_is_a_pipe() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out = secondhand(&["report", "--format", "human", path_str(&corpus)]);
    assert!(!out.stdout.is_empty());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
