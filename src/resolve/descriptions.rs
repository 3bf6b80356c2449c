//! Descriptions of people ("the Belarusian leader", "the finance minister"): the actor
//! whose roles and nationality fit, preferring actors mentioned before in the same
//! document.

use super::State;
use crate::extract::actors::lexicon::{vague_qualifier, Lexicon};
use crate::extract::actors::MentionForm;
use crate::model::{ActorKind, Role};
use std::collections::BTreeSet;

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
    words: Vec<String>,
}

impl Description<'_> {
    /// How well cluster `c` fits: 0 not at all, higher better.
    fn fit(&self, state: &State, profiles: &Profiles, c: usize) -> u8 {
        if state.clusters[c].kind != Some(ActorKind::Person) {
            return 0;
        }
        if let Some(n) = self.nationality {
            if !profiles.nationalities[c].contains(n) {
                return 0;
            }
        }
        let words = &self.words;
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

/// Step 4: descriptions of people join the best-fitting actor mentioned before them in
/// their document (the latest on a tie), else the one best-fitting actor of the input.
pub(super) fn by_role(state: &mut State) {
    let profiles = Profiles::new(state);
    let lex = Lexicon::get();
    let mentions = state.mentions;
    for di in 0..state.order.len() {
        let d = state.order[di];
        for (mi, m) in mentions[d].iter().enumerate() {
            let (kind, form) = state.meta[d][mi];
            if kind != ActorKind::Person || form != MentionForm::Description {
                continue;
            }
            let mut words = role_words(&Role::new(m.name(&state.docs[d].text)), lex);
            if let Some(pos) = words.iter().position(|w| *w == m.head) {
                words.truncate(pos + 1);
            }
            let desc = Description {
                head: &m.head,
                nationality: m.nationality.as_deref(),
                words,
            };
            let pick = best_before(state, &profiles, &desc, d, mi)
                .or_else(|| the_one_anywhere(state, &profiles, &desc));
            if let Some(c) = pick {
                state.join(d, mi, c);
            }
        }
    }
}

/// The best-fitting cluster of the mentions before `mi` in document `d`, the latest on
/// a tie.
fn best_before(
    state: &State,
    profiles: &Profiles,
    desc: &Description,
    d: usize,
    mi: usize,
) -> Option<usize> {
    let mut best: Option<(u8, usize)> = None;
    let mut seen = BTreeSet::new();
    for j in (0..mi).rev() {
        if let Some(c) = state.assign[d][j] {
            if seen.insert(c) {
                let f = desc.fit(state, profiles, c);
                if f > 0 && best.map(|(bf, _)| f > bf).unwrap_or(true) {
                    best = Some((f, c));
                }
            }
        }
    }
    best.map(|(_, c)| c)
}

/// The one best-fitting cluster of the input, when there is exactly one.
fn the_one_anywhere(state: &State, profiles: &Profiles, desc: &Description) -> Option<usize> {
    let scored: Vec<(u8, usize)> = (0..state.clusters.len())
        .map(|c| (desc.fit(state, profiles, c), c))
        .filter(|&(f, _)| f > 0)
        .collect();
    let top = scored.iter().map(|&(f, _)| f).max()?;
    let mut tops = scored.iter().filter(|&&(f, _)| f == top);
    match (tops.next(), tops.next()) {
        (Some(&(_, c)), None) => Some(c),
        _ => None,
    }
}

/// A role phrase as lower-case words without determiners, "of", possessive endings
/// and nationality adjectives: "the Chinese Foreign Minister" -> ["foreign",
/// "minister"], "president of Belarus" -> ["president", "belarus"].
fn role_words(role: &Role, lex: &Lexicon) -> Vec<String> {
    role.words()
        .iter()
        .map(|w| w.text.as_str())
        .filter(|w| {
            !w.is_empty()
                && !matches!(*w, "the" | "a" | "an" | "of")
                && !lex.nationality.contains_key(*w)
        })
        .map(str::to_string)
        .collect()
}

/// How well a description's role noun fits an actor's roles: 0 not at all, 3 exactly.
fn role_fit(head: &str, roles: &BTreeSet<&str>) -> u8 {
    let spokes = ["spokesman", "spokeswoman", "spokesperson"];
    if roles.contains(head) || (spokes.contains(&head) && spokes.iter().any(|s| roles.contains(*s)))
    {
        return 3;
    }
    let heads_of_state = [
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
    match head {
        "leader" if roles.contains("president") => 2,
        "leader" if heads_of_state.iter().any(|r| roles.contains(*r)) => 1,
        "ruler" | "strongman" | "autocrat" | "dictator"
            if roles.contains("president") || roles.contains("leader") =>
        {
            1
        }
        "president" if roles.contains("leader") => 1,
        _ => 0,
    }
}
