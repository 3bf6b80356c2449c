//! Words, numbers and punctuation marks, with byte spans: the text layer's tokens as
//! plain spans.

use crate::model::{Span, Token, TokenKind};
use crate::text::Tokens;

/// The tokens of `text[span]`, in order, with spans into `text`: the text layer's tokens
/// ([`crate::text::Tokens`]) as plain spans and kinds, a possessive kept on its word.
///
/// Words keep inner apostrophes and hyphens ("didn't", "year-old", "China’s") and
/// the periods of dotted abbreviations ("U.S.", "a.m."); a number that goes on as a word
/// is one word ("13th", "1.2bn"); URLs and e-mail addresses are single words. Numbers
/// keep inner separators ("1,200", "3.5", "2023-03-01", "10:30"). Every other non-space
/// character is a punctuation token of its own. `span` is clamped to the text and moved
/// onto character boundaries.
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
    let upto = &text[..end];
    let layer = Tokens::new(upto, start);
    let mut out = Vec::with_capacity(layer.len());
    for (i, t) in layer.all().iter().enumerate() {
        match layer.possessive_marker(upto, i) {
            Some(m) if upto[m.start..m.end].ends_with(['s', 'S']) => out.push(Token {
                span: Span::new(t.span().start, m.end),
                kind: t.kind,
            }),
            marker => {
                out.push(Token {
                    span: t.span(),
                    kind: t.kind,
                });
                if let Some(m) = marker {
                    out.push(Token {
                        span: m,
                        kind: TokenKind::Punct,
                    });
                }
            }
        }
    }
    out
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

    /// The view is the text layer's tokens (whose cuts `text::tests` checks), with a
    /// possessive "’s" kept on its word and other markers apart.
    #[test]
    fn the_text_layers_tokens_with_possessives_kept() {
        let text = "Mr. Xi didn't pay 3.5% (e.g. $1.2bn).";
        let layer = Tokens::new(text, 0);
        let plain: Vec<(&str, TokenKind)> = layer
            .all()
            .iter()
            .map(|t| (t.span().slice(text), t.kind))
            .collect();
        assert_eq!(toks(text), plain);
        let words: Vec<&str> = toks("China’s plan and Belarus’ view")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(words, ["China’s", "plan", "and", "Belarus", "’", "view"]);
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
