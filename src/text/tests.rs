use super::*;
use crate::lexicon::flag;

fn toks(text: &str) -> Vec<(&str, TokenKind)> {
    let t = Tokens::new(text, 0);
    t.all()
        .iter()
        .map(|k| (&text[k.start as usize..k.end as usize], k.kind))
        .collect()
}

fn words(text: &str) -> Vec<&str> {
    toks(text).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn words_numbers_and_punctuation() {
    use TokenKind::*;
    assert_eq!(
        toks("Mr. Xi didn't pay 3.5% (e.g. $1.2bn) at 10:30 on 2023-03-01."),
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
            ("1.2bn", Word),
            (")", Punct),
            ("at", Word),
            ("10:30", Number),
            ("on", Word),
            ("2023-03-01", Number),
            (".", Punct),
        ]
    );
}

#[test]
fn possessives_apostrophes_hyphens_and_dotted_abbreviations() {
    let text = "China’s plan, they’d say; Belarus’ view, the U.S. aid at 5 p.m. for a year-old 12-point O'Brien.";
    assert_eq!(
        words(text),
        [
            "China", "plan", ",", "they’d", "say", ";", "Belarus", "view", ",", "the", "U.S.",
            "aid", "at", "5", "p.m.", "for", "a", "year-old", "12-point", "O'Brien", "."
        ]
    );
    let t = Tokens::new(text, 0);
    let shape = |i: usize| t.get(i).unwrap().shape;
    assert!(shape(0).intersects(Shape::POSS) && shape(0).intersects(Shape::CAP));
    assert!(shape(6).intersects(Shape::POSS));
    assert!(shape(3).intersects(Shape::APOS) && !shape(3).intersects(Shape::POSS));
    assert!(shape(10).intersects(Shape::DOTTED | Shape::UPPER));
    assert!(shape(17).intersects(Shape::HYPHEN) && shape(18).intersects(Shape::HYPHEN));
    assert!(shape(20).intersects(Shape::GLUED) && !shape(19).intersects(Shape::GLUED));
    assert_eq!(t.lower(0), "china");
    assert_eq!(t.lower(3), "they'd");
}

#[test]
fn urls_and_emails_are_one_word() {
    assert_eq!(
        words("See https://example.com/a_b.html. Mail jane.doe@example.com or j.r@x.org."),
        [
            "See",
            "https://example.com/a_b.html",
            ".",
            "Mail",
            "jane.doe@example.com",
            "or",
            "j.r@x.org",
            "."
        ]
    );
}

#[test]
fn line_breaks_and_paragraphs() {
    let t = Tokens::new("Title\nFirst line.\r\n\r\nNew paragraph", 0);
    let s: Vec<Shape> = t.all().iter().map(|k| k.shape).collect();
    assert!(s[0].intersects(Shape::NL) && s[0].intersects(Shape::PARA));
    assert!(s[1].intersects(Shape::NL) && !s[1].intersects(Shape::PARA));
    assert!(!s[2].intersects(Shape::NL));
    assert!(s[4].intersects(Shape::PARA));
}

#[test]
fn unicode_words_follow_word_boundaries() {
    assert_eq!(words("Zürich’s mayor"), ["Zürich", "mayor"]);
    assert_eq!(words("Ελλάδα και Κύπρος"), ["Ελλάδα", "και", "Κύπρος"]);
    // Ideographs are words of their own (UAX #29), as are their neighbours.
    assert_eq!(words("习近平说"), ["习", "近", "平", "说"]);
    assert_eq!(words("café-bar naïve"), ["café-bar", "naïve"]);
    let t = Tokens::new("ÉCOLE Straße", 0);
    assert_eq!(t.lower(0), "école");
    assert_eq!(t.lower(1), "straße");
    assert!(t.get(0).unwrap().is(Shape::UPPER));
}

#[test]
fn symbols_are_lexicon_ids_or_the_documents_own() {
    let t = Tokens::new("Wednesday WEDNESDAY zebra Zebra said", 0);
    let a = t.all();
    assert_eq!(a[0].sym, a[1].sym);
    assert!(a[0].sym.0 < t.own_syms_from());
    assert!(a[0].has(flag::WEEKDAY));
    assert_eq!(a[2].sym, a[3].sym);
    assert!(a[2].sym.0 >= t.own_syms_from() && a[2].flags == 0);
    assert!(a[4].has(flag::QUOTE_CUE));
    assert_eq!(t.info(0).and_then(|i| i.weekday), Some((3, false, false)));
    assert!(t.info(2).is_none());
}

#[test]
fn spans_slice_the_text_and_cover_every_non_space() {
    let text = "“We stay,” she said — at 9 a.m.! Über… $5bn; x@y U.N.-led talks’ end";
    let t = Tokens::new(text, 0);
    let mut covered = vec![false; text.len()];
    for k in t.all() {
        assert!(text.is_char_boundary(k.start as usize) && text.is_char_boundary(k.end as usize));
        for c in &mut covered[k.start as usize..k.end as usize] {
            *c = true;
        }
    }
    for (i, c) in text.char_indices() {
        let possessive = text[..i].ends_with("talks") && c == '’';
        if !c.is_whitespace() && !possessive {
            assert!(covered[i], "{c:?} at {i} in no token");
        }
    }
}

#[test]
fn starts_at_from_and_never_panics_on_odd_input() {
    let text = "ab cd";
    assert_eq!(Tokens::new(text, 3).len(), 1);
    assert_eq!(Tokens::new(text, 99).len(), 2);
    for s in [
        "", "’", "'s", "a’", "-", "a-", "U.", "U.S", "@", "a@", "a@b", "1.", "1,", "www.",
        "http://", "\u{301}x",
    ] {
        let _ = Tokens::new(s, 0);
    }
}

#[test]
fn within_and_at_or_after() {
    let text = "One two. Three four.";
    let t = Tokens::new(text, 0);
    let r = t.within(Span::new(9, 20));
    let w: Vec<&str> = r
        .map(|i| &text[t.all()[i].span().start..t.all()[i].span().end])
        .collect();
    assert_eq!(w, ["Three", "four", "."]);
    assert_eq!(t.at_or_after(4), 1);
}

#[test]
#[ignore]
fn speed_probe() {
    let raw = std::fs::read_to_string("/work/baseline/gc10k/documents.jsonl").unwrap();
    let docs: Vec<String> = raw
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let which = std::env::var("PROBE").unwrap_or_default();
    let _ = crate::lexicon::Lexicon::get();
    let mut n = 0;
    for d in &docs {
        n += match which.as_str() {
            "text" => Tokens::new(d, 0).len(),
            "actors" => crate::extract::actors::tokens::Tokens::new(d, 0).len(),
            "time" => crate::extract::lex::tokens(d, 0, d.len()).len(),
            _ => 0,
        };
    }
    eprintln!("{which}: {n}");
}

/// Documents of every corpus at hand: the seeds, the dev articles, a generated corpus.
fn corpus_docs() -> Vec<String> {
    let mut docs = Vec::new();
    for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap() {
        docs.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    for f in [
        "/work/shared/dev-news/ecbplus-dev.jsonl",
        "/work/baseline/gc10k/documents.jsonl",
    ] {
        for l in std::fs::read_to_string(f).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            docs.push(v["text"].as_str().unwrap().to_string());
        }
    }
    docs
}

/// The time lexer's cut of a word span: split at hyphens (every non-alphanumeric for a
/// URL), a piece that starts with digits split into the number and the rest.
fn time_word(
    text: &str,
    span: Span,
    url: bool,
    glued: bool,
    out: &mut Vec<(usize, usize, char, bool)>,
) {
    use super::views::{is_hyphen, pieces};
    let mut first = true;
    let is_mark = |c: char| {
        if url {
            !c.is_alphanumeric()
        } else {
            is_hyphen(c)
        }
    };
    for p in pieces(text, span, is_mark) {
        let g = if first { glued } else { true };
        first = false;
        if p.mark {
            out.push((p.span.start, p.span.end, 'p', g));
            continue;
        }
        let b = text.as_bytes();
        let mut n = p.span.start;
        while n < p.span.end {
            if b[n].is_ascii_digit() {
                n += 1;
            } else if n > p.span.start
                && matches!(b[n], b'.' | b',' | b':' | b'/' | b'-')
                && n + 1 < p.span.end
                && b[n + 1].is_ascii_digit()
            {
                n += 2;
            } else {
                break;
            }
        }
        if n > p.span.start {
            out.push((p.span.start, n, 'n', g));
            if n < p.span.end {
                for q in pieces(text, Span::new(n, p.span.end), |c| {
                    matches!(c, '.' | ',' | '\'' | '’')
                }) {
                    out.push((
                        q.span.start,
                        q.span.end,
                        if q.mark { 'p' } else { 'w' },
                        true,
                    ));
                }
            }
        } else {
            out.push((p.span.start, p.span.end, 'w', g));
        }
    }
}

/// (start, end, kind letter, glued) of the time lexer's tokens, made from the text layer.
fn time_view(text: &str, t: &Tokens) -> Vec<(usize, usize, char, bool)> {
    let mut out = Vec::new();
    for (i, k) in t.all().iter().enumerate() {
        let glued = k.is(Shape::GLUED);
        let span = k.span();
        match k.kind {
            TokenKind::Punct => out.push((span.start, span.end, 'p', glued)),
            TokenKind::Number => out.push((span.start, span.end, 'n', glued)),
            TokenKind::Word => time_word(text, span, k.is(Shape::URL), glued, &mut out),
        }
        if let Some(m) = t.possessive_marker(text, i) {
            let s = &text[m.start..m.end];
            let apo = s.chars().next().unwrap().len_utf8();
            out.push((m.start, m.start + apo, 'p', true));
            if m.end > m.start + apo {
                out.push((m.start + apo, m.end, 'w', true));
            }
        }
    }
    out
}

/// The number at the start of `text[span]`: digits with inner `seps` before a digit.
fn number_prefix(text: &str, span: Span, seps: &[u8]) -> usize {
    let b = text.as_bytes();
    let mut n = span.start;
    while n < span.end {
        if b[n].is_ascii_digit() {
            n += 1;
        } else if n > span.start
            && seps.contains(&b[n])
            && n + 1 < span.end
            && b[n + 1].is_ascii_digit()
        {
            n += 2;
        } else {
            break;
        }
    }
    n
}

/// (start, end, kind letter) of the claims stage's raw tokens, made from the text layer.
fn claims_view(text: &str, t: &Tokens) -> Vec<(usize, usize, char)> {
    use super::views::{is_hyphen, pieces};
    let mut out = Vec::new();
    let push_pieces =
        |out: &mut Vec<(usize, usize, char)>, span: Span, mark: &dyn Fn(char) -> bool| {
            for p in pieces(text, span, mark) {
                let digit = text.as_bytes()[p.span.start].is_ascii_digit();
                out.push((
                    p.span.start,
                    p.span.end,
                    if p.mark {
                        'p'
                    } else if digit {
                        'n'
                    } else {
                        'w'
                    },
                ));
            }
        };
    for (i, k) in t.all().iter().enumerate() {
        let span = k.span();
        match k.kind {
            TokenKind::Punct => out.push((span.start, span.end, 'p')),
            TokenKind::Number => push_pieces(&mut out, span, &|c| matches!(c, ':' | '/' | '-')),
            TokenKind::Word if k.is(Shape::URL | Shape::DOTTED) => {
                push_pieces(&mut out, span, &|c: char| !c.is_alphanumeric())
            }
            TokenKind::Word => {
                let mut start = span.start;
                if text.as_bytes()[start].is_ascii_digit() {
                    let n = number_prefix(text, span, b".,");
                    out.push((start, n, 'n'));
                    start = n;
                    while start < span.end && is_hyphen(text[start..].chars().next().unwrap()) {
                        let l = text[start..].chars().next().unwrap().len_utf8();
                        out.push((start, start + l, 'p'));
                        start += l;
                    }
                }
                if start < span.end {
                    let marker = t.possessive_marker(text, i);
                    let end = match marker {
                        Some(m) if m.len() > 3 || text[m.start..m.end].ends_with(['s', 'S']) => {
                            m.end
                        }
                        _ => span.end,
                    };
                    out.push((start, end, 'w'));
                    if let Some(m) = marker.filter(|m| m.end > end) {
                        out.push((m.start, m.end, 'p'));
                    }
                }
            }
        }
    }
    out
}

#[test]
#[ignore]
fn views_match_the_old_tokenizers() {
    let docs = corpus_docs();
    let (mut time_diff, mut actor_diff, mut claim_diff, mut total) = (0, 0, 0, 0);
    for d in &docs {
        let t = Tokens::new(d, 0);
        total += 1;
        // time
        let old: Vec<(usize, usize, char, bool)> = crate::extract::lex::tokens(d, 0, d.len())
            .iter()
            .map(|k| {
                let kind = match k.kind {
                    crate::extract::lex::TKind::Word => 'w',
                    crate::extract::lex::TKind::Num => 'n',
                    crate::extract::lex::TKind::Punct => 'p',
                };
                (k.start, k.end, kind, k.glued)
            })
            .collect();
        let new = time_view(d, &t);
        if old != new {
            time_diff += 1;
            if time_diff <= 6 {
                let i = old
                    .iter()
                    .zip(&new)
                    .position(|(a, b)| a != b)
                    .unwrap_or(old.len().min(new.len()));
                let a = old.get(i).copied();
                let b = new.get(i).copied();
                let at = a.map_or(0, |x| x.0).min(b.map_or(0, |x| x.0));
                eprintln!(
                    "time: old {:?} new {:?} near {:?}",
                    a,
                    b,
                    &d[d.floor_char_boundary(at.saturating_sub(20))
                        ..d.floor_char_boundary((at + 40).min(d.len()))]
                );
            }
        }
        // actors
        let old = crate::extract::actors::tokens::Tokens::new(d, 0);
        let oldv: Vec<(usize, usize, bool, bool, bool)> = old
            .toks
            .iter()
            .map(|k| (k.start, k.end, k.cap, k.poss, k.nl_before))
            .collect();
        let newv: Vec<(usize, usize, bool, bool, bool)> = t
            .all()
            .iter()
            .map(|k| {
                (
                    k.start as usize,
                    k.end as usize,
                    k.is(Shape::CAP),
                    k.is(Shape::POSS),
                    k.is(Shape::NL),
                )
            })
            .collect();
        if oldv != newv {
            actor_diff += 1;
            if actor_diff <= 12 {
                let i = oldv
                    .iter()
                    .zip(&newv)
                    .position(|(a, b)| a != b)
                    .unwrap_or(oldv.len().min(newv.len()));
                let a = oldv.get(i).copied();
                let b = newv.get(i).copied();
                let at = a.map_or(0, |x| x.0).min(b.map_or(0, |x| x.0));
                eprintln!(
                    "actors: old {:?} new {:?} near {:?}",
                    a,
                    b,
                    &d[d.floor_char_boundary(at.saturating_sub(20))
                        ..d.floor_char_boundary((at + 40).min(d.len()))]
                );
            }
        }
        let old: Vec<(usize, usize, char)> = crate::claims::tokens::raw_tokens(d)
            .iter()
            .map(|k| {
                let kind = match k.kind {
                    crate::claims::tokens::RawKind::Word => 'w',
                    crate::claims::tokens::RawKind::Number => 'n',
                    crate::claims::tokens::RawKind::Punct => 'p',
                };
                (k.start, k.end, kind)
            })
            .collect();
        let new = claims_view(d, &t);
        if old != new {
            claim_diff += 1;
            if claim_diff <= 8 {
                let i = old
                    .iter()
                    .zip(&new)
                    .position(|(a, b)| a != b)
                    .unwrap_or(old.len().min(new.len()));
                let a = old.get(i).copied();
                let b = new.get(i).copied();
                let at = a.map_or(0, |x| x.0).min(b.map_or(0, |x| x.0));
                eprintln!(
                    "claims: old {:?} new {:?} near {:?}",
                    a,
                    b,
                    &d[d.floor_char_boundary(at.saturating_sub(20))
                        ..d.floor_char_boundary((at + 40).min(d.len()))]
                );
            }
        }
    }
    eprintln!("{total} documents: time view differs in {time_diff}, actor tokens in {actor_diff}, claims view in {claim_diff}");
}
