//! Synthetic multi-source news corpora with gold answers, for `corroborate`'s
//! benchmarks: every figure measured on a generated corpus can be reproduced from a
//! clone of the repository.
//!
//! Two layouts:
//!
//! - **events** (the alignment benchmark): each of N events has a cast (people with
//!   titles, places, organisations, topic words, rare coined terms) and a pool of base
//!   claims; every outlet writes one article per event carrying a random subset of the
//!   claims, each rendered with its own edits (synonym swaps, clause order, attribution
//!   form, name form, number format, dropped or added modifiers, quote style, passive
//!   paraphrase), among background sentences of which about half reuse the event's cast
//!   (hard negatives). About 5% of renderings disagree with their claim on purpose
//!   (number, weekday, speaker or polarity).
//! - **stories** (a mixed feed): many stories of several kinds of happening
//!   (earthquakes, arrests, takeovers, ...), some of them a second happening of an
//!   earlier story's kind, each reported by a few outlets over several days, with a
//!   headline and a lead, event dates written relative to each article's publication
//!   date, and some articles without one.
//!
//! The binary writes a corpus to a directory:
//!
//! ```text
//! cargo run -p corroborate-corpus --release -- --events 125 --sources 5 --sentences-per-event 20 --seed 1 --out DIR
//! cargo run -p corroborate-corpus --release -- --stories 16000 --seed 1 --out DIR   # ~100k articles
//! ```
//!
//! | file | content |
//! |---|---|
//! | `documents.jsonl` | `{"id","source","published","text"}` per article; `published` is left out for an outlet that prints no date |
//! | `sentences.tsv` | `sid doc start end cluster`: reference sentences, UTF-8 byte offsets into the text (half-open); `cluster` is `e<event>.b<claim>`, `e<story>.h` for a headline, `-` for background |
//! | `gold_pairs.tsv` | `sid_a sid_b` (`sid_a < sid_b`): two renderings of one claim in two different articles |
//! | `conflicts.tsv` | `sid cluster kind`: renderings that disagree with their claim on purpose (`number`, `date`, `speaker`, `polarity`) |
//! | `stories.tsv` | `doc story kind twin_of`: the gold story of every article (the event in the events layout), its kind, and the earlier story of the same kind it is a second happening of (`-` if none) |
//! | `meta.json` | parameters and counts |
//!
//! In-process, for benches and tests:
//!
//! ```
//! use corroborate_corpus::{generate, Params};
//!
//! let params = Params::events(3).sources(4).seed(7).build().expect("valid");
//! let corpus = generate(&params);
//! assert_eq!(corpus.documents.len(), 12);
//! for s in &corpus.sentences {
//!     let doc = &corpus.documents[s.doc as usize];
//!     assert!(doc.text.get(s.start as usize..s.end as usize).is_some());
//! }
//! // corpus.write(std::path::Path::new("bench-data/tiny"))?;
//! ```
//!
//! Everything depends only on the parameters and the seed: the random numbers are the
//! crate's own ([`rng`]), every event or story draws from its own stream, and the
//! vocabulary is written in this crate, so the same parameters give the same bytes on
//! every machine and with any number of threads.

#![deny(missing_docs)]

mod background;
mod cast;
mod claim;
mod coin;
mod corpus;
pub mod date;
mod events;
mod happening;
mod happenings;
mod lexicon;
mod numbers;
mod params;
mod render;
pub mod rng;
mod stories;
mod vocab;
mod words;
mod write;

pub use claim::Change;
pub use corpus::{Article, ClusterId, Conflict, Corpus, SentenceRecord, Slot, StoryInfo};
pub use params::{Layout, ParamError, Params, ParamsBuilder};
pub use write::GENERATOR_VERSION;

use rng::Rng;

/// The independent random streams of a corpus.
#[derive(Clone, Copy)]
enum Lane {
    /// Outlet names.
    Outlets = 1,
    /// One stream per event.
    Events = 2,
    /// The plan of the stories layout (kinds, twins, days, reporters).
    StoryPlan = 3,
    /// One stream per story.
    Stories = 4,
}

/// Generates the corpus `params` describe.
pub fn generate(params: &Params) -> Corpus {
    match params.layout() {
        Layout::Events { events } => events::generate(params, events),
        Layout::Stories { .. } => stories::generate(params),
    }
}

/// Tries to draw a fresh outlet name before numbering them.
const OUTLET_NAME_TRIES: usize = 50;

/// `n` distinct outlet names ("Harbour Courier").
fn outlets(rng: &mut Rng, n: usize) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(n);
    let mut seen = std::collections::BTreeSet::new();
    while names.len() < n {
        let mut name = String::new();
        for _ in 0..OUTLET_NAME_TRIES {
            let candidate = format!(
                "{} {}",
                rng.pick(vocab::OUTLET_FIRST),
                rng.pick(vocab::OUTLET_SECOND)
            );
            if !seen.contains(&candidate) {
                name = candidate;
                break;
            }
        }
        if name.is_empty() {
            name = format!("Outlet {}", names.len() + 1);
        }
        seen.insert(name.clone());
        names.push(name);
    }
    names
}

/// `f` over `0..n`, its outputs concatenated in index order, on up to `threads`
/// threads (0: all cores). The result does not depend on the number of threads.
fn parallel_map<T: Send>(n: u32, threads: usize, f: impl Fn(u32) -> Vec<T> + Sync) -> Vec<T> {
    let threads = if threads == 0 {
        std::thread::available_parallelism().map_or(1, usize::from)
    } else {
        threads
    };
    let threads = threads.clamp(1, n.max(1) as usize);
    if threads == 1 {
        return (0..n).flat_map(&f).collect();
    }
    let chunk = n.div_ceil(threads as u32);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads as u32)
            .map(|t| {
                let range = (t * chunk).min(n)..((t + 1) * chunk).min(n);
                scope.spawn(move || range.flat_map(f).collect::<Vec<T>>())
            })
            .collect();
        let mut out = Vec::new();
        for h in handles {
            match h.join() {
                Ok(part) => out.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}
