//! The generator's promises: the same parameters give the same bytes; the gold agrees
//! with the sentences; every conflict sits in a gold cluster; every document has a
//! story; every reference sentence is a valid, trimmed byte span of its document.

use corroborate_corpus::{generate, Corpus, Layout, Params, Slot};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn events(n: u32) -> Params {
    Params::events(n).seed(3).build().expect("valid parameters")
}

fn stories(n: u32) -> Params {
    Params::stories(n)
        .seed(3)
        .build()
        .expect("valid parameters")
}

/// A fresh directory under the system's temporary directory.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "corroborate-corpus-test-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Every file of a written corpus, by name.
fn files(corpus: &Corpus, name: &str) -> BTreeMap<String, Vec<u8>> {
    let dir = scratch(name);
    corpus.write(&dir).expect("corpus written");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("readable directory") {
        let entry = entry.expect("directory entry");
        let bytes = std::fs::read(entry.path()).expect("readable file");
        out.insert(entry.file_name().to_string_lossy().into_owned(), bytes);
    }
    let _ = std::fs::remove_dir_all(&dir);
    out
}

#[test]
fn same_seed_same_bytes_in_both_layouts_and_any_thread_count() {
    for (name, params) in [("events", events(7)), ("stories", stories(60))] {
        let a = files(&generate(&params), &format!("{name}-a"));
        let b = files(&generate(&params), &format!("{name}-b"));
        assert_eq!(a, b, "{name}: two runs differ");
        let names: Vec<&str> = a.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "conflicts.tsv",
                "documents.jsonl",
                "gold_pairs.tsv",
                "meta.json",
                "sentences.tsv",
                "stories.tsv"
            ]
        );
    }
    let threaded = |threads| {
        let p = Params::stories(80)
            .seed(5)
            .threads(threads)
            .build()
            .expect("valid");
        generate(&p).documents
    };
    assert_eq!(threaded(1), threaded(3));
    let other = Params::events(7).seed(4).build().expect("valid");
    assert_ne!(generate(&events(7)).documents, generate(&other).documents);
}

#[test]
fn events_layout_has_the_shape_of_the_benchmark() {
    let corpus = generate(&events(12));
    assert_eq!(corpus.documents.len(), 60);
    assert_eq!(corpus.documents[0].id, "e000000-s00");
    assert!(corpus.documents.iter().all(|d| d.published.is_some()));
    // about 16 sentences an article with the defaults
    let per_article = corpus.sentences.len() as f64 / corpus.documents.len() as f64;
    assert!((12.0..20.0).contains(&per_article), "{per_article}");
    let filler = corpus
        .sentences
        .iter()
        .filter(|s| s.cluster.is_none())
        .count() as f64
        / corpus.sentences.len() as f64;
    assert!((0.18..0.32).contains(&filler), "{filler}");
}

/// Byte offsets: inside the text, on character boundaries, trimmed, in order,
/// separated only by whitespace, and together covering the text.
fn check_offsets(corpus: &Corpus) {
    let mut by_doc: BTreeMap<u32, Vec<(usize, usize)>> = BTreeMap::new();
    for s in &corpus.sentences {
        by_doc
            .entry(s.doc)
            .or_default()
            .push((s.start as usize, s.end as usize));
    }
    assert_eq!(
        by_doc.len(),
        corpus.documents.len(),
        "a document without sentences"
    );
    for (doc, spans) in by_doc {
        let text = &corpus.documents[doc as usize].text;
        let mut at = 0;
        for (start, end) in spans {
            assert!(start < end, "empty span in {doc}");
            let slice = text.get(start..end).expect("span on character boundaries");
            assert_eq!(slice, slice.trim(), "untrimmed sentence {slice:?}");
            let gap = text.get(at..start).expect("gap on character boundaries");
            assert!(gap.trim().is_empty(), "text between sentences: {gap:?}");
            at = end;
        }
        assert_eq!(at, text.len(), "text after the last sentence");
    }
}

/// The gold pairs are exactly the cross-document pairs within a cluster.
fn check_gold(corpus: &Corpus) {
    let mut expected = BTreeSet::new();
    let mut clusters: BTreeMap<_, Vec<u32>> = BTreeMap::new();
    for (sid, s) in corpus.sentences.iter().enumerate() {
        if let Some(c) = s.cluster {
            clusters.entry(c).or_default().push(sid as u32);
        }
    }
    for members in clusters.values() {
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                if corpus.sentences[a as usize].doc != corpus.sentences[b as usize].doc {
                    expected.insert((a, b));
                }
            }
        }
    }
    let got: BTreeSet<(u32, u32)> = corpus.gold_pairs.iter().copied().collect();
    assert_eq!(got.len(), corpus.gold_pairs.len(), "duplicate gold pairs");
    assert!(corpus.gold_pairs.iter().all(|(a, b)| a < b));
    assert_eq!(got, expected);
    assert!(!got.is_empty());
}

#[test]
fn gold_conflicts_offsets_and_stories_hold_in_both_layouts() {
    for params in [events(20), stories(120)] {
        let corpus = generate(&params);
        check_offsets(&corpus);
        check_gold(&corpus);
        assert!(!corpus.conflicts.is_empty());
        for c in &corpus.conflicts {
            let s = corpus.sentences[c.sentence as usize];
            let cluster = s.cluster.expect("a conflict renders a claim");
            assert!(matches!(cluster.slot, Slot::Claim(_)));
            assert_eq!(cluster.story, corpus.documents[s.doc as usize].story);
        }
        for d in &corpus.documents {
            assert!((d.story as usize) < corpus.stories.len());
        }
    }
}

/// Reads a written TSV file into rows of fields (header dropped).
fn rows(files: &BTreeMap<String, Vec<u8>>, name: &str) -> Vec<Vec<String>> {
    let text = String::from_utf8(files[name].clone()).expect("UTF-8");
    text.lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn written_files_agree_with_each_other() {
    for (name, params) in [("w-events", events(9)), ("w-stories", stories(50))] {
        let corpus = generate(&params);
        let files = files(&corpus, name);
        let docs: Vec<serde_json::Value> = String::from_utf8(files["documents.jsonl"].clone())
            .expect("UTF-8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
            .collect();
        let text: BTreeMap<&str, &str> = docs
            .iter()
            .map(|d| {
                (
                    d["id"].as_str().expect("id"),
                    d["text"].as_str().expect("text"),
                )
            })
            .collect();
        assert_eq!(
            text.len(),
            corpus.documents.len(),
            "document ids are unique"
        );
        for d in &docs {
            assert!(d["source"].is_string());
            if let Some(p) = d.get("published") {
                let p = p.as_str().expect("published is a date string");
                assert_eq!(p.len(), 10, "{p}");
            }
        }
        let sentences = rows(&files, "sentences.tsv");
        let clusters: BTreeMap<u32, &str> = sentences
            .iter()
            .map(|r| (r[0].parse().expect("sid"), r[4].as_str()))
            .collect();
        for (i, r) in sentences.iter().enumerate() {
            assert_eq!(r[0], i.to_string(), "sids count up from 0");
            let (start, end): (usize, usize) =
                (r[2].parse().expect("start"), r[3].parse().expect("end"));
            assert!(text[r[1].as_str()].get(start..end).is_some());
        }
        for r in rows(&files, "gold_pairs.tsv") {
            let (a, b): (u32, u32) = (r[0].parse().expect("a"), r[1].parse().expect("b"));
            assert!(a < b);
            assert_eq!(clusters[&a], clusters[&b]);
            assert_ne!(clusters[&a], "-");
        }
        for r in rows(&files, "conflicts.tsv") {
            assert_eq!(clusters[&r[0].parse::<u32>().expect("sid")], r[1]);
            assert!(["number", "date", "speaker", "polarity"].contains(&r[2].as_str()));
        }
        let stories = rows(&files, "stories.tsv");
        let covered: BTreeSet<&str> = stories.iter().map(|r| r[0].as_str()).collect();
        let all: BTreeSet<&str> = text.keys().copied().collect();
        assert_eq!(covered, all, "stories.tsv covers every document once");
        assert_eq!(stories.len(), all.len());
        let meta: serde_json::Value =
            serde_json::from_slice(&files["meta.json"]).expect("meta.json parses");
        assert_eq!(meta["sentences"], corpus.sentences.len());
        assert_eq!(meta["gold_pairs"], corpus.gold_pairs.len());
    }
}

#[test]
fn stories_layout_mixes_kinds_twins_days_and_undated_outlets() {
    let corpus = generate(&stories(300));
    let Layout::Stories { stories, .. } = corpus.params.layout() else {
        panic!("stories layout");
    };
    assert_eq!(corpus.stories.len(), stories as usize);
    let kinds: BTreeSet<&str> = corpus.stories.iter().map(|s| s.kind).collect();
    assert!(kinds.len() >= 8, "{kinds:?}");
    let twins: Vec<_> = corpus
        .stories
        .iter()
        .filter_map(|s| s.twin_of.map(|t| (s, &corpus.stories[t as usize])))
        .collect();
    assert!(twins.len() > 50 && twins.len() < 130, "{}", twins.len());
    for (twin, earlier) in &twins {
        assert_eq!(twin.kind, earlier.kind);
        assert_ne!(twin.day, earlier.day);
    }
    let undated = corpus
        .documents
        .iter()
        .filter(|d| d.published.is_none())
        .count() as f64
        / corpus.documents.len() as f64;
    assert!((0.08..0.25).contains(&undated), "{undated}");
    // published on or after the happening, and a story spread over several days
    let mut days: BTreeMap<u32, BTreeSet<i32>> = BTreeMap::new();
    for d in &corpus.documents {
        if let Some(p) = d.published {
            assert!(p >= corpus.stories[d.story as usize].day);
            days.entry(d.story).or_default().insert(p.0);
        }
    }
    assert!(days.values().any(|d| d.len() >= 3));
    let per_story = corpus.documents.len() as f64 / stories as f64;
    assert!((4.5..8.0).contains(&per_story), "{per_story}");
    // ids say nothing about the story: the feed is in publication order
    assert!(corpus
        .documents
        .iter()
        .enumerate()
        .all(|(i, d)| d.id == format!("a{i:06}")));
    // every article opens with a headline paragraph, then the lead
    for (i, d) in corpus.documents.iter().enumerate() {
        let first = corpus
            .sentences
            .iter()
            .position(|s| s.doc == i as u32)
            .expect("sentences");
        let headline = corpus.sentences[first];
        assert_eq!(headline.cluster.map(|c| c.slot), Some(Slot::Headline));
        assert!(d.text[headline.end as usize..].starts_with("\n\n"));
        assert_eq!(
            corpus.sentences[first + 1].cluster.map(|c| c.slot),
            Some(Slot::Claim(0))
        );
    }
}

#[test]
fn bad_parameters_are_errors() {
    assert!(Params::events(0).build().is_err());
    assert!(Params::events(3).sources(1).build().is_err());
    assert!(Params::events(3).filler(0.95).build().is_err());
    assert!(Params::events(3).carry(f64::NAN).build().is_err());
    assert!(Params::events(3).sentences_per_event(0).build().is_err());
    assert!(Params::stories(3).coverage(0.5).build().is_err());
    assert!(Params::stories(3).sources(4).coverage(6.0).build().is_err());
    assert!(Params::stories(3).twin_rate(1.5).build().is_err());
    let e = Params::events(3)
        .synonym_rate(2.0)
        .build()
        .expect_err("out of range");
    assert!(e.to_string().contains("--synonym-rate"), "{e}");
}
