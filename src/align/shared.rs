//! Alignment with work shared between verbatim copies: the default path (story context,
//! mutual best matches), one same-story document pair at a time, scoring a sentence's
//! copies once and never scoring a pair that cannot survive the mutual-best filter.

use super::candidates::visit_doc_pairs;
#[cfg(doc)]
use super::group::mutual_best;
use super::join::Link;
use super::score::{decision_score, phrase_overlap, score_with_phrase, DocCounts};
use super::story::{classes, story_pairs};
use super::token_sets::TokenSets;
use super::AlignConfig;
use crate::claims::interner::TermIds;
use crate::model::Claim;
use rustc_hash::FxHashMap;

/// Below this many same-story document pairs they are compared on the calling thread.
const MIN_DOC_PAIRS_FOR_THREADS: usize = 1024;

/// The links that survive [`super::decide`] and the mutual-best filter ([`mutual_best`])
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
pub(super) fn kept_in_context(
    sets: &TokenSets,
    claims: &[&Claim],
    ids: &TermIds<'_>,
    config: &AlignConfig,
    threads: usize,
) -> Vec<Link> {
    let (set_class, n_set) = classes((0..sets.len()).map(|i| sets.set(i)));
    let (seq_class, n_seq) = classes((0..ids.len()).map(|i| ids.get(i)));
    // the phrase term of the score depends on a claim's text and tokens only
    let (text_class, _) = classes(
        claims
            .iter()
            .zip(&seq_class)
            .map(|(c, &q)| (c.text.as_str(), q)),
    );
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
    let (ranges, doc_links) = story_pairs(sets, config);
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
    // chunks of about equal numbers of document pairs, cut where the first document
    // changes (each chunk indexes its first documents once)
    let parts = crate::par::map_chunks(
        &doc_links,
        threads,
        MIN_DOC_PAIRS_FOR_THREADS,
        |x, y| x.a == y.a,
        |part| run(part),
    );
    parts.concat()
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
    phrase: FxHashMap<(u32, u32), f64>,
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
