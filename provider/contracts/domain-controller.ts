/**
 * The contract of DomainController: the TypeScript `DomainControllerArgs` spelled for the schema analyzer
 * (drift.ts says how they are kept equal), and the class the analyzer reads the outputs from.
 *
 * Not offered across languages: `vm`, the WindowsVm child, and `ready`, the promotion, are resource handles, which a
 * schema cannot carry. `readyUrn` stands for `ready`. The child's outputs are offered on the DomainController itself:
 * `vmName`, `nicId`, `osDiskName`, `dataDiskIds` and `principalId` beside the `vmId`, `privateIpAddress` and
 * `generatedAdminPassword` it already has. Its `lastGuestStep` is not: the promotion follows it, so `readyUrn` orders
 * after everything it would, and a guest step of one's own belongs after the promotion and its restart, not beside
 * them. Its `virtualMachine` handle has no substitute beyond `vmId`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { DomainController as TsDomainController, DomainControllerArgs as TsDomainControllerArgs, WindowsVm as TsWindowsVm } from "../../components";
import { assertSame, type Equal, type Same } from "./drift";
import type { OutputsOf, VmCoreArgs, VmImageArgs } from "./vm";

/** The type token: the same as the TypeScript component's own. */
export const DOMAIN_CONTROLLER = "azure-persistent-vm:index:DomainController";

/** A Key Vault of your own for the safe-mode password, instead of the one the controller creates. */
export interface SafeModePasswordVault {
    keyVaultId: pulumi.Input<string>;
}

/**
 * WindowsVmArgs without data disks, public IP, Entra ID sign-in, credential rotation and domain join, with a required
 * address and the forest's own fields (see vm.ts for the parts).
 */
export interface DomainControllerArgs extends VmCoreArgs, VmImageArgs {
    adminPassword?: pulumi.Input<string>;
    privateIpAddress: string;
    domainName: string;
    netbiosName?: string;
    safeModePassword: pulumi.Input<string>;
    safeModePasswordVault?: SafeModePasswordVault;
    ntdsDiskSizeGb?: number;
}

/** The first domain controller of a new Active Directory forest, on a durable Windows VM. */
export class DomainController extends pulumi.ComponentResource {
    public readonly privateIpAddress!: pulumi.Output<string>;
    public readonly domainName!: pulumi.Output<string>;
    public readonly netbiosName!: pulumi.Output<string>;
    public readonly vmId!: pulumi.Output<string>;
    public readonly generatedAdminPassword!: pulumi.Output<string> | undefined;
    public readonly safeModePasswordVaultName!: pulumi.Output<string>;
    /**
     * The URN of the promotion Run Command (TypeScript's `ready`): pass it in a domain member's `domainJoin.waitFor`,
     * so that the join starts after the promotion. The domain answers only after the restart the promotion schedules;
     * the join's own wait covers that.
     */
    public readonly readyUrn!: pulumi.Output<string>;
    /** The VM's name in Azure (TypeScript's `vm.vmName`). */
    public readonly vmName!: pulumi.Output<string>;
    /** The NIC's resource id (TypeScript's `vm.nicId`). */
    public readonly nicId!: pulumi.Output<string>;
    /** The name Azure gave the OS disk, which is kept when the VM is deleted (TypeScript's `vm.osDiskName`). */
    public readonly osDiskName!: pulumi.Output<string>;
    /** Data disk resource ids by disk name: `ntds` (TypeScript's `vm.dataDiskIds`). */
    public readonly dataDiskIds!: pulumi.Output<Record<string, string>>;
    /** The principal id of the VM's system-assigned managed identity (TypeScript's `vm.principalId`). */
    public readonly principalId!: pulumi.Output<string>;

    constructor(name: string, args: DomainControllerArgs, opts?: pulumi.ComponentResourceOptions) {
        super(DOMAIN_CONTROLLER, name, {}, opts);
    }
}

/** The one-member enum, whose contract type differs from the TypeScript one by design (see shared.ts). */
type DomainControllerSubstituted = "dataAccessAuthMode";
assertSame<Same<Omit<DomainControllerArgs, DomainControllerSubstituted>, Omit<TsDomainControllerArgs, DomainControllerSubstituted>>>();
assertSame<Equal<DomainControllerArgs["dataAccessAuthMode"], string | undefined>>();
assertSame<Same<SafeModePasswordVault, NonNullable<TsDomainControllerArgs["safeModePasswordVault"]>>>();
/** The WindowsVm child's outputs the contract offers in place of the `vm` handle, beside those the class has. */
type FlattenedVm = Pick<TsWindowsVm, "vmName" | "nicId" | "osDiskName" | "dataDiskIds" | "principalId">;
assertSame<Same<OutputsOf<DomainController>, OutputsOf<Omit<TsDomainController, "vm" | "ready">> & FlattenedVm & { readyUrn: pulumi.Output<string> }>>();
