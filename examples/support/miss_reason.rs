//! Why a typed edit of the corruption suite was missed: read from the edited run's
//! report alone (its stories, claims, times and quantities), with the alignment's public
//! score recomputed for the edited claim and the other outlet's claim.
//!
//! The families: the two documents in different stories; the edited claim and the other
//! outlet's claim below the join's candidate threshold (weighted Jaccard), or below the
//! decision threshold; a candidate that scored higher in the other document (no mutual
//! best); a link kept but not merged; aligned, but the edited value was not extracted
//! (no time or quantity on the edited words) or was extracted and the comparison said
//! nothing.

use corroborate::align::{self, DocCounts, Weighting};
use corroborate::{Claim, Report, Span};

/// The alignment's candidate threshold (weighted Jaccard of the exact join), as the
/// default configuration sets it.
const CANDIDATE: f64 = 0.15;
/// The alignment's decision threshold, as the default configuration sets it.
const DECISION: f64 = 0.29;

/// One line saying why the edit at `region` of document `id` was not found, the other
/// outlet's sentence being `partner` of document `partner_id`.
pub fn reason(
    report: &Report,
    id: &str,
    region: Span,
    partner_id: &str,
    partner: Span,
    aligned_with_partner: bool,
) -> String {
    let region1 = Span::new(region.start, region.end.max(region.start + 1));
    let story_of = |d: &str| {
        report
            .stories
            .iter()
            .position(|s| s.documents.iter().any(|x| x.as_str() == d))
    };
    if story_of(id) != story_of(partner_id) {
        return "story: the two documents are in different stories".into();
    }
    let edited: Vec<&Claim> = report
        .claims
        .iter()
        .filter(|c| c.doc.as_str() == id && c.span.overlaps(region1))
        .collect();
    let others: Vec<&Claim> = report
        .claims
        .iter()
        .filter(|c| c.doc.as_str() == partner_id && c.span.overlaps(partner))
        .collect();
    let Some(&e) = edited.first() else {
        return "claim: no claim holds the edit".into();
    };
    if aligned_with_partner {
        return value_reason(report, id, region1, &others);
    }
    let split = |cs: &[&Claim]| {
        cs.iter().any(|c| {
            report
                .claims
                .iter()
                .any(|d| d.doc == c.doc && d.sentence == c.sentence && d.id != c.id)
        })
    };
    let split_note = match (split(&edited), split(&others)) {
        (true, true) => " [both split into clauses]",
        (true, false) => " [edited sentence split]",
        (false, true) => " [other sentence split]",
        _ => "",
    };
    // the story's claims, scored as alignment scores them
    let story = story_of(id);
    let story_claims: Vec<Claim> = report
        .claims
        .iter()
        .filter(|c| story_of(c.doc.as_str()) == story)
        .cloned()
        .collect();
    let mut sorted = story_claims;
    sorted.sort_by(|a, b| (&a.doc, a.span.start, a.id).cmp(&(&b.doc, b.span.start, b.id)));
    let sets = align::token_sets(&sorted, Weighting::Idf);
    let counts = DocCounts::new(&sets);
    let refs: Vec<&Claim> = sorted.iter().collect();
    let at = |c: &Claim| sorted.iter().position(|x| x.id == c.id);
    let Some(ei) = at(e) else {
        return "claim: edited claim not in its story".into();
    };
    let mut best_line = String::new();
    let mut best_score = -1.0;
    for o in &others {
        let Some(oi) = at(o) else { continue };
        let j = sets.similarity(ei, oi);
        let s = align::decision_score(&sets, &counts, &refs, ei, oi);
        // the best candidates of each in the other's document
        let best_in = |from: usize, doc: &str| {
            (0..sorted.len())
                .filter(|&k| sorted[k].doc.as_str() == doc && sets.similarity(from, k) >= CANDIDATE)
                .map(|k| (align::decision_score(&sets, &counts, &refs, from, k), k))
                .max_by(|a, b| a.0.total_cmp(&b.0))
        };
        let why = if j < CANDIDATE {
            format!("candidate threshold: J {j:.3} < {CANDIDATE} (score {s:.3})")
        } else if s < DECISION {
            format!("decision threshold: score {s:.3} < {DECISION} (J {j:.3})")
        } else {
            let be = best_in(ei, partner_id);
            let bo = best_in(oi, id);
            match (be, bo) {
                (Some((bs, k)), _) if k != oi && bs > s => format!(
                    "blocked: score {s:.3}, but the edited claim scores {bs:.3} with «{}»",
                    short(&sorted[k].text)
                ),
                (_, Some((bs, k))) if k != ei && bs > s => format!(
                    "blocked: score {s:.3}, but the other claim scores {bs:.3} with «{}»",
                    short(&sorted[k].text)
                ),
                _ => format!("merge: a mutual best link ({s:.3}) not merged"),
            }
        };
        if s > best_score {
            best_score = s;
            best_line = why;
        }
    }
    if best_line.is_empty() {
        return "claim: no claim of the other sentence".into();
    }
    format!("{best_line}{split_note}")
}

/// Why an edit aligned with its counterpart was not flagged: what was extracted on the
/// edited words.
fn value_reason(report: &Report, id: &str, region: Span, others: &[&Claim]) -> String {
    let times: Vec<String> = report
        .times
        .iter()
        .filter(|t| t.doc.as_str() == id && t.span.overlaps(region))
        .map(|t| format!("{} = {}", t.text, t.value))
        .collect();
    let quantities: Vec<String> = report
        .quantities
        .iter()
        .filter(|q| q.doc.as_str() == id && q.span.overlaps(region))
        .map(|q| format!("{} = {}", q.text, q.value))
        .collect();
    let other_times: Vec<String> = others
        .iter()
        .flat_map(|o| o.times.iter())
        .filter_map(|t| report.times.iter().find(|x| x.id == *t))
        .map(|t| format!("{} = {}", t.text, t.value))
        .collect();
    let other_q: Vec<String> = others
        .iter()
        .flat_map(|o| o.quantities.iter())
        .filter_map(|q| report.quantities.iter().find(|x| x.id == *q))
        .map(|q| format!("{} = {}", q.text, q.value))
        .collect();
    format!(
        "aligned: edit times [{}] quantities [{}]; other times [{}] quantities [{}]",
        times.join("; "),
        quantities.join("; "),
        other_times.join("; "),
        other_q.join("; ")
    )
}

/// The first words of `s`, on one line.
fn short(s: &str) -> String {
    let s = s.replace('\n', " ");
    match s.char_indices().nth(90) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}
