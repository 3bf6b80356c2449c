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

use corroborate::{Document, Reconciler};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Err = Box<dyn std::error::Error>;

/// The documents of `dir` and the gold event of each.
fn load(dir: &Path) -> Result<(Vec<Document>, BTreeMap<String, String>), Err> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    let jsonl = entries
        .iter()
        .find(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .ok_or("no .jsonl file")?;
    let tsv = entries
        .iter()
        .find(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name == "stories.tsv" || name.ends_with("events.tsv")
        })
        .ok_or("no stories.tsv or *events.tsv file")?;
    let docs = corroborate::ingest::read_paths([jsonl])?;
    let mut gold = BTreeMap::new();
    for line in std::fs::read_to_string(tsv)?.lines().skip(1) {
        let mut cols = line.split('\t');
        if let (Some(id), Some(event)) = (cols.next(), cols.next()) {
            gold.insert(id.to_string(), event.to_string());
        }
    }
    Ok((docs, gold))
}

fn main() -> Result<(), Err> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .ok_or("usage: cross_event_flags DIR [--no-dates] [--show]")?;
    let no_dates = args.iter().any(|a| a == "--no-dates");
    let show = args.iter().any(|a| a == "--show");
    let (mut docs, gold) = load(Path::new(dir))?;
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
            .map(|e| gold.get(e.doc.as_str()).map_or("?", String::as_str))
            .collect();
        if events.len() < 2 {
            continue;
        }
        across += 1;
        if show {
            println!("{} (story {}): {}", f.kind.as_str(), f.story.0, f.summary);
            for e in &f.evidence {
                let event = gold.get(e.doc.as_str()).map_or("?", String::as_str);
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
