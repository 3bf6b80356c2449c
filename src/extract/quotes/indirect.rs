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

/// How many role and name words before a speaker are looked through for a quotation
/// the attribution trails ("“...,” US State Department spokesman Ned Price said").
const LEAD_ROLE_WORDS: usize = 8;
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

/// Drops each indirect quote whose cue lies inside another indirect quote's content
/// with the same or an unknown speaker: it is part of that one.
pub(super) fn drop_nested(out: &mut Vec<LocalQuote>) {
    let inds: Vec<(Span, Option<usize>)> = out
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| (q.span, q.speaker))
        .collect();
    out.retain(|q| {
        q.kind == QuoteKind::Direct
            || !q
                .cue
                .map(|c| {
                    inds.iter().any(|&(s, sp)| {
                        s != q.span && s.contains(c) && (q.speaker.is_none() || q.speaker == sp)
                    })
                })
                .unwrap_or(false)
    });
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
    let n = f.toks.len();
    let u = c.unit;
    let mut ua = c.a;
    while ua > 0 && f.unit[ua - 1] == u {
        ua -= 1;
    }
    let mut ub = c.b;
    while ub + 1 < n && f.unit[ub + 1] == u {
        ub += 1;
    }
    while ub > ua && f.frame(ub) && f.is_trailing_punct(ub) {
        ub -= 1;
    }
    (ua, ub)
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
            if k == 0 || !f.frame(k - 1) || !f.toks.is_word(k - 1) {
                break;
            }
            let w = f.lo(k - 1);
            if f.toks.toks[k - 1].cap || lex.is_role(w) || lex.modifiers.contains(w) {
                k -= 1;
            } else {
                break;
            }
        }
        while k > 0 && f.frame(k - 1) && matches!(f.lo(k - 1), "," | ":" | "—" | "–") {
            k -= 1;
        }
        k > 0 && f.in_quote[k - 1].is_some() && f.unit[k - 1] == c.unit
    }

    /// "quoted X as saying that ...": the content follows "as saying".
    fn after_as_saying(&self) -> Option<(usize, usize)> {
        let start = (self.np.last + 1..=self.ub)
            .find(|&j| matches!(self.f.lo(j), "saying" | "telling" | "stating" | "writing"))?;
        Some((start + 1, self.ub))
    }

    /// "according to X, CONTENT" when a comma follows the source, else "CONTENT,
    /// according to X."
    fn around_source(&self) -> Option<(usize, usize)> {
        let (f, np, c, ua, ub) = (self.f, self.np, self.c, self.ua, self.ub);
        let comma = (np.last + 1..=ub.min(np.last + SOURCE_COMMA_TOKENS))
            .find(|&j| f.frame(j) && f.lo(j) == ",");
        let rest_words = (np.last + 1..=ub).filter(|&j| f.toks.is_word(j)).count();
        if let (Some(cm), true) = (comma, rest_words >= 3) {
            return Some((cm + 1, ub));
        }
        let mut e = c.a;
        while e > ua && !(f.frame(e - 1) && f.toks.is_word(e - 1)) && f.in_quote[e - 1].is_none() {
            e -= 1;
        }
        if e == ua {
            return None;
        }
        // Already reported by a verb cue ("“...,” he said, according to X").
        if (ua..e).any(|j| f.frame(j) && f.toks.is_word(j) && f.toks.has(j, flag::CUE)) {
            return None;
        }
        Some((ua, e - 1))
    }

    /// "X said (that) CONTENT", "X told Y that CONTENT"; else "CONTENT, X said." or
    /// "CONTENT, said X."
    fn around_verb(&self) -> Option<(usize, usize)> {
        let (f, np, c, ua, ub) = (self.f, self.np, self.c, self.ua, self.ub);
        let after_start = self.after_start;
        let rest_words = (after_start..=ub.max(after_start))
            .filter(|&j| j <= ub && f.toks.is_word(j))
            .count();
        if np.before && rest_words >= 2 && !self.adverbial_after() {
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
        let mut e = if np.before { np.first } else { c.a };
        while e > ua && !(f.toks.is_word(e - 1) || f.in_quote[e - 1].is_some()) {
            e -= 1;
        }
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
            && !(after_start..=ub).any(|j| f.frame(j) && f.lo(j) == "that")
    }

    /// Whether tokens `a..comma` are only a capitalized name (the head of an
    /// apposition, "Leila Smith, the opposition leader, said ..."), not content.
    fn name_before_apposition(&self, a: usize, comma: usize) -> bool {
        let f = self.f;
        let words: Vec<usize> = (a..comma).filter(|&j| f.toks.is_word(j)).collect();
        !words.is_empty()
            && words.len() <= APPOSITION_NAME_WORDS
            && words.len() == comma - a
            && words.iter().all(|&j| f.toks.toks[j].cap)
    }

    /// The first token of the content `a..=b`: leading adverbs and time words, then
    /// "that", a comma or a colon are skipped, and a short occasion phrase after the
    /// cue ("X said on Twitter the talks ...") is frame, not content.
    fn content_start(&self, mut a: usize, b: usize) -> usize {
        let f = self.f;
        while a <= b
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
                if (k..=b).filter(|&j| f.toks.is_word(j)).count() >= 3 {
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
        if let Some(j) = (a + 1..=b).find(|&j| f.frame(j) && f.lo(j) == "according") {
            b = j - 1;
        }
        while b > a && f.frame(b) && f.is_trailing_punct(b) {
            b -= 1;
        }
        if a > b || b >= f.toks.len() {
            return None;
        }
        let words = (a..=b).filter(|&j| f.frame(j) && f.toks.is_word(j)).count();
        if words < 2 {
            return None;
        }
        let span = f.span(a, b);
        // Content that is one direct quotation is that quote, not an indirect one.
        if let Some(m) = marks
            .iter()
            .find(|m| m.open.start == span.start || m.content.start == span.start)
        {
            if m.end() >= span.end {
                return None;
            }
        }
        Some(span)
    }
}
