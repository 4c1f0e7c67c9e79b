/**
 * The pack's network security group policies judge who a rule's sources let in by address arithmetic, per port and
 * across rules, the same way whether the NSG is an azure-native NetworkSecurityGroup, a resources.Resource or a
 * literal resource of a resources.Deployment template; an NSG's rules and its SecurityRule resources are judged
 * together, in one template by the resource policies and across the stack by the stack policy. Not proved here: what
 * Azure itself accepts (whether it refuses `00.0.0.0/0` or reads it as `0.0.0.0/0`), Azure's default rules (every
 * NSG allows VirtualNetwork and AzureLoadBalancer inbound, which the inputs do not show), and the stack policy over
 * outputs of deployed resources (the engine's, not available here).
 */
import { describe, expect, it } from "vitest";
import * as rules from "../../policy/rules";
import type { Registration } from "../../tools/recorder/recorder";
import { policy, violationsOf } from "../support/policy-args";
import { IN_TEMPLATE, armResource, asDeployment, asGenericResource, bare, deployment, labelOf } from "./arm-forms";
import { stackViolationsOf } from "./stack-args";

const NSG = "azure-native:network:NetworkSecurityGroup";
const SECURITY_RULE = "azure-native:network:SecurityRule";
const NSG_POLICIES = [rules.NSG_NO_OPEN_MANAGEMENT, rules.NSG_NO_OPEN_INBOUND, rules.NSG_CANONICAL_SOURCES];
const MANAGE = "set sourceAddressPrefixes to the addresses you manage from, or reach the VMs through Azure Bastion.";
const REVIEW_TAG = "list address ranges instead, or name a service tag you have reviewed in this policy's trustedServiceTags in the pack config.";
const PUBLIC = "keep it only for a service meant to be public, otherwise narrow the sources.";
const COMPUTED = "is computed by the template (an expression or a copy loop), which the pack does not evaluate, so this policy cannot judge the resource; write the value literally, or review the resource and lower this policy's enforcementLevel in the pack config.";

/** An inbound Allow rule for TCP to `port` from `sources`, as azure-native writes it. */
function allow(name: string, port: string, sources: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        name, direction: "Inbound", access: "Allow", protocol: "Tcp", priority: 100, sourceAddressPrefixes: sources, sourcePortRange: "*",
        destinationAddressPrefix: "*", destinationPortRange: port, ...extra,
    };
}

/** The same rule as ARM nests it: its name beside its properties. */
function nested(rule: Record<string, unknown>): Record<string, unknown> {
    return { name: rule["name"], properties: Object.fromEntries(Object.entries(rule).filter(([k]) => k !== "name")) };
}

function nsg(...securityRules: Record<string, unknown>[]): Registration {
    return bare(NSG, "vms-nsg", { resourceGroupName: "rg", networkSecurityGroupName: "vms-nsg", securityRules });
}

/** The three ways a stack declares the same NSG, each with how the pack's messages start for it. */
const FORMS = [
    { form: "an azure-native NetworkSecurityGroup", wrap: (r: Registration) => r, label: () => "" },
    { form: "a resources.Resource", wrap: asGenericResource, label: (r: Registration) => labelOf(r) },
    { form: "a resources.Deployment template's resource", wrap: asDeployment, label: (r: Registration) => labelOf(r, IN_TEMPLATE) },
] as const;

/** Every NSG policy's messages for a resource, by policy name. */
async function judged(r: Registration, config: Readonly<Record<string, unknown>> = {}): Promise<Record<string, string[]>> {
    const found: Record<string, string[]> = {};
    for (const name of NSG_POLICIES) {
        found[name] = await violationsOf(policy(name), r, config);
    }
    return found;
}

interface Scenario {
    readonly when: string;
    readonly nsg: () => Registration;
    /** The messages each policy reports (the others report nothing), before the form's label. */
    readonly expected: Readonly<Record<string, readonly string[]>>;
}

const SCENARIOS: readonly Scenario[] = [
    {
        when: "SSH is allowed from 0.0.0.0/1 by one rule and from 128.0.0.0/1 by another",
        nsg: () => nsg(allow("low", "22", ["0.0.0.0/1"]), allow("high", "22", ["128.0.0.0/1"])),
        expected: { [rules.NSG_NO_OPEN_MANAGEMENT]: [`port 22 (SSH) is open to anyone: the sources of securityRules[0] ("low") and securityRules[1] ("high") cover all of IPv4; ${MANAGE}`] },
    },
    {
        when: "SSH is allowed from 00.0.0.0/0",
        nsg: () => nsg(allow("ssh", "22", ["00.0.0.0/0"])),
        expected: {
            [rules.NSG_NO_OPEN_MANAGEMENT]: [`port 22 (SSH) is open to anyone: the sources of securityRules[0] ("ssh") cover all of IPv4; ${MANAGE}`],
            [rules.NSG_CANONICAL_SOURCES]: ["securityRules[0] (\"ssh\"): sourceAddressPrefixes[0] is \"00.0.0.0/0\", which is not written the way Azure reads it; write it as \"0.0.0.0/0\"."],
        },
    },
    {
        when: "RDP is allowed from a public /8, 20.0.0.0/8",
        nsg: () => nsg(allow("rdp", "3389", ["20.0.0.0/8"])),
        expected: { [rules.NSG_NO_OPEN_MANAGEMENT]: [`port 3389 (RDP) is open to anyone: the sources of securityRules[0] ("rdp") cover 20.0.0.0/8, a whole /8 of public IPv4; ${MANAGE}`] },
    },
    {
        when: "SSH and RDP are allowed from the private 10.0.0.0/8 and an application port from 172.16.0.0/12",
        nsg: () => nsg(allow("ssh", "22", ["10.0.0.0/8"]), allow("rdp", "3389", ["10.0.0.0/8"]), allow("app", "8443", ["172.16.0.0/12"])),
        expected: {},
    },
    {
        when: "SSH is allowed from 2000::/3, all of global unicast IPv6",
        nsg: () => nsg(allow("ssh6", "22", ["2000::/3"])),
        expected: { [rules.NSG_NO_OPEN_MANAGEMENT]: [`port 22 (SSH) is open to anyone: the sources of securityRules[0] ("ssh6") cover all of global unicast IPv6; ${MANAGE}`] },
    },
    {
        when: "SSH is allowed from two halves of a registry's /12, 2a00::/13 and 2a08::/13",
        nsg: () => nsg(allow("ssh6", "22", ["2a00::/13", "2a08::/13"])),
        expected: { [rules.NSG_NO_OPEN_MANAGEMENT]: [`port 22 (SSH) is open to anyone: the sources of securityRules[0] ("ssh6") cover 2a00::/12, a whole /12 of global unicast IPv6 (a regional registry's allocation); ${MANAGE}`] },
    },
    {
        when: "SSH is allowed from the AzureCloud service tag",
        nsg: () => nsg(allow("ssh", "22", ["AzureCloud"])),
        expected: { [rules.NSG_NO_OPEN_MANAGEMENT]: [`port 22 (SSH) is open to anyone: the sources of securityRules[0] ("ssh") include "AzureCloud", the service tag for every Azure datacenter address, where anyone can run a VM; ${MANAGE}`] },
    },
    {
        when: "RDP is allowed from one region's AzureCloud.westeurope",
        nsg: () => nsg(allow("rdp", "3389", ["AzureCloud.westeurope"])),
        expected: { [rules.NSG_NO_OPEN_MANAGEMENT]: [`port 3389 (RDP) is open to anyone: the sources of securityRules[0] ("rdp") include "AzureCloud.westeurope", the service tag for every Azure datacenter address, where anyone can run a VM (of one region); ${MANAGE}`] },
    },
    {
        when: "SSH is allowed from the VirtualNetwork service tag",
        nsg: () => nsg(allow("ssh", "22", ["VirtualNetwork"])),
        expected: { [rules.NSG_NO_OPEN_MANAGEMENT]: [`port 22 (SSH) may be open to anyone: the sources of securityRules[0] ("ssh") include "VirtualNetwork", the service tag for the virtual network, its peerings, the networks behind its gateways and its routes' prefixes, which the pack cannot see; ${REVIEW_TAG}`] },
    },
    {
        when: "a Deny rule for Internet at a higher priority comes before an Allow of SSH from *",
        nsg: () => nsg(allow("deny-internet", "22", ["Internet"], { access: "Deny", priority: 100 }), allow("ssh", "22", ["*"], { priority: 200 })),
        expected: { [rules.NSG_NO_OPEN_MANAGEMENT]: [`port 22 (SSH) is open to anyone: the sources of securityRules[1] ("ssh") include "*", which means any address; ${MANAGE}`] },
    },
    {
        when: "port 8080 is allowed from 11.0.0.0/9 by one rule and from 11.128.0.0/9 by a rule for ports 8000-8100",
        nsg: () => nsg(allow("a", "8080", ["11.0.0.0/9"]), allow("b", "8000-8100", ["11.128.0.0/9"])),
        expected: { [rules.NSG_NO_OPEN_INBOUND]: [`port 8080 is open to anyone: the sources of securityRules[0] ("a") and securityRules[1] ("b") cover 11.0.0.0/8, a whole /8 of public IPv4; ${PUBLIC}`] },
    },
    {
        when: "ping (ICMP) and outbound traffic are allowed to and from anywhere",
        nsg: () => nsg(allow("ping", "*", ["*"], { protocol: "Icmp" }), allow("out", "*", ["*"], { direction: "Outbound" })),
        expected: {},
    },
];

describe.each(FORMS)("GIVEN a network security group declared as $form", ({ wrap, label }) => {
    it.each(SCENARIOS.map((s) => [s.when, s] as const))("WHEN %s THEN the NSG policies report exactly that", async (_when, s) => {
        const r = s.nsg();
        const expected = Object.fromEntries(NSG_POLICIES.map((name) => [name, (s.expected[name] ?? []).map((m) => `${label(r)}${m}`)]));
        expect(await judged(wrap(r))).toEqual(expected);
    });

    it("WHEN the pack config trusts VirtualNetwork THEN SSH from it passes, and a tag for anyone is still anyone", async () => {
        const config = { [rules.TRUSTED_SERVICE_TAGS]: ["VirtualNetwork", "Internet"] };
        const vnet = nsg(allow("ssh", "22", ["VirtualNetwork"]));
        const internet = nsg(allow("ssh", "22", ["Internet"]));
        expect(await violationsOf(policy(rules.NSG_NO_OPEN_MANAGEMENT), wrap(vnet), config)).toEqual([]);
        expect(await violationsOf(policy(rules.NSG_NO_OPEN_MANAGEMENT), wrap(internet), config)).toEqual([
            `${label(internet)}port 22 (SSH) is open to anyone: the sources of securityRules[0] ("ssh") include "Internet", the service tag for every public address; ${MANAGE}`,
        ]);
    });
});

describe("GIVEN an NSG in a template whose rules are computed", () => {
    it("WHEN a source is a template expression THEN the management policy reports that it cannot judge it, where", async () => {
        const r = nsg(allow("ssh", "22", ["[parameters('adminSource')]"]));
        const expected = [`securityRules[0].sourceAddressPrefixes[0] ${COMPUTED}`];
        expect(await violationsOf(policy(rules.NSG_NO_OPEN_MANAGEMENT), asGenericResource(r))).toEqual(expected.map((m) => `${labelOf(r)}${m}`));
        expect(await violationsOf(policy(rules.NSG_NO_OPEN_MANAGEMENT), asDeployment(r))).toEqual(expected.map((m) => `${labelOf(r, IN_TEMPLATE)}${m}`));
    });

    it("WHEN the rules are built by a copy loop, or all properties by an expression, THEN that is reported", async () => {
        const r = nsg();
        const looped = { ...armResource(r), properties: { copy: [{ name: "securityRules", count: "[length(parameters('rules'))]", input: {} }] } };
        const computed = { ...armResource(r), properties: "[variables('nsgProperties')]" };
        expect(await violationsOf(policy(rules.NSG_NO_OPEN_MANAGEMENT), deployment([looped, computed], r))).toEqual([
            `${labelOf(r, "properties.template.resources[0]")}securityRules ${COMPUTED}`,
            `${labelOf(r, "properties.template.resources[1]")}properties ${COMPUTED}`,
        ]);
    });

    it("WHEN a literal starts with [[ (ARM's escape) THEN it is read as text, not as an expression", async () => {
        const r = nsg(allow("ssh", "22", ["[[not-an-expression]"]));
        expect(await violationsOf(policy(rules.NSG_NO_OPEN_MANAGEMENT), asDeployment(r))).toEqual([
            `${labelOf(r, IN_TEMPLATE)}port 22 (SSH) may be open to anyone: the sources of securityRules[0] ("ssh") include "[[not-an-expression]", which is neither an address range nor a service tag; ${REVIEW_TAG}`,
        ]);
    });
});

describe("GIVEN a template that declares an NSG and its child security rules", () => {
    const parent = nsg(allow("low", "22", ["11.0.0.0/9"]));
    const child = { type: "Microsoft.Network/networkSecurityGroups/securityRules", apiVersion: "2024-07-01", name: "vms-nsg/high", properties: allow("high", "22", ["11.128.0.0/9"]) };
    const CHILD_AT = "Microsoft.Network/networkSecurityGroups/securityRules \"vms-nsg/high\" at properties.template.resources[1]";

    it("WHEN the child is a top-level resource named after the NSG THEN their sources are judged together, and the child not again alone", async () => {
        const template = deployment([armResource(parent), child], parent);
        expect(await violationsOf(policy(rules.NSG_NO_OPEN_MANAGEMENT), template)).toEqual([
            `${labelOf(parent, IN_TEMPLATE)}port 22 (SSH) is open to anyone: the sources of securityRules[0] ("low") and ${CHILD_AT} cover 11.0.0.0/8, a whole /8 of public IPv4; ${MANAGE}`,
        ]);
    });

    it("WHEN the child is nested in the NSG's resources, in ARM's nested spelling, THEN the same", async () => {
        const inArm = {
            ...armResource(parent),
            properties: { securityRules: [nested(allow("low", "22", ["11.0.0.0/9"]))] },
            resources: [{ type: "securityRules", apiVersion: "2024-07-01", ...nested(allow("high", "22", ["11.128.0.0/9"])) }],
        };
        expect(await violationsOf(policy(rules.NSG_NO_OPEN_MANAGEMENT), deployment([inArm], parent))).toEqual([
            `${labelOf(parent, IN_TEMPLATE)}port 22 (SSH) is open to anyone: the sources of securityRules[0] ("low") and `
            + `Microsoft.Network/networkSecurityGroups/securityRules "vms-nsg/high" at properties.template.resources[0].resources[0] cover 11.0.0.0/8, a whole /8 of public IPv4; ${MANAGE}`,
        ]);
    });

    it("WHEN the child's source is computed THEN the NSG's report names the child and the path", async () => {
        const computed = { ...child, properties: allow("high", "22", ["[parameters('source')]"]) };
        expect(await violationsOf(policy(rules.NSG_NO_OPEN_MANAGEMENT), deployment([armResource(parent), computed], parent))).toEqual([
            `${labelOf(parent, IN_TEMPLATE)}${CHILD_AT}: sourceAddressPrefixes[0] ${COMPUTED}`,
        ]);
    });
});

describe("GIVEN a stack with an NSG and SecurityRule resources that add to it (the stack policy)", () => {
    const parent = nsg(allow("low", "22", ["11.0.0.0/9"]));
    const rule = (name: string, sources: string[], extra: Partial<Registration> = {}): Registration => ({
        ...bare(SECURITY_RULE, name, { resourceGroupName: "rg", networkSecurityGroupName: "vms-nsg", securityRuleName: name, ...allow(name, "22", sources) }),
        ...extra,
    });
    const stackPolicy = rules.STACK_POLICIES.find((p) => p.name === rules.NSG_NO_OPEN_MANAGEMENT_STACK);
    const run = (regs: Registration[]) => (stackPolicy === undefined ? Promise.reject(new Error("no stack policy")) : stackViolationsOf(stackPolicy, regs));
    const together = `network security group "vms-nsg": port 22 (SSH) is open to anyone: the sources of securityRules[0] ("low") and SecurityRule "high" cover 11.0.0.0/8, a whole /8 of public IPv4, its inline rules and SecurityRule resources together; ${MANAGE}`;

    it("WHEN the rule's NSG name input depends on the NSG THEN SSH open to 11.0.0.0/8 between them is reported on the NSG", async () => {
        const high = rule("high", ["11.128.0.0/9"], { propertyDependencies: { networkSecurityGroupName: [parent.urn] } });
        expect(await run([parent, { ...high, inputs: { ...high.inputs, networkSecurityGroupName: "computed-name" } }])).toEqual([{ message: together, urn: parent.urn }]);
        expect(await violationsOf(policy(rules.NSG_NO_OPEN_MANAGEMENT), parent)).toEqual([]);
        expect(await violationsOf(policy(rules.NSG_NO_OPEN_MANAGEMENT), high)).toEqual([]);
    });

    it("WHEN the rule names the NSG literally THEN the same", async () => {
        expect(await run([parent, rule("high", ["11.128.0.0/9"])])).toEqual([{ message: together, urn: parent.urn }]);
    });

    it("WHEN one rule alone already lets anyone in, or the rule adds to another NSG, THEN the stack policy adds nothing", async () => {
        expect(await run([parent, rule("open", ["0.0.0.0/0"])])).toEqual([]);
        expect(await run([parent, rule("high", ["11.128.0.0/9"], { inputs: { ...rule("high", []).inputs, networkSecurityGroupName: "other-nsg", sourceAddressPrefixes: ["11.128.0.0/9"] } })])).toEqual([]);
    });
});
