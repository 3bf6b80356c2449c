//! Who did what a claim without a speaker reports ("Senator Weber approved the plan",
//! "the plan was approved by the governor"), and the predicate that act is: two claims
//! name different agents of one act only when they report the same predicate.

use super::facts::{DocData, Index};
use super::party::{description_role, Party};
use crate::model::{ActorKind, Span};

impl Index<'_> {
    /// The description that does what a claim reports, when no name does: "The
    /// foreign minister increased ...", "On Friday, the economist halted ...", "...
    /// was stopped by the economist near ...".
    fn described_agent(&self, data: &DocData, cs: Span) -> Option<Party> {
        let text = cs.get(&data.doc.text)?;
        // ASCII folding keeps byte offsets equal between `text` and `lower`.
        let lower = text.to_ascii_lowercase();
        // After a short fronted phrase ("On Friday, ").
        let mut starts = vec![0];
        if let Some(c) = text.find(", ") {
            let head = &lower[..c];
            if head.split_whitespace().count() <= 4
                && [
                    "on ", "in ", "at ", "late ", "earlier ", "last ", "this ", "later ",
                ]
                .iter()
                .any(|p| head.starts_with(p))
            {
                starts.push(c + 2);
            }
        }
        for from in starts {
            if let Some((a, b)) = leading_description(&text[from..]) {
                let span = Span::new(cs.start + from + a, cs.start + from + b);
                let after = &text[from + b..];
                // A mention inside it ("the Chinese president Xi") is a name, not this.
                if data.mentions.iter().any(|(m, _)| m.overlaps(span)) || after.starts_with(" and ")
                {
                    return None;
                }
                return self.party(data, None, text.get(from + a..from + b), span);
            }
        }
        // "... was halted by the economist near ...".
        let by = lower.find(" by the ")?;
        if ![" was ", " were ", " been ", " is ", " are "]
            .iter()
            .any(|v| lower[..by].contains(v))
        {
            return None;
        }
        let from = by + 4;
        let (a, b) = leading_description(&text[from..])?;
        let span = Span::new(cs.start + from + a, cs.start + from + b);
        if data.mentions.iter().any(|(m, _)| m.overlaps(span)) {
            return None;
        }
        self.party(data, None, text.get(from + a..from + b), span)
    }

    /// The one person who does what a claim without a speaker reports: the subject
    /// opening it (after at most a short fronted phrase such as "On Monday,"), or the
    /// agent of a passive ("... was approved by Senator Weber"). None when the subject
    /// is several people ("Xi and Lukashenko signed") or a possessive ("Xi's plan").
    pub(super) fn agent(&self, data: &DocData, cs: Span) -> Option<Party> {
        let text = data.doc.text.as_str();
        if let Some(p) = self.described_agent(data, cs) {
            return Some(p);
        }
        for &(span, actor) in data.mentions.iter().filter(|(s, _)| cs.contains(*s)) {
            if self.actors.get(&actor).map(|a| a.kind) != Some(ActorKind::Person) {
                continue;
            }
            let before = text.get(cs.start..span.start)?.trim_end();
            let after = text.get(span.end..cs.end)?.trim_start();
            let lower = before.to_lowercase();
            let fronted = before.ends_with(',')
                && before.split_whitespace().count() <= 5
                && [
                    "on ", "in ", "at ", "late ", "earlier ", "last ", "this ", "later ",
                ]
                .iter()
                .any(|p| lower.starts_with(p));
            let subject = before.is_empty() || fronted;
            let passive = lower.ends_with(" by");
            if !(subject || passive) {
                continue;
            }
            let several = after.starts_with("and ")
                || after.starts_with('&')
                || after.starts_with("’s")
                || after.starts_with("'s")
                || (subject && after.starts_with(',') && apposition_end(after).is_none());
            if several {
                return None;
            }
            return self.party(data, Some(actor), span.get(text), span);
        }
        None
    }
}

/// Where an apposition that opens `after` ends (", the police chief, stopped ..." gives
/// the byte offset after its closing comma), when it is one: a comma, a description
/// ending in a role noun, a comma.
fn apposition_end(after: &str) -> Option<usize> {
    let rest = after.strip_prefix(',')?;
    let close = rest.find(',')?;
    description_role(rest[..close].trim())?;
    Some(1 + close + 1)
}

/// The description ("the foreign minister") that opens `text` as a subject, or follows
/// the "by" of a passive, with its byte range in `text`: a determiner and at most four
/// words ending in a role noun, not followed by "of" or a possessive.
fn leading_description(text: &str) -> Option<(usize, usize)> {
    let mut ends = Vec::new();
    let mut at = 0;
    for w in text.split(' ').take(6) {
        at += w.len();
        ends.push(at);
        at += 1;
    }
    let mut best = None;
    for &end in ends.iter().skip(1).take(4) {
        let phrase = &text[..end];
        let phrase = phrase.trim_end_matches([',', '.']);
        if description_role(phrase).is_none() || phrase.ends_with("’s") || phrase.ends_with("'s")
        {
            continue;
        }
        let next = text.get(end..).unwrap_or("").trim_start();
        let next_word = next.split(' ').next().unwrap_or("");
        if !looks_verbal(next_word) {
            continue;
        }
        best = Some((0, phrase.len()));
    }
    best
}

/// Whether a word right after a subject reads as its verb: an auxiliary or modal, an
/// adverb in -ly, a past form in -ed, or a common irregular past ("met", "said").
fn looks_verbal(w: &str) -> bool {
    let w = w.to_lowercase();
    (w.len() > 3 && (w.ends_with("ed") || w.ends_with("ly")))
        || matches!(
            w.as_str(),
            "has"
                | "had"
                | "have"
                | "is"
                | "was"
                | "were"
                | "are"
                | "will"
                | "would"
                | "could"
                | "should"
                | "can"
                | "may"
                | "might"
                | "must"
                | "did"
                | "does"
                | "met"
                | "said"
                | "made"
                | "took"
                | "gave"
                | "told"
                | "held"
                | "led"
                | "won"
                | "sent"
                | "set"
                | "put"
                | "cut"
                | "hit"
                | "began"
                | "spoke"
                | "went"
                | "came"
                | "saw"
                | "left"
                | "broke"
                | "brought"
                | "sought"
                | "built"
                | "rebuilt"
                | "froze"
                | "chose"
                | "drew"
                | "rose"
                | "fell"
                | "paid"
                | "kept"
                | "laid"
                | "lost"
                | "ran"
                | "stood"
                | "struck"
                | "wrote"
                | "now"
                | "also"
                | "then"
                | "again"
                | "not"
                | "never"
        )
}

/// The predicate of the act an agent does in `claim` (the text of the claim, the agent's
/// byte range in it): the verb after the agent as subject, past an apposition,
/// auxiliaries and adverbs ("Ruiz, the minister, has formally opened" gives "opened"),
/// or the participle before the "by" of a passive. Folded as alignment folds words
/// (stem and synonym group), so "approved" and "approves" are one predicate.
pub(super) fn predicate(claim: &str, agent: (usize, usize)) -> Option<String> {
    let before = claim.get(..agent.0)?.trim_end();
    let after = claim.get(agent.1..)?;
    let word = if let Some(head) = before
        .strip_suffix(" by")
        .or_else(|| before.strip_suffix(" By"))
    {
        head.split_whitespace().rev().find(|w| !skipped(w))?
    } else {
        let after = after.trim_start();
        let after = match apposition_end(after) {
            Some(end) => after.get(end..)?,
            None => after,
        };
        after.split_whitespace().find(|w| !skipped(w))?
    };
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() || word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let folded =
        crate::claims::normalize_sentence(word, &crate::claims::ClaimsConfig::default()).tokens;
    (!folded.is_empty()).then_some(folded)
}

/// Whether a word between an agent and its verb is passed over: an auxiliary, a modal,
/// a negation or an adverb.
fn skipped(w: &str) -> bool {
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    (w.len() > 3 && w.ends_with("ly"))
        || matches!(
            w.as_str(),
            "is" | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "being"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "can"
                | "could"
                | "shall"
                | "should"
                | "may"
                | "might"
                | "must"
                | "did"
                | "does"
                | "do"
                | "not"
                | "never"
                | "also"
                | "then"
                | "again"
                | "now"
                | "still"
                | "already"
                | "just"
                | "later"
                | "previously"
                | "reportedly"
                | "allegedly"
        )
}
