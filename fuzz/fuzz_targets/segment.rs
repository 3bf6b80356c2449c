//! Ingest + segmentation on arbitrary bytes: never panics, and every sentence and token
//! span is in bounds, on char boundaries, ordered, and covers all non-whitespace text
//! after the document's head.
//!
//! Run: `cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run segment -- -max_total_time=600`

#![no_main]

use corroborate::ingest::{self, Format};
use corroborate::{segment, Document, Span};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    // The real reader on the raw bytes, in the format the first byte picks: errors are
    // fine (bad input), panics are not; every document it accepts is segmented.
    let format = match selector % 4 {
        0 => Format::Json,
        1 => Format::Jsonl,
        _ => Format::Text,
    };
    if let Ok(docs) = ingest::parse(format, "fuzz.txt", bytes) {
        for doc in &docs {
            check(doc);
        }
    }
    // The segmenter alone on any text (lossily decoded), with a head of any length.
    let mut doc = Document::new("fuzz", String::from_utf8_lossy(bytes));
    let mut h = usize::from(selector / 4).min(doc.text.len());
    while !doc.text.is_char_boundary(h) {
        h += 1;
    }
    doc.head = Span::new(0, h);
    check(&doc);
});

fn check(doc: &Document) {
    let t = &doc.text;
    let mut covered = doc.body().start;
    for (i, s) in segment::sentences(doc).iter().enumerate() {
        assert_eq!(s.index, i);
        assert!(covered <= s.span.start && s.span.start < s.span.end && s.span.end <= t.len());
        assert!(t.is_char_boundary(s.span.start) && t.is_char_boundary(s.span.end));
        assert!(t[covered..s.span.start].chars().all(char::is_whitespace));
        let slice = s.span.slice(t);
        assert_eq!(slice.trim(), slice);
        covered = s.span.end;
        let mut tok_covered = s.span.start;
        for tok in segment::tokens(t, s.span) {
            assert!(tok_covered <= tok.span.start && tok.span.start < tok.span.end);
            assert!(s.span.contains(tok.span));
            assert!(t.is_char_boundary(tok.span.start) && t.is_char_boundary(tok.span.end));
            assert!(t[tok_covered..tok.span.start].chars().all(char::is_whitespace));
            tok_covered = tok.span.end;
        }
        assert!(t[tok_covered..s.span.end].chars().all(char::is_whitespace));
    }
    assert!(t[covered..].chars().all(char::is_whitespace));
}
