//! The value of a temporal expression, typed, and its TIMEX3 spelling.
//!
//! [`TimeValue`] is what the time stage finds and every later stage compares; it is
//! written as a TIMEX3 value string (`2023-03-01`, `XXXX-WXX-3`, `P3D`) only when
//! displayed or serialized, and read back from one with [`str::parse`].

use super::{Date, TimeKind};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

/// A part of the day, as TIMEX3 names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DayPart {
    /// `MO`, 05:00 to 12:00.
    Morning,
    /// `AF`, 12:00 to 18:00.
    Afternoon,
    /// `EV`, 17:00 to 22:00.
    Evening,
    /// `NI`, 20:00 to midnight.
    Night,
}

impl DayPart {
    /// Every part, in the order of the day.
    pub const ALL: [DayPart; 4] = [
        DayPart::Morning,
        DayPart::Afternoon,
        DayPart::Evening,
        DayPart::Night,
    ];

    /// The TIMEX3 code: `MO`, `AF`, `EV`, `NI`.
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }

    /// The part a TIMEX3 code names.
    pub fn from_code(code: &str) -> Option<DayPart> {
        DayPart::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The minutes of the day it covers, first and last: the parts overlap, as the
    /// words do ("evening" and "night").
    pub fn minutes(self) -> (u32, u32) {
        match self {
            DayPart::Morning => (5 * 60, 12 * 60),
            DayPart::Afternoon => (12 * 60, 18 * 60),
            DayPart::Evening => (17 * 60, 22 * 60),
            DayPart::Night => (20 * 60, 24 * 60),
        }
    }
}

/// A season of the year; winter runs from December into the next year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Season {
    /// `SP`: March to May.
    Spring,
    /// `SU`: June to August.
    Summer,
    /// `FA`: September to November.
    Fall,
    /// `WI`: December to February.
    Winter,
}

impl Season {
    /// Every season, from spring.
    pub const ALL: [Season; 4] = [Season::Spring, Season::Summer, Season::Fall, Season::Winter];

    /// The TIMEX3 code: `SP`, `SU`, `FA`, `WI`.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The season a TIMEX3 code names.
    pub fn from_code(code: &str) -> Option<Season> {
        Season::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Its first month (3 for spring, 12 for winter).
    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A time of day: a clock time or a part of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeOfDay {
    /// `15:30`.
    Clock {
        /// 0-23.
        hour: u32,
        /// 0-59.
        minute: u32,
    },
    /// `MO`, `AF`, `EV`, `NI`.
    Part(DayPart),
}

impl TimeOfDay {
    /// The minutes of the day it can be, first and last.
    pub fn minutes(self) -> (u32, u32) {
        match self {
            TimeOfDay::Clock { hour, minute } => (hour * 60 + minute, hour * 60 + minute),
            TimeOfDay::Part(p) => p.minutes(),
        }
    }
}

/// A vague reference to a time (TIMEX3 `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeRef {
    /// Now ("currently", and "today" with no date to say which day).
    Present,
    /// Some time before ("recently", "earlier").
    Past,
    /// Some time after ("soon").
    Future,
}

impl TimeRef {
    /// The TIMEX3 value.
    pub fn code(self) -> &'static str {
        match self {
            TimeRef::Present => "PRESENT_REF",
            TimeRef::Past => "PAST_REF",
            TimeRef::Future => "FUTURE_REF",
        }
    }

    /// The reference a TIMEX3 value names.
    pub fn from_code(code: &str) -> Option<TimeRef> {
        [TimeRef::Present, TimeRef::Past, TimeRef::Future]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

/// The size of a period of the calendar nothing else is known of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CalendarUnit {
    /// `XXXX-XX-XX`.
    Day,
    /// `XXXX-WXX`.
    Week,
    /// `XXXX-WXX-WE`.
    Weekend,
    /// `XXXX-XX`.
    Month,
    /// `XXXX-QX`.
    Quarter,
    /// `XXXX`.
    Year,
    /// `XXX`.
    Decade,
    /// `XX`.
    Century,
}

impl CalendarUnit {
    const ALL: [CalendarUnit; 8] = [
        CalendarUnit::Day,
        CalendarUnit::Week,
        CalendarUnit::Weekend,
        CalendarUnit::Month,
        CalendarUnit::Quarter,
        CalendarUnit::Year,
        CalendarUnit::Decade,
        CalendarUnit::Century,
    ];

    /// The TIMEX3 value of a period of this size with nothing known.
    pub fn unknown_value(self) -> &'static str {
        match self {
            CalendarUnit::Day => "XXXX-XX-XX",
            CalendarUnit::Week => "XXXX-WXX",
            CalendarUnit::Weekend => "XXXX-WXX-WE",
            CalendarUnit::Month => "XXXX-XX",
            CalendarUnit::Quarter => "XXXX-QX",
            CalendarUnit::Year => "XXXX",
            CalendarUnit::Decade => "XXX",
            CalendarUnit::Century => "XX",
        }
    }
}

/// A day or period of the calendar, placed in it or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CalendarValue {
    /// A day: `2023-03-01`.
    Day(Date),
    /// An ISO week: `2023-W09`.
    Week {
        /// The ISO week-numbering year.
        year: i32,
        /// 1-53.
        week: u32,
    },
    /// The weekend of an ISO week: `2023-W09-WE`.
    Weekend {
        /// The ISO week-numbering year.
        year: i32,
        /// 1-53.
        week: u32,
    },
    /// A month: `2023-02`.
    Month {
        /// The year.
        year: i32,
        /// 1-12.
        month: u32,
    },
    /// A quarter: `2023-Q1`.
    Quarter {
        /// The year.
        year: i32,
        /// 1-4.
        quarter: u32,
    },
    /// A season: `2023-SU` (winter `2022-WI` runs into 2023).
    Season {
        /// The year it starts in.
        year: i32,
        /// Which.
        season: Season,
    },
    /// A year: `2022`.
    Year(i32),
    /// A decade, by its first three digits: `199` is the 1990s.
    Decade(i32),
    /// A century, by its first two digits: `20` is 2000-2099.
    Century(i32),
    /// A day of the week in no known week: `XXXX-WXX-3` (ISO: Monday is 1).
    Weekday(u32),
    /// A day of a month in no known year: `XXXX-03-01`.
    MonthDay {
        /// 1-12.
        month: u32,
        /// 1-31.
        day: u32,
    },
    /// A month in no known year: `XXXX-03`.
    MonthOfYear(u32),
    /// A season in no known year: `XXXX-SU`.
    SeasonOfYear(Season),
    /// A quarter in no known year: `XXXX-Q1`.
    QuarterOfYear(u32),
    /// A period of which only the size is known: `XXXX-WXX`, `XXXX`.
    Unknown(CalendarUnit),
    /// A vague reference: `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(TimeRef),
}

impl CalendarValue {
    /// A day of the week, in no known week: its ISO number (Monday is 1).
    pub fn symbolic_weekday(&self) -> Option<u32> {
        match *self {
            CalendarValue::Weekday(d) => Some(d),
            _ => None,
        }
    }

    /// A period shorter than a year whose year is unknown (`XXXX-WXX-3`, `XXXX-03`,
    /// `XXXX-XX-XX`), as opposed to one placed in the calendar, a vague reference, or
    /// nothing known but a year, decade or century.
    pub fn is_symbolic_within_year(&self) -> bool {
        match self {
            CalendarValue::Weekday(_)
            | CalendarValue::MonthDay { .. }
            | CalendarValue::MonthOfYear(_)
            | CalendarValue::SeasonOfYear(_)
            | CalendarValue::QuarterOfYear(_) => true,
            CalendarValue::Unknown(u) => !matches!(
                u,
                CalendarUnit::Year | CalendarUnit::Decade | CalendarUnit::Century
            ),
            _ => false,
        }
    }
}

impl fmt::Display for CalendarValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            CalendarValue::Day(d) => write!(f, "{d}"),
            CalendarValue::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            CalendarValue::Weekend { year, week } => write!(f, "{year:04}-W{week:02}-WE"),
            CalendarValue::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            CalendarValue::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            CalendarValue::Season { year, season } => write!(f, "{year:04}-{}", season.code()),
            CalendarValue::Year(y) => write!(f, "{y:04}"),
            CalendarValue::Decade(d) => write!(f, "{d:03}"),
            CalendarValue::Century(c) => write!(f, "{c:02}"),
            CalendarValue::Weekday(d) => write!(f, "XXXX-WXX-{d}"),
            CalendarValue::MonthDay { month, day } => write!(f, "XXXX-{month:02}-{day:02}"),
            CalendarValue::MonthOfYear(m) => write!(f, "XXXX-{m:02}"),
            CalendarValue::SeasonOfYear(s) => write!(f, "XXXX-{}", s.code()),
            CalendarValue::QuarterOfYear(q) => write!(f, "XXXX-Q{q}"),
            CalendarValue::Unknown(u) => f.write_str(u.unknown_value()),
            CalendarValue::Ref(r) => f.write_str(r.code()),
        }
    }
}

/// The calendar unit a length of time is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DurationUnit {
    /// `PT..M`.
    Minute,
    /// `PT..H`.
    Hour,
    /// `P..D`.
    Day,
    /// `P..W`.
    Week,
    /// `P..M`.
    Month,
    /// `P..Q`.
    Quarter,
    /// `P..Y`.
    Year,
    /// `P..DE` (a number of decades is written in years).
    Decade,
    /// `P..CE` (a number of centuries is written in years).
    Century,
}

impl DurationUnit {
    const ALL: [DurationUnit; 9] = [
        DurationUnit::Minute,
        DurationUnit::Hour,
        DurationUnit::Day,
        DurationUnit::Week,
        DurationUnit::Month,
        DurationUnit::Quarter,
        DurationUnit::Year,
        DurationUnit::Decade,
        DurationUnit::Century,
    ];

    /// The TIMEX3 prefix (`P`, or `PT` below a day) and unit code.
    pub fn code(self) -> (&'static str, &'static str) {
        match self {
            DurationUnit::Minute => ("PT", "M"),
            DurationUnit::Hour => ("PT", "H"),
            DurationUnit::Day => ("P", "D"),
            DurationUnit::Week => ("P", "W"),
            DurationUnit::Month => ("P", "M"),
            DurationUnit::Quarter => ("P", "Q"),
            DurationUnit::Year => ("P", "Y"),
            DurationUnit::Decade => ("P", "DE"),
            DurationUnit::Century => ("P", "CE"),
        }
    }

    /// Its length in days, on average over the Gregorian cycle.
    pub fn days(self) -> f64 {
        match self {
            DurationUnit::Minute => 1.0 / 1440.0,
            DurationUnit::Hour => 1.0 / 24.0,
            DurationUnit::Day => 1.0,
            DurationUnit::Week => 7.0,
            DurationUnit::Month => 30.436875,
            DurationUnit::Quarter => 91.310625,
            DurationUnit::Year => 365.2425,
            DurationUnit::Decade => 3652.425,
            DurationUnit::Century => 36524.25,
        }
    }
}

/// A length of time: `P3D`, `PT2H`, `P1.5Y`, or `PXY` ("for years") when the number is
/// not given.
#[derive(Clone, Copy, Debug)]
pub struct Duration {
    /// How many units, when stated.
    pub amount: Option<f64>,
    /// The unit counted.
    pub unit: DurationUnit,
}

impl Duration {
    /// Its length in days, approximately; `None` when the number is not given.
    pub fn days(&self) -> Option<f64> {
        Some(self.amount? * self.unit.days())
    }
}

// Amounts are equal when they are the same number; they are never NaN.
impl PartialEq for Duration {
    fn eq(&self, other: &Duration) -> bool {
        self.unit == other.unit && self.amount.map(f64::to_bits) == other.amount.map(f64::to_bits)
    }
}

impl Eq for Duration {}

impl Hash for Duration {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.unit.hash(state);
        self.amount.map(f64::to_bits).hash(state);
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (p, c) = self.unit.code();
        match self.amount {
            None => write!(f, "{p}X{c}"),
            Some(v) if v.fract() == 0.0 => write!(f, "{p}{}{c}", v as i64),
            Some(v) => write!(f, "{p}{v}{c}"),
        }
    }
}

/// A recurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Recurrence {
    /// Every such day of the week: `XXXX-WXX-1` ("every Monday", "on Mondays").
    Weekday(u32),
    /// Once every such length of time: `P1W` ("weekly", "every week").
    Every(Duration),
}

impl fmt::Display for Recurrence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Recurrence::Weekday(d) => write!(f, "XXXX-WXX-{d}"),
            Recurrence::Every(d) => d.fmt(f),
        }
    }
}

/// The normalized value of a temporal expression, written as a TIMEX3 value string
/// when displayed or serialized (`2023-03-01`, `2023-03-01T15:30`, `XXXX-WXX-3`,
/// `P3D`, `PRESENT_REF`).
///
/// Values order as their TIMEX3 strings do (a sorted list reads as it always has);
/// a recurrence and a date or length written alike order by kind after that.
///
/// ```
/// use corroborate::{CalendarValue, Date, DayPart, TimeOfDay, TimeValue};
/// let day = Date::from_ymd(2023, 3, 1).unwrap();
/// let v = TimeValue::Time(CalendarValue::Day(day), TimeOfDay::Part(DayPart::Evening));
/// assert_eq!(v.to_string(), "2023-03-01TEV");
/// assert_eq!("2023-03-01TEV".parse::<TimeValue>(), Ok(v));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeValue {
    /// A day or period of the calendar, or a vague reference.
    Date(CalendarValue),
    /// A time of day on a day (or, with no anchor, on an unknown day).
    Time(CalendarValue, TimeOfDay),
    /// A length of time.
    Duration(Duration),
    /// A recurrence.
    Set(Recurrence),
}

impl TimeValue {
    /// The kind of expression a value of this shape is.
    pub fn kind(&self) -> TimeKind {
        match self {
            TimeValue::Date(_) => TimeKind::Date,
            TimeValue::Time(..) => TimeKind::Time,
            TimeValue::Duration(_) => TimeKind::Duration,
            TimeValue::Set(_) => TimeKind::Set,
        }
    }

    /// The day or period it is on, for a date or a time of day.
    pub fn calendar(&self) -> Option<CalendarValue> {
        match *self {
            TimeValue::Date(c) | TimeValue::Time(c, _) => Some(c),
            _ => None,
        }
    }

    /// The time of day, for a time.
    pub fn time_of_day(&self) -> Option<TimeOfDay> {
        match *self {
            TimeValue::Time(_, t) => Some(t),
            _ => None,
        }
    }

    /// Whether the two values are written as the same TIMEX3 string: equal, or a
    /// recurrence and a date or length written alike (`XXXX-WXX-3`, `P1W`).
    pub fn same_timex(&self, other: &TimeValue) -> bool {
        use TimeValue::{Date, Duration, Set};
        self == other
            || match (self, other) {
                (Set(Recurrence::Weekday(x)), Date(CalendarValue::Weekday(y)))
                | (Date(CalendarValue::Weekday(y)), Set(Recurrence::Weekday(x))) => x == y,
                (Set(Recurrence::Every(x)), Duration(y))
                | (Duration(y), Set(Recurrence::Every(x))) => x == y,
                _ => false,
            }
    }

    fn kind_rank(&self) -> u8 {
        match self {
            TimeValue::Date(_) => 0,
            TimeValue::Time(..) => 1,
            TimeValue::Duration(_) => 2,
            TimeValue::Set(_) => 3,
        }
    }
}

impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeValue::Date(c) => c.fmt(f),
            TimeValue::Time(c, TimeOfDay::Clock { hour, minute }) => {
                write!(f, "{c}T{hour:02}:{minute:02}")
            }
            TimeValue::Time(c, TimeOfDay::Part(p)) => write!(f, "{c}T{}", p.code()),
            TimeValue::Duration(d) => d.fmt(f),
            TimeValue::Set(r) => r.fmt(f),
        }
    }
}

impl PartialOrd for TimeValue {
    fn partial_cmp(&self, other: &TimeValue) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for TimeValue {
    fn cmp(&self, other: &TimeValue) -> Ordering {
        let as_text = match (self, other) {
            // the common case, without writing the values out
            (TimeValue::Date(CalendarValue::Day(a)), TimeValue::Date(CalendarValue::Day(b)))
                if a.year() >= 0 && b.year() >= 0 && a.year() <= 9999 && b.year() <= 9999 =>
            {
                a.cmp(b)
            }
            _ => super::cmp_as_text(self, other),
        };
        as_text
            .then_with(|| self.kind_rank().cmp(&other.kind_rank()))
            // Only values no stage makes are written alike and differ (a decade `2022`
            // and the year): any fixed order will do.
            .then_with(|| {
                if self == other {
                    Ordering::Equal
                } else {
                    format!("{self:?}").cmp(&format!("{other:?}"))
                }
            })
    }
}

eq_text!(TimeValue);

impl Serialize for TimeValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeValue {
    /// Reads the TIMEX3 string; a recurrence is read as the date or length it is
    /// written like ([`TimeExpr`](super::TimeExpr) reads it with its kind).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<TimeValue, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Why a string is not a TIMEX3 value this crate writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimexError(String);

impl fmt::Display for TimexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a TIMEX3 value: {:?}", self.0)
    }
}

impl std::error::Error for TimexError {}

impl FromStr for TimeValue {
    type Err = TimexError;

    /// Reads a TIMEX3 value as [`TimeValue`]'s `Display` writes it. A recurrence is
    /// read as the date or length it is written like.
    fn from_str(s: &str) -> Result<TimeValue, TimexError> {
        parse_value(s).ok_or_else(|| TimexError(s.to_string()))
    }
}

fn parse_value(s: &str) -> Option<TimeValue> {
    if let Some(d) = parse_duration(s) {
        return Some(TimeValue::Duration(d));
    }
    if let Some(c) = parse_calendar(s) {
        return Some(TimeValue::Date(c));
    }
    // The calendar part never holds a `T` but in a reference (`PRESENT_REF`): the time
    // of day follows the last one.
    let (date, time) = s.rsplit_once('T')?;
    let time = match DayPart::from_code(time) {
        Some(p) => TimeOfDay::Part(p),
        None => {
            let (h, m) = time.split_once(':')?;
            let (hour, minute) = (digits(h, 2)?, digits(m, 2)?);
            (hour < 24 && minute < 60).then_some(TimeOfDay::Clock { hour, minute })?
        }
    };
    Some(TimeValue::Time(parse_calendar(date)?, time))
}

/// `s` as a number of exactly `width` ASCII digits.
fn digits(s: &str, width: usize) -> Option<u32> {
    (s.len() == width && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn parse_duration(s: &str) -> Option<Duration> {
    DurationUnit::ALL.into_iter().find_map(|unit| {
        let (p, c) = unit.code();
        let n = s.strip_prefix(p)?.strip_suffix(c)?;
        if p == "P" && n.starts_with('T') {
            return None;
        }
        let amount = match n {
            "X" => None,
            _ if n.bytes().all(|b| b.is_ascii_digit() || b == b'.') => Some(n.parse().ok()?),
            _ => return None,
        };
        Some(Duration { amount, unit })
    })
}

fn parse_calendar(s: &str) -> Option<CalendarValue> {
    use CalendarValue as C;
    if let Some(r) = TimeRef::from_code(s) {
        return Some(C::Ref(r));
    }
    if let Some(u) = CalendarUnit::ALL
        .into_iter()
        .find(|u| u.unknown_value() == s)
    {
        return Some(C::Unknown(u));
    }
    if let Some(rest) = s.strip_prefix("XXXX-") {
        if let Some(d) = rest.strip_prefix("WXX-") {
            return digits(d, 1).filter(|d| (1..=7).contains(d)).map(C::Weekday);
        }
        if let Some(q) = rest.strip_prefix('Q') {
            return digits(q, 1).filter(is_quarter).map(C::QuarterOfYear);
        }
        if let Some(season) = Season::from_code(rest) {
            return Some(C::SeasonOfYear(season));
        }
        return match rest.split_once('-') {
            Some((m, d)) => {
                let (month, day) = (digits(m, 2)?, digits(d, 2)?);
                // a day of some year: 29 February included
                Date::from_ymd(2000, month, day)?;
                Some(C::MonthDay { month, day })
            }
            None => digits(rest, 2).filter(is_month).map(C::MonthOfYear),
        };
    }
    if let Ok(d) = s.parse::<Date>() {
        return Some(C::Day(d));
    }
    match s.len() {
        2 => return digits(s, 2).map(|c| C::Century(c as i32)),
        3 => return digits(s, 3).map(|d| C::Decade(d as i32)),
        4 => return digits(s, 4).map(|y| C::Year(y as i32)),
        _ => {}
    }
    let year = digits(s.get(..4)?, 4)? as i32;
    let rest = s.get(4..)?.strip_prefix('-')?;
    if let Some(season) = Season::from_code(rest) {
        return Some(C::Season { year, season });
    }
    if let Some(w) = rest.strip_prefix('W') {
        let (w, weekend) = match w.strip_suffix("-WE") {
            Some(w) => (w, true),
            None => (w, false),
        };
        let week = digits(w, 2).filter(|w| (1..=53).contains(w))?;
        return Some(if weekend {
            C::Weekend { year, week }
        } else {
            C::Week { year, week }
        });
    }
    if let Some(q) = rest.strip_prefix('Q') {
        return digits(q, 1)
            .filter(is_quarter)
            .map(|quarter| C::Quarter { year, quarter });
    }
    digits(rest, 2)
        .filter(is_month)
        .map(|month| C::Month { year, month })
}

fn is_month(m: &u32) -> bool {
    (1..=12).contains(m)
}

fn is_quarter(q: &u32) -> bool {
    (1..=4).contains(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_shape() -> Vec<TimeValue> {
        let day = Date::from_ymd(2023, 3, 1).unwrap();
        let c = [
            CalendarValue::Day(day),
            CalendarValue::Week {
                year: 2023,
                week: 9,
            },
            CalendarValue::Weekend {
                year: 2023,
                week: 9,
            },
            CalendarValue::Month {
                year: 2023,
                month: 2,
            },
            CalendarValue::Quarter {
                year: 2023,
                quarter: 1,
            },
            CalendarValue::Season {
                year: 2022,
                season: Season::Winter,
            },
            CalendarValue::Year(2022),
            CalendarValue::Decade(199),
            CalendarValue::Century(20),
            CalendarValue::Weekday(3),
            CalendarValue::MonthDay { month: 3, day: 1 },
            CalendarValue::MonthOfYear(3),
            CalendarValue::SeasonOfYear(Season::Summer),
            CalendarValue::QuarterOfYear(2),
            CalendarValue::Ref(TimeRef::Present),
            CalendarValue::Ref(TimeRef::Past),
        ];
        let mut out: Vec<TimeValue> = c.iter().map(|&c| TimeValue::Date(c)).collect();
        out.extend(CalendarUnit::ALL.map(|u| TimeValue::Date(CalendarValue::Unknown(u))));
        for c in [
            CalendarValue::Day(day),
            CalendarValue::Weekday(3),
            CalendarValue::Unknown(CalendarUnit::Day),
            CalendarValue::Unknown(CalendarUnit::Year),
            CalendarValue::Ref(TimeRef::Present),
        ] {
            out.push(TimeValue::Time(c, TimeOfDay::Part(DayPart::Night)));
            out.push(TimeValue::Time(c, TimeOfDay::Clock { hour: 9, minute: 5 }));
        }
        for unit in DurationUnit::ALL {
            for amount in [None, Some(3.0), Some(1.5), Some(12.344999999999999)] {
                out.push(TimeValue::Duration(Duration { amount, unit }));
            }
        }
        out
    }

    #[test]
    fn values_read_back_as_written() {
        for v in every_shape() {
            let text = v.to_string();
            assert_eq!(text.parse::<TimeValue>(), Ok(v), "{text}");
            assert_eq!(v, text.as_str());
        }
        for bad in [
            "",
            "2023-13",
            "XXXX-WXX-9",
            "P",
            "PTXD",
            "2023-03-01T25:00",
            "W09",
        ] {
            assert!(bad.parse::<TimeValue>().is_err(), "{bad}");
        }
    }

    #[test]
    fn values_order_as_their_text() {
        let mut all = every_shape();
        all.push(TimeValue::Set(Recurrence::Weekday(3)));
        all.push(TimeValue::Set(Recurrence::Every(Duration {
            amount: Some(1.0),
            unit: DurationUnit::Week,
        })));
        for a in &all {
            for b in &all {
                let by_text = a.to_string().cmp(&b.to_string());
                assert_eq!(a.cmp(b), by_text.then(a.cmp(b)), "{a} / {b}");
                assert_eq!(a.cmp(b), b.cmp(a).reverse(), "{a} / {b}");
                assert_eq!(a.cmp(b) == Ordering::Equal, a == b, "{a} / {b}");
            }
        }
    }

    #[test]
    fn a_recurrence_reads_back_with_its_kind() {
        use crate::model::TimeExpr;
        let json = r#"{"id":4,"doc":"a","start":0,"end":7,"text":"Mondays","kind":"set","value":"XXXX-WXX-1","interval":null,"vague":false}"#;
        let t: TimeExpr = serde_json::from_str(json).unwrap();
        assert_eq!(t.id, crate::model::TimeId(4));
        assert_eq!(t.value, TimeValue::Set(Recurrence::Weekday(1)));
        assert_eq!(serde_json::to_string(&t).unwrap(), json);
    }
}
