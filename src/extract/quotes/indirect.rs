//! Reported speech around a cue, as an indirect quote: "X said that CONTENT",
//! "CONTENT, X said", "according to X, CONTENT", "quoted X as saying CONTENT".

use super::cues::Cue;
use super::frame::Frame;
use super::speaker::{Cues, Np};
use super::words::word_lists;
use super::LocalQuote;
use crate::extract::actors::lexicon::{flag, CueKind, Lexicon};
use crate::extract::marks::Marked;
use crate::model::{QuoteKind, Span};
use std::collections::BTreeMap;

/// How many role and name words before a speaker are looked through for a quotation
/// the attribution trails ("“...,” US State Department spokesman Ned Price said").
const LEAD_ROLE_WORDS: usize = 8;
/// How many commas, colons and dashes may stand between a quotation and the
/// attribution trailing it.
const LEAD_PUNCT_TOKENS: usize = 8;
/// How many leading adverbs, "that"s and punctuation tokens are skipped at the start
/// of reported content.
const LEADING_SKIP_TOKENS: usize = 32;
/// The fewest words reported content has.
const MIN_REPORTED_WORDS: usize = 2;
/// The fewest words content after a source or an occasion phrase has ("according to
/// X, CONTENT"; "X said on Twitter CONTENT").
const SOURCE_CONTENT_WORDS: usize = 3;
/// How many punctuation tokens are dropped from the end of reported content.
const TRAILING_PUNCT_TOKENS: usize = 32;
/// The most words reported content may have. Longer content is no clause one can
/// delimit (a run-on text without sentence punctuation, where every cue would report
/// the rest of it), so no indirect quote is made of it. News sentences are far
/// shorter: the longest reported content in our corpora has 65 words.
const MAX_REPORTED_WORDS: usize = 200;
/// How many tokens after an "according to" source its comma may come
/// ("according to X, CONTENT").
const SOURCE_COMMA_TOKENS: usize = 20;
/// How many tokens after "told Y" the "that" opening the content may come.
const TOLD_THAT_TOKENS: usize = 30;
/// How many words a capitalized name before an apposition may have ("Leila Smith, the
/// opposition leader, said").
const APPOSITION_NAME_WORDS: usize = 4;
/// How many tokens after a leading adverb a "that" may come for the adverb to be
/// skipped ("X said later that ...").
const ADVERB_THAT_TOKENS: usize = 4;
/// The last token at which an occasion phrase after the cue may give way to the
/// content ("X said on Twitter the talks ..."), counted from the phrase's preposition.
const OCCASION_TOKENS: usize = 5;

/// The indirect quotes around `cues`.
pub(super) fn quotes(f: &Frame, marks: &[Marked], cues: &Cues) -> Vec<LocalQuote> {
    let mut out = Vec::new();
    for (k, c) in cues.cues.iter().enumerate() {
        let Some(np) = cues.np[k] else { continue };
        if let Some(span) = content(f, c, &np, marks) {
            out.push(LocalQuote {
                span,
                kind: QuoteKind::Indirect,
                speaker: cues.speaker[k],
                speaker_span: Some(f.span(np.first, np.last)),
                cue: Some(f.span(c.a, c.b)),
            });
        }
    }
    out
}

/// Up to this many indirect quotes in a document, nesting is checked pair by pair
/// (cheaper than building [`Covering`] for the few of an ordinary article).
const NESTED_PAIRWISE: usize = 32;

/// Drops each indirect quote whose cue lies inside another indirect quote's content
/// with the same or an unknown speaker: it is part of that one.
pub(super) fn drop_nested(out: &mut Vec<LocalQuote>) {
    let inds: Vec<(Span, Option<usize>)> = out
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| (q.span, q.speaker))
        .collect();
    if inds.len() <= NESTED_PAIRWISE {
        out.retain(|q| !nested_pairwise(q, &inds));
        return;
    }
    let any = Covering::new(inds.iter().map(|&(s, _)| s).collect());
    let mut by_speaker: BTreeMap<usize, Vec<Span>> = BTreeMap::new();
    for &(s, sp) in &inds {
        if let Some(sp) = sp {
            by_speaker.entry(sp).or_default().push(s);
        }
    }
    let by_speaker: BTreeMap<usize, Covering> = by_speaker
        .into_iter()
        .map(|(sp, spans)| (sp, Covering::new(spans)))
        .collect();
    out.retain(|q| {
        let Some(cue) = q.cue.filter(|_| q.kind == QuoteKind::Indirect) else {
            return true;
        };
        let nested = match q.speaker {
            None => any.covers(cue, q.span),
            Some(sp) => by_speaker.get(&sp).is_some_and(|c| c.covers(cue, q.span)),
        };
        !nested
    });
}

/// Whether `q` is an indirect quote whose cue lies inside another of `inds` (span,
/// speaker) with the same speaker, or any when `q`'s is unknown.
fn nested_pairwise(q: &LocalQuote, inds: &[(Span, Option<usize>)]) -> bool {
    let Some(cue) = q.cue.filter(|_| q.kind == QuoteKind::Indirect) else {
        return false;
    };
    crate::work::tick(inds.len());
    inds.iter()
        .any(|&(s, sp)| s != q.span && s.contains(cue) && (q.speaker.is_none() || q.speaker == sp))
}

/// Spans, to ask whether one other than a given span contains a span.
struct Covering {
    /// The spans by start.
    spans: Vec<Span>,
    /// For each prefix of `spans`, the one reaching furthest, and the one reaching
    /// furthest among those unequal to it.
    reach: Vec<(Span, Option<Span>)>,
}

impl Covering {
    fn new(mut spans: Vec<Span>) -> Covering {
        spans.sort_by_key(|s| (s.start, s.end));
        let mut reach: Vec<(Span, Option<Span>)> = Vec::with_capacity(spans.len());
        for &s in &spans {
            let next = match reach.last() {
                None => (s, None),
                Some(&(best, second)) => {
                    if s.end > best.end && s != best {
                        (s, Some(best))
                    } else if s != best && second.is_none_or(|x| s.end > x.end) {
                        (best, Some(s))
                    } else {
                        (best, second)
                    }
                }
            };
            reach.push(next);
        }
        Covering { spans, reach }
    }

    /// Whether a span other than `own` contains `inner`.
    fn covers(&self, inner: Span, own: Span) -> bool {
        let k = self.spans.partition_point(|s| s.start <= inner.start);
        let Some(&(best, second)) = k.checked_sub(1).and_then(|k| self.reach.get(k)) else {
            return false;
        };
        let other = if best != own { Some(best) } else { second };
        other.is_some_and(|s| s.end >= inner.end)
    }
}

/// The first quotation of `marks` (in text order) whose opening mark or words start at
/// byte `at`.
fn quotation_at(marks: &[Marked], at: usize) -> Option<&Marked> {
    let by_open = marks.partition_point(|m| m.open.start < at);
    let by_content = marks.partition_point(|m| m.content.start < at);
    let open = marks
        .get(by_open)
        .filter(|m| m.open.start == at)
        .map(|_| by_open);
    let content = marks
        .get(by_content)
        .filter(|m| m.content.start == at)
        .map(|_| by_content);
    match (open, content) {
        (Some(x), Some(y)) => marks.get(x.min(y)),
        (x, y) => x.or(y).and_then(|k| marks.get(k)),
    }
}

/// The reported content around cue `c` whose speaker phrase is `np`.
fn content(f: &Frame, c: &Cue, np: &Np, marks: &[Marked]) -> Option<Span> {
    let (ua, ub) = clause_bounds(f, c);
    let clause = Clause {
        f,
        c,
        np,
        ua,
        ub,
        after_start: if np.before { c.b + 1 } else { np.last + 1 },
    };
    if c.kind != CueKind::Source && clause.trails_quotation() {
        return None;
    }
    let (a, b) = match c.kind {
        CueKind::Quoted => clause.after_as_saying()?,
        CueKind::Source => clause.around_source()?,
        _ => clause.around_verb()?,
    };
    let a = clause.content_start(a, b);
    clause.finish(a, b, marks)
}

/// The sentence frame of cue `c` without its final punctuation, as its first and last
/// token.
fn clause_bounds(f: &Frame, c: &Cue) -> (usize, usize) {
    (f.unit_first[c.unit], f.unit_content_end[c.unit])
}

/// A cue in its sentence frame `ua..=ub`.
struct Clause<'f, 'a> {
    f: &'f Frame<'a>,
    c: &'f Cue,
    np: &'f Np,
    ua: usize,
    ub: usize,
    /// The first token after the cue and an inverted speaker ("said X").
    after_start: usize,
}

impl Clause<'_, '_> {
    /// `“...,” he said, ...`: an attribution trailing a quotation reports nothing more.
    fn trails_quotation(&self) -> bool {
        let (f, np, c) = (self.f, self.np, self.c);
        let lex = Lexicon::get();
        let mut k = if np.before { np.first.min(c.a) } else { c.a };
        // Role words before the name ("US State Department spokesman Ned Price").
        for _ in 0..LEAD_ROLE_WORDS {
            if k == 0 || !f.frame(k - 1) || !f.toks.is_alnum(k - 1) {
                break;
            }
            let w = f.lo(k - 1);
            if f.toks[k - 1].cap() || lex.roles.contains(w) || lex.is(w, flag::MODIFIER) {
                k -= 1;
            } else {
                break;
            }
        }
        let floor = k.saturating_sub(LEAD_PUNCT_TOKENS);
        while k > floor && f.frame(k - 1) && matches!(f.lo(k - 1), "," | ":" | "—" | "–") {
            k -= 1;
        }
        k > 0 && f.in_quote[k - 1].is_some() && f.unit[k - 1] == c.unit
    }

    /// "quoted X as saying that ...": the content follows "as saying".
    fn after_as_saying(&self) -> Option<(usize, usize)> {
        let start = self.f.saying_in(self.np.last + 1, self.ub)?;
        Some((start + 1, self.ub))
    }

    /// "according to X, CONTENT" when a comma follows the source, else "CONTENT,
    /// according to X."
    fn around_source(&self) -> Option<(usize, usize)> {
        let (f, np, c, ua, ub) = (self.f, self.np, self.c, self.ua, self.ub);
        let comma = (np.last + 1..=ub.min(np.last + SOURCE_COMMA_TOKENS))
            .find(|&j| f.frame(j) && f.lo(j) == ",");
        let rest_words = f.words_in(np.last + 1, ub);
        if let (Some(cm), true) = (comma, rest_words >= SOURCE_CONTENT_WORDS) {
            return Some((cm + 1, ub));
        }
        let e = f.back_over_punct(c.a, ua);
        if e == ua {
            return None;
        }
        // Already reported by a verb cue ("“...,” he said, according to X").
        if f.has_cue_word(ua, e) {
            return None;
        }
        Some((ua, e - 1))
    }

    /// "X said (that) CONTENT", "X told Y that CONTENT"; else "CONTENT, X said." or
    /// "CONTENT, said X."
    fn around_verb(&self) -> Option<(usize, usize)> {
        let (f, np, c, ua, ub) = (self.f, self.np, self.c, self.ua, self.ub);
        let after_start = self.after_start;
        let rest_words = f.words_in(after_start, ub);
        if np.before && rest_words >= MIN_REPORTED_WORDS && !self.adverbial_after() {
            // "X told Y that ...": the content starts after "that".
            let told = matches!(
                f.lo(c.b),
                "told" | "tells" | "assured" | "informed" | "reminded"
            );
            let that = told
                .then(|| {
                    (after_start..=ub.min(after_start + TOLD_THAT_TOKENS))
                        .find(|&j| f.frame(j) && f.lo(j) == "that")
                })
                .flatten();
            return Some((that.map(|t| t + 1).unwrap_or(after_start), ub));
        }
        let e = f.back_over_punct(if np.before { np.first } else { c.a }, ua);
        if e <= ua {
            return None;
        }
        Some((ua, e - 1))
    }

    /// "CONTENT, X said after the meeting.": what follows the cue is an adverbial of
    /// time or place, and the content is before the comma. ("Leila Smith, the
    /// opposition leader, said on Twitter ...": what is before the comma is the
    /// speaker's name, no content.)
    fn adverbial_after(&self) -> bool {
        let (f, np, ua, ub) = (self.f, self.np, self.ua, self.ub);
        let after_start = self.after_start;
        np.before
            && np.first > ua + 2
            && f.frame(np.first - 1)
            && f.lo(np.first - 1) == ","
            && !self.name_before_apposition(ua, np.first - 1)
            && after_start <= ub
            && matches!(
                f.lo(after_start),
                "after"
                    | "before"
                    | "during"
                    | "on"
                    | "in"
                    | "at"
                    | "late"
                    | "earlier"
                    | "later"
                    | "last"
                    | "yesterday"
                    | "today"
                    | "following"
                    | "when"
                    | "while"
                    | "without"
            )
            && f.that_in(after_start, ub).is_none()
    }

    /// Whether tokens `a..comma` are only a capitalized name (the head of an
    /// apposition, "Leila Smith, the opposition leader, said ..."), not content.
    fn name_before_apposition(&self, a: usize, comma: usize) -> bool {
        let f = self.f;
        if comma.saturating_sub(a) > APPOSITION_NAME_WORDS {
            return false;
        }
        let words: Vec<usize> = (a..comma).filter(|&j| f.toks.is_alnum(j)).collect();
        !words.is_empty()
            && words.len() <= APPOSITION_NAME_WORDS
            && words.len() == comma - a
            && words.iter().all(|&j| f.toks[j].cap())
    }

    /// The first token of the content `a..=b`: leading adverbs and time words, then
    /// "that", a comma or a colon are skipped, and a short occasion phrase after the
    /// cue ("X said on Twitter the talks ...") is frame, not content.
    fn content_start(&self, mut a: usize, b: usize) -> usize {
        let f = self.f;
        let limit = a + LEADING_SKIP_TOKENS;
        while a <= b
            && a < limit
            && f.frame(a)
            && (matches!(f.lo(a), "that" | "," | ":" | "—" | "–")
                || (word_lists().skip_between.contains(f.lo(a))
                    && (a + 1..=b.min(a + ADVERB_THAT_TOKENS)).any(|j| f.lo(j) == "that")))
        {
            a += 1;
        }
        if self.np.before
            && a + 2 <= b
            && f.frame(a)
            && self.c.kind == CueKind::Verb
            && matches!(
                f.lo(a),
                "on" | "in" | "at" | "during" | "after" | "following"
            )
        {
            let opener = (a + 2..=b.min(a + OCCASION_TOKENS)).find(|&j| {
                f.frame(j)
                    && matches!(
                        f.lo(j),
                        "the"
                            | "a"
                            | "an"
                            | "he"
                            | "she"
                            | "it"
                            | "they"
                            | "we"
                            | "this"
                            | "these"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                    )
            });
            if let Some(k) = opener {
                if f.words_in(k, b) >= SOURCE_CONTENT_WORDS {
                    a = k;
                }
            }
        }
        a
    }

    /// The content `a..=b` as a span: cut before a later "according to", without
    /// trailing punctuation, of at least two words, and not one direct quotation.
    fn finish(&self, a: usize, b: usize, marks: &[Marked]) -> Option<Span> {
        let f = self.f;
        let mut b = b;
        // Stop before a later "according to" / another cue's sourcing clause.
        if let Some(j) = f.according_in(a + 1, b) {
            b = j - 1;
        }
        let floor = a.max(b.saturating_sub(TRAILING_PUNCT_TOKENS));
        while b > floor && f.frame(b) && f.is_trailing_punct(b) {
            b -= 1;
        }
        if a > b
            || b >= f.toks.len()
            || f.frame_words_in(a, b) < MIN_REPORTED_WORDS
            || f.words_in(a, b) > MAX_REPORTED_WORDS
        {
            return None;
        }
        let span = f.span(a, b);
        // Content that is one direct quotation is that quote, not an indirect one.
        if quotation_at(marks, span.start).is_some_and(|m| m.end() >= span.end) {
            return None;
        }
        Some(span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn quote(start: usize, len: usize, cue: usize, speaker: Option<usize>) -> LocalQuote {
        LocalQuote {
            span: Span::new(start, start + len),
            kind: QuoteKind::Indirect,
            speaker,
            speaker_span: None,
            cue: Some(Span::new(cue, cue + 2)),
        }
    }

    proptest! {
        /// Prefix reach finds exactly the quotes the pair-by-pair check finds.
        #[test]
        fn covering_agrees_with_pairs(
            qs in prop::collection::vec((0usize..200, 0usize..80, 0usize..260, prop::option::of(0usize..3)), 0..90)
        ) {
            let mut out: Vec<LocalQuote> =
                qs.iter().map(|&(s, l, c, sp)| quote(s, l, c, sp)).collect();
            let inds: Vec<(Span, Option<usize>)> = out.iter().map(|q| (q.span, q.speaker)).collect();
            let want: Vec<LocalQuote> =
                out.iter().filter(|q| !nested_pairwise(q, &inds)).cloned().collect();
            let any = Covering::new(inds.iter().map(|&(s, _)| s).collect());
            out.retain(|q| {
                let cue = q.cue.unwrap_or(Span::new(0, 0));
                let same: Vec<Span> = inds
                    .iter()
                    .filter(|&&(_, sp)| q.speaker.is_none() || sp == q.speaker)
                    .map(|&(s, _)| s)
                    .collect();
                let by = Covering::new(same);
                !(if q.speaker.is_none() { any.covers(cue, q.span) } else { by.covers(cue, q.span) })
            });
            prop_assert_eq!(out, want);
        }
    }
}
