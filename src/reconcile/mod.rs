//! Reconciliation: inside every aligned group, compare the members and flag each
//! disagreement with its evidence; gather the events the groups describe into a
//! timeline; and tabulate which documents carry which group.
//!
//! Everything here is a pure function of an [`Input`] (the outputs of the earlier
//! stages). No I/O, no global mutable state; every list is sorted by a stable key, so
//! the same input in any order gives the same [`Report`].
//!
//! ```
//! use corroborate::model::*;
//! use corroborate::reconcile::{self, Input};
//! use corroborate::Config;
//!
//! let a = Document::new("a", "The council approved the plan on Monday.");
//! let b = Document::new("b", "The council did not approve the plan on Monday.");
//! let claim = |id: u32, doc: &Document| Claim {
//!     id: ClaimId(id),
//!     doc: doc.id.clone(),
//!     span: Span::new(0, doc.text.len()),
//!     text: doc.text.clone(),
//!     sentence: 0,
//!     speaker: None,
//!     quotes: vec![],
//!     times: vec![],
//!     quantities: vec![],
//!     polarity: Polarity::Positive,
//!     attribution: None,
//!     cue: None,
//!     tokens: Default::default(),
//! };
//! let docs = [a.clone(), b.clone()];
//! let claims = [claim(0, &a), claim(1, &b)];
//! let groups = [Group { id: GroupId(0), claims: vec![ClaimId(0), ClaimId(1)], score: 0.9 }];
//! let input = Input { documents: &docs, claims: &claims, groups: &groups, ..Input::default() };
//! let report = reconcile::check(&input, &Config::default());
//! assert_eq!(report.flags.len(), 1);
//! assert_eq!(report.flags[0].kind, FlagKind::Polarity);
//! ```

mod classes;
mod compare;
pub mod confidence;
pub mod diff;
mod events;
mod facts;
mod flag;
mod lexicon;
pub mod words;

use crate::model::{
    Actor, Claim, ClaimId, Confidence, Coverage, CoverageRow, DocId, Document, DocumentInfo, Event,
    Flag, Group, Quantity, Quote, Report, TimeExpr,
};
use facts::{Facts, Index};
use std::collections::BTreeMap;

pub use diff::QuoteParams;

/// What reconciliation reads: the documents and the outputs of the earlier stages.
/// Slices may be in any order.
#[derive(Clone, Copy, Debug, Default)]
pub struct Input<'a> {
    /// The documents.
    pub documents: &'a [Document],
    /// The actors (alias clusters) with their mentions.
    pub actors: &'a [Actor],
    /// Quotations and reported speech.
    pub quotes: &'a [Quote],
    /// Temporal expressions.
    pub times: &'a [TimeExpr],
    /// Quantities.
    pub quantities: &'a [Quantity],
    /// Claims, each naming its quotations, times and quantities by id (see
    /// [`crate::attach_times_and_quantities`]); a time or quantity no claim names is
    /// not compared.
    pub claims: &'a [Claim],
    /// Aligned groups of claims.
    pub groups: &'a [Group],
}

/// Settings of reconciliation, with documented defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReconcileConfig {
    /// How quotations are aligned (see [`QuoteParams`]).
    pub quote: QuoteParams,
    /// Largest run of differing words (per side) in which a negation or antonym swap
    /// counts as a polarity change; longer runs are extra material, not a reversal.
    /// Default 4.
    pub max_polarity_hunk: usize,
    /// Largest number of distinct variants of a group compared with each other; past
    /// it every variant is compared with the most common one only, keeping big clusters
    /// linear. Default 16.
    pub max_variants: usize,
    /// Most documents per distinct value that get full evidence in a flag; every
    /// document is still counted in [`Flag::support`]. Default 8.
    pub max_evidence_per_value: usize,
}

impl Default for ReconcileConfig {
    fn default() -> Self {
        ReconcileConfig {
            quote: QuoteParams::default(),
            max_polarity_hunk: 4,
            max_variants: 16,
            max_evidence_per_value: 8,
        }
    }
}

/// How many words of a group's first claim label its coverage row.
const COVERAGE_LABEL_WORDS: usize = 14;

/// Fewest members whose facts are gathered on several threads: below it starting
/// threads costs more than it saves.
const PARALLEL_MEMBERS: usize = 256;

/// Everything reconciliation finds, with the stages' outputs, as one [`Report`].
///
/// Reads [`Config::reconcile`](crate::Config::reconcile), and runs on up to
/// [`Config::threads`](crate::Config::threads) threads; the report is the same for any
/// number.
pub fn check(input: &Input, config: &crate::Config) -> Report {
    let threads = config.threads;
    let index = Index::new(input);
    let gathered = gather(input, &index, threads);
    let flags = flags_of(&gathered, &config.reconcile, threads);
    let events = events::events(&gathered, &index, &flags);
    // The members' facts are many small allocations: free them on another core while
    // this one assembles the report.
    let ((), report) = crate::par::join(
        threads,
        move || drop(gathered),
        || assemble(input, flags, events),
    );
    report
}

/// The report around the flags and events: the stages' outputs in a stable order, and
/// the coverage.
fn assemble(input: &Input, flags: Vec<Flag>, events: Vec<Event>) -> Report {
    let coverage = coverage(input);
    let mut documents: Vec<DocumentInfo> = input
        .documents
        .iter()
        .map(|d| DocumentInfo {
            id: d.id.clone(),
            published: d.published,
            source: d.source.clone(),
            len: d.text.len(),
        })
        .collect();
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    let mut actors = input.actors.to_vec();
    actors.sort_by_key(|a| a.id);
    let mut quotes = input.quotes.to_vec();
    quotes.sort_by_key(|q| q.id);
    let mut times = input.times.to_vec();
    times.sort_by(|a, b| (&a.doc, a.span, &a.value).cmp(&(&b.doc, b.span, &b.value)));
    let mut quantities = input.quantities.to_vec();
    quantities.sort_by(|a, b| {
        (&a.doc, a.span, &a.text)
            .cmp(&(&b.doc, b.span, &b.text))
            .then(a.value.total_cmp(&b.value))
    });
    let mut claims = input.claims.to_vec();
    claims.sort_by_key(|c| c.id);
    let mut groups: Vec<Group> = input.groups.to_vec();
    for g in &mut groups {
        g.claims.sort();
    }
    groups.sort_by_key(|g| g.id);
    Report {
        documents,
        actors,
        quotes,
        times,
        quantities,
        claims,
        groups,
        flags,
        events,
        coverage,
    }
}

/// The flags of every group, sorted by group, kind and evidence.
pub fn flags(input: &Input, config: &crate::Config) -> Vec<Flag> {
    flags_indexed(input, &Index::new(input), config)
}

/// Every group (in id order) with the facts of its members (in claim id order).
pub(crate) type Gathered<'i, 'a> = Vec<(&'i Group, Vec<Facts<'a>>)>;

fn gather<'i, 'a>(input: &Input<'a>, index: &Index<'a>, threads: usize) -> Gathered<'i, 'a>
where
    'a: 'i,
{
    let mut groups: Vec<&'a Group> = input.groups.iter().collect();
    groups.sort_by_key(|g| g.id);
    // every member's facts at once, on all cores (big clusters have groups of
    // hundreds of copies), then handed back to the groups in order
    let mut lens = Vec::with_capacity(groups.len());
    let mut members: Vec<&'a Claim> = Vec::new();
    for g in &groups {
        let mut ids = g.claims.clone();
        ids.sort();
        ids.dedup();
        let before = members.len();
        members.extend(ids.iter().filter_map(|id| index.claims.get(id).copied()));
        lens.push(members.len() - before);
    }
    let mut facts =
        crate::par::map(&members, threads, PARALLEL_MEMBERS, |c| index.facts(c)).into_iter();
    groups
        .into_iter()
        .zip(lens)
        .map(|(g, n)| (g, facts.by_ref().take(n).flatten().collect()))
        .collect()
}

fn flags_indexed(input: &Input, index: &Index, config: &crate::Config) -> Vec<Flag> {
    let threads = config.threads;
    flags_of(&gather(input, index, threads), &config.reconcile, threads)
}

/// Every group's flags, the most trusted first (then in group order).
fn flags_of(gathered: &Gathered, config: &ReconcileConfig, threads: usize) -> Vec<Flag> {
    // groups are independent: on up to `threads` cores, in group order
    let mut flags: Vec<Flag> = crate::par::map(gathered, threads, 2, |(g, members)| {
        flag::group_flags(g, members, config)
    })
    .into_iter()
    .flatten()
    .collect();
    // stable: group order is kept within each level
    flags.sort_by_key(|f| f.confidence);
    flags
}

/// `report` with only the flags of at least `min` confidence; the events' references to
/// flags follow.
///
/// ```
/// use corroborate::{reconcile, Confidence, Document, Reconciler};
/// let docs = [
///     Document::new("a", "The ministry said on Monday that 40 people died in the flood."),
///     Document::new("b", "The ministry said on Monday that 45 people died in the flood."),
/// ];
/// let report = Reconciler::default().reconcile(&docs).unwrap();
/// let kept = reconcile::with_min_confidence(report.clone(), Confidence::High);
/// assert!(kept.flags.len() <= report.flags.len());
/// assert!(kept.flags.iter().all(|f| f.confidence == Confidence::High));
/// ```
pub fn with_min_confidence(mut report: Report, min: Confidence) -> Report {
    let mut new_index = Vec::with_capacity(report.flags.len());
    let mut kept = 0;
    for f in &report.flags {
        if f.confidence <= min {
            new_index.push(Some(kept));
            kept += 1;
        } else {
            new_index.push(None);
        }
    }
    report.flags.retain(|f| f.confidence <= min);
    for e in &mut report.events {
        e.flags = e
            .flags
            .iter()
            .filter_map(|&i| new_index.get(i).copied().flatten())
            .collect();
    }
    report
}

/// A document as summaries name it: its outlet, else its id.
fn doc_label(d: &Document) -> String {
    d.source.clone().unwrap_or_else(|| d.id.to_string())
}

/// The first `n` words of `text`, with an ellipsis when there are more.
fn short(text: &str, n: usize) -> String {
    let ws: Vec<&str> = text.split_whitespace().collect();
    if ws.len() <= n {
        ws.join(" ")
    } else {
        format!("{}…", ws[..n].join(" "))
    }
}

/// The claims-by-outlet matrix: for each group (in id order), its claims in each
/// document (columns in id order).
pub fn coverage(input: &Input) -> Coverage {
    let mut documents: Vec<DocId> = input.documents.iter().map(|d| d.id.clone()).collect();
    documents.sort();
    documents.dedup();
    let claims: BTreeMap<ClaimId, &Claim> = input.claims.iter().map(|c| (c.id, c)).collect();
    let mut groups: Vec<&Group> = input.groups.iter().collect();
    groups.sort_by_key(|g| g.id);
    let rows = groups
        .into_iter()
        .map(|g| {
            let mut ids = g.claims.clone();
            ids.sort();
            ids.dedup();
            let members: Vec<&Claim> = ids
                .iter()
                .filter_map(|id| claims.get(id).copied())
                .collect();
            let mut cells: Vec<Vec<ClaimId>> = vec![Vec::new(); documents.len()];
            for c in &members {
                if let Ok(col) = documents.binary_search(&c.doc) {
                    cells[col].push(c.id);
                }
            }
            let (carried_by, missing_from) = documents.iter().zip(&cells).fold(
                (Vec::new(), Vec::new()),
                |(mut y, mut n), (d, c)| {
                    if c.is_empty() {
                        n.push(d.clone())
                    } else {
                        y.push(d.clone())
                    }
                    (y, n)
                },
            );
            CoverageRow {
                group: g.id,
                label: members
                    .first()
                    .map(|c| short(&c.text, COVERAGE_LABEL_WORDS))
                    .unwrap_or_default(),
                cells,
                carried_by,
                missing_from,
            }
        })
        .collect();
    Coverage { documents, rows }
}

/// The events of the input, in timeline order, given its flags (from [`flags`]), on up
/// to [`Config::threads`](crate::Config::threads) threads.
pub fn events(input: &Input, flags: &[Flag], config: &crate::Config) -> Vec<Event> {
    let index = Index::new(input);
    events::events(&gather(input, &index, config.threads), &index, flags)
}
