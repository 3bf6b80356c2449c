//! The stories stage and the whole `check` pipeline on a generated mixed feed at two
//! sizes (the corpus generator's stories layout, twice as many stories in the second),
//! so that the growth when the input doubles is read off one run: linear work shows as
//! about twice the time.
//!
//! Run: `cargo bench --bench stories` (with `-- --quick` for one short pass).

use corroborate::stories::{self, StoriesConfig};
use corroborate::{Document, Reconciler};
use corroborate_corpus::{generate, Params};
use criterion::{criterion_group, criterion_main, Criterion};

/// Stories of the smaller feed (about six articles each).
const STORIES: u32 = 250;

/// The generated mixed feed of `stories` stories as documents.
fn feed(stories: u32) -> Vec<Document> {
    let params: Params = Params::stories(stories)
        .seed(1)
        .build()
        .expect("valid generator settings");
    generate(&params)
        .documents
        .into_iter()
        .map(|a| {
            let mut d = Document::new(a.id, a.text);
            d.published = a.published.and_then(|p| p.iso().parse().ok());
            d.source = Some(a.source);
            d
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("stories");
    g.sample_size(10);
    for n in [STORIES, 2 * STORIES] {
        let docs = feed(n);
        let found = stories::cluster(&docs, &StoriesConfig::default());
        assert!(found.len() as u32 >= n / 2, "the feed is partitioned");
        eprintln!("{} articles, {} stories found", docs.len(), found.len());
        g.bench_function(format!("cluster_{}_articles", docs.len()), |b| {
            b.iter(|| stories::cluster(&docs, &StoriesConfig::default()))
        });
        let reconciler = Reconciler::default();
        g.bench_function(format!("check_{}_articles", docs.len()), |b| {
            b.iter(|| reconciler.reconcile(&docs).expect("valid input"))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
