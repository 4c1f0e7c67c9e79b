/**
 * LinuxVm: a durable Linux VM. SSH keys only, password sign-in disabled explicitly.
 */
import type * as pulumi from "@pulumi/pulumi";
import { base64CustomData, linuxConfiguration, sshCredential } from "./os-profile-declare";
import { linuxAccess } from "./guest-steps-declare";
import { PersistentVm, type OsProfile } from "./persistent-vm";
import type { VmArgs } from "./vm-args";
import { requirePlan, type VmPlan } from "./vm-plan";

export const LINUX_VM_TYPE = "azure-persistent-vm:index:LinuxVm";

export interface LinuxVmArgs extends VmArgs {
    /**
     * OpenSSH public keys (`ssh-ed25519 ...` or `ssh-rsa ...`) authorized for the administrator. Changing them later
     * rotates them in place: the VM access extension makes them the administrator's only authorized keys, and the VM
     * is not replaced (unless `credentialRotation` is false: then a change reaches nothing).
     * @default none given: an ED25519 key pair is generated and its private key exported, as a secret, in
     * `generatedPrivateKey`
     */
    readonly sshPublicKeys?: readonly pulumi.Input<string>[];
    /**
     * cloud-init user data, as plain text; the component base64-encodes it. Changing it replaces the VM, because
     * Azure applies custom data only at creation. Keep secrets out of it.
     * @default none
     */
    readonly customData?: pulumi.Input<string>;
}

export class LinuxVm extends PersistentVm {
    /** The generated private key (OpenSSH format), a secret; undefined when `sshPublicKeys` were given. */
    public readonly generatedPrivateKey: pulumi.Output<string> | undefined;

    constructor(name: string, args: LinuxVmArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = requirePlan("LinuxVm", "linux", name, args, { sshPublicKeys: args.sshPublicKeys, customData: args.customData });
        super(LINUX_VM_TYPE, name, plan, args, (childOptions) => linuxOsProfile(plan, args, childOptions), opts);
        this.generatedPrivateKey = this.generatedCredential;
    }
}

function linuxOsProfile(plan: VmPlan, args: LinuxVmArgs, childOptions: pulumi.CustomResourceOptions): OsProfile {
    const { publicKeys, generatedPrivateKey } = sshCredential(plan.credential === "generated-ssh-key", plan.resourceNames.credential, args.sshPublicKeys, childOptions);
    const patchMode = plan.platformPatching ? "AutomaticByPlatform" : "ImageDefault";
    return {
        osProfile: {
            computerName: plan.computerName,
            adminUsername: plan.adminUsername,
            customData: base64CustomData(args.customData),
            allowExtensionOperations: true,
            linuxConfiguration: linuxConfiguration(plan.adminUsername, publicKeys, { patchMode, assessmentMode: patchMode }),
        },
        generatedCredential: generatedPrivateKey,
        access: args.credentialRotation === false ? undefined : linuxAccess(plan.adminUsername, publicKeys),
    };
}
