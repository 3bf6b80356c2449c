//! Coined words: pronounceable names and terms built from syllables, so that new
//! surnames, towns, companies and rare topic terms keep appearing as a corpus grows
//! (real news vocabulary never stops growing; a closed word list would make large
//! corpora unrealistically repetitive).

use crate::rng::Rng;

/// Syllable onsets.
const ONSETS: &[&str] = &[
    "b", "bl", "br", "c", "ch", "cl", "cr", "d", "dr", "f", "fl", "fr", "g", "gl", "gr", "h", "j",
    "k", "kl", "l", "m", "n", "p", "pr", "qu", "r", "s", "sc", "sl", "sp", "st", "t", "th", "tr",
    "v", "w", "z",
];

/// Syllable nuclei: plain vowels twice as often as the diphthongs.
const NUCLEI: &[&str] = &[
    "a", "e", "i", "o", "u", "a", "e", "i", "o", "u", "ai", "ea", "ou", "ie",
];

/// Syllable codas; the empty coda is listed four times so most syllables are open.
const CODAS: &[&str] = &[
    "", "", "", "", "n", "l", "r", "s", "m", "nd", "st", "rt", "x", "k",
];

/// A lower-case coined word of `syllables` syllables.
pub fn word(rng: &mut Rng, syllables: usize) -> String {
    let mut w = String::with_capacity(4 * syllables);
    for _ in 0..syllables {
        w.push_str(rng.pick(ONSETS));
        w.push_str(rng.pick(NUCLEI));
        w.push_str(rng.pick(CODAS));
    }
    w
}

/// A coined proper name of two or three syllables ("Bralunt", "Stoaveshi").
pub fn name(rng: &mut Rng) -> String {
    let syllables = if rng.chance(2.0 / 3.0) { 2 } else { 3 };
    capitalise(&word(rng, syllables))
}

/// A coined rare term of two or three syllables, lower case ("drieltan").
pub fn term(rng: &mut Rng) -> String {
    let syllables = if rng.chance(0.5) { 2 } else { 3 };
    word(rng, syllables)
}

/// The text with its first character upper-cased.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Every word capitalised ("natural gas" -> "Natural Gas").
pub fn title_case(s: &str) -> String {
    s.split(' ').map(capitalise).collect::<Vec<_>>().join(" ")
}
