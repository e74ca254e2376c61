//! Renderers: a report as text for people or as data for tools. Machine
//! formats (JSON, JSON lines, DOT, GraphML) never carry colour.

pub mod dot;
pub mod graphml;
pub mod human;
pub mod json;
