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
    /// Check articles against sourcing policies (secondhand.toml); exit 1 on findings.
    Check(CheckArgs),
    /// List the rules of `check`, or show one rule's documentation.
    Rules(RulesArgs),
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Each finding with its source lines and labelled spans.
    Full,
    /// `path:line:col: CODE message`, one finding a line.
    Concise,
    /// One JSON document for the whole run.
    Json,
    /// One JSON object per checked file, as each file finishes.
    JsonLines,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Use this configuration file for every input (instead of the nearest
    /// secondhand.toml or .secondhand.toml above each input).
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Use no configuration file: defaults and flags only.
    #[arg(long)]
    pub isolated: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Full)]
    pub format: CheckFormat,

    /// The least severity that makes the run fail (exit 1); default `error`
    /// or the configuration's `fail-on`.
    #[arg(long, value_enum)]
    pub fail_on: Option<SeverityArg>,

    /// Report articles whose secondhand share is above this ratio (SH001).
    #[arg(long, value_name = "RATIO")]
    pub max_secondhand: Option<f64>,

    /// Exit 0 even with findings (errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,

    /// Print the effective configuration for each path as TOML, and exit.
    #[arg(long)]
    pub show_config: bool,

    /// When to colour the `full` format (machine formats never are).
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A rule's code or name: show its documentation.
    pub rule: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
    pub format: RulesFormat,
}
