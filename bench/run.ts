/**
 * `npm run bench [-- --rounds N]`: builds the library, writes each case of bench/cases.ts as a Pulumi project in a
 * scratch folder under the system's temp folder, and measures it (bench/measure.ts): each program's type-check once
 * (its text is the same at every size), then every case's program run (as `pulumi preview`, against the recorder)
 * in N rounds (default 2), with the program process's peak memory, CPU and SDK work. Before measuring, each program
 * is type-checked and run once at its smallest size, untimed, so that every measured case runs warm. A round runs
 * the cases in the order of CASES (which alternates the programs), the next round in reverse, so that a machine
 * getting slower or faster during the run weighs on each program alike. Prints the results as markdown and writes
 * them to bench/results/<date>-<cpu>.json and .md. The scratch folder is removed at the end, whatever happened.
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
import { markdown, marginalCosts, medianFigures, ratios, resultsName, type CaseResult, type Machine, type ProgramResult, type Results, type RunFigures } from "./report";

const METHOD: Readonly<Record<string, string>> = {
    "type-check": "tools/plan/typecheck.ts's typeCheck (the TypeScript compiler API, strict, the project's tsconfig.json), in the benchmark's process, as `npm run plan` does",
    "program run": "wall time of tools/recorder/program.ts's runProgram with preview true: the SDK's runner (@pulumi/pulumi/cmd/run --dry-run) in a child process, transpile-only, against the recorder served on loopback in the benchmark's process; start-up and exit included",
    "program CPU, peak RSS": "process.resourceUsage() of the runner's process at its exit (user + system CPU, maxRSS), written by the preload bench/process-usage.cjs",
    "SDK promises": "calls of the SDK's debuggablePromise in the runner's process, counted by the same preload: each captures and formats a stack trace, four per property of every custom resource; the SDK's per-resource work as a count, the same on every run",
    "recorder CPU": "process.cpuUsage() of the benchmark's process during the run: the recorder answering the program's registrations",
    "marginal cost": "least-squares slope, against the VM count over all of a program's cases, of the median program-run time (and of the median peak RSS, and of the counts); also fitted to each round alone",
    "ratio": "per-VM program-run cost of a program divided by the reference program's (baseline), from the slopes of the medians; round by round, from each round's own slopes",
    "runs": "each program type-checked and run once at its smallest size before measuring (untimed, to warm caches); then its type-check measured once; then every case's program run in each round, in the order of bench/cases.ts, every other round in reverse",
};

/** Two rounds of every case fit in ten minutes on a 2-core machine. */
const DEFAULT_ROUNDS = 2;

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

async function measureCases(scratch: string, rounds: number): Promise<{ programs: ProgramResult[]; cases: CaseResult[] }> {
    const usageFile = path.join(scratch, "usage.json");
    const dirOf = (c: BenchCase) => path.join(scratch, `${c.program.name}-${String(c.vms)}${c.maxOldSpaceSizeMb !== undefined ? `-heap${String(c.maxOldSpaceSizeMb)}` : ""}`);
    const projects = new Map(CASES.map((c) => [c, writeProject(dirOf(c), c)]));

    const programs: ProgramResult[] = [];
    for (const program of new Set(CASES.map((c) => c.program))) {
        const smallest = CASES.filter((c) => c.program === program).reduce((a, b) => (b.vms < a.vms ? b : a));
        const dir = projects.get(smallest) ?? dirOf(smallest);
        log(`warm-up: ${program.name}, ${String(smallest.vms)} VM(s)`);
        measureTypeCheck(dir);
        await measureRun(dir, smallest, usageFile);
        const { typeCheckMs } = measureTypeCheck(dir);
        log(`${program.name}: type-check ${(typeCheckMs / 1000).toFixed(2)} s`);
        programs.push({ name: program.name, description: program.description, typeCheckMs });
    }

    const measured = new Map<BenchCase, { runs: RunFigures[]; resources: number; sdkPromises: number }>();
    for (let round = 1; round <= rounds; round++) {
        const order = round % 2 === 1 ? [...projects] : [...projects].reverse();
        for (const [c, dir] of order) {
            const { resources, sdkPromises, ...figures } = await measureRun(dir, c, usageFile);
            const earlier = measured.get(c);
            if (earlier !== undefined && (earlier.resources !== resources || earlier.sdkPromises !== sdkPromises)) {
                throw new Error(`${c.program.name}, ${String(c.vms)} VM(s): round ${String(round)} registered ${String(resources)} resources `
                    + `and ${String(sdkPromises)} SDK promises, an earlier round ${String(earlier.resources)} and ${String(earlier.sdkPromises)}`);
            }
            measured.set(c, { resources, sdkPromises, runs: [...(earlier?.runs ?? []), figures] });
            log(`round ${String(round)}/${String(rounds)}, ${c.program.name}, ${String(c.vms)} VM(s): program run ${(figures.programMs / 1000).toFixed(2)} s, `
                + `peak RSS ${figures.maxRssMb.toFixed(0)} MiB, ${String(resources)} resources, ${String(sdkPromises)} SDK promises`);
        }
    }
    const cases = CASES.flatMap((c) => {
        const m = measured.get(c);
        return m === undefined ? [] : [{
            program: c.program.name,
            vms: c.vms,
            maxOldSpaceSizeMb: c.maxOldSpaceSizeMb ?? null,
            resources: m.resources,
            sdkPromises: m.sdkPromises,
            runs: m.runs,
            median: medianFigures(m.runs),
        }];
    });
    return { programs, cases };
}

/** `--rounds N` from the command line (npm run bench -- --rounds 5); 2 when not given. */
function roundsFromArgs(args: readonly string[]): number {
    const at = args.indexOf("--rounds");
    if (at === -1) {
        return DEFAULT_ROUNDS;
    }
    const value = Number(args[at + 1]);
    if (!Number.isInteger(value) || value < 1) {
        throw new Error(`npm run bench: --rounds takes a whole number of rounds, 1 or more, not "${args[at + 1] ?? ""}"`);
    }
    return value;
}

async function main(): Promise<void> {
    const started = performance.now();
    const rounds = roundsFromArgs(process.argv.slice(2));
    const loadAverageAtStart = os.loadavg();
    log("building the library (npm run build)");
    const buildErrors = buildLibrary();
    if (buildErrors.length > 0) {
        throw new Error(buildErrors.join("\n"));
    }
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-bench-"));
    let measured: { programs: ProgramResult[]; cases: CaseResult[] };
    try {
        measured = await measureCases(scratch, rounds);
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }
    const { programs, cases } = measured;
    const marginal = marginalCosts(cases);
    const results: Results = {
        date: new Date().toISOString().slice(0, 10),
        machine: machine(loadAverageAtStart),
        checkout: checkout(),
        method: METHOD,
        rounds,
        programs,
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
