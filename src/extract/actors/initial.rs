//! Which capitalized words open a sentence or stand in a headline: there a capital
//! says nothing about a name.

use super::lexicon::{flag, Set};
use crate::text::{Shape, TokenKind, Tokens};

/// The fewest words a title-case line needs to be read as a headline.
const HEADLINE_WORDS: usize = 3;
/// The share of capitalized words that makes a line title case: three in four.
const HEADLINE_CAPS: (usize, usize) = (3, 4);

/// Marks every word of a title-case line ("China, Belarus Issue Vague Call for Peace")
/// as sentence-initial, so its capitals count as names only when seen elsewhere.
pub(super) fn mark_headlines(toks: &Tokens, initial: &mut [bool]) {
    let n = toks.len();
    let mut a = 0;
    while a < n {
        let mut b = a + 1;
        while b < n && !toks[b].nl_before() {
            b += 1;
        }
        let (mut words, mut caps, mut has_sentence_end) = (0usize, 0usize, false);
        for t in &toks.all()[a..b] {
            if t.kind != TokenKind::Punct {
                words += 1;
                caps += usize::from(t.cap());
            } else if matches!(t.ch, '.' | '!' | '?' | ':') {
                has_sentence_end = true;
                break;
            }
        }
        let title_case = caps * HEADLINE_CAPS.1 >= words * HEADLINE_CAPS.0;
        if words >= HEADLINE_WORDS && title_case && !has_sentence_end {
            for (i, t) in toks.all()[a..b].iter().enumerate() {
                if t.kind != TokenKind::Punct {
                    initial[a + i] = true;
                }
            }
        }
        a = b;
    }
}

/// Whether each token opens a sentence: after a paragraph break, or after `.`, `!`,
/// `?` (possibly followed by closing marks) that does not end an abbreviation.
pub(super) fn sentence_initial(text: &str, toks: &Tokens, starts: &Set<usize>) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut expect = true;
    // Index of the first token after the last sentence end.
    let mut run_from = 0;
    #[allow(clippy::needless_range_loop)] // looks at neighbours
    for i in 0..toks.len() {
        let t = toks[i];
        if t.nl_before() {
            expect = true;
            run_from = i;
        }
        if t.kind != TokenKind::Punct {
            let punct_says = expect;
            out[i] = punct_says
                && (starts.is_empty()
                    || (run_from..=i).any(|k| {
                        starts.contains(&(toks[k].start as usize)) || toks[k].nl_before()
                    }));
            expect = dotted_period(toks, i);
            if expect {
                run_from = i + 1;
            }
            continue;
        }
        // A punctuation token: its character.
        let c = t.ch;
        match c {
            '.' | '!' | '?' | '…' => {
                let abbrev = i > 0 && c == '.' && is_abbreviation(text, toks, i - 1);
                if !abbrev {
                    expect = true;
                    run_from = i + 1;
                }
            }
            '"' | '“' | '”' | '\'' | '‘' | '’' | '(' | ')' | '[' | ']' | '«' | '»' | '—' | '–'
            | '-' | ':' => {}
            _ => expect = false,
        }
    }
    out
}

/// Whether token `i` is a lower-case dotted abbreviation with its final period ("a.m.",
/// "p.m."): that period may end the sentence too ("... at 8:30 p.m. Dozens marched").
pub(crate) fn dotted_period(toks: &Tokens, i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.is(Shape::DOTTED) && !t.cap()) && toks.lower(i).ends_with('.')
}

fn is_abbreviation(text: &str, toks: &Tokens, i: usize) -> bool {
    if !toks.is_alnum(i) || toks[i].end + 1 != toks[i + 1].end {
        return false;
    }
    let w = toks.lower(i);
    let _ = text;
    toks.has(i, flag::TITLE)
        || matches!(
            w,
            "st" | "jr"
                | "sr"
                | "inc"
                | "co"
                | "corp"
                | "ltd"
                | "no"
                | "vs"
                | "etc"
                | "e.g"
                | "i.e"
        )
        || (w.chars().count() == 1 && toks[i].cap())
}
