//! Word and phrase lists as data (`include_str!` of the files beside this
//! module), each entry able to carry an example sentence that a test runs.

pub mod abbreviations;
pub mod chrome;
pub mod cues;
pub mod outlets;

// Source words for the resolver (roles, titles, organisation heads…).
pub mod sources;
