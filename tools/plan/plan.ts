/**
 * The offline plan as a function: run the program through the SDK's runner against the recorder (as `pulumi preview`,
 * so nothing is deployed) while type-checking it as the CLI's TypeScript loader would (skipped while no file the last
 * passed check read has changed), and return the plan document, or the type errors if the check fails.
 */
import { performance } from "node:perf_hooks";
import type { ProgramRun } from "../recorder/program";
import { fleetSummaries, planDocument, vmSummaries, type FleetSummary, type PlanDocument, type VmSummary } from "./document";
import { startPlan, type PlanOptions, type StartedPlan } from "./plan-start";
import type { CheckResult } from "./typecheck";

export type { PlanOptions };

export interface Timings {
    readonly typeCheckMs: number;
    readonly programMs: number;
    /** Whether the type-check ran, was known to pass from the last check of the same files, or was skipped. */
    readonly typeCheck?: CheckResult["how"];
    /** From start to end: less than the sum, since the program runs while it is type-checked. */
    readonly totalMs?: number;
}

/** Said when the project has no TypeScript to check the program with. */
export const TYPE_CHECK_SKIPPED = "the program was not type-checked: no TypeScript is installed in the project (npm install --save-dev typescript)";

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
        /** Every file the type-check read (what a watch re-plans on). */
        readonly sources: readonly string[];
    }
    | {
        readonly ok: false;
        readonly stage: "type-check" | "program";
        readonly message: string;
        readonly details: string;
        readonly timings: Timings;
        readonly sources: readonly string[];
    };

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

export async function plan(options: PlanOptions): Promise<PlanOutcome> {
    return finishPlan(await startPlan(options), options.verbose ?? false);
}

/** The second half of a plan: the type errors (the program stopped), or the program's run as a plan. */
export async function finishPlan(started: StartedPlan, verbose: boolean): Promise<PlanOutcome> {
    const { program, checked, startedAt, programStartedAt, typeCheckMs } = started;
    if (checked.diagnostics.length > 0) {
        program.stop();
        await program.finished;
        return {
            ok: false,
            stage: "type-check",
            message: `the program does not type-check, so pulumi preview would not load it:\n${checked.diagnostics.join("\n")}`,
            details: "",
            timings: { typeCheckMs, programMs: 0, typeCheck: checked.how, totalMs: performance.now() - startedAt },
            sources: checked.files,
        };
    }
    const run = await program.finished;
    const ended = performance.now();
    const outcome = planOfRun(run, { typeCheckMs, programMs: ended - programStartedAt, typeCheck: checked.how, totalMs: ended - startedAt }, verbose, checked.files);
    return checked.how === "skipped" && outcome.ok ? { ...outcome, warnings: [TYPE_CHECK_SKIPPED, ...outcome.warnings] } : outcome;
}

/** The plan of a recorded program run: its document, summaries and warnings, or the program's error. */
export function planOfRun(run: ProgramRun, timings: Timings, verbose = false, sources: readonly string[] = []): PlanOutcome {
    if (run.exitCode !== 0 || run.logs.some((l) => l.severity === "error")) {
        return { ok: false, stage: "program", message: programError(run, verbose), details: run.stderr, timings, sources };
    }
    const warnings = run.logs.filter((l) => l.severity === "warning").map((l) => l.message);
    return {
        ok: true, document: planDocument(run), vms: vmSummaries(run.registrations, run.resourceOutputs), fleets: fleetSummaries(run.registrations),
        warnings, run, timings, sources,
    };
}
