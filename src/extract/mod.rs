//! Per-document extraction: actor mentions, quotations, times and quantities.
//!
//! Everything here looks at one document at a time; cross-document work is in
//! [`crate::resolve`]. [`document`] finds one document's mentions and quotations;
//! `corroborate::actors_and_quotes` runs it over a set of documents and resolves the
//! speakers across them.

pub mod actors;
pub(crate) mod lex;
pub(crate) mod marks;
pub mod quantity;
pub mod quotes;
pub mod time;

use crate::model::{Document, Quantity, TimeExpr};
use actors::{LocalMention, MentionForm};
use quotes::LocalQuote;

/// The temporal expressions and the quantities of `doc` in one pass over its tokens:
/// the same results as [`time::times`] and [`quantity::quantities`], about twice as
/// fast as calling both.
///
/// ```
/// use corroborate::Document;
/// use corroborate::extract::{times_and_quantities, time::TimeConfig};
/// let doc = Document::new("a", "Trade rose 144 percent in 2022.");
/// let (t, q) = times_and_quantities(&doc, &TimeConfig::default());
/// assert_eq!(t[0].value, "2022");
/// assert_eq!(q[0].value, 144.0);
/// ```
pub fn times_and_quantities(
    doc: &Document,
    config: &time::TimeConfig,
) -> (Vec<TimeExpr>, Vec<Quantity>) {
    times_and_quantities_anchored(doc, time::Anchor::of(doc), config)
}

/// As [`times_and_quantities`], with the times resolved against `anchor` (see
/// [`time::anchors`]). A token is a time or a quantity under one reading of
/// all-number dates, `config.date_order`.
pub fn times_and_quantities_anchored(
    doc: &Document,
    anchor: time::Anchor,
    config: &time::TimeConfig,
) -> (Vec<TimeExpr>, Vec<Quantity>) {
    let toks = lex::document_tokens(doc);
    found_in(doc, &toks, anchor, config)
}

/// As [`times_and_quantities_anchored`], reading the document's text layer `layer`
/// (its body's [`crate::text::Tokens`]) instead of tokenizing it again.
pub(crate) fn times_and_quantities_on(
    doc: &Document,
    layer: &crate::text::Tokens,
    anchor: time::Anchor,
    config: &time::TimeConfig,
) -> (Vec<TimeExpr>, Vec<Quantity>) {
    let toks = lex::from_layer(&doc.text, layer);
    found_in(doc, &toks, anchor, config)
}

fn found_in(
    doc: &Document,
    toks: &[lex::Tok],
    anchor: time::Anchor,
    config: &time::TimeConfig,
) -> (Vec<TimeExpr>, Vec<Quantity>) {
    let found = time::parse::scan(&doc.text, toks, config.date_order);
    let quantities = quantity::quantities_in(doc, toks, &found);
    (time::resolve_found(doc, anchor, toks, &found), quantities)
}

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
    document_on(doc, &crate::text::Tokens::new(&doc.text, doc.body().start))
}

/// As [`document`], reading the document's text layer `toks` (its body's
/// [`crate::text::Tokens`]) instead of tokenizing it again.
pub(crate) fn document_on(doc: &Document, toks: &crate::text::Tokens) -> DocumentExtraction {
    let body = doc.body();
    let marks = marks::scan(&doc.text, body.start);
    let mut mentions = actors::mentions_in(doc, &[], toks, &marks, true);
    let quotes = quotes::quotes_in(doc, &mentions, toks, &marks);
    // A place that speaks ("Beijing said") is a body here; the other places keep only
    // their spans (nothing after this looks at a place's strings).
    for q in &quotes {
        if let Some(m) = q.speaker.and_then(|mi| mentions.get_mut(mi)) {
            if m.form == MentionForm::Place {
                actors::complete_place(toks, m);
                m.form = MentionForm::Name;
            }
        }
    }
    DocumentExtraction { mentions, quotes }
}
