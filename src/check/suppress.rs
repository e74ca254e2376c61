//! Inline suppression from `<!-- secondhand: … -->` comments:
//!
//! - `ignore [CODES]`: the next block (paragraph, list item, heading…);
//! - `off [CODES]` … `on [CODES]`: everything between (`on` with no codes
//!   ends every `off`);
//! - `ignore-file [CODES]`: the whole file.
//!
//! Codes are rule codes or names, separated by spaces or commas; none means
//! every rule. A finding is suppressed when its anchor starts in a region
//! that covers its code.

use super::rules;
use crate::report::Report;
use crate::span::Span;

/// The regions the directives of one input suppress.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suppressions {
    /// A region of the analysed text and the codes it covers (`None`: all).
    regions: Vec<(Span, Option<Vec<&'static str>>)>,
    /// Directive words that are no rule or no directive, with the text
    /// offset of their comment, for the caller to report.
    pub unknown: Vec<(u32, String)>,
}

impl Suppressions {
    /// Reads the directives (see [`crate::input::Extracted::directives`])
    /// against the report's blocks.
    pub fn new(directives: &[(u32, String)], report: &Report) -> Suppressions {
        let mut out = Suppressions::default();
        let end = u32::try_from(report.text.len()).unwrap_or(u32::MAX);
        let mut open: Vec<(u32, Option<Vec<&'static str>>)> = Vec::new();
        for (at, words) in directives {
            let mut parts = words
                .split([' ', ',', '\t', '\n'])
                .filter(|w| !w.is_empty());
            let kind = parts.next().unwrap_or("").to_ascii_lowercase();
            let mut codes = Vec::new();
            for part in parts {
                match rules::lookup(part) {
                    Some(rule) => codes.push(rule.code),
                    None => out.unknown.push((*at, part.to_string())),
                }
            }
            let codes = (!codes.is_empty()).then_some(codes);
            match kind.as_str() {
                "ignore" => {
                    let next = report.blocks.iter().find(|b| b.end > *at && b.start >= *at);
                    if let Some(b) = next {
                        out.regions.push((
                            Span {
                                start: b.start,
                                end: b.end,
                            },
                            codes,
                        ));
                    }
                }
                "ignore-file" => out.regions.push((Span { start: 0, end }, codes)),
                "off" => open.push((*at, codes)),
                "on" => {
                    let closing = |c: &Option<Vec<&str>>| match (&codes, c) {
                        (None, _) => true,
                        (Some(on), Some(off)) => off.iter().all(|o| on.contains(o)),
                        (Some(_), None) => false,
                    };
                    for (start, c) in open.iter().filter(|(_, c)| closing(c)) {
                        out.regions.push((
                            Span {
                                start: *start,
                                end: *at,
                            },
                            c.clone(),
                        ));
                    }
                    open.retain(|(_, c)| !closing(c));
                }
                _ => out.unknown.push((*at, kind)),
            }
        }
        for (start, codes) in open {
            out.regions.push((Span { start, end }, codes));
        }
        out
    }

    /// Whether a finding of `code` anchored at `span` is suppressed.
    pub fn covers(&self, code: &str, span: Span) -> bool {
        self.regions.iter().any(|(region, codes)| {
            let inside = region.start <= span.start && span.start < region.end;
            inside && codes.as_ref().is_none_or(|c| c.contains(&code))
        })
    }
}
