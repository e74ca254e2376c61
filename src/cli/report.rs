//! `secondhand report`.

use std::io::{self, Write};

use secondhand::graph::merge::Network;
use secondhand::render::{self, human::HumanOptions};

use super::args::{InputArgs, ReportArgs, ReportFormat};
use super::inputs::{self, Item};
use super::{EXIT_CLEAN, EXIT_ERROR};

pub fn run(args: &ReportArgs, out: &mut dyn Write) -> io::Result<u8> {
    let human = HumanOptions { body: args.body };
    let mut count = 0usize;
    if args.format == ReportFormat::Graphml {
        write!(out, "{}", render::graphml::header())?;
    }
    let mut each = |item: &Item, analysed| -> io::Result<()> {
        match (analysed, args.format) {
            (Ok(report), ReportFormat::Human) => {
                if count > 0 {
                    writeln!(out)?;
                }
                write!(out, "{}", render::human::report(&report, &human))?;
            }
            (Ok(report), ReportFormat::Json) => writeln!(out, "{}", render::json::report(&report))?,
            (Ok(report), ReportFormat::JsonLines) => {
                writeln!(out, "{}", render::json::line(&report))?
            }
            (Ok(report), ReportFormat::Dot) => {
                let net = Network::of_report(&report);
                write!(out, "{}", render::dot::graph(&report.id, &net))?
            }
            (Ok(report), ReportFormat::Graphml) => {
                // Ids are prefixed by the article's place so that the
                // graphs of one document never share an id.
                let net = Network::of_report(&report);
                let prefix = format!("g{}.", count + 1);
                write!(out, "{}", render::graphml::graph(&report.id, &prefix, &net))?
            }
            (Err(e), ReportFormat::JsonLines) => {
                writeln!(
                    out,
                    "{}",
                    render::json::error_line(Some(&item.id), item.line, &e)
                )?;
                eprintln!("secondhand: {e}");
            }
            (Err(e), _) => eprintln!("secondhand: {e}"),
        }
        count += 1;
        Ok(())
    };
    let input = InputArgs {
        progress: args.format == ReportFormat::Human,
        ..args.input.clone()
    };
    let failed = inputs::analyse_all(&input, &mut each)?;
    if args.format == ReportFormat::Graphml {
        write!(out, "{}", render::graphml::footer())?;
    }
    Ok(if failed { EXIT_ERROR } else { EXIT_CLEAN })
}
