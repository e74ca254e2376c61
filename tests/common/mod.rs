//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use secondhand::InputFormat;

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
