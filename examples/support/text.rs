//! A light reading of news text of the corruption suite's own, independent of the
//! crate's extraction and alignment: words with byte offsets, quotations, content words,
//! numbers, dates and names. It decides where an edit may go and whether another outlet
//! states the same fact, so it must not share the code it is used to test.

// Each example that includes this file uses only part of it.
#![allow(dead_code)]

use corroborate::Span;

/// One word: letters and digits, with inner apostrophes between letters ("wasn't") and
/// inner commas or periods between digits ("1,200", "5.6"). Hyphens split words.
#[derive(Clone, Debug)]
pub struct Word {
    /// Its bytes in the document.
    pub span: Span,
    /// Lower-cased, with the typographic apostrophe folded to `'`.
    pub lower: String,
}

impl Word {
    /// Whether it starts with an upper-case letter.
    pub fn capitalized(&self, text: &str) -> bool {
        text[self.span.start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

/// The words of `text[within]`.
pub fn words(text: &str, within: Span) -> Vec<Word> {
    let piece = &text[within.start..within.end];
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            let prev = chars[j - 1].1;
            let next = chars.get(j + 1).map(|x| x.1);
            let inner = match c {
                '\'' | '’' => prev.is_alphabetic() && next.is_some_and(char::is_alphabetic),
                ',' | '.' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                _ => c.is_alphanumeric(),
            };
            if !inner {
                break;
            }
            j += 1;
        }
        let s = within.start + chars[start].0;
        let e = within.start + chars.get(j).map_or(piece.len(), |x| x.0);
        out.push(Word {
            span: Span::new(s, e),
            lower: text[s..e].to_lowercase().replace('’', "'"),
        });
        i = j;
    }
    out
}

/// The inner spans (between the marks) of the direct quotations of `text`, in order.
/// Marks pair inside a paragraph (a line); a quotation left open ends with its line.
pub fn quotations(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut open: Option<usize> = None;
        for (i, c) in line.char_indices() {
            let at = line_start + i;
            match (c, open) {
                ('“', None) => open = Some(at + c.len_utf8()),
                // a straight mark opens only before a word
                ('"', None)
                    if line[i + 1..]
                        .chars()
                        .next()
                        .is_some_and(|n| !n.is_whitespace()) =>
                {
                    open = Some(at + 1);
                }
                ('”' | '"', Some(s)) => {
                    out.push(Span::new(s, at));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(s) = open {
            out.push(Span::new(s, line_start + line.trim_end().len()));
        }
        line_start += line.len();
    }
    out
}

/// Whether `span` lies inside one of `quotes` (sorted).
pub fn inside_quote(quotes: &[Span], span: Span) -> bool {
    quotes.iter().any(|q| q.contains(span))
}

/// Whether `span` shares a byte with one of `quotes`.
pub fn touches_quote(quotes: &[Span], span: Span) -> bool {
    quotes.iter().any(|q| q.overlaps(span))
}

/// Function words, reporting words and other words that say nothing about which fact a
/// sentence states; left out of content words.
const STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "that",
    "this",
    "with",
    "from",
    "was",
    "were",
    "are",
    "is",
    "has",
    "have",
    "had",
    "been",
    "being",
    "but",
    "not",
    "his",
    "her",
    "hers",
    "its",
    "their",
    "they",
    "them",
    "she",
    "him",
    "who",
    "whom",
    "which",
    "what",
    "when",
    "where",
    "while",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "did",
    "does",
    "doing",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "according",
    "reported",
    "reports",
    "added",
    "also",
    "after",
    "before",
    "into",
    "onto",
    "about",
    "over",
    "under",
    "than",
    "then",
    "there",
    "here",
    "out",
    "off",
    "all",
    "any",
    "some",
    "one",
    "more",
    "most",
    "other",
    "such",
    "only",
    "just",
    "very",
    "our",
    "your",
    "you",
    "we",
    "i",
    "it",
    "he",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "as",
    "or",
    "if",
    "so",
    "no",
    "up",
    "mr",
    "mrs",
    "ms",
    "dr",
    "yesterday",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "now",
    "because",
    "these",
    "those",
    "how",
    "why",
    "during",
    "against",
    "between",
    "through",
    "since",
    "until",
    "within",
    "without",
];

/// The content form of a lower-cased word: `None` for a stopword or a word of fewer than
/// three letters; else the word with a plural `s` dropped.
pub fn content(lower: &str) -> Option<String> {
    if lower.chars().count() < 3 || STOPWORDS.contains(&lower) {
        return None;
    }
    let w = lower.strip_suffix("'s").unwrap_or(lower);
    let w = if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
        &w[..w.len() - 1]
    } else {
        w
    };
    Some(w.to_string())
}

/// The number words the suite reads and writes, with their values.
pub const NUMBER_WORDS: [(&str, u32); 19] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
];

/// The value of a number word or a written number ("1,200", "5.6"), else `None`.
pub fn number_value(lower: &str) -> Option<f64> {
    if let Some((_, v)) = NUMBER_WORDS.iter().find(|(w, _)| *w == lower) {
        return Some(f64::from(*v));
    }
    if !lower.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || !lower
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    lower.replace(',', "").parse().ok()
}

/// Whether a written number is probably a year ("2008"), which the suite leaves alone.
pub fn looks_like_year(lower: &str) -> bool {
    lower.len() == 4
        && lower.bytes().all(|b| b.is_ascii_digit())
        && (lower.starts_with("19") || lower.starts_with("20"))
}

/// Full month names, in calendar order.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// News-style month abbreviations (written with a period), by month index; months that
/// news style writes in full have none.
pub const MONTH_ABBREVIATIONS: [Option<&str>; 12] = [
    Some("Jan"),
    Some("Feb"),
    None,
    None,
    None,
    None,
    None,
    Some("Aug"),
    Some("Sept"),
    Some("Oct"),
    Some("Nov"),
    Some("Dec"),
];

/// The month index (0-based) of a full month name or a news abbreviation, as written.
pub fn month_index(word: &str) -> Option<usize> {
    MONTHS.iter().position(|m| *m == word).or_else(|| {
        MONTH_ABBREVIATIONS
            .iter()
            .position(|a| a.is_some_and(|a| a == word))
    })
}

/// Weekday names.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words before a name that are a title or a role, not part of the name.
const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Sir",
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Chief",
    "Police",
    "Officer",
    "Sgt",
    "Sergeant",
    "Lt",
    "Lieutenant",
    "Capt",
    "Captain",
    "Detective",
    "Sen",
    "Senator",
    "Rep",
    "Gov",
    "Governor",
    "Mayor",
    "Judge",
    "Justice",
    "Commissioner",
    "Spokesman",
    "Spokeswoman",
    "Secretary",
    "General",
    "Gen",
    "Coach",
    "Head",
    "Director",
    "Chairman",
    "Professor",
    "Prof",
    "Deputy",
    "Inspector",
    "Superintendent",
    "Sheriff",
    "Attorney",
    "District",
    "Executive",
    "CEO",
    "Singer",
    "Actor",
    "Actress",
    "Rev",
    "Father",
    "Lord",
    "Lady",
    "Dame",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Former",
    "The",
    "A",
    "An",
    "But",
    "And",
    "As",
    "When",
    "After",
    "In",
    "On",
    "At",
    "Member",
    "Councilman",
    "Councilwoman",
    "Councillor",
    "Congressman",
    "Congresswoman",
    "Assemblyman",
    "Witness",
    "Agent",
    "Manager",
    "Owner",
    "Founder",
    "Producer",
    "Star",
    "Veteran",
    "Defender",
    "Forward",
    "Striker",
    "Goalkeeper",
    "Pitcher",
    "Quarterback",
    "Midfielder",
    "Leader",
];

/// Words that make a capitalised run a body or a place, not a person.
const NOT_PERSON: &[&str] = &[
    "Police",
    "Department",
    "Agency",
    "Associated",
    "Press",
    "Service",
    "Survey",
    "Ministry",
    "News",
    "Television",
    "Times",
    "Post",
    "Journal",
    "Reuters",
    "Court",
    "Office",
    "Company",
    "Inc",
    "Corp",
    "Group",
    "University",
    "County",
    "City",
    "State",
    "Street",
    "Road",
    "Airport",
    "Hospital",
    "Island",
    "Province",
    "Council",
    "Commission",
    "Committee",
    "Association",
    "Union",
    "Party",
    "Network",
    "Guard",
    "Force",
    "Army",
    "Navy",
    "Center",
    "Centre",
    "Institute",
    "Bank",
    "Board",
    "Club",
    "Team",
    "Geological",
    "Fire",
    "Media",
    "Agence",
    "France",
    "BBC",
    "CNN",
    "AFP",
    "AP",
    "Twitter",
    "Facebook",
    "God",
    "Los",
    "Las",
    "San",
    "Santa",
    "New",
    "North",
    "South",
    "East",
    "West",
    "Fort",
    "Saint",
    "Red",
    "Blue",
    "White",
    "Black",
    "United",
    "National",
    "International",
    "Global",
    "American",
    "Sox",
    "Yankees",
    "Mets",
    "Angels",
    "Academy",
    "Awards",
    "Guild",
    "Foundation",
    "Hotel",
    "Warehouse",
    "Project",
    "Colony",
    "Market",
    "Markets",
    "Capital",
    "Systems",
    "Technologies",
];

/// A run of capitalised words that names a person: one to three words after the last
/// title or role word of the run ("Qeshm Governor Mehdi Irannejad" → "Mehdi
/// Irannejad"), none a body or place word. Returns the span of the name.
pub fn person_name(text: &str, run: &[Word]) -> Option<Span> {
    let after_title = run
        .iter()
        .rposition(|w| TITLES.contains(&&text[w.span.start..w.span.end]) || w.lower.len() == 1)
        .map_or(0, |i| i + 1);
    let ws = &run[after_title..];
    if ws.is_empty() || ws.len() > 3 {
        return None;
    }
    if ws.iter().any(|w| {
        NOT_PERSON.contains(&&text[w.span.start..w.span.end])
            || w.lower.len() < 2
            || w.lower.contains('\'')
    }) {
        return None;
    }
    if ws.iter().any(|w| {
        let raw = &text[w.span.start..w.span.end];
        WEEKDAYS.contains(&raw) || month_index(raw).is_some() || raw.chars().all(char::is_uppercase)
    }) {
        return None;
    }
    Some(Span::new(ws[0].span.start, ws[ws.len() - 1].span.end))
}

/// The run of capitalised words ending at `words[end - 1]` (walking back over
/// capitalised words separated by single spaces), as a range of indices.
pub fn capitalized_run_before(text: &str, words: &[Word], end: usize) -> std::ops::Range<usize> {
    let mut start = end;
    while start > 0 && words[start - 1].capitalized(text) {
        if start < end && text[words[start - 1].span.end..words[start].span.start] != *" " {
            break;
        }
        start -= 1;
    }
    start..end
}

/// The run of capitalised words starting at `words[start]`, as a range of indices.
pub fn capitalized_run_after(text: &str, words: &[Word], start: usize) -> std::ops::Range<usize> {
    let mut end = start;
    while end < words.len() && words[end].capitalized(text) {
        if end > start && text[words[end - 1].span.end..words[end].span.start] != *" " {
            break;
        }
        end += 1;
    }
    start..end
}

/// Replaces the first letter of `word` keeping the case of `like`'s first letter.
pub fn with_case_of(word: &str, like: &str) -> String {
    let upper = like.chars().next().is_some_and(char::is_uppercase);
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if upper => c.to_uppercase().chain(chars).collect(),
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A small deterministic generator (SplitMix64), so the suite needs no extra crate and
/// gives the same cases on every machine.
pub struct SplitMix(pub u64);

impl SplitMix {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}
