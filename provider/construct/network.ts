/**
 * Construct for VmNetwork: the contract's args are the TypeScript args, field for field; the application security
 * groups' two Outputs leave as one Output of an object (contracts.ApplicationSecurityGroupIds).
 */
import * as pulumi from "@pulumi/pulumi";
import { VmNetwork } from "../../components";
import type * as contracts from "../contracts";
import type { Outputs, Served } from "./served";

export const vmNetwork: Served = {
    token: "azure-persistent-vm:index:VmNetwork",
    async construct(name, inputs, opts) {
        const args = inputs as unknown as contracts.VmNetworkArgs;
        const network = new VmNetwork(name, args, opts);
        const applicationSecurityGroupIds: pulumi.Output<contracts.ApplicationSecurityGroupIds> = pulumi.output(network.applicationSecurityGroupIds);
        return {
            urn: network.urn,
            state: {
                vnetId: network.vnetId,
                subnetId: network.subnetId,
                networkSecurityGroupId: network.networkSecurityGroupId,
                applicationSecurityGroupIds,
                outboundIpAddress: network.outboundIpAddress,
                bastionId: network.bastionId,
            } satisfies Outputs<contracts.VmNetwork>,
        };
    },
};
