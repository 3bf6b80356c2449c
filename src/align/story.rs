//! The story filter: which documents are about the same story, by an exact join over
//! their signatures (key terms by tf-idf), so that only their claims are compared.

use super::candidates::visit_doc_pairs;
use super::join::{join, Link};
use super::token_sets::TokenSets;
use super::{AlignConfig, ContextMode};
use rustc_hash::FxHashMap;

/// Links of sets whose keys (documents) are similar: an exact join of the documents'
/// token sets (union of their claims' tokens, weighted by document frequency) at
/// `config.context_threshold`, then every claim pair of each similar document pair
/// compared at `config.threshold`. `sets` must list each key's records contiguously,
/// keys `0, 1, 2, ...` in order. Equal to [`join`] filtered by document similarity.
pub fn join_in_context(sets: &TokenSets, config: &AlignConfig) -> Vec<Link> {
    let (class, n_classes) = classes((0..sets.len()).map(|i| sets.set(i)));
    let (ranges, doc_links) = story_pairs(sets, config);
    let mut out = Vec::new();
    visit_doc_pairs(
        sets,
        config,
        &ranges,
        &doc_links,
        &class,
        n_classes,
        |_, _, pairs| {
            out.extend(pairs.iter().map(|&(a, b, score)| Link { a, b, score }));
        },
    );
    out.sort_unstable_by_key(|p| (p.a, p.b));
    out
}

/// Equal items get equal labels: per item its label, labels from 0 in order of first
/// occurrence, and the number of distinct items.
pub(super) fn classes<T: std::hash::Hash + Eq>(
    items: impl Iterator<Item = T>,
) -> (Vec<u32>, usize) {
    let mut ids: FxHashMap<T, u32> = FxHashMap::default();
    let out = items
        .map(|x| {
            let next = ids.len() as u32;
            *ids.entry(x).or_insert(next)
        })
        .collect();
    (out, ids.len())
}

/// Per document, its range of sets; and the same-story document pairs, sorted by
/// `(a, b)`: every pair when the claims are one story's ([`ContextMode::Story`]) or
/// with at most [`AlignConfig::context_min_docs`] documents, else the pairs whose
/// signatures ([`signatures`]) reach [`AlignConfig::context_threshold`] in the exact
/// join.
pub(super) fn story_pairs(
    sets: &TokenSets,
    config: &AlignConfig,
) -> (Vec<(usize, usize)>, Vec<Link>) {
    let ranges = doc_ranges(sets);
    let one_story = config.context == ContextMode::Story;
    let mut doc_links = if one_story || ranges.len() <= config.context_min_docs {
        let n = ranges.len() as u32;
        (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| Link { a, b, score: 1.0 }))
            .collect()
    } else {
        let docs = TokenSets::from_ids(&signatures(sets, &ranges, config), config.weighting);
        join(&docs, config.context_threshold)
    };
    doc_links.sort_unstable_by_key(|l| (l.a, l.b));
    (ranges, doc_links)
}

/// Per document (key), its range of sets; each key's sets must be contiguous.
fn doc_ranges(sets: &TokenSets) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < sets.len() {
        let start = i;
        while i < sets.len() && sets.key[i] == sets.key[start] {
            i += 1;
        }
        ranges.push((start, i));
    }
    ranges
}

/// Per document, its signature: its [`AlignConfig::context_tokens`] key terms by tf-idf
/// (claims of the document holding the token, times ln(1 + documents / documents
/// holding it)), among the tokens it shares with at least one other document; ties by
/// rarity.
fn signatures(
    sets: &TokenSets,
    ranges: &[(usize, usize)],
    config: &AlignConfig,
) -> Vec<(u32, Vec<u32>)> {
    // per document: its distinct tokens and in how many of its claims each occurs
    let mut doc_tf: Vec<Vec<(u32, u32)>> = Vec::with_capacity(ranges.len());
    let mut doc_df = vec![0u32; sets.weight.len()];
    for &(s, e) in ranges {
        let mut v: Vec<u32> = (s..e).flat_map(|r| sets.set(r).iter().copied()).collect();
        v.sort_unstable();
        let mut tf: Vec<(u32, u32)> = Vec::new();
        for r in v {
            match tf.last_mut() {
                Some(last) if last.0 == r => last.1 += 1,
                _ => tf.push((r, 1)),
            }
        }
        for &(r, _) in &tf {
            doc_df[r as usize] += 1;
        }
        doc_tf.push(tf);
    }
    let n_docs = ranges.len() as f64;
    let mut doc_sets: Vec<(u32, Vec<u32>)> = Vec::with_capacity(ranges.len());
    for (d, mut tf) in doc_tf.into_iter().enumerate() {
        tf.retain(|&(r, _)| doc_df[r as usize] >= 2);
        let key = |&(r, n): &(u32, u32)| {
            f64::from(n) * (1.0 + n_docs / f64::from(doc_df[r as usize])).ln()
        };
        // each key computed once, not once per comparison
        let mut keyed: Vec<(f64, u32)> = tf.iter().map(|e| (key(e), e.0)).collect();
        keyed.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        keyed.truncate(config.context_tokens.max(1));
        doc_sets.push((d as u32, keyed.into_iter().map(|(_, r)| r).collect()));
    }
    doc_sets
}
