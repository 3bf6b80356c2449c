//! Flags, events, coverage and the report.

use super::{
    Actor, ActorId, Claim, ClaimId, Date, DocId, Group, GroupId, Interval, Quantity, QuantityValue,
    Quote, QuoteId, Span, TimeExpr, TimeValue,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of disagreement a flag reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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

impl FlagKind {
    /// Every kind, in report order.
    pub const ALL: [FlagKind; 6] = [
        FlagKind::Date,
        FlagKind::Attribution,
        FlagKind::QuoteWording,
        FlagKind::Quantity,
        FlagKind::Polarity,
        FlagKind::Source,
    ];

    /// The name used in JSON and in reports (`quote_wording`).
    pub fn as_str(&self) -> &'static str {
        match self {
            FlagKind::Date => "date",
            FlagKind::Attribution => "attribution",
            FlagKind::QuoteWording => "quote_wording",
            FlagKind::Quantity => "quantity",
            FlagKind::Polarity => "polarity",
            FlagKind::Source => "source",
        }
    }
}

/// How serious a disagreement is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// The sources cannot both be right.
    Contradiction,
    /// The sources differ in a way a reader should know about.
    Variation,
}

/// How likely a flag is to be a real disagreement, from what its evidence rests on (see
/// [`Flag::reasons`]). Orders `High` first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Confidence {
    /// Several outlets on each side, close sentences, values read without inference.
    High,
    /// Some of that, not all.
    Medium,
    /// Little of it: worth a look, not a finding.
    Low,
}

impl Confidence {
    /// The name used in JSON and in reports (`high`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Confidence {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "high" => Ok(Confidence::High),
            "medium" => Ok(Confidence::Medium),
            "low" => Ok(Confidence::Low),
            _ => Err(format!(
                "no confidence level {s:?}: use high, medium or low"
            )),
        }
    }
}

impl Severity {
    /// The name used in JSON and in reports (`contradiction`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Contradiction => "contradiction",
            Severity::Variation => "variation",
        }
    }
}

/// One side of a disagreement: where a document says it, and what it says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Evidence {
    /// The document.
    pub doc: DocId,
    /// The claim the evidence belongs to.
    pub claim: ClaimId,
    /// The evidence's bytes: the expression compared (a time, a number, a quotation,
    /// a speaker's name), or the claim itself when no smaller expression carries it.
    #[serde(flatten)]
    pub span: Span,
    /// The evidence text, equal to the span's slice.
    pub text: String,
    /// The normalized value compared (`2023-03-01`, `Xi Jinping`, `1.2e9 usd`).
    pub value: EvidenceValue,
    /// The claim the evidence stands in, for reading it in context: the span of claim
    /// `claim` when that holds the evidence, else the evidence's own span. Its text is
    /// that claim's `text` or this evidence's `text` (see
    /// [`Report::context_text`]), so it is not repeated here.
    pub context: Span,
    /// The words that differ from the other side, inside `context`, sorted.
    pub highlights: Vec<Span>,
}

/// What one step of a word-level diff does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiffOpKind {
    /// The same word on both sides (after folding case, quote style and punctuation).
    Equal,
    /// One or more words replaced by others.
    Substitute,
    /// Words only on the second side.
    Insert,
    /// Words only on the first side.
    Delete,
}

/// One step of a word-level diff between two quotations: a run of words on each side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DiffOp {
    /// What the step does.
    pub kind: DiffOpKind,
    /// The words on the first side (empty for an insertion), as written.
    pub old: String,
    /// The words on the second side (empty for a deletion), as written.
    pub new: String,
    /// Where `old` stands in the first document, when not empty.
    pub old_span: Option<Span>,
    /// Where `new` stands in the second document, when not empty.
    pub new_span: Option<Span>,
}

/// A word-level diff between two pieces of evidence of one flag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WordDiff {
    /// Index of the first side in the flag's `evidence`.
    pub from: usize,
    /// Index of the second side in the flag's `evidence`.
    pub to: usize,
    /// The steps, covering the overlapping region of the two quotations in order.
    pub ops: Vec<DiffOp>,
}

impl WordDiff {
    /// The steps that change something (everything but [`DiffOpKind::Equal`]).
    pub fn changes(&self) -> impl Iterator<Item = &DiffOp> {
        self.ops.iter().filter(|op| op.kind != DiffOpKind::Equal)
    }
}

/// One side of a disagreement, counted: a value and every document that gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Support {
    /// The normalized value, as in [`Evidence::value`].
    pub value: EvidenceValue,
    /// Every document giving that value, sorted (evidence is kept for the first few).
    pub docs: Vec<DocId>,
}

/// A disagreement between the members of one aligned group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Flag {
    /// What kind of disagreement.
    pub kind: FlagKind,
    /// How serious.
    pub severity: Severity,
    /// The group whose members disagree.
    pub group: GroupId,
    /// The story of that group.
    #[serde(default)]
    pub story: StoryId,
    /// One line a journalist can read.
    pub summary: String,
    /// The spans on each side, sorted by document then offset: for each distinct value,
    /// the first documents giving it (all of them up to
    /// `ReconcileConfig::max_evidence_per_value`).
    pub evidence: Vec<Evidence>,
    /// Each distinct value with every document that gives it, sorted by value.
    pub support: Vec<Support>,
    /// Word-level diffs between sides (for quotation wording), empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diffs: Vec<WordDiff>,
    /// How likely the flag is to be a real disagreement.
    pub confidence: Confidence,
    /// Why, in plain words: how many outlets stand on each side, how close the
    /// sentences are, how sure the values are.
    pub reasons: Vec<String>,
    /// Set when one side rests only on copies of one source: which side, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copied_side: Option<String>,
}

/// The normalized value one side of a disagreement gives, of the kind the flag
/// compares. Serialized as its text ([`fmt::Display`]).
///
/// Values compare as they read: two values of one kind are equal when their texts are,
/// and values order by their texts (then by kind).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum EvidenceValue {
    /// A time: its TIMEX3 value (`2023-03-01`, `XXXX-WXX-4`).
    Time(TimeValue),
    /// A quantity: its value and unit (`1.2e9 usd`).
    Quantity(QuantityValue),
    /// Who a statement is given to: the actor's name, or the words as written.
    Speaker(String),
    /// Who a claim is credited to: the actor's name, or the words as written.
    Source(String),
    /// The folded words of a quotation, separated by spaces.
    Quotation(String),
    /// The folded negation cues and antonyms that set a claim's polarity, separated by
    /// spaces; empty (written `(no negation)`) when it has none.
    Polarity(String),
}

impl EvidenceValue {
    /// The text of the values that are text already.
    fn as_text(&self) -> Option<&str> {
        match self {
            EvidenceValue::Speaker(s) | EvidenceValue::Source(s) | EvidenceValue::Quotation(s) => {
                Some(s)
            }
            EvidenceValue::Polarity(s) if !s.is_empty() => Some(s),
            _ => None,
        }
    }

    fn kind_rank(&self) -> u8 {
        match self {
            EvidenceValue::Time(_) => 0,
            EvidenceValue::Quantity(_) => 1,
            EvidenceValue::Speaker(_) => 2,
            EvidenceValue::Source(_) => 3,
            EvidenceValue::Quotation(_) => 4,
            EvidenceValue::Polarity(_) => 5,
        }
    }
}

impl fmt::Display for EvidenceValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvidenceValue::Time(t) => t.fmt(f),
            EvidenceValue::Quantity(q) => q.fmt(f),
            EvidenceValue::Polarity(s) if s.is_empty() => f.write_str("(no negation)"),
            EvidenceValue::Speaker(s)
            | EvidenceValue::Source(s)
            | EvidenceValue::Quotation(s)
            | EvidenceValue::Polarity(s) => f.write_str(s),
        }
    }
}

ordered_by!(EvidenceValue, |a, b| {
    let text = match (a.as_text(), b.as_text()) {
        (Some(x), Some(y)) => x.cmp(y),
        _ => super::cmp_as_text(a, b),
    };
    text.then_with(|| a.kind_rank().cmp(&b.kind_rank()))
});
eq_text!(EvidenceValue);

impl Serialize for EvidenceValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.as_text() {
            Some(text) => s.serialize_str(text),
            None => s.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for EvidenceValue {
    /// The text alone does not say which kind of value it is: it is read as a
    /// [`EvidenceValue::Quotation`], which writes and compares the same.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<EvidenceValue, D::Error> {
        String::deserialize(d).map(EvidenceValue::Quotation)
    }
}

/// What kind of happening an event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// A statement, declaration or announcement issued.
    Statement,
    /// A plan, paper or proposal published.
    Publication,
    /// A meeting, talks or a summit.
    Meeting,
    /// A visit or an arrival.
    Visit,
    /// An agreement signed or reached.
    Agreement,
    /// Anything else with a time.
    Other,
}

impl EventKind {
    /// The name used in JSON and in reports.
    pub fn as_str(&self) -> &'static str {
        match self {
            EventKind::Statement => "statement",
            EventKind::Publication => "publication",
            EventKind::Meeting => "meeting",
            EventKind::Visit => "visit",
            EventKind::Agreement => "agreement",
            EventKind::Other => "other",
        }
    }
}

/// When an event happened, as the sources give it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventTime {
    /// No source says when.
    Unknown,
    /// The sources agree: the narrowest interval every source allows, or a symbolic
    /// value (`XXXX-WXX-3`) when no anchor resolves it.
    Agreed {
        /// The reconciled days, when resolved.
        interval: Option<Interval>,
        /// The value of the most precise statement.
        value: TimeValue,
    },
    /// The sources disagree; every distinct value given, sorted.
    Conflict {
        /// The values the sources give.
        values: Vec<TimeValue>,
    },
}

impl EventTime {
    /// The earliest day this time can be, for ordering a timeline.
    pub fn sort_key(&self) -> Option<Date> {
        match self {
            EventTime::Agreed {
                interval: Some(i), ..
            } => Some(i.start),
            _ => None,
        }
    }
}

/// The identifier of an [`Event`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventId(pub u32);

/// One happening that a set of aligned claims describes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// Its id: events are numbered story by story, each story's in timeline order.
    pub id: EventId,
    /// The story it belongs to.
    #[serde(default)]
    pub story: StoryId,
    /// What kind of happening.
    pub kind: EventKind,
    /// A short description: the words of a representative claim.
    pub label: String,
    /// The actors taking part, sorted.
    pub participants: Vec<ActorId>,
    /// Where it happened, when the sources say.
    pub place: Option<String>,
    /// When it happened, as the sources give it.
    pub time: EventTime,
    /// The groups that describe it, sorted.
    pub groups: Vec<GroupId>,
    /// The claims that report it, sorted.
    pub claims: Vec<ClaimId>,
    /// The quotations inside those claims, sorted.
    pub quotes: Vec<QuoteId>,
    /// The documents that carry it, sorted.
    pub outlets: Vec<DocId>,
    /// Indices into [`Report::flags`] of the flags raised on its groups.
    pub flags: Vec<usize>,
}

/// One row of the coverage: which documents of its story carry one aligned group.
/// Sparse: a row names only the documents of the group's own story, so the coverage
/// of a feed grows with its stories, not with groups times documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CoverageRow {
    /// The group.
    pub group: GroupId,
    /// The group's story.
    #[serde(default)]
    pub story: StoryId,
    /// A short label: the words of the group's first claim.
    pub label: String,
    /// The documents that carry it, sorted (the group's claims say which claim of each).
    pub carried_by: Vec<DocId>,
    /// The documents of the same story that do not, sorted.
    pub missing_from: Vec<DocId>,
}

/// Which documents of its story carry each aligned group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Coverage {
    /// The rows, in group order.
    pub rows: Vec<CoverageRow>,
}

/// The identifier of a [`Story`]: its position among the stories of one run, which
/// are ordered by their first publication date (undated stories last), then by their
/// first document id.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct StoryId(pub u32);

/// The documents about one real-world happening (see [`crate::stories`]). Everything
/// from claims on is found inside one story: no claim is compared with a claim of
/// another story.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// Its id.
    pub id: StoryId,
    /// Its documents, sorted by id.
    pub documents: Vec<DocId>,
    /// A headline for it: the title of its first document (by publication date, then
    /// id).
    pub title: String,
    /// The earliest publication date of its documents, when one has a date.
    pub first_published: Option<Date>,
    /// The latest publication date of its documents, when one has a date.
    pub last_published: Option<Date>,
}

/// What the report says about one input document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentInfo {
    /// Its id.
    pub id: DocId,
    /// Publication date, when known.
    pub published: Option<Date>,
    /// The outlet, when known.
    pub source: Option<String>,
    /// Length of the text in bytes.
    pub len: usize,
}

/// Everything a run found: the stories, the extracted facts, the alignment, the flags,
/// the timeline and the coverage. Serializes to the JSON report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// The stories the documents were partitioned into, by id.
    #[serde(default)]
    pub stories: Vec<Story>,
    /// The input documents, sorted by id.
    pub documents: Vec<DocumentInfo>,
    /// The actors, by id.
    pub actors: Vec<Actor>,
    /// The quotations, by id.
    pub quotes: Vec<Quote>,
    /// The temporal expressions, in document then offset order.
    pub times: Vec<TimeExpr>,
    /// The quantities, in document then offset order.
    pub quantities: Vec<Quantity>,
    /// The claims, by id.
    pub claims: Vec<Claim>,
    /// The aligned groups, by id.
    pub groups: Vec<Group>,
    /// Every disagreement, sorted by group, kind and evidence.
    pub flags: Vec<Flag>,
    /// The events, story by story, each story's in time order (its timeline).
    pub events: Vec<Event>,
    /// Which documents of its story carry each group.
    pub coverage: Coverage,
    /// Which documents copy which, the original first (see [`crate::provenance`]).
    #[serde(default)]
    pub provenance: Vec<super::CopyLink>,
}

impl Report {
    /// The text of `e.context`: the text of its claim when the context is that claim's
    /// span, the evidence's own text when it is the evidence's span, else empty (a
    /// report whose claims were removed).
    pub fn context_text<'r>(&'r self, e: &'r Evidence) -> &'r str {
        if e.context == e.span {
            return &e.text;
        }
        self.claims
            .binary_search_by_key(&e.claim, |c| c.id)
            .ok()
            .and_then(|i| self.claims.get(i))
            .filter(|c| c.span == e.context && c.doc == e.doc)
            .map_or("", |c| c.text.as_str())
    }
}
