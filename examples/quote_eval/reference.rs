//! The reference: gold direct quotations and who speaks them, read from the
//! annotation as the crate docs of this example describe.

use crate::context;
use crate::corpus::{overlap_all, quoted_runs, Article};
use std::ops::Range;

/// A quoted run is gold when this share of its bytes lies inside one attribution's
/// content.
pub(crate) const CONTENT_SHARE: f64 = 0.5;

/// Who the annotation says speaks a quotation, read as the module docs describe.
#[derive(Clone, Debug)]
pub(crate) enum GoldSpeaker {
    /// A source that names someone.
    Named(String),
    /// A pronoun or description that refers to a named source; `or_words` when the
    /// source's own words also count.
    Refers {
        antecedent: Option<String>,
        or_words: bool,
    },
    /// A source matched by its own words only.
    Words,
}

/// A gold direct quotation.
pub(crate) struct GoldQuote {
    pub(crate) span: Range<usize>,
    /// The attribution whose content holds it.
    pub(crate) attribution: usize,
    pub(crate) speaker: Option<GoldSpeaker>,
}

/// Words that open a capitalized run without being a name.
#[rustfmt::skip]
pub(crate) const NOT_NAME: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "he", "she", "they", "it", "i", "we",
    "you", "who", "his", "her", "its", "their", "our", "my", "one", "another", "some", "many",
    "but", "and", "as", "in", "on", "at", "when", "if", "after", "then", "so", "also",
    "officials", "critics", "sources", "aides", "analysts", "experts", "supporters",
    "opponents", "advisers", "advisors", "observers", "voters", "protesters", "residents",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december",
];

/// Titles and role words dropped when names are compared ("President Obama").
#[rustfmt::skip]
pub(crate) const TITLE: &[&str] = &[
    "president", "vice", "sen", "senator", "rep", "representative", "gov", "governor", "mr",
    "mrs", "ms", "miss", "dr", "gen", "general", "secretary", "speaker", "mayor", "judge",
    "justice", "former", "prime", "minister", "attorney", "chairman", "chairwoman", "director",
    "rev", "reverend", "pope", "king", "queen", "prince", "lt", "col", "adm", "sgt", "chief",
    "leader", "candidate", "nominee", "presidential", "democratic", "republican", "gop",
    "house", "senate", "state", "majority", "minority", "deputy", "press", "spokesman",
    "spokeswoman", "u.s", "us", "first", "lady", "sir", "professor", "prof", "ambassador",
    "commissioner", "sheriff", "host", "anchor", "democrat", "candidate", "sens", "reps",
];

/// Given names whose gender keeps a gold "she" from referring to them, and the other
/// way round. Only used to read the reference; the library never sees it.
#[rustfmt::skip]
pub(crate) const MALE_GIVEN: &[&str] = &[
    "donald", "bernie", "ted", "marco", "ben", "jeb", "john", "mike", "chris", "barack", "bill",
    "paul", "tim", "rand", "corey", "jason", "newt", "rudy", "reince", "jeff", "joe", "mitt",
    "george", "harry", "lindsey", "scott", "rick", "bobby", "eric", "martin", "lincoln",
    "steve", "stephen", "james", "jim", "robert", "bob", "david", "michael", "mark", "tom",
    "thomas", "richard", "charles", "peter", "andrew", "brian", "kevin", "gary", "frank",
    "larry", "jack", "sean", "glenn", "rush", "roger", "karl", "ron", "dick", "al", "dan",
    "daniel", "matt", "matthew", "josh", "joshua", "ryan", "adam", "greg", "william", "tony",
    "anthony", "ken", "kenneth", "alex", "alexander", "vladimir", "benjamin", "francis",
    "jorge", "carlos", "luis", "jose", "juan", "kellyanne-not",
];

#[rustfmt::skip]
pub(crate) const FEMALE_GIVEN: &[&str] = &[
    "hillary", "sarah", "nancy", "elizabeth", "kellyanne", "hope", "megyn", "carly", "michelle",
    "melania", "ivanka", "chelsea", "donna", "huma", "jennifer", "maria", "katrina", "debbie",
    "jill", "nikki", "susan", "karen", "mary", "patricia", "linda", "barbara", "margaret",
    "jessica", "amy", "ann", "anne", "laura", "kate", "katie", "kelly", "lisa", "rachel",
    "rebecca", "emily", "ashley", "stephanie", "heather", "angela", "marine", "theresa",
    "madeleine", "condoleezza", "janet", "loretta", "sally", "kirsten", "tammy", "claire",
    "dianne", "barbara", "cheryl", "jane", "julia", "omarosa", "hoda", "andrea", "dana", "mika",
    "gretchen", "ana", "katy", "lena", "tiffany", "gwen",
];

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

pub(crate) fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';' | ':' | '"'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\''))
        .filter(|w| !w.is_empty())
        .collect()
}

pub(crate) fn fold(w: &str) -> String {
    w.trim_end_matches(['.', '\''])
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_lowercase()
}

/// The name a source contains: the first capitalized run that is neither a possessive
/// ("Trump's attorney, Alan Garten") nor a modifier of a following lower-case noun ("the
/// Avatar star Zoe Saldana"), else the longest run.
pub(crate) fn name_in(source: &str) -> Option<String> {
    const JOINERS: &[&str] = &[
        "of", "at", "from", "who", "which", "with", "in", "for", "and", "on", "said", "says",
        "told", "to", "a", "an", "the", "is", "was", "has", "had",
    ];
    let ws = words(source);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if cap(ws[i]) && !NOT_NAME.contains(&fold(ws[i]).as_str()) {
            let a = i;
            while i < ws.len() && cap(ws[i]) && !NOT_NAME.contains(&fold(ws[i]).as_str()) {
                i += 1;
            }
            runs.push((a, i));
        } else {
            i += 1;
        }
    }
    let possessive = |w: &str| w.ends_with("’s") || w.ends_with("'s") || w.ends_with('’');
    // The first run that is no modifier: not a possessive with more words after it, not
    // followed by a lower-case word other than a joiner ("the New Jersey governor",
    // "Legal observers" name nobody), and not all titles ("Sen.").
    let pick = runs.iter().find(|&&(a, b)| {
        let next = ws.get(b).copied();
        let named = (a..b).any(|k| !TITLE.contains(&fold(ws[k]).as_str()));
        named
            && !(possessive(ws[b - 1]) && next.is_some())
            && next.is_none_or(|n| {
                n.chars().next().is_some_and(|c| !c.is_lowercase()) || JOINERS.contains(&n)
            })
    })?;
    let name: Vec<&str> = ws[pick.0..pick.1].to_vec();
    let name = name.join(" ");
    let name = name
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .trim_end_matches('’')
        .to_string();
    (!name.is_empty()).then_some(name)
}

/// The family name (last word, suffixes dropped) and the other words of a name that are
/// no titles, all folded.
pub(crate) fn name_parts(name: &str) -> Option<(String, Vec<String>)> {
    let mut ws: Vec<String> = words(name).into_iter().map(fold).collect();
    while ws
        .last()
        .is_some_and(|w| matches!(w.as_str(), "jr" | "sr" | "ii" | "iii" | "iv"))
    {
        ws.pop();
    }
    let family = ws.pop()?;
    let given = ws
        .into_iter()
        .filter(|w| !TITLE.contains(&w.as_str()) && w.chars().count() > 1)
        .collect();
    Some((family, given))
}

/// Whether two names can name the same person: the same family name, and no two
/// different given names.
pub(crate) fn same_name(gold: &str, predicted: &str) -> bool {
    let (Some((fa, ga)), Some((fb, gb))) = (name_parts(gold), name_parts(predicted)) else {
        return false;
    };
    if fa != fb {
        return false;
    }
    if ga.is_empty() || gb.is_empty() {
        return true;
    }
    ga.iter().any(|g| gb.contains(g)) || gb.iter().any(|g| ga.contains(g))
}

pub(crate) fn gender_of_name(name: &str, text: &str) -> Option<Gender> {
    let ws: Vec<String> = words(name).into_iter().map(fold).collect();
    for w in &ws {
        match w.as_str() {
            "mr" | "congressman" | "spokesman" => return Some(Gender::Male),
            "mrs" | "ms" | "congresswoman" | "spokeswoman" => return Some(Gender::Female),
            w if MALE_GIVEN.contains(&w) => return Some(Gender::Male),
            w if FEMALE_GIVEN.contains(&w) => return Some(Gender::Female),
            _ => {}
        }
    }
    // A family name the article writes with "Mr."/"Mrs."/"Ms.".
    let family = ws.last()?;
    let cap = family
        .chars()
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + &family[c.len_utf8()..])?;
    for (t, g) in [
        ("Mr. ", Gender::Male),
        ("Mr ", Gender::Male),
        ("Mrs. ", Gender::Female),
        ("Ms. ", Gender::Female),
    ] {
        if text.contains(&format!("{t}{cap}")) {
            return Some(g);
        }
    }
    None
}

/// Heads of definite descriptions that name one person ("the senator"); other
/// descriptions ("the report", "the campaign") are matched by their words only.
#[rustfmt::skip]
pub(crate) const PERSON_ROLE: &[&str] = &[
    "senator", "governor", "candidate", "president", "nominee", "spokesman", "spokeswoman",
    "official", "secretary", "chairman", "chairwoman", "businessman", "billionaire", "mogul",
    "congressman", "congresswoman", "mayor", "leader", "lawmaker", "host", "anchor", "author",
    "director", "adviser", "advisor", "aide", "frontrunner", "front-runner", "democrat",
    "republican", "man", "woman", "judge", "pope", "attorney", "executive", "founder",
    "speaker", "manager", "strategist", "pollster", "economist", "professor", "actor",
    "actress", "singer", "star", "comedian", "commentator", "chief", "minister", "ambassador",
    "general", "sheriff", "officer", "retiree", "veteran", "voter", "hopeful", "contender",
    "challenger", "incumbent", "representative", "justice", "columnist",
];

pub(crate) const PERSONAL: &[&str] = &["he", "she", "him", "his", "her", "who", "whom"];

pub(crate) const GROUP: &[&str] = &["they", "them", "their", "it", "its", "which"];

pub(crate) const SPEAKER_SELF: &[&str] = &["i", "we", "you", "me", "us", "my", "our"];

pub(crate) fn is_pronoun(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    PERSONAL.contains(&l.as_str())
        || GROUP.contains(&l.as_str())
        || SPEAKER_SELF.contains(&l.as_str())
}

/// An annotated source that names someone, for pronouns and descriptions to refer to.
#[derive(Clone)]
pub(crate) struct NamedSource {
    pub(crate) at: usize,
    pub(crate) name: String,
    /// Whether CoreNLP tags the name PERSON (always true without a CoreNLP file).
    pub(crate) person: bool,
    pub(crate) gender: Option<Gender>,
}

/// The name an annotated source gives: the PERSON run CoreNLP finds in it, else the
/// capitalized run [`name_in`] picks.
pub(crate) fn source_name(article: &Article, ranges: &[Range<usize>]) -> Option<NamedSource> {
    let text = &article.text;
    let at = ranges.first()?.start;
    if let Some(nlp) = &article.nlp {
        if let Some(r) = nlp.person_in(text, ranges) {
            if after_preposition(&text[at..r.start]) {
                return None;
            }
            let name = text[r.clone()].to_string();
            let gender = gender_of_name(&name, text).or_else(|| nlp.chain_gender(text, &r));
            return Some(NamedSource {
                at,
                name,
                person: true,
                gender,
            });
        }
    }
    let joined: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    let joined = joined.join(" ");
    let name = name_in(&joined)?;
    if after_preposition(joined.split(name.as_str()).next().unwrap_or("")) {
        return None;
    }
    Some(name).map(|name| NamedSource {
        at,
        gender: gender_of_name(&name, text),
        name,
        person: article.nlp.is_none(),
    })
}

/// Whether the words before a name end in a preposition: the name is then a complement
/// ("a spokesman for Bernie Sanders", "a newspaper owned by Adelson"), not the speaker.
pub(crate) fn after_preposition(before: &str) -> bool {
    let last = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "for" | "of" | "at" | "by" | "with" | "to" | "from" | "on" | "in" | "about" | "against"
    )
}

/// The nearest named source before byte `at` whose gender does not conflict; persons
/// only when `person`.
pub(crate) fn nearest_source(
    named: &[NamedSource],
    at: usize,
    gender: Option<Gender>,
    person: bool,
) -> Option<String> {
    named
        .iter()
        .rev()
        .filter(|s| s.at < at && (s.person || !person))
        .find(|s| gender.is_none() || s.gender.is_none() || s.gender == gender)
        .map(|s| s.name.clone())
}

/// What a personal pronoun source at `r` refers to: the nearest preceding person of
/// its gender among the named sources and the persons CoreNLP parses as a clause's
/// subject outside quotations (`salient`).
pub(crate) fn pronoun_antecedent(
    salient: &[NamedSource],
    r: &Range<usize>,
    gender: Option<Gender>,
) -> Option<String> {
    salient
        .iter()
        .rev()
        .filter(|s| s.at < r.start && s.person)
        .find(|s| gender.is_none() || s.gender.is_none() || s.gender == gender)
        .map(|s| s.name.clone())
}

/// "Jim Roe, who ...": the name just before a relative pronoun at `at`.
pub(crate) fn name_before_relative(text: &str, at: usize) -> Option<String> {
    let mut from = at.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let tail = text[from..at].trim_end_matches([' ', ',']);
    let clause = tail.rsplit(['.', ';', '“', '”', '"']).next().unwrap_or("");
    let ends_in_word = clause
        .trim_end()
        .chars()
        .last()
        .is_some_and(char::is_alphanumeric);
    name_in(clause).filter(|_| ends_in_word)
}

/// The gold speaker of attribution `ai` of `article`.
pub(crate) fn gold_speaker(
    article: &Article,
    ai: usize,
    named: &[NamedSource],
    salient: &[NamedSource],
) -> Option<GoldSpeaker> {
    let att = &article.attributions[ai];
    let first = att.source.first()?;
    let text = &article.text;
    let joined: Vec<&str> = att.source.iter().map(|r| &text[r.clone()]).collect();
    let lower = joined
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if PERSONAL.contains(&lower.as_str()) {
        let gender = match lower.as_str() {
            "he" | "him" | "his" => Some(Gender::Male),
            "she" | "her" => Some(Gender::Female),
            _ => None,
        };
        let antecedent = if matches!(lower.as_str(), "who" | "whom") {
            name_before_relative(text, first.start)
        } else {
            None
        };
        let antecedent = antecedent.or_else(|| pronoun_antecedent(salient, first, gender));
        return Some(GoldSpeaker::Refers {
            antecedent,
            or_words: false,
        });
    }
    if GROUP.contains(&lower.as_str()) {
        return Some(GoldSpeaker::Refers {
            antecedent: nearest_source(named, first.start, None, false),
            or_words: true,
        });
    }
    if SPEAKER_SELF.contains(&lower.as_str()) {
        return Some(GoldSpeaker::Words);
    }
    if let Some(s) = source_name(article, &att.source) {
        return Some(GoldSpeaker::Named(s.name));
    }
    // A description: definite and singular ("the senator", "the head of the agency")
    // refers; otherwise its words only.
    let head = lower
        .split([',', '('])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take_while(|w| {
            !matches!(
                *w,
                "of" | "for" | "at" | "in" | "who" | "which" | "that" | "with" | "from"
            )
        })
        .last()
        .unwrap_or("");
    let definite = lower.starts_with("the ") && PERSON_ROLE.contains(&head);
    Some(if definite {
        GoldSpeaker::Refers {
            antecedent: nearest_source(named, first.start, None, true),
            or_words: true,
        }
    } else {
        GoldSpeaker::Words
    })
}

/// The gold direct quotations of an article, in text order, and the quoted runs that
/// are no quotation.
pub(crate) fn gold_quotes(article: &Article) -> (Vec<GoldQuote>, Vec<Range<usize>>) {
    let mut named: Vec<NamedSource> = Vec::new();
    for att in &article.attributions {
        let Some(first) = att.source.first() else {
            continue;
        };
        let words: Vec<&str> = att
            .source
            .iter()
            .map(|r| &article.text[r.clone()])
            .collect();
        if is_pronoun(&words.join(" ")) {
            continue;
        }
        let _ = first;
        named.extend(source_name(article, &att.source));
    }
    named.sort_by(|a, b| (a.at, &a.name).cmp(&(b.at, &b.name)));
    let mut quotes = Vec::new();
    let mut not_speech = Vec::new();
    let runs = quoted_runs(&article.text);
    let mut salient: Vec<NamedSource> = named.iter().filter(|s| s.person).cloned().collect();
    if let Some(nlp) = &article.nlp {
        for r in nlp.subject_persons(&article.text, &runs) {
            let name = article.text[r.clone()].to_string();
            salient.push(NamedSource {
                at: r.start,
                gender: gender_of_name(&name, &article.text)
                    .or_else(|| nlp.chain_gender(&article.text, &r)),
                name,
                person: true,
            });
        }
    }
    salient.sort_by(|a, b| (a.at, &a.name).cmp(&(b.at, &b.name)));
    for run in runs.iter().cloned() {
        let best = article
            .attributions
            .iter()
            .enumerate()
            .map(|(ai, a)| (overlap_all(&run, &a.content), ai))
            .max_by_key(|&(o, ai)| (o, usize::MAX - ai));
        match best {
            Some((o, ai)) if o as f64 >= CONTENT_SHARE * run.len() as f64 => {
                quotes.push(GoldQuote {
                    span: run,
                    attribution: ai,
                    speaker: gold_speaker(article, ai, &named, &salient),
                });
            }
            _ => not_speech.push(run),
        }
    }
    (quotes, not_speech)
}

/// Prints `n` gold quotations whose source is "he" or "she" (evenly spread), with the
/// person the reference reads it as, to check the reference by reading.
pub(crate) fn check_pronoun_rule(articles: &[Article], n: usize) {
    let mut cases = Vec::new();
    for a in articles {
        let (quotes, _) = gold_quotes(a);
        for g in &quotes {
            let Some(GoldSpeaker::Refers { antecedent, .. }) = &g.speaker else {
                continue;
            };
            let src = &a.attributions[g.attribution].source[0];
            if matches!(a.text[src.clone()].to_lowercase().as_str(), "he" | "she") {
                cases.push((a, src.clone(), antecedent.clone()));
            }
        }
    }
    println!("\ngold quotations with source he/she: {}", cases.len());
    let step = (cases.len() / n.max(1)).max(1);
    for (a, src, antecedent) in cases.iter().step_by(step).take(n) {
        println!("\n--- @{} read as {:?}", a.id, antecedent);
        println!("    {}", context(&a.text, src));
    }
}
