//! Benchmarks of the alignment join and of scoring, each checking its answer first.
//!
//! The input is a synthetic two-story feed built here (no files): documents whose
//! sentences are drawn from a small grammar, so near-duplicates are plentiful.
//!
//! ```sh
//! cargo bench --bench align
//! ```

use corroborate::align::{self, TokenSets, Weighting};
use corroborate::{claims, Config, Document};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

/// `n_docs` documents over `n_stories` stories; each story has its own names.
fn corpus(n_docs: usize, n_stories: usize) -> Vec<Document> {
    const VERB: [&str; 6] = [
        "approved", "rejected", "backed", "dropped", "reviewed", "signed",
    ];
    const OBJ: [&str; 6] = ["plan", "budget", "truce", "law", "deal", "report"];
    const DAY: [&str; 3] = ["Monday", "Friday", "Sunday"];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    (0..n_docs)
        .map(|d| {
            let story = d % n_stories;
            let sentences: Vec<String> = (0..12)
                .map(|k| {
                    let claim = (k + next(3)) % 12;
                    format!(
                        "Minister Zor{story}ka {} the {} {} of Vel{story}ar{claim} on {}, officials said.",
                        VERB[(claim + story) % 6],
                        ["new", "fresh", "major"][next(3)],
                        OBJ[(claim * 7 + story) % 6],
                        DAY[next(3)]
                    )
                })
                .collect();
            Document::new(format!("d{d:05}"), sentences.join(" "))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let all = Config::default();
    let config = &all.align;
    let docs = corpus(2000, 200);
    let cs = claims::from_documents(&docs, &all);
    let sets = align::token_sets(&cs, Weighting::Idf);

    // check the answers before timing: the join equals brute force, groups form
    let fast = align::join(&sets, config.candidate_threshold);
    let slow = align::brute_force(&sets, config.candidate_threshold);
    assert_eq!(fast.len(), slow.len(), "join must equal brute force");
    assert!(fast == slow);
    assert!(!fast.is_empty());
    let groups = align::groups(&cs, &all);
    assert!(groups.len() > 100, "groups: {}", groups.len());

    let mut g = c.benchmark_group("align");
    g.sample_size(10);
    g.bench_function("claims_24k_sentences", |b| {
        b.iter(|| claims::from_documents(black_box(&docs), &all))
    });
    g.bench_function("join_24k_sets", |b| {
        b.iter(|| align::join(black_box(&sets), config.candidate_threshold))
    });
    g.bench_function("join_in_context_24k_sets", |b| {
        b.iter(|| align::join_in_context(black_box(&sets), config))
    });
    g.bench_function("score_pairs", |b| {
        b.iter(|| {
            let mut sum = 0.0;
            for l in &fast {
                sum += sets.similarity(l.a as usize, l.b as usize);
            }
            sum
        })
    });
    g.bench_function("groups_24k_claims", |b| {
        b.iter(|| align::groups(black_box(&cs), &all))
    });
    g.finish();
    let _: &TokenSets = &sets;
}

criterion_group!(benches, bench);
criterion_main!(benches);
