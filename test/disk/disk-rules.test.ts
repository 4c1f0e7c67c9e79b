// The preflight table for disks (sizes per SKU, caching, LUNs, keys, protection, locks, formatting in the guest): inputs
// Azure would refuse are refused at plan time with their exact messages, and inputs exactly on a limit pass with the
// value they resolve to.
// Not proved here: that Azure still enforces the same limits today. They are copied from Microsoft Learn and the Compute
// REST API as components/disk/disk-rules.ts and components/core/lock-plan.ts record them, and Azure can change them
// without notice. Nor is it proved that the components declare what the plan says.
import { describe, it } from "vitest";
import { type Accepted, type Rejected } from "../support/fixtures";
import { expectAccepted, expectRefused } from "../support/plan-tables";

const DISK_KEY_CHARS = (key: string): string => `"${key}" must be 1-32 letters, digits and hyphens, starting and ending with a letter or digit.`;
const SIZE_RANGE = (sizeGb: number, min: number, max: number, what: string): string => `${sizeGb} is outside ${min}-${max} GiB, the range of ${what} (set a whole number of GiB in that range).`;
const LUN_RANGE = (lun: number): string => `${lun} is outside 0-63 (set a LUN from 0 to 63).`;
const NO_CACHING_ON = (caching: string, sku: string): string => `"${caching}" is not allowed on ${sku} disks; they take no host caching (set caching: "None").`;
const NO_CACHING_AT = (caching: string, sizeGb: number): string => `"${caching}" is not allowed on a disk of ${sizeGb} GiB; disks of 4096 GiB and more take no host caching (set caching: "None").`;

const REJECTED: readonly Rejected[] = [
    // Disks: sizes per SKU.
    {
        scenario: "a 32,768 GiB Premium SSD",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 32_768, sku: "Premium_LRS" }] },
        problems: [{ path: "dataDisks[0].sizeGb", message: SIZE_RANGE(32_768, 1, 32_767, "a Premium_LRS data disk") }],
    },
    {
        scenario: "a 32,768 GiB Standard HDD",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 32_768, sku: "Standard_LRS" }] },
        problems: [{ path: "dataDisks[0].sizeGb", message: SIZE_RANGE(32_768, 1, 32_767, "a Standard_LRS data disk") }],
    },
    {
        scenario: "a 0 GiB Standard SSD",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 0, sku: "StandardSSD_LRS" }] },
        problems: [{ path: "dataDisks[0].sizeGb", message: SIZE_RANGE(0, 1, 32_767, "a StandardSSD_LRS data disk") }],
    },
    {
        scenario: "a data disk of 128.5 GiB",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 128.5 }] },
        problems: [{ path: "dataDisks[0].sizeGb", message: SIZE_RANGE(128.5, 1, 32_767, "a Premium_LRS data disk") }],
    },
    {
        scenario: "a 65,537 GiB Premium SSD v2",
        os: "linux", args: { zone: "1", dataDisks: [{ name: "data", lun: 0, sizeGb: 65_537, sku: "PremiumV2_LRS" }] },
        problems: [{ path: "dataDisks[0].sizeGb", message: SIZE_RANGE(65_537, 1, 65_536, "a PremiumV2_LRS data disk") }],
    },
    {
        scenario: "a 3 GiB Ultra disk, under Ultra's 4 GiB minimum",
        os: "linux", args: { zone: "1", dataDisks: [{ name: "data", lun: 0, sizeGb: 3, sku: "UltraSSD_LRS" }] },
        problems: [{ path: "dataDisks[0].sizeGb", message: SIZE_RANGE(3, 4, 65_536, "a UltraSSD_LRS data disk") }],
    },
    {
        scenario: "a 65,537 GiB Ultra disk",
        os: "linux", args: { zone: "1", dataDisks: [{ name: "data", lun: 0, sizeGb: 65_537, sku: "UltraSSD_LRS" }] },
        problems: [{ path: "dataDisks[0].sizeGb", message: SIZE_RANGE(65_537, 4, 65_536, "a UltraSSD_LRS data disk") }],
    },
    {
        scenario: "a 4,096 GiB OS disk",
        os: "linux", args: { osDisk: { sizeGb: 4_096 } },
        problems: [{ path: "osDisk.sizeGb", message: SIZE_RANGE(4_096, 1, 4_095, "an OS disk") }],
    },
    {
        scenario: "a 0 GiB OS disk",
        os: "windows", args: { osDisk: { sizeGb: 0 } },
        problems: [{ path: "osDisk.sizeGb", message: SIZE_RANGE(0, 1, 4_095, "an OS disk") }],
    },
    {
        scenario: "a Premium SSD v2 OS disk",
        os: "linux", args: { zone: "1", osDisk: { sku: "PremiumV2_LRS" } },
        problems: [{ path: "osDisk.sku", message: `"PremiumV2_LRS" cannot be an OS disk; use Premium_LRS, StandardSSD_LRS or a ZRS SKU.` }],
    },
    {
        scenario: "an Ultra OS disk",
        os: "windows", args: { zone: "1", osDisk: { sku: "UltraSSD_LRS" } },
        problems: [{ path: "osDisk.sku", message: `"UltraSSD_LRS" cannot be an OS disk; use Premium_LRS, StandardSSD_LRS or a ZRS SKU.` }],
    },

    // Disks: caching.
    {
        scenario: "a Premium SSD v2 data disk with ReadOnly caching",
        os: "linux", args: { zone: "1", dataDisks: [{ name: "data", lun: 0, sizeGb: 512, sku: "PremiumV2_LRS", caching: "ReadOnly" }] },
        problems: [{ path: "dataDisks[0].caching", message: NO_CACHING_ON("ReadOnly", "PremiumV2_LRS") }],
    },
    {
        scenario: "an Ultra data disk with ReadWrite caching",
        os: "linux", args: { zone: "1", dataDisks: [{ name: "data", lun: 0, sizeGb: 512, sku: "UltraSSD_LRS", caching: "ReadWrite" }] },
        problems: [{ path: "dataDisks[0].caching", message: NO_CACHING_ON("ReadWrite", "UltraSSD_LRS") }],
    },
    {
        scenario: "a 4,096 GiB Premium SSD with ReadOnly caching",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 4_096, caching: "ReadOnly" }] },
        problems: [{ path: "dataDisks[0].caching", message: NO_CACHING_AT("ReadOnly", 4_096) }],
    },
    {
        scenario: "a 32,767 GiB Standard SSD with ReadWrite caching",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 32_767, sku: "StandardSSD_LRS", caching: "ReadWrite" }] },
        problems: [{ path: "dataDisks[0].caching", message: NO_CACHING_AT("ReadWrite", 32_767) }],
    },

    // Disks: LUNs, keys, SKU and caching names.
    {
        scenario: "LUN 64",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 64, sizeGb: 128 }] },
        problems: [{ path: "dataDisks[0].lun", message: LUN_RANGE(64) }],
    },
    {
        scenario: "LUN -1",
        os: "linux", args: { dataDisks: [{ name: "data", lun: -1, sizeGb: 128 }] },
        problems: [{ path: "dataDisks[0].lun", message: LUN_RANGE(-1) }],
    },
    {
        scenario: "two disks at LUN 63",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 63, sizeGb: 128 }, { name: "logs", lun: 63, sizeGb: 64 }] },
        problems: [{ path: "dataDisks[1].lun", message: "63 is already used by dataDisks[0].lun; each LUN must be unique." }],
    },
    {
        scenario: "two disks with the same key",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 128 }, { name: "data", lun: 1, sizeGb: 64 }] },
        problems: [{ path: "dataDisks[1].name", message: `"data" is already used by dataDisks[0].name; each data disk name must be unique.` }],
    },
    {
        scenario: "two disk keys that differ only in case",
        os: "linux", args: { dataDisks: [{ name: "logs", lun: 0, sizeGb: 128 }, { name: "LOGS", lun: 1, sizeGb: 64 }] },
        problems: [{ path: "dataDisks[1].name", message: `"LOGS" is already used by dataDisks[0].name as "logs"; Azure names ignore case, so each data disk name must be unique.` }],
    },
    {
        scenario: "a disk key with an underscore",
        os: "linux", args: { dataDisks: [{ name: "data_01", lun: 0, sizeGb: 128 }] },
        problems: [{ path: "dataDisks[0].name", message: DISK_KEY_CHARS("data_01") }],
    },
    {
        scenario: "a 33-character disk key",
        os: "linux", args: { dataDisks: [{ name: "d".repeat(33), lun: 0, sizeGb: 128 }] },
        problems: [{ path: "dataDisks[0].name", message: DISK_KEY_CHARS("d".repeat(33)) }],
    },
    {
        scenario: "a disk key ending with a hyphen",
        os: "linux", args: { dataDisks: [{ name: "data-", lun: 0, sizeGb: 128 }] },
        problems: [{ path: "dataDisks[0].name", message: DISK_KEY_CHARS("data-") }],
    },
    {
        scenario: "an empty disk key",
        os: "linux", args: { dataDisks: [{ name: "", lun: 0, sizeGb: 128 }] },
        problems: [{ path: "dataDisks[0].name", message: DISK_KEY_CHARS("") }],
    },

    {
        scenario: "a fractional LUN",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 1.5, sizeGb: 128 }] },
        problems: [{ path: "dataDisks[0].lun", message: "1.5 is not a whole number (set a LUN from 0 to 63)." }],
    },

    // Protection and locks.
    {
        scenario: "a lock kind Azure has but the components do not offer",
        os: "linux", args: { lock: { kind: "ReadOnly" as never } },
        problems: [{ path: "lock.kind", message: `"ReadOnly" is not a lock kind; use "CanNotDelete" or "None".` }],
    },
    {
        scenario: "a protection mode that does not exist",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 64, protection: "keep" as never }] },
        problems: [{ path: "dataDisks[0].protection", message: `"keep" is not a protection mode; use "protect", "retain" or "delete".` }],
    },

    // Formatting data disks in the guest.
    {
        scenario: "a file system without format",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 64, fileSystem: "xfs" }] },
        problems: [{ path: "dataDisks[0].fileSystem", message: "is set but format is not; set format: true, or remove fileSystem." }],
    },
    {
        scenario: "a Linux file system on a Windows VM",
        os: "windows", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 64, format: true, fileSystem: "xfs" }] },
        problems: [{ path: "dataDisks[0].fileSystem", message: `"xfs" is not a Windows file system here; use "NTFS" or "ReFS".` }],
    },
    {
        scenario: "a Windows file system on a Linux VM",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 64, format: true, fileSystem: "NTFS" }] },
        problems: [{ path: "dataDisks[0].fileSystem", message: `"NTFS" is not a Linux file system here; use "ext4" or "xfs".` }],
    },
    {
        scenario: "a formatted disk at a LUN outside 0-63 (reported once, by the LUN rule)",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 64, sizeGb: 64, format: true }] },
        problems: [{ path: "dataDisks[0].lun", message: LUN_RANGE(64) }],
    },
];

const ACCEPTED: readonly Accepted[] = [
    {
        scenario: "data disks at LUN 0 and LUN 63",
        os: "linux", args: { dataDisks: [{ name: "first", lun: 0, sizeGb: 64 }, { name: "last", lun: 63, sizeGb: 64 }] },
        resolved: (p) => p.dataDisks.map((d) => d.lun), value: [0, 63],
    },
    {
        scenario: "a 32,767 GiB Premium SSD with no explicit caching",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 32_767 }] },
        resolved: (p) => p.dataDisks.map((d) => [d.sku, d.sizeGb, d.caching]), value: [["Premium_LRS", 32_767, "None"]],
    },
    {
        scenario: "a 4,095 GiB Premium SSD, the largest that takes caching",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 4_095 }] },
        resolved: (p) => p.dataDisks.map((d) => d.caching), value: ["ReadOnly"],
    },
    {
        scenario: "a 4,096 GiB Premium SSD, the smallest that takes none",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 4_096 }] },
        resolved: (p) => p.dataDisks.map((d) => d.caching), value: ["None"],
    },
    {
        scenario: "a 4,095 GiB Premium SSD with explicit ReadWrite caching",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 4_095, caching: "ReadWrite" }] },
        resolved: (p) => p.dataDisks.map((d) => d.caching), value: ["ReadWrite"],
    },
    {
        scenario: "a 1 GiB Standard SSD",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 1, sku: "StandardSSD_LRS" }] },
        resolved: (p) => p.dataDisks.map((d) => [d.sku, d.sizeGb, d.caching]), value: [["StandardSSD_LRS", 1, "ReadOnly"]],
    },
    {
        scenario: "a 4,095 GiB OS disk",
        os: "windows", args: { osDisk: { sizeGb: 4_095 } },
        resolved: (p) => p.osDisk, value: { sizeGb: 4_095, sku: "Premium_LRS", caching: "ReadWrite", zones: undefined, deleteOption: "Detach", source: "image", upload: undefined, resourceName: "vm01-os-disk", diskName: "vm01-os-disk", importId: undefined, adoptionGuard: undefined, hyperVGeneration: undefined, protect: false, retainOnDelete: false },
    },
    {
        scenario: "a 4 GiB Ultra disk in zone 1",
        os: "linux", args: { zone: "1", dataDisks: [{ name: "data", lun: 0, sizeGb: 4, sku: "UltraSSD_LRS" }] },
        resolved: (p) => [p.dataDisks.map((d) => [d.sizeGb, d.caching, d.zones]), p.ultraSsdEnabled], value: [[[4, "None", ["1"]]], true],
    },
    {
        scenario: "a 65,536 GiB Ultra disk in zone 2",
        os: "linux", args: { zone: "2", dataDisks: [{ name: "data", lun: 0, sizeGb: 65_536, sku: "UltraSSD_LRS" }] },
        resolved: (p) => [p.dataDisks.map((d) => [d.sizeGb, d.caching, d.zones]), p.ultraSsdEnabled], value: [[[65_536, "None", ["2"]]], true],
    },
    {
        scenario: "a 65,536 GiB Premium SSD v2 with zone 1 in westeurope",
        os: "linux", args: { zone: "1", dataDisks: [{ name: "data", lun: 0, sizeGb: 65_536, sku: "PremiumV2_LRS" }] },
        resolved: (p) => [p.dataDisks.map((d) => [d.sku, d.sizeGb, d.caching, d.zones]), p.ultraSsdEnabled], value: [[["PremiumV2_LRS", 65_536, "None", ["1"]]], false],
    },
    {
        scenario: "a formatted disk at the last LUN, with the default file system of each OS",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 63, sizeGb: 64, format: true }] },
        resolved: (p) => [p.dataDisks[0]?.format?.fileSystem, p.dataDisks[0]?.format?.mountPoint, p.dataDisks[0]?.format?.runCommandName],
        value: ["ext4", "/data/data", "format-data"],
    },
    {
        scenario: "a formatted Windows disk with ReFS",
        os: "windows", args: { dataDisks: [{ name: "sql-logs", lun: 1, sizeGb: 64, format: true, fileSystem: "ReFS" }] },
        resolved: (p) => [p.dataDisks[0]?.format?.fileSystem, p.dataDisks[0]?.format?.mountPoint], value: ["ReFS", "C:\\data\\sql-logs"],
    },
];

describe("GIVEN an input Azure would refuse WHEN the VM is planned", () => {
    it.each<Rejected>(REJECTED)("THEN $scenario is refused with its exact message", expectRefused);
});

describe("GIVEN an input exactly on a limit WHEN the VM is planned", () => {
    it.each<Accepted>(ACCEPTED)("THEN $scenario is accepted", expectAccepted);
});
