//! Lower-case descriptions of actors: "the ministry", "the Belarusian leader", "a
//! joint statement", "Chinese state media".

use super::finder::{with_two, Finder};
use super::gender_of;
use super::lexicon::flag;
use super::{LocalMention, MentionForm};
use crate::model::ActorKind;

/// How many words before its head a description may have ("the Belarusian
/// state-run news agency").
const DESCRIPTION_WORDS: usize = 12;

impl Finder<'_> {
    /// A lower-case description starting at or around token `i` ("the ministry",
    /// "the Belarusian leader", "a joint statement", "Chinese state media").
    /// Returns the next token to look at.
    pub(super) fn description(&mut self, i: usize) -> usize {
        let lex = self.lex;
        if !self.is(i, flag::DESC) {
            return i + 1;
        }
        let lw = self.lo(i);
        // The head: a role noun or a body head usable in lower case, possibly two words.
        let two = if self.word(i + 1) && !self.toks[i].poss() && self.is(i, flag::MULTI_FIRST) {
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
            && !self.toks[last + 1].nl_before()
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
        let floor = i.saturating_sub(DESCRIPTION_WORDS);
        while k > floor {
            let p = k - 1;
            if !self.word(p) || self.toks[k].nl_before() {
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
            if self.toks[p].cap() {
                if let Some(c) = self
                    .is(p, flag::NATIONALITY)
                    .then(|| lex.nationalities.get(pw))
                    .flatten()
                {
                    nat.get_or_insert(c.to_string());
                    first = p;
                    k = p;
                    continue;
                }
                break;
            }
            if self.toks[p].poss() && (self.is(p, flag::ROLE) || self.is(p, flag::MODIFIER)) {
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
