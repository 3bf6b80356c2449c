//! Which times and numbers of two claims state the same fact, so that only those are
//! compared: a number with a number that counts the same thing for the same verb, a
//! date with the date of the same happening (the report's time with the report's).

use super::super::words::Word;
use super::{Amount, Frame, Shape, TimeFact, TimeRole};
use crate::model::TimeExpr;

/// Whether two claims' shapes let their times and numbers meet: a stamp dates its
/// article and meets nothing; a headline meets only headlines.
pub fn shapes_meet(a: Shape, b: Shape) -> bool {
    a != Shape::Stamp && b != Shape::Stamp && a == b
}

/// Whether the day of a report comes before the day of the past happening it reports,
/// which cannot be: "officials said Friday" against "the ship sank Saturday". A report
/// on the day of the happening or after it ("police said Sunday" against "the fire
/// broke out late Saturday") agrees; a happening in the future ("will reopen Friday")
/// may follow its announcement; days not placed in the calendar cannot be ordered.
pub fn report_precedes(report: &TimeExpr, happening: &TimeExpr, fact: &TimeFact) -> bool {
    if fact.tie.future || fact.game_period || fact.clock_only {
        return false;
    }
    match (report.interval, happening.interval) {
        (Some(r), Some(h)) => r.end < h.start,
        _ => false,
    }
}

impl Frame<'_> {
    /// Whether time `i` of this claim and time `j` of `other` date the same thing: the
    /// same role (happening or report) and the same verb and subject where known.
    pub fn times_correspond(&self, i: usize, other: &Frame<'_>, j: usize, words: Words) -> bool {
        let Some((x, y)) = self.meeting(other, self.times.get(i), other.times.get(j)) else {
            return false;
        };
        if x.game_period || y.game_period || x.names != y.names {
            return false;
        }
        // "Taunton Crown Court on 19 August" and "Taunton Magistrates' Court on Tuesday"
        // date hearings before two courts
        if two_names(&x.anchor_name, &y.anchor_name) {
            return false;
        }
        if let (Some(p), Some(q)) = (&x.anchor, &y.anchor) {
            if p == q {
                return true;
            }
        }
        // a clock time alone dates a moment of one act: the first call, the fire put out,
        // the march setting off are moments of one story hours apart
        let one_act = |p: &Option<String>, q: &Option<String>| p.is_some() && p == q;
        if (x.clock_only || y.clock_only) && !one_act(&x.tie.predicate, &y.tie.predicate) {
            return false;
        }
        // a time of one verb dates a "when" clause's verb too: "On Saturday, he was
        // handed the keys when he was unveiled" against "he was unveiled on Saturday"
        let dates_also = |f: &TimeFact, g: &TimeFact| f.also.is_some() && f.also == g.tie.predicate;
        if x.role == y.role && (dates_also(x, y) || dates_also(y, x)) {
            return true;
        }
        let (mine, theirs) = words;
        // two weekdays may date one act worded with two verbs ("retained the title by
        // scoring a knockout Sunday night" / "stopped him on Saturday night"), unless one
        // claim also has the other's verb; other times keep to the same verb
        // the start and the end of a happening are two moments, however worded
        let phase_of = |f: &TimeFact| f.tie.predicate.as_deref().and_then(phase);
        let ends_apart = phase_of(x).zip(phase_of(y)).is_some_and(|(p, q)| p != q);
        let reworded =
            (x.weekday && y.weekday && !ends_apart).then_some((&self.verbs[..], &other.verbs[..]));
        x.role == y.role
            && x.tie.corresponds(
                &y.tie,
                x.role == TimeRole::Happening,
                reworded,
                mine,
                theirs,
            )
    }

    /// Whether number `i` of this claim and number `j` of `other` count the same thing
    /// for the same verb.
    pub fn amounts_correspond(&self, i: usize, other: &Frame<'_>, j: usize, words: Words) -> bool {
        let Some((x, y)) = self.meeting(other, self.amounts.get(i), other.amounts.get(j)) else {
            return false;
        };
        let (mine, theirs) = words;
        let acts = (acting(x), acting(y));
        same_thing(x, y)
            && x.change == y.change
            && (!(x.label || y.label) || models_meet(x, y))
            && (!(article_one(x) || article_one(y)) || same_act(x, y))
            && super::owner::owners_meet(x.owner.as_ref(), y.owner.as_ref(), acts)
            && !named_apart(x, y)
            && !named_apart(y, x)
            && x.tie.corresponds(
                &y.tie,
                true,
                Some((&self.verbs, &other.verbs)),
                mine,
                theirs,
            )
    }

    /// Two items, one of this claim and one of `other`, when both exist and the two
    /// claims' shapes let their items meet.
    fn meeting<'f, T>(
        &self,
        other: &Frame<'_>,
        mine: Option<&'f T>,
        theirs: Option<&'f T>,
    ) -> Option<(&'f T, &'f T)> {
        shapes_meet(self.shape, other.shape).then_some((mine?, theirs?))
    }
}

/// Whether two names are of two things: both known, and neither has every word of
/// the other ("Harbor Court" and "Kell Harbor Court" are one).
fn two_names(a: &[String], b: &[String]) -> bool {
    let within = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    !a.is_empty() && !b.is_empty() && !within(a, b) && !within(b, a)
}

/// Whether a verb (a word of the claim or its canonical form) starts a happening
/// (`true`: "began", "opened") or ends it (`false`: "ended", "closed", "finished").
pub(in crate::reconcile) fn phase(verb: &str) -> Option<bool> {
    const STARTS: &[&str] = &[
        "begin", "begins", "began", "begun", "start", "starts", "started", "open", "opens",
        "opened",
    ];
    const ENDS: &[&str] = &[
        "end", "ends", "ended", "clos", "close", "closes", "closed", "finish", "finishes",
        "finished",
    ];
    if STARTS.contains(&verb) {
        Some(true)
    } else if ENDS.contains(&verb) {
        Some(false)
    } else {
        None
    }
}

/// The verb a number belongs to, when that verb does something.
fn acting<'x>(a: &'x Amount<'_>) -> Option<&'x str> {
    a.tie.acts().then_some(a.tie.predicate.as_deref()).flatten()
}

/// The words of the two claims compared, each claim's own.
pub type Words<'w, 'a, 'b> = (&'w [Word<'a>], &'w [Word<'b>]);

/// Whether two numbers count or measure the same thing: the same unit or counted noun
/// ("five people" and "two people"; "$13 billion" and "$22 billion"), a unit and the
/// noun the other is the value of ("6.1-magnitude" and "a magnitude of 5.9"; "a 4.2
/// magnitude earthquake" and "a magnitude of 4.4"), or, for
/// two bare numbers, the same noun before them or the same words around them.
fn same_thing(x: &Amount<'_>, y: &Amount<'_>) -> bool {
    if let (Some(h), Some(k)) = (&x.head, &y.head) {
        if h != k {
            return false;
        }
    }
    match (&x.thing, &y.thing) {
        (Some(s), Some(t)) => s == t,
        (Some(s), None) => y.head.is_some() && (y.head.as_ref() == Some(s) || y.head == x.unit),
        (None, Some(t)) => x.head.is_some() && (x.head.as_ref() == Some(t) || x.head == y.unit),
        (None, None) => {
            x.head.is_some() && x.head == y.head
                || x.context.0.is_some() && x.context.0 == y.context.0
                || x.context.1.is_some() && x.context.1 == y.context.1
        }
    }
}

/// Whether `x` belongs to a named owner ("the Red Sox offer was", or the owner an
/// "it" points back to) and `y`, of no owner read, to a verb whose subject is another
/// name ("the Nationals have offered"): two owners' figures, never one fact.
fn named_apart(x: &Amount<'_>, y: &Amount<'_>) -> bool {
    match (&x.owner, &y.owner, &y.tie.subject) {
        (Some(super::Owner::Named(n)), None, Some(s)) if y.tie.subject_named => {
            !super::owner::names_meet(n, s)
        }
        _ => false,
    }
}

/// Two sizes of which one stands alone for a model named elsewhere ("the 15-inch will
/// sell" against "the 11-inch Orla Air"): the one standing alone is compared only with
/// a size that names no model either, since which model it stands for is not read.
fn models_meet(x: &Amount<'_>, y: &Amount<'_>) -> bool {
    use super::Owner::Named;
    match (&x.owner, &y.owner) {
        (Some(Named(a)), Some(Named(b))) => a == b,
        (Some(Named(_)), _) | (_, Some(Named(_))) => false,
        _ => true,
    }
}

/// A one written as "a" or "an" ("spent a day in custody", "for an hour"): a figure of
/// speech as often as a count, compared only with a number of the same act.
fn article_one(a: &Amount<'_>) -> bool {
    let text = a.quantity.text.to_ascii_lowercase();
    a.quantity.value == 1.0 && (text.starts_with("a ") || text.starts_with("an "))
}

/// Whether two numbers belong to one verb that does something, named on both sides.
fn same_act(x: &Amount<'_>, y: &Amount<'_>) -> bool {
    acting(x).is_some() && acting(x) == acting(y)
}
