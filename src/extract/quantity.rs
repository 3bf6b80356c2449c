//! Quantities: extraction, normalization and compatibility. (Under construction: only
//! the compatibility contract is here.)

pub use super::time::Compatibility;
use crate::model::Quantity;

/// Whether `a` and `b` can state the same amount, with rounding and unit tolerance.
pub fn compatibility(a: &Quantity, b: &Quantity) -> Compatibility {
    if a.unit != b.unit {
        return Compatibility::Unknown("different units".into());
    }
    let (x, y) = (a.value, b.value);
    let tol = 0.05 * x.abs().max(y.abs());
    if (x - y).abs() <= tol {
        Compatibility::Compatible(format!("{} and {} agree", a.text, b.text))
    } else {
        Compatibility::Incompatible(format!("{} and {} differ", a.text, b.text))
    }
}
