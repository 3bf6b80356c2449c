//! Temporal expressions: extraction, normalization against the publication date, and
//! compatibility.
//!
//! [`times`] finds the expressions of one document and gives each a TIMEX3-style value
//! (`2023-03-01`, `2023-W09`, `2023-02`, `2022`, `P3D`, `PRESENT_REF`, or a symbolic
//! `XXXX-WXX-3` when there is no anchor) and, when it can be resolved, the interval of
//! days it can refer to. [`anchor_undated`] does the same for a whole input, letting an
//! undated document borrow an anchor from the others where that is sound.
//! [`compatibility`] says whether two values can refer to the same time.
//!
//! News conventions used in resolving (see `ARCHITECTURE.md` for the reasoning):
//! - a bare weekday is the latest such day on or before the anchor ("on Wednesday" in
//!   a paper dated Wednesday is that day), unless the clause is in the future ("will",
//!   "is due to", "next"...), then the first on or after;
//! - "last Friday" is strictly before, "next Tuesday" strictly after, "this Monday" is
//!   in the anchor's week; "last week" is the ISO week before the anchor's week;
//! - a month or day without a year is the latest occurrence on or before the anchor in
//!   past-tense clauses, the first on or after in future ones, the nearest otherwise;
//!   "last September" is the latest September before the anchor's month;
//! - "two days later", "a year earlier" count from the last day mentioned before them.
//!
//! ```
//! use corroborate::{Date, Document};
//! use corroborate::extract::time::{times, TimeConfig};
//! let mut doc = Document::new("a", "The two leaders met on Wednesday. China released a plan last week.");
//! doc.published = Some("2023-03-02".parse().unwrap());
//! let found = times(&doc, &TimeConfig::default());
//! assert_eq!(found[0].text, "Wednesday");
//! assert_eq!(found[0].value, "2023-03-01");
//! assert_eq!(found[1].value, "2023-W08");
//! ```

mod compat;
pub(crate) mod parse;
mod resolve;

pub(crate) use compat::verdict;
pub use compat::{compatibility, pattern_admits, Compatibility};

use super::lex;
use crate::model::{
    CalendarValue, Date, Document, Granularity, Interval, TimeExpr, TimeId, TimeKind, TimeOfDay,
    TimeValue,
};

/// How to read all-number dates such as `1/3/2023`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DateOrder {
    /// `1/3` is 1 March (British and most of the world).
    DayFirst,
    /// `1/3` is 3 January (American usage, and most wire copy).
    #[default]
    MonthFirst,
}

/// Settings for temporal expressions.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TimeConfig {
    /// How to read all-number dates (default: [`DateOrder::MonthFirst`]).
    pub date_order: DateOrder,
    /// An undated document borrows an anchor only when the dated documents of the
    /// input were all published within this many days of each other (default 7).
    pub borrow_within_days: u32,
}

impl Default for TimeConfig {
    fn default() -> TimeConfig {
        TimeConfig {
            date_order: DateOrder::MonthFirst,
            borrow_within_days: 7,
        }
    }
}

impl TimeConfig {
    /// The default settings with another date order.
    pub fn with_date_order(date_order: DateOrder) -> TimeConfig {
        TimeConfig {
            date_order,
            ..TimeConfig::default()
        }
    }
}

/// What a document's relative expressions are resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The document's own publication date.
    Published(Date),
    /// No date of its own; the dated documents of the same input were published
    /// between these two days. An expression gets a value only when every anchor in
    /// this range gives it the same value; otherwise it stays symbolic.
    Borrowed {
        /// The earliest publication date of the input.
        earliest: Date,
        /// The latest publication date of the input.
        latest: Date,
    },
    /// Nothing to resolve against: weekdays and relative expressions stay symbolic.
    Unanchored,
}

impl Anchor {
    /// A document's own anchor: its publication date, else none.
    pub fn of(doc: &Document) -> Anchor {
        match doc.published {
            Some(d) => Anchor::Published(d),
            None => Anchor::Unanchored,
        }
    }
}

/// The temporal expressions of `doc`, resolved against `doc.published` (symbolic when
/// it has none), in text order.
pub fn times(doc: &Document, config: &TimeConfig) -> Vec<TimeExpr> {
    times_anchored(doc, Anchor::of(doc), config)
}

/// The anchor of every document of one input, in the order given.
///
/// A dated document uses its own date. An undated one borrows the range of the
/// input's publication dates when those lie within `config.borrow_within_days` of each
/// other (one story reported over a few days); with no dated document, or dates spread
/// wider than that, it stays [`Anchor::Unanchored`]. The rule assumes the undated
/// article appeared within the span of the others; an expression is then resolved only
/// if every day in that span gives the same answer, so a borrowed value is never more
/// precise than the evidence allows.
pub fn anchors(docs: &[Document], config: &TimeConfig) -> Vec<Anchor> {
    let earliest = docs.iter().filter_map(|d| d.published).min();
    let latest = docs.iter().filter_map(|d| d.published).max();
    let borrowed = match (earliest, latest) {
        (Some(e), Some(l)) if e.days_until(l) <= config.borrow_within_days as i64 => {
            Anchor::Borrowed {
                earliest: e,
                latest: l,
            }
        }
        _ => Anchor::Unanchored,
    };
    docs.iter()
        .map(|d| match d.published {
            Some(p) => Anchor::Published(p),
            None => borrowed,
        })
        .collect()
}

/// The temporal expressions of every document of one input (same order as `docs`),
/// undated documents resolved with an anchor borrowed as [`anchors`] describes.
///
/// ```
/// use corroborate::Document;
/// use corroborate::extract::time::{anchor_undated, TimeConfig};
/// let mut a = Document::new("a", "They met on Wednesday.");
/// a.published = Some("2023-03-01".parse().unwrap());
/// let b = Document::new("b", "The statement came on Wednesday, after talks on Tuesday.");
/// let all = anchor_undated(&[a, b], &TimeConfig::default());
/// assert_eq!(all[1][0].value, "2023-03-01");
/// assert_eq!(all[1][1].value, "2023-02-28");
/// ```
pub fn anchor_undated(docs: &[Document], config: &TimeConfig) -> Vec<Vec<TimeExpr>> {
    anchors(docs, config)
        .into_iter()
        .zip(docs)
        .map(|(a, d)| times_anchored(d, a, config))
        .collect()
}

/// The temporal expressions of `doc` resolved against `anchor`.
pub fn times_anchored(doc: &Document, anchor: Anchor, config: &TimeConfig) -> Vec<TimeExpr> {
    let toks = lex::document_tokens(doc);
    let found = parse::scan(&doc.text, &toks, config.date_order);
    resolve_found(doc, anchor, &toks, &found)
}

/// The expressions `found` in `toks`, resolved against `anchor`.
pub(crate) fn resolve_found(
    doc: &Document,
    anchor: Anchor,
    toks: &[lex::Tok],
    found: &[parse::Found],
) -> Vec<TimeExpr> {
    let mut out = Vec::with_capacity(found.len());
    let mut narrative: Option<Interval> = None;
    for f in found {
        let r = match anchor {
            Anchor::Published(d) => resolve::resolve(&f.sem, Some(d), f.tense, narrative),
            Anchor::Unanchored => resolve::resolve(&f.sem, None, f.tense, narrative),
            Anchor::Borrowed { earliest, latest } => {
                let a = resolve::resolve(&f.sem, Some(earliest), f.tense, narrative);
                let b = resolve::resolve(&f.sem, Some(latest), f.tense, narrative);
                if a.value == b.value {
                    let interval = match (a.interval, b.interval) {
                        (Some(x), Some(y)) => Some(Interval {
                            start: x.start.min(y.start),
                            end: x.end.max(y.end),
                            granularity: x.granularity,
                        }),
                        _ => None,
                    };
                    resolve::Resolved { interval, ..a }
                } else {
                    resolve::resolve(&f.sem, None, f.tense, narrative)
                }
            }
        };
        if let Some(i) = r.interval {
            if r.value.kind() == TimeKind::Date && !r.vague && i.granularity <= Granularity::Year {
                narrative = Some(i);
            }
        }
        let (span, text) = lex::located(&doc.text, toks, f.first, f.last);
        out.push(TimeExpr {
            id: TimeId(out.len() as u32),
            doc: doc.id.clone(),
            span,
            text,
            kind: r.value.kind(),
            value: r.value,
            interval: r.interval,
            vague: r.vague,
        });
    }
    attach_clocks(&mut out, found);
    out
}

/// Most tokens between a clock time and the day it is on ("Wednesday at 3 pm").
const CLOCK_DAY_GAP: usize = 2;

/// Moves clock times onto the day named right next to them: "Wednesday at 3 pm",
/// "at 3 pm on Wednesday" (at most two tokens apart).
fn attach_clocks(out: &mut [TimeExpr], found: &[parse::Found]) {
    for k in 0..out.len() {
        let parse::Sem::Clock { h, m } = found[k].sem else {
            continue;
        };
        // The neighbour is chosen by what it names (a day, resolved or symbolic), not by
        // whether it resolved, so a dated and an undated reading pick the same day.
        let names_day = |j: usize| -> bool {
            let (a, b) = if j < k { (j, k) } else { (k, j) };
            let gap = found[b].first.saturating_sub(found[a].last);
            let day_like = match out[j].interval {
                Some(i) => i.granularity == Granularity::Day,
                None => matches!(out[j].value, TimeValue::Date(c) if c.is_symbolic_within_year()),
            };
            gap <= CLOCK_DAY_GAP && out[j].kind == TimeKind::Date && day_like
        };
        let neighbour = k
            .checked_sub(1)
            .filter(|&j| names_day(j))
            .or_else(|| Some(k + 1).filter(|&j| j < out.len() && names_day(j)));
        let day = neighbour.and_then(|j| out[j].interval).map(|i| i.start);
        if let Some(d) = day {
            out[k].value = TimeValue::Time(
                CalendarValue::Day(d),
                TimeOfDay::Clock { hour: h, minute: m },
            );
            out[k].interval = Some(Interval {
                start: d,
                end: d,
                granularity: Granularity::TimeOfDay,
            });
        }
    }
}
