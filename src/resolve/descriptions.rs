//! Descriptions of people ("the Belarusian leader", "the finance minister"): the actor
//! whose roles and nationality fit, preferring actors mentioned before in the same
//! document.

use super::State;
use crate::extract::actors::lexicon::{vague_qualifier, Lexicon};
use crate::extract::actors::MentionForm;
use crate::model::{ActorKind, Role};
use std::collections::{BTreeMap, BTreeSet};

/// What each cluster is known as when step 4 starts: role nouns, countries and role
/// phrases of its members.
struct Profiles<'a> {
    /// Lower-case role nouns ("leader", "president").
    roles: Vec<BTreeSet<&'a str>>,
    /// Countries.
    nationalities: Vec<BTreeSet<&'a str>>,
    /// The role phrases as words ("finance minister" -> ["finance", "minister"]).
    phrases: Vec<BTreeSet<Vec<String>>>,
}

impl<'a> Profiles<'a> {
    fn new(state: &State<'a>) -> Profiles<'a> {
        let n = state.clusters.len();
        let mut p = Profiles {
            roles: vec![BTreeSet::new(); n],
            nationalities: vec![BTreeSet::new(); n],
            phrases: vec![BTreeSet::new(); n],
        };
        let lex = Lexicon::get();
        let mentions = state.mentions;
        for (c, cl) in state.clusters.iter().enumerate() {
            for &(d, mi) in &cl.members {
                let m = &mentions[d][mi];
                p.roles[c].extend(m.role_heads.iter().map(String::as_str));
                p.nationalities[c].extend(m.nationality.as_deref());
                p.phrases[c].extend(m.roles.iter().map(|r| role_words(r, lex)));
            }
        }
        p
    }
}

/// A description of a person, as compared with actors.
struct Description<'m> {
    /// Its role noun ("leader").
    head: &'m str,
    /// The country it states ("Belarusian").
    nationality: Option<&'m str>,
    /// Its words up to the head ("leader of Belarus" -> ["leader"]).
    words: &'m [String],
}

impl Description<'_> {
    /// How well cluster `c` fits: 0 not at all, higher better.
    fn fit(&self, state: &State, profiles: &Profiles, c: usize) -> u8 {
        crate::work::tick(1);
        if state.clusters[c].kind != Some(ActorKind::Person) {
            return 0;
        }
        if let Some(n) = self.nationality {
            if !profiles.nationalities[c].contains(n) {
                return 0;
            }
        }
        let words = self.words;
        let fit = role_fit(self.head, &profiles.roles[c]);
        if fit == 0 || words.len() < 2 || words.last().map(String::as_str) != Some(self.head) {
            return fit;
        }
        // A leader known by another title ("the Belarusian leader" for a president)
        // fits only bare or vaguely qualified: "the opposition leader" names a role of
        // its own.
        if fit < 3 && !words[..words.len() - 1].iter().all(|w| vague_qualifier(w)) {
            return 0;
        }
        // "the finance minister" is not the interior minister: among the actor's role
        // phrases with this head, one must carry the description's words.
        let same_head: Vec<&Vec<String>> = profiles.phrases[c]
            .iter()
            .filter(|p| p.last().map(String::as_str) == Some(self.head) && p.len() > 1)
            .collect();
        if same_head.is_empty() {
            fit
        } else if same_head
            .iter()
            .any(|p| words.iter().all(|w| p.contains(w)))
        {
            fit + 1
        } else {
            0
        }
    }
}

/// How many distinct actors mentioned before a description in its document are
/// tried, latest first. A description refers to someone mentioned shortly before;
/// the bound keeps a document naming thousands of actors linear.
const RECENT_ACTORS: usize = 256;

/// What a description is compared by: its role noun, country and words.
type DescriptionKey<'m> = (&'m str, Option<&'m str>, Vec<String>);

/// For one kind of description, the best fit of any cluster, and the one cluster
/// with that fit when there is exactly one.
#[derive(Clone, Copy)]
struct Anywhere {
    best: u8,
    the_one: Option<usize>,
}

/// Step 4: descriptions of people join the best-fitting actor mentioned before them in
/// their document (the latest on a tie), else the one best-fitting actor of the input.
pub(super) fn by_role(state: &mut State) {
    let profiles = Profiles::new(state);
    let index = RoleIndex::new(state, &profiles);
    let lex = Lexicon::get();
    let mentions = state.mentions;
    // Everything about a description but its place depends on its key alone.
    let mut anywhere: BTreeMap<DescriptionKey, Anywhere> = BTreeMap::new();
    let is_description = |&(kind, form): &(ActorKind, MentionForm)| {
        kind == ActorKind::Person && form == MentionForm::Description
    };
    for di in 0..state.order.len() {
        let d = state.order[di];
        let Some(last) = state.meta[d].iter().rposition(is_description) else {
            continue;
        };
        let mut recent = Recent::default();
        for (mi, m) in mentions[d].iter().enumerate().take(last + 1) {
            if is_description(&state.meta[d][mi]) {
                let mut words = role_words(&Role::new(m.name(&state.docs[d].text)), lex);
                if let Some(pos) = words.iter().position(|w| *w == m.head) {
                    words.truncate(pos + 1);
                }
                let key: DescriptionKey = (&m.head, m.nationality.as_deref(), words);
                let desc = Description {
                    head: key.0,
                    nationality: key.1,
                    words: &key.2,
                };
                let any = match anywhere.get(&key) {
                    Some(&any) => any,
                    None => {
                        let any = the_one_anywhere(state, &profiles, &index, &desc);
                        anywhere.insert(key.clone(), any);
                        any
                    }
                };
                let pick = best_recent(state, &profiles, &desc, &recent, any.best).or(any.the_one);
                if let Some(c) = pick {
                    state.join(d, mi, c);
                }
            }
            if let Some(c) = state.assign[d][mi] {
                recent.mentioned(c, mi);
            }
        }
    }
}

/// The clusters mentioned so far in a document, by the position of their latest
/// mention.
#[derive(Default)]
struct Recent {
    by_position: BTreeMap<usize, usize>,
    position_of: BTreeMap<usize, usize>,
}

impl Recent {
    /// Cluster `c` is mentioned at mention `mi`.
    fn mentioned(&mut self, c: usize, mi: usize) {
        if let Some(old) = self.position_of.insert(c, mi) {
            self.by_position.remove(&old);
        }
        self.by_position.insert(mi, c);
    }

    /// The clusters, latest mentioned first.
    fn latest_first(&self) -> impl Iterator<Item = usize> + '_ {
        self.by_position.values().rev().copied()
    }
}

/// The best-fitting of the clusters mentioned before in the document, the latest on a
/// tie; no cluster can fit better than `best`.
fn best_recent(
    state: &State,
    profiles: &Profiles,
    desc: &Description,
    recent: &Recent,
    best: u8,
) -> Option<usize> {
    if best == 0 {
        return None;
    }
    let mut found: Option<(u8, usize)> = None;
    for c in recent.latest_first().take(RECENT_ACTORS) {
        let f = desc.fit(state, profiles, c);
        if f > 0 && found.is_none_or(|(bf, _)| f > bf) {
            found = Some((f, c));
            if f >= best {
                break;
            }
        }
    }
    found.map(|(_, c)| c)
}

/// The best fit of any cluster of the input, and the one cluster with it when there
/// is exactly one. Only the clusters that hold a role noun the description's head can
/// fit are asked ([`RoleIndex::candidates`]): any other fits 0, and asking every
/// cluster for every kind of description grows with the square of a mixed feed.
fn the_one_anywhere(
    state: &State,
    profiles: &Profiles,
    index: &RoleIndex,
    desc: &Description,
) -> Anywhere {
    let mut out = Anywhere {
        best: 0,
        the_one: None,
    };
    let mut ties = 0;
    for c in index.candidates(desc.head) {
        let f = desc.fit(state, profiles, c);
        if f == 0 || f < out.best {
            continue;
        }
        if f > out.best {
            out.best = f;
            ties = 0;
            out.the_one = Some(c);
        }
        ties += 1;
    }
    if ties != 1 {
        out.the_one = None;
    }
    out
}

/// A role phrase as lower-case words without determiners, "of", possessive endings
/// and nationality adjectives: "the Chinese Foreign Minister" -> ["foreign",
/// "minister"], "president of Belarus" -> ["president", "belarus"].
fn role_words(role: &Role, lex: &Lexicon) -> Vec<String> {
    role.words()
        .map(|w| w.text)
        .filter(|w| {
            !w.is_empty()
                && !matches!(*w, "the" | "a" | "an" | "of")
                && !lex.nationalities.contains_key(*w)
        })
        .map(str::to_string)
        .collect()
}

/// Role nouns of one spokesperson.
const SPOKES: [&str; 3] = ["spokesman", "spokeswoman", "spokesperson"];

/// Role nouns of a head of state or government, all of which "leader" fits.
const HEADS_OF_STATE: [&str; 12] = [
    "president",
    "premier",
    "prime minister",
    "chancellor",
    "king",
    "queen",
    "ruler",
    "monarch",
    "emperor",
    "dictator",
    "strongman",
    "autocrat",
];

/// Heads that fit a president or a leader ("the strongman").
const STRONG_RULERS: [&str; 4] = ["ruler", "strongman", "autocrat", "dictator"];

/// How well a description's role noun fits an actor's roles: 0 not at all, 3 exactly.
/// Only an actor holding one of [`fitting_roles`] of `head` can fit.
fn role_fit(head: &str, roles: &BTreeSet<&str>) -> u8 {
    if roles.contains(head) || (SPOKES.contains(&head) && SPOKES.iter().any(|s| roles.contains(*s)))
    {
        return 3;
    }
    match head {
        "leader" if roles.contains("president") => 2,
        "leader" if HEADS_OF_STATE.iter().any(|r| roles.contains(*r)) => 1,
        h if STRONG_RULERS.contains(&h)
            && (roles.contains("president") || roles.contains("leader")) =>
        {
            1
        }
        "president" if roles.contains("leader") => 1,
        _ => 0,
    }
}

/// Every role noun an actor must hold for [`role_fit`] of `head` to be above 0.
fn fitting_roles(head: &str) -> Vec<&str> {
    let mut out = vec![head];
    if SPOKES.contains(&head) {
        out.extend(SPOKES);
    }
    match head {
        "leader" => out.extend(HEADS_OF_STATE),
        "president" => out.push("leader"),
        h if STRONG_RULERS.contains(&h) => out.extend(["president", "leader"]),
        _ => {}
    }
    out
}

/// The person clusters holding each role noun, in cluster order: a description is
/// compared only with the clusters its head can fit, so the work per description is
/// the number of actors holding its role, not the number of actors of the input.
struct RoleIndex<'a> {
    by_role: BTreeMap<&'a str, Vec<usize>>,
}

impl<'a> RoleIndex<'a> {
    fn new(state: &State, profiles: &Profiles<'a>) -> RoleIndex<'a> {
        let mut by_role: BTreeMap<&'a str, Vec<usize>> = BTreeMap::new();
        for (c, roles) in profiles.roles.iter().enumerate() {
            if state.clusters[c].kind != Some(ActorKind::Person) {
                continue;
            }
            for &r in roles {
                by_role.entry(r).or_default().push(c);
            }
        }
        RoleIndex { by_role }
    }

    /// The clusters that may fit a description with role noun `head`, in cluster
    /// order, each once.
    fn candidates(&self, head: &str) -> Vec<usize> {
        let mut out: Vec<usize> = fitting_roles(head)
            .into_iter()
            .filter_map(|r| self.by_role.get(r))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_actor_fits_only_through_a_role_the_index_lists() {
        // every head against every one- and two-role actor made of these nouns
        let mut nouns: Vec<&str> = vec!["minister", "leader", "president", "governor"];
        nouns.extend(SPOKES);
        nouns.extend(HEADS_OF_STATE);
        nouns.extend(STRONG_RULERS);
        for &head in &nouns {
            let fitting = fitting_roles(head);
            for &a in &nouns {
                for &b in &nouns {
                    let roles: BTreeSet<&str> = [a, b].into_iter().collect();
                    if role_fit(head, &roles) > 0 {
                        assert!(
                            roles.iter().any(|r| fitting.contains(r)),
                            "{head} fits {roles:?} outside the index"
                        );
                    }
                }
            }
        }
    }
}
