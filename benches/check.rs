//! `check` on a large cluster. For now this times the reconcile stage on a generated
//! 1,000-article cluster whose disagreements are known; the lead extends it to the
//! whole pipeline. The answer is checked before anything is timed.
//!
//! Run: `cargo bench --bench check`.

#[path = "../tests/data/reconcile/synth.rs"]
mod synth;

use corroborate::reconcile::{self, Input};
use corroborate::Config;
use corroborate::FlagKind;
use criterion::{criterion_group, criterion_main, Criterion};
use std::collections::BTreeSet;

fn input(s: &synth::Synth) -> Input<'_> {
    Input {
        documents: &s.docs,
        actors: &s.actors,
        quotes: &s.quotes,
        times: &s.times,
        quantities: &s.quantities,
        claims: &s.claims,
        groups: &s.groups,
    }
}

fn bench(c: &mut Criterion) {
    // 1,000 articles, 20 facts each (20 groups of 1,000 claims), 5% of facts changed.
    let s = synth::cluster(1000, 20, 2023, 50);
    let config = Config::default();
    let report = reconcile::check(&input(&s), &config);
    let got: BTreeSet<(u32, FlagKind)> = report.flags.iter().map(|f| (f.group.0, f.kind)).collect();
    assert_eq!(got, s.expected, "reconcile finds exactly the typed changes");
    assert_eq!(report.claims.len(), 20_000);
    assert_eq!(report.coverage.rows.len(), 20);
    eprintln!(
        "check bench: {} docs, {} claims, {} groups, {} flags (all expected)",
        s.docs.len(),
        s.claims.len(),
        s.groups.len(),
        report.flags.len()
    );
    let mut g = c.benchmark_group("check");
    g.sample_size(10);
    g.bench_function("reconcile_1000_articles", |b| {
        b.iter(|| reconcile::check(&input(&s), &config))
    });
    let small = synth::cluster(20, 20, 7, 200);
    g.bench_function("reconcile_20_articles", |b| {
        b.iter(|| reconcile::check(&input(&small), &config))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
