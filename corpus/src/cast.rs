//! The cast of one event: its people (with titles), places, countries, organisations,
//! topic words and day. Every outlet reporting the event draws on the same cast, and
//! sentences unrelated to the event's claims reuse it too, which makes them hard
//! negatives.

use crate::coin;
use crate::date::Day;
use crate::rng::Rng;
use crate::vocab::{
    Title, BODY_HEADS, CITIES, COMPANY_SUFFIXES, COUNTRIES, FAMILY_FIRST_GIVEN, FAMILY_FIRST_NAMES,
    FAMILY_NAMES, FIXED_ORGANISATIONS, GIVEN_NAMES, TOWN_HEADS,
};
use crate::words::TOPIC_WORDS;

/// Share of family names taken from the list; the rest are coined.
const LISTED_FAMILY_SHARE: f64 = 0.4;
/// Share of people whose name is written family name first ("Zhao Ming").
const FAMILY_FIRST_SHARE: f64 = 0.08;
/// Share of coined towns with a head word ("Port Velandor").
const TOWN_HEAD_SHARE: f64 = 0.3;
/// Common topic words per event.
const COMMON_TOPICS: usize = 6;
/// Coined rare topic terms per event.
const RARE_TOPICS: usize = 2;

/// One person of a cast.
#[derive(Clone, Debug)]
pub struct Person {
    /// Given name.
    pub given: &'static str,
    /// Family name: what a second mention uses ("Lee").
    pub family: String,
    /// Whether the full name is written family name first.
    pub family_first: bool,
    /// Role.
    pub title: Title,
}

/// How a person is referred to in one rendering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefForm {
    /// "Finance Minister Ana Lee", or "Ana Lee, the spokeswoman" for a lower-case role.
    Titled,
    /// "Ana Lee"
    Full,
    /// "Lee"
    Family,
    /// "the finance minister"
    Description,
}

impl RefForm {
    /// A reference form with the weights of news copy: titled 4, full 2, family 3,
    /// description 1.
    pub fn draw(rng: &mut Rng) -> RefForm {
        [
            RefForm::Titled,
            RefForm::Full,
            RefForm::Family,
            RefForm::Description,
        ][rng.weighted(&[4, 2, 3, 1])]
    }
}

/// A rendered reference to a person.
#[derive(Clone, Debug)]
pub struct Reference {
    text: String,
    /// Whether the text ends in an apposition ("Ana Lee, the spokeswoman"), which takes
    /// a closing comma when a verb follows.
    apposition: bool,
}

impl Reference {
    /// As the subject before a verb ("Ana Lee, the spokeswoman, said").
    pub fn subject(&self) -> String {
        if self.apposition {
            format!("{},", self.text)
        } else {
            self.text.clone()
        }
    }

    /// At the end of a clause ("..., according to Ana Lee, the spokeswoman.").
    pub fn plain(&self) -> &str {
        &self.text
    }
}

impl Person {
    /// The full name in its written order.
    pub fn full_name(&self) -> String {
        if self.family_first {
            format!("{} {}", self.family, self.given)
        } else {
            format!("{} {}", self.given, self.family)
        }
    }

    /// The person referred to in `form`.
    pub fn reference(&self, form: RefForm) -> Reference {
        let title = self.title.title;
        let (text, apposition) = match form {
            RefForm::Titled if title.starts_with(|c: char| c.is_uppercase()) => {
                (format!("{title} {}", self.full_name()), false)
            }
            RefForm::Titled => (format!("{}, the {title}", self.full_name()), true),
            RefForm::Full => (self.full_name(), false),
            RefForm::Family => (self.family.clone(), false),
            RefForm::Description => (self.title.description.to_string(), false),
        };
        Reference { text, apposition }
    }

    /// A person with a role from `titles`, whose family name differs from `taken`.
    pub fn draw(rng: &mut Rng, titles: &[Title], taken: &[String]) -> Person {
        let title = rng.pick(titles);
        loop {
            let person = if rng.chance(FAMILY_FIRST_SHARE) {
                Person {
                    given: rng.pick(FAMILY_FIRST_GIVEN),
                    family: rng.pick(FAMILY_FIRST_NAMES).to_string(),
                    family_first: true,
                    title,
                }
            } else {
                let family = if rng.chance(LISTED_FAMILY_SHARE) {
                    rng.pick(FAMILY_NAMES).to_string()
                } else {
                    coin::name(rng)
                };
                Person {
                    given: rng.pick(GIVEN_NAMES),
                    family,
                    family_first: false,
                    title,
                }
            };
            if !taken.contains(&person.family) {
                return person;
            }
        }
    }
}

/// Everyone and everything one event's articles mention.
#[derive(Clone, Debug)]
pub struct Cast {
    /// Two to four people.
    pub people: Vec<Person>,
    /// A city and a coined town.
    pub places: Vec<String>,
    /// Two countries.
    pub countries: Vec<&'static str>,
    /// A fixed body, a named public body and a coined company.
    pub organisations: Vec<String>,
    /// Common topic words, then coined rare terms.
    pub topics: Vec<String>,
    /// The day the event happened.
    pub day: Day,
}

impl Cast {
    /// A fresh cast whose people take roles from `titles`.
    pub fn draw(rng: &mut Rng, day: Day, titles: &[Title]) -> Cast {
        let n_people = rng.between(2, 4) as usize;
        let mut people: Vec<Person> = Vec::with_capacity(n_people);
        let mut families: Vec<String> = Vec::with_capacity(n_people);
        for _ in 0..n_people {
            let p = Person::draw(rng, titles, &families);
            families.push(p.family.clone());
            people.push(p);
        }
        let mut town = coin::name(rng);
        if rng.chance(TOWN_HEAD_SHARE) {
            town = format!("{} {town}", rng.pick(TOWN_HEADS));
        }
        let places = vec![rng.pick(CITIES).to_string(), town];
        let countries = rng
            .distinct(COUNTRIES.len(), 2)
            .into_iter()
            .map(|i| COUNTRIES[i])
            .collect();
        let organisations = vec![
            rng.pick(FIXED_ORGANISATIONS).to_string(),
            format!(
                "the {} {}",
                rng.pick(BODY_HEADS),
                coin::title_case(rng.pick(TOPIC_WORDS))
            ),
            format!("{} {}", coin::name(rng), rng.pick(COMPANY_SUFFIXES)),
        ];
        let mut topics: Vec<String> = rng
            .distinct(TOPIC_WORDS.len(), COMMON_TOPICS)
            .into_iter()
            .map(|i| TOPIC_WORDS[i].to_string())
            .collect();
        topics.extend((0..RARE_TOPICS).map(|_| coin::term(rng)));
        Cast {
            people,
            places,
            countries,
            organisations,
            topics,
            day,
        }
    }

    /// Places and countries together: where a claim can be located.
    pub fn locations(&self) -> usize {
        self.places.len() + self.countries.len()
    }

    /// The `i`th location (places first, then countries).
    pub fn location(&self, i: usize) -> &str {
        match self.places.get(i) {
            Some(p) => p,
            None => self.countries[(i - self.places.len()) % self.countries.len()],
        }
    }
}
