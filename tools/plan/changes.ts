/**
 * The change prediction: given the resources of an old state (a stack export, a saved plan, or another revision's
 * plan) and the goals of this plan, the step `pulumi up` would take for each resource, with the rule that decided it
 * (change-rules.ts). It follows the engine's order: match goals to old resources (URN, then aliases), imports, the
 * replacement trigger, `ignoreChanges`, the provider's diff, `replaceOnChanges`, protect, then replacements that spread
 * (dependents of a delete-first replacement, `replaceWith`, `deletedWith`), then deletes. Pure.
 */
import { AZURE_NATIVE_URL_PARAMETERS, type RuleId } from "./change-rules";
import { mapStrings } from "./goal-values";
import { parsePath, pathCovers } from "./property-paths";
import { isOpaque, isPredicted, type ResourceState, type StateValue } from "./resource-state";
import { decide, providerReplaces, type Decision, type PredictOptions, type StepKind } from "./resource-diff";
import { aliasUrns, urnParts } from "./urns";

export type { PredictOptions, StepKind };

/** What a resource's step means for data: lost, refused (the update stops), or not knowable offline. */
export type Risk = "data-loss" | "refused" | "cannot-tell-data";

export interface ResourceChange {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly step: StepKind;
    /** For a replacement: which of the two resources exists first. */
    readonly order?: "create-first" | "delete-first";
    /** The changed paths (update, replace), or the paths that cannot be compared (cannot-tell). Never values. */
    readonly paths: readonly string[];
    /** The rules that decided the step, most decisive first. */
    readonly rules: readonly RuleId[];
    /** Why, in one sentence. */
    readonly why: string;
    /** For a VM deleted or replaced: what happens to the disks Azure manages with it (OS disk, attached data disks). */
    readonly vmDisks?: "detached" | "deleted" | "cannot tell";
    readonly risk?: Risk;
}

const DISK = "azure-native:compute:Disk";
const VM = "azure-native:compute:VirtualMachine";
const SQL_VM = "azure-native:sqlvirtualmachine:SqlVirtualMachine";

/** What the VM's own disks (OS disk made with it, attached disks) do when the VM goes: from the old inputs. */
function vmDisksOnDelete(old: ResourceState): "detached" | "deleted" | "cannot tell" {
    const storage = old.inputs["storageProfile"];
    if (storage === undefined || isOpaque(storage) || storage === null || typeof storage !== "object" || Array.isArray(storage)) {
        return "cannot tell";
    }
    const profile = storage as Record<string, StateValue>;
    const osDisk = profile["osDisk"] as Record<string, StateValue> | undefined;
    const dataDisks = Array.isArray(profile["dataDisks"]) ? (profile["dataDisks"] as Record<string, StateValue>[]) : [];
    const options = [osDisk?.["deleteOption"], ...dataDisks.map((d) => d["deleteOption"])];
    if (options.some((o) => o !== undefined && isOpaque(o))) {
        return "cannot tell";
    }
    // Azure's default: an OS disk made from an image is deleted with the VM unless it says Detach; attached disks are detached.
    const osDefault = osDisk?.["createOption"] === "Attach" ? "Detach" : "Delete";
    const deleted = (osDisk?.["deleteOption"] ?? osDefault) === "Delete" || dataDisks.some((d) => d["deleteOption"] === "Delete");
    return deleted ? "deleted" : "detached";
}

function dependentReplaced(dependent: ResourceState, dependency: string): boolean | undefined {
    const keys = Object.entries(dependent.propertyDependencies).filter(([, deps]) => deps.includes(dependency)).map(([k]) => k);
    if (keys.length === 0 || !dependent.custom) {
        return false;
    }
    const listed = dependent.replaceOnChanges.map(parsePath);
    const verdicts = keys.map((k) => listed.some((l) => pathCovers(l, [k])) ? "replace-on-changes" : providerReplaces(dependent.type, k));
    if (verdicts.some((v) => v !== undefined && v !== "uncovered")) {
        return true;
    }
    return verdicts.includes("uncovered") ? undefined : false;
}

/** The data a resource's step puts at risk, from its type and step. */
function riskOf(change: Omit<ResourceChange, "risk">, old: ResourceState | undefined): Risk | undefined {
    if (change.type === DISK && change.step === "replace-refused" && change.rules[0] === "azure-native-exists") {
        return "data-loss";
    }
    if (change.step === "replace-refused" || change.step === "delete-refused" || change.step === "update-refused") {
        return "refused";
    }
    if (change.type === DISK) {
        if (change.step === "delete" || change.step === "replace" || change.step === "import-replacement") {
            return "data-loss";
        }
        return change.step === "cannot-tell" ? "cannot-tell-data" : undefined;
    }
    // A SQL registration that gains a storage configuration on an update asks the agent to pool disks that may hold
    // pools already (sql-server-plan.ts: existingStorage set back to false).
    if (change.type === SQL_VM && change.step === "update" && change.paths.includes("storageConfigurationSettings") && old?.inputs["storageConfigurationSettings"] === undefined) {
        return "cannot-tell-data";
    }
    if (change.type === VM && old !== undefined) {
        const disks = vmDisksOnDelete(old);
        if (change.step === "delete" || change.step === "replace") {
            return disks === "deleted" ? "data-loss" : disks === "cannot tell" ? "cannot-tell-data" : undefined;
        }
        if (change.step === "cannot-tell" && disks !== "detached") {
            return "cannot-tell-data";
        }
    }
    return undefined;
}

/** Goals in an order where each comes after what it depends on (inputs, dependsOn, parent, replaceWith, deletedWith). */
function registrationOrder(goals: readonly ResourceState[]): ResourceState[] {
    const byUrn = new Map(goals.map((g) => [g.urn, g]));
    const done = new Set<string>();
    const ordered: ResourceState[] = [];
    const visit = (goal: ResourceState, path: ReadonlySet<string>) => {
        if (done.has(goal.urn) || path.has(goal.urn)) {
            return;
        }
        const next = new Set([...path, goal.urn]);
        const before = [...goal.dependencies, ...Object.values(goal.propertyDependencies).flat(), ...goal.replaceWith, ...(goal.deletedWith !== null ? [goal.deletedWith] : []), ...(goal.parent !== null ? [goal.parent] : [])];
        for (const urn of before) {
            const dep = byUrn.get(urn);
            if (dep !== undefined) {
                visit(dep, next);
            }
        }
        done.add(goal.urn);
        ordered.push(goal);
    };
    goals.forEach((g) => visit(g, new Set()));
    return ordered;
}

/** A replacement that spreads to this resource from one decided before it: replaceWith, deletedWith, a delete-first dependency. */
function spreadReason(goal: ResourceState, old: ResourceState, decisions: ReadonlyMap<string, Decision>): [RuleId, string] | undefined {
    const isReplaced = (urn: string) => decisions.get(urn)?.step === "replace";
    const withTarget = goal.replaceWith.find(isReplaced);
    if (withTarget !== undefined) {
        return ["replace-with", `replaceWith names ${urnParts(withTarget).name}, which is replaced`];
    }
    if (goal.deletedWith !== null && isReplaced(goal.deletedWith)) {
        return ["deleted-with", `deletedWith names ${urnParts(goal.deletedWith).name}, which is replaced`];
    }
    const dependency = [...new Set(Object.values(old.propertyDependencies).flat())]
        .find((u) => isReplaced(u) && decisions.get(u)?.order === "delete-first" && dependentReplaced(old, u) === true);
    return dependency === undefined ? undefined
        : ["dependent-replace", `it takes a create-only input from ${urnParts(dependency).name}, which is replaced delete-first`];
}

/**
 * Delete-first or create-first: the provider asks for delete-first on the replacements it finds itself; a resource tied
 * to a delete-first target is deleted in its chain; otherwise the goal's deleteBeforeReplace decides.
 */
function orderOf(decision: Decision, goal: ResourceState, decisions: ReadonlyMap<string, Decision>): "delete-first" | "create-first" {
    const providerAsks = decision.rules.some((r) => r === "azure-native-url" || r === "azure-native-force-new" || r === "dependent-replace");
    const tiedToDeleteFirst = decision.rules[0] === "replace-with" && goal.replaceWith.some((u) => decisions.get(u)?.order === "delete-first");
    return goal.deleteBeforeReplace || providerAsks || tiedToDeleteFirst ? "delete-first" : "create-first";
}

/** A replacement pulumi up refuses or Azure fails: protect, an import id still given, a create under a URL in use. */
/**
 * The protected resource a delete-first replacement of `root` would replace as a dependent, if any: the engine walks
 * the old state's dependents when it decides the root's step, and a protected one refuses the root's whole
 * replacement, in preview too (step_generator.go:2111-2122).
 */
function protectedDependent(root: string, olds: readonly ResourceState[], seen: Set<string> = new Set([root])): ResourceState | undefined {
    for (const dependent of olds.filter((o) => !seen.has(o.urn) && dependentReplaced(o, root) === true)) {
        seen.add(dependent.urn);
        const found = dependent.protect ? dependent : protectedDependent(dependent.urn, olds, seen);
        if (found !== undefined) {
            return found;
        }
    }
    return undefined;
}

function refused(decision: Decision, old: ResourceState, goal: ResourceState, olds: readonly ResourceState[]): Decision {
    if (decision.rules[0] === "dependent-replace" && old.protect) {
        return { ...decision, step: "replace-refused", rules: ["protect-replace", ...decision.rules], why: `${decision.why}; it is protected, so pulumi up refuses the whole replacement (preview too)` };
    }
    const blocking = decision.order === "delete-first" ? protectedDependent(goal.urn, olds) : undefined;
    if (blocking !== undefined) {
        return {
            ...decision, step: "replace-refused", rules: ["protect-replace", "dependent-replace", ...decision.rules],
            why: `${decision.why}; replacing it delete-first would replace ${urnParts(blocking.urn).name} too, which is protected, so pulumi up refuses the whole replacement (preview too)`,
        };
    }
    if (old.protect && goal.protect) {
        return { ...decision, step: "replace-refused", rules: ["protect-replace", ...decision.rules], why: `${decision.why}; it is protected, so pulumi up refuses the replacement and stops` };
    }
    if (goal.importId !== null) {
        return { ...decision, step: "replace-refused", rules: ["imported-replace", ...decision.rules], why: `${decision.why}; it still gives an import id, so pulumi up refuses to replace it` };
    }
    if (decision.order === "create-first" && AZURE_NATIVE_URL_PARAMETERS[goal.type] !== undefined) {
        return { ...decision, step: "replace-refused", rules: ["azure-native-exists", ...decision.rules], why: `${decision.why}; created first under the same URL, which azure-native refuses because the resource exists` };
    }
    return decision;
}

/**
 * The step of every resource in the old state and the goals, goals in registration order, then the deletes.
 * `olds` and `goals` must exclude nothing the engine would see; provider and stack resources are skipped here.
 */
export function predictChanges(olds: readonly ResourceState[], goals: readonly ResourceState[], options: PredictOptions = {}): ResourceChange[] {
    const oldByUrn = new Map(olds.filter((r) => isPredicted(r.type)).map((r) => [r.urn, r]));
    const oldIds = new Map(olds.flatMap((r) => r.id !== undefined ? [[r.urn, r.id] as const] : []));
    const mapped = options.goalString === undefined ? goals : goals.map((g) => ({
        ...g,
        inputs: mapStrings(g.inputs as StateValue, options.goalString as (s: string) => string) as Record<string, StateValue>,
        ...(g.id !== undefined ? { id: (options.goalString as (s: string) => string)(g.id) } : {}),
    }));
    const goalIds = new Map(mapped.flatMap((r) => r.id !== undefined ? [[r.urn, r.id] as const] : []));
    const matched = new Map<string, ResourceState>();
    const used = new Set<string>();
    const decisions = new Map<string, Decision>();
    const replaced = new Set<string>();
    const liveGoals = registrationOrder(mapped.filter((r) => isPredicted(r.type)));

    // One pass in registration order, as the engine decides each step when its resource registers: a resource's
    // dependencies (and replaceWith, deletedWith targets) are decided before it.
    for (const goal of liveGoals) {
        let old = oldByUrn.get(goal.urn);
        let byAlias = false;
        if (old === undefined) {
            const aliasTarget = aliasUrns(goal).find((u) => oldByUrn.has(u) && !used.has(u));
            old = aliasTarget === undefined ? undefined : oldByUrn.get(aliasTarget);
            byAlias = old !== undefined;
        }
        if (old === undefined) {
            decisions.set(goal.urn, goal.custom && goal.importId !== null
                ? { step: "import", paths: [], rules: ["import"], why: "imported: Azure's resource must match the goal's inputs" }
                : { step: "create", paths: [], rules: ["create"], why: "new in this plan" });
            continue;
        }
        used.add(old.urn);
        matched.set(goal.urn, old);
        // A resource that waits for one whose step pulumi up refuses never registers: the update stops first.
        const blocker = [...goal.dependencies, ...Object.values(goal.propertyDependencies).flat()]
            .find((u) => ["replace-refused", "update-refused", "not-reached"].includes(decisions.get(u)?.step ?? ""));
        if (blocker !== undefined) {
            decisions.set(goal.urn, {
                step: "not-reached", paths: [], rules: ["refusal-stops"],
                why: `it waits for ${urnParts(blocker).name}, whose step pulumi up refuses, so the update stops before it registers`,
            });
            continue;
        }
        let decision = decide(old, goal, replaced, { oldIds, goalIds }, options);
        if (decision.step !== "replace" && decision.step !== "import-replacement" && goal.custom) {
            const spread = spreadReason(goal, old, decisions);
            if (spread !== undefined) {
                decision = { step: "replace", paths: decision.paths, rules: [spread[0]], why: spread[1] };
            }
        }
        if (decision.step === "replace") {
            decision = refused({ ...decision, order: orderOf(decision, goal, decisions) }, old, goal, [...oldByUrn.values()]);
        }
        if (byAlias) {
            decision.rules.push("match-alias");
        }
        decisions.set(goal.urn, decision);
        if (decision.step === "replace") {
            replaced.add(goal.urn);
        }
    }

    const changes: ResourceChange[] = [];
    for (const goal of liveGoals) {
        const decision = decisions.get(goal.urn);
        if (decision === undefined) {
            continue;
        }
        const old = matched.get(goal.urn);
        const final = decision;
        const change = { urn: goal.urn, type: goal.type, name: urnParts(goal.urn).name, step: final.step, ...(final.order !== undefined && final.step.startsWith("replace") ? { order: final.order } : {}), paths: final.paths, rules: final.rules, why: final.why };
        const vmDisks = goal.type === VM && old !== undefined && (final.step === "replace" || final.step === "cannot-tell") ? vmDisksOnDelete(old) : undefined;
        const risk = riskOf(change, old);
        changes.push({ ...change, ...(vmDisks !== undefined ? { vmDisks } : {}), ...(risk !== undefined ? { risk } : {}) });
    }
    for (const old of oldByUrn.values()) {
        if (used.has(old.urn)) {
            continue;
        }
        const step: StepKind = !old.custom ? "delete" : old.protect ? "delete-refused" : old.retainOnDelete ? "delete-skipped" : "delete";
        const rules: RuleId[] = step === "delete-refused" ? ["delete-protect", "delete"] : step === "delete-skipped" ? ["retain-on-delete", "delete"] : ["delete"];
        const why = step === "delete-refused" ? "no longer in the program, and protected: pulumi up refuses to delete it"
            : step === "delete-skipped" ? "no longer in the program; retainOnDelete keeps it in Azure, outside the stack"
            : "no longer in the program";
        const change = { urn: old.urn, type: old.type, name: urnParts(old.urn).name, step, paths: [], rules, why };
        const vmDisks = old.type === VM && step === "delete" ? vmDisksOnDelete(old) : undefined;
        const risk = riskOf(change, old);
        changes.push({ ...change, ...(vmDisks !== undefined ? { vmDisks } : {}), ...(risk !== undefined ? { risk } : {}) });
    }
    return changes;
}

/**
 * What `pulumi up` does first with the resources a deployed state holds pending deletion (left by a create-first or
 * import replacement whose update failed): it deletes them as part of that replacement, so without checking `protect`;
 * `retainOnDelete` still keeps one in Azure.
 */
export function pendingDeletes(pending: readonly ResourceState[]): ResourceChange[] {
    return pending.filter((old) => old.custom).map((old) => {
        const step: StepKind = old.retainOnDelete ? "delete-skipped" : "delete";
        const change = {
            urn: old.urn, type: old.type, name: urnParts(old.urn).name, step, paths: [], rules: ["pending-delete" as const, ...(old.retainOnDelete ? ["retain-on-delete" as const] : [])],
            why: old.retainOnDelete ? "pending deletion in the state; retainOnDelete keeps it in Azure" : "pending deletion in the state: deleted first, without checking protect",
        };
        const risk = riskOf(change, old);
        return { ...change, ...(risk !== undefined ? { risk } : {}) };
    });
}
