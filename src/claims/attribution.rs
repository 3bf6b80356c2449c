//! The attribution of a sentence: the reporting cue ("said", "according to") and the
//! speaker phrase ("Anna Kovač, the spokesperson"), set apart from the content so a
//! claim credited to another speaker, or quoted in another form, still aligns.

use super::lexicon::Lexicon;
use super::tokens::{Raw, RawKind};

/// The longest speaker or source phrase, in tokens, taken beside a cue; a longer run is
/// more likely content than a source.
const MAX_SPEAKER_TOKENS: usize = 7;
/// The longest run of capitalized words before an apposition ("Anna Kovač, the
/// spokesperson, said") that still belongs to the speaker.
const MAX_APPOSITION_NAME: usize = 4;

/// What [`set_apart`] finds: which tokens are attribution, and the spans of the speaker
/// phrase and cue (byte offsets into the sentence).
pub(super) struct SetApart {
    /// Per token: part of an attribution, not content.
    pub(super) skip: Vec<bool>,
    pub(super) speaker: Option<(usize, usize)>,
    pub(super) cue: Option<(usize, usize)>,
}

/// The attribution of a sentence's tokens: the first cue with its speaker phrase, then
/// every channel ("told reporters", "on Twitter") and second source ("…, according to
/// statements distributed by his advisers"), which are attribution too.
/// `is_reporting(i)` says whether token `i` can open a cue (a cached lexicon look-up).
pub(super) fn set_apart(
    toks: &[Raw],
    lex: &Lexicon,
    is_reporting: &dyn Fn(usize) -> bool,
) -> SetApart {
    let mut skip = vec![false; toks.len()];
    let mut speaker = None;
    let mut cue = None;
    if let Some((np, c)) = attribution(toks, lex, is_reporting) {
        skip[c.0..c.1].fill(true);
        cue = Some((toks[c.0].start, toks[c.1 - 1].end));
        if let Some((a, b)) = np {
            skip[a..b].fill(true);
            speaker = Some((toks[a].start, toks[b - 1].end));
        }
    }
    for i in 0..toks.len() {
        if !is_reporting(i) {
            continue;
        }
        let Some(cands) = lex.reporting.get(&*toks[i].lower) else {
            continue;
        };
        for c in cands.iter().filter(|c| c.len() > 1) {
            if cue_at(c, toks, i) {
                let mut end = i + c.len();
                if toks[i].lower == "according" {
                    if let Some(np_end) = source_phrase_end(toks, end) {
                        end = np_end;
                    }
                }
                skip[i..end].fill(true);
            }
        }
    }
    SetApart { skip, speaker, cue }
}

/// Whether the cue phrase `cue` (lower-case words) stands at token `i`.
fn cue_at(cue: &[String], toks: &[Raw], i: usize) -> bool {
    i + cue.len() <= toks.len() && cue.iter().zip(&toks[i..]).all(|(w, t)| *w == t.lower)
}

/// Punctuation that ends a speaker phrase (but not `$`, `%`, `&` or a hyphen, which can
/// stand inside a name or a figure).
fn is_boundary(t: &Raw) -> bool {
    t.kind == RawKind::Punct && !matches!(&*t.lower, "$" | "%" | "&" | "-")
}

/// Token ranges `(start, end)` of an attribution: the speaker phrase, if found, and the cue.
type Found = (Option<(usize, usize)>, (usize, usize));

/// The first attribution of the sentence: a cue (not a channel such as "on Twitter") and
/// its speaker phrase, before the cue ("Kovač said", with an apposition), after it
/// ("…,” said Kovač.") or after "according to".
fn attribution(toks: &[Raw], lex: &Lexicon, is_reporting: &dyn Fn(usize) -> bool) -> Option<Found> {
    for i in 0..toks.len() {
        if !is_reporting(i) {
            continue;
        }
        let Some(cands) = lex.reporting.get(&*toks[i].lower) else {
            continue;
        };
        // the longest cue phrase that stands here (the lists are longest first)
        let Some(len) = cands.iter().find(|c| cue_at(c, toks, i)).map(Vec::len) else {
            continue;
        };
        let cue = (i, i + len);
        let first = &*toks[i].lower;
        if matches!(first, "on" | "in" | "at") {
            // a channel ("on Twitter"): set apart, look on for the verb
            continue;
        }
        if first == "according" {
            let j = phrase_after(toks, cue.1);
            return Some(((j > cue.1).then_some((cue.1, j)), cue));
        }
        // speaker before the cue: back to a boundary, skipping one comma
        let mut k = i;
        if k > 0 && toks[k - 1].lower == "," {
            k -= 1;
        }
        let np_end = k;
        while k > 0 && !is_boundary(&toks[k - 1]) && np_end - (k - 1) <= MAX_SPEAKER_TOKENS {
            k -= 1;
        }
        if k < np_end && (k == 0 || is_boundary(&toks[k - 1])) {
            return Some((Some((with_apposition(toks, k), np_end)), cue));
        }
        // speaker after the cue: "…,” said Kovač."
        if k == np_end {
            let j = phrase_after(toks, cue.1);
            if j > cue.1 && (j == toks.len() || is_boundary(&toks[j])) {
                return Some((Some((cue.1, j)), cue));
            }
        }
        return Some((None, cue));
    }
    None
}

/// Where the phrase starting at token `from` ends: at the next boundary, the sentence
/// end, or after [`MAX_SPEAKER_TOKENS`] tokens.
fn phrase_after(toks: &[Raw], from: usize) -> usize {
    let mut j = from;
    while j < toks.len() && !is_boundary(&toks[j]) && j - from < MAX_SPEAKER_TOKENS {
        j += 1;
    }
    j
}

/// The start of a speaker phrase that begins at token `start`, moved back over a name
/// before an apposition ("Anna Kovač, the spokesperson").
fn with_apposition(toks: &[Raw], start: usize) -> usize {
    if start < 2 || toks[start - 1].lower != "," {
        return start;
    }
    let mut m = start - 1;
    while m > 0 && toks[m - 1].kind == RawKind::Word && toks[m - 1].cap {
        m -= 1;
    }
    if m < start - 1
        && start - 1 - m <= MAX_APPOSITION_NAME
        && (m == 0 || is_boundary(&toks[m - 1]))
    {
        m
    } else {
        start
    }
}

/// The end of the source phrase after "according to" that starts at token `from`: it
/// runs to the next punctuation or the sentence end within [`MAX_SPEAKER_TOKENS`] words,
/// else `None`.
fn source_phrase_end(toks: &[Raw], from: usize) -> Option<usize> {
    let mut j = from;
    while j < toks.len() && !is_boundary(&toks[j]) {
        if j - from >= MAX_SPEAKER_TOKENS {
            return None;
        }
        j += 1;
    }
    (j > from).then_some(j)
}
