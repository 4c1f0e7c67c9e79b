/**
 * Azure Backup's rules for a vault, its policy and a policy id, as pure checks.
 * Sources (Microsoft Learn, MicrosoftDocs/azure-docs): "Naming rules and restrictions for Azure resources"
 * (Microsoft.RecoveryServices vaults: 2-50 characters, alphanumerics and hyphens, starting with a letter);
 * "Back up an Azure VM using Enhanced policy" (Trusted Launch VMs need it; instant restore 1-30 days, default 7);
 * "Back up an Azure VM using Azure Backup via REST API" (container and protected item names); the azurerm
 * `azurerm_backup_policy_vm` reference (daily retention 7-9999 days).
 */
import { choiceRule, type Problem } from "../core/problems";
import { checkResourceName } from "../core/name-rules";
import { checkLockKind } from "../core/lock-plan";
import { STORAGE_REDUNDANCIES, VAULT_IMMUTABILITY, VAULT_NETWORK_ACCESS } from "./backup-args";

export const checkStorageRedundancy = choiceRule(STORAGE_REDUNDANCIES, "storage redundancy");
export const checkVaultNetworkAccess = choiceRule(VAULT_NETWORK_ACCESS, "network access setting");
export const checkVaultImmutability = choiceRule(VAULT_IMMUTABILITY, "vault immutability state");

/** Azure's ranges for an Enhanced (V2) policy with a daily schedule. */
export const BACKUP_LIMITS = {
    retentionDays: { min: 7, max: 9999, rule: "Azure keeps daily backups 7-9999 days" },
    instantRestoreDays: { min: 1, max: 30, rule: "an Enhanced policy keeps instant-restore snapshots 1-30 days" },
} as const;

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

/** Every rule a BackupVault's arguments follow, over the values with their defaults, all problems at once. */
export function checkBackupVault(
    args: { readonly resourceGroupName?: unknown; readonly lock?: { readonly kind: string } },
    values: {
        readonly vaultName: string; readonly policyName: string; readonly scheduleTime: string; readonly retentionDays: number; readonly instantRestoreDays: number;
        readonly storageRedundancy: string; readonly publicNetworkAccess: string; readonly immutability: string;
    },
    vaultNameDefaulted: boolean,
): Problem[] {
    const { vaultName, policyName, scheduleTime, retentionDays, instantRestoreDays, storageRedundancy, publicNetworkAccess, immutability } = values;
    const problems: Problem[] = [
        ...checkVaultName("vaultName", vaultName, vaultNameDefaulted),
        ...checkPolicyName("policyName", policyName),
        ...checkScheduleTime("scheduleTime", scheduleTime),
        ...checkDays("retentionDays", retentionDays),
        ...checkDays("instantRestoreDays", instantRestoreDays),
        ...checkStorageRedundancy("storageRedundancy", storageRedundancy),
        ...checkVaultNetworkAccess("publicNetworkAccess", publicNetworkAccess),
        ...checkVaultImmutability("immutability", immutability),
    ];
    if (typeof args.resourceGroupName === "string") {
        problems.push(...checkResourceName("resourceGroupName", "resourceGroup", args.resourceGroupName, "set resourceGroupName", false));
    }
    problems.push(...checkLockKind(args.lock));
    return problems;
}
