/**
 * A saved plan read back: the JSON `npm run plan -- --json --out FILE` writes (document.ts), as the ResourceStates
 * `--changes-from FILE` compares. Its secrets come back as the digests the document holds, under its salt, so the
 * current plan's secrets must be digested with that salt to be compared (statesOfRun with `mode: "digest"`).
 * Messages name places in the document, never values.
 */
import { z } from "zod";
import { PLAN_FORMAT_VERSION } from "./document";
import { isPredicted, lifecycleOf, type ResourceState, type StateValue } from "./resource-state";
import type { ValuePath } from "./state-of-run";

export type SavedPlan =
    | { readonly ok: true; readonly salt: string; readonly project: string; readonly stack: string; readonly resources: readonly ResourceState[] }
    | { readonly ok: false; readonly message: string };

const HOW_TO_MAKE_ONE = "make a new one at that revision with npm run plan -- --json --out FILE";

const path = z.array(z.union([z.string(), z.number().int().nonnegative()]));
const alias = z.union([
    z.strictObject({ urn: z.string() }),
    z.strictObject({
        name: z.string().optional(), type: z.string().optional(), parentUrn: z.string().optional(), noParent: z.boolean().optional(),
        stack: z.string().optional(), project: z.string().optional(),
    }),
]);
const urns = z.array(z.string());
const resource = z.object({
    urn: z.string(),
    type: z.string(),
    parent: z.string().nullable(),
    custom: z.boolean(),
    id: z.string(),
    inputs: z.record(z.string(), z.unknown()),
    options: z.object({
        protect: z.boolean(),
        retainOnDelete: z.boolean(),
        deleteBeforeReplace: z.boolean(),
        ignoreChanges: z.array(z.string()),
        replaceOnChanges: z.array(z.string()),
        import: z.string().nullable(),
        aliases: z.array(alias),
        replaceWith: urns,
        replacementTrigger: z.unknown().optional(),
        deletedWith: z.string().nullable(),
    }),
    dependencies: urns,
    propertyDependencies: z.record(z.string(), urns),
    secrets: z.array(z.object({ path, value: z.unknown() })),
    opaque: z.array(z.object({ path, value: z.object({ "@opaque": z.enum(["secret", "unknown"]) }) })),
});
const document = z.object({
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    secretSalt: z.string().regex(/^(?:[0-9a-f]{2}){16,}$/, "must be at least 16 bytes as lowercase hex"),
    project: z.string(),
    stack: z.string(),
    resources: z.array(resource),
});

type SavedResource = z.infer<typeof resource>;

/** Why a document is refused for its version, or undefined when it is this tool's version. */
function versionProblem(doc: unknown): string | undefined {
    const version = doc !== null && typeof doc === "object" && !Array.isArray(doc) ? (doc as Record<string, unknown>)["formatVersion"] : undefined;
    if (version === PLAN_FORMAT_VERSION) {
        return undefined;
    }
    if (version === undefined) {
        return `the saved plan has no formatVersion: it was written before plans carried what --changes-from compares; ${HOW_TO_MAKE_ONE}`;
    }
    if (typeof version === "number" && version < PLAN_FORMAT_VERSION) {
        return `the saved plan's formatVersion is ${version}, and this tool reads version ${PLAN_FORMAT_VERSION}; ${HOW_TO_MAKE_ONE}`;
    }
    return `the saved plan's formatVersion is ${JSON.stringify(version)}, and this tool reads version ${PLAN_FORMAT_VERSION} (a newer tool wrote it?); ${HOW_TO_MAKE_ONE}`;
}

/** The first few problems zod found, as places in the document; zod leaves the values out. */
function schemaProblems(error: z.ZodError): string {
    const lines = error.issues.slice(0, 5).map((issue) => `  ${issue.path.map(String).join(".") || "(the document)"}: ${issue.message}`);
    const more = error.issues.length > 5 ? [`  and ${error.issues.length - 5} more`] : [];
    return ["the saved plan is not in the format npm run plan -- --json writes:", ...lines, ...more].join("\n");
}

/** Puts `value` at `place` in `root`, where the document printed a stand-in; false when there is no such place. */
function put(root: unknown, place: ValuePath, value: StateValue, standIn?: string): boolean {
    let node = root;
    for (const key of place.slice(0, -1)) {
        node = node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
    }
    const last = place[place.length - 1];
    if (last === undefined || node === null || typeof node !== "object" || !Object.hasOwn(node, last) || Array.isArray(node) !== (typeof last === "number")) {
        return false;
    }
    const holder = node as Record<string | number, unknown>;
    if (standIn !== undefined && holder[last] !== standIn) {
        return false;
    }
    holder[last] = value;
    return true;
}

/** One resource of the document as a ResourceState, its secrets and opaque values put back where they were printed. */
function stateOf(r: SavedResource, index: number): ResourceState | string {
    const rebuilt = structuredClone({ inputs: r.inputs, options: { replacementTrigger: r.options.replacementTrigger } });
    const placed = [
        ...r.secrets.map((s, i) => ({ what: `secrets[${i}]`, path: s.path, value: s.value as StateValue, standIn: "[secret]" })),
        ...r.opaque.map((o, i) => ({ what: `opaque[${i}]`, path: o.path, value: o.value as StateValue, standIn: undefined })),
    ];
    for (const p of placed) {
        const under = p.path[0] === "inputs" || (p.path[0] === "options" && p.path[1] === "replacementTrigger");
        if (!under || !put(rebuilt, p.path, p.value, p.standIn)) {
            return `resources[${index}].${p.what}.path does not name a place in the resource's inputs or replacementTrigger${p.standIn !== undefined ? ` that holds "${p.standIn}"` : ""}`;
        }
    }
    const trigger = rebuilt.options.replacementTrigger;
    return {
        urn: r.urn,
        type: r.type,
        custom: r.custom,
        parent: r.parent,
        ...(r.id !== "" ? { id: r.id } : {}),
        inputs: rebuilt.inputs as Record<string, StateValue>,
        secretInputs: [...new Set(r.secrets.filter((s) => s.path[0] === "inputs" && s.path.length > 1).map((s) => String(s.path[1])))].sort(),
        propertyDependencies: r.propertyDependencies,
        dependencies: r.dependencies,
        ...lifecycleOf(r.options, trigger === undefined ? undefined : (trigger as StateValue)),
    };
}

/**
 * A parsed saved plan as ResourceStates (every resource but the Stack and providers, see isPredicted), with the salt
 * its secrets were digested with; or why it cannot be read, including how to make one that can.
 */
export function loadSavedPlan(json: unknown): SavedPlan {
    const refused = versionProblem(json);
    if (refused !== undefined) {
        return { ok: false, message: refused };
    }
    const parsed = document.safeParse(json);
    if (!parsed.success) {
        return { ok: false, message: schemaProblems(parsed.error) };
    }
    const resources: ResourceState[] = [];
    for (const [index, r] of parsed.data.resources.entries()) {
        const state = stateOf(r, index);
        if (typeof state === "string") {
            return { ok: false, message: `the saved plan is not in the format npm run plan -- --json writes: ${state}` };
        }
        if (isPredicted(state.type)) {
            resources.push(state);
        }
    }
    return { ok: true, salt: parsed.data.secretSalt, project: parsed.data.project, stack: parsed.data.stack, resources };
}
