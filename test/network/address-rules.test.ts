/**
 * The address arithmetic that the components and the policy pack share (components/network/address-rules.ts): what a
 * source text is, its canonical spelling, and who the inbound Allow rules of a port let in together. It is read
 * through the pack's byte-identical copy (test/policy/vendor.test.ts holds them equal), since code outside
 * components/ reaches the library only through its entries and the internal entry does not export it. Not proved here:
 * how Azure itself reads a non-canonical prefix or a service tag's current ranges (both outside this repository), and
 * the components' and the pack's messages, which their own tests hold.
 */
import { describe, expect, it } from "vitest";
import {
    canonicalPrefix, canonicalSpelling, inboundReach, publicBlockCovered, reachAt, readSource, securityRuleFacts, type InboundRuleFacts,
} from "../../policy/vendor/address-rules";

function rule(ports: string[], sources: string[], protocol = "Tcp"): InboundRuleFacts {
    return { sources, sourceGroups: false, ports, protocol };
}

describe("GIVEN source texts as a security rule holds them", () => {
    it.each([
        ["0.0.0.0/0", undefined],
        ["00.0.0.0/0", "0.0.0.0/0"],
        ["010.1.2.0/24", "10.1.2.0/24"],
        ["10.0.0.1/8", "10.0.0.0/8"],
        ["10.0.0.0/08", "10.0.0.0/8"],
        ["203.0.113.7", undefined],
        ["2001:db8::/32", undefined],
        ["2001:DB8:0:0::/32", "2001:db8::/32"],
        ["2001:0db8:0000:0000:0001:0000:0000:0001", "2001:db8::1:0:0:1"],
        ["2001:db8:0:1:1:1:1:1", undefined],
        ["2001:db8::1/64", "2001:db8::/64"],
        ["::FFFF:c000:0201", "::ffff:192.0.2.1"],
        ["Internet", undefined],
        ["10.0.0.0/33", undefined],
    ])("WHEN the text is %j THEN its canonical spelling is %j", (text, canonical) => {
        expect(canonicalPrefix(text)).toBe(canonical);
    });

    it.each([
        ["Internet", { kind: "tag", reach: "anyone", why: "the service tag for every public address" }],
        ["internet", { kind: "tag", reach: "anyone", why: "the service tag for every public address" }],
        ["*", { kind: "tag", reach: "anyone", why: "which means any address" }],
        ["0.0.0.0", { kind: "tag", reach: "anyone", why: "which some tools read as every address" }],
        ["AzureCloud.westeurope", { kind: "tag", reach: "anyone", why: "the service tag for every Azure datacenter address, where anyone can run a VM (of one region)" }],
        ["AzureLoadBalancer", { kind: "tag", reach: "unknown", why: "the service tag for Azure's health probes and host infrastructure, which the pack does not size" }],
        ["Storage.EastUS", { kind: "tag", reach: "unknown", why: "a service tag the pack has no table for, so it cannot tell who that is" }],
        ["10.0.0.0/33", { kind: "invalid" }],
        ["1::2::3", { kind: "invalid" }],
        ["12345::", { kind: "invalid" }],
        ["fe80::1%eth0", { kind: "invalid" }],
    ])("WHEN the text is %j THEN it reads as %j", (text, reading) => {
        expect(readSource(text)).toEqual(reading);
    });

    it("WHEN the caller trusts a service tag THEN an unknown one reads as limited, and one for anyone stays anyone", () => {
        expect(readSource("VirtualNetwork", ["virtualnetwork"])).toEqual({ kind: "tag", reach: "limited", why: "a service tag the pack config trusts" });
        expect(readSource("Internet", ["Internet"])).toEqual({ kind: "tag", reach: "anyone", why: "the service tag for every public address" });
    });
});

describe("GIVEN the inbound Allow rules of one NSG", () => {
    it.each([
        ["0.0.0.0/1 and 128.0.0.0/1", ["0.0.0.0/1", "128.0.0.0/1"], "anyone", "cover all of IPv4"],
        ["00.0.0.0/0, read as 0.0.0.0/0", ["00.0.0.0/0"], "anyone", "cover all of IPv4"],
        ["a public /8", ["20.0.0.0/8"], "anyone", "cover 20.0.0.0/8, a whole /8 of public IPv4"],
        ["two halves of a public /8", ["11.0.0.0/9", "11.128.0.0/9"], "anyone", "cover 11.0.0.0/8, a whole /8 of public IPv4"],
        ["the private 10.0.0.0/8", ["10.0.0.0/8"], "limited", ""],
        ["every special-purpose block but public space", ["0.0.0.0/8", "10.0.0.0/8", "127.0.0.0/8", "224.0.0.0/3"], "limited", ""],
        ["a public /9", ["11.0.0.0/9"], "limited", ""],
        ["2000::/3", ["2000::/3"], "anyone", "cover all of global unicast IPv6"],
        ["::/0", ["::/0"], "anyone", "cover all of global unicast IPv6"],
        ["a registry's /12", ["2600::/12"], "anyone", "cover 2600::/12, a whole /12 of global unicast IPv6 (a regional registry's allocation)"],
        ["a /13 of IPv6", ["2600::/13"], "limited", ""],
        ["unique local IPv6, fc00::/7", ["fc00::/7"], "limited", ""],
        ["AzureCloud", ["AzureCloud"], "anyone", "include \"AzureCloud\", the service tag for every Azure datacenter address, where anyone can run a VM"],
        ["VirtualNetwork", ["VirtualNetwork"], "unknown", "include \"VirtualNetwork\", the service tag for the virtual network, its peerings, the networks behind its gateways and its routes' prefixes, which the pack cannot see"],
        ["a text that is no address", ["my office"], "unknown", "include \"my office\", which is neither an address range nor a service tag"],
        ["VirtualNetwork and Internet", ["VirtualNetwork", "Internet"], "anyone", "include \"Internet\", the service tag for every public address"],
    ])("WHEN port 22's sources are %s THEN it is %s", (_what, sources, reach, why) => {
        const run = reachAt(inboundReach([rule(["22"], sources)]), 22);
        expect([run?.reach, run?.why]).toEqual([reach, why]);
    });

    it("WHEN rules allow overlapping port ranges THEN each run of ports is judged on the sources of every rule that reaches it", () => {
        const rules = [rule(["22"], ["11.0.0.0/9"]), rule(["20-30"], ["11.128.0.0/9"]), rule(["443"], ["Internet"]), undefined, rule(["*"], ["*"], "Icmp")];
        expect(inboundReach(rules)).toEqual([
            { from: 20, to: 21, reach: "limited", why: "", rules: [1] },
            { from: 22, to: 22, reach: "anyone", why: "cover 11.0.0.0/8, a whole /8 of public IPv4", rules: [0, 1] },
            { from: 23, to: 30, reach: "limited", why: "", rules: [1] },
            { from: 443, to: 443, reach: "anyone", why: "include \"Internet\", the service tag for every public address", rules: [2] },
        ]);
    });

    it("WHEN a rule names no port, or a port spec that is none, THEN it counts for every port", () => {
        expect(inboundReach([rule([], ["Internet"])]).map((r) => [r.from, r.to, r.reach])).toEqual([[0, 65535, "anyone"]]);
        expect(inboundReach([rule(["ssh"], ["Internet"])]).map((r) => [r.from, r.to, r.reach])).toEqual([[0, 65535, "anyone"]]);
    });

    it("WHEN a rule names no source THEN it is unknown; WHEN its sources are application security groups THEN it is limited", () => {
        expect(inboundReach([rule(["22"], [])])).toEqual([{ from: 22, to: 22, reach: "unknown", why: "name no source at all", rules: [0] }]);
        expect(inboundReach([{ ...rule(["22"], []), sourceGroups: true }])).toEqual([{ from: 22, to: 22, reach: "limited", why: "", rules: [0] }]);
    });
});

describe("GIVEN security rules as azure-native and ARM (properties merged) write them", () => {
    it("THEN an inbound Allow rule's facts are read, single and plural fields together, and Outbound or Deny rules are left out", () => {
        expect(securityRuleFacts({
            direction: "Inbound", access: "Allow", protocol: "Tcp", sourceAddressPrefix: "10.0.0.0/8", sourceAddressPrefixes: ["Internet", 7],
            destinationPortRange: "22", destinationPortRanges: ["3389"], sourceApplicationSecurityGroups: [{ id: "/asg" }],
        })).toEqual({ sources: ["10.0.0.0/8", "Internet", "7"], sourceGroups: true, ports: ["22", "3389"], protocol: "Tcp" });
        expect(securityRuleFacts({ direction: "Outbound", access: "Allow", sourceAddressPrefix: "*" })).toBeUndefined();
        expect(securityRuleFacts({ direction: "Inbound", access: "deny", sourceAddressPrefix: "*" })).toBeUndefined();
        expect(securityRuleFacts({ sourceAddressPrefix: "*" })).toEqual({ sources: ["*"], sourceGroups: false, ports: [], protocol: "*" });
    });
});

describe("GIVEN the IPv4 helpers the components use (network-rules.ts)", () => {
    it("THEN publicBlockCovered and canonicalSpelling answer as before", () => {
        expect(publicBlockCovered([{ network: 0, prefixLength: 1 }, { network: 2 ** 31, prefixLength: 1 }])).toBe("1.0.0.0/8");
        expect(publicBlockCovered([{ network: 10 * 2 ** 24, prefixLength: 8 }])).toBeUndefined();
        expect(canonicalSpelling("00.0.0.0/0")).toBe("0.0.0.0/0");
        expect(canonicalSpelling("10.0.0.1/8")).toBeUndefined();
        expect(canonicalSpelling("0.0.0.0/0")).toBeUndefined();
    });
});
