//! The one lexicon: every word list under `data/`, read with one parser in one format
//! (`data/README.md`), each list held once, built on first use and immutable after.
//!
//! Single words of every list meet in one [`WordTable`]: a word's [`WordInfo`] has a
//! bit per list that holds it ([`flag`]) and its typed values (month, weekday, number,
//! unit, time class, tense). The text layer looks each token up once and every stage
//! tests bits. Phrases and the lists that map an entry to something (a country, a kind,
//! a class) are typed tables beside it.

mod comparison;
mod files;
pub(crate) mod format;
mod table;
mod types;
mod units;

pub(crate) use comparison::{ComparisonLists, GenericWord};
pub(crate) use table::{fold, PackedKey, WordId, WordTable};
pub(crate) use types::*;

use crate::model::{DayPart, Season, TimeRef};
use format::Record;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Bits of [`WordInfo::flags`]: the lists that hold a lower-cased single word.
pub(crate) mod flag {
    /// A word of a title or honorific (`actors/titles.txt`).
    pub const TITLE: u64 = 1;
    /// A single-word role noun (`actors/roles.txt`).
    pub const ROLE: u64 = 1 << 1;
    /// A word that may stand inside a description (`actors/modifiers.txt`).
    pub const MODIFIER: u64 = 1 << 2;
    /// A single-word nationality (`actors/nationalities.txt`).
    pub const NATIONALITY: u64 = 1 << 3;
    /// A single-word place (`actors/places.txt`).
    pub const PLACE: u64 = 1 << 4;
    /// A single-word head or name of a body (`actors/organizations.txt`).
    pub const HEAD: u64 = 1 << 5;
    /// Never a name (`actors/not_names.txt`).
    pub const NOT_NAME: u64 = 1 << 6;
    /// The last word of a name of a thing (`actors/non_actor_heads.txt`).
    pub const NON_ACTOR_HEAD: u64 = 1 << 7;
    /// The first word of a two-word role, head or nationality ("prime", "joint").
    pub const MULTI_FIRST: u64 = 1 << 8;
    /// A word that can start or be a description's head: a role noun, a body head usable
    /// in lower case, or a [`MULTI_FIRST`] word.
    pub const DESC: u64 = 1 << 9;
    /// The first word of a reporting cue that attributes quotations.
    pub const QUOTE_CUE: u64 = 1 << 10;
    /// A family name read family-first (`actors/family_first_surnames.txt`).
    pub const FAMILY_FIRST: u64 = 1 << 11;
    /// A vague role qualifier (`actors/vague_qualifiers.txt`).
    pub const VAGUE_QUALIFIER: u64 = 1 << 12;
    /// A month name or abbreviation.
    pub const MONTH: u64 = 1 << 13;
    /// A weekday name, plural or abbreviation.
    pub const WEEKDAY: u64 = 1 << 14;
    /// A temporal word (`calendar/time_words.txt`, any class but `start`).
    pub const TIME_WORD: u64 = 1 << 15;
    /// A function word that can begin a temporal expression ("the", "every").
    pub const TIME_STARTER: u64 = 1 << 16;
    /// A tense cue.
    pub const TENSE: u64 = 1 << 17;
    /// A number word or scale.
    pub const NUMBER: u64 = 1 << 18;
    /// An ordinal.
    pub const ORDINAL: u64 = 1 << 19;
    /// A vague plural amount ("hundreds").
    pub const VAGUE_AMOUNT: u64 = 1 << 20;
    /// A unit.
    pub const UNIT: u64 = 1 << 21;
    /// The first word of a qualifier before a number ("about", "more").
    pub const APPROX_FIRST: u64 = 1 << 22;
    /// A word after a number that is not what it counts.
    pub const NOT_UNIT: u64 = 1 << 23;
    /// A function word dropped from claim content.
    pub const STOPWORD: u64 = 1 << 24;
    /// A negating particle ("not").
    pub const NEG_PARTICLE: u64 = 1 << 25;
    /// A negated auxiliary ("didn't").
    pub const NEG_CONTRACTION: u64 = 1 << 26;
    /// A negating preposition ("without").
    pub const NEG_PREPOSITION: u64 = 1 << 27;
    /// A rejection verb, or the first word of a two-word one ("turned").
    pub const NEG_REJECTION: u64 = 1 << 28;
    /// The first word of a reporting cue set apart from claims.
    pub const CLAIM_CUE: u64 = 1 << 29;
    /// The first word of a source cue.
    pub const SOURCE_CUE: u64 = 1 << 30;
    /// A word of an antonym pair.
    pub const ANTONYM: u64 = 1 << 31;
    /// An event trigger.
    pub const EVENT: u64 = 1 << 32;
    /// An -ing word that opens a phrase.
    pub const CLAUSE_PREP: u64 = 1 << 33;
    /// An auxiliary.
    pub const CLAUSE_AUX: u64 = 1 << 34;
    /// A subject pronoun.
    pub const CLAUSE_PRONOUN: u64 = 1 << 35;
    /// A determiner.
    pub const CLAUSE_DET: u64 = 1 << 36;
    /// A coordinating conjunction.
    pub const CLAUSE_CONJ: u64 = 1 << 37;
    /// A word after which a line break does not end a sentence.
    pub const CONTINUATION: u64 = 1 << 38;
    /// A form of an irregular verb.
    pub const IRREGULAR: u64 = 1 << 39;
    /// A word of a synonym group.
    pub const SYNONYM: u64 = 1 << 40;
    /// A verb of saying that may follow a quotation in an inverted attribution.
    pub const INVERTED_CUE: u64 = 1 << 41;
    /// A given name of men (`actors/given_names.txt`).
    pub const GIVEN_MALE: u64 = 1 << 42;
    /// A given name of women (`actors/given_names.txt`).
    pub const GIVEN_FEMALE: u64 = 1 << 43;
    /// Capitalized, still no part of a place name (`actors/not_place_words.txt`).
    pub const NOT_PLACE: u64 = 1 << 44;
    /// A word that says a report is of another happening of a kind
    /// (`meaning/follow_up.txt`: "another", "second", "aftershock").
    pub const FOLLOW_UP: u64 = 1 << 45;
    /// A direction between a distance and its place (`meaning/number_owners.txt`).
    pub const DIRECTION: u64 = 1 << 46;
    /// A word after a number that makes it a rate ("per", "annually").
    pub const RATE_WORD: u64 = 1 << 47;
    /// A period that "a" or "every" after a number makes a rate of ("a year").
    pub const RATE_PERIOD: u64 = 1 << 48;
    /// A verb of change before "from" ("up from", "rose from").
    pub const CHANGE_WORD: u64 = 1 << 49;
    /// A noun that says a number is a measure, not a size ("toll", "total").
    pub const MEASURE_HEAD: u64 = 1 << 50;
    /// A verb before "at" that makes the number after it the lowest of several
    /// ("starts at $999").
    pub const FLOOR_VERB: u64 = 1 << 51;
    /// A word after a count that opens the part of time it covers ("since").
    pub const SCOPE_OPENER: u64 = 1 << 52;
    /// A part of a match or a period that "during" or "in" scopes a count to ("round",
    /// "half").
    pub const SCOPE_PART: u64 = 1 << 53;
    /// A verb of a rise or fall that makes its number a change ("soared", "fell").
    pub const CHANGE_VERB: u64 = 1 << 54;
}

/// What the lexicon knows about one lower-cased word.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct WordInfo {
    /// The [`flag`]s of the lists that hold it.
    pub flags: u64,
    /// Month 1-12, and whether it is an abbreviation.
    pub month: Option<(u8, bool)>,
    /// ISO weekday 1-7, whether plural (`Mondays`), whether abbreviated.
    pub weekday: Option<(u8, bool, bool)>,
    /// Its temporal class.
    pub time: Option<TimeWord>,
    /// Its tense.
    pub tense: Option<Tense>,
    /// Number value, and whether it is a scale word (hundred, million, bn).
    pub number: Option<(f64, bool)>,
    /// Ordinal value.
    pub ordinal: Option<u32>,
    /// The range a vague plural amount stands for ("hundreds": 200..1999).
    pub vague_amount: Option<(f64, f64)>,
    /// Normalized unit and its class.
    pub unit: Option<(&'static str, UnitClass)>,
}

impl WordInfo {
    /// Whether any of `bits` is set.
    #[inline]
    pub fn has(&self, bits: u64) -> bool {
        self.flags & bits != 0
    }
}

/// A list of phrases with a value each, in file order, indexed by first word (longest
/// first within one first word, then in word order: the order a longest-match scan wants).
#[derive(Debug, Default)]
pub(crate) struct Phrases<T> {
    items: Vec<(Vec<&'static str>, T)>,
    by_first: FxHashMap<&'static str, Vec<usize>>,
}

impl<T> Phrases<T> {
    fn new(list: impl IntoIterator<Item = (Vec<&'static str>, T)>) -> Phrases<T> {
        let mut items: Vec<(Vec<&'static str>, T)> = Vec::new();
        for (words, value) in list {
            if !words.is_empty() && !items.iter().any(|(w, _)| *w == words) {
                items.push((words, value));
            }
        }
        let mut by_first: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
        for (i, (words, _)) in items.iter().enumerate() {
            by_first.entry(words[0]).or_default().push(i);
        }
        for v in by_first.values_mut() {
            v.sort_by(|&a, &b| {
                let (x, y) = (&items[a].0, &items[b].0);
                y.len().cmp(&x.len()).then_with(|| x.cmp(y))
            });
        }
        Phrases { items, by_first }
    }

    /// The phrases starting with `first` (lower case), longest first.
    pub fn starting_with<'s>(
        &'s self,
        first: &str,
    ) -> impl Iterator<Item = &'s (Vec<&'static str>, T)> + 's {
        self.by_first
            .get(first)
            .into_iter()
            .flatten()
            .map(|&i| &self.items[i])
    }

    /// The value of the phrase made of exactly `words`, if listed.
    pub fn get<S: AsRef<str>>(&self, words: &[S]) -> Option<&T> {
        let first = words.first()?.as_ref();
        self.starting_with(first)
            .find(|(w, _)| {
                w.len() == words.len() && w.iter().zip(words).all(|(a, b)| *a == b.as_ref())
            })
            .map(|(_, v)| v)
    }

    /// Every phrase and its value, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &(Vec<&'static str>, T)> {
        self.items.iter()
    }
}

/// Every list.
pub(crate) struct Lexicon {
    words: WordTable,
    infos: Vec<WordInfo>,
    /// The words of the table, by id.
    texts: Vec<String>,
    /// The id and flags of every printable ASCII character that is not a letter: each is
    /// in the table, listed or not, so a punctuation token is answered by an index.
    ascii_chars: [Option<(WordId, u64)>; 128],
    /// Abbreviations as written (without the final period) and their class.
    abbreviations: FxHashMap<&'static str, AbbrevClass>,
    longest_abbreviation: usize,
    /// Sentence openers, as written.
    sentence_starters: FxHashSet<&'static str>,
    /// Reporting cues.
    pub reporting: Phrases<ReportingCue>,
    /// Source cues.
    pub sources: Phrases<CuePosition>,
    /// Negation cues, one or two words.
    pub negation: Phrases<NegationClass>,
    /// Qualifiers before a number.
    pub approx: Phrases<ApproxClass>,
    /// Antonyms of each word of a pair (both directions), in file order.
    pub antonyms: FxHashMap<&'static str, Vec<&'static str>>,
    /// Event triggers and their kind (the first listing of a word wins).
    pub events: FxHashMap<&'static str, crate::model::EventKind>,
    /// Synonym groups in file order, each entry a phrase; an entry `=form` matches that
    /// word form only.
    pub synonyms: Vec<Vec<&'static str>>,
    /// Irregular verbs: base form first, then the other forms.
    pub irregular_verbs: Vec<Vec<&'static str>>,
    /// Clause words and their kind.
    pub clause_words: FxHashMap<&'static str, ClauseWord>,
    /// Title words (each word of a title phrase) and whether the title is only a
    /// courtesy (an honorific).
    pub titles: FxHashMap<String, bool>,
    /// Role nouns and phrases, lower case, words joined by one space.
    pub roles: FxHashSet<String>,
    /// Nationality adjective (lower case) to country.
    pub nationalities: FxHashMap<String, &'static str>,
    /// Place name (lower case) to the country it stands for, when it is a country or its
    /// capital.
    pub places: FxHashMap<String, Option<&'static str>>,
    /// Heads and names of bodies (lower case).
    pub heads: FxHashMap<String, Head>,
    /// The lists only comparison reads.
    pub comparison: ComparisonLists,
}

/// The records of the data file at `path` (under `data/`).
pub(crate) fn records(path: &'static str) -> Vec<Record<'static>> {
    // The files are ours and compiled in; `every_file_parses` proves each is well formed,
    // so a malformed line can only come from an edit that the tests reject.
    format::parse(path, files::contents(path)).unwrap_or_default()
}

/// Collects single words into the table and their info.
#[derive(Default)]
struct Builder {
    ids: FxHashMap<String, usize>,
    infos: Vec<WordInfo>,
    order: Vec<String>,
}

impl Builder {
    fn info(&mut self, word: &str) -> &mut WordInfo {
        let key = fold(word);
        let next = self.infos.len();
        let id = *self.ids.entry(key.clone()).or_insert(next);
        if id == next {
            self.infos.push(WordInfo::default());
            self.order.push(key);
        }
        &mut self.infos[id]
    }

    fn mark(&mut self, word: &str, bits: u64) {
        self.info(word).flags |= bits;
    }
}

impl Lexicon {
    /// The lexicon, built on first use.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    /// The id of `word` (any case) in the word table.
    #[inline]
    pub fn id(&self, word: &str) -> Option<WordId> {
        self.words.get(word)
    }

    /// The id of a word already folded by [`fold`] (lower case, `'` for `’`).
    #[inline]
    pub fn id_lower(&self, lower: &[u8]) -> Option<WordId> {
        self.words.get_lower(lower)
    }

    /// The number of words in the table: every [`WordId`] is below it.
    pub fn word_count(&self) -> usize {
        self.infos.len()
    }

    /// As [`Lexicon::id_lower`], with the key already packed when the word is short.
    #[inline]
    pub fn id_packed(&self, lower: &[u8], key: Option<PackedKey>) -> Option<WordId> {
        self.words.get_packed(lower, key)
    }

    /// The id and flags of the one-byte ASCII word `b` when it is not a letter.
    #[inline]
    pub fn ascii_char(&self, b: u8) -> Option<&(WordId, u64)> {
        self.ascii_chars.get(usize::from(b))?.as_ref()
    }

    /// What the lexicon knows about word `id`.
    #[inline]
    pub fn info(&self, id: WordId) -> &WordInfo {
        &self.infos[id.0 as usize]
    }

    /// What the lexicon knows about `word` (any case), if it is in any list.
    #[inline]
    pub fn word(&self, word: &str) -> Option<&WordInfo> {
        self.id(word).map(|id| self.info(id))
    }

    /// The [`flag`]s of `word` (any case); 0 when it is in no list.
    #[inline]
    pub fn flags(&self, word: &str) -> u64 {
        self.word(word).map_or(0, |i| i.flags)
    }

    /// Whether `word` (any case) is in a list of `bits`.
    #[inline]
    pub fn is(&self, word: &str, bits: u64) -> bool {
        self.flags(word) & bits != 0
    }

    /// Every word in a list of `bits`, with what is known about it, in table order.
    pub fn words_with(&self, bits: u64) -> impl Iterator<Item = (&str, &WordInfo)> {
        self.texts
            .iter()
            .zip(&self.infos)
            .filter(move |(_, i)| i.flags & bits != 0)
            .map(|(w, i)| (w.as_str(), i))
    }

    /// Whether `word` (any case) names a day: a weekday written out in the singular
    /// ("Monday", not "Mondays" or "Mon") or a day relative to the day of writing
    /// ("yesterday", "tonight").
    pub fn is_day_word(&self, word: &str) -> bool {
        self.is_weekday_name(word)
            || self
                .word(word)
                .is_some_and(|i| matches!(i.time, Some(TimeWord::Day(..))))
    }

    /// Whether `word` (any case) is a weekday written out in the singular ("Monday",
    /// not "Mondays" or "Tues").
    pub fn is_weekday_name(&self, word: &str) -> bool {
        self.word(word)
            .is_some_and(|i| matches!(i.weekday, Some((_, false, false))))
    }

    /// Whether `word` (any case) makes a time expression name its day only by
    /// reference to the day of writing: a weekday, a relative day ("yesterday"), a
    /// shift ("last", "next", "this") or "ago".
    pub fn is_relative_day_cue(&self, word: &str) -> bool {
        self.word(word).is_some_and(|i| {
            i.weekday.is_some()
                || matches!(
                    i.time,
                    Some(TimeWord::Day(..) | TimeWord::Shift(_) | TimeWord::Ago)
                )
        })
    }

    /// Whether `word` (any case) names a weekday or a month in any form the calendar
    /// files list ("Monday", "Mondays", "Tues", "March", "Sept").
    pub fn is_calendar_word(&self, word: &str) -> bool {
        self.word(word)
            .is_some_and(|i| i.weekday.is_some() || i.month.is_some())
    }

    /// Whether `word` (any case) is a month name written out ("March", not "Mar").
    pub fn is_month_name(&self, word: &str) -> bool {
        self.word(word)
            .is_some_and(|i| matches!(i.month, Some((_, false))))
    }

    /// Whether `word` (any case) is a number word below a hundred ("seven", "ninety",
    /// "dozen") or a vague count of that size ("dozens"); not a scale ("million") nor
    /// an ordinal.
    pub fn is_number_word(&self, word: &str) -> bool {
        self.word(word).is_some_and(|i| {
            matches!(i.number, Some((v, false)) if v < 100.0)
                || i.vague_amount.is_some_and(|(low, _)| low < 100.0)
        })
    }

    /// The class of an abbreviation written `word` (without its final period). A word
    /// with a capital first letter also matches a lower-case entry.
    pub fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        if word.len() > self.longest_abbreviation {
            return None;
        }
        if let Some(&c) = self.abbreviations.get(word) {
            return Some(c);
        }
        let first = *word.as_bytes().first()?;
        if first.is_ascii_uppercase() && word.len() <= 16 {
            let mut buf = [0u8; 16];
            buf[..word.len()].copy_from_slice(word.as_bytes());
            buf[0] = first.to_ascii_lowercase();
            let lowered = std::str::from_utf8(&buf[..word.len()]).ok()?;
            return self.abbreviations.get(lowered).copied();
        }
        None
    }

    /// Whether `word`, as written, commonly opens a sentence.
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.sentence_starters.contains(word)
    }

    fn build() -> Lexicon {
        let mut b = Builder::default();
        Self::calendar_and_numbers(&mut b);
        let actors = Self::actor_lists(&mut b);
        let speech = Self::speech_lists(&mut b);
        let meaning = Self::meaning_lists(&mut b);
        let mut abbreviations = FxHashMap::default();
        for r in records("segment/abbreviations.txt") {
            if let Some(class) = AbbrevClass::parse(r.get(1)) {
                abbreviations.entry(r.key()).or_insert(class);
            }
        }
        for r in records("segment/line_continuations.txt") {
            b.mark(r.key(), flag::CONTINUATION);
        }
        let sentence_starters = records("segment/sentence_starters.txt")
            .iter()
            .map(Record::key)
            .collect();
        for c in (b'!'..=b'~').filter(|c| !c.is_ascii_alphabetic()) {
            b.info(std::str::from_utf8(&[c]).unwrap_or(""));
        }
        let mut ascii_chars = [None; 128];
        for c in (b'!'..=b'~').filter(|c| !c.is_ascii_alphabetic()) {
            let key = (c as char).to_string();
            if let Some(&id) = b.ids.get(&key) {
                ascii_chars[usize::from(c)] = Some((WordId(id as u32), b.infos[id].flags));
            }
        }
        let words: Vec<&str> = b.order.iter().map(String::as_str).collect();
        Lexicon {
            ascii_chars,
            words: WordTable::new(&words),
            infos: b.infos,
            texts: b.order,
            longest_abbreviation: abbreviations.keys().map(|k| k.len()).max().unwrap_or(0),
            abbreviations,
            sentence_starters,
            reporting: speech.0,
            sources: speech.1,
            negation: meaning.negation,
            approx: Phrases::new(
                records("numbers/approx.txt")
                    .iter()
                    .filter_map(|r| Some((r.words(0).collect(), ApproxClass::parse(r.get(1))?))),
            ),
            antonyms: meaning.antonyms,
            events: meaning.events,
            synonyms: meaning.synonyms,
            irregular_verbs: meaning.irregular_verbs,
            clause_words: meaning.clause_words,
            titles: actors.titles,
            roles: actors.roles,
            nationalities: actors.nationalities,
            places: actors.places,
            heads: actors.heads,
            comparison: ComparisonLists::build(),
        }
    }

    fn calendar_and_numbers(b: &mut Builder) {
        for r in records("calendar/months.txt") {
            if let Ok(m) = r.get(1).parse::<u8>() {
                let i = b.info(r.key());
                i.month = Some((m, r.get(2) == "abbr"));
                i.flags |= flag::MONTH;
            }
        }
        for r in records("calendar/weekdays.txt") {
            if let Ok(d) = r.get(1).parse::<u8>() {
                let i = b.info(r.key());
                i.weekday = Some((d, r.get(2) == "plural", r.get(2) == "abbr"));
                i.flags |= flag::WEEKDAY;
            }
        }
        for r in records("calendar/time_words.txt") {
            if r.get(1) == "start" {
                b.mark(r.key(), flag::TIME_STARTER);
            } else if let Some(tw) = time_word(r.get(1), r.get(2), r.get(3)) {
                let i = b.info(r.key());
                i.time = Some(tw);
                i.flags |= flag::TIME_WORD;
            }
        }
        for r in records("calendar/tense.txt") {
            let t = match r.get(1) {
                "future" => Tense::Future,
                "present" => Tense::Present,
                _ => Tense::Past,
            };
            let i = b.info(r.key());
            i.tense = Some(t);
            i.flags |= flag::TENSE;
        }
        for r in records("numbers/numbers.txt") {
            let Ok(v) = r.get(1).parse::<f64>() else {
                continue;
            };
            let i = b.info(r.key());
            match r.get(2) {
                "vague" => {
                    if let Ok(hi) = r.get(3).parse::<f64>() {
                        i.vague_amount = Some((v, hi));
                        i.flags |= flag::VAGUE_AMOUNT;
                    }
                }
                "ord" => {
                    i.ordinal = Some(v as u32);
                    i.flags |= flag::ORDINAL;
                }
                "scale" => {
                    i.number = Some((v, true));
                    i.flags |= flag::NUMBER;
                }
                _ => {
                    i.number = Some((v, false));
                    i.flags |= flag::NUMBER;
                }
            }
        }
        for r in records("numbers/units.txt") {
            let class = match r.get(2) {
                "symbol" => UnitClass::Symbol,
                "code" => UnitClass::Code,
                "money" => UnitClass::Money,
                "percent" => UnitClass::Percent,
                _ => UnitClass::Measure,
            };
            let i = b.info(r.key());
            i.unit = Some((r.get(1), class));
            i.flags |= flag::UNIT;
        }
        for r in records("numbers/approx.txt") {
            if let Some(first) = r.words(0).next() {
                b.mark(first, flag::APPROX_FIRST);
            }
        }
        for r in records("numbers/not_units.txt") {
            b.mark(r.key(), flag::NOT_UNIT);
        }
    }
}

/// A temporal word of class `class` with its argument and extra field.
fn time_word(class: &str, arg: &str, extra: &str) -> Option<TimeWord> {
    Some(match class {
        "day" => TimeWord::Day(arg.parse().ok()?, DayPart::from_code(extra)),
        "ref" => TimeWord::Ref(TimeRef::from_code(arg)?),
        "unit" => TimeWord::Unit(TimeUnit::parse(arg)?, extra == "plural"),
        "part" => TimeWord::Part(DayPart::from_code(arg)?),
        "shift" => TimeWord::Shift(arg.parse().ok()?),
        "season" => TimeWord::Season(Season::from_code(arg)?),
        "edge" => TimeWord::Edge(match arg {
            "early" => Edge::Early,
            "mid" => Edge::Mid,
            "late" => Edge::Late,
            _ => return None,
        }),
        "dir" => TimeWord::Ago,
        "clock" => TimeWord::Clock(arg.parse().ok()?),
        "set" => TimeWord::Set(TimeUnit::parse(arg)?),
        "quant" => TimeWord::Quant,
        "holiday" => {
            let (m, d) = arg.split_once('-')?;
            TimeWord::Holiday(m.parse().ok()?, d.parse().ok()?)
        }
        _ => return None,
    })
}

/// The actor lists, lower-cased.
struct ActorLists {
    titles: FxHashMap<String, bool>,
    roles: FxHashSet<String>,
    nationalities: FxHashMap<String, &'static str>,
    places: FxHashMap<String, Option<&'static str>>,
    heads: FxHashMap<String, Head>,
}

/// A phrase lower-cased, its words joined by one space.
fn lower_phrase(r: &Record<'static>, i: usize) -> String {
    r.words(i).map(fold).collect::<Vec<_>>().join(" ")
}

/// The speech lists.
type SpeechLists = (Phrases<ReportingCue>, Phrases<CuePosition>);

/// The meaning lists.
struct MeaningLists {
    negation: Phrases<NegationClass>,
    antonyms: FxHashMap<&'static str, Vec<&'static str>>,
    events: FxHashMap<&'static str, crate::model::EventKind>,
    synonyms: Vec<Vec<&'static str>>,
    irregular_verbs: Vec<Vec<&'static str>>,
    clause_words: FxHashMap<&'static str, ClauseWord>,
}

impl Lexicon {
    fn actor_lists(b: &mut Builder) -> ActorLists {
        let mut titles = FxHashMap::default();
        for r in records("actors/titles.txt") {
            let honorific = r.get(1) == "honorific";
            for w in r.words(0) {
                b.mark(w, flag::TITLE);
                titles.entry(fold(w)).or_insert(honorific);
            }
        }
        let roles: FxHashSet<String> = records("actors/roles.txt")
            .iter()
            .map(|r| lower_phrase(r, 0))
            .collect();
        let mut nationalities = FxHashMap::default();
        for r in records("actors/nationalities.txt") {
            nationalities.insert(lower_phrase(&r, 0), r.get(1));
        }
        // A listed country stands for itself.
        let countries: FxHashMap<String, &'static str> = nationalities
            .values()
            .map(|c: &&'static str| (fold(c), *c))
            .collect();
        let mut places = FxHashMap::default();
        for r in records("actors/places.txt") {
            let key = lower_phrase(&r, 0);
            let country = match r.get(1) {
                "" => countries.get(&key).copied(),
                c => Some(c),
            };
            places.insert(key, country);
        }
        let mut heads = FxHashMap::default();
        for r in records("actors/organizations.txt") {
            let kind = types::actor_kind(r.get(1)).unwrap_or(crate::model::ActorKind::Organization);
            heads.insert(
                lower_phrase(&r, 0),
                Head {
                    kind,
                    lower_ok: r.get(2) == "description",
                },
            );
        }
        let single = |k: &String| !k.contains(' ');
        for k in roles.iter().filter(|k| single(k)) {
            b.mark(k, flag::ROLE | flag::DESC);
        }
        for k in nationalities.keys().filter(|k| single(k)) {
            b.mark(k, flag::NATIONALITY);
        }
        for k in places.keys().filter(|k| single(k)) {
            b.mark(k, flag::PLACE);
        }
        for (k, h) in heads.iter().filter(|(k, _)| single(k)) {
            b.mark(k, flag::HEAD | if h.lower_ok { flag::DESC } else { 0 });
        }
        for k in roles.iter().chain(heads.keys()).chain(nationalities.keys()) {
            if let Some((first, _)) = k.split_once(' ') {
                b.mark(first, flag::MULTI_FIRST | flag::DESC);
            }
        }
        for (path, bit) in [
            ("actors/modifiers.txt", flag::MODIFIER),
            ("actors/vague_qualifiers.txt", flag::VAGUE_QUALIFIER),
            ("actors/not_names.txt", flag::NOT_NAME),
            ("actors/non_actor_heads.txt", flag::NON_ACTOR_HEAD),
            ("actors/family_first_surnames.txt", flag::FAMILY_FIRST),
            ("actors/not_place_words.txt", flag::NOT_PLACE),
        ] {
            for r in records(path) {
                b.mark(r.key(), bit);
            }
        }
        for r in records("actors/given_names.txt") {
            match r.get(1) {
                "male" => b.mark(r.key(), flag::GIVEN_MALE),
                "female" => b.mark(r.key(), flag::GIVEN_FEMALE),
                _ => {}
            }
        }
        ActorLists {
            titles,
            roles,
            nationalities,
            places,
            heads,
        }
    }

    fn speech_lists(b: &mut Builder) -> SpeechLists {
        let cues: Vec<(Vec<&'static str>, ReportingCue)> = records("speech/reporting.txt")
            .iter()
            .filter_map(|r| {
                let words: Vec<&'static str> = r.words(0).collect();
                let uses = r.words(2).fold(0, |acc, u| {
                    acc | match u {
                        "quote" => cue_use::QUOTE,
                        "claim" => cue_use::CLAIM,
                        "inverted" => cue_use::INVERTED,
                        _ => 0,
                    }
                });
                let cue = ReportingCue {
                    words: words.clone(),
                    kind: CueKind::parse(r.get(1))?,
                    uses,
                };
                Some((words, cue))
            })
            .collect();
        for (words, cue) in &cues {
            let first = words[0];
            if cue.uses & cue_use::QUOTE != 0 {
                b.mark(first, flag::QUOTE_CUE);
            }
            if cue.uses & cue_use::CLAIM != 0 {
                b.mark(first, flag::CLAIM_CUE);
            }
            if cue.uses & cue_use::INVERTED != 0 && words.len() == 1 {
                b.mark(first, flag::INVERTED_CUE);
            }
        }
        let sources: Vec<(Vec<&'static str>, CuePosition)> = records("speech/sources.txt")
            .iter()
            .map(|r| {
                let pos = match r.get(1) {
                    "after" => CuePosition::After,
                    "relay" => CuePosition::Relay,
                    _ => CuePosition::Before,
                };
                (r.words(0).collect(), pos)
            })
            .collect();
        for (w, _) in &sources {
            if let Some(first) = w.first() {
                b.mark(first, flag::SOURCE_CUE);
            }
        }
        (Phrases::new(cues), Phrases::new(sources))
    }

    fn meaning_lists(b: &mut Builder) -> MeaningLists {
        let negation: Vec<(Vec<&'static str>, NegationClass)> = records("meaning/negation.txt")
            .iter()
            .filter_map(|r| Some((r.words(0).collect(), NegationClass::parse(r.get(1))?)))
            .collect();
        for (w, class) in &negation {
            let bit = match class {
                NegationClass::Particle => flag::NEG_PARTICLE,
                NegationClass::Contraction => flag::NEG_CONTRACTION,
                NegationClass::Preposition => flag::NEG_PREPOSITION,
                NegationClass::Rejection => flag::NEG_REJECTION,
            };
            b.mark(w[0], bit);
        }
        let mut antonyms: FxHashMap<&'static str, Vec<&'static str>> = FxHashMap::default();
        for r in records("meaning/antonyms.txt") {
            let (x, y) = (r.get(0), r.get(1));
            antonyms.entry(x).or_default().push(y);
            antonyms.entry(y).or_default().push(x);
            b.mark(x, flag::ANTONYM);
            b.mark(y, flag::ANTONYM);
        }
        let mut events = FxHashMap::default();
        for r in records("meaning/events.txt") {
            if let Some(kind) = types::event_kind(r.get(1)) {
                events.entry(r.key()).or_insert(kind);
                b.mark(r.key(), flag::EVENT);
            }
        }
        let synonyms: Vec<Vec<&'static str>> = records("meaning/synonyms.txt")
            .into_iter()
            .map(|r| r.fields)
            .collect();
        for w in synonyms.iter().flatten().flat_map(|e| e.split(' ')) {
            b.mark(w.trim_start_matches('='), flag::SYNONYM);
        }
        let irregular_verbs: Vec<Vec<&'static str>> = records("meaning/irregular_verbs.txt")
            .into_iter()
            .map(|r| r.fields)
            .collect();
        for w in irregular_verbs.iter().flatten() {
            b.mark(w, flag::IRREGULAR);
        }
        for r in records("meaning/stopwords.txt") {
            b.mark(r.key(), flag::STOPWORD);
        }
        for r in records("meaning/follow_up.txt") {
            b.mark(r.key(), flag::FOLLOW_UP);
        }
        for r in records("meaning/number_owners.txt") {
            if let Some(bits) = number_owner_flag(r.get(1)) {
                b.mark(r.key(), bits);
            }
        }
        let mut clause_words = FxHashMap::default();
        for r in records("meaning/clauses.txt") {
            if let Some(kind) = ClauseWord::parse(r.get(1)) {
                clause_words.insert(r.key(), kind);
                b.mark(
                    r.key(),
                    match kind {
                        ClauseWord::Prep => flag::CLAUSE_PREP,
                        ClauseWord::Aux => flag::CLAUSE_AUX,
                        ClauseWord::Pronoun => flag::CLAUSE_PRONOUN,
                        ClauseWord::Det => flag::CLAUSE_DET,
                        ClauseWord::Conj => flag::CLAUSE_CONJ,
                    },
                );
            }
        }
        MeaningLists {
            negation: Phrases::new(negation),
            antonyms,
            events,
            synonyms,
            irregular_verbs,
            clause_words,
        }
    }
}

/// The flag of a kind of `meaning/number_owners.txt`.
fn number_owner_flag(kind: &str) -> Option<u64> {
    Some(match kind {
        "direction" => flag::DIRECTION,
        "rate" => flag::RATE_WORD,
        "period" => flag::RATE_PERIOD,
        "change" => flag::CHANGE_WORD,
        "measure" => flag::MEASURE_HEAD,
        "floor" => flag::FLOOR_VERB,
        "scope" => flag::SCOPE_OPENER,
        "part" => flag::SCOPE_PART,
        "rise" => flag::CHANGE_VERB,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_number_owner_word_has_a_known_kind() {
        let records = records("meaning/number_owners.txt");
        assert!(records.len() > 50);
        for r in records {
            assert!(number_owner_flag(r.get(1)).is_some(), "{:?}", r.fields);
            assert!(Lexicon::get().is(r.key(), number_owner_flag(r.get(1)).unwrap_or(0)));
        }
    }

    #[test]
    fn every_file_parses() {
        for (path, src) in files::FILES {
            if let Err(e) = format::parse(path, src) {
                panic!("{e}");
            }
        }
    }

    #[test]
    fn every_data_file_is_registered() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
        let mut found = Vec::new();
        for dir in std::fs::read_dir(root).unwrap() {
            let dir = dir.unwrap().path();
            if !dir.is_dir() {
                continue;
            }
            for f in std::fs::read_dir(&dir).unwrap() {
                let p = f.unwrap().path();
                found.push(
                    p.strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
        found.sort();
        let mut listed: Vec<String> = files::FILES.iter().map(|(p, _)| p.to_string()).collect();
        listed.sort();
        assert_eq!(found, listed);
    }

    #[test]
    fn typed_values_of_every_list() {
        let lex = Lexicon::get();
        let wed = lex.word("Wednesday").unwrap();
        assert_eq!(wed.weekday, Some((3, false, false)));
        assert!(wed.has(flag::WEEKDAY | flag::NOT_NAME));
        assert_eq!(lex.word("sept").unwrap().month, Some((9, true)));
        assert_eq!(lex.word("billion").unwrap().number, Some((1e9, true)));
        assert_eq!(
            lex.word("hundreds").unwrap().vague_amount,
            Some((200.0, 1999.0))
        );
        assert_eq!(
            lex.word("€").unwrap().unit,
            Some(("eur", UnitClass::Symbol))
        );
        assert_eq!(lex.word("won’t").unwrap().tense, Some(Tense::Future));
        assert_eq!(
            lex.word("tonight").unwrap().time,
            Some(TimeWord::Day(0, Some(DayPart::Night)))
        );
        assert!(lex.is("president", flag::ROLE | flag::TITLE));
        assert!(lex.is("prime", flag::MULTI_FIRST));
        assert!(lex.is("xi", flag::FAMILY_FIRST));
        assert!(lex.is(
            "said",
            flag::QUOTE_CUE | flag::CLAIM_CUE | flag::INVERTED_CUE
        ));
        assert!(lex.is("urged", flag::QUOTE_CUE) && !lex.is("urged", flag::CLAIM_CUE));
        assert!(lex.is("not", flag::NEG_PARTICLE));
        assert!(lex.is("didn't", flag::NEG_CONTRACTION));
        assert!(lex.is("rejected", flag::NEG_REJECTION));
        assert!(lex.is("turned", flag::NEG_REJECTION));
        assert_eq!(
            lex.negation.get(&["turned", "down"]),
            Some(&NegationClass::Rejection)
        );
        assert_eq!(
            lex.approx.get(&["more", "than"]),
            Some(&ApproxClass::AtLeast)
        );
        assert_eq!(
            lex.sources.get(&["according", "to"]),
            Some(&CuePosition::Before)
        );
        assert_eq!(
            lex.reporting.get(&["according", "to"]).map(|c| c.kind),
            Some(CueKind::Source)
        );
        assert!(lex.antonyms["rose"].contains(&"fell") && lex.antonyms["fell"].contains(&"rose"));
        assert_eq!(
            lex.events.get("met"),
            Some(&crate::model::EventKind::Meeting)
        );
        assert_eq!(lex.places.get("minsk"), Some(&Some("Belarus")));
        assert_eq!(lex.places.get("china"), Some(&Some("China")));
        assert_eq!(lex.titles.get("mr"), Some(&true));
        assert_eq!(lex.titles.get("president"), Some(&false));
        assert_eq!(lex.abbreviation("Mr"), Some(AbbrevClass::Title));
        assert_eq!(lex.abbreviation("Etc"), Some(AbbrevClass::End));
        assert_eq!(lex.abbreviation("mr"), None);
        assert!(lex.is_sentence_starter("The") && !lex.is_sentence_starter("Government"));
        assert!(lex.is(
            "the",
            flag::CONTINUATION | flag::STOPWORD | flag::TIME_STARTER
        ));
        assert!(lex.synonyms.iter().any(|g| g.contains(&"give up")));
        assert!(lex
            .irregular_verbs
            .iter()
            .any(|v| v[0] == "be" && v.contains(&"were")));
        assert_eq!(lex.clause_words.get("including"), Some(&ClauseWord::Prep));
        assert!(lex.is("top", flag::VAGUE_QUALIFIER));
        assert_eq!(lex.flags("zzqx"), 0);
    }
}
