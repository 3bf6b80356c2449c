//! The shared data types of every stage.
//!
//! Everything that points into text carries a [`DocId`] and a [`Span`]: UTF-8 byte
//! offsets, half-open, into the *original* [`Document::text`] (dateline, BOM and all),
//! so `&doc.text[span.start..span.end]` is exactly the reported text.
//!
//! The types are grouped by the stage that produces them; all are re-exported here.

/// `PartialEq`, `Eq`, `PartialOrd` and `Ord` for a type from one comparison, so that
/// the four agree: `ordered_by!(Unit, |a, b| a.name().cmp(b.name()))`.
macro_rules! ordered_by {
    ($t:ty, |$a:ident, $b:ident| $cmp:expr) => {
        impl PartialEq for $t {
            fn eq(&self, other: &$t) -> bool {
                self.cmp(other) == std::cmp::Ordering::Equal
            }
        }

        impl Eq for $t {}

        impl PartialOrd for $t {
            fn partial_cmp(&self, other: &$t) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $t {
            fn cmp(&self, other: &$t) -> std::cmp::Ordering {
                let ($a, $b) = (self, other);
                $cmp
            }
        }
    };
}

/// `==` between a value and the text it is written as: `time.value == "2023-03-01"`.
macro_rules! eq_text {
    ($t:ty) => {
        impl PartialEq<str> for $t {
            fn eq(&self, other: &str) -> bool {
                crate::model::cmp_as_text(self, &other) == std::cmp::Ordering::Equal
            }
        }

        impl PartialEq<&str> for $t {
            fn eq(&self, other: &&str) -> bool {
                self == *other
            }
        }

        impl PartialEq<String> for $t {
            fn eq(&self, other: &String) -> bool {
                self == other.as_str()
            }
        }
    };
}

mod actor;
mod claim;
mod provenance;
mod quantity;
mod report;
mod text;
mod time;
mod time_value;
mod vocabulary;

pub use actor::*;
pub use claim::*;
pub use provenance::*;
pub use quantity::*;
pub use report::*;
pub use text::*;
pub use time::*;
pub use time_value::*;
pub use vocabulary::*;

use std::cmp::Ordering;
use std::fmt;

/// Compares two values by the text they display as (values that sort as they read),
/// without allocating when both are short.
pub(crate) fn cmp_as_text(a: &dyn fmt::Display, b: &dyn fmt::Display) -> Ordering {
    let (mut x, mut y) = (ShortText::default(), ShortText::default());
    match (
        fmt::write(&mut x, format_args!("{a}")),
        fmt::write(&mut y, format_args!("{b}")),
    ) {
        (Ok(()), Ok(())) => x.as_bytes().cmp(y.as_bytes()),
        _ => a.to_string().cmp(&b.to_string()),
    }
}

/// A text of up to 64 bytes on the stack; writing more fails.
struct ShortText {
    bytes: [u8; 64],
    len: usize,
}

impl Default for ShortText {
    fn default() -> ShortText {
        ShortText {
            bytes: [0; 64],
            len: 0,
        }
    }
}

impl ShortText {
    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl fmt::Write for ShortText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}
