"""The Spark job's walk over a partition sorted by story: every story whole, once, even
when Arrow cuts the partition into batches inside a story (no Spark needed)."""

from __future__ import annotations

import pytest

pd = pytest.importorskip("pandas")


def test_stories_are_whole_across_batch_cuts():
    from corroborate.spark import _stories_in

    rows = [("1", "a"), ("1", "b"), ("2", "c"), ("3", "d"), ("3", "e"), ("3", "f"), ("4", "g")]
    frame = pd.DataFrame(rows, columns=["story", "id"])
    for cuts in ([], [1], [2], [1, 4], [4, 5], [3, 4, 6], list(range(1, len(rows)))):
        bounds = [0, *cuts, len(rows)]
        batches = [frame.iloc[a:b] for a, b in zip(bounds, bounds[1:])]
        batches.insert(1, frame.iloc[0:0])  # an empty batch changes nothing
        got = [(f["story"].iat[0], list(f["id"])) for f in _stories_in(iter(batches))]
        assert got == [
            ("1", ["a", "b"]),
            ("2", ["c"]),
            ("3", ["d", "e", "f"]),
            ("4", ["g"]),
        ], cuts
