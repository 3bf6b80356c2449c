//! Whether two temporal expressions can refer to the same time.
//!
//! [`verdict`] decides, without words, and is what reconciliation asks for each pair;
//! [`compatibility`] adds the reason a person reads. Both come from one judgement, so
//! they cannot disagree.

use crate::model::{CalendarValue, Date, Interval, TimeExpr, TimeKind, TimeValue};

/// How far apart two lengths of time may be, as a share of the longer, and still be
/// the same length ("a fortnight" and "14 days"; "a month" and "30 days").
const SAME_LENGTH_TOLERANCE: f64 = 0.02;

/// An interval whose last day is this many days after its first holds every weekday.
const FULL_WEEK_SPAN: i64 = 6;

/// An interval whose last day is this many days after its first holds every month.
const FULL_YEAR_SPAN: i64 = 366;

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

    /// The verdict as reconciliation uses it: `Some(true)` compatible, `Some(false)`
    /// incompatible, `None` unknown.
    pub(crate) fn from_verdict(verdict: Option<bool>, reason: String) -> Compatibility {
        match verdict {
            Some(true) => Compatibility::Compatible(reason),
            Some(false) => Compatibility::Incompatible(reason),
            None => Compatibility::Unknown(reason),
        }
    }
}

/// Which rule decided a judgement, with what the reason names.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Why {
    SameValue,
    Vague,
    Lengths,
    LengthsNotComparable,
    LengthAndPoint,
    Recurrence,
    TimesOfDay,
    Intervals(Interval, Interval),
    Pattern(Interval),
    Unresolved,
    Weekdays(u32, u32),
    MonthDays,
    BothUnresolved,
}

/// Whether `a` and `b` can refer to the same time: `Some(true)` they can, `Some(false)`
/// they cannot, `None` when one is vague or unresolved beyond comparison. The same
/// verdict as [`compatibility`], without its reason; symmetric.
pub(crate) fn verdict(a: &TimeExpr, b: &TimeExpr) -> Option<bool> {
    judge(a, b).0
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
    // Order the pair so that the wording does not depend on argument order.
    let key = |t: &TimeExpr| (t.vague, t.interval.map(|i| (i.start, i.end)));
    let first = crate::model::cmp_as_text(&a.value, &b.value).then_with(|| key(a).cmp(&key(b)));
    let (a, b) = if first.is_le() { (a, b) } else { (b, a) };
    let (verdict, why) = judge(a, b);
    Compatibility::from_verdict(verdict, reason(why, verdict, a, b))
}

/// The verdict and the rule that gave it.
fn judge(a: &TimeExpr, b: &TimeExpr) -> (Option<bool>, Why) {
    if a.value.same_timex(&b.value) && a.interval == b.interval {
        return (Some(true), Why::SameValue);
    }
    if a.vague || b.vague {
        return (None, Why::Vague);
    }
    match (a.kind, b.kind) {
        (TimeKind::Duration, TimeKind::Duration) => {
            return match (duration_days(&a.value), duration_days(&b.value)) {
                (Some(x), Some(y)) => (
                    Some((x - y).abs() <= SAME_LENGTH_TOLERANCE * x.max(y)),
                    Why::Lengths,
                ),
                _ => (None, Why::LengthsNotComparable),
            };
        }
        (TimeKind::Duration, _) | (_, TimeKind::Duration) => return (None, Why::LengthAndPoint),
        (TimeKind::Set, _) | (_, TimeKind::Set) => return (None, Why::Recurrence),
        _ => {}
    }
    match (a.interval, b.interval) {
        (Some(x), Some(y)) => {
            if x.start <= y.end && y.start <= x.end {
                // Same single day with clock times or parts of day: compare those too.
                if x.start == x.end && y.start == y.end {
                    if let (Some(p), Some(q)) = (minutes(&a.value), minutes(&b.value)) {
                        if p.1 < q.0 || q.1 < p.0 {
                            return (Some(false), Why::TimesOfDay);
                        }
                    }
                }
                (Some(true), Why::Intervals(x, y))
            } else {
                (Some(false), Why::Intervals(x, y))
            }
        }
        (Some(x), None) | (None, Some(x)) => {
            let sym = if a.interval.is_none() { a } else { b };
            match pattern_admits(&sym.value, &x) {
                Some(fits) => (Some(fits), Why::Pattern(x)),
                None => (None, Why::Unresolved),
            }
        }
        (None, None) => {
            if let (Some(x), Some(y)) = (symbolic_weekday(&a.value), symbolic_weekday(&b.value)) {
                return (Some(x == y), Why::Weekdays(x, y));
            }
            if let (Some(x), Some(y)) = (month_day(&a.value), month_day(&b.value)) {
                return (Some(x == y), Why::MonthDays);
            }
            (None, Why::BothUnresolved)
        }
    }
}

/// The reason a person reads for the judgement `why` of `a` and `b`.
fn reason(why: Why, verdict: Option<bool>, a: &TimeExpr, b: &TimeExpr) -> String {
    let (av, bv) = (&a.value, &b.value);
    match why {
        Why::SameValue => format!("both are {av}"),
        Why::Vague => format!("{av} / {bv}: a vague expression is never compared as exact"),
        Why::Lengths if verdict == Some(true) => format!("{av} and {bv} are the same length"),
        Why::Lengths => format!("{av} and {bv} are different lengths"),
        Why::LengthsNotComparable => format!("{av} / {bv}: lengths not comparable"),
        Why::LengthAndPoint => format!("{av} / {bv}: a length of time and a point in time"),
        Why::Recurrence => format!("{av} / {bv}: a recurrence"),
        Why::TimesOfDay => format!("{av} and {bv} are different times of day"),
        Why::Intervals(x, y) => format!(
            "{av} ({}..{}) and {bv} ({}..{}) {}",
            x.start,
            x.end,
            y.start,
            y.end,
            if verdict == Some(true) {
                "overlap"
            } else {
                "do not overlap"
            }
        ),
        Why::Pattern(x) => {
            let (sym, res) = if a.interval.is_none() { (a, b) } else { (b, a) };
            let (sv, rv) = (&sym.value, &res.value);
            if verdict == Some(true) {
                return format!("{rv} ({}..{}) can be {sv}", x.start, x.end);
            }
            let weekday = symbolic_weekday(sv)
                .map(|d| format!(" (a {})", weekday_name(d)))
                .unwrap_or_default();
            format!("{rv} ({}..{}) cannot be {sv}{weekday}", x.start, x.end)
        }
        Why::Unresolved => {
            let sym = if a.interval.is_none() { a } else { b };
            format!("{} is unresolved", sym.value)
        }
        Why::Weekdays(x, y) if x == y => format!("both are a {}", weekday_name(x)),
        Why::Weekdays(x, y) => format!(
            "{} and {} are different days",
            weekday_name(x),
            weekday_name(y)
        ),
        Why::MonthDays if verdict == Some(true) => {
            let day = av.calendar().map(|c| c.to_string()).unwrap_or_default();
            format!("both are {day}")
        }
        Why::MonthDays => format!("{av} and {bv} are different days"),
        Why::BothUnresolved => format!("{av} / {bv}: unresolved"),
    }
}

/// Days, approximately, of a length of time.
fn duration_days(v: &TimeValue) -> Option<f64> {
    match v {
        TimeValue::Duration(d) => d.days(),
        _ => None,
    }
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

/// The weekday of a symbolic weekday value, with or without a time of day
/// (`XXXX-WXX-3`, `XXXX-WXX-3TMO`), or of a weekly recurrence written alike.
fn symbolic_weekday(v: &TimeValue) -> Option<u32> {
    match *v {
        TimeValue::Set(crate::model::Recurrence::Weekday(d)) => Some(d),
        _ => v.calendar()?.symbolic_weekday(),
    }
}

/// The month and day of a symbolic day of the year (`XXXX-03-01`).
fn month_day(v: &TimeValue) -> Option<(u32, u32)> {
    match v.calendar()? {
        CalendarValue::MonthDay { month, day } => Some((month, day)),
        _ => None,
    }
}

/// Whether some day of `iv` fits the symbolic value `pattern` (`XXXX-WXX-3`,
/// `XXXX-03-01`, `XXXX-03`); `None` when the pattern says nothing checkable.
pub fn pattern_admits(pattern: &TimeValue, iv: &Interval) -> Option<bool> {
    let span = iv.start.days_until(iv.end);
    if let Some(wd) = symbolic_weekday(pattern) {
        if span >= FULL_WEEK_SPAN {
            return Some(true);
        }
        return Some((0..=span).any(|k| {
            iv.start
                .add_days(k)
                .is_some_and(|d| d.weekday_index() + 1 == wd)
        }));
    }
    if let Some((m, d)) = month_day(pattern) {
        return Some(
            (iv.start.year()..=iv.end.year())
                .any(|y| Date::from_ymd(y, m, d).is_some_and(|x| iv.start <= x && x <= iv.end)),
        );
    }
    if let Some(CalendarValue::MonthOfYear(m)) = pattern.calendar() {
        if span >= FULL_YEAR_SPAN {
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

/// The minutes of the day a value's clock time or part of day can be.
fn minutes(v: &TimeValue) -> Option<(u32, u32)> {
    v.time_of_day().map(|t| t.minutes())
}
