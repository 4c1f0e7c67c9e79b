/**
 * The backup arguments: a BackupVault's, a VM's `backup`, and the value lists their enums take.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { LockArgs } from "../core/lock-args";

export const STORAGE_REDUNDANCIES = ["GeoRedundant", "ZoneRedundant", "LocallyRedundant"] as const;
export type StorageRedundancy = (typeof STORAGE_REDUNDANCIES)[number];
export const VAULT_NETWORK_ACCESS = ["Disabled", "Enabled"] as const;
export type VaultNetworkAccess = (typeof VAULT_NETWORK_ACCESS)[number];
export const VAULT_IMMUTABILITY = ["Unlocked", "Locked", "Disabled"] as const;
export type VaultImmutability = (typeof VAULT_IMMUTABILITY)[number];

/** BackupVault's arguments: the vault's name, the policy's schedule and retention, the vault's storage and protection. */
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

/** A VM's backup (the VM's `backup` argument). */
export interface VmBackupArgs {
    /** The backup policy's resource id, e.g. a BackupVault's `policyId`. The vault is the one the policy belongs to. */
    readonly policyId: pulumi.Input<string>;
}
