//! Reading documents: text files with an optional dateline, JSON and JSONL.
//!
//! (Placeholder: text only; the full reader with validation is under construction.)

use crate::model::Document;

/// A document from a text held in memory, with `id` as its id.
pub fn from_text(id: &str, text: &str) -> Document {
    Document::new(id, text)
}
