//! The one format of the data files under `data/` (see `data/README.md`): one record per
//! line, fields separated by a TAB, `#` comments, and a `#:` header line naming the
//! columns, against which every record is checked.

use std::fmt;

/// One record of a data file: its 1-based line number and its fields (trimmed, never
/// empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Record<'a> {
    /// Line number in the file, from 1.
    pub line: usize,
    /// The fields, in order.
    pub fields: Vec<&'a str>,
}

impl<'a> Record<'a> {
    /// Field `i`, or `""` when the record has fewer fields.
    pub fn get(&self, i: usize) -> &'a str {
        self.fields.get(i).copied().unwrap_or("")
    }

    /// The first field: the entry the record is about.
    pub fn key(&self) -> &'a str {
        self.get(0)
    }

    /// The words of field `i`.
    pub fn words(&self, i: usize) -> impl Iterator<Item = &'a str> {
        self.get(i).split(' ').filter(|w| !w.is_empty())
    }
}

/// What is wrong with a line of a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FormatError {
    /// The file, as named in [`super::files::FILES`].
    pub file: &'static str,
    /// Line number, from 1.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data/{}:{}: {}", self.file, self.line, self.message)
    }
}

/// The column layout declared by a file's `#:` line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Columns {
    /// Columns every record must have.
    required: usize,
    /// The most columns a record may have (`usize::MAX` when the last repeats).
    max: usize,
}

fn columns(spec: &str) -> Columns {
    let mut required = 0;
    let mut max = 0;
    for name in spec.split_whitespace() {
        if let Some(_rest) = name.strip_suffix("...") {
            required += 1;
            max = usize::MAX;
        } else if name.ends_with('?') {
            max = max.saturating_add(1);
        } else {
            required += 1;
            max = max.saturating_add(1);
        }
    }
    Columns { required, max }
}

/// The records of the data file `file` with contents `src`, checked against its `#:`
/// header; the first malformed line is an error.
pub(crate) fn parse(
    file: &'static str,
    src: &'static str,
) -> Result<Vec<Record<'static>>, FormatError> {
    let mut layout = None;
    let mut out = Vec::new();
    for (i, raw) in src.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim();
        if let Some(spec) = trimmed.strip_prefix("#:") {
            layout = Some(columns(spec));
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let err = |message: String| FormatError {
            file,
            line,
            message,
        };
        let Some(cols) = layout else {
            return Err(err(
                "a record before the `#:` line that names the columns".into()
            ));
        };
        let fields: Vec<&str> = raw.split('\t').map(str::trim).collect();
        if fields.iter().any(|f| f.is_empty()) {
            return Err(err(
                "an empty field (two TABs in a row, or a TAB at an end)".into(),
            ));
        }
        if let Some(f) = fields.iter().find(|f| f.contains("  ")) {
            return Err(err(format!(
                "words separated by more than one space in {f:?}"
            )));
        }
        if fields.len() < cols.required || fields.len() > cols.max {
            return Err(err(format!(
                "{} fields where the header allows {}{}",
                fields.len(),
                cols.required,
                match cols.max {
                    usize::MAX => " or more".to_string(),
                    m if m == cols.required => String::new(),
                    m => format!(" to {m}"),
                }
            )));
        }
        out.push(Record { line, fields });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_and_columns() {
        let src = "# a list\n#: word value extra?\n\nfoo\t1\nbar baz\t2\tx\n  # indented comment\n";
        let recs = parse("t.txt", src).unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].fields, ["foo", "1"]);
        assert_eq!(recs[1].line, 5);
        assert_eq!(recs[1].words(0).collect::<Vec<_>>(), ["bar", "baz"]);
        assert_eq!(recs[1].get(2), "x");
        assert_eq!(recs[0].get(2), "");
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let e = parse("t.txt", "#: word value\nfoo\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(
            e.to_string(),
            "data/t.txt:2: 1 fields where the header allows 2"
        );
        let e = parse("t.txt", "foo\n").unwrap_err();
        assert!(e.message.contains("before the `#:` line"));
        let e = parse("t.txt", "#: a b?\nx\t\ty\n").unwrap_err();
        assert!(e.message.contains("empty field"));
        let e = parse("t.txt", "#: a...\nx\ty\tz\n").unwrap();
        assert_eq!(e[0].fields.len(), 3);
    }
}
