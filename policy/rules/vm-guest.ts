/**
 * Rules about the guest OS of a VM built from an image, or of a scale set's instances (its virtualMachineProfile):
 * what the osProfile says about sign-in, the VM agent, patching and the data handed to first boot. A VM with no
 * osProfile (an attached OS disk) is not applicable. Every osProfile setting here is create-only on Azure: a wrong
 * value is fixed by replacing the VM (or the scale set), so these are mandatory unless a setting is only a
 * recommendation.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { decodedText, passwordSignIn, secretMarkers } from "./secrets";
import { VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET, field, items, resourceRule, sameText, show } from "./support";
import { machineOf, osProfileOrSkip } from "./vm-shape";

export const VM_LINUX_SSH_ONLY = "apvm-vm-linux-ssh-only";
export const VM_AGENT = "apvm-vm-agent";
export const VM_WINDOWS_UPDATES = "apvm-vm-windows-updates";
export const VM_WINDOWS_PATCH_BY_PLATFORM = "apvm-vm-windows-patch-by-platform";
export const VM_BOOT_DATA_NO_SECRETS = "apvm-vm-boot-data-no-secrets";
export const VM_BOOT_DATA_NO_PASSWORD_SIGN_IN = "apvm-vm-boot-data-no-password-sign-in";

/** The boot data a machine hands to cloud-init, each with its path: osProfile.customData and userData. */
function bootData(model: unknown, at: string): [string, unknown][] {
    return [[`${at}osProfile.customData`, field(model, "osProfile", "customData")], [`${at}userData`, field(model, "userData")]];
}

export const VM_GUEST_POLICIES: ResourceValidationPolicy[] = [
    resourceRule({
        name: VM_LINUX_SSH_ONLY,
        description: "A Linux VM (or scale set) signs in with SSH keys only: password authentication disabled explicitly, at least one public key.",
        // Mandatory: a password login is the most attacked surface of an Internet-reachable Linux VM, and the
        // setting cannot change after creation.
        enforcementLevel: "mandatory",
        types: [VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        check: (_props, args, report) => {
            const machine = machineOf(args);
            const linux = field(osProfileOrSkip(args, machine), "linuxConfiguration");
            if (linux === undefined) {
                args.notApplicable("the osProfile has no linuxConfiguration");
            }
            const disabled = field(linux, "disablePasswordAuthentication");
            if (disabled !== true) {
                report(`${machine.at}osProfile.linuxConfiguration.disablePasswordAuthentication is ${show(disabled)}; `
                    + `set it to true so ${machine.fleet ? "the instances accept" : "the VM accepts"} SSH keys only.`);
            }
            if (items(field(linux, "ssh", "publicKeys")).length === 0) {
                report(`${machine.at}osProfile.linuxConfiguration.ssh.publicKeys is ${show(field(linux, "ssh", "publicKeys"))}; `
                    + "give at least one SSH public key (RSA of 2048 bits or more, or ed25519).");
            }
        },
    }),
    resourceRule({
        name: VM_AGENT,
        description: "A VM built from an image (or a scale set's instances) provisions the VM agent explicitly (provisionVMAgent: true).",
        // Mandatory: without the agent no extension runs (credential rotation, disk formatting, backup, a fleet's
        // health probe), and the setting cannot change after creation.
        enforcementLevel: "mandatory",
        types: [VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        check: (_props, args, report) => {
            const machine = machineOf(args);
            const osProfile = osProfileOrSkip(args, machine);
            const key = field(osProfile, "linuxConfiguration") !== undefined ? "linuxConfiguration"
                : field(osProfile, "windowsConfiguration") !== undefined ? "windowsConfiguration" : undefined;
            if (key === undefined) {
                report(`${machine.at}osProfile has neither linuxConfiguration nor windowsConfiguration; `
                    + `add the one for ${machine.fleet ? "the instances'" : "the VM's"} OS with provisionVMAgent: true.`);
                return;
            }
            const agent = field(osProfile, key, "provisionVMAgent");
            if (agent !== true) {
                const extensions = machine.fleet ? "the health probe, run commands" : "credential rotation, run commands, backup";
                report(`${machine.at}osProfile.${key}.provisionVMAgent is ${show(agent)}; `
                    + `set it to true: extensions (${extensions}) need the VM agent.`);
            }
        },
    }),
    resourceRule({
        name: VM_WINDOWS_UPDATES,
        description: "A Windows VM (or scale set) enables automatic updates explicitly and declares its patch mode.",
        // Mandatory: an unpatched Windows VM is the common way in, and leaving the mode to Azure's default hides
        // the choice from review.
        enforcementLevel: "mandatory",
        types: [VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        check: (_props, args, report) => {
            const machine = machineOf(args);
            const windows = field(osProfileOrSkip(args, machine), "windowsConfiguration");
            if (windows === undefined) {
                args.notApplicable("the osProfile has no windowsConfiguration");
            }
            const updates = field(windows, "enableAutomaticUpdates");
            if (updates !== true) {
                report(`${machine.at}osProfile.windowsConfiguration.enableAutomaticUpdates is ${show(updates)}; set it to true.`);
            }
            if (field(windows, "patchSettings", "patchMode") === undefined) {
                report(`${machine.at}osProfile.windowsConfiguration.patchSettings.patchMode is not set; `
                    + "set it to \"AutomaticByPlatform\" (or \"AutomaticByOS\" where the image does not support it).");
            }
        },
    }),
    resourceRule({
        name: VM_WINDOWS_PATCH_BY_PLATFORM,
        description: "A Windows VM (or scale set) is patched by the platform (patchMode \"AutomaticByPlatform\") where its image supports it.",
        // Advisory: not every image supports platform patching; "AutomaticByOS" still installs updates. A Flexible
        // scale set also needs health monitoring for it, which the policy does not require.
        enforcementLevel: "advisory",
        types: [VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        check: (_props, args, report) => {
            const machine = machineOf(args);
            const windows = field(osProfileOrSkip(args, machine), "windowsConfiguration");
            const mode = field(windows, "patchSettings", "patchMode");
            // An unset mode is VM_WINDOWS_UPDATES's violation; reporting it twice would say nothing new.
            if (windows !== undefined && mode !== undefined && !sameText(mode, "AutomaticByPlatform")) {
                report(`${machine.at}osProfile.windowsConfiguration.patchSettings.patchMode is ${show(mode)}; `
                    + "set it to \"AutomaticByPlatform\" where the image supports it, so Azure orders patching "
                    + (machine.fleet ? "across zones (a scale set's instances also need the Application Health extension for it)."
                        : "across zones and availability sets."));
            }
        },
    }),
    resourceRule({
        name: VM_BOOT_DATA_NO_SECRETS,
        description: "osProfile.customData and userData (of a VM or a scale set's instances) carry no secrets: both are kept in state and readable on the VM.",
        // Advisory: the check is a word heuristic (see secrets.ts), and gzip-compressed data is not inspected.
        enforcementLevel: "advisory",
        types: [VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        check: (_props, args, report) => {
            const { model, at, fleet } = machineOf(args);
            for (const [path, value] of bootData(model, at)) {
                const markers = typeof value === "string" ? secretMarkers(decodedText(value)) : [];
                if (markers.length > 0) {
                    report(`${path} contains ${markers.join(", ")}; it is kept in the stack's state and readable `
                        + (fleet ? "on every instance, so fetch secrets at boot from Key Vault with the scale set's managed identity instead."
                            : "on the VM, so fetch secrets at boot from Key Vault with the VM's managed identity instead."));
                }
            }
        },
    }),
    resourceRule({
        name: VM_BOOT_DATA_NO_PASSWORD_SIGN_IN,
        description: "osProfile.customData and userData (of a VM or a scale set's instances) do not turn password sign-in on through cloud-init (ssh_pwauth, chpasswd, plain_text_passwd, PasswordAuthentication yes), and do not #include configuration from elsewhere.",
        // Mandatory: cloud-init runs after Azure applies disablePasswordAuthentication, so it undoes SSH keys only.
        enforcementLevel: "mandatory",
        types: [VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        check: (_props, args, report) => {
            const { model, at } = machineOf(args);
            for (const [path, value] of bootData(model, at)) {
                const found = typeof value === "string" ? passwordSignIn(decodedText(value)) : [];
                for (const { why, fix } of found) {
                    report(`${path} ${why}; ${fix}.`);
                }
            }
        },
    }),
];
