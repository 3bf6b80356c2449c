//! Reconciliation: inside every aligned group, compare the members and flag each
//! disagreement with its evidence; compare a count or a day that two sentences worded
//! too far apart to align both state (fact links: a pair of two claims added as a
//! group with [`Joined::Fact`](crate::model::Joined::Fact), its flags `low`); gather
//! the events the groups describe into a timeline; and tabulate which documents carry
//! which group.
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
//! let groups = [Group { id: GroupId(0), claims: vec![ClaimId(0), ClaimId(1)], score: 0.9, story: Default::default(), corroboration: Default::default(), joined: Default::default() }];
//! let input = Input { documents: &docs, claims: &claims, groups: &groups, ..Input::default() };
//! let report = reconcile::check(&input, &Config::default());
//! assert_eq!(report.flags.len(), 1);
//! assert_eq!(report.flags[0].kind, FlagKind::Polarity);
//! ```

mod agent;
mod classes;
mod compare;
pub mod confidence;
pub mod diff;
mod events;
mod fact;
mod facts;
mod flag;
mod lexicon;
mod links;
mod names;
mod party;
pub mod words;

use crate::model::{
    Actor, Claim, ClaimId, Confidence, Coverage, CoverageRow, DocId, Document, DocumentInfo, Event,
    EventId, Flag, Group, Quantity, Quote, Report, Story, StoryId, TimeExpr,
};
use facts::{Facts, Index};

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

/// What reconciliation reads of the settings: its own section and the number of
/// threads. A [`&Config`](crate::Config) converts into it, so
/// `reconcile::check(&input, &config)` reads `config.reconcile` and `config.threads`.
#[derive(Clone, Copy, Debug)]
pub struct ReconcileSettings<'a> {
    /// Reconciliation's settings.
    pub reconcile: &'a ReconcileConfig,
    /// Threads (`0`: every core); the report is the same for any number.
    pub threads: usize,
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

/// Everything reconciliation finds, with the stages' outputs, as one [`Report`]. The
/// input is taken as one story (see [`check_stories`] for a partitioned feed).
///
/// Reads [`Config::reconcile`](crate::Config::reconcile), and runs on up to
/// [`Config::threads`](crate::Config::threads) threads; the report is the same for any
/// number.
pub fn check<'c>(input: &Input, settings: impl Into<ReconcileSettings<'c>>) -> Report {
    let stories = crate::stories::one_story(input.documents);
    check_stories(input, &stories, settings)
}

/// [`check`] of a feed partitioned into `stories` (see [`crate::stories`]), each group
/// naming its story ([`Group::story`], a position in `stories`): flags are found per
/// group, events story by story (each story's groups, with its flags), and coverage
/// against each group's story. Nothing is compared across stories.
pub fn check_stories<'c>(
    input: &Input,
    stories: &[Story],
    settings: impl Into<ReconcileSettings<'c>>,
) -> Report {
    let settings = settings.into();
    let threads = settings.threads;
    let index = Index::new(input);
    let gathered = gather(input, &index, threads);
    let mut flags = flags_of(&gathered, settings.reconcile, threads);
    let events = story_events(&gathered, &index, &flags);
    let (linked, link_flags) = links::find(
        input,
        &index,
        stories,
        &flags,
        settings.reconcile,
        next_group_id(input.groups),
    );
    // low confidence: after every aligned flag, so the events' flag indices hold
    flags.extend(link_flags);
    // The members' facts are many small allocations: free them on another core while
    // this one assembles the report.
    let ((), report) = crate::par::join(
        threads,
        move || drop(gathered),
        || assemble(input, stories.to_vec(), flags, events, linked),
    );
    report
}

/// The id after the largest of `groups` (0 for none).
fn next_group_id(groups: &[Group]) -> u32 {
    groups.iter().map(|g| g.id.0 + 1).max().unwrap_or(0)
}

/// The events of each story, story by story, numbered in that order. Groups come in
/// id order, so a story whose groups are numbered together (as the pipeline numbers
/// them) is one run of them; events are found inside a run only, with that story's
/// flags, and name flags by their index in the whole list.
fn story_events(gathered: &[GroupFacts], index: &Index, flags: &[Flag]) -> Vec<Event> {
    let mut flags_of_story: std::collections::BTreeMap<StoryId, Vec<usize>> = Default::default();
    for (i, f) in flags.iter().enumerate() {
        flags_of_story.entry(f.story).or_default().push(i);
    }
    let mut out: Vec<Event> = Vec::new();
    let mut g0 = 0;
    while let Some((first, _)) = gathered.get(g0) {
        let story = first.story;
        let g1 = g0
            + gathered[g0..]
                .iter()
                .take_while(|(g, _)| g.story == story)
                .count();
        let own: &[usize] = flags_of_story.get(&story).map_or(&[], Vec::as_slice);
        let story_flags: Vec<Flag> = own.iter().map(|&i| flags[i].clone()).collect();
        let numbered = out.len() as u32;
        let found = events::events(&gathered[g0..g1], index, &story_flags);
        out.extend(found.into_iter().map(|mut e| {
            e.id = EventId(numbered + e.id.0);
            e.story = story;
            for k in &mut e.flags {
                *k = own.get(*k).copied().unwrap_or(*k);
            }
            e
        }));
        g0 = g1;
    }
    out
}

/// The report around the flags and events: the stages' outputs in a stable order, the
/// stories, and the coverage.
fn assemble(
    input: &Input,
    stories: Vec<Story>,
    flags: Vec<Flag>,
    events: Vec<Event>,
    linked: Vec<Group>,
) -> Report {
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
    let coverage = coverage_rows(&stories, &claims, &groups);
    // after the coverage: a fact-linked pair is no shared claim
    groups.extend(linked);
    Report {
        stories,
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
        provenance: Vec::new(),
    }
}

/// The flags of every group of `input`, sorted by group, kind and evidence. Fact links
/// are not made here: [`check`] and [`check_stories`] make them and add their groups
/// to the report.
pub fn flags<'c>(input: &Input, settings: impl Into<ReconcileSettings<'c>>) -> Vec<Flag> {
    let settings = settings.into();
    let threads = settings.threads;
    let index = Index::new(input);
    flags_of(&gather(input, &index, threads), settings.reconcile, threads)
}

/// A group with the facts of its members (in claim id order).
pub(crate) type GroupFacts<'i, 'a> = (&'i Group, Vec<Facts<'a>>);

/// Every group (in id order) with the facts of its members.
pub(crate) type Gathered<'i, 'a> = Vec<GroupFacts<'i, 'a>>;

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

/// Orders `report`'s flags by confidence (stable: the order within a level is kept) after
/// a later step changed a confidence; the events' references to flags follow.
pub fn order_by_confidence(report: &mut Report) {
    if report
        .flags
        .windows(2)
        .all(|w| w[0].confidence <= w[1].confidence)
    {
        return;
    }
    let mut order: Vec<usize> = (0..report.flags.len()).collect();
    order.sort_by_key(|&i| report.flags[i].confidence);
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut flags: Vec<Option<Flag>> = std::mem::take(&mut report.flags)
        .into_iter()
        .map(Some)
        .collect();
    report.flags = order.iter().filter_map(|&i| flags[i].take()).collect();
    for e in &mut report.events {
        for i in &mut e.flags {
            if let Some(&n) = new_index.get(*i) {
                *i = n;
            }
        }
        e.flags.sort_unstable();
    }
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

/// Which documents carry each group (in id order), the input taken as one story.
pub fn coverage(input: &Input) -> Coverage {
    let mut documents: Vec<DocId> = input.documents.iter().map(|d| d.id.clone()).collect();
    documents.sort();
    documents.dedup();
    let story = Story {
        id: StoryId(0),
        documents,
        title: String::new(),
        first_published: None,
        last_published: None,
    };
    let mut claims = input.claims.to_vec();
    claims.sort_by_key(|c| c.id);
    let mut groups: Vec<Group> = input.groups.to_vec();
    groups.sort_by_key(|g| g.id);
    coverage_rows(&[story], &claims, &groups)
}

/// The coverage of `groups` (sorted by id, each naming its story), whose claims are
/// `claims` (sorted by id): per group, the documents of its story that carry it and
/// those that do not. Linear in the claims plus the stories' documents per group.
pub(crate) fn coverage_rows(stories: &[Story], claims: &[Claim], groups: &[Group]) -> Coverage {
    let claim = |id: &ClaimId| {
        claims
            .binary_search_by_key(id, |c| c.id)
            .ok()
            .map(|i| &claims[i])
    };
    let rows = groups
        .iter()
        .map(|g| {
            let mut ids = g.claims.clone();
            ids.sort();
            ids.dedup();
            let members: Vec<&Claim> = ids.iter().filter_map(claim).collect();
            let mut carried_by: Vec<DocId> = members.iter().map(|c| c.doc.clone()).collect();
            carried_by.sort();
            carried_by.dedup();
            let missing_from = stories
                .get(g.story.0 as usize)
                .map(|s| {
                    s.documents
                        .iter()
                        .filter(|d| carried_by.binary_search(d).is_err())
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            CoverageRow {
                group: g.id,
                story: g.story,
                label: members
                    .first()
                    .map(|c| short(&c.text, COVERAGE_LABEL_WORDS))
                    .unwrap_or_default(),
                carried_by,
                missing_from,
            }
        })
        .collect();
    Coverage { rows }
}

/// The events of the input, in timeline order, given its flags (from [`flags`]), on up
/// to [`Config::threads`](crate::Config::threads) threads.
pub fn events<'c>(
    input: &Input,
    flags: &[Flag],
    settings: impl Into<ReconcileSettings<'c>>,
) -> Vec<Event> {
    let index = Index::new(input);
    story_events(
        &gather(input, &index, settings.into().threads),
        &index,
        flags,
    )
}
