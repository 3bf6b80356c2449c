//! Every data file, compiled in: the one place that names them.

macro_rules! data_file {
    ($path:literal) => {
        ($path, include_str!(concat!("../../data/", $path)))
    };
}

/// `(path under data/, contents)` of every lexicon file.
pub(crate) const FILES: &[(&str, &str)] = &[
    data_file!("segment/abbreviations.txt"),
    data_file!("segment/sentence_starters.txt"),
    data_file!("segment/line_continuations.txt"),
    data_file!("calendar/months.txt"),
    data_file!("calendar/weekdays.txt"),
    data_file!("calendar/time_words.txt"),
    data_file!("calendar/tense.txt"),
    data_file!("numbers/numbers.txt"),
    data_file!("numbers/units.txt"),
    data_file!("numbers/approx.txt"),
    data_file!("numbers/not_units.txt"),
    data_file!("actors/titles.txt"),
    data_file!("actors/roles.txt"),
    data_file!("actors/modifiers.txt"),
    data_file!("actors/vague_qualifiers.txt"),
    data_file!("actors/nationalities.txt"),
    data_file!("actors/places.txt"),
    data_file!("actors/organizations.txt"),
    data_file!("actors/not_names.txt"),
    data_file!("actors/non_actor_heads.txt"),
    data_file!("actors/family_first_surnames.txt"),
    data_file!("actors/occupations.txt"),
    data_file!("actors/corporate_suffixes.txt"),
    data_file!("actors/generic_bodies.txt"),
    data_file!("actors/given_names.txt"),
    data_file!("actors/not_place_words.txt"),
    data_file!("speech/reporting.txt"),
    data_file!("speech/sources.txt"),
    data_file!("meaning/negation.txt"),
    data_file!("meaning/antonyms.txt"),
    data_file!("meaning/synonyms.txt"),
    data_file!("meaning/stopwords.txt"),
    data_file!("meaning/irregular_verbs.txt"),
    data_file!("meaning/clauses.txt"),
    data_file!("meaning/events.txt"),
    data_file!("meaning/house_style.txt"),
    data_file!("meaning/follow_up.txt"),
    data_file!("meaning/number_owners.txt"),
    data_file!("provenance/wire_credits.txt"),
];

/// The contents of the data file at `path` (under `data/`). Every path the lexicon asks
/// for is in [`FILES`]; a unit test checks that.
pub(crate) fn contents(path: &str) -> &'static str {
    FILES
        .iter()
        .find(|(p, _)| *p == path)
        .map_or("", |(_, c)| c)
}
