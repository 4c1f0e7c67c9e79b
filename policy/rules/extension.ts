/**
 * VM extensions keep secrets in protectedSettings: public settings are returned by every read of the VM and kept in
 * plain text in the stack's state and on the VM. The same holds for a scale set's extensions (resources of their
 * own, per instance, or in its model's extension profile), and for extensions nested in a VM inside a template.
 * A secret is a value under a secret-named key (adminPwd, connectionString, storageAccountKey), or a string that holds
 * one: a private key, a SAS token in a URL (fileUris), an account key, a password passed in commandToExecute.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { secretsIn } from "./secrets";
import { VIRTUAL_MACHINE_SCALE_SET, VMSS_EXTENSION, VMSS_VM_EXTENSION, VM_EXTENSION, field, items, resourceRule } from "./support";

export const EXTENSION_NO_PUBLIC_SECRETS = "apvm-extension-no-public-secrets";

export const EXTENSION_POLICIES: ResourceValidationPolicy[] = [
    resourceRule({
        name: EXTENSION_NO_PUBLIC_SECRETS,
        description: "A VM or scale set extension keeps secrets in protectedSettings, never in its public settings.",
        // Mandatory: public settings are returned by every read of the VM and kept in plain text in the stack's
        // state and on the VM; protectedSettings are encrypted and never returned.
        enforcementLevel: "mandatory",
        types: [VM_EXTENSION, VMSS_EXTENSION, VMSS_VM_EXTENSION, VIRTUAL_MACHINE_SCALE_SET],
        check: (props, args, report) => {
            const settings: [string, unknown][] = args.type !== VIRTUAL_MACHINE_SCALE_SET ? [["settings", props["settings"]]]
                : items(field(props, "virtualMachineProfile", "extensionProfile", "extensions"))
                    .map((e, i): [string, unknown] => [`virtualMachineProfile.extensionProfile.extensions[${i}].settings`, field(e, "settings")]);
            for (const [at, value] of settings) {
                for (const { path, why } of secretsIn(value, at)) {
                    report(`${path} ${why}; move it to protectedSettings, which Azure encrypts and never returns.`);
                }
            }
        },
    }),
];
