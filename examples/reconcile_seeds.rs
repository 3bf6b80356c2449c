//! Reconciles the five seed articles and prints the flags, then writes the Markdown and
//! HTML reports to `target/seeds-report.{md,html}`.
//!
//! Run: `cargo run --example reconcile_seeds`

use corroborate::report;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs = corroborate::ingest::read_paths(&paths)?;
    let r = corroborate::reconcile(&docs)?;
    for f in &r.flags {
        println!(
            "[{} / {}] {}",
            f.kind.as_str(),
            f.severity.as_str(),
            f.summary
        );
    }
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("seeds-report.md"), report::markdown(&r))?;
    std::fs::write(out.join("seeds-report.html"), report::html(&r))?;
    eprintln!(
        "{} groups, {} flags, {} events; reports in target/seeds-report.{{md,html}}",
        r.groups.len(),
        r.flags.len(),
        r.events.len()
    );
    Ok(())
}
