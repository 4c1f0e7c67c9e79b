/**
 * `npm run plan -- --changes-from BASE`: the plan of this revision compared with a base (a stack export, a saved plan,
 * or a git revision), as a change report (change-report.ts) with its exit code.
 */
import { PLACEHOLDER_SUBSCRIPTION, isPlaceholder } from "../recorder/recorder";
import type { ProgramRun } from "../recorder/program";
import { loadBase } from "./base";
import { changeReport, type ChangeReport, type FailOn } from "./change-report";
import { pendingDeletes, predictChanges } from "./changes";
import { statesOfRun } from "./state-of-run";

export interface ChangesOptions {
    readonly projectDir: string;
    readonly stack: string;
    readonly failOn: readonly FailOn[];
    readonly verbose?: boolean;
}

/** The report, or the reason the base could not be read or planned. */
export async function changesFrom(spec: string, run: ProgramRun, options: ChangesOptions): Promise<{ ok: true; report: ChangeReport } | { ok: false; message: string }> {
    const base = await loadBase(spec, { projectDir: options.projectDir, stack: options.stack, ...(options.verbose !== undefined ? { verbose: options.verbose } : {}) });
    if (!base.ok) {
        return base;
    }
    // A saved plan holds digests of its secrets, made with its salt: this plan's secrets are digested alike.
    const goals = statesOfRun(run, base.salt !== undefined ? { mode: "digest", salt: base.salt } : { mode: "plain" });
    const notes: string[] = [];
    const deployed = base.kind === "stack-export";
    if (deployed && !base.secretsShown) {
        notes.push("the export does not show secrets (pulumi stack export without --show-secrets): a change under a secret is \"cannot tell\"");
    }
    const subscription = base.subscriptionId;
    const changes = [...pendingDeletes(base.pending), ...predictChanges(base.resources, goals, deployed ? {
        ...(subscription !== undefined ? { goalString: (s: string) => s.split(`/subscriptions/${PLACEHOLDER_SUBSCRIPTION}/`).join(`/subscriptions/${subscription}/`) } : {}),
        isPlaceholder,
    } : {})];
    return { ok: true, report: changeReport({ kind: base.kind, description: base.description }, changes, options.failOn, notes) };
}
