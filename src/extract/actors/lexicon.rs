//! What actor and quote extraction reads from the one lexicon ([`crate::lexicon`])
//! beyond the flags every token carries: the reporting phrases that attribute
//! quotations, and the hash-map types of this stage and of resolution.

use crate::lexicon::cue_use;
pub(crate) use crate::lexicon::{flag, CueKind, Head, Lexicon, ReportingCue};

/// A hash map with the crate's fast string hasher: lookups only, never iterated into
/// output.
pub(crate) type Map<K, V> = rustc_hash::FxHashMap<K, V>;
/// A hash set with the crate's fast string hasher.
pub(crate) type Set<K> = rustc_hash::FxHashSet<K>;

/// Whether a word qualifies a role only vaguely ("the top official", "a senior leader",
/// "the country's leader"): such a description still fits any holder of a leading role,
/// where "the opposition leader" names a role of its own (`data/actors/vague_qualifiers.txt`).
pub(crate) fn vague_qualifier(w: &str) -> bool {
    Lexicon::get().is(w, flag::VAGUE_QUALIFIER)
}

/// The reporting phrases that attribute quotations and start with the lower-case word
/// `first`, longest first.
pub(crate) fn quote_cues(first: &str) -> impl Iterator<Item = &'static ReportingCue> {
    Lexicon::get()
        .reporting
        .starting_with(first)
        .map(|(_, cue)| cue)
        .filter(|cue| cue.uses & cue_use::QUOTE != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_cues_longest_first() {
        let said: Vec<&[&str]> = quote_cues("according")
            .map(|c| c.words.as_slice())
            .collect();
        assert_eq!(said.first().copied(), Some(&["according", "to"][..]));
        assert!(quote_cues("said").any(|c| c.kind == CueKind::Verb && c.words == ["said"]));
        assert_eq!(quote_cues("zzqx").count(), 0);
        let lex = Lexicon::get();
        assert!(lex.is("said", flag::QUOTE_CUE) && lex.is("xi", flag::FAMILY_FIRST));
    }
}
