/**
 * Pure planning for a VM: defaults, names, validation and resource options, from plain arguments to a plain plan.
 * No Azure SDK here, no Outputs inspected: the component declares what this file decides.
 */
import { DEFAULT_IMAGE, catalogueImage, type ImagePlan, type OsType } from "./images";
import { InvalidArgumentsError, checkUnique, within, type Problem } from "./problems";
import { checkAdminUsername, checkSshPublicKey } from "./rules/credentials";
import {
    CACHING_LIMIT_GB, MAX_DISK_NAME, MAX_DISK_SIZE_GB, MAX_OS_DISK_SIZE_GB, UNCACHED_SKUS, ZONE_REDUNDANT_SKUS, checkCaching,
    checkCachingAllowed, checkLun, checkSize, checkSku, type Caching, type DiskSku,
} from "./rules/disks";
import { checkComputerName, checkVmName } from "./rules/names";
import type { DataDiskArgs, VmArgs } from "./vm-args";

/**
 * Create-only properties of `Microsoft.Compute/virtualMachines` (API 2024-11-01, the version azure-native 3.x uses),
 * as azure-native input paths. azure-native replaces a VM only when `resourceGroupName` or `vmName` change; a change
 * to any of these would preview as an update and fail at deploy with `PropertyChangeNotAllowed`
 * (pulumi/pulumi-azure-native#577, #1117).
 * Sources: the ComputeRP 2024-11-01 spec ("cannot be changed" in the property descriptions; `location` is
 * create-only on TrackedResource) and the ForceNew fields of hashicorp/terraform-provider-azurerm's
 * linux_virtual_machine_resource.go and windows_virtual_machine_resource.go.
 * Left out on purpose: credentials (see VM_IGNORE_CHANGES), and `storageProfile.osDisk.name`, which the component
 * never sends (Azure names each incarnation's OS disk uniquely).
 */
export const VM_REPLACE_ON_CHANGES: readonly string[] = [
    "location",
    "zones",
    "extendedLocation",
    "placement",
    "availabilitySet",
    "virtualMachineScaleSet",
    "platformFaultDomain",
    "plan",
    "priority",
    "evictionPolicy",
    "osProfile.computerName",
    "osProfile.adminUsername",
    "osProfile.customData",
    "osProfile.linuxConfiguration.disablePasswordAuthentication",
    "osProfile.linuxConfiguration.provisionVMAgent",
    "osProfile.windowsConfiguration.provisionVMAgent",
    "osProfile.windowsConfiguration.enableAutomaticUpdates",
    "osProfile.windowsConfiguration.timeZone",
    "osProfile.windowsConfiguration.additionalUnattendContent",
    "osProfile.windowsConfiguration.winRM",
    "storageProfile.imageReference",
    "storageProfile.osDisk.createOption",
    "storageProfile.osDisk.diffDiskSettings",
    "storageProfile.osDisk.managedDisk.id",
    "storageProfile.osDisk.managedDisk.storageAccountType",
    "storageProfile.osDisk.managedDisk.securityProfile",
    "securityProfile.securityType",
    "securityProfile.uefiSettings",
];

/**
 * Credentials are create-only for Azure too (azurerm marks `admin_password` and `admin_ssh_key` ForceNew), but a
 * credential change must never reimage a VM: the VM ignores them after creation, and rotation goes through the VM
 * access extension instead.
 */
export const VM_IGNORE_CHANGES: readonly string[] = [
    "osProfile.adminPassword",
    "osProfile.linuxConfiguration.ssh.publicKeys",
];

/** How the VM's administrator signs in. */
export type CredentialMode = "ssh-keys" | "generated-ssh-key" | "password" | "generated-password";

/** The image, resolved. `gallery` means the id comes from the `galleryImageId` argument. */
export type PlannedImage =
    | { readonly kind: "marketplace"; readonly publisher: string; readonly offer: string; readonly sku: string; readonly version: string; readonly label: string }
    | { readonly kind: "gallery"; readonly label: string };

export interface DataDiskPlan {
    readonly key: string;
    /** Pulumi logical name. */
    readonly resourceName: string;
    /** Azure disk name. */
    readonly diskName: string;
    readonly lun: number;
    readonly sizeGb: number;
    readonly sku: DiskSku;
    readonly caching: Caching;
    /** The disk's zone list: the VM's zone, none for zone-redundant SKUs and regional VMs. */
    readonly zones: readonly string[] | undefined;
    readonly protect: boolean;
}

export interface VmPlan {
    readonly os: OsType;
    /** Pulumi logical names of the children. */
    readonly resourceNames: { readonly vm: string; readonly nic: string; readonly credential: string };
    /** Azure names. */
    readonly vmName: string;
    readonly nicName: string;
    readonly computerName: string;
    readonly adminUsername: string;
    readonly size: string;
    readonly zones: readonly string[] | undefined;
    readonly image: PlannedImage;
    readonly plan: ImagePlan | undefined;
    readonly platformPatching: boolean;
    readonly securityType: "TrustedLaunch" | "Standard";
    readonly osDisk: { readonly sizeGb: number | undefined; readonly sku: DiskSku; readonly caching: Caching };
    readonly dataDisks: readonly DataDiskPlan[];
    readonly credential: CredentialMode;
    readonly vmOptions: {
        readonly deleteBeforeReplace: true;
        readonly replaceOnChanges: readonly string[];
        readonly ignoreChanges: readonly string[];
    };
}

/** The OS-specific inputs the plan needs to see. */
export interface CredentialInputs {
    /** Linux: the SSH public keys given, plain strings or Outputs (only plain ones are checked). */
    readonly sshPublicKeys?: readonly unknown[];
    /** Windows: whether a password was given. */
    readonly adminPasswordGiven?: boolean;
}

export type PlanResult = { readonly ok: true; readonly plan: VmPlan } | { readonly ok: false; readonly problems: readonly Problem[] };

const DEFAULT_ADMIN: Readonly<Record<OsType, string>> = { linux: "azureuser", windows: "azureadmin" };
const ZONES = ["1", "2", "3"];
const DISK_KEY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;

/**
 * Whether a size can use premium storage, by Azure's size naming convention: a lower-case `s` among the additive
 * features (`Standard_D2s_v5`, `Standard_E4ads_v5`, `Standard_B2ms`) or an `S` family (`Standard_DS2_v2`).
 * Source: Microsoft Learn, "Azure virtual machine sizes naming conventions".
 */
export function supportsPremiumStorage(size: string): boolean {
    const match = /^Standard_([A-Z]+)\d+(?:-\d+)?([a-z]*)/.exec(size);
    if (!match) {
        return false;
    }
    const [, family = "", features = ""] = match;
    return features.includes("s") || family.endsWith("S");
}

function defaultSku(size: string): DiskSku {
    return supportsPremiumStorage(size) ? "Premium_LRS" : "StandardSSD_LRS";
}

function planImage(os: OsType, args: VmArgs): { image: PlannedImage; plan: ImagePlan | undefined; platformPatching: boolean; problems: Problem[] } {
    const given = [
        args.image !== undefined ? "image" : undefined,
        args.imageReference !== undefined ? "imageReference" : undefined,
        args.galleryImageId !== undefined ? "galleryImageId" : undefined,
    ].filter((x): x is string => x !== undefined);
    const fallback = { image: { kind: "gallery", label: "(none)" } as PlannedImage, plan: undefined, platformPatching: false };
    if (given.length > 1) {
        const verb = given.length === 2 ? "are both set" : "are all set";
        return { ...fallback, problems: [{ path: given.join(", "), message: `${verb}; set only one of image, imageReference and galleryImageId.` }] };
    }
    if (args.imageReference !== undefined) {
        const ref = args.imageReference;
        const missing = (["publisher", "offer", "sku"] as const).filter((k) => !ref[k]);
        const problems = missing.map((k) => ({ path: `imageReference.${k}`, message: `is empty; an explicit image needs publisher, offer and sku.` }));
        const version = ref.version ?? "latest";
        return {
            image: { kind: "marketplace", publisher: ref.publisher, offer: ref.offer, sku: ref.sku, version, label: `${ref.publisher}:${ref.offer}:${ref.sku}:${version}` },
            plan: args.plan,
            platformPatching: false,
            problems,
        };
    }
    if (args.galleryImageId !== undefined) {
        return { image: { kind: "gallery", label: "gallery image" }, plan: args.plan, platformPatching: false, problems: [] };
    }
    const key = args.image ?? DEFAULT_IMAGE[os];
    const entry = catalogueImage(key);
    if (entry === undefined) {
        return { ...fallback, problems: [{ path: "image", message: `"${key}" is not in the image catalogue; use a catalogue key (see IMAGE_KEYS) or set imageReference.` }] };
    }
    if (entry.os !== os) {
        return { ...fallback, problems: [{ path: "image", message: `"${key}" is a ${entry.os} image; a ${os === "linux" ? "LinuxVm" : "WindowsVm"} needs a ${os} image.` }] };
    }
    if (args.plan !== undefined) {
        return { ...fallback, problems: [{ path: "plan", message: `is for imageReference and galleryImageId images; the catalogue image "${key}" brings its own (remove plan, or name the image with imageReference).` }] };
    }
    return {
        image: { kind: "marketplace", publisher: entry.publisher, offer: entry.offer, sku: entry.sku, version: "latest", label: key },
        plan: entry.plan,
        platformPatching: entry.platformPatching,
        problems: [],
    };
}

function planDataDisk(name: string, vmName: string, size: string, zones: readonly string[] | undefined, disk: DataDiskArgs): { plan: DataDiskPlan; problems: Problem[] } {
    const sku = disk.sku ?? defaultSku(size);
    const uncached = UNCACHED_SKUS.includes(sku) || disk.sizeGb >= CACHING_LIMIT_GB;
    const caching = disk.caching ?? (uncached ? "None" : "ReadOnly");
    const diskName = `${vmName}-disk-${disk.name}`;
    const problems = [
        ...(DISK_KEY.test(disk.name) ? [] : [{ path: "name", message: `"${disk.name}" must be 1-32 letters, digits and hyphens, starting and ending with a letter or digit.` }]),
        ...(diskName.length <= MAX_DISK_NAME ? [] : [{
            path: "name",
            message: `makes the disk name "${diskName}", ${diskName.length} characters; Azure allows at most ${MAX_DISK_NAME} (shorten the disk name or vmName).`,
        }]),
        ...checkLun("lun", disk.lun),
        ...checkSku("sku", sku),
        ...checkCaching("caching", caching),
        ...checkSize("sizeGb", disk.sizeGb, MAX_DISK_SIZE_GB[sku] ?? MAX_DISK_SIZE_GB.Premium_LRS, `a ${sku} data disk`),
    ];
    if (problems.length === 0) {
        problems.push(...checkCachingAllowed("caching", caching, sku, disk.sizeGb));
    }
    return {
        plan: {
            key: disk.name,
            resourceName: `${name}-disk-${disk.name}`,
            diskName,
            lun: disk.lun,
            sizeGb: disk.sizeGb,
            sku,
            caching,
            zones: ZONE_REDUNDANT_SKUS.includes(sku) ? undefined : zones,
            protect: true,
        },
        problems,
    };
}

/**
 * Turns a VM component's arguments into a complete plan, or every problem with them.
 * @param name the component's Pulumi name
 */
export function planVm(os: OsType, name: string, args: VmArgs, credentials: CredentialInputs): PlanResult {
    const problems: Problem[] = [];
    const vmName = args.vmName ?? name;
    problems.push(...checkVmName("vmName", vmName));

    const computerName = args.computerName ?? vmName;
    problems.push(...checkComputerName("computerName", os, computerName, args.computerName === undefined));

    const adminUsername = args.adminUsername ?? DEFAULT_ADMIN[os];
    problems.push(...checkAdminUsername("adminUsername", os, adminUsername));

    if (!/^(Standard|Basic)_[A-Za-z0-9_-]+$/.test(args.size)) {
        problems.push({ path: "size", message: `"${args.size}" is not an Azure VM size; sizes look like "Standard_D2s_v5".` });
    }
    if (args.zone !== undefined && !ZONES.includes(args.zone)) {
        problems.push({ path: "zone", message: `"${args.zone}" is not an availability zone; use "1", "2" or "3", or leave zone unset for a regional VM.` });
    }
    const zones = args.zone !== undefined ? [args.zone] : undefined;

    const image = planImage(os, args);
    problems.push(...image.problems);

    const osDiskSku = args.osDisk?.sku ?? defaultSku(args.size);
    const osDiskCaching = args.osDisk?.caching ?? "ReadWrite";
    problems.push(...checkSku("osDisk.sku", osDiskSku), ...checkCaching("osDisk.caching", osDiskCaching));
    if (UNCACHED_SKUS.includes(osDiskSku)) {
        problems.push({ path: "osDisk.sku", message: `"${osDiskSku}" cannot be an OS disk; use Premium_LRS, StandardSSD_LRS or a ZRS SKU.` });
    }
    if (args.osDisk?.sizeGb !== undefined) {
        problems.push(...checkSize("osDisk.sizeGb", args.osDisk.sizeGb, MAX_OS_DISK_SIZE_GB, "an OS disk"));
    }

    const disks = args.dataDisks ?? [];
    const dataDisks = disks.map((disk, index) => {
        const planned = planDataDisk(name, vmName, args.size, zones, disk);
        problems.push(...within(`dataDisks[${index}]`, planned.problems));
        return planned.plan;
    });
    problems.push(
        ...checkUnique(disks.map((d) => d.name), (i) => `dataDisks[${i}].name`, "data disk name", true),
        ...checkUnique(disks.map((d) => d.lun), (i) => `dataDisks[${i}].lun`, "LUN"),
    );

    const credential = planCredential(os, credentials);
    (credentials.sshPublicKeys ?? []).forEach((key, index) => {
        if (typeof key === "string") {
            problems.push(...checkSshPublicKey(`sshPublicKeys[${index}]`, key));
        }
    });

    if (problems.length > 0) {
        return { ok: false, problems };
    }
    return {
        ok: true,
        plan: {
            os,
            resourceNames: { vm: `${name}-vm`, nic: `${name}-nic`, credential: os === "linux" ? `${name}-ssh-key` : `${name}-admin-password` },
            vmName,
            nicName: `${vmName}-nic`,
            computerName,
            adminUsername,
            size: args.size,
            zones,
            image: image.image,
            plan: image.plan,
            platformPatching: image.platformPatching,
            securityType: args.securityType ?? "TrustedLaunch",
            osDisk: { sizeGb: args.osDisk?.sizeGb, sku: osDiskSku, caching: osDiskCaching },
            dataDisks,
            credential,
            vmOptions: { deleteBeforeReplace: true, replaceOnChanges: VM_REPLACE_ON_CHANGES, ignoreChanges: VM_IGNORE_CHANGES },
        },
    };
}

function planCredential(os: OsType, credentials: CredentialInputs): CredentialMode {
    if (os === "linux") {
        return (credentials.sshPublicKeys ?? []).length > 0 ? "ssh-keys" : "generated-ssh-key";
    }
    return credentials.adminPasswordGiven ? "password" : "generated-password";
}

/** Plans a VM or throws every problem at once, before the component registers anything. */
export function requirePlan(component: string, os: OsType, name: string, args: VmArgs, credentials: CredentialInputs): VmPlan {
    const result = planVm(os, name, args, credentials);
    if (!result.ok) {
        throw new InvalidArgumentsError(component, name, result.problems);
    }
    return result.plan;
}
