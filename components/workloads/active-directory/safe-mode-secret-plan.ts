/**
 * Where a DomainController keeps the safe-mode (DSRM) password for its promotion to read: a Key Vault secret, in a
 * vault the component creates or one the caller gives, that only the controller's VM identity may read. The
 * promotion's Run Command then carries the vault's and the secret's names, never the password: Run Command puts every
 * parameter of a Windows script, protected ones too, on the script's command line. The vault, its settings and the
 * checks of the caller's vault id are the library's guest secrets (vault/guest-secret-plan.ts); this file names the
 * controller's. Pure.
 */
import type { Problem } from "../../core/problems";
import { checkGivenVault, keyVaultNamePrefix, vaultSecretName, type GuestVaultPlan } from "../../vault/guest-secret-plan";

/** The readable part of a created vault's name, from the VM's name (`dc` when the name has no letter to start with). */
export function vaultNamePrefix(vmName: string): string {
    return keyVaultNamePrefix(vmName, "dc");
}

/** The secret's name in the vault: the VM's name, anything but letters, digits and hyphens made a hyphen, then `-safe-mode-password`. */
export function safeModeSecretName(vmName: string): string {
    return vaultSecretName(vmName, "safe-mode-password");
}

/** Where the safe-mode password goes, and the resources that put it there. */
export interface SafeModeSecretPlan {
    /** The secret's name in the vault. */
    readonly secretName: string;
    readonly vault: GuestVaultPlan;
    readonly resourceNames: {
        /** The random suffix of a created vault's name. */
        readonly vaultSuffix: string;
        readonly vault: string;
        readonly secret: string;
        /** The VM identity's role on the secret. */
        readonly roleAssignment: string;
    };
}

/**
 * The safe-mode secret's plan, and the problems of `safeModePasswordVault`: a key vault id given as a plain string
 * must be one, in the subscription of the controller's subnet (a plain string too), which is the VM's: the secret is
 * written through the same subscription as the VM, so a vault elsewhere would not be found.
 */
export function planSafeModeSecret(
    name: string,
    vmName: string,
    args: { readonly safeModePasswordVault?: { readonly keyVaultId?: unknown }; readonly subnetId?: unknown },
): { readonly plan: SafeModeSecretPlan; readonly problems: Problem[] } {
    const given = args.safeModePasswordVault;
    return {
        problems: checkGivenVault(given, args.subnetId, { field: "safeModePasswordVault", creator: "the controller", subnet: "the controller's subnet" }),
        plan: {
            secretName: safeModeSecretName(vmName),
            vault: given === undefined ? { kind: "created", namePrefix: vaultNamePrefix(vmName) } : { kind: "given" },
            resourceNames: {
                vaultSuffix: `${name}-vault-suffix`,
                vault: `${name}-vault`,
                secret: `${name}-safe-mode-password`,
                roleAssignment: `${name}-safe-mode-reader`,
            },
        },
    };
}
