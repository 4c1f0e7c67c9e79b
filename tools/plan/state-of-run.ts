/**
 * A recorded program run as the ResourceStates the prediction compares: each registration's inputs as the engine
 * would receive them, with secrets kept plain (two runs compared in memory; never written out) or digested (a saved
 * plan, or a run compared with one), and what cannot be compared offline made opaque. Pure but for the digest's
 * salt, which the caller gives.
 */
import { randomBytes, scryptSync } from "node:crypto";
import { isRpcSecret, unknownValue, unwrapRpcSecret } from "@pulumi/pulumi/runtime/rpc";
import type { ProgramRun } from "../recorder/program";
import { SECRET, type Registration } from "../recorder/recorder";
import { OPAQUE_SECRET, OPAQUE_UNKNOWN, isPredicted, lifecycleOf, type OpaqueValue, type ResourceState, type StateValue } from "./resource-state";

/** How secret values are kept: as they are (in memory only), or each leaf as a salted digest. */
export type SecretMode = { readonly mode: "plain" } | { readonly mode: "digest"; readonly salt: string };

/** A place in a JSON value: object keys and array indices, so a key "a.b" and the keys a then b never look alike. */
export type ValuePath = readonly (string | number)[];

/** A secret and where it is: its value with every leaf kept as the SecretMode says. */
export interface SecretAt {
    readonly path: ValuePath;
    readonly value: StateValue;
}

/** A value that is not a secret and still cannot be compared offline, and where it is. */
export interface OpaqueAt {
    readonly path: ValuePath;
    readonly value: OpaqueValue;
}

/** A deserialized value as a StateValue, with where its (outermost) secrets and its opaque values are. */
export interface ConvertedValue {
    readonly value: StateValue;
    readonly secrets: readonly SecretAt[];
    readonly opaque: readonly OpaqueAt[];
}

type Leaf = null | boolean | number | string;

/** What a leaf under a secret becomes. */
export type SecretLeaf = (leaf: Leaf) => StateValue;

/** A fresh salt for one document's digests: 16 random bytes, as hex. */
export function newSecretSalt(): string {
    return randomBytes(16).toString("hex");
}

/**
 * The digest: scrypt (N = 2^14, r = 8, p = 1: 16 MiB and, measured on the 2-core build machine, 37 ms a value) over
 * the leaf's JSON text (a leaf's JSON is canonical: `"web01"`, `128`, `true`, `null`), salted with the document's
 * salt. Equal values under one salt give equal digests, so each distinct value is digested once per salt: the dev
 * stack's 12 secret leaves hold 7 distinct values (0.3 s), the fleets fixture's 43 hold 32 (1.2 s), a plan of 100
 * distinct values takes 3.7 s. HMAC-SHA256 would take microseconds, and that is the reason not to use it.
 * The guessing risk: the salt is in the document, so whoever holds a saved plan can test a guess against every leaf
 * at about 37 ms of one core per guess (and 16 MiB each, which limits what a GPU gains). A generated password is out
 * of reach; a short or common value (a 6-digit PIN: a million guesses, about 10 core-hours; a user name, a word from
 * a list) is not. Keep saved plans where the stack's other deployment files are kept; the digests hide values from
 * readers, not from guessing.
 */
const SCRYPT = { N: 2 ** 14, r: 8, p: 1 } as const;

/** A digest function for one salt, remembering the values it has digested. */
export function digester(salt: string): (leaf: Leaf) => string {
    if (!/^(?:[0-9a-f]{2}){16,}$/.test(salt)) {
        throw new Error("a secret salt is at least 16 bytes, as lowercase hex");
    }
    const key = Buffer.from(salt, "hex");
    const known = new Map<string, string>();
    return (leaf) => {
        const text = JSON.stringify(leaf);
        let digest = known.get(text);
        if (digest === undefined) {
            digest = scryptSync(text, key, 32, SCRYPT).toString("hex");
            known.set(text, digest);
        }
        return digest;
    };
}

/** What a leaf under a secret becomes in this mode. */
export function secretLeaf(mode: SecretMode): SecretLeaf {
    if (mode.mode === "plain") {
        return (leaf) => leaf;
    }
    const digest = digester(mode.salt);
    return (leaf) => ({ "@digest": digest(leaf) });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
    if (v === null || typeof v !== "object") {
        return false;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
}

/**
 * A value as the recorder deserialized it (secrets wrapped, unknowns as the SDK's marker) as a StateValue. A leaf
 * under a secret becomes what `leaf` makes of it. Opaque: a value unknown until deployment, anything that is not
 * JSON (a resource reference, an asset), and a string holding the recorder's "[secret]", the stand-in for a
 * `secure:` config value the offline run cannot decrypt, which `pulumi up` would see decrypted.
 */
export function convertValue(raw: unknown, leaf: SecretLeaf): ConvertedValue {
    const secrets: SecretAt[] = [];
    const opaque: OpaqueAt[] = [];
    const walk = (v: unknown, path: (string | number)[], inSecret: boolean): StateValue => {
        if (isRpcSecret(v)) {
            const inner = walk(unwrapRpcSecret(v), path, true);
            if (!inSecret) {
                secrets.push({ path, value: inner });
            }
            return inner;
        }
        const stop = (value: OpaqueValue): StateValue => {
            if (!inSecret) {
                opaque.push({ path, value });
            }
            return value;
        };
        if (v === unknownValue) {
            return stop(OPAQUE_UNKNOWN);
        }
        if (typeof v === "string" && v.includes(SECRET)) {
            return stop(OPAQUE_SECRET);
        }
        if (v === null || typeof v === "boolean" || typeof v === "number" || typeof v === "string") {
            return inSecret ? leaf(v) : v;
        }
        if (Array.isArray(v)) {
            return v.map((item: unknown, index) => walk(item, [...path, index], inSecret));
        }
        if (isPlainObject(v)) {
            return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, walk(x, [...path, k], inSecret)]));
        }
        return stop(OPAQUE_UNKNOWN);
    };
    return { value: walk(raw, [], false), secrets, opaque };
}

/** Property dependencies with keys and URNs sorted, so two runs compare equal when they depend alike. */
export function sortedDependencies(deps: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
    return Object.fromEntries(Object.keys(deps).sort().map((key) => [key, [...(deps[key] ?? [])].sort()]));
}

/** One registration as a ResourceState; `leaf` says what a secret's leaves become. */
export function stateOfRegistration(r: Registration, leaf: SecretLeaf): ResourceState {
    const inputs = convertValue(r.rawInputs, leaf);
    const trigger = r.options.replacementTrigger;
    return {
        urn: r.urn,
        type: r.type,
        custom: r.custom,
        parent: r.parent,
        ...(r.id !== "" ? { id: r.id } : {}),
        inputs: inputs.value as Record<string, StateValue>,
        secretInputs: [...new Set(inputs.secrets.map((s) => String(s.path[0])))].sort(),
        propertyDependencies: sortedDependencies(r.propertyDependencies),
        dependencies: [...r.options.dependencies].sort(),
        ...lifecycleOf(r.options, trigger === undefined ? undefined : convertValue(trigger, leaf).value),
    };
}

/** Registrations in tree order: each parent before its children, siblings by type and name. */
export function treeOrder(registrations: readonly Registration[]): Registration[] {
    const byParent = new Map<string | null, Registration[]>();
    for (const r of registrations) {
        byParent.set(r.parent, [...(byParent.get(r.parent) ?? []), r]);
    }
    const known = new Set(registrations.map((r) => r.urn));
    const ordered: Registration[] = [];
    const visit = (parent: string | null) => {
        const children = [...(byParent.get(parent) ?? [])].sort((a, b) => `${a.type}::${a.name}`.localeCompare(`${b.type}::${b.name}`));
        for (const child of children) {
            ordered.push(child);
            visit(child.urn);
        }
    };
    visit(null);
    // Resources whose parent was never registered still appear, last.
    for (const [parent, children] of byParent) {
        if (parent !== null && !known.has(parent)) {
            children.forEach((child) => {
                ordered.push(child);
                visit(child.urn);
            });
        }
    }
    return ordered;
}

/**
 * The run's resources as ResourceStates, in tree order (as the plan document lists them): every registration but
 * the Stack and providers (see isPredicted). With `secrets` "plain", secret values stay as they are: for comparing
 * two runs in memory only, never for writing out.
 */
export function statesOfRun(run: ProgramRun, secrets: SecretMode): ResourceState[] {
    const leaf = secretLeaf(secrets);
    return treeOrder(run.registrations).filter((r) => isPredicted(r.type)).map((r) => stateOfRegistration(r, leaf));
}
