//! Aligns text files and prints the groups as Markdown (a leading ` date YYYY-MM-DD `
//! line is set apart as the document head).
//!
//! ```sh
//! cargo run --example align_files -- seeds/*.txt
//! ```

use corroborate::align::{self, AlignConfig};
use corroborate::{Document, Span};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut docs = Vec::new();
    let mut config = AlignConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(path) = args.next() {
        if path == "--no-context" {
            config.context = align::ContextMode::None;
            continue;
        }
        if path == "--threshold" {
            config.threshold = args.next().ok_or("--threshold needs a value")?.parse()?;
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
    let out = align::align(&docs, &config);
    print!("{}", align::to_markdown(&out));
    Ok(())
}
