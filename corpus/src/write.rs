//! Writing a corpus to a directory in the layout of the benchmark tools:
//! `documents.jsonl`, `sentences.tsv`, `gold_pairs.tsv`, `conflicts.tsv`, `stories.tsv`
//! and `meta.json`.

use crate::corpus::Corpus;
use crate::params::Layout;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Version of the corpus model; bumped whenever the same parameters give other bytes.
pub const GENERATOR_VERSION: u32 = 1;

/// Bytes buffered per output file.
const BUFFER: usize = 1 << 20;

fn create(dir: &Path, name: &str) -> io::Result<BufWriter<File>> {
    Ok(BufWriter::with_capacity(
        BUFFER,
        File::create(dir.join(name))?,
    ))
}

fn json_string(s: &str) -> io::Result<String> {
    serde_json::to_string(s).map_err(io::Error::other)
}

impl Corpus {
    /// Writes every file into `dir`, creating it if needed.
    pub fn write(&self, dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)?;
        self.write_documents(dir)?;
        self.write_sentences(dir)?;
        let mut f = create(dir, "gold_pairs.tsv")?;
        writeln!(f, "sid_a\tsid_b")?;
        for (a, b) in &self.gold_pairs {
            writeln!(f, "{a}\t{b}")?;
        }
        f.flush()?;
        let mut f = create(dir, "conflicts.tsv")?;
        writeln!(f, "sid\tcluster\tkind")?;
        for c in &self.conflicts {
            let cluster = self.sentences[c.sentence as usize]
                .cluster
                .map(|c| c.to_string())
                .unwrap_or_else(|| "-".to_string());
            writeln!(f, "{}\t{cluster}\t{}", c.sentence, c.change.as_str())?;
        }
        f.flush()?;
        let mut f = create(dir, "stories.tsv")?;
        writeln!(f, "doc\tstory\tkind\ttwin_of")?;
        for d in &self.documents {
            let info = &self.stories[d.story as usize];
            let twin = info
                .twin_of
                .map(|t| format!("e{t}"))
                .unwrap_or_else(|| "-".to_string());
            writeln!(f, "{}\te{}\t{}\t{twin}", d.id, d.story, info.kind)?;
        }
        f.flush()?;
        let meta = serde_json::to_string_pretty(&self.meta()).map_err(io::Error::other)?;
        std::fs::write(dir.join("meta.json"), meta + "\n")
    }

    fn write_documents(&self, dir: &Path) -> io::Result<()> {
        let mut f = create(dir, "documents.jsonl")?;
        for d in &self.documents {
            write!(
                f,
                "{{\"id\": {}, \"source\": {}",
                json_string(&d.id)?,
                json_string(&d.source)?
            )?;
            if let Some(day) = d.published {
                write!(f, ", \"published\": \"{}\"", day.iso())?;
            }
            writeln!(f, ", \"text\": {}}}", json_string(&d.text)?)?;
        }
        f.flush()
    }

    fn write_sentences(&self, dir: &Path) -> io::Result<()> {
        let mut f = create(dir, "sentences.tsv")?;
        writeln!(f, "sid\tdoc\tstart\tend\tcluster")?;
        for (sid, s) in self.sentences.iter().enumerate() {
            let doc = &self.documents[s.doc as usize].id;
            match s.cluster {
                Some(c) => writeln!(f, "{sid}\t{doc}\t{}\t{}\t{c}", s.start, s.end)?,
                None => writeln!(f, "{sid}\t{doc}\t{}\t{}\t-", s.start, s.end)?,
            }
        }
        f.flush()
    }

    /// The parameters and counts written to `meta.json`.
    pub fn meta(&self) -> serde_json::Value {
        let p = &self.params;
        let mut meta = serde_json::json!({
            "generator": "corroborate-corpus",
            "version": GENERATOR_VERSION,
            "seed": p.seed(),
            "sources": p.sources(),
            "sentences_per_event": p.sentences_per_event(),
            "carry": p.carry(),
            "filler": p.filler(),
            "synonym_rate": p.synonym_rate(),
            "keep_modifier": p.keep_modifier(),
            "conflict_rate": p.conflict_rate(),
            "documents": self.documents.len(),
            "sentences": self.sentences.len(),
            "filler_sentences": self.sentences.iter().filter(|s| s.cluster.is_none()).count(),
            "gold_pairs": self.gold_pairs.len(),
            "conflicting_renderings": self.conflicts.len(),
            "source_names": self.sources,
        });
        match p.layout() {
            Layout::Events { events } => {
                meta["layout"] = "events".into();
                meta["events"] = events.into();
            }
            Layout::Stories {
                stories,
                coverage,
                days,
                twin_rate,
                undated,
            } => {
                meta["layout"] = "stories".into();
                meta["stories"] = stories.into();
                meta["coverage"] = coverage.into();
                meta["days"] = days.into();
                meta["twin_rate"] = twin_rate.into();
                meta["undated"] = undated.into();
                meta["twins"] = self
                    .stories
                    .iter()
                    .filter(|s| s.twin_of.is_some())
                    .count()
                    .into();
                meta["undated_documents"] = self
                    .documents
                    .iter()
                    .filter(|d| d.published.is_none())
                    .count()
                    .into();
            }
        }
        meta
    }
}
