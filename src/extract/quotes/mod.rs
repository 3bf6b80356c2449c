//! Quotations in one document and who says them.
//!
//! Two passes. First the quotation marks are paired over the whole body text, with
//! paragraph awareness and without trusting the sentence segmenter: straight, curly,
//! single and guillemet marks, nested quotes, quotes that continue into the next
//! paragraph (the paragraph-continuation convention: the next paragraph re-opens the
//! quote), and unbalanced marks, recovered at the end of the sentence (for a quote
//! opened mid-sentence) or of the paragraph, so a stray mark never swallows the rest of
//! the article. Apostrophes (`China’s`, `they’d`) are not marks.
//!
//! Then each quote gets its speaker from reporting cues (a lexicon of 100+ verbs and
//! phrases) in the same sentence frame, outside any quotation: `X said "..."`,
//! `"...," X said`, `"...," said X`, `according to X`, `X was quoted as saying`,
//! `quoted X as saying`; pronouns and descriptions resolve to the most salient
//! compatible mention before them; a quote standing alone continues the previous
//! speaker. Reported speech around a cue (`X said that ...`, `X urged all parties to
//! ...`, `according to X, ...`) becomes an indirect quote. When the text does not say
//! who speaks, the speaker is `None`.
//!
//! ```
//! use corroborate::{extract::{actors, quotes}, segment, Document, QuoteKind};
//! let doc = Document::new("a", "“We agree,” Mr Xi said. “Peace matters.”");
//! let s = segment::sentences(&doc);
//! let m = actors::mentions(&doc, &s);
//! let q = quotes::quotes(&doc, &s, &m);
//! assert_eq!(q.len(), 2);
//! assert_eq!(q[0].span.slice(&doc.text), "We agree");
//! assert_eq!(m[q[0].speaker.unwrap()].text(&doc.text), "Mr Xi");
//! assert_eq!(q[1].speaker, q[0].speaker);
//! assert_eq!(q[1].kind, QuoteKind::Direct);
//! ```

mod attribution;
mod clause_opening;
mod cues;
mod family;
mod frame;
mod indirect;
mod salient;
mod speaker;
mod words;

use crate::extract::actors::LocalMention;
use crate::extract::marks::{self, Marked};
use crate::model::{Document, QuoteKind, Sentence, Span};
use crate::text::Tokens;
use frame::Frame;
use serde::{Deserialize, Serialize};

/// A quotation in one document, with its speaker as a reference to a local mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalQuote {
    /// The quoted words without the marks (direct), or the reported content (indirect).
    pub span: Span,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// Index of the speaker's mention in the document's mentions, when known.
    pub speaker: Option<usize>,
    /// The words that name the speaker here ("he", "the ministry", "US officials").
    pub speaker_span: Option<Span>,
    /// The reporting cue's words ("said", "according to", "was quoted as saying").
    pub cue: Option<Span>,
}

/// The quotations of `doc`, direct and indirect, in text order. `mentions` are the
/// document's mentions from [`crate::extract::actors::mentions`]; speakers refer to
/// them by index. `sentences` are accepted for symmetry with the other stages; the
/// sentence frames used here are recomputed from punctuation outside the quotes, so
/// that a sentence break inside a quotation does not cut its attribution off.
pub fn quotes(
    doc: &Document,
    sentences: &[Sentence],
    mentions: &[LocalMention],
) -> Vec<LocalQuote> {
    let _ = sentences;
    let body = doc.body();
    let marks = marks::scan(&doc.text, body.start);
    let toks = Tokens::new(&doc.text, body.start);
    quotes_in(doc, mentions, &toks, &marks)
}

/// [`quotes`] over tokens and quotation marks already found.
pub(crate) fn quotes_in(
    doc: &Document,
    mentions: &[LocalMention],
    toks: &Tokens,
    marks: &[Marked],
) -> Vec<LocalQuote> {
    let f = Frame::new(&doc.text, toks, marks, mentions);
    let cues = speaker::cue_speakers(&f, cues::find(&f));
    let reported = indirect::quotes(&f, marks, &cues);
    let (mut out, not_speech) = attribution::direct(&f, marks, &cues, &reported);
    inside_reported_speech(&doc.text, &mut out, &reported);
    speaker::fragment_speakers(&f, &mut out);
    for i in not_speech {
        out[i].speaker = None;
        out[i].speaker_span = None;
        out[i].cue = None;
    }
    out.extend(reported);
    indirect::drop_nested(&mut out);
    out.sort_by_key(|q| (q.span.start, q.span.end, q.kind == QuoteKind::Indirect));
    out.dedup_by_key(|q| (q.span, q.kind));
    out
}

/// How many reported contents starting before a quotation are looked at for one that
/// holds it (contents nest a few deep at most).
const HOLDERS_LOOKED_AT: usize = 8;

/// A direct quotation inside reported speech ("the senator said the bill was “a
/// disgrace” and ...") is the reporter's speaker's words: it takes the attribution of
/// the indirect quote holding it when it has none, or when it is a fragment (it starts
/// in lower case) whose cue was found elsewhere in its sentence.
fn inside_reported_speech(text: &str, direct: &mut [LocalQuote], reported: &[LocalQuote]) {
    let mut holders: Vec<&LocalQuote> = reported
        .iter()
        .filter(|q| q.speaker.is_some() && q.kind == QuoteKind::Indirect)
        .collect();
    holders.sort_by_key(|q| q.span.start);
    // Sweeping both in text order: of the reported contents starting at or before the
    // quote, the innermost (latest starting) one that reaches past it holds it.
    let mut k = 0;
    for q in direct.iter_mut() {
        while k < holders.len() && holders[k].span.start <= q.span.start {
            k += 1;
        }
        let Some(h) = holders[..k]
            .iter()
            .rev()
            .take(HOLDERS_LOOKED_AT)
            .find(|h| q.span.end <= h.span.end)
        else {
            continue;
        };
        let fragment = q
            .span
            .slice(text)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if q.speaker.is_none() && q.speaker_span.is_none() || fragment && q.speaker != h.speaker {
            q.speaker = h.speaker;
            q.speaker_span = h.speaker_span;
            q.cue = h.cue;
        }
    }
}
