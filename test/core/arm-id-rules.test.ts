/**
 * Azure resource ids given as plain strings: each id argument must have the shape of an id of its type, or the
 * component refuses it at preview instead of Azure refusing the deployment (`LinkedInvalidPropertyId`). An id given as
 * an Output is known only at deployment and is not checked.
 * Not proved here: that the resource exists (only Azure knows), or the ids of arguments checked by their own rules
 * (adoptId, backup policy, disk encryption set).
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import type { VmArgs } from "../../components";
import { planVm } from "../../components/internal";
import { args } from "../support/fixtures";

const SUB = "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-app";
const GOOD = {
    subnetId: `${SUB}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app`,
    networkSecurityGroupId: `${SUB}/providers/Microsoft.Network/networkSecurityGroups/nsg`,
    availabilitySetId: `${SUB}/providers/Microsoft.Compute/availabilitySets/as1`,
};
const DCR = `${SUB}/providers/Microsoft.Insights/dataCollectionRules/dcr`;

function problemsOf(overrides: Partial<VmArgs>) {
    const result = planVm("linux", "vm01", args({ ...GOOD, azureMonitor: { dataCollectionRuleId: DCR }, zone: undefined, ...overrides }), {});
    return result.ok ? [] : result.problems;
}

describe("GIVEN a VM's id arguments WHEN they have the shape of ids of their types", () => {
    it("THEN they pass, whatever the letter case of the provider", () => {
        expect(problemsOf({})).toEqual([]);
        expect(problemsOf({ subnetId: GOOD.subnetId.replace("Microsoft.Network", "microsoft.network") })).toEqual([]);
    });

    it("THEN an id given as an Output is not checked", () => {
        expect(problemsOf({ subnetId: pulumi.output("subnet-1") })).toEqual([]);
    });
});

describe("GIVEN a VM's id arguments WHEN one is a name, a portal URL or an id of another type", () => {
    it("THEN each is refused with the shape it must have", () => {
        expect(problemsOf({
            subnetId: "app-subnet",
            networkSecurityGroupId: `https://portal.azure.com/#resource${GOOD.networkSecurityGroupId}`,
            availabilitySetId: GOOD.subnetId,
            azureMonitor: { dataCollectionRuleId: `${SUB}/providers/Microsoft.Insights/dataCollectionRules/` },
        })).toEqual([
            { path: "subnetId", message: `"app-subnet" is not a subnet id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>).` },
            { path: "networkSecurityGroupId", message: `"https://portal.azure.com/#resource${GOOD.networkSecurityGroupId}" is not a network security group id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/networkSecurityGroups/<name>).` },
            { path: "availabilitySetId", message: `"${GOOD.subnetId}" is not an availability set id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/availabilitySets/<name>).` },
            { path: "azureMonitor.dataCollectionRuleId", message: `"${SUB}/providers/Microsoft.Insights/dataCollectionRules/" is not a data collection rule id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Insights/dataCollectionRules/<name>).` },
        ]);
    });
});
