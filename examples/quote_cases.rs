//! Counts how many expectations of quote case files hold today, without failing: for
//! case files that describe behaviour not built yet (partial quotations, continued
//! speakers, pronouns and descriptions, quotation marks that are not speech).
//!
//! ```sh
//! cargo run --example quote_cases                       # the five files below
//! cargo run --example quote_cases -- --failures tests/data/quotes/partial.txt
//! ```
//!
//! The files use the format of `tests/data/quotes/cases.txt` (blocks separated by
//! `---`, `doc:` lines as paragraphs, then `direct | prefix | speaker` or
//! `count | direct | N`), and each expectation is checked the way the `quote_cases` test
//! checks it: the first quote of that kind whose text starts with the prefix must have
//! that speaker (the actor's name, or `-` for none, or `words: W` for no actor and
//! speaker words starting with W).

use corroborate::resolve::Extraction;
use corroborate::{Document, QuoteKind};

const DEFAULT_FILES: [&str; 6] = [
    "tests/data/quotes/partial.txt",
    "tests/data/quotes/continuation.txt",
    "tests/data/quotes/pronouns.txt",
    "tests/data/quotes/not_speech.txt",
    "tests/data/quotes/exclaimed.txt",
    "tests/data/quotes/antecedents.txt",
];

fn kind_of(s: &str) -> Option<QuoteKind> {
    match s {
        "direct" => Some(QuoteKind::Direct),
        "indirect" => Some(QuoteKind::Indirect),
        _ => None,
    }
}

/// Checks one expectation line; `None` when it holds, else what was found.
fn check(x: &Extraction, fields: &[&str]) -> Option<String> {
    if fields.first() == Some(&"count") {
        let kind = fields.get(1).copied().and_then(kind_of)?;
        let want: usize = fields.get(2)?.parse().ok()?;
        let got = x.quotes.iter().filter(|q| q.kind == kind).count();
        return (got != want).then(|| format!("{got} quotes, expected {want}"));
    }
    let (Some(kind), Some(prefix), Some(speaker)) = (
        fields.first().copied().and_then(kind_of),
        fields.get(1),
        fields.get(2),
    ) else {
        return Some(format!("bad expectation {fields:?}"));
    };
    let Some(q) = x
        .quotes
        .iter()
        .find(|q| q.kind == kind && q.text.starts_with(prefix))
    else {
        return Some(format!("no {kind:?} quote starting {prefix:?}"));
    };
    let got = q
        .speaker
        .and_then(|id| x.actors.iter().find(|a| a.id == id))
        .map(|a| a.name.as_str())
        .unwrap_or("-");
    // `words: a source close`: no actor, and the speaker's words start so.
    let right = match speaker.strip_prefix("words: ") {
        Some(w) => got == "-" && q.speaker_text.as_deref().is_some_and(|t| t.starts_with(w)),
        None => got == *speaker,
    };
    (!right).then(|| {
        format!(
            "{prefix:?}: speaker {got:?} (words {:?}, cue {:?}), expected {speaker:?}",
            q.speaker_text, q.cue
        )
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let failures = args.iter().any(|a| a == "--failures");
    let mut files: Vec<String> = args.into_iter().filter(|a| !a.starts_with("--")).collect();
    if files.is_empty() {
        files = DEFAULT_FILES.iter().map(|f| f.to_string()).collect();
    }
    for file in &files {
        let data = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        let (mut passed, mut total) = (0, 0);
        let mut wrong = Vec::new();
        for block in data.split("\n---\n").skip(1) {
            let lines: Vec<&str> = block
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .collect();
            let text: Vec<&str> = lines
                .iter()
                .filter_map(|l| l.strip_prefix("doc: "))
                .collect();
            let text = text.join("\n\n");
            let x = corroborate::actors_and_quotes(&[Document::new("case", text.clone())]);
            for line in lines.iter().filter(|l| !l.starts_with("doc: ")) {
                let fields: Vec<&str> = line
                    .trim_start_matches("pending ")
                    .split(" | ")
                    .map(str::trim)
                    .collect();
                total += 1;
                match check(&x, &fields) {
                    None => passed += 1,
                    Some(e) => wrong.push(format!("{text:?}\n    {e}")),
                }
            }
        }
        println!("{file}: {passed} of {total} hold");
        if failures {
            for w in &wrong {
                println!("  {w}");
            }
        }
    }
    Ok(())
}
