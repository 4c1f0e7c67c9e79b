/**
 * Azure's naming rules for what a VM component names.
 * Source: Microsoft Learn, "Naming rules and restrictions for Azure resources"
 * (azure-resource-manager/management/resource-name-rules), Microsoft.Compute and Microsoft.Network sections,
 * and the OSProfile reference of the Compute REST API (computerName).
 */
import type { Problem } from "../problems";
import type { OsType } from "../images";

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
