//! Prints every flag `check` raises on real news, one gold event at a time, in a form a
//! person can judge, and scores the flags against a file of verdicts.
//!
//! ```sh
//! cargo run --release --example flag_audit -- [DIR] [--event E] [--verdicts FILE|DIR] [--json]
//! cargo run --release --example flag_audit -- --verdicts tests/data/audit
//! ```
//!
//! `DIR` is the development news (`DEV_NEWS_DIR`, default `../shared/dev-news`): one JSONL
//! file of articles and a TSV of the gold event of each. Each event's articles go through
//! the whole pipeline alone (the tool does not yet tell stories apart). For each flag it
//! prints the kind, severity and summary, and for every evidence item the document, the
//! byte span, the value and the full sentence with the evidence in `[[ ]]` and the words
//! that differ in `{ }`.
//!
//! A flag is identified by its event, its kind and its evidence spans (sorted
//! `doc:start-end`), so a change that adds or loses flags shows as unjudged or missing.
//! The verdict file is TSV: `event kind evidence verdict family reason`, with verdict
//! `right` or `wrong` and, for a wrong flag, the family of the mistake (see [`FAMILIES`]);
//! `#` starts a comment. `--template` prints the unjudged flags as verdict lines with the
//! verdict left blank. Judged flags of the events run that are not raised are counted, and
//! those judged right are listed (losing one is a regression).

#[path = "support/dev_news.rs"]
mod dev_news;

use corroborate::{Document, Flag, FlagKind};
use dev_news::{evidence_key, marked, sentences_around, DevNews};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The families of wrong flags seen on real news, as written in the verdict file, with
/// what each means.
const FAMILIES: [(&str, &str); 7] = [
    (
        "different-facts",
        "two different facts compared as if the same",
    ),
    (
        "other-happening-day",
        "a day or time that belongs to another happening (or to the act of reporting)",
    ),
    (
        "two-names",
        "one actor under two names, or a person and the body they speak for",
    ),
    ("speaker-resolution", "a speaker resolved wrongly"),
    ("negation-misread", "a negation or antonym misread"),
    ("meaning-preserving", "an edit that keeps the meaning"),
    ("other", "any other mistake"),
];

/// A person's judgement of one flag.
#[derive(Clone, Debug)]
struct Verdict {
    right: bool,
    family: String,
    reason: String,
}

/// Event, kind and evidence key: what identifies a flag across runs.
type FlagKey = (String, String, String);

/// The verdicts of `path`: one file, or every `.tsv` file of a directory (in name order).
/// A flag judged twice, in one file or across files, is an error.
fn read_verdicts(path: &str) -> Result<BTreeMap<FlagKey, Verdict>, Box<dyn std::error::Error>> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{path}: {e}"))?;
    if !meta.is_dir() {
        return read_verdict_file(path, BTreeMap::new());
    }
    let mut files: Vec<String> = std::fs::read_dir(path)
        .map_err(|e| format!("{path}: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .map(|p| p.to_string_lossy().to_string())
        .collect();
    files.sort();
    let mut out = BTreeMap::new();
    for f in &files {
        out = read_verdict_file(f, out)?;
    }
    Ok(out)
}

/// `out` with the verdicts of the file `path` added.
fn read_verdict_file(
    path: &str,
    mut out: BTreeMap<FlagKey, Verdict>,
) -> Result<BTreeMap<FlagKey, Verdict>, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("event\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 5 {
            return Err(format!("{path}:{}: expected 6 tab-separated fields", n + 1).into());
        }
        let right = match f[3] {
            "right" => true,
            "wrong" => false,
            v => return Err(format!("{path}:{}: verdict {v:?} is not right|wrong", n + 1).into()),
        };
        let family = f[4].to_string();
        if !right && !FAMILIES.iter().any(|(name, _)| *name == family) {
            return Err(format!("{path}:{}: unknown family {family:?}", n + 1).into());
        }
        let key = (f[0].to_string(), f[1].to_string(), f[2].to_string());
        let verdict = Verdict {
            right,
            family,
            reason: f.get(5).unwrap_or(&"").to_string(),
        };
        if out.insert(key, verdict).is_some() {
            return Err(format!("{path}:{}: flag judged twice", n + 1).into());
        }
    }
    Ok(out)
}

/// One flag of one event with its key.
struct Raised {
    event: String,
    flag: Flag,
    key: FlagKey,
}

/// Every flag of each event in `events`, each event's articles checked alone.
fn raise(news: &DevNews, events: &[String]) -> Result<Vec<Raised>, corroborate::Error> {
    let mut out = Vec::new();
    for event in events {
        let report = dev_news::check(&news.event_docs(event))?;
        for flag in report.flags {
            let key = (
                event.clone(),
                flag.kind.as_str().to_string(),
                evidence_key(&flag),
            );
            out.push(Raised {
                event: event.clone(),
                flag,
                key,
            });
        }
    }
    Ok(out)
}

/// The evidence of a flag with its sentences, for printing or JSON.
fn evidence_json(news: &DevNews, flag: &Flag) -> Vec<Value> {
    let doc_of = |id: &str| -> Option<&Document> { news.docs.iter().find(|d| d.id.as_str() == id) };
    flag.evidence
        .iter()
        .map(|e| {
            let (sentence, shown) = match doc_of(e.doc.as_str()) {
                Some(doc) => {
                    let s = sentences_around(doc, e.context);
                    (s, marked(&doc.text, s, e.span, &e.highlights))
                }
                None => (e.context, e.text.clone()),
            };
            json!({
                "doc": e.doc.as_str(),
                "start": e.span.start,
                "end": e.span.end,
                "text": e.text,
                "value": e.value,
                "sentence_start": sentence.start,
                "sentence_end": sentence.end,
                "sentence": shown,
            })
        })
        .collect()
}

fn print_flag(news: &DevNews, r: &Raised, verdict: Option<&Verdict>) {
    let judged = match verdict {
        Some(v) if v.right => "RIGHT".to_string(),
        Some(v) => format!("WRONG ({}: {})", v.family, v.reason),
        None => "not judged".to_string(),
    };
    println!(
        "== {} · {} · {} · {} confidence · {}",
        r.event,
        r.flag.kind.as_str(),
        r.flag.severity.as_str(),
        r.flag.confidence,
        judged
    );
    println!("reasons: {}", r.flag.reasons.join("; "));
    println!("key:     {}\t{}\t{}", r.key.0, r.key.1, r.key.2);
    println!("summary: {}", r.flag.summary);
    for s in &r.flag.support {
        println!(
            "  value {:?} in {}",
            s.value,
            s.docs
                .iter()
                .map(|d| d.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    for e in evidence_json(news, &r.flag) {
        println!(
            "  - {} {}-{} {:?} = {:?}",
            e["doc"].as_str().unwrap_or_default(),
            e["start"],
            e["end"],
            e["text"].as_str().unwrap_or_default(),
            e["value"].as_str().unwrap_or_default(),
        );
        println!("      {}", e["sentence"].as_str().unwrap_or_default());
    }
    for d in &r.flag.diffs {
        let changes: Vec<String> = d
            .changes()
            .map(|op| format!("{:?} -> {:?}", op.old, op.new))
            .collect();
        println!("  diff {} -> {}: {}", d.from, d.to, changes.join("; "));
    }
    println!();
}

/// Right, wrong and unjudged counts.
#[derive(Default, Clone, Copy)]
struct Tally {
    right: usize,
    wrong: usize,
    unjudged: usize,
}

impl Tally {
    fn add(&mut self, v: Option<&Verdict>) {
        match v {
            Some(v) if v.right => self.right += 1,
            Some(_) => self.wrong += 1,
            None => self.unjudged += 1,
        }
    }

    fn total(&self) -> usize {
        self.right + self.wrong + self.unjudged
    }

    /// Precision over judged flags, and with every unjudged flag counted wrong.
    fn line(&self) -> String {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                "-".to_string()
            } else {
                format!("{:.1}%", 100.0 * a as f64 / b as f64)
            }
        };
        let mut s = format!(
            "{:>4} flags: {:>3} right, {:>3} wrong, {:>3} not judged; precision {} ({}/{}) over judged",
            self.total(),
            self.right,
            self.wrong,
            self.unjudged,
            pct(self.right, self.right + self.wrong),
            self.right,
            self.right + self.wrong
        );
        if self.unjudged > 0 {
            s.push_str(&format!(
                ", {} ({}/{}) counting unjudged as wrong",
                pct(self.right, self.total()),
                self.right,
                self.total()
            ));
        }
        s
    }

    fn json(&self) -> Value {
        json!({"right": self.right, "wrong": self.wrong, "unjudged": self.unjudged})
    }
}

struct Args {
    dir: Option<String>,
    event: Option<String>,
    verdicts: Option<String>,
    json: bool,
    template: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        dir: None,
        event: None,
        verdicts: None,
        json: false,
        template: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--event" => args.event = Some(it.next().ok_or("--event E")?),
            "--verdicts" => args.verdicts = Some(it.next().ok_or("--verdicts FILE")?),
            "--json" => args.json = true,
            "--template" => args.template = true,
            s if s.starts_with("--") => {
                return Err(format!(
                    "unknown option {s}; usage: flag_audit [DIR] [--event E] [--verdicts FILE] [--json] [--template]"
                ))
            }
            _ => args.dir = Some(a),
        }
    }
    Ok(args)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = parse_args()?;
    let news = dev_news::load(&dev_news::corpus_dir(args.dir.as_deref()))?;
    let events: Vec<String> = match &args.event {
        Some(e) if news.events.contains_key(e) => vec![e.clone()],
        Some(e) => return Err(format!("no event {e:?} in the corpus").into()),
        None => news.events.keys().cloned().collect(),
    };
    let verdicts = match &args.verdicts {
        Some(p) => read_verdicts(p)?,
        None => BTreeMap::new(),
    };
    let raised = raise(&news, &events)?;

    if args.template {
        for r in raised.iter().filter(|r| !verdicts.contains_key(&r.key)) {
            println!("{}\t{}\t{}\t\t\t", r.key.0, r.key.1, r.key.2);
        }
        return Ok(());
    }

    let mut all = Tally::default();
    let mut by_kind: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut by_confidence: BTreeMap<corroborate::Confidence, Tally> = BTreeMap::new();
    let mut by_family: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &raised {
        let v = verdicts.get(&r.key);
        all.add(v);
        by_kind.entry(r.flag.kind.as_str()).or_default().add(v);
        by_confidence.entry(r.flag.confidence).or_default().add(v);
        if let Some(v) = v.filter(|v| !v.right) {
            *by_family.entry(v.family.as_str()).or_default() += 1;
        }
    }
    // judged flags of the events run that are no longer raised
    let raised_keys: std::collections::BTreeSet<&FlagKey> = raised.iter().map(|r| &r.key).collect();
    let missing: Vec<(&FlagKey, &Verdict)> = verdicts
        .iter()
        .filter(|(k, _)| events.contains(&k.0) && !raised_keys.contains(k))
        .collect();

    if args.json {
        let flags: Vec<Value> = raised
            .iter()
            .map(|r| {
                let v = verdicts.get(&r.key);
                json!({
                    "event": r.event,
                    "kind": r.flag.kind.as_str(),
                    "severity": r.flag.severity.as_str(),
                    "confidence": r.flag.confidence.as_str(),
                    "reasons": r.flag.reasons,
                    "key": r.key.2,
                    "summary": r.flag.summary,
                    "verdict": v.map(|v| if v.right { "right" } else { "wrong" }),
                    "family": v.filter(|v| !v.right).map(|v| v.family.clone()),
                    "reason": v.map(|v| v.reason.clone()),
                    "evidence": evidence_json(&news, &r.flag),
                })
            })
            .collect();
        let kinds: BTreeMap<&str, Value> = by_kind.iter().map(|(k, t)| (*k, t.json())).collect();
        let levels: BTreeMap<&str, Value> = by_confidence
            .iter()
            .map(|(k, t)| (k.as_str(), t.json()))
            .collect();
        let missing: Vec<Value> = missing
            .iter()
            .map(|(k, v)| json!({"event": k.0, "kind": k.1, "key": k.2, "verdict": if v.right { "right" } else { "wrong" }}))
            .collect();
        let out = json!({
            "events": events,
            "flags": flags,
            "summary": {"all": all.json(), "by_kind": kinds, "by_confidence": levels, "wrong_by_family": by_family, "missing": missing},
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }

    for r in &raised {
        print_flag(&news, r, verdicts.get(&r.key));
    }
    println!("== summary over {} events", events.len());
    println!("{:<13} {}", "all", all.line());
    for kind in FlagKind::ALL {
        if let Some(t) = by_kind.get(kind.as_str()) {
            println!("{:<13} {}", kind.as_str(), t.line());
        }
    }
    for (level, t) in &by_confidence {
        println!("{:<13} {}", format!("{level} conf."), t.line());
    }
    if all.wrong > 0 {
        println!("wrong flags by family:");
        for (name, what) in FAMILIES {
            if let Some(n) = by_family.get(name) {
                println!("  {n:>4}  {name:<20} {what}");
            }
        }
    }
    if !missing.is_empty() {
        // a judged-right flag lost is a regression; a judged-wrong flag lost is a gain
        let lost_right: Vec<&(&FlagKey, &Verdict)> =
            missing.iter().filter(|(_, v)| v.right).collect();
        println!(
            "judged flags not raised: {} ({} judged right, {} judged wrong)",
            missing.len(),
            lost_right.len(),
            missing.len() - lost_right.len()
        );
        for (k, _) in lost_right {
            println!("  right, not raised: {}\t{}\t{}", k.0, k.1, k.2);
        }
    }
    Ok(())
}
