//! `secondhand.toml` (or `.secondhand.toml`): thresholds, rule severities,
//! extra outlets, excluded paths and per-path overrides.
//!
//! [`Config::parse`] reads one file (a pure function of its text and path);
//! [`Config::effective`] gives the settings for one input path: the
//! defaults, then the file's top level, then each override whose globs match
//! (later entries win). Globs are relative to the file's directory.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use globset::{GlobSet, GlobSetBuilder};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::rules;
use super::Severity;
use crate::lexicon::outlets::Outlets;

/// The names a configuration file may have, tried in this order in each
/// directory.
pub const FILE_NAMES: &[&str] = &["secondhand.toml", ".secondhand.toml"];

/// A rule's level in the configuration: a severity, or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }

    fn of(severity: Option<Severity>) -> Level {
        match severity {
            None => Level::Off,
            Some(Severity::Info) => Level::Info,
            Some(Severity::Warning) => Level::Warning,
            Some(Severity::Error) => Level::Error,
        }
    }
}

/// The thresholds a file or an override may set.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileConfig {
    fail_on: Option<Severity>,
    max_secondhand: Option<f64>,
    max_anonymous: Option<usize>,
    max_chain_depth: Option<usize>,
    single_source_share: Option<f64>,
    min_attributed_words: Option<usize>,
    min_quote_words: Option<usize>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<String, Level>,
    #[serde(default)]
    outlets: Vec<OutletEntry>,
    #[serde(default)]
    overrides: Vec<OverrideEntry>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct OverrideEntry {
    paths: Vec<String>,
    max_secondhand: Option<f64>,
    max_anonymous: Option<usize>,
    max_chain_depth: Option<usize>,
    single_source_share: Option<f64>,
    min_attributed_words: Option<usize>,
    min_quote_words: Option<usize>,
    #[serde(default)]
    rules: BTreeMap<String, Level>,
}

/// An outlet the configuration adds to the analysis.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OutletEntry {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub domains: Vec<String>,
    pub kind: Option<String>,
}

/// A configuration file that could not be read, with where it went wrong.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[error("{}:{line}:{column}: {message}", path.display())]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based; 0 when the place is not known.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// One configuration file, read and checked.
#[derive(Clone, Debug)]
pub struct Config {
    /// The file it was read from.
    pub path: PathBuf,
    /// The directory globs are relative to.
    dir: PathBuf,
    file: FileConfig,
    exclude: GlobSet,
    overrides: Vec<GlobSet>,
    outlets: Outlets,
}

/// The settings that apply to one input.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct EffectiveConfig {
    pub fail_on: Severity,
    /// `None`: SH001 is off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_secondhand: Option<f64>,
    pub max_anonymous: usize,
    pub max_chain_depth: usize,
    pub single_source_share: f64,
    pub min_attributed_words: usize,
    pub min_quote_words: usize,
    /// Every rule's level, by code.
    pub rules: BTreeMap<&'static str, Level>,
}

impl Default for EffectiveConfig {
    fn default() -> EffectiveConfig {
        EffectiveConfig {
            fail_on: Severity::Error,
            max_secondhand: None,
            max_anonymous: 2,
            max_chain_depth: 2,
            single_source_share: 0.75,
            min_attributed_words: 60,
            min_quote_words: 6,
            rules: rules::all()
                .iter()
                // SH001 waits for a maximum (see `severity`), then errs.
                .map(|r| {
                    (
                        r.code,
                        Level::of(r.default_severity.or(Some(Severity::Error))),
                    )
                })
                .collect(),
        }
    }
}

impl EffectiveConfig {
    /// The severity of a rule's findings, `None` when it is off. SH001 is
    /// on (at error, unless configured otherwise) once a maximum is set.
    pub fn severity(&self, code: &str) -> Option<Severity> {
        if code == "SH001" && self.max_secondhand.is_none() {
            return None;
        }
        self.rules.get(code).and_then(|l| l.severity())
    }

    /// Sets `max-secondhand`, turning SH001 on at error if it was off by
    /// default.
    pub fn set_max_secondhand(&mut self, max: f64) {
        self.max_secondhand = Some(max);
    }

    /// The settings as a TOML document (`--show-config`).
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    fn apply(&mut self, t: Thresholds, rules: &BTreeMap<String, Level>) {
        if let Some(v) = t.max_secondhand {
            self.set_max_secondhand(v);
        }
        self.max_anonymous = t.max_anonymous.unwrap_or(self.max_anonymous);
        self.max_chain_depth = t.max_chain_depth.unwrap_or(self.max_chain_depth);
        self.single_source_share = t.single_source_share.unwrap_or(self.single_source_share);
        self.min_attributed_words = t.min_attributed_words.unwrap_or(self.min_attributed_words);
        self.min_quote_words = t.min_quote_words.unwrap_or(self.min_quote_words);
        for (key, &level) in rules {
            if let Some(rule) = rules::lookup(key) {
                self.rules.insert(rule.code, level);
            }
        }
    }
}

/// The thresholds a file or an override sets.
struct Thresholds {
    max_secondhand: Option<f64>,
    max_anonymous: Option<usize>,
    max_chain_depth: Option<usize>,
    single_source_share: Option<f64>,
    min_attributed_words: Option<usize>,
    min_quote_words: Option<usize>,
}

impl Config {
    /// Reads a configuration file's text; `path` names it in errors and
    /// anchors its globs. Unknown keys, bad values, unknown rule codes,
    /// bad globs and bad outlets are errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let error = |line: usize, column: usize, message: String| ConfigError {
            path: path.to_path_buf(),
            line,
            column,
            message,
        };
        let file: FileConfig = toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map_or((0, 0), |span| line_column(text, span.start));
            error(line, column, e.message().trim().to_string())
        })?;
        let at_key = |key: &str| {
            let (line, column) = find_key(text, key);
            move |message: String| error(line, column, message)
        };
        let rule_tables =
            std::iter::once(&file.rules).chain(file.overrides.iter().map(|o| &o.rules));
        for key in rule_tables.flat_map(|r| r.keys()) {
            if rules::lookup(key).is_none() {
                return Err(at_key(key)(format!(
                    "unknown rule `{key}` (see `secondhand rules`)"
                )));
            }
        }
        let shares = [file.max_secondhand, file.single_source_share]
            .into_iter()
            .chain(
                file.overrides
                    .iter()
                    .flat_map(|o| [o.max_secondhand, o.single_source_share]),
            );
        if let Some(bad) = shares.flatten().find(|v| !(0.0..=1.0).contains(v)) {
            return Err(error(
                0,
                0,
                format!("a share must be between 0 and 1, found {bad}"),
            ));
        }
        let exclude = globs(&file.exclude).map_err(at_key("exclude"))?;
        let overrides = file
            .overrides
            .iter()
            .map(|o| globs(&o.paths))
            .collect::<Result<Vec<_>, _>>()
            .map_err(at_key("paths"))?;
        let outlets = outlets(&file.outlets).map_err(at_key("outlets"))?;
        Ok(Config {
            path: path.to_path_buf(),
            dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
            file,
            exclude,
            overrides,
            outlets,
        })
    }

    /// Reads the file at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            message: e.to_string(),
        })?;
        Config::parse(&text, path)
    }

    /// The nearest configuration file in `dir` or a directory above it.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .flat_map(|d| FILE_NAMES.iter().map(move |name| d.join(name)))
            .find(|p| p.is_file())
    }

    /// `path` relative to the configuration's directory (as is when it lies
    /// elsewhere).
    fn relative<'p>(&self, path: &'p Path) -> &'p Path {
        path.strip_prefix(&self.dir).unwrap_or(path)
    }

    /// Whether `path` matches an `exclude` glob.
    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude.is_match(self.relative(path))
    }

    /// The extra outlets of the file (empty when it has none).
    pub fn outlets(&self) -> &Outlets {
        &self.outlets
    }

    /// The settings for one input: defaults, the file, then each matching
    /// override in order.
    pub fn effective(&self, path: &Path) -> EffectiveConfig {
        let mut out = EffectiveConfig::default();
        let f = &self.file;
        if let Some(fail_on) = f.fail_on {
            out.fail_on = fail_on;
        }
        out.apply(
            Thresholds {
                max_secondhand: f.max_secondhand,
                max_anonymous: f.max_anonymous,
                max_chain_depth: f.max_chain_depth,
                single_source_share: f.single_source_share,
                min_attributed_words: f.min_attributed_words,
                min_quote_words: f.min_quote_words,
            },
            &f.rules,
        );
        let relative = self.relative(path);
        for (o, set) in f.overrides.iter().zip(&self.overrides) {
            if set.is_match(relative) {
                out.apply(
                    Thresholds {
                        max_secondhand: o.max_secondhand,
                        max_anonymous: o.max_anonymous,
                        max_chain_depth: o.max_chain_depth,
                        single_source_share: o.single_source_share,
                        min_attributed_words: o.min_attributed_words,
                        min_quote_words: o.min_quote_words,
                    },
                    &o.rules,
                );
            }
        }
        out
    }
}

/// Compiles globs (`/` separated, `**` for any depth).
fn globs(patterns: &[String]) -> Result<GlobSet, String> {
    let mut set = GlobSetBuilder::new();
    for p in patterns {
        let glob = globset::GlobBuilder::new(p)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("bad glob `{p}`: {e}"))?;
        set.add(glob);
    }
    set.build().map_err(|e| e.to_string())
}

/// The configuration's outlets as a list the analysis can install, checked
/// as the `--outlets` file format checks its lines.
fn outlets(entries: &[OutletEntry]) -> Result<Outlets, String> {
    let mut list = String::new();
    for e in entries {
        let fields = std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(&e.domains)
            .chain(&e.kind);
        if let Some(bad) = fields.clone().find(|f| f.contains(['|', ';', '\n', '#'])) {
            return Err(format!(
                "outlet field `{bad}` may not contain `|`, `;`, `#` or a line break"
            ));
        }
        let _ = writeln!(
            list,
            "{} | {} | {} | {}",
            e.name,
            e.kind.as_deref().unwrap_or("outlet"),
            e.aliases.join("; "),
            e.domains.join("; ")
        );
    }
    Outlets::parse(&list).map_err(|e| {
        let name = entries
            .get(e.line().saturating_sub(1))
            .map_or("", |o| o.name.as_str());
        let message = e.to_string();
        let reason = message
            .split_once(": ")
            .map_or(message.as_str(), |(_, r)| r);
        format!("outlet `{name}`: {reason}")
    })
}

/// The 1-based line and column (in characters) of byte `at` of `text`.
pub(crate) fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = before.get(line_start..).unwrap_or("").chars().count() + 1;
    (line, column)
}

/// The line and column of the first line that sets `key` (or opens a
/// table of it), for errors found after parsing; (0, 0) if none does.
fn find_key(text: &str, key: &str) -> (usize, usize) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let bare = trimmed.trim_start_matches('[').trim_start_matches('"');
        if let Some(rest) = bare.strip_prefix(key) {
            if rest.trim_start().starts_with(['=', ']', '"', '.']) {
                let indent = line.len() - trimmed.len();
                return line_column(text, offset + indent);
            }
        }
        offset += line.len();
    }
    (0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/news/secondhand.toml"))
    }

    #[test]
    fn unknown_key_names_the_key_the_file_and_the_line() {
        let err = parse("max-anonymous = 3\nmax-hedges = 1\n\n[rules]\nSH003 = \"error\"\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("/news/secondhand.toml:"), "{err}");
        assert!(err.contains("max-hedges"), "{err}");
        let err = parse("max-anonymous = 2\nmax-secondhnd = 0.5\n").err();
        let err = err.map(|e| (e.line, e.column, e.message.contains("max-secondhnd")));
        assert_eq!(err, Some((2, 1, true)));
    }

    #[test]
    fn bad_values_and_unknown_rules_are_errors_with_lines() {
        let err = parse("fail-on = \"fatal\"\n").err().map(|e| e.line);
        assert_eq!(err, Some(1));
        let err = parse("min-quote-words = 6\n[rules]\nSH042 = \"off\"\n").err();
        let err = err.map(|e| (e.line, e.message));
        assert_eq!(
            err,
            Some((
                3,
                "unknown rule `SH042` (see `secondhand rules`)".to_string()
            ))
        );
        assert!(parse("max-secondhand = 1.5\n").is_err());
        assert!(parse("exclude = [\"a/[\"]\n").is_err());
    }

    #[test]
    fn severities_by_code_and_by_name() {
        let config = parse(
            "[rules]\nSH006 = \"warning\"\nunsourced-hedge = \"error\"\nchain-depth = \"off\"\n",
        );
        let eff = config
            .map(|c| c.effective(Path::new("/news/a.md")))
            .unwrap_or_default();
        assert_eq!(eff.severity("SH006"), Some(Severity::Warning));
        assert_eq!(eff.severity("SH003"), Some(Severity::Error));
        assert_eq!(eff.severity("SH007"), None);
        assert_eq!(eff.severity("SH002"), Some(Severity::Warning));
        assert_eq!(eff.severity("SH001"), None);
    }

    #[test]
    fn max_secondhand_turns_sh001_on() {
        let eff = parse("max-secondhand = 0.5\n")
            .map(|c| c.effective(Path::new("/news/a.md")))
            .unwrap_or_default();
        assert_eq!(eff.severity("SH001"), Some(Severity::Error));
        assert_eq!(eff.max_secondhand, Some(0.5));
    }

    #[test]
    fn overrides_apply_in_order_to_matching_paths_relative_to_the_file() {
        let text = "max-secondhand = 0.5\nexclude = [\"drafts/**\"]\n\
                    [[overrides]]\npaths = [\"wire/**\", \"*-repost.*\"]\nmax-secondhand = 0.9\n\
                    [overrides.rules]\nSH004 = \"off\"\n\
                    [[overrides]]\npaths = [\"wire/late/**\"]\nmax-secondhand = 0.95\n";
        let Ok(config) = parse(text) else {
            panic!("parses")
        };
        let at = |p: &str| config.effective(Path::new(p));
        assert_eq!(at("/news/a.md").max_secondhand, Some(0.5));
        assert_eq!(at("/news/a.md").severity("SH004"), Some(Severity::Warning));
        assert_eq!(at("/news/wire/x/a.md").max_secondhand, Some(0.9));
        assert_eq!(at("/news/wire/x/a.md").severity("SH004"), None);
        assert_eq!(at("/news/pier-repost.html").max_secondhand, Some(0.9));
        assert_eq!(at("/news/sub/pier-repost.html").max_secondhand, Some(0.5));
        assert_eq!(at("/news/wire/late/a.md").max_secondhand, Some(0.95));
        assert!(config.excludes(Path::new("/news/drafts/x/y.md")));
        assert!(!config.excludes(Path::new("/news/a.md")));
    }

    #[test]
    fn outlets_become_a_list_and_bad_ones_are_errors() {
        let text = "[[outlets]]\nname = \"Harbor Street Dispatch\"\naliases = [\"the Dispatch\"]\n\
                    domains = [\"harborstreet.example\"]\nkind = \"site\"\n";
        let config = parse(text);
        let names = config.as_ref().map(|c| c.outlets().len()).unwrap_or(0);
        assert_eq!(names, 1);
        let err = parse("[[outlets]]\nname = \"X\"\nkind = \"blog\"\n").err();
        assert!(err.is_some_and(|e| e.line == 1 && e.message.contains("blog")));
    }

    #[test]
    fn effective_config_shows_as_toml() {
        let eff = parse("max-secondhand = 0.5\nfail-on = \"warning\"\n")
            .map(|c| c.effective(Path::new("/news/a.md")))
            .unwrap_or_default();
        let shown = eff.to_toml();
        assert!(shown.contains("fail-on = \"warning\""), "{shown}");
        assert!(shown.contains("max-secondhand = 0.5"), "{shown}");
        assert!(shown.contains("SH001 = \"error\""), "{shown}");
    }
}
