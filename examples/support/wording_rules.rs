//! Edits of wording outside quotations: polarity (a negation added or removed, an antonym;
//! contraction controls) and `said` <-> `told reporters` and fact-free synonym controls.

use super::{
    adjacent, in_compound, raw, set, Add, Class, Control, EventText, Sent, Typed,
    CONTROL_MIN_SHARED, MIN_SHARED,
};
use crate::text::{self, Word, WEEKDAYS};
use corroborate::Span;
use std::collections::BTreeSet;

// ---------------------------------------------------------------------------------------
// Polarity

/// Auxiliaries that take `not`.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "should", "can",
    "may", "might", "must", "did", "does", "do",
];

/// Words after `not` that make it something other than a plain negation of the verb.
const NOT_PLAIN: &[&str] = &[
    "only", "just", "yet", "even", "to", "a", "an", "the", "all", "so", "as", "until", "least",
];

/// Pairs of phrases of opposite meaning (each direction is its own entry).
const ANTONYMS: &[(&str, &str)] = &[
    ("admitted", "denied"),
    ("denied", "admitted"),
    ("admits", "denies"),
    ("denies", "admits"),
    ("won", "lost"),
    ("lost", "won"),
    ("wins", "loses"),
    ("win", "lose"),
    ("agreed to", "refused to"),
    ("refused to", "agreed to"),
    ("agrees to", "refuses to"),
    ("found guilty", "found not guilty"),
    ("found not guilty", "found guilty"),
    ("pleaded guilty", "pleaded not guilty"),
    ("pleaded not guilty", "pleaded guilty"),
    ("accepted", "rejected"),
    ("rejected", "accepted"),
    ("approved", "rejected"),
    ("confirmed", "denied"),
    ("increased", "decreased"),
    ("rose", "fell"),
    ("fell", "rose"),
    ("succeeded", "failed"),
    ("failed", "succeeded"),
    ("allowed", "banned"),
    ("guilty", "innocent"),
    ("opened", "closed"),
    ("closed", "opened"),
    ("included", "excluded"),
    ("arrived", "left"),
    ("able", "unable"),
    ("unable", "able"),
    ("likely", "unlikely"),
    ("unlikely", "likely"),
];

/// The auxiliary a contracted negation stands for ("wasn't" → "was", "won't" → "will").
fn uncontracted(lower: &str) -> Option<&str> {
    match lower {
        "won't" => Some("will"),
        "can't" | "cannot" => Some("can"),
        "shan't" => Some("shall"),
        _ => lower
            .strip_suffix("n't")
            .filter(|b| AUXILIARIES.contains(b)),
    }
}

/// The negated verb phrases of `words` as "aux not next", with the negation's word range
/// and the next word's index.
fn negations(t: &str, words: &[Word]) -> Vec<(String, std::ops::Range<usize>, usize)> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        let w = &words[i];
        if let Some(base) = uncontracted(&w.lower) {
            if i + 1 < words.len() && adjacent(t, w, &words[i + 1]) {
                out.push((
                    format!("{base} not {}", words[i + 1].lower),
                    i..i + 1,
                    i + 1,
                ));
            }
        } else if AUXILIARIES.contains(&w.lower.as_str())
            && words
                .get(i + 1)
                .is_some_and(|n| n.lower == "not" && adjacent(t, w, n))
            && i + 2 < words.len()
            && adjacent(t, &words[i + 1], &words[i + 2])
        {
            out.push((
                format!("{} not {}", w.lower, words[i + 2].lower),
                i..i + 2,
                i + 2,
            ));
        } else if w.lower == "never" && i + 1 < words.len() && adjacent(t, w, &words[i + 1]) {
            out.push((format!("never {}", words[i + 1].lower), i..i + 1, i + 1));
        }
    }
    out
}

/// Whether `aux next` can take a `not` between them and stay grammatical.
fn negatable(aux: &str, next: &str) -> bool {
    let participle = next.ends_with("ed") || next.ends_with("en") || next.ends_with("ing");
    match aux {
        "is" | "are" | "was" | "were" => {
            participle || ["being", "expected", "able", "likely"].contains(&next)
        }
        "has" | "have" | "had" => participle || next == "been",
        "will" | "would" | "could" | "should" | "can" | "may" | "might" | "must" => {
            next.chars().all(|c| c.is_ascii_lowercase())
                && !AUXILIARIES.contains(&next)
                && !NOT_PLAIN.contains(&next)
                && next != "not"
        }
        _ => false,
    }
}

/// Whether sentence `u` has the words `phrase` in a row, outside quotations.
fn has_phrase(et: &EventText, u: &Sent, phrase: &[&str]) -> bool {
    u.words.windows(phrase.len()).any(|ws| {
        ws.iter().zip(phrase).all(|(w, p)| w.lower == *p) && !et.in_quote(u.doc, ws[0].span)
    })
}

/// Polarity changes outside quotations where another outlet has the same verb phrase: a
/// negation removed or added, an antonym swapped; contraction controls.
pub(super) fn polarity(et: &EventText, s: &Sent, add: &mut Add) {
    let t = et.text(s.doc);
    let ws = &s.words;
    for (key, range, next) in negations(t, ws) {
        let first = &ws[range.start];
        let last = &ws[range.end - 1];
        if NOT_PLAIN.contains(&ws[next].lower.as_str())
            || et.in_quote(s.doc, Span::new(first.span.start, ws[next].span.end))
        {
            continue;
        }
        let exclude = set(&[&ws[next].lower]);
        let same = |u: &Sent| {
            negations(et.text(u.doc), &u.words)
                .iter()
                .any(|(k, _, _)| *k == key)
        };
        let Some(p) = et.partner(s, MIN_SHARED, &exclude, same) else {
            continue;
        };
        let span = Span::new(first.span.start, last.span.end);
        if first.lower == "never" {
            let span = Span::new(first.span.start, ws[next].span.end);
            add(
                Class::Typed(Typed::Polarity),
                "negation removed",
                span,
                raw(t, &ws[next]).to_string(),
                p,
            );
            continue;
        }
        let base = uncontracted(&first.lower).unwrap_or(&first.lower);
        add(
            Class::Typed(Typed::Polarity),
            "negation removed",
            span,
            text::with_case_of(base, raw(t, first)),
            p,
        );
        // contraction control
        let contracted = range.len() == 1;
        let with = if contracted {
            let expanded = if base == "can" {
                "cannot".to_string()
            } else {
                format!("{base} not")
            };
            Some(("contraction to words", expanded))
        } else {
            match first.lower.as_str() {
                "will" => Some(("words to contraction", "won't".to_string())),
                "can" => Some(("words to contraction", "can't".to_string())),
                "may" | "might" | "must" | "am" => None,
                _ => Some(("words to contraction", format!("{}n't", first.lower))),
            }
        };
        if let Some((sub, with)) = with {
            if let Some(p) = et.partner(s, CONTROL_MIN_SHARED, &BTreeSet::new(), |_| true) {
                add(
                    Class::Control(Control::Contraction),
                    sub,
                    span,
                    text::with_case_of(&with, raw(t, first)),
                    p,
                );
            }
        }
    }
    // a negation added; the phrase runs to the first content word ("had been hit")
    for i in 0..ws.len().saturating_sub(1) {
        let (aux, next) = (&ws[i], &ws[i + 1]);
        if !negatable(&aux.lower, &next.lower)
            || !adjacent(t, aux, next)
            || et.in_quote(s.doc, aux.span)
        {
            continue;
        }
        let mut end = i + 1;
        while ["be", "been", "being", "have"].contains(&ws[end].lower.as_str())
            && end + 1 < ws.len()
            && adjacent(t, &ws[end], &ws[end + 1])
        {
            end += 1;
        }
        let Some(verb) = text::content(&ws[end].lower) else {
            continue;
        };
        let phrase: Vec<&str> = ws[i..=end].iter().map(|w| w.lower.as_str()).collect();
        let exclude: BTreeSet<String> = [verb].into();
        if let Some(p) = et.partner(s, MIN_SHARED, &exclude, |u| has_phrase(et, u, &phrase)) {
            let with = if aux.lower == "can" {
                "cannot".to_string()
            } else {
                format!("{} not", raw(t, aux))
            };
            add(
                Class::Typed(Typed::Polarity),
                "negation added",
                aux.span,
                text::with_case_of(&with, raw(t, aux)),
                p,
            );
        }
    }
    // an antonym
    for (a, b) in ANTONYMS {
        let phrase: Vec<&str> = a.split(' ').collect();
        for i in 0..ws.len() {
            let Some(found) = ws.get(i..i + phrase.len()) else {
                break;
            };
            let compound = in_compound(t, &found[0]) || in_compound(t, &found[phrase.len() - 1]);
            if !found.iter().zip(&phrase).all(|(w, p)| w.lower == *p)
                || et.in_quote(s.doc, found[0].span)
                || compound
            {
                continue;
            }
            let exclude = set(&phrase);
            if let Some(p) = et.partner(s, MIN_SHARED, &exclude, |u| has_phrase(et, u, &phrase)) {
                let span = Span::new(found[0].span.start, found[phrase.len() - 1].span.end);
                add(
                    Class::Typed(Typed::Polarity),
                    "antonym",
                    span,
                    text::with_case_of(b, raw(t, &found[0])),
                    p,
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Wording outside quotations

/// Synonyms of words that carry no fact, for controls outside quotations.
const FACT_FREE_SYNONYMS: &[(&str, &str)] = &[
    ("attorney", "lawyer"),
    ("lawyer", "attorney"),
    ("attorneys", "lawyers"),
    ("lawyers", "attorneys"),
    ("quake", "earthquake"),
    ("earthquake", "quake"),
    ("quakes", "earthquakes"),
    ("earthquakes", "quakes"),
    ("firm", "company"),
    ("nearly", "almost"),
    ("almost", "nearly"),
    ("big", "large"),
    ("large", "big"),
    ("blast", "explosion"),
    ("explosion", "blast"),
    ("movie", "film"),
    ("film", "movie"),
    ("movies", "films"),
    ("films", "movies"),
    ("kids", "children"),
    ("started", "began"),
    ("began", "started"),
    ("purchase", "acquisition"),
    ("acquisition", "purchase"),
    ("purchased", "bought"),
    ("bought", "purchased"),
    ("home", "house"),
    ("huge", "enormous"),
    ("quickly", "rapidly"),
    ("blaze", "fire"),
    ("cops", "officers"),
    ("shortly", "soon"),
    ("residents", "locals"),
    ("help", "assistance"),
    ("photo", "picture"),
    ("teenager", "teen"),
    ("teen", "teenager"),
    ("vehicle", "car"),
    ("deal", "agreement"),
    ("chipmaker", "chip maker"),
    ("award", "prize"),
    ("prize", "award"),
    ("ceremony", "event"),
];

/// `said` ↔ `told reporters` and fact-free synonyms, outside quotations, in a sentence
/// another outlet states the same fact with.
pub(super) fn wording(et: &EventText, s: &Sent, add: &mut Add) {
    let t = et.text(s.doc);
    let ws = &s.words;
    let mut partner = None;
    let mut partner_of = || {
        *partner
            .get_or_insert_with(|| et.partner(s, CONTROL_MIN_SHARED, &BTreeSet::new(), |_| true))
    };
    for i in 0..ws.len() {
        let w = &ws[i];
        if et.in_quote(s.doc, w.span) {
            continue;
        }
        if w.lower == "said" && i > 0 && adjacent(t, &ws[i - 1], w) {
            let rest = &t[w.span.end..];
            const NEXT: [&str; 12] = [
                "on",
                "in",
                "at",
                "after",
                "late",
                "early",
                "earlier",
                "last",
                "this",
                "yesterday",
                "today",
                "that",
            ];
            let fits = rest.starts_with([',', '.', ';'])
                || ws.get(i + 1).is_some_and(|n| {
                    adjacent(t, w, n)
                        && (NEXT.contains(&n.lower.as_str()) || WEEKDAYS.contains(&raw(t, n)))
                });
            if fits {
                if let Some(p) = partner_of() {
                    add(
                        Class::Control(Control::ToldReporters),
                        "said to told reporters",
                        w.span,
                        "told reporters".to_string(),
                        p,
                    );
                }
            }
        }
        if w.lower == "told"
            && ws
                .get(i + 1)
                .is_some_and(|n| n.lower == "reporters" && adjacent(t, w, n))
        {
            if let Some(p) = partner_of() {
                let span = Span::new(w.span.start, ws[i + 1].span.end);
                add(
                    Class::Control(Control::ToldReporters),
                    "told reporters to said",
                    span,
                    "said".to_string(),
                    p,
                );
            }
        }
        let lowercase = raw(t, w).starts_with(|c: char| c.is_lowercase()) && !in_compound(t, w);
        if let Some((_, b)) = FACT_FREE_SYNONYMS
            .iter()
            .find(|(a, _)| *a == w.lower)
            .filter(|_| lowercase)
        {
            if let Some(p) = partner_of() {
                add(
                    Class::Control(Control::Synonym),
                    "synonym",
                    w.span,
                    b.to_string(),
                    p,
                );
            }
        }
    }
}
