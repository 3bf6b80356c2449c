//! The whole pipeline, from documents to a [`Report`]: the one-call [`crate::reconcile`]
//! and the reusable, configured [`Reconciler`].
//!
//! This module only composes the stages; each stage is a pure function of its own module
//! and can be called alone.

use crate::config::Config;
use crate::error::{Error, ErrorKind, Position, Result};
use crate::extract;
use crate::model::{Document, Quantity, Quote, Report, Sentence, TimeExpr};
use crate::reconcile as reconcile_stage;
use crate::resolve::{self, Extraction};
use crate::{claims, segment};
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

    /// Runs every stage on `docs` and returns the report. The result does not depend on
    /// the order of `docs`.
    ///
    /// Fails when two documents share an id or a document's head is not a valid prefix
    /// of its text.
    pub fn reconcile(&self, docs: &[Document]) -> Result<Report> {
        self.reconcile_with_progress(docs, &mut |_, _, _| {})
    }

    /// As [`Reconciler::reconcile`], telling `progress` how far each stage has got.
    pub fn reconcile_with_progress(&self, docs: &[Document], progress: Progress) -> Result<Report> {
        let docs = sorted_checked(docs)?;
        let (sentences, Extraction { actors, quotes }) = self.segment_and_actors(&docs, progress);
        // Times and quantities do not feed the claims or their alignment: they are found
        // on a thread of their own while the claims are built and aligned (alignment
        // has a sequential merging phase that leaves cores free).
        let n = docs.len();
        progress(Stage::TimesAndQuantities, 0, n);
        let ((times, quantities), claims, groups) = std::thread::scope(|scope| {
            let found = scope.spawn(|| self.times_and_quantities(&docs));
            progress(Stage::Align, 0, 1);
            let (claims, groups) = self.claims_and_groups(&docs, &sentences, &quotes);
            progress(Stage::Align, 1, 1);
            // a worker only panics on a bug; surface it
            let found = found
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (found, claims, groups)
        });
        progress(Stage::TimesAndQuantities, n, n);
        progress(Stage::Reconcile, 0, 1);
        let input = reconcile_stage::Input {
            documents: &docs,
            actors: &actors,
            quotes: &quotes,
            times: &times,
            quantities: &quantities,
            claims: &claims,
            groups: &groups,
        };
        let report = reconcile_stage::check(&input, &self.config.reconcile);
        progress(Stage::Reconcile, 1, 1);
        Ok(report)
    }

    /// Runs the extraction stages only: actors, quotes, times and quantities.
    pub fn extract(&self, docs: &[Document]) -> Result<Extracted> {
        let docs = sorted_checked(docs)?;
        let progress = &mut |_, _, _| {};
        let (_, Extraction { actors, quotes }) = self.segment_and_actors(&docs, progress);
        let (times, quantities) = self.times_and_quantities(&docs);
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

    /// The claims of `docs` (sorted), each document given only its own quotes.
    /// The claims, sentence by sentence or clause by clause, and their groups.
    fn claims_and_groups(
        &self,
        docs: &[Document],
        sentences: &[Vec<Sentence>],
        quotes: &[Quote],
    ) -> (Vec<crate::model::Claim>, Vec<crate::model::Group>) {
        // `claims::build` looks quotes up per sentence, so handing every document all
        // quotes would be quadratic
        let mut quotes_of: BTreeMap<&crate::model::DocId, Vec<Quote>> = BTreeMap::new();
        for q in quotes {
            quotes_of.entry(&q.doc).or_default().push(q.clone());
        }
        let inputs: Vec<claims::DocInput<'_>> = docs
            .iter()
            .zip(sentences)
            .map(|(doc, s)| claims::DocInput {
                doc,
                sentences: s,
                quotes: quotes_of
                    .get(&doc.id)
                    .map(Vec::as_slice)
                    .unwrap_or_default(),
            })
            .collect();
        claims::build_aligned(&inputs, &self.config.align)
    }

    /// Sentences per document (sorted), then actors, quotations and speakers.
    fn segment_and_actors(
        &self,
        docs: &[Document],
        progress: Progress,
    ) -> (Vec<Vec<Sentence>>, Extraction) {
        let n = docs.len();
        let threads = self.config.align.threads;
        progress(Stage::Segment, 0, n);
        let sentences = crate::par::map(docs, threads, 2, segment::sentences);
        progress(Stage::Segment, n, n);
        progress(Stage::Actors, 0, 1);
        let extraction = actors_and_quotes_on(docs, threads);
        progress(Stage::Actors, 1, 1);
        (sentences, extraction)
    }

    /// Times and quantities of `docs` (sorted), in document then offset order.
    fn times_and_quantities(&self, docs: &[Document]) -> (Vec<TimeExpr>, Vec<Quantity>) {
        let anchors = extract::time::anchors(docs, &self.config.time);
        let paired: Vec<(&Document, _)> = docs.iter().zip(anchors).collect();
        let found = crate::par::map(&paired, self.config.align.threads, 2, |(doc, anchor)| {
            (
                extract::time::times_anchored(doc, *anchor, &self.config.time),
                extract::quantity::quantities(doc),
            )
        });
        let mut times = Vec::new();
        let mut quantities = Vec::new();
        for (t, q) in found {
            times.extend(t);
            quantities.extend(q);
        }
        (times, quantities)
    }
}

/// The documents sorted by id, after checking ids are unique and heads are valid.
fn sorted_checked(docs: &[Document]) -> Result<Vec<Document>> {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, doc) in docs.iter().enumerate() {
        if let Some(first) = seen.insert(doc.id.as_str(), i) {
            return Err(Error::new(
                ErrorKind::DuplicateId,
                doc.id.as_str(),
                Position::None,
                format!(
                    "documents {first} and {i} share the id {:?}",
                    doc.id.as_str()
                ),
            ));
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

impl Extracted {
    /// The extraction as Markdown: the actors with their aliases and roles, then, for
    /// each document, who said what.
    pub fn to_markdown(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(out, "# Actors\n");
        for a in &self.actors {
            let _ = write!(
                out,
                "- **{}** ({:?}, {} mentions)",
                a.name,
                a.kind,
                a.mentions.len()
            );
            if !a.aliases.is_empty() {
                let _ = write!(out, "; also {}", a.aliases.join(", "));
            }
            if !a.roles.is_empty() {
                let roles: Vec<&str> = a.roles.iter().map(crate::model::Role::phrase).collect();
                let _ = write!(out, "; {}", roles.join(", "));
            }
            out.push('\n');
        }
        let name_of: BTreeMap<_, _> = self
            .actors
            .iter()
            .map(|a| (a.id, a.name.as_str()))
            .collect();
        for d in &self.documents {
            let _ = writeln!(out, "\n# Who said what in {}\n", d.id);
            for q in self.quotes.iter().filter(|q| q.doc == d.id) {
                let who = match (q.speaker.and_then(|s| name_of.get(&s)), &q.speaker_text) {
                    (Some(name), Some(text)) if text != name => format!("{name} (\"{text}\")"),
                    (Some(name), _) => name.to_string(),
                    (None, Some(text)) => format!("unresolved (\"{text}\")"),
                    (None, None) => "unknown".to_string(),
                };
                let text: String = q.text.split_whitespace().collect::<Vec<_>>().join(" ");
                let mark = match q.kind {
                    crate::model::QuoteKind::Direct => format!("“{text}”"),
                    crate::model::QuoteKind::Indirect => format!("_{text}_"),
                };
                let _ = writeln!(out, "- {who}: {mark} `[{}..{})`", q.span.start, q.span.end);
            }
            let times: Vec<&TimeExpr> = self.times.iter().filter(|t| t.doc == d.id).collect();
            if !times.is_empty() {
                let _ = writeln!(
                    out,
                    "\nTimes: {}",
                    times
                        .iter()
                        .map(|t| format!("“{}” = {}", t.text, t.value))
                        .collect::<Vec<_>>()
                        .join("; ")
                );
            }
            let qs: Vec<&Quantity> = self.quantities.iter().filter(|q| q.doc == d.id).collect();
            if !qs.is_empty() {
                let _ = writeln!(
                    out,
                    "\nQuantities: {}",
                    qs.iter()
                        .map(|q| match &q.unit {
                            Some(u) => format!("“{}” = {} {u}", q.text, q.value),
                            None => format!("“{}” = {}", q.text, q.value),
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                );
            }
        }
        out
    }
}
