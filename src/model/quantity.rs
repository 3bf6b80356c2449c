//! Quantities: numbers with units, normalized for comparison.

use super::{DocId, Span};
use serde::{Deserialize, Serialize};

/// How a number was qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// A number found in a document, with its unit and value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
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
    /// Normalized unit: `percent`, `usd`, `eur`, `cny`, `point`, ..., or `None` for a bare count.
    pub unit: Option<String>,
    /// How the number was qualified.
    pub approx: Approx,
}
