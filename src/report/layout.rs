//! The layout of every JSON the crate writes: one record per line.
//!
//! A report of a mixed feed holds tens of thousands of claims; indenting every field
//! of every record put most of its bytes into whitespace (a report 16 times its input,
//! 6 of those 16 spaces and line breaks). Here each field of the top-level object, and
//! each object in a list near the top (a claim, a flag, a coverage row), starts a line
//! of its own, written compactly: the file stays readable line by line, `grep` finds a
//! record, a diff shows which records changed, and the size is that of compact JSON.

use serde_json::ser::Formatter;
use std::io::{self, Write};

/// Objects inside a list at this nesting depth or less (the top-level object is depth
/// 1, its lists depth 2, the lists of its objects depth 3: `coverage.rows`) start a
/// line of their own; deeper ones (a flag's evidence, an actor's mentions) stay on
/// their record's line.
const RECORD_DEPTH: usize = 3;

/// Spaces per nesting level at the start of a line.
const INDENT: &[u8] = b"  ";

/// A [`Formatter`] that writes compact JSON with the records of shallow lists on lines
/// of their own (see the module documentation).
#[derive(Debug, Default)]
pub(crate) struct RecordLines {
    /// The open containers, outermost first: whether each is a list, and whether a
    /// line was started inside it (its closing bracket then starts a line too).
    open: Vec<Container>,
}

#[derive(Clone, Copy, Debug)]
struct Container {
    list: bool,
    broken: bool,
}

impl RecordLines {
    fn push(&mut self, list: bool) {
        self.open.push(Container {
            list,
            broken: false,
        });
    }

    /// Closes the innermost container: a line break before its bracket when lines
    /// were started inside it.
    fn pop<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        match self.open.pop() {
            Some(c) if c.broken => new_line(out, self.open.len()),
            _ => Ok(()),
        }
    }
}

fn new_line<W: ?Sized + Write>(out: &mut W, depth: usize) -> io::Result<()> {
    out.write_all(b"\n")?;
    for _ in 0..depth {
        out.write_all(INDENT)?;
    }
    Ok(())
}

impl Formatter for RecordLines {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.push(true);
        out.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.pop(out)?;
        out.write_all(b"]")
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        let depth = self.open.len();
        if let Some(parent) = self.open.last_mut() {
            if parent.list && depth <= RECORD_DEPTH {
                parent.broken = true;
                new_line(out, depth)?;
            }
        }
        self.push(false);
        out.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.pop(out)?;
        out.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        if !first {
            out.write_all(b",")?;
        }
        match self.open.as_mut_slice() {
            [top] => {
                top.broken = true;
                new_line(out, 1)
            }
            _ => Ok(()),
        }
    }
}

/// `value` as JSON in this layout.
pub(crate) fn to_vec(value: &impl serde::Serialize) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, RecordLines::default());
    value.serialize(&mut ser)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn records_of_shallow_lists_get_a_line_each_and_read_back() {
        let v = json!({
            "claims": [{"id": 0, "quotes": [1, 2]}, {"id": 1, "quotes": []}],
            "coverage": {"rows": [{"group": 0, "docs": ["a"]}]},
            "flags": [{"evidence": [{"doc": "a"}, {"doc": "b"}]}],
            "empty": [],
            "n": 3
        });
        let text = String::from_utf8(to_vec(&v).unwrap()).unwrap();
        let expected = "{\n  \"claims\":[\n    {\"id\":0,\"quotes\":[1,2]},\n    {\"id\":1,\"quotes\":[]}\n  ],\n  \"coverage\":{\"rows\":[\n      {\"docs\":[\"a\"],\"group\":0}\n    ]},\n  \"empty\":[],\n  \"flags\":[\n    {\"evidence\":[{\"doc\":\"a\"},{\"doc\":\"b\"}]}\n  ],\n  \"n\":3\n}";
        assert_eq!(text, expected);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), v);
    }
}
