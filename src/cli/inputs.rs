//! Reading the inputs named on the command line: files, directories
//! (walked in sorted order) and standard input, and unpacking JSONL records.

use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use secondhand::input::{self, jsonl::Record, InputFormat};
use secondhand::lexicon::outlets::Outlets;
use secondhand::{analyze, Article, Error, Options, Report};

use super::args::{InputArgs, InputFormatArg};

/// One article ready for analysis, or the error that kept it from being one.
pub struct Item {
    pub id: String,
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
pub type Analysed<'a> = dyn FnMut(&Item, Result<Report, Error>) -> io::Result<()> + 'a;

/// Reads every input and analyses each article in order, handing `each`
/// the item (id and line) and its report or error. A path that cannot be
/// listed is reported on standard error. Gives whether any input failed
/// (so the caller exits 2 after everything else was processed).
pub fn analyse_all(args: &InputArgs, each: &mut Analysed<'_>) -> io::Result<bool> {
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
        let analysed = match &item.article {
            Ok(a) => analyze(
                &Article {
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
        failed |= analysed.is_err();
        each(&item, analysed)
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
            Ok(reader) => read_jsonl(&name, reader, max_bytes, each),
            Err(e) => each(Item {
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
            id: name,
            line: None,
            article: Err(io_error(path, &e)),
        });
    }
    if bytes.len() > max_bytes {
        return each(Item {
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
            &name,
            io::BufReader::new(io::Cursor::new(a.text.into_bytes())),
            max_bytes,
            each,
        ),
        article => each(Item {
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

/// Reads JSONL records one line at a time; a bad line becomes an error item
/// carrying its line number, and reading goes on.
pub fn read_jsonl(
    name: &str,
    mut reader: impl BufRead,
    max_bytes: usize,
    each: &mut dyn FnMut(Item) -> io::Result<()>,
) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        let n = (&mut reader)
            .take(max_bytes as u64 + 2)
            .read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let over = !buf.ends_with(b"\n") && buf.len() > max_bytes;
        if over {
            // Skip the rest of the over-long line.
            loop {
                let (done, used) = {
                    let avail = reader.fill_buf()?;
                    match avail.iter().position(|&b| b == b'\n') {
                        Some(i) => (true, i + 1),
                        None => (avail.is_empty(), avail.len()),
                    }
                };
                reader.consume(used);
                if done {
                    break;
                }
            }
            let id = format!("{name}:{line_no}");
            each(Item {
                id: id.clone(),
                line: Some(line_no),
                article: Err(Error::Jsonl {
                    input: name.to_string(),
                    line: line_no,
                    message: format!("record is over the limit of {max_bytes} bytes"),
                }),
            })?;
            continue;
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        each(record_item(name, line_no, &buf))?;
    }
}

fn record_item(name: &str, line: usize, bytes: &[u8]) -> Item {
    let fallback_id = format!("{name}:{line}");
    let bad = |id: String, message: String| Item {
        id,
        line: Some(line),
        article: Err(Error::Jsonl {
            input: name.to_string(),
            line,
            message,
        }),
    };
    let record: Record = match serde_json::from_slice(bytes) {
        Ok(r) => r,
        Err(e) => return bad(fallback_id, format!("not a JSON record: {e}")),
    };
    let id = record.id.clone().unwrap_or(fallback_id);
    let (text, format) = match (record.html, record.text) {
        (Some(html), _) => (html, InputFormat::Html),
        (None, Some(text)) => (text, InputFormat::Text),
        (None, None) => return bad(id, "record has no \"text\" (or \"html\") field".to_string()),
    };
    if text.trim().is_empty() {
        return bad(id, "record's text is empty".to_string());
    }
    Item {
        id,
        line: Some(line),
        article: Ok(Owned {
            text,
            format,
            publisher: record.publisher,
            url: record.url,
        }),
    }
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
