/**
 * npm run test:budget: runs the fast suite and then the end-to-end suite once each, and prints the test budget table
 * of docs/testing.md: per test file, its tests, the wall time of the process that ran it (each file has its own:
 * start, imports, hooks and tests) and the CPU that process and the processes it started used; then each suite's
 * totals and the load average. Measure on an otherwise idle machine, and more than once.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

interface FileResult {
    readonly name: string;
    readonly assertionResults: readonly unknown[];
}

const repo = path.resolve(__dirname, "..");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-budget-"));

function runSuite(label: string, config: string): string[] {
    const json = path.join(scratch, `${label}.json`);
    const cpuLog = path.join(scratch, `${label}.cpu`);
    const load = os.loadavg()[0] ?? 0;
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [path.join(repo, "node_modules", "vitest", "vitest.mjs"), "run", "--config", config, "--reporter=json", `--outputFile=${json}`], {
        cwd: repo, env: { ...process.env, APVM_TEST_BUDGET: cpuLog }, stdio: ["ignore", "ignore", "inherit"],
    });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0 || !fs.existsSync(json)) {
        throw new Error(`${label}: vitest failed (exit ${String(run.status)})`);
    }
    const usage = new Map(fs.readFileSync(cpuLog, "utf8").trim().split("\n").map((line) => {
        const { file, wallSeconds, cpuSeconds } = JSON.parse(line) as { file: string; wallSeconds: number; cpuSeconds: number };
        return [file, { wall: wallSeconds, cpu: cpuSeconds }] as const;
    }));
    const results = (JSON.parse(fs.readFileSync(json, "utf8")) as { testResults: FileResult[] }).testResults;
    const rows = results
        .map((r) => ({ file: path.relative(repo, r.name), tests: r.assertionResults.length, wall: usage.get(r.name)?.wall ?? Number.NaN, cpu: usage.get(r.name)?.cpu ?? Number.NaN }))
        .sort((a, b) => b.wall - a.wall);
    const tests = rows.reduce((sum, r) => sum + r.tests, 0);
    const filesCpu = rows.reduce((sum, r) => sum + r.cpu, 0);
    return [
        ...rows.map((r) => `| \`${r.file}\` | ${r.tests} | ${r.wall.toFixed(1)} | ${r.cpu.toFixed(1)} |`),
        `| **${label}: ${rows.length} files, the whole run** | **${tests}** | **${wall.toFixed(0)}** | **${filesCpu.toFixed(0)} (the files' sum)** |`,
        `<!-- ${label}: load average ${load.toFixed(2)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(2)} at the end, ${os.availableParallelism()} cores -->`,
    ];
}

const lines = [
    "| file | tests | wall s | CPU s |",
    "| --- | ---: | ---: | ---: |",
    ...runSuite("npm test (vitest)", "vitest.config.mts"),
    ...runSuite("npm run test:e2e", "vitest.e2e.config.mts"),
];
process.stdout.write(`${lines.join("\n")}\n`);
fs.rmSync(scratch, { recursive: true, force: true });
