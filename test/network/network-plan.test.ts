// Not proved here: that Azure accepts these ranges and rules, or that VmNetwork declares the NSG the plan describes.
import { describe, expect, it } from "vitest";
import { type BastionSku, type Problem } from "../../components";
import { checkStaticIp, type Cidr, contains, type NetworkPlanInputs, overlaps, parseCidr, planNetwork } from "../../components/internal";
import { ANYONE, NETWORK, NOT_A_ZONE, NOT_CIDR, protocols } from "../support/fixtures";

describe("GIVEN a network with two management sources WHEN it is planned", () => {
    it("THEN SSH is allowed to the Linux VMs and RDP to the Windows VMs from exactly those sources, at priorities 100 and 110, with outbound through a NAT gateway", () => {
        expect(planNetwork("network", { ...NETWORK, managementSourcePrefixes: ["203.0.113.0/24", "198.51.100.7"] })).toStrictEqual({
            ok: true,
            plan: {
                resourceNames: { vnet: "network-vnet", subnet: "network-subnet", nsg: "network-nsg" },
                applicationSecurityGroups: { linux: "network-asg-linux", windows: "network-asg-windows" },
                outbound: { kind: "natGateway", resourceNames: { natGateway: "network-nat", publicIp: "network-nat-ip" } },
                addressSpace: "10.42.0.0/16",
                subnetPrefix: "10.42.1.0/24",
                securityRules: [
                    { name: "allow-ssh-from-management", priority: 100, protocol: "ssh", port: "22", sourceAddressPrefixes: ["203.0.113.0/24", "198.51.100.7"], destinationApplicationSecurityGroup: "linux" },
                    { name: "allow-rdp-from-management", priority: 110, protocol: "rdp", port: "3389", sourceAddressPrefixes: ["203.0.113.0/24", "198.51.100.7"], destinationApplicationSecurityGroup: "windows" },
                ],
            },
        });
    });

    it("THEN choosing only RDP gives one rule, at priority 100", () => {
        const result = planNetwork("net", { ...NETWORK, managementSourcePrefixes: ["203.0.113.0/24"], managementProtocols: ["rdp"] });
        expect(result.ok && result.plan.securityRules).toStrictEqual([
            { name: "allow-rdp-from-management", priority: 100, protocol: "rdp", port: "3389", sourceAddressPrefixes: ["203.0.113.0/24"], destinationApplicationSecurityGroup: "windows" },
        ]);
    });
});

describe("GIVEN a network with no management sources WHEN it is planned", () => {
    it.each<[string, NetworkPlanInputs]>([
        ["sources left out", NETWORK],
        ["an empty source list", { ...NETWORK, managementSourcePrefixes: [] }],
    ])("THEN with %s there is no inbound rule at all", (_, inputs) => {
        expect(planNetwork("net", inputs)).toStrictEqual({
            ok: true,
            plan: {
                resourceNames: { vnet: "net-vnet", subnet: "net-subnet", nsg: "net-nsg" },
                applicationSecurityGroups: { linux: "net-asg-linux", windows: "net-asg-windows" },
                outbound: { kind: "natGateway", resourceNames: { natGateway: "net-nat", publicIp: "net-nat-ip" } },
                addressSpace: "10.42.0.0/16",
                subnetPrefix: "10.42.1.0/24",
                securityRules: [],
            },
        });
    });
});

describe("GIVEN network arguments a user gets wrong WHEN the network is planned", () => {
    it.each<{ scenario: string; inputs: NetworkPlanInputs; problems: readonly Problem[] }>([
        {
            scenario: "an address space without a prefix length",
            inputs: { ...NETWORK, addressSpace: "10.42.0.0" },
            problems: [{ path: "addressSpace", message: NOT_CIDR("10.42.0.0") }],
        },
        {
            scenario: "a subnet prefix of /33",
            inputs: { ...NETWORK, subnetPrefix: "10.42.1.0/33" },
            problems: [{ path: "subnetPrefix", message: NOT_CIDR("10.42.1.0/33") }],
        },
        {
            scenario: "a subnet prefix with host bits set",
            inputs: { ...NETWORK, subnetPrefix: "10.42.1.5/24" },
            problems: [{ path: "subnetPrefix", message: NOT_CIDR("10.42.1.5/24") }],
        },
        {
            scenario: "a subnet larger than the address space",
            inputs: { addressSpace: "10.42.1.0/24", subnetPrefix: "10.42.0.0/16" },
            problems: [{ path: "subnetPrefix", message: `"10.42.0.0/16" is not inside addressSpace "10.42.1.0/24"; choose a subnet range within it.` }],
        },
        { scenario: "the source *", inputs: { ...NETWORK, managementSourcePrefixes: ["*"] }, problems: [{ path: "managementSourcePrefixes[0]", message: ANYONE("*") }] },
        { scenario: "the source 0.0.0.0/0", inputs: { ...NETWORK, managementSourcePrefixes: ["0.0.0.0/0"] }, problems: [{ path: "managementSourcePrefixes[0]", message: ANYONE("0.0.0.0/0") }] },
        { scenario: "the service tag Internet", inputs: { ...NETWORK, managementSourcePrefixes: ["Internet"] }, problems: [{ path: "managementSourcePrefixes[0]", message: ANYONE("Internet") }] },
        { scenario: "the source Any", inputs: { ...NETWORK, managementSourcePrefixes: ["Any"] }, problems: [{ path: "managementSourcePrefixes[0]", message: ANYONE("Any") }] },
        { scenario: "the IPv6 source ::/0", inputs: { ...NETWORK, managementSourcePrefixes: ["::/0"] }, problems: [{ path: "managementSourcePrefixes[0]", message: ANYONE("::/0") }] },
        {
            scenario: "a second source that is not an address",
            inputs: { ...NETWORK, managementSourcePrefixes: ["203.0.113.0/24", "office"] },
            problems: [{ path: "managementSourcePrefixes[1]", message: `"office" is not an IPv4 address or CIDR range, like "203.0.113.0/24".` }],
        },
        {
            scenario: "the protocol telnet",
            inputs: { ...NETWORK, managementSourcePrefixes: ["203.0.113.0/24"], managementProtocols: protocols("ssh", "telnet") },
            problems: [{ path: "managementProtocols[1]", message: `"telnet" is not a management protocol; use "ssh" or "rdp".` }],
        },
        {
            scenario: "a bad address space, an open source and a bad protocol together",
            inputs: { addressSpace: "10.42.0.0/8", subnetPrefix: "10.42.1.0/24", managementSourcePrefixes: ["*"], managementProtocols: protocols("winrm") },
            problems: [
                { path: "addressSpace", message: NOT_CIDR("10.42.0.0/8") },
                { path: "managementSourcePrefixes[0]", message: ANYONE("*") },
                { path: "managementProtocols[0]", message: `"winrm" is not a management protocol; use "ssh" or "rdp".` },
            ],
        },
    ])("THEN $scenario is refused with exactly its problems", ({ inputs, problems }) => {
        expect(planNetwork("net", inputs)).toStrictEqual({ ok: false, problems });
    });
});

describe("GIVEN CIDR text WHEN it is parsed", () => {
    it.each<[string, Cidr | undefined]>([
        ["10.42.0.0/16", { network: 10 * 2 ** 24 + 42 * 2 ** 16, prefixLength: 16 }],
        ["0.0.0.0/0", { network: 0, prefixLength: 0 }],
        ["255.255.255.255/32", { network: 2 ** 32 - 1, prefixLength: 32 }],
        ["203.0.113.7/32", { network: 203 * 2 ** 24 + 113 * 2 ** 8 + 7, prefixLength: 32 }],
        ["10.42.0.1/16", undefined],
        ["128.0.0.0/0", undefined],
        ["10.42.0.0/33", undefined],
        ["256.0.0.0/8", undefined],
        ["10.42.0.0", undefined],
        [" 10.42.0.0/16", undefined],
        ["10.42.0/16", undefined],
        ["::/0", undefined],
    ])("THEN %s parses to %o", (text, expected) => {
        expect(parseCidr(text)).toStrictEqual(expected);
    });
});

function cidr(text: string): Cidr {
    const parsed = parseCidr(text);
    if (parsed === undefined) {
        throw new Error(`${text} is not a CIDR range`);
    }
    return parsed;
}

describe("GIVEN two CIDR ranges WHEN one is tested for containing the other", () => {
    it.each<[string, string, boolean]>([
        ["10.42.0.0/16", "10.42.1.0/24", true],
        ["10.42.0.0/16", "10.42.0.0/16", true],
        ["10.42.0.0/16", "10.42.255.0/24", true],
        ["0.0.0.0/0", "255.255.255.255/32", true],
        ["10.42.1.0/24", "10.42.0.0/16", false],
        ["10.42.0.0/16", "10.43.0.0/24", false],
        ["10.42.0.0/16", "10.41.255.0/24", false],
    ])("THEN %s contains %s: %s", (outer, inner, expected) => {
        expect(contains(cidr(outer), cidr(inner))).toBe(expected);
    });
});

describe("GIVEN two CIDR ranges WHEN they are tested for overlapping", () => {
    it.each<[string, string, boolean]>([
        ["10.42.1.0/24", "10.42.1.0/24", true],
        ["10.42.1.0/24", "10.42.1.192/26", true],
        ["10.42.1.192/26", "10.42.0.0/16", true],
        ["10.42.1.0/24", "10.42.2.0/26", false],
        ["10.42.2.0/26", "10.42.1.0/24", false],
        ["10.42.1.0/24", "10.42.0.192/26", false],
    ])("THEN %s and %s overlap: %s", (a, b, expected) => {
        expect(overlaps(cidr(a), cidr(b))).toBe(expected);
    });
});

describe("GIVEN a network with a Bastion on a /26 beside the VM subnet WHEN it is planned", () => {
    it("THEN it plans a Basic, regional Bastion and lets the Bastion subnet reach the VMs on SSH and RDP, after the management rules", () => {
        expect(planNetwork("net", { ...NETWORK, managementSourcePrefixes: ["203.0.113.0/24"], bastion: { subnetPrefix: "10.42.2.0/26" } })).toStrictEqual({
            ok: true,
            plan: {
                resourceNames: { vnet: "net-vnet", subnet: "net-subnet", nsg: "net-nsg" },
                applicationSecurityGroups: { linux: "net-asg-linux", windows: "net-asg-windows" },
                outbound: { kind: "natGateway", resourceNames: { natGateway: "net-nat", publicIp: "net-nat-ip" } },
                addressSpace: "10.42.0.0/16",
                subnetPrefix: "10.42.1.0/24",
                securityRules: [
                    { name: "allow-ssh-from-management", priority: 100, protocol: "ssh", port: "22", sourceAddressPrefixes: ["203.0.113.0/24"], destinationApplicationSecurityGroup: "linux" },
                    { name: "allow-rdp-from-management", priority: 110, protocol: "rdp", port: "3389", sourceAddressPrefixes: ["203.0.113.0/24"], destinationApplicationSecurityGroup: "windows" },
                    { name: "allow-ssh-from-bastion", priority: 200, protocol: "ssh", port: "22", sourceAddressPrefixes: ["10.42.2.0/26"], destinationApplicationSecurityGroup: "linux" },
                    { name: "allow-rdp-from-bastion", priority: 210, protocol: "rdp", port: "3389", sourceAddressPrefixes: ["10.42.2.0/26"], destinationApplicationSecurityGroup: "windows" },
                ],
                bastion: {
                    resourceNames: { subnet: "net-bastion-subnet", publicIp: "net-bastion-ip", host: "net-bastion" },
                    subnetName: "AzureBastionSubnet",
                    subnetPrefix: "10.42.2.0/26",
                    sku: "Basic",
                    zones: [],
                    nativeClient: false,
                },
            },
        });
    });

    it("THEN with no management sources and only SSH, the Bastion rule is the only one and keeps priority 200", () => {
        const result = planNetwork("net", { ...NETWORK, managementProtocols: ["ssh"], bastion: { subnetPrefix: "10.42.2.0/26" } });
        expect(result.ok && result.plan.securityRules).toStrictEqual([
            { name: "allow-ssh-from-bastion", priority: 200, protocol: "ssh", port: "22", sourceAddressPrefixes: ["10.42.2.0/26"], destinationApplicationSecurityGroup: "linux" },
        ]);
    });

    it("THEN a zone-redundant Standard Bastion on a /24 gets its zones and the native client", () => {
        const result = planNetwork("net", { ...NETWORK, bastion: { subnetPrefix: "10.42.255.0/24", sku: "Standard", zones: ["1", "2", "3"] } });
        expect(result.ok && result.plan.bastion).toStrictEqual({
            resourceNames: { subnet: "net-bastion-subnet", publicIp: "net-bastion-ip", host: "net-bastion" },
            subnetName: "AzureBastionSubnet",
            subnetPrefix: "10.42.255.0/24",
            sku: "Standard",
            zones: ["1", "2", "3"],
            nativeClient: true,
        });
    });
});

/** A SKU as plain JavaScript callers can pass it, past the type checker. */
function sku(name: string): BastionSku {
    return name as BastionSku;
}

describe("GIVEN a Bastion a user gets wrong WHEN the network is planned", () => {
    it.each<{ scenario: string; inputs: NetworkPlanInputs; problems: readonly Problem[] }>([
        {
            scenario: "a /27 Bastion subnet",
            inputs: { ...NETWORK, bastion: { subnetPrefix: "10.42.2.0/27" } },
            problems: [{ path: "bastion.subnetPrefix", message: `"10.42.2.0/27" is a /27; Azure Bastion needs /26 or larger (set a /26).` }],
        },
        {
            scenario: "a Bastion subnet outside the address space",
            inputs: { ...NETWORK, bastion: { subnetPrefix: "10.43.2.0/26" } },
            problems: [{ path: "bastion.subnetPrefix", message: `"10.43.2.0/26" is not inside addressSpace "10.42.0.0/16"; choose a subnet range within it.` }],
        },
        {
            scenario: "a Bastion subnet inside the VM subnet",
            inputs: { ...NETWORK, bastion: { subnetPrefix: "10.42.1.192/26" } },
            problems: [{
                path: "bastion.subnetPrefix",
                message: `"10.42.1.192/26" overlaps subnetPrefix "10.42.1.0/24"; Azure Bastion needs a subnet of its own (choose a range outside "10.42.1.0/24").`,
            }],
        },
        {
            scenario: "a Bastion subnet that is not a CIDR",
            inputs: { ...NETWORK, bastion: { subnetPrefix: "10.42.2.0" } },
            problems: [{ path: "bastion.subnetPrefix", message: NOT_CIDR("10.42.2.0") }],
        },
        {
            scenario: "the Developer SKU, which needs no subnet and is not offered",
            inputs: { ...NETWORK, bastion: { subnetPrefix: "10.42.2.0/26", sku: sku("Developer") } },
            problems: [{ path: "bastion.sku", message: `"Developer" is not a Bastion SKU; use "Basic" or "Standard".` }],
        },
        {
            scenario: "zone 4 and zone 1 twice",
            inputs: { ...NETWORK, bastion: { subnetPrefix: "10.42.2.0/26", zones: ["1", "4", "1"] } },
            problems: [
                { path: "bastion.zones[1]", message: NOT_A_ZONE("4") },
                { path: "bastion.zones[2]", message: `"1" is already used by bastion.zones[0]; each zone must be unique.` },
            ],
        },
        {
            scenario: "a /28 outside the address space, with a bad SKU, all reported at once",
            inputs: { ...NETWORK, managementSourcePrefixes: ["*"], bastion: { subnetPrefix: "192.168.0.0/28", sku: sku("Premium") } },
            problems: [
                { path: "managementSourcePrefixes[0]", message: ANYONE("*") },
                { path: "bastion.subnetPrefix", message: `"192.168.0.0/28" is a /28; Azure Bastion needs /26 or larger (set a /26).` },
                { path: "bastion.subnetPrefix", message: `"192.168.0.0/28" is not inside addressSpace "10.42.0.0/16"; choose a subnet range within it.` },
                { path: "bastion.sku", message: `"Premium" is not a Bastion SKU; use "Basic" or "Standard".` },
            ],
        },
    ])("THEN $scenario is refused with exactly its problems", ({ inputs, problems }) => {
        expect(planNetwork("net", inputs)).toStrictEqual({ ok: false, problems });
    });
});

// The describes below state what the plan should do and does not yet; they fail until it does.

describe("GIVEN a management source written with its host bits set WHEN the network is planned", () => {
    it("THEN the message says the host bits are the problem, as it does for addressSpace", () => {
        expect(planNetwork("net", { ...NETWORK, managementSourcePrefixes: ["203.0.113.5/24"] })).toStrictEqual({
            ok: false,
            problems: [{ path: "managementSourcePrefixes[0]", message: `"203.0.113.5/24" is not an IPv4 address or CIDR range with its host bits zero, like "203.0.113.0/24".` }],
        });
    });
});

describe("GIVEN a management protocol that names an Object.prototype member WHEN the network is planned", () => {
    it.each(["toString", "constructor", "hasOwnProperty"])("THEN %s is refused like any other unknown protocol", (name) => {
        expect(planNetwork("net", { ...NETWORK, managementSourcePrefixes: ["203.0.113.0/24"], managementProtocols: protocols(name) })).toStrictEqual({
            ok: false,
            problems: [{ path: "managementProtocols[0]", message: `"${name}" is not a management protocol; use "ssh" or "rdp".` }],
        });
    });
});

describe("GIVEN the same management protocol listed twice WHEN the network is planned", () => {
    it("THEN it is refused at the second entry rather than planning two NSG rules with the same name", () => {
        const result = planNetwork("net", { ...NETWORK, managementSourcePrefixes: ["203.0.113.0/24"], managementProtocols: ["ssh", "ssh"] });
        expect(result).toStrictEqual({ ok: false, problems: [{
            path: "managementProtocols[1]",
            message: `"ssh" is already used by managementProtocols[0]; each management protocol must be unique.`,
        }] });
    });
});

describe("GIVEN application ports from the app subnet WHEN the network is planned", () => {
    it("THEN each is one TCP rule from its own sources, at 300, 310, ... after the management and Bastion rules", () => {
        const result = planNetwork("net", {
            ...NETWORK,
            managementSourcePrefixes: ["203.0.113.0/24"],
            managementProtocols: ["rdp"],
            bastion: { subnetPrefix: "10.42.2.0/26" },
            inboundRules: [
                { name: "sql", port: 1433, sourceAddressPrefixes: ["10.42.3.0/24"] },
                { name: "https", port: 443, sourceAddressPrefixes: ["10.42.3.0/24", "10.42.4.7"] },
            ],
        });
        expect(result.ok && result.plan.securityRules).toStrictEqual([
            { name: "allow-rdp-from-management", priority: 100, protocol: "rdp", port: "3389", sourceAddressPrefixes: ["203.0.113.0/24"], destinationApplicationSecurityGroup: "windows" },
            { name: "allow-rdp-from-bastion", priority: 200, protocol: "rdp", port: "3389", sourceAddressPrefixes: ["10.42.2.0/26"], destinationApplicationSecurityGroup: "windows" },
            { name: "app-sql", priority: 300, protocol: "app", port: "1433", sourceAddressPrefixes: ["10.42.3.0/24"], destinationAddressPrefix: "10.42.1.0/24" },
            { name: "app-https", priority: 310, protocol: "app", port: "443", sourceAddressPrefixes: ["10.42.3.0/24", "10.42.4.7"], destinationAddressPrefix: "10.42.1.0/24" },
        ]);
    });
});

describe("GIVEN application ports a user gets wrong WHEN the network is planned", () => {
    const sql = { name: "sql", port: 1433, sourceAddressPrefixes: ["10.42.3.0/24"] };
    it.each<{ scenario: string; inputs: NetworkPlanInputs; problems: readonly Problem[] }>([
        {
            scenario: "the source * (allowManagementFromAnywhere does not apply)",
            inputs: { ...NETWORK, allowManagementFromAnywhere: true, inboundRules: [{ ...sql, sourceAddressPrefixes: ["*"] }] },
            problems: [{ path: "inboundRules[0].sourceAddressPrefixes[0]", message: `"*" would open port 1433 to the whole internet; list the addresses that need it, like "10.42.2.0/24".` }],
        },
        {
            scenario: "the service tag Internet",
            inputs: { ...NETWORK, inboundRules: [{ ...sql, sourceAddressPrefixes: ["10.42.3.0/24", "Internet"] }] },
            problems: [{ path: "inboundRules[0].sourceAddressPrefixes[1]", message: `"Internet" would open port 1433 to the whole internet; list the addresses that need it, like "10.42.2.0/24".` }],
        },
        {
            scenario: "no sources",
            inputs: { ...NETWORK, inboundRules: [{ ...sql, sourceAddressPrefixes: [] }] },
            problems: [{ path: "inboundRules[0].sourceAddressPrefixes", message: `is empty; list the addresses that may reach port 1433, like "10.42.2.0/24".` }],
        },
        {
            scenario: "a duplicate name",
            inputs: { ...NETWORK, inboundRules: [sql, { ...sql, port: 1434 }] },
            problems: [{ path: "inboundRules[1].name", message: `"sql" is already used by inboundRules[0].name; each inbound rule name must be unique.` }],
        },
        {
            scenario: "a name with capitals and underscores",
            inputs: { ...NETWORK, inboundRules: [{ ...sql, name: "SQL_Server" }] },
            problems: [{
                path: "inboundRules[0].name",
                message: `"SQL_Server" is not an inbound rule name; use 1-60 lowercase letters, digits and hyphens, starting and ending with a letter or digit, like "sql".`,
            }],
        },
        {
            scenario: "ports 0, 65536 and 14.5",
            inputs: { ...NETWORK, inboundRules: [{ ...sql, name: "a", port: 0 }, { ...sql, name: "b", port: 65536 }, { ...sql, name: "c", port: 14.5 }] },
            problems: [
                { path: "inboundRules[0].port", message: `0 is not a TCP port; use a whole number from 1 to 65535.` },
                { path: "inboundRules[1].port", message: `65536 is not a TCP port; use a whole number from 1 to 65535.` },
                { path: "inboundRules[2].port", message: `14.5 is not a TCP port; use a whole number from 1 to 65535.` },
            ],
        },
    ])("THEN $scenario is refused with exactly its problems", ({ inputs, problems }) => {
        expect(planNetwork("net", inputs)).toStrictEqual({ ok: false, problems });
    });
});

describe("GIVEN DNS servers for the VNet (a domain controller's address) WHEN the network is planned", () => {
    it("THEN the plan carries them", () => {
        const result = planNetwork("network", { ...NETWORK, dnsServers: ["10.42.1.4", "168.63.129.16"] });
        expect(result.ok && result.plan.dnsServers).toStrictEqual(["10.42.1.4", "168.63.129.16"]);
    });

    it("THEN a server that is not an IPv4 address, or a repeated one, is refused", () => {
        expect(planNetwork("network", { ...NETWORK, dnsServers: ["dc01", "10.42.1.4", "10.42.1.4"] })).toStrictEqual({
            ok: false,
            problems: [
                { path: "dnsServers[0]", message: `"dc01" is not an IPv4 address, like "10.42.1.4".` },
                { path: "dnsServers[2]", message: `"10.42.1.4" is already used by dnsServers[1]; each DNS server must be unique.` },
            ],
        });
    });
});

describe("GIVEN a static private IP WHEN it is checked against its subnet", () => {
    it.each<[string, string, readonly Problem[]]>([
        ["the first usable address", "10.42.1.4", []],
        ["the last usable address", "10.42.1.254", []],
        ["an address Azure reserves (the fourth)", "10.42.1.3", [{ path: "ip", message: `"10.42.1.3" is one of the five addresses Azure reserves in "10.42.1.0/24" (the first four and the last); choose another.` }]],
        ["the broadcast address", "10.42.1.255", [{ path: "ip", message: `"10.42.1.255" is one of the five addresses Azure reserves in "10.42.1.0/24" (the first four and the last); choose another.` }]],
        ["an address outside the subnet", "10.42.2.4", [{ path: "ip", message: `"10.42.2.4" is not inside the subnet "10.42.1.0/24"; choose an address within it.` }]],
        ["not an address", "10.42.1.300", [{ path: "ip", message: `"10.42.1.300" is not an IPv4 address, like "10.42.1.4".` }]],
    ])("THEN %s (%s) gives exactly its problems", (_, address, problems) => {
        expect(checkStaticIp("ip", address, "10.42.1.0/24")).toStrictEqual(problems);
    });
});
