/**
 * Facts only Azure knows at deploy time, as committed, dated tables: here, which regions have availability zones; the
 * sizes' facts are in vm/size-facts.ts and the images' in image/image-facts.ts, collected on the same date. A value a
 * table does not know makes its rule give a warning, not an error; each VM can supply or correct the facts itself
 * (`preflightFacts`).
 *
 * Collected 2026-11 from Microsoft Learn, "Azure regions with availability zone support" (reliability/regions-list).
 */

/** When the fact tables (regions, sizes, images that need a plan) were collected. */
export const FACTS_DATE = "2026-11";

/** Regions with availability zones (true) and without (false), by ARM name. */
export const REGION_ZONES: Readonly<Record<string, boolean>> = {
    ...Object.fromEntries([
        "australiaeast", "brazilsouth", "canadacentral", "centralindia", "centralus", "eastasia", "eastus", "eastus2",
        "francecentral", "germanywestcentral", "israelcentral", "italynorth", "japaneast", "koreacentral",
        "mexicocentral", "newzealandnorth", "northeurope", "norwayeast", "polandcentral", "qatarcentral",
        "southafricanorth", "southcentralus", "southeastasia", "spaincentral", "swedencentral", "switzerlandnorth",
        "uaenorth", "uksouth", "westeurope", "westus2", "westus3",
    ].map((r) => [r, true])),
    ...Object.fromEntries([
        "australiacentral", "australiasoutheast", "brazilsoutheast", "canadaeast", "francesouth", "germanynorth",
        "koreasouth", "northcentralus", "norwaywest", "southafricawest", "southindia", "switzerlandwest", "uaecentral",
        "ukwest", "westcentralus", "westindia", "westus",
    ].map((r) => [r, false])),
};

export function regionHasZones(region: string): boolean | undefined {
    const key = region.toLowerCase().replace(/\s+/g, "");
    return Object.prototype.hasOwnProperty.call(REGION_ZONES, key) ? REGION_ZONES[key] : undefined;
}
