/**
 * statesOfRun (tools/plan/state-of-run.ts): a recorded run as the ResourceStates `--changes-from` compares, with
 * secrets plain or as salted digests, and what cannot be compared offline opaque. The dev stack runs in process;
 * the converter's corner cases (unknowns, resource objects, nested secrets) are shown on made-up values.
 * Not proved here: that the engine compares values as the prediction does (tools/plan/changes.ts), or how slow a
 * guess at a digest is beyond the KDF's parameters.
 */
import { scryptSync } from "node:crypto";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { beforeAll, describe, expect, it } from "vitest";
import { convertValue, digester, secretLeaf, statesOfRun } from "../../tools/plan/state-of-run";
import type { ResourceState } from "../../tools/plan/resource-state";
import type { ProgramRun } from "../../tools/recorder/program";
import { devRun } from "../support/programs";

const SALT = "00112233445566778899aabbccddeeff";
const OTHER_SALT = "ffeeddccbbaa99887766554433221100";
const GENERATED = "placeholder-password-of-app01-admin-password";
/** scrypt(JSON text, salt, N 2^14, r 8, p 1), as node:crypto computes it, written out so a change of KDF fails here. */
const GENERATED_DIGEST = "24e4b513b664b35596710bb66b673a4d10f85f86b035ac04941e0b9a0e0e174e";
const WINADMIN_DIGEST = "e0eb63bd2de4ff09c4b36ae004fce319d4d379fae67c4bda6fd25cd82beef07d";
const GENERATED_DIGEST_OTHER_SALT = "681b33daeb284b9527353da9b24b49eaa7a06b252bb615a2679a4eaad42c4b10";
/** A value wrapped as the SDK wraps a secret it deserializes. */
const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

function named(states: readonly ResourceState[], name: string): ResourceState {
    const found = states.find((s) => s.urn.endsWith(`::${name}`));
    if (found === undefined) {
        throw new Error(`no resource named ${name}`);
    }
    return found;
}

function osProfile(state: ResourceState): Record<string, unknown> {
    return state.inputs["osProfile"] as Record<string, unknown>;
}

describe("GIVEN the dev stack's run WHEN its states are taken with plain secrets", () => {
    let run: ProgramRun;
    let states: ResourceState[];
    beforeAll(async () => {
        run = await devRun();
        states = statesOfRun(run, { mode: "plain" });
    });

    it("THEN every registration but the Stack is a state, each after its parent", () => {
        expect(states.map((s) => s.urn).sort()).toEqual(run.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack").map((r) => r.urn).sort());
        expect(states).toHaveLength(22);
        const seen = new Set([run.registrations.find((r) => r.type === "pulumi:pulumi:Stack")?.urn]);
        expect(states.filter((s) => {
            seen.add(s.urn);
            return !seen.has(s.parent ?? undefined);
        })).toEqual([]);
    });

    it("THEN the Windows VM's OS profile is a secret input holding the generated password as it is", () => {
        const vm = named(states, "app01-vm");
        expect(vm.secretInputs).toEqual(["osProfile"]);
        expect(osProfile(vm)["adminPassword"]).toBe(GENERATED);
        expect(osProfile(vm)["adminUsername"]).toBe("winadmin");
    });

    it("THEN the data disk keeps its options and where its inputs came from", () => {
        const disk = named(states, "web01-disk-data");
        const group = named(states, "resource-group").urn;
        expect([disk.protect, disk.retainOnDelete, disk.deleteBeforeReplace, disk.importId, disk.secretInputs]).toEqual([true, true, false, null, []]);
        expect(disk.propertyDependencies["resourceGroupName"]).toEqual([group]);
        expect(disk.inputs["diskSizeGB"]).toBe(128);
        expect(disk.replacementTrigger).toBeUndefined();
    });
});

describe("GIVEN the dev stack's run WHEN its states are taken with digested secrets", () => {
    let plain: ResourceState[];
    let digested: ResourceState[];
    let otherSalt: ResourceState[];
    beforeAll(async () => {
        const run = await devRun();
        plain = statesOfRun(run, { mode: "plain" });
        digested = statesOfRun(run, { mode: "digest", salt: SALT });
        otherSalt = statesOfRun(run, { mode: "digest", salt: OTHER_SALT });
    });

    it("THEN each leaf under a secret is scrypt of its JSON text under the salt, and the structure stays", () => {
        const profile = osProfile(named(digested, "app01-vm"));
        expect(profile["adminPassword"]).toEqual({ "@digest": GENERATED_DIGEST });
        expect(profile["adminUsername"]).toEqual({ "@digest": WINADMIN_DIGEST });
        expect(Object.keys(profile).sort()).toEqual(Object.keys(osProfile(named(plain, "app01-vm"))).sort());
        expect(osProfile(named(otherSalt, "app01-vm"))["adminPassword"]).toEqual({ "@digest": GENERATED_DIGEST_OTHER_SALT });
    });

    it("THEN no plaintext of a secret is left, and what is not secret is as in plain mode", () => {
        expect(JSON.stringify(digested)).not.toContain(GENERATED);
        const withoutSecrets = (states: ResourceState[]) => states.map((s) => ({ ...s, inputs: Object.fromEntries(Object.entries(s.inputs).filter(([k]) => !s.secretInputs.includes(k))) }));
        expect(withoutSecrets(digested)).toEqual(withoutSecrets(plain));
    });
});

describe("GIVEN a secure: value in the stack file, which the offline run cannot decrypt", () => {
    it("THEN the password the VM receives is opaque in both modes: never the same as anything", async () => {
        const run = await devRun({ configOverrides: { "azure-persistent-vm:adminPasswords": { app01: { secure: "v1:bm90IGEgcmVhbCBjaXBoZXJ0ZXh0" } } } });
        for (const mode of [{ mode: "plain" } as const, { mode: "digest", salt: SALT } as const]) {
            const vm = named(statesOfRun(run, mode), "app01-vm");
            expect(vm.secretInputs).toEqual(["osProfile"]);
            expect(osProfile(vm)["adminPassword"]).toEqual({ "@opaque": "secret" });
        }
    });
});

describe("GIVEN values as the recorder deserializes them", () => {
    const plain = secretLeaf({ mode: "plain" });

    it("WHEN a value is unknown, not JSON, or holds the [secret] stand-in outside a secret THEN it is opaque, and its place is listed", () => {
        class Asset {
            readonly path = "./script.sh";
        }
        const converted = convertValue({ a: unknownValue, b: [1, new Asset()], c: "user:[secret]", d: "plain" }, plain);
        expect(converted).toEqual({
            value: { a: { "@opaque": "unknown" }, b: [1, { "@opaque": "unknown" }], c: { "@opaque": "secret" }, d: "plain" },
            secrets: [],
            opaque: [
                { path: ["a"], value: { "@opaque": "unknown" } },
                { path: ["b", 1], value: { "@opaque": "unknown" } },
                { path: ["c"], value: { "@opaque": "secret" } },
            ],
        });
    });

    it("WHEN secrets nest, hold unknowns, or sit in arrays THEN only the outermost is listed, with its path of keys and indices", () => {
        const leaf = secretLeaf({ mode: "digest", salt: SALT });
        const converted = convertValue({ "a.b": [secret({ x: secret(128), y: unknownValue, z: "[secret]" })], top: secret(null) }, leaf);
        const digest = digester(SALT);
        const inner = { x: { "@digest": digest(128) }, y: { "@opaque": "unknown" }, z: { "@opaque": "secret" } };
        expect(converted).toEqual({
            value: { "a.b": [inner], top: { "@digest": digest(null) } },
            secrets: [{ path: ["a.b", 0], value: inner }, { path: ["top"], value: { "@digest": digest(null) } }],
            opaque: [],
        });
        expect(digest(128)).toBe(scryptSync("128", Buffer.from(SALT, "hex"), 32, { N: 2 ** 14, r: 8, p: 1 }).toString("hex"));
    });

    it("WHEN a salt is not hex of at least 16 bytes THEN no digest is made with it", () => {
        expect(() => digester("short")).toThrow("a secret salt is at least 16 bytes, as lowercase hex");
        expect(() => digester("00112233445566778899AABBCCDDEEFF")).toThrow("a secret salt is at least 16 bytes, as lowercase hex");
    });
});
