//! Edits of values: numbers (typed changes, words <-> digits), dates (weekday, day of
//! the month, month; month abbreviations) and clock times (`6 p.m.` <-> `6:00 p.m.`), each
//! where another outlet gives the same value in a sentence stating the same fact.

use super::{
    adjacent, raw, set, Add, Class, Control, EventText, Sent, Typed, CONTROL_MIN_SHARED, MIN_SHARED,
};
use crate::text::{self, Word, MONTHS, MONTH_ABBREVIATIONS, NUMBER_WORDS, WEEKDAYS};
use corroborate::Span;
use std::collections::BTreeSet;

// ---------------------------------------------------------------------------------------
// Numbers

/// Words after a number that are not what it counts (clock times, ordinals).
const NOT_COUNTED: &[&str] = &[
    "am", "pm", "gmt", "bst", "est", "edt", "pdt", "pst", "utc", "th", "st", "nd", "rd",
];

/// What the number at `words[i]` counts: the content form of the noun right after it
/// ("five people", "5.6-magnitude", "$5.4 billion"); `None` for a year, a clock time, a
/// "No. 3", or a number not followed by a noun.
fn counted_noun(t: &str, words: &[Word], i: usize) -> Option<String> {
    let w = &words[i];
    if text::looks_like_year(&w.lower) || w.lower == "one" {
        return None;
    }
    let before = t[..w.span.start].chars().next_back();
    let after = t[w.span.end..].chars().next();
    if matches!(before, Some(':' | '/' | '.' | ',')) || matches!(after, Some(':' | '/')) {
        return None;
    }
    if i > 0 && words[i - 1].lower == "no" && t[words[i - 1].span.end..w.span.start].contains('.') {
        return None;
    }
    let next = words.get(i + 1)?;
    let gap = &t[w.span.end..next.span.start];
    if gap != " " && gap != "-" {
        return None;
    }
    if !raw(t, next).starts_with(|c: char| c.is_lowercase())
        || NOT_COUNTED.contains(&next.lower.as_str())
    {
        return None;
    }
    text::content(&next.lower)
}

/// `raw` (a number of value `v`) changed: a number word to another at least two away, or
/// the leading digit to another at least two away.
fn changed_number(raw: &str, v: f64, rng: &mut text::SplitMix) -> Option<String> {
    if raw.starts_with(|c: char| c.is_alphabetic()) {
        let options: Vec<&str> = NUMBER_WORDS
            .iter()
            .filter(|(_, n)| (2..=12).contains(n) && (f64::from(*n) - v).abs() >= 2.0)
            .map(|(w, _)| *w)
            .collect();
        let pick = options.get(rng.below(options.len().max(1)))?;
        return Some(text::with_case_of(pick, raw));
    }
    // the leading digit, so the change is well beyond rounding and "about"
    let (at, d) = raw.char_indices().find(|(_, c)| matches!(c, '1'..='9'))?;
    let d = d.to_digit(10)?;
    let k = 2 + rng.below(6) as u32;
    let nd = (d - 1 + k) % 9 + 1;
    let mut out = raw.to_string();
    out.replace_range(at..at + 1, &nd.to_string());
    Some(out)
}

/// Numbers before a noun that another outlet gives before the same noun: typed number
/// changes, and words ↔ digits controls.
pub(super) fn numbers(et: &EventText, s: &Sent, add: &mut Add) {
    let t = et.text(s.doc);
    for (i, w) in s.words.iter().enumerate() {
        let Some(v) = text::number_value(&w.lower) else {
            continue;
        };
        let Some(noun) = counted_noun(t, &s.words, i) else {
            continue;
        };
        if et.in_quote(s.doc, w.span) || v < 2.0 {
            continue;
        }
        let exclude: BTreeSet<String> = [noun.clone()].into();
        let same = |u: &Sent| {
            let tu = et.text(u.doc);
            (0..u.words.len()).any(|j| {
                text::number_value(&u.words[j].lower) == Some(v)
                    && counted_noun(tu, &u.words, j).as_deref() == Some(noun.as_str())
            })
        };
        let Some(partner) = et.partner(s, MIN_SHARED, &exclude, same) else {
            continue;
        };
        let word = raw(t, w);
        let written = word.starts_with(|c: char| c.is_alphabetic());
        let mut rng = et.rng(s.doc, w.span.start);
        // "a"/"an" before the number follows it ("an eight-year" -> "a four-year")
        let article = i
            .checked_sub(1)
            .map(|j| &s.words[j])
            .filter(|a| (a.lower == "a" || a.lower == "an") && adjacent(t, a, w));
        let with_article = |with: String| -> (Span, String) {
            match article {
                Some(a) => {
                    let an = with.starts_with(['8', 'e', 'E'])
                        || with == "11"
                        || with == "18"
                        || with.starts_with("11,")
                        || with.starts_with("18,");
                    let art = text::with_case_of(if an { "an" } else { "a" }, raw(t, a));
                    (Span::new(a.span.start, w.span.end), format!("{art} {with}"))
                }
                None => (w.span, with),
            }
        };
        if let Some(with) = changed_number(word, v, &mut rng) {
            let sub = if written { "number word" } else { "digits" };
            let (span, with) = with_article(with);
            add(Class::Typed(Typed::Number), sub, span, with, partner);
        }
        // words <-> digits, not at the start of a sentence
        let small = v.fract() == 0.0 && (2.0..=10.0).contains(&v) && i > 0;
        if small {
            let n = v as u32;
            let (sub, with) = if written {
                ("words to digits", n.to_string())
            } else {
                let name = NUMBER_WORDS.iter().find(|(_, x)| *x == n).map(|(w, _)| *w);
                ("digits to words", name.unwrap_or_default().to_string())
            };
            let (span, with) = with_article(with);
            add(
                Class::Control(Control::NumberFormat),
                sub,
                span,
                with,
                partner,
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Dates

/// The day of the month written in `w` ("23", "23rd"), with the length of its digits.
fn day_of_month(w: &Word) -> Option<(u32, usize)> {
    let digits = w.lower.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &w.lower[digits.len()..];
    if !["", "st", "nd", "rd", "th"].contains(&suffix) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some((d, digits.len()))
}

/// The English ordinal suffix of a day of the month.
fn ordinal_suffix(d: u32) -> &'static str {
    match (d % 10, d % 100) {
        (1, x) if x != 11 => "st",
        (2, x) if x != 12 => "nd",
        (3, x) if x != 13 => "rd",
        _ => "th",
    }
}

/// A month-and-day date at `words[i]` (the month): month index, day, the day's word
/// index, and whether the month is abbreviated. Day first ("23 October") gives the
/// day's index before `i`.
fn month_day(t: &str, words: &[Word], i: usize) -> Option<(usize, u32, usize, bool)> {
    let w = &words[i];
    let m = text::month_index(raw(t, w))?;
    let abbreviated = !MONTHS.contains(&raw(t, w));
    if abbreviated && !t[w.span.end..].starts_with('.') {
        return None;
    }
    if let Some(next) = words.get(i + 1) {
        let gap = &t[w.span.end..next.span.start];
        if gap == " " || (abbreviated && gap == ". ") {
            if let Some((d, _)) = day_of_month(next) {
                return Some((m, d, i + 1, abbreviated));
            }
        }
    }
    if i > 0 && !abbreviated && adjacent(t, &words[i - 1], w) {
        if let Some((d, _)) = day_of_month(&words[i - 1]) {
            return Some((m, d, i - 1, false));
        }
    }
    None
}

/// Dates another outlet gives in a sentence stating the same fact: a weekday, a month and
/// day, or a month alone. Typed changes of the weekday, the day of the month and the
/// month; month-name ↔ abbreviation controls.
pub(super) fn dates(et: &EventText, s: &Sent, add: &mut Add) {
    let t = et.text(s.doc);
    for (i, w) in s.words.iter().enumerate() {
        let word = raw(t, w);
        if et.in_quote(s.doc, w.span) {
            continue;
        }
        let mut rng = et.rng(s.doc, w.span.start);
        if let Some(day) = WEEKDAYS.iter().position(|d| *d == word) {
            let same = |u: &Sent| u.words.iter().any(|x| raw(et.text(u.doc), x) == word);
            if let Some(p) = et.partner(s, MIN_SHARED, &BTreeSet::new(), same) {
                let other = (day + 1 + rng.below(6)) % 7;
                add(
                    Class::Typed(Typed::Date),
                    "weekday",
                    w.span,
                    WEEKDAYS[other].to_string(),
                    p,
                );
            }
            continue;
        }
        let Some(m) = text::month_index(word) else {
            continue;
        };
        let month_words = set(&[
            &MONTHS[m].to_lowercase(),
            &MONTH_ABBREVIATIONS[m].unwrap_or("").to_lowercase(),
        ]);
        if let Some((_, d, di, abbreviated)) = month_day(t, &s.words, i) {
            let same = |u: &Sent| {
                let tu = et.text(u.doc);
                (0..u.words.len()).any(|j| {
                    month_day(tu, &u.words, j).is_some_and(|(m2, d2, _, _)| m2 == m && d2 == d)
                })
            };
            let Some(p) = et.partner(s, MIN_SHARED, &month_words, same) else {
                continue;
            };
            // the day of the month
            let dw = &s.words[di];
            if let Some((_, digits)) = day_of_month(dw) {
                let nd = (d + 2 + rng.below(20) as u32 - 1) % 28 + 1;
                let nd = if nd.abs_diff(d) < 2 {
                    (nd + 5 - 1) % 28 + 1
                } else {
                    nd
                };
                // "21st" becomes "7th", not "7st"
                let with = if dw.lower.len() > digits {
                    format!("{nd}{}", ordinal_suffix(nd))
                } else {
                    nd.to_string()
                };
                add(Class::Typed(Typed::Date), "day of month", dw.span, with, p);
            }
            // the month, keeping the style
            if d <= 28 {
                let options: Vec<usize> = (0..12)
                    .filter(|&x| x != m && (!abbreviated || MONTH_ABBREVIATIONS[x].is_some()))
                    .collect();
                let x = options[rng.below(options.len())];
                let with = if abbreviated {
                    MONTH_ABBREVIATIONS[x].unwrap_or(MONTHS[x])
                } else {
                    MONTHS[x]
                };
                add(
                    Class::Typed(Typed::Date),
                    "month",
                    w.span,
                    with.to_string(),
                    p,
                );
            }
            // name <-> abbreviation, month first only
            if di == i + 1 {
                if let Some(a) = MONTH_ABBREVIATIONS[m] {
                    if abbreviated {
                        let span = Span::new(w.span.start, w.span.end + 1);
                        add(
                            Class::Control(Control::MonthAbbreviation),
                            "abbreviation to name",
                            span,
                            MONTHS[m].to_string(),
                            p,
                        );
                    } else {
                        add(
                            Class::Control(Control::MonthAbbreviation),
                            "name to abbreviation",
                            w.span,
                            format!("{a}."),
                            p,
                        );
                    }
                }
            }
        } else if MONTHS.contains(&word) && word != "May" && word != "March" {
            let same = |u: &Sent| u.words.iter().any(|x| raw(et.text(u.doc), x) == word);
            if let Some(p) = et.partner(s, MIN_SHARED, &month_words, same) {
                let x = (m + 1 + rng.below(11)) % 12;
                let x = if x == 2 || x == 4 { (x + 1) % 12 } else { x };
                add(
                    Class::Typed(Typed::Date),
                    "month",
                    w.span,
                    MONTHS[x].to_string(),
                    p,
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Clock times

/// `6 p.m.` ↔ `6:00 p.m.` in a sentence another outlet states the same fact with.
pub(super) fn clock(et: &EventText, s: &Sent, add: &mut Add) {
    let t = et.text(s.doc);
    const MERIDIEM: [&str; 8] = [" a.m.", " p.m.", "a.m.", "p.m.", " am", " pm", "am", "pm"];
    for w in &s.words {
        let Ok(hour) = w.lower.parse::<u32>() else {
            continue;
        };
        if !(1..=12).contains(&hour) || et.in_quote(s.doc, w.span) {
            continue;
        }
        let rest = &t[w.span.end..];
        let ends_word = |tail: &str| !tail.starts_with(|c: char| c.is_alphanumeric());
        let (sub, span, with) = if let Some(after) = rest.strip_prefix(":00") {
            if !MERIDIEM
                .iter()
                .any(|m| after.starts_with(m) && ends_word(&after[m.len()..]))
            {
                continue;
            }
            (
                "6:00 p.m. to 6 p.m.",
                Span::new(w.span.start, w.span.end + 3),
                raw(t, w).to_string(),
            )
        } else if MERIDIEM
            .iter()
            .any(|m| rest.starts_with(m) && ends_word(&rest[m.len()..]))
        {
            ("6 p.m. to 6:00 p.m.", w.span, format!("{}:00", raw(t, w)))
        } else {
            continue;
        };
        if let Some(p) = et.partner(s, CONTROL_MIN_SHARED, &BTreeSet::new(), |_| true) {
            add(Class::Control(Control::ClockFormat), sub, span, with, p);
        }
    }
}
