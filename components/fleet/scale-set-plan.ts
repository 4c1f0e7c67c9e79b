/**
 * Pure planning for a fleet (a Virtual Machine Scale Set with Flexible orchestration): the fleet's own arguments are
 * checked first (scale-set-rules), then the single VM's rules and plans do their part (image, OS disk, data disk
 * shape, credentials, placement, with the fleet's `zones`), and the result is a plain plan, or every problem at once.
 * No Azure SDK here.
 */
import { checkResourceName } from "../core/name-rules";
import { DEFAULT_ADMIN, type OsType } from "../core/os";
import { checkUnique, within, type PlanResult, type Problem } from "../core/problems";
import { checkApplicationSecurityGroupId, checkEachId, checkNetworkSecurityGroupId, checkSubnetId } from "../core/arm-id-rules";
import { checkTags } from "../core/tag-rules";
import { ZONES, checkZoneList } from "../core/zone-rules";
import type { Caching, DiskSku } from "../disk/disk-args";
import { checkCachingAllowed, checkDataDiskShape, defaultDataDiskCaching } from "../disk/disk-rules";
import { planOsDisk } from "../disk/os-disk-plan";
import type { ImagePlan } from "../image/image-args";
import { planImage, type PlannedImage } from "../image/image-plan";
import { patchModes } from "../image/patch-plan";
import { checkAdminUsername } from "../vm/credential-rules";
import { checkLicenseType } from "../vm/license-rules";
import { checkPlacement, defaultDiskSku } from "../vm/placement-rules";
import { checkCredentials, planCredential, type CredentialInputs, type CredentialMode } from "../vm/vm-plan";
import type { LicenseType } from "../vm/vm-args";
import { checkSecurityType, checkVmSize } from "../vm/vm-rules";
import {
    type ScaleSetArgs, type ScaleSetDataDiskArgs, type ScaleSetDiskDeleteOption, type ScaleSetHealthProbeArgs,
    type ScaleSetUpgradeMode,
} from "./scale-set-args";
import { checkComputerNamePrefix, checkDiskDeleteOption, checkHealthProbe, checkInstanceCount, checkScaleSetName, checkUpgradeMode } from "./scale-set-rules";

/** Zones a fleet spreads across when none are named: all of them. */
export const DEFAULT_ZONES: readonly string[] = ZONES;
/**
 * Fault domain count 1 ("max spreading") is the only value a zonal Flexible scale set accepts, and the default and
 * recommendation for a regional one (Microsoft Learn, "Choosing the right number of fault domains for Virtual Machine
 * Scale Set").
 */
export const FLEET_FAULT_DOMAIN_COUNT = 1;
/** The Microsoft.Network API version the Flexible scale set creates its instances' NICs with. */
export const FLEET_NETWORK_API_VERSION = "2020-11-01";

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
    /** The OS's patch settings (`patchModes`): by platform only for a listed image, and a health probe watching the fleet. */
    readonly patchMode: "AutomaticByPlatform" | "ImageDefault" | "AutomaticByOS";
    readonly assessmentMode: "AutomaticByPlatform" | "ImageDefault";
    readonly securityType: "TrustedLaunch" | "Standard";
    /** Azure Hybrid Benefit for every instance, when given. */
    readonly licenseType: LicenseType | undefined;
    readonly osDisk: { readonly sizeGb: number | undefined; readonly sku: DiskSku; readonly caching: Caching; readonly deleteOption: ScaleSetDiskDeleteOption };
    readonly dataDisks: readonly FleetDiskPlan[];
    readonly ultraSsdEnabled: boolean;
    readonly healthExtension: HealthExtensionPlan | undefined;
    readonly credential: Exclude<CredentialMode, "none">;
    /** What the rules could not check; the component logs each as a warning. */
    readonly warnings: readonly Problem[];
}

const COMPONENT: Readonly<Record<OsType, string>> = { linux: "LinuxScaleSet", windows: "WindowsScaleSet" };

function planDataDisks(disks: readonly ScaleSetDataDiskArgs[], defaultSku: DiskSku): { plans: FleetDiskPlan[]; problems: Problem[] } {
    const problems: Problem[] = [];
    const plans = disks.map((disk, index) => {
        const sku = disk.sku ?? defaultSku;
        const caching = disk.caching ?? defaultDataDiskCaching(sku, disk.sizeGb);
        const deleteOption = disk.deleteOption ?? "Detach";
        const own: Problem[] = [
            ...checkDataDiskShape({ name: disk.name, lun: disk.lun, sku, caching, sizeGb: disk.sizeGb }),
            ...checkDiskDeleteOption("deleteOption", deleteOption),
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

function planHealthExtension(os: OsType, probe: ScaleSetHealthProbeArgs): HealthExtensionPlan {
    const type = os === "linux" ? "ApplicationHealthLinux" : "ApplicationHealthWindows";
    const settings = probe.protocol === "tcp" ? { protocol: probe.protocol, port: probe.port } : { protocol: probe.protocol, port: probe.port, requestPath: probe.requestPath };
    return { name: "HealthExtension", publisher: "Microsoft.ManagedServices", type, typeHandlerVersion: "1.0", settings };
}

/**
 * Turns a fleet component's arguments into a complete plan, or every problem with them.
 * @param name the component's Pulumi name, which is also the scale set's Azure name
 */
export function planScaleSet(os: OsType, name: string, args: ScaleSetArgs, credentials: CredentialInputs): PlanResult<ScaleSetPlan> {
    // The fleet's own arguments.
    const computerNamePrefix = args.computerNamePrefix ?? name;
    const adminUsername = args.adminUsername ?? DEFAULT_ADMIN[os];
    const zones = args.zones ?? DEFAULT_ZONES;
    const upgradeMode = args.upgradeMode ?? "Manual";
    const problems: Problem[] = [
        ...checkScaleSetName("name", name),
        ...checkInstanceCount("instanceCount", args.instanceCount),
        ...checkVmSize("size", args.size),
        ...(typeof args.resourceGroupName === "string" ? checkResourceName("resourceGroupName", "resourceGroup", args.resourceGroupName, "set resourceGroupName", false) : []),
        ...checkComputerNamePrefix("computerNamePrefix", os, computerNamePrefix, args.computerNamePrefix === undefined),
        ...checkAdminUsername("adminUsername", os, adminUsername),
        ...checkCredentials(os, credentials),
        ...checkTags("tags", args.tags),
        ...checkSubnetId("subnetId", args.subnetId),
        ...checkNetworkSecurityGroupId("networkSecurityGroupId", args.networkSecurityGroupId),
        ...checkEachId(checkApplicationSecurityGroupId, "applicationSecurityGroupIds", args.applicationSecurityGroupIds),
    ];

    const image = planImage(os, args, COMPONENT[os]);
    problems.push(...image.problems);
    if (args.licenseType !== undefined) {
        problems.push(...checkLicenseType("licenseType", args.licenseType, os, image.image));
    }

    // The single VM's OS disk rules (SKU, caching, size), on an OS disk made from the image.
    const facts = args.preflightFacts ?? {};
    const defaultSku = defaultDiskSku(args.size, facts);
    const { deleteOption: osDeleteOption, ...osDiskArgs } = args.osDisk ?? {};
    const resourceGroupName = typeof args.resourceGroupName === "string" ? args.resourceGroupName : undefined;
    const osDisk = planOsDisk(name, name, osDiskArgs, { zone: undefined, resourceGroupName, protection: "delete", sku: defaultSku });
    problems.push(...osDisk.problems);
    const osDiskDelete = osDeleteOption ?? "Delete";
    problems.push(...checkDiskDeleteOption("osDisk.deleteOption", osDiskDelete));
    const dataDisks = planDataDisks(args.dataDisks ?? [], defaultSku);
    problems.push(...dataDisks.problems);
    problems.push(...checkZoneList("zones", zones));

    const securityType = args.securityType ?? "TrustedLaunch";
    problems.push(...checkSecurityType("securityType", securityType));
    const osSku = osDisk.plan.sku ?? defaultSku;
    const placement = checkPlacement({
        size: args.size,
        zones: { field: "zones", zones, defaulted: args.zones === undefined },
        availabilitySet: false,
        location: typeof args.location === "string" ? args.location : undefined,
        trustedLaunch: securityType === "TrustedLaunch",
        image: { path: "image", label: image.image.label, generation: facts.imageGeneration ?? image.generation },
        osDiskSku: osSku,
        dataDisks: dataDisks.plans,
        facts,
    });
    problems.push(...placement.problems);

    if (args.healthProbe !== undefined) {
        problems.push(...checkHealthProbe(args.healthProbe));
    }
    problems.push(...checkUpgradeMode(upgradeMode, args.healthProbe));

    if (problems.length > 0) {
        return { ok: false, problems };
    }
    const health = args.healthProbe === undefined ? undefined : planHealthExtension(os, args.healthProbe);
    // Azure requires health monitoring for platform-orchestrated patching of a Flexible scale set.
    const patch = patchModes(os, image.platformPatching && health !== undefined);
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
            patchMode: patch.patchMode,
            assessmentMode: patch.assessmentMode,
            securityType,
            licenseType: args.licenseType,
            osDisk: { sizeGb: osDisk.plan.sizeGb, sku: osSku, caching: osDisk.plan.caching, deleteOption: osDiskDelete },
            dataDisks: dataDisks.plans,
            ultraSsdEnabled: dataDisks.plans.some((d) => d.sku === "UltraSSD_LRS"),
            healthExtension: health,
            credential: planCredential(os, credentials),
            warnings: placement.warnings,
        },
    };
}
