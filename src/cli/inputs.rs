//! Reading the inputs named on the command line: files, directories
//! (walked in sorted order, honouring ignore files) and standard input,
//! unpacking JSONL records, and running the work on them in parallel with
//! the results in input order (see [`process_all`]).

use std::borrow::Cow;
use std::fs;
use std::io::{self, BufRead, IsTerminal, Read};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use ignore::overrides::{Override, OverrideBuilder};
use ignore::WalkBuilder;
use indicatif::{ProgressBar, ProgressStyle};

use secondhand::input::jsonl::{RecordItem, Records};
use secondhand::input::{self, InputFormat};
use secondhand::lexicon::outlets::Outlets;
use secondhand::{analyze, Article, Error, Options, Report};

use super::args::{InputArgs, InputFormatArg};
use super::pipeline;

/// One article ready for analysis, or the error that kept it from being one.
pub struct Item {
    pub id: String,
    /// The path the item was read from (`-` for standard input, or the
    /// name given by `--stdin-filename`).
    #[allow(dead_code)] // read by `check` (per-directory configuration)
    pub path: PathBuf,
    /// For JSONL records, the 1-based line number.
    pub line: Option<usize>,
    pub article: Result<Owned, Error>,
}

/// An article's text and what is known of it.
pub struct Owned {
    pub text: String,
    pub format: InputFormat,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

/// Receives each analysed item in input order.
pub type Analysed<'a> = Each<'a, Report>;

/// Receives each item and the result of the work on it, in input order.
pub type Each<'a, T> = dyn FnMut(&Item, Result<T, Error>) -> io::Result<()> + 'a;

/// Reads every input and analyses each article, handing `each` the item
/// (id and line) and its report or error in input order. See [`process_all`].
pub fn analyse_all(args: &InputArgs, each: &mut Analysed<'_>) -> io::Result<bool> {
    process_all(
        args,
        &|_, article, options| analyze(&article, options),
        each,
    )
}

/// The work done on one article: given the item, the article as the
/// pipeline takes it and the options from the flags.
pub type Work<'a, T> = dyn Fn(&Item, Article<'_>, &Options) -> Result<T, Error> + Sync + 'a;

/// Reads every input and runs `work` on each article on `--jobs` threads,
/// handing `each` the item and the result on this thread, in input order.
/// Inputs are read as the work goes, a bounded window ahead of it, so that
/// memory does not grow with the corpus. An input that cannot be read or
/// listed is an item with an error. Gives whether any item failed (so the
/// caller exits 2 after everything else was processed).
pub fn process_all<T: Send>(
    args: &InputArgs,
    work: &Work<'_, T>,
    each: &mut Each<'_, T>,
) -> io::Result<bool> {
    if let Some(path) = &args.outlets {
        if let Err(message) = install_outlets(path) {
            // A broken configuration analyses nothing: exit 2 at once.
            eprintln!("secondhand: {message}");
            return Ok(true);
        }
    }
    let options = Options {
        max_bytes: args.max_bytes,
    };
    let run = |item: &Item| match &item.article {
        Ok(a) => work(
            item,
            Article {
                id: &item.id,
                text: &a.text,
                format: a.format,
                publisher: args.publisher.as_deref().or(a.publisher.as_deref()),
                url: a.url.as_deref(),
            },
            &options,
        ),
        Err(e) => Err(e.clone()),
    };
    let mut progress = Progress::new(args.progress);
    let mut failed = false;
    let outcome = pipeline::ordered(
        jobs(args),
        &mut |emit| {
            read_all(args, &mut |item| {
                let size = item.article.as_ref().map_or(0, |a| a.text.len());
                emit(item, size)
            })
        },
        &run,
        &mut |item, result| {
            failed |= result.is_err();
            progress.tick();
            progress.around(|| each(&item, result))
        },
    );
    progress.finish();
    outcome.map(|()| failed)
}

/// The number of worker threads: `--jobs`, else one per core.
fn jobs(args: &InputArgs) -> usize {
    args.jobs.map_or_else(
        || thread::available_parallelism().map_or(1, NonZeroUsize::get),
        NonZeroUsize::get,
    )
}

/// A progress bar is drawn after this many items.
const PROGRESS_AFTER: usize = 8;

/// Whether to draw a progress bar: only if the caller's output is for
/// humans, standard error is a terminal and the run is not a short one.
fn shows_progress(asked: bool, terminal: bool, seen: usize) -> bool {
    asked && terminal && seen > PROGRESS_AFTER
}

/// A count of the articles done on standard error, for long runs.
struct Progress {
    asked: bool,
    terminal: bool,
    seen: usize,
    bar: Option<ProgressBar>,
}

impl Progress {
    fn new(asked: bool) -> Progress {
        Progress {
            asked,
            terminal: asked && io::stderr().is_terminal(),
            seen: 0,
            bar: None,
        }
    }

    fn tick(&mut self) {
        self.seen += 1;
        match &self.bar {
            Some(bar) => bar.inc(1),
            None if shows_progress(self.asked, self.terminal, self.seen) => {
                let bar = ProgressBar::new_spinner();
                if let Ok(style) =
                    ProgressStyle::with_template("{spinner} {pos} articles ({per_sec}, {elapsed})")
                {
                    bar.set_style(style);
                }
                bar.set_position(self.seen as u64);
                bar.enable_steady_tick(Duration::from_millis(200));
                self.bar = Some(bar);
            }
            None => {}
        }
    }

    /// Runs `f` with the bar cleared, so that what it prints is not
    /// drawn over.
    fn around<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The extensions taken from directories.
const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "jsonl"];

/// Reads every input named by `args` in order (standard input when none
/// is), walking directories, and hands each article to `emit`. Only an
/// error from `emit` stops it.
fn read_all(args: &InputArgs, emit: &mut dyn FnMut(Item) -> io::Result<()>) -> io::Result<()> {
    let reading = Reading {
        given: args.input_format,
        max_bytes: args.max_bytes,
        lossy: args.lossy,
        stdin_name: args.stdin_filename.as_deref(),
    };
    if args.paths.is_empty() {
        return reading.read(Path::new("-"), emit);
    }
    for path in &args.paths {
        if path.as_os_str() == "-" || !path.is_dir() {
            reading.read(path, emit)?;
            continue;
        }
        for found in walk(path, &args.exclude, !args.no_ignore) {
            match found {
                Ok(file) => reading.read(&file, emit)?,
                Err(e) => emit(Item {
                    id: path.display().to_string(),
                    path: path.clone(),
                    line: None,
                    article: Err(e),
                })?,
            }
        }
    }
    Ok(())
}

/// The files below `dir` with one of our [`EXTENSIONS`], sorted by path,
/// as paths that start with `dir` as given. Hidden files and directories
/// are skipped; so are paths matched by `exclude` (globs relative to `dir`)
/// and, if `honour_ignores`, by `.gitignore`, `.ignore` and git's excludes.
fn walk<'a>(
    dir: &'a Path,
    exclude: &[String],
    honour_ignores: bool,
) -> Box<dyn Iterator<Item = Result<PathBuf, Error>> + 'a> {
    let listing_error = move |message: String| Error::Io {
        input: dir.display().to_string(),
        message,
    };
    let overrides = match excludes(dir, exclude) {
        Ok(o) => o,
        Err(e) => return Box::new(std::iter::once(Err(listing_error(e.to_string())))),
    };
    let walk = WalkBuilder::new(dir)
        .standard_filters(honour_ignores)
        .hidden(true)
        .require_git(false)
        .follow_links(true)
        .overrides(overrides)
        .sort_by_file_path(Path::cmp)
        .build();
    Box::new(walk.filter_map(move |entry| match entry {
        Ok(entry) => {
            let file = entry.file_type().is_some_and(|t| t.is_file());
            (file && has_our_extension(entry.path())).then(|| Ok(entry.into_path()))
        }
        Err(e) => Some(Err(listing_error(e.to_string()))),
    }))
}

/// `--exclude` globs as overrides of the walk below `dir`.
fn excludes(dir: &Path, globs: &[String]) -> Result<Override, ignore::Error> {
    let mut builder = OverrideBuilder::new(dir);
    for glob in globs {
        builder.add(&format!("!{glob}"))?;
    }
    builder.build()
}

/// Checks an `--exclude` glob when the flags are parsed.
pub fn parse_exclude(glob: &str) -> Result<String, String> {
    excludes(Path::new("."), &[glob.to_string()])
        .map(|_| glob.to_string())
        .map_err(|e| e.to_string())
}

fn has_our_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

pub fn io_error(path: &Path, e: &io::Error) -> Error {
    Error::Io {
        input: path.display().to_string(),
        message: e.to_string(),
    }
}

/// The format to read an input as, given what its name suggests.
fn format_of(by_name: Option<InputFormat>, text: &str, given: InputFormatArg) -> InputFormat {
    match given {
        InputFormatArg::Text => InputFormat::Text,
        InputFormatArg::Html => InputFormat::Html,
        InputFormatArg::Markdown => InputFormat::Markdown,
        InputFormatArg::Jsonl => InputFormat::Jsonl,
        InputFormatArg::Auto => by_name.unwrap_or_else(|| InputFormat::sniff(text)),
    }
}

/// How to read one input: the flags that bear on it.
struct Reading<'a> {
    given: InputFormatArg,
    max_bytes: usize,
    lossy: bool,
    /// The name standard input goes by (`--stdin-filename`).
    stdin_name: Option<&'a str>,
}

impl Reading<'_> {
    /// Reads one path (or `-`) and hands each article in it to `emit`, in
    /// order: one item for a file, one per record for JSONL.
    fn read(&self, path: &Path, emit: &mut dyn FnMut(Item) -> io::Result<()>) -> io::Result<()> {
        let stdin = path.as_os_str() == "-";
        let (name, known_as) = match self.stdin_name {
            Some(name) if stdin => (name.to_string(), PathBuf::from(name)),
            None if stdin => ("<stdin>".to_string(), path.to_path_buf()),
            _ => (path.display().to_string(), path.to_path_buf()),
        };
        let by_name = known_as.to_str().and_then(InputFormat::from_path);
        let one = |article| Item {
            id: name.clone(),
            path: known_as.clone(),
            line: None,
            article,
        };
        let mut reader = match open(path) {
            Ok(r) => r,
            Err(e) => return emit(one(Err(io_error(&known_as, &e)))),
        };
        let jsonl_by_name = self.given == InputFormatArg::Jsonl
            || (self.given == InputFormatArg::Auto && by_name == Some(InputFormat::Jsonl));
        if jsonl_by_name {
            return self.records(&name, &known_as, reader, emit);
        }
        let mut bytes = Vec::new();
        let limit = self.max_bytes as u64;
        if let Err(e) = reader.by_ref().take(limit + 1).read_to_end(&mut bytes) {
            return emit(one(Err(io_error(&known_as, &e))));
        }
        if bytes.len() > self.max_bytes {
            // The size on disk where there is one: only limit + 1 was read.
            let size = fs::metadata(path).map_or(bytes.len(), |m| m.len() as usize);
            return emit(one(Err(Error::TooLarge {
                input: name.clone(),
                size,
                limit: self.max_bytes,
            })));
        }
        let text = if self.lossy {
            input::decode_lossy(&bytes, &name).map(Cow::into_owned)
        } else {
            input::decode(&bytes, &name).map(str::to_string)
        };
        let text = match text {
            Ok(t) => t,
            Err(e) => return emit(one(Err(e))),
        };
        match format_of(by_name, &text, self.given) {
            InputFormat::Jsonl => {
                let records = io::Cursor::new(text.into_bytes());
                self.records(&name, &known_as, records, emit)
            }
            format => emit(one(Ok(Owned {
                text,
                format,
                publisher: None,
                url: None,
            }))),
        }
    }

    /// Reads JSONL records one line at a time (see [`Records`]); a bad line
    /// becomes an error item carrying its line number, and reading goes on.
    /// A stream that fails to read ends as one more error item.
    fn records(
        &self,
        name: &str,
        path: &Path,
        reader: impl BufRead,
        emit: &mut dyn FnMut(Item) -> io::Result<()>,
    ) -> io::Result<()> {
        for record in Records::new(name, reader, self.max_bytes).lossy(self.lossy) {
            let item = match record {
                Ok(RecordItem { line, id, article }) => Item {
                    path: path.to_path_buf(),
                    id,
                    line: Some(line),
                    article: article.map(|a| Owned {
                        text: a.text,
                        format: a.format,
                        publisher: a.publisher,
                        url: a.url,
                    }),
                },
                Err(e) => Item {
                    path: path.to_path_buf(),
                    id: name.to_string(),
                    line: None,
                    article: Err(io_error(path, &e)),
                },
            };
            emit(item)?;
        }
        Ok(())
    }
}

fn open(path: &Path) -> io::Result<Box<dyn BufRead>> {
    if path.as_os_str() == "-" {
        Ok(Box::new(io::BufReader::new(io::stdin())))
    } else {
        Ok(Box::new(io::BufReader::new(fs::File::open(path)?)))
    }
}

/// Reads the user's outlet list and adds it to the one the pipeline uses.
fn install_outlets(path: &Path) -> Result<(), String> {
    if Outlets::install(read_outlets(path)?) {
        Ok(())
    } else {
        Err(format!(
            "{}: the outlet list was already in use",
            path.display()
        ))
    }
}

/// Reads a user's outlet list (`--outlets FILE`); errors name the file.
pub fn read_outlets(path: &Path) -> Result<Outlets, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Outlets::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_only_when_asked_on_a_terminal_for_a_long_run() {
        assert!(shows_progress(true, true, PROGRESS_AFTER + 1));
        assert!(!shows_progress(true, true, PROGRESS_AFTER));
        assert!(!shows_progress(false, true, 1000));
        assert!(!shows_progress(true, false, 1000));
    }

    #[test]
    fn exclude_globs_are_checked() {
        assert!(parse_exclude("drafts/**").is_ok());
        assert!(parse_exclude("*.{html").is_err());
    }

    #[test]
    fn our_extensions_in_any_case() {
        assert!(has_our_extension(Path::new("a/b.HTML")));
        assert!(has_our_extension(Path::new("b.jsonl")));
        assert!(!has_our_extension(Path::new("b.json")));
        assert!(!has_our_extension(Path::new("README")));
    }
}
