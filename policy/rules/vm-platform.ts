/**
 * Rules about the VM's platform settings, which apply to every VM whether it is built from an image or attaches
 * an existing OS disk, and to a scale set's instance model: Trusted Launch, the managed identity and boot diagnostics.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET, field, resourceRule, sameText, show, type Report } from "./support";
import { attachesOsDisk, machineOf } from "./vm-shape";

export const VM_TRUSTED_LAUNCH = "apvm-vm-trusted-launch";
export const VM_TRUSTED_LAUNCH_UEFI = "apvm-vm-trusted-launch-uefi";
export const VM_SYSTEM_IDENTITY = "apvm-vm-system-identity";
export const VM_BOOT_DIAGNOSTICS = "apvm-vm-boot-diagnostics";
export const VM_BOOT_DIAGNOSTICS_MANAGED = "apvm-vm-boot-diagnostics-managed";

const UEFI_SETTINGS = [
    { key: "secureBootEnabled", loses: "secure boot refuses unsigned boot loaders and kernels" },
    { key: "vTpmEnabled", loses: "the vTPM measures the boot chain for attestation" },
] as const;

/** A security type at least as strong as Trusted Launch (a confidential VM also has secure boot and a vTPM). */
function trustedLaunch(vm: unknown): boolean {
    const type = field(vm, "securityProfile", "securityType");
    return sameText(type, "TrustedLaunch") || sameText(type, "ConfidentialVM");
}

function reportUefi(vm: unknown, at: string, report: Report, after: string): void {
    for (const { key, loses } of UEFI_SETTINGS) {
        const value = field(vm, "securityProfile", "uefiSettings", key);
        if (value !== true) {
            report(`${at}securityProfile.uefiSettings.${key} is ${show(value)}; set it to true: ${loses}${after}`);
        }
    }
}

export const VM_PLATFORM_POLICIES: ResourceValidationPolicy[] = [
    resourceRule({
        name: VM_TRUSTED_LAUNCH,
        description: "A VM (or a scale set's instances) sends securityProfile.securityType \"TrustedLaunch\" (secure boot and vTPM) unless its image or disk is Gen1.",
        // Advisory: a Gen1 image, or a disk made from one, can only boot as "Standard"; the policy cannot see the
        // image's generation, so it asks instead of refusing.
        enforcementLevel: "advisory",
        types: [VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        check: (_props, args, report) => {
            const { model: vm, at } = machineOf(args);
            const type = field(vm, "securityProfile", "securityType");
            if (attachesOsDisk(vm)) {
                if (!trustedLaunch(vm)) {
                    report(`securityProfile.securityType is ${show(type)} on a VM that attaches its OS disk: right for a `
                        + "Gen1 or non-Trusted-Launch disk; if the disk came from a Trusted Launch VM, set \"TrustedLaunch\" "
                        + "with uefiSettings.secureBootEnabled and vTpmEnabled true.");
                } else if (sameText(type, "TrustedLaunch")) {
                    reportUefi(vm, at, report, " (unless the disk's OS needs otherwise).");
                }
                return;
            }
            if (!trustedLaunch(vm)) {
                report(`${at}securityProfile.securityType is ${show(type)}; set it to "TrustedLaunch" with `
                    + "uefiSettings.secureBootEnabled and vTpmEnabled true. Only a Gen1 image needs \"Standard\"; "
                    + "prefer the image's Gen2 edition.");
            }
        },
    }),
    resourceRule({
        name: VM_TRUSTED_LAUNCH_UEFI,
        description: "A Trusted Launch VM built from an image (or scale set) enables secure boot and the vTPM explicitly.",
        // Mandatory: Trusted Launch with either switched off keeps the name and loses the protection. A workload
        // that needs unsigned boot components sets this policy's enforcementLevel in the pack config.
        enforcementLevel: "mandatory",
        types: [VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        check: (_props, args, report) => {
            const { model: vm, at } = machineOf(args);
            if (attachesOsDisk(vm) || !sameText(field(vm, "securityProfile", "securityType"), "TrustedLaunch")) {
                args.notApplicable("applies to a Trusted Launch VM built from an image");
            }
            reportUefi(vm, at, report, ".");
        },
    }),
    resourceRule({
        name: VM_SYSTEM_IDENTITY,
        description: "A VM (or scale set) has a system-assigned managed identity.",
        // Advisory: the identity is how the VM reaches Key Vault and other services without stored credentials,
        // but a VM with only a user-assigned identity, or none, exposes nothing.
        enforcementLevel: "advisory",
        types: [VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        check: (props, args, report) => {
            // A scale set's identity is its own property, shared by its instances, not part of the instance model.
            const type = field(props, "identity", "type");
            if (typeof type !== "string" || !/systemassigned/i.test(type.replace(/\s/g, ""))) {
                report(`identity.type is ${show(type)}; include "SystemAssigned" ("SystemAssigned, UserAssigned" `
                    + `keeps user-assigned identities) so ${args.type === VIRTUAL_MACHINE_SCALE_SET ? "the instances reach" : "the VM reaches"} `
                    + "Azure services without stored credentials.");
            }
        },
    }),
    resourceRule({
        name: VM_BOOT_DIAGNOSTICS,
        description: "A VM (or a scale set's instances) enables boot diagnostics explicitly.",
        // Mandatory: without the serial log and screenshot, a VM that does not boot (say, rebuilt from its disks)
        // cannot be diagnosed, and turning it on costs nothing with managed storage.
        enforcementLevel: "mandatory",
        types: [VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        check: (_props, args, report) => {
            const { model: vm, at } = machineOf(args);
            const enabled = field(vm, "diagnosticsProfile", "bootDiagnostics", "enabled");
            if (enabled !== true) {
                report(`${at}diagnosticsProfile.bootDiagnostics.enabled is ${show(enabled)}; set it to true `
                    + "(with no storageUri, so Azure keeps the logs in managed storage).");
            }
        },
    }),
    resourceRule({
        name: VM_BOOT_DIAGNOSTICS_MANAGED,
        description: "Boot diagnostics (of a VM or a scale set's instances) use managed storage (no storageUri).",
        // Advisory: a storage account of one's own works; it is one more account to secure and keep.
        enforcementLevel: "advisory",
        types: [VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        check: (_props, args, report) => {
            const { model: vm, at } = machineOf(args);
            const uri = field(vm, "diagnosticsProfile", "bootDiagnostics", "storageUri");
            if (uri !== undefined) {
                report(`${at}diagnosticsProfile.bootDiagnostics.storageUri is ${show(uri)}; leave it out to use managed `
                    + "storage: an account of your own needs its own network rules, keys and retention.");
            }
        },
    }),
];
