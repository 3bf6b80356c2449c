//! What `corroborate align` prints: the documents, their claims and the groups, as
//! data and as Markdown.

use crate::model::{Claim, ClaimId, Date, DocId, Document, Group};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One input document in an [`Alignment`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    /// The document id.
    pub id: DocId,
    /// Its outlet, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Its publication date, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
}

/// One claim in an [`Alignment`]: where it is and who is said to have said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimSummary {
    /// The claim id.
    pub id: ClaimId,
    /// The document.
    pub doc: DocId,
    /// First byte in the document text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The claim's text, equal to `doc.text[start..end]`.
    pub text: String,
    /// The attribution's speaker phrase, as written, if any.
    pub speaker: Option<String>,
}

/// What `corroborate align` prints: documents, claims and their groups.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// The documents, sorted by id.
    pub documents: Vec<DocumentSummary>,
    /// Every claim, by id.
    pub claims: Vec<ClaimSummary>,
    /// The groups (see [`super::groups`]).
    pub groups: Vec<Group>,
}

impl Alignment {
    /// The alignment of `docs` into `claims` and their `groups` (as
    /// [`crate::Reconciler::align`] finds them): documents sorted by id, each claim
    /// with its attribution's speaker phrase as written.
    pub fn new(docs: &[Document], claims: Vec<Claim>, groups: Vec<Group>) -> Alignment {
        let text_of: HashMap<&DocId, &Document> = docs.iter().map(|d| (&d.id, d)).collect();
        let mut documents: Vec<DocumentSummary> = docs
            .iter()
            .map(|d| DocumentSummary {
                id: d.id.clone(),
                source: d.source.clone(),
                published: d.published,
            })
            .collect();
        documents.sort_by(|a, b| a.id.cmp(&b.id));
        let claims = claims
            .into_iter()
            .map(|c| {
                let speaker = c.attribution.and_then(|s| {
                    text_of
                        .get(&c.doc)
                        .and_then(|d| d.text.get(s.start..s.end))
                        .map(str::to_string)
                });
                ClaimSummary {
                    id: c.id,
                    doc: c.doc,
                    start: c.span.start,
                    end: c.span.end,
                    text: c.text,
                    speaker,
                }
            })
            .collect();
        Alignment {
            documents,
            claims,
            groups,
        }
    }
}

/// The alignment as Markdown: one section per group, its members side by side in a
/// table (document, speaker, text).
pub fn to_markdown(alignment: &Alignment) -> String {
    use std::fmt::Write;
    let by_id: HashMap<ClaimId, &ClaimSummary> =
        alignment.claims.iter().map(|c| (c.id, c)).collect();
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut md = String::new();
    let _ = writeln!(
        md,
        "# Aligned claims\n\n{} documents, {} claims, {} groups.\n",
        alignment.documents.len(),
        alignment.claims.len(),
        alignment.groups.len()
    );
    for g in &alignment.groups {
        let _ = writeln!(md, "## Group {} (score {:.2})\n", g.id.0, g.score);
        let _ = writeln!(md, "| document | speaker | claim |\n|---|---|---|");
        for id in &g.claims {
            if let Some(c) = by_id.get(id) {
                let _ = writeln!(
                    md,
                    "| {} | {} | {} |",
                    cell(c.doc.as_str()),
                    cell(c.speaker.as_deref().unwrap_or("")),
                    cell(&c.text)
                );
            }
        }
        md.push('\n');
    }
    md
}
