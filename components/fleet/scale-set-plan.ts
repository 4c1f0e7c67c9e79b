/**
 * Pure planning for a fleet (a Virtual Machine Scale Set with Flexible orchestration): defaults, names and validation,
 * from plain arguments to a plain plan. It reuses the single VM's rules (image, disks, credentials, placement) and adds
 * the fleet's own (instance count, zones, computer name prefix, upgrade mode, health probe). No Azure SDK here.
 */
import { checkDiskKey } from "../disk/data-disk-plan";
import { catalogueImage, type ImagePlan, type OsType } from "../image/image-facts";
import { planImage, type ImagePlanResult, type PlannedImage } from "../image/image-plan";
import { planOsDisk } from "../disk/os-disk-plan";
import { InvalidArgumentsError, checkChoice, checkUnique, within, type Problem } from "../core/problems";
import { checkAdminPassword, checkAdminUsername, checkSshPublicKey } from "../vm/credential-rules";
import {
    MAX_DISK_SIZE_GB, MIN_DISK_SIZE_GB, ZONE_REDUNDANT_SKUS, checkCaching, checkCachingAllowed, checkLun, checkSize, checkSku,
    noCachingReason, type Caching, type DiskSku,
} from "../disk/disk-rules";
import { regionHasZones } from "../core/azure-facts";
import { checkComputerNamePrefix, checkResourceName, checkScaleSetName } from "../core/name-rules";
import { checkPlacement } from "../vm/placement-rules";
import {
    HEALTH_PROBE_PROTOCOLS, SCALE_SET_DISK_DELETE_OPTIONS, SCALE_SET_UPGRADE_MODES,
    type ScaleSetArgs, type ScaleSetDataDiskArgs, type ScaleSetDiskDeleteOption, type ScaleSetHealthProbeArgs, type ScaleSetUpgradeMode,
} from "./scale-set-args";
import { DEFAULT_ADMIN, ZONES, checkVmSize, supportsPremiumStorage } from "../vm/vm-plan";

/** The most instances a Flexible scale set holds (Microsoft Learn, "Flexible orchestration": up to 1000 VMs). */
export const MAX_INSTANCES = 1000;
/** Zones a fleet spreads across when none are named. */
export const DEFAULT_ZONES: readonly string[] = ["1", "2", "3"];
/**
 * Fault domain count 1 ("max spreading") is the only value a zonal Flexible scale set accepts, and the default and
 * recommendation for a regional one (Microsoft Learn, "Choosing the right number of fault domains for Virtual Machine
 * Scale Set").
 */
export const FLEET_FAULT_DOMAIN_COUNT = 1;
/** The Microsoft.Network API version the Flexible scale set creates its instances' NICs with. */
export const FLEET_NETWORK_API_VERSION = "2020-11-01";

/** How each instance's administrator signs in. */
export type FleetCredentialMode = "ssh-keys" | "generated-ssh-key" | "password" | "generated-password";

export interface FleetDiskPlan {
    readonly key: string;
    readonly lun: number;
    readonly sizeGb: number;
    readonly sku: DiskSku;
    readonly caching: Caching;
    readonly deleteOption: ScaleSetDiskDeleteOption;
}

/** The Application Health extension, as the scale set's profile declares it. */
export interface HealthExtensionPlan {
    readonly name: string;
    readonly publisher: "Microsoft.ManagedServices";
    readonly type: "ApplicationHealthLinux" | "ApplicationHealthWindows";
    readonly typeHandlerVersion: "1.0";
    readonly settings: { readonly protocol: string; readonly port: number; readonly requestPath?: string };
}

export interface ScaleSetPlan {
    readonly os: OsType;
    /** Pulumi logical names of the children. */
    readonly resourceNames: { readonly scaleSet: string; readonly credential: string };
    /** The scale set's Azure name: the component's name. */
    readonly scaleSetName: string;
    readonly size: string;
    readonly zones: readonly string[];
    readonly orchestrationMode: "Flexible";
    readonly platformFaultDomainCount: number;
    readonly networkApiVersion: "2020-11-01";
    readonly upgradeMode: ScaleSetUpgradeMode;
    readonly computerNamePrefix: string;
    readonly adminUsername: string;
    readonly image: PlannedImage;
    readonly plan: ImagePlan | undefined;
    /** The OS's patch settings: by platform only where the image supports it and a health probe watches the fleet. */
    readonly patchMode: "AutomaticByPlatform" | "ImageDefault" | "AutomaticByOS";
    readonly assessmentMode: "AutomaticByPlatform" | "ImageDefault";
    readonly securityType: "TrustedLaunch" | "Standard";
    readonly osDisk: { readonly sizeGb: number | undefined; readonly sku: DiskSku; readonly caching: Caching; readonly deleteOption: ScaleSetDiskDeleteOption };
    readonly dataDisks: readonly FleetDiskPlan[];
    readonly ultraSsdEnabled: boolean;
    readonly healthExtension: HealthExtensionPlan | undefined;
    readonly credential: FleetCredentialMode;
    /** What the rules could not check; the component logs each as a warning. */
    readonly warnings: readonly Problem[];
}

/** The OS-specific inputs the plan checks. */
export interface FleetCredentialInputs {
    /** Linux: the SSH public keys given (only plain strings are checked). */
    readonly sshPublicKeys?: readonly unknown[];
    /** Windows: the password given (only a plain string is checked). */
    readonly adminPassword?: unknown;
}

export type ScaleSetPlanResult = { readonly ok: true; readonly plan: ScaleSetPlan } | { readonly ok: false; readonly problems: readonly Problem[] };

const COMPONENT: Readonly<Record<OsType, string>> = { linux: "LinuxScaleSet", windows: "WindowsScaleSet" };

/** The instance count, when it is a plain number: a whole number from 0 to 1000. */
export function checkInstanceCount(path: string, value: unknown): Problem[] {
    if (typeof value !== "number" || (Number.isInteger(value) && value >= 0 && value <= MAX_INSTANCES)) {
        return [];
    }
    return [{ path, message: `${value} is not a whole number from 0 to ${MAX_INSTANCES}, the instances a Flexible scale set holds (set instanceCount in that range).` }];
}

/** The image, with the fleet's own words for an image of the other OS; the rest is the single VM's image planning. */
function planFleetImage(os: OsType, args: ScaleSetArgs): ImagePlanResult {
    const entry = args.image !== undefined && args.imageReference === undefined && args.galleryImageId === undefined ? catalogueImage(args.image) : undefined;
    if (entry !== undefined && entry.os !== os) {
        return {
            image: { kind: "gallery", label: "(none)" },
            plan: undefined,
            platformPatching: false,
            generation: undefined,
            problems: [{ path: "image", message: `"${args.image ?? ""}" is a ${entry.os} image; a ${COMPONENT[os]} needs a ${os} image.` }],
        };
    }
    return planImage(os, args);
}

function planDataDisks(disks: readonly ScaleSetDataDiskArgs[], defaultSku: DiskSku): { plans: FleetDiskPlan[]; problems: Problem[] } {
    const problems: Problem[] = [];
    const plans = disks.map((disk, index) => {
        const sku = disk.sku ?? defaultSku;
        const caching = disk.caching ?? (noCachingReason(sku, disk.sizeGb) !== undefined ? "None" : "ReadOnly");
        const deleteOption = disk.deleteOption ?? "Detach";
        const skuProblems = checkSku("sku", sku);
        const own: Problem[] = [
            ...checkDiskKey("name", disk.name),
            ...checkLun("lun", disk.lun),
            ...skuProblems,
            ...checkCaching("caching", caching),
            ...(skuProblems.length === 0 ? checkSize("sizeGb", disk.sizeGb, MIN_DISK_SIZE_GB[sku], MAX_DISK_SIZE_GB[sku], `a ${sku} data disk`) : []),
            ...checkChoice("deleteOption", deleteOption, SCALE_SET_DISK_DELETE_OPTIONS, "delete option"),
        ];
        if (own.length === 0) {
            own.push(...checkCachingAllowed("caching", caching, sku, disk.sizeGb));
        }
        problems.push(...within(`dataDisks[${index}]`, own));
        return { key: disk.name, lun: disk.lun, sizeGb: disk.sizeGb, sku, caching, deleteOption };
    });
    problems.push(
        ...checkUnique(disks.map((d) => d.name), (i) => `dataDisks[${i}].name`, "data disk name", true),
        ...checkUnique(disks.map((d) => d.lun), (i) => `dataDisks[${i}].lun`, "LUN"),
    );
    return { plans, problems };
}

/** The fleet's zones: each one of "1", "2", "3", once; none in a region without zones; zonal-only disks need zones. */
function checkZones(args: ScaleSetArgs, zones: readonly string[], disks: readonly { path: string; sku: DiskSku }[]): { problems: Problem[]; warnings: Problem[] } {
    const problems: Problem[] = [];
    const warnings: Problem[] = [];
    zones.forEach((zone, index) => {
        if (!ZONES.includes(zone)) {
            problems.push({ path: `zones[${index}]`, message: `"${zone}" is not an availability zone; use "1", "2" or "3" (or zones: [] for a regional scale set).` });
        }
    });
    problems.push(...checkUnique(zones, (i) => `zones[${i}]`, "zone"));
    const location = typeof args.location === "string" ? args.location : undefined;
    const zonal = args.preflightFacts?.regionHasZones ?? (location !== undefined ? regionHasZones(location) : undefined);
    const where = location ?? "the region";
    if (zonal === false && zones.length > 0) {
        const given = args.zones === undefined ? "defaults to" : "is";
        problems.push({ path: "zones", message: `${given} ${JSON.stringify(zones)}, but ${where} has no availability zones (set zones: []).` });
    }
    if (zonal === false) {
        for (const disk of disks.filter((d) => ZONE_REDUNDANT_SKUS.includes(d.sku))) {
            problems.push({ path: disk.path, message: `"${disk.sku}" needs a region with availability zones, and ${where} has none (use the LRS SKU).` });
        }
    }
    const zonalOnly = disks.find((d) => d.sku === "PremiumV2_LRS" || d.sku === "UltraSSD_LRS");
    if (zonal === true && zones.length === 0 && zonalOnly !== undefined) {
        problems.push({ path: "zones", message: `is empty, but ${zonalOnly.sku} disks are zonal in ${where}, which has zones (name the zones).` });
    }
    if (zonal === undefined && zones.length > 0) {
        const what = location === undefined ? "is not a plain value" : `"${location}" is not in the region table`;
        warnings.push({ path: "location", message: `${what}, so whether the region has zones is not checked (set preflightFacts.regionHasZones).` });
    }
    return { problems, warnings };
}

function planHealthExtension(os: OsType, probe: ScaleSetHealthProbeArgs | undefined): { plan: HealthExtensionPlan | undefined; problems: Problem[] } {
    if (probe === undefined) {
        return { plan: undefined, problems: [] };
    }
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
    const type = os === "linux" ? "ApplicationHealthLinux" : "ApplicationHealthWindows";
    const settings = probe.protocol === "tcp" ? { protocol: probe.protocol, port: probe.port } : { protocol: probe.protocol, port: probe.port, requestPath: probe.requestPath };
    return { plan: { name: "HealthExtension", publisher: "Microsoft.ManagedServices", type, typeHandlerVersion: "1.0", settings }, problems: within("healthProbe", problems) };
}

/**
 * Turns a fleet component's arguments into a complete plan, or every problem with them.
 * @param name the component's Pulumi name, which is also the scale set's Azure name
 */
export function planScaleSet(os: OsType, name: string, args: ScaleSetArgs, credentials: FleetCredentialInputs): ScaleSetPlanResult {
    const problems: Problem[] = [...checkScaleSetName("name", name)];
    const facts = args.preflightFacts ?? {};
    problems.push(...checkInstanceCount("instanceCount", args.instanceCount), ...checkVmSize("size", args.size));
    if (typeof args.resourceGroupName === "string") {
        problems.push(...checkResourceName("resourceGroupName", "resourceGroup", args.resourceGroupName, "set resourceGroupName", false));
    }

    const computerNamePrefix = args.computerNamePrefix ?? name;
    const adminUsername = args.adminUsername ?? DEFAULT_ADMIN[os];
    problems.push(
        ...checkComputerNamePrefix("computerNamePrefix", os, computerNamePrefix, args.computerNamePrefix === undefined),
        ...checkAdminUsername("adminUsername", os, adminUsername),
    );
    (credentials.sshPublicKeys ?? []).forEach((key, index) => {
        if (typeof key === "string") {
            problems.push(...checkSshPublicKey(`sshPublicKeys[${index}]`, key));
        }
    });
    if (typeof credentials.adminPassword === "string") {
        problems.push(...checkAdminPassword("adminPassword", os, credentials.adminPassword));
    }

    const image = planFleetImage(os, args);
    problems.push(...image.problems);

    // The single VM's OS disk rules (SKU, caching, size), on an OS disk made from the image.
    const defaultSku: DiskSku = supportsPremiumStorage(args.size, facts) ? "Premium_LRS" : "StandardSSD_LRS";
    const { deleteOption: osDeleteOption, ...osDiskArgs } = args.osDisk ?? {};
    const osDiskVm = { resourceGroupName: args.resourceGroupName, location: args.location, subnetId: args.subnetId, size: args.size, osDisk: osDiskArgs };
    const osDisk = planOsDisk(os, name, name, osDiskVm, {}, "delete", defaultSku);
    problems.push(...osDisk.problems);
    const osDiskDelete = osDeleteOption ?? "Delete";
    problems.push(...checkChoice("osDisk.deleteOption", osDiskDelete, SCALE_SET_DISK_DELETE_OPTIONS, "delete option"));
    const dataDisks = planDataDisks(args.dataDisks ?? [], defaultSku);
    problems.push(...dataDisks.problems);

    const zones = args.zones ?? DEFAULT_ZONES;
    const osSku = osDisk.plan.sku ?? defaultSku;
    const zoneCheck = checkZones(args, zones, [{ path: "osDisk.sku", sku: osSku }, ...dataDisks.plans.map((d, i) => ({ path: `dataDisks[${i}].sku`, sku: d.sku }))]);
    problems.push(...zoneCheck.problems);

    const securityType = args.securityType ?? "TrustedLaunch";
    // The single VM's size and image rules; the fleet's zone rules above replace the VM's zone rules.
    const placement = checkPlacement({
        size: args.size,
        zone: undefined,
        availabilitySet: false,
        location: undefined,
        trustedLaunch: securityType === "TrustedLaunch",
        image: { path: "image", label: image.image.label, generation: facts.imageGeneration ?? image.generation },
        osDiskSku: osSku,
        dataDisks: dataDisks.plans,
        facts: { ...facts, regionHasZones: undefined },
    });
    problems.push(...placement.problems);

    const health = planHealthExtension(os, args.healthProbe);
    problems.push(...health.problems);
    const upgradeMode = args.upgradeMode ?? "Manual";
    problems.push(...checkChoice("upgradeMode", upgradeMode, SCALE_SET_UPGRADE_MODES, "upgrade mode"));
    if (upgradeMode === "Rolling" && args.healthProbe === undefined) {
        problems.push({ path: "upgradeMode", message: `"Rolling" needs the Application Health extension on a Flexible scale set (set healthProbe, or use "Manual").` });
    }

    if (problems.length > 0) {
        return { ok: false, problems };
    }
    // Azure requires health monitoring for platform-orchestrated patching of a Flexible scale set.
    const platformPatching = image.platformPatching && health.plan !== undefined;
    return {
        ok: true,
        plan: {
            os,
            resourceNames: { scaleSet: `${name}-vmss`, credential: os === "linux" ? `${name}-ssh-key` : `${name}-admin-password` },
            scaleSetName: name,
            size: args.size,
            zones,
            orchestrationMode: "Flexible",
            platformFaultDomainCount: FLEET_FAULT_DOMAIN_COUNT,
            networkApiVersion: FLEET_NETWORK_API_VERSION,
            upgradeMode,
            computerNamePrefix,
            adminUsername,
            image: image.image,
            plan: image.plan,
            patchMode: platformPatching ? "AutomaticByPlatform" : os === "linux" ? "ImageDefault" : "AutomaticByOS",
            assessmentMode: platformPatching ? "AutomaticByPlatform" : "ImageDefault",
            securityType,
            osDisk: { sizeGb: osDisk.plan.sizeGb, sku: osSku, caching: osDisk.plan.caching, deleteOption: osDiskDelete },
            dataDisks: dataDisks.plans,
            ultraSsdEnabled: dataDisks.plans.some((d) => d.sku === "UltraSSD_LRS"),
            healthExtension: health.plan,
            credential: os === "linux"
                ? ((credentials.sshPublicKeys ?? []).length > 0 ? "ssh-keys" : "generated-ssh-key")
                : (credentials.adminPassword !== undefined ? "password" : "generated-password"),
            warnings: [...zoneCheck.warnings, ...placement.warnings.filter((w) => w.path !== "location")],
        },
    };
}

/** Plans a fleet or throws every problem at once, before the component registers anything. */
export function requireScaleSetPlan(os: OsType, name: string, args: ScaleSetArgs, credentials: FleetCredentialInputs): ScaleSetPlan {
    const result = planScaleSet(os, name, args, credentials);
    if (!result.ok) {
        throw new InvalidArgumentsError(COMPONENT[os], name, result.problems);
    }
    return result.plan;
}
