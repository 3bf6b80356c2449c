//! Turning an expression's meaning into a TIMEX3-style value and an interval of days,
//! given an anchor date (the publication date) and the tense of its clause.

use super::parse::Sem;
use crate::extract::lex::{Edge, Part, TUnit, Tense};
use crate::model::{Date, Granularity, Interval, TimeKind};

/// A resolved value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub value: String,
    pub interval: Option<Interval>,
    pub kind: TimeKind,
    pub vague: bool,
}

fn iv(start: Date, end: Date, granularity: Granularity) -> Option<Interval> {
    Some(Interval {
        start,
        end,
        granularity,
    })
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

/// The value and interval of a calendar day.
pub(crate) fn day(d: Date) -> (String, Option<Interval>) {
    (d.to_string(), iv(d, d, Granularity::Day))
}

fn week(d: Date) -> Option<(String, Option<Interval>)> {
    let start = d.add_days(-(d.weekday_index() as i64))?;
    let end = start.add_days(6)?;
    let (y, w) = d.iso_week();
    Some((format!("{y:04}-W{w:02}"), iv(start, end, Granularity::Week)))
}

fn weekend(d: Date) -> Option<(String, Option<Interval>)> {
    let (v, i) = week(d)?;
    let i = i?;
    Some((
        format!("{v}-WE"),
        iv(i.start.add_days(5)?, i.end, Granularity::Day),
    ))
}

fn month(y: i32, m: u32) -> Option<(String, Option<Interval>)> {
    Some((
        format!("{y:04}-{m:02}"),
        iv(ymd(y, m, 1)?, month_end(y, m)?, Granularity::Month),
    ))
}

fn year(y: i32) -> Option<(String, Option<Interval>)> {
    Some((
        format!("{y:04}"),
        iv(ymd(y, 1, 1)?, ymd(y, 12, 31)?, Granularity::Year),
    ))
}

fn quarter(y: i32, q: u32) -> Option<(String, Option<Interval>)> {
    let m0 = (q - 1) * 3 + 1;
    Some((
        format!("{y:04}-Q{q}"),
        iv(ymd(y, m0, 1)?, month_end(y, m0 + 2)?, Granularity::Quarter),
    ))
}

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// Season `s` of year `y`: spring is March-May, ..., winter is December of `y` to
/// February of `y + 1`.
fn season(y: i32, s: u8) -> Option<(String, Option<Interval>)> {
    let m0 = 3 + 3 * s as u32;
    let (ey, em) = shift_month(y, m0, 2);
    Some((
        format!("{y:04}-{}", SEASONS[s as usize]),
        iv(ymd(y, m0, 1)?, month_end(ey, em)?, Granularity::Season),
    ))
}

fn decade(d: i32) -> Option<(String, Option<Interval>)> {
    Some((
        format!("{d:03}"),
        iv(
            ymd(d * 10, 1, 1)?,
            ymd(d * 10 + 9, 12, 31)?,
            Granularity::Decade,
        ),
    ))
}

fn century(c: i32) -> Option<(String, Option<Interval>)> {
    Some((
        format!("{c:02}"),
        iv(
            ymd(c * 100, 1, 1)?,
            ymd(c * 100 + 99, 12, 31)?,
            Granularity::Century,
        ),
    ))
}

/// Among candidate periods (their intervals), the one tense picks relative to `a`:
/// past = the latest starting on or before `a`; future = the earliest ending on or
/// after `a`; no cue = the one whose start is nearest (ties to the past).
fn pick<T: Clone>(cands: &[(T, Date, Date)], a: Date, tense: Option<Tense>) -> Option<T> {
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

fn symbolic(value: String) -> Resolved {
    Resolved {
        value,
        interval: None,
        kind: TimeKind::Date,
        vague: false,
    }
}

fn date_kind(v: Option<(String, Option<Interval>)>) -> Resolved {
    match v {
        Some((value, interval)) => Resolved {
            value,
            interval,
            kind: TimeKind::Date,
            vague: false,
        },
        None => symbolic("XXXX".into()),
    }
}

fn with_part(r: Resolved, part: Option<Part>) -> Resolved {
    match part {
        None => r,
        Some(p) => Resolved {
            value: format!("{}T{}", r.value, p.code()),
            interval: r.interval.map(|i| Interval {
                granularity: Granularity::TimeOfDay,
                ..i
            }),
            kind: TimeKind::Time,
            vague: r.vague,
        },
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
        Sem::Date { y: Some(y), m, d } => date_kind(ymd(y, m, d).map(day)),
        Sem::Date { y: None, m, d } => match anchor {
            None => symbolic(format!("XXXX-{m:02}-{d:02}")),
            Some(a) => {
                // 29 February needs a leap year: look up to four years either way.
                let reach = if m == 2 && d == 29 { 4 } else { 1 };
                let cands: Vec<(Date, Date, Date)> = (a.year() - reach..=a.year() + reach)
                    .filter_map(|y| ymd(y, m, d))
                    .map(|x| (x, x, x))
                    .collect();
                date_kind(pick(&cands, a, tense).map(day))
            }
        },
        Sem::Month { y: Some(y), m, .. } => date_kind(month(y, m)),
        Sem::Month { y: None, m, shift } => match anchor {
            None => symbolic(format!("XXXX-{m:02}")),
            Some(a) => {
                let (ay, am) = (a.year(), a.month());
                let y = match shift {
                    // last September: the latest September before this month.
                    Some(k) if k < 0 => {
                        if m < am {
                            ay
                        } else {
                            ay - 1
                        }
                    }
                    Some(k) if k > 0 => {
                        if m > am {
                            ay
                        } else {
                            ay + 1
                        }
                    }
                    Some(_) => ay,
                    None => {
                        let cands: Vec<(i32, Date, Date)> = (ay - 1..=ay + 1)
                            .filter_map(|y| Some((y, ymd(y, m, 1)?, month_end(y, m)?)))
                            .collect();
                        match pick(&cands, a, tense) {
                            Some(y) => y,
                            None => ay,
                        }
                    }
                };
                date_kind(month(y, m))
            }
        },
        Sem::Year(y) => date_kind(year(y)),
        Sem::Decade(d) => date_kind(decade(d)),
        Sem::Century(c) => date_kind(century(c)),
        Sem::Season { y: Some(y), s, .. } => date_kind(season(y, s)),
        Sem::Season { y: None, s, shift } => match anchor {
            None => symbolic(format!("XXXX-{}", SEASONS[s as usize])),
            Some(a) => {
                let cands: Vec<(i32, Date, Date)> = (a.year() - 2..=a.year() + 1)
                    .filter_map(|y| {
                        let (_, i) = season(y, s)?;
                        let i = i?;
                        Some((y, i.start, i.end))
                    })
                    .collect();
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
                date_kind(chosen.and_then(|y| season(y, s)))
            }
        },
        Sem::Quarter { y: Some(y), q } => date_kind(quarter(y, q)),
        Sem::Quarter { y: None, q } => match anchor {
            None => symbolic(format!("XXXX-Q{q}")),
            Some(a) => {
                let cands: Vec<(i32, Date, Date)> = (a.year() - 1..=a.year() + 1)
                    .filter_map(|y| {
                        let (_, i) = quarter(y, q)?;
                        let i = i?;
                        Some((y, i.start, i.end))
                    })
                    .collect();
                date_kind(pick(&cands, a, tense).and_then(|y| quarter(y, q)))
            }
        },
        Sem::Weekday { wd, shift, part } => {
            let r = match anchor {
                None => symbolic(format!("XXXX-WXX-{wd}")),
                Some(a) => {
                    let aw = a.weekday_index() as i64 + 1;
                    let wd = wd as i64;
                    let back = (aw - wd).rem_euclid(7);
                    let fwd = (wd - aw).rem_euclid(7);
                    let off = match (shift, tense) {
                        (Some(k), _) if k < 0 => -(if back == 0 { 7 } else { back }),
                        (Some(k), _) if k > 0 => {
                            if fwd == 0 {
                                7
                            } else {
                                fwd
                            }
                        }
                        (Some(_), _) => wd - aw,
                        (None, Some(Tense::Future | Tense::Present)) => fwd,
                        (None, _) => -back,
                    };
                    date_kind(a.add_days(off).map(day))
                }
            };
            with_part(r, part)
        }
        Sem::RelDay { offset, part } => {
            let r = match anchor {
                None => symbolic(match offset {
                    0 => "PRESENT_REF".to_string(),
                    _ => "XXXX-XX-XX".to_string(),
                }),
                Some(a) => date_kind(a.add_days(offset).map(day)),
            };
            with_part(r, part)
        }
        Sem::Rel {
            unit,
            offset,
            edge,
            narrative: narr,
        } => {
            // Count from the last date mentioned when it is at least as precise as the unit.
            let fine = |g: Granularity| match unit {
                TUnit::Day | TUnit::Week | TUnit::Weekend => g == Granularity::Day,
                TUnit::Month => {
                    matches!(g, Granularity::Day | Granularity::Week | Granularity::Month)
                }
                _ => g <= Granularity::Year,
            };
            let base = match narrative {
                Some(n) if narr && fine(n.granularity) => Some(n.start),
                _ => anchor,
            };
            let Some(a) = base else {
                return symbolic(
                    match unit {
                        TUnit::Day => "XXXX-XX-XX",
                        TUnit::Week | TUnit::Weekend => "XXXX-WXX",
                        TUnit::Month => "XXXX-XX",
                        TUnit::Quarter => "XXXX-QX",
                        TUnit::Decade => "XXX",
                        TUnit::Century => "XX",
                        _ => "XXXX",
                    }
                    .to_string(),
                );
            };
            let v = match unit {
                TUnit::Day => a.add_days(offset).map(day),
                TUnit::Week => a.add_days(offset * 7).and_then(week),
                TUnit::Weekend => a.add_days(offset * 7).and_then(weekend),
                TUnit::Month => {
                    let (y, m) = shift_month(a.year(), a.month(), offset);
                    month(y, m)
                }
                TUnit::Quarter => {
                    let q0 = (a.month() - 1) / 3;
                    let (y, m) = shift_month(a.year(), q0 * 3 + 1, offset * 3);
                    quarter(y, (m - 1) / 3 + 1)
                }
                TUnit::Year => year(a.year() + offset as i32),
                TUnit::Decade => decade(a.year().div_euclid(10) + offset as i32),
                TUnit::Century => century(a.year().div_euclid(100) + offset as i32),
                _ => None,
            };
            // "earlier this month" ends today; "later this year" starts today.
            let v = match (v, edge, offset) {
                (Some((val, Some(i))), Some(Edge::Early), 0) if !narr => {
                    Some((val, iv(i.start, a.max(i.start).min(i.end), i.granularity)))
                }
                (Some((val, Some(i))), Some(Edge::Late), 0) if !narr => {
                    Some((val, iv(a.max(i.start).min(i.end), i.end, i.granularity)))
                }
                (v, _, _) => v,
            };
            date_kind(v)
        }
        Sem::Weekend => match anchor {
            None => symbolic("XXXX-WXX-WE".into()),
            Some(a) => {
                let wi = a.weekday_index() as i64;
                let off = match tense {
                    Some(Tense::Future | Tense::Present) => 0,
                    _ if wi >= 5 => 0,
                    _ => -7,
                };
                date_kind(a.add_days(off).and_then(weekend))
            }
        },
        Sem::Clock { h, m } => match anchor {
            None => Resolved {
                value: format!("XXXX-XX-XXT{h:02}:{m:02}"),
                interval: None,
                kind: TimeKind::Time,
                vague: false,
            },
            Some(a) => Resolved {
                value: format!("{a}T{h:02}:{m:02}"),
                interval: iv(a, a, Granularity::TimeOfDay),
                kind: TimeKind::Time,
                vague: false,
            },
        },
        Sem::Duration(ref v) => Resolved {
            value: v.clone(),
            interval: None,
            kind: TimeKind::Duration,
            vague: v.contains('X'),
        },
        Sem::Ref(r) => Resolved {
            value: r.to_string(),
            interval: None,
            kind: TimeKind::Date,
            vague: true,
        },
        Sem::Set(ref v) => Resolved {
            value: v.clone(),
            interval: None,
            kind: TimeKind::Set,
            vague: false,
        },
    }
}
