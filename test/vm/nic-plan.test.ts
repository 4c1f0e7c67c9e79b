// Accelerated networking on a VM's NIC: the default from the size table and the image, an explicit value refused or
// warned about against the size, and the NIC's ignoreChanges that keeps a deployed NIC's setting.
// Not proved here: that Azure accepts or refuses what the size pages say (no Azure), or what the engine does with
// ignoreChanges (test/tools/changes.test.ts predicts it; the components' registrations are in
// test/vm/network-and-licence.test.ts).
import { describe, expect, it } from "vitest";
import { planVm, type VmPlan } from "../../components/internal";
import { args, GALLERY_IMAGE, type Accepted, type Rejected } from "../support/fixtures";
import { expectAccepted, expectRefused } from "../support/plan-tables";

const DEFAULTED = ["enableAcceleratedNetworking"];
const NIC_OF = (plan: VmPlan) => plan.nic;
const OS_DISK = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/web01-os";
const UNSUPPORTED = (size: string) => `is true, but ${size} does not support accelerated networking, and Azure refuses a VM of that size on a NIC that has it (choose a size that supports it, such as Standard_D2s_v5, or remove acceleratedNetworking).`;

describe("GIVEN a VM that does not set acceleratedNetworking WHEN it is planned", () => {
    it.each<Accepted>([
        { scenario: "a marketplace image on a size that supports it", os: "linux", args: { size: "Standard_D4as_v5" }, resolved: NIC_OF, value: { acceleratedNetworking: true, ignoreChanges: DEFAULTED } },
        { scenario: "a marketplace image on a size that requires it", os: "windows", args: { size: "Standard_E8s_v5" }, resolved: NIC_OF, value: { acceleratedNetworking: true, ignoreChanges: DEFAULTED } },
        { scenario: "an explicit marketplace image on a size that supports it", os: "linux", args: { size: "Standard_F4s_v2", imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server" }, preflightFacts: { imageGeneration: 2 } }, resolved: NIC_OF, value: { acceleratedNetworking: true, ignoreChanges: DEFAULTED } },
        { scenario: "a size without it (Bv1 below 12 vCPUs), applied to a deployed NIC too", os: "linux", args: { size: "Standard_B2ms" }, resolved: NIC_OF, value: { acceleratedNetworking: false, ignoreChanges: [] } },
        { scenario: "a Bv1 size with it", os: "linux", args: { size: "Standard_B12ms" }, resolved: NIC_OF, value: { acceleratedNetworking: true, ignoreChanges: DEFAULTED } },
        { scenario: "a gallery image, whose guest the user verifies first", os: "linux", args: { galleryImageId: GALLERY_IMAGE, preflightFacts: { imageGeneration: 2 } }, resolved: NIC_OF, value: { acceleratedNetworking: false, ignoreChanges: DEFAULTED } },
        {
            scenario: "an existing OS disk, whose guest the user verifies first", os: "windows",
            args: { osDisk: { source: { existingId: OS_DISK } }, preflightFacts: { imageGeneration: 2 } },
            resolved: NIC_OF, value: { acceleratedNetworking: false, ignoreChanges: DEFAULTED },
        },
        {
            scenario: "a size the table does not know, whose facts say it supports it", os: "linux",
            args: { size: "Standard_D4s_v6", preflightFacts: { size: { maxDataDisks: 8, trustedLaunch: true, generations: [2], acceleratedNetworking: "supported" } } },
            resolved: NIC_OF, value: { acceleratedNetworking: true, ignoreChanges: DEFAULTED },
        },
        {
            scenario: "a size the table does not know and no stated fact about it", os: "linux",
            args: { size: "Standard_D4s_v6", preflightFacts: { size: { maxDataDisks: 8, trustedLaunch: true, generations: [2] } } },
            resolved: NIC_OF, value: { acceleratedNetworking: false, ignoreChanges: DEFAULTED },
        },
    ])("THEN $scenario gets the default, which a deployed NIC ignores where the size has accelerated networking", expectAccepted);
});

describe("GIVEN a VM that sets acceleratedNetworking WHEN it is planned", () => {
    it.each<Accepted>([
        { scenario: "true on a size that supports it", os: "linux", args: { size: "Standard_D4as_v5", acceleratedNetworking: true }, resolved: NIC_OF, value: { acceleratedNetworking: true, ignoreChanges: [] } },
        { scenario: "true with a gallery image", os: "linux", args: { galleryImageId: GALLERY_IMAGE, acceleratedNetworking: true, preflightFacts: { imageGeneration: 2 } }, resolved: NIC_OF, value: { acceleratedNetworking: true, ignoreChanges: [] } },
        { scenario: "false on a size that supports it", os: "windows", args: { size: "Standard_D4as_v5", acceleratedNetworking: false }, resolved: NIC_OF, value: { acceleratedNetworking: false, ignoreChanges: [] } },
        { scenario: "false on a size without it", os: "linux", args: { size: "Standard_B2s", acceleratedNetworking: false }, resolved: NIC_OF, value: { acceleratedNetworking: false, ignoreChanges: [] } },
        {
            scenario: "false on a size that requires it, where Azure turns it on regardless", os: "linux", args: { size: "Standard_D2s_v5", acceleratedNetworking: false },
            resolved: NIC_OF, value: { acceleratedNetworking: false, ignoreChanges: [] },
            warnings: [{ path: "acceleratedNetworking", message: "is false, but Standard_D2s_v5 requires accelerated networking: Azure turns it on at runtime whatever the NIC says (remove acceleratedNetworking: false, or choose a size where it is optional)." }],
        },
        {
            scenario: "true on a size the table does not know", os: "linux",
            args: { size: "Standard_D4s_v6", acceleratedNetworking: true, preflightFacts: { size: { maxDataDisks: 8, trustedLaunch: true, generations: [2] } } },
            resolved: NIC_OF, value: { acceleratedNetworking: true, ignoreChanges: [] },
            warnings: [{ path: "acceleratedNetworking", message: `is true, but "Standard_D4s_v6" is not in the size table of 2026-11, so whether it supports accelerated networking is not checked (set preflightFacts.size.acceleratedNetworking).` }],
        },
    ])("THEN $scenario is sent as given and never ignored", expectAccepted);

    it.each<Rejected>([
        { scenario: "true on a Bv1 size without it", os: "linux", args: { size: "Standard_B4ms", acceleratedNetworking: true }, problems: [{ path: "acceleratedNetworking", message: UNSUPPORTED("Standard_B4ms") }] },
        {
            scenario: "true on an Av2 size", os: "windows", args: { size: "Standard_A4_v2", acceleratedNetworking: true, securityType: "Standard", preflightFacts: { imageGeneration: 1 }, imageReference: { publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2019-datacenter" } },
            problems: [{ path: "acceleratedNetworking", message: UNSUPPORTED("Standard_A4_v2") }],
        },
        {
            scenario: "true on a size the table supports, whose stated facts say it does not", os: "linux",
            args: { size: "Standard_D4s_v5", acceleratedNetworking: true, preflightFacts: { size: { acceleratedNetworking: "unsupported" } } },
            problems: [{ path: "acceleratedNetworking", message: UNSUPPORTED("Standard_D4s_v5") }],
        },
    ])("THEN $scenario is refused", expectRefused);
});

describe("GIVEN a refused VM WHEN accelerated networking also has a warning", () => {
    it("THEN the warning is reported with the problems, as a preflight shows them", () => {
        const result = planVm("linux", "vm01", args({ size: "Standard_D2s_v5", acceleratedNetworking: false, zone: "4" }), {});
        expect(result.ok ? [] : [result.problems.map((p) => p.path), result.warnings]).toStrictEqual([
            ["zone"],
            [{ path: "acceleratedNetworking", message: "is false, but Standard_D2s_v5 requires accelerated networking: Azure turns it on at runtime whatever the NIC says (remove acceleratedNetworking: false, or choose a size where it is optional)." }],
        ]);
    });
});
