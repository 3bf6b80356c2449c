//! Quantities: extraction, normalization and compatibility.
//!
//! [`quantities`] finds numbers in digits and words ("1,200", "twelve", "a dozen",
//! "1.2 million"), ordinals ("third", "21st"), percentages, money ("$1.2bn",
//! "US$3.278 billion", "34.1 million Belarusian rubles", "€12.2 million"), units,
//! ranges ("10 to 12", "10-12") and approximations ("about 300", "more than 40"), and
//! adjectival forms ("a 12-point plan" is 12 points). Years and dates are left to
//! [`crate::extract::time`]: a number inside a temporal expression is not a quantity.
//!
//! ```
//! use corroborate::Document;
//! use corroborate::extract::quantity::{compatibility, quantities};
//! let doc = Document::new("a", "Trade reached $1.2bn in 2022, up 3.24% on a 12-point plan. Others said $1,200m and 3.2%.");
//! let q = quantities(&doc);
//! assert_eq!(q[0].value, 1.2e9);
//! assert_eq!(q[0].unit_name(), Some("usd"));
//! assert_eq!(q[2].unit_name(), Some("point"));
//! assert!(compatibility(&q[0], &q[3]).is_compatible());
//! assert!(compatibility(&q[1], &q[4]).is_compatible());
//! ```

use super::lex::{self, TKind, Tok, Tokens, UnitClass};
pub use super::time::Compatibility;
use super::time::{parse, DateOrder};
use crate::model::{Approx, Document, Quantity, Span, Unit};
use std::collections::HashSet;
use std::sync::OnceLock;

struct Words {
    approx: Vec<(Vec<&'static str>, &'static str)>,
    not_units: HashSet<&'static str>,
}

static WORDS: OnceLock<Words> = OnceLock::new();

fn words() -> &'static Words {
    WORDS.get_or_init(|| {
        let lines = |src: &'static str| {
            src.lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
        };
        let mut approx: Vec<(Vec<&'static str>, &'static str)> =
            lines(include_str!("../../../data/quantity/approx.txt"))
                .into_iter()
                .filter_map(|l| {
                    let (phrase, class) = l.rsplit_once(' ')?;
                    Some((phrase.split(' ').collect(), class))
                })
                .collect();
        // Longest phrases first, so "at least" wins over a shorter match.
        approx.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let not_units = lines(include_str!("../../../data/quantity/not_units.txt"))
            .into_iter()
            .collect();
        Words { approx, not_units }
    })
}

/// A number read from text.
struct Num {
    value: f64,
    /// Index after the number (and its scale word).
    end: usize,
}

struct Q<'a> {
    t: Tokens<'a>,
}

impl<'a> Q<'a> {
    fn number_entry(&self, i: usize) -> Option<(f64, bool)> {
        if self.t.kind(i) != Some(TKind::Word) {
            return None;
        }
        self.t.entry(i)?.number
    }
    fn unit(&self, i: usize) -> Option<(&'static Unit, UnitClass)> {
        let (unit, class) = self.t.entry(i)?.unit.as_ref()?;
        Some((unit, *class))
    }

    /// Digits as a plain number: "1,200", "3.278", "12"; `None` for "10-12", "1/3".
    fn digits(&self, i: usize) -> Option<f64> {
        if self.t.kind(i) != Some(TKind::Num) {
            return None;
        }
        let s = self.t.s(i);
        if s.contains([':', '/', '-']) {
            return None;
        }
        let mut int_part = s;
        let mut frac = "";
        if let Some((a, b)) = s.split_once('.') {
            if b.contains(['.', ',']) {
                return None;
            }
            int_part = a;
            frac = b;
        }
        let groups: Vec<&str> = int_part.split(',').collect();
        if groups.len() > 1
            && (groups[0].is_empty()
                || groups[0].len() > 3
                || groups[1..].iter().any(|g| g.len() != 3))
        {
            return None;
        }
        let joined: String = groups.concat();
        let v: f64 = if frac.is_empty() {
            joined.parse().ok()?
        } else {
            format!("{joined}.{frac}").parse().ok()?
        };
        Some(v)
    }

    /// A scale word at `i` ("million", "bn", glued "m" after money): factor.
    fn scale(&self, i: usize, money: bool) -> Option<f64> {
        if let Some((v, true)) = self.number_entry(i) {
            return Some(v);
        }
        if self.t.glued(i) && self.t.kind(i) == Some(TKind::Word) {
            let s = self.t.s(i).to_ascii_lowercase();
            match s.as_str() {
                "m" if money => return Some(1e6),
                "k" => return Some(1e3),
                "b" if money => return Some(1e9),
                _ => {}
            }
        }
        None
    }

    /// A number at `i`: digits with an optional scale, or number words.
    fn number(&self, i: usize, money: bool) -> Option<Num> {
        if let Some(v) = self.digits(i) {
            let mut value = v;
            let mut end = i + 1;
            while let Some(f) = self.scale(end, money) {
                value *= f;
                end += 1;
            }
            return Some(Num { value, end });
        }
        // Number words: "twelve", "twenty-five", "three hundred and fifty", "a dozen",
        // "two million".
        let mut j = i;
        let a_form = self.t.is(i, "a") || self.t.is(i, "an");
        if a_form {
            j += 1;
        }
        let (mut total, mut current) = (0.0f64, 0.0f64);
        let mut any = false;
        loop {
            match self.number_entry(j) {
                Some((v, false)) if self.composes(any, current, v) => {
                    current += v;
                    any = true;
                    j += 1;
                }
                Some((v, true)) => {
                    let c = if current == 0.0 { 1.0 } else { current };
                    if !any && !a_form {
                        return None;
                    }
                    if v == 100.0 {
                        current = c * 100.0;
                    } else {
                        total += c * v;
                        current = 0.0;
                    }
                    any = true;
                    j += 1;
                }
                _ => {
                    if any
                        && self.t.s(j) == "-"
                        && self.t.glued(j)
                        && self
                            .number_entry(j + 1)
                            .is_some_and(|(v, s)| !s && v < 10.0)
                    {
                        j += 1;
                        continue;
                    }
                    if any
                        && self.t.is(j, "and")
                        && self.number_entry(j + 1).is_some_and(|(_, s)| !s)
                        && current >= 100.0
                    {
                        j += 1;
                        continue;
                    }
                    break;
                }
            }
        }
        if !any {
            return None;
        }
        let value = total + current;
        if a_form && value == 1.0 {
            return None;
        }
        // "one" alone is mostly a pronoun ("one of them"); keep it only before a unit.
        Some(Num { value, end: j })
    }

    /// Whether number word `v` continues a number whose pending part is `current`
    /// ("twenty" + "five", "three hundred" + "fifty", "two million" + "three").
    fn composes(&self, any: bool, current: f64, v: f64) -> bool {
        if !any || current == 0.0 {
            return true;
        }
        let below_hundred = current % 100.0;
        (below_hundred == 0.0 && v < 100.0)
            || (below_hundred >= 20.0 && below_hundred % 10.0 == 0.0 && v < 10.0)
    }

    /// The approximation phrase ending right before `i`: (class, first index).
    fn approx_before(&self, i: usize) -> Option<(Approx, usize)> {
        for (phrase, class) in &words().approx {
            let n = phrase.len();
            if i < n {
                continue;
            }
            if phrase
                .iter()
                .enumerate()
                .all(|(k, w)| self.t.is(i - n + k, w))
            {
                let a = match *class {
                    "about" => Approx::About,
                    "at_least" => Approx::AtLeast,
                    "at_most" => Approx::AtMost,
                    _ => Approx::Range,
                };
                return Some((a, i - n));
            }
        }
        None
    }

    /// The unit after a number ending at `j`: (unit, end).
    fn unit_after(&self, j: usize, money: &Option<Unit>) -> (Option<Unit>, usize) {
        if money.is_some() {
            return (money.clone(), j);
        }
        let s = self.t.s(j);
        if s == "%" {
            return (Some(Unit::Percent), j + 1);
        }
        if self.t.is(j, "per") && self.t.is(j + 1, "cent") {
            return (Some(Unit::Percent), j + 2);
        }
        if self.t.is(j, "percentage") && (self.t.is(j + 1, "points") || self.t.is(j + 1, "point")) {
            return (Some(Unit::PercentagePoint), j + 2);
        }
        if let Some((u, c)) = self.unit(j) {
            if c != UnitClass::Symbol {
                return (Some(u.clone()), j + 1);
            }
        }
        // "34.1 million Belarusian rubles"
        if self
            .t
            .toks
            .get(j)
            .is_some_and(|t| t.cap && t.kind == TKind::Word)
        {
            if let Some((u, UnitClass::Money)) = self.unit(j + 1) {
                return (Some(u.clone()), j + 2);
            }
        }
        // "12-point", "21-gun"
        if s == "-"
            && self.t.glued(j)
            && self.t.glued(j + 1)
            && self.t.kind(j + 1) == Some(TKind::Word)
        {
            let w = self.t.s(j + 1).to_ascii_lowercase();
            if let Some((u, _)) = self.unit(j + 1) {
                return (Some(u.clone()), j + 2);
            }
            return (Some(Unit::Counted(singular(&w))), j + 2);
        }
        // A counted noun: "40 people", "12 points".
        if let Some(t) = self.t.toks.get(j) {
            if t.kind == TKind::Word
                && !t.cap
                && s.len() >= 3
                && s.is_ascii()
                && !words().not_units.contains(s.to_ascii_lowercase().as_str())
                && t.entry
                    .is_none_or(|e| e.number.is_none() && e.tense.is_none())
                && !s.ends_with("ly")
                && !s.ends_with("ed")
            {
                return (
                    Some(Unit::Counted(singular(&s.to_ascii_lowercase()))),
                    j + 1,
                );
            }
        }
        (None, j)
    }
}

/// A crude singular for counted nouns ("points" → "point", "salutes" → "salute").
fn singular(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() >= 2 {
            return format!("{stem}y");
        }
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// The quantities of `doc`, in text order. Numbers inside temporal expressions (years,
/// dates, "three days ago") are not reported.
pub fn quantities(doc: &Document) -> Vec<Quantity> {
    let toks = lex::document_tokens(doc);
    let found = parse::scan(&doc.text, &toks, DateOrder::MonthFirst);
    quantities_in(doc, &toks, &found)
}

/// The quantities among `toks`, leaving out the tokens of the temporal expressions
/// `times`.
pub(crate) fn quantities_in(doc: &Document, toks: &[Tok], times: &[parse::Found]) -> Vec<Quantity> {
    let text = doc.text.as_str();
    let q = Q {
        t: Tokens { text, toks },
    };
    let mut in_time = vec![false; toks.len()];
    for f in times {
        for flag in &mut in_time[f.first..f.last.min(toks.len())] {
            *flag = true;
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if in_time[i] {
            i += 1;
            continue;
        }
        let t = &toks[i];
        let candidate = t.kind == TKind::Num
            || t.entry.is_some()
            || (t.cap && t.end - t.start <= 3 && q.t.s(i + 1) == "$");
        if !candidate {
            i += 1;
            continue;
        }
        match q.at(i, &in_time) {
            Some((first, end, value, value_max, unit, approx)) if end > i => {
                let (s, e) = (toks[first].start, toks[end - 1].end);
                out.push(Quantity {
                    doc: doc.id.clone(),
                    span: Span::new(s, e),
                    text: text[s..e].to_string(),
                    value,
                    value_max,
                    unit,
                    approx,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

type Found = (usize, usize, f64, f64, Option<Unit>, Approx);

impl<'a> Q<'a> {
    fn at(&self, i: usize, in_time: &[bool]) -> Option<Found> {
        let t = self.t.toks.get(i)?;
        // Currency before the number: $, US$, €, USD.
        let mut first = i;
        let mut j = i;
        let mut money: Option<Unit> = None;
        if t.kind == TKind::Word
            && self.t.s(i).len() <= 3
            && self.t.s(i + 1) == "$"
            && self.t.glued(i + 1)
            && t.cap
        {
            // US$, HK$, A$: the country prefix names the dollar.
            let pre = self.t.s(i).to_ascii_lowercase();
            money = Some(Unit::Currency(match pre.as_str() {
                "us" => "usd",
                "hk" => "hkd",
                "a" | "au" => "aud",
                "c" | "ca" => "cad",
                "nz" => "nzd",
                "s" => "sgd",
                _ => return None,
            }));
            j = i + 2;
        } else if let Some((u, UnitClass::Symbol | UnitClass::Code)) = self.unit(i) {
            money = Some(u.clone());
            j = i + 1;
        }
        if money.is_some() && (j >= self.t.toks.len() || in_time.get(j).copied().unwrap_or(true)) {
            return None;
        }
        // Vague plural amounts: "hundreds of people", "tens of thousands".
        if money.is_none() {
            if let Some(r) = self.vague_amount(i) {
                return Some(r);
            }
        }
        if money.is_none() {
            let ok = t.kind == TKind::Num
                || self.number_entry(i).is_some_and(|(_, s)| !s)
                || ((self.t.is(i, "a") || self.t.is(i, "an"))
                    && self.number_entry(i + 1).is_some())
                || t.entry.is_some_and(|e| e.ordinal.is_some());
            if !ok {
                return None;
            }
            // Names: "Covid Zero", "Group of Seven".
            if t.kind == TKind::Word
                && t.cap
                && i > 0
                && self.t.toks[i - 1].cap
                && self.t.kind(i - 1) == Some(TKind::Word)
            {
                return None;
            }
            // Model names and codes: "Covid-19", "Su-27".
            if t.kind == TKind::Num
                && i > 0
                && self.t.glued(i)
                && (self.t.s(i - 1) == "-"
                    && self.t.glued(i - 1)
                    && self.t.kind(i.wrapping_sub(2)) == Some(TKind::Word)
                    || self.t.kind(i - 1) == Some(TKind::Word))
            {
                return None;
            }
        }
        // Ordinals: "third", "21st".
        if money.is_none() {
            if let Some(o) = t.entry.and_then(|e| e.ordinal) {
                if t.kind == TKind::Word {
                    return Some((
                        i,
                        i + 1,
                        o as f64,
                        o as f64,
                        Some(Unit::Ordinal),
                        Approx::Exact,
                    ));
                }
            }
            if t.kind == TKind::Num && self.t.glued(i + 1) {
                let suf = self.t.s(i + 1).to_ascii_lowercase();
                if matches!(suf.as_str(), "st" | "nd" | "rd" | "th") {
                    let v = self.digits(i)?;
                    return Some((i, i + 2, v, v, Some(Unit::Ordinal), Approx::Exact));
                }
            }
        }
        // Ranges written as one token: 10-12.
        let mut range_tok: Option<(f64, f64)> = None;
        if self.t.kind(j) == Some(TKind::Num) {
            let s = self.t.s(j);
            if let Some((a, b)) = s.split_once('-') {
                if !b.contains('-') {
                    let (a, b) = (
                        a.replace(',', "").parse::<f64>().ok(),
                        b.replace(',', "").parse::<f64>().ok(),
                    );
                    match (a, b) {
                        (Some(a), Some(b)) if a < b => range_tok = Some((a, b)),
                        _ => return None,
                    }
                }
            }
        }
        let (mut value, mut value_max, mut end) = if let Some((a, b)) = range_tok {
            let mut end = j + 1;
            let mut f = 1.0;
            while let Some(s) = self.scale(end, money.is_some()) {
                f *= s;
                end += 1;
            }
            (a * f, b * f, end)
        } else {
            let n = self.number(j, money.is_some())?;
            (n.value, n.value, n.end)
        };
        if money.is_none() && self.t.is(i, "one") && end == i + 1 {
            // "one of them": keep "one" only before a unit word or hyphen.
            let (u, _) = self.unit_after(end, &None);
            if u.is_none() || self.unit(end).is_none() && self.t.s(end) != "-" {
                return None;
            }
        }
        let mut approx = if range_tok.is_some() {
            Approx::Range
        } else {
            Approx::Exact
        };
        // Ranges: "10 to 12", "10-12" split, "between 10 and 12".
        let before = self.approx_before(first);
        let is_between = matches!(before, Some((Approx::Range, _)));
        if range_tok.is_none() {
            let joiner = self.t.s(end);
            let joins =
                joiner == "to" || joiner == "-" || joiner == "–" || (is_between && joiner == "and");
            if joins {
                let k = if money.is_some()
                    && self.unit(end + 1).is_some_and(|u| u.1 == UnitClass::Symbol)
                {
                    end + 2
                } else {
                    end + 1
                };
                if !in_time.get(k).copied().unwrap_or(true) {
                    if let Some(n2) = self.number(k, money.is_some()) {
                        let scale_fix = if n2.value > value && n2.end > k + 1 {
                            n2.value / self.digits(k).unwrap_or(n2.value).max(1e-9)
                        } else {
                            1.0
                        };
                        let lo = if scale_fix > 1.0 && value < n2.value / scale_fix * 10.0 {
                            value * scale_fix
                        } else {
                            value
                        };
                        if n2.value >= lo {
                            value = lo;
                            value_max = n2.value;
                            end = n2.end;
                            approx = Approx::Range;
                        }
                    }
                }
            }
        }
        let (unit, end) = self.unit_after(end, &money);
        if let Some((a, k)) = before {
            if a != Approx::Range || approx == Approx::Range {
                first = k;
                if a != Approx::Range {
                    approx = a;
                }
            }
        }
        // "a dozen", "a million": the article is part of the number.
        Some((first, end, value, value_max, unit, approx))
    }
}

impl<'a> Q<'a> {
    /// "hundreds of people", "tens of thousands of troops", "dozens": a range.
    fn vague_amount(&self, i: usize) -> Option<Found> {
        let vague = |k: usize| self.t.entry(k).and_then(|e| e.vague_amount);
        let (outer_lo, outer_hi) = vague(i)?;
        let (lo, hi, end) = match vague(i + 2) {
            // "tens of thousands" is 20,000..199,999; "hundreds of thousands"
            // 200,000..1,999,999: the outer range scaled by the inner one's unit.
            Some((inner_lo, _)) if self.t.is(i + 1, "of") => {
                let unit = inner_lo / 2.0;
                (outer_lo * unit, (outer_hi + 1.0) * unit - 1.0, i + 3)
            }
            _ => (outer_lo, outer_hi, i + 1),
        };
        let (unit, end) = if self.t.is(end, "of") {
            match self.unit_after(end + 1, &None) {
                (Some(u), e) => (Some(u), e),
                (None, _) => (None, end),
            }
        } else {
            (None, end)
        };
        Some((i, end, lo, hi, unit, Approx::About))
    }
}

/// The stated precision of a quantity: one unit of its last written digit, scaled
/// ("3.2%" → 0.1, "$1.2bn" → 1e8, "$1,200m" → 1e6, "twelve" → 1).
fn precision(q: &Quantity) -> f64 {
    let t = q.text.as_bytes();
    let Some(start) = t.iter().position(|b| b.is_ascii_digit()) else {
        // Number words: exact, except that a scale word states only its own precision
        // ("two million" is 2e6 give or take half a million).
        let v = q.value.abs();
        if v >= 1000.0 && v.fract() == 0.0 {
            let mut p = 1.0;
            while p * 10.0 <= v && (v / (p * 10.0)).fract() == 0.0 {
                p *= 10.0;
            }
            return p;
        }
        return 1.0;
    };
    let mut end = start;
    while end < t.len()
        && (t[end].is_ascii_digit()
            || (matches!(t[end], b'.' | b',') && end + 1 < t.len() && t[end + 1].is_ascii_digit()))
    {
        end += 1;
    }
    let run = &q.text[start..end];
    let decimals = run.split_once('.').map(|(_, f)| f.len()).unwrap_or(0) as i32;
    let written: f64 = run.replace(',', "").parse().unwrap_or(q.value);
    let scale = if written != 0.0 {
        (q.value / written).abs()
    } else {
        1.0
    };
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
    scale * 10f64.powi(-decimals)
}

/// The interval of values `q` can mean, given rounding and its qualifier.
fn bounds(q: &Quantity) -> (f64, f64) {
    let half = precision(q) / 2.0;
    let (lo, hi) = (q.value.min(q.value_max), q.value.max(q.value_max));
    match q.approx {
        Approx::Exact | Approx::Range => (lo - half, hi + half),
        Approx::About => {
            let w = half.max(0.1 * hi.abs());
            (lo - w, hi + w)
        }
        Approx::AtLeast => (lo - half, f64::INFINITY),
        Approx::AtMost => (f64::NEG_INFINITY, hi + half),
    }
}

/// Whether `a` and `b` can state the same amount, with rounding and unit tolerance.
///
/// Each quantity stands for the interval of values that round to it at its stated
/// precision ("3.2%" is 3.15..3.25), widened for "about" (10%), opened for "more
/// than" / "less than", spanning a range. Two quantities agree when those intervals
/// meet, so "3.24%" and "3.2%" agree (rounding to the less precise one) and
/// "$1.2bn" and "$1,200m" agree (values are scaled), while 12 and 15 do not. Quantities
/// with different units are not compared ([`Compatibility::Unknown`]); a bare number
/// is compared with a counted one. Symmetric and reflexive.
pub fn compatibility(a: &Quantity, b: &Quantity) -> Compatibility {
    let (a, b) = if (a.text.as_str(), a.value.to_bits()) <= (b.text.as_str(), b.value.to_bits()) {
        (a, b)
    } else {
        (b, a)
    };
    if let (Some(x), Some(y)) = (&a.unit, &b.unit) {
        if x != y {
            return Compatibility::Unknown(format!(
                "{} ({x}) and {} ({y}) are in different units",
                a.text, b.text
            ));
        }
    }
    if (a.unit == Some(Unit::Ordinal)) != (b.unit == Some(Unit::Ordinal)) {
        return Compatibility::Unknown(format!(
            "{} and {}: an ordinal and a count",
            a.text, b.text
        ));
    }
    let (alo, ahi) = bounds(a);
    let (blo, bhi) = bounds(b);
    // Half-open: 1.25 rounds to 1.3, so $1.2bn and $1.3bn do not meet.
    if alo < bhi && blo < ahi {
        Compatibility::Compatible(format!(
            "{} and {} agree at their stated precision",
            a.text, b.text
        ))
    } else {
        Compatibility::Incompatible(format!("{} and {} differ", a.text, b.text))
    }
}
