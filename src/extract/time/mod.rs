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

pub(crate) mod parse;
mod resolve;

use super::lex;
use crate::model::{Date, Document, Granularity, Interval, Span, TimeExpr, TimeKind};

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

/// Whether two time values can refer to the same time, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Compatibility {
    /// They can be the same time.
    Compatible(String),
    /// They cannot.
    Incompatible(String),
    /// One of them is vague or unresolved beyond comparison.
    Unknown(String),
}

impl Compatibility {
    /// Whether this is [`Compatibility::Incompatible`].
    pub fn is_incompatible(&self) -> bool {
        matches!(self, Compatibility::Incompatible(_))
    }

    /// Whether this is [`Compatibility::Compatible`].
    pub fn is_compatible(&self) -> bool {
        matches!(self, Compatibility::Compatible(_))
    }

    /// The reason, whatever the verdict.
    pub fn reason(&self) -> &str {
        match self {
            Compatibility::Compatible(r)
            | Compatibility::Incompatible(r)
            | Compatibility::Unknown(r) => r,
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
    let text = doc.text.as_str();
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
            if r.kind == TimeKind::Date && !r.vague && i.granularity <= Granularity::Year {
                narrative = Some(i);
            }
        }
        let (s, e) = (toks[f.first].start, toks[f.last - 1].end);
        out.push(TimeExpr {
            doc: doc.id.clone(),
            span: Span::new(s, e),
            text: text[s..e].to_string(),
            kind: r.kind,
            value: r.value,
            interval: r.interval,
            vague: r.vague,
        });
    }
    attach_clocks(&mut out, found);
    out
}

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
                None => out[j].value.starts_with("XXXX-") && !out[j].value.contains('T'),
            };
            gap <= 2 && out[j].kind == TimeKind::Date && day_like
        };
        let neighbour = k
            .checked_sub(1)
            .filter(|&j| names_day(j))
            .or_else(|| Some(k + 1).filter(|&j| j < out.len() && names_day(j)));
        let day = neighbour.and_then(|j| out[j].interval).map(|i| i.start);
        if let Some(d) = day {
            out[k].value = format!("{d}T{h:02}:{m:02}");
            out[k].interval = Some(Interval {
                start: d,
                end: d,
                granularity: Granularity::TimeOfDay,
            });
        }
    }
}

/// Days, approximately, of a duration value such as `P3D`, `PT2H`, `P1.5Y`.
fn duration_days(v: &str) -> Option<f64> {
    let (time, rest) = match v.strip_prefix("PT") {
        Some(r) => (true, r),
        None => (false, v.strip_prefix('P')?),
    };
    let split = rest.find(|c: char| c.is_ascii_alphabetic())?;
    let n: f64 = rest[..split].parse().ok()?;
    let per = match (time, &rest[split..]) {
        (true, "H") => 1.0 / 24.0,
        (true, "M") => 1.0 / 1440.0,
        (false, "D") => 1.0,
        (false, "W") => 7.0,
        (false, "M") => 30.436875,
        (false, "Q") => 91.310625,
        (false, "Y") => 365.2425,
        (false, "DE") => 3652.425,
        (false, "CE") => 36524.25,
        _ => return None,
    };
    Some(n * per)
}

fn weekday_name(d: u32) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    .get(d.wrapping_sub(1) as usize)
    .copied()
    .unwrap_or("?")
}

/// The date part of a value (before any `T`).
fn date_part(v: &str) -> &str {
    v.split('T').next().unwrap_or(v)
}

/// A symbolic weekday value `XXXX-WXX-3` → 3.
fn symbolic_weekday(v: &str) -> Option<u32> {
    let d = date_part(v).strip_prefix("XXXX-WXX-")?;
    let n: u32 = d.parse().ok()?;
    (1..=7).contains(&n).then_some(n)
}

/// A symbolic month-day value `XXXX-03-01` → (3, 1).
fn symbolic_month_day(v: &str) -> Option<(u32, u32)> {
    let r = date_part(v).strip_prefix("XXXX-")?;
    let (m, d) = r.split_once('-')?;
    Some((m.parse().ok()?, d.parse().ok()?))
}

/// Whether some day of `iv` fits the symbolic value `pattern` (`XXXX-WXX-3`,
/// `XXXX-03-01`, `XXXX-03`); `None` when the pattern says nothing checkable.
pub fn pattern_admits(pattern: &str, iv: &Interval) -> Option<bool> {
    let span = iv.start.days_until(iv.end);
    if let Some(wd) = symbolic_weekday(pattern) {
        if span >= 6 {
            return Some(true);
        }
        return Some((0..=span).any(|k| {
            iv.start
                .add_days(k)
                .is_some_and(|d| d.weekday_index() + 1 == wd)
        }));
    }
    if let Some((m, d)) = symbolic_month_day(pattern) {
        return Some(
            (iv.start.year()..=iv.end.year())
                .any(|y| Date::from_ymd(y, m, d).is_some_and(|x| iv.start <= x && x <= iv.end)),
        );
    }
    let p = date_part(pattern);
    if let Some(m) = p.strip_prefix("XXXX-").and_then(|m| m.parse::<u32>().ok()) {
        if span >= 366 {
            return Some(true);
        }
        return Some((iv.start.year()..=iv.end.year()).any(|y| {
            let first = Date::from_ymd(y, m, 1);
            let next = if m == 12 {
                Date::from_ymd(y + 1, 1, 1)
            } else {
                Date::from_ymd(y, m + 1, 1)
            };
            match (first, next) {
                (Some(f), Some(n)) => f <= iv.end && iv.start < n,
                _ => false,
            }
        }));
    }
    None
}

/// The clock time of a value `...THH:MM`, in minutes, or the range of a part of day.
fn minutes_range(v: &str) -> Option<(u32, u32)> {
    let t = v.split_once('T')?.1;
    match t {
        "MO" => Some((5 * 60, 12 * 60)),
        "AF" => Some((12 * 60, 18 * 60)),
        "EV" => Some((17 * 60, 22 * 60)),
        "NI" => Some((20 * 60, 24 * 60)),
        _ => {
            let (h, m) = t.split_once(':')?;
            let x = h.parse::<u32>().ok()? * 60 + m.get(..2)?.parse::<u32>().ok()?;
            Some((x, x))
        }
    }
}

/// Whether `a` and `b` can refer to the same time, with the reason.
///
/// Resolved values agree when their intervals of days intersect (and, on one day, when
/// their clock times or parts of day can coincide). A symbolic weekday (`XXXX-WXX-3`,
/// from an undated document) agrees with a resolved interval that contains such a
/// weekday and with the same symbolic weekday, and disagrees with another weekday.
/// Vague expressions ("recently") are never compared as exact: they give
/// [`Compatibility::Unknown`] unless both are the same word. Durations compare by
/// length. The relation is symmetric and reflexive.
///
/// ```
/// use corroborate::Document;
/// use corroborate::extract::time::{compatibility, times, TimeConfig};
/// let mut doc = Document::new("a", "China released a plan last week. It was released on Friday. They met on Thursday.");
/// doc.published = Some("2023-03-01".parse().unwrap());
/// let t = times(&doc, &TimeConfig::default());
/// assert!(compatibility(&t[0], &t[1]).is_compatible());
/// assert!(compatibility(&t[1], &t[2]).is_incompatible());
/// ```
pub fn compatibility(a: &TimeExpr, b: &TimeExpr) -> Compatibility {
    use Compatibility::*;
    // Order the pair so that the verdict and its wording do not depend on argument order.
    fn key(t: &TimeExpr) -> (&str, bool, Option<(Date, Date)>) {
        (
            t.value.as_str(),
            t.vague,
            t.interval.map(|i| (i.start, i.end)),
        )
    }
    let (a, b) = if key(a) <= key(b) { (a, b) } else { (b, a) };
    if a.value == b.value && a.interval == b.interval {
        return Compatible(format!("both are {}", a.value));
    }
    if a.vague || b.vague {
        return Unknown(format!(
            "{} / {}: a vague expression is never compared as exact",
            a.value, b.value
        ));
    }
    match (a.kind, b.kind) {
        (TimeKind::Duration, TimeKind::Duration) => {
            return match (duration_days(&a.value), duration_days(&b.value)) {
                (Some(x), Some(y)) if (x - y).abs() <= 0.02 * x.max(y) => {
                    Compatible(format!("{} and {} are the same length", a.value, b.value))
                }
                (Some(_), Some(_)) => {
                    Incompatible(format!("{} and {} are different lengths", a.value, b.value))
                }
                _ => Unknown(format!("{} / {}: lengths not comparable", a.value, b.value)),
            };
        }
        (TimeKind::Duration, _) | (_, TimeKind::Duration) => {
            return Unknown(format!(
                "{} / {}: a length of time and a point in time",
                a.value, b.value
            ))
        }
        (TimeKind::Set, _) | (_, TimeKind::Set) => {
            return Unknown(format!("{} / {}: a recurrence", a.value, b.value))
        }
        _ => {}
    }
    match (a.interval, b.interval) {
        (Some(x), Some(y)) => {
            if x.start <= y.end && y.start <= x.end {
                // Same single day with clock times or parts of day: compare those too.
                if x.start == x.end && y.start == y.end {
                    if let (Some(p), Some(q)) = (minutes_range(&a.value), minutes_range(&b.value)) {
                        if p.1 < q.0 || q.1 < p.0 {
                            return Incompatible(format!(
                                "{} and {} are different times of day",
                                a.value, b.value
                            ));
                        }
                    }
                }
                Compatible(format!(
                    "{} ({}..{}) and {} ({}..{}) overlap",
                    a.value, x.start, x.end, b.value, y.start, y.end
                ))
            } else {
                Incompatible(format!(
                    "{} ({}..{}) and {} ({}..{}) do not overlap",
                    a.value, x.start, x.end, b.value, y.start, y.end
                ))
            }
        }
        (Some(x), None) | (None, Some(x)) => {
            let (sym, res) = if a.interval.is_none() { (a, b) } else { (b, a) };
            match pattern_admits(&sym.value, &x) {
                Some(true) => Compatible(format!(
                    "{} ({}..{}) can be {}",
                    res.value, x.start, x.end, sym.value
                )),
                Some(false) => Incompatible(format!(
                    "{} ({}..{}) cannot be {}{}",
                    res.value,
                    x.start,
                    x.end,
                    sym.value,
                    symbolic_weekday(&sym.value)
                        .map(|d| format!(" (a {})", weekday_name(d)))
                        .unwrap_or_default()
                )),
                None => Unknown(format!("{} is unresolved", sym.value)),
            }
        }
        (None, None) => {
            if let (Some(x), Some(y)) = (symbolic_weekday(&a.value), symbolic_weekday(&b.value)) {
                return if x == y {
                    Compatible(format!("both are a {}", weekday_name(x)))
                } else {
                    Incompatible(format!(
                        "{} and {} are different days",
                        weekday_name(x),
                        weekday_name(y)
                    ))
                };
            }
            if let (Some(x), Some(y)) = (symbolic_month_day(&a.value), symbolic_month_day(&b.value))
            {
                return if x == y {
                    Compatible(format!("both are {}", date_part(&a.value)))
                } else {
                    Incompatible(format!("{} and {} are different days", a.value, b.value))
                };
            }
            Unknown(format!("{} / {}: unresolved", a.value, b.value))
        }
    }
}
