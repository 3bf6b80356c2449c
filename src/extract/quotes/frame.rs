//! The view of one document that attribution reads: which tokens stand inside
//! quotation marks, the sentence frames ("units") recomputed from punctuation outside
//! quotations, and the mentions by their first and last token.

use super::words::is_abbrev;
use crate::extract::actors::initial::dotted_period;
use crate::extract::actors::lexicon::flag;
use crate::extract::actors::LocalMention;
use crate::extract::marks::Marked;
use crate::model::Span;
use crate::text::{TokenKind, Tokens};
use std::cell::OnceCell;

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
    /// For each sentence frame, its last token before its final punctuation outside
    /// quotations (its first token when it is all punctuation).
    pub unit_content_end: Vec<usize>,
    /// For each sentence frame, whether a word outside quotations stands in it.
    pub unit_has_frame_word: Vec<bool>,
    /// Token counts and positions that let attribution ask about a long stretch of
    /// tokens without walking it; made on the first such question.
    index: OnceCell<TokenIndex>,
    /// Mentions by their last token.
    pub by_end: TokMap,
    /// Mentions by their first token (the first mention there).
    pub by_start: TokMap,
    /// For each mention, its first and last token.
    mention_tok: Vec<(usize, usize)>,
    /// For each mention, the largest end of it and the mentions before it, when the
    /// mentions are in text order.
    mention_end_max: Option<Vec<usize>>,
}

/// Stretches of fewer tokens than this are looked at token by token; longer ones
/// through the token index, made once per document, so that a long sentence frame
/// costs the same for each of its cues.
const DIRECT_SCAN_TOKENS: usize = 64;

/// Running counts before one token.
#[derive(Clone, Copy, Default)]
struct Before {
    /// Word tokens before it.
    words: u32,
    /// Word tokens outside quotations before it.
    frame_words: u32,
    /// The first token of the run of punctuation outside quotations that ends just
    /// before it (the token itself when there is none).
    punct_run_start: u32,
}

/// Prefix counts and sorted positions over the tokens of a document.
#[derive(Default)]
struct TokenIndex {
    /// For each token (and one past the last), the counts before it.
    before: Vec<Before>,
    /// Tokens "that" outside quotations.
    that: Vec<usize>,
    /// Tokens "according" outside quotations.
    according: Vec<usize>,
    /// Tokens "saying", "telling", "stating" or "writing", anywhere.
    saying: Vec<usize>,
    /// Words outside quotations that can start a reporting phrase.
    cue_words: Vec<usize>,
}

impl TokenIndex {
    fn new(toks: &Tokens, in_quote: &[Option<u32>]) -> TokenIndex {
        let mut ix = TokenIndex::default();
        let mut now = Before::default();
        ix.before = toks
            .all()
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let at = now;
                let frame = in_quote[i].is_none();
                let word = t.kind != TokenKind::Punct;
                now.words += u32::from(word);
                now.frame_words += u32::from(word && frame);
                // A run of punctuation outside quotations ends at a word or a quotation.
                if !frame || word {
                    now.punct_run_start = i as u32 + 1;
                }
                // Only words opening with one of these letters can be a marker word
                // (read in lower case only then).
                let marker = word
                    && (!t.ch.is_ascii()
                        || matches!(t.ch, 't' | 'T' | 'a' | 'A' | 's' | 'S' | 'w' | 'W'));
                if marker {
                    match toks.lower(i) {
                        "that" if frame => ix.that.push(i),
                        "according" if frame => ix.according.push(i),
                        "saying" | "telling" | "stating" | "writing" => ix.saying.push(i),
                        _ => {}
                    }
                }
                if word && frame && toks.has(i, flag::QUOTE_CUE) {
                    ix.cue_words.push(i);
                }
                at
            })
            .collect();
        ix.before.push(now);
        ix
    }
}

/// The first of the sorted `positions` in `a..=b`.
fn first_in(positions: &[usize], a: usize, b: usize) -> Option<usize> {
    positions
        .get(positions.partition_point(|&p| p < a))
        .copied()
        .filter(|&p| p <= b)
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
        let mut unit_content_end = vec![0usize; unit_first.len()];
        let mut unit_has_frame_word = vec![false; unit_first.len()];
        for (i, &u) in unit.iter().enumerate() {
            unit_content_end[u] = i;
            unit_has_frame_word[u] |= in_quote[i].is_none() && toks.is_alnum(i);
        }
        let mention_tok = mention_tokens(toks, mentions);
        let sorted = mentions
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start);
        let mention_end_max = sorted.then(|| {
            let mut max = 0;
            mentions
                .iter()
                .map(|m| {
                    max = max.max(m.span.end);
                    max
                })
                .collect()
        });
        let mut by_end = TokMap::new(toks.len());
        let mut by_start = TokMap::new(toks.len());
        for (mi, &(a, b)) in mention_tok.iter().enumerate() {
            by_start.insert_first(a, mi);
            by_end.insert(b, mi);
        }
        let mut f = Frame {
            toks,
            mentions,
            in_quote,
            unit,
            unit_first,
            unit_content_end,
            unit_has_frame_word,
            index: OnceCell::new(),
            by_end,
            by_start,
            mention_tok,
            mention_end_max,
        };
        for u in 0..f.unit_first.len() {
            let (ua, mut ub) = (f.unit_first[u], f.unit_content_end[u]);
            while ub > ua && f.frame(ub) && f.is_trailing_punct(ub) {
                ub -= 1;
            }
            f.unit_content_end[u] = ub;
        }
        f
    }

    /// The bytes of tokens `a..=b`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        self.toks.span_of(a, b)
    }

    /// Whether token `i` stands outside every quotation.
    pub fn frame(&self, i: usize) -> bool {
        crate::work::tick(1);
        i < self.in_quote.len() && self.in_quote[i].is_none()
    }

    /// The lower-case text of token `i`.
    pub fn lo(&self, i: usize) -> &str {
        crate::work::tick(1);
        self.toks.lower(i)
    }

    /// Punctuation that ends a clause and is no part of its content.
    pub fn is_trailing_punct(&self, i: usize) -> bool {
        !self.toks.is_alnum(i)
            && matches!(
                self.lo(i),
                "." | "," | ";" | ":" | "!" | "?" | "…" | "—" | "–" | "-"
            )
    }

    /// The token index, made on first use.
    fn index(&self) -> &TokenIndex {
        self.index
            .get_or_init(|| TokenIndex::new(self.toks, &self.in_quote))
    }

    /// How many word tokens `a..=b` holds (0 when `a > b`).
    pub fn words_in(&self, a: usize, b: usize) -> usize {
        if a > b || b >= self.toks.len() {
            return 0;
        }
        if b - a < DIRECT_SCAN_TOKENS {
            crate::work::tick(b - a + 1);
            return (a..=b).filter(|&j| self.toks.is_alnum(j)).count();
        }
        let w = &self.index().before;
        (w[b + 1].words - w[a].words) as usize
    }

    /// How many word tokens outside quotations `a..=b` holds (0 when `a > b`).
    pub fn frame_words_in(&self, a: usize, b: usize) -> usize {
        if a > b || b >= self.toks.len() {
            return 0;
        }
        if b - a < DIRECT_SCAN_TOKENS {
            crate::work::tick(b - a + 1);
            return (a..=b)
                .filter(|&j| self.frame(j) && self.toks.is_alnum(j))
                .count();
        }
        let w = &self.index().before;
        (w[b + 1].frame_words - w[a].frame_words) as usize
    }

    /// Token `e`, moved back over the punctuation outside quotations before it, but
    /// not before token `floor`.
    pub fn back_over_punct(&self, mut e: usize, floor: usize) -> usize {
        let stop = e.saturating_sub(DIRECT_SCAN_TOKENS).max(floor);
        while e > stop && self.frame(e - 1) && !self.toks.is_alnum(e - 1) {
            crate::work::tick(1);
            e -= 1;
        }
        if e > floor && e == stop && self.frame(e - 1) && !self.toks.is_alnum(e - 1) {
            let start = self
                .index()
                .before
                .get(e)
                .map_or(e, |x| x.punct_run_start as usize);
            e = start.max(floor).min(e);
        }
        e
    }

    /// The first token in `a..=b` that `is` accepts, looking at the tokens when the
    /// stretch is short, else in the sorted `positions` the index keeps.
    fn first_marked(
        &self,
        a: usize,
        b: usize,
        is: impl Fn(usize) -> bool,
        positions: impl FnOnce(&TokenIndex) -> &[usize],
    ) -> Option<usize> {
        if a > b {
            return None;
        }
        if b - a < DIRECT_SCAN_TOKENS {
            return (a..=b.min(self.toks.len().saturating_sub(1))).find(|&j| is(j));
        }
        first_in(positions(self.index()), a, b)
    }

    /// The first "that" outside quotations in tokens `a..=b`.
    pub fn that_in(&self, a: usize, b: usize) -> Option<usize> {
        let is = |j: usize| self.frame(j) && self.toks.is_alnum(j) && self.lo(j) == "that";
        self.first_marked(a, b, is, |ix| &ix.that)
    }

    /// The first "according" outside quotations in tokens `a..=b`.
    pub fn according_in(&self, a: usize, b: usize) -> Option<usize> {
        let is = |j: usize| self.frame(j) && self.toks.is_alnum(j) && self.lo(j) == "according";
        self.first_marked(a, b, is, |ix| &ix.according)
    }

    /// The first "saying", "telling", "stating" or "writing" in tokens `a..=b`.
    pub fn saying_in(&self, a: usize, b: usize) -> Option<usize> {
        let is = |j: usize| {
            self.toks.is_alnum(j)
                && matches!(self.lo(j), "saying" | "telling" | "stating" | "writing")
        };
        self.first_marked(a, b, is, |ix| &ix.saying)
    }

    /// Whether tokens `a..b` hold a word outside quotations that can start a reporting
    /// phrase.
    pub fn has_cue_word(&self, a: usize, b: usize) -> bool {
        let is =
            |j: usize| self.frame(j) && self.toks.is_alnum(j) && self.toks.has(j, flag::QUOTE_CUE);
        b > a
            && self
                .first_marked(a, b - 1, is, |ix| &ix.cue_words)
                .is_some()
    }

    /// The mentions ending at or before byte `at` and after `at - within`, latest
    /// index first (all mentions, filtered, when they are not in text order).
    pub fn mentions_ending_near(&self, at: usize, within: usize) -> Vec<usize> {
        let near = |m: &LocalMention| m.span.end <= at && at - m.span.end < within;
        let Some(end_max) = &self.mention_end_max else {
            return (0..self.mentions.len())
                .rev()
                .filter(|&mi| near(&self.mentions[mi]))
                .collect();
        };
        // Mentions are in text order: none after the last one starting at or before
        // `at` ends by `at`, and none at or before one whose running end maximum is
        // too far back is near.
        let upto = self.mentions.partition_point(|m| m.span.start <= at);
        (0..upto)
            .rev()
            .take_while(|&mi| {
                crate::work::tick(1);
                end_max[mi] + within > at
            })
            .filter(|&mi| near(&self.mentions[mi]))
            .collect()
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
        let t = toks[i];
        let new_para = t.nl_before();
        let prev = i - 1;
        let next_starts = || {
            t.cap()
                || in_quote[i].is_some()
                || (t.kind == TokenKind::Punct && matches!(t.ch, '(' | '[' | '—' | '–' | '-' | '•'))
                || (t.kind == TokenKind::Number
                    && toks.lower(i).bytes().all(|b| b.is_ascii_digit()))
        };
        // "at 3:30 a.m. Tuesday": a time's period before a weekday or month ends no
        // sentence; before other capitals it does, as a period after a word.
        let after_dotted = || {
            dotted_period(toks, prev) && !toks.has(i, flag::WEEKDAY | flag::MONTH) && next_starts()
        };
        let boundary = if in_quote[i].is_some() && in_quote[i] == in_quote[prev] {
            new_para
        } else if in_quote[prev].is_none() {
            let p = toks.punct(prev);
            new_para
                || (matches!(p, Some('.' | '!' | '?' | '…'))
                    && next_starts()
                    && !(p == Some('.') && prev > 0 && is_abbrev(toks, prev - 1)))
                || after_dotted()
        } else {
            // prev is the last token of a quote (its closing mark).
            let qi = in_quote[prev].unwrap_or(0) as usize;
            let inner = &text[marks[qi].content.start..marks[qi].content.end];
            new_para
                || (inner.ends_with(['.', '!', '?', '…'])
                    && next_starts()
                    && (t.cap() || in_quote[i].is_some())
                    && !attribution_follows(toks, in_quote, i))
        };
        if boundary {
            u += 1;
        }
        unit[i] = u;
    }
    unit
}

/// How many capitalized words (a name with its titles) may stand between a quotation
/// that ends its own sentence and the reporting verb that attributes it ("“Can we
/// afford it?” Treasurer Milo Ferraz asked").
const NAME_BEFORE_CUE_TOKENS: usize = 6;

/// Whether the tokens from `i` on are a name and then a reporting verb in lower case,
/// outside quotations: the attribution of the quotation just closed, which does not
/// start a sentence of its own even after its `?`, `!` or `.`.
fn attribution_follows(toks: &Tokens, in_quote: &[Option<u32>], i: usize) -> bool {
    for j in i..(i + NAME_BEFORE_CUE_TOKENS + 1).min(toks.len()) {
        let t = &toks[j];
        if in_quote[j].is_some() || !toks.is_alnum(j) || (j > i && t.nl_before()) {
            return false;
        }
        if !t.cap() {
            return j > i
                && toks.has(j, flag::QUOTE_CUE | flag::INVERTED_CUE)
                && ends_attribution(toks, j + 1);
        }
    }
    false
}

/// How many words may follow a reporting verb in an attribution that ends its sentence
/// ("asked the board.", "told reporters on Monday.").
const WORDS_AFTER_CUE: usize = 4;

/// Whether the attribution whose verb ends before token `k` ends there or after a few
/// words, at a period or comma: not "added that ..." nor "said: ...", which report
/// words of their own.
fn ends_attribution(toks: &Tokens, k: usize) -> bool {
    for j in k..(k + WORDS_AFTER_CUE + 1).min(toks.len()) {
        match toks.punct(j) {
            Some('.' | ',' | '!' | '?') => return true,
            Some(_) => return false,
            None if toks.lower(j) == "that" || toks[j].nl_before() => return false,
            None => {}
        }
    }
    k >= toks.len()
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
            while a < n && (toks[a].start as usize) < m.span.start {
                a += 1;
            }
        }
        let mut e = a;
        while e < n && (toks[e].start as usize) < m.span.end {
            e += 1;
        }
        out.push((a, e.saturating_sub(1)));
    }
    out
}
