/**
 * Runs a Pulumi program the way `pulumi preview`/`pulumi up` runs it, with the recorder in place of the engine:
 * reads Pulumi.yaml (`name`, `main`, runtime options, project config defaults) and the stack's config file, sets
 * `PULUMI_CONFIG` and `PULUMI_CONFIG_SECRET_KEYS` as the CLI does, and starts the SDK's own runner
 * (`@pulumi/pulumi/cmd/run`) with the arguments the Node.js language host passes.
 * What it does not do: the CLI's plugin installation, decrypting `secure:` values (they reach the program as
 * secrets whose plaintext is the placeholder "[secret]"), and the engine's diff against existing state.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { setMockOptions } from "@pulumi/pulumi/runtime/settings";
import { parse } from "yaml";
import { serveRecorder } from "./monitor-server";
import { Recorder, SECRET, type LogEntry, type Registration } from "./recorder";

export interface ProgramRun {
    readonly project: string;
    readonly stack: string;
    readonly exitCode: number | null;
    readonly registrations: readonly Registration[];
    /** The stack's outputs, deserialized with secrets still wrapped (see `redact`). */
    readonly outputs: Readonly<Record<string, unknown>>;
    /** Every resource's registered outputs (components' `registerOutputs`), by URN, secrets still wrapped. */
    readonly resourceOutputs: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
    readonly logs: readonly LogEntry[];
    readonly stdout: string;
    readonly stderr: string;
    /** The program argument the runner was given: Pulumi.yaml's `main`, or "." when it has none. */
    readonly entryPoint: string;
}

export interface RunOptions {
    /** The folder holding Pulumi.yaml. */
    readonly projectDir: string;
    readonly stack: string;
    /** @default `Pulumi.<stack>.yaml` beside Pulumi.yaml; a stack without that file has no config of its own */
    readonly configFile?: string;
    /** Config to overlay on the file's, as parsed YAML values keyed like the file's keys. */
    readonly configOverrides?: Readonly<Record<string, unknown>>;
    /**
     * Secret config, as the CLI hands it to a program after decrypting it: plaintext in PULUMI_CONFIG, the key listed
     * in PULUMI_CONFIG_SECRET_KEYS.
     */
    readonly secretConfig?: Readonly<Record<string, unknown>>;
    /**
     * Run as `pulumi preview` (the runner's `--dry-run`, so `pulumi.runtime.isDryRun()` is true) or as `pulumi up`.
     * @default true
     */
    readonly preview?: boolean;
    /**
     * Extra environment for the program's process, over this process's own (e.g. `NODE_OPTIONS` for a preload or a
     * heap limit). The variables the CLI sets for a program (`PULUMI_CONFIG`, ...) still win.
     * @default none: the program's process inherits this process's environment
     */
    readonly env?: Readonly<Record<string, string>>;
}

/** Pulumi.yaml, as far as running a program needs it. */
export interface ProjectFile {
    readonly name: string;
    readonly main?: string;
    readonly runtime: string | { readonly name: string; readonly options?: { readonly typescript?: boolean } };
    readonly config?: Readonly<Record<string, unknown>>;
}

/**
 * A YAML file's content. A syntax error names the file, the line and the column, and never quotes the text: a stack
 * file may hold a password in plain text next to the mistake.
 */
export function readYamlFile(file: string): unknown {
    const text = fs.readFileSync(file, "utf8");
    try {
        return parse(text);
    } catch (err) {
        // The parser's message is "<reason> at line L, column C:" followed by an excerpt of the file.
        const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0]?.replace(/:$/, "") ?? "";
        // Without the parser's error as its cause: that error's message quotes the file.
        // eslint-disable-next-line preserve-caught-error
        throw new Error(`${file} is not valid YAML: ${reason}; fix the file (pulumi would refuse it too)`);
    }
}

function isMapping(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function readProject(projectDir: string): ProjectFile {
    const file = path.join(projectDir, "Pulumi.yaml");
    const project = readYamlFile(file);
    if (!isMapping(project) || typeof project["name"] !== "string" || project["name"] === "") {
        throw new Error(`${file} has no project name: a Pulumi.yaml starts with "name: <project>" and "runtime: nodejs"`);
    }
    return project as unknown as ProjectFile;
}

/**
 * The stack's config as its file holds it: `Pulumi.<stack>.yaml` beside Pulumi.yaml unless `configFile` is given.
 * A stack without a file has no config of its own, as under the Pulumi CLI; a named file must exist.
 */
export function readStackConfig(options: Pick<RunOptions, "projectDir" | "stack" | "configFile">): Record<string, unknown> {
    const file = options.configFile ?? path.join(options.projectDir, `Pulumi.${options.stack}.yaml`);
    if (options.configFile === undefined && !fs.existsSync(file)) {
        return {};
    }
    const content = readYamlFile(file) ?? {};
    const config = isMapping(content) ? (content["config"] ?? {}) : undefined;
    if (!isMapping(config)) {
        throw new Error(`${file} is not a stack config file: it holds a mapping whose "config" key maps each config key to its value`);
    }
    return config;
}

function isSecure(value: unknown): value is { secure: unknown } {
    return value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value;
}

/** Replaces every `secure:` node with the placeholder; says whether there was one. */
function withoutCiphertext(value: unknown): { value: unknown; secure: boolean } {
    if (isSecure(value)) {
        return { value: SECRET, secure: true };
    }
    if (Array.isArray(value)) {
        const items = value.map(withoutCiphertext);
        return { value: items.map((i) => i.value), secure: items.some((i) => i.secure) };
    }
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value).map(([k, v]) => [k, withoutCiphertext(v)] as const);
        return { value: Object.fromEntries(entries.map(([k, v]) => [k, v.value])), secure: entries.some(([, v]) => v.secure) };
    }
    return { value, secure: false };
}

/**
 * The config the CLI hands a program: namespaced keys (a key without a namespace belongs to the project), strings as
 * they are, structured values as JSON, and the keys holding secrets listed separately.
 */
export function cliConfig(
    project: string,
    values: Readonly<Record<string, unknown>>,
    secrets: Readonly<Record<string, unknown>> = {},
): { config: Record<string, string>; secretKeys: string[] } {
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const put = (key: string, raw: unknown, secret: boolean) => {
        const full = key.includes(":") ? key : `${project}:${key}`;
        const { value, secure } = withoutCiphertext(raw);
        config[full] = typeof value === "string" ? value : JSON.stringify(value);
        if (secret || secure) {
            secretKeys.push(full);
        }
    };
    Object.entries(values).forEach(([key, value]) => put(key, value, false));
    Object.entries(secrets).forEach(([key, value]) => put(key, value, true));
    return { config, secretKeys };
}

/** Project config defaults from Pulumi.yaml: `key: value` or `key: { default: value }`. */
function projectDefaults(project: ProjectFile): Record<string, unknown> {
    const defaults: Record<string, unknown> = {};
    for (const [key, declaration] of Object.entries(project.config ?? {})) {
        const value = declaration !== null && typeof declaration === "object" && !Array.isArray(declaration)
            ? (declaration as { default?: unknown }).default
            : declaration;
        if (value !== undefined) {
            defaults[key] = value;
        }
    }
    return defaults;
}

/** The entry file the runner loads for `main` ("." or a folder means its index.ts). */
export function entryFile(projectDir: string, main: string): string {
    const target = path.resolve(projectDir, main);
    return fs.existsSync(target) && fs.statSync(target).isDirectory() ? path.join(target, "index.ts") : target;
}

/** What the CLI hands a program of this project and stack: its name, its config as the CLI passes it, its entry point. */
export function programInputs(options: RunOptions) {
    const project = readProject(options.projectDir);
    const { config, secretKeys } = cliConfig(
        project.name,
        { ...projectDefaults(project), ...readStackConfig(options), ...options.configOverrides },
        options.secretConfig,
    );
    const typescript = typeof project.runtime === "string" || project.runtime.options?.typescript !== false;
    return { project, config, secretKeys, typescript, entryPoint: project.main ?? "." };
}

/** What a program run recorded, with how it ended: the stack's outputs are those its Stack resource registered. */
export function recordedRun(recorder: Recorder, ending: Pick<ProgramRun, "project" | "stack" | "exitCode" | "stdout" | "stderr" | "entryPoint">): ProgramRun {
    const stackUrn = recorder.registrations.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? "";
    return {
        ...ending,
        registrations: recorder.registrations,
        outputs: recorder.outputs.get(stackUrn) ?? {},
        resourceOutputs: recorder.outputs,
        logs: recorder.logs,
    };
}

/** A program started in the SDK's runner: its run when it ends, and a way to end it early. */
export interface StartedProgram {
    readonly finished: Promise<ProgramRun>;
    /** Ends the program's process (its run then ends with exit code null). */
    stop(): void;
}

/**
 * Starts the program in the SDK's runner, as `pulumi preview` starts it, and returns once its process is started, so
 * that the caller can do something else (the plan type-checks) while it boots.
 */
export async function startProgram(options: RunOptions): Promise<StartedProgram> {
    const { project, config, secretKeys, typescript, entryPoint } = programInputs(options);

    const recorder = new Recorder();
    // The monitor builds URNs from this process's SDK settings; make them the run's project and stack.
    setMockOptions(recorder, project.name, options.stack, options.preview ?? true);
    const server = await serveRecorder(recorder);
    try {
        const runner = require.resolve("@pulumi/pulumi/cmd/run", { paths: [options.projectDir] });
        const args = [
            runner,
            "--monitor", server.address,
            "--engine", server.address,
            "--project", project.name,
            "--stack", options.stack,
            "--pwd", options.projectDir,
            "--root-directory", options.projectDir,
            ...(options.preview ?? true ? ["--dry-run"] : []),
            entryPoint,
        ];
        const child = spawn(process.execPath, args, {
            cwd: options.projectDir,
            env: {
                ...process.env,
                ...options.env,
                PULUMI_CONFIG: JSON.stringify(config),
                PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(secretKeys),
                PULUMI_NODEJS_TYPESCRIPT: String(typescript),
                // The caller type-checks the program first (as the CLI's TypeScript loader would); the runner only
                // transpiles.
                PULUMI_NODEJS_TRANSPILE_ONLY: "true",
            },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        const finished = new Promise<number | null>((resolve) => child.on("close", resolve))
            .then((exitCode) => recordedRun(recorder, { project: project.name, stack: options.stack, exitCode, stdout, stderr, entryPoint }))
            .finally(() => server.close());
        return { finished, stop: () => void child.kill() };
    } catch (err) {
        await server.close();
        throw err;
    }
}

export async function runProgram(options: RunOptions): Promise<ProgramRun> {
    return (await startProgram(options)).finished;
}
