//! Aligns a generated benchmark corpus (made by `corroborate-corpus`, see `corpus/`) and
//! scores it against its gold pairs, printing one JSON line in the peers' format.
//!
//! ```sh
//! cargo run --release --example align_corpus -- bench-data/100k
//! cargo run --release --example align_corpus -- bench-data/100k --segment ours
//! ```
//!
//! `seconds` is the wall time of claims + join + groups (reading files and scoring are
//! excluded, as for the peers); `peak_rss_mb` is taken before the gold is read.

use corroborate::align::{self, GroupMode, Weighting};
use corroborate::claims::{self, DocInput};
use corroborate::{Config, Document, Reconciler, Sentence, Span};
use std::collections::{HashMap, HashSet};
use std::time::Instant;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .ok_or("usage: align_corpus DIR [--segment ours] [--threshold T]")?;
    let mut all = Config::default();
    let mut ours = false;
    let (config, claims_config) = (&mut all.align, &mut all.claims);
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--segment" => ours = it.next().map(String::as_str) == Some("ours"),
            "--threshold" => config.threshold = it.next().ok_or("value")?.parse()?,
            "--link" => config.link_threshold = it.next().ok_or("value")?.parse()?,
            "--context" => config.context_threshold = it.next().ok_or("value")?.parse()?,
            "--context-tokens" => config.context_tokens = it.next().ok_or("value")?.parse()?,
            "--no-context" => config.context = align::ContextMode::None,
            "--threads" => all.threads = it.next().ok_or("value")?.parse()?,
            "--uniform" => config.weighting = Weighting::Uniform,
            "--all-links" => config.grouping = GroupMode::AllLinks,
            "--no-synonyms" => claims_config.synonyms = claims::SynonymMode::None,
            "--no-stem" => claims_config.stemming = claims::StemMode::None,
            "--keep-stop" => claims_config.stop_words = claims::StopWordMode::Keep,
            "--attribution-content" => claims_config.attribution = claims::AttributionMode::Content,
            "--literal-numbers" => claims_config.numbers = claims::NumberMode::Literal,
            other => return Err(format!("unknown flag {other}").into()),
        }
    }
    let t_load = Instant::now();
    let mut docs: Vec<Document> = Vec::new();
    use std::io::BufRead;
    let file = std::io::BufReader::new(std::fs::File::open(format!("{dir}/documents.jsonl"))?);
    for line in file.lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let mut d = Document::new(
            v["id"].as_str().ok_or("id")?,
            v["text"].as_str().ok_or("text")?,
        );
        d.source = v["source"].as_str().map(str::to_string);
        d.published = v["published"].as_str().and_then(|s| s.parse().ok());
        docs.push(d);
    }
    let doc_index: HashMap<String, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.0.clone(), i))
        .collect();
    // reference sentences: (doc index, start, end) -> sid
    let mut sents: Vec<Vec<Sentence>> = vec![Vec::new(); docs.len()];
    let mut ref_bounds: Vec<Vec<(usize, usize, u32)>> = vec![Vec::new(); docs.len()];
    let mut n_sentences = 0;
    let file = std::io::BufReader::new(std::fs::File::open(format!("{dir}/sentences.tsv"))?);
    for line in file.lines().skip(1) {
        let line = line?;
        let f: Vec<&str> = line.split('\t').collect();
        n_sentences += 1;
        let (sid, d, s, e): (u32, usize, usize, usize) =
            (f[0].parse()?, doc_index[f[1]], f[2].parse()?, f[3].parse()?);
        let v = &mut sents[d];
        v.push(Sentence {
            index: v.len(),
            paragraph: 0,
            span: Span::new(s, e),
        });
        ref_bounds[d].push((s, e, sid));
    }
    let load_seconds = t_load.elapsed().as_secs_f64();

    let t0 = Instant::now();
    let our_sents: Vec<Vec<Sentence>>;
    let used = if ours {
        our_sents = docs.iter().map(corroborate::segment::sentences).collect();
        &our_sents
    } else {
        &sents
    };
    let inputs: Vec<DocInput<'_>> = docs
        .iter()
        .zip(used)
        .map(|(doc, s)| DocInput {
            doc,
            sentences: s,
            quotes: &[],
            tokens: None,
        })
        .collect();
    // claims and groups together: a sentence that finds no group whole is split into
    // its clauses and aligned again (`claims_seconds` covers both; `seconds` is the total)
    let (cs, groups) = Reconciler::new(all.clone()).claims_and_groups(&inputs);
    let config = &all.align;
    let t_claims = t0.elapsed().as_secs_f64();
    let t_groups = Instant::now();
    if std::env::var("TIMING").is_ok() {
        let t1 = Instant::now();
        let sets = align::token_sets(&cs, config.weighting);
        let t2 = Instant::now();
        let links = align::join(&sets, config.candidate_threshold);
        eprintln!(
            "claims {:.3}s, groups {:.3}s (sets {:.3}s, join {:.3}s, {} links)",
            t_claims,
            t_groups.elapsed().as_secs_f64() - t1.elapsed().as_secs_f64(),
            (t2 - t1).as_secs_f64(),
            t2.elapsed().as_secs_f64(),
            links.len()
        );
    }
    let seconds = t0.elapsed().as_secs_f64();
    let rss = peak_rss_mb();

    // map claims to reference sentence ids: the reference sentence containing its start
    let sid_for = |c: &corroborate::Claim| -> Option<u32> {
        let d = doc_index[c.doc.as_str()];
        let b = &ref_bounds[d];
        let i = b.partition_point(|&(s, _, _)| s <= c.span.start);
        i.checked_sub(1).map(|i| b[i].2)
    };
    let claim_sid: Vec<Option<u32>> = cs.iter().map(sid_for).collect();
    let mut found: HashSet<(u32, u32)> = HashSet::new();
    for (a, b) in align::group_pairs(&groups, &cs) {
        if let (Some(x), Some(y)) = (claim_sid[a.0 as usize], claim_sid[b.0 as usize]) {
            if x != y {
                found.insert((x.min(y), x.max(y)));
            }
        }
    }
    let mut gold: HashSet<(u32, u32)> = HashSet::new();
    for line in std::fs::read_to_string(format!("{dir}/gold_pairs.tsv"))?
        .lines()
        .skip(1)
    {
        let mut f = line.split('\t');
        if let (Some(a), Some(b)) = (f.next(), f.next()) {
            gold.insert((a.parse()?, b.parse()?));
        }
    }
    if let Ok(n) = std::env::var("SHOW_FP")
        .unwrap_or_default()
        .parse::<usize>()
    {
        let text: HashMap<u32, &corroborate::Claim> = cs
            .iter()
            .zip(&claim_sid)
            .filter_map(|(c, s)| s.map(|s| (s, c)))
            .collect();
        let mut fps: Vec<&(u32, u32)> = found.difference(&gold).collect();
        fps.sort();
        for (a, b) in fps.into_iter().step_by(37).take(n) {
            println!(
                "FP {a} {b}\n  {}\n  {:?}\n  {}\n  {:?}",
                text[a].text, text[a].tokens, text[b].text, text[b].tokens
            );
        }
    }
    let tp = found.intersection(&gold).count() as f64;
    let precision = if found.is_empty() {
        0.0
    } else {
        tp / found.len() as f64
    };
    let recall = if gold.is_empty() {
        0.0
    } else {
        tp / gold.len() as f64
    };
    let f1 = if tp == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    println!(
        "{}",
        serde_json::json!({
            "tool": if ours { "corroborate (own segmenter)" } else { "corroborate" },
            "n_sentences": n_sentences,
            "claims": cs.len(),
            "seconds": (seconds * 1000.0).round() / 1000.0,
            "claims_seconds": (t_claims * 1000.0).round() / 1000.0,
            "load_seconds": (load_seconds * 1000.0).round() / 1000.0,
            "peak_rss_mb": (rss * 10.0).round() / 10.0,
            "pairs_found": found.len(),
            "groups": groups.len(),
            "precision": (precision * 10000.0).round() / 10000.0,
            "recall": (recall * 10000.0).round() / 10000.0,
            "f1": (f1 * 10000.0).round() / 10000.0,
            "params": { "threshold": config.threshold, "link_threshold": config.link_threshold, "context_threshold": config.context_threshold,
                        "weighting": format!("{:?}", config.weighting),
                        "grouping": format!("{:?}", config.grouping),
                        "threads": all.threads },
        })
    );
    Ok(())
}
