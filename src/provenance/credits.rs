//! Wire credits: which news agencies a document says its text comes from
//! (`data/provenance/wire_credits.txt`), and which agency an outlet is.

use crate::model::Document;
use memchr::memmem;
use std::sync::OnceLock;

/// The credits list, read once.
struct Credits {
    /// Credit phrases (lower case), each with a finder and the agency it names.
    phrases: Vec<(memmem::Finder<'static>, &'static str)>,
    /// Names outlets give the agencies (lower case) and the agency.
    outlets: Vec<(String, &'static str)>,
}

fn credits() -> &'static Credits {
    static CREDITS: OnceLock<Credits> = OnceLock::new();
    CREDITS.get_or_init(|| {
        let mut phrases = Vec::new();
        let mut outlets = Vec::new();
        for r in crate::lexicon::records("provenance/wire_credits.txt") {
            let phrase = r.words(0).collect::<Vec<_>>().join(" ");
            match r.get(2) {
                "credit" => phrases.push((
                    memmem::Finder::new(phrase.as_bytes()).into_owned(),
                    r.get(1),
                )),
                "outlet" => outlets.push((phrase, r.get(1))),
                _ => {}
            }
        }
        Credits { phrases, outlets }
    })
}

/// Whether the byte before `start` and the byte at `end` leave the match a whole word
/// (or words).
fn on_word_boundaries(text: &[u8], start: usize, end: usize) -> bool {
    let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-';
    let before = start.checked_sub(1).and_then(|i| text.get(i));
    !before.is_some_and(word) && !text.get(end).is_some_and(word)
}

/// The agencies `doc`'s body credits, sorted and without repeats.
pub(super) fn credited(doc: &Document) -> Vec<&'static str> {
    let body = doc.body();
    let Some(text) = doc.text.get(body.start..body.end) else {
        return Vec::new();
    };
    // ASCII lower case keeps every byte offset; the phrases are ASCII
    let lower = text.as_bytes().to_ascii_lowercase();
    // the list is a few dozen phrases, each found in one pass over the text
    let mut found: Vec<&'static str> = credits()
        .phrases
        .iter()
        .filter(|(finder, _)| {
            finder.find_iter(&lower).any(|start| {
                let end = start + finder.needle().len();
                // a credit in parentheses stands alone; a worded one needs word edges
                lower.get(start) == Some(&b'(') || on_word_boundaries(&lower, start, end)
            })
        })
        .map(|(_, agency)| *agency)
        .collect();
    found.sort_unstable();
    found.dedup();
    // a named credit says more than the unnamed "wire"
    if found.len() > 1 {
        found.retain(|a| *a != "wire");
    }
    found
}

/// The agency `doc`'s outlet is, when its `source` names one.
pub(super) fn outlet_agency(doc: &Document) -> Option<&'static str> {
    let source = doc.source.as_deref()?.trim().to_lowercase();
    credits()
        .outlets
        .iter()
        .find(|(name, _)| *name == source)
        .map(|(_, agency)| *agency)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_datelines_and_contribution_lines() {
        let doc = Document::new(
            "a",
            "LISBON (AP) — A fire broke out.\n\nThe Associated Press contributed to this report.",
        );
        assert_eq!(credited(&doc), vec!["ap"]);
        let doc = Document::new("b", "Jo Dee contributed to this report.");
        assert_eq!(credited(&doc), vec!["wire"]);
        let doc = Document::new("c", "The lap time (apex) was fast. Snap decisions.");
        assert!(credited(&doc).is_empty());
    }

    #[test]
    fn reads_outlet_names() {
        let mut doc = Document::new("a", "text");
        doc.source = Some("The Associated Press".into());
        assert_eq!(outlet_agency(&doc), Some("ap"));
        doc.source = Some("Daily Planet".into());
        assert_eq!(outlet_agency(&doc), None);
    }
}
