/**
 * A fleet's own rules: its name (the scale set's Azure name), its computer name prefix, its instance count, its health
 * probe and its upgrade mode.
 * Sources: the Flexible scale set validators of the azurerm provider (computer name prefixes) and Microsoft Learn,
 * "Flexible orchestration" (up to 1000 VMs).
 */
import type { OsType } from "../core/os";
import { checkChoice, choiceRule, within, type Problem } from "../core/problems";
import { checkVmName } from "../vm/vm-rules";
import { HEALTH_PROBE_PROTOCOLS, SCALE_SET_DISK_DELETE_OPTIONS, SCALE_SET_UPGRADE_MODES, type ScaleSetHealthProbeArgs } from "./scale-set-args";

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

/** The most instances a Flexible scale set holds (Microsoft Learn, "Flexible orchestration": up to 1000 VMs). */
export const MAX_INSTANCES = 1000;

/** The instance count, when it is a plain number: a whole number from 0 to 1000. */
export function checkInstanceCount(path: string, value: unknown): Problem[] {
    if (typeof value !== "number" || (Number.isInteger(value) && value >= 0 && value <= MAX_INSTANCES)) {
        return [];
    }
    return [{ path, message: `${value} is not a whole number from 0 to ${MAX_INSTANCES}, the instances a Flexible scale set holds (set instanceCount in that range).` }];
}

/** The Application Health extension's probe: a protocol, a port, and a path exactly for http and https. */
export function checkHealthProbe(probe: ScaleSetHealthProbeArgs): Problem[] {
    const problems = [...checkChoice("protocol", probe.protocol, HEALTH_PROBE_PROTOCOLS, "health probe protocol")];
    if (!Number.isInteger(probe.port) || probe.port < 1 || probe.port > 65535) {
        problems.push({ path: "port", message: `${probe.port} is not a port; use a whole number from 1 to 65535.` });
    }
    if (probe.protocol === "tcp" && probe.requestPath !== undefined) {
        problems.push({ path: "requestPath", message: `is set, but a tcp probe only connects to the port (remove requestPath, or use http or https).` });
    }
    if (probe.protocol !== "tcp" && !probe.requestPath) {
        problems.push({ path: "requestPath", message: `is required for an ${probe.protocol} probe (set the path that answers 200, e.g. "/healthz").` });
    }
    return within("healthProbe", problems);
}

/** How instances are upgraded: one of the modes; "Rolling" only with a health probe. */
export function checkUpgradeMode(upgradeMode: string, healthProbe: ScaleSetHealthProbeArgs | undefined): Problem[] {
    const problems = checkChoice("upgradeMode", upgradeMode, SCALE_SET_UPGRADE_MODES, "upgrade mode");
    if (upgradeMode === "Rolling" && healthProbe === undefined) {
        problems.push({ path: "upgradeMode", message: `"Rolling" needs the Application Health extension on a Flexible scale set (set healthProbe, or use "Manual").` });
    }
    return problems;
}

/** What Azure does with an instance's disk when the instance is deleted. */
export const checkDiskDeleteOption = choiceRule(SCALE_SET_DISK_DELETE_OPTIONS, "delete option");
