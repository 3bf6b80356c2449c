//! Actor and quote extraction on one long document (a live blog, a transcript): a news
//! paragraph repeated in one paragraph, at two sizes. Extraction is linear in the
//! length of a document, so both sizes should run at the same throughput. The answer
//! is checked before timing: every copy gives the same five quotes, each with its
//! speaker, and two actors in all.

use corroborate::{Document, QuoteKind};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

/// One copy: reported speech, direct quotes with a pronoun, "according to", an
/// apposition, a description and a colon before a quote.
const UNIT: &str = "President Xi Jinping said on Wednesday that the talks would go on. \
    “We agree,” he said. According to the ministry, the plan is sound. The Chinese \
    president, Xi Jinping, told reporters that peace matters. The leader said: “Yes.” ";

/// Copies in the smaller document (about 1 MB); the larger has twice as many.
const COPIES: usize = 4_500;

fn document(copies: usize) -> Document {
    Document::new("live-blog", UNIT.repeat(copies))
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("long_document");
    g.sample_size(10);
    for copies in [COPIES, 2 * COPIES] {
        let doc = [document(copies)];
        let x = corroborate::actors_and_quotes(&doc);
        assert_eq!(x.actors.len(), 2, "Xi Jinping and the ministry");
        assert_eq!(x.quotes.len(), 5 * copies);
        assert!(x.quotes.iter().all(|q| q.speaker.is_some()));
        let direct = x
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .count();
        assert_eq!(direct, 2 * copies);
        g.throughput(Throughput::Bytes(doc[0].text.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("actors_and_quotes", copies),
            &doc,
            |b, d| b.iter(|| corroborate::actors_and_quotes(black_box(d))),
        );
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
