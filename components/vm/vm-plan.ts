/**
 * Pure planning for a VM: defaults, names, validation and resource options, from plain arguments to a plain plan.
 * No Azure SDK here, no Outputs inspected: the component declares what this file decides.
 */
import { planDomainJoin, type DomainJoinPlan } from "./domain-join-rules";
import { checkBackupPolicyId } from "../backup/backup-plan";
import type { ImagePlan, OsType } from "../image/image-facts";
import { planImage, type PlannedImage } from "../image/image-plan";
import { checkProtection, planDataDisk, sourceKind, type DataDiskDefaults, type DataDiskPlan } from "../disk/data-disk-plan";
import { planOsDisk, type OsDiskPlan } from "../disk/os-disk-plan";
import { InvalidArgumentsError, checkUnique, within, type Problem } from "../core/problems";
import { checkAdminPassword, checkAdminUsername, checkSshPublicKey } from "./credential-rules";
import type { DiskSku } from "../disk/disk-rules";
import { checkLockKind } from "../core/lock-plan";
import { checkIpv4 } from "../network/network-rules";
import { checkPlacement, premiumStorage, type PreflightFacts } from "./placement-rules";
import { checkComputerName, checkResourceName, checkVmName } from "../core/name-rules";
import type { VmArgs } from "./vm-args";

import { VM_IGNORE_CHANGES, VM_REPLACE_ON_CHANGES } from "./vm-options";

export { VM_IGNORE_CHANGES, VM_REPLACE_ON_CHANGES } from "./vm-options";
export type { PlannedImage } from "../image/image-plan";
export type { DataDiskPlan } from "../disk/data-disk-plan";
export type { DomainJoinPlan } from "./domain-join-rules";
export type { OsDiskPlan } from "../disk/os-disk-plan";

/** The image of a VM built from an existing OS disk: none; the label names the disk in messages. */
const ATTACHED_IMAGE = {
    image: { kind: "attached", label: "the attached OS disk" },
    plan: undefined,
    platformPatching: false,
    generation: undefined,
    problems: [],
} as const;

/** How the VM's administrator signs in; "none" when the VM is built from an existing OS disk, which brings its own. */
export type CredentialMode = "ssh-keys" | "generated-ssh-key" | "password" | "generated-password" | "none";

export interface VmPlan {
    readonly os: OsType;
    /** Pulumi logical names of the children. */
    readonly resourceNames: {
        readonly vm: string;
        readonly nic: string;
        readonly credential: string;
        readonly access: string;
        readonly backup: string;
        readonly publicIp: string;
        readonly entraLogin: string;
        readonly monitorAgent: string;
        readonly dataCollection: string;
        readonly waitDomain: string;
        readonly domainJoin: string;
    };
    /** The NIC's public IP, when asked: its Azure name and zones (the VM's). */
    readonly publicIp: { readonly name: string; readonly zones: readonly string[] | undefined } | undefined;
    /** Azure names. */
    readonly vmName: string;
    readonly nicName: string;
    readonly computerName: string;
    readonly adminUsername: string;
    readonly size: string;
    readonly zones: readonly string[] | undefined;
    readonly availabilitySet: boolean;
    readonly image: PlannedImage;
    readonly plan: ImagePlan | undefined;
    readonly platformPatching: boolean;
    readonly securityType: "TrustedLaunch" | "Standard";
    readonly osDisk: OsDiskPlan;
    readonly dataDisks: readonly DataDiskPlan[];
    /** Ultra disks attach only to a VM that enables them; the plan enables them exactly when one is attached. */
    readonly ultraSsdEnabled: boolean;
    readonly credential: CredentialMode;
    /** How the VM joins its Active Directory domain, if it does. */
    readonly domainJoin: DomainJoinPlan | undefined;
    readonly vmOptions: {
        readonly deleteBeforeReplace: true;
        readonly replaceOnChanges: readonly string[];
        readonly ignoreChanges: readonly string[];
    };
    /** What the rules could not check (a fact the tables do not know); the component logs each as a warning. */
    readonly warnings: readonly Problem[];
}

/** The OS-specific inputs the plan needs to see. */
export interface CredentialInputs {
    /** Linux: the SSH public keys given, plain strings or Outputs (only plain ones are checked). */
    readonly sshPublicKeys?: readonly unknown[];
    /** Windows: the password given, a plain string (checked) or an Output (not checked), or undefined. */
    readonly adminPassword?: unknown;
    /** Linux: the custom data given, if any (refused for a VM built from an existing OS disk). */
    readonly customData?: unknown;
}

export type PlanResult = { readonly ok: true; readonly plan: VmPlan } | { readonly ok: false; readonly problems: readonly Problem[] };

const DISK_ENCRYPTION_SET_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/diskEncryptionSets\/[^/]+$/i;
/** The administrator account's name when none is given. */
export const DEFAULT_ADMIN: Readonly<Record<OsType, string>> = { linux: "azureuser", windows: "azureadmin" };
/** The availability zones a zonal resource can name. */
export const ZONES: readonly string[] = ["1", "2", "3"];

/** A VM size's shape: `Standard_` or `Basic_` and the size's name, as in Standard_D2s_v5. */
export function checkVmSize(path: string, size: string): Problem[] {
    return /^(Standard|Basic)_[A-Za-z0-9_-]+$/.test(size)
        ? []
        : [{ path, message: `"${size}" is not an Azure VM size; sizes look like "Standard_D2s_v5".` }];
}

/**
 * Whether a size can use premium storage: from the size table, else by Azure's size naming convention (a lower-case
 * `s` among the additive features, as in Standard_D2s_v5). False when neither says.
 */
export function supportsPremiumStorage(size: string, facts: PreflightFacts = {}): boolean {
    return premiumStorage(size, facts) ?? false;
}

function defaultSku(size: string, facts: PreflightFacts): DiskSku {
    return supportsPremiumStorage(size, facts) ? "Premium_LRS" : "StandardSSD_LRS";
}

/**
 * Turns a VM component's arguments into a complete plan, or every problem with them.
 * @param name the component's Pulumi name
 */
export function planVm(os: OsType, name: string, args: VmArgs, credentials: CredentialInputs): PlanResult {
    const problems: Problem[] = [];
    const vmName = args.vmName ?? name;
    problems.push(...checkVmName("vmName", vmName));

    // A VM built from an existing OS disk takes its OS settings from the disk: none of them is sent or checked.
    const fromDisk = sourceKind("osDisk.source", args.osDisk?.source).kind !== "empty";
    const computerName = args.computerName ?? vmName;
    const adminUsername = args.adminUsername ?? DEFAULT_ADMIN[os];
    if (!fromDisk) {
        problems.push(...checkComputerName("computerName", os, computerName, args.computerName === undefined));
        problems.push(...checkAdminUsername("adminUsername", os, adminUsername));
    }

    problems.push(...checkVmSize("size", args.size));
    if (args.zone !== undefined && !ZONES.includes(args.zone)) {
        problems.push({ path: "zone", message: `"${args.zone}" is not an availability zone; use "1", "2" or "3", or leave zone unset for a regional VM.` });
    }
    const zones = args.zone !== undefined ? [args.zone] : undefined;
    if (typeof args.resourceGroupName === "string") {
        problems.push(...checkResourceName("resourceGroupName", "resourceGroup", args.resourceGroupName, "set resourceGroupName", false));
    }

    const image = fromDisk ? ATTACHED_IMAGE : planImage(os, args);
    problems.push(...image.problems);

    const facts = args.preflightFacts ?? {};
    const diskSku = defaultSku(args.size, facts);
    const diskProtection = args.diskProtection ?? "protect";
    problems.push(...checkProtection("diskProtection", diskProtection));
    const osDisk = planOsDisk(os, name, vmName, args, credentials, diskProtection, diskSku);
    problems.push(...osDisk.problems);
    problems.push(...checkLockKind(args.lock));
    const disks = args.dataDisks ?? [];
    const defaults: DataDiskDefaults = {
        os,
        sku: diskSku,
        zones,
        protection: diskProtection,
        lock: args.lock,
        resourceGroupName: typeof args.resourceGroupName === "string" ? args.resourceGroupName : undefined,
    };
    const dataDisks = disks.map((disk, index) => {
        const planned = planDataDisk(name, vmName, defaults, disk);
        problems.push(...within(`dataDisks[${index}]`, planned.problems));
        return planned.plan;
    });
    problems.push(
        ...checkUnique(disks.map((d) => d.name), (i) => `dataDisks[${i}].name`, "data disk name", true),
        ...checkUnique(disks.map((d) => d.lun), (i) => `dataDisks[${i}].lun`, "LUN"),
    );

    if (args.backup !== undefined) {
        problems.push(...checkBackupPolicyId("backup.policyId", args.backup.policyId));
    }
    if (args.privateIpAddress !== undefined) {
        problems.push(...checkIpv4("privateIpAddress", args.privateIpAddress));
    }
    if (typeof args.diskEncryptionSetId === "string" && !DISK_ENCRYPTION_SET_ID.test(args.diskEncryptionSetId)) {
        problems.push({
            path: "diskEncryptionSetId",
            message: `"${args.diskEncryptionSetId}" is not a disk encryption set id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/diskEncryptionSets/<name>).`,
        });
    }

    const credential = fromDisk ? "none" : planCredential(os, credentials);
    // Credentials given to a VM built from its disk are refused outright (planOsDisk); checking them would be noise.
    if (!fromDisk) {
        (credentials.sshPublicKeys ?? []).forEach((key, index) => {
            if (typeof key === "string") {
                problems.push(...checkSshPublicKey(`sshPublicKeys[${index}]`, key));
            }
        });
        if (typeof credentials.adminPassword === "string") {
            problems.push(...checkAdminPassword("adminPassword", os, credentials.adminPassword));
        }
    }

    const domainJoin = planDomainJoin(os, args.domainJoin, args.entraIdLogin === true);
    problems.push(...domainJoin.problems);

    const securityType = args.securityType ?? "TrustedLaunch";
    const placement = checkPlacement({
        size: args.size,
        zone: args.zone,
        availabilitySet: args.availabilitySetId !== undefined,
        location: typeof args.location === "string" ? args.location : undefined,
        trustedLaunch: securityType === "TrustedLaunch",
        image: {
            path: fromDisk ? "osDisk.source" : "image",
            label: image.image.label,
            generation: args.preflightFacts?.imageGeneration ?? (osDisk.plan.hyperVGeneration === "V1" ? 1 : osDisk.plan.hyperVGeneration === "V2" ? 2 : image.generation),
        },
        osDiskSku: osDisk.plan.sku,
        dataDisks,
        facts,
    });
    problems.push(...placement.problems);

    if (problems.length > 0) {
        return { ok: false, problems };
    }
    return {
        ok: true,
        plan: {
            os,
            resourceNames: { vm: `${name}-vm`, nic: `${name}-nic`, credential: os === "linux" ? `${name}-ssh-key` : `${name}-admin-password`,
                access: `${name}-access`,
                backup: `${name}-backup`,
                publicIp: `${name}-pip`,
                entraLogin: `${name}-entra-login`,
                monitorAgent: `${name}-monitor-agent`,
                dataCollection: `${name}-dcr`,
                waitDomain: `${name}-wait-domain`,
                domainJoin: `${name}-domain-join`,
            },
            publicIp: args.publicIp === true ? { name: `${vmName}-pip`, zones } : undefined,
            vmName,
            nicName: `${vmName}-nic`,
            computerName,
            adminUsername,
            size: args.size,
            zones,
            availabilitySet: args.availabilitySetId !== undefined,
            image: image.image,
            plan: image.plan,
            platformPatching: image.platformPatching,
            securityType,
            osDisk: osDisk.plan,
            dataDisks,
            ultraSsdEnabled: dataDisks.some((d) => d.sku === "UltraSSD_LRS"),
            credential,
            domainJoin: domainJoin.plan,
            vmOptions: { deleteBeforeReplace: true, replaceOnChanges: VM_REPLACE_ON_CHANGES, ignoreChanges: VM_IGNORE_CHANGES },
            warnings: placement.warnings,
        },
    };
}

function planCredential(os: OsType, credentials: CredentialInputs): CredentialMode {
    if (os === "linux") {
        return (credentials.sshPublicKeys ?? []).length > 0 ? "ssh-keys" : "generated-ssh-key";
    }
    return credentials.adminPassword !== undefined ? "password" : "generated-password";
}

/** Plans a VM or throws every problem at once, before the component registers anything. */
export function requirePlan(component: string, os: OsType, name: string, args: VmArgs, credentials: CredentialInputs): VmPlan {
    const result = planVm(os, name, args, credentials);
    if (!result.ok) {
        throw new InvalidArgumentsError(component, name, result.problems);
    }
    return result.plan;
}
