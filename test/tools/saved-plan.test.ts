/**
 * Saved plans (tools/plan/saved-plan.ts, tools/plan/document.ts): the JSON `npm run plan -- --json --out FILE`
 * writes, read back by `--changes-from FILE` as the very states the run it was made from gives with its salt; old
 * or damaged documents refused with what to do; and loadBase (tools/plan/base.ts) telling files apart without
 * quoting them. Not proved here: the CLI writing the file (test/e2e/plan-cli.test.ts) or the comparison itself.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBase } from "../../tools/plan/base";
import { planDocument, type PlanDocument } from "../../tools/plan/document";
import { formatJson } from "../../tools/plan/format";
import { loadSavedPlan } from "../../tools/plan/saved-plan";
import { statesOfRun } from "../../tools/plan/state-of-run";
import type { ProgramRun } from "../../tools/recorder/program";
import type { Registration } from "../../tools/recorder/recorder";
import { devRun } from "../support/programs";
import { REPO } from "../support/project-copy";

const SALT = "00112233445566778899aabbccddeeff";
const GENERATED = "placeholder-password-of-app01-admin-password";
const MAKE_ONE = "make a new one at that revision with npm run plan -- --json --out FILE";
const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-saved-plan-"));
afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
});

/** The document as the CLI prints it, parsed as --changes-from parses the file. */
function saved(run: ProgramRun, salt = SALT): Record<string, unknown> {
    return JSON.parse(formatJson(planDocument(run, salt))) as Record<string, unknown>;
}

describe("GIVEN the dev stack's plan saved as JSON", () => {
    let run: ProgramRun;
    let doc: PlanDocument;
    beforeAll(async () => {
        run = await devRun();
        doc = saved(run) as unknown as PlanDocument;
    });

    it("THEN the document says its format and salt, and keeps the Windows VM's secrets only as digests", () => {
        expect([doc.formatVersion, doc.secretSalt]).toEqual([2, SALT]);
        const vm = doc.resources.find((r) => r.name === "app01-vm");
        expect(vm?.inputs["osProfile"]).toBe("[secret]");
        expect(vm?.secrets.map((s) => s.path)).toEqual([["inputs", "osProfile"]]);
        expect((vm?.secrets[0]?.value as Record<string, unknown>)["adminPassword"]).toEqual({ "@digest": "24e4b513b664b35596710bb66b673a4d10f85f86b035ac04941e0b9a0e0e174e" });
        expect(JSON.stringify(doc)).not.toContain(GENERATED);
    });

    it("WHEN it is read back THEN it gives exactly the run's states with secrets digested under its salt", () => {
        expect(loadSavedPlan(doc)).toEqual({ ok: true, salt: SALT, project: "azure-persistent-vm", stack: "dev", resources: statesOfRun(run, { mode: "digest", salt: SALT }) });
    });

    it("WHEN two documents are made of one run THEN their salts differ, so their digests cannot be matched across documents", () => {
        const [a, b] = [planDocument(run), planDocument(run)];
        expect(a.secretSalt).toMatch(/^[0-9a-f]{32}$/);
        expect(a.secretSalt).not.toBe(b.secretSalt);
        expect(a.resources.find((r) => r.name === "app01-vm")?.secrets).not.toEqual(b.resources.find((r) => r.name === "app01-vm")?.secrets);
    });
});

/** A made-up registration: inputs as the recorder deserializes them. */
function registration(name: string, rawInputs: Record<string, unknown>, replacementTrigger?: unknown): Registration {
    return {
        urn: `urn:pulumi:dev::p::test:index:Thing::${name}`, id: `id-${name}`, type: "test:index:Thing", name, parent: null, custom: true,
        inputs: {}, secretPaths: [], rawInputs, propertyDependencies: { source: ["urn:b", "urn:a"] },
        options: {
            protect: false, retainOnDelete: true, deleteBeforeReplace: false, ignoreChanges: ["tags"], replaceOnChanges: [], dependencies: ["urn:a", "urn:b"],
            import: "/subscriptions/x/disk", aliases: [{ urn: "urn:old" }, { name: "old", noParent: true }], replaceWith: [], replacementTrigger, deletedWith: null,
        },
    };
}

describe("GIVEN a run whose values are secret, unknown, or only look like the document's stand-ins", () => {
    const run: ProgramRun = {
        project: "p", stack: "dev", exitCode: 0, outputs: {}, resourceOutputs: new Map(), logs: [], stdout: "", stderr: "", entryPoint: ".",
        registrations: [
            registration("a", { key: secret({ user: "admin", password: "hunter2", keys: [] }), later: unknownValue, literal: "[unknown]", passed: "x:[secret]" }, secret("rotate-1")),
            registration("b", { nested: { list: [1, secret("in-a-list")] } }, { generation: 2 }),
        ],
    };

    it("WHEN its saved plan is read back THEN every value comes back as the run's digest mode gives it, a literal \"[unknown]\" too", () => {
        const doc = saved(run);
        const states = statesOfRun(run, { mode: "digest", salt: SALT });
        expect([states[0]?.inputs["later"], states[0]?.inputs["literal"]]).toEqual([{ "@opaque": "unknown" }, "[unknown]"]);
        expect((doc["resources"] as PlanDocument["resources"]).map((r) => [r.secrets.map((s) => s.path), r.opaque])).toEqual([
            [[["inputs", "key"], ["options", "replacementTrigger"]], [{ path: ["inputs", "later"], value: { "@opaque": "unknown" } }, { path: ["inputs", "passed"], value: { "@opaque": "secret" } }]],
            [[["inputs", "nested", "list", 1]], []],
        ]);
        expect(loadSavedPlan(doc)).toEqual({ ok: true, salt: SALT, project: "p", stack: "dev", resources: states });
        expect(JSON.stringify(doc)).not.toMatch(/hunter2|rotate-1|in-a-list/);
    });

    it("WHEN a secret's path names a place that does not hold [secret] THEN the document is refused, naming the place", () => {
        const doc = saved(run);
        const first = (doc["resources"] as { secrets: { path: unknown[] }[] }[])[0];
        if (first?.secrets[0] !== undefined) {
            first.secrets[0].path = ["inputs", "later"];
        }
        expect(loadSavedPlan(doc)).toEqual({
            ok: false,
            message: `the saved plan is not in the format npm run plan -- --json writes: resources[0].secrets[0].path does not name a place in the resource's inputs or replacementTrigger that holds "[secret]"`,
        });
    });

    it("WHEN a field has the wrong type THEN the document is refused, naming the field and not its value", () => {
        const doc = saved(run);
        (doc["resources"] as { options: Record<string, unknown> }[])[1] = { options: { protect: "hunter2" } };
        const loaded = loadSavedPlan(doc);
        expect(loaded.ok ? "" : loaded.message.split("\n").slice(0, 3)).toEqual([
            "the saved plan is not in the format npm run plan -- --json writes:",
            "  resources.1.urn: Invalid input: expected string, received undefined",
            "  resources.1.type: Invalid input: expected string, received undefined",
        ]);
        expect(loaded.ok ? "" : loaded.message).not.toContain("hunter2");
    });
});

describe("GIVEN a saved plan of another format version", () => {
    it.each([
        [undefined, `the saved plan has no formatVersion: it was written before plans carried what --changes-from compares; ${MAKE_ONE}`],
        [1, `the saved plan's formatVersion is 1, and this tool reads version 2; ${MAKE_ONE}`],
        [3, `the saved plan's formatVersion is 3, and this tool reads version 2 (a newer tool wrote it?); ${MAKE_ONE}`],
    ])("WHEN formatVersion is %s THEN it is refused with how to make one this tool reads", (formatVersion, message) => {
        expect(loadSavedPlan({ formatVersion, project: "p", stack: "dev", resources: [], outputs: {} })).toEqual({ ok: false, message });
    });
});

describe("GIVEN --changes-from names a file", () => {
    const options = { projectDir: REPO, stack: "dev" };
    const file = (name: string, content: string) => {
        const at = path.join(scratch, name);
        fs.writeFileSync(at, content);
        return at;
    };

    it("WHEN it is a saved plan THEN loadBase reads it as one, with its salt, and says whose plan it is", async () => {
        const at = file("plan.json", formatJson(planDocument(await devRun(), SALT)));
        const base = await loadBase(at, options);
        expect(base.ok && [base.kind, base.description, base.salt, base.pending, base.secretsShown, base.resources.length])
            .toEqual(["saved-plan", `saved plan ${at} (stack "dev" of project "azure-persistent-vm")`, SALT, [], false, 22]);
    });

    it("WHEN it is a plan saved before formatVersion THEN loadBase refuses it, saying how to make a new one", async () => {
        const at = file("old.json", JSON.stringify({ project: "p", stack: "dev", resources: [], outputs: {} }));
        expect(await loadBase(at, options)).toEqual({ ok: false, message: `${at}: the saved plan has no formatVersion: it was written before plans carried what --changes-from compares; ${MAKE_ONE}` });
    });

    it("WHEN it is not JSON THEN the message says so, never quoting it (the parser's own message would)", async () => {
        const at = file("broken.json", `{\n  "password": hunter2\n}\n`);
        expect(await loadBase(at, options)).toEqual({
            ok: false,
            message: `${at} is not JSON; --changes-from reads a stack export (pulumi stack export --file FILE) or a saved plan (npm run plan -- --json --out FILE)`,
        });
    });

    it("WHEN it is JSON of another kind, or a folder THEN loadBase says what it reads", async () => {
        const at = file("other.json", JSON.stringify({ password: "hunter2" }));
        expect(await loadBase(at, options)).toEqual({
            ok: false,
            message: `${at} is neither a stack export (pulumi stack export --file FILE) nor a saved plan (npm run plan -- --json --out FILE)`,
        });
        expect(await loadBase(scratch, options)).toEqual({ ok: false, message: `${scratch} is a folder; --changes-from takes a stack export, a saved plan or a git revision` });
    });
});
