//! Times copy detection alone on one input (segmentation first, then
//! `provenance::copies_segmented`), so its share of `check` can be read apart.
//!
//! ```sh
//! cargo run --release --example copy_time -- FILE.jsonl
//! ```

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: copy_time FILE")?;
    let docs = corroborate::ingest::read_path(&path)?;
    let start = Instant::now();
    let sentences: Vec<_> = docs.iter().map(corroborate::segment::sentences).collect();
    let segmented = start.elapsed();
    let links = corroborate::provenance::copies_segmented(&docs, &sentences);
    println!(
        "{} documents: segmentation {:.3} s, copy detection {:.3} s, {} copy links",
        docs.len(),
        segmented.as_secs_f64(),
        (start.elapsed() - segmented).as_secs_f64(),
        links.len()
    );
    Ok(())
}
