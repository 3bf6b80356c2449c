//! What each claim of a group says, gathered from the extraction stages: its words,
//! times, quantities, direct quotations, speaker and source.

use super::lexicon::{CuePosition, Lexicon};
use super::words::{words, Word};
use super::Input;
use crate::model::{
    Actor, ActorId, ActorKind, Claim, ClaimId, DocId, Document, Quantity, QuantityId, Quote,
    QuoteId, QuoteKind, ReferenceForm, Role, RolePart, Span, TimeExpr, TimeId, TimeKind,
};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Who a claim is given to (speaker) or credited to (source).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    /// The resolved actor, when known.
    pub actor: Option<ActorId>,
    /// The name to show: the actor's name, or the words as written.
    pub name: String,
    /// Folded name words that identify it (for matching unresolved names); shared by
    /// every mention of one actor.
    pub tokens: Arc<BTreeSet<String>>,
    /// The resolved actor's role phrases as lower-case words (["finance", "minister"]);
    /// shared by every mention of one actor.
    pub roles: Arc<Vec<Vec<String>>>,
    /// For a description ("the finance minister"), its role words, the noun last.
    pub role: Option<Vec<String>>,
    /// Where the name stands.
    pub span: Span,
    /// The actor's kind, when resolved.
    pub kind: Option<ActorKind>,
}

/// A quotation (direct or reported) given to someone.
#[derive(Clone, Debug)]
pub struct Attributed<'a> {
    /// Who.
    pub party: Party,
    /// The quotation's words.
    pub words: Vec<Word<'a>>,
}

/// A direct quotation inside a claim.
#[derive(Clone, Debug)]
pub struct QuoteWords<'a> {
    /// Its words.
    pub words: Vec<Word<'a>>,
}

/// Everything compared about one claim.
#[derive(Debug)]
pub struct Facts<'a> {
    /// The claim.
    pub claim: &'a Claim,
    /// Its document.
    pub doc: &'a Document,
    /// The claim's words.
    pub words: Vec<Word<'a>>,
    /// Date and time expressions inside the claim, in offset order (vague ones left out).
    pub times: Vec<&'a TimeExpr>,
    /// Quantities inside the claim that are not part of a time, in offset order.
    pub quantities: Vec<&'a Quantity>,
    /// Direct quotations inside the claim, in offset order.
    pub quotes: Vec<QuoteWords<'a>>,
    /// The quotations inside the claim that are given to someone, with who.
    pub speakers: Vec<Attributed<'a>>,
    /// Who the claim itself is given to (from the claims stage, or "according to" a
    /// person), used when no quotation says.
    pub speaker: Option<Party>,
    /// Who it is credited to.
    pub source: Option<Party>,
    /// `speaker` is who did what the claim reports ("Senator Weber approved the plan",
    /// "the plan was approved by Senator Weber"), not who said it.
    pub agent: bool,
    /// Every actor mentioned in the claim, sorted.
    pub mentioned: Vec<ActorId>,
}

/// What one document carries, each list sorted by offset.
struct DocData<'a> {
    doc: &'a Document,
    quotes: Vec<&'a Quote>,
    mentions: Vec<(Span, ActorId)>,
}

/// Lookup tables over one [`Input`], every list sorted by a stable key.
pub struct Index<'a> {
    doc_ix: BTreeMap<&'a DocId, usize>,
    per_doc: Vec<DocData<'a>>,
    pub actors: BTreeMap<ActorId, &'a Actor>,
    actor_tokens: BTreeMap<ActorId, Arc<BTreeSet<String>>>,
    actor_roles: BTreeMap<ActorId, Arc<Vec<Vec<String>>>>,
    pub claims: BTreeMap<ClaimId, &'a Claim>,
    quotes: BTreeMap<QuoteId, &'a Quote>,
    times: BTreeMap<TimeId, &'a TimeExpr>,
    quantities: BTreeMap<QuantityId, &'a Quantity>,
    /// The quantities that overlap a temporal expression of their document (a number
    /// read as part of a date), which are not compared as quantities.
    timed_quantities: BTreeSet<QuantityId>,
}

fn valid(doc: &Document, span: Span) -> bool {
    span.start <= span.end && span.get(&doc.text).is_some()
}

impl<'a> Index<'a> {
    /// Builds the tables.
    pub fn new(input: &Input<'a>) -> Index<'a> {
        let mut doc_ix = BTreeMap::new();
        let mut per_doc = Vec::new();
        for d in input.documents {
            doc_ix.entry(&d.id).or_insert_with(|| {
                per_doc.push(DocData {
                    doc: d,
                    quotes: Vec::new(),
                    mentions: Vec::new(),
                });
                per_doc.len() - 1
            });
        }
        let actors: BTreeMap<ActorId, &Actor> = input.actors.iter().map(|a| (a.id, a)).collect();
        let actor_tokens = actors
            .iter()
            .map(|(id, a)| {
                let mut t = name_tokens(&a.name);
                for al in &a.aliases {
                    t.extend(name_tokens(al));
                }
                (*id, Arc::new(t))
            })
            .collect();
        let actor_roles = actors
            .iter()
            .map(|(id, a)| (*id, Arc::new(a.roles.iter().map(role_words).collect())))
            .collect();
        let claims = input.claims.iter().map(|c| (c.id, c)).collect();
        let quotes = input.quotes.iter().map(|q| (q.id, q)).collect();
        for q in input.quotes {
            if let Some(&i) = doc_ix.get(&q.doc) {
                per_doc[i].quotes.push(q);
            }
        }
        for a in input.actors {
            // A pronoun stands in for a name the claim's sentence does not write.
            for m in a
                .mentions
                .iter()
                .filter(|m| m.form != ReferenceForm::Pronoun)
            {
                if let Some(&i) = doc_ix.get(&m.doc) {
                    per_doc[i].mentions.push((m.span, a.id));
                }
            }
        }
        for d in &mut per_doc {
            d.quotes.sort_by_key(|q| (q.span, q.id));
            d.mentions.sort();
        }
        Index {
            doc_ix,
            per_doc,
            actors,
            actor_tokens,
            actor_roles,
            claims,
            quotes,
            times: input.times.iter().map(|t| (t.id, t)).collect(),
            quantities: input.quantities.iter().map(|q| (q.id, q)).collect(),
            timed_quantities: timed_quantities(input),
        }
    }

    fn doc_data(&self, doc: &DocId) -> Option<&DocData<'a>> {
        self.doc_ix.get(doc).and_then(|&i| self.per_doc.get(i))
    }

    /// The actors mentioned inside `span` of `doc`, sorted, deduplicated.
    pub fn actors_in(&self, doc: &DocId, span: Span) -> Vec<ActorId> {
        let mut out: Vec<ActorId> = self
            .doc_data(doc)
            .map(|d| {
                d.mentions
                    .iter()
                    .filter(|(s, _)| span.contains(*s))
                    .map(|&(_, a)| a)
                    .collect()
            })
            .unwrap_or_default();
        out.sort();
        out.dedup();
        out
    }

    fn party(
        &self,
        data: &DocData,
        actor: Option<ActorId>,
        text: Option<&str>,
        span: Span,
    ) -> Option<Party> {
        self.party_at(data, actor, text, span, true)
    }

    /// [`Self::party`], where `lookup` says whether an actor mentioned at `span` may
    /// stand in for an unknown `actor`.
    fn party_at(
        &self,
        data: &DocData,
        actor: Option<ActorId>,
        text: Option<&str>,
        span: Span,
        lookup: bool,
    ) -> Option<Party> {
        let actor = actor.or_else(|| {
            data.mentions
                .iter()
                .filter(|_| lookup)
                .find(|(s, _)| s.overlaps(span))
                .map(|&(_, a)| a)
        });
        let resolved = actor.and_then(|a| self.actors.get(&a));
        let written = text.map(str::trim).unwrap_or("");
        if resolved.is_none() && (written.is_empty() || is_pronoun(written)) {
            return None;
        }
        let (name, tokens, kind) = match resolved {
            Some(a) => (
                a.name.clone(),
                self.actor_tokens.get(&a.id).cloned().unwrap_or_default(),
                Some(a.kind),
            ),
            None => (written.to_string(), Arc::new(name_tokens(written)), None),
        };
        let roles = resolved
            .and_then(|a| self.actor_roles.get(&a.id).cloned())
            .unwrap_or_default();
        // A description ("the governor") names a role, and which holder of it is meant
        // is resolution's best guess: it is compared by role.
        let role = description_role(written);
        Some(Party {
            actor,
            name,
            tokens,
            roles,
            role,
            span,
            kind,
        })
    }

    /// Gathers the facts of one claim, or `None` when its document is unknown or its
    /// span is not valid in it.
    pub fn facts(&self, claim: &'a Claim) -> Option<Facts<'a>> {
        let data = self.doc_data(&claim.doc)?;
        let doc = data.doc;
        if !valid(doc, claim.span) {
            return None;
        }
        let cs = claim.span;
        let mut times: Vec<&TimeExpr> = claim
            .times
            .iter()
            .filter_map(|id| self.times.get(id).copied())
            .filter(|t| t.doc == doc.id && valid(doc, t.span))
            .filter(|t| !t.vague && matches!(t.kind, TimeKind::Date | TimeKind::Time))
            .collect();
        if !times.is_sorted_by_key(|t| t.span) {
            times.sort_by(|a, b| (a.span, &a.value).cmp(&(b.span, &b.value)));
        }
        let mut quantities: Vec<&Quantity> = claim
            .quantities
            .iter()
            .filter_map(|id| self.quantities.get(id).copied())
            .filter(|q| q.doc == doc.id && valid(doc, q.span) && q.value.is_finite())
            .filter(|q| !self.timed_quantities.contains(&q.id))
            .collect();
        if !quantities.is_sorted_by_key(|q| q.span) {
            quantities.sort_by(|a, b| {
                (a.span, &a.text)
                    .cmp(&(b.span, &b.text))
                    .then(a.value.total_cmp(&b.value))
            });
        }
        // Quotations: the claim's own, else any in the document inside the claim.
        let mut quotes: Vec<&Quote> = claim
            .quotes
            .iter()
            .filter_map(|id| self.quotes.get(id).copied())
            .collect();
        if quotes.is_empty() {
            quotes = data
                .quotes
                .iter()
                .copied()
                .filter(|q| cs.overlaps(q.span))
                .collect();
        }
        quotes.retain(|q| q.doc == doc.id && valid(doc, q.span));
        quotes.sort_by_key(|q| (q.span, q.id));
        let mut direct: Vec<QuoteWords<'a>> = quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| QuoteWords {
                words: unbracketed(&doc.text, q.span.start, words(&doc.text, q.span)),
            })
            .filter(|q| !q.words.is_empty())
            .collect();
        if quotes.is_empty() {
            direct = scan_quotes(&doc.text, cs)
                .into_iter()
                .map(|s| QuoteWords {
                    words: unbracketed(&doc.text, s.start, words(&doc.text, s)),
                })
                .filter(|q| !q.words.is_empty())
                .collect();
        }
        // Speakers and source from the quotations' attributions, then the claim's own.
        let mut speakers: Vec<Attributed<'a>> = Vec::new();
        let mut source = None;
        for q in &quotes {
            // Without the speaker's own span, the quotation's span locates the party, but
            // a name inside the quotation is not its speaker.
            let own = q.speaker_span.filter(|s| valid(doc, *s));
            let span = own.unwrap_or(q.span);
            let party = if own.is_some() {
                self.party(data, q.speaker, q.speaker_text.as_deref(), span)
            } else {
                self.party_at(data, q.speaker, q.speaker_text.as_deref(), span, false)
            };
            let Some(p) = party else {
                continue;
            };
            let cue = q.cue.as_deref().unwrap_or("").to_lowercase();
            let sourcing = ["according", "cit", "report", "quot"]
                .iter()
                .any(|c| cue.contains(c))
                || p.kind == Some(ActorKind::Outlet);
            if sourcing && p.kind != Some(ActorKind::Person) && p.role.is_none() {
                source.get_or_insert(p);
            } else if p.kind != Some(ActorKind::Document)
                && (p.actor.is_some() || p.role.is_some() || looks_named(&p.name))
            {
                // A paper or statement "calling for" something speaks for its issuer;
                // it is no speaker to hold a statement to.
                speakers.push(Attributed {
                    party: p,
                    words: words(&doc.text, q.span),
                });
            }
        }
        let words = words(&doc.text, cs);
        let mut speaker = claim
            .speaker
            .and_then(|a| self.party(data, Some(a), None, cs))
            .filter(|p| p.kind != Some(ActorKind::Outlet));
        if source.is_none() {
            if let Some((span, text)) = scan_source(&doc.text, &words) {
                if let Some(p) = self.party(data, None, Some(&text), span) {
                    if p.kind == Some(ActorKind::Person) {
                        speaker.get_or_insert(p);
                    } else {
                        source = Some(p);
                    }
                }
            }
        }
        let mentioned = self.actors_in(&doc.id, cs);
        let mut agent = false;
        if speaker.is_none() && speakers.is_empty() && quotes.is_empty() && source.is_none() {
            speaker = self.agent(data, cs);
            agent = speaker.is_some();
        }
        Some(Facts {
            claim,
            doc,
            words,
            times,
            quantities,
            quotes: direct,
            speakers,
            speaker,
            source,
            agent,
            mentioned,
        })
    }

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
    fn agent(&self, data: &DocData, cs: Span) -> Option<Party> {
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

/// The quantities of `input` that overlap a temporal expression of their document.
fn timed_quantities(input: &Input) -> BTreeSet<QuantityId> {
    // Times by document and start, with the furthest end reached so far: a quantity
    // overlaps a time when one starting before its end reaches past its start.
    let mut times: Vec<(&DocId, Span)> = input.times.iter().map(|t| (&t.doc, t.span)).collect();
    times.sort();
    let mut reach = Vec::with_capacity(times.len());
    for (k, &(doc, span)) in times.iter().enumerate() {
        let before = k
            .checked_sub(1)
            .filter(|&p| times[p].0 == doc)
            .map(|p| reach[p]);
        reach.push(before.map_or(span.end, |r: usize| r.max(span.end)));
    }
    input
        .quantities
        .iter()
        .filter(|q| {
            let n = times.partition_point(|&(d, s)| (d, s.start) < (&q.doc, q.span.end));
            n > 0 && times[n - 1].0 == &q.doc && reach[n - 1] > q.span.start
        })
        .map(|q| q.id)
        .collect()
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

/// The words not inside square brackets: "[These approaches] should be aimed" quotes
/// "should be aimed"; the bracketed words are the outlet's, not the speaker's.
fn unbracketed<'a>(text: &str, from: usize, ws: Vec<Word<'a>>) -> Vec<Word<'a>> {
    let mut depth = 0i32;
    let mut at = from;
    let mut out = Vec::with_capacity(ws.len());
    for w in ws {
        for c in text.get(at..w.span.start).unwrap_or("").chars() {
            match c {
                '[' => depth += 1,
                ']' => depth = (depth - 1).max(0),
                _ => {}
            }
        }
        at = w.span.end.max(at);
        if depth == 0 {
            out.push(w);
        }
    }
    out
}

/// Whether an unresolved speaker reads as a name ("Qin Gang", "the Kremlin") rather than
/// a description ("a 12-point paper", "officials").
fn looks_named(s: &str) -> bool {
    s.split_whitespace()
        .enumerate()
        .filter(|(i, w)| !(*i == 0 && matches!(*w, "The" | "A" | "An" | "This" | "These")))
        .any(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
}

fn is_pronoun(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "he" | "she" | "it" | "they" | "we" | "i" | "you" | "him" | "her" | "them"
    )
}

/// Words that say what kind of source something is, not which one.
pub const GENERIC: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "and",
    "in",
    "to",
    "mr",
    "mrs",
    "ms",
    "dr",
    "media",
    "medium",
    "report",
    "reports",
    "reported",
    "news",
    "agency",
    "state",
    "run",
    "official",
    "officials",
    "source",
    "sources",
    "international",
    "local",
    "foreign",
    "western",
    "its",
    "his",
    "her",
    "their",
    "president",
    "presidential",
    "leader",
    "minister",
    "ministry",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "office",
    "government",
    "said",
    "statement",
    "s",
];

/// Folded identifying words of a name ("President Xi Jinping" gives `xi`, `jinping`).
pub fn name_tokens(s: &str) -> BTreeSet<String> {
    words(s, Span::new(0, s.len()))
        .into_iter()
        .map(|w| w.norm.trim_end_matches("'s").to_string())
        .filter(|w| !GENERIC.contains(&w.as_str()))
        .collect()
}

/// A role phrase as lower-case words up to its noun, without determiners, possessives
/// and nationality adjectives: "the Chinese Foreign Minister" -> ["foreign", "minister"],
/// "president of Belarus" -> ["president"], "ambassador to Minsk" -> ["ambassador"]
/// ("secretary of state" and "head of government" stay whole).
fn role_words(role: &Role) -> Vec<String> {
    let lex = crate::extract::actors::lexicon::Lexicon::get();
    role.title()
        .filter(|w| {
            !matches!(w.part, RolePart::Determiner | RolePart::Possessor)
                && !lex.nationalities.contains_key(w.text)
        })
        .map(|w| w.text.to_string())
        .collect()
}

/// The role words of a description ("the finance minister" -> ["finance", "minister"]),
/// when `written` is one: a determiner, then words ending in a role noun.
fn description_role(written: &str) -> Option<Vec<String>> {
    let lower = written.to_lowercase();
    if !["the ", "a ", "an "].iter().any(|d| lower.starts_with(d)) {
        return None;
    }
    let ws = role_words(&Role::new(&lower));
    let last = ws.last()?;
    crate::extract::actors::lexicon::Lexicon::get()
        .roles
        .contains(last.as_str())
        .then_some(ws)
}

/// Whether a description's role words can describe an actor with these role phrases:
/// the actor's roles are unknown, or one has the description's noun and, where the
/// actor's phrases with that noun say more ("interior minister"), carries the
/// description's other words too ("the finance minister" is not the interior minister).
fn role_fits(desc: &[String], phrases: &[Vec<String>]) -> bool {
    let Some(head) = desc.last() else {
        return true;
    };
    if phrases.is_empty() {
        return true;
    }
    // A bare generic noun ("the leader", "a senior official") fits anyone; with words
    // that say which ("the opposition leader", "the police chief") it is a role.
    if matches!(head.as_str(), "official" | "leader" | "head" | "chief")
        && desc[..desc.len() - 1]
            .iter()
            .all(|w| crate::extract::actors::lexicon::vague_qualifier(w))
    {
        return true;
    }
    let spokes = ["spokesman", "spokeswoman", "spokesperson"];
    let same =
        |w: &String| w == head || (spokes.contains(&w.as_str()) && spokes.contains(&head.as_str()));
    let with_head: Vec<&Vec<String>> = phrases
        .iter()
        .filter(|p| p.last().is_some_and(same))
        .collect();
    if with_head.is_empty() {
        return false;
    }
    desc.len() == 1
        || with_head.iter().all(|p| p.len() == 1)
        || with_head
            .iter()
            .any(|p| desc[..desc.len() - 1].iter().all(|w| p.contains(w)))
}

impl Party {
    /// Whether two parties can be the same one: the same actor; a description
    /// ("the spokesperson", resolved or not) and a name whose known roles do not exclude
    /// it, or two descriptions with one role noun; or (when either is unresolved) names
    /// sharing an identifying word.
    pub fn same_as(&self, other: &Party) -> bool {
        match (self.actor, other.actor) {
            (Some(a), Some(b)) if a == b => true,
            _ if self.role.is_some() || other.role.is_some() => {
                let (d, o) = if self.role.is_some() {
                    (self, other)
                } else {
                    (other, self)
                };
                let r = d.role.as_deref().unwrap_or_default();
                match &o.role {
                    Some(or) => {
                        role_fits(r, std::slice::from_ref(or))
                            || role_fits(or, std::slice::from_ref(&r.to_vec()))
                    }
                    None => role_fits(r, &o.roles),
                }
            }
            (Some(_), Some(_)) => false,
            _ => {
                if self.tokens.is_empty() || other.tokens.is_empty() {
                    // only generic words: "media reports" vs "state media"
                    return self.tokens.is_empty() && other.tokens.is_empty();
                }
                self.tokens.intersection(&other.tokens).next().is_some()
            }
        }
    }
}

const OPEN_QUOTES: &[char] = &['"', '\u{201C}', '\u{00AB}', '\u{201E}'];

/// Spans of text in quotation marks inside `span` (used when no quotation stage output
/// covers the claim).
pub fn scan_quotes(text: &str, span: Span) -> Vec<Span> {
    let Some(slice) = span.get(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in slice.char_indices() {
        match open {
            None if OPEN_QUOTES.contains(&c) => open = Some((i + c.len_utf8(), c)),
            Some((start, o)) => {
                let closes = match o {
                    '"' => c == '"',
                    '\u{201C}' | '\u{201E}' => c == '\u{201D}' || c == '\u{201C}',
                    _ => c == '\u{00BB}',
                };
                if closes {
                    if i > start {
                        out.push(Span::new(span.start + start, span.start + i));
                    }
                    open = None;
                }
            }
            None => {}
        }
    }
    out
}

/// The source named by a cue such as "according to X" in the claim's words: the words
/// after the cue up to the next punctuation (at most eight words).
fn scan_source(text: &str, ws: &[Word<'_>]) -> Option<(Span, String)> {
    let lex = Lexicon::get();
    for (cue, pos) in &lex.sources {
        if *pos != CuePosition::Before {
            continue;
        }
        for i in 0..ws.len() {
            if ws.len() < i + cue.len()
                || ws[i..i + cue.len()]
                    .iter()
                    .zip(cue)
                    .any(|(w, c)| &w.norm != c)
            {
                continue;
            }
            let after = i + cue.len();
            let mut end = after;
            while end < ws.len() && end < after + 8 {
                // stop at punctuation between words
                let gap = text
                    .get(ws[end - 1].span.end..ws[end].span.start)
                    .unwrap_or("");
                if end > after
                    && gap.chars().any(|c| {
                        matches!(
                            c,
                            ',' | '.' | ';' | ':' | '"' | '\u{201C}' | '\u{201D}' | '(' | ')'
                        )
                    })
                {
                    break;
                }
                if end == after {
                    let gap = text
                        .get(ws[after - 1].span.end..ws[after].span.start)
                        .unwrap_or("");
                    if gap.chars().any(|c| matches!(c, ',' | '.' | ';')) {
                        break;
                    }
                }
                end += 1;
            }
            if end > after {
                let span = Span::new(ws[after].span.start, ws[end - 1].span.end);
                return text
                    .get(span.start..span.end)
                    .map(|t| (span, t.to_string()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_overlapping_a_time_of_their_document() {
        let doc = |d: &str| DocId::from(d);
        let time = |d: &str, s: usize, e: usize| TimeExpr::test_at(0, d, s, e);
        let quantity = |id: u32, d: &str, s: usize, e: usize| Quantity {
            id: QuantityId(id),
            doc: doc(d),
            span: Span::new(s, e),
            text: String::new(),
            value: 1.0,
            value_max: 1.0,
            unit: None,
            approx: crate::model::Approx::Exact,
        };
        // a long time early in "a" reaches past a short one
        let times = [time("a", 0, 30), time("a", 5, 8), time("b", 40, 50)];
        let quantities = [
            ("a", 20, 25),
            ("a", 30, 35),
            ("b", 35, 41),
            ("b", 0, 5),
            ("c", 0, 5),
        ];
        let quantities: Vec<Quantity> = (0..)
            .zip(quantities)
            .map(|(id, (d, s, e))| quantity(id, d, s, e))
            .collect();
        let input = Input {
            times: &times,
            quantities: &quantities,
            ..Input::default()
        };
        let got: Vec<u32> = timed_quantities(&input).into_iter().map(|q| q.0).collect();
        assert_eq!(got, [0, 2]);
    }

    #[test]
    fn bracketed_words_are_the_outlets() {
        let t = "[These approaches] should be aimed [primarily] at peace";
        let ws = unbracketed(t, 0, words(t, Span::new(0, t.len())));
        let got: Vec<&str> = ws.iter().map(|w| w.norm.as_ref()).collect();
        assert_eq!(got, ["should", "be", "aimed", "at", "peace"]);
    }

    #[test]
    fn finds_quotes_and_sources() {
        let t = "According to the state news agency Belta, they “expressed serious worry” and \"hope\".";
        let q = scan_quotes(t, Span::new(0, t.len()));
        let got: Vec<&str> = q.iter().map(|s| s.slice(t)).collect();
        assert_eq!(got, ["expressed serious worry", "hope"]);
        let ws = words(t, Span::new(0, t.len()));
        let (span, name) = scan_source(t, &ws).unwrap();
        assert_eq!(span.slice(t), "the state news agency Belta");
        assert_eq!(
            name_tokens(&name),
            ["belta".to_string()].into_iter().collect()
        );
    }
}
