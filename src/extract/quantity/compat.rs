//! Whether two quantities can state the same amount, given the precision they are
//! written at, their qualifiers and their units.

use super::Compatibility;
use crate::model::{Approx, Quantity, Unit};

/// How far "about" widens a number, as a share of it ("about 300" is 270..330).
const ABOUT: f64 = 0.1;

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
            let w = half.max(ABOUT * hi.abs());
            (lo - w, hi + w)
        }
        Approx::AtLeast => (lo - half, f64::INFINITY),
        Approx::AtMost => (f64::NEG_INFINITY, hi + half),
    }
}

/// Whether two ranges are one range: each end of one meets the same end of the other at
/// their stated precision. "Between $140 million and $150 million" and "between $140
/// million and $450 million" overlap, but a reader takes them as two different ranges, as
/// "more than 200" and "more than 2,000" are two different counts.
fn ranges_meet(a: &Quantity, b: &Quantity) -> bool {
    // the precision of the first number written serves both ends ("$140 million and
    // $150 million", "10 to 12")
    let (ha, hb) = (precision(a) / 2.0, precision(b) / 2.0);
    let meet = |x: f64, y: f64| x - ha < y + hb && y - hb < x + ha;
    meet(a.value.min(a.value_max), b.value.min(b.value_max))
        && meet(a.value.max(a.value_max), b.value.max(b.value_max))
}

/// Whether `a` and `b` can state the same amount: `Some(true)` they can,
/// `Some(false)` they cannot, `None` when they are not comparable (different units, an
/// ordinal and a count). The same verdict as [`compatibility`], without its reason.
pub(crate) fn verdict(a: &Quantity, b: &Quantity) -> Option<bool> {
    judge(a, b).0
}

/// Which rule decided a judgement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Why {
    Units,
    Ordinal,
    Precision,
}

fn judge(a: &Quantity, b: &Quantity) -> (Option<bool>, Why) {
    if let (Some(x), Some(y)) = (&a.unit, &b.unit) {
        if x != y {
            return (None, Why::Units);
        }
    }
    if (a.unit == Some(Unit::Ordinal)) != (b.unit == Some(Unit::Ordinal)) {
        return (None, Why::Ordinal);
    }
    if a.approx == Approx::Range && b.approx == Approx::Range {
        return (Some(ranges_meet(a, b)), Why::Precision);
    }
    let (alo, ahi) = bounds(a);
    let (blo, bhi) = bounds(b);
    // Half-open: 1.25 rounds to 1.3, so $1.2bn and $1.3bn do not meet.
    (Some(alo < bhi && blo < ahi), Why::Precision)
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
    // Order the pair so that the wording does not depend on argument order.
    let (a, b) = if (a.text.as_str(), a.value.to_bits()) <= (b.text.as_str(), b.value.to_bits()) {
        (a, b)
    } else {
        (b, a)
    };
    let (verdict, why) = judge(a, b);
    let reason = match why {
        Why::Units => {
            let name = |q: &Quantity| {
                q.unit
                    .as_ref()
                    .map(Unit::name)
                    .unwrap_or_default()
                    .to_string()
            };
            format!(
                "{} ({}) and {} ({}) are in different units",
                a.text,
                name(a),
                b.text,
                name(b)
            )
        }
        Why::Ordinal => format!("{} and {}: an ordinal and a count", a.text, b.text),
        Why::Precision if verdict == Some(true) => {
            format!("{} and {} agree at their stated precision", a.text, b.text)
        }
        Why::Precision => format!("{} and {} differ", a.text, b.text),
    };
    Compatibility::from_verdict(verdict, reason)
}
