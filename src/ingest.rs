//! Reading documents: plain text with an optional dateline, JSON and JSONL.
//!
//! The parsers are pure functions on bytes ([`parse_text`], [`parse_json`],
//! [`parse_jsonl`], [`parse`]) that take an `origin` (a path or `<stdin>`) only to name
//! it in errors. [`read_path`] and [`read_paths`] do the I/O: they pick the format from
//! the file name, read, parse, and check that ids are unique across all inputs. This is
//! the only module of the crate that touches the file system.
//!
//! # Inputs
//!
//! - **Text** (any name not ending in `.json`/`.jsonl`/`.ndjson`): one document whose id
//!   is the file stem. An optional leading dateline, `date YYYY-MM-DD` before the text on
//!   the same line (` date 2023-03-02 A peaceful conclusion ...`), sets
//!   [`Document::published`]; it stays in [`Document::text`] and goes in
//!   [`Document::head`], so spans keep indexing the original bytes.
//! - **JSON** (`.json`): an array of `{ "id", "text", "published"?, "source"? }`, other
//!   fields ignored. The date comes from `published` (`YYYY-MM-DD`) only; the text is
//!   taken as it is, with no dateline recognized in it.
//! - **JSONL** (`.jsonl`, `.ndjson`, or `-` for standard input): one such object per
//!   line; blank lines are skipped.
//!
//! A UTF-8 byte order mark is accepted: in a text file it stays in the text and in the
//! head, so every offset is an offset into the file. CRLF line ends are fine.
//!
//! # What is refused
//!
//! Every refusal is an [`Error`] naming the input, a position and the reason; nothing
//! is half-read. Invalid UTF-8 (byte offset), binary data (a NUL byte, or control
//! characters other than tab, line feed, carriage return and form feed making up more
//! than 1% of the characters), empty or whitespace-only input, malformed JSON (line and
//! column), records without `id` or `text` or with fields of the wrong type, impossible
//! dates (`2023-02-30`), and ids used twice.
//!
//! ```
//! use corroborate::ingest;
//! let doc = ingest::parse_text("news/xi-visit.txt", b" date 2023-03-02 Xi met Lukashenko.")?;
//! assert_eq!(doc.id.as_str(), "xi-visit");
//! assert_eq!(doc.published.map(|d| d.to_string()).as_deref(), Some("2023-03-02"));
//! assert_eq!(doc.head.slice(&doc.text), " date 2023-03-02 ");
//! assert_eq!(doc.body().slice(&doc.text), "Xi met Lukashenko.");
//!
//! let docs = ingest::parse_jsonl("feed.jsonl", br#"{"id": "a", "text": "Xi met Lukashenko."}"#)?;
//! assert_eq!(docs[0].id.as_str(), "a");
//!
//! let err = ingest::parse_json("feed.json", b"[{\"id\": \"a\"}]").unwrap_err();
//! assert_eq!(err.kind(), corroborate::ErrorKind::MissingField);
//! assert_eq!(err.to_string(), "feed.json:1:2: record 1 has no \"text\" field");
//! # Ok::<(), corroborate::Error>(())
//! ```

use crate::error::{Error, ErrorKind, Position, Result};
use crate::model::{Date, DateParseError, DocId, Document, Span};
use serde::Deserialize;
use serde_json::error::Category;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// The path that stands for standard input (read as JSONL).
pub const STDIN_PATH: &str = "-";

/// The origin named in errors about standard input.
pub const STDIN_ORIGIN: &str = "<stdin>";

const BOM: &str = "\u{feff}";

/// How an input is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// One document of plain text, with an optional leading dateline.
    Text,
    /// A JSON array of document objects.
    Json,
    /// One JSON document object per line.
    Jsonl,
}

impl Format {
    /// The format a path is read as: `-` and `.jsonl`/`.ndjson` are JSONL, `.json` is
    /// JSON (case-insensitive), anything else is text.
    ///
    /// ```
    /// use corroborate::ingest::Format;
    /// use std::path::Path;
    /// assert_eq!(Format::from_path(Path::new("a/b.JSON")), Format::Json);
    /// assert_eq!(Format::from_path(Path::new("-")), Format::Jsonl);
    /// assert_eq!(Format::from_path(Path::new("seeds/000.txt")), Format::Text);
    /// ```
    pub fn from_path(path: &Path) -> Format {
        if path == Path::new(STDIN_PATH) {
            return Format::Jsonl;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("json") => Format::Json,
            Some("jsonl") | Some("ndjson") => Format::Jsonl,
            _ => Format::Text,
        }
    }
}

/// Parses `bytes` in `format`. `origin` names the input in errors and, for text, gives
/// the id (its file stem). Ids must be unique within the input.
pub fn parse(format: Format, origin: &str, bytes: &[u8]) -> Result<Vec<Document>> {
    let located = parse_located(format, origin, bytes.to_vec())?;
    let mut ids = IdRegistry::default();
    let mut docs = Vec::with_capacity(located.len());
    for l in located {
        ids.insert(origin, &l)?;
        docs.push(l.doc);
    }
    Ok(docs)
}

/// Parses one plain-text document. Its id is the file stem of `origin`
/// (`seeds/001_x.txt` gives `001_x`); a leading dateline sets its publication date.
pub fn parse_text(origin: &str, bytes: &[u8]) -> Result<Document> {
    text_document(origin, bytes.to_vec())
}

/// Parses a JSON array of documents `[{ "id", "text", "published"?, "source"? }, ...]`.
/// Other fields are ignored; `published` is `YYYY-MM-DD`.
pub fn parse_json(origin: &str, bytes: &[u8]) -> Result<Vec<Document>> {
    parse(Format::Json, origin, bytes)
}

/// Parses JSON Lines: one document object per line, blank lines skipped.
pub fn parse_jsonl(origin: &str, bytes: &[u8]) -> Result<Vec<Document>> {
    parse(Format::Jsonl, origin, bytes)
}

/// Reads the documents of one input (a file, or `-` for JSONL on standard input).
/// See [`read_paths`].
pub fn read_path(path: impl AsRef<Path>) -> Result<Vec<Document>> {
    read_paths([path])
}

/// Reads every input, in the format its name says ([`Format::from_path`]), and returns
/// all their documents sorted by id, so the result does not depend on the order of
/// `paths`. Fails on the first bad input, or when two documents anywhere share an id
/// (the error names both places).
pub fn read_paths<I, P>(paths: I) -> Result<Vec<Document>>
where
    I: IntoIterator<Item = P>,
    P: AsRef<Path>,
{
    let mut ids = IdRegistry::default();
    let mut docs = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let (origin, bytes) = read_bytes(path)?;
        for l in parse_located(Format::from_path(path), &origin, bytes)? {
            ids.insert(&origin, &l)?;
            docs.push(l.doc);
        }
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

/// The origin name and bytes of one input.
fn read_bytes(path: &Path) -> Result<(String, Vec<u8>)> {
    if path == Path::new(STDIN_PATH) {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| {
                Error::new(
                    ErrorKind::Io,
                    STDIN_ORIGIN,
                    Position::None,
                    format!("cannot read: {e}"),
                )
                .with_source(e)
            })?;
        return Ok((STDIN_ORIGIN.to_string(), bytes));
    }
    let origin = path.display().to_string();
    let io_error = |e: std::io::Error| {
        let message = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => format!("cannot read: {e}"),
        };
        Error::new(ErrorKind::Io, origin.clone(), Position::None, message).with_source(e)
    };
    let meta = std::fs::metadata(path).map_err(io_error)?;
    if meta.is_dir() {
        return Err(Error::new(
            ErrorKind::Io,
            origin,
            Position::None,
            "is a directory; name the files inside it (e.g. dir/*.txt)",
        ));
    }
    let bytes = std::fs::read(path).map_err(io_error)?;
    Ok((origin, bytes))
}

/// A document and where it starts in its input.
struct Located {
    doc: Document,
    at: Position,
}

fn parse_located(format: Format, origin: &str, bytes: Vec<u8>) -> Result<Vec<Located>> {
    match format {
        Format::Text => text_document(origin, bytes).map(|doc| {
            vec![Located {
                doc,
                at: Position::None,
            }]
        }),
        Format::Json => json_documents(origin, &decode(origin, bytes)?),
        Format::Jsonl => jsonl_documents(origin, &decode(origin, bytes)?),
    }
}

/// Ids seen so far and where.
#[derive(Default)]
struct IdRegistry {
    seen: BTreeMap<DocId, (String, Position)>,
}

impl IdRegistry {
    fn insert(&mut self, origin: &str, l: &Located) -> Result<()> {
        if let Some((first_origin, first_at)) = self.seen.get(&l.doc.id) {
            let first = match first_at {
                Position::None => first_origin.clone(),
                p => format!("{first_origin}:{p}"),
            };
            return Err(Error::new(
                ErrorKind::DuplicateId,
                origin,
                l.at.clone(),
                format!("duplicate id \"{}\", first used at {first}", l.doc.id),
            ));
        }
        self.seen
            .insert(l.doc.id.clone(), (origin.to_string(), l.at.clone()));
        Ok(())
    }
}

/// The bytes as text, refusing binary data and invalid UTF-8.
fn decode(origin: &str, bytes: Vec<u8>) -> Result<String> {
    // A NUL byte is the classic sign of binary data (git and grep use it too); checking
    // it first names binary files as such instead of as bad UTF-8.
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(Error::new(
            ErrorKind::Binary,
            origin,
            Position::Byte(at),
            "NUL byte; this looks like binary data, not text",
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let bad = bytes.get(at).copied().unwrap_or(0);
        let valid = String::from_utf8_lossy(&bytes[..at]);
        let (line, column) = line_column(&valid, at);
        Error::new(
            ErrorKind::InvalidUtf8,
            origin,
            Position::Byte(at),
            format!(
                "invalid UTF-8 (byte 0x{bad:02X}) on line {line}, column {column}; \
                 the input must be UTF-8 text"
            ),
        )
        .with_source(e.utf8_error())
    })
}

/// Why decoded text is binary rather than text, with the offset of the first culprit.
fn binary_reason(text: &str) -> Option<(usize, String)> {
    let bytes = text.as_bytes();
    if let Some(at) = memchr::memchr(0, bytes) {
        return Some((
            at,
            "NUL character; this looks like binary data, not text".into(),
        ));
    }
    // C0 controls other than tab, LF, FF, CR, and DEL: one byte each.
    let is_c0 = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r')) || b == 0x7f;
    // C1 controls U+0080..=U+009F are encoded 0xC2 0x80..=0x9F.
    let is_c1_at = |i: usize| matches!(bytes.get(i + 1), Some(0x80..=0x9f));
    let c0 = count_bytes(bytes, is_c0);
    let c1 = memchr::memchr_iter(0xc2, bytes)
        .filter(|&i| is_c1_at(i))
        .count();
    let controls = c0 + c1;
    if controls == 0 {
        return None;
    }
    let chars = count_bytes(bytes, |b| b & 0xc0 != 0x80);
    // Tolerate a stray control character (a form feed, an old Ctrl-Z) in real text;
    // refuse input where they are common, which text never is.
    if controls * 100 <= chars {
        return None;
    }
    let first = bytes
        .iter()
        .enumerate()
        .position(|(i, &b)| is_c0(b) || (b == 0xc2 && is_c1_at(i)))
        .unwrap_or(0);
    Some((
        first,
        format!("{controls} control characters in {chars}; this looks like binary data, not text"),
    ))
}

/// How many bytes satisfy `pred`. Counting in blocks of 255 into a `u8` lets the
/// compiler vectorize the loop with byte-wide lanes (about 5x a plain `usize` sum).
fn count_bytes(bytes: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let n = block.iter().fold(0u8, |n, &b| n + u8::from(pred(b)));
            usize::from(n)
        })
        .sum()
}

/// The 1-based line and character column of byte `at` in `text` (clamped to the text
/// and rounded down to a character boundary).
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text.as_bytes()[..at];
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let line = 1 + memchr::memchr_iter(b'\n', &before[..line_start]).count();
    let column = 1 + text[line_start..at].chars().count();
    (line, column)
}

fn line_column_position(text: &str, at: usize) -> Position {
    let (line, column) = line_column(text, at);
    Position::LineColumn { line, column }
}

/// The id of a text file: its file stem, or the whole origin when it has none.
fn stem_id(origin: &str) -> DocId {
    let stem = Path::new(origin)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(origin);
    DocId(stem.to_string())
}

fn text_document(origin: &str, bytes: Vec<u8>) -> Result<Document> {
    let text = decode(origin, bytes)?;
    if let Some((at, message)) = binary_reason(&text) {
        return Err(Error::new(
            ErrorKind::Binary,
            origin,
            Position::Byte(at),
            message,
        ));
    }
    let after_bom = if text.starts_with(BOM) { BOM.len() } else { 0 };
    let (published, head_end) = match dateline(&text, after_bom) {
        Ok(Some((date, end))) => (Some(date), end),
        Ok(None) => (None, after_bom),
        Err((at, e)) => {
            let found = text[at..].split_whitespace().next().unwrap_or("");
            let what = match e {
                DateParseError::NoSuchDay => "no such day",
                DateParseError::Shape => "expected YYYY-MM-DD",
            };
            return Err(Error::new(
                ErrorKind::InvalidDate,
                origin,
                Position::Byte(at),
                format!("dateline: {what}: \"{found}\""),
            ));
        }
    };
    if text[head_end..].trim().is_empty() {
        let message = if text.is_empty() {
            "empty file"
        } else if published.is_some() {
            "no text after the dateline"
        } else {
            "only whitespace, no text"
        };
        return Err(Error::new(
            ErrorKind::Empty,
            origin,
            Position::None,
            message,
        ));
    }
    Ok(Document {
        id: stem_id(origin),
        text,
        published,
        source: None,
        head: Span::new(0, head_end),
    })
}

/// A leading dateline at `from`: whitespace, `date` (any case), an optional colon,
/// spaces, then a `YYYY-MM-DD` token ended by whitespace or the end of the text.
/// Returns the date and where the body starts (after the whitespace that follows), or
/// the offset of a date-shaped token that is not a real date.
fn dateline(
    text: &str,
    from: usize,
) -> std::result::Result<Option<(Date, usize)>, (usize, DateParseError)> {
    let b = text.as_bytes();
    let skip_ws = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let mut i = skip_ws(from);
    if !b
        .get(i..i + 4)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"date"))
    {
        return Ok(None);
    }
    i += 4;
    if b.get(i) == Some(&b':') {
        i += 1;
    }
    if !matches!(b.get(i), Some(b' ' | b'\t')) {
        return Ok(None);
    }
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    let token_start = i;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'-') {
        i += 1;
    }
    let token = &text[token_start..i];
    // Only a token that starts like an ISO date ("2023-") makes this a dateline; prose
    // that begins with the word "date" stays prose.
    let iso_like = token.len() >= 5
        && token.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && token.as_bytes()[4] == b'-';
    let ended = i == b.len() || b[i].is_ascii_whitespace();
    if !iso_like || !ended {
        return Ok(None);
    }
    match token.parse::<Date>() {
        Ok(date) => Ok(Some((date, skip_ws(i)))),
        Err(e) => Err((token_start, e)),
    }
}

/// One JSON document object, its fields left raw so errors can point at them.
#[derive(Deserialize)]
struct RawRecord<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    text: Option<&'a RawValue>,
    #[serde(borrow, default)]
    published: Option<&'a RawValue>,
    #[serde(borrow, default)]
    source: Option<&'a RawValue>,
}

/// Byte offset of `part` inside `whole` (`part` must be a subslice of it).
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// `serde_json`'s message without its " at line L column C" suffix.
fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Converts a `serde_json` line and byte column, counted in `part` (a subslice of
/// `whole`), into a position in `whole` with a character column.
fn json_error_position(whole: &str, part: &str, e: &serde_json::Error) -> Position {
    let pb = part.as_bytes();
    let line_start = match e.line() {
        0 | 1 => 0,
        line => memchr::memchr_iter(b'\n', pb)
            .nth(line - 2)
            .map_or(pb.len(), |i| i + 1),
    };
    // serde_json reports the column just after the offending byte.
    let at = (line_start + e.column().saturating_sub(1)).min(pb.len());
    line_column_position(whole, offset_in(whole, part) + at)
}

fn json_error(origin: &str, whole: &str, part: &str, e: serde_json::Error) -> Error {
    let position = json_error_position(whole, part, &e);
    Error::new(ErrorKind::MalformedJson, origin, position, json_message(&e)).with_source(e)
}

/// Parses the records of a JSON array.
fn json_documents(origin: &str, text: &str) -> Result<Vec<Located>> {
    let body = text.strip_prefix(BOM).unwrap_or(text);
    let value_start = line_column_position(text, text.len() - body.trim_start().len());
    match body.trim_start().as_bytes().first() {
        None => {
            return Err(Error::new(
                ErrorKind::Empty,
                origin,
                Position::None,
                "empty file",
            ));
        }
        Some(b'{') => {
            return Err(Error::new(
                ErrorKind::MalformedJson,
                origin,
                value_start,
                "expected an array of documents [{...}, ...]; for one object per line, \
                 name the file .jsonl",
            ));
        }
        Some(_) => {}
    }
    let records: Vec<&RawValue> = match serde_json::from_str(body) {
        Ok(r) => r,
        Err(e) if e.classify() == Category::Data => {
            return Err(Error::new(
                ErrorKind::MalformedJson,
                origin,
                value_start,
                format!("expected an array of documents: {}", json_message(&e)),
            )
            .with_source(e));
        }
        Err(e) => return Err(json_error(origin, text, body, e)),
    };
    if records.is_empty() {
        return Err(Error::new(
            ErrorKind::Empty,
            origin,
            Position::None,
            "no documents in the array",
        ));
    }
    let mut out = Vec::with_capacity(records.len());
    let mut lines = LineTracker::new(text);
    for (i, raw) in records.into_iter().enumerate() {
        out.push(record(origin, text, raw.get(), i + 1, &mut lines)?);
    }
    Ok(out)
}

/// Parses the records of JSON Lines, one object per non-blank line.
fn jsonl_documents(origin: &str, text: &str) -> Result<Vec<Located>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut lines = LineTracker::new(text);
    let mut start = if text.starts_with(BOM) { BOM.len() } else { 0 };
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    for end in ends {
        if start > end {
            break;
        }
        let line = &text[start..end];
        start = end + 1;
        let line = line.trim_matches(JSON_SPACE);
        if line.is_empty() {
            continue;
        }
        out.push(record(origin, text, line, out.len() + 1, &mut lines)?);
    }
    if out.is_empty() {
        let message = if text.is_empty() {
            "empty file"
        } else {
            "no documents, only blank lines"
        };
        return Err(Error::new(
            ErrorKind::Empty,
            origin,
            Position::None,
            message,
        ));
    }
    Ok(out)
}

/// The characters JSON counts as whitespace (RFC 8259), other than the line feed.
const JSON_SPACE: [char; 3] = [' ', '\t', '\r'];

/// Positions of increasing offsets in one text, found in linear time overall.
struct LineTracker<'t> {
    text: &'t str,
    offset: usize,
    line: usize,
    column: usize,
}

impl<'t> LineTracker<'t> {
    fn new(text: &'t str) -> LineTracker<'t> {
        LineTracker {
            text,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    fn position(&mut self, at: usize) -> Position {
        if at < self.offset || !self.text.is_char_boundary(at) {
            return line_column_position(self.text, at);
        }
        let gap = &self.text[self.offset..at];
        match memchr::memrchr(b'\n', gap.as_bytes()) {
            Some(nl) => {
                self.line += 1 + memchr::memchr_iter(b'\n', &gap.as_bytes()[..nl]).count();
                self.column = 1 + gap[nl + 1..].chars().count();
            }
            None => self.column += gap.chars().count(),
        }
        self.offset = at;
        Position::LineColumn {
            line: self.line,
            column: self.column,
        }
    }
}

/// One document from the raw JSON object `raw` (a subslice of `text`), record `n`.
fn record(
    origin: &str,
    text: &str,
    raw: &str,
    n: usize,
    lines: &mut LineTracker<'_>,
) -> Result<Located> {
    let at = lines.position(offset_in(text, raw));
    // Checked first because serde would also read a struct from an array, by position.
    if !raw.starts_with('{') {
        if let Err(e) = serde_json::from_str::<&RawValue>(raw) {
            return Err(json_error(origin, text, raw, e));
        }
        return Err(Error::new(
            ErrorKind::MissingField,
            origin,
            at,
            format!("record {n} is not an object {{\"id\": ..., \"text\": ...}}"),
        ));
    }
    // One pass checks the syntax (JSONL lines arrive unchecked) and finds the fields.
    let fields: RawRecord<'_> = serde_json::from_str(raw).map_err(|e| match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => json_error(origin, text, raw, e),
        Category::Data => {
            let message = format!("record {n}: {}", json_message(&e));
            Error::new(ErrorKind::MalformedJson, origin, at.clone(), message).with_source(e)
        }
    })?;
    let field_at = |v: &RawValue| line_column_position(text, offset_in(text, v.get()));
    let string = |name: &str, v: &RawValue| -> Result<String> {
        json_string(origin, text, v)?.ok_or_else(|| {
            Error::new(
                ErrorKind::MissingField,
                origin,
                field_at(v),
                format!(
                    "record {n}: \"{name}\" must be a string, not {}",
                    json_kind(v)
                ),
            )
        })
    };
    let missing = |name: &str| {
        Error::new(
            ErrorKind::MissingField,
            origin,
            at.clone(),
            format!("record {n} has no \"{name}\" field"),
        )
    };

    let id_raw = fields.id.ok_or_else(|| missing("id"))?;
    let id = string("id", id_raw)?;
    if id.trim().is_empty() {
        return Err(Error::new(
            ErrorKind::MissingField,
            origin,
            field_at(id_raw),
            format!("record {n}: \"id\" is empty"),
        ));
    }

    let text_raw = fields.text.ok_or_else(|| missing("text"))?;
    let body = string("text", text_raw)?;
    if let Some((i, reason)) = binary_reason(&body) {
        return Err(Error::new(
            ErrorKind::Binary,
            origin,
            field_at(text_raw),
            format!(
                "record {n}: \"text\" at character {}: {reason}",
                body[..i].chars().count()
            ),
        ));
    }
    let head_end = if body.starts_with(BOM) { BOM.len() } else { 0 };
    if body[head_end..].trim().is_empty() {
        return Err(Error::new(
            ErrorKind::Empty,
            origin,
            field_at(text_raw),
            format!("record {n}: \"text\" is empty"),
        ));
    }

    let published = match fields.published {
        None => None,
        Some(v) => {
            let s = json_string(origin, text, v)?.ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidDate,
                    origin,
                    field_at(v),
                    format!(
                        "record {n}: \"published\" must be a date string \"YYYY-MM-DD\", not {}",
                        json_kind(v)
                    ),
                )
            })?;
            let date = s.parse::<Date>().map_err(|e| {
                let what = match e {
                    DateParseError::NoSuchDay => "no such day",
                    DateParseError::Shape => "expected YYYY-MM-DD",
                };
                Error::new(
                    ErrorKind::InvalidDate,
                    origin,
                    field_at(v),
                    format!("record {n}: \"published\": {what}: \"{s}\""),
                )
            })?;
            Some(date)
        }
    };
    let source = fields.source.map(|v| string("source", v)).transpose()?;

    Ok(Located {
        doc: Document {
            id: DocId(id),
            text: body,
            published,
            source,
            head: Span::new(0, head_end),
        },
        at,
    })
}

/// The string `v` holds, `None` if it is not a string, or an error for a string that
/// does not decode (a lone surrogate escape such as `"\ud800"`, which skipping over the
/// value as raw JSON lets through).
fn json_string(origin: &str, text: &str, v: &RawValue) -> Result<Option<String>> {
    if !v.get().starts_with('"') {
        return Ok(None);
    }
    serde_json::from_str::<String>(v.get())
        .map(Some)
        .map_err(|e| json_error(origin, text, v.get(), e))
}

/// What kind of JSON value `v` is, for messages.
fn json_kind(v: &RawValue) -> &'static str {
    match v.get().as_bytes().first() {
        Some(b'"') => "a string",
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_tracker_matches_direct_count() {
        let text = "ab\ncdé\n\nfgh";
        let mut t = LineTracker::new(text);
        for at in [0, 1, 3, 5, 7, 8, 9, 12] {
            if text.is_char_boundary(at) {
                assert_eq!(t.position(at), line_column_position(text, at), "at {at}");
            }
        }
    }

    #[test]
    fn dateline_needs_an_iso_token() {
        assert!(matches!(dateline("Date night is back.", 0), Ok(None)));
        assert!(matches!(dateline("date 2023-03-02T10:00 x", 0), Ok(None)));
        assert!(matches!(
            dateline("date: 2023-03-02\r\nText", 0),
            Ok(Some((_, 18)))
        ));
        assert!(matches!(
            dateline(" date 2023-13-01 x", 0),
            Err((6, DateParseError::NoSuchDay))
        ));
    }

    #[test]
    fn few_controls_are_tolerated_many_are_not() {
        let mut text = "a".repeat(200);
        text.push('\x1a');
        assert_eq!(binary_reason(&text), None);
        assert_eq!(binary_reason("ab\x01\x02\x03cd").map(|r| r.0), Some(2));
        assert_eq!(binary_reason("ab\u{85}").map(|r| r.0), Some(2));
    }
}
