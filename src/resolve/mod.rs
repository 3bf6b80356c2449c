//! Across documents: which mentions name the same actor.
//!
//! People are clustered by their names. A full name is split into family and given
//! names (family name first for names whose first part is a listed Chinese, Korean or
//! Vietnamese family name, so "Mr Xi" is Xi Jinping). Two full names are one person
//! when their given names agree and their family names are equal or transliteration
//! variants (Zelensky / Zelenskyy); a shared family name never merges two full names
//! whose given names disagree (Wang Yi / Wang Wenbin). A bare family name ("Xi",
//! "Mr Li") joins the one full name with that family name in its document, else the one
//! in the whole input; when there are several it stays unassigned rather than guessed.
//! Bodies are clustered by name and nationality ("Chinese foreign ministry" and
//! "China’s foreign ministry" are one), and a bare name or "the ministry" joins the one
//! body of that kind mentioned before it. Descriptions of people ("the Belarusian
//! leader", "the premier") join the actor whose roles and nationality fit, preferring
//! actors mentioned just before in the same document.
//!
//! Results do not depend on the order of the documents: documents are visited in id
//! order and actors are numbered after sorting by name.
//!
//! ```
//! use corroborate::{extract::actors, resolve, segment, Document};
//! let docs = vec![
//!     Document::new("a", "Chinese President Xi Jinping met Wang Yi."),
//!     Document::new("b", "Mr Xi spoke. Foreign ministry spokesman Wang Wenbin agreed."),
//! ];
//! let mentions: Vec<_> = docs.iter().map(|d| actors::mentions(d, &segment::sentences(d))).collect();
//! let r = resolve::actors(&docs, &mentions);
//! let names: Vec<&str> = r.actors.iter().map(|a| a.name.as_str()).collect();
//! assert_eq!(names, ["Wang Wenbin", "Wang Yi", "Xi Jinping"]);
//! assert_eq!(r.actors[2].aliases, ["Mr Xi", "President Xi Jinping", "Xi"]);
//! ```

mod assemble;
mod bodies;
mod descriptions;
#[cfg(test)]
mod linear_cost;
mod names;
mod people;

use crate::extract::actors::{LocalMention, MentionForm};
use crate::extract::DocumentExtraction;
use crate::model::{
    Actor, ActorId, ActorKind, DocId, Document, Mention, Quote, QuoteId, QuoteKind, ReferenceForm,
    Span,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Actors and quotations across a set of documents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// One actor per person or body, sorted by name, ids from 0.
    pub actors: Vec<Actor>,
    /// Every quotation, direct and indirect, in document-id then text order.
    pub quotes: Vec<Quote>,
}

/// The actors of `docs` and their quotations with speakers, from each document's own
/// extraction (`found[d]` is [`crate::extract::document`] of `docs[d]`).
///
/// The result does not depend on the order of `docs`.
///
/// ```
/// use corroborate::{extract, resolve, Document};
/// let docs = [
///     Document::new("a", "“We will win,” President Xi Jinping said."),
///     Document::new("b", "“We will surely win,” Mr Xi said."),
/// ];
/// let found: Vec<_> = docs.iter().map(extract::document).collect();
/// let x = resolve::extraction(&docs, &found);
/// assert_eq!(x.actors.len(), 1);
/// assert_eq!(x.actors[0].name, "Xi Jinping");
/// assert!(x.quotes.iter().all(|q| q.speaker == Some(x.actors[0].id)));
/// ```
pub fn extraction(docs: &[Document], found: &[DocumentExtraction]) -> Extraction {
    let mentions: Vec<&[LocalMention]> = found.iter().map(|f| f.mentions.as_slice()).collect();
    let resolution = resolve_actors(docs, &mentions);
    // Documents in id order; each document's quotes are already in text order, so the
    // list comes out sorted unless two documents share an id.
    let mut order: Vec<usize> = (0..docs.len().min(found.len())).collect();
    order.sort_by(|&a, &b| docs[a].id.cmp(&docs[b].id));
    let mut quotes = Vec::with_capacity(found.iter().map(|f| f.quotes.len()).sum());
    for &d in &order {
        let doc = &docs[d];
        for q in &found[d].quotes {
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
    let key = |q: &Quote| (q.span.start, q.span.end, q.kind == QuoteKind::Indirect);
    let in_order = quotes
        .windows(2)
        .all(|w| (&w[0].doc, key(&w[0])) <= (&w[1].doc, key(&w[1])));
    if !in_order {
        quotes.sort_by(|a, b| (&a.doc, key(a)).cmp(&(&b.doc, key(b))));
    }
    for (i, q) in quotes.iter_mut().enumerate() {
        q.id = QuoteId(i as u32);
    }
    let mut actors = resolution.actors;
    add_speaker_references(&mut actors, docs, &quotes);
    Extraction { actors, quotes }
}

/// Adds to each actor the pronouns and descriptions that name it as a speaker ("he
/// said", "the billionaire said"), resolved within their document: in-document
/// coreference as far as attribution needed it.
fn add_speaker_references(actors: &mut [Actor], docs: &[Document], quotes: &[Quote]) {
    // (actor, doc, span) once each: a cue's speaker phrase serves several quotes.
    let mut refs: Vec<(ActorId, &DocId, Span)> = quotes
        .iter()
        .filter_map(|q| Some((q.speaker?, &q.doc, q.speaker_span?)))
        .collect();
    refs.sort();
    refs.dedup();
    let text_of: BTreeMap<&DocId, &str> = docs.iter().map(|d| (&d.id, d.text.as_str())).collect();
    let mut touched = vec![false; actors.len()];
    // the mentions each actor had before, sorted, so that a speaker phrase is checked
    // against them by binary search (a long document repeats one speaker many times)
    for a in actors.iter_mut() {
        if !a
            .mentions
            .is_sorted_by_key(|m| (m.doc.clone(), m.span.start))
        {
            a.mentions
                .sort_by(|x, y| (&x.doc, x.span.start).cmp(&(&y.doc, y.span.start)));
        }
    }
    let own: Vec<usize> = actors.iter().map(|a| a.mentions.len()).collect();
    for (id, doc, span) in refs {
        let Some(actor) = actors.get_mut(id.0 as usize).filter(|a| a.id == id) else {
            continue;
        };
        // A speaker phrase that holds one of the actor's own mentions names it.
        let before = &actor.mentions[..own[id.0 as usize].min(actor.mentions.len())];
        let upto = before.partition_point(|m| (&m.doc, m.span.start) < (doc, span.end));
        let named = before[..upto]
            .iter()
            .rev()
            .take(OVERLAP_LOOKBACK)
            .any(|m| &m.doc == doc && span.start < m.span.end);
        let Some(text) = text_of.get(doc).and_then(|t| t.get(span.start..span.end)) else {
            continue;
        };
        if named {
            continue;
        }
        let form = if is_personal_pronoun(text) {
            ReferenceForm::Pronoun
        } else {
            ReferenceForm::Description
        };
        actor.mentions.push(Mention {
            doc: doc.clone(),
            span,
            text: text.to_string(),
            form,
        });
        touched[id.0 as usize] = true;
    }
    for (a, t) in actors.iter_mut().zip(touched) {
        if t {
            a.mentions
                .sort_by(|x, y| (&x.doc, x.span.start).cmp(&(&y.doc, y.span.start)));
        }
    }
}

/// How many of an actor's mentions starting before a speaker phrase's end are checked
/// for overlap with it: mentions are names a few words long, so only the last few can
/// reach into the phrase.
const OVERLAP_LOOKBACK: usize = 4;

/// Whether `text` is a personal pronoun that can name a speaker.
fn is_personal_pronoun(text: &str) -> bool {
    matches!(
        text.to_lowercase().as_str(),
        "he" | "she" | "it" | "they" | "him" | "her" | "we" | "i"
    )
}

/// Actors across documents, and which actor each local mention belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolution {
    /// The actors, numbered in order of name.
    pub actors: Vec<Actor>,
    /// For document `d` (in the order given) and its mention `m`, the actor of that
    /// mention, or `None` (a place, an ambiguous bare name, an unresolved description).
    pub assignment: Vec<Vec<Option<ActorId>>>,
}

impl Resolution {
    /// The actor of mention `mention` of document `doc` (indices as given).
    pub fn actor_of(&self, doc: usize, mention: usize) -> Option<ActorId> {
        self.assignment.get(doc)?.get(mention).copied().flatten()
    }
}

/// Mentions grouped into would-be actors.
#[derive(Default)]
struct Cluster {
    kind: Option<ActorKind>,
    /// (document, mention) of every member.
    members: Vec<(usize, usize)>,
    /// Documents with a member.
    docs: BTreeSet<usize>,
}

/// Resolution in progress: which cluster each mention has joined so far.
struct State<'a> {
    docs: &'a [Document],
    mentions: &'a [&'a [LocalMention]],
    /// Document indices in id order (then input order).
    order: Vec<usize>,
    /// Kind and form of every mention, compact: the passes filter on them, and
    /// scanning these is much cheaper than scanning the mentions themselves.
    meta: Vec<Vec<(ActorKind, MentionForm)>>,
    /// For document `d` and its mention `mi`, the cluster it has joined.
    assign: Vec<Vec<Option<usize>>>,
    clusters: Vec<Cluster>,
}

impl<'a> State<'a> {
    fn new(docs: &'a [Document], mentions: &'a [&'a [LocalMention]]) -> State<'a> {
        let mut order: Vec<usize> = (0..docs.len().min(mentions.len())).collect();
        order.sort_by(|&a, &b| docs[a].id.cmp(&docs[b].id).then(a.cmp(&b)));
        State {
            docs,
            mentions,
            order,
            meta: mentions
                .iter()
                .map(|ms| ms.iter().map(|m| (m.kind, m.form)).collect())
                .collect(),
            assign: mentions.iter().map(|m| vec![None; m.len()]).collect(),
            clusters: Vec::new(),
        }
    }

    /// A new, empty cluster of `kind`.
    fn new_cluster(&mut self, kind: ActorKind) -> usize {
        self.clusters.push(Cluster {
            kind: Some(kind),
            ..Cluster::default()
        });
        self.clusters.len() - 1
    }

    /// Mention `mi` of document `d` joins cluster `c`.
    fn join(&mut self, d: usize, mi: usize, c: usize) {
        self.assign[d][mi] = Some(c);
        self.clusters[c].members.push((d, mi));
        self.clusters[c].docs.insert(d);
    }

    /// Of the distinct clusters `cands`, the one a mention of document `d` may join
    /// without guessing: the single one with a member in `d`, else, when none has,
    /// the single candidate.
    fn the_one(&self, d: usize, cands: impl Iterator<Item = usize> + Clone) -> Option<usize> {
        let mut in_doc = cands.clone().filter(|&c| {
            crate::work::tick(1);
            self.clusters[c].docs.contains(&d)
        });
        match (in_doc.next(), in_doc.next()) {
            (Some(c), None) => Some(c),
            (Some(_), Some(_)) => None,
            (None, _) => {
                let mut all = cands;
                match (all.next(), all.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            }
        }
    }
}

/// One actor per person or body across `docs`. `mentions[d]` are the mentions of
/// `docs[d]` from [`crate::extract::actors::mentions`]. Place mentions are left out.
pub fn actors(docs: &[Document], mentions: &[Vec<LocalMention>]) -> Resolution {
    let mentions: Vec<&[LocalMention]> = mentions.iter().map(Vec::as_slice).collect();
    resolve_actors(docs, &mentions)
}

/// [`actors`] over borrowed mention lists.
fn resolve_actors(docs: &[Document], mentions: &[&[LocalMention]]) -> Resolution {
    let mut state = State::new(docs, mentions);
    people::full_and_family_names(&mut state);
    let bodies = bodies::by_name(&mut state);
    bodies::by_head(&mut state, bodies);
    descriptions::by_role(&mut state);
    assemble::actors(state)
}
