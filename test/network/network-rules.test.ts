// The preflight table for networks: inputs Azure would refuse, or that would open management to anyone, are refused at
// plan time with their exact messages, and inputs exactly on a limit pass with the value they resolve to.
// Not proved here: that Azure still enforces the same limits today. They are copied from Microsoft Learn ("Plan virtual
// networks", "Network security groups") as components/network/network-rules.ts records them, and Azure can change them
// without notice. Nor is it proved that VmNetwork declares what the plan says.
import { describe, expect, it } from "vitest";
import { type Problem } from "../../components";
import { type NetworkPlan, type NetworkPlanInputs, planNetwork } from "../../components/internal";
import { checkSubnetCapacity } from "../../components/preflight";
import { ANYONE, NETWORK, NOT_CIDR, protocols } from "../support/fixtures";

const ANYONE_BY_RANGE = (block: string, what: string, fix: string): string =>
    `cover ${block} between them, a whole /8 of public addresses: that opens ${what} to anyone on the internet; ${fix}.`;

interface RejectedNetwork {
    readonly scenario: string;
    readonly args: NetworkPlanInputs;
    readonly problems: readonly Problem[];
}

const REJECTED_NETWORKS: readonly RejectedNetwork[] = [
    { scenario: "a /33 address space", args: { ...NETWORK, addressSpace: "10.42.0.0/33" }, problems: [{ path: "addressSpace", message: NOT_CIDR("10.42.0.0/33") }] },
    { scenario: "an address space with host bits set", args: { ...NETWORK, addressSpace: "10.42.1.0/16" }, problems: [{ path: "addressSpace", message: NOT_CIDR("10.42.1.0/16") }] },
    { scenario: "an address space with an octet over 255", args: { ...NETWORK, addressSpace: "10.256.0.0/16" }, problems: [{ path: "addressSpace", message: NOT_CIDR("10.256.0.0/16") }] },
    { scenario: "an IPv6 address space", args: { ...NETWORK, addressSpace: "fd00:42::/48" }, problems: [{ path: "addressSpace", message: NOT_CIDR("fd00:42::/48") }] },
    { scenario: "a subnet without a prefix length", args: { ...NETWORK, subnetPrefix: "10.42.1.0" }, problems: [{ path: "subnetPrefix", message: NOT_CIDR("10.42.1.0") }] },
    {
        scenario: "a subnet outside the address space",
        args: { ...NETWORK, subnetPrefix: "10.43.1.0/24" },
        problems: [{ path: "subnetPrefix", message: `"10.43.1.0/24" is not inside addressSpace "10.42.0.0/16"; choose a subnet range within it.` }],
    },
    {
        scenario: "a subnet larger than the address space",
        args: { ...NETWORK, subnetPrefix: "10.42.0.0/15" },
        problems: [{ path: "subnetPrefix", message: `"10.42.0.0/15" is not inside addressSpace "10.42.0.0/16"; choose a subnet range within it.` }],
    },
    ...["0.0.0.0/0", "*", "Internet", "Any", "::/0"].map((source): RejectedNetwork => ({
        scenario: `management from ${source}`,
        args: { ...NETWORK, managementSourcePrefixes: ["203.0.113.0/24", source] },
        problems: [{ path: "managementSourcePrefixes[1]", message: ANYONE(source) }],
    })),
    // "Anyone" by arithmetic, not by spelling: what the sources of one port cover together.
    {
        scenario: "management from the two halves of IPv4",
        args: { ...NETWORK, managementSourcePrefixes: ["0.0.0.0/1", "128.0.0.0/1"] },
        problems: [{ path: "managementSourcePrefixes", message: ANYONE_BY_RANGE("1.0.0.0/8", "SSH/RDP", `list the addresses you manage from, like "203.0.113.0/24" (or, knowingly, set allowManagementFromAnywhere: true)`) }],
    },
    {
        scenario: "management from a whole public /8",
        args: { ...NETWORK, managementSourcePrefixes: ["100.0.0.0/8"] },
        problems: [{ path: "managementSourcePrefixes", message: ANYONE_BY_RANGE("100.0.0.0/8", "SSH/RDP", `list the addresses you manage from, like "203.0.113.0/24" (or, knowingly, set allowManagementFromAnywhere: true)`) }],
    },
    {
        scenario: "an application port whose two rules cover a public /8 between them",
        args: {
            ...NETWORK,
            inboundRules: [
                { name: "web-a", port: 443, sourceAddressPrefixes: ["10.0.0.0/8", "1.0.0.0/9"] },
                { name: "web-b", port: 443, sourceAddressPrefixes: ["1.128.0.0/9"] },
            ],
        },
        problems: [{ path: "inboundRules[0].sourceAddressPrefixes", message: ANYONE_BY_RANGE("1.0.0.0/8", "port 443", `list the addresses that need it, like "10.42.2.0/24"`) }],
    },
    {
        scenario: "management from 0.0.0.0/0 spelt with a leading zero",
        args: { ...NETWORK, managementSourcePrefixes: ["00.0.0.0/0"] },
        problems: [{ path: "managementSourcePrefixes[0]", message: `"00.0.0.0/0" is not written the way Azure reads it; write it as "0.0.0.0/0".` }],
    },
    {
        scenario: "a management address with a leading zero",
        args: { ...NETWORK, managementSourcePrefixes: ["203.0.113.07"] },
        problems: [{ path: "managementSourcePrefixes[0]", message: `"203.0.113.07" is not written the way Azure reads it; write it as "203.0.113.7".` }],
    },
    {
        scenario: "a management range with host bits set",
        args: { ...NETWORK, managementSourcePrefixes: ["203.0.113.7/24"] },
        problems: [{ path: "managementSourcePrefixes[0]", message: `"203.0.113.7/24" is not an IPv4 address or CIDR range with its host bits zero, like "203.0.113.0/24".` }],
    },
    {
        scenario: "a management source that is a name",
        args: { ...NETWORK, managementSourcePrefixes: ["office"] },
        problems: [{ path: "managementSourcePrefixes[0]", message: `"office" is not an IPv4 address or CIDR range, like "203.0.113.0/24".` }],
    },
    {
        scenario: "a management protocol that is not SSH or RDP",
        args: { ...NETWORK, managementProtocols: protocols("ssh", "winrm") },
        problems: [{ path: "managementProtocols[1]", message: `"winrm" is not a management protocol; use "ssh" or "rdp".` }],
    },
    {
        scenario: "a management protocol listed twice",
        args: { ...NETWORK, managementProtocols: ["ssh", "ssh"] },
        problems: [{ path: "managementProtocols[1]", message: `"ssh" is already used by managementProtocols[0]; each management protocol must be unique.` }],
    },
];

interface AcceptedNetwork {
    readonly scenario: string;
    readonly args: NetworkPlanInputs;
    readonly resolved: (plan: NetworkPlan) => unknown;
    readonly value: unknown;
}

const ACCEPTED_NETWORKS: readonly AcceptedNetwork[] = [
    {
        scenario: "management from the whole private 10/8 and the documentation ranges",
        args: { ...NETWORK, managementSourcePrefixes: ["10.0.0.0/8", "192.0.2.0/24", "198.51.100.0/24"], managementProtocols: ["ssh"] },
        resolved: (p) => p.securityRules.map((r) => r.sourceAddressPrefixes), value: [["10.0.0.0/8", "192.0.2.0/24", "198.51.100.0/24"]],
    },
    {
        scenario: "management from both halves of IPv4 when allowManagementFromAnywhere says so",
        args: { ...NETWORK, managementSourcePrefixes: ["0.0.0.0/1", "128.0.0.0/1"], allowManagementFromAnywhere: true, managementProtocols: ["ssh"] },
        resolved: (p) => p.securityRules.map((r) => r.sourceAddressPrefixes), value: [["0.0.0.0/1", "128.0.0.0/1"]],
    },
    {
        scenario: "a subnet as large as the whole address space",
        args: { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.0.0/16" },
        resolved: (p) => p.subnetPrefix, value: "10.42.0.0/16",
    },
    {
        scenario: "the last /24 of the address space",
        args: { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.255.0/24" },
        resolved: (p) => p.subnetPrefix, value: "10.42.255.0/24",
    },
    {
        scenario: "management from a single address and a /32",
        args: { ...NETWORK, managementSourcePrefixes: ["198.51.100.7", "203.0.113.9/32"], managementProtocols: ["ssh"] },
        resolved: (p) => p.securityRules.map((r) => [r.protocol, r.sourceAddressPrefixes]), value: [["ssh", ["198.51.100.7", "203.0.113.9/32"]]],
    },
];

describe("GIVEN a network input Azure would refuse, or that would open management to anyone, WHEN the network is planned", () => {
    it.each<RejectedNetwork>(REJECTED_NETWORKS)("THEN $scenario is refused with its exact message", ({ args: inputs, problems }) => {
        expect(planNetwork("net", inputs)).toStrictEqual({ ok: false, problems });
    });
});

describe("GIVEN a network input exactly on a limit WHEN the network is planned", () => {
    it.each<AcceptedNetwork>(ACCEPTED_NETWORKS)("THEN $scenario is accepted", ({ args: inputs, resolved, value }) => {
        const result = planNetwork("net", inputs);
        expect(result.ok ? [] : result.problems).toStrictEqual([]);
        expect(result.ok && resolved(result.plan)).toStrictEqual(value);
    });
});

describe("GIVEN a subnet and the VMs placed in it WHEN its capacity is checked", () => {
    it("THEN it holds its addresses less the five Azure reserves: 3 in a /29, 251 in a /24", () => {
        expect(checkSubnetCapacity("subnetPrefix", "10.0.0.0/29", 3)).toEqual([]);
        expect(checkSubnetCapacity("subnetPrefix", "10.0.0.0/24", 251)).toEqual([]);
        expect(checkSubnetCapacity("subnetPrefix", "10.0.0.0/24", 252)).toEqual([{
            path: "subnetPrefix",
            message: `"10.0.0.0/24" has 251 addresses for VMs (Azure reserves 5 of its 256), and the stack places 252 VMs in it (choose a larger subnet, like a /23).`,
        }]);
    });
});
