//! Per-document extraction: actor mentions, quotations, times and quantities.
//!
//! Everything here looks at one document at a time; cross-document work is in
//! [`crate::resolve`]. [`document`] finds one document's mentions and quotations;
//! `corroborate::actors_and_quotes` runs it over a set of documents and resolves the
//! speakers across them.

pub mod actors;
pub(crate) mod marks;
pub mod quantity;
pub mod quotes;
pub mod time;

use crate::model::Document;
use actors::{LocalMention, MentionForm};
use quotes::LocalQuote;

/// The actor mentions and quotations of one document, before cross-document
/// resolution: what [`crate::resolve::extraction`] reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentExtraction {
    /// The document's mentions, in text order. A place that speaks ("Beijing said")
    /// has become a named body; other place mentions carry only their span, kind and
    /// form.
    pub mentions: Vec<LocalMention>,
    /// Its quotations, direct and indirect, in text order; a speaker is an index into
    /// `mentions`.
    pub quotes: Vec<LocalQuote>,
}

/// The actor mentions and quotations of `doc`, tokenizing it and pairing its
/// quotation marks once.
///
/// Sentence frames come from punctuation outside quotations (see [`quotes`]), so the
/// segmenter is not needed here and its mistakes cannot leak in.
///
/// ```
/// use corroborate::{extract, Document};
/// let doc = Document::new("a", "“We will win,” President Xi Jinping said.");
/// let found = extract::document(&doc);
/// let speaker = found.quotes[0].speaker.unwrap();
/// assert_eq!(found.mentions[speaker].name(&doc.text), "Xi Jinping");
/// ```
pub fn document(doc: &Document) -> DocumentExtraction {
    let body = doc.body();
    let marks = marks::scan(&doc.text, body.start);
    let toks = actors::tokens::Tokens::new(&doc.text, body.start);
    let mut mentions = actors::mentions_in(doc, &[], &toks, &marks, true);
    let quotes = quotes::quotes_in(doc, &mentions, &toks, &marks);
    // A place that speaks ("Beijing said") is a body here; the other places keep only
    // their spans (nothing after this looks at a place's strings).
    for q in &quotes {
        if let Some(m) = q.speaker.and_then(|mi| mentions.get_mut(mi)) {
            if m.form == MentionForm::Place {
                actors::complete_place(&toks, m);
                m.form = MentionForm::Name;
            }
        }
    }
    DocumentExtraction { mentions, quotes }
}
