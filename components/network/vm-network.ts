/**
 * VmNetwork: a VNet with one subnet and a network security group on the subnet (pass `networkSecurityGroupId` to
 * each VM to put it on the NICs too). Inbound SSH/RDP only from the listed management sources and, when asked for,
 * from an Azure Bastion in its own subnet; application ports only from their own listed sources; the Bastion's is the
 * only public IP.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { requirePlan } from "../core/problems";
import type { VmNetworkArgs } from "./network-args";
import { planNetwork, type BastionPlan } from "./network-plan";

export const VM_NETWORK_TYPE = "azure-persistent-vm:index:VmNetwork";

/**
 * A VNet with one subnet for the VMs and a network security group on it: inbound SSH and RDP only from the listed
 * management sources (never from anyone) and, when asked for, from an Azure Bastion in its own subnet; application
 * ports only from their own sources.
 */
export class VmNetwork extends pulumi.ComponentResource {
    /** The VNet's resource id. */
    public readonly vnetId: pulumi.Output<string>;
    /** The subnet's resource id: pass it to each VM as `subnetId`. */
    public readonly subnetId: pulumi.Output<string>;
    /** The NSG's resource id: pass it to each VM as `networkSecurityGroupId`. */
    public readonly networkSecurityGroupId: pulumi.Output<string>;
    /** The Bastion host's resource id; undefined without `bastion`. */
    public readonly bastionId?: pulumi.Output<string>;

    constructor(name: string, args: VmNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = requirePlan("VmNetwork", name, planNetwork(name, args));
        super(VM_NETWORK_TYPE, name, {}, opts);
        const parent = { parent: this };
        const common = { resourceGroupName: args.resourceGroupName, location: args.location, tags: args.tags };

        const nsg = new network.NetworkSecurityGroup(plan.resourceNames.nsg, {
            ...common,
            networkSecurityGroupName: plan.resourceNames.nsg,
            securityRules: plan.securityRules.map((rule) => ({
                name: rule.name,
                priority: rule.priority,
                direction: "Inbound",
                access: "Allow",
                protocol: "Tcp",
                sourceAddressPrefixes: [...rule.sourceAddressPrefixes],
                sourcePortRange: "*",
                destinationAddressPrefix: rule.destinationAddressPrefix,
                destinationPortRange: rule.port,
            })),
        }, parent);

        const vnet = new network.VirtualNetwork(plan.resourceNames.vnet, {
            ...common,
            virtualNetworkName: plan.resourceNames.vnet,
            addressSpace: { addressPrefixes: [plan.addressSpace] },
            dhcpOptions: plan.dnsServers !== undefined ? { dnsServers: [...plan.dnsServers] } : undefined,
        }, parent);

        // A separate Subnet resource, not an inline subnet, so the VNet and the subnet never fight over the list.
        const subnet = new network.Subnet(plan.resourceNames.subnet, {
            resourceGroupName: args.resourceGroupName,
            virtualNetworkName: vnet.name,
            subnetName: plan.resourceNames.subnet,
            addressPrefix: plan.subnetPrefix,
            networkSecurityGroup: { id: nsg.id },
        }, parent);

        this.vnetId = vnet.id;
        this.subnetId = subnet.id;
        this.networkSecurityGroupId = nsg.id;
        this.bastionId = plan.bastion === undefined ? undefined : this.declareBastion(plan.bastion, args, vnet, subnet).id;
        this.registerOutputs({
            vnetId: this.vnetId,
            subnetId: this.subnetId,
            networkSecurityGroupId: this.networkSecurityGroupId,
            bastionId: this.bastionId,
        });
    }

    private declareBastion(plan: BastionPlan, args: VmNetworkArgs, vnet: network.VirtualNetwork, vmSubnet: network.Subnet): network.BastionHost {
        const zones = plan.zones.length === 0 ? undefined : [...plan.zones];
        // Azure writes one subnet of a VNet at a time and answers AnotherOperationInProgress to a second, so the
        // Bastion subnet waits for the VMs' subnet. No NSG: see VmNetworkBastionArgs.subnetPrefix.
        const subnet = new network.Subnet(plan.resourceNames.subnet, {
            resourceGroupName: args.resourceGroupName,
            virtualNetworkName: vnet.name,
            subnetName: plan.subnetName,
            addressPrefix: plan.subnetPrefix,
        }, { parent: this, dependsOn: [vmSubnet] });

        // Bastion accepts only a Standard, static public IP.
        const ip = new network.PublicIPAddress(plan.resourceNames.publicIp, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            tags: args.tags,
            publicIpAddressName: plan.resourceNames.publicIp,
            sku: { name: "Standard", tier: "Regional" },
            publicIPAllocationMethod: "Static",
            publicIPAddressVersion: "IPv4",
            zones,
        }, { parent: this });

        return new network.BastionHost(plan.resourceNames.host, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            tags: args.tags,
            bastionHostName: plan.resourceNames.host,
            sku: { name: plan.sku },
            enableTunneling: plan.nativeClient,
            ipConfigurations: [{ name: "bastion-ip-configuration", subnet: { id: subnet.id }, publicIPAddress: { id: ip.id } }],
            zones,
        }, { parent: this });
    }
}
