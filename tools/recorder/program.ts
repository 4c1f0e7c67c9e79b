/**
 * Runs a Pulumi program the way `pulumi preview`/`pulumi up` runs it, with the recorder in place of the engine:
 * reads Pulumi.yaml (`main`, runtime options) and the stack's config file, sets `PULUMI_CONFIG` and
 * `PULUMI_CONFIG_SECRET_KEYS` as the CLI does, and starts the SDK's own runner (`@pulumi/pulumi/cmd/run`) with the
 * arguments the Node.js language host passes. What it does not do: the CLI's plugin installation, secrets
 * decryption (a `secure:` value is refused), and the engine's diffing against state.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { setMockOptions } from "@pulumi/pulumi/runtime/settings";
import { parse } from "yaml";
import { Recorder, type LogEntry, type Registration } from "./recorder";
import { serveRecorder } from "./monitor-server";

export interface ProgramRun {
    readonly exitCode: number | null;
    readonly registrations: readonly Registration[];
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
    /** @default `Pulumi.<stack>.yaml` beside Pulumi.yaml */
    readonly configFile?: string;
    /** Config to overlay on the file's, as parsed YAML values keyed like the file's keys. */
    readonly configOverrides?: Readonly<Record<string, unknown>>;
    /**
     * Secret config, as the CLI hands it to a program after decrypting it: plaintext in PULUMI_CONFIG, the key listed
     * in PULUMI_CONFIG_SECRET_KEYS.
     */
    readonly secretConfig?: Readonly<Record<string, unknown>>;
}

interface ProjectFile {
    readonly name: string;
    readonly main?: string;
    readonly runtime: string | { readonly name: string; readonly options?: { readonly typescript?: boolean } };
}

/** The config the CLI hands a program: namespaced keys, strings as they are, structured values as JSON. */
export function cliConfig(
    project: string,
    values: Readonly<Record<string, unknown>>,
    secrets: Readonly<Record<string, unknown>> = {},
): { config: Record<string, string>; secretKeys: string[] } {
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const put = (key: string, value: unknown, secret: boolean) => {
        const full = key.includes(":") ? key : `${project}:${key}`;
        if (value !== null && typeof value === "object" && "secure" in value) {
            throw new Error(`config key "${full}" is a secure value; it cannot be decrypted offline`);
        }
        config[full] = typeof value === "string" ? value : JSON.stringify(value);
        if (secret) {
            secretKeys.push(full);
        }
    };
    Object.entries(values).forEach(([key, value]) => put(key, value, false));
    Object.entries(secrets).forEach(([key, value]) => put(key, value, true));
    return { config, secretKeys };
}

export async function runProgram(options: RunOptions): Promise<ProgramRun> {
    const project = parse(fs.readFileSync(path.join(options.projectDir, "Pulumi.yaml"), "utf8")) as ProjectFile;
    const configFile = options.configFile ?? path.join(options.projectDir, `Pulumi.${options.stack}.yaml`);
    const stackFile = (parse(fs.readFileSync(configFile, "utf8")) ?? {}) as { config?: Record<string, unknown> };
    const { config, secretKeys } = cliConfig(project.name, { ...stackFile.config, ...options.configOverrides }, options.secretConfig);
    const typescript = typeof project.runtime === "string" || project.runtime.options?.typescript !== false;
    const entryPoint = project.main ?? ".";

    const recorder = new Recorder();
    // The monitor builds URNs from this process's SDK settings; make them the run's project and stack.
    setMockOptions(recorder, project.name, options.stack, false);
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
            entryPoint,
        ];
        const child = spawn(process.execPath, args, {
            cwd: options.projectDir,
            env: {
                ...process.env,
                PULUMI_CONFIG: JSON.stringify(config),
                PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(secretKeys),
                PULUMI_NODEJS_TYPESCRIPT: String(typescript),
                // `npm test` type-checks the program with tsc first; the runner then only transpiles.
                PULUMI_NODEJS_TRANSPILE_ONLY: "true",
            },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        const exitCode = await new Promise<number | null>((resolve) => child.on("close", resolve));
        return { exitCode, registrations: recorder.registrations, logs: recorder.logs, stdout, stderr, entryPoint };
    } finally {
        await server.close();
    }
}
