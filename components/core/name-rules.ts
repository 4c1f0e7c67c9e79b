/**
 * Azure's naming rules for what a VM component names.
 * Source: Microsoft Learn, "Naming rules and restrictions for Azure resources"
 * (azure-resource-manager/management/resource-name-rules), Microsoft.Compute and Microsoft.Network sections,
 * and the OSProfile reference of the Compute REST API (computerName).
 */
import type { Problem } from "./problems";
import type { OsType } from "../image/image-facts";

/**
 * VM resource name: 1-64 characters; letters, digits, `_`, `.`, `-`; cannot end with `.` or `-`. It must also start
 * with a letter or digit, because the VM's NIC and disk names begin with it and those must.
 */
export function checkVmName(path: string, value: string): Problem[] {
    if (value.length < 1 || value.length > 64) {
        return [{ path, message: `"${value}" is ${value.length} characters; Azure allows 1 to 64 (set vmName).` }];
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(value) || /[.-]$/.test(value)) {
        return [{
            path,
            message: `"${value}" may hold only letters, digits, "_", "." and "-", must start with a letter or digit, and cannot end with "." or "-" (set vmName).`,
        }];
    }
    return [];
}

/** Naming rules of the other resources the components name, by kind. */
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

/**
 * Computer (host) name. Windows: 1-15 characters, letters, digits and hyphens, not only digits, no trailing hyphen
 * (NetBIOS). Linux: 1-64 characters, letters, digits, hyphens and periods, no leading or trailing hyphen or period.
 */
export function checkComputerName(path: string, os: OsType, value: string, derived: boolean): Problem[] {
    const fix = derived ? "set computerName" : "shorten computerName";
    if (os === "windows") {
        if (value.length < 1 || value.length > 15) {
            return [{ path, message: `"${value}" is ${value.length} characters; Windows allows at most 15 (${fix}).` }];
        }
        if (!/^[A-Za-z0-9-]+$/.test(value) || /^\d+$/.test(value) || value.endsWith("-")) {
            return [{
                path,
                message: `"${value}" must hold only letters, digits and hyphens, not only digits, and not end with a hyphen (set computerName).`,
            }];
        }
        return [];
    }
    if (value.length < 1 || value.length > 64) {
        return [{ path, message: `"${value}" is ${value.length} characters; Linux allows at most 64 (${fix}).` }];
    }
    if (!/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(value)) {
        return [{
            path,
            message: `"${value}" must hold only letters, digits, hyphens and periods, and start and end with a letter or digit (set computerName).`,
        }];
    }
    return [];
}

/**
 * The longest computer name prefix of a scale set: Azure appends six characters to the prefix to name each instance,
 * within the computer name's own limit (Windows 15, Linux 64). Source: the Flexible scale set validators of the azurerm
 * provider (`validate.WindowsComputerNamePrefix`, 9; `validate.LinuxComputerNamePrefix`, 58); the Compute REST API
 * reference says only "1 to 15 characters".
 */
export const MAX_COMPUTER_NAME_PREFIX: Readonly<Record<OsType, number>> = { windows: 9, linux: 58 };

/**
 * A scale set's computer name prefix. Windows: letters, digits and hyphens, not only digits. Linux: letters, digits,
 * hyphens and periods, not ending with a period. Both start with a letter or digit (a host name does); a trailing
 * hyphen is fine, since the instance's suffix follows it.
 */
export function checkComputerNamePrefix(path: string, os: OsType, value: string, derived: boolean): Problem[] {
    const max = MAX_COMPUTER_NAME_PREFIX[os];
    const system = os === "windows" ? "Windows" : "Linux";
    const limit = os === "windows" ? 15 : 64;
    if (value.length < 1 || value.length > max) {
        const fix = derived ? "set computerNamePrefix" : "shorten computerNamePrefix";
        return [{
            path,
            message: `"${value}" is ${value.length} characters; a ${system} scale set allows 1 to ${max}, because Azure appends 6 characters to make each instance's computer name of at most ${limit} (${fix}).`,
        }];
    }
    const valid = os === "windows"
        ? /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(value) && !/^\d+$/.test(value)
        : /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(value) && !value.endsWith(".");
    if (!valid) {
        const rule = os === "windows"
            ? "must hold only letters, digits and hyphens, start with a letter or digit, and not be only digits"
            : "must hold only letters, digits, hyphens and periods, start with a letter or digit, and not end with a period";
        return [{ path, message: `"${value}" ${rule} (set computerNamePrefix).` }];
    }
    return [];
}

/**
 * A scale set's Azure name, which is its component's name: the rules of a VM name (1-64 letters, digits, `_`, `.`, `-`,
 * starting with a letter or digit, not ending with `.` or `-`).
 */
export function checkScaleSetName(path: string, value: string): Problem[] {
    const problems = checkVmName(path, value);
    return problems.length === 0 ? [] : [{
        path,
        message: value.length < 1 || value.length > 64
            ? `"${value}" is ${value.length} characters; a scale set's name allows 1 to 64 (rename the component).`
            : `"${value}" may hold only letters, digits, "_", "." and "-", must start with a letter or digit, and cannot end with "." or "-" (rename the component).`,
    }];
}
