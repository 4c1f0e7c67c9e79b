/**
 * VmNetwork under the SDK's runtime mocks. Not proved here: that Azure accepts the rules, or effective routing; that
 * Azure accepts the Bastion's subnet, IP and host together; that dependsOn really serialises the subnet writes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidArgumentsError, VmNetwork } from "../../components";
import { childrenOf, named } from "../support/components";
import { ANYONE } from "../support/fixtures";
import { allRegistered, installRecorder, valueOf, type Recorder } from "../../tools/recorder/recorder";

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

    it("THEN it registers a VNet, a separate subnet, an NSG, an application security group per OS and a NAT gateway with its IP, parented to the component", () => {
        const component = recorder.get("azure-persistent-vm:index:VmNetwork", "corp");
        expect(childrenOf(recorder, component.urn)).toEqual([
            "azure-native:network:ApplicationSecurityGroup::corp-asg-linux",
            "azure-native:network:ApplicationSecurityGroup::corp-asg-windows",
            "azure-native:network:NatGateway::corp-nat",
            "azure-native:network:NetworkSecurityGroup::corp-nsg",
            "azure-native:network:PublicIPAddress::corp-nat-ip",
            "azure-native:network:Subnet::corp-subnet",
            "azure-native:network:VirtualNetwork::corp-vnet",
        ]);
        expect(recorder.get("azure-native:network:VirtualNetwork", "corp-vnet").inputs["subnets"]).toBeUndefined();
    });

    it("THEN the subnet carries the NSG, the NAT gateway and the Key Vault service endpoint, and the NSG allows only SSH from the prefix, to the Linux VMs' group", async () => {
        const subnet = recorder.get("azure-native:network:Subnet", "corp-subnet");
        expect(subnet.inputs["networkSecurityGroup"]).toEqual({ id: await valueOf(net.networkSecurityGroupId) });
        expect(subnet.inputs["natGateway"]).toEqual({ id: recorder.get("azure-native:network:NatGateway", "corp-nat").id });
        // Left unsent with a NAT gateway, as on subnets made before the choice existed: no deployed subnet changes.
        expect(subnet.inputs["defaultOutboundAccess"]).toBeUndefined();
        expect(subnet.inputs["serviceEndpoints"]).toEqual([{ service: "Microsoft.KeyVault" }]);
        expect(subnet.inputs["addressPrefix"]).toBe("10.42.1.0/24");
        const linux = await valueOf(net.applicationSecurityGroupIds.linux);
        expect(linux).toBe(recorder.get("azure-native:network:ApplicationSecurityGroup", "corp-asg-linux").id);
        expect(recorder.get("azure-native:network:NetworkSecurityGroup", "corp-nsg").inputs["securityRules"]).toEqual([{
            name: "allow-ssh-from-management",
            priority: 100,
            direction: "Inbound",
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefixes: ["203.0.113.0/24"],
            sourcePortRange: "*",
            destinationApplicationSecurityGroups: [{ id: linux }],
            destinationPortRange: "22",
        }]);
    });

    it("THEN the NAT gateway is Standard with one Standard, static, regional IPv4 address, exported as the outbound address", () => {
        const ip = recorder.get("azure-native:network:PublicIPAddress", "corp-nat-ip");
        expect(ip.inputs).toStrictEqual({
            resourceGroupName: "rg",
            location: "westeurope",
            publicIpAddressName: "corp-nat-ip",
            sku: { name: "Standard", tier: "Regional" },
            publicIPAllocationMethod: "Static",
            publicIPAddressVersion: "IPv4",
        });
        expect(recorder.get("azure-native:network:NatGateway", "corp-nat").inputs).toStrictEqual({
            resourceGroupName: "rg",
            location: "westeurope",
            natGatewayName: "corp-nat",
            sku: { name: "Standard" },
            publicIpAddresses: [{ id: ip.id }],
        });
        // The address itself is known only once Azure allocates it; the component exports it.
        const component = recorder.get("azure-persistent-vm:index:VmNetwork", "corp");
        expect([net.outboundIpAddress === undefined, Object.keys(recorder.outputs.get(component.urn) ?? {}).includes("outboundIpAddress")]).toStrictEqual([false, true]);
    });
});

describe("GIVEN a network with no outbound path", () => {
    it("THEN the subnet is private (defaultOutboundAccess false) and no NAT gateway or outbound address exists", async () => {
        const net = new VmNetwork("sealed", { ...base, outbound: "none" });
        await settledNetwork(net);
        await allRegistered();
        const subnet = recorder.get("azure-native:network:Subnet", "sealed-subnet");
        expect([subnet.inputs["defaultOutboundAccess"], subnet.inputs["natGateway"], net.outboundIpAddress]).toStrictEqual([false, undefined, undefined]);
        expect(named(recorder, "sealed").map((r) => r.name).sort()).toStrictEqual(["sealed", "sealed-asg-linux", "sealed-asg-windows", "sealed-nsg", "sealed-subnet", "sealed-vnet"]);
    });

    it("THEN an outbound choice that is not offered is refused before anything registers", async () => {
        await allRegistered();
        const before = recorder.registrations.length;
        expect(() => new VmNetwork("leaky", { ...base, outbound: "default" as "none" })).toThrow(new InvalidArgumentsError("VmNetwork", "leaky", [
            { path: "outbound", message: `"default" is not an outbound choice; use "natGateway" or "none".` },
        ]));
        expect(recorder.registrations.length).toBe(before);
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
            { path: "managementSourcePrefixes[0]", message: ANYONE("0.0.0.0/0") },
        ]));
        expect(named(recorder, "open")).toEqual([]);
    });
});

describe("GIVEN a network with a Bastion and management from one prefix", () => {
    let net: VmNetwork;
    beforeAll(async () => {
        net = new VmNetwork("edge", { ...base, managementSourcePrefixes: ["203.0.113.0/24"], bastion: { subnetPrefix: "10.42.2.0/26" } });
        await settledNetwork(net);
        await allRegistered();
    });

    it("THEN it registers exactly three more children than without: the Bastion subnet, its public IP and the Bastion host", () => {
        const component = recorder.get("azure-persistent-vm:index:VmNetwork", "edge");
        expect(childrenOf(recorder, component.urn)).toEqual([
            "azure-native:network:ApplicationSecurityGroup::edge-asg-linux",
            "azure-native:network:ApplicationSecurityGroup::edge-asg-windows",
            "azure-native:network:BastionHost::edge-bastion",
            "azure-native:network:NatGateway::edge-nat",
            "azure-native:network:NetworkSecurityGroup::edge-nsg",
            "azure-native:network:PublicIPAddress::edge-bastion-ip",
            "azure-native:network:PublicIPAddress::edge-nat-ip",
            "azure-native:network:Subnet::edge-bastion-subnet",
            "azure-native:network:Subnet::edge-subnet",
            "azure-native:network:VirtualNetwork::edge-vnet",
        ]);
    });

    it("THEN the Bastion subnet is AzureBastionSubnet in the VNet, without an NSG, and waits for the VM subnet", () => {
        const bastionSubnet = recorder.get("azure-native:network:Subnet", "edge-bastion-subnet");
        expect(bastionSubnet.inputs).toStrictEqual({
            resourceGroupName: "rg",
            virtualNetworkName: "edge-vnet",
            subnetName: "AzureBastionSubnet",
            addressPrefix: "10.42.2.0/26",
            // azure-native's own defaults, sent by its Subnet constructor
            privateEndpointNetworkPolicies: "Disabled",
            privateLinkServiceNetworkPolicies: "Enabled",
        });
        const vnet = recorder.get("azure-native:network:VirtualNetwork", "edge-vnet");
        const vmSubnet = recorder.get("azure-native:network:Subnet", "edge-subnet");
        expect([...bastionSubnet.options.dependencies].sort()).toStrictEqual([vmSubnet.urn, vnet.urn].sort());
    });

    it("THEN the public IP is Standard, static, IPv4 and regional", () => {
        expect(recorder.get("azure-native:network:PublicIPAddress", "edge-bastion-ip").inputs).toStrictEqual({
            resourceGroupName: "rg",
            location: "westeurope",
            publicIpAddressName: "edge-bastion-ip",
            sku: { name: "Standard", tier: "Regional" },
            publicIPAllocationMethod: "Static",
            publicIPAddressVersion: "IPv4",
        });
    });

    it("THEN the Bastion host is Basic, without the native client, on the Bastion subnet and the public IP", async () => {
        const subnet = recorder.get("azure-native:network:Subnet", "edge-bastion-subnet");
        const ip = recorder.get("azure-native:network:PublicIPAddress", "edge-bastion-ip");
        const host = recorder.get("azure-native:network:BastionHost", "edge-bastion");
        expect(host.inputs).toStrictEqual({
            resourceGroupName: "rg",
            location: "westeurope",
            bastionHostName: "edge-bastion",
            sku: { name: "Basic" },
            enableTunneling: false,
            ipConfigurations: [{ name: "bastion-ip-configuration", subnet: { id: subnet.id }, publicIPAddress: { id: ip.id } }],
            // azure-native's own defaults, sent by its BastionHost constructor
            disableCopyPaste: false,
            enableFileCopy: false,
            enableIpConnect: false,
            enableKerberos: false,
            enablePrivateOnlyBastion: false,
            enableSessionRecording: false,
            enableShareableLink: false,
        });
        expect([subnet.id, ip.id].every((id) => id !== "")).toBe(true);
        const bastionId = net.bastionId;
        expect(bastionId && (await valueOf(bastionId))).toBe(host.id);
    });

    it("THEN the NSG lets the Bastion subnet reach the Linux VMs on SSH and the Windows VMs on RDP, after the management rules", () => {
        const linux = recorder.get("azure-native:network:ApplicationSecurityGroup", "edge-asg-linux").id;
        const windows = recorder.get("azure-native:network:ApplicationSecurityGroup", "edge-asg-windows").id;
        const rule = (name: string, priority: number, source: string, port: string, group: string): Record<string, unknown> => ({
            name, priority, direction: "Inbound", access: "Allow", protocol: "Tcp", sourceAddressPrefixes: [source], sourcePortRange: "*",
            destinationApplicationSecurityGroups: [{ id: group }], destinationPortRange: port,
        });
        expect(recorder.get("azure-native:network:NetworkSecurityGroup", "edge-nsg").inputs["securityRules"]).toEqual([
            rule("allow-ssh-from-management", 100, "203.0.113.0/24", "22", linux),
            rule("allow-rdp-from-management", 110, "203.0.113.0/24", "3389", windows),
            rule("allow-ssh-from-bastion", 200, "10.42.2.0/26", "22", linux),
            rule("allow-rdp-from-bastion", 210, "10.42.2.0/26", "3389", windows),
        ]);
    });

    it("THEN the component registers the Bastion's id among its outputs", () => {
        const component = recorder.get("azure-persistent-vm:index:VmNetwork", "edge");
        expect(recorder.outputs.get(component.urn)?.["bastionId"]).toBe(recorder.get("azure-native:network:BastionHost", "edge-bastion").id);
    });
});

describe("GIVEN a zone-redundant Standard Bastion", () => {
    it("THEN the host and its IP carry the zones, and the host turns the native client on", async () => {
        const net = new VmNetwork("zonal", { ...base, bastion: { subnetPrefix: "10.42.2.0/26", sku: "Standard", zones: ["1", "2", "3"] } });
        await settledNetwork(net);
        await allRegistered();
        const host = recorder.get("azure-native:network:BastionHost", "zonal-bastion").inputs;
        expect([host["sku"], host["enableTunneling"], host["zones"]]).toStrictEqual([{ name: "Standard" }, true, ["1", "2", "3"]]);
        expect(recorder.get("azure-native:network:PublicIPAddress", "zonal-bastion-ip").inputs["zones"]).toStrictEqual(["1", "2", "3"]);
    });
});

describe("GIVEN a network without a Bastion", () => {
    it("THEN it has no bastionId output and registers no Bastion child", async () => {
        const net = new VmNetwork("plain", base);
        await settledNetwork(net);
        await allRegistered();
        expect(net.bastionId).toBeUndefined();
        expect(named(recorder, "plain").map((r) => r.name).sort()).toStrictEqual([
            "plain", "plain-asg-linux", "plain-asg-windows", "plain-nat", "plain-nat-ip", "plain-nsg", "plain-subnet", "plain-vnet",
        ]);
    });
});

describe("GIVEN a Bastion subnet that is too small and overlaps the VM subnet", () => {
    it("THEN the constructor names both problems and registers nothing", async () => {
        await allRegistered();
        const before = recorder.registrations.length;
        expect(() => new VmNetwork("cramped", { ...base, bastion: { subnetPrefix: "10.42.1.224/27" } })).toThrow(new InvalidArgumentsError("VmNetwork", "cramped", [
            { path: "bastion.subnetPrefix", message: `"10.42.1.224/27" is a /27; Azure Bastion needs /26 or larger (set a /26).` },
            {
                path: "bastion.subnetPrefix",
                message: `"10.42.1.224/27" overlaps subnetPrefix "10.42.1.0/24"; Azure Bastion needs a subnet of its own (choose a range outside "10.42.1.0/24").`,
            },
        ]));
        await allRegistered();
        expect(recorder.registrations.length).toBe(before);
    });

    it("THEN the error message reads as the user sees it", () => {
        expect(() => new VmNetwork("cramped", { ...base, bastion: { subnetPrefix: "10.42.2.0/27" } })).toThrow(
            `VmNetwork "cramped": bastion.subnetPrefix "10.42.2.0/27" is a /27; Azure Bastion needs /26 or larger (set a /26).`,
        );
    });
});

describe("GIVEN a network that opens SQL Server's port to the application subnet", () => {
    it("THEN the NSG allows TCP 1433 from that subnet only, after the management rule", async () => {
        const net = new VmNetwork("data", { ...base, managementSourcePrefixes: ["203.0.113.0/24"], managementProtocols: ["rdp"], inboundRules: [{ name: "sql", port: 1433, sourceAddressPrefixes: ["10.42.3.0/24"] }] });
        await settledNetwork(net);
        expect(recorder.get("azure-native:network:NetworkSecurityGroup", "data-nsg").inputs["securityRules"]).toEqual([
            {
                name: "allow-rdp-from-management", priority: 100, direction: "Inbound", access: "Allow", protocol: "Tcp",
                sourceAddressPrefixes: ["203.0.113.0/24"], sourcePortRange: "*",
                destinationApplicationSecurityGroups: [{ id: recorder.get("azure-native:network:ApplicationSecurityGroup", "data-asg-windows").id }], destinationPortRange: "3389",
            },
            {
                name: "app-sql", priority: 300, direction: "Inbound", access: "Allow", protocol: "Tcp",
                sourceAddressPrefixes: ["10.42.3.0/24"], sourcePortRange: "*", destinationAddressPrefix: "10.42.1.0/24", destinationPortRange: "1433",
            },
        ]);
    });
});

describe("GIVEN application ports that are wrong: open to anyone, a duplicate name and a bad port", () => {
    it("THEN the constructor names every problem and registers nothing", async () => {
        await allRegistered();
        const before = recorder.registrations.length;
        expect(() => new VmNetwork("leaky", {
            ...base,
            allowManagementFromAnywhere: true,
            inboundRules: [
                { name: "sql", port: 1433, sourceAddressPrefixes: ["0.0.0.0/0"] },
                { name: "sql", port: 70000, sourceAddressPrefixes: ["10.42.3.0/24"] },
            ],
        })).toThrow(new InvalidArgumentsError("VmNetwork", "leaky", [
            { path: "inboundRules[0].sourceAddressPrefixes[0]", message: `"0.0.0.0/0" would open port 1433 to the whole internet; list the addresses that need it, like "10.42.2.0/24".` },
            { path: "inboundRules[1].port", message: `70000 is not a TCP port; use a whole number from 1 to 65535.` },
            { path: "inboundRules[1].name", message: `"sql" is already used by inboundRules[0].name; each inbound rule name must be unique.` },
        ]));
        await allRegistered();
        expect(recorder.registrations.length).toBe(before);
    });
});
