"""The Spark job's flags equal `check`'s on the same stories (local[2])."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import shutil
from pathlib import Path

import pytest

import corroborate

pytestmark = [
    pytest.mark.skipif(
        importlib.util.find_spec("pyspark") is None,
        reason="pyspark is not installed (pip install pyspark): the Spark job is not tested",
    ),
    pytest.mark.skipif(
        shutil.which("java") is None and not os.environ.get("JAVA_HOME"),
        reason="no Java runtime (Spark needs Java 17+): the Spark job is not tested",
    ),
]

# Real news of the development set, where present: `story` is each article's gold event.
# $DEV_NEWS_DIR, else ../shared/dev-news beside the repository, else /work/shared/dev-news.
_REPO = Path(__file__).resolve().parents[2]
DEV_NEWS = next(
    (
        p
        for p in (
            Path(os.environ["DEV_NEWS_DIR"]) if os.environ.get("DEV_NEWS_DIR") else None,
            _REPO.parent / "shared" / "dev-news",
            Path("/work/shared/dev-news"),
        )
        if p is not None and p.is_dir()
    ),
    _REPO.parent / "shared" / "dev-news",
)

# A flag row without the numbers that count within one report (flag and group ids).
KEY = ("story", "kind", "severity", "confidence", "doc", "start", "end", "text", "value")


@pytest.fixture(scope="module")
def spark():
    from corroborate import spark as job

    session = job.session("local[2]")
    yield session
    session.stop()


def _rows(table_rows, story=None):
    """Flag rows as sorted tuples of KEY; `story` replaces each row's story."""
    return sorted(
        tuple(str(v) if k == "story" and v is not None else v
              for k, v in ((k, story if k == "story" and story is not None else r[k])
                           for k in KEY))
        for r in table_rows
    )


def _spark_flags(spark, input_path, out, story_column=None):
    from corroborate import spark as job

    job.run(spark, str(input_path), str(out), story_column)
    flags = spark.read.parquet(str(out / "flags")).collect()
    stories = {r["story"]: r.asDict() for r in spark.read.parquet(str(out / "stories")).collect()}
    return _rows(r.asDict() for r in flags), stories


def _flags_per_story(report):
    counts = {}
    for flag in report["flags"]:
        counts[str(flag["story"])] = counts.get(str(flag["story"]), 0) + 1
    return counts


def test_seeds_on_spark_equal_check(spark, seeds_jsonl, cli_check, tmp_path):
    got, stories = _spark_flags(spark, seeds_jsonl, tmp_path)
    assert got == _rows(corroborate.flags_table(cli_check).to_pylist())
    assert {k: (len(s["documents"]), s["flags"], s["title"]) for k, s in stories.items()} == {
        str(s["id"]): (len(s["documents"]), _flags_per_story(cli_check).get(str(s["id"]), 0),
                       s["title"])
        for s in cli_check["stories"]
    }


def _dev_records():
    events = {}
    with open(DEV_NEWS / "ecbplus-dev-events.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            events[row["id"]] = row["event"]
    records = [json.loads(line) for line in open(DEV_NEWS / "ecbplus-dev.jsonl", encoding="utf-8")]
    for r in records:
        r["event"] = events[r["id"]]
    return records


@pytest.mark.skipif(not DEV_NEWS.is_dir(), reason=f"no development news at {DEV_NEWS}")
def test_dev_news_on_spark_equal_check(spark, cli, tmp_path):
    """The whole development feed: stories found on Spark, flags equal to one `check`."""
    input_path = DEV_NEWS / "ecbplus-dev.jsonl"
    got, stories = _spark_flags(spark, input_path, tmp_path / "out")
    code, out, err = cli("check", "--format", "json", str(input_path))
    assert code == 0, err
    report = json.loads(out)
    assert got == _rows(corroborate.flags_table(report).to_pylist())
    assert len(got) > 50
    per_story = _flags_per_story(report)
    assert {k: (s["documents"], s["flags"]) for k, s in stories.items()} == {
        str(s["id"]): (s["documents"], per_story.get(str(s["id"]), 0))
        for s in report["stories"]
    }


@pytest.mark.skipif(not DEV_NEWS.is_dir(), reason=f"no development news at {DEV_NEWS}")
def test_dev_news_on_spark_by_story_column_equal_check_per_event(spark, cli, tmp_path):
    """Curated stories (the gold events as the input's column): each story's flags equal
    `check` on that event's articles alone."""
    records = _dev_records()
    by_event: dict[str, list[dict]] = {}
    for r in records:
        by_event.setdefault(r["event"], []).append(r)
    input_path = tmp_path / "articles.jsonl"
    input_path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")

    got, stories = _spark_flags(spark, input_path, tmp_path / "out", story_column="event")
    expected = []
    for event, docs in sorted(by_event.items()):
        path = tmp_path / f"{event}.jsonl"
        path.write_bytes(corroborate.to_jsonl(docs))
        code, out, err = cli("check", "--format", "json", str(path))
        assert code == 0, err
        expected += _rows(corroborate.flags_table(json.loads(out)).to_pylist(), event)
    assert got == sorted(expected)
    assert len(stories) == len(by_event)
    assert sum(len(s["documents"]) for s in stories.values()) == len(records)
