/**
 * The stack program: reads and validates the stack's config, builds the resource group, the network and one VM per
 * entry, and exports each VM's outputs. Nothing else lives here.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { BackupVault, LinuxVm, VmNetwork, WindowsVm } from "./components";
import { StackConfigError, type VmConfig } from "./stack/config";
import { checkStack } from "./stack/preflight";
import { STRUCTURED_KEYS, namespaceKeys, readStructuredConfig } from "./stack/read-config";
import { plainSecretKeyWarnings, secretConfigKeys } from "./stack/secret-config";
import { backupVaultArgs, managementProtocols, stackTags, vmArgs } from "./stack/stack-args";

const config = new pulumi.Config();
// Structured keys are read without the SDK's getObject, whose error quotes a malformed value (maybe a password).
const structured = readStructuredConfig(config);
// The CLI marks secrecy per top-level key (PULUMI_CONFIG_SECRET_KEYS): a secret key's secret-capable values reach the
// components as secrets, and no message shows a value of it (stack/secret-config.ts).
const secretKeys = secretConfigKeys(config, ["resourceGroupName", ...STRUCTURED_KEYS]);
const secret = { keys: secretKeys, values: { ...structured.values, resourceGroupName: config.get("resourceGroupName") } };
plainSecretKeyWarnings(config.name, secretKeys).forEach((warning) => void pulumi.log.warn(warning));
// Only the keys of adminPasswords decide anything (which Windows VMs get a generated password); the values go to
// the VMs as secrets.
const adminPasswords = (structured.values.adminPasswords ?? {}) as Record<string, string>;
const location = new pulumi.Config("azure-native").require("location");
// Every problem in one round, before anything is declared: unreadable and unknown keys, the schema, and every rule
// of every component over the whole config; with the warnings of the same run, which the components would log.
const checked = checkStack({
    raw: {
        resourceGroupName: config.get("resourceGroupName"),
        createResourceGroup: structured.values.createResourceGroup,
        network: structured.values.network,
        vms: structured.values.vms,
        backup: structured.values.backup,
        tags: structured.values.tags,
        adminPasswordVms: Object.keys(adminPasswords),
    },
    keys: namespaceKeys(config),
    unreadable: { keys: structured.unreadable, problems: structured.problems },
    location,
    adminPasswords,
    secret,
});
if (!checked.ok) {
    throw new StackConfigError(checked.problems, secret, checked.warnings);
}
const settings = checked.config;

// The stack's resource group is protected: deleting it would delete every disk in it.
const resourceGroupName = settings.createResourceGroup
    ? new resources.ResourceGroup("resource-group", {
        resourceGroupName: settings.resourceGroupName,
        location,
        tags: stackTags(settings, secretKeys),
    }, { protect: true }).name
    : pulumi.output(settings.resourceGroupName);

const net = new VmNetwork("network", {
    ...settings.network,
    resourceGroupName,
    location,
    managementProtocols: managementProtocols(settings),
    tags: stackTags(settings, secretKeys),
});

// The backup policy VMs opt in to: an existing one, or that of a vault the stack creates.
const backupPolicyId = settings.backup === undefined ? undefined
    : settings.backup.policyId ?? new BackupVault("backup", { ...backupVaultArgs(settings.backup, settings, location, secretKeys), resourceGroupName }).policyId;

/** Declares one VM from its config entry; returns the VM and the credential it generated, if any. */
function declareVm(entry: VmConfig) {
    const { common, name, os, sshPublicKeys, customData } = vmArgs(entry, settings, location, secretKeys);
    const backup = entry.backup === true && backupPolicyId !== undefined ? { policyId: backupPolicyId } : undefined;
    const args = {
        ...common, backup, resourceGroupName, subnetId: net.subnetId, networkSecurityGroupId: net.networkSecurityGroupId,
        // SSH reaches the Linux VMs and RDP the Windows VMs, through their OS's application security group.
        applicationSecurityGroupIds: [net.applicationSecurityGroupIds[os]],
    };
    if (os === "linux") {
        const vm = new LinuxVm(name, { ...args, sshPublicKeys, customData });
        return { vm, credential: vm.generatedPrivateKey };
    }
    const password = adminPasswords[name];
    const vm = new WindowsVm(name, { ...args, adminPassword: password !== undefined ? pulumi.secret(password) : undefined });
    return { vm, credential: vm.generatedAdminPassword };
}

const declared = settings.vms.map((entry) => ({ name: entry.name, ...declareVm(entry) }));

/** Per VM: ids, names and private IP. No secrets, so `pulumi stack output` shows them in the clear. */
export const virtualMachines = Object.fromEntries(declared.map(({ name, vm }) => [name, {
    vmId: vm.vmId,
    vmName: vm.vmName,
    privateIpAddress: vm.privateIpAddress,
    nicId: vm.nicId,
    osDiskName: vm.osDiskName,
    dataDiskIds: vm.dataDiskIds,
    principalId: vm.principalId,
}]));
/**
 * The credentials the stack generated, by VM name (a Windows password or a Linux private key), as secrets; kept
 * apart from virtualMachines because one secret makes a whole output secret.
 */
export const generatedCredentials = Object.fromEntries(
    declared.flatMap(({ name, credential }) => (credential !== undefined ? [[name, credential]] : [])),
);
export const subnetId = net.subnetId;
