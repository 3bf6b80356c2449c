//! Who a reporting cue names as its speaker: the noun phrase before the cue (skipping
//! adverbs, auxiliaries and an apposition between commas), else after it ("said X"),
//! the source after "according to", the subject of the main clause for a participle;
//! pronouns go to the latest salient compatible mention.

use super::cues::Cue;
use super::family::FullNames;
use super::frame::Frame;
use super::salient::{Pronoun, Salient};
use super::words::{is_auxiliary, is_function_word, is_pronoun, looks_nominal, word_lists};
use super::LocalQuote;
use crate::extract::actors::lexicon::{flag, CueKind, Lexicon};
use crate::extract::actors::{Gender, MentionForm};
use crate::model::{ActorKind, QuoteKind, Span};

/// How many tokens back an apposition may reach from its closing comma to the one
/// opening it ("X, the president of Belarus, said").
const APPOSITION_TOKENS: usize = 25;
/// How many tokens a bracketed note between a speaker and the cue may have ("Ted Cruz
/// (R-Texas) said").
const BRACKET_TOKENS: usize = 10;
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
/// How many tokens a phrase naming no known actor after an inverted cue may have ("said
/// one of the senator’s longtime advisers").
const UNNAMED_FORWARD_TOKENS: usize = 7;
/// How many tokens after "according to" the source phrase may run.
const SOURCE_PHRASE_TOKENS: usize = 14;
/// How far back, in bytes, a pronoun that fits no subject may find a mention of the
/// right gender ("she" after "Mr Roberts met Ms Page").
const PRONOUN_FALLBACK_BYTES: usize = 400;
/// How many mentions back a description of a speaker ("the billionaire") looks for the
/// person introduced with its role word.
const DESCRIPTION_LOOKBACK_MENTIONS: usize = 60;
/// How many determiners and possessors may stand between a preposition or verb and
/// the mention they make an object ("with MSNBC’s Rachel Maddow").
const DETERMINER_TOKENS: usize = 2;

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
    let full_names = FullNames::new(f);
    let mut cue_np: Vec<Option<Np>> = Vec::with_capacity(cues.len());
    let mut cue_speaker: Vec<Option<usize>> = Vec::with_capacity(cues.len());
    for c in &cues {
        let np = f.speaker_np(c);
        let who = np.and_then(|np| {
            np.mention
                .or_else(|| np.pronoun.and_then(|p| f.resolve_pronoun(p, &salient)))
                .or_else(|| f.resolve_description(np, &salient))
                .map(|w| f.in_full(&full_names, w, np.pronoun))
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

impl Frame<'_> {
    /// Whether person mention `mi` shows that it names a person, so that "he" or "she"
    /// may stand for it: a gender (title, role word or given name), a role, or a name of
    /// two or more words none of which is a place, nationality, body or description
    /// word. A lone capitalized word ("Recently", "Democratic") is a person only by
    /// default, and a pronoun does not go to it.
    pub(super) fn plainly_person(&self, mi: usize) -> bool {
        let m = &self.mentions[mi];
        if m.gender.is_some() || !m.role_heads.is_empty() || !m.roles.is_empty() {
            return true;
        }
        let (a, b) = self.mention_toks(mi);
        let not_a_person_word =
            flag::PLACE | flag::NATIONALITY | flag::HEAD | flag::MODIFIER | flag::NON_ACTOR_HEAD;
        let words = (a..=b).filter(|&j| self.toks.is_alnum(j)).count();
        words >= 2 && !(a..=b).any(|j| self.toks.has(j, not_a_person_word))
    }

    /// The subject of the clause token `at` stands in: the latest mention or pronoun
    /// before it in its sentence frame, within [`SUBJECT_SEARCH_TOKENS`], that opens a
    /// clause ([`Frame::opens_clause`]).
    fn clause_subject_before(&self, at: usize) -> Option<Np> {
        let u = self.unit[at];
        let first = self.unit_first[u].max(at.saturating_sub(SUBJECT_SEARCH_TOKENS));
        for j in (first..at).rev() {
            if !self.frame(j) {
                continue;
            }
            if let Some(mi) = self.by_start.get(&j) {
                let m = &self.mentions[mi];
                if !m.quoted && m.form != MentionForm::Place && self.opens_clause(j) {
                    let (_, b) = self.mention_toks(mi);
                    return Some(Np::named(j, b, mi));
                }
            } else if matches!(self.lo(j), "he" | "she") && self.opens_clause(j) {
                return Some(Np::pronoun(j, true));
            } else if self.lo(j) == "who" {
                // "Trump, who has repeatedly mocked the “deal”": the relative clause's
                // subject.
                if let Some(np) = self.relative_antecedent(j, u) {
                    return Some(np);
                }
            }
        }
        None
    }

    /// The person a definite description of a speaker stands for ("the billionaire
    /// said", "the former secretary of state said", "said the 62-year-old"): the latest
    /// person before it introduced with that role word, else, for a word that only a
    /// person can be (a role or an age), the latest person opening a clause or
    /// speaking within a few sentences.
    fn resolve_description(&self, np: Np, salient: &Salient) -> Option<usize> {
        if self.lo(np.first) != "the" || np.last <= np.first {
            return None;
        }
        let mut head = np.last;
        // "the former secretary of state": the role before "of".
        let of = (np.first + 1..np.last).find(|&j| self.lo(j) == "of");
        if let Some(o) = of {
            head = o - 1;
        }
        let head_word = self.lo(head);
        let age = head_word.ends_with("-year-old");
        let person_word = age || self.toks.has(head, flag::ROLE) || {
            // "the Democrat": a party member named by the party.
            matches!(head_word, "democrat" | "republican" | "independent")
        };
        if !person_word {
            return None;
        }
        let at = self.toks[np.first].start as usize;
        let before = self.mentions.partition_point(|m| m.span.start < at);
        let introduced = self.mentions[..before]
            .iter()
            .enumerate()
            .rev()
            .take(DESCRIPTION_LOOKBACK_MENTIONS)
            .find(|(_, m)| {
                m.kind == ActorKind::Person
                    && m.form == MentionForm::Name
                    && !m.quoted
                    && m.role_heads.iter().any(|r| r == head_word)
            })
            .map(|(mi, _)| mi);
        introduced.or_else(|| {
            let he = salient.latest_subject_before(self, Pronoun::He, np.first);
            let she = salient.latest_subject_before(self, Pronoun::She, np.first);
            match (he, she) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            }
        })
    }

    /// Whether the one-word person mention `mi` ("Trump", "Westmacott") is a person's
    /// name (one of `lone`, from [`super::salient::lone_names`]), so not a capitalized
    /// word that only happens to open a sentence ("Recently") or a place the finder
    /// took for a name.
    pub(super) fn lone_name(&self, mi: usize, lone: &rustc_hash::FxHashSet<&str>) -> bool {
        let (a, b) = self.mention_toks(mi);
        let not_a_person_word =
            flag::PLACE | flag::NATIONALITY | flag::HEAD | flag::MODIFIER | flag::NOT_NAME;
        a == b && !self.toks.has(a, not_a_person_word) && lone.contains(self.lo(a))
    }

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
                // A verb of saying right after a closing quotation mark ("“Enough!”
                // shouted X", "“Who pays?” demanded X") has no subject before it: its
                // subject follows. A participle there ("hailed it as “fantastic,”
                // telling reporters ...") goes with the clause before the quotation.
                let after_quote =
                    c.a > 0 && self.in_quote[c.a - 1].is_some() && !lw.ends_with("ing");
                if c.a == c.b && (word_lists().invertible.contains(lw) || after_quote) {
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
            // "Sen. Ted Cruz (R-Texas) said": a party tag or note in brackets.
            if lw == ")" {
                if let Some(open) = self.bracket_opening(p, u) {
                    k = open;
                    continue;
                }
                return None;
            }
            if lw == "who" {
                if let Some(np) = self.relative_antecedent(p, u) {
                    return Some(np);
                }
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

    /// The person a relative "who" at token `p` stands for: the name just before its
    /// comma ("Trump, who has called the pact “insanity,”").
    fn relative_antecedent(&self, p: usize, u: usize) -> Option<Np> {
        if p < 2 || !matches!(self.lo(p - 1), "," | "—" | "–") || self.unit[p - 2] != u {
            return None;
        }
        let mi = self.by_end.get(&(p - 2)).filter(|_| self.frame(p - 2))?;
        let m = &self.mentions[mi];
        if m.kind != ActorKind::Person || m.form == MentionForm::Place || m.quoted {
            return None;
        }
        let (first, _) = self.mention_toks(mi);
        Some(Np::named(first, p - 2, mi))
    }

    /// The "(" that the ")" at token `p` closes, within [`BRACKET_TOKENS`] in unit `u`.
    fn bracket_opening(&self, p: usize, u: usize) -> Option<usize> {
        (p.saturating_sub(BRACKET_TOKENS)..p)
            .rev()
            .take_while(|&j| self.frame(j) && self.unit[j] == u && self.lo(j) != ")")
            .find(|&j| self.lo(j) == "(")
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
                // "an engineer at Stellwag, Bavaria, said": a town's region, no name.
                let region = first >= 2
                    && self.by_end.get(&(first - 2)).is_some_and(|mj| {
                        let (f2, _) = self.mention_toks(mj);
                        self.mentions[mj].form == MentionForm::Place || self.after_place_word(f2)
                    });
                if m.kind == ActorKind::Person && first > 0 && self.lo(first - 1) == "," && !region
                {
                    return Some(Np::named(first, p - 1, mi));
                }
            }
        }
        // "X, the president of Belarus, said": skip back to the previous comma.
        let mut q = p;
        let limit = p.saturating_sub(APPOSITION_TOKENS);
        loop {
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
            // "X, a philanthropist from Monsey, New York, said": the place the
            // apposition ends with is no speaker; the name before it is.
            let place =
                self.mentions[mi].form == MentionForm::Place || self.after_place_word(first);
            if !place {
                return Some(Np::named(first, q - 1, mi));
            }
            q = first;
        }
    }

    /// Whether the mention starting at token `first` follows a preposition that places
    /// it ("a nurse from Calder", "an engineer at Stellwag").
    fn after_place_word(&self, first: usize) -> bool {
        first > 0 && matches!(self.lo(first - 1), "from" | "in" | "of" | "at")
    }

    /// A phrase ending at word `p` that names no known actor ("US officials",
    /// "analysts"), when it is noun-like.
    fn np_unnamed(&self, p: usize, u: usize) -> Option<Np> {
        // Back over content words of the phrase (cue words too, after "of").
        let content_word = |j: usize, cue_ok: bool| {
            j + 1 + UNNAMED_PHRASE_WORDS > p
                && self.frame(j)
                && self.unit[j] == u
                && self.toks.is_alnum(j)
                && !is_function_word(self.lo(j))
                && (cue_ok || !self.toks.has(j, flag::QUOTE_CUE))
        };
        let mut first = p;
        while first > 0 && content_word(first - 1, false) {
            first -= 1;
        }
        // "the former secretary of state": a role word before "of" heads the phrase.
        if first >= 3
            && self.lo(first - 1) == "of"
            && self.toks.has(first - 2, flag::ROLE)
            && self.unit[first - 2] == u
        {
            first -= 2;
            while first > 0 && content_word(first - 1, true) {
                first -= 1;
            }
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
    pub(super) fn object_like(&self, a: usize) -> bool {
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

    /// Whether the mention starting at token `a` stands after determiners or a
    /// possessor that follow a preposition or a verb ("on his Facebook page", "posted a
    /// Twitter comment", "with MSNBC’s Rachel Maddow"): an object, no subject.
    fn object_behind_determiner(&self, a: usize) -> bool {
        let mut k = a;
        for _ in 0..DETERMINER_TOKENS {
            if k == 0 || !self.frame(k - 1) || !self.toks.is_alnum(k - 1) {
                break;
            }
            let p = k - 1;
            let determiner = matches!(
                self.lo(p),
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
            );
            if !(determiner || self.toks[p].poss()) {
                break;
            }
            k = p;
        }
        k < a && self.object_like(k)
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
                if !m.quoted
                    && !self.toks[j].poss()
                    && !self.object_like(first)
                    && !self.object_behind_determiner(first)
                    && !modifier
                {
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
            // After an inverted cue a preposition opens no speaker: "said on Twitter",
            // "said at a news conference in Ames", "said of the senator" (but "said
            // master of ceremonies Ada Roe").
            if !self.frame(j)
                || self.unit[j] != u
                || !self.toks.is_alnum(j)
                || matches!(self.lo(j), "as")
                || (inverted && j == a && word_lists().prepositions.contains(self.lo(j)))
            {
                break;
            }
            if let Some(mi) = self.by_start.get(&j) {
                let (_, last) = self.mention_toks(mi);
                return Some(Np::named(a, last, mi).after());
            }
        }
        if inverted {
            return self.np_unnamed_forward(a, u);
        }
        None
    }

    /// The phrase after an inverted cue that names no known actor ("said an Iowa
    /// Democrat", "said one of those advisers", "added a source close to the campaign",
    /// "said the 46-year-old"): from token `a` to the last word of its head, which must
    /// be noun-like. It stops at punctuation, a preposition or conjunction, a relative
    /// pronoun, a cue word or a time word ("said Tuesday").
    fn np_unnamed_forward(&self, a: usize, u: usize) -> Option<Np> {
        let lists = word_lists();
        let mut head = None;
        let mut j = a;
        while j < self.toks.len()
            && j < a + UNNAMED_FORWARD_TOKENS
            && self.frame(j)
            && self.unit[j] == u
            && self.toks.is_alnum(j)
        {
            let lw = self.lo(j);
            let quantity_of = lw == "of" && j > a && is_quantity(self.lo(j - 1));
            if !quantity_of
                && (lists.prepositions.contains(lw)
                    || lists.skip_between.contains(lw)
                    || matches!(lw, "who" | "that" | "which" | "and" | "or" | "but" | "as")
                    || self.toks.has(j, flag::QUOTE_CUE)
                    || (j == a && lw.ends_with("ly")))
            {
                break;
            }
            if !is_function_word(lw) {
                head = Some(j);
            }
            j += 1;
        }
        let head = head?;
        // "said a former aide", not "said strike concerns are ..." nor "said the plan
        // would ...": a determiner opens the phrase, and no auxiliary follows it.
        let determined = matches!(
            self.lo(a),
            "a" | "an" | "the" | "another" | "his" | "her" | "their" | "its"
        ) || is_quantity(self.lo(a));
        let clause_goes_on =
            j < self.toks.len() && self.frame(j) && self.unit[j] == u && is_auxiliary(self.lo(j));
        (determined
            && !clause_goes_on
            && looks_nominal(self.lo(head))
            && !is_pronoun(self.lo(head)))
        .then_some(Np::group(a, head).after())
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

    /// The speaker mention `mi` stands for: the person named in full whom a bare
    /// family name shared by several people means ([`FullNames::full_name`]), with the
    /// gender of the pronoun at token `pronoun` when one named it; else `mi` itself.
    fn in_full(&self, names: &FullNames, mi: usize, pronoun: Option<usize>) -> usize {
        let gender = pronoun.and_then(|p| match Pronoun::of(self.lo(p)) {
            Some(Pronoun::He) => Some(Gender::Male),
            Some(Pronoun::She) => Some(Gender::Female),
            _ => None,
        });
        names.full_name(self, mi, gender).unwrap_or(mi)
    }

    /// The antecedent of the pronoun at token `p`: the latest salient compatible
    /// mention before it.
    fn resolve_pronoun(&self, p: usize, salient: &Salient) -> Option<usize> {
        let pronoun = Pronoun::of(self.lo(p))?;
        if pronoun == Pronoun::It {
            return salient.latest_before(pronoun, p);
        }
        if let Some(subject) = salient.latest_subject_before(self, pronoun, p) {
            return Some(subject);
        }
        // No subject or speaker in the last few sentences: the latest subject at any
        // distance when its gender is known; else the nearest mention of the right
        // gender in any position ("she" after "Mr Roberts met Ms Page"), within the last
        // few hundred bytes. A far subject of unknown gender is too often a body or a
        // phrase the finder took for a name ("Right Wing Watch", "Art Deco").
        let latest = salient.latest_before(pronoun, p);
        if let Some(mi) = latest.filter(|&mi| self.mentions[mi].gender.is_some()) {
            return Some(mi);
        }
        let at = self.toks[p].start as usize;
        self.mentions_ending_near(at, PRONOUN_FALLBACK_BYTES)
            .into_iter()
            .find(|&mi| {
                let m = &self.mentions[mi];
                !m.quoted && pronoun.fits(m) && m.gender.is_some()
            })
    }
}

/// Whether a word counts people ("one of those advisers", "two of the delegates").
fn is_quantity(w: &str) -> bool {
    matches!(
        w,
        "one" | "two" | "three" | "four" | "some" | "many" | "several" | "each" | "none" | "most"
    )
}

/// Words just before a quotation that make it a name or a word mentioned as a word,
/// not anyone's speech ("the so-called “reform”", "the term “gig worker”").
pub(super) fn names_a_thing(lw: &str) -> bool {
    matches!(
        lw,
        "so-called"
            | "term"
            | "word"
            | "words"
            | "phrase"
            | "titled"
            | "entitled"
            | "named"
            | "dubbed"
            | "nicknamed"
            | "slogan"
            | "known"
    )
}

/// Speakers of quoted fragments that no cue attributes ("Trump groused that CNN
/// “doesn’t treat me properly”", "He has called China “provocative”"): the subject of
/// the clause the fragment stands in, when it is a person or a body (a pronoun
/// resolved). A fragment starts in lower case; one that modifies the noun after it
/// (a “supermax” prison) or follows a naming word ("so-called") is no one's speech.
pub(super) fn fragment_speakers(f: &Frame, quotes: &mut [LocalQuote]) {
    let mut subjects = ClauseSubjects::default();
    for q in quotes.iter_mut() {
        if q.kind != QuoteKind::Direct || q.speaker.is_some() || q.speaker_span.is_some() {
            continue;
        }
        let i = f.toks.at_or_after(q.span.start);
        let Some(t) = f.toks.get(i) else { continue };
        if i < 2 {
            continue;
        }
        // The opening mark is token i - 1; the word before it. A quotation after a
        // colon in its sentence ("Kaine has taken the stance: “...”") counts as one
        // that continues the clause.
        let open = i - 1;
        let after_colon = f.toks.is_punct(open - 1, ':') && f.frame(open - 1);
        if (t.cap() && !after_colon) || !f.toks.is_alnum(i) {
            continue;
        }
        if names_a_thing(f.lo(open - 1)) {
            continue;
        }
        // A closing mark followed straight by a lower-case word: a modifier.
        let end = f.toks.at_or_after(q.span.end);
        let after = end + 1;
        let modifier = f.toks.get(after).is_some_and(|t| !t.cap())
            && f.toks.is_alnum(after)
            && f.in_quote[after].is_none();
        let phrase = f.words_in(i, end) >= POSSESSED_PHRASE_WORDS;
        if let Some(mi) = possessor_before(f, open).filter(|_| modifier && phrase) {
            // "Governor Ellen Marsh’s “roads first” pledge": a person's own words
            // naming a pledge or a tour of theirs. A single word after a possessive
            // ("Obama’s “pivot”", "Trump’s “isolationist” policy") is the writer's
            // label, not a phrase of the person's.
            let (a, b) = f.mention_toks(mi);
            q.speaker = Some(mi);
            q.speaker_span = Some(f.span(a, b));
            continue;
        }
        if modifier
            && !matches!(
                f.lo(after),
                "and" | "or" | "but" | "as" | "to" | "in" | "on" | "at" | "for"
            )
        {
            continue;
        }
        if let Some((mi, span)) = subjects.speaker_before(f, open) {
            q.speaker = Some(mi);
            q.speaker_span = Some(span);
        }
    }
}

/// The fewest words a quoted phrase after a person's possessive needs to be taken as
/// that person's words ("Marsh’s “roads first” pledge").
const POSSESSED_PHRASE_WORDS: usize = 2;

/// The person whose possessive stands right before the opening mark at token `open`
/// ("Marsh’s “roads first” pledge"); a name only, a person plainly, so that a
/// newspaper's, a film's or a city's quoted words get no speaker from it.
fn possessor_before(f: &Frame, open: usize) -> Option<usize> {
    let owner_end = open.checked_sub(1)?;
    if !f.frame(owner_end) || !f.toks[owner_end].poss() {
        return None;
    }
    let mi = f.by_end.get(&owner_end)?;
    let named = f.mentions[mi].form == MentionForm::Name;
    (named && f.plainly_person(mi)).then_some(mi)
}

/// The subjects of clauses as speakers, for quotations no cue attributes; what
/// resolving a pronoun subject needs is made on the first one.
#[derive(Default)]
pub(super) struct ClauseSubjects<'t> {
    salient: Option<Salient>,
    full_names: Option<FullNames<'t>>,
}

impl<'t> ClauseSubjects<'t> {
    /// The person or body that is the subject of the clause token `at` stands in (a
    /// pronoun resolved), and the words naming it; never a place.
    pub(super) fn speaker_before(&mut self, f: &Frame<'t>, at: usize) -> Option<(usize, Span)> {
        let np = f.clause_subject_before(at)?;
        let who = match (np.mention, np.pronoun) {
            (Some(mi), _) => Some(mi),
            (None, Some(p)) => {
                let s = self.salient.get_or_insert_with(|| Salient::new(f));
                f.resolve_pronoun(p, s)
            }
            (None, None) => None,
        };
        let who = who.map(|w| {
            let names = self.full_names.get_or_insert_with(|| FullNames::new(f));
            f.in_full(names, w, np.pronoun)
        });
        let mi = who.filter(|&mi| f.mentions[mi].form != MentionForm::Place)?;
        Some((mi, f.span(np.first, np.last)))
    }
}
