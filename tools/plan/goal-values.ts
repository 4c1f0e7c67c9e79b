/**
 * A goal's input values as the engine would diff them against the state: the plan makes ids and outputs up from names
 * (under a placeholder subscription), where the deployed stack holds what Azure returned. These put the state's own
 * values back where the plan's are stand-ins for the same thing, and mark as unknown what a replaced resource would
 * give. Pure.
 */
import { AZURE_NATIVE_CASE_INSENSITIVE } from "./change-rules";
import { OPAQUE_UNKNOWN, isOpaque, type StateValue } from "./resource-state";

/** Every string of a value rewritten by `f`. */
export function mapStrings(value: StateValue, f: (s: string) => string): StateValue {
    if (typeof value === "string") {
        return f(value);
    }
    if (Array.isArray(value)) {
        return value.map((v) => mapStrings(v as StateValue, f));
    }
    if (value !== null && typeof value === "object" && !isOpaque(value) && !("@digest" in value)) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
    }
    return value;
}

/** The goal's placeholders for outputs of resources that stay, replaced by what the state holds at the same place. */
export function resolvePlaceholders(oldValue: StateValue | undefined, newValue: StateValue, isPlaceholder: (s: string) => boolean): StateValue {
    if (typeof newValue === "string") {
        return isPlaceholder(newValue) && oldValue !== undefined && oldValue !== null ? oldValue : newValue;
    }
    if (Array.isArray(newValue)) {
        return newValue.map((v, i) => resolvePlaceholders(Array.isArray(oldValue) ? (oldValue[i] as StateValue | undefined) : undefined, v as StateValue, isPlaceholder));
    }
    if (newValue !== null && typeof newValue === "object" && !isOpaque(newValue) && !("@digest" in newValue)) {
        const old = oldValue !== null && typeof oldValue === "object" && !Array.isArray(oldValue) && !isOpaque(oldValue) ? (oldValue as Record<string, StateValue>) : {};
        return Object.fromEntries(Object.entries(newValue).map(([k, v]) => [k, resolvePlaceholders(old[k], v, isPlaceholder)]));
    }
    return newValue;
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
    let found = false;
    const lower = ids.map((id) => id.toLowerCase());
    const walk = (v: StateValue): StateValue => {
        if (typeof v === "string" && lower.includes(v.toLowerCase())) {
            found = true;
            return OPAQUE_UNKNOWN;
        }
        if (Array.isArray(v)) {
            return v.map(walk);
        }
        if (v !== null && typeof v === "object" && !isOpaque(v) && !("@digest" in v)) {
            return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
        }
        return v;
    };
    const walked = walk(value);
    return found ? walked : OPAQUE_UNKNOWN;
}

/**
 * The goal's value with each id of a resource it depends on taken from the old value where the two differ only in
 * letter case: such an id is an output of a resource that stays, which the engine passes as the state spells it (Azure
 * spells ids as it likes), while the plan spells it from names. Ids the program gives itself are compared exactly.
 */
export function alignIds(oldValue: StateValue | undefined, newValue: StateValue, dependencyIds: ReadonlySet<string>): StateValue {
    if (typeof newValue === "string" && typeof oldValue === "string") {
        const lower = newValue.toLowerCase();
        return ARM_ID.test(newValue) && dependencyIds.has(lower) && lower === oldValue.toLowerCase() ? oldValue : newValue;
    }
    if (Array.isArray(newValue)) {
        return newValue.map((v, i) => alignIds(Array.isArray(oldValue) ? (oldValue[i] as StateValue | undefined) : undefined, v, dependencyIds));
    }
    if (newValue !== null && typeof newValue === "object" && !isOpaque(newValue) && !("@digest" in newValue)) {
        const old = oldValue !== null && typeof oldValue === "object" && !Array.isArray(oldValue) ? (oldValue as Record<string, StateValue>) : {};
        return Object.fromEntries(Object.entries(newValue).map(([k, v]) => [k, alignIds(old[k], v, dependencyIds)]));
    }
    return newValue;
}

