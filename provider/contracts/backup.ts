/**
 * The contract of BackupVault: the TypeScript `BackupVaultArgs` written out for the schema analyzer (drift.ts says how
 * they are kept equal), and the class the analyzer reads the outputs from. Every field crosses languages as it is.
 */
import * as pulumi from "@pulumi/pulumi";
import type {
    BACKUP_VAULT_TYPE as TS_BACKUP_VAULT, BackupVault as TsBackupVault, BackupVaultArgs as TsBackupVaultArgs,
    StorageRedundancy as TsStorageRedundancy, VaultImmutability as TsVaultImmutability, VaultNetworkAccess as TsVaultNetworkAccess,
} from "../../components";
import { assertSame, type Equal, type Same } from "./drift";
import type { Lock } from "./shared";
import type { OutputsOf } from "./vm";

/** The type token: the same as the TypeScript component's own. */
export const BACKUP_VAULT = "azure-persistent-vm:index:BackupVault";

export const StorageRedundancy = { GeoRedundant: "GeoRedundant", ZoneRedundant: "ZoneRedundant", LocallyRedundant: "LocallyRedundant" } as const;
export type StorageRedundancy = (typeof StorageRedundancy)[keyof typeof StorageRedundancy];

export const VaultNetworkAccess = { Disabled: "Disabled", Enabled: "Enabled" } as const;
export type VaultNetworkAccess = (typeof VaultNetworkAccess)[keyof typeof VaultNetworkAccess];

export const VaultImmutability = { Unlocked: "Unlocked", Locked: "Locked", Disabled: "Disabled" } as const;
export type VaultImmutability = (typeof VaultImmutability)[keyof typeof VaultImmutability];

export interface BackupVaultArgs {
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    vaultName?: string;
    policyName?: string;
    scheduleTime?: string;
    retentionDays?: number;
    instantRestoreDays?: number;
    storageRedundancy?: StorageRedundancy;
    publicNetworkAccess?: VaultNetworkAccess;
    immutability?: VaultImmutability;
    lock?: Lock;
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** A Recovery Services vault with one daily Enhanced backup policy, both protected. */
export class BackupVault extends pulumi.ComponentResource {
    public readonly vaultId!: pulumi.Output<string>;
    public readonly vaultName!: pulumi.Output<string>;
    public readonly resourceGroupName!: pulumi.Output<string>;
    public readonly policyId!: pulumi.Output<string>;
    public readonly policyName!: pulumi.Output<string>;

    constructor(name: string, args: BackupVaultArgs, opts?: pulumi.ComponentResourceOptions) {
        super(BACKUP_VAULT, name, {}, opts);
    }
}

assertSame<Equal<typeof BACKUP_VAULT, typeof TS_BACKUP_VAULT>>();
assertSame<Equal<StorageRedundancy, TsStorageRedundancy>>();
assertSame<Equal<VaultNetworkAccess, TsVaultNetworkAccess>>();
assertSame<Equal<VaultImmutability, TsVaultImmutability>>();
assertSame<Same<BackupVaultArgs, TsBackupVaultArgs>>();
assertSame<Same<OutputsOf<BackupVault>, OutputsOf<TsBackupVault>>>();
