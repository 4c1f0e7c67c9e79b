/**
 * Inbound rules open to the whole Internet, in a NetworkSecurityGroup's securityRules or in a SecurityRule resource.
 * SSH and RDP from anywhere are refused; any other port from anywhere is reported for review.
 */
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { NETWORK_SECURITY_GROUP, SECURITY_RULE, field, items, resourceRule, sameText, show, type Report } from "./support";

export const NSG_NO_OPEN_MANAGEMENT = "apvm-nsg-no-open-management";
export const NSG_NO_OPEN_INBOUND = "apvm-nsg-no-open-inbound";

/** Sources that mean "any address", compared without regard to case. */
export const OPEN_SOURCES: readonly string[] = ["*", "0.0.0.0", "0.0.0.0/0", "::/0", "internet", "any"];

const MANAGEMENT_PORTS = [{ port: 22, label: "22 (SSH)" }, { port: 3389, label: "3389 (RDP)" }] as const;

/** Protocols without ports: a rule for them opens no SSH or RDP. */
const PORTLESS = ["icmp", "esp", "ah"];

/** An inbound Allow rule open to any source, with where it is and which property holds the open source. */
interface OpenRule {
    readonly where: string;
    readonly source: string;
    readonly rule: unknown;
}

/** Does a port spec ("22", "20-30", "*") cover `port`? */
function covers(spec: unknown, port: number): boolean {
    if (typeof spec !== "string") {
        return false;
    }
    const text = spec.trim();
    if (text === "*") {
        return true;
    }
    const [from = NaN, to = from] = text.split("-").map((p) => Number(p.trim()));
    return port >= from && port <= to;
}

/** The port specs a rule allows; a rule that names none allows all (Azure would reject it anyway). */
function portSpecs(rule: unknown): unknown[] {
    const specs = [field(rule, "destinationPortRange"), ...items(field(rule, "destinationPortRanges"))].filter((s) => s !== undefined);
    return specs.length > 0 ? specs : ["*"];
}

function openSource(rule: unknown): string | undefined {
    const single = field(rule, "sourceAddressPrefix");
    if (typeof single === "string" && OPEN_SOURCES.includes(single.toLowerCase())) {
        return `sourceAddressPrefix is ${show(single)}`;
    }
    const open = items(field(rule, "sourceAddressPrefixes")).find((p) => typeof p === "string" && OPEN_SOURCES.includes(p.toLowerCase()));
    return open === undefined ? undefined : `sourceAddressPrefixes contains ${show(open)}`;
}

/** The inbound Allow rules open to any source, in an NSG's securityRules or in a SecurityRule resource. */
function openRules(props: Readonly<Record<string, unknown>>, args: ResourceValidationArgs): OpenRule[] {
    const rules: [string, unknown][] = args.type === SECURITY_RULE
        ? [[`SecurityRule ${show(props["securityRuleName"] ?? args.name)}`, props]]
        : items(props["securityRules"]).map((r, i): [string, unknown] => [`securityRules[${i}] (${show(field(r, "name"))})`, r]);
    return rules.flatMap(([where, rule]) => {
        const source = sameText(field(rule, "direction"), "Inbound") && sameText(field(rule, "access"), "Allow")
            ? openSource(rule) : undefined;
        return source === undefined ? [] : [{ where, source, rule }];
    });
}

function managementPorts(rule: unknown): string[] {
    const protocol = field(rule, "protocol");
    if (typeof protocol === "string" && PORTLESS.includes(protocol.toLowerCase())) {
        return [];
    }
    const specs = portSpecs(rule);
    return MANAGEMENT_PORTS.filter(({ port }) => specs.some((s) => covers(s, port))).map((p) => p.label);
}

function listed(labels: readonly string[]): string {
    return labels.length === 1 ? `port ${labels[0]}` : `ports ${labels.join(" and ")}`;
}

export const NSG_POLICIES: ResourceValidationPolicy[] = [
    resourceRule({
        name: NSG_NO_OPEN_MANAGEMENT,
        description: "No inbound Allow rule opens SSH (22) or RDP (3389) to any source (\"*\", \"0.0.0.0/0\", \"::/0\", \"Internet\", \"Any\").",
        // Mandatory: SSH and RDP open to the Internet are scanned and brute-forced within minutes.
        enforcementLevel: "mandatory",
        types: [NETWORK_SECURITY_GROUP, SECURITY_RULE],
        check: (props, args, report: Report) => {
            for (const { where, source, rule } of openRules(props, args)) {
                const ports = managementPorts(rule);
                if (ports.length > 0) {
                    report(`${where}: ${source}, so it opens ${listed(ports)} to the Internet; set sourceAddressPrefixes `
                        + "to the addresses you manage from, or reach the VMs through Azure Bastion.");
                }
            }
        },
    }),
    resourceRule({
        name: NSG_NO_OPEN_INBOUND,
        description: "An inbound Allow rule open to any source is a deliberate, public service.",
        // Advisory: a public web server needs exactly such a rule; the report asks for a second look.
        enforcementLevel: "advisory",
        types: [NETWORK_SECURITY_GROUP, SECURITY_RULE],
        check: (props, args, report: Report) => {
            for (const { where, source, rule } of openRules(props, args)) {
                // Rules that open SSH or RDP are NSG_NO_OPEN_MANAGEMENT's; one report per rule is enough.
                if (managementPorts(rule).length === 0) {
                    const specs = portSpecs(rule);
                    report(`${where}: ${source}, so it opens port${specs.length > 1 ? "s" : ""} ${specs.map(show).join(", ")} to the `
                        + "Internet; keep it only for a service meant to be public, otherwise narrow the source.");
                }
            }
        },
    }),
];
