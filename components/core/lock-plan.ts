/**
 * Management locks on what must outlive mistakes (data disks and backup vaults): the one rule a `lock` argument
 * follows, and which lock a resource gets. Pure.
 */
import { LOCK_KINDS, type LockArgs } from "./lock-args";
import { choiceRule, type Problem } from "./problems";

/** The lock a plan chose: its Pulumi name and its Azure name. */
export interface LockPlan {
    readonly resourceName: string;
    readonly lockName: string;
}

/** A lock's kind: one of LOCK_KINDS. */
export const checkLockKindValue = choiceRule(LOCK_KINDS, "lock kind");

/** The `lock` argument, if given: its kind. */
export function checkLockKind(lock: { readonly kind: string } | undefined): Problem[] {
    return lock === undefined ? [] : checkLockKindValue("lock.kind", lock.kind);
}

/** The CanNotDelete lock `lock` asks for on a resource named `azureName`, named `lock-<azureName>` by default. */
export function planLock(lock: LockArgs | undefined, resourceName: string, azureName: string): LockPlan | undefined {
    return lock?.kind === "CanNotDelete" ? { resourceName, lockName: lock.name ?? `lock-${azureName}` } : undefined;
}
