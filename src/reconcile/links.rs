//! Fact links: two claims of one story, from two documents, that alignment did not
//! group because their sentences are worded apart ("Gray, 16, was shot eleven times
//! after police said he pulled out a gun" against "… where 16-year-old Kimani Gray was
//! shot 11 times by police on Saturday"), but that state one fact with different
//! values. Each such pair becomes a group of its own ([`Joined::Fact`]) in which only
//! that fact is compared.
//!
//! A pair is a candidate when both claims carry a number of the same unit or counted
//! noun, or both a written date, with no value in common, or state one polarity axis
//! the other way (a verb a particle denies in one, "was not named", and the same stem
//! undenied in the other, "was named"; or the two words of an antonym pair, "found
//! guilty" / "found innocent"); when each is the other's best match in the other's
//! documents by content words (stems, synonyms folded, placeholders left out; at least
//! [`MIN_SHARED`] shared), so that a sentence agreeing on the value in closer words
//! wins; when they are not in one aligned group, do not name only different people and
//! places (`names`), and agree on some other value or share two names. A flag is
//! raised only when the two facts are tied to the same verb on both sides (the same
//! act, not the act of saying), in two sentences, besides every correspondence rule an
//! aligned pair already meets, and when no aligned group's flag already marks the same
//! places. A polarity is stated of one thing only when the clauses around the axis
//! share a content word ([`MIN_CONTEXT_SHARED`]) and the axis has one doer and one
//! thing done to on both sides (`doers_apart`); then the aligned comparison's own test
//! decides, or, when the claims as wholes share too few words for it, the axis itself
//! with [`MIN_FLIP_CONTEXT_SHARED`] clause words in common. The flags are low confidence
//! and say why.
//!
//! Cost: claims are bucketed by story and unit (or "date", or axis); only buckets with
//! two or more values are read, one representative per wording and values (at most
//! [`MAX_REPS`], each with at most [`MAX_DOCS_PER_REP`] documents of its copies), so a
//! cluster of a thousand copies costs a bucket scan and a bounded square per bucket; a
//! polarity bucket pairs from its fewer side only. Axes are read from each distinct
//! wording's lower-cased words (a claim's own words only where it has a particle), and
//! the gates' names, actors and values only for the claims of candidate pairs.

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
use std::rc::Rc;
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

/// Where a claim states a polarity axis.
#[derive(Default)]
struct AxisAt {
    /// The words that carry its polarity: the negating particle, or the verb or the
    /// antonym, as indices of the claim's words.
    marks: Vec<usize>,
    /// The verb or antonym itself (the word a particle denies), by index.
    heads: Vec<usize>,
}

/// A claim's polarity axes, each with the way it states it and where.
type Axes = BTreeMap<(String, bool), AxisAt>;

/// One axis on each side of a linked pair: the words that carry it and their heads on
/// each side, and whether their clauses share enough words
/// ([`MIN_FLIP_CONTEXT_SHARED`]) to be one statement.
struct Flip {
    marks: (Vec<usize>, Vec<usize>),
    heads: (Vec<usize>, Vec<usize>),
    one: bool,
}

/// What a linked pair is compared for: its story, the kinds of fact it links, and the
/// polarity axes it links by.
type Linked = (StoryId, BTreeSet<FlagKind>, Vec<Flip>);

/// The polarity axes of one claim, each with the way the claim states it.
type Keys = Rc<BTreeSet<(String, bool)>>;

/// The ways each claim states its story's polarity axes (shared by its copies).
type AxisKeys = Vec<(StoryId, ClaimId, Keys)>;

/// A claim of a bucket as the pairing reads it.
struct Rep<'a> {
    claim: &'a Claim,
    /// The documents of its copies (itself first).
    docs: BTreeSet<&'a DocId>,
    /// Its values in the bucket.
    values: &'a BTreeSet<Value>,
    /// Its content words as ids of its vocabulary, placeholders left out, sorted.
    words: Vec<TermId>,
}

/// What the gates of a pair read of a claim, read once per claim (a claim stands in
/// many buckets) and only for claims of candidate pairs.
struct Described<'a> {
    /// The names it gives.
    names: Names,
    /// The actors it mentions, sorted.
    actors: Vec<crate::model::ActorId>,
    /// Every value it states, bare numbers too: two sentences that agree on one of them
    /// speak of one happening.
    stated: BTreeSet<(Option<&'a str>, Value)>,
}

impl<'a> Described<'a> {
    fn of(index: &Index<'a>, claim: &'a Claim) -> Described<'a> {
        Described {
            names: Names::of(&claim.text),
            actors: index.actors_in(&claim.doc, claim.span),
            stated: stated(index, claim),
        }
    }
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
    /// Which way a claim states a verb or an antonym pair: `false` where a particle
    /// denies it or the pair's second word stands.
    Polarity(bool),
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
    /// A verb one claim of the story denies ("has not been charged"), by its stem, or a
    /// pair of antonyms ("confirmed|denied"): the claims that state it either way.
    Axis(String),
}

impl Anchor {
    fn kind(&self) -> FlagKind {
        match self {
            Anchor::Number(_) => FlagKind::Quantity,
            Anchor::Date => FlagKind::Date,
            Anchor::Axis(_) => FlagKind::Polarity,
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
    // each claim's axes, and the stems denied in each story
    let (axes, denied) = polarity_axes(input, index, &story_of);
    let no_stems = BTreeSet::new();
    for (story, id, keys) in axes {
        for (axis, way) in keys.iter() {
            buckets
                .entry((story, Anchor::Axis(axis.clone())))
                .or_default()
                .entry(id)
                .or_default()
                .insert(Value::Polarity(*way));
        }
    }
    let mut pairs: BTreeMap<(ClaimId, ClaimId), Linked> = BTreeMap::new();
    let mut described: BTreeMap<ClaimId, Described> = BTreeMap::new();
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
                words: content(claim),
            });
        }
        // a pair of a polarity holds one claim of each way: start from the fewer
        let starts: Vec<usize> = match anchor {
            Anchor::Axis(_) => {
                let way = |w: bool| {
                    (0..reps.len())
                        .filter(|&k| reps[k].values.contains(&Value::Polarity(w)))
                        .collect::<Vec<_>>()
                };
                let (yes, no) = (way(true), way(false));
                if yes.len() <= no.len() {
                    yes
                } else {
                    no
                }
            }
            _ => (0..reps.len()).collect(),
        };
        for (x, y) in mutual_best(&reps, &starts) {
            let (rx, ry) = (&reps[x], &reps[y]);
            if rx.values == ry.values || !rx.values.is_disjoint(ry.values) {
                continue;
            }
            let aligned = matches!(
                (group_of.get(&rx.claim.id), group_of.get(&ry.claim.id)),
                (Some(a), Some(b)) if a == b
            );
            if aligned {
                continue;
            }
            for c in [rx.claim, ry.claim] {
                described
                    .entry(c.id)
                    .or_insert_with(|| Described::of(index, c));
            }
            let (dx, dy) = (&described[&rx.claim.id], &described[&ry.claim.id]);
            // two sentences that name only different people and places tell of
            // different happenings
            let apart =
                dx.names.apart(&dy.names) && !super::flag::shares_actor(&dx.actors, &dy.actors);
            // besides the fact compared, they agree on a value or share two names
            let together = !dx.stated.is_disjoint(&dy.stated) || dx.names.shared(&dy.names) >= 2;
            if apart || !together {
                continue;
            }
            // an axis stated of one thing: its clauses share words around it
            let mut flip = None;
            if let Anchor::Axis(axis) = anchor {
                let (lo, hi) = if rx.claim.id < ry.claim.id {
                    (rx.claim, ry.claim)
                } else {
                    (ry.claim, rx.claim)
                };
                let stems = denied.get(story).unwrap_or(&no_stems);
                let (Some((x, around_x)), Some((y, around_y))) = (
                    axis_at(index, lo, axis, stems),
                    axis_at(index, hi, axis, stems),
                ) else {
                    continue;
                };
                let n = around_x.intersection(&around_y).count();
                if n < MIN_CONTEXT_SHARED {
                    continue;
                }
                flip = Some(Flip {
                    marks: (x.marks.clone(), y.marks.clone()),
                    heads: (x.heads.clone(), y.heads.clone()),
                    one: n >= MIN_FLIP_CONTEXT_SHARED,
                });
            }
            let key = (rx.claim.id.min(ry.claim.id), rx.claim.id.max(ry.claim.id));
            if !pairs.contains_key(&key) {
                order.push(key);
            }
            let e = pairs
                .entry(key)
                .or_insert_with(|| (*story, BTreeSet::new(), Vec::new()));
            e.1.insert(anchor.kind());
            e.2.extend(flip);
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
        let (story, kinds, flips) = &pairs[&key];
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
                let conflicts: Vec<Conflict> =
                    same_act(kind, &members[0], &members[1], flips, config)
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

/// Each claim of a story with the ways it states the story's polarity axes: a verb a
/// particle denies ("has not been charged": `charg`, false) and, in every claim of the
/// story, the same stem undenied (true); and each word of an antonym pair, by the pair
/// ("confirmed|denied": true for the first word, false for the second, the other way
/// when denied). Comparatives and prepositions ("over", "more") make no axis. Also the
/// stems denied in each story, which [`axis_at`] reads again.
fn polarity_axes<'a>(
    input: &Input<'a>,
    index: &Index<'a>,
    story_of: &BTreeMap<&DocId, StoryId>,
) -> (AxisKeys, BTreeMap<StoryId, BTreeSet<String>>) {
    // each distinct wording is read once, whatever its story
    let mut text_ix: BTreeMap<&str, usize> = BTreeMap::new();
    let mut read: Vec<Wording> = Vec::new();
    let mut claims: Vec<(StoryId, &Claim, usize)> = Vec::new();
    let mut denied: BTreeMap<StoryId, BTreeSet<String>> = BTreeMap::new();
    for claim in input.claims {
        let Some(&story) = story_of.get(&claim.doc) else {
            continue;
        };
        let Some(doc) = index.document(&claim.doc) else {
            continue;
        };
        let Some(text) = doc.text.get(claim.span.start..claim.span.end) else {
            continue;
        };
        let k = *text_ix.entry(text).or_insert_with(|| {
            read.push(Wording::read(&doc.text, claim.span, text));
            read.len() - 1
        });
        for (stem, way) in read[k].own.iter() {
            if !way && !stem.contains('|') {
                denied.entry(story).or_default().insert(stem.clone());
            }
        }
        claims.push((story, claim, k));
    }
    // for lookups only, never iterated
    let lookup: BTreeMap<StoryId, crate::extract::actors::lexicon::Set<&str>> = denied
        .iter()
        .map(|(s, stems)| (*s, stems.iter().map(String::as_str).collect()))
        .collect();
    // one set of keys per story and wording, shared by its copies
    let mut shared: BTreeMap<(StoryId, usize), Option<Keys>> = BTreeMap::new();
    let mut out = Vec::new();
    for (story, claim, k) in claims {
        let keys = shared.entry((story, k)).or_insert_with(|| {
            let w = &read[k];
            let mut keys = w.own.clone();
            if let Some(stems) = lookup.get(&story) {
                let mut add = |stem: &str| {
                    if stems.contains(stem) {
                        keys.insert((stem.to_string(), true));
                    }
                };
                match &w.stems {
                    Stems::Read(own) => own.iter().for_each(|s| add(s)),
                    Stems::InText(lower) => lower
                        .split(|c: char| !c.is_alphanumeric())
                        .for_each(|x| add(super::compare::verb_stem(x))),
                }
            }
            (!keys.is_empty()).then(|| Rc::new(keys))
        });
        if let Some(keys) = keys {
            out.push((story, claim.id, keys.clone()));
        }
    }
    (out, denied)
}

/// What one wording says of polarity axes, whatever its story: its own axes (the verbs
/// its particles deny, its antonyms) and, where it has a particle, the stems of its
/// undenied words, which are axes where the story denies them elsewhere (a wording with
/// no particle has them in its lower-cased words).
struct Wording {
    own: BTreeSet<(String, bool)>,
    stems: Stems,
}

/// The stems of a wording's undenied words.
enum Stems {
    /// Read from its words (a wording with a particle).
    Read(BTreeSet<String>),
    /// Its lower-cased text, whose words are all undenied.
    InText(String),
}

impl Wording {
    fn read(doc_text: &str, span: Span, text: &str) -> Wording {
        let lower = text.to_lowercase();
        // a byte search first: most claims have no particle
        let particle = lower.contains("n't")
            || ((lower.contains("not") || lower.contains("never"))
                && lower
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == "not" || w == "never"));
        if particle {
            let words = super::words::words(doc_text, span);
            let own: BTreeSet<(String, bool)> =
                read_axes(doc_text, &words, None).into_keys().collect();
            let denied: BTreeSet<&str> = own
                .iter()
                .filter(|(s, way)| !way && !s.contains('|'))
                .map(|(s, _)| s.as_str())
                .collect();
            // an undenied word of a stem the claim itself denies is read again where
            // the pair is checked (`axis_at`)
            let stems = words
                .iter()
                .map(|w| super::compare::verb_stem(&w.norm))
                .filter(|s| !denied.contains(s))
                .map(str::to_string)
                .collect();
            return Wording {
                own,
                stems: Stems::Read(stems),
            };
        }
        // with no particle, the words of the text say it: no word is denied
        let lex = super::lexicon::Lexicon::get();
        let mut own = BTreeSet::new();
        for w in lower.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() && !super::compare::relational(w) {
                for y in lex.antonyms_of(w) {
                    own.insert(antonym_axis(w, y, false));
                }
            }
        }
        Wording {
            own,
            stems: Stems::InText(lower),
        }
    }
}

/// The axis of an antonym pair, "a|b" in byte order, and the way `w` states it (true
/// for the first word of the pair; the other way when `denied`).
fn antonym_axis(w: &str, y: &str, denied: bool) -> (String, bool) {
    let first = w < y;
    let axis = if first {
        format!("{w}|{y}")
    } else {
        format!("{y}|{w}")
    };
    (axis, first != denied)
}

/// The polarity axes of a claim's words (see [`polarity_axes`]), with where each is
/// stated: the verbs its particles deny, its antonyms, and its undenied words whose stem
/// is in `stems`.
fn read_axes(
    text: &str,
    words: &[super::words::Word<'_>],
    stems: Option<&BTreeSet<String>>,
) -> Axes {
    use super::compare::{negated_verb_stem, relational, verb_stem};
    let lex = super::lexicon::Lexicon::get();
    let lex_all = crate::lexicon::Lexicon::get();
    let mut axes = Axes::new();
    // the index of each denied verb
    let mut negated: BTreeSet<usize> = BTreeSet::new();
    for p in 0..words.len() {
        if !super::fact::negates(text, words, p) {
            continue;
        }
        let Some((v, stem)) = negated_verb_stem(words, p) else {
            continue;
        };
        // a denied verb of saying ("did not say whether") reports no fact
        let norm = words[v].norm.as_ref();
        if lex_all.is(
            norm,
            crate::lexicon::flag::STOPWORD | crate::lexicon::flag::CLAIM_CUE,
        ) {
            continue;
        }
        negated.insert(v);
        let at = axes.entry((stem, false)).or_default();
        at.marks.push(p);
        at.heads.push(v);
    }
    for (i, w) in words.iter().enumerate() {
        if !relational(&w.norm) {
            for y in lex.antonyms_of(&w.norm) {
                let at = axes
                    .entry(antonym_axis(&w.norm, y, negated.contains(&i)))
                    .or_default();
                at.marks.push(i);
                at.heads.push(i);
            }
        }
        let stem = verb_stem(&w.norm);
        if !negated.contains(&i) && stems.is_some_and(|s| s.contains(stem)) {
            let at = axes.entry((stem.to_string(), true)).or_default();
            at.marks.push(i);
            at.heads.push(i);
        }
    }
    axes
}

/// Where `claim` states `axis` (the verbs its particles deny, its antonyms, its words of
/// a stem denied in the story: `stems`), read again from its words, with the content
/// words of the clauses around it ([`context`]).
fn axis_at(
    index: &Index,
    claim: &Claim,
    axis: &str,
    stems: &BTreeSet<String>,
) -> Option<(AxisAt, BTreeSet<String>)> {
    let doc = index.document(&claim.doc)?;
    doc.text.get(claim.span.start..claim.span.end)?;
    let words = super::words::words(&doc.text, claim.span);
    let mut axes = read_axes(&doc.text, &words, Some(stems));
    let mut at = axes.remove(&(axis.to_string(), false));
    if let Some(t) = axes.remove(&(axis.to_string(), true)) {
        let a = at.get_or_insert_with(AxisAt::default);
        a.marks.extend(t.marks);
        a.heads.extend(t.heads);
    }
    let at = at?;
    let around = at
        .heads
        .iter()
        .flat_map(|&i| context(&doc.text, &words, i))
        .collect();
    Some((at, around))
}

/// Content words of its clause read on each side of an axis word.
const CONTEXT_REACH: usize = 4;

/// Content words two claims share around an axis, in its clause, to state it of one
/// thing: "the date has not been confirmed" and "T-Mobile has just confirmed the
/// rumors" confirm two things.
const MIN_CONTEXT_SHARED: usize = 1;

/// Content words two clauses share around an axis for its flip to stand as a
/// disagreement of its own when the two claims as wholes share too few words for the
/// aligned comparison ("Scott Peterson has been found innocent of first-degree murder,
/// a verdict that …" against "… found him guilty of the first-degree murder of his
/// wife …").
const MIN_FLIP_CONTEXT_SHARED: usize = 3;

/// Words that open another clause: the context of an axis word stops there.
const CLAUSE_OPENERS: &[&str] = &[
    "although", "though", "but", "while", "whereas", "because", "who", "which", "whom", "whose",
    "when", "where", "and", "or", "that", "if", "unless", "since",
];

/// The content words (folded as alignment folds them) of the clause around word `i`,
/// up to [`CONTEXT_REACH`] on each side: the clause ends at a punctuation mark between
/// two words or at a word that opens another clause.
fn context(text: &str, words: &[super::words::Word<'_>], i: usize) -> Vec<String> {
    let lex = crate::lexicon::Lexicon::get();
    let gap_breaks = |a: usize, b: usize| {
        text.get(words[a].span.end..words[b].span.start)
            .is_some_and(|g| {
                g.chars()
                    .any(|c| !c.is_whitespace() && c != '-' && c != '\'')
            })
    };
    let keep = |k: usize| {
        let w = words[k].norm.trim_end_matches("'s");
        (!lex.is(w, crate::lexicon::flag::STOPWORD) && !super::fact::negates(text, words, k))
            .then(|| crate::claims::canonical_word(w))
    };
    let opens = |k: usize| CLAUSE_OPENERS.contains(&words[k].norm.as_ref());
    let mut out = Vec::new();
    let mut k = i;
    while k > 0 && out.len() < CONTEXT_REACH && !gap_breaks(k - 1, k) && !opens(k) {
        k -= 1;
        if opens(k) {
            break;
        }
        out.extend(keep(k));
    }
    let mut n = 0;
    let mut k = i;
    while k + 1 < words.len() && n < CONTEXT_REACH && !gap_breaks(k, k + 1) {
        k += 1;
        if opens(k) {
            break;
        }
        if let Some(w) = keep(k) {
            out.push(w);
            n += 1;
        }
    }
    out
}

/// Whether the heads of a flip have two different subjects on the two sides ("Jobs
/// would not kick off the show" against "Schiller … kicked off the show"; see
/// `fact::doers`), or are done to two things that not both claims name ("will offer the
/// Arc 9 phone" against "the Arc 9 will reach shops in February, although Nordtel will
/// not offer fast data service"; see `fact::themes`): the act of one denied, the act of another asserted. Two words for
/// one doer ("the quake", "the temblor") are apart too: a link is weaker evidence than
/// an aligned pair, so it asks for the same doer in the same word.
fn doers_apart(a: &Facts, b: &Facts, f: &Flip) -> bool {
    let spans = |x: &Facts| x.times.iter().map(|t| t.span).collect::<Vec<_>>();
    let (sa, sb) = (spans(a), spans(b));
    f.heads.0.iter().any(|&i| {
        f.heads.1.iter().any(|&j| {
            let (x, y) = (
                (a.doc.text.as_str(), a.words.as_slice(), i, sa.as_slice()),
                (b.doc.text.as_str(), b.words.as_slice(), j, sb.as_slice()),
            );
            let both_named = |p: &str, q: &str| {
                super::fact::names(&a.words, q) && super::fact::names(&b.words, p)
            };
            super::fact::doers(x, y).is_some_and(|(p, q)| p != q)
                || super::fact::themes(x, y).is_some_and(|(p, q)| p != q && !both_named(&p, &q))
        })
    })
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

/// The disagreements of `kind` between `a` and `b`: for a polarity, the aligned
/// comparison's own (`compare::polarity`) between two sentences; for a date or a
/// number, those whose two facts are tied to the same
/// verb on both sides, a verb that is not one of saying, in two sentences (no headline,
/// no time stamp). Times that open a claim with nothing but other times before them
/// are its dateline, and relative, quoted or clock-only times, or periods of a game,
/// date no happening here; two days that differ only in a year one side does not
/// write are one day.
fn same_act(
    kind: FlagKind,
    a: &Facts,
    b: &Facts,
    flips: &[Flip],
    config: &ReconcileConfig,
) -> Vec<Pair> {
    if a.frame.shape != super::fact::Shape::Sentence
        || b.frame.shape != super::fact::Shape::Sentence
    {
        return Vec::new();
    }
    let found = match kind {
        FlagKind::Polarity => {
            // the axes that link the two, each done by one doer on both sides
            let kept: Vec<&Flip> = flips.iter().filter(|f| !doers_apart(a, b, f)).collect();
            if kept.is_empty() {
                return Vec::new();
            }
            return super::compare::polarity(a, b, config.max_polarity_hunk)
                .or_else(|| {
                    kept.iter()
                        .find(|f| f.one && !super::compare::only_planned(a, b))
                        .map(|f| {
                            super::compare::marked_words(a, b, f.marks.0.clone(), f.marks.1.clone())
                        })
                })
                .into_iter()
                .collect();
        }
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
/// one that differs: the differing one then states another fact. Only pairs with one
/// of `starts` are looked for (every pair when `starts` holds every representative).
fn mutual_best(reps: &[Rep], starts: &[usize]) -> Vec<(usize, usize)> {
    // best[x], read when first asked
    let mut best: Vec<Option<BTreeMap<&DocId, (usize, usize)>>> = vec![None; reps.len()];
    let mut out: BTreeSet<(usize, usize)> = BTreeSet::new();
    for &x in starts {
        let rx = &reps[x];
        let found: Vec<(usize, usize)> = best[x]
            .get_or_insert_with(|| best_by_doc(reps, x))
            .values()
            .copied()
            .collect();
        for (n, y) in found {
            if n < MIN_SHARED || rx.claim.doc == reps[y].claim.doc {
                continue;
            }
            let back = best[y].get_or_insert_with(|| best_by_doc(reps, y));
            if rx
                .docs
                .iter()
                .any(|d| back.get(d).is_some_and(|&(_, b)| b == x))
            {
                out.insert((x.min(y), x.max(y)));
            }
        }
    }
    out.into_iter().collect()
}

/// For each document, the representative with a copy there that shares most content
/// words with representative `x` (the first of equals), and how many.
fn best_by_doc<'r>(reps: &[Rep<'r>], x: usize) -> BTreeMap<&'r DocId, (usize, usize)> {
    let rx = &reps[x];
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
