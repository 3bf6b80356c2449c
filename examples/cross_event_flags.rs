//! Counts the flags of one `check` over a mixed feed whose evidence sets an article of
//! one gold event against an article of another: a flag across two happenings is
//! always wrong (two earthquakes a month apart do not disagree about the magnitude).
//!
//! ```text
//! cargo run --release --example cross_event_flags -- DIR [--no-dates] [--show]
//! ```
//!
//! `DIR` holds one `*.jsonl` file of documents and one `*events.tsv` (or
//! `stories.tsv`) file whose first two columns are a document id and its gold event,
//! after a header line: the development news (`/work/shared/dev-news`).
//! `--no-dates` removes every publication date first (on the development news only
//! the newer event of a topic has dates, which alone tells the two apart); `--show`
//! prints each cross-event flag with its sides' documents and gold events.

use corroborate::Reconciler;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[path = "support/dev_news.rs"]
mod dev_news;

type Err = Box<dyn std::error::Error>;

fn main() -> Result<(), Err> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .ok_or("usage: cross_event_flags DIR [--no-dates] [--show]")?;
    let no_dates = args.iter().any(|a| a == "--no-dates");
    let show = args.iter().any(|a| a == "--show");
    let news = dev_news::load(Path::new(dir))?;
    let gold: BTreeMap<&str, &str> = news
        .docs
        .iter()
        .zip(news.event_of_each())
        .map(|(d, e)| (d.id.as_str(), e))
        .collect();
    let mut docs = news.docs.clone();
    if no_dates {
        for d in &mut docs {
            d.published = None;
        }
    }
    let report = Reconciler::default().reconcile(&docs)?;
    let mut across = 0;
    for f in &report.flags {
        let events: BTreeSet<&str> = f
            .evidence
            .iter()
            .map(|e| gold.get(e.doc.as_str()).copied().unwrap_or("?"))
            .collect();
        if events.len() < 2 {
            continue;
        }
        across += 1;
        if show {
            println!("{} (story {}): {}", f.kind.as_str(), f.story.0, f.summary);
            for e in &f.evidence {
                let event = gold.get(e.doc.as_str()).copied().unwrap_or("?");
                println!("    {} [{event}] {}", e.doc.as_str(), e.text);
            }
        }
    }
    println!(
        "flags {}, across two gold events {across} (dates {})",
        report.flags.len(),
        if no_dates { "removed" } else { "as given" }
    );
    Ok(())
}
