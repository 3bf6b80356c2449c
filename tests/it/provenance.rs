//! Copy detection and independent sources: the cases under `tests/data/provenance/`
//! (documents, the copy links expected between them, and the independent count of
//! chosen groups), and properties on any input.

use corroborate::{ingest, provenance, CopyExtent, CopyLink, CopyOrder, Document, Report};
use proptest::prelude::*;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Case {
    documents: serde_json::Value,
    links: Vec<ExpectedLink>,
    groups: Vec<ExpectedGroup>,
}

#[derive(Deserialize)]
struct ExpectedLink {
    from: String,
    to: String,
    extent: CopyExtent,
    order: CopyOrder,
    /// The copy's first shared passage starts with these words.
    passage_starts: Option<String>,
}

#[derive(Deserialize)]
struct ExpectedGroup {
    /// Text of one member claim, to find the group.
    member_contains: String,
    independent: usize,
    copies: usize,
}

fn cases() -> Vec<(String, Case)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/provenance");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/provenance")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let src = std::fs::read_to_string(&p).expect("case file");
            let case: Case =
                serde_json::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.display().to_string(), case)
        })
        .collect()
}

fn documents(name: &str, case: &Case) -> Vec<Document> {
    let json = serde_json::to_vec(&case.documents).expect("documents");
    ingest::parse_json(name, &json).unwrap_or_else(|e| panic!("{e}"))
}

fn text_of<'d>(docs: &'d [Document], id: &str) -> &'d str {
    docs.iter()
        .find(|d| d.id.0 == id)
        .map(|d| d.text.as_str())
        .unwrap_or_else(|| panic!("no document {id}"))
}

fn check_links(name: &str, docs: &[Document], case: &Case, links: &[CopyLink]) {
    let found: Vec<(&str, &str)> = links
        .iter()
        .map(|l| (l.from.0.as_str(), l.to.0.as_str()))
        .collect();
    let expected: Vec<(&str, &str)> = case
        .links
        .iter()
        .map(|l| (l.from.as_str(), l.to.as_str()))
        .collect();
    assert_eq!(found, expected, "{name}: copy links");
    for (l, e) in links.iter().zip(&case.links) {
        assert_eq!(l.extent, e.extent, "{name}: extent of {}->{}", e.from, e.to);
        assert_eq!(
            l.order, e.order,
            "{name}: order of {}->{}: {}",
            e.from, e.to, l.reason
        );
        assert!(!l.shared.is_empty() && !l.reason.is_empty(), "{name}");
        for p in &l.shared {
            assert!(p.from.end <= text_of(docs, &e.from).len(), "{name}: span");
            assert!(p.to.end <= text_of(docs, &e.to).len(), "{name}: span");
        }
        if let Some(start) = &e.passage_starts {
            let copy = l.shared[0].to.slice(text_of(docs, &e.to));
            assert!(copy.starts_with(start.as_str()), "{name}: passage {copy:?}");
        }
    }
}

fn check_groups(name: &str, case: &Case, report: &Report) {
    for e in &case.groups {
        let claim = report
            .claims
            .iter()
            .find(|c| c.text.contains(&e.member_contains))
            .unwrap_or_else(|| panic!("{name}: no claim with {:?}", e.member_contains));
        let group = report
            .groups
            .iter()
            .find(|g| g.claims.contains(&claim.id))
            .unwrap_or_else(|| panic!("{name}: {:?} is in no group", e.member_contains));
        let c = &group.corroboration;
        assert_eq!(
            c.independent, e.independent,
            "{name}: independent of {:?}",
            e.member_contains
        );
        assert_eq!(c.copies.len(), e.copies, "{name}: copies {:?}", c.copies);
    }
    for g in &report.groups {
        assert!(
            (1..=g.claims.len()).contains(&g.corroboration.independent),
            "{name}: group {} counts {} independent of {} members",
            g.id.0,
            g.corroboration.independent,
            g.claims.len()
        );
    }
}

#[test]
fn cases_find_the_copies_and_count_independent_outlets() {
    let cases = cases();
    assert!(cases.len() >= 3);
    for (name, case) in &cases {
        let docs = documents(name, case);
        check_links(name, &docs, case, &provenance::copies(&docs));
        let report = corroborate::reconcile(&docs).unwrap_or_else(|e| panic!("{e}"));
        check_links(name, &docs, case, &report.provenance);
        check_groups(name, case, &report);
        let json = serde_json::to_value(&report).expect("json");
        assert!(json["provenance"].is_array(), "{name}");
        for g in json["groups"].as_array().into_iter().flatten() {
            assert!(
                g["independent"].is_u64() && g["copies"].is_array(),
                "{name}: {g}"
            );
        }
    }
}

#[test]
fn the_order_of_the_input_does_not_change_the_links() {
    for (name, case) in &cases() {
        let docs = documents(name, case);
        let mut reversed = docs.clone();
        reversed.reverse();
        assert_eq!(
            provenance::copies(&docs),
            provenance::copies(&reversed),
            "{name}"
        );
    }
}

#[test]
fn a_copied_side_is_noted_on_flags() {
    // the three wire copies give one number, the independent report another
    let wire = "A fire at the Ostend paper mill destroyed two warehouses on Friday night and \
        forced the evacuation of nearby streets. Firefighters from four stations fought the \
        blaze for six hours before bringing it under control early on Saturday. The mill's \
        owner said production would stop for at least a month while the damage is assessed. \
        Investigators have not yet said what caused the fire.";
    let docs = vec![
        Document::new("a", wire),
        Document::new("b", wire),
        Document::new("c", wire),
        Document::new(
            "d",
            "Firefighters from seven stations fought the blaze for six hours before bringing \
             it under control early on Saturday, a fire service spokesman told us.",
        ),
    ];
    let report = corroborate::reconcile(&docs).expect("report");
    assert_eq!(report.provenance.len(), 2, "{:?}", report.provenance);
    let flag = report
        .flags
        .iter()
        .find(|f| f.kind == corroborate::FlagKind::Quantity)
        .expect("a quantity flag");
    let note = flag.copied_side.as_deref().expect("a copied side");
    assert!(note.contains("3 documents"), "{note}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_input_gives_links_inside_the_documents(
        texts in prop::collection::vec("(?s)[a-c .,\"“”'()\n]{0,300}", 0..6),
        copy in 0usize..6,
    ) {
        let mut docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("d{i}"), t.clone()))
            .collect();
        if let Some(d) = docs.get(copy).cloned() {
            docs.push(Document::new("copy", d.text));
        }
        let links = provenance::copies(&docs);
        for l in &links {
            prop_assert!(l.from != l.to);
            let from = docs.iter().find(|d| d.id == l.from).map(|d| d.text.len());
            let to = docs.iter().find(|d| d.id == l.to).map(|d| d.text.len());
            for p in &l.shared {
                prop_assert!(from.is_some_and(|n| p.from.end <= n));
                prop_assert!(to.is_some_and(|n| p.to.end <= n));
            }
        }
    }

    #[test]
    fn repeated_sentences_make_one_link_per_copy(n in 2usize..12) {
        let text = "The harbour authority closed the northern pier after a storm damaged its \
            railings overnight. Repair crews are expected to start work on Monday morning. \
            Ferry services will use the southern pier until the repairs are finished. \
            The authority said the cost of the work is not yet known.";
        let docs: Vec<Document> =
            (0..n).map(|i| Document::new(format!("d{i:02}"), text)).collect();
        let links = provenance::copies(&docs);
        prop_assert_eq!(links.len(), n - 1);
        prop_assert!(links.iter().all(|l| l.from.0 == "d00"));
    }
}
