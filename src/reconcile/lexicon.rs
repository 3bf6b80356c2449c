//! The word lists of this stage, compiled in from `data/reconcile/*.txt`.

use crate::extract::actors::lexicon::{Map as HashMap, Set as HashSet};
use crate::model::EventKind;

const NEGATION: &str = include_str!("../../data/reconcile/negation.txt");
const ANTONYMS: &str = include_str!("../../data/reconcile/antonyms.txt");
const EVENTS: &str = include_str!("../../data/reconcile/events.txt");
const SOURCES: &str = include_str!("../../data/reconcile/sources.txt");

fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Where a source cue stands relative to the source it introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CuePosition {
    /// "according to X".
    Before,
    /// "X reported".
    After,
}

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
        let mut negation = HashSet::default();
        let mut pairs: HashMap<String, Vec<String>> = HashMap::default();
        for line in entries(NEGATION) {
            let mut it = line.split_whitespace().map(str::to_lowercase);
            match (it.next(), it.next()) {
                (Some(w), None) => {
                    negation.insert(w);
                }
                (Some(w), Some(x)) => {
                    pairs.entry(w).or_default().push(x);
                }
                _ => {}
            }
        }
        let mut antonyms: HashMap<String, Vec<String>> = HashMap::default();
        for line in entries(ANTONYMS) {
            let mut it = line.split_whitespace();
            if let (Some(a), Some(b)) = (it.next(), it.next()) {
                let (a, b) = (a.to_lowercase(), b.to_lowercase());
                antonyms.entry(a.clone()).or_default().push(b.clone());
                antonyms.entry(b).or_default().push(a);
            }
        }
        let mut events = HashMap::default();
        for line in entries(EVENTS) {
            let mut it = line.split_whitespace();
            if let (Some(w), Some(k)) = (it.next(), it.next()) {
                let kind = match k {
                    "statement" => EventKind::Statement,
                    "publication" => EventKind::Publication,
                    "meeting" => EventKind::Meeting,
                    "visit" => EventKind::Visit,
                    "agreement" => EventKind::Agreement,
                    _ => EventKind::Other,
                };
                events.entry(w.to_lowercase()).or_insert(kind);
            }
        }
        let sources = entries(SOURCES)
            .map(|l| match l.strip_prefix('<') {
                Some(rest) => (words_of(rest), CuePosition::After),
                None => (words_of(l), CuePosition::Before),
            })
            .filter(|(w, _)| !w.is_empty())
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

fn words_of(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
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
