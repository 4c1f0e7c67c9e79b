/**
 * A Windows VM's `domainJoin` argument.
 */
import type * as pulumi from "@pulumi/pulumi";

/**
 * Joining a Windows VM to an Active Directory domain: a Run Command waits until the domain answers from the VM, then
 * the JsonADDomainExtension joins it and restarts it.
 */
export interface DomainJoinArgs {
    /** The domain's DNS name, e.g. `corp.contoso.com`. */
    readonly domainName: string;
    /**
     * The account that joins the VM, allowed to create computer accounts (in `ouPath`, or the Computers container):
     * `CORP\joiner` or `joiner@corp.contoso.com`.
     */
    readonly user: string;
    /** The account's password; it is sent as a secret, in the join extension's protected settings only. */
    readonly password: pulumi.Input<string>;
    /**
     * The OU the VM's computer account is created in, e.g. `OU=Servers,DC=corp,DC=contoso,DC=com`.
     * @default none: the domain's Computers container
     */
    readonly ouPath?: string;
    /**
     * What the join waits for besides the VM's own earlier steps, e.g. a `DomainController`'s `ready` (its promotion).
     * The wait command still checks that the domain answers: a promoted controller answers only after its restart.
     * @default none: the wait command alone decides when the domain is there
     */
    readonly dependsOn?: pulumi.Input<pulumi.Resource>[];
    /**
     * How long the wait command waits for the domain to answer from the VM before it fails the deployment, in whole
     * minutes from 1 to 240.
     * @default 30
     */
    readonly waitTimeoutMinutes?: number;
}
