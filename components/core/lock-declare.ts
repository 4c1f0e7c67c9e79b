/**
 * The management lock the components put on what must outlive mistakes: `protect` stops only Pulumi, a CanNotDelete
 * lock also stops the portal, the CLI and a resource-group deletion, until it is removed.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import type { LockPlan } from "./lock-plan";

/** Declares a CanNotDelete lock on `scope`, with a note telling whoever meets it why it is there. */
export function declareDeleteLock(lock: LockPlan, scope: pulumi.Input<string>, notes: string, options: pulumi.CustomResourceOptions): authorization.ManagementLockByScope {
    return new authorization.ManagementLockByScope(lock.resourceName, { scope, lockName: lock.lockName, level: "CanNotDelete", notes }, options);
}
