/**
 * VM extensions keep secrets in protectedSettings: public settings are returned by every read of the VM and kept in
 * plain text in the stack's state and on the VM. The same holds for a scale set's extensions, as resources of their
 * own or in its model's extension profile.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { holdsPrivateKey, isSecretKey } from "./secrets";
import { VIRTUAL_MACHINE_SCALE_SET, VMSS_EXTENSION, VM_EXTENSION, field, items, resourceRule } from "./support";

export const EXTENSION_NO_PUBLIC_SECRETS = "apvm-extension-no-public-secrets";

/**
 * Every place in a settings object that looks secret, with why: a value under a secret-named key, or a PEM private
 * key anywhere. The value itself is never put in a message.
 */
function secretsIn(value: unknown, path: string): { path: string; why: string }[] {
    if (typeof value === "string") {
        return holdsPrivateKey(value) ? [{ path, why: "holds a private key" }] : [];
    }
    if (value === null || typeof value !== "object") {
        return [];
    }
    return Object.entries(value).flatMap(([key, v]) => {
        const at = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
        const filled = v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);
        return !Array.isArray(value) && isSecretKey(key) && filled
            ? [{ path: at, why: "has a value under a key that names a secret" }]
            : secretsIn(v, at);
    });
}

export const EXTENSION_POLICIES: ResourceValidationPolicy[] = [
    resourceRule({
        name: EXTENSION_NO_PUBLIC_SECRETS,
        description: "A VM or scale set extension keeps secrets in protectedSettings, never in its public settings.",
        // Mandatory: public settings are returned by every read of the VM and kept in plain text in the stack's
        // state and on the VM; protectedSettings are encrypted and never returned.
        enforcementLevel: "mandatory",
        types: [VM_EXTENSION, VMSS_EXTENSION, VIRTUAL_MACHINE_SCALE_SET],
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
