//! How alike two documents are, and which pairs are worth asking.
//!
//! A document's vector weighs each key by its profile weight times
//! `ln(1 + max(N, idf_min_docs) / df)`, normalized to length 1; two documents' similarity
//! is the dot product of their vectors (cosine, `0.0..=1.0`). Pairs are never all
//! compared: each document's *signature* is its heaviest keys held by at least two and
//! at most [`StoriesConfig::block_max_df`] documents, and only documents sharing a
//! signature key are scored (blocking). A key held by more documents than that is a
//! common word of the feed; it still counts in the similarity of a pair found another
//! way. The cost per document is bounded by the signature length times that cap, so
//! the stage is linear in the number of documents.

use super::profile::{Key, Profile};
use super::StoriesConfig;
use rustc_hash::FxHashMap;

/// Document frequencies of keys.
pub(crate) type Frequencies = FxHashMap<Key, u32>;

/// A scored pair of documents, `a < b` (indices into the profiles).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Edge {
    /// The first document.
    pub a: u32,
    /// The second document.
    pub b: u32,
    /// Their similarity, `0.0..=1.0`.
    pub sim: f64,
}

/// In how many profiles each key occurs.
pub(crate) fn frequencies<'p>(profiles: impl Iterator<Item = &'p Profile>) -> Frequencies {
    let mut df = Frequencies::default();
    for p in profiles {
        for &(k, _) in &p.keys {
            *df.entry(k).or_default() += 1;
        }
    }
    df
}

/// The weight of a key held by `df` of `n` documents.
pub(crate) fn idf(df: u32, n: usize, config: &StoriesConfig) -> f32 {
    let n = n.max(config.idf_min_docs) as f32;
    (1.0 + n / df.max(1) as f32).ln()
}

/// The unit vector of `p`, sorted by key: keys held by no other document are left out
/// (they can match nothing) but count in the length.
pub(crate) fn vector(
    p: &Profile,
    df: &Frequencies,
    n: usize,
    config: &StoriesConfig,
) -> Vec<(Key, f32)> {
    let mut norm = 0.0f32;
    let mut v = Vec::with_capacity(p.keys.len());
    for &(k, w) in &p.keys {
        let f = df.get(&k).copied().unwrap_or(1);
        let x = w * idf(f, n, config);
        norm += x * x;
        if f >= 2 {
            v.push((k, x));
        }
    }
    let norm = norm.sqrt();
    if norm > 0.0 {
        for e in &mut v {
            e.1 /= norm;
        }
    }
    v
}

/// The dot product of two vectors sorted by key.
pub(crate) fn cosine(a: &[(Key, f32)], b: &[(Key, f32)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += f64::from(a[i].1) * f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    s.clamp(0.0, 1.0)
}

/// The signature of a vector: its heaviest keys whose document frequency lies in
/// `2..=block_max_df`, sorted by key.
pub(crate) fn signature(v: &[(Key, f32)], df: &Frequencies, config: &StoriesConfig) -> Vec<Key> {
    let mut keyed: Vec<(f32, Key)> = v
        .iter()
        .filter(|(k, _)| {
            df.get(k)
                .is_some_and(|&f| f >= 2 && f as usize <= config.block_max_df)
        })
        .map(|&(k, w)| (w, k))
        .collect();
    keyed.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    keyed.truncate(config.signature_keys);
    let mut sig: Vec<Key> = keyed.into_iter().map(|(_, k)| k).collect();
    sig.sort_unstable();
    sig
}

/// Which documents carry each signature key, in document order.
pub(crate) fn postings(signatures: &[Vec<Key>]) -> FxHashMap<Key, Vec<u32>> {
    let mut out: FxHashMap<Key, Vec<u32>> = FxHashMap::default();
    for (d, sig) in signatures.iter().enumerate() {
        for &k in sig {
            out.entry(k).or_default().push(d as u32);
        }
    }
    out
}

/// The documents that share a signature key with `sig`, sorted, each once.
pub(crate) fn candidates(sig: &[Key], postings: &FxHashMap<Key, Vec<u32>>) -> Vec<u32> {
    let mut out: Vec<u32> = sig
        .iter()
        .filter_map(|k| postings.get(k))
        .flatten()
        .copied()
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Every pair of documents that share a signature key, whose dates allow one happening
/// and whose similarity reaches `config.edge_min`, sorted by `(a, b)`; documents on
/// `threads` threads.
pub(crate) fn edges(
    profiles: &[Profile],
    vectors: &[Vec<(Key, f32)>],
    signatures: &[Vec<Key>],
    config: &StoriesConfig,
    threads: usize,
) -> Vec<Edge> {
    let postings = postings(signatures);
    let ids: Vec<u32> = (0..profiles.len() as u32).collect();
    let per_doc = crate::par::map(&ids, threads, 64, |&a| {
        let mut out = Vec::new();
        for b in candidates(&signatures[a as usize], &postings) {
            if b <= a {
                continue;
            }
            if let Some(sim) = linked(profiles, vectors, a, b, config) {
                out.push(Edge { a, b, sim });
            }
        }
        out
    });
    per_doc.into_iter().flatten().collect()
}

/// The similarity of documents `a` and `b` when their dates allow one happening and it
/// reaches `config.edge_min`.
pub(crate) fn linked(
    profiles: &[Profile],
    vectors: &[Vec<(Key, f32)>],
    a: u32,
    b: u32,
    config: &StoriesConfig,
) -> Option<f64> {
    let (pa, pb) = (&profiles[a as usize], &profiles[b as usize]);
    if !pa.dates.compatible(&pb.dates, config.window_days) {
        return None;
    }
    let sim = cosine(&vectors[a as usize], &vectors[b as usize]);
    (sim >= config.edge_min).then_some(sim)
}
