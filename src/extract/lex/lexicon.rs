//! The table of times and quantities: every word of the one lexicon (`crate::lexicon`)
//! with a calendar or number class (month, weekday, tense cue, number, unit, ...), in one
//! table built once and immutable after that.
//!
//! A token's entry is found with one lookup of its ASCII-lower-cased form, packed into
//! two integers (see [`Lexicon`]).

use crate::model::Unit;
use std::collections::HashMap;
use std::sync::OnceLock;

pub(crate) use crate::lexicon::{Edge, Tense, TimeUnit as TUnit, TimeWord, UnitClass};

/// Everything the lexicon knows about one lower-cased surface form.
#[derive(Clone, Debug, Default)]
pub(crate) struct Entry {
    /// Month 1-12, and whether it is an abbreviation.
    pub month: Option<(u32, bool)>,
    /// ISO weekday 1-7, and whether plural (`Mondays`) or abbreviated.
    pub weekday: Option<(u32, bool, bool)>,
    pub time: Option<TimeWord>,
    pub tense: Option<Tense>,
    /// Number value and whether it is a scale word (hundred, million, bn).
    pub number: Option<(f64, bool)>,
    /// Ordinal value.
    pub ordinal: Option<u32>,
    /// The range a vague plural amount stands for ("hundreds": 200..1999).
    pub vague_amount: Option<(f64, f64)>,
    /// The unit a word names, and where it stands relative to its number.
    pub unit: Option<(Unit, UnitClass)>,
}

/// The compiled lexicon: an open-addressing table keyed by the lower-cased word packed
/// into two `u64` (every key is at most 16 bytes), so a lookup is one multiply-hash and
/// one or two integer compares, with no byte-wise hashing and no string compare.
pub(crate) struct Lexicon {
    /// Packed key and length of each slot.
    keys: Vec<(u64, u64, usize)>,
    /// Entry index + 1 of each slot; 0 is empty.
    slots: Vec<u32>,
    entries: Vec<Entry>,
    mask: usize,
    /// The longest key, in bytes: longer words are not looked up.
    max_len: usize,
}

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

const KEY_MAX: usize = 16;

fn pack(buf: &[u8; KEY_MAX]) -> (u64, u64) {
    let mut lo = [0u8; 8];
    let mut hi = [0u8; 8];
    lo.copy_from_slice(&buf[..8]);
    hi.copy_from_slice(&buf[8..]);
    (u64::from_le_bytes(lo), u64::from_le_bytes(hi))
}

/// Up to eight bytes as a little-endian `u64`, zero-padded.
fn load(b: &[u8]) -> u64 {
    if b.len() >= 8 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[..8]);
        return u64::from_le_bytes(w);
    }
    let mut v = 0u64;
    for (i, &c) in b.iter().enumerate() {
        v |= (c as u64) << (8 * i);
    }
    v
}

/// ASCII lower case of eight packed bytes (all below 0x80): `A`-`Z` gain 0x20.
fn lower8(x: u64) -> u64 {
    const H: u64 = 0x8080_8080_8080_8080;
    let ge_a = x + 0x3f3f_3f3f_3f3f_3f3f; // high bit set where byte >= b'A'
    let gt_z = x + 0x2525_2525_2525_2525; // high bit set where byte > b'Z'
    let upper = ge_a & !gt_z & H;
    x | (upper >> 2)
}

fn slot_of(lo: u64, hi: u64, len: usize, mask: usize) -> usize {
    let h = lo.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ hi.wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
        ^ (len as u64).wrapping_mul(0x1656_67B1_9E37_79F9);
    ((h ^ (h >> 29)) as usize) & mask
}

fn build() -> Lexicon {
    use crate::lexicon::{flag, Lexicon as One};
    let one = One::get();
    let bits = flag::MONTH
        | flag::WEEKDAY
        | flag::TIME_WORD
        | flag::TIME_STARTER
        | flag::TENSE
        | flag::NUMBER
        | flag::ORDINAL
        | flag::VAGUE_AMOUNT
        | flag::UNIT;
    let mut map: HashMap<&[u8], Entry> = HashMap::new();
    // A word listed only as a starter ("the") gets an entry with no class: the parser
    // reads "has an entry" as "may be part of an expression".
    for (w, info) in one.words_with(bits) {
        let unit = info.unit.map(|(u, class)| (class.unit(u), class));
        map.insert(
            w.as_bytes(),
            Entry {
                month: info.month.map(|(m, abbr)| (u32::from(m), abbr)),
                weekday: info.weekday.map(|(d, pl, ab)| (u32::from(d), pl, ab)),
                time: info.time,
                tense: info.tense,
                number: info.number,
                ordinal: info.ordinal,
                vague_amount: info.vague_amount,
                unit,
            },
        );
    }
    // Sorted so the table's layout does not depend on hash-map iteration order.
    let mut pairs: Vec<(&[u8], Entry)> = map
        .into_iter()
        .filter(|(k, _)| k.len() <= KEY_MAX)
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    let max_len = pairs.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let size = (pairs.len() * 4).next_power_of_two().max(16);
    let mask = size - 1;
    let mut keys = vec![(0, 0, 0); size];
    let mut slots = vec![0u32; size];
    let mut entries = Vec::with_capacity(pairs.len());
    for (k, e) in pairs {
        let mut buf = [0u8; KEY_MAX];
        buf[..k.len()].copy_from_slice(k);
        let (lo, hi) = pack(&buf);
        let mut at = slot_of(lo, hi, k.len(), mask);
        while slots[at] != 0 {
            at = (at + 1) & mask;
        }
        entries.push(e);
        keys[at] = (lo, hi, k.len());
        slots[at] = entries.len() as u32;
    }
    Lexicon {
        keys,
        slots,
        entries,
        mask,
        max_len,
    }
}

/// The lexicon, built on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    LEXICON.get_or_init(build)
}

impl Lexicon {
    /// The longest word in the table, in bytes: longer words are never looked up.
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// The entry of `word` (any case; ASCII folding, `’` read as `'`).
    pub fn get(&'static self, word: &str) -> Option<&'static Entry> {
        let b = word.as_bytes();
        let (lo, hi, n) = if b.is_ascii() {
            if b.is_empty() || b.len() > self.max_len {
                return None;
            }
            // Packed in registers (not through a byte buffer, which stalls on the
            // store-to-load forward) and lower-cased eight bytes at a time.
            let (a, c) = b.split_at(b.len().min(8));
            (lower8(load(a)), lower8(load(c)), b.len())
        } else {
            let mut buf = [0u8; KEY_MAX];
            let mut k = 0;
            for ch in word.chars() {
                let c = if ch == '’' { '\'' } else { ch };
                let c = c.to_lowercase().next().unwrap_or(c);
                let mut tmp = [0u8; 4];
                let s = c.encode_utf8(&mut tmp);
                if k + s.len() > KEY_MAX {
                    return None;
                }
                buf[k..k + s.len()].copy_from_slice(s.as_bytes());
                k += s.len();
            }
            let (lo, hi) = pack(&buf);
            (lo, hi, k)
        };
        let mut at = slot_of(lo, hi, n, self.mask);
        loop {
            let e = *self.slots.get(at)?;
            if e == 0 {
                return None;
            }
            if self.keys.get(at) == Some(&(lo, hi, n)) {
                return self.entries.get(e as usize - 1);
            }
            at = (at + 1) & self.mask;
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower8_matches_ascii_lowercase() {
        for c in 0u8..0x80 {
            for pos in 0..8 {
                let x = (c as u64) << (8 * pos) | 0x4161; // plus "aA" in the low bytes
                let mut b = x.to_le_bytes();
                b.iter_mut().for_each(|y| *y = y.to_ascii_lowercase());
                let want = u64::from_le_bytes(b);
                if pos >= 2 {
                    assert_eq!(lower8(x), want, "byte {c:#x} at {pos}");
                }
            }
        }
    }

    #[test]
    fn lookups_fold_case_and_apostrophes() {
        let lex = lexicon();
        assert!(lex.get("WEDNESDAY").and_then(|e| e.weekday).is_some());
        assert!(lex.get("September").and_then(|e| e.month).is_some());
        assert!(lex.get("US$").and_then(|e| e.unit.as_ref()).is_some());
        assert!(lex.get("€").and_then(|e| e.unit.as_ref()).is_some());
        assert!(lex.get("won’t").and_then(|e| e.tense).is_some());
        assert!(lex.get("approximately-not-a-word").is_none());
    }
}
