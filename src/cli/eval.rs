//! `secondhand eval`: scores our attributions (or a prediction file) against
//! a gold JSONL file with the definitions of PolNeAR's `score.py`.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use secondhand::eval::{self, GoldDoc, Offsets, Predictions};
use secondhand::{Error, Options};

use super::args::{EvalArgs, EvalFormat, OffsetsArg};
use super::inputs::io_error;
use super::{EXIT_CLEAN, EXIT_ERROR};

pub fn run(args: &EvalArgs, out: &mut dyn Write) -> io::Result<u8> {
    let gold = match read(&args.gold).and_then(|b| eval::read_gold(&b, &name(&args.gold))) {
        Ok(gold) => gold,
        Err(e) => return Ok(fail(&e)),
    };
    let (preds, unit) = match &args.pred {
        Some(path) => match read(path).and_then(|b| eval::read_predictions(&b, &name(path))) {
            Ok(preds) => (preds, offsets(args.offsets)),
            Err(e) => return Ok(fail(&e)),
        },
        None => (analyse_all(&gold), Offsets::Bytes),
    };
    let scores = eval::score(&gold, &preds, unit);
    match args.format {
        EvalFormat::Human => write!(out, "{}", scores.table())?,
        EvalFormat::Json => writeln!(out, "{}", serde_json::to_string(&scores)?)?,
    }
    Ok(EXIT_CLEAN)
}

/// Our predictions for every gold text; a text that fails analysis predicts
/// nothing (it counts as missing) and is reported on standard error.
fn analyse_all(gold: &[GoldDoc]) -> Predictions {
    let (preds, failed) = eval::predict(gold, &Options::default());
    for (_, e) in failed {
        eprintln!("secondhand: {e} (scored as predicting nothing)");
    }
    preds
}

fn offsets(arg: OffsetsArg) -> Offsets {
    match arg {
        OffsetsArg::Bytes => Offsets::Bytes,
        OffsetsArg::Chars => Offsets::Chars,
    }
}

fn name(path: &Path) -> String {
    path.display().to_string()
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    fs::read(path).map_err(|e| io_error(path, &e))
}

/// Reports an error and gives the exit code for it.
fn fail(e: &Error) -> u8 {
    eprintln!("secondhand: {e}");
    EXIT_ERROR
}
