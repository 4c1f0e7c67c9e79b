/**
 * VmNetwork: a VNet with one subnet and a network security group on the subnet (pass `networkSecurityGroupId` to
 * each VM to put it on the NICs too). Inbound SSH only to Linux VMs and RDP only to Windows VMs (each VM joins its
 * OS's application security group), from the listed management sources and, when asked for, from an Azure Bastion in
 * its own subnet; application ports only from their own listed sources. Outbound through a NAT gateway, or none;
 * Key Vault through the subnet's service endpoint.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { requirePlan } from "../core/problems";
import type { VmNetworkArgs } from "./network-args";
import type { VmOs } from "./network-args";
import { planNetwork, type BastionPlan, type NetworkPlan } from "./network-plan";

export const VM_NETWORK_TYPE = "azure-persistent-vm:index:VmNetwork";

/** The subnet's one service endpoint. */
export const KEY_VAULT_SERVICE_ENDPOINT = "Microsoft.KeyVault";

/** What every resource of the network takes: its resource group, region and tags. */
interface NetworkCommon {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly location: pulumi.Input<string>;
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

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
    /**
     * The application security groups the management rules reach, by OS: pass `[applicationSecurityGroupIds.linux]`
     * to each Linux VM and `[applicationSecurityGroupIds.windows]` to each Windows VM as `applicationSecurityGroupIds`.
     * A VM in neither is reached by no management rule.
     */
    public readonly applicationSecurityGroupIds: { readonly linux: pulumi.Output<string>; readonly windows: pulumi.Output<string> };
    /** The NAT gateway's public IP address, the VMs' one outbound address; undefined with `outbound: "none"`. */
    public readonly outboundIpAddress?: pulumi.Output<string>;
    /** The Bastion host's resource id; undefined without `bastion`. */
    public readonly bastionId?: pulumi.Output<string>;

    constructor(name: string, args: VmNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = requirePlan("VmNetwork", name, planNetwork(name, args));
        super(VM_NETWORK_TYPE, name, {}, opts);
        const parent = { parent: this };
        const common = { resourceGroupName: args.resourceGroupName, location: args.location, tags: args.tags };

        const groups = {
            linux: this.declareApplicationSecurityGroup(plan, "linux", common),
            windows: this.declareApplicationSecurityGroup(plan, "windows", common),
        };
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
                destinationApplicationSecurityGroups: rule.destinationApplicationSecurityGroup === undefined ? undefined
                    : [{ id: groups[rule.destinationApplicationSecurityGroup].id }],
                destinationPortRange: rule.port,
            })),
        }, parent);

        const vnet = new network.VirtualNetwork(plan.resourceNames.vnet, {
            ...common,
            virtualNetworkName: plan.resourceNames.vnet,
            addressSpace: { addressPrefixes: [plan.addressSpace] },
            dhcpOptions: plan.dnsServers !== undefined ? { dnsServers: [...plan.dnsServers] } : undefined,
        }, parent);

        const nat = plan.outbound.kind === "natGateway" ? this.declareNatGateway(plan.outbound.resourceNames, common) : undefined;
        // A separate Subnet resource, not an inline subnet, so the VNet and the subnet never fight over the list.
        // With no outbound path the subnet is private: no implicit outbound address either. With a NAT gateway the
        // setting is left unsent, as subnets made before it existed have it, so that no deployed subnet changes.
        const subnet = new network.Subnet(plan.resourceNames.subnet, {
            resourceGroupName: args.resourceGroupName,
            virtualNetworkName: vnet.name,
            subnetName: plan.resourceNames.subnet,
            addressPrefix: plan.subnetPrefix,
            networkSecurityGroup: { id: nsg.id },
            natGateway: nat === undefined ? undefined : { id: nat.gateway.id },
            defaultOutboundAccess: plan.outbound.kind === "none" ? false : undefined,
            // Key Vault over Azure's backbone, from the subnet's own addresses: what a vault whose firewall admits only
            // this subnet (a DomainController's) needs, and it works with outbound "none" too.
            serviceEndpoints: [{ service: KEY_VAULT_SERVICE_ENDPOINT }],
        }, parent);

        this.vnetId = vnet.id;
        this.subnetId = subnet.id;
        this.networkSecurityGroupId = nsg.id;
        this.applicationSecurityGroupIds = { linux: groups.linux.id, windows: groups.windows.id };
        this.outboundIpAddress = nat?.ip.ipAddress.apply((address) => address ?? "");
        this.bastionId = plan.bastion === undefined ? undefined : this.declareBastion(plan.bastion, args, vnet, subnet).id;
        this.registerOutputs({
            vnetId: this.vnetId,
            subnetId: this.subnetId,
            networkSecurityGroupId: this.networkSecurityGroupId,
            applicationSecurityGroupIds: this.applicationSecurityGroupIds,
            outboundIpAddress: this.outboundIpAddress,
            bastionId: this.bastionId,
        });
    }

    private declareApplicationSecurityGroup(plan: NetworkPlan, os: VmOs, common: NetworkCommon): network.ApplicationSecurityGroup {
        const name = plan.applicationSecurityGroups[os];
        return new network.ApplicationSecurityGroup(name, { ...common, applicationSecurityGroupName: name }, { parent: this });
    }

    /** A Standard NAT gateway and its static public IP, both regional (no zone), which every region accepts. */
    private declareNatGateway(names: { readonly natGateway: string; readonly publicIp: string }, common: NetworkCommon) {
        const ip = new network.PublicIPAddress(names.publicIp, {
            ...common,
            publicIpAddressName: names.publicIp,
            sku: { name: "Standard", tier: "Regional" },
            publicIPAllocationMethod: "Static",
            publicIPAddressVersion: "IPv4",
        }, { parent: this });
        const gateway = new network.NatGateway(names.natGateway, {
            ...common,
            natGatewayName: names.natGateway,
            sku: { name: "Standard" },
            publicIpAddresses: [{ id: ip.id }],
        }, { parent: this });
        return { gateway, ip };
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
