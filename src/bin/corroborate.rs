//! The `corroborate` command line: parses arguments, calls the library, prints.
//!
//! Exit codes: 0 success, 1 bad input (the error names the file and position),
//! 2 usage errors and subcommands that are not built yet.

use clap::{Args, Parser, Subcommand, ValueEnum};
use corroborate::{align, ingest, report, segment, Config, Document, Reconciler, Stage};
use serde::Serialize;
use std::io::{self, IsTerminal, Write};
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
    /// Find actors, quotations (with speakers), times and quantities.
    Extract(Inputs),
    /// Align claims across documents and flag every disagreement with its evidence.
    Check(Inputs),
    /// Show the groups of near-duplicate claims across documents.
    Align(Inputs),
}

#[derive(Args, Debug)]
struct Inputs {
    /// Output format (`html` only for `check`).
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
    /// One self-contained HTML page (`check` only).
    Html,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (name, inputs) = match &cli.command {
        Command::Segment(inputs) => ("segment", inputs),
        Command::Extract(inputs) => ("extract", inputs),
        Command::Check(inputs) => ("check", inputs),
        Command::Align(inputs) => ("align", inputs),
    };
    if inputs.format == OutputFormat::Html && name != "check" {
        eprintln!(
            "corroborate: `--format html` is for `check`; use json or markdown with `{name}`"
        );
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
    let reconciler = Reconciler::new(Config::default());
    let mut progress = ProgressBar::new(!cli.quiet && io::stderr().is_terminal());
    // Everything is computed before anything is printed.
    let rendered: Result<String, corroborate::Error> = match (&cli.command, inputs.format) {
        (Command::Segment(_), OutputFormat::Json) => Ok(segment_json(&docs)),
        (Command::Segment(_), _) => Ok(segment_markdown(&docs)),
        (Command::Extract(_), format) => reconciler.extract(&docs).map(|x| match format {
            OutputFormat::Json => to_json(&x),
            _ => x.to_markdown(),
        }),
        (Command::Align(_), format) => reconciler.align(&docs).map(|a| match format {
            OutputFormat::Json => to_json(&a),
            _ => align::to_markdown(&a),
        }),
        (Command::Check(_), format) => reconciler
            .reconcile_with_progress(&docs, &mut |stage, done, total| {
                progress.update(stage, done, total)
            })
            .map(|r| match format {
                OutputFormat::Json => report::json(&r),
                OutputFormat::Markdown => report::markdown(&r),
                OutputFormat::Html => report::html(&r),
            }),
    };
    progress.finish();
    let text = match rendered {
        Ok(text) => text,
        Err(e) => {
            eprintln!("corroborate: {e}");
            return ExitCode::from(1);
        }
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = out
        .write_all(text.as_bytes())
        .and_then(|()| {
            if text.ends_with('\n') {
                Ok(())
            } else {
                out.write_all(b"\n")
            }
        })
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

fn to_json<T: Serialize>(value: &T) -> String {
    // Serializing plain data types to a String cannot fail.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// A one-line progress display on stderr, drawn only on a terminal.
struct ProgressBar {
    enabled: bool,
    drawn: bool,
    last: Option<(Stage, usize)>,
}

impl ProgressBar {
    fn new(enabled: bool) -> ProgressBar {
        ProgressBar {
            enabled,
            drawn: false,
            last: None,
        }
    }

    fn update(&mut self, stage: Stage, done: usize, total: usize) {
        if !self.enabled {
            return;
        }
        // Redraw at most once per percent of a stage.
        let pct = (done * 100).checked_div(total).unwrap_or(100);
        if self.last == Some((stage, pct)) {
            return;
        }
        self.last = Some((stage, pct));
        let width = 30;
        let filled = pct * width / 100;
        eprint!(
            "\r\x1b[2K{:<22} [{}{}] {done}/{total}",
            stage.name(),
            "#".repeat(filled),
            " ".repeat(width - filled)
        );
        self.drawn = true;
    }

    fn finish(&mut self) {
        if self.drawn {
            eprint!("\r\x1b[2K");
            self.drawn = false;
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

fn segment_json(docs: &[Document]) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail, and the output is UTF-8 text.
    let _ = write_segment_json(&mut buf, docs);
    String::from_utf8_lossy(&buf).into_owned()
}

fn segment_markdown(docs: &[Document]) -> String {
    let mut buf = Vec::new();
    let _ = write_segment_markdown(&mut buf, docs);
    String::from_utf8_lossy(&buf).into_owned()
}
