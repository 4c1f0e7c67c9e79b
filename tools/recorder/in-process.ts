/**
 * Runs a Pulumi program in this process, the way the SDK's Automation API runs an inline program (its
 * `automation/server.js`): inside a fresh async-local store of the SDK (`withLocalStorage`), with the options,
 * config and secret keys the CLI would hand the program (the same ones `runProgram` hands the SDK's program runner),
 * the recorder as the resource monitor and an engine that keeps the program's log, under the SDK's own Stack
 * resource (`runInPulumiStack`). It records what `pulumi preview` would send the engine, about ten times faster than
 * starting the runner in a child process; test/e2e/in-process.test.ts proves the registrations equal the runner's
 * for the dev stack and every example.
 * What it does not do: type-check the program (the runner does not either; `npm run plan` does), or isolate the
 * program's modules from the caller's: the caller's `load` decides how the entry module is loaded afresh.
 */
import * as config from "@pulumi/pulumi/runtime/config";
import * as settings from "@pulumi/pulumi/runtime/settings";
import * as stack from "@pulumi/pulumi/runtime/stack";
import * as state from "@pulumi/pulumi/runtime/state";
import { GetRootResourceResponse, LogSeverity, SetRootResourceResponse, type LogRequest } from "@pulumi/pulumi/proto/engine_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { entryFile, programInputs, recordedRun, type ProgramRun, type RunOptions } from "./program";
import { Recorder, type LogEntry } from "./recorder";

export interface InProcessOptions extends RunOptions {
    /**
     * Loads the program's entry file afresh and returns its module (its exports), e.g. under vitest
     * `vi.resetModules()` then `import(file)`. The library's modules may stay loaded: they do nothing at import.
     */
    readonly load: (entryFile: string) => Promise<unknown>;
}

const SEVERITIES: Readonly<Record<LogSeverity, LogEntry["severity"]>> = {
    [LogSeverity.DEBUG]: "debug",
    [LogSeverity.INFO]: "info",
    [LogSeverity.WARNING]: "warning",
    [LogSeverity.ERROR]: "error",
};

type Callback = (err: unknown, response: unknown) => void;

/** The engine's side of the protocol the SDK uses in process: the program's log and its root resource. */
function recordingEngine(recorder: Recorder) {
    let root = "";
    return {
        log(req: LogRequest, callback: Callback) {
            recorder.logs.push({ severity: SEVERITIES[req.getSeverity()], message: req.getMessage(), urn: req.getUrn() });
            callback(null, new Empty());
        },
        getRootResource(_req: unknown, callback: Callback) {
            callback(null, new GetRootResourceResponse().setUrn(root));
        },
        setRootResource(req: { getUrn(): string }, callback: Callback) {
            root = req.getUrn();
            callback(null, new SetRootResourceResponse());
        },
    };
}

/** An internal function of the SDK this runner needs; fails loudly if an SDK release removes it. */
function sdkFunction<T>(module: object, name: string): T {
    const found: unknown = Reflect.get(module, name);
    if (typeof found !== "function") {
        throw new Error(`@pulumi/pulumi no longer has ${name}; update tools/recorder/in-process.ts`);
    }
    return found as T;
}

export async function runProgramInProcess(options: InProcessOptions): Promise<ProgramRun> {
    const { project, config: cliConfig, secretKeys, entryPoint } = programInputs(options);
    const file = entryFile(options.projectDir, entryPoint);
    const recorder = new Recorder();
    const withLocalStorage = sdkFunction<<T>(callback: () => Promise<T>) => Promise<T>>(state, "withLocalStorage");
    const getStore = sdkFunction<() => { settings: { monitor?: unknown; engine?: unknown } }>(state, "getStore");
    const resetOptions = sdkFunction<(...args: unknown[]) => void>(settings, "resetOptions");
    const waitForRPCs = sdkFunction<() => Promise<void>>(settings, "waitForRPCs");
    let exitCode = 0;
    const failed = (err: unknown) => {
        // As the runner reports a program's unhandled exception (cmd/run/run.js), once each, and exits with 32.
        const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
        recorder.logs.push({ severity: "error", message: `Running program '${file}' failed with an unhandled exception:\n${message}`, urn: "" });
        exitCode = 32;
    };
    // A program that throws leaves rejected promises inside the SDK (the Stack's outputs) that nothing awaits. The
    // runner and the Automation API own their process and catch them with process handlers; so does this run, for its
    // duration, in place of the host's (a test runner's) handlers, which would report them as the test's own errors.
    const uncaught = new Set<unknown>();
    const collect = (err: unknown) => uncaught.add(err);
    const hostRejections = process.listeners("unhandledRejection");
    const hostExceptions = process.listeners("uncaughtException");
    process.removeAllListeners("unhandledRejection").on("unhandledRejection", collect);
    process.removeAllListeners("uncaughtException").on("uncaughtException", collect);
    try {
        await withLocalStorage(async () => {
            // What the Automation API's language server does for an inline program, with the recorder as the monitor.
            resetOptions(project.name, options.stack, -1, "", "", options.preview ?? true, "");
            const { settings: current } = getStore();
            current.monitor = recorder;
            current.engine = recordingEngine(recorder);
            config.setAllConfig(cliConfig, secretKeys);
            try {
                await stack.runInPulumiStack(async () => {
                    const exported = await options.load(file);
                    return exported instanceof Function ? exported() : exported;
                });
            } catch (err) {
                uncaught.add(err);
            }
            await waitForRPCs();
        });
        // Rejections are reported after the turn they happen in.
        await new Promise((resolve) => setImmediate(resolve));
    } finally {
        process.removeListener("unhandledRejection", collect).removeListener("uncaughtException", collect);
        hostRejections.forEach((listener) => process.on("unhandledRejection", listener));
        hostExceptions.forEach((listener) => process.on("uncaughtException", listener));
    }
    uncaught.forEach(failed);
    return recordedRun(recorder, { project: project.name, stack: options.stack, exitCode, stdout: "", stderr: "", entryPoint });
}
