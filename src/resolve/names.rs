//! People's names, normalized for comparison: family and given names (family name
//! first where the name reads so), accents folded, and the spelling skeletons that let
//! transliteration variants agree (Zelenskyy / Zelensky).

/// A person's name, normalized.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct PersonName {
    /// The given names, lower case, folded.
    pub given: Vec<String>,
    /// The family name, lower case, folded.
    pub family: String,
    /// Read family name first ("Xi Jinping").
    pub family_first: bool,
}

/// `s` lower-cased with accents folded and everything but letters, digits and
/// hyphens dropped ("Zelenskyy’s" -> "zelenskyys").
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let f = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'ñ' | 'ń' => 'n',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ý' => 'y',
            'ř' => 'r',
            c if c.is_alphanumeric() || c == '-' => c,
            _ => continue,
        };
        out.push(f);
    }
    out
}

/// A spelling skeleton for transliteration variants: doubled letters collapse and
/// common endings of Slavic names agree (Zelenskyy / Zelensky / Zelenskiy).
pub(super) fn skeleton(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.chars().filter(|c| *c != '-') {
        if Some(c) != prev {
            out.push(c);
        }
        prev = Some(c);
    }
    for (from, to) in [
        ("skiy", "sky"),
        ("skii", "sky"),
        ("skij", "sky"),
        ("kh", "h"),
        ("ck", "k"),
    ] {
        if out.ends_with(from) {
            out.truncate(out.len() - from.len());
            out.push_str(to);
        }
    }
    out
}

/// The shortest spelling skeleton, in bytes, of two family names that one edit apart
/// are still one name (Zelenskyy / Zelenskiy); shorter names must match exactly ("Li"
/// is not "Liu").
const FAMILY_EDIT_MIN_BYTES: usize = 6;
/// The shortest first given name, in characters, that one edit apart is still the same
/// name.
const GIVEN_EDIT_MIN_CHARS: usize = 5;

/// Whether two folded family names are one: equal, or transliteration variants.
pub(super) fn family_eq(a: &str, b: &str) -> bool {
    a == b || skeleton_eq(a, &skeleton(a), b, &skeleton(b))
}

/// [`family_eq`] with the skeletons already made.
pub(super) fn skeleton_eq(a: &str, x: &str, b: &str, y: &str) -> bool {
    crate::work::tick(1);
    a == b
        || x == y
        || (x.len() >= FAMILY_EDIT_MIN_BYTES
            && y.len() >= FAMILY_EDIT_MIN_BYTES
            && x.len().abs_diff(y.len()) <= 1
            && x.as_bytes()[0] == y.as_bytes()[0]
            && strsim::levenshtein(x, y) <= 1)
}

/// Whether two lists of given names agree: their first names are equal, variants, or
/// (five letters or more) one edit apart.
pub(super) fn given_eq(a: &[String], b: &[String]) -> bool {
    crate::work::tick(1);
    match (a.first(), b.first()) {
        (Some(x), Some(y)) => {
            x == y
                || skeleton(x) == skeleton(y)
                || (x.chars().count() >= GIVEN_EDIT_MIN_CHARS && strsim::levenshtein(x, y) <= 1)
        }
        _ => false,
    }
}

/// `s` with its `i`-th character left out, for each `i`.
fn deletions(s: &str) -> impl Iterator<Item = String> + '_ {
    s.char_indices().map(|(i, c)| {
        let mut d = String::with_capacity(s.len());
        d.push_str(&s[..i]);
        d.push_str(&s[i + c.len_utf8()..]);
        d
    })
}

/// Blocking keys of a folded family name: two family names that are one
/// ([`family_eq`]) share at least one key, so only names sharing a key need comparing.
/// The keys are the skeleton and, for a skeleton long enough to allow an edit, the
/// skeleton with each character left out (two strings one edit apart share one of
/// these).
pub(super) fn family_keys(family: &str) -> Vec<String> {
    let x = skeleton(family);
    let mut keys: Vec<String> = if x.len() >= FAMILY_EDIT_MIN_BYTES {
        deletions(&x).collect()
    } else {
        Vec::new()
    };
    keys.push(x);
    keys.sort();
    keys.dedup();
    keys
}

/// Blocking keys of a first given name: two first names that agree ([`given_eq`])
/// share at least one key. The keys are the skeleton, the name, and (for a name long
/// enough to be one edit from a name that allows edits) the name with each character
/// left out; the first byte keeps the kinds apart.
pub(super) fn given_keys(given: &str) -> Vec<String> {
    let mut keys = vec![format!("s{}", skeleton(given)), format!("e{given}")];
    if given.chars().count() + 1 >= GIVEN_EDIT_MIN_CHARS {
        keys.extend(deletions(given).map(|d| format!("e{d}")));
    }
    keys.sort();
    keys.dedup();
    keys
}

/// The normalized form of a person's name as written ("Xi Jinping", "Antony Blinken"),
/// `None` when it has no letters.
pub(super) fn person_name(name: &str) -> Option<PersonName> {
    let mut parts: Vec<String> = name
        .split(|c: char| c.is_whitespace())
        .map(fold)
        .filter(|p| !p.is_empty())
        .collect();
    match parts.len() {
        0 => None,
        1 => Some(PersonName {
            given: vec![],
            family: parts.pop().unwrap_or_default(),
            family_first: false,
        }),
        _ => {
            if crate::extract::actors::reads_family_first(&parts) {
                let family = parts.remove(0);
                Some(PersonName {
                    given: parts,
                    family,
                    family_first: true,
                })
            } else {
                let family = parts.pop().unwrap_or_default();
                Some(PersonName {
                    given: parts,
                    family,
                    family_first: false,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_family_first() {
        let p = person_name("Xi Jinping").unwrap();
        assert_eq!(p.family, "xi");
        let p = person_name("Antony Blinken").unwrap();
        assert_eq!(p.family, "blinken");
    }

    #[test]
    fn names_that_are_one_share_a_key() {
        let share = |a: &[String], b: &[String]| a.iter().any(|k| b.contains(k));
        for (a, b) in [
            ("zelensky", "zelenskyy"),
            ("zelenskiy", "zelensky"),
            ("lukashenko", "lukashenka"),
            ("xi", "xi"),
        ] {
            assert!(family_eq(a, b));
            assert!(share(&family_keys(a), &family_keys(b)), "{a} {b}");
        }
        for (a, b) in [("jinping", "jinpeng"), ("antony", "anthony"), ("yi", "yi")] {
            assert!(given_eq(&[a.into()], &[b.into()]));
            assert!(share(&given_keys(a), &given_keys(b)), "{a} {b}");
        }
    }

    #[test]
    fn transliteration_variants() {
        assert!(family_eq("zelensky", "zelenskyy"));
        assert!(family_eq("zelenskiy", "zelensky"));
        assert!(!family_eq("li", "liu"));
        assert!(!given_eq(&["yi".into()], &["wenbin".into()]));
    }
}
