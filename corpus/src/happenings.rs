//! Kinds of happening for the stories layout: for each, the roles of the people quoted,
//! the numbers that tell two happenings of the kind apart, and sentence templates
//! (headlines, leads, facts), each fact with several paraphrases that outlets choose
//! from.
//!
//! Template slots: `{place}` where it happened, `{country}`, `{org}` and `{org2}` the
//! organisations involved, `{actor}` the central person (a reference form drawn per
//! rendering) and `{actor_full}` their full name, `{who}` a quoted official as a
//! subject and `{by}` the same at the end of a clause, `{x}` the kind's label for this
//! happening (the charge, the building, the sector...), `{n1}`..`{n4}` its numbers,
//! `{date}` when it happened, written relative to the article's publication date, and
//! `{t}` one of the story's topic words.

use crate::vocab::Title;

/// How a number of a happening is drawn and written.
#[derive(Clone, Copy, Debug)]
pub enum Figure {
    /// A count in `lo..=hi`, in any count format ("twelve", "1,500").
    Count(u32, u32),
    /// A percentage in tenths in `lo..=hi`.
    Percent(u32, u32),
    /// Millions of dollars in `lo..=hi`.
    Money(u32, u32),
    /// A magnitude in tenths in `lo..=hi`, written with one decimal ("6.4").
    Tenths(u32, u32),
    /// A plain integer (an age, a flight number, years) in `lo..=hi`.
    Plain(u32, u32),
}

/// One kind of happening.
#[derive(Debug)]
pub struct Kind {
    /// Its name in `stories.tsv`.
    pub name: &'static str,
    /// The central person's role, if the kind has one (the suspect, the buyer's chief).
    pub protagonist: Option<Title>,
    /// Roles of the officials quoted.
    pub officials: &'static [Title],
    /// Templates of the main organisation.
    pub organisation: &'static [&'static str],
    /// Templates of the second organisation.
    pub second_organisation: &'static [&'static str],
    /// Labels, one chosen per happening.
    pub labels: &'static [&'static str],
    /// Its numbers, `{n1}` first.
    pub figures: &'static [Figure],
    /// Topic words of the kind.
    pub topics: &'static [&'static str],
    /// Headline paraphrases (no final full stop).
    pub headlines: &'static [&'static str],
    /// Lead paraphrases: the first fact, carried by every article.
    pub leads: &'static [&'static str],
    /// Further facts, each with its paraphrases.
    pub facts: &'static [&'static [&'static str]],
}

const fn t(title: &'static str, description: &'static str) -> Title {
    Title { title, description }
}

/// Every kind of happening.
pub const KINDS: &[Kind] = &[
    Kind {
        name: "earthquake",
        protagonist: None,
        officials: &[t("Mayor", "the mayor"), t("Interior Minister", "the interior minister"), t("seismologist", "the seismologist"), t("Governor", "the governor")],
        organisation: &["the {country} Seismological Institute", "the national disaster agency"],
        second_organisation: &["the Red Crescent", "the civil defence service", "the Red Cross"],
        labels: &["shallow", "deep", "powerful"],
        figures: &[Figure::Tenths(45, 79), Figure::Count(3, 300), Figure::Count(20, 2000), Figure::Count(5, 70)],
        topics: &["aftershock", "rubble", "seismic", "tremor", "rescue", "shelter"],
        headlines: &[
            "Magnitude {n1} earthquake strikes {place}",
            "{n1}-magnitude quake hits {place}, {country}",
            "Deadly earthquake rocks {place}, killing {n2}",
        ],
        leads: &[
            "A magnitude {n1} earthquake struck {place} in {country} {date}, killing {n2} people.",
            "{n2} people were killed when a {n1}-magnitude quake hit {place} {date}.",
            "An earthquake of magnitude {n1} shook {place} {date}, leaving {n2} people dead.",
        ],
        facts: &[
            &["At least {n3} people were injured, {who} said.", "{who} said {n3} people had been hurt.", "The quake injured {n3} people, according to {by}."],
            &["The quake was {n4} kilometres deep, {org} said.", "{org} put the depth of the {x} quake at {n4} km.", "According to {org}, the tremor struck at a depth of {n4} kilometres."],
            &["Rescue teams searched collapsed buildings in {place} through the night.", "Rescuers worked overnight to pull survivors from the rubble in {place}."],
            &["{who} declared a state of emergency in {place}.", "A state of emergency was declared in {place} by {by}."],
            &["{org2} sent tents and medical teams to {place}.", "Medical teams and tents from {org2} reached {place}."],
        ],
    },
    Kind {
        name: "arrest",
        protagonist: Some(t("businessman", "the businessman")),
        officials: &[t("police commissioner", "the police commissioner"), t("prosecutor", "the prosecutor"), t("Interior Minister", "the interior minister")],
        organisation: &["the {country} police", "the anti-corruption bureau", "the financial crimes unit"],
        second_organisation: &["{company}"],
        labels: &["fraud", "money laundering", "bribery", "embezzlement", "tax evasion", "smuggling"],
        figures: &[Figure::Plain(24, 71), Figure::Count(2, 12), Figure::Money(2, 900)],
        topics: &["custody", "warrant", "investigation", "court", "charges", "raid"],
        headlines: &[
            "Police arrest {actor_full} over {x}",
            "{actor_full} detained in {place} in {x} probe",
            "{org2} founder held on {x} charges",
        ],
        leads: &[
            "Police in {place} arrested {actor_full}, {n1}, {date} on suspicion of {x}.",
            "{actor_full}, {n1}, was detained in {place} {date} over alleged {x}.",
            "Officers detained {n1}-year-old {actor_full} in {place} {date} on {x} charges.",
        ],
        facts: &[
            &["{n2} other people were also held, {who} said.", "{who} said {n2} more suspects had been detained.", "Police also detained {n2} others, according to {by}."],
            &["Investigators say the scheme involved {n3}.", "The alleged {x} involved {n3}, prosecutors said.", "Prosecutors said {n3} was at stake."],
            &["A lawyer for {actor} said the accusations were false.", "{actor}'s lawyer said the charges would be contested."],
            &["{actor} founded {org2} in {place}.", "{org2}, the company {actor} founded, is based in {place}."],
            &["{actor} is due to appear in court in {place} next week.", "{actor} will go before a judge in {place} next week."],
        ],
    },
    Kind {
        name: "takeover",
        protagonist: Some(t("Chief Executive", "the chief executive")),
        officials: &[t("analyst", "the analyst"), t("Finance Minister", "the finance minister"), t("Chairman", "the chairman")],
        organisation: &["{company}"],
        second_organisation: &["{company}"],
        labels: &["all-cash", "cash-and-shares", "hostile", "friendly"],
        figures: &[Figure::Money(200, 40_000), Figure::Percent(100, 600), Figure::Count(100, 9000)],
        topics: &["acquisition", "merger", "shareholders", "regulator", "premium", "deal"],
        headlines: &[
            "{org} to buy {org2} for {n1}",
            "{org} agrees {n1} takeover of {org2}",
            "{org2} accepts {n1} offer from {org}",
        ],
        leads: &[
            "{org} has agreed to buy {org2} for {n1}, the companies said {date}.",
            "{org} said {date} it would acquire rival {org2} in a {x} deal worth {n1}.",
            "In a {n1} deal announced {date}, {org} will take over {org2}.",
        ],
        facts: &[
            &["The offer is a {n2} premium to {org2}'s last closing price.", "The price values {org2} at a premium of {n2}."],
            &["{org2} employs {n3} people.", "The deal covers {n3} workers at {org2}.", "{org2} has a workforce of {n3}."],
            &["{who} said the deal would need approval from regulators in {country}.", "Regulators in {country} must approve the deal, {who} said."],
            &["{actor} said the combined company would be based in {place}.", "The merged group will have its headquarters in {place}, {actor} said."],
            &["Shares in {org2} jumped after the announcement.", "{org2} shares rose sharply on the news."],
        ],
    },
    Kind {
        name: "election",
        protagonist: Some(t("candidate", "the candidate")),
        officials: &[t("election commissioner", "the election commissioner"), t("opposition leader", "the opposition leader"), t("analyst", "the analyst")],
        organisation: &["the electoral commission", "the {country} election board"],
        second_organisation: &["the Progress Party", "the Civic Union", "the People's Front", "the Green League", "the Liberal Alliance", "the Labour Bloc", "the Farmers' Party", "the Democratic Movement"],
        labels: &["presidential", "parliamentary", "mayoral", "regional"],
        figures: &[Figure::Percent(350, 650), Figure::Percent(400, 850), Figure::Count(20, 250)],
        topics: &["ballot", "turnout", "runoff", "campaign", "polling", "coalition"],
        headlines: &[
            "{actor_full} wins {x} election in {country}",
            "{org2} claims victory in {country} vote",
            "{country} {x} vote: {actor_full} declared winner",
        ],
        leads: &[
            "{actor_full} of {org2} won the {x} election in {country} with {n1} of the vote, {org} said {date}.",
            "{org} said {date} that {actor_full} had won the {x} vote in {country} with {n1}.",
            "With {n1} of the vote, {actor_full} won {country}'s {x} election, results released {date} showed.",
        ],
        facts: &[
            &["Turnout was {n2}, {org} said.", "{org} put turnout at {n2}.", "Some {n2} of voters cast a ballot, according to {org}."],
            &["{org2} won {n3} seats.", "{org2} took {n3} seats in the assembly."],
            &["{who} conceded defeat in a speech in {place}.", "In {place}, {who} admitted defeat."],
            &["{actor} told supporters in {place} that the result was a victory for change.", "Speaking to supporters in {place}, {actor} called the result a victory for change."],
        ],
    },
    Kind {
        name: "fire",
        protagonist: None,
        officials: &[t("fire chief", "the fire chief"), t("Mayor", "the mayor"), t("police spokesman", "the police spokesman")],
        organisation: &["the {place} fire service", "the fire department"],
        second_organisation: &["{company}"],
        labels: &["warehouse", "apartment block", "market", "hotel", "factory", "shopping centre"],
        figures: &[Figure::Count(2, 90), Figure::Count(20, 400), Figure::Count(2, 30)],
        topics: &["blaze", "smoke", "firefighters", "arson", "evacuation", "sprinkler"],
        headlines: &[
            "Fire at {place} {x} kills {n1}",
            "{n1} dead as blaze guts {x} in {place}",
            "Deadly fire tears through {place} {x}",
        ],
        leads: &[
            "A fire at a {x} in {place} killed {n1} people {date}, officials said.",
            "{n1} people died when fire swept through a {x} in {place} {date}.",
            "Fire broke out at a {x} in {place} {date}, killing {n1} people.",
        ],
        facts: &[
            &["{n2} firefighters fought the blaze, {who} said.", "{who} said {n2} firefighters had been sent to the scene.", "About {n2} firefighters battled the flames, according to {by}."],
            &["It took {n3} hours to bring the fire under control.", "The blaze was brought under control after {n3} hours."],
            &["The {x} was owned by {org2}.", "{org2} owns the {x}."],
            &["{who} said the cause of the fire was being investigated.", "The cause of the blaze is under investigation, {who} said."],
        ],
    },
    Kind {
        name: "strike",
        protagonist: Some(t("union leader", "the union leader")),
        officials: &[t("Labour Minister", "the labour minister"), t("company spokeswoman", "the company spokeswoman"), t("analyst", "the analyst")],
        organisation: &["{company}"],
        second_organisation: &["the {coined} workers' union", "the national transport union", "the {coined} federation of labour"],
        labels: &["rail", "port", "airport", "hospital", "postal", "bus", "steel"],
        figures: &[Figure::Count(500, 90_000), Figure::Percent(50, 250), Figure::Count(1, 14)],
        topics: &["walkout", "picket", "wages", "pay talks", "overtime", "contract"],
        headlines: &[
            "{country} {x} workers walk out over pay",
            "{n1} {x} workers strike in {country}",
            "{x} strike halts services across {country}",
        ],
        leads: &[
            "Some {n1} {x} workers in {country} went on strike {date}, demanding a {n2} pay rise.",
            "{n1} {x} workers walked out {date} in a dispute over pay, {org2} said.",
            "A strike by {n1} {x} workers began {date} after talks on a {n2} pay rise failed.",
        ],
        facts: &[
            &["The union is demanding a pay rise of {n2}.", "{org2} wants wages raised by {n2}."],
            &["The strike is due to last {n3} days.", "The walkout will run for {n3} days, {actor} said."],
            &["{who} called the strike irresponsible.", "{who} said the walkout was irresponsible."],
            &["{org} said it had offered talks in {place}.", "Talks were offered in {place}, according to {org}."],
        ],
    },
    Kind {
        name: "flood",
        protagonist: None,
        officials: &[t("Governor", "the governor"), t("disaster agency chief", "the disaster agency chief"), t("Mayor", "the mayor")],
        organisation: &["the national weather service", "the {country} disaster agency"],
        second_organisation: &["the army", "the Red Cross"],
        labels: &["river", "flash", "coastal"],
        figures: &[Figure::Count(200, 60_000), Figure::Count(2, 80), Figure::Count(100, 600)],
        topics: &["rainfall", "levee", "evacuation", "monsoon", "riverbank", "landslide"],
        headlines: &[
            "Floods force {n1} from homes in {place}",
            "{x} floods kill {n2} in {country}",
            "Thousands flee as floods hit {place}",
        ],
        leads: &[
            "{x} floods in {place} forced {n1} people from their homes {date}, {org} said.",
            "More than {n1} people were evacuated from {place} {date} as {x} floods spread.",
            "Floods drove {n1} people from their homes in {place} {date}.",
        ],
        facts: &[
            &["At least {n2} people died, {who} said.", "{who} said {n2} people had been killed.", "The death toll rose to {n2}, according to {by}."],
            &["{n3} millimetres of rain fell in two days.", "Two days of rain brought {n3} mm of rainfall, {org} said."],
            &["{org2} was deployed to help with rescues in {place}.", "Rescuers from {org2} were sent to {place}."],
            &["Schools in {place} were closed.", "{who} ordered schools in {place} to close."],
        ],
    },
    Kind {
        name: "sentencing",
        protagonist: Some(t("former minister", "the former minister")),
        officials: &[t("Judge", "the judge"), t("defence lawyer", "the defence lawyer"), t("prosecutor", "the prosecutor")],
        organisation: &["a court in {place}", "the {country} high court"],
        second_organisation: &["{company}"],
        labels: &["corruption", "fraud", "abuse of office", "bribery"],
        figures: &[Figure::Plain(2, 30), Figure::Money(1, 500), Figure::Count(2, 400)],
        topics: &["verdict", "appeal", "sentence", "trial", "testimony", "jury"],
        headlines: &[
            "{actor_full} jailed for {n1} years for {x}",
            "Court sentences {actor_full} to {n1} years",
            "{actor_full} gets {n1}-year sentence in {x} case",
        ],
        leads: &[
            "{org} sentenced {actor_full} to {n1} years in prison {date} for {x}.",
            "{actor_full} was jailed for {n1} years {date} after being convicted of {x}.",
            "A judge {date} gave {actor_full} a {n1}-year prison term for {x}.",
        ],
        facts: &[
            &["{actor} was also fined {n2}.", "The court also ordered {actor} to pay a fine of {n2}."],
            &["Prosecutors said {n3} people had been harmed.", "The case involved {n3} victims, prosecutors said."],
            &["{who} said the defence would appeal.", "An appeal will be filed, {who} said."],
            &["The case centred on contracts awarded to {org2}.", "Contracts given to {org2} were at the heart of the case."],
        ],
    },
    Kind {
        name: "crash",
        protagonist: None,
        officials: &[t("Transport Minister", "the transport minister"), t("airline spokesman", "the airline spokesman"), t("police chief", "the police chief")],
        organisation: &["{company}", "the state railway"],
        second_organisation: &["the accident investigation board", "the {country} safety agency"],
        labels: &["passenger plane", "train", "bus", "ferry"],
        figures: &[Figure::Count(20, 400), Figure::Count(2, 200), Figure::Plain(100, 9999)],
        topics: &["wreckage", "investigators", "black box", "survivors", "derailment", "collision"],
        headlines: &[
            "{x} crash near {place} kills {n2}",
            "{n2} dead in {x} crash in {country}",
            "{x} carrying {n1} crashes near {place}",
        ],
        leads: &[
            "A {x} carrying {n1} people crashed near {place} {date}, killing {n2}.",
            "{n2} people were killed {date} when a {x} with {n1} on board crashed near {place}.",
            "At least {n2} died after a {x} crashed outside {place} {date}.",
        ],
        facts: &[
            &["The {x} was operated by {org}.", "{org} operated the {x}."],
            &["It was service number {n3}.", "The {x} was running as service {n3}, {org} said."],
            &["{org2} has opened an investigation.", "An inquiry was opened by {org2}."],
            &["{who} said the cause of the crash was not yet known.", "The cause is not yet known, {who} said."],
        ],
    },
    Kind {
        name: "protest",
        protagonist: Some(t("opposition leader", "the opposition leader")),
        officials: &[t("police spokesman", "the police spokesman"), t("Interior Minister", "the interior minister"), t("organiser", "the organiser")],
        organisation: &["the police", "the interior ministry"],
        second_organisation: &["the {coined} movement", "a coalition of unions"],
        labels: &["fuel prices", "a new tax", "the election result", "pension cuts", "water shortages", "rising rents"],
        figures: &[Figure::Count(500, 100_000), Figure::Count(5, 300), Figure::Count(2, 80)],
        topics: &["march", "tear gas", "riot police", "slogans", "demonstration", "crowd"],
        headlines: &[
            "Thousands protest in {place} over {x}",
            "{n1} march in {place} against {x}",
            "Police clash with protesters in {place}",
        ],
        leads: &[
            "About {n1} people protested in {place} {date} against {x}.",
            "Some {n1} demonstrators marched through {place} {date} over {x}.",
            "Protesters numbering {n1} took to the streets of {place} {date} to oppose {x}.",
        ],
        facts: &[
            &["Police arrested {n2} people, {who} said.", "{who} said {n2} protesters had been detained.", "{n2} arrests were made, according to {by}."],
            &["{n3} people were injured in clashes.", "Clashes left {n3} people hurt."],
            &["{actor} addressed the crowd in {place}.", "In {place}, {actor} spoke to the crowd."],
            &["The protest was organised by {org2}.", "{org2} called the march."],
        ],
    },
];
