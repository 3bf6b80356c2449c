//! Quotation marks paired over a document's body, read by both the mention finder
//! (a name inside quotation marks is no speaker) and the quote stage.
//!
//! Straight, curly, single and guillemet marks are paired with paragraph awareness and
//! without trusting the sentence segmenter. Apostrophes (`China’s`, `they’d`) are not
//! marks. A quote that never closes ends at the end of its first sentence when it
//! opened mid-sentence, else at the end of its paragraph, so a stray mark never
//! swallows the rest of the article. One quotation is open at a time, so the pairs come
//! out in text order without overlapping.

use crate::extract::actors::lexicon::{quote_cues, CueKind, Lexicon};
use crate::model::Span;

/// A pair of quotation marks found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marked {
    /// The opening mark.
    pub open: Span,
    /// The quoted words, trimmed.
    pub content: Span,
    /// The closing mark, or `None` when the quote was recovered without one.
    pub close: Option<Span>,
}

impl Marked {
    /// Where the quotation ends: after its closing mark, or after its words when it
    /// was recovered without one.
    pub fn end(&self) -> usize {
        self.close.map(|c| c.end).unwrap_or(self.content.end)
    }
}

/// Whether `span` lies inside the words of one of `marks`, as [`scan`] returns them: in
/// text order and not overlapping, so only the last quotation starting at or before the
/// span can hold it.
pub(crate) fn inside_any(marks: &[Marked], span: Span) -> bool {
    let k = marks.partition_point(|q| q.content.start <= span.start);
    k > 0 && marks[k - 1].content.start <= span.start && span.end <= marks[k - 1].content.end
}

/// Pairs the quotation marks of `text[from..]`.
pub(crate) fn scan(text: &str, from: usize) -> Vec<Marked> {
    let mut scanner = Scanner {
        text,
        from,
        open: None,
        out: Vec::new(),
        single_closers: None,
    };
    // The second apostrophe of a `''` pair, already read with the first.
    let mut taken = None;
    for at in candidates(text.as_bytes(), from) {
        if taken == Some(at) {
            continue;
        }
        if text.as_bytes().get(at..at + 2) == Some(b"''") {
            taken = Some(at + 1);
            scanner.step_double_apostrophe(at);
            continue;
        }
        if let Some(c) = text[at..].chars().next().filter(|&c| is_mark_or_break(c)) {
            scanner.step(at, c);
        }
    }
    scanner.finish();
    debug_assert!(scanner
        .out
        .windows(2)
        .all(|w| w[0].end() <= w[1].open.start));
    scanner.out
}

/// The byte offsets in `bytes[from..]` where a quotation mark or line break can start,
/// in order: only `"`, `'`, a line feed, or the lead bytes 0xC2, 0xE2 and 0xE3 of the
/// non-ASCII marks. Two vectorized searches, merged.
fn candidates(bytes: &[u8], from: usize) -> impl Iterator<Item = usize> + '_ {
    let tail = bytes.get(from..).unwrap_or_default();
    let mut ascii = memchr::memchr3_iter(b'"', b'\'', b'\n', tail).peekable();
    let mut multi = memchr::memchr3_iter(0xC2, 0xE2, 0xE3, tail).peekable();
    std::iter::from_fn(move || {
        let next = match (ascii.peek(), multi.peek()) {
            (Some(&a), Some(&m)) if a < m => ascii.next(),
            (Some(_), Some(_)) | (None, Some(_)) => multi.next(),
            (Some(_), None) => ascii.next(),
            (None, None) => None,
        };
        next.map(|p| p + from)
    })
}

fn is_double_open(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '‹' | '「' | '『')
}

fn is_double_close(c: char) -> bool {
    matches!(c, '”' | '»' | '›' | '」' | '』')
}

fn is_break(c: char) -> bool {
    c == '\n' || c == '\u{2029}'
}

fn is_mark_or_break(c: char) -> bool {
    c == '"'
        || c == '\''
        || is_break(c)
        || is_double_open(c)
        || is_double_close(c)
        || matches!(c, '‘' | '’')
}

/// Which kind of quotation is open.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Double,
    Single,
}

/// The quotation open while scanning.
#[derive(Clone, Copy, Debug)]
struct Open {
    class: Class,
    mark: Span,
    /// Whether it opened inside a sentence (then an unclosed quote ends with it).
    mid_sentence: bool,
}

/// What stands around a mark.
struct Around {
    here: Span,
    /// The character after the mark.
    after: Option<char>,
    space_before: bool,
    space_after: bool,
    letter_before: bool,
    letter_after: bool,
}

impl Around {
    fn at(text: &str, i: usize, c: char) -> Around {
        Around::of(text, i, c.len_utf8())
    }

    /// What stands around the `len` bytes of a mark at byte `i`.
    fn of(text: &str, i: usize, len: usize) -> Around {
        let before = text[..i].chars().next_back();
        let after = text[i + len..].chars().next();
        Around {
            here: Span::new(i, i + len),
            after,
            space_before: before
                .map(|p| p.is_whitespace() || "([{—–-/".contains(p))
                .unwrap_or(true),
            space_after: after.map(char::is_whitespace).unwrap_or(true),
            letter_before: before.map(char::is_alphanumeric).unwrap_or(false),
            letter_after: after.map(char::is_alphanumeric).unwrap_or(false),
        }
    }
}

struct Scanner<'t> {
    text: &'t str,
    from: usize,
    open: Option<Open>,
    out: Vec<Marked>,
    /// Where single closing marks and line breaks are, found on first need.
    single_closers: Option<SingleClosers>,
}

impl Scanner<'_> {
    /// Looks at the mark or line break `c` at byte `i`.
    fn step(&mut self, i: usize, c: char) {
        crate::work::tick(1);
        if is_break(c) {
            if let Some(o) = self.open.take() {
                // The paragraph ends before its trailing spaces.
                let para_end = self.text[..i].trim_end().len().max(o.mark.end);
                self.recover(o, para_end);
            }
            return;
        }
        let around = Around::at(self.text, i, c);
        match self.open {
            None => self.maybe_open(i, c, &around),
            Some(o) if o.class == Class::Double => self.in_double(o, i, c, &around),
            Some(o) => {
                let closes = (c == '’' || c == '\'') && !around.letter_after;
                if closes {
                    self.emit(o.mark, i, Some(around.here));
                    self.open = None;
                }
            }
        }
    }

    /// Looks at two apostrophes at byte `i`: a double mark typed as `''` (some wire and
    /// newspaper copy writes every quotation so), read as a straight `"` would be.
    fn step_double_apostrophe(&mut self, i: usize) {
        crate::work::tick(1);
        let around = Around::of(self.text, i, 2);
        match self.open {
            None => self.maybe_open(i, '"', &around),
            Some(o) if o.class == Class::Double => self.in_double(o, i, '"', &around),
            // A single quotation open: `''` closes it as one `'` would.
            Some(o) => {
                if !around.letter_after {
                    self.emit(o.mark, i, Some(around.here));
                    self.open = None;
                }
            }
        }
    }

    /// Opens a quotation at the mark `c` when it can be an opening mark.
    fn maybe_open(&mut self, i: usize, c: char, a: &Around) {
        let opens_double = is_double_open(c)
            || (c == '"'
                && (a.space_before || !a.space_after)
                && (!a.letter_before || a.letter_after))
            || (is_double_close(c) && a.space_before && !a.space_after);
        let opens_single =
            (c == '‘' && !a.letter_before) || (c == '\'' && a.space_before && a.letter_after);
        let class = if opens_double {
            Class::Double
        } else if opens_single && self.single_closes_in_paragraph(a.here.end) {
            Class::Single
        } else {
            return;
        };
        self.open = Some(Open {
            class,
            mark: a.here,
            mid_sentence: self.mid_sentence(i),
        });
    }

    /// The mark `c` while the double quotation `o` is open.
    fn in_double(&mut self, o: Open, i: usize, c: char, a: &Around) {
        if is_double_close(c) || c == '"' {
            self.emit(o.mark, i, Some(a.here));
            self.open = None;
            return;
        }
        if !is_double_open(c) {
            return;
        }
        // A second opener while one is open: a mistyped closer, or the previous quote
        // never closed.
        let closer_like = a.letter_before
            || a.space_after
            || a.after.map(|n| ",.;:!?".contains(n)).unwrap_or(true)
            || starts_with_attribution(&self.text[a.here.end..]);
        if closer_like {
            self.emit(o.mark, i, Some(a.here));
            self.open = None;
        } else {
            let end = sentence_end_after(self.text, o.mark.end, i)
                .map(|e| self.recovered_end(o, e))
                .unwrap_or(i);
            self.emit(o.mark, end.min(i), None);
            self.open = Some(Open {
                class: Class::Double,
                mark: a.here,
                mid_sentence: self.mid_sentence(i),
            });
        }
    }

    /// Closes whatever is still open at the end of the text.
    fn finish(&mut self) {
        if let Some(o) = self.open.take() {
            let para_end = self.text.trim_end().len().max(o.mark.end);
            self.recover(o, para_end);
        }
    }

    /// Emits the unclosed quotation `o` whose paragraph ends at `para_end`.
    fn recover(&mut self, o: Open, para_end: usize) {
        let end = self.recovered_end(o, para_end);
        self.emit(o.mark, end, None);
    }

    /// Where the unclosed quotation `o` stops: the end of its first sentence when it
    /// opened mid-sentence, else `para_end`.
    fn recovered_end(&self, o: Open, para_end: usize) -> usize {
        if o.mid_sentence {
            sentence_end_after(self.text, o.mark.end, para_end).unwrap_or(para_end)
        } else {
            para_end
        }
    }

    /// Records the quotation from `open` to byte `end`, its words trimmed of spaces and
    /// trailing `,;:`; nothing when no words are left.
    fn emit(&mut self, open: Span, end: usize, close: Option<Span>) {
        let start = open.end;
        if end <= start {
            return;
        }
        let raw = &self.text[start..end];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim().trim_end_matches([',', ';', ':']).trim_end();
        if trimmed.is_empty() {
            return;
        }
        self.out.push(Marked {
            open,
            content: Span::new(start + lead, start + lead + trimmed.len()),
            close,
        });
    }

    /// Whether a single closing mark (not an apostrophe) follows byte `from` before its
    /// paragraph ends.
    fn single_closes_in_paragraph(&mut self, from: usize) -> bool {
        let text = self.text;
        let start = self.from;
        self.single_closers
            .get_or_insert_with(|| SingleClosers::new(text, start))
            .closes_in_paragraph(from)
    }

    /// Whether a mark at byte `at` stands inside a sentence rather than opening one.
    fn mid_sentence(&self, at: usize) -> bool {
        let text = self.text;
        let prev = text[self.from..at].trim_end();
        match prev.chars().next_back() {
            None => false,
            Some('.' | '!' | '?' | '…') => false,
            Some(p) if is_double_close(p) || p == '"' || p == '’' || p == '\'' => {
                // after a closed quote: a new sentence if the quote ended one
                let inner = prev[..prev.len() - p.len_utf8()].trim_end();
                !inner.ends_with(['.', '!', '?', '…'])
            }
            Some(_) => !text[..at].trim_end_matches([' ', '\t']).ends_with('\n'),
        }
    }
}

/// Sentence ends inside `text[from..to]`: the byte after the first `.`, `!`, `?` or `…`
/// that is followed by a space and not part of a short abbreviation.
fn sentence_end_after(text: &str, from: usize, to: usize) -> Option<usize> {
    let slice = &text[from..to];
    let mut prev_word_len = 0usize;
    let mut prev_upper_single = false;
    let mut it = slice.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        crate::work::tick(1);
        if c.is_alphanumeric() {
            prev_word_len += 1;
            prev_upper_single = prev_word_len == 1 && c.is_uppercase();
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            let next = it.peek().map(|&(_, n)| n);
            let abbrev = c == '.'
                && (prev_word_len == 1 && prev_upper_single || is_short_title(&slice[..i]));
            if !abbrev && next.map(char::is_whitespace).unwrap_or(true) {
                return Some(from + i + c.len_utf8());
            }
        }
        prev_word_len = 0;
    }
    None
}

/// Whether the letters ending `before` are a title ("Mr", "Dr") in any case; checked
/// at every period, so a short ASCII word is lower-cased on the stack.
fn is_short_title(before: &str) -> bool {
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i);
    let Some(w) = start.and_then(|i| before.get(i..)) else {
        return false;
    };
    let titles = &Lexicon::get().titles;
    let mut buf = [0u8; 32];
    if w.is_ascii() && w.len() <= buf.len() {
        let lower = &mut buf[..w.len()];
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower)
            .map(|lw| titles.get(lw) == Some(&true))
            .unwrap_or(false)
    } else {
        titles.get(w.to_lowercase().as_str()) == Some(&true)
    }
}

/// The single closing marks and line feeds of a text, in order, so that asking whether
/// a single quotation closes in its paragraph costs two binary searches instead of a
/// scan of the paragraph for every opening mark.
struct SingleClosers {
    /// Byte offsets of `’` and `'` that can close a quotation: not followed by a letter
    /// or digit, and after a character that is no space.
    closers: Vec<usize>,
    /// Byte offsets of line feeds.
    newlines: Vec<usize>,
}

impl SingleClosers {
    fn new(text: &str, from: usize) -> SingleClosers {
        let bytes = text.as_bytes();
        let tail = bytes.get(from..).unwrap_or_default();
        let newlines = memchr::memchr_iter(b'\n', tail).map(|p| p + from).collect();
        // `’` is E2 80 99; its lead byte is enough to find it.
        let closers = memchr::memchr2_iter(b'\'', 0xE2, tail)
            .map(|p| p + from)
            .filter(|&p| {
                let Some(c) = text[p..].chars().next().filter(|&c| c == '’' || c == '\'') else {
                    return false;
                };
                let after = text[p + c.len_utf8()..].chars().next();
                let before = text[..p].chars().next_back();
                !after.is_some_and(char::is_alphanumeric)
                    && before.is_some_and(|b| !b.is_whitespace())
            })
            .collect();
        SingleClosers { closers, newlines }
    }

    /// Whether a closer stands after byte `from` and before the next line feed.
    fn closes_in_paragraph(&self, from: usize) -> bool {
        crate::work::tick(1);
        let k = self.closers.partition_point(|&p| p <= from);
        let para_end = self
            .newlines
            .get(self.newlines.partition_point(|&p| p < from))
            .copied()
            .unwrap_or(usize::MAX);
        self.closers.get(k).is_some_and(|&p| p < para_end)
    }
}

/// Longer than any pronoun or one-word reporting verb: a word this long after a mark
/// is no attribution, and is read no further.
const ATTRIBUTION_WORD_CHARS: usize = 32;

/// Whether `rest` opens with a pronoun or a one-word reporting verb: a quotation mark
/// before it closes a quote ("...“ he said").
fn starts_with_attribution(rest: &str) -> bool {
    let word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(ATTRIBUTION_WORD_CHARS + 1)
        .collect();
    if word.chars().count() > ATTRIBUTION_WORD_CHARS {
        return false;
    }
    let w = word.to_lowercase();
    matches!(w.as_str(), "he" | "she" | "it" | "they" | "we")
        || quote_cues(&w).any(|cue| cue.words.len() == 1 && cue.kind == CueKind::Verb)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        scan(text, 0)
            .into_iter()
            .map(|m| &text[m.content.start..m.content.end])
            .collect()
    }

    #[test]
    fn marks_pair() {
        assert_eq!(
            contents("He said “yes, we’d go,” and “no.”"),
            ["yes, we’d go", "no."]
        );
        assert_eq!(contents("\"A,\" he said, \"B.\""), ["A", "B."]);
        assert_eq!(contents("She said ‘fine’ today."), ["fine"]);
        assert_eq!(contents("«Bonjour» dit-il."), ["Bonjour"]);
        assert_eq!(
            contents("''We won't,'' she said. ''Not now.''"),
            ["We won't", "Not now."]
        );
        assert_eq!(contents("the Joneses'' farm"), Vec::<&str>::new());
        assert_eq!(
            contents("China’s plan and Belarus’ view."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn unbalanced_marks_recover() {
        let t = "He said Xi had “clearly declared this to all.\nChina has long had ties.";
        assert_eq!(contents(t), ["clearly declared this to all."]);
        let t = "“After all, who knows? All are aware of this “said he.\nNext paragraph.";
        assert_eq!(contents(t), ["After all, who knows? All are aware of this"]);
    }
}
