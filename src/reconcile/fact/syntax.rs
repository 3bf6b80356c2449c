//! A light syntax of a claim's words: clause segments, verbs, the reporting verbs set
//! apart, each verb's subject and whether it is asserted or only planned. Rules over
//! word shapes and the lexicon's word lists, one pass each, no model.

use super::super::words::Word;
use crate::lexicon::{flag, Lexicon};
use crate::model::Span;

/// What the syntax knows about one word of a claim.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordRole {
    /// The clause segment it stands in (segments are cut at punctuation).
    pub seg: u32,
    /// A verb that can carry a fact ("injured", "will face", "denies").
    pub verb: bool,
    /// An auxiliary, a modal or the "to" of an infinitive.
    pub aux: bool,
    /// A verb of saying ("said", "told"), or a word of the claim's reporting cue.
    pub reporting: bool,
    /// A verb that is planned, expected or conditional, not asserted ("scheduled to
    /// face", "would provide").
    pub irrealis: bool,
    /// Inside a direct quotation.
    pub quoted: bool,
    /// Inside a time or quantity of the claim (never a verb).
    pub item: bool,
    /// Its first letter is a capital.
    pub cap: bool,
    /// A verb in the infinitive after "to" ("urged them to evacuate"): a time after it
    /// more often dates the verb that governs it.
    pub infinitive: bool,
}

/// Prepositions that open a phrase in which a participle modifies a noun ("in a move
/// linked to", "of the people injured in").
const PHRASE_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "to", "of", "for", "with", "by", "from", "into", "under", "near", "amid",
    "after", "before", "over", "across", "around", "about", "against", "during",
];

/// Whether the verb-shaped word at `i` is a participle that modifies the noun before it
/// inside a prepositional phrase ("in a move linked to the deal", "to the couriers
/// hired"): no predicate of the claim.
fn modifies_a_noun(words: &[Word<'_>], roles: &[WordRole], i: usize) -> bool {
    let w = |k: usize| words[k].norm.as_ref();
    let same = |k: usize| roles[k].seg == roles[i].seg;
    if i < 2 || !w(i).ends_with("ed") || !same(i - 1) || !same(i - 2) {
        return false;
    }
    let noun = !roles[i - 1].verb && !roles[i - 1].aux && !roles[i - 1].item;
    let prep_det = i >= 3
        && same(i - 3)
        && DETERMINERS.contains(&w(i - 2))
        && PHRASE_PREPOSITIONS.contains(&w(i - 3));
    noun && (prep_det || PHRASE_PREPOSITIONS.contains(&w(i - 2)))
}

/// The syntax of one claim: a role per word, parallel to the claim's words.
#[derive(Clone, Debug, Default)]
pub struct Syntax {
    /// One per word of the claim.
    pub roles: Vec<WordRole>,
    /// The first word of each segment, and the number of words, as the segments' bounds.
    starts: Vec<usize>,
}

/// Auxiliaries and modals: they carry tense, not the fact.
pub(super) const AUX: &[&str] = &[
    "be", "am", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having", "do",
    "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "to",
];

/// Modals and "would": what follows is not asserted.
pub(super) const IRREALIS_MODALS: &[&str] = &["would", "could", "might", "may", "should"];

/// Words before "to" that put the verb after it in the future or in doubt: "scheduled to
/// face", "plans to buy", "negotiating to purchase".
pub(super) const IRREALIS_GOVERNORS: &[&str] = &[
    "scheduled",
    "expected",
    "plans",
    "plan",
    "planned",
    "planning",
    "due",
    "set",
    "going",
    "hopes",
    "hoped",
    "hoping",
    "intends",
    "intended",
    "intending",
    "aims",
    "aimed",
    "aiming",
    "wants",
    "wanted",
    "negotiating",
    "seeking",
    "sought",
    "trying",
    "tried",
    "likely",
    "unlikely",
    "supposed",
    "able",
    "unable",
    "ready",
    "prepared",
    "poised",
    "about",
    "attempt",
    "attempted",
    "attempting",
    "threatened",
    "threatening",
    "promised",
    "vowed",
    "pledged",
    "agreed",
    "refused",
    "failed",
    "declined",
];

/// Adverbs that stand between an auxiliary and its verb ("has not yet sent").
pub(super) const ADVERBS: &[&str] = &[
    "not",
    "never",
    "also",
    "already",
    "still",
    "just",
    "even",
    "yet",
    "now",
    "then",
    "again",
    "only",
    "ever",
    "reportedly",
    "allegedly",
    "originally",
    "previously",
    "since",
    "first",
    "later",
    "earlier",
    "soon",
];

/// Words after which the next word is a noun, not a verb ("the injured", "a wounded man").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "some", "any", "each", "every", "no", "another", "whose",
];

/// Punctuation between two words that ends a clause segment.
fn cuts(gap: &str) -> bool {
    gap.chars().any(|c| {
        matches!(
            c,
            ',' | ';'
                | ':'
                | '('
                | ')'
                | '['
                | ']'
                | '—'
                | '–'
                | '"'
                | '\u{201C}'
                | '\u{201D}'
                | '«'
                | '»'
                | '\n'
                | '.'
                | '!'
                | '?'
        )
    }) || gap.contains(" - ")
}

/// Whether a folded word is an adverb ending in -ly ("sharply"), which may stand
/// between an auxiliary and its verb.
fn ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

impl Syntax {
    /// Reads the words of a claim: `text` is its document's text, `items` the spans of
    /// its times and quantities, `quotes` its direct quotations, `cue` its reporting cue,
    /// and `title_case` whether capitals say nothing (a headline in title case).
    pub fn read(
        text: &str,
        words: &[Word<'_>],
        items: &[Span],
        quotes: &[Span],
        cue: Option<Span>,
        title_case: bool,
    ) -> Syntax {
        let lex = Lexicon::get();
        let n = words.len();
        let mut roles = vec![WordRole::default(); n];
        let mut starts = vec![0];
        let mut seg = 0u32;
        for (i, w) in words.iter().enumerate() {
            let item = items.iter().any(|s| s.overlaps(w.span));
            if i > 0 {
                let gap = text.get(words[i - 1].span.end..w.span.start).unwrap_or("");
                // a comma between two figures of one noun ("an 8-year, $160 million
                // contract") keeps them in one clause with the verb before them; a date's
                // parts ("Sunday, August 22", "February 22, 2009") are cut as before
                let previous = words[i - 1].norm.as_ref();
                let figure_after = gap.contains(['$', '£', '€', '¥'])
                    || w.norm.starts_with(|c: char| c.is_ascii_digit());
                let figures = item
                    && roles[i - 1].item
                    && figure_after
                    && !previous.chars().all(|c| c.is_ascii_digit())
                    && !lex.is(previous, flag::MONTH | flag::WEEKDAY)
                    && gap.trim().trim_end_matches(['$', '£', '€', '¥']).trim_end() == ",";
                if cuts(gap) && !figures {
                    seg += 1;
                    starts.push(i);
                }
            }
            let r = &mut roles[i];
            r.seg = seg;
            r.cap = text
                .get(w.span.start..w.span.end)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_uppercase);
            r.quoted = quotes.iter().any(|q| q.contains(w.span));
            r.item = item;
            r.aux = AUX.contains(&w.norm.as_ref());
        }
        starts.push(n);
        for i in 0..n {
            let w = words[i].norm.as_ref();
            let r = roles[i];
            if r.aux || r.item || (r.cap && i > 0 && !title_case) {
                continue;
            }
            let info = lex.word(w);
            let has = |bits: u64| info.is_some_and(|x| x.has(bits));
            let prev = (i > 0 && roles[i - 1].seg == r.seg).then(|| words[i - 1].norm.as_ref());
            if prev.is_some_and(|p| DETERMINERS.contains(&p))
                || w.starts_with(|c: char| c.is_ascii_digit())
                || has(flag::NUMBER
                    | flag::ORDINAL
                    | flag::CLAUSE_PREP
                    | flag::MONTH
                    | flag::WEEKDAY)
            {
                continue;
            }
            // after an auxiliary (skipping adverbs): "will face", "has not sent", "to buy"
            let mut k = i;
            let mut after_aux = false;
            while k > 0 && roles[k - 1].seg == r.seg {
                let p = words[k - 1].norm.as_ref();
                if roles[k - 1].aux {
                    after_aux = true;
                    break;
                }
                if !(ADVERBS.contains(&p) || ly_adverb(p)) {
                    break;
                }
                k -= 1;
            }
            let stop = has(flag::STOPWORD);
            // an irregular form after a gerund that opens a noun phrase is the phrase's
            // noun ("the smuggling ring", "a training run")
            let second_in_phrase = i >= 2
                && roles[i - 2].seg == r.seg
                && DETERMINERS.contains(&words[i - 2].norm.as_ref())
                && words[i - 1].norm.ends_with("ing");
            let shaped = (w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed"))
                || (w.len() >= 5 && w.ends_with("ing"))
                || (has(flag::IRREGULAR) && !second_in_phrase)
                || (has(flag::CLAIM_CUE) && w != "according");
            // a present form in -s that the lexicon knows as a verb: "denies", "says"
            let listed_s = w.len() >= 4
                && w.ends_with('s')
                && !w.ends_with("ss")
                && has(flag::CLAIM_CUE | flag::NEG_REJECTION | flag::ANTONYM | flag::EVENT)
                && prev.is_some_and(|p| !DETERMINERS.contains(&p));
            if !stop && (shaped || after_aux || listed_s) {
                roles[i].verb = true;
                roles[i].reporting =
                    has(flag::CLAIM_CUE) || cue.is_some_and(|c| c.contains(words[i].span));
            }
        }
        // An auxiliary chain with no verb after it is the predicate itself ("will be
        // 29", "did not have a gun").
        for i in 0..n {
            if !roles[i].aux || words[i].norm == "to" {
                continue;
            }
            let seg = roles[i].seg;
            let mut k = i + 1;
            while k < n
                && roles[k].seg == seg
                && (roles[k].aux || ADVERBS.contains(&words[k].norm.as_ref()))
            {
                k += 1;
            }
            let verb_next = k < n && roles[k].seg == seg && roles[k].verb;
            if !verb_next && (k == i + 1 || !roles[k - 1].aux || k - 1 == i) {
                roles[i].verb = true;
            }
        }
        for i in 0..n {
            if roles[i].verb && modifies_a_noun(words, &roles, i) {
                roles[i].verb = false;
            }
            roles[i].infinitive = roles[i].verb && i > 0 && words[i - 1].norm == "to";
        }
        let syntax = Syntax { roles, starts };
        let irrealis: Vec<bool> = (0..n).map(|v| syntax.is_irrealis(words, v)).collect();
        let mut syntax = syntax;
        for (r, x) in syntax.roles.iter_mut().zip(irrealis) {
            r.irrealis = r.verb && x;
        }
        syntax
    }

    /// The bounds of the segment of word `i`.
    fn segment(&self, i: usize) -> (usize, usize) {
        let seg = self.roles[i].seg as usize;
        let start = self.starts.get(seg).copied().unwrap_or(0);
        let end = self
            .starts
            .get(seg + 1)
            .copied()
            .unwrap_or(self.roles.len());
        (start, end)
    }

    /// Whether verb `v` stands under a modal or after "to" governed by a word of plan or
    /// expectation ("scheduled to face", "would provide").
    fn is_irrealis(&self, words: &[Word<'_>], v: usize) -> bool {
        if !self.roles[v].verb {
            return false;
        }
        let (start, _) = self.segment(v);
        let mut k = v;
        while k > start {
            let p = words[k - 1].norm.as_ref();
            if IRREALIS_MODALS.contains(&p) {
                return true;
            }
            if p == "to" {
                return k >= 2
                    && k - 1 > start
                    && IRREALIS_GOVERNORS.contains(&words[k - 2].norm.as_ref());
            }
            if !(self.roles[k - 1].aux || ADVERBS.contains(&p) || ly_adverb(p)) {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// The verb a word at `at` belongs to: the nearest verb before it in its segment,
    /// else the first after it there; in a segment with no verb that opens the claim
    /// ("On Tuesday, police said"), the first verb after it.
    pub fn predicate_of(&self, at: usize) -> Option<usize> {
        if at >= self.roles.len() {
            return None;
        }
        let (start, end) = self.segment(at);
        let before = |finite: bool| {
            (start..at)
                .rev()
                .find(|&k| self.roles[k].verb && !(finite && self.roles[k].infinitive))
        };
        if let Some(v) = before(true).or_else(|| before(false)) {
            return Some(v);
        }
        if let Some(v) = (at + 1..end).find(|&k| self.roles[k].verb) {
            return Some(v);
        }
        // a fronted phrase: no verb before it in the whole claim
        if (0..start).any(|k| self.roles[k].verb) {
            return None;
        }
        (end..self.roles.len()).find(|&k| self.roles[k].verb)
    }

    /// The first verb after word `at` in its segment that is not one of saying: in
    /// "officials said 40 homes were destroyed" the number belongs to "destroyed".
    pub fn content_verb_after(&self, at: usize) -> Option<usize> {
        let (_, end) = self.segment(at.min(self.roles.len().saturating_sub(1)));
        (at + 1..end).find(|&k| self.roles[k].verb && !self.roles[k].reporting)
    }

    /// The head of the subject of verb `v`: the word before its auxiliaries and
    /// adverbs, when it is a noun or a name (not a pronoun or a function word).
    pub fn subject_of(&self, words: &[Word<'_>], v: usize) -> Option<usize> {
        let (start, _) = self.segment(v);
        let mut k = v;
        while k > start {
            let p = words[k - 1].norm.as_ref();
            if self.roles[k - 1].aux || ADVERBS.contains(&p) || ly_adverb(p) {
                k -= 1;
                continue;
            }
            break;
        }
        let s = k.checked_sub(1).filter(|&s| s >= start)?;
        let w = words[s].norm.as_ref();
        let lex = Lexicon::get();
        let r = self.roles[s];
        (!r.verb
            && !r.item
            && !lex.is(w, flag::STOPWORD)
            && !w.starts_with(|c: char| c.is_ascii_digit()))
        .then_some(s)
    }

    /// The word right before `at` in its segment that says what a number after it
    /// measures: "magnitude of 6.1", "magnitude at 5.9", "a depth of 10 km". Skips the
    /// prepositions, articles and qualifiers between them; stops at a verb.
    pub fn head_before(&self, words: &[Word<'_>], at: usize) -> Option<usize> {
        let (start, _) = self.segment(at.min(self.roles.len().saturating_sub(1)));
        let mut k = at;
        let mut skipped = 0;
        while k > start {
            let p = words[k - 1].norm.as_ref();
            if HEAD_GAP.contains(&p) && skipped < HEAD_GAP_WORDS {
                k -= 1;
                skipped += 1;
                continue;
            }
            break;
        }
        let h = k.checked_sub(1).filter(|&h| h >= start)?;
        let r = self.roles[h];
        let w = words[h].norm.as_ref();
        let lex = Lexicon::get();
        (skipped > 0
            && !r.verb
            && !r.aux
            && !r.item
            && !lex.is(w, flag::STOPWORD)
            && !w.starts_with(|c: char| c.is_ascii_digit()))
        .then_some(h)
    }

    /// The noun a counted word heads, reading on over the words that continue its
    /// noun phrase ("four prior arrests", "three strong aftershocks", "10,500 Triangle
    /// employees"): the last of at most [`NOUN_PHRASE_WORDS`] words that are no verb,
    /// function word or number.
    pub fn phrase_head(&self, words: &[Word<'_>], first: usize) -> Option<usize> {
        let (_, end) = self.segment(first.min(self.roles.len().saturating_sub(1)));
        let lex = Lexicon::get();
        let mut head = None;
        let last = end.min(first + NOUN_PHRASE_WORDS).min(words.len());
        for (k, word) in words.iter().enumerate().take(last).skip(first) {
            let r = self.roles[k];
            let w = word.norm.as_ref();
            if r.verb
                || r.aux
                || r.item
                || lex.is(w, flag::STOPWORD)
                || w.starts_with(|c: char| c.is_ascii_digit())
            {
                break;
            }
            head = Some(k);
        }
        head
    }
}

/// Words that may stand between a measured noun and its number ("magnitude of at least
/// 5.9").
const HEAD_GAP: &[&str] = &[
    "of",
    "at",
    "to",
    "was",
    "is",
    "were",
    "be",
    "been",
    "about",
    "around",
    "nearly",
    "some",
    "approximately",
    "roughly",
    "almost",
    "least",
    "more",
    "than",
    "up",
    "a",
    "an",
    "the",
    "its",
    "over",
    "under",
    "just",
    "only",
];

/// Most words [`Syntax::head_before`] skips between a noun and its number.
const HEAD_GAP_WORDS: usize = 4;

/// Most words of a noun phrase read after a number for what it counts.
pub const NOUN_PHRASE_WORDS: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile::words::words;

    fn read(t: &str) -> (Vec<String>, Syntax) {
        let ws = words(t, Span::new(0, t.len()));
        let s = Syntax::read(t, &ws, &[], &[], None, false);
        (ws.iter().map(|w| w.norm.to_string()).collect(), s)
    }

    fn verbs(t: &str) -> Vec<String> {
        let (ws, s) = read(t);
        ws.into_iter()
            .zip(&s.roles)
            .filter(|(_, r)| r.verb)
            .map(|(w, _)| w)
            .collect()
    }

    #[test]
    fn finds_verbs() {
        assert_eq!(
            verbs("The quake injured five people and damaged buildings."),
            ["injured", "damaged"]
        );
        assert_eq!(
            verbs("He was scheduled to face the champion."),
            ["scheduled", "face"]
        );
        assert_eq!(verbs("The injured were taken to a hospital."), ["taken"]);
        assert_eq!(verbs("Teixeira will be 29 in April."), ["be"]);
        assert_eq!(verbs("Man denies arson"), ["denies"]);
    }

    #[test]
    fn marks_irrealis() {
        let (ws, s) = read("The city was negotiating to purchase the property.");
        let i = ws.iter().position(|w| w == "purchase").unwrap();
        assert!(s.roles[i].irrealis);
        let (ws, s) = read("The city purchased the property.");
        let i = ws.iter().position(|w| w == "purchased").unwrap();
        assert!(!s.roles[i].irrealis);
    }

    #[test]
    fn predicates_and_subjects() {
        let t = "A quake hit the island on Sunday, injuring five people, officials said Monday.";
        let (ws, s) = read(t);
        let at = |w: &str| ws.iter().position(|x| x == w).unwrap();
        assert_eq!(s.predicate_of(at("sunday")), Some(at("hit")));
        assert_eq!(s.predicate_of(at("five")), Some(at("injuring")));
        assert_eq!(s.predicate_of(at("monday")), Some(at("said")));
        assert!(s.roles[at("said")].reporting);
        assert_eq!(
            s.subject_of(&words(t, Span::new(0, t.len())), at("hit")),
            Some(at("quake"))
        );
        let t = "On Tuesday, police arrested two men.";
        let (ws, s) = read(t);
        let at = |w: &str| ws.iter().position(|x| x == w).unwrap();
        assert_eq!(s.predicate_of(at("tuesday")), Some(at("arrested")));
    }
}
