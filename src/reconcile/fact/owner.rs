//! What a number belongs to beyond the noun it counts: the place a distance is measured
//! from ("12 km north of Arvo"), the whole a percentage is a share of ("40 percent of
//! its revenue"), a period it is counted per ("$2 million a year"), an earlier value a
//! change starts from ("up from five hours") and the thing a verbless phrase gives the
//! size of ("Varno, a town of 8,000 people"). Two numbers of two owners count two
//! different things, however alike their nouns.

use super::super::words::Word;
use super::syntax::Syntax;
use crate::lexicon::{flag, Lexicon};
use crate::model::Unit;

/// What owns a number of a claim.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    /// A distance from a place: "12 km north of Arvo", "30 miles from the port of
    /// Lisk" (the place's first capitalised word, folded).
    Place(String),
    /// A share of a whole: "40 percent of its revenue", "7% of the market" (the
    /// whole's head noun, folded).
    Share(String),
    /// An amount per period or per unit: "$2 million a year", "$20 million per season",
    /// "an average annual value".
    Rate,
    /// The earlier value a change is measured from: "up from five hours", "down from
    /// $30", "compared with 12 last year".
    Earlier,
    /// The size of the thing a phrase with no verb of its own describes: "Varno, a
    /// town of 8,000 people" (the thing's noun, folded).
    Whole(String),
}

impl Owner {
    /// A short key for classes of identical members.
    pub fn key(owner: Option<&Owner>) -> String {
        match owner {
            None => String::new(),
            Some(Owner::Place(p)) => format!("from:{p}"),
            Some(Owner::Share(w)) => format!("of:{w}"),
            Some(Owner::Rate) => "per".to_string(),
            Some(Owner::Earlier) => "earlier".to_string(),
            Some(Owner::Whole(w)) => format!("size:{w}"),
        }
    }
}

/// Whether two numbers' owners let them state one fact: two owners must be the same;
/// against a number with no owner, a distance or a share may be the same figure with
/// its reference left out ("35 miles southwest of Arvo" and "the quake was 35 miles
/// out"), a rate or an earlier value never is, and the size of a described thing is no
/// count of what a verb did (`acting`: each number's verb when it does something,
/// "killing hundreds of people"), unless that verb is the describing noun read as a
/// verb ("is home to").
pub fn owners_meet(
    mine: Option<&Owner>,
    theirs: Option<&Owner>,
    acting: (Option<&str>, Option<&str>),
) -> bool {
    let alone = |o: &Owner, verb: Option<&str>| match o {
        Owner::Place(_) | Owner::Share(_) => true,
        Owner::Rate | Owner::Earlier => false,
        Owner::Whole(noun) => verb.is_none_or(|v| v == noun),
    };
    match (mine, theirs) {
        (Some(a), Some(b)) => a == b,
        (Some(a), None) => alone(a, acting.1),
        (None, Some(b)) => alone(b, acting.0),
        (None, None) => true,
    }
}

/// Most words read after "of" or "from" for the place a distance is measured from
/// ("west of the region's main city of Manokwari").
const PLACE_WORDS: usize = 6;

/// How many words after a number may stand before the word that makes it a rate
/// ("$23 million average annual value").
const RATE_REACH: usize = 2;

/// How many words before the described noun its "a" may stand ("a mountain village").
const DESCRIBED_REACH: usize = 2;

/// The words of a claim around one number: what [`read`] needs.
pub(super) struct Around<'w, 'a> {
    /// The claim's words.
    pub words: &'w [Word<'a>],
    /// Their syntax.
    pub syntax: &'w Syntax,
    /// The number's first word.
    pub first: usize,
    /// The first word after the number.
    pub after: usize,
}

/// The owner of a number with unit `unit` (if any), counting `thing`, read after the
/// number's noun `head` and verb (`acts`: the verb carries a fact of its own).
pub(super) fn read(
    at: &Around<'_, '_>,
    unit: Option<&Unit>,
    thing: Option<&str>,
    head: Option<&str>,
    acts: bool,
) -> Option<Owner> {
    if earlier(at) {
        return Some(Owner::Earlier);
    }
    if rate(at) {
        return Some(Owner::Rate);
    }
    match unit {
        Some(Unit::Measure(m)) if matches!(*m, "km" | "mile" | "m") => {
            return place(at).map(Owner::Place)
        }
        Some(Unit::Percent) => return share(at).map(Owner::Share),
        _ => {}
    }
    // "Varno, a town of 8,000 people": no verb that does something owns the count
    match (head, thing) {
        (Some(h), Some(t))
            if !acts && h != t && !lex_is(h, flag::MEASURE_HEAD) && described(at) =>
        {
            Some(Owner::Whole(h.to_string()))
        }
        _ => None,
    }
}

/// Whether the noun before a number is a thing described by its size: "home to", or a
/// noun phrase opened by "a" ("a town of", "a mountain village of"); "the slayings of
/// two women" names a happening, whose count is what a verb would count.
fn described(at: &Around<'_, '_>) -> bool {
    let Some(h) = at.syntax.head_before(at.words, at.first) else {
        return false;
    };
    at.words[h].norm == "home"
        || (1..=DESCRIBED_REACH).any(|d| {
            h.checked_sub(d)
                .and_then(|k| same_segment(at, k))
                .is_some_and(|w| matches!(w, "a" | "an"))
        })
}

/// Whether `word` is in a list of `bits` (`data/meaning/number_owners.txt`).
fn lex_is(word: &str, bits: u64) -> bool {
    Lexicon::get().is(word, bits)
}

/// The segment-bound word `k` of the claim, when it stands in the number's segment.
fn same_segment<'w>(at: &Around<'w, '_>, k: usize) -> Option<&'w str> {
    let w = at.words.get(k)?;
    let r = at.syntax.roles.get(k)?;
    let seg = at.syntax.roles.get(at.first)?.seg;
    (r.seg == seg).then_some(w.norm.as_ref())
}

/// "up from five hours", "compared with 12": the two words before the number.
fn earlier(at: &Around<'_, '_>) -> bool {
    let before = |n: usize| at.first.checked_sub(n).and_then(|k| same_segment(at, k));
    match (before(2), before(1)) {
        (Some(c), Some("from")) => lex_is(c, flag::CHANGE_WORD),
        (Some("compared"), Some("with" | "to")) => true,
        _ => false,
    }
}

/// "$2 million a year", "per season", "an average annual value".
fn rate(at: &Around<'_, '_>) -> bool {
    (0..RATE_REACH).any(|d| {
        let Some(w) = same_segment(at, at.after + d) else {
            return false;
        };
        if lex_is(w, flag::RATE_WORD) {
            return true;
        }
        d == 0
            && matches!(w, "a" | "an" | "each" | "every")
            && same_segment(at, at.after + 1).is_some_and(|p| lex_is(p, flag::RATE_PERIOD))
    })
}

/// The place a distance is measured from: after the number (and any conversion in
/// brackets, which the number stage reads as a number of its own), directions, then
/// "of", "from" or "to", then the first capitalised word that is no function word.
fn place(at: &Around<'_, '_>) -> Option<String> {
    let lex = Lexicon::get();
    let mut k = at.after;
    while at.syntax.roles.get(k).is_some_and(|r| r.item)
        || same_segment(at, k).is_some_and(|w| lex_is(w, flag::DIRECTION))
    {
        k += 1;
    }
    if !matches!(same_segment(at, k), Some("of" | "from" | "to")) {
        return None;
    }
    (k + 1..k + 1 + PLACE_WORDS)
        .take_while(|&j| same_segment(at, j).is_some())
        .find(|&j| at.syntax.roles[j].cap && !lex.is(&at.words[j].norm, flag::STOPWORD))
        .map(|j| at.words[j].norm.trim_end_matches("'s").to_string())
}

/// The whole a percentage is a share of: "of", the determiners and possessives, then
/// the head of the noun phrase ("of eligible voters" is a share of voters).
fn share(at: &Around<'_, '_>) -> Option<String> {
    if same_segment(at, at.after) != Some("of") {
        return None;
    }
    let lex = Lexicon::get();
    let mut k = at.after + 1;
    while same_segment(at, k).is_some_and(|w| lex.is(w, flag::STOPWORD)) {
        k += 1;
    }
    same_segment(at, k)?;
    at.syntax
        .phrase_head(at.words, k)
        .map(|h| crate::claims::canonical_word(at.words[h].norm.trim_end_matches("'s")))
}
