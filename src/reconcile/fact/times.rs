//! Each time of a claim with the verb it modifies, and whether it dates the happening or
//! the report ("police said Wednesday", "Yesterday, the police explained", a time inside
//! the attribution).

use super::super::words::Word;
use super::syntax::Syntax;
use super::{word_at, Parts, Tie};
use crate::lexicon::{flag, Lexicon, TimeWord};
use crate::model::{TimeExpr, TimeKind, TimeOfDay, TimeValue};

/// What a time dates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TimeRole {
    /// When the reported thing happened (or will).
    #[default]
    Happening,
    /// When it was said or reported.
    Reporting,
}

/// One time of a claim, as a fact.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TimeFact {
    /// What it dates.
    pub role: TimeRole,
    /// The verb it modifies.
    pub tie: Tie,
    /// It stands inside a direct quotation: its words are the speaker's, spoken on a
    /// day the article may not give.
    pub quoted: bool,
    /// It counts from the day of writing ("today", "this morning", "last week"), so two
    /// articles written on different days word one day differently.
    pub deictic: bool,
    /// A clock time with no day stated next to it ("at 3:30 a.m."): its day is only
    /// the publication date's guess.
    pub clock_only: bool,
    /// The noun the time is written after ("a joint statement on Wednesday", "the
    /// fire late Saturday"), folded: two times of one named thing date the same thing
    /// whatever verb carries them.
    pub anchor: Option<String>,
    /// The words of the name the anchor ends ("Taunton Crown Court on 19 August"),
    /// folded, when it is a name: two times of two named things date two things.
    pub anchor_name: Vec<String>,
    /// A period of a game ("the third quarter", "the second half" of a match): no part
    /// of the calendar, whatever the time stage made of it.
    pub game_period: bool,
    /// The noun a year written before it names ("the 2004 Tonys", "the 2008 season"),
    /// folded: the year tells which of a recurring thing is meant, and dates no act of
    /// the claim.
    pub names: Option<String>,
    /// The time names a day of the week ("on Sunday", "Saturday night"): the way a news
    /// report dates the happening it reports, so two reports of one story dating their
    /// happenings by weekday date one act, however each words its verb.
    pub weekday: bool,
    /// The verb of a "when" clause of the claim, when the time is tied to another verb
    /// ("On Saturday, he was handed the keys when he was unveiled"): what happens when
    /// another thing happens shares its time, so the time dates that verb too.
    pub also: Option<String>,
}

/// Words of a time that name a period a game is divided into.
const PERIOD_WORDS: &[&str] = &["quarter", "half", "period", "inning", "innings", "set"];

/// Words that show a claim speaks of a game, so that its "third quarter" is the game's.
const GAME_WORDS: &[&str] = &[
    "game",
    "games",
    "match",
    "matches",
    "scored",
    "score",
    "goal",
    "goals",
    "touchdown",
    "touchdowns",
    "rallied",
    "trailed",
    "trailing",
    "halftime",
    "overtime",
    "kickoff",
    "buzzer",
    "whistle",
    "inning",
    "innings",
];

/// Words that stand between a noun and the time that dates it ("statement on
/// Wednesday", "fire late Saturday").
const ANCHOR_GAP: &[&str] = &["on", "in", "at", "late", "early", "of", "from", "last"];

/// Most words between a clock time and a day named with it ("Tuesday at 3 p.m.").
const CLOCK_DAY_WORDS: usize = 3;

/// The facts of the claim's times, in the order of `p.times`.
pub(super) fn read(p: &Parts<'_, '_>, syntax: &Syntax) -> Vec<TimeFact> {
    let text = p.doc.text.as_str();
    let set_apart = [p.claim.attribution, p.claim.cue];
    p.times
        .iter()
        .map(|t| {
            let at = word_at(p.words, t.span);
            let tie = tie_of(p, syntax, at);
            let in_attribution = set_apart.iter().flatten().any(|s| s.contains(t.span));
            let role = if in_attribution || tie.reporting {
                TimeRole::Reporting
            } else {
                TimeRole::Happening
            };
            let quoted = syntax.roles.get(at).is_some_and(|r| r.quoted)
                && p.quotes.iter().any(|q| q.contains(t.span));
            let clock_only = is_clock(t)
                && !names_a_day(t.text.as_str())
                && !p.times.iter().any(|d| {
                    !std::ptr::eq(*d, *t) && d.kind == TimeKind::Date && {
                        let (a, b) = if d.span.start < t.span.start {
                            (d.span.end, t.span.start)
                        } else {
                            (t.span.end, d.span.start)
                        };
                        text.get(a.min(b)..b.max(a))
                            .is_some_and(|gap| gap.split_whitespace().count() <= CLOCK_DAY_WORDS)
                    }
                });
            TimeFact {
                names: named_by_year(p, syntax, t, at),
                game_period: game_period(p, t),
                anchor: anchor(p, syntax, at),
                anchor_name: anchor_name(p, syntax, at),
                role,
                tie,
                quoted,
                deictic: deictic(t.text.as_str()),
                clock_only,
                weekday: names_a_weekday(t.text.as_str()),
                also: simultaneous(p, syntax, at),
            }
        })
        .collect()
}

/// The verb of the claim's first "when" clause, when the time at word `at` belongs to
/// another verb: the time dates both (see [`TimeFact::also`]).
fn simultaneous(p: &Parts<'_, '_>, syntax: &Syntax, at: usize) -> Option<String> {
    let w = telling_clause(p, at).or_else(|| p.words.iter().position(|x| x.norm == "when"))?;
    let roles = &syntax.roles;
    let v = (w + 1..roles.len()).find(|&k| roles[k].verb && !roles[k].reporting)?;
    if syntax.predicate_of(at) == Some(v) || roles[v].quoted != roles.get(at)?.quoted {
        return None;
    }
    let lemma = crate::claims::canonical_word(&p.words[v].norm);
    (!super::LIGHT_VERBS.contains(&lemma.as_str())).then_some(lemma)
}

/// Words that open a clause telling what happened at a time named right before them
/// ("the disaster in December 2003, in which thousands were killed").
const TELLING_OPENERS: &[&[&str]] = &[&["in", "which"], &["during", "which"], &["when"]];

/// The last word of a [`TELLING_OPENERS`] opener right after the time at word `at`.
fn telling_clause(p: &Parts<'_, '_>, at: usize) -> Option<usize> {
    let end = p
        .times
        .iter()
        .find(|t| word_at(p.words, t.span) == at)?
        .span
        .end;
    let next = p.words.partition_point(|w| w.span.start < end);
    TELLING_OPENERS.iter().find_map(|o| {
        let fits = o
            .iter()
            .enumerate()
            .all(|(k, w)| p.words.get(next + k).is_some_and(|x| x.norm == *w));
        fits.then_some(next + o.len() - 1)
    })
}

/// Participles that open a time as a preposition would ("available starting April",
/// "open beginning Monday"): the time dates the verb before them.
const TIME_OPENERS: &[&str] = &["starting", "beginning", "effective"];

/// The tie of the time at word `at`: its verb's, or, when that verb is a
/// [`TIME_OPENERS`] participle right before the time, the verb before it; a time of
/// "doing so" dates an act named elsewhere, so its verb is that pro-verb.
fn tie_of(p: &Parts<'_, '_>, syntax: &Syntax, at: usize) -> Tie {
    let words = p.words;
    let Some(v) = syntax.predicate_of(at) else {
        return Tie::of(syntax, words, at, false);
    };
    let w = words[v].norm.as_ref();
    // "the week beginning 17 October" names a period: the participle follows a noun
    let after_noun = v.checked_sub(1).is_some_and(|k| {
        Lexicon::get().is(&words[k].norm, flag::TIME_WORD)
            || k.checked_sub(1).is_some_and(|d| {
                matches!(words[d].norm.as_ref(), "the" | "a" | "an" | "this" | "that")
            })
    });
    if TIME_OPENERS.contains(&w)
        && v + 1 == at
        && !after_noun
        && syntax.predicate_of(v).is_some_and(|u| u < v)
    {
        return Tie::of(syntax, words, v, false);
    }
    let mut tie = Tie::of(syntax, words, at, false);
    if after_pro_verb(words, at) {
        tie.predicate = Some(PRO_VERB.to_string());
    }
    tie
}

/// Whether the time at word `at` follows "doing so" ("did so", "done so"), maybe
/// through a preposition ("for doing so in 2005").
fn after_pro_verb(words: &[Word<'_>], at: usize) -> bool {
    let w = |k: usize| words.get(k).map_or("", |x| x.norm.as_ref());
    let Some(mut k) = at.checked_sub(1) else {
        return false;
    };
    if matches!(w(k), "in" | "on" | "at") {
        k = k.saturating_sub(1);
    }
    w(k) == "so" && k > 0 && matches!(w(k - 1), "doing" | "did" | "done" | "does" | "do")
}

/// The predicate given to a time of "doing so": an act the words do not name.
const PRO_VERB: &str = "do so";

/// Most words of a name an anchor ends.
const ANCHOR_NAME_WORDS: usize = 5;

/// The capitalized words that end right before the time at word `at` (skipping
/// [`ANCHOR_GAP`] words), folded and without a possessive mark, when there are two or
/// more and the last is the head of a body's or a thing's name: the name of the thing
/// the time dates ("Taunton Crown Court").
fn anchor_name(p: &Parts<'_, '_>, syntax: &Syntax, at: usize) -> Vec<String> {
    let Some(h) = anchor_at(p, syntax, at) else {
        return Vec::new();
    };
    // only a body or a thing is told apart by its name ("Crown Court", "Kell Street");
    // a person goes by several names ("President Obama", "Barack Obama")
    let head = p.words[h].norm.as_ref();
    if !Lexicon::get().is(head, flag::HEAD | flag::NON_ACTOR_HEAD) {
        return Vec::new();
    }
    let seg = syntax.roles[h].seg;
    let mut name = Vec::new();
    let mut k = h + 1;
    while k > 0 && name.len() < ANCHOR_NAME_WORDS {
        let r = syntax.roles[k - 1];
        if r.seg != seg || !r.cap || r.item {
            break;
        }
        name.push(
            p.words[k - 1]
                .norm
                .trim_end_matches("'s")
                .trim_end_matches('\'')
                .to_string(),
        );
        k -= 1;
    }
    if name.len() < 2 {
        name.clear();
    }
    name
}

/// The noun right before the time at word `at` (skipping [`ANCHOR_GAP`] words): a
/// word of the claim that is no verb, auxiliary, time, number or function word.
fn anchor(p: &Parts<'_, '_>, syntax: &Syntax, at: usize) -> Option<String> {
    anchor_at(p, syntax, at).map(|h| crate::claims::canonical_word(&p.words[h].norm))
}

/// The index of the word [`anchor`] reads.
fn anchor_at(p: &Parts<'_, '_>, syntax: &Syntax, at: usize) -> Option<usize> {
    let words = p.words;
    let seg = syntax.roles.get(at)?.seg;
    let mut k = at;
    while k > 0 {
        let r = syntax.roles[k - 1];
        if r.seg != seg {
            return None;
        }
        if r.item || ANCHOR_GAP.contains(&words[k - 1].norm.as_ref()) {
            k -= 1;
            continue;
        }
        break;
    }
    let h = k.checked_sub(1)?;
    let r = syntax.roles[h];
    let w = words[h].norm.as_ref();
    let noun = r.seg == seg
        && !r.verb
        && !r.aux
        && !r.reporting
        && !Lexicon::get().is(w, flag::STOPWORD)
        && !w.starts_with(|c: char| c.is_ascii_digit());
    noun.then_some(h)
}

/// The noun right after a bare year ("the 2004 Tonys", "2008 season"), one space after
/// it, when it is no verb, function word or time word: the thing the year names.
fn named_by_year(p: &Parts<'_, '_>, syntax: &Syntax, t: &TimeExpr, at: usize) -> Option<String> {
    let year = t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit());
    let next = p.words.get(at + 1).filter(|_| year)?;
    let gap = p.doc.text.get(t.span.end..next.span.start)?;
    let lex = Lexicon::get();
    let common = flag::STOPWORD | flag::MONTH | flag::WEEKDAY | flag::TIME_WORD;
    let noun = gap == " "
        && !syntax.roles.get(at + 1).is_some_and(|r| r.verb || r.aux)
        && !lex.is(&next.norm, common)
        && next.norm.starts_with(|c: char| c.is_alphabetic());
    noun.then(|| crate::claims::canonical_word(&next.norm))
}

/// Whether a time is a period of a game: it names a period and no year, and the claim
/// speaks of a game.
fn game_period(p: &Parts<'_, '_>, t: &TimeExpr) -> bool {
    let mut names_period = false;
    for w in t.text.split(|c: char| !c.is_alphanumeric()) {
        let w = w.to_ascii_lowercase();
        if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        names_period |= PERIOD_WORDS.contains(&w.as_str());
    }
    names_period
        && p.words
            .iter()
            .any(|w| GAME_WORDS.contains(&w.norm.as_ref()))
}

/// Whether a time is a clock time ("3:30 a.m.", "06:00").
fn is_clock(t: &TimeExpr) -> bool {
    matches!(t.value, TimeValue::Time(_, TimeOfDay::Clock { .. }))
}

/// Whether the words of a time name a day: a weekday, a month, a relative day.
fn names_a_day(text: &str) -> bool {
    let lex = Lexicon::get();
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        lex.word(w).is_some_and(|i| {
            i.weekday.is_some()
                || i.month.is_some()
                || matches!(i.time, Some(TimeWord::Day(..) | TimeWord::Holiday(..)))
        })
    }) || text.contains('/')
        || text.contains('-')
}

/// Whether the words of a time name a day of the week.
fn names_a_weekday(text: &str) -> bool {
    let lex = Lexicon::get();
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| lex.word(w).is_some_and(|i| i.weekday.is_some()))
}

/// Whether a time counts from the day of writing: "today", "yesterday", "tonight",
/// "this morning", "last week", "two days ago".
fn deictic(text: &str) -> bool {
    let lex = Lexicon::get();
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        lex.word(w).is_some_and(|i| {
            matches!(
                i.time,
                Some(TimeWord::Day(..) | TimeWord::Shift(_) | TimeWord::Ago)
            )
        })
    })
}
