//! The report for people in a terminal: publisher and shares, the sources
//! table with each entity's word share, the chains as a tree from the
//! publisher, the attributions, and — only with `report --body`, so that a
//! 1,000-word article stays one screenful by default — the body paragraphs
//! with each attributed span wrapped as `⟦…⟧a1`. Never coloured: the marks
//! read the same in a terminal, a file or a pipe.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::document::BlockKind;
use crate::report::{EntityOut, GraphNodeOut, Report};
use crate::span::Span;

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

/// What the human report shows beyond the summary.
#[derive(Clone, Copy, Debug, Default)]
pub struct HumanOptions {
    /// Print the body with attributed spans marked ⟦…⟧a1.
    pub body: bool,
}

/// At most this many lines of the chain tree are printed.
const MAX_TREE_LINES: usize = 200;

/// Body paragraphs are wrapped at this many characters.
const WRAP: usize = 88;

/// Renders the report as plain text (never coloured): the summary, the
/// sources with their word shares, the chains as a tree from the
/// publisher, the attributions, and with `options.body` the marked body.
pub fn report(r: &Report, options: &HumanOptions) -> String {
    let mut o = String::new();
    summary(&mut o, r);
    sources(&mut o, r);
    chains(&mut o, r);
    attributions(&mut o, r);
    let s = &r.metrics.sentences;
    let _ = writeln!(
        o,
        "\nsentences   {} secondhand, {} attributed, {} unattributed",
        s.secondhand, s.attributed, s.unattributed
    );
    if options.body {
        body(&mut o, r);
    }
    o
}

/// The publisher, origin and shares.
fn summary(o: &mut String, r: &Report) {
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
        "  attributed  {} ({} words)",
        percent(m.attributed_share),
        m.attributed_words
    );
    let _ = writeln!(
        o,
        "  secondhand  {} ({} words)",
        percent(m.secondhand_share),
        m.secondhand_words
    );
    if !m.sources_by_kind.is_empty() {
        let kinds: Vec<String> = m
            .sources_by_kind
            .iter()
            .map(|(k, n)| format!("{n} {}", crate::report::kind_name(*k)))
            .collect();
        let _ = writeln!(o, "  sources     {}", kinds.join(", "));
    }
    if m.anonymous_attributions + m.hedged_attributions > 0 {
        let _ = writeln!(
            o,
            "  unsourced   {} anonymous, {} hedged attribution{}",
            m.anonymous_attributions,
            m.hedged_attributions,
            plural(m.hedged_attributions)
        );
    }
}

/// The sources table, most words first.
fn sources(o: &mut String, r: &Report) {
    if r.metrics.by_entity.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "\nsources                                                 attr  words  share"
    );
    let entities: BTreeMap<&str, &EntityOut> =
        r.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    for s in &r.metrics.by_entity {
        let Some(e) = entities.get(s.entity.as_str()) else {
            continue;
        };
        let role = match (&e.role, &e.affiliation) {
            (Some(r), Some(a)) => format!(", {r}, {a}"),
            (Some(r), None) => format!(", {r}"),
            (None, Some(a)) => format!(", {a}"),
            (None, None) => String::new(),
        };
        let _ = writeln!(
            o,
            "  {:<4} {:<36} {:<12} {:>4} {:>6} {:>6}",
            e.id,
            clip(&format!("{}{role}", e.name), 36),
            kind_name(&e.kind),
            s.attributions,
            s.words,
            percent(s.share)
        );
    }
}

/// The source graph as a tree from the root: each node once per path,
/// a cycle ends its branch.
fn chains(o: &mut String, r: &Report) {
    if r.graph.edges.is_empty() {
        return;
    }
    let _ = writeln!(o, "\nchains");
    let nodes: BTreeMap<&str, &GraphNodeOut> =
        r.graph.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let label = |id: &str| {
        nodes
            .get(id)
            .map_or_else(|| id.to_string(), |n| format!("{} ({})", n.name, n.kind))
    };
    let _ = writeln!(o, "  {}", label(crate::report::ROOT_ID));
    // Edge indexes by source node, in edge order.
    let mut out_edges: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, e) in r.graph.edges.iter().enumerate() {
        out_edges.entry(e.from.as_str()).or_default().push(i);
    }
    let children = |id: &str| -> Vec<usize> { out_edges.get(id).cloned().unwrap_or_default() };
    // Depth first with a stack of (edge index, prefix, last child?, path).
    let mut lines = 0;
    let mut stack: Vec<(usize, String, bool, Vec<String>)> = Vec::new();
    let push_children = |stack: &mut Vec<(usize, String, bool, Vec<String>)>,
                         id: &str,
                         prefix: &str,
                         path: &[String]| {
        let kids = children(id);
        let n = kids.len();
        for (k, e) in kids.into_iter().enumerate().rev() {
            stack.push((e, prefix.to_string(), k + 1 == n, path.to_vec()));
        }
    };
    push_children(
        &mut stack,
        crate::report::ROOT_ID,
        "  ",
        &[crate::report::ROOT_ID.to_string()],
    );
    while let Some((e, prefix, last, mut path)) = stack.pop() {
        let Some(edge) = r.graph.edges.get(e) else {
            continue;
        };
        if lines >= MAX_TREE_LINES {
            let _ = writeln!(o, "{prefix}…");
            break;
        }
        lines += 1;
        let cycle = path.contains(&edge.to);
        let _ = writeln!(
            o,
            "{prefix}{}{}  {} word{}, {} attribution{}{}",
            if last { "└─ " } else { "├─ " },
            label(&edge.to),
            edge.words,
            plural(edge.words),
            edge.attributions,
            plural(edge.attributions),
            if cycle { " (cycle)" } else { "" }
        );
        if !cycle {
            path.push(edge.to.clone());
            let prefix = format!("{prefix}{}", if last { "   " } else { "│  " });
            push_children(&mut stack, &edge.to, &prefix, &path);
        }
    }
}

/// The attributions, one a line.
fn attributions(o: &mut String, r: &Report) {
    if r.attributions.is_empty() {
        return;
    }
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
        // A credit ("X contributed to this report") has no content.
        let content = if a.content.is_empty() {
            "(no content)".to_string()
        } else {
            format!("\"{}\"", clip(&content, 70))
        };
        let _ = writeln!(
            o,
            "  {:<4} {line}:{col} [{}] {source} ← {content}{via}",
            a.id,
            clip(&a.cue.text, 30),
        );
    }
}

/// The body paragraphs, wrapped, each attributed span as ⟦…⟧a1.
fn body(o: &mut String, r: &Report) {
    let _ = writeln!(o, "\nbody (attributed spans ⟦…⟧ with their attribution id)");
    let blocks: Vec<Span> = r
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .map(|b| Span {
            start: b.start,
            end: b.end,
        })
        .collect();
    // Each content piece goes to the body blocks it overlaps.
    let mut pieces: Vec<Vec<(Span, &str)>> = vec![Vec::new(); blocks.len()];
    for a in &r.attributions {
        for &c in &a.content {
            let first = blocks.partition_point(|b| b.end <= c.start);
            for (b, list) in blocks.iter().zip(pieces.iter_mut()).skip(first) {
                if b.start >= c.end {
                    break;
                }
                list.push((c, a.id.as_str()));
            }
        }
    }
    for (block, list) in blocks.iter().zip(&pieces) {
        let marked = mark(&r.text, *block, list);
        o.push('\n');
        for line in wrap(&marked, WRAP) {
            let _ = writeln!(o, "  {line}");
        }
    }
}

/// The text of `block` with each content piece (and its attribution id)
/// wrapped as ⟦…⟧a1, clipped to the block; outer spans open first and
/// close last.
fn mark(text: &str, block: Span, pieces: &[(Span, &str)]) -> String {
    // (offset, closes before opens, tie order, marker).
    let mut events: Vec<(u32, u8, u32, String)> = Vec::new();
    for (c, id) in pieces {
        let (start, end) = (c.start.max(block.start), c.end.min(block.end));
        if start >= end {
            continue;
        }
        // Opens: longer spans first; closes: shorter spans first.
        events.push((start, 1, u32::MAX - end, "⟦".to_string()));
        events.push((end, 0, u32::MAX - start, format!("⟧{id}")));
    }
    events.sort();
    let mut out = String::new();
    let mut at = block.start as usize;
    for (offset, _, _, marker) in events {
        let offset = offset as usize;
        out.push_str(text.get(at..offset).unwrap_or(""));
        out.push_str(&marker);
        at = at.max(offset);
    }
    out.push_str(text.get(at..block.end as usize).unwrap_or(""));
    out
}

/// Splits `s` into lines of at most `width` characters at white space (a
/// longer word gets a line of its own).
fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in s.split_whitespace() {
        let n = word.chars().count();
        if len > 0 && len + 1 + n > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += n;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A share as a whole percentage ("39%").
fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// "s" unless `n` is one.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
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

    fn sample() -> Option<Report> {
        let text = "By Jo Park | The Daily Planet\n\n\
                    The pier will close, according to Reuters. Reuters said that \
                    Ana Ruiz argued that the pier was unsafe. Nobody else spoke.\n";
        crate::analyze(
            &crate::Article {
                id: "pier.txt",
                text,
                format: crate::InputFormat::Text,
                publisher: None,
                url: None,
            },
            &crate::Options::default(),
        )
        .ok()
    }

    #[test]
    fn chains_print_as_a_tree_from_the_publisher() {
        let Some(r) = sample() else { return };
        let mut o = String::new();
        chains(&mut o, &r);
        let lines: Vec<&str> = o.lines().collect();
        assert_eq!(
            lines.get(2).map(|l| l.trim()),
            Some("The Daily Planet (publisher)")
        );
        assert!(o.contains("└─ Reuters (outlet)"), "{o}");
        assert!(o.contains("   └─ Ana Ruiz (person)"), "{o}");
    }

    #[test]
    fn body_is_shown_only_when_asked() {
        let Some(r) = sample() else { return };
        let plain = report(&r, &HumanOptions::default());
        assert!(!plain.contains('⟦'));
        let with_body = report(&r, &HumanOptions { body: true });
        let joined = with_body.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            joined.contains("argued ⟦that the pier was unsafe⟧a3⟧a2"),
            "{with_body}"
        );
    }

    #[test]
    fn mark_nests_inner_spans_inside_outer_ones() {
        let text = "one two three";
        let span = |s: u32, e: u32| Span { start: s, end: e };
        let all = span(0, 13);
        let pieces = [(span(4, 7), "a2"), (all, "a1")];
        assert_eq!(mark(text, all, &pieces), "⟦one ⟦two⟧a2 three⟧a1");
        // Spans ending together close inner first.
        let pieces = [(span(8, 13), "a2"), (all, "a1")];
        assert_eq!(mark(text, all, &pieces), "⟦one two ⟦three⟧a2⟧a1");
        // A piece reaching past the block is clipped to it.
        assert_eq!(mark(text, span(4, 7), &[(all, "a1")]), "⟦two⟧a1");
    }

    #[test]
    fn wrap_breaks_at_white_space_within_the_width() {
        assert_eq!(wrap("aa bb cc dd", 5), vec!["aa bb", "cc dd"]);
        assert_eq!(wrap("averylongword x", 4), vec!["averylongword", "x"]);
    }
}
