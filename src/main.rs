// The command line may not unwrap either; an `expect` that cannot fail on
// any input needs an `#[allow]` with the reason beside it.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

use std::process::ExitCode;

fn main() -> ExitCode {
    secondhand_cli::run()
}

#[path = "cli/mod.rs"]
mod secondhand_cli;
