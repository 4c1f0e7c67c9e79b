/**
 * LinuxScaleSet and WindowsScaleSet under the SDK's runtime mocks, with the recorder capturing every registration, and
 * their pure plan as table tests.
 * Not proved here: that Azure accepts these inputs (no Azure), how many instances Azure creates, what it names them and
 * their disks, or what happens to a detached disk after scale-in; the recorder returns the scale set's inputs as its
 * state, with a placeholder ARM id and principal id.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { GENERATED_PASSWORD, InvalidArgumentsError, LinuxScaleSet, type LinuxScaleSetArgs, type ScaleSetArgs, WindowsScaleSet } from "../../components";
import { checkComputerNamePrefix, checkInstanceCount, planScaleSet, type ScaleSetPlan } from "../../components/internal";
import { childrenOf, named } from "../support/components";
import { ED25519_KEY, NSG_ID, SUBNET_ID } from "../support/fixtures";
import { allRegistered, installRecorder, valueOf, type Recorder } from "../../tools/recorder/recorder";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D4s_v5", instanceCount: 3 };
const VMSS = "azure-native:compute:VirtualMachineScaleSet";
const POOL_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/loadBalancers/lb/backendAddressPools/web";
const ASG_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/net-asg-linux";
const TRUSTED_LAUNCH = { securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } };

/** Waits until the fleet and every child are registered. */
async function settledFleet(fleet: LinuxScaleSet | WindowsScaleSet): Promise<void> {
    await Promise.all([valueOf(fleet.scaleSetId), valueOf(fleet.principalId), valueOf(fleet.urn)]);
    await allRegistered();
}

function planOf(os: "linux" | "windows", name: string, args: ScaleSetArgs, credentials = {}): ScaleSetPlan {
    const result = planScaleSet(os, name, args, credentials);
    if (!result.ok) {
        throw new Error(result.problems.map((p) => `${p.path} ${p.message}`).join("\n"));
    }
    return result.plan;
}

describe("GIVEN a Linux fleet of 3 with an SSH key, an NSG, an application security group, a load balancer pool, two data disks and a health probe", () => {
    let fleet: LinuxScaleSet;
    beforeAll(async () => {
        fleet = new LinuxScaleSet("web", {
            ...base,
            networkSecurityGroupId: NSG_ID,
            applicationSecurityGroupIds: [ASG_ID],
            loadBalancerBackendAddressPoolIds: [POOL_ID],
            sshPublicKeys: [ED25519_KEY],
            dataDisks: [
                { name: "cache", lun: 0, sizeGb: 64 },
                { name: "scratch", lun: 1, sizeGb: 32, sku: "StandardSSD_LRS", caching: "None", deleteOption: "Delete" },
            ],
            healthProbe: { protocol: "http", port: 8080, requestPath: "/healthz" },
            tags: { env: "test" },
        });
        await settledFleet(fleet);
    });

    it("THEN it registers exactly one scale set, parented to the component, with no resource options", () => {
        const component = recorder.get("azure-persistent-vm:index:LinuxScaleSet", "web");
        expect(childrenOf(recorder, component.urn)).toEqual([`${VMSS}::web-vmss`]);
        const { aliases, ...options } = recorder.get(VMSS, "web-vmss").options;
        expect(options).toEqual({
            protect: false, retainOnDelete: false, deleteBeforeReplace: false, ignoreChanges: [], replaceOnChanges: [], dependencies: [], import: null,
            replaceWith: [], replacementTrigger: undefined, deletedWith: null,
        });
        // The only aliases are azure-native's own, from the type's earlier API versions.
        expect(aliases.filter((a) => !("type" in a) || a.type?.startsWith("azure-native:compute/v") !== true)).toEqual([]);
    });

    it("THEN the scale set is Flexible, spread over zones 1-3 with one fault domain, and its profile is exactly the secure, durable one", () => {
        const scaleSet = recorder.get(VMSS, "web-vmss");
        expect(scaleSet.secretPaths).toEqual([]);
        expect(scaleSet.inputs).toEqual({
            resourceGroupName: "rg",
            location: "westeurope",
            tags: { env: "test" },
            vmScaleSetName: "web",
            orchestrationMode: "Flexible",
            platformFaultDomainCount: 1,
            sku: { name: "Standard_D4s_v5", capacity: 3 },
            zones: ["1", "2", "3"],
            upgradePolicy: { mode: "Manual" },
            identity: { type: "SystemAssigned" },
            virtualMachineProfile: {
                osProfile: {
                    computerNamePrefix: "web",
                    adminUsername: "azureuser",
                    allowExtensionOperations: true,
                    linuxConfiguration: {
                        disablePasswordAuthentication: true,
                        provisionVMAgent: true,
                        ssh: { publicKeys: [{ path: "/home/azureuser/.ssh/authorized_keys", keyData: ED25519_KEY }] },
                        patchSettings: { patchMode: "AutomaticByPlatform", assessmentMode: "AutomaticByPlatform" },
                    },
                },
                securityProfile: TRUSTED_LAUNCH,
                diagnosticsProfile: { bootDiagnostics: { enabled: true } },
                storageProfile: {
                    imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
                    osDisk: { createOption: "FromImage", caching: "ReadWrite", deleteOption: "Delete", managedDisk: { storageAccountType: "Premium_LRS" } },
                    dataDisks: [
                        { lun: 0, createOption: "Empty", diskSizeGB: 64, caching: "ReadOnly", deleteOption: "Detach", managedDisk: { storageAccountType: "Premium_LRS" } },
                        { lun: 1, createOption: "Empty", diskSizeGB: 32, caching: "None", deleteOption: "Delete", managedDisk: { storageAccountType: "StandardSSD_LRS" } },
                    ],
                },
                networkProfile: {
                    networkApiVersion: "2020-11-01",
                    networkInterfaceConfigurations: [{
                        name: "nic",
                        primary: true,
                        enableIPForwarding: false,
                        deleteOption: "Delete",
                        networkSecurityGroup: { id: NSG_ID },
                        ipConfigurations: [{
                            name: "ipconfig1", primary: true, subnet: { id: SUBNET_ID }, applicationSecurityGroups: [{ id: ASG_ID }], loadBalancerBackendAddressPools: [{ id: POOL_ID }],
                        }],
                    }],
                },
                extensionProfile: {
                    extensions: [{
                        name: "HealthExtension",
                        publisher: "Microsoft.ManagedServices",
                        type: "ApplicationHealthLinux",
                        typeHandlerVersion: "1.0",
                        autoUpgradeMinorVersion: true,
                        settings: { protocol: "http", port: 8080, requestPath: "/healthz" },
                    }],
                },
            },
        });
    });

    it("THEN its outputs are the scale set's ARM id, name and identity, and no generated key", async () => {
        expect(await valueOf(fleet.scaleSetId)).toBe("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web");
        expect(recorder.get(VMSS, "web-vmss").id).toBe(await valueOf(fleet.scaleSetId));
        expect(await valueOf(fleet.scaleSetName)).toBe("web");
        expect(await valueOf(fleet.principalId)).toBe("principal-id-of-web");
        expect(fleet.generatedPrivateKey).toBeUndefined();
    });
});

describe("GIVEN a Linux fleet with only the required arguments", () => {
    let fleet: LinuxScaleSet;
    beforeAll(async () => {
        fleet = new LinuxScaleSet("api", { ...base, instanceCount: 2 });
        await settledFleet(fleet);
    });

    it("THEN it generates one ED25519 key as a child, authorizes its public half and exports the private half as a secret", async () => {
        const component = recorder.get("azure-persistent-vm:index:LinuxScaleSet", "api");
        expect(childrenOf(recorder, component.urn)).toEqual([`${VMSS}::api-vmss`, "tls:index/privateKey:PrivateKey::api-ssh-key"]);
        expect(recorder.get("tls:index/privateKey:PrivateKey", "api-ssh-key").inputs).toEqual({ algorithm: "ED25519" });
        const profile = recorder.get(VMSS, "api-vmss").inputs["virtualMachineProfile"] as { osProfile: { linuxConfiguration: { ssh: unknown } } };
        expect(profile.osProfile.linuxConfiguration.ssh).toEqual({
            publicKeys: [{ path: "/home/azureuser/.ssh/authorized_keys", keyData: "ssh-ed25519 placeholder-public-key-of-api-ssh-key" }],
        });
        const key = fleet.generatedPrivateKey;
        expect(key).toBeDefined();
        if (key !== undefined) {
            expect(await pulumi.isSecret(key)).toBe(true);
            expect(await valueOf(key)).toBe("placeholder-private-key-of-api-ssh-key");
        }
    });

    it("THEN the defaults hold: zones 1-3, Manual upgrades, the name as prefix, image patching without a health probe, no extensions", () => {
        const inputs = recorder.get(VMSS, "api-vmss").inputs;
        const profile = inputs["virtualMachineProfile"] as {
            osProfile: { computerNamePrefix: string; linuxConfiguration: { patchSettings: unknown } };
            storageProfile: { osDisk: unknown; dataDisks: unknown };
            extensionProfile?: unknown;
        };
        expect(inputs["zones"]).toEqual(["1", "2", "3"]);
        expect(inputs["upgradePolicy"]).toEqual({ mode: "Manual" });
        expect(inputs["sku"]).toEqual({ name: "Standard_D4s_v5", capacity: 2 });
        expect(profile.osProfile.computerNamePrefix).toBe("api");
        expect(profile.osProfile.linuxConfiguration.patchSettings).toEqual({ patchMode: "ImageDefault", assessmentMode: "ImageDefault" });
        expect(profile.storageProfile.osDisk).toEqual({ createOption: "FromImage", caching: "ReadWrite", deleteOption: "Delete", managedDisk: { storageAccountType: "Premium_LRS" } });
        expect(profile.storageProfile.dataDisks).toEqual([]);
        expect(profile.extensionProfile).toBeUndefined();
    });
});

describe("GIVEN a Windows fleet without a password", () => {
    let fleet: WindowsScaleSet;
    beforeAll(async () => {
        fleet = new WindowsScaleSet("app", { ...base, healthProbe: { protocol: "tcp", port: 443 }, upgradeMode: "Rolling" });
        await settledFleet(fleet);
    });

    it("THEN it generates one password meeting Azure's rules, and the scale set receives it only inside a secret profile", async () => {
        const component = recorder.get("azure-persistent-vm:index:WindowsScaleSet", "app");
        expect(childrenOf(recorder, component.urn)).toEqual([`${VMSS}::app-vmss`, "random:index/randomPassword:RandomPassword::app-admin-password"]);
        expect(recorder.get("random:index/randomPassword:RandomPassword", "app-admin-password").inputs).toEqual({ ...GENERATED_PASSWORD });
        const scaleSet = recorder.get(VMSS, "app-vmss");
        expect(scaleSet.secretPaths).toEqual(["virtualMachineProfile"]);
        expect((scaleSet.inputs["virtualMachineProfile"] as { osProfile: unknown }).osProfile).toEqual({
            computerNamePrefix: "app",
            adminUsername: "azureadmin",
            adminPassword: "placeholder-password-of-app-admin-password",
            allowExtensionOperations: true,
            windowsConfiguration: {
                provisionVMAgent: true,
                enableAutomaticUpdates: true,
                patchSettings: { patchMode: "AutomaticByPlatform", assessmentMode: "AutomaticByPlatform" },
            },
        });
        const password = fleet.generatedAdminPassword;
        expect(password).toBeDefined();
        if (password !== undefined) {
            expect(await pulumi.isSecret(password)).toBe(true);
            expect(await valueOf(password)).toBe("placeholder-password-of-app-admin-password");
        }
    });

    it("THEN it boots Windows Server 2025 with Trusted Launch, rolls upgrades and probes health over tcp", () => {
        const scaleSet = recorder.get(VMSS, "app-vmss");
        const profile = scaleSet.inputs["virtualMachineProfile"] as { storageProfile: { imageReference: unknown }; securityProfile: unknown; extensionProfile: unknown };
        expect(profile.storageProfile.imageReference).toEqual({ publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2025-datacenter-azure-edition", version: "latest" });
        expect(profile.securityProfile).toEqual(TRUSTED_LAUNCH);
        expect(scaleSet.inputs["upgradePolicy"]).toEqual({ mode: "Rolling" });
        expect(profile.extensionProfile).toEqual({
            extensions: [{
                name: "HealthExtension", publisher: "Microsoft.ManagedServices", type: "ApplicationHealthWindows", typeHandlerVersion: "1.0",
                autoUpgradeMinorVersion: true, settings: { protocol: "tcp", port: 443 },
            }],
        });
    });
});

describe("GIVEN a regional Windows fleet with a plain password, encryption at host and an Ultra disk", () => {
    it("THEN no password is generated, the password is still secret, and the scale set is regional with Ultra enabled", async () => {
        const fleet = new WindowsScaleSet("given", {
            ...base,
            location: "northcentralus",
            zones: [],
            adminPassword: "Correct-Horse-42-Battery",
            encryptionAtHost: true,
            dataDisks: [{ name: "logs", lun: 0, sizeGb: 128, sku: "UltraSSD_LRS" }],
        });
        await settledFleet(fleet);
        expect(named(recorder, "given").map((r) => r.type)).toEqual(["azure-persistent-vm:index:WindowsScaleSet", VMSS]);
        const scaleSet = recorder.get(VMSS, "given-vmss");
        expect(scaleSet.secretPaths).toEqual(["virtualMachineProfile"]);
        expect(scaleSet.inputs["zones"]).toBeUndefined();
        expect(scaleSet.inputs["additionalCapabilities"]).toEqual({ ultraSSDEnabled: true });
        const profile = scaleSet.inputs["virtualMachineProfile"] as { osProfile: { adminPassword: string; windowsConfiguration: { patchSettings: unknown } }; securityProfile: unknown; storageProfile: { dataDisks: unknown } };
        expect(profile.osProfile.adminPassword).toBe("Correct-Horse-42-Battery");
        expect(profile.osProfile.windowsConfiguration.patchSettings).toEqual({ patchMode: "AutomaticByOS", assessmentMode: "ImageDefault" });
        expect(profile.securityProfile).toEqual({ ...TRUSTED_LAUNCH, encryptionAtHost: true });
        expect(profile.storageProfile.dataDisks).toEqual([
            { lun: 0, createOption: "Empty", diskSizeGB: 128, caching: "None", deleteOption: "Detach", managedDisk: { storageAccountType: "UltraSSD_LRS" } },
        ]);
        expect(fleet.generatedAdminPassword).toBeUndefined();
    });
});

describe("GIVEN fleets of 1 and of 1000 instances", () => {
    it("THEN each registers the same resources, and only the capacity differs", async () => {
        const args: LinuxScaleSetArgs = { ...base, sshPublicKeys: [ED25519_KEY], dataDisks: [{ name: "data", lun: 0, sizeGb: 16 }] };
        const one = new LinuxScaleSet("one", { ...args, instanceCount: 1 });
        const thousand = new LinuxScaleSet("thousand", { ...args, instanceCount: 1000 });
        await Promise.all([settledFleet(one), settledFleet(thousand)]);
        const kinds = (prefix: string) => named(recorder, prefix).map((r) => `${r.type}::${r.name.slice(prefix.length)}`);
        expect(kinds("one")).toEqual(["azure-persistent-vm:index:LinuxScaleSet::", `${VMSS}::-vmss`]);
        expect(kinds("thousand")).toEqual(kinds("one"));
        expect(recorder.get(VMSS, "one-vmss").inputs["sku"]).toEqual({ name: "Standard_D4s_v5", capacity: 1 });
        expect(recorder.get(VMSS, "thousand-vmss").inputs["sku"]).toEqual({ name: "Standard_D4s_v5", capacity: 1000 });
    });
});

describe("GIVEN a fleet whose instance count is an Output", () => {
    it("THEN the plan does not read it and the capacity carries it", async () => {
        const fleet = new LinuxScaleSet("out", { ...base, sshPublicKeys: [ED25519_KEY], instanceCount: pulumi.output(7) });
        await settledFleet(fleet);
        expect(recorder.get(VMSS, "out-vmss").inputs["sku"]).toEqual({ name: "Standard_D4s_v5", capacity: 7 });
    });
});

describe("GIVEN fleets whose arguments Azure would refuse", () => {
    it("WHEN a Windows fleet's name is too long a prefix and its instance count, disks and zones are wrong THEN it throws every problem and registers nothing", () => {
        const before = recorder.registrations.length;
        const build = () => new WindowsScaleSet("application-frontend", {
            ...base,
            instanceCount: 1001,
            zones: ["1", "4", "1"],
            upgradeMode: "Rolling",
            dataDisks: [{ name: "data", lun: 0, sizeGb: 10 }, { name: "Data", lun: 0, sizeGb: 10, deleteOption: "Keep" as "Detach" }],
        });
        expect(build).toThrow(InvalidArgumentsError);
        expect(build).toThrow([
            `WindowsScaleSet "application-frontend": instanceCount 1001 is not a whole number from 0 to 1000, the instances a Flexible scale set holds (set instanceCount in that range).`,
            `WindowsScaleSet "application-frontend": computerNamePrefix "application-frontend" is 20 characters; a Windows scale set allows 1 to 9, because Azure appends 6 characters to make each instance's computer name of at most 15 (set computerNamePrefix).`,
            `WindowsScaleSet "application-frontend": dataDisks[1].deleteOption "Keep" is not a delete option; use "Delete" or "Detach".`,
            `WindowsScaleSet "application-frontend": dataDisks[1].name "Data" is already used by dataDisks[0].name as "data"; Azure names ignore case, so each data disk name must be unique.`,
            `WindowsScaleSet "application-frontend": dataDisks[1].lun 0 is already used by dataDisks[0].lun; each LUN must be unique.`,
            `WindowsScaleSet "application-frontend": zones[1] "4" is not an availability zone; use "1", "2" or "3".`,
            `WindowsScaleSet "application-frontend": zones[2] "1" is already used by zones[0]; each zone must be unique.`,
            `WindowsScaleSet "application-frontend": upgradeMode "Rolling" needs the Application Health extension on a Flexible scale set (set healthProbe, or use "Manual").`,
        ].join("\n"));
        expect(named(recorder, "application-frontend")).toEqual([]);
        expect(recorder.registrations.length).toBe(before);
    });

    it("WHEN a Linux fleet's prefix is 59 characters, its count negative and its image Windows THEN it throws every problem and registers nothing", () => {
        const before = recorder.registrations.length;
        const build = () => new LinuxScaleSet("bad", {
            ...base,
            instanceCount: -1,
            image: "windows-server-2022",
            computerNamePrefix: "p".repeat(59),
            adminUsername: "root",
        });
        expect(build).toThrow([
            `LinuxScaleSet "bad": instanceCount -1 is not a whole number from 0 to 1000, the instances a Flexible scale set holds (set instanceCount in that range).`,
            `LinuxScaleSet "bad": computerNamePrefix "${"p".repeat(59)}" is 59 characters; a Linux scale set allows 1 to 58, because Azure appends 6 characters to make each instance's computer name of at most 64 (shorten computerNamePrefix).`,
            `LinuxScaleSet "bad": adminUsername "root" is a name Azure reserves; choose another adminUsername.`,
            `LinuxScaleSet "bad": image "windows-server-2022" is a windows image; a LinuxScaleSet needs a linux image.`,
        ].join("\n"));
        expect(recorder.registrations.length).toBe(before);
    });

    it("WHEN a Linux fleet's custom data is 65536 bytes THEN it throws with the size, not the data, and registers nothing", () => {
        const before = recorder.registrations.length;
        const build = () => new LinuxScaleSet("big", { ...base, sshPublicKeys: [ED25519_KEY], customData: `#cloud-config\n${"#".repeat(65536 - 14)}` });
        expect(build).toThrow(`LinuxScaleSet "big": customData is 65536 bytes; Azure takes at most 65535 bytes of custom data (move the rest to a script the VM downloads, or compress it: cloud-init reads gzip).`);
        expect(recorder.registrations.length).toBe(before);
    });

    it("WHEN the default zones meet a region without zones, with a zone-redundant disk THEN it says to set zones: []", () => {
        const build = () => new LinuxScaleSet("nozones", { ...base, location: "northcentralus", sshPublicKeys: [ED25519_KEY], osDisk: { sku: "Premium_ZRS" } });
        expect(build).toThrow([
            `LinuxScaleSet "nozones": osDisk.sku "Premium_ZRS" needs a region with availability zones, and northcentralus has none (use the LRS SKU).`,
            `LinuxScaleSet "nozones": zones defaults to ["1","2","3"], but northcentralus has no availability zones (set zones: []).`,
        ].join("\n"));
    });
});

describe("GIVEN the fleet's pure rules", () => {
    it.each([
        [0, []],
        [1000, []],
        [1001, ["1001 is not a whole number from 0 to 1000, the instances a Flexible scale set holds (set instanceCount in that range)."]],
        [-1, ["-1 is not a whole number from 0 to 1000, the instances a Flexible scale set holds (set instanceCount in that range)."]],
        [2.5, ["2.5 is not a whole number from 0 to 1000, the instances a Flexible scale set holds (set instanceCount in that range)."]],
    ])("WHEN the instance count is %s THEN the problems are %j", (count, messages) => {
        expect(checkInstanceCount("instanceCount", count).map((p) => p.message)).toEqual(messages);
    });

    it("WHEN the instance count is an Output THEN it is not checked", () => {
        expect(checkInstanceCount("instanceCount", pulumi.output(5000))).toEqual([]);
    });

    it.each([
        ["windows", "abcdefghi", false, []],
        ["windows", "web-", false, []],
        ["windows", "abcdefghij", false, [`"abcdefghij" is 10 characters; a Windows scale set allows 1 to 9, because Azure appends 6 characters to make each instance's computer name of at most 15 (shorten computerNamePrefix).`]],
        ["windows", "12345", false, [`"12345" must hold only letters, digits and hyphens, start with a letter or digit, and not be only digits (set computerNamePrefix).`]],
        ["windows", "web.01", true, [`"web.01" must hold only letters, digits and hyphens, start with a letter or digit, and not be only digits (set computerNamePrefix).`]],
        ["linux", "a".repeat(58), false, []],
        ["linux", "web.", false, [`"web." must hold only letters, digits, hyphens and periods, start with a letter or digit, and not end with a period (set computerNamePrefix).`]],
        ["linux", "web_01", true, [`"web_01" must hold only letters, digits, hyphens and periods, start with a letter or digit, and not end with a period (set computerNamePrefix).`]],
        ["linux", "", false, [`"" is 0 characters; a Linux scale set allows 1 to 58, because Azure appends 6 characters to make each instance's computer name of at most 64 (shorten computerNamePrefix).`]],
    ] as const)("WHEN a %s prefix is %j THEN the problems are %j", (os, prefix, derived, messages) => {
        expect(checkComputerNamePrefix("computerNamePrefix", os, prefix, derived).map((p) => p.message)).toEqual(messages);
    });

    it.each([
        // image, health probe: platform patching needs both the image's support and a health probe.
        ["linux", "ubuntu-24.04", false, "ImageDefault", "ImageDefault"],
        ["linux", "ubuntu-24.04", true, "AutomaticByPlatform", "AutomaticByPlatform"],
        ["linux", "debian-12", true, "ImageDefault", "ImageDefault"],
        ["windows", "windows-server-2022", false, "AutomaticByOS", "ImageDefault"],
        ["windows", "windows-server-2022", true, "AutomaticByPlatform", "AutomaticByPlatform"],
        // Not on Microsoft's platform-patching list: a probe does not make it so.
        ["windows", "sql-server-2022-standard", true, "AutomaticByOS", "ImageDefault"],
    ] as const)("WHEN a %s fleet boots %s with a health probe %s THEN it patches %s and assesses %s", (os, image, probe, patchMode, assessmentMode) => {
        const plan = planOf(os, "fleet", { ...base, image, healthProbe: probe ? { protocol: "tcp", port: 22 } : undefined });
        expect([plan.patchMode, plan.assessmentMode]).toEqual([patchMode, assessmentMode]);
    });

    it.each([
        [{ name: "d", lun: 0, sizeGb: 100 }, "Premium_LRS", "ReadOnly", "Detach"],
        [{ name: "d", lun: 0, sizeGb: 4096 }, "Premium_LRS", "None", "Detach"],
        [{ name: "d", lun: 0, sizeGb: 100, sku: "PremiumV2_LRS" }, "PremiumV2_LRS", "None", "Detach"],
        [{ name: "d", lun: 0, sizeGb: 100, deleteOption: "Delete" }, "Premium_LRS", "ReadOnly", "Delete"],
    ] as const)("WHEN a data disk is %j THEN it is %s, cached %s and %s on instance deletion", (disk, sku, caching, deleteOption) => {
        const plan = planOf("linux", "fleet", { ...base, dataDisks: [disk] });
        expect(plan.dataDisks).toEqual([{ key: "d", lun: 0, sizeGb: disk.sizeGb, sku, caching, deleteOption }]);
    });

    it("WHEN a size without premium storage is given THEN the disks default to StandardSSD_LRS", () => {
        const plan = planOf("linux", "fleet", { ...base, size: "Standard_D4_v5", dataDisks: [{ name: "d", lun: 0, sizeGb: 8 }] });
        expect([plan.osDisk.sku, plan.dataDisks[0]?.sku]).toEqual(["StandardSSD_LRS", "StandardSSD_LRS"]);
    });

    it("WHEN only the instance count changes THEN the plan is the same", () => {
        const plans = [0, 1, 2, 10, 999, 1000].map((instanceCount) => planOf("linux", "fleet", { ...base, instanceCount }));
        for (const plan of plans) {
            expect(plan).toEqual(plans[0]);
        }
    });

    it("WHEN the location is not a plain value THEN zone placement is a warning, not a problem", () => {
        const plan = planOf("linux", "fleet", { ...base, location: pulumi.output("westeurope") });
        expect(plan.warnings).toEqual([
            { path: "location", message: "is not a plain value, so zone placement is not checked (set preflightFacts.regionHasZones)." },
        ]);
    });

    it("WHEN the location is a region the table does not know THEN it is refused, unless preflightFacts vouches for it", () => {
        const result = planScaleSet("linux", "fleet", { ...base, location: "northcentralsu" }, {});
        expect(result.ok ? [] : result.problems).toEqual([{
            path: "location",
            message: `"northcentralsu" is not an Azure region in the region table of 2026-12 (did you mean "northcentralus"?); use a region's programmatic name (az account list-locations -o table), or, for a region newer than the table or in a sovereign cloud, set preflightFacts.regionHasZones to say whether it has availability zones.`,
        }]);
        expect(planScaleSet("linux", "fleet", { ...base, location: "usgovvirginia", preflightFacts: { regionHasZones: true } }, {}).ok).toBe(true);
    });

    it("WHEN a regional fleet in a region with zones has a Premium SSD v2 disk THEN it asks for zones", () => {
        const result = planScaleSet("linux", "fleet", { ...base, zones: [], dataDisks: [{ name: "d", lun: 0, sizeGb: 64, sku: "PremiumV2_LRS" }] }, {});
        expect(result.ok ? [] : result.problems).toEqual([
            { path: "zones", message: "is empty, but PremiumV2_LRS disks are zonal in westeurope, which has zones (name the zones)." },
        ]);
    });

    it("WHEN a health probe is malformed THEN each field's problem is reported", () => {
        const result = planScaleSet("linux", "fleet", { ...base, healthProbe: { protocol: "http", port: 70000 } }, {});
        expect(result.ok ? [] : result.problems).toEqual([
            { path: "healthProbe.port", message: "70000 is not a port; use a whole number from 1 to 65535." },
            { path: "healthProbe.requestPath", message: `is required for an http probe (set the path that answers 200, e.g. "/healthz").` },
        ]);
    });
});
