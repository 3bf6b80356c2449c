//! The small word lists of quote attribution, and word tests on them.

use crate::extract::actors::lexicon::{flag, Lexicon, Set};
use crate::text::Tokens;

/// Adverbs, auxiliaries and time words that may stand between a speaker and the
/// reporting verb ("X also said", "X on Tuesday said"), or open reported content.
const SKIP_BETWEEN: &[&str] = &[
    "also",
    "only",
    "later",
    "then",
    "again",
    "earlier",
    "further",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "did",
    "does",
    "do",
    "previously",
    "repeatedly",
    "separately",
    "recently",
    "publicly",
    "reportedly",
    "once",
    "explicitly",
    "strongly",
    "firmly",
    "clearly",
    "bluntly",
    "simply",
    "openly",
    "privately",
    "quickly",
    "subsequently",
    "today",
    "yesterday",
    "tonight",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "last",
    "week",
    "night",
    "not",
    "never",
    "already",
    "just",
    "even",
    "still",
    "however",
    "instead",
    "finally",
    "first",
    "ultimately",
    "eventually",
    "meanwhile",
];

/// Words after which a name is an object, not a subject ("met with X", "told by X").
const PREPOSITIONS: &[&str] = &[
    "with", "to", "by", "for", "from", "of", "on", "at", "in", "about", "against", "between",
    "after", "before", "over", "like", "than", "into", "among", "toward", "towards", "under",
    "via", "without", "upon", "and",
];

/// Verbs after which the next name is an object, not an inverted subject.
const INVERTIBLE: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "continued",
    "explained",
    "noted",
    "stressed",
    "insisted",
    "declared",
    "argued",
    "replied",
    "responded",
    "stated",
    "tweeted",
    "recalled",
    "admitted",
    "acknowledged",
    "conceded",
    "concluded",
    "cautioned",
    "remarked",
    "commented",
    "observed",
    "exclaimed",
    "asked",
    "answered",
    "countered",
    "warned",
    "emphasised",
    "emphasized",
    "announced",
    "claimed",
    "predicted",
    "reported",
];

/// The word lists above as hash sets, built once: a lookup per word instead of a
/// scan of the list.
pub(super) struct WordLists {
    /// [`SKIP_BETWEEN`].
    pub skip_between: Set<&'static str>,
    /// [`PREPOSITIONS`].
    pub prepositions: Set<&'static str>,
    /// [`INVERTIBLE`].
    pub invertible: Set<&'static str>,
    /// [`NOUN_LIKE`].
    pub noun_like: Set<&'static str>,
}

/// The word lists, built on first use.
pub(super) fn word_lists() -> &'static WordLists {
    static LISTS: std::sync::OnceLock<WordLists> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| WordLists {
        skip_between: SKIP_BETWEEN.iter().copied().collect(),
        prepositions: PREPOSITIONS.iter().copied().collect(),
        invertible: INVERTIBLE.iter().copied().collect(),
        noun_like: NOUN_LIKE.iter().copied().collect(),
    })
}

/// Plural nouns that are also reporting verbs: a cue only right after a subject.
const NOUN_LIKE: &[&str] = &[
    "comments",
    "remarks",
    "claims",
    "reports",
    "estimates",
    "demands",
    "answers",
    "notes",
    "states",
    "promises",
    "appeals",
    "pledges",
    "vows",
    "thought",
    "warning",
    "saying",
    "writing",
    "concludes",
    "wants",
    "feels",
    "hopes",
    "believes",
    "thinks",
    "posted",
    "expressed",
    "described",
    "welcomed",
    "welcomes",
    "agreed",
    "agrees",
    "felt",
    "wanted",
    "hoped",
    "believed",
    "reported",
    "maintains",
    "indicated",
    "indicates",
    "informed",
    "advised",
    "briefed",
    "cited",
    "citing",
    "repeated",
    "proposed",
    "proposes",
    "called",
    "calling",
];

/// Whether `w` (lower case) is a subject pronoun that can name a speaker.
pub(super) fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "it" | "they" | "we" | "i")
}

/// Whether word token `i` is an abbreviation whose period ends no sentence ("Mr.",
/// "Gen.", an initial).
pub(super) fn is_abbrev(toks: &Tokens, i: usize) -> bool {
    if !toks.is_alnum(i) {
        return false;
    }
    let w = toks.lower(i);
    Lexicon::get().titles.get(w) == Some(&true)
        || matches!(
            w,
            "st" | "jr"
                | "sr"
                | "gen"
                | "sen"
                | "rep"
                | "gov"
                | "lt"
                | "col"
                | "capt"
                | "prof"
                | "no"
                | "vs"
                | "inc"
                | "co"
                | "corp"
        )
        || (w.chars().count() == 1 && toks[i].cap())
}

/// Whether `w` (lower case) is a word that is never part of a name, or no word at all.
pub(super) fn is_function_word(w: &str) -> bool {
    Lexicon::get().is(w, flag::NOT_NAME)
        || !w.chars().next().map(char::is_alphanumeric).unwrap_or(false)
}

/// Whether a word is an auxiliary verb: after a noun phrase it makes that phrase the
/// subject of a clause ("said the plan would ...").
pub(super) fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
    )
}

/// Whether a word can end a noun phrase (not a verb form or adverb).
pub(super) fn looks_nominal(w: &str) -> bool {
    !(w.ends_with("ly")
        || w.ends_with("ed")
        || w.ends_with("ing")
        || Lexicon::get().is(w, flag::QUOTE_CUE))
}
