//! The lexicon of times and quantities: every word the data files under `data/time/`
//! and `data/quantity/` know, with its classes (month, weekday, tense cue, number, unit,
//! ...), in one table built once and immutable after that.
//!
//! A token's entry is found with one lookup of its ASCII-lower-cased form, packed into
//! two integers (see [`Lexicon`]).

use crate::model::{DayPart, Season, TimeRef, Unit};
use std::collections::HashMap;
use std::sync::OnceLock;
/// A calendar unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TUnit {
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Which part of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Edge {
    Early,
    Mid,
    Late,
}

/// A temporal word's class (see `data/time/words.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TimeWord {
    Day(i8, Option<DayPart>),
    Ref(TimeRef),
    Unit(TUnit, bool),
    Part(DayPart),
    Shift(i8),
    Season(Season),
    Edge(Edge),
    Ago,
    Clock(u8),
    Set(TUnit),
    Quant,
    Holiday(u8, u8),
}

/// Tense cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    /// Present tense: a schedule ("the vote is on Sunday"), read as future, but weaker
    /// than a past or future cue at the same distance.
    Present,
}

/// A unit class (see `data/quantity/units.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitClass {
    Symbol,
    Code,
    Money,
    Percent,
    Measure,
}

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
    /// A function word that can begin an expression ("the", "a", "every").
    pub starter: bool,
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

fn data_lines(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|f| !f.is_empty())
}

fn unit_of(s: &str) -> Option<TUnit> {
    Some(match s {
        "minute" => TUnit::Minute,
        "hour" => TUnit::Hour,
        "day" => TUnit::Day,
        "week" => TUnit::Week,
        "weekend" => TUnit::Weekend,
        "fortnight" => TUnit::Fortnight,
        "month" => TUnit::Month,
        "quarter" => TUnit::Quarter,
        "year" => TUnit::Year,
        "decade" => TUnit::Decade,
        "century" => TUnit::Century,
        _ => return None,
    })
}

fn build() -> Lexicon {
    let mut map: HashMap<&'static [u8], Entry> = HashMap::new();
    for f in data_lines(include_str!("../../../data/time/months.txt")) {
        if let (Some(w), Some(Ok(m))) = (f.first(), f.get(1).map(|s| s.parse::<u32>())) {
            map.entry(w.as_bytes()).or_default().month = Some((m, f.get(2) == Some(&"abbr")));
        }
    }
    for f in data_lines(include_str!("../../../data/time/weekdays.txt")) {
        if let (Some(w), Some(Ok(d))) = (f.first(), f.get(1).map(|s| s.parse::<u32>())) {
            let flag = f.get(2).copied();
            map.entry(w.as_bytes()).or_default().weekday =
                Some((d, flag == Some("plural"), flag == Some("abbr")));
        }
    }
    for f in data_lines(include_str!("../../../data/time/words.txt")) {
        let (Some(&w), Some(&class)) = (f.first(), f.get(1)) else {
            continue;
        };
        let arg = f.get(2).copied().unwrap_or("");
        let extra = f.get(3).copied().unwrap_or("");
        if class == "start" {
            map.entry(w.as_bytes()).or_default().starter = true;
            continue;
        }
        let tw = match class {
            "day" => arg
                .parse::<i8>()
                .ok()
                .map(|o| TimeWord::Day(o, DayPart::from_code(extra))),
            "ref" => TimeRef::from_code(arg).map(TimeWord::Ref),
            "unit" => unit_of(arg).map(|u| TimeWord::Unit(u, extra == "plural")),
            "part" => DayPart::from_code(arg).map(TimeWord::Part),
            "shift" => arg.parse::<i8>().ok().map(TimeWord::Shift),
            "season" => Season::from_code(arg).map(TimeWord::Season),
            "edge" => match arg {
                "early" => Some(TimeWord::Edge(Edge::Early)),
                "mid" => Some(TimeWord::Edge(Edge::Mid)),
                "late" => Some(TimeWord::Edge(Edge::Late)),
                _ => None,
            },
            "dir" => Some(TimeWord::Ago),
            "clock" => arg.parse::<u8>().ok().map(TimeWord::Clock),
            "set" => unit_of(arg).map(TimeWord::Set),
            "quant" => Some(TimeWord::Quant),
            "holiday" => arg
                .split_once('-')
                .and_then(|(m, d)| Some(TimeWord::Holiday(m.parse().ok()?, d.parse().ok()?))),
            _ => None,
        };
        if let Some(tw) = tw {
            map.entry(w.as_bytes()).or_default().time = Some(tw);
        }
    }
    for f in data_lines(include_str!("../../../data/time/tense.txt")) {
        if let (Some(&w), Some(&t)) = (f.first(), f.get(1)) {
            let t = match t {
                "future" => Tense::Future,
                "present" => Tense::Present,
                _ => Tense::Past,
            };
            map.entry(w.as_bytes()).or_default().tense = Some(t);
        }
    }
    for f in data_lines(include_str!("../../../data/quantity/numbers.txt")) {
        let (Some(&w), Some(Ok(v))) = (f.first(), f.get(1).map(|s| s.parse::<f64>())) else {
            continue;
        };
        match f.get(2).copied() {
            Some("vague") => {
                if let Some(Ok(hi)) = f.get(3).map(|s| s.parse::<f64>()) {
                    map.entry(w.as_bytes()).or_default().vague_amount = Some((v, hi));
                }
            }
            Some("ord") => map.entry(w.as_bytes()).or_default().ordinal = Some(v as u32),
            Some("scale") => map.entry(w.as_bytes()).or_default().number = Some((v, true)),
            _ => map.entry(w.as_bytes()).or_default().number = Some((v, false)),
        }
    }
    for f in data_lines(include_str!("../../../data/quantity/units.txt")) {
        let (Some(&w), Some(&u), Some(&c)) = (f.first(), f.get(1), f.get(2)) else {
            continue;
        };
        let (unit, class) = match c {
            "symbol" => (Unit::Currency(u), UnitClass::Symbol),
            "code" => (Unit::Currency(u), UnitClass::Code),
            "money" => (Unit::Currency(u), UnitClass::Money),
            "percent" => (Unit::Percent, UnitClass::Percent),
            _ => (Unit::Measure(u), UnitClass::Measure),
        };
        map.entry(w.as_bytes()).or_default().unit = Some((unit, class));
    }
    // Sorted so the table's layout does not depend on hash-map iteration order.
    let mut pairs: Vec<(&'static [u8], Entry)> = map
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

/// The unit of the lexicon whose name is `name`, when a word of that form names it
/// (`usd`, `km`).
pub(crate) fn unit_named(name: &str) -> Option<Unit> {
    let (unit, _) = lexicon().get(name)?.unit.as_ref()?;
    (unit.name() == name).then(|| unit.clone())
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
