//! Expressions counted from the anchor or from the last date mentioned: shifts ("last
//! Friday", "next week", "the past three years"), edges ("early March", "later this
//! month", "said earlier"), amounts ("three days ago", "two days later", "a three-day
//! visit") and bare units ("for years").

use super::tense::word_past;
use super::{Sem, P};
use crate::extract::lex::{Edge, TKind, TUnit, Tense, TimeWord};
use crate::model::{DayPart, TimeRef};

impl<'a> P<'a> {
    /// "three days ago", "two years", "a three-day visit", "70-year-old", "a year ago".
    pub(super) fn at_amount(&self, i: usize) -> Option<(usize, Sem)> {
        let (n, j) = self.amount(i, true)?;
        let hyphen = self.hyphen_at(j);
        let k = if hyphen { j + 1 } else { j };
        let (u, _plural) = self.unit(k)?;
        if u == TUnit::WEEKEND {
            return None;
        }
        let a_form = self.is_article(i);
        // "a week-long strike": the article is not part of it; "year-old" neither.
        if a_form && self.t.s(k + 1) == "-" && self.t.glued(k + 1) {
            return None;
        }
        if hyphen {
            // "three-day", "70-year-old", "a 12-month", "five-year plan"
            let mut end = k + 1;
            if self.t.s(end) == "-" && self.t.glued(end) && self.t.is(end + 1, "old") {
                end += 2;
            }
            if a_form {
                return None;
            }
            return Some((end, Sem::duration(Some(n), u)));
        }
        if a_form && self.t.is(i, "an") && u != TUnit::Hour {
            return None;
        }
        if let Some(r) = self.counted_from(k, n, u) {
            return Some(r);
        }
        // "twice a year": a recurrence, left alone.
        if a_form && self.after_word(i, &["once", "twice", "times", "per"]) {
            return None;
        }
        let mut end = k + 1;
        if self.t.is(end, "old") {
            end += 1;
        }
        Some((end, Sem::duration(Some(n), u)))
    }

    /// `n` units (the unit word at `k`) counted back from the anchor ("three days ago")
    /// or from the last date mentioned ("two days later").
    fn counted_from(&self, k: usize, n: f64, u: TUnit) -> Option<(usize, Sem)> {
        let after = self.time(k + 1);
        if after == Some(TimeWord::Ago) {
            if matches!(u, TUnit::Hour | TUnit::Minute) || n.fract() != 0.0 {
                return Some((k + 2, Sem::Ref(TimeRef::Past)));
            }
            // "a decade ago" is the year ten years back (as TimeBank has it).
            let (unit, n) = match u {
                TUnit::DECADE => (TUnit::YEAR, n * 10.0),
                TUnit::CENTURY => (TUnit::YEAR, n * 100.0),
                TUnit::Fortnight => (TUnit::WEEK, n * 2.0),
                u => (u, n),
            };
            return Some((k + 2, Sem::rel(unit, -(n as i64))));
        }
        let Some(TimeWord::Edge(e)) = after else {
            return None;
        };
        let w = self.t.s(k + 1).to_ascii_lowercase();
        if (w == "later" || w == "earlier")
            && n.fract() == 0.0
            && !matches!(u, TUnit::Hour | TUnit::Minute)
        {
            let offset = if e == Edge::Late {
                n as i64
            } else {
                -(n as i64)
            };
            return Some((
                k + 2,
                Sem::Rel {
                    unit: u,
                    offset,
                    edge: None,
                    narrative: true,
                },
            ));
        }
        None
    }

    /// last/this/next/past/previous/coming + weekday, month, season, unit, or amount.
    pub(super) fn at_shift(&self, i: usize, after_the: bool) -> Option<(usize, Sem)> {
        let Some(TimeWord::Shift(k)) = self.time(i) else {
            return None;
        };
        let word = self.t.s(i).to_ascii_lowercase();
        let j = i + 1;
        // "this past week(end)": the one before the anchor's.
        if word == "this" && self.t.is(j, "past") {
            if let Some((u @ (TUnit::WEEK | TUnit::WEEKEND | TUnit::MONTH | TUnit::YEAR), false)) =
                self.unit(j + 1)
            {
                return Some((j + 2, Sem::rel(u, -1)));
            }
        }
        if let Some((wd, false)) = self.weekday(j) {
            return Some(self.at_weekday(j, wd, Some(k)));
        }
        if let Some((m, e)) = self.month(j) {
            return Some(match self.year(e) {
                Some(y) => (e + 1, Sem::month(Some(y), m)),
                None => (
                    e,
                    Sem::Month {
                        y: None,
                        m,
                        shift: Some(k),
                    },
                ),
            });
        }
        if let Some(TimeWord::Season(season)) = self.time(j) {
            return Some((
                j + 1,
                Sem::Season {
                    y: None,
                    season,
                    shift: Some(k),
                },
            ));
        }
        if let Some(p) = self.part(j) {
            // this morning, last night, tonight
            let offset = if k < 0 && p == DayPart::Night { -1 } else { 0 };
            if k > 0 {
                return None;
            }
            return Some((
                j + 1,
                Sem::RelDay {
                    offset,
                    part: Some(p),
                },
            ));
        }
        self.shifted_unit(&word, k, j, after_the)
    }

    /// A shift word `word` (by `k` units) followed at `j` by a unit, or an amount of
    /// them: "past three years", "next two weeks", "last few months", "last week",
    /// "the previous day".
    fn shifted_unit(&self, word: &str, k: i8, j: usize, after_the: bool) -> Option<(usize, Sem)> {
        let durational =
            word == "past" || (after_the && word == "last") || word == "coming" && after_the;
        let amount = self
            .amount(j, false)
            .map(|(n, e)| (Some(n), e))
            .or_else(|| self.is_quantifier(j).then_some((None, j + 1)));
        if let Some((n, e)) = amount {
            return match self.unit(e) {
                Some((u, _)) if u != TUnit::WEEKEND => Some((e + 1, Sem::duration(n, u))),
                _ => None,
            };
        }
        let (u, plural) = self.unit(j)?;
        if plural {
            return (durational || after_the).then_some((j + 1, Sem::duration(None, u)));
        }
        if durational {
            if u == TUnit::WEEKEND {
                return Some((j + 1, Sem::rel(u, k.min(0) as i64)));
            }
            return Some((j + 1, Sem::duration(Some(1.0), u)));
        }
        if matches!(u, TUnit::Hour | TUnit::Minute | TUnit::Fortnight) {
            return None;
        }
        // "the previous year", "the following day" count from the last date mentioned.
        let narrative = word == "previous" || word == "following" || (after_the && word == "next");
        if word == "following" && !after_the {
            return None;
        }
        Some((
            j + 1,
            Sem::Rel {
                unit: u,
                offset: k as i64,
                edge: None,
                narrative,
            },
        ))
    }

    /// early/mid/late/earlier/later + year, month, weekday, or "this/last/next" unit.
    pub(super) fn at_edge(&self, i: usize, e: Edge) -> Option<(usize, Sem)> {
        let mut j = i + 1;
        if self.t.s(j) == "-" && self.t.glued(j) {
            j += 1;
        }
        if let Some(y) = self.year(j) {
            return Some((j + 1, Sem::Year(y)));
        }
        if self.t.kind(j) == Some(TKind::Num) {
            if let Some((e, sem @ Sem::Decade(_))) = self.at_number(j) {
                return Some((e, sem));
            }
        }
        if let Some((m, k)) = self.month(j) {
            return Some(match self.year(k) {
                Some(y) => (k + 1, Sem::month(Some(y), m)),
                None => (k, Sem::month(None, m)),
            });
        }
        if let Some((wd, false)) = self.weekday(j) {
            return Some(self.at_weekday(j, wd, None));
        }
        if let Some(TimeWord::Shift(k)) = self.time(j) {
            return self.edge_of_shifted(e, k, j);
        }
        // "said earlier." -> a vague past reference
        if self.t.is(i, "earlier") {
            let next_is_punct = matches!(self.t.kind(i + 1), Some(TKind::Punct) | None);
            let prev_verb = i > 0
                && (word_past(self.t.s(i - 1))
                    || self.t.toks[i - 1]
                        .entry
                        .is_some_and(|e| e.tense == Some(Tense::Past)));
            if (next_is_punct || prev_verb) && !self.t.is(i + 1, "than") {
                return Some((i + 1, Sem::Ref(TimeRef::Past)));
            }
        }
        None
    }

    /// An edge `e` of a shifted unit or month, the shift word at `j`: "later this
    /// month", "early next year", "late last September".
    fn edge_of_shifted(&self, e: Edge, k: i8, j: usize) -> Option<(usize, Sem)> {
        if let Some((u, false)) = self.unit(j + 1) {
            if !matches!(
                u,
                TUnit::Hour | TUnit::Minute | TUnit::Fortnight | TUnit::WEEKEND
            ) {
                return Some((
                    j + 2,
                    Sem::Rel {
                        unit: u,
                        offset: k as i64,
                        edge: Some(e),
                        narrative: false,
                    },
                ));
            }
        }
        let (m, end) = self.month(j + 1)?;
        Some((
            end,
            Sem::Month {
                y: None,
                m,
                shift: Some(k),
            },
        ))
    }

    /// A unit word at `i` that is an expression of its own: "year-old", "week-long",
    /// "for years", "years ago".
    pub(super) fn at_unit(&self, i: usize, u: TUnit, plural: bool) -> Option<(usize, Sem)> {
        if plural && i > 0 && self.is_quantifier(i - 1) && !matches!(u, TUnit::WEEKEND) {
            return None;
        }
        // "year-old" is an age (a duration of one year), not a date.
        // "week-long", "day-long": a duration of one unit.
        if !plural
            && self.t.s(i + 1) == "-"
            && self.t.glued(i + 1)
            && (self.t.is(i + 2, "long") || self.t.is(i + 2, "old"))
        {
            return Some((i + 3, Sem::duration(Some(1.0), u)));
        }
        let ago = self.time(i + 1) == Some(TimeWord::Ago);
        // "for years", "in recent months": an unspecified duration.
        if plural
            && i > 0
            && matches!(
                self.t.s(i - 1).to_ascii_lowercase().as_str(),
                "for" | "over" | "within"
            )
            && !matches!(u, TUnit::WEEKEND)
        {
            if ago {
                return Some((i + 2, Sem::Ref(TimeRef::Past)));
            }
            return Some((i + 1, Sem::duration(None, u)));
        }
        if plural && ago {
            return Some((i + 2, Sem::Ref(TimeRef::Past)));
        }
        None
    }

    /// "recent years", "several days", "a few weeks": an unspecified duration.
    pub(super) fn at_some_units(&self, i: usize) -> Option<(usize, Sem)> {
        if !(self.is_quantifier(i) || (self.t.is(i, "a") && self.t.is(i + 1, "few"))) {
            return None;
        }
        let k = if self.t.is(i, "a") { i + 2 } else { i + 1 };
        match self.unit(k) {
            Some((u, true)) if u != TUnit::WEEKEND => Some((k + 1, Sem::duration(None, u))),
            _ => None,
        }
    }
}
