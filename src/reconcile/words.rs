//! Word tokens with folded forms, for comparing wordings: case, quote style and
//! punctuation are ignored, contractions are split ("didn't" is `did` + `not`),
//! hyphenated words are split ("12-point" is `12` + `point`), and letters an editor put
//! in brackets inside a word belong to it (`[T]he` is `the`).

use crate::model::{Span, TokenKind};
use crate::text::{Token, Tokens};
use std::borrow::Cow;

/// One word of a text, folded for comparison, and where it stands in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'t> {
    /// The folded form: lower case, straight apostrophes. Borrowed from the text when
    /// the text already is in folded form (most words), so splitting allocates little.
    pub norm: Cow<'t, str>,
    /// Its bytes in the document. Both halves of a split contraction share the span.
    pub span: Span,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

fn is_inner_number_sep(c: char) -> bool {
    matches!(c, '.' | ',')
}

/// Most characters between the brackets of an editorial change inside a word ("[T]he",
/// "shoot[ing]", "[s]he"): longer bracketed text is the editor's own phrase.
const MAX_GLUED_BRACKET_CHARS: usize = 4;

/// When token `i` opens a bracket glued to a word (`[`, a few letters, `]`, with a word
/// right before the `[` or right after the `]`, no space between), the index of the
/// token after its `]` and whether a word stands right before the `[`.
fn glued_bracket(toks: &[Token], i: usize) -> Option<(usize, bool)> {
    let (open, inner, close) = (toks.get(i)?, toks.get(i + 1)?, toks.get(i + 2)?);
    let letters = (inner.end - inner.start) as usize;
    if !open.is_punct('[')
        || !close.is_punct(']')
        || !inner.is_word()
        || letters > MAX_GLUED_BRACKET_CHARS
        || open.end != inner.start
        || inner.end != close.start
    {
        return None;
    }
    let before = i > 0 && toks[i - 1].is_word() && toks[i - 1].end == open.start;
    let after = toks
        .get(i + 3)
        .is_some_and(|n| n.is_word() && n.start == close.end);
    (before || after).then_some((i + 3, before))
}

/// The words of `text[span]`, in order, with document offsets. Out-of-range or
/// non-boundary spans give no words rather than panicking.
///
/// They are cut from the text layer's tokens ([`crate::text`]) of the span: a token
/// with inner hyphens, colons or slashes is split there ("12-point", "10:30"), a
/// possessive stays on its word ("china's"), and the letters of a dotted abbreviation are
/// words of their own.
pub fn words(text: &str, span: Span) -> Vec<Word<'_>> {
    if span.get(text).is_none() {
        return Vec::new();
    }
    let Some(upto) = text.get(..span.end) else {
        return Vec::new();
    };
    let layer = Tokens::new(upto, span.start);
    let mut out: Vec<Word<'_>> = Vec::with_capacity(layer.len());
    let toks = layer.all();
    let mut skip_to = 0;
    for (i, t) in toks.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        if let Some((after, before)) = glued_bracket(toks, i) {
            // "[T]he", "shoot[ing]": one word, the editor's letters in it
            let start = match out.last() {
                Some(w) if before && w.span.end == t.start as usize => {
                    out.pop().map_or(t.start as usize, |w| w.span.start)
                }
                _ => t.start as usize,
            };
            let glued_after = toks
                .get(after)
                .filter(|n| n.is_word() && n.start == toks[after - 1].end);
            skip_to = after + usize::from(glued_after.is_some());
            let end = glued_after.unwrap_or(&toks[after - 1]).end as usize;
            push_bracketed(upto, Span::new(start, end), &mut out);
            continue;
        }
        let ts = t.span();
        if t.kind == TokenKind::Punct {
            if t.ch == '%'
                && out
                    .last()
                    .is_some_and(|w: &Word<'_>| w.norm.starts_with(|d: char| d.is_ascii_digit()))
            {
                // "8%" is "8 percent" in another house style.
                out.push(Word {
                    norm: Cow::Borrowed("percent"),
                    span: ts,
                });
            }
            continue;
        }
        let end = layer
            .possessive_marker(upto, i)
            .filter(|m| upto[m.start..m.end].ends_with(['s', 'S']))
            .map_or(ts.end, |m| m.end);
        split(upto, Span::new(ts.start, end), &mut out);
    }
    out
}

/// The words of one token (with its possessive): letters and digits, with an apostrophe
/// between a letter and a letter or digit and a `.` or `,` between two digits kept
/// inside; any other mark separates.
fn split<'t>(text: &'t str, span: Span, out: &mut Vec<Word<'t>>) {
    let s = &text[span.start..span.end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next_alnum = chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
            let prev = chars[j - 1].1;
            if is_apostrophe(c) && prev.is_alphabetic() && next_alnum {
                j += 1;
                continue;
            }
            if is_inner_number_sep(c)
                && prev.is_ascii_digit()
                && chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit())
            {
                j += 1;
                continue;
            }
            break;
        }
        let end = chars.get(j).map_or(s.len(), |n| n.0);
        push_word(out, &s[start..end], span.start + start);
        // "per cent" is one word, "percent", in another house style.
        if out.len() >= 2 && out[out.len() - 1].norm == "cent" && out[out.len() - 2].norm == "per" {
            let cent = out.pop().map_or(span.start, |w| w.span.end);
            if let Some(per) = out.last_mut() {
                per.span = Span::new(per.span.start, cent);
                per.norm = Cow::Borrowed("percent");
            }
        }
        i = j;
    }
}

/// Pushes a word an editor changed with letters in brackets, folded without them.
fn push_bracketed<'t>(text: &'t str, span: Span, out: &mut Vec<Word<'t>>) {
    let Some(raw) = span.get(text) else { return };
    let norm: String = raw
        .chars()
        .filter(|c| !matches!(c, '[' | ']'))
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    out.push(Word {
        norm: Cow::Owned(norm),
        span,
    });
}

fn push_word<'t>(out: &mut Vec<Word<'t>>, raw: &'t str, offset: usize) {
    let span = Span::new(offset, offset + raw.len());
    let folded: Cow<'t, str> = if raw.bytes().all(|b| {
        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'\'' || b == b'.' || b == b','
    }) {
        Cow::Borrowed(raw)
    } else if raw.is_ascii() {
        Cow::Owned(raw.to_ascii_lowercase())
    } else {
        Cow::Owned(
            raw.chars()
                .map(|c| if is_apostrophe(c) { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect(),
        )
    };
    if let Some(base) = folded.strip_suffix("n't") {
        let base = match base {
            "wo" => "will",
            "ca" => "can",
            "sha" => "shall",
            b => b,
        };
        if !base.is_empty() {
            out.push(Word {
                norm: Cow::Owned(base.to_string()),
                span,
            });
        }
        out.push(Word {
            norm: Cow::Borrowed("not"),
            span,
        });
        return;
    }
    if folded == "cannot" {
        out.push(Word {
            norm: Cow::Borrowed("can"),
            span,
        });
        out.push(Word {
            norm: Cow::Borrowed("not"),
            span,
        });
        return;
    }
    out.push(Word { norm: folded, span });
}

/// Folds house-style spellings of quotation words to one form: a British spelling the
/// suffix rules of [`super::diff::same_word`] cannot reach ("fibre", "grey",
/// "programme") becomes its American form, so an outlet's house style is no misquote.
pub fn fold_house_style(ws: &mut [Word<'_>]) {
    let british = &crate::lexicon::Lexicon::get().comparison.british;
    for w in ws {
        if let Some(american) = british.get(w.norm.as_ref()) {
            w.norm = Cow::Borrowed(american);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(t: &str) -> Vec<String> {
        words(t, Span::new(0, t.len()))
            .into_iter()
            .map(|w| w.norm.into_owned())
            .collect()
    }

    #[test]
    fn folds_case_quotes_and_contractions() {
        assert_eq!(
            norms("“China’s plan,” he didn't say; 1,200.5 rubles"),
            ["china's", "plan", "he", "did", "not", "say", "1,200.5", "rubles"]
        );
        assert_eq!(norms("12-point year-old"), ["12", "point", "year", "old"]);
        assert_eq!(
            norms("It won't. Cannot!"),
            ["it", "will", "not", "can", "not"]
        );
    }

    #[test]
    fn letters_an_editor_bracketed_belong_to_their_word() {
        assert_eq!(norms("[T]he outage"), ["the", "outage"]);
        assert_eq!(norms("[b]eyond all"), ["beyond", "all"]);
        assert_eq!(
            norms("they were shoot[ing] at us"),
            ["they", "were", "shooting", "at", "us"]
        );
        assert_eq!(norms("[w]e met"), ["we", "met"]);
        // a bracketed phrase of its own stays apart (the caller drops it)
        assert_eq!(norms("[The police] have"), ["the", "police", "have"]);
        assert_eq!(norms("[sic] it"), ["sic", "it"]);
        let t = "[T]he outage";
        let ws = words(t, Span::new(0, t.len()));
        assert_eq!(ws[0].span.slice(t), "[T]he");
    }

    #[test]
    fn british_spellings_fold_to_one_form() {
        let t = "the fibre cut, grey programme";
        let mut ws = words(t, Span::new(0, t.len()));
        fold_house_style(&mut ws);
        let got: Vec<&str> = ws.iter().map(|w| w.norm.as_ref()).collect();
        assert_eq!(got, ["the", "fiber", "cut", "gray", "program"]);
    }

    #[test]
    fn percent_in_any_house_style_is_one_word() {
        assert_eq!(norms("8 per cent"), ["8", "percent"]);
        assert_eq!(norms("8%"), ["8", "percent"]);
        assert_eq!(norms("8 percent"), ["8", "percent"]);
        assert_eq!(norms("a % sign"), ["a", "sign"]);
    }

    #[test]
    fn spans_point_into_the_text() {
        let t = "Say “Ça va”, ok";
        for w in words(t, Span::new(0, t.len())) {
            assert_eq!(w.span.slice(t).to_lowercase(), w.norm);
        }
        assert!(words(t, Span::new(5, 6)).is_empty() || t.is_char_boundary(6));
        assert!(words(t, Span::new(0, 999)).is_empty());
    }
}
