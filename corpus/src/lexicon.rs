//! The claim grammar's words: groups of interchangeable words (any member renders the
//! same slot), verb forms, reporting verbs, addressees, modifiers and trailing phrases.
//! The first member of each group is the plain choice; outlets swap in another member
//! at the synonym rate.

/// Interchangeable nouns.
pub const NOUNS: &[&[&str]] = &[
    &["talks", "negotiations", "dialogue"],
    &["truce", "ceasefire", "armistice"],
    &["officials", "authorities"],
    &["residents", "locals", "inhabitants"],
    &["soldiers", "troops", "servicemen"],
    &["proposal", "plan", "initiative"],
    &["bill", "legislation", "draft law"],
    &["firm", "company", "business"],
    &["summit", "meeting", "gathering"],
    &["regulations", "rules", "guidelines"],
    &["stocks", "shares", "equities"],
    &["clashes", "fighting", "skirmishes"],
    &["emergency", "crisis"],
    &["offensive", "assault", "attack"],
    &["accord", "agreement", "deal", "pact"],
    &["report", "study", "assessment"],
    &["prices", "costs", "fees"],
    &["jobs", "positions", "roles"],
    &["ballot", "election", "vote"],
    &["inquiry", "investigation", "probe"],
    &["mindset", "thinking", "attitude"],
    &["aid", "assistance", "relief"],
    &["homes", "houses", "residences"],
    &["nation", "country", "state"],
    &["region", "area", "district"],
    &["government", "administration", "executive"],
    &["protesters", "demonstrators", "marchers"],
    &["employees", "workers", "staff"],
    &["frontier", "border", "boundary"],
    &["arms", "weapons", "munitions"],
    &["sanctions", "penalties", "curbs"],
    &["economy", "output"],
    &["growth", "expansion"],
    &["inflation", "price rises"],
    &["budget", "spending plan", "fiscal plan"],
    &["protest", "rally", "march"],
    &["statement", "communique", "declaration"],
    &["spokesman", "spokesperson", "representative"],
    &["casualties", "victims"],
    &["hospital", "clinic", "infirmary"],
    &["leaders", "heads of government"],
    &["sides", "parties", "camps"],
    &["backing", "support", "endorsement"],
    &["dispute", "row", "quarrel"],
    &["shortage", "scarcity", "lack"],
    &["funds", "money", "funding"],
    &["port", "harbour", "docks"],
    &["plant", "factory", "facility"],
    &["storm", "gale"],
    &["floods", "flooding", "inundation"],
    &["blaze", "fire", "inferno"],
    &["ship", "vessel", "freighter"],
    &["plane", "aircraft", "airliner"],
    &["suspects", "accused"],
    &["allegations", "accusations", "claims"],
    &["levy", "tax", "duty"],
    &["transfers", "payments", "remittances"],
    &["children", "youngsters", "minors"],
    &["pupils", "students", "schoolchildren"],
    &["growers", "farmers", "producers"],
    &["relations", "ties", "links"],
    &["stability", "peace", "calm"],
    &["reforms", "changes", "amendments"],
    &["shipments", "supplies", "deliveries"],
    &["loan", "credit", "lending"],
    &["crackdown", "clampdown"],
    &["cuts", "reductions", "savings"],
];

/// Interchangeable adjectives.
pub const ADJECTIVES: &[&[&str]] = &[
    &["major", "large", "substantial"],
    &["new", "fresh", "novel"],
    &["serious", "grave", "severe"],
    &["key", "central", "pivotal"],
    &["urgent", "pressing"],
    &["rapid", "swift", "speedy"],
    &["strong", "solid"],
    &["international", "global", "worldwide"],
    &["comprehensive", "wide-ranging", "sweeping"],
    &["possible", "potential"],
    &["senior", "top-level", "high-level"],
    &["deep", "profound"],
    &["fragile", "delicate", "precarious"],
    &["controversial", "divisive", "contested"],
    &["temporary", "interim", "provisional"],
    &["fierce", "intense", "heavy"],
    &["sharp", "steep", "marked"],
    &["modest", "small", "minor"],
    &["joint", "common", "collective"],
    &["immediate", "prompt", "instant"],
    &["former", "previous", "earlier"],
    &["unprecedented", "exceptional", "unheard-of"],
    &["long-term", "lasting", "durable"],
    &["official", "formal"],
];

/// A transitive verb's base form, simple past and past participle.
#[derive(Clone, Copy, Debug)]
pub struct Verb {
    /// "give up"
    pub base: &'static str,
    /// "gave up"
    pub past: &'static str,
    /// "given up"
    pub participle: &'static str,
}

const fn v(base: &'static str, past: &'static str, participle: &'static str) -> Verb {
    Verb {
        base,
        past,
        participle,
    }
}

/// Which form of a verb a sentence needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbForm {
    /// "abandon" (after "did not", "will", "to")
    Base,
    /// "abandoned"
    Past,
    /// "abandoned" after "has", "was"
    Participle,
}

impl Verb {
    /// The form asked for.
    pub fn form(self, form: VerbForm) -> &'static str {
        match form {
            VerbForm::Base => self.base,
            VerbForm::Past => self.past,
            VerbForm::Participle => self.participle,
        }
    }
}

/// Interchangeable transitive verbs.
pub const VERBS: &[&[Verb]] = &[
    &[
        v("abandon", "abandoned", "abandoned"),
        v("give up", "gave up", "given up"),
        v("scrap", "scrapped", "scrapped"),
    ],
    &[
        v("end", "ended", "ended"),
        v("halt", "halted", "halted"),
        v("cease", "ceased", "ceased"),
    ],
    &[
        v("resume", "resumed", "resumed"),
        v("restart", "restarted", "restarted"),
        v("renew", "renewed", "renewed"),
    ],
    &[
        v("cut", "cut", "cut"),
        v("reduce", "reduced", "reduced"),
        v("lower", "lowered", "lowered"),
        v("trim", "trimmed", "trimmed"),
    ],
    &[
        v("back", "backed", "backed"),
        v("support", "supported", "supported"),
        v("endorse", "endorsed", "endorsed"),
    ],
    &[
        v("raise", "raised", "raised"),
        v("increase", "increased", "increased"),
        v("boost", "boosted", "boosted"),
    ],
    &[
        v("protect", "protected", "protected"),
        v("shield", "shielded", "shielded"),
        v("safeguard", "safeguarded", "safeguarded"),
    ],
    &[
        v("review", "reviewed", "reviewed"),
        v("reassess", "reassessed", "reassessed"),
        v("reconsider", "reconsidered", "reconsidered"),
    ],
    &[
        v("restore", "restored", "restored"),
        v("rebuild", "rebuilt", "rebuilt"),
        v("repair", "repaired", "repaired"),
    ],
    &[
        v("respect", "respected", "respected"),
        v("honour", "honoured", "honoured"),
        v("observe", "observed", "observed"),
    ],
    &[
        v("announce", "announced", "announced"),
        v("unveil", "unveiled", "unveiled"),
        v("disclose", "disclosed", "disclosed"),
    ],
    &[
        v("approve", "approved", "approved"),
        v("pass", "passed", "passed"),
        v("adopt", "adopted", "adopted"),
    ],
    &[
        v("reject", "rejected", "rejected"),
        v("dismiss", "dismissed", "dismissed"),
        v("turn down", "turned down", "turned down"),
        v("rebuff", "rebuffed", "rebuffed"),
    ],
    &[
        v("launch", "launched", "launched"),
        v("begin", "began", "begun"),
        v("initiate", "initiated", "initiated"),
    ],
    &[
        v("criticise", "criticised", "criticised"),
        v("condemn", "condemned", "condemned"),
        v("denounce", "denounced", "denounced"),
    ],
    &[
        v("investigate", "investigated", "investigated"),
        v("probe", "probed", "probed"),
        v("examine", "examined", "examined"),
    ],
    &[
        v("suspend", "suspended", "suspended"),
        v("pause", "paused", "paused"),
        v("freeze", "froze", "frozen"),
    ],
    &[
        v("propose", "proposed", "proposed"),
        v("suggest", "suggested", "suggested"),
        v("put forward", "put forward", "put forward"),
    ],
    &[
        v("sign", "signed", "signed"),
        v("seal", "sealed", "sealed"),
        v("conclude", "concluded", "concluded"),
    ],
    &[
        v("discuss", "discussed", "discussed"),
        v("debate", "debated", "debated"),
    ],
    &[
        v("expand", "expanded", "expanded"),
        v("extend", "extended", "extended"),
        v("widen", "widened", "widened"),
        v("broaden", "broadened", "broadened"),
    ],
    &[
        v("block", "blocked", "blocked"),
        v("prevent", "prevented", "prevented"),
        v("bar", "barred", "barred"),
    ],
    &[
        v("deliver", "delivered", "delivered"),
        v("send", "sent", "sent"),
        v("supply", "supplied", "supplied"),
        v("ship", "shipped", "shipped"),
    ],
    &[
        v("strengthen", "strengthened", "strengthened"),
        v("reinforce", "reinforced", "reinforced"),
        v("bolster", "bolstered", "bolstered"),
        v("shore up", "shored up", "shored up"),
    ],
    &[
        v("damage", "damaged", "damaged"),
        v("destroy", "destroyed", "destroyed"),
        v("wreck", "wrecked", "wrecked"),
    ],
    &[
        v("evacuate", "evacuated", "evacuated"),
        v("relocate", "relocated", "relocated"),
        v("move", "moved", "moved"),
    ],
    &[
        v("arrest", "arrested", "arrested"),
        v("detain", "detained", "detained"),
        v("apprehend", "apprehended", "apprehended"),
    ],
    &[
        v("fund", "funded", "funded"),
        v("finance", "financed", "financed"),
        v("bankroll", "bankrolled", "bankrolled"),
    ],
    &[
        v("cancel", "cancelled", "cancelled"),
        v("call off", "called off", "called off"),
        v("axe", "axed", "axed"),
    ],
    &[
        v("postpone", "postponed", "postponed"),
        v("delay", "delayed", "delayed"),
        v("defer", "deferred", "deferred"),
    ],
];

/// Ways to say "urged" before an addressee and a to-infinitive.
pub const URGE_VERBS: &[&str] = &["urged", "called on", "pressed", "asked", "appealed to"];

/// Reporting verbs after a speaker; the first is the plain one.
pub const SAY_VERBS: &[&str] = &[
    "said",
    "stated",
    "noted",
    "added",
    "told reporters",
    "said in a statement",
    "told a news conference",
];

/// Who an appeal is addressed to.
pub const ADDRESSEES: &[&str] = &[
    "all sides",
    "both parties",
    "the two governments",
    "member countries",
    "regional leaders",
    "the authorities",
    "parliament",
    "donor countries",
    "the army",
    "creditors",
    "the opposition",
    "local councils",
    "foreign investors",
    "the ruling coalition",
];

/// Interchangeable words before an approximate number.
pub const APPROXIMATORS: &[&[&str]] = &[
    &["at least", "more than", "over"],
    &["about", "around", "nearly", "almost", "roughly", "some"],
];

/// Adverbs an outlet may keep, drop or add.
pub const ADVERBS: &[&str] = &[
    "also",
    "again",
    "publicly",
    "reportedly",
    "recently",
    "quietly",
    "swiftly",
    "openly",
    "formally",
    "repeatedly",
    "now",
    "already",
    "still",
    "effectively",
];

/// Auxiliaries of a reported statement ("would", "has").
pub const AUXILIARIES: &[&str] = &["would", "will", "had", "has", "could"];

/// Plural nouns that are counted ("12 homes").
pub const COUNTED_NOUNS: &[&str] = &[
    "people",
    "soldiers",
    "workers",
    "protesters",
    "homes",
    "victims",
    "suspects",
    "students",
    "farmers",
    "children",
    "boats",
    "vehicles",
    "households",
    "patients",
    "flights",
    "schools",
    "shops",
    "villages",
    "firms",
    "officers",
    "migrants",
    "passengers",
];

/// Prepositions before a place.
pub const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside", "across", "around"];

/// Other ways to say when, besides "on <weekday>": `{d}` is the weekday.
pub const TIME_VARIANTS: &[&str] = &[
    "last week",
    "earlier this month",
    "late on {d}",
    "on {d} evening",
    "on {d} morning",
];

/// Trailing phrases a claim may carry and an outlet may drop: `{a}` an open-vocabulary
/// word, `{t}` a topic word, `{n}` a noun group, `{p}` a place, `{o}` an organisation.
pub const TAILS: &[&str] = &[
    "during the {a} {t} {n}",
    "as part of a {a} {t} {n} backed by {o}",
    "after the {t} {n} in {p}",
    "despite {a} {n} over the {t}",
    "following months of {a} {t} {n}",
    "in a step tied to the {a} {t}",
    "before the {t} {n} due in {p}",
    "in reply to the {a} {t} {n}",
    "under the {t} {n} signed with {o}",
    "pointing to {a} {t} {n}",
];

/// Function words mixed into unrelated background sentences, weighted by repetition.
pub const FUNCTION_WORDS: &[&str] = &[
    "the", "the", "the", "of", "of", "of", "and", "and", "to", "to", "in", "in", "a", "a", "on",
    "for", "with", "by", "at", "from", "as", "that", "is", "was", "were", "has", "have", "had",
    "it", "its", "this", "their", "his", "her", "after", "over", "about", "into", "than", "but",
    "not", "which", "who",
];

/// Openers of unrelated background sentences.
pub const BACKGROUND_OPENERS: &[&str] = &[
    "The", "In", "Since", "Before", "After", "During", "While", "Although", "For", "Until",
];
