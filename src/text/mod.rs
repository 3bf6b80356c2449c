//! The one text layer: each document is tokenized once, here, and every later stage
//! reads these tokens.
//!
//! A [`Tokens`] holds, for a text from a given offset on, every word, number and
//! punctuation mark with its byte span into the original text, its kind, its shape
//! (capitalized, glued to the previous token, after a line break, possessive, hyphenated,
//! ...), an interned lower-case symbol ([`Sym`]) and the lexicon flags of that symbol
//! (the lexicon's flags). One lower-cased copy of the text is kept: an ASCII
//! token's lower-case form is its own byte range in the copy; other words have their
//! full lower-case form appended after the text.
//!
//! Stages that need a different cut of the same text (times split "three-day" at the
//! hyphen, claims keep "China's" whole) build it from these tokens, never by scanning
//! the characters again.

pub mod marks;
mod scan;
pub mod views;

pub use scan::{Shape, TokenKind};

use crate::lexicon::{Lexicon, WordId, WordInfo};
use crate::model::Span;
use rustc_hash::FxHashMap;

/// An interned lower-case word (or punctuation mark) of one document: the lexicon's
/// the lexicon's id for a word that is in a list, else an id of the document's own, numbered
/// from [`Tokens::own_syms_from`] in order of first occurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sym(pub u32);

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte in the text.
    pub start: u32,
    /// One past the last byte (a possessive `’s` is not included, see [`Shape::POSS`]).
    pub end: u32,
    /// Where its lower-case form is in the lower-cased copy.
    lo: (u32, u32),
    /// Its interned lower-case form.
    pub sym: Sym,
    /// The lexicon flags of `sym` (0 for a word in no list).
    pub(crate) flags: u64,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// Its [`Shape`] bits.
    pub shape: Shape,
    /// The first character (for punctuation, the whole token).
    pub ch: char,
}

impl Token {
    /// Its bytes in the text.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Whether it has any of the shape bits `s`.
    #[inline]
    pub fn is(&self, s: Shape) -> bool {
        self.shape.intersects(s)
    }

    /// Whether its lower-case form is in a lexicon list of `bits`.
    #[inline]
    pub(crate) fn has(&self, bits: u64) -> bool {
        self.flags & bits != 0
    }

    /// Whether it is a word.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Whether it is the punctuation mark `p`.
    #[inline]
    pub fn is_punct(&self, p: char) -> bool {
        self.kind == TokenKind::Punct && self.ch == p
    }

    /// Whether its first character is upper case.
    #[inline]
    pub fn cap(&self) -> bool {
        self.shape.intersects(Shape::CAP)
    }

    /// Whether a possessive marker follows it ("China’s").
    #[inline]
    pub fn poss(&self) -> bool {
        self.shape.intersects(Shape::POSS)
    }

    /// Whether a line break stands between the previous token and this one.
    #[inline]
    pub fn nl_before(&self) -> bool {
        self.shape.intersects(Shape::NL)
    }
}

/// The tokens of a text and their lower-cased forms: the one text layer.
#[derive(Clone, Debug)]
pub struct Tokens {
    toks: Vec<Token>,
    lower: String,
    /// The first [`Sym`] that is the document's own (below it, lexicon words).
    own_from: u32,
}

impl Tokens {
    /// Tokenizes `text[from..]` (from 0 when `from` is past the end or not on a
    /// character boundary).
    ///
    /// ```ignore
    /// let t = corroborate::text::Tokens::new("China’s U.S. envoy didn't sign.", 0);
    /// ```
    pub fn new(text: &str, from: usize) -> Tokens {
        let from = if text.is_char_boundary(from) { from } else { 0 };
        let lex = Lexicon::get();
        let mut toks = Vec::with_capacity(text.len().saturating_sub(from) / 5 + 1);
        let mut lower = text.to_ascii_lowercase();
        let own_from = lex.word_count() as u32;
        let mut own = Interner::new(own_from, text.len().saturating_sub(from) / 64);
        scan::scan(text, from, &mut lower, &mut toks, |lo| {
            if let [b] = lo {
                if let Some(&(id, flags)) = lex.ascii_char(*b) {
                    return (Sym(id.0), flags);
                }
            }
            let key = crate::lexicon::PackedKey::of(lo);
            match lex.id_packed(lo, key) {
                Some(id) => (Sym(id.0), lex.info(id).flags),
                None => (own.intern(lo, key), 0),
            }
        });
        Tokens {
            toks,
            lower,
            own_from,
        }
    }

    /// The tokens, in text order.
    #[inline]
    pub fn all(&self) -> &[Token] {
        &self.toks
    }

    /// Token `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// The number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether there are no tokens.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The lower-case form of token `i` (`’` written `'`).
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.lower[t.lo.0 as usize..t.lo.1 as usize]
    }

    /// The lower-case form of the bytes `span` of the text when they are ASCII (a
    /// slice of the lower-cased copy); `None` for a span with other characters.
    pub fn lower_ascii(&self, span: Span) -> Option<&str> {
        let s = self.lower.get(span.start..span.end)?;
        s.is_ascii().then_some(s)
    }

    /// What the lexicon knows about token `i`, when its word is in a list.
    #[inline]
    #[allow(dead_code)] // no stage needs more than the flags yet
    pub(crate) fn info(&self, i: usize) -> Option<&'static WordInfo> {
        let t = self.toks.get(i)?;
        (t.sym.0 < self.own_from).then(|| Lexicon::get().info(WordId(t.sym.0)))
    }

    /// The first [`Sym`] that is the document's own.
    pub fn own_syms_from(&self) -> u32 {
        self.own_from
    }

    /// Whether token `i` is a word or a number (not punctuation, not past the end).
    #[inline]
    pub fn is_alnum(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind != TokenKind::Punct)
    }

    /// Whether token `i` is the punctuation mark `p`.
    #[inline]
    pub fn is_punct(&self, i: usize, p: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(p))
    }

    /// The character of token `i` when it is punctuation.
    #[inline]
    pub fn punct(&self, i: usize) -> Option<char> {
        self.toks
            .get(i)
            .and_then(|t| (t.kind == TokenKind::Punct).then_some(t.ch))
    }

    /// Whether token `i` is in a lexicon list of `bits`.
    #[inline]
    pub fn has(&self, i: usize, bits: u64) -> bool {
        self.toks.get(i).is_some_and(|t| t.has(bits))
    }

    /// The bytes from the start of token `a` to the end of token `b`.
    #[inline]
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].start as usize, self.toks[b].end as usize)
    }

    /// The index of the first token starting at or after byte `pos`.
    #[inline]
    pub fn at_or_after(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| (t.start as usize) < pos)
    }

    /// The range of token indices lying inside `span`.
    pub fn within(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.at_or_after(span.start);
        let b = self.toks.partition_point(|t| (t.end as usize) <= span.end);
        a..b.max(a)
    }
}

impl std::ops::Index<usize> for Tokens {
    type Output = Token;
    #[inline]
    fn index(&self, i: usize) -> &Token {
        &self.toks[i]
    }
}

/// Per-document symbols for words in no lexicon list. A word of up to 16 bytes is keyed
/// by its packed bytes (no allocation); longer ones by a copy.
struct Interner {
    next: u32,
    short: FxHashMap<crate::lexicon::PackedKey, u32>,
    long: FxHashMap<Box<[u8]>, u32>,
}

impl Interner {
    fn new(first: u32, capacity: usize) -> Interner {
        Interner {
            next: first,
            short: FxHashMap::with_capacity_and_hasher(capacity, Default::default()),
            long: FxHashMap::default(),
        }
    }

    fn intern(&mut self, lower: &[u8], key: Option<crate::lexicon::PackedKey>) -> Sym {
        let next = &mut self.next;
        let mut fresh = || {
            let s = *next;
            *next += 1;
            s
        };
        Sym(match key {
            Some(k) => *self.short.entry(k).or_insert_with(fresh),
            None => match self.long.get(lower) {
                Some(&s) => s,
                None => {
                    let s = fresh();
                    self.long.insert(Box::from(lower), s);
                    s
                }
            },
        })
    }
}

#[cfg(test)]
mod tests;
