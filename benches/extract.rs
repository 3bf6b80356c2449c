//! Throughput of actor and quote extraction (`corroborate::actors_and_quotes`): mentions,
//! quotes and cross-document actor resolution over a corpus made from the seed
//! articles (each seed copied under many ids). The answer is checked before timing.

use corroborate::{Document, QuoteKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

const COPIES: usize = 60;

fn seeds() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut v: Vec<Document> = std::fs::read_dir(dir)
        .expect("seeds directory")
        .map(|e| {
            let p = e.expect("entry").path();
            let id = p.file_stem().expect("stem").to_string_lossy().to_string();
            Document::new(id, std::fs::read_to_string(&p).expect("seed text"))
        })
        .collect();
    v.sort_by(|a, b| a.id.cmp(&b.id));
    v
}

fn corpus() -> Vec<Document> {
    let seeds = seeds();
    let mut docs = Vec::new();
    for i in 0..COPIES {
        for s in &seeds {
            docs.push(Document::new(format!("{}-{i:03}", s.id), s.text.clone()));
        }
    }
    docs
}

fn bench(c: &mut Criterion) {
    let seeds = seeds();
    let one = corroborate::actors_and_quotes(&seeds);
    let direct = one
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .count();
    assert!(direct >= 55, "seeds give {direct} direct quotes");
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // The copies name the same people: same actors, every quote repeated.
    let all = corroborate::actors_and_quotes(&docs);
    assert_eq!(all.actors.len(), one.actors.len());
    assert_eq!(all.quotes.len(), one.quotes.len() * COPIES);
    assert_eq!(
        all.quotes.iter().filter(|q| q.speaker.is_some()).count(),
        one.quotes.iter().filter(|q| q.speaker.is_some()).count() * COPIES
    );

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("actors_and_quotes", |b| {
        b.iter(|| corroborate::actors_and_quotes(black_box(&docs)))
    });
    let one_doc = [seeds[1].clone()];
    g.throughput(Throughput::Bytes(one_doc[0].text.len() as u64));
    g.sample_size(30);
    g.bench_function("one_document", |b| {
        b.iter(|| corroborate::actors_and_quotes(black_box(&one_doc)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
