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

KEY = ("story", "flag", "kind", "severity", "confidence", "group", "doc", "start", "end",
       "text", "value")


@pytest.fixture(scope="module")
def spark():
    from corroborate import spark as job

    session = job.session("local[2]")
    yield session
    session.stop()


def _rows(table_rows, story):
    return sorted(tuple(({**r, "story": story})[k] for k in KEY) for r in table_rows)


def _spark_flags(spark, input_path, out):
    from corroborate import spark as job

    job.run(spark, str(input_path), str(out))
    flags = spark.read.parquet(str(out / "flags")).collect()
    stories = {r["story"]: r.asDict() for r in spark.read.parquet(str(out / "stories")).collect()}
    return sorted(tuple(r[k] for k in KEY) for r in flags), stories


def test_seeds_on_spark_equal_check(spark, seeds_jsonl, cli_check, tmp_path):
    got, stories = _spark_flags(spark, seeds_jsonl, tmp_path)
    expected = _rows(corroborate.flags_table(cli_check).to_pylist(), "all")
    assert got == expected
    assert stories == {"all": {"story": "all", "documents": 5, "flags": len(cli_check["flags"])}}


@pytest.mark.skipif(not DEV_NEWS.is_dir(), reason=f"no development news at {DEV_NEWS}")
def test_dev_news_on_spark_equal_check_per_event(spark, cli, tmp_path):
    events = {}
    with open(DEV_NEWS / "ecbplus-dev-events.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            events[row["id"]] = row["event"]
    records = [json.loads(line) for line in open(DEV_NEWS / "ecbplus-dev.jsonl", encoding="utf-8")]
    by_event: dict[str, list[dict]] = {}
    for r in records:
        r["story"] = events[r["id"]]
        by_event.setdefault(r["story"], []).append(r)
    input_path = tmp_path / "articles.jsonl"
    input_path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")

    got, stories = _spark_flags(spark, input_path, tmp_path / "out")
    expected = []
    for event, docs in sorted(by_event.items()):
        path = tmp_path / f"{event}.jsonl"
        path.write_bytes(corroborate.to_jsonl(docs))
        code, out, err = cli("check", "--format", "json", str(path))
        assert code == 0, err
        expected += _rows(corroborate.flags_table(json.loads(out)).to_pylist(), event)
    assert got == sorted(expected)
    assert len(stories) == len(by_event)
    assert sum(s["documents"] for s in stories.values()) == len(records)
