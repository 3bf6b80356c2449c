//! Which naming order a person's name follows.
//!
//! Chinese, Korean and Vietnamese names put the family name first ("Xi Jinping": family
//! name Xi), but a listed family name is not proof: "Wei" or "Lee" also start Western
//! names. A name is read family-first only when its first part is a listed family name
//! *and* the rest looks like a given name of that tradition: pinyin syllables
//! ("Jinping", "Wenbin", "Yi"), a hyphenated given name ("Jae-in", "Kai-shek") or two
//! short parts ("Jong Un", "Xuan Phuc").

use super::lexicon::{flag, Lexicon};

/// Pinyin initials, longest first so that "zh" is tried before "z".
const INITIALS: [&str; 24] = [
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w", "",
];

/// Pinyin finals (with `v` for ü), longest first.
const FINALS: [&str; 36] = [
    "iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "ai",
    "ei", "ui", "ao", "ou", "iu", "ie", "ve", "ue", "er", "an", "en", "in", "un", "ia", "ua", "uo",
    "a", "o", "e", "i", "u", "v", "ng",
];

/// Whether `s` (lower case) splits into one to three pinyin syllables.
fn pinyin(s: &str, syllables: usize) -> bool {
    if s.is_empty() {
        return syllables > 0;
    }
    if syllables == 3 {
        return false;
    }
    INITIALS.iter().any(|i| {
        s.strip_prefix(i).is_some_and(|rest| {
            FINALS.iter().any(|f| {
                rest.strip_prefix(f).is_some_and(|tail| {
                    (!i.is_empty() || *f != "ng") && pinyin(tail, syllables + 1)
                })
            })
        })
    })
}

/// Whether the name made of `parts` (folded to lower case, titles removed) is read
/// family name first.
///
/// ```
/// use corroborate::extract::actors::reads_family_first;
/// assert!(reads_family_first(&["xi", "jinping"]));
/// assert!(reads_family_first(&["wang", "yi"]));
/// assert!(reads_family_first(&["moon", "jae-in"]));
/// assert!(reads_family_first(&["kim", "jong", "un"]));
/// assert!(!reads_family_first(&["wei", "paovwart"]));
/// assert!(!reads_family_first(&["antony", "blinken"]));
/// ```
pub fn reads_family_first<S: AsRef<str>>(parts: &[S]) -> bool {
    let Some((first, given)) = parts.split_first() else {
        return false;
    };
    if given.is_empty() || given.len() > 2 || !Lexicon::get().is(first.as_ref(), flag::FAMILY_FIRST)
    {
        return false;
    }
    let all_pinyin = given
        .iter()
        .all(|g| g.as_ref().split('-').all(|p| p.is_ascii() && pinyin(p, 0)));
    let hyphenated = given.len() == 1 && given[0].as_ref().contains('-');
    let two_short = given.len() == 2 && given.iter().all(|g| g.as_ref().chars().count() <= 5);
    all_pinyin || hyphenated || two_short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_syllables() {
        for s in [
            "jinping", "wenbin", "keqiang", "zhanshu", "yi", "gang", "qiang", "er", "xiaoping",
        ] {
            assert!(pinyin(s, 0), "{s}");
        }
        for s in ["paovwart", "trengla", "john", "blinken", "stephen"] {
            assert!(!pinyin(s, 0), "{s}");
        }
    }

    #[test]
    fn orders() {
        assert!(reads_family_first(&["li", "keqiang"]));
        assert!(reads_family_first(&["nguyen", "xuan", "phuc"]));
        assert!(!reads_family_first(&["xi"]));
        assert!(!reads_family_first(&["lee", "anderson"]));
    }
}
