//! What each claim of a group says, gathered from the extraction stages: its words,
//! times, quantities, direct quotations, speaker and source.

use super::fact::{Frame, Parts};
use super::lexicon::{CuePosition, Lexicon};
pub use super::party::Party;
use super::party::{description_role, is_pronoun, looks_named, Identity};
use super::words::{words, Word};
use super::Input;
use crate::model::{
    Actor, ActorId, ActorKind, Claim, ClaimId, DocId, Document, Quantity, QuantityId, Quote,
    QuoteId, QuoteKind, ReferenceForm, Span, TimeExpr, TimeId, TimeKind,
};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// A quotation (direct or reported) given to someone.
#[derive(Clone, Debug)]
pub struct Attributed<'a> {
    /// Who.
    pub party: Party,
    /// The quotation's words.
    pub words: Vec<Word<'a>>,
    /// Reported speech ("X said the call came at 3:33"), not a direct quotation.
    pub reported: bool,
}

/// A direct quotation inside a claim.
#[derive(Clone, Debug)]
pub struct QuoteWords<'a> {
    /// Its words, house-style spellings folded.
    pub words: Vec<Word<'a>>,
    /// Who it is given to, when the text says.
    pub speaker: Option<Party>,
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
    /// What the agent did, folded ("approv"): agents of different acts are no rivals.
    pub predicate: Option<String>,
    /// Every actor mentioned in the claim, sorted.
    pub mentioned: Vec<ActorId>,
    /// What the claim states: its times and numbers tied to their verbs, its shape.
    pub frame: Frame<'a>,
}

/// What one document carries, each list sorted by offset.
pub(super) struct DocData<'a> {
    pub(super) doc: &'a Document,
    quotes: Vec<&'a Quote>,
    pub(super) mentions: Vec<(Span, ActorId)>,
}

/// Lookup tables over one [`Input`], every list sorted by a stable key.
pub struct Index<'a> {
    doc_ix: BTreeMap<&'a DocId, usize>,
    per_doc: Vec<DocData<'a>>,
    pub actors: BTreeMap<ActorId, &'a Actor>,
    identities: BTreeMap<ActorId, Arc<Identity>>,
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
    /// What the claim states as facts (`reconcile::fact`), read from its words, its times
    /// and quantities, its lengths of time and its quotations.
    fn frame(
        &self,
        doc: &'a Document,
        claim: &'a Claim,
        words: &[Word<'a>],
        times: &[&'a TimeExpr],
        quantities: &[&'a Quantity],
        quotes: &[Span],
    ) -> Frame<'a> {
        let durations: Vec<&TimeExpr> = claim
            .times
            .iter()
            .filter_map(|id| self.times.get(id).copied())
            .filter(|t| t.doc == doc.id && valid(doc, t.span) && t.kind == TimeKind::Duration)
            .collect();
        Frame::read(&Parts {
            doc,
            claim,
            words,
            times,
            durations: &durations,
            quantities,
            quotes,
        })
    }

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
        let identities = actors
            .iter()
            .map(|(id, a)| (*id, Arc::new(Identity::of_actor(a))))
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
            identities,
            claims,
            quotes,
            times: input.times.iter().map(|t| (t.id, t)).collect(),
            quantities: input.quantities.iter().map(|q| (q.id, q)).collect(),
            timed_quantities: timed_quantities(input),
        }
    }

    /// The document of an id, if known.
    pub(super) fn document(&self, doc: &DocId) -> Option<&'a Document> {
        self.doc_data(doc).map(|d| d.doc)
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

    pub(super) fn party(
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
        // A mention stands for the party only where it is the phrase's head, or only
        // words of a generic body follow it ("CNN management", "AMD officials" speak
        // for the body): "A Vodafone customer representative" is a person, not Vodafone.
        let text_of = |a: usize, b: usize| data.doc.text.get(a..b).unwrap_or("x");
        let actor = actor.or_else(|| {
            data.mentions
                .iter()
                .filter(|_| lookup)
                .find(|(s, _)| {
                    s.overlaps(span)
                        && (s.end >= span.end
                            || super::party::speaks_for_body(text_of(s.end, span.end)))
                })
                .map(|&(_, a)| a)
        });
        let resolved = actor.and_then(|a| self.actors.get(&a));
        let written = text.map(str::trim).unwrap_or("");
        let pronoun = is_pronoun(written);
        if resolved.is_none() && (written.is_empty() || pronoun) {
            return None;
        }
        let (name, identity, kind) = match resolved {
            Some(a) => (
                a.name.clone(),
                self.identities.get(&a.id).cloned().unwrap_or_default(),
                Some(a.kind),
            ),
            None => (
                written.to_string(),
                Arc::new(Identity::of_written(written)),
                None,
            ),
        };
        // A description ("the governor") names a role, and which holder of it is meant
        // is resolution's best guess: it is compared by role.
        let role = description_role(written).or_else(|| super::party::bare_title(written));
        let title = super::party::written_title(&data.doc.text, span.start);
        Some(Party {
            title,
            actor,
            name,
            identity,
            role,
            span,
            kind,
            // "he said": which person is meant is resolution's guess
            guessed: pronoun,
        })
    }

    /// The party the claims stage gives a claim to, shown where the claim names it; when
    /// it does not (the claim stands inside another sentence's quotation), guessed.
    fn claim_speaker(&self, data: &DocData, actor: ActorId, cs: Span) -> Option<Party> {
        let named = data
            .mentions
            .iter()
            .find(|(s, a)| *a == actor && cs.contains(*s))
            .map(|&(s, _)| s);
        let text = named.and_then(|s| s.get(&data.doc.text));
        let mut p = self.party_at(data, Some(actor), text, named.unwrap_or(cs), false)?;
        p.guessed |= named.is_none();
        Some(p)
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
        let times = self.claim_times(doc, claim);
        let quantities = self.claim_quantities(doc, claim);
        let quotes = self.claim_quotes(data, claim);
        let mut quote_spans: Vec<Span> = quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| q.span)
            .collect();
        let mut heard = self.attributions(data, cs, &quotes);
        if quotes.is_empty() {
            // no quotation stage output covers the claim: its quotation marks, unattributed
            quote_spans = scan_quotes(&doc.text, cs);
            heard.direct = quote_spans
                .iter()
                .map(|&s| quote_words(doc, s, None))
                .filter(|q| !q.words.is_empty())
                .collect();
        }
        let Heard {
            direct,
            speakers,
            mut source,
        } = heard;
        let words = words(&doc.text, cs);
        let mut speaker = self.own_speaker(data, claim, &words, &mut source);
        let mentioned = self.actors_in(&doc.id, cs);
        let mut agent = None;
        if speaker.is_none() && speakers.is_empty() && quotes.is_empty() && source.is_none() {
            agent = self.agent_and_act(data, cs);
        }
        let predicate = agent.as_ref().and_then(|(_, act)| act.clone());
        if let Some((p, _)) = &agent {
            speaker = Some(p.clone());
        }
        let frame = self.frame(doc, claim, &words, &times, &quantities, &quote_spans);
        Some(Facts {
            frame,
            claim,
            doc,
            words,
            times,
            quotes: direct,
            speakers,
            speaker,
            source,
            agent: agent.is_some(),
            predicate,
            mentioned,
        })
    }

    /// The claim's dates and times and its numbers that are not part of a time, as
    /// [`Index::facts`] reads them; `None` when its document is unknown.
    pub(super) fn anchors(
        &self,
        claim: &'a Claim,
    ) -> Option<(Vec<&'a TimeExpr>, Vec<&'a Quantity>)> {
        let doc = self.doc_data(&claim.doc)?.doc;
        Some((
            self.claim_times(doc, claim),
            self.claim_quantities(doc, claim),
        ))
    }

    /// The claim's dates and times of day, in offset order (vague ones and lengths of
    /// time left out).
    fn claim_times(&self, doc: &'a Document, claim: &'a Claim) -> Vec<&'a TimeExpr> {
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
        times
    }

    /// The claim's quantities that are not part of a time, in offset order.
    fn claim_quantities(&self, doc: &'a Document, claim: &'a Claim) -> Vec<&'a Quantity> {
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
        quantities
    }

    /// The claim's quotations (direct and reported): its own, else any of the document
    /// inside the claim, in offset order.
    fn claim_quotes(&self, data: &DocData<'a>, claim: &'a Claim) -> Vec<&'a Quote> {
        let doc = data.doc;
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
                .filter(|q| claim.span.overlaps(q.span))
                .collect();
        }
        quotes.retain(|q| q.doc == doc.id && valid(doc, q.span));
        quotes.sort_by_key(|q| (q.span, q.id));
        quotes
    }

    /// Who the claim's quotations are given to: the direct quotations' words with their
    /// speakers, the statements given to a speaker, and the source a report credits.
    fn attributions(&self, data: &DocData<'a>, cs: Span, quotes: &[&'a Quote]) -> Heard<'a> {
        let doc = data.doc;
        let mut heard = Heard::default();
        for q in quotes {
            // Without the speaker's own span, the quotation's span locates the party, but
            // a name inside the quotation is not its speaker.
            let own = q.speaker_span.filter(|s| valid(doc, *s));
            let span = own.unwrap_or(q.span);
            let mut party = if own.is_some() {
                self.party(data, q.speaker, q.speaker_text.as_deref(), span)
            } else {
                self.party_at(data, q.speaker, q.speaker_text.as_deref(), span, false)
            };
            if let Some(p) = party.as_mut() {
                // named in another sentence (a quotation that continues a speaker's
                // words): the speaker of this claim is the attribution's guess
                p.guessed |= !own.is_some_and(|s| cs.contains(s));
            }
            if q.kind == QuoteKind::Direct {
                let qw = quote_words(doc, q.span, party.clone());
                if !qw.words.is_empty() {
                    heard.direct.push(qw);
                }
            }
            let Some(p) = party else {
                continue;
            };
            let cue = q.cue.as_deref().unwrap_or("").to_lowercase();
            let credit = Credit::of(doc, &cue, &p);
            if credit.source {
                heard.source.get_or_insert(p);
            } else if p.kind != Some(ActorKind::Document)
                && (p.actor.is_some() || p.role.is_some() || looks_named(&p.name))
            {
                // A paper or statement "calling for" something speaks for its issuer;
                // it is no speaker to hold a statement to.
                heard.speakers.push(Attributed {
                    party: p,
                    words: words(&doc.text, q.span),
                    reported: q.kind == QuoteKind::Indirect && !credit.sourcing,
                });
            }
        }
        heard
    }

    /// Who the claim itself is given to (the claims stage's speaker, not an outlet),
    /// and, when no quotation named a source, the party an "according to" names: a
    /// person is a speaker, anyone else the source.
    fn own_speaker(
        &self,
        data: &DocData<'a>,
        claim: &'a Claim,
        words: &[Word<'a>],
        source: &mut Option<Party>,
    ) -> Option<Party> {
        let mut speaker = claim
            .speaker
            .and_then(|a| self.claim_speaker(data, a, claim.span))
            .filter(|p| p.kind != Some(ActorKind::Outlet));
        if source.is_none() {
            if let Some((span, text)) = scan_source(&data.doc.text, words) {
                if let Some(p) = self.party(data, None, Some(&text), span) {
                    if p.kind == Some(ActorKind::Person) {
                        speaker.get_or_insert(p);
                    } else {
                        *source = Some(p);
                    }
                }
            }
        }
        speaker
    }

    /// Who did what a claim with no speaker reports, and the act, folded.
    fn agent_and_act(&self, data: &DocData<'a>, cs: Span) -> Option<(Party, Option<String>)> {
        let p = self.agent(data, cs)?;
        let act = (|| {
            let at = (
                p.span.start.checked_sub(cs.start)?,
                p.span.end.checked_sub(cs.start)?,
            );
            super::agent::predicate(cs.get(&data.doc.text)?, at)
        })();
        Some((p, act))
    }
}

/// What the quotations of a claim say about who speaks (see [`Index::attributions`]).
#[derive(Default)]
struct Heard<'a> {
    direct: Vec<QuoteWords<'a>>,
    speakers: Vec<Attributed<'a>>,
    source: Option<Party>,
}

/// How a quotation's cue credits its party.
struct Credit {
    /// The cue cites ("according to", "quoted", "reported") or the party is an outlet.
    sourcing: bool,
    /// The party is the claim's source, not a speaker held to the words.
    source: bool,
}

impl Credit {
    fn of(doc: &Document, cue: &str, p: &Party) -> Credit {
        // "reported", not "told reporters": a statement to the press is a statement
        let reporting = |w: &str| matches!(w, "report" | "reports" | "reported" | "reporting");
        let sourcing = cue.split_whitespace().any(|w| {
            reporting(w)
                || ["according", "cit", "quot"]
                    .iter()
                    .any(|c| w.starts_with(c))
        }) || p.kind == Some(ActorKind::Outlet);
        // "X reported that ...": a journalist's report credits a source, even when
        // the reporter is a person; "according to X" gives a person's statement.
        // ("X's reported choice" is no report by X)
        let possessive = doc
            .text
            .get(p.span.end..)
            .is_some_and(|t| t.starts_with("'s") || t.starts_with("\u{2019}s"));
        let report = cue.split_whitespace().any(reporting) && p.role.is_none() && !possessive;
        let source = report || (sourcing && p.kind != Some(ActorKind::Person) && p.role.is_none());
        Credit { sourcing, source }
    }
}

/// A direct quotation's words (without the outlet's bracketed words, house spellings
/// folded) and its speaker.
fn quote_words<'a>(doc: &'a Document, span: Span, speaker: Option<Party>) -> QuoteWords<'a> {
    let mut words = unbracketed(&doc.text, span.start, words(&doc.text, span));
    super::words::fold_house_style(&mut words);
    QuoteWords { words, speaker }
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
            Identity::of_written(&name).tokens,
            ["belta".to_string()].into_iter().collect()
        );
    }
}
