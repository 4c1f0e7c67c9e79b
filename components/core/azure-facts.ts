/**
 * Facts only Azure knows at deploy time, as committed, dated tables: here, the regions and which have availability
 * zones; the sizes' facts are in vm/size-facts.ts and the images' in image/image-facts.ts. A size or image a table
 * does not know makes its rule give a warning; a region it does not know is refused (a misspelt region fails only at
 * deploy otherwise). Each VM or fleet can supply or correct the facts itself (`preflightFacts`): a region that
 * `preflightFacts.regionHasZones` describes is accepted as given.
 *
 * Regions: Microsoft Learn, "Azure regions list" (reliability/regions-list, page dated 2025-09-23, read 2026-12): the
 * public cloud's regions by programmatic name, with its "Availability zone support" column. Sweden South has no row of
 * its own there and is named as Sweden Central's paired region (a restricted region without zones). Denmark East is
 * marked "coming soon" with zones. Sovereign clouds (Azure Government, Azure operated by 21Vianet) are not on that
 * page: use `preflightFacts.regionHasZones` for them.
 */

import { nearestNames } from "./nearest-names";

/** When the size and image tables were collected. */
export const FACTS_DATE = "2026-11";

/** When the region table was read, and the date its source page carries. */
export const REGIONS_DATE = "2026-12";

/** Regions with availability zones (true) and without (false), by programmatic (ARM) name. */
export const REGION_ZONES: Readonly<Record<string, boolean>> = {
    ...Object.fromEntries([
        "australiaeast", "austriaeast", "belgiumcentral", "brazilsouth", "canadacentral", "centralindia", "centralus",
        "chilecentral", "denmarkeast", "eastasia", "eastus", "eastus2", "francecentral", "germanywestcentral",
        "indonesiacentral", "israelcentral", "italynorth", "japaneast", "japanwest", "koreacentral", "malaysiawest",
        "mexicocentral", "newzealandnorth", "northeurope", "norwayeast", "polandcentral", "qatarcentral",
        "southafricanorth", "southcentralus", "southeastasia", "spaincentral", "swedencentral", "switzerlandnorth",
        "uaenorth", "uksouth", "westeurope", "westus2", "westus3",
    ].map((r) => [r, true])),
    ...Object.fromEntries([
        "australiacentral", "australiacentral2", "australiasoutheast", "brazilsoutheast", "canadaeast", "francesouth",
        "germanynorth", "koreasouth", "northcentralus", "norwaywest", "southafricawest", "southindia", "swedensouth",
        "switzerlandwest", "uaecentral", "ukwest", "westcentralus", "westindia", "westus",
    ].map((r) => [r, false])),
};

/** A region as ARM reads it: display names ("West Europe") and programmatic names ("westeurope") are the same region. */
function regionKey(region: string): string {
    return region.toLowerCase().replace(/\s+/g, "");
}

export function regionHasZones(region: string): boolean | undefined {
    const key = regionKey(region);
    return Object.prototype.hasOwnProperty.call(REGION_ZONES, key) ? REGION_ZONES[key] : undefined;
}

/** The table's regions in alphabetical order, so that regions equally near are suggested in that order. */
const REGION_NAMES = Object.keys(REGION_ZONES).sort((a, b) => a.localeCompare(b));

/** Up to three table regions nearest in spelling to an unknown one, for the message (edit distance of at most 3). */
export function nearestRegions(region: string): string[] {
    return nearestNames(regionKey(region), REGION_NAMES, { maxDistance: 3 });
}
