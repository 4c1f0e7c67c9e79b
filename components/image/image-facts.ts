/**
 * The image catalogue: current Gen2 marketplace images by a short, stable key.
 *
 * Pure data, no Azure SDK. Facts checked 2026-11 against:
 * - the az CLI image aliases (Azure/azure-rest-api-specs, arm-compute/quickstart-templates/aliases.json);
 * - Canonical, Debian, Red Hat, SUSE, AlmaLinux and Azure Linux publishing docs for their offers and SKUs;
 * - Microsoft Learn "Trusted launch" (virtual-machines/trusted-launch) for Trusted Launch support;
 * - Microsoft's list of images that support automatic VM guest patching, for `platformPatching`: transcribed in
 *   PLATFORM_PATCHING_LIST, its source and date in PLATFORM_PATCHING_SOURCE (page dated 2024-07-31, compared 2026-12).
 * - SQL Server images: publisher MicrosoftSQLServer, offer sql2022-ws2022, Gen2 SKUs sqldev-gen2, standard-gen2 and
 *   enterprise-gen2, as public deployment code names them (`MicrosoftSQLServer:sql2022-ws2022:sqldev-gen2:latest`).
 * Every entry uses `version: "latest"`; pin a version with an explicit `imageReference` instead.
 * Images outside the catalogue that need a purchase plan: the publishers' Azure Marketplace pages (AlmaLinux, Rocky
 * Linux (RESF), CIS), collected 2026-11.
 */

import { nearestNames } from "../core/nearest-names";
import type { OsType } from "../core/os";
import type { ImagePlan } from "./image-args";

/** One catalogue entry. */
export interface CatalogueImage {
    /** The OS family: the component the image boots in. */
    readonly os: OsType;
    /** Marketplace publisher, e.g. `Canonical`. */
    readonly publisher: string;
    /** Marketplace offer, e.g. `ubuntu-24_04-lts`. */
    readonly offer: string;
    /** Marketplace SKU, e.g. `server`. */
    readonly sku: string;
    /** Hyper-V generation; every catalogue image is Gen2, so Trusted Launch applies. */
    readonly generation: 2;
    /**
     * Whether the image's exact publisher, offer and SKU is on Microsoft's list of images that support automatic VM
     * guest patching (PLATFORM_PATCHING_LIST): only those take `patchMode: AutomaticByPlatform` (Azure-orchestrated).
     */
    readonly platformPatching: boolean;
    /** A purchase plan the deployment must carry (the subscription must also accept the image's terms once). */
    readonly plan?: ImagePlan;
    /** What a user reads in the plan and in errors. */
    readonly description: string;
}

const windowsServer = (sku: string, description: string): CatalogueImage => ({
    os: "windows",
    publisher: "MicrosoftWindowsServer",
    offer: "WindowsServer",
    sku,
    generation: 2,
    platformPatching: true,
    description,
});

/**
 * SQL Server 2022 on Windows Server 2022. Not platform-patched: Microsoft's list has no MicrosoftSQLServer image,
 * though the OS is Windows Server 2022 (Microsoft Learn's Azure Update Manager support matrix lists them for every
 * operation "except automatic VM guest patching").
 */
const sqlServer2022 = (sku: string, description: string): CatalogueImage => ({
    os: "windows",
    publisher: "MicrosoftSQLServer",
    offer: "sql2022-ws2022",
    sku,
    generation: 2,
    platformPatching: false,
    description,
});

/** The catalogue. Keys are part of the public API: adding is fine, renaming is breaking. */
export const IMAGES = {
    "ubuntu-24.04": {
        os: "linux", publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server",
        generation: 2, platformPatching: true, description: "Ubuntu Server 24.04 LTS",
    },
    "ubuntu-22.04": {
        // The az CLI alias Ubuntu2204 uses this offer; it is the one on the platform-patching list.
        os: "linux", publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy", sku: "22_04-lts-gen2",
        generation: 2, platformPatching: true, description: "Ubuntu Server 22.04 LTS",
    },
    "debian-12": {
        os: "linux", publisher: "Debian", offer: "debian-12", sku: "12-gen2",
        generation: 2, platformPatching: false, description: "Debian 12 (bookworm)",
    },
    "rhel-9": {
        // Red Hat's standard RHEL 9 pay-as-you-go image on Azure is the LVM one.
        os: "linux", publisher: "RedHat", offer: "RHEL", sku: "9-lvm-gen2",
        generation: 2, platformPatching: true, description: "Red Hat Enterprise Linux 9 (LVM, pay-as-you-go)",
    },
    "sles-15": {
        os: "linux", publisher: "SUSE", offer: "sles-15-sp7", sku: "gen2",
        generation: 2, platformPatching: false, description: "SUSE Linux Enterprise Server 15 SP7 (pay-as-you-go)",
    },
    "almalinux-9": {
        os: "linux", publisher: "almalinux", offer: "almalinux-x86_64", sku: "9-gen2",
        generation: 2, platformPatching: false, description: "AlmaLinux OS 9",
        plan: { name: "9-gen2", product: "almalinux-x86_64", publisher: "almalinux" },
    },
    "azure-linux-3": {
        os: "linux", publisher: "MicrosoftCBLMariner", offer: "azure-linux-3", sku: "azure-linux-3-gen2",
        generation: 2, platformPatching: true, description: "Azure Linux 3.0",
    },
    "windows-server-2025": windowsServer("2025-datacenter-azure-edition", "Windows Server 2025 Datacenter: Azure Edition"),
    "windows-server-2022": windowsServer("2022-datacenter-azure-edition", "Windows Server 2022 Datacenter: Azure Edition"),
    // Windows Server 2019 has no Azure Edition; "gensecond" is its Gen2 SKU.
    "windows-server-2019": windowsServer("2019-datacenter-gensecond", "Windows Server 2019 Datacenter (Gen2)"),
    "sql-server-2022-developer": sqlServer2022("sqldev-gen2", "SQL Server 2022 Developer on Windows Server 2022 (no SQL Server licence cost; not for production)"),
    "sql-server-2022-standard": sqlServer2022("standard-gen2", "SQL Server 2022 Standard on Windows Server 2022"),
    "sql-server-2022-enterprise": sqlServer2022("enterprise-gen2", "SQL Server 2022 Enterprise on Windows Server 2022"),
} as const satisfies Record<string, CatalogueImage>;

/**
 * The source of `platformPatching`: Microsoft Learn, "Automatic Guest Patching for Azure Virtual Machines and Scale
 * Sets", section "Supported OS images". Its rule: automatic VM guest patching is "supported only on VMs created from
 * images with the exact combination of publisher, offer and sku" on the list, and `AutomaticByPlatform` "is only
 * supported for VMs that are created using the supported OS platform images". Elsewhere Azure refuses the mode (the
 * error reported publicly: "The selected VM image is not supported for VM Guest patch operations"). The list changes:
 * re-read it when an image is added, and move `date`, `commit` and `read`.
 */
export const PLATFORM_PATCHING_SOURCE = {
    url: "https://learn.microsoft.com/azure/virtual-machines/automatic-vm-guest-patching#supported-os-images",
    file: "MicrosoftDocs/azure-compute-docs articles/virtual-machines/automatic-vm-guest-patching.md",
    commit: "0ba239a8f1f7b636cbc8f3dedfb874793edf4f6a",
    /** The page's `ms.date`. */
    date: "2024-07-31",
    /** When this library last compared the catalogue with it. */
    read: "2026-12",
} as const;

/** What the list says about one marketplace offer: the SKUs it lists (none: the offer is not on it). */
export interface PatchingListOffer {
    readonly publisher: string;
    readonly offer: string;
    readonly skus: readonly string[];
}

/**
 * PLATFORM_PATCHING_SOURCE's rows for every offer the catalogue uses, spelled as the page spells them (`Redhat`,
 * `MicrosoftCblMariner`, where the marketplace says `RedHat` and `MicrosoftCBLMariner`). Not on the list at all: Debian
 * (no Debian row), SUSE's sles-15-sp7 (only sles-12-sp5, sles-15-sp2 and sles-sap-15-sp4/sp5 are), AlmaLinux's
 * almalinux-x86_64 (only almalinux-hpc is), and MicrosoftSQLServer (no row).
 */
export const PLATFORM_PATCHING_LIST: readonly PatchingListOffer[] = [
    { publisher: "Canonical", offer: "ubuntu-24_04-lts", skus: ["cvm", "server", "server-arm64", "server-gen1", "ubuntu-pro", "ubuntu-pro-cvm"] },
    { publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy", skus: ["22_04-lts", "22_04-lts-arm64", "22_04-lts-gen2"] },
    { publisher: "Debian", offer: "debian-12", skus: [] },
    {
        publisher: "Redhat", offer: "RHEL", skus: [
            "7.2", "7.3", "7.4", "7.5", "7.6", "7.7", "7.8", "7_9", "7-lvm", "7-raw",
            "8", "8.1", "81gen2", "8.2", "82gen2", "8_3", "83-gen2", "8_4", "84-gen2", "8_5", "85-gen2", "8_6", "86-gen2", "8_7", "8_8", "8_10", "8-lvm", "8-lvm-gen2",
            "9_0", "9_1", "9_2", "9_3", "9_4", "9-lvm", "9-lvm-gen2",
        ],
    },
    { publisher: "SUSE", offer: "sles-15-sp7", skus: [] },
    { publisher: "almalinux", offer: "almalinux-x86_64", skus: [] },
    { publisher: "MicrosoftCblMariner", offer: "azure-linux-3", skus: ["azure-linux-3-gen2"] },
    {
        // The hotpatchable and the other Windows tables together.
        publisher: "MicrosoftWindowsServer", offer: "WindowsServer", skus: [
            "2008-R2-SP1", "2012-R2-Datacenter", "2012-R2-Datacenter-gensecond", "2012-R2-Datacenter-smalldisk", "2012-R2-Datacenter-smalldisk-g2",
            "2016-Datacenter", "2016-datacenter-gensecond", "2016-Datacenter-Server-Core", "2016-datacenter-smalldisk", "2016-datacenter-with-containers",
            "2019-Datacenter", "2019-Datacenter-Core", "2019-datacenter-gensecond", "2019-datacenter-smalldisk", "2019-datacenter-smalldisk-g2",
            "2019-datacenter-with-containers",
            "2022-datacenter", "2022-datacenter-azure-edition", "2022-datacenter-azure-edition-core", "2022-datacenter-azure-edition-core-smalldisk",
            "2022-datacenter-azure-edition-hotpatch", "2022-datacenter-azure-edition-hotpatch-smalldisk", "2022-datacenter-azure-edition-smalldisk",
            "2022-datacenter-core", "2022-datacenter-core-g2", "2022-datacenter-g2", "2022-datacenter-smalldisk", "2022-datacenter-smalldisk-g2",
            "2025-datacenter", "2025-datacenter-azure-edition", "2025-datacenter-azure-edition-core", "2025-datacenter-azure-edition-core-smalldisk",
            "2025-datacenter-azure-edition-smalldisk", "2025-datacenter-core", "2025-datacenter-core-smalldisk", "2025-datacenter-smalldisk",
        ],
    },
    { publisher: "MicrosoftSQLServer", offer: "sql2022-ws2022", skus: [] },
];

/**
 * Whether PLATFORM_PATCHING_LIST lists this exact image, ignoring letter case (an assumption: the page's spellings
 * differ from the marketplace's only in case); undefined for an offer the list above does not cover.
 */
export function onPlatformPatchingList(publisher: string, offer: string, sku: string): boolean | undefined {
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    const row = PLATFORM_PATCHING_LIST.find((o) => same(o.publisher, publisher) && same(o.offer, offer));
    return row === undefined ? undefined : row.skus.some((s) => same(s, sku));
}

/** A key of the image catalogue. */
export type ImageKey = keyof typeof IMAGES;

/** The catalogue's keys, in declaration order. */
export const IMAGE_KEYS = Object.keys(IMAGES) as ImageKey[];

/** The image a component boots when the caller names none. */
export const DEFAULT_IMAGE: Readonly<Record<OsType, ImageKey>> = {
    linux: "ubuntu-24.04",
    windows: "windows-server-2025",
};

/** Looks a key up; `undefined` for a key the catalogue does not know. */
export function catalogueImage(key: string): CatalogueImage | undefined {
    return Object.prototype.hasOwnProperty.call(IMAGES, key) ? IMAGES[key as ImageKey] : undefined;
}

/** Up to three catalogue keys of this OS nearest in spelling to one the catalogue does not know ("did you mean"). */
export function nearestImages(key: string, os: OsType): ImageKey[] {
    return nearestNames(key, IMAGE_KEYS.filter((k) => IMAGES[k].os === os));
}

/** Marketplace images that need a purchase plan: `publisher` with `*` for every offer, or `publisher:offer`. */
export const PLAN_REQUIRED: readonly string[] = [
    "almalinux:almalinux-x86_64",
    "resf:rockylinux-x86_64",
    "center-for-internet-security-inc:*",
];

export function needsPlan(publisher: string, offer: string): boolean {
    const p = publisher.toLowerCase();
    return PLAN_REQUIRED.includes(`${p}:*`) || PLAN_REQUIRED.includes(`${p}:${offer.toLowerCase()}`);
}
