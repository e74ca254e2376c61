//! `secondhand report`.

use std::io::{self, Write};

use secondhand::render;
use secondhand::{analyze, Article, Options};

use super::args::{ReportArgs, ReportFormat};
use super::inputs::{self, Item};
use super::{EXIT_CLEAN, EXIT_ERROR};

pub fn run(args: &ReportArgs, out: &mut dyn Write) -> io::Result<u8> {
    let options = Options {
        max_bytes: args.max_bytes,
    };
    let failed = std::cell::Cell::new(false);
    let mut first = true;
    let mut each = |item: Item| -> io::Result<()> {
        let analysed = item.article.and_then(|a| {
            analyze(
                &Article {
                    id: &item.id,
                    text: &a.text,
                    format: a.format,
                    publisher: args.publisher.as_deref().or(a.publisher.as_deref()),
                    url: a.url.as_deref(),
                },
                &options,
            )
        });
        match (analysed, args.format) {
            (Ok(report), ReportFormat::Human) => {
                if !first {
                    writeln!(out)?;
                }
                write!(out, "{}", render::human::report(&report))?;
            }
            (Ok(report), ReportFormat::Json) => writeln!(out, "{}", render::json::report(&report))?,
            (Ok(report), ReportFormat::JsonLines) => {
                writeln!(out, "{}", render::json::line(&report))?
            }
            (Err(e), ReportFormat::JsonLines) => {
                failed.set(true);
                writeln!(
                    out,
                    "{}",
                    render::json::error_line(Some(&item.id), item.line, &e)
                )?;
                eprintln!("secondhand: {e}");
            }
            (Err(e), _) => {
                failed.set(true);
                eprintln!("secondhand: {e}");
            }
        }
        first = false;
        Ok(())
    };
    for path in inputs::expand(&args.paths) {
        match path {
            Ok(path) => inputs::read(&path, args.input_format, args.max_bytes, &mut each)?,
            Err(e) => {
                failed.set(true);
                eprintln!("secondhand: {e}");
            }
        }
    }
    Ok(if failed.get() { EXIT_ERROR } else { EXIT_CLEAN })
}
