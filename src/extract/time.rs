//! Temporal expressions: extraction, normalization against the publication date, and
//! compatibility. (Under construction: only the compatibility contract is here.)

use crate::model::TimeExpr;

/// Whether two time values can refer to the same time, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Compatibility {
    /// They can be the same time.
    Compatible(String),
    /// They cannot.
    Incompatible(String),
    /// One of them is vague or unresolved beyond comparison.
    Unknown(String),
}

/// Whether `a` and `b` can refer to the same time (their intervals intersect).
pub fn compatibility(a: &TimeExpr, b: &TimeExpr) -> Compatibility {
    if a.vague || b.vague {
        return Compatibility::Unknown("a vague expression is never compared as exact".into());
    }
    match (a.interval, b.interval) {
        (Some(x), Some(y)) if x.start <= y.end && y.start <= x.end => {
            Compatibility::Compatible(format!("{} and {} overlap", a.value, b.value))
        }
        (Some(_), Some(_)) => {
            Compatibility::Incompatible(format!("{} and {} do not overlap", a.value, b.value))
        }
        _ if a.value == b.value => Compatibility::Compatible(format!("both {}", a.value)),
        _ => Compatibility::Unknown("unresolved".into()),
    }
}
