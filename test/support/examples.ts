/** Running the example projects (examples/<name>) offline, as `pulumi preview` would, and reading what they declare. */
import * as path from "node:path";
import { runProgram, type ProgramRun, type RunOptions } from "../../tools/recorder/program";
import type { Registration } from "../../tools/recorder/recorder";

export const EXAMPLES_DIR = path.resolve(__dirname, "..", "..", "examples");

/** Runs an example's dev stack (Pulumi.dev.yaml) through the SDK's runner against the recorder. */
export function runExample(name: string, options: Partial<Omit<RunOptions, "projectDir">> = {}): Promise<ProgramRun> {
    return runProgram({ projectDir: path.join(EXAMPLES_DIR, name), stack: "dev", ...options });
}

/** The one registration of a type and name; fails the test with what there is when it is missing. */
export function registered(run: ProgramRun, type: string, name: string): Registration {
    const found = run.registrations.filter((r) => r.type === type && r.name === name);
    const [only, ...more] = found;
    if (only === undefined || more.length > 0) {
        const names = run.registrations.filter((r) => r.type === type).map((r) => r.name);
        throw new Error(`${run.project}: expected one ${type} "${name}", found ${found.length} (registered of that type: ${names.join(", ") || "none"})`);
    }
    return only;
}

/** The program's errors, for a failed run's assertion message. */
export function programErrors(run: ProgramRun): string {
    return [...run.logs.filter((l) => l.severity === "error").map((l) => l.message), run.stderr].join("\n");
}
