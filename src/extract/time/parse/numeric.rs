//! Expressions that open with a number: ISO and slashed dates, clock times, decades,
//! centuries, "1 March", amounts of time and bare years.

use super::{DateOrder, Sem, P, YEARS};
use crate::extract::lex::TKind;
use crate::model::Date;

/// The first years of the decades a number such as "1990s" can name.
const DECADES: std::ops::RangeInclusive<u32> = 1000..=2190;

/// Years a four-digit number is read as anywhere; outside them only after a word that
/// expects a year ("in 1648"), since "1500 people" is a count.
const USUAL_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Words after which a four-digit number outside [`USUAL_YEARS`] is a year.
const BEFORE_YEAR: &[&str] = &[
    "in", "since", "from", "until", "of", "by", "to", "between", "and", "early", "mid", "late",
    "around", "before", "after",
];

/// Words after which "1/3" is a date rather than a fraction.
const BEFORE_SLASH_DATE: &[&str] = &["on", "since", "until", "by", "from", "to"];

impl<'a> P<'a> {
    /// Expressions that start with a number token.
    pub(super) fn at_number(&self, i: usize) -> Option<(usize, Sem)> {
        let s = self.t.s(i);
        let b = s.as_bytes();
        // 2023-03-01 and 2023-03
        if (b.len() == 10 && b[7] == b'-' || b.len() == 7) && b[4] == b'-' {
            return self.iso_date(i, s);
        }
        // 1/3, 1/3/2023, 01/03/23
        if s.contains('/') && !s.contains(['.', ',', ':', '-']) {
            return self.slash_date(i, s);
        }
        // Clock times: 15:30, 3:30 pm, 3 pm, 3pm.
        if let Some(r) = self.clock(i) {
            return Some(r);
        }
        // 1990s
        if b.len() == 4 && self.t.glued(i + 1) && self.t.is(i + 1, "s") {
            if let Some(v) = self.int(i) {
                if DECADES.contains(&v) && v % 10 == 0 {
                    return Some((i + 2, Sem::Decade(v as i32 / 10)));
                }
            }
        }
        if let Some((d, j)) = self.day_num(i) {
            // 21st century
            if j == i + 2 && self.t.is(j, "century") {
                return Some((j + 1, Sem::Century(d as i32 - 1)));
            }
            // 1 March (2023)
            let k = if self.t.is(j, "of") { j + 1 } else { j };
            if let Some((m, k2)) = self.month(k) {
                return self.day_month_year(d, m, k2);
            }
        }
        if let Some(r) = self.at_amount(i) {
            return Some(r);
        }
        let y = self.year(i)?;
        self.reads_as_year(i, y).then_some((i + 1, Sem::Year(y)))
    }

    /// `2023-03-01` or `2023-03`.
    fn iso_date(&self, i: usize, s: &str) -> Option<(usize, Sem)> {
        let y = s.get(0..4)?.parse::<i32>().ok()?;
        let m = s.get(5..7)?.parse::<u32>().ok()?;
        if let Some(d) = s.get(8..10) {
            let d = d.parse::<u32>().ok()?;
            Date::from_ymd(y, m, d)?;
            return Some((i + 1, Sem::Date { y: Some(y), m, d }));
        }
        ((1..=12).contains(&m) && YEARS.contains(&y)).then_some((i + 1, Sem::month(Some(y), m)))
    }

    /// Whether the year-like number `y` at `i` is a year here, not a count or an
    /// amount ("$2013", "2013 percent", "a 2013 people").
    fn reads_as_year(&self, i: usize, y: i32) -> bool {
        if i > 0 && self.t.toks[i - 1].entry.is_some_and(|e| e.unit.is_some()) && self.t.glued(i) {
            return false;
        }
        if self
            .t
            .entry(i + 1)
            .is_some_and(|e| e.unit.is_some() || e.number.is_some())
        {
            return false;
        }
        if !USUAL_YEARS.contains(&y) && !self.after_word(i, BEFORE_YEAR) {
            return false;
        }
        // "a 2013 people": a four-digit count after an article is not a year.
        if i > 0
            && self.is_article(i - 1)
            && self
                .t
                .toks
                .get(i + 1)
                .is_some_and(|t| t.kind == TKind::Word && !t.cap)
            && !self.t.glued(i)
        {
            let next = self.t.s(i + 1);
            if next.ends_with('s') && !next.ends_with("ss") {
                return false;
            }
        }
        true
    }

    /// A day `d` of month `m` whose name ends before `j`, with the year that may
    /// follow.
    pub(super) fn day_month_year(&self, d: u32, m: u32, j: usize) -> Option<(usize, Sem)> {
        if let Some((y, end)) = self.opt_year(j) {
            return Self::checked_date(y, m, d).map(|s| (end, s));
        }
        Self::checked_date(None, m, d).map(|s| (j, s))
    }

    /// An optional ", 2023" or " 2023" after a day and month; (year, next index).
    pub(super) fn opt_year(&self, j: usize) -> Option<(Option<i32>, usize)> {
        if self.t.s(j) == "," {
            if let Some(y) = self.year(j + 1) {
                return Some((Some(y), j + 2));
            }
        }
        self.year(j).map(|y| (Some(y), j + 1))
    }

    /// A day that exists; without a year, 29 February must stay possible.
    pub(super) fn checked_date(y: Option<i32>, m: u32, d: u32) -> Option<Sem> {
        Date::from_ymd(y.unwrap_or(2000), m, d)?;
        Some(Sem::Date { y, m, d })
    }

    fn slash_date(&self, i: usize, s: &str) -> Option<(usize, Sem)> {
        let parts: Vec<&str> = s.split('/').collect();
        let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if nums.len() != parts.len() || !(2..=3).contains(&nums.len()) {
            return None;
        }
        let (a, b) = (nums[0], nums[1]);
        let (m, d) = match self.order {
            DateOrder::MonthFirst => (a, b),
            DateOrder::DayFirst => (b, a),
        };
        if nums.len() == 2 {
            // "1/3" is a date only where a date is expected, not a fraction.
            let prev_ok =
                self.after_word(i, BEFORE_SLASH_DATE) || (i > 0 && self.weekday(i - 1).is_some());
            if !prev_ok || parts[0].len() > 2 || parts[1].len() > 2 {
                return None;
            }
            return Self::checked_date(None, m, d).map(|sem| (i + 1, sem));
        }
        let y = match parts[2].len() {
            4 => nums[2] as i32,
            2 => 2000 + nums[2] as i32,
            _ => return None,
        };
        if parts[0].len() > 2 || parts[1].len() > 2 {
            return None;
        }
        Self::checked_date(Some(y), m, d).map(|sem| (i + 1, sem))
    }

    /// "am" or "pm" at `j`: whether afternoon, next index.
    fn ampm(&self, j: usize) -> Option<(bool, usize)> {
        let s = self.t.s(j).to_ascii_lowercase();
        match s.as_str() {
            "am" | "a.m." | "a.m" => Some((false, j + 1)),
            "pm" | "p.m." | "p.m" => Some((true, j + 1)),
            _ => None,
        }
    }

    fn clock(&self, i: usize) -> Option<(usize, Sem)> {
        let s = self.t.s(i);
        let (h, m) = if let Some((hs, ms)) = s.split_once(':') {
            if ms.len() != 2 || hs.is_empty() || hs.len() > 2 || ms.contains(':') {
                return None;
            }
            (hs.parse::<u32>().ok()?, ms.parse::<u32>().ok()?)
        } else if s.len() <= 2 {
            (s.parse::<u32>().ok()?, 0)
        } else {
            return None;
        };
        if m > 59 {
            return None;
        }
        if let Some((pm, j)) = self.ampm(i + 1) {
            if !(1..=12).contains(&h) {
                return None;
            }
            let h24 = match (pm, h) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
            return Some((j, Sem::Clock { h: h24, m }));
        }
        if s.contains(':') && h <= 23 {
            let mut j = i + 1;
            if ["gmt", "utc"].iter().any(|w| self.t.is(j, w)) {
                j += 1;
            }
            return Some((j, Sem::Clock { h, m }));
        }
        None
    }
}
