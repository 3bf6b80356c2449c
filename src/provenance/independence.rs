//! Independent sources per group: members whose claim stands in a passage copied from
//! another member count once with it; a flag whose side rests only on copies of one
//! source says so.

use crate::model::{ClaimId, Confidence, CopyLink, CopyOf, Corroboration, DocId, Report, Span};
use std::collections::BTreeMap;

/// Fills every group's [`Corroboration`], notes flags whose side rests only on copies of
/// one source, and stores `links` as the report's provenance.
pub fn annotate(report: &mut Report, links: Vec<CopyLink>) {
    // copy -> (original, passage spans in the copy)
    let mut by_copy: BTreeMap<&DocId, Vec<(&DocId, Vec<Span>)>> = BTreeMap::new();
    for l in &links {
        by_copy
            .entry(&l.to)
            .or_default()
            .push((&l.from, l.shared.iter().map(|p| p.to).collect()));
    }
    let claims: BTreeMap<ClaimId, (&DocId, Span)> = report
        .claims
        .iter()
        .map(|c| (c.id, (&c.doc, c.span)))
        .collect();
    let mut components: Vec<Vec<(DocId, usize)>> = Vec::with_capacity(report.groups.len());
    for g in &mut report.groups {
        let members: Vec<(&DocId, Span)> = g
            .claims
            .iter()
            .filter_map(|id| claims.get(id).copied())
            .collect();
        let (corroboration, component) = corroborate(&members, &by_copy);
        g.corroboration = corroboration;
        components.push(component);
    }
    let group_index: BTreeMap<u32, usize> = report
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.0, i))
        .collect();
    for f in &mut report.flags {
        let Some(component) = group_index.get(&f.group.0).and_then(|&i| components.get(i)) else {
            continue;
        };
        f.copied_side = copied_side(f, component);
        if let Some(note) = &f.copied_side {
            // outlets that copy one source are one outlet: the flag rests on fewer
            // independent reports than its documents
            f.confidence = match f.confidence {
                Confidence::High => Confidence::Medium,
                _ => Confidence::Low,
            };
            f.reasons.push(note.clone());
        }
    }
    drop(by_copy);
    report.provenance = links;
    crate::reconcile::order_by_confidence(report);
}

/// The corroboration of one group's members (document and claim span each), and the
/// component (a representative member's position) of every member document.
fn corroborate(
    members: &[(&DocId, Span)],
    by_copy: &BTreeMap<&DocId, Vec<(&DocId, Vec<Span>)>>,
) -> (Corroboration, Vec<(DocId, usize)>) {
    let position: BTreeMap<&DocId, usize> = members
        .iter()
        .enumerate()
        .map(|(i, (d, _))| (*d, i))
        .collect();
    let mut parent: Vec<usize> = (0..members.len()).collect();
    let mut copies: Vec<CopyOf> = Vec::new();
    // members copying an original that is not itself a member still count once together
    let mut first_copy_of: BTreeMap<&DocId, usize> = BTreeMap::new();
    for (i, (doc, span)) in members.iter().enumerate() {
        for (original, passages) in by_copy.get(doc).into_iter().flatten() {
            if !passages.iter().any(|p| p.contains(*span)) {
                continue;
            }
            let j = match position.get(original) {
                Some(&j) => j,
                None => *first_copy_of.entry(original).or_insert(i),
            };
            union(&mut parent, i, j);
            copies.push(CopyOf {
                doc: (*doc).clone(),
                of: (*original).clone(),
            });
        }
    }
    copies.sort();
    copies.dedup();
    let roots: Vec<usize> = (0..members.len()).map(|i| find(&mut parent, i)).collect();
    let mut distinct = roots.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let component = members
        .iter()
        .zip(&roots)
        .map(|((d, _), &r)| ((*d).clone(), r))
        .collect();
    (
        Corroboration {
            independent: distinct.len(),
            copies,
        },
        component,
    )
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    // the lower position roots, so components do not depend on link order
    let (lo, hi) = (ra.min(rb), ra.max(rb));
    parent[hi] = lo;
}

/// The note for a flag one of whose sides (a value given by two or more documents)
/// rests only on copies of one source, or all of whose documents do.
fn copied_side(f: &crate::model::Flag, component: &[(DocId, usize)]) -> Option<String> {
    let of = |d: &DocId| {
        component
            .iter()
            .find(|(doc, _)| doc == d)
            .map(|(_, root)| *root)
    };
    let one_source = |docs: &mut dyn Iterator<Item = &DocId>| {
        let roots: Option<Vec<usize>> = docs.map(of).collect();
        roots.is_some_and(|r| r.windows(2).all(|w| w[0] == w[1]))
    };
    let all: usize = f.support.iter().map(|s| s.docs.len()).sum();
    if f.support.len() >= 2 && one_source(&mut f.support.iter().flat_map(|s| &s.docs)) {
        return Some(format!(
            "all {all} documents carry copies of one source: the difference was made in copying, not by independent reports"
        ));
    }
    let notes: Vec<String> = f
        .support
        .iter()
        .filter(|s| s.docs.len() >= 2 && one_source(&mut s.docs.iter()))
        .map(|s| {
            format!(
                "the {} documents giving {} carry copies of one source, so they count as one",
                s.docs.len(),
                s.value
            )
        })
        .collect();
    (!notes.is_empty()).then(|| notes.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> DocId {
        DocId(s.to_string())
    }

    #[test]
    fn copies_of_one_original_count_once_with_or_without_it() {
        let (a, b, c, d) = (id("a"), id("b"), id("c"), id("d"));
        let passage = vec![Span::new(0, 100)];
        let mut by_copy: BTreeMap<&DocId, Vec<(&DocId, Vec<Span>)>> = BTreeMap::new();
        by_copy.insert(&b, vec![(&a, passage.clone())]);
        by_copy.insert(&c, vec![(&a, passage)]);
        let inside = Span::new(10, 40);
        // the original is a member
        let members = [(&a, inside), (&b, inside), (&c, inside), (&d, inside)];
        let (found, _) = corroborate(&members, &by_copy);
        assert_eq!(found.independent, 2);
        assert_eq!(found.copies.len(), 2);
        // the original is not: its two copies still count once
        let (found, _) = corroborate(&members[1..], &by_copy);
        assert_eq!(found.independent, 2);
        // a claim outside the copied passage is the copy's own reporting
        let own = Span::new(150, 190);
        let (found, _) = corroborate(&[(&a, inside), (&b, own)], &by_copy);
        assert_eq!(found.independent, 2);
        assert!(found.copies.is_empty());
    }
}
