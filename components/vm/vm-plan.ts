/**
 * Pure planning for a VM: its own arguments are checked first (vm-rules, credential-rules), then each concept plans
 * its part and checks its own arguments on the way (image, OS disk, data disks, domain join), and the placement rules
 * see the whole; the result is a plain plan, or every problem at once. No Azure SDK here, no Outputs inspected: the
 * component declares what this file decides.
 */
import { checkBackupPolicyId } from "../backup/backup-rules";
import { checkLockKind } from "../core/lock-plan";
import { checkResourceName } from "../core/name-rules";
import { DEFAULT_ADMIN, type OsType } from "../core/os";
import { checkUnique, within, type PlanResult, type Problem } from "../core/problems";
import { checkApplicationSecurityGroupId, checkAvailabilitySetId, checkDataCollectionRuleId, checkEachId, checkNetworkSecurityGroupId, checkSubnetId } from "../core/arm-id-rules";
import { checkTags } from "../core/tag-rules";
import { checkZone } from "../core/zone-rules";
import { planDataDisk, type DataDiskPlan } from "../disk/data-disk-plan";
import { DEFAULT_DISK_PROTECTION } from "../disk/disk-lifecycle-plan";
import { checkDataAccessAuthMode, checkProtection, sourceKind } from "../disk/disk-rules";
import { planOsDisk, type OsDiskPlan } from "../disk/os-disk-plan";
import type { ImagePlan } from "../image/image-args";
import { planImage, type PlannedImage } from "../image/image-plan";
import { checkIpv4 } from "../network/network-rules";
import { checkAdminPassword, checkAdminUsername, checkCustomData, checkSshPublicKey } from "./credential-rules";
import { planDomainJoin, type DomainJoinPlan } from "./domain-join-plan";
import { checkPlacement, defaultDiskSku } from "./placement-rules";
import { checkLicenseType } from "./license-rules";
import { planNic, type NicPlan } from "./nic-plan";
import type { LicenseType, VmArgs } from "./vm-args";
import { vmResourceOptions, type VmResourceOptions } from "./vm-lifecycle-plan";
import { agentFeatures, checkBuiltFromDisk, checkComputerName, checkDiskEncryptionSetId, checkGuestAgent, checkSecurityType, checkVmName, checkVmSize, uploadReminders } from "./vm-rules";

export type { DataDiskPlan } from "../disk/data-disk-plan";
export type { OsDiskPlan } from "../disk/os-disk-plan";
export type { PlannedImage } from "../image/image-plan";
export type { DomainJoinPlan } from "./domain-join-plan";

/**
 * The image of a VM built from an existing OS disk: none; the label names the disk in messages. Such a VM sends no
 * osProfile, so no patch mode either (`platformPatching` is unused), and nothing Azure could refuse for its image.
 */
const ATTACHED_IMAGE = {
    image: { kind: "attached", label: "the attached OS disk" },
    plan: undefined,
    platformPatching: false,
    generation: undefined,
    problems: [],
} as const;

/**
 * How the administrator of a VM or of a fleet's instances signs in; "none" for a VM built from an existing OS disk,
 * which brings its own.
 */
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
    readonly vmOptions: VmResourceOptions;
    /** The NIC's accelerated networking and the options that keep a deployed NIC's. */
    readonly nic: NicPlan;
    /** Azure Hybrid Benefit, when given. */
    readonly licenseType: LicenseType | undefined;
    /** What the rules could not check (a fact the tables do not know); the component logs each as a warning. */
    readonly warnings: readonly Problem[];
}

/** The OS-specific inputs the plan needs to see. */
export interface CredentialInputs {
    /** Linux: the SSH public keys given, plain strings or Outputs (only plain ones are checked). */
    readonly sshPublicKeys?: readonly unknown[];
    /** Windows: the password given, a plain string (checked) or an Output (not checked), or undefined. */
    readonly adminPassword?: unknown;
    /** Linux: the custom data given, if any (its size is checked; refused for a VM built from an existing OS disk). */
    readonly customData?: unknown;
}

/** The credential a VM or a fleet is created with: the given keys or password, or one generated. */
export function planCredential(os: OsType, credentials: CredentialInputs): Exclude<CredentialMode, "none"> {
    if (os === "linux") {
        return (credentials.sshPublicKeys ?? []).length > 0 ? "ssh-keys" : "generated-ssh-key";
    }
    return credentials.adminPassword !== undefined ? "password" : "generated-password";
}

/** The given credentials, where they are plain values: each SSH key's type and size, the password's strength, the custom data's size. */
export function checkCredentials(os: OsType, credentials: CredentialInputs): Problem[] {
    const problems: Problem[] = [];
    (credentials.sshPublicKeys ?? []).forEach((key, index) => {
        if (typeof key === "string") {
            problems.push(...checkSshPublicKey(`sshPublicKeys[${index}]`, key));
        }
    });
    if (typeof credentials.adminPassword === "string") {
        problems.push(...checkAdminPassword("adminPassword", os, credentials.adminPassword));
    }
    if (typeof credentials.customData === "string") {
        problems.push(...checkCustomData("customData", credentials.customData));
    }
    return problems;
}

/**
 * Turns a VM component's arguments into a complete plan, or every problem with them.
 * @param name the component's Pulumi name
 */
export function planVm(os: OsType, name: string, args: VmArgs, credentials: CredentialInputs): PlanResult<VmPlan> {
    // The VM's own arguments. A VM built from an existing OS disk takes its OS settings from the disk: none of them
    // is sent, and giving one is refused (with the OS disk's rules below) rather than checked.
    const fromDisk = sourceKind("osDisk.source", args.osDisk?.source).kind !== "empty";
    const vmName = args.vmName ?? name;
    const computerName = args.computerName ?? vmName;
    const adminUsername = args.adminUsername ?? DEFAULT_ADMIN[os];
    const resourceGroupName = typeof args.resourceGroupName === "string" ? args.resourceGroupName : undefined;
    const problems: Problem[] = [
        ...checkVmName("vmName", vmName),
        ...(fromDisk ? [] : [
            ...checkComputerName("computerName", os, computerName, args.computerName === undefined),
            ...checkAdminUsername("adminUsername", os, adminUsername),
        ]),
        ...checkVmSize("size", args.size),
        ...(args.zone !== undefined ? checkZone("zone", args.zone) : []),
        ...(resourceGroupName !== undefined ? checkResourceName("resourceGroupName", "resourceGroup", resourceGroupName, "set resourceGroupName", false) : []),
    ];

    const image = fromDisk ? ATTACHED_IMAGE : planImage(os, args, os === "linux" ? "LinuxVm" : "WindowsVm");
    problems.push(...image.problems);

    // The disks: each plans itself and checks its own arguments.
    const facts = args.preflightFacts ?? {};
    const diskSku = defaultDiskSku(args.size, facts);
    const diskProtection = args.diskProtection ?? DEFAULT_DISK_PROTECTION;
    const zones = args.zone !== undefined ? [args.zone] : undefined;
    problems.push(...checkProtection("diskProtection", diskProtection));
    const osDisk = planOsDisk(name, vmName, args.osDisk, { zone: args.zone, resourceGroupName, protection: diskProtection, sku: diskSku });
    problems.push(...osDisk.problems);
    if (fromDisk) {
        problems.push(...checkBuiltFromDisk({ ...args, ...credentials }));
    }
    problems.push(...checkLockKind(args.lock));
    const disks = args.dataDisks ?? [];
    const dataDisks = disks.map((disk, index) => {
        const planned = planDataDisk(name, vmName, { os, sku: diskSku, zones, protection: diskProtection, lock: args.lock, resourceGroupName }, disk);
        problems.push(...within(`dataDisks[${index}]`, planned.problems));
        return planned.plan;
    });
    problems.push(
        ...checkUnique(disks.map((d) => d.name), (i) => `dataDisks[${i}].name`, "data disk name", true),
        ...checkUnique(disks.map((d) => d.lun), (i) => `dataDisks[${i}].lun`, "LUN"),
    );
    // What runs in the guest needs the Azure VM agent, which a VM built from a disk may lack (or, uploading, no VM).
    const agent = checkGuestAgent(osDisk.plan, args.osDisk?.vmAgentInstalled, agentFeatures(args));
    problems.push(...agent.problems);

    // What the VM hangs off other concepts: its backup policy, its NIC's address, its disks' encryption set.
    if (args.backup !== undefined) {
        problems.push(...checkBackupPolicyId("backup.policyId", args.backup.policyId));
    }
    if (args.privateIpAddress !== undefined) {
        problems.push(...checkIpv4("privateIpAddress", args.privateIpAddress));
    }
    problems.push(...checkDiskEncryptionSetId("diskEncryptionSetId", args.diskEncryptionSetId));
    problems.push(...checkDataAccessAuthMode(args.dataAccessAuthMode, args.backup !== undefined));
    // The VM's tags go on the VM, its NIC and its disks.
    problems.push(...checkTags("tags", args.tags));
    // Ids given as plain strings have the shape of ids of their types.
    problems.push(
        ...checkSubnetId("subnetId", args.subnetId),
        ...checkNetworkSecurityGroupId("networkSecurityGroupId", args.networkSecurityGroupId),
        ...checkEachId(checkApplicationSecurityGroupId, "applicationSecurityGroupIds", args.applicationSecurityGroupIds),
        ...checkAvailabilitySetId("availabilitySetId", args.availabilitySetId),
        ...checkDataCollectionRuleId("azureMonitor.dataCollectionRuleId", args.azureMonitor?.dataCollectionRuleId),
    );

    // Credentials given to a VM built from its disk were refused above; checking them would be noise.
    if (!fromDisk) {
        problems.push(...checkCredentials(os, credentials));
    }

    const domainJoin = planDomainJoin(os, args.domainJoin, args.entraIdLogin === true);
    problems.push(...domainJoin.problems);

    const securityType = args.securityType ?? "TrustedLaunch";
    problems.push(...checkSecurityType("securityType", securityType));
    const placement = checkPlacement({
        size: args.size,
        zones: { field: "zone", zone: args.zone },
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
    // The NIC's accelerated networking follows the size and the image; the licence must fit the OS and the image.
    const nic = planNic({ size: args.size, facts, acceleratedNetworking: args.acceleratedNetworking, image: image.image });
    problems.push(...nic.problems);
    if (args.licenseType !== undefined) {
        problems.push(...checkLicenseType("licenseType", args.licenseType, os, image.image));
    }
    const warnings = [...placement.warnings, ...nic.warnings, ...agent.warnings];

    if (problems.length > 0) {
        // The warnings too, so that a stack's preflight reports them with the problems; not one about a field a
        // problem refuses, nor one that only follows from a refused image (whose generation is then unknown).
        const shown = warnings.filter((w) => !problems.some((p) => p.path === w.path) && !(w.path === "image" && image.problems.length > 0));
        return { ok: false, problems, ...(shown.length > 0 ? { warnings: shown } : {}) };
    }
    return {
        ok: true,
        plan: {
            os,
            resourceNames: {
                vm: `${name}-vm`,
                nic: `${name}-nic`,
                credential: os === "linux" ? `${name}-ssh-key` : `${name}-admin-password`,
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
            credential: fromDisk ? "none" : planCredential(os, credentials),
            domainJoin: domainJoin.plan,
            // The OS disk's SKU follows the size only for a disk made from the image with no SKU given.
            vmOptions: vmResourceOptions({ securityType, osDiskSkuFollowsSize: !fromDisk && args.osDisk?.sku === undefined }),
            nic: nic.plan,
            licenseType: args.licenseType,
            // The reminders to finish an upload, only once nothing else stands in the way.
            warnings: [...warnings, ...uploadReminders(osDisk.plan, dataDisks)],
        },
    };
}
