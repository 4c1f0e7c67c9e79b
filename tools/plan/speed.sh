#!/usr/bin/env bash
# The plan's speed after one config value changes, side by side with the plan of an older revision (docs/plan-tool.md,
# "Speed"). BASE is checked out in a temporary worktree (node_modules linked to this checkout's), where its own
# `npm run -s plan` runs; here, `npm run -s plan` and the command itself (node dist/cli/azure-persistent-vm.js plan,
# as npx runs it) run. Each plans its revision's dev stack from a scratch copy of its Pulumi.dev.yaml in which one
# value (web01's data disk size) changes before every run. One warm-up run each, then N rounds (default 5) that run
# the three one after another, so that the machine's load weighs on all three alike. Per run, /usr/bin/time gives the
# wall time and the CPU time (user + system, the plan's process and the program's process it waits for), and the
# plan's --timings line its type-check and program-run times; then the medians. A benchmark, not a test: it asserts
# nothing.
# Usage: bash tools/plan/speed.sh BASE [N]     e.g. bash tools/plan/speed.sh 4bfa107
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
base=${1:?usage: bash tools/plan/speed.sh BASE [N]}
runs=${2:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/apvm-speed.XXXXXX")
cleanup() {
    git -C "$repo" worktree remove --force "$work/base" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

git -c core.hooksPath=/dev/null worktree add --detach --quiet "$work/base" "$base"
ln -s "$repo/node_modules" "$work/base/node_modules"
cp "$work/base/Pulumi.dev.yaml" "$work/old.yaml"
cp "$repo/Pulumi.dev.yaml" "$work/new.yaml"
npm run -s build >/dev/null

# change FILE N: sets web01's data disk size to 128 + N % 2 GiB.
change() {
    sed -i -E "s/(name: data, lun: 0, sizeGb: )[0-9]+(, sku: Premium_LRS, caching: ReadOnly)/\1$((128 + $2 % 2))\2/" "$1"
}
# measure NAME DIR CONFIG COMMAND...: runs COMMAND --timings in DIR (its plan goes to /dev/null) and appends
# "wall cpu type-check program-run" to NAME, the last two as the plan reports them.
measure() {
    local name=$1 dir=$2 config=$3; shift 3
    (cd "$dir" && /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" --config-file "$config" --timings >/dev/null 2>"$work/stderr") \
        || { cat "$work/stderr"; return 1; }
    local reported
    reported=$(sed -n -E 's/^timings: type-check ([0-9.]+) s, program run ([0-9.]+) s.*/\1 \2/p' "$work/stderr")
    awk -v reported="$reported" '{ printf "%.2f %.2f %s\n", $1, $2 + $3, reported }' "$work/time" >>"$work/$name"
}
round() {
    change "$work/old.yaml" "$1"; measure old "$work/base" "$work/old.yaml" npm run -s plan --
    change "$work/new.yaml" "$1"; measure npm "$repo" "$work/new.yaml" npm run -s plan --
    change "$work/new.yaml" "$((1 + $1))"; measure bin "$repo" "$work/new.yaml" node dist/cli/azure-persistent-vm.js plan
}
round 0
rm -f "$work/old" "$work/npm" "$work/bin"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$runs"); do
    round "$i"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
node -e '
const fs = require("fs");
const [work, base, runs] = process.argv.slice(1);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const rows = { old: `npm run -s plan at ${base}`, npm: "npm run -s plan (this checkout)", bin: "node dist/cli/azure-persistent-vm.js plan" };
const of = (name) => fs.readFileSync(`${work}/${name}`, "utf8").trim().split("\n").map((l) => l.split(" ").map(Number));
const old = of("old");
console.log(`median of ${runs} runs after one config change (${require("os").cpus().length} cores, node ${process.version}):`);
for (const [name, label] of Object.entries(rows)) {
    const r = of(name);
    const wall = median(r.map((x) => x[0])), cpu = median(r.map((x) => x[1]));
    const speedup = name === "old" ? "" : `  (${(median(old.map((x) => x[0])) / wall).toFixed(1)}x wall, ${(median(old.map((x) => x[1])) / cpu).toFixed(1)}x CPU)`;
    const reported = `type-check ${median(r.map((x) => x[2])).toFixed(2)} s, program run ${median(r.map((x) => x[3])).toFixed(2)} s`;
    console.log(`  ${label.padEnd(44)} wall ${wall.toFixed(2)} s, CPU ${cpu.toFixed(2)} s${speedup}; as reported: ${reported}`);
    console.log(`    runs (wall/CPU): ${r.map((x) => x.slice(0, 2).join("/")).join(" ")}`);
}
' "$work" "$base" "$runs"
