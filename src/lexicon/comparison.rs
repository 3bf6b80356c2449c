//! The lists only comparison reads: what a name is made of when two parties are
//! compared (occupations before a name, corporate suffixes, the words of generic
//! bodies), and the house-style forms of a quotation's words.

use super::{files, format, Record};
use rustc_hash::{FxHashMap, FxHashSet};

/// Where a word of a generic body may stand (`data/actors/generic_bodies.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum GenericWord {
    /// A noun that names a kind of source ("officials", "media"): it may end the name.
    Noun,
    /// A word before such a noun ("state", "senior").
    Qualifier,
}

/// The lists of comparison.
#[derive(Debug, Default)]
pub(crate) struct ComparisonLists {
    /// Occupations standing before a name as a title, lower case, words joined by one
    /// space.
    pub occupations: FxHashSet<String>,
    /// Occupations that are another word for one listed before ("lawyer" to
    /// "attorney"), lower case.
    pub same_occupation: FxHashMap<String, String>,
    /// Words that end a company's name ("inc", "ltd").
    pub corporate_suffixes: FxHashSet<&'static str>,
    /// The words of generic bodies and where each may stand.
    pub generic_words: FxHashMap<&'static str, GenericWord>,
    /// British spellings to their American form.
    pub british: FxHashMap<&'static str, &'static str>,
    /// The endings of web addresses ("com", "org").
    pub domains: FxHashSet<&'static str>,
}

fn records(path: &'static str) -> Vec<Record<'static>> {
    // `every_file_parses` proves each compiled-in file well formed.
    format::parse(path, files::contents(path)).unwrap_or_default()
}

impl ComparisonLists {
    pub(super) fn build() -> ComparisonLists {
        let mut lists = ComparisonLists {
            occupations: records("actors/occupations.txt")
                .iter()
                .map(|r| super::lower_phrase(r, 0))
                .collect(),
            corporate_suffixes: records("actors/corporate_suffixes.txt")
                .iter()
                .map(Record::key)
                .collect(),
            ..ComparisonLists::default()
        };
        for r in records("actors/occupations.txt") {
            if !r.get(1).is_empty() {
                let same = r.get(1).split(' ').map(super::fold).collect::<Vec<_>>();
                lists
                    .same_occupation
                    .insert(super::lower_phrase(&r, 0), same.join(" "));
            }
        }
        for r in records("actors/generic_bodies.txt") {
            let class = match r.get(1) {
                "noun" => GenericWord::Noun,
                _ => GenericWord::Qualifier,
            };
            lists.generic_words.entry(r.key()).or_insert(class);
        }
        for r in records("meaning/house_style.txt") {
            match r.get(1) {
                "british" => {
                    lists.british.insert(r.key(), r.get(2));
                }
                _ => {
                    lists.domains.insert(r.key());
                }
            }
        }
        lists
    }
}
