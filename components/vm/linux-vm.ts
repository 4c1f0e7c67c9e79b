/**
 * LinuxVm: a durable Linux VM. SSH keys only, password sign-in disabled explicitly.
 */
import type * as pulumi from "@pulumi/pulumi";
import { base64CustomData, linuxConfiguration, sshCredential } from "./os-profile-declare";
import { patchModes } from "../image/patch-plan";
import { linuxAccess } from "./guest-steps-declare";
import { PersistentVm, type OsProfile } from "./persistent-vm";
import type { LinuxVmArgs } from "./vm-args";
import { planVm, type VmPlan } from "./vm-plan";
import { requirePlan } from "../core/problems";

export const LINUX_VM_TYPE = "azure-persistent-vm:index:LinuxVm";

/**
 * A durable Linux VM: its NIC, its protected data disks (each its own managed disk, attached and detached by LUN),
 * the VM from a catalogue, marketplace or gallery image (or rebuilt from an existing OS disk), SSH keys only with
 * password sign-in disabled explicitly, and the access extension that rotates the keys in place.
 */
export class LinuxVm extends PersistentVm {
    /** The generated private key (OpenSSH format), a secret; undefined when `sshPublicKeys` were given. */
    public readonly generatedPrivateKey: pulumi.Output<string> | undefined;

    constructor(name: string, args: LinuxVmArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = requirePlan("LinuxVm", name, planVm("linux", name, args, { sshPublicKeys: args.sshPublicKeys, customData: args.customData }));
        super(LINUX_VM_TYPE, name, plan, args, (childOptions) => linuxOsProfile(plan, args, childOptions), opts);
        this.generatedPrivateKey = this.generatedCredential;
    }
}

function linuxOsProfile(plan: VmPlan, args: LinuxVmArgs, childOptions: pulumi.CustomResourceOptions): OsProfile {
    const { publicKeys, generatedPrivateKey } = sshCredential(plan.credential === "generated-ssh-key", plan.resourceNames.credential, args.sshPublicKeys, childOptions);
    return {
        osProfile: {
            computerName: plan.computerName,
            adminUsername: plan.adminUsername,
            customData: base64CustomData(args.customData),
            allowExtensionOperations: true,
            linuxConfiguration: linuxConfiguration(plan.adminUsername, publicKeys, patchModes("linux", plan.platformPatching)),
        },
        generatedCredential: generatedPrivateKey,
        access: args.credentialRotation === false ? undefined : linuxAccess(plan.adminUsername, publicKeys),
    };
}
