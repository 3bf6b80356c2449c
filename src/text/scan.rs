//! The tokenizer: one pass over the bytes, ASCII answered from a table, words with other
//! letters cut at Unicode word boundaries (UAX #29).

use super::{Sym, Token};
use unicode_segmentation::UnicodeSegmentation;

pub use crate::model::TokenKind;

/// Shape bits of a token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Shape(pub u16);

impl Shape {
    /// The first character is upper case.
    pub const CAP: Shape = Shape(1);
    /// No space stands between the previous token and this one.
    pub const GLUED: Shape = Shape(1 << 1);
    /// A line break stands between the previous token and this one (or it is first).
    pub const NL: Shape = Shape(1 << 2);
    /// A blank line stands between the previous token and this one.
    pub const PARA: Shape = Shape(1 << 3);
    /// Followed by a possessive `’s`, `'s`, or a bare `’` after a final `s`, which is
    /// not part of the token ("China’s" is the word "China", possessive).
    pub const POSS: Shape = Shape(1 << 4);
    /// Has an inner hyphen.
    pub const HYPHEN: Shape = Shape(1 << 5);
    /// Has an inner apostrophe ("didn't", "O’Brien").
    pub const APOS: Shape = Shape(1 << 6);
    /// A dotted abbreviation ("U.S.", "a.m.").
    pub const DOTTED: Shape = Shape(1 << 7);
    /// A URL or an e-mail address.
    pub const URL: Shape = Shape(1 << 8);
    /// Every byte is ASCII.
    pub const ASCII: Shape = Shape(1 << 9);
    /// Every letter is upper case, and there are at least two ("NATO", "U.S.").
    pub const UPPER: Shape = Shape(1 << 10);

    /// Whether any bit of `other` is set.
    #[inline]
    pub fn intersects(self, other: Shape) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::BitOr for Shape {
    type Output = Shape;
    fn bitor(self, o: Shape) -> Shape {
        Shape(self.0 | o.0)
    }
}

impl std::ops::BitOrAssign for Shape {
    fn bitor_assign(&mut self, o: Shape) {
        self.0 |= o.0;
    }
}

/// ASCII letters and digits, as a table (the word sweep looks at every byte).
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Characters of the General Punctuation block that are neither letters, digits nor
/// spaces (dashes, curly quotes, bullets, ellipsis, ...): the common non-ASCII
/// characters of news text, answered without a Unicode table lookup.
fn is_general_punct(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// A character that continues a word: a letter, a digit or a combining mark.
fn is_word_char(c: char) -> bool {
    (!is_general_punct(c) && c.is_alphanumeric())
        || matches!(c, '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
            | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}' | '\u{200d}')
}

/// Tokens of `text[from..]` pushed to `out`, their lower-case forms recorded in `lower`
/// (which holds `text` with ASCII lower-cased; other words are appended), each given the
/// symbol and lexicon flags `sym_of` finds for its lower-case bytes.
pub(super) fn scan(
    text: &str,
    from: usize,
    lower: &mut String,
    out: &mut Vec<Token>,
    mut sym_of: impl FnMut(&[u8]) -> (Sym, u64),
) {
    let bytes = text.as_bytes();
    let mut i = from;
    // Line breaks since the previous token ("\r\n" is one).
    let mut breaks = 2u32;
    let mut glued = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            match b {
                b'\n' => {
                    breaks += 1;
                    glued = false;
                    i += 1;
                    continue;
                }
                b'\r' => {
                    if bytes.get(i + 1) != Some(&b'\n') {
                        breaks += 1;
                    }
                    glued = false;
                    i += 1;
                    continue;
                }
                b' ' | b'\t' | 0x0b | 0x0c => {
                    glued = false;
                    i += 1;
                    continue;
                }
                _ => {}
            }
        }
        let c = if b < 0x80 {
            char::from(b)
        } else {
            match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        if b >= 0x80 && !is_general_punct(c) && c.is_whitespace() {
            if is_line_break(c) {
                breaks += 1;
            }
            glued = false;
            i += c.len_utf8();
            continue;
        }
        let mut shape = Shape::default();
        if glued {
            shape |= Shape::GLUED;
        }
        if breaks >= 1 {
            shape |= Shape::NL;
        }
        if breaks >= 2 {
            shape |= Shape::PARA;
        }
        let word_start = if b < 0x80 {
            ASCII_ALNUM[usize::from(b)]
        } else {
            is_word_char(c)
        };
        let (kind, end, extra) = if let Some(n) = url_len(&text[i..]) {
            (
                TokenKind::Word,
                i + n,
                Shape::URL | ascii_shape(&text[i..i + n]),
            )
        } else if b.is_ascii_digit() {
            let n = number_end(bytes, i);
            if continues_word(&text[n..]) {
                // "13th", "7:38pm", "12-point", "2008's": a word that starts with a number.
                let w = word_from(text, i, n);
                (TokenKind::Word, w.end, w.shape)
            } else {
                (TokenKind::Number, n, Shape::ASCII)
            }
        } else if word_start {
            let w = word(text, i);
            (TokenKind::Word, w.end, w.shape)
        } else if b < 0x80 {
            (TokenKind::Punct, i + 1, Shape::ASCII)
        } else {
            (TokenKind::Punct, i + c.len_utf8(), Shape::default())
        };
        shape |= extra;
        let s = &text[i..end];
        let ascii = shape.intersects(Shape::ASCII);
        if c.is_uppercase() {
            shape |= Shape::CAP;
            if end - i > 1 && is_all_caps(s, ascii) {
                shape |= Shape::UPPER;
            }
        }
        let lo = if ascii || kind == TokenKind::Punct {
            (i as u32, end as u32)
        } else {
            let at = lower.len();
            for ch in s.chars() {
                if ch == '’' {
                    lower.push('\'');
                } else {
                    lower.extend(ch.to_lowercase());
                }
            }
            (at as u32, lower.len() as u32)
        };
        let (sym, flags) = sym_of(&lower.as_bytes()[lo.0 as usize..lo.1 as usize]);
        out.push(Token {
            start: i as u32,
            end: end as u32,
            lo,
            sym,
            flags,
            kind,
            shape,
            ch: c,
        });
        breaks = 0;
        glued = true;
        i = end;
        if shape.intersects(Shape::POSS) {
            i += possessive_len(&text[i..]);
        }
    }
}

/// [`Shape::ASCII`] when `s` is ASCII.
fn ascii_shape(s: &str) -> Shape {
    if s.is_ascii() {
        Shape::ASCII
    } else {
        Shape::default()
    }
}

/// Whether the word `s` has two or more letters, all upper case.
fn is_all_caps(s: &str, ascii: bool) -> bool {
    if ascii {
        let b = s.as_bytes();
        return !b.iter().any(u8::is_ascii_lowercase)
            && b.iter().filter(|c| c.is_ascii_uppercase()).nth(1).is_some();
    }
    let mut letters = s.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
}

/// Whether `rest`, right after a number, goes on as a word: a letter, or a hyphen or an
/// apostrophe before a letter or digit.
fn continues_word(rest: &str) -> bool {
    let mut it = rest.chars();
    match it.next() {
        Some(c) if is_word_char(c) => true,
        Some(c) if is_apostrophe(c) || c == '-' || c == '‐' => {
            it.next().is_some_and(char::is_alphanumeric)
        }
        _ => false,
    }
}

/// The end of the number starting at `i` (an ASCII digit): digits with inner `.,:/-`
/// separators each followed by a digit.
fn number_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() {
        if b[j].is_ascii_digit() {
            j += 1;
        } else if matches!(b[j], b'.' | b',' | b':' | b'/' | b'-')
            && b.get(j + 1).is_some_and(u8::is_ascii_digit)
        {
            j += 2;
        } else {
            break;
        }
    }
    j
}

/// A word's end and shape.
struct Word {
    end: usize,
    shape: Shape,
}

/// The word starting at `start` (a word character that is not an ASCII digit).
fn word(text: &str, start: usize) -> Word {
    word_from(text, start, start)
}

/// The word starting at `start` whose first `taken - start` bytes (ASCII) are already
/// part of it.
#[inline(always)]
fn word_from(text: &str, start: usize, taken: usize) -> Word {
    let bytes = text.as_bytes();
    // ASCII until a character that is not is taken in.
    let mut shape = if bytes[start] < 0x80 {
        Shape::ASCII
    } else {
        Shape::default()
    };
    let mut end = taken;
    // Where the current run of word characters began (after the last joining mark).
    let mut piece = taken;
    loop {
        // ASCII letters and digits in one sweep.
        end += bytes[end..]
            .iter()
            .position(|&b| !ASCII_ALNUM[usize::from(b)])
            .unwrap_or(bytes.len() - end);
        if end >= bytes.len() {
            break;
        }
        let b = bytes[end];
        // An ASCII byte that can neither join nor mark a word ends it.
        if b < 0x80 && !matches!(b, b'\'' | b'-' | b'.' | b',' | b'@') {
            break;
        }
        let rest = &text[end..];
        let mut it = rest.chars();
        let Some(n) = it.next() else { break };
        if b >= 0x80 && is_word_char(n) {
            // Other letters: as far as the Unicode word boundary after the run's start,
            // and no further than a character that joins words by our own rules (an
            // apostrophe, a period, a hyphen).
            let run = &text[piece..];
            let seg = run
                .split_word_bound_indices()
                .next()
                .map_or(0, |(_, s)| s.len());
            let cut = run[..seg]
                .char_indices()
                .find(|&(_, c)| !is_word_char(c))
                .map_or(seg, |(p, _)| p);
            if piece + cut <= end {
                break; // a word boundary here (between two ideographs, say)
            }
            end = piece + cut;
            shape.0 &= !Shape::ASCII.0;
            continue;
        }
        let after = it.clone().next();
        if is_apostrophe(n) {
            // "’s" at a word end is a possessive; a letter on both sides is part of the
            // word (they’d, O'Brien); "s’" is a plural possessive.
            if let Some(a) = after {
                if (a == 's' || a == 'S') && !it.clone().nth(1).is_some_and(char::is_alphanumeric) {
                    shape |= Shape::POSS;
                    break;
                }
                if a.is_alphabetic() {
                    end += n.len_utf8();
                    piece = end;
                    shape |= Shape::APOS;
                    if !n.is_ascii() {
                        shape.0 &= !Shape::ASCII.0;
                    }
                    continue;
                }
            }
            if n == '’' && text[start..end].ends_with(['s', 'S']) {
                shape |= Shape::POSS;
            }
            break;
        }
        if n == '-' || n == '‐' {
            if after.is_some_and(char::is_alphanumeric) {
                end += n.len_utf8();
                piece = end;
                shape |= Shape::HYPHEN;
                if !n.is_ascii() {
                    shape.0 &= !Shape::ASCII.0;
                }
                continue;
            }
            break;
        }
        if n == '@' {
            if let Some(e) = email_end(text, start, end) {
                return Word {
                    end: e,
                    shape: Shape::URL | ascii_shape(&text[start..e]),
                };
            }
            break;
        }
        if n == '.' || n == ',' {
            let prev_digit = bytes[end - 1].is_ascii_digit();
            if prev_digit && after.is_some_and(|a| a.is_ascii_digit()) {
                end += 1;
                piece = end;
                continue;
            }
            if n == '.' {
                if let Some(e) = email_end(text, start, end) {
                    return Word {
                        end: e,
                        shape: Shape::URL | ascii_shape(&text[start..e]),
                    };
                }
                if let Some(e) = dotted_end(text, start, end) {
                    return Word {
                        end: e,
                        shape: shape | Shape::DOTTED,
                    };
                }
            }
            break;
        }
        break;
    }
    Word { end, shape }
}

/// The end of a dotted abbreviation ("U.S.", "p.m.", "e.g.") whose first letter is
/// `text[start..end]` and whose first period is at `end`: single letters joined by
/// periods, two or more, with the final period.
fn dotted_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    if end - start != 1 || !b[start].is_ascii_alphabetic() {
        return None;
    }
    let mut k = end;
    // `k` is at a period after a single letter.
    while b.get(k) == Some(&b'.')
        && b.get(k + 1).is_some_and(u8::is_ascii_alphabetic)
        && !b.get(k + 2).is_some_and(u8::is_ascii_alphanumeric)
    {
        k += 2;
    }
    if k == end {
        return None;
    }
    if b.get(k) == Some(&b'.') {
        k += 1;
    }
    Some(k)
}

/// The end of an e-mail address that starts at `start`, when the word sweep stopped at
/// `at` (a period or `@` inside the local part or at its end).
fn email_end(text: &str, start: usize, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    let is_part =
        |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
    // Bounded by the longest parts an address may have, so runs of dots stay linear.
    let local = at - start + b[at..].iter().take(65).take_while(|&&c| is_part(c)).count();
    if local == 0 || local > 64 || b.get(start + local) != Some(&b'@') {
        return None;
    }
    let dstart = start + local + 1;
    let domain = b[dstart..]
        .iter()
        .take(253)
        .take_while(|&&c| is_part(c))
        .count();
    let mut end = dstart + domain;
    while end > dstart && matches!(b[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let dom = &text[dstart..end];
    (dom.contains('.')
        && dom
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphanumeric))
    .then_some(end)
}

/// Length of a URL at the start of `s`, without trailing punctuation.
fn url_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let first = *b.first()?;
    if !matches!(first, b'h' | b'H' | b'w' | b'W') {
        return None;
    }
    let starts = |p: &str| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if !(starts("http://") || starts("https://") || starts("www.")) {
        return None;
    }
    let mut end = s
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '\u{201c}' | '\u{201d}'))
        .map_or(s.len(), |(p, _)| p);
    while end > 0 {
        let last = s[..end].chars().next_back()?;
        if matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '\u{2019}'
        ) {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    (end > 0).then_some(end)
}

/// The length of the possessive marker at the start of `rest`: `’s`, `'s` or a bare `’`.
pub(super) fn possessive_len(rest: &str) -> usize {
    if rest.starts_with("’s") || rest.starts_with("’S") {
        "’s".len()
    } else if rest.starts_with("'s") || rest.starts_with("'S") {
        2
    } else if rest.starts_with('’') {
        "’".len()
    } else {
        0
    }
}
