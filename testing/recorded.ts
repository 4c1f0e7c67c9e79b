/**
 * What a stack author's test reads: each resource the program registered, as the Pulumi engine would receive it, with
 * the resource options that Pulumi's standard mocks never show, and every secret replaced by a marker. Plain data:
 * it can be compared, printed and snapshotted without leaking a secret.
 */
import { SECRET, UNKNOWN, redact, type Registration } from "../tools/recorder/recorder";
import type { ProgramRun } from "../tools/recorder/program";

/** What an input or output holds where the program passed a secret. */
export const SECRET_MARKER: "[secret]" = SECRET;

/** What an input or output holds where the value is not known until deployment (`pulumi preview` shows "output<string>"). */
export const UNKNOWN_MARKER: "[unknown]" = UNKNOWN;

/**
 * The resource options the engine would apply to a resource. Options a resource did not set read as the engine
 * reads them for a new resource: `false` or empty.
 */
export interface RecordedOptions {
    /** `protect`: the engine refuses to delete the resource (`pulumi destroy`, removal from the program). */
    readonly protect: boolean;
    /** `retainOnDelete`: a delete removes the resource from the stack and leaves it in Azure. */
    readonly retainOnDelete: boolean;
    /** `deleteBeforeReplace`: a replacement deletes the old resource before it creates the new one. */
    readonly deleteBeforeReplace: boolean;
    /** `ignoreChanges`: input paths whose changes the engine ignores. */
    readonly ignoreChanges: readonly string[];
    /** `replaceOnChanges`: input paths whose changes replace the resource. */
    readonly replaceOnChanges: readonly string[];
    /** Direct dependencies, as URNs: explicit `dependsOn` and those implied by inputs that are other resources' outputs. */
    readonly dependencies: readonly string[];
    /** The id given with the `import` option (an adopted resource), or null. */
    readonly import: string | null;
}

/** One resource registration, as the engine would receive it from `pulumi preview` (or `pulumi up`). */
export interface RecordedResource {
    /** `urn:pulumi:<stack>::<project>::<type chain>::<name>`. */
    readonly urn: string;
    /** The Pulumi type token: `azure-native:compute:Disk`, `azure-persistent-vm:index:LinuxVm`. */
    readonly type: string;
    /** The Pulumi resource name (the first argument of the constructor). */
    readonly name: string;
    /** The parent's URN; null for the stack itself. */
    readonly parent: string | null;
    /** True for a provider's resource (a custom resource), false for a component. */
    readonly custom: boolean;
    /**
     * The id the recorder made up for it (empty for a component): an Azure-style resource id with an all-zero
     * subscription for the types the library registers, `placeholder-id-of-<name>` otherwise. Another resource's input
     * that takes this one's id holds exactly this text.
     */
    readonly id: string;
    /**
     * The inputs, as plain data: each secret reads "[secret]" (`SECRET_MARKER`) and each value not known until
     * deployment "[unknown]" (`UNKNOWN_MARKER`). A component's inputs are usually empty.
     */
    readonly inputs: Readonly<Record<string, unknown>>;
    /** Where the inputs held secrets, as paths: `osProfile.adminPassword`, `protectedSettings`. */
    readonly secretPaths: readonly string[];
    /** Input name -> the URNs of the resources whose outputs that input took. */
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    /** The resource options the engine would apply. */
    readonly options: RecordedOptions;
}

/**
 * A log entry of the program (`pulumi.log.info` or `warn`, a component's warning, an unhandled error). The SDK's
 * debug entries are left out: they echo every registration's response, secrets' values included, and the CLI shows
 * them only when asked to.
 */
export interface RecordedLog {
    /** `info` (`pulumi.log.info`), `warning` (`pulumi.log.warn`, the library's warnings), `error` (which fails the run). */
    readonly severity: "info" | "warning" | "error";
    /** The text as the program logged it. */
    readonly message: string;
}

/** What a run of a program (or a function) recorded. */
export interface StackRun {
    /** The project's name (Pulumi.yaml's `name`, or the one given to `runFunction`). */
    readonly project: string;
    /** The stack's name. */
    readonly stack: string;
    /** Every registration, in the order the program made them; the first is the stack (`pulumi:pulumi:Stack`). */
    readonly registrations: readonly RecordedResource[];
    /** The stack's outputs (the program's exports), secrets and unknowns marked as in `RecordedResource.inputs`. */
    readonly outputs: Readonly<Record<string, unknown>>;
    /** The program's log, in order, without the SDK's debug entries. */
    readonly logs: readonly RecordedLog[];
}

/**
 * Each recorded resource's inputs with the secrets' values, for the checks that must judge a value inside a secret (a
 * scale set's whole `virtualMachineProfile` is one when it holds a password) without printing it. Kept beside the
 * resource, not on it, so nothing reachable from a RecordedResource holds a secret's value.
 */
const PLAINTEXT = new WeakMap<RecordedResource, Readonly<Record<string, unknown>>>();

/**
 * The inputs a check reads: with the secrets' values for a resource a run returned, the marked inputs otherwise (a
 * resource written out by hand, or copied). Internal to the testing entry: not exported to users.
 */
export function inputsToJudge(resource: RecordedResource): Readonly<Record<string, unknown>> {
    return PLAINTEXT.get(resource) ?? resource.inputs;
}

function recordedResource(r: Registration): RecordedResource {
    const resource: RecordedResource = {
        urn: r.urn,
        type: r.type,
        name: r.name,
        parent: r.parent,
        custom: r.custom,
        id: r.id,
        inputs: redact(r.rawInputs) as Record<string, unknown>,
        secretPaths: [...r.secretPaths],
        propertyDependencies: r.propertyDependencies,
        options: {
            protect: r.options.protect,
            retainOnDelete: r.options.retainOnDelete,
            deleteBeforeReplace: r.options.deleteBeforeReplace,
            ignoreChanges: [...r.options.ignoreChanges],
            replaceOnChanges: [...r.options.replaceOnChanges],
            dependencies: [...r.options.dependencies],
            import: r.options.import,
        },
    };
    PLAINTEXT.set(resource, r.inputs);
    return resource;
}

/** The recorder's run, as a test reads it: secrets marked, nothing that can print one. */
export function stackRunOf(run: ProgramRun): StackRun {
    return {
        project: run.project,
        stack: run.stack,
        registrations: run.registrations.map(recordedResource),
        outputs: redact(run.outputs) as Record<string, unknown>,
        logs: run.logs.flatMap(({ severity, message }) => (severity === "debug" ? [] : [{ severity, message }])),
    };
}

/** The registrations of one type, in registration order. */
export function resourcesOfType(registrations: readonly RecordedResource[], type: string): RecordedResource[] {
    return registrations.filter((r) => r.type === type);
}

/**
 * The one registration with this type and name. Throws when there is none, listing what was registered, so a
 * misspelt name fails with the names to choose from.
 */
export function findResource(registrations: readonly RecordedResource[], type: string, name: string): RecordedResource {
    const found = registrations.find((r) => r.type === type && r.name === name);
    if (found === undefined) {
        const sameType = registrations.filter((r) => r.type === type).map((r) => JSON.stringify(r.name));
        const listed = sameType.length > 0 ? `the ${type} registered are ${sameType.join(", ")}`
            : `nothing of that type was registered; the types registered are ${[...new Set(registrations.map((r) => r.type))].sort().join(", ")}`;
        throw new Error(`findResource: no ${type} named ${JSON.stringify(name)} was registered; ${listed}.`);
    }
    return found;
}

/** The registrations whose parent is this one (a component's direct children), in registration order. */
export function childrenOf(registrations: readonly RecordedResource[], parent: RecordedResource): RecordedResource[] {
    return registrations.filter((r) => r.parent === parent.urn);
}
