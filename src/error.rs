//! Typed errors of the library. Each names the input and, where there is
//! one, the byte offset or line at which reading went wrong.

use thiserror::Error;

/// Everything that can stop one input from being analysed.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Error {
    #[error("{input}: not valid UTF-8 at byte {offset}")]
    InvalidUtf8 { input: String, offset: usize },

    #[error("{input}: looks like a binary file (NUL byte at byte {offset})")]
    Binary { input: String, offset: usize },

    #[error("{input}: empty input")]
    Empty { input: String },

    #[error("{input}: {size} bytes is over the limit of {limit} bytes")]
    TooLarge {
        input: String,
        size: usize,
        limit: usize,
    },

    #[error("{input}:{line}: {message}")]
    Jsonl {
        input: String,
        line: usize,
        message: String,
    },

    #[error("{input}: {message}")]
    Io { input: String, message: String },

    #[error("{input}: {message}")]
    Gold { input: String, message: String },
}

impl Error {
    /// The input the error is about, as the user named it.
    pub fn input(&self) -> &str {
        match self {
            Error::InvalidUtf8 { input, .. }
            | Error::Binary { input, .. }
            | Error::Empty { input }
            | Error::TooLarge { input, .. }
            | Error::Jsonl { input, .. }
            | Error::Io { input, .. }
            | Error::Gold { input, .. } => input,
        }
    }

    /// A stable, kebab-case code for machine-readable output.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidUtf8 { .. } => "invalid-utf8",
            Error::Binary { .. } => "binary-input",
            Error::Empty { .. } => "empty-input",
            Error::TooLarge { .. } => "too-large",
            Error::Jsonl { .. } => "bad-record",
            Error::Io { .. } => "io",
            Error::Gold { .. } => "bad-gold",
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
