//! Arbitrary bytes read as a `secondhand.toml`: parsing gives a
//! configuration or an error naming the file and a position inside the
//! text, and a configuration answers for any path and prints as TOML.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use secondhand::check::config::Config;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("site/secondhand.toml");
    match Config::parse(text, path) {
        Ok(config) => {
            for file in ["site/a.md", "site/wire/b.html", "elsewhere/c.txt"] {
                let effective = config.effective(Path::new(file));
                let _ = effective.to_toml();
                let _ = config.excludes(Path::new(file));
            }
        }
        Err(e) => {
            let lines = text.lines().count().max(1);
            assert!(e.line <= lines + 1, "error line {} past the end ({lines})", e.line);
            assert!(e.to_string().contains("secondhand.toml"), "error does not name the file: {e}");
        }
    }
});
