//! The claims stage's view of a sentence, cut from the text layer's tokens
//! ([`crate::text`]): words, numbers and punctuation with byte offsets into the sentence,
//! lower-cased with apostrophes folded; and the words inside its quotations.
//!
//! The view differs from the text layer's tokens in a few places, always by splitting a
//! token or joining a possessive back: a word keeps its possessive ("china's"); a number
//! is digits with inner `.` or `,` only, so "10:30" and "6/6/2013" are numbers and marks;
//! a token that starts with a number and goes on as a word ("13th", "12-point") is a
//! number and a word; the letters of "U.S." and the parts of a URL are words of their
//! own.

use super::lexicon::Lexicon;
use crate::model::Span;
use crate::text::{Shape, TokenKind, Tokens};
use std::borrow::Cow;

/// What a raw token is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum RawKind {
    Word,
    Number,
    Punct,
}

/// A token of a sentence: byte offsets into it, its kind, whether it opens with a
/// capital, and its lower case with quote-like apostrophes folded to `'`.
#[derive(Clone, Debug)]
pub(crate) struct Raw<'t> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: RawKind,
    pub(crate) cap: bool,
    pub(crate) lower: Cow<'t, str>,
}

/// Apostrophe-like marks, folded to `'` inside words.
pub(super) fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`'
    )
}

/// `s` lower-cased with quote-like apostrophes folded to `'`.
fn fold(s: &str) -> Cow<'_, str> {
    if s.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'\'')
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_quote_mark(c) { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// The claims view of `text[span]` (a sentence), made from `toks`, the text layer's
/// tokens of `text`; offsets are relative to `span.start`.
pub(crate) fn raw_view<'t>(text: &'t str, toks: &'t Tokens, span: Span) -> Vec<Raw<'t>> {
    let range = toks.within(span);
    let mut out = Vec::with_capacity(range.len());
    for i in range {
        let t = toks.all()[i];
        let tspan = t.span();
        let rel = |a: usize| a - span.start;
        let simple = match t.kind {
            TokenKind::Punct => true,
            TokenKind::Number => !text[tspan.start..tspan.end].contains([':', '/', '-']),
            TokenKind::Word => {
                !t.is(Shape::DOTTED | Shape::URL)
                    && !text.as_bytes()[tspan.start].is_ascii_digit()
                    && !text[tspan.start..tspan.end].contains(['.', ','])
            }
        };
        if simple {
            let kind = match t.kind {
                TokenKind::Word => RawKind::Word,
                TokenKind::Number => RawKind::Number,
                TokenKind::Punct => RawKind::Punct,
            };
            let cap = t.is(Shape::CAP);
            match toks
                .possessive_marker(text, i)
                .filter(|m| m.end <= span.end)
            {
                // "China’s" is the word "china's"; a bare plural marker is a mark
                Some(m) if text[m.start..m.end].ends_with(['s', 'S']) => out.push(Raw {
                    start: rel(tspan.start),
                    end: rel(m.end),
                    kind,
                    cap,
                    lower: fold(&text[tspan.start..m.end]),
                }),
                marker => {
                    out.push(Raw {
                        start: rel(tspan.start),
                        end: rel(tspan.end),
                        kind,
                        cap,
                        lower: Cow::Borrowed(toks.lower(i)),
                    });
                    if let Some(m) = marker {
                        out.push(Raw {
                            start: rel(m.start),
                            end: rel(m.end),
                            kind: RawKind::Punct,
                            cap: false,
                            lower: Cow::Borrowed(&text[m.start..m.end]),
                        });
                    }
                }
            }
            continue;
        }
        let end = toks
            .possessive_marker(text, i)
            .filter(|m| m.end <= span.end)
            .map_or(tspan.end, |m| m.end);
        split(&text[tspan.start..end], rel(tspan.start), &mut out);
    }
    out
}

/// The claims view of the token text `s` (at `offset` in the sentence), cut into
/// numbers (digits with inner `.` or `,`), words (letters and digits with inner
/// apostrophes or hyphens) and single marks.
fn split<'t>(s: &'t str, offset: usize, out: &mut Vec<Raw<'t>>) {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let start = i;
        let kind = if c.is_ascii_digit() {
            i += 1;
            while i < b.len() {
                if b[i].is_ascii_digit() {
                    i += 1;
                } else if matches!(b[i], b'.' | b',')
                    && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                {
                    i += 2;
                } else {
                    break;
                }
            }
            RawKind::Number
        } else if c.is_alphanumeric() {
            i += c.len_utf8();
            while let Some(d) = s[i..].chars().next() {
                let after = s[i + d.len_utf8()..].chars().next();
                let joins = (is_quote_mark(d) || d == '-' || d == '\u{2010}')
                    && after.is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric() || joins {
                    i += d.len_utf8();
                } else {
                    break;
                }
            }
            RawKind::Word
        } else {
            i += c.len_utf8();
            RawKind::Punct
        };
        out.push(Raw {
            start: offset + start,
            end: offset + i,
            kind,
            cap: c.is_uppercase(),
            lower: fold(&s[start..i]),
        });
    }
}

/// Calls `f` with the claims view of the sentence `text`, tokenized on its own (for the
/// functions that take a sentence as a string).
pub(crate) fn with_raw<R>(text: &str, f: impl FnOnce(&[Raw<'_>]) -> R) -> R {
    let toks = Tokens::new(text, 0);
    let raw = raw_view(text, &toks, Span::new(0, text.len()));
    f(&raw)
}

/// Whether `text` has a double quotation mark ([`crate::text::marks`]): a cheap test
/// before [`quoted_words`].
pub fn has_quotation_mark(text: &str) -> bool {
    text.chars().any(crate::text::marks::is_double)
}

/// The passages of `text` inside double quotation marks (`“…”`, `„…“`, `«…»`, `"…"`),
/// each as its words, lower-case and verbatim (no stemming, no synonyms), function
/// words left out: the wording a quotation holds to. A quotation mark opens a passage
/// outside one and closes it inside one, so a mark typed the wrong way round does not
/// swallow the rest of the sentence; an unclosed passage runs to the end.
///
/// ```
/// use corroborate::claims;
/// let q = claims::quoted_words("Ties were raised to an “all-weather” partnership, “a historic leap,” he said.");
/// assert_eq!(q, vec![vec!["all-weather"], vec!["historic", "leap"]]);
/// ```
pub fn quoted_words(text: &str) -> Vec<Vec<String>> {
    let lex = Lexicon::builtin();
    let layer = Tokens::new(text, 0);
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut inside = false;
    for (i, t) in layer.all().iter().enumerate() {
        if t.kind == TokenKind::Punct && crate::text::marks::is_double(t.ch) {
            inside = !inside;
            if inside {
                out.push(Vec::new());
            }
            continue;
        }
        if !inside {
            continue;
        }
        let span = t.span();
        let end = layer.possessive_marker(text, i).map_or(span.end, |m| m.end);
        // a word is letters, digits, hyphens and apostrophes; anything else separates
        let piece = &text[span.start..end];
        for w in piece.split(|c: char| !(c.is_alphanumeric() || c == '-' || is_quote_mark(c))) {
            let w: String = w
                .chars()
                .map(|c| if is_quote_mark(c) { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect();
            let w = w.trim_matches(|c| c == '-' || c == '\'');
            if !w.is_empty() && !lex.stop.contains(w) && !lex.negation.contains(w) {
                if let Some(last) = out.last_mut() {
                    last.push(w.to_string());
                }
            }
        }
    }
    out.retain(|p| !p.is_empty());
    out
}
