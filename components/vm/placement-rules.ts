/**
 * Where a VM or a fleet and its disks can go, and what its size and image allow: one set of rules for both. Facts
 * come from the dated, sourced tables (size-facts.ts, core/azure-facts.ts) or from the component's own
 * `preflightFacts`; a fact neither knows makes a warning, not an error.
 * Sources: Microsoft Learn "Availability options" (a VM is zonal or in an availability set, not both); "Azure managed
 * disk types" (Premium SSD, Premium SSD v2 and Ultra need a size with premium storage; Premium SSD v2 and Ultra are
 * zonal in regions with zones); "Redundancy options for managed disks" (ZRS needs a region with zones); "Trusted launch" (Gen2 images, supported sizes); the sizes pages (max data disks).
 */
import { FACTS_DATE, REGIONS_DATE, nearestRegions, regionHasZones } from "../core/azure-facts";
import { didYouMean, eitherOf } from "../core/nearest-names";
import type { Problem } from "../core/problems";
import type { DiskSku } from "../disk/disk-args";
import { ZONE_REDUNDANT_SKUS } from "../disk/disk-rules";
import { nearestSizes, sizeFacts, type SizeFacts } from "./size-facts";

/** Facts a VM can supply for what the tables do not know, or to correct them. */
export interface PreflightFacts {
    /** Facts about the VM's size. */
    readonly size?: Partial<SizeFacts>;
    /** Whether the VM's region has availability zones. */
    readonly regionHasZones?: boolean;
    /** The Hyper-V generation of the VM's image. */
    readonly imageGeneration?: 1 | 2;
}

/**
 * The zones a machine is placed in: a VM's `zone` (one or none) or a fleet's `zones` (a list, `defaulted` when the
 * fleet named none); the messages name the field and its fix.
 */
export type ZonePlacement =
    | { readonly field: "zone"; readonly zone: string | undefined }
    | { readonly field: "zones"; readonly zones: readonly string[]; readonly defaulted: boolean };

export interface PlacementInputs {
    readonly size: string;
    readonly zones: ZonePlacement;
    readonly availabilitySet: boolean;
    /** The region, when it is a plain value. */
    readonly location: string | undefined;
    readonly trustedLaunch: boolean;
    /** What the VM boots: an image, or (path "osDisk.source") an existing OS disk. */
    readonly image: { readonly path: "image" | "osDisk.source"; readonly label: string; readonly generation: 1 | 2 | undefined };
    /** Undefined for an OS disk the stack does not own. */
    readonly osDiskSku: DiskSku | undefined;
    /** The data disks' SKUs; undefined for a disk the stack does not own (its SKU is unknown). */
    readonly dataDisks: readonly { readonly sku: DiskSku | undefined }[];
    readonly facts: PreflightFacts;
}

const PREMIUM_SKUS: readonly DiskSku[] = ["Premium_LRS", "Premium_ZRS", "PremiumV2_LRS", "UltraSSD_LRS"];
const ZONAL_ONLY_SKUS: readonly DiskSku[] = ["PremiumV2_LRS", "UltraSSD_LRS"];

/**
 * Whether a size can use premium storage by Azure's size naming convention: a lower-case `s` among the additive
 * features (`Standard_D2s_v5`, `Standard_E4ads_v5`, `Standard_B2ms`) or an `S` family (`Standard_DS2_v2`).
 * Source: Microsoft Learn, "Azure virtual machine sizes naming conventions".
 */
export function premiumByName(size: string): boolean | undefined {
    const match = /^Standard_([A-Z]+)\d+(?:-\d+)?([a-z]*)/.exec(size);
    if (!match) {
        return undefined;
    }
    const [, family = "", features = ""] = match;
    return features.includes("s") || family.endsWith("S");
}

/** Whether a size has premium storage: the VM's own facts, else the size table, else the naming convention. */
export function premiumStorage(size: string, facts: PreflightFacts): boolean | undefined {
    return facts.size?.premiumStorage ?? sizeFacts(size)?.premiumStorage ?? premiumByName(size);
}

/**
 * Whether a size can use premium storage: from the size table, else by Azure's size naming convention (a lower-case
 * `s` among the additive features, as in Standard_D2s_v5). False when neither says.
 */
export function supportsPremiumStorage(size: string, facts: PreflightFacts = {}): boolean {
    return premiumStorage(size, facts) ?? false;
}

/** The SKU of a disk that names none, for a VM or a fleet of this size: Premium SSD where the size supports it. */
export function defaultDiskSku(size: string, facts: PreflightFacts): DiskSku {
    return supportsPremiumStorage(size, facts) ? "Premium_LRS" : "StandardSSD_LRS";
}

export function checkPlacement(p: PlacementInputs): { problems: Problem[]; warnings: Problem[] } {
    const problems: Problem[] = [];
    const warnings: Problem[] = [];
    const table = sizeFacts(p.size);
    const size = { ...table, ...p.facts.size };

    const zone = p.zones.field === "zone" ? p.zones.zone : undefined;
    if (zone !== undefined && p.availabilitySet) {
        problems.push({ path: "zone", message: `"${zone}" and availabilitySetId are both set; a VM is either zonal or in an availability set (remove one).` });
    }

    const premium = premiumStorage(p.size, p.facts);
    const disks = [{ path: "osDisk.sku", sku: p.osDiskSku }, ...p.dataDisks.map((d, i) => ({ path: `dataDisks[${i}].sku`, sku: d.sku }))]
        .filter((d): d is { path: string; sku: DiskSku } => d.sku !== undefined);
    if (premium === false) {
        for (const disk of disks.filter((d) => PREMIUM_SKUS.includes(d.sku))) {
            problems.push({ path: disk.path, message: `"${disk.sku}" needs a size with premium storage, and ${p.size} has none (choose an "s" size such as Standard_D2s_v5, or a Standard SKU).` });
        }
    }
    if (size.maxDataDisks !== undefined && p.dataDisks.length > size.maxDataDisks) {
        problems.push({ path: "dataDisks", message: `has ${p.dataDisks.length} disks; ${p.size} takes at most ${size.maxDataDisks} (choose a larger size or fewer disks).` });
    }
    if (p.trustedLaunch && size.trustedLaunch === false) {
        problems.push({ path: "securityType", message: `"TrustedLaunch" is not supported on ${p.size} (choose a size that supports it, or set securityType: "Standard").` });
    }
    if (p.image.generation === 2 && size.generations !== undefined && !size.generations.includes(2)) {
        problems.push({ path: "size", message: `"${p.size}" runs only Gen1 images, and ${p.image.label} is Gen2 (choose a Gen2-capable size such as Standard_D2s_v5).` });
    }
    if (p.trustedLaunch && p.image.generation === 1) {
        problems.push({ path: "securityType", message: `"TrustedLaunch" needs a Gen2 image, and ${p.image.label} is Gen1 (use a Gen2 image, or set securityType: "Standard").` });
    }
    if (p.trustedLaunch && p.image.generation === undefined) {
        warnings.push({ path: p.image.path, message: `${p.image.label} may be Gen1 or Gen2; Trusted Launch needs Gen2, which is not checked (set preflightFacts.imageGeneration).` });
    }
    const unknownSizeFacts = (["maxDataDisks", "trustedLaunch", "generations"] as const).filter((k) => size[k] === undefined);
    if (unknownSizeFacts.length > 0) {
        warnings.push({ path: "size", message: unknownSize(p.size, unknownSizeFacts) });
    }

    const zoning = checkZonePlacement(p.zones, p.location, disks, p.dataDisks, p.facts);
    problems.push(...zoning.problems);
    warnings.push(...zoning.warnings);
    return { problems, warnings };
}

/**
 * The warning for a size the table does not know: what is not checked, the table's nearest sizes (a typo is likelier
 * than a size newer than the table), and, for a size that is right, how to state its facts.
 */
function unknownSize(size: string, unchecked: readonly string[]): string {
    const near = sizeFacts(size) === undefined ? nearestSizes(size) : [];
    const fix = near.length > 0 ? `did you mean ${eitherOf(near)}? If ${JSON.stringify(size)} is right, set preflightFacts.size` : "set preflightFacts.size";
    return `${JSON.stringify(size)} is not in the size table of ${FACTS_DATE}, so ${unchecked.join(", ")} ${unchecked.length > 1 ? "are" : "is"} not checked (${fix}).`;
}

/**
 * The message for a plain region the table does not know: Azure would refuse it at deploy, unless it is newer than
 * the table or in a sovereign cloud, which `preflightFacts.regionHasZones` vouches for.
 */
function unknownRegion(location: string): string {
    return `${JSON.stringify(location)} is not an Azure region in the region table of ${REGIONS_DATE}${didYouMean(nearestRegions(location))}; use a region's programmatic name (az account list-locations -o table), or, for a region newer than the table or in a sovereign cloud, set preflightFacts.regionHasZones to say whether it has availability zones.`;
}

/**
 * Zones against the region: none where the region has no zones (and no zone-redundant disks there); zones where the
 * data disks are zonal-only (Premium SSD v2, Ultra) in a region that has them; a plain region the table does not
 * know is refused, and a region that is not yet a plain value gets a warning where zones matter.
 */
function checkZonePlacement(
    placement: ZonePlacement,
    location: string | undefined,
    disks: readonly { readonly path: string; readonly sku: DiskSku }[],
    dataDisks: readonly { readonly sku: DiskSku | undefined }[],
    facts: PreflightFacts,
): { problems: Problem[]; warnings: Problem[] } {
    const problems: Problem[] = [];
    const warnings: Problem[] = [];
    const zones = placement.field === "zone" ? (placement.zone === undefined ? [] : [placement.zone]) : placement.zones;
    const where = location ?? "the region";
    const zonal = facts.regionHasZones ?? (location !== undefined ? regionHasZones(location) : undefined);
    // Data disks only: an OS disk of these SKUs is refused outright elsewhere.
    const zonalOnly = dataDisks.flatMap((d) => (d.sku !== undefined && ZONAL_ONLY_SKUS.includes(d.sku) ? [d.sku] : []));
    if (zonal === false) {
        for (const disk of disks.filter((d) => ZONE_REDUNDANT_SKUS.includes(d.sku))) {
            problems.push({ path: disk.path, message: `"${disk.sku}" needs a region with availability zones, and ${where} has none (use the LRS SKU).` });
        }
    }
    if (zonal === false && zones.length > 0) {
        problems.push(placement.field === "zone"
            ? { path: "zone", message: `"${placement.zone ?? ""}" is set, but ${where} has no availability zones (leave zone unset).` }
            : { path: "zones", message: `${placement.defaulted ? "defaults to" : "is"} ${JSON.stringify(zones)}, but ${where} has no availability zones (set zones: []).` });
    }
    if (zonal === true && zones.length === 0 && zonalOnly.length > 0) {
        const [unset, fix] = placement.field === "zone" ? ["is unset", "set zone"] : ["is empty", "name the zones"];
        problems.push({ path: placement.field, message: `${unset}, but ${zonalOnly[0] ?? ""} disks are zonal in ${where}, which has zones (${fix}).` });
    }
    if (zonal === undefined && location !== undefined) {
        problems.push({ path: "location", message: unknownRegion(location) });
    } else if (zonal === undefined && (zones.length > 0 || zonalOnly.length > 0)) {
        warnings.push({ path: "location", message: "is not a plain value, so zone placement is not checked (set preflightFacts.regionHasZones)." });
    }
    return { problems, warnings };
}
