//! Sentence segmentation and tokens, with byte spans into the original text.
//!
//! [`sentences`] splits a document's body (the text after its head) into sentences;
//! [`tokens`] splits a span of text into words, numbers and punctuation marks. Every
//! span is a half-open range of UTF-8 byte offsets into the original text, so
//! `span.slice(&doc.text)` is exactly the reported text.
//!
//! ```
//! use corroborate::{segment, Document};
//! let doc = Document::new(
//!     "a",
//!     "Mr. Xi met Gen. Smith at 5 p.m. on Jan. 3. \u{201c}We agree.\u{201d} The U.S. Senate did not.",
//! );
//! let texts: Vec<&str> = segment::sentences(&doc)
//!     .iter()
//!     .map(|s| s.span.slice(&doc.text))
//!     .collect();
//! assert_eq!(
//!     texts,
//!     [
//!         "Mr. Xi met Gen. Smith at 5 p.m. on Jan. 3.",
//!         "\u{201c}We agree.\u{201d}",
//!         "The U.S. Senate did not.",
//!     ]
//! );
//! ```
//!
//! # How boundaries are found
//!
//! One left-to-right pass over the bytes stops only at bytes that can matter (`.`,
//! `?`, `!`, line breaks, parentheses and the lead bytes of a few non-ASCII marks);
//! runs of letters and spaces are skipped eight bytes at a time. At a run of final
//! punctuation the segmenter looks at the closing quotes and brackets after it, the
//! whitespace, and the first letter of what follows:
//!
//! - a lower-case continuation (`"Stop." she said`, `(... engineer.) at`) never starts
//!   a sentence; neither does text glued to the mark (`3.5`, `example.com`, `Jr.'s`),
//!   except a word glued to a capitalised word (`ended.Both`);
//! - after a period, the word before it is looked up in `data/abbreviations.txt`:
//!   titles (`Mr.`, `Gen.`) never end a sentence; `No.`, `p.` and `Sept.` do not
//!   before a number; company suffixes and the like (`Inc.`, `Ltd.`, `etc.`) end one
//!   before any capitalised word but an acronym; ambiguous ones (`U.S.`, `Jr.`,
//!   initials, other dotted acronyms) end one only when a usual sentence opener from
//!   `data/sentence_starters.txt` follows (`in the U.S. They` splits, `the U.S.
//!   Senate` does not); `a.m.`/`p.m.` end one before a capital unless the sentence so
//!   far is only a short time phrase (`At 5 a.m. Mr. Smith ...`);
//! - `?` or `!` inside a closing quote followed by a name and a verb of saying
//!   (`"Why?" Mayor Novak asked.`) goes on;
//! - ellipses follow the usual typographic rules (`...` before a capital ends a
//!   sentence, a spaced `. . .` does not, a fourth dot does, `[...]` never does);
//! - inside a parenthesis that closes nearby no sentence ends; quotations get no such
//!   protection, so a quotation that never closes cannot swallow the text after it;
//! - a blank line always ends a sentence and starts a paragraph; a single line break
//!   ends one when the line has no final punctuation and the next line starts with a
//!   capital, a digit or a symbol (headlines, datelines, list items), unless the line
//!   ends in a word from `data/line_continuations.txt` or a comma; a run of lines none
//!   of which has final punctuation is one sentence per line;
//! - numbered and lettered list markers (`1.`, `2)`, `a.`, `• 9.`) are not sentence
//!   ends; a run of consecutive markers starts a new item even without punctuation.
//!
//! Every look-around is bounded or incremental, so the cost is linear in the input
//! (a 50 MB single line is fine), and nothing is allocated per sentence beyond the
//! output.

mod terminal;
mod tokens;

use terminal::{is_bullet, is_closer, terminal_kind};

pub use tokens::tokens;

use crate::lexicon::{flag, AbbrevClass, Lexicon};
use crate::model::{Document, Sentence, Span};

/// Whether `word`, as written in lower case, is a verb of saying that may follow a
/// quotation in an inverted attribution ("Who will pay?" Mayor Novak asked.).
fn is_inverted_cue(lex: &Lexicon, word: &str) -> bool {
    !word.chars().any(char::is_uppercase) && lex.is(word, flag::INVERTED_CUE)
}

/// The sentences of a document's body (the text after [`Document::head`]), in order.
///
/// Spans exclude surrounding whitespace; together they cover every non-whitespace
/// character of the body.
pub fn sentences(doc: &Document) -> Vec<Sentence> {
    sentence_spans(&doc.text, doc.body())
}

/// The sentences of `text[body]`, with spans into `text`.
///
/// `body` is clamped to the text and moved onto character boundaries, so any span is
/// accepted.
///
/// ```
/// use corroborate::{segment, Span};
/// let text = "HEADLINE\nNo. 5 was sold. Why? Nobody knows.";
/// let s = segment::sentence_spans(text, Span::new(9, text.len()));
/// assert_eq!(s.len(), 3);
/// assert_eq!(s[0].span.slice(text), "No. 5 was sold.");
/// ```
pub fn sentence_spans(text: &str, body: Span) -> Vec<Sentence> {
    let mut out = Vec::new();
    for_each_sentence(text, body, |s| out.push(s));
    out
}

/// Calls `f` with each sentence of `text[body]`, in order, without collecting them.
///
/// ```
/// use corroborate::{segment, Span};
/// let text = "One. Two.\n\nThree.";
/// let mut paragraphs = Vec::new();
/// segment::for_each_sentence(text, Span::new(0, text.len()), |s| paragraphs.push(s.paragraph));
/// assert_eq!(paragraphs, [0, 0, 1]);
/// ```
pub fn for_each_sentence(text: &str, body: Span, f: impl FnMut(Sentence)) {
    let end = text.len();
    let mut start = body.start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut stop = body.end.clamp(start, end);
    while !text.is_char_boundary(stop) {
        stop += 1;
    }
    Scanner::new(text, start, stop, f).run();
}

/// Which bytes the scanner must look at; all others are skipped.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'?' as usize] = true;
    t[b'!' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[b'(' as usize] = true;
    t[b')' as usize] = true;
    // Lead bytes of the non-ASCII marks we handle: U+061F, U+06D4 (0xD8, 0xDB),
    // U+0964/5 (0xE0), U+2026, U+203C, U+2047-9, U+2028/9 (0xE2), U+3002 (0xE3),
    // U+FF01, U+FF1F, U+FF61 (0xEF).
    t[0xD8] = true;
    t[0xDB] = true;
    t[0xE0] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

/// The first position at or after `i` (and before `end`) whose byte may be interesting:
/// a non-ASCII byte or an ASCII byte below `@` other than a space. Whole 8-byte words of
/// letters and spaces are skipped at once (SWAR); the caller checks the exact byte.
fn skip_plain(b: &[u8], mut i: usize, end: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    while i + 8 <= end {
        let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) else {
            break;
        };
        let w = u64::from_le_bytes(chunk);
        // Per byte lane (carries only run towards later lanes, so the first flagged
        // lane is exact): high bit set, or below 0x40 and not a space.
        let below_40 = !w.wrapping_add(0x40 * LO);
        let not_space = (w ^ (0x20 * LO)).wrapping_add(0x7F * LO);
        let mask = (w | (below_40 & not_space)) & HI;
        if mask != 0 {
            return i + (mask.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// What kind of final punctuation a run of marks is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    /// `?`, `!`, `..`, four or more dots: ends a sentence before anything but lower case.
    Strong,
    /// A full-width or CJK stop: ends a sentence even without a following space.
    Ideographic,
    /// One period: abbreviations decide.
    Period,
    /// `...` or `…`: ends a sentence before a capital.
    Ellipsis,
    /// A spaced `. . .` standing alone: an omission, not a sentence end.
    SpacedEllipsis,
    /// `word. . . .`: a period, then an ellipsis that belongs to the next sentence.
    PeriodThenEllipsis,
}

/// The first character of what follows a sentence-final mark.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Next {
    /// End of the paragraph or body.
    End,
    /// A lower-case letter.
    Lower,
    /// An ASCII digit.
    Digit,
    /// An upper-case letter, or a letter of a script without case.
    Upper,
    /// Anything else (a symbol, a dash, a bullet, a currency sign).
    Other,
}

/// A list marker such as `1.`, `2)`, `b.` or `• 10.`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Marker {
    /// Where the marker (with its bullet, if any) starts.
    start: usize,
    /// One past its final `.`, `)` or `.)`.
    end: usize,
    /// Numbers and letters count separately (`a.` is 1 in the letter sequence).
    letter: bool,
    value: u32,
}

struct Scanner<'t, F> {
    text: &'t str,
    b: &'t [u8],
    /// One past the last byte of the body.
    end: usize,
    lex: &'static Lexicon,
    sink: F,
    index: usize,
    paragraph: usize,
    paragraph_has_sentence: bool,
    /// Where the current sentence starts (before trimming).
    start: usize,
    /// Line breaks inside the current sentence that end it if it turns out to have no
    /// final punctuation (lists of short lines).
    soft_breaks: Vec<usize>,
    paren_depth: u32,
    last_marker: Option<Marker>,
}

impl<'t, F: FnMut(Sentence)> Scanner<'t, F> {
    fn new(text: &'t str, start: usize, end: usize, sink: F) -> Self {
        Scanner {
            text,
            b: text.as_bytes(),
            end,
            lex: Lexicon::get(),
            sink,
            index: 0,
            paragraph: 0,
            paragraph_has_sentence: false,
            start,
            soft_breaks: Vec::new(),
            paren_depth: 0,
            last_marker: None,
        }
    }

    fn run(mut self) {
        let mut i = self.start;
        loop {
            // Most of the text is letters and spaces: skip it eight bytes at a time, then
            // settle the remaining candidates with a table lookup.
            i = skip_plain(self.b, i, self.end);
            if i >= self.end {
                break;
            }
            let byte = self.b[i];
            if !INTERESTING[byte as usize] {
                i += 1;
                continue;
            }
            i = match byte {
                b'.' | b'?' | b'!' => self.terminal(i),
                b'\n' | b'\r' => self.line_break(i),
                b'(' => {
                    self.paren_depth = self.paren_depth.saturating_add(1);
                    i + 1
                }
                b')' => self.close_paren(i),
                0xE2 if !self.b.get(i + 1).is_some_and(|&b| b == 0x80 || b == 0x81) => {
                    // Not in U+2000..U+207F: arrows, bullets, symbols.
                    i + 3
                }
                0xE2 if matches!(self.b.get(i + 2), Some(0x98..=0x9F)) => {
                    // Curly quotation marks, the most common non-ASCII in news.
                    i + 3
                }
                _ => match self.char_at(i) {
                    Some(c) if terminal_kind(c).is_some() => self.terminal(i),
                    Some('\u{2028}' | '\u{2029}') => self.line_break(i),
                    Some(c) => i + c.len_utf8(),
                    None => i + 1,
                },
            };
            if i >= self.end {
                break;
            }
        }
        let end = self.end;
        self.emit_piece(self.start, end);
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..self.end)?.chars().next()
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i)?.chars().next_back()
    }

    // ---------------------------------------------------------------- emitting

    /// Ends the current sentence at `pos` and starts the next one there.
    fn cut(&mut self, pos: usize) {
        if pos <= self.start {
            return;
        }
        self.emit_piece(self.start, pos);
        self.start = pos;
    }

    /// Emits `text[s..e]` as one sentence, or as one per line when it is a run of
    /// lines of which none has final punctuation.
    fn emit_piece(&mut self, s: usize, e: usize) {
        if self.soft_breaks.is_empty() {
            self.emit_trimmed(s, e);
            return;
        }
        let breaks = std::mem::take(&mut self.soft_breaks);
        let piece = self.text[s..e].trim_end();
        let core = piece.trim_end_matches(is_closer);
        let finished = core
            .chars()
            .next_back()
            .is_some_and(|c| terminal_kind(c).is_some() || c == '.' || c == '?' || c == '!');
        if finished {
            self.emit_trimmed(s, e);
        } else {
            let mut from = s;
            for &b in breaks.iter().filter(|&&b| b > s && b < e) {
                self.emit_trimmed(from, b);
                from = b;
            }
            self.emit_trimmed(from, e);
        }
        self.soft_breaks = breaks;
        self.soft_breaks.clear();
    }

    fn emit_trimmed(&mut self, s: usize, e: usize) {
        let raw = &self.text[s..e];
        let trimmed = raw.trim_start();
        let start = s + (raw.len() - trimmed.len());
        let trimmed = trimmed.trim_end();
        if trimmed.is_empty() {
            return;
        }
        (self.sink)(Sentence {
            index: self.index,
            paragraph: self.paragraph,
            span: Span::new(start, start + trimmed.len()),
        });
        self.index += 1;
        self.paragraph_has_sentence = true;
    }

    // ---------------------------------------------------------------- line breaks

    /// A line break at `i`: a paragraph break if a blank line follows, otherwise
    /// possibly the end of an unpunctuated line (a headline).
    fn line_break(&mut self, i: usize) -> usize {
        let mut breaks = 0;
        let mut k = i;
        let rest = &self.text[i..self.end];
        let mut chars = rest.char_indices().peekable();
        while let Some((off, c)) = chars.next() {
            match c {
                '\n' | '\u{2028}' | '\u{0085}' => breaks += 1,
                '\r' => {
                    breaks += 1;
                    if let Some(&(_, '\n')) = chars.peek() {
                        chars.next();
                    }
                }
                '\u{2029}' => breaks += 2,
                c if c.is_whitespace() => {}
                _ => {
                    k = i + off;
                    break;
                }
            }
            k = i + off + c.len_utf8();
        }
        if breaks >= 2 || k >= self.end {
            // A paragraph break (or trailing whitespace): the sentence ends here.
            self.emit_piece(self.start, i);
            self.start = k;
            if self.paragraph_has_sentence {
                self.paragraph += 1;
                self.paragraph_has_sentence = false;
            }
            self.paren_depth = 0;
            self.last_marker = None;
            return k;
        }
        self.line_end(i, k);
        k
    }

    /// A single line break at `i`; the next line's text starts at `next`.
    fn line_end(&mut self, i: usize, next: usize) {
        let line = self.text[self.start..i].trim_end();
        let core = line.trim_end_matches(is_closer);
        let Some(last) = core.chars().next_back() else {
            return;
        };
        if last == '.' || last == '?' || last == '!' || terminal_kind(last).is_some() {
            // The mark before the break has been judged already.
            return;
        }
        if matches!(
            last,
            ',' | '-' | '\u{2010}' | '&' | '/' | '+' | '=' | '(' | '[' | '\u{201c}'
        ) {
            return;
        }
        let word_start = core
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic())
            .last()
            .map_or(core.len(), |(p, _)| p);
        if self.lex.is(&core[word_start..], flag::CONTINUATION) {
            return;
        }
        match self.next_kind(next) {
            Next::Lower => self.soft_breaks.push(i),
            Next::End => {}
            _ => self.cut(i),
        }
    }

    // ---------------------------------------------------------------- parentheses and lists

    fn close_paren(&mut self, i: usize) -> usize {
        if let Some(m) = self.marker_ending_at(i, i + 1) {
            return self.take_marker(m);
        }
        self.paren_depth = self.paren_depth.saturating_sub(1);
        i + 1
    }

    /// Accepts `m` as a list marker when it opens the sentence or continues the
    /// previous marker's sequence (then a new sentence starts at it).
    fn take_marker(&mut self, m: Marker) -> usize {
        self.last_marker = Some(m);
        if !self.text[self.start..m.start].trim().is_empty() {
            self.cut(m.start);
        }
        m.end
    }

    /// A list marker whose final punctuation ends at `punct_end` (the digits or letter
    /// end at `i`), if it is one the scanner should accept here.
    fn marker_ending_at(&self, i: usize, punct_end: usize) -> Option<Marker> {
        let b = self.b;
        let lo = self.start;
        // Fast rejection of the common case, a period after a word of two letters or more.
        if i >= lo + 2 && b[i - 1].is_ascii_alphabetic() && b[i - 2].is_ascii_alphanumeric() {
            return None;
        }
        // The marker must be followed by whitespace and more text on the line.
        let after = self.char_at(punct_end)?;
        if !after.is_whitespace() || after == '\n' || after == '\r' {
            return None;
        }
        let mut t = i;
        while t > lo && b[t - 1].is_ascii_digit() && i - t < 3 {
            t -= 1;
        }
        let (letter, value) = if t < i {
            if i - t > 2 || (t > lo && b[t - 1].is_ascii_digit()) {
                return None;
            }
            let v = self.text[t..i].parse::<u32>().ok()?;
            (false, v)
        } else if i > lo && b[i - 1].is_ascii_lowercase() {
            t = i - 1;
            (true, u32::from(b[t] - b'a') + 1)
        } else {
            return None;
        };
        // Before the marker: the sentence start, whitespace or a bullet.
        let mut start = t;
        if t > lo {
            let before = self.char_before(t)?;
            if is_bullet(before) {
                start = t - before.len_utf8();
                // One space may separate the bullet from the marker ("• 9.").
            } else if before.is_whitespace() {
                let prev = self.text[lo..t].trim_end();
                if let Some(c) = prev.chars().next_back() {
                    if is_bullet(c) {
                        start = lo + prev.len() - c.len_utf8();
                    }
                }
            } else {
                return None;
            }
        }
        let m = Marker {
            start,
            end: punct_end,
            letter,
            value,
        };
        let opens_sentence = self.text[lo..start].trim().is_empty();
        let continues = self
            .last_marker
            .is_some_and(|p| p.letter == letter && p.value + 1 == value);
        if opens_sentence || continues {
            Some(m)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentence_spans(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn basic() {
        assert_eq!(
            split("Hello World. My name is Jonas."),
            ["Hello World.", "My name is Jonas."]
        );
        assert_eq!(split("Mr. Smith went."), ["Mr. Smith went."]);
        assert_eq!(split(""), Vec::<&str>::new());
        assert_eq!(split("  \n\n "), Vec::<&str>::new());
    }

    #[test]
    fn body_is_clamped_to_char_boundaries() {
        let text = "é. Ab. Cd.";
        let s = sentence_spans(text, Span::new(1, 999));
        assert!(s.iter().all(|s| text.is_char_boundary(s.span.start)));
    }

    #[test]
    fn skip_plain_stops_at_the_first_candidate() {
        let naive = |b: &[u8], i: usize| {
            (i..b.len())
                .find(|&j| b[j] >= 0x80 || (b[j] < 0x40 && b[j] != b' '))
                .unwrap_or(b.len())
        };
        let text = "Hello world and more words here, then. Caf\u{e9} \u{201c}q\u{201d} 12 ok(x)";
        let b = text.as_bytes();
        for i in 0..b.len() {
            let got = skip_plain(b, i, b.len());
            let want = naive(b, i);
            // The fast path may stop early only in the last partial word.
            assert!(got == want || (got < want && got + 8 > b.len()), "at {i}");
        }
    }

    #[test]
    fn acronyms() {
        assert!(terminal::is_dotted_acronym("U.S"));
        assert!(terminal::is_dotted_acronym("Ph.D"));
        assert!(!terminal::is_dotted_acronym("example.com"));
        assert!(!terminal::is_dotted_acronym("1.5"));
    }
}
