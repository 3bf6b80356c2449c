//! Expressions that open with a name of the calendar: a month ("March 1, 2023"), a
//! weekday ("Wednesday morning"), a season ("summer 2022"), a quarter ("Q1", "the first
//! quarter of 2023") or a holiday ("Christmas").

use super::{Sem, P};
use crate::model::Season;

impl<'a> P<'a> {
    /// A month named at `i` (its name ending before `j`): "March 1(st)(, 2023)",
    /// "March 2023", "March of 2023", or the month alone.
    pub(super) fn at_month(&self, i: usize, m: u32, j: usize) -> Option<(usize, Sem)> {
        if let Some((d, k)) = self.day_num(j) {
            // "March 2023" is handled below; a day number is 1-2 digits. Not "May 10
            // people": a following number word or unit makes it a quantity.
            return self.day_month_year(d, m, k);
        }
        let k = if self.t.s(j) == "," { j + 1 } else { j };
        if let Some(y) = self.year(k) {
            return Some((k + 1, Sem::month(Some(y), m)));
        }
        if let Some((y, end)) = self.year_after(j) {
            return Some((end, Sem::month(Some(y), m)));
        }
        self.bare_month_ok(i, m).then_some((j, Sem::month(None, m)))
    }

    /// "2023" or "of 2023" at `j`: the year and the index after it.
    pub(super) fn year_after(&self, j: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year(j) {
            return Some((y, j + 1));
        }
        if self.t.is(j, "of") {
            return self.year(j + 1).map(|y| (y, j + 2));
        }
        None
    }

    /// A weekday named at `i`, possibly with a date after it ("Wednesday, March 1",
    /// "Wednesday 1 March") or a part of the day ("Wednesday morning").
    pub(super) fn at_weekday(&self, i: usize, wd: u32, shift: Option<i8>) -> (usize, Sem) {
        let mut j = i + 1;
        let abbr = self.t.toks[i]
            .entry
            .and_then(|e| e.weekday)
            .is_some_and(|w| w.2);
        if abbr && self.dot_after(i) {
            j += 1;
        }
        if shift.is_none() {
            // A day with a year that does not exist is read without the year.
            let dated = |m: u32, d: u32, j: usize| -> Option<(usize, Sem)> {
                self.opt_year(j)
                    .and_then(|(y, end)| Some((end, Self::checked_date(y, m, d)?)))
                    .or_else(|| Some((j, Self::checked_date(None, m, d)?)))
            };
            let k = if self.t.s(j) == "," { j + 1 } else { j };
            if let Some((m, k2)) = self.month(k) {
                if let Some(r) = self.day_num(k2).and_then(|(d, k3)| dated(m, d, k3)) {
                    return r;
                }
            }
            if let Some((d, k2)) = self.day_num(k) {
                if let Some(r) = self.month(k2).and_then(|(m, k3)| dated(m, d, k3)) {
                    return r;
                }
            }
        }
        let part = self.part(j);
        (
            j + usize::from(part.is_some()),
            Sem::Weekday { wd, shift, part },
        )
    }

    /// "the first quarter (of 2023)", "first-quarter".
    pub(super) fn at_quarter(&self, i: usize) -> Option<(usize, Sem)> {
        let q = self.t.entry(i)?.ordinal?;
        if !(1..=4).contains(&q) {
            return None;
        }
        let mut j = i + 1;
        if self.t.s(j) == "-" && self.t.glued(j) {
            j += 1;
        }
        if !self.t.is(j, "quarter") {
            return None;
        }
        j += 1;
        let y = self.year_after(j).map(|(y, end)| {
            j = end;
            y
        });
        Some((j, Sem::Quarter { y, q }))
    }

    /// "Q1", "Q3 2022".
    pub(super) fn at_quarter_code(&self, i: usize) -> Option<(usize, Sem)> {
        let s = self.t.s(i);
        if s.len() != 2 || !(s.starts_with('Q') || s.starts_with('q')) {
            return None;
        }
        let q @ 1..=4 = s[1..].parse::<u32>().ok()? else {
            return None;
        };
        let y = self.year(i + 1);
        Some((i + 1 + usize::from(y.is_some()), Sem::Quarter { y, q }))
    }

    /// A season named at `i`: "summer 2022", "the summer of 2022", "in the spring".
    pub(super) fn at_season(&self, i: usize, s: Season) -> Option<(usize, Sem)> {
        if let Some((y, end)) = self.year_after(i + 1) {
            return Some((end, Sem::season(Some(y), s)));
        }
        if self.t.is(i + 1, "of") {
            return None;
        }
        let prev_ok = self.after_word(i, &["the", "in"]);
        (prev_ok && !self.t.toks[i].cap).then_some((i + 1, Sem::season(None, s)))
    }

    /// A holiday on a fixed day, "Christmas (2022)".
    pub(super) fn at_holiday(&self, i: usize, m: u8, d: u8) -> Option<(usize, Sem)> {
        if !self.t.toks[i].cap {
            return None;
        }
        let y = self.year(i + 1);
        Some((
            i + 1 + usize::from(y.is_some()),
            Sem::Date {
                y,
                m: m as u32,
                d: d as u32,
            },
        ))
    }
}
