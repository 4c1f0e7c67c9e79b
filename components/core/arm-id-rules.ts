/**
 * Azure resource ids given as plain strings: an id argument must have the shape of an id of its type, so that a name,
 * a portal URL or an id of another type is refused at preview, not by Azure at deployment. Provider namespaces and
 * types compare without case, as Azure compares them. An id given as an Output is known only at deployment and is
 * not checked.
 */
import type { Problem } from "./problems";

const PREFIX = "/subscriptions/<id>/resourceGroups/<group>/providers/";

/**
 * A rule for one type of id; a template is the part after `providers/`, with `<placeholders>` for names. An id of
 * any of the templates passes; the message shows `shown`, or the one template.
 */
export function armIdRule(what: string, templates: string | readonly string[], shown?: string): (path: string, value: unknown) => Problem[] {
    const patterns = [templates].flat().map((template) => new RegExp(
        `^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/${template.split(/<[^>]+>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+")}$`, "i"));
    const article = /^[aeiou]/i.test(what) ? "an" : "a";
    const shape = shown ?? `${PREFIX}${[templates].flat()[0] ?? ""}`;
    return (path, value) => typeof value !== "string" || patterns.some((p) => p.test(value)) ? [] : [{
        path,
        message: `${JSON.stringify(value)} is not ${article} ${what} id (${shape}).`,
    }];
}

export const checkSubnetId = armIdRule("subnet", "Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>");
export const checkNetworkSecurityGroupId = armIdRule("network security group", "Microsoft.Network/networkSecurityGroups/<name>");
export const checkApplicationSecurityGroupId = armIdRule("application security group", "Microsoft.Network/applicationSecurityGroups/<name>");

/** Each id of a list argument given as a plain list, by its index. */
export function checkEachId(rule: (path: string, value: unknown) => Problem[], path: string, ids: unknown): Problem[] {
    return Array.isArray(ids) ? ids.flatMap((id: unknown, index) => rule(`${path}[${index}]`, id)) : [];
}
export const checkAvailabilitySetId = armIdRule("availability set", "Microsoft.Compute/availabilitySets/<name>");
export const checkDataCollectionRuleId = armIdRule("data collection rule", "Microsoft.Insights/dataCollectionRules/<name>");
export const checkGalleryImageId = armIdRule("gallery image", ["Microsoft.Compute/galleries/<gallery>/images/<image>", "Microsoft.Compute/galleries/<gallery>/images/<image>/versions/<version>"],
    `${PREFIX}Microsoft.Compute/galleries/<gallery>/images/<image>[/versions/<version>]`);
export const checkManagedDiskId = armIdRule("managed disk", "Microsoft.Compute/disks/<name>");
export const checkCopySourceId = armIdRule("managed disk or snapshot", ["Microsoft.Compute/disks/<name>", "Microsoft.Compute/snapshots/<name>"],
    `${PREFIX}Microsoft.Compute/disks/<name> or .../snapshots/<name>`);
export const checkStorageAccountId = armIdRule("storage account", "Microsoft.Storage/storageAccounts/<name>");
