// The preflight table for placement (zones, availability sets, sizes and what they allow): inputs Azure would refuse
// are refused at plan time with their exact messages, and inputs exactly on a limit pass with the value they resolve to.
// Not proved here: that Azure still enforces the same limits today. They are copied from Microsoft Learn and the Compute
// REST API as components/vm/placement-rules.ts, components/core/zone-rules.ts and the dated tables in
// components/vm/size-facts.ts and components/core/azure-facts.ts record them, and Azure can change them without
// notice. Nor is it proved that the components declare what the plan says.
import { describe, expect, it } from "vitest";
import { type VmArgs } from "../../components";
import { planVm } from "../../components/internal";
import { type Accepted, args, GALLERY_IMAGE, GEN1_UBUNTU, NOT_A_ZONE, type Rejected } from "../support/fixtures";
import { expectAccepted, expectRefused } from "../support/plan-tables";

const NEEDS_PREMIUM = (sku: string, size: string): string => `"${sku}" needs a size with premium storage, and ${size} has none (choose an "s" size such as Standard_D2s_v5, or a Standard SKU).`;

/** GEN1_UBUNTU as messages name it. */
const GEN1_UBUNTU_LABEL = "Canonical:0001-com-ubuntu-server-jammy:22_04-lts:latest";
/** Standard_A2_v2, which runs only Gen1, with a Gen1 image and Standard security. */
const ON_AV2 = { size: "Standard_A2_v2", imageReference: GEN1_UBUNTU, securityType: "Standard", preflightFacts: { imageGeneration: 1 } } as const;
/** The table's sizes nearest to Standard_L8s_v3 (a real size the table does not have), newer series first. */
const L8S_V3_NEAREST = `"Standard_E8s_v3", "Standard_D8s_v3" or "Standard_B8s_v2"`;
/** The message for a region the table does not know, given its JSON-quoted name and the "did you mean" part. */
const UNKNOWN_REGION = (quoted: string, guess: string): string => `${quoted} is not an Azure region in the region table of 2026-12${guess}; use a region's programmatic name (az account list-locations -o table), or, for a region newer than the table or in a sovereign cloud, set preflightFacts.regionHasZones to say whether it has availability zones.`;
const AVAILABILITY_SET = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-persistent-vm-test/providers/Microsoft.Compute/availabilitySets/web";

/** `count` data disks at LUNs 0.. on the default SKU. */
function disks(count: number): VmArgs["dataDisks"] {
    return Array.from({ length: count }, (_, lun) => ({ name: `data${lun}`, lun, sizeGb: 64 }));
}

const REJECTED: readonly Rejected[] = [
    // Placement: zones, availability sets, sizes and what they allow.
    {
        scenario: "a zone and an availability set together",
        os: "linux", args: { zone: "1", availabilitySetId: AVAILABILITY_SET },
        problems: [{ path: "zone", message: `"1" and availabilitySetId are both set; a VM is either zonal or in an availability set (remove one).` }],
    },
    {
        scenario: "zone 4",
        os: "linux", args: { zone: "4" },
        problems: [{ path: "zone", message: NOT_A_ZONE("4") }],
    },
    {
        scenario: "zone 0",
        os: "linux", args: { zone: "0" },
        problems: [{ path: "zone", message: NOT_A_ZONE("0") }],
    },
    {
        scenario: "a zone-redundant data disk in westus, which has no zones",
        os: "linux", args: { location: "westus", dataDisks: [{ name: "data", lun: 0, sizeGb: 128, sku: "Premium_ZRS" }] },
        problems: [{ path: "dataDisks[0].sku", message: `"Premium_ZRS" needs a region with availability zones, and westus has none (use the LRS SKU).` }],
    },
    {
        scenario: "a zone in westus, which has no zones",
        os: "linux", args: { location: "westus", zone: "1" },
        problems: [{ path: "zone", message: `"1" is set, but westus has no availability zones (leave zone unset).` }],
    },
    {
        scenario: "a zone in North Central US, named as the portal shows it",
        os: "linux", args: { location: "North Central US", zone: "2" },
        problems: [{ path: "zone", message: `"2" is set, but North Central US has no availability zones (leave zone unset).` }],
    },
    {
        scenario: "a misspelt region, with the nearest table regions",
        os: "linux", args: { location: "westeurpoe" },
        problems: [{ path: "location", message: UNKNOWN_REGION("\"westeurpoe\"", ` (did you mean "westeurope"?)`) }],
    },
    {
        scenario: "a region that is not Azure's, named without zones",
        os: "linux", args: { location: "moonbase-alpha" },
        problems: [{ path: "location", message: UNKNOWN_REGION("\"moonbase-alpha\"", "") }],
    },
    {
        scenario: "a region name carrying a control character, shown escaped",
        os: "linux", args: { location: "eastus\u001b[2K" },
        problems: [{ path: "location", message: UNKNOWN_REGION("\"eastus\\u001b[2K\"", ` (did you mean "eastus2"?)`) }],
    },
    {
        scenario: "a zone in a region the VM states has none",
        os: "linux", args: { zone: "1", preflightFacts: { regionHasZones: false } },
        problems: [{ path: "zone", message: `"1" is set, but westeurope has no availability zones (leave zone unset).` }],
    },
    {
        scenario: "a Premium SSD v2 disk without a zone in westeurope",
        os: "linux", args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 512, sku: "PremiumV2_LRS" }] },
        problems: [{ path: "zone", message: "is unset, but PremiumV2_LRS disks are zonal in westeurope, which has zones (set zone)." }],
    },
    {
        scenario: "an Ultra disk without a zone in eastus",
        os: "linux", args: { location: "eastus", dataDisks: [{ name: "data", lun: 0, sizeGb: 512, sku: "UltraSSD_LRS" }] },
        problems: [{ path: "zone", message: "is unset, but UltraSSD_LRS disks are zonal in eastus, which has zones (set zone)." }],
    },
    {
        scenario: "a Premium SSD data disk on Standard_A2_v2",
        os: "linux", args: { ...ON_AV2, dataDisks: [{ name: "data", lun: 0, sizeGb: 128, sku: "Premium_LRS" }] },
        problems: [{ path: "dataDisks[0].sku", message: NEEDS_PREMIUM("Premium_LRS", "Standard_A2_v2") }],
    },
    {
        scenario: "a Premium ZRS OS disk on Standard_A2_v2",
        os: "linux", args: { ...ON_AV2, osDisk: { sku: "Premium_ZRS" } },
        problems: [{ path: "osDisk.sku", message: NEEDS_PREMIUM("Premium_ZRS", "Standard_A2_v2") }],
    },
    {
        scenario: "an Ultra disk on Standard_D2_v5, which has no premium storage",
        os: "linux", args: { size: "Standard_D2_v5", zone: "1", dataDisks: [{ name: "data", lun: 0, sizeGb: 512, sku: "UltraSSD_LRS" }] },
        problems: [{ path: "dataDisks[0].sku", message: NEEDS_PREMIUM("UltraSSD_LRS", "Standard_D2_v5") }],
    },
    {
        scenario: "5 data disks on Standard_D2s_v5, which takes 4",
        os: "linux", args: { dataDisks: disks(5) },
        problems: [{ path: "dataDisks", message: "has 5 disks; Standard_D2s_v5 takes at most 4 (choose a larger size or fewer disks)." }],
    },
    {
        scenario: "3 data disks on Standard_B1s, which takes 2",
        os: "linux", args: { size: "Standard_B1s", dataDisks: disks(3) },
        problems: [{ path: "dataDisks", message: "has 3 disks; Standard_B1s takes at most 2 (choose a larger size or fewer disks)." }],
    },
    {
        scenario: "33 data disks on Standard_D16s_v5, which takes 32",
        os: "linux", args: { size: "Standard_D16s_v5", dataDisks: disks(33) },
        problems: [{ path: "dataDisks", message: "has 33 disks; Standard_D16s_v5 takes at most 32 (choose a larger size or fewer disks)." }],
    },
    {
        scenario: "3 data disks on a size the table does not know, which the VM states takes 2",
        os: "linux", args: { size: "Standard_L8s_v3", preflightFacts: { size: { maxDataDisks: 2 } }, dataDisks: disks(3) },
        problems: [{ path: "dataDisks", message: "has 3 disks; Standard_L8s_v3 takes at most 2 (choose a larger size or fewer disks)." }],
        // The facts the VM did not state are still unchecked, and reported with the problem.
        warnings: [{ path: "size", message: `"Standard_L8s_v3" is not in the size table of 2026-11, so trustedLaunch, generations are not checked (did you mean ${L8S_V3_NEAREST}? If "Standard_L8s_v3" is right, set preflightFacts.size).` }],
    },
    {
        scenario: "Trusted Launch on Standard_A2_v2",
        os: "linux", args: { ...ON_AV2, securityType: "TrustedLaunch", preflightFacts: {} },
        problems: [{ path: "securityType", message: `"TrustedLaunch" is not supported on Standard_A2_v2 (choose a size that supports it, or set securityType: "Standard").` }],
        warnings: [{ path: "image", message: `${GEN1_UBUNTU_LABEL} may be Gen1 or Gen2; Trusted Launch needs Gen2, which is not checked (set preflightFacts.imageGeneration).` }],
    },
    {
        scenario: "Trusted Launch on Standard_A2_v2 with a Gen1 image",
        os: "linux", args: { ...ON_AV2, securityType: "TrustedLaunch" },
        problems: [
            { path: "securityType", message: `"TrustedLaunch" is not supported on Standard_A2_v2 (choose a size that supports it, or set securityType: "Standard").` },
            { path: "securityType", message: `"TrustedLaunch" needs a Gen2 image, and ${GEN1_UBUNTU_LABEL} is Gen1 (use a Gen2 image, or set securityType: "Standard").` },
        ],
    },
    {
        scenario: "a Gen2 catalogue image on Standard_A2_v2, which runs only Gen1",
        os: "linux", args: { size: "Standard_A2_v2", securityType: "Standard" },
        problems: [{ path: "size", message: `"Standard_A2_v2" runs only Gen1 images, and ubuntu-24.04 is Gen2 (choose a Gen2-capable size such as Standard_D2s_v5).` }],
    },
    {
        scenario: "a Windows VM left on its defaults on Standard_A2_v2",
        os: "windows", args: { size: "Standard_A2_v2" },
        problems: [
            { path: "securityType", message: `"TrustedLaunch" is not supported on Standard_A2_v2 (choose a size that supports it, or set securityType: "Standard").` },
            { path: "size", message: `"Standard_A2_v2" runs only Gen1 images, and windows-server-2025 is Gen2 (choose a Gen2-capable size such as Standard_D2s_v5).` },
        ],
    },
    {
        scenario: "Trusted Launch with a marketplace image whose SKU says Gen1",
        os: "linux", args: { imageReference: { publisher: "SUSE", offer: "sles-15-sp7", sku: "gen1" } },
        problems: [{ path: "securityType", message: `"TrustedLaunch" needs a Gen2 image, and SUSE:sles-15-sp7:gen1:latest is Gen1 (use a Gen2 image, or set securityType: "Standard").` }],
    },
    {
        scenario: "Trusted Launch with a gallery image the VM states is Gen1",
        os: "linux", args: { galleryImageId: GALLERY_IMAGE, preflightFacts: { imageGeneration: 1 } },
        problems: [{ path: "securityType", message: `"TrustedLaunch" needs a Gen2 image, and the gallery image is Gen1 (use a Gen2 image, or set securityType: "Standard").` }],
    },
];

const ACCEPTED: readonly Accepted[] = [
    {
        scenario: "zone 3 in eastus, a region with zones",
        os: "linux", args: { location: "eastus", zone: "3" },
        resolved: (p) => p.zones, value: ["3"],
    },
    {
        scenario: "an availability set without a zone",
        os: "linux", args: { availabilitySetId: AVAILABILITY_SET },
        resolved: (p) => [p.availabilitySet, p.zones], value: [true, undefined],
    },
    {
        scenario: "4 data disks on Standard_D2s_v5",
        os: "linux", args: { dataDisks: disks(4) },
        resolved: (p) => p.dataDisks.length, value: 4,
    },
    {
        scenario: "32 data disks on Standard_D16s_v5",
        os: "linux", args: { size: "Standard_D16s_v5", dataDisks: disks(32) },
        resolved: (p) => p.dataDisks.length, value: 32,
    },
    {
        scenario: "Standard_A2_v2 with a Gen1 image and Standard security",
        os: "linux", args: ON_AV2,
        resolved: (p) => [p.size, p.securityType, p.osDisk.sku, p.image.label], value: ["Standard_A2_v2", "Standard", "StandardSSD_LRS", GEN1_UBUNTU_LABEL],
    },
    {
        scenario: "a size the table does not know, with a warning that its limits are not checked",
        os: "linux", args: { size: "Standard_L8s_v3" },
        resolved: (p) => p.osDisk.sku, value: "Premium_LRS",
        warnings: [{ path: "size", message: `"Standard_L8s_v3" is not in the size table of 2026-11, so maxDataDisks, trustedLaunch, generations are not checked (did you mean ${L8S_V3_NEAREST}? If "Standard_L8s_v3" is right, set preflightFacts.size).` }],
    },
    {
        scenario: "a size the table does not know, with its facts stated",
        os: "linux", args: { size: "Standard_L8s_v3", preflightFacts: { size: { premiumStorage: true, maxDataDisks: 16, generations: [1, 2], trustedLaunch: true } } },
        resolved: (p) => p.osDisk.sku, value: "Premium_LRS",
    },
    {
        scenario: "a zone in a region the table knows since 2026-12 (Chile Central)",
        os: "linux", args: { location: "chilecentral", zone: "1" },
        resolved: (p) => p.zones, value: ["1"],
    },
    {
        scenario: "a sovereign-cloud region the table does not know, vouched for by preflightFacts",
        os: "linux", args: { location: "usgovvirginia", zone: "1", preflightFacts: { regionHasZones: true } },
        resolved: (p) => p.zones, value: ["1"],
    },
    {
        scenario: "a zone in a region that is not yet a plain value, with a warning",
        os: "linux", args: { location: Promise.resolve("westeurope"), zone: "1" },
        resolved: (p) => p.zones, value: ["1"],
        warnings: [{ path: "location", message: "is not a plain value, so zone placement is not checked (set preflightFacts.regionHasZones)." }],
    },
    {
        scenario: "a gallery image with Trusted Launch, with a warning that its generation is not checked",
        os: "linux", args: { galleryImageId: GALLERY_IMAGE },
        resolved: (p) => [p.image, p.securityType], value: [{ kind: "gallery", label: "the gallery image" }, "TrustedLaunch"],
        warnings: [{ path: "image", message: "the gallery image may be Gen1 or Gen2; Trusted Launch needs Gen2, which is not checked (set preflightFacts.imageGeneration)." }],
    },
    {
        scenario: "a gallery image the VM states is Gen2",
        os: "linux", args: { galleryImageId: GALLERY_IMAGE, preflightFacts: { imageGeneration: 2 } },
        resolved: (p) => p.securityType, value: "TrustedLaunch",
    },
];

describe("GIVEN an input Azure would refuse WHEN the VM is planned", () => {
    it.each<Rejected>(REJECTED)("THEN $scenario is refused with its exact message", expectRefused);
});

describe("GIVEN an input exactly on a limit WHEN the VM is planned", () => {
    it.each<Accepted>(ACCEPTED)("THEN $scenario is accepted", expectAccepted);
});

describe("GIVEN a Dv3 or Ev3 size, which runs only Gen1 images and so no Trusted Launch, WHEN a VM is planned on defaults", () => {
    it.each(["Standard_D2_v3", "Standard_E4_v3"])("THEN %s is refused for Trusted Launch and for the Gen2 image (the size table lists Gen1 only)", (size) => {
        // Microsoft Learn "Generation 2 VMs" lists Dv3 and Ev3 as Gen1 only; "Trusted launch" lists Dsv3 and Esv3, not Dv3 or Ev3.
        expect(planVm("linux", "vm01", args({ size }), {})).toStrictEqual({
            ok: false,
            problems: [
                { path: "securityType", message: `"TrustedLaunch" is not supported on ${size} (choose a size that supports it, or set securityType: "Standard").` },
                { path: "size", message: `"${size}" runs only Gen1 images, and ubuntu-24.04 is Gen2 (choose a Gen2-capable size such as Standard_D2s_v5).` },
            ],
        });
    });
});
