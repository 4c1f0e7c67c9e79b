/**
 * The durability contract as policy: a VM's disks outlive it, a scale set's instances' data disks outlive each
 * instance, and a VM that attaches existing disks is replaced by deleting it first, so the replacement can attach them.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET, field, items, resourceRule, sameText, show, switchedOn, type Report } from "./support";
import { attachedDiskPaths, machineOf } from "./vm-shape";

export const VM_DISKS_SURVIVE = "apvm-vm-disks-survive";
export const VM_DELETE_BEFORE_REPLACE = "apvm-vm-delete-before-replace";

/** The config key that lets a stack delete disks with their VM. */
export const ALLOW_DISK_DELETE = "allowDiskDelete";

const OPT_OUT = `set this policy's ${ALLOW_DISK_DELETE}: true in the pack config`;

/**
 * A scale set's data disks: Azure makes one per instance from the model and, on a Flexible scale set, keeps it when the
 * instance is deleted only with deleteOption "Detach"; unset means "Delete". The OS disks are not checked: an instance
 * is rebuilt from the image, so its OS disk holds nothing the fleet means to keep.
 */
function reportFleetDataDisks(scaleSet: Readonly<Record<string, unknown>>, model: unknown, report: Report): void {
    const disks = items(field(model, "storageProfile", "dataDisks"));
    if (disks.length === 0) {
        return;
    }
    const mode = scaleSet["orchestrationMode"];
    if (!sameText(mode, "Flexible")) {
        report(`orchestrationMode is ${show(mode)}; only a "Flexible" scale set keeps an instance's data disks when the `
            + "instance is deleted (deleteOption \"Detach\"): set orchestrationMode to \"Flexible\" and each data disk's "
            + `deleteOption to "Detach", or ${OPT_OUT} to delete the disks with their instances.`);
        return;
    }
    disks.forEach((disk, i) => {
        const option = field(disk, "deleteOption");
        if (!sameText(option, "Detach")) {
            report(`virtualMachineProfile.storageProfile.dataDisks[${i}].deleteOption is ${show(option)}`
                + `${option === undefined ? ", which a scale set takes as \"Delete\"" : ""}; set it to "Detach" so each `
                + `instance's disk outlives the instance (scale-in, or the scale set's deletion), or ${OPT_OUT} to delete `
                + "the disks with their instances.");
        }
    });
}

export const VM_DURABILITY_POLICIES: ResourceValidationPolicy[] = [
    resourceRule({
        name: VM_DISKS_SURVIVE,
        description: "Deleting a VM never deletes its disks (no osDisk or dataDisks[] deleteOption \"Delete\"), nor does deleting a scale set's instance delete its data disks (\"Detach\", Flexible orchestration), unless the pack config allows it.",
        // Mandatory: a deleted managed disk is gone, with no soft delete; a stack that means it says allowDiskDelete.
        enforcementLevel: "mandatory",
        types: [VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        configSchema: {
            properties: {
                [ALLOW_DISK_DELETE]: {
                    type: "boolean",
                    default: false,
                    description: "Allow deleteOption \"Delete\" on OS and data disks (disks deleted with their VM or scale set instance).",
                },
            },
        },
        check: (vm, args, report) => {
            if (switchedOn(args, ALLOW_DISK_DELETE)) {
                return;
            }
            if (args.type === VIRTUAL_MACHINE_SCALE_SET) {
                reportFleetDataDisks(vm, machineOf(args).model, report);
                return;
            }
            const disks: [string, unknown][] = [
                ["storageProfile.osDisk", field(vm, "storageProfile", "osDisk")],
                ...items(field(vm, "storageProfile", "dataDisks")).map((d, i): [string, unknown] => [`storageProfile.dataDisks[${i}]`, d]),
            ];
            for (const [path, disk] of disks) {
                const option = field(disk, "deleteOption");
                if (sameText(option, "Delete")) {
                    report(`${path}.deleteOption is ${show(option)}; set it to "Detach" so the disk outlives the VM, `
                        + `or ${OPT_OUT} to delete disks with their VM.`);
                }
            }
        },
    }),
    resourceRule({
        name: VM_DELETE_BEFORE_REPLACE,
        description: "A VM that attaches existing disks has the resource option deleteBeforeReplace: true.",
        // Mandatory: without it every replacement fails half-way. Pulumi creates the new VM first, Azure refuses
        // the disks (and the NIC) the old VM still holds, and the stack is left with a failed create.
        enforcementLevel: "mandatory",
        types: [VIRTUAL_MACHINE],
        // A resource option of Pulumi's: an ARM resource inside a template has none.
        inWrappers: false,
        check: (vm, args, report) => {
            const attached = attachedDiskPaths(vm);
            if (attached.length === 0) {
                args.notApplicable("the VM attaches no existing disk");
            }
            if (args.opts.deleteBeforeReplace !== true) {
                report(`the resource option deleteBeforeReplace is ${show(args.opts.deleteBeforeReplace)} on a VM that `
                    + `attaches existing disks (${attached.join(", ")}); set deleteBeforeReplace: true. Pulumi otherwise `
                    + "creates the replacement before deleting this VM, and Azure refuses to attach a disk the old VM "
                    + "still holds (as it refuses its NIC: NicInUse).");
            }
        },
    }),
];
