/**
 * Tags: what Azure refuses at deployment (more than 50 tags on a resource, a name over 512 characters, a value over
 * 256, a name with < > % & \ ? /) is refused at preview, by each component that tags what it declares, with every
 * problem at once. Names are shown escaped (JSON), so a control character cannot forge a line of the message.
 * Not proved here: that Azure still has these limits (Microsoft Learn, "Use tags to organize your Azure resources and
 * management hierarchy", Limitations), or tags a program gives as Outputs (not checked).
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { checkTags } from "../../components/internal";
import { planBackupVault, planNetwork, planScaleSet } from "../../components/preflight";

const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`tag${i}`, "x"]));

describe("GIVEN tags WHEN checked against Azure's limits", () => {
    it("THEN 50 tags, a 512-character name and a 256-character value pass", () => {
        expect(checkTags("tags", many(50))).toEqual([]);
        expect(checkTags("tags", { ["n".repeat(512)]: "v".repeat(256) })).toEqual([]);
    });

    it("THEN 51 tags are refused", () => {
        expect(checkTags("tags", many(51))).toEqual([{ path: "tags", message: "has 51 tags; Azure allows at most 50 on a resource (remove some, or combine them)." }]);
    });

    it("THEN a name over 512 characters, a value over 256 and names with refused characters are each refused", () => {
        expect(checkTags("tags", { ["n".repeat(513)]: "ok", owner: "v".repeat(257), "cost/center": "1", "a<b\nc": "2" })).toEqual([
            { path: "tags", message: `has a name of 513 characters ("${"n".repeat(20)}..."); Azure allows at most 512 (shorten it).` },
            { path: "tags.owner", message: "is 257 characters; Azure allows at most 256 in a tag value (shorten it)." },
            { path: "tags", message: `has the name "cost/center", which holds "/"; Azure tag names cannot hold < > % & \\ ? / (rename the tag).` },
            // Shown escaped: the line break cannot start a line of its own in the message.
            { path: "tags", message: `has the name "a<b\\nc", which holds "<"; Azure tag names cannot hold < > % & \\ ? / (rename the tag).` },
        ]);
    });

    it("THEN tags given as an Output are not checked", () => {
        expect(checkTags("tags", pulumi.output(many(60)))).toEqual([]);
    });
});

describe("GIVEN 51 tags WHEN a network, a backup vault or a fleet is planned with them", () => {
    const TOO_MANY = { path: "tags", message: "has 51 tags; Azure allows at most 50 on a resource (remove some, or combine them)." };
    it("THEN each refuses them", () => {
        const network = planNetwork("net", { addressSpace: "10.0.0.0/16", subnetPrefix: "10.0.1.0/24", tags: many(51) });
        const vault = planBackupVault("vault", { tags: many(51) });
        const fleet = planScaleSet("linux", "fleet", { resourceGroupName: "rg", location: "westeurope", subnetId: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s", size: "Standard_D2s_v5", instanceCount: 2, tags: many(51) }, {});
        expect([network, vault, fleet].map((r) => r.ok ? [] : r.problems)).toEqual([[TOO_MANY], [TOO_MANY], [TOO_MANY]]);
    });
});
