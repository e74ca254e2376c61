//! Reading the inputs named on the command line: files, directories
//! (walked in sorted order) and standard input, and unpacking JSONL records.

use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use secondhand::input::jsonl::{RecordItem, Records};
use secondhand::input::{self, InputFormat};
use secondhand::lexicon::outlets::Outlets;
use secondhand::{analyze, Article, Error, Options, Report};

use super::args::{InputArgs, InputFormatArg};

/// One article ready for analysis, or the error that kept it from being one.
pub struct Item {
    pub id: String,
    /// The path the item was read from (`-` for standard input).
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

/// Reads every input and analyses each article in order, handing `each`
/// the item (id and line) and its report or error. See [`process_all`].
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

/// Reads every input and runs `work` on each article, handing `each` the
/// item and the result in input order. A path that cannot be listed is
/// reported on standard error. Gives whether any input failed (so the
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
    let mut failed = false;
    let mut one = |item: Item| -> io::Result<()> {
        let result = match &item.article {
            Ok(a) => work(
                &item,
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
        failed |= result.is_err();
        each(&item, result)
    };
    let mut listing_failed = false;
    for path in expand(&args.paths) {
        match path {
            Ok(path) => read(&path, args.input_format, args.max_bytes, &mut one)?,
            Err(e) => {
                listing_failed = true;
                eprintln!("secondhand: {e}");
            }
        }
    }
    Ok(failed || listing_failed)
}

/// The extensions taken from directories.
const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "jsonl"];

/// Expands directories into the files below them, sorted by path.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<PathBuf, Error>> {
    let mut out = Vec::new();
    if paths.is_empty() {
        out.push(Ok(PathBuf::from("-")));
    }
    for p in paths {
        if p.as_os_str() == "-" || !p.is_dir() {
            out.push(Ok(p.clone()));
            continue;
        }
        walk(p, &mut out);
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, Error>>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err(io_error(dir, &e)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, out);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(Ok(p));
        }
    }
}

pub fn io_error(path: &Path, e: &io::Error) -> Error {
    Error::Io {
        input: path.display().to_string(),
        message: e.to_string(),
    }
}

/// The format to read a path as.
fn format_of(path: &Path, text: &str, given: InputFormatArg) -> InputFormat {
    match given {
        InputFormatArg::Text => InputFormat::Text,
        InputFormatArg::Html => InputFormat::Html,
        InputFormatArg::Markdown => InputFormat::Markdown,
        InputFormatArg::Jsonl => InputFormat::Jsonl,
        InputFormatArg::Auto => path
            .to_str()
            .and_then(InputFormat::from_path)
            .unwrap_or_else(|| InputFormat::sniff(text)),
    }
}

/// Reads one path (or `-`) and hands each article in it to `each`, in order.
pub fn read(
    path: &Path,
    given: InputFormatArg,
    max_bytes: usize,
    each: &mut dyn FnMut(Item) -> io::Result<()>,
) -> io::Result<()> {
    let name = if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let jsonl_by_name = given == InputFormatArg::Jsonl
        || (given == InputFormatArg::Auto
            && path.to_str().and_then(InputFormat::from_path) == Some(InputFormat::Jsonl));
    if jsonl_by_name {
        return match open(path) {
            Ok(reader) => read_jsonl(path, &name, reader, max_bytes, each),
            Err(e) => each(Item {
                path: path.to_path_buf(),
                id: name.clone(),
                line: None,
                article: Err(io_error(path, &e)),
            }),
        };
    }
    let mut bytes = Vec::new();
    let read = open(path).and_then(|mut r| {
        r.by_ref()
            .take(max_bytes as u64 + 1)
            .read_to_end(&mut bytes)
    });
    if let Err(e) = read {
        return each(Item {
            path: path.to_path_buf(),
            id: name,
            line: None,
            article: Err(io_error(path, &e)),
        });
    }
    if bytes.len() > max_bytes {
        return each(Item {
            path: path.to_path_buf(),
            id: name.clone(),
            line: None,
            article: Err(Error::TooLarge {
                input: name,
                size: bytes.len(),
                limit: max_bytes,
            }),
        });
    }
    let article = input::decode(&bytes, &name).map(|text| Owned {
        text: text.to_string(),
        format: format_of(path, text, given),
        publisher: None,
        url: None,
    });
    match article {
        Ok(a) if a.format == InputFormat::Jsonl => read_jsonl(
            path,
            &name,
            io::BufReader::new(io::Cursor::new(a.text.into_bytes())),
            max_bytes,
            each,
        ),
        article => each(Item {
            path: path.to_path_buf(),
            id: name,
            line: None,
            article,
        }),
    }
}

fn open(path: &Path) -> io::Result<Box<dyn BufRead>> {
    if path.as_os_str() == "-" {
        Ok(Box::new(io::BufReader::new(io::stdin())))
    } else {
        Ok(Box::new(io::BufReader::new(fs::File::open(path)?)))
    }
}

/// Reads JSONL records one line at a time (see [`Records`]); a bad line
/// becomes an error item carrying its line number, and reading goes on.
pub fn read_jsonl(
    path: &Path,
    name: &str,
    reader: impl BufRead,
    max_bytes: usize,
    each: &mut dyn FnMut(Item) -> io::Result<()>,
) -> io::Result<()> {
    for record in Records::new(name, reader, max_bytes) {
        let RecordItem { line, id, article } = record?;
        each(Item {
            path: path.to_path_buf(),
            id,
            line: Some(line),
            article: article.map(|a| Owned {
                text: a.text,
                format: a.format,
                publisher: a.publisher,
                url: a.url,
            }),
        })?;
    }
    Ok(())
}

/// Reads the user's outlet list and adds it to the one the pipeline uses.
fn install_outlets(path: &Path) -> Result<(), String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let extra = Outlets::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    if Outlets::install(extra) {
        Ok(())
    } else {
        Err(format!(
            "{}: the outlet list was already in use",
            path.display()
        ))
    }
}
