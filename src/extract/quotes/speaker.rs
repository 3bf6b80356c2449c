//! Who a reporting cue names as its speaker: the noun phrase before the cue (skipping
//! adverbs, auxiliaries and an apposition between commas), else after it ("said X"),
//! the source after "according to", the subject of the main clause for a participle;
//! pronouns go to the latest salient compatible mention.

use super::cues::Cue;
use super::frame::Frame;
use super::words::{is_function_word, is_pronoun, looks_nominal, word_lists};
use crate::extract::actors::lexicon::{flag, CueKind, Lexicon};
use crate::extract::actors::{Gender, MentionForm};
use crate::model::ActorKind;

/// How many tokens back an apposition may reach from its closing comma to the one
/// opening it ("X, the president of Belarus, said").
const APPOSITION_TOKENS: usize = 25;
/// How many words a phrase that names no known actor may have ("US officials").
const UNNAMED_PHRASE_WORDS: usize = 5;
/// How many tokens back the subject of a main clause is looked for, from a participle
/// cue (", saying") or a second verb ("X arrived and said").
const SUBJECT_SEARCH_TOKENS: usize = 60;
/// How many role words may stand between "and" and the second of two coordinated
/// names ("Xi and his Belarusian counterpart Lukashenko").
const COORDINATION_WORDS: usize = 6;
/// How many words after a cue a mention may start and still be its speaker ("quoted
/// Chinese state media as saying").
const FORWARD_MENTION_WORDS: usize = 6;
/// How many tokens after "according to" the source phrase may run.
const SOURCE_PHRASE_TOKENS: usize = 14;
/// How far back, in bytes, a pronoun that fits no subject may find a mention of the
/// right gender ("she" after "Mr Roberts met Ms Page").
const PRONOUN_FALLBACK_BYTES: usize = 400;

/// A noun phrase that names a speaker.
#[derive(Clone, Copy, Debug)]
pub(super) struct Np {
    /// Its first token.
    pub first: usize,
    /// Its last token.
    pub last: usize,
    /// The mention it is, when it is one.
    pub mention: Option<usize>,
    /// Index of a pronoun token to resolve.
    pub pronoun: Option<usize>,
    /// Whether the phrase stood before its cue.
    pub before: bool,
}

impl Np {
    /// The mention `mi` on tokens `first..=last`, before its cue.
    fn named(first: usize, last: usize, mi: usize) -> Np {
        Np {
            first,
            last,
            mention: Some(mi),
            pronoun: None,
            before: true,
        }
    }
    /// Tokens `first..=last` that name no single known actor, before the cue.
    fn group(first: usize, last: usize) -> Np {
        Np {
            first,
            last,
            mention: None,
            pronoun: None,
            before: true,
        }
    }
    /// The pronoun at token `p`.
    fn pronoun(p: usize, before: bool) -> Np {
        Np {
            first: p,
            last: p,
            mention: None,
            pronoun: Some(p),
            before,
        }
    }
    /// The same phrase standing after its cue.
    fn after(self) -> Np {
        Np {
            before: false,
            ..self
        }
    }
}

/// The cues of a document with their speakers: `np[k]` and `speaker[k]` belong to
/// `cues[k]`.
pub(super) struct Cues {
    /// The cues, in text order.
    pub cues: Vec<Cue>,
    /// The phrase naming each cue's speaker.
    pub np: Vec<Option<Np>>,
    /// The mention each cue's speaker is, a pronoun resolved.
    pub speaker: Vec<Option<usize>>,
}

/// The speaker phrase of every cue, and the mention it names (a pronoun resolved).
pub(super) fn cue_speakers(f: &Frame, cues: Vec<Cue>) -> Cues {
    let mut salient = Salient::new(f);
    let mut cue_np: Vec<Option<Np>> = Vec::with_capacity(cues.len());
    let mut cue_speaker: Vec<Option<usize>> = Vec::with_capacity(cues.len());
    for c in &cues {
        let np = f.speaker_np(c);
        let who = np.and_then(|np| {
            np.mention
                .or_else(|| np.pronoun.and_then(|p| f.resolve_pronoun(p, &salient)))
        });
        if let (Some(np), Some(w)) = (np, who) {
            salient.add_speaker(f, np.first, w);
        }
        cue_np.push(np);
        cue_speaker.push(who);
    }
    Cues {
        cues,
        np: cue_np,
        speaker: cue_speaker,
    }
}

/// Which pronouns a mention can be the antecedent of.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Pronoun {
    /// "he", "him": a person not known to be female.
    He,
    /// "she", "her": a person not known to be male.
    She,
    /// "it": a body or a document.
    It,
}

impl Pronoun {
    const ALL: [Pronoun; 3] = [Pronoun::He, Pronoun::She, Pronoun::It];

    fn of(word: &str) -> Option<Pronoun> {
        match word {
            "he" | "him" => Some(Pronoun::He),
            "she" | "her" => Some(Pronoun::She),
            "it" => Some(Pronoun::It),
            _ => None,
        }
    }

    /// Whether mention `m` can be what this pronoun stands for.
    fn fits(self, m: &crate::extract::actors::LocalMention) -> bool {
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
struct Salient {
    /// Per pronoun, the subjects as (first token, mention), in order.
    subjects: [Vec<(usize, usize)>; 3],
    /// Per pronoun, the cue speakers as (first token, mention), in order of first
    /// token and then of finding. Cues come in text order and a speaker stands near
    /// its cue, so an insertion lands at or near the end.
    speakers: [Vec<(usize, usize)>; 3],
}

impl Salient {
    fn new(f: &Frame) -> Salient {
        let mut s = Salient::default();
        for (mi, m) in f.mentions.iter().enumerate() {
            let (a, _) = f.mention_toks(mi);
            if m.quoted || !f.frame(a) || m.form == MentionForm::Place {
                continue;
            }
            if m.kind == ActorKind::Person && f.object_like(a) {
                continue;
            }
            for (k, p) in Pronoun::ALL.into_iter().enumerate() {
                if p.fits(m) {
                    s.subjects[k].push((a, mi));
                }
            }
        }
        for list in &mut s.subjects {
            list.sort_unstable();
        }
        s
    }

    /// The speaker `mi` of a cue, named from token `first` on.
    fn add_speaker(&mut self, f: &Frame, first: usize, mi: usize) {
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
    fn latest_before(&self, pronoun: Pronoun, p: usize) -> Option<usize> {
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

impl Frame<'_> {
    /// The noun phrase of the speaker of cue `c`.
    pub(super) fn speaker_np(&self, c: &Cue) -> Option<Np> {
        match c.kind {
            CueKind::Source => self.np_after_source(c),
            CueKind::Quoted => self.np_forward(c.b + 1, c.unit, false),
            CueKind::Verb | CueKind::Passive | CueKind::Frame => {
                let lw = self.lo(c.a);
                if lw.ends_with("ing") && c.a > 0 && self.lo(c.a - 1) == "," {
                    // A participle clause: the speaker is the subject of the main clause.
                    return self.subject_before(c.a - 1, c.unit);
                }
                if let Some(np) = self.np_backward(c.a, c.unit) {
                    return Some(np);
                }
                // "X arrived in Beijing and said ...": the subject of the first verb.
                if let Some(k) = self.skip_back(c.a, c.unit) {
                    if self.lo(k) == "and" {
                        return self.subject_before(k, c.unit);
                    }
                }
                if c.a == c.b && word_lists().invertible.contains(lw) {
                    return self.np_forward(c.b + 1, c.unit, true);
                }
                None
            }
        }
    }

    /// The phrase ending just before token `a` (skipping adverbs, auxiliaries and an
    /// apposition between commas).
    fn np_backward(&self, a: usize, u: usize) -> Option<Np> {
        let mut k = a;
        loop {
            if k == 0 {
                return None;
            }
            let p = k - 1;
            if !self.frame(p) || self.unit[p] != u {
                return None;
            }
            let lw = self.lo(p);
            if self.toks.is_alnum(p)
                && word_lists().skip_between.contains(lw)
                && !self.by_end.contains_key(&p)
            {
                k = p;
                continue;
            }
            if let Some(mi) = self.by_end.get(&p) {
                return Some(self.np_ending_in_mention(mi, p, u));
            }
            if is_pronoun(lw) {
                return Some(Np::pronoun(p, true));
            }
            if matches!(lw, "," | "—" | "–") {
                return self.np_before_apposition(p, u);
            }
            if self.toks.is_alnum(p) && !is_function_word(lw) {
                return self.np_unnamed(p, u);
            }
            return None;
        }
    }

    /// The speaker phrase ending with mention `mi` at token `p`, before a cue.
    fn np_ending_in_mention(&self, mi: usize, p: usize, u: usize) -> Np {
        let (first, _) = self.mention_toks(mi);
        // "The Foreign Ministry in Beijing said": the place modifies the body.
        if self.mentions[mi].form == MentionForm::Place
            && first >= 2
            && matches!(self.lo(first - 1), "in" | "of" | "from" | "at")
        {
            if let Some(mj) = self.by_end.get(&(first - 2)) {
                let (f2, _) = self.mention_toks(mj);
                return Np::named(f2, p, mj);
            }
            // "Officials in Kyiv said": the place only says where they are.
            if self.toks.is_alnum(first - 2) {
                return Np::group(first - 2, p);
            }
        }
        // "Xi and Lukashenko said": a group, not one speaker.
        if let Some(other) = self.coordinated_before(first, u) {
            return Np::group(other, p);
        }
        Np::named(first, p, mi)
    }

    /// The speaker before the comma or dash at token `p`, which ends an apposition:
    /// "The minister’s aide, Tom Reed, said", "X, the president of Belarus, said".
    fn np_before_apposition(&self, p: usize, u: usize) -> Option<Np> {
        if p > 0 {
            // "The minister’s aide, Tom Reed, said": the name between the commas.
            if let Some(mi) = self.by_end.get(&(p - 1)) {
                let m = &self.mentions[mi];
                let (first, _) = self.mention_toks(mi);
                if m.kind == ActorKind::Person && first > 0 && self.lo(first - 1) == "," {
                    return Some(Np::named(first, p - 1, mi));
                }
            }
        }
        // "X, the president of Belarus, said": skip back to the previous comma.
        let mut q = p;
        let limit = p.saturating_sub(APPOSITION_TOKENS);
        while q > limit {
            q -= 1;
            if !self.frame(q) || self.unit[q] != u {
                return None;
            }
            if matches!(self.lo(q), "," | "—" | "–") {
                break;
            }
        }
        if q == 0 || q == limit {
            return None;
        }
        let mi = self.by_end.get(&(q - 1)).filter(|_| self.frame(q - 1))?;
        let (first, _) = self.mention_toks(mi);
        Some(Np::named(first, q - 1, mi))
    }

    /// A phrase ending at word `p` that names no known actor ("US officials",
    /// "analysts"), when it is noun-like.
    fn np_unnamed(&self, p: usize, u: usize) -> Option<Np> {
        let mut first = p;
        while first > 0
            && first + UNNAMED_PHRASE_WORDS > p
            && self.frame(first - 1)
            && self.unit[first - 1] == u
            && self.toks.is_alnum(first - 1)
            && !is_function_word(self.lo(first - 1))
            && !self.toks.has(first - 1, flag::QUOTE_CUE)
        {
            first -= 1;
        }
        if first > 0 && matches!(self.lo(first - 1), "the" | "a" | "an") && self.frame(first - 1) {
            first -= 1;
        }
        // A verb phrase is no subject: only noun-like phrases count.
        looks_nominal(self.lo(p)).then_some(Np::group(first, p))
    }

    /// The first token before `a` that is not an adverb or auxiliary, in unit `u`.
    fn skip_back(&self, a: usize, u: usize) -> Option<usize> {
        let mut k = a;
        while k > 0 {
            let p = k - 1;
            if !self.frame(p) || self.unit[p] != u {
                return None;
            }
            if self.toks.is_alnum(p) && word_lists().skip_between.contains(self.lo(p)) {
                k = p;
                continue;
            }
            return Some(p);
        }
        None
    }

    /// Whether the mention or pronoun starting at token `a` stands as an object (after a
    /// preposition or a verb) rather than as a subject.
    fn object_like(&self, a: usize) -> bool {
        if a == 0 || !self.frame(a - 1) {
            return false;
        }
        let p = self.lo(a - 1);
        word_lists().prepositions.contains(p)
            || (self.toks.is_alnum(a - 1)
                && (p.ends_with("ed")
                    || self.toks.has(a - 1, flag::QUOTE_CUE)
                    || matches!(
                        p,
                        "met" | "meet" | "meets" | "told" | "tell" | "thanked" | "congratulated"
                    )))
    }

    /// The nearest subject-like mention or pronoun before token `at` in unit `u`.
    fn subject_before(&self, at: usize, u: usize) -> Option<Np> {
        let mut j = at;
        let limit = at.saturating_sub(SUBJECT_SEARCH_TOKENS);
        while j > limit {
            j -= 1;
            if self.unit[j] != u {
                return None;
            }
            if !self.frame(j) {
                continue;
            }
            if let Some(mi) = self.by_end.get(&j) {
                let m = &self.mentions[mi];
                let (first, _) = self.mention_toks(mi);
                let modifier = m.form == MentionForm::Place
                    && first > 0
                    && matches!(self.lo(first - 1), "the" | "a" | "an" | "this" | "that");
                if !m.quoted && !self.toks[j].poss() && !self.object_like(first) && !modifier {
                    if let Some(other) = self.coordinated_before(first, u) {
                        return Some(Np::group(other, j));
                    }
                    return Some(Np::named(first, j, mi));
                }
                j = first;
                continue;
            }
            if matches!(self.lo(j), "he" | "she" | "it" | "they" | "we") && !self.object_like(j) {
                return Some(Np::pronoun(j, true));
            }
        }
        None
    }

    /// When the mention starting at `first` is the second of "X and Y" (role words
    /// between allowed), the first token of X.
    fn coordinated_before(&self, first: usize, u: usize) -> Option<usize> {
        let lex = Lexicon::get();
        let mut k = first;
        for _ in 0..COORDINATION_WORDS {
            if k == 0 || !self.frame(k - 1) || self.unit[k - 1] != u {
                return None;
            }
            let p = k - 1;
            let lw = self.lo(p);
            if lw == "and" {
                if p == 0 {
                    return None;
                }
                let q = p - 1;
                if let Some(mj) = self.by_end.get(&q) {
                    if self.mentions[mj].kind == ActorKind::Person
                        || self.mentions[mj].form != MentionForm::Place
                    {
                        return Some(self.mention_toks(mj).0);
                    }
                }
                return None;
            }
            let roleish = lex.roles.contains(lw)
                || lex.is(lw, flag::MODIFIER)
                || lex.nationalities.contains_key(lw)
                || matches!(lw, "his" | "her" | "their" | "its" | "counterpart");
            if !roleish {
                return None;
            }
            k = p;
        }
        None
    }

    /// The phrase starting at token `a`: a mention, a pronoun, or a description.
    fn np_forward(&self, a: usize, u: usize, inverted: bool) -> Option<Np> {
        let mut k = a;
        if k < self.toks.len()
            && self.frame(k)
            && matches!(self.lo(k), "the")
            && !self.by_start.contains_key(&k)
        {
            k += 1;
        }
        if k >= self.toks.len() || !self.frame(k) || self.unit[k] != u {
            return None;
        }
        if let Some(mi) = self.by_start.get(&k).or_else(|| self.by_start.get(&a)) {
            let (_, last) = self.mention_toks(mi);
            return Some(Np::named(a.min(k), last, mi).after());
        }
        let lw = self.lo(k);
        let pronoun = if inverted {
            matches!(lw, "he" | "she" | "they" | "we")
        } else {
            is_pronoun(lw)
        };
        if pronoun {
            return Some(Np::pronoun(k, false));
        }
        // Find a mention a few words on ("quoted Chinese state media as saying").
        for j in k..(k + FORWARD_MENTION_WORDS).min(self.toks.len()) {
            if !self.frame(j)
                || self.unit[j] != u
                || !self.toks.is_alnum(j)
                || matches!(self.lo(j), "as")
            {
                break;
            }
            if let Some(mi) = self.by_start.get(&j) {
                let (_, last) = self.mention_toks(mi);
                return Some(Np::named(a, last, mi).after());
            }
        }
        None
    }

    /// The source after "according to": the last mention before the phrase ends.
    fn np_after_source(&self, c: &Cue) -> Option<Np> {
        let n = self.toks.len();
        let mut j = c.b + 1;
        let mut found: Option<Np> = None;
        let start = j;
        let mut last_word = None;
        while j < n && self.frame(j) && self.unit[j] == c.unit && j < start + SOURCE_PHRASE_TOKENS {
            if let Some(mi) = self.by_start.get(&j) {
                let (_, b) = self.mention_toks(mi);
                if self.mentions[mi].form != MentionForm::Place || found.is_none() {
                    found = Some(Np::named(j, b, mi).after());
                }
                last_word = Some(b);
                j = b + 1;
                continue;
            }
            if !self.toks.is_alnum(j) {
                break;
            }
            let lw = self.lo(j);
            if matches!(
                lw,
                "of" | "with"
                    | "by"
                    | "cited"
                    | "in"
                    | "on"
                    | "that"
                    | "which"
                    | "who"
                    | "from"
                    | "about"
                    | "published"
                    | "released"
                    | "distributed"
            ) || self.toks.has(j, flag::QUOTE_CUE) && j > start + 1
            {
                break;
            }
            last_word = Some(j);
            j += 1;
        }
        if let Some(np) = found {
            // "the ministry statement": the phrase's own head is what speaks.
            return Some(np);
        }
        let last = last_word?;
        Some(Np::group(start, last).after())
    }

    /// The antecedent of the pronoun at token `p`: the latest salient compatible
    /// mention before it.
    fn resolve_pronoun(&self, p: usize, salient: &Salient) -> Option<usize> {
        let pronoun = Pronoun::of(self.lo(p))?;
        salient.latest_before(pronoun, p).or_else(|| {
            // No subject fits ("she" after "Mr Roberts met Ms Page"): the nearest
            // fitting mention in any position, within the last few hundred bytes.
            let at = self.toks[p].start as usize;
            self.mentions_ending_near(at, PRONOUN_FALLBACK_BYTES)
                .into_iter()
                .find(|&mi| {
                    let m = &self.mentions[mi];
                    !m.quoted && pronoun.fits(m) && m.gender.is_some()
                })
        })
    }
}
