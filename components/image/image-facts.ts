/**
 * The image catalogue: current Gen2 marketplace images by a short, stable key.
 *
 * Pure data, no Azure SDK. Facts checked 2026-11 against:
 * - the az CLI image aliases (Azure/azure-rest-api-specs, arm-compute/quickstart-templates/aliases.json);
 * - Canonical, Debian, Red Hat, SUSE, AlmaLinux and Azure Linux publishing docs for their offers and SKUs;
 * - Microsoft Learn "Trusted launch" (virtual-machines/trusted-launch) for Trusted Launch support;
 * - Microsoft Learn "Automatic VM guest patching" (virtual-machines/automatic-vm-guest-patching) for the images
 *   that accept `patchMode: AutomaticByPlatform`.
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
    /** Whether the image supports `patchMode: AutomaticByPlatform` (Azure-orchestrated guest patching). */
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

/** SQL Server 2022 on Windows Server 2022: a Windows image, so it takes the same platform patching. */
const sqlServer2022 = (sku: string, description: string): CatalogueImage => ({
    os: "windows",
    publisher: "MicrosoftSQLServer",
    offer: "sql2022-ws2022",
    sku,
    generation: 2,
    platformPatching: true,
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
