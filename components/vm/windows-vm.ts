/**
 * WindowsVm: a durable Windows Server VM, with a given or generated administrator password kept secret end to end.
 */
import type * as pulumi from "@pulumi/pulumi";
import { passwordCredential, windowsConfiguration } from "./os-profile-declare";
import { patchModes } from "../image/patch-plan";
import { windowsAccess } from "./guest-steps-declare";
import { PersistentVm, type OsProfile } from "./persistent-vm";
import type { WindowsVmArgs } from "./vm-args";
import { planVm, type VmPlan } from "./vm-plan";
import { requirePlan } from "../core/problems";

export const WINDOWS_VM_TYPE = "azure-persistent-vm:index:WindowsVm";

/**
 * A durable Windows Server VM: its NIC, its protected data disks, the VM, a given or generated administrator password
 * kept secret end to end and rotated in place by the access extension, and optionally a domain join.
 */
export class WindowsVm extends PersistentVm {
    /** The generated administrator password, a secret; undefined when `adminPassword` was given. */
    public readonly generatedAdminPassword: pulumi.Output<string> | undefined;

    constructor(name: string, args: WindowsVmArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = requirePlan("WindowsVm", name, planVm("windows", name, args, { adminPassword: args.adminPassword }));
        super(WINDOWS_VM_TYPE, name, plan, args, (childOptions) => windowsOsProfile(plan, args, childOptions), opts);
        this.generatedAdminPassword = this.generatedCredential;
    }
}

function windowsOsProfile(plan: VmPlan, args: WindowsVmArgs, childOptions: pulumi.CustomResourceOptions): OsProfile {
    const { password, generatedPassword } = passwordCredential(plan.credential === "generated-password", plan.resourceNames.credential, args.adminPassword, childOptions);
    return {
        osProfile: {
            computerName: plan.computerName,
            adminUsername: plan.adminUsername,
            adminPassword: password,
            allowExtensionOperations: true,
            windowsConfiguration: windowsConfiguration(patchModes("windows", plan.platformPatching)),
        },
        generatedCredential: generatedPassword,
        access: args.credentialRotation === false ? undefined : windowsAccess(plan.adminUsername, password),
    };
}
