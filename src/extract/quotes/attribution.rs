//! Who says each direct quotation: the cue right after it (`,” X said`), the nearest
//! reporting verb before it, a source in its frame, any later cue in its frame; else
//! `X: “...”`, a cue closing the previous paragraph with a colon, or, for a quote
//! standing alone, the previous quote's speaker.

use super::frame::Frame;
use super::speaker::Cues;
use super::LocalQuote;
use crate::extract::actors::lexicon::CueKind;
use crate::extract::marks::Marked;
use crate::model::{QuoteKind, Span};

/// How many tokens after a quotation its cue may start and still be its attribution
/// (`,” the Chinese foreign ministry spokesman said`).
const CUE_AFTER_QUOTE_TOKENS: usize = 14;
/// How many sentence frames after the previous quotation a quote standing alone may
/// come and still continue its speaker.
const CONTINUATION_UNITS: usize = 2;

/// Who a quote is attributed to, carried over to a following quote.
#[derive(Clone, Copy, Debug, Default)]
struct Attribution {
    speaker: Option<usize>,
    speaker_span: Option<Span>,
    cue: Option<Span>,
}

impl Attribution {
    fn is_known(&self) -> bool {
        self.speaker.is_some() || self.speaker_span.is_some()
    }
}

impl Cues {
    /// The attribution cue `k` gives.
    fn attribution(&self, f: &Frame, k: usize) -> Attribution {
        let c = self.cues[k];
        Attribution {
            speaker: self.speaker[k],
            speaker_span: self.np[k].map(|np| f.span(np.first, np.last)),
            cue: Some(f.span(c.a, c.b)),
        }
    }

    /// The cue attributing the quotation on tokens `qa..=qb` in unit `qu`.
    fn for_quote(&self, qa: usize, qb: usize, qu: usize, f: &Frame) -> Option<usize> {
        let cues = &self.cues;
        let has_np = |k: usize| self.np[k].is_some();
        let sourced = |k: usize| cues[k].kind == CueKind::Source;
        // Cues are in text order, so those of one unit are a run.
        let in_unit = cues.partition_point(|c| c.unit < qu)..cues.partition_point(|c| c.unit <= qu);
        // a. right after the quote: `,” X said` / `,” said X`.
        if let Some(k) = in_unit.clone().find(|&k| cues[k].a > qb) {
            let c = cues[k];
            let between_quote = (qb + 1..c.a).any(|j| f.in_quote[j].is_some());
            if !between_quote && c.a - qb <= CUE_AFTER_QUOTE_TOKENS && has_np(k) && !sourced(k) {
                return Some(k);
            }
        }
        // b. the nearest reporting verb before the quote, then a source anywhere.
        in_unit
            .clone()
            .rev()
            .find(|&k| cues[k].b < qa && has_np(k) && !sourced(k))
            .or_else(|| in_unit.clone().find(|&k| has_np(k) && sourced(k)))
            // c. any later cue in the frame.
            .or_else(|| in_unit.clone().find(|&k| cues[k].a > qb && has_np(k)))
    }
}

/// The direct quotations of `marks`, in text order, with their speakers.
pub(super) fn direct(f: &Frame, marks: &[Marked], cues: &Cues) -> Vec<LocalQuote> {
    let n = f.toks.len();
    let mut out = Vec::with_capacity(marks.len());
    // The previous direct quote: its unit and attribution.
    let mut last: Option<(usize, Attribution)> = None;
    for m in marks {
        let qa = f.toks.at_or_after(m.open.start);
        let qb = f.toks.at_or_after(m.end()).saturating_sub(1);
        if qa >= n {
            continue;
        }
        let qu = f.unit[qa];
        let who = match cues.for_quote(qa, qb, qu, f) {
            Some(k) => cues.attribution(f, k),
            None => unattributed(f, cues, qa, qu, last),
        };
        last = Some((qu, who));
        out.push(LocalQuote {
            span: m.content,
            kind: QuoteKind::Direct,
            speaker: who.speaker,
            speaker_span: who.speaker_span,
            cue: who.cue,
        });
    }
    out
}

/// The attribution of a quote starting at token `qa` in unit `qu` that no cue of its
/// frame gives: `X: “...”`, a cue closing the previous paragraph with a colon, or the
/// previous quote's (`last`) for a quote standing alone.
fn unattributed(
    f: &Frame,
    cues: &Cues,
    qa: usize,
    qu: usize,
    last: Option<(usize, Attribution)>,
) -> Attribution {
    let toks = f.toks;
    // `X: “...”`
    if qa >= 2 && toks.is_punct(qa - 1, ':') {
        if let Some(mi) = f.by_end.get(&(qa - 2)) {
            return Attribution {
                speaker: Some(mi),
                speaker_span: Some(f.mentions[mi].span),
                cue: None,
            };
        }
    }
    // A quote standing alone continues the previous speaker.
    let alone = (f.unit_first[qu]..toks.len())
        .take_while(|&j| f.unit[j] == qu)
        .all(|j| f.in_quote[j].is_some() || !toks.is_word(j));
    // `X said:` closing the previous paragraph introduces this quote.
    let introduced = (alone && qa > 0 && f.frame(qa - 1) && toks.is_punct(qa - 1, ':'))
        .then(|| {
            cues.cues
                .iter()
                .enumerate()
                .rev()
                .find(|(k, c)| c.unit == f.unit[qa - 1] && cues.np[*k].is_some())
                .map(|(k, _)| k)
        })
        .flatten();
    if let Some(k) = introduced {
        return cues.attribution(f, k);
    }
    match last {
        Some((pu, prev)) if alone && qu <= pu + CONTINUATION_UNITS && prev.is_known() => prev,
        _ => Attribution::default(),
    }
}
