//! Throughput of temporal expressions and quantities together, on a multi-MB news-like
//! corpus made by repeating the five sample articles. Checks its answer first: the
//! corpus must yield exactly `repeats` times what one copy of the seeds yields.
//!
//! Run: `cargo bench --bench time_quantity`

use corroborate::extract::quantity::quantities;
use corroborate::extract::time::{times, TimeConfig};
use corroborate::extract::times_and_quantities;
use corroborate::{Date, Document};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const SEEDS: [&str; 5] = [
    include_str!("../seeds/000_cbd06b59aa3d86e4.txt"),
    include_str!("../seeds/001_0be9f3836a69a074.txt"),
    include_str!("../seeds/002_ef0a32164411c2ca.txt"),
    include_str!("../seeds/003_58d21fad03efe91c.txt"),
    include_str!("../seeds/004_5fc37e108e5f1843.txt"),
];

fn unit() -> String {
    let mut s = String::new();
    for seed in SEEDS {
        s.push_str(seed);
        s.push_str("\n\n");
    }
    s
}

fn doc(text: String) -> Document {
    let mut d = Document::new("bench", text);
    d.published = Date::from_ymd(2023, 3, 2);
    d
}

fn count(d: &Document, config: &TimeConfig) -> (usize, usize) {
    (times(d, config).len(), quantities(d).len())
}

fn bench(c: &mut Criterion) {
    let config = TimeConfig::default();
    let one = unit();
    let (t1, q1) = count(&doc(one.clone()), &config);
    assert!(
        t1 >= 40 && q1 >= 20,
        "seeds gave {t1} times, {q1} quantities"
    );
    let repeats = (4 << 20) / one.len() + 1;
    let big = doc(one.repeat(repeats));
    let (tn, qn) = count(&big, &config);
    assert_eq!(
        (tn, qn),
        (t1 * repeats, q1 * repeats),
        "counts must scale with the corpus"
    );

    let (tb, qb) = times_and_quantities(&big, &config);
    assert_eq!(
        (tb.len(), qb.len()),
        (tn, qn),
        "one pass must equal the two calls"
    );

    let mut g = c.benchmark_group("time_quantity");
    g.throughput(Throughput::Bytes(big.text.len() as u64));
    g.sample_size(10);
    g.bench_function("times_and_quantities 4MB", |b| {
        b.iter(|| {
            let (t, q) = times_and_quantities(&big, &config);
            (t.len(), q.len())
        })
    });
    g.bench_function("times+quantities 4MB", |b| {
        b.iter(|| {
            let t = times(&big, &config);
            let q = quantities(&big);
            (t.len(), q.len())
        })
    });
    g.bench_function("times 4MB", |b| b.iter(|| times(&big, &config).len()));
    g.bench_function("quantities 4MB", |b| b.iter(|| quantities(&big).len()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
