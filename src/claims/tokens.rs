//! The claims stage's view of a sentence: words, numbers and punctuation with byte
//! offsets, lower-cased with apostrophes folded; and the words inside its quotations.

use super::lexicon::Lexicon;

/// What a raw token is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum RawKind {
    Word,
    Number,
    Punct,
}

/// A token of a sentence: byte offsets into it, its kind, whether it opens with a
/// capital, and its lower case with quote-like apostrophes folded to `'`.
#[derive(Clone, Debug)]
pub(crate) struct Raw {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: RawKind,
    pub(crate) cap: bool,
    pub(crate) lower: String,
}

/// Apostrophe-like marks, folded to `'` inside words.
pub(super) fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`'
    )
}

/// Words (letters with inner apostrophes or hyphens), numbers (digits with inner `.`/`,`)
/// and single punctuation characters, with byte offsets into `text`.
pub(crate) fn raw_tokens(text: &str) -> Vec<Raw> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|c| c.1);
    let off = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            i += 1;
            while let Some(d) = at(i) {
                if d.is_ascii_digit() {
                    i += 1;
                } else if (d == '.' || d == ',') && at(i + 1).is_some_and(|e| e.is_ascii_digit()) {
                    i += 2;
                } else {
                    break;
                }
            }
            kind = RawKind::Number;
        } else if c.is_alphanumeric() {
            i += 1;
            while let Some(d) = at(i) {
                if d.is_alphanumeric() {
                    i += 1;
                } else if (is_quote_mark(d) || d == '-' || d == '\u{2010}')
                    && at(i + 1).is_some_and(char::is_alphanumeric)
                {
                    i += 2;
                } else {
                    break;
                }
            }
            kind = RawKind::Word;
        } else {
            i += 1;
            kind = RawKind::Punct;
        }
        let s = &text[off(start)..off(i)];
        let lower: String = s
            .chars()
            .map(|c| if is_quote_mark(c) { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect();
        out.push(Raw {
            start: off(start),
            end: off(i),
            kind,
            cap: c.is_uppercase(),
            lower,
        });
    }
    out
}

/// The double quotation marks a quoted passage opens and closes with: straight, curly,
/// low-9 and guillemets.
pub const QUOTATION_MARKS: [char; 7] = [
    '"', '\u{201C}', '\u{201D}', '\u{201E}', '\u{201F}', '«', '»',
];

/// The passages of `text` inside double quotation marks (`“…”`, `„…“`, `«…»`, `"…"`),
/// each as its words, lower-case and verbatim (no stemming, no synonyms), function
/// words left out: the wording a quotation holds to. A quotation mark opens a passage
/// outside one and closes it inside one, so a mark typed the wrong way round does not
/// swallow the rest of the sentence; an unclosed passage runs to the end.
///
/// ```
/// use corroborate::claims;
/// let q = claims::quoted_words("Ties were raised to an “all-weather” partnership, “a historic leap,” he said.");
/// assert_eq!(q, vec![vec!["all-weather"], vec!["historic", "leap"]]);
/// ```
pub fn quoted_words(text: &str) -> Vec<Vec<String>> {
    let lex = Lexicon::builtin();
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut inside = false;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<Vec<String>>| {
        if !word.is_empty() {
            let w = word.trim_matches(|c| c == '-' || c == '\'');
            if !w.is_empty() && !lex.stop.contains(w) && !lex.negation.contains(w) {
                if let Some(last) = out.last_mut() {
                    last.push(w.to_string());
                }
            }
            word.clear();
        }
    };
    for c in text.chars() {
        if QUOTATION_MARKS.contains(&c) {
            flush(&mut word, &mut out);
            inside = !inside;
            if inside {
                out.push(Vec::new());
            }
        } else if !inside {
            continue;
        } else if c.is_alphanumeric() || c == '-' || is_quote_mark(c) {
            word.extend(
                c.to_lowercase()
                    .map(|c| if is_quote_mark(c) { '\'' } else { c }),
            );
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out.retain(|p| !p.is_empty());
    out
}
