/**
 * Secrets in the plan: a plaintext the plan knows (the generated Windows password, a password passed as secret
 * config) appears in no output format, and a `secure:` value in a stack file is a secret whose plaintext the plan
 * does not know. Not proved here: decryption of `secure:` values (the plan does not decrypt; see the README).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatJson, formatMermaid, formatText } from "../tools/plan/format";
import { plan, type PlanOutcome } from "../tools/plan/plan";
import { REPO } from "./support/project-copy";

const GENERATED = "placeholder-password-of-app01-admin-password";
const GIVEN = "Given-Secret-Passw0rd-42";

function everyFormat(outcome: PlanOutcome): string {
    if (!outcome.ok) {
        throw new Error(`the plan failed: ${outcome.message}`);
    }
    return [formatText(outcome.document, outcome.vms), formatJson(outcome.document), formatMermaid(outcome.document)].join("\n");
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
