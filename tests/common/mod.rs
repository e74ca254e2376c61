//! Helpers shared by the integration tests.
// Each test crate uses only some of these helpers.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use secondhand::{analyze, Article, InputFormat, Options, Report};

/// The corpus articles in name order: every file of `corpus/` that the
/// tool reads as an article (`.txt`, `.html`, `.md`…, not JSONL), so the
/// `README` index is not one.
pub fn corpus_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.to_str()
                .and_then(InputFormat::from_path)
                .is_some_and(|f| f != InputFormat::Jsonl)
        })
        .collect();
    files.sort();
    files
}

/// The report on one article with default options; panics naming `id`
/// when the analysis fails.
pub fn report_of(id: &str, text: &str, format: InputFormat) -> Report {
    let article = Article {
        id,
        text,
        format,
        publisher: None,
        url: None,
    };
    analyze(&article, &Options::default()).unwrap_or_else(|e| panic!("{id}: {e}"))
}

/// Runs the `secondhand` binary with `args` in `dir` (else here), `stdin`
/// written to its standard input, and gives what it did.
pub fn run_secondhand(dir: Option<&Path>, args: &[&str], stdin: &[u8]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_secondhand"));
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let mut child = command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("secondhand runs");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin).expect("stdin written");
    }
    child.wait_with_output().expect("secondhand finishes")
}
