//! A sentence's tokens into its content terms: attribution set apart, negation read as
//! polarity, numbers and days as typed placeholders, function words dropped, words
//! stemmed, synonyms and phrasal verbs mapped to one canonical term.

use super::attribution::set_apart;
use super::interner::Interner;
use super::lexicon::{Lexicon, WordClass};
use super::tokens::{with_raw, Raw, RawKind};
use super::{AttributionMode, ClaimsConfig, NumberMode, StemMode, StopWordMode, SynonymMode};
use crate::model::Polarity;
use rustc_hash::FxHashMap;

/// How many words after a phrasal verb its particle may stand ("made a peace plan
/// public": three).
const MAX_PARTICLE_GAP: usize = 3;

/// What [`normalize_sentence`] finds in one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Normalized {
    /// Content tokens in text order, separated by single spaces (see the module docs).
    pub tokens: String,
    /// Negative when a negation cue stands outside the attribution.
    pub polarity: Polarity,
    /// The speaker phrase of the attribution, as byte offsets into the sentence.
    pub speaker: Option<(usize, usize)>,
    /// The reporting cue ("said", "according to"), as byte offsets into the sentence.
    pub cue: Option<(usize, usize)>,
}

/// Normalizes one sentence with the built-in lexicons (see the module docs).
///
/// ```
/// use corroborate::claims::{self, ClaimsConfig};
/// let a = claims::normalize_sentence("“The talks will resume on Friday,” said Wang.", &ClaimsConfig::default());
/// let b = claims::normalize_sentence("According to Mr Wang, negotiations would restart on Thursday.", &ClaimsConfig::default());
/// assert_eq!(a.tokens, b.tokens);
/// ```
pub fn normalize_sentence(text: &str, config: &ClaimsConfig) -> Normalized {
    let mut norm = Normalizer::new(config);
    let mut ids = Vec::new();
    let shape = with_raw(text, |toks| norm.normalize(toks, &mut ids));
    let terms = norm.terms.terms();
    Normalized {
        tokens: ids
            .iter()
            .map(|&i| &*terms[i as usize])
            .collect::<Vec<_>>()
            .join(" "),
        polarity: shape.polarity,
        speaker: shape.speaker,
        cue: shape.cue,
    }
}

/// What a sentence is besides its terms: polarity and the attribution's spans (byte
/// offsets into the sentence).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Shape {
    pub(super) polarity: Polarity,
    pub(super) speaker: Option<(usize, usize)>,
    pub(super) cue: Option<(usize, usize)>,
}

/// A distinct lower-case word: its class, stem (synonym-mapped later), stop-word status,
/// whether it can open a reporting cue or a lexicon phrase, and its canonical term once
/// interned.
struct WordInfo {
    class: WordClass,
    stem: String,
    stop: bool,
    reporting: bool,
    phrase: bool,
    term: Option<u32>,
}

/// A typed placeholder for a number, share, sum, day or month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Placeholder {
    Num,
    Pct,
    Money,
    Day,
    Month,
}

impl Placeholder {
    fn text(self) -> &'static str {
        match self {
            Placeholder::Num => "<num>",
            Placeholder::Pct => "<pct>",
            Placeholder::Money => "<money>",
            Placeholder::Day => "<day>",
            Placeholder::Month => "<month>",
        }
    }
}

/// A token after typing: a word (by its index in the word cache), a placeholder, or a
/// break (punctuation, attribution, negation) that no phrase spans.
#[derive(Clone, Copy)]
enum Item {
    Word(u32),
    Fixed(Placeholder),
    Break,
}

/// Normalizes sentences one after another, remembering each distinct word's analysis
/// and interning the terms it emits. One per worker: its term ids are its own until
/// merged into a vocabulary.
pub(super) struct Normalizer<'a> {
    lex: &'static Lexicon,
    config: &'a ClaimsConfig,
    words: FxHashMap<String, u32>,
    infos: Vec<WordInfo>,
    /// The terms emitted so far.
    pub(super) terms: Interner,
    placeholders: [Option<u32>; 5],
}

impl<'a> Normalizer<'a> {
    pub(super) fn new(config: &'a ClaimsConfig) -> Normalizer<'a> {
        Normalizer {
            lex: Lexicon::builtin(),
            config,
            words: FxHashMap::default(),
            infos: Vec::new(),
            terms: Interner::default(),
            placeholders: [None; 5],
        }
    }

    /// The built-in lexicons.
    pub(super) fn lexicon(&self) -> &'static Lexicon {
        self.lex
    }

    /// The content terms of a sentence's tokens (offsets stay the tokens'), appended to
    /// `out` as ids of [`Normalizer::terms`], and the sentence's shape.
    pub(super) fn normalize(&mut self, toks: &[Raw], out: &mut Vec<u32>) -> Shape {
        let ids: Vec<u32> = toks
            .iter()
            .map(|t| match t.kind {
                RawKind::Word => self.word(&t.lower),
                _ => u32::MAX,
            })
            .collect();
        let (skip, speaker, cue) = if self.config.attribution == AttributionMode::SetApart {
            let infos = &self.infos;
            let is_reporting = |i: usize| ids[i] != u32::MAX && infos[ids[i] as usize].reporting;
            let found = set_apart(toks, self.lex, &is_reporting);
            (found.skip, found.speaker, found.cue)
        } else {
            (vec![false; toks.len()], None, None)
        };
        let (items, polarity) = self.typed(toks, &ids, &skip);
        self.emit(&items, out);
        Shape {
            polarity,
            speaker,
            cue,
        }
    }

    /// The index of the lower-case word `w` in the word cache, analysing it the first
    /// time it is met.
    fn word(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.words.get(w) {
            return id;
        }
        let (lex, config) = (self.lex, self.config);
        let stop = config.stop_words == StopWordMode::English && lex.stop.contains(w);
        let stem = match (config.synonyms, lex.surface.get(w)) {
            (SynonymMode::English, Some(canonical)) => canonical.clone(),
            _ => match config.stemming {
                StemMode::Light => lex.stem(w),
                StemMode::None => w.to_string(),
            },
        };
        let id = self.infos.len() as u32;
        self.infos.push(WordInfo {
            class: lex.class(w),
            phrase: lex.phrases.contains_key(&stem),
            stem,
            stop,
            reporting: lex.reporting.contains_key(w),
            term: None,
        });
        self.words.insert(w.to_string(), id);
        id
    }

    /// The tokens as items: placeholders for numbers, shares, sums, days and months
    /// (with [`NumberMode::Placeholders`]), breaks for punctuation, attribution and
    /// negation cues; and the polarity the negation cues give.
    fn typed(&mut self, toks: &[Raw], ids: &[u32], skip: &[bool]) -> (Vec<Item>, Polarity) {
        let mut polarity = Polarity::Positive;
        let mut items: Vec<Item> = Vec::with_capacity(toks.len());
        let typed = self.config.numbers == NumberMode::Placeholders;
        for (i, t) in toks.iter().enumerate() {
            if skip[i] {
                items.push(Item::Break);
                continue;
            }
            let prev_num = matches!(items.last(), Some(Item::Fixed(Placeholder::Num)));
            match t.kind {
                RawKind::Punct => items.push(match &*t.lower {
                    "%" if typed => Item::Fixed(Placeholder::Pct),
                    "$" | "€" | "£" | "¥" if typed => Item::Fixed(Placeholder::Money),
                    _ => Item::Break,
                }),
                RawKind::Number if typed => items.push(Item::Fixed(Placeholder::Num)),
                RawKind::Number => items.push(Item::Word(self.word(&t.lower))),
                RawKind::Word => {
                    let id = ids[i];
                    let class = self.infos[id as usize].class;
                    if class == WordClass::Negation {
                        polarity = Polarity::Negative;
                        items.push(Item::Break);
                        continue;
                    }
                    if !typed {
                        items.push(Item::Word(id));
                        continue;
                    }
                    let next_is = |s: &str| toks.get(i + 1).is_some_and(|n| n.lower == s);
                    let fixed = match class {
                        WordClass::Day => Some(Placeholder::Day),
                        WordClass::Month { needs_capital } if t.cap || !needs_capital => {
                            Some(Placeholder::Month)
                        }
                        WordClass::NumberWord => Some(Placeholder::Num),
                        WordClass::Magnitude { .. } if prev_num => {
                            items.push(Item::Break);
                            continue;
                        }
                        WordClass::Magnitude { alone: true } => Some(Placeholder::Num),
                        WordClass::Percent => Some(Placeholder::Pct),
                        WordClass::Per if next_is("cent") => Some(Placeholder::Pct),
                        WordClass::Cent
                            if matches!(items.last(), Some(Item::Fixed(Placeholder::Pct))) =>
                        {
                            continue;
                        }
                        WordClass::Currency => Some(Placeholder::Money),
                        WordClass::Us if next_is("$") => continue,
                        _ => None,
                    };
                    match fixed {
                        // "1,500" or "twelve hundred" is one number
                        Some(Placeholder::Num) if prev_num => {}
                        Some(f) => items.push(Item::Fixed(f)),
                        None => items.push(Item::Word(id)),
                    }
                }
            }
        }
        (items, polarity)
    }

    /// The terms of `items` into `out`: a lexicon phrase (also with its particle up to
    /// [`MAX_PARTICLE_GAP`] words away) as its canonical term, other words without the
    /// function words, synonyms as their group's term.
    fn emit(&mut self, items: &[Item], out: &mut Vec<u32>) {
        let english = self.config.synonyms == SynonymMode::English;
        // particles of separated phrasal verbs ("made the plan public", "called the strike off")
        let mut taken: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < items.len() {
            if taken.contains(&i) {
                i += 1;
                continue;
            }
            match items[i] {
                Item::Break => {}
                Item::Fixed(p) => {
                    let id = self.placeholder(p);
                    out.push(id);
                }
                Item::Word(w) => {
                    if english && self.infos[w as usize].phrase {
                        if let Some((canon, next, particle)) = self.phrase_at(items, i) {
                            self.push_term(canon, out);
                            taken.extend(particle);
                            i = next;
                            continue;
                        }
                    }
                    if !self.infos[w as usize].stop {
                        let id = self.word_term(w);
                        out.extend(id);
                    }
                }
            }
            i += 1;
        }
    }

    /// The lexicon phrase that starts with the word at `i`: its canonical term, where
    /// the items after it resume, and the index of its particle when that stands apart.
    fn phrase_at(&self, items: &[Item], i: usize) -> Option<(&'static str, usize, Option<usize>)> {
        let Item::Word(w) = items[i] else { return None };
        let list = self.lex.phrases.get(&self.infos[w as usize].stem)?;
        let stem_at = |k: usize| match items.get(k) {
            Some(Item::Word(id)) => Some(self.infos[*id as usize].stem.as_str()),
            _ => None,
        };
        let whole = list.iter().find(|(p, _)| {
            p.iter()
                .enumerate()
                .all(|(k, w)| stem_at(i + k) == Some(w.as_str()))
        });
        if let Some((p, canon)) = whole {
            return Some((canon.as_str(), i + p.len(), None));
        }
        // a two-word phrase whose particle stands a few words on, with no break between
        for k in i + 2..(i + 2 + MAX_PARTICLE_GAP).min(items.len()) {
            if matches!(items[k - 1], Item::Break) {
                return None;
            }
            let Some(w) = stem_at(k) else { continue };
            let hit = list.iter().find(|(p, _)| {
                p.len() == 2 && p[1] == w && self.lex.separable.iter().any(|s| s == w)
            });
            if let Some((_, canon)) = hit {
                return Some((canon.as_str(), i + 1, Some(k)));
            }
        }
        None
    }

    /// The canonical term of word `w` (its stem, or its synonym group's term), interned
    /// the first time; `None` for an empty stem, which is no term.
    fn word_term(&mut self, w: u32) -> Option<u32> {
        let info = &self.infos[w as usize];
        if let Some(t) = info.term {
            return Some(t);
        }
        let canon = match self.config.synonyms {
            SynonymMode::English => self.lex.synonym.get(&info.stem).unwrap_or(&info.stem),
            SynonymMode::None => &info.stem,
        };
        if canon.is_empty() {
            return None;
        }
        let t = self.terms.intern(canon);
        self.infos[w as usize].term = Some(t);
        Some(t)
    }

    fn push_term(&mut self, term: &str, out: &mut Vec<u32>) {
        if !term.is_empty() {
            out.push(self.terms.intern(term));
        }
    }

    fn placeholder(&mut self, p: Placeholder) -> u32 {
        let slot = p as usize;
        match self.placeholders[slot] {
            Some(t) => t,
            None => {
                let t = self.terms.intern(p.text());
                self.placeholders[slot] = Some(t);
                t
            }
        }
    }
}
