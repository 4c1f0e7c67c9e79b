/**
 * The contract of VmNetwork: the TypeScript `VmNetworkArgs` written out for the schema analyzer (drift.ts says how
 * they are kept equal), and the class the analyzer reads the outputs from.
 *
 * Spelled differently across languages: `applicationSecurityGroupIds`, a TypeScript object of two Outputs, which a
 * schema cannot carry, is one Output of an object (see ApplicationSecurityGroupIds).
 */
import * as pulumi from "@pulumi/pulumi";
import type {
    BastionSku as TsBastionSku, ManagementProtocol as TsManagementProtocol, Outbound as TsOutbound, VM_NETWORK_TYPE as TS_VM_NETWORK,
    VmNetwork as TsVmNetwork, VmNetworkArgs as TsVmNetworkArgs, VmNetworkBastionArgs as TsVmNetworkBastionArgs,
    VmNetworkInboundRuleArgs as TsVmNetworkInboundRuleArgs, VmOs as TsVmOs,
} from "../../components";
import { assertSame, type Equal, type Same } from "./drift";
import type { OutputsOf } from "./vm";

/** The type token: the same as the TypeScript component's own. */
export const VM_NETWORK = "azure-persistent-vm:index:VmNetwork";

export const ManagementProtocol = { ssh: "ssh", rdp: "rdp" } as const;
export type ManagementProtocol = (typeof ManagementProtocol)[keyof typeof ManagementProtocol];

export const Outbound = { natGateway: "natGateway", none: "none" } as const;
export type Outbound = (typeof Outbound)[keyof typeof Outbound];

export const BastionSku = { Basic: "Basic", Standard: "Standard" } as const;
export type BastionSku = (typeof BastionSku)[keyof typeof BastionSku];

export interface VmNetworkBastion {
    subnetPrefix: string;
    sku?: BastionSku;
    zones?: string[];
}

export interface VmNetworkInboundRule {
    name: string;
    port: number;
    sourceAddressPrefixes: string[];
}

export interface VmNetworkArgs {
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    addressSpace: string;
    subnetPrefix: string;
    managementSourcePrefixes?: string[];
    allowManagementFromAnywhere?: boolean;
    managementProtocols?: ManagementProtocol[];
    bastion?: VmNetworkBastion;
    inboundRules?: VmNetworkInboundRule[];
    dnsServers?: string[];
    outbound?: Outbound;
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * The ids of the application security groups the management rules reach, by OS: pass `[linux]` to each Linux VM and
 * `[windows]` to each Windows VM as `applicationSecurityGroupIds`. TypeScript's VmNetwork has an object of two Outputs
 * here; across languages it is one Output of this object.
 */
export interface ApplicationSecurityGroupIds {
    /** The Linux VMs' group, which the SSH management rules reach: pass it in each Linux VM's `applicationSecurityGroupIds`. */
    linux: string;
    /** The Windows VMs' group, which the RDP management rules reach: pass it in each Windows VM's `applicationSecurityGroupIds`. */
    windows: string;
}

/** A VNet with one subnet for the VMs, a network security group on it and, when asked for, a NAT gateway and a Bastion. */
export class VmNetwork extends pulumi.ComponentResource {
    public readonly vnetId!: pulumi.Output<string>;
    public readonly subnetId!: pulumi.Output<string>;
    public readonly networkSecurityGroupId!: pulumi.Output<string>;
    public readonly applicationSecurityGroupIds!: pulumi.Output<ApplicationSecurityGroupIds>;
    public readonly outboundIpAddress!: pulumi.Output<string> | undefined;
    public readonly bastionId!: pulumi.Output<string> | undefined;

    constructor(name: string, args: VmNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super(VM_NETWORK, name, {}, opts);
    }
}

assertSame<Equal<typeof VM_NETWORK, typeof TS_VM_NETWORK>>();
assertSame<Equal<ManagementProtocol, TsManagementProtocol>>();
assertSame<Equal<Outbound, TsOutbound>>();
assertSame<Equal<BastionSku, TsBastionSku>>();
assertSame<Same<VmNetworkBastion, TsVmNetworkBastionArgs>>();
assertSame<Same<VmNetworkInboundRule, TsVmNetworkInboundRuleArgs>>();
assertSame<Same<VmNetworkArgs, TsVmNetworkArgs>>();

/**
 * Outputs the contract spells differently: the substitute, and the two TypeScript declares optional (`bastionId?`),
 * which a contract field always set by Construct declares `| undefined`; each is checked on its own below.
 */
type NetworkSpelledApart = "applicationSecurityGroupIds" | "outboundIpAddress" | "bastionId";
assertSame<Same<Omit<OutputsOf<VmNetwork>, NetworkSpelledApart>, Omit<OutputsOf<TsVmNetwork>, NetworkSpelledApart>>>();
assertSame<Equal<keyof ApplicationSecurityGroupIds, TsVmOs>>();
assertSame<Same<{ [K in keyof ApplicationSecurityGroupIds]: pulumi.Output<ApplicationSecurityGroupIds[K]> }, TsVmNetwork["applicationSecurityGroupIds"]>>();
assertSame<Equal<VmNetwork["outboundIpAddress"], TsVmNetwork["outboundIpAddress"]>>();
assertSame<Equal<VmNetwork["bastionId"], TsVmNetwork["bastionId"]>>();
