//! The provenance sections of the Markdown and HTML reports: how many independent
//! outlets confirm each group, the copy links with their shared passages, and (in
//! HTML) the copy graph as an inline SVG drawing.

use super::doc_name;
use super::html::esc as html_esc;
use crate::model::{CopyExtent, CopyLink, DocId, Group, Report};
use std::io::{self, Write};

/// Most documents the copy graph draws; past it the page lists the links only (a
/// drawing of hundreds of nodes helps nobody read).
const MAX_GRAPH_DOCUMENTS: usize = 80;

/// Characters of a document's name shown beside its node.
const GRAPH_LABEL_CHARS: usize = 24;

/// Words of a group's label in the corroboration lists.
const LABEL_WORDS: usize = 14;

/// "confirmed by N independent outlets (M copies)" for a group.
pub(super) fn confirmed_by(g: &Group) -> String {
    let n = g.corroboration.independent;
    let copies = g.claims.len().saturating_sub(n);
    format!(
        "confirmed by {n} independent outlet{} ({copies} cop{})",
        if n == 1 { "" } else { "s" },
        if copies == 1 { "y" } else { "ies" }
    )
}

/// A group's label: the first words of its coverage row.
fn label(r: &Report, g: &Group) -> String {
    let row = r.coverage.rows.iter().find(|row| row.group == g.id);
    let text = row.map_or("", |row| row.label.as_str());
    let words: Vec<&str> = text.split_whitespace().take(LABEL_WORDS).collect();
    words.join(" ")
}

/// The Markdown sections: corroboration per group, then the copy links.
pub(super) fn write_markdown(
    out: &mut impl Write,
    r: &Report,
    esc: impl Fn(&str) -> String,
) -> io::Result<()> {
    writeln!(out, "\n## Corroboration\n")?;
    if r.groups.is_empty() {
        writeln!(out, "No aligned groups.")?;
    }
    for g in &r.groups {
        writeln!(
            out,
            "- group {}: {} — {}",
            g.id.0,
            esc(&label(r, g)),
            confirmed_by(g)
        )?;
    }
    writeln!(out, "\n## Copies\n")?;
    if r.provenance.is_empty() {
        writeln!(out, "No document copies another.")?;
    }
    for l in &r.provenance {
        writeln!(
            out,
            "- **{}** → **{}** ({}): {}",
            esc(&doc_name(r, &l.from)),
            esc(&doc_name(r, &l.to)),
            extent_name(l.extent),
            esc(&l.reason)
        )?;
        for p in &l.shared {
            writeln!(
                out,
                "  - bytes {}–{} of {} = bytes {}–{} of {} ({} sentences)",
                p.from.start,
                p.from.end,
                esc(&doc_name(r, &l.from)),
                p.to.start,
                p.to.end,
                esc(&doc_name(r, &l.to)),
                p.sentences
            )?;
        }
    }
    Ok(())
}

fn extent_name(e: CopyExtent) -> &'static str {
    match e {
        CopyExtent::Full => "full copy",
        CopyExtent::Partial => "partial copy",
    }
}

/// The HTML section: the copy graph, the links, and corroboration per group.
pub(super) fn write_html(out: &mut impl Write, r: &Report) -> io::Result<()> {
    out.write_all("<section id=\"provenance\">\n<h2>Copies and corroboration</h2>\n".as_bytes())?;
    if r.provenance.is_empty() {
        out.write_all("<p>No document copies another.</p>\n".as_bytes())?;
    } else {
        let stories = links_by_story(r);
        let several = stories.len() > 1;
        for (k, (title, links)) in stories.iter().enumerate() {
            if several {
                writeln!(
                    out,
                    "<h3>Copies in story {}: {}</h3>",
                    k + 1,
                    html_esc(title)
                )?;
            }
            graph(out, r, links, k + 1)?;
        }
        out.write_all("<ul class=\"copies\">\n".as_bytes())?;
        for l in &r.provenance {
            writeln!(
                out,
                "<li><b>{}</b> → <b>{}</b> ({}, {} passage{}): {}</li>",
                html_esc(&doc_name(r, &l.from)),
                html_esc(&doc_name(r, &l.to)),
                extent_name(l.extent),
                l.shared.len(),
                if l.shared.len() == 1 { "" } else { "s" },
                html_esc(&l.reason)
            )?;
        }
        out.write_all("</ul>\n".as_bytes())?;
    }
    out.write_all("<ul class=\"corroboration\">\n".as_bytes())?;
    for g in &r.groups {
        writeln!(
            out,
            "<li data-group=\"{}\" data-independent=\"{}\">group {}: {} — {}</li>",
            g.id.0,
            g.corroboration.independent,
            g.id.0,
            html_esc(&label(r, g)),
            confirmed_by(g)
        )?;
    }
    out.write_all("</ul>\n</section>\n".as_bytes())
}

/// The copy links of each story that has any, in story order, with the story's title
/// (links never cross stories; a report without stories is one).
fn links_by_story(r: &Report) -> Vec<(String, Vec<&CopyLink>)> {
    let story_of: std::collections::BTreeMap<&DocId, usize> = r
        .stories
        .iter()
        .enumerate()
        .flat_map(|(k, s)| s.documents.iter().map(move |d| (d, k)))
        .collect();
    let mut by: std::collections::BTreeMap<usize, Vec<&CopyLink>> = Default::default();
    for l in &r.provenance {
        let k = story_of.get(&l.from).copied().unwrap_or(usize::MAX);
        by.entry(k).or_default().push(l);
    }
    by.into_iter()
        .map(|(k, links)| {
            let title = r
                .stories
                .get(k)
                .map(|s| s.title.clone())
                .unwrap_or_default();
            (title, links)
        })
        .collect()
}

/// The copy graph of one story: the documents taking part in a link on a circle, an
/// arrow from each original to its copy (dashed for a partial copy).
fn graph(out: &mut impl Write, r: &Report, links: &[&CopyLink], k: usize) -> io::Result<()> {
    let mut nodes: Vec<&DocId> = links.iter().flat_map(|l| [&l.from, &l.to]).collect();
    nodes.sort();
    nodes.dedup();
    if nodes.len() > MAX_GRAPH_DOCUMENTS {
        return writeln!(
            out,
            "<p>{} documents take part in copies: too many to draw.</p>",
            nodes.len()
        );
    }
    let n = nodes.len() as f64;
    let radius = (60.0 + 18.0 * n).min(420.0);
    let (margin, size) = (170.0, 2.0 * (radius + 170.0));
    let at = |i: usize| {
        let angle = std::f64::consts::TAU * i as f64 / n - std::f64::consts::FRAC_PI_2;
        (
            margin + radius + radius * angle.cos(),
            margin + radius + radius * angle.sin(),
        )
    };
    let index = |d: &DocId| nodes.binary_search(&d).ok();
    writeln!(
        out,
        "<svg class=\"copy-graph\" id=\"copy-graph-{k}\" width=\"{size:.0}\" height=\"{size:.0}\" viewBox=\"0 0 {size:.0} {size:.0}\" role=\"img\" aria-label=\"copy graph\">"
    )?;
    out.write_all("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"18\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n".as_bytes())?;
    for l in links {
        let (Some(a), Some(b)) = (index(&l.from), index(&l.to)) else {
            continue;
        };
        let ((x1, y1), (x2, y2)) = (at(a), at(b));
        let dash = match l.extent {
            CopyExtent::Full => "",
            CopyExtent::Partial => " stroke-dasharray=\"6 4\"",
        };
        writeln!(
            out,
            "<line class=\"copy-link\" x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"#555\" stroke-width=\"1.5\"{dash} marker-end=\"url(#arrow)\"><title>{}</title></line>",
            html_esc(&l.reason)
        )?;
    }
    for (i, d) in nodes.iter().enumerate() {
        let (x, y) = at(i);
        let name: String = doc_name(r, d).chars().take(GRAPH_LABEL_CHARS).collect();
        let anchor = if x < margin + radius - 1.0 {
            "end"
        } else {
            "start"
        };
        let dx = if anchor == "end" { -12.0 } else { 12.0 };
        writeln!(
            out,
            "<g class=\"copy-node\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"8\" fill=\"#4a7bd0\"><title>{}</title></circle><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"{anchor}\">{}</text></g>",
            html_esc(&d.0),
            x + dx,
            y + 4.0,
            html_esc(&name)
        )?;
    }
    out.write_all("</svg>\n".as_bytes())
}
