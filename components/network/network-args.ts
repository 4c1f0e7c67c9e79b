/**
 * VmNetwork's arguments: the VNet and its subnet, who may reach the VMs (management sources and protocols, an Azure
 * Bastion, application ports) and the VNet's DNS servers. Structure is plain values; only values flow as
 * `pulumi.Input`.
 */
import type * as pulumi from "@pulumi/pulumi";

/** Management protocols and the ports they open. */
export const MANAGEMENT_PORTS = { ssh: "22", rdp: "3389" } as const;
export type ManagementProtocol = keyof typeof MANAGEMENT_PORTS;

/** The OS a VM runs, as the network sorts VMs into application security groups. */
export type VmOs = "linux" | "windows";

/** Which VMs each management protocol reaches: SSH the Linux VMs, RDP the Windows VMs. */
export const MANAGEMENT_OS: Readonly<Record<ManagementProtocol, VmOs>> = { ssh: "linux", rdp: "windows" };

/** How the VMs reach the internet (see VmNetworkArgs.outbound). */
export const OUTBOUND_CHOICES = ["natGateway", "none"] as const;
export type Outbound = (typeof OUTBOUND_CHOICES)[number];

/**
 * Bastion tiers offered. Developer is left out: it has no subnet and no public IP of its own, runs on a shared host
 * outside the VNet, connects to one VM at a time and exists in a few regions only (Microsoft Learn, "About Bastion
 * configuration settings", SKUs). Premium is left out until session recording or private-only Bastion is asked for.
 */
export const BASTION_SKUS = ["Basic", "Standard"] as const;
export type BastionSku = (typeof BASTION_SKUS)[number];

/** VmNetwork's `bastion`: an Azure Bastion host in the VNet, so that VMs without public IPs can be reached over SSH/RDP. */
export interface VmNetworkBastionArgs {
    /**
     * The IPv4 range of the `AzureBastionSubnet` the component creates: inside `addressSpace`, apart from
     * `subnetPrefix`, and a /26 or larger (Azure's minimum). It holds nothing but Bastion and gets no NSG: Azure
     * refuses an NSG on this subnet unless it carries Bastion's full set of control-plane and target rules, which
     * would be one more thing to keep in step with Azure.
     */
    readonly subnetPrefix: string;
    /**
     * The Bastion tier. "Basic" connects from the Azure portal (SSH to Linux, RDP to Windows) to VMs in this VNet and
     * its peers. "Standard" adds the native client (`az network bastion ssh` / `rdp` / `tunnel`; the component turns
     * it on), file transfer, IP-based connections and host scaling, at a higher hourly price. Azure upgrades Basic to
     * Standard in place but cannot downgrade: going back means deleting and recreating the Bastion.
     * @default "Basic"
     */
    readonly sku?: BastionSku;
    /**
     * Availability zones for the Bastion and its public IP, e.g. `["1", "2", "3"]` for zone redundancy. Only for
     * regions where Bastion supports zones (a preview, in some regions); Azure fixes the zones at creation, so
     * changing them later means removing `bastion` and adding it back.
     * @default none: a regional Bastion and public IP, which every region accepts
     */
    readonly zones?: readonly string[];
}

/** An application port the VMs accept: an inbound Allow rule for TCP on `port` from `sourceAddressPrefixes`. */
export interface VmNetworkInboundRuleArgs {
    /**
     * The rule's stable key: 1-60 lowercase letters, digits and hyphens. The NSG rule is named `app-<name>`; its
     * priority follows its position in the list.
     */
    readonly name: string;
    /** The TCP port, 1-65535, e.g. 1433 for SQL Server. */
    readonly port: number;
    /**
     * IPv4 addresses or CIDR ranges that may reach the port, e.g. the application subnet, written canonically (no
     * leading zeros). Sources meaning "anyone" are always refused, whether by name (`*`, `0.0.0.0/0`, `::/0`,
     * `Internet`, `Any`) or by range: all the sources of one port, together, covering a whole /8 of public addresses
     * (`0.0.0.0/1` with `128.0.0.0/1`). `allowManagementFromAnywhere` does not apply.
     */
    readonly sourceAddressPrefixes: readonly string[];
}

/** The plain arguments the plan decides from. */
export interface NetworkPlanInputs {
    /** The tags, where they are a plain object (checked against Azure's limits). */
    readonly tags?: unknown;
    readonly addressSpace: string;
    readonly subnetPrefix: string;
    readonly managementSourcePrefixes?: readonly string[];
    readonly managementProtocols?: readonly ManagementProtocol[];
    readonly allowManagementFromAnywhere?: boolean;
    readonly bastion?: VmNetworkBastionArgs;
    readonly inboundRules?: readonly VmNetworkInboundRuleArgs[];
    readonly dnsServers?: readonly string[];
    readonly outbound?: Outbound;
}

/** VmNetwork's arguments. */
export interface VmNetworkArgs extends NetworkPlanInputs {
    /** The resource group the network is created in. */
    readonly resourceGroupName: pulumi.Input<string>;
    /** The Azure region, e.g. `westeurope`. */
    readonly location: pulumi.Input<string>;
    /** The VNet's IPv4 address space, e.g. `10.42.0.0/16`. */
    readonly addressSpace: string;
    /** The subnet's IPv4 range, inside `addressSpace`, e.g. `10.42.1.0/24`. */
    readonly subnetPrefix: string;
    /**
     * IPv4 addresses or CIDR ranges that may reach the VMs over SSH/RDP, written canonically (no leading zeros).
     * Sources meaning "anyone" are refused, whether by name (`*`, `0.0.0.0/0`, `::/0`, `Internet`, `Any`) or by
     * range: the sources of SSH or RDP, with any application rule on the same port, together covering a whole /8 of
     * public addresses (`0.0.0.0/1` with `128.0.0.0/1`, or `100.0.0.0/8`).
     * @default none: no inbound management rule at all (use Azure Bastion or a VPN)
     */
    readonly managementSourcePrefixes?: readonly string[];
    /**
     * Lets `managementSourcePrefixes` hold sources meaning "anyone" (`*`, `0.0.0.0/0`, `::/0`, `Internet`, `Any`, or
     * ranges covering a whole /8 of public addresses), which are otherwise refused: SSH/RDP open to the internet is what scanners flag first. Set it only knowingly.
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
     * How the VMs reach the internet, which platform patching (Windows Update, the Linux distributions' mirrors),
     * Windows activation, package and installer downloads (SQL Server's, the Azure Monitor agent's), Key Vault and
     * Microsoft Entra ID sign-in all need. "natGateway": a Standard NAT gateway with its own static public IP on the
     * subnet, the outbound method Microsoft recommends; the VMs leave from that one known address, and nothing can
     * come in through it. "none": no outbound path; the subnet is private (`defaultOutboundAccess: false`), so VMs
     * get no implicit outbound address either: bring your own route (a firewall through a route table, a hub's NVA)
     * or accept that the VMs cannot patch or download. Switching between the two is an in-place update of the subnet
     * (Azure once took `defaultOutboundAccess` only at subnet creation; it has changed on existing subnets since the
     * private-subnet feature became generally available). Implicit "default outbound access", which Azure is
     * retiring, is not offered.
     * @default "natGateway"
     */
    readonly outbound?: Outbound;
    /**
     * Tags for the VNet, the NSG, the application security groups, the NAT gateway and the public IPs (Azure subnets take no tags).
     * @default none
     */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}
