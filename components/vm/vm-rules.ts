/**
 * A VM's own rules: its Azure name, its computer name, the shape of its size, a disk encryption set id, and what a
 * VM built from an existing OS disk may not set.
 * Sources: Microsoft Learn, "Naming rules and restrictions for Azure resources"
 * (azure-resource-manager/management/resource-name-rules), Microsoft.Compute section, and the OSProfile reference of
 * the Compute REST API (computerName).
 */
import { armIdRule } from "../core/arm-id-rules";
import type { OsType } from "../core/os";
import { choiceRule, type Problem } from "../core/problems";
import { SECURITY_TYPES } from "./vm-args";

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

/** Trusted Launch or Standard; see VmArgs.securityType. */
export const checkSecurityType = choiceRule(SECURITY_TYPES, "security type");

/** A VM size's shape: `Standard_` or `Basic_` and the size's name, as in Standard_D2s_v5. */
export function checkVmSize(path: string, size: string): Problem[] {
    return /^(Standard|Basic)_[A-Za-z0-9_-]+$/.test(size)
        ? []
        : [{ path, message: `"${size}" is not an Azure VM size; sizes look like "Standard_D2s_v5".` }];
}

/** A disk encryption set id, when it is a plain value (an Output is known only at deployment). */
export const checkDiskEncryptionSetId = armIdRule("disk encryption set", "Microsoft.Compute/diskEncryptionSets/<name>");

/** The arguments only a VM created from an image can use: a VM built from an existing OS disk takes its OS from it. */
const FRESH_OS_ONLY = ["image", "imageReference", "galleryImageId", "plan", "computerName", "adminUsername", "sshPublicKeys", "adminPassword", "customData"] as const;

/** What a VM built from an existing OS disk (`osDisk.source`) must not set, each refused at its own path. */
export function checkBuiltFromDisk(given: Readonly<Partial<Record<(typeof FRESH_OS_ONLY)[number], unknown>>>): Problem[] {
    return FRESH_OS_ONLY.filter((key) => key === "sshPublicKeys" ? ((given[key] as readonly unknown[] | undefined) ?? []).length > 0 : given[key] !== undefined).map((key) => ({
        path: key,
        message: `is set, but the OS disk comes from osDisk.source, and a VM built from an existing disk takes its OS as it is on the disk (remove ${key}).`,
    }));
}
