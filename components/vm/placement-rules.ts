/**
 * Where a VM and its disks can go, and what its size and image allow. Facts come from the tables in facts.ts
 * (dated, sourced) or from the VM's own `preflightFacts`; a fact neither knows makes a warning, not an error.
 * Sources: Microsoft Learn "Availability options" (a VM is zonal or in an availability set, not both); "Azure managed
 * disk types" (Premium SSD, Premium SSD v2 and Ultra need a size with premium storage; Premium SSD v2 and Ultra are
 * zonal in regions with zones); "Redundancy options for managed disks" (ZRS needs a region with zones); "Trusted launch" (Gen2 images, supported sizes); the sizes pages (max data disks).
 */
import type { Problem } from "../core/problems";
import { FACTS_DATE, regionHasZones, sizeFacts, type SizeFacts } from "../core/azure-facts";
import { ZONE_REDUNDANT_SKUS, type DiskSku } from "../disk/disk-rules";

/** Facts a VM can supply for what the tables do not know, or to correct them. */
export interface PreflightFacts {
    /** Facts about the VM's size. */
    readonly size?: Partial<SizeFacts>;
    /** Whether the VM's region has availability zones. */
    readonly regionHasZones?: boolean;
    /** The Hyper-V generation of the VM's image. */
    readonly imageGeneration?: 1 | 2;
}

export interface PlacementInputs {
    readonly size: string;
    readonly zone: string | undefined;
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

export function checkPlacement(p: PlacementInputs): { problems: Problem[]; warnings: Problem[] } {
    const problems: Problem[] = [];
    const warnings: Problem[] = [];
    const table = sizeFacts(p.size);
    const size = { ...table, ...p.facts.size };

    if (p.zone !== undefined && p.availabilitySet) {
        problems.push({ path: "zone", message: `"${p.zone}" and availabilitySetId are both set; a VM is either zonal or in an availability set (remove one).` });
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
        warnings.push({ path: "size", message: `"${p.size}" is not in the size table of ${FACTS_DATE}, so ${unknownSizeFacts.join(", ")} ${unknownSizeFacts.length > 1 ? "are" : "is"} not checked (set preflightFacts.size).` });
    }

    const zonal = p.facts.regionHasZones ?? (p.location !== undefined ? regionHasZones(p.location) : undefined);
    // Data disks only: an OS disk of these SKUs is refused outright elsewhere.
    const zonalOnly = p.dataDisks.flatMap((d) => (d.sku !== undefined && ZONAL_ONLY_SKUS.includes(d.sku) ? [d.sku] : []));
    if (zonal === false) {
        for (const disk of disks.filter((d) => ZONE_REDUNDANT_SKUS.includes(d.sku))) {
            problems.push({ path: disk.path, message: `"${disk.sku}" needs a region with availability zones, and ${p.location ?? "the region"} has none (use the LRS SKU).` });
        }
    }
    if (zonal === false && p.zone !== undefined) {
        problems.push({ path: "zone", message: `"${p.zone}" is set, but ${p.location ?? "the region"} has no availability zones (leave zone unset).` });
    }
    if (zonal === true && p.zone === undefined && zonalOnly.length > 0) {
        problems.push({ path: "zone", message: `is unset, but ${zonalOnly[0] ?? ""} disks are zonal in ${p.location ?? "the region"}, which has zones (set zone).` });
    }
    if (zonal === undefined && (p.zone !== undefined || zonalOnly.length > 0)) {
        warnings.push({ path: "location", message: `${p.location === undefined ? "is not a plain value" : `"${p.location}" is not in the region table of ${FACTS_DATE}`}, so zone placement is not checked (set preflightFacts.regionHasZones).` });
    }
    return { problems, warnings };
}
