/**
 * A durable Linux VM and a durable Windows VM on Azure: each VM's data disk is its own protected resource that
 * outlives the VM, on a network whose security group lets SSH reach the Linux VM and RDP the Windows VM from your
 * management range only. Check it offline with `npm test` and `npx azure-persistent-vm plan`.
 *
 * The Linux VM's SSH key and the Windows VM's administrator password are generated and exported as secrets; to use
 * your own key instead: pulumi config set sshPublicKey "$(cat ~/.ssh/id_ed25519.pub)"
 */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { LinuxVm, VmNetwork, WindowsVm } from "azure-persistent-vm";

const config = new pulumi.Config();
const location = new pulumi.Config("azure-native").require("location");
const sshPublicKey = config.get("sshPublicKey");

// Deleting the resource group would delete the disks in it, protected or not: protect the group too.
const rg = new resources.ResourceGroup("rg", { resourceGroupName: config.require("resourceGroupName"), location }, { protect: true });

const net = new VmNetwork("net", {
    resourceGroupName: rg.name,
    location,
    addressSpace: "10.0.0.0/16",
    subnetPrefix: "10.0.1.0/24",
    managementSourcePrefixes: [config.require("managementSourcePrefix")],
    managementProtocols: ["ssh", "rdp"],
});
const common = { resourceGroupName: rg.name, location, subnetId: net.subnetId, networkSecurityGroupId: net.networkSecurityGroupId };

const linux = new LinuxVm("linux01", {
    ...common,
    applicationSecurityGroupIds: [net.applicationSecurityGroupIds.linux],   // SSH reaches Linux VMs only
    size: config.require("linuxSize"),
    sshPublicKeys: sshPublicKey === undefined ? undefined : [sshPublicKey],
    dataDisks: [{ name: "data", lun: 0, sizeGb: 64, format: true }],         // mounted at /data/data
});

const windows = new WindowsVm("windows01", {
    ...common,
    applicationSecurityGroupIds: [net.applicationSecurityGroupIds.windows], // RDP reaches Windows VMs only
    size: config.require("windowsSize"),
    dataDisks: [{ name: "data", lun: 0, sizeGb: 128, format: true }],        // C:\data\data
});

export const linuxPrivateIp = linux.privateIpAddress;
export const linuxPrivateKey = linux.generatedPrivateKey;
export const windowsPrivateIp = windows.privateIpAddress;
export const windowsAdminPassword = windows.generatedAdminPassword;
