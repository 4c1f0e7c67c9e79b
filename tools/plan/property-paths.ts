/**
 * Property paths as the engine writes them (`storageProfile.osDisk.createOption`, `dataDisks[0].lun`,
 * `tags["a.b"]`), and the two operations the change prediction needs from them: the engine's `ignoreChanges` reset
 * and the provider's detailed diff. Pure.
 */
import { isDigest, isOpaque, type StateValue } from "./resource-state";

export type Segment = string | number;

/** Parses `a.b[0]["c.d"]` into ["a", "b", 0, "c.d"]; `*` stays a segment that matches any key or index. */
export function parsePath(path: string): Segment[] {
    const segments: Segment[] = [];
    let i = 0;
    while (i < path.length) {
        if (path[i] === ".") {
            i++;
        } else if (path[i] === "[") {
            const close = path.indexOf("]", i);
            if (close === -1) {
                throw new Error(`unbalanced "[" in property path "${path}"`);
            }
            const inner = path.slice(i + 1, close);
            segments.push(/^\d+$/.test(inner) ? Number(inner) : inner.replace(/^"(.*)"$/, "$1"));
            i = close + 1;
        } else {
            const end = path.slice(i).search(/[.[]/);
            const name = end === -1 ? path.slice(i) : path.slice(i, i + end);
            segments.push(name);
            i += name.length;
        }
    }
    return segments;
}

/** Writes segments back as a path: identifiers joined by dots, indices and other keys in brackets. */
export function formatPath(segments: readonly Segment[]): string {
    return segments.map((s, i) => typeof s === "number" ? `[${String(s)}]`
        : /^[A-Za-z_$*][\w$]*$/.test(s) ? (i === 0 ? s : `.${s}`) : `["${s}"]`).join("");
}

function isObject(v: unknown): v is Record<string, StateValue> {
    return v !== null && typeof v === "object" && !Array.isArray(v) && !isDigest(v) && !isOpaque(v);
}

function child(v: unknown, segment: Segment): { found: boolean; value: StateValue | undefined } {
    if (typeof segment === "number" && Array.isArray(v)) {
        return segment < v.length ? { found: true, value: v[segment] as StateValue } : { found: false, value: undefined };
    }
    if (typeof segment === "string" && isObject(v) && Object.prototype.hasOwnProperty.call(v, segment)) {
        return { found: true, value: v[segment] };
    }
    return { found: false, value: undefined };
}

/** Deep copy of plain containers (leaves are immutable). */
function copy(v: StateValue): StateValue {
    return Array.isArray(v) ? v.map(copy) : isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)])) : v;
}

/**
 * The engine's `ignoreChanges` for one path: the new inputs take the old value at the path, or lose the path where
 * the old inputs have none. Returns false when the path cannot be followed in the old or new inputs (a container on
 * the way is missing, or is a secret the base does not show), which the engine reports as an error and the prediction
 * as "cannot tell".
 */
export function resetPath(oldInputs: Readonly<Record<string, StateValue>>, newInputs: Record<string, StateValue>, path: readonly Segment[]): boolean {
    // properties_path.go Reset: an intermediate missing in both is nothing to do; present in old but missing in new is
    // a path error (the new value stays); missing in old but present in new goes on with nothing old, so the leaf goes.
    let oldAt: unknown = oldInputs;
    let newAt: unknown = newInputs;
    for (const segment of path.slice(0, -1)) {
        const o = oldAt === undefined ? { found: false, value: undefined } : child(oldAt, segment);
        const n = child(newAt, segment);
        if (isOpaque(o.value) || isOpaque(n.value)) {
            return false;
        }
        if (!n.found) {
            return true;
        }
        oldAt = o.found ? o.value : undefined;
        newAt = n.value;
    }
    const last = path[path.length - 1];
    if (last === undefined) {
        return true;
    }
    if (isOpaque(newAt)) {
        return false;
    }
    const o = oldAt === undefined ? { found: false, value: undefined } : child(oldAt, last);
    if (typeof last === "number" && Array.isArray(newAt)) {
        if (o.found && o.value !== undefined) {
            newAt[last] = copy(o.value);
        }
        return true;
    }
    if (typeof last === "string" && isObject(newAt)) {
        if (o.found && o.value !== undefined) {
            newAt[last] = copy(o.value);
        } else {
            Reflect.deleteProperty(newAt, last);
        }
    }
    return true;
}

export type ChangeKind = "add" | "delete" | "update" | "unknown";

/** One changed path; "unknown" where one side is a secret the base does not show, or a value known only at deployment. */
export interface PathChange {
    readonly path: readonly Segment[];
    readonly kind: ChangeKind;
}

/** Whether two leaves are the same value; undefined when one of them cannot be compared. */
function sameLeaf(a: StateValue, b: StateValue): boolean | undefined {
    if (isOpaque(a) || isOpaque(b)) {
        return undefined;
    }
    if (isDigest(a) || isDigest(b)) {
        return isDigest(a) && isDigest(b) ? a["@digest"] === b["@digest"] : undefined;
    }
    return a === b;
}

/**
 * The detailed diff of two input values, as a provider reports it: an object or element that appears or disappears
 * as a whole changes at its own path; otherwise the diff goes down to the leaves that differ.
 */
export function diffValues(oldValue: StateValue | undefined, newValue: StateValue | undefined, path: readonly Segment[] = []): PathChange[] {
    if (oldValue === undefined && newValue === undefined) {
        return [];
    }
    if (oldValue === undefined || oldValue === null) {
        return newValue === undefined || newValue === null ? [] : [{ path, kind: isOpaque(newValue) ? "unknown" : "add" }];
    }
    if (newValue === undefined || newValue === null) {
        return [{ path, kind: isOpaque(oldValue) ? "unknown" : "delete" }];
    }
    if (Array.isArray(oldValue) && Array.isArray(newValue)) {
        const changes: PathChange[] = [];
        for (let i = 0; i < Math.max(oldValue.length, newValue.length); i++) {
            changes.push(...diffValues(oldValue[i] as StateValue | undefined, newValue[i] as StateValue | undefined, [...path, i]));
        }
        return changes;
    }
    if (isObject(oldValue) && isObject(newValue)) {
        const keys = [...new Set([...Object.keys(oldValue), ...Object.keys(newValue)])].sort();
        return keys.flatMap((k) => diffValues(oldValue[k], newValue[k], [...path, k]));
    }
    if (Array.isArray(oldValue) || Array.isArray(newValue) || isObject(oldValue) || isObject(newValue)) {
        // A container against a leaf: changed, unless the leaf cannot be compared.
        return [{ path, kind: isOpaque(oldValue) || isOpaque(newValue) || isDigest(oldValue) || isDigest(newValue) ? "unknown" : "update" }];
    }
    const same = sameLeaf(oldValue, newValue);
    return same === true ? [] : [{ path, kind: same === undefined ? "unknown" : "update" }];
}

/** Whether a listed path (`replaceOnChanges`, with `*` for any key or index) is a prefix of a changed path. */
export function pathCovers(listed: readonly Segment[], changed: readonly Segment[]): boolean {
    if (listed.length > changed.length) {
        return false;
    }
    return listed.every((s, i) => s === "*" || s === changed[i]);
}

/** Whether a listed path could cover something below a changed path (the change is an object seen only as a whole). */
export function pathBelow(listed: readonly Segment[], changed: readonly Segment[]): boolean {
    return listed.length > changed.length && changed.every((s, i) => listed[i] === "*" || listed[i] === s);
}
