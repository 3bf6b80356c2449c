//! Finding temporal expressions in a token stream and reading their meaning, before
//! any anchor is applied.

use super::DateOrder;
use crate::extract::lex::{Edge, Part, TKind, TUnit, Tense, TimeWord, Tok, Tokens};

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
    /// A season (0 spring .. 3 winter).
    Season {
        y: Option<i32>,
        s: u8,
        shift: Option<i8>,
    },
    /// A quarter 1-4.
    Quarter { y: Option<i32>, q: u32 },
    /// A weekday (ISO 1-7), possibly "last/this/next", possibly with a part of day.
    Weekday {
        wd: u32,
        shift: Option<i8>,
        part: Option<Part>,
    },
    /// A day relative to the anchor (yesterday, today, tonight).
    RelDay { offset: i64, part: Option<Part> },
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
    /// A length of time (TIMEX3 value already built).
    Duration(String),
    /// A vague reference (PRESENT_REF, PAST_REF, FUTURE_REF).
    Ref(&'static str),
    /// A recurrence (TIMEX3 value already built).
    Set(String),
}

/// One expression found: token range (half-open) and meaning.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub first: usize,
    pub last: usize,
    pub sem: Sem,
    pub tense: Option<Tense>,
}

struct P<'a> {
    t: Tokens<'a>,
    order: DateOrder,
}

const PREP_MONTH: &[&str] = &[
    "in", "since", "until", "till", "by", "of", "from", "through", "before", "after", "during",
    "early", "mid", "late", "end", "last", "next", "this", "to", "and", "between", "on",
];

impl<'a> P<'a> {
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
        if (1000..=2199).contains(&v)
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
        if self.t.glued(j)
            && matches!(
                self.t.s(j).to_ascii_lowercase().as_str(),
                "st" | "nd" | "rd" | "th"
            )
        {
            j += 1;
        }
        Some((d, j))
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
        if abbr && !(self.t.s(i + 1) == "." && self.t.glued(i + 1)) {
            return None;
        }
        Some((wd, plural))
    }
    fn part(&self, i: usize) -> Option<Part> {
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
                if s.bytes().all(|b| b.is_ascii_digit() || b == b'.') && s.len() <= 6 {
                    s.parse::<f64>().ok().map(|v| (v, i + 1))
                } else {
                    None
                }
            }
            TKind::Word => {
                if allow_a && (self.t.is(i, "a") || self.t.is(i, "an")) {
                    return Some((1.0, i + 1));
                }
                let (v, scale) = t.entry?.number?;
                if scale {
                    return None;
                }
                let mut v = v;
                let mut j = i + 1;
                // twenty-five
                if v >= 20.0 && self.t.s(j) == "-" && self.t.glued(j) && self.t.glued(j + 1) {
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
    fn is_quantifier(&self, i: usize) -> bool {
        self.time(i) == Some(TimeWord::Quant) || self.t.is(i, "coming")
    }
}

fn unit_code(u: TUnit) -> (&'static str, &'static str) {
    match u {
        TUnit::Minute => ("PT", "M"),
        TUnit::Hour => ("PT", "H"),
        TUnit::Day => ("P", "D"),
        TUnit::Week | TUnit::Weekend => ("P", "W"),
        TUnit::Fortnight => ("P", "W"),
        TUnit::Month => ("P", "M"),
        TUnit::Quarter => ("P", "Q"),
        TUnit::Year => ("P", "Y"),
        TUnit::Decade => ("P", "DE"),
        TUnit::Century => ("P", "CE"),
    }
}

/// `P3D`, `PT2H`, `P1.5Y`; fortnights are counted in weeks.
pub(crate) fn duration_value(n: Option<f64>, u: TUnit) -> String {
    let (p, c) = unit_code(u);
    match n {
        None => format!("{p}X{c}"),
        Some(v) => {
            // Fortnights are counted in weeks, decades and centuries in years (as
            // TimeBank does: "a decade" is P10Y).
            let (v, c) = match u {
                TUnit::Fortnight => (v * 2.0, c),
                TUnit::Decade => (v * 10.0, "Y"),
                TUnit::Century => (v * 100.0, "Y"),
                _ => (v, c),
            };
            if v.fract() == 0.0 {
                format!("{p}{}{c}", v as i64)
            } else {
                format!("{p}{v}{c}")
            }
        }
    }
}

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
        f.tense = tense_near(&p, f.first, f.last);
    }
    out
}

fn word_past(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 5 && b.ends_with(b"ed") && !b.ends_with(b"eed") && b[0].is_ascii_lowercase()
}

/// The tense of the clause around tokens `first..last`: the nearest cue within a
/// few words, not crossing a sentence end.
fn tense_near(p: &P, first: usize, last: usize) -> Option<Tense> {
    let cue = |i: usize| -> Option<Tense> {
        let t = p.t.toks.get(i)?;
        if t.kind != TKind::Word {
            return None;
        }
        if let Some(te) = t.entry.and_then(|e| e.tense) {
            // "due to", "set to", "expected to" are future only before "to".
            let s = p.t.s(i).to_ascii_lowercase();
            if matches!(
                s.as_str(),
                "due"
                    | "set"
                    | "expected"
                    | "scheduled"
                    | "going"
                    | "plans"
                    | "plan"
                    | "planned"
                    | "intends"
                    | "aims"
                    | "hopes"
            ) {
                let next_ok = p.t.is(i + 1, "to")
                    || (s.starts_with("plan")
                        && ["a", "an", "for"].iter().any(|w| p.t.is(i + 1, w)));
                return if next_ok || s == "scheduled" {
                    Some(Tense::Future)
                } else {
                    None
                };
            }
            return Some(te);
        }
        if p.t.is(i, "next") || p.t.is(i, "coming") {
            return Some(Tense::Future);
        }
        if word_past(p.t.s(i)) {
            return Some(Tense::Past);
        }
        None
    };
    // A participle after "be" ("will be held", "is due to be published") is no past.
    let cue = |i: usize| -> Option<Tense> {
        let c = cue(i)?;
        if c == Tense::Past
            && i > 0
            && ["be", "is", "are", "been", "being", "'s", "am"]
                .iter()
                .any(|w| p.t.is(i - 1, w))
        {
            return None;
        }
        Some(c)
    };
    let stop = |i: usize| matches!(p.t.s(i), "." | "!" | "?" | ";");
    let found = |t: Tense| match t {
        Tense::Present => Some(Tense::Future),
        t => Some(t),
    };
    let (mut back_open, mut fwd_open) = (true, true);
    for d in 1..=8usize {
        let back = first.checked_sub(d).filter(|_| back_open);
        if let Some(i) = back {
            if stop(i) {
                back_open = false;
            } else if let Some(t) = cue(i) {
                // A strong future cue just as near ahead wins ("said ... will ... on
                // Friday" is settled by "will").
                let fwd = last + d - 1;
                if fwd_open && d <= 6 && !(last..=fwd).any(stop) && cue(fwd) == Some(Tense::Future)
                {
                    return Some(Tense::Future);
                }
                return found(t);
            }
        }
        let j = last + d - 1;
        if fwd_open && d <= 6 && j < p.t.toks.len() {
            if stop(j) {
                fwd_open = false;
            } else if let Some(t) = cue(j) {
                return found(t);
            }
        }
    }
    None
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
        // "the" only starts durations ("the past three years") and "the weekend", "the 1990s".
        if self.t.is(i, "the") {
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
            if self.t.is(i + 1, "moment") && i > 0 && self.t.is(i - 1, "at") {
                return Some((i + 2, Sem::Ref("PRESENT_REF")));
            }
            // "over the years", "for the decades": an unspecified duration.
            if let Some((u, true)) = self.unit(i + 1) {
                if i > 0
                    && ["over", "for", "through", "across", "throughout"]
                        .iter()
                        .any(|w| self.t.is(i - 1, w))
                    && !matches!(u, TUnit::Weekend)
                {
                    return Some((i + 2, Sem::Duration(duration_value(None, u))));
                }
            }
            // "earlier in the year", "for the year": the anchor's year.
            if self.t.is(i + 1, "year")
                && i > 0
                && ["in", "for", "during", "through", "throughout"]
                    .iter()
                    .any(|w| self.t.is(i - 1, w))
                && self.year(i + 2).is_none()
                && !matches!(self.t.s(i + 2), "-" | "'s" | "’s")
                && !self.t.is(i + 2, "before")
                && !self.t.is(i + 2, "after")
            {
                return Some((
                    i + 2,
                    Sem::Rel {
                        unit: TUnit::Year,
                        offset: 0,
                        edge: None,
                        narrative: false,
                    },
                ));
            }
            // "the past", "the future", "the present" on their own are vague references.
            let next_is_unit = self.unit(i + 2).is_some()
                || self.amount(i + 2, false).is_some()
                || self.time(i + 2) == Some(TimeWord::Quant);
            if !next_is_unit {
                for (w, r) in [
                    ("past", "PAST_REF"),
                    ("future", "FUTURE_REF"),
                    ("present", "PRESENT_REF"),
                ] {
                    if self.t.is(i + 1, w) && !matches!(self.t.kind(i + 2), Some(TKind::Word))
                        || self.t.is(i + 1, w) && self.t.is(i + 2, "and")
                    {
                        return Some((i + 2, Sem::Ref(r)));
                    }
                }
            }
            // "the end of the year", "the beginning of March", "the middle of next week":
            // the period named (TIMEX3 would add a START/END modifier).
            if ["end", "beginning", "start", "middle"]
                .iter()
                .any(|w| self.t.is(i + 1, w))
                && self.t.is(i + 2, "of")
            {
                let k = i + 3;
                if self.t.is(k, "the") {
                    if let Some((u, false)) = self.unit(k + 1) {
                        if matches!(
                            u,
                            TUnit::Week
                                | TUnit::Month
                                | TUnit::Year
                                | TUnit::Quarter
                                | TUnit::Decade
                        ) {
                            return Some((
                                k + 2,
                                Sem::Rel {
                                    unit: u,
                                    offset: 0,
                                    edge: None,
                                    narrative: false,
                                },
                            ));
                        }
                    }
                }
                // One level only: "the end of the end of ..." must not recurse deeply.
                let nested = ["end", "beginning", "start", "middle"]
                    .iter()
                    .any(|w| self.t.is(k + 1, w));
                if nested {
                    return None;
                }
                if let Some((e, sem)) = self.at(k) {
                    if !matches!(sem, Sem::Duration(_) | Sem::Set(_) | Sem::Ref(_)) {
                        return Some((e, sem));
                    }
                }
                return None;
            }
            if let Some(r) = self.at_quarter(i + 1) {
                return Some(r);
            }
            return None;
        }
        if self.t.is(i, "every") || self.t.is(i, "each") {
            if let Some((wd, _)) = self.weekday(i + 1) {
                return Some((i + 2, Sem::Set(format!("XXXX-WXX-{wd}"))));
            }
            if let Some((u, false)) = self.unit(i + 1) {
                return Some((i + 2, Sem::Set(duration_value(Some(1.0), u))));
            }
            // "every three months"
            if let Some((n, j)) = self.amount(i + 1, false) {
                if let Some((u, _)) = self.unit(j) {
                    return Some((j + 1, Sem::Set(duration_value(Some(n), u))));
                }
            }
            return None;
        }
        if let Some(r) = self.at_amount(i) {
            return Some(r);
        }
        // "recent years", "several days", "a few weeks": an unspecified duration.
        if self.is_quantifier(i) || (self.t.is(i, "a") && self.t.is(i + 1, "few")) {
            let k = if self.t.is(i, "a") { i + 2 } else { i + 1 };
            if let Some((u, true)) = self.unit(k) {
                if u != TUnit::Weekend {
                    return Some((k + 1, Sem::Duration(duration_value(None, u))));
                }
            }
        }
        if let Some((m, j)) = self.month(i) {
            return self.at_month(i, m, j);
        }
        if let Some((wd, plural)) = self.weekday(i) {
            if plural {
                return Some((i + 1, Sem::Set(format!("XXXX-WXX-{wd}"))));
            }
            return Some(self.at_weekday(i, wd, None));
        }
        let s = self.t.s(i);
        if s.len() == 2 && (s.starts_with('Q') || s.starts_with('q')) {
            if let Ok(q @ 1..=4) = s[1..].parse::<u32>() {
                let y = self.year(i + 1);
                return Some((i + 1 + usize::from(y.is_some()), Sem::Quarter { y, q }));
            }
        }
        if let Some(r) = self.at_quarter(i) {
            return Some(r);
        }
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
            TimeWord::Season(s) => {
                let prev_ok = i > 0 && (self.t.is(i - 1, "the") || self.t.is(i - 1, "in"));
                if let Some(y) = self.year(i + 1) {
                    return Some((
                        i + 2,
                        Sem::Season {
                            y: Some(y),
                            s,
                            shift: None,
                        },
                    ));
                }
                if self.t.is(i + 1, "of") {
                    if let Some(y) = self.year(i + 2) {
                        return Some((
                            i + 3,
                            Sem::Season {
                                y: Some(y),
                                s,
                                shift: None,
                            },
                        ));
                    }
                    return None;
                }
                if prev_ok && !self.t.toks[i].cap {
                    return Some((
                        i + 1,
                        Sem::Season {
                            y: None,
                            s,
                            shift: None,
                        },
                    ));
                }
                None
            }
            TimeWord::Holiday(m, d) => {
                if !self.t.toks[i].cap {
                    return None;
                }
                if let Some(y) = self.year(i + 1) {
                    return Some((
                        i + 2,
                        Sem::Date {
                            y: Some(y),
                            m: m as u32,
                            d: d as u32,
                        },
                    ));
                }
                Some((
                    i + 1,
                    Sem::Date {
                        y: None,
                        m: m as u32,
                        d: d as u32,
                    },
                ))
            }
            TimeWord::Clock(h) => Some((i + 1, Sem::Clock { h: h as u32, m: 0 })),
            TimeWord::Set(u) => Some((i + 1, Sem::Set(duration_value(Some(1.0), u)))),
            TimeWord::Unit(u, plural) => {
                if plural && i > 0 && self.is_quantifier(i - 1) && !matches!(u, TUnit::Weekend) {
                    return None;
                }
                // "year-old" is an age (a duration of one year), not a date.
                // "week-long", "day-long": a duration of one unit.
                if !plural
                    && self.t.s(i + 1) == "-"
                    && self.t.glued(i + 1)
                    && self.t.is(i + 2, "long")
                {
                    return Some((i + 3, Sem::Duration(duration_value(Some(1.0), u))));
                }
                if !plural
                    && self.t.s(i + 1) == "-"
                    && self.t.glued(i + 1)
                    && self.t.is(i + 2, "old")
                {
                    return Some((i + 3, Sem::Duration(duration_value(Some(1.0), u))));
                }
                // "for years", "in recent months": an unspecified duration.
                if plural
                    && i > 0
                    && matches!(
                        self.t.s(i - 1).to_ascii_lowercase().as_str(),
                        "for" | "over" | "within"
                    )
                    && !matches!(u, TUnit::Weekend)
                {
                    if self.time(i + 1) == Some(TimeWord::Ago) {
                        return Some((i + 2, Sem::Ref("PAST_REF")));
                    }
                    return Some((i + 1, Sem::Duration(duration_value(None, u))));
                }
                if plural && self.time(i + 1) == Some(TimeWord::Ago) {
                    return Some((i + 2, Sem::Ref("PAST_REF")));
                }
                None
            }
            _ => None,
        }
    }

    /// "the first quarter (of 2023)", "first-quarter".
    fn at_quarter(&self, i: usize) -> Option<(usize, Sem)> {
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
        let mut y = None;
        if self.t.is(j, "of") {
            if let Some(yy) = self.year(j + 1) {
                y = Some(yy);
                j += 2;
            }
        } else if let Some(yy) = self.year(j) {
            y = Some(yy);
            j += 1;
        }
        let start = if i > 0 && self.t.is(i - 1, "the") {
            i - 1
        } else {
            i
        };
        let _ = start;
        Some((j, Sem::Quarter { y, q }))
    }

    /// Expressions that start with a number token.
    fn at_number(&self, i: usize) -> Option<(usize, Sem)> {
        let s = self.t.s(i);
        let b = s.as_bytes();
        // 2023-03-01 and 2023-03
        if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
            let y = s[0..4].parse::<i32>().ok()?;
            let m = s[5..7].parse::<u32>().ok()?;
            let d = s[8..10].parse::<u32>().ok()?;
            crate::model::Date::from_ymd(y, m, d)?;
            return Some((i + 1, Sem::Date { y: Some(y), m, d }));
        }
        if b.len() == 7 && b[4] == b'-' {
            let y = s[0..4].parse::<i32>().ok()?;
            let m = s[5..7].parse::<u32>().ok()?;
            if (1..=12).contains(&m) && (1000..=2199).contains(&y) {
                return Some((
                    i + 1,
                    Sem::Month {
                        y: Some(y),
                        m,
                        shift: None,
                    },
                ));
            }
            return None;
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
                if (1000..=2190).contains(&v) && v % 10 == 0 {
                    return Some((i + 2, Sem::Decade(v as i32 / 10)));
                }
            }
        }
        // 21st century
        if let Some((n, j)) = self.day_num(i) {
            if j == i + 2 && self.t.is(j, "century") {
                return Some((j + 1, Sem::Century(n as i32 - 1)));
            }
        }
        // 1 March (2023)
        if let Some((d, j)) = self.day_num(i) {
            let k = if self.t.is(j, "of") { j + 1 } else { j };
            if let Some((m, k2)) = self.month(k) {
                if let Some((y, end)) = self.opt_year(k2) {
                    return Self::checked_date(y, m, d).map(|s| (end, s));
                }
                return Self::checked_date(None, m, d).map(|s| (k2, s));
            }
        }
        if let Some(r) = self.at_amount(i) {
            return Some(r);
        }
        if let Some(y) = self.year(i) {
            // Not a year: "$2013", "2013 percent", "2013 people".
            if i > 0
                && self.t.toks[i - 1].entry.is_some_and(|e| e.unit.is_some())
                && self.t.glued(i)
            {
                return None;
            }
            if self
                .t
                .toks
                .get(i + 1)
                .and_then(|t| t.entry)
                .is_some_and(|e| e.unit.is_some() || e.number.is_some())
            {
                return None;
            }
            // Outside 1900-2100 a four-digit number is a year only where one is expected
            // ("in 1648", "since 1991" is fine anyway; "1500 people" is a count).
            if !(1900..=2100).contains(&y) {
                let prev_ok = i > 0
                    && [
                        "in", "since", "from", "until", "of", "by", "to", "between", "and",
                        "early", "mid", "late", "around", "before", "after",
                    ]
                    .iter()
                    .any(|w| self.t.is(i - 1, w));
                if !prev_ok {
                    return None;
                }
            }
            // "a 2013 people": a four-digit count after an article is not a year.
            if i > 0
                && (self.t.is(i - 1, "a") || self.t.is(i - 1, "an"))
                && self
                    .t
                    .toks
                    .get(i + 1)
                    .is_some_and(|t| t.kind == TKind::Word && !t.cap)
                && !self.t.glued(i)
            {
                let next = self.t.s(i + 1);
                if next.ends_with('s') && !next.ends_with("ss") {
                    return None;
                }
            }
            return Some((i + 1, Sem::Year(y)));
        }
        None
    }

    /// An optional ", 2023" or " 2023" after a day and month; (year, next index).
    fn opt_year(&self, j: usize) -> Option<(Option<i32>, usize)> {
        if self.t.s(j) == "," {
            if let Some(y) = self.year(j + 1) {
                return Some((Some(y), j + 2));
            }
        }
        self.year(j).map(|y| (Some(y), j + 1))
    }

    fn checked_date(y: Option<i32>, m: u32, d: u32) -> Option<Sem> {
        // Without a year, 29 February must stay possible.
        crate::model::Date::from_ymd(y.unwrap_or(2000), m, d)?;
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
            let prev_ok = i > 0
                && (["on", "since", "until", "by", "from", "to"]
                    .iter()
                    .any(|w| self.t.is(i - 1, w))
                    || self.weekday(i - 1).is_some());
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

    /// "three days ago", "two years", "a three-day visit", "70-year-old", "a year ago".
    fn at_amount(&self, i: usize) -> Option<(usize, Sem)> {
        let (n, j) = self.amount(i, true)?;
        let hyphen = self.t.s(j) == "-" && self.t.glued(j) && self.t.glued(j + 1);
        let k = if hyphen { j + 1 } else { j };
        let (u, _plural) = self.unit(k)?;
        if u == TUnit::Weekend {
            return None;
        }
        let a_form = self.t.is(i, "a") || self.t.is(i, "an");
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
            return Some((end, Sem::Duration(duration_value(Some(n), u))));
        }
        if a_form && self.t.is(i, "an") && u != TUnit::Hour {
            return None;
        }
        let after = self.time(k + 1);
        if after == Some(TimeWord::Ago) {
            if matches!(u, TUnit::Hour | TUnit::Minute) || n.fract() != 0.0 {
                return Some((k + 2, Sem::Ref("PAST_REF")));
            }
            // "a decade ago" is the year ten years back (as TimeBank has it).
            let (unit, n) = match u {
                TUnit::Decade => (TUnit::Year, n * 10.0),
                TUnit::Century => (TUnit::Year, n * 100.0),
                TUnit::Fortnight => (TUnit::Week, n * 2.0),
                u => (u, n),
            };
            return Some((
                k + 2,
                Sem::Rel {
                    unit,
                    offset: -(n as i64),
                    edge: None,
                    narrative: false,
                },
            ));
        }
        if let Some(TimeWord::Edge(e)) = after {
            let w = self.t.s(k + 1).to_ascii_lowercase();
            if (w == "later" || w == "earlier")
                && n.fract() == 0.0
                && !matches!(u, TUnit::Hour | TUnit::Minute)
            {
                let off = if e == Edge::Late {
                    n as i64
                } else {
                    -(n as i64)
                };
                return Some((
                    k + 2,
                    Sem::Rel {
                        unit: u,
                        offset: off,
                        edge: None,
                        narrative: true,
                    },
                ));
            }
        }
        // "twice a year": a recurrence, left alone.
        if a_form
            && i > 0
            && ["once", "twice", "times", "per"]
                .iter()
                .any(|w| self.t.is(i - 1, w))
        {
            return None;
        }
        let mut end = k + 1;
        if self.t.is(end, "old") {
            end += 1;
        }
        Some((end, Sem::Duration(duration_value(Some(n), u))))
    }

    fn at_month(&self, i: usize, m: u32, j: usize) -> Option<(usize, Sem)> {
        // March 1(st)(, 2023)
        if let Some((d, k)) = self.day_num(j) {
            // "March 2023" is handled below; a day number is 1-2 digits.
            if let Some((y, end)) = self.opt_year(k) {
                return Self::checked_date(y, m, d).map(|s| (end, s));
            }
            // Not "May 10 people": a following number word or unit makes it a quantity.
            return Self::checked_date(None, m, d).map(|s| (k, s));
        }
        let k = if self.t.s(j) == "," { j + 1 } else { j };
        if let Some(y) = self.year(k) {
            return Some((
                k + 1,
                Sem::Month {
                    y: Some(y),
                    m,
                    shift: None,
                },
            ));
        }
        if self.t.is(j, "of") {
            if let Some(y) = self.year(j + 1) {
                return Some((
                    j + 2,
                    Sem::Month {
                        y: Some(y),
                        m,
                        shift: None,
                    },
                ));
            }
        }
        if !self.bare_month_ok(i, m) {
            return None;
        }
        Some((
            j,
            Sem::Month {
                y: None,
                m,
                shift: None,
            },
        ))
    }

    fn at_weekday(&self, i: usize, wd: u32, shift: Option<i8>) -> (usize, Sem) {
        let mut j = i + 1;
        let abbr = self.t.toks[i]
            .entry
            .and_then(|e| e.weekday)
            .is_some_and(|w| w.2);
        if abbr && self.t.s(j) == "." && self.t.glued(j) {
            j += 1;
        }
        if shift.is_none() {
            // Wednesday, March 1(, 2023) / Wednesday 1 March
            let k = if self.t.s(j) == "," { j + 1 } else { j };
            if let Some((m, k2)) = self.month(k) {
                if let Some((d, k3)) = self.day_num(k2) {
                    if let Some((y, end)) = self.opt_year(k3) {
                        if let Some(s) = Self::checked_date(y, m, d) {
                            return (end, s);
                        }
                    }
                    if let Some(s) = Self::checked_date(None, m, d) {
                        return (k3, s);
                    }
                }
            }
            if let Some((d, k2)) = self.day_num(k) {
                if let Some((m, k3)) = self.month(k2) {
                    if let Some((y, end)) = self.opt_year(k3) {
                        if let Some(s) = Self::checked_date(y, m, d) {
                            return (end, s);
                        }
                    }
                    if let Some(s) = Self::checked_date(None, m, d) {
                        return (k3, s);
                    }
                }
            }
        }
        if let Some(p) = self.part(j) {
            return (
                j + 1,
                Sem::Weekday {
                    wd,
                    shift,
                    part: Some(p),
                },
            );
        }
        (
            j,
            Sem::Weekday {
                wd,
                shift,
                part: None,
            },
        )
    }

    /// last/this/next/past/previous/coming + weekday, month, season, unit, or amount.
    fn at_shift(&self, i: usize, after_the: bool) -> Option<(usize, Sem)> {
        let Some(TimeWord::Shift(k)) = self.time(i) else {
            return None;
        };
        let word = self.t.s(i).to_ascii_lowercase();
        let j = i + 1;
        // "this past week(end)": the one before the anchor's.
        if word == "this" && self.t.is(j, "past") {
            if let Some((u @ (TUnit::Week | TUnit::Weekend | TUnit::Month | TUnit::Year), false)) =
                self.unit(j + 1)
            {
                return Some((
                    j + 2,
                    Sem::Rel {
                        unit: u,
                        offset: -1,
                        edge: None,
                        narrative: false,
                    },
                ));
            }
        }
        if let Some((wd, false)) = self.weekday(j) {
            return Some(self.at_weekday(j, wd, Some(k)));
        }
        if let Some((m, e)) = self.month(j) {
            let (y, e2) = match self.year(e) {
                Some(y) => (Some(y), e + 1),
                None => (None, e),
            };
            if y.is_some() {
                return Some((e2, Sem::Month { y, m, shift: None }));
            }
            return Some((
                e,
                Sem::Month {
                    y: None,
                    m,
                    shift: Some(k),
                },
            ));
        }
        if let Some(TimeWord::Season(s)) = self.time(j) {
            return Some((
                j + 1,
                Sem::Season {
                    y: None,
                    s,
                    shift: Some(k),
                },
            ));
        }
        if let Some(p) = self.part(j) {
            // this morning, last night, tonight
            let offset = if k < 0 && p == Part::Night { -1 } else { 0 };
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
        let durational =
            word == "past" || (after_the && word == "last") || word == "coming" && after_the;
        // past three years, next two weeks, last few months
        let amount = self
            .amount(j, false)
            .map(|(n, e)| (Some(n), e))
            .or_else(|| {
                if self.is_quantifier(j) {
                    Some((None, j + 1))
                } else {
                    None
                }
            });
        if let Some((n, e)) = amount {
            if let Some((u, _)) = self.unit(e) {
                if u != TUnit::Weekend {
                    return Some((e + 1, Sem::Duration(duration_value(n, u))));
                }
            }
            return None;
        }
        let (u, plural) = self.unit(j)?;
        if plural {
            if durational || after_the {
                return Some((j + 1, Sem::Duration(duration_value(None, u))));
            }
            return None;
        }
        if durational {
            if u == TUnit::Weekend {
                return Some((
                    j + 1,
                    Sem::Rel {
                        unit: u,
                        offset: k.min(0) as i64,
                        edge: None,
                        narrative: false,
                    },
                ));
            }
            return Some((j + 1, Sem::Duration(duration_value(Some(1.0), u))));
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
    fn at_edge(&self, i: usize, e: Edge) -> Option<(usize, Sem)> {
        let mut j = i + 1;
        if self.t.s(j) == "-" && self.t.glued(j) {
            j += 1;
        }
        let word = self.t.s(i).to_ascii_lowercase();
        if let Some(y) = self.year(j) {
            return Some((j + 1, Sem::Year(y)));
        }
        if self.t.kind(j) == Some(TKind::Num) {
            if let Some((e, sem @ Sem::Decade(_))) = self.at_number(j) {
                return Some((e, sem));
            }
        }
        if let Some((m, k)) = self.month(j) {
            if let Some(y) = self.year(k) {
                return Some((
                    k + 1,
                    Sem::Month {
                        y: Some(y),
                        m,
                        shift: None,
                    },
                ));
            }
            return Some((
                k,
                Sem::Month {
                    y: None,
                    m,
                    shift: None,
                },
            ));
        }
        if let Some((wd, false)) = self.weekday(j) {
            return Some(self.at_weekday(j, wd, None));
        }
        if let Some(TimeWord::Shift(k)) = self.time(j) {
            if let Some((u, false)) = self.unit(j + 1) {
                if !matches!(
                    u,
                    TUnit::Hour | TUnit::Minute | TUnit::Fortnight | TUnit::Weekend
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
            if let Some((m, k2)) = self.month(j + 1) {
                return Some((
                    k2,
                    Sem::Month {
                        y: None,
                        m,
                        shift: Some(k),
                    },
                ));
            }
            return None;
        }
        // "said earlier." -> a vague past reference
        if word == "earlier" {
            let next_is_punct = matches!(self.t.kind(i + 1), Some(TKind::Punct) | None);
            let prev_verb = i > 0
                && (word_past(self.t.s(i - 1))
                    || self.t.toks[i - 1]
                        .entry
                        .is_some_and(|e| e.tense == Some(Tense::Past)));
            if (next_is_punct || prev_verb) && !self.t.is(i + 1, "than") {
                return Some((i + 1, Sem::Ref("PAST_REF")));
            }
        }
        None
    }
}
