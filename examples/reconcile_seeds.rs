//! Reconciles the five seed articles and prints the flags, then writes the Markdown and
//! HTML reports to `target/seeds-report.{md,html}`.
//!
//! Run: `cargo run --example reconcile_seeds`
//!
//! Until the claims and alignment stages are merged, each sentence is one claim and a
//! stand-in groups sentences of different articles that share most content words
//! (Jaccard >= 0.2 over words of four letters or more). Replace `stand_in_groups` with
//! the alignment stage when it lands.

use corroborate::extract;
use corroborate::model::*;
use corroborate::reconcile::{self, Input, ReconcileConfig};
use corroborate::report;
use std::collections::BTreeSet;

fn content(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

fn stand_in_groups(claims: &[Claim]) -> Vec<Group> {
    let sets: Vec<BTreeSet<String>> = claims.iter().map(|c| content(&c.text)).collect();
    let mut groups: Vec<Group> = Vec::new();
    let mut taken = vec![false; claims.len()];
    for i in 0..claims.len() {
        if taken[i] {
            continue;
        }
        let mut members = vec![claims[i].id];
        for j in i + 1..claims.len() {
            if taken[j] || claims[j].doc == claims[i].doc {
                continue;
            }
            let inter = sets[i].intersection(&sets[j]).count() as f64;
            let union = sets[i].union(&sets[j]).count().max(1) as f64;
            if inter / union >= 0.2
                && members
                    .iter()
                    .all(|m| claims[m.0 as usize].doc != claims[j].doc)
            {
                members.push(claims[j].id);
                taken[j] = true;
            }
        }
        if members.len() > 1 {
            groups.push(Group {
                id: GroupId(groups.len() as u32),
                claims: members,
                score: 0.5,
            });
        }
    }
    groups
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs = corroborate::ingest::read_paths(&paths)?;
    let x = extract::actors_and_quotes(&docs);
    let times: Vec<TimeExpr> = extract::time::anchor_undated(&docs, &Default::default())
        .into_iter()
        .flatten()
        .collect();
    let quantities: Vec<Quantity> = docs
        .iter()
        .flat_map(extract::quantity::quantities)
        .collect();
    let mut claims = Vec::new();
    for doc in &docs {
        for s in corroborate::segment::sentences(doc) {
            claims.push(Claim {
                id: ClaimId(claims.len() as u32),
                doc: doc.id.clone(),
                span: s.span,
                text: s.span.slice(&doc.text).to_string(),
                sentence: s.index,
                speaker: None,
                quotes: x
                    .quotes
                    .iter()
                    .filter(|q| q.doc == doc.id && s.span.overlaps(q.span))
                    .map(|q| q.id)
                    .collect(),
                polarity: Polarity::Positive,
                tokens: Vec::new(),
            });
        }
    }
    let groups = stand_in_groups(&claims);
    let input = Input {
        documents: &docs,
        actors: &x.actors,
        quotes: &x.quotes,
        times: &times,
        quantities: &quantities,
        claims: &claims,
        groups: &groups,
    };
    let r = reconcile::check(&input, &ReconcileConfig::default());
    for f in &r.flags {
        println!(
            "[{} / {}] {}",
            f.kind.as_str(),
            f.severity.as_str(),
            f.summary
        );
    }
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("seeds-report.md"), report::markdown(&r))?;
    std::fs::write(out.join("seeds-report.html"), report::html(&r))?;
    eprintln!(
        "{} groups, {} flags, {} events; reports in target/seeds-report.{{md,html}}",
        r.groups.len(),
        r.flags.len(),
        r.events.len()
    );
    Ok(())
}
