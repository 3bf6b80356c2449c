//! The word lists of this stage, built once from the one lexicon (`crate::lexicon`).

use crate::extract::actors::lexicon::{Map as HashMap, Set as HashSet};
use crate::model::EventKind;

pub(crate) use crate::lexicon::CuePosition;

/// The parsed word lists.
#[derive(Debug)]
pub struct Lexicon {
    // Hash tables for lookups only; nothing here is ever iterated into output.
    negation: HashSet<String>,
    /// Two-word negation cues ("turned down"): first word to second words.
    pairs: HashMap<String, Vec<String>>,
    antonyms: HashMap<String, Vec<String>>,
    events: HashMap<String, EventKind>,
    /// Source cues as folded word sequences.
    pub sources: Vec<(Vec<String>, CuePosition)>,
}

impl Lexicon {
    fn parse() -> Lexicon {
        use crate::lexicon::{Lexicon as One, NegationClass};
        let one = One::get();
        let mut negation = HashSet::default();
        let mut pairs: HashMap<String, Vec<String>> = HashMap::default();
        // Contractions are split into a verb and "not" before lookup, so the comparison
        // reads particles, prepositions and rejection verbs.
        for (words, class) in one.negation.iter() {
            if *class == NegationClass::Contraction {
                continue;
            }
            match words.as_slice() {
                [w] => {
                    negation.insert(w.to_string());
                }
                [w, x] => pairs.entry(w.to_string()).or_default().push(x.to_string()),
                _ => {}
            }
        }
        let antonyms = one
            .antonyms
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|w| w.to_string()).collect()))
            .collect();
        let events = one
            .events
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        let sources = one
            .sources
            .iter()
            .map(|(w, pos)| (w.iter().map(|x| x.to_string()).collect(), *pos))
            .collect();
        Lexicon {
            negation,
            pairs,
            antonyms,
            events,
            sources,
        }
    }

    /// The lexicon, parsed once per call site that needs it (cheap: a few hundred lines).
    pub fn get() -> &'static Lexicon {
        static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEX.get_or_init(Lexicon::parse)
    }

    /// Whether the folded word `w`, followed by `next`, negates: a one-word cue ("not",
    /// "rejected"), or the first word of a two-word one ("turned down").
    pub fn negates(&self, w: &str, next: Option<&str>) -> bool {
        self.negation.contains(w)
            || next.is_some_and(|n| {
                self.pairs
                    .get(w)
                    .is_some_and(|xs| xs.iter().any(|x| x == n))
            })
    }

    /// The antonyms of a folded word (none for most words).
    pub fn antonyms_of(&self, w: &str) -> &[String] {
        self.antonyms.get(w).map_or(&[], |v| v.as_slice())
    }

    /// Whether two folded words are antonyms.
    pub fn are_antonyms(&self, a: &str, b: &str) -> bool {
        self.antonyms
            .get(a)
            .is_some_and(|xs| xs.iter().any(|x| x == b))
    }

    /// The event kind a folded word triggers.
    pub fn event_kind(&self, w: &str) -> Option<EventKind> {
        self.events.get(w).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let l = Lexicon::get();
        assert!(l.negates("not", None) && l.negates("never", None) && !l.negates("note", None));
        assert!(l.negates("turned", Some("down")) && !l.negates("turned", Some("up")));
        assert!(l.are_antonyms("rose", "fell") && l.are_antonyms("fell", "rose"));
        assert!(l.are_antonyms("approved", "rejected"));
        assert!(!l.are_antonyms("rose", "rose"));
        assert_eq!(l.event_kind("met"), Some(EventKind::Meeting));
        assert!(l.sources.iter().any(|(w, _)| w == &["according", "to"]));
    }
}
