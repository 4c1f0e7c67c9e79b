/**
 * Pure planning for VmNetwork: names, validation and the NSG's inbound rules.
 */
import { InvalidArgumentsError, checkUnique, type Problem } from "./problems";
import { checkResourceName } from "./rules/names";
import { checkCidr, checkManagementSource, contains, parseCidr } from "./rules/network";

/** Management protocols and the ports they open. */
export const MANAGEMENT_PORTS = { ssh: "22", rdp: "3389" } as const;
export type ManagementProtocol = keyof typeof MANAGEMENT_PORTS;

/** The plain arguments the plan decides from. */
export interface NetworkPlanInputs {
    readonly addressSpace: string;
    readonly subnetPrefix: string;
    readonly managementSourcePrefixes?: readonly string[];
    readonly managementProtocols?: readonly ManagementProtocol[];
    readonly allowManagementFromAnywhere?: boolean;
}

export interface SecurityRulePlan {
    readonly name: string;
    readonly priority: number;
    readonly protocol: ManagementProtocol;
    readonly port: string;
    readonly sourceAddressPrefixes: readonly string[];
    readonly destinationAddressPrefix: string;
}

export interface NetworkPlan {
    readonly resourceNames: { readonly vnet: string; readonly subnet: string; readonly nsg: string };
    readonly addressSpace: string;
    readonly subnetPrefix: string;
    readonly securityRules: readonly SecurityRulePlan[];
}

export function planNetwork(name: string, args: NetworkPlanInputs): { ok: true; plan: NetworkPlan } | { ok: false; problems: Problem[] } {
    const problems: Problem[] = [...checkCidr("addressSpace", args.addressSpace), ...checkCidr("subnetPrefix", args.subnetPrefix)];
    const space = parseCidr(args.addressSpace);
    const subnet = parseCidr(args.subnetPrefix);
    if (space && subnet && !contains(space, subnet)) {
        problems.push({ path: "subnetPrefix", message: `"${args.subnetPrefix}" is not inside addressSpace "${args.addressSpace}"; choose a subnet range within it.` });
    }
    const sources = args.managementSourcePrefixes ?? [];
    sources.forEach((source, index) => problems.push(...checkManagementSource(`managementSourcePrefixes[${index}]`, source, args.allowManagementFromAnywhere)));
    const protocols = args.managementProtocols ?? ["ssh", "rdp"];
    protocols.forEach((protocol, index) => {
        if (!Object.hasOwn(MANAGEMENT_PORTS, protocol)) {
            problems.push({ path: `managementProtocols[${index}]`, message: `"${protocol}" is not a management protocol; use "ssh" or "rdp".` });
        }
    });
    problems.push(...checkUnique(protocols, (i) => `managementProtocols[${i}]`, "management protocol"));
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
    const securityRules = sources.length === 0 ? [] : protocols.map((protocol, index) => ({
        name: `allow-${protocol}-from-management`,
        priority: 100 + index * 10,
        protocol,
        port: MANAGEMENT_PORTS[protocol],
        sourceAddressPrefixes: sources,
        destinationAddressPrefix: args.subnetPrefix,
    }));
    return {
        ok: true,
        plan: {
            resourceNames: { vnet: `${name}-vnet`, subnet: `${name}-subnet`, nsg: `${name}-nsg` },
            addressSpace: args.addressSpace,
            subnetPrefix: args.subnetPrefix,
            securityRules,
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
