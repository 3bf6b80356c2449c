//! Per-document extraction: actor mentions, quotations, times and quantities.
//!
//! Everything here looks at one document at a time; cross-document work is in
//! [`crate::resolve`]. [`actors_and_quotes`] runs mentions, quotes and actor resolution
//! over a set of documents and gives what the `extract` command prints.

pub mod actors;
pub(crate) mod marks;
pub mod quantity;
pub mod quotes;
pub mod time;

use crate::model::{Actor, Document, Quote, QuoteId};
use crate::resolve;
use serde::{Deserialize, Serialize};

/// Actors and quotations across a set of documents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// One actor per person or body, sorted by name, ids from 0.
    pub actors: Vec<Actor>,
    /// Every quotation, direct and indirect, in document-id then text order.
    pub quotes: Vec<Quote>,
}

/// Finds the actors and quotations of `docs` and who says what.
///
/// The result does not depend on the order of `docs`.
///
/// ```
/// use corroborate::{extract, Document};
/// let docs = [
///     Document::new("a", "“We will win,” President Xi Jinping said."),
///     Document::new("b", "“We will surely win,” Mr Xi said."),
/// ];
/// let x = extract::actors_and_quotes(&docs);
/// assert_eq!(x.actors.len(), 1);
/// assert_eq!(x.actors[0].name, "Xi Jinping");
/// assert!(x.quotes.iter().all(|q| q.speaker == Some(x.actors[0].id)));
/// ```
pub fn actors_and_quotes(docs: &[Document]) -> Extraction {
    // Sentence frames come from punctuation outside quotations (see `quotes`), so the
    // segmenter is not needed here and its mistakes cannot leak in. A place that speaks
    // ("Beijing said") comes back as a body. Documents are independent until `resolve`:
    // they run on every core, in input order.
    let (mentions, local): (Vec<_>, Vec<_>) =
        crate::par::map(docs, 0, 8, quotes::mentions_and_quotes)
            .into_iter()
            .unzip();
    let resolution = resolve::actors(docs, &mentions);
    // Documents in id order; each document's quotes are already in text order, so the
    // list comes out sorted unless two documents share an id.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| docs[a].id.cmp(&docs[b].id));
    let mut quotes = Vec::with_capacity(local.iter().map(Vec::len).sum());
    for &d in &order {
        let doc = &docs[d];
        for q in &local[d] {
            quotes.push(Quote {
                id: QuoteId(0),
                doc: doc.id.clone(),
                span: q.span,
                text: q.span.slice(&doc.text).to_string(),
                kind: q.kind,
                speaker: q.speaker.and_then(|mi| resolution.actor_of(d, mi)),
                speaker_text: q.speaker_span.map(|s| s.slice(&doc.text).to_string()),
                speaker_span: q.speaker_span,
                cue: q.cue.map(|s| s.slice(&doc.text).to_string()),
            });
        }
    }
    let key = |q: &Quote| {
        (
            q.span.start,
            q.span.end,
            q.kind == crate::model::QuoteKind::Indirect,
        )
    };
    let in_order = quotes
        .windows(2)
        .all(|w| (&w[0].doc, key(&w[0])) <= (&w[1].doc, key(&w[1])));
    if !in_order {
        quotes.sort_by(|a, b| (&a.doc, key(a)).cmp(&(&b.doc, key(b))));
    }
    for (i, q) in quotes.iter_mut().enumerate() {
        q.id = QuoteId(i as u32);
    }
    Extraction {
        actors: resolution.actors,
        quotes,
    }
}
