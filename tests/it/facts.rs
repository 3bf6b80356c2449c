//! Facts compared as facts, through the whole pipeline: a number only with a number that
//! counts the same thing, a date only with the date of the same happening, a negation
//! with its predicate. Each case (`tests/data/reconcile/fact_pairs.json`) is two one-line
//! articles and the kind of flag they must raise, or none of the kinds these rules decide
//! (date, quantity, polarity) when the two state no disagreement of that kind.
//! `tests/data/reconcile/recall_pairs.json` holds, in the same form, facts that two
//! outlets word differently and that must still be compared.
//! `tests/data/reconcile/date_polarity_pairs.json` holds the rules that tell which
//! happening a date dates and what a negation denies, each with cases that must still
//! flag.

use corroborate::model::{Document, FlagKind, Joined, Report};
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Deserialize)]
struct Pair {
    rule: String,
    a: String,
    b: String,
    kind: Option<FlagKind>,
    /// Publication dates, when not both 2023-03-02.
    #[serde(default)]
    published: Option<(String, String)>,
    /// Both articles carry no date.
    #[serde(default)]
    undated: bool,
}

/// The kinds of flag decided by comparing facts.
const FACT_KINDS: [FlagKind; 3] = [FlagKind::Date, FlagKind::Quantity, FlagKind::Polarity];

#[test]
fn facts_are_compared_with_the_same_fact() {
    check_pairs(include_str!("../data/reconcile/fact_pairs.json"));
}

/// Facts that outlets word differently are still found to disagree
/// (`tests/data/reconcile/recall_pairs.json`).
#[test]
fn facts_worded_differently_are_compared() {
    check_pairs(include_str!("../data/reconcile/recall_pairs.json"));
}

/// A case of several one-line articles about one happening
/// (`tests/data/reconcile/fact_groups.json`): what is decided where the comparisons of
/// one group are joined into one flag.
#[derive(Deserialize)]
struct Group {
    rule: String,
    articles: Vec<String>,
    kind: Option<FlagKind>,
}

impl Group {
    /// The cases of a case file, each rule with two cases or more.
    fn cases(json: &str) -> Vec<Group> {
        let groups: Vec<Group> = serde_json::from_str(json).expect("parse");
        for g in &groups {
            let n = groups.iter().filter(|h| h.rule == g.rule).count();
            assert!(n >= 2, "rule {:?} has {n} case(s)", g.rule);
        }
        groups
    }

    /// Its articles as documents `d0`, `d1`, ..., all published on one day.
    fn documents(&self) -> Vec<Document> {
        self.articles
            .iter()
            .enumerate()
            .map(|(k, text)| {
                let mut d = Document::new(format!("d{k}").as_str(), text.as_str());
                d.published = Some("2023-03-02".parse().expect("date"));
                d
            })
            .collect()
    }
}

/// Figures of several articles joined into one flag only when they state one fact.
#[test]
fn facts_of_several_articles_are_joined_only_when_one() {
    let mut failures = Vec::new();
    for g in &Group::cases(include_str!("../data/reconcile/fact_groups.json")) {
        let docs = g.documents();
        if let Err(e) = raised_as_wanted(&docs, g.kind) {
            failures.push(format!("{}: {e}", g.rule));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Facts of sentences worded apart, which alignment does not group, compared only when
/// they state one fact (`tests/data/reconcile/fact_links.json`): a case that wants a kind
/// wants it from a fact-linked pair, so the case tests the link, not the alignment.
#[test]
fn facts_of_sentences_worded_apart() {
    let mut failures = Vec::new();
    for g in &Group::cases(include_str!("../data/reconcile/fact_links.json")) {
        let docs = g.documents();
        let r = match raised_as_wanted(&docs, g.kind) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{}: {e}", g.rule));
                continue;
            }
        };
        let linked: BTreeSet<_> = r
            .groups
            .iter()
            .filter(|x| x.joined == Joined::Fact)
            .map(|x| x.id)
            .collect();
        let from_link = r
            .flags
            .iter()
            .any(|f| Some(f.kind) == g.kind && linked.contains(&f.group));
        if g.kind.is_some() && !from_link {
            failures.push(format!(
                "{}: raised by an aligned group, not a link",
                g.rule
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Dates of one happening and negations of one statement, told from dates and
/// negations of others (`tests/data/reconcile/date_polarity_pairs.json`).
#[test]
fn dates_and_negations_of_one_fact() {
    check_pairs(include_str!("../data/reconcile/date_polarity_pairs.json"));
}

/// Runs every case of a case file: each rule has two cases or more, and each case raises
/// the kind it names, or none of [`FACT_KINDS`].
fn check_pairs(json: &str) {
    let pairs: Vec<Pair> = serde_json::from_str(json).expect("parse");
    let rules: BTreeSet<&str> = pairs.iter().map(|p| p.rule.as_str()).collect();
    for r in &rules {
        let n = pairs.iter().filter(|p| p.rule == *r).count();
        assert!(
            n >= 2,
            "rule {r:?} has {n} case(s); every rule needs a family"
        );
    }
    let mut failures = Vec::new();
    for p in &pairs {
        let (pa, pb) = p
            .published
            .clone()
            .unwrap_or(("2023-03-02".into(), "2023-03-02".into()));
        let mut a = Document::new("a", p.a.as_str());
        let mut b = Document::new("b", p.b.as_str());
        if !p.undated {
            a.published = Some(pa.parse().expect("date"));
            b.published = Some(pb.parse().expect("date"));
        }
        if let Err(e) = raised_as_wanted(&[a, b], p.kind) {
            failures.push(format!("{}: {e}\n  {}\n  {}", p.rule, p.a, p.b));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        pairs.len(),
        failures.join("\n")
    );
}

/// The report of `check` on `docs` when it raises `want` (or, for `None`, none of
/// [`FACT_KINDS`]); otherwise what it raised, for the failure message.
fn raised_as_wanted(docs: &[Document], want: Option<FlagKind>) -> Result<Report, String> {
    let r = corroborate::reconcile(docs).expect("pipeline");
    let kinds: BTreeSet<FlagKind> = r
        .flags
        .iter()
        .map(|f| f.kind)
        .filter(|k| FACT_KINDS.contains(k))
        .collect();
    let ok = match want {
        Some(k) => kinds.contains(&k),
        None => kinds.is_empty(),
    };
    if ok {
        return Ok(r);
    }
    let summaries: Vec<&str> = r.flags.iter().map(|f| f.summary.as_str()).collect();
    Err(format!(
        "want {want:?}, got {kinds:?} ({} groups) {summaries:?}",
        r.groups.len()
    ))
}
