//! Pairwise comparison of two claims' facts, one kind of disagreement at a time. Each
//! comparison returns where, on each side, the disagreement lies, in terms of indices
//! into the facts (so claims with the same facts share one comparison).

use super::diff::{align_quotes, hunks, lcs_pairs, QuoteParams};
pub use super::fact::{date, quantity};
use super::fact::{
    denial_against_another_predicate, denies_only_a_plan, negates, phase, planned, shapes_meet,
    subjects_apart, written_alike,
};
use super::facts::{Facts, QuoteWords};
use super::lexicon::Lexicon;
use super::party::{Party, Relation};
use super::words::Word;
use crate::extract::{quantity, time};
use crate::model::{DiffOp, Quantity, TimeExpr, TimeValue};
use std::ops::Range;

/// Where one side of a disagreement lies in a claim's facts.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Loc {
    /// A time, by index in `Facts::times`.
    Time(usize),
    /// A quantity, by index in `Facts::quantities`.
    Quantity(usize),
    /// The speaker of a quotation (by index in `Facts::speakers`), or of the claim.
    Speaker(Option<usize>),
    /// The source.
    Source,
    /// A region of the claim's words with the differing ones marked.
    Words {
        /// The region.
        region: Range<usize>,
        /// The differing words.
        marks: Vec<usize>,
    },
    /// A region of one direct quotation's words, with the differing ones marked.
    Quote {
        /// Index in `Facts::quotes`.
        quote: usize,
        /// The region (the overlap of the two quotations).
        region: Range<usize>,
        /// The differing words.
        marks: Vec<usize>,
    },
}

/// One disagreement between two claims.
#[derive(Clone, Debug)]
pub struct Pair {
    /// Where it lies on the first claim.
    pub a: Loc,
    /// Where it lies on the second.
    pub b: Loc,
    /// The word-level diff, for quotations.
    pub ops: Vec<DiffOp>,
}

/// The weekday of a symbolic weekday with no time of day (`XXXX-WXX-3`; ISO: Monday
/// is 1).
fn weekday_of_value(v: &TimeValue) -> Option<u32> {
    match v {
        TimeValue::Date(c) => c.symbolic_weekday(),
        _ => None,
    }
}

/// A weekday written alone ("Wednesday", "on Friday", "Sunday morning"): its ISO number
/// (Monday = 1) and its part of the day, if any.
fn bare_weekday(text: &str) -> Option<(u32, Option<String>)> {
    let lower = text.trim().to_lowercase();
    let lower = lower.strip_prefix("on ").unwrap_or(&lower);
    let mut words = lower.split_whitespace();
    // a full, singular weekday name from the time lexicon
    let (day, plural, abbreviated) = crate::extract::lex::lexicon().get(words.next()?)?.weekday?;
    if plural || abbreviated {
        return None;
    }
    let part = match (words.next(), words.next()) {
        (None, _) => None,
        (Some(p @ ("morning" | "afternoon" | "evening" | "night")), None) => Some(p.to_string()),
        _ => return None,
    };
    Some((day, part))
}

fn weekday_of(t: &TimeExpr) -> Option<u32> {
    if let Some(w) = weekday_of_value(&t.value) {
        return Some(w);
    }
    let i = t.interval?;
    (i.start == i.end).then(|| i.start.weekday_index() + 1)
}

/// Whether two times can be the same: the interval contract first, then symbolic
/// weekdays ("Wednesday" in an undated article against "Thursday" or a dated day).
pub fn times_compatible(a: &TimeExpr, b: &TimeExpr) -> Option<bool> {
    // The same weekday name in two articles is the same day, whatever their publication
    // dates make of it ("Wednesday" in a paper of Thursday and in one of the next
    // Tuesday): the aligned claims report one act.
    if let (Some((x, px)), Some((y, py))) = (bare_weekday(&a.text), bare_weekday(&b.text)) {
        if x == y && (px.is_none() || py.is_none() || px == py) {
            return Some(true);
        }
    }
    if let Some(v) = time::verdict(a, b) {
        return Some(v);
    }
    if a.vague || b.vague {
        return None;
    }
    let symbolic = weekday_of_value(&a.value).is_some() || weekday_of_value(&b.value).is_some();
    match (symbolic, weekday_of(a), weekday_of(b)) {
        (true, Some(x), Some(y)) => Some(x == y),
        _ => None,
    }
}

/// Whether two quantities can state the same amount. Two bounds of the same kind
/// ("more than 200" and "more than 2,000") are held to their numbers: logically both can
/// hold, but a reader takes them as two different counts.
pub(super) fn quantities_compatible(a: &Quantity, b: &Quantity) -> Option<bool> {
    use crate::model::Approx;
    if a.approx == b.approx && matches!(a.approx, Approx::AtLeast | Approx::AtMost) {
        let exact = |q: &Quantity| Quantity {
            approx: Approx::Exact,
            ..q.clone()
        };
        return quantities_compatible(&exact(a), &exact(b));
    }
    quantity::verdict(a, b)
}

/// Whether two quotations are substantially the same statement: both of at least four
/// words, at least three shared, and shared words making 60% of both together (Dice).
/// A quoted term ("all-weather") or a short quote inside a longer paraphrase is not the
/// same statement as the paraphrase.
fn same_statement(a: &[Word<'_>], b: &[Word<'_>]) -> bool {
    if a.len().min(b.len()) < STATEMENT_WORDS {
        return false;
    }
    let m = lcs_pairs(a, b).len();
    m >= STATEMENT_SHARED && 2 * m * 100 >= (a.len() + b.len()) * STATEMENT_DICE_PERCENT
}

/// Whether two claims that each report one person's speech report the same thing: the
/// content words of the claims outside the speakers' names (order free: reported
/// speech is reworded) are mostly shared.
fn same_report(a: &Facts, b: &Facts) -> bool {
    let content = |f: &Facts| -> std::collections::BTreeSet<String> {
        let name = f.speakers.first().map(|s| s.party.span);
        f.words
            .iter()
            .filter(|w| !name.is_some_and(|n| n.contains(w.span)))
            .map(|w| w.norm.strip_suffix("'s").unwrap_or(&w.norm).to_string())
            .filter(|n| !crate::lexicon::Lexicon::get().is(n, crate::lexicon::flag::STOPWORD))
            .collect()
    };
    let (x, y) = (content(a), content(b));
    let shared = x.intersection(&y).count();
    shared >= REPORT_SHARED && shared * 100 >= x.len().min(y.len()) * REPORT_SHARED_PERCENT
}

/// Fewest content words two claims reporting speech share to report one statement.
const REPORT_SHARED: usize = 4;

/// The share (percent) of the smaller claim's content words two claims reporting
/// speech share to report one statement.
const REPORT_SHARED_PERCENT: usize = 50;

/// Fewest words a quotation has to be a statement that can be given to someone.
const STATEMENT_WORDS: usize = 4;

/// Fewest words two statements share to be the same.
const STATEMENT_SHARED: usize = 3;

/// The share of words (Dice coefficient, in percent) two statements share to be the
/// same.
const STATEMENT_DICE_PERCENT: usize = 60;

/// How many words after a negating particle its verb may stand ("did not even
/// approve").
const NEGATED_VERB_REACH: usize = 3;

/// Shortest stem of a negated verb looked for on the other side.
const MIN_VERB_STEM: usize = 3;

/// An attribution disagreement: the same statement given to two parties that cannot be
/// one (after alias resolution, by identity: see [`Relation`]), or, when neither claim
/// quotes anyone, the claims themselves given to such parties; two agents only when
/// both are people doing the same act (one predicate).
pub fn attribution(a: &Facts, b: &Facts) -> Option<Pair> {
    // Two claims aligned as one, each reporting one person's speech, report one
    // statement: the reported words are cut from the sentence by the extraction's
    // reading ("..., X said this morning"), the aligned claims are the statement.
    let one_report = |f: &Facts| {
        f.speakers.len() == 1 && f.speakers[0].reported && f.speakers[0].party.is_person()
    };
    let reports = one_report(a) && one_report(b) && same_report(a, b);
    for (i, x) in a.speakers.iter().enumerate() {
        for (j, y) in b.speakers.iter().enumerate() {
            if x.party.relation(&y.party) == Relation::Different
                && (reports || same_statement(&x.words, &y.words))
            {
                return Some(Pair {
                    a: Loc::Speaker(Some(i)),
                    b: Loc::Speaker(Some(j)),
                    ops: Vec::new(),
                });
            }
        }
    }
    if !a.speakers.is_empty() || !b.speakers.is_empty() {
        return None;
    }
    let (x, y) = (a.speaker.as_ref()?, b.speaker.as_ref()?);
    // A claim's speaker that is its source ("X reported that ...") is compared as a
    // source.
    let is_source = |p: &Party, f: &Facts| {
        f.source
            .as_ref()
            .is_some_and(|s| s.span == p.span || (s.actor.is_some() && s.actor == p.actor))
    };
    if is_source(x, a) || is_source(y, b) {
        return None;
    }
    // Who did something and who said something are not rivals.
    if a.agent != b.agent {
        return None;
    }
    if a.agent {
        // Different agents of different acts ("X was convicted" / "Y had served") are
        // different facts; a body or an unresolved name is no agent to hold an act to.
        let one_act = a.predicate.is_some() && a.predicate == b.predicate;
        if !one_act || !x.is_person() || !y.is_person() {
            return None;
        }
        // Who did it: "Xi met Lukashenko" and "Lukashenko met Xi" agree; only an agent
        // the other claim does not mention at all is a different one.
        let named_in = |p: &Party, f: &Facts| p.actor.is_some_and(|id| f.mentioned.contains(&id));
        if named_in(x, b) || named_in(y, a) {
            return None;
        }
    }
    (x.relation(y) == Relation::Different).then(|| Pair {
        a: Loc::Speaker(None),
        b: Loc::Speaker(None),
        ops: Vec::new(),
    })
}

/// A source disagreement: both credit a source and they are not the same.
pub fn source(a: &Facts, b: &Facts) -> Option<Pair> {
    let (x, y) = (a.source.as_ref()?, b.source.as_ref()?);
    (!x.same_source(y)).then(|| Pair {
        a: Loc::Source,
        b: Loc::Source,
        ops: Vec::new(),
    })
}

/// A polarity disagreement: over the claims' aligned words, the small hunks of differing
/// words carry an odd number of negation cues and antonym swaps.
pub fn polarity(a: &Facts, b: &Facts, max_hunk: usize) -> Option<Pair> {
    if !shapes_meet(a.frame.shape, b.frame.shape) {
        return None;
    }
    // the flip first: most pairs have none, and the overlap costs a stem per word
    let flip = flipped(a, b, max_hunk)?;
    (one_statement(a, b) && !phases_at_two_times(a, b, &flip)).then_some(flip)
}

/// The verb a negating particle at `p` of `words` denies ("not", "never", "n't",
/// skipping "be", "been", "yet"), with its stem ([`verb_stem`]), when the stem is long
/// enough to look for elsewhere.
pub(super) fn negated_verb_stem(words: &[Word<'_>], p: usize) -> Option<(usize, String)> {
    if !matches!(words.get(p)?.norm.as_ref(), "not" | "never" | "n't") {
        return None;
    }
    let v = (p + 1..words.len().min(p + 1 + NEGATED_VERB_REACH)).find(|&k| {
        !matches!(
            words[k].norm.as_ref(),
            "be" | "been" | "being" | "yet" | "even"
        )
    })?;
    let sv = verb_stem(&words[v].norm);
    (sv.chars().count() >= MIN_VERB_STEM).then(|| (v, sv.to_string()))
}

/// The verb a negating particle at `p` of `x` denies (see [`negated_verb_stem`]), with
/// the index of a word of `y` of the same stem.
fn negated_verb_at(x: &Facts, p: usize, y: &Facts) -> Option<(usize, usize)> {
    let (v, sv) = negated_verb_stem(&x.words, p)?;
    let j = y.words.iter().position(|w| verb_stem(&w.norm) == sv)?;
    Some((v, j))
}

/// Whether a flip rests only on a start against an end ("began" / "ended") and the two
/// claims date them at different times, none written alike on both sides: the two
/// moments of one happening, not one moment denied.
fn phases_at_two_times(a: &Facts, b: &Facts, flip: &Pair) -> bool {
    let marks = |l: &Loc, f: &Facts| -> Option<bool> {
        let Loc::Words { marks, .. } = l else {
            return None;
        };
        Some(
            !marks.is_empty()
                && marks
                    .iter()
                    .all(|&i| f.words.get(i).is_some_and(|w| phase(&w.norm).is_some())),
        )
    };
    let alike = a
        .times
        .iter()
        .any(|x| b.times.iter().any(|y| written_alike(x, y)));
    marks(&flip.a, a) == Some(true)
        && marks(&flip.b, b) == Some(true)
        && !a.times.is_empty()
        && !b.times.is_empty()
        && !alike
}

/// The words that flip one claim's meaning against the other's, if any (see
/// [`polarity`]).
fn flipped(a: &Facts, b: &Facts, max_hunk: usize) -> Option<Pair> {
    let lex = Lexicon::get();
    let pairs = lcs_pairs(&a.words, &b.words);
    if pairs.is_empty() {
        return None;
    }
    let mut flips = 0usize;
    let mut antonym = false;
    let (mut ma, mut mb) = (Vec::new(), Vec::new());
    for h in hunks(a.words.len(), b.words.len(), &pairs) {
        if h.a.len().max(h.b.len()) > max_hunk
            || (!h.interior && (h.a.is_empty() || h.b.is_empty()))
        {
            continue;
        }
        let mut used_b = vec![false; h.b.len()];
        let mut used_a = vec![false; h.a.len()];
        for (ia, i) in h.a.clone().enumerate() {
            for (jb, j) in h.b.clone().enumerate() {
                if !used_b[jb] && lex.are_antonyms(&a.words[i].norm, &b.words[j].norm) {
                    used_b[jb] = true;
                    used_a[ia] = true;
                    flips += 1;
                    antonym = true;
                    ma.push(i);
                    mb.push(j);
                    break;
                }
            }
        }
        let (wa, wb) = (&a.words[h.a.clone()], &b.words[h.b.clone()]);
        for (ia, i) in h.a.clone().enumerate() {
            if !used_a[ia]
                && negates(&a.doc.text, &a.words, i)
                && !denial_against_another_predicate(&a.words[i].norm, wb)
            {
                flips += 1;
                ma.push(i);
            }
        }
        for (jb, j) in h.b.clone().enumerate() {
            if !used_b[jb]
                && negates(&b.doc.text, &b.words, j)
                && !denial_against_another_predicate(&b.words[j].norm, wa)
            {
                flips += 1;
                mb.push(j);
            }
        }
    }
    if flips.is_multiple_of(2) {
        // Reordered claims ("X did not approve the plan" against "the plan was approved
        // by X") put the cue in a hunk too large to read: the word a particle negates,
        // found unnegated on the other side, is the flip.
        return negated_verb(a, b)
            .map(|(i, j)| (vec![i], vec![j]))
            .or_else(|| negated_verb(b, a).map(|(j, i)| (vec![i], vec![j])))
            .or_else(|| lone_antonyms(a, b).map(|(i, j)| (vec![i], vec![j])))
            .map(|(ma, mb)| marked_words(a, b, ma, mb));
    }
    // Without an antonym swap, the claims as wholes must differ in negation too: "306
    // vessels were rejected" and "the panel rejected 306 vessels" put the same cue in
    // different hunks.
    if !antonym {
        let count = |f: &Facts| {
            (0..f.words.len())
                .filter(|&i| negates(&f.doc.text, &f.words, i))
                .count()
        };
        if count(a).is_multiple_of(2) == count(b).is_multiple_of(2) {
            return None;
        }
        if only_planned(a, b) {
            return None;
        }
    }
    ma.sort_unstable();
    mb.sort_unstable();
    Some(marked_words(a, b, ma, mb))
}

/// Whether a negation on one side denies what the other only plans or expects ("could
/// not face" against "was scheduled to face"): a plan is no assertion.
pub(super) fn only_planned(a: &Facts, b: &Facts) -> bool {
    let plan = |x: &Facts, y: &Facts| {
        denies_only_a_plan(
            &x.doc.text,
            &x.words,
            &y.words,
            NEGATED_VERB_REACH,
            verb_stem,
        )
    };
    plan(a, b) || plan(b, a)
}

/// Whether two claims state one thing, so that a negation or an antonym on one side
/// denies what the other asserts: they share at least [`POLARITY_SHARED`] content words
/// (stemmed, synonyms folded, negation cues left out; a short claim all its words but
/// one, at least [`POLARITY_SHARED_SHORT`]), and those make at least
/// [`POLARITY_SHARED_PERCENT`] of the content words of the claim that has fewer.
/// Sentences aligned over a name and one verb ("He fired at the deputy" / "No shots
/// were fired when Orozco was taken into custody") state two facts.
fn one_statement(a: &Facts, b: &Facts) -> bool {
    let content = |f: &Facts| -> std::collections::BTreeSet<String> {
        let lex = crate::lexicon::Lexicon::get();
        (0..f.words.len())
            .filter(|&i| !negates(&f.doc.text, &f.words, i))
            .map(|i| f.words[i].norm.trim_end_matches("'s"))
            .filter(|w| !lex.is(w, crate::lexicon::flag::STOPWORD))
            .map(crate::claims::canonical_word)
            .collect()
    };
    let (x, y) = (content(a), content(b));
    let shared = x.intersection(&y).count();
    let fewer = x.len().min(y.len());
    // a short claim ("The board approved the deal") shares all but the flipped word
    let enough =
        shared >= POLARITY_SHARED || (shared >= POLARITY_SHARED_SHORT && shared + 1 >= fewer);
    enough && shared * 100 >= fewer * POLARITY_SHARED_PERCENT
}

/// Fewest content words a short claim shares with the other, all but the word flipped.
const POLARITY_SHARED_SHORT: usize = 2;

/// Fewest content words two claims share to state one thing a negation can deny.
const POLARITY_SHARED: usize = 3;

/// The share (percent) of the smaller claim's content words two claims share to state
/// one thing a negation can deny.
const POLARITY_SHARED_PERCENT: usize = 40;

/// A disagreement over the claims' whole words, with the words that carry it marked.
pub(super) fn marked_words(a: &Facts, b: &Facts, ma: Vec<usize>, mb: Vec<usize>) -> Pair {
    Pair {
        a: Loc::Words {
            region: 0..a.words.len(),
            marks: ma,
        },
        b: Loc::Words {
            region: 0..b.words.len(),
            marks: mb,
        },
        ops: Vec::new(),
    }
}

/// Whether an antonym is a comparative, a superlative, an ordinal, a quantifier or a
/// preposition ("over 54 percent" and "under the deal", "who first reported" and "last
/// week", "none other than" and "of all time"), which pairs with anything at a
/// distance: only a swap in place reverses a claim.
pub(super) fn relational(w: &str) -> bool {
    matches!(
        w,
        "up" | "down"
            | "over"
            | "under"
            | "above"
            | "below"
            | "before"
            | "after"
            | "more"
            | "less"
            | "fewer"
            | "most"
            | "least"
            | "higher"
            | "lower"
            | "first"
            | "last"
            | "earliest"
            | "latest"
            | "earlier"
            | "later"
            | "all"
            | "none"
            | "always"
            | "never"
            | "everyone"
            | "nobody"
            | "everything"
            | "nothing"
            | "better"
            | "worse"
            | "best"
            | "worst"
    )
}

/// One antonym pair across the claims, each word absent from the other claim ("the
/// index rose 5%" against "... in Iran the index declined by 5%"): their indices.
fn lone_antonyms(a: &Facts, b: &Facts) -> Option<(usize, usize)> {
    let lex = Lexicon::get();
    let has = |f: &Facts, w: &str| f.words.iter().any(|x| x.norm == w);
    let mut found = None;
    for (i, x) in a.words.iter().enumerate() {
        if has(b, &x.norm) || relational(&x.norm) {
            continue;
        }
        for (j, y) in b.words.iter().enumerate() {
            if lex.are_antonyms(&x.norm, &y.norm) && !has(a, &y.norm) {
                if found.is_some() {
                    return None;
                }
                found = Some((i, j));
            }
        }
    }
    found
}

/// In `x`, a negating particle ("not", "never") before a verb (skipping "be", "been")
/// whose stem `y` carries with no negation anywhere in `y`: the particle's index in `x`
/// and the verb's in `y`. Only when `x` has exactly one negation cue in all.
fn negated_verb(x: &Facts, y: &Facts) -> Option<(usize, usize)> {
    let cues = |f: &Facts| -> Vec<usize> {
        (0..f.words.len())
            .filter(|&i| negates(&f.doc.text, &f.words, i))
            .collect()
    };
    let in_x = cues(x);
    if in_x.len() != 1 || !cues(y).is_empty() {
        return None;
    }
    let p = in_x[0];
    let (v, j) = negated_verb_at(x, p, y)?;
    // the verb only planned on the other side ("was scheduled to face") is not asserted,
    // and a verb done to another thing states another fact
    let spans = |f: &Facts| f.times.iter().map(|t| t.span).collect::<Vec<_>>();
    let apart = subjects_apart(
        (&x.doc.text, &x.words, v, &spans(x)),
        (&y.doc.text, &y.words, j, &spans(y)),
    );
    (!planned(&y.words, j) && !apart).then_some((p, j))
}

/// A verb folded crudely to the stem its inflections share ("faced", "faces" → "fac").
pub(super) fn verb_stem(w: &str) -> &str {
    w.strip_suffix("ed")
        .or_else(|| w.strip_suffix("es"))
        .or_else(|| w.strip_suffix('s'))
        .or_else(|| w.strip_suffix('d'))
        .unwrap_or(w)
}

/// Whether two quotations are given to parties that cannot be one: then they are two
/// statements, never a misquote of one (a barber's words and a councilman's that share
/// a phrase). A quotation whose speaker is unknown can be anyone's.
fn said_by_others(x: &QuoteWords<'_>, y: &QuoteWords<'_>) -> bool {
    match (&x.speaker, &y.speaker) {
        (Some(p), Some(q)) => p.relation(q) == Relation::Different,
        _ => false,
    }
}

/// Whether a step that leaves words out of one quotation leaves out words the same
/// claim quotes apart ("the world's thinnest" notebook ... also the "world's
/// lightest"): the quotation was cut in two, not changed.
fn quoted_apart(o: &DiffOp, a: &Facts, qi: usize, b: &Facts, qj: usize) -> bool {
    let (text, side, own) = match o.kind {
        crate::model::DiffOpKind::Delete => (&o.old, b, qj),
        crate::model::DiffOpKind::Insert => (&o.new, a, qi),
        _ => return false,
    };
    let stop = |w: &str| crate::lexicon::Lexicon::get().is(w, crate::lexicon::flag::STOPWORD);
    let left_out: Vec<String> = super::words::words(text, crate::model::Span::new(0, text.len()))
        .into_iter()
        .map(|w| w.norm.into_owned())
        .filter(|w| !stop(w))
        .collect();
    !left_out.is_empty()
        && side.quotes.iter().enumerate().any(|(k, q)| {
            k != own
                && left_out
                    .iter()
                    .all(|w| q.words.iter().any(|x| x.norm == w.as_str()))
        })
}

/// Quotation wording disagreements: each pair of direct quotations of one party (or of
/// an unknown one) that align as the same words and differ inside their overlap.
pub fn quote_wording(a: &Facts, b: &Facts, p: QuoteParams) -> Vec<Pair> {
    let mut out = Vec::new();
    let ta = &a.doc.text;
    let tb = &b.doc.text;
    let mut used_b = vec![false; b.quotes.len()];
    for (qi, qa) in a.quotes.iter().enumerate() {
        // best partner: most shared words, then first
        let best = b
            .quotes
            .iter()
            .enumerate()
            .filter(|(j, qb)| !used_b[*j] && !said_by_others(qa, qb))
            .filter_map(|(j, qb)| align_quotes(ta, &qa.words, tb, &qb.words, p).map(|al| (j, al)))
            .max_by(|x, y| x.1.matched.cmp(&y.1.matched).then(y.0.cmp(&x.0)));
        let Some((qj, mut al)) = best else { continue };
        used_b[qj] = true;
        al.ops.retain(|o| !quoted_apart(o, a, qi, b, qj));
        if !al.differs() {
            continue;
        }
        let mark = |words: &[super::words::Word<'_>],
                    spans: Vec<crate::model::Span>,
                    region: &Range<usize>| {
            region
                .clone()
                .filter(|&k| spans.iter().any(|s| s.contains(words[k].span)))
                .collect::<Vec<usize>>()
        };
        // where the changing steps stand on one side
        let changed = |side: fn(&DiffOp) -> Option<crate::model::Span>| -> Vec<_> {
            al.ops
                .iter()
                .filter(|o| o.kind != crate::model::DiffOpKind::Equal)
                .filter_map(side)
                .collect()
        };
        let marks_a = mark(&qa.words, changed(|o| o.old_span), &al.a);
        let marks_b = mark(&b.quotes[qj].words, changed(|o| o.new_span), &al.b);
        out.push(Pair {
            a: Loc::Quote {
                quote: qi,
                region: al.a.clone(),
                marks: marks_a,
            },
            b: Loc::Quote {
                quote: qj,
                region: al.b.clone(),
                marks: marks_b,
            },
            ops: al.ops,
        });
    }
    out
}
