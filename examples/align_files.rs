//! Aligns text files and prints the groups as Markdown (a leading ` date YYYY-MM-DD `
//! line is set apart as the document head).
//!
//! ```sh
//! cargo run --example align_files -- seeds/*.txt
//! ```

use corroborate::align;
use corroborate::{Config, Document, Reconciler, Span};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut docs = Vec::new();
    let mut config = Config::default();
    let mut args = std::env::args().skip(1);
    while let Some(path) = args.next() {
        if path == "--no-context" {
            config.align.context = align::ContextMode::None;
            continue;
        }
        if path == "--threshold" {
            config.align.threshold = args.next().ok_or("--threshold needs a value")?.parse()?;
            continue;
        }
        let text = std::fs::read_to_string(&path)?;
        let id = std::path::Path::new(&path)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(&path)
            .to_string();
        let mut doc = Document::new(id, text);
        let trimmed = doc.text.trim_start();
        let lead = doc.text.len() - trimmed.len();
        if let Some(date) = trimmed.strip_prefix("date ").and_then(|r| r.get(..10)) {
            if let Ok(d) = date.parse() {
                doc.published = Some(d);
                doc.head = Span::new(0, lead + 15);
            }
        }
        docs.push(doc);
    }
    let out = Reconciler::new(config).align(&docs)?;
    print!("{}", align::to_markdown(&out));
    Ok(())
}
