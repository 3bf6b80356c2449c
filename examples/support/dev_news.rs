//! What `flag_audit` and `corrupt_eval` share: reading the real development news (one
//! JSONL file of articles and a TSV of the gold event of each), running the whole
//! pipeline on one event's articles, and the stable key of a flag.
//!
//! The corpus directory is the first command-line path given, else `DEV_NEWS_DIR`, else
//! `../shared/dev-news`. It holds one `*.jsonl` file of documents and a gold file,
//! `*events.tsv` (the development news: `id<TAB>event`) or `stories.tsv` (a generated
//! corpus: `doc<TAB>story<TAB>...`), whose first two columns are a document id and its
//! gold event, after a header line.

// Each example that includes this file uses only part of it.
#![allow(dead_code)]

use corroborate::{Document, Flag, Report, Span};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The directory used when neither an argument nor `DEV_NEWS_DIR` names one.
pub const DEFAULT_DIR: &str = "../shared/dev-news";

/// The articles and the gold event of each.
pub struct DevNews {
    /// Every article, sorted by id.
    pub docs: Vec<Document>,
    /// Each event's articles, as indices into `docs`, events sorted by name.
    pub events: BTreeMap<String, Vec<usize>>,
}

impl DevNews {
    /// The gold event of each document, in the order of `docs` (`"?"` for a document
    /// the gold file does not name).
    pub fn event_of_each(&self) -> Vec<&str> {
        let mut of = vec!["?"; self.docs.len()];
        for (event, ix) in &self.events {
            for &i in ix {
                of[i] = event.as_str();
            }
        }
        of
    }

    /// The articles of `event`, cloned (the pipeline takes a slice of documents).
    pub fn event_docs(&self, event: &str) -> Vec<Document> {
        self.events
            .get(event)
            .map(|ix| ix.iter().map(|&i| self.docs[i].clone()).collect())
            .unwrap_or_default()
    }
}

/// The corpus directory: `arg`, else `DEV_NEWS_DIR`, else [`DEFAULT_DIR`].
pub fn corpus_dir(arg: Option<&str>) -> PathBuf {
    match arg {
        Some(a) => PathBuf::from(a),
        None => std::env::var_os("DEV_NEWS_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(DEFAULT_DIR)),
    }
}

/// Reads the corpus in `dir`.
pub fn load(dir: &Path) -> Result<DevNews, Box<dyn std::error::Error>> {
    let mut jsonl = None;
    let mut gold = None;
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| {
            format!(
                "{}: {e} (give the dev-news directory as an argument or in DEV_NEWS_DIR)",
                dir.display()
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        match p.extension().and_then(|x| x.to_str()) {
            Some("jsonl") if jsonl.is_none() => jsonl = Some(p),
            Some("tsv")
                if gold.is_none() && (name == "stories.tsv" || name.ends_with("events.tsv")) =>
            {
                gold = Some(std::fs::read_to_string(&p)?);
            }
            _ => {}
        }
    }
    let jsonl = jsonl.ok_or_else(|| format!("{}: no .jsonl file", dir.display()))?;
    let gold =
        gold.ok_or_else(|| format!("{}: no stories.tsv or *events.tsv file", dir.display()))?;
    let docs = corroborate::ingest::read_paths([&jsonl])?;
    let index: BTreeMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut events: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for line in gold.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let mut cols = line.split('\t');
        let (Some(id), Some(event)) = (cols.next(), cols.next()) else {
            return Err(format!("bad gold line {line:?}").into());
        };
        let i = *index
            .get(id)
            .ok_or_else(|| format!("gold names unknown article {id}"))?;
        events.entry(event.trim().to_string()).or_default().push(i);
    }
    for ix in events.values_mut() {
        ix.sort_unstable();
    }
    Ok(DevNews { docs, events })
}

/// The whole pipeline on one cluster of articles. Kept in one place because the public
/// entry point may be renamed.
///
/// With `DEV_NEWS_ONE_STORY=1` in the environment the cluster is taken as one story
/// (the stories stage does not partition it) and aligned without the alignment's story
/// filter. Without it, the cluster goes through the stories stage like any feed.
pub fn check(docs: &[Document]) -> Result<Report, corroborate::Error> {
    let mut config = corroborate::Config::default();
    if std::env::var("DEV_NEWS_ONE_STORY").is_ok_and(|v| v == "1") {
        config.align.context_min_docs = usize::MAX;
        config.stories.mode = corroborate::stories::StoryMode::One;
    }
    corroborate::Reconciler::new(config).reconcile(docs)
}

/// One evidence item's place, `doc:start-end`.
pub fn span_key(doc: &str, span: Span) -> String {
    format!("{doc}:{}-{}", span.start, span.end)
}

/// The evidence of a flag as sorted `doc:start-end` keys joined by spaces: with the kind,
/// what identifies a flag across runs.
pub fn evidence_key(flag: &Flag) -> String {
    let mut keys: Vec<(String, usize, usize)> = flag
        .evidence
        .iter()
        .map(|e| (e.doc.as_str().to_string(), e.span.start, e.span.end))
        .collect();
    keys.sort();
    keys.dedup();
    keys.iter()
        .map(|(d, s, e)| span_key(d, Span::new(*s, *e)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sentences of `doc` that overlap `span`, as one span (from the first one's start to
/// the last one's end); `span` itself when no sentence overlaps it.
pub fn sentences_around(doc: &Document, span: Span) -> Span {
    let mut out: Option<Span> = None;
    for s in corroborate::segment::sentences(doc) {
        if s.span.overlaps(span) || span.contains(s.span) {
            out = Some(match out {
                None => s.span,
                Some(o) => Span::new(o.start.min(s.span.start), o.end.max(s.span.end)),
            });
        }
    }
    let out = out.unwrap_or(span);
    Span::new(out.start.min(span.start), out.end.max(span.end))
}

/// `text[within]` with `[[` `]]` around `mark` and `{` `}` around each of `highlights`
/// (all spans into `text`); at one offset highlights close first and open last, so a
/// highlight equal to the mark nests inside it.
pub fn marked(text: &str, within: Span, mark: Span, highlights: &[Span]) -> String {
    // (offset, order at that offset, marker)
    let mut cuts: Vec<(usize, u8, &str)> = Vec::new();
    let inside = |s: Span| within.start <= s.start && s.end <= within.end && s.start <= s.end;
    if inside(mark) {
        cuts.push((mark.start, 2, "[["));
        cuts.push((mark.end, 1, "]]"));
    }
    for &h in highlights.iter().filter(|h| inside(**h)) {
        cuts.push((h.start, 3, "{"));
        cuts.push((h.end, 0, "}"));
    }
    cuts.sort();
    let mut out = String::new();
    let mut at = within.start;
    for (pos, _, m) in cuts {
        if let Some(piece) = text.get(at..pos) {
            out.push_str(piece);
            at = pos;
        }
        out.push_str(m);
    }
    out.push_str(text.get(at..within.end).unwrap_or_default());
    out.replace('\n', " ")
}
