//! Actors (people and bodies), their mentions, and quotations.

use super::{DocId, Span};
use serde::{Deserialize, Serialize};

/// The identifier of an [`Actor`], unique within one run. Ids are assigned after sorting
/// actors by content, so the same documents in any order give the same ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActorId(pub u32);

/// What kind of actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A person.
    Person,
    /// A government body, company, party or other organization.
    Organization,
    /// A news outlet or agency.
    Outlet,
    /// A document that speaks: a joint statement, a position paper.
    Document,
}

/// One place where an actor is named or referred to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The document.
    pub doc: DocId,
    /// The mention's bytes.
    #[serde(flatten)]
    pub span: Span,
    /// The mention's text, equal to the span's slice.
    pub text: String,
}

/// A real person or body, with every name it goes by across all documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Its id.
    pub id: ActorId,
    /// The fullest name seen ("Xi Jinping").
    pub name: String,
    /// What it is.
    pub kind: ActorKind,
    /// Every other form seen ("Xi", "Mr Xi", "President Xi Jinping"), sorted.
    pub aliases: Vec<String>,
    /// Roles learned from titles and appositions ("president of Belarus"), sorted.
    pub roles: Vec<String>,
    /// Every mention, in document then offset order.
    pub mentions: Vec<Mention>,
}

/// Direct words in quotation marks, or reported (indirect) speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// Reported speech or sourcing: "X said that ...", "according to X, ...".
    Indirect,
}

/// The identifier of a [`Quote`], unique within one run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QuoteId(pub u32);

/// A quotation or reported statement and who it is attributed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Its id.
    pub id: QuoteId,
    /// The document.
    pub doc: DocId,
    /// The quoted words, without the quotation marks.
    #[serde(flatten)]
    pub span: Span,
    /// The quoted words, equal to the span's slice.
    pub text: String,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The actor it is attributed to, or `None` when the text does not say who.
    pub speaker: Option<ActorId>,
    /// The words that name the speaker in this document ("he", "the ministry").
    pub speaker_text: Option<String>,
    /// Where `speaker_text` stands.
    pub speaker_span: Option<Span>,
    /// The reporting cue ("said", "according to", "quoted ... as saying").
    pub cue: Option<String>,
}
