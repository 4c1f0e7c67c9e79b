// Azure Hybrid Benefit's licenseType on a VM and a fleet: the values of each OS, refused on the other OS and on a
// marketplace image of another publisher, accepted as given on a custom image or an existing OS disk.
// Not proved here: that Azure grants the benefit (that depends on the user's licences), or that it accepts these
// values (no Azure); the components' registrations are in test/vm/network-and-licence.test.ts.
import { describe, expect, it } from "vitest";
import { type LicenseType, type OsType, type VmArgs } from "../../components";
import { planScaleSet } from "../../components/internal";
import { GALLERY_IMAGE, PLACEMENT, type Rejected } from "../support/fixtures";
import { expectAccepted, expectRefused } from "../support/plan-tables";

const OS_DISK = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/erp01-os";
const WINDOWS_11 = { publisher: "MicrosoftWindowsDesktop", offer: "windows-11", sku: "win11-24h2-ent" };
const GEN2 = { preflightFacts: { imageGeneration: 2 } } as const;

describe("GIVEN a VM WHEN it sets a licence type its OS and image take", () => {
    it.each<[string, OsType, Partial<VmArgs>]>([
        ["Windows_Server on a Windows Server image", "windows", { licenseType: "Windows_Server" }],
        ["Windows_Server on a SQL Server image (Windows Server underneath)", "windows", { licenseType: "Windows_Server", image: "sql-server-2022-standard" }],
        ["Windows_Client on a Windows 11 image", "windows", { licenseType: "Windows_Client", imageReference: WINDOWS_11, ...GEN2 }],
        ["Windows_Server on a gallery image", "windows", { licenseType: "Windows_Server", galleryImageId: GALLERY_IMAGE, ...GEN2 }],
        ["Windows_Server on an existing OS disk", "windows", { licenseType: "Windows_Server", osDisk: { source: { existingId: OS_DISK } }, ...GEN2 }],
        ["RHEL_BYOS on Red Hat's RHEL image", "linux", { licenseType: "RHEL_BYOS", image: "rhel-9" }],
        ["SLES_BYOS on SUSE's SLES image", "linux", { licenseType: "SLES_BYOS", image: "sles-15" }],
        ["RHEL_BYOS on a gallery image", "linux", { licenseType: "RHEL_BYOS", galleryImageId: GALLERY_IMAGE, ...GEN2 }],
        ["None (pay-as-you-go) on Linux", "linux", { licenseType: "None" }],
        ["None (pay-as-you-go) on Windows", "windows", { licenseType: "None" }],
    ])("THEN %s is planned as given", (_scenario, os, overrides) => {
        expectAccepted({ scenario: _scenario, os, args: overrides, resolved: (plan) => plan.licenseType, value: overrides.licenseType });
    });

    it("THEN a VM without one plans none, and the image's own billing applies", () => {
        expectAccepted({ scenario: "no licence type", os: "windows", args: {}, resolved: (plan) => plan.licenseType, value: undefined });
    });
});

describe("GIVEN a VM WHEN it sets a licence type its OS or image does not take", () => {
    it.each<Rejected>([
        {
            scenario: "a spelling Azure does not know", os: "windows", args: { licenseType: "windows_server" as LicenseType },
            problems: [{ path: "licenseType", message: `"windows_server" is not a licence type; use "Windows_Server", "Windows_Client", "RHEL_BYOS", "SLES_BYOS" or "None".` }],
        },
        {
            scenario: "a Linux licence on Windows", os: "windows", args: { licenseType: "RHEL_BYOS" },
            problems: [{ path: "licenseType", message: `"RHEL_BYOS" is a licence for Linux, and this machine runs Windows; use "Windows_Server", "Windows_Client" or "None".` }],
        },
        {
            scenario: "a Windows licence on Linux", os: "linux", args: { licenseType: "Windows_Server" },
            problems: [{ path: "licenseType", message: `"Windows_Server" is a licence for Windows, and this machine runs Linux; use "RHEL_BYOS", "SLES_BYOS" or "None".` }],
        },
        {
            scenario: "RHEL_BYOS on Ubuntu", os: "linux", args: { licenseType: "RHEL_BYOS" },
            problems: [{ path: "licenseType", message: `"RHEL_BYOS" is for Red Hat Enterprise Linux images published by Red Hat, and ubuntu-24.04 is not one (remove licenseType, or choose such an image).` }],
        },
        {
            scenario: "RHEL_BYOS on AlmaLinux, a RHEL rebuild not published by Red Hat", os: "linux", args: { licenseType: "RHEL_BYOS", image: "almalinux-9" },
            problems: [{ path: "licenseType", message: `"RHEL_BYOS" is for Red Hat Enterprise Linux images published by Red Hat, and almalinux-9 is not one (remove licenseType, or choose such an image).` }],
        },
        {
            scenario: "SLES_BYOS on Red Hat's image", os: "linux", args: { licenseType: "SLES_BYOS", image: "rhel-9" },
            problems: [{ path: "licenseType", message: `"SLES_BYOS" is for SUSE Linux Enterprise Server images published by SUSE, and rhel-9 is not one (remove licenseType, or choose such an image).` }],
        },
        {
            scenario: "Windows_Client on Windows Server", os: "windows", args: { licenseType: "Windows_Client", image: "windows-server-2022" },
            problems: [{ path: "licenseType", message: `"Windows_Client" is for Windows client images (Windows 10 or 11), and windows-server-2022 is not one (remove licenseType, or choose such an image).` }],
        },
        {
            scenario: "Windows_Server on Windows 11", os: "windows", args: { licenseType: "Windows_Server", imageReference: WINDOWS_11, ...GEN2 },
            problems: [{ path: "licenseType", message: `"Windows_Server" is for Windows Server images, and MicrosoftWindowsDesktop:windows-11:win11-24h2-ent:latest is not one (remove licenseType, or choose such an image).` }],
        },
        {
            scenario: "a Linux licence on a VM built from an existing Windows OS disk", os: "windows", args: { licenseType: "SLES_BYOS", osDisk: { source: { existingId: OS_DISK } }, ...GEN2 },
            problems: [{ path: "licenseType", message: `"SLES_BYOS" is a licence for Linux, and this machine runs Windows; use "Windows_Server", "Windows_Client" or "None".` }],
        },
    ])("THEN $scenario is refused", expectRefused);
});

describe("GIVEN a fleet WHEN it sets a licence type", () => {
    const fleet = { ...PLACEMENT, size: "Standard_D2s_v5", instanceCount: 2 };

    it("THEN one its OS and image take is planned for every instance", () => {
        const result = planScaleSet("windows", "web", { ...fleet, licenseType: "Windows_Server" }, {});
        expect(result.ok && result.plan.licenseType).toBe("Windows_Server");
    });

    it("THEN one of the other OS is refused with the VM's message", () => {
        expect(planScaleSet("linux", "web", { ...fleet, licenseType: "Windows_Client" }, {})).toStrictEqual({
            ok: false,
            problems: [{ path: "licenseType", message: `"Windows_Client" is a licence for Windows, and this machine runs Linux; use "RHEL_BYOS", "SLES_BYOS" or "None".` }],
        });
    });
});
