//! The refine step, after alignment: a sentence that carries several statements and
//! finds no group whole is replaced by the claims of its clauses.

use super::build::{claim_in, QuoteIndex};
use super::clauses::{byte_range, clauses, Join};
use super::interner::{finish, vocabularies, Draft, Interner};
use super::normalize::{Normalizer, Shape};
use super::tokens::raw_view;
use super::DocInput;
use crate::model::Span;
use crate::model::{ActorId, Claim, ClaimId, Group};
use crate::text::Tokens;
use rustc_hash::FxHashMap;

/// Below this many ungrouped sentences they are split on the calling thread.
const MIN_SENTENCES_FOR_THREADS: usize = 64;

/// The sentence claims of `claims` (as [`super::build`] makes them from `inputs`), each
/// sentence that is in none of `groups` and carries several statements (see
/// [`super::clause_spans`]) replaced by its clause claims; `None` when there is no such
/// sentence, so the claims and their groups stand as they are.
///
/// Outlets package statements differently: one writes "China made a peace plan public
/// last week, urging adherence to national sovereignty", another "China last week laid
/// out a 12-point peace initiative". The sentence is the unit while some other outlet
/// carries it whole (splitting it then only loses the group, or lets a bare participial
/// clause match loosely); only a sentence that finds no group as a whole is replaced by
/// its clauses, and the claims are then aligned again. A clause claim keeps its
/// sentence's `sentence` index; claim ids follow document id, then offset.
///
/// ```
/// use corroborate::{align, claims::{self, DocInput}, Config, Document};
/// let docs = [Document::new("a", "The ministry raised the steel tariff on Monday, citing weak demand.")];
/// let sentences: Vec<_> = docs.iter().map(corroborate::segment::sentences).collect();
/// let inputs: Vec<DocInput> = docs.iter().zip(&sentences)
///     .map(|(doc, s)| DocInput { doc, sentences: s, quotes: &[], tokens: None })
///     .collect();
/// let config = Config::default();
/// let cs = claims::build(&inputs, &config);
/// let groups = align::groups(&cs, &config);
/// let refined = claims::refine(&inputs, &cs, &groups, &config).expect("one sentence, two clauses");
/// assert_eq!(refined[0].text, "The ministry raised the steel tariff on Monday");
/// assert_eq!(refined[1].text, "citing weak demand.");
/// assert_eq!(refined[1].tokens, "ministry cit weak urg"); // "demand" maps to "urge"
/// ```
pub fn refine<'a>(
    inputs: &[DocInput<'_>],
    claims: &[Claim],
    groups: &[Group],
    settings: impl Into<super::ClaimsSettings<'a>>,
) -> Option<Vec<Claim>> {
    let config = settings.into();
    let mut by_id: Vec<(ClaimId, usize)> =
        claims.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    by_id.sort_unstable();
    let mut grouped = vec![false; claims.len()];
    for id in groups.iter().flat_map(|g| &g.claims) {
        if let Ok(k) = by_id.binary_search_by_key(id, |e| e.0) {
            grouped[by_id[k].1] = true;
        }
    }
    let ungrouped: Vec<usize> = (0..claims.len()).filter(|&i| !grouped[i]).collect();
    let mut docs: Vec<&DocInput<'_>> = inputs.iter().collect();
    docs.sort_by(|a, b| a.doc.id.cmp(&b.doc.id));
    let quote_indexes: Vec<QuoteIndex<'_>> = docs.iter().map(|d| QuoteIndex::new(d)).collect();
    let input_of = |c: &Claim| {
        docs.binary_search_by(|d| d.doc.id.cmp(&c.doc))
            .ok()
            .map(|k| (docs[k], &quote_indexes[k]))
    };
    let parts = crate::par::map_chunks(
        &ungrouped,
        config.threads,
        MIN_SENTENCES_FOR_THREADS,
        |_, _| false,
        |part| {
            let mut splitter = Splitter::new(config.claims);
            let split: Vec<(usize, Vec<Draft>)> = part
                .iter()
                .filter_map(|&i| {
                    let (input, quotes) = input_of(&claims[i])?;
                    let drafts = splitter.split(input, quotes, &claims[i]);
                    (!drafts.is_empty()).then_some((i, drafts))
                })
                .collect();
            (split, splitter.norm.terms)
        },
    );
    if parts.iter().all(|p| p.0.is_empty()) {
        return None;
    }
    let (splits, interners): (Vec<_>, Vec<Interner>) = parts.into_iter().unzip();
    let (own, which) = vocabularies(claims.iter());
    let mut lists: Vec<&[Box<str>]> = own.iter().map(|v| v.as_list()).collect();
    lists.extend(interners.iter().map(Interner::terms));
    let mut replaced: Vec<Option<Vec<Draft>>> = Vec::new();
    replaced.resize_with(claims.len(), || None);
    for (w, split) in splits.into_iter().enumerate() {
        let list = (own.len() + w) as u32;
        for (i, drafts) in split {
            replaced[i] = Some(drafts.into_iter().map(|d| Draft { list, ..d }).collect());
        }
    }
    let mut drafts: Vec<Draft> = Vec::with_capacity(claims.len());
    for ((c, w), r) in claims.iter().zip(which).zip(replaced) {
        match r {
            Some(clauses) => drafts.extend(clauses),
            None => drafts.push(Draft::of_claim(c, w)),
        }
    }
    Some(finish(&lists, drafts))
}

/// One clause of a sentence, normalized: its bytes in the sentence, shape, terms and
/// join.
struct ClausePart {
    range: (usize, usize),
    shape: Shape,
    terms: Vec<u32>,
    join: Join,
}

/// Splits sentences into clause claims, normalizing each distinct sentence once.
struct Splitter<'a> {
    norm: Normalizer<'a>,
    seen: FxHashMap<String, Vec<ClausePart>>,
}

impl<'a> Splitter<'a> {
    fn new(config: &'a super::ClaimsConfig) -> Splitter<'a> {
        Splitter {
            norm: Normalizer::new(config),
            seen: FxHashMap::default(),
        }
    }

    /// The clause claims of the sentence claim `sentence` of `input` (drafts over this
    /// splitter's terms), or none when it is one clause.
    fn split(
        &mut self,
        input: &DocInput<'_>,
        quotes: &QuoteIndex<'_>,
        sentence: &Claim,
    ) -> Vec<Draft> {
        let text = sentence.text.as_str();
        if !self.seen.contains_key(text) {
            let parts = self.parts(text);
            self.seen.insert(text.to_string(), parts);
        }
        let Some(parts) = self.seen.get(text) else {
            return Vec::new();
        };
        let mut out: Vec<Draft> = Vec::with_capacity(parts.len());
        let mut main: Option<Option<ActorId>> = None;
        for p in parts {
            let at = (sentence.span, sentence.sentence, text);
            let mut claim = claim_in(input, quotes, at, p.range, p.shape);
            if p.join == Join::Participle && claim.quotes.is_empty() {
                // what a participial clause says is said by whoever says the main clause
                claim.speaker = main.flatten();
            }
            if p.join != Join::Participle {
                main = Some(claim.speaker);
            }
            out.push(Draft {
                claim,
                list: 0,
                terms: p.terms.clone(),
            });
        }
        out
    }

    /// The normalized clauses of the sentence `text`; empty when it is one clause or a
    /// clause boundary does not fall on a character boundary.
    fn parts(&mut self, text: &str) -> Vec<ClausePart> {
        // every cut follows a comma or semicolon token; most sentences have none and
        // need no tokenizing (a comma inside a number such as "1,500" is no token)
        if !text.contains([',', ';']) {
            return Vec::new();
        }
        let layer = Tokens::new(text, 0);
        let toks = raw_view(text, &layer, Span::new(0, text.len()));
        let lex = self.norm.lexicon();
        let cut = clauses(&toks, lex);
        let mut out = Vec::with_capacity(cut.len());
        for (k, part) in cut.iter().enumerate() {
            let (a, b) = part.toks;
            let range = byte_range(&toks, &cut, k, text.len());
            if text.get(range.clone()).is_none() {
                return Vec::new();
            }
            let mut clause_terms = Vec::new();
            let shape = self.norm.normalize(&toks[a..b], &mut clause_terms);
            let mut terms = Vec::new();
            if part.join == Join::Participle {
                // its subject is the main clause's: the one who does what it says
                // ("…, urging X"), so those words are its content too; after a
                // reporting participle ("…, adding that X") the subject is the
                // speaker, set apart like any attribution
                if let Some((p, q)) = part.subject {
                    let reporting = lex
                        .reporting
                        .get(&*toks[a].lower)
                        .is_some_and(|cues| cues.iter().any(|c| c.len() == 1));
                    if !reporting {
                        self.norm.normalize(&toks[p..q], &mut terms);
                    }
                }
            }
            terms.extend(clause_terms);
            out.push(ClausePart {
                range: (range.start, range.end),
                shape,
                terms,
                join: part.join,
            });
        }
        out
    }
}
