/**
 * The change prediction as a report: per resource the step `pulumi up` would take, a summary of what happens to data,
 * and the exit code a pull-request gate uses. Text (like `pulumi preview`) or JSON. Pure.
 */
import type { ResourceChange, StepKind } from "./changes";

/** Outcomes `--fail-on` can make fail the command (exit 6). */
export const FAIL_ON = ["vm-replace", "replace", "delete", "import", "cannot-tell"] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const EXIT = {
    /** Nothing risky. */
    ok: 0,
    /** A disk holding data would be deleted, replaced or import-replaced. */
    dataLoss: 3,
    /** `pulumi up` would be refused (a protected delete or replacement, a replacement Azure or the engine rejects). */
    refused: 4,
    /** The tool cannot tell offline whether a disk holding data survives. */
    cannotTell: 5,
    /** An outcome named by `--fail-on`. */
    failOn: 6,
} as const;

export interface ChangeSummary {
    readonly counts: Readonly<Partial<Record<StepKind, number>>>;
    /** Disks (Disk resources, or a VM's disks Azure deletes with it) deleted, replaced or import-replaced. */
    readonly disksLost: readonly string[];
    readonly vmsReplaced: readonly string[];
    /** VMs deleted or replaced whose OS disk Azure keeps, detached. */
    readonly osDisksDetached: readonly string[];
    readonly refused: readonly string[];
    /** Resources holding data whose fate cannot be told offline. */
    readonly cannotTell: readonly string[];
}

export interface ChangeReport {
    readonly formatVersion: 1;
    /** What the plan was compared with. */
    readonly base: { readonly kind: string; readonly description: string };
    /** Predictions, not the engine: the rules and their sources are in docs/reference/change-rules.md. */
    readonly changes: readonly ResourceChange[];
    readonly summary: ChangeSummary;
    readonly exitCode: number;
    /** Why the exit code is what it is, in one line. */
    readonly verdict: string;
    /** Notes about the base (e.g. resources already pending deletion, secrets it does not show). */
    readonly notes: readonly string[];
}

function label(c: ResourceChange): string {
    return `${c.name} (${c.type})`;
}

export function summarize(changes: readonly ResourceChange[]): ChangeSummary {
    const counts: Partial<Record<StepKind, number>> = {};
    for (const c of changes) {
        counts[c.step] = (counts[c.step] ?? 0) + 1;
    }
    const vm = (c: ResourceChange) => c.type === "azure-native:compute:VirtualMachine";
    return {
        counts,
        disksLost: changes.filter((c) => c.risk === "data-loss").map(label),
        vmsReplaced: changes.filter((c) => vm(c) && (c.step === "replace" || c.step === "replace-refused")).map((c) => c.name),
        osDisksDetached: changes.filter((c) => vm(c) && c.vmDisks === "detached" && (c.step === "replace" || c.step === "delete")).map((c) => c.name),
        refused: changes.filter((c) => c.risk === "refused").map(label),
        cannotTell: changes.filter((c) => c.risk === "cannot-tell-data").map(label),
    };
}

function failsOn(c: ResourceChange, outcome: FailOn): boolean {
    switch (outcome) {
        case "vm-replace":
            return c.type === "azure-native:compute:VirtualMachine" && c.step === "replace";
        case "replace":
            return c.step === "replace" || c.step === "import-replacement";
        case "delete":
            return c.step === "delete" || c.step === "delete-skipped";
        case "import":
            return c.step === "import" || c.step === "import-replacement";
        case "cannot-tell":
            return c.step === "cannot-tell";
    }
}

/** The exit code and its reason: data loss first, then what cannot be told, then refusals, then `--fail-on`. */
export function verdictOf(changes: readonly ResourceChange[], failOn: readonly FailOn[]): { exitCode: number; verdict: string } {
    const names = (pick: (c: ResourceChange) => boolean) => changes.filter(pick).map(label).join(", ");
    if (changes.some((c) => c.risk === "data-loss")) {
        return { exitCode: EXIT.dataLoss, verdict: `a disk holding data would be deleted, replaced or import-replaced: ${names((c) => c.risk === "data-loss")}` };
    }
    if (changes.some((c) => c.risk === "cannot-tell-data")) {
        return { exitCode: EXIT.cannotTell, verdict: `cannot tell offline whether a disk holding data survives: ${names((c) => c.risk === "cannot-tell-data")}` };
    }
    if (changes.some((c) => c.risk === "refused")) {
        return { exitCode: EXIT.refused, verdict: `pulumi up would be refused: ${names((c) => c.risk === "refused")}` };
    }
    const failing = failOn.filter((o) => changes.some((c) => failsOn(c, o)));
    if (failing.length > 0) {
        return { exitCode: EXIT.failOn, verdict: `--fail-on ${failing.join(",")}: ${names((c) => failing.some((o) => failsOn(c, o)))}` };
    }
    return { exitCode: EXIT.ok, verdict: "nothing risky: no disk holding data is deleted, replaced or import-replaced, and nothing is refused" };
}

export function changeReport(base: ChangeReport["base"], changes: readonly ResourceChange[], failOn: readonly FailOn[], notes: readonly string[] = []): ChangeReport {
    return { formatVersion: 1, base, changes, summary: summarize(changes), ...verdictOf(changes, failOn), notes };
}

const SYMBOL: Readonly<Record<StepKind, string>> = {
    "same": " ",
    "update": "~",
    "update-refused": "!",
    "create": "+",
    "import": "=",
    "import-replacement": "=>",
    "replace": "+-",
    "replace-refused": "!",
    "delete": "-",
    "delete-refused": "!",
    "delete-skipped": "-",
    "cannot-tell": "?",
    "not-reached": ".",
};

function stepText(c: ResourceChange): string {
    return c.order !== undefined ? `${c.step} (${c.order})` : c.step;
}

/** The report as text: one line per resource that is not the same, its paths and reason below it, then the summary. */
export function formatChangeReport(report: ChangeReport): string {
    const lines = [`Changes pulumi up would make, predicted offline against ${report.base.description}`, ""];
    const shown = report.changes.filter((c) => c.step !== "same");
    for (const c of shown) {
        lines.push(`${SYMBOL[c.step].padEnd(2)} ${stepText(c).padEnd(28)} ${c.type}  ${c.name}`);
        if (c.paths.length > 0) {
            lines.push(`      paths: ${c.paths.join(", ")}`);
        }
        lines.push(`      why: ${c.why}${c.rules.length > 0 ? ` [${c.rules.join(", ")}]` : ""}`);
        if (c.vmDisks !== undefined) {
            lines.push(`      the VM's own disks: ${c.vmDisks}`);
        }
    }
    const same = report.changes.length - shown.length;
    lines.push(`${shown.length === 0 ? "" : "\n"}${same} resource${same === 1 ? "" : "s"} unchanged.`, "", "Summary:");
    const list = (items: readonly string[]) => items.length === 0 ? "none" : items.join(", ");
    lines.push(`  disks deleted, replaced or import-replaced: ${list(report.summary.disksLost)}`);
    lines.push(`  VMs replaced: ${list(report.summary.vmsReplaced)}`);
    lines.push(`  OS disks left detached: ${list(report.summary.osDisksDetached)}`);
    lines.push(`  refused by pulumi up: ${list(report.summary.refused)}`);
    lines.push(`  cannot tell offline (data): ${list(report.summary.cannotTell)}`);
    for (const note of report.notes) {
        lines.push(`note: ${note}`);
    }
    lines.push("", `exit ${String(report.exitCode)}: ${report.verdict}`, "These are predictions from the rules in docs/reference/change-rules.md, not the engine's own plan.", "");
    return lines.join("\n");
}
