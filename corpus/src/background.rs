//! Sentences that belong to no claim: the background, colour and boilerplate around the
//! claims. Some are built by the claim grammar from the same cast (the same people,
//! places and topic words), which makes them hard negatives for alignment; the rest mix
//! function words with everyday, topic and coined words.

use crate::cast::Cast;
use crate::claim::{open_word, ClaimSpec};
use crate::lexicon::{BACKGROUND_OPENERS, FUNCTION_WORDS};
use crate::render::{render, Style};
use crate::rng::Rng;

/// Share of background sentences made by the claim grammar from the event's cast.
const FROM_CAST: f64 = 0.45;
/// Share of the sentences from the cast that reuse a claim's object and location.
const NEAR_MISS: f64 = 0.12;
/// Share of words of a word-mix sentence that are function words.
const FUNCTION_SHARE: f64 = 0.4;

/// One background sentence for an article about `cast`, whose base claims are `claims`.
pub fn sentence(rng: &mut Rng, cast: &Cast, claims: &[ClaimSpec]) -> String {
    if rng.chance(FROM_CAST) {
        let mut spec = ClaimSpec::draw(rng, cast);
        if !claims.is_empty() && rng.chance(NEAR_MISS) {
            let claim = rng.pick_ref(claims);
            spec.object = claim.object;
            spec.location = claim.location;
            spec.preposition = claim.preposition;
        }
        return render(rng, &spec, cast, Style::PLAIN, None);
    }
    let n = rng.between(8, 22) as usize;
    let mut words: Vec<String> = (0..n)
        .map(|_| {
            if rng.chance(FUNCTION_SHARE) {
                rng.pick(FUNCTION_WORDS).to_string()
            } else {
                open_word(rng)
            }
        })
        .collect();
    if rng.chance(0.5) {
        let i = rng.below(n);
        words[i] = rng.pick_ref(&cast.topics).clone();
    }
    if rng.chance(0.4) {
        let i = rng.below(n);
        words[i] = rng.pick_ref(&cast.places).clone();
    }
    if rng.chance(0.3) {
        let i = rng.below(n);
        words.insert(
            i,
            rng.pick(&["the", "of", "and", "in", "to", "a"]).to_string(),
        );
    }
    format!("{} {}.", rng.pick(BACKGROUND_OPENERS), words.join(" "))
}
