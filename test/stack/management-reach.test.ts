/**
 * Who the stack's management rules reach, and how its VMs get out: SSH only the Linux VMs and RDP only the Windows
 * VMs (each NIC joins its OS's application security group, and each management rule targets one group), outbound
 * through a NAT gateway unless the config says `none`. The dev stack's program, run in process under the recorder.
 * Not proved here: that Azure enforces the groups as documented (no Azure), or effective routes through the gateway.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ProgramRun } from "../../tools/recorder/program";
import type { Registration } from "../../tools/recorder/recorder";
import { devRun } from "../support/programs";

function find(run: ProgramRun, type: string, name: string): Registration {
    const found = run.registrations.find((r) => r.type === type && r.name === name);
    if (found === undefined) {
        throw new Error(`${type}::${name} was not registered`);
    }
    return found;
}

/** The application security groups a VM's NIC joins, by id. */
function nicGroups(run: ProgramRun, vm: string): unknown {
    const configs = find(run, "azure-native:network:NetworkInterface", `${vm}-nic`).inputs["ipConfigurations"] as { applicationSecurityGroups?: unknown }[];
    return configs.map((c) => c.applicationSecurityGroups);
}

const NETWORK = { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24", managementSourcePrefixes: ["203.0.113.0/24"] };

describe("GIVEN the dev stack (a Linux VM web01, a Windows VM app01) with a management source", () => {
    let run: ProgramRun;
    beforeAll(async () => {
        run = await devRun({ configOverrides: { "azure-persistent-vm:network": NETWORK } });
    });

    it("THEN web01's NIC joins only the Linux group and app01's only the Windows group", () => {
        const linux = find(run, "azure-native:network:ApplicationSecurityGroup", "network-asg-linux").id;
        const windows = find(run, "azure-native:network:ApplicationSecurityGroup", "network-asg-windows").id;
        expect([nicGroups(run, "web01"), nicGroups(run, "app01")]).toStrictEqual([[[{ id: linux }]], [[{ id: windows }]]]);
    });

    it("THEN SSH reaches the Linux group and RDP the Windows group, and no management rule reaches the whole subnet", () => {
        const rules = find(run, "azure-native:network:NetworkSecurityGroup", "network-nsg").inputs["securityRules"] as Record<string, unknown>[];
        expect(rules.map((r) => [r["name"], r["destinationPortRange"], r["destinationAddressPrefix"], r["destinationApplicationSecurityGroups"]])).toStrictEqual([
            ["allow-ssh-from-management", "22", undefined, [{ id: find(run, "azure-native:network:ApplicationSecurityGroup", "network-asg-linux").id }]],
            ["allow-rdp-from-management", "3389", undefined, [{ id: find(run, "azure-native:network:ApplicationSecurityGroup", "network-asg-windows").id }]],
        ]);
    });

    it("THEN the subnet leaves through the network's NAT gateway", () => {
        const subnet = find(run, "azure-native:network:Subnet", "network-subnet");
        expect([subnet.inputs["natGateway"], subnet.inputs["defaultOutboundAccess"]]).toStrictEqual([{ id: find(run, "azure-native:network:NatGateway", "network-nat").id }, undefined]);
    });
});

describe("GIVEN the dev stack with network.outbound: none", () => {
    it("THEN the subnet is private and no NAT gateway or its IP is declared", async () => {
        const run = await devRun({ configOverrides: { "azure-persistent-vm:network": { ...NETWORK, outbound: "none" } } });
        const subnet = find(run, "azure-native:network:Subnet", "network-subnet");
        expect([subnet.inputs["defaultOutboundAccess"], subnet.inputs["natGateway"]]).toStrictEqual([false, undefined]);
        expect(run.registrations.filter((r) => r.name.startsWith("network-nat")).map((r) => r.name)).toStrictEqual([]);
    });

    it("THEN an outbound value that is not offered fails the preview with the choices", async () => {
        const run = await devRun({ configOverrides: { "azure-persistent-vm:network": { ...NETWORK, outbound: "implicit" } } });
        expect(run.exitCode).not.toBe(0);
        expect(run.logs.filter((l) => l.severity === "error").map((l) => l.message).join("\n")).toContain(`azure-persistent-vm:network.outbound: "implicit" is not an outbound choice; use "natGateway" or "none".`);
    });
});
