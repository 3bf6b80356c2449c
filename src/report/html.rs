//! The HTML report: one self-contained page (inline CSS and script, no external
//! resources) with the flags' evidence side by side and the differing words
//! highlighted, filters by kind and severity, the timeline and the coverage matrix.
//!
//! Every piece of text from the report goes through [`esc`]; the script is a constant.
//! When the script has run it appends `<div id="script-ok" data-flags="N">`, which the
//! browser test looks for; `data-copy-links` and `data-graph-drawn` say whether the copy
//! graph was drawn as SVG.

use super::{
    coverage_cells, coverage_columns, diffs_between, doc_name, event_line, event_when,
    flag_heading, pieces, story_line, story_parts, tally, StoryPart,
};
use crate::model::{Confidence, DiffOpKind, Flag, FlagKind, Report, Severity};
use std::io::{self, Write};

/// Escapes text for HTML element content and quoted attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d1d1f;line-height:1.45}
h1{margin-bottom:.2rem}.lede{color:#555}
#filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;padding:.6rem;background:#f4f4f6;border-radius:6px}
#filters fieldset{border:none;margin:0;padding:0}#filters legend{font-weight:600}
article.flag{border:1px solid #ddd;border-left:6px solid #c0392b;border-radius:6px;margin:1rem 0;padding:.6rem 1rem}
article.flag[data-severity=variation]{border-left-color:#e6a23c}
.badge{display:inline-block;font-size:.8rem;padding:.05rem .45rem;border-radius:3px;background:#eee;margin-right:.3rem}
.sev-contradiction{background:#fbe3e1}.sev-variation{background:#fdf1dc}
.sides{display:flex;gap:1rem;flex-wrap:wrap}.side{flex:1 1 18rem;background:#fafafa;border-radius:4px;padding:.4rem .7rem}
.side h4{margin:.2rem 0}.side blockquote{margin:.3rem 0;font-style:normal}
mark{background:#ffe066;padding:0 .1rem}del{background:#fbd3d0}ins{background:#d4f5d4;text-decoration:none}
.value code{background:#eef;padding:0 .2rem}.diff{margin-top:.5rem;font-size:.95rem}
table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #ddd;padding:.2rem .45rem;vertical-align:top}
td.yes{background:#e3f4e3;text-align:center}td.no{color:#aaa;text-align:center}
ol.timeline li{margin:.4rem 0}.conflict{color:#c0392b;font-weight:600}
"#;

const SCRIPT: &str = r#"
(function () {
  window.addEventListener('error', function (e) {
    var d = document.createElement('div');
    d.id = 'script-error';
    d.textContent = String(e.message);
    document.body.appendChild(d);
  });
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#filters input'));
  var flags = Array.prototype.slice.call(document.querySelectorAll('article.flag'));
  function apply() {
    var off = {};
    boxes.forEach(function (b) { if (!b.checked) { off[b.getAttribute('data-filter') + ':' + b.value] = true; } });
    var n = 0;
    flags.forEach(function (f) {
      var show = !off['kind:' + f.getAttribute('data-kind')] && !off['severity:' + f.getAttribute('data-severity')] && !off['confidence:' + f.getAttribute('data-confidence')];
      f.hidden = !show;
      if (show) { n++; }
    });
    var shown = document.getElementById('shown');
    if (shown) { shown.textContent = n + ' of ' + flags.length + ' flags shown'; }
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  apply();
  var ok = document.createElement('div');
  ok.id = 'script-ok';
  ok.hidden = true;
  ok.setAttribute('data-flags', String(flags.length));
  var graphs = Array.prototype.slice.call(document.querySelectorAll('svg.copy-graph'));
  var links = 0;
  graphs.forEach(function (g) { links += g.querySelectorAll('line.copy-link').length; });
  ok.setAttribute('data-copy-links', String(links));
  ok.setAttribute('data-graph-drawn', String(graphs.length > 0 && graphs.every(function (g) { return g instanceof SVGSVGElement && g.getBBox().width > 0; })));
  document.body.appendChild(ok);
})();
"#;

/// Writes the report as one self-contained HTML page.
pub fn write_html(r: &Report, out: &mut impl Write) -> io::Result<()> {
    out.write_all(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n".as_bytes(),
    )?;
    out.write_all(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n".as_bytes(),
    )?;
    out.write_all("<title>Corroborate report</title>\n<style>".as_bytes())?;
    out.write_all(STYLE.as_bytes())?;
    out.write_all("</style>\n</head>\n<body>\n<h1>Corroborate report</h1>\n".as_bytes())?;
    writeln!(out, "<p class=\"lede\">{}</p>", tally(r))?;
    let parts = story_parts(r);
    if parts.len() == 1 {
        if !r.stories.is_empty() {
            index(out, &parts)?;
        }
        let (p, at) = (
            &parts[0],
            Placement {
                level: "2",
                suffix: "",
            },
        );
        flags(out, r, p, &at, true)?;
        timeline(out, r, p, &at)?;
        coverage(out, r, p, &at)?;
    } else {
        index(out, &parts)?;
        filters(out, r)?;
        for (k, p) in parts.iter().enumerate() {
            writeln!(
                out,
                "<section class=\"story\" id=\"story-{}\">\n<h2>Story {}: {}</h2>",
                k + 1,
                k + 1,
                esc(&p.story.title)
            )?;
            let suffix = format!("-{}", k + 1);
            let at = Placement {
                level: "3",
                suffix: &suffix,
            };
            flags(out, r, p, &at, false)?;
            timeline(out, r, p, &at)?;
            coverage(out, r, p, &at)?;
            out.write_all("</section>\n".as_bytes())?;
        }
    }
    super::provenance::write_html(out, r)?;
    out.write_all("<script>".as_bytes())?;
    out.write_all(SCRIPT.as_bytes())?;
    out.write_all("</script>\n</body>\n</html>\n".as_bytes())
}

/// The index of the stories, each linked to its section when there are several.
fn index(out: &mut impl Write, parts: &[StoryPart]) -> io::Result<()> {
    out.write_all("<nav id=\"stories\">\n<h2>Stories</h2>\n<ol>\n".as_bytes())?;
    for (k, p) in parts.iter().enumerate() {
        let title = esc(&p.story.title);
        if parts.len() > 1 {
            write!(out, "<li><a href=\"#story-{}\">{title}</a>", k + 1)?;
        } else {
            write!(out, "<li>{title}")?;
        }
        writeln!(out, " — {}</li>", esc(&story_line(p.story, p.flags.len())))?;
    }
    out.write_all("</ol>\n</nav>\n".as_bytes())
}

/// The filters by kind and severity, with the counts of the whole report.
fn filters(out: &mut impl Write, r: &Report) -> io::Result<()> {
    out.write_all("<form id=\"filters\">\n<fieldset><legend>Kind</legend>\n".as_bytes())?;
    for k in FlagKind::ALL {
        let n = r.flags.iter().filter(|f| f.kind == k).count();
        writeln!(
            out,
            "<label><input type=\"checkbox\" data-filter=\"kind\" value=\"{0}\" checked> {0} ({n})</label>",
            k.as_str()
        )?;
    }
    out.write_all("</fieldset>\n<fieldset><legend>Severity</legend>\n".as_bytes())?;
    for sev in [Severity::Contradiction, Severity::Variation] {
        let n = r.flags.iter().filter(|f| f.severity == sev).count();
        writeln!(
            out,
            "<label><input type=\"checkbox\" data-filter=\"severity\" value=\"{0}\" checked> {0} ({n})</label>",
            sev.as_str()
        )?;
    }
    out.write_all("</fieldset>\n<fieldset><legend>Confidence</legend>\n".as_bytes())?;
    for level in [Confidence::High, Confidence::Medium, Confidence::Low] {
        let n = r.flags.iter().filter(|f| f.confidence == level).count();
        writeln!(
            out,
            "<label><input type=\"checkbox\" data-filter=\"confidence\" value=\"{0}\" checked> {0} ({n})</label>",
            level.as_str()
        )?;
    }
    out.write_all("</fieldset>\n</form>\n<p id=\"shown\"></p>\n".as_bytes())
}

/// Where a story's sections stand: the level of their headings, and the suffix of
/// their ids that tells the stories apart (empty when the report has one story).
struct Placement<'a> {
    level: &'a str,
    suffix: &'a str,
}

impl Placement<'_> {
    /// Opens the section `id` headed `title`.
    fn open(&self, out: &mut impl Write, id: &str, title: &str) -> io::Result<()> {
        let Placement { level, suffix } = self;
        writeln!(
            out,
            "<section id=\"{id}{suffix}\">\n<h{level}>{title}</h{level}>"
        )
    }
}

/// A story's flags, placed `at`; the filters inside when `with_filters`.
fn flags(
    out: &mut impl Write,
    r: &Report,
    p: &StoryPart,
    at: &Placement,
    with_filters: bool,
) -> io::Result<()> {
    at.open(out, "flags", "Flags")?;
    if with_filters {
        filters(out, r)?;
    }
    if p.flags.is_empty() {
        out.write_all("<p>No disagreements found.</p>\n".as_bytes())?;
    }
    for &i in &p.flags {
        flag(out, r, i, &r.flags[i])?;
    }
    out.write_all("</section>\n".as_bytes())
}

/// Flag number `i` as an article: its badges and summary, the evidence side by side
/// with the differing words marked, and its word diffs.
fn flag(out: &mut impl Write, r: &Report, i: usize, f: &Flag) -> io::Result<()> {
    let (number, kind, severity, confidence) = flag_heading(i, f);
    writeln!(
        out,
        "<article class=\"flag\" id=\"flag-{number}\" data-kind=\"{kind}\" data-severity=\"{severity}\" data-confidence=\"{confidence}\">"
    )?;
    writeln!(
        out,
        "<header><span class=\"badge\">#{number}</span><span class=\"badge\">{kind}</span><span class=\"badge sev-{severity}\">{severity}</span><span class=\"badge\" title=\"{}\">{confidence} confidence</span> group {}</header>",
        esc(&f.reasons.join("; ")),
        f.group.0
    )?;
    writeln!(out, "<p class=\"summary\">{}</p>", esc(&f.summary))?;
    if let Some(note) = &f.copied_side {
        writeln!(out, "<p class=\"copies\">Copies: {}.</p>", esc(note))?;
    }
    out.write_all("<div class=\"sides\">\n".as_bytes())?;
    for e in &f.evidence {
        write!(
            out,
            "<div class=\"side\"><h4>{}</h4><blockquote>",
            esc(&doc_name(r, &e.doc))
        )?;
        for (t, marked) in pieces(r, e) {
            if marked {
                write!(out, "<mark>{}</mark>", esc(t))?;
            } else {
                out.write_all(esc(t).as_bytes())?;
            }
        }
        writeln!(
            out,
            "</blockquote><p class=\"value\">value <code>{}</code> · bytes {}–{}</p></div>",
            esc(&e.value.to_string()),
            e.span.start,
            e.span.end
        )?;
    }
    out.write_all("</div>\n".as_bytes())?;
    for (d, a, b) in diffs_between(r, f, esc) {
        write!(out, "<p class=\"diff\"><b>{a}</b> → <b>{b}</b>: ")?;
        for op in &d.ops {
            match op.kind {
                DiffOpKind::Equal => out.write_all(esc(&op.old).as_bytes())?,
                DiffOpKind::Delete => {
                    write!(out, "<del>{}</del>", esc(&op.old))?;
                }
                DiffOpKind::Insert => {
                    write!(out, "<ins>{}</ins>", esc(&op.new))?;
                }
                DiffOpKind::Substitute => {
                    write!(
                        out,
                        "<del>{}</del> <ins>{}</ins>",
                        esc(&op.old),
                        esc(&op.new)
                    )?;
                }
            }
            out.write_all(b" ")?;
        }
        out.write_all("</p>\n".as_bytes())?;
    }
    out.write_all("</article>\n".as_bytes())?;
    Ok(())
}

fn timeline(out: &mut impl Write, r: &Report, p: &StoryPart, at: &Placement) -> io::Result<()> {
    at.open(out, "timeline", "Timeline")?;
    if p.events.is_empty() {
        out.write_all("<p>No events found.</p>\n".as_bytes())?;
    }
    out.write_all("<ol class=\"timeline\">\n".as_bytes())?;
    for e in &p.events {
        let when = match event_when(&e.time) {
            (text, true) => format!("<span class=\"conflict\">{}</span>", esc(&text)),
            (text, false) => esc(&text),
        };
        write!(out, "<li><b>{when}</b> — {}", event_line(r, e, esc))?;
        for k in &e.flags {
            write!(out, " <a href=\"#flag-{0}\">flag #{0}</a>", k + 1)?;
        }
        out.write_all("</li>\n".as_bytes())?;
    }
    out.write_all("</ol>\n</section>\n".as_bytes())
}

fn coverage(out: &mut impl Write, r: &Report, p: &StoryPart, at: &Placement) -> io::Result<()> {
    at.open(out, "coverage", "Coverage")?;
    if p.rows.is_empty() {
        return out.write_all("<p>No aligned groups.</p>\n</section>\n".as_bytes());
    }
    let columns = coverage_columns(r, p);
    out.write_all("<table>\n<thead><tr><th>group</th><th>claim</th>".as_bytes())?;
    for d in &columns {
        write!(out, "<th>{}</th>", esc(&doc_name(r, d)))?;
    }
    out.write_all("</tr></thead>\n<tbody>\n".as_bytes())?;
    for row in &p.rows {
        write!(
            out,
            "<tr><td>{}</td><td>{}</td>",
            row.group.0,
            esc(&row.label)
        )?;
        for cell in coverage_cells(r, row, &columns) {
            if cell.is_empty() {
                out.write_all("<td class=\"no\">—</td>".as_bytes())?;
            } else {
                let ids: Vec<String> = cell.iter().map(|c| c.0.to_string()).collect();
                write!(
                    out,
                    "<td class=\"yes\" title=\"claims {}\">✔</td>",
                    ids.join(", ")
                )?;
            }
        }
        out.write_all("</tr>\n".as_bytes())?;
    }
    out.write_all("</tbody>\n</table>\n</section>\n".as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }
}
