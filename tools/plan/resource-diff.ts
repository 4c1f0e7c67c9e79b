/**
 * One goal against its old resource, as the engine diffs it before replacements spread: the import check, the
 * replacement trigger, ignoreChanges, the provider's detailed diff with its replace keys, and replaceOnChanges. Pure.
 */
import { AZURE_NATIVE_FORCE_NEW, AZURE_NATIVE_URL_PARAMETERS, FORCE_NEW_TYPES, type RuleId } from "./change-rules";
import { alignIds, resolvePlaceholders, sameIgnoringCase, unknownWhere } from "./goal-values";
import { diffValues, formatPath, parsePath, pathBelow, pathCovers, resetPath, type PathChange, type Segment } from "./property-paths";
import { isOpaque, type ResourceState, type StateValue } from "./resource-state";

export type StepKind =
    | "same" | "update" | "update-refused" | "create" | "import" | "import-replacement" | "replace" | "replace-refused"
    | "delete" | "delete-refused" | "delete-skipped" | "cannot-tell" | "not-reached";

export interface PredictOptions {
    /**
     * For a base that is a deployed state: rewrites each string of the goals (inputs and ids) as the deployed stack
     * would spell it (e.g. the plan's placeholder subscription as the stack's own).
     */
    readonly goalString?: (s: string) => string;
    /**
     * For a base that is a deployed state: whether a goal's string is a placeholder the plan made up for an output of
     * another resource (a private IP, a principal id), which the engine would take from that resource's state.
     */
    readonly isPlaceholder?: (s: string) => boolean;
}

const DISK = "azure-native:compute:Disk";
const NIC = "azure-native:network:NetworkInterface";
const ACCELERATED_NETWORKING = "enableAcceleratedNetworking";
const SQL_VM = "azure-native:sqlvirtualmachine:SqlVirtualMachine";
/** A SQL registration's inputs that Azure takes only at creation but azure-native updates in place (rule azure-sql-create-only). */
export const SQL_CREATE_ONLY_IN_PLACE: readonly string[] = ["serverConfigurationsManagementSettings.sqlInstanceSettings.collation"];

function clone(inputs: Readonly<Record<string, StateValue>>): Record<string, StateValue> {
    return JSON.parse(JSON.stringify(inputs)) as Record<string, StateValue>;
}

function sameValue(a: StateValue | undefined, b: StateValue | undefined): boolean | undefined {
    const changes = diffValues(a, b);
    return changes.length === 0 ? true : changes.some((c) => c.kind === "unknown") ? undefined : false;
}

/** A resource's step as decided so far, with the order of a replacement once known. */
export interface Decision {
    step: StepKind;
    order?: "create-first" | "delete-first";
    paths: string[];
    rules: RuleId[];
    why: string;
}

/** The provider's own replacement rules for a changed top-level input; undefined when the type is outside the rules. */
export function providerReplaces(type: string, key: string): RuleId | undefined | "uncovered" {
    if (FORCE_NEW_TYPES.includes(type)) {
        return "bridged-force-new";
    }
    const url = AZURE_NATIVE_URL_PARAMETERS[type];
    if (url === undefined) {
        return "uncovered";
    }
    return url.includes(key) ? "azure-native-url" : (AZURE_NATIVE_FORCE_NEW[type] ?? []).includes(key) ? "azure-native-force-new" : undefined;
}

function isCovered(type: string): boolean {
    return FORCE_NEW_TYPES.includes(type) || AZURE_NATIVE_URL_PARAMETERS[type] !== undefined;
}

/** The diff of one matched goal against its old resource, before replacements spread. */
export function decide(old: ResourceState, goal: ResourceState, replaced: ReadonlySet<string>, ids: { readonly oldIds: ReadonlyMap<string, string>; readonly goalIds: ReadonlyMap<string, string> }, options: PredictOptions): Decision {
    const { oldIds, goalIds } = ids;
    if (!goal.custom) {
        return { step: "same", paths: [], rules: ["component"], why: "a component has no provider, so it is never updated or replaced" };
    }
    // The engine compares the import id with the state's ImportID, or its id when it has none (step_generator.go:1104-1113).
    const oldImportId = old.importId ?? old.id ?? null;
    if (goal.importId !== null && goal.importId !== oldImportId) {
        return {
            step: "import-replacement",
            paths: [],
            rules: ["import-replacement"],
            why: oldImportId === null
                ? "the goal gives an import id and the resource in the state was not imported with it: the engine imports the id and deletes the old resource at the end, without checking protect"
                : "the import id differs from the one in the state (compared exactly, letter case included): the engine imports the new id and deletes the old resource at the end, without checking protect",
        };
    }

    // The goal's inputs as the engine diffs them: values that come from replaced resources are unknown, ids of
    // unchanged resources are what the state holds, and ignoreChanges paths take their old values.
    const inputs = clone(goal.inputs);
    for (const [key, deps] of Object.entries(goal.propertyDependencies)) {
        const value = inputs[key];
        if (value === undefined) {
            continue;
        }
        const replacedIds = deps.filter((d) => replaced.has(d)).map((d) => oldIds.get(d));
        if (replacedIds.length > 0) {
            inputs[key] = unknownWhere(value, replacedIds.filter((id): id is string => id !== undefined));
        } else if (deps.length > 0) {
            const depIds = new Set(deps.flatMap((d) => [oldIds.get(d), goalIds.get(d)]).filter((id): id is string => id !== undefined).map((id) => id.toLowerCase()));
            const resolved = options.isPlaceholder !== undefined ? resolvePlaceholders(old.inputs[key], value, options.isPlaceholder) : value;
            inputs[key] = alignIds(old.inputs[key], resolved, depIds);
        }
    }
    const rules: RuleId[] = [];
    const unresettable: string[] = [];
    for (const path of goal.ignoreChanges) {
        if (!resetPath(old.inputs, inputs, parsePath(path))) {
            unresettable.push(path);
        }
    }
    const changes: PathChange[] = Object.keys({ ...old.inputs, ...inputs }).sort()
        .flatMap((k) => sameIgnoringCase(k, old.inputs[k], inputs[k]) ? [] : diffValues(old.inputs[k], inputs[k], [k]));
    const paths = changes.map((c) => formatPath(c.path));

    const replaceBy: RuleId[] = [];
    const maybeBy: RuleId[] = [];
    const why: string[] = [];
    const trigger = triggerReplaces(goal.replacementTrigger, old.replacementTrigger);
    if (trigger === true) {
        replaceBy.push("replacement-trigger");
        why.push("the replacement trigger changed");
    } else if (trigger === undefined) {
        maybeBy.push("replacement-trigger");
    }
    let uncovered = false;
    for (const change of changes) {
        const key = String(change.path[0]);
        const provider = providerReplaces(goal.type, key);
        if (provider === "uncovered") {
            uncovered = true;
        } else if (provider !== undefined) {
            (change.kind === "unknown" ? maybeBy : replaceBy).push(provider);
            if (change.kind !== "unknown") {
                why.push(provider === "bridged-force-new" ? `${key} is create-only in its provider` : `${key} changed (${provider === "azure-native-url" ? "part of the resource's URL" : "create-only for azure-native"})`);
            }
        }
        const listed = goal.replaceOnChanges.map(parsePath);
        if (listed.some((l) => pathCovers(l, change.path))) {
            (change.kind === "unknown" ? maybeBy : replaceBy).push("replace-on-changes");
            if (change.kind !== "unknown") {
                why.push(`${formatPath(change.path)} is in replaceOnChanges`);
            }
        } else if (change.kind === "unknown" && listed.some((l) => pathBelow(l, change.path))) {
            maybeBy.push("replace-on-changes");
        }
    }
    if (unresettable.length > 0) {
        rules.push("ignore-changes");
    }
    const unknownPaths = changes.filter((c) => c.kind === "unknown").map((c) => formatPath(c.path));
    const cannotTellWhy = () => {
        const secret = changes.some((c) => c.kind === "unknown" && isOpaque(valueAt(old.inputs, c.path)) && (valueAt(old.inputs, c.path) as { "@opaque": string })["@opaque"] === "secret")
            || changes.some((c) => c.kind === "unknown" && isOpaque(valueAt(inputs, c.path)) && (valueAt(inputs, c.path) as { "@opaque": string })["@opaque"] === "secret");
        return secret ? "opaque-secret" : "unknown-value";
    };

    if (replaceBy.length > 0) {
        return { step: "replace", paths, rules: [...new Set([...replaceBy, ...rules])], why: [...new Set(why)].join("; ") };
    }
    if (maybeBy.length > 0 || unresettable.length > 0) {
        const reason = cannotTellWhy();
        return {
            step: "cannot-tell",
            paths: [...new Set([...unknownPaths, ...unresettable])],
            rules: [reason, ...new Set(maybeBy), ...rules],
            why: reason === "opaque-secret"
                ? "a value that decides whether it is replaced is a secret the base does not show"
                : "a value that decides whether it is replaced is known only at deployment",
        };
    }
    if (changes.length > 0 && (uncovered || !isCovered(goal.type))) {
        return { step: "cannot-tell", paths, rules: ["uncovered-type"], why: `no rules cover how ${goal.type} applies a change` };
    }
    const shrink = goal.type === DISK ? [old.inputs["diskSizeGB"], inputs["diskSizeGB"]] : [];
    if (typeof shrink[0] === "number" && typeof shrink[1] === "number" && shrink[1] < shrink[0]) {
        return { step: "update-refused", paths, rules: ["azure-disk-shrink"], why: `diskSizeGB goes from ${String(shrink[0])} to ${String(shrink[1])}, and Azure cannot shrink a managed disk` };
    }
    // After ignoreChanges: a NIC whose accelerated networking is only the library's default keeps its own.
    if (goal.type === NIC && inputs[ACCELERATED_NETWORKING] === true && old.inputs[ACCELERATED_NETWORKING] !== true && changes.some((c) => c.path[0] === ACCELERATED_NETWORKING)) {
        return {
            step: "update-refused", paths, rules: ["azure-accelerated-networking"],
            why: "enableAcceleratedNetworking turns on, which Azure does only while the NIC's VM is stopped or deallocated: deallocate it (az vm deallocate) before pulumi up, and start it after",
        };
    }
    // After ignoreChanges: a value the goal sends that differs from the one the registration was created with.
    const createOnly = goal.type === SQL_VM ? SQL_CREATE_ONLY_IN_PLACE.filter((p) => {
        const [before, after] = [valueAt(old.inputs, parsePath(p)), valueAt(inputs, parsePath(p))];
        return after !== undefined && !isOpaque(after) && (before === undefined || !isOpaque(before)) && sameValue(before, after) === false;
    }) : [];
    if (createOnly.length > 0) {
        return {
            step: "update-refused", paths, rules: ["azure-sql-create-only"],
            why: `${createOnly.join(", ")} changes, and SQL Server takes its collation only when it is installed: set it back to the value the registration was created with, or remove it (nothing is then sent); a new collation needs a new SQL Server VM, or the system databases rebuilt by hand`,
        };
    }
    if (changes.length > 0 && changes.every((c) => c.kind === "unknown")) {
        const reason = cannotTellWhy();
        return {
            step: "update", paths, rules: [reason],
            why: reason === "opaque-secret" ? "may change in place: it is compared with a secret the base does not show" : "may change in place: a value is known only at deployment",
        };
    }
    if (changes.length > 0) {
        return { step: "update", paths, rules: [], why: "changed in place" };
    }
    return { step: "same", paths: [], rules: optionsChanged(old, goal) ? ["options-only"] : [], why: optionsChanged(old, goal) ? "only resource options changed" : "no change" };
}

function valueAt(inputs: Readonly<Record<string, StateValue>>, path: readonly Segment[]): StateValue | undefined {
    let v: unknown = inputs;
    for (const s of path) {
        if (v === null || typeof v !== "object" || isOpaque(v)) {
            return isOpaque(v) ? (v as StateValue) : undefined;
        }
        v = (v as Record<string, unknown>)[String(s)];
    }
    return v as StateValue | undefined;
}

function optionsChanged(old: ResourceState, goal: ResourceState): boolean {
    return old.protect !== goal.protect || old.retainOnDelete !== goal.retainOnDelete || old.deleteBeforeReplace !== goal.deleteBeforeReplace;
}

/** shouldTriggerReplace: undefined when the trigger cannot be compared offline. */
function triggerReplaces(goal: StateValue | undefined, old: StateValue | undefined): boolean | undefined {
    if ((goal !== undefined && isOpaque(goal) && goal["@opaque"] === "unknown") || (old !== undefined && isOpaque(old) && old["@opaque"] === "unknown")) {
        return true;
    }
    if (goal === undefined || goal === null || old === undefined || old === null) {
        return false;
    }
    const same = sameValue(old, goal);
    return same === undefined ? undefined : !same;
}

/**
 * Whether replacing `dependency` delete-first makes the provider replace `dependent`: the engine makes every input
 * that came from the dependency unknown, asks the provider's diff, and applies the dependent's old replaceOnChanges
 * (step_generator.go, calculateDependentReplacements).
 */
