//! Each number of a claim with what it counts and the verb it belongs to: "injuring
//! five people" counts people, "a magnitude of 6.1" measures a magnitude, "$13 billion"
//! is money, "a 26-year-old" is an age and "a 15-year veteran" a length of years (the
//! time stage reads those as lengths of time; here they are numbers again).

use super::super::words::Word;
use super::owner::{self, Around, Owner};
use super::syntax::Syntax;
use super::{word_at, Parts, Tie};
use crate::lexicon::{flag, Lexicon};
use crate::model::{Approx, DurationUnit, Quantity, QuantityId, Span, TimeExpr, TimeValue, Unit};
use std::borrow::Cow;

/// A number of a claim, as a fact.
#[derive(Clone, Debug)]
pub struct Amount<'a> {
    /// The number (for a length of time, one made from it).
    pub quantity: Cow<'a, Quantity>,
    /// What it counts or measures, folded ("person", "usd", "magnitude", "year-old"),
    /// when known.
    pub thing: Option<String>,
    /// The noun it is the value of, written before it ("magnitude" in "a magnitude of
    /// 6.1", "depth" in "a depth of 10 km").
    pub head: Option<String>,
    /// The unit word the number stage gave it ("magnitude" in "a 4.2 magnitude
    /// earthquake", whose counted noun is the earthquake), folded.
    pub unit: Option<String>,
    /// The folded words right before and after it, for a bare number with nothing else
    /// to say what it counts.
    pub context: (Option<String>, Option<String>),
    /// The verb it belongs to.
    pub tie: Tie,
    /// What owns it beyond its noun: a place, a whole, a period, an earlier value.
    pub owner: Option<Owner>,
    /// It is a size that stands alone for a model named elsewhere ("while the 15-inch
    /// will sell").
    pub label: bool,
    /// It is the size of a rise or fall ("shares soared 28 percent", "fell $2.49"), not
    /// a level reached ("fell to $24") or a share held ("had 3% of the market").
    pub change: bool,
}

/// The unit of an age ("a 26-year-old", "Lo Presti, 52,").
pub const AGE: &str = "year-old";

/// The numbers and lengths of time of a claim, in offset order.
pub(super) fn read<'a>(p: &Parts<'_, 'a>, syntax: &Syntax) -> Vec<Amount<'a>> {
    let text = p.doc.text.as_str();
    let mut out: Vec<Amount<'a>> = p
        .quantities
        .iter()
        .filter(|q| !misread(text, q))
        .map(|q| amount(p, syntax, Cow::Borrowed(*q)))
        .collect();
    for t in p.durations {
        if let Some(q) = length_as_number(t) {
            out.push(amount(p, syntax, Cow::Owned(q)));
        }
    }
    out.sort_by_key(|a| a.quantity.span);
    // a lowest price belongs to the model sized before it in its clause ("the 11-inch
    // models start at $999"), else to the name that is its verb's subject
    for k in 0..out.len() {
        if out[k].owner != Some(Owner::Floor(None)) {
            continue;
        }
        let seg = |a: &Amount<'_>| {
            syntax
                .roles
                .get(word_at(p.words, a.quantity.span))
                .map(|r| r.seg)
        };
        let model = out[..k]
            .iter()
            .rev()
            .filter(|a| seg(a) == seg(&out[k]))
            .find(|a| matches!(&a.quantity.unit, Some(u) if SIZE_UNITS.contains(&u.name())))
            .map(|a| format!("{}:{}", a.quantity.value, a.thing.as_deref().unwrap_or("")))
            .or_else(|| {
                out[k]
                    .tie
                    .subject
                    .clone()
                    .filter(|_| out[k].tie.subject_named)
            });
        out[k].owner = Some(Owner::Floor(model));
    }
    out
}

/// Units of the sizes that name models ("the 13-inch").
const SIZE_UNITS: &[&str] = &["inch"];

/// Whether the number stage read only part of what is written: letters glued right
/// after the number ("256GB", "$200MM", "9400M": a unit or a code it did not take in), a
/// money amount with a scale after a hyphen ("$137-million"), or a decimal cut by the
/// sentence end ("a 2." + "7GHz"). Such a number says nothing sure about an amount.
fn misread(text: &str, q: &Quantity) -> bool {
    let mut rest = text.get(q.span.end..).unwrap_or("").chars();
    match (rest.next(), rest.next()) {
        (Some(c), _) if c.is_alphabetic() => true,
        (Some('-'), Some(c)) => c.is_alphabetic() && matches!(q.unit, Some(Unit::Currency(_))),
        (Some('.'), Some(c)) => c.is_ascii_digit() || (c == ' ' && code_after(rest.as_str())),
        _ => false,
    }
}

/// Whether `rest` opens with digits glued to letters ("8GHz"): after "a 1." and a space,
/// the decimals of a number that a stray space cut ("a 1. 8GHz dual-core").
fn code_after(rest: &str) -> bool {
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && rest[digits..].starts_with(char::is_alphabetic)
}

/// The name a number is part of, a model or a version ("USB 3.0 ports", "a Core 2 Duo",
/// "iOS 6"): the capitalised word one space before it inside the claim, when that is no
/// month, weekday, title, unit or number word. Such a number names a thing and counts
/// nothing: it is compared only with a number of the same name ("USB 3.0" and "USB
/// 2.0").
fn name_of(text: &str, words: &[Word<'_>], q: &Quantity) -> Option<String> {
    if matches!(q.unit, Some(Unit::Currency(_))) {
        return None;
    }
    let k = word_at(words, q.span).checked_sub(1)?;
    let w = &words[k];
    // the claim's first word is capitalised whatever it is
    if k == 0 || text.get(w.span.end..q.span.start) != Some(" ") {
        return None;
    }
    let capitalised = text
        .get(w.span.start..w.span.end)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_uppercase);
    let lex = Lexicon::get();
    let common =
        flag::MONTH | flag::WEEKDAY | flag::TITLE | flag::UNIT | flag::NUMBER | flag::TIME_WORD;
    (capitalised && !lex.is(&w.norm, common)).then(|| format!("name:{}", w.norm))
}

/// A length of time stated with its number, as a number of its unit: "26-year-old" is
/// 26 of `year-old`, "seven years" 7 of `year`.
fn length_as_number(t: &TimeExpr) -> Option<Quantity> {
    let TimeValue::Duration(d) = t.value else {
        return None;
    };
    let amount = d.amount?;
    let lower = t.text.to_ascii_lowercase();
    let unit = if lower.contains("year-old")
        || lower.contains("years old")
        || lower.contains("year old")
    {
        AGE
    } else {
        match d.unit {
            DurationUnit::Minute => "minute",
            DurationUnit::Hour => "hour",
            DurationUnit::Day => "day",
            DurationUnit::Week => "week",
            DurationUnit::Month => "month",
            DurationUnit::Quarter => "quarter",
            DurationUnit::Year => "year",
            DurationUnit::Decade => "decade",
            DurationUnit::Century => "century",
        }
    };
    Some(Quantity {
        id: QuantityId(u32::MAX),
        doc: t.doc.clone(),
        span: t.span,
        text: t.text.clone(),
        value: amount,
        value_max: amount,
        unit: Some(Unit::Counted(unit.to_string())),
        approx: Approx::Exact,
    })
}

fn amount<'a>(p: &Parts<'_, 'a>, syntax: &Syntax, q: Cow<'a, Quantity>) -> Amount<'a> {
    let words = p.words;
    let first = word_at(words, q.span);
    let after = words.partition_point(|w| w.span.start < q.span.end);
    let text = p.doc.text.as_str();
    let name = name_of(text, words, &q);
    let thing = match &q.unit {
        _ if name.is_some() => name,
        Some(Unit::Counted(n)) if n == AGE => Some(age_of(text, words, after)),
        Some(Unit::Counted(n)) => {
            // "6.1-magnitude", "a 12-point plan": the word glued by the hyphen is the
            // unit; "four prior arrests": the noun phrase goes on to its head
            let glued = q.text.contains('-');
            let head = if glued {
                None
            } else {
                counted_after(syntax, words, after, text, q.span)
            };
            Some(fold(head.map_or(n.as_str(), |h| words[h].norm.as_ref())))
        }
        Some(Unit::Ordinal) => {
            let next = counted_after(syntax, words, after, text, q.span);
            Some(format!(
                "ordinal:{}",
                next.map(|h| fold(&words[h].norm)).unwrap_or_default()
            ))
        }
        Some(u) => Some(u.name().to_string()),
        None => counted_after(syntax, words, after, text, q.span).map(|h| fold(&words[h].norm)),
    };
    let head = syntax
        .head_before(words, first)
        .map(|h| fold(&words[h].norm));
    let context = (
        first.checked_sub(1).map(|k| words[k].norm.to_string()),
        words.get(after).map(|w| w.norm.to_string()),
    );
    let unit = match &q.unit {
        Some(Unit::Counted(n)) => Some(fold(n)),
        _ => None,
    };
    let label = matches!(&q.unit, Some(u) if SIZE_UNITS.contains(&u.name()))
        && size_label(syntax, after, &q);
    let tie = Tie::of(syntax, words, first, true);
    let change = is_change(syntax, words, first);
    let around = Around {
        text,
        words,
        syntax,
        first,
        after,
    };
    let owner = owner::read(
        &around,
        q.unit.as_ref(),
        thing.as_deref(),
        head.as_deref(),
        tie.acts(),
    );
    Amount {
        tie,
        owner,
        change,
        label,
        unit,
        quantity: q,
        thing,
        head,
        context,
    }
}

/// Whether a size glued to its unit by a hyphen stands alone for a model named
/// elsewhere ("while the 15-inch will sell for $1,499"): no noun after it that it
/// measures or names.
fn size_label(syntax: &Syntax, after: usize, q: &Quantity) -> bool {
    if !q.text.contains('-') {
        return false;
    }
    let (Some(r), Some(last)) = (
        syntax.roles.get(after),
        after.checked_sub(1).and_then(|k| syntax.roles.get(k)),
    ) else {
        return true;
    };
    r.seg != last.seg || r.verb || r.aux
}

/// Whether the number at word `first` is the size of a rise or fall: its verb is one of
/// rising or falling ("soared $5.27, or nearly 28 percent"), and no "to", "at" or
/// "from" before it makes it a level.
fn is_change(syntax: &Syntax, words: &[Word<'_>], first: usize) -> bool {
    let level = first
        .checked_sub(1)
        .is_some_and(|k| matches!(words[k].norm.as_ref(), "to" | "at" | "from"));
    // the change may stand after a comma: "soared $5.27, or nearly 28 percent"
    let verb = (0..first).rev().find(|&k| syntax.roles[k].verb);
    !level && verb.is_some_and(|v| Lexicon::get().is(&words[v].norm, flag::CHANGE_VERB))
}

/// What an age counts: the years of the person named right after it ("the 32-year-old
/// Peterson", "23-year-old Laci"), so that the ages of two people are not compared; an
/// age before a common noun ("a 32-year-old salesman") is an age of nobody named.
fn age_of(text: &str, words: &[Word<'_>], after: usize) -> String {
    let named = words.get(after).filter(|w| {
        text.get(w.span.start..w.span.end)
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase)
    });
    match named {
        Some(w) => format!("{AGE}:{}", w.norm),
        None => AGE.to_string(),
    }
}

/// The noun a number with no unit counts, read after it ("10,500 Triangle
/// employees", "first-time producers"), unless the word after it says it is no count
/// ("five times", "three of them").
fn counted_after(
    syntax: &Syntax,
    words: &[Word<'_>],
    after: usize,
    text: &str,
    span: Span,
) -> Option<usize> {
    let w = words.get(after)?;
    // glued by a hyphen ("first-time") or after a space
    let gap = text.get(span.end..w.span.start).unwrap_or(" ");
    if !(gap.is_empty() || gap == "-" || gap.trim().is_empty()) {
        return None;
    }
    let lex = Lexicon::get();
    if lex.is(&w.norm, flag::NOT_UNIT | flag::STOPWORD) {
        return None;
    }
    syntax.phrase_head(words, after)
}

/// A counted noun folded so that its forms meet: "people" and "person", "arrests" and
/// "arrest".
fn fold(noun: &str) -> String {
    let noun = noun.trim_end_matches("'s");
    match noun {
        "people" | "persons" | "person" => "person".to_string(),
        _ => crate::claims::canonical_word(noun),
    }
}
