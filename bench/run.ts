/**
 * `npm run bench`: builds the library, writes each case of bench/cases.ts as a Pulumi project in a scratch folder
 * under the system's temp folder, and measures it (bench/measure.ts): type-check and program run (as `pulumi
 * preview`, against the recorder) timed separately, and the program process's peak memory. Before measuring, each
 * program is type-checked and run once at its smallest size, untimed, so that every measured case runs warm.
 * Each case is measured once. Prints the results as markdown and writes them to bench/results/<date>-<cpu>.json
 * and .md. The scratch folder is removed at the end, whatever happened.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { buildLibrary, LIBRARY_DIR } from "../tools/plan/library-build";
import { CASES, REFERENCE, type BenchCase } from "./cases";
import { measureRun, measureTypeCheck } from "./measure";
import { writeProject } from "./project";
import { markdown, marginalCosts, ratios, resultsName, type CaseResult, type Machine, type Results } from "./report";

const METHOD: Readonly<Record<string, string>> = {
    "type-check": "tools/plan/typecheck.ts's typeCheck (the TypeScript compiler API, strict, the project's tsconfig.json), in the benchmark's process, as `npm run plan` does",
    "program run": "wall time of tools/recorder/program.ts's runProgram with preview true: the SDK's runner (@pulumi/pulumi/cmd/run --dry-run) in a child process, transpile-only, against the recorder served on loopback in the benchmark's process; start-up and exit included",
    "program CPU, peak RSS": "process.resourceUsage() of the runner's process at its exit (user + system CPU, maxRSS), written by the preload bench/max-rss.cjs",
    "recorder CPU": "process.cpuUsage() of the benchmark's process during the run: the recorder answering the program's registrations",
    "marginal cost": "least-squares slope of program-run time (and of peak RSS) against the VM count, over all of a program's cases",
    "ratio": "per-VM program-run cost of a program divided by the reference program's (baseline)",
    "runs": "each program type-checked and run once at its smallest size before measuring (untimed, to warm caches); then each case measured once, in the order of bench/cases.ts",
};

function machine(loadAverageAtStart: readonly number[]): Machine {
    const cpus = os.cpus();
    return {
        cpuModel: cpus[0]?.model.trim() ?? "unknown",
        cores: cpus.length,
        nodeVersion: process.version,
        platform: `${os.platform()} ${os.release()} ${os.arch()}`,
        totalMemoryMb: os.totalmem() / 1024 / 1024,
        defaultHeapLimitMb: getHeapStatistics().heap_size_limit / 1024 / 1024,
        loadAverageAtStart,
        loadAverageAtEnd: os.loadavg(),
    };
}

/** HEAD and whether components/ differs from it, read without taking git's index lock. */
function checkout(): Results["checkout"] {
    const git = (...args: string[]) => spawnSync("git", ["--no-optional-locks", ...args], { cwd: LIBRARY_DIR, encoding: "utf8" });
    const head = git("rev-parse", "--short", "HEAD");
    const status = git("status", "--porcelain", "--", "components");
    return {
        commit: head.status === 0 ? head.stdout.trim() : "unknown",
        componentsModified: status.status !== 0 || status.stdout.trim() !== "",
    };
}

function log(message: string): void {
    process.stderr.write(`${message}\n`);
}

async function measureCases(scratch: string): Promise<CaseResult[]> {
    const rssFile = path.join(scratch, "usage.json");
    const dirOf = (c: BenchCase) => path.join(scratch, `${c.program.name}-${String(c.vms)}${c.maxOldSpaceSizeMb !== undefined ? `-heap${String(c.maxOldSpaceSizeMb)}` : ""}`);
    const projects = new Map(CASES.map((c) => [c, writeProject(dirOf(c), c)]));

    for (const program of new Set(CASES.map((c) => c.program))) {
        const smallest = CASES.filter((c) => c.program === program).reduce((a, b) => (b.vms < a.vms ? b : a));
        const dir = projects.get(smallest) ?? dirOf(smallest);
        log(`warm-up: ${program.name}, ${String(smallest.vms)} VM(s)`);
        measureTypeCheck(dir);
        await measureRun(dir, smallest, rssFile);
    }

    const results: CaseResult[] = [];
    for (const [c, dir] of projects) {
        const { typeCheckMs } = measureTypeCheck(dir);
        const run = await measureRun(dir, c, rssFile);
        log(`${c.program.name}, ${String(c.vms)} VM(s): type-check ${(typeCheckMs / 1000).toFixed(2)} s, program run ${(run.programMs / 1000).toFixed(2)} s, peak RSS ${run.maxRssMb.toFixed(0)} MiB`);
        results.push({ program: c.program.name, vms: c.vms, maxOldSpaceSizeMb: c.maxOldSpaceSizeMb ?? null, typeCheckMs, ...run });
    }
    return results;
}

async function main(): Promise<void> {
    const started = performance.now();
    const loadAverageAtStart = os.loadavg();
    log("building the library (npm run build)");
    const buildErrors = buildLibrary();
    if (buildErrors.length > 0) {
        throw new Error(buildErrors.join("\n"));
    }
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-bench-"));
    let cases: CaseResult[];
    try {
        cases = await measureCases(scratch);
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }
    const marginal = marginalCosts(cases);
    const results: Results = {
        date: new Date().toISOString().slice(0, 10),
        machine: machine(loadAverageAtStart),
        checkout: checkout(),
        method: METHOD,
        programs: [...new Set(CASES.map((c) => c.program))].map(({ name, description }) => ({ name, description })),
        cases,
        marginal,
        ratios: ratios(marginal, REFERENCE.name),
        wallTimeMs: performance.now() - started,
    };
    const report = markdown(results);
    const dir = path.join(__dirname, "results");
    fs.mkdirSync(dir, { recursive: true });
    const name = resultsName(results);
    fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, `${name}.md`), report);
    process.stdout.write(report);
    log(`written: bench/results/${name}.json, bench/results/${name}.md`);
}

main().catch((error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
});
