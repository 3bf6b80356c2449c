//! The unit of a quantity: a currency sign or code before the number ("$", "US$",
//! "EUR"), or what follows it: "%", "per cent", "percentage points", a unit word
//! ("km", "euros"), an adjectival "12-point", or a counted noun ("40 people").

use super::Q;
use crate::extract::lex::{TKind, UnitClass};
use crate::model::Unit;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Words after a number that are not what it counts (`data/numbers/not_units.txt`).
fn not_units() -> &'static HashSet<&'static str> {
    static NOT_UNITS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    NOT_UNITS.get_or_init(|| {
        use crate::lexicon::{flag, Lexicon};
        Lexicon::get()
            .words_with(flag::NOT_UNIT)
            .map(|(w, _)| w)
            .collect()
    })
}

/// Shortest word read as what a number counts ("40 people"; not "5 of", "3 in").
const MIN_COUNTED_NOUN: usize = 3;

impl<'a> Q<'a> {
    /// The unit word at `i` and where such a word stands.
    pub(super) fn unit(&self, i: usize) -> Option<(&'static Unit, UnitClass)> {
        let (unit, class) = self.t.entry(i)?.unit.as_ref()?;
        Some((unit, *class))
    }

    /// A currency written before the number at `i` ("$", "€", "USD", "US$"): the
    /// currency and the index of the number; `None` for a dollar of a country
    /// prefix not known ("XY$").
    pub(super) fn currency_before(&self, i: usize) -> Option<(Option<Unit>, usize)> {
        let t = self.t.toks.get(i)?;
        if t.kind == TKind::Word
            && self.t.s(i).len() <= 3
            && self.t.s(i + 1) == "$"
            && self.t.glued(i + 1)
            && t.cap
        {
            // US$, HK$, A$: the country prefix names the dollar.
            let pre = self.t.s(i).to_ascii_lowercase();
            let code = match pre.as_str() {
                "us" => "usd",
                "hk" => "hkd",
                "a" | "au" => "aud",
                "c" | "ca" => "cad",
                "nz" => "nzd",
                "s" => "sgd",
                _ => return None,
            };
            return Some((Some(Unit::Currency(code)), i + 2));
        }
        match self.unit(i) {
            Some((u, UnitClass::Symbol | UnitClass::Code)) => Some((Some(u.clone()), i + 1)),
            _ => Some((None, i)),
        }
    }

    /// The unit after a number ending at `j`: (unit, end).
    pub(super) fn unit_after(&self, j: usize, money: &Option<Unit>) -> (Option<Unit>, usize) {
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
                && s.len() >= MIN_COUNTED_NOUN
                && s.is_ascii()
                && !not_units().contains(s.to_ascii_lowercase().as_str())
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
