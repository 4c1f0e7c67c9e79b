/**
 * WindowsScaleSet: a fleet of Windows Server VMs as one Flexible scale set, with a given or generated administrator
 * password kept secret end to end.
 */
import type * as pulumi from "@pulumi/pulumi";
import { requirePlan } from "../core/problems";
import { passwordCredential, windowsConfiguration } from "../vm/os-profile-declare";
import { PersistentScaleSet } from "./persistent-scale-set";
import type { WindowsScaleSetArgs } from "./scale-set-args";
import { planScaleSet } from "./scale-set-plan";

export const WINDOWS_SCALE_SET_TYPE = "azure-persistent-vm:index:WindowsScaleSet";

/** A fleet of Windows Server VMs, with a given or generated administrator password kept secret end to end. */
export class WindowsScaleSet extends PersistentScaleSet {
    /** The generated administrator password, a secret; undefined when `adminPassword` was given. */
    public readonly generatedAdminPassword: pulumi.Output<string> | undefined;

    constructor(name: string, args: WindowsScaleSetArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = requirePlan("WindowsScaleSet", name, planScaleSet("windows", name, args, { adminPassword: args.adminPassword }));
        super(WINDOWS_SCALE_SET_TYPE, name, plan, args, (childOptions) => {
            const { password, generatedPassword } = passwordCredential(plan.credential === "generated-password", plan.resourceNames.credential, args.adminPassword, childOptions);
            return {
                osProfile: {
                    computerNamePrefix: plan.computerNamePrefix,
                    adminUsername: plan.adminUsername,
                    adminPassword: password,
                    allowExtensionOperations: true,
                    windowsConfiguration: windowsConfiguration(plan),
                },
                generatedCredential: generatedPassword,
            };
        }, opts);
        this.generatedAdminPassword = this.generatedCredential;
    }
}
