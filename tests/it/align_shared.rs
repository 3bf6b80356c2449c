//! Alignment with shared work (`align::groups`) against the plain computation
//! (`align::groups_unshared`) on clusters that repeat sentences verbatim, and the two
//! properties of `align::decision_score` the sharing relies on.

use corroborate::align::{self, AlignConfig, GroupMode};
use corroborate::{claims, Claim, Config, Document, Reconciler};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// The default configuration with alignment settings `align`.
fn with_align(align: AlignConfig) -> Config {
    let mut config = Config::default();
    config.align = align;
    config
}

/// `n_docs` articles over `stories` stories. Each story has a pool of sentences (some
/// near-duplicates of each other, one-word lines, attributed lines); an article takes a
/// random subset of its story's pool in random order, sometimes a sentence twice,
/// sometimes with a day or number changed.
fn cluster(seed: u64, n_docs: usize, stories: usize) -> Vec<Document> {
    const WHO: [&str; 4] = ["Kovač", "The minister", "Mr Xi", "Anna Smith"];
    const VERB: [&str; 4] = ["approved", "rejected", "backed", "reviewed"];
    const OBJ: [&str; 4] = ["the plan", "the budget", "a truce", "the new law"];
    const WHEN: [&str; 3] = ["on Monday", "on Friday", "last week"];
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = |n: usize| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((x >> 33) as usize) % n
    };
    let pools: Vec<Vec<String>> = (0..stories)
        .map(|s| {
            let mut pool: Vec<String> = (0..5)
                .map(|_| {
                    format!(
                        "{} {} {} of Vel{s}ar {}.",
                        WHO[next(4)],
                        VERB[next(4)],
                        OBJ[next(4)],
                        WHEN[next(3)]
                    )
                })
                .collect();
            pool.push(format!("Vel{s}ar."));
            pool.push(format!(
                "{} people were hurt in Vel{s}ar, {} said.",
                3 + next(20),
                WHO[next(4)]
            ));
            pool.push(format!("Talks in Vel{s}ar went on {}.", WHEN[next(3)]));
            pool
        })
        .collect();
    (0..n_docs)
        .map(|d| {
            let pool = &pools[d % stories];
            let mut text: Vec<String> = Vec::new();
            for s in pool {
                if next(10) < 7 {
                    let mut s = s.clone();
                    if next(8) == 0 {
                        s = s.replacen("Monday", "Tuesday", 1);
                    }
                    if next(8) == 0 {
                        s = s.replacen("approved", "backed", 1);
                    }
                    text.push(s);
                }
            }
            if next(4) == 0 && !text.is_empty() {
                let k = next(text.len());
                text.push(text[k].clone());
            }
            for _ in 0..text.len() {
                let (i, j) = (next(text.len().max(1)), next(text.len().max(1)));
                text.swap(i, j);
            }
            Document::new(format!("d{d:03}"), text.join(" "))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn shared_groups_equal_plain_groups(
        seed in 0u64..100_000,
        n_docs in 2usize..40,
        stories in 1usize..4,
        min_docs in prop::sample::select(vec![0usize, 8, 100]),
        threshold in prop::sample::select(vec![0.29f64, 0.5, 0.8, 1.0]),
    ) {
        let docs = cluster(seed, n_docs, stories);
        let config = with_align(AlignConfig { context_min_docs: min_docs, threshold, ..AlignConfig::default() });
        let cs = claims::from_documents(&docs, &config);
        prop_assert_eq!(align::groups(&cs, &config), align::groups_unshared(&cs, &config));
    }

    /// Other settings take the plain path in both; still equal.
    #[test]
    fn other_settings_are_unchanged(seed in 0u64..100_000, n_docs in 2usize..20) {
        let docs = cluster(seed, n_docs, 2);
        let config = with_align(AlignConfig { grouping: GroupMode::AllLinks, context_min_docs: 0, ..AlignConfig::default() });
        let cs = claims::from_documents(&docs, &config);
        prop_assert_eq!(align::groups(&cs, &config), align::groups_unshared(&cs, &config));
    }

    /// What sharing relies on: claims with equal content tokens score alike in any two
    /// documents, and only equal token sets score 1.0.
    #[test]
    fn copies_score_alike_and_only_equal_sets_score_one(seed in 0u64..100_000, n_docs in 2usize..25) {
        let docs = cluster(seed, n_docs, 2);
        let config = Config::default();
        let cs = claims::from_documents(&docs, &config);
        let sets = align::token_sets(&cs, config.align.weighting);
        let counts = align::DocCounts::new(&sets);
        let refs: Vec<&Claim> = cs.iter().collect();
        fn set_of(c: &Claim) -> Vec<&str> {
            let mut v: Vec<&str> = c.content_tokens().collect();
            v.sort_unstable();
            v.dedup();
            v
        }
        let mut copy_score: BTreeMap<String, f64> = BTreeMap::new();
        for a in 0..cs.len() {
            for b in 0..cs.len() {
                if cs[a].doc == cs[b].doc {
                    continue;
                }
                let s = align::decision_score(&sets, &counts, &refs, a, b);
                if cs[a].tokens == cs[b].tokens {
                    let first = *copy_score.entry(cs[a].tokens.to_string()).or_insert(s);
                    prop_assert_eq!(first.to_bits(), s.to_bits(), "{:?}", cs[a].tokens);
                } else if s == 1.0 {
                    prop_assert_eq!(set_of(&cs[a]), set_of(&cs[b]));
                }
            }
        }
    }
}

/// Groups of a larger cluster (over the story filter) are the same both ways.
#[test]
fn shared_groups_equal_plain_groups_on_a_larger_cluster() {
    let docs = cluster(42, 120, 3);
    let config = Config::default();
    let cs = claims::from_documents(&docs, &config);
    let fast = align::groups(&cs, &config);
    assert!(
        fast.iter().any(|g| g.claims.len() > 20),
        "copies are grouped"
    );
    assert_eq!(fast, align::groups_unshared(&cs, &config));
}

/// The claims (clause claims included) and groups do not depend on the number of
/// threads: every parallel step keeps its input order and merges per-thread term lists
/// into one vocabulary ordered by text.
#[test]
fn alignment_does_not_depend_on_the_thread_count() {
    let mut docs = cluster(7, 120, 3);
    for (i, extra) in [
        "The ministry raised the steel tariff on Monday, citing weak demand from abroad.",
        "Farmers blocked the main road near Vel on Friday, demanding lower fuel prices.",
    ]
    .iter()
    .enumerate()
    {
        docs.push(Document::new(format!("zz{i}"), *extra));
    }
    let run = |threads: usize| {
        let mut config = Config::default();
        config.threads = threads;
        let out = Reconciler::new(config).align(&docs).expect("unique ids");
        serde_json::to_string(&out).expect("serializes")
    };
    let one = run(1);
    assert!(
        one.contains("\"text\": \"citing weak demand from abroad.\"")
            || one.contains("\"text\":\"citing weak demand from abroad.\""),
        "a sentence was split into clauses"
    );
    for threads in [0, 2, 3, 8] {
        assert!(run(threads) == one, "{threads} threads");
    }
}
