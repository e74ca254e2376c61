//! SARIF 2.1.0, the format code-scanning services read (GitHub code
//! scanning, GitLab, Azure DevOps): one run of the tool `secondhand`, its
//! rules with their documentation, a result a finding with its secondary
//! spans as related locations, and the inputs that could not be checked as
//! tool execution notifications. Columns count Unicode code points
//! (`columnKind: "unicodeCodePoints"`); paths are URIs relative to
//! `%SRCROOT%`.

use serde::Serialize;

use super::Run;
use crate::check::{Checked, Finding, Location, Rule, Severity};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The run as one pretty SARIF log.
pub fn sarif(run: &Run) -> String {
    let results = run
        .checked
        .iter()
        .flat_map(|c| c.findings.iter().map(move |f| result(run.rules, c, f)))
        .collect();
    let notifications = run
        .errors
        .iter()
        .map(|e| Notification {
            level: "error",
            message: Message::text(e.to_string()),
            descriptor: DescriptorRef { id: e.code() },
            locations: vec![LocationOut {
                id: None,
                physical_location: PhysicalLocation {
                    artifact_location: artifact(e.input()),
                    region: None,
                },
                message: None,
            }],
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [RunOut {
            tool: Tool {
                driver: Driver {
                    name: "secondhand",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: information_uri(),
                    rules: run.rules.iter().map(descriptor).collect(),
                },
            },
            invocations: [Invocation {
                execution_successful: run.errors.is_empty(),
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

/// The project's page, when the package names one.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty())
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn descriptor(rule: &Rule) -> RuleOut {
    let help = format!(
        "## What it does\n\n{}\n\n## Why is this bad?\n\n{}\n\n## Example\n\n{}",
        rule.what.trim(),
        rule.why.trim(),
        rule.example.trim()
    );
    RuleOut {
        id: rule.code,
        name: rule.name,
        short_description: Message::text(rule.summary.to_string()),
        full_description: Message::text(rule.what.trim().to_string()),
        help: Help {
            text: help.clone(),
            markdown: help,
        },
        default_configuration: match rule.default_severity {
            Some(s) => Configuration {
                enabled: true,
                level: Some(level(s)),
            },
            None => Configuration {
                enabled: false,
                level: None,
            },
        },
    }
}

fn result<'a>(rules: &[Rule], c: &'a Checked, f: &'a Finding) -> ResultOut<'a> {
    let physical = |location: &Location| PhysicalLocation {
        artifact_location: artifact(&c.path),
        region: Some(region(&c.source, location)),
    };
    ResultOut {
        rule_id: f.code,
        rule_index: rules.iter().position(|r| r.code == f.code),
        level: level(f.severity),
        message: Message::text(f.message.clone()),
        locations: vec![LocationOut {
            id: None,
            physical_location: physical(&f.location),
            message: None,
        }],
        related_locations: f
            .secondary
            .iter()
            .enumerate()
            .map(|(i, s)| LocationOut {
                id: Some(i),
                physical_location: physical(&s.location),
                message: Some(Message::text(s.label.clone())),
            })
            .collect(),
    }
}

fn region(source: &str, l: &Location) -> Region {
    let snippet = source
        .get(l.byte_start as usize..l.byte_end as usize)
        .map(|text| Snippet {
            text: text.to_string(),
        });
    Region {
        start_line: l.line,
        start_column: l.column,
        end_line: l.end_line,
        end_column: l.end_column,
        byte_offset: l.byte_start,
        byte_length: l.byte_end.saturating_sub(l.byte_start),
        snippet,
    }
}

/// A path as a URI reference: relative ones against `%SRCROOT%`, absolute
/// ones as `file:` URIs; reserved characters percent-encoded.
fn artifact(path: &str) -> ArtifactLocation {
    let path = path.replace('\\', "/");
    let absolute = path.starts_with('/');
    let mut uri = String::with_capacity(path.len() + 8);
    if absolute {
        uri.push_str("file://");
    }
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(char::from(b))
            }
            b => uri.push_str(&format!("%{b:02X}")),
        }
    }
    ArtifactLocation {
        uri,
        uri_base_id: (!absolute).then_some("%SRCROOT%"),
    }
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [RunOut<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RunOut<'a> {
    tool: Tool,
    invocations: [Invocation; 1],
    column_kind: &'static str,
    results: Vec<ResultOut<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<RuleOut>,
}

/// A `reportingDescriptor`: a rule's identity and documentation.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleOut {
    id: &'static str,
    name: &'static str,
    short_description: Message,
    full_description: Message,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

/// A `reportingConfiguration`: off-by-default rules are disabled.
#[derive(Serialize)]
struct Configuration {
    enabled: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Message,
    descriptor: DescriptorRef,
    locations: Vec<LocationOut>,
}

/// A `reportingDescriptorReference` by id.
#[derive(Serialize)]
struct DescriptorRef {
    id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultOut<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Message,
    locations: Vec<LocationOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<LocationOut>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LocationOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
    byte_offset: u32,
    byte_length: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Snippet>,
}

#[derive(Serialize)]
struct Snippet {
    text: String,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

impl Message {
    fn text(text: String) -> Message {
        Message { text }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn artifact_uris_are_relative_and_encoded() {
        let a = artifact("corpus/my file#1.md");
        assert_eq!(a.uri, "corpus/my%20file%231.md");
        assert_eq!(a.uri_base_id, Some("%SRCROOT%"));
        let b = artifact("/tmp/ä.md");
        assert_eq!(b.uri, "file:///tmp/%C3%A4.md");
        assert_eq!(b.uri_base_id, None);
        assert_eq!(artifact(r"dir\a.md").uri, "dir/a.md");
    }
}
