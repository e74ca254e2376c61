//! `secondhand report`.

use std::io::{self, Write};

use secondhand::graph::merge::Network;
use secondhand::render::{self, human::HumanOptions};
use secondhand::{Article, Options};

use super::args::{InputArgs, ReportArgs, ReportFormat};
use super::inputs::{self, Item};
use super::{EXIT_CLEAN, EXIT_ERROR};

/// What a worker thread hands back for one article: its output already
/// rendered, or for GraphML (whose ids number the articles in output order)
/// the graph, rendered in order.
enum Rendered {
    /// Rendered output, written as it is.
    Text(Vec<u8>),
    Graph(String, Network),
}

pub fn run(args: &ReportArgs, out: &mut dyn Write) -> io::Result<u8> {
    let human = HumanOptions { body: args.body };
    let mut count = 0usize;
    if args.format == ReportFormat::Graphml {
        write!(out, "{}", render::graphml::header())?;
    }
    // Rendering is done on the worker threads, beside the analysis, so that
    // the thread writing the output in order does little more than write.
    let format = args.format;
    let work = |_: &Item, article: Article<'_>, options: &Options| {
        let report = secondhand::analyze(&article, options)?;
        Ok(match format {
            ReportFormat::Human => {
                Rendered::Text(render::human::report(&report, &human).into_bytes())
            }
            ReportFormat::Json => {
                Rendered::Text((render::json::report(&report) + "\n").into_bytes())
            }
            ReportFormat::JsonLines => Rendered::Text(render::json::line_bytes(&report)),
            ReportFormat::Dot => Rendered::Text(
                render::dot::graph(&report.id, &Network::of_report(&report)).into_bytes(),
            ),
            ReportFormat::Graphml => {
                Rendered::Graph(report.id.clone(), Network::of_report(&report))
            }
        })
    };
    let mut each = |item: &Item, analysed| -> io::Result<()> {
        match analysed {
            Ok(Rendered::Text(text)) => {
                if format == ReportFormat::Human && count > 0 {
                    writeln!(out)?;
                }
                out.write_all(&text)?;
            }
            Ok(Rendered::Graph(id, net)) => {
                // Ids are prefixed by the article's place so that the
                // graphs of one document never share an id.
                let prefix = format!("g{}.", count + 1);
                write!(out, "{}", render::graphml::graph(&id, &prefix, &net))?
            }
            Err(e) => {
                if format == ReportFormat::JsonLines {
                    writeln!(
                        out,
                        "{}",
                        render::json::error_line(Some(&item.id), item.line, &e)
                    )?;
                }
                eprintln!("secondhand: {e}");
            }
        }
        count += 1;
        Ok(())
    };
    let input = InputArgs {
        progress: args.format == ReportFormat::Human,
        ..args.input.clone()
    };
    let failed = inputs::process_all(&input, &work, &mut each)?;
    if args.format == ReportFormat::Graphml {
        write!(out, "{}", render::graphml::footer())?;
    }
    Ok(if failed { EXIT_ERROR } else { EXIT_CLEAN })
}
