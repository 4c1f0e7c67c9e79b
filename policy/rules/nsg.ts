/**
 * Who a network security group lets in, by address arithmetic (vendor/address-rules.ts): per destination port, the
 * sources of every inbound Allow rule that reaches it, together. They are anyone when they cover a whole /8 of public
 * IPv4 or a whole /12 of global unicast IPv6, or include a tag that means anyone (`*`, `Any`, `Internet`,
 * `AzureCloud`); unknown when a source is a service tag the pack cannot size (`VirtualNetwork`) or no address. SSH
 * and RDP open to anyone, or maybe open to anyone, are refused; any other port is reported for review.
 *
 * What is judged together: the rules of one NSG resource (its securityRules), and, inside one template, an NSG with
 * its child securityRules resources. A SecurityRule resource is judged alone by these resource policies; the stack
 * policy NSG_NO_OPEN_MANAGEMENT_STACK judges it with its NSG's other rules. Deny rules are not honoured (see
 * securityRuleFacts), so the verdict errs towards "open".
 */
import type { ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy, PolicyResource } from "@pulumi/policy";
import {
    canonicalPrefix, inboundReach, reachAt, securityRuleFacts, type InboundRuleFacts, type PortReach,
} from "../vendor/address-rules";
import { TemplateExpression, type Embedded } from "./arm";
import {
    NETWORK_SECURITY_GROUP, SECURITY_RULE, configList, field, items, resourceRule, show, type Report, type RuleArgs,
} from "./support";

export const NSG_NO_OPEN_MANAGEMENT = "apvm-nsg-no-open-management";
export const NSG_NO_OPEN_INBOUND = "apvm-nsg-no-open-inbound";
export const NSG_CANONICAL_SOURCES = "apvm-nsg-canonical-sources";
export const NSG_NO_OPEN_MANAGEMENT_STACK = "apvm-nsg-no-open-management-stack";

/** The config key that names service tags a stack has reviewed and takes as limited (`["VirtualNetwork"]`). */
export const TRUSTED_SERVICE_TAGS = "trustedServiceTags";

const TRUSTED_SCHEMA = {
    properties: {
        [TRUSTED_SERVICE_TAGS]: {
            type: "array" as const,
            items: { type: "string" as const },
            default: [],
            description: "Service tags (exact names, like \"VirtualNetwork\") taken as limited rather than unknown. A tag that means anyone (Internet, AzureCloud) stays anyone.",
        },
    },
};

const MANAGEMENT_PORTS = [{ port: 22, label: "22 (SSH)" }, { port: 3389, label: "3389 (RDP)" }] as const;

/** A rule, with how a message names it. */
interface NamedRule {
    readonly where: string;
    readonly rule: unknown;
    /** A child SecurityRule resource of a template's NSG: a value it computes is reported under its own name. */
    readonly child?: boolean;
}

/** The NSG a SecurityRule inside a template belongs to, when that NSG is in the same template. */
function templateNsg(rule: Embedded, all: readonly Embedded[]): Embedded | undefined {
    if (rule.parent?.token === NETWORK_SECURITY_GROUP) {
        return rule.parent;
    }
    const nsgName = rule.name.split("/").slice(0, -1).join("/").toLowerCase();
    return all.find((e) => e.token === NETWORK_SECURITY_GROUP && nsgName !== "" && e.name.toLowerCase() === nsgName);
}

/**
 * The rules a resource holds: an NSG's securityRules, with (inside a template) its child SecurityRule resources; or
 * a SecurityRule alone. A SecurityRule whose NSG is in the same template is judged with that NSG instead.
 */
function rulesOf(props: Readonly<Record<string, unknown>>, args: RuleArgs): NamedRule[] {
    const inside = args.inside;
    if (args.type === SECURITY_RULE) {
        if (inside !== undefined && templateNsg(inside.self, inside.all) !== undefined) {
            args.notApplicable("judged with its network security group, which the same template declares");
        }
        return [{ where: `SecurityRule ${show(props["securityRuleName"] ?? args.name)}`, rule: props }];
    }
    const own = items(props["securityRules"]).map((r, i) => ({ where: `securityRules[${i}] (${show(field(r, "name"))})`, rule: r }));
    const children = inside === undefined ? []
        : inside.all.filter((e) => e.token === SECURITY_RULE && templateNsg(e, inside.all) === inside.self)
            .map((e) => ({ where: e.label.replace(/: $/, ""), rule: e.props, child: true }));
    return [...own, ...children];
}

/** A rule's facts; a value a template computes is reported under the rule's own name. */
function factsOf({ where, rule, child }: NamedRule): InboundRuleFacts | undefined {
    try {
        return securityRuleFacts(rule);
    } catch (e) {
        throw e instanceof TemplateExpression && child === true ? new TemplateExpression(`${where}: ${e.path}`) : e;
    }
}

function analyse(rules: readonly NamedRule[], trusted: readonly string[]): PortReach[] {
    return inboundReach(rules.map(factsOf), trusted);
}

function andList(texts: readonly string[]): string {
    return texts.length <= 1 ? texts.join("") : `${texts.slice(0, -1).join(", ")} and ${texts[texts.length - 1]}`;
}

/** "the sources of securityRules[0] ("a") and securityRules[1] ("b") cover all of IPv4". */
function because(run: PortReach, rules: readonly NamedRule[]): string {
    return `the sources of ${andList(run.rules.map((i) => rules[i]?.where ?? `rule ${i}`))} ${run.why}`;
}

/** "is open to anyone", or "may be open to anyone" when a source cannot be sized. */
function opens(run: PortReach, ports: number): string {
    return run.reach === "anyone" ? `${ports === 1 ? "is" : "are"} open to anyone` : "may be open to anyone";
}

const FIX = {
    anyone: "set sourceAddressPrefixes to the addresses you manage from, or reach the VMs through Azure Bastion",
    unknown: `list address ranges instead, or name a service tag you have reviewed in this policy's ${TRUSTED_SERVICE_TAGS} in the pack config`,
};

/** One message per distinct answer for SSH and RDP (both ports in one message when the answer is the same). */
function managementMessages(runs: readonly PortReach[], rules: readonly NamedRule[]): string[] {
    const found = new Map<string, { run: PortReach; labels: string[] }>();
    for (const { port, label } of MANAGEMENT_PORTS) {
        const run = reachAt(runs, port);
        if (run === undefined || run.reach === "limited") {
            continue;
        }
        const key = `${run.reach}\u0000${run.why}\u0000${run.rules.join()}`;
        found.set(key, { run, labels: [...(found.get(key)?.labels ?? []), label] });
    }
    return [...found.values()].map(({ run, labels }) => {
        const ports = labels.length === 1 ? `port ${labels[0]}` : `ports ${andList(labels)}`;
        return `${ports} ${opens(run, labels.length)}: ${because(run, rules)}; ${FIX[run.reach === "anyone" ? "anyone" : "unknown"]}.`;
    });
}

/** The paths and texts of a rule's sources, for the canonical-spelling check. */
function sourceTexts(rule: unknown): { path: string; text: unknown }[] {
    const single = field(rule, "sourceAddressPrefix");
    return [
        ...(single === undefined ? [] : [{ path: "sourceAddressPrefix", text: single }]),
        ...items(field(rule, "sourceAddressPrefixes")).map((text, i) => ({ path: `sourceAddressPrefixes[${i}]`, text })),
    ];
}

export const NSG_POLICIES: ResourceValidationPolicy[] = [
    resourceRule({
        name: NSG_NO_OPEN_MANAGEMENT,
        description: "No network security group lets anyone reach SSH (22) or RDP (3389): the sources of the inbound Allow rules for each port, together, cover no whole /8 of public IPv4 or /12 of IPv6 and include no tag for anyone or that the pack cannot size.",
        // Mandatory: SSH and RDP open to the Internet are scanned and brute-forced within minutes.
        enforcementLevel: "mandatory",
        types: [NETWORK_SECURITY_GROUP, SECURITY_RULE],
        configSchema: TRUSTED_SCHEMA,
        check: (props, args, report: Report) => {
            const rules = rulesOf(props, args);
            managementMessages(analyse(rules, configList(args, TRUSTED_SERVICE_TAGS)), rules).forEach((m) => report(m));
        },
    }),
    resourceRule({
        name: NSG_NO_OPEN_INBOUND,
        description: "A port other than SSH and RDP that anyone can reach (or that a service tag the pack cannot size reaches) is a deliberate, public service.",
        // Advisory: a public web server needs exactly such a rule; the report asks for a second look.
        enforcementLevel: "advisory",
        types: [NETWORK_SECURITY_GROUP, SECURITY_RULE],
        configSchema: TRUSTED_SCHEMA,
        check: (props, args, report: Report) => {
            const rules = rulesOf(props, args);
            for (const run of analyse(rules, configList(args, TRUSTED_SERVICE_TAGS))) {
                // Runs that hold SSH or RDP are NSG_NO_OPEN_MANAGEMENT's; one report per opening is enough.
                if (run.reach === "limited" || MANAGEMENT_PORTS.some(({ port }) => run.from <= port && port <= run.to)) {
                    continue;
                }
                const ports = run.from === run.to ? `port ${run.from}` : `ports ${run.from}-${run.to}`;
                const fix = run.reach === "anyone" ? "keep it only for a service meant to be public, otherwise narrow the sources" : FIX.unknown;
                report(`${ports} ${opens(run, run.to - run.from + 1)}: ${because(run, rules)}; ${fix}.`);
            }
        },
    }),
    resourceRule({
        name: NSG_CANONICAL_SOURCES,
        description: "Every source of an inbound Allow rule is written the way Azure reads it: no leading zeros (00.0.0.0/0), no host bits set (10.0.0.1/8), IPv6 as RFC 5952 writes it.",
        // Mandatory: a spelling that parsers read differently (a leading zero is octal to some) hides what the rule opens.
        enforcementLevel: "mandatory",
        types: [NETWORK_SECURITY_GROUP, SECURITY_RULE],
        check: (props, args, report: Report) => {
            for (const named of rulesOf(props, args)) {
                if (factsOf(named) === undefined) {
                    continue;
                }
                for (const { path, text } of sourceTexts(named.rule)) {
                    const canonical = typeof text === "string" ? canonicalPrefix(text) : undefined;
                    if (canonical !== undefined) {
                        report(`${named.where}: ${path} is ${show(text)}, which is not written the way Azure reads it; write it as ${show(canonical)}.`);
                    }
                }
            }
        },
    }),
];

/** Whether a SecurityRule resource of the stack adds to this NSG: its name input depends on the NSG, or names it. */
function belongsTo(rule: PolicyResource, nsg: PolicyResource): boolean {
    if ((rule.propertyDependencies["networkSecurityGroupName"] ?? []).includes(nsg)) {
        return true;
    }
    const named = rule.props["networkSecurityGroupName"];
    const nsgName = nsg.props["networkSecurityGroupName"] ?? nsg.props["name"];
    const ruleGroup = rule.props["resourceGroupName"];
    const nsgGroup = nsg.props["resourceGroupName"];
    // Names are unique per resource group; where either group is not known here, the name alone decides.
    const sameGroup = typeof ruleGroup !== "string" || typeof nsgGroup !== "string" || ruleGroup.toLowerCase() === nsgGroup.toLowerCase();
    return typeof named === "string" && typeof nsgName === "string" && named.toLowerCase() === nsgName.toLowerCase() && sameGroup;
}

/**
 * An NSG's inline rules and the SecurityRule resources that add to it, judged together for SSH and RDP. Reported only
 * when no one of them alone already lets anyone in (the resource policies report that).
 */
function checkStack(args: StackValidationArgs, report: (message: string, urn: string) => void): void {
    const trusted = configList(args, TRUSTED_SERVICE_TAGS);
    const securityRules = args.resources.filter((r) => r.type === SECURITY_RULE);
    for (const nsg of args.resources.filter((r) => r.type === NETWORK_SECURITY_GROUP)) {
        const children = securityRules.filter((r) => belongsTo(r, nsg));
        if (children.length === 0) {
            continue;
        }
        const childNames = children.map((c) => String(c.props["securityRuleName"] ?? c.props["name"]).toLowerCase());
        // A deployed NSG's securityRules also list its SecurityRule resources' rules; each is counted once.
        const own = items(nsg.props["securityRules"]).flatMap((r, i) => (childNames.includes(String(field(r, "name")).toLowerCase()) ? []
            : [{ where: `securityRules[${i}] (${show(field(r, "name"))})`, rule: r }]));
        const groups: NamedRule[][] = [own, ...children.map((c) => [{ where: `SecurityRule ${show(c.props["securityRuleName"] ?? c.name)}`, rule: c.props }])];
        const together = groups.flat();
        const runs = analyse(together, trusted);
        const alone = groups.map((g) => analyse(g, trusted));
        const opened = MANAGEMENT_PORTS.flatMap(({ port, label }) => {
            const run = reachAt(runs, port);
            return run?.reach === "anyone" && !alone.some((a) => reachAt(a, port)?.reach === "anyone") ? [{ run, label }] : [];
        });
        for (const { run, label } of opened) {
            report(`network security group ${show(nsg.name)}: port ${label} ${opens(run, 1)}: ${because(run, together)}, its inline `
                + `rules and SecurityRule resources together; ${FIX.anyone}.`, nsg.urn);
        }
    }
}

export const NSG_STACK_POLICIES: StackValidationPolicy[] = [{
    name: NSG_NO_OPEN_MANAGEMENT_STACK,
    description: "No network security group lets anyone reach SSH (22) or RDP (3389) through its inline rules and its SecurityRule resources together.",
    // Mandatory, as NSG_NO_OPEN_MANAGEMENT: the same exposure, spread over several resources.
    enforcementLevel: "mandatory",
    configSchema: TRUSTED_SCHEMA,
    validateStack: (args, reportViolation) => checkStack(args, (message, urn) => reportViolation(message, urn)),
}];
