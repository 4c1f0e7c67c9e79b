/**
 * What the plan prints for a stack that exports a component whole (test/fixtures/exported-component): the component's
 * outputs, with "[unknown]" for a value unknown until deployment, and none of the SDK's internal markers (its
 * `Unknown` object, `{ "__pulumiUnknown": true }`, its unknown sentinel string, or the preview's `@isPulumiResource`
 * tag). The program runs in process and is rendered with the CLI's own formatter (formatPlan). Not proved here: what
 * `pulumi preview` itself displays for such an output (there is no CLI here).
 */
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../../tools/plan/document";
import { formatPlan } from "../../tools/plan/format";
import { planOfRun } from "../../tools/plan/plan";
import { runInProcess } from "../support/programs";
import { REPO } from "../support/project-copy";

const PROJECT = path.join(REPO, "test", "fixtures", "exported-component");
const SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-exported/providers/Microsoft.Network";

/** The SDK's markers for what is unknown in a preview, and its tag for an exported resource. */
const INTERNAL_MARKERS = ["__pulumiUnknown", "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "@isPulumiResource"];

describe("GIVEN a stack that exports a VmNetwork whole, and its outbound address alone WHEN the plan runs", () => {
    let text: string;
    let json: string;
    beforeAll(async () => {
        const outcome = planOfRun(await runInProcess({ projectDir: PROJECT, stack: "dev" }), { typeCheckMs: 0, programMs: 0 });
        if (!outcome.ok) {
            throw new Error(outcome.message);
        }
        text = formatPlan("text", outcome.document, outcome.vms, outcome.fleets);
        json = formatPlan("json", outcome.document, outcome.vms, outcome.fleets);
    });

    it("THEN the JSON's outputs hold the component's fields, with [unknown] where the value is unknown until deployment", () => {
        expect((JSON.parse(json) as PlanDocument).outputs).toStrictEqual({
            network: {
                applicationSecurityGroupIds: { linux: "placeholder-id-of-network-asg-linux", windows: "placeholder-id-of-network-asg-windows" },
                networkSecurityGroupId: `${SUBSCRIPTION}/networkSecurityGroups/network-nsg`,
                outboundIpAddress: "[unknown]",
                subnetId: `${SUBSCRIPTION}/virtualNetworks/network-vnet/subnets/network-subnet`,
                urn: "urn:pulumi:dev::apvm-exported-component::pulumi:pulumi:Stack$azure-persistent-vm:index:VmNetwork::network",
                vnetId: `${SUBSCRIPTION}/virtualNetworks/network-vnet`,
            },
            outbound: { address: "[unknown]", all: ["[unknown]"] },
        });
    });

    it("THEN neither the text nor the JSON shows an internal marker of the SDK", () => {
        expect(INTERNAL_MARKERS.filter((marker) => text.includes(marker) || json.includes(marker))).toStrictEqual([]);
        expect(text).toContain(`        "outboundIpAddress": "[unknown]",\n`);
    });
});
