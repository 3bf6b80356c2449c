//! The word lists behind actor and quote extraction, compiled in from `data/`.
//!
//! Every list is our own general English resource (one entry a line, `#` comments).
//! The lists are parsed once into an immutable [`Lexicon`] shared by all calls.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small fast hasher for short string keys (the FxHash mixing step): lexicon lookups
/// happen for every word, and SipHash's flood resistance buys nothing for our own lists.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    /// Eight bytes a step, and the last one to seven bytes in one step (two overlapping
    /// reads and the length), so a short word costs one or two multiplications.
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while let Some((c, tail)) = rest.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*c));
            rest = tail;
        }
        let n = rest.len();
        let word = if n >= 4 {
            let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
            let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
            u64::from(lo) | u64::from(hi) << 32
        } else if n > 0 {
            u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
        } else {
            return;
        };
        self.add(word ^ (n as u64) << 59);
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FxHasher`].
pub(crate) type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set with [`FxHasher`].
pub(crate) type Set<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Whether a word qualifies a role only vaguely ("the top official", "a senior leader",
/// "the country's leader"): such a description still fits any holder of a leading role,
/// where "the opposition leader" names a role of its own (`data/actors/vague_qualifiers.txt`).
pub(crate) fn vague_qualifier(w: &str) -> bool {
    crate::lexicon::Lexicon::get().is(w, crate::lexicon::flag::VAGUE_QUALIFIER)
}

/// A word of at most 16 bytes packed into integers, exactly: two overlapping reads
/// that together cover every byte, and the length. Hashing and comparing it takes a
/// few integer operations, where a string key costs a byte loop and a `memcmp` call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct ShortWord(u64, u64, u8);

impl ShortWord {
    /// The packed form of the word `b`, or `None` when it is longer than 16 bytes.
    #[inline]
    pub fn from_bytes(b: &[u8]) -> Option<ShortWord> {
        let n = b.len();
        let at = |i: usize| u64::from(b[i]);
        let (lo, hi) = match n {
            0 => (0, 0),
            1..=3 => (at(0) | at(n / 2) << 8 | at(n - 1) << 16, 0),
            4..=7 => (
                u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
                u64::from(u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]])),
            ),
            8..=16 => {
                let first: [u8; 8] = b[..8].try_into().ok()?;
                let last: [u8; 8] = b[n - 8..].try_into().ok()?;
                (u64::from_le_bytes(first), u64::from_le_bytes(last))
            }
            _ => return None,
        };
        Some(ShortWord(lo, hi, n as u8))
    }
}

pub(crate) use crate::lexicon::{CueKind, Head};

/// Bits of [`Lexicon::word_flags`]: which single-word lists hold a lower-cased word.
pub(crate) mod flag {
    /// A key of `titles`.
    pub const TITLE: u16 = 1;
    /// A single-word entry of `roles`.
    pub const ROLE: u16 = 1 << 1;
    /// In `modifiers`.
    pub const MODIFIER: u16 = 1 << 2;
    /// A single-word key of `nationality`.
    pub const NATIONALITY: u16 = 1 << 3;
    /// A single-word key of `places`.
    pub const PLACE: u16 = 1 << 4;
    /// A single-word key of `heads`.
    pub const HEAD: u16 = 1 << 5;
    /// In `not_names`.
    pub const NOT_NAME: u16 = 1 << 6;
    /// In `non_actor_heads`.
    pub const NON_ACTOR_HEAD: u16 = 1 << 7;
    /// The first word of a two-word role, head or nationality ("prime", "joint").
    pub const MULTI_FIRST: u16 = 1 << 8;
    /// A word that can start or be a description's head: a role noun, a body head
    /// usable in lower case, or a first word of two.
    pub const DESC: u16 = 1 << 9;
    /// A key of `cues` (the first word of a reporting phrase).
    pub const CUE: u16 = 1 << 10;
}

/// All word lists, lower-cased.
pub(crate) struct Lexicon {
    /// For every single word of the lists below, the [`flag`]s of the lists holding
    /// it: the tokenizer looks each word up once, and the finders test bits instead of
    /// hashing the word again for every list.
    word_flags: Map<ShortWord, u16>,
    /// The keys longer than 16 bytes, with their flags.
    word_flags_long: Map<String, u16>,
    /// The longest key of the word flags, in bytes: a longer word is in no list.
    word_flags_max: usize,
    /// Whether some key of `word_flags` is no word (punctuation): when not, a
    /// punctuation token is in no list without a lookup.
    pub punct_keys: bool,
    /// Reporting phrases as word lists, longest first within one first word.
    pub cues: Map<String, Vec<(Vec<String>, CueKind)>>,
    /// Title words ("president", "foreign", "minister"), with honorific marked `true`.
    pub titles: Map<String, bool>,
    /// Role nouns, single words and phrases.
    pub roles: Set<String>,
    /// Words that may stand inside a description before its head.
    pub modifiers: Set<String>,
    /// Nationality adjective -> country.
    pub nationality: Map<String, String>,
    /// Place name -> the country it stands for, when it is a country or its capital.
    pub places: Map<String, Option<String>>,
    /// Organization, outlet and document heads and names.
    pub heads: Map<String, Head>,
    /// Capitalized words that are never names.
    pub not_names: Set<String>,
    /// Family names read family-first.
    pub family_first: Set<String>,
}

/// The actor bits of the one lexicon's flags, and the bit of this table each maps to.
const FLAG_MAP: [(u64, u16); 11] = [
    (crate::lexicon::flag::TITLE, flag::TITLE),
    (crate::lexicon::flag::ROLE, flag::ROLE),
    (crate::lexicon::flag::MODIFIER, flag::MODIFIER),
    (crate::lexicon::flag::NATIONALITY, flag::NATIONALITY),
    (crate::lexicon::flag::PLACE, flag::PLACE),
    (crate::lexicon::flag::HEAD, flag::HEAD),
    (crate::lexicon::flag::NOT_NAME, flag::NOT_NAME),
    (crate::lexicon::flag::NON_ACTOR_HEAD, flag::NON_ACTOR_HEAD),
    (crate::lexicon::flag::MULTI_FIRST, flag::MULTI_FIRST),
    (crate::lexicon::flag::DESC, flag::DESC),
    (crate::lexicon::flag::QUOTE_CUE, flag::CUE),
];

impl Lexicon {
    fn build() -> Lexicon {
        use crate::lexicon::{cue_use, flag as f, Lexicon as One};
        let one = One::get();
        let mut cues: Map<String, Vec<(Vec<String>, CueKind)>> = Map::default();
        for (words, cue) in one.reporting.iter() {
            if cue.uses & cue_use::QUOTE != 0 {
                let phrase: Vec<String> = words.iter().map(|w| w.to_string()).collect();
                cues.entry(phrase[0].clone())
                    .or_default()
                    .push((phrase, cue.kind));
            }
        }
        for v in cues.values_mut() {
            v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        let set =
            |bit: u64| -> Set<String> { one.words_with(bit).map(|(w, _)| w.to_string()).collect() };
        let mut word_flags: Map<String, u16> = Map::default();
        let all = FLAG_MAP.iter().fold(0, |acc, (b, _)| acc | b);
        for (w, info) in one.words_with(all) {
            let bits = FLAG_MAP
                .iter()
                .filter(|(b, _)| info.flags & b != 0)
                .fold(0, |acc, (_, t)| acc | t);
            word_flags.insert(w.to_string(), bits);
        }
        let word_flags_max = word_flags.keys().map(String::len).max().unwrap_or(0);
        let punct_keys = word_flags
            .keys()
            .any(|k| !k.chars().next().map(char::is_alphanumeric).unwrap_or(false));
        let mut word_flags_long = Map::default();
        let mut short = Map::default();
        for (k, fl) in word_flags {
            match ShortWord::from_bytes(k.as_bytes()) {
                Some(w) => {
                    short.insert(w, fl);
                }
                None => {
                    word_flags_long.insert(k, fl);
                }
            }
        }
        Lexicon {
            word_flags_max,
            punct_keys,
            word_flags: short,
            word_flags_long,
            cues,
            titles: one.titles.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            roles: one.roles.iter().cloned().collect(),
            modifiers: set(f::MODIFIER),
            nationality: one
                .nationalities
                .iter()
                .map(|(k, v)| (k.clone(), v.to_string()))
                .collect(),
            places: one
                .places
                .iter()
                .map(|(k, v)| (k.clone(), v.map(str::to_string)))
                .collect(),
            heads: one.heads.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            not_names: set(f::NOT_NAME),
            family_first: set(f::FAMILY_FIRST),
        }
    }

    /// The shared lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    /// The [`flag`]s of the lower-cased single word `w` (its UTF-8 bytes): the lists
    /// that hold it.
    #[inline]
    pub fn flags_of_bytes(&self, w: &[u8]) -> u16 {
        if w.len() > self.word_flags_max {
            return 0;
        }
        match ShortWord::from_bytes(w) {
            Some(k) => self.word_flags.get(&k).copied().unwrap_or(0),
            None => std::str::from_utf8(w)
                .ok()
                .and_then(|w| self.word_flags_long.get(w))
                .copied()
                .unwrap_or(0),
        }
    }

    /// Whether `lower` (lower-cased) is a role noun.
    pub fn is_role(&self, lower: &str) -> bool {
        self.roles.contains(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_large_enough() {
        let lex = Lexicon::get();
        let cues: usize = lex.cues.values().map(Vec::len).sum();
        assert!(cues >= 100, "only {cues} reporting phrases");
        assert!(lex.nationality.len() > 100);
        assert!(lex.places.len() > 200);
        assert_eq!(lex.places.get("minsk"), Some(&Some("Belarus".to_string())));
        assert_eq!(lex.places.get("china"), Some(&Some("China".to_string())));
        assert!(lex.family_first.contains("xi"));
        assert_eq!(lex.titles.get("mr"), Some(&true));
        assert_eq!(lex.titles.get("president"), Some(&false));
    }

    #[test]
    fn word_flags_answer_list_membership() {
        let lex = Lexicon::get();
        let lists: [(&Set<String>, u16); 3] = [
            (&lex.roles, flag::ROLE),
            (&lex.modifiers, flag::MODIFIER),
            (&lex.not_names, flag::NOT_NAME),
        ];
        for (list, f) in lists {
            for w in list.iter().filter(|w| !w.contains(' ')) {
                assert!(lex.flags_of_bytes(w.as_bytes()) & f != 0, "{w}");
            }
        }
        for w in lex.places.keys().filter(|w| !w.contains(' ')) {
            assert!(lex.flags_of_bytes(w.as_bytes()) & flag::PLACE != 0, "{w}");
        }
        for w in ["", "zzqx", "notawordinanylistatall", "x\u{301}"] {
            assert_eq!(lex.flags_of_bytes(w.as_bytes()), 0, "{w}");
        }
        // Packing is exact: words of one length sharing both ends differ.
        assert_ne!(
            ShortWord::from_bytes(b"aaaaaaaaa"),
            ShortWord::from_bytes(b"aaaaaaaaaa")
        );
        assert_ne!(
            ShortWord::from_bytes(b"abcdefghij"),
            ShortWord::from_bytes(b"abcdxfghij")
        );
    }
}
