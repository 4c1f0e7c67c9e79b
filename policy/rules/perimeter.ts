/**
 * The pack's perimeter, stated and closed: what it cannot analyse is reported, never passed. A template it cannot
 * read (linked, not an object, a resource whose type is computed), and resources that change who reaches a VM in ways
 * it cannot follow: deployment scripts, Azure Virtual Network Manager admin rules that always allow inbound traffic
 * (they override NSGs), and Azure Firewall DNAT rules. Both policies are mandatory; a stack that has reviewed such a
 * resource lowers the policy's enforcementLevel in the pack config.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { wrapperContents } from "./arm";
import {
    ADMIN_RULE, AZURE_CLI_SCRIPT, AZURE_FIREWALL, AZURE_POWERSHELL_SCRIPT, DEFAULT_ADMIN_RULE, FIREWALL_POLICY_RULE_COLLECTION_GROUP, WRAPPERS,
    field, items, resourceRule, sameText,
} from "./support";

export const TEMPLATE_ANALYSABLE = "apvm-template-analysable";
export const RESOURCE_ANALYSABLE = "apvm-resource-analysable";

const REVIEW = "review it and lower this policy's enforcementLevel in the pack config";

export const PERIMETER_POLICIES: ResourceValidationPolicy[] = [
    resourceRule({
        name: TEMPLATE_ANALYSABLE,
        description: "A generic ARM resource names its type, and a deployment's (or deployment stack's) template is inline with literal resources, so the pack can check what they declare.",
        // Mandatory: what the pack cannot read could open any port or carry any secret.
        enforcementLevel: "mandatory",
        types: WRAPPERS,
        inWrappers: false,
        check: (props, args, report) => wrapperContents(args.type, props).problems.forEach((p) => report(p)),
    }),
    resourceRule({
        name: RESOURCE_ANALYSABLE,
        description: "No deployment script, Azure Virtual Network Manager admin rule that always allows inbound traffic, or Azure Firewall DNAT rule: the pack cannot follow who they let reach a VM.",
        // Mandatory: each can open a VM to the Internet past the NSGs the pack checks.
        enforcementLevel: "mandatory",
        types: [AZURE_CLI_SCRIPT, AZURE_POWERSHELL_SCRIPT, ADMIN_RULE, DEFAULT_ADMIN_RULE, AZURE_FIREWALL, FIREWALL_POLICY_RULE_COLLECTION_GROUP],
        check: (props, args, report) => {
            if (args.type === AZURE_CLI_SCRIPT || args.type === AZURE_POWERSHELL_SCRIPT) {
                report(`a deployment script runs code with its identity at deployment, which the pack cannot analyse; ${REVIEW}.`);
            } else if (args.type === DEFAULT_ADMIN_RULE || (args.type === ADMIN_RULE && sameText(props["kind"], "Default"))) {
                report(`a default Azure Virtual Network Manager admin rule applies a rule the pack cannot see, over the NSGs it checks; ${REVIEW}.`);
            } else if (args.type === ADMIN_RULE) {
                if (sameText(props["access"], "AlwaysAllow") && !sameText(props["direction"], "Outbound")) {
                    report(`access is "AlwaysAllow": an Azure Virtual Network Manager admin rule lets traffic in whatever the NSGs say, for `
                        + `networks the pack cannot see; use "Allow" (the NSGs then decide), or ${REVIEW}.`);
                }
            } else if (args.type === AZURE_FIREWALL) {
                if (items(props["natRuleCollections"]).length > 0) {
                    report(`natRuleCollections forwards traffic (DNAT) to addresses behind the firewall, which the pack cannot follow; ${REVIEW}.`);
                }
            } else {
                items(props["ruleCollections"]).forEach((c, i) => {
                    if (sameText(field(c, "ruleCollectionType"), "FirewallPolicyNatRuleCollection")) {
                        report(`ruleCollections[${i}] is a DNAT rule collection, which forwards traffic to addresses behind the firewall that the pack cannot follow; ${REVIEW}.`);
                    }
                });
            }
        },
    }),
];
