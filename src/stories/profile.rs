//! What the stories stage knows about one document: its story keys (names, name
//! phrases, content terms and numbers, those of the title and lead counted more), the
//! days it speaks of, its publication date and its title.
//!
//! One pass over the text layer's tokens; keys are 64-bit hashes of their lower-case
//! text and kind, so nothing is interned across documents and profiles are made on any
//! number of threads.

use super::dates::{DayRange, DocDates};
use super::StoriesConfig;
use crate::lexicon::flag;
use crate::model::{Date, Document, Granularity, TimeExpr, TimeKind};
use crate::text::{Shape, TokenKind, Tokens};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

/// A story key: the hash of a key's kind and lower-case text.
pub(crate) type Key = u64;

/// What a key is; each kind weighs differently in the similarity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum KeyKind {
    /// A capitalized word that is not a sentence's common first word ("Qeshm").
    Name = 0,
    /// Two capitalized words in a row ("Jerry Ortiz", "Ivy Bridge").
    Phrase = 1,
    /// A lower-case content word, lightly stemmed.
    Term = 2,
    /// A number of 10 or more, or with decimals ("5.6", "2005", "160,000").
    Number = 3,
}

/// Lexicon lists whose words say nothing about which story a document is about.
const NOT_KEYS: u64 = flag::STOPWORD
    | flag::MONTH
    | flag::WEEKDAY
    | flag::TIME_WORD
    | flag::NUMBER
    | flag::ORDINAL
    | flag::TENSE
    | flag::QUOTE_CUE;

/// Shortest word, in bytes, that is a key (shorter ones are mostly function words).
const MIN_KEY_BYTES: usize = 3;

/// Integers below this are too common to tell stories apart ("two", "5 people").
const MIN_KEY_NUMBER: f64 = 10.0;

/// Longest stem of a content word, in bytes: a crude stemmer that maps inflections
/// ("arrested", "arrests") together without a lexicon lookup.
const MAX_STEM_BYTES: usize = 8;

/// Most dates a document keeps for story comparison (the earliest after coalescing).
const MAX_DATES: usize = 32;

/// Most words of a title.
const TITLE_WORDS: usize = 16;

/// A headline is a first line of at most this many words without a final period.
const HEADLINE_WORDS: usize = 20;

/// One document as the stories stage sees it.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Profile {
    /// Keys and their weights before document frequencies (`1 + ln tf`, times the lead
    /// and kind boosts), sorted by key.
    pub keys: Vec<(Key, f32)>,
    /// Its name, name phrase and number keys, sorted.
    pub named: Vec<Key>,
    /// Its name phrase and number keys in its title or lead, with their kinds
    /// ([`KeyKind`] as a byte), sorted.
    pub lead_named: Vec<(Key, u8)>,
    /// Whether its title or lead says it reports another happening of a kind already
    /// reported ("another quake", "a second arrest", "an aftershock").
    #[serde(default)]
    pub follow_up: bool,
    /// The days it speaks of.
    pub dates: DocDates,
    /// Its publication date.
    pub published: Option<Date>,
    /// Its headline, or its first sentence, shortened.
    pub title: String,
}

/// Counts of one key in one document.
#[derive(Clone, Copy, Default)]
struct Count {
    kind: u8,
    all: u32,
    lead: u32,
}

/// The profile of `doc`, whose temporal expressions are `times` (resolved against its
/// own date, or unresolved when it has none).
pub(crate) fn profile(doc: &Document, times: &[TimeExpr], config: &StoriesConfig) -> Profile {
    let body = doc.body();
    let toks = Tokens::new(&doc.text, body.start);
    let mut counts: FxHashMap<Key, Count> = FxHashMap::default();
    let mut words = 0usize;
    let mut lead_end = body.end;
    let mut at_start = true;
    // the previous token when it was a name word: its lower-case form
    let mut prev_name: Option<usize> = None;
    let mut follow_up = false;
    let all = toks.all();
    for (i, t) in all.iter().enumerate() {
        if t.is(Shape::NL) {
            at_start = true;
        }
        let in_lead = words < config.lead_words;
        match t.kind {
            TokenKind::Punct => {
                if matches!(t.ch, '.' | '!' | '?' | ':' | ';' | '"' | '“' | '”') {
                    at_start |= matches!(t.ch, '.' | '!' | '?' | ':');
                }
                prev_name = None;
                continue;
            }
            TokenKind::Number => {
                if let Some(k) = number_key(toks.lower(i)) {
                    add(&mut counts, k, KeyKind::Number, in_lead);
                }
                prev_name = None;
                at_start = false;
                words += 1;
            }
            TokenKind::Word => {
                words += 1;
                let lower = toks.lower(i);
                let starts_number = lower.as_bytes().first().is_some_and(u8::is_ascii_digit);
                if starts_number {
                    let digits = lower
                        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                        .unwrap_or(lower.len());
                    if let Some(k) = number_key(&lower[..digits]) {
                        add(&mut counts, k, KeyKind::Number, in_lead);
                    }
                    prev_name = None;
                    at_start = false;
                    continue;
                }
                follow_up |= in_lead && t.has(flag::FOLLOW_UP);
                let common = t.has(NOT_KEYS) || lower.len() < MIN_KEY_BYTES || t.is(Shape::URL);
                let next_cap = all
                    .get(i + 1)
                    .is_some_and(|n| n.is_word() && n.is(Shape::CAP) && !n.is(Shape::NL));
                let capitalized = t.is(Shape::CAP) && !common;
                if capitalized && (!at_start || next_cap || t.is(Shape::UPPER)) {
                    add(
                        &mut counts,
                        hash(KeyKind::Name, lower),
                        KeyKind::Name,
                        in_lead,
                    );
                    if let Some(p) = prev_name {
                        let k = phrase_hash(toks.lower(p), lower);
                        add(&mut counts, k, KeyKind::Phrase, in_lead);
                    }
                    prev_name = Some(i);
                } else {
                    if !common {
                        let k = hash(KeyKind::Term, stem(lower));
                        add(&mut counts, k, KeyKind::Term, in_lead);
                    }
                    prev_name = None;
                }
                at_start = false;
            }
        }
        if words == config.lead_words {
            lead_end = t.end as usize;
        }
    }
    let mut named: Vec<Key> = Vec::new();
    let mut lead_named: Vec<(Key, u8)> = Vec::new();
    for (&k, c) in &counts {
        if c.kind != KeyKind::Term as u8 {
            named.push(k);
            let core_kind = c.kind == KeyKind::Phrase as u8 || c.kind == KeyKind::Number as u8;
            if c.lead > 0 && core_kind {
                lead_named.push((k, c.kind));
            }
        }
    }
    named.sort_unstable();
    lead_named.sort_unstable();
    let mut keys: Vec<(Key, f32)> = counts
        .into_iter()
        .map(|(k, c)| {
            let tf = 1.0 + (c.all as f32).ln();
            let lead = if c.lead > 0 {
                config.lead_boost as f32
            } else {
                1.0
            };
            (k, tf * lead * kind_boost(c.kind, config))
        })
        .collect();
    keys.sort_unstable_by_key(|&(k, _)| k);
    Profile {
        keys,
        named,
        lead_named,
        follow_up,
        dates: dates(doc, times, lead_end),
        published: doc.published,
        title: title(doc),
    }
}

fn kind_boost(kind: u8, config: &StoriesConfig) -> f32 {
    match kind {
        0 | 1 => config.name_boost as f32,
        3 => config.number_boost as f32,
        _ => 1.0,
    }
}

fn add(counts: &mut FxHashMap<Key, Count>, k: Key, kind: KeyKind, in_lead: bool) {
    let c = counts.entry(k).or_default();
    c.kind = kind as u8;
    c.all += 1;
    c.lead += u32::from(in_lead);
}

/// The hash of a key of `kind` with lower-case text `text`.
pub(crate) fn hash(kind: KeyKind, text: &str) -> Key {
    let mut h = FxHasher::default();
    h.write_u8(kind as u8);
    h.write(text.as_bytes());
    h.finish()
}

fn phrase_hash(first: &str, second: &str) -> Key {
    let mut h = FxHasher::default();
    h.write_u8(KeyKind::Phrase as u8);
    h.write(first.as_bytes());
    h.write_u8(b' ');
    h.write(second.as_bytes());
    h.finish()
}

/// The key of a number written `text` ("1,200" and "1200" alike), when it is one that
/// can tell stories apart.
fn number_key(text: &str) -> Option<Key> {
    let plain: String = text.chars().filter(|&c| c != ',').collect();
    let plain = plain.trim_end_matches('.');
    let value: f64 = plain.parse().ok()?;
    if value < MIN_KEY_NUMBER && !plain.contains('.') {
        return None;
    }
    Some(hash(KeyKind::Number, plain))
}

/// A crude stem: plural and verb endings off, then at most [`MAX_STEM_BYTES`] bytes.
fn stem(word: &str) -> &str {
    let w = word.trim_end_matches(['\'', '’']);
    let w = ["ing", "ed", "es", "s"]
        .iter()
        .find_map(|suffix| {
            w.strip_suffix(suffix)
                .filter(|r| r.len() >= MIN_KEY_BYTES && !r.ends_with('s'))
        })
        .unwrap_or(w);
    let mut end = w.len().min(MAX_STEM_BYTES);
    while !w.is_char_boundary(end) {
        end -= 1;
    }
    &w[..end]
}

/// The days `doc` speaks of: every resolved date of a year or finer, and its primary
/// days (its publication date, else the dates of its title and lead, which end at byte
/// `lead_end`).
fn dates(doc: &Document, times: &[TimeExpr], lead_end: usize) -> DocDates {
    let mut all = Vec::new();
    let mut lead = Vec::new();
    for t in times {
        if t.vague || !matches!(t.kind, TimeKind::Date | TimeKind::Time) {
            continue;
        }
        let Some(i) = t.interval else { continue };
        if i.granularity > Granularity::Year {
            continue;
        }
        let r = DayRange::of(i.start, i.end);
        all.push(r);
        if t.span.start < lead_end {
            lead.push(r);
        }
    }
    let primary = match doc.published {
        Some(p) => vec![DayRange::of(p, p)],
        None => lead,
    };
    all.extend(primary.iter().copied());
    DocDates::new(primary, all, MAX_DATES)
}

/// The document's headline (a short first line without a final period), else its first
/// sentence, cut to [`TITLE_WORDS`] words.
pub(super) fn title(doc: &Document) -> String {
    let body = doc.body();
    let text = body.slice(&doc.text).trim_start();
    let first_line = text.lines().next().unwrap_or("").trim();
    let headline = first_line.split_whitespace().count() <= HEADLINE_WORDS
        && !first_line.ends_with('.')
        && !first_line.is_empty();
    let chosen = if headline {
        first_line
    } else {
        let end = first_line.find(". ").map_or(first_line.len(), |e| e + 1);
        &first_line[..end]
    };
    let words: Vec<&str> = chosen.split_whitespace().collect();
    if words.len() <= TITLE_WORDS {
        words.join(" ")
    } else {
        format!("{}…", words[..TITLE_WORDS].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_phrases_terms_and_numbers_become_keys() {
        let doc = Document::new(
            "a",
            "Quake hits Qeshm island\n\nA 5.6-magnitude quake hit Qeshm on Sunday, officials said. Jerry Ortiz was arrested.",
        );
        let p = profile(&doc, &[], &StoriesConfig::default());
        let has = |kind, text| p.keys.iter().any(|&(k, _)| k == hash(kind, text));
        assert!(has(KeyKind::Name, "qeshm"));
        assert!(p
            .keys
            .iter()
            .any(|&(k, _)| k == phrase_hash("jerry", "ortiz")));
        assert!(has(KeyKind::Term, "quake"));
        assert!(has(KeyKind::Term, "arrest"));
        assert!(has(KeyKind::Number, "5.6"));
        assert!(!has(KeyKind::Term, "sunday") && !has(KeyKind::Name, "sunday"));
        // a common word opening a sentence is a term, not a name
        assert!(!has(KeyKind::Name, "quake"));
        assert_eq!(p.title, "Quake hits Qeshm island");
    }

    #[test]
    fn stems_meet() {
        assert_eq!(stem("arrested"), stem("arrests"));
        assert_eq!(stem("earthquakes"), "earthqua");
        assert_eq!(stem("gas"), "gas");
    }
}
