//! Stories: the documents of a feed partitioned by the real-world happening they report.
//!
//! A monitoring feed mixes hundreds of happenings; comparing every claim with every
//! other would set a report of one earthquake against a report of another. This stage
//! runs after per-document extraction and before claims: everything after it runs
//! inside one story.
//!
//! - **Profiles** (`profile`): each document's story keys, from one pass over the text
//!   layer: capitalized names and two-word name phrases, lower-case content terms
//!   (lightly stemmed) and numbers; those of the title and lead count more. Its days
//!   (`dates`): its publication date, or the dates of its title and lead, and every
//!   date it names.
//! - **Similarity** (`similarity`): tf-idf vectors over the keys, cosine similarity.
//!   Only documents sharing one of their heaviest keys that are held by few documents
//!   are compared (blocking), so the stage never compares all pairs.
//! - **Agglomeration** (`cluster`): average-link merging of stories over the scored
//!   pairs, as long as the average reaches [`StoriesConfig::threshold`], the two
//!   stories' days can be one happening ([`StoriesConfig::window_days`]) and neither
//!   has names or numbers in its leads that the other never mentions while the other
//!   has its own too (`marks`). What tells
//!   two happenings of one kind apart: the names and numbers one has and the other
//!   lacks (two quakes, two arrests share their kind's words, not their places, people
//!   and tolls), and days that cannot meet. One happening reported over several days
//!   stays together, since each report names the day of the happening or comes within
//!   the window of the others. A lone report whose title or lead says it is of another
//!   happening of its kind ("another fire", "a second quake", "an aftershock";
//!   `data/meaning/follow_up.txt`) joins no story whose lead numbers it never names
//!   while that story never names the numbers of its lead: it names the happening it
//!   follows in passing, if any. A document like no other is left alone, a story of one.
//! - **Incremental** ([`Stories`]): a document added to clustered stories joins the
//!   story whose documents it resembles most on average (at least the threshold, days
//!   compatible) or starts a new one, without recomputing the rest. [`Added`] says when
//!   clustering everything at once could answer differently.
//!
//! ```
//! use corroborate::{stories, Document};
//! let docs = [
//!     Document::new("a", "Quake hits Qeshm island\n\nA 5.6-magnitude earthquake struck Qeshm island off southern Iran on Sunday, injuring five people."),
//!     Document::new("b", "Five hurt as quake jolts Qeshm\n\nAn earthquake measuring 5.6 jolted Qeshm island in the Gulf on Sunday; five people were injured."),
//!     Document::new("c", "Apple unveils MacBook Pro at WWDC\n\nApple CEO Tim Cook unveiled a new MacBook Pro with Ivy Bridge chips at WWDC in San Francisco."),
//! ];
//! let found = stories::cluster(&docs, &stories::StoriesConfig::default());
//! assert_eq!(found.len(), 2);
//! let ids: Vec<&str> = found[0].documents.iter().map(|d| d.as_str()).collect();
//! assert_eq!(ids, ["a", "b"]);
//! ```

mod cluster;
mod dates;
mod incremental;
mod marks;
mod profile;
mod similarity;
mod split;

pub use incremental::{Added, Difference, Stories};
pub use split::{cluster_profiles, profile_of, StoryProfile};

use crate::model::{Date, DocId, Document, Story, StoryId, TimeExpr};
use cluster::Agglomeration;
pub(crate) use profile::Profile;

/// How documents are put into stories.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StoryMode {
    /// Default: the documents are partitioned by happening.
    #[default]
    Cluster,
    /// The documents are one story, as given (a curated cluster), aligned with the
    /// filter that sets apart documents sharing little with the rest.
    One,
    /// The documents are one story that the stories stage found elsewhere: one task of
    /// a run split by story (see [`profile_of`] and [`cluster_profiles`]). They are
    /// aligned exactly as [`StoryMode::Cluster`] aligns each story it finds, so the
    /// task's report is that story's part of a whole run's report.
    Found,
}

/// Settings of the stories stage, with documented defaults.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct StoriesConfig {
    /// Partition or take the input as one story. Default [`StoryMode::Cluster`].
    pub mode: StoryMode,
    /// Least average similarity (cosine, `0.0..=1.0`) between the documents of two
    /// stories for them to merge. Default `0.10`.
    pub threshold: f64,
    /// Least similarity of a pair of documents for it to count at all: lower pairs count
    /// as 0 in the averages. Default `0.03`.
    pub edge_min: f64,
    /// Days by which two stories' primary days (publication dates, else the dates of
    /// titles and leads) may miss every day the other names and still be one
    /// happening. Default `30`: follow-up reports come days or weeks later.
    pub window_days: u32,
    /// Words at the start of a document that make its title and lead. Default `60`.
    pub lead_words: usize,
    /// Factor on the weight of a key that occurs in the title or lead. Default `2.0`.
    pub lead_boost: f64,
    /// Factor on the weight of names and name phrases. Default `2.0`.
    pub name_boost: f64,
    /// Factor on the weight of numbers. Default `1.0`.
    pub number_boost: f64,
    /// Document frequencies are read as if there were at least this many documents:
    /// among three articles of one story, a name in all three is still a rare word.
    /// Default `50`.
    pub idf_min_docs: usize,
    /// Keys per document that can make it a candidate pair with another (its heaviest).
    /// Default `24`.
    pub signature_keys: usize,
    /// Keys held by more documents than this never make a candidate pair (they still
    /// count in the similarity of a pair found another way); this bounds the work per
    /// document to [`StoriesConfig::signature_keys`] times this many pairs. Default
    /// `50`: a story's rarer names and numbers still pair its reports.
    pub block_max_df: usize,
    /// Least share of a story's documents (`0.0..=1.0`) that must put a name or number
    /// in their title or lead for it to be the story's own: two stories each with an own
    /// key the other never mentions are two happenings. Default `0.5`.
    pub core_share: f64,
    /// A core key of one story mentioned by fewer than this share of the other's
    /// documents (and by one at least) is foreign to the other: a report that strayed
    /// into a story early does not make its key the story's. Default `0.2`.
    pub foreign_share: f64,
    /// Least average similarity at which two stories whose names or numbers conflict
    /// are still merged: reports this alike are one happening on which the outlets
    /// disagree. Default `0.5`.
    pub conflict_max_similarity: f64,
}

impl Default for StoriesConfig {
    fn default() -> StoriesConfig {
        StoriesConfig {
            mode: StoryMode::Cluster,
            threshold: 0.10,
            edge_min: 0.03,
            window_days: 30,
            lead_words: 60,
            lead_boost: 2.0,
            name_boost: 2.0,
            number_boost: 1.0,
            idf_min_docs: 50,
            signature_keys: 24,
            block_max_df: 50,
            core_share: 0.5,
            foreign_share: 0.2,
            conflict_max_similarity: 0.5,
        }
    }
}

/// The stories of `docs`: each document in exactly one story, stories ordered by their
/// first publication date (undated ones last) then first document id, documents in id
/// order. The result does not depend on the order of `docs`.
pub fn cluster(docs: &[Document], config: &StoriesConfig) -> Vec<Story> {
    let parts = partition_documents(docs, config, 0);
    stories_of(docs, &parts, |d| profile::title(&docs[d]))
}

/// The partition of `docs` as [`cluster`] finds it, as sorted lists of indices into
/// `docs`, on `threads` threads (`0`: every core). Each document's dates are its own
/// temporal expressions resolved against its own publication date only, so that a
/// document's story never depends on the dates of others.
pub(crate) fn partition_documents(
    docs: &[Document],
    config: &StoriesConfig,
    threads: usize,
) -> Vec<Vec<usize>> {
    if config.mode != StoryMode::Cluster {
        return partition(docs, &[], config, threads);
    }
    let times: Vec<Vec<TimeExpr>> = crate::par::map(docs, threads, 16, |d| {
        crate::extract::time::times(d, &Default::default())
    });
    let refs: Vec<&[TimeExpr]> = times.iter().map(Vec::as_slice).collect();
    partition(docs, &refs, config, threads)
}

/// The title the stories stage gives `doc`: its headline, else its first sentence.
pub(crate) fn title(doc: &Document) -> String {
    profile::title(doc)
}

/// The partition of `docs` into stories, as sorted lists of indices into `docs`, from
/// their temporal expressions (`times[d]` of `docs[d]`, resolved against its own date),
/// on `threads` threads. Stories are in the order of [`stories_of`].
pub(crate) fn partition(
    docs: &[Document],
    times: &[&[TimeExpr]],
    config: &StoriesConfig,
    threads: usize,
) -> Vec<Vec<usize>> {
    if docs.is_empty() {
        return Vec::new();
    }
    if config.mode != StoryMode::Cluster {
        return vec![order_of(docs, (0..docs.len()).collect())];
    }
    let idx: Vec<usize> = (0..docs.len()).collect();
    let profiles = crate::par::map(&idx, threads, 16, |&d| {
        profile::profile(&docs[d], times.get(d).copied().unwrap_or_default(), config)
    });
    let parts = partition_profiles(&profiles, config, threads);
    let mut out: Vec<Vec<usize>> = parts
        .into_iter()
        .map(|m| order_of(docs, m.into_iter().map(|d| d as usize).collect()))
        .collect();
    sort_stories(docs, &mut out);
    out
}

/// The batch agglomeration of `profiles`: stories as sorted member lists.
pub(crate) fn partition_profiles(
    profiles: &[Profile],
    config: &StoriesConfig,
    threads: usize,
) -> Vec<Vec<u32>> {
    let df = similarity::frequencies(profiles.iter());
    let n = profiles.len();
    let vectors = crate::par::map(profiles, threads, 64, |p| {
        similarity::vector(p, &df, n, config)
    });
    let signatures = crate::par::map(&vectors, threads, 64, |v| {
        similarity::signature(v, &df, config)
    });
    let edges = similarity::edges(profiles, &vectors, &signatures, config, threads);
    drop(signatures);
    drop(vectors);
    let sides = profiles.iter().map(cluster::Side::of_profile).collect();
    let mut agg = Agglomeration::new(sides, &edges);
    drop(edges);
    agg.run(config);
    agg.partition()
}

/// Indices of `docs` sorted by document id.
fn order_of(docs: &[Document], mut members: Vec<usize>) -> Vec<usize> {
    members.sort_by(|&a, &b| docs[a].id.cmp(&docs[b].id));
    members
}

/// Stories (lists of indices into `docs`, each in id order) in story order: first
/// publication date, undated stories last, then first document id.
fn sort_stories(docs: &[Document], stories: &mut [Vec<usize>]) {
    let key = |s: &Vec<usize>| {
        let first = s.iter().filter_map(|&d| docs[d].published).min();
        let id = s.first().map(|&d| &docs[d].id);
        (first.is_none(), first, id)
    };
    stories.sort_by(|a, b| key(a).cmp(&key(b)));
}

/// The documents as one story (ids deduplicated), when they are given as one cluster.
pub(crate) fn one_story(docs: &[Document]) -> Vec<Story> {
    if docs.is_empty() {
        return Vec::new();
    }
    let mut all = order_of(docs, (0..docs.len()).collect());
    all.dedup_by(|a, b| docs[*a].id == docs[*b].id);
    stories_of(docs, &[all], |d| profile::title(&docs[d]))
}

/// The [`Story`] of each member list (indices into `docs`), numbered in order; `title`
/// gives a document's title.
pub(crate) fn stories_of(
    docs: &[Document],
    parts: &[Vec<usize>],
    title: impl Fn(usize) -> String,
) -> Vec<Story> {
    parts
        .iter()
        .enumerate()
        .map(|(i, members)| story(docs, members, StoryId(i as u32), &title))
        .collect()
}

/// One story from its members (indices into `docs`).
fn story(
    docs: &[Document],
    members: &[usize],
    id: StoryId,
    title: &impl Fn(usize) -> String,
) -> Story {
    let dates: Vec<Date> = members.iter().filter_map(|&d| docs[d].published).collect();
    // the title of its first document by date (undated last), then id
    let lead = members
        .iter()
        .min_by(|&&a, &&b| {
            let key = |d: usize| (docs[d].published.is_none(), docs[d].published, &docs[d].id);
            key(a).cmp(&key(b))
        })
        .map(|&d| title(d))
        .unwrap_or_default();
    Story {
        id,
        documents: members
            .iter()
            .map(|&d| docs[d].id.clone())
            .collect::<Vec<DocId>>(),
        title: lead,
        first_published: dates.iter().min().copied(),
        last_published: dates.iter().max().copied(),
    }
}
