//! The word table: every single word of every list, lower-cased, to a [`WordId`], found
//! with one multiply-hash and an integer compare.
//!
//! A key of up to 16 bytes is packed into two `u64`s plus its length, so a lookup hashes
//! and compares integers instead of bytes; longer keys (a handful) go to a hash map.
//! Text is tokenized once per document and every word is looked up once, so this is on
//! the hot path of every stage.

use rustc_hash::FxHashMap;

/// The index of a word in the lexicon's word table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct WordId(pub u32);

/// The longest key, in bytes, that is packed into integers.
const KEY_MAX: usize = 16;

/// ASCII lower case of eight packed bytes, all below 0x80: `A`-`Z` gain 0x20.
#[inline]
pub(crate) fn lower8(x: u64) -> u64 {
    const H: u64 = 0x8080_8080_8080_8080;
    let ge_a = x + 0x3f3f_3f3f_3f3f_3f3f; // high bit set where byte >= b'A'
    let gt_z = x + 0x2525_2525_2525_2525; // high bit set where byte > b'Z'
    let upper = ge_a & !gt_z & H;
    x | (upper >> 2)
}

/// A packed key: the first and the second eight bytes, and the length.
type Key = (u64, u64, u8);

/// A word of at most 16 bytes packed into integers, exactly: a hash-map key that hashes
/// and compares as three integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct PackedKey(u64, u64, u8);

impl PackedKey {
    /// The packed form of `b`, or `None` when it is longer than 16 bytes.
    #[inline]
    pub fn of(b: &[u8]) -> Option<PackedKey> {
        (b.len() <= KEY_MAX).then(|| {
            let (x, y, n) = pack(b);
            PackedKey(x, y, n)
        })
    }
}

/// The packed key of `b` (at most 16 bytes): two overlapping reads that together cover
/// every byte, and the length, so equal keys mean equal words. No byte loop: a word is
/// packed with a few loads.
#[inline]
fn pack(b: &[u8]) -> Key {
    let n = b.len();
    let at = |i: usize| u64::from(b[i]);
    let word4 = |i: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&b[i..i + 4]);
        u64::from(u32::from_le_bytes(w))
    };
    let word8 = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[i..i + 8]);
        u64::from_le_bytes(w)
    };
    let (lo, hi) = match n {
        0 => (0, 0),
        1..=3 => (at(0) | at(n / 2) << 8 | at(n - 1) << 16, 0),
        4..=7 => (word4(0), word4(n - 4)),
        _ => (word8(0), word8(n - 8)),
    };
    (lo, hi, n as u8)
}

#[inline]
fn slot_of(k: Key, mask: usize) -> usize {
    let h = k.0.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ k.1.wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
        ^ u64::from(k.2).wrapping_mul(0x1656_67B1_9E37_79F9);
    ((h ^ (h >> 29)) as usize) & mask
}

/// Lower-case words to ids.
pub(crate) struct WordTable {
    keys: Vec<Key>,
    /// Id + 1 of each slot; 0 is empty.
    slots: Vec<u32>,
    mask: usize,
    long: FxHashMap<Box<str>, WordId>,
    /// The longest key in bytes: a longer word is in no list.
    max_len: usize,
}

impl WordTable {
    /// A table of `words` (lower case, each once), where `words[i]` gets `WordId(i)`.
    pub fn new(words: &[&str]) -> WordTable {
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mask = size - 1;
        let mut keys = vec![(0, 0, 0); size];
        let mut slots = vec![0u32; size];
        let mut long = FxHashMap::default();
        for (i, w) in words.iter().enumerate() {
            let b = w.as_bytes();
            if b.len() > KEY_MAX {
                long.insert(Box::from(*w), WordId(i as u32));
                continue;
            }
            let k = pack(b);
            let mut at = slot_of(k, mask);
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            keys[at] = k;
            slots[at] = i as u32 + 1;
        }
        WordTable {
            keys,
            slots,
            mask,
            long,
            max_len: words.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    /// The id of `lower`, a word already in lower case with `’` written `'`.
    #[inline]
    pub fn get_lower(&self, lower: &[u8]) -> Option<WordId> {
        self.get_packed(lower, PackedKey::of(lower))
    }

    /// As [`WordTable::get_lower`], with the key already packed when `lower` is short.
    #[inline]
    pub fn get_packed(&self, lower: &[u8], key: Option<PackedKey>) -> Option<WordId> {
        if lower.is_empty() || lower.len() > self.max_len {
            return None;
        }
        match key {
            Some(PackedKey(x, y, n)) => self.probe((x, y, n)),
            None => std::str::from_utf8(lower)
                .ok()
                .and_then(|w| self.long.get(w).copied()),
        }
    }

    /// The id of `word` in any case: ASCII is folded eight bytes at a time in registers;
    /// other words are lower-cased and their `’` read as `'`.
    #[inline]
    pub fn get(&self, word: &str) -> Option<WordId> {
        let b = word.as_bytes();
        if b.is_empty() || b.len() > self.max_len.max(KEY_MAX) * 2 {
            return None;
        }
        if b.len() <= KEY_MAX && b.is_ascii() {
            let (x, y, n) = pack(b);
            return self.probe((lower8(x), lower8(y), n));
        }
        let folded = fold(word);
        self.get_lower(folded.as_bytes())
    }

    #[inline]
    fn probe(&self, k: Key) -> Option<WordId> {
        let mut at = slot_of(k, self.mask);
        loop {
            let id = *self.slots.get(at)?;
            if id == 0 {
                return None;
            }
            if self.keys.get(at) == Some(&k) {
                return Some(WordId(id - 1));
            }
            at = (at + 1) & self.mask;
        }
    }
}

/// `word` lower-cased, with `’` written `'`: the form every key is stored in.
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c == '’' {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower8_matches_ascii_lowercase() {
        for c in 0u8..0x80 {
            for pos in 2..8 {
                let x = u64::from(c) << (8 * pos) | 0x4161; // plus "aA" in the low bytes
                let mut b = x.to_le_bytes();
                b.iter_mut().for_each(|y| *y = y.to_ascii_lowercase());
                assert_eq!(lower8(x), u64::from_le_bytes(b), "byte {c:#x} at {pos}");
            }
        }
    }

    #[test]
    fn lookups_fold_case_and_apostrophes() {
        let words = [
            "wednesday",
            "won't",
            "us$",
            "€",
            "bundesverfassungsgericht",
            "é",
        ];
        let t = WordTable::new(&words);
        assert_eq!(t.get("WEDNESDAY"), Some(WordId(0)));
        assert_eq!(t.get("Won’t"), Some(WordId(1)));
        assert_eq!(t.get("US$"), Some(WordId(2)));
        assert_eq!(t.get("€"), Some(WordId(3)));
        assert_eq!(t.get("Bundesverfassungsgericht"), Some(WordId(4)));
        assert_eq!(t.get("É"), Some(WordId(5)));
        assert_eq!(t.get_lower(b"wednesday"), Some(WordId(0)));
        assert_eq!(t.get_lower(b"Wednesday"), None);
        for w in ["", "wednesdays", "zz", "approximately-not-a-word-at-all"] {
            assert_eq!(t.get(w), None, "{w}");
        }
    }

    #[test]
    fn packing_is_exact() {
        let t = WordTable::new(&["aaaaaaaaa", "abcdefghij"]);
        assert_eq!(t.get("aaaaaaaaaa"), None);
        assert_eq!(t.get("abcdxfghij"), None);
        assert_eq!(t.get("aaaaaaaaa"), Some(WordId(0)));
    }
}
