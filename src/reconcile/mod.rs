//! Reconciliation: inside every aligned group, compare the members and flag each
//! disagreement with its evidence; gather the events the groups describe into a
//! timeline; and tabulate which documents carry which group.
//!
//! Everything here is a pure function of an [`Input`] (the outputs of the earlier
//! stages). No I/O, no global mutable state; every list is sorted by a stable key, so
//! the same input in any order gives the same [`Report`].
//!
//! ```
//! use corroborate::model::*;
//! use corroborate::reconcile::{self, Input, ReconcileConfig};
//!
//! let a = Document::new("a", "The council approved the plan on Monday.");
//! let b = Document::new("b", "The council did not approve the plan on Monday.");
//! let claim = |id: u32, doc: &Document| Claim {
//!     id: ClaimId(id),
//!     doc: doc.id.clone(),
//!     span: Span::new(0, doc.text.len()),
//!     text: doc.text.clone(),
//!     sentence: 0,
//!     speaker: None,
//!     quotes: vec![],
//!     times: vec![],
//!     quantities: vec![],
//!     polarity: Polarity::Positive,
//!     attribution: None,
//!     cue: None,
//!     tokens: String::new(),
//! };
//! let docs = [a.clone(), b.clone()];
//! let claims = [claim(0, &a), claim(1, &b)];
//! let groups = [Group { id: GroupId(0), claims: vec![ClaimId(0), ClaimId(1)], score: 0.9 }];
//! let input = Input { documents: &docs, claims: &claims, groups: &groups, ..Input::default() };
//! let report = reconcile::check(&input, &ReconcileConfig::default());
//! assert_eq!(report.flags.len(), 1);
//! assert_eq!(report.flags[0].kind, FlagKind::Polarity);
//! ```

mod compare;
pub mod diff;
mod events;
mod facts;
mod lexicon;
pub mod words;

use crate::model::{
    Actor, ActorKind, Claim, ClaimId, Coverage, CoverageRow, DiffOpKind, DocId, Document,
    DocumentInfo, Event, Evidence, Flag, FlagKind, Group, Quantity, Quote, Report, Severity, Span,
    Support, TimeExpr, WordDiff,
};
use compare::{Loc, Pair};
use facts::{Facts, Index};
use std::collections::{BTreeMap, BTreeSet, HashSet};

pub use diff::QuoteParams;

/// What reconciliation reads: the documents and the outputs of the earlier stages.
/// Slices may be in any order.
#[derive(Clone, Copy, Debug, Default)]
pub struct Input<'a> {
    /// The documents.
    pub documents: &'a [Document],
    /// The actors (alias clusters) with their mentions.
    pub actors: &'a [Actor],
    /// Quotations and reported speech.
    pub quotes: &'a [Quote],
    /// Temporal expressions.
    pub times: &'a [TimeExpr],
    /// Quantities.
    pub quantities: &'a [Quantity],
    /// Claims, each naming its quotations, times and quantities by id (see
    /// [`crate::attach_times_and_quantities`]); a time or quantity no claim names is
    /// not compared.
    pub claims: &'a [Claim],
    /// Aligned groups of claims.
    pub groups: &'a [Group],
}

/// Settings of reconciliation, with documented defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReconcileConfig {
    /// How quotations are aligned (see [`QuoteParams`]).
    pub quote: QuoteParams,
    /// Largest run of differing words (per side) in which a negation or antonym swap
    /// counts as a polarity change; longer runs are extra material, not a reversal.
    /// Default 4.
    pub max_polarity_hunk: usize,
    /// Largest number of distinct variants of a group compared with each other; past
    /// it every variant is compared with the most common one only, keeping big clusters
    /// linear. Default 16.
    pub max_variants: usize,
    /// Most documents per distinct value that get full evidence in a flag; every
    /// document is still counted in [`Flag::support`]. Default 8.
    pub max_evidence_per_value: usize,
}

impl Default for ReconcileConfig {
    fn default() -> Self {
        ReconcileConfig {
            quote: QuoteParams::default(),
            max_polarity_hunk: 4,
            max_variants: 16,
            max_evidence_per_value: 8,
        }
    }
}

/// Everything reconciliation finds, with the stages' outputs, as one [`Report`].
pub fn check(input: &Input, config: &ReconcileConfig) -> Report {
    let index = Index::new(input);
    let gathered = gather(input, &index);
    let flags = flags_of(&gathered, config);
    let events = events::events(&gathered, &index, &flags);
    // The members' facts are many small allocations: free them on another core while
    // this one assembles the report.
    std::thread::scope(|scope| {
        scope.spawn(move || drop(gathered));
        assemble(input, flags, events)
    })
}

/// The report around the flags and events: the stages' outputs in a stable order, and
/// the coverage.
fn assemble(input: &Input, flags: Vec<Flag>, events: Vec<Event>) -> Report {
    let coverage = coverage(input);
    let mut documents: Vec<DocumentInfo> = input
        .documents
        .iter()
        .map(|d| DocumentInfo {
            id: d.id.clone(),
            published: d.published,
            source: d.source.clone(),
            len: d.text.len(),
        })
        .collect();
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    let mut actors = input.actors.to_vec();
    actors.sort_by_key(|a| a.id);
    let mut quotes = input.quotes.to_vec();
    quotes.sort_by_key(|q| q.id);
    let mut times = input.times.to_vec();
    times.sort_by(|a, b| (&a.doc, a.span, &a.value).cmp(&(&b.doc, b.span, &b.value)));
    let mut quantities = input.quantities.to_vec();
    quantities.sort_by(|a, b| {
        (&a.doc, a.span, &a.text)
            .cmp(&(&b.doc, b.span, &b.text))
            .then(a.value.total_cmp(&b.value))
    });
    let mut claims = input.claims.to_vec();
    claims.sort_by_key(|c| c.id);
    let mut groups: Vec<Group> = input.groups.to_vec();
    for g in &mut groups {
        g.claims.sort();
    }
    groups.sort_by_key(|g| g.id);
    Report {
        documents,
        actors,
        quotes,
        times,
        quantities,
        claims,
        groups,
        flags,
        events,
        coverage,
    }
}

/// The flags of every group, sorted by group, kind and evidence.
pub fn flags(input: &Input, config: &ReconcileConfig) -> Vec<Flag> {
    flags_indexed(input, &Index::new(input), config)
}

/// Every group (in id order) with the facts of its members (in claim id order).
pub(crate) type Gathered<'i, 'a> = Vec<(&'i Group, Vec<Facts<'a>>)>;

fn gather<'i, 'a>(input: &Input<'a>, index: &Index<'a>) -> Gathered<'i, 'a>
where
    'a: 'i,
{
    let mut groups: Vec<&'a Group> = input.groups.iter().collect();
    groups.sort_by_key(|g| g.id);
    // every member's facts at once, on all cores (big clusters have groups of
    // hundreds of copies), then handed back to the groups in order
    let mut lens = Vec::with_capacity(groups.len());
    let mut members: Vec<&'a Claim> = Vec::new();
    for g in &groups {
        let mut ids = g.claims.clone();
        ids.sort();
        ids.dedup();
        let before = members.len();
        members.extend(ids.iter().filter_map(|id| index.claims.get(id).copied()));
        lens.push(members.len() - before);
    }
    let mut facts = crate::par::map(&members, 0, 256, |c| index.facts(c)).into_iter();
    groups
        .into_iter()
        .zip(lens)
        .map(|(g, n)| (g, facts.by_ref().take(n).flatten().collect()))
        .collect()
}

fn flags_indexed(input: &Input, index: &Index, config: &ReconcileConfig) -> Vec<Flag> {
    flags_of(&gather(input, index), config)
}

fn flags_of(gathered: &Gathered, config: &ReconcileConfig) -> Vec<Flag> {
    // groups are independent: on all cores, in group order
    crate::par::map(gathered, 0, 2, |(g, members)| {
        group_flags(g, members, config)
    })
    .into_iter()
    .flatten()
    .collect()
}

/// One comparison's outcome between two classes of identical members.
struct Conflict {
    a: Vec<usize>,
    b: Vec<usize>,
    pair: Pair,
}

/// Splits members into classes with the same signature and compares class
/// representatives pairwise (or each against the largest class past `max_variants`).
fn compare_classes(
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

fn norms(ws: &[words::Word<'_>]) -> String {
    let mut s = String::new();
    for w in ws {
        s.push_str(&w.norm);
        s.push(' ');
    }
    s
}

fn party_key(p: &facts::Party) -> String {
    match p.actor {
        Some(a) => format!("#{}", a.0),
        None => p.tokens.iter().cloned().collect::<Vec<_>>().join(" "),
    }
}

fn hull(spans: &[Span]) -> Option<Span> {
    let start = spans.iter().map(|s| s.start).min()?;
    let end = spans.iter().map(|s| s.end).max()?;
    Some(Span::new(start, end))
}

/// The evidence of `loc` in member `m`, or `None` if it does not resolve.
fn evidence(m: &Facts, loc: &Loc) -> Option<Evidence> {
    let text = &m.doc.text;
    let (span, value, highlights): (Span, String, Vec<Span>) = match loc {
        Loc::Times(ix) => {
            let ts: Vec<_> = ix.iter().filter_map(|&i| m.times.get(i)).collect();
            let spans: Vec<Span> = ts.iter().map(|t| t.span).collect();
            let value = ts
                .iter()
                .map(|t| t.value.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            (hull(&spans)?, value, spans)
        }
        Loc::Quantities(ix) => {
            let qs: Vec<_> = ix.iter().filter_map(|&i| m.quantities.get(i)).collect();
            let spans: Vec<Span> = qs.iter().map(|q| q.span).collect();
            let value = qs
                .iter()
                .map(|q| quantity_value(q))
                .collect::<Vec<_>>()
                .join(", ");
            (hull(&spans)?, value, spans)
        }
        Loc::Speaker(_) | Loc::Source => {
            let p = match loc {
                Loc::Speaker(Some(i)) => &m.speakers.get(*i)?.party,
                Loc::Speaker(None) => m.speaker.as_ref()?,
                _ => m.source.as_ref()?,
            };
            (p.span, p.name.clone(), vec![p.span])
        }
        Loc::Words { marks, .. } => {
            let spans: Vec<Span> = marks
                .iter()
                .filter_map(|&k| m.words.get(k))
                .map(|w| w.span)
                .collect();
            let value = marks
                .iter()
                .filter_map(|&k| m.words.get(k))
                .map(|w| w.norm.as_ref())
                .collect::<Vec<_>>()
                .join(" ");
            let value = if value.is_empty() {
                "(no negation)".to_string()
            } else {
                value
            };
            (m.claim.span, value, spans)
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
            (span, norms(ws).trim_end().to_string(), spans)
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
    Some(Evidence {
        doc: m.doc.id.clone(),
        claim: m.claim.id,
        span,
        text: span.get(text)?.to_string(),
        value,
        context,
        context_text: context.get(text)?.to_string(),
        highlights,
    })
}

/// A quantity's normalized value, `1.22e7 eur` style.
fn quantity_value(q: &Quantity) -> String {
    let num = |v: f64| {
        if v.abs() >= 1e5 {
            format!("{v:e}")
        } else {
            let s = format!("{v:.4}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    let mut s = num(q.value);
    if q.value_max != q.value {
        s = format!("{s}-{}", num(q.value_max));
    }
    if let Some(u) = &q.unit {
        s.push(' ');
        s.push_str(u.name());
    }
    s
}

fn doc_label(d: &Document) -> String {
    d.source.clone().unwrap_or_else(|| d.id.to_string())
}

fn short(text: &str, n: usize) -> String {
    let ws: Vec<&str> = text.split_whitespace().collect();
    if ws.len() <= n {
        ws.join(" ")
    } else {
        format!("{}…", ws[..n].join(" "))
    }
}

fn group_flags(group: &Group, members: &[Facts], config: &ReconcileConfig) -> Vec<Flag> {
    let docs: BTreeSet<&DocId> = members.iter().map(|m| &m.doc.id).collect();
    if docs.len() < 2 {
        return Vec::new();
    }
    let mv = config.max_variants;
    let one = |p: Option<Pair>| p.into_iter().collect::<Vec<_>>();
    let mut found: Vec<(FlagKind, Vec<Conflict>)> = vec![
        (
            FlagKind::Date,
            compare_classes(
                members,
                |m| {
                    (!m.times.is_empty()).then(|| {
                        m.times
                            .iter()
                            .map(|t| t.value.to_string())
                            .collect::<Vec<_>>()
                            .join("|")
                    })
                },
                |a, b| one(compare::date(a, b)),
                mv,
            ),
        ),
        (
            FlagKind::Attribution,
            compare_classes(
                members,
                |m| {
                    let quoted: Vec<String> = m
                        .speakers
                        .iter()
                        .map(|s| format!("{}={}", party_key(&s.party), norms(&s.words)))
                        .collect();
                    match (&m.speaker, quoted.is_empty()) {
                        (Some(p), true) => Some(party_key(p)),
                        (None, true) => None,
                        _ => Some(quoted.join("|")),
                    }
                },
                |a, b| one(compare::attribution(a, b)),
                mv,
            ),
        ),
        (
            FlagKind::Quantity,
            compare_classes(
                members,
                |m| {
                    (!m.quantities.is_empty()).then(|| {
                        m.quantities
                            .iter()
                            .map(|q| quantity_value(q) + &format!("{:?}", q.approx))
                            .collect::<Vec<_>>()
                            .join("|")
                    })
                },
                |a, b| one(compare::quantity(a, b)),
                mv,
            ),
        ),
        (
            FlagKind::Polarity,
            compare_classes(
                members,
                |m| Some(norms(&m.words)),
                |a, b| one(compare::polarity(a, b, config.max_polarity_hunk)),
                mv,
            ),
        ),
        (
            FlagKind::Source,
            compare_classes(
                members,
                |m| m.source.as_ref().map(party_key),
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
        if let Some(f) = build_flag(
            *kind,
            group,
            members,
            conflicts,
            config.max_evidence_per_value,
        ) {
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
    }
    let covered = |doc: &DocId, s: Option<Span>| {
        s.is_none_or(|s| {
            explained
                .iter()
                .any(|(d, h)| d == doc && (h.contains(s) || s.contains(*h)))
        })
    };
    let mut quotes = compare_classes(
        members,
        |m| {
            (!m.quotes.is_empty()).then(|| {
                m.quotes
                    .iter()
                    .map(|q| norms(&q.words))
                    .collect::<Vec<_>>()
                    .join("|")
            })
        },
        |a, b| compare::quote_wording(a, b, config.quote),
        mv,
    );
    quotes.retain(|c| {
        let (da, db) = (&members[c.a[0]].doc.id, &members[c.b[0]].doc.id);
        !c.pair
            .ops
            .iter()
            .filter(|o| o.kind != DiffOpKind::Equal)
            .all(|o| covered(da, o.old_span) && covered(db, o.new_span))
    });
    found.push((FlagKind::QuoteWording, quotes));
    if let Some((_, q)) = found.last() {
        if let Some(f) = build_flag(
            FlagKind::QuoteWording,
            group,
            members,
            q,
            config.max_evidence_per_value,
        ) {
            flags.push(f);
        }
    }
    flags.sort_by_key(|f| f.kind);
    flags
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

fn build_flag(
    kind: FlagKind,
    group: &Group,
    members: &[Facts],
    conflicts: &[Conflict],
    cap: usize,
) -> Option<Flag> {
    if conflicts.is_empty() {
        return None;
    }
    // Every side is who did it, not who said it.
    let agents = conflicts
        .iter()
        .all(|c| c.a.iter().chain(&c.b).all(|&i| members[i].agent));
    type Key = (DocId, ClaimId, Span);
    let mut ev: BTreeMap<Key, Evidence> = BTreeMap::new();
    let mut reps: Vec<(Key, Key, Vec<crate::model::DiffOp>)> = Vec::new();
    // value -> (how it is shown, every document giving it with its label)
    let mut values: BTreeMap<String, (String, BTreeMap<&DocId, &Document>)> = BTreeMap::new();
    let mut kept: BTreeMap<String, usize> = BTreeMap::new();
    // A big class meets many others; its members are visited once.
    let mut done: HashSet<(usize, &Loc)> = HashSet::new();
    for c in conflicts {
        let mut rep_keys = [None, None];
        for (side, (class, loc)) in [(&c.a, &c.pair.a), (&c.b, &c.pair.b)]
            .into_iter()
            .enumerate()
        {
            let other = if side == 0 { &c.b } else { &c.a };
            let mut side_value: Option<String> = None;
            for &i in class {
                let m = &members[i];
                if other.iter().all(|&j| std::ptr::eq(members[j].doc, m.doc)) {
                    continue;
                }
                let first_visit = done.insert((i, loc));
                if !first_visit && rep_keys[side].is_some() {
                    continue;
                }
                let full = side_value
                    .as_ref()
                    .is_some_and(|v| kept.get(v).is_some_and(|&k| k >= cap));
                if full {
                    // past the cap: count the document, keep no evidence
                    if let Some(v) = &side_value {
                        if let Some(entry) = values.get_mut(v) {
                            entry.1.insert(&m.doc.id, m.doc);
                        }
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
                if let Some(seen) = ev.get_mut(&key) {
                    // the same piece of evidence met again: gather its differing words
                    seen.highlights.extend(e.highlights);
                    seen.highlights.sort();
                    seen.highlights.dedup();
                    continue;
                }
                let shown = match kind {
                    FlagKind::QuoteWording => format!("“{}”", short(&e.text, 12)),
                    FlagKind::Polarity if e.highlights.is_empty() => "no negation".to_string(),
                    FlagKind::Polarity => format!("“{}”", e.value),
                    FlagKind::Attribution | FlagKind::Source => e.value.clone(),
                    _ => format!("“{}” ({})", e.text, e.value),
                };
                values
                    .entry(e.value.clone())
                    .or_insert_with(|| (shown, BTreeMap::new()))
                    .1
                    .insert(&m.doc.id, m.doc);
                *kept.entry(e.value.clone()).or_default() += 1;
                ev.entry(key).or_insert(e);
            }
        }
        if let [Some(a), Some(b)] = rep_keys {
            reps.push((a, b, c.pair.ops.clone()));
        }
    }
    if ev.len() < 2 {
        return None;
    }
    let keys: Vec<Key> = ev.keys().cloned().collect();
    let evidence: Vec<Evidence> = ev.into_values().collect();
    let mut diffs: Vec<WordDiff> = reps
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
    let label = members
        .first()
        .map(|m| short(&m.claim.text, 10))
        .unwrap_or_default();
    // sides in the order of their first document
    let mut ordered: Vec<&(String, BTreeMap<&DocId, &Document>)> = values.values().collect();
    ordered.sort_by(|x, y| x.1.keys().next().cmp(&y.1.keys().next()));
    let sides: Vec<String> = ordered
        .into_iter()
        .take(4)
        .map(|(shown, docs)| {
            let mut names: Vec<String> = docs.values().map(|d| doc_label(d)).take(3).collect();
            names.dedup();
            let more = docs.len().saturating_sub(3);
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!("{shown} in {}{tail}", names.join(", "))
        })
        .collect();
    let more = values.len().saturating_sub(4);
    let mut vs = sides.join(" vs ");
    if more > 0 {
        vs.push_str(&format!(" (+{more} more values)"));
    }
    let summary = match kind {
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
                .flat_map(|(_, d)| d.values().map(|d| doc_label(d)))
                .collect();
            format!(
                "Quotation worded differently ({}): {}",
                docs.into_iter().collect::<Vec<_>>().join(", "),
                changes.into_iter().take(6).collect::<Vec<_>>().join(", ")
            )
        }
    };
    Some(Flag {
        kind,
        severity: severity(kind, members, conflicts),
        group: group.id,
        summary,
        evidence,
        support: values
            .into_iter()
            .map(|(value, (_, docs))| Support {
                value,
                docs: docs.into_keys().cloned().collect(),
            })
            .collect(),
        diffs,
    })
}

/// The claims-by-outlet matrix: for each group (in id order), its claims in each
/// document (columns in id order).
pub fn coverage(input: &Input) -> Coverage {
    let mut documents: Vec<DocId> = input.documents.iter().map(|d| d.id.clone()).collect();
    documents.sort();
    documents.dedup();
    let claims: BTreeMap<ClaimId, &Claim> = input.claims.iter().map(|c| (c.id, c)).collect();
    let mut groups: Vec<&Group> = input.groups.iter().collect();
    groups.sort_by_key(|g| g.id);
    let rows = groups
        .into_iter()
        .map(|g| {
            let mut ids = g.claims.clone();
            ids.sort();
            ids.dedup();
            let members: Vec<&Claim> = ids
                .iter()
                .filter_map(|id| claims.get(id).copied())
                .collect();
            let mut cells: Vec<Vec<ClaimId>> = vec![Vec::new(); documents.len()];
            for c in &members {
                if let Ok(col) = documents.binary_search(&c.doc) {
                    cells[col].push(c.id);
                }
            }
            let (carried_by, missing_from) = documents.iter().zip(&cells).fold(
                (Vec::new(), Vec::new()),
                |(mut y, mut n), (d, c)| {
                    if c.is_empty() {
                        n.push(d.clone())
                    } else {
                        y.push(d.clone())
                    }
                    (y, n)
                },
            );
            CoverageRow {
                group: g.id,
                label: members
                    .first()
                    .map(|c| short(&c.text, 14))
                    .unwrap_or_default(),
                cells,
                carried_by,
                missing_from,
            }
        })
        .collect();
    Coverage { documents, rows }
}

/// The events of the input, in timeline order, given its flags (from [`flags`]).
pub fn events(input: &Input, flags: &[Flag]) -> Vec<Event> {
    let index = Index::new(input);
    events::events(&gather(input, &index), &index, flags)
}
