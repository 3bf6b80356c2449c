//! Words, numbers and punctuation marks, with byte spans.

use crate::model::{Span, Token, TokenKind};

/// The tokens of `text[span]`, in order, with spans into `text`.
///
/// Words keep inner apostrophes and hyphens ("didn't", "year-old", "China’s") and
/// the periods of dotted abbreviations ("U.S.", "a.m."); URLs and e-mail addresses are
/// single words. Numbers keep inner separators ("1,200", "3.5", "2023-03-01",
/// "10:30"). Every other non-space character is a punctuation token of its own.
/// `span` is clamped to the text and moved onto character boundaries.
///
/// ```
/// use corroborate::{segment, Span, TokenKind};
/// let text = "The U.S. paid $1,200.50 for Xi’s year-old plan.";
/// let toks = segment::tokens(text, Span::new(0, text.len()));
/// let words: Vec<&str> = toks.iter().map(|t| t.span.slice(text)).collect();
/// assert_eq!(
///     words,
///     ["The", "U.S.", "paid", "$", "1,200.50", "for", "Xi’s", "year-old", "plan", "."]
/// );
/// assert_eq!(toks[4].kind, TokenKind::Number);
/// ```
pub fn tokens(text: &str, span: Span) -> Vec<Token> {
    let len = text.len();
    let mut start = span.start.min(len);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = span.end.clamp(start, len);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let mut out = Vec::new();
    let s = &text[start..end];
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let (len, kind) = if let Some(n) = url_len(&s[i..]).or_else(|| email_len(&s[i..])) {
            (n, TokenKind::Word)
        } else if c.is_ascii_digit() {
            (number_len(&s[i..]), TokenKind::Number)
        } else if is_word_char(c) {
            (word_len(&s[i..]), TokenKind::Word)
        } else {
            (c.len_utf8(), TokenKind::Punct)
        };
        out.push(Token {
            span: Span::new(start + i, start + i + len),
            kind,
        });
        i += len;
    }
    out
}

/// Letters, digits and the marks that combine with them.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
            | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}' | '\u{200d}')
}

/// Length of the word at the start of `s` (which starts with a word character).
fn word_len(s: &str) -> usize {
    let mut end = 0;
    let mut chars = s.char_indices().peekable();
    // Groups of letters between periods, to recognise "U.S." and "e.g.".
    let mut groups_short = true;
    let mut group_len = 0;
    let mut periods = 0;
    while let Some((p, c)) = chars.next() {
        if is_word_char(c) {
            end = p + c.len_utf8();
            group_len += 1;
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let joins =
            matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}') && next.is_some_and(is_word_char);
        if joins {
            end = p + c.len_utf8();
            groups_short = false;
            continue;
        }
        if c == '.'
            && groups_short
            && group_len <= 2
            && s[..p].chars().all(|c| c.is_alphabetic() || c == '.')
        {
            match next {
                Some(n) if n.is_alphabetic() => {
                    periods += 1;
                    group_len = 0;
                    end = p + 1;
                    continue;
                }
                _ if periods >= 1 => {
                    // The final period of a dotted abbreviation.
                    end = p + 1;
                }
                _ => {}
            }
        }
        break;
    }
    if periods >= 1 && !s[..end].ends_with('.') {
        // "U.S" followed by no period, or a group longer than two letters: keep
        // only what is certainly one word.
        if !(groups_short && group_len <= 2) {
            return s[..end].find('.').unwrap_or(end);
        }
    }
    end
}

/// Length of the number at the start of `s` (which starts with an ASCII digit).
fn number_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut end = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            i += 1;
            end = i;
        } else if matches!(b[i], b'.' | b',' | b':' | b'/' | b'-')
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            i += 1;
        } else {
            break;
        }
    }
    end
}

/// Length of a URL at the start of `s`, without trailing punctuation.
fn url_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
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

/// Length of an e-mail address at the start of `s`, without a trailing period.
fn email_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let is_part =
        |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
    let local = b.iter().take_while(|&&c| is_part(c)).count();
    if local == 0 || b.get(local) != Some(&b'@') || !b[0].is_ascii_alphanumeric() {
        return None;
    }
    let domain = b[local + 1..].iter().take_while(|&&c| is_part(c)).count();
    let mut end = local + 1 + domain;
    while end > local + 1 && matches!(b[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let dom = &s[local + 1..end];
    (dom.contains('.') && dom.as_bytes()[0].is_ascii_alphanumeric()).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokens(text, Span::new(0, text.len()))
            .into_iter()
            .map(|t| (t.span.slice(text), t.kind))
            .collect()
    }

    #[test]
    fn words_numbers_punct() {
        use TokenKind::*;
        assert_eq!(
            toks("Mr. Xi didn't pay 3.5% (e.g. $1.2bn)."),
            [
                ("Mr", Word),
                (".", Punct),
                ("Xi", Word),
                ("didn't", Word),
                ("pay", Word),
                ("3.5", Number),
                ("%", Punct),
                ("(", Punct),
                ("e.g.", Word),
                ("$", Punct),
                ("1.2", Number),
                ("bn", Word),
                (")", Punct),
                (".", Punct),
            ]
        );
    }

    #[test]
    fn urls_and_emails() {
        assert_eq!(
            toks("See https://example.com/a_b.html. Mail jane.doe@example.com."),
            [
                ("See", TokenKind::Word),
                ("https://example.com/a_b.html", TokenKind::Word),
                (".", TokenKind::Punct),
                ("Mail", TokenKind::Word),
                ("jane.doe@example.com", TokenKind::Word),
                (".", TokenKind::Punct),
            ]
        );
    }

    #[test]
    fn dotted() {
        let t = toks("the U.S. and U.K. at 5 p.m. Jones.");
        let words: Vec<&str> = t.iter().map(|x| x.0).collect();
        assert_eq!(
            words,
            ["the", "U.S.", "and", "U.K.", "at", "5", "p.m.", "Jones", "."]
        );
    }
}
