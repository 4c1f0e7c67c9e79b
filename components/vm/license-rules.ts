/**
 * Azure Hybrid Benefit: which licence type a VM or a fleet may declare for its OS and image. Pure.
 * Sources: the Compute API's `licenseType` (Azure/azure-rest-api-specs, ComputeRP 2024-11-01, computeRPCommon.json:
 * "Windows_Client, Windows_Server" for Windows, "RHEL_BYOS (for RHEL), SLES_BYOS (for SUSE)" for Linux; the same
 * property on a scale set's `virtualMachineProfile`); Microsoft Learn, "Explore Azure Hybrid Benefit for Windows VMs"
 * (azure-compute-docs virtual-machines/windows/hybrid-use-benefit-licensing.md, 12/02/2024: changing it "changes a
 * metadata licensing flag only", without a restart; "None" goes back to pay-as-you-go) and "Azure Hybrid Benefit for
 * Linux virtual machines" (virtual-machines/linux/azure-hybrid-benefit-linux.md, 12/19/2024: RHEL_BYOS for Red Hat
 * and SLES_BYOS for SUSE, neither with the other's images; only Red Hat- and SUSE-published marketplace images are
 * eligible; custom images are; "None" reverts).
 */
import type { OsType } from "../core/os";
import { checkChoice, type Problem } from "../core/problems";
import type { PlannedImage } from "../image/image-plan";
import { LICENSE_TYPES, type LicenseType } from "./vm-args";

/** The licence types of each OS ("None", pay-as-you-go, is both's). */
const OS_LICENSES: Readonly<Record<OsType, readonly LicenseType[]>> = {
    windows: ["Windows_Server", "Windows_Client", "None"],
    linux: ["RHEL_BYOS", "SLES_BYOS", "None"],
};

/**
 * Marketplace publishers (lower case) whose images a licence type needs, or must not be on. Windows images come from
 * many publishers, so only the two that say which Windows they are count against the other licence.
 */
const PUBLISHERS: Readonly<Record<LicenseType, { readonly only?: readonly string[]; readonly not?: readonly string[]; readonly what: string }>> = {
    Windows_Server: { not: ["microsoftwindowsdesktop"], what: "Windows Server images" },
    Windows_Client: { not: ["microsoftwindowsserver", "microsoftsqlserver"], what: "Windows client images (Windows 10 or 11)" },
    RHEL_BYOS: { only: ["redhat"], what: "Red Hat Enterprise Linux images published by Red Hat" },
    SLES_BYOS: { only: ["suse"], what: "SUSE Linux Enterprise Server images published by SUSE" },
    None: { what: "every image" },
};

/**
 * A VM's or a fleet's `licenseType`: one of LICENSE_TYPES, of its OS, and, for a marketplace image, one that image is
 * eligible for. A gallery image or an existing OS disk is not checked further: custom images are eligible, and the
 * plan cannot see their distribution.
 */
export function checkLicenseType(path: string, value: string, os: OsType, image: PlannedImage): Problem[] {
    const choice = checkChoice(path, value, LICENSE_TYPES, "licence type");
    if (choice.length > 0) {
        return choice;
    }
    const license = value as LicenseType;
    const own = OS_LICENSES[os];
    if (!own.includes(license)) {
        const choices = own.map((l) => `"${l}"`);
        return [{ path, message: `"${value}" is a licence for ${os === "windows" ? "Linux" : "Windows"}, and this machine runs ${os === "windows" ? "Windows" : "Linux"}; use ${choices.slice(0, -1).join(", ")} or ${choices.at(-1) ?? ""}.` }];
    }
    if (image.kind !== "marketplace") {
        return [];
    }
    const publisher = image.publisher.toLowerCase();
    const rule = PUBLISHERS[license];
    if ((rule.only !== undefined && !rule.only.includes(publisher)) || (rule.not ?? []).includes(publisher)) {
        return [{ path, message: `"${value}" is for ${rule.what}, and ${image.label} is not one (remove licenseType, or choose such an image).` }];
    }
    return [];
}
