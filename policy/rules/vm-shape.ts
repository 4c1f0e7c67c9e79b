/**
 * The two kinds of VirtualMachine the rules tell apart. A VM built from an image (osDisk.createOption "FromImage")
 * has an osProfile, and the rules about its guest OS apply. A VM that attaches an existing OS disk
 * (createOption "Attach") has no osProfile: the disk already holds a configured OS, so those rules do not apply.
 */
import type { ResourceValidationArgs } from "@pulumi/policy";
import { field, items, sameText } from "./support";

export function attachesOsDisk(vm: unknown): boolean {
    return sameText(field(vm, "storageProfile", "osDisk", "createOption"), "Attach");
}

/** The property paths of the existing disks the VM attaches (its OS disk and data disks with createOption "Attach"). */
export function attachedDiskPaths(vm: unknown): string[] {
    const data = items(field(vm, "storageProfile", "dataDisks"))
        .flatMap((disk, i) => (sameText(field(disk, "createOption"), "Attach") ? [`storageProfile.dataDisks[${i}]`] : []));
    return [...(attachesOsDisk(vm) ? ["storageProfile.osDisk"] : []), ...data];
}

/**
 * The VM's osProfile; a VM without one (an attached OS disk, or a specialized image) is not applicable to the rules
 * about its guest OS, which keeps the configuration it already has.
 */
export function osProfileOrSkip(args: ResourceValidationArgs): unknown {
    const osProfile = field(args.props, "osProfile");
    if (osProfile === undefined) {
        args.notApplicable("the VM has no osProfile (it attaches an existing OS disk or boots a specialized image)");
    }
    return osProfile;
}
