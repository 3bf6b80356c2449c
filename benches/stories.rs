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
use std::collections::BTreeMap;

/// Stories of the smaller feed (about six articles each).
const STORIES: u32 = 250;

/// Least B-cubed F1 of the partition against the generator's stories before timing
/// (the stage reaches 0.99 on these feeds).
const MIN_BCUBED_F1: f64 = 0.95;

/// The generated mixed feed of `stories` stories as documents, with the gold story of
/// each document by id.
fn feed(stories: u32) -> (Vec<Document>, BTreeMap<String, u32>) {
    let params: Params = Params::stories(stories)
        .seed(1)
        .build()
        .expect("valid generator settings");
    let mut gold = BTreeMap::new();
    let docs = generate(&params)
        .documents
        .into_iter()
        .map(|a| {
            gold.insert(a.id.clone(), a.story);
            let mut d = Document::new(a.id, a.text);
            d.published = a.published.and_then(|p| p.iso().parse().ok());
            d.source = Some(a.source);
            d
        })
        .collect();
    (docs, gold)
}

/// B-cubed F1 of `found` against `gold`: per document, the share of its found story
/// in its gold story (precision) and of its gold story in its found story (recall).
fn bcubed_f1(found: &[corroborate::Story], gold: &BTreeMap<String, u32>) -> f64 {
    let mut gold_size: BTreeMap<u32, usize> = BTreeMap::new();
    for g in gold.values() {
        *gold_size.entry(*g).or_default() += 1;
    }
    let (mut p, mut r, mut n) = (0.0, 0.0, 0usize);
    for s in found {
        let mut in_gold: BTreeMap<u32, usize> = BTreeMap::new();
        for d in &s.documents {
            *in_gold.entry(gold[d.as_str()]).or_default() += 1;
        }
        for (g, k) in in_gold {
            let k = k as f64;
            p += k * k / s.documents.len() as f64;
            r += k * k / gold_size[&g] as f64;
            n += k as usize;
        }
    }
    let (p, r) = (p / n as f64, r / n as f64);
    2.0 * p * r / (p + r)
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("stories");
    g.sample_size(10);
    for n in [STORIES, 2 * STORIES] {
        let (docs, gold) = feed(n);
        let found = stories::cluster(&docs, &StoriesConfig::default());
        let f1 = bcubed_f1(&found, &gold);
        assert!(f1 >= MIN_BCUBED_F1, "B-cubed F1 {f1:.3} on {n} stories");
        let report = Reconciler::default().reconcile(&docs).expect("valid input");
        assert_eq!(report.stories, found, "check partitions as the stage does");
        assert!(
            report.groups.iter().all(|g| g.claims.iter().all(|c| {
                let doc = &report.claims[c.0 as usize].doc;
                found[g.story.0 as usize].documents.contains(doc)
            })),
            "every group stays inside its story"
        );
        eprintln!(
            "{} articles, {} stories found, B-cubed F1 {f1:.3}",
            docs.len(),
            found.len()
        );
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
