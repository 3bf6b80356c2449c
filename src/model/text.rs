//! Documents, spans, dates, sentences and tokens.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A half-open range of UTF-8 byte offsets into a document's original text.
///
/// ```
/// use corroborate::Span;
/// let text = "Mr Xi said so.";
/// let span = Span::new(0, 5);
/// assert_eq!(span.slice(text), "Mr Xi");
/// assert_eq!(span.len(), 5);
/// ```
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (half-open). Panics in debug builds if `start > end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers. Panics if the span is out of bounds or not on char
    /// boundaries of `text`; spans made by this crate for `text` never are.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers, or `None` if it is out of bounds or not on char
    /// boundaries of `text` (for spans that may come from elsewhere).
    ///
    /// ```
    /// use corroborate::Span;
    /// assert_eq!(Span::new(3, 5).get("Mr Xi"), Some("Xi"));
    /// assert_eq!(Span::new(3, 9).get("Mr Xi"), None);
    /// ```
    pub fn get<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The identifier of a document: the file stem for text files, the `id` field for JSON.
///
/// Ids are unique within one input and order documents deterministically.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(pub String);

impl DocId {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for DocId {
    fn from(s: &str) -> DocId {
        DocId(s.to_string())
    }
}

/// A calendar date (proleptic Gregorian), serialized as `YYYY-MM-DD`.
///
/// ```
/// use corroborate::Date;
/// let d: Date = "2023-03-01".parse().unwrap();
/// assert_eq!(d.to_string(), "2023-03-01");
/// assert!("2023-02-30".parse::<Date>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(chrono::NaiveDate);

impl Date {
    /// The date for a year, month (1-12) and day (1-31), or `None` if there is no such day.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        chrono::NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// The year.
    pub fn year(&self) -> i32 {
        chrono::Datelike::year(&self.0)
    }

    /// The month, 1-12.
    pub fn month(&self) -> u32 {
        chrono::Datelike::month(&self.0)
    }

    /// The day of the month, 1-31.
    pub fn day(&self) -> u32 {
        chrono::Datelike::day(&self.0)
    }

    /// Day of the week, Monday = 0 ... Sunday = 6.
    pub fn weekday_index(&self) -> u32 {
        chrono::Datelike::weekday(&self.0).num_days_from_monday()
    }

    /// The date `days` days later (earlier when negative), or `None` past the supported range.
    pub fn add_days(&self, days: i64) -> Option<Date> {
        self.0
            .checked_add_signed(chrono::TimeDelta::try_days(days)?)
            .map(Date)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    pub fn days_until(&self, other: Date) -> i64 {
        (other.0 - self.0).num_days()
    }

    /// The ISO 8601 week this day falls in: its week-numbering year and week (1-53).
    /// The first days of January can belong to the last week of the year before.
    ///
    /// ```
    /// use corroborate::Date;
    /// let d: Date = "2023-01-01".parse().unwrap();
    /// assert_eq!(d.iso_week(), (2022, 52));
    /// ```
    pub fn iso_week(&self) -> (i32, u32) {
        let w = chrono::Datelike::iso_week(&self.0);
        (w.year(), w.week())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let y = self.year();
        if (0..=9999).contains(&y) {
            // the common case, without interpreting a format string
            write!(f, "{y:04}-{:02}-{:02}", self.month(), self.day())
        } else {
            write!(f, "{}", self.0.format("%Y-%m-%d"))
        }
    }
}

/// Why a string is not a date in `YYYY-MM-DD` form.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateParseError {
    /// The string is not of the shape `YYYY-MM-DD`.
    Shape,
    /// The shape is right but no such day exists (e.g. `2023-02-30`).
    NoSuchDay,
}

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateParseError::Shape => f.write_str("expected a date as YYYY-MM-DD"),
            DateParseError::NoSuchDay => f.write_str("no such day in the calendar"),
        }
    }
}

impl std::error::Error for DateParseError {}

impl std::str::FromStr for Date {
    type Err = DateParseError;
    fn from_str(s: &str) -> Result<Date, DateParseError> {
        let b = s.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return Err(DateParseError::Shape);
        }
        let num =
            |r: std::ops::Range<usize>| s[r].parse::<u32>().map_err(|_| DateParseError::Shape);
        let year = num(0..4)? as i32;
        Date::from_ymd(year, num(5..7)?, num(8..10)?).ok_or(DateParseError::NoSuchDay)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// One news article: its text and what is known about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Unique id within the input.
    pub id: DocId,
    /// The original text, exactly as read (after UTF-8 validation; a BOM stays in).
    pub text: String,
    /// Publication date, from the dateline or the `published` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// The outlet or feed the article came from, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Bytes before the article body that belong to no sentence: a BOM and a leading
    /// dateline such as ` date 2023-03-02 `. Sentences start at or after `head.end`.
    #[serde(default)]
    pub head: Span,
}

impl Document {
    /// A document with no date, source or head, from an id and its text.
    ///
    /// ```
    /// use corroborate::Document;
    /// let doc = Document::new("a", "Xi met Lukashenko.");
    /// assert_eq!(doc.id.as_str(), "a");
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: DocId(id.into()),
            text: text.into(),
            published: None,
            source: None,
            head: Span::default(),
        }
    }

    /// The body: the text after the head.
    pub fn body(&self) -> Span {
        Span::new(self.head.end, self.text.len())
    }
}

/// One sentence of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Position of the sentence in its document, from 0.
    pub index: usize,
    /// Paragraph the sentence starts in, from 0 (paragraphs are split by blank lines).
    pub paragraph: usize,
    /// The sentence text without surrounding whitespace.
    pub span: Span,
}

/// What kind of thing a token is (see [`crate::text`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters and digits, with inner apostrophes ("didn't", "O'Brien"), inner hyphens
    /// ("year-old"), the periods of a dotted abbreviation ("U.S.", "p.m."); a number that
    /// goes on as a word ("13th", "12-point", "1.2bn"); a URL or an e-mail address.
    Word,
    /// ASCII digits with inner `.`, `,`, `:`, `/` or `-` before a digit ("1,200.50",
    /// "10:30", "2023-03-01"), not followed by a letter.
    Number,
    /// Any other single character that is not a space (punctuation, symbols, quotation
    /// marks).
    Punct,
}

/// One token: a word, a number, or a punctuation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// The token's bytes in the document.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}
