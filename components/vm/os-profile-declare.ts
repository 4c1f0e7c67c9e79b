/**
 * What a machine boots with, for a single VM and a fleet alike: the credentials it is created with (the given ones, or
 * ones generated here as children of the component, every password and private key a secret), the OS configuration
 * they go in, its custom data and its security profile.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as azureInputs from "@pulumi/azure-native/types/input";
import * as random from "@pulumi/random";
import * as tls from "@pulumi/tls";
import { WINDOWS_AUTOMATIC_UPDATES, type PatchModes } from "../image/patch-plan";

/**
 * The generated password: 24 characters with at least two of each class (Azure needs three of four classes and
 * 12-123 characters), from a special-character set that needs no escaping in PowerShell, cmd or JSON.
 */
export const GENERATED_PASSWORD = {
    length: 24,
    minLower: 2,
    minUpper: 2,
    minNumeric: 2,
    minSpecial: 2,
    special: true,
    overrideSpecial: "!#%*()-_=+[]{}:?",
} as const;

/** The SSH public keys to authorize, and the generated private key (OpenSSH, a secret) when none were given. */
export interface SshCredential {
    readonly publicKeys: readonly pulumi.Input<string>[];
    readonly generatedPrivateKey: pulumi.Output<string> | undefined;
}

/** The given keys, or an ED25519 key pair generated as the resource `resourceName` when `generate` is set. */
export function sshCredential(
    generate: boolean,
    resourceName: string,
    given: readonly pulumi.Input<string>[] | undefined,
    childOptions: pulumi.CustomResourceOptions,
): SshCredential {
    const key = generate ? new tls.PrivateKey(resourceName, { algorithm: "ED25519" }, childOptions) : undefined;
    return {
        publicKeys: key ? [key.publicKeyOpenssh.apply((k) => k.trim())] : (given ?? []),
        generatedPrivateKey: key ? pulumi.secret(key.privateKeyOpenssh) : undefined,
    };
}

/** The administrator password, always a secret, and the same value again when it was generated here. */
export interface PasswordCredential {
    readonly password: pulumi.Output<string>;
    readonly generatedPassword: pulumi.Output<string> | undefined;
}

/** The given password, or one generated (GENERATED_PASSWORD) as the resource `resourceName` when `generate` is set. */
export function passwordCredential(
    generate: boolean,
    resourceName: string,
    given: pulumi.Input<string> | undefined,
    childOptions: pulumi.CustomResourceOptions,
): PasswordCredential {
    const generated = generate ? pulumi.secret(new random.RandomPassword(resourceName, { ...GENERATED_PASSWORD }, childOptions).result) : undefined;
    const password = generated ?? (given !== undefined ? pulumi.secret(given) : undefined);
    if (password === undefined) {
        throw new Error(`internal: no password given and none to generate for "${resourceName}"`);
    }
    return { password, generatedPassword: generated };
}

/**
 * cloud-init user data as Azure takes it: base64 of the text's UTF-8 bytes, always a secret. Custom data is where a
 * bootstrap token or a password ends up however often the docs say not to, and Azure never returns it; as a secret it
 * is encrypted in the state and redacted in every plan, whether or not the caller marked it.
 */
export function base64CustomData(customData: pulumi.Input<string> | undefined): pulumi.Output<string> | undefined {
    return customData === undefined ? undefined : pulumi.secret(pulumi.output(customData).apply((text) => Buffer.from(text, "utf8").toString("base64")));
}

/**
 * A Linux machine's OS configuration: SSH keys only (password sign-in disabled explicitly), the VM agent, patching
 * (`patchModes`, image/patch-plan.ts).
 */
export function linuxConfiguration(adminUsername: string, publicKeys: readonly pulumi.Input<string>[], patch: PatchModes): azureInputs.compute.LinuxConfigurationArgs {
    return {
        disablePasswordAuthentication: true,
        provisionVMAgent: true,
        ssh: { publicKeys: publicKeys.map((keyData) => ({ path: `/home/${adminUsername}/.ssh/authorized_keys`, keyData })) },
        patchSettings: { patchMode: patch.patchMode, assessmentMode: patch.assessmentMode },
    };
}

/**
 * A Windows machine's OS configuration: the VM agent, automatic updates, patching (`patchModes` and
 * `WINDOWS_AUTOMATIC_UPDATES`, image/patch-plan.ts: every mode sent with it is one Azure accepts).
 */
export function windowsConfiguration(patch: PatchModes): azureInputs.compute.WindowsConfigurationArgs {
    return {
        provisionVMAgent: true,
        enableAutomaticUpdates: WINDOWS_AUTOMATIC_UPDATES,
        patchSettings: { patchMode: patch.patchMode, assessmentMode: patch.assessmentMode },
    };
}

/**
 * The security profile of a VM or a fleet's instances: Trusted Launch (secure boot, vTPM) or none, the API's way of
 * saying Standard (2024-11-01 has no "Standard" value), plus encryption at host when asked (only then, so a
 * subscription without the feature is never asked for it).
 */
export function securityProfile(securityType: "TrustedLaunch" | "Standard", encryptionAtHost: boolean): azureInputs.compute.SecurityProfileArgs | undefined {
    const trustedLaunch = securityType === "TrustedLaunch"
        ? { securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } }
        : {};
    const profile = { ...trustedLaunch, ...(encryptionAtHost ? { encryptionAtHost: true } : {}) };
    return Object.keys(profile).length > 0 ? profile : undefined;
}
