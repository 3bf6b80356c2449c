//! Sentences as shingles: each sentence's words outside quotation marks, folded, cut
//! into overlapping runs of [`SHINGLE_WORDS`] words, each run hashed. Two sentences
//! that share most of their shingles are near-verbatim copies; words inside quotation
//! marks never count, so two outlets quoting one statement are not copies of each other.

use crate::extract::marks;
use crate::model::{Document, Sentence, Span};

/// Words per shingle: three keep a one-word edit from hiding a sentence (each word
/// spoils at most three shingles) while common pairs of words do not match alone.
pub(super) const SHINGLE_WORDS: usize = 3;

/// Fewest words outside quotation marks a sentence needs to take part: shorter ones
/// ("He declined.", "All rights reserved.") are too common to show copying; runs pass
/// over them.
pub(super) const MIN_SENTENCE_WORDS: usize = 5;

/// One sentence that takes part in copy detection.
#[derive(Clone, Debug)]
pub(super) struct ShingledSentence {
    /// The sentence's bytes in its document.
    pub span: Span,
    /// Its words outside quotation marks.
    pub words: usize,
    /// The hashes of its shingles, sorted, without repeats.
    pub shingles: Vec<u64>,
}

/// A document's sentences that take part, in text order (short sentences left out,
/// so consecutive entries are consecutive sentences as far as copying is concerned).
#[derive(Clone, Debug, Default)]
pub(super) struct DocShingles {
    /// The sentences.
    pub sentences: Vec<ShingledSentence>,
    /// Every shingle of the document with the position of its sentence, sorted: the
    /// index a pair's verification searches, made once per document.
    pub postings: Vec<(u64, u32)>,
}

/// The shingles of `doc`, given its sentences.
pub(super) fn shingle(doc: &Document, sentences: &[Sentence]) -> DocShingles {
    let body = doc.body();
    let quoted = marks::scan(&doc.text, body.start);
    let mut out = DocShingles::default();
    let mut words: Vec<u64> = Vec::new();
    for s in sentences {
        let Some(text) = doc.text.get(s.span.start..s.span.end) else {
            continue;
        };
        words.clear();
        for (at, word) in word_spans(text) {
            let span = Span::new(s.span.start + at, s.span.start + at + word.len());
            if !marks::inside_any(&quoted, span) {
                words.push(word_hash(word));
            }
        }
        if words.len() < MIN_SENTENCE_WORDS {
            continue;
        }
        let mut shingles: Vec<u64> = words
            .windows(SHINGLE_WORDS)
            .map(|w| w.iter().fold(FNV_OFFSET, |h, &x| mix(h, x)))
            .collect();
        shingles.sort_unstable();
        shingles.dedup();
        out.sentences.push(ShingledSentence {
            span: s.span,
            words: words.len(),
            shingles,
        });
    }
    out.postings = out
        .sentences
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.shingles.iter().map(move |&h| (h, i as u32)))
        .collect();
    out.postings.sort_unstable();
    out
}

/// The words of `text` with their offsets: runs of letters and digits (an apostrophe
/// or hyphen between two of them stays inside the word).
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() {
                chars.next();
                continue;
            }
            let joins = matches!(c, '\'' | '’' | '-')
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if joins {
                chars.next();
                continue;
            }
            end = i;
            break;
        }
        Some((start, &text[start..end]))
    })
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// An odd constant with well-mixed bits (the 64-bit golden ratio) for combining the
/// word hashes of a shingle.
const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

fn mix(h: u64, x: u64) -> u64 {
    // fixed, so hashes and output never vary by run
    (h.rotate_left(23) ^ x).wrapping_mul(MIX)
}

/// The hash of a word with case and apostrophe style folded (FNV-1a over the folded
/// bytes; ASCII words, nearly all of them, without decoding characters).
fn word_hash(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    if word.is_ascii() {
        for &b in word.as_bytes() {
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
        }
        return h;
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        let c = if c == '’' { '\'' } else { c };
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let w: Vec<&str> = word_spans("It's a 12-point lead, O’Neil said.")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["It's", "a", "12-point", "lead", "O’Neil", "said"]);
    }

    #[test]
    fn quoted_words_do_not_count() {
        let doc = Document::new(
            "a",
            "\"We will rebuild every home and every school,\" the mayor said.",
        );
        let s = crate::segment::sentences(&doc);
        assert!(shingle(&doc, &s).sentences.is_empty());
        let doc = Document::new("b", "The mayor said the city would rebuild every home.");
        let s = crate::segment::sentences(&doc);
        let found = shingle(&doc, &s);
        assert_eq!(found.sentences.len(), 1);
        assert_eq!(found.sentences[0].words, 9);
    }

    #[test]
    fn case_does_not_change_a_shingle() {
        let a = Document::new("a", "The Council Approved The Plan On Monday.");
        let b = Document::new("b", "the council approved the plan on monday.");
        let sa = shingle(&a, &crate::segment::sentences(&a));
        let sb = shingle(&b, &crate::segment::sentences(&b));
        assert_eq!(sa.sentences[0].shingles, sb.sentences[0].shingles);
    }
}
