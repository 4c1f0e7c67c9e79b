/**
 * VmNetwork: a VNet with one subnet and a network security group on the subnet (pass `networkSecurityGroupId` to
 * each VM to put it on the NICs too). Inbound SSH/RDP only from the listed management sources and, when asked for,
 * from an Azure Bastion in its own subnet; application ports only from their own listed sources; the Bastion's is the
 * only public IP.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { requireNetworkPlan, type BastionPlan, type ManagementProtocol, type VmNetworkBastionArgs, type VmNetworkInboundRuleArgs } from "./network-plan";

export type { BastionSku, VmNetworkBastionArgs, VmNetworkInboundRuleArgs } from "./network-plan";

export const VM_NETWORK_TYPE = "azure-persistent-vm:index:VmNetwork";

export interface VmNetworkArgs {
    /** The resource group the network is created in. */
    readonly resourceGroupName: pulumi.Input<string>;
    /** The Azure region, e.g. `westeurope`. */
    readonly location: pulumi.Input<string>;
    /** The VNet's IPv4 address space, e.g. `10.42.0.0/16`. */
    readonly addressSpace: string;
    /** The subnet's IPv4 range, inside `addressSpace`, e.g. `10.42.1.0/24`. */
    readonly subnetPrefix: string;
    /**
     * IPv4 addresses or CIDR ranges that may reach the VMs over SSH/RDP. Sources meaning "anyone" (`*`, `0.0.0.0/0`,
     * `::/0`, `Internet`, `Any`) are refused.
     * @default none: no inbound management rule at all (use Azure Bastion or a VPN)
     */
    readonly managementSourcePrefixes?: readonly string[];
    /**
     * Lets `managementSourcePrefixes` hold a source meaning "anyone" (`*`, `0.0.0.0/0`, `::/0`, `Internet`, `Any`),
     * which is otherwise refused: SSH/RDP open to the internet is what scanners flag first. Set it only knowingly.
     * @default false
     */
    readonly allowManagementFromAnywhere?: boolean;
    /**
     * Which management protocols the sources may use: "ssh" (TCP 22) and "rdp" (TCP 3389).
     * @default ["ssh", "rdp"]
     */
    readonly managementProtocols?: readonly ManagementProtocol[];
    /**
     * An Azure Bastion for reaching the VMs without public IPs: an `AzureBastionSubnet`, a Standard static public IP
     * and the Bastion host, plus NSG rules that let the Bastion subnet reach the VMs on the `managementProtocols`.
     * @default none: no Bastion, no Bastion subnet, no public IP
     */
    readonly bastion?: VmNetworkBastionArgs;
    /**
     * Application ports the VMs accept, each an inbound Allow TCP rule on the NSG from its own sources only (e.g.
     * SQL Server's 1433 from the application subnet), at priorities 300, 310, ... after the management and Bastion
     * rules. Sources meaning "anyone" are refused, whatever `allowManagementFromAnywhere` says.
     * @default none: only the management and Bastion rules
     */
    readonly inboundRules?: readonly VmNetworkInboundRuleArgs[];
    /**
     * DNS servers for the VNet's machines, e.g. a domain controller's static private IP (`privateIpAddress` on its VM).
     * @default none: Azure-provided DNS
     */
    readonly dnsServers?: readonly string[];
    /**
     * Tags for the VNet, the NSG and the Bastion's public IP and host (Azure subnets take no tags).
     * @default none
     */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

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
        const plan = requireNetworkPlan(name, args);
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
