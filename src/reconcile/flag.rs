//! The flags of one group: which kinds of disagreement its members show, and for each
//! the evidence on every side, the values with every document that gives them, the
//! word diffs, and the one-line summary.

use super::classes::{self, compare_classes, Conflict};
use super::compare::{self, Loc, Pair};
use super::facts::Facts;
use super::names::Names;
use super::{doc_label, short, ReconcileConfig};
use crate::model::{
    ActorKind, ClaimId, Confidence, DiffOp, DiffOpKind, DocId, Document, Evidence, EvidenceValue,
    Flag, FlagKind, Group, Severity, Span, Support, WordDiff,
};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// How many words of a claim label a flag's summary.
const LABEL_WORDS: usize = 10;

/// How many words of a quotation show a side of a wording flag.
const QUOTE_WORDS: usize = 12;

/// How many values a summary names; the rest are counted.
const SUMMARY_VALUES: usize = 4;

/// How many outlets a summary names for one value; the rest are counted.
const SUMMARY_OUTLETS: usize = 3;

/// How many word changes a wording summary lists.
const SUMMARY_CHANGES: usize = 6;

/// The flags of one group, in kind order.
pub(super) fn group_flags(group: &Group, members: &[Facts], config: &ReconcileConfig) -> Vec<Flag> {
    let docs: BTreeSet<&DocId> = members.iter().map(|m| &m.doc.id).collect();
    if docs.len() < 2 {
        return Vec::new();
    }
    let mv = config.max_variants;
    let cap = config.max_evidence_per_value;
    let one = |p: Option<Pair>| p.into_iter().collect::<Vec<_>>();
    let found: [(FlagKind, Vec<Conflict>); 5] = [
        (
            FlagKind::Date,
            named_alike(
                members,
                compare_classes(members, classes::times, compare::date, mv),
            ),
        ),
        (
            FlagKind::Attribution,
            compare_classes(
                members,
                classes::speakers,
                |a, b| one(compare::attribution(a, b)),
                mv,
            ),
        ),
        (
            FlagKind::Quantity,
            named_alike(
                members,
                super::fact::unbridged(
                    members,
                    compare_classes(members, classes::quantities, compare::quantity, mv),
                ),
            ),
        ),
        (
            FlagKind::Polarity,
            compare_classes(
                members,
                classes::words,
                |a, b| one(compare::polarity(a, b, config.max_polarity_hunk)),
                mv,
            ),
        ),
        (
            FlagKind::Source,
            compare_classes(
                members,
                classes::source,
                |a, b| one(compare::source(a, b)),
                mv,
            ),
        ),
    ];
    // Quotation differences already explained by a date, number or polarity flag are
    // not reported again as wording.
    let mut explained: BTreeSet<(DocId, Span)> = BTreeSet::new();
    let mut flags = Vec::new();
    for (kind, conflicts) in &found {
        let Some(f) = build_flag(*kind, group, members, conflicts, cap) else {
            continue;
        };
        if matches!(
            kind,
            FlagKind::Date | FlagKind::Quantity | FlagKind::Polarity
        ) {
            for e in &f.evidence {
                for h in &e.highlights {
                    explained.insert((e.doc.clone(), *h));
                }
            }
        }
        flags.push(f);
    }
    let mut quotes = compare_classes(
        members,
        classes::quotes,
        |a, b| compare::quote_wording(a, b, config.quote),
        mv,
    );
    quotes.retain(|c| !explained_elsewhere(c, members, &explained));
    if let Some(f) = build_flag(FlagKind::QuoteWording, group, members, &quotes, cap) {
        flags.push(f);
    }
    flags.sort_by_key(|f| f.kind);
    flags
}

/// `conflicts` without those between two claims that each name someone or something
/// and share no name: "shot three times in Eastgate on Saturday" and "shot five times
/// in Millbrook two years ago" align on their words but tell of two happenings.
fn named_alike(members: &[Facts], conflicts: Vec<Conflict>) -> Vec<Conflict> {
    conflicts
        .into_iter()
        .filter(|c| match (c.a.first(), c.b.first()) {
            (Some(&a), Some(&b)) => {
                let (x, y) = (&members[a], &members[b]);
                !Names::of(&x.claim.text).apart(&Names::of(&y.claim.text))
                    || shares_actor(&x.mentioned, &y.mentioned)
            }
            _ => true,
        })
        .collect()
}

/// Whether two sorted lists of actors share one: "the governor" in one claim and
/// "Governor Ana Ruiz" in the other name one person in words the names rule cannot
/// match.
pub(super) fn shares_actor(a: &[crate::model::ActorId], b: &[crate::model::ActorId]) -> bool {
    a.iter().any(|x| b.binary_search(x).is_ok())
}

/// Whether every change of a wording conflict lies on (or around) words another flag
/// already marked.
fn explained_elsewhere(
    c: &Conflict,
    members: &[Facts],
    explained: &BTreeSet<(DocId, Span)>,
) -> bool {
    let covered = |doc: &DocId, s: Option<Span>| {
        s.is_none_or(|s| {
            explained
                .iter()
                .any(|(d, h)| d == doc && (h.contains(s) || s.contains(*h)))
        })
    };
    let (da, db) = (&members[c.a[0]].doc.id, &members[c.b[0]].doc.id);
    c.pair
        .ops
        .iter()
        .filter(|o| o.kind != DiffOpKind::Equal)
        .all(|o| covered(da, o.old_span) && covered(db, o.new_span))
}

fn severity(kind: FlagKind, members: &[Facts], conflicts: &[Conflict]) -> Severity {
    match kind {
        FlagKind::Date | FlagKind::Quantity | FlagKind::Polarity => Severity::Contradiction,
        FlagKind::QuoteWording | FlagKind::Source => Severity::Variation,
        FlagKind::Attribution => {
            // Two people cannot both have said it; a person and a body (a ministry, a
            // joint statement) can.
            let kind_at = |i: usize, loc: &Loc| {
                let m = &members[i];
                match loc {
                    Loc::Speaker(Some(j)) => m.speakers.get(*j).and_then(|s| s.party.kind),
                    _ => m.speaker.as_ref().and_then(|p| p.kind),
                }
            };
            let person = |k: Option<ActorKind>| matches!(k, None | Some(ActorKind::Person));
            let people = conflicts
                .iter()
                .any(|c| person(kind_at(c.a[0], &c.pair.a)) && person(kind_at(c.b[0], &c.pair.b)));
            if people {
                Severity::Contradiction
            } else {
                Severity::Variation
            }
        }
    }
}

/// A piece of evidence is known by where it stands.
type Key = (DocId, ClaimId, Span);

/// A value as a flag shows it, with every document that gives it.
struct Shown<'m> {
    text: String,
    docs: BTreeMap<&'m DocId, &'m Document>,
}

/// What the conflicts of one flag give: every piece of evidence, the representative
/// pieces of each conflict with its word diff, and every value.
#[derive(Default)]
struct Sides<'m> {
    evidence: BTreeMap<Key, Evidence>,
    reps: Vec<(Key, Key, Vec<DiffOp>)>,
    values: BTreeMap<EvidenceValue, Shown<'m>>,
}

/// The flag of `kind` that `conflicts` (between classes of `members`) raise, or `None`
/// when they leave fewer than two pieces of evidence.
pub(super) fn build_flag(
    kind: FlagKind,
    group: &Group,
    members: &[Facts],
    conflicts: &[Conflict],
    cap: usize,
) -> Option<Flag> {
    if conflicts.is_empty() {
        return None;
    }
    let sides = sides(kind, members, conflicts, cap);
    if sides.evidence.len() < 2 {
        return None;
    }
    let keys: Vec<Key> = sides.evidence.keys().cloned().collect();
    let evidence: Vec<Evidence> = sides.evidence.into_values().collect();
    let mut diffs: Vec<WordDiff> = sides
        .reps
        .into_iter()
        .filter(|(_, _, ops)| !ops.is_empty())
        .filter_map(|(a, b, ops)| {
            Some(WordDiff {
                from: keys.binary_search(&a).ok()?,
                to: keys.binary_search(&b).ok()?,
                ops,
            })
        })
        .collect();
    diffs.sort_by_key(|d| (d.from, d.to));
    diffs.dedup_by(|x, y| x.from == y.from && x.to == y.to);
    // Every side is who did it, not who said it.
    let agents = conflicts
        .iter()
        .all(|c| c.a.iter().chain(&c.b).all(|&i| members[i].agent));
    let label = members
        .first()
        .map(|m| short(&m.claim.text, LABEL_WORDS))
        .unwrap_or_default();
    let summary = summary(kind, agents, &label, &sides.values, &diffs);
    let mut flag = Flag {
        copied_side: None,
        kind,
        severity: severity(kind, members, conflicts),
        group: group.id,
        story: group.story,
        summary,
        evidence,
        support: sides
            .values
            .into_iter()
            .map(|(value, shown)| Support {
                value,
                docs: shown.docs.into_keys().cloned().collect(),
            })
            .collect(),
        diffs,
        confidence: Confidence::Low,
        reasons: Vec::new(),
    };
    (flag.confidence, flag.reasons) = super::confidence::assess(&flag, group, members);
    Some(flag)
}

/// The evidence of every member on each side of `conflicts`: full evidence for the
/// first `cap` documents of each value, the rest only counted.
fn sides<'m>(
    kind: FlagKind,
    members: &'m [Facts],
    conflicts: &[Conflict],
    cap: usize,
) -> Sides<'m> {
    let mut s = Sides::default();
    let mut kept: BTreeMap<EvidenceValue, usize> = BTreeMap::new();
    // A big class meets many others; its members are visited once.
    let mut done: HashSet<(usize, &Loc)> = HashSet::new();
    for c in conflicts {
        let mut rep_keys = [None, None];
        for (side, (class, loc)) in [(&c.a, &c.pair.a), (&c.b, &c.pair.b)]
            .into_iter()
            .enumerate()
        {
            let other = if side == 0 { &c.b } else { &c.a };
            let mut side_value: Option<EvidenceValue> = None;
            for &i in class {
                let m = &members[i];
                if other.iter().all(|&j| std::ptr::eq(members[j].doc, m.doc)) {
                    continue;
                }
                let first_visit = done.insert((i, loc));
                if !first_visit && rep_keys[side].is_some() {
                    continue;
                }
                if let Some(v) = side_value
                    .as_ref()
                    .filter(|v| kept.get(v).is_some_and(|&k| k >= cap))
                {
                    // past the cap: count the document, keep no evidence
                    if let Some(shown) = s.values.get_mut(v) {
                        shown.docs.insert(&m.doc.id, m.doc);
                    }
                    continue;
                }
                let Some(e) = evidence(m, loc) else { continue };
                let key = (e.doc.clone(), e.claim, e.span);
                if rep_keys[side].is_none() {
                    rep_keys[side] = Some(key.clone());
                }
                if side_value.is_none() {
                    side_value = Some(e.value.clone());
                }
                if let Some(seen) = s.evidence.get_mut(&key) {
                    // the same piece of evidence met again: gather its differing words
                    seen.highlights.extend(e.highlights);
                    seen.highlights.sort();
                    seen.highlights.dedup();
                    continue;
                }
                s.values
                    .entry(e.value.clone())
                    .or_insert_with(|| Shown {
                        text: shown(kind, &e),
                        docs: BTreeMap::new(),
                    })
                    .docs
                    .insert(&m.doc.id, m.doc);
                *kept.entry(e.value.clone()).or_default() += 1;
                s.evidence.entry(key).or_insert(e);
            }
        }
        if let [Some(a), Some(b)] = rep_keys {
            s.reps.push((a, b, c.pair.ops.clone()));
        }
    }
    s
}

/// How a flag's summary shows the value of a piece of evidence.
fn shown(kind: FlagKind, e: &Evidence) -> String {
    match kind {
        FlagKind::QuoteWording => format!("“{}”", short(&e.text, QUOTE_WORDS)),
        FlagKind::Polarity if e.highlights.is_empty() => "no negation".to_string(),
        FlagKind::Polarity => format!("“{}”", e.value),
        FlagKind::Attribution | FlagKind::Source => e.value.to_string(),
        _ => format!("“{}” ({})", e.text, e.value),
    }
}

/// The one line a journalist reads.
fn summary(
    kind: FlagKind,
    agents: bool,
    label: &str,
    values: &BTreeMap<EvidenceValue, Shown>,
    diffs: &[WordDiff],
) -> String {
    let vs = sides_text(values);
    match kind {
        FlagKind::Date => format!("Date differs for “{label}”: {vs}"),
        FlagKind::Attribution if agents => format!("Done by different actors, “{label}”: {vs}"),
        FlagKind::Attribution => format!("Given to different speakers, “{label}”: {vs}"),
        FlagKind::Quantity => format!("Number differs for “{label}”: {vs}"),
        FlagKind::Polarity => format!("Opposite meaning (negation or antonym) for “{label}”: {vs}"),
        FlagKind::Source => format!("Credited to different sources, “{label}”: {vs}"),
        FlagKind::QuoteWording => {
            // in reading order, each change once
            let mut changes: Vec<String> = Vec::new();
            for o in diffs.iter().flat_map(|d| d.changes()) {
                let c = match o.kind {
                    DiffOpKind::Insert => format!("+“{}”", o.new),
                    DiffOpKind::Delete => format!("−“{}”", o.old),
                    _ => format!("“{}” → “{}”", o.old, o.new),
                };
                if !changes.contains(&c) {
                    changes.push(c);
                }
            }
            let docs: BTreeSet<String> = values
                .values()
                .flat_map(|shown| shown.docs.values().map(|d| doc_label(d)))
                .collect();
            format!(
                "Quotation worded differently ({}): {}",
                docs.into_iter().collect::<Vec<_>>().join(", "),
                changes
                    .into_iter()
                    .take(SUMMARY_CHANGES)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    }
}

/// "value in outlet, outlet vs value in outlet", sides in the order of their first
/// document.
fn sides_text(values: &BTreeMap<EvidenceValue, Shown>) -> String {
    let mut ordered: Vec<&Shown> = values.values().collect();
    ordered.sort_by(|x, y| x.docs.keys().next().cmp(&y.docs.keys().next()));
    let sides: Vec<String> = ordered
        .into_iter()
        .take(SUMMARY_VALUES)
        .map(|shown| {
            let mut names: Vec<String> = shown
                .docs
                .values()
                .map(|d| doc_label(d))
                .take(SUMMARY_OUTLETS)
                .collect();
            names.dedup();
            let more = shown.docs.len().saturating_sub(SUMMARY_OUTLETS);
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!("{} in {}{tail}", shown.text, names.join(", "))
        })
        .collect();
    let more = values.len().saturating_sub(SUMMARY_VALUES);
    let mut vs = sides.join(" vs ");
    if more > 0 {
        vs.push_str(&format!(" (+{more} more values)"));
    }
    vs
}

fn hull(spans: &[Span]) -> Option<Span> {
    let start = spans.iter().map(|s| s.start).min()?;
    let end = spans.iter().map(|s| s.end).max()?;
    Some(Span::new(start, end))
}

/// The evidence of `loc` in member `m`, or `None` if it does not resolve.
fn evidence(m: &Facts, loc: &Loc) -> Option<Evidence> {
    let text = &m.doc.text;
    let (span, value, highlights): (Span, EvidenceValue, Vec<Span>) = match loc {
        Loc::Time(i) => {
            let t = m.times.get(*i)?;
            (t.span, EvidenceValue::Time(t.value), vec![t.span])
        }
        Loc::Quantity(i) => {
            let q = &m.frame.amounts.get(*i)?.quantity;
            (
                q.span,
                EvidenceValue::Quantity(q.normalized()),
                vec![q.span],
            )
        }
        Loc::Speaker(i) => {
            let p = match i {
                Some(i) => &m.speakers.get(*i)?.party,
                None => m.speaker.as_ref()?,
            };
            (p.span, EvidenceValue::Speaker(p.name.clone()), vec![p.span])
        }
        Loc::Source => {
            let p = m.source.as_ref()?;
            (p.span, EvidenceValue::Source(p.name.clone()), vec![p.span])
        }
        Loc::Words { marks, .. } => {
            let marked: Vec<_> = marks.iter().filter_map(|&k| m.words.get(k)).collect();
            let words: Vec<&str> = marked.iter().map(|w| w.norm.as_ref()).collect();
            let spans = marked.iter().map(|w| w.span).collect();
            (
                m.claim.span,
                EvidenceValue::Polarity(words.join(" ")),
                spans,
            )
        }
        Loc::Quote {
            quote,
            region,
            marks,
        } => {
            // The whole quotation, so that one quotation compared with partners that
            // quote different lengths of it is one piece of evidence; the differing
            // words (inside the compared region) are its highlights.
            let q = m.quotes.get(*quote)?;
            q.words.get(region.clone())?;
            let ws = &q.words[..];
            let span = hull(&ws.iter().map(|w| w.span).collect::<Vec<_>>())?;
            let spans = marks
                .iter()
                .filter_map(|&k| q.words.get(k))
                .map(|w| w.span)
                .collect();
            let words = classes::norms(ws).trim_end().to_string();
            (span, EvidenceValue::Quotation(words), spans)
        }
    };
    let context = if m.claim.span.contains(span) {
        m.claim.span
    } else {
        span
    };
    let mut highlights: Vec<Span> = highlights
        .into_iter()
        .filter(|s| context.contains(*s))
        .collect();
    highlights.sort();
    highlights.dedup();
    // a context outside the text drops the evidence, as its span would
    context.get(text)?;
    Some(Evidence {
        doc: m.doc.id.clone(),
        claim: m.claim.id,
        span,
        text: span.get(text)?.to_string(),
        value,
        context,
        highlights,
    })
}
