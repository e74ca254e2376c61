//! The command line as users run it: exit codes, errors that name the input
//! and offset, JSON lines in input order with nothing dropped.

mod common;

use std::process::Output;

fn secondhand(args: &[&str], stdin: &[u8]) -> Output {
    common::run_secondhand(None, args, stdin)
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("secondhand-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn stdin_text_gives_a_json_report() {
    let out = secondhand(
        &["report", "--format", "json", "-"],
        "The mayor said the bridge would reopen.\n".as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["id"], "<stdin>");
}

#[test]
fn invalid_utf8_is_an_error_naming_input_and_offset() {
    let dir = temp_dir("utf8");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"Fine words \xff then more").expect("write");
    let good = dir.join("good.txt");
    std::fs::write(&good, "Officials said it rained.").expect("write");
    let out = secondhand(
        &[
            "report",
            "--format",
            "json-lines",
            bad.to_str().unwrap_or(""),
            good.to_str().unwrap_or(""),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.txt: not valid UTF-8 at byte 11"),
        "{stderr}"
    );
    // The good file after the bad one is still reported.
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["error"]["code"], "invalid-utf8");
    assert!(lines[1]["report"].is_object());
}

#[test]
fn empty_and_binary_inputs_are_errors() {
    let out = secondhand(&["report", "-"], b"   \n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>: empty input"));
    let out = secondhand(&["report", "-"], b"\x7fELF\x02\x01\x00\x00");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("NUL byte at byte 6"));
}

#[test]
fn jsonl_gives_one_line_per_record_in_order_with_errors_in_place() {
    let input = concat!(
        "{\"id\": \"first\", \"text\": \"The senator said no.\"}\n",
        "{\"id\": \"broken\", \"text\": \n",
        "\n",
        "{\"id\": \"no-text\"}\n",
        "{\"id\": 7, \"text\": \"Aides said yes.\"}\n",
    );
    let out = secondhand(
        &[
            "report",
            "--input-format",
            "jsonl",
            "--format",
            "json-lines",
            "-",
        ],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["id"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(ids, ["first", "<stdin>:2", "no-text", "7"]);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["error"]["code"], "bad-record");
    assert_eq!(lines[2]["line"], 4);
    assert!(lines[3]["report"].is_object());
}

#[test]
fn missing_file_is_reported_and_the_rest_still_run() {
    let dir = temp_dir("missing");
    let good = dir.join("good.md");
    std::fs::write(&good, "# Title\n\nAides said yes.\n").expect("write");
    let out = secondhand(
        &[
            "report",
            "/nonexistent/article.txt",
            good.to_str().unwrap_or(""),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/article.txt"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("good.md"));
}

#[test]
fn usage_errors_exit_2() {
    let out = secondhand(&["report", "--format", "nonsense"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn user_outlets_are_known_and_a_bad_outlet_file_names_its_line() {
    let dir = temp_dir("outlets");
    let article = dir.join("a.txt");
    std::fs::write(
        &article,
        "The ferry will stop running in May, the Lantern reported.\n",
    )
    .expect("write");
    let list = dir.join("outlets.txt");
    std::fs::write(
        &list,
        "# ours\nHarbor Lantern | outlet | the Lantern | harborlantern.example\n",
    )
    .expect("write");
    let out = secondhand(
        &[
            "report",
            "--format",
            "json",
            "--outlets",
            list.to_str().unwrap_or(""),
            article.to_str().unwrap_or(""),
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let outlet = v["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| e["kind"] == "outlet");
    assert_eq!(
        outlet.map(|e| e["name"].clone()),
        Some(serde_json::json!("Harbor Lantern"))
    );

    std::fs::write(&list, "# ours\nHarbor Lantern | outlet\n").expect("write");
    let out = secondhand(
        &[
            "report",
            "--outlets",
            list.to_str().unwrap_or(""),
            article.to_str().unwrap_or(""),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("outlets.txt: line 2:"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
