/**
 * Construct for LinuxVm and WindowsVm: the contract's args are the TypeScript args but for the domain join's
 * `waitFor`, which becomes the join's `dependsOn`.
 */
import * as pulumi from "@pulumi/pulumi";
import { getAllResources } from "@pulumi/pulumi/output";
import { LinuxVm, WindowsVm, type DataAccessAuthMode, type DomainJoinArgs as TsDomainJoinArgs } from "../../components";
import type * as contracts from "../contracts";
import type { Outputs, Served } from "./served";

/**
 * TypeScript's `domainJoin.dependsOn` from the contract's `waitFor`: the resources each value comes from (an Output
 * that arrived from another resource carries them); the values themselves are not used. A literal adds nothing.
 */
export async function domainJoinArgs(join: contracts.DomainJoin | undefined): Promise<TsDomainJoinArgs | undefined> {
    if (join === undefined) {
        return undefined;
    }
    const { waitFor, ...rest } = join;
    if (waitFor === undefined) {
        return rest;
    }
    const sets = await Promise.all(waitFor.map((value) => (pulumi.Output.isInstance(value) ? getAllResources(value) : new Set<pulumi.Resource>())));
    return { ...rest, dependsOn: sets.flatMap((set) => [...set]) };
}

/**
 * The one-value `dataAccessAuthMode`, which the contract spells `string`. Any other value is passed on as it came: the
 * component's own rule (checkDataAccessAuthMode) refuses it with its message, with the run's other problems.
 */
export function dataAccessAuthMode(value: string | undefined): DataAccessAuthMode | undefined {
    return value as DataAccessAuthMode | undefined;
}

/** The TypeScript VmArgs fields from the contract's: the two that differ by design, converted. */
async function vmArgs<A extends contracts.LinuxVmArgs | contracts.WindowsVmArgs>(args: A) {
    return { ...args, domainJoin: await domainJoinArgs(args.domainJoin), dataAccessAuthMode: dataAccessAuthMode(args.dataAccessAuthMode) };
}

/** The outputs every VM contract offers, from a TypeScript VM or a workload's `vm` child. */
export function vmOutputs(vm: LinuxVm | WindowsVm) {
    return {
        vmId: vm.vmId,
        vmName: vm.vmName,
        privateIpAddress: vm.privateIpAddress,
        nicId: vm.nicId,
        osDiskName: vm.osDiskName,
        dataDiskIds: vm.dataDiskIds,
        principalId: vm.principalId,
        lastGuestStepUrn: vm.lastGuestStep.urn,
    };
}

export const linuxVm: Served = {
    token: "azure-persistent-vm:index:LinuxVm",
    async construct(name, inputs, opts) {
        const args = inputs as unknown as contracts.LinuxVmArgs;
        const vm = new LinuxVm(name, await vmArgs(args), opts);
        return {
            urn: vm.urn,
            state: { ...vmOutputs(vm), generatedPrivateKey: vm.generatedPrivateKey } satisfies Outputs<contracts.LinuxVm>,
        };
    },
};

export const windowsVm: Served = {
    token: "azure-persistent-vm:index:WindowsVm",
    async construct(name, inputs, opts) {
        const args = inputs as unknown as contracts.WindowsVmArgs;
        const vm = new WindowsVm(name, await vmArgs(args), opts);
        return {
            urn: vm.urn,
            state: { ...vmOutputs(vm), generatedAdminPassword: vm.generatedAdminPassword } satisfies Outputs<contracts.WindowsVm>,
        };
    },
};
