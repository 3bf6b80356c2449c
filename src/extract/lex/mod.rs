//! The small lexer that times and quantities share: word, number and punctuation tokens
//! with byte spans, each word looked up once in the [`lexicon`] compiled from
//! `data/time/` and `data/quantity/`.
//!
//! Its interface is [`tokens`] (one pass over a text), the [`Tok`] it yields and the
//! [`Tokens`] view the expression finders read them through.

mod lexicon;

use crate::model::{Document, Span};

pub(crate) use lexicon::{lexicon, unit_named, Edge, Entry, TUnit, Tense, TimeWord, UnitClass};

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
    tokens(text, start, text.len())
}

/// Tokens of `text[from..to]`, with spans into `text`.
pub(crate) fn tokens(text: &str, from: usize, to: usize) -> Vec<Tok> {
    let lex = lexicon();
    let slice = &text[from..to];
    let bytes = slice.as_bytes();
    let mut out: Vec<Tok> = Vec::with_capacity(slice.len() / 5);
    let mut i = 0;
    let mut glued = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' {
            i += 1;
            glued = false;
            continue;
        }
        let start = i;
        let (kind, end) = if b.is_ascii_digit() {
            let mut j = i + 1;
            while j < bytes.len() {
                let c = bytes[j];
                if c.is_ascii_digit() {
                    j += 1;
                } else if matches!(c, b'.' | b',' | b':' | b'/' | b'-')
                    && j + 1 < bytes.len()
                    && bytes[j + 1].is_ascii_digit()
                {
                    j += 2;
                } else {
                    break;
                }
            }
            (TKind::Num, j)
        } else if b.is_ascii_alphabetic() {
            (TKind::Word, word_end(slice, i))
        } else if b < 0x80 {
            (TKind::Punct, i + 1)
        } else {
            let ch = slice[i..].chars().next().unwrap_or(' ');
            if ch.is_whitespace() {
                i += ch.len_utf8();
                glued = false;
                continue;
            }
            if ch.is_alphabetic() {
                (TKind::Word, word_end(slice, i))
            } else {
                (TKind::Punct, i + ch.len_utf8())
            }
        };
        let s = &slice[start..end];
        let cap = if b < 0x80 {
            b.is_ascii_uppercase()
        } else {
            s.chars().next().is_some_and(char::is_uppercase)
        };
        let entry = match kind {
            TKind::Word if end - start <= lex.max_len() + 2 => lex.get(s),
            TKind::Punct if !(b < 0x80 && plain_punct(b)) => lex.get(s),
            _ => None,
        };
        out.push(Tok {
            start: from + start,
            end: from + end,
            kind,
            glued,
            cap,
            entry,
        });
        glued = true;
        i = end;
    }
    out
}

/// The end of the word starting at `i` (a letter): letters and digits, inner
/// apostrophes ("didn't", but a possessive `'s` is split off so "Wednesday's" is the
/// weekday), and dotted single-letter abbreviations (a.m., p.m., U.S.).
fn word_end(slice: &str, i: usize) -> usize {
    let bytes = slice.as_bytes();
    let mut j = i;
    while let Some(&c) = bytes.get(j) {
        if c.is_ascii_alphanumeric() {
            j += 1;
            continue;
        }
        if c < 0x80 && c != b'\'' {
            break;
        }
        let ch = slice[j..].chars().next().unwrap_or(' ');
        if ch.is_alphabetic() {
            j += ch.len_utf8();
            continue;
        }
        if matches!(ch, '\'' | '’') {
            let rest = &slice[j + ch.len_utf8()..];
            let mut r = rest.chars();
            match (r.next(), r.next()) {
                (Some('s' | 'S'), n) if !n.is_some_and(char::is_alphabetic) => break,
                (Some(n), _) if n.is_alphabetic() => {
                    j += ch.len_utf8();
                    continue;
                }
                _ => break,
            }
        }
        break;
    }
    if j == i + 1 {
        let mut k = j;
        while k + 1 < bytes.len()
            && bytes[k] == b'.'
            && bytes[k + 1].is_ascii_alphabetic()
            && (k + 2 >= bytes.len() || !bytes[k + 2].is_ascii_alphabetic())
        {
            k += 2;
        }
        if k > j && k < bytes.len() && bytes[k] == b'.' {
            k += 1;
        }
        if k > j + 1 {
            j = k;
        }
    }
    j
}
