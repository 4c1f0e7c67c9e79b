/**
 * One bad value gets one message wherever it comes from: a VM's `zone`, a fleet's `zones`, a Bastion's `zones` and the
 * stack's config all say the same about a zone that does not exist, and the stack's config says about a disk SKU or a
 * file system what the component says. Not proved here: the other rules' wording, which their own tables fix.
 */
import { describe, expect, it } from "vitest";
import { formatProblems, planNetwork, planScaleSet, planVm } from "../../components/preflight";
import { parseStackConfig, StackConfigError, type RawStackConfig } from "../../stack/config";
import { preflightStack } from "../../stack/preflight";

const NOT_A_ZONE = `"4" is not an availability zone; use "1", "2" or "3".`;
const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIjSKAELeu4s76QroB8jeBBD784HmOhKb+0PESFRdEwe throwaway@test";
const BASE = { resourceGroupName: "rg", location: "westeurope", subnetId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/subnet", size: "Standard_D2s_v5" };
const RAW: RawStackConfig = {
    resourceGroupName: "rg",
    createResourceGroup: undefined,
    network: { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24" },
    vms: [{ name: "web01", os: "linux", size: "Standard_D2s_v5", sshPublicKeys: [KEY] }],
    backup: undefined,
    tags: undefined,
    adminPasswordVms: [],
};

/** What the stack says about a config: its schema's problems, else every component rule's over the whole config. */
function stackProblems(raw: RawStackConfig): readonly string[] {
    try {
        return preflightStack(parseStackConfig(raw), "westeurope", {});
    } catch (error) {
        if (error instanceof StackConfigError) {
            return error.problems;
        }
        throw error;
    }
}

function problemsOf(result: { ok: boolean; problems?: readonly { path: string; message: string }[] }): readonly { path: string; message: string }[] {
    return result.ok ? [] : (result.problems ?? []);
}

describe("GIVEN zone 4, which no region has", () => {
    it("THEN a LinuxVm, a LinuxScaleSet, a VmNetwork's Bastion and the stack's config give the same message", () => {
        expect(problemsOf(planVm("linux", "web01", { ...BASE, zone: "4" }, { sshPublicKeys: [KEY] }))).toEqual([{ path: "zone", message: NOT_A_ZONE }]);
        expect(problemsOf(planScaleSet("linux", "web", { ...BASE, instanceCount: 2, zones: ["1", "4"] }, { sshPublicKeys: [KEY] })))
            .toEqual([{ path: "zones[1]", message: NOT_A_ZONE }]);
        expect(problemsOf(planNetwork("network", {
            addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24", bastion: { subnetPrefix: "10.42.2.0/26", zones: ["4"] },
        }))).toEqual([{ path: "bastion.zones[0]", message: NOT_A_ZONE }]);
        expect(stackProblems({ ...RAW, vms: [{ name: "web01", os: "linux", size: "Standard_D2s_v5", sshPublicKeys: [KEY], zone: 4 }] }))
            .toEqual([`azure-persistent-vm:vms[0] ("web01").zone: ${NOT_A_ZONE}`]);
        expect(stackProblems({ ...RAW, network: { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24", bastion: { subnetPrefix: "10.42.2.0/26", zones: ["4"] } } }))
            .toEqual([`azure-persistent-vm:network.bastion.zones[0]: ${NOT_A_ZONE}`]);
    });
});

describe("GIVEN a disk SKU Azure does not have and a file system the VM's OS does not make", () => {
    const dataDisks = [{ name: "data", lun: 0, sizeGb: 64, sku: "Premium_SSD", format: true, fileSystem: "NTFS" }];

    it("THEN the stack's config gives the component's message for the SKU", () => {
        const [component] = problemsOf(planVm("linux", "web01", { ...BASE, dataDisks: [{ name: "data", lun: 0, sizeGb: 64, sku: "Premium_SSD" as "Premium_LRS" }] }, {}));
        expect(stackProblems({ ...RAW, vms: [{ name: "web01", os: "linux", size: "Standard_D2s_v5", sshPublicKeys: [KEY], dataDisks }] }))
            .toEqual([`azure-persistent-vm:vms[0] ("web01").dataDisks[0].sku: ${component?.message ?? "?"}`]);
    });

    it("THEN the file system is refused by the VM's rule, which knows the OS, with the component's message", () => {
        const [component] = problemsOf(planVm("linux", "web01", { ...BASE, dataDisks: [{ name: "data", lun: 0, sizeGb: 64, format: true, fileSystem: "NTFS" }] }, {}));
        expect(component).toEqual({ path: "dataDisks[0].fileSystem", message: `"NTFS" is not a Linux file system here; use "ext4" or "xfs".` });
        expect(stackProblems({ ...RAW, vms: [{ name: "web01", os: "linux", size: "Standard_D2s_v5", sshPublicKeys: [KEY], dataDisks: [{ ...dataDisks[0], sku: "Premium_LRS" }] }] }))
            .toEqual([`azure-persistent-vm:vms[0] ("web01").dataDisks[0].fileSystem: ${component?.message ?? "?"}`]);
    });
});

describe("GIVEN a component argument carrying a line break and a terminal escape code WHEN the component refuses it", () => {
    it("THEN the error is one line per problem, with the control characters escaped", () => {
        const result = planVm("linux", "web01", { ...BASE, adminUsername: "ops\nLinuxVm \"web01\": fine\u001b[2K" }, { sshPublicKeys: [KEY] });
        const problems = result.ok ? [] : result.problems;
        const message = formatProblems("LinuxVm", "web01", problems);
        expect(problems.map((p) => p.path)).toEqual(["adminUsername"]);
        expect(message.split("\n")).toHaveLength(1);
        expect(message).toContain(`ops\\nLinuxVm "web01": fine\\u001b[2K`);
    });
});
