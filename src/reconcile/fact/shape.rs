//! Whether a claim is a sentence, a headline or a time stamp. A headline ("Five Wounded
//! by Quake", "Man charged with arson over fire") and a stamp ("UPDATED: THURSDAY,
//! MARCH 14, 2013, 9:31 AM", "posted Jun 11th, 2012 at 1:23 PM") state no fact of the
//! happening that a sentence could contradict: a stamp dates the article, a headline
//! condenses it.

use super::super::words::Word;
use crate::lexicon::Lexicon;
use crate::model::{Claim, Document, Quantity, TimeExpr};

/// What kind of text a claim is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A sentence of the article.
    #[default]
    Sentence,
    /// A line of its own without final punctuation: the title, or a line in title case.
    Headline,
    /// A line made only of dates, times, numbers and words such as "updated", "posted",
    /// "at", "GMT": when the article was written, not what happened.
    Stamp,
}

/// Words a time stamp or dateline holds besides its dates and times.
const STAMP_WORDS: &[&str] = &[
    "updated",
    "update",
    "posted",
    "published",
    "last",
    "modified",
    "on",
    "at",
    "by",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "gmt",
    "bst",
    "utc",
    "est",
    "edt",
    "pst",
    "pdt",
    "cst",
    "cdt",
    "cet",
    "cest",
    "ist",
    "local",
    "time",
    "et",
    "pt",
    "created",
    "edited",
    "first",
    "th",
    "st",
    "nd",
    "rd",
];

/// The share of its long words (of at least [`TITLE_WORD_LETTERS`] letters) a line
/// capitalizes to be in title case, in percent.
const TITLE_CASE_PERCENT: usize = 60;

/// Shortest word counted for title case ("Man", "Of" are left out).
const TITLE_WORD_LETTERS: usize = 4;

/// Fewest long words a line has to be judged by its capitals.
const TITLE_CASE_MIN_WORDS: usize = 2;

impl Shape {
    /// The shape of `claim` in `doc`.
    pub fn of(
        text: &str,
        doc: &Document,
        claim: &Claim,
        words: &[Word<'_>],
        times: &[&TimeExpr],
        quantities: &[&Quantity],
    ) -> Shape {
        let inside = |w: &Word<'_>| {
            times.iter().any(|t| t.span.contains(w.span))
                || quantities.iter().any(|q| q.span.contains(w.span))
        };
        let stamp = (!times.is_empty() || !quantities.is_empty())
            && words.iter().all(|w| {
                inside(w)
                    || STAMP_WORDS.contains(&w.norm.as_ref())
                    || w.norm.starts_with(|c: char| c.is_ascii_digit())
                    || calendar_word(&w.norm)
            });
        if stamp {
            return Shape::Stamp;
        }
        let span = claim.span;
        let before = text.get(..span.start).unwrap_or("");
        let after = text.get(span.end..).unwrap_or("");
        let line_before = before.rsplit('\n').next().unwrap_or("");
        let line_after = after.split('\n').next().unwrap_or("");
        let own_line = line_before.trim().is_empty() && line_after.trim().is_empty();
        let body_before = before.get(doc.head.end.min(before.len())..).unwrap_or("");
        let first = body_before.trim().is_empty();
        let last = claim.text.trim_end().chars().last();
        let punctuated = matches!(
            last,
            Some('.' | '!' | '?' | '"' | '\u{201D}' | '\'' | '\u{2019}' | ';' | ':' | ')')
        );
        if own_line && !punctuated && (first || title_case(text, words)) {
            return Shape::Headline;
        }
        Shape::Sentence
    }
}

/// Weekdays and months cut short as stamps write them ("MON 22 JUL 2013").
const CALENDAR_ABBREVIATIONS: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Whether a word names a weekday or a month, written out or cut short ("MON", "JUL").
fn calendar_word(w: &str) -> bool {
    CALENDAR_ABBREVIATIONS.contains(&w)
        || Lexicon::get()
            .word(w)
            .is_some_and(|i| i.weekday.is_some() || i.month.is_some())
}

/// Whether most long words of a line begin with a capital.
fn title_case(text: &str, words: &[Word<'_>]) -> bool {
    let long: Vec<&str> = words
        .iter()
        .filter_map(|w| w.span.get(text))
        .filter(|s| s.chars().filter(|c| c.is_alphabetic()).count() >= TITLE_WORD_LETTERS)
        .collect();
    let caps = long
        .iter()
        .filter(|s| s.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= TITLE_CASE_MIN_WORDS && caps * 100 >= long.len() * TITLE_CASE_PERCENT
}
