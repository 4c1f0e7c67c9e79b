/**
 * What a VM component declares besides the machine and its disks, under the SDK's runtime mocks: the access extension,
 * one Run Command per data disk to format and mount, the backup item, and the opt-ins (public IP, encryption at host,
 * customer-managed keys, Entra ID login, Azure Monitor agent); their inputs, their order and their options, among
 * them the tie (`replaceWith`) that makes the engine re-create each guest step with a replaced VM.
 * Not proved here: what the scripts do inside a machine (test/disk/format-scripts.test.ts runs the Linux one against
 * stubs), that Azure runs the commands in this order, that the engine honours `replaceWith` (it does not run offline),
 * or that Azure Backup accepts the item.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidArgumentsError, LinuxVm, WindowsVm } from "../../components";
import { linuxFormatScript, windowsFormatScript } from "../../components/internal";
import { allRegistered, installRecorder, type Recorder, type Registration } from "../../tools/recorder/recorder";
import { childrenOf, settled } from "../support/components";
import { ED25519_KEY, SUBNET_ID } from "../support/fixtures";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D4s_v5" };
const POLICY = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-persistent-vm/backupPolicies/daily-enhanced";
const KEPT_OS_DISK = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/db01_OsDisk_1_kept";
const RUN_COMMAND = "azure-native:compute:VirtualMachineRunCommandByVirtualMachine";
const DES = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-keys/providers/Microsoft.Compute/diskEncryptionSets/des-vms";
const DCR = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-monitor/providers/Microsoft.Insights/dataCollectionRules/dcr-vms";

function runCommand(name: string): Registration {
    return recorder.get(RUN_COMMAND, name);
}

describe("GIVEN a Linux VM with two disks to format, listed out of LUN order, and one raw disk", () => {
    beforeAll(async () => {
        await settled(new LinuxVm("db01", {
            ...base,
            sshPublicKeys: [ED25519_KEY],
            dataDisks: [
                { name: "logs", lun: 1, sizeGb: 64, format: true, fileSystem: "xfs" },
                { name: "data", lun: 0, sizeGb: 128, format: true },
                { name: "raw", lun: 2, sizeGb: 64 },
            ],
        }));
    });

    it("THEN one Run Command per disk to format is declared, none for the raw disk", () => {
        const component = recorder.get("azure-persistent-vm:index:LinuxVm", "db01");
        expect(childrenOf(recorder, component.urn).filter((c) => c.startsWith(`${RUN_COMMAND}::`))).toEqual([
            `${RUN_COMMAND}::db01-format-data`,
            `${RUN_COMMAND}::db01-format-logs`,
        ]);
    });

    it("THEN each runs its disk's script, by LUN and file system, and a failing script fails the deployment", () => {
        expect(runCommand("db01-format-logs").inputs).toEqual({
            resourceGroupName: "rg",
            location: "westeurope",
            vmName: "db01",
            runCommandName: "format-logs",
            source: { script: linuxFormatScript({ key: "logs", lun: 1, fileSystem: "xfs" }) },
            asyncExecution: false,
            treatFailureAsDeploymentFailure: true,
            timeoutInSeconds: 900,
        });
        expect((runCommand("db01-format-data").inputs["source"] as { script: string }).script)
            .toBe(linuxFormatScript({ key: "data", lun: 0, fileSystem: "ext4" }));
    });

    it("THEN the access extension and each format command are tied to the VM, so a replaced VM gets them again", () => {
        const vm = recorder.get("azure-native:compute:VirtualMachine", "db01-vm");
        const tied = [recorder.get("azure-native:compute:VirtualMachineExtension", "db01-access"), runCommand("db01-format-data"), runCommand("db01-format-logs")];
        expect(tied.map((r) => [r.name, r.options.replaceWith])).toEqual([
            ["db01-access", [vm.urn]], ["db01-format-data", [vm.urn]], ["db01-format-logs", [vm.urn]],
        ]);
        expect([vm.options.replaceWith, recorder.get("azure-native:compute:Disk", "db01-disk-data").options.replaceWith]).toEqual([[], []]);
    });

    it("THEN they run one after the other, after the access extension, in LUN order", () => {
        const access = recorder.get("azure-native:compute:VirtualMachineExtension", "db01-access");
        const data = runCommand("db01-format-data");
        expect(access.options.dependencies).toContain(recorder.get("azure-native:compute:VirtualMachine", "db01-vm").urn);
        expect(data.options.dependencies).toContain(access.urn);
        expect(runCommand("db01-format-logs").options.dependencies).toContain(data.urn);
    });
});

describe("GIVEN a Windows VM with a disk to format and no file system named", () => {
    it("THEN it gets NTFS, through the PowerShell script", async () => {
        await settled(new WindowsVm("sql01", { ...base, adminPassword: "Given-Passw0rd-For-Test", dataDisks: [{ name: "sql-data", lun: 3, sizeGb: 256, format: true }] }));
        expect((runCommand("sql01-format-sql-data").inputs["source"] as { script: string }).script)
            .toBe(windowsFormatScript({ key: "sql-data", lun: 3, fileSystem: "NTFS" }));
    });
});

describe("GIVEN a VM rebuilt from its kept OS disk, whose data disk was formatted before", () => {
    it("THEN it has no access extension (the disk brings its own credentials) and its data disk is mounted again after the VM", async () => {
        await settled(new LinuxVm("rebuilt", {
            ...base,
            osDisk: { source: { existingId: KEPT_OS_DISK } },
            dataDisks: [{ name: "data", lun: 0, sizeGb: 128, format: true }],
        }));
        const component = recorder.get("azure-persistent-vm:index:LinuxVm", "rebuilt");
        expect(childrenOf(recorder, component.urn).some((c) => c.includes("VirtualMachineExtension"))).toBe(false);
        expect(runCommand("rebuilt-format-data").options.dependencies).toContain(recorder.get("azure-native:compute:VirtualMachine", "rebuilt-vm").urn);
        expect(runCommand("rebuilt-format-data").options.replaceWith).toEqual([recorder.get("azure-native:compute:VirtualMachine", "rebuilt-vm").urn]);
    });
});

describe("GIVEN a VM with backup", () => {
    it("THEN a protected item in the policy's vault backs it up, named after the VM, and is retained when it leaves the stack", async () => {
        await settled(new LinuxVm("web07", { ...base, sshPublicKeys: [ED25519_KEY], backup: { policyId: POLICY } }));
        const item = recorder.get("azure-native:recoveryservices:ProtectedItem", "web07-backup");
        expect(item.inputs).toEqual({
            resourceGroupName: "rg-backup",
            vaultName: "rsv-persistent-vm",
            fabricName: "Azure",
            containerName: "iaasvmcontainer;iaasvmcontainerv2;rg;web07",
            protectedItemName: "vm;iaasvmcontainerv2;rg;web07",
            properties: {
                protectedItemType: "Microsoft.Compute/virtualMachines",
                policyId: POLICY,
                sourceResourceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web07",
            },
        });
        expect([item.options.retainOnDelete, item.options.protect]).toEqual([true, false]);
        expect(item.parent).toBe(recorder.get("azure-persistent-vm:index:LinuxVm", "web07").urn);
        // Not tied to the VM: its id is made of the VM's planned name, so it carries on with a replaced VM.
        expect(item.options.replaceWith).toEqual([]);
    });
});

describe("GIVEN the opt-ins: a public IP, encryption at host, customer-managed keys, Entra ID login and the Azure Monitor agent", () => {
    beforeAll(async () => {
        await settled(new LinuxVm("ops01", {
            ...base,
            zone: "2",
            sshPublicKeys: [ED25519_KEY],
            publicIp: true,
            encryptionAtHost: true,
            diskEncryptionSetId: DES,
            entraIdLogin: true,
            azureMonitor: { dataCollectionRuleId: DCR },
            dataDisks: [{ name: "data", lun: 0, sizeGb: 64, format: true }],
        }));
        await settled(new WindowsVm("ops02", { ...base, adminPassword: "Given-Passw0rd-For-Test", securityType: "Standard", encryptionAtHost: true, entraIdLogin: true, azureMonitor: {} }));
    });

    it("THEN the public IP is Standard, static and in the VM's zone, and the NIC carries it", () => {
        const ip = recorder.get("azure-native:network:PublicIPAddress", "ops01-pip");
        expect(ip.inputs).toEqual({
            resourceGroupName: "rg", location: "westeurope", publicIpAddressName: "ops01-pip",
            sku: { name: "Standard", tier: "Regional" }, publicIPAllocationMethod: "Static", publicIPAddressVersion: "IPv4", zones: ["2"],
        });
        const nic = recorder.get("azure-native:network:NetworkInterface", "ops01-nic");
        expect((nic.inputs["ipConfigurations"] as { publicIPAddress?: unknown }[])[0]?.publicIPAddress).toEqual({ id: ip.id });
        expect(recorder.registrations.some((r) => r.name === "ops02-pip")).toBe(false);
    });

    it("THEN encryption at host joins Trusted Launch, or stands alone for a Standard VM", () => {
        expect(recorder.get("azure-native:compute:VirtualMachine", "ops01-vm").inputs["securityProfile"]).toEqual({
            securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true }, encryptionAtHost: true,
        });
        expect(recorder.get("azure-native:compute:VirtualMachine", "ops02-vm").inputs["securityProfile"]).toEqual({ encryptionAtHost: true });
    });

    it("THEN the disk encryption set encrypts the OS disk and every data disk with customer-managed keys", () => {
        const storage = recorder.get("azure-native:compute:VirtualMachine", "ops01-vm").inputs["storageProfile"] as { osDisk: { managedDisk: unknown } };
        expect(storage.osDisk.managedDisk).toEqual({ storageAccountType: "Premium_LRS", diskEncryptionSet: { id: DES } });
        expect(recorder.get("azure-native:compute:Disk", "ops01-disk-data").inputs["encryption"]).toEqual({ type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: DES });
    });

    it("THEN the Entra ID login and Azure Monitor agents run after the access extension and before the disk's formatting", () => {
        const step = (type: string, name: string) => recorder.get(type, name);
        const extension = "azure-native:compute:VirtualMachineExtension";
        const [access, entra, agent, format] = [
            step(extension, "ops01-access"), step(extension, "ops01-entra-login"), step(extension, "ops01-monitor-agent"), step(RUN_COMMAND, "ops01-format-data"),
        ];
        expect([entra, agent].map((e) => [e?.inputs["publisher"], e?.inputs["type"], e?.inputs["typeHandlerVersion"], e?.inputs["enableAutomaticUpgrade"]])).toEqual([
            ["Microsoft.Azure.ActiveDirectory", "AADSSHLoginForLinux", "1.0", undefined],
            ["Microsoft.Azure.Monitor", "AzureMonitorLinuxAgent", "1.0", true],
        ]);
        expect(entra?.options.dependencies).toContain(access?.urn);
        expect(agent?.options.dependencies).toContain(entra?.urn);
        expect(format?.options.dependencies).toContain(agent?.urn);
        expect([step(extension, "ops02-entra-login").inputs["type"], step(extension, "ops02-monitor-agent").inputs["type"]]).toEqual(["AADLoginForWindows", "AzureMonitorWindowsAgent"]);
    });

    it("THEN the agents, the format command and the data collection rule's association are tied to the VM", () => {
        const vm = recorder.get("azure-native:compute:VirtualMachine", "ops01-vm").urn;
        const extension = "azure-native:compute:VirtualMachineExtension";
        expect([
            recorder.get(extension, "ops01-access"), recorder.get(extension, "ops01-entra-login"), recorder.get(extension, "ops01-monitor-agent"),
            runCommand("ops01-format-data"), recorder.get("azure-native:monitor:DataCollectionRuleAssociation", "ops01-dcr"),
        ].map((r) => [r.name, r.options.replaceWith])).toEqual([
            ["ops01-access", [vm]], ["ops01-entra-login", [vm]], ["ops01-monitor-agent", [vm]], ["ops01-format-data", [vm]], ["ops01-dcr", [vm]],
        ]);
        // Not tied: the public IP and the NIC are kept through a replacement and re-attached to the new VM.
        expect([recorder.get("azure-native:network:PublicIPAddress", "ops01-pip").options.replaceWith, recorder.get("azure-native:network:NetworkInterface", "ops01-nic").options.replaceWith]).toEqual([[], []]);
    });

    it("THEN a data collection rule is associated with the VM only when one is given", () => {
        expect(recorder.get("azure-native:monitor:DataCollectionRuleAssociation", "ops01-dcr").inputs).toEqual({
            resourceUri: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/ops01",
            associationName: "ops01-dcr",
            dataCollectionRuleId: DCR,
        });
        expect(recorder.registrations.some((r) => r.name === "ops02-dcr")).toBe(false);
    });
});

describe("GIVEN a VM with a static private IP (a domain controller)", () => {
    it("THEN its NIC asks for exactly that address, statically", async () => {
        await settled(new WindowsVm("dc01", { ...base, adminPassword: "Given-Passw0rd-For-Test", privateIpAddress: "10.42.1.4" }));
        const config = (recorder.get("azure-native:network:NetworkInterface", "dc01-nic").inputs["ipConfigurations"] as Record<string, unknown>[])[0];
        expect([config?.["privateIPAllocationMethod"], config?.["privateIPAddress"]]).toEqual(["Static", "10.42.1.4"]);
        const dynamic = (recorder.get("azure-native:network:NetworkInterface", "db01-nic").inputs["ipConfigurations"] as Record<string, unknown>[])[0];
        expect([dynamic?.["privateIPAllocationMethod"], dynamic?.["privateIPAddress"]]).toEqual(["Dynamic", undefined]);
    });
});

describe("GIVEN a VM whose formatting or backup Azure could not carry out", () => {
    it("THEN the constructor throws every problem and registers nothing, not even later", async () => {
        const before = recorder.registrations.length;
        const build = () => new WindowsVm("bad02", {
            ...base,
            dataDisks: [{ name: "data", lun: 0, sizeGb: 64, format: true, fileSystem: "ext4" }, { name: "logs", lun: 1, sizeGb: 64, fileSystem: "NTFS" }],
            backup: { policyId: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv" },
            diskEncryptionSetId: "des-vms",
            privateIpAddress: "10.42.1",
        });
        expect(build).toThrow(InvalidArgumentsError);
        expect(build).toThrow([
            `WindowsVm "bad02": dataDisks[0].fileSystem "ext4" is not a Windows file system here; use "NTFS" or "ReFS".`,
            `WindowsVm "bad02": dataDisks[1].fileSystem is set but format is not; set format: true, or remove fileSystem.`,
            `WindowsVm "bad02": backup.policyId "/subscriptions/0/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv" is not a backup policy id; expected /subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.RecoveryServices/vaults/<vault>/backupPolicies/<policy> (use a BackupVault's policyId).`,
            `WindowsVm "bad02": privateIpAddress "10.42.1" is not an IPv4 address, like "10.42.1.4".`,
            `WindowsVm "bad02": diskEncryptionSetId "des-vms" is not a disk encryption set id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/diskEncryptionSets/<name>).`,
        ].join("\n"));
        await allRegistered();
        expect(recorder.registrations.length).toBe(before);
    });
});
