//! Where a sentence carries two statements: the cuts between its clauses (a participial
//! clause after a comma, a semicolon, ", and"/", but" before a clause with its own
//! subject), decided by small word lists (`data/meaning/clauses.txt`).

use super::lexicon::Lexicon;
use super::tokens::{with_raw, Raw, RawKind};
use crate::text::marks::QuoteMark;

/// A sentence of fewer tokens is one clause: two clauses of three words each and a
/// separator need at least this many.
const MIN_SENTENCE_TOKENS: usize = 7;
/// Every clause of a split sentence has at least this many words.
const MIN_CLAUSE_WORDS: usize = 3;
/// A participle that opens a clause has at least this many characters ("urging",
/// "saying"; not "being" or "thing").
const MIN_PARTICIPLE_CHARS: usize = 6;
/// A lower-case word ending in "-ed" of at least this many bytes reads as a past verb
/// ("agreed", "signed"; not "red" or "bed").
const MIN_ED_VERB_BYTES: usize = 5;
/// The longest fronted phrase before a conjunction clause's subject ("following the
/// talks, the two leaders signed …"), in tokens.
const MAX_FRONTED: usize = 5;
/// How many tokens after the start of a conjunction clause's subject its finite verb
/// may stand.
const MAX_SUBJECT_TOKENS: usize = 6;

/// How a clause joins the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Join {
    /// The first clause of its sentence.
    First,
    /// A participial clause after a comma ("…, urging adherence to sovereignty"): its
    /// subject is the main clause's.
    Participle,
    /// A main clause after a semicolon.
    Semicolon,
    /// A main clause with its own subject after ", and" / ", but".
    Conjunction,
}

/// One clause of a sentence: its token range (the conjunction before it left out),
/// where its text ends when another clause follows (byte offset into the sentence,
/// the separating comma left out), and how it joins the clause before.
#[derive(Clone, Copy, Debug)]
pub(super) struct Clause {
    pub(super) toks: (usize, usize),
    pub(super) end: usize,
    pub(super) join: Join,
    /// For a participial clause, the token range of the subject it shares with the
    /// clause before: the words before that clause's first finite verb outside a
    /// quotation, back to the nearest punctuation.
    pub(super) subject: Option<(usize, usize)>,
}

/// A place where a clause may start: the token it starts at, the token range and
/// byte end of what comes before it, and the kind of join.
#[derive(Clone, Copy, Debug)]
struct Cut {
    start: usize,
    left_end_tok: usize,
    left_end: usize,
    join: Join,
}

/// The byte ranges of the clauses of one sentence, each a statement of its own (see
/// [`crate::model::Claim`]): a main clause and a participial clause after a comma ("…, urging …",
/// "…, calling for …"), two main clauses joined by a semicolon, or by ", and" / ", but"
/// when the second has its own subject and finite verb. Nothing is split inside a
/// quotation, parentheses or a dash-bounded aside; every clause has at least three
/// words and the one before a cut a finite verb. A sentence that carries one
/// statement is one range. Ranges are trimmed: separators and the conjunction belong to
/// no clause, the last clause keeps the final punctuation.
///
/// ```
/// use corroborate::claims;
/// let s = "China made a peace plan public last week, urging adherence to national sovereignty.";
/// let parts: Vec<&str> = claims::clause_spans(s).into_iter().map(|r| &s[r]).collect();
/// assert_eq!(parts, ["China made a peace plan public last week", "urging adherence to national sovereignty."]);
/// let q = "“We stay, and we fight,” he said, and he left the hall.";
/// let parts: Vec<&str> = claims::clause_spans(q).into_iter().map(|r| &q[r]).collect();
/// assert_eq!(parts, ["“We stay, and we fight,” he said", "he left the hall."]);
/// // a list after "including" and a verb phrase sharing the subject stay whole
/// let l = "He called for closer ties, including on trade, and praised the plan.";
/// assert_eq!(claims::clause_spans(l).len(), 1);
/// ```
pub fn clause_spans(sentence: &str) -> Vec<std::ops::Range<usize>> {
    let text = sentence.trim_end();
    with_raw(text, |toks| {
        let parts = clauses(toks, Lexicon::builtin());
        if parts.is_empty() {
            return std::iter::once(0..text.len()).collect();
        }
        (0..parts.len())
            .map(|k| byte_range(toks, &parts, k, text.len()))
            .collect()
    })
}

/// The bytes of clause `k` of `parts` in the sentence of `toks` (`len` bytes long): from
/// its first token (the first clause from the sentence start) to its end (the last
/// clause to the sentence end).
pub(super) fn byte_range(
    toks: &[Raw],
    parts: &[Clause],
    k: usize,
    len: usize,
) -> std::ops::Range<usize> {
    let start = if k == 0 {
        0
    } else {
        toks[parts[k].toks.0].start
    };
    let end = if k + 1 == parts.len() {
        len
    } else {
        parts[k].end
    };
    start..end
}

fn is_word(t: &Raw) -> bool {
    matches!(t.kind, RawKind::Word | RawKind::Number)
}

/// Whether a token reads as a finite verb: an auxiliary or modal, a past form from the
/// irregular-verb table, or a lower-case `-ed` word.
fn finite(t: &Raw, lex: &Lexicon) -> bool {
    t.kind == RawKind::Word
        && !t.cap
        && (lex.clause.aux.contains(&*t.lower)
            || lex.irregular.contains_key(&*t.lower)
            || (t.lower.len() >= MIN_ED_VERB_BYTES && t.lower.ends_with("ed")))
}

/// The clauses of a sentence's tokens (see [`clause_spans`]); empty when the sentence
/// is one clause, else at least two.
pub(super) fn clauses(toks: &[Raw], lex: &Lexicon) -> Vec<Clause> {
    if !worth_a_look(toks, lex) {
        return Vec::new();
    }
    let outside = outside_asides(toks);
    let cuts = cuts(toks, &outside, lex);
    if cuts.is_empty() {
        return Vec::new();
    }
    kept_clauses(toks, &outside, &cuts, lex)
}

/// Whether the sentence could be cut at all: a cut needs a separator before a word that
/// can open a clause. Most sentences have none, and are settled by this one look at
/// each separator, without allocating.
fn worth_a_look(toks: &[Raw], lex: &Lexicon) -> bool {
    let n = toks.len();
    let opener = |j: usize| {
        toks.get(j).is_some_and(|t| {
            t.kind == RawKind::Word
                && !t.cap
                && ((t.lower.ends_with("ing") && !lex.clause.prep.contains(&*t.lower))
                    || lex.clause.conj.contains(&*t.lower))
        })
    };
    n >= MIN_SENTENCE_TOKENS
        && toks.iter().enumerate().any(|(i, t)| match &*t.lower {
            ";" => true,
            "," => {
                opener(i + 1) || (i + 2 < n && toks[i + 1].kind == RawKind::Punct && opener(i + 2))
            }
            _ => false,
        })
}

/// Per token: whether the text after it stands outside quotations, brackets and
/// dash-bounded asides.
fn outside_asides(toks: &[Raw]) -> Vec<bool> {
    let mut outside = Vec::with_capacity(toks.len());
    let (mut quote, mut depth, mut dash) = (false, 0u32, false);
    for t in toks {
        let mark = t
            .lower
            .chars()
            .next()
            .and_then(crate::text::marks::quote_mark);
        if t.kind == RawKind::Punct {
            match (&*t.lower, mark) {
                (_, Some(QuoteMark::DoubleStraight)) => quote = !quote,
                (_, Some(QuoteMark::DoubleOpen)) => quote = true,
                (_, Some(QuoteMark::DoubleClose)) => quote = false,
                ("(" | "[", _) => depth += 1,
                (")" | "]", _) => depth = depth.saturating_sub(1),
                ("\u{2014}" | "\u{2013}", _) if !quote && depth == 0 => dash = !dash,
                _ => {}
            }
        }
        outside.push(!quote && depth == 0 && !dash);
    }
    outside
}

/// Every place a clause may start, in text order, before the checks on the clauses'
/// lengths and verbs.
fn cuts(toks: &[Raw], outside: &[bool], lex: &Lexicon) -> Vec<Cut> {
    let n = toks.len();
    let is_close = |i: usize| {
        toks[i].kind == RawKind::Punct && matches!(&*toks[i].lower, "\"" | "\u{201D}" | "\u{00BB}")
    };
    // the separator ending just before token `j`: (its char, the token range end and byte
    // end of what precedes it); a comma inside a quotation that closes right there counts
    let sep_before = |j: usize| -> Option<(&str, usize, usize)> {
        if j >= 2 && outside[j - 1] && matches!(&*toks[j - 1].lower, "," | ";") {
            return Some((&*toks[j - 1].lower, j - 1, toks[j - 2].end));
        }
        if j >= 3
            && is_close(j - 1)
            && outside[j - 1]
            && !outside[j - 2]
            && matches!(&*toks[j - 2].lower, "," | ";")
        {
            return Some((&*toks[j - 2].lower, j, toks[j - 1].end));
        }
        None
    };
    let word_at = |i: usize| toks.get(i).filter(|t| t.kind == RawKind::Word);
    let mut cuts: Vec<Cut> = Vec::new();
    for j in 2..n {
        let Some(t) = word_at(j) else { continue };
        let Some((sep, left_end_tok, left_end)) = sep_before(j) else {
            continue;
        };
        let cut = |start, join| Cut {
            start,
            left_end_tok,
            left_end,
            join,
        };
        if sep == ";" {
            cuts.push(cut(j, Join::Semicolon));
            continue;
        }
        // ", urging …": a lower-case -ing word that is no preposition, followed by a word
        // that does not continue a list ("…, shelling and looting")
        if !t.cap
            && t.lower.ends_with("ing")
            && t.lower.chars().count() >= MIN_PARTICIPLE_CHARS
            && !lex.clause.prep.contains(&*t.lower)
            && word_at(j + 1).is_some_and(|u| !matches!(&*u.lower, "and" | "or"))
        {
            cuts.push(cut(j, Join::Participle));
            continue;
        }
        // ", and the two leaders signed …": a subject of its own, then a finite verb
        if !t.cap && lex.clause.conj.contains(&*t.lower) && own_subject(toks, j + 1, lex) {
            cuts.push(cut(j + 1, Join::Conjunction));
        }
    }
    cuts
}

/// The clauses left by the cuts whose both sides are long enough and whose left side
/// has a finite verb (a semicolon clause needs one on its right too); empty when no
/// cut survives.
fn kept_clauses(toks: &[Raw], outside: &[bool], cuts: &[Cut], lex: &Lexicon) -> Vec<Clause> {
    let n = toks.len();
    let words = |a: usize, b: usize| toks[a..b].iter().filter(|t| is_word(t)).count();
    let has_finite = |a: usize, b: usize| toks[a..b].iter().any(|t| finite(t, lex));
    let mut out: Vec<Clause> = Vec::new();
    let mut start = 0;
    let mut join = Join::First;
    let mut subject = None;
    for (k, c) in cuts.iter().enumerate() {
        let right_end = cuts.get(k + 1).map_or(n, |d| d.left_end_tok);
        let left_ok =
            words(start, c.left_end_tok) >= MIN_CLAUSE_WORDS && has_finite(start, c.left_end_tok);
        let right_ok = c.start < right_end
            && words(c.start, right_end) >= MIN_CLAUSE_WORDS
            && (c.join != Join::Semicolon || has_finite(c.start, right_end));
        if left_ok && right_ok {
            out.push(Clause {
                toks: (start, c.left_end_tok),
                end: c.left_end,
                join,
                subject,
            });
            subject = match (c.join, join) {
                (Join::Participle, Join::Participle) => subject,
                (Join::Participle, _) => {
                    shared_subject(toks, outside, (start, c.left_end_tok), lex)
                }
                _ => None,
            };
            start = c.start;
            join = c.join;
        }
    }
    if out.is_empty() {
        return out;
    }
    out.push(Clause {
        toks: (start, n),
        end: toks.last().map_or(0, |t| t.end),
        join,
        subject,
    });
    out
}

/// The subject a participial clause shares with the main clause `(start, end)` before
/// it: the words before that clause's first finite verb outside a quotation, back to
/// the nearest punctuation.
fn shared_subject(
    toks: &[Raw],
    outside: &[bool],
    (start, end): (usize, usize),
    lex: &Lexicon,
) -> Option<(usize, usize)> {
    let verb = (start..end).find(|&m| finite(&toks[m], lex) && (m == 0 || outside[m - 1]))?;
    let from = (start..verb)
        .rev()
        .find(|&m| toks[m].kind == RawKind::Punct)
        .map_or(start, |m| m + 1);
    (from < verb).then_some((from, verb))
}

/// Whether the words from token `i` open a clause with its own subject: a subject
/// pronoun, or a noun phrase (a determiner or a capitalised word) followed within a
/// few words by a finite verb, after at most a short fronted phrase ("following the
/// talks, the two leaders signed …"). A verb right after the conjunction ("…, and
/// denied it") shares the first clause's subject: no cut.
fn own_subject(toks: &[Raw], i: usize, lex: &Lexicon) -> bool {
    let opens = |t: &Raw| {
        t.kind == RawKind::Word
            && (lex.clause.pronoun.contains(&*t.lower)
                || lex.clause.det.contains(&*t.lower)
                || (t.cap && !finite(t, lex)))
    };
    let mut s = i;
    match toks.get(s) {
        Some(t) if opens(t) => {}
        Some(t)
            if t.kind == RawKind::Word
                && !finite(t, lex)
                && !lex.clause.aux.contains(&*t.lower) =>
        {
            // a fronted phrase ending in a comma
            let Some(k) = (s + 1..(s + 1 + MAX_FRONTED).min(toks.len()))
                .find(|&k| toks[k].kind == RawKind::Punct)
            else {
                return false;
            };
            if toks[k].lower != "," {
                return false;
            }
            s = k + 1;
            if !toks.get(s).is_some_and(opens) {
                return false;
            }
        }
        _ => return false,
    }
    let t = &toks[s];
    if !t.cap && lex.clause.pronoun.contains(&*t.lower) || t.lower == "i" {
        return toks.get(s + 1).is_some_and(|u| u.kind == RawKind::Word);
    }
    for u in toks.iter().skip(s + 1).take(MAX_SUBJECT_TOKENS) {
        if u.kind == RawKind::Punct {
            return false;
        }
        if finite(u, lex) {
            return true;
        }
    }
    false
}
