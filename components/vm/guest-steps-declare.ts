/**
 * The VM extensions and Run Commands the components declare, in the order they run (`declareGuestSteps`): the access
 * extension (credential rotation), the domain join (a Run Command that waits for the domain, then the join
 * extension), the opt-in Microsoft Entra ID login and Azure Monitor agents, then each data disk's formatting.
 *
 * The access extension is how a credential change reaches a running VM without replacing it. Azure takes the
 * administrator's password and SSH keys only when it creates a VM, so the VM ignores them afterwards
 * (VM_IGNORE_CHANGES) and this extension carries them instead. It is declared with the VM and carries the current
 * credential from the start; a new password or key list changes its protected settings, and Azure runs the extension
 * again with them (a changed configuration is enough; `forceUpdateTag` is not needed).
 *
 * Every step is tied to the VM (`replaceWith: [vm]`). The VM is replaced delete-first under the same name, so a step's
 * inputs (the VM's name, its script, its settings) are the same before and after, and nothing else would make the
 * engine re-create it; yet Azure deletes a VM's extensions and Run Commands with the VM. With `replaceWith`, the
 * engine deletes each step before the VM and creates it again on the new one (pulumi/pulumi v3.259.0,
 * pkg/resource/deploy/step_generator.go:2075 `findResourcesReplacedWith` in a delete-before-replace, :1495 and :2894
 * when the step registers). Each step is safe to run again on a rebuilt VM: the access extension applies the current
 * credential, the wait only waits, the join (same user) reuses the computer account that user created, as Active
 * Directory's account-reuse rules allow its creator (Microsoft KB5020276), and a format command never formats a disk
 * that holds a partition table or a file system, it only mounts it (disk/format-scripts.ts).
 *
 * Sources: Microsoft Learn "VMAccess Extension for Linux" (virtual-machines/extensions/vmaccess-linux: publisher
 * Microsoft.OSTCExtensions, type VMAccessForLinux, version 1.5, protected `username`, `ssh_key` (ssh-rsa, ssh-ed25519 or
 * PEM) and `remove_prior_keys`) and "VMAccess Extension for Windows" (publisher Microsoft.Compute, type VMAccessAgent,
 * version 2.4, public `UserName`, protected `Password`). With `remove_prior_keys`, the Linux handler writes the given
 * text as the whole authorized_keys file (Azure/azure-linux-extensions#1761); the keys go in one value, a key a line.
 * "Sign in to a Linux VM in Azure by using Microsoft Entra ID and OpenSSH" (AADSSHLoginForLinux 1.0) and "Sign in to
 * a Windows VM in Azure by using Microsoft Entra ID" (AADLoginForWindows 2.0), publisher
 * Microsoft.Azure.ActiveDirectory; "Azure Monitor Agent: install and manage" (AzureMonitorLinuxAgent and
 * AzureMonitorWindowsAgent 1.0, publisher Microsoft.Azure.Monitor, automatic upgrade). The domain join: publisher
 * Microsoft.Compute, type JsonADDomainExtension, version 1.3, public `Name`, `User`, `OUPath`, `Restart`, `Options` and
 * protected `Password` (Azure/azure-quickstart-templates quickstarts/microsoft.compute/vm-domain-join; Options 3 is
 * NETSETUP_JOIN_DOMAIN | NETSETUP_ACCT_CREATE: join, creating the computer account).
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import type { OsType } from "../core/os";
import type { DiskFormatPlan } from "../disk/format-plan";
import type { VmArgs } from "./vm-args";
import type { VmPlan } from "./vm-plan";

/** An extension handler and the settings it runs with. */
export interface ExtensionSpec {
    readonly publisher: string;
    /** The handler's type; also the extension's name (for the access extension, the one `az vm user update` looks for). */
    readonly type: string;
    readonly typeHandlerVersion: string;
    /** Let Azure upgrade the handler to new versions on its own, where the handler supports it. */
    readonly enableAutomaticUpgrade?: boolean;
    /** Public settings: never a secret. */
    readonly settings?: Record<string, string>;
    /** Protected settings, a Pulumi secret: Azure encrypts them and never returns them. */
    readonly protectedSettings?: pulumi.Output<unknown>;
}


/**
 * Linux: the administrator's authorized keys become exactly `publicKeys`, replacing earlier ones. No password is
 * sent, so the handler leaves sshd's configuration (password sign-in disabled) as it is.
 */
export function linuxAccess(username: string, publicKeys: readonly pulumi.Input<string>[]): ExtensionSpec {
    return {
        publisher: "Microsoft.OSTCExtensions",
        type: "VMAccessForLinux",
        typeHandlerVersion: "1.5",
        protectedSettings: pulumi.secret(pulumi.all([...publicKeys]).apply((keys) => ({
            username,
            ssh_key: keys.map((key) => key.trim()).join("\n"),
            remove_prior_keys: true,
        }))),
    };
}

/**
 * Windows: the administrator's password becomes `password`. VMAccess is not supported on domain controllers (Microsoft
 * Learn, "VMAccess Extension for Windows": "Not supported on Domain Controllers"; it fails with "VMAccess Extension
 * does not support Domain Controller"): once a VM is promoted, its administrator is a domain account and rotates in
 * Active Directory, so a domain controller is declared with `credentialRotation: false`.
 */
export function windowsAccess(username: string, password: pulumi.Input<string>): ExtensionSpec {
    return {
        publisher: "Microsoft.Compute",
        type: "VMAccessAgent",
        typeHandlerVersion: "2.4",
        settings: { UserName: username },
        protectedSettings: pulumi.secret(pulumi.output(password).apply((value) => ({ Password: value }))),
    };
}

/** The domain join's plain settings; the password goes only into the protected settings. */
interface DomainJoinSettings {
    readonly domainName: string;
    readonly user: string;
    readonly ouPath: string | undefined;
}

/** Active Directory domain join: join `domainName` as `user`, creating the computer account, then restart. */
function domainJoinExtension(join: DomainJoinSettings, password: pulumi.Input<string>): ExtensionSpec {
    return {
        publisher: "Microsoft.Compute",
        type: "JsonADDomainExtension",
        typeHandlerVersion: "1.3",
        settings: {
            Name: join.domainName,
            User: join.user,
            ...(join.ouPath !== undefined ? { OUPath: join.ouPath } : {}),
            Restart: "true",
            Options: "3",
        },
        protectedSettings: pulumi.secret(pulumi.output(password).apply((value) => ({ Password: value }))),
    };
}

/** Microsoft Entra ID sign-in: SSH with Entra identities on Linux, RDP on Windows. */
const ENTRA_LOGIN: Readonly<Record<OsType, ExtensionSpec>> = {
    linux: { publisher: "Microsoft.Azure.ActiveDirectory", type: "AADSSHLoginForLinux", typeHandlerVersion: "1.0" },
    windows: { publisher: "Microsoft.Azure.ActiveDirectory", type: "AADLoginForWindows", typeHandlerVersion: "2.0" },
};

/** The Azure Monitor agent; it sends what data collection rules associated with the VM ask for. */
const AZURE_MONITOR_AGENT: Readonly<Record<OsType, ExtensionSpec>> = {
    linux: { publisher: "Microsoft.Azure.Monitor", type: "AzureMonitorLinuxAgent", typeHandlerVersion: "1.0", enableAutomaticUpgrade: true },
    windows: { publisher: "Microsoft.Azure.Monitor", type: "AzureMonitorWindowsAgent", typeHandlerVersion: "1.0", enableAutomaticUpgrade: true },
};

/** What an extension or a Run Command needs to know of its VM. */
export interface ExtensionTarget {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly location: pulumi.Input<string>;
    /** The VM's name as an output of the VM, so that a step is declared only once the VM exists. */
    readonly vmName: pulumi.Input<string>;
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Declares an extension on a VM, named in Azure after its handler's type. */
function declareExtension(
    resourceName: string,
    spec: ExtensionSpec,
    target: ExtensionTarget,
    options: pulumi.CustomResourceOptions,
): compute.VirtualMachineExtension {
    return new compute.VirtualMachineExtension(resourceName, {
        ...target,
        vmExtensionName: spec.type,
        publisher: spec.publisher,
        type: spec.type,
        typeHandlerVersion: spec.typeHandlerVersion,
        autoUpgradeMinorVersion: true,
        enableAutomaticUpgrade: spec.enableAutomaticUpgrade,
        settings: spec.settings,
        protectedSettings: spec.protectedSettings,
    }, options);
}

/** A managed Run Command: a PowerShell or bash script and what it needs to run. */
export interface RunCommandSpec {
    /** The Run Command's Azure name, unique on its VM. */
    readonly runCommandName: string;
    readonly script: string;
    readonly timeoutInSeconds: number;
    /**
     * Plain parameters of the script, never a secret. There are no protected ones on purpose: on Windows, Run Command
     * passes every parameter, protected or not, on the script's command line (`script.ps1 -Name value`, Microsoft Learn
     * "Run scripts in your Windows VM by using managed Run Commands"), where any process on the VM can read it. A
     * script that needs a secret reads it itself (the domain controller's promotion reads Key Vault), or an extension
     * that takes protected settings carries it.
     */
    readonly parameters?: readonly { readonly name: string; readonly value: pulumi.Input<string> }[];
}

/**
 * Declares a managed Run Command that runs its script once, waits for it (not async) and fails the deployment when
 * the script fails, so that what follows it runs only after it succeeded.
 */
export function declareRunCommand(
    resourceName: string,
    spec: RunCommandSpec,
    target: ExtensionTarget,
    options: pulumi.CustomResourceOptions,
): compute.VirtualMachineRunCommandByVirtualMachine {
    return new compute.VirtualMachineRunCommandByVirtualMachine(resourceName, {
        ...target,
        runCommandName: spec.runCommandName,
        source: { script: spec.script },
        parameters: spec.parameters?.map((p) => ({ name: p.name, value: p.value })),
        asyncExecution: false,
        treatFailureAsDeploymentFailure: true,
        timeoutInSeconds: spec.timeoutInSeconds,
    }, options);
}

/**
 * The VM's guest steps, one after the other (the disks are attached with the VM): the access extension, the domain
 * join (a Run Command that waits until the domain answers, then the join extension, which restarts the VM), the Entra
 * ID login and Azure Monitor agents, then each disk's formatting, by LUN; each tied to the VM (`replaceWith`), so a
 * replaced VM gets them all again. Returns the last step, or the VM when there is none.
 */
export function declareGuestSteps(
    plan: VmPlan,
    args: Pick<VmArgs, "domainJoin" | "entraIdLogin" | "azureMonitor">,
    access: ExtensionSpec | undefined,
    vm: compute.VirtualMachine,
    target: ExtensionTarget,
    parent: pulumi.CustomResourceOptions,
): pulumi.Resource {
    const tied = { ...parent, replaceWith: [vm] };
    let previous: pulumi.Resource = access === undefined
        ? vm
        : declareExtension(plan.resourceNames.access, access, target, { ...tied, dependsOn: [vm] });
    if (plan.domainJoin !== undefined && args.domainJoin !== undefined) {
        // The wait also follows what the caller names (a controller's promotion); the join follows only the wait,
        // which succeeds once the domain answers from this VM, after that controller's restart.
        const wait = declareRunCommand(plan.resourceNames.waitDomain, plan.domainJoin.wait, target, {
            ...tied,
            dependsOn: [previous, ...(args.domainJoin.dependsOn ?? [])],
        });
        previous = declareExtension(plan.resourceNames.domainJoin, domainJoinExtension(plan.domainJoin, args.domainJoin.password), target, { ...tied, dependsOn: [wait] });
    }
    const extensions = [
        { name: plan.resourceNames.entraLogin, spec: args.entraIdLogin === true ? ENTRA_LOGIN[plan.os] : undefined },
        { name: plan.resourceNames.monitorAgent, spec: args.azureMonitor !== undefined ? AZURE_MONITOR_AGENT[plan.os] : undefined },
    ];
    for (const { name, spec } of extensions) {
        if (spec !== undefined) {
            previous = declareExtension(name, spec, target, { ...tied, dependsOn: [previous] });
        }
    }
    for (const disk of [...plan.dataDisks].sort((a, b) => a.lun - b.lun)) {
        if (disk.format !== undefined) {
            previous = declareDiskFormat(disk.format, target, { ...tied, dependsOn: [previous] });
        }
    }
    return previous;
}

/**
 * Declares the Run Command that makes one data disk ready in the guest (formatted only if blank, then mounted). It
 * fails the deployment when the script fails, and gives the script 15 minutes: it waits up to 5 for the disk to appear.
 */
function declareDiskFormat(format: DiskFormatPlan, target: ExtensionTarget, options: pulumi.CustomResourceOptions): compute.VirtualMachineRunCommandByVirtualMachine {
    return declareRunCommand(format.resourceName, { runCommandName: format.runCommandName, script: format.script, timeoutInSeconds: 900 }, target, options);
}
