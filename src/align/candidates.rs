//! Candidate claim pairs within one same-story document pair: a small inverted index
//! of the first document's claims, probed with each distinct claim of the second.

use super::join::{Link, SLACK};
use super::token_sets::TokenSets;
use super::AlignConfig;

/// The end of a chain in the inverted index.
const NIL: u32 = u32::MAX;

/// The candidate pairs of each same-story document pair in `doc_links` (sorted by
/// `(a, b)`): calls `visit(range_a, range_b, pairs)` for each, with the sets' ranges of
/// the two documents and the pairs `(set of a, set of b, similarity)` at or above
/// [`AlignConfig::candidate_threshold`], in order of the set of `b`. `class` labels the
/// sets so that equal sets have equal labels (`0..n_classes`): the candidates of a set
/// against one document depend on its tokens only, so they are found once per document
/// and distinct set, and reused for every copy of that set (news clusters repeat
/// sentences verbatim, hundreds of times).
pub(super) fn visit_doc_pairs(
    sets: &TokenSets,
    config: &AlignConfig,
    ranges: &[(usize, usize)],
    doc_links: &[Link],
    class: &[u32],
    n_classes: usize,
    mut visit: impl FnMut((usize, usize), (usize, usize), &[(u32, u32, f64)]),
) {
    let t = config.candidate_threshold.clamp(f64::MIN_POSITIVE, 1.0);
    // per document pair: an inverted index of the first document's claims (rank ->
    // chain of its claims), probed with each distinct set of the second
    let mut stamp = vec![u32::MAX; sets.weight.len()];
    let mut head = vec![NIL; sets.weight.len()];
    let mut entries: Vec<(u32, u32)> = Vec::new(); // (claim, next)
    let mut acc: Vec<f64> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    // per distinct set probed against the indexed document: its range in `memo`
    let mut memo_stamp = vec![u32::MAX; n_classes];
    let mut memo_range = vec![(0u32, 0u32); n_classes];
    let mut memo: Vec<(u32, f64)> = Vec::new(); // (claim of the indexed document, score)
    let mut pairs: Vec<(u32, u32, f64)> = Vec::new();
    let mut indexed = u32::MAX;
    for dl in doc_links {
        let (ra, rb) = (ranges[dl.a as usize], ranges[dl.b as usize]);
        if indexed != dl.a {
            indexed = dl.a;
            entries.clear();
            for a in ra.0..ra.1 {
                for &r in sets.set(a) {
                    let r = r as usize;
                    let next = if stamp[r] == indexed { head[r] } else { NIL };
                    stamp[r] = indexed;
                    head[r] = entries.len() as u32;
                    entries.push(((a - ra.0) as u32, next));
                }
            }
            acc.clear();
            acc.resize(ra.1 - ra.0, 0.0);
            memo.clear();
        }
        pairs.clear();
        for (b, &c) in class.iter().enumerate().take(rb.1).skip(rb.0) {
            let c = c as usize;
            if memo_stamp[c] != indexed {
                memo_stamp[c] = indexed;
                let start = memo.len() as u32;
                for &r in sets.set(b) {
                    if stamp[r as usize] != indexed {
                        continue;
                    }
                    let mut e = head[r as usize];
                    while e != NIL {
                        let (local, next) = entries[e as usize];
                        if acc[local as usize] == 0.0 {
                            touched.push(local);
                        }
                        acc[local as usize] += sets.weight[r as usize];
                        e = next;
                    }
                }
                for &local in &touched {
                    let a = ra.0 + local as usize;
                    let ov = acc[local as usize];
                    acc[local as usize] = 0.0;
                    let union = sets.total[a] + sets.total[b] - ov;
                    // the bound admits rounding; the score is recomputed as `similarity` does
                    if union > 0.0 && ov / union >= t - SLACK {
                        let score = sets.similarity(a, b);
                        if score >= t {
                            memo.push((local, score));
                        }
                    }
                }
                touched.clear();
                memo_range[c] = (start, memo.len() as u32);
            }
            let (s, e) = memo_range[c];
            for &(local, score) in &memo[s as usize..e as usize] {
                pairs.push(((ra.0 + local as usize) as u32, b as u32, score));
            }
        }
        visit(ra, rb, &pairs);
    }
}
