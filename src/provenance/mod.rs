//! Provenance: which documents copy which, and how many independent outlets really
//! carry each aligned group.
//!
//! Three outlets printing one wire story are one source, not three. Inside one story
//! (a slice of documents), [`copies`] finds the documents that repeat passages of
//! another near-verbatim, says which passages, and points each link from the original
//! (the credited agency's own text, else the earlier publication) to the copy;
//! [`annotate`] then counts, for every group of a [`Report`](crate::model::Report), the independent outlets
//! among its members and marks flags whose side rests only on copies of one source.
//!
//! Rooms: `passages` (sentences as shingles, quotations left out), `credits` (wire
//! credits from `data/provenance/wire_credits.txt`), `join` (candidate pairs from an
//! index of shingles, then sentence runs per pair), `order` (direction and the links a
//! copy keeps), `independence` (groups and flags).
//!
//! *Cost.* No pair of documents is compared unless an index of shingles joins them:
//! each later carrier of a shingle is paired with at most
//! `ANCHORS_PER_SHINGLE` earlier ones and its predecessor, so the candidate
//! pairs grow with the number of shingles, not with the square of the documents. Each
//! candidate pair is verified in time linear in the two documents.
//!
//! ```
//! use corroborate::{provenance, Document};
//! let wire = "The river rose four metres overnight and flooded the lower town. \
//!     Rescue teams moved two hundred families to the school on the hill. \
//!     The regional governor asked the army for boats and fresh water supplies. \
//!     Forecasters expect more heavy rain across the valley until the weekend.";
//! let a = Document::new("a", wire);
//! let b = Document::new("b", format!("{wire}\n\nLocal shops stayed closed on the main street all day."));
//! let c = Document::new("c", "Our reporter saw water in the streets of the lower town and boats on the square.");
//! let links = provenance::copies(&[a, b, c]);
//! assert_eq!(links.len(), 1);
//! assert_eq!((links[0].from.0.as_str(), links[0].to.0.as_str()), ("a", "b"));
//! ```

mod credits;
mod independence;
mod join;
mod order;
mod passages;

pub use independence::annotate;

use crate::model::{CopyLink, CopyOrder, Document, Sentence, SharedPassage, Span};
use join::Run;
use order::{Carrier, Edge};

/// Fewest matched sentences in a passage that counts as copied: one or two shared
/// sentences are a common lead or a shared fact, not a copy.
pub const MIN_PASSAGE_SENTENCES: usize = 3;

/// Fewest matched sentences in a passage when both documents credit the same wire:
/// the credit already says where the text comes from.
pub const MIN_CREDITED_PASSAGE_SENTENCES: usize = 2;

/// Fewest words (outside quotation marks) in a copied passage, so three one-line
/// sentences of boilerplate do not make a copy.
pub const MIN_PASSAGE_WORDS: usize = 40;

/// The copy links among `docs` (one story), sorted by original then copy.
pub fn copies(docs: &[Document]) -> Vec<CopyLink> {
    let sentences: Vec<Vec<Sentence>> = docs.iter().map(crate::segment::sentences).collect();
    copies_segmented(docs, &sentences)
}

/// As [`copies`], with each document's sentences already found (`sentences[i]` are the
/// sentences of `docs[i]`; a missing entry counts as no sentences).
pub fn copies_segmented(docs: &[Document], sentences: &[Vec<Sentence>]) -> Vec<CopyLink> {
    let mut carriers: Vec<Carrier> = docs
        .iter()
        .enumerate()
        .map(|(i, doc)| Carrier {
            doc,
            shingles: passages::shingle(doc, sentences.get(i).map_or(&[], Vec::as_slice)),
            credits: credits::credited(doc),
            agency: credits::outlet_agency(doc),
        })
        .collect();
    carriers.sort_by(|a, b| a.rank_key().cmp(&b.rank_key()));
    let shingles: Vec<&passages::DocShingles> = carriers.iter().map(|c| &c.shingles).collect();
    let mut edges: Vec<Edge> = join::candidate_pairs(&shingles)
        .into_iter()
        .filter_map(|(a, b)| edge(&carriers, a as usize, b as usize))
        .collect();
    edges.sort_by_key(|e| (e.to, e.from));
    let mut links: Vec<CopyLink> = order::keep_new_material(edges, &carriers)
        .iter()
        .map(|e| link(e, &carriers))
        .collect();
    links.sort_by(|x, y| (&x.from, &x.to).cmp(&(&y.from, &y.to)));
    links
}

/// The runs `a` and `b` share that are long enough to be copied passages.
fn passages_of(a: &Carrier, b: &Carrier) -> Vec<Run> {
    let same_wire = a.credits.iter().any(|w| b.credits.contains(w));
    let fewest = if same_wire {
        MIN_CREDITED_PASSAGE_SENTENCES
    } else {
        MIN_PASSAGE_SENTENCES
    };
    let mut runs = join::shared_runs(&a.shingles, &b.shingles);
    runs.retain(|r| r.matched >= fewest && r.words >= MIN_PASSAGE_WORDS);
    runs
}

/// The copy link between carriers `a` and `b` (by rank), oriented original to copy,
/// when they share a passage.
fn edge(carriers: &[Carrier], a: usize, b: usize) -> Option<Edge> {
    let (ca, cb) = (carriers.get(a)?, carriers.get(b)?);
    let runs = passages_of(ca, cb);
    if runs.is_empty() {
        return None;
    }
    let (a_first, order) = order::a_is_original(ca, cb, &runs);
    if a_first {
        return Some(Edge {
            from: a,
            to: b,
            runs,
            order,
        });
    }
    // read again from the copy's side, so runs follow the copy's text order
    let runs = passages_of(cb, ca);
    (!runs.is_empty()).then_some(Edge {
        from: b,
        to: a,
        runs,
        order,
    })
}

/// The bytes from the first to the last sentence of a run's side.
fn passage_span(shingles: &passages::DocShingles, (first, last): (usize, usize)) -> Span {
    let start = shingles.sentences.get(first).map_or(0, |s| s.span.start);
    let end = shingles.sentences.get(last).map_or(start, |s| s.span.end);
    Span::new(start, end.max(start))
}

fn link(e: &Edge, carriers: &[Carrier]) -> CopyLink {
    let (from, to) = (&carriers[e.from], &carriers[e.to]);
    let shared: Vec<SharedPassage> = e
        .runs
        .iter()
        .map(|r| SharedPassage {
            from: passage_span(&from.shingles, r.a),
            to: passage_span(&to.shingles, r.b),
            sentences: r.matched,
        })
        .collect();
    let extent = order::extent(&to.shingles, &e.runs, |r| r.b);
    let credits: Vec<String> = to.credits.iter().map(|c| c.to_uppercase()).collect();
    let reason = reason(e, from, to, &shared, extent, &credits);
    CopyLink {
        from: from.doc.id.clone(),
        to: to.doc.id.clone(),
        shared,
        extent,
        order: e.order,
        credits,
        reason,
    }
}

/// A document as the reason names it: its outlet, else its id.
fn label(c: &Carrier) -> String {
    c.doc.source.clone().unwrap_or_else(|| c.doc.id.to_string())
}

fn reason(
    e: &Edge,
    from: &Carrier,
    to: &Carrier,
    shared: &[SharedPassage],
    extent: crate::model::CopyExtent,
    credits: &[String],
) -> String {
    let sentences: usize = shared.iter().map(|p| p.sentences).sum();
    let (f, t) = (label(from), label(to));
    let mut out = format!(
        "{t} repeats {} passage{} of {f} near-verbatim ({sentences} sentences){}",
        shared.len(),
        if shared.len() == 1 { "" } else { "s" },
        match extent {
            crate::model::CopyExtent::Full => ", nearly its whole text",
            crate::model::CopyExtent::Partial => ", with reporting of its own around them",
        }
    );
    if !credits.is_empty() {
        out.push_str(&format!("; {t} credits {}", credits.join(", ")));
    }
    let why = match e.order {
        CopyOrder::Credited => format!("{f} is the credited agency's own text"),
        CopyOrder::Published => match (from.doc.published, to.doc.published) {
            (Some(a), Some(b)) => format!("{f} was published earlier ({a} before {b})"),
            _ => format!("{f} was published earlier"),
        },
        CopyOrder::Extent => format!("the passages fill more of {f}"),
        CopyOrder::Id => "nothing tells them apart, so the lower id comes first".to_string(),
    };
    out.push_str("; ");
    out.push_str(&why);
    out
}
