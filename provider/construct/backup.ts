/** Construct for BackupVault: the contract's args are the TypeScript args, field for field. */
import { BackupVault } from "../../components";
import type * as contracts from "../contracts";
import type { Outputs, Served } from "./served";

export const backupVault: Served = {
    token: "azure-persistent-vm:index:BackupVault",
    async construct(name, inputs, opts) {
        const args = inputs as unknown as contracts.BackupVaultArgs;
        const vault = new BackupVault(name, args, opts);
        return {
            urn: vault.urn,
            state: {
                vaultId: vault.vaultId,
                vaultName: vault.vaultName,
                resourceGroupName: vault.resourceGroupName,
                policyId: vault.policyId,
                policyName: vault.policyName,
            } satisfies Outputs<contracts.BackupVault>,
        };
    },
};
