/**
 * Construct for SqlServerVm: the contract's args are the TypeScript args but for the domain join's `waitFor` and the
 * one-value `dataAccessAuthMode` (construct/vm.ts converts both); the WindowsVm child's outputs come back flattened.
 */
import { SqlServerVm } from "../../components";
import type * as contracts from "../contracts";
import type { Outputs, Served } from "./served";
import { dataAccessAuthMode, domainJoinArgs, vmOutputs } from "./vm";

export const sqlServerVm: Served = {
    token: "azure-persistent-vm:index:SqlServerVm",
    async construct(name, inputs, opts) {
        const args = inputs as unknown as contracts.SqlServerVmArgs;
        const sql = new SqlServerVm(name, {
            ...args,
            domainJoin: await domainJoinArgs(args.domainJoin),
            dataAccessAuthMode: dataAccessAuthMode(args.dataAccessAuthMode),
        }, opts);
        return {
            urn: sql.urn,
            state: {
                ...vmOutputs(sql.vm),
                // The component's own, which it takes from the same child.
                vmId: sql.vmId,
                privateIpAddress: sql.privateIpAddress,
                sqlVirtualMachineId: sql.sqlVirtualMachineId,
                generatedAdminPassword: sql.generatedAdminPassword,
            } satisfies Outputs<contracts.SqlServerVm>,
        };
    },
};
