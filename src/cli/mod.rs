//! The command line: argument parsing, reading files, writing output. All
//! printing happens here, never in the library.

mod args;
mod check;
mod eval;
mod graph;
mod inputs;
mod pipeline;
mod report;
mod rules;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};

/// Exit codes, as ruff, ripgrep and vale use them.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_ERROR: u8 = 2;

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            });
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match cli.command {
        Command::Report(args) => report::run(&args, &mut out),
        Command::Graph(args) => graph::run(&args, &mut out),
        Command::Eval(args) => eval::run(&args, &mut out),
        Command::Check(args) => check::run(args, &mut out),
        Command::Rules(args) => rules::run(&args, &mut out),
    };
    let code = match result.and_then(|code| out.flush().map(|()| code)) {
        Ok(code) => code,
        // A closed pipe (`secondhand report … | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_CLEAN,
        Err(e) => {
            eprintln!("secondhand: {e}");
            EXIT_ERROR
        }
    };
    ExitCode::from(code)
}
