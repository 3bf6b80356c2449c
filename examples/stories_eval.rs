//! Scores the stories stage against gold stories: B-cubed precision, recall and F1 of
//! the partition, with the documents' publication dates as given and with every date
//! removed.
//!
//! ```text
//! cargo run --release --example stories_eval -- DIR [--topics 16,20,40] [--incremental] [--show]
//! ```
//!
//! `DIR` holds one `*.jsonl` file of documents and one `*.tsv` file whose first two
//! columns are a document id and its gold story, after a header line: the development
//! news (`/work/shared/dev-news`, gold `ecbplus-dev-events.tsv`) or a corpus of the
//! generator's stories layout (`cargo run -p corroborate-corpus --release -- --stories
//! N --seed 1 --out DIR`, gold `stories.tsv`).
//!
//! - `--topics 16,20,40` also scores the documents whose gold story starts with one of
//!   those topic numbers and `ecb` (the development news' topics with two happenings
//!   of one kind), both inside the whole feed's partition and clustered alone.
//! - `--incremental` also adds the documents one at a time (by publication date, then
//!   id) with `Stories::add` and scores that partition and its agreement with the batch.
//! - `--show` lists the gold stories that were split and the found stories that mix
//!   gold stories.
//! - `--set key=value` overrides a setting of [`StoriesConfig`] by its field name.
//! - `--time` prints how long the stage took (profiles and clustering; the documents
//!   are read before the clock starts).

use corroborate::stories::{self, Stories, StoriesConfig};
use corroborate::{Document, Story};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Instant;

#[path = "support/dev_news.rs"]
mod dev_news;

type Err = Box<dyn std::error::Error>;

/// B-cubed precision, recall and F1 of `found` (a label per document) against `gold`.
fn bcubed(found: &[usize], gold: &[&str]) -> (f64, f64, f64) {
    let n = found.len();
    if n == 0 {
        return (1.0, 1.0, 1.0);
    }
    let mut pair: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    let mut size: BTreeMap<usize, usize> = BTreeMap::new();
    let mut gsize: BTreeMap<&str, usize> = BTreeMap::new();
    for (f, g) in found.iter().zip(gold) {
        *pair.entry((*f, g)).or_default() += 1;
        *size.entry(*f).or_default() += 1;
        *gsize.entry(g).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for (f, g) in found.iter().zip(gold) {
        let both = pair[&(*f, *g)] as f64;
        p += both / size[f] as f64;
        r += both / gsize[g] as f64;
    }
    let (p, r) = (p / n as f64, r / n as f64);
    (p, r, 2.0 * p * r / (p + r))
}

/// The story label of each document (in `docs` order).
fn labels(docs: &[Document], found: &[Story]) -> Vec<usize> {
    let mut of: BTreeMap<&str, usize> = BTreeMap::new();
    for s in found {
        for d in &s.documents {
            of.insert(d.as_str(), s.id.0 as usize);
        }
    }
    docs.iter().map(|d| of[d.id.as_str()]).collect()
}

fn line(what: &str, (p, r, f): (f64, f64, f64), extra: &str) {
    println!("{what:<44} P {p:.3}  R {r:.3}  F1 {f:.3}{extra}");
}

/// Lists split gold stories and mixed found stories.
fn show(docs: &[Document], found: &[usize], gold: &[&str]) {
    let mut by_gold: BTreeMap<&str, BTreeMap<usize, usize>> = BTreeMap::new();
    let mut by_found: BTreeMap<usize, BTreeMap<&str, usize>> = BTreeMap::new();
    for (f, g) in found.iter().zip(gold) {
        *by_gold.entry(g).or_default().entry(*f).or_default() += 1;
        *by_found.entry(*f).or_default().entry(g).or_default() += 1;
    }
    for (g, parts) in &by_gold {
        if parts.len() > 1 {
            let sizes: Vec<String> = parts.values().map(ToString::to_string).collect();
            println!("  split  {g}: {}", sizes.join(" + "));
        }
    }
    for (f, golds) in &by_found {
        if golds.len() > 1 {
            let mix: Vec<String> = golds.iter().map(|(g, n)| format!("{g}×{n}")).collect();
            let ids: Vec<&str> = docs
                .iter()
                .zip(found)
                .filter(|(_, x)| *x == f)
                .map(|(d, _)| d.id.as_str())
                .take(6)
                .collect();
            println!("  mixed  {}  ({} …)", mix.join(" "), ids.join(" "));
        }
    }
}

struct Args {
    dir: PathBuf,
    topics: Vec<String>,
    incremental: bool,
    show: bool,
    time: bool,
    /// `--set key=value` overrides of the stage's settings.
    set: Vec<(String, f64)>,
}

fn args() -> Result<Args, Err> {
    let mut a = Args {
        dir: PathBuf::new(),
        topics: Vec::new(),
        incremental: false,
        show: false,
        time: false,
        set: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--topics" => {
                let v = it.next().ok_or("--topics needs a list")?;
                a.topics = v.split(',').map(|t| format!("{t}ecb")).collect();
            }
            "--incremental" => a.incremental = true,
            "--show" => a.show = true,
            "--time" => a.time = true,
            "--set" => {
                let v = it.next().ok_or("--set needs key=value")?;
                let (k, x) = v.split_once('=').ok_or("--set needs key=value")?;
                a.set.push((k.to_string(), x.parse()?));
            }
            _ => a.dir = PathBuf::from(x),
        }
    }
    if a.dir.as_os_str().is_empty() {
        return Err("give the corpus directory".into());
    }
    Ok(a)
}

/// Sets one numeric setting of the stage by its field name.
fn set(c: &mut StoriesConfig, key: &str, x: f64) -> Result<(), Err> {
    match key {
        "threshold" => c.threshold = x,
        "edge_min" => c.edge_min = x,
        "window_days" => c.window_days = x as u32,
        "lead_words" => c.lead_words = x as usize,
        "lead_boost" => c.lead_boost = x,
        "name_boost" => c.name_boost = x,
        "number_boost" => c.number_boost = x,
        "idf_min_docs" => c.idf_min_docs = x as usize,
        "signature_keys" => c.signature_keys = x as usize,
        "block_max_df" => c.block_max_df = x as usize,
        "core_share" => c.core_share = x,
        "foreign_share" => c.foreign_share = x,
        "conflict_max_similarity" => c.conflict_max_similarity = x,
        _ => return Err(format!("no setting {key}").into()),
    }
    Ok(())
}

fn main() -> Result<(), Err> {
    let a = args()?;
    let news = dev_news::load(&a.dir)?;
    let docs = &news.docs;
    let gold = news.event_of_each();
    let mut config = StoriesConfig::default();
    for (k, x) in &a.set {
        set(&mut config, k, *x)?;
    }
    let undated: Vec<Document> = docs
        .iter()
        .map(|d| {
            let mut u = d.clone();
            u.published = None;
            u
        })
        .collect();
    println!(
        "{} documents, {} gold stories",
        docs.len(),
        gold.iter().collect::<BTreeSet<_>>().len()
    );
    for (what, input) in [("with dates", docs), ("without dates", &undated)] {
        let t0 = Instant::now();
        let found = stories::cluster(input, &config);
        let secs = t0.elapsed().as_secs_f64();
        let found_labels = labels(input, &found);
        let extra = format!(
            "  ({} stories{})",
            found.len(),
            if a.time {
                format!(", {secs:.2} s")
            } else {
                String::new()
            }
        );
        line(
            &format!("all documents, {what}"),
            bcubed(&found_labels, &gold),
            &extra,
        );
        if a.show {
            show(input, &found_labels, &gold);
        }
        if !a.topics.is_empty() {
            let keep: Vec<usize> = (0..input.len())
                .filter(|&i| a.topics.iter().any(|t| gold[i].starts_with(t.as_str())))
                .collect();
            let sub_found: Vec<usize> = keep.iter().map(|&i| found_labels[i]).collect();
            let sub_gold: Vec<&str> = keep.iter().map(|&i| gold[i]).collect();
            line(
                &format!("  topics, in the whole feed, {what}"),
                bcubed(&sub_found, &sub_gold),
                "",
            );
            let alone: Vec<Document> = keep.iter().map(|&i| input[i].clone()).collect();
            let found_alone = stories::cluster(&alone, &config);
            line(
                &format!("  topics, clustered alone, {what}"),
                bcubed(&labels(&alone, &found_alone), &sub_gold),
                &format!("  ({} stories)", found_alone.len()),
            );
        }
        if a.incremental {
            let mut order: Vec<usize> = (0..input.len()).collect();
            order.sort_by(|&x, &y| {
                (input[x].published, &input[x].id).cmp(&(input[y].published, &input[y].id))
            });
            let mut s = Stories::new(config.clone());
            let mut bridges = 0;
            let t0 = Instant::now();
            for &i in &order {
                let added = s.add(&input[i])?;
                bridges += usize::from(!added.differs.is_empty());
            }
            let secs = t0.elapsed().as_secs_f64();
            let inc = labels(input, &s.stories());
            let agree = bcubed(
                &inc,
                &found_labels
                    .iter()
                    .map(|l| l.to_string())
                    .collect::<Vec<_>>()
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
            );
            line(
                &format!("  incremental, {what}"),
                bcubed(&inc, &gold),
                &format!(
                    "  ({} stories, {bridges} adds that may differ{})",
                    s.stories().len(),
                    if a.time {
                        format!(", {secs:.2} s")
                    } else {
                        String::new()
                    }
                ),
            );
            line(&format!("  incremental vs batch, {what}"), agree, "");
        }
    }
    Ok(())
}
