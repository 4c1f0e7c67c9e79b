/**
 * Pure planning for VmNetwork: names, validation, the NSG's inbound rules and the optional Azure Bastion.
 */
import { InvalidArgumentsError, checkChoice, checkUnique, type Problem } from "../core/problems";
import { checkResourceName } from "../core/name-rules";
import { checkBastionSubnetSize, checkCidr, checkInboundSource, checkIpv4, checkManagementSource, contains, overlaps, parseCidr, type Cidr } from "./network-rules";

/** Management protocols and the ports they open. */
export const MANAGEMENT_PORTS = { ssh: "22", rdp: "3389" } as const;
export type ManagementProtocol = keyof typeof MANAGEMENT_PORTS;

/**
 * Bastion tiers offered. Developer is left out: it has no subnet and no public IP of its own, runs on a shared host
 * outside the VNet, connects to one VM at a time and exists in a few regions only (Microsoft Learn, "About Bastion
 * configuration settings", SKUs). Premium is left out until session recording or private-only Bastion is asked for.
 */
export const BASTION_SKUS = ["Basic", "Standard"] as const;
export type BastionSku = (typeof BASTION_SKUS)[number];

/** The subnet name Azure requires for Bastion. */
export const BASTION_SUBNET_NAME = "AzureBastionSubnet";

/** The logical availability zones a zonal Bastion and its public IP may use. */
export const BASTION_ZONES: readonly string[] = ["1", "2", "3"];

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
     * IPv4 addresses or CIDR ranges that may reach the port, e.g. the application subnet. Sources meaning "anyone"
     * (`*`, `0.0.0.0/0`, `::/0`, `Internet`, `Any`) are always refused: `allowManagementFromAnywhere` does not apply.
     */
    readonly sourceAddressPrefixes: readonly string[];
}

/** The plain arguments the plan decides from. */
export interface NetworkPlanInputs {
    readonly addressSpace: string;
    readonly subnetPrefix: string;
    readonly managementSourcePrefixes?: readonly string[];
    readonly managementProtocols?: readonly ManagementProtocol[];
    readonly allowManagementFromAnywhere?: boolean;
    readonly bastion?: VmNetworkBastionArgs;
    readonly inboundRules?: readonly VmNetworkInboundRuleArgs[];
    readonly dnsServers?: readonly string[];
}

export interface SecurityRulePlan {
    readonly name: string;
    readonly priority: number;
    /** The management protocol, or "app" for an `inboundRules` entry; every rule is TCP. */
    readonly protocol: ManagementProtocol | "app";
    readonly port: string;
    readonly sourceAddressPrefixes: readonly string[];
    readonly destinationAddressPrefix: string;
}

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
const INBOUND_RULE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;

function checkInboundRules(rules: readonly VmNetworkInboundRuleArgs[]): Problem[] {
    const problems: Problem[] = [];
    rules.forEach((rule, index) => {
        const path = `inboundRules[${index}]`;
        if (!INBOUND_RULE_NAME.test(rule.name)) {
            problems.push({
                path: `${path}.name`,
                message: `"${rule.name}" is not an inbound rule name; use 1-60 lowercase letters, digits and hyphens, starting and ending with a letter or digit, like "sql".`,
            });
        }
        if (!Number.isInteger(rule.port) || rule.port < 1 || rule.port > 65535) {
            problems.push({ path: `${path}.port`, message: `${rule.port} is not a TCP port; use a whole number from 1 to 65535.` });
        }
        if (rule.sourceAddressPrefixes.length === 0) {
            problems.push({ path: `${path}.sourceAddressPrefixes`, message: `is empty; list the addresses that may reach port ${rule.port}, like "10.42.2.0/24".` });
        }
        rule.sourceAddressPrefixes.forEach((source, i) => problems.push(...checkInboundSource(`${path}.sourceAddressPrefixes[${i}]`, source, rule.port)));
    });
    problems.push(...checkUnique(rules.map((r) => r.name), (i) => `inboundRules[${i}].name`, "inbound rule name"));
    return problems;
}

function checkBastion(bastion: VmNetworkBastionArgs, space: Cidr | undefined, args: NetworkPlanInputs): Problem[] {
    const path = "bastion.subnetPrefix";
    const problems: Problem[] = [...checkCidr(path, bastion.subnetPrefix), ...checkBastionSubnetSize(path, bastion.subnetPrefix)];
    const range = parseCidr(bastion.subnetPrefix);
    const vmSubnet = parseCidr(args.subnetPrefix);
    if (range && space && !contains(space, range)) {
        problems.push({ path, message: `"${bastion.subnetPrefix}" is not inside addressSpace "${args.addressSpace}"; choose a subnet range within it.` });
    }
    if (range && vmSubnet && overlaps(range, vmSubnet)) {
        problems.push({
            path,
            message: `"${bastion.subnetPrefix}" overlaps subnetPrefix "${args.subnetPrefix}"; Azure Bastion needs a subnet of its own (choose a range outside "${args.subnetPrefix}").`,
        });
    }
    if (bastion.sku !== undefined) {
        problems.push(...checkChoice("bastion.sku", bastion.sku, BASTION_SKUS, "Bastion SKU"));
    }
    const zones = bastion.zones ?? [];
    zones.forEach((zone, index) => problems.push(...checkChoice(`bastion.zones[${index}]`, zone, BASTION_ZONES, "zone")));
    problems.push(...checkUnique(zones, (i) => `bastion.zones[${i}]`, "zone"));
    return problems;
}

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

export function planNetwork(name: string, args: NetworkPlanInputs): { ok: true; plan: NetworkPlan } | { ok: false; problems: Problem[] } {
    const problems: Problem[] = [...checkCidr("addressSpace", args.addressSpace), ...checkCidr("subnetPrefix", args.subnetPrefix)];
    const space = parseCidr(args.addressSpace);
    const subnet = parseCidr(args.subnetPrefix);
    if (space && subnet && !contains(space, subnet)) {
        problems.push({ path: "subnetPrefix", message: `"${args.subnetPrefix}" is not inside addressSpace "${args.addressSpace}"; choose a subnet range within it.` });
    }
    (args.dnsServers ?? []).forEach((server, index) => problems.push(...checkIpv4(`dnsServers[${index}]`, server)));
    problems.push(...checkUnique(args.dnsServers ?? [], (i) => `dnsServers[${i}]`, "DNS server"));
    const sources = args.managementSourcePrefixes ?? [];
    sources.forEach((source, index) => problems.push(...checkManagementSource(`managementSourcePrefixes[${index}]`, source, args.allowManagementFromAnywhere)));
    const protocols = args.managementProtocols ?? ["ssh", "rdp"];
    protocols.forEach((protocol, index) => {
        if (!Object.hasOwn(MANAGEMENT_PORTS, protocol)) {
            problems.push({ path: `managementProtocols[${index}]`, message: `"${protocol}" is not a management protocol; use "ssh" or "rdp".` });
        }
    });
    problems.push(...checkUnique(protocols, (i) => `managementProtocols[${i}]`, "management protocol"));
    if (args.bastion !== undefined) {
        problems.push(...checkBastion(args.bastion, space, args));
    }
    const inbound = args.inboundRules ?? [];
    problems.push(...checkInboundRules(inbound));
    // The Bastion's IP and host names (`${name}-bastion-ip`, `${name}-bastion`) follow the same character rules with
    // an 80-character limit, so a name that passes the 64-character VNet check passes for them too.
    const fix = "choose a shorter or simpler component name";
    problems.push(
        ...checkResourceName("name", "virtualNetwork", `${name}-vnet`, fix),
        ...checkResourceName("name", "subnet", `${name}-subnet`, fix),
        ...checkResourceName("name", "networkSecurityGroup", `${name}-nsg`, fix),
    );
    if (problems.length > 0) {
        return { ok: false, problems };
    }
    // No sources, no rule: the NSG's default rules then refuse all inbound traffic from outside the VNet.
    const managementRules = sources.length === 0 ? [] : protocols.map((protocol, index) => ({
        name: `allow-${protocol}-from-management`,
        priority: 100 + index * 10,
        protocol,
        port: MANAGEMENT_PORTS[protocol],
        sourceAddressPrefixes: sources,
        destinationAddressPrefix: args.subnetPrefix,
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
        destinationAddressPrefix: args.subnetPrefix,
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
            addressSpace: args.addressSpace,
            subnetPrefix: args.subnetPrefix,
            securityRules: [...managementRules, ...bastionRules, ...appRules],
            ...(args.bastion === undefined ? {} : { bastion: planBastion(name, args.bastion) }),
            ...(args.dnsServers === undefined ? {} : { dnsServers: [...args.dnsServers] }),
        },
    };
}

export function requireNetworkPlan(name: string, args: NetworkPlanInputs): NetworkPlan {
    const result = planNetwork(name, args);
    if (!result.ok) {
        throw new InvalidArgumentsError("VmNetwork", name, result.problems);
    }
    return result.plan;
}
