/**
 * The checks of azure-persistent-vm/testing, everyDiskProtected and noNsgOpens*ToAnyone: first on registrations
 * written out by hand (one problem per row, exact messages), then on what the library's components register when a
 * stack author runs them under the recorder (runFunction).
 * Not proved here: the address arithmetic itself (test/network/network-rules.test.ts and test/policy/ cover it), or
 * that Azure honours a delete option.
 */
import { describe, expect, it } from "vitest";
import * as network from "@pulumi/azure-native/network";
import { LinuxVm, VmNetwork } from "../../components";
import {
    everyDiskProtected, noNsgOpensPortToAnyone, noNsgOpensRdpToAnyone, noNsgOpensSshToAnyone, runFunction, type RecordedResource,
} from "../../testing";
import { ED25519_KEY } from "../support/fixtures";

const NO_OPTIONS = { protect: false, retainOnDelete: false, deleteBeforeReplace: false, ignoreChanges: [], replaceOnChanges: [], dependencies: [], import: null };

/** A custom resource registration as the recorder would give it. */
function resource(type: string, name: string, inputs: Record<string, unknown>, options: Partial<RecordedResource["options"]> = {}): RecordedResource {
    return {
        urn: `urn:pulumi:test::test::${type}::${name}`,
        type,
        name,
        parent: "urn:pulumi:test::test::pulumi:pulumi:Stack::test-test",
        custom: true,
        id: `placeholder-id-of-${name}`,
        inputs,
        secretPaths: [],
        propertyDependencies: {},
        options: { ...NO_OPTIONS, ...options },
    };
}

const DISK = "azure-native:compute:Disk";
const VM = "azure-native:compute:VirtualMachine";
const SCALE_SET = "azure-native:compute:VirtualMachineScaleSet";
const NSG = "azure-native:network:NetworkSecurityGroup";
const RULE = "azure-native:network:SecurityRule";

const FIX_DISK = "give it disk protection \"protect\" (the components' default: a VM's diskProtection, a data disk's protection) or, for a "
    + "disk the stack declares itself, the protect and retainOnDelete resource options.";

describe("GIVEN managed disks with each combination of protect and retainOnDelete", () => {
    const table = [
        { scenario: "both (the components' \"protect\")", options: { protect: true, retainOnDelete: true }, messages: [] },
        {
            scenario: "protect alone",
            options: { protect: true, retainOnDelete: false },
            messages: ["azure-native:compute:Disk \"d\": protect is set but retainOnDelete is not: a delete that is part of a replacement skips "
                + "protect and deletes the disk; set retainOnDelete: true as well (the components' disk protection \"protect\" sets both)."],
        },
        {
            scenario: "retainOnDelete alone (the components' \"retain\")",
            options: { protect: false, retainOnDelete: true },
            messages: ["azure-native:compute:Disk \"d\": protection \"retain\" (retainOnDelete without protect): pulumi destroy, or removing it "
                + `from the program, takes it out of the stack with no refusal; ${FIX_DISK}`],
        },
        {
            scenario: "neither (the components' \"delete\")",
            options: { protect: false, retainOnDelete: false },
            messages: ["azure-native:compute:Disk \"d\": protection \"delete\" (neither protect nor retainOnDelete): pulumi destroy, or removing "
                + `it from the program, deletes the disk and its data; ${FIX_DISK}`],
        },
    ];
    for (const row of table) {
        it(`WHEN a disk has ${row.scenario} THEN everyDiskProtected reports exactly ${row.messages.length === 0 ? "nothing" : "it"}`, () => {
            expect(everyDiskProtected([resource(DISK, "d", {}, row.options)]).map((f) => f.message)).toStrictEqual(row.messages);
        });
    }

    it("THEN a finding names the resource by URN, type and name", () => {
        expect(everyDiskProtected([resource(DISK, "d", {})])).toStrictEqual([expect.objectContaining({
            urn: "urn:pulumi:test::test::azure-native:compute:Disk::d", type: DISK, name: "d",
        })]);
    });
});

describe("GIVEN VMs and scale sets whose disks Azure deletes with them", () => {
    it("WHEN a VM's OS disk and its second data disk say deleteOption \"Delete\" THEN both are reported, by path", () => {
        const vm = resource(VM, "vm", {
            storageProfile: { osDisk: { deleteOption: "Delete" }, dataDisks: [{ lun: 0, deleteOption: "Detach" }, { lun: 1, deleteOption: "delete" }] },
        });
        expect(everyDiskProtected([vm]).map((f) => f.message)).toStrictEqual([
            "azure-native:compute:VirtualMachine \"vm\": storageProfile.osDisk.deleteOption is \"Delete\", so deleting the VM deletes its OS disk; "
                + "set it to \"Detach\" (the components do unless the disk protection is \"delete\").",
            "azure-native:compute:VirtualMachine \"vm\": storageProfile.dataDisks[1].deleteOption is \"Delete\", so deleting the VM deletes that "
                + "data disk; set it to \"Detach\".",
        ]);
    });

    it("WHEN a VM's OS disk is ephemeral THEN it is reported, whatever its delete option", () => {
        const vm = resource(VM, "vm", { storageProfile: { osDisk: { deleteOption: "Detach", diffDiskSettings: { option: "Local" } } } });
        expect(everyDiskProtected([vm]).map((f) => f.message)).toStrictEqual([
            "azure-native:compute:VirtualMachine \"vm\": storageProfile.osDisk is ephemeral (diffDiskSettings), so Azure deletes it with the VM; "
                + "use a managed OS disk with deleteOption \"Detach\".",
        ]);
    });

    it("WHEN a VM's disks leave deleteOption out THEN nothing is reported: Azure's default for a VM is \"Detach\"", () => {
        expect(everyDiskProtected([resource(VM, "vm", { storageProfile: { osDisk: {}, dataDisks: [{ lun: 0 }] } })])).toStrictEqual([]);
    });

    it("WHEN a scale set's data disks leave deleteOption out or say \"Delete\" THEN both are reported, and its OS disk is not judged", () => {
        const set = resource(SCALE_SET, "web", {
            virtualMachineProfile: { storageProfile: { osDisk: { deleteOption: "Delete" }, dataDisks: [{ lun: 0 }, { lun: 1, deleteOption: "Delete" }, { lun: 2, deleteOption: "Detach" }] } },
        });
        expect(everyDiskProtected([set]).map((f) => f.message)).toStrictEqual([
            "azure-native:compute:VirtualMachineScaleSet \"web\": virtualMachineProfile.storageProfile.dataDisks[0].deleteOption is not set, and "
                + "Azure's default for a Flexible scale set is \"Delete\", so removing an instance deletes that data disk; set it to \"Detach\" (the "
                + "components' scale sets do by default).",
            "azure-native:compute:VirtualMachineScaleSet \"web\": virtualMachineProfile.storageProfile.dataDisks[1].deleteOption is \"Delete\", so "
                + "removing an instance deletes that data disk; set it to \"Detach\" (the components' scale sets do by default).",
        ]);
    });

    it("WHEN a copied registration shows a scale set's profile only as a secret THEN it is reported as not judged, never passed", () => {
        const set = resource(SCALE_SET, "app", { virtualMachineProfile: "[secret]" });
        expect(everyDiskProtected([set]).map((f) => f.message)).toStrictEqual([
            "azure-native:compute:VirtualMachineScaleSet \"app\": virtualMachineProfile is a secret as a whole and this copy of the registration "
                + "holds no value to judge; pass the registrations as the run returned them (not copies), so its disks can be judged.",
        ]);
    });

    it("WHEN a component (not a custom resource) has a disk-like type THEN it is not judged", () => {
        expect(everyDiskProtected([{ ...resource(DISK, "d", {}), custom: false }])).toStrictEqual([]);
    });
});

const SSH_FIX = "set sourceAddressPrefixes to the addresses you manage from, or reach the VMs through Azure Bastion.";

/** An inbound Allow rule for TCP. */
function rule(name: string, port: string, sources: Record<string, unknown>): Record<string, unknown> {
    return { name, direction: "Inbound", access: "Allow", protocol: "Tcp", destinationPortRange: port, ...sources };
}

describe("GIVEN network security groups with inbound SSH and RDP rules", () => {
    it("WHEN an NSG allows SSH from 0.0.0.0/0 THEN noNsgOpensSshToAnyone reports it, naming the rule", () => {
        const nsg = resource(NSG, "nsg", { securityRules: [rule("ssh", "22", { sourceAddressPrefix: "0.0.0.0/0" })] });
        expect(noNsgOpensSshToAnyone([nsg]).map((f) => f.message)).toStrictEqual([
            `azure-native:network:NetworkSecurityGroup "nsg": port 22 (SSH) is open to anyone: the sources of securityRules[0] (ssh) cover all of IPv4; ${SSH_FIX}`,
        ]);
    });

    it("WHEN two halves of IPv4 are split between an inline rule and a SecurityRule resource THEN they are judged together", () => {
        const nsg = resource(NSG, "nsg", { networkSecurityGroupName: "nsg-web", resourceGroupName: "rg", securityRules: [rule("low", "22", { sourceAddressPrefix: "0.0.0.0/1" })] });
        const high = {
            ...resource(RULE, "high", { ...rule("high", "20-30", { sourceAddressPrefixes: ["128.0.0.0/1"] }), networkSecurityGroupName: "nsg-web", resourceGroupName: "rg", securityRuleName: "high" }),
            propertyDependencies: { networkSecurityGroupName: [nsg.urn] },
        };
        expect(noNsgOpensSshToAnyone([nsg, high]).map((f) => f.message)).toStrictEqual([
            `azure-native:network:NetworkSecurityGroup "nsg": port 22 (SSH) is open to anyone: the sources of securityRules[0] (low) and SecurityRule "high" cover all of IPv4; ${SSH_FIX}`,
        ]);
    });

    it("WHEN a SecurityRule's NSG is not in the stack THEN the rule is judged alone", () => {
        const lone = resource(RULE, "lone", { ...rule("lone", "22", { sourceAddressPrefix: "Internet" }), networkSecurityGroupName: "elsewhere", resourceGroupName: "rg" });
        expect(noNsgOpensSshToAnyone([lone]).map((f) => f.message)).toStrictEqual([
            "azure-native:network:SecurityRule \"lone\": port 22 (SSH) is open to anyone: the sources of SecurityRule \"lone\" include \"Internet\", "
                + `the service tag for every public address; ${SSH_FIX}`,
        ]);
    });

    it("WHEN the sources are a management range THEN nothing is reported for SSH or RDP", () => {
        const nsg = resource(NSG, "nsg", {
            securityRules: [rule("ssh", "22", { sourceAddressPrefixes: ["203.0.113.0/24"] }), rule("rdp", "3389", { sourceAddressPrefixes: ["198.51.100.7"] })],
        });
        expect([...noNsgOpensSshToAnyone([nsg]), ...noNsgOpensRdpToAnyone([nsg])]).toStrictEqual([]);
    });

    it("WHEN a rule opens every port to anyone THEN RDP is reported too, and a Deny rule does not narrow it", () => {
        const nsg = resource(NSG, "nsg", {
            securityRules: [
                { name: "deny-rdp", direction: "Inbound", access: "Deny", protocol: "*", destinationPortRange: "3389", sourceAddressPrefix: "*" },
                rule("all", "*", { sourceAddressPrefix: "*" }),
            ],
        });
        expect(noNsgOpensRdpToAnyone([nsg]).map((f) => f.message)).toStrictEqual([
            `azure-native:network:NetworkSecurityGroup "nsg": port 3389 (RDP) is open to anyone: the sources of securityRules[1] (all) include "*", which means any address; ${SSH_FIX}`,
        ]);
    });

    it("WHEN SSH is allowed from the VirtualNetwork service tag THEN it may be open, unless the tag is trusted", () => {
        const nsg = resource(NSG, "nsg", { securityRules: [rule("vnet", "22", { sourceAddressPrefix: "VirtualNetwork" })] });
        expect(noNsgOpensSshToAnyone([nsg]).map((f) => f.message)).toStrictEqual([
            "azure-native:network:NetworkSecurityGroup \"nsg\": port 22 (SSH) may be open to anyone: the sources of securityRules[0] (vnet) include "
                + "\"VirtualNetwork\", the service tag for the virtual network, its peerings, the networks behind its gateways and its routes' prefixes, "
                + "which the pack cannot see; list address ranges instead, or name a service tag you have reviewed in trustedServiceTags.",
        ]);
        expect(noNsgOpensSshToAnyone([nsg], { trustedServiceTags: ["VirtualNetwork"] })).toStrictEqual([]);
    });

    it("WHEN a source is a value not known offline THEN it may be open, and the message says why", () => {
        const nsg = resource(NSG, "nsg", { securityRules: [rule("later", "22", { sourceAddressPrefix: "[unknown]" })] });
        expect(noNsgOpensSshToAnyone([nsg]).map((f) => f.message)).toStrictEqual([
            "azure-native:network:NetworkSecurityGroup \"nsg\": port 22 (SSH) may be open to anyone: the sources of securityRules[0] (later) include "
                + "\"[unknown]\", which is neither an address range nor a service tag (a value not known offline counts as unsized); list address "
                + "ranges instead, or name a service tag you have reviewed in trustedServiceTags.",
        ]);
    });

    it("WHEN another port is asked for THEN noNsgOpensPortToAnyone names it by number", () => {
        const nsg = resource(NSG, "nsg", { securityRules: [rule("sql", "1433", { sourceAddressPrefix: "Internet" })] });
        expect(noNsgOpensPortToAnyone([nsg], 1433).map((f) => f.message)).toStrictEqual([
            "azure-native:network:NetworkSecurityGroup \"nsg\": port 1433 is open to anyone: the sources of securityRules[0] (sql) include \"Internet\", "
                + `the service tag for every public address; ${SSH_FIX}`,
        ]);
        expect(noNsgOpensSshToAnyone([nsg])).toStrictEqual([]);
    });
});

describe("GIVEN a stack author's function that declares a VmNetwork and a LinuxVm with the library's defaults", () => {
    it("WHEN it runs under the recorder THEN every disk is protected and SSH is open to the management range only", async () => {
        const run = await runFunction(() => {
            const net = new VmNetwork("net", {
                resourceGroupName: "rg", location: "westeurope", addressSpace: "10.0.0.0/16", subnetPrefix: "10.0.1.0/24",
                managementSourcePrefixes: ["203.0.113.0/24"], managementProtocols: ["ssh"],
            });
            new LinuxVm("web", {
                resourceGroupName: "rg", location: "westeurope", subnetId: net.subnetId, size: "Standard_D2s_v5", sshPublicKeys: [ED25519_KEY],
                applicationSecurityGroupIds: [net.applicationSecurityGroupIds.linux], dataDisks: [{ name: "data", lun: 0, sizeGb: 64 }],
            });
        });
        expect(run.registrations.filter((r) => r.type === DISK).map((r) => r.name)).toStrictEqual(["web-disk-data"]);
        expect(everyDiskProtected(run.registrations)).toStrictEqual([]);
        expect(noNsgOpensSshToAnyone(run.registrations)).toStrictEqual([]);
    });
});

describe("GIVEN a stack author's function that weakens what the library defaults to", () => {
    it("WHEN the VM's disks are \"retain\" and the network opens management to anyone THEN both checks report it", async () => {
        const run = await runFunction(() => {
            const net = new VmNetwork("net", {
                resourceGroupName: "rg", location: "westeurope", addressSpace: "10.0.0.0/16", subnetPrefix: "10.0.1.0/24",
                managementSourcePrefixes: ["0.0.0.0/0"], managementProtocols: ["ssh"], allowManagementFromAnywhere: true,
            });
            new LinuxVm("web", {
                resourceGroupName: "rg", location: "westeurope", subnetId: net.subnetId, size: "Standard_D2s_v5", sshPublicKeys: [ED25519_KEY],
                diskProtection: "retain", dataDisks: [{ name: "data", lun: 0, sizeGb: 64 }],
            });
        });
        expect(everyDiskProtected(run.registrations).map((f) => f.message)).toStrictEqual([
            "azure-native:compute:Disk \"web-disk-data\": protection \"retain\" (retainOnDelete without protect): pulumi destroy, or removing it "
                + `from the program, takes it out of the stack with no refusal; ${FIX_DISK}`,
        ]);
        expect(noNsgOpensSshToAnyone(run.registrations).map((f) => f.message)).toStrictEqual([
            "azure-native:network:NetworkSecurityGroup \"net-nsg\": port 22 (SSH) is open to anyone: the sources of securityRules[0] "
                + `(allow-ssh-from-management) cover all of IPv4; ${SSH_FIX}`,
        ]);
    });

    it("WHEN the function adds its own SecurityRule to a network's NSG THEN the rule is judged with that NSG", async () => {
        const run = await runFunction(() => {
            const nsg = new network.NetworkSecurityGroup("own-nsg", { resourceGroupName: "rg", location: "westeurope" });
            new network.SecurityRule("ssh-anywhere", {
                resourceGroupName: "rg", networkSecurityGroupName: nsg.name, securityRuleName: "ssh-anywhere", priority: 100,
                direction: "Inbound", access: "Allow", protocol: "Tcp", sourcePortRange: "*", destinationPortRange: "22",
                sourceAddressPrefix: "Internet", destinationAddressPrefix: "*",
            });
        });
        expect(noNsgOpensSshToAnyone(run.registrations).map((f) => f.message)).toStrictEqual([
            "azure-native:network:NetworkSecurityGroup \"own-nsg\": port 22 (SSH) is open to anyone: the sources of SecurityRule \"ssh-anywhere\" "
                + `include "Internet", the service tag for every public address; ${SSH_FIX}`,
        ]);
    });
});
