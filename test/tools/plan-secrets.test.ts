/**
 * Secrets in the plan: a plaintext the plan knows (the generated Windows password, a password passed as secret
 * config) appears in no output format, and a `secure:` value in a stack file is a secret whose plaintext the plan
 * does not know, and makes its whole key secret, so that a value set in plain beside it (custom data) prints as
 * [secret] too; a fleet's profile, which the SDK marks secret as a whole, prints only its structure. Not proved here: decryption of `secure:` values (the plan does not decrypt; see the README).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fleetSummaries } from "../../tools/plan/document";
import { formatJson, formatMermaid, formatText } from "../../tools/plan/format";
import { planOfRun, type PlanOutcome } from "../../tools/plan/plan";
import type { RunOptions } from "../../tools/recorder/program";
import type { Registration } from "../../tools/recorder/recorder";
import { runInProcess } from "../support/programs";
import { REPO } from "../support/project-copy";

/** The plan `npm run plan` prints, of a program run in process (the CLI's own runs are in test/e2e/plan-cli.test.ts). */
async function plan(options: RunOptions): Promise<PlanOutcome> {
    return planOfRun(await runInProcess(options), { typeCheckMs: 0, programMs: 0 });
}

const GENERATED = "placeholder-password-of-app01-admin-password";
const GIVEN = "Given-Secret-Passw0rd-42";

function everyFormat(outcome: PlanOutcome): string {
    if (!outcome.ok) {
        throw new Error(`the plan failed: ${outcome.message}`);
    }
    return [formatText(outcome.document, outcome.vms, outcome.fleets), formatJson(outcome.document), formatMermaid(outcome.document)].join("\n");
}

/** The VM's osProfile as the engine received it (plaintext inside the recorder, never printed). */
function receivedPassword(outcome: PlanOutcome): unknown {
    if (!outcome.ok) {
        return undefined;
    }
    const vm = outcome.run.registrations.find((r) => r.name === "app01-vm");
    return (vm?.inputs["osProfile"] as { adminPassword?: unknown } | undefined)?.adminPassword;
}

describe("GIVEN the dev stack, whose Windows password is generated", () => {
    let outcome: PlanOutcome;
    beforeAll(async () => {
        outcome = await plan({ projectDir: REPO, stack: "dev" });
    });

    it("THEN the plan knows the password (the engine would receive it)", () => {
        expect(receivedPassword(outcome)).toBe(GENERATED);
    });

    it("THEN no format prints it, and the VM's OS profile prints as [secret]", () => {
        const printed = everyFormat(outcome);
        expect(printed).not.toContain(GENERATED);
        expect(printed).toContain(`"osProfile": "[secret]"`);
    });
});

describe("GIVEN a Windows password passed as secret config", () => {
    let outcome: PlanOutcome;
    beforeAll(async () => {
        outcome = await plan({ projectDir: REPO, stack: "dev", secretConfig: { "azure-persistent-vm:adminPasswords": { app01: GIVEN } } });
    });

    it("THEN the VM receives it and no format prints it", () => {
        expect(receivedPassword(outcome)).toBe(GIVEN);
        expect(everyFormat(outcome)).not.toContain(GIVEN);
    });
});

describe("GIVEN a stack file with a secure: value", () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-secure-"));
    const ciphertext = "v1:Zm9yIHRoZSB0ZXN0IG9ubHk=:bm90IGEgcmVhbCBjaXBoZXJ0ZXh0";
    let outcome: PlanOutcome;
    beforeAll(async () => {
        const configFile = path.join(scratch, "Pulumi.dev.yaml");
        fs.writeFileSync(configFile, `${fs.readFileSync(path.join(REPO, "Pulumi.dev.yaml"), "utf8")}  azure-persistent-vm:adminPasswords:\n    app01:\n      secure: ${ciphertext}\n`);
        outcome = await plan({ projectDir: REPO, stack: "dev", configFile });
    });
    afterAll(() => {
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    it("THEN the program sees a secret whose plaintext is the placeholder, so no password is generated", () => {
        expect(outcome.ok).toBe(true);
        expect(receivedPassword(outcome)).toBe("[secret]");
        expect(outcome.ok && outcome.run.registrations.some((r) => r.type.startsWith("random:"))).toBe(false);
    });

    it("THEN the ciphertext appears in no format", () => {
        expect(everyFormat(outcome)).not.toContain(ciphertext);
    });
});

describe("GIVEN a stack file whose vms key holds a secure: value beside plain custom data (pulumi config set --secret --path)", () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-secret-key-"));
    const customData = "#cloud-config\n# token-8e2d5c\n";
    let outcome: PlanOutcome;
    beforeAll(async () => {
        const configFile = path.join(scratch, "Pulumi.dev.yaml");
        // The CLI lists a key with a secure: value anywhere inside as secret; so does the plan.
        fs.writeFileSync(configFile, fs.readFileSync(path.join(REPO, "Pulumi.dev.yaml"), "utf8").replace(
            "      adminUsername: azureuser\n",
            `      adminUsername: azureuser\n      customData: ${JSON.stringify(customData)}\n      tags:\n        owner:\n          secure: v1:Zm9yIHRoZSB0ZXN0IG9ubHk=:bm90IGEgcmVhbCBjaXBoZXJ0ZXh0\n`,
        ));
        outcome = await plan({ projectDir: REPO, stack: "dev", configFile });
    });
    afterAll(() => {
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    it("THEN the VM receives the custom data, base64-encoded, inside its OS profile marked secret", () => {
        const vm = outcome.ok ? outcome.run.registrations.find((r) => r.name === "web01-vm") : undefined;
        expect((vm?.inputs["osProfile"] as { customData?: unknown } | undefined)?.customData).toBe(Buffer.from(customData, "utf8").toString("base64"));
        expect(vm?.secretPaths).toEqual(["osProfile", "tags"]);
    });

    it("THEN no format prints the custom data, plain or base64, and the OS profile prints as [secret]", () => {
        const printed = everyFormat(outcome);
        expect(printed).not.toContain("token-8e2d5c");
        expect(printed).not.toContain(Buffer.from(customData, "utf8").toString("base64"));
        expect(printed).toContain(`"osProfile": "[secret]"`);
    });
});

describe("GIVEN a stack of fleets whose Windows fleet's password is generated (test/fixtures/fleets)", () => {
    const FLEET_PASSWORD = "placeholder-password-of-app-admin-password";
    const GALLERY_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/private/images/app";
    let outcome: PlanOutcome;
    beforeAll(async () => {
        outcome = await plan({ projectDir: path.join(REPO, "test", "fixtures", "fleets"), stack: "dev" });
    });

    /** The Windows fleet's scale set as recorded (its profile in plaintext, as the recorder holds it). */
    function appScaleSet(): Registration {
        const found = outcome.ok ? outcome.run.registrations.find((r) => r.name === "app-vmss") : undefined;
        if (found === undefined) {
            throw new Error("the fleets' plan registered no app-vmss");
        }
        return found;
    }

    /** The plan's registrations with the Windows fleet's profile changed, and, given null, no parent component. */
    function withAppScaleSet(change: (profile: Record<string, unknown>) => void, parent?: null): Registration[] {
        const found = appScaleSet();
        const inputs = structuredClone(found.inputs);
        change(inputs["virtualMachineProfile"] as Record<string, unknown>);
        const changed = { ...found, inputs, ...(parent === null ? { parent } : {}) };
        return outcome.ok ? outcome.run.registrations.map((r) => (r === found ? changed : r)) : [];
    }

    it("THEN the scale set receives the password inside a profile the SDK marked secret, and no format prints it", () => {
        const received = appScaleSet();
        expect(received.secretPaths).toEqual(["virtualMachineProfile"]);
        expect((received.inputs["virtualMachineProfile"] as { osProfile: { adminPassword: unknown } }).osProfile.adminPassword).toBe(FLEET_PASSWORD);
        const printed = everyFormat(outcome);
        expect(printed).not.toContain(FLEET_PASSWORD);
        expect(printed).toContain(`"virtualMachineProfile": "[secret]"`);
    });

    it("WHEN the fleet's secret profile boots a gallery image THEN its block prints the image as [secret], and the id appears nowhere", () => {
        const gallery = withAppScaleSet((profile) => {
            (profile["storageProfile"] as Record<string, unknown>)["imageReference"] = { id: GALLERY_ID };
        });
        const printed = outcome.ok ? formatText(outcome.document, [], fleetSummaries(gallery)) : "";
        expect(printed.split("\n")).toContain("    app  windows  Standard_D4s_v5  [secret]  instances 2  regional");
        expect(printed).not.toContain(GALLERY_ID);
    });

    it("WHEN a scale set that no fleet component declared has a secret profile THEN nothing of the profile prints", () => {
        const raw = withAppScaleSet(() => undefined, null);
        const printed = outcome.ok ? formatText(outcome.document, [], fleetSummaries(raw)) : "";
        const lines = printed.split("\n");
        const start = lines.indexOf("    app  unknown  Standard_D4s_v5  [secret]  instances 2  regional");
        expect(lines.slice(start, start + 3)).toEqual([
            "    app  unknown  Standard_D4s_v5  [secret]  instances 2  regional",
            "        orchestration Flexible  upgrade Manual",
            "        profile  [secret]",
        ]);
        // The only OS disk printed is the Linux fleet's, whose profile is not secret.
        expect(lines.filter((l) => l.startsWith("        OS disk"))).toEqual(["        OS disk  Premium_LRS  image size  ReadWrite  deleteOption Delete"]);
    });
});
