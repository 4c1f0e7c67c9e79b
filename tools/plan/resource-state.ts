/**
 * What the change-impact prediction compares: one resource as the engine would see it, either in the old state (a
 * `pulumi stack export`, a saved plan, or a plan of another git revision) or in the new goal (this plan). Pure data,
 * JSON-serialisable, so a saved plan can carry it.
 *
 * Values are JSON, except where the old and new side cannot be compared in plain text:
 * - a secret leaf in a saved plan is `{ "@digest": "<hex>" }`, a salted digest (see saved-plan.ts): two digests made
 *   with the same salt are equal exactly when the values are;
 * - a secret whose value the base does not show (an export without `--show-secrets`) is `{ "@opaque": "secret" }`;
 * - a value not known until deployment is `{ "@opaque": "unknown" }`.
 * Comparing an opaque value with anything is "cannot tell".
 */
import type { RecordedAlias } from "../recorder/recorder";

export interface DigestValue {
    readonly "@digest": string;
}

export interface OpaqueValue {
    readonly "@opaque": "secret" | "unknown";
}

export type StateValue = null | boolean | number | string | DigestValue | OpaqueValue | readonly StateValue[] | { readonly [key: string]: StateValue };

export function isDigest(v: unknown): v is DigestValue {
    return v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as Record<string, unknown>)["@digest"] === "string" && Object.keys(v).length === 1;
}

export function isOpaque(v: unknown): v is OpaqueValue {
    return v !== null && typeof v === "object" && !Array.isArray(v) && ["secret", "unknown"].includes((v as Record<string, unknown>)["@opaque"] as string)
        && Object.keys(v).length === 1;
}

export const OPAQUE_SECRET: OpaqueValue = { "@opaque": "secret" };
export const OPAQUE_UNKNOWN: OpaqueValue = { "@opaque": "unknown" };

export interface ResourceState {
    readonly urn: string;
    readonly type: string;
    readonly custom: boolean;
    readonly parent: string | null;
    /** The resource's id in the old state (the engine compares an import id with it when the state has no ImportID). */
    readonly id?: string;
    /** The inputs (old: as recorded in the state; new: as the program registers them). */
    readonly inputs: Readonly<Record<string, StateValue>>;
    /** Top-level inputs that are (or contain) secrets: their values are never printed. */
    readonly secretInputs: readonly string[];
    /** Input name -> the URNs the input's value came from. */
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    /** Every direct dependency (explicit and through inputs), as URNs. */
    readonly dependencies: readonly string[];
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    readonly deleteBeforeReplace: boolean;
    readonly ignoreChanges: readonly string[];
    readonly replaceOnChanges: readonly string[];
    /** New side: the `import` option's id. Old side: the ImportID the state keeps for an imported resource. */
    readonly importId: string | null;
    /** New side only: the aliases the program gives (old URNs or specs). */
    readonly aliases: readonly RecordedAlias[];
    readonly replaceWith: readonly string[];
    /** Undefined when not set. */
    readonly replacementTrigger: StateValue | undefined;
    readonly deletedWith: string | null;
    /** Old side, stack export only: a resource the stack reads (`get`) and does not manage. */
    readonly external?: boolean;
    /** Old side, stack export only: `pulumi state taint` marked it, so the next `pulumi up` replaces it. */
    readonly taint?: boolean;
}

/** The stack itself and providers are the engine's, not resources whose step the prediction says. */
export function isPredicted(type: string): boolean {
    return type !== "pulumi:pulumi:Stack" && !type.startsWith("pulumi:providers:");
}

/** The resource options a ResourceState keeps, as a recording or a saved plan holds them. */
export interface RecordedLifecycle {
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    readonly deleteBeforeReplace: boolean;
    readonly ignoreChanges: readonly string[];
    readonly replaceOnChanges: readonly string[];
    readonly import: string | null;
    readonly aliases: ResourceState["aliases"];
    readonly replaceWith: readonly string[];
    readonly deletedWith: string | null;
}

/** A ResourceState's options from the recorded ones, with the replacement trigger as the caller converted it. */
export function lifecycleOf(options: RecordedLifecycle, replacementTrigger: StateValue | undefined) {
    return {
        protect: options.protect,
        retainOnDelete: options.retainOnDelete,
        deleteBeforeReplace: options.deleteBeforeReplace,
        ignoreChanges: options.ignoreChanges,
        replaceOnChanges: options.replaceOnChanges,
        importId: options.import,
        aliases: options.aliases,
        replaceWith: options.replaceWith,
        replacementTrigger,
        deletedWith: options.deletedWith,
    };
}
