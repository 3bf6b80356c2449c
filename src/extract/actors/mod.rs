//! Mentions of actors in one document: people, organizations, outlets and speaking
//! documents, named ("President Xi Jinping", "the Foreign Ministry") or described
//! ("the Belarusian leader", "the ministry", "the joint statement").
//!
//! Names are capitalized word sequences; titles and honorifics before them
//! ("President", "Foreign Minister", "Mr") are part of the mention but not of the name.
//! Roles come from the words before a name ("Belarusian leader Alexander Lukashenko",
//! "foreign ministry spokesman Wang Wenbin") and from appositions after it
//! ("Lukashenko, the president of Belarus"). Place names and capitalized words that
//! open sentences are not people. Which actor a mention belongs to across documents is
//! decided by [`crate::resolve`].
//!
//! ```
//! use corroborate::{extract::actors, segment, Document, ActorKind};
//! let doc = Document::new("a", "Belarusian leader Alexander Lukashenko met Mr Xi in Beijing.");
//! let m = actors::mentions(&doc, &segment::sentences(&doc));
//! let people: Vec<&str> = m.iter().filter(|m| m.kind == ActorKind::Person).map(|m| m.text(&doc.text)).collect();
//! assert_eq!(people, ["Alexander Lukashenko", "Mr Xi"]);
//! assert_eq!(m[0].roles, ["Belarusian leader"]);
//! assert_eq!(m[0].nationality.as_deref(), Some("Belarus"));
//! ```

pub(crate) mod lexicon;
mod names;
pub(crate) mod tokens;

pub use names::reads_family_first;

use crate::extract::marks::{self, Marked};
use crate::model::{ActorKind, Document, Sentence, Span};
use lexicon::Set;
use lexicon::{flag, Lexicon};
use serde::{Deserialize, Serialize};
use tokens::{Kind, Tokens};

/// How a mention refers to its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// By name, with or without a title ("Xi", "President Xi Jinping", "Foreign Ministry").
    Name,
    /// By a definite description ("the Belarusian leader", "the ministry").
    Description,
    /// A place name ("Beijing"); an actor only when it speaks.
    Place,
}

/// One mention of an actor in one document, before cross-document resolution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalMention {
    /// The mention's bytes in the document (title included, nationality not); its
    /// text is [`LocalMention::text`].
    pub span: Span,
    /// What the mention names.
    pub kind: ActorKind,
    /// Name, description or place.
    pub form: MentionForm,
    /// Where the name without titles ("Xi Jinping"), or the description without its
    /// determiner ("Belarusian leader"), stands in the document; its text is
    /// [`LocalMention::name`].
    pub name_span: Span,
    /// For descriptions and bodies: the lower-case head word ("leader", "ministry").
    pub head: String,
    /// The country the mention ties its actor to ("Chinese President" gives China).
    pub nationality: Option<String>,
    /// Roles stated here ("Belarusian leader", "president of Belarus").
    pub roles: Vec<String>,
    /// Lower-case role nouns of those roles and titles ("leader", "president").
    pub role_heads: Vec<String>,
    /// Whether the mention stands inside a direct quotation's marks.
    pub quoted: bool,
    /// The person's gender when a title or role word says it ("Mr", "spokeswoman").
    pub gender: Option<Gender>,
}

impl LocalMention {
    /// The mention's text in `doc_text`, the text of the document it was found in.
    pub fn text<'t>(&self, doc_text: &'t str) -> &'t str {
        doc_text
            .get(self.span.start..self.span.end)
            .unwrap_or_default()
    }

    /// The mention's name (titles and determiner left out) in `doc_text`.
    pub fn name<'t>(&self, doc_text: &'t str) -> &'t str {
        doc_text
            .get(self.name_span.start..self.name_span.end)
            .unwrap_or_default()
    }
}

/// Grammatical gender of a person, as titles and role words state it; used to keep
/// "she" from resolving to "Mr Smith".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// He.
    Male,
    /// She.
    Female,
}

/// The gender a title or role word states, if any.
pub(crate) fn gender_of(word: &str) -> Option<Gender> {
    match word {
        "mr" | "sir" | "lord" | "king" | "prince" | "emperor" | "spokesman" | "chairman"
        | "congressman" | "councilman" | "father" | "herr" | "monsieur" | "sheikh" => {
            Some(Gender::Male)
        }
        "mrs" | "ms" | "miss" | "madam" | "madame" | "dame" | "lady" | "queen" | "princess"
        | "empress" | "spokeswoman" | "chairwoman" | "congresswoman" | "councilwoman" | "frau" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// The actor mentions of `doc`, in text order.
///
/// `sentences` are the document's sentences from [`crate::segment::sentences`]; a word
/// counts as sentence-initial only where both they and the punctuation agree, so a
/// segmenter that splits after "Mr." does not turn "Xi" into a sentence opener.
pub fn mentions(doc: &Document, sentences: &[Sentence]) -> Vec<LocalMention> {
    let body = doc.body();
    let toks = Tokens::new(&doc.text, body.start);
    let marks = marks::scan(&doc.text, body.start);
    mentions_in(doc, sentences, &toks, &marks, false)
}

/// [`mentions`] over tokens and quotation marks already found.
///
/// With `lazy_places`, place mentions carry only their spans, kind and form (their
/// head is empty and their country `None`) until [`complete_place`] fills them in:
/// most places never speak, and only a speaking place is used as an actor.
pub(crate) fn mentions_in(
    doc: &Document,
    sentences: &[Sentence],
    toks: &Tokens,
    marks: &[Marked],
    lazy_places: bool,
) -> Vec<LocalMention> {
    let lex = Lexicon::get();
    let starts: Set<usize> = sentences.iter().map(|s| s.span.start).collect();
    let mut initial = sentence_initial(&doc.text, toks, &starts);
    mark_headlines(toks, &mut initial);
    let mut finder = Finder {
        text: &doc.text,
        toks,
        lex,
        initial: &initial,
        cap_elsewhere: Set::default(),
        out: Vec::with_capacity(toks.len() / 16),
        lazy_places,
        full_buf: String::new(),
        rest_buf: String::new(),
    };
    let elsewhere = |(i, t): (usize, &tokens::Tok)| {
        (t.cap && !initial[i] && t.kind == tokens::Kind::Word).then(|| toks.lower(i))
    };
    // Sized once: growing the set rehashes every word again.
    let caps = toks
        .toks
        .iter()
        .enumerate()
        .filter(|&(i, t)| t.cap && !initial[i] && t.kind == tokens::Kind::Word)
        .count();
    finder.cap_elsewhere.reserve(caps);
    finder
        .cap_elsewhere
        .extend(toks.toks.iter().enumerate().filter_map(elsewhere));
    finder.run();
    let mut out = finder.out;
    for m in &mut out {
        m.quoted = marks::inside_any(marks, m.span);
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out.dedup_by_key(|m| m.span);
    share_gender(&doc.text, &mut out);
    out
}

/// Gives every person mention the gender another mention of the same family name in
/// the document states ("Ms Ardern" makes "Jacinda Ardern" female).
fn share_gender(text: &str, out: &mut [LocalMention]) {
    let is_name = |m: &LocalMention| m.kind == ActorKind::Person && m.form == MentionForm::Name;
    if !out.iter().any(|m| is_name(m) && m.gender.is_some()) {
        return;
    }
    // Family names made once per person name, as byte ranges into one lower-cased
    // buffer (a name's words lower-cased one by one are its lower-cased words).
    let mut buf = String::new();
    let mut lower = String::new();
    let families: Vec<Option<std::ops::Range<usize>>> = out
        .iter()
        .map(|m| {
            if !is_name(m) {
                return None;
            }
            // Lower-cased into one reused buffer; non-ASCII the same as `to_lowercase`.
            let name = m.name(text);
            if name.is_ascii() {
                lower.clear();
                lower.push_str(name);
                lower.make_ascii_lowercase();
            } else {
                lower = name.to_lowercase();
            }
            // More than three words are never read family-first.
            let (mut head, mut n, mut last) = ([""; 3], 0, None);
            for w in lower.split_whitespace() {
                if let Some(slot) = head.get_mut(n) {
                    *slot = w;
                }
                n += 1;
                last = Some(w);
            }
            let w = if n <= 3 && reads_family_first(&head[..n]) {
                Some(head[0])
            } else {
                last
            }?;
            let at = buf.len();
            buf.push_str(w);
            Some(at..buf.len())
        })
        .collect();
    let family = |f: &Option<std::ops::Range<usize>>| f.clone().map(|r| &buf[r]);
    let known: Vec<(&str, Gender)> = out
        .iter()
        .zip(&families)
        .filter_map(|(m, f)| Some((family(f)?, m.gender?)))
        .collect();
    let genders: Vec<Option<Gender>> = out
        .iter()
        .zip(&families)
        .map(|(m, f)| match family(f) {
            Some(f) if m.gender.is_none() => known.iter().find(|(k, _)| *k == f).map(|&(_, g)| g),
            _ => m.gender,
        })
        .collect();
    for (m, g) in out.iter_mut().zip(genders) {
        m.gender = g;
    }
}

/// Marks every word of a title-case line ("China, Belarus Issue Vague Call for Peace")
/// as sentence-initial, so its capitals count as names only when seen elsewhere.
fn mark_headlines(toks: &Tokens, initial: &mut [bool]) {
    let n = toks.len();
    let mut a = 0;
    while a < n {
        let mut b = a + 1;
        while b < n && !toks.toks[b].nl_before {
            b += 1;
        }
        let (mut words, mut caps, mut has_sentence_end) = (0usize, 0usize, false);
        for t in &toks.toks[a..b] {
            if t.kind == Kind::Word {
                words += 1;
                caps += usize::from(t.cap);
            } else if matches!(t.ch, '.' | '!' | '?' | ':') {
                has_sentence_end = true;
                break;
            }
        }
        if words >= 3 && caps * 4 >= words * 3 && !has_sentence_end {
            for (i, t) in toks.toks[a..b].iter().enumerate() {
                if t.kind == Kind::Word {
                    initial[a + i] = true;
                }
            }
        }
        a = b;
    }
}

/// Whether each token opens a sentence: after a paragraph break, or after `.`, `!`,
/// `?` (possibly followed by closing marks) that does not end an abbreviation.
pub(crate) fn sentence_initial(text: &str, toks: &Tokens, starts: &Set<usize>) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut expect = true;
    // Index of the first token after the last sentence end.
    let mut run_from = 0;
    #[allow(clippy::needless_range_loop)] // looks at neighbours
    for i in 0..toks.len() {
        let t = toks.toks[i];
        if t.nl_before {
            expect = true;
            run_from = i;
        }
        if t.kind == Kind::Word {
            let punct_says = expect;
            out[i] = punct_says
                && (starts.is_empty()
                    || (run_from..=i)
                        .any(|k| starts.contains(&toks.toks[k].start) || toks.toks[k].nl_before));
            expect = false;
            continue;
        }
        // A punctuation token: its character.
        let c = t.ch;
        match c {
            '.' | '!' | '?' | '…' => {
                let abbrev = i > 0 && c == '.' && is_abbreviation(text, toks, i - 1);
                if !abbrev {
                    expect = true;
                    run_from = i + 1;
                }
            }
            '"' | '“' | '”' | '\'' | '‘' | '’' | '(' | ')' | '[' | ']' | '«' | '»' | '—' | '–'
            | '-' | ':' => {}
            _ => expect = false,
        }
    }
    out
}

fn is_abbreviation(text: &str, toks: &Tokens, i: usize) -> bool {
    if !toks.is_word(i) || toks.toks[i].end + 1 != toks.toks[i + 1].end {
        return false;
    }
    let w = toks.lower(i);
    let _ = text;
    toks.has(i, flag::TITLE)
        || matches!(
            w,
            "st" | "jr"
                | "sr"
                | "inc"
                | "co"
                | "corp"
                | "ltd"
                | "no"
                | "vs"
                | "etc"
                | "e.g"
                | "i.e"
        )
        || (w.chars().count() == 1 && toks.toks[i].cap)
}

struct Finder<'a> {
    text: &'a str,
    toks: &'a Tokens,
    lex: &'a Lexicon,
    initial: &'a [bool],
    cap_elsewhere: Set<&'a str>,
    out: Vec<LocalMention>,
    lazy_places: bool,
    /// Scratch for [`Finder::joined`]: a run's lower-cased words.
    full_buf: String,
    /// Scratch for [`Finder::joined`]: the run's words after titles.
    rest_buf: String,
}

/// A role found before or after a name.
struct RoleInfo {
    text: String,
    heads: Vec<String>,
    nationality: Option<String>,
}

impl<'a> Finder<'a> {
    fn word(&self, i: usize) -> bool {
        self.toks.is_word(i)
    }
    /// Whether token `i` is in a lexicon list ([`flag`]).
    fn is(&self, i: usize, f: u16) -> bool {
        self.toks.has(i, f)
    }
    fn cap(&self, i: usize) -> bool {
        self.word(i) && self.toks.toks[i].cap
    }
    fn lo(&self, i: usize) -> &'a str {
        self.toks.lower(i)
    }
    fn tok_text(&self, i: usize) -> &'a str {
        let t = self.toks.toks[i];
        &self.text[t.start..t.end]
    }
    fn span_of(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks.toks[a].start, self.toks.toks[b].end)
    }

    fn run(&mut self) {
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
            if self.toks.toks[j].poss {
                // "People’s Liberation Army": a possessive inside a body's name, when a
                // body head follows and the possessor is no place or known name.
                let body_follows = (k..(k + 4).min(n))
                    .take_while(|&q| self.cap(q) && !self.toks.toks[q].nl_before)
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
            if k >= n || self.toks.toks[k].nl_before {
                return j;
            }
            // "Mr." / "Gen." : an honorific's dot stays inside the name.
            if self.toks.is_punct(k, '.')
                && self.toks.toks[k].start == self.toks.toks[j].end
                && self.is(j, flag::TITLE)
                && self.cap(k + 1)
                && !self.toks.toks[k + 1].nl_before
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
                && !self.toks.toks[k + 1].nl_before
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
    fn acronym_ok(&self, i: usize) -> bool {
        let t = self.tok_text(i);
        t.chars().count() > 3 || t.chars().all(|c| !c.is_lowercase())
    }

    /// The lower-cased words `a..=b` joined by spaces: borrowed when one word, else
    /// written into `buf` (a buffer kept across runs, so no allocation per run).
    fn joined<'b>(&self, a: usize, b: usize, buf: &'b mut String) -> &'b str
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
    fn head_of(&self, a: usize, b: usize, full: &str) -> Option<&'a lexicon::Head> {
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
    fn is_place(&self, a: usize, b: usize, full: &str) -> bool {
        if a == b {
            self.is(a, flag::PLACE)
        } else {
            self.lex.places.contains_key(full)
        }
    }

    /// The country the place word `i` stands for.
    fn country_of_place(&self, i: usize) -> Option<String> {
        if !self.is(i, flag::PLACE) {
            return None;
        }
        self.lex.places.get(self.lo(i)).cloned().flatten()
    }

    fn is_title(&self, i: usize) -> bool {
        self.is(i, flag::TITLE)
    }

    fn nationality_at(&self, i: usize) -> Option<(usize, String)> {
        // Two-word nationalities first ("South Korean").
        if self.word(i + 1) && !self.toks.toks[i].poss && self.is(i, flag::MULTI_FIRST) {
            let nat = &self.lex.nationality;
            if let Some(c) = with_two(self.lo(i), self.lo(i + 1), |two| nat.get(two)) {
                return Some((2, c.clone()));
            }
        }
        if self.toks.toks[i].poss {
            return None;
        }
        if !self.is(i, flag::NATIONALITY) {
            return None;
        }
        self.lex.nationality.get(self.lo(i)).map(|c| (1, c.clone()))
    }

    /// Country of a possessive place token ("China’s").
    fn possessive_country(&self, i: usize) -> Option<String> {
        if !self.toks.toks[i].poss || !self.is(i, flag::PLACE) {
            return None;
        }
        self.lex.places.get(self.lo(i)).cloned().flatten()
    }

    /// Whether the month word at `k` of the capitalized run `a..=b` is a given or
    /// family name instead ("Jan Egeland", "Jun Azumi", "Theresa May", "April Ryan"): a run of names
    /// around it, no number after it and no preposition of time before the run.
    fn month_in_name(&self, k: usize, a: usize, b: usize) -> bool {
        if !matches!(self.lo(k), "jan" | "jun" | "may" | "june" | "april") || a == b {
            return false;
        }
        let number_after = self.toks.toks.get(k + 1).is_some_and(|_| {
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
            let acronym = self.toks.toks[k].cap
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

    /// [`Finder::segment`] with buffers for the lower-cased run and its rest after
    /// titles.
    fn segment_in(&mut self, a: usize, b: usize, full_buf: &mut String, rest_buf: &mut String) {
        let lex = self.lex;
        let full: &str = self.joined(a, b, full_buf);
        if let Some(h) = self.head_of(a, b, full).filter(|_| self.acronym_ok(b)) {
            if b > a || !h.lower_ok || self.toks.toks[a].cap {
                // A known body by its own name ("Xinhua", "Associated Press", "Kremlin").
                if b > a || !h.lower_ok {
                    self.push_body(a, b, h.kind, None, full);
                    return;
                }
            }
        }
        if self.is_place(a, b, full) {
            self.push_place(a, b);
            return;
        }
        // Strip nationality adjectives and title words from the front.
        let mut i = a;
        let mut nat = None;
        let mut title_start = None;
        let mut title_words: Vec<String> = Vec::new();
        let mut honorific = false;
        let mut gender = None;
        while i <= b {
            if title_words.is_empty() && !honorific {
                if let Some((w, c)) = self.nationality_at(i) {
                    if i + w <= b {
                        nat = Some(c);
                        i += w;
                        continue;
                    }
                }
            }
            if self.toks.is_punct(i, '.') {
                i += 1;
                continue;
            }
            let lw = self.lo(i);
            // A body before a title belongs to the title ("Senate Majority Leader").
            if i + 1 < b
                && title_words.is_empty()
                && self.is(i, flag::HEAD)
                && lex
                    .heads
                    .get(lw)
                    .map(|h| h.kind == ActorKind::Organization)
                    .unwrap_or(false)
                && self.is(i + 1, flag::TITLE)
                && lex.titles.get(self.lo(i + 1)) == Some(&false)
            {
                title_start.get_or_insert(i);
                title_words.push(lw.to_string());
                i += 1;
                continue;
            }
            // A capitalized role noun before a name is a title too ("Economist Paul
            // Krugman" opening a sentence).
            let title = if self.is(i, flag::TITLE) {
                lex.titles.get(lw).copied()
            } else {
                None
            };
            let as_title = title.or_else(|| {
                (self.is(i, flag::ROLE) && i < b && !self.is(b, flag::HEAD)).then_some(false)
            });
            if let Some(h) = as_title {
                // "State" is a title word only after "of" ("Secretary of State").
                if lw == "state" && !(i > a && self.lo(i - 1) == "of") {
                    break;
                }
                // A title word followed by nothing but a body head is the body's name
                // ("Foreign Ministry"): stop stripping there.
                if i < b && self.is(b, flag::HEAD) && !h {
                    break;
                }
                if i == b && (self.cap(b) && !h) && title_words.is_empty() && !honorific {
                    // A lone capitalized title: "President" said.
                }
                title_start.get_or_insert(i);
                gender = gender.or(gender_of(lw));
                if h {
                    honorific = true;
                } else {
                    title_words.push(lw.to_string());
                }
                i += 1;
                continue;
            }
            if lw == "of" && !title_words.is_empty() {
                i += 1;
                continue;
            }
            break;
        }
        if i > b {
            // Only titles (and nationality): a description such as "the Chinese President".
            if !title_words.is_empty() && !honorific {
                let det = a > 0 && self.lo(a - 1) == "the";
                if det {
                    let head = title_words.last().cloned().unwrap_or_default();
                    let span = self.span_of(a - 1, b);
                    // The name leaves out "the " (an empty name should that not end
                    // on a character boundary).
                    let text = span.slice(self.text);
                    let name_span = if text.is_char_boundary(4.min(text.len())) && text.len() >= 4 {
                        Span::new(span.start + 4, span.end)
                    } else {
                        Span::new(span.end, span.end)
                    };
                    self.out.push(LocalMention {
                        span,
                        kind: ActorKind::Person,
                        form: MentionForm::Description,
                        name_span,
                        head: head.clone(),
                        nationality: nat,
                        roles: vec![],
                        role_heads: vec![head],
                        quoted: false,
                        gender: None,
                    });
                }
            }
            return;
        }
        let rest = i..b + 1;
        let rest_full: &str = if i == a {
            full
        } else {
            self.joined(i, b, rest_buf)
        };
        let last = self.lo(b);
        if let Some(h) = self
            .head_of(b, b, last)
            .filter(|_| self.acronym_ok(b))
            .or_else(|| {
                if b > i && self.is(b - 1, flag::MULTI_FIRST) {
                    with_two(self.lo(b - 1), last, |two| lex.heads.get(two))
                } else {
                    None
                }
            })
        {
            if !(rest.len() == 1
                && self.is(b, flag::HEAD)
                && is_generic_head(last)
                && title_words.is_empty()
                && nat.is_none())
                || self.toks.toks[b].cap && (b > a)
            {
                let start = if nat.is_some() || !title_words.is_empty() {
                    a
                } else {
                    i
                };
                self.push_body(start, b, h.kind, nat, rest_full);
                return;
            }
        }
        if let Some(h) = self.head_of(i, b, rest_full).filter(|_| self.acronym_ok(b)) {
            self.push_body(i, b, h.kind, nat, rest_full);
            return;
        }
        if title_words.is_empty() && !honorific && self.is_place(i, b, rest_full) {
            self.push_place(i, b);
            return;
        }
        if self.is(b, flag::NON_ACTOR_HEAD) {
            return;
        }
        let next_lower = self.word(b + 1) && !self.toks.toks[b + 1].cap;
        if rest.len() == 1 {
            let t = self.tok_text(i);
            let hyphen_compound = t.split(['-', '‐']).filter(|p| !p.is_empty()).count() > 1
                && t.split(['-', '‐'])
                    .all(|p| p.chars().next().map(char::is_uppercase).unwrap_or(false));
            if hyphen_compound && next_lower {
                return;
            }
            // Party and state tags: "R-Ky.", "D-N.Y."
            if t.split(['-', '‐'])
                .next()
                .map(|p| p.chars().count() == 1)
                .unwrap_or(false)
                && t.contains(['-', '‐'])
            {
                return;
            }
            if t.chars().any(|c| c.is_ascii_digit()) {
                return;
            }
            let acronym = t.chars().count() >= 2 && t.chars().all(|c| c.is_uppercase() || c == '.');
            if acronym && self.is(i, flag::NOT_NAME) {
                return;
            }
            if acronym && title_words.is_empty() && !honorific {
                self.push_body(i, b, ActorKind::Organization, nat, rest_full);
                return;
            }
            // A lone capitalized word opening a sentence is a name only if it is
            // capitalized elsewhere too.
            if title_words.is_empty()
                && !honorific
                && nat.is_none()
                && self.initial[i]
                && !self.cap_elsewhere.contains(self.lo(i))
            {
                return;
            }
            let lw = self.lo(i);
            if self.is(i, flag::NATIONALITY)
                || lw
                    .strip_suffix('s')
                    .map(|w| lex.nationality.contains_key(w))
                    .unwrap_or(false)
            {
                return;
            }
        }
        // In a headline every word is capitalized: only names seen elsewhere count.
        if rest.len() > 1
            && rest.clone().all(|k| self.initial[k])
            && rest
                .clone()
                .any(|k| !self.cap_elsewhere.contains(self.lo(k)))
        {
            return;
        }
        if rest.len() > 4
            || rest
                .clone()
                .any(|k| !self.word(k) || self.lo(k).chars().any(|c| c.is_ascii_digit()))
        {
            return;
        }
        // "Minsk Xie Xiaoyong": a place glued before a full name is not part of it.
        let mut first = i;
        if rest.len() >= 3 && self.is(i, flag::PLACE) {
            first = i + 1;
        }
        if rest.len() >= 2
            && rest
                .clone()
                .all(|k| self.is(k, flag::NATIONALITY) || self.is(k, flag::PLACE))
        {
            return;
        }
        let start = title_start.filter(|&t| t < first).unwrap_or(first);
        let span = self.span_of(start, b);
        let name_span = self.span_of(first, b);
        let mut roles = Vec::new();
        let mut role_heads: Vec<String> = title_words
            .iter()
            .filter(|w| lex.is_role(w) || matches!(w.as_str(), "premier" | "president"))
            .cloned()
            .collect();
        let mut nationality = nat;
        // Words before the name: nationality, titles, and role words before the run.
        if let Some(r) = self.role_before(a, first) {
            roles.push(r.text);
            role_heads.extend(r.heads);
            if nationality.is_none() {
                nationality = r.nationality;
            }
        }
        if let Some(r) = self.role_after(b) {
            roles.push(r.text);
            role_heads.extend(r.heads);
            if nationality.is_none() {
                nationality = r.nationality;
            }
        }
        role_heads.sort();
        role_heads.dedup();
        let gender = gender.or_else(|| role_heads.iter().find_map(|r| gender_of(r)));
        self.out.push(LocalMention {
            span,
            kind: ActorKind::Person,
            form: MentionForm::Name,
            name_span,
            head: String::new(),
            nationality,
            roles,
            role_heads,
            quoted: false,
            gender,
        });
    }

    fn push_place(&mut self, a: usize, b: usize) {
        let span = Span::new(self.toks.toks[a].start, self.toks.toks[b].end);
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

    fn push_body(
        &mut self,
        a: usize,
        b: usize,
        kind: ActorKind,
        nat: Option<String>,
        name_lower: &str,
    ) {
        let span = self.span_of(a, b);
        let head = self.lo(b).to_string();
        // The name is the text as written ("Belarusian Telegraph Agency"); resolution
        // compares bodies by name without nationality words.
        let _ = name_lower;
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

    /// A role written before a name: "Belarusian leader", "China’s foreign ministry
    /// spokesperson", "US State Department spokesman", "Chinese ambassador to Minsk".
    /// `a` is the run start, `name_start` the first title or name token.
    fn role_before(&self, a: usize, name_start: usize) -> Option<RoleInfo> {
        let lex = self.lex;
        let mut heads = Vec::new();
        let mut nationality = None;
        // Titles and nationality inside the run itself.
        let mut first = name_start;
        for k in a..name_start {
            if let Some((_, c)) = self.nationality_at(k) {
                nationality.get_or_insert(c);
            }
            if self.is(k, flag::ROLE) {
                heads.push(self.lo(k).to_string());
            }
        }
        if a < name_start {
            first = a;
        }
        // "ambassador to Minsk Xie Xiaoyong": the place opens the run.
        if a < name_start
            && self.is(a, flag::PLACE)
            && a >= 2
            && matches!(self.lo(a - 1), "to" | "in")
            && lex.is_role(self.lo(a - 2))
        {
            heads.push(self.lo(a - 2).to_string());
            first = a - 2;
        }
        // Words before the run.
        let mut k = first.min(a);
        while k > 0 {
            let p = k - 1;
            if !self.word(p) || self.toks.toks[k].nl_before {
                break;
            }
            let lw = self.lo(p);
            if self.toks.toks[p].cap {
                if let Some((_, c)) = self.nationality_at(p) {
                    nationality.get_or_insert(c);
                    first = p;
                    k = p;
                    continue;
                }
                if let Some(c) = self.possessive_country(p) {
                    nationality.get_or_insert(c);
                    first = p;
                    break;
                }
                // A body's name before a role ("State Department spokesman").
                if self.is(p, flag::HEAD) && !heads.is_empty() {
                    let mut q = p;
                    while q > 0 && self.cap(q - 1) && !self.toks.toks[q - 1].poss {
                        q -= 1;
                    }
                    for r in q..=p {
                        if let Some((_, c)) = self.nationality_at(r) {
                            nationality.get_or_insert(c);
                        }
                        if let Some(c) = self.country_of_place(r) {
                            nationality.get_or_insert(c);
                        }
                    }
                    first = q;
                    if q > 0 {
                        if let Some(c) = self.possessive_country(q - 1) {
                            nationality.get_or_insert(c);
                            first = q - 1;
                        }
                    }
                    break;
                }
                // "ambassador to Minsk"
                if self.is(p, flag::PLACE)
                    && p > 0
                    && matches!(self.lo(p - 1), "to" | "in" | "of")
                    && p > 1
                    && lex.is_role(self.lo(p - 2))
                {
                    first = p - 2;
                    heads.push(self.lo(p - 2).to_string());
                    k = p - 2;
                    continue;
                }
                break;
            }
            if self.is(p, flag::ROLE) {
                heads.push(lw.to_string());
                first = p;
                k = p;
                continue;
            }
            if self.is(p, flag::MODIFIER) && !heads.is_empty() {
                first = p;
                k = p;
                continue;
            }
            break;
        }
        if heads.is_empty() || first >= name_start {
            return None;
        }
        let text = self.span_of(first, name_start - 1).slice(self.text);
        Some(RoleInfo {
            text: clean_role(text),
            heads,
            nationality,
        })
    }

    /// An apposition after a name: ", the president of Belarus", ", head of the
    /// country’s top legislature", or " of Russia".
    fn role_after(&self, b: usize) -> Option<RoleInfo> {
        let n = self.toks.len();
        if self.word(b + 1) && self.lo(b + 1) == "of" && self.cap(b + 2) {
            let c = self.country_of_place(b + 2)?;
            return Some(RoleInfo {
                text: String::new(),
                heads: vec![],
                nationality: Some(c),
            })
            .filter(|_| true)
            .map(|mut r| {
                r.text = String::new();
                r
            });
        }
        if !self.toks.is_punct(b + 1, ',') {
            return None;
        }
        let mut k = b + 2;
        if self.word(k) && matches!(self.lo(k), "the" | "a" | "an") {
            k += 1;
        }
        let start = k;
        let mut heads = Vec::new();
        let mut nationality = None;
        let mut end = None;
        while k < n && k < start + 12 {
            if !self.word(k) {
                break;
            }
            let lw = self.lo(k);
            if matches!(lw, "and" | "who" | "which" | "whose" | "said" | "says") {
                break;
            }
            if let Some((w, c)) = self.nationality_at(k) {
                nationality.get_or_insert(c);
                k += w;
                continue;
            }
            if self.is(k, flag::ROLE) {
                heads.push(lw.to_string());
                end = Some(k);
                k += 1;
                continue;
            }
            if heads.is_empty() {
                // "the Kremlin spokesman", "the White House press secretary"
                if self.is(k, flag::MODIFIER)
                    || matches!(lw, "first" | "second" | "new" | "former" | "press")
                    || (self.cap(k) && !self.toks.toks[k].poss)
                {
                    k += 1;
                    continue;
                }
                break;
            }
            // After the role noun only "of ...": "of Belarus", "of the country’s top
            // legislature".
            let in_of = (start..k).any(|j| self.lo(j) == "of");
            if lw == "of"
                || (in_of
                    && !matches!(
                        lw,
                        "to" | "since" | "that" | "when" | "after" | "before" | "in" | "on" | "at"
                    ))
            {
                if self.cap(k) {
                    if let Some(c) = self.country_of_place(k) {
                        nationality.get_or_insert(c);
                    }
                    if let Some(c) = self.possessive_country(k) {
                        nationality.get_or_insert(c);
                    }
                }
                if !matches!(lw, "of" | "to" | "at" | "for" | "the") {
                    end = Some(k);
                }
                k += 1;
                continue;
            }
            break;
        }
        let end = end?;
        if heads.is_empty() {
            return None;
        }
        // An apposition ends at a comma, a full stop or "and"/"who"; anything else
        // (a verb) means this was not one. "..., the interior minister said" is the
        // speaker of the clause before, not an apposition to the name ending it.
        let stop_ok = k >= n
            || !self.word(k)
            || matches!(
                self.lo(k),
                "and" | "who" | "which" | "whose" | "to" | "since" | "in" | "on" | "at"
            );
        if !stop_ok {
            return None;
        }
        let text = self.span_of(start, end).slice(self.text);
        Some(RoleInfo {
            text: clean_role(text),
            heads,
            nationality,
        })
    }

    /// A lower-case description starting at or around token `i` ("the ministry",
    /// "the Belarusian leader", "a joint statement", "Chinese state media").
    /// Returns the next token to look at.
    fn description(&mut self, i: usize) -> usize {
        let lex = self.lex;
        if !self.is(i, flag::DESC) {
            return i + 1;
        }
        let lw = self.lo(i);
        // The head: a role noun or a body head usable in lower case, possibly two words.
        let two = if self.word(i + 1) && !self.toks.toks[i].poss && self.is(i, flag::MULTI_FIRST) {
            with_two(lw, self.lo(i + 1), |t| {
                (lex.roles.contains(t) || lex.heads.get(t).map(|h| h.lower_ok).unwrap_or(false))
                    .then(|| t.to_string())
            })
        } else {
            None
        };
        let (head, last): (std::borrow::Cow<str>, usize) = match two {
            Some(t) => (t.into(), i + 1),
            None => (lw.into(), i),
        };
        let is_role = lex.roles.contains(head.as_ref());
        let body = lex.heads.get(head.as_ref()).filter(|h| h.lower_ok).copied();
        if !is_role && body.is_none() {
            return i + 1;
        }
        // "the police chief", "the party leader": a body noun before a role noun is the
        // role's modifier; the role's description covers it.
        if !is_role && self.word(last + 1) && self.is(last + 1, flag::ROLE) {
            return last + 1;
        }
        // A description followed by a name is the name's role, handled with the name.
        if self.cap(last + 1)
            && !self.toks.toks[last + 1].nl_before
            && !self.is(last + 1, flag::PLACE)
            && !self.is(last + 1, flag::NOT_NAME)
        {
            return last + 1;
        }
        // Walk back over modifiers, nationality and a determiner.
        let mut first = i;
        let mut nat = None;
        let mut det = None;
        let mut k = i;
        while k > 0 {
            let p = k - 1;
            if !self.word(p) || self.toks.toks[k].nl_before {
                break;
            }
            let pw = self.lo(p);
            if matches!(pw, "the" | "a" | "an") {
                det = Some(pw);
                first = p;
                break;
            }
            if let Some(c) = self.possessive_country(p) {
                nat.get_or_insert(c);
                first = p;
                break;
            }
            if self.toks.toks[p].cap {
                if let Some(c) = self
                    .is(p, flag::NATIONALITY)
                    .then(|| lex.nationality.get(pw))
                    .flatten()
                {
                    nat.get_or_insert(c.clone());
                    first = p;
                    k = p;
                    continue;
                }
                break;
            }
            if self.toks.toks[p].poss && (self.is(p, flag::ROLE) || self.is(p, flag::MODIFIER)) {
                first = p;
                k = p;
                continue;
            }
            if self.is(p, flag::MODIFIER) && !self.is(p, flag::NOT_NAME) {
                first = p;
                k = p;
                continue;
            }
            break;
        }
        let kind = body.map(|h| h.kind).unwrap_or(ActorKind::Person);
        let ok = match det {
            Some("the") => true,
            Some(_) => kind == ActorKind::Document,
            _ => nat.is_some() && kind != ActorKind::Person,
        };
        if !ok {
            return last + 1;
        }
        // "the leader of Belarus"
        let mut end = last;
        if self.word(last + 1) && self.lo(last + 1) == "of" && self.cap(last + 2) {
            if let Some(c) = self.country_of_place(last + 2) {
                nat.get_or_insert(c);
                end = last + 2;
            }
        }
        let span = self.span_of(first, end);
        let name_from = if det.is_some() { first + 1 } else { first };
        let name_span = self.span_of(name_from.min(end), end);
        let role_head = head.rsplit(' ').next().unwrap_or(&head).to_string();
        self.out.push(LocalMention {
            span,
            kind,
            form: MentionForm::Description,
            name_span,
            head: role_head.clone(),
            nationality: nat,
            roles: vec![],
            gender: gender_of(&role_head),
            role_heads: if kind == ActorKind::Person {
                vec![role_head]
            } else {
                vec![]
            },
            quoted: false,
        });
        end + 1
    }
}

/// Sets the lower-case head and country of the place mention `m` on
/// tokens `a..=b`.
fn fill_place(toks: &Tokens, a: usize, b: usize, m: &mut LocalMention) {
    let full = if a == b {
        toks.lower(a).to_string()
    } else {
        (a..=b).map(|i| toks.lower(i)).collect::<Vec<_>>().join(" ")
    };
    m.nationality = Lexicon::get().places.get(&full).cloned().flatten();
    m.head = full;
}

/// Fills in a place mention left empty by [`mentions_in`] with `lazy_places`, the
/// same as it would have been found without.
pub(crate) fn complete_place(toks: &Tokens, m: &mut LocalMention) {
    if m.form != MentionForm::Place || !m.head.is_empty() {
        return;
    }
    let a = toks.at_or_after(m.span.start);
    let b = toks.at_or_after(m.span.end).saturating_sub(1);
    if a <= b && b < toks.len() {
        fill_place(toks, a, b, m);
    }
}

/// Heads that name no one on their own when capitalized at a sentence start
/// ("Statement", "Report").
/// Calls `f` with `a b` (two words joined by a space), built on the stack when short.
fn with_two<R>(a: &str, b: &str, f: impl FnOnce(&str) -> R) -> R {
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

fn is_generic_head(w: &str) -> bool {
    Lexicon::get()
        .heads
        .get(w)
        .map(|h| h.lower_ok)
        .unwrap_or(false)
}

fn clean_role(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, ActorKind, MentionForm)> {
        let doc = Document::new("t", text);
        mentions(&doc, &[])
            .into_iter()
            .map(|m| (m.text(&doc.text).to_string(), m.kind, m.form))
            .collect()
    }

    #[test]
    fn titles_and_places() {
        let m = names("Chinese President Xi Jinping met Lukashenko in Beijing on Wednesday.");
        let texts: Vec<&str> = m.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["President Xi Jinping", "Lukashenko", "Beijing"]);
        assert_eq!(m[2].2, MentionForm::Place);
    }

    #[test]
    fn sentence_initial_common_word_is_not_a_name() {
        let m = names("Respect for the rules matters. Political choices are hard.");
        assert!(m.is_empty(), "{m:?}");
    }
}
