//! The body of the three `analyze_*` targets: arbitrary bytes, decoded and
//! analysed as one format, must give a report that keeps every invariant
//! and renders to JSON that round-trips, or a clear error.

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use secondhand::{analyze, input, Article, InputFormat, Options};

pub fn run(data: &[u8], format: InputFormat) {
    let Ok(text) = input::decode(data, "fuzz") else {
        return;
    };
    let article = Article {
        id: "fuzz",
        text,
        format,
        publisher: None,
        url: None,
    };
    let report = match analyze(&article, &Options::default()) {
        Ok(report) => report,
        Err(e) => panic!("analyze refused decoded text: {e}"),
    };
    if let Err(broken) = invariants::check(&report).and(invariants::json_round_trips(&report).map(drop)) {
        panic!("{broken}");
    }
}
