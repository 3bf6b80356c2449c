//! The events layout, the alignment benchmark: every outlet writes one article about
//! every event, carrying a random subset of the event's base claims, each rendered
//! independently, in roughly the pool's order, with background sentences between.

use crate::background;
use crate::cast::Cast;
use crate::claim::{Change, ClaimSpec};
use crate::corpus::{ClusterId, Corpus, Draft, DraftSentence, Slot, StoryInfo};
use crate::date::Day;
use crate::params::Params;
use crate::render::{render, Style};
use crate::rng::Rng;
use crate::vocab::TITLES;
use crate::{outlets, parallel_map, Lane};

/// Day of event 0; event `e` happens [`DAY_CYCLE`]-periodically after it.
const FIRST_DAY: (i32, u32, u32) = (2023, 1, 2);
/// Events cycle over this many days.
const DAY_CYCLE: u32 = 700;
/// Spread of each claim's carry probability around the mean carry.
const CARRY_SD: f64 = 0.22;
/// Bounds of a claim's carry probability.
const CARRY_RANGE: (f64, f64) = (0.05, 0.97);
/// Spread of a claim's position around its place in the pool.
pub(crate) const ORDER_JITTER_SD: f64 = 1.5;
/// Share of articles published the day after the event.
const NEXT_DAY_SHARE: f64 = 0.3;
/// Share of sentence joints that are paragraph breaks.
const PARAGRAPH_BREAK: f64 = 0.3;

/// The day event `e` happened.
fn event_day(e: u32) -> Day {
    let (y, m, d) = FIRST_DAY;
    Day::from_ymd(y, m, d).plus((e % DAY_CYCLE) as i32)
}

/// How likely one article is to carry a claim: the mean carry, spread per claim.
pub(crate) fn claim_carry(rng: &mut Rng, mean: f64) -> f64 {
    rng.gauss(mean, CARRY_SD)
        .clamp(CARRY_RANGE.0, CARRY_RANGE.1)
}

/// The separator before the next sentence of an article.
pub(crate) fn separator(rng: &mut Rng) -> &'static str {
    if rng.chance(PARAGRAPH_BREAK) {
        "\n\n"
    } else {
        " "
    }
}

/// A deliberate disagreement for one rendering, or none; a claim without a time
/// cannot have its day changed, so it gets another number instead.
pub(crate) fn draw_change(rng: &mut Rng, rate: f64, timed: bool) -> Option<Change> {
    if !rng.chance(rate) {
        return None;
    }
    match rng.pick(&Change::ALL) {
        Change::Date if !timed => Some(Change::Number),
        c => Some(c),
    }
}

/// The whole corpus of the events layout.
pub(crate) fn generate(params: &Params, events: u32) -> Corpus {
    let mut rng = Rng::stream(params.seed(), Lane::Outlets as u64, 0);
    let sources = outlets(&mut rng, params.sources() as usize);
    let drafts = parallel_map(events, params.threads(), |e| {
        event_articles(params, &sources, e)
    });
    let stories = (0..events)
        .map(|e| StoryInfo {
            kind: "event",
            twin_of: None,
            day: event_day(e),
        })
        .collect();
    Corpus::assemble(params.clone(), sources, drafts, stories)
}

/// Every outlet's article about event `e`.
fn event_articles(params: &Params, sources: &[String], e: u32) -> Vec<Draft> {
    let mut rng = Rng::stream(params.seed(), Lane::Events as u64, u64::from(e));
    let style = Style {
        synonym_rate: params.synonym_rate(),
        keep_modifier: params.keep_modifier(),
    };
    let cast = Cast::draw(&mut rng, event_day(e), TITLES);
    let n = params.sentences_per_event() as usize;
    let pool: Vec<ClaimSpec> = (0..n).map(|_| ClaimSpec::draw(&mut rng, &cast)).collect();
    let carry: Vec<f64> = (0..n)
        .map(|_| claim_carry(&mut rng, params.carry()))
        .collect();
    let mut drafts = Vec::with_capacity(sources.len());
    for (si, source) in sources.iter().enumerate() {
        let mut items: Vec<(f64, DraftSentence)> = Vec::new();
        for (b, spec) in pool.iter().enumerate() {
            if !rng.chance(carry[b]) {
                continue;
            }
            let change = draw_change(&mut rng, params.conflict_rate(), spec.timed);
            let text = render(&mut rng, spec, &cast, style, change);
            let key = b as f64 + rng.gauss(0.0, ORDER_JITTER_SD);
            let cluster = Some(ClusterId {
                story: e,
                slot: Slot::Claim(b as u32),
            });
            items.push((
                key,
                DraftSentence {
                    text,
                    cluster,
                    change,
                },
            ));
        }
        let fillers = if items.is_empty() {
            rng.between(1, 3) as usize
        } else {
            (items.len() as f64 * params.filler() / (1.0 - params.filler())).round() as usize
        };
        for _ in 0..fillers {
            let key = rng.uniform(-1.0, n as f64);
            let text = background::sentence(&mut rng, &cast, &pool);
            items.push((
                key,
                DraftSentence {
                    text,
                    cluster: None,
                    change: None,
                },
            ));
        }
        items.sort_by(|a, b| a.0.total_cmp(&b.0));
        let published = Some(cast.day.plus(i32::from(rng.chance(NEXT_DAY_SHARE))));
        let mut sentences = Vec::with_capacity(items.len());
        for (k, (_, s)) in items.into_iter().enumerate() {
            let sep = if k == 0 { "" } else { separator(&mut rng) };
            sentences.push((sep, s));
        }
        drafts.push(Draft {
            id: format!("e{e:06}-s{si:02}"),
            source: source.clone(),
            published,
            story: e,
            sentences,
        });
    }
    drafts
}
