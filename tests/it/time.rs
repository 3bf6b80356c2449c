//! Temporal expressions: data-driven cases under `tests/data/time/` and properties.
//!
//! Case files (`*.cases`), one case a line, fields separated by `|`:
//! - `PUBLISHED | TEXT | VALUE [| INTERVAL] [| KIND]`: `PUBLISHED` is `YYYY-MM-DD`,
//!   optionally followed by `dayfirst`, or `-` for an undated document; `[...]` in
//!   `TEXT` marks the expected span; `VALUE` is the TIMEX3 value, or `!` when no
//!   temporal expression may overlap the marked text; `INTERVAL` is
//!   `YYYY-MM-DD..YYYY-MM-DD` or `none`; `KIND` is date, time, duration, set or vague.
//! - `compat.cases`: `PUB_A | TEXT_A | PUB_B | TEXT_B | VERDICT`, each text with one
//!   marked expression; `VERDICT` is compatible, incompatible or unknown (checked both
//!   ways round).
//! - `anchor.cases`: `PUB_A | TEXT_A | TEXT_B | VALUE`: `TEXT_B` is undated and read
//!   with `anchor_undated` together with `TEXT_A` dated each of the comma-separated
//!   dates of `PUB_A`.

use corroborate::extract::quantity::quantities;
use corroborate::extract::time::{
    anchor_undated, compatibility, pattern_admits, times, Compatibility, DateOrder, TimeConfig,
};
use corroborate::{Document, TimeExpr, TimeKind};
use proptest::prelude::*;
use std::path::PathBuf;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/time")
}

/// The text without brackets and the byte range the brackets marked.
fn unmark(marked: &str) -> (String, Option<(usize, usize)>) {
    match (marked.find('['), marked.find(']')) {
        (Some(a), Some(b)) if a < b => {
            let text = format!("{}{}{}", &marked[..a], &marked[a + 1..b], &marked[b + 1..]);
            (text, Some((a, b - 1)))
        }
        _ => (marked.to_string(), None),
    }
}

fn doc(published: &str, text: &str) -> (Document, TimeConfig) {
    let mut d = Document::new("t", text);
    let mut config = TimeConfig::default();
    let mut parts = published.split_whitespace();
    if let Some(p) = parts.next() {
        if p != "-" {
            d.published = Some(p.parse().expect("published date in a case file"));
        }
    }
    if parts.next() == Some("dayfirst") {
        config = TimeConfig::with_date_order(DateOrder::DayFirst);
    }
    (d, config)
}

fn kind_name(t: &TimeExpr) -> &'static str {
    if t.vague {
        return "vague";
    }
    match t.kind {
        TimeKind::Date => "date",
        TimeKind::Time => "time",
        TimeKind::Duration => "duration",
        TimeKind::Set => "set",
        other => panic!("no case name for {other:?}"),
    }
}

fn case_lines(name: &str) -> Vec<(String, usize, Vec<String>)> {
    super::support::pipe_cases(&data_dir(), name)
}

fn expression_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data_dir())
        .expect("tests/data/time")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".cases") && n != "compat.cases" && n != "anchor.cases")
        .collect();
    names.sort();
    names
}

/// Checks one expression case; `Err` describes the failure.
fn check_case(f: &[String]) -> Result<(), String> {
    let (text, span) = unmark(&f[1]);
    let (d, config) = doc(&f[0], &text);
    let found = times(&d, &config);
    for t in &found {
        assert_eq!(&d.text[t.span.start..t.span.end], t.text, "span slice");
    }
    let (s, e) = span.ok_or("no [..] in text")?;
    if f[2] == "!" {
        return match found.iter().find(|t| t.span.start < e && s < t.span.end) {
            Some(t) => Err(format!("expected no time, got {:?} = {}", t.text, t.value)),
            None => Ok(()),
        };
    }
    let want = &text[s..e];
    let got: Vec<String> = found
        .iter()
        .map(|t| format!("{:?}={}", t.text, t.value))
        .collect();
    let t = found
        .iter()
        .find(|t| t.span.start == s && t.span.end == e)
        .ok_or_else(|| format!("no expression {want:?}; found {got:?}"))?;
    if t.value != f[2] {
        return Err(format!("{want:?}: value {} want {}", t.value, f[2]));
    }
    if let Some(iv) = f.get(3).filter(|x| !x.is_empty()) {
        let have = t
            .interval
            .map(|i| format!("{}..{}", i.start, i.end))
            .unwrap_or_else(|| "none".into());
        if &have != iv {
            return Err(format!("{want:?}: interval {have} want {iv}"));
        }
    }
    if let Some(k) = f.get(4) {
        if kind_name(t) != k {
            return Err(format!("{want:?}: kind {} want {k}", kind_name(t)));
        }
    }
    Ok(())
}

#[test]
fn expression_cases() {
    let mut failures = Vec::new();
    let mut count = 0;
    for name in expression_files() {
        for (file, line, f) in case_lines(&name) {
            count += 1;
            if f.len() < 3 {
                failures.push(format!("{file}:{line}: malformed"));
                continue;
            }
            if let Err(e) = check_case(&f) {
                failures.push(format!("{file}:{line}: {e}"));
            }
        }
    }
    assert!(count >= 80, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn marked_expr(published: &str, marked: &str) -> Result<TimeExpr, String> {
    let (text, span) = unmark(marked);
    let (d, config) = doc(published, &text);
    let (s, e) = span.ok_or("no [..]")?;
    times(&d, &config)
        .into_iter()
        .find(|t| t.span.start == s && t.span.end == e)
        .ok_or_else(|| format!("no expression {:?}", &text[s..e]))
}

fn verdict(c: &Compatibility) -> &'static str {
    match c {
        Compatibility::Compatible(_) => "compatible",
        Compatibility::Incompatible(_) => "incompatible",
        Compatibility::Unknown(_) => "unknown",
    }
}

#[test]
fn compatibility_cases() {
    let mut failures = Vec::new();
    for (file, line, f) in case_lines("compat.cases") {
        let r = (|| -> Result<(), String> {
            let a = marked_expr(&f[0], &f[1])?;
            let b = marked_expr(&f[2], &f[3])?;
            let (ab, ba) = (compatibility(&a, &b), compatibility(&b, &a));
            if verdict(&ab) != f[4] || verdict(&ba) != f[4] {
                return Err(format!(
                    "{} vs {}: {} / {} want {} ({})",
                    a.value,
                    b.value,
                    verdict(&ab),
                    verdict(&ba),
                    f[4],
                    ab.reason()
                ));
            }
            Ok(())
        })();
        if let Err(e) = r {
            failures.push(format!("{file}:{line}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn anchor_cases() {
    let mut failures = Vec::new();
    for (file, line, f) in case_lines("anchor.cases") {
        let (a_text, _) = unmark(&f[1]);
        let (b_text, span) = unmark(&f[2]);
        // Several dated documents: `PUB_A` lists their dates separated by commas.
        let mut docs: Vec<Document> = f[0]
            .split(',')
            .enumerate()
            .map(|(k, p)| {
                let (mut d, _) = doc(p.trim(), &a_text);
                d.id = corroborate::DocId(format!("a{k}"));
                d
            })
            .collect();
        docs.push(Document::new("u", b_text.as_str()));
        let all = anchor_undated(&docs, &TimeConfig::default());
        let all = &all[all.len() - 2..];
        let Some((s, e)) = span else {
            failures.push(format!("{file}:{line}: no [..]"));
            continue;
        };
        match all[1].iter().find(|t| t.span.start == s && t.span.end == e) {
            Some(t) if t.value == f[3] => {}
            Some(t) => failures.push(format!("{file}:{line}: {} want {}", t.value, f[3])),
            None => failures.push(format!("{file}:{line}: not found")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Fragments of news-like English for the properties.
const FRAGMENTS: &[&str] = &[
    "on Wednesday",
    "last week",
    "Friday",
    "said",
    "will meet",
    "in September",
    "last September",
    "1 March 2023",
    "March 1",
    "2023-03-01",
    "1/3",
    "yesterday",
    "two days ago",
    "next Tuesday",
    "a three-day visit",
    "the year-old war",
    "recently",
    "soon",
    "earlier this month",
    "later this year",
    "last year",
    "this year",
    "a year ago",
    "three years ago",
    "in 2013",
    "the 1990s",
    "at 3 pm",
    "Thursday morning",
    "the first quarter",
    "last summer",
    "May",
    "the past three years",
    "$1.2bn",
    "about 300 people",
    "12 points",
    "Feb. 29",
    "29 February 2024",
    "Dec. 31",
    "Jan 1",
    "the weekend",
    "every Monday",
    "tonight",
    "now",
    ".",
    ",",
    "“",
    "”",
    "é",
    "—",
    "’s",
];

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(FRAGMENTS).prop_map(str::to_string),
            "[a-zA-Z0-9 .,/:'’-]{0,12}",
        ],
        0..14,
    )
    .prop_map(|v| v.join(" "))
}

fn anchor_date() -> impl Strategy<Value = corroborate::Date> {
    (1990i32..2040, 1u32..=12, 1u32..=31)
        .prop_map(|(y, m, d)| corroborate::Date::from_ymd(y, m, d.min(28)).expect("a valid day"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256), ..ProptestConfig::default() })]

    #[test]
    fn no_panic_on_any_string(s in "\\PC{0,200}", a in anchor_date()) {
        let mut d = Document::new("p", s.as_str());
        let _ = quantities(&d);
        let _ = times(&d, &TimeConfig::default());
        d.published = Some(a);
        for t in times(&d, &TimeConfig::default()) {
            prop_assert_eq!(&d.text[t.span.start..t.span.end], t.text.as_str());
        }
        for q in quantities(&d) {
            prop_assert_eq!(&d.text[q.span.start..q.span.end], q.text.as_str());
        }
    }

    #[test]
    fn interval_contains_anchor_free_parse(s in news_text(), a in anchor_date()) {
        let undated = Document::new("p", s.as_str());
        let mut dated = undated.clone();
        dated.published = Some(a);
        let free = times(&undated, &TimeConfig::default());
        for t in times(&dated, &TimeConfig::default()) {
            if let (Some(iv), Some(f)) = (t.interval, free.iter().find(|f| f.span == t.span)) {
                prop_assert!(iv.start <= iv.end);
                match f.interval {
                    Some(fi) => prop_assert!(fi.start <= iv.end && iv.start <= fi.end,
                        "{:?}: {} vs anchor-free {}", t.text, t.value, f.value),
                    None => prop_assert!(pattern_admits(&f.value, &iv) != Some(false),
                        "{:?}: {} ({}..{}) vs anchor-free {}", t.text, t.value, iv.start, iv.end, f.value),
                }
            }
        }
    }

    #[test]
    fn compatibility_symmetric_and_reflexive(s in news_text(), u in news_text(), a in anchor_date(), dated in any::<bool>()) {
        let mut d1 = Document::new("a", s.as_str());
        d1.published = Some(a);
        let mut d2 = Document::new("b", u.as_str());
        if dated { d2.published = Some(a); }
        let mut all = times(&d1, &TimeConfig::default());
        all.extend(times(&d2, &TimeConfig::default()));
        for x in &all {
            prop_assert!(compatibility(x, x).is_compatible(), "{} not compatible with itself", x.value);
            for y in &all {
                prop_assert_eq!(verdict(&compatibility(x, y)), verdict(&compatibility(y, x)));
            }
        }
    }
}

/// A TimeML document: plain text, creation date, gold TIMEX3 (start, end, value).
struct TimeMl {
    text: String,
    dct: Option<corroborate::Date>,
    gold: Vec<(usize, usize, String)>,
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

/// Reads TempEval-3 style TimeML: the `<TEXT>` body with its tags stripped, gold
/// `<TIMEX3>` spans and values, and the creation time from `<DCT>`.
fn read_timeml(src: &str) -> TimeMl {
    let dct = src
        .find("<DCT>")
        .and_then(|i| attr(&src[i..], "value"))
        .and_then(|v| v.get(..10))
        .and_then(|v| v.parse().ok());
    let body = src
        .split_once("<TEXT>")
        .map(|(_, b)| b.split("</TEXT>").next().unwrap_or(b))
        .unwrap_or("");
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let gt = rest[lt..].find('>').map_or(rest.len(), |g| lt + g + 1);
        let tag = &rest[lt..gt];
        if tag.starts_with("<TIMEX3") {
            open = Some((text.len(), attr(tag, "value").unwrap_or("").to_string()));
        } else if tag.starts_with("</TIMEX3") {
            if let Some((s, v)) = open.take() {
                gold.push((s, text.len(), v));
            }
        }
        rest = &rest[gt..];
    }
    text.push_str(rest);
    let unescape = |s: &str| {
        s.replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
    };
    debug_assert_eq!(
        unescape(&text).len(),
        text.len(),
        "sample files use no entities"
    );
    TimeMl { text, dct, gold }
}

/// Relaxed-match scores over TimeML files (TempEval-3 style): an expression matches a
/// gold TIMEX3 it overlaps; value precision = matched with the right value / found,
/// value recall = matched with the right value / gold.
fn timeml_scores(dir: &std::path::Path) -> (usize, usize, usize, usize) {
    let (mut found, mut gold, mut span_ok, mut value_ok) = (0, 0, 0, 0);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    files.sort();
    for path in files {
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        let t = read_timeml(&src);
        let mut d = Document::new("tml", t.text.as_str());
        d.published = t.dct;
        let sys = times(&d, &TimeConfig::default());
        found += sys.len();
        gold += t.gold.len();
        for (gs, ge, gv) in &t.gold {
            if let Some(s) = sys.iter().find(|s| s.span.start < *ge && *gs < s.span.end) {
                span_ok += 1;
                if &s.value == gv {
                    value_ok += 1;
                } else if std::env::var_os("TIMEML_VERBOSE").is_some() {
                    eprintln!("{}: {:?} = {} (gold {gv})", path.display(), s.text, s.value);
                }
            } else if std::env::var_os("TIMEML_VERBOSE").is_some() {
                eprintln!(
                    "{}: missed {:?} (gold {gv})",
                    path.display(),
                    &t.text[*gs..*ge]
                );
            }
        }
    }
    (found, gold, span_ok, value_ok)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Scores the TimeML files in `tests/data/time/timeml/` (or in the directory named by
/// `TIMEML_DIR`, e.g. the TempEval-3 platinum test set) and prints span and value F1.
#[test]
fn timeml_value_f1() {
    let dir = std::env::var_os("TIMEML_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| data_dir().join("timeml"));
    let (found, gold, span_ok, value_ok) = timeml_scores(&dir);
    assert!(gold > 0, "no TimeML files in {}", dir.display());
    let (sp, sr) = (
        span_ok as f64 / found.max(1) as f64,
        span_ok as f64 / gold as f64,
    );
    let (vp, vr) = (
        value_ok as f64 / found.max(1) as f64,
        value_ok as f64 / gold as f64,
    );
    println!(
        "TimeML {}: {gold} gold, {found} found; relaxed span F1 {:.2}, value F1 {:.2}",
        dir.display(),
        100.0 * f1(sp, sr),
        100.0 * f1(vp, vr)
    );
    assert!(f1(vp, vr) >= 0.75, "value F1 {:.3} below 0.75", f1(vp, vr));
}

#[test]
fn long_adversarial_inputs_are_linear_and_do_not_overflow() {
    let nested = "the end of ".repeat(50_000) + "2022";
    let numbers = "1/2/3/4/5/6/7/8/9 ".repeat(20_000);
    let words = "last last next this early mid- ".repeat(20_000);
    for text in [nested, numbers, words] {
        let mut d = Document::new("x", text.as_str());
        d.published = corroborate::Date::from_ymd(2023, 3, 1);
        let t = times(&d, &TimeConfig::default());
        let q = quantities(&d);
        assert!(t.len() + q.len() < text.len());
    }
}

#[test]
fn json_shape_of_times_and_quantities() {
    let mut d = Document::new(
        "a",
        "They met on Wednesday for three days and spent $1.2bn.",
    );
    d.published = corroborate::Date::from_ymd(2023, 3, 1);
    let t = times(&d, &TimeConfig::default());
    let v = serde_json::to_value(&t).expect("serializable");
    assert_eq!(v[0]["id"], 0);
    assert_eq!(v[1]["id"], 1);
    assert_eq!(v[0]["doc"], "a");
    assert_eq!(v[0]["start"], 12);
    assert_eq!(v[0]["end"], 21);
    assert_eq!(v[0]["text"], "Wednesday");
    assert_eq!(v[0]["value"], "2023-03-01");
    assert_eq!(v[0]["interval"]["start"], "2023-03-01");
    assert_eq!(v[0]["interval"]["granularity"], "day");
    assert_eq!(v[0]["vague"], false);
    assert_eq!(v[1]["value"], "P3D");
    assert!(v[1]["interval"].is_null());
    let q = serde_json::to_value(quantities(&d)).expect("serializable");
    assert_eq!(q[0]["id"], 0);
    assert_eq!(q[0]["text"], "$1.2bn");
    assert_eq!(q[0]["value"], 1.2e9);
    assert_eq!(q[0]["unit"], "usd");
    assert_eq!(q[0]["approx"], "exact");
}
