//! Renderers: a report as text for people or as data for tools, and the
//! findings of `secondhand check` in every `--format`. Machine formats
//! (JSON, JSON lines, DOT, GraphML, SARIF, GitHub commands) never carry
//! colour.

pub mod compact;
pub mod dot;
pub mod findings;
pub mod graphml;
pub mod human;
pub mod json;
