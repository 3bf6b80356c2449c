//! The HTML report: one self-contained page (inline CSS and script, no external
//! resources) with the flags' evidence side by side and the differing words
//! highlighted, filters by kind and severity, the timeline and the coverage matrix.
//!
//! Every piece of text from the report goes through [`esc`]; the script is a constant.
//! When the script has run it appends `<div id="script-ok" data-flags="N">`, which the
//! browser test looks for.

use super::{actor_name, doc_name, event_when, pieces};
use crate::model::{DiffOpKind, FlagKind, Report, Severity};
use std::fmt::Write;

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
      var show = !off['kind:' + f.getAttribute('data-kind')] && !off['severity:' + f.getAttribute('data-severity')];
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
  document.body.appendChild(ok);
})();
"#;

/// Renders the report as one self-contained HTML page.
pub fn html(r: &Report) -> String {
    let mut s = String::new();
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    s.push_str("<title>Corroborate report</title>\n<style>");
    s.push_str(STYLE);
    s.push_str("</style>\n</head>\n<body>\n<h1>Corroborate report</h1>\n");
    let contradictions = r
        .flags
        .iter()
        .filter(|f| f.severity == Severity::Contradiction)
        .count();
    let _ = writeln!(
        s,
        "<p class=\"lede\">{} documents, {} claims in {} aligned groups; {} flags ({} contradictions, {} variations); {} events.</p>",
        r.documents.len(),
        r.claims.len(),
        r.groups.len(),
        r.flags.len(),
        contradictions,
        r.flags.len() - contradictions,
        r.events.len()
    );
    flags(&mut s, r);
    timeline(&mut s, r);
    coverage(&mut s, r);
    s.push_str("<script>");
    s.push_str(SCRIPT);
    s.push_str("</script>\n</body>\n</html>\n");
    s
}

fn flags(s: &mut String, r: &Report) {
    s.push_str("<section id=\"flags\">\n<h2>Flags</h2>\n<form id=\"filters\">\n<fieldset><legend>Kind</legend>\n");
    for k in FlagKind::ALL {
        let n = r.flags.iter().filter(|f| f.kind == k).count();
        let _ = writeln!(
            s,
            "<label><input type=\"checkbox\" data-filter=\"kind\" value=\"{0}\" checked> {0} ({n})</label>",
            k.as_str()
        );
    }
    s.push_str("</fieldset>\n<fieldset><legend>Severity</legend>\n");
    for sev in [Severity::Contradiction, Severity::Variation] {
        let n = r.flags.iter().filter(|f| f.severity == sev).count();
        let _ = writeln!(
            s,
            "<label><input type=\"checkbox\" data-filter=\"severity\" value=\"{0}\" checked> {0} ({n})</label>",
            sev.as_str()
        );
    }
    s.push_str("</fieldset>\n</form>\n<p id=\"shown\"></p>\n");
    if r.flags.is_empty() {
        s.push_str("<p>No disagreements found.</p>\n");
    }
    for (i, f) in r.flags.iter().enumerate() {
        let _ = writeln!(
            s,
            "<article class=\"flag\" id=\"flag-{}\" data-kind=\"{}\" data-severity=\"{}\">",
            i + 1,
            f.kind.as_str(),
            f.severity.as_str()
        );
        let _ = writeln!(
            s,
            "<header><span class=\"badge\">#{}</span><span class=\"badge\">{}</span><span class=\"badge sev-{2}\">{2}</span> group {3}</header>",
            i + 1,
            f.kind.as_str(),
            f.severity.as_str(),
            f.group.0
        );
        let _ = writeln!(
            s,
            "<p class=\"summary\">{}</p>\n<div class=\"sides\">",
            esc(&f.summary)
        );
        for e in &f.evidence {
            let _ = write!(
                s,
                "<div class=\"side\"><h4>{}</h4><blockquote>",
                esc(&doc_name(r, &e.doc))
            );
            for (t, marked) in pieces(e) {
                if marked {
                    let _ = write!(s, "<mark>{}</mark>", esc(t));
                } else {
                    s.push_str(&esc(t));
                }
            }
            let _ = writeln!(
                s,
                "</blockquote><p class=\"value\">value <code>{}</code> · bytes {}–{}</p></div>",
                esc(&e.value.to_string()),
                e.span.start,
                e.span.end
            );
        }
        s.push_str("</div>\n");
        for d in &f.diffs {
            let (Some(a), Some(b)) = (f.evidence.get(d.from), f.evidence.get(d.to)) else {
                continue;
            };
            let _ = write!(
                s,
                "<p class=\"diff\"><b>{}</b> → <b>{}</b>: ",
                esc(&doc_name(r, &a.doc)),
                esc(&doc_name(r, &b.doc))
            );
            for op in &d.ops {
                match op.kind {
                    DiffOpKind::Equal => s.push_str(&esc(&op.old)),
                    DiffOpKind::Delete => {
                        let _ = write!(s, "<del>{}</del>", esc(&op.old));
                    }
                    DiffOpKind::Insert => {
                        let _ = write!(s, "<ins>{}</ins>", esc(&op.new));
                    }
                    DiffOpKind::Substitute => {
                        let _ =
                            write!(s, "<del>{}</del> <ins>{}</ins>", esc(&op.old), esc(&op.new));
                    }
                }
                s.push(' ');
            }
            s.push_str("</p>\n");
        }
        s.push_str("</article>\n");
    }
    s.push_str("</section>\n");
}

fn timeline(s: &mut String, r: &Report) {
    s.push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    if r.events.is_empty() {
        s.push_str("<p>No events found.</p>\n");
    }
    s.push_str("<ol class=\"timeline\">\n");
    for e in &r.events {
        let when = match event_when(&e.time) {
            (text, true) => format!("<span class=\"conflict\">{}</span>", esc(&text)),
            (text, false) => esc(&text),
        };
        let _ = write!(
            s,
            "<li><b>{when}</b> — {}{}: {}",
            e.kind.as_str(),
            e.place
                .as_ref()
                .map(|p| format!(" in {}", esc(p)))
                .unwrap_or_default(),
            esc(&e.label)
        );
        if !e.participants.is_empty() {
            let who: Vec<String> = e.participants.iter().map(|a| actor_name(r, *a)).collect();
            let _ = write!(s, " — with {}", esc(&who.join(", ")));
        }
        let outlets: Vec<String> = e.outlets.iter().map(|d| doc_name(r, d)).collect();
        let _ = write!(s, " — carried by {}", esc(&outlets.join(", ")));
        for k in &e.flags {
            let _ = write!(s, " <a href=\"#flag-{0}\">flag #{0}</a>", k + 1);
        }
        s.push_str("</li>\n");
    }
    s.push_str("</ol>\n</section>\n");
}

fn coverage(s: &mut String, r: &Report) {
    let c = &r.coverage;
    s.push_str("<section id=\"coverage\">\n<h2>Coverage</h2>\n");
    if c.rows.is_empty() {
        s.push_str("<p>No aligned groups.</p>\n</section>\n");
        return;
    }
    s.push_str("<table>\n<thead><tr><th>group</th><th>claim</th>");
    for d in &c.documents {
        let _ = write!(s, "<th>{}</th>", esc(&doc_name(r, d)));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for row in &c.rows {
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{}</td>",
            row.group.0,
            esc(&row.label)
        );
        for cell in &row.cells {
            if cell.is_empty() {
                s.push_str("<td class=\"no\">—</td>");
            } else {
                let ids: Vec<String> = cell.iter().map(|c| c.0.to_string()).collect();
                let _ = write!(
                    s,
                    "<td class=\"yes\" title=\"claims {}\">✔</td>",
                    ids.join(", ")
                );
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n</section>\n");
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
