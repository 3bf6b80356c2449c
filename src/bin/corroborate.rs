//! The `corroborate` command line: parses arguments, calls the library, prints.
//!
//! Exit codes: 0 success, 1 bad input (the error names the file and position),
//! 2 usage errors and subcommands that are not built yet.

use clap::{Args, Parser, Subcommand, ValueEnum};
use corroborate::{ingest, segment, Document};
use serde::Serialize;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Claim-level fact reconciliation across news sources.
///
/// Inputs are text files (id = file stem; an optional leading dateline
/// ` date YYYY-MM-DD ` sets the publication date), `.json` files (an array of
/// {"id", "text", "published"?, "source"?}), `.jsonl` files (one such object per line)
/// and `-` (JSONL on standard input).
#[derive(Parser, Debug)]
#[command(name = "corroborate", version, about, long_about)]
struct Cli {
    /// Print no progress messages (errors are still printed).
    #[arg(long, short, global = true)]
    quiet: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Split documents into sentences, with byte spans into the original text.
    Segment(Inputs),
    /// Find actors, quotations, times and quantities in each document (not built yet).
    Extract(Inputs),
    /// Align claims across documents and flag every disagreement (not built yet).
    Check(Inputs),
    /// Show the groups of near-duplicate claims across documents (not built yet).
    Align(Inputs),
}

#[derive(Args, Debug)]
struct Inputs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Markdown)]
    format: OutputFormat,

    /// Input files: .txt (or any other name), .json, .jsonl, or - for JSONL on stdin.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// Machine-readable JSON.
    Json,
    /// A readable Markdown listing.
    Markdown,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Progress output is still to come; `--quiet` is accepted now so scripts can rely on it.
    let _quiet = cli.quiet;
    let (name, inputs) = match &cli.command {
        Command::Segment(inputs) => ("segment", inputs),
        Command::Extract(inputs) => ("extract", inputs),
        Command::Check(inputs) => ("check", inputs),
        Command::Align(inputs) => ("align", inputs),
    };
    if name != "segment" {
        eprintln!("corroborate: `{name}` is not built yet; only `segment` works in this version");
        return ExitCode::from(2);
    }
    // Read and validate every input before printing anything: no partial output.
    let docs = match ingest::read_paths(&inputs.files) {
        Ok(docs) => docs,
        Err(e) => {
            eprintln!("corroborate: {e}");
            return ExitCode::from(1);
        }
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = match inputs.format {
        OutputFormat::Json => write_segment_json(&mut out, &docs),
        OutputFormat::Markdown => write_segment_markdown(&mut out, &docs),
    }
    .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`| head`): not an error of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corroborate: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}

#[derive(Serialize)]
struct SegmentOutput<'a> {
    documents: Vec<SegmentedDocument<'a>>,
}

#[derive(Serialize)]
struct SegmentedDocument<'a> {
    id: &'a str,
    published: Option<String>,
    sentences: Vec<SentenceOut<'a>>,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn write_segment_json(out: &mut impl Write, docs: &[Document]) -> io::Result<()> {
    let documents = docs
        .iter()
        .map(|doc| SegmentedDocument {
            id: doc.id.as_str(),
            published: doc.published.map(|d| d.to_string()),
            sentences: segment::sentences(doc)
                .iter()
                .map(|s| SentenceOut {
                    start: s.span.start,
                    end: s.span.end,
                    text: s.span.slice(&doc.text),
                })
                .collect(),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &SegmentOutput { documents })?;
    writeln!(out)
}

fn write_segment_markdown(out: &mut impl Write, docs: &[Document]) -> io::Result<()> {
    for (i, doc) in docs.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let sentences = segment::sentences(doc);
        writeln!(out, "## {}", doc.id)?;
        writeln!(out)?;
        let published = doc
            .published
            .map_or_else(|| "unknown".to_string(), |d| d.to_string());
        writeln!(
            out,
            "Published: {published} · {} sentences · {} bytes",
            sentences.len(),
            doc.text.len()
        )?;
        writeln!(out)?;
        for (n, s) in sentences.iter().enumerate() {
            // One list item per sentence: line breaks inside a sentence become spaces.
            let text = s
                .span
                .slice(&doc.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            writeln!(
                out,
                "{}. {text} `[{}..{})`",
                n + 1,
                s.span.start,
                s.span.end
            )?;
        }
    }
    Ok(())
}
