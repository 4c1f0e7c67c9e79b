/**
 * The two kinds of VirtualMachine the rules tell apart. A VM built from an image (osDisk.createOption "FromImage")
 * has an osProfile, and the rules about its guest OS apply. A VM that attaches an existing OS disk
 * (createOption "Attach") has no osProfile: the disk already holds a configured OS, so those rules do not apply.
 * A scale set's instances are built from its instance model (virtualMachineProfile), which has a VM's shape: the
 * machine rules read that model, and name paths from the scale set.
 */
import type { ResourceValidationArgs } from "@pulumi/policy";
import { VIRTUAL_MACHINE_SCALE_SET, field, items, sameText } from "./support";

/** What the machine rules read: a VM's own properties, or a scale set's instance model. */
export interface Machine {
    /** The VM's properties, or the scale set's virtualMachineProfile. */
    readonly model: unknown;
    /** What every path a message names starts with: "" for a VM, "virtualMachineProfile." for a scale set. */
    readonly at: string;
    readonly fleet: boolean;
}

/** The machine a VM or a scale set describes; a scale set without an instance model is not applicable. */
export function machineOf(args: ResourceValidationArgs): Machine {
    if (args.type !== VIRTUAL_MACHINE_SCALE_SET) {
        return { model: args.props, at: "", fleet: false };
    }
    const model = args.props["virtualMachineProfile"];
    if (model === undefined) {
        args.notApplicable("the scale set has no virtualMachineProfile, so there is no instance model to check");
    }
    return { model, at: "virtualMachineProfile.", fleet: true };
}

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
 * The machine's osProfile; a VM without one (an attached OS disk, or a specialized image) is not applicable to the
 * rules about its guest OS, which keeps the configuration it already has. So is a scale set's model without one.
 */
export function osProfileOrSkip(args: ResourceValidationArgs, machine: Machine = machineOf(args)): unknown {
    const osProfile = field(machine.model, "osProfile");
    if (osProfile === undefined) {
        args.notApplicable(machine.fleet ? "the scale set's virtualMachineProfile has no osProfile (a specialized image)"
            : "the VM has no osProfile (it attaches an existing OS disk or boots a specialized image)");
    }
    return osProfile;
}
