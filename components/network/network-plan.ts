/**
 * Pure planning for VmNetwork: the network rules check the arguments first; then the names, the NSG's inbound rules
 * and the optional Azure Bastion are decided from them.
 */
import type { PlanResult } from "../core/problems";
import { checkTags } from "../core/tag-rules";
import {
    MANAGEMENT_OS, MANAGEMENT_PORTS, type BastionSku, type ManagementProtocol, type NetworkPlanInputs, type VmNetworkBastionArgs, type VmOs,
} from "./network-args";
import { checkNetwork } from "./network-rules";

/** The subnet name Azure requires for Bastion. */
export const BASTION_SUBNET_NAME = "AzureBastionSubnet";

export interface SecurityRulePlan {
    readonly name: string;
    readonly priority: number;
    /** The management protocol, or "app" for an `inboundRules` entry; every rule is TCP. */
    readonly protocol: ManagementProtocol | "app";
    readonly port: string;
    readonly sourceAddressPrefixes: readonly string[];
    /** An application rule's destination: the whole subnet. */
    readonly destinationAddressPrefix?: string;
    /**
     * A management rule's destination: the application security group of the VMs of the OS the protocol is for (SSH
     * to Linux, RDP to Windows), so that no VM listens on the other OS's management port from the management sources.
     */
    readonly destinationApplicationSecurityGroup?: VmOs;
}

/** How the subnet's VMs reach the internet: through a NAT gateway the network creates, or not at all. */
export type OutboundPlan =
    | { readonly kind: "natGateway"; readonly resourceNames: { readonly natGateway: string; readonly publicIp: string } }
    | { readonly kind: "none" };

export interface BastionPlan {
    /** Pulumi names; the public IP and the host also take them as Azure names. */
    readonly resourceNames: { readonly subnet: string; readonly publicIp: string; readonly host: string };
    /** The subnet's Azure name: always `AzureBastionSubnet`. */
    readonly subnetName: typeof BASTION_SUBNET_NAME;
    readonly subnetPrefix: string;
    readonly sku: BastionSku;
    /** Empty for a regional Bastion. */
    readonly zones: readonly string[];
    /** Native client support (`enableTunneling`): on for Standard, which is what Standard is chosen for. */
    readonly nativeClient: boolean;
}

export interface NetworkPlan {
    readonly resourceNames: { readonly vnet: string; readonly subnet: string; readonly nsg: string };
    /** The Azure names of the application security groups VMs join by OS (`applicationSecurityGroupIds` on each VM). */
    readonly applicationSecurityGroups: Readonly<Record<VmOs, string>>;
    readonly outbound: OutboundPlan;
    readonly addressSpace: string;
    readonly subnetPrefix: string;
    readonly securityRules: readonly SecurityRulePlan[];
    /** Present only when `bastion` is set. */
    readonly bastion?: BastionPlan;
    /** Present only when `dnsServers` is set. */
    readonly dnsServers?: readonly string[];
}

/** Priorities of the allow-from-Bastion rules: fixed, after the management rules (100, 110), so neither renumbers the other. */
const BASTION_RULE_PRIORITY = 200;
/** Priorities of the application rules: after the management and Bastion rules, 10 apart, in list order. */
const INBOUND_RULE_PRIORITY = 300;

function planBastion(name: string, bastion: VmNetworkBastionArgs): BastionPlan {
    const sku = bastion.sku ?? "Basic";
    return {
        resourceNames: { subnet: `${name}-bastion-subnet`, publicIp: `${name}-bastion-ip`, host: `${name}-bastion` },
        subnetName: BASTION_SUBNET_NAME,
        subnetPrefix: bastion.subnetPrefix,
        sku,
        zones: bastion.zones ?? [],
        nativeClient: sku === "Standard",
    };
}

export function planNetwork(name: string, args: NetworkPlanInputs): PlanResult<NetworkPlan> {
    const problems = [...checkNetwork(name, args), ...checkTags("tags", args.tags)];
    if (problems.length > 0) {
        return { ok: false, problems };
    }
    const sources = args.managementSourcePrefixes ?? [];
    const protocols = args.managementProtocols ?? ["ssh", "rdp"];
    const inbound = args.inboundRules ?? [];
    // No sources, no rule: the NSG's default rules then refuse all inbound traffic from outside the VNet.
    const managementRules = sources.length === 0 ? [] : protocols.map((protocol, index) => ({
        name: `allow-${protocol}-from-management`,
        priority: 100 + index * 10,
        protocol,
        port: MANAGEMENT_PORTS[protocol],
        sourceAddressPrefixes: sources,
        destinationApplicationSecurityGroup: MANAGEMENT_OS[protocol],
    }));
    // Azure's default AllowVnetInBound already admits the Bastion subnet; the explicit rule names the one source
    // that may use the management ports (Microsoft's advice in "Working with NSG access and Azure Bastion") and keeps
    // working if a deny rule is ever placed above the defaults.
    const bastionPrefix = args.bastion?.subnetPrefix;
    const bastionRules = bastionPrefix === undefined ? [] : protocols.map((protocol, index) => ({
        name: `allow-${protocol}-from-bastion`,
        priority: BASTION_RULE_PRIORITY + index * 10,
        protocol,
        port: MANAGEMENT_PORTS[protocol],
        sourceAddressPrefixes: [bastionPrefix],
        destinationApplicationSecurityGroup: MANAGEMENT_OS[protocol],
    }));
    const appRules = inbound.map((rule, index) => ({
        name: `app-${rule.name}`,
        priority: INBOUND_RULE_PRIORITY + index * 10,
        protocol: "app" as const,
        port: String(rule.port),
        sourceAddressPrefixes: rule.sourceAddressPrefixes,
        destinationAddressPrefix: args.subnetPrefix,
    }));
    return {
        ok: true,
        plan: {
            resourceNames: { vnet: `${name}-vnet`, subnet: `${name}-subnet`, nsg: `${name}-nsg` },
            applicationSecurityGroups: { linux: `${name}-asg-linux`, windows: `${name}-asg-windows` },
            outbound: (args.outbound ?? "natGateway") === "none" ? { kind: "none" }
                : { kind: "natGateway", resourceNames: { natGateway: `${name}-nat`, publicIp: `${name}-nat-ip` } },
            addressSpace: args.addressSpace,
            subnetPrefix: args.subnetPrefix,
            securityRules: [...managementRules, ...bastionRules, ...appRules],
            ...(args.bastion === undefined ? {} : { bastion: planBastion(name, args.bastion) }),
            ...(args.dnsServers === undefined ? {} : { dnsServers: [...args.dnsServers] }),
        },
    };
}
