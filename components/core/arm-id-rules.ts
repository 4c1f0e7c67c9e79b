/**
 * Azure resource ids given as plain strings: an id argument must have the shape of an id of its type, so that a name,
 * a portal URL or an id of another type is refused at preview, not by Azure at deployment. Provider namespaces and
 * types compare without case, as Azure compares them. An id given as an Output is known only at deployment and is
 * not checked.
 */
import type { Problem } from "./problems";

/** A rule for one type of id; `template` is the part after `providers/`, with `<placeholders>` for names. */
export function armIdRule(what: string, template: string): (path: string, value: unknown) => Problem[] {
    const pattern = new RegExp(`^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/${template.split(/<[^>]+>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+")}$`, "i");
    const article = /^[aeiou]/i.test(what) ? "an" : "a";
    return (path, value) => typeof value !== "string" || pattern.test(value) ? [] : [{
        path,
        message: `${JSON.stringify(value)} is not ${article} ${what} id (/subscriptions/<id>/resourceGroups/<group>/providers/${template}).`,
    }];
}

export const checkSubnetId = armIdRule("subnet", "Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>");
export const checkNetworkSecurityGroupId = armIdRule("network security group", "Microsoft.Network/networkSecurityGroups/<name>");
export const checkAvailabilitySetId = armIdRule("availability set", "Microsoft.Compute/availabilitySets/<name>");
export const checkDataCollectionRuleId = armIdRule("data collection rule", "Microsoft.Insights/dataCollectionRules/<name>");
