//! The shared data types of every stage.
//!
//! Everything that points into text carries a [`DocId`] and a [`Span`]: UTF-8 byte
//! offsets, half-open, into the *original* [`Document::text`] (dateline, BOM and all),
//! so `&doc.text[span.start..span.end]` is exactly the reported text.
//!
//! The types are grouped by the stage that produces them; all are re-exported here.

mod actor;
mod claim;
mod quantity;
mod report;
mod text;
mod time;
mod vocabulary;

pub use actor::*;
pub use claim::*;
pub use quantity::*;
pub use report::*;
pub use text::*;
pub use time::*;
pub use vocabulary::*;
