//! Salient mentions for pronouns: which mentions "he", "she" and "it" may stand for,
//! and the persons that open clauses or speak, in text order, so that the antecedent
//! of a pronoun is the latest fitting one before it.

use super::frame::Frame;
use crate::extract::actors::{Gender, MentionForm};
use crate::model::ActorKind;

/// How many sentence frames back a pronoun looks for the subject of a clause or a
/// speaker before it settles for any salient mention: a pronoun that opens a quote's
/// attribution mostly stands for the subject of one of the last few sentences.
const PRONOUN_SUBJECT_UNITS: usize = 4;
/// How many pronouns opening clauses one after another ("She spoke. She left. She
/// said ...") a pronoun follows back to the name that starts them.
const PRONOUN_CHAIN_LINKS: usize = 12;

/// Which pronouns a mention can be the antecedent of.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Pronoun {
    /// "he", "him": a person not known to be female.
    He,
    /// "she", "her": a person not known to be male.
    She,
    /// "it": a body or a document.
    It,
}

impl Pronoun {
    pub(super) const ALL: [Pronoun; 3] = [Pronoun::He, Pronoun::She, Pronoun::It];

    pub(super) fn of(word: &str) -> Option<Pronoun> {
        match word {
            "he" | "him" => Some(Pronoun::He),
            "she" | "her" => Some(Pronoun::She),
            "it" => Some(Pronoun::It),
            _ => None,
        }
    }

    /// Whether mention `m` can be what this pronoun stands for.
    pub(super) fn fits(self, m: &crate::extract::actors::LocalMention) -> bool {
        let person = |g: Gender| m.kind == ActorKind::Person && m.gender.is_none_or(|x| x == g);
        match self {
            Pronoun::He => person(Gender::Male),
            Pronoun::She => person(Gender::Female),
            Pronoun::It => m.kind != ActorKind::Person && m.form != MentionForm::Place,
        }
    }
}

/// Salient mentions for pronouns: persons in subject position and bodies, outside
/// quotations, and the speakers of cues as they are found; per pronoun, so the latest
/// fitting one before a pronoun is one binary search away.
#[derive(Default)]
pub(super) struct Salient {
    /// Per pronoun, the subjects as (first token, mention), in order.
    subjects: [Vec<(usize, usize)>; 3],
    /// Per pronoun, the mentions that open a sentence or a coordinated clause ("Trump
    /// also offered ...", "..., but Christie wasn't having it"), in order.
    clause_subjects: [Vec<(usize, usize)>; 3],
    /// Per pronoun ("he", "she"), the tokens where it opens a clause outside quotations:
    /// links of a chain back to the name it continues ("Sanders spoke. He vowed ...").
    clause_pronouns: [Vec<usize>; 2],
    /// Per pronoun, the cue speakers as (first token, mention), in order of first
    /// token and then of finding. Cues come in text order and a speaker stands near
    /// its cue, so an insertion lands at or near the end.
    speakers: [Vec<(usize, usize)>; 3],
}

impl Salient {
    pub(super) fn new(f: &Frame) -> Salient {
        let mut s = Salient::default();
        let lone = lone_names(f);
        for (mi, m) in f.mentions.iter().enumerate() {
            let (a, _) = f.mention_toks(mi);
            if m.quoted || !f.frame(a) || m.form == MentionForm::Place {
                continue;
            }
            if m.kind == ActorKind::Person && opens_with_no_name(f, mi) {
                continue;
            }
            if m.kind == ActorKind::Person
                && f.opens_clause(a)
                && (f.plainly_person(mi) || f.lone_name(mi, &lone))
            {
                for (k, p) in [Pronoun::He, Pronoun::She].into_iter().enumerate() {
                    if p.fits(m) {
                        s.clause_subjects[k].push((a, mi));
                    }
                }
            }
            if m.kind == ActorKind::Person && (f.object_like(a) || !f.plainly_person(mi)) {
                continue;
            }
            for (k, p) in Pronoun::ALL.into_iter().enumerate() {
                if p.fits(m) {
                    s.subjects[k].push((a, mi));
                }
            }
        }
        for list in s.subjects.iter_mut().chain(&mut s.clause_subjects) {
            list.sort_unstable();
        }
        for j in 0..f.toks.len() {
            let k = match f.lo(j) {
                "he" => 0,
                "she" => 1,
                _ => continue,
            };
            if f.frame(j) && f.opens_clause(j) {
                s.clause_pronouns[k].push(j);
            }
        }
        s
    }

    /// The latest clause subject or cue speaker before token `p` that "he" or "she"
    /// can stand for, within [`PRONOUN_SUBJECT_UNITS`] sentence frames.
    pub(super) fn latest_subject_before(
        &self,
        f: &Frame,
        pronoun: Pronoun,
        p: usize,
    ) -> Option<usize> {
        let k = [Pronoun::He, Pronoun::She]
            .iter()
            .position(|&x| x == pronoun)?;
        let last = |list: &[(usize, usize)]| {
            let upto = list.partition_point(|&(pos, _)| pos < p);
            upto.checked_sub(1).map(|i| list[i])
        };
        let mut p = p;
        for _ in 0..PRONOUN_CHAIN_LINKS {
            let best = match (last(&self.clause_subjects[k]), last(&self.speakers[k])) {
                (Some(a), Some(b)) => Some(if b.0 >= a.0 { b } else { a }),
                (a, b) => a.or(b),
            };
            let near = |q: usize| f.unit[q] + PRONOUN_SUBJECT_UNITS >= f.unit[p];
            // A pronoun opening a clause after the best name continues the chain: look
            // on from there.
            let pronouns = &self.clause_pronouns[k];
            let link = pronouns
                .partition_point(|&q| q < p)
                .checked_sub(1)
                .map(|i| pronouns[i])
                .filter(|&q| near(q) && best.is_none_or(|b| q > b.0));
            match (link, best) {
                (Some(q), _) => p = q,
                (None, Some(b)) if near(b.0) => return Some(b.1),
                _ => return None,
            }
        }
        None
    }

    /// The speaker `mi` of a cue, named from token `first` on.
    pub(super) fn add_speaker(&mut self, f: &Frame, first: usize, mi: usize) {
        for (k, p) in Pronoun::ALL.into_iter().enumerate() {
            if p.fits(&f.mentions[mi]) {
                let list = &mut self.speakers[k];
                let at = list.partition_point(|&(pos, _)| pos <= first);
                crate::work::tick(list.len() - at + 1);
                list.insert(at, (first, mi));
            }
        }
    }

    /// The latest salient mention before token `p` that `pronoun` can stand for; of a
    /// subject and a speaker at one token, the speaker.
    pub(super) fn latest_before(&self, pronoun: Pronoun, p: usize) -> Option<usize> {
        let k = Pronoun::ALL.iter().position(|&x| x == pronoun)?;
        let last = |list: &[(usize, usize)]| {
            let upto = list.partition_point(|&(pos, _)| pos < p);
            upto.checked_sub(1).map(|i| list[i])
        };
        match (last(&self.subjects[k]), last(&self.speakers[k])) {
            (Some((a, _)), Some((b, mi))) if b >= a => Some(mi),
            (Some((_, mi)), _) | (None, Some((_, mi))) => Some(mi),
            (None, None) => None,
        }
    }
}

/// The words a one-word person mention may be and still be a person's name
/// ([`Frame::lone_name`]): the last words of names the document also gives in full, two
/// or more words that plainly name a person ("Donald Trump" ... "Trump"), and words
/// named more than once ("Szlachta", "Rihanna") when at least once inside a sentence
/// and never after a preposition of place. A capitalized word that only opens
/// sentences ("Recently, ...") or that names a place ("Asmara has become ...", "back
/// in Asmara") is not one, though the mention finder takes it for a name.
pub(super) fn lone_names<'t>(f: &Frame<'t>) -> rustc_hash::FxHashSet<&'t str> {
    let mut in_full = rustc_hash::FxHashSet::default();
    let mut seen = rustc_hash::FxHashSet::default();
    let mut repeated = rustc_hash::FxHashSet::default();
    let mut inside_sentence = rustc_hash::FxHashSet::default();
    let mut after_place_word = rustc_hash::FxHashSet::default();
    for (mi, m) in f.mentions.iter().enumerate() {
        if m.kind != ActorKind::Person || m.form != MentionForm::Name {
            continue;
        }
        let (a, b) = f.mention_toks(mi);
        let w = f.toks.lower(b);
        if a < b {
            if f.plainly_person(mi) {
                in_full.insert(w);
            }
            continue;
        }
        if !seen.insert(w) {
            repeated.insert(w);
        }
        if a > f.unit_first[f.unit[a]] {
            inside_sentence.insert(w);
        }
        if a > 0
            && matches!(
                f.lo(a - 1),
                "in" | "from" | "to" | "at" | "near" | "outside"
            )
        {
            after_place_word.insert(w);
        }
    }
    for w in repeated {
        if inside_sentence.contains(w) && !after_place_word.contains(w) {
            in_full.insert(w);
        }
    }
    in_full
}

/// Words that the mention finder may take into a name when they open a sentence, but
/// that open no name ("Outside Carrier's plant", "Following Sanders's win", "Like Allen,
/// ..."): a mention starting with one is no person a pronoun stands for.
const OPENS_NO_NAME: &[&str] = &[
    "outside",
    "following",
    "regarding",
    "like",
    "unlike",
    "is",
    "was",
    "as",
    "during",
    "despite",
    "amid",
    "inside",
    "including",
    "for",
    "in",
    "at",
    "on",
    "from",
    "with",
    "after",
    "before",
    "since",
    "without",
];

/// Whether mention `mi` starts with a word that opens no name ([`OPENS_NO_NAME`]).
fn opens_with_no_name(f: &Frame, mi: usize) -> bool {
    let (a, _) = f.mention_toks(mi);
    OPENS_NO_NAME.contains(&f.lo(a))
}
