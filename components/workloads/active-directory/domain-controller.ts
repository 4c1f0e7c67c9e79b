/**
 * DomainController: the first domain controller of a new Active Directory forest, on a durable WindowsVm. Domain
 * members are WindowsVms with `domainJoin`, which wait until the domain answers before they join.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import { requirePlan } from "../../core/problems";
import { declareRunCommand } from "../../vm/guest-steps-declare";
import { WindowsVm } from "../../vm/windows-vm";
import type { DomainControllerArgs } from "./domain-controller-args";
import { planDomainController } from "./domain-controller-plan";
import { PROMOTE_PARAMETERS } from "./domain-controller-scripts";
import { declareSafeModeSecret } from "./safe-mode-secret-declare";

export const DOMAIN_CONTROLLER_TYPE = "azure-persistent-vm:index:DomainController";

/**
 * A domain controller. Its children: a WindowsVm of the same name (so the VM, NIC and disks keep the WindowsVm's
 * names, `<name>-vm`, `<name>-disk-ntds`, ...) with the static private IP, no access extension (VMAccess is not
 * supported on domain controllers) and the NTDS disk (LUN 0, host caching None, NTFS, mounted at `C:\data\ntds`,
 * protected like every data disk); and the promotion Run Command `<name>-promote`, after the VM's last guest step
 * (the NTDS disk's formatting), which creates the forest with DNS, its database, logs and SYSVOL on that disk.
 *
 * Promotion happens once: the script returns at once on a machine that already is a domain controller, so re-running
 * it, or rebuilding the VM from its kept OS disk (`osDisk.source`) with its NTDS disk, never promotes again; and it
 * refuses a machine that is not a controller whose NTDS disk already holds a database (a VM rebuilt from a new OS
 * disk), rather than making a new forest over it.
 *
 * So the promotion is tied to the VM (`replaceWith`) and runs again on every new VM: on a VM rebuilt from its kept OS
 * disk it finds a controller and does nothing; on a VM rebuilt from a fresh image over the kept NTDS disk it finds
 * the database, changes nothing and fails the deployment, saying to rebuild from the kept OS disk. Untied, that VM
 * would come up as a plain server and the stack would still record a promoted controller.
 *
 * The safe-mode password never reaches the VM through the Run Command: on Windows, Run Command passes parameters,
 * protected ones too, on the script's command line. It is a Key Vault secret (`<name>-safe-mode-password`, in the
 * protected vault `<name>-vault` unless `safeModePasswordVault` names one) that only the VM's identity may read
 * (`<name>-safe-mode-reader`, Key Vault Secrets User on that secret); the promotion follows both and reads it with
 * the VM's managed identity (safe-mode-secret-declare.ts has their lifecycles).
 */
export class DomainController extends pulumi.ComponentResource {
    /** The WindowsVm child: its disks, NIC, identity and outputs. */
    public readonly vm: WindowsVm;
    /**
     * The promotion Run Command. When it has succeeded, the forest was created and the machine's restart scheduled;
     * AD DS does not answer yet, only after that restart. So it is something to order after, not proof that the
     * domain works: a member's `domainJoin` depends on it and then waits, with its own Run Command, until the domain
     * answers from the member.
     */
    public readonly ready: pulumi.Resource;
    /** The controller's static private IP: the VNet's DNS server. */
    public readonly privateIpAddress: pulumi.Output<string>;
    /** The forest's DNS name. */
    public readonly domainName: pulumi.Output<string>;
    /** The forest's NetBIOS name (`CORP` in `CORP\joiner`). */
    public readonly netbiosName: pulumi.Output<string>;
    /** The VM's Azure resource id. */
    public readonly vmId: pulumi.Output<string>;
    /** The generated administrator password, a secret; undefined when `adminPassword` was given. */
    public readonly generatedAdminPassword: pulumi.Output<string> | undefined;
    /** The name of the key vault that holds the safe-mode password (created, or the one `safeModePasswordVault` names). */
    public readonly safeModePasswordVaultName: pulumi.Output<string>;

    constructor(name: string, args: DomainControllerArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = requirePlan("DomainController", name, planDomainController(name, args));
        super(DOMAIN_CONTROLLER_TYPE, name, {}, opts);

        // Same name, different type: allowed (URNs carry the type), and it keeps the Azure names of a plain WindowsVm.
        this.vm = new WindowsVm(name, plan.windowsArgs, { parent: this });

        const safeModeSecret = declareSafeModeSecret(plan.safeModeSecret, {
            componentName: name,
            password: args.safeModePassword,
            keyVaultId: args.safeModePasswordVault?.keyVaultId,
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            tags: args.tags,
            subnetId: args.subnetId,
            vm: { resource: this.vm.virtualMachine, id: this.vm.vmId, principalId: this.vm.principalId, tenantId: identityTenant(this.vm.virtualMachine) },
        }, { parent: this });
        this.ready = declareRunCommand(plan.promote.resourceName, {
            runCommandName: plan.promote.runCommandName,
            script: plan.promote.script,
            timeoutInSeconds: plan.promote.timeoutInSeconds,
            parameters: [
                { name: PROMOTE_PARAMETERS.keyVaultName, value: safeModeSecret.vaultName },
                { name: PROMOTE_PARAMETERS.secretName, value: safeModeSecret.secretName },
            ],
        }, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            tags: args.tags,
            vmName: this.vm.vmName,
        }, { parent: this, dependsOn: [this.vm.lastGuestStep, ...safeModeSecret.dependencies], replaceWith: [this.vm.virtualMachine] });

        this.privateIpAddress = pulumi.output(plan.privateIpAddress);
        this.domainName = pulumi.output(plan.domainName);
        this.netbiosName = pulumi.output(plan.netbiosName);
        this.vmId = this.vm.vmId;
        this.generatedAdminPassword = this.vm.generatedAdminPassword;
        this.safeModePasswordVaultName = safeModeSecret.vaultName;
        this.registerOutputs({
            privateIpAddress: this.privateIpAddress,
            domainName: this.domainName,
            netbiosName: this.netbiosName,
            vmId: this.vmId,
            generatedAdminPassword: this.generatedAdminPassword,
            safeModePasswordVaultName: this.safeModePasswordVaultName,
        });
    }
}

/** The tenant of the VM's system-assigned identity: the tenant the vault trusts, read without a provider function. */
function identityTenant(vm: pulumi.CustomResource): pulumi.Output<string> {
    // PersistentVm declares a compute.VirtualMachine; the check narrows its type without a cast.
    if (!(vm instanceof compute.VirtualMachine)) {
        throw new Error("internal: a WindowsVm's virtualMachine is not a compute.VirtualMachine");
    }
    return vm.identity.apply((identity) => identity?.tenantId ?? "");
}
