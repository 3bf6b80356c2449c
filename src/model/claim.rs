//! Claims and the cross-document groups they are aligned into.

use super::{ActorId, ContentTokens, DocId, QuantityId, QuoteId, Span, StoryId, TimeId};
use serde::{Deserialize, Serialize};

/// The identifier of a [`Claim`], unique within one run and assigned in document-id then
/// offset order, so it does not depend on input order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClaimId(pub u32);

/// Whether a claim asserts or denies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Polarity {
    /// Asserted.
    Positive,
    /// Denied or negated ("did not", "never", "no").
    Negative,
}

/// One statement made by a document: a sentence, or a clause where a sentence carries two
/// and finds no group whole (see [`crate::claims::refine`]). The clauses of one
/// sentence share its `sentence` index; each has its own narrower span.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Its id.
    pub id: ClaimId,
    /// The document.
    pub doc: DocId,
    /// The claim's bytes: its sentence's, or for a clause a part of them (the comma or
    /// semicolon before the next clause and a joining "and"/"but" belong to no clause).
    #[serde(flatten)]
    pub span: Span,
    /// The claim's text, equal to the span's slice.
    pub text: String,
    /// The sentence it comes from (its index in the document); clauses of one sentence
    /// share it.
    pub sentence: usize,
    /// Who is said to have said it, if anyone. A participial clause ("…, urging X")
    /// without a quotation of its own keeps its main clause's speaker. Not in the JSON
    /// when there is none (most sentences of a feed have no speaker).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<ActorId>,
    /// Quotations inside the claim; not in the JSON when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<QuoteId>,
    /// Temporal expressions inside the claim, in offset order (see
    /// [`crate::attach_times_and_quantities`]); not in the JSON when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub times: Vec<TimeId>,
    /// Quantities inside the claim, in offset order; not in the JSON when there are
    /// none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<QuantityId>,
    /// Asserted or denied.
    pub polarity: Polarity,
    /// The words that name the source of the claim ("Foreign Minister Anna Kovač" in
    /// "…, Foreign Minister Anna Kovač said"), set apart from the content tokens. Not in
    /// the JSON when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Span>,
    /// The reporting cue ("said", "according to"), set apart from the content tokens.
    /// Like `attribution`, it lies inside the claim's span. Not in the JSON when there
    /// is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    /// Normalized content tokens used for alignment: case and quote style folded,
    /// numbers and days replaced by typed placeholders (`<num>`, `<pct>`, `<money>`,
    /// `<day>`, `<month>`), function words dropped, words stemmed and synonyms mapped
    /// to one canonical word (see [`crate::claims`]). Interned ids in text order, into
    /// a vocabulary shared by the claims built together; written out as the terms
    /// separated by single spaces. [`Claim::content_tokens`] iterates them as text. A
    /// participial clause's tokens start with its main clause's subject ("China" for
    /// "…, urging adherence"), which it shares, unless the participle is a reporting cue
    /// ("…, adding that").
    pub tokens: ContentTokens,
}

impl Claim {
    /// The normalized content tokens as text, in text order.
    pub fn content_tokens(&self) -> impl Iterator<Item = &str> {
        self.tokens.iter()
    }
}

/// The identifier of a [`Group`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GroupId(pub u32);

/// Claims from different documents that report the same thing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// Its id.
    pub id: GroupId,
    /// Its members, sorted by id; at most one claim per document.
    pub claims: Vec<ClaimId>,
    /// How closely the members agree in wording, `0.0..=1.0`: the mean, over all pairs
    /// of members, of the mean of weighted Jaccard similarity and weighted containment
    /// (`TokenSets::score`, see [`crate::align`]); for a pair joined by a fact
    /// ([`Joined::Fact`]), the share of their content words the two have in common.
    pub score: f64,
    /// The story its claims belong to (see [`crate::stories`]); claims of different
    /// stories are never grouped.
    #[serde(default)]
    pub story: StoryId,
    /// How many independent outlets carry it, and which members copy which (see
    /// [`crate::provenance`]).
    #[serde(flatten, default)]
    pub corroboration: super::Corroboration,
    /// How its members were joined: their sentences align (every group the alignment
    /// makes), or only one fact of theirs corresponds ([`Joined::Fact`], a pair that
    /// reconciliation makes to compare that fact). Not in the JSON for aligned
    /// sentences.
    #[serde(default, skip_serializing_if = "Joined::is_sentences")]
    pub joined: Joined,
}

/// How a [`Group`]'s members were joined.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Joined {
    /// Their sentences align: the alignment stage grouped them.
    #[default]
    Sentences,
    /// Their sentences do not align, but both state one fact with different values (a
    /// count of the same thing tied to the same verb, or the day of the same
    /// happening): a pair of two claims that reconciliation makes to compare that fact
    /// alone. Such a pair counts for no coverage and no event.
    Fact,
}

impl Joined {
    /// Whether the members' sentences align (the default).
    pub fn is_sentences(&self) -> bool {
        *self == Joined::Sentences
    }
}
