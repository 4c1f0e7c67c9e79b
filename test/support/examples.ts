/** Reading what a program run declared: one registration by type and name, the program's errors. */
import type { ProgramRun } from "../../tools/recorder/program";
import type { Registration } from "../../tools/recorder/recorder";

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
