/**
 * Runs a stack author's Pulumi program, or a function that declares resources, under the recorder that
 * `azure-persistent-vm plan` uses: offline, with no Azure, no Pulumi CLI and no state. Three ways:
 * - `runProgram`: a project folder and a stack's config, in the test's own process (about a second), as the SDK's
 *   Automation API runs an inline program. The test runner loads the program's entry file (`load`), because only it
 *   can load TypeScript the way the test's own files are loaded.
 * - `runProgramInChildProcess`: the same, started as `pulumi preview` starts it (the SDK's runner, with ts-node);
 *   needs nothing from the test runner, costs a process (a few seconds).
 * - `runFunction`: a function that declares resources, in process, with the config you give.
 * A run that fails (the program throws, or logs an error) rejects with a `ProgramError`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runProgramInProcess } from "../tools/recorder/in-process";
import { runProgram as runWithSdkRunner, type ProgramRun } from "../tools/recorder/program";
import { stackRunOf, type StackRun } from "./recorded";

/** Which project folder and stack to run, and the config over the stack's file. */
export interface ProgramOptions {
    /** The folder holding Pulumi.yaml (its `name`, `main` and config defaults are read as the CLI reads them). */
    readonly projectDir: string;
    /** The stack: its config is read from `Pulumi.<stack>.yaml` beside Pulumi.yaml. */
    readonly stack: string;
    /** @default `Pulumi.<stack>.yaml` beside Pulumi.yaml */
    readonly configFile?: string;
    /**
     * Config over the stack file's, keyed as the file keys it (`size`, or `azure-native:location`; a key without a
     * namespace belongs to the project), values as YAML would parse them (strings, numbers, lists, objects).
     * @default none
     */
    readonly config?: Readonly<Record<string, unknown>>;
    /**
     * Secret config, as the CLI hands it to a program once decrypted: the program reads it with `getSecret` and gets
     * a secret. A `secure:` value in the stack file reaches the program as a secret whose value is "[secret]".
     * @default none
     */
    readonly secretConfig?: Readonly<Record<string, unknown>>;
    /**
     * Run as `pulumi preview` (`pulumi.runtime.isDryRun()` is true) or, with false, as `pulumi up`.
     * @default true
     */
    readonly preview?: boolean;
}

/** `ProgramOptions`, and how the test runner loads the program's entry file. */
export interface InProcessProgramOptions extends ProgramOptions {
    /**
     * Loads the program's entry file afresh and returns its module, so that each run executes the program again.
     * Under vitest: `async (file) => { vi.resetModules(); return import(file); }`. Under jest:
     * `async (file) => { jest.resetModules(); return import(file); }`. The library and the Pulumi SDK stay loaded;
     * they must be the same copies the program imports.
     */
    readonly load: (entryFile: string) => Promise<unknown>;
}

/** The project and stack a function runs in, and its config. */
export interface FunctionOptions {
    /** @default "test" */
    readonly project?: string;
    /** @default "test" */
    readonly stack?: string;
    /** Config the function reads with `new pulumi.Config()`, keyed as a stack file keys it. @default none */
    readonly config?: Readonly<Record<string, unknown>>;
    /** Secret config (see `ProgramOptions.secretConfig`). @default none */
    readonly secretConfig?: Readonly<Record<string, unknown>>;
    /** @default true: as `pulumi preview` */
    readonly preview?: boolean;
}

/** A run that failed: the program threw, or logged an error. `run` holds what it registered before. */
export class ProgramError extends Error {
    /** What the run recorded before it failed, and its log. */
    readonly run: StackRun;

    /**
     * @param run - what the run recorded
     * @param exitCode - the program's exit code (32 for an unhandled error, as the SDK's runner exits), or null
     * @param output - what a child process wrote to standard error, if anything
     */
    constructor(run: StackRun, exitCode: number | null, output: string) {
        const errors = run.logs.filter((l) => l.severity === "error").map((l) => l.message);
        const details = [...errors, ...(output === "" ? [] : [output])].join("\n");
        const how = exitCode === 0 ? "logged errors" : `failed (exit code ${String(exitCode)})`;
        super(`the program of project ${JSON.stringify(run.project)}, stack ${JSON.stringify(run.stack)} ${how}; fix what it reports:\n`
            + `${details === "" ? "(it reported nothing)" : details}`);
        this.name = "ProgramError";
        this.run = run;
    }
}

/** The run, or a ProgramError when the program failed. */
function checked(run: ProgramRun): StackRun {
    const recorded = stackRunOf(run);
    if (run.exitCode !== 0 || recorded.logs.some((l) => l.severity === "error")) {
        throw new ProgramError(recorded, run.exitCode, run.stderr.trim());
    }
    return recorded;
}

// In-process runs change the SDK's process-wide state (module loading, the process's error handlers): one at a time.
let queue: Promise<unknown> = Promise.resolve();

function inTurn<T>(run: () => Promise<T>): Promise<T> {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
}

function runOptions(options: ProgramOptions) {
    return {
        projectDir: path.resolve(options.projectDir),
        stack: options.stack,
        configFile: options.configFile,
        configOverrides: options.config,
        secretConfig: options.secretConfig,
        preview: options.preview,
    };
}

/**
 * Runs a Pulumi program in this process, as `pulumi preview` would (or `pulumi up`, with `preview: false`), and
 * returns what it registered. Runs queue one after another.
 * @throws ProgramError when the program throws or logs an error.
 */
export function runProgram(options: InProcessProgramOptions): Promise<StackRun> {
    return inTurn(async () => checked(await runProgramInProcess({ ...runOptions(options), load: options.load })));
}

/**
 * Runs a Pulumi program in a child process started as `pulumi preview` starts it: the SDK's own runner, which
 * loads TypeScript with ts-node (transpiling only; type-check with `tsc` first). Works under any test runner.
 * @throws ProgramError when the program throws, logs an error or cannot be loaded.
 */
export async function runProgramInChildProcess(options: ProgramOptions): Promise<StackRun> {
    return checked(await runWithSdkRunner(runOptions(options)));
}

/**
 * Runs a function that declares resources, in this process, inside a stack of the given project and stack names,
 * with the given config, as a program's body. What it returns becomes the stack's outputs. Runs queue one after
 * another.
 * @throws ProgramError when the function throws or logs an error.
 */
export function runFunction(program: () => unknown, options: FunctionOptions = {}): Promise<StackRun> {
    const project = options.project ?? "test";
    const stack = options.stack ?? "test";
    return inTurn(async () => {
        // The runner reads a project and a stack file as the CLI does; a scratch folder holds them (JSON is YAML).
        const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-testing-"));
        try {
            fs.writeFileSync(path.join(projectDir, "Pulumi.yaml"), JSON.stringify({ name: project, runtime: "nodejs" }));
            fs.writeFileSync(path.join(projectDir, `Pulumi.${stack}.yaml`), JSON.stringify({ config: options.config ?? {} }));
            return checked(await runProgramInProcess({
                projectDir,
                stack,
                secretConfig: options.secretConfig,
                preview: options.preview,
                // The runner calls what the entry module is when it is a function: here, the function itself.
                load: () => Promise.resolve(program),
            }));
        } finally {
            fs.rmSync(projectDir, { recursive: true, force: true });
        }
    });
}
