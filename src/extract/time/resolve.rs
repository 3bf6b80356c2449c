//! Turning an expression's meaning into a [`TimeValue`] and an interval of days, given
//! an anchor date (the publication date) and the tense of its clause.

use super::parse::Sem;
use crate::extract::lex::{Edge, TUnit, Tense};
use crate::model::{
    CalendarUnit, CalendarValue, Date, DayPart, Granularity, Interval, Season, TimeOfDay, TimeRef,
    TimeValue,
};

/// A resolved value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub value: TimeValue,
    pub interval: Option<Interval>,
    pub vague: bool,
}

/// A period placed in the calendar: its value and its days.
type Placed = (CalendarValue, Interval);

fn iv(start: Date, end: Date, granularity: Granularity) -> Interval {
    Interval {
        start,
        end,
        granularity,
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<Date> {
    Date::from_ymd(y, m, d)
}

fn month_end(y: i32, m: u32) -> Option<Date> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1)?.add_days(-1)
}

fn shift_month(y: i32, m: u32, k: i64) -> (i32, u32) {
    let idx = y as i64 * 12 + (m as i64 - 1) + k;
    (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u32)
}

/// A calendar day.
pub(crate) fn day(d: Date) -> Placed {
    (CalendarValue::Day(d), iv(d, d, Granularity::Day))
}

fn week(d: Date) -> Option<Placed> {
    let start = d.add_days(-(d.weekday_index() as i64))?;
    let end = start.add_days(6)?;
    let (year, week) = d.iso_week();
    Some((
        CalendarValue::Week { year, week },
        iv(start, end, Granularity::Week),
    ))
}

fn weekend(d: Date) -> Option<Placed> {
    let (CalendarValue::Week { year, week }, i) = self::week(d)? else {
        return None;
    };
    Some((
        CalendarValue::Weekend { year, week },
        iv(i.start.add_days(5)?, i.end, Granularity::Day),
    ))
}

fn month(year: i32, month: u32) -> Option<Placed> {
    Some((
        CalendarValue::Month { year, month },
        iv(
            ymd(year, month, 1)?,
            month_end(year, month)?,
            Granularity::Month,
        ),
    ))
}

/// `n` whole years from `first`, as `value`.
fn years(value: CalendarValue, first: i32, n: i32, granularity: Granularity) -> Option<Placed> {
    Some((
        value,
        iv(ymd(first, 1, 1)?, ymd(first + n - 1, 12, 31)?, granularity),
    ))
}

fn year(y: i32) -> Option<Placed> {
    years(CalendarValue::Year(y), y, 1, Granularity::Year)
}

fn quarter(year: i32, quarter: u32) -> Option<Placed> {
    let m0 = (quarter - 1) * 3 + 1;
    Some((
        CalendarValue::Quarter { year, quarter },
        iv(
            ymd(year, m0, 1)?,
            month_end(year, m0 + 2)?,
            Granularity::Quarter,
        ),
    ))
}

/// Season `season` of year `year`: spring is March-May, ..., winter is December of
/// `year` to February of `year + 1`.
fn season(year: i32, season: Season) -> Option<Placed> {
    let m0 = season.first_month();
    let (ey, em) = shift_month(year, m0, 2);
    Some((
        CalendarValue::Season { year, season },
        iv(ymd(year, m0, 1)?, month_end(ey, em)?, Granularity::Season),
    ))
}

fn decade(d: i32) -> Option<Placed> {
    years(CalendarValue::Decade(d), d * 10, 10, Granularity::Decade)
}

fn century(c: i32) -> Option<Placed> {
    years(
        CalendarValue::Century(c),
        c * 100,
        100,
        Granularity::Century,
    )
}

/// A candidate period: what it is (a year, a day), its first and last day.
type Candidate<T> = (T, Date, Date);

/// The periods `place` gives for each of `years`, as candidates keyed by year.
fn yearly(
    years: std::ops::RangeInclusive<i32>,
    place: impl Fn(i32) -> Option<Placed>,
) -> Vec<Candidate<i32>> {
    years
        .filter_map(|y| {
            let (_, i) = place(y)?;
            Some((y, i.start, i.end))
        })
        .collect()
}

/// Among candidate periods, the one tense picks relative to `a`: past = the latest
/// starting on or before `a`; future = the earliest ending on or after `a`; no cue =
/// the one whose start is nearest (ties to the past).
fn pick<T: Clone>(cands: &[Candidate<T>], a: Date, tense: Option<Tense>) -> Option<T> {
    match tense {
        Some(Tense::Past) => cands
            .iter()
            .filter(|c| c.1 <= a)
            .max_by_key(|c| c.1)
            .map(|c| c.0.clone()),
        Some(Tense::Future | Tense::Present) => cands
            .iter()
            .filter(|c| c.2 >= a)
            .min_by_key(|c| c.1)
            .map(|c| c.0.clone()),
        None => cands
            .iter()
            .min_by_key(|c| {
                let d = if c.1 <= a && a <= c.2 {
                    0
                } else {
                    a.days_until(c.1).abs()
                };
                (d, c.1 > a)
            })
            .map(|c| c.0.clone()),
    }
}

/// A value with no days to it: symbolic, or only the size of the period known.
fn symbolic(c: CalendarValue) -> Resolved {
    Resolved {
        value: TimeValue::Date(c),
        interval: None,
        vague: false,
    }
}

/// A period placed in the calendar, or `XXXX` when it fell outside the calendar.
fn placed(v: Option<Placed>) -> Resolved {
    match v {
        Some((c, i)) => Resolved {
            value: TimeValue::Date(c),
            interval: Some(i),
            vague: false,
        },
        None => symbolic(CalendarValue::Unknown(CalendarUnit::Year)),
    }
}

/// `r` narrowed to a part of its day ("Wednesday morning", "tonight").
fn with_part(r: Resolved, part: Option<DayPart>) -> Resolved {
    match (part, r.value.calendar()) {
        (Some(p), Some(c)) => Resolved {
            value: TimeValue::Time(c, TimeOfDay::Part(p)),
            interval: r.interval.map(|i| Interval {
                granularity: Granularity::TimeOfDay,
                ..i
            }),
            vague: r.vague,
        },
        _ => r,
    }
}

/// Resolves `sem` against `anchor` (publication date) and `narrative` (the last day
/// mentioned before it in the text), under the clause's `tense`.
pub(crate) fn resolve(
    sem: &Sem,
    anchor: Option<Date>,
    tense: Option<Tense>,
    narrative: Option<Interval>,
) -> Resolved {
    match *sem {
        Sem::Date { y: Some(y), m, d } => placed(ymd(y, m, d).map(day)),
        Sem::Date { y: None, m, d } => month_day(m, d, anchor, tense),
        Sem::Month { y: Some(y), m, .. } => placed(month(y, m)),
        Sem::Month { y: None, m, shift } => month_of_year(m, shift, anchor, tense),
        Sem::Year(y) => placed(year(y)),
        Sem::Decade(d) => placed(decade(d)),
        Sem::Century(c) => placed(century(c)),
        Sem::Season {
            y: Some(y),
            season: s,
            ..
        } => placed(season(y, s)),
        Sem::Season {
            y: None,
            season: s,
            shift,
        } => season_of_year(s, shift, anchor, tense),
        Sem::Quarter { y: Some(y), q } => placed(quarter(y, q)),
        Sem::Quarter { y: None, q } => match anchor {
            None => symbolic(CalendarValue::QuarterOfYear(q)),
            Some(a) => {
                let cands = yearly(a.year() - 1..=a.year() + 1, |y| quarter(y, q));
                placed(pick(&cands, a, tense).and_then(|y| quarter(y, q)))
            }
        },
        Sem::Weekday { wd, shift, part } => with_part(weekday(wd, shift, anchor, tense), part),
        Sem::RelDay { offset, part } => {
            let r = match anchor {
                None if offset == 0 => symbolic(CalendarValue::Ref(TimeRef::Present)),
                None => symbolic(CalendarValue::Unknown(CalendarUnit::Day)),
                Some(a) => placed(a.add_days(offset).map(day)),
            };
            with_part(r, part)
        }
        Sem::Rel {
            unit,
            offset,
            edge,
            narrative: narr,
        } => relative(unit, offset, edge, narr, anchor, narrative),
        Sem::Weekend => match anchor {
            None => symbolic(CalendarValue::Unknown(CalendarUnit::Weekend)),
            Some(a) => {
                let wi = a.weekday_index() as i64;
                let off = match tense {
                    Some(Tense::Future | Tense::Present) => 0,
                    _ if wi >= 5 => 0,
                    _ => -7,
                };
                placed(a.add_days(off).and_then(weekend))
            }
        },
        Sem::Clock { h, m } => {
            let clock = TimeOfDay::Clock { hour: h, minute: m };
            match anchor {
                None => Resolved {
                    value: TimeValue::Time(CalendarValue::Unknown(CalendarUnit::Day), clock),
                    interval: None,
                    vague: false,
                },
                Some(a) => Resolved {
                    value: TimeValue::Time(CalendarValue::Day(a), clock),
                    interval: Some(iv(a, a, Granularity::TimeOfDay)),
                    vague: false,
                },
            }
        }
        Sem::Duration(d) => Resolved {
            value: TimeValue::Duration(d),
            interval: None,
            vague: d.amount.is_none(),
        },
        Sem::Ref(r) => Resolved {
            value: TimeValue::Date(CalendarValue::Ref(r)),
            interval: None,
            vague: true,
        },
        Sem::Set(r) => Resolved {
            value: TimeValue::Set(r),
            interval: None,
            vague: false,
        },
    }
}

/// A day of a month without a year ("March 1"): the occurrence tense picks near the
/// anchor.
fn month_day(m: u32, d: u32, anchor: Option<Date>, tense: Option<Tense>) -> Resolved {
    let Some(a) = anchor else {
        return symbolic(CalendarValue::MonthDay { month: m, day: d });
    };
    // 29 February needs a leap year: look up to four years either way.
    let reach = if m == 2 && d == 29 { 4 } else { 1 };
    let cands: Vec<Candidate<Date>> = (a.year() - reach..=a.year() + reach)
        .filter_map(|y| ymd(y, m, d))
        .map(|x| (x, x, x))
        .collect();
    placed(pick(&cands, a, tense).map(day))
}

/// A month without a year ("in September", "last September"): shifted from the
/// anchor's month, or the occurrence tense picks.
fn month_of_year(
    m: u32,
    shift: Option<i8>,
    anchor: Option<Date>,
    tense: Option<Tense>,
) -> Resolved {
    let Some(a) = anchor else {
        return symbolic(CalendarValue::MonthOfYear(m));
    };
    let (ay, am) = (a.year(), a.month());
    let y = match shift {
        // last September: the latest September before this month; next September the
        // first after it.
        Some(k) if k < 0 => ay - i32::from(m >= am),
        Some(k) if k > 0 => ay + i32::from(m <= am),
        Some(_) => ay,
        None => {
            let cands = yearly(ay - 1..=ay + 1, |y| month(y, m));
            pick(&cands, a, tense).unwrap_or(ay)
        }
    };
    placed(month(y, m))
}

/// A season without a year ("in the spring", "last winter").
fn season_of_year(
    s: Season,
    shift: Option<i8>,
    anchor: Option<Date>,
    tense: Option<Tense>,
) -> Resolved {
    let Some(a) = anchor else {
        return symbolic(CalendarValue::SeasonOfYear(s));
    };
    let cands = yearly(a.year() - 2..=a.year() + 1, |y| season(y, s));
    let chosen = match shift {
        Some(k) if k < 0 => cands
            .iter()
            .filter(|c| c.2 < a)
            .max_by_key(|c| c.1)
            .map(|c| c.0),
        Some(k) if k > 0 => cands
            .iter()
            .filter(|c| c.1 > a)
            .min_by_key(|c| c.1)
            .map(|c| c.0),
        Some(_) => pick(&cands, a, None),
        None => pick(&cands, a, tense),
    };
    placed(chosen.and_then(|y| season(y, s)))
}

/// A weekday: the latest on or before the anchor in the past, the first on or after
/// it in the future, strictly before or after with "last" and "next", in the anchor's
/// week with "this".
fn weekday(wd: u32, shift: Option<i8>, anchor: Option<Date>, tense: Option<Tense>) -> Resolved {
    let Some(a) = anchor else {
        return symbolic(CalendarValue::Weekday(wd));
    };
    let aw = a.weekday_index() as i64 + 1;
    let wd = wd as i64;
    let back = (aw - wd).rem_euclid(7);
    let fwd = (wd - aw).rem_euclid(7);
    // "last Friday" on a Friday is a week back, "next Friday" a week ahead
    let a_week_if_today = |d: i64| if d == 0 { 7 } else { d };
    let off = match (shift, tense) {
        (Some(k), _) if k < 0 => -a_week_if_today(back),
        (Some(k), _) if k > 0 => a_week_if_today(fwd),
        (Some(_), _) => wd - aw,
        (None, Some(Tense::Future | Tense::Present)) => fwd,
        (None, _) => -back,
    };
    placed(a.add_days(off).map(day))
}

/// A calendar unit `offset` units from the anchor ("last week"), or from the last day
/// mentioned (`narr`: "two days later") when that is at least as precise as the unit;
/// with an edge of the current unit ("earlier this month") cut at the anchor.
fn relative(
    unit: TUnit,
    offset: i64,
    edge: Option<Edge>,
    narr: bool,
    anchor: Option<Date>,
    narrative: Option<Interval>,
) -> Resolved {
    let fine = |g: Granularity| match unit {
        TUnit::DAY | TUnit::WEEK | TUnit::WEEKEND => g == Granularity::Day,
        TUnit::MONTH => {
            matches!(g, Granularity::Day | Granularity::Week | Granularity::Month)
        }
        _ => g <= Granularity::Year,
    };
    let base = match narrative {
        Some(n) if narr && fine(n.granularity) => Some(n.start),
        _ => anchor,
    };
    let Some(a) = base else {
        // a weekend with no anchor is some week; clock units and fortnights some year
        return symbolic(CalendarValue::Unknown(match unit {
            TUnit::WEEKEND => CalendarUnit::Week,
            TUnit::Calendar(c) => c,
            _ => CalendarUnit::Year,
        }));
    };
    let v = match unit {
        TUnit::DAY => a.add_days(offset).map(day),
        TUnit::WEEK => a.add_days(offset * 7).and_then(week),
        TUnit::WEEKEND => a.add_days(offset * 7).and_then(weekend),
        TUnit::MONTH => {
            let (y, m) = shift_month(a.year(), a.month(), offset);
            month(y, m)
        }
        TUnit::QUARTER => {
            let q0 = (a.month() - 1) / 3;
            let (y, m) = shift_month(a.year(), q0 * 3 + 1, offset * 3);
            quarter(y, (m - 1) / 3 + 1)
        }
        TUnit::YEAR => year(a.year() + offset as i32),
        TUnit::DECADE => decade(a.year().div_euclid(10) + offset as i32),
        TUnit::CENTURY => century(a.year().div_euclid(100) + offset as i32),
        _ => None,
    };
    // "earlier this month" ends today; "later this year" starts today.
    let v = match (v, edge, offset) {
        (Some((val, i)), Some(Edge::Early), 0) if !narr => {
            Some((val, iv(i.start, a.max(i.start).min(i.end), i.granularity)))
        }
        (Some((val, i)), Some(Edge::Late), 0) if !narr => {
            Some((val, iv(a.max(i.start).min(i.end), i.end, i.granularity)))
        }
        (v, _, _) => v,
    };
    placed(v)
}
