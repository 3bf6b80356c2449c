//! The name finder: capitalized runs split into names, titles, bodies and places.
//!
//! A run of capitalized words is cut at words that are never names (days, months,
//! function words); each piece is read by `person` (a known body, a place, or titles
//! and honorifics before a person's name). Roles around a name are read by `roles`,
//! lower-case descriptions by `description`.

use super::lexicon::{self, flag, Lexicon, Set};
use super::{LocalMention, MentionForm};
use crate::model::{ActorKind, Span};
use crate::text::Tokens;

/// How many capitalized words after a possessive may hold the body head that makes
/// the possessive part of a body's name ("People’s Liberation Army").
const BODY_AFTER_POSSESSIVE: usize = 4;
/// Body names of at most this many letters count only when written in capitals.
const SHORT_BODY_NAME: usize = 3;

/// Finds the mentions of one document's tokens, run by run.
pub(super) struct Finder<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a Tokens,
    /// The word lists.
    pub lex: &'a Lexicon,
    /// For each token, whether it opens a sentence or stands in a headline.
    pub initial: &'a [bool],
    /// Lower-case words capitalized somewhere not sentence-initial.
    pub cap_elsewhere: Set<&'a str>,
    /// The mentions found.
    pub out: Vec<LocalMention>,
    /// Whether place mentions are left without head and country.
    pub lazy_places: bool,
    /// Scratch for [`Finder::joined`]: a run's lower-cased words.
    pub full_buf: String,
    /// Scratch for [`Finder::joined`]: the run's words after titles.
    pub rest_buf: String,
}

impl<'a> Finder<'a> {
    pub(super) fn word(&self, i: usize) -> bool {
        crate::work::tick(1);
        self.toks.is_alnum(i)
    }
    /// Whether token `i` is in a lexicon list ([`flag`]).
    pub(super) fn is(&self, i: usize, f: u64) -> bool {
        crate::work::tick(1);
        self.toks.has(i, f)
    }
    pub(super) fn cap(&self, i: usize) -> bool {
        self.word(i) && self.toks[i].cap()
    }
    pub(super) fn lo(&self, i: usize) -> &'a str {
        crate::work::tick(1);
        self.toks.lower(i)
    }
    pub(super) fn tok_text(&self, i: usize) -> &'a str {
        self.toks[i].span().slice(self.text)
    }
    pub(super) fn span_of(&self, a: usize, b: usize) -> Span {
        self.toks.span_of(a, b)
    }

    pub(super) fn run(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if self.cap(i) {
                let end = self.gather(i);
                self.name_run(i, end);
                i = end + 1;
            } else if self.word(i) {
                i = self.description(i);
            } else {
                i += 1;
            }
        }
    }

    /// The last token of the capitalized run starting at `i`.
    fn gather(&self, i: usize) -> usize {
        let n = self.toks.len();
        let mut j = i;
        loop {
            let k = j + 1;
            if self.toks[j].poss() {
                // "People’s Liberation Army": a possessive inside a body's name, when a
                // body head follows and the possessor is no place or known name.
                let body_follows = (k..(k + BODY_AFTER_POSSESSIVE).min(n))
                    .take_while(|&q| self.cap(q) && !self.toks[q].nl_before())
                    .any(|q| {
                        self.lex
                            .heads
                            .get(self.lo(q))
                            .map(|h| h.kind == ActorKind::Organization)
                            .unwrap_or(false)
                    });
                if !(body_follows && j == i && self.cap(k) && !self.is(j, flag::PLACE)) {
                    return j;
                }
                j = k;
                continue;
            }
            if k >= n || self.toks[k].nl_before() {
                return j;
            }
            // "Mr." / "Gen." : an honorific's dot stays inside the name.
            if self.toks.is_punct(k, '.')
                && self.toks[k].start == self.toks[j].end
                && self.is(j, flag::TITLE)
                && self.cap(k + 1)
                && !self.toks[k + 1].nl_before()
            {
                j = k + 1;
                continue;
            }
            if self.cap(k) {
                j = k;
                continue;
            }
            if self.word(k)
                && matches!(self.lo(k), "of" | "for" | "and")
                && self.cap(k + 1)
                && !self.toks[k + 1].nl_before()
            {
                // "Ministry of Foreign Affairs", "Secretary of State"; never "Putin of Russia".
                let join = match self.lo(k) {
                    "of" | "for" => self.is(j, flag::HEAD) || self.is_title(j),
                    _ => self.is(k + 1, flag::HEAD) || self.is(k + 1, flag::NON_ACTOR_HEAD),
                };
                if join {
                    j = k + 1;
                    continue;
                }
            }
            return j;
        }
    }

    /// A short body name ("UN", "AP", "RT") counts only when written in capitals, so
    /// "Kim Jong Un" is no United Nations.
    pub(super) fn acronym_ok(&self, i: usize) -> bool {
        let t = self.tok_text(i);
        t.chars().count() > SHORT_BODY_NAME || t.chars().all(|c| !c.is_lowercase())
    }

    /// The lower-cased words `a..=b` joined by spaces: borrowed when one word, else
    /// written into `buf` (a buffer kept across runs, so no allocation per run).
    pub(super) fn joined<'b>(&self, a: usize, b: usize, buf: &'b mut String) -> &'b str
    where
        'a: 'b,
    {
        if a == b {
            return self.lo(a);
        }
        buf.clear();
        for i in a..=b {
            if i > a {
                buf.push(' ');
            }
            buf.push_str(self.lo(i));
        }
        buf
    }

    /// The body head `full` (the lower-cased words `a..=b`), asking the table only when
    /// the token flags allow it: one word must carry [`flag::HEAD`], several must start
    /// with a [`flag::MULTI_FIRST`] word.
    pub(super) fn head_of(&self, a: usize, b: usize, full: &str) -> Option<&'a lexicon::Head> {
        let f = if a == b {
            flag::HEAD
        } else {
            flag::MULTI_FIRST
        };
        if self.is(a, f) {
            self.lex.heads.get(full)
        } else {
            None
        }
    }

    /// Whether `full` (the lower-cased words `a..=b`) is a place; one word is answered
    /// by its [`flag::PLACE`] bit.
    pub(super) fn is_place(&self, a: usize, b: usize, full: &str) -> bool {
        if a == b {
            self.is(a, flag::PLACE)
        } else {
            self.lex.places.contains_key(full)
        }
    }

    /// The country the place word `i` stands for.
    pub(super) fn country_of_place(&self, i: usize) -> Option<String> {
        if !self.is(i, flag::PLACE) {
            return None;
        }
        self.place_country(i)
    }

    /// The country the place list gives word `i`, when it is a capital.
    fn place_country(&self, i: usize) -> Option<String> {
        self.lex
            .places
            .get(self.lo(i))
            .copied()
            .flatten()
            .map(str::to_string)
    }

    fn is_title(&self, i: usize) -> bool {
        self.is(i, flag::TITLE)
    }

    pub(super) fn nationality_at(&self, i: usize) -> Option<(usize, String)> {
        // Two-word nationalities first ("South Korean").
        if self.word(i + 1) && !self.toks[i].poss() && self.is(i, flag::MULTI_FIRST) {
            let nat = &self.lex.nationalities;
            if let Some(c) = with_two(self.lo(i), self.lo(i + 1), |two| nat.get(two)) {
                return Some((2, c.to_string()));
            }
        }
        if self.toks[i].poss() {
            return None;
        }
        if !self.is(i, flag::NATIONALITY) {
            return None;
        }
        self.lex
            .nationalities
            .get(self.lo(i))
            .map(|c| (1, c.to_string()))
    }

    /// Country of a possessive place token ("China’s").
    pub(super) fn possessive_country(&self, i: usize) -> Option<String> {
        if !self.toks[i].poss() || !self.is(i, flag::PLACE) {
            return None;
        }
        self.place_country(i)
    }

    /// Whether the month word at `k` of the capitalized run `a..=b` is a given or
    /// family name instead ("Jan Egeland", "Jun Azumi", "Theresa May", "April Ryan"): a run of names
    /// around it, no number after it and no preposition of time before the run.
    fn month_in_name(&self, k: usize, a: usize, b: usize) -> bool {
        if !matches!(self.lo(k), "jan" | "jun" | "may" | "june" | "april") || a == b {
            return false;
        }
        let number_after = self.toks.get(k + 1).is_some_and(|_| {
            self.tok_text(k + 1)
                .starts_with(|c: char| c.is_ascii_digit())
        });
        let time_before = k == a
            && a > 0
            && matches!(
                self.lo(a - 1),
                "in" | "since"
                    | "until"
                    | "by"
                    | "during"
                    | "last"
                    | "next"
                    | "this"
                    | "early"
                    | "late"
                    | "mid"
                    | "from"
                    | "through"
                    | "before"
                    | "after"
                    | "of"
                    | "on"
            );
        !number_after && !time_before
    }

    fn name_run(&mut self, a: usize, b: usize) {
        // Split at words that never belong in a name (days, months, function words).
        let mut seg_start = a;
        let mut k = a;
        while k <= b {
            let lw = self.lo(k);
            let connector = k > a && k < b && matches!(lw, "of" | "for" | "and");
            // An acronym such as "MAR" is not the month.
            let acronym = self.toks[k].cap()
                && (2..=3).contains(&lw.len())
                && self.tok_text(k).chars().all(|c| c.is_uppercase());
            let breaker = !connector
                && self.is(k, flag::NOT_NAME)
                && !acronym
                && !self.month_in_name(k, a, b);
            if breaker {
                if k > seg_start {
                    self.segment(seg_start, k - 1);
                }
                seg_start = k + 1;
            }
            k += 1;
        }
        if seg_start <= b {
            self.segment(seg_start, b);
        }
    }

    fn segment(&mut self, a: usize, b: usize) {
        let mut full_buf = std::mem::take(&mut self.full_buf);
        let mut rest_buf = std::mem::take(&mut self.rest_buf);
        self.segment_in(a, b, &mut full_buf, &mut rest_buf);
        self.full_buf = full_buf;
        self.rest_buf = rest_buf;
    }

    pub(super) fn push_place(&mut self, a: usize, b: usize) {
        let span = self.toks.span_of(a, b);
        let mut m = LocalMention {
            span,
            name_span: span,
            kind: ActorKind::Organization,
            form: MentionForm::Place,
            head: String::new(),
            nationality: None,
            roles: vec![],
            role_heads: vec![],
            quoted: false,
            gender: None,
        };
        if !self.lazy_places {
            fill_place(self.toks, a, b, &mut m);
        }
        self.out.push(m);
    }

    /// A body named by tokens `a..=b`, tied to country `nat`.
    pub(super) fn push_body(&mut self, a: usize, b: usize, kind: ActorKind, nat: Option<String>) {
        let span = self.span_of(a, b);
        let head = self.lo(b).to_string();
        // The name is the text as written ("Belarusian Telegraph Agency"); resolution
        // compares bodies by name without nationality words.
        self.out.push(LocalMention {
            span,
            kind,
            form: MentionForm::Name,
            name_span: span,
            head,
            nationality: nat,
            roles: vec![],
            role_heads: vec![],
            quoted: false,
            gender: None,
        });
    }
}

/// Sets the lower-case head and country of the place mention `m` on
/// tokens `a..=b`.
pub(super) fn fill_place(toks: &Tokens, a: usize, b: usize, m: &mut LocalMention) {
    let full = if a == b {
        toks.lower(a).to_string()
    } else {
        (a..=b).map(|i| toks.lower(i)).collect::<Vec<_>>().join(" ")
    };
    m.nationality = Lexicon::get()
        .places
        .get(&full)
        .copied()
        .flatten()
        .map(str::to_string);
    m.head = full;
}

/// Calls `f` with `a b` (two words joined by a space), built on the stack when short.
pub(super) fn with_two<R>(a: &str, b: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    let n = a.len() + 1 + b.len();
    if n <= buf.len() {
        buf[..a.len()].copy_from_slice(a.as_bytes());
        buf[a.len()] = b' ';
        buf[a.len() + 1..n].copy_from_slice(b.as_bytes());
        if let Ok(s) = std::str::from_utf8(&buf[..n]) {
            return f(s);
        }
    }
    f(&format!("{a} {b}"))
}
