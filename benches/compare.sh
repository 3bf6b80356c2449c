#!/usr/bin/env bash
# Side-by-side benchmark: corroborate's alignment against MinHash-LSH baselines
# (gaoya, rensa; datasketch with PEERS="gaoya rensa datasketch"), in one run on one
# machine, on corpora made by this repository's generator (corpus/, the
# corroborate-corpus crate). Only the baselines come from outside the repository: the
# peer scripts in ../shared/bench/peers; with PEERS="" nothing outside is needed.
#
# Usage: benches/compare.sh [SIZE...]     SIZE in 1k 10k 100k 1m (default: 100k)
# Env:   DATA (default bench-data, git-ignored), BENCH (default ../shared/bench, for
#        the peers), SEED (default 1), PEERS (default "gaoya rensa"; "" for none),
#        PEER_TIMEOUT (seconds, default 900).
# Needs: python3 with `pip install -r ../shared/bench/requirements.txt` for the peers.
# Prints one JSON line per run and a Markdown table with each tool's ratio to the
# fastest baseline (time and peak memory).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH:-$ROOT/../shared/bench}
DATA=${DATA:-$ROOT/bench-data}
SEED=${SEED:-1}
PEERS=${PEERS-gaoya rensa}
PEER_TIMEOUT=${PEER_TIMEOUT:-900}
SIZES=${*:-100k}

cd "$ROOT"
cargo build --release --quiet --example align_corpus
cargo build --release --quiet -p corroborate-corpus
OURS="$ROOT/target/release/examples/align_corpus"
GENERATE="$ROOT/target/release/corroborate-corpus"

events_for() {
  case "$1" in
    1k) echo 12 ;; 10k) echo 125 ;; 100k) echo 1250 ;; 1m) echo 12500 ;;
    *) echo "unknown size $1 (1k 10k 100k 1m)" >&2; exit 2 ;;
  esac
}

for size in $SIZES; do
  dir="$DATA/$size-seed$SEED"
  # Always generated afresh (1M sentences take seconds), so a corpus left by an older
  # generator is never measured by mistake.
  echo "generating $dir" >&2
  "$GENERATE" --events "$(events_for "$size")" --sources 5 \
    --sentences-per-event 20 --seed "$SEED" --out "$dir" >&2
  out="$DATA/compare-$size-seed$SEED.jsonl"
  : > "$out"
  echo "== $size: corroborate (1 thread, then all cores), reference sentence boundaries" >&2
  "$OURS" "$dir" --threads 1 | tee -a "$out"
  "$OURS" "$dir" | tee -a "$out"
  echo "== $size: corroborate end to end with its own segmenter" >&2
  "$OURS" "$dir" --segment ours | tee -a "$out"
  for peer in $PEERS; do
    case "$peer" in
      gaoya) script=gaoya_lsh.py ;;
      rensa) script=rensa_lsh.py ;;
      datasketch) script=minhash_lsh.py ;;
      *) echo "unknown peer $peer" >&2; continue ;;
    esac
    extra=()
    [ "$size" = 1m ] && extra=(--lsh-threshold 0.5)
    echo "== $size: $peer" >&2
    timeout "$PEER_TIMEOUT" python3 "$BENCH/peers/$script" "$dir" "${extra[@]}" | tee -a "$out" \
      || echo "{\"tool\": \"$peer\", \"skipped\": \"timeout ${PEER_TIMEOUT}s or error\"}" | tee -a "$out"
  done
  python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
done = [r for r in rows if "skipped" not in r]
peers = [r for r in done if not r["tool"].startswith("corroborate")]
fast = min(peers, key=lambda r: r["seconds"]) if peers else None
print()
print("| tool | threads | sentences | seconds | peak MB | precision | recall | F1 | time vs fastest baseline | memory vs it |")
print("|---|---|---|---|---|---|---|---|---|---|")
for r in done:
    th = r.get("params", {}).get("threads", 1) if r["tool"].startswith("corroborate") else 1
    th = "all" if th == 0 else th
    ratio = f"{fast['seconds'] / r['seconds']:.1f}x faster" if fast else "-"
    mem = f"{r['peak_rss_mb'] / fast['peak_rss_mb']:.2f}" if fast else "-"
    print(f"| {r['tool']} | {th} | {r['n_sentences']} | {r['seconds']:.2f} | {r['peak_rss_mb']:.0f} | "
          f"{r['precision']:.4f} | {r['recall']:.4f} | {r['f1']:.4f} | {ratio} | {mem} |")
for r in rows:
    if "skipped" in r:
        print(f"| {r['tool']} | - | - | skipped | - | - | - | - | {r['skipped']} | - |")
PY
done
