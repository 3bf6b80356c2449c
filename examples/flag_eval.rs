//! Scores the flags of the whole `check` pipeline on a generated benchmark corpus
//! (made by `corroborate-corpus`, see `corpus/`), whose `conflicts.tsv` lists the
//! renderings that carry one deliberate typed change (number, weekday, speaker,
//! polarity) and whose other renderings differ only in wording (synonyms, clause order,
//! attribution form, number format, quote style, dropped modifiers).
//!
//! ```sh
//! cargo run -p corroborate-corpus --release -- --events 125 --sources 5 \
//!     --sentences-per-event 20 --seed 1 --out bench-data/10k-seed1
//! cargo run --release --example flag_eval -- bench-data/10k-seed1
//! ```
//!
//! The documents go through [`corroborate::reconcile`] as a user's files would (our own
//! segmenter, actors, quotes, times, quantities, alignment); each claim is then mapped
//! to the reference sentence that contains its start. It prints:
//!
//! - **changes**: of the conflicting renderings, how many sit in a group with a flag of
//!   the matching kind (`number` → `quantity`, `date` → `date`, `speaker` →
//!   `attribution`, `polarity` → `polarity`) whose evidence includes that rendering's
//!   document, and how many were not aligned at all (changes whose number or day the
//!   generator did not write, and changes in a claim no other rendering carries, are
//!   left out and counted);
//! - **false alarms**: of the groups whose members are all renderings of one base claim
//!   with no conflicting rendering among them (rewordings only), how many raise any flag,
//!   with the flags counted by kind, and how many raise a flag other than
//!   `quote_wording` (the generator swaps synonyms inside quotation marks, which we flag on
//!   purpose) and `date` (it writes "last week" for a day of the current week);
//! - `--show N` prints up to N missed changes and N false alarms to read.

use corroborate::{Document, FlagKind};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::BufRead;

/// Whether a changed rendering shows its change: a changed number needs a number in
/// the sentence and a changed weekday a weekday (the generator also marks renderings
/// whose number or day it did not write, e.g. "last week" for a changed day).
fn visible(kind: &str, text: &str) -> bool {
    const NUMBER_WORDS: [&str; 15] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thousand", "million", "billion",
    ];
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    match kind {
        "number" => {
            text.bytes().any(|b| b.is_ascii_digit())
                || text
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| NUMBER_WORDS.contains(&w.to_lowercase().as_str()))
        }
        "date" => DAYS.iter().any(|d| text.contains(d)),
        _ => true,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().ok_or("usage: flag_eval DIR [--show N]")?;
    let show: usize = match args.get(1).map(String::as_str) {
        Some("--show") => args.get(2).ok_or("--show N")?.parse()?,
        _ => 0,
    };

    // the corpus's documents.jsonl ({"id","source","published","text"}) is our JSONL input
    let docs: Vec<Document> = corroborate::ingest::read_paths(&[format!("{dir}/documents.jsonl")])?;
    // reference sentences per document: (start, end, sid); cluster per sid
    let mut bounds: HashMap<String, Vec<(usize, usize, u32)>> = HashMap::new();
    let mut cluster: HashMap<u32, String> = HashMap::new();
    let file = std::io::BufReader::new(std::fs::File::open(format!("{dir}/sentences.tsv"))?);
    for line in file.lines().skip(1) {
        let line = line?;
        let f: Vec<&str> = line.split('\t').collect();
        let sid: u32 = f[0].parse()?;
        bounds
            .entry(f[1].to_string())
            .or_default()
            .push((f[2].parse()?, f[3].parse()?, sid));
        cluster.insert(sid, f[4].to_string());
    }
    for b in bounds.values_mut() {
        b.sort_unstable();
    }
    // conflicting renderings: sid -> kind; clusters that have one
    let mut conflicts: BTreeMap<u32, String> = BTreeMap::new();
    let file = std::io::BufReader::new(std::fs::File::open(format!("{dir}/conflicts.tsv"))?);
    for line in file.lines().skip(1) {
        let line = line?;
        let f: Vec<&str> = line.split('\t').collect();
        conflicts.insert(f[0].parse()?, f[2].to_string());
    }
    let conflicted: HashSet<&str> = conflicts
        .keys()
        .filter_map(|s| cluster.get(s).map(String::as_str))
        .collect();

    let t0 = std::time::Instant::now();
    let report = corroborate::reconcile(&docs)?;
    let seconds = t0.elapsed().as_secs_f64();

    let sid_of = |doc: &str, start: usize| -> Option<u32> {
        let b = bounds.get(doc)?;
        let i = b.partition_point(|&(s, _, _)| s <= start);
        i.checked_sub(1).map(|i| b[i].2)
    };
    let claim_sid: Vec<Option<u32>> = report
        .claims
        .iter()
        .map(|c| sid_of(c.doc.as_str(), c.span.start))
        .collect();
    // group of each sid (first claim that maps to it)
    let mut group_of_sid: HashMap<u32, usize> = HashMap::new();
    for (gi, g) in report.groups.iter().enumerate() {
        for c in &g.claims {
            if let Some(sid) = claim_sid[c.0 as usize] {
                group_of_sid.entry(sid).or_insert(gi);
            }
        }
    }
    let mut flags_of_group: HashMap<usize, Vec<usize>> = HashMap::new();
    for (fi, f) in report.flags.iter().enumerate() {
        flags_of_group
            .entry(f.group.0 as usize)
            .or_default()
            .push(fi);
    }
    let doc_of_sid = |sid: u32| -> Option<&str> {
        bounds
            .iter()
            .find(|(_, b)| b.iter().any(|&(_, _, s)| s == sid))
            .map(|(d, _)| d.as_str())
    };

    let text_of = |sid: u32| -> &str {
        let doc = doc_of_sid(sid).unwrap_or_default();
        bounds
            .get(doc)
            .and_then(|b| b.iter().find(|x| x.2 == sid))
            .and_then(|&(s, e, _)| {
                docs.iter()
                    .find(|d| d.id.as_str() == doc)
                    .map(|d| &d.text[s..e])
            })
            .unwrap_or_default()
    };
    // changes
    let mut invisible: BTreeMap<&str, usize> = BTreeMap::new();
    let mut alone: BTreeMap<&str, usize> = BTreeMap::new();
    let mut cluster_size: HashMap<&str, usize> = HashMap::new();
    for c in cluster.values() {
        *cluster_size.entry(c.as_str()).or_default() += 1;
    }
    let mut by_kind: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new(); // total, found, unaligned
    let mut missed = Vec::new();
    for (&sid, kind) in &conflicts {
        let want = match kind.as_str() {
            "number" => FlagKind::Quantity,
            "date" => FlagKind::Date,
            "speaker" => FlagKind::Attribution,
            "polarity" => FlagKind::Polarity,
            _ => continue,
        };
        let text = text_of(sid);
        if !visible(kind, text) {
            *invisible.entry(kind.as_str()).or_default() += 1;
            continue;
        }
        // A change no other outlet's rendering of the claim stands against.
        if cluster
            .get(&sid)
            .is_none_or(|c| cluster_size.get(c.as_str()).copied().unwrap_or(0) < 2)
        {
            *alone.entry(kind.as_str()).or_default() += 1;
            continue;
        }
        let e = by_kind.entry(kind.as_str()).or_default();
        e.0 += 1;
        let Some(&g) = group_of_sid.get(&sid) else {
            e.2 += 1;
            missed.push((sid, kind.clone(), "not aligned".to_string()));
            continue;
        };
        let doc = doc_of_sid(sid).unwrap_or_default();
        let found = flags_of_group.get(&g).is_some_and(|fs| {
            fs.iter().any(|&fi| {
                let f = &report.flags[fi];
                f.kind == want
                    && f.support
                        .iter()
                        .any(|s| s.docs.iter().any(|d| d.as_str() == doc))
            })
        });
        if found {
            e.1 += 1;
        } else {
            let kinds: Vec<&str> = flags_of_group
                .get(&g)
                .map(|fs| {
                    fs.iter()
                        .map(|&fi| report.flags[fi].kind.as_str())
                        .collect()
                })
                .unwrap_or_default();
            missed.push((sid, kind.clone(), format!("group {g}, flags {kinds:?}")));
        }
    }

    // false alarms: pure groups of one unconflicted base claim
    let mut clean = 0usize;
    let mut alarmed = 0usize;
    // groups flagged with a kind other than quote_wording and date, on which the
    // generator's notion of a rewording and ours agree
    let mut alarmed_other = 0usize;
    let mut alarm_kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut alarms = Vec::new();
    for (gi, g) in report.groups.iter().enumerate() {
        let clusters: HashSet<&str> = g
            .claims
            .iter()
            .filter_map(|c| claim_sid[c.0 as usize])
            .filter_map(|s| cluster.get(&s).map(String::as_str))
            .collect();
        if clusters.len() != 1 {
            continue;
        }
        let Some(&cl) = clusters.iter().next() else {
            continue;
        };
        if cl == "-" || conflicted.contains(cl) {
            continue;
        }
        clean += 1;
        if let Some(fs) = flags_of_group.get(&gi) {
            alarmed += 1;
            if fs.iter().any(|&fi| {
                !matches!(
                    report.flags[fi].kind,
                    FlagKind::QuoteWording | FlagKind::Date
                )
            }) {
                alarmed_other += 1;
            }
            for &fi in fs {
                *alarm_kinds
                    .entry(report.flags[fi].kind.as_str())
                    .or_default() += 1;
                alarms.push(fi);
            }
        }
    }

    let total: usize = by_kind.values().map(|v| v.0).sum();
    let found: usize = by_kind.values().map(|v| v.1).sum();
    let unaligned: usize = by_kind.values().map(|v| v.2).sum();
    println!(
        "documents {}, claims {}, groups {}, flags {}, check {:.2} s",
        report.documents.len(),
        report.claims.len(),
        report.groups.len(),
        report.flags.len(),
        seconds
    );
    println!(
        "changes found with the right kind: {found} / {total} ({:.1}%), not aligned: {unaligned}",
        100.0 * found as f64 / total.max(1) as f64
    );
    for (k, (t, f, u)) in &by_kind {
        println!("  {k:<9} {f:>4} / {t:<4} not aligned {u}");
    }
    println!("  left out, the change is not in the text: {invisible:?}");
    println!("  left out, no other rendering of the claim to compare with: {alone:?}");
    println!(
        "false alarms: {alarmed} / {clean} groups of rewordings only ({:.1}%), flags by kind {alarm_kinds:?}",
        100.0 * alarmed as f64 / clean.max(1) as f64
    );
    println!(
        "  groups flagged with another kind than quote_wording or date: {alarmed_other} / {clean} ({:.1}%)",
        100.0 * alarmed_other as f64 / clean.max(1) as f64
    );
    for (sid, kind, why) in missed.iter().take(show) {
        println!("MISSED {kind} sid {sid} ({why}): {}", text_of(*sid));
    }
    for &fi in alarms.iter().take(show) {
        let f = &report.flags[fi];
        println!("ALARM {}: {}", f.kind.as_str(), f.summary);
        for e in &f.evidence {
            println!(
                "    {} [{}] {}",
                e.doc.as_str(),
                e.value,
                report.context_text(e)
            );
        }
    }
    Ok(())
}
