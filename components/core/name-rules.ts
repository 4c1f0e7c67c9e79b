/**
 * Azure's naming rules for the resources the components name besides VMs: resource groups, networks and disks.
 * Source: Microsoft Learn, "Naming rules and restrictions for Azure resources"
 * (azure-resource-manager/management/resource-name-rules), Microsoft.Compute and Microsoft.Network sections.
 */
import type { Problem } from "./problems";

/** Naming rules of the resources the components name, other than VMs and scale sets, by kind. */
export const NAME_RULES = {
    resourceGroup: { min: 1, max: 90, label: "resource group" },
    virtualNetwork: { min: 2, max: 64, label: "virtual network" },
    subnet: { min: 1, max: 80, label: "subnet" },
    networkSecurityGroup: { min: 1, max: 80, label: "network security group" },
    networkInterface: { min: 1, max: 80, label: "network interface" },
    disk: { min: 1, max: 80, label: "managed disk" },
} as const;
export type NamedKind = keyof typeof NAME_RULES;

/**
 * Network and disk names: letters, digits, `_`, `.`, `-`, starting with a letter or digit and ending with a letter,
 * digit or `_`. Resource groups also allow parentheses and may start with them, and only may not end with `.`.
 */
export function checkResourceName(path: string, kind: NamedKind, value: string, fix: string, derived = true): Problem[] {
    const rule = NAME_RULES[kind];
    // A name the user typed is the value itself; a derived one is reported as what the argument makes.
    const subject = derived ? `makes the ${rule.label} name "${value}",` : `"${value}" is a ${rule.label} name of`;
    if (value.length < rule.min || value.length > rule.max) {
        return [{ path, message: `${subject} ${value.length} characters; Azure allows ${rule.min} to ${rule.max} (${fix}).` }];
    }
    const pattern = kind === "resourceGroup" ? /^[\p{L}\p{N}_().-]*[\p{L}\p{N}_()-]$/u : /^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;
    if (!pattern.test(value)) {
        const chars = kind === "resourceGroup"
            ? "letters, digits, \"_\", \"-\", \".\", \"(\" and \")\", and cannot end with \".\""
            : "letters, digits, \"_\", \".\" and \"-\", starting with a letter or digit and ending with a letter, digit or \"_\"";
        const what = derived ? `makes the ${rule.label} name "${value}", which` : `"${value}" is a ${rule.label} name that`;
        return [{ path, message: `${what} may hold only ${chars} (${fix}).` }];
    }
    return [];
}
