//! The Markdown report: an index of the stories, then per story its flags, each with
//! its quoted evidence, its timeline and its coverage matrix. A report of one story
//! keeps the flags, timeline and coverage as top-level sections.

use super::{
    coverage_cells, coverage_columns, diffs_between, doc_name, event_line, event_when,
    flag_heading, pieces, story_dates, story_line, story_parts, tally, StoryPart,
};
use crate::model::{DiffOpKind, Event, Flag, Report, Story};
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
    let parts = story_parts(r);
    let several = parts.len() > 1;
    if !r.stories.is_empty() {
        writeln!(out, "## Stories\n")?;
        for (k, p) in parts.iter().enumerate() {
            let title = if p.story.title.is_empty() {
                "(untitled)".to_string()
            } else {
                esc(&p.story.title)
            };
            let title = if several {
                format!("[{title}](#story-{})", k + 1)
            } else {
                title
            };
            writeln!(
                out,
                "{}. {title} — {}",
                k + 1,
                story_line(p.story, p.flags.len())
            )?;
        }
        writeln!(out)?;
    }
    for (k, p) in parts.iter().enumerate() {
        let level = if several {
            writeln!(
                out,
                "<a id=\"story-{0}\"></a>\n\n## Story {0}: {1}\n",
                k + 1,
                esc(&p.story.title)
            )?;
            "###"
        } else {
            "##"
        };
        section(out, r, p, level)?;
    }
    // copies between documents, for the whole input (links never cross stories)
    super::provenance::write_markdown(out, r, esc)
}

/// The stories alone, as the `stories` command prints them: per story its title, its
/// dates and its documents.
pub fn write_stories_markdown(stories: &[Story], out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "# Stories\n")?;
    let documents: usize = stories.iter().map(|s| s.documents.len()).sum();
    let plural = if stories.len() == 1 {
        "story"
    } else {
        "stories"
    };
    writeln!(
        out,
        "{} {plural} of {documents} documents.\n",
        stories.len()
    )?;
    for (k, s) in stories.iter().enumerate() {
        let title = if s.title.is_empty() {
            "(untitled)".to_string()
        } else {
            esc(&s.title)
        };
        writeln!(out, "{}. {title} — {}", k + 1, story_dates(s))?;
        let ids: Vec<&str> = s.documents.iter().map(|d| d.as_str()).collect();
        writeln!(out, "   {}", esc(&ids.join(", ")))?;
    }
    Ok(())
}

/// One story's flags, timeline and coverage under headings of `level`.
fn section(out: &mut impl Write, r: &Report, p: &StoryPart, level: &str) -> io::Result<()> {
    writeln!(out, "{level} Flags\n")?;
    if p.flags.is_empty() {
        writeln!(out, "No disagreements found.\n")?;
    }
    for &i in &p.flags {
        flag(out, r, i, &r.flags[i], level)?;
    }
    writeln!(out, "{level} Timeline\n")?;
    if p.events.is_empty() {
        writeln!(out, "No events found.\n")?;
    }
    for e in &p.events {
        event(out, r, e)?;
    }
    writeln!(out, "\n{level} Coverage\n")?;
    coverage(out, r, p)?;
    if level != "##" {
        writeln!(out)?;
    }
    Ok(())
}

/// Flag number `i`: its summary, each piece of evidence quoted with the differing words
/// in bold, and its word diffs.
fn flag(out: &mut impl Write, r: &Report, i: usize, f: &Flag, level: &str) -> io::Result<()> {
    let (number, kind, severity, confidence) = flag_heading(i, f);
    writeln!(
        out,
        "{level}# {number}. {kind} — {severity} (group {}, {confidence} confidence)\n\n{}\n",
        f.group.0,
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
    if let Some(note) = &f.copied_side {
        writeln!(out, "Copies: {}.\n", esc(note))?;
    }
    for e in &f.evidence {
        let quoted: String = pieces(r, e)
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
    for (d, a, b) in diffs_between(r, f, esc) {
        let ops: Vec<String> = d
            .changes()
            .map(|o| match o.kind {
                DiffOpKind::Insert => format!("inserted “{}”", esc(&o.new)),
                DiffOpKind::Delete => format!("deleted “{}”", esc(&o.old)),
                _ => format!("“{}” → “{}”", esc(&o.old), esc(&o.new)),
            })
            .collect();
        writeln!(out, "Word diff {a} → {b}: {}\n", ops.join("; "))?;
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

/// A story's coverage as a table: a row per group, a column per document of the story.
fn coverage(out: &mut impl Write, r: &Report, p: &StoryPart) -> io::Result<()> {
    if p.rows.is_empty() {
        return writeln!(out, "No aligned groups.");
    }
    let columns = coverage_columns(r, p);
    write!(out, "| group | claim |")?;
    for d in &columns {
        write!(out, " {} |", esc(&doc_name(r, d)))?;
    }
    write!(out, "\n|---|---|")?;
    for _ in &columns {
        out.write_all("---|".as_bytes())?;
    }
    writeln!(out)?;
    for row in &p.rows {
        write!(out, "| {} | {} |", row.group.0, esc(&row.label))?;
        for cell in coverage_cells(r, row, &columns) {
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
