/**
 * Pure planning for DomainController: the forest's names, the NTDS disk, the WindowsVm's arguments and plan, where the
 * safe-mode password is kept, and the promotion Run Command, as plain data. No Azure SDK here.
 *
 * Where AD DS keeps its data follows Microsoft Learn, "Deploy AD DS in an Azure virtual network"
 * (architecture/reference-architectures/identity/adds-extend-domain): the database, logs and SYSVOL on a data disk of
 * their own, not the OS disk, with host caching None, because the data disks' default caching conflicts with what
 * AD DS requires; and a static private IP on the controller's NIC. The disk is formatted and mounted by the same
 * mechanism as every data disk (NTFS, at the folder `C:\data\ntds`), and the paths are folders on it.
 */
import type { PlanResult, Problem } from "../../core/problems";
import type { DataDiskArgs } from "../../disk/disk-args";
import { mountPoint } from "../../disk/format-plan";
import { characterClasses } from "../../vm/credential-rules";
import { checkAdDomainName, checkNetbiosName, defaultNetbiosName } from "../../vm/domain-join-rules";
import type { WindowsVmArgs } from "../../vm/vm-args";
import { planVm, type VmPlan } from "../../vm/vm-plan";
import type { DomainControllerArgs } from "./domain-controller-args";
import { ntdsPaths, promoteDomainControllerScript, type NtdsPaths } from "./domain-controller-scripts";
import { planSafeModeSecret, type SafeModeSecretPlan } from "./safe-mode-secret-plan";

/** The NTDS disk: its key (`<vm>-disk-ntds`), LUN, host caching, file system and default size. */
export const NTDS_DISK = { key: "ntds", lun: 0, caching: "None", fileSystem: "NTFS", defaultSizeGb: 32 } as const;

/** Promotion installs a role and creates a forest; an hour leaves room for a slow machine. */
export const PROMOTE_TIMEOUT_SECONDS = 3600;

export interface DomainControllerPlan {
    readonly domainName: string;
    readonly netbiosName: string;
    readonly privateIpAddress: string;
    /** The NTDS disk's mount point and the AD DS paths on it. */
    readonly ntds: NtdsPaths;
    /** The WindowsVm child's arguments and plan (checked here, before anything registers). */
    readonly windowsArgs: WindowsVmArgs;
    readonly vm: VmPlan;
    /** The Key Vault secret the promotion reads the safe-mode password from. */
    readonly safeModeSecret: SafeModeSecretPlan;
    /** The Run Command that creates the forest; its only parameters are the vault's and the secret's names. */
    readonly promote: {
        readonly resourceName: string;
        readonly runCommandName: string;
        readonly script: string;
        readonly timeoutInSeconds: number;
    };
}

/**
 * The safe-mode password, when given as a plain string: Windows' complexity rule, which the new controller's password
 * policy enforces. Messages never repeat the password.
 */
export function checkSafeModePassword(path: string, value: string): Problem[] {
    const classes = characterClasses(value);
    return value.length >= 8 && classes >= 3 ? [] : [{
        path,
        message: `[secret] is ${value.length} characters with ${classes} of the 4 character classes; the safe-mode password needs at least 8 characters and 3 of lower case, upper case, digit and symbol (choose another).`,
    }];
}

/** A WindowsVm problem on the NTDS disk, said in DomainController's own argument names. */
function ntdsDiskPath(path: string): string {
    const match = /^dataDisks\[0\](.*)$/.exec(path);
    if (match === null) {
        return path;
    }
    const rest = match[1] ?? "";
    return rest === ".sizeGb" ? "ntdsDiskSizeGb" : `ntdsDisk${rest}`;
}

/** Plans DomainController: the forest, the promotion and its WindowsVm, or every problem of both, in its own argument names. */
export function planDomainController(name: string, args: DomainControllerArgs): PlanResult<DomainControllerPlan> {
    const { domainName, netbiosName: givenNetbios, safeModePassword, safeModePasswordVault, ntdsDiskSizeGb, privateIpAddress, ...vmArgs } = args;
    const problems: Problem[] = [];
    // Typed as required, but a stack may pass its config through untyped: a controller without one is refused here.
    const address: unknown = privateIpAddress;
    if (typeof address !== "string") {
        problems.push({ path: "privateIpAddress", message: `is missing; a domain controller needs a static private IP, the address the VNet's dnsServers point at (set it, e.g. "10.42.1.4").` });
    }
    const domainProblems = checkAdDomainName("domainName", domainName);
    problems.push(...domainProblems);
    const netbiosName = givenNetbios ?? defaultNetbiosName(domainName);
    if (givenNetbios !== undefined || domainProblems.length === 0) {
        problems.push(...checkNetbiosName("netbiosName", netbiosName, givenNetbios === undefined ? domainName : undefined));
    }
    if (typeof safeModePassword === "string") {
        problems.push(...checkSafeModePassword("safeModePassword", safeModePassword));
    }

    const ntdsDisk: DataDiskArgs = {
        name: NTDS_DISK.key,
        lun: NTDS_DISK.lun,
        sizeGb: ntdsDiskSizeGb ?? NTDS_DISK.defaultSizeGb,
        caching: NTDS_DISK.caching,
        format: true,
        fileSystem: NTDS_DISK.fileSystem,
    };
    const windowsArgs: WindowsVmArgs = {
        ...vmArgs,
        privateIpAddress: typeof address === "string" ? address : undefined,
        credentialRotation: false,
        dataDisks: [ntdsDisk],
    };
    const vm = planVm("windows", name, windowsArgs, { adminPassword: args.adminPassword });
    if (!vm.ok) {
        problems.push(...vm.problems.map((p) => ({ path: ntdsDiskPath(p.path), message: p.message })));
    }
    // Named after the VM's Azure name; its problems do not depend on it.
    const safeModeSecret = planSafeModeSecret(name, vm.ok ? vm.plan.vmName : name, { safeModePasswordVault, subnetId: args.subnetId });
    problems.push(...safeModeSecret.problems);
    if (problems.length > 0 || !vm.ok || typeof address !== "string") {
        return { ok: false, problems };
    }
    const ntds = ntdsPaths(vm.plan.dataDisks[0]?.format?.mountPoint ?? mountPoint("windows", NTDS_DISK.key));
    return {
        ok: true,
        plan: {
            domainName,
            netbiosName,
            privateIpAddress: address,
            ntds,
            windowsArgs,
            vm: vm.plan,
            safeModeSecret: safeModeSecret.plan,
            promote: {
                resourceName: `${name}-promote`,
                runCommandName: "promote-dc",
                script: promoteDomainControllerScript({ domainName, netbiosName, paths: ntds }),
                timeoutInSeconds: PROMOTE_TIMEOUT_SECONDS,
            },
        },
    };
}
