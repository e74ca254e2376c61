//! `secondhand graph`: every article's source graph merged into one
//! citation network keyed by canonical entity name.

use std::io::{self, Write};

use secondhand::graph::merge::Merger;
use secondhand::render;

use super::args::{GraphArgs, GraphFormat};
use super::inputs;
use super::{EXIT_CLEAN, EXIT_ERROR};

/// The name of the merged graph in DOT and GraphML.
const GRAPH_NAME: &str = "secondhand";

pub fn run(args: &GraphArgs, out: &mut dyn Write) -> io::Result<u8> {
    let mut merger = Merger::default();
    let failed = inputs::analyse_all(&args.input, &mut |_, analysed| {
        match analysed {
            Ok(report) => merger.add(&report),
            Err(e) => eprintln!("secondhand: {e}"),
        }
        Ok(())
    })?;
    let net = merger.finish();
    match args.format {
        GraphFormat::Dot => write!(out, "{}", render::dot::graph(GRAPH_NAME, &net))?,
        GraphFormat::Graphml => write!(out, "{}", render::graphml::document(GRAPH_NAME, &net))?,
        GraphFormat::Json => writeln!(out, "{}", render::json::network(&net))?,
    }
    Ok(if failed { EXIT_ERROR } else { EXIT_CLEAN })
}
