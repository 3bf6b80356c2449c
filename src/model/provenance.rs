//! Provenance: which documents copy which, and how many independent outlets carry a
//! group.

use super::{DocId, Span};
use serde::{Deserialize, Serialize};

/// One passage that two documents share near-verbatim: a run of consecutive sentences.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SharedPassage {
    /// Where the passage stands in the original ([`CopyLink::from`]).
    pub from: Span,
    /// Where it stands in the copy ([`CopyLink::to`]).
    pub to: Span,
    /// How many sentences of the copy match a sentence of the original.
    pub sentences: usize,
}

/// How much of a copy its original accounts for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CopyExtent {
    /// Nearly every sentence of the copy is in the shared passages.
    Full,
    /// The copy adds material of its own: only the shared passages are copied.
    Partial,
}

/// What decided which side of a copy link is the original.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CopyOrder {
    /// The copy credits a wire agency and the original is that agency's own text.
    Credited,
    /// The original was published earlier.
    Published,
    /// Same or unknown dates: the original is the one the shared passages fill more of
    /// (a rewrite adds its own reporting around the copied text).
    Extent,
    /// Nothing told them apart; the lower document id is taken as the original.
    Id,
}

/// One document repeating another: `to` carries passages of `from`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CopyLink {
    /// The earlier or credited original.
    pub from: DocId,
    /// The document that repeats it.
    pub to: DocId,
    /// The passages both carry, in the copy's text order.
    pub shared: Vec<SharedPassage>,
    /// Whether the copy is whole or adds its own material.
    pub extent: CopyExtent,
    /// What decided the direction.
    pub order: CopyOrder,
    /// The wire agencies the copy credits, sorted (empty when it credits none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<String>,
    /// One line a journalist can read: why this is a copy and why in this direction.
    pub reason: String,
}

/// One member of a group whose claim repeats another document's.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CopyOf {
    /// The document whose claim is a copy.
    pub doc: DocId,
    /// The document it repeats (the original of its copy link), a member or not.
    pub of: DocId,
}

/// How many independent outlets carry a group, and which members repeat which.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Corroboration {
    /// The number of independent outlets among the members: members whose claim stands
    /// in a passage copied from another member, or from the same original as another
    /// member's, count once with it.
    #[serde(default)]
    pub independent: usize,
    /// The members whose claim stands in a copied passage, each with the original it
    /// repeats (a member of the group or not), sorted.
    #[serde(default)]
    pub copies: Vec<CopyOf>,
}
