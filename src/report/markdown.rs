//! The Markdown report: flags first, each with its quoted evidence, then the timeline,
//! then the coverage matrix.

use super::{diffs_with_sides, doc_name, event_line, event_when, pieces, tally};
use crate::model::{DiffOpKind, Event, Flag, Report};
use std::io::{self, Write};

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

/// Writes the report as Markdown.
pub fn write_markdown(r: &Report, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "# Corroborate report\n")?;
    writeln!(out, "{}\n", tally(r))?;
    writeln!(out, "## Flags\n")?;
    if r.flags.is_empty() {
        writeln!(out, "No disagreements found.\n")?;
    }
    for (i, f) in r.flags.iter().enumerate() {
        flag(out, r, i, f)?;
    }
    writeln!(out, "## Timeline\n")?;
    if r.events.is_empty() {
        writeln!(out, "No events found.\n")?;
    }
    for e in &r.events {
        event(out, r, e)?;
    }
    writeln!(out, "\n## Coverage\n")?;
    coverage(out, r)
}

/// Flag number `i`: its summary, each piece of evidence quoted with the differing words
/// in bold, and its word diffs.
fn flag(out: &mut impl Write, r: &Report, i: usize, f: &Flag) -> io::Result<()> {
    writeln!(
        out,
        "### {}. {} — {} (group {}, {} confidence)\n\n{}\n",
        i + 1,
        f.kind.as_str(),
        f.severity.as_str(),
        f.group.0,
        f.confidence.as_str(),
        esc(&f.summary)
    )?;
    if !f.reasons.is_empty() {
        writeln!(
            out,
            "*Confidence {}:* {}.\n",
            f.confidence,
            esc(&f.reasons.join("; "))
        )?;
    }
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
        writeln!(
            out,
            "> **{}** (bytes {}–{}), value `{}`: {}\n",
            esc(&doc_name(r, &e.doc)),
            e.span.start,
            e.span.end,
            e.value.to_string().replace('`', "'"),
            quoted
        )?;
    }
    for (d, a, b) in diffs_with_sides(f) {
        let ops: Vec<String> = d
            .changes()
            .map(|o| match o.kind {
                DiffOpKind::Insert => format!("inserted “{}”", esc(&o.new)),
                DiffOpKind::Delete => format!("deleted “{}”", esc(&o.old)),
                _ => format!("“{}” → “{}”", esc(&o.old), esc(&o.new)),
            })
            .collect();
        writeln!(
            out,
            "Word diff {} → {}: {}\n",
            esc(&doc_name(r, &a.doc)),
            esc(&doc_name(r, &b.doc)),
            ops.join("; ")
        )?;
    }
    Ok(())
}

/// One line of the timeline.
fn event(out: &mut impl Write, r: &Report, e: &Event) -> io::Result<()> {
    let (when, _) = event_when(&e.time);
    write!(
        out,
        "{}. **{}** — {}",
        e.id.0 + 1,
        esc(&when),
        event_line(r, e, esc)
    )?;
    if !e.flags.is_empty() {
        let f: Vec<String> = e.flags.iter().map(|k| format!("#{}", k + 1)).collect();
        write!(out, " — flags {}", f.join(", "))?;
    }
    writeln!(out)
}

/// The coverage matrix as a table: a row per group, a column per document.
fn coverage(out: &mut impl Write, r: &Report) -> io::Result<()> {
    let c = &r.coverage;
    if c.rows.is_empty() {
        return writeln!(out, "No aligned groups.");
    }
    write!(out, "| group | claim |")?;
    for d in &c.documents {
        write!(out, " {} |", esc(&doc_name(r, d)))?;
    }
    write!(out, "\n|---|---|")?;
    for _ in &c.documents {
        out.write_all("---|".as_bytes())?;
    }
    writeln!(out)?;
    for row in &c.rows {
        write!(out, "| {} | {} |", row.group.0, esc(&row.label))?;
        for cell in &row.cells {
            if cell.is_empty() {
                out.write_all(" — |".as_bytes())?;
            } else {
                let ids: Vec<String> = cell.iter().map(|c| c.0.to_string()).collect();
                write!(out, " ✔ {} |", ids.join(","))?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}
