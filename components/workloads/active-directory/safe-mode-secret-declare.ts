/**
 * Declares where a DomainController keeps its safe-mode password (safe-mode-secret-plan.ts decides): the vault, unless
 * the caller gave one, the secret, and the VM identity's role on that secret alone.
 *
 * Lifecycles:
 * - The vault is protected, like the backup vault: removing it is a deliberate step (`pulumi state unprotect`). Its
 *   content can be written again from the config, but its name stays reserved for 90 days once it is deleted (purge
 *   protection), and a controller rebuilt on a new VM reads the secret again. A deleted vault is recoverable for those
 *   90 days. Its name's random suffix is kept by the resource group and location (in any letter case or spacing): a
 *   vault moved to either is a new vault (Azure replaces it), which must not take the name the old one keeps while
 *   deleted.
 * - The vault's tenant comes from the VM's identity, so no provider function is called; the vault ignores it after
 *   creation (`ignoreChanges`). Otherwise a preview that rebuilds the VM, whose identity is then unknown, would show an
 *   update of the vault; a subscription's tenant changes only when the subscription moves, which needs the vault's
 *   tenant changed by hand anyway (Microsoft Learn, "Change a key vault tenant ID after a subscription move").
 * - The secret goes with its vault (`deletedWith`): deleting the vault deletes it.
 * - The role assignment is tied to the VM (`replaceWith`): a VM replaced delete-first has a new identity, so the old
 *   assignment is deleted before the VM and a new one made for the new identity, before the promotion runs on it.
 */
import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as random from "@pulumi/random";
import {
    KEY_VAULT_SECRETS_USER_ROLE, SAFE_MODE_VAULT, VAULT_NAME_SUFFIX, keyVaultName, parseKeyVaultId, roleDefinitionId, subscriptionOfId,
    type KeyVaultRef, type SafeModeSecretPlan,
} from "./safe-mode-secret-plan";

/** What the secret needs to know of the controller and its VM. */
export interface SafeModeSecretInputs {
    readonly componentName: string;
    readonly password: pulumi.Input<string>;
    /** The caller's vault, when given. */
    readonly keyVaultId: pulumi.Input<string> | undefined;
    readonly resourceGroupName: pulumi.Input<string>;
    readonly location: pulumi.Input<string>;
    readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined;
    /** The controller's subnet: the only one a created vault admits. */
    readonly subnetId: pulumi.Input<string>;
    readonly vm: {
        readonly resource: pulumi.CustomResource;
        readonly id: pulumi.Output<string>;
        readonly principalId: pulumi.Output<string>;
        readonly tenantId: pulumi.Output<string>;
    };
}

/** The declared secret: the names the promotion gets, and what it must wait for. */
export interface SafeModeSecret {
    readonly vaultName: pulumi.Output<string>;
    readonly secretName: string;
    /** The secret and the VM identity's role on it. */
    readonly dependencies: readonly pulumi.Resource[];
}

function required<T>(value: T | undefined, what: string): T {
    if (value === undefined) {
        throw new Error(what);
    }
    return value;
}

/** The caller's vault, read from its id; an id given as an Output is checked here, when it resolves. */
function givenVault(componentName: string, keyVaultId: pulumi.Input<string>): pulumi.Output<KeyVaultRef> {
    return pulumi.output(keyVaultId).apply((id) => required(parseKeyVaultId(id),
        `DomainController ${JSON.stringify(componentName)}: safeModePasswordVault.keyVaultId ${JSON.stringify(id)} is not a key vault id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>).`));
}

export function declareSafeModeSecret(plan: SafeModeSecretPlan, inputs: SafeModeSecretInputs, parent: pulumi.CustomResourceOptions): SafeModeSecret {
    let vault: keyvault.Vault | undefined;
    let location: { readonly resourceGroupName: pulumi.Input<string>; readonly vaultName: pulumi.Output<string>; readonly subscriptionId: pulumi.Output<string> };
    if (plan.vault.kind === "created") {
        const prefix = plan.vault.namePrefix;
        // Compared as Azure compares them: another spelling of the same group or region is not a move.
        const suffix = new random.RandomString(plan.resourceNames.vaultSuffix, {
            ...VAULT_NAME_SUFFIX,
            keepers: {
                resourceGroupName: pulumi.output(inputs.resourceGroupName).apply((group) => group.toLowerCase()),
                location: pulumi.output(inputs.location).apply((region) => region.toLowerCase().replace(/\s+/g, "")),
            },
        }, parent);
        const vaultName = suffix.result.apply((s) => keyVaultName(prefix, s));
        vault = new keyvault.Vault(plan.resourceNames.vault, {
            resourceGroupName: inputs.resourceGroupName,
            location: inputs.location,
            vaultName,
            properties: {
                tenantId: inputs.vm.tenantId,
                sku: SAFE_MODE_VAULT.sku,
                enableRbacAuthorization: SAFE_MODE_VAULT.enableRbacAuthorization,
                enableSoftDelete: SAFE_MODE_VAULT.enableSoftDelete,
                softDeleteRetentionInDays: SAFE_MODE_VAULT.softDeleteRetentionInDays,
                enablePurgeProtection: SAFE_MODE_VAULT.enablePurgeProtection,
                enabledForDeployment: SAFE_MODE_VAULT.enabledForDeployment,
                enabledForDiskEncryption: SAFE_MODE_VAULT.enabledForDiskEncryption,
                enabledForTemplateDeployment: SAFE_MODE_VAULT.enabledForTemplateDeployment,
                publicNetworkAccess: SAFE_MODE_VAULT.publicNetworkAccess,
                networkAcls: {
                    defaultAction: SAFE_MODE_VAULT.defaultAction,
                    bypass: SAFE_MODE_VAULT.bypass,
                    virtualNetworkRules: [{ id: inputs.subnetId }],
                    ipRules: [],
                },
            },
            tags: inputs.tags,
        }, { ...parent, protect: true, ignoreChanges: ["properties.tenantId"] });
        // The VM's subscription: the provider's, where the vault is created.
        location = {
            resourceGroupName: inputs.resourceGroupName,
            vaultName,
            subscriptionId: inputs.vm.id.apply((id) => required(subscriptionOfId(id), `internal: the VM id ${JSON.stringify(id)} names no subscription`)),
        };
    } else {
        const given = givenVault(inputs.componentName, required(inputs.keyVaultId, "internal: a given vault without its id"));
        location = { resourceGroupName: given.resourceGroupName, vaultName: given.vaultName, subscriptionId: given.subscriptionId };
    }

    const secret = new keyvault.Secret(plan.resourceNames.secret, {
        resourceGroupName: location.resourceGroupName,
        vaultName: location.vaultName,
        secretName: plan.secretName,
        properties: { value: pulumi.secret(inputs.password) },
        tags: inputs.tags,
    }, { ...parent, dependsOn: vault !== undefined ? [vault] : [], deletedWith: vault });

    const reader = new authorization.RoleAssignment(plan.resourceNames.roleAssignment, {
        scope: secret.id,
        roleDefinitionId: location.subscriptionId.apply((subscription) => roleDefinitionId(subscription, KEY_VAULT_SECRETS_USER_ROLE)),
        principalId: inputs.vm.principalId,
        principalType: "ServicePrincipal",
        description: `Lets the domain controller ${inputs.componentName} read its safe-mode password when it is promoted.`,
    }, { ...parent, replaceWith: [inputs.vm.resource] });

    return { vaultName: location.vaultName, secretName: plan.secretName, dependencies: [secret, reader] };
}
