/**
 * LinuxVm under the SDK's runtime mocks, with the recorder capturing every registration and its options.
 * Not proved here: that Azure accepts these inputs (no Azure), or how the engine diffs them against state.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { InvalidArgumentsError, LinuxVm } from "../../components";
import { OS_DISK_SKU_PATH, VM_IGNORE_CHANGES, VM_REPLACE_ON_CHANGES } from "../../components/internal";
import { childrenOf, named, settled } from "../support/components";
import { DISK_ID_PREFIX, ED25519_KEY, NSG_ID, SUBNET_ID } from "../support/fixtures";
import { installRecorder, valueOf, type Recorder } from "../../tools/recorder/recorder";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D4s_v5" };
/** An application security group, as VmNetwork exports for its Linux VMs. */
const ASG_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/net-asg-linux";

describe("GIVEN a zonal Linux VM with an SSH key, an application security group and two data disks", () => {
    let vm: LinuxVm;
    beforeAll(async () => {
        vm = new LinuxVm("db01", {
            ...base,
            networkSecurityGroupId: NSG_ID,
            applicationSecurityGroupIds: [ASG_ID],
            zone: "2",
            sshPublicKeys: [ED25519_KEY],
            dataDisks: [
                { name: "data", lun: 0, sizeGb: 512 },
                { name: "logs", lun: 1, sizeGb: 128, sku: "Premium_ZRS", caching: "None" },
            ],
            tags: { env: "test" },
        });
        await settled(vm);
    });

    it("THEN it registers exactly a NIC, one Disk per data disk, the VM and its access extension, all parented to the component", () => {
        const component = recorder.get("azure-persistent-vm:index:LinuxVm", "db01");
        expect(childrenOf(recorder, component.urn)).toEqual([
            "azure-native:compute:Disk::db01-disk-data",
            "azure-native:compute:Disk::db01-disk-logs",
            "azure-native:compute:VirtualMachine::db01-vm",
            "azure-native:compute:VirtualMachineExtension::db01-access",
            "azure-native:network:NetworkInterface::db01-nic",
        ]);
        expect(named(recorder, "db01").map((r) => r.name).sort()).toEqual(["db01", "db01-access", "db01-disk-data", "db01-disk-logs", "db01-nic", "db01-vm"]);
    });

    it("THEN each data disk is a protected, zonal (unless zone-redundant), network-closed managed disk", () => {
        const data = recorder.get("azure-native:compute:Disk", "db01-disk-data");
        const logs = recorder.get("azure-native:compute:Disk", "db01-disk-logs");
        expect(data.options.protect).toBe(true);
        expect(logs.options.protect).toBe(true);
        expect(data.inputs).toEqual({
            resourceGroupName: "rg",
            location: "westeurope",
            tags: { env: "test" },
            diskName: "db01-disk-data",
            creationData: { createOption: "Empty" },
            diskSizeGB: 512,
            sku: { name: "Premium_LRS" },
            zones: ["2"],
            networkAccessPolicy: "DenyAll",
            publicNetworkAccess: "Disabled",
            encryption: { type: "EncryptionAtRestWithPlatformKey" },
        });
        expect(logs.inputs["zones"]).toBeUndefined();
        expect(logs.inputs["sku"]).toEqual({ name: "Premium_ZRS" });
    });

    it("THEN the VM attaches the disks by id and LUN, detaches NIC, OS and data disks on delete, and carries the durability options", () => {
        const machine = recorder.get("azure-native:compute:VirtualMachine", "db01-vm");
        expect(machine.inputs["storageProfile"]).toEqual({
            imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
            osDisk: { createOption: "FromImage", deleteOption: "Detach", caching: "ReadWrite", managedDisk: { storageAccountType: "Premium_LRS" } },
            dataDisks: [
                { lun: 0, createOption: "Attach", deleteOption: "Detach", caching: "ReadOnly", managedDisk: { id: `${DISK_ID_PREFIX}db01-disk-data` } },
                { lun: 1, createOption: "Attach", deleteOption: "Detach", caching: "None", managedDisk: { id: `${DISK_ID_PREFIX}db01-disk-logs` } },
            ],
        });
        expect(machine.inputs["networkProfile"]).toEqual({
            networkInterfaces: [{ id: expect.stringMatching(/\/networkInterfaces\/db01-nic$/), primary: true, deleteOption: "Detach" }],
        });
        const { aliases, ...options } = machine.options;
        // The only aliases are azure-native's own, from the type's earlier API versions.
        expect(aliases.filter((a) => !("type" in a) || a.type?.startsWith("azure-native:compute/v") !== true)).toEqual([]);
        expect(options).toEqual({
            protect: false,
            retainOnDelete: false,
            deleteBeforeReplace: true,
            // No osDisk.sku: the OS disk's SKU follows the size, so it is ignored after creation.
            ignoreChanges: [...VM_IGNORE_CHANGES, OS_DISK_SKU_PATH],
            replaceOnChanges: VM_REPLACE_ON_CHANGES,
            dependencies: expect.arrayContaining([
                recorder.get("azure-native:network:NetworkInterface", "db01-nic").urn,
                recorder.get("azure-native:compute:Disk", "db01-disk-data").urn,
                recorder.get("azure-native:compute:Disk", "db01-disk-logs").urn,
            ]) as unknown as string[],
            import: null,
            replaceWith: [],
            replacementTrigger: "TrustedLaunch",
            deletedWith: null,
        });
    });

    it("THEN the VM is Trusted Launch, identity-bearing, zonal and signs in with the key only", () => {
        const machine = recorder.get("azure-native:compute:VirtualMachine", "db01-vm");
        expect(machine.inputs["zones"]).toEqual(["2"]);
        expect(machine.inputs["securityProfile"]).toEqual({ securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } });
        expect(machine.inputs["identity"]).toEqual({ type: "SystemAssigned" });
        expect(machine.inputs["diagnosticsProfile"]).toEqual({ bootDiagnostics: { enabled: true } });
        expect(machine.inputs["osProfile"]).toEqual({
            computerName: "db01",
            adminUsername: "azureuser",
            allowExtensionOperations: true,
            linuxConfiguration: {
                disablePasswordAuthentication: true,
                provisionVMAgent: true,
                ssh: { publicKeys: [{ path: "/home/azureuser/.ssh/authorized_keys", keyData: ED25519_KEY }] },
                patchSettings: { patchMode: "AutomaticByPlatform", assessmentMode: "AutomaticByPlatform" },
            },
        });
        expect(machine.secretPaths).toEqual([]);
    });

    it("THEN the NIC has no public IP, no IP forwarding, accelerated networking (its size requires it), the given NSG and joins the given application security group", () => {
        const nic = recorder.get("azure-native:network:NetworkInterface", "db01-nic");
        expect(nic.inputs).toEqual({
            resourceGroupName: "rg",
            location: "westeurope",
            tags: { env: "test" },
            networkInterfaceName: "db01-nic",
            ipConfigurations: [{ name: "ipconfig1", primary: true, privateIPAllocationMethod: "Dynamic", subnet: { id: SUBNET_ID }, applicationSecurityGroups: [{ id: ASG_ID }] }],
            networkSecurityGroup: { id: NSG_ID },
            enableIPForwarding: false,
            enableAcceleratedNetworking: true,
        });
    });

    it("THEN its outputs carry ids by disk key, the private IP, the OS disk's name and the principal id", async () => {
        expect(await valueOf(vm.dataDiskIds)).toEqual({ data: `${DISK_ID_PREFIX}db01-disk-data`, logs: `${DISK_ID_PREFIX}db01-disk-logs` });
        expect(await valueOf(vm.privateIpAddress)).toBe("private-ip-of-db01-nic");
        expect(await valueOf(vm.osDiskName)).toBe("db01_OsDisk_1_placeholder");
        expect(await valueOf(vm.principalId)).toBe("principal-id-of-db01");
        expect(await valueOf(vm.vmName)).toBe("db01");
        expect(vm.generatedPrivateKey).toBeUndefined();
    });
});

describe("GIVEN a Linux VM with no SSH key and cloud-init custom data", () => {
    let vm: LinuxVm;
    beforeAll(async () => {
        vm = new LinuxVm("gen01", { ...base, customData: "#cloud-config\npackages: [nginx]\n" });
        await settled(vm);
    });

    it("THEN it generates one ED25519 key, authorizes its public half and exports the private half as a secret", async () => {
        const component = recorder.get("azure-persistent-vm:index:LinuxVm", "gen01");
        const key = recorder.get("tls:index/privateKey:PrivateKey", "gen01-ssh-key");
        expect(key.parent).toBe(component.urn);
        expect(key.inputs).toEqual({ algorithm: "ED25519" });
        const machine = recorder.get("azure-native:compute:VirtualMachine", "gen01-vm");
        const osProfile = machine.inputs["osProfile"] as { linuxConfiguration: { ssh: unknown }; customData: string };
        expect(osProfile.linuxConfiguration.ssh).toEqual({
            publicKeys: [{ path: "/home/azureuser/.ssh/authorized_keys", keyData: "ssh-ed25519 placeholder-public-key-of-gen01-ssh-key" }],
        });
        const privateKey = vm.generatedPrivateKey;
        expect(privateKey).toBeDefined();
        if (privateKey !== undefined) {
            expect(await pulumi.isSecret(privateKey)).toBe(true);
            expect(await valueOf(privateKey)).toBe("placeholder-private-key-of-gen01-ssh-key");
        }
    });

    it("THEN custom data given as a plain string is sent base64-encoded, as a secret", () => {
        const machine = recorder.get("azure-native:compute:VirtualMachine", "gen01-vm");
        const osProfile = machine.inputs["osProfile"] as { customData: string };
        expect(Buffer.from(osProfile.customData, "base64").toString("utf8")).toBe("#cloud-config\npackages: [nginx]\n");
        expect(machine.secretPaths).toContain("osProfile");
    });
});

describe("GIVEN a Linux VM with credentialRotation: false and a disk to format", () => {
    it("THEN it has no access extension, the key is still in its OS profile, and its guest chain starts at the VM", async () => {
        const vm = new LinuxVm("lean01", {
            ...base,
            sshPublicKeys: [ED25519_KEY],
            credentialRotation: false,
            dataDisks: [{ name: "data", lun: 0, sizeGb: 64, format: true }],
        });
        await settled(vm);
        const component = recorder.get("azure-persistent-vm:index:LinuxVm", "lean01");
        expect(childrenOf(recorder, component.urn)).toEqual([
            "azure-native:compute:Disk::lean01-disk-data",
            "azure-native:compute:VirtualMachine::lean01-vm",
            "azure-native:compute:VirtualMachineRunCommandByVirtualMachine::lean01-format-data",
            "azure-native:network:NetworkInterface::lean01-nic",
        ]);
        const osProfile = recorder.get("azure-native:compute:VirtualMachine", "lean01-vm").inputs["osProfile"] as { linuxConfiguration: { ssh: { publicKeys: { keyData: string }[] } } };
        expect(osProfile.linuxConfiguration.ssh.publicKeys.map((k) => k.keyData)).toStrictEqual([ED25519_KEY]);
        const vmResource = recorder.get("azure-native:compute:VirtualMachine", "lean01-vm");
        expect(recorder.get("azure-native:compute:VirtualMachineRunCommandByVirtualMachine", "lean01-format-data").options.dependencies).toContain(vmResource.urn);
        expect(await valueOf(vm.lastGuestStep.urn)).toBe(recorder.get("azure-native:compute:VirtualMachineRunCommandByVirtualMachine", "lean01-format-data").urn);
    });
});

describe("GIVEN two Linux VMs in one program, each with a disk named data", () => {
    it("THEN their children's Pulumi names and Azure names are disjoint", async () => {
        const a = new LinuxVm("twin-a", { ...base, sshPublicKeys: [ED25519_KEY], dataDisks: [{ name: "data", lun: 0, sizeGb: 32 }] });
        const b = new LinuxVm("twin-b", { ...base, sshPublicKeys: [ED25519_KEY], dataDisks: [{ name: "data", lun: 0, sizeGb: 32 }] });
        await Promise.all([settled(a), settled(b)]);
        const names = (prefix: string) => named(recorder, prefix).filter((r) => r.custom).map((r) => r.name);
        // An extension's Azure name is scoped to its VM.
        const azureNames = (prefix: string) => named(recorder, prefix).filter((r) => r.custom).map((r) => r.inputs["vmExtensionName"] !== undefined
            ? `${String(r.inputs["vmName"])}/${String(r.inputs["vmExtensionName"])}`
            : String(r.inputs["vmName"] ?? r.inputs["diskName"] ?? r.inputs["networkInterfaceName"]));
        expect(names("twin-a").sort()).toEqual(["twin-a-access", "twin-a-disk-data", "twin-a-nic", "twin-a-vm"]);
        expect(names("twin-a").filter((n) => names("twin-b").includes(n))).toEqual([]);
        expect(azureNames("twin-a").sort()).toEqual(["twin-a", "twin-a-disk-data", "twin-a-nic", "twin-a/VMAccessForLinux"]);
        expect(azureNames("twin-a").filter((n) => azureNames("twin-b").includes(n))).toEqual([]);
    });
});

describe("GIVEN a Linux VM whose arguments Azure would refuse", () => {
    it("THEN the constructor throws every problem, naming the component, and registers nothing at all", () => {
        const before = recorder.registrations.length;
        const build = () => new LinuxVm("bad01", {
            ...base,
            adminUsername: "root",
            dataDisks: [{ name: "data", lun: 64, sizeGb: 10 }, { name: "data", lun: 1, sizeGb: 10 }],
        });
        expect(build).toThrow(InvalidArgumentsError);
        expect(build).toThrow([
            `LinuxVm "bad01": adminUsername "root" is a name Azure reserves; choose another adminUsername.`,
            `LinuxVm "bad01": dataDisks[0].lun 64 is outside 0-63 (set a LUN from 0 to 63).`,
            `LinuxVm "bad01": dataDisks[1].name "data" is already used by dataDisks[0].name; each data disk name must be unique.`,
        ].join("\n"));
        expect(named(recorder, "bad01")).toEqual([]);
        expect(recorder.registrations.length).toBe(before);
    });
});

describe("GIVEN a Linux VM with more tags than Azure allows and a tag name Azure refuses", () => {
    it("THEN the constructor throws both, naming the component, and registers nothing", () => {
        const before = recorder.registrations.length;
        const tags = { ...Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`tag${i}`, "x"])), "cost/center": "1234" };
        const build = () => new LinuxVm("tagged01", { ...base, tags });
        expect(build).toThrow([
            `LinuxVm "tagged01": tags has 51 tags; Azure allows at most 50 on a resource (remove some, or combine them).`,
            `LinuxVm "tagged01": tags has the name "cost/center", which holds "/"; Azure tag names cannot hold < > % & \\ ? / (rename the tag).`,
        ].join("\n"));
        expect(recorder.registrations.length).toBe(before);
    });
});
