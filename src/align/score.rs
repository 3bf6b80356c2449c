//! The decision: how closely two candidate claims agree, from their token sets under
//! story-local weights and the phrases (word pairs, quoted runs) they share.

use super::join::Link;
use super::token_sets::{combined, TokenSets};
use crate::claims::{has_quotation_mark, quoted_words};
use crate::model::{Claim, TermId};

/// The share of the decision score that the token sets give (weighted Jaccard and
/// containment under story-local weights).
const SET_WEIGHT: f64 = 0.8;
/// The share of the decision score that shared phrases give ([`bigram_overlap`] or
/// [`quote_overlap`]).
const PHRASE_WEIGHT: f64 = 0.2;
/// A shared quoted run of `L` words gives `(L - 1) / QUOTE_RUN_STEPS`: two words a
/// quarter, five words or more all of [`quote_overlap`].
const QUOTE_RUN_STEPS: f64 = 4.0;

/// The share of adjacent content-token pairs (bigrams, in text order) that two claims
/// have in common, over the claim with fewer: `0.0..=1.0`, 0 when either has none.
/// Word order is evidence that two sentences carry the same phrase ("deep concern",
/// "Cold War", "world economy"), not just the same vocabulary.
pub fn bigram_overlap(a: &Claim, b: &Claim) -> f64 {
    if a.tokens.same_vocabulary(&b.tokens) {
        return pair_overlap(a.tokens.ids(), b.tokens.ids());
    }
    let pair = [a, b];
    let ids = crate::claims::interner::TermIds::of(&pair);
    pair_overlap(ids.get(0), ids.get(1))
}

/// The share of word pairs of `x` and `y` (ids of one vocabulary) that both hold.
fn pair_overlap(x: &[TermId], y: &[TermId]) -> f64 {
    // Word pairs as one integer each, in fixed buffers: this runs for every scored
    // candidate, so it neither allocates nor hashes. A claim with more pairs than the
    // buffer holds takes the rest into a vector.
    const N: usize = 96;
    fn pairs<'b>(ids: &[TermId], buf: &'b mut [u64; N], spill: &'b mut Vec<u64>) -> &'b [u64] {
        let n = ids.len().saturating_sub(1);
        let keys = ids
            .windows(2)
            .map(|w| (u64::from(w[0].0) << 32) | u64::from(w[1].0));
        let v: &mut [u64] = if n <= N {
            for (slot, k) in buf.iter_mut().zip(keys) {
                *slot = k;
            }
            &mut buf[..n]
        } else {
            spill.extend(keys);
            &mut spill[..]
        };
        v.sort_unstable();
        let mut m = 0;
        for i in 0..v.len() {
            if i == 0 || v[i] != v[m - 1] {
                v[m] = v[i];
                m += 1;
            }
        }
        &v[..m]
    }
    let (mut ba, mut bb) = ([0u64; N], [0u64; N]);
    let (mut sa, mut sb) = (Vec::new(), Vec::new());
    let x = pairs(x, &mut ba, &mut sa);
    let y = pairs(y, &mut bb, &mut sb);
    let small = x.len().min(y.len());
    if small == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / small as f64
}

/// How far two claims quote the same words: `0.0..=1.0` from the longest run of words
/// that both claims hold verbatim inside quotation marks ([`crate::claims::quoted_words`],
/// function words left out): a run of `L` words gives `(L - 1) / 4`, so a shared
/// three-word quotation gives 1/2 and five words or more give 1. Outlets that quote one
/// statement share its wording, however much of their own they write around it ("an
/// “all-weather comprehensive strategic cooperation”" and "an “all-weather comprehensive
/// strategic partnership”").
///
/// ```
/// use corroborate::{align, claims, Config, Document};
/// let docs = [
///     Document::new("a", "It called the ties an “all-weather comprehensive strategic cooperation”."),
///     Document::new("b", "Xi and Lukashenko elevated ties to an “all-weather comprehensive strategic partnership”."),
/// ];
/// let cs = claims::from_documents(&docs, &Config::default());
/// assert!((align::quote_overlap(&cs[0], &cs[1]) - 0.5).abs() < 1e-9);
/// ```
pub fn quote_overlap(a: &Claim, b: &Claim) -> f64 {
    if !has_quotation_mark(&a.text) || !has_quotation_mark(&b.text) {
        return 0.0;
    }
    let (qa, qb) = (quoted_words(&a.text), quoted_words(&b.text));
    let mut best = 0usize;
    for x in &qa {
        for y in &qb {
            // longest common run of words, by dynamic programming over the two passages
            let mut prev = vec![0usize; y.len() + 1];
            for wx in x {
                let mut cur = vec![0usize; y.len() + 1];
                for (j, wy) in y.iter().enumerate() {
                    if wx == wy {
                        cur[j + 1] = prev[j] + 1;
                        best = best.max(cur[j + 1]);
                    }
                }
                prev = cur;
            }
        }
    }
    (best.saturating_sub(1) as f64 / QUOTE_RUN_STEPS).min(1.0)
}

/// Per document: how many of its claims hold each token, for the story-local weights of
/// [`decision_score`].
#[derive(Clone, Debug)]
pub struct DocCounts {
    /// Per key (document): range into `entries`.
    offsets: Vec<usize>,
    /// `(rank, claims holding it)`, sorted by rank within a document.
    entries: Vec<(u32, u32)>,
    /// Per key: its number of claims.
    claims: Vec<u32>,
}

impl DocCounts {
    /// Counts over `sets`, whose keys must be `0, 1, 2, ...` with each key's sets
    /// contiguous (as [`super::groups`] and [`super::token_sets`] build them).
    pub fn new(sets: &TokenSets) -> DocCounts {
        let mut offsets = vec![0];
        let mut entries: Vec<(u32, u32)> = Vec::new();
        let mut claims = Vec::new();
        let mut i = 0;
        let mut buf: Vec<u32> = Vec::new();
        while i < sets.len() {
            let k = sets.key[i];
            while claims.len() < k as usize {
                claims.push(0);
                offsets.push(entries.len());
            }
            let start = i;
            buf.clear();
            while i < sets.len() && sets.key[i] == k {
                buf.extend_from_slice(sets.set(i));
                i += 1;
            }
            buf.sort_unstable();
            let first = entries.len();
            for &r in &buf {
                match entries[first..].last_mut() {
                    Some(last) if last.0 == r => last.1 += 1,
                    _ => entries.push((r, 1)),
                }
            }
            claims.push((i - start) as u32);
            offsets.push(entries.len());
        }
        DocCounts {
            offsets,
            entries,
            claims,
        }
    }

    fn count(&self, key: u32, rank: u32) -> u32 {
        let k = key as usize;
        match (self.offsets.get(k), self.offsets.get(k + 1)) {
            (Some(&s), Some(&e)) => {
                let v = &self.entries[s..e];
                v.binary_search_by_key(&rank, |x| x.0).map_or(0, |i| v[i].1)
            }
            _ => 0,
        }
    }
}

/// The decision score of two candidate sets `a` and `b` of different documents,
/// `0.0..=1.0`: `0.8 · (J + C) / 2 + 0.2 · B`, where `J` and `C` are the weighted
/// Jaccard similarity and weighted containment `w(A∩B) / min(w(A), w(B))` under
/// *story-local* weights, and `B` is [`bigram_overlap`] or [`quote_overlap`], whichever
/// is higher. The story-local weight of a
/// token is its IDF weight times `min(1, ln(1 + n/c) / ln(1 + n/2))`, where `n` is the number of
/// claims of the two documents and `c` how many of them hold the token: the names and
/// terms of the story, which its articles repeat in sentence after sentence, weigh less
/// than what only the two claims say. `claims[i]` must be set `i` of `sets`.
pub fn decision_score(
    sets: &TokenSets,
    counts: &DocCounts,
    claims: &[&Claim],
    a: usize,
    b: usize,
) -> f64 {
    let bigram = match (claims.get(a), claims.get(b)) {
        (Some(x), Some(y)) => phrase_overlap(x, y),
        _ => 0.0,
    };
    score_with_phrase(sets, counts, a, b, bigram)
}

/// The `B` term of [`decision_score`]: [`bigram_overlap`] or [`quote_overlap`], whichever
/// is higher. A function of the two claims' texts and tokens only.
pub(super) fn phrase_overlap(x: &Claim, y: &Claim) -> f64 {
    bigram_overlap(x, y).max(quote_overlap(x, y))
}

/// [`decision_score`] given its `B` term `bigram`.
pub(super) fn score_with_phrase(
    sets: &TokenSets,
    counts: &DocCounts,
    a: usize,
    b: usize,
    bigram: f64,
) -> f64 {
    let (ka, kb) = (sets.key[a], sets.key[b]);
    let n = f64::from(
        counts.claims.get(ka as usize).copied().unwrap_or(0)
            + counts.claims.get(kb as usize).copied().unwrap_or(0),
    )
    .max(2.0);
    let norm = (1.0 + n / 2.0).ln();
    let local = |r: u32| {
        let c = f64::from(counts.count(ka, r) + counts.count(kb, r)).max(1.0);
        sets.weight[r as usize] * ((1.0 + n / c).ln() / norm).min(1.0)
    };
    let (x, y) = (sets.set(a), sets.set(b));
    let (mut i, mut j) = (0, 0);
    let (mut ov, mut ta, mut tb) = (0.0, 0.0, 0.0);
    while i < x.len() || j < y.len() {
        if j == y.len() || (i < x.len() && x[i] < y[j]) {
            ta += local(x[i]);
            i += 1;
        } else if i == x.len() || y[j] < x[i] {
            tb += local(y[j]);
            j += 1;
        } else {
            let w = local(x[i]);
            ov += w;
            ta += w;
            tb += w;
            i += 1;
            j += 1;
        }
    }
    (SET_WEIGHT * combined(ov, ta, tb) + PHRASE_WEIGHT * bigram).clamp(0.0, 1.0)
}

/// The candidates whose [`decision_score`] reaches `threshold`, each carrying that
/// score. `claims[i]` must be set `i` of `sets`.
pub fn decide(
    sets: &TokenSets,
    claims: &[&Claim],
    candidates: Vec<Link>,
    threshold: f64,
) -> Vec<Link> {
    let counts = DocCounts::new(sets);
    candidates
        .into_iter()
        .filter_map(|l| {
            let score = decision_score(sets, &counts, claims, l.a as usize, l.b as usize);
            (score >= threshold).then_some(Link { score, ..l })
        })
        .collect()
}
