/**
 * Lift and shift: a server moved to Azure as it is. Its uploaded OS and data VHDs are imported into managed disks
 * the stack owns and protects, and the VM attaches its own OS disk instead of booting an image, so the server keeps
 * its identity (computer name, machine SID, accounts, software, drive letters) and keeps it when the VM is rebuilt:
 * a replaced VM re-attaches the same disks.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { LinuxVm, VmNetwork, WindowsVm, type Caching, type VmArgs } from "azure-persistent-vm";

/** The `server` config key: the machine and where its VHDs are. */
interface ServerConfig {
    readonly name: string;
    readonly os: "windows" | "linux";
    readonly size: string;
    readonly zone?: string;
    readonly hyperVGeneration?: "V1" | "V2";
    readonly securityType?: "TrustedLaunch" | "Standard";
    readonly storageAccountId: string;
    readonly osVhdUri: string;
    readonly dataVhds?: readonly { readonly name: string; readonly lun: number; readonly uri: string; readonly caching?: Caching }[];
}

const config = new pulumi.Config();
const location = new pulumi.Config("azure-native").require("location");
const server = config.requireObject<ServerConfig>("server");
if (server.os !== "windows" && server.os !== "linux") {
    throw new Error(`apvm-lift-and-shift: config "server.os" is ${JSON.stringify(server.os)}; set it to "windows" or "linux", the OS on the VHD`);
}

// Deleting the resource group would delete the imported disks with it.
const rg = new resources.ResourceGroup("rg", { resourceGroupName: config.require("resourceGroupName"), location }, { protect: true });

const net = new VmNetwork("net", {
    resourceGroupName: rg.name,
    location,
    addressSpace: config.require("addressSpace"),
    subnetPrefix: config.require("subnetPrefix"),
    managementSourcePrefixes: config.getObject<string[]>("managementSourcePrefixes"),
});

const vhd = (uri: string) => ({ importVhd: { uri, storageAccountId: server.storageAccountId } });
const args: VmArgs = {
    resourceGroupName: rg.name,
    location,
    subnetId: net.subnetId,
    networkSecurityGroupId: net.networkSecurityGroupId,
    // The management rules reach a VM through its OS's group: SSH the Linux VMs, RDP the Windows VMs.
    applicationSecurityGroupIds: [net.applicationSecurityGroupIds[server.os]],
    size: server.size,
    zone: server.zone,
    securityType: server.securityType,
    privateIpAddress: config.get("privateIpAddress"),
    // No image and no OS profile: the OS disk brings the operating system, its computer name and its accounts.
    osDisk: { source: vhd(server.osVhdUri), hyperVGeneration: server.hyperVGeneration },
    dataDisks: (server.dataVhds ?? []).map((disk) => ({ name: disk.name, lun: disk.lun, caching: disk.caching, source: vhd(disk.uri) })),
};
const vm = server.os === "windows" ? new WindowsVm(server.name, args) : new LinuxVm(server.name, args);

export const vmName = vm.vmName;
export const privateIpAddress = vm.privateIpAddress;
export const dataDiskIds = vm.dataDiskIds;
