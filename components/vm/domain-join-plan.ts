/**
 * Pure planning for a Windows VM's domain join: its arguments checked against Active Directory's naming rules, then
 * the Run Command that waits until the domain answers from the VM and the join extension's plain settings.
 * Source: Microsoft Learn, "Sign in to a Windows virtual machine in Azure by using Microsoft Entra ID" (a VM with the
 * Entra login extension is Entra joined and cannot join another domain).
 */
import type { OsType } from "../core/os";
import type { Problem } from "../core/problems";
import type { DomainJoinArgs } from "./domain-join-args";
import { checkAdDomainName, checkDomainUser, checkOuPath } from "./domain-join-rules";
import { waitForDomainScript } from "./domain-join-scripts";

/** How long a VM waits for its domain to answer before the join, in minutes: the default and the range. */
export const DOMAIN_WAIT_MINUTES = { default: 30, min: 1, max: 240 } as const;
/**
 * The wait command's own timeout is longer than the script's deadline, so that the script fails with its message
 * (what was missing) before Azure stops it.
 */
export const DOMAIN_WAIT_GRACE_MINUTES = 5;

/** How a VM joins its domain: the wait command, then the join extension's plain settings. */
export interface DomainJoinPlan {
    readonly domainName: string;
    readonly user: string;
    readonly ouPath: string | undefined;
    readonly waitTimeoutMinutes: number;
    /** The Run Command that waits until the domain answers from the VM. */
    readonly wait: {
        /** Its Azure name, unique on the VM. */
        readonly runCommandName: string;
        readonly script: string;
        readonly timeoutInSeconds: number;
    };
}

/**
 * Checks a VM's `domainJoin` and plans it: every problem with it, and the plan when there are none. The password and
 * `dependsOn` are values (Inputs) the component passes on; only an empty plain password is refused.
 */
export function planDomainJoin(os: OsType, join: DomainJoinArgs | undefined, entraIdLogin: boolean): { plan: DomainJoinPlan | undefined; problems: Problem[] } {
    if (join === undefined) {
        return { plan: undefined, problems: [] };
    }
    if (os !== "windows") {
        return { plan: undefined, problems: [{ path: "domainJoin", message: "is for Windows VMs; a Linux VM joins a domain with realmd or SSSD, which this component does not configure (remove domainJoin)." }] };
    }
    const domainProblems = checkAdDomainName("domainJoin.domainName", join.domainName);
    const waitTimeoutMinutes = join.waitTimeoutMinutes ?? DOMAIN_WAIT_MINUTES.default;
    const { min, max } = DOMAIN_WAIT_MINUTES;
    const problems: Problem[] = [
        ...domainProblems,
        ...checkDomainUser("domainJoin.user", join.user),
        ...(typeof join.password === "string" && join.password.length === 0
            ? [{ path: "domainJoin.password", message: "is empty; give the joining account's password." }]
            : []),
        ...(join.ouPath !== undefined ? checkOuPath("domainJoin.ouPath", join.ouPath, domainProblems.length === 0 ? join.domainName : undefined) : []),
        ...(Number.isInteger(waitTimeoutMinutes) && waitTimeoutMinutes >= min && waitTimeoutMinutes <= max ? [] : [{
            path: "domainJoin.waitTimeoutMinutes",
            message: `${waitTimeoutMinutes} is not a whole number of minutes from ${min} to ${max} (set one, or remove it for ${DOMAIN_WAIT_MINUTES.default}).`,
        }]),
        ...(entraIdLogin ? [{
            path: "entraIdLogin",
            message: "is set with domainJoin; the Microsoft Entra login extension Entra-joins the VM, and an Entra-joined VM cannot also join an Active Directory domain (remove one of them).",
        }] : []),
    ];
    if (problems.length > 0) {
        return { plan: undefined, problems };
    }
    return {
        plan: {
            domainName: join.domainName,
            user: join.user,
            ouPath: join.ouPath,
            waitTimeoutMinutes,
            wait: {
                runCommandName: "wait-domain",
                script: waitForDomainScript({ domainName: join.domainName, timeoutMinutes: waitTimeoutMinutes }),
                timeoutInSeconds: (waitTimeoutMinutes + DOMAIN_WAIT_GRACE_MINUTES) * 60,
            },
        },
        problems: [],
    };
}
