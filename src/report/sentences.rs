//! The sentences of documents with their byte spans, as JSON and as Markdown.

use crate::model::{Document, Sentence};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct SegmentOutput<'a> {
    documents: Vec<SegmentedDocument<'a>>,
}

#[derive(Serialize)]
struct SegmentedDocument<'a> {
    id: &'a str,
    published: Option<String>,
    sentences: Vec<SentenceOut<'a>>,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Writes each document (`docs[i]` with `sentences[i]`) with its sentences as JSON:
/// `{"documents":[{"id","published","sentences":[{"start","end","text"}]}]}`.
pub fn write_sentences_json(
    docs: &[Document],
    sentences: &[Vec<Sentence>],
    out: &mut impl Write,
) -> io::Result<()> {
    let documents = docs
        .iter()
        .zip(sentences)
        .map(|(doc, sentences)| SegmentedDocument {
            id: doc.id.as_str(),
            published: doc.published.map(|d| d.to_string()),
            sentences: sentences
                .iter()
                .map(|s| SentenceOut {
                    start: s.span.start,
                    end: s.span.end,
                    text: s.span.get(&doc.text).unwrap_or(""),
                })
                .collect(),
        })
        .collect();
    super::write_json(&SegmentOutput { documents }, out)
}

/// Writes each document (`docs[i]` with `sentences[i]`) as a Markdown section listing
/// its sentences, one item each.
pub fn write_sentences_markdown(
    docs: &[Document],
    sentences: &[Vec<Sentence>],
    out: &mut impl Write,
) -> io::Result<()> {
    if docs.is_empty() {
        return writeln!(out);
    }
    for (i, (doc, sentences)) in docs.iter().zip(sentences).enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "## {}", doc.id)?;
        writeln!(out)?;
        let published = doc
            .published
            .map_or_else(|| "unknown".to_string(), |d| d.to_string());
        writeln!(
            out,
            "Published: {published} · {} sentences · {} bytes",
            sentences.len(),
            doc.text.len()
        )?;
        writeln!(out)?;
        for (n, s) in sentences.iter().enumerate() {
            // One list item per sentence: line breaks inside a sentence become spaces.
            let text = s
                .span
                .get(&doc.text)
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            writeln!(
                out,
                "{}. {text} `[{}..{})`",
                n + 1,
                s.span.start,
                s.span.end
            )?;
        }
    }
    Ok(())
}
