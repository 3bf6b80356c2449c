//! Bodies (organizations, outlets, speaking documents) by name and nationality, and
//! "the ministry"-like descriptions by the bodies mentioned before them.

use super::State;
use crate::extract::actors::lexicon::{Lexicon, Map};
use crate::extract::actors::{LocalMention, MentionForm};
use crate::model::ActorKind;
use std::collections::{BTreeMap, BTreeSet};

/// Whether mention `m` names a body (not a person, not a place).
fn is_body(m: &LocalMention) -> bool {
    m.kind != ActorKind::Person && m.form != MentionForm::Place
}

/// A body's name without determiners or nationality words: "the Chinese foreign
/// ministry" and "China’s Foreign Ministry" both give "foreign ministry".
fn body_key(name: &str) -> String {
    let lex = Lexicon::get();
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| {
            w.trim_end_matches("’s")
                .trim_end_matches("'s")
                .trim_end_matches('’')
        })
        .collect();
    let mut start = 0;
    while start + 1 < words.len()
        && (matches!(words[start], "the" | "a" | "an")
            || lex.nationalities.contains_key(words[start])
            || lex.places.contains_key(words[start]))
    {
        start += 1;
    }
    words[start..].join(" ")
}

/// The key of every body mention, made once per distinct name: `of[d][mi]` indexes
/// `distinct` (`usize::MAX` for other mentions).
struct BodyKeys {
    distinct: Vec<String>,
    of: Vec<Vec<usize>>,
}

impl BodyKeys {
    fn new(state: &State) -> BodyKeys {
        let mut index: Map<&str, usize> = Map::default();
        let mut distinct: Vec<String> = Vec::new();
        let of = state
            .mentions
            .iter()
            .zip(state.docs)
            .map(|(ms, doc)| {
                ms.iter()
                    .map(|m| {
                        if is_body(m) {
                            let name = m.name(&doc.text);
                            *index.entry(name).or_insert_with(|| {
                                distinct.push(body_key(name));
                                distinct.len() - 1
                            })
                        } else {
                            usize::MAX
                        }
                    })
                    .collect()
            })
            .collect();
        BodyKeys { distinct, of }
    }

    /// The key of mention `mi` of document `d` ("" when it is no body).
    fn get(&self, d: usize, mi: usize) -> &str {
        self.distinct
            .get(self.of[d][mi])
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// Step 3: bodies by name, qualified (with nationality) first, then bare names, which
/// join the one qualified body of that name (this document first). Then descriptions
/// ("the ministry", "the statement"), by [`by_head`].
pub(super) fn by_name(state: &mut State) -> Bodies {
    let keys = BodyKeys::new(state);
    let mentions = state.mentions;
    let mut bodies: BTreeMap<String, BTreeMap<Option<String>, usize>> = BTreeMap::new();
    for qualified_pass in [true, false] {
        for di in 0..state.order.len() {
            let d = state.order[di];
            for (mi, m) in mentions[d].iter().enumerate() {
                if !unassigned_body(state, d, mi) {
                    continue;
                }
                let key = keys.get(d, mi);
                // An anaphoric description ("the ministry") is left for `by_head`.
                let anaphoric =
                    m.form == MentionForm::Description && m.nationality.is_none() && key == m.head;
                if anaphoric || m.nationality.is_some() != qualified_pass {
                    continue;
                }
                let named = bodies.get(key);
                let the_one_qualified = || {
                    let qualified = named?.iter().filter(|(n, _)| n.is_some());
                    state.the_one(d, qualified.map(|(_, &c)| c))
                };
                let c = match (
                    &m.nationality,
                    m.nationality.is_none().then(the_one_qualified),
                ) {
                    (None, Some(Some(c))) => c,
                    (nationality, _) => *bodies
                        .entry(key.to_string())
                        .or_default()
                        .entry(nationality.clone())
                        .or_insert_with(|| state.new_cluster(m.kind)),
                };
                state.join(d, mi, c);
            }
        }
    }
    Bodies { keys, bodies }
}

/// The bodies found by name, for [`by_head`].
pub(super) struct Bodies {
    keys: BodyKeys,
    /// key -> nationality -> cluster.
    bodies: BTreeMap<String, BTreeMap<Option<String>, usize>>,
}

/// Whether mention `mi` of document `d` is a body no step has assigned yet.
fn unassigned_body(state: &State, d: usize, mi: usize) -> bool {
    let (kind, form) = state.meta[d][mi];
    kind != ActorKind::Person && form != MentionForm::Place && state.assign[d][mi].is_none()
}

/// "the ministry", "the statement": the latest body with that head before it in the
/// document, else the one such body in the document or the input, else its own.
pub(super) fn by_head(state: &mut State, found: Bodies) {
    let Bodies { keys, mut bodies } = found;
    let mentions = state.mentions;
    let mut by_head: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (c, cl) in state.clusters.iter().enumerate() {
        for &(d, mi) in &cl.members {
            let m = &mentions[d][mi];
            if is_body(m) {
                by_head.entry(m.head.as_str()).or_default().insert(c);
            }
        }
    }
    for di in 0..state.order.len() {
        let d = state.order[di];
        // The cluster of the latest assigned body mention with each head, so far.
        let mut latest: Map<&str, usize> = Map::default();
        for (mi, m) in mentions[d].iter().enumerate() {
            if !unassigned_body(state, d, mi) {
                if let (true, Some(c)) = (is_body(m), state.assign[d][mi]) {
                    latest.insert(m.head.as_str(), c);
                }
                continue;
            }
            let head = m.head.as_str();
            let before = latest.get(head).copied();
            let c = before.or_else(|| {
                let none = BTreeSet::new();
                let cands = by_head.get(head).unwrap_or(&none);
                state.the_one(d, cands.iter().copied())
            });
            let c = c.unwrap_or_else(|| {
                *bodies
                    .entry(keys.get(d, mi).to_string())
                    .or_default()
                    .entry(None)
                    .or_insert_with(|| state.new_cluster(m.kind))
            });
            state.join(d, mi, c);
            by_head.entry(head).or_default().insert(c);
            latest.insert(head, c);
        }
    }
}
