/**
 * `npm run plan` as a function: type-check the program as the CLI's TypeScript loader would, run it through the
 * SDK's runner against the recorder (as `pulumi preview`, so nothing is deployed), and return the plan document.
 */
import { performance } from "node:perf_hooks";
import { readProject, runProgram, type ProgramRun, type RunOptions } from "../recorder/program";
import { fleetSummaries, planDocument, vmSummaries, type FleetSummary, type PlanDocument, type VmSummary } from "./document";
import { typeCheck } from "./typecheck";

export interface Timings {
    readonly typeCheckMs: number;
    readonly programMs: number;
}

export type PlanOutcome =
    | {
        readonly ok: true;
        readonly document: PlanDocument;
        readonly vms: readonly VmSummary[];
        readonly fleets: readonly FleetSummary[];
        /** What the program logged as warnings (e.g. facts the preflight tables do not know). */
        readonly warnings: readonly string[];
        readonly run: ProgramRun;
        readonly timings: Timings;
    }
    | { readonly ok: false; readonly stage: "type-check" | "program"; readonly message: string; readonly details: string; readonly timings: Timings };

/** The program's own error, without the runner's preamble and, unless asked, without stack frames. */
export function programError(run: ProgramRun, verbose: boolean): string {
    const errors = run.logs.filter((l) => l.severity === "error").map((l) => l.message);
    // The runner colours what it prints with ANSI escapes.
    // eslint-disable-next-line no-control-regex
    const raw = (errors.length > 0 ? errors.join("\n") : run.stderr.trim() || `the program exited with code ${String(run.exitCode)}`).replace(/\u001b\[[0-9;]*m/g, "");
    if (verbose) {
        return raw;
    }
    // The message is what comes before the first stack frame (after it, util.inspect lists the error's fields).
    const lines = raw.split("\n").filter((line) => !/^Running program '.*' failed with an unhandled exception:$/.test(line));
    const firstFrame = lines.findIndex((line) => /^\s+at /.test(line));
    return (firstFrame === -1 ? lines : lines.slice(0, firstFrame)).join("\n").trim();
}

export async function plan(options: Omit<RunOptions, "preview"> & { readonly verbose?: boolean }): Promise<PlanOutcome> {
    const started = performance.now();
    const project = readProject(options.projectDir);
    const diagnostics = typeCheck(options.projectDir, project.main ?? ".");
    const typeCheckMs = performance.now() - started;
    if (diagnostics.length > 0) {
        return {
            ok: false,
            stage: "type-check",
            message: `the program does not type-check, so pulumi preview would not load it:\n${diagnostics.join("\n")}`,
            details: "",
            timings: { typeCheckMs, programMs: 0 },
        };
    }
    const run = await runProgram({ ...options, preview: true });
    return planOfRun(run, { typeCheckMs, programMs: performance.now() - started - typeCheckMs }, options.verbose ?? false);
}

/** The plan of a recorded program run: its document, summaries and warnings, or the program's error. */
export function planOfRun(run: ProgramRun, timings: Timings, verbose = false): PlanOutcome {
    if (run.exitCode !== 0 || run.logs.some((l) => l.severity === "error")) {
        return { ok: false, stage: "program", message: programError(run, verbose), details: run.stderr, timings };
    }
    const warnings = run.logs.filter((l) => l.severity === "warning").map((l) => l.message);
    return { ok: true, document: planDocument(run), vms: vmSummaries(run.registrations, run.resourceOutputs), fleets: fleetSummaries(run.registrations), warnings, run, timings };
}
