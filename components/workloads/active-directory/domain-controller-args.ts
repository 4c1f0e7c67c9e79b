/**
 * DomainController's arguments: the WindowsVm's, minus what a domain controller decides (its data disks, credential
 * rotation, domain join, Entra ID login and public IP), plus the forest's names and the safe-mode password.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { WindowsVmArgs } from "../../vm/vm-args";

/** DomainController's arguments: a WindowsVm's, without what a domain controller decides, plus the forest's. */
export interface DomainControllerArgs extends Omit<WindowsVmArgs, "dataDisks" | "privateIpAddress" | "credentialRotation" | "domainJoin" | "entraIdLogin" | "publicIp"> {
    /**
     * The controller's static private IP, a usable address of its subnet. Required: the VNet's DNS servers
     * (`VmNetwork`'s `dnsServers`) point at it, and members find the domain through it.
     */
    readonly privateIpAddress: string;
    /** The new forest's DNS name, e.g. `corp.contoso.com`: at least two labels, at most 64 characters. */
    readonly domainName: string;
    /**
     * The forest's NetBIOS name: 1 to 15 letters, digits and hyphens.
     * @default the first label of `domainName`, upper-cased (`corp.contoso.com` -> `CORP`)
     */
    readonly netbiosName?: string;
    /**
     * The Directory Services Restore Mode (safe-mode) administrator password. It is sent as a secret, only as a
     * protected parameter of the promotion Run Command, never in its script. A plain string is checked against
     * Windows' complexity rule (at least 8 characters, 3 of lower case, upper case, digit and symbol).
     */
    readonly safeModePassword: pulumi.Input<string>;
    /**
     * Size in GiB of the NTDS data disk (LUN 0, key `ntds`, host caching None), which holds the AD DS database, its
     * logs and SYSVOL.
     * @default 32
     */
    readonly ntdsDiskSizeGb?: number;
}
