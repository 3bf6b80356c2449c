//! Which negation cues of a claim deny its fact, read with the words around them: "No. 1
//! ranked" and "the No. 3 seed" name a rank; "has yet to publish" says what "has not yet
//! published" says; "denies arson" reports a denial, which is not the opposite of "charged
//! with arson" (only of its antonym, "admits arson"); and a verb that another claim only
//! plans or expects ("was scheduled to face", "had plans to buy") is not asserted there, so
//! its negation ("could not face") contradicts nothing. A negation inside a comparison
//! with what is not so ("it's as if the firm didn't learn") is the writer's figure, not a
//! fact denied.

use super::super::lexicon::Lexicon as Cues;
use super::super::words::Word;
use super::syntax::{ADVERBS, AUX, IRREALIS_GOVERNORS, IRREALIS_MODALS};
use crate::lexicon::{flag, Lexicon};
use crate::model::Span;

/// Verbs of denial: a report that someone denies, not a negation of the fact denied.
const DENIAL: &[&str] = &["deny", "denies", "denied", "denying"];

/// Verbs before "yet to" that make it a negation: "has yet to publish".
const YET_TO_HOSTS: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "remains", "remain", "remained",
];

/// Whether word `i` of a claim is a negation cue of its fact. `text` is the document's
/// text the words point into.
pub fn negates(text: &str, words: &[Word<'_>], i: usize) -> bool {
    let Some(w) = words.get(i) else {
        return false;
    };
    let next = words.get(i + 1);
    let norm = w.norm.as_ref();
    if norm == "yet" {
        // "has yet to publish": "yet" stands for the "not" of "has not yet published"
        return next.is_some_and(|n| n.norm == "to")
            && i > 0
            && YET_TO_HOSTS.contains(&words[i - 1].norm.as_ref());
    }
    if norm == "no" && is_rank_sign(text, w, next) {
        return false;
    }
    Cues::get().negates(norm, next.map(|n| n.norm.as_ref())) && !counterfactual(words, i)
}

/// Most words between "as if" (or "as though") and a negation it governs.
const COUNTERFACTUAL_REACH: usize = 6;

/// Whether word `i` stands in an "as if" or "as though" clause, a few words after it:
/// a likeness the writer draws ("as if the club didn't care"), which asserts nothing.
fn counterfactual(words: &[Word<'_>], i: usize) -> bool {
    let from = i.saturating_sub(COUNTERFACTUAL_REACH);
    (from.max(1)..i)
        .any(|k| matches!(words[k].norm.as_ref(), "if" | "though") && words[k - 1].norm == "as")
}

/// Whether a denial ("denies", "denied") faces another predicate in the words that
/// differ on the other side (`other`: "charged with", "is accused of"): a report of
/// a denial against an accusation, no negation of one fact. Against a verb of saying
/// ("denied it would" / "said it would not") or nothing, it is the negation it reports.
pub fn denial_against_another_predicate(word: &str, other: &[Word<'_>]) -> bool {
    let lex = Lexicon::get();
    DENIAL.contains(&word)
        && other.iter().any(|w| {
            let n = w.norm.as_ref();
            !lex.is(n, flag::STOPWORD | flag::CLAIM_CUE) && !AUX.contains(&n)
        })
}

/// Whether "no" is the sign of a number ("No. 1 ranked", "the No 3 seed"): a number right
/// after it, or a period glued to it with a word following.
fn is_rank_sign(text: &str, no: &Word<'_>, next: Option<&Word<'_>>) -> bool {
    let Some(n) = next else {
        return false;
    };
    let digits = n.norm.starts_with(|c: char| c.is_ascii_digit());
    let dotted = text
        .get(no.span.end..n.span.start)
        .is_some_and(|gap| gap.starts_with('.'));
    digits || (dotted && Lexicon::get().is(&n.norm, flag::NUMBER))
}

/// Whether word `j` of a claim is a verb only planned or expected there: after "to"
/// governed by a word of plan or expectation ("scheduled to face", "had plans to buy"),
/// skipping auxiliaries and adverbs. A modal ("would provide") is no plan: "would not
/// provide" denies it.
pub fn planned(words: &[Word<'_>], j: usize) -> bool {
    let mut k = j.min(words.len());
    while k > 0 {
        let p = words[k - 1].norm.as_ref();
        if IRREALIS_MODALS.contains(&p) {
            return false;
        }
        if p == "to" {
            return k >= 2 && IRREALIS_GOVERNORS.contains(&words[k - 2].norm.as_ref());
        }
        if !(AUX.contains(&p) || ADVERBS.contains(&p)) {
            return false;
        }
        k -= 1;
    }
    false
}

/// Whether the verb that a negating particle of `x` denies ("could not face") stands in
/// `y` only as a plan ("was scheduled to face"): then the two do not disagree. `stem`
/// folds a verb to the form both claims are matched by.
pub fn denies_only_a_plan(
    text_x: &str,
    x: &[Word<'_>],
    y: &[Word<'_>],
    reach: usize,
    stem: impl Fn(&str) -> &str,
) -> bool {
    (0..x.len())
        .filter(|&p| matches!(x[p].norm.as_ref(), "not" | "never" | "n't") && negates(text_x, x, p))
        .any(|p| {
            let Some(v) = (p + 1..x.len().min(p + 1 + reach)).find(|&k| {
                !AUX.contains(&x[k].norm.as_ref()) && !ADVERBS.contains(&x[k].norm.as_ref())
            }) else {
                return false;
            };
            let sv = stem(&x[v].norm);
            y.iter()
                .enumerate()
                .any(|(j, w)| stem(&w.norm) == sv && planned(y, j))
        })
}

/// A word folded as alignment folds it, a possessive cut ("CNN's" → "cnn").
pub fn folded(w: &Word<'_>) -> String {
    crate::claims::canonical_word(w.norm.trim_end_matches("'s"))
}

/// Whether some word of `ws`, folded ([`folded`]), is `w`.
pub fn names(ws: &[Word<'_>], w: &str) -> bool {
    ws.iter().any(|k| folded(k) == w)
}

/// The subjects of verb `vx` of claim `x` and verb `vy` of claim `y`, folded as
/// alignment folds words, when both are found; an owner right before a subject stands
/// for it ("CNN's management" is CNN). `items` are each claim's times, never a
/// subject.
pub fn doers(
    (text_x, x, vx, items_x): (&str, &[Word<'_>], usize, &[Span]),
    (text_y, y, vy, items_y): (&str, &[Word<'_>], usize, &[Span]),
) -> Option<(String, String)> {
    // an owner right before the subject stands for it: "CNN's management" is CNN
    let subject = |text: &str, ws: &[Word<'_>], v: usize, items: &[Span]| {
        let syntax = super::Syntax::read(text, ws, items, &[], None, false);
        syntax
            .subject_of(ws, v)
            .map(|s| match s.checked_sub(1).map(|o| &ws[o]) {
                Some(o) if o.norm.ends_with("'s") => folded(o),
                _ => folded(&ws[s]),
            })
    };
    subject(text_x, x, vx, items_x).zip(subject(text_y, y, vy, items_y))
}

/// What verb `vx` of claim `x` and verb `vy` of claim `y` are done to, folded as
/// alignment folds words, when both are found: the subject of a passive ("the date has
/// not been confirmed"), the head of the phrase after an active verb ("confirms
/// rumours"). `items` are each claim's times, never a thing.
pub fn themes(
    (text_x, x, vx, items_x): (&str, &[Word<'_>], usize, &[Span]),
    (text_y, y, vy, items_y): (&str, &[Word<'_>], usize, &[Span]),
) -> Option<(String, String)> {
    let theme = |text: &str, ws: &[Word<'_>], v: usize, items: &[Span]| {
        let syntax = super::Syntax::read(text, ws, items, &[], None, false);
        if passive(ws, v) {
            return syntax.subject_of(ws, v).map(|s| folded(&ws[s]));
        }
        let mut first = v + 1;
        while ws
            .get(first)
            .is_some_and(|w| DETERMINERS.contains(&w.norm.as_ref()))
        {
            first += 1;
        }
        syntax.phrase_head(ws, first).map(|h| folded(&ws[h]))
    };
    theme(text_x, x, vx, items_x).zip(theme(text_y, y, vy, items_y))
}

/// Whether verb `vx` of claim `x` and verb `vy` of claim `y` are done to two different
/// things and one claim names both ("while the date has not been confirmed, the carrier
/// made the announcement" against "the announcement confirms rumours"): then a negation
/// of one denies nothing the other asserts. What a verb is done to is the subject of a
/// passive ("the date has not been confirmed") and the object of an active verb ("confirms
/// rumours"), so a claim turned passive ("the plan was not approved by X" against "Y
/// approved the plan") keeps its thing; the two subjects must be apart too. `items` are
/// each claim's times, never a thing.
pub fn subjects_apart(
    (text_x, x, vx, items_x): (&str, &[Word<'_>], usize, &[Span]),
    (text_y, y, vy, items_y): (&str, &[Word<'_>], usize, &[Span]),
) -> bool {
    let apart = |(sx, sy): (String, String)| sx != sy && names(x, &sy) != names(y, &sx);
    // one claim names the other's thing beside its own: two things, each with its own
    // verb; neither naming the other's may be one thing in two words ("the quake", "the
    // temblor")
    if !doers((text_x, x, vx, items_x), (text_y, y, vy, items_y)).is_some_and(apart) {
        return false;
    }
    themes((text_x, x, vx, items_x), (text_y, y, vy, items_y)).is_some_and(apart)
}

/// Determiners skipped before the head of an object.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
];

/// Whether verb `v` is passive: a form of "be" in the auxiliaries and adverbs before it
/// ("has not been confirmed", "was not ended").
fn passive(words: &[Word<'_>], v: usize) -> bool {
    words[..v.min(words.len())]
        .iter()
        .rev()
        .take_while(|w| AUX.contains(&w.norm.as_ref()) || ADVERBS.contains(&w.norm.as_ref()))
        .any(|w| {
            matches!(
                w.norm.as_ref(),
                "be" | "is" | "are" | "was" | "were" | "been" | "being"
            )
        })
}
