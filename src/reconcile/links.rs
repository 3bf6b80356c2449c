//! Fact links: two claims of one story, from two documents, that alignment did not
//! group because their sentences are worded apart ("Gray, 16, was shot eleven times
//! after police said he pulled out a gun" against "… where 16-year-old Kimani Gray was
//! shot 11 times by police on Saturday"), but that state one fact with different
//! values. Each such pair becomes a group of its own ([`Joined::Fact`]) in which only
//! that fact is compared.
//!
//! A pair is a candidate when both claims carry a number of the same unit or counted
//! noun, or both a written date, with no value in common; when each is the other's best
//! match in the other's documents by content words (stems, synonyms folded,
//! placeholders left out; at least [`MIN_SHARED`] shared), so that a sentence agreeing
//! on the value in closer words wins; when they are not in one aligned group, do not
//! name only different people and places (`names`), and agree on some other value or
//! share two names. A flag is raised only when the two facts are tied to the same verb
//! on both sides (the same act, not the act of saying), in two sentences, besides every
//! correspondence rule an aligned pair already meets, and when no aligned group's flag
//! already marks the same places. The flags are low confidence and say why.
//!
//! Cost: claims are bucketed by story and unit (or "date"); only buckets with two or
//! more values are read, one representative per wording and values (at most
//! [`MAX_REPS`], each with at most [`MAX_DOCS_PER_REP`] documents of its copies), so a
//! cluster of a thousand copies costs a bucket scan and a bounded square per bucket.

use super::classes::Conflict;
use super::compare::{Loc, Pair};
use super::facts::{Facts, Index};
use super::names::Names;
use super::{flag, Input, ReconcileConfig};
use crate::model::TermId;
use crate::model::{
    Claim, ClaimId, Confidence, DocId, Flag, FlagKind, Group, GroupId, Joined, Span, Story, StoryId,
};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Content words (besides placeholders) two claims must share to be compared by a fact.
pub const MIN_SHARED: usize = 3;

/// Claims of one bucket read at most (one per wording and values, the first in claim
/// order).
const MAX_REPS: usize = 64;

/// Documents of one representative's copies read at most (the first, in claim order):
/// in a cluster of a thousand copies, which copy stands in which document changes no
/// best match worth a pair, and reading them all would cost representatives times
/// documents per bucket.
const MAX_DOCS_PER_REP: usize = 4;

/// A claim of a bucket as the pairing reads it.
struct Rep<'a> {
    claim: &'a Claim,
    /// The documents of its copies (itself first).
    docs: BTreeSet<&'a DocId>,
    /// Its values in the bucket.
    values: &'a BTreeSet<Value>,
    /// Its content words as ids of its vocabulary, placeholders left out, sorted.
    words: Vec<TermId>,
    /// The names it gives.
    names: Names,
    /// The actors it mentions, sorted.
    actors: Vec<crate::model::ActorId>,
    /// Every value it states, bare numbers too: two sentences that agree on one of them
    /// speak of one happening.
    stated: BTreeSet<(Option<&'a str>, Value)>,
}

/// Every value `claim` states (its times, and its numbers with their units).
fn stated<'a>(index: &Index<'a>, claim: &'a Claim) -> BTreeSet<(Option<&'a str>, Value)> {
    let Some((times, quantities)) = index.anchors(claim) else {
        return BTreeSet::new();
    };
    let times = times.iter().map(|t| (None, Value::Time(t.value)));
    let numbers = quantities
        .iter()
        .map(|q| (q.unit.as_ref().map(|u| u.name()), Value::number(q)));
    times.chain(numbers).collect()
}

/// One value a claim states: a time, or a number by the bits of its low and high ends
/// (values compare as written, never by arithmetic).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Value {
    Time(crate::model::TimeValue),
    Number(u64, u64),
}

impl Value {
    fn number(q: &crate::model::Quantity) -> Value {
        Value::Number(q.value.to_bits(), q.value_max.to_bits())
    }
}

/// What a bucket holds: numbers of one unit, or dates.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Anchor {
    /// Numbers of this unit or counted noun.
    Number(String),
    /// Dates (a day, a weekday, a month).
    Date,
}

impl Anchor {
    fn kind(&self) -> FlagKind {
        match self {
            Anchor::Number(_) => FlagKind::Quantity,
            Anchor::Date => FlagKind::Date,
        }
    }
}

/// The fact-linked groups of `input` and their flags: group ids follow `first_id`, in
/// the order the pairs are found (bucket, then values, then claims), so the result does
/// not depend on input order. `existing` holds the aligned groups' flags, whose places
/// are not raised again.
pub(super) fn find(
    input: &Input,
    index: &Index,
    stories: &[Story],
    existing: &[Flag],
    config: &ReconcileConfig,
    first_id: u32,
) -> (Vec<Group>, Vec<Flag>) {
    let story_of: BTreeMap<&DocId, StoryId> = stories
        .iter()
        .flat_map(|s| s.documents.iter().map(move |d| (d, s.id)))
        .collect();
    let mut group_of: BTreeMap<ClaimId, GroupId> = BTreeMap::new();
    for g in input.groups {
        for &c in &g.claims {
            group_of.insert(c, g.id);
        }
    }
    // bucket -> claim -> its values there
    let mut buckets: BTreeMap<(StoryId, Anchor), BTreeMap<ClaimId, BTreeSet<Value>>> =
        BTreeMap::new();

    for claim in input.claims {
        let Some(&story) = story_of.get(&claim.doc) else {
            continue;
        };
        let Some((times, quantities)) = index.anchors(claim) else {
            continue;
        };
        for t in times {
            if t.value.time_of_day().is_some() || !written(&t.text) {
                continue;
            }
            buckets
                .entry((story, Anchor::Date))
                .or_default()
                .entry(claim.id)
                .or_default()
                .insert(Value::Time(t.value));
        }
        for q in quantities {
            let Some(unit) = &q.unit else { continue };
            buckets
                .entry((story, Anchor::Number(unit.name().to_string())))
                .or_default()
                .entry(claim.id)
                .or_default()
                .insert(Value::number(q));
        }
    }
    let mut pairs: BTreeMap<(ClaimId, ClaimId), (StoryId, BTreeSet<FlagKind>)> = BTreeMap::new();
    let mut order: Vec<(ClaimId, ClaimId)> = Vec::new();
    for ((story, anchor), claims) in &buckets {
        let distinct: BTreeSet<&Value> = claims.values().flatten().collect();
        if distinct.len() < 2 {
            continue;
        }
        // one claim of each wording and values, with every document that has a copy
        let mut seen: BTreeMap<(usize, &[TermId], &BTreeSet<Value>), usize> = BTreeMap::new();
        let mut reps: Vec<Rep> = Vec::new();
        for (id, values) in claims {
            let Some(claim) = index.claims.get(id).copied() else {
                continue;
            };
            let vocabulary = Arc::as_ptr(claim.tokens.vocabulary()) as usize;
            let key = (vocabulary, claim.tokens.ids(), values);
            if let Some(&k) = seen.get(&key) {
                if reps[k].docs.len() < MAX_DOCS_PER_REP {
                    reps[k].docs.insert(&claim.doc);
                }
                continue;
            }
            if reps.len() == MAX_REPS {
                continue;
            }
            seen.insert(key, reps.len());
            reps.push(Rep {
                claim,
                docs: BTreeSet::from([&claim.doc]),
                values,
                names: Names::of(&claim.text),
                actors: index.actors_in(&claim.doc, claim.span),
                words: content(claim),
                stated: stated(index, claim),
            });
        }
        for (x, y) in mutual_best(&reps) {
            let (rx, ry) = (&reps[x], &reps[y]);
            if rx.values == ry.values || !rx.values.is_disjoint(ry.values) {
                continue;
            }
            let aligned = matches!(
                (group_of.get(&rx.claim.id), group_of.get(&ry.claim.id)),
                (Some(a), Some(b)) if a == b
            );
            // two sentences that name only different people and places tell of
            // different happenings
            let apart =
                rx.names.apart(&ry.names) && !super::flag::shares_actor(&rx.actors, &ry.actors);
            // besides the fact compared, they agree on a value or share two names
            let together = !rx.stated.is_disjoint(&ry.stated) || rx.names.shared(&ry.names) >= 2;
            if aligned || apart || !together {
                continue;
            }
            let key = (rx.claim.id.min(ry.claim.id), rx.claim.id.max(ry.claim.id));
            if !pairs.contains_key(&key) {
                order.push(key);
            }
            pairs
                .entry(key)
                .or_insert_with(|| (*story, BTreeSet::new()))
                .1
                .insert(anchor.kind());
        }
    }
    // each place an aligned flag marks, with the flags marking it
    let mut raised: BTreeMap<(FlagKind, DocId, Span), BTreeSet<usize>> = BTreeMap::new();
    for (i, f) in existing.iter().enumerate() {
        for place in places(f) {
            raised
                .entry((f.kind, place.0, place.1))
                .or_default()
                .insert(i);
        }
    }
    // whether one aligned flag already marks every place of `f`
    let known = |f: &Flag| {
        let mut common: Option<BTreeSet<usize>> = None;
        for (doc, span) in places(f) {
            let Some(by) = raised.get(&(f.kind, doc, span)) else {
                return false;
            };
            common = Some(match common {
                None => by.clone(),
                Some(c) => c.intersection(by).copied().collect(),
            });
        }
        common.is_some_and(|c| !c.is_empty())
    };
    let mut groups = Vec::new();
    let mut flags = Vec::new();
    for key in order {
        let (story, kinds) = &pairs[&key];
        let (Some(a), Some(b)) = (index.claims.get(&key.0), index.claims.get(&key.1)) else {
            continue;
        };
        let (Some(fa), Some(fb)) = (index.facts(a), index.facts(b)) else {
            continue;
        };
        let members = [fa, fb];
        let group = Group {
            id: GroupId(first_id + groups.len() as u32),
            claims: vec![key.0, key.1],
            score: jaccard(a, b),
            story: *story,
            corroboration: Default::default(),
            joined: Joined::Fact,
        };
        let found: Vec<Flag> = kinds
            .iter()
            .filter_map(|&kind| {
                let conflicts: Vec<Conflict> = same_act(kind, &members[0], &members[1])
                    .into_iter()
                    .map(|pair| Conflict {
                        a: vec![0],
                        b: vec![1],
                        pair,
                    })
                    .collect();
                flag::build_flag(
                    kind,
                    &group,
                    &members,
                    &conflicts,
                    config.max_evidence_per_value,
                )
            })
            .filter(|f| !known(f))
            .map(|mut f| {
                f.confidence = Confidence::Low;
                f.reasons.insert(
                    0,
                    "the two sentences are worded apart (not aligned); compared only by the \
                     fact both state, tied to the same verb"
                        .to_string(),
                );
                f
            })
            .collect();
        if !found.is_empty() {
            flags.extend(found);
            groups.push(group);
        }
    }
    (groups, flags)
}

/// Whether a time is written with a figure, a month or a weekday ("June 24", "Friday",
/// "2005"), not only counted from another day ("four days earlier", "last month"),
/// which a sentence read alone cannot place.
fn written(text: &str) -> bool {
    let lex = crate::lexicon::Lexicon::get();
    text.bytes().any(|b| b.is_ascii_digit())
        || text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| lex.is_calendar_word(w))
}

/// The disagreements of `kind` between `a` and `b` whose two facts are tied to the same
/// verb on both sides, a verb that is not one of saying, in two sentences (no headline,
/// no time stamp). Times that open a claim with nothing but other times before them
/// are its dateline, and relative, quoted or clock-only times, or periods of a game,
/// date no happening here; two days that differ only in a year one side does not
/// write are one day.
fn same_act(kind: FlagKind, a: &Facts, b: &Facts) -> Vec<Pair> {
    if a.frame.shape != super::fact::Shape::Sentence
        || b.frame.shape != super::fact::Shape::Sentence
    {
        return Vec::new();
    }
    let found = match kind {
        FlagKind::Date => super::compare::date(a, b),
        _ => super::compare::quantity(a, b),
    };
    let tie = |f: &Facts, loc: &Loc| -> Option<super::fact::Tie> {
        match *loc {
            Loc::Time(i) => f.frame.times.get(i).map(|t| t.tie.clone()),
            Loc::Quantity(i) => f.frame.amounts.get(i).map(|x| x.tie.clone()),
            _ => None,
        }
    };
    let dated = |f: &Facts, loc: &Loc| match *loc {
        Loc::Time(i) => f.times.get(i).is_some_and(|t| {
            written(&t.text)
                && !dateline(f, i)
                && f.frame
                    .times
                    .get(i)
                    .is_some_and(|x| !x.deictic && !x.quoted && !x.clock_only && !x.game_period)
        }),
        _ => true,
    };
    let one_day = |p: &Pair| match (&p.a, &p.b) {
        (&Loc::Time(i), &Loc::Time(j)) => match (a.times.get(i), b.times.get(j)) {
            (Some(x), Some(y)) => {
                let (vx, vy) = (x.value.to_string(), y.value.to_string());
                let year = |t: &str| t.split(|c: char| !c.is_ascii_digit()).any(|n| n.len() == 4);
                vx.len() == 10
                    && vy.len() == 10
                    && vx.get(4..) == vy.get(4..)
                    && !(year(&x.text) && year(&y.text))
            }
            _ => false,
        },
        _ => false,
    };
    found
        .into_iter()
        .filter(|p| dated(a, &p.a) && dated(b, &p.b) && !one_day(p))
        .filter(|p| match (tie(a, &p.a), tie(b, &p.b)) {
            (Some(x), Some(y)) => {
                !x.reporting && !y.reporting && x.predicate.is_some() && x.predicate == y.predicate
            }
            _ => false,
        })
        .collect()
}

/// The pairs `(x, y)`, `x < y`, of representatives of two documents where each is the
/// other's best match in a document of the other's (most shared content words, then
/// the first; a copy of itself in that document wins), sharing at least [`MIN_SHARED`]
/// words. A sentence that agrees on the value with a closer wording takes the place of
/// one that differs: the differing one then states another fact.
fn mutual_best(reps: &[Rep]) -> Vec<(usize, usize)> {
    // best[x]: for each document, the representative with a copy there that shares
    // most words with x
    let best: Vec<BTreeMap<&DocId, (usize, usize)>> = reps
        .iter()
        .map(|rx| {
            let mut m: BTreeMap<&DocId, (usize, usize)> = BTreeMap::new();
            for (y, ry) in reps.iter().enumerate() {
                let n = if rx.claim.tokens.same_vocabulary(&ry.claim.tokens) {
                    shared(&rx.words, &ry.words)
                } else {
                    shared(&content_text(rx.claim), &content_text(ry.claim))
                };
                for &doc in &ry.docs {
                    let e = m.entry(doc).or_insert((n, y));
                    if n > e.0 {
                        *e = (n, y);
                    }
                }
            }
            m
        })
        .collect();
    let mut out = Vec::new();
    for (x, rx) in reps.iter().enumerate() {
        let mut partners: BTreeSet<usize> = BTreeSet::new();
        for &(n, y) in best[x].values() {
            let back = || {
                rx.docs
                    .iter()
                    .any(|d| best[y].get(d).is_some_and(|&(_, b)| b == x))
            };
            if y > x && n >= MIN_SHARED && rx.claim.doc != reps[y].claim.doc && back() {
                partners.insert(y);
            }
        }
        out.extend(partners.into_iter().map(|y| (x, y)));
    }
    out
}

/// Whether time `i` of `f` is part of a dateline: nothing but times, spaces and
/// punctuation comes before it in the claim ("12/16/08 1:30 AM EST Though …").
fn dateline(f: &Facts, i: usize) -> bool {
    let Some(t) = f.times.get(i) else {
        return false;
    };
    let start = f.claim.span.start;
    let Some(before) = f.doc.text.get(start..t.span.start.max(start)) else {
        return false;
    };
    before.char_indices().all(|(k, c)| {
        !c.is_alphanumeric()
            || f.times
                .iter()
                .any(|x| x.span.start <= start + k && start + k < x.span.end)
    })
}

/// The claim's content words, placeholders left out, as sorted, deduplicated ids of
/// its vocabulary.
fn content(c: &Claim) -> Vec<TermId> {
    let vocabulary = c.tokens.vocabulary();
    let mut v: Vec<TermId> = c
        .tokens
        .ids()
        .iter()
        .copied()
        .filter(|&id| vocabulary.get(id).is_some_and(|t| !t.starts_with('<')))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The claim's content words as text, placeholders left out, sorted and deduplicated
/// (for two claims of two vocabularies).
fn content_text(c: &Claim) -> Vec<&str> {
    let mut v: Vec<&str> = c.content_tokens().filter(|t| !t.starts_with('<')).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The share of their content words two claims have in common (of all the words
/// either has): the score of a fact-linked group.
fn jaccard(a: &Claim, b: &Claim) -> f64 {
    let (total, common) = if a.tokens.same_vocabulary(&b.tokens) {
        let (x, y) = (content(a), content(b));
        (x.len() + y.len(), shared(&x, &y))
    } else {
        let (x, y) = (content_text(a), content_text(b));
        (x.len() + y.len(), shared(&x, &y))
    };
    let union = total - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

/// How many items two sorted lists share.
fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// A flag's evidence places (document and highlighted span), sorted.
fn places(f: &Flag) -> Vec<(DocId, Span)> {
    let mut v: Vec<(DocId, Span)> = f
        .evidence
        .iter()
        .flat_map(|e| {
            let doc = e.doc.clone();
            e.highlights.iter().map(move |h| (doc.clone(), *h))
        })
        .collect();
    v.sort();
    v.dedup();
    v
}
