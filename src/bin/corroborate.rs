//! The `corroborate` command line: parses arguments, calls the library, prints.
//!
//! Exit codes: 0 success, 1 bad input (the error names the file and position),
//! 2 usage errors and subcommands that are not built yet.

use clap::{Args, Parser, Subcommand, ValueEnum};
use corroborate::stories::StoryMode;
use corroborate::{
    align, ingest, reconcile, report, segment, Confidence, Config, Document, Extracted, Reconciler,
    Report, Sentence, Stage, Story,
};
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

    /// Threads for the stages that run in parallel (0: every core). The output is the
    /// same for any number.
    #[arg(long, global = true, default_value_t = 0, value_name = "N")]
    threads: usize,

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
    /// Partition the documents into stories, one per real-world happening.
    Stories(Inputs),
}

#[derive(Args, Debug)]
struct Inputs {
    /// Output format (`html` only for `check`).
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Markdown)]
    format: OutputFormat,

    /// Show only flags of at least this confidence (`check` only): high, medium or low.
    #[arg(long, value_enum, default_value_t = MinConfidence::Low, value_name = "LEVEL")]
    min_confidence: MinConfidence,

    /// How the documents are grouped before they are compared (`check`, `align` and
    /// `stories`): `cluster` finds one story per real-world happening; `one` takes the
    /// input as one curated story.
    #[arg(long, value_enum, default_value_t = StoriesArg::Cluster, value_name = "MODE")]
    stories: StoriesArg,

    /// Input files: .txt (or any other name), .json, .jsonl, or - for JSONL on stdin.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum MinConfidence {
    /// High-confidence flags only.
    High,
    /// High and medium.
    Medium,
    /// Every flag.
    Low,
}

impl MinConfidence {
    fn level(self) -> Confidence {
        match self {
            MinConfidence::High => Confidence::High,
            MinConfidence::Medium => Confidence::Medium,
            MinConfidence::Low => Confidence::Low,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum StoriesArg {
    /// One story per real-world happening, found by the stories stage.
    Cluster,
    /// The whole input is one story (a curated cluster).
    One,
}

impl StoriesArg {
    fn mode(self) -> StoryMode {
        match self {
            StoriesArg::Cluster => StoryMode::Cluster,
            StoriesArg::One => StoryMode::One,
        }
    }
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
        Command::Stories(inputs) => ("stories", inputs),
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
    let config = match Config::builder()
        .threads(cli.threads)
        .story_mode(inputs.stories.mode())
        .build()
    {
        Ok(config) => config,
        Err(e) => {
            eprintln!("corroborate: --threads: {e}");
            return ExitCode::from(2);
        }
    };
    let reconciler = Reconciler::new(config);
    let mut progress = ProgressBar::new(!cli.quiet && io::stderr().is_terminal());
    // Everything is computed before anything is printed.
    let computed = match &cli.command {
        Command::Segment(_) => Ok(Computed::Sentences(
            docs.iter().map(segment::sentences).collect(),
        )),
        Command::Extract(_) => reconciler.extract(&docs).map(Computed::Extracted),
        Command::Align(_) => reconciler.align(&docs).map(Computed::Alignment),
        Command::Stories(_) => reconciler.stories(&docs).map(Computed::Stories),
        Command::Check(_) => reconciler
            .reconcile_with_progress(&docs, &mut |stage, done, total| {
                progress.update(stage, done, total)
            })
            .map(|r| {
                Computed::Report(reconcile::with_min_confidence(
                    r,
                    inputs.min_confidence.level(),
                ))
            }),
    };
    progress.finish();
    let computed = match computed {
        Ok(c) => c,
        Err(e) => {
            eprintln!("corroborate: {e}");
            return ExitCode::from(1);
        }
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = render(&computed, &docs, inputs.format, &mut out).and_then(|()| out.flush());
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

/// What a command computed, before it is printed.
enum Computed {
    Sentences(Vec<Vec<Sentence>>),
    Extracted(Extracted),
    Alignment(align::Alignment),
    Stories(Vec<Story>),
    Report(Report),
}

/// Prints what a command computed in the chosen format.
fn render(
    computed: &Computed,
    docs: &[Document],
    format: OutputFormat,
    out: &mut impl Write,
) -> io::Result<()> {
    match (computed, format) {
        (Computed::Sentences(s), OutputFormat::Json) => report::write_sentences_json(docs, s, out),
        (Computed::Sentences(s), _) => report::write_sentences_markdown(docs, s, out),
        (Computed::Extracted(x), OutputFormat::Json) => report::write_json(x, out),
        (Computed::Extracted(x), _) => report::write_extracted_markdown(x, out),
        (Computed::Alignment(a), OutputFormat::Json) => report::write_json(a, out),
        (Computed::Alignment(a), _) => {
            let md = align::to_markdown(a);
            out.write_all(md.as_bytes())?;
            if md.ends_with('\n') {
                Ok(())
            } else {
                writeln!(out)
            }
        }
        (Computed::Stories(s), OutputFormat::Json) => report::write_stories_json(s, out),
        (Computed::Stories(s), _) => report::write_stories_markdown(s, out),
        (Computed::Report(r), OutputFormat::Json) => report::write_json(r, out),
        (Computed::Report(r), OutputFormat::Markdown) => report::write_markdown(r, out),
        (Computed::Report(r), OutputFormat::Html) => report::write_html(r, out),
    }
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
