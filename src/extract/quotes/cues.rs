//! Reporting cues in the text outside quotations: verbs and phrases from the lexicon
//! (`data/quotes/reporting_verbs.txt`) that say someone speaks ("said", "according
//! to", "was quoted as saying").

use super::frame::Frame;
use super::words::{is_pronoun, word_lists};
use crate::extract::actors::lexicon::{flag, quote_cues, CueKind};

/// How many tokens after "quoted" may hold "as saying" ("quoted Chinese state media as
/// saying"); without it, "quoted" is no cue.
const QUOTED_AS_WINDOW: usize = 8;

/// How many auxiliaries and adverbs may stand between a subject and a verb that is
/// also a noun ("Trump has repeatedly called").
const AUXILIARIES_BEFORE_CUE: usize = 3;

/// A reporting cue found in the text frame.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cue {
    /// Its first token.
    pub a: usize,
    /// Its last token.
    pub b: usize,
    /// How it points at its speaker.
    pub kind: CueKind,
    /// Its sentence frame.
    pub unit: usize,
}

/// The reporting cues of the frame, in text order, not overlapping.
pub(super) fn find(f: &Frame) -> Vec<Cue> {
    let n = f.toks.len();
    let mut cues: Vec<Cue> = Vec::new();
    let mut i = 0;
    while i < n {
        let Some((b, kind)) = phrase_at(f, i).or_else(|| inverted_after_quote(f, i)) else {
            i += 1;
            continue;
        };
        if reports(f, i, b, kind) {
            cues.push(Cue {
                a: i,
                b,
                kind,
                unit: f.unit[i],
            });
        }
        i = b + 1;
    }
    cues
}

/// The reporting phrase starting at token `i` outside quotations: its last token and
/// kind (the longest phrase of the lexicon that matches).
fn phrase_at(f: &Frame, i: usize) -> Option<(usize, CueKind)> {
    let toks = f.toks;
    if !f.frame(i) || !toks.is_alnum(i) || !toks.has(i, flag::QUOTE_CUE) {
        return None;
    }
    let lw = toks.lower(i);
    if toks[i].cap() && lw != "according" && lw != "citing" {
        return None;
    }
    quote_cues(lw).find_map(|cue| {
        let p = &cue.words;
        let matches = p.iter().enumerate().all(|(k, w)| {
            let j = i + k;
            j < toks.len() && f.frame(j) && toks.lower(j) == *w
        });
        matches.then(|| (i + p.len() - 1, cue.kind))
    })
}

/// Whether token `i` is a lower-case verb of saying from the lexicon's inverted list
/// standing beside a quotation, which reports it even when the verb alone is no cue
/// elsewhere: right after the closing mark ("“Why now?” wondered the mayor", "“We did
/// it!” cried Tamsin Ogilvy"), after the closing mark and the speaker ("“You insulted
/// us,” Kara Dunmore charged"), or right before a comma or colon and the opening mark
/// ("Ames scoffed: “Nonsense.”"). A single-token verb cue.
fn inverted_after_quote(f: &Frame, i: usize) -> Option<(usize, CueKind)> {
    let toks = f.toks;
    if !(i > 0
        && f.frame(i)
        && toks.is_alnum(i)
        && !toks[i].cap()
        && toks.has(i, flag::INVERTED_CUE))
    {
        return None;
    }
    let after_mark = |j: usize| j > 0 && !f.frame(j - 1) && f.in_quote[j - 1].is_some();
    let right_after = after_mark(i);
    let after_speaker = f
        .by_end
        .get(&(i - 1))
        .map(|mi| f.mention_toks(mi).0)
        .or_else(|| matches!(toks.lower(i - 1), "he" | "she" | "they").then_some(i - 1))
        .is_some_and(after_mark);
    let before_mark = i + 2 < toks.len()
        && (toks.is_punct(i + 1, ',') || toks.is_punct(i + 1, ':'))
        && f.frame(i + 1)
        && f.in_quote[i + 2].is_some();
    (right_after || after_speaker || before_mark).then_some((i, CueKind::Verb))
}

/// Whether the phrase `a..=b` of `kind` really reports speech here: not a noun after a
/// determiner ("the statement"), not a passive of a plain verb ("is said to"), a
/// noun-like word only right after a subject, "quoted" only with "as saying".
fn reports(f: &Frame, a: usize, b: usize, kind: CueKind) -> bool {
    let toks = f.toks;
    let lw = toks.lower(a);
    let prev = (a > 0 && f.frame(a - 1)).then(|| toks.lower(a - 1));
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
        return false;
    }
    // "is said to", "was told": passive forms of plain verbs are not cues.
    if kind == CueKind::Verb
        && matches!(
            prev,
            Some("is" | "was" | "are" | "were" | "been" | "be" | "being")
        )
        && b == a
    {
        return false;
    }
    let participle = lw.ends_with("ing") && prev == Some(",");
    if word_lists().noun_like.contains(lw) && b == a && !participle {
        // "Trump has repeatedly called", "Cole, who described": over auxiliaries and
        // adverbs to the subject or a relative "who".
        let mut s = a;
        while s > 0
            && a - s < AUXILIARIES_BEFORE_CUE
            && f.frame(s - 1)
            && toks.is_alnum(s - 1)
            && word_lists().skip_between.contains(toks.lower(s - 1))
            && !f.by_end.contains_key(&(s - 1))
        {
            s -= 1;
        }
        let subject_before = s > 0
            && (f.by_end.contains_key(&(s - 1))
                || is_pronoun(toks.lower(s - 1))
                || (s == a && toks.lower(s - 1) == ",")
                || toks.lower(s - 1) == "who");
        if !subject_before {
            return false;
        }
    }
    if kind == CueKind::Quoted {
        // "quoted X as saying"; without "as saying" it is no cue.
        let n = toks.len();
        return (b + 1..(b + 1 + QUOTED_AS_WINDOW).min(n)).any(|j| {
            toks.lower(j) == "as"
                && j + 1 < n
                && matches!(
                    toks.lower(j + 1),
                    "saying" | "telling" | "stating" | "writing"
                )
        });
    }
    true
}
