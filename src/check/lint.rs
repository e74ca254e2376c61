//! The rules themselves: each a function of the analysis and the settings.

use std::collections::HashSet;

use super::config::EffectiveConfig;
use super::position::SourceIndex;
use super::rules;
use super::suppress::Suppressions;
use super::{Checked, Finding, Secondary};
use crate::document::BlockKind;
use crate::input::InputFormat;
use crate::lexicon::outlets::Outlets;
use crate::metrics::Provenance;
use crate::report::{AttributionOut, Report};
use crate::resolve::EntityKind;
use crate::span::Span;
use crate::Analysis;

/// A finding before it has a place in the source.
struct Draft {
    code: &'static str,
    message: String,
    span: Span,
    secondary: Vec<(Span, String)>,
}

/// Runs every rule that is on over one analysis of `source` (the input
/// as read); findings sorted by position, then code, before suppression
/// (see [`check_article`]).
pub fn check(analysis: &Analysis, source: &str, config: &EffectiveConfig) -> Vec<Finding> {
    let index = SourceIndex::new(source, &analysis.report.text, &analysis.source_map);
    drafts(analysis, config)
        .into_iter()
        .filter_map(|d| place(d, config, &index))
        .collect()
}

/// The findings of every rule that is on, sorted, in the analysed text.
fn drafts(analysis: &Analysis, config: &EffectiveConfig) -> Vec<Draft> {
    let r = &analysis.report;
    let mut drafts = Vec::new();
    let on = |code| config.severity(code).is_some();
    if on("SH001") {
        secondhand_share(r, config, &mut drafts);
    }
    if on("SH002") {
        anonymous_sources(r, config, &mut drafts);
    }
    if on("SH003") {
        unsourced_hedges(r, &mut drafts);
    }
    if on("SH004") {
        outlets_without_links(analysis, &mut drafts);
    }
    if on("SH005") {
        unattributed_quotes(r, config, &mut drafts);
    }
    if on("SH006") {
        single_source(r, config, &mut drafts);
    }
    if on("SH007") {
        chain_depth(r, config, &mut drafts);
    }
    drafts.sort_by(|a, b| (a.span.start, a.code).cmp(&(b.span.start, b.code)));
    drafts
}

/// A draft placed in the source, with its severity (`None` if its rule is off).
fn place(draft: Draft, config: &EffectiveConfig, index: &SourceIndex<'_>) -> Option<Finding> {
    let Draft {
        code,
        message,
        span,
        mut secondary,
    } = draft;
    // One label a place: a span that is the finding's own, or that an
    // earlier secondary already shows, adds nothing.
    secondary.sort_by_key(|(s, _)| (s.start, s.end));
    secondary.dedup_by_key(|(s, _)| (s.start, s.end));
    secondary.retain(|(s, _)| *s != span);
    Some(Finding {
        code,
        name: rules::lookup(code).map_or("", |r| r.name),
        severity: config.severity(code)?,
        message,
        span,
        location: index.location(span),
        secondary: secondary
            .into_iter()
            .map(|(span, label)| Secondary {
                span,
                location: index.location(span),
                label,
            })
            .collect(),
    })
}

/// Checks one analysed input: findings placed in `source` (the input as
/// read), without those its directives suppress. Also gives the directive
/// words that name no rule, for the caller to report.
pub fn check_article(
    path: &str,
    source: &str,
    analysis: &Analysis,
    config: &EffectiveConfig,
) -> (Checked, Vec<String>) {
    let suppressions = Suppressions::new(&analysis.directives, &analysis.report);
    let findings = check(analysis, source, config)
        .into_iter()
        .filter(|f| !suppressions.covers(f.code, f.span))
        .collect();
    let unknown = suppressions.unknown.into_iter().map(|(_, w)| w).collect();
    (
        Checked {
            path: path.to_string(),
            source: source.to_string(),
            findings,
        },
        unknown,
    )
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// The name a report gives an attribution's source.
fn source_name(r: &Report, a: &AttributionOut) -> String {
    match &a.source {
        Some(s) => s
            .entity
            .as_ref()
            .and_then(|id| r.entities.iter().find(|e| &e.id == id))
            .map_or_else(|| s.text.clone(), |e| e.name.clone()),
        None => format!("an unnamed source (\"{}\")", a.cue.text),
    }
}

fn entity_kind(r: &Report, a: &AttributionOut) -> Option<EntityKind> {
    let id = a.source.as_ref()?.entity.as_ref()?;
    r.entities.iter().find(|e| &e.id == id).map(|e| e.kind)
}

fn attribution<'r>(r: &'r Report, id: &str) -> Option<&'r AttributionOut> {
    r.attributions.iter().find(|a| a.id == id)
}

/// The name of the story's author, the root of every chain.
fn publisher_name(r: &Report) -> String {
    r.origin
        .as_ref()
        .or(r.publisher.as_ref())
        .map_or_else(|| "the publisher".to_string(), |p| p.name.clone())
}

/// SH001: the secondhand share above `max-secondhand`.
fn secondhand_share(r: &Report, config: &EffectiveConfig, out: &mut Vec<Draft>) {
    let Some(max) = config.max_secondhand else {
        return;
    };
    let share = r.metrics.secondhand_share;
    if share <= max {
        return;
    }
    let secondhand: Vec<_> = r
        .sentences
        .iter()
        .filter(|s| s.provenance == Provenance::Secondhand)
        .collect();
    let Some(first) = secondhand.first() else {
        return;
    };
    let mut seen = HashSet::new();
    let mut secondary = Vec::new();
    for s in &secondhand {
        let Some(a) = s.attribution.as_deref().and_then(|id| attribution(r, id)) else {
            continue;
        };
        let name = source_name(r, a);
        if seen.insert(name.clone()) {
            secondary.push((a.cue.span(), name));
        }
    }
    out.push(Draft {
        code: "SH001",
        message: format!(
            "secondhand share {} is above the maximum of {}",
            percent(share),
            percent(max)
        ),
        span: Span {
            start: first.start,
            end: first.end,
        },
        secondary,
    });
}

/// SH002: more anonymous attributions than `max-anonymous`.
fn anonymous_sources(r: &Report, config: &EffectiveConfig, out: &mut Vec<Draft>) {
    let anonymous: Vec<&AttributionOut> = r
        .attributions
        .iter()
        .filter(|a| entity_kind(r, a) == Some(EntityKind::Anonymous))
        .collect();
    let max = config.max_anonymous;
    let Some(over) = anonymous.get(max) else {
        return;
    };
    let span_of = |a: &AttributionOut| {
        a.source.as_ref().map_or(a.cue.span(), |s| Span {
            start: s.start,
            end: s.end,
        })
    };
    out.push(Draft {
        code: "SH002",
        message: format!(
            "{} attributions to anonymous sources, above the maximum of {max}",
            anonymous.len()
        ),
        span: span_of(over),
        secondary: anonymous
            .iter()
            .filter(|a| a.id != over.id)
            .map(|a| (span_of(a), "anonymous source".to_string()))
            .collect(),
    });
}

/// SH003: each hedge with no source.
fn unsourced_hedges(r: &Report, out: &mut Vec<Draft>) {
    for a in r
        .attributions
        .iter()
        .filter(|a| a.hedged && a.source.is_none())
    {
        out.push(Draft {
            code: "SH003",
            message: format!("\"{}\" attributes the claim to no one", a.cue.text),
            span: a.cue.span(),
            secondary: Vec::new(),
        });
    }
}

/// SH004: an outlet cited as a source with no link to it (HTML, Markdown).
fn outlets_without_links(analysis: &Analysis, out: &mut Vec<Draft>) {
    let r = &analysis.report;
    if !matches!(r.input_format, InputFormat::Html | InputFormat::Markdown) {
        return;
    }
    let own: Vec<String> = [&r.publisher, &r.origin]
        .into_iter()
        .flatten()
        .map(|p| p.name.to_lowercase())
        .collect();
    for e in r.entities.iter().filter(|e| e.kind == EntityKind::Outlet) {
        if own.contains(&e.name.to_lowercase()) {
            continue;
        }
        let Some(first) = r
            .attributions
            .iter()
            .find(|a| a.source.as_ref().and_then(|s| s.entity.as_deref()) == Some(e.id.as_str()))
        else {
            continue;
        };
        let outlets = Outlets::active();
        let candidates = outlets.lookup_name(&e.name);
        let linked = analysis.links.iter().any(|link| {
            e.mentions.iter().any(|m| m.span().overlaps(link.span))
                || outlets
                    .lookup_domain(&link.href)
                    .is_some_and(|o| candidates.outlets().iter().any(|c| c.name == o.name))
        });
        if linked {
            continue;
        }
        let span = first.source.as_ref().map_or(first.cue.span(), |s| Span {
            start: s.start,
            end: s.end,
        });
        out.push(Draft {
            code: "SH004",
            message: format!("{} is cited as a source without a link", e.name),
            span,
            secondary: Vec::new(),
        });
    }
}

/// SH005: a long body quotation outside every sourced attribution.
fn unattributed_quotes(r: &Report, config: &EffectiveConfig, out: &mut Vec<Draft>) {
    for q in &r.quotations {
        let span = Span {
            start: q.start,
            end: q.end,
        };
        let in_body = r
            .blocks
            .iter()
            .any(|b| b.kind == BlockKind::Body && b.start <= q.start && q.start < b.end);
        let words = span
            .text(&r.text)
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if !in_body || words < config.min_quote_words {
            continue;
        }
        let sourced = r
            .attributions
            .iter()
            .filter(|a| a.source.is_some())
            .any(|a| a.content.iter().any(|c| c.overlaps(span)));
        if !sourced {
            out.push(Draft {
                code: "SH005",
                message: format!("a quotation of {words} words has no identifiable speaker"),
                span,
                secondary: Vec::new(),
            });
        }
    }
}

/// SH006: one source with most of the attributed words.
fn single_source(r: &Report, config: &EffectiveConfig, out: &mut Vec<Draft>) {
    let total = r.metrics.attributed_words;
    if total < config.min_attributed_words || total == 0 {
        return;
    }
    let Some(top) = r.metrics.by_entity.iter().max_by_key(|e| e.words) else {
        return;
    };
    let share = top.words as f64 / total as f64;
    if share <= config.single_source_share {
        return;
    }
    let Some(first) = r
        .attributions
        .iter()
        .find(|a| a.source.as_ref().and_then(|s| s.entity.as_deref()) == Some(top.entity.as_str()))
    else {
        return;
    };
    out.push(Draft {
        code: "SH006",
        message: format!(
            "{} carries {} of the attributed words, above {}",
            top.name,
            percent(share),
            percent(config.single_source_share)
        ),
        span: first.cue.span(),
        secondary: Vec::new(),
    });
}

/// SH007: chains of attributions deeper than `max-chain-depth`.
fn chain_depth<'r>(r: &'r Report, config: &EffectiveConfig, out: &mut Vec<Draft>) {
    let by_id = |id: &str| attribution(r, id);
    // The chain up from each attribution, outermost first (bounded, so a
    // cycle of `via`s cannot loop).
    let chain_of = |a: &'r AttributionOut| -> Vec<&'r AttributionOut> {
        let mut chain = vec![];
        let mut at = Some(a);
        while let Some(x) = at {
            if chain.len() > r.attributions.len()
                || chain.iter().any(|c: &&AttributionOut| c.id == x.id)
            {
                break;
            }
            chain.push(x);
            at = x.via.as_deref().and_then(by_id);
        }
        chain.reverse();
        chain
    };
    let max = config.max_chain_depth;
    let deep: Vec<(&AttributionOut, Vec<&AttributionOut>)> = r
        .attributions
        .iter()
        .map(|a| (a, chain_of(a)))
        .filter(|(_, c)| c.len() > max)
        .collect();
    let inner: HashSet<&str> = deep.iter().filter_map(|(a, _)| a.via.as_deref()).collect();
    let root = publisher_name(r);
    for (a, chain) in deep.iter().filter(|(a, _)| !inner.contains(a.id.as_str())) {
        let names: Vec<String> = chain.iter().map(|x| source_name(r, x)).collect();
        let mut path = vec![root.clone()];
        path.extend(names.iter().cloned());
        let secondary = chain
            .iter()
            .zip(&names)
            .enumerate()
            .filter(|(_, (x, _))| x.id != a.id)
            .map(|(i, (x, name))| {
                let by = if i == 0 {
                    &root
                } else {
                    names.get(i - 1).unwrap_or(&root)
                };
                (x.cue.span(), format!("{by} cites {name}"))
            })
            .collect();
        out.push(Draft {
            code: "SH007",
            message: format!(
                "chain of {} sources ({}) is deeper than the maximum of {max}",
                chain.len(),
                path.join(" → ")
            ),
            span: a.cue.span(),
            secondary,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze_detailed, Article, Options};

    /// The codes of the findings on `text`, with `config`, suppression applied.
    fn codes_with(text: &str, format: InputFormat, config: &EffectiveConfig) -> Vec<&'static str> {
        let article = Article {
            id: "t",
            text,
            format,
            publisher: Some("The Valley Ledger"),
            url: None,
        };
        let Ok(analysis) = analyze_detailed(&article, &Options::default()) else {
            return vec!["no analysis"];
        };
        let (checked, _) = check_article("t", text, &analysis, config);
        checked.findings.iter().map(|f| f.code).collect()
    }

    fn codes(text: &str) -> Vec<&'static str> {
        codes_with(text, InputFormat::Text, &EffectiveConfig::default())
    }

    const HEDGE: &str = "The chef reportedly left the restaurant in March.\n";
    const NAMED: &str = "The chef left the restaurant in March, the owner said.\n";

    #[test]
    fn sh001_fires_above_the_maximum_only_when_set() {
        let text = "The pier will close in May, the Boston Globe reported on Monday. \
                    According to the Globe, repairs will take a year.\n";
        assert!(!codes(text).contains(&"SH001"));
        let mut config = EffectiveConfig::default();
        config.set_max_secondhand(0.5);
        assert!(codes_with(text, InputFormat::Text, &config).contains(&"SH001"));
        assert!(!codes_with(NAMED, InputFormat::Text, &config).contains(&"SH001"));
    }

    #[test]
    fn sh002_fires_past_the_maximum_of_anonymous_sources() {
        let three = "A person familiar with the plan said the pier would close. \
                     Two officials who asked not to be named said the vote was set. \
                     Sources close to the mayor said she agreed.\n";
        assert!(codes(three).contains(&"SH002"), "{:?}", codes(three));
        let config = EffectiveConfig {
            max_anonymous: 5,
            ..EffectiveConfig::default()
        };
        assert!(!codes_with(three, InputFormat::Text, &config).contains(&"SH002"));
    }

    #[test]
    fn sh003_fires_on_a_hedge_with_no_source() {
        assert_eq!(codes(HEDGE), ["SH003"]);
        assert!(!codes(NAMED).contains(&"SH003"));
    }

    #[test]
    fn sh004_fires_on_an_unlinked_outlet_in_markdown_only() {
        let md = "The pier will close, the Boston Globe reported.\n";
        assert!(
            codes_with(md, InputFormat::Markdown, &EffectiveConfig::default()).contains(&"SH004")
        );
        let linked =
            "The pier will close, the [Boston Globe](https://www.bostonglobe.com/x) reported.\n";
        assert!(
            !codes_with(linked, InputFormat::Markdown, &EffectiveConfig::default())
                .contains(&"SH004")
        );
        let by_domain =
            "The pier will close, the Boston Globe [reported](https://bostonglobe.com/p).\n";
        assert!(!codes_with(
            by_domain,
            InputFormat::Markdown,
            &EffectiveConfig::default()
        )
        .contains(&"SH004"));
        assert!(!codes(md).contains(&"SH004"));
    }

    #[test]
    fn sh005_fires_on_a_long_quote_with_no_speaker() {
        let text = "The notice on the door was short.\n\n\
                    \"We will not let the old pier fall into the sea this winter.\"\n";
        assert!(codes(text).contains(&"SH005"), "{:?}", codes(text));
        let said = "\"We will not let the old pier fall into the sea this winter,\" Mayor Ana Okafor said.\n";
        assert!(!codes(said).contains(&"SH005"), "{:?}", codes(said));
        let short = "The notice on the door was short.\n\n\"Closed until May.\"\n";
        assert!(!codes(short).contains(&"SH005"));
    }

    #[test]
    fn sh006_fires_when_one_source_carries_most_words() {
        let one = "The council will raise bus fares by a quarter next spring, transit chief \
                   Mara Quist said on Tuesday. Quist said buses on the harbour routes will \
                   run less often after nine in the evening, and that night services on the \
                   western lines will end at ten. She said the savings would pay for new \
                   ferries and for repairs to the old depot on Mill Street, which has leaked \
                   for years. Quist added that riders would be asked for their views.\n";
        let mut config = EffectiveConfig {
            min_attributed_words: 20,
            ..EffectiveConfig::default()
        };
        assert!(codes_with(one, InputFormat::Text, &config).contains(&"SH006"));
        config.single_source_share = 1.0;
        assert!(!codes_with(one, InputFormat::Text, &config).contains(&"SH006"));
    }

    #[test]
    fn sh007_fires_on_a_chain_deeper_than_the_maximum() {
        let deep = "Pier news\n\nThe Boston Globe reported that Politico said two officials \
                    told it the pier was unsafe.\n";
        assert!(codes(deep).contains(&"SH007"), "{:?}", codes(deep));
        let config = EffectiveConfig {
            max_chain_depth: 3,
            ..EffectiveConfig::default()
        };
        assert!(!codes_with(deep, InputFormat::Text, &config).contains(&"SH007"));
        assert!(!codes(NAMED).contains(&"SH007"));
    }

    #[test]
    fn rules_that_are_off_do_not_fire() {
        let mut config = EffectiveConfig::default();
        config
            .rules
            .insert("SH003", crate::check::config::Level::Off);
        assert!(codes_with(HEDGE, InputFormat::Text, &config).is_empty());
    }

    fn md(directive: &str) -> String {
        format!(
            "First paragraph, calm.\n\n{directive}\nThe chef reportedly left in March.\n\n\
             The cook reportedly left in April.\n"
        )
    }

    #[test]
    fn ignore_suppresses_the_next_block_in_markdown() {
        let c = |text: &str| codes_with(text, InputFormat::Markdown, &EffectiveConfig::default());
        assert_eq!(c(&md("")), ["SH003", "SH003"]);
        assert_eq!(c(&md("<!-- secondhand: ignore SH003 -->")), ["SH003"]);
        assert_eq!(c(&md("<!-- secondhand: ignore -->")), ["SH003"]);
        assert_eq!(
            c(&md("<!-- secondhand: ignore unsourced-hedge -->")),
            ["SH003"]
        );
        assert_eq!(
            c(&md("<!-- secondhand: ignore SH002 -->")),
            ["SH003", "SH003"]
        );
        assert!(c(&md("<!-- secondhand: ignore-file SH003 -->")).is_empty());
        assert!(c(&md("<!-- secondhand: off -->")).is_empty());
        let on = "<!-- secondhand: off SH003 -->\nThe chef reportedly left in March.\n\n\
                  <!-- secondhand: on -->\n\nThe cook reportedly left in April.\n";
        assert_eq!(c(on), ["SH003"]);
    }

    #[test]
    fn directives_work_in_html_and_unknown_codes_are_reported() {
        let html = "<p>First paragraph, calm.</p><!-- secondhand: ignore SH003, SH999 -->\
                    <p>The chef reportedly left in March.</p>\
                    <p>The cook reportedly left in April.</p>";
        let article = Article {
            id: "t",
            text: html,
            format: InputFormat::Html,
            publisher: None,
            url: None,
        };
        let analysis = analyze_detailed(&article, &Options::default());
        let Ok(analysis) = analysis else {
            panic!("analysed")
        };
        let (checked, unknown) = check_article("t", html, &analysis, &EffectiveConfig::default());
        assert_eq!(checked.findings.len(), 1);
        assert_eq!(unknown, ["SH999"]);
        let loc = checked.findings[0].location;
        let under = html.get(loc.byte_start as usize..loc.byte_end as usize);
        assert_eq!(under, Some("reportedly"));
        assert_eq!((loc.line, loc.column), (1, loc.byte_start + 1));
    }

    #[test]
    fn findings_point_at_the_source_in_markdown() {
        let text = "# Pier\n\nThe *chef* **reportedly** left.\n";
        let article = Article {
            id: "t",
            text,
            format: InputFormat::Markdown,
            publisher: None,
            url: None,
        };
        let Ok(analysis) = analyze_detailed(&article, &Options::default()) else {
            panic!("analysed")
        };
        let found = check(&analysis, text, &EffectiveConfig::default());
        let loc = found.first().map(|f| f.location);
        assert_eq!(
            loc.map(|l| (l.line, l.column, l.end_column)),
            Some((3, 14, 24))
        );
        assert_eq!(
            loc.and_then(|l| text.get(l.byte_start as usize..l.byte_end as usize)),
            Some("reportedly")
        );
    }
}
