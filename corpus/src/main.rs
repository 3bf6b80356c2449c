//! `corroborate-corpus`: writes a generated corpus to a directory.
//!
//! ```text
//! corroborate-corpus --events 125 --sources 5 --sentences-per-event 20 --seed 1 --out DIR
//! corroborate-corpus --stories 1000 --seed 1 --out DIR
//! ```

use corroborate_corpus::{generate, Params, ParamsBuilder};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "\
usage: corroborate-corpus (--events N | --stories N) --out DIR [options]

layouts:
  --events N               alignment benchmark: every source writes one article per event
  --stories N              mixed feed: N stories, some two happenings of one kind,
                           each reported by a few outlets over several days

options (defaults in brackets; events / stories where they differ):
  --seed S                 [1]
  --sources N              outlets [5 / 40]
  --sentences-per-event N  base claims per event or story [20 / 10]
  --carry X                mean share of the claims an article carries [0.6]
  --filler X               share of sentences that belong to no claim [0.25]
  --synonym-rate X         chance of a synonym swap [0.35]
  --keep-modifier X        chance of keeping an optional modifier [0.75]
  --conflict-rate X        share of renderings that disagree on purpose [0.05]
  --threads N              worker threads, 0 for all cores; never changes the output [0]
stories only:
  --coverage X             mean articles per story [6]
  --days N                 days over which stories happen, 0 for automatic [0]
  --twin-rate X            share of stories repeating an earlier story's kind [0.3]
  --undated X              share of articles without a publication date [0.15]
";

fn value<T: std::str::FromStr>(flag: &str, v: Option<String>) -> Result<T, String> {
    let v = v.ok_or_else(|| format!("{flag} needs a value"))?;
    v.parse().map_err(|_| format!("{flag}: cannot read {v:?}"))
}

fn parse(args: Vec<String>) -> Result<(Params, PathBuf), String> {
    let mut layout: Option<ParamsBuilder> = None;
    let mut out: Option<PathBuf> = None;
    let mut settings: Vec<(String, Option<String>)> = Vec::new();
    let mut it = args.into_iter();
    while let Some(flag) = it.next() {
        match flag.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--events" | "--stories" if layout.is_some() => {
                return Err("give one of --events and --stories".to_string())
            }
            "--events" => layout = Some(Params::events(value(&flag, it.next())?)),
            "--stories" => layout = Some(Params::stories(value(&flag, it.next())?)),
            "--out" => out = Some(PathBuf::from(value::<String>(&flag, it.next())?)),
            _ => {
                let v = it.next();
                settings.push((flag, v));
            }
        }
    }
    let mut b = layout.ok_or("give --events N or --stories N")?;
    for (flag, v) in settings {
        b = match flag.as_str() {
            "--seed" => b.seed(value(&flag, v)?),
            "--sources" => b.sources(value(&flag, v)?),
            "--sentences-per-event" => b.sentences_per_event(value(&flag, v)?),
            "--carry" => b.carry(value(&flag, v)?),
            "--filler" => b.filler(value(&flag, v)?),
            "--synonym-rate" => b.synonym_rate(value(&flag, v)?),
            "--keep-modifier" => b.keep_modifier(value(&flag, v)?),
            "--conflict-rate" => b.conflict_rate(value(&flag, v)?),
            "--threads" => b.threads(value(&flag, v)?),
            "--coverage" => b.coverage(value(&flag, v)?),
            "--days" => b.days(value(&flag, v)?),
            "--twin-rate" => b.twin_rate(value(&flag, v)?),
            "--undated" => b.undated(value(&flag, v)?),
            other => return Err(format!("unknown option {other}")),
        };
    }
    let params = b.build().map_err(|e| e.to_string())?;
    Ok((params, out.ok_or("give --out DIR")?))
}

fn main() -> ExitCode {
    let (params, out) = match parse(std::env::args().skip(1).collect()) {
        Ok(p) => p,
        Err(e) if e.is_empty() => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("corroborate-corpus: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let t0 = Instant::now();
    let corpus = generate(&params);
    if let Err(e) = corpus.write(&out) {
        eprintln!("corroborate-corpus: {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "{}",
        serde_json::json!({
            "sentences": corpus.sentences.len(),
            "documents": corpus.documents.len(),
            "gold_pairs": corpus.gold_pairs.len(),
            "seconds": (t0.elapsed().as_secs_f64() * 100.0).round() / 100.0,
        })
    );
    ExitCode::SUCCESS
}
