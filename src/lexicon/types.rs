//! What the entries of the lists mean: small typed values the stages read instead of
//! strings.

use crate::model::{ActorKind, CalendarUnit, DayPart, EventKind, Season, TimeRef};

/// What a period after an abbreviation means (`data/segment/abbreviations.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Comes before a name; never ends a sentence.
    Title,
    /// Never ends a sentence.
    Inner,
    /// Comes before a number.
    Number,
    /// A month name before a day.
    Month,
    /// a.m. / p.m.
    Time,
    /// Ends a sentence when a usual sentence opener follows.
    Maybe,
    /// Ends a sentence before any capitalised word but an all-capitals one.
    End,
}

impl AbbrevClass {
    pub(super) fn parse(s: &str) -> Option<AbbrevClass> {
        Some(match s {
            "title" => AbbrevClass::Title,
            "inner" => AbbrevClass::Inner,
            "number" => AbbrevClass::Number,
            "month" => AbbrevClass::Month,
            "time" => AbbrevClass::Time,
            "maybe" => AbbrevClass::Maybe,
            "end" => AbbrevClass::End,
            _ => return None,
        })
    }
}

/// How a reporting phrase points at its speaker (`data/speech/reporting.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// The subject of the phrase speaks ("X said", or inverted "said X").
    Verb,
    /// The speaker follows the phrase ("according to X").
    Source,
    /// The speaker stands between the phrase and "as saying" ("quoted X as saying").
    Quoted,
    /// The subject speaks, in a passive report ("X was quoted as saying").
    Passive,
    /// The occasion of a statement ("in a statement", "on twitter").
    Frame,
}

impl CueKind {
    pub(super) fn parse(s: &str) -> Option<CueKind> {
        Some(match s {
            "verb" => CueKind::Verb,
            "source" => CueKind::Source,
            "quoted" => CueKind::Quoted,
            "passive" => CueKind::Passive,
            "frame" => CueKind::Frame,
            _ => return None,
        })
    }
}

/// Which stages use a reporting cue (bits of [`ReportingCue::uses`]).
pub(crate) mod cue_use {
    /// Attributes a quotation or reported speech to its speaker.
    pub const QUOTE: u8 = 1;
    /// Set apart from a claim's content words.
    pub const CLAIM: u8 = 1 << 1;
    /// May follow a quotation in an inverted attribution.
    pub const INVERTED: u8 = 1 << 2;
}

/// A reporting verb or phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ReportingCue {
    /// Its words, lower case.
    pub words: Vec<&'static str>,
    /// How it points at its speaker.
    pub kind: CueKind,
    /// The [`cue_use`] bits.
    pub uses: u8,
}

/// Where a source cue stands relative to the source it introduces
/// (`data/speech/sources.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CuePosition {
    /// "according to X".
    Before,
    /// "X reported".
    After,
    /// "X reported, cited by Y", "X were quoted by Y as saying": the party after the cue
    /// only relays what the one before it said.
    Relay,
}

/// The class of a negation cue (`data/meaning/negation.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NegationClass {
    /// "not", "never", "no".
    Particle,
    /// "didn't", "won't", "n't".
    Contraction,
    /// "without".
    Preposition,
    /// "denied", "refused", "turned down".
    Rejection,
}

impl NegationClass {
    pub(super) fn parse(s: &str) -> Option<NegationClass> {
        Some(match s {
            "particle" => NegationClass::Particle,
            "contraction" => NegationClass::Contraction,
            "preposition" => NegationClass::Preposition,
            "rejection" => NegationClass::Rejection,
            _ => return None,
        })
    }
}

/// The kind of a clause word (`data/meaning/clauses.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ClauseWord {
    /// An -ing word that opens a phrase, not a participial clause ("including").
    Prep,
    /// An auxiliary or modal.
    Aux,
    /// A subject pronoun.
    Pronoun,
    /// A determiner.
    Det,
    /// A coordinating conjunction.
    Conj,
}

impl ClauseWord {
    pub(super) fn parse(s: &str) -> Option<ClauseWord> {
        Some(match s {
            "prep" => ClauseWord::Prep,
            "aux" => ClauseWord::Aux,
            "pronoun" => ClauseWord::Pronoun,
            "det" => ClauseWord::Det,
            "conj" => ClauseWord::Conj,
            _ => return None,
        })
    }
}

/// What a head word of a body names, and whether it may do so in lower case
/// (`data/actors/organizations.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Head {
    /// The kind of body.
    pub kind: ActorKind,
    /// "the ministry" names a body in lower case.
    pub lower_ok: bool,
}

/// A unit of time a word names: a period of the calendar (the sizes a TIMEX3 value can
/// have, [`CalendarUnit`]), or a unit no calendar value is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TimeUnit {
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// Two weeks.
    Fortnight,
    /// A day, week, weekend, month, quarter, year, decade or century.
    Calendar(CalendarUnit),
}

impl TimeUnit {
    pub(crate) const DAY: TimeUnit = TimeUnit::Calendar(CalendarUnit::Day);
    pub(crate) const WEEK: TimeUnit = TimeUnit::Calendar(CalendarUnit::Week);
    pub(crate) const WEEKEND: TimeUnit = TimeUnit::Calendar(CalendarUnit::Weekend);
    pub(crate) const MONTH: TimeUnit = TimeUnit::Calendar(CalendarUnit::Month);
    pub(crate) const QUARTER: TimeUnit = TimeUnit::Calendar(CalendarUnit::Quarter);
    pub(crate) const YEAR: TimeUnit = TimeUnit::Calendar(CalendarUnit::Year);
    pub(crate) const DECADE: TimeUnit = TimeUnit::Calendar(CalendarUnit::Decade);
    pub(crate) const CENTURY: TimeUnit = TimeUnit::Calendar(CalendarUnit::Century);

    pub(super) fn parse(s: &str) -> Option<TimeUnit> {
        Some(match s {
            "minute" => TimeUnit::Minute,
            "hour" => TimeUnit::Hour,
            "fortnight" => TimeUnit::Fortnight,
            "day" => TimeUnit::DAY,
            "week" => TimeUnit::WEEK,
            "weekend" => TimeUnit::WEEKEND,
            "month" => TimeUnit::MONTH,
            "quarter" => TimeUnit::QUARTER,
            "year" => TimeUnit::YEAR,
            "decade" => TimeUnit::DECADE,
            "century" => TimeUnit::CENTURY,
            _ => return None,
        })
    }
}

/// Which part of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Edge {
    /// Early.
    Early,
    /// Mid.
    Mid,
    /// Late.
    Late,
}

/// A temporal word's class (`data/calendar/time_words.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TimeWord {
    /// A day relative to the anchor, with a part of the day ("tonight").
    Day(i8, Option<DayPart>),
    /// A vague reference (`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`).
    Ref(TimeRef),
    /// A calendar unit; `true` when plural.
    Unit(TimeUnit, bool),
    /// A part of the day.
    Part(DayPart),
    /// A calendar shift (last = -1, this = 0, next = 1).
    Shift(i8),
    /// A season.
    Season(Season),
    /// Early, mid or late.
    Edge(Edge),
    /// "ago".
    Ago,
    /// A named hour (noon, midnight).
    Clock(u8),
    /// A recurrence (daily, weekly).
    Set(TimeUnit),
    /// A vague amount before a plural unit ("several days").
    Quant,
    /// A fixed-date holiday: month, day.
    Holiday(u8, u8),
}

/// A tense cue (`data/calendar/tense.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    /// Past.
    Past,
    /// Future.
    Future,
    /// Present tense: a schedule ("the vote is on Sunday"), read as future, but weaker
    /// than a past or future cue at the same distance.
    Present,
}

/// A unit class (`data/numbers/units.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitClass {
    /// A currency sign before the number.
    Symbol,
    /// A currency code before or after.
    Code,
    /// A currency word after.
    Money,
    /// A percentage sign or word.
    Percent,
    /// A unit of measure after.
    Measure,
}

/// How a qualifier before a number bounds it (`data/numbers/approx.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ApproxClass {
    /// "about".
    About,
    /// "more than".
    AtLeast,
    /// "less than".
    AtMost,
    /// "between".
    Between,
}

impl ApproxClass {
    pub(super) fn parse(s: &str) -> Option<ApproxClass> {
        Some(match s {
            "about" => ApproxClass::About,
            "at_least" => ApproxClass::AtLeast,
            "at_most" => ApproxClass::AtMost,
            "between" => ApproxClass::Between,
            _ => return None,
        })
    }
}

pub(super) fn actor_kind(s: &str) -> Option<ActorKind> {
    Some(match s {
        "organization" => ActorKind::Organization,
        "outlet" => ActorKind::Outlet,
        "document" => ActorKind::Document,
        _ => return None,
    })
}

pub(super) fn event_kind(s: &str) -> Option<EventKind> {
    Some(match s {
        "statement" => EventKind::Statement,
        "publication" => EventKind::Publication,
        "meeting" => EventKind::Meeting,
        "visit" => EventKind::Visit,
        "agreement" => EventKind::Agreement,
        "other" => EventKind::Other,
        _ => return None,
    })
}
