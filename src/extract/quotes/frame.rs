//! The view of one document that attribution reads: which tokens stand inside
//! quotation marks, the sentence frames ("units") recomputed from punctuation outside
//! quotations, and the mentions by their first and last token.

use super::words::is_abbrev;
use crate::extract::actors::tokens::{Kind, Tokens};
use crate::extract::actors::LocalMention;
use crate::extract::marks::Marked;
use crate::model::Span;

/// Token index -> mention index, as a flat table (looked up for almost every token);
/// `u32` entries, half the bytes of `usize` to fill.
pub(super) struct TokMap(Vec<u32>);

impl TokMap {
    const NONE: u32 = u32::MAX;
    fn new(n: usize) -> TokMap {
        TokMap(vec![TokMap::NONE; n + 1])
    }
    fn insert(&mut self, tok: usize, mention: usize) {
        if let (Some(slot), Ok(m)) = (self.0.get_mut(tok), u32::try_from(mention)) {
            *slot = m;
        }
    }
    fn insert_first(&mut self, tok: usize, mention: usize) {
        if let (Some(slot), Ok(m)) = (self.0.get_mut(tok), u32::try_from(mention)) {
            if *slot == TokMap::NONE {
                *slot = m;
            }
        }
    }
    /// The mention at token `tok`.
    pub fn get(&self, tok: &usize) -> Option<usize> {
        self.0
            .get(*tok)
            .filter(|&&m| m != TokMap::NONE)
            .map(|&m| m as usize)
    }
    /// Whether a mention is at token `tok`.
    pub fn contains_key(&self, tok: &usize) -> bool {
        self.get(tok).is_some()
    }
}

/// One document as attribution sees it.
pub(super) struct Frame<'a> {
    /// The document's tokens.
    pub toks: &'a Tokens,
    /// Its mentions, in text order.
    pub mentions: &'a [LocalMention],
    /// For each token, the quotation (index into the marks) it stands in, marks
    /// included. (u32: half the bytes of a usize table to fill and read.)
    pub in_quote: Vec<Option<u32>>,
    /// For each token, its sentence frame.
    pub unit: Vec<usize>,
    /// For each sentence frame, its first token.
    pub unit_first: Vec<usize>,
    /// Mentions by their last token.
    pub by_end: TokMap,
    /// Mentions by their first token (the first mention there).
    pub by_start: TokMap,
    /// For each mention, its first and last token.
    mention_tok: Vec<(usize, usize)>,
}

impl<'a> Frame<'a> {
    /// The frame of a document with `text`, tokens, paired quotation marks and mentions.
    pub fn new(
        text: &'a str,
        toks: &'a Tokens,
        marks: &[Marked],
        mentions: &'a [LocalMention],
    ) -> Frame<'a> {
        let in_quote = quote_of_tokens(toks, marks);
        let unit = units(text, toks, marks, &in_quote);
        // The first token of each unit.
        let mut unit_first = vec![0usize; unit.last().map(|&u| u + 1).unwrap_or(0)];
        for (i, &u) in unit.iter().enumerate().rev() {
            unit_first[u] = i;
        }
        let mention_tok = mention_tokens(toks, mentions);
        let mut by_end = TokMap::new(toks.len());
        let mut by_start = TokMap::new(toks.len());
        for (mi, &(a, b)) in mention_tok.iter().enumerate() {
            by_start.insert_first(a, mi);
            by_end.insert(b, mi);
        }
        Frame {
            toks,
            mentions,
            in_quote,
            unit,
            unit_first,
            by_end,
            by_start,
            mention_tok,
        }
    }

    /// The bytes of tokens `a..=b`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks.toks[a].start, self.toks.toks[b].end)
    }

    /// Whether token `i` stands outside every quotation.
    pub fn frame(&self, i: usize) -> bool {
        i < self.in_quote.len() && self.in_quote[i].is_none()
    }

    /// The lower-case text of token `i`.
    pub fn lo(&self, i: usize) -> &str {
        self.toks.lower(i)
    }

    /// Punctuation that ends a clause and is no part of its content.
    pub fn is_trailing_punct(&self, i: usize) -> bool {
        !self.toks.is_word(i)
            && matches!(
                self.lo(i),
                "." | "," | ";" | ":" | "!" | "?" | "…" | "—" | "–" | "-"
            )
    }

    /// The first and last token of mention `mi`.
    pub fn mention_toks(&self, mi: usize) -> (usize, usize) {
        self.mention_tok[mi]
    }
}

/// For each token, the quotation it stands in, marks included.
fn quote_of_tokens(toks: &Tokens, marks: &[Marked]) -> Vec<Option<u32>> {
    let mut in_quote: Vec<Option<u32>> = vec![None; toks.len()];
    for (qi, m) in marks.iter().enumerate() {
        let a = toks.at_or_after(m.open.start);
        let b = toks.at_or_after(m.end());
        for slot in in_quote.iter_mut().take(b).skip(a) {
            *slot = Some(qi as u32);
        }
    }
    in_quote
}

/// Sentence frames ("units"), numbered from 0 for each token: boundaries at paragraph
/// breaks, at terminal punctuation outside quotes, and after a quote that ends its own
/// sentence.
fn units(text: &str, toks: &Tokens, marks: &[Marked], in_quote: &[Option<u32>]) -> Vec<usize> {
    let n = toks.len();
    let mut unit = vec![0usize; n];
    let mut u = 0;
    for i in 1..n {
        let t = toks.toks[i];
        let new_para = t.nl_before;
        let prev = i - 1;
        let next_starts = || {
            t.cap
                || in_quote[i].is_some()
                || (t.kind == Kind::Punct && matches!(t.ch, '(' | '[' | '—' | '–' | '-' | '•'))
                || t.kind == Kind::Word && toks.lower(i).chars().all(|c| c.is_ascii_digit())
        };
        let boundary = if in_quote[i].is_some() && in_quote[i] == in_quote[prev] {
            new_para
        } else if in_quote[prev].is_none() {
            let p = toks.punct(prev);
            new_para
                || (matches!(p, Some('.' | '!' | '?' | '…'))
                    && next_starts()
                    && !(p == Some('.') && prev > 0 && is_abbrev(toks, prev - 1)))
        } else {
            // prev is the last token of a quote (its closing mark).
            let qi = in_quote[prev].unwrap_or(0) as usize;
            let inner = &text[marks[qi].content.start..marks[qi].content.end];
            new_para
                || (inner.ends_with(['.', '!', '?', '…'])
                    && next_starts()
                    && (t.cap || in_quote[i].is_some()))
        };
        if boundary {
            u += 1;
        }
        unit[i] = u;
    }
    unit
}

/// The first and last token of each mention.
fn mention_tokens(toks: &Tokens, mentions: &[LocalMention]) -> Vec<(usize, usize)> {
    let n = toks.len();
    // Mentions come sorted by start and span a few tokens: walk forward from the
    // previous answer instead of searching (the same first tokens at or after).
    let sorted = mentions
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start);
    let mut a = 0;
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        if !sorted {
            a = toks.at_or_after(m.span.start);
        } else {
            while a < n && toks.toks[a].start < m.span.start {
                a += 1;
            }
        }
        let mut e = a;
        while e < n && toks.toks[e].start < m.span.end {
            e += 1;
        }
        out.push((a, e.saturating_sub(1)));
    }
    out
}
