//! The Markdown report: flags first, each with its quoted evidence, then the timeline,
//! then the coverage matrix.

use super::{actor_name, doc_name, event_when, pieces};
use crate::model::{DiffOpKind, Report, Severity};
use std::fmt::Write;

/// Escapes text so Markdown shows it literally.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Renders the report as Markdown.
pub fn markdown(r: &Report) -> String {
    let mut s = String::new();
    let contradictions = r
        .flags
        .iter()
        .filter(|f| f.severity == Severity::Contradiction)
        .count();
    let _ = writeln!(s, "# Corroborate report\n");
    let _ = writeln!(
        s,
        "{} documents, {} claims in {} aligned groups; {} flags ({} contradictions, {} variations); {} events.\n",
        r.documents.len(),
        r.claims.len(),
        r.groups.len(),
        r.flags.len(),
        contradictions,
        r.flags.len() - contradictions,
        r.events.len()
    );
    let _ = writeln!(s, "## Flags\n");
    if r.flags.is_empty() {
        let _ = writeln!(s, "No disagreements found.\n");
    }
    for (i, f) in r.flags.iter().enumerate() {
        let _ = writeln!(
            s,
            "### {}. {} — {} (group {})\n\n{}\n",
            i + 1,
            f.kind.as_str(),
            f.severity.as_str(),
            f.group.0,
            esc(&f.summary)
        );
        for e in &f.evidence {
            let quoted: String = pieces(e)
                .into_iter()
                .map(|(t, marked)| {
                    if marked {
                        format!("**{}**", esc(t))
                    } else {
                        esc(t)
                    }
                })
                .collect();
            let _ = writeln!(
                s,
                "> **{}** (bytes {}–{}), value `{}`: {}\n",
                esc(&doc_name(r, &e.doc)),
                e.span.start,
                e.span.end,
                e.value.to_string().replace('`', "'"),
                quoted
            );
        }
        for d in &f.diffs {
            let (Some(a), Some(b)) = (f.evidence.get(d.from), f.evidence.get(d.to)) else {
                continue;
            };
            let ops: Vec<String> = d
                .changes()
                .map(|o| match o.kind {
                    DiffOpKind::Insert => format!("inserted “{}”", esc(&o.new)),
                    DiffOpKind::Delete => format!("deleted “{}”", esc(&o.old)),
                    _ => format!("“{}” → “{}”", esc(&o.old), esc(&o.new)),
                })
                .collect();
            let _ = writeln!(
                s,
                "Word diff {} → {}: {}\n",
                esc(&doc_name(r, &a.doc)),
                esc(&doc_name(r, &b.doc)),
                ops.join("; ")
            );
        }
    }
    let _ = writeln!(s, "## Timeline\n");
    if r.events.is_empty() {
        let _ = writeln!(s, "No events found.\n");
    }
    for e in &r.events {
        let (when, _) = event_when(&e.time);
        let who: Vec<String> = e.participants.iter().map(|a| actor_name(r, *a)).collect();
        let outlets: Vec<String> = e.outlets.iter().map(|d| doc_name(r, d)).collect();
        let _ = write!(
            s,
            "{}. **{}** — {}{}: {}",
            e.id.0 + 1,
            esc(&when),
            e.kind.as_str(),
            e.place
                .as_ref()
                .map(|p| format!(" in {}", esc(p)))
                .unwrap_or_default(),
            esc(&e.label)
        );
        if !who.is_empty() {
            let _ = write!(s, " — with {}", esc(&who.join(", ")));
        }
        let _ = write!(s, " — carried by {}", esc(&outlets.join(", ")));
        if !e.flags.is_empty() {
            let f: Vec<String> = e.flags.iter().map(|k| format!("#{}", k + 1)).collect();
            let _ = write!(s, " — flags {}", f.join(", "));
        }
        s.push('\n');
    }
    let _ = writeln!(s, "\n## Coverage\n");
    let c = &r.coverage;
    if c.rows.is_empty() {
        let _ = writeln!(s, "No aligned groups.");
        return s;
    }
    let _ = write!(s, "| group | claim |");
    for d in &c.documents {
        let _ = write!(s, " {} |", esc(&doc_name(r, d)));
    }
    let _ = write!(s, "\n|---|---|");
    for _ in &c.documents {
        s.push_str("---|");
    }
    s.push('\n');
    for row in &c.rows {
        let _ = write!(s, "| {} | {} |", row.group.0, esc(&row.label));
        for cell in &row.cells {
            if cell.is_empty() {
                s.push_str(" — |");
            } else {
                let ids: Vec<String> = cell.iter().map(|c| c.0.to_string()).collect();
                let _ = write!(s, " ✔ {} |", ids.join(","));
            }
        }
        s.push('\n');
    }
    s
}
