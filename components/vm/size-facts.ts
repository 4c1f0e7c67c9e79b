/**
 * What each VM size allows, as a committed, dated table (see FACTS_DATE). A size the table does not know makes its
 * rules give a warning, not an error; each VM can supply or correct the facts itself (`preflightFacts.size`).
 *
 * Collected 2026-11 from Microsoft Learn, "Sizes for virtual machines in Azure", "Generation 2 VMs" and the series
 * pages (sizes/general-purpose/dv3, dsv3, dv4, dsv4, ddsv4, dv5, dsv5, ddsv5, dasv5, dadsv5, av2, b, bsv2;
 * sizes/memory-optimized/ev3, esv3, ev4, esv4, ev5, esv5, edsv5, easv5; sizes/compute-optimized/fsv2): "Premium
 * Storage: Supported", "Max data disks", generations; and "Trusted launch for Azure virtual machines" (supported
 * sizes: Av2 is not).
 *
 * vCPUs, memory and accelerated networking read 2026-12 from the same series pages (azure-compute-docs,
 * articles/virtual-machines/sizes/..., each page's "Sizes in series: Basics" table and "Feature support: Accelerated
 * Networking"; the page dates are next to each series below). Memory is in GiB as the pages give it. Accelerated
 * networking: "Required" on Dv5, Dsv5, Ddv5, Ddsv5 and Esv5 (Azure turns it on at runtime whatever the NIC says:
 * azure-docs virtual-network/manage-accelerated-networking.md, 01/07/2025); "Not Supported" on Av2; on Bv1 "only
 * supported for Standard_B12ms, Standard_B16ms and Standard_B20ms"; "Supported" on the others.
 */
import { nearestNames } from "../core/nearest-names";

/**
 * Accelerated networking on a size, as its series page says: "required" (Azure turns it on at runtime whatever the NIC
 * says), "supported", or "unsupported" (Azure refuses a VM of the size on a NIC that has it).
 */
export const ACCELERATED_NETWORKING_SUPPORT = ["required", "supported", "unsupported"] as const;
export type AcceleratedNetworkingSupport = (typeof ACCELERATED_NETWORKING_SUPPORT)[number];

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
    /** The size's vCPUs. */
    readonly vcpus: number;
    /** The size's memory, in whole GiB (every size of the table has whole GiB; round a fraction down). */
    readonly memoryGb: number;
    /**
     * Whether the size's NIC can have accelerated networking: "supported", "required" (Azure turns it on whatever the
     * NIC says) or "unsupported" (Azure refuses the VM on a NIC that has it).
     */
    readonly acceleratedNetworking: AcceleratedNetworkingSupport;
}

/** The usual max-data-disk ladder of these series: 4 per 2 vCPUs up to 32. */
function ladder(vcpus: number): number {
    return Math.min(32, vcpus * 2);
}

/** Memory by vCPU count: `gib` per vCPU, except the sizes listed (the largest sizes of some series have less). */
function perVcpu(gib: number, except: Readonly<Record<number, number>> = {}): (vcpus: number) => number {
    return (vcpus) => except[vcpus] ?? vcpus * gib;
}

/** One series: its sizes' names by vCPU count, and what its page says of them. */
interface Series {
    readonly name: (vcpus: number) => string;
    readonly vcpus: readonly number[];
    readonly storage: Pick<SizeFacts, "premiumStorage" | "generations" | "trustedLaunch">;
    readonly memoryGb: (vcpus: number) => number;
    readonly acceleratedNetworking: AcceleratedNetworkingSupport | ((vcpus: number) => AcceleratedNetworkingSupport);
    readonly maxDataDisks?: (vcpus: number) => number;
}

function series(s: Series): Record<string, SizeFacts> {
    return Object.fromEntries(s.vcpus.map((n) => [s.name(n), {
        ...s.storage,
        maxDataDisks: (s.maxDataDisks ?? ladder)(n),
        vcpus: n,
        memoryGb: s.memoryGb(n),
        acceleratedNetworking: typeof s.acceleratedNetworking === "function" ? s.acceleratedNetworking(n) : s.acceleratedNetworking,
    }]));
}

const PREMIUM = { premiumStorage: true, generations: [1, 2], trustedLaunch: true } as const;
const STANDARD = { premiumStorage: false, generations: [1, 2], trustedLaunch: true } as const;
// Dv3 and Ev3 (without "s") run Gen1 images only, so no Trusted Launch ("Generation 2 VMs", "Trusted launch").
const GEN1_STANDARD = { premiumStorage: false, generations: [1], trustedLaunch: false } as const;
// Av2: no premium storage, Gen1 only, so no Trusted Launch.
const AV2 = { premiumStorage: false, generations: [1], trustedLaunch: false } as const;
const V3_V4 = [2, 4, 8, 16, 32, 48, 64];
const E_V3_V4 = [2, 4, 8, 16, 20, 32, 48, 64];
const V5 = [2, 4, 8, 16, 32, 48, 64, 96];
const E_V5 = [2, 4, 8, 16, 20, 32, 48, 64, 96];
// The E series' largest sizes: 432 GiB (v3), 504 GiB (v4), 512 and 672 GiB (v5).
const E_V3_MEMORY = perVcpu(8, { 64: 432 });
const E_V4_MEMORY = perVcpu(8, { 64: 504 });
const E_V5_MEMORY = perVcpu(8, { 64: 512, 96: 672 });

/** Sizes the rules know, by name. */
export const SIZES: Readonly<Record<string, SizeFacts>> = {
    // Dsv3 (page 09/24/2024), Dv3 (07/29/2024), Esv3 and Ev3 (09/24/2026).
    ...series({ name: (n) => `Standard_D${n}s_v3`, vcpus: V3_V4, storage: PREMIUM, memoryGb: perVcpu(4), acceleratedNetworking: "supported" }),
    ...series({ name: (n) => `Standard_D${n}_v3`, vcpus: V3_V4, storage: GEN1_STANDARD, memoryGb: perVcpu(4), acceleratedNetworking: "supported" }),
    ...series({ name: (n) => `Standard_E${n}s_v3`, vcpus: E_V3_V4, storage: PREMIUM, memoryGb: E_V3_MEMORY, acceleratedNetworking: "supported" }),
    ...series({ name: (n) => `Standard_E${n}_v3`, vcpus: E_V3_V4, storage: GEN1_STANDARD, memoryGb: E_V3_MEMORY, acceleratedNetworking: "supported" }),
    // Dsv4 (07/29/2024), Ddsv4, Dv4, Esv4 and Ev4 (03/10/2026).
    ...series({ name: (n) => `Standard_D${n}s_v4`, vcpus: V3_V4, storage: PREMIUM, memoryGb: perVcpu(4), acceleratedNetworking: "supported" }),
    ...series({ name: (n) => `Standard_D${n}ds_v4`, vcpus: V3_V4, storage: PREMIUM, memoryGb: perVcpu(4), acceleratedNetworking: "supported" }),
    ...series({ name: (n) => `Standard_D${n}_v4`, vcpus: V3_V4, storage: STANDARD, memoryGb: perVcpu(4), acceleratedNetworking: "supported" }),
    ...series({ name: (n) => `Standard_E${n}s_v4`, vcpus: E_V3_V4, storage: PREMIUM, memoryGb: E_V4_MEMORY, acceleratedNetworking: "supported" }),
    ...series({ name: (n) => `Standard_E${n}_v4`, vcpus: E_V3_V4, storage: STANDARD, memoryGb: E_V4_MEMORY, acceleratedNetworking: "supported" }),
    // Dsv5 (02/27/2026), Ddsv5 (07/29/2024), Dasv5 and Dadsv5 (03/10/2026), Dv5 (03/10/2026), Ddv5 (07/29/2024).
    ...series({ name: (n) => `Standard_D${n}s_v5`, vcpus: V5, storage: PREMIUM, memoryGb: perVcpu(4), acceleratedNetworking: "required" }),
    ...series({ name: (n) => `Standard_D${n}ds_v5`, vcpus: V5, storage: PREMIUM, memoryGb: perVcpu(4), acceleratedNetworking: "required" }),
    ...series({ name: (n) => `Standard_D${n}as_v5`, vcpus: V5, storage: PREMIUM, memoryGb: perVcpu(4), acceleratedNetworking: "supported" }),
    ...series({ name: (n) => `Standard_D${n}ads_v5`, vcpus: V5, storage: PREMIUM, memoryGb: perVcpu(4), acceleratedNetworking: "supported" }),
    ...series({ name: (n) => `Standard_D${n}_v5`, vcpus: V5, storage: STANDARD, memoryGb: perVcpu(4), acceleratedNetworking: "required" }),
    ...series({ name: (n) => `Standard_D${n}d_v5`, vcpus: V5, storage: STANDARD, memoryGb: perVcpu(4), acceleratedNetworking: "required" }),
    // Esv5 (03/10/2026), Edsv5 (08/01/2024), Easv5 (03/10/2026), Ev5 (08/01/2024).
    ...series({ name: (n) => `Standard_E${n}s_v5`, vcpus: E_V5, storage: PREMIUM, memoryGb: E_V5_MEMORY, acceleratedNetworking: "required" }),
    ...series({ name: (n) => `Standard_E${n}ds_v5`, vcpus: E_V5, storage: PREMIUM, memoryGb: E_V5_MEMORY, acceleratedNetworking: "supported" }),
    ...series({ name: (n) => `Standard_E${n}as_v5`, vcpus: E_V5, storage: PREMIUM, memoryGb: E_V5_MEMORY, acceleratedNetworking: "supported" }),
    ...series({ name: (n) => `Standard_E${n}_v5`, vcpus: E_V5, storage: STANDARD, memoryGb: E_V5_MEMORY, acceleratedNetworking: "supported" }),
    // Fsv2 (07/30/2024).
    ...series({ name: (n) => `Standard_F${n}s_v2`, vcpus: [2, 4, 8, 16, 32, 48, 64, 72], storage: PREMIUM, memoryGb: perVcpu(2), acceleratedNetworking: "supported" }),
    // Bv1 (03/10/2026): accelerated networking only on B12ms, B16ms and B20ms.
    ...series({
        name: (n) => `Standard_B${n}ms`, vcpus: [1, 2, 4, 8, 12, 16, 20], storage: PREMIUM, memoryGb: perVcpu(4, { 1: 2 }),
        acceleratedNetworking: (n) => (n >= 12 ? "supported" : "unsupported"),
        maxDataDisks: (n) => (n <= 1 ? 2 : n <= 2 ? 4 : n <= 4 ? 8 : n <= 12 ? 16 : 32),
    }),
    ...series({
        name: (n) => `Standard_B${n}s`, vcpus: [1, 2], storage: PREMIUM, memoryGb: perVcpu(2, { 1: 1 }), acceleratedNetworking: "unsupported",
        maxDataDisks: (n) => (n <= 1 ? 2 : 4),
    }),
    // Bsv2 (03/10/2026).
    ...series({ name: (n) => `Standard_B${n}s_v2`, vcpus: [2, 4, 8, 16, 32], storage: PREMIUM, memoryGb: perVcpu(4), acceleratedNetworking: "supported" }),
    // Av2 (07/29/2024).
    ...series({ name: (n) => `Standard_A${n}_v2`, vcpus: [1, 2, 4, 8], storage: AV2, memoryGb: perVcpu(2), acceleratedNetworking: "unsupported" }),
    ...series({ name: (n) => `Standard_A${n}m_v2`, vcpus: [2, 4, 8], storage: AV2, memoryGb: perVcpu(8), acceleratedNetworking: "unsupported" }),
};

export function sizeFacts(size: string): SizeFacts | undefined {
    return Object.prototype.hasOwnProperty.call(SIZES, size) ? SIZES[size] : undefined;
}

/**
 * What is known of a size: the facts a component states (`preflightFacts.size`) over the table's. A field neither
 * gives is absent, and the rule that needs it decides what an unknown fact means.
 */
export function knownSizeFacts(size: string, stated: Partial<SizeFacts> | undefined): Partial<SizeFacts> {
    return { ...sizeFacts(size), ...stated };
}

/** The table's sizes, the newer series first: a near miss more likely means a current size. */
const SIZES_NEWEST_FIRST = Object.keys(SIZES).reverse();

/** Up to three sizes of the table nearest in spelling to one it does not know, for the warning ("did you mean"). */
export function nearestSizes(size: string): string[] {
    return nearestNames(size, SIZES_NEWEST_FIRST);
}
