//! `secondhand check`: sourcing policies as lint findings.
//!
//! Each input gets the settings of the nearest `secondhand.toml` (or
//! `.secondhand.toml`) above it, of `--config`, or none (`--isolated`),
//! then the flags. Outlets from configuration are run-wide: those of the
//! configuration of each path on the command line are added to the
//! analysis once, before the first article.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use secondhand::check::{check_article, Checked, Config, EffectiveConfig, Severity};
use secondhand::lexicon::outlets::Outlets;
use secondhand::render::findings::{self, Run, Style};
use secondhand::{analyze_detailed, Error};

use super::args::{CheckArgs, CheckFormat, ColorArg, SeverityArg};
use super::inputs::{self, Item};
use super::{EXIT_CLEAN, EXIT_ERROR};

/// Exit code: findings at or above `--fail-on`.
const EXIT_FINDINGS: u8 = 1;

/// Where each input's configuration comes from.
enum Source {
    Isolated,
    One(Arc<Config>),
    /// The nearest file above each input, by directory (cached).
    Nearest(Mutex<HashMap<PathBuf, Option<Arc<Config>>>>),
}

/// What checking one item gave.
enum Outcome {
    Checked(Checked, EffectiveConfig, Vec<String>),
    Excluded,
    /// The configuration that applies could not be read.
    Config(String),
}

pub fn run(mut args: CheckArgs, out: &mut dyn Write) -> io::Result<u8> {
    let source = if args.isolated {
        Source::Isolated
    } else if let Some(path) = &args.config {
        match Config::load(path) {
            Ok(c) => Source::One(Arc::new(c)),
            Err(e) => {
                eprintln!("secondhand: {e}");
                return Ok(EXIT_ERROR);
            }
        }
    } else {
        Source::Nearest(Mutex::new(HashMap::new()))
    };
    let roots: Vec<PathBuf> = if args.input.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.input.paths.clone()
    };
    if args.show_config {
        return show_config(&args, &source, &roots, out);
    }
    if let Err(message) = install_outlets(&mut args, &source, &roots) {
        eprintln!("secondhand: {message}");
        return Ok(EXIT_ERROR);
    }
    // A progress bar only for the formats people read.
    args.input.progress = matches!(args.format, CheckFormat::Full | CheckFormat::Concise);
    let work = |item: &Item, article: secondhand::Article<'_>, options: &secondhand::Options| {
        let path = absolute(&item.path);
        let config = match config_for(&source, &path) {
            Ok(c) => c,
            Err(e) => return Ok(Outcome::Config(e)),
        };
        if config.as_ref().is_some_and(|c| c.excludes(&path)) {
            return Ok(Outcome::Excluded);
        }
        let mut effective = config.map_or_else(EffectiveConfig::default, |c| c.effective(&path));
        apply_flags(&args, &mut effective);
        let analysis = analyze_detailed(&article, options)?;
        let (checked, unknown) = check_article(&item.id, article.text, &analysis, &effective);
        Ok::<_, Error>(Outcome::Checked(checked, effective, unknown))
    };
    let mut failed_findings = false;
    let mut config_failed = false;
    let mut reported_configs = Vec::new();
    let mut all = Vec::new();
    let mut errors = Vec::new();
    let format = args.format;
    let style = style(&args);
    let mut each = |item: &Item, result: Result<Outcome, Error>| -> io::Result<()> {
        match result {
            Ok(Outcome::Checked(checked, effective, unknown)) => {
                for word in unknown {
                    eprintln!(
                        "secondhand: {}: unknown rule or directive `{word}` in a secondhand: comment",
                        item.id
                    );
                }
                failed_findings |= checked
                    .findings
                    .iter()
                    .any(|f| f.severity >= effective.fail_on);
                match format {
                    CheckFormat::Json | CheckFormat::Sarif => all.push(checked),
                    _ => write!(out, "{}", render(&checked, format, &style))?,
                }
            }
            Ok(Outcome::Excluded) => {}
            Ok(Outcome::Config(message)) => {
                config_failed = true;
                if !reported_configs.contains(&message) {
                    eprintln!("secondhand: {message}");
                    reported_configs.push(message);
                }
            }
            Err(e) => {
                eprintln!("secondhand: {e}");
                errors.push(e);
            }
        }
        Ok(())
    };
    let failed = inputs::process_all(&args.input, &work, &mut each)?;
    match format {
        CheckFormat::Json => write!(out, "{}", findings::json(&run_of(&all, &errors)))?,
        CheckFormat::Sarif => write!(out, "{}", findings::sarif(&run_of(&all, &errors)))?,
        _ => {}
    }
    Ok(if failed || config_failed {
        EXIT_ERROR
    } else if failed_findings && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// The path as an absolute path (standard input: the current directory).
fn absolute(path: &Path) -> PathBuf {
    let path = if path.as_os_str() == "-" {
        Path::new("stdin")
    } else {
        path
    };
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The path whose configuration a command-line root gets: a file itself,
/// or a (made-up) file inside a directory, so that the directory's own
/// `secondhand.toml` counts.
fn probe(root: &Path) -> PathBuf {
    let path = absolute(root);
    if path.is_dir() {
        path.join("x")
    } else {
        path
    }
}

/// The configuration for an input at `path` (absolute).
fn config_for(source: &Source, path: &Path) -> Result<Option<Arc<Config>>, String> {
    match source {
        Source::Isolated => Ok(None),
        Source::One(c) => Ok(Some(Arc::clone(c))),
        Source::Nearest(cache) => {
            let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
            if let Some(found) = cache.lock().ok().and_then(|c| c.get(&dir).cloned()) {
                return Ok(found);
            }
            let found = match Config::find(&dir) {
                Some(file) => Some(Arc::new(Config::load(&file).map_err(|e| e.to_string())?)),
                None => None,
            };
            if let Ok(mut c) = cache.lock() {
                c.insert(dir, found.clone());
            }
            Ok(found)
        }
    }
}

fn severity(arg: SeverityArg) -> Severity {
    match arg {
        SeverityArg::Info => Severity::Info,
        SeverityArg::Warning => Severity::Warning,
        SeverityArg::Error => Severity::Error,
    }
}

/// Flags override the file.
fn apply_flags(args: &CheckArgs, effective: &mut EffectiveConfig) {
    if let Some(fail_on) = args.fail_on {
        effective.fail_on = severity(fail_on);
    }
    if let Some(max) = args.max_secondhand {
        effective.set_max_secondhand(max);
    }
}

/// Adds the outlets of the configurations of the command-line paths (and
/// of `--outlets FILE`) to the analysis, once.
fn install_outlets(args: &mut CheckArgs, source: &Source, roots: &[PathBuf]) -> Result<(), String> {
    let mut extra = Outlets::default();
    let mut seen = Vec::new();
    for root in roots {
        if let Some(c) = config_for(source, &probe(root))? {
            if !seen.contains(&c.path) {
                seen.push(c.path.clone());
                extra.extend(c.outlets().clone());
            }
        }
    }
    if extra.is_empty() {
        return Ok(());
    }
    if let Some(file) = args.input.outlets.take() {
        extra.extend(inputs::read_outlets(&file)?);
    }
    if Outlets::install(extra) {
        Ok(())
    } else {
        Err("the outlet list was already in use".to_string())
    }
}

/// `--show-config`: the effective settings for each path, as TOML.
fn show_config(
    args: &CheckArgs,
    source: &Source,
    roots: &[PathBuf],
    out: &mut dyn Write,
) -> io::Result<u8> {
    for (i, root) in roots.iter().enumerate() {
        let probe = probe(root);
        let config = match config_for(source, &probe) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("secondhand: {e}");
                return Ok(EXIT_ERROR);
            }
        };
        let mut effective = config
            .as_ref()
            .map_or_else(EffectiveConfig::default, |c| c.effective(&probe));
        apply_flags(args, &mut effective);
        if i > 0 {
            writeln!(out)?;
        }
        let from = config.as_ref().map_or_else(
            || "no configuration file".to_string(),
            |c| relative(&c.path),
        );
        writeln!(out, "# {}: {from}", root.display())?;
        write!(out, "{}", effective.to_toml())?;
    }
    Ok(EXIT_CLEAN)
}

/// A path relative to the current directory when it lies below it.
fn relative(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&cwd)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// One checked file in a per-file format.
fn render(checked: &Checked, format: CheckFormat, style: &Style) -> String {
    match format {
        CheckFormat::Full => findings::full(checked, style),
        CheckFormat::Concise => findings::concise(checked),
        CheckFormat::Github => findings::github(checked),
        CheckFormat::JsonLines => findings::json_lines(checked),
        // Whole-run formats are written at the end.
        CheckFormat::Json | CheckFormat::Sarif => String::new(),
    }
}

/// Colour for `full` only: `--color always`, or `auto` on a terminal
/// without `NO_COLOR`. Machine formats never carry colour.
fn style(args: &CheckArgs) -> Style {
    let wanted = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    Style {
        color: wanted && args.format == CheckFormat::Full,
    }
}

/// A whole-run format's input: every checked file and input error, and all
/// the rules (SARIF lists them).
fn run_of<'a>(checked: &'a [Checked], errors: &'a [Error]) -> Run<'a> {
    Run {
        checked,
        errors,
        rules: secondhand::check::rules::all(),
    }
}
