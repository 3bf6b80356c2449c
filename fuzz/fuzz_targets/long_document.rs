//! Actor and quote extraction on long documents: the input after its first byte is a
//! unit of text, repeated 2^(first byte mod 13) times (up to 4,096 copies) into one
//! document, so that short inputs make the long documents where a cost growing with
//! the square of the length would show (run with `-timeout` low enough to catch it).
//! Every reported span must slice its document to exactly the reported text, the
//! quoted text may not outgrow the document, and nothing panics.
//!
//! Run: `cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run long_document corpus/long_document
//! seeds/long_document -- -timeout=10 -max_total_time=1800`

#![no_main]

use corroborate::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, unit)) = data.split_first() else {
        return;
    };
    let unit = String::from_utf8_lossy(unit);
    let copies = 1usize << (selector % 13);
    let doc = Document::new("long", unit.repeat(copies));
    let x = corroborate::actors_and_quotes(std::slice::from_ref(&doc));
    let text = doc.text.as_str();
    for q in &x.quotes {
        assert_eq!(text.get(q.span.start..q.span.end), Some(q.text.as_str()));
    }
    for a in &x.actors {
        for m in &a.mentions {
            assert_eq!(text.get(m.span.start..m.span.end), Some(m.text.as_str()));
        }
    }
    // Quotes do not nest deeper than a direct quote holding reported speech, and
    // reported speech is bounded, so all quoted text is a small multiple of the text.
    let quoted: usize = x.quotes.iter().map(|q| q.text.len()).sum();
    assert!(quoted <= 4 * text.len() + 4096, "{quoted} bytes quoted of {}", text.len());
});
