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

use corroborate::{ingest, reconcile, report, segment, Confidence, Config, Document, Reconciler};
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

/// What went wrong inside a call, before it becomes a Python exception.
enum Failure {
    /// The input or a setting was refused (the CLI's exit code 1 or 2).
    Input(String),
    /// A panic inside the library: a bug, never the caller's input.
    Panic(String),
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> PyErr {
        match f {
            Failure::Input(message) => InputError::new_err(message),
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
        let config = builder
            .build()
            .map_err(|e| Failure::Input(format!("config: {e}")))?;
        let min = match self.min_confidence.as_deref() {
            None | Some("low") => Confidence::Low,
            Some("medium") => Confidence::Medium,
            Some("high") => Confidence::High,
            Some(other) => {
                return Err(Failure::Input(format!(
                    "config: min_confidence = {other}: must be one of high, medium, low"
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
    let mut docs = ingest::parse_jsonl(origin, jsonl).map_err(|e| Failure::Input(e.to_string()))?;
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
#[pyo3(signature = (jsonl, origin, *, threads=None, align_threshold=None, min_confidence=None))]
fn check_json(
    py: Python<'_>,
    jsonl: &[u8],
    origin: &str,
    threads: Option<usize>,
    align_threshold: Option<f64>,
    min_confidence: Option<String>,
) -> PyResult<String> {
    let settings = Settings {
        threads,
        align_threshold,
        min_confidence,
    };
    let text = run(py, || {
        let (config, min) = settings.build()?;
        let docs = documents(origin, jsonl)?;
        let report = Reconciler::new(config)
            .reconcile(&docs)
            .map_err(|e| Failure::Input(e.to_string()))?;
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
        let extracted = reconciler
            .extract(docs)
            .map_err(|e| Failure::Input(e.to_string()))?;
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
        let stories = reconciler
            .stories(docs)
            .map_err(|e| Failure::Input(e.to_string()))?;
        let list = json_text(|out| report::write_json(&stories, out))?;
        Ok(format!("{{\"stories\": {list}}}"))
    })
}

/// The module `corroborate._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("InputError", m.py().get_type::<InputError>())?;
    m.add_function(wrap_pyfunction!(check_json, m)?)?;
    m.add_function(wrap_pyfunction!(segment_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(stories_json, m)?)?;
    Ok(())
}
