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

mod compat;
mod numbers;
mod units;

pub use super::time::Compatibility;
pub use compat::compatibility;
pub(crate) use compat::verdict;

use super::lex::{self, TKind, Tok, Tokens, UnitClass};
use super::time::{parse, DateOrder};
use crate::model::{Approx, Document, Quantity, QuantityId, Unit};

/// The quantity reader over one text's tokens.
struct Q<'a> {
    t: Tokens<'a>,
}

/// One quantity found: its token range (half-open), values, unit and qualifier.
struct Found {
    first: usize,
    end: usize,
    value: f64,
    value_max: f64,
    unit: Option<Unit>,
    approx: Approx,
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
            Some(f) if f.end > i => {
                let (span, text) = lex::located(text, toks, f.first, f.end);
                out.push(Quantity {
                    id: QuantityId(out.len() as u32),
                    doc: doc.id.clone(),
                    span,
                    text,
                    value: f.value,
                    value_max: f.value_max,
                    unit: f.unit,
                    approx: f.approx,
                });
                i = f.end;
            }
            _ => i += 1,
        }
    }
    out
}

impl<'a> Q<'a> {
    /// The quantity whose first token is `i` (or whose qualifier ends before it).
    fn at(&self, i: usize, in_time: &[bool]) -> Option<Found> {
        // in a temporal expression, or past the end
        let timed = |k: usize| in_time.get(k).copied().unwrap_or(true);
        let (money, j) = self.currency_before(i)?;
        if money.is_some() && (j >= self.t.toks.len() || timed(j)) {
            return None;
        }
        if money.is_none() {
            // Vague plural amounts: "hundreds of people", "tens of thousands".
            if let Some(r) = self.vague_amount(i) {
                return Some(r);
            }
            if !self.opens_number(i) {
                return None;
            }
            if let Some(ordinal) = self.ordinal(i) {
                return ordinal;
            }
        }
        let mut f = self.number_or_range(i, j, money.is_some())?;
        if money.is_none() && self.t.is(i, "one") && f.end == i + 1 {
            // "one of them": keep "one" only before a unit word or hyphen.
            let (u, _) = self.unit_after(f.end, &None);
            if u.is_none() || self.unit(f.end).is_none() && self.t.s(f.end) != "-" {
                return None;
            }
        }
        // Ranges: "10 to 12", "10-12" split, "between 10 and 12".
        let before = self.approx_before(f.first);
        if f.approx != Approx::Range {
            let between = matches!(before, Some((Approx::Range, _)));
            self.range_after(&mut f, between, money.is_some(), timed);
        }
        let (unit, end) = self.unit_after(f.end, &money);
        f.unit = unit;
        f.end = end;
        if let Some((a, k)) = before {
            if a != Approx::Range || f.approx == Approx::Range {
                f.first = k;
                if a != Approx::Range {
                    f.approx = a;
                }
            }
        }
        // "a dozen", "a million": the article is part of the number.
        Some(f)
    }

    /// Whether token `i` can open a number with no currency before it: digits, a
    /// number word, "a" before one, an ordinal; not a word of a name ("Covid Zero",
    /// "Group of Seven") nor the number of a model or code ("Covid-19", "Su-27").
    fn opens_number(&self, i: usize) -> bool {
        let Some(t) = self.t.toks.get(i) else {
            return false;
        };
        let ok = t.kind == TKind::Num
            || self.number_entry(i).is_some_and(|(_, s)| !s)
            || (self.is_article(i) && self.number_entry(i + 1).is_some())
            || t.entry.is_some_and(|e| e.ordinal.is_some());
        if !ok {
            return false;
        }
        if t.kind == TKind::Word
            && t.cap
            && i > 0
            && self.t.toks[i - 1].cap
            && self.t.kind(i - 1) == Some(TKind::Word)
        {
            return false;
        }
        let code = t.kind == TKind::Num
            && i > 0
            && self.t.glued(i)
            && (self.t.s(i - 1) == "-"
                && self.t.glued(i - 1)
                && self.t.kind(i.wrapping_sub(2)) == Some(TKind::Word)
                || self.t.kind(i - 1) == Some(TKind::Word));
        !code
    }

    /// An ordinal at `i` ("third", "21st"): `Some` with the answer when token `i` is
    /// one (`Some(None)` when its digits do not read as a number), `None` otherwise.
    fn ordinal(&self, i: usize) -> Option<Option<Found>> {
        let t = self.t.toks.get(i)?;
        let one = |end: usize, v: f64| Found {
            first: i,
            end,
            value: v,
            value_max: v,
            unit: Some(Unit::Ordinal),
            approx: Approx::Exact,
        };
        if let Some(o) = t.entry.and_then(|e| e.ordinal) {
            if t.kind == TKind::Word {
                return Some(Some(one(i + 1, o as f64)));
            }
        }
        if t.kind == TKind::Num && self.t.glued(i + 1) {
            let suf = self.t.s(i + 1).to_ascii_lowercase();
            if matches!(suf.as_str(), "st" | "nd" | "rd" | "th") {
                return Some(self.digits(i).map(|v| one(i + 2, v)));
            }
        }
        None
    }

    /// The number at `j` (a currency, if any, from `i`): a range written as one token
    /// ("10-12", with its scale) or a number.
    fn number_or_range(&self, i: usize, j: usize, money: bool) -> Option<Found> {
        let found = |end: usize, value: f64, value_max: f64, approx: Approx| Found {
            first: i,
            end,
            value,
            value_max,
            unit: None,
            approx,
        };
        if self.t.kind(j) == Some(TKind::Num) {
            if let Some((a, b)) = self.t.s(j).split_once('-') {
                if !b.contains('-') {
                    let (a, b) = (
                        a.replace(',', "").parse::<f64>().ok(),
                        b.replace(',', "").parse::<f64>().ok(),
                    );
                    let (Some(a), Some(b)) = (a, b) else {
                        return None;
                    };
                    if a >= b {
                        return None;
                    }
                    let mut end = j + 1;
                    let mut f = 1.0;
                    while let Some(s) = self.scale(end, money) {
                        f *= s;
                        end += 1;
                    }
                    return Some(found(end, a * f, b * f, Approx::Range));
                }
            }
        }
        let n = self.number(j, money)?;
        Some(found(n.end, n.value, n.value, Approx::Exact))
    }

    /// Widens `f` to a range when a second number follows it: "10 to 12", "10-12"
    /// written apart, "between 10 and 12" (`between`), "$1.2bn to $1.5bn"; the first
    /// number takes the second's scale ("1 to 2 million").
    fn range_after(
        &self,
        f: &mut Found,
        between: bool,
        money: bool,
        timed: impl Fn(usize) -> bool,
    ) {
        let end = f.end;
        let joiner = self.t.s(end);
        let joins =
            joiner == "to" || joiner == "-" || joiner == "–" || (between && joiner == "and");
        if !joins {
            return;
        }
        let k = if money && self.unit(end + 1).is_some_and(|u| u.1 == UnitClass::Symbol) {
            end + 2
        } else {
            end + 1
        };
        if timed(k) {
            return;
        }
        let Some(n2) = self.number(k, money) else {
            return;
        };
        let value = f.value;
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
            f.value = lo;
            f.value_max = n2.value;
            f.end = n2.end;
            f.approx = Approx::Range;
        }
    }

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
        Some(Found {
            first: i,
            end,
            value: lo,
            value_max: hi,
            unit,
            approx: Approx::About,
        })
    }

    /// "a" or "an".
    fn is_article(&self, i: usize) -> bool {
        self.t.is(i, "a") || self.t.is(i, "an")
    }
}
