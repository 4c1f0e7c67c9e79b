/**
 * What each component gets from the stack's config: the plain arguments of each VM entry, of the backup vault and of
 * the network's management protocols. The stack program and its preflight build them the same way from here.
 */
import type { BackupVaultArgs, ManagementProtocol } from "../components";
import { DEFAULT_VAULT_NAME, type BackupConfig, type StackConfig, type VmConfig } from "./config";

/** The arguments of the stack's BackupVault, from its backup key (which has no policyId). */
export function backupVaultArgs(backup: BackupConfig, config: StackConfig, location: string): BackupVaultArgs {
    return {
        vaultName: backup.vaultName ?? DEFAULT_VAULT_NAME,
        policyName: backup.policyName,
        scheduleTime: backup.scheduleTime,
        retentionDays: backup.retentionDays,
        instantRestoreDays: backup.instantRestoreDays,
        storageRedundancy: backup.storageRedundancy,
        publicNetworkAccess: backup.publicNetworkAccess,
        immutability: backup.immutability,
        lock: backup.lock,
        resourceGroupName: config.resourceGroupName,
        location,
        tags: config.tags,
    };
}

/** The plain arguments a config entry gives its component (the network's ids and the backup policy are added later). */
export function vmArgs(entry: VmConfig, config: StackConfig, location: string) {
    // `backup` is a switch here; the VM gets the policy it switches on in index.ts.
    const { name, os, sshPublicKeys, customData, tags, backup, ...common } = entry;
    return {
        backup: backup === true,
        common: { ...common, resourceGroupName: config.resourceGroupName, location, tags: { ...config.tags, ...tags } },
        name,
        os,
        sshPublicKeys,
        customData,
    };
}

/** The management protocols the stack's VMs need: SSH for Linux, RDP for Windows. */
export function managementProtocols(config: StackConfig): ManagementProtocol[] {
    return [...new Set(config.vms.map((vm): ManagementProtocol => (vm.os === "linux" ? "ssh" : "rdp")))];
}
