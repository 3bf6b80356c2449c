//! A small word tokenizer for actor and quote extraction, with byte spans into the
//! original text and one lower-cased copy of every word.
//!
//! It is separate from `segment`'s tokens on purpose: it folds possessives (`China’s`
//! is the word `China` marked possessive), keeps inner apostrophes (`they’d`) and
//! acronym dots (`U.S.`), and records line breaks, which is what name finding needs.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits with inner apostrophes, hyphens or acronym dots.
    Word,
    /// Any other single non-space character.
    Punct,
}

/// One token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// First byte in the document.
    pub start: usize,
    /// One past the last byte (a possessive `’s` is not included).
    pub end: usize,
    pub kind: Kind,
    /// The first character is upper case.
    pub cap: bool,
    /// Followed by a possessive `’s`, `'s` or a bare `’` after `s`.
    pub poss: bool,
    /// A line break stands between the previous token and this one.
    pub nl_before: bool,
    /// The first character (for punctuation, the whole token).
    pub ch: char,
    /// Where the lower-cased word is in [`Tokens::lower`].
    lo: (u32, u32),
    /// The lexicon lists holding the lower-cased token ([`super::lexicon::flag`]).
    pub flags: u16,
}

/// The tokens of a text, with their lower-cased words.
pub(crate) struct Tokens {
    pub toks: Vec<Tok>,
    lower: String,
}

/// Characters of the General Punctuation block that are neither letters, digits nor
/// spaces (dashes, curly quotes, bullets, ellipsis, ...): the common non-ASCII
/// characters of news text, answered without a Unicode table lookup.
fn is_general_punct(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
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

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

impl Tokens {
    /// Tokenizes `text[from..]`.
    pub fn new(text: &str, from: usize) -> Tokens {
        let lex = super::lexicon::Lexicon::get();
        let flags_of = |w: &[u8]| lex.flags_of_bytes(w);
        let mut toks = Vec::with_capacity(text.len().saturating_sub(from) / 5 + 1);
        // The text with ASCII letters lower-cased, in one pass: an ASCII word's and any
        // punctuation's lower-case form is its own span of it. A word with other
        // characters gets its full lower-case form appended after the text.
        let mut lower = text.to_ascii_lowercase();
        let bytes = text.as_bytes();
        let mut i = from;
        let mut nl = true;
        while i < text.len() {
            let b = bytes[i];
            // ASCII fast paths for space.
            if b == b'\n' || b == b'\r' {
                nl = true;
                i += 1;
                continue;
            }
            if b == b' ' || b == b'\t' {
                i += 1;
                continue;
            }
            // ASCII answers "letter, digit or space" from the byte alone.
            let (c, word) = if b < 0x80 {
                if b == 0x0b || b == 0x0c {
                    i += 1;
                    continue;
                }
                (char::from(b), ASCII_ALNUM[usize::from(b)])
            } else {
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                let punct = is_general_punct(c);
                if !punct && c.is_whitespace() {
                    if c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}' {
                        nl = true;
                    }
                    i += c.len_utf8();
                    continue;
                }
                (c, !punct && c.is_alphanumeric())
            };
            if word {
                let start = i;
                let mut end = i + c.len_utf8();
                let mut poss = false;
                // Whether every character taken so far is ASCII.
                let mut ascii = c.is_ascii();
                loop {
                    // ASCII letters and digits in one sweep.
                    end += bytes[end..]
                        .iter()
                        .position(|&b| !ASCII_ALNUM[usize::from(b)])
                        .unwrap_or(bytes.len() - end);
                    // An ASCII byte that can neither join nor mark a word ends it.
                    if end >= text.len()
                        || (bytes[end] < 0x80 && !matches!(bytes[end], b'\'' | b'-' | b'.' | b','))
                    {
                        break;
                    }
                    let rest = &text[end..];
                    let mut it = rest.chars();
                    let Some(n) = it.next() else { break };
                    if !is_general_punct(n) && n.is_alphanumeric() {
                        end += n.len_utf8();
                        ascii &= n.is_ascii();
                        continue;
                    }
                    let after = it.clone().next();
                    if is_apostrophe(n) {
                        // "’s" at a word end is a possessive; a letter on both sides is
                        // part of the word (they’d, O'Brien); "s’" is a plural possessive.
                        if let Some(a) = after {
                            if (a == 's' || a == 'S')
                                && !it
                                    .clone()
                                    .nth(1)
                                    .map(char::is_alphanumeric)
                                    .unwrap_or(false)
                            {
                                poss = true;
                                break;
                            }
                            if a.is_alphabetic() {
                                end += n.len_utf8();
                                ascii &= n.is_ascii();
                                continue;
                            }
                        }
                        if n == '’' && text[start..end].ends_with(['s', 'S']) {
                            poss = true;
                        }
                        break;
                    }
                    if n == '-' || n == '‐' {
                        if after.map(char::is_alphanumeric).unwrap_or(false) {
                            end += n.len_utf8();
                            ascii &= n.is_ascii();
                            continue;
                        }
                        break;
                    }
                    if n == '.' || n == ',' {
                        let prev_digit = text[..end]
                            .chars()
                            .next_back()
                            .map(|p| p.is_ascii_digit())
                            .unwrap_or(false);
                        if prev_digit && after.map(|a| a.is_ascii_digit()).unwrap_or(false) {
                            end += 1;
                            continue;
                        }
                        // Acronyms with dots: U.S., U.N.
                        if n == '.' {
                            let word = &text[start..end];
                            let last_seg = word.rsplit('.').next().unwrap_or(word);
                            if last_seg.chars().count() == 1
                                && last_seg.chars().all(|c| c.is_uppercase())
                                && after.map(|a| a.is_uppercase()).unwrap_or(false)
                                && it.clone().nth(1) == Some('.')
                            {
                                end += 1;
                                continue;
                            }
                            if word.contains('.') && last_seg.chars().count() == 1 {
                                end += 1; // the final dot of U.S.
                            }
                        }
                        break;
                    }
                    break;
                }
                let lo = if ascii {
                    (start as u32, end as u32)
                } else {
                    let at = lower.len();
                    for ch in text[start..end].chars() {
                        lower.extend(ch.to_lowercase());
                    }
                    (at as u32, lower.len() as u32)
                };
                toks.push(Tok {
                    start,
                    end,
                    kind: Kind::Word,
                    ch: c,
                    cap: c.is_uppercase(),
                    poss,
                    nl_before: nl,
                    lo,
                    flags: flags_of(&lower.as_bytes()[lo.0 as usize..lo.1 as usize]),
                });
                nl = false;
                i = end;
                if poss {
                    // Skip the possessive marker.
                    let rest = &text[i..];
                    let skip = if rest.starts_with("’s") || rest.starts_with("’S") {
                        "’s".len()
                    } else if rest.starts_with("'s") || rest.starts_with("'S") {
                        2
                    } else {
                        "’".len()
                    };
                    i += skip;
                }
                continue;
            }
            let end = i + c.len_utf8();
            toks.push(Tok {
                start: i,
                end,
                kind: Kind::Punct,
                ch: c,
                cap: false,
                poss: false,
                nl_before: nl,
                lo: (i as u32, end as u32),
                flags: if lex.punct_keys {
                    flags_of(&bytes[i..end])
                } else {
                    0
                },
            });
            nl = false;
            i += c.len_utf8();
        }
        Tokens { toks, lower }
    }

    /// The lower-cased text of token `i`.
    pub fn lower(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.lower[t.lo.0 as usize..t.lo.1 as usize]
    }

    /// Whether token `i`, lower-cased, is in a lexicon list of `flag`
    /// ([`super::lexicon::flag`]); the same answer as looking the word up in the list.
    pub fn has(&self, i: usize, flag: u16) -> bool {
        self.toks[i].flags & flag != 0
    }

    /// Whether token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .map(|t| t.kind == Kind::Word)
            .unwrap_or(false)
    }

    /// Whether token `i` is the punctuation `p`.
    pub fn is_punct(&self, i: usize, p: char) -> bool {
        self.toks
            .get(i)
            .map(|t| t.kind == Kind::Punct && t.ch == p)
            .unwrap_or(false)
    }

    /// The character of token `i` when it is punctuation.
    pub fn punct(&self, i: usize) -> Option<char> {
        self.toks
            .get(i)
            .and_then(|t| (t.kind == Kind::Punct).then_some(t.ch))
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The index of the first token starting at or after byte `pos`.
    pub fn at_or_after(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, bool)> {
        let t = Tokens::new(text, 0);
        t.toks
            .iter()
            .map(|k| (text[k.start..k.end].to_string(), k.poss))
            .collect()
    }

    #[test]
    fn general_punctuation_is_no_letter_or_space() {
        for c in ('\u{2000}'..='\u{206F}').filter(|&c| is_general_punct(c)) {
            assert!(!c.is_alphanumeric() && !c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn possessives_and_apostrophes() {
        let w = words("China’s plan, they’d say; Belarus’ view and U.S. aid cost 3.5 bn.");
        let texts: Vec<&str> = w.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            texts,
            [
                "China", "plan", ",", "they’d", "say", ";", "Belarus", "view", "and", "U.S.",
                "aid", "cost", "3.5", "bn", "."
            ]
        );
        assert!(w[0].1 && w[6].1 && !w[3].1);
    }
}
