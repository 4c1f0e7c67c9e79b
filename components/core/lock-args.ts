/**
 * The `lock` argument (the Azure Verified Modules `lock` interface) that data disks and backup vaults take.
 */

/** Lock kinds: "CanNotDelete" locks the resource; "None" (like no lock at all) does not. */
export const LOCK_KINDS = ["CanNotDelete", "None"] as const;
export type LockKind = (typeof LOCK_KINDS)[number];

/** A management lock (the Azure Verified Modules `lock` interface). */
export interface LockArgs {
    /** "CanNotDelete": nobody deletes the resource, from Pulumi, the portal or the CLI, until the lock is removed. */
    readonly kind: LockKind;
    /**
     * The lock's name.
     * @default "lock-<resource name>"
     */
    readonly name?: string;
}
