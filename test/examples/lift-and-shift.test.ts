/**
 * examples/lift-and-shift, its own Pulumi project on top of the library as a package, run as `pulumi preview` would
 * run it: the OS and data disks are imported from the configured VHD URIs, and the VM attaches its own OS disk, so a
 * rebuilt VM comes back as the same machine.
 * Not proved here: that Azure imports the blobs (they must be fixed-size page-blob VHDs) or that the OS boots.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ProgramRun } from "../../tools/recorder/program";
import { programErrors, registered } from "../support/examples";
import { EXAMPLES_DIR, runExample } from "../support/programs";

const DISK = "azure-native:compute:Disk";
const VM = "azure-native:compute:VirtualMachine";

interface ServerConfig {
    name: string;
    storageAccountId: string;
    osVhdUri: string;
    dataVhds: { name: string; lun: number; uri: string }[];
}
const devConfig = (parse(fs.readFileSync(path.join(EXAMPLES_DIR, "lift-and-shift", "Pulumi.dev.yaml"), "utf8")) as { config: Record<string, unknown> }).config;
const server = devConfig["apvm-lift-and-shift:server"] as ServerConfig;

describe("GIVEN the lift-and-shift example's dev stack (a Windows server from three VHDs)", () => {
    let run: ProgramRun;
    beforeAll(async () => {
        run = await runExample("lift-and-shift");
        expect(run.exitCode, programErrors(run)).toBe(0);
    });

    it("THEN the OS disk is imported from the OS VHD's URI, as a protected Windows Gen2 disk", () => {
        const disk = registered(run, DISK, "erp01-os-disk");
        expect(disk.inputs["creationData"]).toStrictEqual({ createOption: "Import", sourceUri: server.osVhdUri, storageAccountId: server.storageAccountId });
        expect([disk.inputs["osType"], disk.inputs["hyperVGeneration"], disk.options.protect]).toStrictEqual(["Windows", "V2", true]);
    });

    it("THEN each data disk is imported from its VHD's URI", () => {
        for (const vhd of server.dataVhds) {
            expect(registered(run, DISK, `erp01-disk-${vhd.name}`).inputs["creationData"])
                .toStrictEqual({ createOption: "Import", sourceUri: vhd.uri, storageAccountId: server.storageAccountId });
        }
    });

    it("THEN the VM attaches its OS disk and its data disks at their LUNs, with no image and no OS profile", () => {
        const vm = registered(run, VM, "erp01-vm");
        const storage = vm.inputs["storageProfile"] as {
            imageReference?: unknown;
            osDisk: { createOption: string; osType: string; deleteOption: string; managedDisk: { id: string } };
            dataDisks: { lun: number; createOption: string; managedDisk: { id: string } }[];
        };
        const diskName = (id: string) => id.split("/").pop();
        expect(storage.imageReference).toBeUndefined();
        expect(vm.inputs["osProfile"]).toBeUndefined();
        expect({ ...storage.osDisk, managedDisk: diskName(storage.osDisk.managedDisk.id) })
            .toStrictEqual({ createOption: "Attach", osType: "Windows", deleteOption: "Detach", caching: "ReadWrite", managedDisk: "erp01-os-disk" });
        expect(storage.dataDisks.map((d) => ({ lun: d.lun, createOption: d.createOption, disk: diskName(d.managedDisk.id) })))
            .toStrictEqual(server.dataVhds.map((vhd) => ({ lun: vhd.lun, createOption: "Attach", disk: `erp01-disk-${vhd.name}` })));
    });

    it("THEN the machine keeps its identity when the VM is rebuilt: the disks are resources of their own, not of the VM", () => {
        // The VM is replaced delete-first and its disks are detached, not deleted; they depend on nothing the VM
        // outputs, so a new VM attaches the very same disks.
        expect(registered(run, VM, "erp01-vm").options.deleteBeforeReplace).toBe(true);
        // Built from its own disk, the VM sends no OS disk SKU, so none is ignored; its trigger is its security type.
        expect([registered(run, VM, "erp01-vm").options.ignoreChanges, registered(run, VM, "erp01-vm").options.replacementTrigger])
            .toStrictEqual([["osProfile.adminPassword", "osProfile.linuxConfiguration.ssh.publicKeys"], "TrustedLaunch"]);
        for (const name of ["erp01-os-disk", ...server.dataVhds.map((vhd) => `erp01-disk-${vhd.name}`)]) {
            const disk = registered(run, DISK, name);
            expect(Object.values(disk.propertyDependencies).flat().filter((urn) => urn.includes("VirtualMachine"))).toStrictEqual([]);
        }
        expect(registered(run, "azure-native:network:NetworkInterface", "erp01-nic").inputs["ipConfigurations"])
            .toStrictEqual([expect.objectContaining({ privateIPAllocationMethod: "Static", privateIPAddress: devConfig["apvm-lift-and-shift:privateIpAddress"] })]);
    });

    it("THEN no credential is generated or rotated: the disk brings its own accounts", () => {
        expect(run.registrations.map((r) => r.type)).not.toContain("random:index/randomPassword:RandomPassword");
        expect(run.registrations.map((r) => r.type)).not.toContain("azure-native:compute:VirtualMachineExtension");
    });
});

describe("WHEN the server's VHDs are uploaded straight into the disks (server.upload) instead of imported", () => {
    const GIB = 1_073_741_824;
    const withUpload = (phase: "upload" | "attach") => ({
        "apvm-lift-and-shift:server": {
            ...server,
            upload: { phase, osSizeBytes: 127 * GIB + 512 },
            dataVhds: server.dataVhds.map((vhd, i) => ({ ...vhd, sizeBytes: (i + 1) * 64 * GIB + 512 })),
        },
    });

    it("THEN in phase upload the three disks are created for the upload, open to it, and no VM exists yet", async () => {
        const run = await runExample("lift-and-shift", { configOverrides: withUpload("upload") });
        expect(run.exitCode, programErrors(run)).toBe(0);
        expect([registered(run, DISK, "erp01-os-disk"), registered(run, DISK, "erp01-disk-logs")].map((d) => [d.inputs["creationData"], d.inputs["networkAccessPolicy"]])).toStrictEqual([
            [{ createOption: "Upload", uploadSizeBytes: 127 * GIB + 512 }, "AllowAll"],
            [{ createOption: "Upload", uploadSizeBytes: 128 * GIB + 512 }, "AllowAll"],
        ]);
        expect(run.registrations.filter((r) => r.type === VM)).toStrictEqual([]);
    });

    it("THEN in phase attach the disks keep their creation data, close to the network, and the VM attaches them", async () => {
        const run = await runExample("lift-and-shift", { configOverrides: withUpload("attach") });
        expect(run.exitCode, programErrors(run)).toBe(0);
        expect([registered(run, DISK, "erp01-os-disk")].map((d) => [d.inputs["creationData"], d.inputs["networkAccessPolicy"]])).toStrictEqual([
            [{ createOption: "Upload", uploadSizeBytes: 127 * GIB + 512 }, "DenyAll"],
        ]);
        const storage = registered(run, VM, "erp01-vm").inputs["storageProfile"] as { dataDisks: { lun: number }[] };
        expect(storage.dataDisks.map((d) => d.lun)).toStrictEqual(server.dataVhds.map((vhd) => vhd.lun));
    });

    it("THEN a data VHD without its file size is refused before anything registers, naming the key", async () => {
        const run = await runExample("lift-and-shift", { configOverrides: { "apvm-lift-and-shift:server": { ...server, upload: { phase: "upload", osSizeBytes: 127 * GIB + 512 } } } });
        expect(run.exitCode).not.toBe(0);
        expect(programErrors(run)).toContain(`config "server.dataVhds[0].sizeBytes" is missing; with server.upload, give each VHD file's size in bytes (wc -c <file>.vhd)`);
        expect(run.registrations.filter((r) => r.custom)).toStrictEqual([]);
    });
});

describe("WHEN the server's OS is neither windows nor linux", () => {
    it("THEN the example fails before it registers a resource, naming the key, the value and the fix", async () => {
        const run = await runExample("lift-and-shift", { configOverrides: { "apvm-lift-and-shift:server": { ...server, os: "ubuntu" } } });
        expect(run.exitCode).not.toBe(0);
        expect(programErrors(run)).toContain(`config "server.os" is "ubuntu"; set it to "windows" or "linux"`);
        expect(run.registrations.filter((r) => r.custom)).toStrictEqual([]);
    });
});
