/**
 * Declares the vault, the secrets and the readers' role assignments that guest-secret-plan.ts decides.
 *
 * Lifecycles. A created vault is protected (`protect`), like the backup vault: removing its component, or `pulumi
 * destroy`, stops at it until it is unprotected, and once deleted it stays recoverable for 90 days (purge
 * protection). Its tenant is the tenant of the first VM's identity; Azure takes a vault's tenant at creation, so a
 * later change is ignored (`ignoreChanges`). A secret is not protected: it goes with the created vault
 * (`deletedWith`), and in a given vault it is deleted with its component. A reader (the role assignment) is tied to
 * its VM (`replaceWith`): the VM is replaced delete-first under the same name and a new VM has a new identity, so the
 * engine deletes the assignment before the VM and creates it again for the new identity.
 */
import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as random from "@pulumi/random";
import {
    GUEST_SECRET_VAULT, KEY_VAULT_SECRETS_USER_ROLE, VAULT_NAME_SUFFIX, keyVaultName, parseKeyVaultId, roleDefinitionId, subscriptionOfId,
    type GuestVaultPlan,
} from "./guest-secret-plan";

/** Where a component's vault comes from, and what it must know to create one. */
export interface GuestVaultInputs {
    /** `DomainController "dc01"`: how an id that resolves to something else than a vault is reported. */
    readonly owner: string;
    /** The argument a caller's vault id comes from, e.g. `safeModePasswordVault.keyVaultId`. */
    readonly keyVaultIdPath: string;
    /** The caller's vault, when given. */
    readonly keyVaultId: pulumi.Input<string> | undefined;
    readonly resourceGroupName: pulumi.Input<string>;
    readonly location: pulumi.Input<string>;
    readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined;
    /** The subnets a created vault admits, one virtual network rule each. */
    readonly subnetIds: readonly pulumi.Input<string>[];
    /** The tenant a created vault trusts: the VMs' identities' tenant. */
    readonly tenantId: pulumi.Output<string>;
    /** A VM's resource id: its subscription is where a created vault lives. */
    readonly vmId: pulumi.Output<string>;
}

/** The names a vault's resources get. */
export interface GuestVaultResourceNames {
    /** The random suffix of a created vault's name. */
    readonly vaultSuffix: string;
    readonly vault: string;
}

/** A declared vault: where secrets go, and the vault resource when the component created it. */
export interface GuestVault {
    readonly vault: keyvault.Vault | undefined;
    readonly resourceGroupName: pulumi.Input<string>;
    readonly vaultName: pulumi.Output<string>;
    readonly subscriptionId: pulumi.Output<string>;
}

function required<T>(value: T | undefined, what: string): T {
    if (value === undefined) {
        throw new Error(what);
    }
    return value;
}

/** Declares a created vault (with its name's random suffix), or reads the caller's from its id. */
export function declareGuestVault(plan: GuestVaultPlan, names: GuestVaultResourceNames, inputs: GuestVaultInputs, parent: pulumi.CustomResourceOptions): GuestVault {
    if (plan.kind === "given") {
        // An id given as an Output is checked here, when it resolves.
        const given = pulumi.output(required(inputs.keyVaultId, "internal: a given vault without its id")).apply((id) => required(parseKeyVaultId(id),
            `${inputs.owner}: ${inputs.keyVaultIdPath} ${JSON.stringify(id)} is not a key vault id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>).`));
        return { vault: undefined, resourceGroupName: given.resourceGroupName, vaultName: given.vaultName, subscriptionId: given.subscriptionId };
    }
    const prefix = plan.namePrefix;
    // Compared as Azure compares them: another spelling of the same group or region is not a move.
    const suffix = new random.RandomString(names.vaultSuffix, {
        ...VAULT_NAME_SUFFIX,
        keepers: {
            resourceGroupName: pulumi.output(inputs.resourceGroupName).apply((group) => group.toLowerCase()),
            location: pulumi.output(inputs.location).apply((region) => region.toLowerCase().replace(/\s+/g, "")),
        },
    }, parent);
    const vaultName = suffix.result.apply((s) => keyVaultName(prefix, s));
    const vault = new keyvault.Vault(names.vault, {
        resourceGroupName: inputs.resourceGroupName,
        location: inputs.location,
        vaultName,
        properties: {
            tenantId: inputs.tenantId,
            sku: GUEST_SECRET_VAULT.sku,
            enableRbacAuthorization: GUEST_SECRET_VAULT.enableRbacAuthorization,
            enableSoftDelete: GUEST_SECRET_VAULT.enableSoftDelete,
            softDeleteRetentionInDays: GUEST_SECRET_VAULT.softDeleteRetentionInDays,
            enablePurgeProtection: GUEST_SECRET_VAULT.enablePurgeProtection,
            enabledForDeployment: GUEST_SECRET_VAULT.enabledForDeployment,
            enabledForDiskEncryption: GUEST_SECRET_VAULT.enabledForDiskEncryption,
            enabledForTemplateDeployment: GUEST_SECRET_VAULT.enabledForTemplateDeployment,
            publicNetworkAccess: GUEST_SECRET_VAULT.publicNetworkAccess,
            networkAcls: {
                defaultAction: GUEST_SECRET_VAULT.defaultAction,
                bypass: GUEST_SECRET_VAULT.bypass,
                virtualNetworkRules: inputs.subnetIds.map((id) => ({ id })),
                ipRules: [],
            },
        },
        tags: inputs.tags,
    }, { ...parent, protect: true, ignoreChanges: ["properties.tenantId"] });
    return {
        vault,
        resourceGroupName: inputs.resourceGroupName,
        vaultName,
        // The VM's subscription: the provider's, where the vault is created.
        subscriptionId: inputs.vmId.apply((id) => required(subscriptionOfId(id), `internal: the VM id ${JSON.stringify(id)} names no subscription`)),
    };
}

/** Declares one secret in a vault, its value a Pulumi secret. */
export function declareGuestSecret(
    resourceName: string,
    secret: { readonly secretName: string; readonly value: pulumi.Input<string> },
    vault: GuestVault,
    tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
    parent: pulumi.CustomResourceOptions,
): keyvault.Secret {
    return new keyvault.Secret(resourceName, {
        resourceGroupName: vault.resourceGroupName,
        vaultName: vault.vaultName,
        secretName: secret.secretName,
        properties: { value: pulumi.secret(secret.value) },
        tags,
    }, { ...parent, dependsOn: vault.vault !== undefined ? [vault.vault] : [], deletedWith: vault.vault });
}

/** One VM that reads a secret: its identity, the VM (the assignment is renewed with it) and why it reads. */
export interface SecretReader {
    readonly resourceName: string;
    readonly principalId: pulumi.Output<string>;
    readonly vm: pulumi.CustomResource;
    readonly description: string;
}

/** Gives a VM's system-assigned identity Key Vault Secrets User on one secret, renewed with the VM. */
export function declareSecretReader(secret: keyvault.Secret, vault: GuestVault, reader: SecretReader, parent: pulumi.CustomResourceOptions): authorization.RoleAssignment {
    return new authorization.RoleAssignment(reader.resourceName, {
        scope: secret.id,
        roleDefinitionId: vault.subscriptionId.apply((subscription) => roleDefinitionId(subscription, KEY_VAULT_SECRETS_USER_ROLE)),
        principalId: reader.principalId,
        principalType: "ServicePrincipal",
        description: reader.description,
    }, { ...parent, replaceWith: [reader.vm] });
}
