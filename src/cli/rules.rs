//! `secondhand rules`: the rules of `check` and their documentation.

use std::io::{self, Write};

use secondhand::check::{rules, Rule};

use super::args::{RulesArgs, RulesFormat};
use super::{EXIT_CLEAN, EXIT_ERROR};

pub fn run(args: &RulesArgs, out: &mut dyn Write) -> io::Result<u8> {
    let chosen: Vec<&Rule> = match &args.rule {
        None => rules::all().iter().collect(),
        Some(name) => match rules::lookup(name) {
            Some(rule) => vec![rule],
            None => {
                eprintln!("secondhand: no rule `{name}` (see `secondhand rules`)");
                return Ok(EXIT_ERROR);
            }
        },
    };
    match (args.format, &args.rule) {
        (RulesFormat::Json, _) => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&chosen).map_err(io::Error::other)?
        )?,
        (RulesFormat::Human, None) => {
            writeln!(out, "{:<6} {:<20} {:<8} summary", "code", "name", "default")?;
            for r in chosen {
                writeln!(
                    out,
                    "{:<6} {:<20} {:<8} {}",
                    r.code,
                    r.name,
                    default_level(r),
                    r.summary
                )?;
            }
        }
        (RulesFormat::Human, Some(_)) => {
            for r in chosen {
                writeln!(out, "{} ({}): {}", r.code, r.name, r.summary)?;
                writeln!(out, "Default: {}", default_level(r))?;
                writeln!(out, "\n## What it does\n\n{}", r.what)?;
                writeln!(out, "\n## Why is this bad?\n\n{}", r.why)?;
                writeln!(out, "\n## Example\n\n{}", r.example)?;
            }
        }
    }
    Ok(EXIT_CLEAN)
}

fn default_level(rule: &Rule) -> &'static str {
    rule.default_severity.map_or("off", |s| s.name())
}
