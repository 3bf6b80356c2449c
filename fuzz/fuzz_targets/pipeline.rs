//! The whole pipeline on arbitrary input: the bytes are split into two to four
//! documents (the first may carry a date), run through `corroborate::reconcile`, and
//! every reported span must slice its document to exactly the reported text. Never
//! panics.
//!
//! Run: `cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run pipeline -- -max_total_time=1800`

#![no_main]

use corroborate::{Document, Report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(bytes);
    // Documents split at a form feed, so the fuzzer can write several at once.
    let mut docs: Vec<Document> = text
        .split('\u{c}')
        .take(4)
        .enumerate()
        .map(|(i, t)| Document::new(format!("d{i}"), t))
        .collect();
    if selector & 1 == 1 {
        docs[0].published = "2023-03-01".parse().ok();
    }
    if selector & 2 == 2 && docs.len() > 1 {
        docs[1].published = "2023-03-02".parse().ok();
    }
    let Ok(report) = corroborate::reconcile(&docs) else {
        return;
    };
    check(&docs, &report);
});

fn check(docs: &[Document], r: &Report) {
    let text = |id: &corroborate::DocId| {
        docs.iter()
            .find(|d| &d.id == id)
            .map(|d| d.text.as_str())
            .expect("every reported document id is an input document")
    };
    let slice_is = |id: &corroborate::DocId, s: corroborate::Span, want: &str| {
        assert_eq!(text(id).get(s.start..s.end), Some(want));
    };
    for a in &r.actors {
        for m in &a.mentions {
            slice_is(&m.doc, m.span, &m.text);
        }
    }
    for q in &r.quotes {
        slice_is(&q.doc, q.span, &q.text);
    }
    for t in &r.times {
        slice_is(&t.doc, t.span, &t.text);
    }
    for q in &r.quantities {
        slice_is(&q.doc, q.span, &q.text);
    }
    for c in &r.claims {
        slice_is(&c.doc, c.span, &c.text);
        // a claim names the times and quantities inside it; ids are positions
        for id in &c.times {
            let t = &r.times[id.0 as usize];
            assert!(t.id == *id && t.doc == c.doc && c.span.contains(t.span));
        }
        for id in &c.quantities {
            let q = &r.quantities[id.0 as usize];
            assert!(q.id == *id && q.doc == c.doc && c.span.contains(q.span));
        }
    }
    for f in &r.flags {
        for e in &f.evidence {
            slice_is(&e.doc, e.span, &e.text);
        }
    }
}
