//! Units by name. A [`Unit`] is written as its name; reading one back needs the unit
//! table (`data/numbers/units.txt`) to tell a currency or a measure from a counted
//! noun, so that reading lives here, with the table, and the model stays free of it.

use super::{Lexicon, UnitClass};
use crate::model::Unit;
use serde::{Deserialize, Deserializer};

impl UnitClass {
    /// The unit a word of this class, normalized to `name`, stands for.
    pub(crate) fn unit(self, name: &'static str) -> Unit {
        match self {
            UnitClass::Symbol | UnitClass::Code | UnitClass::Money => Unit::Currency(name),
            UnitClass::Percent => Unit::Percent,
            UnitClass::Measure => Unit::Measure(name),
        }
    }
}

impl Unit {
    /// The unit a name stands for: the fixed names, a currency or measure the quantity
    /// lexicon knows, else a counted noun (the inverse of [`Unit::name`]).
    ///
    /// ```
    /// use corroborate::Unit;
    /// assert_eq!(Unit::from_name("usd"), Unit::Currency("usd"));
    /// assert_eq!(Unit::from_name("leader").name(), "leader");
    /// ```
    pub fn from_name(name: &str) -> Unit {
        match name {
            "percent" => Unit::Percent,
            "percentage_point" => Unit::PercentagePoint,
            "ordinal" => Unit::Ordinal,
            _ => named(name).unwrap_or_else(|| Unit::Counted(name.into())),
        }
    }
}

/// The unit of the lexicon whose normalized name is `name` (`usd`, `km`), when a word
/// of that form names it.
fn named(name: &str) -> Option<Unit> {
    let (unit, class) = Lexicon::get().word(name)?.unit?;
    let unit = class.unit(unit);
    (unit.name() == name).then_some(unit)
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Unit, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(Unit::from_name(&name))
    }
}
