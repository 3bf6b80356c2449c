//! Events: the happenings aligned groups describe, merged and put in time order.

use super::facts::{Facts, Index};
use super::lexicon::Lexicon;
use super::{short, GroupFacts};
use crate::model::{
    ActorId, ClaimId, DocId, Event, EventId, EventKind, EventTime, Flag, FlagKind, GroupId,
    Interval, QuoteId, TimeValue,
};
use std::collections::{BTreeMap, BTreeSet};

/// How many words after an event's trigger its place may be named ("met ... in
/// Beijing").
const PLACE_REACH: usize = 6;

/// Most capitalized words of a place name.
const PLACE_WORDS: usize = 3;

/// How many words of a claim label an event.
const LABEL_WORDS: usize = 16;

/// The event kind of a claim (its first trigger word) and the word's index.
fn trigger(f: &Facts) -> Option<(EventKind, usize)> {
    let lex = Lexicon::get();
    f.words
        .iter()
        .enumerate()
        .find_map(|(i, w)| lex.event_kind(&w.norm).map(|k| (k, i)))
}

/// "in Beijing", "to Beijing", "at the Kremlin" within six words after the trigger.
fn place(f: &Facts, from: usize) -> Option<String> {
    let text = &f.doc.text;
    let ws = &f.words;
    for i in from..ws.len().min(from + 1 + PLACE_REACH) {
        if !matches!(ws[i].norm.as_ref(), "in" | "at" | "to") {
            continue;
        }
        let mut j = i + 1;
        if ws.get(j).is_some_and(|w| w.norm == "the") {
            j += 1;
        }
        let mut end = j;
        while end < ws.len() && end < j + PLACE_WORDS {
            let raw = text.get(ws[end].span.start..ws[end].span.end).unwrap_or("");
            let capital = raw.chars().next().is_some_and(char::is_uppercase);
            let norm: &str = ws[end].norm.as_ref();
            if !capital || ends_place(norm) {
                break;
            }
            end += 1;
        }
        if end > j {
            let s = ws[j].span.start;
            let e = ws[end - 1].span.end;
            return text.get(s..e).map(str::to_string);
        }
    }
    None
}

struct Draft {
    kind: EventKind,
    label: String,
    participants: BTreeSet<ActorId>,
    place: Option<String>,
    time: EventTime,
    groups: BTreeSet<GroupId>,
    claims: BTreeSet<ClaimId>,
    quotes: BTreeSet<QuoteId>,
    outlets: BTreeSet<DocId>,
}

fn intersect(a: Interval, b: Interval) -> Option<Interval> {
    let start = a.start.max(b.start);
    let end = a.end.min(b.end);
    (start <= end).then_some(Interval {
        start,
        end,
        granularity: a.granularity.min(b.granularity),
    })
}

/// The time of a set of claims: each claim's first date, reconciled.
fn reconcile_time(members: &[Facts], date_flag: bool) -> EventTime {
    let firsts: Vec<_> = members
        .iter()
        .filter_map(|m| m.times.first().copied())
        .collect();
    if firsts.is_empty() {
        return EventTime::Unknown;
    }
    let values: BTreeSet<TimeValue> = firsts.iter().map(|t| t.value).collect();
    if date_flag {
        return EventTime::Conflict {
            values: values.into_iter().collect(),
        };
    }
    let resolved: Vec<Interval> = firsts.iter().filter_map(|t| t.interval).collect();
    if resolved.is_empty() {
        return match (values.len(), values.first()) {
            (1, Some(&value)) => EventTime::Agreed {
                interval: None,
                value,
            },
            _ => EventTime::Conflict {
                values: values.into_iter().collect(),
            },
        };
    }
    let mut acc = Some(resolved[0]);
    for i in &resolved[1..] {
        acc = acc.and_then(|a| intersect(a, *i));
    }
    // the most precise statement's value
    let most_precise = firsts
        .iter()
        .filter_map(|t| Some((t.interval?, t.value)))
        .min_by(|(a, av), (b, bv)| {
            let len = |i: &Interval| i.start.days_until(i.end);
            len(a).cmp(&len(b)).then(av.cmp(bv))
        });
    match (acc, most_precise) {
        (Some(interval), Some((_, value))) => EventTime::Agreed {
            interval: Some(interval),
            value,
        },
        _ => EventTime::Conflict {
            values: values.into_iter().collect(),
        },
    }
}

fn times_overlap(a: &EventTime, b: &EventTime) -> bool {
    match (a, b) {
        (
            EventTime::Agreed {
                interval: Some(x), ..
            },
            EventTime::Agreed {
                interval: Some(y), ..
            },
        ) => intersect(*x, *y).is_some(),
        (
            EventTime::Agreed {
                interval: None,
                value: x,
            },
            EventTime::Agreed {
                interval: None,
                value: y,
            },
        ) => x == y,
        _ => false,
    }
}

/// The events, merged across groups that describe one happening (same kind, times that
/// agree, a shared participant), in timeline order.
pub fn events(gathered: &[GroupFacts], index: &Index, flags: &[Flag]) -> Vec<Event> {
    let mut drafts: Vec<Draft> = Vec::new();
    for (g, members) in gathered {
        // kind: the most common trigger among members (ties: the earlier kind)
        let mut votes: BTreeMap<EventKind, usize> = BTreeMap::new();
        let mut places: BTreeMap<String, usize> = BTreeMap::new();
        for m in members {
            if let Some((k, at)) = trigger(m) {
                *votes.entry(k).or_default() += 1;
                if let Some(p) = place(m, at) {
                    *places.entry(p).or_default() += 1;
                }
            }
        }
        let Some(kind) = votes
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(k, _)| *k)
        else {
            continue;
        };
        let place = places
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(p, _)| p.clone());
        let date_flag = flags
            .iter()
            .any(|f| f.group == g.id && f.kind == FlagKind::Date);
        let mut participants = BTreeSet::new();
        for m in members {
            participants.extend(index.actors_in(&m.doc.id, m.claim.span));
            participants.extend(m.speaker.iter().filter_map(|p| p.actor));
            participants.extend(m.speakers.iter().filter_map(|s| s.party.actor));
        }
        drafts.push(Draft {
            kind,
            label: members
                .first()
                .map(|m| short(&m.claim.text, LABEL_WORDS))
                .unwrap_or_default(),
            participants,
            place,
            time: reconcile_time(members, date_flag),
            groups: [g.id].into_iter().collect(),
            claims: members.iter().map(|m| m.claim.id).collect(),
            quotes: members
                .iter()
                .flat_map(|m| m.claim.quotes.iter().copied())
                .collect(),
            outlets: members.iter().map(|m| m.doc.id.clone()).collect(),
        });
    }
    // merge drafts describing one happening
    let mut merged: Vec<Draft> = Vec::new();
    for d in drafts {
        let same = merged.iter_mut().find(|e| {
            e.kind == d.kind
                && times_overlap(&e.time, &d.time)
                && e.participants
                    .intersection(&d.participants)
                    .next()
                    .is_some()
        });
        match same {
            Some(e) => {
                e.participants.extend(d.participants);
                e.groups.extend(d.groups);
                e.claims.extend(d.claims);
                e.quotes.extend(d.quotes);
                e.outlets.extend(d.outlets);
                if e.place.is_none() {
                    e.place = d.place;
                }
                if let (
                    EventTime::Agreed {
                        interval: Some(x),
                        value: vx,
                    },
                    EventTime::Agreed {
                        interval: Some(y),
                        value: vy,
                    },
                ) = (&e.time, &d.time)
                {
                    if let Some(i) = intersect(*x, *y) {
                        let value = if y.start.days_until(y.end) < x.start.days_until(x.end) {
                            *vy
                        } else {
                            *vx
                        };
                        e.time = EventTime::Agreed {
                            interval: Some(i),
                            value,
                        };
                    }
                }
            }
            None => merged.push(d),
        }
    }
    merged.sort_by(|a, b| {
        let ka = a.time.sort_key();
        let kb = b.time.sort_key();
        // dated events first, in date order; then the rest by first claim
        (ka.is_none(), ka, a.claims.first(), a.kind).cmp(&(
            kb.is_none(),
            kb,
            b.claims.first(),
            b.kind,
        ))
    });
    merged
        .into_iter()
        .enumerate()
        .map(|(i, d)| Event {
            id: EventId(i as u32),
            story: Default::default(),
            kind: d.kind,
            label: d.label,
            participants: d.participants.into_iter().collect(),
            place: d.place,
            time: d.time,
            flags: flags
                .iter()
                .enumerate()
                .filter(|(_, f)| d.groups.contains(&f.group))
                .map(|(k, _)| k)
                .collect(),
            groups: d.groups.into_iter().collect(),
            claims: d.claims.into_iter().collect(),
            quotes: d.quotes.into_iter().collect(),
            outlets: d.outlets.into_iter().collect(),
        })
        .collect()
}

/// A day or month name, which never continues a place name.
/// Whether a capitalized word ends a place name: a function word, the head of a set
/// phrase ("In order", `actors/not_place_words.txt`), a day or month name.
fn ends_place(w: &str) -> bool {
    use crate::lexicon::{flag, Lexicon};
    let lex = Lexicon::get();
    lex.is(w, flag::NOT_PLACE) || lex.is_day_word(w) || lex.is_month_name(w)
}
