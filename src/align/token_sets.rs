//! Claims as weighted token sets: each distinct token ranked by rarity and weighted by
//! inverse document frequency, each set sorted by rank.

use super::Weighting;
use crate::claims::interner::TermIds;
use crate::model::{Claim, DocId};

/// Claims as weighted token sets, ready for the join: tokens are ranked by rarity
/// (rarest first, ties by token id, which for claims' tokens is text order) and each
/// set is sorted by rank.
#[derive(Clone, Debug)]
pub struct TokenSets {
    /// Per set: its group key (document index); pairs within one key are not joined.
    pub(super) key: Vec<u32>,
    /// Per set: range into `ranks`.
    pub(super) offsets: Vec<usize>,
    /// Token ranks of all sets, each set sorted ascending.
    pub(super) ranks: Vec<u32>,
    /// Weight of each rank.
    pub(super) weight: Vec<f64>,
    /// Per set: total weight.
    pub(super) total: Vec<f64>,
}

impl TokenSets {
    /// Sets of token ids (any `u32` labels; ties in rarity are broken by id).
    pub fn from_ids(records: &[(u32, Vec<u32>)], weighting: Weighting) -> TokenSets {
        let labels = records
            .iter()
            .flat_map(|r| r.1.iter().copied())
            .max()
            .map_or(0, |m| m as usize + 1);
        TokenSets::build(
            records.iter().map(|(k, toks)| (*k, toks.iter().copied())),
            labels,
            weighting,
        )
    }

    /// Sets from `(key, token ids)` records with ids below `labels`; records with the
    /// same key (document) are never paired. Token weights follow `weighting`, over
    /// these records.
    pub(super) fn build<I: Iterator<Item = u32>>(
        records: impl Iterator<Item = (u32, I)>,
        labels: usize,
        weighting: Weighting,
    ) -> TokenSets {
        let mut df = vec![0u32; labels];
        let mut key = Vec::new();
        let mut offsets = vec![0];
        let mut ranks: Vec<u32> = Vec::new();
        for (k, toks) in records {
            let start = ranks.len();
            ranks.extend(toks);
            ranks[start..].sort_unstable();
            let mut n = start;
            for j in start..ranks.len() {
                if j == start || ranks[j] != ranks[n - 1] {
                    ranks[n] = ranks[j];
                    n += 1;
                }
            }
            ranks.truncate(n);
            for &t in &ranks[start..] {
                df[t as usize] += 1;
            }
            key.push(k);
            offsets.push(ranks.len());
        }
        let mut by_rarity: Vec<u32> = (0..labels as u32).filter(|&t| df[t as usize] > 0).collect();
        by_rarity.sort_unstable_by_key(|&t| (df[t as usize], t));
        let n_sets = key.len() as f64;
        let mut rank_of = vec![0u32; labels];
        let mut weight = vec![0.0; by_rarity.len()];
        for (r, &t) in by_rarity.iter().enumerate() {
            rank_of[t as usize] = r as u32;
            weight[r] = match weighting {
                Weighting::Idf => (1.0 + n_sets / df[t as usize] as f64).ln(),
                Weighting::Uniform => 1.0,
            };
        }
        let mut total = Vec::with_capacity(key.len());
        for w in offsets.windows(2) {
            let set = &mut ranks[w[0]..w[1]];
            for t in set.iter_mut() {
                *t = rank_of[*t as usize];
            }
            set.sort_unstable();
            total.push(set.iter().map(|&r| weight[r as usize]).sum());
        }
        TokenSets {
            key,
            offsets,
            ranks,
            weight,
            total,
        }
    }

    /// Number of sets.
    pub fn len(&self) -> usize {
        self.key.len()
    }

    /// Whether there are no sets.
    pub fn is_empty(&self) -> bool {
        self.key.is_empty()
    }

    /// The ranks of set `i`, ascending.
    pub(super) fn set(&self, i: usize) -> &[u32] {
        &self.ranks[self.offsets[i]..self.offsets[i + 1]]
    }

    /// The weight the sets `a` and `b` share, added in rank order.
    fn overlap(&self, a: usize, b: usize) -> f64 {
        let (x, y) = (self.set(a), self.set(b));
        let (mut i, mut j, mut ov) = (0, 0, 0.0);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    ov += self.weight[x[i] as usize];
                    i += 1;
                    j += 1;
                }
            }
        }
        ov
    }

    /// The weighted Jaccard similarity of sets `a` and `b`, `0.0..=1.0` (0 when both
    /// are empty).
    pub fn similarity(&self, a: usize, b: usize) -> f64 {
        jaccard(self.overlap(a, b), self.total[a], self.total[b])
    }

    /// The decision score of sets `a` and `b`, `0.0..=1.0`: the mean of their weighted
    /// Jaccard similarity `w(A∩B) / w(A∪B)` and their weighted containment
    /// `w(A∩B) / min(w(A), w(B))`. Near-duplicates score like their Jaccard similarity;
    /// a statement that one outlet reports alone and another embeds in a longer sentence
    /// ("…, the ministry said in a statement after talks in Minsk") keeps a high
    /// containment where its Jaccard similarity drops.
    pub fn score(&self, a: usize, b: usize) -> f64 {
        combined(self.overlap(a, b), self.total[a], self.total[b])
    }
}

/// The weighted Jaccard similarity from the overlap weight and the two total weights.
pub(super) fn jaccard(ov: f64, ta: f64, tb: f64) -> f64 {
    let union = ta + tb - ov;
    if union <= 0.0 {
        0.0
    } else {
        (ov / union).clamp(0.0, 1.0)
    }
}

/// [`TokenSets::score`] from the overlap weight and the two total weights.
pub(super) fn combined(ov: f64, ta: f64, tb: f64) -> f64 {
    let union = ta + tb - ov;
    let small = ta.min(tb);
    if union <= 0.0 || small <= 0.0 {
        return 0.0;
    }
    (0.5 * (ov / union + ov / small)).clamp(0.0, 1.0)
}

/// The weighted token sets of `claims`, keyed by document.
pub fn token_sets(claims: &[Claim], weighting: Weighting) -> TokenSets {
    let mut docs: Vec<&DocId> = claims.iter().map(|c| &c.doc).collect();
    docs.sort();
    docs.dedup();
    let key_of = |d: &DocId| docs.binary_search(&d).unwrap_or(0) as u32;
    let refs: Vec<&Claim> = claims.iter().collect();
    let keys: Vec<u32> = claims.iter().map(|c| key_of(&c.doc)).collect();
    of_ids(&TermIds::of(&refs), &keys, weighting)
}

/// The token sets of claims given as their token ids (`ids`, of one vocabulary whose
/// ids follow text order, so rarity ties fall in text order) with keys `keys`.
pub(super) fn of_ids(ids: &TermIds<'_>, keys: &[u32], weighting: Weighting) -> TokenSets {
    let labels = (0..ids.len())
        .flat_map(|i| ids.get(i).iter().map(|t| t.0 as usize + 1))
        .max()
        .unwrap_or(0);
    TokenSets::build(
        keys.iter()
            .enumerate()
            .map(|(i, &k)| (k, ids.get(i).iter().map(|t| t.0))),
        labels,
        weighting,
    )
}
