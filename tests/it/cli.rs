//! The `corroborate` binary: exit codes, output shapes, error lines. Runs the built
//! binary; bad-input cases come from `tests/data/ingest/cases.json`.

use crate::ingest::{cases, data_dir, scratch};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .output()
        .expect("run corroborate")
}

fn run_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn corroborate");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    paths
}

fn strings(paths: &[PathBuf]) -> Vec<String> {
    paths.iter().map(|p| p.display().to_string()).collect()
}

fn segment_json(files: &[String]) -> serde_json::Value {
    let mut args = vec!["segment", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("segment prints JSON")
}

#[test]
fn help_lists_every_subcommand_and_exits_0() {
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    for word in ["segment", "extract", "check", "align", "stories", "--quiet"] {
        assert!(text.contains(word), "--help lacks {word}:\n{text}");
    }
    let o = run(&["segment", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("--format"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate", "x.txt"][..],
        &["segment"][..],
        &["segment", "--format", "xml", "x.txt"][..],
        &["segment", "--no-such-flag", "x.txt"][..],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn extract_align_and_check_print_json_whose_spans_match_the_files() {
    let files = strings(&seeds());
    let texts: std::collections::BTreeMap<String, String> = seeds()
        .iter()
        .map(|p| {
            let id = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            (id, std::fs::read_to_string(p).expect("seed readable"))
        })
        .collect();
    for sub in ["extract", "align", "check"] {
        let mut args = vec![sub, "--format", "json", "--quiet"];
        args.extend(files.iter().map(String::as_str));
        let o = run(&args);
        assert_eq!(o.status.code(), Some(0), "{sub}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON output");
        assert_eq!(v["documents"].as_array().map(Vec::len), Some(5), "{sub}");
        // Every object with doc/start/end/text anywhere in the output is a true span.
        let mut checked = 0;
        let mut stack = vec![&v];
        while let Some(node) = stack.pop() {
            match node {
                serde_json::Value::Object(m) => {
                    if let (Some(doc), Some(start), Some(end), Some(text)) = (
                        m.get("doc").and_then(|d| d.as_str()),
                        m.get("start").and_then(|x| x.as_u64()),
                        m.get("end").and_then(|x| x.as_u64()),
                        m.get("text").and_then(|x| x.as_str()),
                    ) {
                        let file = &texts[doc];
                        assert_eq!(&file[start as usize..end as usize], text, "{sub}: {doc}");
                        checked += 1;
                    }
                    stack.extend(m.values());
                }
                serde_json::Value::Array(a) => stack.extend(a.iter()),
                _ => {}
            }
        }
        assert!(checked > 50, "{sub}: only {checked} spans in the output");
    }
}

#[test]
fn stories_prints_the_partition_and_check_names_each_story() {
    let files = strings(&seeds());
    let mut args = vec!["stories", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stories prints JSON");
    let stories = v["stories"].as_array().expect("a list of stories");
    assert_eq!(stories.len(), 1, "the seeds are one story");
    assert_eq!(
        stories[0]["documents"].as_array().map(Vec::len),
        Some(files.len())
    );
    args[2] = "markdown";
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("# Stories"));
    args[0] = "check";
    args[2] = "json";
    let o = run(&args);
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("check prints JSON");
    assert_eq!(r["stories"], v["stories"]);
    for key in ["groups", "flags", "events"] {
        for item in r[key].as_array().expect("a list") {
            assert_eq!(item["story"], 0, "{key} name their story");
        }
    }
}

/// `--stories one` takes a curated cluster as it is given: the two quakes of the first
/// feed of `tests/data/stories/feeds.json` are two stories by default and one story
/// with the switch, in `stories`, `check` and `align` alike.
#[test]
fn stories_one_takes_the_input_as_one_story() {
    let feeds: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(data_dir().join("../stories/feeds.json")).expect("feeds"),
    )
    .expect("feeds.json");
    let mut jsonl = String::new();
    for doc in feeds[0]["documents"].as_array().expect("documents") {
        let line = serde_json::json!({"id": doc["id"], "text": doc["text"], "published": doc["published"]});
        jsonl.push_str(&format!("{line}\n"));
    }
    let count = |sub: &str, extra: &[&str]| {
        let mut args = vec![sub, "--format", "json", "--quiet"];
        args.extend(extra);
        args.push("-");
        let o = run_with_stdin(&args, &jsonl);
        assert_eq!(o.status.code(), Some(0), "{sub}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        v["stories"].as_array().map(Vec::len)
    };
    assert_eq!(count("stories", &[]), Some(2), "two quakes, two stories");
    assert_eq!(count("stories", &["--stories", "one"]), Some(1));
    assert_eq!(count("check", &["--stories", "one"]), Some(1));
    assert_eq!(count("check", &["--stories", "cluster"]), Some(2));
    let o = run(&["check", "--stories", "several", "-"]);
    assert_eq!(o.status.code(), Some(2), "an unknown mode is a usage error");
}

#[test]
fn html_is_only_for_check() {
    let seed = strings(&seeds()).remove(0);
    let o = run(&["align", "--format", "html", &seed]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let o = run(&["check", "--format", "html", "--quiet", &seed]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("<!DOCTYPE html>"));
}

#[test]
fn segment_json_gives_sentences_for_every_seed_each_equal_to_its_span() {
    let paths = seeds();
    let out = segment_json(&strings(&paths));
    let docs = out["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), paths.len());
    for (doc, path) in docs.iter().zip(&paths) {
        // Checked against the file itself, not against what the library read.
        let bytes = std::fs::read(path).expect("read seed");
        let stem = path.file_stem().expect("stem").to_string_lossy();
        assert_eq!(doc["id"], stem.as_ref());
        let dateline = bytes.starts_with(b" date ");
        if dateline {
            let date = std::str::from_utf8(&bytes[6..16]).expect("date");
            assert_eq!(doc["published"], date, "{stem}");
        } else {
            assert!(doc["published"].is_null(), "{stem}");
        }
        let sentences = doc["sentences"].as_array().expect("sentences");
        assert!(sentences.len() > 5, "{stem}: {} sentences", sentences.len());
        let mut last_end = 0;
        for s in sentences {
            let (start, end) = (
                s["start"].as_u64().expect("start") as usize,
                s["end"].as_u64().expect("end") as usize,
            );
            assert!(
                start >= last_end && start < end && end <= bytes.len(),
                "{stem}: {s}"
            );
            assert_eq!(
                s["text"].as_str().expect("text").as_bytes(),
                &bytes[start..end],
                "{stem}"
            );
            if dateline {
                assert!(
                    start >= " date 2023-03-02 ".len(),
                    "{stem}: sentence in the dateline"
                );
            }
            last_end = end;
        }
    }
}

#[test]
fn segment_output_does_not_depend_on_argument_order() {
    let mut files = strings(&seeds());
    let forward = segment_json(&files);
    files.reverse();
    assert_eq!(forward, segment_json(&files));
}

#[test]
fn segment_markdown_lists_every_document() {
    let files = strings(&seeds());
    let mut args = vec!["--quiet", "segment"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).expect("UTF-8");
    for path in seeds() {
        let stem = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        assert!(text.contains(&format!("## {stem}\n")), "{stem} missing");
    }
    assert!(text.contains("Published: 2023-03-02"));
    assert!(text.contains("\n1. "));
}

#[test]
fn stdin_is_read_as_jsonl() {
    let input = "{\"id\":\"s\",\"text\":\"First one. Second one.\",\"published\":\"2023-03-01\"}\n";
    let o = run_with_stdin(&["segment", "--format", "json", "-", "--quiet"], input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let doc = &out["documents"][0];
    assert_eq!(doc["id"], "s");
    assert_eq!(doc["published"], "2023-03-01");
    assert_eq!(doc["sentences"][0]["text"], "First one.");

    let o = run_with_stdin(&["segment", "-"], "{\"id\": \"s\"}\n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "corroborate: <stdin>:1:1: record 1 has no \"text\" field\n"
    );
}

#[test]
fn every_bad_input_exits_1_with_one_error_line_and_no_output() {
    let dir = data_dir();
    for case in cases().errors {
        let path = dir.join(&case.file).display().to_string();
        let o = run(&["segment", "--format", "json", &path]);
        assert_eq!(o.status.code(), Some(1), "{}: {}", case.file, stderr(&o));
        assert!(o.stdout.is_empty(), "{}: partial output", case.file);
        let err = stderr(&o);
        let prefix = if case.position.is_empty() {
            format!("corroborate: {path}: ")
        } else {
            format!("corroborate: {path}:{}: ", case.position)
        };
        assert!(err.starts_with(&prefix), "{}: {err}", case.file);
        assert_eq!(err.lines().count(), 1, "{}: {err}", case.file);
    }
}

#[test]
fn one_bad_file_among_good_ones_gives_no_output() {
    let mut files = strings(&seeds());
    files.push(data_dir().join("bad/nul.txt").display().to_string());
    let mut args = vec!["segment", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
}

#[test]
fn file_system_errors_and_duplicates_exit_1() {
    let dir = scratch("cli");
    std::fs::write(dir.join("x.txt"), "One.").expect("write");
    std::fs::write(dir.join("x.json"), r#"[{"id": "x", "text": "Two."}]"#).expect("write");
    let d = dir.display().to_string();
    let cases = [
        (vec![d.clone()], format!("corroborate: {d}: is a directory")),
        (
            vec![format!("{d}/missing.txt")],
            format!("corroborate: {d}/missing.txt: no such file"),
        ),
        (
            vec![format!("{d}/x.txt"), format!("{d}/x.json")],
            format!("corroborate: {d}/x.json:1:2: duplicate id \"x\", first used at {d}/x.txt"),
        ),
    ];
    for (files, want) in cases {
        let mut args = vec!["segment"];
        args.extend(files.iter().map(String::as_str));
        let o = run(&args);
        assert_eq!(o.status.code(), Some(1), "{files:?}");
        assert!(o.stdout.is_empty());
        assert!(stderr(&o).starts_with(&want), "{}", stderr(&o));
    }
}
