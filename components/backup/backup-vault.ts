/**
 * BackupVault: a Recovery Services vault with one daily Enhanced policy, both protected, for VMs to opt in to with
 * `backup: { policyId }` (see vm-backup-declare.ts). Backup data is never deleted by Pulumi.
 */
import * as pulumi from "@pulumi/pulumi";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import { declareDeleteLock } from "../core/lock-declare";
import { requirePlan } from "../core/problems";
import type { BackupVaultArgs } from "./backup-args";
import { planBackupVault } from "./backup-plan";

export const BACKUP_VAULT_TYPE = "azure-persistent-vm:index:BackupVault";

/**
 * A Recovery Services vault (soft delete on, immutable by default, public network access off) with one daily Enhanced
 * backup policy, both protected: what VMs opt in to with `backup: { policyId }`.
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
        const plan = requirePlan("BackupVault", name, planBackupVault(name, args));
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
