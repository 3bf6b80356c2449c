//! Expressions opened by "the" ("the past three years", "the weekend", "the end of the
//! year", "the first quarter") or by "every"/"each" (recurrences).

use super::{duration, Sem, P};
use crate::extract::lex::{TKind, TUnit, TimeWord};
use crate::model::{Recurrence, TimeRef};

/// Words that name a part of a period: "the end of the year".
const PART_OF: &[&str] = &["end", "beginning", "start", "middle"];

impl<'a> P<'a> {
    /// An expression opened by "the" at `i`: it only starts durations ("the past three
    /// years"), "the weekend", "the 1990s", vague references and parts of periods.
    pub(super) fn at_the(&self, i: usize) -> Option<(usize, Sem)> {
        if let Some(TimeWord::Shift(_)) = self.time(i + 1) {
            match self.at_shift(i + 1, true) {
                Some((e, sem @ Sem::Duration(_))) => return Some((e, sem)),
                Some((
                    e,
                    sem @ Sem::Rel {
                        narrative: true, ..
                    },
                )) => return Some((e, sem)),
                _ => {}
            }
        }
        if self.t.is(i + 1, "weekend") {
            return Some((i + 2, Sem::Weekend));
        }
        // "at the moment": now.
        if self.t.is(i + 1, "moment") && self.after_word(i, &["at"]) {
            return Some((i + 2, Sem::Ref(TimeRef::Present)));
        }
        // "over the years", "for the decades": an unspecified duration.
        if let Some((u, true)) = self.unit(i + 1) {
            if self.after_word(i, &["over", "for", "through", "across", "throughout"])
                && !matches!(u, TUnit::WEEKEND)
            {
                return Some((i + 2, Sem::duration(None, u)));
            }
        }
        // "earlier in the year", "for the year": the anchor's year.
        if self.t.is(i + 1, "year")
            && self.after_word(i, &["in", "for", "during", "through", "throughout"])
            && self.year(i + 2).is_none()
            && !matches!(self.t.s(i + 2), "-" | "'s" | "’s")
            && !self.t.is(i + 2, "before")
            && !self.t.is(i + 2, "after")
        {
            return Some((i + 2, Sem::rel(TUnit::YEAR, 0)));
        }
        if let Some(r) = self.vague_reference(i) {
            return Some(r);
        }
        if PART_OF.iter().any(|w| self.t.is(i + 1, w)) && self.t.is(i + 2, "of") {
            return self.at_part_of(i + 3);
        }
        self.at_quarter(i + 1)
    }

    /// "the past", "the future", "the present" on their own (the "the" at `i`).
    fn vague_reference(&self, i: usize) -> Option<(usize, Sem)> {
        let next_is_unit = self.unit(i + 2).is_some()
            || self.amount(i + 2, false).is_some()
            || self.time(i + 2) == Some(TimeWord::Quant);
        if next_is_unit {
            return None;
        }
        [
            ("past", TimeRef::Past),
            ("future", TimeRef::Future),
            ("present", TimeRef::Present),
        ]
        .into_iter()
        .find(|(w, _)| {
            self.t.is(i + 1, w)
                && (!matches!(self.t.kind(i + 2), Some(TKind::Word)) || self.t.is(i + 2, "and"))
        })
        .map(|(_, r)| (i + 2, Sem::Ref(r)))
    }

    /// The period after "the end of", "the beginning of", ... (from `k`): "the end of
    /// the year", "the beginning of March", "the middle of next week" are the period
    /// named (TIMEX3 would add a START/END modifier).
    fn at_part_of(&self, k: usize) -> Option<(usize, Sem)> {
        if self.t.is(k, "the") {
            if let Some((u, false)) = self.unit(k + 1) {
                if matches!(
                    u,
                    TUnit::WEEK | TUnit::MONTH | TUnit::YEAR | TUnit::QUARTER | TUnit::DECADE
                ) {
                    return Some((k + 2, Sem::rel(u, 0)));
                }
            }
        }
        // One level only: "the end of the end of ..." must not recurse deeply.
        if PART_OF.iter().any(|w| self.t.is(k + 1, w)) {
            return None;
        }
        self.at(k)
            .filter(|(_, sem)| !matches!(sem, Sem::Duration(_) | Sem::Set(_) | Sem::Ref(_)))
    }

    /// "every Monday", "each week", "every three months" (the "every" at `i`).
    pub(super) fn at_every(&self, i: usize) -> Option<(usize, Sem)> {
        if let Some((wd, _)) = self.weekday(i + 1) {
            return Some((i + 2, Sem::Set(Recurrence::Weekday(wd))));
        }
        if let Some((u, false)) = self.unit(i + 1) {
            return Some((i + 2, Sem::Set(Recurrence::Every(duration(Some(1.0), u)))));
        }
        let (n, j) = self.amount(i + 1, false)?;
        let (u, _) = self.unit(j)?;
        Some((j + 1, Sem::Set(Recurrence::Every(duration(Some(n), u)))))
    }
}
