//! People by name: full names unioned by compatibility, then bare family names joined
//! to the one full name they fit.

use super::names::{
    family_eq, family_keys, given_eq, given_keys, person_name, skeleton, skeleton_eq, PersonName,
};
use super::State;
use crate::extract::actors::lexicon::Map;
use crate::extract::actors::{LocalMention, MentionForm};
use crate::model::{ActorKind, Document};
use std::collections::{BTreeMap, BTreeSet};

/// The normalized name of every person name mention, made once per distinct name.
struct Names {
    /// The distinct names' normalized forms.
    distinct: Vec<Option<PersonName>>,
    /// For document `d` and its mention `mi`, the index of its name in `distinct`.
    of: Vec<Vec<Option<usize>>>,
}

impl Names {
    fn new(docs: &[Document], mentions: &[&[LocalMention]]) -> Names {
        let mut distinct: Vec<Option<PersonName>> = Vec::new();
        let mut index: Map<&str, usize> = Map::default();
        let of = mentions
            .iter()
            .zip(docs)
            .map(|(ms, doc)| {
                ms.iter()
                    .map(|m| {
                        (m.kind == ActorKind::Person && m.form == MentionForm::Name).then(|| {
                            let name = m.name(&doc.text);
                            *index.entry(name).or_insert_with(|| {
                                distinct.push(person_name(name));
                                distinct.len() - 1
                            })
                        })
                    })
                    .collect()
            })
            .collect();
        Names { distinct, of }
    }

    /// The normalized name of mention `mi` of document `d`, when it is a person's name.
    fn get(&self, d: usize, mi: usize) -> Option<&PersonName> {
        self.of[d][mi].and_then(|i| self.distinct[i].as_ref())
    }
}

/// The full names' clusters, for joining bare family names to them.
struct FullNames {
    /// (family, its skeleton, cluster) for every full name.
    by_family: Vec<(String, String, usize)>,
    /// For each blocking key of a family name ([`family_keys`]), the entries of
    /// `by_family` with that key.
    family_index: Map<String, Vec<usize>>,
    /// Clusters of names read family-first, by their last given name: a bare "Kabo"
    /// after "Wei Kabo" is that person when no full name has the family name Kabo (the
    /// family-first reading was wrong).
    by_last_given: Map<String, Vec<usize>>,
}

/// How many full names sharing a family key are compared pair by pair; a larger
/// group is first split by the keys of their first given names.
const PAIRWISE_GROUP: usize = 8;

/// Steps 1 and 2: full person names, unioned by compatibility, then bare family names.
pub(super) fn full_and_family_names(state: &mut State) {
    let names = Names::new(state.docs, state.mentions);
    let full = full_names(state, &names);
    family_names(state, &names, &full);
}

/// Joins the union-find sets of `i` and `j` (the smaller root stays root).
fn union(parent: &mut [usize], i: usize, j: usize) {
    let (a, b) = (find(parent, i), find(parent, j));
    if a != b {
        parent[a.max(b)] = a.min(b);
    }
}

/// Union-find root of `x`, with path compression.
fn find(p: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while p[r] != r {
        r = p[r];
    }
    let mut y = x;
    while p[y] != r {
        let next = p[y];
        p[y] = r;
        y = next;
    }
    r
}

/// Clusters of full names (with a given name): two are one person when their family
/// names are one and their given names agree.
fn full_names(state: &mut State, names: &Names) -> FullNames {
    let mut full: BTreeMap<&PersonName, Vec<(usize, usize)>> = BTreeMap::new();
    for &d in &state.order {
        for mi in 0..names.of[d].len() {
            if let Some(p) = names.get(d, mi).filter(|p| !p.given.is_empty()) {
                full.entry(p).or_default().push((d, mi));
            }
        }
    }
    let keys: Vec<&PersonName> = full.keys().copied().collect();
    let mut parent = union_compatible(&keys);
    let mut root_cluster: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out = FullNames {
        by_family: Vec::new(),
        family_index: Map::default(),
        by_last_given: Map::default(),
    };
    for (i, k) in keys.iter().enumerate() {
        let r = find(&mut parent, i);
        let c = *root_cluster
            .entry(r)
            .or_insert_with(|| state.new_cluster(ActorKind::Person));
        for key in family_keys(&k.family) {
            out.family_index
                .entry(key)
                .or_default()
                .push(out.by_family.len());
        }
        out.by_family
            .push((k.family.clone(), skeleton(&k.family), c));
        if k.family_first {
            if let Some(last) = k.given.last() {
                out.by_last_given.entry(last.clone()).or_default().push(c);
            }
        }
        for &(d, mi) in &full[k] {
            state.join(d, mi, c);
        }
    }
    out
}

/// Union-find parents over `keys` (sorted) after joining every two that are one
/// person: family names one ([`family_eq`]) and given names agreeing ([`given_eq`],
/// asked with the earlier key first). Only keys sharing blocking keys are compared.
fn union_compatible(keys: &[&PersonName]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    // Names alike in family and first given name are always one (the other given
    // names are not compared): one of each is compared further.
    let mut first_of: Map<(&str, &str), usize> = Map::default();
    let mut reps: Vec<usize> = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        let g = k.given.first().map(String::as_str).unwrap_or_default();
        match first_of.get(&(k.family.as_str(), g)) {
            Some(&r) => union(&mut parent, r, i),
            None => {
                first_of.insert((k.family.as_str(), g), i);
                reps.push(i);
            }
        }
    }
    // Blocking keys made once per compared name.
    let family_keys_of: Vec<Vec<String>> =
        reps.iter().map(|&r| family_keys(&keys[r].family)).collect();
    let given_keys_of: Vec<Vec<String>> = reps
        .iter()
        .map(|&r| {
            given_keys(
                keys[r]
                    .given
                    .first()
                    .map(String::as_str)
                    .unwrap_or_default(),
            )
        })
        .collect();
    let mut by_family: Map<&str, Vec<usize>> = Map::default();
    for (x, fk) in family_keys_of.iter().enumerate() {
        for key in fk {
            by_family.entry(key.as_str()).or_default().push(x);
        }
    }
    let compare = |parent: &mut Vec<usize>, x: usize, y: usize| {
        let (i, j) = (reps[x].min(reps[y]), reps[x].max(reps[y]));
        if family_eq(&keys[i].family, &keys[j].family) && given_eq(&keys[i].given, &keys[j].given) {
            union(parent, i, j);
        }
    };
    let pairs = |parent: &mut Vec<usize>, group: &[usize]| {
        for (n, &x) in group.iter().enumerate() {
            for &y in &group[n + 1..] {
                compare(parent, x, y);
            }
        }
    };
    // Which pairs are compared does not depend on the order groups are visited in,
    // and joining is order-free.
    for group in by_family.values().filter(|g| g.len() > 1) {
        if group.len() <= PAIRWISE_GROUP {
            pairs(&mut parent, group);
            continue;
        }
        let mut by_given: Map<&str, Vec<usize>> = Map::default();
        for &x in group {
            for key in &given_keys_of[x] {
                by_given.entry(key.as_str()).or_default().push(x);
            }
        }
        for sub in by_given.values() {
            pairs(&mut parent, sub);
        }
    }
    parent
}

/// Bare family names ("Xi", "Mr Li"): the one full name with that family name in the
/// document, else in the input; unassigned when several fit; a cluster of their own
/// (one per spelling skeleton) when none does.
fn family_names(state: &mut State, names: &Names, full: &FullNames) {
    let mut surname_only: BTreeMap<String, usize> = BTreeMap::new();
    // The full names a family name fits depend on the family name alone: made once
    // per distinct family name.
    let mut family_cands: Map<String, (String, BTreeSet<usize>)> = Map::default();
    for di in 0..state.order.len() {
        let d = state.order[di];
        for mi in 0..state.meta[d].len() {
            let (kind, form) = state.meta[d][mi];
            if kind != ActorKind::Person
                || form != MentionForm::Name
                || state.assign[d][mi].is_some()
            {
                continue;
            }
            let Some(p) = names.get(d, mi) else {
                continue;
            };
            if !family_cands.contains_key(&p.family) {
                family_cands.insert(p.family.clone(), fitting_full_names(full, &p.family));
            }
            let Some((sk, cands)) = family_cands.get(&p.family) else {
                continue;
            };
            let pick = if cands.is_empty() {
                Some(
                    *surname_only
                        .entry(sk.clone())
                        .or_insert_with(|| state.new_cluster(ActorKind::Person)),
                )
            } else {
                state.the_one(d, cands.iter().copied())
            };
            if let Some(c) = pick {
                state.join(d, mi, c);
            }
        }
    }
}

/// The skeleton of `family` and the clusters of the full names it fits: those whose
/// family name is one with it, else those read family-first whose last given name it
/// is.
fn fitting_full_names(full: &FullNames, family: &str) -> (String, BTreeSet<usize>) {
    let sk = skeleton(family);
    let mut cands: BTreeSet<usize> = BTreeSet::new();
    for key in family_keys(family) {
        for &e in full
            .family_index
            .get(&key)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let (f, fs, c) = &full.by_family[e];
            if skeleton_eq(f, fs, family, &sk) {
                cands.insert(*c);
            }
        }
    }
    if cands.is_empty() {
        if let Some(cs) = full.by_last_given.get(family) {
            cands.extend(cs.iter().copied());
        }
    }
    (sk, cands)
}
