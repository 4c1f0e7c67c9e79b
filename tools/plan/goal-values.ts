/**
 * A goal's input values as the engine would diff them against the state: the plan makes ids and outputs up from names
 * (under a placeholder subscription), where the deployed stack holds what Azure returned. These put the state's own
 * values back where the plan's are stand-ins for the same thing, and mark as unknown what a replaced resource would
 * give. Pure.
 */
import { AZURE_NATIVE_CASE_INSENSITIVE } from "./change-rules";
import { OPAQUE_UNKNOWN, isDigest, isOpaque, type StateValue } from "./resource-state";

function isPlainObject(v: StateValue | undefined): v is Readonly<Record<string, StateValue>> {
    return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v) && !isOpaque(v) && !isDigest(v);
}

/**
 * The goal's value with each string leaf replaced by `leaf(string, the old value at the same place)`; containers are
 * walked in step with the old value, where it has them.
 */
function mapStringLeaves(newValue: StateValue, oldValue: StateValue | undefined, leaf: (s: string, old: StateValue | undefined) => StateValue): StateValue {
    if (typeof newValue === "string") {
        return leaf(newValue, oldValue);
    }
    if (Array.isArray(newValue)) {
        return newValue.map((v, i) => mapStringLeaves(v as StateValue, Array.isArray(oldValue) ? (oldValue[i] as StateValue | undefined) : undefined, leaf));
    }
    if (isPlainObject(newValue)) {
        const old = isPlainObject(oldValue) ? oldValue : {};
        return Object.fromEntries(Object.entries(newValue).map(([k, v]) => [k, mapStringLeaves(v, old[k], leaf)]));
    }
    return newValue;
}

/** Every string of a value rewritten by `f`. */
export function mapStrings(value: StateValue, f: (s: string) => string): StateValue {
    return mapStringLeaves(value, undefined, (s) => f(s));
}

/** The goal's placeholders for outputs of resources that stay, replaced by what the state holds at the same place. */
export function resolvePlaceholders(oldValue: StateValue | undefined, newValue: StateValue, isPlaceholder: (s: string) => boolean): StateValue {
    return mapStringLeaves(newValue, oldValue, (s, old) => isPlaceholder(s) && old !== undefined && old !== null ? old : s);
}

/** `location` and `resourceGroupName` as azure-native compares them: letter case (and, in a location, spaces) do not count. */
export function sameIgnoringCase(key: string, a: StateValue | undefined, b: StateValue | undefined): boolean {
    const norm = (v: StateValue | undefined) => typeof v === "string" ? (key === "location" ? v.replace(/\s+/g, "") : v).toLowerCase() : v;
    return AZURE_NATIVE_CASE_INSENSITIVE.includes(key) && typeof a === "string" && typeof b === "string" && norm(a) === norm(b);
}

const ARM_ID = /^\/subscriptions\//i;

/**
 * A value with the leaves that hold a replaced resource's id made unknown (the engine sees the new resource's outputs
 * as unknown until it exists); the whole value when no leaf holds one of the ids.
 */
export function unknownWhere(value: StateValue, ids: readonly string[]): StateValue {
    const lower = ids.map((id) => id.toLowerCase());
    let found = false;
    const walked = mapStringLeaves(value, undefined, (s) => {
        const replacedId = lower.includes(s.toLowerCase());
        found ||= replacedId;
        return replacedId ? OPAQUE_UNKNOWN : s;
    });
    return found ? walked : OPAQUE_UNKNOWN;
}

/**
 * The goal's value with each id of a resource it depends on taken from the old value where the two differ only in
 * letter case: such an id is an output of a resource that stays, which the engine passes as the state spells it (Azure
 * spells ids as it likes), while the plan spells it from names. Ids the program gives itself are compared exactly.
 */
export function alignIds(oldValue: StateValue | undefined, newValue: StateValue, dependencyIds: ReadonlySet<string>): StateValue {
    return mapStringLeaves(newValue, oldValue, (s, old) => typeof old === "string" && ARM_ID.test(s) && dependencyIds.has(s.toLowerCase()) && s.toLowerCase() === old.toLowerCase() ? old : s);
}
