//! The join: which pairs of documents share enough shingles to be worth verifying, found
//! from an index of shingles rather than by comparing every pair of documents; and the
//! verification of one pair, sentence by sentence, into shared passages.

use super::passages::DocShingles;

/// How many of the earliest documents carrying a shingle each later carrier is paired
/// with (besides the carrier just before it). A wire story carried by a thousand
/// outlets then makes a few thousand candidate pairs, not half a million; a copy of a
/// copy still meets its neighbour.
pub(super) const ANCHORS_PER_SHINGLE: usize = 3;

/// Fewest shingles a pair of documents must share (as counted through the anchors)
/// before its sentences are compared. The smallest passage that counts has 40 words
/// over 3 sentences (`MIN_PASSAGE_WORDS`, `MIN_PASSAGE_SENTENCES`), so 34 shingles,
/// of which a near-verbatim copy shares at least half ([`SENTENCE_MATCH`]): 17. Pairs
/// below 16 cannot hold a passage, and a few shared phrases are common wording.
pub(super) const MIN_CANDIDATE_SHINGLES: u32 = 16;

/// Share of the smaller sentence's shingles two sentences must share to be the same
/// sentence near-verbatim (one or two words edited).
pub(super) const SENTENCE_MATCH: f64 = 0.5;

/// Most sentences skipped on either side inside one passage: an edited or dropped
/// sentence does not cut a copied run in two.
pub(super) const MAX_GAP: usize = 1;

/// The pairs of documents `(a, b)`, `a` before `b` in `rank` order (indices into
/// `docs`), that share at least [`MIN_CANDIDATE_SHINGLES`] shingles, sorted.
///
/// `docs` must be in rank order (earliest first). Cost: sorting the postings, then at
/// most `ANCHORS_PER_SHINGLE + 1` pair counts per posting.
pub(super) fn candidate_pairs(docs: &[&DocShingles]) -> Vec<(u32, u32)> {
    let mut postings: Vec<(u64, u32)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let mut own: Vec<u64> = doc.postings.iter().map(|&(h, _)| h).collect();
        own.dedup();
        postings.extend(own.into_iter().map(|h| (h, d as u32)));
    }
    postings.sort_unstable();
    let mut pairs: Vec<u64> = Vec::new();
    for run in postings.chunk_by(|a, b| a.0 == b.0) {
        for (i, &(_, later)) in run.iter().enumerate().skip(1) {
            let anchors = i.min(ANCHORS_PER_SHINGLE);
            for &(_, earlier) in &run[..anchors] {
                pairs.push(u64::from(earlier) << 32 | u64::from(later));
            }
            if i > anchors {
                pairs.push(u64::from(run[i - 1].1) << 32 | u64::from(later));
            }
        }
    }
    pairs.sort_unstable();
    pairs
        .chunk_by(|a, b| a == b)
        .filter(|run| run.len() as u32 >= MIN_CANDIDATE_SHINGLES)
        .map(|run| ((run[0] >> 32) as u32, run[0] as u32))
        .collect()
}

/// One run of matched sentences between two documents: positions in each document's
/// [`DocShingles::sentences`], first and last (inclusive), and the count matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Run {
    /// First and last matched sentence in the first document.
    pub a: (usize, usize),
    /// First and last matched sentence in the second document.
    pub b: (usize, usize),
    /// Sentences of the second document matched.
    pub matched: usize,
    /// Words (outside quotation marks) of the matched sentences of the second document.
    pub words: usize,
}

/// The runs of near-verbatim sentences `a` and `b` share, in `b`'s text order: each
/// sentence of `b` is matched to the sentence of `a` sharing the largest share of
/// shingles, and consecutive matches in the same order on both sides form a run.
pub(super) fn shared_runs(a: &DocShingles, b: &DocShingles) -> Vec<Run> {
    let hits = shared_shingles(a, b);
    let mut runs: Vec<Run> = Vec::new();
    let mut counts: Vec<(u32, u32)> = Vec::new();
    for group in hits.chunk_by(|x, y| x.0 == y.0) {
        let j = group[0].0 as usize;
        let Some(sb) = b.sentences.get(j) else {
            continue;
        };
        counts.clear();
        counts.extend(group.iter().map(|&(_, i)| (i, 1)));
        let Some(i) = best_match(a, sb.shingles.len(), &mut counts, runs.last()) else {
            continue;
        };
        let extends = runs.last().filter(|r| {
            j > r.b.1 && j - r.b.1 <= MAX_GAP + 1 && i > r.a.1 && i - r.a.1 <= MAX_GAP + 1
        });
        if extends.is_some() {
            if let Some(r) = runs.last_mut() {
                r.a.1 = i;
                r.b.1 = j;
                r.matched += 1;
                r.words += sb.words;
            }
        } else {
            runs.push(Run {
                a: (i, i),
                b: (j, j),
                matched: 1,
                words: sb.words,
            });
        }
    }
    runs
}

/// Every shingle `a` and `b` share, as `(sentence of b, sentence of a)`, ordered by the
/// sentence of `b`: one merge of the two sorted postings lists, linear in their lengths.
fn shared_shingles(a: &DocShingles, b: &DocShingles) -> Vec<(u32, u32)> {
    let (pa, pb) = (&a.postings, &b.postings);
    let (mut x, mut y) = (0, 0);
    let mut hits = Vec::new();
    while x < pa.len() && y < pb.len() {
        let (ha, hb) = (pa[x].0, pb[y].0);
        if ha < hb {
            x += 1;
        } else if hb < ha {
            y += 1;
        } else {
            let xe = x + pa[x..].iter().take_while(|p| p.0 == ha).count();
            let ye = y + pb[y..].iter().take_while(|p| p.0 == hb).count();
            for &(_, j) in &pb[y..ye] {
                hits.extend(pa[x..xe].iter().map(|&(_, i)| (j, i)));
            }
            (x, y) = (xe, ye);
        }
    }
    by_copy_sentence(hits, b.sentences.len())
}

/// `hits` ordered by the sentence of `b` (a counting sort: linear in the hits and the
/// sentences, where a comparison sort of every pair's hits was most of the join's cost).
fn by_copy_sentence(hits: Vec<(u32, u32)>, sentences: usize) -> Vec<(u32, u32)> {
    let mut starts = vec![0usize; sentences + 1];
    for &(j, _) in &hits {
        if let Some(c) = starts.get_mut(j as usize + 1) {
            *c += 1;
        }
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut out = vec![(0, 0); hits.len()];
    for (j, i) in hits {
        if let Some(at) = starts.get_mut(j as usize) {
            if let Some(slot) = out.get_mut(*at) {
                *slot = (j, i);
            }
            *at += 1;
        }
    }
    out
}

/// The sentence of `a` that a sentence with `n` shingles matches, from the entries
/// `(sentence, 1)` in `counts`: the largest share of shared shingles at or above
/// [`SENTENCE_MATCH`], ties to the sentence that continues the current run.
fn best_match(
    a: &DocShingles,
    n: usize,
    counts: &mut [(u32, u32)],
    last: Option<&Run>,
) -> Option<usize> {
    counts.sort_unstable();
    let next = last.map(|r| r.a.1 + 1);
    let mut best: Option<(f64, bool, std::cmp::Reverse<usize>)> = None;
    let mut pick = None;
    for run in counts.chunk_by(|x, y| x.0 == y.0) {
        let i = run[0].0 as usize;
        let shared = run.len() as f64;
        let smaller = n.min(a.sentences.get(i)?.shingles.len()).max(1) as f64;
        let share = shared / smaller;
        if share < SENTENCE_MATCH {
            continue;
        }
        let key = (share, Some(i) == next, std::cmp::Reverse(i));
        if best.is_none_or(|b| key.partial_cmp(&b) == Some(std::cmp::Ordering::Greater)) {
            best = Some(key);
            pick = Some(i);
        }
    }
    pick
}
