//! Word and phrase lists as data (`include_str!` of the files beside this
//! module), each entry able to carry an example sentence that a test runs.

pub mod abbreviations;
pub mod chrome;
pub mod cues;
pub mod outlets;

// Source words for the resolver (roles, titles, organisation heads…).
pub mod sources;

/// Month names in lower case: the [`FULL_MONTHS`] full names, then the
/// abbreviations datelines use.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// How many of [`MONTHS`] are full names.
pub const FULL_MONTHS: usize = 12;

/// Calls `f` with the text in lower case, without allocating for a short
/// ASCII word (the usual case: looking a word up in a list).
pub fn with_lower<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if text.is_ascii() {
        if let Some(b) = buf.get_mut(..text.len()) {
            b.copy_from_slice(text.as_bytes());
            b.make_ascii_lowercase();
            if let Ok(lower) = std::str::from_utf8(b) {
                return f(lower);
            }
        }
    }
    f(&text.to_lowercase())
}
