/**
 * Rules about the guest OS of a VM built from an image: what its osProfile says about sign-in, the VM agent,
 * patching and the data handed to first boot. A VM with no osProfile (an attached OS disk) is not applicable.
 * Every osProfile setting here is create-only on Azure: a wrong value is fixed by replacing the VM, so these are
 * mandatory unless a setting is only a recommendation.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { decodedText, secretMarkers } from "./secrets";
import { VIRTUAL_MACHINE, field, items, resourceRule, sameText, show } from "./support";
import { osProfileOrSkip } from "./vm-shape";

export const VM_LINUX_SSH_ONLY = "apvm-vm-linux-ssh-only";
export const VM_AGENT = "apvm-vm-agent";
export const VM_WINDOWS_UPDATES = "apvm-vm-windows-updates";
export const VM_WINDOWS_PATCH_BY_PLATFORM = "apvm-vm-windows-patch-by-platform";
export const VM_BOOT_DATA_NO_SECRETS = "apvm-vm-boot-data-no-secrets";

export const VM_GUEST_POLICIES: ResourceValidationPolicy[] = [
    resourceRule({
        name: VM_LINUX_SSH_ONLY,
        description: "A Linux VM signs in with SSH keys only: password authentication disabled explicitly, at least one public key.",
        // Mandatory: a password login is the most attacked surface of an Internet-reachable Linux VM, and the
        // setting cannot change after creation.
        enforcementLevel: "mandatory",
        types: [VIRTUAL_MACHINE],
        check: (_vm, args, report) => {
            const linux = field(osProfileOrSkip(args), "linuxConfiguration");
            if (linux === undefined) {
                args.notApplicable("the VM's osProfile has no linuxConfiguration");
            }
            const disabled = field(linux, "disablePasswordAuthentication");
            if (disabled !== true) {
                report(`osProfile.linuxConfiguration.disablePasswordAuthentication is ${show(disabled)}; `
                    + "set it to true so the VM accepts SSH keys only.");
            }
            if (items(field(linux, "ssh", "publicKeys")).length === 0) {
                report(`osProfile.linuxConfiguration.ssh.publicKeys is ${show(field(linux, "ssh", "publicKeys"))}; `
                    + "give at least one SSH public key (RSA of 2048 bits or more, or ed25519).");
            }
        },
    }),
    resourceRule({
        name: VM_AGENT,
        description: "A VM built from an image provisions the VM agent explicitly (provisionVMAgent: true).",
        // Mandatory: without the agent no extension runs (credential rotation, disk formatting, backup), and the
        // setting cannot change after creation.
        enforcementLevel: "mandatory",
        types: [VIRTUAL_MACHINE],
        check: (_vm, args, report) => {
            const osProfile = osProfileOrSkip(args);
            const key = field(osProfile, "linuxConfiguration") !== undefined ? "linuxConfiguration"
                : field(osProfile, "windowsConfiguration") !== undefined ? "windowsConfiguration" : undefined;
            if (key === undefined) {
                report("osProfile has neither linuxConfiguration nor windowsConfiguration; "
                    + "add the one for the VM's OS with provisionVMAgent: true.");
                return;
            }
            const agent = field(osProfile, key, "provisionVMAgent");
            if (agent !== true) {
                report(`osProfile.${key}.provisionVMAgent is ${show(agent)}; `
                    + "set it to true: extensions (credential rotation, run commands, backup) need the VM agent.");
            }
        },
    }),
    resourceRule({
        name: VM_WINDOWS_UPDATES,
        description: "A Windows VM enables automatic updates explicitly and declares its patch mode.",
        // Mandatory: an unpatched Windows VM is the common way in, and leaving the mode to Azure's default hides
        // the choice from review.
        enforcementLevel: "mandatory",
        types: [VIRTUAL_MACHINE],
        check: (_vm, args, report) => {
            const windows = field(osProfileOrSkip(args), "windowsConfiguration");
            if (windows === undefined) {
                args.notApplicable("the VM's osProfile has no windowsConfiguration");
            }
            const updates = field(windows, "enableAutomaticUpdates");
            if (updates !== true) {
                report(`osProfile.windowsConfiguration.enableAutomaticUpdates is ${show(updates)}; set it to true.`);
            }
            if (field(windows, "patchSettings", "patchMode") === undefined) {
                report("osProfile.windowsConfiguration.patchSettings.patchMode is not set; "
                    + "set it to \"AutomaticByPlatform\" (or \"AutomaticByOS\" where the image does not support it).");
            }
        },
    }),
    resourceRule({
        name: VM_WINDOWS_PATCH_BY_PLATFORM,
        description: "A Windows VM is patched by the platform (patchMode \"AutomaticByPlatform\") where its image supports it.",
        // Advisory: not every image supports platform patching; "AutomaticByOS" still installs updates.
        enforcementLevel: "advisory",
        types: [VIRTUAL_MACHINE],
        check: (_vm, args, report) => {
            const windows = field(osProfileOrSkip(args), "windowsConfiguration");
            const mode = field(windows, "patchSettings", "patchMode");
            // An unset mode is VM_WINDOWS_UPDATES's violation; reporting it twice would say nothing new.
            if (windows !== undefined && mode !== undefined && !sameText(mode, "AutomaticByPlatform")) {
                report(`osProfile.windowsConfiguration.patchSettings.patchMode is ${show(mode)}; `
                    + "set it to \"AutomaticByPlatform\" where the image supports it, so Azure orders patching "
                    + "across zones and availability sets.");
            }
        },
    }),
    resourceRule({
        name: VM_BOOT_DATA_NO_SECRETS,
        description: "osProfile.customData and userData carry no secrets: both are kept in state and readable on the VM.",
        // Advisory: the check is a word heuristic (see secrets.ts), and gzip-compressed data is not inspected.
        enforcementLevel: "advisory",
        types: [VIRTUAL_MACHINE],
        check: (vm, _args, report) => {
            const sources: [string, unknown][] = [["osProfile.customData", field(vm, "osProfile", "customData")], ["userData", vm["userData"]]];
            for (const [path, value] of sources) {
                const markers = typeof value === "string" ? secretMarkers(decodedText(value)) : [];
                if (markers.length > 0) {
                    report(`${path} contains ${markers.join(", ")}; it is kept in the stack's state and readable `
                        + "on the VM, so fetch secrets at boot from Key Vault with the VM's managed identity instead.");
                }
            }
        },
    }),
];
