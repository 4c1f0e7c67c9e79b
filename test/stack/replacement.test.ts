/**
 * Replacement safety: the stack program runs twice (as pulumi preview would run it before and after a config
 * change), the second time with one create-only VM property changed. Every other resource must register exactly as
 * before (as the engine diffs it: a path in its ignoreChanges keeps its old value), or be a protected disk whose own
 * replaceOnChanges makes the engine refuse the change at preview; each
 * change replaces the VM by the engine's rules as test/support/fixtures.ts models them (`stepFor`), and every guest
 * step is tied to the VM (`replaceWith`) so that it is created again on the new one.
 * Not proved here: the engine's diff and its refusal (the engine does not run offline); this shows the inputs and
 * options it would receive.
 */
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { linuxFormatScript, VM_REPLACE_ON_CHANGES } from "../../components/internal";
import type { ProgramRun } from "../../tools/recorder/program";
import { runInProcess } from "../support/programs";
import type { Registration } from "../../tools/recorder/recorder";
import { devVm } from "../support/dev-stack";
import { stepFor } from "../support/fixtures";

const projectDir = path.resolve(__dirname, "..", "..");
const KEPT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-persistent-vm-dev/providers/Microsoft.Compute/disks/web01_OsDisk_1_kept";

// The dev stack's VMs, with backup on for web01 (the dev stack leaves it off), so that the backup item is compared too.
const WEB01 = { ...devVm("web01"), backup: true };
const APP01 = devVm("app01");
const BACKUP = { "azure-persistent-vm:backup": {} };

/** One config change per create-only property the stack's config can reach, applied to web01. */
const CHANGES: Readonly<Record<string, { readonly web01?: Record<string, unknown>; readonly location?: string; readonly paths: readonly string[] }>> = {
    "computer name": { web01: { ...WEB01, computerName: "web01-renamed" }, paths: ["osProfile.computerName"] },
    "admin username": { web01: { ...WEB01, adminUsername: "opsadmin" }, paths: ["osProfile.adminUsername"] },
    "custom data": { web01: { ...WEB01, customData: "#cloud-config\npackages: [nginx]\n" }, paths: ["osProfile.customData"] },
    "image": { web01: { ...WEB01, image: "ubuntu-22.04" }, paths: ["storageProfile.imageReference"] },
    "image with a plan": { web01: { ...WEB01, image: "almalinux-9" }, paths: ["plan", "storageProfile.imageReference"] },
    "OS disk SKU": { web01: { ...WEB01, osDisk: { sizeGb: 64, sku: "StandardSSD_LRS" } }, paths: ["storageProfile.osDisk.managedDisk.storageAccountType"] },
    "security type": { web01: { ...WEB01, securityType: "Standard" }, paths: ["securityProfile.securityType", "securityProfile.uefiSettings"] },
    "OS disk from a kept disk": {
        web01: { name: "web01", os: "linux", size: "Standard_D2s_v5", zone: "1", osDisk: { source: { existingId: KEPT } }, dataDisks: devVm("web01")["dataDisks"], backup: true },
        paths: ["storageProfile.osDisk.createOption", "storageProfile.osDisk.managedDisk.id", "storageProfile.imageReference"],
    },
    "zone": { web01: { ...WEB01, zone: "2" }, paths: ["zones"] },
    "location": { location: "northeurope", paths: ["location"] },
};

function valueAt(inputs: unknown, dotted: string): unknown {
    return dotted.split(".").reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), inputs);
}

function byKey(run: ProgramRun): Map<string, Registration> {
    return new Map(run.registrations.map((r) => [`${r.type}::${r.name}`, r]));
}

/** A value without the given paths (each a list of keys): the engine puts their old values back before it diffs. */
function withoutPaths(value: unknown, paths: readonly (readonly string[])[]): unknown {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return value;
    }
    return Object.fromEntries(Object.entries(value)
        .filter(([key]) => !paths.some((p) => p.length === 1 && p[0] === key))
        .map(([key, v]) => [key, withoutPaths(v, paths.filter((p) => p.length > 1 && p[0] === key).map((p) => p.slice(1)))]));
}

/**
 * The resources whose inputs (as the engine diffs them, without the second run's ignoreChanges paths) or options
 * differ between two runs (or exist in only one), as type::name.
 */
function changed(before: ProgramRun, after: ProgramRun): string[] {
    const a = byKey(before);
    const b = byKey(after);
    return [...new Set([...a.keys(), ...b.keys()])].filter((key) => {
        const x = a.get(key);
        const y = b.get(key);
        const ignored = y?.options.ignoreChanges ?? [];
        const compared = (r: Registration | undefined) => [
            withoutPaths(r?.inputs, ignored.map((p) => p.split("."))), r?.options.protect, r?.options.replaceOnChanges, r?.options.ignoreChanges, r?.options.replacementTrigger, r?.options.replaceWith,
        ];
        return JSON.stringify(compared(x)) !== JSON.stringify(compared(y)) || x?.options.deleteBeforeReplace !== y?.options.deleteBeforeReplace;
    }).sort();
}

function vmOf(run: ProgramRun): Registration {
    const vm = run.registrations.find((r) => r.name === "web01-vm");
    if (vm === undefined) {
        throw new Error(`web01-vm was not registered: ${run.logs.filter((l) => l.severity === "error").map((l) => l.message).join("\n")}`);
    }
    return vm;
}

let baseline: ProgramRun;
const runs = new Map<string, ProgramRun>();
beforeAll(async () => {
    const entries = Object.entries(CHANGES);
    const results = await Promise.all([
        runInProcess({ projectDir, stack: "dev", configOverrides: { ...BACKUP, "azure-persistent-vm:vms": [WEB01, APP01] } }),
        ...entries.map(([, change]) => runInProcess({
            projectDir,
            stack: "dev",
            configOverrides: {
                ...BACKUP,
                "azure-persistent-vm:vms": [change.web01 ?? WEB01, APP01],
                ...(change.location !== undefined ? { "azure-native:location": change.location } : {}),
            },
        })),
    ]);
    const [first, ...rest] = results;
    if (first === undefined) {
        throw new Error("no baseline run");
    }
    baseline = first;
    entries.forEach(([name], i) => {
        const run = rest[i];
        if (run !== undefined) {
            runs.set(name, run);
        }
    });
}, 240_000);

function runFor(change: string): ProgramRun {
    const run = runs.get(change);
    if (run === undefined) {
        throw new Error(`no run for ${change}`);
    }
    return run;
}

describe.each(Object.keys(CHANGES))("GIVEN the dev stack WHEN web01's %s changes", (change) => {
    it("THEN the program still runs, and the VM is delete-first with the changed property among its replaceOnChanges", () => {
        const run = runFor(change);
        expect(run.exitCode).toBe(0);
        const vm = vmOf(run);
        expect(vm.options.deleteBeforeReplace).toBe(true);
        for (const p of CHANGES[change]?.paths ?? []) {
            expect(VM_REPLACE_ON_CHANGES).toContain(p);
            expect(JSON.stringify(valueAt(vm.inputs, p))).not.toBe(JSON.stringify(valueAt(vmOf(baseline).inputs, p)));
        }
    });

    it("THEN by the engine's rules the VM is replaced: a replaceOnChanges path covers a changed path, or the trigger changed", () => {
        expect(stepFor(vmOf(baseline), vmOf(runFor(change))).step).toBe("replace");
    });

    it("THEN the OS disk is never named by the stack and is kept when the old VM goes; an attached one is the kept disk", () => {
        for (const run of [baseline, runFor(change)]) {
            const osDisk = valueAt(vmOf(run).inputs, "storageProfile.osDisk") as { name?: string; createOption: string; deleteOption: string; managedDisk: { id?: string } };
            expect(osDisk.name).toBeUndefined();
            expect(osDisk.deleteOption).toBe("Detach");
            expect([osDisk.createOption, osDisk.managedDisk.id]).toEqual(run === baseline || change !== "OS disk from a kept disk" ? ["FromImage", undefined] : ["Attach", KEPT]);
        }
    });
});

describe("GIVEN each change WHEN the two runs are compared resource by resource", () => {
    it("THEN only the VM changes (and its access extension, when the administrator changes), except that a move changes protected disks, which the engine would refuse", () => {
        const expected: Record<string, string[]> = Object.fromEntries(Object.keys(CHANGES).map((c) => [c, ["azure-native:compute:VirtualMachine::web01-vm"]]));
        expected["zone"] = ["azure-native:compute:Disk::web01-disk-data", "azure-native:compute:VirtualMachine::web01-vm"];
        // The access extension carries the administrator's name; a VM built from a disk has no administrator to reset.
        expected["admin username"] = ["azure-native:compute:VirtualMachine::web01-vm", "azure-native:compute:VirtualMachineExtension::web01-access"];
        expected["OS disk from a kept disk"] = expected["admin username"];
        // A location move changes exactly the resources that carry a location (not the subnet, which has none).
        expected["location"] = baseline.registrations.filter((r) => r.inputs["location"] !== undefined).map((r) => `${r.type}::${r.name}`).sort();
        expect(Object.fromEntries(Object.keys(CHANGES).map((c) => [c, changed(baseline, runFor(c))]))).toEqual(expected);
    });

    it("THEN a VM rebuilt from its kept OS disk keeps its NIC: the default accelerated networking changes (an existing disk's guest is not vouched for), under the NIC's ignoreChanges", () => {
        const nic = (run: ProgramRun) => byKey(run).get("azure-native:network:NetworkInterface::web01-nic");
        const after = nic(runFor("OS disk from a kept disk"));
        expect([nic(baseline)?.inputs["enableAcceleratedNetworking"], after?.inputs["enableAcceleratedNetworking"], after?.options.ignoreChanges]).toEqual([true, false, ["enableAcceleratedNetworking"]]);
    });

    it("THEN the VM's replacement trigger changes only with the security type, whose whole profile disappears (no path of the list covers that)", () => {
        expect(Object.fromEntries(Object.keys(CHANGES).map((c) => [c, vmOf(runFor(c)).options.replacementTrigger]))).toEqual({
            ...Object.fromEntries(Object.keys(CHANGES).map((c) => [c, "TrustedLaunch"])),
            "security type": "Standard",
        });
        expect(vmOf(baseline).options.replacementTrigger).toBe("TrustedLaunch");
        const security = vmOf(runFor("security type"));
        expect(stepFor(vmOf(baseline), { ...security, options: { ...security.options, replacementTrigger: undefined } })).toEqual({ changed: ["securityProfile"], step: "update" });
    });

    it("THEN every disk a move changes is protected and declares the moved property as replace-on-change", () => {
        for (const change of ["zone", "location"]) {
            const disks = runFor(change).registrations.filter((r) => r.type === "azure-native:compute:Disk");
            expect(disks.length).toBe(2);
            for (const disk of disks) {
                expect(disk.options.protect).toBe(true);
                expect(disk.options.replaceOnChanges).toContain(change === "zone" ? "zones" : "location");
            }
        }
    });
});

/**
 * Every resource that takes one of web01-vm's outputs as an input, what becomes of it when the VM is replaced, and
 * the property of its registration that shows it. The engine's part (replacing a resource with the one its
 * `replaceWith` names: step_generator.go:2075 and :2894) is not demonstrated offline.
 */
const DEPENDENTS: Readonly<Record<string, { readonly fate: string; readonly shown: (before: Registration, after: Registration, vm: Registration) => void }>> = {
    "azure-native:compute:VirtualMachineExtension": {
        fate: "re-created with the VM, to which it is tied (replaceWith); it holds no data and applies the stack's current credential again",
        shown: (before, after, vm) => {
            expect([before.options.replaceWith, after.options.replaceWith]).toEqual([[vm.urn], [vm.urn]]);
            const profile = vm.inputs["osProfile"] as { adminUsername: string; linuxConfiguration: { ssh: { publicKeys: { keyData: string }[] } } };
            expect([after.inputs["vmName"], after.inputs["type"]]).toEqual([vm.inputs["vmName"], before.inputs["type"]]);
            expect([after.inputs["protectedSettings"], after.secretPaths]).toEqual([{
                username: profile.adminUsername,
                ssh_key: profile.linuxConfiguration.ssh.publicKeys.map((k) => k.keyData).join("\n"),
                remove_prior_keys: true,
            }, ["protectedSettings"]]);
        },
    },
    "azure-native:compute:VirtualMachineRunCommandByVirtualMachine": {
        fate: "re-created with the VM, to which it is tied (replaceWith); it holds no data, and its script never formats a disk that has a file system (test/disk/format-scripts.test.ts), so on the new VM it mounts the kept disk again",
        shown: (before, after, vm) => {
            expect([before.options.replaceWith, after.options.replaceWith]).toEqual([[vm.urn], [vm.urn]]);
            expect(after.inputs["source"]).toEqual({ script: linuxFormatScript({ key: "data", lun: 0, fileSystem: "ext4" }) });
            expect(after.inputs["source"]).toEqual(before.inputs["source"]);
        },
    },
    "azure-native:recoveryservices:ProtectedItem": {
        fate: "kept: not tied to the VM, its id is made of the VM's planned name, known through a replacement, so the engine has nothing to replace, and it is retainOnDelete",
        shown: (before, after) => {
            expect([before.options.replaceWith, after.options.replaceWith]).toEqual([[], []]);
            expect(after.options.retainOnDelete).toBe(true);
            const identity = (r: Registration) => ["resourceGroupName", "vaultName", "fabricName", "containerName", "protectedItemName"].map((k) => r.inputs[k]);
            expect(identity(after)).toEqual(identity(before));
            expect(identity(after)).not.toContain("[unknown]");
        },
    },
};

/** The resources that take one of web01-vm's outputs as an input. */
function dependentsOfVm(run: ProgramRun): Registration[] {
    const vm = vmOf(run);
    return run.registrations.filter((r) => r.options.dependencies.includes(vm.urn) && r.urn !== vm.urn && r.type !== "pulumi:pulumi:Stack");
}

describe("GIVEN the resources that hang off the VM WHEN the VM is replaced", () => {
    it("THEN each is listed with its fate: an access extension, a format command and the backup item", () => {
        expect(Object.fromEntries(dependentsOfVm(baseline).map((r) => [r.name, DEPENDENTS[r.type]?.fate ?? "NOT LISTED"]))).toEqual({
            "web01-access": DEPENDENTS["azure-native:compute:VirtualMachineExtension"]?.fate,
            "web01-format-data": DEPENDENTS["azure-native:compute:VirtualMachineRunCommandByVirtualMachine"]?.fate,
            "web01-backup": DEPENDENTS["azure-native:recoveryservices:ProtectedItem"]?.fate,
        });
    });

    it.each(Object.keys(CHANGES))("THEN after the %s change each one loses nothing or is retained", (change) => {
        const after = runFor(change);
        const listed = dependentsOfVm(after);
        expect(listed.every((r) => DEPENDENTS[r.type] !== undefined)).toBe(true);
        for (const r of listed) {
            const before = baseline.registrations.find((b) => b.type === r.type && b.name === r.name);
            if (before === undefined) {
                throw new Error(`${r.name} exists only after the change`);
            }
            DEPENDENTS[r.type]?.shown(before, r, vmOf(after));
        }
    });
});

describe("GIVEN the VM's replaceOnChanges list", () => {
    it("THEN each path, on either VM, is changed by a config change above, or never sent, or constant wherever sent", () => {
        const vms = [baseline, ...runs.values()].flatMap((run) => run.registrations.filter((r) => r.type === "azure-native:compute:VirtualMachine"));
        const covered = new Set(Object.values(CHANGES).flatMap((c) => c.paths));
        const classify = (p: string): string => {
            if (covered.has(p)) {
                return "changed by a test";
            }
            const sent = vms.map((vm) => valueAt(vm.inputs, p)).filter((v) => v !== undefined).map((v) => JSON.stringify(v));
            if (sent.length === 0) {
                return "never sent";
            }
            return new Set(sent).size === 1 ? "constant" : "changes untested";
        };
        expect(Object.fromEntries(VM_REPLACE_ON_CHANGES.map((p) => [p, classify(p)]))).toEqual({
            "location": "changed by a test",
            "zones": "changed by a test",
            "extendedLocation": "never sent",
            "placement": "never sent",
            "availabilitySet": "never sent",
            "virtualMachineScaleSet": "never sent",
            "platformFaultDomain": "never sent",
            "plan": "changed by a test",
            "priority": "never sent",
            "evictionPolicy": "never sent",
            "osProfile.computerName": "changed by a test",
            "osProfile.adminUsername": "changed by a test",
            "osProfile.customData": "changed by a test",
            "osProfile.linuxConfiguration.disablePasswordAuthentication": "constant",
            "osProfile.linuxConfiguration.provisionVMAgent": "constant",
            "osProfile.windowsConfiguration.provisionVMAgent": "constant",
            "osProfile.windowsConfiguration.enableAutomaticUpdates": "constant",
            "osProfile.windowsConfiguration.timeZone": "never sent",
            "osProfile.windowsConfiguration.additionalUnattendContent": "never sent",
            "osProfile.windowsConfiguration.winRM": "never sent",
            "storageProfile.imageReference": "changed by a test",
            "storageProfile.osDisk.createOption": "changed by a test",
            "storageProfile.osDisk.diffDiskSettings": "never sent",
            "storageProfile.osDisk.managedDisk.id": "changed by a test",
            "storageProfile.osDisk.managedDisk.storageAccountType": "changed by a test",
            "storageProfile.osDisk.managedDisk.securityProfile": "never sent",
            "securityProfile.securityType": "changed by a test",
            "securityProfile.uefiSettings": "changed by a test",
        });
    });
});
