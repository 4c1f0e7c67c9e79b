/**
 * The component provider as the Pulumi engine runs it for a program in another language: one plugin process started
 * as the Node.js language host starts it (the SDK's `cmd/run-plugin` with the plugin folder and the engine's address),
 * from its compiled JavaScript (test/support/build-provider.ts builds it), called over the SDK's own resource-provider
 * gRPC protocol on loopback. Each Construct gets a fresh recorder (tools/recorder/recorder.ts) served as its resource
 * monitor, so what the component registers in the plugin is recorded exactly as the engine would receive it; and
 * `runTypeScript` runs the same component in this process, as a TypeScript program declares it, under the recorder.
 * What it does not do: the engine's own marshalling of a program's values (a test writes the wire form it means), the
 * engine's plugin installation, and the language SDKs generated from the schema (no Pulumi CLI here).
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import type { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { ConstructRequest, GetSchemaRequest, type ConstructResponse, type GetSchemaResponse } from "@pulumi/pulumi/proto/provider_pb";
import type * as pulumi from "@pulumi/pulumi";
import { deserializeProperties, serializeResourceProperties, specialOutputValueSig, specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { runProgramInProcess } from "../../tools/recorder/in-process";
import { serveRecorder, type MonitorServer } from "../../tools/recorder/monitor-server";
import { Recorder, valueOf, type LogEntry, type Registration } from "../../tools/recorder/recorder";
import { REPO } from "./project-copy";

/** The plugin's folder: PulumiPlugin.yaml, its package.json (whose `main` is the compiled entry) and schema.json. */
export const PROVIDER_DIR = path.join(REPO, "provider");

/**
 * The project and stack of every Construct and every TypeScript run: the repository's own project (Pulumi.yaml), with
 * a stack that has no config file, so the component gets no config on either side.
 */
export const PROJECT = "azure-persistent-vm";
export const STACK = "construct";
/** The SDK's Stack resource of that project and stack: the parent the engine names for a program's component. */
export const STACK_URN = `urn:pulumi:${STACK}::${PROJECT}::pulumi:pulumi:Stack::${PROJECT}-${STACK}`;

export interface Plugin {
    readonly client: ResourceProviderClient;
    /** Seconds from spawning the process to its port on standard output. */
    readonly startSeconds: number;
    /** Everything the plugin has logged to the engine (the SDK's `log` calls), over all calls so far. */
    readonly engineLogs: readonly LogEntry[];
    /** What the process has written to standard output and error so far. */
    output(): string;
    /** Ends the process and the engine's server. */
    stop(): Promise<void>;
}

/**
 * Starts the plugin as the Node.js language host does: `node <sdk>/cmd/run-plugin <plugin folder> <engine address>`,
 * in the plugin's folder, with the SDK the folder resolves; the plugin prints the port of its gRPC server on standard
 * output. The folder is this repository's provider/ unless given (an installed copy).
 */
export async function startPlugin(pluginDir: string = PROVIDER_DIR): Promise<Plugin> {
    const engine = new Recorder();
    const engineServer = await serveRecorder(engine);
    const runPlugin = require.resolve("@pulumi/pulumi/cmd/run-plugin", { paths: [pluginDir] });
    const started = performance.now();
    const child = spawn(process.execPath, [runPlugin, pluginDir, engineServer.address], { cwd: pluginDir, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
            output += chunk.toString();
            const line = /^(\d+)\n/.exec(output);
            if (line?.[1] !== undefined) {
                resolve(Number(line[1]));
            }
        });
        child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
        void exited.then((code) => reject(new Error(`the plugin exited (code ${String(code)}) before printing its port:\n${output}`)));
    });
    const startSeconds = (performance.now() - started) / 1000;
    const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return {
        client,
        startSeconds,
        engineLogs: engine.logs,
        output: () => output,
        stop: async () => {
            client.close();
            child.kill();
            await exited;
            await engineServer.close();
        },
    };
}

/** A unary call's outcome as a promise. */
function settle<Res>(call: (callback: (err: grpc.ServiceError | null, res: Res) => void) => unknown): Promise<Res> {
    return new Promise((resolve, reject) => {
        call((err, res) => (err ? reject(err) : resolve(res)));
    });
}

export async function pluginVersion(plugin: Plugin): Promise<string> {
    const info = await settle<PluginInfo>((callback) => plugin.client.getPluginInfo(new Empty(), callback));
    return info.getVersion();
}

export async function pluginSchema(plugin: Plugin): Promise<string> {
    const response = await settle<GetSchemaResponse>((callback) => plugin.client.getSchema(new GetSchemaRequest(), callback));
    return response.getSchema();
}

/** One Construct, as the engine sends it for a program's component. */
export interface ConstructCall {
    readonly type: string;
    readonly name: string;
    /**
     * The inputs in their wire form (what `serializeProperties` makes of a program's values, or a form written out by
     * hand: the secret and output-value objects with the SDK's signature key).
     */
    readonly inputs: Record<string, unknown>;
    /** Input name -> the URNs of the resources its value comes from. */
    readonly inputDependencies?: Readonly<Record<string, readonly string[]>>;
    /** Whether the caller accepts output values in the returned state (the engine sets it). */
    readonly acceptsOutputValues?: boolean;
    /** The component's own resource options, as the engine sends them. */
    readonly protect?: boolean;
    readonly dependencies?: readonly string[];
}

/** What a Construct did: what the component registered, and the plugin's answer or error. */
export interface Constructed {
    readonly registrations: readonly Registration[];
    /** The component's URN and its state (outputs deserialized with secrets still wrapped), when Construct succeeded. */
    readonly urn: string | undefined;
    readonly state: Record<string, unknown> | undefined;
    /** Output name -> the URNs it depends on. */
    readonly stateDependencies: Readonly<Record<string, readonly string[]>>;
    readonly error: grpc.ServiceError | undefined;
    /** What the plugin logged to the engine during this call. */
    readonly logs: readonly LogEntry[];
}

/** Sends one Construct in preview (dry run), with a fresh recorder as its monitor; calls must not overlap. */
export async function construct(plugin: Plugin, call: ConstructCall): Promise<Constructed> {
    const recorder = new Recorder();
    const monitor: MonitorServer = await serveRecorder(recorder);
    const logsBefore = plugin.engineLogs.length;
    const request = new ConstructRequest()
        .setProject(PROJECT)
        .setStack(STACK)
        .setDryrun(true)
        .setParallel(-1)
        .setMonitorendpoint(monitor.address)
        .setType(call.type)
        .setName(call.name)
        .setParent(STACK_URN)
        .setInputs(Struct.fromJavaScript(call.inputs as Parameters<typeof Struct.fromJavaScript>[0]))
        .setProtect(call.protect ?? false)
        .setDependenciesList([...(call.dependencies ?? [])])
        .setAcceptsOutputValues(call.acceptsOutputValues ?? false);
    for (const [key, urns] of Object.entries(call.inputDependencies ?? {})) {
        request.getInputdependenciesMap().set(key, new ConstructRequest.PropertyDependencies().setUrnsList([...urns]));
    }
    try {
        const response = await settle<ConstructResponse>((callback) => plugin.client.construct(request, callback));
        const state = response.getState();
        const stateDependencies: Record<string, string[]> = {};
        response.getStatedependenciesMap().forEach((deps, key) => {
            stateDependencies[key] = deps.getUrnsList();
        });
        return {
            registrations: recorder.registrations,
            urn: response.getUrn(),
            state: state ? (deserializeProperties(state, true) as Record<string, unknown>) : {},
            stateDependencies,
            error: undefined,
            logs: plugin.engineLogs.slice(logsBefore),
        };
    } catch (err) {
        if (!isServiceError(err)) {
            throw err;
        }
        return { registrations: recorder.registrations, urn: undefined, state: undefined, stateDependencies: {}, error: err, logs: plugin.engineLogs.slice(logsBefore) };
    } finally {
        await monitor.close();
    }
}

function isServiceError(err: unknown): err is grpc.ServiceError {
    return err instanceof Error && typeof Reflect.get(err, "code") === "number" && typeof Reflect.get(err, "details") === "string";
}

/**
 * Runs `program` (it declares the component) in this process, as the SDK runs a TypeScript program of the same project
 * and stack in preview, under a fresh recorder (tools/recorder/in-process.ts); returns what it registered besides the
 * SDK's Stack resource, which Construct does not register (the engine's program does), and what it logged. Throws when
 * the program fails.
 */
export async function runTypeScript(program: () => void): Promise<{ registrations: Registration[]; logs: readonly LogEntry[] }> {
    // The load hook hands the runner the program itself, as the Automation API runs an inline program.
    const run = await runProgramInProcess({ projectDir: REPO, stack: STACK, preview: true, load: async () => program });
    if (run.exitCode !== 0) {
        throw new Error(`the TypeScript program failed: ${run.logs.filter((l) => l.severity === "error").map((l) => l.message).join("\n")}`);
    }
    return { registrations: run.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack"), logs: run.logs };
}

/** A component's registration and those of its descendants (the program may declare what the component waits for). */
export function subtree(registrations: readonly Registration[], urn: string): Registration[] {
    const kept = new Set([urn]);
    for (let size = 0; size !== kept.size;) {
        size = kept.size;
        registrations.filter((r) => r.parent !== null && kept.has(r.parent)).forEach((r) => kept.add(r.urn));
    }
    return registrations.filter((r) => kept.has(r.urn));
}

/** What a user sees of a run's log: every entry but the SDK's debug traces (the CLI shows them only with --debug). */
export function shown(logs: readonly LogEntry[]): LogEntry[] {
    return logs.filter((l) => l.severity !== "debug");
}

/** Registrations sorted by URN: the engine orders them by their dependencies, not by when they arrive. */
export function byUrn(registrations: readonly Registration[]): Registration[] {
    return [...registrations].sort((a, b) => a.urn.localeCompare(b.urn));
}

/** A secret in the wire form the engine sends without output values: the SDK's secret object. */
export function wireSecret(value: unknown): Record<string, unknown> {
    return { [specialSigKey]: specialSecretSig, value };
}

/**
 * An output value in the wire form the engine sends to a provider that accepts output values: the value (left out when
 * unknown), whether it is a secret, and the URNs of the resources it comes from.
 */
export function wireOutput(value: unknown, options: { secret?: boolean; dependencies?: readonly string[]; known?: boolean } = {}): Record<string, unknown> {
    return {
        [specialSigKey]: specialOutputValueSig,
        ...(options.known === false ? {} : { value }),
        ...(options.secret === true ? { secret: true } : {}),
        ...(options.dependencies === undefined ? {} : { dependencies: [...options.dependencies] }),
    };
}

/**
 * What Construct should return for a component built in TypeScript: `outputs` maps each schema output to the
 * TypeScript component's Output for it, and each goes through the SDK's own state serialization, as the provider's
 * server sends a component's state, and back, as `construct` reads it: a secret stays the SDK's secret object, a value
 * unknown in preview the unknown marker, and an output the component does not set (a generated credential when one
 * was given) is left out. The dependencies are each output's resources' URNs, as the server sends them.
 */
export async function expectedState(outputs: Readonly<Record<string, pulumi.Output<unknown> | undefined>>): Promise<Pick<Constructed, "state" | "stateDependencies">> {
    const [wire, resources] = await serializeResourceProperties("expected state", outputs);
    const dependencies = await Promise.all([...resources].map(async ([key, set]) => [key, await Promise.all([...set].map((r) => valueOf(r.urn)))] as const));
    return { state: deserializeProperties(Struct.fromJavaScript(wire), true) as Record<string, unknown>, stateDependencies: Object.fromEntries(dependencies) };
}
