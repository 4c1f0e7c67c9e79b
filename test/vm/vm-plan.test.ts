// Not proved here: that Azure accepts a plan these tests call valid, or that the components declare what the plan says.
import { describe, expect, it } from "vitest";
import { InvalidArgumentsError, type OsType } from "../../components";
import {
    type CredentialInputs, OS_DISK_SKU_PATH, planVm, requirePlan, supportsPremiumStorage, VM_IGNORE_CHANGES, VM_REPLACE_ON_CHANGES, vmReplacementTrigger,
} from "../../components/internal";
import {
    args, ECDSA_KEY, NOT_A_ZONE, NOT_ACCEPTED, NOT_ONE_LINE, REFUSED_PASSWORD, type Rejected, RESERVED, RSA_3072_KEY, THROWAWAY_ED25519_KEY,
} from "../support/fixtures";

const UBUNTU_2404 = { kind: "marketplace", publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest", label: "ubuntu-24.04" };
/** The options of a Trusted Launch VM whose OS disk SKU follows its size (no osDisk.sku). */
const VM_OPTIONS = {
    deleteBeforeReplace: true, replaceOnChanges: VM_REPLACE_ON_CHANGES, ignoreChanges: [...VM_IGNORE_CHANGES, OS_DISK_SKU_PATH], replacementTrigger: "TrustedLaunch",
};

describe("GIVEN a Linux VM in zone 1 on a premium-capable size with data disks of every kind WHEN it is planned", () => {
    const result = planVm("linux", "web", args({
        vmName: "web01-prod",
        size: "Standard_D8s_v5",
        zone: "1",
        dataDisks: [
            { name: "data", lun: 0, sizeGb: 128 },
            { name: "logs", lun: 1, sizeGb: 256, sku: "Premium_ZRS" },
            { name: "scratch", lun: 2, sizeGb: 512, sku: "PremiumV2_LRS" },
            { name: "archive", lun: 3, sizeGb: 4_096, sku: "Standard_LRS" },
            { name: "ultra", lun: 4, sizeGb: 1_024, sku: "UltraSSD_LRS" },
            { name: "big", lun: 5, sizeGb: 4_095, sku: "StandardSSD_ZRS" },
        ],
    }), { sshPublicKeys: [THROWAWAY_ED25519_KEY] });

    it("THEN every value is resolved: Pulumi names from the component name, Azure names from vmName, defaults filled in", () => {
        expect(result).toStrictEqual({
            ok: true,
            plan: {
                os: "linux",
                resourceNames: { vm: "web-vm", nic: "web-nic", credential: "web-ssh-key", access: "web-access", backup: "web-backup", publicIp: "web-pip", entraLogin: "web-entra-login", monitorAgent: "web-monitor-agent", dataCollection: "web-dcr", waitDomain: "web-wait-domain", domainJoin: "web-domain-join" },
                vmName: "web01-prod",
                nicName: "web01-prod-nic",
                computerName: "web01-prod",
                adminUsername: "azureuser",
                size: "Standard_D8s_v5",
                zones: ["1"],
                availabilitySet: false,
                image: UBUNTU_2404,
                plan: undefined,
                platformPatching: true,
                securityType: "TrustedLaunch",
                osDisk: { sizeGb: undefined, sku: "Premium_LRS", caching: "ReadWrite", zones: ["1"], deleteOption: "Detach", source: "image", upload: undefined, resourceName: "web-os-disk", diskName: "web01-prod-os-disk", importId: undefined, adoptionGuard: undefined, hyperVGeneration: undefined, protect: false, retainOnDelete: false },
                dataDisks: [
                    { key: "data", resourceName: "web-disk-data", diskName: "web01-prod-disk-data", lun: 0, sizeGb: 128, sku: "Premium_LRS", caching: "ReadOnly", zones: ["1"], source: "empty", upload: undefined, importId: undefined, adoptionGuard: undefined, protection: "protect", protect: true, retainOnDelete: true, lock: undefined, format: undefined },
                    { key: "logs", resourceName: "web-disk-logs", diskName: "web01-prod-disk-logs", lun: 1, sizeGb: 256, sku: "Premium_ZRS", caching: "ReadOnly", zones: undefined, source: "empty", upload: undefined, importId: undefined, adoptionGuard: undefined, protection: "protect", protect: true, retainOnDelete: true, lock: undefined, format: undefined },
                    { key: "scratch", resourceName: "web-disk-scratch", diskName: "web01-prod-disk-scratch", lun: 2, sizeGb: 512, sku: "PremiumV2_LRS", caching: "None", zones: ["1"], source: "empty", upload: undefined, importId: undefined, adoptionGuard: undefined, protection: "protect", protect: true, retainOnDelete: true, lock: undefined, format: undefined },
                    { key: "archive", resourceName: "web-disk-archive", diskName: "web01-prod-disk-archive", lun: 3, sizeGb: 4_096, sku: "Standard_LRS", caching: "None", zones: ["1"], source: "empty", upload: undefined, importId: undefined, adoptionGuard: undefined, protection: "protect", protect: true, retainOnDelete: true, lock: undefined, format: undefined },
                    { key: "ultra", resourceName: "web-disk-ultra", diskName: "web01-prod-disk-ultra", lun: 4, sizeGb: 1_024, sku: "UltraSSD_LRS", caching: "None", zones: ["1"], source: "empty", upload: undefined, importId: undefined, adoptionGuard: undefined, protection: "protect", protect: true, retainOnDelete: true, lock: undefined, format: undefined },
                    { key: "big", resourceName: "web-disk-big", diskName: "web01-prod-disk-big", lun: 5, sizeGb: 4_095, sku: "StandardSSD_ZRS", caching: "ReadOnly", zones: undefined, source: "empty", upload: undefined, importId: undefined, adoptionGuard: undefined, protection: "protect", protect: true, retainOnDelete: true, lock: undefined, format: undefined },
                ],
                ultraSsdEnabled: true,
                credential: "ssh-keys",
                domainJoin: undefined,
                publicIp: undefined,
                vmOptions: VM_OPTIONS,
                nic: { acceleratedNetworking: true, ignoreChanges: ["enableAcceleratedNetworking"] },
                licenseType: undefined,
                warnings: [],
            },
        });
    });

    it("THEN the VM is deleted before it is replaced, replaces on the create-only properties and its security type, and ignores credentials and the OS disk SKU its size chose", () => {
        expect(result.ok && result.plan.vmOptions).toStrictEqual({
            deleteBeforeReplace: true,
            replaceOnChanges: [
                "location", "zones", "extendedLocation", "placement", "availabilitySet", "virtualMachineScaleSet",
                "platformFaultDomain", "plan", "priority", "evictionPolicy", "osProfile.computerName",
                "osProfile.adminUsername", "osProfile.customData",
                "osProfile.linuxConfiguration.disablePasswordAuthentication",
                "osProfile.linuxConfiguration.provisionVMAgent", "osProfile.windowsConfiguration.provisionVMAgent",
                "osProfile.windowsConfiguration.enableAutomaticUpdates", "osProfile.windowsConfiguration.timeZone",
                "osProfile.windowsConfiguration.additionalUnattendContent", "osProfile.windowsConfiguration.winRM",
                "storageProfile.imageReference", "storageProfile.osDisk.createOption",
                "storageProfile.osDisk.diffDiskSettings", "storageProfile.osDisk.managedDisk.id",
                "storageProfile.osDisk.managedDisk.storageAccountType", "storageProfile.osDisk.managedDisk.securityProfile",
                "securityProfile.securityType", "securityProfile.uefiSettings",
            ],
            ignoreChanges: ["osProfile.adminPassword", "osProfile.linuxConfiguration.ssh.publicKeys", "storageProfile.osDisk.managedDisk.storageAccountType"],
            replacementTrigger: "TrustedLaunch",
        });
    });
});

describe("GIVEN a regional Windows VM on a size without premium storage WHEN it is planned with defaults", () => {
    it("THEN it gets the Windows defaults, standard SSDs, no zones and a generated password", () => {
        const result = planVm("windows", "app01", args({ size: "Standard_D2_v5", dataDisks: [{ name: "data", lun: 0, sizeGb: 256 }] }), {});
        expect(result).toStrictEqual({
            ok: true,
            plan: {
                os: "windows",
                resourceNames: { vm: "app01-vm", nic: "app01-nic", credential: "app01-admin-password", access: "app01-access", backup: "app01-backup", publicIp: "app01-pip", entraLogin: "app01-entra-login", monitorAgent: "app01-monitor-agent", dataCollection: "app01-dcr", waitDomain: "app01-wait-domain", domainJoin: "app01-domain-join" },
                vmName: "app01",
                nicName: "app01-nic",
                computerName: "app01",
                adminUsername: "azureadmin",
                size: "Standard_D2_v5",
                zones: undefined,
                availabilitySet: false,
                image: {
                    kind: "marketplace", publisher: "MicrosoftWindowsServer", offer: "WindowsServer",
                    sku: "2025-datacenter-azure-edition", version: "latest", label: "windows-server-2025",
                },
                plan: undefined,
                platformPatching: true,
                securityType: "TrustedLaunch",
                osDisk: { sizeGb: undefined, sku: "StandardSSD_LRS", caching: "ReadWrite", zones: undefined, deleteOption: "Detach", source: "image", upload: undefined, resourceName: "app01-os-disk", diskName: "app01-os-disk", importId: undefined, adoptionGuard: undefined, hyperVGeneration: undefined, protect: false, retainOnDelete: false },
                dataDisks: [
                    { key: "data", resourceName: "app01-disk-data", diskName: "app01-disk-data", lun: 0, sizeGb: 256, sku: "StandardSSD_LRS", caching: "ReadOnly", zones: undefined, source: "empty", upload: undefined, importId: undefined, adoptionGuard: undefined, protection: "protect", protect: true, retainOnDelete: true, lock: undefined, format: undefined },
                ],
                ultraSsdEnabled: false,
                credential: "generated-password",
                domainJoin: undefined,
                publicIp: undefined,
                vmOptions: VM_OPTIONS,
                nic: { acceleratedNetworking: true, ignoreChanges: ["enableAcceleratedNetworking"] },
                licenseType: undefined,
                warnings: [],
            },
        });
    });
});

describe("GIVEN a VM WHEN the user chooses how the administrator signs in", () => {
    it.each<{ scenario: string; os: OsType; credentials: CredentialInputs; mode: string }>([
        { scenario: "a Linux VM given an SSH key", os: "linux", credentials: { sshPublicKeys: [RSA_3072_KEY] }, mode: "ssh-keys" },
        { scenario: "a Linux VM given a key that is still an Output (not checked)", os: "linux", credentials: { sshPublicKeys: [{ apply: "output" }] }, mode: "ssh-keys" },
        { scenario: "a Linux VM given an empty key list", os: "linux", credentials: { sshPublicKeys: [] }, mode: "generated-ssh-key" },
        { scenario: "a Linux VM given no keys", os: "linux", credentials: {}, mode: "generated-ssh-key" },
        { scenario: "a Windows VM given a password", os: "windows", credentials: { adminPassword: "Correct-Horse-42" }, mode: "password" },
        { scenario: "a Windows VM given no password", os: "windows", credentials: { adminPassword: undefined }, mode: "generated-password" },
    ])("THEN $scenario signs in with $mode", ({ os, credentials, mode }) => {
        const result = planVm(os, "vm01", args({}), credentials);
        expect(result.ok && result.plan.credential).toBe(mode);
    });
});

describe("GIVEN a VM WHEN the user picks its image another way", () => {
    const plan = { name: "byol", product: "custom-offer", publisher: "contoso" };

    it("THEN an explicit imageReference defaults its version to latest, carries the given plan and no platform patching", () => {
        const result = planVm("linux", "web01", args({ imageReference: { publisher: "contoso", offer: "custom-offer", sku: "byol" }, plan }), {});
        expect(result.ok && [result.plan.image, result.plan.plan, result.plan.platformPatching]).toStrictEqual([
            { kind: "marketplace", publisher: "contoso", offer: "custom-offer", sku: "byol", version: "latest", label: "contoso:custom-offer:byol:latest" },
            plan,
            false,
        ]);
    });

    it("THEN a gallery image is labelled as such and carries the given plan", () => {
        const result = planVm("linux", "web01", args({ galleryImageId: "/subscriptions/0/resourceGroups/g/providers/Microsoft.Compute/galleries/g/images/i", plan }), {});
        expect(result.ok && [result.plan.image, result.plan.plan, result.plan.platformPatching]).toStrictEqual([
            { kind: "gallery", label: "the gallery image" }, plan, false,
        ]);
    });

    it("THEN the almalinux-9 catalogue image brings its own purchase plan", () => {
        const result = planVm("linux", "web01", args({ image: "almalinux-9" }), {});
        expect(result.ok && [result.plan.image, result.plan.plan, result.plan.platformPatching]).toStrictEqual([
            { kind: "marketplace", publisher: "almalinux", offer: "almalinux-x86_64", sku: "9-gen2", version: "latest", label: "almalinux-9" },
            { name: "9-gen2", product: "almalinux-x86_64", publisher: "almalinux" },
            false,
        ]);
    });

    it("THEN explicit OS disk settings and Standard security are kept as given", () => {
        const result = planVm("linux", "web01", args({ securityType: "Standard", osDisk: { sizeGb: 4_095, sku: "Premium_ZRS", caching: "ReadOnly" } }), {});
        expect(result.ok && [result.plan.securityType, result.plan.osDisk]).toStrictEqual([
            "Standard", { sizeGb: 4_095, sku: "Premium_ZRS", caching: "ReadOnly", zones: undefined, deleteOption: "Detach", source: "image", upload: undefined, resourceName: "web01-os-disk", diskName: "web01-os-disk", importId: undefined, adoptionGuard: undefined, hyperVGeneration: undefined, protect: false, retainOnDelete: false },
        ]);
    });
});

describe("GIVEN a VM WHEN its OS disk SKU follows its size, is given, or comes with an existing disk", () => {
    const KEPT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-persistent-vm-test/providers/Microsoft.Compute/disks/web01_OsDisk_1_kept";
    it.each<{ scenario: string; osDisk: Parameters<typeof args>[0]["osDisk"]; ignored: readonly string[] }>([
        { scenario: "no osDisk.sku: the size's default, ignored after creation so that a resize never replaces the VM", osDisk: undefined, ignored: [...VM_IGNORE_CHANGES, OS_DISK_SKU_PATH] },
        { scenario: "a size but no SKU", osDisk: { sizeGb: 64 }, ignored: [...VM_IGNORE_CHANGES, OS_DISK_SKU_PATH] },
        { scenario: "an explicit osDisk.sku: not ignored, so changing it replaces the VM", osDisk: { sku: "Premium_LRS" }, ignored: VM_IGNORE_CHANGES },
        { scenario: "an OS disk attached by id: the VM sends no SKU", osDisk: { source: { existingId: KEPT } }, ignored: VM_IGNORE_CHANGES },
        { scenario: "an adopted OS disk: the VM sends no SKU", osDisk: { sku: "Premium_LRS", source: { adoptId: KEPT } }, ignored: VM_IGNORE_CHANGES },
    ])("THEN with $scenario, the VM ignores exactly the expected paths", ({ osDisk, ignored }) => {
        const result = planVm("linux", "web01", args({ osDisk }), { sshPublicKeys: osDisk?.source === undefined ? [THROWAWAY_ED25519_KEY] : [] });
        expect(result.ok && result.plan.vmOptions.ignoreChanges).toStrictEqual(ignored);
    });
});

describe("GIVEN the VM's replacement trigger WHEN the security type is Trusted Launch or Standard", () => {
    // Frozen: a deployed VM's state holds this value, and any other value (another spelling, an object, an added
    // field) replaces the VM at its next update. Change these expectations only with a plan for every deployed VM.
    it.each([["TrustedLaunch", "TrustedLaunch"], ["Standard", "Standard"]] as const)("THEN a %s VM sends exactly %j", (securityType, trigger) => {
        const result = planVm("windows", "app01", args({ securityType }), {});
        expect(result.ok && result.plan.vmOptions.replacementTrigger).toBe(trigger);
        expect(vmReplacementTrigger(securityType)).toBe(trigger);
    });

    it("THEN the default (Trusted Launch) sends exactly \"TrustedLaunch\"", () => {
        const result = planVm("linux", "web01", args({}), {});
        expect(result.ok && result.plan.vmOptions.replacementTrigger).toBe("TrustedLaunch");
    });
});

describe("GIVEN a VM size WHEN the default disk SKU is chosen by whether it supports premium storage", () => {
    it.each<[string, boolean]>([
        ["Standard_D2s_v5", true],
        ["Standard_E4ads_v5", true],
        ["Standard_B2ms", true],
        ["Standard_DS2_v2", true],
        ["Standard_M8-2ms", true],
        ["Standard_NC4as_T4_v3", true],
        ["Standard_D2_v5", false],
        ["Standard_A2_v2", false],
        ["Standard_A2m_v2", false],
        ["Standard_NC6", false],
        ["Basic_A1", false],
        ["D2s_v5", false],
    ])("THEN %s supports premium storage: %s", (size, expected) => {
        expect(supportsPremiumStorage(size)).toBe(expected);
    });
});

const AAA_65 = "a".repeat(65);

describe("GIVEN arguments a user gets wrong WHEN the VM is planned", () => {
    it.each<Rejected>([
        {
            scenario: "a Windows VM whose 18-character vmName becomes its computer name",
            os: "windows", name: "app01", args: { vmName: "application-server" },
            problems: [{ path: "computerName", message: `"application-server" is 18 characters; Windows allows at most 15 (set computerName).` }],
        },
        {
            scenario: "a Windows VM whose computer name is only digits",
            os: "windows", args: { computerName: "12345" },
            problems: [{ path: "computerName", message: `"12345" must hold only letters, digits and hyphens, not only digits, and not end with a hyphen (set computerName).` }],
        },
        {
            scenario: "a Linux VM whose vmName has a space, which its computer name inherits",
            os: "linux", args: { vmName: "web 01" },
            problems: [
                { path: "vmName", message: `"web 01" may hold only letters, digits, "_", "." and "-", must start with a letter or digit, and cannot end with "." or "-" (set vmName).` },
                { path: "computerName", message: `"web 01" must hold only letters, digits, hyphens and periods, and start and end with a letter or digit (set computerName).` },
            ],
        },
        {
            scenario: "a Linux VM with a 65-character vmName",
            os: "linux", args: { vmName: AAA_65 },
            problems: [
                { path: "vmName", message: `"${AAA_65}" is 65 characters; Azure allows 1 to 64 (set vmName).` },
                { path: "computerName", message: `"${AAA_65}" is 65 characters; Linux allows at most 64 (set computerName).` },
            ],
        },
        {
            scenario: "two data disks at the same LUN",
            os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 128 }, { name: "logs", lun: 0, sizeGb: 64 }] },
            problems: [{ path: "dataDisks[1].lun", message: "0 is already used by dataDisks[0].lun; each LUN must be unique." }],
        },
        {
            scenario: "an Ultra disk with ReadOnly caching",
            os: "linux", args: { zone: "1", dataDisks: [{ name: "data", lun: 0, sizeGb: 1_024, sku: "UltraSSD_LRS", caching: "ReadOnly" }] },
            problems: [{ path: "dataDisks[0].caching", message: `"ReadOnly" is not allowed on UltraSSD_LRS disks; they take no host caching (set caching: "None").` }],
        },
        {
            scenario: "a 4096 GiB data disk with ReadWrite caching",
            os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 4_096, caching: "ReadWrite" }] },
            problems: [{ path: "dataDisks[0].caching", message: `"ReadWrite" is not allowed on a disk of 4096 GiB; disks of 4096 GiB and more take no host caching (set caching: "None").` }],
        },
        {
            scenario: "a data disk of 0 GiB",
            os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 0 }] },
            problems: [{ path: "dataDisks[0].sizeGb", message: "0 is outside 1-32767 GiB, the range of a Premium_LRS data disk (set a whole number of GiB in that range)." }],
        },
        {
            scenario: "a Premium SSD v2 OS disk",
            os: "linux", args: { osDisk: { sku: "PremiumV2_LRS" } },
            problems: [{ path: "osDisk.sku", message: `"PremiumV2_LRS" cannot be an OS disk; use Premium_LRS, StandardSSD_LRS or a ZRS SKU.` }],
        },
        {
            scenario: "a Linux image on a Windows VM",
            os: "windows", args: { image: "debian-12" },
            problems: [{ path: "image", message: `"debian-12" is a linux image; a WindowsVm needs a windows image.` }],
        },
        {
            scenario: "both a catalogue image and a gallery image",
            os: "linux", args: { image: "debian-12", galleryImageId: "/subscriptions/0/resourceGroups/g/providers/Microsoft.Compute/galleries/g/images/i" },
            problems: [{ path: "image, galleryImageId", message: "are both set; set only one of image, imageReference and galleryImageId." }],
        },
        {
            // Not taken for a key of type "----": a PuTTY (RFC 4716) file is not one OpenSSH line, and the message says so.
            scenario: "a PuTTY-format (RFC 4716) SSH key",
            os: "linux", args: {}, credentials: { sshPublicKeys: ["---- BEGIN SSH2 PUBLIC KEY ----\nAAAAC3NzaC1lZDI1NTE5\n---- END SSH2 PUBLIC KEY ----"] },
            problems: [{ path: "sshPublicKeys[0]", message: NOT_ONE_LINE }],
        },
        {
            scenario: "an SSH key line cut after its type",
            os: "linux", args: {}, credentials: { sshPublicKeys: [THROWAWAY_ED25519_KEY, "ssh-ed25519"] },
            problems: [{ path: "sshPublicKeys[1]", message: NOT_ONE_LINE }],
        },
        // Several families at once.
        {
            scenario: "a Windows VM with a long computer name, a reserved username and a refused password",
            os: "windows", args: { computerName: "application-srv1", adminUsername: "admin" }, credentials: { adminPassword: "Password1" },
            problems: [
                { path: "computerName", message: `"application-srv1" is 16 characters; Windows allows at most 15 (shorten computerName).` },
                { path: "adminUsername", message: RESERVED("admin") },
                { path: "adminPassword", message: REFUSED_PASSWORD },
            ],
        },
    ])("THEN $scenario is refused with exactly its problems", ({ os, name, args: overrides, credentials, problems }) => {
        expect(planVm(os, name ?? "vm01", args(overrides), credentials ?? {})).toStrictEqual({ ok: false, problems });
    });

    it("THEN every problem is reported at once, in argument order", () => {
        const result = planVm("linux", "web01", args({
            size: "D2s_v5",
            zone: "4",
            image: "ubuntu-18.04",
            dataDisks: [{ name: "data", lun: 64, sizeGb: 128 }, { name: "data", lun: 64, sizeGb: 128 }],
        }), { sshPublicKeys: [ECDSA_KEY] });
        expect(result).toStrictEqual({
            ok: false,
            problems: [
                { path: "size", message: `"D2s_v5" is not an Azure VM size; sizes look like "Standard_D2s_v5".` },
                { path: "zone", message: NOT_A_ZONE("4") },
                { path: "image", message: `"ubuntu-18.04" is not in the image catalogue (did you mean "ubuntu-24.04" or "ubuntu-22.04"?); use a catalogue key (see IMAGE_KEYS) or set imageReference.` },
                { path: "dataDisks[0].lun", message: "64 is outside 0-63 (set a LUN from 0 to 63)." },
                { path: "dataDisks[1].lun", message: "64 is outside 0-63 (set a LUN from 0 to 63)." },
                { path: "dataDisks[1].name", message: `"data" is already used by dataDisks[0].name; each data disk name must be unique.` },
                { path: "dataDisks[1].lun", message: "64 is already used by dataDisks[0].lun; each LUN must be unique." },
                { path: "sshPublicKeys[0]", message: NOT_ACCEPTED("ecdsa-sha2-nistp256") },
            ],
        });
    });
});

describe("GIVEN a component that requires its plan WHEN the arguments have problems", () => {
    it("THEN it throws InvalidArgumentsError listing every problem, one a line, under the component and its name", () => {
        let thrown: unknown;
        try {
            requirePlan("LinuxVm", "web01", planVm("linux", "web01", args({ adminUsername: "admin", zone: "4" }), {}));
        } catch (error) {
            thrown = error;
        }
        expect(thrown).toBeInstanceOf(InvalidArgumentsError);
        if (!(thrown instanceof InvalidArgumentsError)) {
            return;
        }
        expect([thrown.name, thrown.component, thrown.resourceName, thrown.problems.length]).toEqual(["InvalidArgumentsError", "LinuxVm", "web01", 2]);
        expect(thrown.message).toBe([
            `LinuxVm "web01": adminUsername "admin" is a name Azure reserves; choose another adminUsername.`,
            `LinuxVm "web01": zone "4" is not an availability zone; use "1", "2" or "3".`,
        ].join("\n"));
    });

    it("THEN valid arguments return the plan instead", () => {
        expect(requirePlan("LinuxVm", "web01", planVm("linux", "web01", args({}), {})).resourceNames).toStrictEqual({ vm: "web01-vm", nic: "web01-nic", credential: "web01-ssh-key", access: "web01-access", backup: "web01-backup", publicIp: "web01-pip", entraLogin: "web01-entra-login", monitorAgent: "web01-monitor-agent", dataCollection: "web01-dcr", waitDomain: "web01-wait-domain", domainJoin: "web01-domain-join" });
    });
});

// Limits Azure enforces on the names the plan derives.

describe("GIVEN a long vmName and a long disk key WHEN the Azure disk name they make is over Azure's 80 characters", () => {
    it("THEN the disk is refused at plan time, not by Azure mid-deploy", () => {
        // "payments-api-production-westeurope-primary-01-disk-postgresql-write-ahead-log-disk" is 82 characters.
        const result = planVm("linux", "payments", args({
            vmName: "payments-api-production-westeurope-primary-01",
            dataDisks: [{ name: "postgresql-write-ahead-log-disk", lun: 0, sizeGb: 128 }],
        }), {});
        expect(result).toStrictEqual({ ok: false, problems: [{
            path: "dataDisks[0].name",
            message: `makes the disk name "payments-api-production-westeurope-primary-01-disk-postgresql-write-ahead-log-disk", 82 characters; Azure allows at most 80 (shorten the disk name or vmName).`,
        }] });
    });
});

describe("GIVEN two data disk keys that differ only in case WHEN the VM is planned", () => {
    it("THEN the second is refused, because Azure disk names compare without case and both would be the same disk", () => {
        const result = planVm("linux", "web01", args({ dataDisks: [{ name: "data", lun: 0, sizeGb: 128 }, { name: "Data", lun: 1, sizeGb: 128 }] }), {});
        expect(result).toStrictEqual({ ok: false, problems: [{
            path: "dataDisks[1].name",
            message: `"Data" is already used by dataDisks[0].name as "data"; Azure names ignore case, so each data disk name must be unique.`,
        }] });
    });
});

describe("GIVEN a vmName that starts with something other than a letter or digit WHEN the computer name is set separately", () => {
    it.each(["_web01", ".web01", "-web01"])("THEN vmName %s is refused (Azure VM, NIC and disk names must start with a letter or digit)", (vmName) => {
        expect(planVm("linux", "web01", args({ vmName, computerName: "web01" }), {})).toStrictEqual({ ok: false, problems: [{
            path: "vmName",
            message: `"${vmName}" may hold only letters, digits, "_", "." and "-", must start with a letter or digit, and cannot end with "." or "-" (set vmName).`,
        }] });
    });
});
