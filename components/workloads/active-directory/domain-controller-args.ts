/**
 * DomainController's arguments: the WindowsVm's, minus what a domain controller decides (its data disks, credential
 * rotation, domain join, Entra ID login and public IP), plus the forest's names and the safe-mode password and where it is kept.
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
     * The Directory Services Restore Mode (safe-mode) administrator password. It is stored, as a secret, in a Key
     * Vault secret that only the VM's managed identity may read (the role Key Vault Secrets User on that secret), and
     * the promotion script reads it from there itself: it is never in the script, a Run Command parameter or any
     * command line in the VM. A plain string is checked against Windows' complexity rule (at least 8 characters, 3 of
     * lower case, upper case, digit and symbol). Creating the role assignment needs a deployer allowed to assign roles
     * (Owner, User Access Administrator or Role Based Access Control Administrator).
     */
    readonly safeModePassword: pulumi.Input<string>;
    /**
     * The key vault that holds the safe-mode password, instead of one the controller creates: `keyVaultId` of an
     * existing vault with Azure RBAC authorization (`enableRbacAuthorization`) in the VM's subscription, which the VM
     * reaches over HTTPS (a private endpoint, or a virtual network rule for its subnet). The controller writes the
     * secret `<vmName>-safe-mode-password` into it and gives the VM's identity Key Vault Secrets User on that secret.
     * @default a vault created for the controller, `<vmName, shortened>-<8 random letters and digits>` (a name is global
     * and stays reserved 90 days after deletion), protected, with Azure RBAC, soft delete and purge protection (90
     * days), and a firewall that admits only the controller's subnet, which needs the Microsoft.KeyVault service
     * endpoint (a VmNetwork's subnet has it), and Azure's trusted services
     */
    readonly safeModePasswordVault?: {
        /** The vault's resource id, `/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>`. */
        readonly keyVaultId: pulumi.Input<string>;
    };
    /**
     * Size in GiB of the NTDS data disk (LUN 0, key `ntds`, host caching None), which holds the AD DS database, its
     * logs and SYSVOL.
     * @default 32
     */
    readonly ntdsDiskSizeGb?: number;
}
