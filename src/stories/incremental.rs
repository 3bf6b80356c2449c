//! Stories that grow one document at a time.
//!
//! [`Stories::add`] profiles the new document, finds its candidates among the documents
//! already in that hold one of its signature keys (blocking, as in the batch), scores them
//! with the document frequencies as they now stand, and then either joins the story
//! whose documents the new one resembles most on average (at least the threshold, days
//! compatible) or starts a story of its own. Nothing else is recomputed.
//!
//! Where the answer can differ from clustering every document at once
//! ([`super::cluster`]), and why:
//!
//! - **A lone report of another happening.** A story's own names and numbers keep
//!   another happening of its kind out only once that happening has two reports;
//!   the first one, added alone, may join the story. `add` says when it joins a story
//!   whose leads' names or numbers its own lead has others of ([`Difference::Lone`]).
//! - **A bridge.** The new document may bring two existing stories close enough that
//!   the batch would have merged them; `add` never merges existing stories, and says so
//!   ([`Difference::Bridges`]).
//! - **Order.** The batch merges the closest pair of stories first over all
//!   documents; `add` places the new document into stories formed without it. When the
//!   new document is much closer to one member of a story than to the rest, the batch
//!   may have kept that member with the new document and the rest apart.
//! - **Document frequencies.** The weights of keys depend on how many documents hold
//!   them. A pair is scored once, when its second document comes in, with the counts
//!   of that moment; the batch scores every pair with the final counts. Early scores
//!   differ most when few documents are in (below
//!   [`StoriesConfig::idf_min_docs`] the counts are read as if there were that many).

use super::cluster::{Agglomeration, Side};
use super::profile::{self, Key, Profile};
use super::similarity::{self, Edge, Frequencies};
use super::{stories_of, StoriesConfig, StoryMode};
use crate::error::{Error, ErrorKind, Position, Result};
use crate::model::{DocId, Document, Story};
use rustc_hash::FxHashMap;

/// How a document added to [`Stories`] was placed.
#[derive(Clone, Debug, PartialEq)]
pub struct Added {
    /// The documents it joined, sorted by id (empty when it starts a story of its own).
    pub joined: Vec<DocId>,
    /// The average similarity to the story it joined (0 when it joined none).
    pub score: f64,
    /// Where clustering every document at once could answer differently.
    pub differs: Vec<Difference>,
}

/// A way in which an incremental answer can differ from the batch one.
#[derive(Clone, Debug, PartialEq)]
pub enum Difference {
    /// The new document joined a story whose reports share names or numbers in their
    /// leads (a toll, a suspect's name) of a kind its own lead has others of: it may be
    /// the first report of another happening of the kind, which the batch would pair
    /// with its own later reports before they meet the story.
    Lone,
    /// The new document's story and another story are now close enough to merge (their
    /// average similarity is `average`, their days compatible); the batch would have
    /// merged them, `add` leaves them apart.
    Bridges {
        /// The documents of the other story, sorted by id.
        with: Vec<DocId>,
        /// The two stories' average similarity.
        average: f64,
    },
}

/// Stories that documents can be added to one at a time.
///
/// ```
/// use corroborate::stories::{Stories, StoriesConfig};
/// use corroborate::Document;
/// let mut s = Stories::new(StoriesConfig::default());
/// s.add(&Document::new("a", "Quake hits Qeshm\n\nA 5.6-magnitude earthquake struck Qeshm island off Iran, injuring five people.")).unwrap();
/// let added = s.add(&Document::new("b", "Quake jolts Qeshm\n\nAn earthquake of magnitude 5.6 jolted Qeshm island off Iran; five people were hurt.")).unwrap();
/// assert_eq!(added.joined.len(), 1);
/// assert_eq!(s.stories().len(), 1);
/// ```
#[derive(Clone, Debug)]
pub struct Stories {
    config: StoriesConfig,
    /// The documents in, without their text (ids, dates, sources and heads kept).
    docs: Vec<Document>,
    titles: Vec<String>,
    profiles: Vec<Profile>,
    df: Frequencies,
    /// Who holds each key (every key of every document in).
    postings: FxHashMap<Key, Vec<u32>>,
    agg: Agglomeration,
    /// The story node of each document.
    owner: Vec<u32>,
    ids: FxHashMap<DocId, u32>,
}

impl Stories {
    /// No stories yet.
    pub fn new(config: StoriesConfig) -> Stories {
        Stories {
            config,
            docs: Vec::new(),
            titles: Vec::new(),
            profiles: Vec::new(),
            df: Frequencies::default(),
            postings: FxHashMap::default(),
            agg: Agglomeration::default(),
            owner: Vec::new(),
            ids: FxHashMap::default(),
        }
    }

    /// How many documents are in.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no document is in.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Adds `doc`: it joins a story or starts one (see the module docs).
    ///
    /// Fails when a document with the same id is already in.
    pub fn add(&mut self, doc: &Document) -> Result<Added> {
        if self.ids.contains_key(&doc.id) {
            return Err(Error::new(
                ErrorKind::DuplicateId,
                doc.id.as_str(),
                Position::None,
                format!("a document with the id {:?} is already in", doc.id.as_str()),
            ));
        }
        let times = crate::extract::time::times(doc, &Default::default());
        let p = profile::profile(doc, &times, &self.config);
        let d = self.docs.len() as u32;
        for &(k, _) in &p.keys {
            *self.df.entry(k).or_default() += 1;
        }
        self.ids.insert(doc.id.clone(), d);
        self.titles.push(profile::title(doc));
        let mut kept = Document::new(doc.id.as_str(), String::new());
        kept.published = doc.published;
        kept.source = doc.source.clone();
        self.docs.push(kept);
        let side = Side::of_profile(&p);
        self.profiles.push(p);
        let edges = self.score_new(d);
        let links: Vec<(u32, f64)> = edges
            .iter()
            .map(|e| (self.owner[e.a as usize], e.sim))
            .collect();
        self.agg.push(side, &links);
        self.owner.push(d);
        if self.config.mode != StoryMode::Cluster && d > 0 {
            let story = self.owner[0];
            let score = self.agg.average(d, story);
            self.join(d, story);
            return Ok(Added {
                joined: self.members_of(story, d),
                score,
                differs: Vec::new(),
            });
        }
        Ok(self.place(d, &edges))
    }

    /// The new document `d`'s scored pairs with the documents in, through the current
    /// signature postings and frequencies.
    fn score_new(&mut self, d: u32) -> Vec<Edge> {
        let n = self.docs.len();
        let vector = |p: &Profile| similarity::vector(p, &self.df, n, &self.config);
        let v = vector(&self.profiles[d as usize]);
        let sig = similarity::signature(&v, &self.df, &self.config);
        let mut cands: Vec<u32> = sig
            .iter()
            .filter(|k| {
                self.df
                    .get(k)
                    .is_some_and(|&f| f as usize <= self.config.block_max_df)
            })
            .filter_map(|k| self.postings.get(k))
            .flatten()
            .copied()
            .collect();
        cands.sort_unstable();
        cands.dedup();
        let mut edges = Vec::new();
        for b in cands {
            let pb = &self.profiles[b as usize];
            let pd = &self.profiles[d as usize];
            if !pb.dates.compatible(&pd.dates, self.config.window_days) {
                continue;
            }
            let sim = similarity::cosine(&vector(pb), &v);
            if sim >= self.config.edge_min {
                edges.push(Edge { a: b, b: d, sim });
            }
        }
        // every key of the new document is posted, not only its signature: its
        // signature is of the counts of now, when keys later documents share may
        // still be held by it alone
        for &(k, _) in &self.profiles[d as usize].keys {
            self.postings.entry(k).or_default().push(d);
        }
        edges
    }

    /// Joins `d` to the story it resembles most, if any, and says what the batch could
    /// do differently.
    fn place(&mut self, d: u32, edges: &[Edge]) -> Added {
        let mut stories: Vec<u32> = edges.iter().map(|e| self.owner[e.a as usize]).collect();
        stories.sort_unstable();
        stories.dedup();
        let best = stories
            .iter()
            .map(|&s| (self.agg.average(d, s), s))
            .filter(|&(avg, s)| {
                avg >= self.config.threshold
                    && self.agg.nodes[s as usize].side.may_join(
                        &self.agg.nodes[d as usize].side,
                        avg,
                        &self.config,
                    )
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        let Some((score, story)) = best else {
            return Added {
                joined: Vec::new(),
                score: 0.0,
                differs: Vec::new(),
            };
        };
        let joined = self.members_of(story, d);
        let lone = self.agg.nodes[d as usize]
            .side
            .marks
            .lone_conflict(&self.agg.nodes[story as usize].side.marks, &self.config);
        let merged = self.join(d, story);
        let mut differs = Vec::new();
        if lone {
            differs.push(Difference::Lone);
        }
        // `d` is the newest document, so the merged node is `story` and no other
        // node changed
        for &s in &stories {
            if s == merged {
                continue;
            }
            let average = self.agg.average(merged, s);
            let (a, b) = (
                &self.agg.nodes[merged as usize],
                &self.agg.nodes[s as usize],
            );
            if average >= self.config.threshold && a.side.may_join(&b.side, average, &self.config) {
                differs.push(Difference::Bridges {
                    with: self.members_of(s, u32::MAX),
                    average,
                });
            }
        }
        Added {
            joined,
            score,
            differs,
        }
    }

    /// Merges document `d`'s own story into `story`; the merged node.
    fn join(&mut self, d: u32, story: u32) -> u32 {
        let own = self.owner[d as usize];
        // nodes keep the smaller index; `d` is the newest, so only its owner changes
        let merged = self.agg.merge(own, story);
        self.owner[d as usize] = merged;
        merged
    }

    /// The ids of the documents of story node `s`, but `except`, sorted.
    fn members_of(&self, s: u32, except: u32) -> Vec<DocId> {
        let mut ids: Vec<DocId> = self.agg.nodes[s as usize]
            .members
            .iter()
            .filter(|&&m| m != except)
            .map(|&m| self.docs[m as usize].id.clone())
            .collect();
        ids.sort();
        ids
    }

    /// The stories so far, numbered and ordered as [`super::cluster`] orders them.
    pub fn stories(&self) -> Vec<Story> {
        let mut parts: Vec<Vec<usize>> = self
            .agg
            .partition()
            .into_iter()
            .map(|m| {
                let mut m: Vec<usize> = m.into_iter().map(|d| d as usize).collect();
                m.sort_by(|&a, &b| self.docs[a].id.cmp(&self.docs[b].id));
                m
            })
            .collect();
        super::sort_stories(&self.docs, &mut parts);
        // the documents were kept without their text: titles were taken on the way in
        stories_of(&self.docs, &parts, |d| self.titles[d].clone())
    }
}
