//! Helpers shared by the data-driven test modules.

use std::path::Path;

/// The case lines of a `|`-separated case file: `(file name, 1-based line, fields)`,
/// skipping blank lines and `#` comments.
pub fn pipe_cases(dir: &Path, name: &str) -> Vec<(String, usize, Vec<String>)> {
    let path = dir.join(name);
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(n, l)| {
            (
                name.to_string(),
                n + 1,
                l.split('|').map(|f| f.trim().to_string()).collect(),
            )
        })
        .collect()
}
