//! Quotations in one document and who says them.
//!
//! Two passes. First the quotation marks are paired over the whole body text, with
//! paragraph awareness and without trusting the sentence segmenter: straight, curly,
//! single and guillemet marks, nested quotes, quotes that continue into the next
//! paragraph (the paragraph-continuation convention: the next paragraph re-opens the
//! quote), and unbalanced marks, recovered at the end of the sentence (for a quote
//! opened mid-sentence) or of the paragraph, so a stray mark never swallows the rest of
//! the article. Apostrophes (`China’s`, `they’d`) are not marks.
//!
//! Then each quote gets its speaker from reporting cues (a lexicon of 100+ verbs and
//! phrases) in the same sentence frame, outside any quotation: `X said "..."`,
//! `"...," X said`, `"...," said X`, `according to X`, `X was quoted as saying`,
//! `quoted X as saying`; pronouns and descriptions resolve to the most salient
//! compatible mention before them; a quote standing alone continues the previous
//! speaker. Reported speech around a cue (`X said that ...`, `X urged all parties to
//! ...`, `according to X, ...`) becomes an indirect quote. When the text does not say
//! who speaks, the speaker is `None`.
//!
//! ```
//! use corroborate::{extract::{actors, quotes}, segment, Document, QuoteKind};
//! let doc = Document::new("a", "“We agree,” Mr Xi said. “Peace matters.”");
//! let s = segment::sentences(&doc);
//! let m = actors::mentions(&doc, &s);
//! let q = quotes::quotes(&doc, &s, &m);
//! assert_eq!(q.len(), 2);
//! assert_eq!(q[0].span.slice(&doc.text), "We agree");
//! assert_eq!(m[q[0].speaker.unwrap()].text(&doc.text), "Mr Xi");
//! assert_eq!(q[1].speaker, q[0].speaker);
//! assert_eq!(q[1].kind, QuoteKind::Direct);
//! ```

use crate::extract::actors::lexicon::{flag, CueKind, Lexicon, Set};
use crate::extract::actors::tokens::{Kind, Tokens};
use crate::extract::actors::{Gender, LocalMention, MentionForm};
use crate::extract::marks::{self, Marked};
use crate::model::{ActorKind, Document, QuoteKind, Sentence, Span};
use serde::{Deserialize, Serialize};

/// A quotation in one document, with its speaker as a reference to a local mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalQuote {
    /// The quoted words without the marks (direct), or the reported content (indirect).
    pub span: Span,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// Index of the speaker's mention in the document's mentions, when known.
    pub speaker: Option<usize>,
    /// The words that name the speaker here ("he", "the ministry", "US officials").
    pub speaker_span: Option<Span>,
    /// The reporting cue's words ("said", "according to", "was quoted as saying").
    pub cue: Option<Span>,
}

/// Token index -> mention index, as a flat table (looked up for almost every token);
/// `u32` entries, half the bytes of `usize` to fill.
struct TokMap(Vec<u32>);

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
    fn get(&self, tok: &usize) -> Option<usize> {
        self.0
            .get(*tok)
            .filter(|&&m| m != TokMap::NONE)
            .map(|&m| m as usize)
    }
    fn contains_key(&self, tok: &usize) -> bool {
        self.get(tok).is_some()
    }
}

/// Who a quote is attributed to, carried over to a following quote.
#[derive(Clone, Copy, Debug)]
struct Attribution {
    speaker: Option<usize>,
    speaker_span: Option<Span>,
    cue: Option<Span>,
}

/// A reporting cue found in the text frame.
#[derive(Clone, Copy, Debug)]
struct Cue {
    a: usize,
    b: usize,
    kind: CueKind,
    unit: usize,
}

/// A noun phrase that names a speaker.
#[derive(Clone, Copy, Debug)]
struct Np {
    first: usize,
    last: usize,
    mention: Option<usize>,
    /// Index of a pronoun token to resolve.
    pronoun: Option<usize>,
    /// Whether the phrase stood before its cue.
    before: bool,
}

const SKIP_BETWEEN: &[&str] = &[
    "also",
    "only",
    "later",
    "then",
    "again",
    "earlier",
    "further",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "did",
    "does",
    "do",
    "previously",
    "repeatedly",
    "separately",
    "recently",
    "publicly",
    "reportedly",
    "once",
    "explicitly",
    "strongly",
    "firmly",
    "clearly",
    "bluntly",
    "simply",
    "openly",
    "privately",
    "quickly",
    "subsequently",
    "today",
    "yesterday",
    "tonight",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "last",
    "week",
    "night",
    "not",
    "never",
    "already",
    "just",
    "even",
    "still",
    "however",
    "instead",
    "finally",
    "first",
    "ultimately",
    "eventually",
    "meanwhile",
];

const PREPOSITIONS: &[&str] = &[
    "with", "to", "by", "for", "from", "of", "on", "at", "in", "about", "against", "between",
    "after", "before", "over", "like", "than", "into", "among", "toward", "towards", "under",
    "via", "without", "upon", "and",
];

/// Verbs after which the next name is an object, not an inverted subject.
const INVERTIBLE: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "continued",
    "explained",
    "noted",
    "stressed",
    "insisted",
    "declared",
    "argued",
    "replied",
    "responded",
    "stated",
    "tweeted",
    "recalled",
    "admitted",
    "acknowledged",
    "conceded",
    "concluded",
    "cautioned",
    "remarked",
    "commented",
    "observed",
    "exclaimed",
    "asked",
    "answered",
    "countered",
    "warned",
    "emphasised",
    "emphasized",
    "announced",
    "claimed",
    "predicted",
    "reported",
];

/// The word lists above as hash sets, built once: a lookup per word instead of a
/// scan of the list.
struct WordLists {
    skip_between: Set<&'static str>,
    prepositions: Set<&'static str>,
    invertible: Set<&'static str>,
    noun_like: Set<&'static str>,
}

fn word_lists() -> &'static WordLists {
    static LISTS: std::sync::OnceLock<WordLists> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| WordLists {
        skip_between: SKIP_BETWEEN.iter().copied().collect(),
        prepositions: PREPOSITIONS.iter().copied().collect(),
        invertible: INVERTIBLE.iter().copied().collect(),
        noun_like: NOUN_LIKE.iter().copied().collect(),
    })
}

/// Plural nouns that are also reporting verbs: a cue only right after a subject.
const NOUN_LIKE: &[&str] = &[
    "comments",
    "remarks",
    "claims",
    "reports",
    "estimates",
    "demands",
    "answers",
    "notes",
    "states",
    "promises",
    "appeals",
    "pledges",
    "vows",
    "thought",
    "warning",
    "saying",
    "writing",
    "concludes",
    "wants",
    "feels",
    "hopes",
    "believes",
    "thinks",
    "posted",
    "expressed",
    "described",
    "welcomed",
    "welcomes",
    "agreed",
    "agrees",
    "felt",
    "wanted",
    "hoped",
    "believed",
    "reported",
    "maintains",
    "indicated",
    "indicates",
    "informed",
    "advised",
    "briefed",
    "cited",
    "citing",
    "repeated",
    "proposed",
    "proposes",
    "called",
    "calling",
];

/// The quotations of `doc`, direct and indirect, in text order. `mentions` are the
/// document's mentions from [`crate::extract::actors::mentions`]; speakers refer to
/// them by index. `sentences` are accepted for symmetry with the other stages; the
/// sentence frames used here are recomputed from punctuation outside the quotes, so
/// that a sentence break inside a quotation does not cut its attribution off.
pub fn quotes(
    doc: &Document,
    sentences: &[Sentence],
    mentions: &[LocalMention],
) -> Vec<LocalQuote> {
    let _ = sentences;
    let body = doc.body();
    let marks = marks::scan(&doc.text, body.start);
    let toks = Tokens::new(&doc.text, body.start);
    quotes_in(doc, mentions, &toks, &marks)
}

/// [`quotes`] over tokens and quotation marks already found.
pub(crate) fn quotes_in(
    doc: &Document,
    mentions: &[LocalMention],
    toks: &Tokens,
    marks: &[Marked],
) -> Vec<LocalQuote> {
    let text = doc.text.as_str();
    let n = toks.len();
    let lex = Lexicon::get();

    // Which quote each token belongs to (marks included).
    // (u32: a quote index; half the bytes of a usize table to fill and read.)
    let mut in_quote: Vec<Option<u32>> = vec![None; n];
    for (qi, m) in marks.iter().enumerate() {
        let end = m.close.map(|c| c.end).unwrap_or(m.content.end);
        let a = toks.at_or_after(m.open.start);
        let b = toks.at_or_after(end);
        for slot in in_quote.iter_mut().take(b).skip(a) {
            *slot = Some(qi as u32);
        }
    }
    let frame = |i: usize| in_quote[i].is_none();

    // Sentence frames ("units"): boundaries at paragraph breaks, at terminal
    // punctuation outside quotes, and after a quote that ends its own sentence.
    let mut unit = vec![0usize; n];
    let mut u = 0;
    for i in 0..n {
        if i > 0 {
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
            } else if frame(prev) {
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
        }
        unit[i] = u;
    }

    // The first token of each unit.
    let mut unit_first = vec![0usize; unit.last().map(|&u| u + 1).unwrap_or(0)];
    for (i, &u) in unit.iter().enumerate().rev() {
        unit_first[u] = i;
    }

    // Mentions by their first and last token.
    let mut by_end = TokMap::new(n);
    let mut by_start = TokMap::new(n);
    let mut mention_tok: Vec<(usize, usize)> = Vec::with_capacity(mentions.len());
    // Mentions come sorted by start and span a few tokens: walk forward from the
    // previous answer instead of searching (the same first tokens at or after).
    let sorted = mentions
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start);
    let mut a = 0;
    for (mi, m) in mentions.iter().enumerate() {
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
        let b = e.saturating_sub(1);
        mention_tok.push((a, b));
        by_start.insert_first(a, mi);
        by_end.insert(b, mi);
    }

    // Reporting cues in the frame.
    let mut cues: Vec<Cue> = Vec::new();
    let mut i = 0;
    while i < n {
        if !frame(i) || !toks.is_word(i) || !toks.has(i, flag::CUE) {
            i += 1;
            continue;
        }
        let lw = toks.lower(i);
        let Some(phrases) = lex.cues.get(lw) else {
            i += 1;
            continue;
        };
        if toks.toks[i].cap && lw != "according" && lw != "citing" {
            i += 1;
            continue;
        }
        let mut found = None;
        for (p, kind) in phrases {
            let mut ok = true;
            for (k, w) in p.iter().enumerate() {
                let j = i + k;
                if j >= n || !frame(j) || toks.lower(j) != w {
                    ok = false;
                    break;
                }
            }
            if ok {
                found = Some((i + p.len() - 1, *kind));
                break;
            }
        }
        let Some((b, kind)) = found else {
            i += 1;
            continue;
        };
        let prev = if i > 0 && frame(i - 1) {
            Some(toks.lower(i - 1))
        } else {
            None
        };
        if matches!(
            prev,
            Some(
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "our"
                    | "this"
                    | "these"
                    | "my"
                    | "your"
            )
        ) {
            i = b + 1;
            continue;
        }
        // "is said to", "was told": passive forms of plain verbs are not cues.
        if kind == CueKind::Verb
            && matches!(
                prev,
                Some("is" | "was" | "are" | "were" | "been" | "be" | "being")
            )
            && b == i
        {
            i = b + 1;
            continue;
        }
        let participle = lw.ends_with("ing") && prev == Some(",");
        if word_lists().noun_like.contains(lw) && b == i && !participle {
            let subject_before = i > 0
                && (by_end.contains_key(&(i - 1))
                    || is_pronoun(toks.lower(i - 1))
                    || toks.lower(i - 1) == ",");
            if !subject_before {
                i = b + 1;
                continue;
            }
        }
        let kind = if kind == CueKind::Quoted {
            // "quoted X as saying"; without "as saying" it is no cue.
            let has_as = (b + 1..(b + 9).min(n)).any(|j| {
                toks.lower(j) == "as"
                    && j + 1 < n
                    && matches!(
                        toks.lower(j + 1),
                        "saying" | "telling" | "stating" | "writing"
                    )
            });
            if !has_as {
                i = b + 1;
                continue;
            }
            kind
        } else {
            kind
        };
        cues.push(Cue {
            a: i,
            b,
            kind,
            unit: unit[i],
        });
        i = b + 1;
    }

    let ctx = Ctx {
        text,
        toks,
        in_quote: &in_quote,
        unit: &unit,
        by_end: &by_end,
        by_start: &by_start,
        mentions,
    };

    // Salient mentions for pronouns: persons in subject position and bodies, in the
    // frame, in text order; cue speakers are added as they are found.
    let mut salient: Vec<(usize, usize)> = Vec::new();
    for (mi, m) in mentions.iter().enumerate() {
        let (a, _) = mention_tok[mi];
        if m.quoted || a >= n || !frame(a) || m.form == MentionForm::Place {
            continue;
        }
        if m.kind == ActorKind::Person {
            let object = a > 0 && frame(a - 1) && {
                let p = toks.lower(a - 1);
                word_lists().prepositions.contains(p)
                    || (toks.is_word(a - 1)
                        && (p.ends_with("ed")
                            || toks.has(a - 1, flag::CUE)
                            || matches!(
                                p,
                                "met"
                                    | "meet"
                                    | "meets"
                                    | "told"
                                    | "tell"
                                    | "thanked"
                                    | "congratulated"
                            )))
            };
            if object {
                continue;
            }
        }
        salient.push((a, mi));
    }
    salient.sort();

    // Speakers of the cues, in text order.
    let mut cue_np: Vec<Option<Np>> = Vec::with_capacity(cues.len());
    let mut cue_speaker: Vec<Option<usize>> = Vec::with_capacity(cues.len());
    for c in &cues {
        let np = ctx.speaker_np(c);
        let who = np.and_then(|np| {
            np.mention
                .or_else(|| np.pronoun.and_then(|p| ctx.resolve_pronoun(p, &salient)))
        });
        if let (Some(np), Some(w)) = (np, who) {
            let pos = np.first;
            let at = salient.partition_point(|&(p, _)| p <= pos);
            salient.insert(at, (pos, w));
        }
        cue_np.push(np);
        cue_speaker.push(who);
    }

    let mut out: Vec<LocalQuote> = Vec::new();
    // Direct quotes.
    // The previous direct quote: its unit and attribution.
    let mut last_direct: Option<(usize, Attribution)> = None;
    for m in marks.iter() {
        let qa = toks.at_or_after(m.open.start);
        let qb = toks
            .at_or_after(m.close.map(|c| c.end).unwrap_or(m.content.end))
            .saturating_sub(1);
        if qa >= n {
            continue;
        }
        let qu = unit[qa];
        // Cues are in text order, so those of one unit are a run.
        let in_unit = cues.partition_point(|c| c.unit < qu)..cues.partition_point(|c| c.unit <= qu);
        let mut chosen: Option<usize> = None;
        let sourced = |k: usize| cues[k].kind == CueKind::Source;
        // a. right after the quote: `,” X said` / `,” said X`.
        if let Some(k) = in_unit.clone().find(|&k| cues[k].a > qb) {
            let c = cues[k];
            let between_quote = (qb + 1..c.a).any(|j| in_quote[j].is_some());
            if !between_quote && c.a - qb <= 14 && cue_np[k].is_some() && !sourced(k) {
                chosen = Some(k);
            }
        }
        // b. the nearest reporting verb before the quote, then a source anywhere.
        if chosen.is_none() {
            chosen = in_unit
                .clone()
                .rev()
                .find(|&k| cues[k].b < qa && cue_np[k].is_some() && !sourced(k));
        }
        if chosen.is_none() {
            chosen = in_unit.clone().find(|&k| cue_np[k].is_some() && sourced(k));
        }
        // c. any later cue in the frame.
        if chosen.is_none() {
            chosen = in_unit
                .clone()
                .find(|&k| cues[k].a > qb && cue_np[k].is_some());
        }
        let mut q = LocalQuote {
            span: m.content,
            kind: QuoteKind::Direct,
            speaker: None,
            speaker_span: None,
            cue: None,
        };
        if let Some(k) = chosen {
            let c = cues[k];
            q.cue = Some(ctx.span(c.a, c.b));
            q.speaker = cue_speaker[k];
            q.speaker_span = cue_np[k].map(|np| ctx.span(np.first, np.last));
        } else if qa >= 2 && toks.is_punct(qa - 1, ':') && by_end.contains_key(&(qa - 2)) {
            // `X: “...”`
            let mi = by_end.get(&(qa - 2)).unwrap_or(0);
            q.speaker = Some(mi);
            q.speaker_span = Some(mentions[mi].span);
        } else {
            // A quote standing alone continues the previous speaker.
            let alone = (unit_first[qu]..n)
                .take_while(|&j| unit[j] == qu)
                .all(|j| in_quote[j].is_some() || !toks.is_word(j));
            // `X said:` closing the previous paragraph introduces this quote.
            let introduced = (alone && qa > 0 && frame(qa - 1) && toks.is_punct(qa - 1, ':'))
                .then(|| {
                    cues.iter()
                        .enumerate()
                        .rev()
                        .find(|(k, c)| c.unit == unit[qa - 1] && cue_np[*k].is_some())
                        .map(|(k, _)| k)
                })
                .flatten();
            if let Some(k) = introduced {
                let c = cues[k];
                q.cue = Some(ctx.span(c.a, c.b));
                q.speaker = cue_speaker[k];
                q.speaker_span = cue_np[k].map(|np| ctx.span(np.first, np.last));
            } else if let Some((pu, prev)) = last_direct {
                if alone && qu <= pu + 2 && (prev.speaker.is_some() || prev.speaker_span.is_some())
                {
                    q.speaker = prev.speaker;
                    q.speaker_span = prev.speaker_span;
                    q.cue = prev.cue;
                }
            }
        }
        last_direct = Some((
            qu,
            Attribution {
                speaker: q.speaker,
                speaker_span: q.speaker_span,
                cue: q.cue,
            },
        ));
        out.push(q);
    }

    // Indirect speech around each cue.
    for (k, c) in cues.iter().enumerate() {
        let Some(np) = cue_np[k] else { continue };
        if let Some(span) = ctx.indirect_content(c, &np, marks) {
            out.push(LocalQuote {
                span,
                kind: QuoteKind::Indirect,
                speaker: cue_speaker[k],
                speaker_span: Some(ctx.span(np.first, np.last)),
                cue: Some(ctx.span(c.a, c.b)),
            });
        }
    }
    // An indirect quote whose cue lies inside another one's content is part of it.
    let indirect: Vec<Span> = out
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| q.span)
        .collect();
    let inds: Vec<(Span, Option<usize>)> = out
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| (q.span, q.speaker))
        .collect();
    let _ = indirect;
    out.retain(|q| {
        q.kind == QuoteKind::Direct
            || !q
                .cue
                .map(|c| {
                    inds.iter().any(|&(s, sp)| {
                        s != q.span && s.contains(c) && (q.speaker.is_none() || q.speaker == sp)
                    })
                })
                .unwrap_or(false)
    });
    out.sort_by_key(|q| (q.span.start, q.span.end, q.kind == QuoteKind::Indirect));
    out.dedup_by_key(|q| (q.span, q.kind));
    out
}

fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "it" | "they" | "we" | "i")
}

fn is_abbrev(toks: &Tokens, i: usize) -> bool {
    if !toks.is_word(i) {
        return false;
    }
    let w = toks.lower(i);
    Lexicon::get().titles.get(w) == Some(&true)
        || matches!(
            w,
            "st" | "jr"
                | "sr"
                | "gen"
                | "sen"
                | "rep"
                | "gov"
                | "lt"
                | "col"
                | "capt"
                | "prof"
                | "no"
                | "vs"
                | "inc"
                | "co"
                | "corp"
        )
        || (w.chars().count() == 1 && toks.toks[i].cap)
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a Tokens,
    in_quote: &'a [Option<u32>],
    unit: &'a [usize],
    by_end: &'a TokMap,
    by_start: &'a TokMap,
    mentions: &'a [LocalMention],
}

impl Ctx<'_> {
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks.toks[a].start, self.toks.toks[b].end)
    }
    fn frame(&self, i: usize) -> bool {
        i < self.in_quote.len() && self.in_quote[i].is_none()
    }
    fn lo(&self, i: usize) -> &str {
        self.toks.lower(i)
    }
    /// Punctuation that ends a clause and is no part of its content.
    fn is_trailing_punct(&self, i: usize) -> bool {
        !self.toks.is_word(i)
            && matches!(
                self.lo(i),
                "." | "," | ";" | ":" | "!" | "?" | "…" | "—" | "–" | "-"
            )
    }

    /// The noun phrase of the speaker of cue `c`.
    fn speaker_np(&self, c: &Cue) -> Option<Np> {
        match c.kind {
            CueKind::Source => self.np_after_source(c),
            CueKind::Quoted => self.np_forward(c.b + 1, c.unit, false),
            CueKind::Verb | CueKind::Passive => {
                let lw = self.lo(c.a);
                if lw.ends_with("ing") && c.a > 0 && self.lo(c.a - 1) == "," {
                    // A participle clause: the speaker is the subject of the main clause.
                    return self.subject_before(c.a - 1, c.unit);
                }
                if let Some(np) = self.np_backward(c.a, c.unit) {
                    return Some(np);
                }
                // "X arrived in Beijing and said ...": the subject of the first verb.
                if let Some(k) = self.skip_back(c.a, c.unit) {
                    if self.lo(k) == "and" {
                        return self.subject_before(k, c.unit);
                    }
                }
                if c.a == c.b && word_lists().invertible.contains(lw) {
                    return self.np_forward(c.b + 1, c.unit, true);
                }
                None
            }
        }
    }

    /// The phrase ending just before token `a` (skipping adverbs, auxiliaries and an
    /// apposition between commas).
    fn np_backward(&self, a: usize, u: usize) -> Option<Np> {
        let mut k = a;
        loop {
            if k == 0 {
                return None;
            }
            let p = k - 1;
            if !self.frame(p) || self.unit[p] != u {
                return None;
            }
            let lw = self.lo(p);
            if self.toks.is_word(p)
                && word_lists().skip_between.contains(lw)
                && !self.by_end.contains_key(&p)
            {
                k = p;
                continue;
            }
            if let Some(mi) = self.by_end.get(&p) {
                let first = self.toks.at_or_after(self.mentions[mi].span.start);
                // "The Foreign Ministry in Beijing said": the place modifies the body.
                if self.mentions[mi].form == MentionForm::Place
                    && first >= 2
                    && matches!(self.lo(first - 1), "in" | "of" | "from" | "at")
                {
                    if let Some(mj) = self.by_end.get(&(first - 2)) {
                        let f2 = self.toks.at_or_after(self.mentions[mj].span.start);
                        return Some(Np {
                            first: f2,
                            last: p,
                            mention: Some(mj),
                            pronoun: None,
                            before: true,
                        });
                    }
                    // "Officials in Kyiv said": the place only says where they are.
                    if self.toks.is_word(first - 2) {
                        return Some(Np {
                            first: first - 2,
                            last: p,
                            mention: None,
                            pronoun: None,
                            before: true,
                        });
                    }
                }
                // "Xi and Lukashenko said": a group, not one speaker.
                if let Some(other) = self.coordinated_before(first, u) {
                    return Some(Np {
                        first: other,
                        last: p,
                        mention: None,
                        pronoun: None,
                        before: true,
                    });
                }
                return Some(Np {
                    first,
                    last: p,
                    mention: Some(mi),
                    pronoun: None,
                    before: true,
                });
            }
            if is_pronoun(lw) {
                return Some(Np {
                    first: p,
                    last: p,
                    mention: None,
                    pronoun: Some(p),
                    before: true,
                });
            }
            if matches!(lw, "," | "—" | "–") && p > 0 {
                // "The minister’s aide, Tom Reed, said": the name between the commas.
                if let Some(mi) = self.by_end.get(&(p - 1)) {
                    let m = &self.mentions[mi];
                    let first = self.toks.at_or_after(m.span.start);
                    if m.kind == ActorKind::Person && first > 0 && self.lo(first - 1) == "," {
                        return Some(Np {
                            first,
                            last: p - 1,
                            mention: Some(mi),
                            pronoun: None,
                            before: true,
                        });
                    }
                }
            }
            if matches!(lw, "," | "—" | "–") {
                // "X, the president of Belarus, said": skip back to the previous comma.
                let mut q = p;
                let limit = p.saturating_sub(25);
                while q > limit {
                    q -= 1;
                    if !self.frame(q) || self.unit[q] != u {
                        return None;
                    }
                    if matches!(self.lo(q), "," | "—" | "–") {
                        break;
                    }
                }
                if q == 0 || q == limit {
                    return None;
                }
                if let Some(mi) = self.by_end.get(&(q - 1)) {
                    if self.frame(q - 1) {
                        let first = self.toks.at_or_after(self.mentions[mi].span.start);
                        return Some(Np {
                            first,
                            last: q - 1,
                            mention: Some(mi),
                            pronoun: None,
                            before: true,
                        });
                    }
                }
                return None;
            }
            if self.toks.is_word(p) && !is_function_word(lw) {
                // A phrase that names no known actor ("US officials", "analysts").
                let mut first = p;
                while first > 0
                    && first + 5 > p
                    && self.frame(first - 1)
                    && self.unit[first - 1] == u
                    && self.toks.is_word(first - 1)
                    && !is_function_word(self.lo(first - 1))
                    && !Lexicon::get().cues.contains_key(self.lo(first - 1))
                {
                    first -= 1;
                }
                if first > 0
                    && matches!(self.lo(first - 1), "the" | "a" | "an")
                    && self.frame(first - 1)
                {
                    first -= 1;
                }
                // A verb phrase is no subject: only noun-like phrases count.
                if looks_nominal(self.lo(p)) {
                    return Some(Np {
                        first,
                        last: p,
                        mention: None,
                        pronoun: None,
                        before: true,
                    });
                }
            }
            return None;
        }
    }

    /// The first token before `a` that is not an adverb or auxiliary, in unit `u`.
    fn skip_back(&self, a: usize, u: usize) -> Option<usize> {
        let mut k = a;
        while k > 0 {
            let p = k - 1;
            if !self.frame(p) || self.unit[p] != u {
                return None;
            }
            if self.toks.is_word(p) && word_lists().skip_between.contains(self.lo(p)) {
                k = p;
                continue;
            }
            return Some(p);
        }
        None
    }

    /// Whether the mention or pronoun starting at token `a` stands as an object (after a
    /// preposition or a verb) rather than as a subject.
    fn object_like(&self, a: usize) -> bool {
        if a == 0 || !self.frame(a - 1) {
            return false;
        }
        let p = self.lo(a - 1);
        word_lists().prepositions.contains(p)
            || (self.toks.is_word(a - 1)
                && (p.ends_with("ed")
                    || Lexicon::get().cues.contains_key(p)
                    || matches!(
                        p,
                        "met" | "meet" | "meets" | "told" | "tell" | "thanked" | "congratulated"
                    )))
    }

    /// The nearest subject-like mention or pronoun before token `at` in unit `u`.
    fn subject_before(&self, at: usize, u: usize) -> Option<Np> {
        let mut j = at;
        let limit = at.saturating_sub(60);
        while j > limit {
            j -= 1;
            if self.unit[j] != u {
                return None;
            }
            if !self.frame(j) {
                continue;
            }
            if let Some(mi) = self.by_end.get(&j) {
                let m = &self.mentions[mi];
                let first = self.toks.at_or_after(m.span.start);
                let modifier = m.form == MentionForm::Place
                    && first > 0
                    && matches!(self.lo(first - 1), "the" | "a" | "an" | "this" | "that");
                if !m.quoted && !self.toks.toks[j].poss && !self.object_like(first) && !modifier {
                    if let Some(other) = self.coordinated_before(first, u) {
                        return Some(Np {
                            first: other,
                            last: j,
                            mention: None,
                            pronoun: None,
                            before: true,
                        });
                    }
                    return Some(Np {
                        first,
                        last: j,
                        mention: Some(mi),
                        pronoun: None,
                        before: true,
                    });
                }
                j = first;
                continue;
            }
            if matches!(self.lo(j), "he" | "she" | "it" | "they" | "we") && !self.object_like(j) {
                return Some(Np {
                    first: j,
                    last: j,
                    mention: None,
                    pronoun: Some(j),
                    before: true,
                });
            }
        }
        None
    }

    /// When the mention starting at `first` is the second of "X and Y" (role words
    /// between allowed), the first token of X.
    fn coordinated_before(&self, first: usize, u: usize) -> Option<usize> {
        let lex = Lexicon::get();
        let mut k = first;
        for _ in 0..6 {
            if k == 0 || !self.frame(k - 1) || self.unit[k - 1] != u {
                return None;
            }
            let p = k - 1;
            let lw = self.lo(p);
            if lw == "and" {
                if p == 0 {
                    return None;
                }
                let q = p - 1;
                if let Some(mj) = self.by_end.get(&q) {
                    if self.mentions[mj].kind == ActorKind::Person
                        || self.mentions[mj].form != MentionForm::Place
                    {
                        return Some(self.toks.at_or_after(self.mentions[mj].span.start));
                    }
                }
                return None;
            }
            let roleish = lex.is_role(lw)
                || lex.modifiers.contains(lw)
                || lex.nationality.contains_key(lw)
                || matches!(lw, "his" | "her" | "their" | "its" | "counterpart");
            if !roleish {
                return None;
            }
            k = p;
        }
        None
    }

    /// The phrase starting at token `a`: a mention, a pronoun, or a description.
    fn np_forward(&self, a: usize, u: usize, inverted: bool) -> Option<Np> {
        let mut k = a;
        if k < self.toks.len()
            && self.frame(k)
            && matches!(self.lo(k), "the")
            && !self.by_start.contains_key(&k)
        {
            k += 1;
        }
        if k >= self.toks.len() || !self.frame(k) || self.unit[k] != u {
            return None;
        }
        if let Some(mi) = self.by_start.get(&k).or_else(|| self.by_start.get(&a)) {
            let (_, last) = self.mention_toks(mi);
            return Some(Np {
                first: a.min(k),
                last,
                mention: Some(mi),
                pronoun: None,
                before: false,
            });
        }
        let lw = self.lo(k);
        let pronoun = if inverted {
            matches!(lw, "he" | "she" | "they" | "we")
        } else {
            is_pronoun(lw)
        };
        if pronoun {
            return Some(Np {
                first: k,
                last: k,
                mention: None,
                pronoun: Some(k),
                before: false,
            });
        }
        // Find a mention a few words on ("quoted Chinese state media as saying").
        for j in k..(k + 6).min(self.toks.len()) {
            if !self.frame(j)
                || self.unit[j] != u
                || !self.toks.is_word(j)
                || matches!(self.lo(j), "as")
            {
                break;
            }
            if let Some(mi) = self.by_start.get(&j) {
                let (_, last) = self.mention_toks(mi);
                return Some(Np {
                    first: a,
                    last,
                    mention: Some(mi),
                    pronoun: None,
                    before: false,
                });
            }
        }
        None
    }

    fn mention_toks(&self, mi: usize) -> (usize, usize) {
        let m = &self.mentions[mi];
        let a = self.toks.at_or_after(m.span.start);
        let b = self.toks.at_or_after(m.span.end).saturating_sub(1);
        (a, b)
    }

    /// The source after "according to": the last mention before the phrase ends.
    fn np_after_source(&self, c: &Cue) -> Option<Np> {
        let n = self.toks.len();
        let mut j = c.b + 1;
        let mut found: Option<Np> = None;
        let start = j;
        let mut last_word = None;
        while j < n && self.frame(j) && self.unit[j] == c.unit && j < start + 14 {
            if let Some(mi) = self.by_start.get(&j) {
                let (_, b) = self.mention_toks(mi);
                if self.mentions[mi].form != MentionForm::Place || found.is_none() {
                    found = Some(Np {
                        first: j,
                        last: b,
                        mention: Some(mi),
                        pronoun: None,
                        before: false,
                    });
                }
                last_word = Some(b);
                j = b + 1;
                continue;
            }
            if !self.toks.is_word(j) {
                break;
            }
            let lw = self.lo(j);
            if matches!(
                lw,
                "of" | "with"
                    | "by"
                    | "cited"
                    | "in"
                    | "on"
                    | "that"
                    | "which"
                    | "who"
                    | "from"
                    | "about"
                    | "published"
                    | "released"
                    | "distributed"
            ) || Lexicon::get().cues.contains_key(lw) && j > start + 1
            {
                break;
            }
            last_word = Some(j);
            j += 1;
        }
        if let Some(np) = found {
            // "the ministry statement": the phrase's own head is what speaks.
            return Some(np);
        }
        let last = last_word?;
        Some(Np {
            first: start,
            last,
            mention: None,
            pronoun: None,
            before: false,
        })
    }

    /// The antecedent of the pronoun at token `p`: the latest salient compatible
    /// mention before it.
    fn resolve_pronoun(&self, p: usize, salient: &[(usize, usize)]) -> Option<usize> {
        let (want_person, gender) = match self.lo(p) {
            "he" | "him" => (true, Some(Gender::Male)),
            "she" | "her" => (true, Some(Gender::Female)),
            "it" => (false, None),
            _ => return None,
        };
        let fits = |mi: usize| {
            let m = &self.mentions[mi];
            if want_person {
                m.kind == ActorKind::Person && (m.gender.is_none() || m.gender == gender)
            } else {
                m.kind != ActorKind::Person && m.form != MentionForm::Place
            }
        };
        let upto = salient.partition_point(|&(pos, _)| pos < p);
        salient[..upto]
            .iter()
            .rev()
            .map(|&(_, mi)| mi)
            .find(|&mi| fits(mi))
            .or_else(|| {
                // No subject fits ("she" after "Mr Roberts met Ms Page"): the nearest
                // fitting mention in any position, within the last few hundred bytes.
                let at = self.toks.toks[p].start;
                self.mentions
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|(_, m)| m.span.end <= at && at - m.span.end < 400 && !m.quoted)
                    .map(|(mi, _)| mi)
                    .find(|&mi| fits(mi) && self.mentions[mi].gender.is_some())
            })
    }

    /// The reported content around a cue, for an indirect quote.
    /// Whether tokens `a..comma` are only a capitalized name (the head of an
    /// apposition, "Leila Smith, the opposition leader, said ..."), not content.
    fn name_before_apposition(&self, a: usize, comma: usize) -> bool {
        let words: Vec<usize> = (a..comma).filter(|&j| self.toks.is_word(j)).collect();
        !words.is_empty()
            && words.len() <= 4
            && words.len() == comma - a
            && words.iter().all(|&j| self.toks.toks[j].cap)
    }

    fn indirect_content(&self, c: &Cue, np: &Np, marks: &[Marked]) -> Option<Span> {
        let n = self.toks.len();
        let u = c.unit;
        // Unit bounds.
        let mut ua = c.a;
        while ua > 0 && self.unit[ua - 1] == u {
            ua -= 1;
        }
        let mut ub = c.b;
        while ub + 1 < n && self.unit[ub + 1] == u {
            ub += 1;
        }
        // Drop the final punctuation.
        while ub > ua && self.frame(ub) && self.is_trailing_punct(ub) {
            ub -= 1;
        }
        let after_start = if np.before { c.b + 1 } else { np.last + 1 };
        // `“...,” he said, ...`: an attribution trailing a quotation reports nothing more.
        let lead = if np.before { np.first.min(c.a) } else { c.a };
        if c.kind != CueKind::Source {
            let lex = Lexicon::get();
            let mut k = lead;
            // Role words before the name ("US State Department spokesman Ned Price").
            for _ in 0..8 {
                if k == 0 || !self.frame(k - 1) || !self.toks.is_word(k - 1) {
                    break;
                }
                let w = self.lo(k - 1);
                if self.toks.toks[k - 1].cap || lex.is_role(w) || lex.modifiers.contains(w) {
                    k -= 1;
                } else {
                    break;
                }
            }
            while k > 0 && self.frame(k - 1) && matches!(self.lo(k - 1), "," | ":" | "—" | "–")
            {
                k -= 1;
            }
            if k > 0 && self.in_quote[k - 1].is_some() && self.unit[k - 1] == u {
                return None;
            }
        }
        let (mut a, b) = match c.kind {
            CueKind::Quoted => {
                // "quoted X as saying that ...": the content follows "as saying".
                let start = (np.last + 1..=ub).find(|&j| {
                    matches!(self.lo(j), "saying" | "telling" | "stating" | "writing")
                })?;
                (start + 1, ub)
            }
            CueKind::Source => {
                // "according to X, CONTENT" when a comma follows the source.
                let comma = (np.last + 1..=ub.min(np.last + 20))
                    .find(|&j| self.frame(j) && self.lo(j) == ",");
                let rest_words = (np.last + 1..=ub).filter(|&j| self.toks.is_word(j)).count();
                if let (Some(cm), true) = (comma, rest_words >= 3) {
                    (cm + 1, ub)
                } else {
                    // "CONTENT, according to X."
                    let mut e = c.a;
                    while e > ua
                        && !(self.frame(e - 1) && self.toks.is_word(e - 1))
                        && self.in_quote[e - 1].is_none()
                    {
                        e -= 1;
                    }
                    if e == ua {
                        return None;
                    }
                    // Already reported by a verb cue ("“...,” he said, according to X").
                    if (ua..e).any(|j| {
                        self.frame(j)
                            && self.toks.is_word(j)
                            && Lexicon::get().cues.contains_key(self.lo(j))
                    }) {
                        return None;
                    }
                    (ua, e - 1)
                }
            }
            _ => {
                let rest_words = (after_start..=ub.max(after_start))
                    .filter(|&j| j <= ub && self.toks.is_word(j))
                    .count();
                // "CONTENT, X said after the meeting.": what follows the cue is an
                // adverbial of time or place, and the content is before the comma.
                // ("Leila Smith, the opposition leader, said on Twitter ...": what is
                // before the comma is the speaker's name, no content.)
                let adverbial_after = np.before
                    && np.first > ua + 2
                    && self.frame(np.first - 1)
                    && self.lo(np.first - 1) == ","
                    && !self.name_before_apposition(ua, np.first - 1)
                    && after_start <= ub
                    && matches!(
                        self.lo(after_start),
                        "after"
                            | "before"
                            | "during"
                            | "on"
                            | "in"
                            | "at"
                            | "late"
                            | "earlier"
                            | "later"
                            | "last"
                            | "yesterday"
                            | "today"
                            | "following"
                            | "when"
                            | "while"
                            | "without"
                    )
                    && !(after_start..=ub).any(|j| self.frame(j) && self.lo(j) == "that");
                if np.before && rest_words >= 2 && !adverbial_after {
                    // "X told Y that ...": the content starts after "that".
                    let told = matches!(
                        self.lo(c.b),
                        "told" | "tells" | "assured" | "informed" | "reminded"
                    );
                    let that = told
                        .then(|| {
                            (after_start..=ub.min(after_start + 30))
                                .find(|&j| self.frame(j) && self.lo(j) == "that")
                        })
                        .flatten();
                    (that.map(|t| t + 1).unwrap_or(after_start), ub)
                } else {
                    // "CONTENT, X said." / "CONTENT, said X."
                    let mut e = if np.before { np.first } else { c.a };
                    while e > ua && !(self.toks.is_word(e - 1) || self.in_quote[e - 1].is_some()) {
                        e -= 1;
                    }
                    if e <= ua {
                        return None;
                    }
                    (ua, e - 1)
                }
            }
        };
        // Skip leading adverbs and time words, then "that", a comma or a colon.
        while a <= b
            && self.frame(a)
            && (matches!(self.lo(a), "that" | "," | ":" | "—" | "–")
                || (word_lists().skip_between.contains(self.lo(a))
                    && (a + 1..=b.min(a + 4)).any(|j| self.lo(j) == "that")))
        {
            a += 1;
        }
        // "X said on Twitter the talks ...", "X said in a statement the ministry ...":
        // a short place or occasion phrase is the frame, the content starts after it.
        if np.before
            && a + 2 <= b
            && self.frame(a)
            && c.kind == CueKind::Verb
            && matches!(
                self.lo(a),
                "on" | "in" | "at" | "during" | "after" | "following"
            )
        {
            let opener = (a + 2..=b.min(a + 5)).find(|&j| {
                self.frame(j)
                    && matches!(
                        self.lo(j),
                        "the"
                            | "a"
                            | "an"
                            | "he"
                            | "she"
                            | "it"
                            | "they"
                            | "we"
                            | "this"
                            | "these"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                    )
            });
            if let Some(k) = opener {
                if (k..=b).filter(|&j| self.toks.is_word(j)).count() >= 3 {
                    a = k;
                }
            }
        }
        // Stop before a later "according to" / another cue's sourcing clause.
        let mut b = b;
        for j in a..=b {
            if self.frame(j) && self.lo(j) == "according" && j > a {
                b = j - 1;
                break;
            }
        }
        while b > a && self.frame(b) && self.is_trailing_punct(b) {
            b -= 1;
        }
        if a > b || b >= n {
            return None;
        }
        let words = (a..=b)
            .filter(|&j| self.frame(j) && self.toks.is_word(j))
            .count();
        if words < 2 {
            return None;
        }
        let mut span = self.span(a, b);
        // Content that is one direct quotation is that quote, not an indirect one.
        if let Some(m) = marks
            .iter()
            .find(|m| m.open.start == span.start || m.content.start == span.start)
        {
            let end = m.close.map(|c| c.end).unwrap_or(m.content.end);
            if end >= span.end {
                return None;
            }
        }
        // Keep the span on text, not on a trailing mark.
        if let Some(m) = marks
            .iter()
            .find(|m| m.close.map(|c| c.end) == Some(span.end))
        {
            if m.content.end > span.start {
                span = Span::new(span.start, span.end);
            }
        }
        let _ = self.text;
        Some(span)
    }
}

fn is_function_word(w: &str) -> bool {
    Lexicon::get().not_names.contains(w)
        || !w.chars().next().map(char::is_alphanumeric).unwrap_or(false)
}

/// Whether a word can end a noun phrase (not a verb form or adverb).
fn looks_nominal(w: &str) -> bool {
    !(w.ends_with("ly")
        || w.ends_with("ed")
        || w.ends_with("ing")
        || Lexicon::get().cues.contains_key(w))
}
