//! The cut of the text layer's tokens ([`crate::text`]) that times and quantities read:
//! the same tokens, split where an expression reads parts of one, each looked up in the
//! [`lexicon`] of calendar and number words (built from the one lexicon).
//!
//! Its interface is [`from_layer`] (and [`document_tokens`]), the [`Tok`] it yields and
//! the [`Tokens`] view the expression finders read them through.

mod lexicon;

use crate::model::{Document, Span};

pub(crate) use lexicon::{lexicon, Edge, Entry, TUnit, Tense, TimeWord, UnitClass};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TKind {
    /// Letters (with inner apostrophes, and dotted abbreviations such as `p.m.`).
    Word,
    /// Digits with inner `.,:/-` separators followed by digits.
    Num,
    /// Any other non-space character.
    Punct,
}

/// One token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Kind.
    pub kind: TKind,
    /// No whitespace between the previous token and this one.
    pub glued: bool,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// The lexicon entry of the lower-cased token, if any.
    pub entry: Option<&'static Entry>,
}

/// A text's tokens and the text they point into, read by position: a position past
/// either end reads as nothing (an empty word, no kind, not glued), so the matchers can
/// look ahead without bounds checks.
#[derive(Clone, Copy)]
pub(crate) struct Tokens<'a> {
    /// The text the spans point into.
    pub text: &'a str,
    /// The tokens, in text order.
    pub toks: &'a [Tok],
}

impl<'a> Tokens<'a> {
    /// The text of token `i`.
    pub fn s(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// Whether token `i` is `w`, ignoring ASCII case.
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(w)
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<TKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Whether token `i` follows the one before it with no space between.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    /// The lexicon entry of token `i`.
    pub fn entry(&self, i: usize) -> Option<&'static Entry> {
        self.toks.get(i).and_then(|t| t.entry)
    }
}

/// Punctuation that is never in the lexicon (skips a lookup on the commonest marks).
fn plain_punct(b: u8) -> bool {
    matches!(
        b,
        b'.' | b','
            | b';'
            | b':'
            | b'"'
            | b'\''
            | b'('
            | b')'
            | b'-'
            | b'!'
            | b'?'
            | b'['
            | b']'
            | b'/'
    )
}

/// The bytes and the text of tokens `first..end` (half-open, not empty).
pub(crate) fn located(text: &str, toks: &[Tok], first: usize, end: usize) -> (Span, String) {
    let span = Span::new(toks[first].start, toks[end - 1].end);
    (span, text[span.start..span.end].to_string())
}

/// The tokens of a document's body, with spans into its text; none when the head does
/// not end on a character boundary.
pub(crate) fn document_tokens(doc: &Document) -> Vec<Tok> {
    let text = doc.text.as_str();
    let start = doc.body().start.min(text.len());
    if !text.is_char_boundary(start) {
        return Vec::new();
    }
    from_layer(text, &crate::text::Tokens::new(text, start))
}

/// The lexer's cut of the text layer's tokens `layer` of `text`: the same tokens, split
/// where times read parts of one ("three-day" is a number word, a hyphen and a unit;
/// "13th" a number and a word; "Wednesday's" the weekday, an apostrophe and "s"; a URL
/// its parts), each looked up in the [`lexicon`].
pub(crate) fn from_layer(text: &str, layer: &crate::text::Tokens) -> Vec<Tok> {
    use crate::text::Shape;
    let mut out = Vec::with_capacity(layer.len() + layer.len() / 8);
    for (i, t) in layer.all().iter().enumerate() {
        let span = t.span();
        let glued = t.is(Shape::GLUED);
        match t.kind {
            TokenKind::Punct => push(&mut out, text, span, TKind::Punct, glued),
            TokenKind::Number => push(&mut out, text, span, TKind::Num, glued),
            TokenKind::Word
                if !t.is(Shape::HYPHEN | Shape::URL) && !starts_with_digit(text, span) =>
            {
                push(&mut out, text, span, TKind::Word, glued)
            }
            TokenKind::Word => word_pieces(text, span, t.is(Shape::URL), glued, &mut out),
        }
        if let Some(m) = layer.possessive_marker(text, i) {
            // "’s": the apostrophe and an "s", as a lexer that keeps "Wednesday" whole
            // reads them
            let apostrophe = text[m.start..].chars().next().map_or(1, char::len_utf8);
            push(
                &mut out,
                text,
                Span::new(m.start, m.start + apostrophe),
                TKind::Punct,
                true,
            );
            if m.end > m.start + apostrophe {
                push(
                    &mut out,
                    text,
                    Span::new(m.start + apostrophe, m.end),
                    TKind::Word,
                    true,
                );
            }
        }
    }
    out
}

use crate::model::TokenKind;

fn starts_with_digit(text: &str, span: Span) -> bool {
    text.as_bytes()
        .get(span.start)
        .is_some_and(u8::is_ascii_digit)
}

/// The pieces of a word token: split at its hyphens (at every mark for a URL), a piece
/// that starts with digits split into the number and the words after it.
fn word_pieces(text: &str, span: Span, url: bool, glued: bool, out: &mut Vec<Tok>) {
    use crate::text::views::{is_hyphen, pieces};
    let is_mark = |c: char| {
        if url {
            !c.is_alphanumeric()
        } else {
            is_hyphen(c)
        }
    };
    let mut first = true;
    for p in pieces(text, span, is_mark) {
        let g = if first { glued } else { true };
        first = false;
        if p.mark {
            push(out, text, p.span, TKind::Punct, g);
            continue;
        }
        let n = number_end(text, p.span);
        if n == p.span.start {
            push(out, text, p.span, TKind::Word, g);
            continue;
        }
        push(out, text, Span::new(p.span.start, n), TKind::Num, g);
        if n < p.span.end {
            let rest = Span::new(n, p.span.end);
            for q in pieces(text, rest, |c| matches!(c, '.' | ',' | '\'' | '’')) {
                let kind = if q.mark { TKind::Punct } else { TKind::Word };
                push(out, text, q.span, kind, true);
            }
        }
    }
}

/// Where the number at the start of `text[span]` ends: digits with inner `.,:/-`
/// separators before a digit (the start itself when there is none).
fn number_end(text: &str, span: Span) -> usize {
    let b = text.as_bytes();
    let mut n = span.start;
    while n < span.end {
        if b[n].is_ascii_digit() {
            n += 1;
        } else if n > span.start
            && matches!(b[n], b'.' | b',' | b':' | b'/' | b'-')
            && n + 1 < span.end
            && b[n + 1].is_ascii_digit()
        {
            n += 2;
        } else {
            break;
        }
    }
    n
}

/// Pushes the token `text[span]` of `kind`, looked up in the lexicon.
fn push(out: &mut Vec<Tok>, text: &str, span: Span, kind: TKind, glued: bool) {
    let lex = lexicon();
    let s = &text[span.start..span.end];
    let b = s.as_bytes().first().copied().unwrap_or(b' ');
    let cap = if b < 0x80 {
        b.is_ascii_uppercase()
    } else {
        s.chars().next().is_some_and(char::is_uppercase)
    };
    let entry = match kind {
        TKind::Word if s.len() <= lex.max_len() + 2 => lex.get(s),
        TKind::Punct if !(b < 0x80 && plain_punct(b)) => lex.get(s),
        _ => None,
    };
    out.push(Tok {
        start: span.start,
        end: span.end,
        kind,
        glued,
        cap,
        entry,
    });
}
