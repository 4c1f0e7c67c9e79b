/**
 * Opt-in Azure Backup for VMs: a BackupVault (a Recovery Services vault with one daily Enhanced policy, both protected)
 * and `declareVmBackup`, which a VM calls to put itself under a policy. Backup data is never deleted by Pulumi.
 */
import * as pulumi from "@pulumi/pulumi";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import {
    planProtectedItem, requireBackupVaultPlan, type ProtectedItemPlan, type StorageRedundancy, type VaultImmutability, type VaultNetworkAccess,
} from "./backup-plan";
import { declareDeleteLock } from "../core/lock-declare";
import { formatProblems } from "../core/problems";
import type { LockArgs } from "../vm/vm-args";

export {
    BACKUP_DEFAULTS, BACKUP_LIMITS, STORAGE_REDUNDANCIES, VAULT_IMMUTABILITY, VAULT_NETWORK_ACCESS, checkBackupPolicyId, parseBackupPolicyId, planBackupVault,
    planProtectedItem, type BackupPolicyLocation, type BackupVaultPlan, type StorageRedundancy, type VaultImmutability, type VaultNetworkAccess,
} from "./backup-plan";

export const BACKUP_VAULT_TYPE = "azure-persistent-vm:index:BackupVault";

export interface BackupVaultArgs {
    /** The resource group the vault is created in. */
    readonly resourceGroupName: pulumi.Input<string>;
    /** The Azure region, e.g. `westeurope`. Azure Backup protects only VMs in the vault's own region. */
    readonly location: pulumi.Input<string>;
    /**
     * The vault's Azure name: 2-50 letters, digits and hyphens, starting with a letter.
     * @default the component's name
     */
    readonly vaultName?: string;
    /**
     * The backup policy's name.
     * @default "daily-enhanced"
     */
    readonly policyName?: string;
    /**
     * When the daily backup starts, as a whole UTC hour "HH:00" (the policy's time zone is UTC).
     * @default "23:00"
     */
    readonly scheduleTime?: string;
    /**
     * How many days each daily backup is kept in the vault: 7 to 9999.
     * @default 30
     */
    readonly retentionDays?: number;
    /**
     * How many days each backup's snapshot is kept for instant restore, next to the disks: 1 to 30. Snapshots are
     * billed as managed-disk snapshots.
     * @default 7, the Azure portal's default for an Enhanced policy
     */
    readonly instantRestoreDays?: number;
    /**
     * Where the vault keeps its backup data: "GeoRedundant" (a copy in the paired region), "ZoneRedundant" or
     * "LocallyRedundant". Azure refuses to change it once the vault protects an item.
     * @default "GeoRedundant"
     */
    readonly storageRedundancy?: StorageRedundancy;
    /**
     * Whether the vault's endpoints accept traffic from public networks. Disabling it does not affect Azure VM backup
     * or disk restore: they run inside Azure and need no network path from the VM ("VM backup doesn't require you to
     * allow access to any IPs or FQDNs", Microsoft Learn, "Private endpoints for Azure Backup - Overview"). It does
     * confine file-level recovery to networks with a private endpoint for the vault, and Azure refuses it for a
     * vault with Cross Region Restore, which this component leaves off. "Disabled" is also what the Azure Policy
     * "Azure Recovery Services vaults should disable public network access" asks, so landing zones that deny public
     * endpoints accept the vault. Set "Enabled" to restore files from a VM without a private endpoint.
     * @default "Disabled"
     */
    readonly publicNetworkAccess?: VaultNetworkAccess;
    /**
     * Immutability: recovery points cannot be deleted before they expire, nor retention shortened. "Unlocked" can be
     * turned off later; "Locked" never can (a compliance choice, irreversible); "Disabled" turns it off.
     * Scanners (PSRule Azure.RSV.Immutable, KICS "Recovery Services Vault Without Immutability") ask for it.
     * @default "Unlocked"
     */
    readonly immutability?: VaultImmutability;
    /**
     * A management lock on the vault. "CanNotDelete" blocks deleting the vault and, through inheritance, its
     * policies and protected items, from Pulumi, the portal or the CLI, until the lock is removed.
     * @default none
     */
    readonly lock?: LockArgs;
    /**
     * Tags for the vault.
     * @default none
     */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A Recovery Services vault and one daily Enhanced (V2) backup policy for Azure VMs, the only policy type that
 * protects Trusted Launch VMs. Both are `protect`ed: Pulumi refuses to delete them, so backups outlive the stack.
 * Soft delete stays on: Azure keeps deleted backup data 14 days.
 */
export class BackupVault extends pulumi.ComponentResource {
    /** The vault's resource id. */
    public readonly vaultId: pulumi.Output<string>;
    /** The vault's Azure name. */
    public readonly vaultName: pulumi.Output<string>;
    /** The vault's resource group. */
    public readonly resourceGroupName: pulumi.Output<string>;
    /** The policy's resource id: pass it to a VM's `backup.policyId`. */
    public readonly policyId: pulumi.Output<string>;
    /** The policy's name. */
    public readonly policyName: pulumi.Output<string>;

    constructor(name: string, args: BackupVaultArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = requireBackupVaultPlan("BackupVault", name, args);
        super(BACKUP_VAULT_TYPE, name, {}, opts);

        const vault = new recoveryservices.Vault(plan.resourceNames.vault, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            vaultName: plan.vaultName,
            sku: { name: "RS0", tier: "Standard" },
            identity: { type: "SystemAssigned" },
            properties: {
                publicNetworkAccess: plan.publicNetworkAccess,
                redundancySettings: { standardTierStorageRedundancy: plan.storageRedundancy },
                securitySettings: {
                    softDeleteSettings: { softDeleteState: "Enabled" },
                    immutabilitySettings: { state: plan.immutability },
                },
            },
            tags: args.tags,
        }, { parent: this, protect: true });

        // The vault's name is a plain value, known at every preview; dependsOn orders the policy after the vault.
        const policy = new recoveryservices.ProtectionPolicy(plan.resourceNames.policy, {
            resourceGroupName: args.resourceGroupName,
            vaultName: plan.vaultName,
            policyName: plan.policyName,
            properties: {
                backupManagementType: "AzureIaasVM",
                policyType: "V2",
                timeZone: "UTC",
                instantRpRetentionRangeInDays: plan.instantRestoreDays,
                schedulePolicy: {
                    schedulePolicyType: "SimpleSchedulePolicyV2",
                    scheduleRunFrequency: "Daily",
                    dailySchedule: { scheduleRunTimes: [plan.scheduleRunTime] },
                },
                retentionPolicy: {
                    retentionPolicyType: "LongTermRetentionPolicy",
                    dailySchedule: { retentionTimes: [plan.scheduleRunTime], retentionDuration: { count: plan.retentionDays, durationType: "Days" } },
                },
            },
        }, { parent: this, protect: true, dependsOn: [vault] });

        if (plan.lock !== undefined) {
            declareDeleteLock(plan.lock, vault.id, "Backup vault: its recovery points are the last copy of deleted VMs; remove this lock before deleting it.", { parent: this });
        }

        this.vaultId = vault.id;
        this.vaultName = pulumi.output(plan.vaultName);
        this.resourceGroupName = pulumi.output(args.resourceGroupName);
        this.policyId = policy.id;
        this.policyName = pulumi.output(plan.policyName);
        this.registerOutputs({
            vaultId: this.vaultId, vaultName: this.vaultName, resourceGroupName: this.resourceGroupName, policyId: this.policyId, policyName: this.policyName,
        });
    }
}

/** A VM's backup (the VM's `backup` argument). */
export interface VmBackupArgs {
    /** The backup policy's resource id, e.g. a BackupVault's `policyId`. The vault is the one the policy belongs to. */
    readonly policyId: pulumi.Input<string>;
}

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
