//! Quantities: data-driven cases under `tests/data/quantity/` and properties.
//!
//! Case files (`*.cases`), one case a line, fields separated by `|`:
//! - `TEXT | VALUE | VALUE_MAX | UNIT | APPROX`: `[...]` in `TEXT` marks the expected
//!   span; `UNIT` is `-` for a bare count; `APPROX` is exact, about, at_least, at_most
//!   or range; `VALUE` `!` means no quantity may overlap the marked text.
//! - `compat.cases`: `TEXT_A | TEXT_B | VERDICT` (compatible, incompatible, unknown),
//!   checked both ways round.

use corroborate::extract::quantity::{compatibility, quantities, Compatibility};
use corroborate::{Approx, Document, Quantity};
use proptest::prelude::*;
use std::path::PathBuf;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/quantity")
}

fn unmark(marked: &str) -> (String, Option<(usize, usize)>) {
    match (marked.find('['), marked.find(']')) {
        (Some(a), Some(b)) if a < b => {
            let text = format!("{}{}{}", &marked[..a], &marked[a + 1..b], &marked[b + 1..]);
            (text, Some((a, b - 1)))
        }
        _ => (marked.to_string(), None),
    }
}

fn approx_name(a: Approx) -> &'static str {
    match a {
        Approx::Exact => "exact",
        Approx::About => "about",
        Approx::AtLeast => "at_least",
        Approx::AtMost => "at_most",
        Approx::Range => "range",
        other => panic!("no case name for {other:?}"),
    }
}

fn cases(name: &str) -> Vec<(String, usize, Vec<String>)> {
    super::support::pipe_cases(&data_dir(), name)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn check(f: &[String]) -> Result<(), String> {
    let (text, span) = unmark(&f[0]);
    let doc = Document::new("q", text.as_str());
    let found = quantities(&doc);
    for q in &found {
        assert_eq!(&doc.text[q.span.start..q.span.end], q.text, "span slice");
    }
    let (s, e) = span.ok_or("no [..]")?;
    if f[1] == "!" {
        return match found.iter().find(|q| q.span.start < e && s < q.span.end) {
            Some(q) => Err(format!("expected no quantity, got {:?}", q.text)),
            None => Ok(()),
        };
    }
    if f.len() < 5 {
        return Err("malformed".into());
    }
    let got: Vec<&str> = found.iter().map(|q| q.text.as_str()).collect();
    let q = found
        .iter()
        .find(|q| q.span.start == s && q.span.end == e)
        .ok_or_else(|| format!("no quantity {:?}; found {got:?}", &text[s..e]))?;
    let v: f64 = f[1].parse().map_err(|_| "bad VALUE")?;
    let vmax: f64 = f[2].parse().map_err(|_| "bad VALUE_MAX")?;
    let unit = (f[3] != "-").then(|| f[3].clone());
    if !close(q.value, v)
        || !close(q.value_max, vmax)
        || q.unit_name() != unit.as_deref()
        || approx_name(q.approx) != f[4]
    {
        return Err(format!(
            "{:?}: got {} {} {:?} {}",
            q.text,
            q.value,
            q.value_max,
            q.unit,
            approx_name(q.approx)
        ));
    }
    Ok(())
}

#[test]
fn quantity_cases() {
    let mut names: Vec<String> = std::fs::read_dir(data_dir())
        .expect("tests/data/quantity")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".cases") && n != "compat.cases")
        .collect();
    names.sort();
    let (mut count, mut failures) = (0, Vec::new());
    for name in names {
        for (file, line, f) in cases(&name) {
            count += 1;
            if let Err(e) = check(&f) {
                failures.push(format!("{file}:{line}: {e}"));
            }
        }
    }
    assert!(count >= 40, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn marked(text: &str) -> Result<Quantity, String> {
    let (t, span) = unmark(text);
    let (s, e) = span.ok_or("no [..]")?;
    quantities(&Document::new("q", t.as_str()))
        .into_iter()
        .find(|q| q.span.start == s && q.span.end == e)
        .ok_or_else(|| format!("no quantity {:?}", &t[s..e]))
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
    for (file, line, f) in cases("compat.cases") {
        let r = (|| -> Result<(), String> {
            let (a, b) = (marked(&f[0])?, marked(&f[1])?);
            let (ab, ba) = (compatibility(&a, &b), compatibility(&b, &a));
            if verdict(&ab) != f[2] || verdict(&ba) != f[2] {
                return Err(format!(
                    "{} / {} want {}: {}",
                    verdict(&ab),
                    verdict(&ba),
                    f[2],
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

const FRAGMENTS: &[&str] = &[
    "about 300",
    "more than 40",
    "$1.2bn",
    "US$3.278 billion",
    "€12.2 million",
    "3.24%",
    "3.2 per cent",
    "12 points",
    "a 12-point plan",
    "twelve",
    "a dozen",
    "1,200",
    "10 to 12",
    "10-12",
    "between 5 and 7",
    "third",
    "21st",
    "21-gun salute",
    "in 2013",
    "on March 1",
    "yuan",
    "rubles",
    "people",
    "-",
    "$",
    "%",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(FRAGMENTS).prop_map(str::to_string),
            "[a-zA-Z0-9 .,$%€-]{0,10}",
        ],
        0..12,
    )
    .prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256), ..ProptestConfig::default() })]

    #[test]
    fn no_panic_and_spans_valid(s in "\\PC{0,200}") {
        let doc = Document::new("q", s.as_str());
        for q in quantities(&doc) {
            prop_assert_eq!(&doc.text[q.span.start..q.span.end], q.text.as_str());
            prop_assert!(q.value <= q.value_max);
        }
    }

    #[test]
    fn compatibility_symmetric_and_reflexive(s in text()) {
        let doc = Document::new("q", s.as_str());
        let all = quantities(&doc);
        for x in &all {
            prop_assert!(compatibility(x, x).is_compatible(), "{:?}", x.text);
            for y in &all {
                prop_assert_eq!(verdict(&compatibility(x, y)), verdict(&compatibility(y, x)));
            }
        }
    }
}
