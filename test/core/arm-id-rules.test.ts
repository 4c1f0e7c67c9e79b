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
import { planScaleSet } from "../../components/preflight";
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

describe("GIVEN application security group ids WHEN one of a VM's or a fleet's is a name or an NSG's id", () => {
    it("THEN it is refused at its index; group ids and Outputs pass", () => {
        const group = `${SUB}/providers/Microsoft.Network/applicationSecurityGroups/net-asg-linux`;
        expect(problemsOf({ applicationSecurityGroupIds: [group, pulumi.output("asg"), "net-asg-linux"] })).toEqual([
            { path: "applicationSecurityGroupIds[2]", message: `"net-asg-linux" is not an application security group id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/applicationSecurityGroups/<name>).` },
        ]);
        const fleet = planScaleSet("linux", "fleet", {
            resourceGroupName: "rg", location: "westeurope", size: "Standard_D2s_v5", instanceCount: 2, zones: [],
            subnetId: GOOD.subnetId, applicationSecurityGroupIds: [GOOD.networkSecurityGroupId],
        }, {});
        expect(fleet.ok ? [] : fleet.problems).toEqual([
            { path: "applicationSecurityGroupIds[0]", message: `"${GOOD.networkSecurityGroupId}" is not an application security group id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/applicationSecurityGroups/<name>).` },
        ]);
    });
});

describe("GIVEN a fleet's ids, a gallery image id and disk sources WHEN one is not the id of its type", () => {
    it("THEN each is refused with the shape it must have; gallery definitions and versions, disks and snapshots pass", () => {
        const fleet = planScaleSet("linux", "fleet", {
            resourceGroupName: "rg", location: "westeurope", size: "Standard_D2s_v5", instanceCount: 2, zones: [],
            subnetId: "subnet-1", networkSecurityGroupId: GOOD.subnetId,
        }, {});
        expect(fleet.ok ? [] : fleet.problems).toEqual([
            { path: "subnetId", message: `"subnet-1" is not a subnet id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>).` },
            { path: "networkSecurityGroupId", message: `"${GOOD.subnetId}" is not a network security group id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/networkSecurityGroups/<name>).` },
        ]);
        const gallery = `${SUB}/providers/Microsoft.Compute/galleries/g1/images/web`;
        expect(problemsOf({ galleryImageId: gallery, securityType: "Standard" }).filter((p) => p.path === "galleryImageId")).toEqual([]);
        expect(problemsOf({ galleryImageId: `${gallery}/versions/1.0.0`, securityType: "Standard" }).filter((p) => p.path === "galleryImageId")).toEqual([]);
        expect(problemsOf({ galleryImageId: "web-image:1.0.0" }).filter((p) => p.path === "galleryImageId")).toEqual([
            { path: "galleryImageId", message: `"web-image:1.0.0" is not a gallery image id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/galleries/<gallery>/images/<image>[/versions/<version>]).` },
        ]);
        const disk = `${SUB}/providers/Microsoft.Compute/disks/d1`;
        const snapshot = `${SUB}/providers/Microsoft.Compute/snapshots/s1`;
        expect(problemsOf({
            size: "Standard_D8s_v5",
            dataDisks: [
                { name: "a", lun: 0, sizeGb: 64, source: { copyFrom: snapshot } },
                { name: "b", lun: 1, sizeGb: 64, source: { copyFrom: disk } },
                { name: "c", lun: 2, source: { existingId: disk } },
                { name: "d", lun: 3, sizeGb: 64, source: { copyFrom: "d1" } },
                { name: "e", lun: 4, source: { existingId: snapshot } },
                { name: "f", lun: 5, sizeGb: 64, source: { importVhd: { uri: "https://acct.blob.core.windows.net/vhds/f.vhd", storageAccountId: "acct" } } },
            ],
        })).toEqual([
            { path: "dataDisks[3].source.copyFrom", message: `"d1" is not a managed disk or snapshot id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/disks/<name> or .../snapshots/<name>).` },
            { path: "dataDisks[4].source.existingId", message: `"${snapshot}" is not a managed disk id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/disks/<name>).` },
            { path: "dataDisks[5].source.importVhd.storageAccountId", message: `"acct" is not a storage account id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>).` },
        ]);
    });
});
