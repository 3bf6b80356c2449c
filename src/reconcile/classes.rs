//! Members with the same facts of one kind form a class, and only class
//! representatives are compared: a group of 1,000 copies of one claim costs one
//! comparison per kind, not half a million.

use super::compare::Pair;
use super::facts::{Facts, Party};
use super::words::Word;
use std::collections::BTreeMap;
use std::fmt::Write;

/// One comparison's outcome between two classes of identical members.
pub(super) struct Conflict {
    /// The members of the first class, by index.
    pub a: Vec<usize>,
    /// The members of the second class.
    pub b: Vec<usize>,
    /// Where the two representatives disagree.
    pub pair: Pair,
}

/// Splits members into classes with the same signature and compares class
/// representatives pairwise (or each against the largest class past `max_variants`).
pub(super) fn compare_classes(
    members: &[Facts],
    signature: impl Fn(&Facts) -> Option<String>,
    compare: impl Fn(&Facts, &Facts) -> Vec<Pair>,
    max_variants: usize,
) -> Vec<Conflict> {
    let mut classes: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, m) in members.iter().enumerate() {
        if let Some(s) = signature(m) {
            classes.entry(s).or_default().push(i);
        }
    }
    let classes: Vec<Vec<usize>> = classes.into_values().collect();
    let cross_doc = |x: &[usize], y: &[usize]| {
        x.iter().any(|&i| {
            y.iter()
                .any(|&j| !std::ptr::eq(members[i].doc, members[j].doc))
        })
    };
    let mut out = Vec::new();
    let mut pairs = Vec::new();
    if classes.len() <= max_variants.max(2) {
        for i in 0..classes.len() {
            for j in i + 1..classes.len() {
                pairs.push((i, j));
            }
        }
    } else {
        let big = (0..classes.len())
            .max_by(|&x, &y| classes[x].len().cmp(&classes[y].len()).then(y.cmp(&x)))
            .unwrap_or(0);
        for i in 0..classes.len() {
            if i != big {
                pairs.push((big.min(i), big.max(i)));
            }
        }
    }
    // Orient each comparison by the classes' first documents, so diffs read in
    // document order whatever the wording.
    let first = |c: &[usize]| {
        c.iter()
            .map(|&i| (&members[i].doc.id, members[i].claim.id))
            .min()
    };
    for (i, j) in pairs {
        let (ca, cb) = if first(&classes[i]) <= first(&classes[j]) {
            (&classes[i], &classes[j])
        } else {
            (&classes[j], &classes[i])
        };
        if !cross_doc(ca, cb) {
            continue;
        }
        for pair in compare(&members[ca[0]], &members[cb[0]]) {
            out.push(Conflict {
                a: ca.clone(),
                b: cb.clone(),
                pair,
            });
        }
    }
    out
}

/// The key of a member's facts of one kind, the items written out and joined by `|`;
/// `None` when it has none.
fn joined<T>(items: &[T], write: impl Fn(&mut String, &T)) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let mut key = String::new();
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            key.push('|');
        }
        write(&mut key, item);
    }
    Some(key)
}

/// The key of a member's times: their TIMEX3 values, with the facts they date (the
/// verb, happening or report) and how they are written (in a quotation, relative to
/// the day of writing, a clock time alone), and the claim's shape.
pub(super) fn times(m: &Facts) -> Option<String> {
    let f = &m.frame;
    let mut key = joined(&m.times, |key, t| {
        let _ = write!(key, "{}", t.value);
    })?;
    let _ = write!(key, "#{:?}", f.shape);
    for t in &f.times {
        let _ = write!(
            key,
            "|{:?}{}{}{}{}{}{}",
            t.role,
            u8::from(t.game_period),
            t.tie.key(),
            t.anchor.as_deref().unwrap_or(""),
            u8::from(t.quoted),
            u8::from(t.deictic),
            u8::from(t.clock_only)
        );
    }
    Some(key)
}

/// The key of a member's numbers: their values, units and qualifiers, with what they
/// count and the verb they belong to, and the claim's shape.
pub(super) fn quantities(m: &Facts) -> Option<String> {
    let f = &m.frame;
    let mut key = joined(&f.amounts, |key, a| {
        let q = &a.quantity;
        let _ = write!(
            key,
            "{}{:?}@{}/{}/{}/{}/{}/{}/{}{}{}",
            q.normalized(),
            q.approx,
            a.thing.as_deref().unwrap_or(""),
            a.unit.as_deref().unwrap_or(""),
            a.head.as_deref().unwrap_or(""),
            a.context.0.as_deref().unwrap_or(""),
            a.context.1.as_deref().unwrap_or(""),
            a.tie.key(),
            super::fact::Owner::key(a.owner.as_ref()),
            if a.change { "+-" } else { "" },
            if a.label { "#" } else { "" }
        );
    })?;
    let _ = write!(key, "#{:?}{}", f.shape, f.verbs.join(","));
    Some(key)
}

/// The key of a member's direct quotations: their speakers and folded words.
pub(super) fn quotes(m: &Facts) -> Option<String> {
    joined(&m.quotes, |key, q| {
        if let Some(p) = &q.speaker {
            key.push_str(&party_key(p));
            key.push('=');
        }
        key.push_str(&norms(&q.words))
    })
}

/// The key of a member's words.
pub(super) fn words(m: &Facts) -> Option<String> {
    Some(norms(&m.words))
}

/// The key of who a member is given to: the speakers of its quotations with their
/// words, else the claim's own speaker.
pub(super) fn speakers(m: &Facts) -> Option<String> {
    let quoted: Vec<String> = m
        .speakers
        .iter()
        .map(|s| format!("{}={}", party_key(&s.party), norms(&s.words)))
        .collect();
    match (&m.speaker, quoted.is_empty()) {
        (Some(p), true) => Some(format!(
            "{}{}{}",
            party_key(p),
            if m.agent { "@" } else { "" },
            m.predicate.as_deref().unwrap_or("")
        )),
        (None, true) => None,
        _ => Some(quoted.join("|")),
    }
}

/// The key of who a member is credited to.
pub(super) fn source(m: &Facts) -> Option<String> {
    m.source.as_ref().map(party_key)
}

pub(super) fn norms(ws: &[Word<'_>]) -> String {
    let mut s = String::new();
    for w in ws {
        s.push_str(&w.norm);
        s.push(' ');
    }
    s
}

fn party_key(p: &Party) -> String {
    // a guessed speaker compares unlike a stated one, so it keys apart
    let guessed = if p.guessed { "?" } else { "" };
    match p.actor {
        Some(a) => format!("{guessed}#{}", a.0),
        None => format!(
            "{guessed}{}/{}",
            p.identity
                .tokens
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
            p.role.as_deref().unwrap_or_default().join(" ")
        ),
    }
}
