//! Command-line flags as plain data (clap derive).

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use super::inputs::parse_exclude;

/// Find who an article's information comes from, and how much is secondhand.
#[derive(Debug, Parser)]
#[command(name = "secondhand", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report the attributions, sources and shares of each article.
    Report(ReportArgs),
    /// Merge the articles' source graphs into one citation network.
    Graph(GraphArgs),
    /// Score attributions against a gold JSONL file (PolNeAR's score.py).
    Eval(EvalArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    Auto,
    Text,
    Html,
    Markdown,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
    JsonLines,
    /// Each article's source graph as a Graphviz digraph.
    Dot,
    /// Each article's source graph as a <graph> of one GraphML document.
    Graphml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT.
    Dot,
    /// GraphML, for Gephi, yEd or networkx.
    Graphml,
    /// {"nodes": [...], "edges": [...]}.
    Json,
}

/// Where the inputs come from and how to read them (shared by `report`,
/// `graph` and `check`).
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files or directories to read; `-` (or nothing) reads standard input.
    /// Directories are walked in path order for .txt, .md, .markdown, .html,
    /// .htm and .jsonl files, skipping hidden ones and what .gitignore and
    /// .ignore files exclude; files named here are always read.
    pub paths: Vec<PathBuf>,

    /// How to read the inputs; `auto` goes by file extension, then content.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,

    /// The publisher of every input, overriding what the text says.
    #[arg(long)]
    pub publisher: Option<String>,

    /// Refuse articles (and JSONL records) larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub max_bytes: usize,

    /// More outlets, one a line as `name | kind | aliases | domains`
    /// (the format of the built-in list), added to the built-in list.
    #[arg(long, value_name = "FILE")]
    pub outlets: Option<PathBuf>,

    /// Analyse on this many threads (default: one per core). Output is the
    /// same whatever the number.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,

    /// Replace invalid UTF-8 with U+FFFD instead of refusing the input.
    #[arg(long)]
    pub lossy: bool,

    /// Skip files and directories matching this glob when walking a
    /// directory (gitignore syntax, relative to it; repeatable).
    #[arg(long, value_name = "GLOB", value_parser = parse_exclude)]
    pub exclude: Vec<String>,

    /// Walk directories without honouring .gitignore, .ignore and git's
    /// excludes (hidden files are still skipped).
    #[arg(long)]
    pub no_ignore: bool,

    /// The name standard input goes by: its id, and its format by extension.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Whether the caller's output is for humans, so that a long run may
    /// show a progress bar on a terminal (set by the command, not a flag).
    #[arg(skip)]
    pub progress: bool,
}

#[derive(Debug, Args)]
pub struct GraphArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,

    /// With `--format human`: also print the body, paragraph by paragraph,
    /// each attributed span wrapped in ⟦…⟧ followed by its attribution id.
    #[arg(long)]
    pub body: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// score.py's table.
    Human,
    /// One JSON object with the fields of `score.py --json`.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OffsetsArg {
    /// UTF-8 byte offsets, as in our reports.
    Bytes,
    /// Unicode code point offsets, as in the gold.
    Chars,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold JSONL: {"id", "text", "attributions": [...]} a line, code point offsets.
    #[arg(long)]
    pub gold: PathBuf,

    /// Predictions JSONL to score; without it, secondhand analyses each gold text.
    #[arg(long)]
    pub pred: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Human)]
    pub format: EvalFormat,

    /// The unit of the offsets in --pred.
    #[arg(long, value_enum, default_value_t = OffsetsArg::Bytes, requires = "pred")]
    pub offsets: OffsetsArg,
}
