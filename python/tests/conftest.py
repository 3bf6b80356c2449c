"""Shared fixtures: the repository's seeds as records, and the CLI to compare with."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

# A seed's optional leading dateline, ` date YYYY-MM-DD `, as the CLI's text reader knows it.
DATELINE = re.compile(r"\A\ufeff?\s*date (\d{4}-\d{2}-\d{2})\s+")


def seed_records() -> list[dict]:
    """The seeds as JSON records: the dateline moves to `published`."""
    records = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        record = {"id": path.stem, "text": text}
        m = DATELINE.match(text)
        if m:
            record["text"] = text[m.end():]
            record["published"] = m.group(1)
        records.append(record)
    return records


def _binary() -> Path:
    """The CLI: $CORROBORATE_BIN, else a built binary of this checkout, else built now."""
    given = os.environ.get("CORROBORATE_BIN")
    if given:
        return Path(given)
    for profile in ("release", "debug"):
        candidate = REPO / "target" / profile / "corroborate"
        if candidate.exists():
            return candidate
    subprocess.run(
        ["cargo", "build", "--quiet", "--bin", "corroborate"], cwd=REPO, check=True
    )
    return REPO / "target" / "debug" / "corroborate"


@pytest.fixture(scope="session")
def cli():
    """Runs the CLI; returns (exit code, stdout, stderr)."""
    binary = _binary()

    def run(*args: str) -> tuple[int, str, str]:
        done = subprocess.run(
            [str(binary), "--quiet", *args], capture_output=True, text=True
        )
        return done.returncode, done.stdout, done.stderr

    return run


@pytest.fixture(scope="session")
def seeds() -> list[dict]:
    return seed_records()


@pytest.fixture(scope="session")
def seeds_jsonl(tmp_path_factory, seeds) -> Path:
    """The seed records written as the CLI reads them."""
    import corroborate

    path = tmp_path_factory.mktemp("seeds") / "seeds.jsonl"
    path.write_bytes(corroborate.to_jsonl(seeds))
    return path


@pytest.fixture(scope="session")
def cli_check(cli, seeds_jsonl) -> dict:
    code, out, err = cli("check", "--format", "json", str(seeds_jsonl))
    assert code == 0, err
    return json.loads(out)
