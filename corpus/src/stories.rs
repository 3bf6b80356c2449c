//! The stories layout, a mixed feed: many stories of several kinds of happening, some
//! of them a second happening of an earlier story's kind (two earthquakes a month apart
//! in different places, two arrests in one week), each reported by a few outlets over
//! several days. Every article opens with a headline and a lead, carries some of the
//! kind's facts and some generic claims about the story's cast, and dates the
//! happening relative to its own publication date; some outlets print no date. The
//! feed is ordered by publication day and the document ids say nothing about stories.
//!
//! A plan is drawn first, in order, from one stream (kinds, twins, days, reporters);
//! then every story is written from its own stream, so stories can be written in
//! parallel.

use crate::background;
use crate::cast::Cast;
use crate::claim::{Change, ClaimSpec};
use crate::coin;
use crate::corpus::{ClusterId, Corpus, Draft, DraftSentence, Slot, StoryInfo};
use crate::date::Day;
use crate::events::{claim_carry, draw_change, separator, ORDER_JITTER_SD};
use crate::happening::{self, Dateline, Happening};
use crate::happenings::KINDS;
use crate::params::{Layout, Params, DEFAULT_STORIES_PER_DAY};
use crate::render::{render, Style};
use crate::rng::Rng;
use crate::vocab::COUNTRIES;
use crate::words::TOPIC_WORDS;
use crate::{outlets, parallel_map, Lane};

/// The first day of the window stories happen in.
const FIRST_DAY: (i32, u32, u32) = (2024, 1, 1);
/// The shortest automatic window, in days.
const MIN_DAYS: u32 = 14;
/// Share of stories only one outlet reports.
const SINGLETON_SHARE: f64 = 0.05;
/// A twin repeats the kind of one of this many stories before it.
const TWIN_LOOKBACK: u32 = 400;
/// Share of twins that happen within a week of the story they repeat.
const CLOSE_TWIN_SHARE: f64 = 0.2;
/// Days between a twin and its story: close twins, then the others.
const CLOSE_TWIN_GAP: (u32, u32) = (1, 6);
/// Days between a twin and its story when not close.
const FAR_TWIN_GAP: (u32, u32) = (7, 45);
/// Share of twins in the same country as the story they repeat.
const TWIN_SAME_COUNTRY: f64 = 0.5;
/// Weights of an article's delay after the happening: 0, 1, ... 7 days.
const DELAY_WEIGHTS: [u32; 8] = [45, 30, 12, 6, 3, 2, 1, 1];
/// Share of reporting outlets that write a second article a few days later.
const FOLLOW_UP_SHARE: f64 = 0.1;
/// Days between an outlet's first article on a story and its follow-up.
const FOLLOW_UP_GAP: (u32, u32) = (1, 3);
/// Spread of a kind fact's position around its place among the facts.
const FACT_ORDER_JITTER_SD: f64 = 1.0;
/// Topic words of a story from its kind, then from the common list, then coined.
const TOPICS: (usize, usize, usize) = (3, 3, 2);

/// One article a plan calls for.
#[derive(Clone, Copy, Debug)]
struct Reporter {
    outlet: usize,
    delay: u32,
    dated: bool,
}

/// What the plan fixes about one story before it is written.
#[derive(Clone, Debug)]
struct Plan {
    kind: usize,
    day: Day,
    twin_of: Option<u32>,
    country: &'static str,
    reporters: Vec<Reporter>,
}

/// How many articles a story gets: one for a few, else two plus a geometric number
/// whose mean makes the overall mean `coverage`.
fn articles_per_story(rng: &mut Rng, coverage: f64, sources: usize) -> usize {
    if rng.chance(SINGLETON_SHARE) {
        return 1;
    }
    let extra_mean = ((coverage - SINGLETON_SHARE) / (1.0 - SINGLETON_SHARE) - 2.0).max(0.0);
    if extra_mean <= 0.0 {
        return 2.min(sources);
    }
    let p = 1.0 / (1.0 + extra_mean);
    let u = 1.0 - rng.unit();
    let extra = (u.ln() / (1.0 - p).ln()).floor() as usize;
    (2 + extra).min(sources)
}

/// The plan of every story, drawn in order from one stream.
fn plan(
    params: &Params,
    stories: u32,
    coverage: f64,
    days: u32,
    twin_rate: f64,
    undated: f64,
) -> Vec<Plan> {
    let mut rng = Rng::stream(params.seed(), Lane::StoryPlan as u64, 0);
    let (y, m, d) = FIRST_DAY;
    let first = Day::from_ymd(y, m, d);
    let window = if days == 0 {
        (stories / DEFAULT_STORIES_PER_DAY).max(MIN_DAYS)
    } else {
        days
    };
    let sources = params.sources() as usize;
    let mut plans: Vec<Plan> = Vec::with_capacity(stories as usize);
    for i in 0..stories {
        let twin_of = (i > 0 && rng.chance(twin_rate))
            .then(|| i - 1 - rng.below(i.min(TWIN_LOOKBACK) as usize) as u32);
        let (kind, day, country) = match twin_of {
            Some(j) => {
                let earlier = &plans[j as usize];
                let (lo, hi) = if rng.chance(CLOSE_TWIN_SHARE) {
                    CLOSE_TWIN_GAP
                } else {
                    FAR_TWIN_GAP
                };
                let gap = rng.between(lo, hi) as i32;
                let gap = if rng.chance(0.5) { gap } else { -gap };
                let country = if rng.chance(TWIN_SAME_COUNTRY) {
                    earlier.country
                } else {
                    rng.pick(COUNTRIES)
                };
                (earlier.kind, earlier.day.plus(gap), country)
            }
            None => (
                rng.below(KINDS.len()),
                first.plus(rng.below(window as usize) as i32),
                rng.pick(COUNTRIES),
            ),
        };
        let n = articles_per_story(&mut rng, coverage, sources);
        let mut reporters = Vec::with_capacity(n + 1);
        for outlet in rng.distinct(sources, n) {
            let delay = rng.weighted(&DELAY_WEIGHTS) as u32;
            reporters.push(Reporter {
                outlet,
                delay,
                dated: !rng.chance(undated),
            });
            if rng.chance(FOLLOW_UP_SHARE) {
                reporters.push(Reporter {
                    outlet,
                    delay: delay + rng.between(FOLLOW_UP_GAP.0, FOLLOW_UP_GAP.1),
                    dated: !rng.chance(undated),
                });
            }
        }
        plans.push(Plan {
            kind,
            day,
            twin_of,
            country,
            reporters,
        });
    }
    plans
}

/// The whole corpus of the stories layout.
pub(crate) fn generate(params: &Params) -> Corpus {
    let Layout::Stories {
        stories,
        coverage,
        days,
        twin_rate,
        undated,
    } = params.layout()
    else {
        return crate::events::generate(params, 1);
    };
    let mut rng = Rng::stream(params.seed(), Lane::Outlets as u64, 0);
    let sources = outlets(&mut rng, params.sources() as usize);
    let plans = plan(params, stories, coverage, days, twin_rate, undated);
    let mut keyed = parallel_map(stories, params.threads(), |s| {
        story_articles(params, &sources, &plans[s as usize], s)
    });
    // The feed's order: by publication day (the day an undated article came out, even
    // though it does not say), ties broken by a drawn key.
    keyed.sort_by_key(|(key, _)| *key);
    let drafts: Vec<Draft> = keyed
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut d))| {
            d.id = format!("a{i:06}");
            d
        })
        .collect();
    let infos = plans
        .iter()
        .map(|p| StoryInfo {
            kind: KINDS[p.kind].name,
            twin_of: p.twin_of,
            day: p.day,
        })
        .collect();
    Corpus::assemble(params.clone(), sources, drafts, infos)
}

/// The happening of story `s`, drawn from its own stream.
fn happening(rng: &mut Rng, plan: &Plan) -> Happening {
    let kind = &KINDS[plan.kind];
    let mut cast = Cast::draw(rng, plan.day, kind.officials);
    cast.countries[0] = plan.country;
    let protagonist = kind.protagonist.map(|title| {
        cast.people[0].title = title;
        0
    });
    let mut topics: Vec<String> = rng
        .distinct(kind.topics.len(), TOPICS.0.min(kind.topics.len()))
        .into_iter()
        .map(|i| kind.topics[i].to_string())
        .collect();
    topics.extend(
        rng.distinct(TOPIC_WORDS.len(), TOPICS.1)
            .into_iter()
            .map(|i| TOPIC_WORDS[i].to_string()),
    );
    topics.extend((0..TOPICS.2).map(|_| coin::term(rng)));
    cast.topics = topics;
    let place = rng.pick_ref(&cast.places).clone();
    let template = rng.pick(kind.organisation);
    let organisation = happening::organisation(rng, template, plan.country, &place);
    let template = rng.pick(kind.second_organisation);
    let second_organisation = happening::organisation(rng, template, plan.country, &place);
    cast.organisations[0] = organisation.clone();
    cast.organisations[1] = second_organisation.clone();
    let values = kind
        .figures
        .iter()
        .map(|&f| happening::draw_value(rng, f))
        .collect();
    Happening {
        kind,
        label: rng.pick(kind.labels),
        cast,
        place,
        country: plan.country,
        organisation,
        second_organisation,
        values,
        protagonist,
    }
}

/// One base fact of the kind: which paraphrases, who is quoted, how often carried.
struct Fact {
    templates: &'static [&'static str],
    speaker: usize,
    carry: f64,
}

/// Everything fixed about a story before its articles are written.
struct Story<'a> {
    params: &'a Params,
    index: u32,
    happening: Happening,
    facts: Vec<Fact>,
    lead_speaker: usize,
    pool: Vec<ClaimSpec>,
    pool_carry: Vec<f64>,
}

/// A sentence of an article with its gold cluster.
fn sentence(text: String, story: u32, slot: Option<Slot>, change: Option<Change>) -> DraftSentence {
    DraftSentence {
        text,
        cluster: slot.map(|slot| ClusterId { story, slot }),
        change,
    }
}

/// Every article about story `s`, each with its place in the feed.
fn story_articles(
    params: &Params,
    sources: &[String],
    plan: &Plan,
    s: u32,
) -> Vec<((Day, u64), Draft)> {
    let mut rng = Rng::stream(params.seed(), Lane::Stories as u64, u64::from(s));
    let h = happening(&mut rng, plan);
    let officials = h.officials();
    let facts: Vec<Fact> = h
        .kind
        .facts
        .iter()
        .map(|&templates| Fact {
            templates,
            speaker: rng.pick(&officials),
            carry: claim_carry(&mut rng, params.carry()),
        })
        .collect();
    let lead_speaker = rng.pick(&officials);
    let pool: Vec<ClaimSpec> = (0..params.sentences_per_event())
        .map(|_| ClaimSpec::draw(&mut rng, &h.cast))
        .collect();
    let pool_carry = pool
        .iter()
        .map(|_| claim_carry(&mut rng, params.carry()))
        .collect();
    let story = Story {
        params,
        index: s,
        happening: h,
        facts,
        lead_speaker,
        pool,
        pool_carry,
    };
    plan.reporters
        .iter()
        .map(|r| {
            let dateline = Dateline {
                written: plan.day.plus(r.delay as i32),
                day_first: r.outlet % 2 == 1,
            };
            let draft = Draft {
                id: String::new(),
                source: sources[r.outlet].clone(),
                published: r.dated.then_some(dateline.written),
                story: s,
                sentences: story.article(&mut rng, dateline),
            };
            ((dateline.written, rng.next_u64()), draft)
        })
        .collect()
}

impl Story<'_> {
    /// A kind template chosen from `templates`, filled for one article, and the change
    /// it carries.
    fn fill(
        &self,
        rng: &mut Rng,
        templates: &'static [&'static str],
        dateline: Dateline,
        speaker: usize,
        headline: bool,
    ) -> (String, Option<Change>) {
        let template = rng.pick(templates);
        let wanted = if headline {
            None
        } else {
            draw_change(rng, self.params.conflict_rate(), true)
        };
        let change = happening::fitting_change(template, wanted);
        let text = self
            .happening
            .fill(rng, template, dateline, speaker, change, headline);
        (text, change)
    }

    /// One article's sentences: headline, lead, then carried facts and claims in
    /// roughly the pool's order with background sentences among them.
    fn article(&self, rng: &mut Rng, dateline: Dateline) -> Vec<(&'static str, DraftSentence)> {
        let (s, h) = (self.index, &self.happening);
        let style = Style {
            synonym_rate: self.params.synonym_rate(),
            keep_modifier: self.params.keep_modifier(),
        };
        let mut sentences = Vec::new();
        let (text, _) = self.fill(rng, h.kind.headlines, dateline, self.lead_speaker, true);
        sentences.push(("", sentence(text, s, Some(Slot::Headline), None)));
        let (text, change) = self.fill(rng, h.kind.leads, dateline, self.lead_speaker, false);
        sentences.push(("\n\n", sentence(text, s, Some(Slot::Claim(0)), change)));
        let mut body: Vec<(f64, DraftSentence)> = Vec::new();
        for (i, f) in self.facts.iter().enumerate() {
            if rng.chance(f.carry) {
                let (text, change) = self.fill(rng, f.templates, dateline, f.speaker, false);
                let slot = Some(Slot::Claim(1 + i as u32));
                let key = i as f64 + rng.gauss(0.0, FACT_ORDER_JITTER_SD);
                body.push((key, sentence(text, s, slot, change)));
            }
        }
        let first_generic = 1 + self.facts.len();
        for (b, spec) in self.pool.iter().enumerate() {
            if rng.chance(self.pool_carry[b]) {
                let change = draw_change(rng, self.params.conflict_rate(), spec.timed);
                let text = render(rng, spec, &h.cast, style, change);
                let slot = Some(Slot::Claim((first_generic + b) as u32));
                let key = (first_generic + b) as f64 + rng.gauss(0.0, ORDER_JITTER_SD);
                body.push((key, sentence(text, s, slot, change)));
            }
        }
        let filler = self.params.filler();
        let fillers = ((body.len() + 1) as f64 * filler / (1.0 - filler)).round() as usize;
        let span = (first_generic + self.pool.len()) as f64;
        for _ in 0..fillers {
            let text = background::sentence(rng, &h.cast, &self.pool);
            body.push((rng.uniform(0.0, span), sentence(text, s, None, None)));
        }
        body.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (_, sentence) in body {
            sentences.push((separator(rng), sentence));
        }
        sentences
    }
}
