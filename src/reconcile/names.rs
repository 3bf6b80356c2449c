//! The names a claim gives, read from its capitalized words: enough to tell two
//! sentences about two happenings apart ("shot three times in Eastgate" against "shot
//! five times in Millbrook two years ago") and to see that two sentences worded apart
//! speak of the same people and places.

use std::collections::BTreeSet;

/// The names of one claim.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Names {
    /// Its capitalized words past the first and not right after a sentence's end,
    /// folded, possessives cut; months and weekdays left out.
    words: BTreeSet<String>,
    /// Its first word, folded, when it is capitalized (a name or only a sentence's
    /// start).
    first: Option<String>,
    /// The first word is written as only a name is: a figure, a hyphen or an inner
    /// capital ("T-Mobile", "iPhone").
    first_name_like: bool,
}

/// `word` folded, its possessive cut ("Sheriff’s" is "sheriff").
fn fold(word: &str) -> String {
    let lower = word.to_lowercase();
    for end in ["'s", "’s", "'", "’"] {
        if let Some(cut) = lower.strip_suffix(end) {
            return cut.to_string();
        }
    }
    lower
}

impl Names {
    /// The names of `text`.
    pub(super) fn of(text: &str) -> Names {
        let lex = crate::lexicon::Lexicon::get();
        let mut names = Names::default();
        let mut first = true;
        let mut after_stop = false;
        for w in text.split_whitespace() {
            let core =
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '’' && c != '\'');
            let core = core.trim_start_matches(['-', '’', '\'']);
            let starts_upper = core.chars().next().is_some_and(char::is_uppercase);
            if starts_upper && first {
                names.first = Some(fold(core));
                names.first_name_like = core.chars().any(|c| c.is_ascii_digit() || c == '-')
                    || core.chars().skip(1).any(char::is_uppercase);
            } else if starts_upper && !after_stop && core.chars().count() > 1 {
                let folded = fold(core);
                if !(lex.is_weekday_name(&folded) || lex.is_month_name(&folded)) {
                    names.words.insert(folded);
                }
            }
            if !core.is_empty() {
                first = false;
            }
            after_stop = w.ends_with(['.', '!', '?', ':']) && !starts_upper;
        }
        names
    }

    /// How many names two claims share: the capitalized words past the first, and a
    /// first word that the other gives past its first, or that both start with when
    /// it is written as only a name is.
    pub(super) fn shared(&self, other: &Names) -> usize {
        let mut n = self.words.intersection(&other.words).count();
        match (&self.first, &other.first) {
            (Some(a), Some(b)) if a == b => n += usize::from(self.first_name_like),
            (a, b) => {
                n += usize::from(a.as_ref().is_some_and(|a| other.words.contains(a)));
                n += usize::from(b.as_ref().is_some_and(|b| self.words.contains(b)));
            }
        }
        n
    }

    /// Whether the two claims each name someone or something past their first word and
    /// share no name at all: two sentences about two happenings.
    pub(super) fn apart(&self, other: &Names) -> bool {
        !self.words.is_empty() && !other.words.is_empty() && self.shared(other) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_past_the_first_word_possessives_cut() {
        let n = Names::of(
            "Police said Sheriff’s deputies found Ortiz's car in Hawaiian Gardens on Friday.",
        );
        let want: BTreeSet<String> = ["sheriff", "ortiz", "hawaiian", "gardens"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(n.words, want);
        assert_eq!(n.first.as_deref(), Some("police"));
    }

    #[test]
    fn apart_only_when_both_name_and_share_nothing() {
        let a = Names::of("Brennan was shot three times by officers in Eastgate on Saturday.");
        let b = Names::of("Tomas Reyes was shot five times by officers in Millbrook.");
        let c = Names::of("Officers in Eastgate shot Brennan five times.");
        let d = Names::of("He was shot five times.");
        assert!(a.apart(&b));
        assert!(!a.apart(&c));
        assert!(!a.apart(&d));
        // a first word the other gives past its first is shared
        let e = Names::of("Sheriff deputies were at the scene in Lakewood.");
        let f = Names::of("The deputy was with the Sheriff’s unit in Norwalk.");
        assert_eq!(e.shared(&f), 1);
        assert!(!e.apart(&f));
    }

    #[test]
    fn a_first_word_written_as_a_name_counts_when_both_start_with_it() {
        let a = Names::of("T-Mobile will launch the Curve in February.");
        let b = Names::of("T-Mobile is expected to launch the Curve in March.");
        assert_eq!(a.shared(&b), 2);
        let c = Names::of("The Curve will launch in February.");
        let d = Names::of("The Curve is expected in March.");
        assert_eq!(c.shared(&d), 1);
    }
}
