/**
 * How a machine is patched, decided from its image, for a VM and a fleet alike. Pure.
 *
 * Azure-orchestrated patching (`AutomaticByPlatform`) only for an image on Microsoft's list of images that support
 * automatic VM guest patching (`platformPatching`, image-facts.ts: PLATFORM_PATCHING_SOURCE); Azure refuses the mode
 * for any other image. Elsewhere each OS's own default, which Azure accepts for every image: Windows Update
 * (`AutomaticByOS`) on Windows, the image's own configuration (`ImageDefault`) on Linux. Periodic assessment by the
 * platform follows the same line: the page supports on-demand assessment only on listed images, and the same refusal
 * is reported for `assessmentMode: AutomaticByPlatform` on unlisted ones.
 */
import type { OsType } from "../core/os";

export type PatchMode = "AutomaticByPlatform" | "AutomaticByOS" | "ImageDefault";
export type AssessmentMode = "AutomaticByPlatform" | "ImageDefault";

/** How a machine is patched and assessed. */
export interface PatchModes {
    readonly patchMode: PatchMode;
    readonly assessmentMode: AssessmentMode;
}

/**
 * `enableAutomaticUpdates` of every Windows VM and fleet. Both Windows modes sent here need it true (Microsoft.Compute
 * API: for AutomaticByOS it "must be true"; for AutomaticByPlatform "provisionVMAgent and
 * WindowsConfiguration.enableAutomaticUpdates must be true"), and with it true Azure switches a VM between the two in
 * place. A VM takes it only at creation ("can only be set when the VM is first created"; it is in the VM's
 * replaceOnChanges), so it never changes here, and `Manual`, which needs it false, is not offered.
 */
export const WINDOWS_AUTOMATIC_UPDATES = true;

/**
 * The patch and assessment modes of a machine of this OS.
 * @param byPlatform whether Azure orchestrates its patching: its image is on Microsoft's list (and, for a fleet, a
 * health probe watches it)
 */
export function patchModes(os: OsType, byPlatform: boolean): PatchModes {
    return byPlatform
        ? { patchMode: "AutomaticByPlatform", assessmentMode: "AutomaticByPlatform" }
        : { patchMode: os === "windows" ? "AutomaticByOS" : "ImageDefault", assessmentMode: "ImageDefault" };
}
