/**
 * Runs a Pulumi program in the test's own process (tools/recorder/in-process.ts): the dev stack, an example, a
 * fixture. Its registrations equal those of the SDK's program runner in a child process (test/e2e/in-process.test.ts
 * proves it for every program here), at a tenth of the time. Not proved here: what the program prints to standard
 * output or error (it goes to the test's own), which test/e2e covers through the runner.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { vi } from "vitest";
import { runProgramInProcess } from "../../tools/recorder/in-process";
import type { ProgramRun, RunOptions } from "../../tools/recorder/program";
import { REPO } from "./project-copy";

/** The examples' folder: each example is a Pulumi project of its own. */
export const EXAMPLES_DIR = path.join(REPO, "examples");

/** The folder of examples/ that holds the same stack in other languages (one project per language), not a TypeScript example. */
export const MULTI_LANGUAGE_EXAMPLES = "multi-language";

/** The TypeScript examples: every folder of examples/ but the other languages'. */
export function typeScriptExamples(): string[] {
    return fs.readdirSync(EXAMPLES_DIR).filter((name) => name !== MULTI_LANGUAGE_EXAMPLES).sort();
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs one program after another: each loads its entry afresh (`vi.resetModules()` then `import`), which two runs
 * must not do at once.
 */
export function runInProcess(options: RunOptions): Promise<ProgramRun> {
    const run = queue.then(() => runProgramInProcess({
        ...options,
        load: async (file) => {
            vi.resetModules();
            return import(file);
        },
    }));
    queue = run.catch(() => undefined);
    return run;
}

/** The dev stack's program (index.ts with Pulumi.dev.yaml), as pulumi preview runs it, with config overrides or secret config. */
export function devRun(options: Omit<RunOptions, "projectDir" | "stack"> = {}): Promise<ProgramRun> {
    return runInProcess({ projectDir: REPO, stack: "dev", ...options });
}

/** An example's dev stack (examples/<name>/Pulumi.dev.yaml). */
export function runExample(name: string, options: Omit<RunOptions, "projectDir" | "stack"> = {}): Promise<ProgramRun> {
    return runInProcess({ projectDir: path.join(EXAMPLES_DIR, name), stack: "dev", ...options });
}
