/**
 * Declares where the safe-mode password is kept: a created vault (or the caller's), the secret, and the VM identity's
 * role on that secret (vault/guest-secret-declare.ts has their lifecycles: the created vault protected, the secret
 * gone with it, the role assignment renewed with the VM). The promotion follows the secret and the role assignment:
 * without both, it could not read the password when it runs. A role assignment takes minutes to apply (Microsoft
 * Learn: up to 10), which the promotion script allows for by retrying its read; a VM rebuilt from its kept OS disk is
 * already a controller, and no promotion runs on it.
 */
import type * as pulumi from "@pulumi/pulumi";
import { declareGuestSecret, declareGuestVault, declareSecretReader } from "../../vault/guest-secret-declare";
import type { SafeModeSecretPlan } from "./safe-mode-secret-plan";

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

export function declareSafeModeSecret(plan: SafeModeSecretPlan, inputs: SafeModeSecretInputs, parent: pulumi.CustomResourceOptions): SafeModeSecret {
    const vault = declareGuestVault(plan.vault, plan.resourceNames, {
        owner: `DomainController ${JSON.stringify(inputs.componentName)}`,
        keyVaultIdPath: "safeModePasswordVault.keyVaultId",
        keyVaultId: inputs.keyVaultId,
        resourceGroupName: inputs.resourceGroupName,
        location: inputs.location,
        tags: inputs.tags,
        subnetIds: [inputs.subnetId],
        tenantId: inputs.vm.tenantId,
        vmId: inputs.vm.id,
    }, parent);
    const secret = declareGuestSecret(plan.resourceNames.secret, { secretName: plan.secretName, value: inputs.password }, vault, inputs.tags, parent);
    const reader = declareSecretReader(secret, vault, {
        resourceName: plan.resourceNames.roleAssignment,
        principalId: inputs.vm.principalId,
        vm: inputs.vm.resource,
        description: `Lets the domain controller ${inputs.componentName} read its safe-mode password when it is promoted.`,
    }, parent);
    return { vaultName: vault.vaultName, secretName: plan.secretName, dependencies: [secret, reader] };
}
