/**
 * What each component gets from the stack's config: the arguments of each VM entry, of the backup vault and of the
 * network's management protocols. The stack program and its preflight build them the same way from here; the program
 * passes the secret keys, so that their secret-capable values (stack/secret-config.ts) reach the components as secrets,
 * while the preflight checks the plain values.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { BackupVaultArgs, ManagementProtocol } from "../components";
import { DEFAULT_VAULT_NAME, type BackupConfig, type StackConfig, type VmConfig } from "./config";
import { secretIf, secretValues } from "./secret-config";

/** What every component gets from the stack as a whole: its resource group and its tags. */
export type StackWide = Pick<StackConfig, "resourceGroupName" | "tags">;

/** No key is secret: what the preflight passes, which checks the plain values. */
const NO_SECRET_KEYS: ReadonlySet<string> = new Set();

/** The stack's tags, for every resource (none when unset): their values as secrets when the `tags` key is secret. */
export function stackTags(config: Pick<StackConfig, "tags">, secretKeys: ReadonlySet<string> = NO_SECRET_KEYS): Record<string, pulumi.Input<string>> | undefined {
    return config.tags === undefined ? undefined : secretValues(config.tags, secretKeys.has("tags"));
}

/** The arguments of the stack's BackupVault, from its backup key (which has no policyId). */
export function backupVaultArgs(backup: BackupConfig, config: StackWide, location: string, secretKeys: ReadonlySet<string> = NO_SECRET_KEYS): BackupVaultArgs {
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
        tags: stackTags(config, secretKeys),
    };
}

type DiskWithSource = NonNullable<VmConfig["osDisk"]> | NonNullable<VmConfig["dataDisks"]>[number];

/** A disk's config with its VHD's URI (which may carry a SAS token) as a secret when `vms` is secret. */
function withSecretUri<D extends DiskWithSource>(disk: D, secret: boolean) {
    const vhd = disk.source?.importVhd;
    return vhd === undefined ? disk : { ...disk, source: { ...disk.source, importVhd: { ...vhd, uri: secretIf(secret, vhd.uri) } } };
}

/** The arguments a config entry gives its component (the network's ids and the backup policy are added later). */
export function vmArgs(entry: VmConfig, config: StackWide, location: string, secretKeys: ReadonlySet<string> = NO_SECRET_KEYS) {
    // `backup` is a switch here; the VM gets the policy it switches on in index.ts.
    const { name, os, sshPublicKeys, customData, tags, backup, osDisk, dataDisks, ...common } = entry;
    const secret = secretKeys.has("vms");
    return {
        backup: backup === true,
        common: {
            ...common,
            ...(osDisk !== undefined ? { osDisk: withSecretUri(osDisk, secret) } : {}),
            ...(dataDisks !== undefined ? { dataDisks: dataDisks.map((disk) => withSecretUri(disk, secret)) } : {}),
            resourceGroupName: config.resourceGroupName,
            location,
            tags: { ...stackTags(config, secretKeys), ...secretValues(tags, secret) },
        },
        name,
        os,
        // Public keys: plain, like every structural value (stack/secret-config.ts says why).
        sshPublicKeys,
        customData: secretIf(secret, customData),
    };
}

/** The management protocols the stack's VMs need: SSH for Linux, RDP for Windows. */
export function managementProtocols(config: { readonly vms: readonly Pick<VmConfig, "os">[] }): ManagementProtocol[] {
    return [...new Set(config.vms.map((vm): ManagementProtocol => (vm.os === "linux" ? "ssh" : "rdp")))];
}
