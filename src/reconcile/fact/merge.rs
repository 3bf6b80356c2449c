//! The number disagreements of one group are shown as one flag. A figure whose owner
//! is unknown ("The deal is said to be for 8 years") may disagree with the figures of
//! two different named owners ("the Orioles have offered seven years", "Ruiz is seeking
//! ten years"): it cannot be a misreport of both, and the flag would set the two named
//! owners' facts side by side as if they were one. Such a figure's disagreements with
//! named figures are left out before the flag is built.

use super::super::classes::Conflict;
use super::super::compare::Loc;
use super::super::facts::Facts;
use super::owner::{names_meet, Owner};
use std::collections::BTreeMap;

/// The name that owns number `i` of member `m`: its named owner ("the Orioles' offer",
/// "the 15-inch Orla Pro") or the name that is its verb's subject ("the Orioles have
/// offered").
fn named_owner<'m>(m: &'m Facts, i: usize) -> Option<&'m str> {
    let a = m.frame.amounts.get(i)?;
    match &a.owner {
        Some(Owner::Named(n) | Owner::Floor(Some(n))) => Some(n),
        _ if a.tie.subject_named => a.tie.subject.as_deref(),
        _ => None,
    }
}

/// `conflicts` without those between a named figure and a figure of unknown owner that
/// disagrees with the figures of two named owners that are not one.
pub(in crate::reconcile) fn unbridged(
    members: &[Facts],
    conflicts: Vec<Conflict>,
) -> Vec<Conflict> {
    // each side of a conflict: its class (by first member) and number, and its owner
    let side = |class: &[usize], loc: &Loc| match (class.first(), loc) {
        (Some(&m), Loc::Quantity(i)) => Some(((m, *i), named_owner(&members[m], *i))),
        _ => None,
    };
    let mut met: BTreeMap<(usize, usize), Vec<&str>> = BTreeMap::new();
    for c in &conflicts {
        let (Some((ka, na)), Some((kb, nb))) = (side(&c.a, &c.pair.a), side(&c.b, &c.pair.b))
        else {
            continue;
        };
        match (na, nb) {
            (None, Some(n)) => met.entry(ka).or_default().push(n),
            (Some(n), None) => met.entry(kb).or_default().push(n),
            _ => {}
        }
    }
    let bridges = |k: &(usize, usize)| {
        met.get(k).is_some_and(|names| {
            names
                .iter()
                .any(|x| names.iter().any(|y| !names_meet(x, y)))
        })
    };
    // its disagreements with other figures of unknown owner still stand
    conflicts
        .into_iter()
        .filter(|c| match (side(&c.a, &c.pair.a), side(&c.b, &c.pair.b)) {
            (Some((k, None)), Some((_, Some(_)))) | (Some((_, Some(_))), Some((k, None))) => {
                !bridges(&k)
            }
            _ => true,
        })
        .collect()
}
