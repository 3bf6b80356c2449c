//! Finding temporal expressions in a token stream and reading their meaning, before
//! any anchor is applied.
//!
//! [`scan`] tries, left to right, every token that can open an expression and keeps the
//! longest expression starting there. The matchers are grouped by what opens the
//! expression: a number ([`numeric`]), the name of a month, weekday, season, quarter or
//! holiday ([`named`]), a shift, edge or amount word ("last", "early", "three days
//! ago": [`relative`]), or a determiner or quantifier ("the end of the year", "every
//! Monday": [`phrases`]). [`tense`] reads the clause's tense around each expression.

mod named;
mod numeric;
mod phrases;
mod relative;
mod tense;

use super::DateOrder;
use crate::extract::lex::{Edge, TKind, TUnit, Tense, TimeWord, Tok, Tokens};
use crate::model::{DayPart, Duration, DurationUnit, Recurrence, Season, TimeRef};

/// The meaning of an expression, not yet resolved against an anchor date.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Sem {
    /// A calendar day, possibly without a year.
    Date { y: Option<i32>, m: u32, d: u32 },
    /// A month, possibly without a year; `shift` for "last/this/next September".
    Month {
        y: Option<i32>,
        m: u32,
        shift: Option<i8>,
    },
    /// A year.
    Year(i32),
    /// A decade, by its first three digits (199 for the 1990s).
    Decade(i32),
    /// A century, by its first two digits (20 for the 21st century).
    Century(i32),
    /// A season, possibly without a year; `shift` for "last/this/next winter".
    Season {
        y: Option<i32>,
        season: Season,
        shift: Option<i8>,
    },
    /// A quarter 1-4.
    Quarter { y: Option<i32>, q: u32 },
    /// A weekday (ISO 1-7), possibly "last/this/next", possibly with a part of day.
    Weekday {
        wd: u32,
        shift: Option<i8>,
        part: Option<DayPart>,
    },
    /// A day relative to the anchor (yesterday, today, tonight).
    RelDay { offset: i64, part: Option<DayPart> },
    /// A calendar unit relative to the anchor ("last week", "three years ago",
    /// "earlier this month") or, when `narrative`, to the last date mentioned
    /// ("two days later").
    Rel {
        unit: TUnit,
        offset: i64,
        edge: Option<Edge>,
        narrative: bool,
    },
    /// The weekend of the anchor's week, resolved by tense.
    Weekend,
    /// A time of day on the anchor's day.
    Clock { h: u32, m: u32 },
    /// A length of time.
    Duration(Duration),
    /// A vague reference ("recently", "the future").
    Ref(TimeRef),
    /// A recurrence.
    Set(Recurrence),
}

impl Sem {
    /// A month of year `y` (or of no stated year).
    fn month(y: Option<i32>, m: u32) -> Sem {
        Sem::Month { y, m, shift: None }
    }

    /// A season of year `y` (or of no stated year).
    fn season(y: Option<i32>, season: Season) -> Sem {
        Sem::Season {
            y,
            season,
            shift: None,
        }
    }

    /// The `unit` `offset` units from the anchor's ("last week" is -1, "this year" 0).
    fn rel(unit: TUnit, offset: i64) -> Sem {
        Sem::Rel {
            unit,
            offset,
            edge: None,
            narrative: false,
        }
    }

    /// `n` units (or an unstated number of them), as a length of time.
    fn duration(n: Option<f64>, u: TUnit) -> Sem {
        Sem::Duration(duration(n, u))
    }
}

/// `n` calendar units as a TIMEX3 length. Fortnights are counted in weeks, decades and
/// centuries in years when their number is given (as TimeBank does: "a decade" is
/// `P10Y`); a weekend counts as a week.
pub(crate) fn duration(n: Option<f64>, u: TUnit) -> Duration {
    let (amount, unit) = match u {
        TUnit::Minute => (n, DurationUnit::Minute),
        TUnit::Hour => (n, DurationUnit::Hour),
        TUnit::DAY => (n, DurationUnit::Day),
        TUnit::WEEK | TUnit::WEEKEND => (n, DurationUnit::Week),
        TUnit::Fortnight => (n.map(|v| v * 2.0), DurationUnit::Week),
        TUnit::MONTH => (n, DurationUnit::Month),
        TUnit::QUARTER => (n, DurationUnit::Quarter),
        TUnit::YEAR => (n, DurationUnit::Year),
        TUnit::DECADE => match n {
            Some(v) => (Some(v * 10.0), DurationUnit::Year),
            None => (None, DurationUnit::Decade),
        },
        TUnit::CENTURY => match n {
            Some(v) => (Some(v * 100.0), DurationUnit::Year),
            None => (None, DurationUnit::Century),
        },
    };
    Duration { amount, unit }
}

/// One expression found: token range (half-open) and meaning.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub first: usize,
    pub last: usize,
    pub sem: Sem,
    pub tense: Option<Tense>,
}

/// The expression finder over one text's tokens.
struct P<'a> {
    t: Tokens<'a>,
    order: DateOrder,
}

/// Words before which "May" and "March" are months, not a modal and a verb.
const PREP_MONTH: &[&str] = &[
    "in", "since", "until", "till", "by", "of", "from", "through", "before", "after", "during",
    "early", "mid", "late", "end", "last", "next", "this", "to", "and", "between", "on",
];

/// The years a four-digit number can be read as.
const YEARS: std::ops::RangeInclusive<i32> = 1000..=2199;

/// The longest number token read as an amount of time units ("1.5 hours").
const MAX_AMOUNT_LEN: usize = 6;

/// Finds every temporal expression in `toks` (non-overlapping, left to right).
pub(crate) fn scan(text: &str, toks: &[Tok], order: DateOrder) -> Vec<Found> {
    let p = P {
        t: Tokens { text, toks },
        order,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Only tokens that can start an expression are tried.
        let t = &toks[i];
        let maybe = t.kind == TKind::Num
            || t.entry.is_some()
            || (t.end - t.start == 2 && matches!(text.as_bytes()[t.start], b'Q' | b'q'));
        if maybe {
            if let Some((end, sem)) = p.at(i) {
                if end > i {
                    out.push(Found {
                        first: i,
                        last: end,
                        sem,
                        tense: None,
                    });
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
    for f in &mut out {
        f.tense = tense::near(&p, f.first, f.last);
    }
    out
}

impl<'a> P<'a> {
    /// The longest expression starting at `i`.
    fn at(&self, i: usize) -> Option<(usize, Sem)> {
        let t = self.t.toks.get(i)?;
        if t.kind == TKind::Num {
            return self.at_number(i);
        }
        if t.kind != TKind::Word {
            return None;
        }
        if self.t.is(i, "the") {
            return self.at_the(i);
        }
        if self.t.is(i, "every") || self.t.is(i, "each") {
            return self.at_every(i);
        }
        if let Some(r) = self.at_amount(i) {
            return Some(r);
        }
        if let Some(r) = self.at_some_units(i) {
            return Some(r);
        }
        if let Some((m, j)) = self.month(i) {
            return self.at_month(i, m, j);
        }
        if let Some((wd, plural)) = self.weekday(i) {
            if plural {
                return Some((i + 1, Sem::Set(Recurrence::Weekday(wd))));
            }
            return Some(self.at_weekday(i, wd, None));
        }
        if let Some(r) = self.at_quarter_code(i) {
            return Some(r);
        }
        if let Some(r) = self.at_quarter(i) {
            return Some(r);
        }
        self.at_time_word(i)
    }

    /// An expression opened by a word of `data/time/words.txt`.
    fn at_time_word(&self, i: usize) -> Option<(usize, Sem)> {
        match self.time(i)? {
            TimeWord::Day(o, part) => {
                let (part, end) = match (part, self.part(i + 1)) {
                    (None, Some(p)) => (Some(p), i + 2),
                    (p, _) => (p, i + 1),
                };
                Some((
                    end,
                    Sem::RelDay {
                        offset: o as i64,
                        part,
                    },
                ))
            }
            TimeWord::Ref(r) => Some((i + 1, Sem::Ref(r))),
            TimeWord::Shift(_) => self.at_shift(i, false),
            TimeWord::Edge(e) => self.at_edge(i, e),
            TimeWord::Season(s) => self.at_season(i, s),
            TimeWord::Holiday(m, d) => self.at_holiday(i, m, d),
            TimeWord::Clock(h) => Some((i + 1, Sem::Clock { h: h as u32, m: 0 })),
            TimeWord::Set(u) => Some((i + 1, Sem::Set(Recurrence::Every(duration(Some(1.0), u))))),
            TimeWord::Unit(u, plural) => self.at_unit(i, u, plural),
            _ => None,
        }
    }

    fn time(&self, i: usize) -> Option<TimeWord> {
        self.t.entry(i).and_then(|e| e.time)
    }

    fn int(&self, i: usize) -> Option<u32> {
        if self.t.kind(i) != Some(TKind::Num) {
            return None;
        }
        let s = self.t.s(i);
        if s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }

    /// A four-digit year token (1000-2199).
    fn year(&self, i: usize) -> Option<i32> {
        let s = self.t.s(i);
        if s.len() != 4 {
            return None;
        }
        let v = self.int(i)?;
        if YEARS.contains(&(v as i32))
            && (!self.t.glued(i + 1)
                || matches!(
                    self.t.s(i + 1),
                    "," | "." | ")" | ";" | ":" | "’" | "'" | "\"" | "”"
                ))
        {
            Some(v as i32)
        } else {
            None
        }
    }

    /// A day-of-month number, with an optional glued ordinal suffix; returns day, next index.
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        let d = self.int(i)?;
        if !(1..=31).contains(&d) || self.t.s(i).len() > 2 {
            return None;
        }
        let mut j = i + 1;
        if self.t.glued(j) && self.ordinal_suffix(j) {
            j += 1;
        }
        Some((d, j))
    }

    /// Whether token `j` is an ordinal suffix ("st" of "21st").
    fn ordinal_suffix(&self, j: usize) -> bool {
        matches!(
            self.t.s(j).to_ascii_lowercase().as_str(),
            "st" | "nd" | "rd" | "th"
        )
    }

    /// A month name at `i` (capitalized; abbreviations need a dot or a number after).
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.toks.get(i)?;
        let (m, abbr) = t.entry?.month?;
        if !t.cap {
            return None;
        }
        let mut j = i + 1;
        if abbr {
            if self.t.s(j) == "." && self.t.glued(j) {
                j += 1;
            } else if self.t.kind(j) != Some(TKind::Num) {
                return None;
            }
        }
        Some((m, j))
    }

    /// Whether a month name at `i` (ending before `j`) stands as a month on its own.
    fn bare_month_ok(&self, i: usize, m: u32) -> bool {
        let prev = if i > 0 {
            self.t.s(i - 1).to_ascii_lowercase()
        } else {
            String::new()
        };
        if m == 5 || m == 3 {
            // "May" and "March" are also a modal and a verb/noun.
            PREP_MONTH.contains(&prev.as_str()) || self.year(i + 1).is_some()
        } else {
            true
        }
    }

    fn weekday(&self, i: usize) -> Option<(u32, bool)> {
        let t = self.t.toks.get(i)?;
        let (wd, plural, abbr) = t.entry?.weekday?;
        if !t.cap {
            return None;
        }
        if abbr && !self.dot_after(i) {
            return None;
        }
        Some((wd, plural))
    }

    /// Whether a period is glued to token `i` ("Wed.").
    fn dot_after(&self, i: usize) -> bool {
        self.t.s(i + 1) == "." && self.t.glued(i + 1)
    }

    /// Whether a hyphen is glued between token `j - 1` and token `j + 1` ("three-day").
    fn hyphen_at(&self, j: usize) -> bool {
        self.t.s(j) == "-" && self.t.glued(j) && self.t.glued(j + 1)
    }

    fn part(&self, i: usize) -> Option<DayPart> {
        match self.time(i) {
            Some(TimeWord::Part(p)) => Some(p),
            _ => None,
        }
    }

    /// A unit word at `i`: unit, plural.
    fn unit(&self, i: usize) -> Option<(TUnit, bool)> {
        match self.time(i) {
            Some(TimeWord::Unit(u, pl)) => Some((u, pl)),
            _ => None,
        }
    }

    /// An amount: digits, or number words ("two", "twenty-five", "a", "an"); value, next.
    fn amount(&self, i: usize, allow_a: bool) -> Option<(f64, usize)> {
        let t = self.t.toks.get(i)?;
        match t.kind {
            TKind::Num => {
                let s = self.t.s(i);
                if s.bytes().all(|b| b.is_ascii_digit() || b == b'.') && s.len() <= MAX_AMOUNT_LEN {
                    s.parse::<f64>().ok().map(|v| (v, i + 1))
                } else {
                    None
                }
            }
            TKind::Word => {
                if allow_a && self.is_article(i) {
                    return Some((1.0, i + 1));
                }
                let (v, scale) = t.entry?.number?;
                if scale {
                    return None;
                }
                let mut v = v;
                let mut j = i + 1;
                // twenty-five
                if v >= 20.0 && self.hyphen_at(j) {
                    if let Some((u, false)) = self.t.entry(j + 1).and_then(|e| e.number) {
                        if u < 10.0 {
                            v += u;
                            j += 2;
                        }
                    }
                }
                Some((v, j))
            }
            TKind::Punct => None,
        }
    }

    /// "a" or "an".
    fn is_article(&self, i: usize) -> bool {
        self.t.is(i, "a") || self.t.is(i, "an")
    }

    fn is_quantifier(&self, i: usize) -> bool {
        self.time(i) == Some(TimeWord::Quant) || self.t.is(i, "coming")
    }

    /// Whether the word before `i` is one of `words`.
    fn after_word(&self, i: usize, words: &[&str]) -> bool {
        i > 0 && words.iter().any(|w| self.t.is(i - 1, w))
    }
}
