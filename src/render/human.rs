//! The report for people in a terminal.

use std::fmt::Write;

use crate::metrics::Provenance;
use crate::report::Report;

/// Line and column (1-based, column in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Shortens `s` to at most `max` characters, with an ellipsis.
fn clip(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Renders the report as plain text.
pub fn report(r: &Report) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}", r.id);
    let publisher = r.publisher.as_ref().map_or_else(
        || "unknown".to_string(),
        |p| format!("{} (from {})", p.name, p.evidence),
    );
    let _ = writeln!(o, "  publisher   {publisher}");
    if let Some(origin) = &r.origin {
        let _ = writeln!(
            o,
            "  origin      {} (from {})",
            origin.name, origin.evidence
        );
    }
    let m = &r.metrics;
    let _ = writeln!(
        o,
        "  body        {} words in {} sentences",
        m.body_words,
        r.sentences.len()
    );
    let _ = writeln!(
        o,
        "  attributed  {:.0}% ({} words)",
        m.attributed_share * 100.0,
        m.attributed_words
    );
    let _ = writeln!(
        o,
        "  secondhand  {:.0}% ({} words)",
        m.secondhand_share * 100.0,
        m.secondhand_words
    );
    if !r.entities.is_empty() {
        let _ = writeln!(o, "\nsources");
        for e in &r.entities {
            let role = match (&e.role, &e.affiliation) {
                (Some(r), Some(a)) => format!(", {r}, {a}"),
                (Some(r), None) => format!(", {r}"),
                (None, Some(a)) => format!(", {a}"),
                (None, None) => String::new(),
            };
            let _ = writeln!(
                o,
                "  {:<4} {:<40} {:<12} {} mention{}",
                e.id,
                clip(&format!("{}{role}", e.name), 40),
                kind_name(&e.kind),
                e.mentions.len(),
                if e.mentions.len() == 1 { "" } else { "s" }
            );
        }
    }
    if !r.chains.is_empty() {
        let _ = writeln!(o, "\nchains");
        for c in &r.chains {
            let _ = writeln!(o, "  {}", c.join(" -> "));
        }
    }
    if !r.attributions.is_empty() {
        let _ = writeln!(o, "\nattributions");
        for a in &r.attributions {
            let (line, col) = line_col(&r.text, a.cue.start as usize);
            let source = a
                .source
                .as_ref()
                .map_or_else(|| "(no source)".to_string(), |s| clip(&s.text, 40));
            let content: String = a
                .content
                .iter()
                .map(|c| c.text(&r.text))
                .collect::<Vec<_>>()
                .join(" … ");
            let via = a
                .via
                .as_ref()
                .map(|v| format!(" via {v}"))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "  {:<4} {line}:{col} [{}] {source} ← \"{}\"{via}",
                a.id,
                clip(&a.cue.text, 30),
                clip(&content, 70)
            );
        }
    }
    let counts = |p: Provenance| r.sentences.iter().filter(|s| s.provenance == p).count();
    let _ = writeln!(
        o,
        "\nsentences   {} secondhand, {} attributed, {} unattributed",
        counts(Provenance::Secondhand),
        counts(Provenance::Attributed),
        counts(Provenance::Unattributed)
    );
    o
}

fn kind_name<T: serde::Serialize>(kind: &T) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_is_one_based_and_counts_characters() {
        let text = "ab\n“c” d";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, text.find('d').unwrap_or(0)), (2, 5));
    }
}
