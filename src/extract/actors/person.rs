//! One piece of a capitalized run: a known body, a place, a description made of
//! titles ("the Chinese President"), or titles and honorifics before a person's name.

use super::finder::{with_two, Finder};
use super::lexicon::{flag, Lexicon};
use super::{gender_of, Gender, LocalMention, MentionForm};
use crate::model::{ActorKind, Span};

/// The titles, honorifics and nationality adjectives opening a capitalized run.
struct Titles {
    /// The first token after them.
    end: usize,
    /// The country a nationality adjective among them names.
    nationality: Option<String>,
    /// The first title or honorific token.
    start: Option<usize>,
    /// The title words, lower case ("foreign", "minister"), honorifics left out.
    words: Vec<String>,
    /// Whether an honorific ("Mr", "Dr") is among them.
    honorific: bool,
    /// The gender a title states.
    gender: Option<Gender>,
}

/// The most words a person's name may have after its titles.
const MAX_NAME_WORDS: usize = 4;
/// The most words of a place naming the jurisdiction of a title before it ("New
/// Jersey Gov.", "District of Columbia Mayor").
const JURISDICTION_WORDS: usize = 3;
/// The most capitalized words naming the body or place where a title is held, before
/// the title and a person's name ("South Carolina Democratic Party Chairman Jaime
/// Harrison").
const QUALIFIER_WORDS: usize = 4;
/// The most letters of a title written abbreviated with a dot ("Rep.", "Gov.", "Atty.").
const ABBREVIATED_TITLE_LETTERS: usize = 4;

impl Finder<'_> {
    /// [`Finder::segment`] with buffers for the lower-cased run and its rest after
    /// titles.
    pub(super) fn segment_in(
        &mut self,
        a: usize,
        b: usize,
        full_buf: &mut String,
        rest_buf: &mut String,
    ) {
        let full: &str = self.joined(a, b, full_buf);
        if let Some(h) = self.head_of(a, b, full).filter(|_| self.acronym_ok(b)) {
            // A known body by its own name ("Xinhua", "Associated Press", "Kremlin").
            if b > a || !h.lower_ok {
                self.push_body(a, b, h.kind, None);
                return;
            }
        }
        if self.is_place(a, b, full) {
            self.push_place(a, b);
            return;
        }
        let t = self.titles(a, b);
        if t.end > b {
            // Only titles (and nationality): a description such as "the Chinese
            // President".
            if !t.words.is_empty() && !t.honorific && a > 0 && self.lo(a - 1) == "the" {
                self.push_title_description(a, b, t);
            }
            return;
        }
        let rest_full: &str = if t.end == a {
            full
        } else {
            self.joined(t.end, b, rest_buf)
        };
        if self.body_after_titles(a, b, &t, rest_full) {
            return;
        }
        if t.words.is_empty() && !t.honorific && self.is_place(t.end, b, rest_full) {
            self.push_place(t.end, b);
            return;
        }
        if self.is(b, flag::NON_ACTOR_HEAD) {
            return;
        }
        if !self.may_be_person(t.end, b, &t) {
            // "Judicial Watch President Tom Fitton", "White House Press Secretary Dana
            // Morrow": capitalized words naming where a title is held, then the title
            // and a name. The person starts at the title.
            if let Some(title) = self.title_after_qualifiers(a, b, &t) {
                self.segment_in(title, b, full_buf, rest_buf);
            }
            return;
        }
        self.push_person(a, b, t);
    }

    /// Where the titles before the name of the run `a..=b` start, after up to
    /// [`QUALIFIER_WORDS`] capitalized words naming where they are held, when a name
    /// follows them: the run opened with no title (`t`) and reads as no person whole.
    fn title_after_qualifiers(&self, a: usize, b: usize, t: &Titles) -> Option<usize> {
        if t.end != a || t.honorific || !t.words.is_empty() {
            return None;
        }
        // The last title of the run with the titles right before it ("Press
        // Secretary"); a title word among the qualifiers ("Housing Justice Coalition
        // Director") is not it.
        let last = (a + 1..=b).rev().find(|&k| self.is(k, flag::TITLE))?;
        let mut title = last;
        while title > a + 1 && self.is(title - 1, flag::TITLE) {
            title -= 1;
        }
        // A dot after the title only when it is abbreviated ("Rep."): "Northwind
        // Energy. Brask said" is a sentence's end.
        let abbreviated = self.lo(last).len() <= ABBREVIATED_TITLE_LETTERS;
        let dot = last < b && self.toks.is_punct(last + 1, '.') && abbreviated;
        let name = last + 1 + usize::from(dot);
        let ok = title <= a + QUALIFIER_WORDS
            && name <= b
            && self.lex.titles.get(self.lo(last)) == Some(&false)
            && (a..title).all(|k| self.word(k))
            && (name..=b).all(|k| self.word(k));
        ok.then_some(title)
    }

    /// The titles, honorifics and nationality adjectives opening the capitalized run
    /// `a..=b` ("Chinese President", "Mr", "Senate Majority Leader").
    fn titles(&self, a: usize, b: usize) -> Titles {
        let lex = self.lex;
        let mut t = Titles {
            end: a,
            nationality: None,
            start: None,
            words: Vec::new(),
            honorific: false,
            gender: None,
        };
        if let Some(title) = self.jurisdiction_before_title(a, b) {
            // "New Jersey Gov. Chris Christie", "Former Texas Sen. Ann Cole": the state
            // and "former" qualify the title; the mention starts at the title.
            t.end = title;
        }
        while t.end <= b {
            let i = t.end;
            if t.words.is_empty() && !t.honorific {
                if let Some((w, c)) = self.nationality_at(i) {
                    if i + w <= b {
                        t.nationality = Some(c);
                        t.end += w;
                        continue;
                    }
                }
            }
            if self.toks.is_punct(i, '.') {
                t.end += 1;
                continue;
            }
            let lw = self.lo(i);
            // A body before a title belongs to the title ("Senate Majority Leader").
            if i + 1 < b
                && t.words.is_empty()
                && self.is(i, flag::HEAD)
                && lex
                    .heads
                    .get(lw)
                    .map(|h| h.kind == ActorKind::Organization)
                    .unwrap_or(false)
                && self.is(i + 1, flag::TITLE)
                && lex.titles.get(self.lo(i + 1)) == Some(&false)
            {
                t.start.get_or_insert(i);
                t.words.push(lw.to_string());
                t.end += 1;
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
            if let Some(honorific) = as_title {
                // "State" is a title word only after "of" ("Secretary of State").
                if lw == "state" && !(i > a && self.lo(i - 1) == "of") {
                    break;
                }
                // A title word followed by nothing but a body head is the body's name
                // ("Foreign Ministry"): stop stripping there.
                if i < b && self.is(b, flag::HEAD) && !honorific {
                    break;
                }
                t.start.get_or_insert(i);
                t.gender = t.gender.or(gender_of(lw));
                if honorific {
                    t.honorific = true;
                } else {
                    t.words.push(lw.to_string());
                }
                t.end += 1;
                continue;
            }
            if lw == "of" && !t.words.is_empty() {
                t.end += 1;
                continue;
            }
            break;
        }
        t
    }

    /// The title token after a jurisdiction opening the run `a..=b`: "former" and a
    /// place of up to [`JURISDICTION_WORDS`] words before a title that is no honorific
    /// and has a name after it ("New Jersey Gov. Chris Christie", "Former Arkansas Gov.
    /// Mike Huckabee", "Former Secretary of State ...").
    fn jurisdiction_before_title(&self, a: usize, b: usize) -> Option<usize> {
        let mut i = a;
        if self.lo(i) == "former" {
            i += 1;
        }
        // The first title word within reach; only then is the place looked up.
        let title = (i..=(i + JURISDICTION_WORDS).min(b)).find(|&k| self.is(k, flag::TITLE))?;
        if title == a || title >= b || self.lex.titles.get(self.lo(title)) != Some(&false) {
            return None;
        }
        let place = title == i
            || (title == i + 1 && self.is(i, flag::PLACE))
            || (title > i + 1 && {
                let mut buf = String::new();
                let full = self.joined(i, title - 1, &mut buf);
                self.lex.places.contains_key(full)
            });
        if !place {
            return None;
        }
        // A name must follow the title (and its dot).
        let mut k = title + 1;
        while k <= b && self.toks.is_punct(k, '.') {
            k += 1;
        }
        (k <= b && self.word(k)).then_some(title)
    }

    /// "the Chinese President": a run of titles after "the" describes a person.
    fn push_title_description(&mut self, a: usize, b: usize, t: Titles) {
        let head = t.words.last().cloned().unwrap_or_default();
        let span = self.span_of(a - 1, b);
        // The name leaves out "the " (an empty name should that not end on a character
        // boundary).
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
            nationality: t.nationality,
            roles: vec![],
            role_heads: vec![head],
            quoted: false,
            gender: None,
        });
    }

    /// Whether the run `a..=b` after its titles `t` names a body ("Chinese Foreign
    /// Ministry", "Belarusian Telegraph Agency"); pushes it when it does.
    fn body_after_titles(&mut self, a: usize, b: usize, t: &Titles, rest_full: &str) -> bool {
        let lex = self.lex;
        let i = t.end;
        let last = self.lo(b);
        let last_head = self
            .head_of(b, b, last)
            .filter(|_| self.acronym_ok(b))
            .or_else(|| {
                if b > i && self.is(b - 1, flag::MULTI_FIRST) {
                    with_two(self.lo(b - 1), last, |two| lex.heads.get(two))
                } else {
                    None
                }
            });
        if let Some(h) = last_head {
            // A lone generic head ("Ministry") names no one by itself.
            let lone_generic = b == i
                && self.is(b, flag::HEAD)
                && is_generic_head(last)
                && t.words.is_empty()
                && t.nationality.is_none();
            if !lone_generic || self.toks[b].cap() && (b > a) {
                let qualified = t.nationality.is_some() || !t.words.is_empty();
                let start = if qualified { a } else { i };
                self.push_body(start, b, h.kind, t.nationality.clone());
                return true;
            }
        }
        if let Some(h) = self.head_of(i, b, rest_full).filter(|_| self.acronym_ok(b)) {
            self.push_body(i, b, h.kind, t.nationality.clone());
            return true;
        }
        false
    }

    /// Whether the capitalized words `i..=b` after titles `t` can be a person's name:
    /// not a hyphenated compound, party tag, number, nationality or lone sentence
    /// opener, not a headline, at most four words.
    fn may_be_person(&mut self, i: usize, b: usize, t: &Titles) -> bool {
        let rest = i..b + 1;
        if rest.len() == 1 && !self.may_be_one_word_name(i, t) {
            return false;
        }
        // In a headline every word is capitalized: only names seen elsewhere count.
        if rest.len() > 1
            && rest.clone().all(|k| self.initial[k])
            && rest
                .clone()
                .any(|k| !self.cap_elsewhere.contains(self.lo(k)))
        {
            return false;
        }
        if rest.len() > MAX_NAME_WORDS
            || rest
                .clone()
                .any(|k| !self.word(k) || self.lo(k).chars().any(|c| c.is_ascii_digit()))
        {
            return false;
        }
        !(rest.len() >= 2
            && rest
                .clone()
                .all(|k| self.is(k, flag::NATIONALITY) || self.is(k, flag::PLACE)))
    }

    /// Whether the one capitalized word `i` after titles `t` can be a person's name;
    /// an acronym there is pushed as a body.
    fn may_be_one_word_name(&mut self, i: usize, t: &Titles) -> bool {
        let lex = self.lex;
        let next_lower = self.word(i + 1) && !self.toks[i + 1].cap();
        let w = self.tok_text(i);
        let hyphen_compound = w.split(['-', '‐']).filter(|p| !p.is_empty()).count() > 1
            && w.split(['-', '‐'])
                .all(|p| p.chars().next().map(char::is_uppercase).unwrap_or(false));
        if hyphen_compound && next_lower {
            return false;
        }
        // Party and state tags: "R-Ky.", "D-N.Y."
        if w.split(['-', '‐'])
            .next()
            .map(|p| p.chars().count() == 1)
            .unwrap_or(false)
            && w.contains(['-', '‐'])
        {
            return false;
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        let acronym = w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.');
        if acronym && self.is(i, flag::NOT_NAME) {
            return false;
        }
        let untitled = t.words.is_empty() && !t.honorific;
        if acronym && untitled {
            self.push_body(i, i, ActorKind::Organization, t.nationality.clone());
            return false;
        }
        // A lone capitalized word opening a sentence is a name only if it is
        // capitalized elsewhere too.
        if untitled
            && t.nationality.is_none()
            && self.initial[i]
            && !self.cap_elsewhere.contains(self.lo(i))
        {
            return false;
        }
        let lw = self.lo(i);
        !(self.is(i, flag::NATIONALITY)
            || lw
                .strip_suffix('s')
                .map(|w| lex.nationalities.contains_key(w))
                .unwrap_or(false))
    }

    /// A person named by the run `a..=b`, its titles `t` before the name, with the
    /// roles written before and after it.
    fn push_person(&mut self, a: usize, b: usize, t: Titles) {
        let lex = self.lex;
        let i = t.end;
        // "Minsk Xie Xiaoyong": a place glued before a full name is not part of it.
        let first = if b + 1 - i >= 3 && self.is(i, flag::PLACE) {
            i + 1
        } else {
            i
        };
        let start = t.start.filter(|&s| s < first).unwrap_or(first);
        let span = self.span_of(start, b);
        let name_span = self.span_of(first, b);
        let mut roles = Vec::new();
        let mut role_heads: Vec<String> = t
            .words
            .iter()
            .filter(|w| {
                lex.roles.contains(w.as_str()) || matches!(w.as_str(), "premier" | "president")
            })
            .cloned()
            .collect();
        let mut nationality = t.nationality;
        // Words before the name: nationality, titles, and role words before the run.
        for r in [self.role_before(a, first), self.role_after(b)]
            .into_iter()
            .flatten()
        {
            roles.push(r.role);
            role_heads.extend(r.heads);
            if nationality.is_none() {
                nationality = r.nationality;
            }
        }
        role_heads.sort();
        role_heads.dedup();
        // A title or role says it; else a given name of a two-word name or longer.
        let given = if b > first {
            if self.is(first, flag::GIVEN_MALE) {
                Some(Gender::Male)
            } else if self.is(first, flag::GIVEN_FEMALE) {
                Some(Gender::Female)
            } else {
                None
            }
        } else {
            None
        };
        let gender = t
            .gender
            .or_else(|| role_heads.iter().find_map(|r| gender_of(r)))
            .or(given);
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
}

/// Heads that name no one on their own when capitalized at a sentence start
/// ("Statement", "Report").
fn is_generic_head(w: &str) -> bool {
    Lexicon::get()
        .heads
        .get(w)
        .map(|h| h.lower_ok)
        .unwrap_or(false)
}
