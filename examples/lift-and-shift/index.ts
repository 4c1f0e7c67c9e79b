/**
 * Lift and shift: a server moved to Azure as it is. Its OS and data VHDs become managed disks the stack owns and
 * protects, imported from a storage account or, with `server.upload`, uploaded straight into the disks in two phases;
 * the VM attaches its own OS disk instead of booting an image, so the server keeps its identity (computer name,
 * machine SID, accounts, software, drive letters) and keeps it when the VM is rebuilt: a replaced VM re-attaches the
 * same disks.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { LinuxVm, VmNetwork, WindowsVm, type Caching, type DiskSourceArgs, type UploadPhase, type VmArgs } from "azure-persistent-vm";

/** A VHD: its blob's URI for an import, or its file's size in bytes for an upload. */
interface VhdConfig {
    readonly uri?: string;
    readonly sizeBytes?: number;
}

/** The `server` config key: the machine and where its VHDs are. */
interface ServerConfig {
    readonly name: string;
    readonly os: "windows" | "linux";
    readonly size: string;
    readonly zone?: string;
    readonly hyperVGeneration?: "V1" | "V2";
    readonly securityType?: "TrustedLaunch" | "Standard";
    /** For an import: the storage account that holds the VHD blobs. */
    readonly storageAccountId?: string;
    readonly osVhdUri?: string;
    /** For an upload instead: the phase, and the OS VHD file's size in bytes. */
    readonly upload?: { readonly phase: UploadPhase; readonly osSizeBytes: number };
    readonly dataVhds?: readonly (VhdConfig & { readonly name: string; readonly lun: number; readonly caching?: Caching })[];
}

const config = new pulumi.Config();
const location = new pulumi.Config("azure-native").require("location");
const server = config.requireObject<ServerConfig>("server");
if (server.os !== "windows" && server.os !== "linux") {
    throw new Error(`apvm-lift-and-shift: config "server.os" is ${JSON.stringify(server.os)}; set it to "windows" or "linux", the OS on the VHD`);
}

/** Where a disk's data comes from: the upload when `server.upload` is set, otherwise an import of the VHD blob. */
function vhd(disk: VhdConfig, keys: { readonly uri: string; readonly size: string }): DiskSourceArgs {
    if (server.upload !== undefined) {
        if (disk.sizeBytes === undefined) {
            throw new Error(`apvm-lift-and-shift: config "${keys.size}" is missing; with server.upload, give each VHD file's size in bytes (wc -c <file>.vhd)`);
        }
        return { upload: { sizeBytes: disk.sizeBytes, phase: server.upload.phase } };
    }
    if (disk.uri === undefined || server.storageAccountId === undefined) {
        throw new Error(`apvm-lift-and-shift: config "${keys.uri}" needs a VHD URI and server.storageAccountId to import it (or set server.upload to upload the VHDs instead)`);
    }
    return { importVhd: { uri: disk.uri, storageAccountId: server.storageAccountId } };
}
// Read before anything is declared, so that a missing VHD key fails the run with nothing registered.
const osSource = vhd({ uri: server.osVhdUri, sizeBytes: server.upload?.osSizeBytes }, { uri: "server.osVhdUri", size: "server.upload.osSizeBytes" });
const dataSources = (server.dataVhds ?? []).map((disk, i) => vhd(disk, { uri: `server.dataVhds[${i}].uri`, size: `server.dataVhds[${i}].sizeBytes` }));

// Deleting the resource group would delete the disks with it.
const rg = new resources.ResourceGroup("rg", { resourceGroupName: config.require("resourceGroupName"), location }, { protect: true });

const net = new VmNetwork("net", {
    resourceGroupName: rg.name,
    location,
    addressSpace: config.require("addressSpace"),
    subnetPrefix: config.require("subnetPrefix"),
    managementSourcePrefixes: config.getObject<string[]>("managementSourcePrefixes"),
});

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
    osDisk: { source: osSource, hyperVGeneration: server.hyperVGeneration },
    dataDisks: (server.dataVhds ?? []).map((disk, i) => ({ name: disk.name, lun: disk.lun, caching: disk.caching, source: dataSources[i] })),
};
const vm = server.os === "windows" ? new WindowsVm(server.name, args) : new LinuxVm(server.name, args);

export const vmName = vm.vmName;
export const privateIpAddress = vm.privateIpAddress;
export const dataDiskIds = vm.dataDiskIds;
