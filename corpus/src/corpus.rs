//! A generated corpus in memory: the articles, the reference sentences with the claim
//! each renders, the gold pairs, the deliberate disagreements and the story of every
//! article. Built from per-article drafts, so sentence ids and byte offsets are assigned
//! in one place.

use crate::claim::Change;
use crate::date::Day;
use crate::params::Params;
use std::fmt;

/// What a reference sentence renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    /// The story's headline (stories layout).
    Headline,
    /// Base claim number `n` of its event or story.
    Claim(u32),
}

/// A gold cluster: every rendering of one claim of one event or story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClusterId {
    /// Event or story number.
    pub story: u32,
    /// Which of its claims.
    pub slot: Slot,
}

impl fmt::Display for ClusterId {
    /// `e<event>.b<claim>` as `gen_corpus.py` writes it; `e<story>.h` for a headline.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.slot {
            Slot::Claim(n) => write!(f, "e{}.b{n}", self.story),
            Slot::Headline => write!(f, "e{}.h", self.story),
        }
    }
}

/// One article.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// Document id.
    pub id: String,
    /// Outlet name.
    pub source: String,
    /// Publication day, if the outlet gives one.
    pub published: Option<Day>,
    /// The full text.
    pub text: String,
    /// Gold story (the event, in the events layout).
    pub story: u32,
}

/// One reference sentence; its id is its index in [`Corpus::sentences`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceRecord {
    /// Index of its article in [`Corpus::documents`].
    pub doc: u32,
    /// Byte offset of its first byte in the article's text.
    pub start: u32,
    /// Byte offset just past its last byte.
    pub end: u32,
    /// The claim it renders, or none for background.
    pub cluster: Option<ClusterId>,
}

/// A rendering that disagrees with its claim on purpose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Sentence id.
    pub sentence: u32,
    /// What was changed.
    pub change: Change,
}

/// What the stories layout knows about one story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryInfo {
    /// The kind of happening ("earthquake"); "event" in the events layout.
    pub kind: &'static str,
    /// The earlier story of the same kind this one is a second happening of.
    pub twin_of: Option<u32>,
    /// The day it happened.
    pub day: Day,
}

/// A generated corpus with its gold.
#[derive(Clone, Debug)]
pub struct Corpus {
    /// The parameters it was made with.
    pub params: Params,
    /// Outlet names.
    pub sources: Vec<String>,
    /// Articles, in the order they are written to `documents.jsonl`.
    pub documents: Vec<Article>,
    /// Reference sentences in document order; a sentence's id is its index.
    pub sentences: Vec<SentenceRecord>,
    /// Pairs of sentence ids `(a, b)`, `a < b`, that render the same claim in two
    /// different articles; sorted.
    pub gold_pairs: Vec<(u32, u32)>,
    /// Deliberate disagreements, by sentence id.
    pub conflicts: Vec<Conflict>,
    /// One entry per story (or event), indexed by [`Article::story`].
    pub stories: Vec<StoryInfo>,
}

/// A sentence of a draft article.
#[derive(Clone, Debug)]
pub(crate) struct DraftSentence {
    pub text: String,
    pub cluster: Option<ClusterId>,
    pub change: Option<Change>,
}

/// An article before sentence ids are known.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    pub id: String,
    pub source: String,
    pub published: Option<Day>,
    pub story: u32,
    /// Sentences, each with the separator written before it (empty for the first).
    pub sentences: Vec<(&'static str, DraftSentence)>,
}

impl Corpus {
    /// Joins drafts into articles, numbering sentences in order, and derives the gold
    /// pairs from the clusters.
    pub(crate) fn assemble(
        params: Params,
        sources: Vec<String>,
        drafts: Vec<Draft>,
        stories: Vec<StoryInfo>,
    ) -> Corpus {
        let n_sentences: usize = drafts.iter().map(|d| d.sentences.len()).sum();
        let mut sentences = Vec::with_capacity(n_sentences);
        let mut conflicts = Vec::new();
        let mut documents = Vec::with_capacity(drafts.len());
        for (doc, draft) in drafts.into_iter().enumerate() {
            let bytes: usize = draft
                .sentences
                .iter()
                .map(|(sep, s)| sep.len() + s.text.len())
                .sum();
            let mut text = String::with_capacity(bytes);
            for (sep, s) in &draft.sentences {
                text.push_str(sep);
                let start = text.len() as u32;
                text.push_str(&s.text);
                if let Some(change) = s.change {
                    conflicts.push(Conflict {
                        sentence: sentences.len() as u32,
                        change,
                    });
                }
                sentences.push(SentenceRecord {
                    doc: doc as u32,
                    start,
                    end: text.len() as u32,
                    cluster: s.cluster,
                });
            }
            documents.push(Article {
                id: draft.id,
                source: draft.source,
                published: draft.published,
                text,
                story: draft.story,
            });
        }
        let gold_pairs = gold_pairs(&sentences);
        Corpus {
            params,
            sources,
            documents,
            sentences,
            gold_pairs,
            conflicts,
            stories,
        }
    }
}

/// Every pair of renderings of one claim in two different articles, sorted.
fn gold_pairs(sentences: &[SentenceRecord]) -> Vec<(u32, u32)> {
    let mut members: Vec<(ClusterId, u32)> = sentences
        .iter()
        .enumerate()
        .filter_map(|(sid, s)| s.cluster.map(|c| (c, sid as u32)))
        .collect();
    members.sort_unstable();
    let mut pairs = Vec::new();
    for run in members.chunk_by(|a, b| a.0 == b.0) {
        for (i, &(_, a)) in run.iter().enumerate() {
            for &(_, b) in &run[i + 1..] {
                if sentences[a as usize].doc != sentences[b as usize].doc {
                    pairs.push((a, b));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs
}
