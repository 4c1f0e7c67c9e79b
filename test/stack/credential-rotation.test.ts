/**
 * Credential rotation: the stack program runs before and after a credential change (app01's password in secret
 * config, web01's SSH keys), as pulumi preview would run it. The changed credential must be ignored by the VM, must not
 * be among its replaceOnChanges, and must reach the machine through the VM access extension's protected settings,
 * as a secret; nothing else may change.
 * Not proved here: that Azure runs the extension again when its protected settings change, and what the extension
 * does inside the machine (documented by Microsoft; see components/access-extension.ts).
 */
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { VM_IGNORE_CHANGES, VM_REPLACE_ON_CHANGES } from "../../components/internal";
import type { ProgramRun } from "../../tools/recorder/program";
import { runInProcess } from "../support/programs";
import type { Registration } from "../../tools/recorder/recorder";
import { DEV_KEY, devVm } from "../support/dev-stack";

const projectDir = path.resolve(__dirname, "..", "..");
const NEW_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINIpVM2X+gkXNlj/WjQv+ieesq0TV43CDx/7CYjL9mg4 rotated@example";
const OLD_PASSWORD = "Correct-Horse-7-Battery";
const NEW_PASSWORD = "Rotated-Staple-9-Lantern";


function run(password: string, keys: readonly string[]): Promise<ProgramRun> {
    return runInProcess({
        projectDir,
        stack: "dev",
        configOverrides: { "azure-persistent-vm:vms": [{ ...devVm("web01"), sshPublicKeys: keys }, devVm("app01")] },
        secretConfig: { "azure-persistent-vm:adminPasswords": { app01: password } },
    });
}

/** Every leaf path (dotted) whose value differs between two input trees. */
function differingPaths(a: unknown, b: unknown, prefix = ""): string[] {
    const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
    if (isObject(a) && isObject(b)) {
        return [...new Set([...Object.keys(a), ...Object.keys(b)])]
            .flatMap((key) => differingPaths(a[key], b[key], prefix === "" ? key : `${prefix}.${key}`));
    }
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix];
}

/** What differs between two runs: `type::name` -> the differing input paths, or "options" when the options differ. */
function changes(before: ProgramRun, after: ProgramRun): Record<string, string[]> {
    const keyed = (r: ProgramRun) => new Map(r.registrations.map((x) => [`${x.type}::${x.name}`, x]));
    const a = keyed(before);
    const b = keyed(after);
    const result: Record<string, string[]> = {};
    for (const key of new Set([...a.keys(), ...b.keys()])) {
        const x = a.get(key);
        const y = b.get(key);
        const paths = [
            ...differingPaths(x?.inputs, y?.inputs),
            ...(JSON.stringify(x?.options) === JSON.stringify(y?.options) ? [] : ["options"]),
        ];
        if (paths.length > 0) {
            result[key] = paths;
        }
    }
    return result;
}

function find(r: ProgramRun, type: string, name: string): Registration {
    const found = r.registrations.find((x) => x.type === type && x.name === name);
    if (found === undefined) {
        throw new Error(`${name} was not registered: ${r.logs.filter((l) => l.severity === "error").map((l) => l.message).join("\n")}`);
    }
    return found;
}

/** True when a change at `changed` would trigger a replacement through a replaceOnChanges entry. */
function replaces(replaceOnChanges: readonly string[], changed: string): boolean {
    return replaceOnChanges.some((p) => p === changed || changed.startsWith(`${p}.`) || p.startsWith(`${changed}.`));
}

let baseline: ProgramRun;
let newPassword: ProgramRun;
let newKeys: ProgramRun;
beforeAll(async () => {
    [baseline, newPassword, newKeys] = await Promise.all([
        run(OLD_PASSWORD, [DEV_KEY]),
        run(NEW_PASSWORD, [DEV_KEY]),
        run(OLD_PASSWORD, [NEW_KEY, DEV_KEY]),
    ]);
}, 120_000);

const CASES = [
    {
        name: "app01's Windows password",
        after: () => newPassword,
        vm: "app01-vm",
        extension: "app01-access",
        property: "osProfile.adminPassword",
        protectedSettings: { Password: NEW_PASSWORD },
        changedSetting: "protectedSettings.Password",
        settings: { UserName: "winadmin" },
        handler: { publisher: "Microsoft.Compute", type: "VMAccessAgent", vmExtensionName: "VMAccessAgent" },
    },
    {
        name: "web01's SSH keys",
        after: () => newKeys,
        vm: "web01-vm",
        extension: "web01-access",
        property: "osProfile.linuxConfiguration.ssh.publicKeys",
        protectedSettings: { username: "azureuser", ssh_key: `${NEW_KEY}\n${DEV_KEY}`, remove_prior_keys: true },
        changedSetting: "protectedSettings.ssh_key",
        settings: undefined,
        handler: { publisher: "Microsoft.OSTCExtensions", type: "VMAccessForLinux", vmExtensionName: "VMAccessForLinux" },
    },
];

describe.each(CASES)("GIVEN the dev stack WHEN $name change", (c) => {
    it("THEN the runs succeed, and only the VM's credential and the access extension's protected settings differ", () => {
        expect([baseline.exitCode, c.after().exitCode]).toEqual([0, 0]);
        expect(changes(baseline, c.after())).toEqual({
            [`azure-native:compute:VirtualMachine::${c.vm}`]: [c.property],
            [`azure-native:compute:VirtualMachineExtension::${c.extension}`]: [c.changedSetting],
        });
    });

    it("THEN the changed property is in the VM's ignoreChanges and not covered by its replaceOnChanges", () => {
        const vm = find(c.after(), "azure-native:compute:VirtualMachine", c.vm);
        expect(VM_IGNORE_CHANGES).toContain(c.property);
        expect(vm.options.ignoreChanges).toContain(c.property);
        expect(replaces(vm.options.replaceOnChanges ?? [], c.property)).toBe(false);
        expect(replaces(VM_REPLACE_ON_CHANGES, c.property)).toBe(false);
        expect(vm.options.deleteBeforeReplace).toBe(true);
    });

    it("THEN the new credential reaches the access extension's protected settings, only as a secret", () => {
        const extension = find(c.after(), "azure-native:compute:VirtualMachineExtension", c.extension);
        expect(extension.secretPaths).toEqual(["protectedSettings"]);
        expect(extension.inputs).toMatchObject({
            ...c.handler,
            vmName: c.vm.replace(/-vm$/, ""),
            autoUpgradeMinorVersion: true,
            protectedSettings: c.protectedSettings,
        });
        expect(extension.inputs["settings"]).toEqual(c.settings);
        expect(JSON.stringify(extension.inputs["settings"] ?? {})).not.toMatch(/ssh-|Password|Rotated|Correct/);
    });
});

describe("GIVEN a Linux VM WHEN its access extension runs", () => {
    it("THEN it sends no password, so the handler leaves sshd (password sign-in disabled) as it is", () => {
        const extension = find(baseline, "azure-native:compute:VirtualMachineExtension", "web01-access");
        expect(Object.keys(extension.inputs["protectedSettings"] as object).sort()).toEqual(["remove_prior_keys", "ssh_key", "username"]);
    });
});
