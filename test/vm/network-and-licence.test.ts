/**
 * Accelerated networking and Azure Hybrid Benefit as the components register them, under the SDK's runtime mocks with
 * the recorder: the NIC's `enableAcceleratedNetworking` and its `ignoreChanges`, the VM's and the scale set's
 * `licenseType`, through LinuxVm, WindowsVm, SqlServerVm and WindowsScaleSet; a refused value registers nothing.
 * Not proved here: what the engine does with a deployed NIC (test/tools/changes.test.ts predicts it), or that Azure
 * accepts these inputs (no Azure).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidArgumentsError, LinuxVm, SqlServerVm, WindowsScaleSet, WindowsVm } from "../../components";
import { named, settled } from "../support/components";
import { ED25519_KEY, SUBNET_ID } from "../support/fixtures";
import { allRegistered, installRecorder, valueOf, type Recorder } from "../../tools/recorder/recorder";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID };
const NIC = "azure-native:network:NetworkInterface";
const VM = "azure-native:compute:VirtualMachine";

/** The NIC's inputs that do not depend on the scenario. */
function nicInputs(name: string, acceleratedNetworking: boolean): Record<string, unknown> {
    return {
        resourceGroupName: "rg",
        location: "westeurope",
        networkInterfaceName: `${name}-nic`,
        ipConfigurations: [{ name: "ipconfig1", primary: true, privateIPAllocationMethod: "Dynamic", subnet: { id: SUBNET_ID } }],
        enableIPForwarding: false,
        enableAcceleratedNetworking: acceleratedNetworking,
    };
}

describe("GIVEN a Windows VM on a size that supports accelerated networking, with Windows Server's Hybrid Benefit", () => {
    beforeAll(async () => {
        await settled(new WindowsVm("ahb01", { ...base, size: "Standard_D4as_v5", licenseType: "Windows_Server" }));
    });

    it("THEN its NIC has accelerated networking, and ignores that setting once the NIC exists", () => {
        const nic = recorder.get(NIC, "ahb01-nic");
        expect([nic.inputs, nic.options.ignoreChanges]).toStrictEqual([nicInputs("ahb01", true), ["enableAcceleratedNetworking"]]);
    });

    it("THEN the VM carries the licence type, which is no replacement path", () => {
        const vm = recorder.get(VM, "ahb01-vm");
        expect([vm.inputs["licenseType"], vm.options.replaceOnChanges.filter((p) => p.startsWith("license"))]).toStrictEqual(["Windows_Server", []]);
    });
});

describe("GIVEN a Linux VM that turns accelerated networking off and sets no licence type", () => {
    beforeAll(async () => {
        await settled(new LinuxVm("plain01", { ...base, size: "Standard_D4as_v5", sshPublicKeys: [ED25519_KEY], acceleratedNetworking: false }));
    });

    it("THEN its NIC sends false and ignores nothing: a change of the setting reaches the NIC", () => {
        const nic = recorder.get(NIC, "plain01-nic");
        expect([nic.inputs, nic.options.ignoreChanges]).toStrictEqual([nicInputs("plain01", false), []]);
    });

    it("THEN the VM sends no licence type", () => {
        expect(Object.keys(recorder.get(VM, "plain01-vm").inputs)).not.toContain("licenseType");
    });
});

describe("GIVEN a Linux VM on a size without accelerated networking, by default", () => {
    it("THEN its NIC sends false and ignores nothing: a VM resized to this size gets it turned off, which the resize needs", async () => {
        await settled(new LinuxVm("small01", { ...base, size: "Standard_B2s", sshPublicKeys: [ED25519_KEY] }));
        const nic = recorder.get(NIC, "small01-nic");
        expect([nic.inputs["enableAcceleratedNetworking"], nic.options.ignoreChanges]).toStrictEqual([false, []]);
    });
});

describe("GIVEN a SQL Server VM with Windows Server's Hybrid Benefit", () => {
    it("THEN the VM it declares carries the licence type and its NIC has accelerated networking", async () => {
        const sql = new SqlServerVm("sqlahb01", {
            ...base, size: "Standard_E4ds_v5", licenseType: "Windows_Server", sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128 },
        });
        await Promise.all([valueOf(sql.urn), settled(sql.vm)]);
        expect([recorder.get(VM, "sqlahb01-vm").inputs["licenseType"], recorder.get(NIC, "sqlahb01-nic").inputs["enableAcceleratedNetworking"]]).toStrictEqual(["Windows_Server", true]);
    });
});

describe("GIVEN a Windows fleet with Windows Server's Hybrid Benefit", () => {
    it("THEN the scale set's instance model carries the licence type", async () => {
        const fleet = new WindowsScaleSet("ahbfleet", { ...base, size: "Standard_D4s_v5", instanceCount: 2, licenseType: "Windows_Server" });
        await Promise.all([valueOf(fleet.scaleSetId), valueOf(fleet.urn)]);
        await allRegistered();
        const profile = recorder.get("azure-native:compute:VirtualMachineScaleSet", "ahbfleet-vmss").inputs["virtualMachineProfile"] as Record<string, unknown>;
        expect(profile["licenseType"]).toBe("Windows_Server");
    });
});

describe("GIVEN VMs whose accelerated networking or licence type Azure would refuse", () => {
    it("THEN each constructor throws the problem, naming the component, and registers nothing", () => {
        const before = recorder.registrations.length;
        const linux = () => new LinuxVm("refused01", { ...base, size: "Standard_B2s", sshPublicKeys: [ED25519_KEY], acceleratedNetworking: true, licenseType: "Windows_Server" });
        const windows = () => new WindowsVm("refused02", { ...base, size: "Standard_D2s_v5", licenseType: "RHEL_BYOS" });
        expect(linux).toThrow(InvalidArgumentsError);
        expect(linux).toThrow([
            `LinuxVm "refused01": acceleratedNetworking is true, but Standard_B2s does not support accelerated networking, and Azure refuses a VM of that size on a NIC that has it (choose a size that supports it, such as Standard_D2s_v5, or remove acceleratedNetworking).`,
            `LinuxVm "refused01": licenseType "Windows_Server" is a licence for Windows, and this machine runs Linux; use "RHEL_BYOS", "SLES_BYOS" or "None".`,
        ].join("\n"));
        expect(windows).toThrow(`WindowsVm "refused02": licenseType "RHEL_BYOS" is a licence for Linux, and this machine runs Windows; use "Windows_Server", "Windows_Client" or "None".`);
        expect([named(recorder, "refused01"), named(recorder, "refused02"), recorder.registrations.length]).toStrictEqual([[], [], before]);
    });
});
