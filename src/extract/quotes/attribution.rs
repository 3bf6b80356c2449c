//! Who says each direct quotation: the cue right after it (`,” X said`), the nearest
//! reporting verb before it, a source in its frame, any later cue in its frame; else
//! `X: “...”`, a cue or a clause closing the previous paragraph with a colon (its
//! subject speaks), or, for a quote standing alone, the previous quote's speaker.

use super::frame::Frame;
use super::speaker::{ClauseSubjects, Cues};
use super::words::word_lists;
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

/// The cues of a document arranged for the questions attribution asks of one
/// quotation's sentence frame, each answered without walking the frame's cues.
struct CueIndex<'c> {
    cues: &'c Cues,
    /// For each cue, the latest cue at or before it that is a reporting verb (not a
    /// source) with a speaker phrase.
    prev_verb: Vec<Option<usize>>,
    /// For each cue, the latest cue at or before it with a speaker phrase.
    prev_np: Vec<Option<usize>>,
    /// For each cue, the first source cue at or after it with a speaker phrase.
    next_source: Vec<Option<usize>>,
    /// For each cue, the first cue at or after it with a speaker phrase.
    next_np: Vec<Option<usize>>,
}

impl<'c> CueIndex<'c> {
    fn new(cues: &'c Cues) -> CueIndex<'c> {
        let n = cues.cues.len();
        let has_np = |k: usize| cues.np[k].is_some();
        let sourced = |k: usize| cues.cues[k].kind == CueKind::Source;
        let running = |keep: &dyn Fn(usize) -> bool, ks: &mut dyn Iterator<Item = usize>| {
            let mut out = vec![None; n];
            let mut last = None;
            for k in ks {
                if keep(k) {
                    last = Some(k);
                }
                out[k] = last;
            }
            out
        };
        CueIndex {
            cues,
            prev_verb: running(&|k| has_np(k) && !sourced(k), &mut (0..n)),
            prev_np: running(&|k| has_np(k), &mut (0..n)),
            next_source: running(&|k| has_np(k) && sourced(k), &mut (0..n).rev()),
            next_np: running(&|k| has_np(k), &mut (0..n).rev()),
        }
    }

    /// The cues of sentence frame `u`: cues are in text order, so they are a run.
    fn in_unit(&self, u: usize) -> std::ops::Range<usize> {
        let cues = &self.cues.cues;
        cues.partition_point(|c| c.unit < u)..cues.partition_point(|c| c.unit <= u)
    }

    /// The attribution cue `k` gives.
    fn attribution(&self, f: &Frame, k: usize) -> Attribution {
        let c = self.cues.cues[k];
        Attribution {
            speaker: self.cues.speaker[k],
            speaker_span: self.cues.np[k].map(|np| f.span(np.first, np.last)),
            cue: Some(f.span(c.a, c.b)),
        }
    }

    /// The cue attributing the quotation on tokens `qa..=qb` in unit `qu`.
    fn for_quote(&self, qa: usize, qb: usize, qu: usize, f: &Frame) -> Option<usize> {
        let cues = &self.cues.cues;
        let unit = self.in_unit(qu);
        let within = |k: Option<usize>| k.filter(|k| unit.contains(k));
        // The first cue of the unit after the quote, and the first ending before it
        // starts (cues do not overlap, so both ends are in order).
        let after = unit.start + cues[unit.clone()].partition_point(|c| c.a <= qb);
        let before_end = unit.start + cues[unit.clone()].partition_point(|c| c.b < qa);
        // a. right after the quote: `,” X said` / `,” said X`.
        if after < unit.end {
            let c = cues[after];
            let near = c.a - qb <= CUE_AFTER_QUOTE_TOKENS;
            // `,” and Ana Ruiz, who says ...`, `,” but he also noted`, `», a déclaré X,
            // who added`: another clause with its own speech.
            let conjunction = (qb + 1..c.a)
                .find(|&j| f.toks.is_alnum(j))
                .is_some_and(|j| {
                    matches!(f.lo(j), "and" | "but" | "while" | "whereas" | "although")
                })
                || self.relative(f, after);
            if near
                && !conjunction
                && !(qb + 1..c.a).any(|j| f.in_quote[j].is_some())
                && self.cues.np[after].is_some()
                && c.kind != CueKind::Source
            {
                return Some(after);
            }
        }
        // b. the nearest reporting verb before the quote, then a source anywhere.
        before_end
            .checked_sub(1)
            .and_then(|k| within(self.prev_verb[k]))
            .or_else(|| within(self.next_source.get(unit.start).copied().flatten()))
            // c. any later cue in the frame, but for the cue of a relative clause
            // (", who added"): that one reports speech of its own.
            .or_else(|| {
                within(self.next_np.get(after).copied().flatten()).filter(|&k| !self.relative(f, k))
            })
    }

    /// Whether cue `k` is the verb of a relative clause on its speaker ("X, who
    /// added", "X, who has also said"), not of a clause of which X is the subject ("X,
    /// who herds camels, told").
    fn relative(&self, f: &Frame, k: usize) -> bool {
        let a = self.cues.cues[k].a;
        self.cues.np[k].is_some_and(|np| {
            let who = np.last + 2;
            who < a
                && f.lo(who) == "who"
                && (who + 1..a).all(|j| word_lists().skip_between.contains(f.lo(j)))
        })
    }

    /// The last cue of unit `u` with a speaker phrase.
    fn last_in_unit(&self, u: usize) -> Option<usize> {
        let unit = self.in_unit(u);
        unit.end
            .checked_sub(1)
            .and_then(|k| self.prev_np[k])
            .filter(|k| unit.contains(k))
    }
}

/// Reported speech as a quotation standing alone after it may continue it.
#[derive(Clone, Copy)]
struct Reported {
    /// Where its content ends.
    end: usize,
    /// The sentence frame of its reporting cue.
    cue_unit: usize,
    /// The sentence frame its content ends in.
    last_unit: usize,
    who: Attribution,
}

/// The reported speech of a document (its indirect quotes) with a reporting cue, in
/// the order its contents end.
fn reported_speakers(f: &Frame, reported: &[LocalQuote]) -> Vec<Reported> {
    let mut out: Vec<Reported> = reported
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .filter_map(|q| {
            let last_tok = f.toks.at_or_after(q.span.end).checked_sub(1)?;
            let cue_tok = f.toks.at_or_after(q.cue?.start);
            Some(Reported {
                end: q.span.end,
                cue_unit: *f.unit.get(cue_tok)?,
                last_unit: *f.unit.get(last_tok)?,
                who: Attribution {
                    speaker: q.speaker,
                    speaker_span: q.speaker_span,
                    cue: q.cue,
                },
            })
        })
        .collect();
    out.sort_by_key(|r| r.end);
    out
}

/// The direct quotations of `marks`, in text order, with their speakers. `reported`
/// are the document's indirect quotes: a quotation standing alone after reported
/// speech continues the speaker of that speech when it came after the previous direct
/// quotation ("Carter said the region mattered most. ¶ “That is because ...”"), and
/// reported speech of someone else ends the previous quotation's continuation.
/// Also returns the indices of the quotations that are titles of works, not speech
/// ([`is_title`]): they keep no speaker.
pub(super) fn direct(
    f: &Frame,
    marks: &[Marked],
    cues: &Cues,
    reported: &[LocalQuote],
) -> (Vec<LocalQuote>, Vec<usize>) {
    let cues = CueIndex::new(cues);
    let n = f.toks.len();
    let mut out = Vec::with_capacity(marks.len());
    let mut not_speech = Vec::new();
    let reported = reported_speakers(f, reported);
    let mut next_reported = 0;
    // The previous direct quote: its unit and attribution.
    let mut last_direct: Option<(usize, Attribution)> = None;
    // The latest reported speech ending before the quote at hand.
    let mut last_reported: Option<Reported> = None;
    let mut subjects = ClauseSubjects::default();
    for m in marks {
        let qa = f.toks.at_or_after(m.open.start);
        let qb = f.toks.at_or_after(m.end()).saturating_sub(1);
        if qa >= n {
            continue;
        }
        while let Some(&r) = reported.get(next_reported) {
            if r.end > m.open.start {
                break;
            }
            last_reported = Some(r);
            next_reported += 1;
        }
        // Reported speech in a sentence after the previous direct quotation's is the
        // speech a quote standing alone continues; reported speech inside that
        // quotation's own sentence ("“...,” Ruiz said, after the board declared ...")
        // is the narration around it and leaves its speaker in place.
        let last = match (last_direct, last_reported) {
            (Some(d), Some(r)) if r.cue_unit > d.0 => Some((r.last_unit, r.who)),
            (Some(d), _) => Some(d),
            (None, r) => r.map(|r| (r.last_unit, r.who)),
        };
        let qu = f.unit[qa];
        if is_title(f, qa, m) || is_attribute_value(f, qa, m) {
            not_speech.push(out.len());
            out.push(LocalQuote {
                span: m.content,
                kind: QuoteKind::Direct,
                speaker: None,
                speaker_span: None,
                cue: None,
            });
            continue;
        }
        let who = match cues.for_quote(qa, qb, qu, f) {
            Some(k) => cues.attribution(f, k),
            None => unattributed(f, &cues, &mut subjects, qa, qu, last),
        };
        last_direct = Some((qu, who));
        out.push(LocalQuote {
            span: m.content,
            kind: QuoteKind::Direct,
            speaker: who.speaker,
            speaker_span: who.speaker_span,
            cue: who.cue,
        });
    }
    (out, not_speech)
}

/// The attribution of a quote starting at token `qa` in unit `qu` that no cue of its
/// frame gives: `X: “...”`, a cue closing the previous paragraph with a colon, or the
/// previous quote's (`last`) for a quote standing alone.
fn unattributed<'t>(
    f: &Frame<'t>,
    cues: &CueIndex,
    subjects: &mut ClauseSubjects<'t>,
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
    let alone = !f.unit_has_frame_word[qu];
    // `X said:` closing the previous paragraph introduces this quote.
    let after_colon = alone && qa > 0 && f.frame(qa - 1) && toks.is_punct(qa - 1, ':');
    let introduced = after_colon
        .then(|| cues.last_in_unit(f.unit[qa - 1]))
        .flatten();
    if let Some(k) = introduced {
        return cues.attribution(f, k);
    }
    // "Mayor Ruiz released the following statement:", "Ortiz put it simply:": a clause
    // closing with a colon introduces the quotation standing after it, and its subject
    // speaks, with or without a verb of saying.
    if after_colon {
        if let Some((mi, span)) = subjects.speaker_before(f, qa - 1) {
            return Attribution {
                speaker: Some(mi),
                speaker_span: Some(span),
                cue: None,
            };
        }
    }
    match last {
        Some((pu, prev)) if alone && qu <= pu + CONTINUATION_UNITS && prev.is_known() => prev,
        _ => Attribution::default(),
    }
}

/// Whether the quotation `m`, opening at token `qa`, is the value of an attribute in
/// markup left in the text (`<tweet author="@someone" date="May 4">`): its opening mark
/// is glued to an `=`. No one says it.
fn is_attribute_value(f: &Frame, qa: usize, m: &Marked) -> bool {
    qa > 0 && f.toks.is_punct(qa - 1, '=') && f.toks[qa - 1].span().end == m.open.start
}

/// The fewest words a quoted title needs to be told from speech by its title case
/// alone, inside a running sentence.
const TITLE_MIN_WORDS: usize = 2;
/// How many tokens (a comma, the closing mark) may stand between a title and the
/// words of the sentence going on after it.
const TITLE_TRAILING_TOKENS: usize = 4;
/// The most words a quoted title of a programme, book or song has here.
const TITLE_WORDS: usize = 8;

/// Whether the quotation `m`, opening at token `qa`, is the title of a work rather than
/// speech: its words are in title case ("Face the Week", "Here Comes the Sun"), few,
/// and it follows an outlet's possessive ("NBC’s"), "on"/"in", or a word for a work
/// ("book", "song", "titled", "played").
fn is_title(f: &Frame, qa: usize, m: &Marked) -> bool {
    let toks = f.toks;
    if qa > 0 && super::speaker::names_a_thing(toks.lower(qa - 1)) {
        return true;
    }
    let a = toks.at_or_after(m.content.start);
    let b = toks.at_or_after(m.content.end);
    let mut words = 0;
    for j in a..b {
        if toks.is_alnum(j) {
            words += 1;
            let small = matches!(
                toks.lower(j),
                "of" | "the"
                    | "a"
                    | "an"
                    | "and"
                    | "on"
                    | "in"
                    | "at"
                    | "to"
                    | "for"
                    | "with"
                    | "from"
                    | "by"
                    | "or"
            );
            if words > TITLE_WORDS || !(toks[j].cap() || (small && j > a)) {
                return false;
            }
        } else if j + 1 < b && matches!(toks.punct(j), Some('.' | '!' | '?' | ',' | ';' | ':')) {
            return false;
        }
    }
    if words == 0 || qa == 0 {
        return false;
    }
    // "the memoir “A Time for Truth,” published in 2015": two or more words in title
    // case inside a sentence that goes on before and after them name a work, not
    // words spoken.
    if words >= TITLE_MIN_WORDS
        && f.frame(qa - 1)
        && f.unit[qa - 1] == f.unit[qa]
        && toks.is_alnum(qa - 1)
        && toks.lower(a) != "i"
        && (b..(b + TITLE_TRAILING_TOKENS).min(toks.len()))
            .find(|&j| toks.is_alnum(j))
            .is_some_and(|j| f.frame(j) && f.unit[j] == f.unit[qa - 1])
    {
        return true;
    }
    let mut p = qa - 1;
    if toks.is_punct(p, ',') && p > 0 {
        p -= 1;
    }
    toks[p].poss()
        || matches!(
            toks.lower(p),
            "on" | "in"
                | "titled"
                | "entitled"
                | "book"
                | "memoir"
                | "novel"
                | "film"
                | "movie"
                | "documentary"
                | "song"
                | "album"
                | "show"
                | "series"
                | "program"
                | "programme"
                | "podcast"
                | "column"
                | "ad"
                | "played"
                | "performed"
                | "sang"
        )
}
