//! The date and quantity disagreements between two claims, compared fact by fact: a
//! time only with the time of the same happening (or of the same report), a number only
//! with a number that counts the same thing for the same verb. Items of one value are set
//! aside first, so that a list in another order or a date read against two publication
//! years is no disagreement.

use super::super::compare::{quantities_compatible, times_compatible, Loc, Pair};
use super::super::facts::Facts;
use super::{report_precedes, shapes_meet, TimeRole};
use crate::model::{TimeExpr, TimeValue};

/// Pairs the items of two claims that state one fact each and disagree: items that
/// state the same value (`same`, whatever their place: "ages 9 and 14" against "ages 14
/// and 9") and then items that `correspond` (state the same fact) and do not disagree
/// are set aside first; then a
/// left item whose only corresponding left item on the other side disagrees with it
/// (and is that item's only one) is a conflict, and so is a left item that disagrees
/// with each of several (shown against the first `alike` it: a day with a day, a clock
/// time with a clock time). Other items that correspond to several are a guess, and
/// guesses make false alarms.
fn conflicts(
    n: usize,
    m: usize,
    same: impl Fn(usize, usize) -> bool,
    correspond: impl Fn(usize, usize) -> bool,
    alike: impl Fn(usize, usize) -> bool,
    compatible: impl Fn(usize, usize) -> Option<bool>,
) -> Vec<(usize, usize)> {
    let mut used = vec![false; m];
    let mut set_aside = vec![false; n];
    for (i, done) in set_aside.iter_mut().enumerate() {
        if let Some(j) = (0..m).find(|&j| !used[j] && same(i, j)) {
            used[j] = true;
            *done = true;
        }
    }
    let mut left = Vec::new();
    for i in (0..n).filter(|&i| !set_aside[i]) {
        match (0..m).find(|&j| !used[j] && correspond(i, j) && compatible(i, j) != Some(false)) {
            Some(j) => used[j] = true,
            None => left.push(i),
        }
    }
    let right: Vec<usize> = (0..m).filter(|&j| !used[j]).collect();
    let mut out = Vec::new();
    for &i in &left {
        let partners: Vec<usize> = right
            .iter()
            .copied()
            .filter(|&j| correspond(i, j))
            .collect();
        let j = match partners.as_slice() {
            &[] => continue,
            &[j] => {
                let rivals = left.iter().filter(|&&k| correspond(k, j)).count();
                if rivals > 1 || compatible(i, j) != Some(false) {
                    continue;
                }
                j
            }
            // several partners, each of which it contradicts ("Sunday" against "from 7
            // a.m. Monday until 8 p.m. Monday"): shown against the one alike it
            several => {
                if several.iter().any(|&j| compatible(i, j) != Some(false)) {
                    continue;
                }
                several
                    .iter()
                    .copied()
                    .find(|&j| alike(i, j))
                    .unwrap_or(several[0])
            }
        };
        out.push((i, j));
    }
    out
}

/// Whether two claims are copies of one text: a copy cannot disagree with itself,
/// whatever the two publication dates make of its relative days.
fn copies(a: &Facts, b: &Facts) -> bool {
    a.claim.text.trim() == b.claim.text.trim()
}

/// Whether time `i` of `a` and time `j` of `b` can be the same time, read as facts: a
/// relative day inside a quotation ("how many kids will you kill today") is compared as
/// written, since the day it was said is not the article's; a clock time with no day
/// stated is compared by the clock only.
fn times_agree(a: &Facts, i: usize, b: &Facts, j: usize) -> Option<bool> {
    let (ta, tb) = (a.times.get(i)?, b.times.get(j)?);
    let (x, y) = (a.frame.times.get(i)?, b.frame.times.get(j)?);
    if written_alike(ta, tb) {
        return Some(true);
    }
    if (x.deictic && x.quoted) || (y.deictic && y.quoted) {
        return None;
    }
    if let Some(agree) = within_deadline(a, ta, b, tb) {
        return Some(agree);
    }
    if let Some(same) = symbolic_months(&ta.value, &tb.value) {
        return Some(same);
    }
    if x.clock_only || y.clock_only {
        let clock = |t: &TimeExpr| match t.value.time_of_day() {
            Some(c @ crate::model::TimeOfDay::Clock { .. }) => Some(c.minutes()),
            _ => None,
        };
        return match (clock(ta), clock(tb)) {
            (Some(p), Some(q)) => Some(p == q),
            _ => None,
        };
    }
    times_compatible(ta, tb)
}

/// Words right before a time that make it a bound the happening came before ("the
/// fire was out by 7 a.m.", "before noon").
const DEADLINE_WORDS: &[&str] = &["by", "before"];

/// Whether time `t` of claim `f` is a deadline: a [`DEADLINE_WORDS`] word right before it.
fn deadline(f: &Facts, t: &TimeExpr) -> bool {
    let before = f.doc.text.get(..t.span.start).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    DEADLINE_WORDS.contains(&word.as_str())
}

/// Two times of which one or both are deadlines: "by 7 a.m." and "by 6:40 a.m." are
/// both true, and "at 6:40 a.m." came by 7; only a time after the deadline disagrees
/// with it (that is left to the plain comparison, `None`).
fn within_deadline(a: &Facts, ta: &TimeExpr, b: &Facts, tb: &TimeExpr) -> Option<bool> {
    let (da, db) = (deadline(a, ta), deadline(b, tb));
    if da && db {
        return Some(true);
    }
    let (bound, point) = match (da, db) {
        (true, false) => (ta, tb),
        (false, true) => (tb, ta),
        _ => return None,
    };
    let clock = |t: &TimeExpr| match t.value.time_of_day() {
        Some(c @ crate::model::TimeOfDay::Clock { .. }) => Some(c.minutes()),
        _ => None,
    };
    let same_day = match (bound.interval, point.interval) {
        (Some(p), Some(q)) => p.start == q.start && p.end == q.end,
        _ => true,
    };
    let earlier = match (clock(bound), clock(point)) {
        (Some(d), Some(t)) if same_day => t <= d,
        _ => match (bound.interval, point.interval) {
            (Some(d), Some(t)) => t.start <= d.end && clock(bound).is_none(),
            _ => false,
        },
    };
    earlier.then_some(true)
}

/// A claim that dates only its report against one that dates only its happening, one
/// time each: they disagree only when the report would come before what it reports
/// ("officials said Friday" against "the ship sank on Saturday").
fn report_before_happening(a: &Facts, b: &Facts) -> Option<(usize, usize)> {
    let (&[ta], &[tb]) = (a.times.as_slice(), b.times.as_slice()) else {
        return None;
    };
    let (x, y) = (a.frame.times.first()?, b.frame.times.first()?);
    if !shapes_meet(a.frame.shape, b.frame.shape) || x.role == y.role {
        return None;
    }
    let precedes = if x.role == TimeRole::Reporting {
        report_precedes(ta, tb, y)
    } else {
        report_precedes(tb, ta, x)
    };
    precedes.then_some((0, 0))
}

/// Two months (or days of months) in no known year, as undated articles give them ("In
/// September" against "In October"): they are one time only with the same month and
/// day.
fn symbolic_months(a: &TimeValue, b: &TimeValue) -> Option<bool> {
    use crate::model::CalendarValue::{MonthDay, MonthOfYear};
    match (a.calendar()?, b.calendar()?) {
        (MonthOfYear(x), MonthOfYear(y)) => Some(x == y),
        (MonthDay { month: x, day: d }, MonthDay { month: y, day: e }) => Some(x == y && d == e),
        (MonthDay { month: x, .. }, MonthOfYear(y))
        | (MonthOfYear(x), MonthDay { month: y, .. }) => (x != y).then_some(false),
        _ => None,
    }
}

/// Whether two times are written alike ("May 3" and "May 3"): the same words name the
/// same time in two reports of one story, whatever year or week each article's date
/// makes of them.
pub(in crate::reconcile) fn written_alike(a: &TimeExpr, b: &TimeExpr) -> bool {
    let fold = |t: &TimeExpr| {
        t.text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    fold(a) == fold(b)
}

/// The date disagreements between two claims: times of the same happening (or of the
/// same report) that cannot be the same time.
pub fn date(a: &Facts, b: &Facts) -> Vec<Pair> {
    if copies(a, b) {
        return Vec::new();
    }
    let found = conflicts(
        a.times.len(),
        b.times.len(),
        |i, j| written_alike(a.times[i], b.times[j]),
        |i, j| {
            a.frame
                .times_correspond(i, &b.frame, j, (&a.words, &b.words))
                && times_agree(a, i, b, j).is_some()
        },
        |i, j| a.times[i].value.time_of_day().is_some() == b.times[j].value.time_of_day().is_some(),
        |i, j| times_agree(a, i, b, j),
    );
    let found = if found.is_empty() {
        report_before_happening(a, b).into_iter().collect()
    } else {
        found
    };
    found
        .into_iter()
        .map(|(i, j)| Pair {
            a: Loc::Time(i),
            b: Loc::Time(j),
            ops: Vec::new(),
        })
        .collect()
}

/// The quantity disagreements between two claims: numbers that count the same thing
/// for the same verb and cannot be the same amount.
pub fn quantity(a: &Facts, b: &Facts) -> Vec<Pair> {
    if copies(a, b) {
        return Vec::new();
    }
    let (xs, ys) = (&a.frame.amounts, &b.frame.amounts);
    let states = |f: &Facts, v: &crate::model::QuantityValue| {
        f.frame
            .amounts
            .iter()
            .any(|x| x.quantity.normalized() == *v)
    };
    conflicts(
        xs.len(),
        ys.len(),
        |i, j| {
            xs[i].thing == ys[j].thing && xs[i].quantity.normalized() == ys[j].quantity.normalized()
        },
        |i, j| {
            a.frame
                .amounts_correspond(i, &b.frame, j, (&a.words, &b.words))
                && quantities_compatible(&xs[i].quantity, &ys[j].quantity).is_some()
        },
        |_, _| true,
        |i, j| quantities_compatible(&xs[i].quantity, &ys[j].quantity),
    )
    .into_iter()
    // each side also states the other's value ("at first base and at third" against
    // "from first to third base"): the same figures, paired otherwise
    .filter(|&(i, j)| {
        !(states(b, &xs[i].quantity.normalized()) && states(a, &ys[j].quantity.normalized()))
    })
    .map(|(i, j)| Pair {
        a: Loc::Quantity(i),
        b: Loc::Quantity(j),
        ops: Vec::new(),
    })
    .collect()
}
