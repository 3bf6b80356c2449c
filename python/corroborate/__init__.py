"""Claim-level fact reconciliation across news sources, from Python.

The Rust crate ``corroborate`` does the work; this package hands it documents and gives
back what its command line prints with ``--format json``, as Python objects:

- :func:`reconcile` is ``corroborate check --format json``,
- :func:`segment` is ``corroborate segment --format json``,
- :func:`extract` is ``corroborate extract --format json``,
- :func:`stories` is ``corroborate stories --format json``, and
  :func:`story_profiles` with :func:`stories_from_profiles` is the same split in two
  (each document profiled where it is, the profiles clustered in one place), as a run
  spread over many machines does it,
- :func:`flags_table` turns a report into a ``pyarrow.Table``, one row per flag and
  evidence span.

Documents are a list of mappings ``{"id", "text", "published"?, "source"?}`` (other keys
are ignored), a ``pyarrow.Table`` with those columns, or JSON Lines text (``str`` or
``bytes``) as the CLI reads it. They are checked by the crate's own reader, so bad input
raises :class:`InputError` (a ``ValueError``) with the CLI's message and position:
record *n* is line *n* of :func:`to_jsonl`'s output, which the CLI reads identically.
The position is also in the error's attributes ``kind`` (``"malformed_json"``,
``"missing_field"``, ``"duplicate_id"``, ``"config"``, ...), ``origin``, ``line``,
``column`` and ``byte`` (``None`` where the message gives no such position).

The GIL is released while the Rust core works, so threads calling in parallel run in
parallel.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from collections.abc import Iterable, Mapping
from typing import Any

from . import _native
from ._native import InputError

__all__ = [
    "InputError",
    "extract",
    "flags_table",
    "reconcile",
    "segment",
    "stories",
    "stories_from_profiles",
    "story_profiles",
    "to_jsonl",
]

# What an InputError raised without a position carries (the native module sets these
# on each error it raises).
for _attribute in ("kind", "origin", "line", "column", "byte"):
    setattr(InputError, _attribute, None)


def _refuse(message: str, *, kind: str, origin: str, line: int | None = None) -> InputError:
    """An InputError with its attributes, for refusals made on the Python side."""
    error = InputError(message)
    error.kind, error.origin, error.line = kind, origin, line
    return error

# Names the input in error messages, where the CLI names the file.
_ORIGIN = "docs"

# The settings `config=` accepts, with the type each must have.
_SETTINGS = {
    "threads": int,
    "align_threshold": float,
    "min_confidence": str,
    "stories": str,
}


def _plain(value: Any) -> Any:
    """A JSON-ready value: dates as ``YYYY-MM-DD`` (a timestamp keeps its day)."""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def _is_arrow_table(docs: Any) -> bool:
    return hasattr(docs, "to_pylist") and hasattr(docs, "column_names")


def to_jsonl(docs: Any) -> bytes:
    """The documents as JSON Lines, one record per line, as the Rust core reads them.

    Missing values (``None``) are left out, so a pyarrow column with nulls reads as an
    absent field. Writing the result to a ``.jsonl`` file gives the CLI the same
    documents, and its errors the same positions.
    """
    if isinstance(docs, bytes):
        return docs
    if isinstance(docs, str):
        return docs.encode("utf-8")
    if _is_arrow_table(docs):
        docs = docs.to_pylist()
    if isinstance(docs, Mapping) or not isinstance(docs, Iterable):
        raise _refuse(
            f"{_ORIGIN}: expected a list of documents or a pyarrow Table, "
            f"got {type(docs).__name__}",
            kind="malformed_json",
            origin=_ORIGIN,
        )
    lines = []
    for number, record in enumerate(docs, start=1):
        if isinstance(record, Mapping):
            record = {str(k): _plain(v) for k, v in record.items() if v is not None}
        try:
            lines.append(
                _json.dumps(record, ensure_ascii=False, separators=(",", ":"))
            )
        except (TypeError, ValueError) as e:
            raise _refuse(
                f"{_ORIGIN}:{number}: record {number}: {e}",
                kind="malformed_json",
                origin=_ORIGIN,
                line=number,
            ) from None
    return "\n".join(lines).encode("utf-8")


def _settings(config: Mapping[str, Any] | None) -> dict[str, Any]:
    if config is None:
        return {}
    if not isinstance(config, Mapping):
        raise _refuse(
            f"config: expected a dict, got {type(config).__name__}",
            kind="config",
            origin="config",
        )
    settings = {}
    for key, value in config.items():
        kind = _SETTINGS.get(key)
        if kind is None:
            known = ", ".join(sorted(_SETTINGS))
            raise _refuse(
                f"config: unknown setting {key!r} (known: {known})",
                kind="config",
                origin="config",
            )
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise _refuse(
                f"config: {key} = {value!r}: must be of type {kind.__name__}",
                kind="config",
                origin="config",
            )
        if kind is int and value < 0:
            raise _refuse(
                f"config: {key} = {value}: must be at least 0",
                kind="config",
                origin="config",
            )
        settings[key] = value
    return settings


def reconcile(docs: Any, *, config: Mapping[str, Any] | None = None) -> dict:
    """The report of ``corroborate check --format json`` on ``docs``.

    ``config`` may set ``threads`` (0: every core; the output never depends on it),
    ``align_threshold`` (the minimum alignment score, 0 to 1), ``min_confidence``
    (``"high"``, ``"medium"`` or ``"low"``, the CLI's ``--min-confidence``) and
    ``stories``: ``"cluster"`` (the default: the documents are partitioned into stories),
    ``"one"`` (they are one curated cluster, aligned with the filter that sets apart
    documents sharing little) or ``"found"`` (they are one story that
    :func:`stories_from_profiles` found: the report is that story's part of the report on
    the whole feed). A value out of range raises :class:`InputError`.
    """
    settings = _settings(config)
    return _json.loads(_native.check_json(to_jsonl(docs), _ORIGIN, **settings))


def segment(docs: Any) -> dict:
    """Sentences with byte spans: ``corroborate segment --format json``."""
    return _json.loads(_native.segment_json(to_jsonl(docs), _ORIGIN))


def extract(docs: Any, *, config: Mapping[str, Any] | None = None) -> dict:
    """Actors, quotations, times and quantities: ``corroborate extract --format json``.

    Only ``threads`` of ``config`` matters here.
    """
    settings = _settings(config)
    threads = settings.get("threads")
    return _json.loads(_native.extract_json(to_jsonl(docs), _ORIGIN, threads=threads))


# One row per flag and evidence span.
_FLAG_COLUMNS = [
    ("flag", "int64"),
    ("story", "int64"),
    ("kind", "string"),
    ("severity", "string"),
    ("confidence", "string"),
    ("group", "int64"),
    ("doc", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("value", "string"),
]


def stories(docs: Any, *, config: Mapping[str, Any] | None = None) -> dict:
    """The documents partitioned into stories, one per real-world happening:
    ``corroborate stories --format json``.

    Only ``threads`` of ``config`` matters here.
    """
    settings = _settings(config)
    threads = settings.get("threads")
    return _json.loads(_native.stories_json(to_jsonl(docs), _ORIGIN, threads=threads))


def story_profiles(docs: Any) -> list[str]:
    """Each document's story profile (JSON text, a few kilobytes), in the order of
    ``docs``: what the stories stage reads of a document, made from that document
    alone, so it can be made wherever the document is (the map step of a distributed
    run). :func:`stories_from_profiles` clusters them.
    """
    return _native.story_profiles_json(to_jsonl(docs), _ORIGIN)


def stories_from_profiles(
    profiles: Iterable[str], *, config: Mapping[str, Any] | None = None
) -> dict:
    """The stories of the documents whose :func:`story_profiles` are given, in any
    order: equal to :func:`stories` of those documents.

    Only ``threads`` of ``config`` matters here. Profiles made by another version of
    the library, or two of one document, raise :class:`InputError`.
    """
    settings = _settings(config)
    threads = settings.get("threads")
    return _json.loads(
        _native.stories_of_profiles_json(list(profiles), "profiles", threads=threads)
    )


def flags_table(report: Mapping[str, Any]):
    """The report's flags as a ``pyarrow.Table``, one row per flag and evidence span.

    Columns: ``flag`` (the flag's index in ``report["flags"]``), ``story`` (the id of
    its story in ``report["stories"]``), ``kind``, ``severity``,
    ``confidence``, ``group``, ``doc``, ``start``, ``end`` (byte offsets into the
    document's text), ``text`` and ``value`` (the normalized value, or null).
    """
    import pyarrow as pa

    columns: dict[str, list] = {name: [] for name, _ in _FLAG_COLUMNS}
    for index, flag in enumerate(report.get("flags", [])):
        for evidence in flag.get("evidence", []):
            value = evidence.get("value")
            row = {
                "flag": index,
                "story": flag.get("story"),
                "kind": flag.get("kind"),
                "severity": flag.get("severity"),
                "confidence": flag.get("confidence"),
                "group": flag.get("group"),
                "doc": evidence.get("doc"),
                "start": evidence.get("start"),
                "end": evidence.get("end"),
                "text": evidence.get("text"),
                "value": None if value is None else str(value),
            }
            for name, _ in _FLAG_COLUMNS:
                columns[name].append(row[name])
    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in _FLAG_COLUMNS])
    return pa.table(columns, schema=schema)
