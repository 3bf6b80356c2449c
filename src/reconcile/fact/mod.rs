//! The facts a claim states, read with a light syntax of our own (rules over word
//! shapes and the lexicon, no model): each time tied to the verb it modifies and marked
//! as the time of the happening or of the report ("police said Wednesday"); each number
//! and length of time tied to what it counts ("five people", "magnitude of 6.1",
//! "26-year-old") and to its verb; each verb with its subject and whether it is asserted
//! or only planned ("scheduled to face"); and whether the claim is a sentence at all or
//! a headline or a time stamp. Read once per member claim, linear in its words;
//! comparison then sets side by side only facts that correspond.

mod amounts;
mod conflict;
mod correspond;
mod merge;
mod negation;
mod owner;
mod shape;
mod syntax;
mod times;

pub use amounts::Amount;
pub(super) use conflict::written_alike;
pub use conflict::{date, quantity};
pub(super) use correspond::phase;
pub use correspond::{report_precedes, shapes_meet};
pub(super) use merge::unbridged;
pub use negation::{
    denial_against_another_predicate, denies_only_a_plan, doers, names, negates, planned,
    subjects_apart, themes,
};
pub use owner::Owner;
pub use shape::Shape;
pub use syntax::Syntax;
pub use times::{TimeFact, TimeRole};

use super::words::Word;
use crate::model::{Claim, Document, Quantity, Span, TimeExpr};

/// The verb a time or number belongs to, with its subject.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Tie {
    /// The verb's canonical form ("hit" for "struck"), when the verb carries a fact of
    /// its own (not "be", "have", "do").
    pub predicate: Option<String>,
    /// The verb is one of saying ("said", "told"): the time is the report's.
    pub reporting: bool,
    /// The verb is planned or conditional ("scheduled to face", "would provide").
    pub irrealis: bool,
    /// The head of the verb's subject, folded ("police", "quake").
    pub subject: Option<String>,
    /// The subject is a name ("the Orioles", "Reyes"), not a common noun: two names
    /// tell two actors apart, two common nouns may be one thing reworded ("the quake",
    /// "the tremor").
    pub subject_named: bool,
    /// The verb is in the future or planned ("will reopen", "would reopen", "is to be
    /// sentenced"): its day may follow the day it was announced.
    pub future: bool,
}

/// Words before a verb (through its auxiliaries) that put it in the future.
const FUTURE_MARKS: &[&str] = &["will", "would", "shall", "to", "ll"];

/// Verbs that carry no fact of their own: comparing by them says nothing.
const LIGHT_VERBS: &[&str] = &["be", "have", "do", "get", "make", "take", "give"];

impl Tie {
    /// The tie of the word at `at`, read from `syntax`. A number (`counted`) that a verb
    /// of saying precedes belongs to the content verb after it, if there is one.
    fn of(syntax: &Syntax, words: &[Word<'_>], at: usize, counted: bool) -> Tie {
        let Some(mut v) = syntax.predicate_of(at) else {
            return Tie::default();
        };
        if counted && syntax.roles[v].reporting {
            v = syntax.content_verb_after(at).unwrap_or(v);
        }
        let role = syntax.roles[v];
        let lemma = crate::claims::canonical_word(&words[v].norm);
        let predicate = (!LIGHT_VERBS.contains(&lemma.as_str())).then_some(lemma);
        let subject_at = syntax.subject_of(words, v);
        let subject = subject_at.map(|s| words[s].norm.trim_end_matches("'s").to_string());
        let subject_named = subject_at.is_some_and(|s| syntax.roles[s].cap);
        let chain = words[..v].iter().rev().take_while(|w| {
            syntax::AUX.contains(&w.norm.as_ref()) || syntax::ADVERBS.contains(&w.norm.as_ref())
        });
        let future = role.irrealis
            || chain
                .into_iter()
                .any(|w| FUTURE_MARKS.contains(&w.norm.as_ref()));
        Tie {
            predicate,
            reporting: role.reporting,
            irrealis: role.irrealis,
            subject,
            subject_named,
            future,
        }
    }

    /// Whether two ties can belong to one fact: their verbs are the same when both are
    /// known (if `verbs` asks; verbs of saying vary freely), and their subjects are the
    /// same when both are names, unless one claim names the other's subject somewhere
    /// (a passive, a reordering). With `reworded` (the verbs of each claim), two
    /// different verbs keep the facts apart only when one claim also has the other's
    /// verb ("killing four, injuring dozens" against "killed one, injured dozens"); else
    /// they may be one act in other words ("financed" and "funded"), unless their
    /// subjects are two names.
    pub fn corresponds(
        &self,
        other: &Tie,
        verbs: bool,
        reworded: Option<(&[String], &[String])>,
        mine: &[Word<'_>],
        theirs: &[Word<'_>],
    ) -> bool {
        let mut other_verb = false;
        if let (true, Some(p), Some(q)) = (verbs, &self.predicate, &other.predicate) {
            let apart = match reworded {
                Some((vm, vt)) => vt.binary_search(p).is_ok() || vm.binary_search(q).is_ok(),
                None => true,
            };
            if p != q && apart {
                return false;
            }
            other_verb = p != q;
        }
        if let (Some(s), Some(t), true, true) = (
            &self.subject,
            &other.subject,
            self.subject_named,
            other.subject_named,
        ) {
            let named =
                |w: &str, ws: &[Word<'_>]| ws.iter().any(|x| x.norm.trim_end_matches("'s") == w);
            // with two verbs, two names are two actors even when each claim names both
            // ("the Falcons offered Ruiz" / "Ruiz is seeking")
            if s != t && (other_verb || (!named(s, theirs) && !named(t, mine))) {
                return false;
            }
        }
        true
    }

    /// Whether the verb does something ("killed", "offered"), not only links a thing
    /// to what it is ("is home to", "had").
    pub fn acts(&self) -> bool {
        self.predicate
            .as_deref()
            .is_some_and(|p| !syntax::AUX.contains(&p) && !LIGHT_VERBS.contains(&p))
    }

    /// A short key for classes of identical members.
    pub fn key(&self) -> String {
        format!(
            "{}{}{}{}/{}{}",
            self.predicate.as_deref().unwrap_or("?"),
            if self.reporting { "!" } else { "" },
            if self.irrealis { "~" } else { "" },
            if self.future { ">" } else { "" },
            self.subject.as_deref().unwrap_or("?"),
            if self.subject_named { "^" } else { "" }
        )
    }
}

/// What a claim states, beyond its words.
#[derive(Debug, Default)]
pub struct Frame<'a> {
    /// A sentence, a headline or a time stamp.
    pub shape: Shape,
    /// One per time of the claim (`Facts::times`), in the same order.
    pub times: Vec<TimeFact>,
    /// Its numbers and lengths of time, in offset order, without numbers that are part
    /// of a time.
    pub amounts: Vec<Amount<'a>>,
    /// The canonical forms of its verbs that carry a fact, sorted and deduplicated.
    pub verbs: Vec<String>,
}

/// What [`Frame::read`] reads: the claim, its words and what the earlier stages found
/// inside it.
pub struct Parts<'p, 'a> {
    /// The document.
    pub doc: &'a Document,
    /// The claim.
    pub claim: &'a Claim,
    /// The claim's words.
    pub words: &'p [Word<'a>],
    /// Its dates and times of day (not vague), in offset order.
    pub times: &'p [&'a TimeExpr],
    /// Its lengths of time ("26-year-old", "seven years").
    pub durations: &'p [&'a TimeExpr],
    /// Its quantities outside times, in offset order.
    pub quantities: &'p [&'a Quantity],
    /// Its direct quotations.
    pub quotes: &'p [Span],
}

impl<'a> Frame<'a> {
    /// Reads the facts of one claim.
    pub fn read(p: &Parts<'_, 'a>) -> Frame<'a> {
        let text = p.doc.text.as_str();
        let shape = Shape::of(text, p.doc, p.claim, p.words, p.times, p.quantities);
        let mut items: Vec<Span> = p.times.iter().map(|t| t.span).collect();
        items.extend(p.quantities.iter().map(|q| q.span));
        items.extend(p.durations.iter().map(|t| t.span));
        let syntax = Syntax::read(
            text,
            p.words,
            &items,
            p.quotes,
            p.claim.cue,
            shape == Shape::Headline,
        );
        let times = times::read(p, &syntax);
        let amounts = amounts::read(p, &syntax);
        let mut verbs: Vec<String> = (0..p.words.len())
            .filter(|&k| syntax.roles[k].verb && !syntax.roles[k].reporting)
            .map(|k| crate::claims::canonical_word(&p.words[k].norm))
            .filter(|v| !LIGHT_VERBS.contains(&v.as_str()))
            .collect();
        verbs.sort_unstable();
        verbs.dedup();
        Frame {
            shape,
            times,
            amounts,
            verbs,
        }
    }
}

/// The index of the first word of `words` that overlaps `span` (or the first after it).
fn word_at(words: &[Word<'_>], span: Span) -> usize {
    words.partition_point(|w| w.span.end <= span.start)
}
