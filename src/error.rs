//! The one error type of the library.
//!
//! An [`Error`] names the input it is about (a path, `<stdin>`, or a document id), the
//! position in that input and what was wrong, and prints in the form compilers use:
//!
//! ```
//! use corroborate::{Error, ErrorKind, Position};
//! let e = Error::new(ErrorKind::InvalidDate, "a.json", Position::LineColumn { line: 3, column: 17 },
//!                    "no such day: \"2023-02-30\"");
//! assert_eq!(e.to_string(), "a.json:3:17: no such day: \"2023-02-30\"");
//! assert_eq!(e.kind(), ErrorKind::InvalidDate);
//! ```

use std::fmt;

/// What went wrong, for callers that want to react to a kind of error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or stream could not be read (missing, a directory, permission).
    Io,
    /// The bytes are not valid UTF-8.
    InvalidUtf8,
    /// The input looks like binary data, not text: it holds a NUL byte, or control
    /// characters make up more than 1% of it.
    Binary,
    /// The input has no text at all (empty, whitespace only, or no documents).
    Empty,
    /// JSON or JSONL that does not parse.
    MalformedJson,
    /// A JSON document lacks a required field or has one of the wrong type.
    MissingField,
    /// A date that is malformed or does not exist (`2023-02-30`).
    InvalidDate,
    /// Two documents share an id.
    DuplicateId,
    /// A configuration value out of its range.
    Config,
}

/// Where in an input an error was found.
///
/// It displays as the part between the origin and the message: `byte 12`, `3:17`
/// (line and column) or `3` (line); [`Position::None`] displays as nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Position {
    /// Nowhere in particular (the whole input).
    None,
    /// A byte offset from the start of the input, from 0.
    Byte(usize),
    /// A 1-based line and column (columns count characters).
    LineColumn {
        /// Line, from 1.
        line: usize,
        /// Column, from 1, in characters.
        column: usize,
    },
    /// A 1-based line (a JSONL record).
    Line {
        /// Line, from 1.
        line: usize,
    },
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Position::None => Ok(()),
            Position::Byte(b) => write!(f, "byte {b}"),
            Position::LineColumn { line, column } => write!(f, "{line}:{column}"),
            Position::Line { line } => write!(f, "{line}"),
        }
    }
}

/// An error from any stage, naming the input (file path, `<stdin>`, or document id) and
/// the position in it.
///
/// Displays as `origin:position: message`, or `origin: message` when the position is
/// [`Position::None`].
#[derive(Debug, thiserror::Error)]
pub struct Error {
    kind: ErrorKind,
    origin: String,
    position: Position,
    message: String,
    #[source]
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Position::None => write!(f, "{}: {}", self.origin, self.message),
            ref p => write!(f, "{}:{}: {}", self.origin, p, self.message),
        }
    }
}

impl Error {
    /// A [`ErrorKind::DuplicateId`] error for two items of one list (`items`: "documents",
    /// "story profiles") at indices `first` and `second` that share the id `id`.
    pub(crate) fn duplicate_id(items: &str, first: usize, second: usize, id: &str) -> Error {
        Error::new(
            ErrorKind::DuplicateId,
            id,
            Position::None,
            format!("{items} {first} and {second} share the id {id:?}"),
        )
    }

    /// A new error of `kind` about `origin` at `position`.
    pub fn new(
        kind: ErrorKind,
        origin: impl Into<String>,
        position: Position,
        message: impl Into<String>,
    ) -> Error {
        Error {
            kind,
            origin: origin.into(),
            position,
            message: message.into(),
            source: None,
        }
    }

    /// The same error with an underlying cause attached.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Error {
        self.source = Some(Box::new(source));
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The input the error is about: a path, `<stdin>`, or a document id.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Where in the input.
    pub fn position(&self) -> &Position {
        &self.position
    }

    /// The message, without origin and position.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
