//! The tense of the clause around an expression, which decides whether a bare weekday
//! or month lies before or after the anchor.

use super::P;
use crate::extract::lex::{TKind, Tense};

/// How many words back from an expression a tense cue is looked for.
const LOOK_BACK: usize = 8;

/// How many words back from an expression a future cue is still looked for when no cue
/// lies nearer: a plan states its verb before a long place ("is due to appear before
/// the county magistrates' court on Tuesday"), and a bare weekday of a plan lies ahead.
const FUTURE_LOOK_BACK: usize = 16;

/// How many words ahead of an expression a tense cue is looked for.
const LOOK_AHEAD: usize = 6;

/// Whether a word reads as a regular past form ("reported", not "need" or "Ted").
pub(super) fn word_past(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 5 && b.ends_with(b"ed") && !b.ends_with(b"eed") && b[0].is_ascii_lowercase()
}

/// The tense of the clause around tokens `first..last`: the nearest cue within a
/// few words, not crossing a sentence end.
pub(super) fn near(p: &P, first: usize, last: usize) -> Option<Tense> {
    let stop = |i: usize| matches!(p.t.s(i), "." | "!" | "?" | ";");
    let found = |t: Tense| match t {
        Tense::Present => Some(Tense::Future),
        t => Some(t),
    };
    let (mut back_open, mut fwd_open) = (true, true);
    for d in 1..=LOOK_BACK {
        let back = first.checked_sub(d).filter(|_| back_open);
        if let Some(i) = back {
            if stop(i) {
                back_open = false;
            } else if let Some(t) = cue(p, i) {
                // A strong future cue just as near ahead wins ("said ... will ... on
                // Friday" is settled by "will").
                let fwd = last + d - 1;
                if fwd_open
                    && d <= LOOK_AHEAD
                    && !(last..=fwd).any(stop)
                    && cue(p, fwd) == Some(Tense::Future)
                {
                    return Some(Tense::Future);
                }
                return found(t);
            }
        }
        let j = last + d - 1;
        if fwd_open && d <= LOOK_AHEAD && j < p.t.toks.len() {
            if stop(j) {
                fwd_open = false;
            } else if let Some(t) = cue(p, j) {
                return found(t);
            }
        }
    }
    if back_open {
        return far_future(p, first, stop);
    }
    None
}

/// A future cue farther back than [`LOOK_BACK`] (up to [`FUTURE_LOOK_BACK`] words), when
/// it is the nearest cue there: only a future cue is taken from so far, since a clause
/// with no cue already reads as past or neutral.
fn far_future(p: &P, first: usize, stop: impl Fn(usize) -> bool) -> Option<Tense> {
    for d in LOOK_BACK + 1..=FUTURE_LOOK_BACK {
        let i = first.checked_sub(d)?;
        if stop(i) {
            return None;
        }
        if let Some(t) = cue(p, i) {
            return (t == Tense::Future).then_some(Tense::Future);
        }
    }
    None
}

/// The tense word `i` cues. A participle after "be" ("will be held", "is due to be
/// published") is no past.
fn cue(p: &P, i: usize) -> Option<Tense> {
    let c = word_cue(p, i)?;
    if c == Tense::Past
        && i > 0
        && ["be", "is", "are", "been", "being", "'s", "am"]
            .iter()
            .any(|w| p.t.is(i - 1, w))
    {
        return None;
    }
    Some(c)
}

/// The tense word `i` cues on its own: a tense word of the lexicon, "next", "coming",
/// or a regular past form.
fn word_cue(p: &P, i: usize) -> Option<Tense> {
    let t = p.t.toks.get(i)?;
    if t.kind != TKind::Word {
        return None;
    }
    if let Some(te) = t.entry.and_then(|e| e.tense) {
        // "due to", "set to", "expected to" are future only before "to".
        let s = p.t.s(i).to_ascii_lowercase();
        if matches!(
            s.as_str(),
            "due"
                | "set"
                | "expected"
                | "scheduled"
                | "going"
                | "plans"
                | "plan"
                | "planned"
                | "intends"
                | "aims"
                | "hopes"
        ) {
            let next_ok = p.t.is(i + 1, "to")
                || (s.starts_with("plan") && ["a", "an", "for"].iter().any(|w| p.t.is(i + 1, w)));
            return if next_ok || s == "scheduled" {
                Some(Tense::Future)
            } else {
                None
            };
        }
        return Some(te);
    }
    if p.t.is(i, "next") || p.t.is(i, "coming") {
        return Some(Tense::Future);
    }
    if word_past(p.t.s(i)) {
        return Some(Tense::Past);
    }
    None
}
