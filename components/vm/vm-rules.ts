/**
 * A VM's own rules: its Azure name, its computer name, the shape of its size, a disk encryption set id, what a VM
 * built from an existing OS disk may not set, and what it may run in the guest without knowing that the Azure VM agent
 * is there.
 * Sources: Microsoft Learn, "Naming rules and restrictions for Azure resources"
 * (azure-resource-manager/management/resource-name-rules), Microsoft.Compute section, and the OSProfile reference of
 * the Compute REST API (computerName).
 */
import { armIdRule } from "../core/arm-id-rules";
import type { OsType } from "../core/os";
import { choiceRule, type Problem } from "../core/problems";
import type { DataDiskPlan } from "../disk/data-disk-plan";
import type { OsDiskPlan } from "../disk/os-disk-plan";
import { SECURITY_TYPES, type VmArgs } from "./vm-args";

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

/** Something a VM argument asks for that runs in the guest through the Azure VM agent. */
export interface AgentFeature {
    /** The argument that asks for it. */
    readonly path: string;
    /** What it is, for messages. */
    readonly what: string;
}

/**
 * What the VM's arguments ask for that needs the Azure VM agent: each data disk's `format` (a Run Command), the Azure
 * Monitor agent, Azure Backup (its snapshot extension), the domain join (a Run Command and an extension) and Entra ID
 * sign-in (an extension). A disk in its own upload phase is left out: its `format` is refused by the disk's rules.
 */
export function agentFeatures(args: Pick<VmArgs, "dataDisks" | "azureMonitor" | "backup" | "domainJoin" | "entraIdLogin">): AgentFeature[] {
    return [
        ...(args.dataDisks ?? []).flatMap((disk, index) => disk.format === true && disk.source?.upload?.phase !== "upload"
            ? [{ path: `dataDisks[${index}].format`, what: "formatting and mounting the disk (a Run Command)" }]
            : []),
        ...(args.azureMonitor !== undefined ? [{ path: "azureMonitor", what: "the Azure Monitor agent (a VM extension)" }] : []),
        ...(args.backup !== undefined ? [{ path: "backup", what: "Azure Backup (its snapshot extension)" }] : []),
        ...(args.domainJoin !== undefined ? [{ path: "domainJoin", what: "the domain join (a Run Command, then the JsonADDomainExtension)" }] : []),
        ...(args.entraIdLogin === true ? [{ path: "entraIdLogin", what: "Microsoft Entra ID sign-in (a VM extension)" }] : []),
    ];
}

/** The `osDisk.source` field of each kind of OS disk a VM can be built from. */
const SOURCE_FIELD: Readonly<Record<Exclude<OsDiskPlan["source"], "image">, string>> = {
    copy: "copyFrom", importVhd: "importVhd", upload: "upload", adopt: "adoptId", existing: "existingId",
};

/**
 * Whether what needs the Azure VM agent can run on a VM built from `osDisk.source`. A VM made from an image has the
 * agent. An OS disk in its upload phase has no VM at all: everything that runs on the VM is refused until "attach". A
 * VHD from outside Azure (imported or uploaded) has the agent only if someone installed it before the VHD was made
 * (Microsoft Learn, "Prepare a Windows VHD or VHDX to upload to Azure", "Complete the recommended configurations":
 * the agent is recommended, not required for the upload): refused unless `osDisk.vmAgentInstalled` is true, because
 * without it each extension and Run Command waits until Azure gives up and the update fails half done. A copied,
 * adopted or attached disk is most often an Azure VM's, which has the agent: a warning asks the user to say so.
 * `vmAgentInstalled: false` refuses them all.
 */
export function checkGuestAgent(osDisk: Pick<OsDiskPlan, "source" | "upload">, vmAgentInstalled: boolean | undefined, features: readonly AgentFeature[]): { problems: Problem[]; warnings: Problem[] } {
    if (osDisk.source === "image" || features.length === 0) {
        return { problems: [], warnings: [] };
    }
    if (osDisk.upload?.phase === "upload") {
        return {
            problems: features.map((f) => ({
                path: f.path,
                message: `is set, but osDisk.source.upload.phase is "upload": no VM exists until the OS disk is uploaded and attached, and ${f.what} runs on the VM (set ${f.path} together with phase: "attach").`,
            })),
            warnings: [],
        };
    }
    if (vmAgentInstalled === true) {
        return { problems: [], warnings: [] };
    }
    const field = `osDisk.source.${SOURCE_FIELD[osDisk.source]}`;
    if (vmAgentInstalled === false) {
        return {
            problems: features.map((f) => ({
                path: f.path,
                message: `is set, but osDisk.vmAgentInstalled is false, and ${f.what} runs through the Azure VM agent (install the agent in the disk's OS and set vmAgentInstalled: true, or remove ${f.path}).`,
            })),
            warnings: [],
        };
    }
    if (osDisk.source === "importVhd" || osDisk.source === "upload") {
        return {
            problems: features.map((f) => ({
                path: f.path,
                message: `is set, but the OS disk is a VHD from outside Azure (${field}), which has the Azure VM agent only if it was installed before the VHD was made, and ${f.what} runs through it (install the agent, then set osDisk.vmAgentInstalled: true; or remove ${f.path}).`,
            })),
            warnings: [],
        };
    }
    const paths = features.map((f) => f.path);
    return {
        problems: [],
        warnings: [{
            path: "osDisk.vmAgentInstalled",
            message: `is not set, and ${paths.join(", ")} ${paths.length === 1 ? "runs" : "run"} through the Azure VM agent, which the OS disk (${field}) has if it comes from an Azure VM, and may lack if it was brought from elsewhere: without the agent ${paths.length === 1 ? "it fails" : "they fail"} after Azure's timeouts (set vmAgentInstalled: true once the disk's OS has the agent, or false to refuse ${paths.length === 1 ? "it" : "them"}).`,
        }],
    };
}

/**
 * A reminder, each run, for each disk in its upload phase: it is open to an upload (network access `AllowAll`) and not
 * attached until the user finishes the upload and moves it to "attach".
 */
export function uploadReminders(osDisk: Pick<OsDiskPlan, "upload" | "diskName">, dataDisks: readonly Pick<DataDiskPlan, "upload" | "diskName">[]): Problem[] {
    const steps = (disk: string) => `upload the VHD (az disk grant-access -n ${disk} --access-level Write, then azcopy copy <file>.vhd <sas> --blob-type PageBlob), run az disk revoke-access -n ${disk}, then set phase: "attach"`;
    return [
        ...(osDisk.upload?.phase === "upload" ? [{
            path: "osDisk.source.upload.phase",
            message: `is "upload": the OS disk "${osDisk.diskName}" accepts an upload from any network and the VM is not created yet; ${steps(osDisk.diskName)}, which creates the VM.`,
        }] : []),
        ...dataDisks.flatMap((disk, index) => disk.upload?.phase === "upload" ? [{
            path: `dataDisks[${index}].source.upload.phase`,
            message: `is "upload": the disk "${disk.diskName}" accepts an upload from any network and is not attached; ${steps(disk.diskName)}, which attaches it.`,
        }] : []),
    ];
}
