//! Renderers: everything a run prints, each writing to any [`std::io::Write`]. The
//! report as [`write_json`] (everything, for programs), [`write_markdown`] (flags first
//! with quoted evidence, then the timeline, then coverage) and [`write_html`] (one
//! self-contained page for a browser: no external resources, inline CSS and script);
//! the extraction as Markdown ([`write_extracted_markdown`]); the sentences of
//! documents ([`write_sentences_json`], [`write_sentences_markdown`]).
//!
//! Renderers are pure: they read what earlier stages made and write text, ending with a
//! newline. [`json`], [`markdown`] and [`html`] return the text as a `String`.
//!
//! ```
//! use corroborate::{report, Report};
//! let r = Report::default();
//! assert!(report::json(&r).contains("\"flags\""));
//! assert!(report::markdown(&r).starts_with("# "));
//! assert!(report::html(&r).starts_with("<!DOCTYPE html>"));
//! let mut page = Vec::new();
//! report::write_html(&r, &mut page).unwrap();
//! assert_eq!(String::from_utf8(page).unwrap(), report::html(&r));
//! ```

mod extracted;
mod html;
mod layout;
mod markdown;
mod provenance;
mod sentences;

pub use extracted::write_extracted_markdown;
pub use html::write_html;
pub use markdown::{write_markdown, write_stories_markdown};
pub use sentences::{write_sentences_json, write_sentences_markdown};

use crate::model::{
    ActorId, ClaimId, CoverageRow, DocId, Event, EventTime, Evidence, Flag, Report, Severity,
    Story, WordDiff,
};
use serde::Serialize;
use std::io::{self, Write};

/// Writes `value` (a [`Report`], an [`crate::Extracted`], an [`crate::align::Alignment`])
/// as JSON and a newline: compact, with each top-level field and each record of a list
/// (a claim, a flag, a coverage row) starting a line.
pub fn write_json(value: &impl Serialize, out: &mut impl Write) -> io::Result<()> {
    // Serialized in memory, then written at once: serde writes many pieces of a few
    // bytes, which cost less appended to a vector than passed through a writer.
    let mut text = layout::to_vec(value)?;
    text.push(b'\n');
    out.write_all(&text)
}

/// The partition of documents into stories as the `stories` command prints it:
/// `{"stories": [...]}` in the layout of [`write_json`].
pub fn write_stories_json(stories: &[Story], out: &mut impl Write) -> io::Result<()> {
    write_json(&serde_json::json!({ "stories": stories }), out)
}

/// The report as JSON ([`write_json`]): documents, actors, quotes, times, quantities,
/// claims, groups, flags, events and coverage.
pub fn json(report: &Report) -> String {
    to_text(|out| write_json(report, out))
}

/// The report as Markdown.
pub fn markdown(report: &Report) -> String {
    to_text(|out| write_markdown(report, out))
}

/// The report as one self-contained HTML page.
pub fn html(report: &Report) -> String {
    to_text(|out| write_html(report, out))
}

/// What a renderer writes, as a string. Writing to memory cannot fail, the renderers
/// write UTF-8, and the types they serialize have string keys only.
fn to_text(render: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
    let mut buf = Vec::new();
    let _ = render(&mut buf);
    String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// One story's part of a report, for the renderers' sections.
pub(crate) struct StoryPart<'r> {
    /// The story.
    pub story: &'r Story,
    /// Indices into [`Report::flags`] of its flags, in report order.
    pub flags: Vec<usize>,
    /// Its events, in timeline order.
    pub events: Vec<&'r Event>,
    /// Its coverage rows, in group order.
    pub rows: Vec<&'r CoverageRow>,
}

/// The report cut story by story, in story order (one pass over flags, events and
/// rows). A report with no stories (made by hand) is one part with everything in it.
pub(crate) fn story_parts(r: &Report) -> Vec<StoryPart<'_>> {
    static NONE: std::sync::OnceLock<Story> = std::sync::OnceLock::new();
    if r.stories.is_empty() {
        let story = NONE.get_or_init(|| Story {
            id: Default::default(),
            documents: Vec::new(),
            title: String::new(),
            first_published: None,
            last_published: None,
        });
        return vec![StoryPart {
            story,
            flags: (0..r.flags.len()).collect(),
            events: r.events.iter().collect(),
            rows: r.coverage.rows.iter().collect(),
        }];
    }
    let mut parts: Vec<StoryPart> = r
        .stories
        .iter()
        .map(|story| StoryPart {
            story,
            flags: Vec::new(),
            events: Vec::new(),
            rows: Vec::new(),
        })
        .collect();
    let last = parts.len() - 1;
    let at = |s: crate::model::StoryId| (s.0 as usize).min(last);
    for (i, f) in r.flags.iter().enumerate() {
        parts[at(f.story)].flags.push(i);
    }
    for e in &r.events {
        parts[at(e.story)].events.push(e);
    }
    for row in &r.coverage.rows {
        parts[at(row.story)].rows.push(row);
    }
    parts
}

/// The columns of a story's coverage table: its documents, or, for a report made by
/// hand without stories, every document.
pub(crate) fn coverage_columns<'r>(r: &'r Report, part: &StoryPart<'r>) -> Vec<&'r DocId> {
    if r.stories.is_empty() {
        r.documents.iter().map(|d| &d.id).collect()
    } else {
        part.story.documents.iter().collect()
    }
}

/// The claims of a coverage row's group in each of `columns` (documents).
pub(crate) fn coverage_cells(
    r: &Report,
    row: &CoverageRow,
    columns: &[&DocId],
) -> Vec<Vec<ClaimId>> {
    let mut cells = vec![Vec::new(); columns.len()];
    let Ok(g) = r.groups.binary_search_by_key(&row.group, |g| g.id) else {
        return cells;
    };
    for id in &r.groups[g].claims {
        let Ok(c) = r.claims.binary_search_by_key(id, |c| c.id) else {
            continue;
        };
        let doc = &r.claims[c].doc;
        // the columns are sorted by id
        if let Ok(col) = columns.binary_search(&doc) {
            cells[col].push(*id);
        }
    }
    cells
}

/// A story's size and dates: "3 documents, 2024-01-02 to 2024-01-04".
pub(crate) fn story_dates(s: &Story) -> String {
    let n = s.documents.len();
    let docs = format!("{n} {}", if n == 1 { "document" } else { "documents" });
    match (s.first_published, s.last_published) {
        (Some(a), Some(b)) if a == b => format!("{docs}, {a}"),
        (Some(a), Some(b)) => format!("{docs}, {a} to {b}"),
        _ => docs,
    }
}

/// A story's line in the index: its size, dates and flags.
pub(crate) fn story_line(s: &Story, flags: usize) -> String {
    let dates = match (s.first_published, s.last_published) {
        (Some(a), Some(b)) if a == b => format!(", {a}"),
        (Some(a), Some(b)) => format!(", {a} to {b}"),
        _ => String::new(),
    };
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}{dates}; {}",
        plural(s.documents.len(), "document", "documents"),
        plural(flags, "flag", "flags")
    )
}

/// The report in one line: how many documents, claims, groups, flags and events.
pub(crate) fn tally(r: &Report) -> String {
    let contradictions = r
        .flags
        .iter()
        .filter(|f| f.severity == Severity::Contradiction)
        .count();
    format!(
        "{} documents, {} claims in {} aligned groups; {} flags ({} contradictions, {} variations); {} events.",
        r.documents.len(),
        r.claims.len(),
        r.groups.len(),
        r.flags.len(),
        contradictions,
        r.flags.len() - contradictions,
        r.events.len()
    )
}

/// When an event happened, as a line of text, and whether the sources disagree.
pub(crate) fn event_when(time: &EventTime) -> (String, bool) {
    let text = match time {
        EventTime::Unknown => "date unknown".to_string(),
        EventTime::Agreed {
            interval: Some(i),
            value,
        } if i.start == i.end => format!("{} ({value})", i.start),
        EventTime::Agreed {
            interval: Some(i),
            value,
        } => format!("{} to {} ({value})", i.start, i.end),
        EventTime::Agreed { value, .. } => value.to_string(),
        EventTime::Conflict { values } => {
            let values: Vec<String> = values.iter().map(ToString::to_string).collect();
            return (format!("conflict: {}", values.join(" vs ")), true);
        }
    };
    (text, false)
}

/// What the timeline says of an event after its time, each piece of text escaped with
/// `esc`: "meeting in Beijing: label — with X, Y — carried by A, B".
pub(crate) fn event_line(r: &Report, e: &Event, esc: fn(&str) -> String) -> String {
    let place = e
        .place
        .as_ref()
        .map(|p| format!(" in {}", esc(p)))
        .unwrap_or_default();
    let mut line = format!("{}{place}: {}", e.kind.as_str(), esc(&e.label));
    if !e.participants.is_empty() {
        let who: Vec<String> = e.participants.iter().map(|a| actor_name(r, *a)).collect();
        line.push_str(&format!(" — with {}", esc(&who.join(", "))));
    }
    let outlets: Vec<String> = e.outlets.iter().map(|d| doc_name(r, d)).collect();
    line.push_str(&format!(" — carried by {}", esc(&outlets.join(", "))));
    line
}

/// Each word diff of a flag with the display names of the two documents it compares,
/// escaped by `esc`.
pub(crate) fn diffs_between<'f>(
    r: &'f Report,
    f: &'f Flag,
    esc: fn(&str) -> String,
) -> impl Iterator<Item = (&'f WordDiff, String, String)> {
    f.diffs.iter().filter_map(move |d| {
        let (a, b) = (f.evidence.get(d.from)?, f.evidence.get(d.to)?);
        Some((d, esc(&doc_name(r, &a.doc)), esc(&doc_name(r, &b.doc))))
    })
}

/// What heads a flag in every format: its number (from 1, `i` counting from 0), kind,
/// severity and confidence, as the report's JSON names them.
pub(crate) fn flag_heading(
    i: usize,
    f: &Flag,
) -> (usize, &'static str, &'static str, &'static str) {
    (
        i + 1,
        f.kind.as_str(),
        f.severity.as_str(),
        f.confidence.as_str(),
    )
}

/// A document's display name: its outlet when known, else its id.
pub(crate) fn doc_name(report: &Report, id: &DocId) -> String {
    // documents are sorted by id in a report; a hand-made one may not be
    let found = match report.documents.binary_search_by(|d| d.id.cmp(id)) {
        Ok(i) => report.documents.get(i),
        Err(_) => report.documents.iter().find(|d| &d.id == id),
    };
    found
        .and_then(|d| d.source.clone())
        .unwrap_or_else(|| id.to_string())
}

/// An actor's display name.
pub(crate) fn actor_name(report: &Report, id: ActorId) -> String {
    report
        .actors
        .binary_search_by_key(&id, |a| a.id)
        .ok()
        .and_then(|i| report.actors.get(i))
        .map_or_else(|| format!("actor {}", id.0), |a| a.name.clone())
}

/// The evidence's context cut into pieces, each marked or not: the highlights (or the
/// evidence span itself when there are none), clipped to the context, in order.
pub(crate) fn pieces<'r>(r: &'r Report, e: &'r Evidence) -> Vec<(&'r str, bool)> {
    let ctx = e.context;
    let context_text = r.context_text(e);
    let marks: Vec<_> = if e.highlights.is_empty() {
        vec![e.span]
    } else {
        e.highlights.clone()
    };
    let mut out = Vec::new();
    let mut at = 0usize; // relative to the context
                         // Marks separated only by spaces read as one run ("are willing").
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for m in marks {
        let (s, t) = (
            m.start.max(ctx.start).saturating_sub(ctx.start),
            m.end.min(ctx.end).saturating_sub(ctx.start),
        );
        match runs.last_mut() {
            Some(last)
                if s >= last.1
                    && context_text
                        .get(last.1..s)
                        .is_some_and(|gap| gap.chars().all(char::is_whitespace)) =>
            {
                last.1 = t.max(last.1);
            }
            _ => runs.push((s, t)),
        }
    }
    for (s, t) in runs {
        if s < at || t <= s {
            continue;
        }
        let (Some(before), Some(mark)) = (context_text.get(at..s), context_text.get(s..t)) else {
            continue;
        };
        if !before.is_empty() {
            out.push((before, false));
        }
        out.push((mark, true));
        at = t;
    }
    match context_text.get(at..) {
        Some(rest) if !rest.is_empty() => out.push((rest, false)),
        _ => {}
    }
    if out.is_empty() {
        out.push((context_text, false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimId, EvidenceValue, Span};

    #[test]
    fn pieces_cover_the_context() {
        let text = "They met on Wednesday in Beijing.";
        let r = Report {
            claims: vec![crate::model::Claim {
                id: ClaimId(0),
                doc: DocId::from("a"),
                span: Span::new(0, text.len()),
                text: text.into(),
                sentence: 0,
                speaker: None,
                quotes: Vec::new(),
                times: Vec::new(),
                quantities: Vec::new(),
                polarity: crate::model::Polarity::Positive,
                attribution: None,
                cue: None,
                tokens: Default::default(),
            }],
            ..Report::default()
        };
        let e = Evidence {
            doc: DocId::from("a"),
            claim: ClaimId(0),
            span: Span::new(12, 21),
            text: "Wednesday".into(),
            value: EvidenceValue::Time("XXXX-WXX-3".parse().unwrap()),
            context: Span::new(0, text.len()),
            highlights: vec![
                Span::new(5, 8),
                Span::new(9, 11),
                Span::new(12, 21),
                Span::new(15, 18),
                Span::new(25, 32),
            ],
        };
        let p = pieces(&r, &e);
        let joined: String = p.iter().map(|x| x.0).collect();
        assert_eq!(joined, text);
        let marked: Vec<&str> = p.iter().filter(|x| x.1).map(|x| x.0).collect();
        assert_eq!(marked, ["met on Wednesday", "Beijing"]);
    }
}
