//! Lists the copy links `corroborate` finds on real news, one gold event at a time, with
//! the shared passages, so a person can check each by reading both documents.
//!
//! ```sh
//! cargo run --release --example copy_links -- [DIR] [--event E] [--show]
//! ```
//!
//! `DIR` is the development news (`DEV_NEWS_DIR`, default `../shared/dev-news`). Each
//! event's documents are one story. For every link it prints the original, the copy,
//! the extent, what decided the direction and the reason; `--show` adds the first
//! words of each shared passage on both sides.

#[path = "support/dev_news.rs"]
mod dev_news;

use corroborate::provenance;

/// How many characters of a passage `--show` prints.
const SHOWN_CHARS: usize = 160;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = None;
    let mut only = None;
    let mut show = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--event" => only = it.next().cloned(),
            "--show" => show = true,
            other => dir = Some(other.to_string()),
        }
    }
    let news = dev_news::load(&dev_news::corpus_dir(dir.as_deref()))?;
    let (mut total, mut events_with) = (0, 0);
    for event in news.events.keys() {
        if only.as_ref().is_some_and(|o| o != event) {
            continue;
        }
        let docs = news.event_docs(event);
        let links = provenance::copies(&docs);
        println!(
            "## {event}: {} documents, {} copy links",
            docs.len(),
            links.len()
        );
        total += links.len();
        events_with += usize::from(!links.is_empty());
        for l in &links {
            println!(
                "- {} -> {} ({:?}, {:?}): {}",
                l.from.0, l.to.0, l.extent, l.order, l.reason
            );
            if !show {
                continue;
            }
            let text = |id: &corroborate::DocId| {
                docs.iter()
                    .find(|d| &d.id == id)
                    .map(|d| d.text.as_str())
                    .unwrap_or("")
            };
            for p in &l.shared {
                let a: String = p
                    .from
                    .slice(text(&l.from))
                    .chars()
                    .take(SHOWN_CHARS)
                    .collect();
                let b: String = p.to.slice(text(&l.to)).chars().take(SHOWN_CHARS).collect();
                println!(
                    "    [{} sentences]\n    from: {}\n    to:   {}",
                    p.sentences,
                    a.replace('\n', " "),
                    b.replace('\n', " ")
                );
            }
        }
    }
    println!("\n{total} copy links in {events_with} events");
    Ok(())
}
