//! Ingestion: the cases in `tests/data/ingest/cases.json` (every bad input with its
//! error kind, position and message; every good input with the documents it gives),
//! plus the cases that need the file system (directories, missing files, ids across
//! files, a 50 MB one-line file) and properties over arbitrary bytes.

use corroborate::ingest::{self, Format};
use corroborate::{Document, ErrorKind};
use proptest::prelude::*;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The directory of the ingest cases.
pub(crate) fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ingest")
}

/// An input that must be refused.
#[derive(Deserialize)]
pub(crate) struct ErrorCase {
    pub file: String,
    pub kind: String,
    pub position: String,
    /// Text the message must contain; `{dir}` stands for [`data_dir`].
    pub message: String,
}

#[derive(Deserialize)]
pub(crate) struct DocumentCase {
    pub file: String,
    pub documents: Vec<ExpectedDocument>,
}

#[derive(Deserialize)]
pub(crate) struct ExpectedDocument {
    pub id: String,
    pub published: Option<String>,
    pub source: Option<String>,
    pub head: String,
    pub body_starts: String,
}

#[derive(Deserialize)]
pub(crate) struct Cases {
    pub errors: Vec<ErrorCase>,
    pub documents: Vec<DocumentCase>,
}

pub(crate) fn cases() -> Cases {
    let path = data_dir().join("cases.json");
    let text = std::fs::read_to_string(&path).expect("read cases.json");
    serde_json::from_str(&text).expect("parse cases.json")
}

/// A fresh scratch directory for one test.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("ingest-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

#[test]
fn every_bad_input_gives_its_error() {
    let dir = data_dir();
    let mut failures = Vec::new();
    for case in cases().errors {
        let path = dir.join(&case.file);
        let origin = path.display().to_string();
        let message = case.message.replace("{dir}", &dir.display().to_string());
        match ingest::read_path(&path) {
            Ok(docs) => failures.push(format!("{}: accepted, {} documents", case.file, docs.len())),
            Err(e) => {
                let got = (format!("{:?}", e.kind()), e.position().to_string());
                if got != (case.kind.clone(), case.position.clone())
                    || !e.message().contains(&message)
                    || e.origin() != origin
                {
                    failures.push(format!(
                        "{}: expected {} at {:?} containing {message:?}, got {:?} {e}",
                        case.file,
                        case.kind,
                        case.position,
                        e.kind()
                    ));
                }
                // The whole line reads origin:position: message.
                let prefix = if case.position.is_empty() {
                    format!("{origin}: ")
                } else {
                    format!("{origin}:{}: ", case.position)
                };
                assert!(e.to_string().starts_with(&prefix), "{e}");
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_file_under_bad_is_a_case() {
    let listed: Vec<String> = cases().errors.into_iter().map(|c| c.file).collect();
    for entry in std::fs::read_dir(data_dir().join("bad")).expect("list bad/") {
        let name = format!(
            "bad/{}",
            entry.expect("entry").file_name().to_string_lossy()
        );
        assert!(listed.contains(&name), "{name} has no entry in cases.json");
    }
}

fn check_documents(file: &str, docs: &[Document], expected: &[ExpectedDocument]) {
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let want: Vec<&str> = expected.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, want, "{file}: ids");
    for (doc, want) in docs.iter().zip(expected) {
        let published = doc.published.map(|d| d.to_string());
        assert_eq!(published, want.published, "{file}: {} published", want.id);
        assert_eq!(doc.source, want.source, "{file}: {} source", want.id);
        assert_eq!(doc.head.start, 0, "{file}: head starts the text");
        assert_eq!(
            doc.head.slice(&doc.text),
            want.head,
            "{file}: {} head",
            want.id
        );
        let body = doc.body().slice(&doc.text);
        assert!(
            body.starts_with(&want.body_starts),
            "{file}: {} body {body:?}",
            want.id
        );
    }
}

#[test]
fn every_good_input_gives_its_documents() {
    let dir = data_dir();
    for case in cases().documents {
        let path = dir.join(&case.file);
        let docs = ingest::read_path(&path).unwrap_or_else(|e| panic!("{}: {e}", case.file));
        check_documents(&case.file, &docs, &case.documents);
        // A text file's document is the file, byte for byte: offsets are file offsets.
        if Format::from_path(&path) == Format::Text {
            let bytes = std::fs::read(&path).expect("read");
            assert_eq!(docs[0].text.as_bytes(), &bytes[..], "{}", case.file);
        }
    }
}

#[test]
fn the_pure_parsers_agree_with_read_path() {
    let dir = data_dir();
    for case in cases().documents {
        let path = dir.join(&case.file);
        let origin = path.display().to_string();
        let bytes = std::fs::read(&path).expect("read");
        let mut docs = ingest::parse(Format::from_path(&path), &origin, &bytes).expect("parse");
        docs.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(
            docs,
            ingest::read_path(&path).expect("read_path"),
            "{}",
            case.file
        );
    }
    let doc = ingest::parse_text("x/y.txt", b"One. Two.").expect("text");
    assert_eq!(doc.id.as_str(), "y");
}

#[test]
fn seeds_all_read_with_their_datelines() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    let docs = ingest::read_paths(&paths).expect("seeds read");
    assert_eq!(docs.len(), 5);
    for (doc, path) in docs.iter().zip(&paths) {
        let bytes = std::fs::read(path).expect("read");
        assert_eq!(doc.text.as_bytes(), &bytes[..]);
        // Exactly the seeds that start with " date " have a date, and their head is it.
        let dated = bytes.starts_with(b" date ");
        assert_eq!(doc.published.is_some(), dated, "{}", doc.id);
        if dated {
            assert_eq!(doc.head.len(), " date 2023-03-02 ".len(), "{}", doc.id);
        } else {
            assert!(doc.head.is_empty(), "{}", doc.id);
        }
    }
}

#[test]
fn a_directory_is_refused() {
    let dir = scratch("directory");
    let e = ingest::read_path(&dir).expect_err("directory");
    assert_eq!(e.kind(), ErrorKind::Io);
    assert_eq!(e.origin(), dir.display().to_string());
    assert!(e.message().contains("is a directory"), "{e}");
}

#[test]
fn a_missing_file_is_refused() {
    let path = scratch("missing").join("no-such-file.txt");
    let e = ingest::read_path(&path).expect_err("missing");
    assert_eq!(e.kind(), ErrorKind::Io);
    assert_eq!(e.to_string(), format!("{}: no such file", path.display()));
}

#[test]
fn ids_must_be_unique_across_inputs_and_both_places_are_named() {
    let dir = scratch("duplicates");
    std::fs::create_dir_all(dir.join("a")).expect("mkdir");
    std::fs::create_dir_all(dir.join("b")).expect("mkdir");
    std::fs::write(dir.join("a/story.txt"), "One text.").expect("write");
    std::fs::write(dir.join("b/story.txt"), "Another text.").expect("write");
    std::fs::write(
        dir.join("feed.jsonl"),
        "{\"id\":\"x\",\"text\":\"T.\"}\n{\"id\":\"story\",\"text\":\"U.\"}\n",
    )
    .expect("write");

    let e =
        ingest::read_paths([dir.join("a/story.txt"), dir.join("b/story.txt")]).expect_err("dup");
    assert_eq!(e.kind(), ErrorKind::DuplicateId);
    assert_eq!(e.origin(), dir.join("b/story.txt").display().to_string());
    assert!(
        e.message().contains(&format!(
            "first used at {}",
            dir.join("a/story.txt").display()
        )),
        "{e}"
    );

    let e = ingest::read_paths([dir.join("a/story.txt"), dir.join("feed.jsonl")]).expect_err("dup");
    assert_eq!(e.kind(), ErrorKind::DuplicateId);
    assert_eq!(e.position().to_string(), "2:1");
    assert!(e.message().contains("duplicate id \"story\""), "{e}");
}

#[test]
fn documents_come_sorted_by_id_whatever_the_input_order() {
    let dir = scratch("order");
    for (name, text) in [
        ("c.txt", "C."),
        ("a.txt", "A."),
        ("b.json", r#"[{"id":"b","text":"B."}]"#),
    ] {
        std::fs::write(dir.join(name), text).expect("write");
    }
    let forward = ingest::read_paths([dir.join("c.txt"), dir.join("a.txt"), dir.join("b.json")])
        .expect("read");
    let backward = ingest::read_paths([dir.join("b.json"), dir.join("a.txt"), dir.join("c.txt")])
        .expect("read");
    let ids: Vec<&str> = forward.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(forward, backward);
}

#[test]
fn a_50_mb_single_line_file_reads_whole() {
    let dir = scratch("large");
    let sentence =
        "Officials said the talks on Wednesday were \u{201c}constructive\u{201d} and cost $1.2bn. ";
    let copies = 50 * 1024 * 1024 / sentence.len() + 1;
    let mut text = String::from(" date 2023-03-01 ");
    text.push_str(&sentence.repeat(copies));
    let path = dir.join("large.txt");
    std::fs::write(&path, &text).expect("write");
    let docs = ingest::read_path(&path).expect("a large file is fine");
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(docs.len(), 1);
    assert!(docs[0].text.len() >= 50 * 1024 * 1024);
    assert_eq!(docs[0].text, text);
    assert_eq!(
        docs[0].published.map(|d| d.to_string()).as_deref(),
        Some("2023-03-01")
    );
    assert!(docs[0].body().slice(&docs[0].text).starts_with("Officials"));
}

#[test]
fn a_large_jsonl_record_reads_whole() {
    let body = "Officials said so. ".repeat(2 * 1024 * 1024 / 19);
    let line = serde_json::json!({"id": "big", "text": body}).to_string();
    let input = format!("{line}\n{{\"id\":\"small\",\"text\":\"S.\"}}\n");
    let docs = ingest::parse_jsonl("big.jsonl", input.as_bytes()).expect("large record");
    assert_eq!(docs[0].text, body);
    assert_eq!(docs[1].id.as_str(), "small");
}

proptest! {
    /// Any bytes either read as a document that is exactly those bytes, with a head on
    /// char boundaries and a non-blank body, or give an error; nothing panics.
    #[test]
    fn text_of_any_bytes_is_the_bytes_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(doc) = ingest::parse_text("p.txt", &bytes) {
            prop_assert_eq!(doc.text.as_bytes(), &bytes[..]);
            prop_assert!(doc.head.end <= doc.text.len());
            prop_assert!(doc.text.is_char_boundary(doc.head.end));
            prop_assert!(!doc.body().slice(&doc.text).trim().is_empty());
        }
    }

    /// Any text behind a valid dateline keeps its bytes and gets the date.
    #[test]
    fn a_dateline_sets_the_date_and_keeps_the_bytes(
        y in 1900i32..2100, m in 1u32..13, d in 1u32..29,
        lead in "[ \t]{0,3}", body in "[A-Za-z][A-Za-z .,\u{201c}\u{201d}é]{0,60}",
    ) {
        let input = format!("{lead}date {y:04}-{m:02}-{d:02} {body}");
        let doc = ingest::parse_text("p.txt", input.as_bytes()).expect("valid");
        prop_assert_eq!(&doc.text, &input);
        prop_assert_eq!(doc.published.map(|x| x.to_string()), Some(format!("{y:04}-{m:02}-{d:02}")));
        prop_assert_eq!(doc.body().slice(&doc.text), body.as_str());
    }

    /// JSON and JSONL readers never panic on arbitrary text.
    #[test]
    fn json_readers_never_panic(text in "[\\[\\]{}\",:a-z0-9 \n\\\\]{0,80}") {
        let _ = ingest::parse_json("p.json", text.as_bytes());
        let _ = ingest::parse_jsonl("p.jsonl", text.as_bytes());
    }

    /// Any document written as JSON reads back as itself.
    #[test]
    fn json_round_trips(id in "[a-z0-9_-]{1,12}", text in "\\PC*[a-zA-Z]\\PC*", day in 1u32..29) {
        let published = format!("2023-02-{day:02}");
        let record = serde_json::json!({"id": id, "text": text, "published": published});
        let docs = ingest::parse_json("p.json", format!("[{record}]").as_bytes()).expect("valid");
        let jsonl = ingest::parse_jsonl("p.jsonl", format!("{record}\n").as_bytes()).expect("valid");
        prop_assert_eq!(&docs, &jsonl);
        prop_assert_eq!(docs[0].id.as_str(), id.as_str());
        prop_assert_eq!(&docs[0].text, &text);
        prop_assert_eq!(docs[0].published.map(|d| d.to_string()), Some(published));
    }
}
