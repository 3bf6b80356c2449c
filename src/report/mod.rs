//! Renderers of a [`Report`]: [`json`] (everything, for programs), [`markdown`] (flags
//! first with quoted evidence, then the timeline, then coverage) and [`html`] (one
//! self-contained page for a browser: no external resources, inline CSS and script).
//!
//! Renderers are pure: they take a report and return a string.
//!
//! ```
//! use corroborate::{report, Report};
//! let r = Report::default();
//! assert!(report::json(&r).contains("\"flags\""));
//! assert!(report::markdown(&r).starts_with("# "));
//! assert!(report::html(&r).starts_with("<!DOCTYPE html>"));
//! ```

mod html;
mod markdown;

pub use html::html;
pub use markdown::markdown;

use crate::model::{ActorId, DocId, EventTime, Evidence, Report};

/// The report as pretty-printed JSON: documents, actors, quotes, times, quantities,
/// claims, groups, flags, events and coverage.
pub fn json(report: &Report) -> String {
    // Serializing these types cannot fail (string keys only); keep a readable fallback.
    serde_json::to_string_pretty(report)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()))
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

/// A document's display name: its outlet when known, else its id.
pub(crate) fn doc_name(report: &Report, id: &DocId) -> String {
    report
        .documents
        .iter()
        .find(|d| &d.id == id)
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
pub(crate) fn pieces(e: &Evidence) -> Vec<(&str, bool)> {
    let ctx = e.context;
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
                    && e.context_text
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
        let (Some(before), Some(mark)) = (e.context_text.get(at..s), e.context_text.get(s..t))
        else {
            continue;
        };
        if !before.is_empty() {
            out.push((before, false));
        }
        out.push((mark, true));
        at = t;
    }
    match e.context_text.get(at..) {
        Some(rest) if !rest.is_empty() => out.push((rest, false)),
        _ => {}
    }
    if out.is_empty() {
        out.push((e.context_text.as_str(), false));
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
        let e = Evidence {
            doc: DocId::from("a"),
            claim: ClaimId(0),
            span: Span::new(12, 21),
            text: "Wednesday".into(),
            value: EvidenceValue::Time("XXXX-WXX-3".parse().unwrap()),
            context: Span::new(0, text.len()),
            context_text: text.into(),
            highlights: vec![
                Span::new(5, 8),
                Span::new(9, 11),
                Span::new(12, 21),
                Span::new(15, 18),
                Span::new(25, 32),
            ],
        };
        let p = pieces(&e);
        let joined: String = p.iter().map(|x| x.0).collect();
        assert_eq!(joined, text);
        let marked: Vec<&str> = p.iter().filter(|x| x.1).map(|x| x.0).collect();
        assert_eq!(marked, ["met on Wednesday", "Beijing"]);
    }
}
