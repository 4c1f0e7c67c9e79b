/**
 * What each VM size allows, as a committed, dated table (see FACTS_DATE). A size the table does not know makes its
 * rules give a warning, not an error; each VM can supply or correct the facts itself (`preflightFacts.size`).
 *
 * Collected 2026-11 from Microsoft Learn, "Sizes for virtual machines in Azure", "Generation 2 VMs" and the series
 * pages (sizes/general-purpose/dv3, dsv3, dv4, dsv4, ddsv4, dv5, dsv5, ddsv5, dasv5, dadsv5, av2, b, bsv2;
 * sizes/memory-optimized/ev3, esv3, ev4, esv4, ev5, esv5, edsv5, easv5; sizes/compute-optimized/fsv2): "Premium
 * Storage: Supported", "Max data disks", generations; and "Trusted launch for Azure virtual machines" (supported
 * sizes: Av2 is not).
 */
import { nearestNames } from "../core/nearest-names";

/**
 * What a VM size allows: from the library's dated size table (collected 2026-11 from Microsoft Learn's size pages),
 * or stated by a VM in `preflightFacts.size` for a size the table does not know, whose rules otherwise give a warning,
 * not an error.
 */
export interface SizeFacts {
    /** Premium SSD, Premium SSD v2 and Ultra disks can be attached. */
    readonly premiumStorage: boolean;
    /** The most data disks the size attaches. */
    readonly maxDataDisks: number;
    /** Hyper-V generations the size runs. */
    readonly generations: readonly (1 | 2)[];
    /** Trusted Launch (secure boot, vTPM) is supported. */
    readonly trustedLaunch: boolean;
}

/** The usual max-data-disk ladder of these series: 4 per 2 vCPUs up to 32. */
function ladder(vcpus: number): number {
    return Math.min(32, vcpus * 2);
}

function series(names: (n: number) => string, vcpus: readonly number[], facts: Omit<SizeFacts, "maxDataDisks">, disks: (n: number) => number = ladder): Record<string, SizeFacts> {
    return Object.fromEntries(vcpus.map((n) => [names(n), { ...facts, maxDataDisks: disks(n) }]));
}

const PREMIUM = { premiumStorage: true, generations: [1, 2], trustedLaunch: true } as const;
const STANDARD = { premiumStorage: false, generations: [1, 2], trustedLaunch: true } as const;
// Dv3 and Ev3 (without "s") run Gen1 images only, so no Trusted Launch ("Generation 2 VMs", "Trusted launch").
const GEN1_STANDARD = { premiumStorage: false, generations: [1], trustedLaunch: false } as const;
const V3_V4 = [2, 4, 8, 16, 32, 48, 64];
const E_V3_V4 = [2, 4, 8, 16, 20, 32, 48, 64];
const V5 = [2, 4, 8, 16, 32, 48, 64, 96];
const E_V5 = [2, 4, 8, 16, 20, 32, 48, 64, 96];

/** Sizes the rules know, by name. */
export const SIZES: Readonly<Record<string, SizeFacts>> = {
    ...series((n) => `Standard_D${n}s_v3`, V3_V4, PREMIUM),
    ...series((n) => `Standard_D${n}_v3`, V3_V4, GEN1_STANDARD),
    ...series((n) => `Standard_E${n}s_v3`, E_V3_V4, PREMIUM),
    ...series((n) => `Standard_E${n}_v3`, E_V3_V4, GEN1_STANDARD),
    ...series((n) => `Standard_D${n}s_v4`, V3_V4, PREMIUM),
    ...series((n) => `Standard_D${n}ds_v4`, V3_V4, PREMIUM),
    ...series((n) => `Standard_D${n}_v4`, V3_V4, STANDARD),
    ...series((n) => `Standard_E${n}s_v4`, E_V3_V4, PREMIUM),
    ...series((n) => `Standard_E${n}_v4`, E_V3_V4, STANDARD),
    ...series((n) => `Standard_D${n}s_v5`, V5, PREMIUM),
    ...series((n) => `Standard_D${n}ds_v5`, V5, PREMIUM),
    ...series((n) => `Standard_D${n}as_v5`, V5, PREMIUM),
    ...series((n) => `Standard_D${n}ads_v5`, V5, PREMIUM),
    ...series((n) => `Standard_D${n}_v5`, V5, STANDARD),
    ...series((n) => `Standard_D${n}d_v5`, V5, STANDARD),
    ...series((n) => `Standard_E${n}s_v5`, E_V5, PREMIUM),
    ...series((n) => `Standard_E${n}ds_v5`, E_V5, PREMIUM),
    ...series((n) => `Standard_E${n}as_v5`, E_V5, PREMIUM),
    ...series((n) => `Standard_E${n}_v5`, E_V5, STANDARD),
    ...series((n) => `Standard_F${n}s_v2`, [2, 4, 8, 16, 32, 48, 64, 72], PREMIUM),
    ...series((n) => `Standard_B${n}ms`, [1, 2, 4, 8, 12, 16, 20], PREMIUM, (n) => (n <= 1 ? 2 : n <= 2 ? 4 : n <= 4 ? 8 : n <= 12 ? 16 : 32)),
    ...series((n) => `Standard_B${n}s`, [1, 2], PREMIUM, (n) => (n <= 1 ? 2 : 4)),
    ...series((n) => `Standard_B${n}s_v2`, [2, 4, 8, 16, 32], PREMIUM),
    // Av2: no premium storage, Gen1 only, so no Trusted Launch.
    ...series((n) => `Standard_A${n}_v2`, [1, 2, 4, 8], { premiumStorage: false, generations: [1], trustedLaunch: false }),
    ...series((n) => `Standard_A${n}m_v2`, [2, 4, 8], { premiumStorage: false, generations: [1], trustedLaunch: false }),
};

export function sizeFacts(size: string): SizeFacts | undefined {
    return Object.prototype.hasOwnProperty.call(SIZES, size) ? SIZES[size] : undefined;
}

/** The table's sizes, the newer series first: a near miss more likely means a current size. */
const SIZES_NEWEST_FIRST = Object.keys(SIZES).reverse();

/** Up to three sizes of the table nearest in spelling to one it does not know, for the warning ("did you mean"). */
export function nearestSizes(size: string): string[] {
    return nearestNames(size, SIZES_NEWEST_FIRST);
}
