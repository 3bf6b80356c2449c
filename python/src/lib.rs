//! The native module of the `corroborate` Python package (`corroborate._native`).
//!
//! The Python side hands over documents as JSON Lines bytes (one record per document,
//! `{"id", "text", "published"?, "source"?}`), so they go through the crate's own
//! `ingest::parse_jsonl`: every refusal, its message and its position (the record's line)
//! are the CLI's. Each call returns the JSON text its subcommand prints with
//! `--format json`, byte for byte; the Python side turns it into Python objects.
//!
//! The GIL is released while Rust works, and a panic never crosses into Python: it is
//! caught and raised as a `RuntimeError`.

#![deny(missing_docs)]

use corroborate::stories::{self, StoriesConfig, StoryMode};
use corroborate::Error;
use corroborate::{
    ingest, reconcile, report, segment, Confidence, Config, Document, ErrorKind, Position,
    Reconciler,
};
use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use std::panic::{self, AssertUnwindSafe};

create_exception!(
    _native,
    InputError,
    PyValueError,
    "Bad input: the documents or a setting were refused, with the CLI's message and position."
);

/// A refusal of the input or of a setting, as the exception's attributes will carry it.
struct Refusal {
    /// The CLI's message: `origin:position: reason`.
    message: String,
    /// What went wrong, in snake case (`malformed_json`, `duplicate_id`, `config`, ...).
    kind: String,
    /// The input it is about (the origin given, a document id, or `config`).
    origin: String,
    /// The 1-based line (a JSON Lines record), when known.
    line: Option<usize>,
    /// The 1-based column in characters, when known.
    column: Option<usize>,
    /// The byte offset from the start of the input, when that is the position.
    byte: Option<usize>,
}

/// What went wrong inside a call, before it becomes a Python exception.
enum Failure {
    /// The input or a setting was refused (the CLI's exit code 1 or 2).
    Input(Box<Refusal>),
    /// A panic inside the library: a bug, never the caller's input.
    Panic(String),
}

impl Failure {
    /// A refused setting: `config: {message}`.
    fn config(message: String) -> Failure {
        Failure::Input(Box::new(Refusal {
            message: format!("config: {message}"),
            kind: "config".to_string(),
            origin: "config".to_string(),
            line: None,
            column: None,
            byte: None,
        }))
    }
}

/// `CamelCase` as `snake_case`.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

impl From<corroborate::Error> for Failure {
    fn from(e: corroborate::Error) -> Failure {
        let (line, column, byte) = match *e.position() {
            Position::Line { line } => (Some(line), None, None),
            Position::LineColumn { line, column } => (Some(line), Some(column), None),
            Position::Byte(b) => (None, None, Some(b)),
            _ => (None, None, None),
        };
        Failure::Input(Box::new(Refusal {
            message: e.to_string(),
            kind: snake_case(&format!("{:?}", e.kind())),
            origin: e.origin().to_string(),
            line,
            column,
            byte,
        }))
    }
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> PyErr {
        match f {
            Failure::Input(r) => Python::attach(|py| {
                let err = InputError::new_err(r.message.clone());
                let value = err.value(py);
                let set = || -> PyResult<()> {
                    value.setattr("kind", &r.kind)?;
                    value.setattr("origin", &r.origin)?;
                    value.setattr("line", r.line)?;
                    value.setattr("column", r.column)?;
                    value.setattr("byte", r.byte)?;
                    Ok(())
                };
                match set() {
                    Ok(()) => err,
                    Err(failed) => failed,
                }
            }),
            Failure::Panic(message) => {
                PyRuntimeError::new_err(format!("corroborate panicked: {message}"))
            }
        }
    }
}

/// The settings a Python caller may give, as in `config={"threads": 2, ...}`.
struct Settings {
    threads: Option<usize>,
    align_threshold: Option<f64>,
    min_confidence: Option<String>,
    stories: Option<String>,
}

impl Settings {
    /// A checked `Config` and the lowest confidence kept, or the refusal the CLI would
    /// give for the same values.
    fn build(&self) -> Result<(Config, Confidence), Failure> {
        let mut builder = Config::builder();
        if let Some(n) = self.threads {
            builder = builder.threads(n);
        }
        if let Some(t) = self.align_threshold {
            builder = builder.align_threshold(t);
        }
        let mut config = builder
            .build()
            .map_err(|e| Failure::config(e.to_string()))?;
        config.stories.mode = match self.stories.as_deref() {
            None | Some("cluster") => StoryMode::Cluster,
            Some("one") => StoryMode::One,
            Some("found") => StoryMode::Found,
            Some(other) => {
                return Err(Failure::config(format!(
                    "stories = {other}: must be one of cluster, one, found"
                )))
            }
        };
        let min = match self.min_confidence.as_deref() {
            None | Some("low") => Confidence::Low,
            Some("medium") => Confidence::Medium,
            Some("high") => Confidence::High,
            Some(other) => {
                return Err(Failure::config(format!(
                    "min_confidence = {other}: must be one of high, medium, low"
                )))
            }
        };
        Ok((config, min))
    }
}

/// Runs `work` with the GIL released and any panic caught.
fn run<T: Send>(
    py: Python<'_>,
    work: impl FnOnce() -> Result<T, Failure> + Send,
) -> Result<T, Failure> {
    py.detach(|| {
        panic::catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|payload| {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(Failure::Panic(message))
        })
    })
}

/// The documents of a JSON Lines input, sorted by id as the CLI sorts them, or the
/// CLI's refusal (`origin:line: message`).
fn documents(origin: &str, jsonl: &[u8]) -> Result<Vec<Document>, Failure> {
    let mut docs = ingest::parse_jsonl(origin, jsonl).map_err(Failure::from)?;
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

/// JSON text from one of the crate's JSON writers.
fn json_text(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> Result<String, Failure> {
    let mut out = Vec::new();
    write(&mut out).map_err(|e| Failure::Panic(format!("cannot write JSON: {e}")))?;
    String::from_utf8(out).map_err(|e| Failure::Panic(format!("JSON is not UTF-8: {e}")))
}

/// The report of `check --format json` on the documents of `jsonl`.
#[pyfunction]
#[pyo3(signature = (jsonl, origin, *, threads=None, align_threshold=None, min_confidence=None, stories=None))]
fn check_json(
    py: Python<'_>,
    jsonl: &[u8],
    origin: &str,
    threads: Option<usize>,
    align_threshold: Option<f64>,
    min_confidence: Option<String>,
    stories: Option<String>,
) -> PyResult<String> {
    let settings = Settings {
        threads,
        align_threshold,
        min_confidence,
        stories,
    };
    let text = run(py, || {
        let (config, min) = settings.build()?;
        let docs = documents(origin, jsonl)?;
        let report = Reconciler::new(config)
            .reconcile(&docs)
            .map_err(Failure::from)?;
        let report = reconcile::with_min_confidence(report, min);
        json_text(|out| report::write_json(&report, out))
    })?;
    Ok(text)
}

/// What `segment --format json` prints for the documents of `jsonl`.
#[pyfunction]
fn segment_json(py: Python<'_>, jsonl: &[u8], origin: &str) -> PyResult<String> {
    let text = run(py, || {
        let docs = documents(origin, jsonl)?;
        let sentences: Vec<_> = docs.iter().map(segment::sentences).collect();
        json_text(|out| report::write_sentences_json(&docs, &sentences, out))
    })?;
    Ok(text)
}

/// `make`'s JSON text for the documents of `jsonl`, run by a reconciler on `threads`
/// (the settings `extract` and `stories` take).
fn with_reconciler(
    py: Python<'_>,
    jsonl: &[u8],
    origin: &str,
    threads: Option<usize>,
    make: impl FnOnce(&Reconciler, &[Document]) -> Result<String, Failure> + Send,
) -> PyResult<String> {
    let settings = Settings {
        threads,
        align_threshold: None,
        min_confidence: None,
        stories: None,
    };
    let text = run(py, || {
        let (config, _) = settings.build()?;
        let docs = documents(origin, jsonl)?;
        make(&Reconciler::new(config), &docs)
    })?;
    Ok(text)
}

/// What `extract --format json` prints for the documents of `jsonl`.
#[pyfunction]
#[pyo3(signature = (jsonl, origin, *, threads=None))]
fn extract_json(
    py: Python<'_>,
    jsonl: &[u8],
    origin: &str,
    threads: Option<usize>,
) -> PyResult<String> {
    with_reconciler(py, jsonl, origin, threads, |reconciler, docs| {
        let extracted = reconciler.extract(docs).map_err(Failure::from)?;
        json_text(|out| report::write_json(&extracted, out))
    })
}

/// What `stories --format json` prints for the documents of `jsonl`: their partition
/// into stories, one per real-world happening.
#[pyfunction]
#[pyo3(signature = (jsonl, origin, *, threads=None))]
fn stories_json(
    py: Python<'_>,
    jsonl: &[u8],
    origin: &str,
    threads: Option<usize>,
) -> PyResult<String> {
    with_reconciler(py, jsonl, origin, threads, |reconciler, docs| {
        let stories = reconciler.stories(docs).map_err(Failure::from)?;
        json_text(|out| report::write_stories_json(&stories, out))
    })
}

/// The story profile of each document of `jsonl` ([`stories::profile_of`]), as JSON
/// text, in the order of the records: the map step of a run split by story.
#[pyfunction]
fn story_profiles_json(py: Python<'_>, jsonl: &[u8], origin: &str) -> PyResult<Vec<String>> {
    let profiles = run(py, || {
        let docs = ingest::parse_jsonl(origin, jsonl).map_err(Failure::from)?;
        let config = StoriesConfig::default();
        docs.iter()
            .map(|d| {
                serde_json::to_string(&stories::profile_of(d, &config))
                    .map_err(|e| Failure::Panic(format!("cannot write a story profile: {e}")))
            })
            .collect::<Result<Vec<String>, Failure>>()
    })?;
    Ok(profiles)
}

/// What `stories --format json` prints for the documents whose story profiles (JSON
/// text, one per document) are given: the profiles' clustering
/// ([`stories::cluster_profiles`]).
#[pyfunction]
#[pyo3(signature = (profiles, origin, *, threads=None))]
fn stories_of_profiles_json(
    py: Python<'_>,
    profiles: Vec<String>,
    origin: &str,
    threads: Option<usize>,
) -> PyResult<String> {
    let text = run(py, || {
        let parsed = profiles
            .iter()
            .enumerate()
            .map(|(i, text)| {
                serde_json::from_str::<stories::StoryProfile>(text).map_err(|e| {
                    Failure::from(Error::new(
                        ErrorKind::MalformedJson,
                        origin,
                        Position::Line { line: i + 1 },
                        format!("not a story profile: {e}"),
                    ))
                })
            })
            .collect::<Result<Vec<_>, Failure>>()?;
        let config = StoriesConfig::default();
        let found = stories::cluster_profiles(&parsed, &config, threads.unwrap_or(0))
            .map_err(Failure::from)?;
        json_text(|out| report::write_stories_json(&found, out))
    })?;
    Ok(text)
}

/// The module `corroborate._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("InputError", m.py().get_type::<InputError>())?;
    m.add_function(wrap_pyfunction!(check_json, m)?)?;
    m.add_function(wrap_pyfunction!(segment_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(stories_json, m)?)?;
    m.add_function(wrap_pyfunction!(story_profiles_json, m)?)?;
    m.add_function(wrap_pyfunction!(stories_of_profiles_json, m)?)?;
    Ok(())
}
