/**
 * The two checks every rule table of the VM planner makes: a refused row gets exactly its problems, an accepted row
 * plans with no problem and resolves to its value, with exactly its warnings.
 */
import { expect } from "vitest";
import { planVm } from "../../components/preflight";
import { args, type Accepted, type Rejected } from "./fixtures";

/** The row's VM is refused with exactly the row's problems, and the row's warnings. */
export function expectRefused({ os, name, args: overrides, credentials, problems, warnings }: Rejected): void {
    expect(planVm(os, name ?? "vm01", args(overrides), credentials ?? {})).toStrictEqual({ ok: false, problems, ...(warnings !== undefined ? { warnings } : {}) });
}

/** The row's VM plans, and the plan resolves to the row's value with the row's warnings. */
export function expectAccepted({ os, name, args: overrides, credentials, resolved, value, warnings }: Accepted): void {
    const result = planVm(os, name ?? "vm01", args(overrides), credentials ?? {});
    expect(result.ok ? [] : result.problems).toStrictEqual([]);
    expect(result.ok && [resolved?.(result.plan), result.plan.warnings]).toStrictEqual([value, warnings ?? []]);
}
