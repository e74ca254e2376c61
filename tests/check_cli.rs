//! `secondhand check` and `secondhand rules` from the outside: exit code,
//! standard output and standard error together (insta-cmd), in temporary
//! directories with relative paths.

use std::fs;
use std::path::Path;
use std::process::Command;

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};

#[path = "common/sarif.rs"]
mod sarif;

const HEDGE: &str = "The chef reportedly left the restaurant in March.\n";
const CLEAN: &str = "The chef left the restaurant in March, the owner said.\n";

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(true);
    s
}

/// A temporary directory holding `files` (name, contents).
fn dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, contents) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
    dir
}

fn secondhand(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("secondhand"));
    cmd.current_dir(dir).args(args).env("NO_COLOR", "1");
    cmd
}

#[test]
fn clean_run_exits_zero_with_no_output() {
    let dir = dir_with(&[("a.txt", CLEAN.as_bytes())]);
    settings().bind(|| {
        assert_cmd_snapshot!(secondhand(
            dir.path(),
            &["check", "--format", "concise", "a.txt"]
        ));
    });
}

#[test]
fn findings_at_fail_on_exit_one() {
    let config = b"fail-on = \"warning\"\n";
    let dir = dir_with(&[
        ("secondhand.toml", config),
        ("news/a.txt", HEDGE.as_bytes()),
        ("news/b.txt", CLEAN.as_bytes()),
    ]);
    settings().bind(|| {
        assert_cmd_snapshot!(secondhand(
            dir.path(),
            &["check", "--format", "concise", "news"]
        ));
    });
}

#[test]
fn findings_below_fail_on_exit_zero() {
    let dir = dir_with(&[("a.txt", HEDGE.as_bytes())]);
    settings().bind(|| {
        assert_cmd_snapshot!(secondhand(
            dir.path(),
            &["check", "--isolated", "--format", "concise", "a.txt"]
        ));
    });
}

#[test]
fn exit_zero_keeps_findings_but_exits_zero() {
    let dir = dir_with(&[("a.txt", HEDGE.as_bytes())]);
    settings().bind(|| {
        assert_cmd_snapshot!(secondhand(
            dir.path(),
            &[
                "check",
                "--fail-on",
                "info",
                "--exit-zero",
                "--format",
                "concise",
                "a.txt"
            ]
        ));
    });
}

#[test]
fn bad_config_key_names_key_file_and_line() {
    let config = b"max-anonymous = 2\nmax-secondhnd = 0.5\n";
    let dir = dir_with(&[("secondhand.toml", config), ("a.txt", HEDGE.as_bytes())]);
    settings().bind(|| {
        assert_cmd_snapshot!(secondhand(
            dir.path(),
            &[
                "check",
                "--config",
                "secondhand.toml",
                "--format",
                "concise",
                "a.txt"
            ]
        ));
    });
}

#[test]
fn an_unreadable_file_among_good_ones_exits_two_after_the_others() {
    let dir = dir_with(&[
        ("a.txt", HEDGE.as_bytes()),
        ("b.txt", b"caf\xe9 au lait\n"),
        ("c.txt", HEDGE.as_bytes()),
    ]);
    settings().bind(|| {
        assert_cmd_snapshot!(secondhand(
            dir.path(),
            &[
                "check",
                "--fail-on",
                "warning",
                "--format",
                "concise",
                "a.txt",
                "b.txt",
                "c.txt"
            ]
        ));
    });
}

#[test]
fn stdin_is_checked() {
    let dir = dir_with(&[]);
    settings().bind(|| {
        assert_cmd_snapshot!(secondhand(
            dir.path(),
            &["check", "--fail-on", "warning", "--format", "concise", "-"]
        )
        .pass_stdin(HEDGE));
    });
}

#[test]
fn stdin_filename_names_the_input_and_picks_its_configuration() {
    let config = b"[rules]\nSH003 = \"error\"\n";
    let dir = dir_with(&[("desk/secondhand.toml", config)]);
    settings().bind(|| {
        assert_cmd_snapshot!(secondhand(
            dir.path(),
            &[
                "check",
                "--format",
                "concise",
                "--stdin-filename",
                "desk/pier.md",
                "-"
            ]
        )
        .pass_stdin(HEDGE));
    });
}

#[test]
fn show_config_prints_the_effective_settings() {
    let config = b"max-secondhand = 0.5\n[rules]\nsingle-source = \"warning\"\n\
                   [[overrides]]\npaths = [\"wire/**\"]\nmax-secondhand = 0.9\n";
    let dir = dir_with(&[
        ("secondhand.toml", config),
        ("wire/a.txt", HEDGE.as_bytes()),
    ]);
    settings().bind(|| {
        assert_cmd_snapshot!(secondhand(
            dir.path(),
            &[
                "check",
                "--show-config",
                "--fail-on",
                "warning",
                "wire/a.txt"
            ]
        ));
    });
}

#[test]
fn suppression_comments_in_markdown() {
    let md = "First paragraph, calm.\n\n<!-- secondhand: ignore SH003 SH998 -->\n\
              The chef reportedly left in March.\n\nThe cook reportedly left in April.\n";
    let dir = dir_with(&[("a.md", md.as_bytes())]);
    settings().bind(|| {
        assert_cmd_snapshot!(secondhand(
            dir.path(),
            &[
                "check",
                "--fail-on",
                "warning",
                "--format",
                "concise",
                "a.md"
            ]
        ));
    });
}

#[test]
fn rules_lists_codes_and_shows_docs() {
    let dir = dir_with(&[]);
    settings().bind(|| {
        assert_cmd_snapshot!("rules_list", secondhand(dir.path(), &["rules"]));
        assert_cmd_snapshot!("rules_sh003", secondhand(dir.path(), &["rules", "SH003"]));
    });
}

/// The bundled corpus, checked with its own `corpus/secondhand.toml`.
fn corpus_check(args: &[&str]) -> Command {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = vec!["check", "corpus/"];
    all.extend_from_slice(args);
    secondhand(root, &all)
}

#[test]
fn corpus_findings_in_every_format() {
    for format in ["full", "concise", "github", "json-lines", "json", "sarif"] {
        let mut s = settings();
        s.set_snapshot_suffix(format);
        s.bind(|| {
            assert_cmd_snapshot!(corpus_check(&["--format", format, "--color", "never"]));
        });
    }
}

#[test]
fn corpus_findings_cover_every_rule() {
    let out = corpus_check(&["--format", "concise"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    for rule in secondhand::check::rules::all() {
        assert!(
            text.contains(&format!(": {} ", rule.code)),
            "no {} finding in the corpus",
            rule.code
        );
    }
}

/// Checks a `--format sarif` run's exit code and its log against the SARIF
/// 2.1.0 schema; gives the log.
fn valid_sarif(out: std::process::Output, code: i32) -> serde_json::Value {
    assert_eq!(out.status.code(), Some(code));
    let log = String::from_utf8(out.stdout).unwrap();
    let problems = sarif::schema_errors(&sarif::sarif_validator(), &log);
    assert!(problems.is_empty(), "{problems:#?}");
    serde_json::from_str(&log).unwrap()
}

#[test]
fn sarif_of_the_corpus_is_valid_against_the_official_schema() {
    let out = corpus_check(&["--format", "sarif"]).output().unwrap();
    let value = valid_sarif(out, 1);
    assert_eq!(
        value["runs"][0]["columnKind"].as_str(),
        Some("unicodeCodePoints")
    );
}

#[test]
fn github_format_annotates_each_finding() {
    let dir = dir_with(&[("a.txt", HEDGE.as_bytes()), ("b.txt", CLEAN.as_bytes())]);
    settings().bind(|| {
        assert_cmd_snapshot!(secondhand(
            dir.path(),
            &["check", "--fail-on", "warning", "--format", "github", "."]
        ));
    });
}

#[test]
fn sarif_format_on_a_run_with_an_input_error() {
    let dir = dir_with(&[("a.txt", HEDGE.as_bytes()), ("b.txt", b"caf\xe9\n")]);
    let out = secondhand(dir.path(), &["check", "--format", "sarif", "."])
        .output()
        .unwrap();
    let value = valid_sarif(out, 2);
    assert_eq!(
        value["runs"][0]["invocations"][0]["executionSuccessful"],
        serde_json::Value::Bool(false)
    );
    settings().bind(|| {
        assert_cmd_snapshot!(secondhand(dir.path(), &["check", "--format", "sarif", "."]));
    });
}

#[test]
fn machine_formats_have_no_ansi_escapes_even_when_colour_is_forced() {
    for format in ["concise", "github", "json-lines", "json", "sarif"] {
        let out = corpus_check(&["--format", format, "--color", "always"])
            .env("CLICOLOR_FORCE", "1")
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        assert!(!out.stdout.is_empty(), "{format} wrote nothing");
        assert!(
            !out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b),
            "{format} has an escape code"
        );
    }
    // The check is not vacuous: the people's format does colour when asked.
    let full = corpus_check(&["--format", "full", "--color", "always"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(full.stdout.contains(&0x1b));
}
