/** Construct for LinuxScaleSet and WindowsScaleSet: the contract's args are the TypeScript args, field for field. */
import { LinuxScaleSet, WindowsScaleSet } from "../../components";
import type * as contracts from "../contracts";
import type { Outputs, Served } from "./served";

export const linuxScaleSet: Served = {
    token: "azure-persistent-vm:index:LinuxScaleSet",
    async construct(name, inputs, opts) {
        const args = inputs as unknown as contracts.LinuxScaleSetArgs;
        const scaleSet = new LinuxScaleSet(name, args, opts);
        return {
            urn: scaleSet.urn,
            state: {
                scaleSetId: scaleSet.scaleSetId,
                scaleSetName: scaleSet.scaleSetName,
                principalId: scaleSet.principalId,
                generatedPrivateKey: scaleSet.generatedPrivateKey,
            } satisfies Outputs<contracts.LinuxScaleSet>,
        };
    },
};

export const windowsScaleSet: Served = {
    token: "azure-persistent-vm:index:WindowsScaleSet",
    async construct(name, inputs, opts) {
        const args = inputs as unknown as contracts.WindowsScaleSetArgs;
        const scaleSet = new WindowsScaleSet(name, args, opts);
        return {
            urn: scaleSet.urn,
            state: {
                scaleSetId: scaleSet.scaleSetId,
                scaleSetName: scaleSet.scaleSetName,
                principalId: scaleSet.principalId,
                generatedAdminPassword: scaleSet.generatedAdminPassword,
            } satisfies Outputs<contracts.WindowsScaleSet>,
        };
    },
};
