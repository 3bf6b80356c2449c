//! Temporal expressions and their normalized values.

use super::{CalendarValue, Date, DocId, Recurrence, Span, TimeValue, TimexError};
use serde::{Deserialize, Serialize};

/// How precise a time value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Granularity {
    /// A time of day.
    TimeOfDay,
    /// A calendar day.
    Day,
    /// A week (Monday to Sunday).
    Week,
    /// A calendar month.
    Month,
    /// A quarter of a year.
    Quarter,
    /// A season.
    Season,
    /// A calendar year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

/// A closed interval of days with the granularity it was stated at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Interval {
    /// First day, inclusive.
    pub start: Date,
    /// Last day, inclusive.
    pub end: Date,
    /// How precise the expression was.
    pub granularity: Granularity,
}

/// What kind of temporal expression (the TIMEX3 types).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TimeKind {
    /// A calendar date or period ("on Wednesday", "last week", "in September").
    Date,
    /// A time of day ("at 3 pm").
    Time,
    /// A length of time ("a three-day visit").
    Duration,
    /// A recurrence ("every year").
    Set,
}

/// The identifier of a [`TimeExpr`]: its position among the times of one run, in
/// document-id then offset order (within one document when found by
/// [`crate::extract::time::times`] alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TimeId(pub u32);

/// A temporal expression found in a document, with its normalized value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TimeExprFields")]
pub struct TimeExpr {
    /// Its id.
    pub id: TimeId,
    /// The document.
    pub doc: DocId,
    /// The expression's bytes.
    #[serde(flatten)]
    pub span: Span,
    /// The expression's text, equal to the span's slice.
    pub text: String,
    /// What kind of expression.
    pub kind: TimeKind,
    /// Its value, serialized as a TIMEX3 string: `2023-03-01`, `2023-W09`, `2023-02`,
    /// `2022`, `PRESENT_REF`, `P3D`, or a symbolic `XXXX-WXX-3` when there is no anchor.
    pub value: TimeValue,
    /// The days it can refer to, when resolved.
    pub interval: Option<Interval>,
    /// Vague expressions ("recently", "soon") are never compared as exact.
    pub vague: bool,
}

#[cfg(test)]
impl TimeExpr {
    /// A time of year 2023 at `start..end` of document `doc`, for tests of what joins
    /// times by span.
    pub(crate) fn test_at(id: u32, doc: &str, start: usize, end: usize) -> TimeExpr {
        TimeExpr {
            id: TimeId(id),
            doc: DocId::from(doc),
            span: Span::new(start, end),
            text: String::new(),
            kind: TimeKind::Date,
            value: TimeValue::Date(CalendarValue::Year(2023)),
            interval: None,
            vague: false,
        }
    }
}

/// [`TimeExpr`] as it is written in JSON: the value's TIMEX3 string is read back with
/// the expression's kind, since a recurrence and a date (`XXXX-WXX-3`) or a length
/// (`P1W`) are written alike.
#[derive(Deserialize)]
struct TimeExprFields {
    id: TimeId,
    doc: DocId,
    #[serde(flatten)]
    span: Span,
    text: String,
    kind: TimeKind,
    value: String,
    interval: Option<Interval>,
    vague: bool,
}

impl TryFrom<TimeExprFields> for TimeExpr {
    type Error = TimexError;
    fn try_from(f: TimeExprFields) -> Result<TimeExpr, TimexError> {
        let value = match (f.kind, f.value.parse()?) {
            (TimeKind::Set, TimeValue::Date(CalendarValue::Weekday(d))) => {
                TimeValue::Set(Recurrence::Weekday(d))
            }
            (TimeKind::Set, TimeValue::Duration(d)) => TimeValue::Set(Recurrence::Every(d)),
            (_, v) => v,
        };
        Ok(TimeExpr {
            id: f.id,
            doc: f.doc,
            span: f.span,
            text: f.text,
            kind: f.kind,
            value,
            interval: f.interval,
            vague: f.vague,
        })
    }
}
