//! Builds two articles in code, reconciles them and prints the Markdown report.
//!
//! Run: `cargo run --example documents_in_code`

use corroborate::{Config, Document, Reconciler};

fn main() -> Result<(), corroborate::Error> {
    let mut a = Document::new(
        "wire",
        "The parliament approved the budget on Tuesday. \
         “This budget protects families,” Finance Minister Anna Kovač said.",
    );
    a.published = Some("2023-03-02".parse().expect("a valid date"));
    a.source = Some("Wire".into());
    let mut b = Document::new(
        "daily",
        "The parliament rejected the budget on Wednesday. \
         “This budget protects workers,” Finance Minister Anna Kovač said.",
    );
    b.published = Some("2023-03-02".parse().expect("a valid date"));
    b.source = Some("Daily".into());

    let report = Reconciler::new(Config::default()).reconcile(&[a, b])?;
    for flag in &report.flags {
        eprintln!("{:?}: {}", flag.kind, flag.summary);
    }
    print!("{}", corroborate::report::markdown(&report));
    Ok(())
}
