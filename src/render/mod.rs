//! Renderers: a report as text for people or as data for tools. Machine
//! formats never carry colour.

pub mod human;
pub mod json;
