//! The word lists the segmenter consults, compiled in from `data/`.
//!
//! Parsed once on first use into read-only sets; nothing here changes afterwards.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the keys are short words from our own files, so a simple fast hash is
/// enough (no untrusted keys are inserted, only looked up).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf29ce484222325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

type FnvBuild = BuildHasherDefault<Fnv>;

/// What a period after an abbreviation means; see the header of
/// `data/abbreviations.txt` for the meaning of each class.
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

pub(crate) struct Lexicon {
    abbreviations: HashMap<&'static str, AbbrevClass, FnvBuild>,
    /// Length in bytes of the longest abbreviation: longer words skip the lookup.
    longest_abbreviation: usize,
    starters: HashSet<&'static str, FnvBuild>,
    continuations: HashSet<&'static str, FnvBuild>,
    reporting_verbs: HashSet<&'static str, FnvBuild>,
}

const ABBREVIATIONS: &str = include_str!("../../data/abbreviations.txt");
const STARTERS: &str = include_str!("../../data/sentence_starters.txt");
const CONTINUATIONS: &str = include_str!("../../data/line_continuations.txt");
const REPORTING_VERBS: &str = include_str!("../../data/segment/inverted_attribution_verbs.txt");

/// Non-comment, non-empty lines of a lexicon file, trimmed.
fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn parse_class(name: &str) -> Option<AbbrevClass> {
    Some(match name {
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

impl Lexicon {
    fn load() -> Lexicon {
        let mut abbreviations = HashMap::default();
        for line in entries(ABBREVIATIONS) {
            let mut parts = line.split_whitespace();
            let (Some(word), Some(class)) = (parts.next(), parts.next()) else {
                continue;
            };
            // The data file is ours and checked by a unit test; an unknown class is skipped.
            if let Some(class) = parse_class(class) {
                abbreviations.entry(word).or_insert(class);
            }
        }
        Lexicon {
            longest_abbreviation: abbreviations.keys().map(|k| k.len()).max().unwrap_or(0),
            abbreviations,
            starters: entries(STARTERS).collect(),
            continuations: entries(CONTINUATIONS).collect(),
            reporting_verbs: entries(REPORTING_VERBS).collect(),
        }
    }

    /// The lexicon, parsed on first use.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// The class of an abbreviation written `word` (without its final period). A word
    /// with a capital first letter also matches a lower-case entry.
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        if word.len() > self.longest_abbreviation {
            return None;
        }
        if let Some(&c) = self.abbreviations.get(word) {
            return Some(c);
        }
        // A capitalised word may be a lower-case entry at the start of a sentence.
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

    /// Whether `word` (as written) commonly opens a sentence.
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    /// Whether `word` (as written) is a verb of saying ("said", "asked").
    pub(crate) fn is_reporting_verb(&self, word: &str) -> bool {
        self.reporting_verbs.contains(word)
    }

    /// Whether a line ending in `word` (compared in lower case) is clearly unfinished.
    pub(crate) fn is_continuation(&self, word: &str) -> bool {
        if word.len() > 12 {
            return false;
        }
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            return self.continuations.contains(word);
        }
        self.continuations
            .contains(word.to_ascii_lowercase().as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_abbreviation_line_has_a_known_class() {
        for line in entries(ABBREVIATIONS) {
            let parts: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(parts.len(), 2, "line {line:?}");
            assert!(parse_class(parts[1]).is_some(), "line {line:?}");
        }
    }

    #[test]
    fn lookups() {
        let lex = Lexicon::get();
        assert_eq!(lex.abbreviation("Mr"), Some(AbbrevClass::Title));
        assert_eq!(lex.abbreviation("U.S"), Some(AbbrevClass::Maybe));
        assert_eq!(lex.abbreviation("Etc"), Some(AbbrevClass::End));
        assert_eq!(lex.abbreviation("Inc"), Some(AbbrevClass::End));
        assert_eq!(lex.abbreviation("mr"), None);
        assert_eq!(lex.abbreviation("Smith"), None);
        assert!(lex.is_starter("The"));
        assert!(!lex.is_starter("Government"));
        assert!(lex.is_continuation("The"));
        assert!(!lex.is_continuation("Ukraine"));
    }
}
