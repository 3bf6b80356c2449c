//! `corroborate`: claim-level fact reconciliation across news sources.
//!
//! Several outlets report one event and disagree in small ways: the day of a statement,
//! who said a line, the words inside a quotation, a number. `corroborate` reads the
//! articles, splits them into sentences, finds actors, quotes, times and quantities,
//! aligns near-duplicate claims across sources and flags every disagreement with the
//! exact evidence spans.
//!
//! Every stage is a plain function from typed input to typed output with no I/O; only
//! [`ingest`] reads files. See `ARCHITECTURE.md` for the map of the code.
//!
//! ```
//! use corroborate::{segment, Document};
//! let doc = Document::new("a", "Mr Xi met Mr Lukashenko on Wednesday. They issued a statement.");
//! let sentences = segment::sentences(&doc);
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(sentences[0].span.slice(&doc.text), "Mr Xi met Mr Lukashenko on Wednesday.");
//! ```

#![deny(missing_docs)]

pub mod align;
pub mod claims;
pub mod config;
mod error;
pub mod extract;
pub mod ingest;
// The text layer is being wired into the stages; until every stage reads it, some of
// the lexicon's lookups are used by tests only.
#[allow(dead_code)]
mod lexicon;
pub mod model;
mod par;
mod pipeline;
pub mod reconcile;
pub mod report;
pub mod resolve;
pub mod segment;
pub mod text;
mod work;

// The README's code runs as a doc-test, so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use config::{Config, ConfigBuilder, ConfigError};
pub use error::{Error, ErrorKind, Position, Result};
pub use model::*;
pub use pipeline::{
    actors_and_quotes, attach_times_and_quantities, reconcile, Extracted, Progress, Reconciler,
    Stage,
};
