/**
 * Declares what sharepoint-farm-plan.ts decides: the farm's vault, its secrets (generated where not given) and their
 * readers' role assignments, the SharePoint VM's read access to the media, and the configuration steps, one Run
 * Command each, in one chain.
 *
 * Order. Each step depends on the step before it, so the steps run one at a time across the three VMs in the plan's
 * order, and on the role assignments of the secrets it reads. The first step also follows the controller's
 * promotion and the SharePoint VM's last guest step (its domain join, which waited until the domain answered, so the
 * controller's restart is over); the SQL step follows the whole SQL Server VM component (its registration with the
 * SQL IaaS agent, which builds the storage pools and may restart SQL Server); the first SharePoint step follows the
 * SharePoint VM's last guest step and its access to the media.
 *
 * Lifecycles. A step is tied to its VM (`replaceWith`): Azure deletes a VM's Run Commands with it, and a VM replaced
 * under the same name would otherwise never run them again. A restart barrier runs on the controller but is tied to
 * the SharePoint VM too, so a rebuilt SharePoint VM gets its installation steps and their barriers again, in order.
 * Every script decides from what exists, so running again changes nothing that is done.
 */
import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import type * as compute from "@pulumi/azure-native/compute";
import * as random from "@pulumi/random";
import { GENERATED_PASSWORD } from "../../vm/os-profile-declare";
import { declareRunCommand } from "../../vm/guest-steps-declare";
import type { WindowsVm } from "../../vm/windows-vm";
import { declareGuestSecret, declareGuestVault, declareSecretReader, type GuestVault } from "../../vault/guest-secret-declare";
import { roleDefinitionId, subscriptionOfId } from "../../vault/guest-secret-plan";
import type { SharePointFarmArgs } from "./sharepoint-farm-args";
import type { FarmMachine, FarmSecretKey, SharePointFarmPlan, StepParameterSource } from "./sharepoint-farm-plan";

/** Storage Blob Data Reader: read blobs and nothing else (Microsoft Learn, "Azure built-in roles", Storage). */
export const STORAGE_BLOB_DATA_READER_ROLE = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";

/** A machine as the declarations need it: its WindowsVm, and where its Run Commands go. */
interface Machine {
    readonly vm: WindowsVm;
    readonly target: { readonly resourceGroupName: pulumi.Input<string>; readonly location: pulumi.Input<string>; readonly vmName: pulumi.Input<string> };
}

/** The declared secrets: the vault, the readers' role assignments by secret, and the setup account's password (a secret). */
export interface FarmSecrets {
    readonly vault: GuestVault;
    readonly readers: ReadonlyMap<FarmSecretKey, readonly pulumi.Resource[]>;
    readonly setupPassword: pulumi.Output<string>;
}

function machines(args: SharePointFarmArgs): Readonly<Record<FarmMachine, Machine>> {
    const of = (vm: WindowsVm, a: { resourceGroupName: pulumi.Input<string>; location: pulumi.Input<string> }): Machine => ({
        vm, target: { resourceGroupName: a.resourceGroupName, location: a.location, vmName: vm.vmName },
    });
    return {
        domainController: of(args.domainController.component.vm, args.domainController.args),
        sqlServer: of(args.sqlServer.component.vm, args.sqlServer.args),
        sharePointServer: of(args.sharePointServer.component, args.sharePointServer.args),
    };
}

/** The given subnets, or the controller's and the SharePoint VM's, each once (the same Output or string counts once). */
function vaultSubnets(args: SharePointFarmArgs): pulumi.Input<string>[] {
    const all = args.vault?.subnetIds ?? [args.domainController.args.subnetId, args.sharePointServer.args.subnetId];
    return all.filter((id, index) => all.indexOf(id) === index);
}

/** Declares the vault, the secrets (generating the values not given) and each reader's role on its secret. */
export function declareFarmSecrets(
    name: string,
    plan: SharePointFarmPlan,
    args: SharePointFarmArgs,
    identity: { readonly tenantId: pulumi.Output<string> },
    parent: pulumi.CustomResourceOptions,
): FarmSecrets {
    const byMachine = machines(args);
    const vault = declareGuestVault(plan.vault, plan.vaultResourceNames, {
        owner: `SharePointFarm ${JSON.stringify(name)}`,
        keyVaultIdPath: "vault.keyVaultId",
        keyVaultId: args.vault?.keyVaultId,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        tags: args.tags,
        subnetIds: vaultSubnets(args),
        tenantId: identity.tenantId,
        vmId: byMachine.sharePointServer.vm.vmId,
    }, parent);
    const passwords = args.passwords ?? {};
    const given: Record<FarmSecretKey, pulumi.Input<string> | undefined> = {
        "setup-password": passwords.setup, "farm-password": passwords.farm, "services-password": passwords.services,
        "app-pool-password": passwords.appPool, "passphrase": passwords.passphrase, "product-key": args.productKey ?? plan.trialProductKey,
    };
    const readers = new Map<FarmSecretKey, pulumi.Resource[]>();
    let setupPassword: pulumi.Output<string> | undefined;
    for (const secret of plan.secrets) {
        const value = given[secret.key] ?? (secret.generatedResourceName === undefined
            ? undefined
            : new random.RandomPassword(secret.generatedResourceName, { ...GENERATED_PASSWORD }, parent).result);
        if (value === undefined) {
            throw new Error(`internal: no value for the secret ${secret.key}`);
        }
        if (secret.key === "setup-password") {
            setupPassword = pulumi.secret(value);
        }
        const declared = declareGuestSecret(secret.resourceName, { secretName: secret.secretName, value }, vault, args.tags, parent);
        readers.set(secret.key, secret.readers.map((reader) => declareSecretReader(declared, vault, {
            resourceName: reader.resourceName,
            principalId: byMachine[reader.machine].vm.principalId,
            vm: byMachine[reader.machine].vm.virtualMachine,
            description: `Lets ${reader.machine === "domainController" ? "the domain controller" : "the SharePoint server"} of the SharePoint farm ${name} read ${secret.key.replace(/-/g, " ")}.`,
        }, parent)));
    }
    if (setupPassword === undefined) {
        throw new Error("internal: the plan has no setup password");
    }
    return { vault, readers, setupPassword };
}

/** Declares the SharePoint VM's Storage Blob Data Reader role on the media's storage account, when one is given. */
export function declareMediaReader(plan: SharePointFarmPlan, args: SharePointFarmArgs, parent: pulumi.CustomResourceOptions): pulumi.Resource | undefined {
    const account = args.installSource.storageAccountId;
    if (plan.mediaReader === undefined || account === undefined) {
        return undefined;
    }
    const vm = args.sharePointServer.component;
    return new authorization.RoleAssignment(plan.mediaReader, {
        scope: account,
        roleDefinitionId: pulumi.output(account).apply((id) => roleDefinitionId(subscriptionOfId(id) ?? "", STORAGE_BLOB_DATA_READER_ROLE)),
        principalId: vm.principalId,
        principalType: "ServicePrincipal",
        description: "Lets the SharePoint server read the SharePoint installation media.",
    }, { ...parent, replaceWith: [vm.virtualMachine] });
}

/**
 * Declares the configuration steps in the plan's order, each after the one before and after the readers of the
 * secrets it reads; returns the last.
 */
export function declareFarmSteps(
    plan: SharePointFarmPlan,
    args: SharePointFarmArgs,
    secrets: FarmSecrets,
    mediaReader: pulumi.Resource | undefined,
    tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
    parent: pulumi.CustomResourceOptions,
): pulumi.Resource {
    const byMachine = machines(args);
    const secretName = new Map(plan.secrets.map((s) => [s.key, s.secretName]));
    const value = (source: StepParameterSource): pulumi.Input<string> | undefined => {
        switch (source.kind) {
            case "vaultName": return secrets.vault.vaultName;
            case "secretName": return secretName.get(source.secret);
            case "address": return byMachine[source.machine].vm.privateIpAddress;
            case "isoUri": return args.installSource.isoUri;
            case "updateUri": return args.installSource.updates?.[source.index]?.uri;
        }
    };
    const parameter = (p: { readonly name: string; readonly source: StepParameterSource }) => {
        const v = value(p.source);
        if (v === undefined) {
            throw new Error(`internal: no value for the parameter ${p.name}`);
        }
        return { name: p.name, value: v };
    };
    const firstOn = new Map<FarmMachine, readonly pulumi.Resource[]>([
        ["domainController", [args.domainController.component.ready, args.sharePointServer.component.lastGuestStep]],
        ["sqlServer", [args.sqlServer.component]],
        ["sharePointServer", [args.sharePointServer.component.lastGuestStep, ...(mediaReader === undefined ? [] : [mediaReader])]],
    ]);
    let previous: compute.VirtualMachineRunCommandByVirtualMachine | undefined;
    for (const step of plan.steps) {
        const machine = byMachine[step.machine];
        const first = firstOn.get(step.machine) ?? [];
        firstOn.delete(step.machine);
        const tiedTo = step.barrier ? [machine.vm.virtualMachine, byMachine.sharePointServer.vm.virtualMachine] : [machine.vm.virtualMachine];
        previous = declareRunCommand(step.resourceName, {
            runCommandName: step.runCommandName,
            script: step.script,
            timeoutInSeconds: step.timeoutInSeconds,
            parameters: step.parameters.map(parameter),
        }, { ...machine.target, tags }, {
            ...parent,
            dependsOn: [...(previous === undefined ? [] : [previous]), ...first, ...step.reads.flatMap((key) => secrets.readers.get(key) ?? [])],
            replaceWith: tiedTo,
            customTimeouts: { create: step.customTimeout, update: step.customTimeout },
        });
    }
    if (previous === undefined) {
        throw new Error("internal: a farm without steps");
    }
    return previous;
}
