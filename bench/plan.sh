#!/usr/bin/env bash
# Wall time of `npm run plan` on the dev stack, warm: one run to warm the caches, then N runs (default 5). For each
# run: the type-check and program-run times the plan reports (--timings) and the wall time of the whole command
# (npm, ts-node start-up and output included); then the medians. A benchmark, not a test: it asserts nothing.
# Usage: bash bench/plan.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
npm run -s plan -- --timings >/dev/null 2>&1
results=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    line=$(npm run -s plan -- --timings 2>&1 >/dev/null | grep '^timings:')
    wall_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "$line, wall $(awk -v ms="$wall_ms" 'BEGIN { printf "%.2f", ms / 1000 }') s"
    results+=("$(sed -E 's/.*type-check ([0-9.]+) s, program run ([0-9.]+) s.*/\1 \2/' <<<"$line") $wall_ms")
done
printf '%s\n' "${results[@]}" | node -e '
const rows = require("fs").readFileSync(0, "utf8").trim().split("\n").map((l) => l.split(" ").map(Number));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const col = (i) => rows.map((r) => r[i]);
console.log(`median of ${rows.length} warm runs: type-check ${median(col(0)).toFixed(2)} s, program run ${median(col(1)).toFixed(2)} s, wall ${(median(col(2)) / 1000).toFixed(2)} s (${require("os").cpus().length} cores, node ${process.version})`);
'
