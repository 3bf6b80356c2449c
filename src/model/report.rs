//! Flags, events and the report.

use super::{ClaimId, DocId, GroupId, Span};
use serde::{Deserialize, Serialize};

/// What kind of disagreement a flag reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// Times of the same act that cannot be the same.
    Date,
    /// The same statement given to different actors.
    Attribution,
    /// Direct quotations of the same words that differ.
    QuoteWording,
    /// Numbers outside rounding and unit tolerance.
    Quantity,
    /// A negation or antonym mismatch.
    Polarity,
    /// The same claim credited to different sources.
    Source,
}

/// How serious a disagreement is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The sources cannot both be right.
    Contradiction,
    /// The sources differ in a way a reader should know about.
    Variation,
}

/// One side of a disagreement: where a document says it, and what it says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The document.
    pub doc: DocId,
    /// The claim the evidence belongs to.
    pub claim: ClaimId,
    /// The evidence's bytes.
    #[serde(flatten)]
    pub span: Span,
    /// The evidence text, equal to the span's slice.
    pub text: String,
    /// The normalized value compared (`2023-03-01`, `Xi Jinping`, `1.2e9 usd`).
    pub value: String,
}

/// A disagreement between the members of one aligned group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    /// What kind of disagreement.
    pub kind: FlagKind,
    /// How serious.
    pub severity: Severity,
    /// The group whose members disagree.
    pub group: GroupId,
    /// One line a journalist can read.
    pub summary: String,
    /// The spans on each side.
    pub evidence: Vec<Evidence>,
}
