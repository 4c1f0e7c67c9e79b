/**
 * The stack program: reads and validates the stack's config, builds the resource group, the network and one VM per
 * entry, and exports each VM's outputs. Nothing else lives here.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { LinuxVm, VmNetwork, WindowsVm } from "./components";
import { parseStackConfig, type VmConfig } from "./stack/config";

const config = new pulumi.Config();
// Only the keys of adminPasswords decide anything (which Windows VMs get a generated password); the values go to
// the VMs as secrets.
const adminPasswords = config.getObject<Record<string, string>>("adminPasswords") ?? {};
const settings = parseStackConfig({
    resourceGroupName: config.get("resourceGroupName"),
    createResourceGroup: config.getObject("createResourceGroup"),
    network: config.getObject("network"),
    vms: config.getObject("vms"),
    tags: config.getObject("tags"),
    adminPasswordVms: Object.keys(adminPasswords),
});
const location = new pulumi.Config("azure-native").require("location");

// The stack's resource group is protected: deleting it would delete every disk in it.
const resourceGroupName = settings.createResourceGroup
    ? new resources.ResourceGroup("resource-group", {
        resourceGroupName: settings.resourceGroupName,
        location,
        tags: settings.tags,
    }, { protect: true }).name
    : pulumi.output(settings.resourceGroupName);

const protocols = [...new Set(settings.vms.map((vm) => (vm.os === "linux" ? "ssh" : "rdp") as "ssh" | "rdp"))];
const net = new VmNetwork("network", {
    resourceGroupName,
    location,
    addressSpace: settings.network.addressSpace,
    subnetPrefix: settings.network.subnetPrefix,
    managementSourcePrefixes: settings.network.managementSourcePrefixes,
    managementProtocols: protocols,
    tags: settings.tags,
});

/** Declares one VM from its config entry; returns the VM and the credential it generated, if any. */
function declareVm({ name, os, sshPublicKeys, customData, tags, ...common }: VmConfig) {
    const args = {
        ...common,
        resourceGroupName,
        location,
        subnetId: net.subnetId,
        networkSecurityGroupId: net.networkSecurityGroupId,
        tags: { ...settings.tags, ...tags },
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
