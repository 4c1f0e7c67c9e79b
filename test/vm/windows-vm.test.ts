/**
 * WindowsVm under the SDK's runtime mocks: credentials, Windows settings and the image choices.
 * Not proved here: that Azure accepts these inputs, or what the generated password looks like (random runs in its
 * provider, which does not run here; the recorder returns a placeholder).
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { GENERATED_PASSWORD, InvalidArgumentsError, WindowsVm } from "../../components";
import { childrenOf, named, settled } from "../support/components";
import { SUBNET_ID } from "../support/fixtures";
import { installRecorder, valueOf, type Recorder } from "../../tools/recorder/recorder";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D2s_v5" };

describe("GIVEN a Windows VM without a password", () => {
    let vm: WindowsVm;
    beforeAll(async () => {
        vm = new WindowsVm("app01", { ...base, dataDisks: [{ name: "data", lun: 0, sizeGb: 256 }] });
        await settled(vm);
    });

    it("THEN it generates one password meeting Azure's complexity rules, as a child of the component", () => {
        const component = recorder.get("azure-persistent-vm:index:WindowsVm", "app01");
        expect(childrenOf(recorder, component.urn)).toEqual([
            "azure-native:compute:Disk::app01-disk-data",
            "azure-native:compute:VirtualMachine::app01-vm",
            "azure-native:compute:VirtualMachineExtension::app01-access",
            "azure-native:network:NetworkInterface::app01-nic",
            "random:index/randomPassword:RandomPassword::app01-admin-password",
        ]);
        expect(recorder.get("random:index/randomPassword:RandomPassword", "app01-admin-password").inputs).toEqual({ ...GENERATED_PASSWORD });
    });

    it("THEN the VM receives it only as a secret, and the component exports it as a secret", async () => {
        const machine = recorder.get("azure-native:compute:VirtualMachine", "app01-vm");
        expect(machine.secretPaths).toEqual(["osProfile"]);
        expect(machine.inputs["osProfile"]).toEqual({
            computerName: "app01",
            adminUsername: "azureadmin",
            adminPassword: "placeholder-password-of-app01-admin-password",
            allowExtensionOperations: true,
            windowsConfiguration: {
                provisionVMAgent: true,
                enableAutomaticUpdates: true,
                patchSettings: { patchMode: "AutomaticByPlatform", assessmentMode: "AutomaticByPlatform" },
            },
        });
        const password = vm.generatedAdminPassword;
        expect(password).toBeDefined();
        if (password !== undefined) {
            expect(await pulumi.isSecret(password)).toBe(true);
            expect(await valueOf(password)).toBe("placeholder-password-of-app01-admin-password");
        }
    });

    it("THEN it boots Windows Server 2025 Azure Edition with Trusted Launch", () => {
        const machine = recorder.get("azure-native:compute:VirtualMachine", "app01-vm");
        expect((machine.inputs["storageProfile"] as { imageReference: unknown }).imageReference).toEqual({
            publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2025-datacenter-azure-edition", version: "latest",
        });
        expect(machine.inputs["securityProfile"]).toEqual({ securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } });
    });
});

describe("GIVEN a Windows VM with a password given as a plain string", () => {
    it("THEN no password is generated and the VM still receives it only as a secret", async () => {
        const vm = new WindowsVm("given01", { ...base, adminUsername: "opsadmin", adminPassword: "Correct-Horse-42-Battery" });
        await settled(vm);
        expect(named(recorder, "given01").some((r) => r.type === "random:index/randomPassword:RandomPassword")).toBe(false);
        const machine = recorder.get("azure-native:compute:VirtualMachine", "given01-vm");
        expect(machine.secretPaths).toEqual(["osProfile"]);
        expect((machine.inputs["osProfile"] as { adminPassword: string }).adminPassword).toBe("Correct-Horse-42-Battery");
        expect(vm.generatedAdminPassword).toBeUndefined();
    });
});

describe("GIVEN a Windows VM from a gallery image with Standard security", () => {
    it("THEN the image is referenced by id, platform patching is left to the OS, and no security profile is sent", async () => {
        const galleryImageId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/win/versions/1.0.0";
        const vm = new WindowsVm("gal01", { ...base, galleryImageId, securityType: "Standard" });
        await settled(vm);
        const machine = recorder.get("azure-native:compute:VirtualMachine", "gal01-vm");
        expect((machine.inputs["storageProfile"] as { imageReference: unknown }).imageReference).toEqual({ id: galleryImageId });
        expect(machine.inputs["securityProfile"]).toBeUndefined();
        expect((machine.inputs["osProfile"] as { windowsConfiguration: { patchSettings: unknown } }).windowsConfiguration.patchSettings)
            .toEqual({ patchMode: "AutomaticByOS", assessmentMode: "ImageDefault" });
    });
});

describe("GIVEN a Windows VM whose name is too long for a computer name", () => {
    it("THEN it fails before registering anything, saying how to fix it", () => {
        expect(() => new WindowsVm("application-server", base)).toThrow(new InvalidArgumentsError("WindowsVm", "application-server", [
            { path: "computerName", message: `"application-server" is 18 characters; Windows allows at most 15 (set computerName).` },
        ]));
        expect(named(recorder, "application-server")).toEqual([]);
    });

    it("WHEN computerName is set THEN the VM keeps its long Azure name", async () => {
        const vm = new WindowsVm("application-server", { ...base, computerName: "appsrv01" });
        await settled(vm);
        const machine = recorder.get("azure-native:compute:VirtualMachine", "application-server-vm");
        expect(machine.inputs["vmName"]).toBe("application-server");
        expect((machine.inputs["osProfile"] as { computerName: string }).computerName).toBe("appsrv01");
    });
});
