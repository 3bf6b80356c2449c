//! Why a quotation missed its speaker: the families of misses.

use crate::corpus::{overlap_all, Article};
use crate::reference::{is_pronoun, GoldQuote, GoldSpeaker};
use crate::PredictedQuote;
use std::ops::Range;

/// The families of misses.
pub(crate) const FAMILIES: [&str; 5] = [
    "1 partial quotation inside reported speech",
    "2 quotation continuing a speaker",
    "3 pronoun or description",
    "4 quotation marks that are not speech",
    "5 other",
];

/// The paragraph (line) around byte `at`.
pub(crate) fn paragraph(text: &str, at: usize) -> Range<usize> {
    let a = text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let b = text[at..].find('\n').map(|i| at + i).unwrap_or(text.len());
    a..b
}

/// Why a gold quotation with a source did not get its speaker: its family (0-based
/// index into [`FAMILIES`]) and a finer reason.
pub(crate) fn classify_gold_miss(
    article: &Article,
    quotes: &[GoldQuote],
    gi: usize,
    p: Option<&PredictedQuote>,
) -> (usize, String) {
    let text = &article.text;
    let g = &quotes[gi];
    let att = &article.attributions[g.attribution];
    let para = paragraph(text, g.span.start);
    let before = text[para.start..g.span.start].trim_end_matches(['“', '"', '\'', ' ']);
    let Some(p) = p else {
        return if before.len() + 2 <= text[para.start..g.span.start].len()
            && text[..g.span.start].trim_end().ends_with("''")
        {
            (4, "quote not found: written with '' marks".to_string())
        } else {
            (4, "quote not found: other".to_string())
        };
    };
    let refers = matches!(g.speaker, Some(GoldSpeaker::Refers { .. }));
    let found_mention = p
        .speaker_span
        .as_ref()
        .is_some_and(|s| overlap_all(s, &att.source) > 0);
    if found_mention {
        let source: Vec<&str> = att.source.iter().map(|r| &text[r.clone()]).collect();
        let kind = if is_pronoun(&source.join(" ")) {
            "pronoun"
        } else {
            "description"
        };
        let got = if p.actor.is_some() {
            "another actor"
        } else {
            "no actor"
        };
        return if refers {
            (2, format!("{kind} found, resolved to {got}"))
        } else {
            (
                4,
                "the source's name found, resolved to another actor".to_string(),
            )
        };
    }
    let how = match (
        p.actor.is_some() || p.speaker_span.is_some(),
        p.cue.is_some(),
    ) {
        (true, _) => "another speaker",
        (false, true) => "no speaker (a cue found)",
        (false, false) => "no speaker (no cue found)",
    };
    // Continuation: the attribution's cue stands in an earlier paragraph, or before an
    // earlier sentence (the quote opens a sentence of its own after the cue).
    let anchor = att.cue.first().or(att.source.first());
    if anchor.is_some_and(|c| c.end <= para.start) {
        return (1, format!("next paragraph, {how}"));
    }
    let opens_sentence = before.ends_with(['.', '?', '!', '”', '"', '\'']) || before.is_empty();
    if anchor.is_some_and(|c| c.end <= g.span.start) && opens_sentence {
        return (1, format!("later sentence, {how}"));
    }
    // Partial: the quote is a fragment of the clause around it ("called the bill “a
    // disgrace”", "the mayor's “war on potholes” pledge"), not a sentence of its own.
    let inner = &text[g.span.clone()];
    let sentence_like = inner.chars().next().is_some_and(char::is_uppercase)
        && inner.ends_with(['.', '?', '!', ',', '…', '-', '—']);
    let prev_word = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .next()
        .unwrap_or("");
    let cue_words: Vec<&str> = att
        .cue
        .iter()
        .flat_map(|r| text[r.clone()].split_whitespace())
        .collect();
    let after = text[g.span.end..para.end].trim_start_matches(['”', '"', '\'', ' ']);
    let word_before = before.chars().last().is_some_and(char::is_alphanumeric)
        && !cue_words.contains(&prev_word)
        && !matches!(
            prev_word,
            "that" | "saying" | "added" | "said" | "says" | "asked" | "wrote"
        );
    let word_after = !inner.ends_with(['.', '?', '!', ',', '…'])
        && after.chars().next().is_some_and(char::is_lowercase);
    if !sentence_like && (word_before || word_after) {
        return (0, how.to_string());
    }
    if refers {
        return (2, how.to_string());
    }
    (4, format!("named source, {how}"))
}
