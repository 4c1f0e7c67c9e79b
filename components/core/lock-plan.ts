/**
 * Management locks (the Azure Verified Modules `lock` interface) on what must outlive mistakes: data disks and backup
 * vaults. Pure: which lock a resource gets, and the one rule its arguments follow.
 */
import { checkChoice, type Problem } from "./problems";

/** Lock kinds: "CanNotDelete" locks the resource; "None" (like no lock at all) does not. */
export const LOCK_KINDS = ["CanNotDelete", "None"] as const;
export type LockKind = (typeof LOCK_KINDS)[number];

/** The lock a plan chose: its Pulumi name and its Azure name. */
export interface LockPlan {
    readonly resourceName: string;
    readonly lockName: string;
}

export function checkLockKind(lock: { readonly kind: string } | undefined): Problem[] {
    return lock === undefined ? [] : checkChoice("lock.kind", lock.kind, LOCK_KINDS, "lock kind");
}

/** The CanNotDelete lock `lock` asks for on a resource named `azureName`, named `lock-<azureName>` by default. */
export function planLock(lock: { readonly kind: string; readonly name?: string } | undefined, resourceName: string, azureName: string): LockPlan | undefined {
    return lock?.kind === "CanNotDelete" ? { resourceName, lockName: lock.name ?? `lock-${azureName}` } : undefined;
}
