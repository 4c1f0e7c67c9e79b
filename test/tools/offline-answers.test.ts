/**
 * What the plan answers for what it cannot look up offline (tools/recorder/recorder.ts): a provider function
 * (invoke), another stack's outputs (StackReference), an existing resource (get) and what a dynamic provider would
 * compute come back as Pulumi's unknown value, each with one warning that says "unknown offline". The program is
 * test/fixtures/offline, run in process. Not proved here: the same through the SDK's runner over gRPC
 * (test/e2e/plan-cli.test.ts plans this fixture with the command).
 */
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../../tools/plan/document";
import { planOfRun, type PlanOutcome } from "../../tools/plan/plan";
import { UNKNOWN_OFFLINE, offlineWarnings } from "../../tools/recorder/recorder";
import { runInProcess } from "../support/programs";
import { REPO } from "../support/project-copy";

const FIXTURE = path.join(REPO, "test", "fixtures", "offline");

let outcome: PlanOutcome;
let doc: PlanDocument;
beforeAll(async () => {
    outcome = planOfRun(await runInProcess({ projectDir: FIXTURE, stack: "dev" }), { typeCheckMs: 0, programMs: 0 });
    if (!outcome.ok) {
        throw new Error(outcome.message);
    }
    doc = outcome.document;
});

describe("GIVEN a program that reads another stack, calls a provider function, reads an existing resource and uses a dynamic provider", () => {
    it("WHEN it is planned THEN it plans, with one warning per source, each saying it is unknown offline", () => {
        expect(outcome.ok && [...outcome.warnings].sort()).toEqual([
            `StackReference "network" (stack acme/network/prod): its outputs are unknown offline (the plan reads no other stack); what the program takes from them prints as [unknown]`,
            `invoke azure-native:authorization:getClientConfig: its result is unknown offline (the plan calls no provider function); what the program takes from it prints as [unknown], and a plain (non-Output) invoke gets an empty result`,
            `azure-native:resources:ResourceGroup "shared", read with get(): its state is unknown offline (the plan reads nothing from the cloud); its outputs print as [unknown]`,
            `dynamic resource "change-ticket": its provider is not run offline, so what it would compute is unknown offline; outputs that are not among its inputs print as [unknown]`,
        ].sort());
        expect(offlineWarnings.invoke("x")).toContain(UNKNOWN_OFFLINE);
    });

    it("THEN the values taken from them print as [unknown], and the program's own value as it is", () => {
        const app = doc.resources.find((r) => r.name === "app");
        expect(app?.inputs["tags"]).toEqual({ subnet: "[unknown]", tenant: "[unknown]", sharedLocation: "[unknown]", ticket: "[unknown]", owner: "platform-team" });
        expect(doc.outputs).toEqual({ subnetId: "[unknown]" });
    });

    it("THEN the reads are not registrations: the plan holds the stack and the resources the program creates", () => {
        expect(doc.resources.map((r) => `${r.type}::${r.name}`)).toEqual([
            "pulumi:pulumi:Stack::apvm-offline-dev", "azure-native:resources:ResourceGroup::app", "pulumi-nodejs:dynamic:Resource::change-ticket",
        ]);
    });
});
