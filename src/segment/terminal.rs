//! Where a run of final punctuation ends a sentence: abbreviations, initials, times,
//! attributions after a quotation, and the characters that close or open one.

use super::{is_inverted_cue, AbbrevClass, Mark, Next, Scanner};
use crate::model::Sentence;

impl<'t, F: FnMut(Sentence)> Scanner<'t, F> {
    // ---------------------------------------------------------------- final punctuation

    /// A run of final punctuation starting at `i`; returns where scanning resumes.
    pub(super) fn terminal(&mut self, i: usize) -> usize {
        if self.b[i] == b'.' {
            if let Some(resume) = self.period_inside_sentence(i) {
                return resume;
            }
        }
        let (marks_end, mark) = self.mark_run(i);
        let (closed, quoted) = self.closers(marks_end);
        let (k, line_breaks) = self.space_after(closed);
        if k == closed && k < self.end && mark != Mark::Ideographic {
            // Glued to what follows: "3.5", "example.com", "Jr.'s", "mean...see" go on;
            // only a word glued to a capitalised word ("world.Today") may end here.
            if mark == Mark::Period
                && closed == marks_end
                && self.glued_sentence_start(i)
                && self.period_ends(i, Next::Upper, closed, false)
            {
                self.cut(closed);
            }
            return closed;
        }
        if line_breaks >= 2 || k >= self.end {
            return closed;
        }
        let next = self.next_kind(k);
        let ends = match mark {
            Mark::Strong => {
                next != Next::Lower && !(quoted && next == Next::Upper && self.attribution_at(k))
            }
            Mark::Ideographic => next != Next::Lower,
            Mark::Ellipsis => next == Next::Upper,
            Mark::SpacedEllipsis => false,
            Mark::PeriodThenEllipsis => {
                if matches!(next, Next::Upper | Next::Digit | Next::Other) {
                    self.cut(i + 1);
                }
                return closed;
            }
            Mark::Period => self.period_ends(i, next, k, line_breaks > 0),
        };
        if ends && !self.inside_closing_parenthesis(closed) {
            self.cut(closed);
        }
        closed
    }

    /// A period at `i` that is settled before the run of marks is read: the end of a
    /// list marker ("2." or "b)"), or an omission ("[...]", "(...)") inside a sentence.
    /// Returns where scanning resumes.
    fn period_inside_sentence(&mut self, i: usize) -> Option<usize> {
        let b = self.b;
        let punct_end = if b.get(i + 1) == Some(&b')') {
            i + 2
        } else {
            i + 1
        };
        if let Some(m) = self.marker_ending_at(i, punct_end) {
            return Some(self.take_marker(m));
        }
        if i > self.start && matches!(b[i - 1], b'[' | b'(') {
            let mut j = i;
            while j < self.end && b[j] == b'.' {
                j += 1;
            }
            return Some(j);
        }
        None
    }

    /// The run of marks starting at `i` ("?!", "...", "…", ". . ."): where it ends and
    /// what kind of mark it makes.
    fn mark_run(&self, i: usize) -> (usize, Mark) {
        let b = self.b;
        let mut j = i;
        let mut dots = 0usize;
        let mut strong = false;
        let mut ideographic = false;
        while j < self.end {
            match b[j] {
                b'.' => {
                    dots += 1;
                    j += 1;
                }
                b'?' | b'!' => {
                    strong = true;
                    j += 1;
                }
                b if b >= 0x80 => {
                    match self.char_at(j).and_then(|c| Some((c, terminal_kind(c)?))) {
                        Some((c, kind)) => {
                            match kind {
                                Mark::Ellipsis => dots += 3,
                                Mark::Ideographic => ideographic = true,
                                _ => strong = true,
                            }
                            j += c.len_utf8();
                        }
                        None => break,
                    }
                }
                _ => break,
            }
        }
        let mut spaced = 0usize;
        while j + 1 < self.end && b[j] == b' ' && b[j + 1] == b'.' {
            j += 1;
            while j < self.end && b[j] == b'.' {
                spaced += 1;
                j += 1;
            }
        }
        let mark = if ideographic {
            Mark::Ideographic
        } else if strong {
            Mark::Strong
        } else if spaced > 0 {
            let attached =
                self.char_before(i).is_some_and(|c| !c.is_whitespace()) && i > self.start;
            spaced_dots_mark(dots, spaced, attached)
        } else if dots >= 4 || dots == 2 {
            Mark::Strong
        } else if dots == 3 {
            Mark::Ellipsis
        } else {
            Mark::Period
        };
        (j, mark)
    }

    /// The closing quotes and brackets from `j`, which belong to the sentence: where
    /// they end, and whether a quotation mark is among them.
    fn closers(&mut self, mut j: usize) -> (usize, bool) {
        let marks_end = j;
        while j < self.end {
            match self.char_at(j) {
                Some(c) if is_closer(c) => {
                    if c == ')' {
                        self.paren_depth = self.paren_depth.saturating_sub(1);
                    }
                    j += c.len_utf8();
                }
                _ => break,
            }
        }
        let quoted = self.text[marks_end..j]
            .chars()
            .any(|c| c != ')' && c != ']' && c != '}');
        (j, quoted)
    }

    /// The whitespace from `k`: where what follows starts, and how many line breaks
    /// came before it.
    fn space_after(&self, mut k: usize) -> (usize, usize) {
        let mut line_breaks = 0;
        while k < self.end {
            match self.char_at(k) {
                Some(c) if c.is_whitespace() => {
                    if c == '\n' || c == '\u{2028}' || c == '\u{2029}' {
                        line_breaks += 1;
                    }
                    k += c.len_utf8();
                }
                _ => break,
            }
        }
        (k, line_breaks)
    }

    /// Whether the period at `i`, with no space after it, sits between a word and a
    /// capitalised word ("world.Today", "1,000.That") outside any URL, e-mail address or
    /// dotted name.
    pub(super) fn glued_sentence_start(&self, i: usize) -> bool {
        let b = self.b;
        let before_ok = i >= self.start + 2
            && (b[i - 1].is_ascii_lowercase() || b[i - 1].is_ascii_digit())
            && b[i - 2].is_ascii_alphanumeric();
        let after_ok = b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
            && b.get(i + 2).is_some_and(u8::is_ascii_lowercase);
        if !(before_ok && after_ok) {
            return false;
        }
        // The chunk around the period, up to 64 bytes each way: a longer one is a URL
        // or a code, not two sentences (and the bound keeps long lines linear).
        const REACH: usize = 64;
        let is_space = |c: u8| c.is_ascii_whitespace() || c >= 0x80;
        let mut lo = i;
        while lo > self.start && !is_space(b[lo - 1]) {
            lo -= 1;
            if i - lo > REACH || b[lo] == b'.' {
                return false;
            }
        }
        let mut hi = i + 1;
        while hi < self.end && !is_space(b[hi]) {
            hi += 1;
            if hi - i > REACH {
                return false;
            }
        }
        if b[lo..hi]
            .iter()
            .any(|&c| matches!(c, b'@' | b'/' | b':' | b'_' | b'\\'))
        {
            return false;
        }
        // "Example.Com": a domain, whatever its capitals.
        let next: &[u8] = &b[i + 1..hi];
        let word_end = next
            .iter()
            .position(|c| !c.is_ascii_alphabetic())
            .unwrap_or(next.len());
        const DOMAINS: [&str; 12] = [
            "com", "org", "net", "gov", "edu", "int", "info", "biz", "io", "co", "uk", "eu",
        ];
        let word = &next[..word_end];
        !DOMAINS
            .iter()
            .any(|d| word.eq_ignore_ascii_case(d.as_bytes()))
    }

    /// Whether the text at `k` is an inverted attribution: up to five capitalised
    /// words (a name, maybe with a title) and a verb of saying, as in
    /// `"Who will pay?" Mayor Novak asked.`
    pub(super) fn attribution_at(&self, k: usize) -> bool {
        let mut hi = self.end.min(k + 120);
        while !self.text.is_char_boundary(hi) {
            hi -= 1;
        }
        let rest = &self.text[k..hi];
        for (n, word) in rest.split_whitespace().enumerate() {
            let word = word.trim_end_matches([',', '.']);
            if n > 0 && is_inverted_cue(self.lex, word) {
                return true;
            }
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            if n >= 5 || !capital {
                return false;
            }
        }
        false
    }

    /// Whether the sentence is inside a parenthesis that closes soon, in which case
    /// nothing inside it ends the sentence.
    pub(super) fn inside_closing_parenthesis(&self, from: usize) -> bool {
        if self.paren_depth == 0 {
            return false;
        }
        let window = &self.b[from..self.end.min(from + 300)];
        match memchr::memchr(b')', window) {
            Some(p) => !window[..p].windows(2).any(|w| w == b"\n\n"),
            None => false,
        }
    }

    /// What kind of character starts the text at `k` (after any opening quotes).
    pub(super) fn next_kind(&self, k: usize) -> Next {
        if let Some(&b) = self.b.get(k).filter(|_| k < self.end) {
            // ASCII fast path for the usual capital or digit.
            if b.is_ascii_uppercase() {
                return Next::Upper;
            }
            if b.is_ascii_digit() {
                return Next::Digit;
            }
        }
        let Some(c) = self.text[k..self.end].chars().find(|&c| !is_opener(c)) else {
            return Next::End;
        };
        if c.is_lowercase() {
            if self.camel_case_at(k) {
                // "eBay", "iPhone": a name, which may open a sentence.
                return Next::Upper;
            }
            Next::Lower
        } else if c.is_ascii_digit() {
            Next::Digit
        } else if c.is_alphabetic() {
            Next::Upper
        } else {
            Next::Other
        }
    }

    /// Whether the word at `k` (after opening quotes) is a lower-case letter followed by
    /// a capital: "eBay", "iPhone".
    pub(super) fn camel_case_at(&self, k: usize) -> bool {
        let rest = self.text[k..self.end].trim_start_matches(is_opener);
        let mut chars = rest.chars();
        matches!(
            (chars.next(), chars.next(), chars.next()),
            (Some(a), Some(b), Some(c)) if a.is_lowercase() && b.is_uppercase() && c.is_lowercase()
        )
    }

    /// The word that starts at `k` after opening quotes, and whether a period follows it.
    pub(super) fn next_word(&self, k: usize) -> (&'t str, bool) {
        let rest = &self.text[k..self.end];
        let rest = rest.trim_start_matches(is_opener);
        let len = rest
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(p, _)| p);
        (&rest[..len], rest[len..].starts_with('.'))
    }

    /// Whether the period at `i`, followed (after whitespace) by `next` at `k`, ends the
    /// sentence.
    pub(super) fn period_ends(&self, i: usize, next: Next, k: usize, line_break: bool) -> bool {
        if next == Next::Lower {
            return false;
        }
        let lo = self.start;
        let before = &self.text[lo..i];
        let word_len: usize = before
            .chars()
            .rev()
            .take_while(|&c| c.is_alphanumeric() || matches!(c, '.' | '°' | '№'))
            .map(char::len_utf8)
            .sum();
        let w_start = i - word_len;
        let word = &self.text[w_start..i];
        if word.is_empty() {
            return true;
        }
        let (next_word, next_has_period) = self.next_word(k);
        let next_opens = || {
            self.lex.is_sentence_starter(next_word)
                || (next_has_period && self.lex.abbreviation(next_word) == Some(AbbrevClass::Title))
        };
        let class = self.lex.abbreviation(word).or_else(|| {
            if word.contains('.') && is_dotted_acronym(word) {
                Some(AbbrevClass::Maybe)
            } else {
                None
            }
        });
        if let Some(class) = class {
            return match class {
                AbbrevClass::Title | AbbrevClass::Inner => false,
                AbbrevClass::Number | AbbrevClass::Month => next != Next::Digit,
                AbbrevClass::Time => !self.is_time_phrase(lo, w_start),
                AbbrevClass::Maybe => match next {
                    Next::Digit => false,
                    Next::Other => true,
                    _ => line_break || next_opens(),
                },
                AbbrevClass::End => match next {
                    Next::Digit => false,
                    Next::Upper => {
                        line_break || next_opens() || !next_word.chars().all(|c| !c.is_lowercase())
                    }
                    _ => true,
                },
            };
        }
        if word.contains('.') {
            // A number, a domain, a URL or an e-mail address.
            return true;
        }
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_alphabetic() {
                if c == 'I' {
                    // "you and I. Did" ends; "Albert I. Jones" does not.
                    let prev = self.text[lo..w_start].split_whitespace().next_back();
                    let prev_capital = prev
                        .and_then(|p| p.chars().find(|c| c.is_alphabetic()))
                        .is_some_and(char::is_uppercase);
                    if !prev_capital {
                        return true;
                    }
                }
                if c.is_lowercase() && (line_break || c == 'a') {
                    // The article "a" is no abbreviation (lettered lists are markers).
                    return true;
                }
                // An initial ("J. R. R. Tolkien") unless a sentence clearly begins.
                let next_is_initial = next_has_period && next_word.chars().count() == 1;
                return !next_is_initial && next_opens();
            }
        }
        true
    }

    /// Whether `text[lo..w_start]` plus the time abbreviation is only a short
    /// introductory time phrase ("At 5 a.m."), which does not stand as a sentence.
    pub(super) fn is_time_phrase(&self, lo: usize, w_start: usize) -> bool {
        if w_start - lo > 40 {
            return false;
        }
        let mut words = self.text[lo..w_start].split_whitespace();
        let Some(first) = words.next() else {
            return false;
        };
        if words.nth(1).is_some() {
            // Three words or more before the abbreviation (looked at lazily: the
            // sentence may be long).
            return false;
        }
        const OPENERS: [&str; 12] = [
            "at", "by", "until", "till", "before", "after", "from", "around", "about", "since",
            "on", "near",
        ];
        OPENERS.iter().any(|o| first.eq_ignore_ascii_case(o))
    }
}

/// What kind of sentence-final mark `c` is, for the non-ASCII ones and `?`/`!`.
pub(super) fn terminal_kind(c: char) -> Option<Mark> {
    Some(match c {
        '?' | '!' | '\u{203c}' | '\u{2047}' | '\u{2048}' | '\u{2049}' => Mark::Strong,
        '\u{061f}' | '\u{06d4}' | '\u{0964}' | '\u{0965}' => Mark::Strong,
        '\u{2026}' => Mark::Ellipsis,
        '\u{3002}' | '\u{ff01}' | '\u{ff1f}' | '\u{ff61}' => Mark::Ideographic,
        _ => return None,
    })
}

/// Closing quotation marks and brackets that stay with the sentence they close.
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '\u{2019}'
            | '\u{201d}'
            | '\u{00bb}'
            | '\u{203a}'
            | '\u{300d}'
            | '\u{300f}'
            | '\u{ff09}'
    )
}

/// Opening quotation marks and brackets that may precede a sentence's first letter.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '\u{2018}'
            | '\u{201c}'
            | '\u{201e}'
            | '\u{201a}'
            | '\u{00ab}'
            | '\u{2039}'
            | '\u{00bf}'
            | '\u{00a1}'
            | '\u{300c}'
            | '\u{300e}'
            | '\u{ff08}'
    )
}

/// List bullets.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '\u{2022}' | '\u{2043}' | '\u{2023}' | '\u{25e6}' | '\u{25aa}' | '\u{00b7}' | '-' | '*'
    )
}

/// `U.S`, `e.g`, `Ph.D`: letters in groups of one or two joined by periods.
pub(super) fn is_dotted_acronym(word: &str) -> bool {
    word.split('.').all(|part| {
        let n = part.chars().count();
        (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
    })
}

/// The mark a run of dots with spaced dots after it makes: `dots` unspaced (an
/// ellipsis character counts three), then `spaced` more, `attached` when the run
/// follows a word. Four dots or more end a sentence, except that a period glued to
/// its word and then a spaced ellipsis is the period of a sentence and an omission.
fn spaced_dots_mark(dots: usize, spaced: usize, attached: bool) -> Mark {
    let total = dots + spaced;
    if !attached {
        if total >= 4 {
            Mark::Strong
        } else {
            Mark::SpacedEllipsis
        }
    } else if dots == 1 && total >= 4 {
        Mark::PeriodThenEllipsis
    } else if total >= 4 {
        Mark::Strong
    } else {
        Mark::Ellipsis
    }
}
