//! A light English stemmer: an irregular-verb table, then suffix rules. Lexicon
//! entries and text go through the same rules, so they meet however a word is inflected.

use super::lexicon::Lexicon;

/// Words of at most this many characters are kept as they are ("bus", "was"); a plural
/// "-s" and a final "-e" come off only longer words.
const MAX_UNSTEMMED_CHARS: usize = 3;
/// "-ies" becomes "-y" when at least this many bytes remain ("parties"; not "ties").
const MIN_IES_ROOT: usize = 2;
/// An `-ed`, `-ing` or `-ation` ending comes off only when this many bytes, one of them
/// a vowel, remain ("shed", "ring" and "nation" stay).
const MIN_ROOT: usize = 3;
/// "-our" becomes "-or" ("honour", "labour") only in words of at least this many bytes
/// ("four", "tour", "pour" stay).
const MIN_OUR_WORD: usize = 6;

impl Lexicon {
    /// Light English stemming: irregular verb table, then suffix rules. `word` is
    /// lower-case. Deterministic and idempotent enough for matching (the same rules
    /// apply to lexicon entries and text).
    pub(super) fn stem(&self, word: &str) -> String {
        let w = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix('\''))
            .unwrap_or(word);
        if let Some(base) = self.irregular.get(w) {
            return strip_e(base.to_string());
        }
        if w.chars().count() <= MAX_UNSTEMMED_CHARS || !w.is_ascii() {
            return w.to_string();
        }
        let mut s = w.to_string();
        // plurals and third person
        if let Some(r) = s.strip_suffix("ies") {
            if r.len() >= MIN_IES_ROOT {
                s = format!("{r}y");
            }
        } else if s.ends_with("sses") || s.ends_with("shes") || s.ends_with("ches") {
            s.truncate(s.len() - 2);
        } else if s.ends_with('s')
            && !s.ends_with("ss")
            && !s.ends_with("us")
            && !s.ends_with("is")
            && s.len() > MAX_UNSTEMMED_CHARS
        {
            s.pop();
        }
        // past and progressive
        for suf in ["ed", "ing"] {
            if s.ends_with(suf) && !s.ends_with("eed") {
                let r = &s[..s.len() - suf.len()];
                if r.len() >= MIN_ROOT && r.bytes().any(is_vowel) {
                    let mut r = r.to_string();
                    if suf == "ed" && r.ends_with('i') {
                        r.pop();
                        r.push('y');
                    }
                    let b = r.as_bytes();
                    let n = b.len();
                    if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') {
                        r.pop();
                    }
                    s = r;
                }
                break;
            }
        }
        if let Some(r) = s.strip_suffix("iz") {
            s = format!("{r}is");
        } else if let Some(r) = s.strip_suffix("ize") {
            s = format!("{r}ise");
        }
        if s.len() >= MIN_OUR_WORD {
            if let Some(r) = s.strip_suffix("our") {
                s = format!("{r}or");
            }
        }
        // the -ation noun of a verb: "elevation" as "elevate", "escalation" as "escalate"
        if let Some(r) = s.strip_suffix("ation") {
            if r.len() >= MIN_ROOT && r.bytes().any(is_vowel) {
                s = format!("{r}ate");
            }
        }
        strip_e(s)
    }
}

fn strip_e(mut s: String) -> String {
    if s.len() > MAX_UNSTEMMED_CHARS && s.ends_with('e') && !s.ends_with("ee") {
        s.pop();
    }
    s
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}
