/**
 * WindowsVm: a durable Windows Server VM, with a given or generated administrator password kept secret end to end.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { windowsAccess } from "./extensions";
import { PersistentVm, type OsProfile } from "./vm";
import type { VmArgs } from "./vm-args";
import { requirePlan, type VmPlan } from "./vm-plan";

export const WINDOWS_VM_TYPE = "azure-persistent-vm:index:WindowsVm";

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

export interface WindowsVmArgs extends VmArgs {
    /**
     * The administrator password; it is treated as a secret whether or not it arrives as one. Changing it later
     * rotates it in place through the VM access extension; the VM is not replaced.
     * @default generated (see GENERATED_PASSWORD) and exported, as a secret, in `generatedAdminPassword`
     */
    readonly adminPassword?: pulumi.Input<string>;
    /**
     * Whether the VM access extension (VMAccessAgent) carries the administrator password to the running VM, so that a
     * changed `adminPassword` rotates in place. Set it to false on a domain controller: VMAccess is not supported on
     * domain controllers (Microsoft Learn, "VMAccess Extension for Windows"), whose administrator is a domain account
     * that rotates in Active Directory. Without it, a changed `adminPassword` reaches nothing: the VM ignores it after
     * creation.
     * @default true: the access extension is declared (for a VM built from an image)
     */
    readonly credentialRotation?: boolean;
}

export class WindowsVm extends PersistentVm {
    /** The generated administrator password, a secret; undefined when `adminPassword` was given. */
    public readonly generatedAdminPassword: pulumi.Output<string> | undefined;

    constructor(name: string, args: WindowsVmArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = requirePlan("WindowsVm", "windows", name, args, { adminPassword: args.adminPassword });
        super(WINDOWS_VM_TYPE, name, plan, args, (childOptions) => windowsOsProfile(plan, args, childOptions), opts);
        this.generatedAdminPassword = this.generatedCredential;
    }
}

function windowsOsProfile(plan: VmPlan, args: WindowsVmArgs, childOptions: pulumi.CustomResourceOptions): OsProfile {
    const generated = plan.credential === "generated-password"
        ? pulumi.secret(new random.RandomPassword(plan.resourceNames.credential, { ...GENERATED_PASSWORD }, childOptions).result)
        : undefined;
    const given = args.adminPassword !== undefined ? pulumi.secret(args.adminPassword) : undefined;
    const password = generated ?? given;
    if (password === undefined) {
        throw new Error(`internal: WindowsVm planned credential "${plan.credential}" without a password`);
    }
    const patchMode = plan.platformPatching ? "AutomaticByPlatform" : "AutomaticByOS";
    return {
        osProfile: {
            computerName: plan.computerName,
            adminUsername: plan.adminUsername,
            adminPassword: password,
            allowExtensionOperations: true,
            windowsConfiguration: {
                provisionVMAgent: true,
                enableAutomaticUpdates: true,
                patchSettings: { patchMode, assessmentMode: plan.platformPatching ? "AutomaticByPlatform" : "ImageDefault" },
            },
        },
        generatedCredential: generated,
        access: args.credentialRotation === false ? undefined : windowsAccess(plan.adminUsername, password),
    };
}
