use std::process::ExitCode;

fn main() -> ExitCode {
    secondhand_cli::run()
}

#[path = "cli/mod.rs"]
mod secondhand_cli;
