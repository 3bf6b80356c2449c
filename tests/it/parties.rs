//! Parties and quotation wording through the whole pipeline
//! (`tests/data/reconcile/parties_and_wording.json`): each case is two one-line articles
//! published the same day, tagged with the rule it stands for. One actor under two
//! names (a title or occupation before the name, a corporate suffix, a generic body, a
//! person and the body the person heads, a relay of a source) and meaning-preserving
//! edits raise no flag at all; a speaker swapped for another person named in both
//! articles, or one word changed inside a quotation, raises a flag of that kind.

use corroborate::model::*;
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Deserialize)]
struct PartyCase {
    rule: String,
    a: String,
    b: String,
    kind: Option<FlagKind>,
    /// With no `kind`: only these kinds may not be raised (a variation of another kind
    /// is allowed); without it, no flag at all.
    #[serde(default)]
    forbid: Option<Vec<FlagKind>>,
}

#[test]
fn every_rule_holds_on_its_family_of_cases() {
    let cases: Vec<PartyCase> =
        serde_json::from_str(include_str!("../data/reconcile/parties_and_wording.json"))
            .expect("parse");
    let mut per_rule: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut failures = Vec::new();
    for c in &cases {
        *per_rule.entry(c.rule.as_str()).or_default() += 1;
        let mut a = Document::new("a", c.a.as_str());
        let mut b = Document::new("b", c.b.as_str());
        a.published = Some("2024-05-14".parse().expect("date"));
        b.published = a.published;
        let r = corroborate::reconcile(&[a, b]).expect("pipeline");
        let kinds: BTreeSet<FlagKind> = r.flags.iter().map(|f| f.kind).collect();
        let ok = match c.kind {
            Some(k) => kinds.contains(&k),
            None => match &c.forbid {
                Some(forbid) => forbid.iter().all(|k| !kinds.contains(k)),
                None => kinds.is_empty(),
            },
        };
        if !ok {
            let summaries: Vec<&str> = r.flags.iter().map(|f| f.summary.as_str()).collect();
            failures.push(format!(
                "{}: want {:?}, got {summaries:?}\n  {}\n  {}",
                c.rule, c.kind, c.a, c.b
            ));
        }
    }
    // every rule stands on a family, never on one example
    for (rule, n) in &per_rule {
        assert!(*n >= 2, "rule {rule} has {n} case(s)");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
