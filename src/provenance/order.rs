//! The copy graph: which side of a shared passage is the original (a credited agency's
//! own text, then the earlier publication, then the side the passages fill more of),
//! and which links a copy keeps (each must bring passages no earlier original already
//! accounts for, so a thousand copies of one wire story make a star, not a clique).

use super::join::Run;
use super::passages::DocShingles;
use crate::model::{CopyExtent, CopyOrder, Date, DocId, Document};

/// Share of a copy's sentences the shared passages must fill for the copy to be whole;
/// below it the copy adds reporting of its own.
pub(super) const FULL_COPY_SHARE: f64 = 0.8;

/// Difference in the share of sentences the passages fill that tells the original
/// from the copy when dates do not: a rewrite adds material around what it copies.
pub(super) const EXTENT_MARGIN: f64 = 0.1;

/// What copy detection knows of one document.
pub(super) struct Carrier<'d> {
    /// The document.
    pub doc: &'d Document,
    /// Its sentences as shingles.
    pub shingles: DocShingles,
    /// The agencies it credits.
    pub credits: Vec<&'static str>,
    /// The agency it is, when its outlet names one.
    pub agency: Option<&'static str>,
}

impl Carrier<'_> {
    /// Where the document stands in publication order: dated before undated, then id.
    pub fn rank_key(&self) -> (bool, Option<Date>, &DocId) {
        (
            self.doc.published.is_none(),
            self.doc.published,
            &self.doc.id,
        )
    }
}

/// The share of `doc`'s sentences the runs' sentences fill, on side `side` of them.
fn filled(doc: &DocShingles, runs: &[Run], side: impl Fn(&Run) -> (usize, usize)) -> f64 {
    let n = doc.sentences.len().max(1) as f64;
    let covered: usize = runs
        .iter()
        .map(|r| {
            let (first, last) = side(r);
            last + 1 - first
        })
        .sum();
    (covered as f64 / n).min(1.0)
}

/// Which of `a` and `b` is the original of the passages `runs` (given from `a`'s side
/// first), and what decided it: `true` when `a` is.
pub(super) fn a_is_original(a: &Carrier, b: &Carrier, runs: &[Run]) -> (bool, CopyOrder) {
    let credits = |copy: &Carrier, original: &Carrier| {
        original
            .agency
            .is_some_and(|agency| copy.credits.contains(&agency))
    };
    match (credits(b, a), credits(a, b)) {
        (true, false) => return (true, CopyOrder::Credited),
        (false, true) => return (false, CopyOrder::Credited),
        _ => {}
    }
    if let (Some(x), Some(y)) = (a.doc.published, b.doc.published) {
        if x != y {
            return (x < y, CopyOrder::Published);
        }
    }
    let fa = filled(&a.shingles, runs, |r| r.a);
    let fb = filled(&b.shingles, runs, |r| r.b);
    if (fa - fb).abs() >= EXTENT_MARGIN {
        return (fa > fb, CopyOrder::Extent);
    }
    (a.doc.id <= b.doc.id, CopyOrder::Id)
}

/// Whether the runs (given from the copy's side by `side`) fill nearly all of the copy.
pub(super) fn extent(
    copy: &DocShingles,
    runs: &[Run],
    side: impl Fn(&Run) -> (usize, usize),
) -> CopyExtent {
    if filled(copy, runs, side) >= FULL_COPY_SHARE {
        CopyExtent::Full
    } else {
        CopyExtent::Partial
    }
}

/// A verified link before it is written out: indices of the original and the copy,
/// and the runs oriented from the original's side (`a`) to the copy's (`b`).
pub(super) struct Edge {
    /// The original.
    pub from: usize,
    /// The copy.
    pub to: usize,
    /// The shared runs, original side `a`, copy side `b`, in the copy's text order.
    pub runs: Vec<Run>,
    /// What decided the direction.
    pub order: CopyOrder,
}

/// The edges each copy keeps: taken from the earliest original on, an edge stays only
/// when one of its runs covers a sentence of the copy no edge kept before covers.
/// `edges` are sorted by copy, then by the original's rank.
pub(super) fn keep_new_material(edges: Vec<Edge>, carriers: &[Carrier]) -> Vec<Edge> {
    let mut kept: Vec<Edge> = Vec::new();
    let mut covered: Vec<bool> = Vec::new();
    let mut current: Option<usize> = None;
    for mut e in edges {
        if current != Some(e.to) {
            current = Some(e.to);
            let n = carriers.get(e.to).map_or(0, |c| c.shingles.sentences.len());
            covered.clear();
            covered.resize(n, false);
        }
        e.runs.retain(|r| {
            let new = (r.b.0..=r.b.1).any(|j| covered.get(j) == Some(&false));
            if new {
                for j in r.b.0..=r.b.1 {
                    if let Some(c) = covered.get_mut(j) {
                        *c = true;
                    }
                }
            }
            new
        });
        if !e.runs.is_empty() {
            kept.push(e);
        }
    }
    kept
}
