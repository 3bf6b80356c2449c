//! Roles written around a name: before it ("Belarusian leader Alexander Lukashenko",
//! "foreign ministry spokesman Wang Wenbin") and in an apposition after it
//! ("Lukashenko, the president of Belarus").

use super::finder::Finder;
use super::lexicon::flag;
use crate::model::Role;

/// How many tokens an apposition after a name may run (", the head of the country’s
/// top legislature").
const APPOSITION_TOKENS: usize = 12;

/// A role found before or after a name.
pub(super) struct RoleInfo {
    /// The role as written (empty for a country alone: "Putin of Russia").
    pub role: Role,
    /// Its lower-case role nouns.
    pub heads: Vec<String>,
    /// The country it ties the name to.
    pub nationality: Option<String>,
}

impl Finder<'_> {
    /// A role written before a name: "Belarusian leader", "China’s foreign ministry
    /// spokesperson", "US State Department spokesman", "Chinese ambassador to Minsk".
    /// `a` is the run start, `name_start` the first title or name token.
    pub(super) fn role_before(&self, a: usize, name_start: usize) -> Option<RoleInfo> {
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
            && lex.roles.contains(self.lo(a - 2))
        {
            heads.push(self.lo(a - 2).to_string());
            first = a - 2;
        }
        // Words before the run.
        let mut k = first.min(a);
        while k > 0 {
            let p = k - 1;
            if !self.word(p) || self.toks[k].nl_before() {
                break;
            }
            let lw = self.lo(p);
            if self.toks[p].cap() {
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
                    while q > 0 && self.cap(q - 1) && !self.toks[q - 1].poss() {
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
                    && lex.roles.contains(self.lo(p - 2))
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
            role: Role::new(text),
            heads,
            nationality,
        })
    }

    /// An apposition after a name: ", the president of Belarus", ", head of the
    /// country’s top legislature", or " of Russia".
    pub(super) fn role_after(&self, b: usize) -> Option<RoleInfo> {
        let n = self.toks.len();
        if self.word(b + 1) && self.lo(b + 1) == "of" && self.cap(b + 2) {
            let c = self.country_of_place(b + 2)?;
            return Some(RoleInfo {
                role: Role::default(),
                heads: vec![],
                nationality: Some(c),
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
        while k < n && k < start + APPOSITION_TOKENS {
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
                    || (self.cap(k) && !self.toks[k].poss())
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
            role: Role::new(text),
            heads,
            nationality,
        })
    }
}
