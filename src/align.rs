//! Cross-document alignment: which claims of different documents say the same thing.
//!
//! Layers, each a pure function:
//!
//! 1. **Story context** ([`join_in_context`], [`ContextMode::Document`], the default):
//!    each document gets a signature, its key terms by tf-idf (the names and terms it
//!    keeps returning to); an exact join over the signatures finds the document pairs
//!    about the same story, and only their claims are compared. A feed mixes many
//!    stories: short generic sentences of different stories ("8 companies were closed
//!    in Tunisia") are lexical near-duplicates that no sentence-level threshold can tell
//!    apart, and an exact sentence join over a whole feed is quadratic in them. With at
//!    most [`AlignConfig::context_min_docs`] documents, all of them are taken as one
//!    story: a handful of articles given together are a story cluster, and document
//!    frequencies over so few documents cannot tell story terms from common words.
//! 2. **Candidates** ([`join`]): an exact set-similarity join in the AllPairs / PPJoin
//!    family on the *IDF-weighted* Jaccard similarity `w(A∩B) / w(A∪B)` with
//!    `w(t) = ln(1 + N/df(t))`, at [`AlignConfig::candidate_threshold`]. Tokens are
//!    ordered globally by rarity; a set is indexed and probed only on its *prefix* (the
//!    rarest tokens, up to where the remaining weight could no longer reach the
//!    threshold); a length filter on total weights, a positional filter on the weight
//!    still to come and an early-exit verification prune the rest. Every pair at or
//!    above the threshold is returned, by construction: no sampling, no hashing
//!    ([`brute_force`] is the reference it is tested against). Within a pair of
//!    same-story documents, claim pairs are found by a small inverted index and scored
//!    the same way, so [`join_in_context`] equals [`join`] restricted to same-story
//!    document pairs.
//! 3. **Decision** ([`decide`], [`decision_score`]): a candidate becomes a link when
//!    `0.8 · (J + C) / 2 + 0.2 · B` reaches [`AlignConfig::threshold`], where `J` is the
//!    weighted Jaccard similarity, `C` the weighted containment `w(A∩B) / min(w(A),
//!    w(B))` and `B` the share of adjacent word pairs in common ([`bigram_overlap`]) or,
//!    if higher, the run of words both claims quote verbatim ([`quote_overlap`]),
//!    all over the normalized content tokens of [`crate::claims`] (synonyms, stems,
//!    typed numbers and days, attribution set apart). Near-duplicates score about their
//!    Jaccard similarity; real outlets embed a shared statement in longer sentences of
//!    their own, which containment keeps; shared phrases ("Cold War", "world economy")
//!    and shared quotations weigh more than the same words scattered.
//! 4. **Groups** ([`groups`]): of the links between two documents, only *mutual best
//!    matches* are kept; links are then merged strongest first (ties by claim ids) into
//!    groups that hold **at most one claim per document**, and two groups merge only if
//!    their members, on average, still resemble each other ([`TokenSets::score`] at
//!    least [`AlignConfig::link_threshold`]: the average-link check against chaining
//!    unrelated claims).
//!
//! The result does not depend on the order of the input: claims are identified by
//! document id and offset, and every tie is broken by ids. No I/O.

use crate::claims;
use crate::model::{Claim, ClaimId, Date, DocId, Document, Group, GroupId};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// FNV-1a: a fast hash for the short internal keys (words, ids) of one call; the
/// maps never leak into output order.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A `HashMap` with [`Fnv`].
pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Whether the reporting part of a sentence ("Kovač said", "according to X") counts as
/// content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AttributionMode {
    /// Default: the speaker phrase and cue are set apart, so a claim credited to
    /// another speaker, or quoted in another form, still aligns.
    #[default]
    SetApart,
    /// Every word counts as content.
    Content,
}

/// How numbers, days and months enter the content tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum NumberMode {
    /// Default: typed placeholders (`<num>`, `<pct>`, `<money>`, `<day>`, `<month>`), so a
    /// changed figure or day still aligns.
    #[default]
    Placeholders,
    /// Literal digits and words.
    Literal,
}

/// Word folding before comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum StemMode {
    /// Default: irregular verb table plus English suffix rules.
    #[default]
    Light,
    /// Lower-case only.
    None,
}

/// Function words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum StopWordMode {
    /// Default: English function words are dropped.
    #[default]
    English,
    /// Function words are content.
    Keep,
}

/// Synonym canonicalization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SynonymMode {
    /// Default: our English synonym and phrasal-verb lexicon maps each group to one word.
    #[default]
    English,
    /// No synonyms.
    None,
}

/// Token weights in the similarity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Weighting {
    /// Default: inverse document frequency over the claims being aligned,
    /// `ln(1 + N/df)`.
    #[default]
    Idf,
    /// Every token weighs 1 (plain Jaccard).
    Uniform,
}

/// Whether the documents around two claims count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ContextMode {
    /// Default: two claims link only if their documents are about the same story: the
    /// weighted Jaccard similarity of the documents' signatures is at least
    /// [`AlignConfig::context_threshold`]. A signature is the document's
    /// [`AlignConfig::context_tokens`] key terms by tf-idf (tf: how many of its claims
    /// hold the token; idf over documents), among the tokens that at least one other
    /// document has too: the names and terms an article keeps coming back to. Articles on one event
    /// share its names, places and rare terms; unrelated stories share only common
    /// words, so short generic sentences of different stories do not align.
    #[default]
    Document,
    /// Claims are compared alone.
    None,
}

/// How candidate links become groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum GroupMode {
    /// Default: mutual best matches per document pair, merged strongest first with one
    /// claim per document and the average-link check.
    #[default]
    MutualBest,
    /// Every link above the threshold, merged the same way (one claim per document,
    /// average-link check).
    AllLinks,
}

/// Settings of claim normalization and alignment. The defaults are what was measured
/// (see `benches/compare.sh`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlignConfig {
    /// Minimum [`decision_score`] of a link (weighted Jaccard similarity, weighted
    /// containment and shared word pairs), `0.0..=1.0`. Default `0.29`.
    pub threshold: f64,
    /// Minimum weighted Jaccard similarity of a candidate pair (the exact join's
    /// threshold), `0.0..=1.0`; candidates are then decided by [`AlignConfig::threshold`]
    /// on the score. Default `0.15`.
    pub candidate_threshold: f64,
    /// Minimum mean similarity between the members of two groups for them to merge,
    /// `0.0..=1.0`. Default `0.25`.
    pub link_threshold: f64,
    /// Attribution handling. Default [`AttributionMode::SetApart`].
    pub attribution: AttributionMode,
    /// Numbers and days. Default [`NumberMode::Placeholders`].
    pub numbers: NumberMode,
    /// Word folding. Default [`StemMode::Light`].
    pub stemming: StemMode,
    /// Function words. Default [`StopWordMode::English`].
    pub stop_words: StopWordMode,
    /// Synonyms. Default [`SynonymMode::English`].
    pub synonyms: SynonymMode,
    /// Token weights. Default [`Weighting::Idf`].
    pub weighting: Weighting,
    /// Grouping. Default [`GroupMode::MutualBest`].
    pub grouping: GroupMode,
    /// Threads for building claims; `0` (the default) uses every available core. The
    /// output is the same for any number.
    pub threads: usize,
    /// Document context. Default [`ContextMode::Document`].
    pub context: ContextMode,
    /// Minimum similarity of two documents for their claims to link, `0.0..=1.0`,
    /// with [`ContextMode::Document`]. Default `0.2`.
    pub context_threshold: f64,
    /// How many of a document's rarest tokens make its signature for
    /// [`ContextMode::Document`]. Default `12`.
    pub context_tokens: usize,
    /// With at most this many documents, [`ContextMode::Document`] takes them all as one
    /// story: a handful of articles given together are a story cluster, and document
    /// frequencies over so few documents cannot tell story terms from common words.
    /// Default `8`.
    pub context_min_docs: usize,
}

impl Default for AlignConfig {
    fn default() -> AlignConfig {
        AlignConfig {
            threshold: 0.29,
            candidate_threshold: 0.15,
            link_threshold: 0.25,
            attribution: AttributionMode::default(),
            numbers: NumberMode::default(),
            stemming: StemMode::default(),
            stop_words: StopWordMode::default(),
            synonyms: SynonymMode::default(),
            weighting: Weighting::default(),
            grouping: GroupMode::default(),
            threads: 0,
            context: ContextMode::default(),
            context_threshold: 0.2,
            context_tokens: 12,
            context_min_docs: 8,
        }
    }
}

// ---------------------------------------------------------------- token sets

/// Claims as weighted token sets, ready for the join: tokens are ranked by rarity
/// (rarest first, ties by the token's text) and each set is sorted by rank.
#[derive(Clone, Debug)]
pub struct TokenSets {
    /// Per set: its group key (document index); pairs within one key are not joined.
    key: Vec<u32>,
    /// Per set: range into `ranks`.
    offsets: Vec<usize>,
    /// Token ranks of all sets, each set sorted ascending.
    ranks: Vec<u32>,
    /// Weight of each rank.
    weight: Vec<f64>,
    /// Per set: total weight.
    total: Vec<f64>,
}

impl TokenSets {
    /// Builds the sets from `(key, tokens)` records; records with the same key (document)
    /// are never paired. Token weights follow `weighting`, over these records.
    pub fn new<'a, I: IntoIterator<Item = &'a str>>(
        records: impl IntoIterator<Item = (u32, I)>,
        weighting: Weighting,
    ) -> TokenSets {
        let mut ids: FastMap<&str, u32> = FastMap::default();
        let mut texts: Vec<&str> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut key = Vec::new();
        let mut offsets = vec![0];
        let mut raw: Vec<u32> = Vec::new();
        for (k, tokens) in records {
            let start = raw.len();
            for t in tokens {
                let id = *ids.entry(t).or_insert_with(|| {
                    texts.push(t);
                    df.push(0);
                    (texts.len() - 1) as u32
                });
                raw.push(id);
            }
            let set = &mut raw[start..];
            set.sort_unstable();
            let mut n = 0;
            for i in 0..set.len() {
                if i == 0 || set[i] != set[n - 1] {
                    set[n] = set[i];
                    n += 1;
                }
            }
            raw.truncate(start + n);
            for &id in &raw[start..] {
                df[id as usize] += 1;
            }
            key.push(k);
            offsets.push(raw.len());
        }
        let n_sets = key.len() as f64;
        let mut by_rarity: Vec<u32> = (0..texts.len() as u32).collect();
        by_rarity.sort_unstable_by(|&a, &b| {
            df[a as usize]
                .cmp(&df[b as usize])
                .then_with(|| texts[a as usize].cmp(texts[b as usize]))
        });
        let mut rank_of = vec![0u32; texts.len()];
        let mut weight = vec![0.0; texts.len()];
        for (r, &id) in by_rarity.iter().enumerate() {
            rank_of[id as usize] = r as u32;
            weight[r] = match weighting {
                Weighting::Idf => (1.0 + n_sets / df[id as usize] as f64).ln(),
                Weighting::Uniform => 1.0,
            };
        }
        let mut ranks = raw;
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

    /// Sets of token ids (any `u32` labels; ties in rarity are broken by id).
    pub fn from_ids(records: &[(u32, Vec<u32>)], weighting: Weighting) -> TokenSets {
        let max = records
            .iter()
            .flat_map(|r| r.1.iter().copied())
            .max()
            .map_or(0, |m| m as usize + 1);
        let mut df = vec![0u32; max];
        let mut key = Vec::with_capacity(records.len());
        let mut offsets = vec![0];
        let mut ranks: Vec<u32> = Vec::new();
        for (k, toks) in records {
            let start = ranks.len();
            ranks.extend_from_slice(toks);
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
            key.push(*k);
            offsets.push(ranks.len());
        }
        let mut by_rarity: Vec<u32> = (0..max as u32).filter(|&t| df[t as usize] > 0).collect();
        by_rarity.sort_unstable_by_key(|&t| (df[t as usize], t));
        let n_sets = key.len() as f64;
        let mut rank_of = vec![0u32; max];
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

    fn set(&self, i: usize) -> &[u32] {
        &self.ranks[self.offsets[i]..self.offsets[i + 1]]
    }

    /// The weighted Jaccard similarity of sets `a` and `b`, `0.0..=1.0` (0 when both
    /// are empty).
    pub fn similarity(&self, a: usize, b: usize) -> f64 {
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
        let union = self.total[a] + self.total[b] - ov;
        if union <= 0.0 {
            0.0
        } else {
            (ov / union).clamp(0.0, 1.0)
        }
    }

    /// The decision score of sets `a` and `b`, `0.0..=1.0`: the mean of their weighted
    /// Jaccard similarity `w(A∩B) / w(A∪B)` and their weighted containment
    /// `w(A∩B) / min(w(A), w(B))`. Near-duplicates score like their Jaccard similarity;
    /// a statement that one outlet reports alone and another embeds in a longer sentence
    /// ("…, the ministry said in a statement after talks in Minsk") keeps a high
    /// containment where its Jaccard similarity drops.
    pub fn score(&self, a: usize, b: usize) -> f64 {
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
        combined(ov, self.total[a], self.total[b])
    }
}

/// [`TokenSets::score`] from the overlap weight and the two total weights.
fn combined(ov: f64, ta: f64, tb: f64) -> f64 {
    let union = ta + tb - ov;
    let small = ta.min(tb);
    if union <= 0.0 || small <= 0.0 {
        return 0.0;
    }
    (0.5 * (ov / union + ov / small)).clamp(0.0, 1.0)
}

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

const SLACK: f64 = 1e-9;

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
    let union = sets.total[x] + sets.total[y] - ov;
    if union <= 0.0 {
        0.0
    } else {
        (ov / union).clamp(0.0, 1.0)
    }
}

/// Links of sets whose keys (documents) are similar: an exact join of the documents'
/// token sets (union of their claims' tokens, weighted by document frequency) at
/// `config.context_threshold`, then every claim pair of each similar document pair
/// compared at `config.threshold`. `sets` must list each key's records contiguously,
/// keys `0, 1, 2, ...` in order. Equal to [`join`] filtered by document similarity.
pub fn join_in_context(sets: &TokenSets, config: &AlignConfig) -> Vec<Link> {
    let (class, n_classes) = intern((0..sets.len()).map(|i| sets.set(i)));
    let mut out = Vec::new();
    for_each_context_pair(sets, config, &class, n_classes, |_, _, pairs| {
        out.extend(pairs.iter().map(|&(a, b, score)| Link { a, b, score }));
    });
    out.sort_unstable_by_key(|p| (p.a, p.b));
    out
}

/// Equal items get equal ids: per item its id, ids from 0 in order of first
/// occurrence, and the number of distinct items.
fn intern<T: std::hash::Hash + Eq>(items: impl Iterator<Item = T>) -> (Vec<u32>, usize) {
    let mut ids: FastMap<T, u32> = FastMap::default();
    let out = items
        .map(|x| {
            let next = ids.len() as u32;
            *ids.entry(x).or_insert(next)
        })
        .collect();
    (out, ids.len())
}

/// The work of [`join_in_context`], one same-story document pair at a time: calls
/// `visit(range_a, range_b, pairs)` for each such pair of documents (their ranges of
/// sets, `a` before `b`) with its candidate pairs `(set of a, set of b, similarity)`.
/// `class` labels the sets so that equal sets have equal labels (`0..n_classes`): the
/// candidates of a set against one document depend on its tokens only, so they are
/// found once per document and distinct set, and reused for every copy of that set
/// (news clusters repeat sentences verbatim, hundreds of times).
fn for_each_context_pair(
    sets: &TokenSets,
    config: &AlignConfig,
    class: &[u32],
    n_classes: usize,
    visit: impl FnMut((usize, usize), (usize, usize), &[(u32, u32, f64)]),
) {
    let (ranges, doc_links) = context_doc_links(sets, config);
    visit_doc_pairs(sets, config, &ranges, &doc_links, class, n_classes, visit);
}

/// Per document, its range of sets; and the same-story document pairs, sorted.
fn context_doc_links(sets: &TokenSets, config: &AlignConfig) -> (Vec<(usize, usize)>, Vec<Link>) {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < sets.len() {
        let start = i;
        while i < sets.len() && sets.key[i] == sets.key[start] {
            i += 1;
        }
        ranges.push((start, i));
    }
    // per document: its distinct tokens and in how many of its claims each occurs
    let mut doc_tf: Vec<Vec<(u32, u32)>> = Vec::with_capacity(ranges.len());
    let mut doc_df = vec![0u32; sets.weight.len()];
    for &(s, e) in &ranges {
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
    // the signature: the document's key terms by tf-idf (claims of the document holding
    // the token, times ln(1 + documents / documents holding it)), among the tokens it
    // shares with at least one other document; ties by rarity
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
    let mut doc_links = if ranges.len() <= config.context_min_docs {
        let n = ranges.len() as u32;
        (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| Link { a, b, score: 1.0 }))
            .collect()
    } else {
        let docs = TokenSets::from_ids(&doc_sets, config.weighting);
        join(&docs, config.context_threshold)
    };
    doc_links.sort_unstable_by_key(|l| (l.a, l.b));
    (ranges, doc_links)
}

/// The pair loop of [`for_each_context_pair`] over `doc_links` (sorted).
fn visit_doc_pairs(
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
    const NIL: u32 = u32::MAX;
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

/// The reference for [`join`]: every pair compared, `O(n²)`. For tests.
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

// ---------------------------------------------------------------- groups

/// The weighted token sets of `claims`, keyed by document.
pub fn token_sets(claims: &[Claim], weighting: Weighting) -> TokenSets {
    let mut docs: Vec<&DocId> = claims.iter().map(|c| &c.doc).collect();
    docs.sort();
    docs.dedup();
    let key_of = |d: &DocId| docs.binary_search(&d).unwrap_or(0) as u32;
    TokenSets::new(
        claims.iter().map(|c| (key_of(&c.doc), c.content_tokens())),
        weighting,
    )
}

/// Groups of claims from different documents that report the same thing (see the
/// module docs). Only groups of two or more claims are returned, members sorted by id,
/// groups sorted by their first member; the same claims in any order give the same
/// groups.
///
/// ```
/// use corroborate::{align, claims, Document};
/// let docs = [
///     Document::new("a", "The minister said the talks would resume on Friday. It rained."),
///     Document::new("b", "Negotiations will restart on Thursday, according to the minister. Shops closed early."),
/// ];
/// let config = align::AlignConfig::default();
/// let cs = claims::from_documents(&docs, &config);
/// let groups = align::groups(&cs, &config);
/// assert_eq!(groups.len(), 1);
/// assert_eq!(cs[groups[0].claims[0].0 as usize].text, "The minister said the talks would resume on Friday.");
/// ```
pub fn groups(claims: &[Claim], config: &AlignConfig) -> Vec<Group> {
    groups_with(claims, config, true)
}

/// [`groups`] computed the plain way: every candidate pair scored with
/// [`decision_score`], every link offered to the mutual-best filter, every average-link
/// check computed afresh. The result is the same as [`groups`] (which shares work between
/// copies of one sentence); this is the reference it is tested against.
pub fn groups_unshared(claims: &[Claim], config: &AlignConfig) -> Vec<Group> {
    groups_with(claims, config, false)
}

fn groups_with(claims: &[Claim], config: &AlignConfig, shared: bool) -> Vec<Group> {
    let mut idx: Vec<usize> = (0..claims.len()).collect();
    idx.sort_by(|&a, &b| {
        (
            &claims[a].doc,
            claims[a].span.start,
            claims[a].span.end,
            claims[a].id,
        )
            .cmp(&(
                &claims[b].doc,
                claims[b].span.start,
                claims[b].span.end,
                claims[b].id,
            ))
    });
    let sorted: Vec<&Claim> = idx.iter().map(|&i| &claims[i]).collect();
    let mut docs: Vec<&DocId> = sorted.iter().map(|c| &c.doc).collect();
    docs.dedup();
    let mut key = Vec::with_capacity(sorted.len());
    let mut d = 0;
    for c in &sorted {
        while docs[d] != &c.doc {
            d += 1;
        }
        key.push(d as u32);
    }
    let sets = TokenSets::new(
        sorted
            .iter()
            .zip(&key)
            .map(|(c, &k)| (k, c.content_tokens())),
        config.weighting,
    );
    let fast = shared
        && config.context == ContextMode::Document
        && config.grouping == GroupMode::MutualBest
        && config.threshold <= 1.0;
    let components = if fast {
        let kept = kept_in_context(&sets, &sorted, config);
        merge_links(&sets, kept, config)
    } else {
        let candidates = match config.context {
            ContextMode::None => join(&sets, config.candidate_threshold),
            ContextMode::Document => join_in_context(&sets, config),
        };
        let links = decide(&sets, &sorted, candidates, config.threshold);
        group_links(&sets, &links, config)
    };
    let mut out: Vec<Group> = components
        .into_iter()
        .map(|(members, score)| {
            let mut ids: Vec<ClaimId> = members.iter().map(|&m| sorted[m as usize].id).collect();
            ids.sort();
            Group {
                id: GroupId(0),
                claims: ids,
                score,
            }
        })
        .collect();
    out.sort_by(|a, b| a.claims.cmp(&b.claims));
    for (i, g) in out.iter_mut().enumerate() {
        g.id = GroupId(i as u32);
    }
    out
}

/// The links that survive [`decide`] and the mutual-best filter of [`group_links`]
/// (default [`ContextMode::Document`], [`GroupMode::MutualBest`]), found one document
/// pair at a time without scoring what cannot matter. Copies of one sentence (equal
/// content tokens) in two documents are scored once per sentence: when that gives
/// exactly 1.0, the highest score there is, every copy pair is taken to score 1.0 (the
/// score of equal claims does not depend on their documents). A claim with such a copy
/// in the other document is *settled*: its best match there is a copy (or an equal set
/// scoring 1.0 with a lower index), since only equal token sets score 1.0. A link
/// between different sets survives only if neither end is settled, so a pair is scored
/// only when an end is unsettled and that end has a candidate that could keep a link:
/// an unsettled partner or an equal set. Everything else is as in the plain path.
fn kept_in_context(sets: &TokenSets, claims: &[&Claim], config: &AlignConfig) -> Vec<Link> {
    let (set_class, n_set) = intern((0..sets.len()).map(|i| sets.set(i)));
    let (seq_class, n_seq) = intern(claims.iter().map(|c| c.tokens.as_str()));
    // the phrase term of the score depends on a claim's text and tokens only
    let (text_class, _) = intern(claims.iter().map(|c| (c.text.as_str(), c.tokens.as_str())));
    let counts = DocCounts::new(sets);
    // per sentence (equal tokens) found in two documents: whether its copies score 1.0,
    // from its first two copies in different documents
    let mut first: Vec<u32> = vec![u32::MAX; n_seq];
    let mut exact: Vec<Option<bool>> = vec![None; n_seq];
    for (i, &q) in seq_class.iter().enumerate() {
        let q = q as usize;
        match first[q] {
            u32::MAX => first[q] = i as u32,
            f if exact[q].is_none() && sets.key[f as usize] != sets.key[i] => {
                exact[q] = Some(decision_score(sets, &counts, claims, f as usize, i) == 1.0);
            }
            _ => {}
        }
    }
    let exact: Vec<bool> = exact.into_iter().map(|e| e == Some(true)).collect();
    let (ranges, doc_links) = context_doc_links(sets, config);
    let keeper = Keeper {
        sets,
        claims,
        counts: &counts,
        set_class: &set_class,
        seq_class: &seq_class,
        text_class: &text_class,
        exact: &exact,
        threshold: config.threshold,
    };
    let run = |links: &[Link]| {
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        visit_doc_pairs(
            sets,
            config,
            &ranges,
            links,
            &set_class,
            n_set,
            |ra, rb, pairs| {
                keeper.keep(ra, rb, pairs, &mut scratch, &mut out);
            },
        );
        out
    };
    let threads = match config.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .clamp(1, 64);
    if threads == 1 || doc_links.len() < 1024 {
        return run(&doc_links);
    }
    // chunks of about equal numbers of document pairs, cut where the first document
    // changes (each chunk indexes its first documents once)
    let mut cuts = vec![0];
    let step = doc_links.len().div_ceil(threads);
    while let Some(&last) = cuts.last() {
        let mut c = (last + step).min(doc_links.len());
        while c < doc_links.len() && doc_links[c].a == doc_links[c - 1].a {
            c += 1;
        }
        cuts.push(c);
        if c == doc_links.len() {
            break;
        }
    }
    let mut out = Vec::new();
    std::thread::scope(|scope| {
        let handles: Vec<_> = cuts
            .windows(2)
            .map(|w| {
                let part = &doc_links[w[0]..w[1]];
                let run = &run;
                scope.spawn(move || run(part))
            })
            .collect();
        for h in handles {
            // a worker only panics on a bug; surface it rather than lose links
            out.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
    });
    out
}

/// What [`kept_in_context`] reads, shared by its threads.
struct Keeper<'s, 'c> {
    sets: &'s TokenSets,
    claims: &'s [&'c Claim],
    counts: &'s DocCounts,
    set_class: &'s [u32],
    seq_class: &'s [u32],
    /// Per set: equal claim texts and tokens have equal labels.
    text_class: &'s [u32],
    /// Per sentence: its copies in two documents score exactly 1.0.
    exact: &'s [bool],
    threshold: f64,
}

/// Per-thread buffers of [`Keeper::keep`], per claim of the two documents.
#[derive(Default)]
struct Scratch {
    settled_a: Vec<bool>,
    settled_b: Vec<bool>,
    need_a: Vec<bool>,
    need_b: Vec<bool>,
    /// Best partner in the other document: (score, index).
    best_a: Vec<(f64, u32)>,
    best_b: Vec<(f64, u32)>,
    kind: Vec<u8>,
    linked: Vec<(u32, u32, f64)>,
    /// [`phrase_overlap`] per pair of text classes met so far: copies of one sentence
    /// meet the same partners again in document pair after document pair.
    phrase: FastMap<(u32, u32), f64>,
}

impl Keeper<'_, '_> {
    /// The links of one document pair that survive the mutual-best filter, into `out`.
    fn keep(
        &self,
        ra: (usize, usize),
        rb: (usize, usize),
        pairs: &[(u32, u32, f64)],
        s: &mut Scratch,
        out: &mut Vec<Link>,
    ) {
        const COPY: u8 = 0; // equal content tokens, known to score 1.0
        const SAME_SET: u8 = 1;
        const OTHER: u8 = 2;
        let phrase = &mut s.phrase;
        let mut score = |a: u32, b: u32| {
            let (a, b) = (a as usize, b as usize);
            let key = (self.text_class[a], self.text_class[b]);
            let bigram = *phrase
                .entry(key)
                .or_insert_with(|| phrase_overlap(self.claims[a], self.claims[b]));
            score_with_phrase(self.sets, self.counts, a, b, bigram)
        };
        let (na, nb) = (ra.1 - ra.0, rb.1 - rb.0);
        for v in [&mut s.settled_a, &mut s.need_a] {
            v.clear();
            v.resize(na, false);
        }
        for v in [&mut s.settled_b, &mut s.need_b] {
            v.clear();
            v.resize(nb, false);
        }
        s.kind.clear();
        for &(a, b, _) in pairs {
            let (la, lb) = (a as usize - ra.0, b as usize - rb.0);
            let q = self.seq_class[a as usize];
            let k = if q == self.seq_class[b as usize] && self.exact[q as usize] {
                s.settled_a[la] = true;
                s.settled_b[lb] = true;
                COPY
            } else if self.set_class[a as usize] == self.set_class[b as usize] {
                SAME_SET
            } else {
                OTHER
            };
            s.kind.push(k);
        }
        for (&(a, b, _), &k) in pairs.iter().zip(&s.kind) {
            let (la, lb) = (a as usize - ra.0, b as usize - rb.0);
            if k == COPY {
                continue;
            }
            if !s.settled_a[la] && (k == SAME_SET || !s.settled_b[lb]) {
                s.need_a[la] = true;
            }
            if !s.settled_b[lb] && (k == SAME_SET || !s.settled_a[la]) {
                s.need_b[lb] = true;
            }
        }
        s.best_a.clear();
        s.best_a.resize(na, (f64::NAN, u32::MAX));
        s.best_b.clear();
        s.best_b.resize(nb, (f64::NAN, u32::MAX));
        // as `group_links` offers: higher score, then lower index
        let offer = |e: &mut (f64, u32), x: f64, to: u32| {
            if e.1 == u32::MAX || x > e.0 || (x == e.0 && to < e.1) {
                *e = (x, to);
            }
        };
        s.linked.clear();
        for (&(a, b, _), &k) in pairs.iter().zip(&s.kind) {
            let (la, lb) = (a as usize - ra.0, b as usize - rb.0);
            let x = match k {
                COPY => 1.0,
                SAME_SET => score(a, b),
                _ if s.need_a[la] || s.need_b[lb] => score(a, b),
                _ => continue, // below 1.0 and beaten on both ends: never kept
            };
            if x >= self.threshold {
                offer(&mut s.best_a[la], x, b);
                offer(&mut s.best_b[lb], x, a);
                s.linked.push((a, b, x));
            }
        }
        for &(a, b, x) in &s.linked {
            let (la, lb) = (a as usize - ra.0, b as usize - rb.0);
            if s.best_a[la].1 == b && s.best_b[lb].1 == a {
                out.push(Link { a, b, score: x });
            }
        }
    }
}

/// Sorts links as [`group_links`] takes them: score descending (by `f64::total_cmp`),
/// then `(a, b)`. In a big cluster most links join verbatim copies and score exactly
/// 1.0; those are put in `(a, b)` order by a counting sort on `a`. The others sort as
/// one integer key each (the score's bits in total order, inverted, above `a` and `b`)
/// rather than through a float comparison.
fn sort_strongest_first(links: &mut [Link]) {
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

/// The merging half of [`group_links`] on links already filtered: strongest first (ties
/// by ids), at most one set per key, the average-link check. The same computation with
/// its repeated parts shared: [`TokenSets::score`] is computed once per pair of distinct
/// sets, and the one-per-key check compares sorted key lists.
fn merge_links(
    sets: &TokenSets,
    mut kept: Vec<Link>,
    config: &AlignConfig,
) -> Vec<(Vec<u32>, f64)> {
    let (class, _) = intern((0..sets.len()).map(|i| sets.set(i)));
    let mut memo: FastMap<(u32, u32), f64> = FastMap::default();
    let mut score = |x: u32, y: u32| {
        *memo
            .entry((class[x as usize], class[y as usize]))
            .or_insert_with(|| sets.score(x as usize, y as usize))
    };
    sort_strongest_first(&mut kept);
    let n = sets.len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); n];
    // per root: the keys of its members, sorted (one member per key)
    let mut keys: Vec<Vec<u32>> = vec![Vec::new(); n];
    fn find(parent: &mut [u32], x: u32) -> u32 {
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
    for l in &kept {
        for v in [l.a, l.b] {
            if members[v as usize].is_empty() && parent[v as usize] == v {
                members[v as usize].push(v);
                keys[v as usize].push(sets.key[v as usize]);
            }
        }
        let (ra, rb) = (find(&mut parent, l.a), find(&mut parent, l.b));
        if ra == rb || share(&keys[ra as usize], &keys[rb as usize]) {
            continue;
        }
        let (ma, mb) = (&members[ra as usize], &members[rb as usize]);
        if ma.len() + mb.len() > 2 {
            const CAP: usize = 12;
            let mut sum = 0.0;
            let mut k = 0usize;
            for &x in ma.iter().take(CAP) {
                for &y in mb.iter().take(CAP) {
                    sum += score(x, y);
                    k += 1;
                }
            }
            if k > 0 && sum / (k as f64) < config.link_threshold {
                continue;
            }
        }
        let (small, big) = if ma.len() < mb.len() || (ma.len() == mb.len() && ra > rb) {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let moved = std::mem::take(&mut members[small as usize]);
        parent[small as usize] = big;
        members[big as usize].extend(moved);
        let moved = std::mem::take(&mut keys[small as usize]);
        let mine = std::mem::take(&mut keys[big as usize]);
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
        keys[big as usize] = merged;
    }
    let mut out: Vec<(Vec<u32>, f64)> = members
        .into_iter()
        .filter(|m| m.len() >= 2)
        .map(|mut m| {
            m.sort_unstable();
            // a group of hundreds of copies holds few distinct sets: their scores in a
            // small table, summed in the same order as pair by pair
            let mut distinct: Vec<(u32, u32)> = m.iter().map(|&x| (class[x as usize], x)).collect();
            distinct.sort_unstable();
            distinct.dedup_by_key(|e| e.0);
            let k = distinct.len();
            let local: Vec<usize> = m
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
            for i in 0..m.len() {
                let row = &table[local[i] * k..local[i] * k + k];
                for &lj in &local[i + 1..] {
                    sum += row[lj];
                    n += 1;
                }
            }
            let score = if n == 0 { 0.0 } else { sum / n as f64 };
            (m, score)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The share of adjacent content-token pairs (bigrams, in text order) that two claims
/// have in common, over the claim with fewer: `0.0..=1.0`, 0 when either has none.
/// Word order is evidence that two sentences carry the same phrase ("deep concern",
/// "Cold War", "world economy"), not just the same vocabulary.
pub fn bigram_overlap(a: &Claim, b: &Claim) -> f64 {
    // Word pairs as 64-bit FNV-1a hashes of "first second", in fixed buffers: this runs
    // for every scored candidate, so it neither allocates nor compares strings. A claim
    // with more pairs than the buffer holds takes the rest into a vector.
    const N: usize = 96;
    fn bigrams<'b>(c: &Claim, buf: &'b mut [u64; N], spill: &'b mut Vec<u64>) -> &'b [u64] {
        let mut n = 0;
        let mut prev: Option<u64> = None;
        for t in c.content_tokens() {
            let mut h = 0xcbf2_9ce4_8422_2325u64;
            for &byte in t.as_bytes() {
                h ^= u64::from(byte);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            if let Some(p) = prev {
                // the pair: the first word's hash, a separator, the second word's bytes
                let mut k = p ^ 0x20;
                k = k.wrapping_mul(0x0100_0000_01b3);
                for &byte in t.as_bytes() {
                    k ^= u64::from(byte);
                    k = k.wrapping_mul(0x0100_0000_01b3);
                }
                if n < N {
                    buf[n] = k;
                } else {
                    if spill.is_empty() {
                        spill.extend_from_slice(&buf[..]);
                    }
                    spill.push(k);
                }
                n += 1;
            }
            prev = Some(h);
        }
        let v: &mut [u64] = if n <= N {
            &mut buf[..n]
        } else {
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
    let x = bigrams(a, &mut ba, &mut sa);
    let y = bigrams(b, &mut bb, &mut sb);
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
/// that both claims hold verbatim inside quotation marks ([`claims::quoted_words`],
/// function words left out): a run of `L` words gives `(L - 1) / 4`, so a shared
/// three-word quotation gives 1/2 and five words or more give 1. Outlets that quote one
/// statement share its wording, however much of their own they write around it ("an
/// “all-weather comprehensive strategic cooperation”" and "an “all-weather comprehensive
/// strategic partnership”").
///
/// ```
/// use corroborate::{align, claims, align::AlignConfig, Document};
/// let docs = [
///     Document::new("a", "It called the ties an “all-weather comprehensive strategic cooperation”."),
///     Document::new("b", "Xi and Lukashenko elevated ties to an “all-weather comprehensive strategic partnership”."),
/// ];
/// let cs = claims::from_documents(&docs, &AlignConfig::default());
/// assert!((align::quote_overlap(&cs[0], &cs[1]) - 0.5).abs() < 1e-9);
/// ```
pub fn quote_overlap(a: &Claim, b: &Claim) -> f64 {
    const MARKS: [char; 7] = [
        '"', '\u{201C}', '\u{201D}', '\u{201E}', '\u{201F}', '«', '»',
    ];
    if !a.text.contains(MARKS) || !b.text.contains(MARKS) {
        return 0.0;
    }
    let (qa, qb) = (claims::quoted_words(&a.text), claims::quoted_words(&b.text));
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
    (best.saturating_sub(1) as f64 / 4.0).min(1.0)
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
    /// contiguous (as [`groups`] and [`token_sets`] build them).
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
fn phrase_overlap(x: &Claim, y: &Claim) -> f64 {
    bigram_overlap(x, y).max(quote_overlap(x, y))
}

/// [`decision_score`] given its `B` term `bigram`.
fn score_with_phrase(sets: &TokenSets, counts: &DocCounts, a: usize, b: usize, bigram: f64) -> f64 {
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
    (0.8 * combined(ov, ta, tb) + 0.2 * bigram).clamp(0.0, 1.0)
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

/// Merges links into groups of set indices with one set per key; returns each group's
/// members (sorted) and score.
fn group_links(sets: &TokenSets, links: &[Link], config: &AlignConfig) -> Vec<(Vec<u32>, f64)> {
    let kept: Vec<Link> = match config.grouping {
        GroupMode::AllLinks => links.to_vec(),
        GroupMode::MutualBest => {
            // best partner of each set in each other key: highest score, then lowest index
            let mut best: FastMap<(u32, u32), (f64, u32)> = FastMap::default();
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
    };
    let mut order: Vec<&Link> = kept.iter().collect();
    order.sort_by(|p, q| {
        q.score
            .total_cmp(&p.score)
            .then((p.a, p.b).cmp(&(q.a, q.b)))
    });
    // union-find with member lists (small groups: at most one member per document)
    let n = sets.len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); n];
    fn find(parent: &mut [u32], x: u32) -> u32 {
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
    for l in order {
        for v in [l.a, l.b] {
            if members[v as usize].is_empty() && parent[v as usize] == v {
                members[v as usize].push(v);
            }
        }
        let (ra, rb) = (find(&mut parent, l.a), find(&mut parent, l.b));
        if ra == rb {
            continue;
        }
        let (ma, mb) = (&members[ra as usize], &members[rb as usize]);
        let clash = ma.iter().any(|&x| {
            mb.iter()
                .any(|&y| sets.key[x as usize] == sets.key[y as usize])
        });
        if clash {
            continue;
        }
        if ma.len() + mb.len() > 2 {
            const CAP: usize = 12;
            let mut sum = 0.0;
            let mut k = 0usize;
            for &x in ma.iter().take(CAP) {
                for &y in mb.iter().take(CAP) {
                    sum += sets.score(x as usize, y as usize);
                    k += 1;
                }
            }
            if k > 0 && sum / (k as f64) < config.link_threshold {
                continue;
            }
        }
        let (small, big) = if ma.len() < mb.len() || (ma.len() == mb.len() && ra > rb) {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let moved = std::mem::take(&mut members[small as usize]);
        parent[small as usize] = big;
        members[big as usize].extend(moved);
    }
    let mut out: Vec<(Vec<u32>, f64)> = members
        .into_iter()
        .filter(|m| m.len() >= 2)
        .map(|mut m| {
            m.sort_unstable();
            let mut sum = 0.0;
            let mut n = 0usize;
            for i in 0..m.len() {
                for j in i + 1..m.len() {
                    sum += sets.score(m[i] as usize, m[j] as usize);
                    n += 1;
                }
            }
            let score = if n == 0 { 0.0 } else { sum / n as f64 };
            (m, score)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Pairs of claims from different documents that share a group, each once, `a < b`.
pub fn group_pairs(groups: &[Group], claims: &[Claim]) -> Vec<(ClaimId, ClaimId)> {
    let doc: HashMap<ClaimId, &DocId> = claims.iter().map(|c| (c.id, &c.doc)).collect();
    let mut out = Vec::new();
    for g in groups {
        for (i, &a) in g.claims.iter().enumerate() {
            for &b in &g.claims[i + 1..] {
                if doc.get(&a) != doc.get(&b) {
                    out.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

// ---------------------------------------------------------------- output

/// One input document in an [`Alignment`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    /// The document id.
    pub id: DocId,
    /// Its outlet, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Its publication date, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
}

/// One claim in an [`Alignment`]: where it is and who is said to have said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimSummary {
    /// The claim id.
    pub id: ClaimId,
    /// The document.
    pub doc: DocId,
    /// First byte in the document text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The claim's text, equal to `doc.text[start..end]`.
    pub text: String,
    /// The attribution's speaker phrase, as written, if any.
    pub speaker: Option<String>,
}

/// What `corroborate align` prints: documents, claims and their groups.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// The documents, sorted by id.
    pub documents: Vec<DocumentSummary>,
    /// Every claim, by id.
    pub claims: Vec<ClaimSummary>,
    /// The groups (see [`groups`]).
    pub groups: Vec<Group>,
}

/// Segments, builds claims and aligns them: the whole alignment of `docs` in one call.
///
/// ```
/// use corroborate::{align, Document};
/// let docs = [
///     Document::new("a", "Xi urged all parties to abandon Cold War thinking."),
///     Document::new("b", "All sides should give up the Cold War mentality, Xi said."),
/// ];
/// let out = align::align(&docs, &align::AlignConfig::default());
/// assert_eq!(out.groups.len(), 1);
/// assert!(align::to_markdown(&out).contains("Cold War mentality"));
/// ```
pub fn align(docs: &[Document], config: &AlignConfig) -> Alignment {
    let (claims, groups) = claims::from_documents_aligned(docs, config);
    let text_of: HashMap<&DocId, &Document> = docs.iter().map(|d| (&d.id, d)).collect();
    let mut documents: Vec<DocumentSummary> = docs
        .iter()
        .map(|d| DocumentSummary {
            id: d.id.clone(),
            source: d.source.clone(),
            published: d.published,
        })
        .collect();
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    let claims = claims
        .into_iter()
        .map(|c| {
            let speaker = c.attribution.and_then(|s| {
                text_of
                    .get(&c.doc)
                    .and_then(|d| d.text.get(s.start..s.end))
                    .map(str::to_string)
            });
            ClaimSummary {
                id: c.id,
                doc: c.doc,
                start: c.span.start,
                end: c.span.end,
                text: c.text,
                speaker,
            }
        })
        .collect();
    Alignment {
        documents,
        claims,
        groups,
    }
}

/// The alignment as Markdown: one section per group, its members side by side in a
/// table (document, speaker, text).
pub fn to_markdown(alignment: &Alignment) -> String {
    use std::fmt::Write;
    let by_id: HashMap<ClaimId, &ClaimSummary> =
        alignment.claims.iter().map(|c| (c.id, c)).collect();
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut md = String::new();
    let _ = writeln!(
        md,
        "# Aligned claims\n\n{} documents, {} claims, {} groups.\n",
        alignment.documents.len(),
        alignment.claims.len(),
        alignment.groups.len()
    );
    for g in &alignment.groups {
        let _ = writeln!(md, "## Group {} (score {:.2})\n", g.id.0, g.score);
        let _ = writeln!(md, "| document | speaker | claim |\n|---|---|---|");
        for id in &g.claims {
            if let Some(c) = by_id.get(id) {
                let _ = writeln!(
                    md,
                    "| {} | {} | {} |",
                    cell(c.doc.as_str()),
                    cell(c.speaker.as_deref().unwrap_or("")),
                    cell(&c.text)
                );
            }
        }
        md.push('\n');
    }
    md
}

#[cfg(test)]
mod tests {
    use super::{sort_strongest_first, Link};

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
