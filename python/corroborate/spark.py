"""Reconcile a large collection of articles on Apache Spark, one story per task.

Usage::

    python -m corroborate.spark INPUT OUTPUT_DIR [--master local[2]] [--story-column story]

``INPUT`` is JSON Lines (``.jsonl``/``.ndjson``/``.json``, one article per line) or
Parquet (a ``.parquet`` file or a directory of them) with the columns ``id``, ``text``
and optionally ``published``, ``source`` and ``story``.

How the work is split: articles are grouped by their ``story`` column (one shuffle);
each story goes, as one pandas frame, to a Python worker (``applyInPandas``) that hands
it to the Rust core (:func:`corroborate.reconcile`), exactly as ``corroborate check``
would run on that story's articles alone. Stories are independent, so they run in
parallel across cores and machines; inside a story the core uses one thread per task.

Stories: until the library has a stories stage of its own, the story of an article is
the input's ``story`` column; without one, every article is in one story (one task, so
no parallelism, and the output equals ``check`` on the whole input). A story key made
by the core (extract per article, then group by key) can replace the column when that
stage lands.

What can differ from one ``check`` on the whole input: claims are aligned only within a
story, so two articles of one event under two story keys are never compared (their
disagreements are missed), and articles of two events under one key are compared as if
they told one story. Given one story per event, each story's flags equal ``check`` on
that story's articles.

Outputs, as Parquet datasets:

- ``OUTPUT_DIR/flags``: one row per flag and evidence span: ``story``, ``flag`` (the
  flag's index in its story's report), ``kind``, ``severity``, ``confidence``,
  ``group``, ``doc``, ``start``, ``end`` (byte offsets into the article's text),
  ``text``, ``value``;
- ``OUTPUT_DIR/stories``: one row per story: ``story``, ``documents`` (articles) and
  ``flags`` (how many flags its report has).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import corroborate

# Flag rows, as written to OUTPUT_DIR/flags (Spark DDL).
FLAGS_SCHEMA = (
    "story string, flag long, kind string, severity string, confidence string, "
    "`group` long, doc string, start long, `end` long, text string, value string"
)

# One row per story (Spark DDL).
STORIES_SCHEMA = "story string, documents long, flags long"

# Input columns the core reads; others are dropped before the shuffle.
DOC_COLUMNS = ("id", "text", "published", "source")

# The story of every article when the input has no story column.
ONE_STORY = "all"


def _records(frame) -> list[dict]:
    """A story's articles as records, without missing values."""
    return [
        {k: v for k, v in row.items() if v is not None and v == v}
        for row in frame[list(DOC_COLUMNS)].to_dict("records")
    ]


def flags_of_story(frame):
    """applyInPandas: one story's articles in, its flag rows out."""
    import pandas as pd

    story = str(frame["story"].iloc[0])
    # One thread per task: Spark already runs one task per core.
    report = corroborate.reconcile(_records(frame), config={"threads": 1})
    rows = corroborate.flags_table(report).to_pylist()
    for row in rows:
        row["story"] = story
    columns = [c.split()[0].strip("`") for c in FLAGS_SCHEMA.split(", ")]
    return pd.DataFrame(rows, columns=columns)


def read_articles(spark, path: str, story_column: str):
    """The articles of INPUT with a string ``story`` column and the core's columns."""
    from pyspark.sql import functions as F

    lower = path.lower().rstrip("/")
    is_json = lower.endswith((".jsonl", ".ndjson", ".json"))
    frame = spark.read.json(path) if is_json else spark.read.parquet(path)
    missing = [c for c in ("id", "text") if c not in frame.columns]
    if missing:
        raise corroborate.InputError(f"{path}: no column {', '.join(missing)}")
    for column in ("published", "source"):
        if column not in frame.columns:
            frame = frame.withColumn(column, F.lit(None).cast("string"))
    if story_column in frame.columns:
        story = F.col(story_column).cast("string")
    else:
        story = F.lit(ONE_STORY)
    return frame.select(
        story.alias("story"),
        *[F.col(c).cast("string").alias(c) for c in DOC_COLUMNS],
    )


def run(spark, input_path: str, output_dir: str, story_column: str = "story") -> dict:
    """Reconciles every story of ``input_path``; writes flags and stories under
    ``output_dir``. Returns counts and the seconds it took."""
    from pyspark.sql import functions as F

    started = time.perf_counter()
    articles = read_articles(spark, input_path, story_column).cache()
    flags_dir = os.path.join(output_dir, "flags")
    flags = articles.groupBy("story").applyInPandas(flags_of_story, schema=FLAGS_SCHEMA)
    flags.write.mode("overwrite").parquet(flags_dir)
    # The stories table comes from the written flags: the core runs once per story.
    flags_per_story = (
        spark.read.parquet(flags_dir)
        .groupBy("story")
        .agg(F.countDistinct("flag").alias("flags"))
    )
    stories = (
        articles.groupBy("story")
        .agg(F.count("*").alias("documents"))
        .join(flags_per_story, "story", "left")
        .select("story", "documents", F.coalesce("flags", F.lit(0)).alias("flags"))
        .orderBy("story")
    )
    stories.write.mode("overwrite").parquet(os.path.join(output_dir, "stories"))
    counts = {
        "articles": articles.count(),
        "stories": spark.read.parquet(os.path.join(output_dir, "stories")).count(),
        "flag_rows": spark.read.parquet(os.path.join(output_dir, "flags")).count(),
    }
    counts["seconds"] = round(time.perf_counter() - started, 2)
    articles.unpersist()
    return counts


def session(master: str):
    """A Spark session whose Python workers use this interpreter (and its packages)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(master)
        .appName("corroborate")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m corroborate.spark",
        description="Reconcile articles on Spark, one story per task.",
    )
    parser.add_argument("input", help="JSONL or Parquet of articles")
    parser.add_argument("output_dir", help="where flags/ and stories/ are written")
    parser.add_argument("--master", default="local[2]", help="Spark master (local[2])")
    parser.add_argument(
        "--story-column", default="story", help="the column naming each article's story"
    )
    args = parser.parse_args(argv)
    spark = session(args.master)
    try:
        counts = run(spark, args.input, args.output_dir, args.story_column)
    except corroborate.InputError as e:
        print(f"corroborate: {e}", file=sys.stderr)
        return 1
    finally:
        spark.stop()
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
