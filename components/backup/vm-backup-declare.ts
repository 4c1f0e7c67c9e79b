/**
 * Puts a VM under a backup policy: `declareVmBackup`, which a VM component calls for its `backup` argument.
 */
import * as pulumi from "@pulumi/pulumi";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import { formatProblems } from "../core/problems";
import type { VmBackupArgs } from "./backup-args";
import { planProtectedItem, type ProtectedItemPlan } from "./backup-plan";

/** The VM a protected item backs up. Pass the VM's planned name and group, not its resource's outputs (see below). */
export interface BackedUpVm {
    readonly id: pulumi.Input<string>;
    readonly name: pulumi.Input<string>;
    readonly resourceGroupName: pulumi.Input<string>;
}

/** Reads the item's location from the policy id; a malformed id is reported as an error, never thrown in an apply. */
function protectedItemOrReport(resourceName: string, policyId: string, group: string, vmName: string): ProtectedItemPlan {
    const result = planProtectedItem(policyId, group, vmName);
    if (result.ok) {
        return result.plan;
    }
    void pulumi.log.error(formatProblems("declareVmBackup", resourceName, result.problems));
    // log.error alone does not fail a deployment (pulumi/pulumi#6090); empty names make Azure refuse the item, so the
    // deployment fails with this message beside the error, and nothing is created in a wrong place.
    return { vaultResourceGroupName: "", vaultName: "", containerName: "", protectedItemName: "" };
}

/**
 * Puts a VM under a backup policy: a protected item in the policy's vault.
 *
 * The item is `retainOnDelete`: removing the VM or the item from the stack leaves protection on in Azure. Deleting a
 * protected item in Azure stops protection and deletes its backup data (soft-deleted, recoverable for 14 days), so
 * Pulumi never does it; stop protection in the vault when that is really meant.
 *
 * A replaced VM (deleteBeforeReplace, same name, so the same resource id) leaves the item's inputs unchanged, so
 * Pulumi neither replaces nor updates the item, and the recovery points taken before stay where they are. This holds
 * when `vm.name` and `vm.resourceGroupName` are plain values: names unknown during a VM replacement would make the
 * item's container and item names, which are part of its resource id, unknown, and a changed id is a replacement.
 * `vm.id` may be the VM resource's output: it only fills `sourceResourceId`, a property, and resolves to the same id.
 *
 * Azure Backup also requires the vault to be in the VM's region and subscription.
 */
export function declareVmBackup(resourceName: string, backup: VmBackupArgs, vm: BackedUpVm, parent: pulumi.CustomResourceOptions): recoveryservices.ProtectedItem {
    const item = pulumi.all([backup.policyId, vm.resourceGroupName, vm.name])
        .apply(([policyId, group, vmName]) => protectedItemOrReport(resourceName, policyId, group, vmName));
    return new recoveryservices.ProtectedItem(resourceName, {
        resourceGroupName: item.vaultResourceGroupName,
        vaultName: item.vaultName,
        fabricName: "Azure",
        containerName: item.containerName,
        protectedItemName: item.protectedItemName,
        properties: { protectedItemType: "Microsoft.Compute/virtualMachines", policyId: backup.policyId, sourceResourceId: vm.id },
    }, { ...parent, retainOnDelete: true });
}
