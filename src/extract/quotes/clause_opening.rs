//! Where a sentence's subject stands: whether a mention opens its sentence frame or a
//! clause in it, past capitalized qualifiers and role words before the name, an
//! opening phrase ("On Monday, Cruz ..."), or an opening adverbial phrase or clause
//! that names someone itself ("In an interview with ABC News, Clinton ...").

use super::frame::Frame;
use super::words::{is_function_word, looks_nominal, word_lists};
use crate::extract::actors::lexicon::flag;

/// How many tokens an opening phrase before a sentence's subject may have ("On Monday
/// night in Des Moines, Cruz ...").
const OPENING_PHRASE_TOKENS: usize = 10;
/// How many tokens an opening adverbial phrase or clause may have before the comma
/// after which the main clause's subject stands ("In an interview with ABC News over
/// the weekend, Clinton ...").
const OPENING_ADVERBIAL_TOKENS: usize = 30;
/// Words other than prepositions that open an adverbial phrase or clause before a
/// sentence's subject ("As we walked ..., Nega ...", "Following the debate, ...").
const OPENING_ADVERBIAL_WORDS: &[&str] = &[
    "as",
    "when",
    "while",
    "although",
    "though",
    "because",
    "since",
    "if",
    "once",
    "until",
    "following",
    "during",
    "despite",
    "amid",
    "outside",
    "inside",
    "throughout",
    "speaking",
];
/// How many capitalized words a subject's name may have before its mention ("Former
/// Arkansas Gov. Mike Huckabee").
const SUBJECT_QUALIFIER_WORDS: usize = 5;

impl Frame<'_> {
    /// Whether the mention starting at token `a` opens its sentence frame or a clause
    /// coordinated in it ("But Trump ...", "..., but Christie ...", "On Monday, Cruz
    /// ..."): where a sentence's subject stands.
    pub(super) fn opens_clause(&self, a: usize) -> bool {
        let u = self.unit[a];
        let first = self.unit_first[u];
        let mut k = a;
        // "Former Arkansas Gov. Mike Huckabee": capitalized qualifiers the name's
        // mention leaves out still belong to the subject; "Democratic presidential
        // front-runner Hillary Clinton": a party or a patron named before role words
        // only qualifies the person after them.
        let mut after_role = false;
        let mut plain_words = false;
        while k > first
            && a - k < SUBJECT_QUALIFIER_WORDS
            && self.frame(k - 1)
            && self.toks.is_alnum(k - 1)
        {
            let p = k - 1;
            let lw = self.lo(p);
            let cap = self.toks[p].cap();
            let ends_mention = self.by_end.get(&p);
            // "Former Pennsylvania governor Ed Rendell": a mention before role words that
            // is one word, or that is no person's name, only qualifies the role.
            let one_word_mention = ends_mention.is_some_and(|mi| {
                let (s, e) = self.mention_toks(mi);
                s == e || !self.plainly_person(mi)
            });
            // "In Louisville, ...": a capitalized preposition opens a phrase, not a
            // subject's name.
            if cap
                && (ends_mention.is_none() || after_role && one_word_mention)
                && !word_lists().prepositions.contains(lw)
            {
                k = p;
                continue;
            }
            if !cap
                && !is_function_word(lw)
                && looks_nominal(lw)
                && !self.toks.has(p, flag::QUOTE_CUE)
            {
                let role = self.toks.has(p, flag::ROLE | flag::MODIFIER | flag::TITLE);
                after_role |= role;
                plain_words |= !role;
                k = p;
                continue;
            }
            break;
        }
        // Lower-case words that are no role ("Trump hates Cruz", "The 27-year-old
        // Escalante") lead back to no subject.
        if plain_words && !after_role {
            k = a;
        }
        // A quotation just before a person's name opens a clause ("“...,” Trump
        // said"), not one before role words ("the “Twilight” director X").
        let walked = k != a;
        // "But", "And", "Still" before the subject.
        if k > first
            && matches!(
                self.lo(k - 1),
                "but" | "and" | "so" | "yet" | "still" | "then"
            )
        {
            k -= 1;
        }
        if k == first
            || (!walked && k > 0 && self.in_quote[k - 1].is_some() && self.in_quote[k].is_none())
        {
            return true;
        }
        // "when Mr Blinken travelled": the subject of a subordinate clause.
        if k > first
            && matches!(
                self.lo(k - 1),
                "when"
                    | "after"
                    | "while"
                    | "because"
                    | "before"
                    | "since"
                    | "until"
                    | "although"
                    | "though"
                    | "whereas"
                    | "once"
            )
        {
            return true;
        }
        // "..., but Christie", "...; Cruz": a clause of its own; "On Monday, Cruz": the
        // first mention after an opening phrase.
        k > first
            && matches!(self.lo(k - 1), "," | ";")
            && (k < a
                || self.lo(k - 1) == ";"
                || (k - first <= OPENING_PHRASE_TOKENS
                    && !(first..k).any(|j| self.by_end.contains_key(&j)))
                || self.after_opening_adverbial(first, k - 1))
    }

    /// Whether the comma at token `comma` closes an adverbial phrase or clause that
    /// opens its sentence at token `first` ("In an interview with ABC News on Sunday,
    /// Clinton ...", "As we walked past the cathedral, Nega ...", "When Trump spoke,
    /// Cruz ..."): its first word is a preposition or a subordinating word, and no other
    /// comma stands in it, so the mention after it is the main clause's subject even
    /// when the phrase names someone.
    fn after_opening_adverbial(&self, first: usize, comma: usize) -> bool {
        let opener = self.lo(first);
        // "Noting that ..., Schlafly ...": a participle opens the phrase.
        let participle = opener.ends_with("ing") && !self.by_start.contains_key(&first);
        let opens = word_lists().prepositions.contains(opener)
            || OPENING_ADVERBIAL_WORDS.contains(&opener)
            || participle;
        opens
            && opener != "and"
            && comma - first <= OPENING_ADVERBIAL_TOKENS
            && !(first + 1..comma).any(|j| !self.frame(j) || matches!(self.lo(j), "," | ";"))
    }
}
