//! Cross-document alignment: which claims of different documents say the same thing.
//!
//! Layers, each a pure function:
//!
//! 1. **Story context** ([`join_in_context`], [`ContextMode::Document`], the default):
//!    each document gets a signature, its key terms by tf-idf (the names and terms it
//!    keeps returning to); an exact join over the signatures finds the document pairs
//!    about the same story, and only their claims are compared. A feed mixes many
//!    stories: short generic sentences of different stories ("8 companies were closed
//!    in Tunisia") are lexical near-duplicates that no sentence-level threshold can tell
//!    apart, and an exact sentence join over a whole feed is quadratic in them. With at
//!    most [`AlignConfig::context_min_docs`] documents, all of them are taken as one
//!    story: a handful of articles given together are a story cluster, and document
//!    frequencies over so few documents cannot tell story terms from common words.
//! 2. **Candidates** ([`join`]): an exact set-similarity join in the AllPairs / PPJoin
//!    family on the *IDF-weighted* Jaccard similarity `w(A∩B) / w(A∪B)` with
//!    `w(t) = ln(1 + N/df(t))`, at [`AlignConfig::candidate_threshold`]. Tokens are
//!    ordered globally by rarity; a set is indexed and probed only on its *prefix* (the
//!    rarest tokens, up to where the remaining weight could no longer reach the
//!    threshold); a length filter on total weights, a positional filter on the weight
//!    still to come and an early-exit verification prune the rest. Every pair at or
//!    above the threshold is returned, by construction: no sampling, no hashing
//!    (`brute_force`, hidden from the documentation, is the reference it is tested against). Within a pair of
//!    same-story documents, claim pairs are found by a small inverted index and scored
//!    the same way, so [`join_in_context`] equals [`join`] restricted to same-story
//!    document pairs.
//! 3. **Decision** ([`decide`], [`decision_score`]): a candidate becomes a link when
//!    `0.8 · (J + C) / 2 + 0.2 · B` reaches [`AlignConfig::threshold`], where `J` is the
//!    weighted Jaccard similarity, `C` the weighted containment `w(A∩B) / min(w(A),
//!    w(B))` and `B` the share of adjacent word pairs in common ([`bigram_overlap`]) or,
//!    if higher, the run of words both claims quote verbatim ([`quote_overlap`]),
//!    all over the normalized content tokens of [`crate::claims`] (synonyms, stems,
//!    typed numbers and days, attribution set apart). Near-duplicates score about their
//!    Jaccard similarity; real outlets embed a shared statement in longer sentences of
//!    their own, which containment keeps; shared phrases ("Cold War", "world economy")
//!    and shared quotations weigh more than the same words scattered.
//! 4. **Groups** ([`groups`]): of the links between two documents, only *mutual best
//!    matches* are kept; links are then merged strongest first (ties by claim ids) into
//!    groups that hold **at most one claim per document**, and two groups merge only if
//!    their members, on average, still resemble each other ([`TokenSets::score`] at
//!    least [`AlignConfig::link_threshold`]: the average-link check against chaining
//!    unrelated claims).
//!
//! The result does not depend on the order of the input: claims are identified by
//! document id and offset, and every tie is broken by ids. No I/O. Claims' tokens are
//! read as interned ids: the join and the token-set scoring compare integers, never
//! strings (only the quotation term of the score reads text).
//!
//! Rooms: `token_sets` (claims as weighted sets), `join` (the exact join), `story`
//! (signatures and same-story document pairs), `candidates` (claim pairs within a
//! document pair), `score` (the decision score), `group` (mutual best, merging),
//! `shared` (the default path, sharing work between verbatim copies), `alignment`
//! (what `corroborate align` prints).

mod alignment;
mod candidates;
mod group;
mod join;
mod score;
mod shared;
mod story;
mod token_sets;

use crate::model::{Claim, ClaimId, DocId, Group, GroupId};
use group::merge_links;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub use alignment::{to_markdown, Alignment, ClaimSummary, DocumentSummary};
pub use join::{brute_force, join, Link};
pub use score::{bigram_overlap, decide, decision_score, quote_overlap, DocCounts};
pub use story::join_in_context;
pub use token_sets::{token_sets, TokenSets};

/// Token weights in the similarity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Weighting {
    /// Default: inverse document frequency over the claims being aligned,
    /// `ln(1 + N/df)`.
    #[default]
    Idf,
    /// Every token weighs 1 (plain Jaccard).
    Uniform,
}

/// Whether the documents around two claims count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ContextMode {
    /// Default: two claims link only if their documents are about the same story: the
    /// weighted Jaccard similarity of the documents' signatures is at least
    /// [`AlignConfig::context_threshold`]. A signature is the document's
    /// [`AlignConfig::context_tokens`] key terms by tf-idf (tf: how many of its claims
    /// hold the token; idf over documents), among the tokens that at least one other
    /// document has too: the names and terms an article keeps coming back to. Articles on one event
    /// share its names, places and rare terms; unrelated stories share only common
    /// words, so short generic sentences of different stories do not align. The
    /// pipeline partitions documents into stories first ([`crate::stories`]) and
    /// aligns each story as [`ContextMode::Story`].
    #[default]
    Document,
    /// The claims are one story's: every pair of documents is compared, none is set
    /// apart as another story's ([`story_groups`]).
    Story,
    /// Claims are compared alone.
    None,
}

/// How candidate links become groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum GroupMode {
    /// Default: mutual best matches per document pair, merged strongest first with one
    /// claim per document and the average-link check.
    #[default]
    MutualBest,
    /// Every link above the threshold, merged the same way (one claim per document,
    /// average-link check).
    AllLinks,
}

/// Settings of alignment. The defaults are what was measured (see
/// `benches/compare.sh`). What becomes a claim's content tokens is set in
/// [`crate::claims::ClaimsConfig`]; the number of threads in [`crate::Config::threads`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlignConfig {
    /// Minimum [`decision_score`] of a link (weighted Jaccard similarity, weighted
    /// containment and shared word pairs), `0.0..=1.0`. Default `0.29`.
    pub threshold: f64,
    /// Minimum weighted Jaccard similarity of a candidate pair (the exact join's
    /// threshold), `0.0..=1.0`; candidates are then decided by [`AlignConfig::threshold`]
    /// on the score. Default `0.15`.
    pub candidate_threshold: f64,
    /// Minimum mean similarity between the members of two groups for them to merge,
    /// `0.0..=1.0`. Default `0.25`.
    pub link_threshold: f64,
    /// Token weights. Default [`Weighting::Idf`].
    pub weighting: Weighting,
    /// Grouping. Default [`GroupMode::MutualBest`].
    pub grouping: GroupMode,
    /// Document context. Default [`ContextMode::Document`].
    pub context: ContextMode,
    /// Minimum similarity of two documents for their claims to link, `0.0..=1.0`,
    /// with [`ContextMode::Document`]. Default `0.2`.
    pub context_threshold: f64,
    /// How many of a document's rarest tokens make its signature for
    /// [`ContextMode::Document`]. Default `12`.
    pub context_tokens: usize,
    /// With at most this many documents, [`ContextMode::Document`] takes them all as one
    /// story: a handful of articles given together are a story cluster, and document
    /// frequencies over so few documents cannot tell story terms from common words.
    /// Default `8`.
    pub context_min_docs: usize,
}

/// What alignment reads of the settings: its own section and the number of threads.
/// A [`&Config`](crate::Config) converts into it, so `align::groups(&claims, &config)`
/// reads `config.align` and `config.threads`.
#[derive(Clone, Copy, Debug)]
pub struct AlignSettings<'a> {
    /// Alignment's settings.
    pub align: &'a AlignConfig,
    /// Threads (`0`: every core); the groups are the same for any number.
    pub threads: usize,
}

impl Default for AlignConfig {
    fn default() -> AlignConfig {
        AlignConfig {
            threshold: 0.29,
            candidate_threshold: 0.15,
            link_threshold: 0.25,
            weighting: Weighting::default(),
            grouping: GroupMode::default(),
            context: ContextMode::default(),
            context_threshold: 0.2,
            context_tokens: 12,
            context_min_docs: 8,
        }
    }
}

/// Groups of claims from different documents that report the same thing (see the
/// module docs). Only groups of two or more claims are returned, members sorted by id,
/// groups sorted by their first member; the same claims in any order give the same
/// groups.
///
/// ```
/// use corroborate::{align, claims, Config, Document};
/// let docs = [
///     Document::new("a", "The minister said the talks would resume on Friday. It rained."),
///     Document::new("b", "Negotiations will restart on Thursday, according to the minister. Shops closed early."),
/// ];
/// let config = Config::default();
/// let cs = claims::from_documents(&docs, &config);
/// let groups = align::groups(&cs, &config);
/// assert_eq!(groups.len(), 1);
/// assert_eq!(cs[groups[0].claims[0].0 as usize].text, "The minister said the talks would resume on Friday.");
/// ```
pub fn groups<'a>(claims: &[Claim], settings: impl Into<AlignSettings<'a>>) -> Vec<Group> {
    let s = settings.into();
    groups_with(claims, s.align, s.threads, true)
}

/// [`groups`] of the claims of one story: every pair of documents is compared (the
/// story filter of [`ContextMode::Document`] is off), as the pipeline aligns each story
/// the stories stage found. A setting of [`ContextMode::None`] is kept.
///
/// ```
/// use corroborate::{align, claims, Config, Document};
/// let docs: Vec<Document> = (0..12)
///     .map(|i| Document::new(format!("d{i}"), "The council approved the harbour budget on Monday."))
///     .collect();
/// let config = Config::default();
/// let cs = claims::from_documents(&docs, &config);
/// assert_eq!(align::story_groups(&cs, &config)[0].claims.len(), 12);
/// ```
pub fn story_groups<'a>(claims: &[Claim], settings: impl Into<AlignSettings<'a>>) -> Vec<Group> {
    let s = settings.into();
    if s.align.context != ContextMode::Document {
        return groups_with(claims, s.align, s.threads, true);
    }
    let one = AlignConfig {
        context: ContextMode::Story,
        ..s.align.clone()
    };
    groups_with(claims, &one, s.threads, true)
}

/// [`groups`] computed the plain way: every candidate pair scored with
/// [`decision_score`], every link offered to the mutual-best filter, every average-link
/// check computed afresh. The result is the same as [`groups`] (which shares work between
/// copies of one sentence); this is the reference it is tested against.
// Public only so that the integration tests can compare against it; not part of the
// documented interface.
#[doc(hidden)]
pub fn groups_unshared<'a>(claims: &[Claim], settings: impl Into<AlignSettings<'a>>) -> Vec<Group> {
    let s = settings.into();
    groups_with(claims, s.align, s.threads, false)
}

fn groups_with(claims: &[Claim], config: &AlignConfig, threads: usize, shared: bool) -> Vec<Group> {
    let mut idx: Vec<usize> = (0..claims.len()).collect();
    idx.sort_by(|&a, &b| {
        (
            &claims[a].doc,
            claims[a].span.start,
            claims[a].span.end,
            claims[a].id,
        )
            .cmp(&(
                &claims[b].doc,
                claims[b].span.start,
                claims[b].span.end,
                claims[b].id,
            ))
    });
    let sorted: Vec<&Claim> = idx.iter().map(|&i| &claims[i]).collect();
    let mut docs: Vec<&DocId> = sorted.iter().map(|c| &c.doc).collect();
    docs.dedup();
    let mut key = Vec::with_capacity(sorted.len());
    let mut d = 0;
    for c in &sorted {
        while docs[d] != &c.doc {
            d += 1;
        }
        key.push(d as u32);
    }
    let ids = crate::claims::interner::TermIds::of(&sorted);
    let sets = token_sets::of_ids(&ids, &key, config.weighting);
    let fast = shared
        && matches!(config.context, ContextMode::Document | ContextMode::Story)
        && config.grouping == GroupMode::MutualBest
        && config.threshold <= 1.0;
    let components = if fast {
        let kept = shared::kept_in_context(&sets, &sorted, &ids, config, threads);
        merge_links(&sets, kept, config)
    } else {
        let candidates = match config.context {
            ContextMode::None => join(&sets, config.candidate_threshold),
            ContextMode::Document | ContextMode::Story => join_in_context(&sets, config),
        };
        let links = decide(&sets, &sorted, candidates, config.threshold);
        let kept = match config.grouping {
            GroupMode::AllLinks => links,
            GroupMode::MutualBest => group::mutual_best(&sets, &links),
        };
        merge_links(&sets, kept, config)
    };
    let mut out: Vec<Group> = components
        .into_iter()
        .map(|(members, score)| {
            let mut ids: Vec<ClaimId> = members.iter().map(|&m| sorted[m as usize].id).collect();
            ids.sort();
            Group {
                id: GroupId(0),
                claims: ids,
                score,
                story: Default::default(),
                corroboration: Default::default(),
                joined: Default::default(),
            }
        })
        .collect();
    out.sort_by(|a, b| a.claims.cmp(&b.claims));
    for (i, g) in out.iter_mut().enumerate() {
        g.id = GroupId(i as u32);
    }
    out
}

/// Pairs of claims from different documents that share a group, each once, `a < b`.
pub fn group_pairs(groups: &[Group], claims: &[Claim]) -> Vec<(ClaimId, ClaimId)> {
    let doc: HashMap<ClaimId, &DocId> = claims.iter().map(|c| (c.id, &c.doc)).collect();
    let mut out = Vec::new();
    for g in groups {
        for (i, &a) in g.claims.iter().enumerate() {
            for &b in &g.claims[i + 1..] {
                if doc.get(&a) != doc.get(&b) {
                    out.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}
