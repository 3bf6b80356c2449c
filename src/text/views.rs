//! Other cuts of the same tokens, for the stages that need one: made by splitting or
//! extending the text layer's tokens, never by scanning the characters again.
//!
//! - [`pieces`] splits a token at inner marks (the hyphens of "three-day", the periods
//!   of "U.S.", the colon of "10:30"): times read "three-day" as a number and a unit.
//! - [`Tokens::with_possessive`] gives a word with its possessive marker ("China’s"),
//!   which comparisons of wording keep.

use super::{Shape, TokenKind, Tokens};
use crate::model::Span;

/// A piece of a token: a run of letters and digits, or one mark between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Its bytes in the text.
    pub span: Span,
    /// A mark between two runs (a hyphen, a period, a separator), not a run.
    pub mark: bool,
}

/// The pieces of `text[span]`, split at every character for which `is_mark` holds;
/// runs of other characters are pieces of their own. Marks are one character each.
pub fn pieces<'t>(
    text: &'t str,
    span: Span,
    is_mark: impl Fn(char) -> bool + 't,
) -> impl Iterator<Item = Piece> + 't {
    let s = text.get(span.start..span.end).unwrap_or("");
    let mut it = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (p, c) = it.next()?;
        let start = span.start + p;
        if is_mark(c) {
            return Some(Piece {
                span: Span::new(start, start + c.len_utf8()),
                mark: true,
            });
        }
        let mut end = start + c.len_utf8();
        while let Some(&(q, d)) = it.peek() {
            if is_mark(d) {
                break;
            }
            end = span.start + q + d.len_utf8();
            it.next();
        }
        Some(Piece {
            span: Span::new(start, end),
            mark: false,
        })
    })
}

/// A hyphen inside a word.
pub fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‐'
}

impl Tokens {
    /// The bytes of token `i` with its possessive marker when it has one ("China’s",
    /// "leaders’"); its own span otherwise.
    pub fn with_possessive(&self, text: &str, i: usize) -> Span {
        let t = &self.toks[i];
        let span = t.span();
        if !t.is(Shape::POSS) {
            return span;
        }
        Span::new(
            span.start,
            span.end + super::scan::possessive_len(&text[span.end..]),
        )
    }

    /// The possessive marker after token `i` ("’s", "'s" or a bare "’"), if any.
    pub fn possessive_marker(&self, text: &str, i: usize) -> Option<Span> {
        let whole = self.with_possessive(text, i);
        let end = self.toks[i].end as usize;
        (whole.end > end).then(|| Span::new(end, whole.end))
    }

    /// Whether token `i` is a number whose inner separators include one of `seps`.
    pub fn number_has(&self, text: &str, i: usize, seps: &[char]) -> bool {
        let t = &self.toks[i];
        t.kind == TokenKind::Number && text[t.start as usize..t.end as usize].contains(seps)
    }
}
