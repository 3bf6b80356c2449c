"""The Python API gives what the CLI prints, refuses what it refuses, and is thread-safe."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

import corroborate


def test_seeds_report_equals_the_cli(seeds, cli_check):
    report = corroborate.reconcile(seeds)
    assert report == cli_check
    # The five disagreements of the seeds are there (the report is not trivially empty).
    assert len(report["flags"]) >= 5


def test_seeds_flags_match_the_text_files(seeds, cli):
    """The seeds read as text files (dateline in the text) give the same flags."""
    from conftest import SEEDS

    code, out, err = cli("check", "--format", "json", *map(str, sorted(SEEDS.glob("*.txt"))))
    assert code == 0, err
    from_files = json.loads(out)
    report = corroborate.reconcile(seeds)
    assert [(f["kind"], f["severity"]) for f in report["flags"]] == [
        (f["kind"], f["severity"]) for f in from_files["flags"]
    ]


@pytest.mark.parametrize("command", ["segment", "extract", "stories"])
def test_segment_extract_and_stories_equal_the_cli(command, seeds, seeds_jsonl, cli):
    code, out, err = cli(command, "--format", "json", str(seeds_jsonl))
    assert code == 0, err
    assert getattr(corroborate, command)(seeds) == json.loads(out)


def test_config_is_applied_and_checked(seeds, cli_check):
    assert corroborate.reconcile(seeds, config={"threads": 1}) == cli_check
    high = corroborate.reconcile(seeds, config={"min_confidence": "high"})
    assert all(f["confidence"] == "high" for f in high["flags"])
    strict = corroborate.reconcile(seeds, config={"align_threshold": 0.9})
    assert len(strict["groups"]) <= len(cli_check["groups"])
    for bad, words in [
        ({"threads": 100_000}, "threads = 100000"),
        ({"align_threshold": 2.0}, "align.threshold = 2"),
        ({"min_confidence": "certain"}, "min_confidence = certain"),
        ({"speed": 3}, "unknown setting 'speed'"),
        ({"threads": "two"}, "must be of type int"),
        ({"stories": "all"}, "stories = all: must be one of cluster, one, found"),
    ]:
        with pytest.raises(corroborate.InputError, match="config: ") as caught:
            corroborate.reconcile(seeds, config=bad)
        assert words in str(caught.value)
        assert (caught.value.kind, caught.value.origin) == ("config", "config")
        assert caught.value.line is None


def test_story_modes(seeds, cli_check):
    assert corroborate.reconcile(seeds, config={"stories": "cluster"}) == cli_check
    # the seeds are one story: found as such, they give the same report
    assert len(cli_check["stories"]) == 1
    assert corroborate.reconcile(seeds, config={"stories": "found"}) == cli_check
    one = corroborate.reconcile(seeds, config={"stories": "one"})
    assert [s["documents"] for s in one["stories"]] == [sorted(d["id"] for d in seeds)]


# Each bad input: the records (or JSON Lines text) and the start of the CLI's message.
BAD_INPUTS = {
    "invalid JSON record": '{"id": "a", "text": "Xi met Lukashenko."}\n{"id": "b", "text": ',
    "missing field": [{"id": "a", "text": "Xi met Lukashenko."}, {"id": "b"}],
    "duplicate id": [
        {"id": "a", "text": "Xi met Lukashenko."},
        {"id": "a", "text": "Lukashenko met Xi."},
    ],
    "empty text": [{"id": "a", "text": "Xi met Lukashenko."}, {"id": "b", "text": "  "}],
    "impossible date": [{"id": "a", "text": "Xi met.", "published": "2023-02-30"}],
    "wrong type": [{"id": 7, "text": "Xi met Lukashenko."}],
    "not an object": [5],
    "no documents": [],
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_raises_the_cli_message(name, tmp_path, cli):
    docs = BAD_INPUTS[name]
    path = tmp_path / "docs.jsonl"
    path.write_bytes(corroborate.to_jsonl(docs))
    code, out, err = cli("check", "--format", "json", str(path))
    assert code == 1 and out == ""
    expected = err.strip().removeprefix("corroborate: ").replace(str(path), "docs")
    for call in (corroborate.reconcile, corroborate.segment, corroborate.extract):
        with pytest.raises(corroborate.InputError) as caught:
            call(docs)
        assert isinstance(caught.value, ValueError)
        assert str(caught.value) == expected
        # the position in the message is also in the attributes
        error = caught.value
        assert error.kind and error.origin
        place = ":".join(str(p) for p in (error.line, error.column) if p is not None)
        if error.byte is not None:
            place = f"byte {error.byte}"
        prefix = f"{error.origin}:{place}: " if place else f"{error.origin}: "
        assert str(error).startswith(prefix), (str(error), prefix)


def test_positions_are_attributes():
    with pytest.raises(corroborate.InputError) as caught:
        corroborate.reconcile('{"id": "a", "text": "Xi met Lukashenko."}\n{"id": "b"}')
    assert (caught.value.kind, caught.value.origin, caught.value.line) == (
        "missing_field", "docs", 2)
    with pytest.raises(corroborate.InputError) as caught:
        corroborate.reconcile([{"id": "a", "text": "Xi met.", "source": object()}])
    assert (caught.value.kind, caught.value.line) == ("malformed_json", 1)


def test_stories_from_profiles_equal_stories():
    import random

    docs = [
        {"id": "q1", "text": "Quake hits Qeshm island\n\nA 5.6-magnitude earthquake struck Qeshm island off southern Iran on Sunday, injuring five people."},
        {"id": "q2", "text": "Five hurt as quake jolts Qeshm\n\nAn earthquake measuring 5.6 jolted Qeshm island in the Gulf on Sunday; five people were injured."},
        {"id": "m1", "text": "Apple unveils MacBook Pro at WWDC\n\nApple CEO Tim Cook unveiled a new MacBook Pro with Ivy Bridge chips at WWDC in San Francisco."},
        {"id": "m2", "published": "2012-06-11", "text": "New MacBook Pro shown at WWDC\n\nTim Cook showed Apple's new MacBook Pro at WWDC in San Francisco on Monday."},
    ]
    profiles = corroborate.story_profiles(docs)
    assert len(profiles) == len(docs) and all(isinstance(p, str) for p in profiles)
    random.Random(7).shuffle(profiles)
    assert corroborate.stories_from_profiles(profiles) == corroborate.stories(docs)
    with pytest.raises(corroborate.InputError, match="share the id") as caught:
        corroborate.stories_from_profiles(profiles + profiles[:1])
    assert caught.value.kind == "duplicate_id"
    with pytest.raises(corroborate.InputError, match="not a story profile") as caught:
        corroborate.stories_from_profiles(profiles + ["{}"])
    assert (caught.value.line, caught.value.origin) == (len(profiles) + 1, "profiles")


def test_input_that_is_not_json_is_refused():
    with pytest.raises(corroborate.InputError, match=r"docs:1: record 1: "):
        corroborate.reconcile([{"id": "a", "text": "Xi met.", "source": object()}])
    with pytest.raises(corroborate.InputError, match="expected a list of documents"):
        corroborate.reconcile({"id": "a", "text": "Xi met."})


def test_pyarrow_round_trip(seeds, cli_check):
    pa = pytest.importorskip("pyarrow")
    pc = pytest.importorskip("pyarrow.compute")
    # from_pylist takes its columns from the first record, which has no date: name them.
    schema = pa.schema([("id", pa.string()), ("text", pa.string()), ("published", pa.string())])
    table = pa.Table.from_pylist(seeds, schema=schema)
    assert corroborate.reconcile(table) == cli_check
    # A date column and nulls read as the CLI reads dates and absent fields.
    dated = table.set_column(
        table.schema.get_field_index("published"),
        "published",
        pc.cast(table["published"], pa.date32()),
    )
    assert corroborate.reconcile(dated) == cli_check

    flags = corroborate.flags_table(cli_check)
    assert flags.num_rows == sum(len(f["evidence"]) for f in cli_check["flags"])
    texts = {r["id"]: r["text"].encode("utf-8") for r in seeds}
    for row in flags.to_pylist():
        flag = cli_check["flags"][row["flag"]]
        assert row["kind"] == flag["kind"] and row["group"] == flag["group"]
        assert texts[row["doc"]][row["start"]:row["end"]].decode("utf-8") == row["text"]
    # Through Parquet and back, nothing changes.
    import io

    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    pq.write_table(flags, buffer)
    assert pq.read_table(io.BytesIO(buffer.getvalue())).equals(flags)


def test_threads_calling_in_parallel_agree(seeds, cli_check):
    def one(i: int) -> dict:
        return corroborate.reconcile(seeds, config={"threads": 1 + i % 2})

    with ThreadPoolExecutor(max_workers=4) as pool:
        reports = list(pool.map(one, range(8)))
    assert all(r == cli_check for r in reports)
