/**
 * Pure planning for Azure Backup of VMs: a BackupVault's names and defaults, decided once the backup rules passed its
 * arguments, and where a VM's protected item goes. Plain data in, plain data out; no Azure SDK.
 * Sources (Microsoft Learn, MicrosoftDocs/azure-docs): "Naming rules and restrictions for Azure resources"
 * (Microsoft.RecoveryServices vaults: 2-50 characters, alphanumerics and hyphens, starting with a letter);
 * "Back up an Azure VM using Enhanced policy" (Trusted Launch VMs need it; instant restore 1-30 days, default 7);
 * "Back up an Azure VM using Azure Backup via REST API" (container and protected item names); the azurerm
 * `azurerm_backup_policy_vm` reference (daily retention 7-9999 days).
 */
import type { LockArgs } from "../core/lock-args";
import { planLock, type LockPlan } from "../core/lock-plan";
import type { PlanResult } from "../core/problems";
import { checkTags } from "../core/tag-rules";
import type { StorageRedundancy, VaultImmutability, VaultNetworkAccess } from "./backup-args";
import { checkBackupPolicyId, checkBackupVault, parseBackupPolicyId } from "./backup-rules";

/** What a BackupVault gets when an argument is not set. */
export const BACKUP_DEFAULTS = {
    policyName: "daily-enhanced",
    scheduleTime: "23:00",
    retentionDays: 30,
    instantRestoreDays: 7,
    storageRedundancy: "GeoRedundant",
    publicNetworkAccess: "Disabled",
    immutability: "Unlocked",
} as const;

/** The plain arguments the plan decides from (a BackupVault's args are assignable to it). */
export interface BackupVaultPlanInputs {
    readonly resourceGroupName?: unknown;
    /** The tags, where they are a plain object (checked against Azure's limits). */
    readonly tags?: unknown;
    readonly vaultName?: string;
    readonly policyName?: string;
    readonly scheduleTime?: string;
    readonly retentionDays?: number;
    readonly instantRestoreDays?: number;
    readonly storageRedundancy?: string;
    readonly publicNetworkAccess?: string;
    readonly immutability?: string;
    readonly lock?: LockArgs;
}

export interface BackupVaultPlan {
    readonly resourceNames: { readonly vault: string; readonly policy: string };
    readonly vaultName: string;
    readonly policyName: string;
    /** The daily run time as Azure takes it: an ISO timestamp whose date Azure ignores. */
    readonly scheduleRunTime: string;
    readonly retentionDays: number;
    readonly instantRestoreDays: number;
    readonly storageRedundancy: StorageRedundancy;
    readonly publicNetworkAccess: VaultNetworkAccess;
    readonly immutability: VaultImmutability;
    readonly lock: LockPlan | undefined;
}

export function planBackupVault(name: string, args: BackupVaultPlanInputs): PlanResult<BackupVaultPlan> {
    const vaultName = args.vaultName ?? name;
    const policyName = args.policyName ?? BACKUP_DEFAULTS.policyName;
    const scheduleTime = args.scheduleTime ?? BACKUP_DEFAULTS.scheduleTime;
    const retentionDays = args.retentionDays ?? BACKUP_DEFAULTS.retentionDays;
    const instantRestoreDays = args.instantRestoreDays ?? BACKUP_DEFAULTS.instantRestoreDays;
    const storageRedundancy = args.storageRedundancy ?? BACKUP_DEFAULTS.storageRedundancy;
    const publicNetworkAccess = args.publicNetworkAccess ?? BACKUP_DEFAULTS.publicNetworkAccess;
    const immutability = args.immutability ?? BACKUP_DEFAULTS.immutability;
    const problems = [
        ...checkBackupVault(args, { vaultName, policyName, scheduleTime, retentionDays, instantRestoreDays, storageRedundancy, publicNetworkAccess, immutability }, args.vaultName === undefined),
        ...checkTags("tags", args.tags),
    ];
    if (problems.length > 0) {
        return { ok: false, problems };
    }
    return {
        ok: true,
        plan: {
            resourceNames: { vault: `${name}-vault`, policy: `${name}-policy` },
            vaultName,
            policyName,
            scheduleRunTime: `2024-01-01T${scheduleTime}:00Z`,
            retentionDays,
            instantRestoreDays,
            storageRedundancy: storageRedundancy as StorageRedundancy,
            publicNetworkAccess: publicNetworkAccess as VaultNetworkAccess,
            immutability: immutability as VaultImmutability,
            lock: planLock(args.lock, `${name}-lock`, vaultName),
        },
    };
}

/** Where a VM's protected item goes and what it is called. */
export interface ProtectedItemPlan {
    readonly vaultResourceGroupName: string;
    readonly vaultName: string;
    readonly containerName: string;
    readonly protectedItemName: string;
}

/**
 * The protected item of an Azure VM: in the policy's vault, with Azure's names for an Azure Resource Manager VM,
 * `iaasvmcontainer;iaasvmcontainerv2;<group>;<vm>` and `vm;iaasvmcontainerv2;<group>;<vm>`.
 */
export function planProtectedItem(policyId: string, vmResourceGroupName: string, vmName: string): PlanResult<ProtectedItemPlan> {
    const policy = parseBackupPolicyId(policyId);
    if (policy === undefined) {
        return { ok: false, problems: checkBackupPolicyId("policyId", policyId) };
    }
    const workload = `iaasvmcontainerv2;${vmResourceGroupName};${vmName}`;
    return {
        ok: true,
        plan: {
            vaultResourceGroupName: policy.resourceGroupName,
            vaultName: policy.vaultName,
            containerName: `iaasvmcontainer;${workload}`,
            protectedItemName: `vm;${workload}`,
        },
    };
}
