//! The exact join: every pair of token sets from different documents whose weighted
//! Jaccard similarity reaches a threshold (AllPairs / PPJoin, generalised to weights).

use super::token_sets::{jaccard, TokenSets};
use serde::{Deserialize, Serialize};

/// A link between two sets (claims) and its similarity, `a < b`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The first set (claim index), the smaller.
    pub a: u32,
    /// The second set.
    pub b: u32,
    /// Weighted Jaccard similarity, `0.0..=1.0`.
    pub score: f64,
}

/// Room for rounding in the filters' bounds: a bound that misses by less still lets the
/// pair through to exact verification, so no pair at the threshold is lost.
pub(super) const SLACK: f64 = 1e-9;

/// Every pair of sets with different keys whose similarity is at least `threshold`
/// (in `(0, 1]`), sorted by `(a, b)`: the exact weighted AllPairs join described in the
/// module docs. Empty sets are never paired.
pub fn join(sets: &TokenSets, threshold: f64) -> Vec<Link> {
    let t = threshold.clamp(f64::MIN_POSITIVE, 1.0);
    let n = sets.len();
    let mut order: Vec<u32> = (0..n as u32)
        .filter(|&i| sets.total[i as usize] > 0.0)
        .collect();
    order.sort_unstable_by(|&a, &b| {
        sets.total[a as usize]
            .total_cmp(&sets.total[b as usize])
            .then(a.cmp(&b))
    });
    // posting: (set, its total weight, its weight from this token on): the weights
    // travel with the posting so probing touches no other memory
    let mut postings: Vec<Vec<(u32, f64, f64)>> = vec![Vec::new(); sets.weight.len()];
    let mut starts: Vec<usize> = vec![0; sets.weight.len()];
    // suffix weight of each set from each position (inclusive), for the positional filter
    let mut suffix: Vec<f64> = vec![0.0; sets.ranks.len()];
    for i in 0..n {
        let (s, e) = (sets.offsets[i], sets.offsets[i + 1]);
        let mut acc = 0.0;
        for p in (s..e).rev() {
            acc += sets.weight[sets.ranks[p] as usize];
            suffix[p] = acc;
        }
    }
    let mut acc = vec![0.0f64; n];
    let mut rest = vec![0.0f64; n];
    let mut state = vec![0u8; n]; // 0 untouched, 1 candidate, 2 pruned
    let mut touched: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    for &x in &order {
        let x = x as usize;
        let wx = sets.total[x];
        let base = sets.offsets[x];
        let xs = sets.set(x);
        let min_w = t * wx - SLACK;
        let prefix = xs
            .iter()
            .enumerate()
            .take_while(|(i, _)| suffix[base + i] >= min_w)
            .count();
        for (i, &r) in xs[..prefix].iter().enumerate() {
            let list = &postings[r as usize];
            let mut s = starts[r as usize];
            while s < list.len() && list[s].1 < min_w {
                s += 1;
            }
            starts[r as usize] = s;
            let rest_x = suffix[base + i];
            for &(y, wy, rest_y) in &list[s..] {
                let y = y as usize;
                match state[y] {
                    2 => continue,
                    0 => {
                        state[y] = 1;
                        touched.push(y as u32);
                    }
                    _ => {}
                }
                let need = t / (1.0 + t) * (wx + wy) - SLACK;
                if acc[y] + rest_x.min(rest_y) < need {
                    state[y] = 2;
                    continue;
                }
                let w = sets.weight[r as usize];
                acc[y] += w;
                // what the tokens after this match can still add (PPJoin's bound)
                rest[y] = (rest_x - w).min(rest_y - w);
            }
        }
        for &y in &touched {
            let y = y as usize;
            let need = t / (1.0 + t) * (wx + sets.total[y]) - SLACK;
            if state[y] == 1 && sets.key[y] != sets.key[x] && acc[y] + rest[y] + SLACK >= need {
                let score = verify(sets, &suffix, x, y, need);
                if score >= t {
                    let (a, b) = if x < y { (x, y) } else { (y, x) };
                    out.push(Link {
                        a: a as u32,
                        b: b as u32,
                        score,
                    });
                }
            }
            state[y] = 0;
            acc[y] = 0.0;
        }
        touched.clear();
        for (i, &r) in xs[..prefix].iter().enumerate() {
            postings[r as usize].push((x as u32, wx, suffix[base + i]));
        }
    }
    out.sort_unstable_by_key(|p| (p.a, p.b));
    out
}

/// [`TokenSets::similarity`] of `x` and `y` (the same additions in the same order, so
/// the same value), or 0 as soon as the overlap can no longer reach `need`.
fn verify(sets: &TokenSets, suffix: &[f64], x: usize, y: usize, need: f64) -> f64 {
    let (bx, by) = (sets.offsets[x], sets.offsets[y]);
    let (xs, ys) = (sets.set(x), sets.set(y));
    let (mut i, mut j, mut ov) = (0, 0, 0.0);
    while i < xs.len() && j < ys.len() {
        if ov + suffix[bx + i].min(suffix[by + j]) < need {
            return 0.0;
        }
        match xs[i].cmp(&ys[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                ov += sets.weight[xs[i] as usize];
                i += 1;
                j += 1;
            }
        }
    }
    jaccard(ov, sets.total[x], sets.total[y])
}

/// The reference for [`join`]: every pair compared, `O(n²)`. For tests.
// Public only so that the integration tests and benches can compare against it; not
// part of the documented interface.
#[doc(hidden)]
pub fn brute_force(sets: &TokenSets, threshold: f64) -> Vec<Link> {
    let t = threshold.clamp(f64::MIN_POSITIVE, 1.0);
    let mut out = Vec::new();
    for a in 0..sets.len() {
        for b in a + 1..sets.len() {
            if sets.key[a] == sets.key[b] || sets.total[a] <= 0.0 || sets.total[b] <= 0.0 {
                continue;
            }
            let score = sets.similarity(a, b);
            if score >= t {
                out.push(Link {
                    a: a as u32,
                    b: b as u32,
                    score,
                });
            }
        }
    }
    out
}
