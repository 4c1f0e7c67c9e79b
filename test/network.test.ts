/**
 * VmNetwork under the SDK's runtime mocks. Not proved here: that Azure accepts the rules, or effective routing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidArgumentsError, VmNetwork } from "../components";
import { childrenOf, named } from "./support/components";
import { installRecorder, valueOf, type Recorder } from "../tools/recorder/recorder";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const base = { resourceGroupName: "rg", location: "westeurope", addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24" };

async function settledNetwork(net: VmNetwork): Promise<void> {
    await Promise.all([valueOf(net.subnetId), valueOf(net.vnetId), valueOf(net.networkSecurityGroupId), valueOf(net.urn)]);
}

describe("GIVEN a network with one management prefix for SSH", () => {
    let net: VmNetwork;
    beforeAll(async () => {
        net = new VmNetwork("corp", { ...base, managementSourcePrefixes: ["203.0.113.0/24"], managementProtocols: ["ssh"] });
        await settledNetwork(net);
    });

    it("THEN it registers a VNet, a separate subnet and an NSG, parented to the component", () => {
        const component = recorder.get("azure-persistent-vm:index:VmNetwork", "corp");
        expect(childrenOf(recorder, component.urn)).toEqual([
            "azure-native:network:NetworkSecurityGroup::corp-nsg",
            "azure-native:network:Subnet::corp-subnet",
            "azure-native:network:VirtualNetwork::corp-vnet",
        ]);
        expect(recorder.get("azure-native:network:VirtualNetwork", "corp-vnet").inputs["subnets"]).toBeUndefined();
    });

    it("THEN the subnet carries the NSG, and the NSG allows only SSH from the prefix", async () => {
        const subnet = recorder.get("azure-native:network:Subnet", "corp-subnet");
        expect(subnet.inputs["networkSecurityGroup"]).toEqual({ id: await valueOf(net.networkSecurityGroupId) });
        expect(subnet.inputs["addressPrefix"]).toBe("10.42.1.0/24");
        expect(recorder.get("azure-native:network:NetworkSecurityGroup", "corp-nsg").inputs["securityRules"]).toEqual([{
            name: "allow-ssh-from-management",
            priority: 100,
            direction: "Inbound",
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefixes: ["203.0.113.0/24"],
            sourcePortRange: "*",
            destinationAddressPrefix: "10.42.1.0/24",
            destinationPortRange: "22",
        }]);
    });
});

describe("GIVEN a network with no management prefixes", () => {
    it("THEN its NSG has no inbound allow rule at all", async () => {
        const net = new VmNetwork("closed", base);
        await settledNetwork(net);
        expect(recorder.get("azure-native:network:NetworkSecurityGroup", "closed-nsg").inputs["securityRules"]).toEqual([]);
    });
});

describe("GIVEN a management prefix that means anyone", () => {
    it("THEN the constructor refuses it and registers nothing", () => {
        expect(() => new VmNetwork("open", { ...base, managementSourcePrefixes: ["0.0.0.0/0"] })).toThrow(new InvalidArgumentsError("VmNetwork", "open", [
            { path: "managementSourcePrefixes[0]", message: `"0.0.0.0/0" would open SSH/RDP to the whole internet; list the addresses you manage from, like "203.0.113.0/24" (or, knowingly, set allowManagementFromAnywhere: true).` },
        ]));
        expect(named(recorder, "open")).toEqual([]);
    });
});
