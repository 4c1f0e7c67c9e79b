/**
 * LinuxScaleSet: a fleet of Linux VMs as one Flexible scale set. SSH keys only, password sign-in disabled explicitly.
 */
import type * as pulumi from "@pulumi/pulumi";
import { requirePlan } from "../core/problems";
import { base64CustomData, linuxConfiguration, sshCredential } from "../vm/os-profile-declare";
import { PersistentScaleSet } from "./persistent-scale-set";
import type { LinuxScaleSetArgs } from "./scale-set-args";
import { planScaleSet } from "./scale-set-plan";

export const LINUX_SCALE_SET_TYPE = "azure-persistent-vm:index:LinuxScaleSet";

/** A fleet of Linux VMs: SSH keys only, password sign-in disabled explicitly. */
export class LinuxScaleSet extends PersistentScaleSet {
    /** The generated private key (OpenSSH format), a secret; undefined when `sshPublicKeys` were given. */
    public readonly generatedPrivateKey: pulumi.Output<string> | undefined;

    constructor(name: string, args: LinuxScaleSetArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = requirePlan("LinuxScaleSet", name, planScaleSet("linux", name, args, { sshPublicKeys: args.sshPublicKeys, customData: args.customData }));
        super(LINUX_SCALE_SET_TYPE, name, plan, args, (childOptions) => {
            const { publicKeys, generatedPrivateKey } = sshCredential(plan.credential === "generated-ssh-key", plan.resourceNames.credential, args.sshPublicKeys, childOptions);
            return {
                osProfile: {
                    computerNamePrefix: plan.computerNamePrefix,
                    adminUsername: plan.adminUsername,
                    customData: base64CustomData(args.customData),
                    allowExtensionOperations: true,
                    linuxConfiguration: linuxConfiguration(plan.adminUsername, publicKeys, plan),
                },
                generatedCredential: generatedPrivateKey,
            };
        }, opts);
        this.generatedPrivateKey = this.generatedCredential;
    }
}
