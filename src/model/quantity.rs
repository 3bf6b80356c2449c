//! Quantities: numbers with units, normalized for comparison.

use super::{DocId, Span};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::hash::{Hash, Hasher};

/// How a number was qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Approx {
    /// Stated as exact.
    Exact,
    /// "about", "around", "some", "nearly".
    About,
    /// "more than", "over", "at least".
    AtLeast,
    /// "less than", "under", "at most", "up to".
    AtMost,
    /// A range ("10 to 12").
    Range,
}

/// The identifier of a [`Quantity`]: its position among the quantities of one run, in
/// document-id then offset order (within one document when found by
/// [`crate::extract::quantity::quantities`] alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QuantityId(pub u32);

/// A number found in a document, with its unit and value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Its id.
    pub id: QuantityId,
    /// The document.
    pub doc: DocId,
    /// The expression's bytes.
    #[serde(flatten)]
    pub span: Span,
    /// The expression's text, equal to the span's slice.
    pub text: String,
    /// The value, scaled ("$1.2bn" is 1.2e9; "3.5%" is 3.5 with unit `percent`).
    pub value: f64,
    /// Upper end for ranges; equal to `value` otherwise.
    pub value_max: f64,
    /// What it counts or measures (`percent`, `usd`, `point`, `leader`, ...), or `None`
    /// for a bare number.
    pub unit: Option<Unit>,
    /// How the number was qualified.
    pub approx: Approx,
}

/// What a quantity counts or measures. Serialized as its [`Unit::name`], read back by
/// [`Unit::from_name`] (which lives with the unit table in the lexicon).
///
/// Units are compared by name: two units are the same when their names are, whichever
/// kind they were read as (a counted "usd" and the currency `usd` are one unit).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Unit {
    /// A currency, by its lower-case ISO 4217 code: `usd`, `eur`, `cny`.
    Currency(&'static str),
    /// Percent (`%`, "per cent").
    Percent,
    /// Percentage points ("2 percentage points").
    PercentagePoint,
    /// An ordinal ("third", "21st").
    Ordinal,
    /// A unit of measure named in `data/quantity/units.txt`: `km`, `tonne`, `point`.
    Measure(&'static str),
    /// A counted noun, singular: `leader` in "two leaders", `salute` in "a 21-gun
    /// salute" (`gun`).
    Counted(String),
}

impl Unit {
    /// The normalized name: the currency code, `percent`, `percentage_point`,
    /// `ordinal`, the measure, or the counted noun.
    pub fn name(&self) -> &str {
        match self {
            Unit::Currency(code) => code,
            Unit::Percent => "percent",
            Unit::PercentagePoint => "percentage_point",
            Unit::Ordinal => "ordinal",
            Unit::Measure(m) => m,
            Unit::Counted(noun) => noun,
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

ordered_by!(Unit, |a, b| a.name().cmp(b.name()));

impl Hash for Unit {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.name().hash(state)
    }
}

impl Serialize for Unit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl Quantity {
    /// The unit's name, `None` for a bare number.
    pub fn unit_name(&self) -> Option<&str> {
        self.unit.as_ref().map(Unit::name)
    }

    /// What it states, without the words: its value (or range) and unit.
    pub fn normalized(&self) -> QuantityValue {
        QuantityValue {
            value: self.value,
            value_max: self.value_max,
            unit: self.unit.clone(),
        }
    }
}

/// A quantity's value (or range) and unit, written `1.2e9 usd`, `10-12 km`, `3.5
/// percent`: five significant decimals below 100,000, scientific notation above.
///
/// Values are the same when they are written the same: "1.00001" and "1.00002" both
/// read `1`.
#[derive(Clone, Debug)]
pub struct QuantityValue {
    /// The value, or the low end of a range.
    pub value: f64,
    /// The high end of a range; equal to `value` otherwise.
    pub value_max: f64,
    /// The unit.
    pub unit: Option<Unit>,
}

/// Values at or above this magnitude are written in scientific notation.
const SCIENTIFIC_FROM: f64 = 1e5;

impl fmt::Display for QuantityValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let num = |f: &mut fmt::Formatter<'_>, v: f64| {
            if v.abs() >= SCIENTIFIC_FROM {
                write!(f, "{v:e}")
            } else {
                let s = format!("{v:.4}");
                f.write_str(s.trim_end_matches('0').trim_end_matches('.'))
            }
        };
        num(f, self.value)?;
        if self.value_max != self.value {
            f.write_str("-")?;
            num(f, self.value_max)?;
        }
        match &self.unit {
            Some(u) => write!(f, " {u}"),
            None => Ok(()),
        }
    }
}

// in the order of their text, as reports list them
ordered_by!(QuantityValue, |a, b| super::cmp_as_text(a, b));
