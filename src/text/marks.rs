//! Quotation marks: the one set every stage recognizes, and which way each faces.
//!
//! The quote stage pairs marks over whole paragraphs (`extract::marks`); the claims
//! stage reads the words inside a claim's quotations; reconciliation reads a claim's
//! quotations when no quote stage ran. They all ask here what a character is.

/// What a character is as a quotation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteMark {
    /// Opens a double quotation: `“`, `„`, `‟`, `«`, `‹`, `「`, `『`.
    DoubleOpen,
    /// Closes a double quotation: `”`, `»`, `›`, `」`, `』`.
    DoubleClose,
    /// The straight double mark `"`, which opens or closes by its place.
    DoubleStraight,
    /// Opens a single quotation: `‘`, `‚`, `‛`.
    SingleOpen,
    /// `’`: closes a single quotation, or is an apostrophe.
    SingleClose,
    /// The straight single mark `'`: opens, closes, or is an apostrophe.
    SingleStraight,
}

impl QuoteMark {
    /// Whether it is a double mark (of any facing).
    pub fn is_double(self) -> bool {
        matches!(
            self,
            QuoteMark::DoubleOpen | QuoteMark::DoubleClose | QuoteMark::DoubleStraight
        )
    }

    /// Whether it can open a quotation.
    pub fn can_open(self) -> bool {
        !matches!(self, QuoteMark::DoubleClose | QuoteMark::SingleClose)
    }

    /// Whether it can close a quotation.
    pub fn can_close(self) -> bool {
        !matches!(self, QuoteMark::DoubleOpen | QuoteMark::SingleOpen)
    }
}

/// What `c` is as a quotation mark, if it is one.
///
/// ```
/// use corroborate::text::marks::{quote_mark, QuoteMark};
/// assert_eq!(quote_mark('“'), Some(QuoteMark::DoubleOpen));
/// assert_eq!(quote_mark('"'), Some(QuoteMark::DoubleStraight));
/// assert_eq!(quote_mark('a'), None);
/// ```
pub fn quote_mark(c: char) -> Option<QuoteMark> {
    Some(match c {
        '“' | '„' | '‟' | '«' | '‹' | '「' | '『' => QuoteMark::DoubleOpen,
        '”' | '»' | '›' | '」' | '』' => QuoteMark::DoubleClose,
        '"' => QuoteMark::DoubleStraight,
        '‘' | '‚' | '‛' => QuoteMark::SingleOpen,
        '’' => QuoteMark::SingleClose,
        '\'' => QuoteMark::SingleStraight,
        _ => return None,
    })
}

/// Whether `c` is a double quotation mark of any facing.
pub fn is_double(c: char) -> bool {
    quote_mark(c).is_some_and(QuoteMark::is_double)
}

/// Whether the double mark `close` ends a quotation opened by the double mark `open`:
/// a straight mark by a straight mark, a curly or angled one by any mark that can
/// close (outlets mix styles, and a mark typed the wrong way round still closes).
pub fn closes(open: char, close: char) -> bool {
    match (quote_mark(open), quote_mark(close)) {
        (Some(QuoteMark::DoubleStraight), Some(QuoteMark::DoubleStraight)) => true,
        (Some(QuoteMark::DoubleStraight), _) => false,
        (Some(o), Some(c)) => o.is_double() && c.is_double() && c != QuoteMark::DoubleStraight,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facings() {
        for c in ['“', '„', '«', '「'] {
            assert!(is_double(c) && quote_mark(c).is_some_and(QuoteMark::can_open));
        }
        for c in ['”', '»', '」'] {
            assert!(quote_mark(c).is_some_and(|m| m.can_close() && !m.can_open()));
        }
        assert!(!is_double('’') && quote_mark('’').is_some_and(QuoteMark::can_close));
        assert!(closes('“', '”') && closes('„', '“') && closes('«', '»') && closes('"', '"'));
        assert!(!closes('"', '”') && !closes('“', '"') && !closes('“', '’'));
    }
}
