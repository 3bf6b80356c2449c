//! The whole `check` pipeline (`corroborate::reconcile`) on a 1,000-article cluster made
//! from the five seed articles: each article keeps a random subset of one seed's
//! sentences in a shuffled order, and a share of them have a weekday or a number
//! changed. The answer is checked before anything is timed.
//!
//! Run: `cargo bench --bench pipeline`.

use corroborate::{Document, FlagKind};
use criterion::{criterion_group, criterion_main, Criterion};

/// A small deterministic generator (xorshift64*), so the corpus is the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn seeds() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/ is in the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    corroborate::ingest::read_paths(&paths).expect("the seeds are valid input")
}

/// `n` articles, each built from one seed's sentences.
fn cluster(n: usize) -> Vec<Document> {
    let seeds = seeds();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let published = "2023-03-02".parse().ok();
    (0..n)
        .map(|i| {
            let seed = &seeds[i % seeds.len()];
            let mut sentences: Vec<String> = corroborate::segment::sentences(seed)
                .iter()
                .map(|s| s.span.slice(&seed.text).to_string())
                .filter(|_| rng.below(10) < 8)
                .collect();
            // A light shuffle: swap a few neighbours.
            for _ in 0..sentences.len() / 3 {
                let k = rng.below(sentences.len().max(2) - 1);
                if k + 1 < sentences.len() {
                    sentences.swap(k, k + 1);
                }
            }
            for s in &mut sentences {
                if rng.below(20) == 0 {
                    *s = s.replacen("Wednesday", "Thursday", 1);
                }
                if rng.below(20) == 0 {
                    *s = s.replacen("12", "15", 1);
                }
            }
            let mut doc = Document::new(format!("a{i:04}"), sentences.join(" "));
            doc.published = published;
            doc
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = cluster(1000);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let report = corroborate::reconcile(&docs).expect("valid documents");
    assert_eq!(report.documents.len(), 1000);
    assert!(
        report.groups.len() >= 20,
        "only {} groups",
        report.groups.len()
    );
    let kinds: Vec<FlagKind> = report.flags.iter().map(|f| f.kind).collect();
    assert!(
        kinds.contains(&FlagKind::Date),
        "a changed weekday is flagged"
    );
    eprintln!(
        "pipeline bench: {} articles, {:.1} MB, {} claims, {} groups, {} flags",
        docs.len(),
        bytes as f64 / 1e6,
        report.claims.len(),
        report.groups.len(),
        report.flags.len()
    );
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    g.throughput(criterion::Throughput::Bytes(bytes as u64));
    g.bench_function("check_1000_articles", |b| {
        b.iter(|| corroborate::reconcile(&docs).map(|r| r.flags.len()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
