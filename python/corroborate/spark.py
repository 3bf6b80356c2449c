"""Reconcile a large collection of articles on Apache Spark, story by story.

Usage::

    python -m corroborate.spark INPUT OUTPUT_DIR [--master local[2]] [--story-column COLUMN]

``INPUT`` is JSON Lines (``.jsonl``/``.ndjson``/``.json``, one article per line) or
Parquet (a ``.parquet`` file or a directory of them) with the columns ``id``, ``text``
and optionally ``published`` and ``source``.

How the work is split:

1. **Map** (every executor): each article's story profile
   (:func:`corroborate.story_profiles`: its weighted names, terms and numbers, its
   days, its title), made from that article alone.
2. **Stories** (the driver): the profiles are gathered and clustered
   (:func:`corroborate.stories_from_profiles`). This is the stories stage of
   ``corroborate check``, on the same profiles, so the partition is the one ``check``
   finds on the whole input. It is the one step that is not spread: its cost grows
   with the number of articles (the stage compares only articles that share rare
   keys), and the driver holds every profile (a few kilobytes an article) for it.
3. **Shuffle**: the articles are grouped by story.
4. **Reconcile** (every executor; each task takes the whole stories of one partition,
   hash-partitioned by story and sorted within it, ``mapInPandas``): the Rust core
   reconciles each story's articles as a story already found
   (``config={"stories": "found"}``), which is exactly that story's part of ``check``
   on the whole input.

So the flags equal ``check``'s on the same input: the tests compare them on the seeds
and on the development news. What can still differ: nothing in the stories or the
flags; flag and group numbers count within each story here, across the whole report in
``check``; and ``check``'s cross-story parts (the report's ``provenance`` list) are not
written. When the driver cannot hold the profiles, split the input by time (for
example one run a day) and accept that a story reported across the cut is two.

``--story-column COLUMN`` instead takes each article's story from that input column (a
curated clustering): each story is then reconciled as ``check`` would reconcile that
story's articles alone.

Outputs, as Parquet datasets:

- ``OUTPUT_DIR/flags``: one row per flag and evidence span: ``story``, ``flag`` (the
  flag's index in its story's report), ``kind``, ``severity``, ``confidence``,
  ``group``, ``doc``, ``start``, ``end`` (byte offsets into the article's text),
  ``text``, ``value``;
- ``OUTPUT_DIR/stories``: one row per story: ``story``, ``title``,
  ``first_published``, ``last_published`` (``YYYY-MM-DD`` or null), ``documents`` (the
  article ids) and ``flags`` (how many flags its report has).
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
STORIES_SCHEMA = (
    "story string, title string, first_published string, last_published string, "
    "documents array<string>, flags long"
)

# Input columns the core reads; others are dropped before the shuffle.
DOC_COLUMNS = ("id", "text", "published", "source")

# The columns of the map step's output.
PROFILE_SCHEMA = "id string, profile string"


def _records(frame) -> list[dict]:
    """Articles of a pandas frame as records, without missing values."""
    return [
        {k: v for k, v in row.items() if v is not None and v == v}
        for row in frame[list(DOC_COLUMNS)].to_dict("records")
    ]


def profiles_of_batches(batches):
    """mapInPandas: articles in, their story profiles out (one row each)."""
    import pandas as pd

    for frame in batches:
        records = _records(frame)
        profiles = corroborate.story_profiles(records) if records else []
        yield pd.DataFrame(
            {"id": [r["id"] for r in records], "profile": profiles},
            columns=["id", "profile"],
        )


def _flags_of(frame, mode: str) -> list[dict]:
    """One story's articles (a pandas frame with a ``story`` column) in, its flag rows
    out."""
    story = str(frame["story"].iloc[0])
    # One thread per task: Spark already runs one task per core.
    report = corroborate.reconcile(_records(frame), config={"threads": 1, "stories": mode})
    rows = corroborate.flags_table(report).to_pylist()
    for row in rows:
        row["story"] = story
    return rows


def _stories_in(batches):
    """The stories of a partition sorted by story, each as one frame, whole even when
    it spans two Arrow batches."""
    import pandas as pd

    pending = None
    for frame in batches:
        if frame.empty:
            continue
        # positions where the story changes; the partition is sorted by story
        stories = frame["story"]
        starts = [0] + [i for i in range(1, len(frame)) if stories.iat[i] != stories.iat[i - 1]]
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(frame)
            part = frame.iloc[start:end]
            if pending is not None and pending["story"].iat[0] == part["story"].iat[0]:
                part = pd.concat([pending, part])
                pending = None
            if pending is not None:
                yield pending
            pending = part
    if pending is not None:
        yield pending


def _flags_of_partitions(batches, mode: str):
    import pandas as pd

    columns = [c.split()[0].strip("`") for c in FLAGS_SCHEMA.split(", ")]
    for story in _stories_in(batches):
        yield pd.DataFrame(_flags_of(story, mode), columns=columns)


def flags_of_found_stories(batches):
    """mapInPandas over a partition sorted by story: the articles of the stories the
    stories stage found in, their flag rows out."""
    return _flags_of_partitions(batches, "found")


def flags_of_given_stories(batches):
    """mapInPandas over a partition sorted by story: the articles of stories of the
    input's story column in, their flag rows out (each as ``check`` on those articles
    alone)."""
    return _flags_of_partitions(batches, "cluster")


def read_articles(spark, path: str, story_column: str | None = None):
    """The articles of INPUT with the core's columns as strings, and ``story`` when a
    story column is named."""
    from pyspark.sql import functions as F

    lower = path.lower().rstrip("/")
    is_json = lower.endswith((".jsonl", ".ndjson", ".json"))
    frame = spark.read.json(path) if is_json else spark.read.parquet(path)
    needed = ["id", "text"] + ([story_column] if story_column else [])
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        error = corroborate.InputError(f"{path}: no column {', '.join(missing)}")
        error.kind, error.origin = "missing_field", path
        raise error
    for column in ("published", "source"):
        if column not in frame.columns:
            frame = frame.withColumn(column, F.lit(None).cast("string"))
    columns = [F.col(c).cast("string").alias(c) for c in DOC_COLUMNS]
    if story_column:
        columns.insert(0, F.col(story_column).cast("string").alias("story"))
    return frame.select(*columns)


def find_stories(spark, articles) -> list[dict]:
    """The stories of ``articles``: profiles made on the executors, clustered on the
    driver. Each story as ``corroborate stories`` gives it."""
    profiles = articles.select(*DOC_COLUMNS).mapInPandas(
        profiles_of_batches, schema=PROFILE_SCHEMA
    )
    gathered = [row["profile"] for row in profiles.toLocalIterator()]
    return corroborate.stories_from_profiles(gathered)["stories"]


def _story_rows(stories: list[dict]) -> list[tuple]:
    return [
        (
            str(s["id"]),
            s.get("title"),
            s.get("first_published"),
            s.get("last_published"),
            list(s["documents"]),
        )
        for s in stories
    ]


def run(spark, input_path: str, output_dir: str, story_column: str | None = None) -> dict:
    """Reconciles every story of ``input_path``; writes flags and stories under
    ``output_dir``. Returns counts and the seconds each step took."""
    from pyspark.sql import functions as F

    started = time.perf_counter()
    articles = read_articles(spark, input_path, story_column).cache()
    seconds = {}
    if story_column:
        grouped = articles
        apply = flags_of_given_stories
        stories = (
            articles.groupBy("story")
            .agg(F.sort_array(F.collect_list("id")).alias("documents"))
            .select(
                "story",
                F.lit(None).cast("string").alias("title"),
                F.lit(None).cast("string").alias("first_published"),
                F.lit(None).cast("string").alias("last_published"),
                "documents",
            )
        )
    else:
        found = find_stories(spark, articles)
        seconds["stories"] = round(time.perf_counter() - started, 2)
        assignment = spark.createDataFrame(
            [(doc, str(s["id"])) for s in found for doc in s["documents"]],
            "id string, story string",
        )
        grouped = articles.join(assignment, "id")
        apply = flags_of_found_stories
        stories = spark.createDataFrame(
            _story_rows(found),
            "story string, title string, first_published string, "
            "last_published string, documents array<string>",
        )
    flags_dir = os.path.join(output_dir, "flags")
    # Each task takes many whole stories (hash-partitioned by story, sorted within the
    # partition) in one Python call: a call per story costs more than a small story.
    partitions = max(8, 4 * spark.sparkContext.defaultParallelism)
    flags = (
        grouped.repartition(partitions, "story")
        .sortWithinPartitions("story", "id")
        .mapInPandas(apply, schema=FLAGS_SCHEMA)
    )
    flags.write.mode("overwrite").parquet(flags_dir)
    # The stories table takes its flag counts from the written flags: the core runs
    # once per story.
    flags_per_story = (
        spark.read.parquet(flags_dir)
        .groupBy("story")
        .agg(F.countDistinct("flag").alias("flags"))
    )
    stories_dir = os.path.join(output_dir, "stories")
    (
        stories.join(flags_per_story, "story", "left")
        .withColumn("flags", F.coalesce("flags", F.lit(0)))
        .orderBy("story")
        .write.mode("overwrite")
        .parquet(stories_dir)
    )
    counts = {
        "articles": articles.count(),
        "stories": spark.read.parquet(stories_dir).count(),
        "flag_rows": spark.read.parquet(flags_dir).count(),
    }
    counts["seconds"] = round(time.perf_counter() - started, 2)
    if seconds:
        counts["stories_seconds"] = seconds["stories"]
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
        description="Reconcile articles on Spark, story by story.",
    )
    parser.add_argument("input", help="JSONL or Parquet of articles")
    parser.add_argument("output_dir", help="where flags/ and stories/ are written")
    parser.add_argument("--master", default="local[2]", help="Spark master (local[2])")
    parser.add_argument(
        "--story-column",
        default=None,
        help="take each article's story from this input column instead of finding stories",
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
