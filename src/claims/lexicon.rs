//! The claims stage's tables, built once from the one lexicon (`crate::lexicon`), and the
//! few short lists written here: weekdays, months, number words, magnitudes, currency
//! words and separable particles, with the classification of a word by them.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// The compiled-in lexicons, parsed once.
pub(super) struct Lexicon {
    pub(super) stop: FxHashSet<String>,
    pub(super) negation: FxHashSet<String>,
    pub(super) irregular: FxHashMap<String, String>,
    /// Single stem -> canonical stem.
    pub(super) synonym: FxHashMap<String, String>,
    /// Exact lower-case word form -> canonical stem (`=issued` entries: a form that
    /// names the group only as written, where its stem is ambiguous).
    pub(super) surface: FxHashMap<String, String>,
    /// First stem -> (whole phrase stems, canonical), longest first.
    pub(super) phrases: FxHashMap<String, Vec<(Vec<String>, String)>>,
    /// First lower-case word -> reporting cue phrases (lower-case words), longest first.
    pub(super) reporting: FxHashMap<String, Vec<Vec<String>>>,
    /// [`SEPARABLE`] particles, stemmed.
    pub(super) separable: Vec<String>,
    /// The clause lexicon (`data/meaning/clauses.txt`).
    pub(super) clause: ClauseLex,
}

/// The words [`super::clause_spans`] decides with, by kind (`data/meaning/clauses.txt`).
#[derive(Default)]
pub(super) struct ClauseLex {
    pub(super) prep: FxHashSet<String>,
    pub(super) aux: FxHashSet<String>,
    pub(super) pronoun: FxHashSet<String>,
    pub(super) det: FxHashSet<String>,
    pub(super) conj: FxHashSet<String>,
}

impl Lexicon {
    pub(super) fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::parse)
    }

    fn parse() -> Lexicon {
        use crate::lexicon::{flag, ClauseWord, Lexicon as One};
        let one = One::get();
        let words = |bits: u64| -> FxHashSet<String> {
            one.words_with(bits).map(|(w, _)| w.to_string()).collect()
        };
        let stop = words(flag::STOPWORD);
        // A claim's polarity counts negating particles and contractions; a rejection verb
        // ("denied") asserts a denial rather than denying the claim.
        let negation = words(flag::NEG_PARTICLE | flag::NEG_CONTRACTION);
        // a base form stays itself even where it is another verb's form ("lay" is the
        // past of "lie", but "laid out" must meet "lay out")
        let bases: FxHashSet<&str> = one.irregular_verbs.iter().map(|v| v[0]).collect();
        let mut irregular = FxHashMap::default();
        for forms in &one.irregular_verbs {
            let base = forms[0];
            for f in forms[1..].iter().filter(|f| !bases.contains(*f)) {
                irregular
                    .entry(f.to_string())
                    .or_insert_with(|| base.to_string());
            }
        }
        let mut lex = Lexicon {
            stop,
            negation,
            irregular,
            synonym: FxHashMap::default(),
            surface: FxHashMap::default(),
            phrases: FxHashMap::default(),
            reporting: FxHashMap::default(),
            separable: Vec::new(),
            clause: ClauseLex::default(),
        };
        for (word, kind) in &one.clause_words {
            let set = match kind {
                ClauseWord::Prep => &mut lex.clause.prep,
                ClauseWord::Aux => &mut lex.clause.aux,
                ClauseWord::Pronoun => &mut lex.clause.pronoun,
                ClauseWord::Det => &mut lex.clause.det,
                ClauseWord::Conj => &mut lex.clause.conj,
            };
            set.insert(word.to_lowercase());
        }
        lex.separable = SEPARABLE.iter().map(|w| lex.stem(w)).collect();
        for (words, cue) in one.reporting.iter() {
            if cue.uses & crate::lexicon::cue_use::CLAIM != 0 {
                let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
                lex.reporting
                    .entry(words[0].clone())
                    .or_default()
                    .push(words);
            }
        }
        for v in lex.reporting.values_mut() {
            v.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        }
        lex.add_synonyms();
        lex
    }

    /// The synonym and phrasal-verb groups of `data/meaning/synonyms.txt`, each mapped to
    /// its first entry, stemmed (stemming must be ready: the entries are stemmed as the
    /// text will be).
    fn add_synonyms(&mut self) {
        let mut synonym = FxHashMap::default();
        let mut surface = FxHashMap::default();
        let mut phrases: FxHashMap<String, Vec<(Vec<String>, String)>> = FxHashMap::default();
        for line in &crate::lexicon::Lexicon::get().synonyms {
            let (forms, words): (Vec<&str>, Vec<&str>) =
                line.iter().copied().partition(|e| e.starts_with('='));
            let group: Vec<Vec<String>> = words
                .into_iter()
                .map(|e| {
                    e.split_whitespace()
                        .map(|w| self.stem(&w.to_lowercase()))
                        .collect::<Vec<_>>()
                })
                .filter(|e| !e.is_empty())
                .collect();
            let Some(head) = group.first() else { continue };
            let canonical = head.join("_");
            for f in forms {
                surface
                    .entry(f.trim_start_matches('=').to_lowercase())
                    .or_insert_with(|| canonical.clone());
            }
            for e in &group {
                if e.len() == 1 {
                    synonym
                        .entry(e[0].clone())
                        .or_insert_with(|| canonical.clone());
                } else {
                    let list = phrases.entry(e[0].clone()).or_default();
                    if !list.iter().any(|(p, _)| p == e) {
                        list.push((e.clone(), canonical.clone()));
                    }
                }
            }
        }
        for v in phrases.values_mut() {
            v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        self.synonym = synonym;
        self.surface = surface;
        self.phrases = phrases;
    }
}

/// Magnitude words: the first [`MAGNITUDES_ALONE`] are a number alone.
const MAGNITUDES: [&str; 14] = [
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "bn",
    "mn",
    "m",
    "k",
    "tn",
];
/// Currency words, all `<money>`.
const CURRENCY_WORDS: [&str; 8] = [
    "dollar", "dollars", "euro", "euros", "usd", "eur", "yuan", "rupees",
];

/// Particles that may stand after the object of a two-word phrasal verb ("set the fund
/// up", "made the plan public").
const SEPARABLE: [&str; 10] = [
    "up", "out", "off", "down", "back", "away", "forward", "over", "aside", "public",
];

/// What a lower-case word is for the typed placeholders and polarity, by the lists above
/// and the negation lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum WordClass {
    Negation,
    Day,
    /// A month name; "may" and "march" only when capitalized.
    Month {
        needs_capital: bool,
    },
    NumberWord,
    /// "hundred", "thousand", ... (a number alone, else part of the one before).
    Magnitude {
        alone: bool,
    },
    Percent,
    Per,
    Cent,
    Currency,
    Us,
    Plain,
}

/// How many of [`MAGNITUDES`] stand for a number alone ("hundreds of homes"); the
/// rest ("bn", "m") only scale the number before them.
const MAGNITUDES_ALONE: usize = 9;

impl Lexicon {
    /// The class of the lower-case word `w`.
    pub(super) fn class(&self, w: &str) -> WordClass {
        let shared = crate::lexicon::Lexicon::get();
        if self.negation.contains(w) {
            WordClass::Negation
        } else if shared.is_day_word(w) {
            WordClass::Day
        } else if shared.is_month_name(w) {
            // "may" and "march" are also a verb and a noun: a month only capitalized
            WordClass::Month {
                needs_capital: matches!(w, "may" | "march"),
            }
        } else if shared.is_number_word(w) {
            WordClass::NumberWord
        } else if MAGNITUDES.contains(&w) {
            WordClass::Magnitude {
                alone: MAGNITUDES[..MAGNITUDES_ALONE].contains(&w),
            }
        } else if w == "percent" {
            WordClass::Percent
        } else if w == "per" {
            WordClass::Per
        } else if w == "cent" {
            WordClass::Cent
        } else if CURRENCY_WORDS.contains(&w) {
            WordClass::Currency
        } else if w == "us" {
            WordClass::Us
        } else {
            WordClass::Plain
        }
    }
}
