/**
 * Network rules: IPv4 CIDRs, containment, overlap, management sources and the Azure Bastion subnet.
 * Sources: Microsoft Learn "Virtual network planning" (address spaces and subnets are IPv4 CIDR ranges; a subnet
 * lies inside its VNet's address space; subnets of one VNet do not overlap), "Network security groups" (service tags
 * `Internet`, `*`/`Any`) and "About Bastion configuration settings" (bastion/configuration-settings#subnet: the
 * AzureBastionSubnet must be /26 or larger for Bastion deployed since 2 November 2021).
 */
import { checkResourceName } from "../core/name-rules";
import { checkUnique, choiceRule, type Problem } from "../core/problems";
import { checkZoneList } from "../core/zone-rules";
import { canonicalSpelling, publicBlockCovered } from "./address-rules";
import { BASTION_SKUS, MANAGEMENT_PORTS, OUTBOUND_CHOICES, type NetworkPlanInputs, type VmNetworkBastionArgs, type VmNetworkInboundRuleArgs } from "./network-args";

export interface Cidr {
    /** The network address as a 32-bit unsigned integer. */
    readonly network: number;
    readonly prefixLength: number;
}

/** Parses `a.b.c.d/n`; undefined when the text is not an IPv4 CIDR or has host bits set. */
export function parseCidr(text: string): Cidr | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
    if (!match) {
        return undefined;
    }
    const octets = match.slice(1, 5).map(Number);
    const prefixLength = Number(match[5]);
    if (octets.some((o) => o > 255) || prefixLength > 32) {
        return undefined;
    }
    const address = octets.reduce((acc, o) => acc * 256 + o, 0);
    const size = 2 ** (32 - prefixLength);
    if (address % size !== 0) {
        return undefined;
    }
    return { network: address, prefixLength };
}

export function contains(outer: Cidr, inner: Cidr): boolean {
    const outerSize = 2 ** (32 - outer.prefixLength);
    return inner.prefixLength >= outer.prefixLength && inner.network >= outer.network && inner.network < outer.network + outerSize;
}

/** Parses an IPv4 address `a.b.c.d` to a 32-bit unsigned integer; undefined when it is not one. */
export function parseIpv4(text: string): number | undefined {
    return parseCidr(`${text}/32`)?.network;
}

export function checkIpv4(path: string, text: string): Problem[] {
    return parseIpv4(text) === undefined ? [{ path, message: `"${text}" is not an IPv4 address, like "10.42.1.4".` }] : [];
}

/**
 * A static private IP must be a usable address of its subnet: Azure reserves the first four addresses of every subnet
 * (network, gateway, two for DNS) and the last (broadcast) (Microsoft Learn, "Virtual network FAQ").
 */
export function checkStaticIp(path: string, text: string, subnetPrefix: string): Problem[] {
    const address = parseIpv4(text);
    const subnet = parseCidr(subnetPrefix);
    if (address === undefined || subnet === undefined) {
        return address === undefined ? checkIpv4(path, text) : [];
    }
    const size = 2 ** (32 - subnet.prefixLength);
    if (address < subnet.network || address >= subnet.network + size) {
        return [{ path, message: `"${text}" is not inside the subnet "${subnetPrefix}"; choose an address within it.` }];
    }
    if (address - subnet.network < 4 || address === subnet.network + size - 1) {
        return [{ path, message: `"${text}" is one of the five addresses Azure reserves in "${subnetPrefix}" (the first four and the last); choose another.` }];
    }
    return [];
}

/** The addresses Azure reserves in every subnet: the first four and the last (Microsoft Learn, "Virtual network FAQ"). */
export const RESERVED_SUBNET_ADDRESSES = 5;

/**
 * A subnet has room for the NICs placed in it: its addresses less the five Azure reserves. Refused at preview rather
 * than failing the deployment of the VM that finds no address.
 */
export function checkSubnetCapacity(path: string, subnetPrefix: string, nics: number): Problem[] {
    const subnet = parseCidr(subnetPrefix);
    if (subnet === undefined) {
        return [];
    }
    const size = 2 ** (32 - subnet.prefixLength);
    const usable = Math.max(0, size - RESERVED_SUBNET_ADDRESSES);
    if (nics <= usable) {
        return [];
    }
    // The longest prefix with room for every NIC.
    let prefix = subnet.prefixLength;
    while (prefix > 0 && 2 ** (32 - prefix) - RESERVED_SUBNET_ADDRESSES < nics) {
        prefix--;
    }
    return [{
        path,
        message: `"${subnetPrefix}" has ${usable} addresses for VMs (Azure reserves ${RESERVED_SUBNET_ADDRESSES} of its ${size}), and the stack places ${nics} VMs in it (choose a larger subnet, like a /${prefix}).`,
    }];
}

/** Whether two ranges share at least one address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
    const aEnd = a.network + 2 ** (32 - a.prefixLength);
    const bEnd = b.network + 2 ** (32 - b.prefixLength);
    return a.network < bEnd && b.network < aEnd;
}

/** The longest prefix Azure accepts for AzureBastionSubnet: a /26 (64 addresses) or larger. */
export const BASTION_SUBNET_MAX_PREFIX_LENGTH = 26;

/** The Bastion subnet's size; a text that is not a CIDR is left to `checkCidr`. */
export function checkBastionSubnetSize(path: string, text: string): Problem[] {
    const cidr = parseCidr(text);
    if (cidr === undefined || cidr.prefixLength <= BASTION_SUBNET_MAX_PREFIX_LENGTH) {
        return [];
    }
    return [{ path, message: `"${text}" is a /${cidr.prefixLength}; Azure Bastion needs /${BASTION_SUBNET_MAX_PREFIX_LENGTH} or larger (set a /${BASTION_SUBNET_MAX_PREFIX_LENGTH}).` }];
}

/** Sources that mean "anyone": an inbound management rule from one of them opens SSH or RDP to the internet. */
export const ANY_SOURCES: readonly string[] = ["*", "0.0.0.0/0", "::/0", "internet", "any"];

export function checkCidr(path: string, text: string): Problem[] {
    return parseCidr(text) ? [] : [{ path, message: `"${text}" is not an IPv4 CIDR range with its host bits zero, like "10.42.0.0/16".` }];
}

/**
 * A management source: a single IPv4 address or an IPv4 CIDR. A source meaning "anyone" is refused unless
 * `allowAnywhere` (the documented `allowManagementFromAnywhere` override) is set; then it passes as given.
 */
export function checkManagementSource(path: string, text: string, allowAnywhere = false): Problem[] {
    if (ANY_SOURCES.includes(text.toLowerCase())) {
        return allowAnywhere ? [] : [{
            path,
            message: `"${text}" would open SSH/RDP to the whole internet; list the addresses you manage from, like "203.0.113.0/24" (or, knowingly, set allowManagementFromAnywhere: true).`,
        }];
    }
    const canonical = canonicalSpelling(text);
    if (canonical !== undefined) {
        return [{ path, message: `"${text}" is not written the way Azure reads it; write it as "${canonical}".` }];
    }
    const single = /^\d{1,3}(\.\d{1,3}){3}$/.test(text) ? `${text}/32` : text;
    if (parseCidr(single)) {
        return [];
    }
    const hostBits = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(text) ? " with its host bits zero" : "";
    return [{ path, message: `"${text}" is not an IPv4 address or CIDR range${hostBits}, like "203.0.113.0/24".` }];
}

/**
 * A source of an application port rule (`VmNetwork`'s `inboundRules`): like a management source, but a source meaning
 * "anyone" is always refused; there is no override.
 */
export function checkInboundSource(path: string, text: string, port: number): Problem[] {
    if (ANY_SOURCES.includes(text.toLowerCase())) {
        return [{ path, message: `"${text}" would open port ${port} to the whole internet; list the addresses that need it, like "10.42.2.0/24".` }];
    }
    return checkManagementSource(path, text);
}

export const checkBastionSku = choiceRule(BASTION_SKUS, "Bastion SKU");
export const checkOutbound = choiceRule(OUTBOUND_CHOICES, "outbound choice");

/** The inbound rule key: 1-60 lowercase letters, digits and hyphens, starting and ending with a letter or digit. */
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
        problems.push(...checkBastionSku("bastion.sku", bastion.sku));
    }
    problems.push(...checkZoneList("bastion.zones", bastion.zones ?? []));
    return problems;
}

/** Every rule a VmNetwork's arguments follow, all problems at once. */
/** A source as a range: an address is its /32; undefined for anything the per-source rules refuse. */
function sourceRange(text: string): Cidr | undefined {
    return canonicalSpelling(text) !== undefined ? undefined : parseCidr(/^\d{1,3}(\.\d{1,3}){3}$/.test(text) ? `${text}/32` : text);
}

/**
 * For each port the network opens (SSH, RDP, each application port), all its sources together: a whole /8 of public
 * addresses between them is anyone on the internet, however it is spelt. A port with a source already refused as
 * "anyone" by name is left to that message.
 */
function checkOpenToAnyone(args: NetworkPlanInputs, protocols: readonly string[], inbound: readonly VmNetworkInboundRuleArgs[]): Problem[] {
    const management = args.managementSourcePrefixes ?? [];
    const managementPorts = protocols.flatMap((p) => Object.hasOwn(MANAGEMENT_PORTS, p) ? [Number(MANAGEMENT_PORTS[p as keyof typeof MANAGEMENT_PORTS])] : []);
    const ports = [...new Set([...managementPorts, ...inbound.map((r) => r.port)])];
    const problems: Problem[] = [];
    for (const port of ports) {
        const fromManagement = managementPorts.includes(port) ? management : [];
        const rules = inbound.map((r, i) => ({ rule: r, index: i })).filter(({ rule }) => rule.port === port);
        const sources = [...fromManagement, ...rules.flatMap(({ rule }) => rule.sourceAddressPrefixes)];
        if (sources.some((s) => ANY_SOURCES.includes(s.toLowerCase()))) {
            continue;
        }
        const block = publicBlockCovered(sources.flatMap((s) => sourceRange(s) ?? []));
        if (block === undefined) {
            continue;
        }
        const firstRule = rules[0];
        if (firstRule === undefined) {
            // Management alone: the documented override lets it be anyone.
            if (args.allowManagementFromAnywhere !== true) {
                problems.push({
                    path: "managementSourcePrefixes",
                    message: `cover ${block} between them, a whole /8 of public addresses: that opens SSH/RDP to anyone on the internet; list the addresses you manage from, like "203.0.113.0/24" (or, knowingly, set allowManagementFromAnywhere: true).`,
                });
            }
        } else {
            problems.push({
                path: `inboundRules[${firstRule.index}].sourceAddressPrefixes`,
                message: `cover ${block} between them, a whole /8 of public addresses: that opens port ${port} to anyone on the internet; list the addresses that need it, like "10.42.2.0/24".`,
            });
        }
    }
    return [...new Map(problems.map((p) => [`${p.path}\u0000${p.message}`, p])).values()];
}

export function checkNetwork(name: string, args: NetworkPlanInputs): Problem[] {
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
    if (args.outbound !== undefined) {
        problems.push(...checkOutbound("outbound", args.outbound));
    }
    const inbound = args.inboundRules ?? [];
    problems.push(...checkInboundRules(inbound));
    problems.push(...checkOpenToAnyone(args, protocols, inbound));
    // The Bastion's, NAT gateway's and application security groups' names (`${name}-bastion-ip`, `${name}-nat-ip`,
    // `${name}-asg-windows`, ...) follow the same character rules with an 80-character limit, so a name that passes
    // the 64-character VNet check passes for them too.
    const fix = "choose a shorter or simpler component name";
    problems.push(
        ...checkResourceName("name", "virtualNetwork", `${name}-vnet`, fix),
        ...checkResourceName("name", "subnet", `${name}-subnet`, fix),
        ...checkResourceName("name", "networkSecurityGroup", `${name}-nsg`, fix),
    );
    return problems;
}
