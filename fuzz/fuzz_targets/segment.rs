//! Ingest + segmentation on arbitrary bytes: never panics, and every sentence and token
//! span is in bounds, on char boundaries, ordered, and covers all non-whitespace text.
//!
//! Run: `cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run segment -- -max_total_time=600`

#![no_main]

use corroborate::{ingest, segment, Span};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the head length; the rest is the text, lossily decoded so
    // invalid UTF-8 still exercises the segmenter.
    let (head, rest) = match data.split_first() {
        Some((&h, rest)) => (usize::from(h % 16), rest),
        None => (0, data),
    };
    let text = String::from_utf8_lossy(rest);
    let mut doc = ingest::from_text("fuzz", &text);
    let mut h = head.min(doc.text.len());
    while !doc.text.is_char_boundary(h) {
        h += 1;
    }
    doc.head = Span::new(0, h);
    let t = &doc.text;
    let mut covered = h;
    for (i, s) in segment::sentences(&doc).iter().enumerate() {
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
});
