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
    /// A named thing the number belongs to: the model after a size ("the 15-inch
    /// MacBook Pro"), the name before the subject noun of its verb ("HP shares
    /// dropped", "the Orioles' offer was"): the folded words of the name, space-joined.
    Named(String),
    /// A count over a part of the story's time: "three times since October", "68
    /// punches during the round" (the word that names the part, folded: "october",
    /// "round"). It is no count of the whole.
    Scope(String),
    /// The lowest of several amounts: "starts at $999", "will cost from $1,199", with
    /// the model it is the lowest price of, when the clause names one ("the 11-inch
    /// models start at"). It is no price of one thing.
    Floor(Option<String>),
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
            Some(Owner::Named(n)) => format!("named:{n}"),
            Some(Owner::Scope(w)) => format!("scope:{w}"),
            Some(Owner::Floor(m)) => format!("floor:{}", m.as_deref().unwrap_or("")),
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
        Owner::Rate | Owner::Earlier | Owner::Scope(_) | Owner::Floor(_) => false,
        Owner::Whole(noun) => verb.is_none_or(|v| v == noun),
        Owner::Named(_) => true,
    };
    match (mine, theirs) {
        (Some(Owner::Named(a)), Some(Owner::Named(b))) => names_meet(a, b),
        (Some(Owner::Floor(Some(a))), Some(Owner::Floor(Some(b)))) => names_meet(a, b),
        (Some(Owner::Floor(_)), Some(Owner::Floor(_))) => true,
        (Some(a), Some(b)) => a == b,
        (Some(a), None) => alone(a, acting.1),
        (None, Some(b)) => alone(b, acting.0),
        (None, None) => true,
    }
}

/// Whether two names may name one owner: every word of one is a word of the other
/// ("Nationals" and "Washington Nationals", "Air" and "MacBook Air"); "MacBook Air" and
/// "MacBook Pro", or "EDS" and "HP", are two.
pub(super) fn names_meet(a: &str, b: &str) -> bool {
    let within = |x: &str, y: &str| x.split(' ').all(|w| y.split(' ').any(|v| v == w));
    within(a, b) || within(b, a)
}

/// Most words of a name read as one owner ("Washington Nationals", "MacBook Pro").
const NAME_WORDS: usize = 3;

/// Most words read after "of" or "from" for the place a distance is measured from
/// ("west of the region's main city of Manokwari").
const PLACE_WORDS: usize = 6;

/// How many words after a number may stand before the word that makes it a rate
/// ("$23 million average annual value").
const RATE_REACH: usize = 2;

/// How many words before the described noun its "a" may stand ("a mountain village").
const DESCRIBED_REACH: usize = 2;

/// How many words after a number the phrase that scopes it may open ("28 of his 68
/// punches thrown during the round").
const SCOPE_REACH: usize = 6;

/// The words of a claim around one number: what [`read`] needs.
pub(super) struct Around<'w, 'a> {
    /// The document's text (for the capitals of a word).
    pub text: &'w str,
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
    if floor(at, unit) {
        return Some(Owner::Floor(None));
    }
    if let Some(part) = scope(at) {
        return Some(Owner::Scope(part));
    }
    // a distance or a share without its place or whole may still belong to a name
    // ("KTX shares rose 12 percent")
    let whole = match unit {
        Some(Unit::Measure(m)) if matches!(*m, "km" | "mile" | "m") => place(at).map(Owner::Place),
        Some(Unit::Percent) => share(at).map(Owner::Share),
        _ => None,
    };
    if whole.is_some() {
        return whole;
    }
    if let Some(name) = model_after(at)
        .or_else(|| possessor(at))
        .or_else(|| name_before_subject(at))
        .or_else(|| pointed_back(at))
    {
        return Some(Owner::Named(name));
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

/// "starts at $999", "starting at", "starts off at", and money "from $1,199" (a change
/// "from" is an earlier value, read before).
fn floor(at: &Around<'_, '_>, unit: Option<&Unit>) -> bool {
    let before = |n: usize| at.first.checked_sub(n).and_then(|k| same_segment(at, k));
    match (before(3), before(2), before(1)) {
        (_, Some(s), Some("at")) if lex_is(s, flag::FLOOR_VERB) => true,
        (Some(s), Some("off" | "out"), Some("at")) => lex_is(s, flag::FLOOR_VERB),
        (_, _, Some("from")) => matches!(unit, Some(Unit::Currency(_))),
        _ => false,
    }
}

/// The part of the story's time a count is scoped to, opened after the number: "since"
/// and the word after it ("since October"), or "during", "in", "over" or "throughout"
/// before a part of a match or a period ("during the round", "in the second half",
/// "over those three minutes").
fn scope(at: &Around<'_, '_>) -> Option<String> {
    let lex = Lexicon::get();
    let part_after = |from: usize| {
        (from..from + SCOPE_REACH)
            .take_while(|&j| same_segment(at, j).is_some())
            .find(|&j| {
                !lex.is(
                    &at.words[j].norm,
                    flag::STOPWORD | flag::NUMBER | flag::ORDINAL,
                )
            })
    };
    for k in at.after..at.after + SCOPE_REACH {
        let w = same_segment(at, k)?;
        if lex_is(w, flag::SCOPE_OPENER) {
            let part = part_after(k + 1)?;
            return Some(crate::claims::canonical_word(&at.words[part].norm));
        }
        if matches!(w, "during" | "in" | "over" | "throughout") {
            let part = part_after(k + 1).filter(|&j| lex_is(&at.words[j].norm, flag::SCOPE_PART));
            if let Some(j) = part {
                return Some(crate::claims::canonical_word(&at.words[j].norm));
            }
        }
    }
    None
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

/// Whether word `k` is part of a name: a capital that is no function word; the
/// claim's first word only with a capital inside it too ("EDS", "MacBook"), since any
/// word opens a sentence with a capital.
fn name_word(at: &Around<'_, '_>, k: usize) -> bool {
    let (Some(w), Some(r)) = (at.words.get(k), at.syntax.roles.get(k)) else {
        return false;
    };
    if !r.cap || r.item || r.verb || lex_is(&w.norm, flag::STOPWORD) {
        return false;
    }
    k > 0
        || at
            .text
            .get(w.span.start..w.span.end)
            .is_some_and(|s| s.chars().skip(1).any(char::is_uppercase))
}

/// The folded words `from..to` of a name, space-joined, possessives cut.
fn name_of(at: &Around<'_, '_>, from: usize, to: usize) -> String {
    at.words[from..to]
        .iter()
        .map(|w| w.norm.trim_end_matches("'s"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The model a size is the size of: the name right after it ("the 11-inch Air", "a
/// 15-inch MacBook Pro").
fn model_after(at: &Around<'_, '_>) -> Option<String> {
    same_segment(at, at.after)?;
    let end = (at.after..at.after + NAME_WORDS)
        .take_while(|&k| same_segment(at, k).is_some() && name_word(at, k))
        .last()?;
    Some(name_of(at, at.after, end + 1))
}

/// The verb a number belongs to, when it stands before the number (the number is its
/// object or complement): a verb of saying gives way to the content verb after it.
fn verb_before(at: &Around<'_, '_>) -> Option<usize> {
    let mut v = at.syntax.predicate_of(at.first)?;
    if at.syntax.roles[v].reporting {
        v = at.syntax.content_verb_after(at.first).unwrap_or(v);
    }
    // the verb after the number is no verb the number is the object of
    (v <= at.first).then_some(v)
}

/// The name before the common noun that is the subject of the number's verb: "HP
/// shares dropped $2.49", "the Orioles' offer was $150 million". A subject that is a
/// name itself is the verb's own (its tie compares it).
fn name_before_subject(at: &Around<'_, '_>) -> Option<String> {
    let v = verb_before(at)?;
    name_before_noun_subject(at, v)
}

/// The name before the common noun that is the subject of verb `v` ("the Red Sox
/// offer varied").
fn name_before_noun_subject(at: &Around<'_, '_>, v: usize) -> Option<String> {
    let s = at.syntax.subject_of(at.words, v)?;
    if at.syntax.roles[s].cap {
        return None;
    }
    let seg = at.syntax.roles[s].seg;
    let mut from = s;
    while from > 0
        && s - (from - 1) <= NAME_WORDS
        && at.syntax.roles[from - 1].seg == seg
        && name_word(at, from - 1)
    {
        from -= 1;
    }
    (from < s).then(|| name_of(at, from, s))
}

/// Subjects that point back to a thing named before them ("it was eight years").
const POINTING_SUBJECTS: &[&str] = &["it", "that", "this"];

/// The named owner of an earlier clause of the claim that the subject of the number's
/// verb points back to: in "Reports of the Red Sox offer varied, though one station
/// claims it was eight years and $184 million", "it" is the Red Sox offer. The earlier
/// clauses must name one owner only (a possessive name, or a name before the common
/// noun that is a verb's subject); with two, which one "it" is stays unknown.
fn pointed_back(at: &Around<'_, '_>) -> Option<String> {
    let v = verb_before(at)?;
    let roles = &at.syntax.roles;
    let seg = roles[v].seg;
    let mut k = v;
    while k > 0
        && roles[k - 1].seg == seg
        && (roles[k - 1].aux || super::syntax::ADVERBS.contains(&at.words[k - 1].norm.as_ref()))
    {
        k -= 1;
    }
    let s = k.checked_sub(1).filter(|&s| roles[s].seg == seg)?;
    if !POINTING_SUBJECTS.contains(&at.words[s].norm.as_ref()) {
        return None;
    }
    let start = (0..s)
        .rev()
        .take_while(|&j| roles[j].seg == seg)
        .last()
        .unwrap_or(s);
    let mut owner: Option<String> = None;
    for (j, role) in roles.iter().enumerate().take(start) {
        let found = if role.verb && !role.reporting {
            name_before_noun_subject(at, j)
        } else {
            possessive_name(at, j)
        };
        match (&owner, found) {
            (_, None) => {}
            (None, Some(n)) => owner = Some(n),
            (Some(o), Some(n)) if names_meet(o, &n) => {}
            (Some(_), Some(_)) => return None,
        }
    }
    owner
}

/// The name whose possessive stands right before the number: "the Harbor Hawks' $90
/// million offer", "Korvath's 4 percent stake".
fn possessor(at: &Around<'_, '_>) -> Option<String> {
    let p = at.first.checked_sub(1)?;
    same_segment(at, p)?;
    possessive_name(at, p)
}

/// The name that word `p` ends with its possessive ("Hawks'", "Korvath's"), with the
/// name words before it in its segment.
fn possessive_name(at: &Around<'_, '_>, p: usize) -> Option<String> {
    let written = at.text.get(at.words[p].span.start..at.words[p].span.end)?;
    // "Hawks'": the apostrophe after a plural may stand outside the word
    let next = at.text.get(at.words[p].span.end..).unwrap_or("");
    let possessive = written.ends_with("'s")
        || written.ends_with("\u{2019}s")
        || written.ends_with(['\'', '\u{2019}'])
        || next.starts_with(['\'', '\u{2019}']);
    if !possessive || !name_word(at, p) {
        return None;
    }
    let seg = at.syntax.roles[p].seg;
    let mut from = p;
    while from > 0
        && p - (from - 1) < NAME_WORDS
        && at.syntax.roles[from - 1].seg == seg
        && name_word(at, from - 1)
    {
        from -= 1;
    }
    let name = name_of(at, from, p + 1);
    Some(name.trim_end_matches(['\'', '\u{2019}']).to_string())
}

#[cfg(test)]
mod tests {
    use super::{names_meet, owners_meet, Owner};

    #[test]
    fn forms_of_one_name_meet_and_two_names_do_not() {
        assert!(names_meet("nationals", "washington nationals"));
        assert!(names_meet("air", "macbook air"));
        assert!(!names_meet("macbook air", "macbook pro"));
        assert!(!names_meet("eds", "hp"));
    }

    #[test]
    fn a_named_figure_meets_one_whose_owner_is_unknown() {
        let named = Owner::Named("korvath".to_string());
        assert!(owners_meet(Some(&named), None, (None, None)));
        assert!(owners_meet(None, Some(&named), (Some("fell"), None)));
    }
}
