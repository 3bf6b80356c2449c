"""Reconcile the repository's five sample articles from Python and list the flags.

Run from the repository root after `pip install ./python` (and `pip install pyarrow`
for the table):

    python python/examples/reconcile_seeds.py
"""

import re
from pathlib import Path

import corroborate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# A seed may start with a dateline, ` date YYYY-MM-DD `: it becomes `published`.
DATELINE = re.compile(r"\A\ufeff?\s*date (\d{4}-\d{2}-\d{2})\s+")

docs = []
for path in sorted(SEEDS.glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    doc = {"id": path.stem, "text": text}
    if m := DATELINE.match(text):
        doc.update(text=text[m.end():], published=m.group(1))
    docs.append(doc)

report = corroborate.reconcile(docs)
print(f"{len(report['groups'])} aligned groups, {len(report['flags'])} flags")
for flag in report["flags"]:
    print(f"- {flag['kind']} ({flag['severity']}, {flag['confidence']}): {flag['summary']}")

try:
    table = corroborate.flags_table(report)
except ImportError:
    print("(pip install pyarrow for corroborate.flags_table)")
else:
    print(table.select(["flag", "kind", "doc", "start", "end", "text"]))
