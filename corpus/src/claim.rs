//! Base claims: what an event's sources report, fixed once per event, before any outlet
//! words it. A claim is a structured sentence spec (who, what verb, which objects, where,
//! when, how much); [`crate::render`] turns it into one outlet's sentence.

use crate::cast::Cast;
use crate::coin;
use crate::lexicon::{
    ADDRESSEES, ADJECTIVES, ADVERBS, APPROXIMATORS, AUXILIARIES, COUNTED_NOUNS, NOUNS,
    PLACE_PREPOSITIONS, TAILS, VERBS,
};
use crate::numbers::Amount;
use crate::rng::Rng;
use crate::words::{EVERYDAY_WORDS, TOPIC_WORDS};

/// Share of noun phrases with an adjective slot.
const ADJECTIVE_SHARE: f64 = 0.6;
/// Share of noun phrases qualified by one of the event's topic words.
const TOPIC_SHARE: f64 = 0.85;
/// Share of claims that say when.
const TIMED_SHARE: f64 = 0.6;
/// Share of claims with an adverb.
const ADVERB_SHARE: f64 = 0.5;
/// Share of amounts with an approximator ("at least").
const APPROXIMATE_SHARE: f64 = 0.5;
/// Share of claims with a trailing phrase.
const TAIL_SHARE: f64 = 0.7;
/// Share of open-vocabulary tail words that are coined rather than common.
const COINED_TAIL_WORD_SHARE: f64 = 0.4;

/// The shape of a claim's sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimKind {
    /// Reported speech: "X said the government would cut the levy".
    Statement,
    /// A direct quotation of the same content.
    Quotation,
    /// "X signed the accord in Lyon on Monday".
    Action,
    /// A number: "at least 12 homes were damaged", "prices rose 4%".
    Quantity,
    /// "X urged all sides to respect the truce".
    Appeal,
}

impl ClaimKind {
    /// Statements 30%, quotations 15%, actions 25%, quantities 17%, appeals 13%.
    fn draw(rng: &mut Rng) -> ClaimKind {
        let r = rng.unit();
        if r < 0.3 {
            ClaimKind::Statement
        } else if r < 0.45 {
            ClaimKind::Quotation
        } else if r < 0.7 {
            ClaimKind::Action
        } else if r < 0.87 {
            ClaimKind::Quantity
        } else {
            ClaimKind::Appeal
        }
    }
}

/// A deliberate disagreement of one rendering with its base claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// Another number.
    Number,
    /// Another weekday.
    Date,
    /// Another speaker from the cast.
    Speaker,
    /// The claim negated or reversed.
    Polarity,
}

impl Change {
    /// Every kind, in the order they are drawn from.
    pub const ALL: [Change; 4] = [
        Change::Number,
        Change::Date,
        Change::Speaker,
        Change::Polarity,
    ];

    /// The name written in `conflicts.tsv`.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Number => "number",
            Change::Date => "date",
            Change::Speaker => "speaker",
            Change::Polarity => "polarity",
        }
    }
}

/// "the [adjective] [topic] noun", as indices into the lexicon and the cast's topics.
#[derive(Clone, Copy, Debug)]
pub struct NounPhrase {
    /// Adjective group, if the phrase has one.
    pub adjective: Option<usize>,
    /// Topic word of the cast, if any.
    pub topic: Option<usize>,
    /// Noun group.
    pub noun: usize,
}

impl NounPhrase {
    fn draw(rng: &mut Rng, cast: &Cast) -> NounPhrase {
        NounPhrase {
            adjective: rng
                .chance(ADJECTIVE_SHARE)
                .then(|| rng.below(ADJECTIVES.len())),
            topic: rng
                .chance(TOPIC_SHARE)
                .then(|| rng.below(cast.topics.len())),
            noun: rng.below(NOUNS.len()),
        }
    }
}

/// A trailing phrase ("during the bright tariff talks").
#[derive(Clone, Debug)]
pub struct Tail {
    /// Template in [`TAILS`].
    pub template: usize,
    /// An open-vocabulary word.
    pub word: String,
    /// Topic word of the cast.
    pub topic: usize,
    /// Noun group.
    pub noun: usize,
    /// Place of the cast.
    pub place: usize,
    /// Organisation of the cast.
    pub organisation: usize,
}

/// One base claim.
#[derive(Clone, Debug)]
pub struct ClaimSpec {
    /// Sentence shape.
    pub kind: ClaimKind,
    /// Index of the speaker or agent in the cast.
    pub speaker: usize,
    /// Grammatical subject of the reported content.
    pub subject: NounPhrase,
    /// Verb group.
    pub verb: usize,
    /// Object.
    pub object: NounPhrase,
    /// Location (see [`Cast::location`]).
    pub location: usize,
    /// Preposition before the location.
    pub preposition: &'static str,
    /// Whether the claim says when.
    pub timed: bool,
    /// The number it states.
    pub amount: Amount,
    /// Approximator group before the number, if any.
    pub approximator: Option<usize>,
    /// Addressee of an appeal.
    pub addressee: &'static str,
    /// Adverb, if any.
    pub adverb: Option<&'static str>,
    /// What a count counts.
    pub counted: &'static str,
    /// Topic word of an appeal's object.
    pub topic: usize,
    /// Auxiliary of reported speech.
    pub auxiliary: &'static str,
    /// Trailing phrase, if any.
    pub tail: Option<Tail>,
}

/// A word from the open vocabulary: common, or coined.
pub fn open_word(rng: &mut Rng) -> String {
    if rng.chance(COINED_TAIL_WORD_SHARE) {
        coin::term(rng)
    } else if rng.chance(0.5) {
        rng.pick(EVERYDAY_WORDS).to_string()
    } else {
        rng.pick(TOPIC_WORDS).to_string()
    }
}

impl ClaimSpec {
    /// A fresh base claim about `cast`.
    pub fn draw(rng: &mut Rng, cast: &Cast) -> ClaimSpec {
        let kind = ClaimKind::draw(rng);
        let speaker = rng.below(cast.people.len());
        let subject = NounPhrase::draw(rng, cast);
        let verb = rng.below(VERBS.len());
        let object = NounPhrase::draw(rng, cast);
        let location = rng.below(cast.locations());
        let preposition = rng.pick(PLACE_PREPOSITIONS);
        let timed = rng.chance(TIMED_SHARE);
        let adverb = rng.chance(ADVERB_SHARE).then(|| rng.pick(ADVERBS));
        let addressee = rng.pick(ADDRESSEES);
        let counted = rng.pick(COUNTED_NOUNS);
        let topic = rng.below(cast.topics.len());
        let auxiliary = rng.pick(AUXILIARIES);
        let amount = Amount::draw(rng);
        let approximator = rng
            .chance(APPROXIMATE_SHARE)
            .then(|| rng.below(APPROXIMATORS.len()));
        let tail = rng.chance(TAIL_SHARE).then(|| Tail {
            template: rng.below(TAILS.len()),
            word: open_word(rng),
            topic: rng.below(cast.topics.len()),
            noun: rng.below(NOUNS.len()),
            place: rng.below(cast.places.len()),
            organisation: rng.below(cast.organisations.len()),
        });
        ClaimSpec {
            kind,
            speaker,
            subject,
            verb,
            object,
            location,
            preposition,
            timed,
            amount,
            approximator,
            addressee,
            adverb,
            counted,
            topic,
            auxiliary,
            tail,
        }
    }
}
