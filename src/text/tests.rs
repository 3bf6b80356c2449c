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
