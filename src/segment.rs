//! Sentence segmentation and tokens, with byte spans into the original text.
//!
//! (Placeholder: sentence boundaries from Unicode's rules alone; to be replaced by the
//! abbreviation-aware segmenter.)

use crate::model::{Document, Sentence, Span};
use unicode_segmentation::UnicodeSegmentation;

/// The sentences of a document's body, in order.
pub fn sentences(doc: &Document) -> Vec<Sentence> {
    let body = doc.body();
    let mut out = Vec::new();
    for (off, s) in doc.text[body.start..].split_sentence_bound_indices() {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = s.len() - s.trim_start().len();
        let start = body.start + off + lead;
        out.push(Sentence {
            index: out.len(),
            paragraph: 0,
            span: Span::new(start, start + trimmed.len()),
        });
    }
    out
}
