//! Reading the number of a quantity: digits ("1,200", "3.278"), scale words
//! ("million", a glued "bn" after money), number words ("three hundred and fifty", "a
//! dozen") and the approximation before it ("about", "more than", "between").

use super::Q;
use crate::extract::lex::TKind;
use crate::model::Approx;
use std::sync::OnceLock;

/// A number read from text.
pub(super) struct Num {
    pub value: f64,
    /// Index after the number (and its scale word).
    pub end: usize,
}

/// The qualifiers before a number (`data/numbers/approx.txt`), longest first, so "at
/// least" wins over a shorter match.
fn approx_phrases() -> &'static [(Vec<&'static str>, Approx)] {
    static PHRASES: OnceLock<Vec<(Vec<&'static str>, Approx)>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        use crate::lexicon::{ApproxClass, Lexicon};
        let mut approx: Vec<(Vec<&'static str>, Approx)> = Lexicon::get()
            .approx
            .iter()
            .map(|(words, class)| {
                let a = match class {
                    ApproxClass::About => Approx::About,
                    ApproxClass::AtLeast => Approx::AtLeast,
                    ApproxClass::AtMost => Approx::AtMost,
                    ApproxClass::Between => Approx::Range,
                };
                (words.clone(), a)
            })
            .collect();
        approx.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        approx
    })
}

impl<'a> Q<'a> {
    /// The number word at `i`: its value and whether it is a scale word.
    pub(super) fn number_entry(&self, i: usize) -> Option<(f64, bool)> {
        if self.t.kind(i) != Some(TKind::Word) {
            return None;
        }
        self.t.entry(i)?.number
    }

    /// Digits as a plain number: "1,200", "3.278", "12"; `None` for "10-12", "1/3".
    pub(super) fn digits(&self, i: usize) -> Option<f64> {
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
    pub(super) fn scale(&self, i: usize, money: bool) -> Option<f64> {
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
    pub(super) fn number(&self, i: usize, money: bool) -> Option<Num> {
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
        let a_form = self.is_article(i);
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
    pub(super) fn composes(&self, any: bool, current: f64, v: f64) -> bool {
        if !any || current == 0.0 {
            return true;
        }
        let below_hundred = current % 100.0;
        (below_hundred == 0.0 && v < 100.0)
            || (below_hundred >= 20.0 && below_hundred % 10.0 == 0.0 && v < 10.0)
    }

    /// The approximation phrase ending right before `i`: (class, first index).
    pub(super) fn approx_before(&self, i: usize) -> Option<(Approx, usize)> {
        for (phrase, class) in approx_phrases() {
            let n = phrase.len();
            if i < n {
                continue;
            }
            if phrase
                .iter()
                .enumerate()
                .all(|(k, w)| self.t.is(i - n + k, w))
            {
                return Some((*class, i - n));
            }
        }
        None
    }
}
