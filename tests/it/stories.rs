//! The stories stage: feeds written for it (tests/data/stories/feeds.json), each
//! document with its gold story, partitioned with and without publication dates, in one
//! batch and one document at a time; and the pipeline on a mixed feed, where nothing
//! may be compared across stories.

use corroborate::stories::{self, Stories, StoriesConfig};
use corroborate::{Document, Reconciler};
use std::collections::{BTreeMap, BTreeSet};

/// Each feed: its name and its documents with their gold stories.
fn feeds() -> Vec<(String, Vec<(Document, String)>)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/stories/feeds.json");
    let text = std::fs::read_to_string(path).expect("feeds.json");
    let v: serde_json::Value = serde_json::from_str(&text).expect("feeds.json is JSON");
    let feeds = v.as_array().expect("a list of feeds");
    feeds
        .iter()
        .map(|f| {
            let docs = f["documents"]
                .as_array()
                .expect("documents")
                .iter()
                .map(|d| {
                    let mut doc = Document::new(
                        d["id"].as_str().expect("id"),
                        d["text"].as_str().expect("text"),
                    );
                    doc.published = d["published"].as_str().map(|p| p.parse().expect("date"));
                    (doc, d["story"].as_str().expect("story").to_string())
                })
                .collect();
            (f["name"].as_str().expect("name").to_string(), docs)
        })
        .collect()
}

/// A partition as a set of sets of document ids.
fn as_sets<'a>(parts: impl Iterator<Item = Vec<&'a str>>) -> BTreeSet<BTreeSet<String>> {
    parts
        .map(|p| p.into_iter().map(str::to_string).collect())
        .collect()
}

fn gold(docs: &[(Document, String)]) -> BTreeSet<BTreeSet<String>> {
    let mut by: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (d, s) in docs {
        by.entry(s).or_default().push(d.id.as_str());
    }
    as_sets(by.into_values())
}

fn undated(docs: &[(Document, String)]) -> Vec<(Document, String)> {
    docs.iter()
        .map(|(d, s)| {
            let mut d = d.clone();
            d.published = None;
            (d, s.clone())
        })
        .collect()
}

#[test]
fn feeds_are_partitioned_as_the_gold_says_with_and_without_dates() {
    for (name, feed) in feeds() {
        for docs in [feed.clone(), undated(&feed)] {
            let plain: Vec<Document> = docs.iter().map(|(d, _)| d.clone()).collect();
            let found = stories::cluster(&plain, &StoriesConfig::default());
            let got = as_sets(
                found
                    .iter()
                    .map(|s| s.documents.iter().map(|d| d.as_str()).collect()),
            );
            assert_eq!(got, gold(&docs), "{name}");
        }
    }
}

#[test]
fn adding_documents_one_at_a_time_gives_the_batch_partition_or_says_why() {
    for (name, feed) in feeds() {
        let plain: Vec<Document> = feed.iter().map(|(d, _)| d.clone()).collect();
        let batch = stories::cluster(&plain, &StoriesConfig::default());
        let mut s = Stories::new(StoriesConfig::default());
        let mut said = Vec::new();
        for d in &plain {
            said.extend(s.add(d).expect("ids are unique").differs);
        }
        // the same answer, or a word on why it may differ
        assert!(s.stories() == batch || !said.is_empty(), "{name}");
        assert!(
            s.add(&plain[0]).is_err(),
            "{name}: a repeated id is refused"
        );
    }
}

#[test]
fn a_mixed_feed_is_checked_story_by_story() {
    let all: Vec<(Document, String)> = feeds().into_iter().flat_map(|(_, f)| f).collect();
    let docs: Vec<Document> = all.iter().map(|(d, _)| d.clone()).collect();
    let story_of: BTreeMap<&str, &str> = all
        .iter()
        .map(|(d, s)| (d.id.as_str(), s.as_str()))
        .collect();
    let r = Reconciler::default().reconcile(&docs).expect("valid input");
    assert_eq!(
        as_sets(
            r.stories
                .iter()
                .map(|s| s.documents.iter().map(|d| d.as_str()).collect())
        ),
        gold(&all)
    );
    let doc_story: BTreeMap<&str, u32> = r
        .stories
        .iter()
        .flat_map(|s| s.documents.iter().map(move |d| (d.as_str(), s.id.0)))
        .collect();
    let claim_doc: BTreeMap<u32, &str> =
        r.claims.iter().map(|c| (c.id.0, c.doc.as_str())).collect();
    for g in &r.groups {
        for c in &g.claims {
            let doc = claim_doc[&c.0];
            assert_eq!(
                doc_story[doc], g.story.0,
                "group {} crosses stories",
                g.id.0
            );
            assert!(story_of.contains_key(doc));
        }
    }
    for f in &r.flags {
        let g = r
            .groups
            .iter()
            .find(|g| g.id == f.group)
            .expect("flag's group");
        assert_eq!(f.story, g.story);
        for e in &f.evidence {
            assert_eq!(doc_story[e.doc.as_str()], f.story.0);
        }
    }
    for e in &r.events {
        for g in &e.groups {
            let grp = r.groups.iter().find(|x| x.id == *g).expect("event's group");
            assert_eq!(grp.story, e.story);
        }
    }
    for row in &r.coverage.rows {
        for d in row.carried_by.iter().chain(&row.missing_from) {
            assert_eq!(doc_story[d.as_str()], row.story.0);
        }
    }
    let json = serde_json::to_value(&r).expect("serializes");
    let first = &json["stories"][0];
    for key in [
        "id",
        "documents",
        "title",
        "first_published",
        "last_published",
    ] {
        assert!(first.get(key).is_some(), "stories[0] has {key}");
    }
}

#[test]
fn profiles_made_apart_and_clustered_in_one_place_give_the_batch_stories() {
    let config = StoriesConfig::default();
    for (name, feed) in feeds() {
        for docs in [feed.clone(), undated(&feed)] {
            let plain: Vec<Document> = docs.iter().map(|(d, _)| d.clone()).collect();
            // each profile carried as JSON, as a distributed run carries it, in reverse
            let carried: Vec<stories::StoryProfile> = plain
                .iter()
                .rev()
                .map(|d| {
                    let json = serde_json::to_string(&stories::profile_of(d, &config))
                        .expect("a profile serializes");
                    serde_json::from_str(&json).expect("and reads back")
                })
                .collect();
            let found = stories::cluster_profiles(&carried, &config, 2).expect("unique ids");
            assert_eq!(found, stories::cluster(&plain, &config), "{name}");
        }
    }
    let doc = &feeds()[0].1[0].0;
    let p = stories::profile_of(doc, &config);
    let err = stories::cluster_profiles(&[p.clone(), p], &config, 1).unwrap_err();
    assert_eq!(err.kind(), corroborate::ErrorKind::DuplicateId);
}

/// Flags as comparable keys: kind, severity, confidence and evidence spans, with the
/// story they are in.
fn flag_keys(r: &corroborate::Report, story: u32) -> Vec<String> {
    let mut keys: Vec<String> = r
        .flags
        .iter()
        .map(|f| {
            let spans: Vec<(String, usize, usize)> = f
                .evidence
                .iter()
                .map(|e| (e.doc.as_str().to_string(), e.span.start, e.span.end))
                .collect();
            let story = if story == u32::MAX { f.story.0 } else { story };
            format!(
                "{story} {:?} {:?} {:?} {spans:?}",
                f.kind, f.severity, f.confidence
            )
        })
        .collect();
    keys.sort();
    keys
}

#[test]
fn each_story_reconciled_alone_as_found_gives_its_part_of_the_whole_report() {
    let docs: Vec<Document> = feeds()
        .into_iter()
        .flat_map(|(_, f)| f)
        .map(|(d, _)| d)
        .chain(seeds())
        .collect();
    let whole = Reconciler::default().reconcile(&docs).expect("valid input");
    assert!(whole.stories.len() > 2 && !whole.flags.is_empty());
    let mut config = corroborate::Config::default();
    config.stories.mode = stories::StoryMode::Found;
    let found = Reconciler::new(config);
    let mut parts = Vec::new();
    for s in &whole.stories {
        let members: Vec<Document> = docs
            .iter()
            .filter(|d| s.documents.contains(&d.id))
            .cloned()
            .collect();
        let alone = found.reconcile(&members).expect("valid input");
        assert_eq!(alone.stories.len(), 1);
        parts.extend(flag_keys(&alone, s.id.0));
    }
    parts.sort();
    assert_eq!(parts, flag_keys(&whole, u32::MAX));
}

/// The seed articles, read as the CLI reads them.
fn seeds() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .expect("seeds dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    corroborate::ingest::read_paths(&paths).expect("the seeds read")
}
