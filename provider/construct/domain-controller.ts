/**
 * Construct for DomainController: the contract's args are the TypeScript args but for the one-value
 * `dataAccessAuthMode` (construct/vm.ts converts it); `ready` comes back as its URN and the WindowsVm child's outputs
 * flattened.
 */
import { DomainController } from "../../components";
import type * as contracts from "../contracts";
import type { Outputs, Served } from "./served";
import { dataAccessAuthMode } from "./vm";

export const domainController: Served = {
    token: "azure-persistent-vm:index:DomainController",
    // async like every entry (Served returns a promise), though nothing here waits.
    async construct(name, inputs, opts) {
        const args = inputs as unknown as contracts.DomainControllerArgs;
        const dc = new DomainController(name, { ...args, dataAccessAuthMode: dataAccessAuthMode(args.dataAccessAuthMode) }, opts);
        return {
            urn: dc.urn,
            state: {
                privateIpAddress: dc.privateIpAddress,
                domainName: dc.domainName,
                netbiosName: dc.netbiosName,
                vmId: dc.vmId,
                generatedAdminPassword: dc.generatedAdminPassword,
                safeModePasswordVaultName: dc.safeModePasswordVaultName,
                readyUrn: dc.ready.urn,
                vmName: dc.vm.vmName,
                nicId: dc.vm.nicId,
                osDiskName: dc.vm.osDiskName,
                dataDiskIds: dc.vm.dataDiskIds,
                principalId: dc.vm.principalId,
            } satisfies Outputs<contracts.DomainController>,
        };
    },
};
