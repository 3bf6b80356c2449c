//! Term interning. Each worker interns the terms it emits in an [`Interner`] of its own
//! (no shared mutable state); when the workers are done their lists are merged into one
//! [`Vocabulary`], whose ids follow text order whatever the number of workers, and every
//! claim's tokens are re-pointed at it.

use crate::model::{Claim, ClaimId, ContentTokens, TermId, Vocabulary};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Terms in order of first use, each with a local id.
#[derive(Default)]
pub(crate) struct Interner {
    ids: FxHashMap<Box<str>, u32>,
    terms: Vec<Box<str>>,
}

impl Interner {
    /// The local id of `term`, a new one the first time.
    pub(crate) fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(term.into());
        self.ids.insert(term.into(), id);
        id
    }

    /// The terms, by local id.
    pub(crate) fn terms(&self) -> &[Box<str>] {
        &self.terms
    }
}

/// A claim whose tokens are still ids local to one list of terms (a worker's
/// [`Interner`], or the vocabulary of claims built before).
pub(super) struct Draft {
    pub(super) claim: Claim,
    /// Which list of terms `terms` index.
    pub(super) list: u32,
    pub(super) terms: Vec<u32>,
}

impl Draft {
    /// A claim already built, re-read as a draft over list `list`, its vocabulary.
    pub(super) fn of_claim(claim: &Claim, list: u32) -> Draft {
        Draft {
            terms: claim.tokens.ids().iter().map(|t| t.0).collect(),
            claim: claim.clone(),
            list,
        }
    }
}

/// The drafts as claims in one vocabulary merged from `lists`, ids numbered in order.
pub(super) fn finish(lists: &[&[Box<str>]], drafts: Vec<Draft>) -> Vec<Claim> {
    let (vocabulary, tables) = Vocabulary::merge(lists);
    let vocabulary = Arc::new(vocabulary);
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let table = &tables[d.list as usize];
            // mapped in place (same layout), so the list keeps its allocation
            let ids: Vec<TermId> = d
                .terms
                .into_iter()
                .filter_map(|t| table.get(t as usize).copied())
                .collect();
            let mut claim = d.claim;
            claim.id = ClaimId(i as u32);
            claim.tokens = ContentTokens::new(ids, Arc::clone(&vocabulary));
            claim
        })
        .collect()
}

/// The distinct vocabularies of `claims` in order of first use, and per claim the
/// index of its own.
pub(super) fn vocabularies<'c>(
    claims: impl Iterator<Item = &'c Claim>,
) -> (Vec<&'c Arc<Vocabulary>>, Vec<u32>) {
    let mut seen: FxHashMap<*const Vocabulary, u32> = FxHashMap::default();
    let mut distinct = Vec::new();
    let which = claims
        .map(|c| {
            let v = c.tokens.vocabulary();
            *seen.entry(Arc::as_ptr(v)).or_insert_with(|| {
                distinct.push(v);
                distinct.len() as u32 - 1
            })
        })
        .collect();
    (distinct, which)
}

/// Claims' token ids in one id space whose ids follow text order: the claims' own ids
/// when they share a vocabulary (claims built together always do), else ids in a
/// vocabulary merged from theirs.
pub(crate) enum TermIds<'c> {
    /// The claims share one vocabulary: their own ids.
    Shared(&'c [&'c Claim]),
    /// Per claim, its ids re-pointed at the merged vocabulary.
    Merged(Vec<Vec<TermId>>),
}

impl<'c> TermIds<'c> {
    /// The ids of `claims` in one id space.
    pub(crate) fn of(claims: &'c [&'c Claim]) -> TermIds<'c> {
        let (distinct, which) = vocabularies(claims.iter().copied());
        if distinct.len() <= 1 {
            return TermIds::Shared(claims);
        }
        let lists: Vec<&[Box<str>]> = distinct.iter().map(|v| v.as_list()).collect();
        let (_, tables) = Vocabulary::merge(&lists);
        let ids = claims
            .iter()
            .zip(which)
            .map(|(c, w)| {
                let table = &tables[w as usize];
                c.tokens
                    .ids()
                    .iter()
                    .filter_map(|t| table.get(t.0 as usize).copied())
                    .collect()
            })
            .collect();
        TermIds::Merged(ids)
    }

    /// The ids of claim `i`, in text order.
    pub(crate) fn get(&self, i: usize) -> &[TermId] {
        match self {
            TermIds::Shared(claims) => claims.get(i).map_or(&[], |c| c.tokens.ids()),
            TermIds::Merged(ids) => ids.get(i).map_or(&[], Vec::as_slice),
        }
    }

    /// The number of claims.
    pub(crate) fn len(&self) -> usize {
        match self {
            TermIds::Shared(claims) => claims.len(),
            TermIds::Merged(ids) => ids.len(),
        }
    }
}
