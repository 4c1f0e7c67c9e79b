/**
 * The first half of a plan: the program started in the SDK's runner against the recorder (as `pulumi preview`, so
 * nothing is deployed) and, while it boots, type-checked as the CLI's TypeScript loader would (skipped while no file
 * the last passed check read has changed). It loads nothing the plan document needs, so that the command
 * (tools/plan/command.ts) can load that while the program runs; plan.ts finishes the plan.
 */
import * as nodeModule from "node:module";
import { performance } from "node:perf_hooks";
import { readProject, startProgram, type RunOptions, type StartedProgram } from "../recorder/program";
import { checkProgram, type CheckResult } from "./typecheck";

export interface PlanOptions extends Omit<RunOptions, "preview"> {
    readonly verbose?: boolean;
    /** Remember a passed type-check and skip the next one while its files are unchanged. @default true */
    readonly typeCheckCache?: boolean;
}

/** A started plan: the program running, the type-check's result, and when each began (performance.now()). */
export interface StartedPlan {
    readonly program: StartedProgram;
    readonly checked: CheckResult;
    readonly startedAt: number;
    readonly programStartedAt: number;
    readonly typeCheckMs: number;
}

/**
 * The environment of the program's process: Node's compile cache, when this process has one, so that the SDK and the
 * providers' modules are not compiled again on every plan.
 */
function programEnv(env: RunOptions["env"]): RunOptions["env"] {
    const getDir: unknown = Reflect.get(nodeModule, "getCompileCacheDir");
    const dir: unknown = typeof getDir === "function" ? getDir() : undefined;
    return typeof dir === "string" && process.env["NODE_COMPILE_CACHE"] === undefined ? { NODE_COMPILE_CACHE: dir, ...env } : env;
}

/** Starts the program, then type-checks it; a check that throws stops the program. */
export async function startPlan(options: PlanOptions): Promise<StartedPlan> {
    const startedAt = performance.now();
    const project = readProject(options.projectDir);
    // The program boots (the SDK, the TypeScript loader) while this process type-checks it; its run is used only if
    // the check passes.
    const program = await startProgram({ ...options, env: programEnv(options.env), preview: true });
    const programStartedAt = performance.now();
    try {
        const checked = checkProgram(options.projectDir, project.main ?? ".", options.typeCheckCache === false ? { cacheDir: false } : {});
        return { program, checked, startedAt, programStartedAt, typeCheckMs: performance.now() - programStartedAt };
    } catch (err) {
        program.stop();
        await program.finished;
        throw err;
    }
}
