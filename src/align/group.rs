//! Grouping: links between claims merged strongest first into groups that hold at most
//! one claim per document, with an average-link check against chaining.

use super::join::Link;
use super::story::classes;
use super::token_sets::TokenSets;
use super::AlignConfig;
use rustc_hash::FxHashMap;

/// The average-link check compares at most this many members of each side: a group of
/// hundreds of copies is judged by its first members, in bounded time.
const LINK_CHECK_CAP: usize = 12;

/// Of `links`, the mutual best matches: a link between `a` and `b` stays when `b` is
/// `a`'s best partner in `b`'s document and `a` is `b`'s best partner in `a`'s (highest
/// score, then lowest index).
pub(super) fn mutual_best(sets: &TokenSets, links: &[Link]) -> Vec<Link> {
    let mut best: FxHashMap<(u32, u32), (f64, u32)> = FxHashMap::default();
    let mut offer = |from: u32, to: u32, s: f64| {
        let e = best.entry((from, sets.key[to as usize])).or_insert((s, to));
        if s > e.0 || (s == e.0 && to < e.1) {
            *e = (s, to);
        }
    };
    for l in links {
        offer(l.a, l.b, l.score);
        offer(l.b, l.a, l.score);
    }
    links
        .iter()
        .filter(|l| {
            best.get(&(l.a, sets.key[l.b as usize])).map(|e| e.1) == Some(l.b)
                && best.get(&(l.b, sets.key[l.a as usize])).map(|e| e.1) == Some(l.a)
        })
        .copied()
        .collect()
}

/// Sorts links as [`merge_links`] takes them: score descending (by `f64::total_cmp`),
/// then `(a, b)`. In a big cluster most links join verbatim copies and score exactly
/// 1.0; those are put in `(a, b)` order by a counting sort on `a`. The others sort as
/// one integer key each (the score's bits in total order, inverted, above `a` and `b`)
/// rather than through a float comparison.
pub(super) fn sort_strongest_first(links: &mut [Link]) {
    // `f64::total_cmp`'s key: flip the magnitude bits of negatives, then the sign bit
    // makes the order unsigned
    let ordered = |x: f64| {
        let b = x.to_bits() as i64;
        ((b ^ (((b >> 63) as u64) >> 1) as i64) as u64) ^ (1 << 63)
    };
    let unordered = |k: u64| {
        let b = (k ^ (1 << 63)) as i64;
        f64::from_bits((b ^ (((b >> 63) as u64) >> 1) as i64) as u64)
    };
    let one = 1.0f64.to_bits();
    let mut keys: Vec<u128> = links
        .iter()
        .filter(|l| l.score.to_bits() != one)
        .map(|l| (u128::from(!ordered(l.score)) << 64) | (u128::from(l.a) << 32) | u128::from(l.b))
        .collect();
    keys.sort_unstable();
    // the links scoring 1.0: bucketed by `a`, each bucket sorted by `b`
    let n = links.iter().map(|l| l.a as usize + 1).max().unwrap_or(0);
    let mut start = vec![0u32; n + 1];
    for l in links.iter().filter(|l| l.score.to_bits() == one) {
        start[l.a as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut bs = vec![0u32; start[n] as usize];
    for l in links.iter().filter(|l| l.score.to_bits() == one) {
        bs[fill[l.a as usize] as usize] = l.b;
        fill[l.a as usize] += 1;
    }
    // keys above 1.0 in the order (only NaN or infinity could be) come first
    let above = keys.partition_point(|&k| ((k >> 64) as u64) < !ordered(1.0));
    let decode = |k: u128| Link {
        a: (k >> 32) as u32,
        b: k as u32,
        score: unordered(!((k >> 64) as u64)),
    };
    let mut out = links.iter_mut();
    // (each zip pulls from its source first, so no slot is skipped)
    for (&k, slot) in keys[..above].iter().zip(out.by_ref()) {
        *slot = decode(k);
    }
    for a in 0..n {
        bs[start[a] as usize..start[a + 1] as usize].sort_unstable();
    }
    let (bs, start) = (&bs, &start);
    let ones = (0..n).flat_map(|a| {
        bs[start[a] as usize..start[a + 1] as usize]
            .iter()
            .map(move |&b| (a as u32, b))
    });
    for ((a, b), slot) in ones.zip(out.by_ref()) {
        *slot = Link { a, b, score: 1.0 };
    }
    for (&k, slot) in keys[above..].iter().zip(out) {
        *slot = decode(k);
    }
}

/// Groups of sets from `links`: merged strongest first (ties by ids), at most one set
/// per key, two groups only if their members, on average, score at least
/// [`AlignConfig::link_threshold`] ([`TokenSets::score`]). Each group's members
/// (sorted) and score (the mean over its member pairs), groups sorted by members.
/// [`TokenSets::score`] is computed once per pair of distinct sets: big clusters repeat
/// sentences verbatim.
pub(super) fn merge_links(
    sets: &TokenSets,
    mut links: Vec<Link>,
    config: &AlignConfig,
) -> Vec<(Vec<u32>, f64)> {
    let (class, _) = classes((0..sets.len()).map(|i| sets.set(i)));
    let mut memo: FxHashMap<(u32, u32), f64> = FxHashMap::default();
    let mut score = |x: u32, y: u32| {
        *memo
            .entry((class[x as usize], class[y as usize]))
            .or_insert_with(|| sets.score(x as usize, y as usize))
    };
    sort_strongest_first(&mut links);
    let mut groups = Merger::new(sets.len());
    for l in &links {
        for v in [l.a, l.b] {
            groups.open(v, sets.key[v as usize]);
        }
        let (ra, rb) = (groups.find(l.a), groups.find(l.b));
        if ra == rb || share(&groups.keys[ra as usize], &groups.keys[rb as usize]) {
            continue;
        }
        let (ma, mb) = (&groups.members[ra as usize], &groups.members[rb as usize]);
        if ma.len() + mb.len() > 2 {
            let mut sum = 0.0;
            let mut k = 0usize;
            for &x in ma.iter().take(LINK_CHECK_CAP) {
                for &y in mb.iter().take(LINK_CHECK_CAP) {
                    sum += score(x, y);
                    k += 1;
                }
            }
            if k > 0 && sum / (k as f64) < config.link_threshold {
                continue;
            }
        }
        groups.union(ra, rb);
    }
    let mut out: Vec<(Vec<u32>, f64)> = groups
        .members
        .into_iter()
        .filter(|m| m.len() >= 2)
        .map(|mut m| {
            m.sort_unstable();
            let s = mean_score(&m, &class, &mut score);
            (m, s)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The mean of `score` over the pairs of `members` (sorted), summed pair by pair in
/// order. A group of hundreds of copies holds few distinct sets (`class`): their scores
/// are looked up in a small table.
fn mean_score(members: &[u32], class: &[u32], score: &mut impl FnMut(u32, u32) -> f64) -> f64 {
    let mut distinct: Vec<(u32, u32)> = members.iter().map(|&x| (class[x as usize], x)).collect();
    distinct.sort_unstable();
    distinct.dedup_by_key(|e| e.0);
    let k = distinct.len();
    let local: Vec<usize> = members
        .iter()
        .map(|&x| {
            distinct
                .binary_search_by_key(&class[x as usize], |e| e.0)
                .unwrap_or(0)
        })
        .collect();
    let mut table = vec![0.0; k * k];
    for (i, &(_, x)) in distinct.iter().enumerate() {
        for (j, &(_, y)) in distinct.iter().enumerate() {
            table[i * k + j] = score(x, y);
        }
    }
    let mut sum = 0.0;
    let mut n = 0usize;
    for i in 0..members.len() {
        let row = &table[local[i] * k..local[i] * k + k];
        for &lj in &local[i + 1..] {
            sum += row[lj];
            n += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// Whether two sorted lists share an item.
fn share(x: &[u32], y: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Union-find over sets, with each root's members (in merge order) and their keys
/// (sorted; one member per key).
struct Merger {
    parent: Vec<u32>,
    members: Vec<Vec<u32>>,
    keys: Vec<Vec<u32>>,
}

impl Merger {
    fn new(n: usize) -> Merger {
        Merger {
            parent: (0..n as u32).collect(),
            members: vec![Vec::new(); n],
            keys: vec![Vec::new(); n],
        }
    }

    /// Makes `v` (of key `key`) a group of its own the first time it is met.
    fn open(&mut self, v: u32, key: u32) {
        if self.members[v as usize].is_empty() && self.parent[v as usize] == v {
            self.members[v as usize].push(v);
            self.keys[v as usize].push(key);
        }
    }

    fn find(&mut self, x: u32) -> u32 {
        let parent = &mut self.parent;
        let mut r = x;
        while parent[r as usize] != r {
            r = parent[r as usize];
        }
        let mut c = x;
        while parent[c as usize] != r {
            let next = parent[c as usize];
            parent[c as usize] = r;
            c = next;
        }
        r
    }

    /// Merges the groups of roots `ra` and `rb`: the smaller into the larger (on equal
    /// sizes, the higher root into the lower).
    fn union(&mut self, ra: u32, rb: u32) {
        let (la, lb) = (
            self.members[ra as usize].len(),
            self.members[rb as usize].len(),
        );
        let (small, big) = if la < lb || (la == lb && ra > rb) {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let moved = std::mem::take(&mut self.members[small as usize]);
        self.parent[small as usize] = big;
        self.members[big as usize].extend(moved);
        let moved = std::mem::take(&mut self.keys[small as usize]);
        let mine = std::mem::take(&mut self.keys[big as usize]);
        let mut merged = Vec::with_capacity(mine.len() + moved.len());
        let (mut i, mut j) = (0, 0);
        while i < mine.len() || j < moved.len() {
            if j == moved.len() || (i < mine.len() && mine[i] < moved[j]) {
                merged.push(mine[i]);
                i += 1;
            } else {
                merged.push(moved[j]);
                j += 1;
            }
        }
        self.keys[big as usize] = merged;
    }
}

#[cfg(test)]
mod tests {
    use super::sort_strongest_first;
    use crate::align::Link;

    #[test]
    fn integer_key_sort_matches_the_float_comparison() {
        let scores = [
            1.0,
            0.5,
            -0.0,
            0.0,
            -2.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.999_999_999_999_999_9,
            f64::MIN_POSITIVE,
            1.0,
        ];
        let mut links: Vec<Link> = Vec::new();
        for (i, &score) in scores.iter().enumerate() {
            for b in [7u32, 3, u32::MAX] {
                links.push(Link {
                    a: (i as u32 * 31) % 5,
                    b,
                    score,
                });
            }
        }
        let mut want = links.clone();
        want.sort_by(|p, q| {
            q.score
                .total_cmp(&p.score)
                .then((p.a, p.b).cmp(&(q.a, q.b)))
        });
        sort_strongest_first(&mut links);
        let bits = |v: &[Link]| -> Vec<(u32, u32, u64)> {
            v.iter().map(|l| (l.a, l.b, l.score.to_bits())).collect()
        };
        assert_eq!(bits(&links), bits(&want));
    }
}
