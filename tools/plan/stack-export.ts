/**
 * A stack's state as `pulumi stack export` writes it (an untyped deployment of version 3: `ResourceV3` in the Pulumi
 * CLI's sdk/go/common/apitype/core.go), as the ResourceStates `--changes-from FILE` compares. A secret is an object
 * whose signature key holds the secret signature and `ciphertext` (kept opaque: this tool decrypts nothing) or, with
 * `--show-secrets`, `plaintext` (the value's JSON text). Messages name places in the file, never values.
 */
import { z } from "zod";
import { OPAQUE_SECRET, OPAQUE_UNKNOWN, isPredicted, type ResourceState, type StateValue } from "./resource-state";

export type StackExport =
    | {
        readonly ok: true;
        /** The resources to predict: every resource but the stack, providers and those in `pending`. */
        readonly resources: readonly ResourceState[];
        /** Resources the state already holds for deletion (`delete: true`, `pendingReplacement: true`). */
        readonly pending: readonly ResourceState[];
        /** The subscription most resources' ids name (`/subscriptions/<id>/`), if any id names one. */
        readonly subscriptionId?: string;
        /** False when some secret is held as ciphertext (exported without `--show-secrets`). */
        readonly secretsShown: boolean;
    }
    | { readonly ok: false; readonly message: string };

/** The signatures of the state's encoding (the Pulumi SDK's resource/sig/sig.go). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** What the state holds for a value unknown when it was written (pkg/resource/stack/deployment.go). */
const COMPUTED = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const urns = z.array(z.string());
const resourceV3 = z.object({
    urn: z.string(),
    custom: z.boolean(),
    delete: z.boolean().optional(),
    id: z.string().optional(),
    type: z.string(),
    inputs: z.record(z.string(), z.unknown()).optional(),
    parent: z.string().optional(),
    protect: z.boolean().optional(),
    taint: z.boolean().optional(),
    external: z.boolean().optional(),
    dependencies: urns.optional(),
    propertyDependencies: z.record(z.string(), urns).optional(),
    pendingReplacement: z.boolean().optional(),
    importID: z.string().optional(),
    retainOnDelete: z.boolean().optional(),
    deletedWith: z.string().optional(),
    replaceWith: urns.optional(),
    ignoreChanges: z.array(z.string()).optional(),
    replaceOnChanges: z.array(z.string()).optional(),
    replacementTrigger: z.unknown().optional(),
});
const untypedDeployment = z.object({
    version: z.number(),
    deployment: z.object({ resources: z.array(resourceV3).optional() }),
});

type ResourceV3 = z.infer<typeof resourceV3>;

interface Reading {
    /** Whether a secret was held as ciphertext. */
    hidden: boolean;
    /** A problem found in a value, with its place. */
    problem?: string;
}

/** A value of the state as a StateValue: secrets plain or opaque, unknowns and other signed values opaque. */
function valueOf(v: unknown, place: string, reading: Reading): StateValue {
    if (v === COMPUTED) {
        return OPAQUE_UNKNOWN;
    }
    if (v === null || typeof v === "boolean" || typeof v === "number" || typeof v === "string") {
        return v;
    }
    if (Array.isArray(v)) {
        return v.map((item: unknown, index) => valueOf(item, `${place}[${index}]`, reading));
    }
    if (typeof v !== "object") {
        return OPAQUE_UNKNOWN;
    }
    const object = v as Record<string, unknown>;
    if (object[SIG_KEY] === SECRET_SIG) {
        if (typeof object["plaintext"] !== "string") {
            reading.hidden = true;
            return OPAQUE_SECRET;
        }
        try {
            return valueOf(JSON.parse(object["plaintext"]) as unknown, place, reading);
        } catch {
            reading.problem ??= `${place}: a secret's plaintext is not JSON`;
            return OPAQUE_SECRET;
        }
    }
    // A resource reference, an asset, an archive, bytes or a float JSON cannot hold: compared by the engine's own rules.
    if (SIG_KEY in object) {
        return OPAQUE_UNKNOWN;
    }
    return Object.fromEntries(Object.entries(object).map(([k, x]) => [k, valueOf(x, `${place}.${k}`, reading)]));
}

function isSecret(v: unknown): boolean {
    return v !== null && typeof v === "object" && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/** Whether a value of the state holds a secret anywhere. */
function holdsSecret(v: unknown): boolean {
    return isSecret(v) || (v !== null && typeof v === "object" && Object.values(v).some(holdsSecret));
}

function stateOf(r: ResourceV3, index: number, reading: Reading): ResourceState {
    const inputs = r.inputs ?? {};
    return {
        urn: r.urn,
        type: r.type,
        custom: r.custom,
        parent: r.parent ?? null,
        ...(r.id !== undefined && r.id !== "" ? { id: r.id } : {}),
        inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, valueOf(v, `resources[${index}].inputs.${k}`, reading)])),
        secretInputs: Object.keys(inputs).filter((k) => holdsSecret(inputs[k])).sort(),
        propertyDependencies: r.propertyDependencies ?? {},
        dependencies: r.dependencies ?? [],
        protect: r.protect ?? false,
        retainOnDelete: r.retainOnDelete ?? false,
        // The state does not keep it: the engine takes it from the program.
        deleteBeforeReplace: false,
        ignoreChanges: r.ignoreChanges ?? [],
        replaceOnChanges: r.replaceOnChanges ?? [],
        importId: r.importID !== undefined && r.importID !== "" ? r.importID : null,
        aliases: [],
        replaceWith: r.replaceWith ?? [],
        replacementTrigger: r.replacementTrigger === undefined ? undefined : valueOf(r.replacementTrigger, `resources[${index}].replacementTrigger`, reading),
        deletedWith: r.deletedWith !== undefined && r.deletedWith !== "" ? r.deletedWith : null,
        ...(r.external === true ? { external: true } : {}),
        ...(r.taint === true ? { taint: true } : {}),
    };
}

/** The subscription most ids name, as written in the first id that names it. */
function mainSubscription(resources: readonly ResourceState[]): string | undefined {
    const counts = new Map<string, { id: string; n: number }>();
    for (const r of resources) {
        const found = /\/subscriptions\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i.exec(r.id ?? "")?.[1];
        if (found !== undefined) {
            const seen = counts.get(found.toLowerCase()) ?? { id: found, n: 0 };
            counts.set(found.toLowerCase(), { ...seen, n: seen.n + 1 });
        }
    }
    return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.id;
}

/** A parsed `pulumi stack export` as ResourceStates, or why it cannot be read. */
export function loadStackExport(json: unknown): StackExport {
    const version = json !== null && typeof json === "object" ? (json as Record<string, unknown>)["version"] : undefined;
    if (version !== 3) {
        return {
            ok: false,
            message: `the stack export's version is ${typeof version === "number" ? version : "missing"}, and this tool reads version 3 (what pulumi stack export writes unless the stack uses features that need version 4)`,
        };
    }
    const parsed = untypedDeployment.safeParse(json);
    if (!parsed.success) {
        const lines = parsed.error.issues.slice(0, 5).map((issue) => `  ${issue.path.map(String).join(".")}: ${issue.message}`);
        return { ok: false, message: ["the stack export is not what pulumi stack export writes:", ...lines].join("\n") };
    }
    const reading: Reading = { hidden: false };
    const resources: ResourceState[] = [];
    const pending: ResourceState[] = [];
    (parsed.data.deployment.resources ?? []).forEach((r, index) => {
        if (!isPredicted(r.type)) {
            return;
        }
        const state = stateOf(r, index, reading);
        (r.delete === true || r.pendingReplacement === true ? pending : resources).push(state);
    });
    if (reading.problem !== undefined) {
        return { ok: false, message: `the stack export is not what pulumi stack export writes: ${reading.problem}` };
    }
    const subscriptionId = mainSubscription([...resources, ...pending]);
    return { ok: true, resources, pending, ...(subscriptionId !== undefined ? { subscriptionId } : {}), secretsShown: !reading.hidden };
}
