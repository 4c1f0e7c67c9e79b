/**
 * Pure planning for Azure Backup of VMs: a BackupVault's names, defaults and validation, and where a VM's protected
 * item goes. Plain data in, plain data out; no Azure SDK.
 * Sources (Microsoft Learn, MicrosoftDocs/azure-docs): "Naming rules and restrictions for Azure resources"
 * (Microsoft.RecoveryServices vaults: 2-50 characters, alphanumerics and hyphens, starting with a letter);
 * "Back up an Azure VM using Enhanced policy" (Trusted Launch VMs need it; instant restore 1-30 days, default 7);
 * "Back up an Azure VM using Azure Backup via REST API" (container and protected item names); the azurerm
 * `azurerm_backup_policy_vm` reference (daily retention 7-9999 days).
 */
import { InvalidArgumentsError, checkChoice, type Problem } from "../core/problems";
import { checkLockKind, planLock, type LockPlan } from "../core/lock-plan";
import { checkResourceName } from "../core/name-rules";
import type { LockArgs } from "../vm/vm-args";

export const STORAGE_REDUNDANCIES = ["GeoRedundant", "ZoneRedundant", "LocallyRedundant"] as const;
export type StorageRedundancy = (typeof STORAGE_REDUNDANCIES)[number];
export const VAULT_NETWORK_ACCESS = ["Disabled", "Enabled"] as const;
export type VaultNetworkAccess = (typeof VAULT_NETWORK_ACCESS)[number];
export const VAULT_IMMUTABILITY = ["Unlocked", "Locked", "Disabled"] as const;
export type VaultImmutability = (typeof VAULT_IMMUTABILITY)[number];

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

/** Azure's ranges for an Enhanced (V2) policy with a daily schedule. */
export const BACKUP_LIMITS = {
    retentionDays: { min: 7, max: 9999, rule: "Azure keeps daily backups 7-9999 days" },
    instantRestoreDays: { min: 1, max: 30, rule: "an Enhanced policy keeps instant-restore snapshots 1-30 days" },
} as const;

/** The plain arguments the plan decides from (a BackupVault's args are assignable to it). */
export interface BackupVaultPlanInputs {
    readonly resourceGroupName?: unknown;
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

/** Recovery Services vault name: 2-50 characters, letters, digits and hyphens, starting with a letter. */
export function checkVaultName(path: string, value: string, derived: boolean): Problem[] {
    const subject = derived ? `defaults to the component name "${value}", which` : `"${value}"`;
    if (value.length < 2 || value.length > 50) {
        return [{ path, message: `${subject} is ${value.length} characters; Azure allows 2 to 50 for a Recovery Services vault (set vaultName).` }];
    }
    if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(value)) {
        return [{ path, message: `${subject} may hold only letters, digits and hyphens, starting with a letter (set vaultName).` }];
    }
    return [];
}

/**
 * Backup policy name. Azure's naming-rules page gives no rule for it, so this is the component's own: 1-150 letters,
 * digits, "-", "_" and ".", starting with a letter or digit, all safe inside the policy's resource id.
 */
export function checkPolicyName(path: string, value: string): Problem[] {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,149}$/.test(value)) {
        return [{ path, message: `"${value}" must be 1 to 150 letters, digits, "-", "_" or ".", starting with a letter or digit (set policyName).` }];
    }
    return [];
}

/** A daily run time: a whole UTC hour, "00:00" to "23:00". */
export function checkScheduleTime(path: string, value: string): Problem[] {
    return /^([01]\d|2[0-3]):00$/.test(value) ? [] : [{ path, message: `"${value}" is not a whole UTC hour; use "HH:00", from "00:00" to "23:00" (set scheduleTime).` }];
}

/** A whole number of days inside one of Azure's ranges. */
export function checkDays(path: keyof typeof BACKUP_LIMITS, value: number): Problem[] {
    const { min, max, rule } = BACKUP_LIMITS[path];
    if (!Number.isInteger(value)) {
        return [{ path, message: `${value} is not a whole number of days; ${rule} (set ${path}).` }];
    }
    if (value < min || value > max) {
        return [{ path, message: `${value} is ${value < min ? `below ${min}` : `above ${max}`}; ${rule} (set ${path}).` }];
    }
    return [];
}

export function planBackupVault(name: string, args: BackupVaultPlanInputs): { ok: true; plan: BackupVaultPlan } | { ok: false; problems: Problem[] } {
    const vaultName = args.vaultName ?? name;
    const policyName = args.policyName ?? BACKUP_DEFAULTS.policyName;
    const scheduleTime = args.scheduleTime ?? BACKUP_DEFAULTS.scheduleTime;
    const retentionDays = args.retentionDays ?? BACKUP_DEFAULTS.retentionDays;
    const instantRestoreDays = args.instantRestoreDays ?? BACKUP_DEFAULTS.instantRestoreDays;
    const storageRedundancy = args.storageRedundancy ?? BACKUP_DEFAULTS.storageRedundancy;
    const publicNetworkAccess = args.publicNetworkAccess ?? BACKUP_DEFAULTS.publicNetworkAccess;
    const immutability = args.immutability ?? BACKUP_DEFAULTS.immutability;
    const problems: Problem[] = [
        ...checkVaultName("vaultName", vaultName, args.vaultName === undefined),
        ...checkPolicyName("policyName", policyName),
        ...checkScheduleTime("scheduleTime", scheduleTime),
        ...checkDays("retentionDays", retentionDays),
        ...checkDays("instantRestoreDays", instantRestoreDays),
        ...checkChoice("storageRedundancy", storageRedundancy, STORAGE_REDUNDANCIES, "storage redundancy"),
        ...checkChoice("publicNetworkAccess", publicNetworkAccess, VAULT_NETWORK_ACCESS, "network access setting"),
        ...checkChoice("immutability", immutability, VAULT_IMMUTABILITY, "vault immutability state"),
    ];
    if (typeof args.resourceGroupName === "string") {
        problems.push(...checkResourceName("resourceGroupName", "resourceGroup", args.resourceGroupName, "set resourceGroupName", false));
    }
    problems.push(...checkLockKind(args.lock));
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

export function requireBackupVaultPlan(component: string, name: string, args: BackupVaultPlanInputs): BackupVaultPlan {
    const result = planBackupVault(name, args);
    if (!result.ok) {
        throw new InvalidArgumentsError(component, name, result.problems);
    }
    return result.plan;
}

/** Where a backup policy lives, read from its resource id. */
export interface BackupPolicyLocation {
    readonly subscriptionId: string;
    readonly resourceGroupName: string;
    readonly vaultName: string;
    readonly policyName: string;
}

const POLICY_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.RecoveryServices\/vaults\/([^/]+)\/backupPolicies\/([^/]+)$/i;
const POLICY_ID_SHAPE = "/subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.RecoveryServices/vaults/<vault>/backupPolicies/<policy>";

/** Azure returns ids in varying case (`microsoft.recoveryservices`), so the match ignores case. */
export function parseBackupPolicyId(id: string): BackupPolicyLocation | undefined {
    const match = POLICY_ID.exec(id);
    if (!match) {
        return undefined;
    }
    const [, subscriptionId = "", resourceGroupName = "", vaultName = "", policyName = ""] = match;
    return { subscriptionId, resourceGroupName, vaultName, policyName };
}

/**
 * A backup policy id given as a plain string must have the shape of one. Any other value (an Output, known only at
 * deployment) passes here and is read when it resolves.
 */
export function checkBackupPolicyId(path: string, value: unknown): Problem[] {
    if (typeof value === "string") {
        return parseBackupPolicyId(value) ? [] : [{ path, message: `"${value}" is not a backup policy id; expected ${POLICY_ID_SHAPE} (use a BackupVault's policyId).` }];
    }
    if (value === undefined || value === null) {
        return [{ path, message: `is missing; set it to a backup policy id (use a BackupVault's policyId).` }];
    }
    return [];
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
export function planProtectedItem(policyId: string, vmResourceGroupName: string, vmName: string): { ok: true; plan: ProtectedItemPlan } | { ok: false; problems: Problem[] } {
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
