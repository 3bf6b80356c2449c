//! The build step: one claim per sentence of every document, normalized on all cores.

use super::interner::{finish, Draft, Interner};
use super::normalize::{Normalizer, Shape};
use super::tokens::raw_view;
use super::{ClaimsConfig, ClaimsSettings, DocInput};
use crate::model::{Claim, ClaimId, ContentTokens, Quote, Sentence, Span};
use crate::text::Tokens;
use rustc_hash::FxHashMap;

/// Below this many documents the claims are built on the calling thread.
const MIN_DOCS_FOR_THREADS: usize = 2;

/// One claim per sentence of every document. Claim ids follow document id, then offset,
/// so they do not depend on the order of `inputs`; nor does anything else depend on
/// `config.threads`. Sentences whose span is out of bounds or not on character
/// boundaries are skipped. [`super::refine`] splits, after alignment, the sentences
/// that carry several statements and find no group whole.
pub fn build<'a>(inputs: &[DocInput<'_>], settings: impl Into<ClaimsSettings<'a>>) -> Vec<Claim> {
    let config = settings.into();
    let mut order: Vec<&DocInput<'_>> = inputs.iter().collect();
    order.sort_by(|a, b| a.doc.id.cmp(&b.doc.id));
    let parts = crate::par::map_chunks(
        &order,
        config.threads,
        MIN_DOCS_FOR_THREADS,
        |_, _| false,
        |docs| build_docs(docs, config.claims),
    );
    let mut interners: Vec<Interner> = Vec::with_capacity(parts.len());
    let mut drafts: Vec<Draft> = Vec::with_capacity(parts.iter().map(|p| p.0.len()).sum());
    for (list, (part, interner)) in parts.into_iter().enumerate() {
        drafts.extend(part.into_iter().map(|d| Draft {
            list: list as u32,
            ..d
        }));
        interners.push(interner);
    }
    let lists: Vec<&[Box<str>]> = interners.iter().map(Interner::terms).collect();
    finish(&lists, drafts)
}

/// The sentence claims of `docs` (sorted by id) as drafts over the returned interner.
fn build_docs(docs: &[&DocInput<'_>], config: &ClaimsConfig) -> (Vec<Draft>, Interner) {
    let mut norm = Normalizer::new(config);
    let mut out: Vec<Draft> = Vec::new();
    // Sentences are normalized once per text: wire copies and syndicated articles
    // repeat sentences verbatim, and normalizing depends only on the text (offsets are
    // relative to the sentence). Each text points at its first claim in `out`.
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    let mut buf: Vec<u32> = Vec::new();
    for input in docs {
        // the document's tokens, from the text layer: given, or made here once when a
        // sentence of it is not a copy of one seen before
        let mut own: Option<Tokens> = None;
        let quotes = QuoteIndex::new(input);
        let mut sents: Vec<&Sentence> = input.sentences.iter().collect();
        sents.sort_by_key(|s| (s.span.start, s.span.end));
        for s in sents {
            let Some(text) = input.doc.text.get(s.span.start..s.span.end) else {
                continue;
            };
            let (shape, terms) = match seen.get(text) {
                Some(&first) => {
                    let c = &out[first];
                    (shape_of(&c.claim), c.terms.clone())
                }
                None => {
                    buf.clear();
                    let layer = match input.tokens {
                        Some(t) => t,
                        None => own.get_or_insert_with(|| {
                            Tokens::new(&input.doc.text, input.doc.head.end)
                        }),
                    };
                    let raw = raw_view(&input.doc.text, layer, s.span);
                    let shape = norm.normalize(&raw, &mut buf);
                    seen.insert(text, out.len());
                    // a copy of exactly its length: it becomes the claim's token list
                    (shape, buf.clone())
                }
            };
            out.push(Draft {
                claim: claim_in(
                    input,
                    &quotes,
                    (s.span, s.index, text),
                    (0, text.len()),
                    shape,
                ),
                list: 0,
                terms,
            });
        }
    }
    (out, norm.terms)
}

/// The quotations of one document, sorted by start, with the furthest end reached by
/// each prefix: the quotations a span overlaps are found by binary search and a walk
/// back that stops where no earlier quotation can reach the span, so building a long
/// document's claims costs no scan of all its quotations per claim.
pub(super) struct QuoteIndex<'a> {
    quotes: Vec<&'a Quote>,
    reach: Vec<usize>,
}

impl<'a> QuoteIndex<'a> {
    /// The index of `input`'s quotations (those of its document).
    pub(super) fn new(input: &DocInput<'a>) -> QuoteIndex<'a> {
        let mut quotes: Vec<&'a Quote> = input
            .quotes
            .iter()
            .filter(|q| q.doc == input.doc.id)
            .collect();
        if !quotes
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start)
        {
            quotes.sort_by_key(|q| q.span.start);
        }
        let reach = quotes
            .iter()
            .scan(0, |far, q| {
                *far = (*far).max(q.span.end);
                Some(*far)
            })
            .collect();
        QuoteIndex { quotes, reach }
    }

    /// The quotations that share a byte with `span`, in the order of the input.
    pub(super) fn overlapping(&self, span: Span) -> Vec<&'a Quote> {
        let mut k = self.quotes.partition_point(|q| q.span.start < span.end);
        let mut out = Vec::new();
        while k > 0 && self.reach[k - 1] > span.start {
            k -= 1;
            if span.overlaps(self.quotes[k].span) {
                out.push(self.quotes[k]);
            }
        }
        out.reverse();
        out
    }
}

/// The shape of a claim, with offsets relative to its start.
fn shape_of(c: &Claim) -> Shape {
    let back = |x: Span| (x.start - c.span.start, x.end - c.span.start);
    Shape {
        polarity: c.polarity,
        speaker: c.attribution.map(back),
        cue: c.cue.map(back),
    }
}

/// The claim for bytes `range` (relative, on character boundaries) of a sentence of
/// `input` (its span, index and text), with the attribution and polarity of `shape`
/// (offsets relative to the sentence) and its tokens still to be set. Its speaker is
/// that of the first quotation it overlaps.
pub(super) fn claim_in(
    input: &DocInput<'_>,
    quotes: &QuoteIndex<'_>,
    (sentence, index, text): (Span, usize, &str),
    range: (usize, usize),
    shape: Shape,
) -> Claim {
    let shift = |r: (usize, usize)| Span::new(sentence.start + r.0, sentence.start + r.1);
    let span = shift(range);
    let quotes = quotes.overlapping(span);
    Claim {
        id: ClaimId(0),
        doc: input.doc.id.clone(),
        span,
        text: text.get(range.0..range.1).unwrap_or_default().to_string(),
        sentence: index,
        speaker: quotes.iter().find_map(|q| q.speaker),
        quotes: quotes.iter().map(|q| q.id).collect(),
        times: Vec::new(),
        quantities: Vec::new(),
        polarity: shape.polarity,
        attribution: shape.speaker.map(shift),
        cue: shape.cue.map(shift),
        tokens: ContentTokens::default(),
    }
}
