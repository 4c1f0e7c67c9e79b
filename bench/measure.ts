/**
 * Measures one benchmark case: the type-check (tools/plan/typecheck.ts, in this process, as `npm run plan` does) and
 * the program run (tools/recorder/program.ts: the SDK's own runner as `pulumi preview` starts it, against the
 * recorder), timed separately with performance.now(); and the program process's peak resident set size, CPU time and
 * count of the SDK's stack-capturing promises, written at its exit by the preload bench/process-usage.cjs. A run that
 * fails, or a program that does not type-check, throws.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { programError } from "../tools/plan/plan";
import { typeCheck } from "../tools/plan/typecheck";
import { runProgram } from "../tools/recorder/program";
import type { BenchCase } from "./cases";
import { STACK } from "./project";

const USAGE_PRELOAD = path.join(__dirname, "process-usage.cjs");

export interface TypeCheckResult {
    readonly typeCheckMs: number;
}

export interface RunResult {
    readonly programMs: number;
    /** Peak resident set size of the program's process, in MiB. */
    readonly maxRssMb: number;
    /** CPU time (user + system) of the program's process, in ms. */
    readonly programCpuMs: number;
    /** CPU time (user + system) of this process while the program ran: the recorder answering it, in ms. */
    readonly recorderCpuMs: number;
    /** Resources the program registered, the stack and components included. */
    readonly resources: number;
    /** Promises the SDK wrapped with debuggablePromise, each with a captured stack trace (see process-usage.cjs). */
    readonly sdkPromises: number;
}

interface ProcessUsage {
    readonly maxRssKib: number;
    readonly userCpuMicros: number;
    readonly systemCpuMicros: number;
    readonly sdkPromises: number;
    /** Why the SDK's promises could not be counted, if they could not. */
    readonly countError?: string;
}

export function measureTypeCheck(projectDir: string): TypeCheckResult {
    const started = performance.now();
    const diagnostics = typeCheck(projectDir, "index.ts");
    const typeCheckMs = performance.now() - started;
    if (diagnostics.length > 0) {
        throw new Error(`${projectDir}: the program does not type-check:\n${diagnostics.join("\n")}`);
    }
    return { typeCheckMs };
}

/** NODE_OPTIONS for the program's process: this process's own, the preload, and the case's heap limit if it has one. */
function nodeOptions(benchCase: BenchCase): string {
    return [
        process.env["NODE_OPTIONS"] ?? "",
        `--require "${USAGE_PRELOAD}"`,
        benchCase.maxOldSpaceSizeMb !== undefined ? `--max-old-space-size=${String(benchCase.maxOldSpaceSizeMb)}` : "",
    ].filter((option) => option !== "").join(" ");
}

export async function measureRun(projectDir: string, benchCase: BenchCase, usageFile: string): Promise<RunResult> {
    fs.rmSync(usageFile, { force: true });
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const run = await runProgram({
        projectDir,
        stack: STACK,
        preview: true,
        env: { NODE_OPTIONS: nodeOptions(benchCase), BENCH_USAGE_FILE: usageFile },
    });
    const programMs = performance.now() - started;
    const recorderCpu = process.cpuUsage(cpuBefore);
    if (run.exitCode !== 0 || run.logs.some((l) => l.severity === "error")) {
        throw new Error(`${projectDir}: the program failed (exit code ${String(run.exitCode)}):\n${programError(run, true)}`);
    }
    if (!fs.existsSync(usageFile)) {
        throw new Error(`${projectDir}: the program's process wrote no usage figures to ${usageFile}`);
    }
    const usage = JSON.parse(fs.readFileSync(usageFile, "utf8")) as ProcessUsage;
    if (usage.countError !== undefined) {
        throw new Error(`${projectDir}: the SDK's promises could not be counted: ${usage.countError}`);
    }
    return {
        programMs,
        maxRssMb: usage.maxRssKib / 1024,
        programCpuMs: (usage.userCpuMicros + usage.systemCpuMicros) / 1000,
        recorderCpuMs: (recorderCpu.user + recorderCpu.system) / 1000,
        resources: run.registrations.length,
        sdkPromises: usage.sdkPromises,
    };
}
