//! The whole pipeline, from documents to a [`Report`]: the one-call [`crate::reconcile`]
//! and the reusable, configured [`Reconciler`].
//!
//! This module only composes the stages; each stage is a pure function of its own module
//! and can be called alone.

use crate::align::{self, Alignment};
use crate::claims::{self, DocInput};
use crate::config::Config;
use crate::error::{Error, ErrorKind, Position, Result};
use crate::extract;
use crate::model::{
    Claim, ClaimId, DocId, Document, Group, GroupId, Quantity, QuantityId, Quote, Report, Sentence,
    Span, StoryId, TimeExpr, TimeId,
};
use crate::reconcile as reconcile_stage;
use crate::resolve::{self, Extraction};
use crate::segment;
use crate::text;
use std::collections::BTreeMap;

/// A stage of the pipeline, as reported to a progress observer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Stage {
    /// Sentence segmentation, one document at a time.
    Segment,
    /// Actors, quotations and speakers across the documents.
    Actors,
    /// Times and quantities, one document at a time.
    TimesAndQuantities,
    /// The documents partitioned into stories.
    Stories,
    /// Claims and their cross-document alignment.
    Align,
    /// Flags, events and coverage.
    Reconcile,
}

impl Stage {
    /// A short name for progress displays.
    pub fn name(&self) -> &'static str {
        match self {
            Stage::Segment => "segment",
            Stage::Actors => "actors and quotes",
            Stage::TimesAndQuantities => "times and quantities",
            Stage::Stories => "stories",
            Stage::Align => "align",
            Stage::Reconcile => "reconcile",
        }
    }
}

/// Receives progress: the stage, and how many of how many units it has done.
/// The pipeline calls it from the calling thread only.
pub type Progress<'a> = &'a mut dyn FnMut(Stage, usize, usize);

/// Everything the per-document and cross-document extraction stages find, before
/// alignment: what the `extract` command prints.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Extracted {
    /// The documents' ids, dates and sources, sorted by id.
    pub documents: Vec<crate::model::DocumentInfo>,
    /// Actors across all documents, sorted by name; ids from 0.
    pub actors: Vec<crate::model::Actor>,
    /// Quotations and reported speech, with speakers.
    pub quotes: Vec<Quote>,
    /// Temporal expressions, in document then offset order.
    pub times: Vec<TimeExpr>,
    /// Quantities, in document then offset order.
    pub quantities: Vec<Quantity>,
}

/// The pipeline with a configuration, reusable across inputs.
///
/// ```
/// use corroborate::{Config, Document, Reconciler};
/// let mut a = Document::new("a", "The ministry said on Wednesday that the talks would go on.");
/// a.published = Some("2023-03-01".parse().unwrap());
/// let mut b = Document::new("b", "The ministry said on Thursday that the talks would go on.");
/// b.published = Some("2023-03-02".parse().unwrap());
/// let report = Reconciler::new(Config::default()).reconcile(&[a, b]).unwrap();
/// assert_eq!(report.groups.len(), 1);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Reconciler {
    config: Config,
}

impl Reconciler {
    /// A reconciler with `config`.
    pub fn new(config: Config) -> Reconciler {
        Reconciler { config }
    }

    /// Its configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The configuration validated, then `docs` sorted by id and checked.
    fn checked(&self, docs: &[Document]) -> Result<Vec<Document>> {
        self.config.validate().map_err(|e| {
            Error::new(
                ErrorKind::Config,
                "configuration",
                Position::None,
                e.to_string(),
            )
            .with_source(e)
        })?;
        sorted_checked(docs)
    }

    /// Runs every stage on `docs` and returns the report. The result does not depend on
    /// the order of `docs`.
    ///
    /// Fails when the configuration is out of range ([`Config::validate`]), two documents
    /// share an id, or a document's head is not a valid prefix of its text.
    pub fn reconcile(&self, docs: &[Document]) -> Result<Report> {
        self.reconcile_with_progress(docs, &mut |_, _, _| {})
    }

    /// As [`Reconciler::reconcile`], telling `progress` how far each stage has got.
    pub fn reconcile_with_progress(&self, docs: &[Document], progress: Progress) -> Result<Report> {
        let docs = self.checked(docs)?;
        let layers = self.text_layers(&docs);
        // Actors are resolved inside each story: a bare family name in one story must
        // not join, or be made ambiguous by, a person of another happening. The stories
        // read only the text, so they are found beside segmentation and mentions (the
        // stage's merging phase is sequential and would otherwise leave cores idle).
        let n = docs.len();
        progress(Stage::Segment, 0, n);
        let ((sentences, found), parts) = crate::par::join(
            self.config.threads,
            || self.segment_and_mentions(&docs, &layers, &mut |_, _, _| {}),
            || self.partition(&docs),
        );
        progress(Stage::Segment, n, n);
        progress(Stage::Stories, 1, 1);
        let Extraction { actors, quotes } = self.actors_per_story(&docs, found, &parts);
        progress(Stage::Actors, 1, 1);
        // Times and quantities do not feed the claims or their alignment: they are
        // found on a thread of their own meanwhile (alignment has a sequential merging
        // phase that leaves cores free).
        progress(Stage::TimesAndQuantities, 0, n);
        // Copies are found from the sentences alone, beside times and quantities.
        let (((times, quantities), links), (mut claims, groups)) = crate::par::join(
            self.config.threads,
            || {
                (
                    self.times_and_quantities(&docs, &layers),
                    crate::provenance::copies_segmented(&docs, &sentences),
                )
            },
            || {
                progress(Stage::Align, 0, 1);
                let found = self.story_claims(&docs, &sentences, &quotes, &layers, &parts);
                progress(Stage::Align, 1, 1);
                found
            },
        );
        progress(Stage::TimesAndQuantities, n, n);
        attach_times_and_quantities(&mut claims, &times, &quantities);
        progress(Stage::Reconcile, 0, 1);
        let stories =
            crate::stories::stories_of(&docs, &parts, |d| crate::stories::title(&docs[d]));
        let input = reconcile_stage::Input {
            documents: &docs,
            actors: &actors,
            quotes: &quotes,
            times: &times,
            quantities: &quantities,
            claims: &claims,
            groups: &groups,
        };
        let mut report = reconcile_stage::check_stories(&input, &stories, &self.config);
        // a copy is a copy of a report of the same happening
        let story_of: BTreeMap<&crate::model::DocId, crate::model::StoryId> = stories
            .iter()
            .flat_map(|s| s.documents.iter().map(move |d| (d, s.id)))
            .collect();
        let links = links
            .into_iter()
            .filter(|l| story_of.get(&l.from) == story_of.get(&l.to))
            .collect();
        crate::provenance::annotate(&mut report, links);
        progress(Stage::Reconcile, 1, 1);
        Ok(report)
    }

    /// The stories of `docs` ([`crate::stories::cluster`]), as sorted lists of indices
    /// into `docs`, in story order.
    ///
    /// Fails as [`Reconciler::reconcile`] does.
    ///
    /// ```
    /// use corroborate::{Document, Reconciler};
    /// let docs = [
    ///     Document::new("a", "Quake hits Qeshm\n\nA 5.6-magnitude earthquake struck Qeshm island off Iran."),
    ///     Document::new("b", "Qeshm quake\n\nAn earthquake of magnitude 5.6 struck Qeshm island off Iran."),
    /// ];
    /// let stories = Reconciler::default().stories(&docs).unwrap();
    /// assert_eq!(stories.len(), 1);
    /// ```
    pub fn stories(&self, docs: &[Document]) -> Result<Vec<crate::model::Story>> {
        let docs = self.checked(docs)?;
        let parts = self.partition(&docs);
        Ok(crate::stories::stories_of(&docs, &parts, |d| {
            crate::stories::title(&docs[d])
        }))
    }

    /// The partition of `docs` (sorted) into stories.
    fn partition(&self, docs: &[Document]) -> Vec<Vec<usize>> {
        crate::stories::partition_documents(docs, &self.config.stories, self.config.threads)
    }

    /// Runs the extraction stages only: actors, quotes, times and quantities. Actors
    /// are resolved across all of `docs`, which are not partitioned into stories here
    /// (`check` resolves them story by story).
    pub fn extract(&self, docs: &[Document]) -> Result<Extracted> {
        let docs = self.checked(docs)?;
        let progress = &mut |_, _, _| {};
        let layers = self.text_layers(&docs);
        let (_, found) = self.segment_and_mentions(&docs, &layers, progress);
        let Extraction { actors, quotes } = resolve::extraction(&docs, &found);
        drop(found);
        let (times, quantities) = self.times_and_quantities(&docs, &layers);
        Ok(Extracted {
            documents: docs
                .iter()
                .map(|d| crate::model::DocumentInfo {
                    id: d.id.clone(),
                    published: d.published,
                    source: d.source.clone(),
                    len: d.text.len(),
                })
                .collect(),
            actors,
            quotes,
            times,
            quantities,
        })
    }

    /// The claims of `docs` and their groups, as `check` finds them (the claims'
    /// speakers come from the extracted quotations): what the `align` command prints.
    /// The result does not depend on the order of `docs`.
    ///
    /// Fails as [`Reconciler::reconcile`] does.
    ///
    /// ```
    /// use corroborate::{align, Document, Reconciler};
    /// let docs = [
    ///     Document::new("a", "Xi urged all parties to abandon Cold War thinking."),
    ///     Document::new("b", "All sides should give up the Cold War mentality, Xi said."),
    /// ];
    /// let out = Reconciler::default().align(&docs).unwrap();
    /// assert_eq!(out.groups.len(), 1);
    /// assert!(align::to_markdown(&out).contains("Cold War mentality"));
    /// ```
    pub fn align(&self, docs: &[Document]) -> Result<Alignment> {
        let docs = self.checked(docs)?;
        let layers = self.text_layers(&docs);
        let (sentences, found) = self.segment_and_mentions(&docs, &layers, &mut |_, _, _| {});
        let parts = self.partition(&docs);
        let Extraction { quotes, .. } = self.actors_per_story(&docs, found, &parts);
        let (claims, groups) = self.story_claims(&docs, &sentences, &quotes, &layers, &parts);
        Ok(Alignment::new(&docs, claims, groups))
    }

    /// The claims of the documents in `inputs` and their groups: sentence claims
    /// ([`claims::build`]), aligned ([`align::groups`]); then each sentence that finds
    /// no group whole and carries several statements split into its clauses
    /// ([`claims::refine`]) and, if there was one, the claims aligned again. Claim ids
    /// follow document id, then offset.
    pub fn claims_and_groups(&self, inputs: &[DocInput<'_>]) -> (Vec<Claim>, Vec<Group>) {
        let sentences = claims::build(inputs, &self.config);
        let groups = align::groups(&sentences, &self.config);
        match claims::refine(inputs, &sentences, &groups, &self.config) {
            None => (sentences, groups),
            Some(refined) => {
                let groups = align::groups(&refined, &self.config);
                (refined, groups)
            }
        }
    }

    /// The text layer of each document's body ([`text::Tokens`]), tokenized once here
    /// for every later stage that reads words.
    fn text_layers(&self, docs: &[Document]) -> Vec<text::Tokens> {
        crate::par::map(docs, self.config.threads, 2, |doc| {
            text::Tokens::new(&doc.text, doc.body().start)
        })
    }

    /// The claims of each story of `docs` (sorted) and their groups, found story by
    /// story (`parts`: each story's documents as indices into `docs`), each document
    /// given only its own quotes and its text layer. Claims and groups are numbered
    /// story by story (claims in document id, then offset order within a story); each
    /// group names its story.
    fn story_claims(
        &self,
        docs: &[Document],
        sentences: &[Vec<Sentence>],
        quotes: &[Quote],
        layers: &[text::Tokens],
        parts: &[Vec<usize>],
    ) -> (Vec<Claim>, Vec<Group>) {
        // `claims::build` looks quotes up per sentence, so handing every document all
        // quotes would be quadratic
        let mut quotes_of: BTreeMap<&crate::model::DocId, Vec<Quote>> = BTreeMap::new();
        for q in quotes {
            quotes_of.entry(&q.doc).or_default().push(q.clone());
        }
        // many stories run side by side, each on one thread; one story gets every thread
        let (outer, inner) = if parts.len() > 1 {
            (self.config.threads, 1)
        } else {
            (1, self.config.threads)
        };
        let mut config = self.config.clone();
        config.threads = inner;
        let per_story = crate::par::map(parts, outer, 1, |members| {
            let inputs: Vec<DocInput<'_>> = members
                .iter()
                .filter_map(|&d| {
                    Some(DocInput {
                        doc: docs.get(d)?,
                        sentences: sentences.get(d)?,
                        quotes: quotes_of
                            .get(&docs.get(d)?.id)
                            .map(Vec::as_slice)
                            .unwrap_or_default(),
                        tokens: layers.get(d),
                    })
                })
                .collect();
            story_claims_and_groups(&inputs, &config)
        });
        number_by_story(per_story)
    }

    /// Sentences per document (sorted), then each document's own mentions, quotations
    /// and speakers, before resolution across documents.
    fn segment_and_mentions(
        &self,
        docs: &[Document],
        layers: &[text::Tokens],
        progress: Progress,
    ) -> (Vec<Vec<Sentence>>, Vec<extract::DocumentExtraction>) {
        let n = docs.len();
        let threads = self.config.threads;
        progress(Stage::Segment, 0, n);
        let sentences = crate::par::map(docs, threads, 2, segment::sentences);
        progress(Stage::Segment, n, n);
        progress(Stage::Actors, 0, 1);
        let paired: Vec<(&Document, &text::Tokens)> = docs.iter().zip(layers).collect();
        let found = crate::par::map(&paired, threads, 8, |(doc, layer)| {
            extract::document_on(doc, layer)
        });
        (sentences, found)
    }

    /// The actors and quotations of `docs` (sorted; `found[d]` is `docs[d]`'s own
    /// extraction), resolved story by story (`parts`: each story's documents as
    /// indices into `docs`, in story order), so that resolution never compares the
    /// names of two happenings and costs the sum of the stories' costs. Actors are
    /// numbered story by story (each story's sorted by name); quotations in document
    /// id, then text order.
    fn actors_per_story(
        &self,
        docs: &[Document],
        found: Vec<extract::DocumentExtraction>,
        parts: &[Vec<usize>],
    ) -> Extraction {
        if parts.len() <= 1 {
            return resolve::extraction(docs, &found);
        }
        let mut found: Vec<Option<extract::DocumentExtraction>> =
            found.into_iter().map(Some).collect();
        // each story's documents and extractions side by side, as `resolve` reads them
        let stories: Vec<(Vec<Document>, Vec<extract::DocumentExtraction>)> = parts
            .iter()
            .map(|members| {
                members
                    .iter()
                    .filter_map(|&d| Some((docs.get(d)?.clone(), found.get_mut(d)?.take()?)))
                    .unzip()
            })
            .collect();
        drop(found);
        let per_story = crate::par::map(&stories, self.config.threads, 1, |(d, f)| {
            resolve::extraction(d, f)
        });
        drop(stories);
        merge_story_extractions(per_story)
    }

    /// Times and quantities of `docs` (sorted), in document then offset order.
    fn times_and_quantities(
        &self,
        docs: &[Document],
        layers: &[text::Tokens],
    ) -> (Vec<TimeExpr>, Vec<Quantity>) {
        let anchors = extract::time::anchors(docs, &self.config.time);
        let paired: Vec<((&Document, &text::Tokens), _)> =
            docs.iter().zip(layers).zip(anchors).collect();
        let found = crate::par::map(&paired, self.config.threads, 2, |((doc, layer), anchor)| {
            extract::times_and_quantities_on(doc, layer, *anchor, &self.config.time)
        });
        let mut times = Vec::new();
        let mut quantities = Vec::new();
        for (t, q) in found {
            times.extend(t);
            quantities.extend(q);
        }
        // numbered across the documents, which are in id order
        for (k, t) in times.iter_mut().enumerate() {
            t.id = TimeId(k as u32);
        }
        for (k, q) in quantities.iter_mut().enumerate() {
            q.id = QuantityId(k as u32);
        }
        (times, quantities)
    }
}

/// [`Reconciler::claims_and_groups`] of one story's documents: aligned as one story
/// ([`align::story_groups`]) when the feed was partitioned into stories, as given
/// ([`align::groups`], whose story filter sets apart documents that share little)
/// when the input is taken as one story ([`crate::stories::StoryMode::One`]).
fn story_claims_and_groups(inputs: &[DocInput<'_>], config: &Config) -> (Vec<Claim>, Vec<Group>) {
    let align = |claims: &[Claim]| match config.stories.mode {
        crate::stories::StoryMode::One => align::groups(claims, config),
        _ => align::story_groups(claims, config),
    };
    let sentences = claims::build(inputs, config);
    let groups = align(&sentences);
    match claims::refine(inputs, &sentences, &groups, config) {
        None => (sentences, groups),
        Some(refined) => {
            let groups = align(&refined);
            (refined, groups)
        }
    }
}

/// The actors and quotations of each story (each numbered from 0), in story order, as
/// one [`Extraction`]: actors numbered story by story, quotations in document id then
/// text order (each document is in one story) and numbered in that order.
fn merge_story_extractions(per_story: Vec<Extraction>) -> Extraction {
    let mut actors: Vec<crate::model::Actor> = Vec::new();
    let mut quotes: Vec<Quote> = Vec::new();
    for story in per_story {
        let first = actors.len() as u32;
        let shift = |id: crate::model::ActorId| crate::model::ActorId(first + id.0);
        actors.extend(story.actors.into_iter().map(|mut a| {
            a.id = shift(a.id);
            a
        }));
        quotes.extend(story.quotes.into_iter().map(|mut q| {
            q.speaker = q.speaker.map(shift);
            q
        }));
    }
    // stable: a document's quotations keep their text order
    quotes.sort_by(|a, b| a.doc.cmp(&b.doc));
    for (i, q) in quotes.iter_mut().enumerate() {
        q.id = crate::model::QuoteId(i as u32);
    }
    Extraction { actors, quotes }
}

/// The claims and groups of each story (each numbered from 0) numbered across the
/// stories, in story order; each group names its story.
fn number_by_story(per_story: Vec<(Vec<Claim>, Vec<Group>)>) -> (Vec<Claim>, Vec<Group>) {
    let mut claims: Vec<Claim> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    for (s, (story_claims, story_groups)) in per_story.into_iter().enumerate() {
        // the next free ids: a story's own ids are shifted past every earlier story's
        let c0 = claims.last().map_or(0, |c| c.id.0 + 1);
        let g0 = groups.last().map_or(0, |g| g.id.0 + 1);
        claims.extend(story_claims.into_iter().map(|mut c| {
            c.id = ClaimId(c0 + c.id.0);
            c
        }));
        groups.extend(story_groups.into_iter().map(|mut g| {
            g.id = GroupId(g0 + g.id.0);
            g.story = StoryId(s as u32);
            for c in &mut g.claims {
                *c = ClaimId(c0 + c.0);
            }
            g
        }));
    }
    (claims, groups)
}

/// The documents sorted by id, after checking ids are unique and heads are valid.
fn sorted_checked(docs: &[Document]) -> Result<Vec<Document>> {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, doc) in docs.iter().enumerate() {
        if let Some(first) = seen.insert(doc.id.as_str(), i) {
            return Err(Error::duplicate_id("documents", first, i, doc.id.as_str()));
        }
        let head = doc.head;
        if head.start > head.end
            || head.end > doc.text.len()
            || !doc.text.is_char_boundary(head.end)
        {
            return Err(Error::new(
                ErrorKind::Config,
                doc.id.as_str(),
                Position::Byte(head.end),
                "the document's head is not a prefix of its text ending on a character boundary",
            ));
        }
    }
    let mut sorted = docs.to_vec();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(sorted)
}

/// Gives each claim the ids of the temporal expressions and quantities inside its span
/// (in its document), in offset order, replacing what it had: the one place where
/// claims meet the times and quantities found beside them, so that reconciliation reads
/// ids instead of matching spans again. `times` and `quantities` may be in any order.
///
/// ```
/// use corroborate::{attach_times_and_quantities, extract, Document, TimeId};
/// let doc = Document::new("a", "They met on Monday. Trade rose 5% in 2022.");
/// let (times, quantities) = extract::times_and_quantities(&doc, &Default::default());
/// let mut claims = corroborate::claims::from_documents(&[doc], &Default::default());
/// attach_times_and_quantities(&mut claims, &times, &quantities);
/// assert_eq!(claims[0].times, [TimeId(0)]);
/// assert_eq!((claims[1].times.len(), claims[1].quantities.len()), (1, 1));
/// ```
pub fn attach_times_and_quantities(
    claims: &mut [Claim],
    times: &[TimeExpr],
    quantities: &[Quantity],
) {
    let times = SpanIndex::new(times.iter().map(|t| (&t.doc, t.span, t.id)));
    let quantities = SpanIndex::new(quantities.iter().map(|q| (&q.doc, q.span, q.id)));
    // claims come in runs of one document: look each run's lists up once
    type Run<'a> = (DocId, &'a [(Span, TimeId)], &'a [(Span, QuantityId)]);
    let mut run: Option<Run> = None;
    for c in claims {
        let (_, t, q) = match run {
            Some(ref r) if r.0 == c.doc => r,
            _ => run.insert((c.doc.clone(), times.of(&c.doc), quantities.of(&c.doc))),
        };
        c.times = inside(t, c.span);
        c.quantities = inside(q, c.span);
    }
}

/// The items of a list sorted by span that lie inside `span`, in offset order.
fn inside<I: Copy>(list: &[(Span, I)], span: Span) -> Vec<I> {
    let from = list.partition_point(|(s, _)| s.start < span.start);
    list[from..]
        .iter()
        .take_while(|(s, _)| s.start < span.end)
        .filter(|(s, _)| s.end <= span.end)
        .map(|&(_, id)| id)
        .collect()
}

/// Items with a span, by document, each document's sorted by span (already so for the
/// pipeline's own, which makes the sort one pass), so that the items inside a span are
/// found by binary search.
struct SpanIndex<'a, I> {
    by_doc: BTreeMap<&'a DocId, Vec<(Span, I)>>,
}

impl<'a, I: Copy> SpanIndex<'a, I> {
    fn new(items: impl Iterator<Item = (&'a DocId, Span, I)>) -> SpanIndex<'a, I> {
        let mut by_doc: BTreeMap<&DocId, Vec<(Span, I)>> = BTreeMap::new();
        // items come in runs of one document: look each run's list up once
        let mut run: Option<(&DocId, Vec<(Span, I)>)> = None;
        for (doc, span, id) in items {
            match &mut run {
                Some((d, list)) if *d == doc => list.push((span, id)),
                _ => {
                    if let Some((d, list)) = run.replace((doc, vec![(span, id)])) {
                        by_doc.entry(d).or_default().extend(list);
                    }
                }
            }
        }
        if let Some((d, list)) = run {
            by_doc.entry(d).or_default().extend(list);
        }
        for list in by_doc.values_mut() {
            list.sort_by_key(|&(s, _)| s);
        }
        SpanIndex { by_doc }
    }

    /// The items of `doc`, sorted by span.
    fn of(&self, doc: &DocId) -> &[(Span, I)] {
        self.by_doc.get(doc).map_or(&[], Vec::as_slice)
    }
}

/// Finds the actors and quotations of `docs` and who says what: each document's
/// mentions and quotations ([`extract::document`], on every core), then the actors
/// across documents ([`resolve::extraction`]). What the `extract` command prints
/// besides times and quantities.
///
/// The result does not depend on the order of `docs`.
///
/// ```
/// use corroborate::Document;
/// let docs = [
///     Document::new("a", "“We will win,” President Xi Jinping said."),
///     Document::new("b", "“We will surely win,” Mr Xi said."),
/// ];
/// let x = corroborate::actors_and_quotes(&docs);
/// assert_eq!(x.actors.len(), 1);
/// assert_eq!(x.actors[0].name, "Xi Jinping");
/// assert!(x.quotes.iter().all(|q| q.speaker == Some(x.actors[0].id)));
/// ```
pub fn actors_and_quotes(docs: &[Document]) -> Extraction {
    actors_and_quotes_on(docs, 0)
}

/// [`actors_and_quotes`] on up to `threads` threads (`0`: every core).
fn actors_and_quotes_on(docs: &[Document], threads: usize) -> Extraction {
    // Documents are independent until `resolve`; they run in input order.
    let found = crate::par::map(docs, threads, 8, extract::document);
    resolve::extraction(docs, &found)
}

/// Runs the whole pipeline with the default [`Config`] and returns the report.
///
/// ```
/// use corroborate::Document;
/// let docs = [
///     Document::new("a", "Officials said 12 people were hurt in the blast."),
///     Document::new("b", "Officials said 15 people were hurt in the blast."),
/// ];
/// let report = corroborate::reconcile(&docs).unwrap();
/// assert!(report.flags.iter().any(|f| f.kind == corroborate::FlagKind::Quantity));
/// ```
pub fn reconcile(docs: &[Document]) -> Result<Report> {
    Reconciler::default().reconcile(docs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimId, Polarity};

    fn claim(doc: &str, start: usize, end: usize) -> Claim {
        Claim {
            id: ClaimId(0),
            doc: DocId::from(doc),
            span: Span::new(start, end),
            text: String::new(),
            sentence: 0,
            speaker: None,
            quotes: Vec::new(),
            times: vec![TimeId(99)],
            quantities: Vec::new(),
            polarity: Polarity::Positive,
            attribution: None,
            cue: None,
            tokens: Default::default(),
        }
    }

    #[test]
    fn claims_get_the_times_inside_them_in_offset_order() {
        // out of order, another document, one crossing the claim's end
        let times = [
            ("b", 12, 15),
            ("a", 12, 15),
            ("a", 0, 4),
            ("a", 18, 25),
            ("a", 5, 9),
        ];
        let times: Vec<TimeExpr> = (0..)
            .zip(times)
            .map(|(id, (doc, s, e))| TimeExpr::test_at(id, doc, s, e))
            .collect();
        let mut claims = [claim("a", 0, 20), claim("a", 20, 30), claim("c", 0, 9)];
        attach_times_and_quantities(&mut claims, &times, &[]);
        assert_eq!(claims[0].times, [TimeId(2), TimeId(4), TimeId(1)]);
        assert!(claims[1].times.is_empty() && claims[2].times.is_empty());
    }
}
