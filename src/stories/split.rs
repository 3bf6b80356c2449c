//! The stories stage split in two, for a run spread over many machines: each document's
//! [`StoryProfile`] is made alone, where the document is (the map step), and the
//! profiles, a few kilobytes each, are gathered and clustered in one place
//! ([`cluster_profiles`]). The partition is the one [`super::cluster`] finds for the
//! same documents; each story can then be reconciled on its own with
//! [`StoryMode::Found`](super::StoryMode::Found).

use super::profile::{self, Profile};
use super::{order_of, partition_profiles, sort_stories, stories_of, StoriesConfig, StoryMode};
use crate::error::{Error, ErrorKind, Position, Result};
use crate::model::{DocId, Document, Story};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The library version a profile was made by: profiles are compared by hashed keys
/// whose recipe may change between versions, so profiles of two versions never mix.
const MADE_BY: &str = env!("CARGO_PKG_VERSION");

/// One document as the stories stage sees it, made from that document alone: its id,
/// publication date, title, weighted story keys and the days it speaks of. It
/// serializes (JSON with `serde_json`) to carry it from where it was made to where the
/// profiles are clustered.
///
/// ```
/// use corroborate::{stories, Document};
/// let doc = Document::new("a", "Quake hits Qeshm\n\nA 5.6-magnitude earthquake struck Qeshm island.");
/// let p = stories::profile_of(&doc, &stories::StoriesConfig::default());
/// assert_eq!(p.id().as_str(), "a");
/// let json = serde_json::to_string(&p).unwrap();
/// let back: stories::StoryProfile = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, p);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryProfile {
    /// The document's id.
    id: DocId,
    /// The library version that made it ([`MADE_BY`]).
    version: String,
    /// What the stage knows of the document.
    profile: Profile,
}

impl StoryProfile {
    /// The id of the document it profiles.
    pub fn id(&self) -> &DocId {
        &self.id
    }
}

/// The [`StoryProfile`] of `doc`, made from `doc` alone: its dates are its own temporal
/// expressions resolved against its own publication date, exactly as
/// [`super::cluster`] reads them.
pub fn profile_of(doc: &Document, config: &StoriesConfig) -> StoryProfile {
    let times = crate::extract::time::times(doc, &Default::default());
    StoryProfile {
        id: doc.id.clone(),
        version: MADE_BY.to_string(),
        profile: profile::profile(doc, &times, config),
    }
}

/// The stories of the documents whose profiles are given, on `threads` threads (`0`:
/// every core): the same stories, in the same order and with the same titles and dates,
/// as [`super::cluster`] gives for those documents, whatever the order of `profiles`.
///
/// Fails when two profiles share a document id or a profile was made by another
/// version of the library.
///
/// ```
/// use corroborate::{stories, Document};
/// let docs = [
///     Document::new("a", "Quake hits Qeshm island\n\nA 5.6-magnitude earthquake struck Qeshm island off southern Iran on Sunday, injuring five people."),
///     Document::new("b", "Five hurt as quake jolts Qeshm\n\nAn earthquake measuring 5.6 jolted Qeshm island in the Gulf on Sunday; five people were injured."),
///     Document::new("c", "Apple unveils MacBook Pro at WWDC\n\nApple CEO Tim Cook unveiled a new MacBook Pro with Ivy Bridge chips at WWDC in San Francisco."),
/// ];
/// let config = stories::StoriesConfig::default();
/// let profiles: Vec<_> = docs.iter().rev().map(|d| stories::profile_of(d, &config)).collect();
/// let found = stories::cluster_profiles(&profiles, &config, 1).unwrap();
/// assert_eq!(found, stories::cluster(&docs, &config));
/// ```
pub fn cluster_profiles(
    profiles: &[StoryProfile],
    config: &StoriesConfig,
    threads: usize,
) -> Result<Vec<Story>> {
    let mut seen: BTreeMap<&DocId, usize> = BTreeMap::new();
    for (i, p) in profiles.iter().enumerate() {
        if p.version != MADE_BY {
            return Err(Error::new(
                ErrorKind::Config,
                p.id.as_str(),
                Position::None,
                format!(
                    "story profile {i} was made by corroborate {}, this is {MADE_BY}",
                    p.version
                ),
            ));
        }
        if let Some(first) = seen.insert(&p.id, i) {
            return Err(Error::duplicate_id(
                "story profiles",
                first,
                i,
                p.id.as_str(),
            ));
        }
    }
    // the order `cluster` sees documents in: by id
    let mut sorted: Vec<&StoryProfile> = profiles.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    // what the story list reads of a document: its id and publication date
    let stubs: Vec<Document> = sorted
        .iter()
        .map(|p| {
            let mut d = Document::new(p.id.as_str(), String::new());
            d.published = p.profile.published;
            d
        })
        .collect();
    let parts: Vec<Vec<usize>> = if config.mode == StoryMode::Cluster {
        let plain: Vec<Profile> = sorted.iter().map(|p| p.profile.clone()).collect();
        let mut parts: Vec<Vec<usize>> = partition_profiles(&plain, config, threads)
            .into_iter()
            .map(|m| order_of(&stubs, m.into_iter().map(|d| d as usize).collect()))
            .collect();
        sort_stories(&stubs, &mut parts);
        parts
    } else if stubs.is_empty() {
        Vec::new()
    } else {
        vec![(0..stubs.len()).collect()]
    };
    Ok(stories_of(&stubs, &parts, |d| {
        sorted[d].profile.title.clone()
    }))
}
