/**
 * Secrets a VM's own scripts read from Key Vault with the VM's managed identity, instead of receiving them from a Run
 * Command: Run Command puts every parameter of a Windows script, protected ones too, on the script's command line. A
 * vault (created, or the caller's), the secrets in it, and for each secret the role that lets one VM's identity read it.
 * The domain controller's safe-mode password and the SharePoint farm's passwords travel this way. Pure: names, ids, the
 * vault's settings and the checks of a caller's vault id.
 */
import { armIdRule } from "../core/arm-id-rules";
import type { Problem } from "../core/problems";

/**
 * Key Vault Secrets User: "Read secret contents" and nothing else (Microsoft Learn, "Azure built-in roles",
 * Security). Assigned on one secret, so the VM reads that secret and no other.
 */
export const KEY_VAULT_SECRETS_USER_ROLE = "4633458b-17de-408a-b874-0445c86b69e6";

/**
 * The settings of a vault a component creates. Azure RBAC rather than access policies, so that a VM's access is a role
 * assignment on one secret. Soft delete with purge protection for the longest retention Azure allows (90 days): a
 * deleted vault or secret can be recovered and cannot be purged meanwhile. The firewall denies all but the VMs'
 * subnets (virtual network rules, which need each subnet's Microsoft.KeyVault service endpoint) and Microsoft's
 * trusted services. Public network access stays enabled because a virtual network rule is a rule of the public
 * endpoint; "Disabled" would leave only private endpoints. Writing a secret is a management-plane operation
 * (Microsoft.KeyVault/vaults/secrets/write), which neither the firewall nor the vault's data roles restrict, so the
 * deployment needs no data role and no network path to the vault. No deployment or template access: nothing but the
 * VMs read it.
 */
export const GUEST_SECRET_VAULT = {
    sku: { family: "A", name: "standard" },
    enableRbacAuthorization: true,
    enableSoftDelete: true,
    softDeleteRetentionInDays: 90,
    enablePurgeProtection: true,
    enabledForDeployment: false,
    enabledForDiskEncryption: false,
    enabledForTemplateDeployment: false,
    publicNetworkAccess: "Enabled",
    defaultAction: "Deny",
    bypass: "AzureServices",
} as const;

/**
 * The random part of a created vault's name: eight lower-case letters and digits. A vault's name is global and, with
 * purge protection, stays reserved for 90 days after the vault is deleted; a name derived from the stack alone would
 * collide with another organisation's stack of the same names, and with the deleted vault when a stack is destroyed
 * and deployed again. The random value lives in the stack's state, so the name never changes while the stack lives.
 */
export const VAULT_NAME_SUFFIX = { length: 8, lower: true, upper: false, numeric: true, special: false } as const;

/** Key Vault names: 3 to 24 characters (Microsoft Learn, "Naming rules and restrictions for Azure resources"). */
export const MAX_VAULT_NAME = 24;
const MAX_VAULT_PREFIX = MAX_VAULT_NAME - VAULT_NAME_SUFFIX.length - 1;

/**
 * The readable part of a created vault's name: lower case, runs of anything but letters and digits made one hyphen,
 * starting with a letter (`fallback` when the name has none), at most 15 characters, not ending with a hyphen. Key
 * Vault names are letters, digits and hyphens, start with a letter, end with a letter or digit and hold no two hyphens
 * in a row.
 */
export function keyVaultNamePrefix(name: string, fallback: string): string {
    const words = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^[^a-z]+/, "");
    const prefix = words.slice(0, MAX_VAULT_PREFIX).replace(/-+$/, "");
    return prefix === "" ? fallback : prefix;
}

/** A created vault's name: the prefix, a hyphen and the random suffix, at most 24 characters. */
export function keyVaultName(prefix: string, suffix: string): string {
    return `${prefix}-${suffix}`;
}

/** A secret's name in a vault: `base` with anything but letters, digits and hyphens made a hyphen, then `-<role>`. */
export function vaultSecretName(base: string, role: string): string {
    return `${base.replace(/[^A-Za-z0-9-]/g, "-")}-${role}`;
}

/** Key Vault secret names: 1 to 127 letters, digits and hyphens (Microsoft Learn, "About Azure Key Vault secrets"). */
export const MAX_SECRET_NAME = 127;

/** A key vault id as a plain string must have the shape of one. */
export const checkKeyVaultId = armIdRule("key vault", "Microsoft.KeyVault/vaults/<name>");

/** A key vault's place, read from its id. */
export interface KeyVaultRef {
    readonly subscriptionId: string;
    readonly resourceGroupName: string;
    readonly vaultName: string;
}

const KEY_VAULT_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i;

/** A key vault id's subscription, resource group and name; undefined for anything else. */
export function parseKeyVaultId(id: string): KeyVaultRef | undefined {
    const match = KEY_VAULT_ID.exec(id);
    if (match === null) {
        return undefined;
    }
    const [, subscriptionId = "", resourceGroupName = "", vaultName = ""] = match;
    return { subscriptionId, resourceGroupName, vaultName };
}

/** The subscription of any resource id; undefined when it is not one. */
export function subscriptionOfId(id: string): string | undefined {
    return /^\/subscriptions\/([^/]+)\//i.exec(id)?.[1];
}

/** A built-in role's definition id in a subscription, as a role assignment names it. */
export function roleDefinitionId(subscriptionId: string, role: string): string {
    return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role}`;
}

/** The vault the secrets go in: created by the component (named from `namePrefix`), or the caller's. */
export type GuestVaultPlan =
    | { readonly kind: "created"; readonly namePrefix: string }
    | { readonly kind: "given" };

/** How a component names the caller's vault in its messages. */
export interface GivenVaultWords {
    /** The argument that holds `keyVaultId`, e.g. `safeModePasswordVault`. */
    readonly field: string;
    /** Who creates a vault when the argument is left out, e.g. `the controller`. */
    readonly creator: string;
    /** The subnet a plain-string vault id is compared with, e.g. `the controller's subnet`. */
    readonly subnet: string;
}

/**
 * The problems of a caller's vault (`{ keyVaultId }` under `words.field`): a key vault id given as a plain string must
 * be one, in the subscription of the VM's subnet (a plain string too): the secrets are written through the same
 * subscription as the VM, so a vault elsewhere would not be found.
 */
export function checkGivenVault(given: { readonly keyVaultId?: unknown } | undefined, subnetId: unknown, words: GivenVaultWords): Problem[] {
    if (given === undefined) {
        return [];
    }
    const path = `${words.field}.keyVaultId`;
    const problems: Problem[] = [];
    const id = given.keyVaultId;
    if (id === undefined || id === null) {
        problems.push({ path, message: `is missing; give the id of a key vault with Azure RBAC authorization, or remove ${words.field} to have ${words.creator} create one.` });
    }
    problems.push(...checkKeyVaultId(path, id));
    const vault = typeof id === "string" ? parseKeyVaultId(id) : undefined;
    const subnetSubscription = typeof subnetId === "string" ? subscriptionOfId(subnetId) : undefined;
    if (vault !== undefined && subnetSubscription !== undefined && vault.subscriptionId.toLowerCase() !== subnetSubscription.toLowerCase()) {
        problems.push({
            path,
            message: `is in subscription ${JSON.stringify(vault.subscriptionId)}, but ${words.subnet} is in ${JSON.stringify(subnetSubscription)}; the secret is written through the VM's subscription, so give a vault in that one.`,
        });
    }
    return problems;
}
