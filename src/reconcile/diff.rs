//! Word-level alignment: longest common subsequence over folded words, hunks of
//! differing words, and the overlap alignment of two quotations.
//!
//! LCS costs `O(n·m)` time and memory for word counts `n`, `m`; quotations and claims
//! are sentences (tens of words), so this is microseconds per pair. Inputs past
//! [`MAX_CELLS`] are not compared at all rather than slowly.

use super::words::Word;
use crate::model::{DiffOp, DiffOpKind, Span};
use std::ops::Range;

/// Largest `n·m` table the aligner builds.
pub const MAX_CELLS: usize = 1 << 20;

/// Whether two folded words are the same word, counting British and American spellings
/// as one ("politicising" / "politicizing", "colour" / "color", "centre" / "center",
/// "travelled" / "traveled"): a quotation is not misquoted by a house style.
pub fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 || la < 4 || lb < 4 || a.as_bytes()[..2] != b.as_bytes()[..2] {
        return false;
    }
    spelling_fold(a) == spelling_fold(b)
}

/// British endings with their American forms, each list with the fewest letters the
/// stem before the ending must keep: -ise/-isation and their inflections need a long
/// stem so that "rise", "wise" or "noise" are not touched. The first ending that fits
/// is replaced.
const SPELLING_ENDINGS: [(&[(&str, &str)], usize); 3] = [
    (
        &[
            ("isations", "izations"),
            ("isation", "ization"),
            ("ising", "izing"),
            ("ised", "ized"),
            ("ises", "izes"),
            ("ise", "ize"),
            ("yse", "yze"),
            ("ysed", "yzed"),
            ("ysing", "yzing"),
        ],
        4,
    ),
    (
        &[
            ("ours", "ors"),
            ("our", "or"),
            ("tres", "ters"),
            ("tre", "ter"),
        ],
        3,
    ),
    (&[("lled", "led"), ("lling", "ling")], 3),
];

/// American spelling of the common British patterns, for comparison only.
fn spelling_fold(w: &str) -> String {
    for (endings, min_stem) in SPELLING_ENDINGS {
        for (from, to) in endings {
            if w.len() >= from.len() + min_stem {
                if let Some(stem) = w.strip_suffix(from) {
                    return format!("{stem}{to}");
                }
            }
        }
    }
    w.to_string()
}

/// Index pairs `(i, j)` of one longest common subsequence of `a` and `b`, increasing
/// in both. Ties prefer the leftmost match, so the result is deterministic.
pub fn lcs_pairs(a: &[Word<'_>], b: &[Word<'_>]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 || n.saturating_mul(m) > MAX_CELLS {
        return Vec::new();
    }
    // suffix table: t[i][j] = LCS length of a[i..], b[j..]
    let w = m + 1;
    let mut t = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * w + j] = if same_word(&a[i].norm, &b[j].norm) {
                t[(i + 1) * w + j + 1] + 1
            } else {
                t[(i + 1) * w + j].max(t[i * w + j + 1])
            };
        }
    }
    let mut out = Vec::with_capacity(t[0] as usize);
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if same_word(&a[i].norm, &b[j].norm) {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[(i + 1) * w + j] >= t[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// A run of differing words between two aligned anchors: `a[a]` replaced by `b[b]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hunk {
    /// Word indices on the first side.
    pub a: Range<usize>,
    /// Word indices on the second side.
    pub b: Range<usize>,
    /// Whether the hunk lies between two anchors (not before the first or after the last).
    pub interior: bool,
}

/// The hunks of differing words given LCS `pairs`, including the edges before the first
/// and after the last pair.
pub fn hunks(n: usize, m: usize, pairs: &[(usize, usize)]) -> Vec<Hunk> {
    let mut out = Vec::new();
    let (mut pi, mut pj) = (0usize, 0usize);
    let mut first = true;
    for &(i, j) in pairs.iter().chain(std::iter::once(&(n, m))) {
        let last = i == n && j == m;
        if i > pi || j > pj {
            out.push(Hunk {
                a: pi..i,
                b: pj..j,
                interior: !first && !last,
            });
        }
        first = false;
        pi = i + 1;
        pj = j + 1;
    }
    out
}

/// How two quotations line up on their overlapping words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteAlignment {
    /// The overlapping region on the first side, as word indices.
    pub a: Range<usize>,
    /// The overlapping region on the second side.
    pub b: Range<usize>,
    /// Words equal on both sides inside the region.
    pub matched: usize,
    /// The steps over the region.
    pub ops: Vec<DiffOp>,
}

impl QuoteAlignment {
    /// Whether any step changes something.
    pub fn differs(&self) -> bool {
        self.ops.iter().any(|o| o.kind != DiffOpKind::Equal)
    }
}

/// Settings of the quotation aligner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteParams {
    /// Words that must match for two quotations to count as the same statement (unless
    /// both are short, see `short_words`).
    pub min_matched: usize,
    /// The share, in percent, of the shorter quotation's words that must match for the
    /// words past the first and last shared word to be compared: two different
    /// statements that share a phrase differ only there, and are no misquote of each
    /// other.
    pub min_shorter_percent: usize,
    /// Content words (not function words) that must be among the matched words for two
    /// quotations to count as one statement (unless both are short): two statements
    /// that share only "there's a lot of" are two statements.
    pub min_content_matched: usize,
    /// Quotations of at most this many words each ("totally supports" / "fully
    /// supports") are compared as wholes on one shared word.
    pub short_words: usize,
    /// How many words past the first and last shared word both quotations may carry and
    /// still be compared there (both quoted that position of the statement).
    pub edge_words: usize,
    /// Largest gap, in words, between an edge anchor and the next before the edge anchor
    /// is taken for a chance match and dropped.
    pub max_edge_gap: usize,
    /// Most words on the other side that an editor's bracketed phrase ("[The police]
    /// have") may stand for.
    pub bracketed_words: usize,
}

impl Default for QuoteParams {
    fn default() -> Self {
        QuoteParams {
            min_matched: 3,
            min_shorter_percent: 60,
            min_content_matched: 2,
            short_words: 3,
            edge_words: 2,
            max_edge_gap: 3,
            bracketed_words: 3,
        }
    }
}

fn text_of(text: &str, words: &[Word<'_>]) -> (String, Option<Span>) {
    match (words.first(), words.last()) {
        (Some(f), Some(l)) => {
            let span = Span::new(f.span.start, l.span.end.max(f.span.start));
            (span.get(text).unwrap_or("").to_string(), Some(span))
        }
        _ => (String::new(), None),
    }
}

/// `b` with each pair of coordinated words that `a` carries in the other order put in
/// `a`'s order ("lightest and thinnest" read as "thinnest and lightest"): the order of
/// two coordinated words is no misquote. `None` when there is none.
fn coordinations_in_order<'t>(a: &[Word<'_>], b: &[Word<'t>]) -> Option<Vec<Word<'t>>> {
    let conj = |w: &Word<'_>| matches!(w.norm.as_ref(), "and" | "or");
    let mut out: Option<Vec<Word<'t>>> = None;
    for i in (1..a.len().saturating_sub(1)).filter(|&i| conj(&a[i])) {
        let (x, y) = (&a[i - 1].norm, &a[i + 1].norm);
        if x == y {
            continue;
        }
        let found = (1..b.len().saturating_sub(1))
            .find(|&j| b[j].norm == a[i].norm && &b[j - 1].norm == y && &b[j + 1].norm == x);
        if let Some(j) = found {
            let ws = out.get_or_insert_with(|| b.to_vec());
            ws.swap(j - 1, j + 1);
            // the words keep their places in the text
            let (first, last) = (ws[j + 1].span, ws[j - 1].span);
            ws[j - 1].span = first;
            ws[j + 1].span = last;
        }
    }
    out
}

/// Aligns two direct quotations over their overlapping words, or `None` when they do not
/// share enough words to be quotations of the same statement.
///
/// Outlets quote different-length parts of one statement, so only the region from the
/// first to the last shared word counts, widened by up to `edge_words` where *both*
/// quotations go on (both quoted that position, so the words there must agree).
pub fn align_quotes(
    text_a: &str,
    a: &[Word<'_>],
    text_b: &str,
    b: &[Word<'_>],
    p: QuoteParams,
) -> Option<QuoteAlignment> {
    let reordered = coordinations_in_order(a, b);
    let b = reordered.as_deref().unwrap_or(b);
    let mut pairs = lcs_pairs(a, b);
    // Drop chance matches at the edges: an anchor far from the next is no anchor.
    let far = |x: (usize, usize), y: (usize, usize)| {
        y.0 - x.0 > p.max_edge_gap + 1 || y.1 - x.1 > p.max_edge_gap + 1
    };
    while pairs.len() >= 2 && far(pairs[0], pairs[1]) {
        pairs.remove(0);
    }
    while pairs.len() >= 2 && far(pairs[pairs.len() - 2], pairs[pairs.len() - 1]) {
        pairs.pop();
    }
    let (&(i0, j0), &(i1, j1)) = (pairs.first()?, pairs.last()?);
    let matched = pairs.len();
    // The core (first to last shared word) must be mostly shared words.
    let core = (i1 - i0 + 1).max(j1 - j0 + 1);
    let short = a.len().max(b.len()) <= p.short_words;
    if !(short || matched >= p.min_matched) || 2 * matched < core {
        return None;
    }
    let content = pairs.iter().filter(|&&(i, _)| content_word(&a[i])).count();
    if !short && content < p.min_content_matched {
        return None;
    }
    // Widen over the edges only on a strong core that covers most of the shorter
    // quotation, or when the widened regions are the whole of two short quotations
    // ("totally supports" / "fully supports"). Two statements that share a phrase
    // ("Together we intend to create a powerhouse" / "The deal will create a
    // powerhouse") differ only past their shared words: no misquote of each other.
    // An edge is compared where one quotation ends within `edge_words` of the shared
    // words (it quoted the statement from there) or the shared words cover most of
    // the shorter quotation.
    let (lead, tail) = (i0.min(j0), (a.len() - 1 - i1).min(b.len() - 1 - j1));
    let left = lead.min(p.edge_words);
    let right = tail.min(p.edge_words);
    let whole =
        i0 - left == 0 && j0 - left == 0 && i1 + right + 1 == a.len() && j1 + right + 1 == b.len();
    let covers = matched * 100 >= a.len().min(b.len()) * p.min_shorter_percent;
    let edge = |rest: usize, width: usize| {
        if whole || (matched >= 3 && (covers || rest == width)) {
            width
        } else {
            0
        }
    };
    let (left, right) = (edge(lead, left), edge(tail, right));
    let ra = (i0 - left)..(i1 + right + 1);
    let rb = (j0 - left)..(j1 + right + 1);
    let (wa, wb) = (&a[ra.clone()], &b[rb.clone()]);
    // Aligned again over the region: a word the edges bring in may match one there (a
    // chance match dropped above stood for it).
    let local = lcs_pairs(wa, wb);
    let matched = local.len();
    let changes: Vec<Option<DiffOp>> = hunks(wa.len(), wb.len(), &local)
        .into_iter()
        .map(|h| {
            let kind = match (h.a.is_empty(), h.b.is_empty()) {
                (false, false) => DiffOpKind::Substitute,
                (false, true) => DiffOpKind::Delete,
                _ => DiffOpKind::Insert,
            };
            let skip = same_in_house_style(text_a, wa, &h.a, text_b, wb, &h.b, p);
            let (old, old_span) = text_of(text_a, &wa[h.a.clone()]);
            let (new, new_span) = text_of(text_b, &wb[h.b.clone()]);
            (!skip).then_some(DiffOp {
                kind,
                old,
                new,
                old_span,
                new_span,
            })
        })
        .collect();
    let ops = interleave(text_a, wa, text_b, wb, &local, changes);
    Some(QuoteAlignment {
        a: ra,
        b: rb,
        matched,
        ops,
    })
}

/// Whether a quotation word carries content: not a function word ("there's" is
/// "there").
fn content_word(w: &Word<'_>) -> bool {
    let n = w.norm.as_ref();
    let n = n.strip_suffix("'s").unwrap_or(n);
    !crate::lexicon::Lexicon::get().is(n, crate::lexicon::flag::STOPWORD)
}

/// The text between word `at - 1` and word `at` of `w`, when both exist.
fn gap_before<'x>(text: &'x str, w: &[Word<'_>], at: usize) -> Option<&'x str> {
    if at == 0 || at >= w.len() {
        return None;
    }
    text.get(w[at - 1].span.end..w[at].span.start)
}

/// Whether a hunk of differing words (`ha` of `wa` against `hb` of `wb`) is no
/// difference of wording: words left out at an ellipsis ("We wish you success … If China
/// is strong") or standing for the editor's bracketed phrase ("[The police] have"); one
/// word written joined or hyphenated ("email" / "e-mail"); a web address ending
/// ("MySpace.com" / "MySpace").
fn same_in_house_style(
    text_a: &str,
    wa: &[Word<'_>],
    ha: &Range<usize>,
    text_b: &str,
    wb: &[Word<'_>],
    hb: &Range<usize>,
    p: QuoteParams,
) -> bool {
    let omitted = |text: &str, w: &[Word<'_>], at: usize, other: usize| {
        gap_before(text, w, at).is_some_and(|gap| {
            gap.contains('\u{2026}')
                || gap.contains("...")
                || (gap.contains(']') && other <= p.bracketed_words)
        })
    };
    if ha.is_empty() && omitted(text_a, wa, ha.start, hb.len()) {
        return true;
    }
    if hb.is_empty() && omitted(text_b, wb, hb.start, ha.len()) {
        return true;
    }
    let joined = |w: &[Word<'_>]| w.iter().map(|x| x.norm.as_ref()).collect::<String>();
    if !ha.is_empty() && !hb.is_empty() && joined(&wa[ha.clone()]) == joined(&wb[hb.clone()]) {
        return true;
    }
    let domains = &crate::lexicon::Lexicon::get().comparison.domains;
    let web_ending = |text: &str, w: &[Word<'_>], h: &Range<usize>| {
        h.len() == 1
            && domains.contains(w[h.start].norm.as_ref())
            && gap_before(text, w, h.start) == Some(".")
    };
    (hb.is_empty() && web_ending(text_a, wa, ha)) || (ha.is_empty() && web_ending(text_b, wb, hb))
}

/// Puts the changing `ops` (in order) between the runs of equal words given by `pairs`.
fn interleave(
    text_a: &str,
    wa: &[Word<'_>],
    text_b: &str,
    wb: &[Word<'_>],
    pairs: &[(usize, usize)],
    changes: Vec<Option<DiffOp>>,
) -> Vec<DiffOp> {
    let hs = hunks(wa.len(), wb.len(), pairs);
    let mut out = Vec::new();
    let mut changes = changes.into_iter();
    let mut run: Vec<(usize, usize)> = Vec::new();
    let flush = |run: &mut Vec<(usize, usize)>, out: &mut Vec<DiffOp>| {
        if let (Some(&(i0, j0)), Some(&(i1, j1))) = (run.first(), run.last()) {
            let (old, old_span) = text_of(text_a, &wa[i0..=i1]);
            let (new, new_span) = text_of(text_b, &wb[j0..=j1]);
            out.push(DiffOp {
                kind: DiffOpKind::Equal,
                old,
                new,
                old_span,
                new_span,
            });
        }
        run.clear();
    };
    let mut hi = 0;
    for &(i, j) in pairs {
        while hi < hs.len() && hs[hi].a.end <= i && hs[hi].b.end <= j {
            flush(&mut run, &mut out);
            if let Some(Some(op)) = changes.next() {
                out.push(op);
            }
            hi += 1;
        }
        run.push((i, j));
    }
    flush(&mut run, &mut out);
    out.extend(changes.flatten());
    out
}

#[cfg(test)]
mod tests {
    use super::super::words::words;

    #[test]
    fn british_and_american_spellings_are_one_word() {
        for (a, b) in [
            ("politicising", "politicizing"),
            ("organisation", "organization"),
            ("colour", "color"),
            ("centre", "center"),
            ("travelled", "traveled"),
            ("analysed", "analyzed"),
        ] {
            assert!(same_word(a, b), "{a} / {b}");
            assert!(same_word(b, a), "{b} / {a}");
        }
        for (a, b) in [
            ("rise", "rize"),
            ("four", "for"),
            ("extreme", "intense"),
            ("using", "instrumentalizing"),
        ] {
            assert!(!same_word(a, b), "{a} / {b}");
        }
    }
    use super::*;

    fn w(t: &str) -> Vec<Word<'_>> {
        words(t, Span::new(0, t.len()))
    }

    fn show(al: &QuoteAlignment) -> Vec<String> {
        al.ops
            .iter()
            .map(|o| match o.kind {
                DiffOpKind::Equal => format!("={}", o.old),
                DiffOpKind::Substitute => format!("{}->{}", o.old, o.new),
                DiffOpKind::Insert => format!("+{}", o.new),
                DiffOpKind::Delete => format!("-{}", o.old),
            })
            .collect()
    }

    /// The steps aligning quotation `a` with `b`, or `None` when they do not align.
    fn steps(a: &str, b: &str) -> Option<Vec<String>> {
        align_quotes(a, &w(a), b, &w(b), QuoteParams::default()).map(|al| show(&al))
    }

    #[test]
    fn quotations_align_on_their_overlap() {
        let cases: [(&str, &str, Option<&[&str]>); 7] = [
            // two statements sharing only function words are two statements
            (
                "there's a lot of fear here",
                "we know that there's a lot of work in the harbour",
                None,
            ),
            (
                "this is what we have been saying for years",
                "that is what we have been told by them",
                None,
            ),
            // a substitution at the edge of a shorter quote
            (
                "deep concern about the conflict and extreme interest in the soonest possible establishment of peace in Ukraine",
                "intense interest in the soonest possible creation of peace in Ukraine",
                Some(&[
                    "extreme->intense",
                    "=interest in the soonest possible",
                    "establishment->creation",
                    "=of peace in Ukraine",
                ]),
            ),
            // different extents are no difference
            (
                "Belarus and China are interested in averting an escalation of the crisis",
                "averting an escalation of the crisis and ready to make efforts",
                Some(&["=averting an escalation of the crisis"]),
            ),
            // unrelated quotes do not align
            (
                "expressed serious worry",
                "deep concern about the development of the armed conflict",
                None,
            ),
            (
                "we will fully support the plan for peace",
                "we will support the new plan for peace",
                Some(&["=we will", "-fully", "=support the", "+new", "=plan for peace"]),
            ),
            // words left out at an ellipsis are no difference
            (
                "We wish you success … If China is strong, Belarus will be strong",
                "We wish you success in everything. If China is strong, Belarus will be strong",
                Some(&["=We wish you success", "=If China is strong, Belarus will be strong"]),
            ),
        ];
        for (a, b, want) in cases {
            let want = want.map(|w| w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            assert_eq!(steps(a, b), want, "{a} / {b}");
        }
    }

    #[test]
    fn hunks_mark_edges() {
        let a = w("x a b c");
        let b = w("a z c y");
        let p = lcs_pairs(&a, &b);
        let h = hunks(a.len(), b.len(), &p);
        assert_eq!(h.len(), 3);
        assert!(!h[0].interior && h[1].interior && !h[2].interior);
    }
}
