//! The extraction as Markdown: the actors with their aliases and roles, then, for each
//! document, who said what, its times and its quantities.

use crate::model::{DocId, Quantity, Quote, QuoteKind, TimeExpr};
use crate::Extracted;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Writes the extraction as Markdown.
pub fn write_extracted_markdown(x: &Extracted, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "# Actors\n")?;
    for a in &x.actors {
        write!(
            out,
            "- **{}** ({:?}, {} mentions)",
            a.name,
            a.kind,
            a.mentions.len()
        )?;
        if !a.aliases.is_empty() {
            write!(out, "; also {}", a.aliases.join(", "))?;
        }
        if !a.roles.is_empty() {
            let roles: Vec<&str> = a.roles.iter().map(crate::model::Role::phrase).collect();
            write!(out, "; {}", roles.join(", "))?;
        }
        writeln!(out)?;
    }
    let name_of: BTreeMap<_, _> = x.actors.iter().map(|a| (a.id, a.name.as_str())).collect();
    let quotes = ByDoc::new(&x.quotes, |q: &Quote| &q.doc);
    let times = ByDoc::new(&x.times, |t: &TimeExpr| &t.doc);
    let quantities = ByDoc::new(&x.quantities, |q: &Quantity| &q.doc);
    for d in &x.documents {
        writeln!(out, "\n# Who said what in {}\n", d.id)?;
        for q in quotes.of(&d.id) {
            let who = match (q.speaker.and_then(|s| name_of.get(&s)), &q.speaker_text) {
                (Some(name), Some(text)) if text != name => format!("{name} (\"{text}\")"),
                (Some(name), _) => name.to_string(),
                (None, Some(text)) => format!("unresolved (\"{text}\")"),
                (None, None) => "unknown".to_string(),
            };
            let text: String = q.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let mark = match q.kind {
                QuoteKind::Direct => format!("“{text}”"),
                QuoteKind::Indirect => format!("_{text}_"),
            };
            writeln!(out, "- {who}: {mark} `[{}..{})`", q.span.start, q.span.end)?;
        }
        let times = times.of(&d.id);
        if !times.is_empty() {
            let times: Vec<String> = times
                .iter()
                .map(|t| format!("“{}” = {}", t.text, t.value))
                .collect();
            writeln!(out, "\nTimes: {}", times.join("; "))?;
        }
        let quantities = quantities.of(&d.id);
        if !quantities.is_empty() {
            let quantities: Vec<String> = quantities
                .iter()
                .map(|q| match &q.unit {
                    Some(u) => format!("“{}” = {} {u}", q.text, q.value),
                    None => format!("“{}” = {}", q.text, q.value),
                })
                .collect();
            writeln!(out, "\nQuantities: {}", quantities.join("; "))?;
        }
    }
    Ok(())
}

/// A list of items of several documents, read one document at a time.
struct ByDoc<'a, T> {
    items: &'a [T],
    doc_of: fn(&T) -> &DocId,
    /// In document order (as extraction gives it): a document's items are found by
    /// binary search, else by a scan.
    sorted: bool,
}

impl<'a, T> ByDoc<'a, T> {
    fn new(items: &'a [T], doc_of: fn(&T) -> &DocId) -> ByDoc<'a, T> {
        let sorted = items.is_sorted_by(|a, b| doc_of(a) <= doc_of(b));
        ByDoc {
            items,
            doc_of,
            sorted,
        }
    }

    /// The items of `doc`, in their order.
    fn of(&self, doc: &DocId) -> Vec<&'a T> {
        let doc_of = self.doc_of;
        if self.sorted {
            let from = self.items.partition_point(|t| doc_of(t) < doc);
            let n = self.items[from..].partition_point(|t| doc_of(t) == doc);
            return self.items[from..from + n].iter().collect();
        }
        self.items.iter().filter(|t| doc_of(t) == doc).collect()
    }
}
