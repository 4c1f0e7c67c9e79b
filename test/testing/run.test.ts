/**
 * The runs of azure-persistent-vm/testing as a stack author uses them under vitest: a function (runFunction) with
 * config and secret config, and a project folder with a stack's config (runProgram, loading the program through
 * vitest); what a registration shows (inputs, options, dependencies, where the secrets are, never their values),
 * how a failed run is reported, and findResource's message for a name that was not registered.
 * Not proved here: runProgramInChildProcess, which starts the SDK's runner (test/e2e/template.test.ts), and runners
 * other than vitest (docs/testing-your-stack.md says which were tried).
 */
import * as path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { WindowsVm } from "../../components";
import { DISK_REPLACE_ON_CHANGES, OS_DISK_SKU_PATH, VM_IGNORE_CHANGES, VM_REPLACE_ON_CHANGES } from "../../components/internal";
import {
    ProgramError, childrenOf, everyDiskProtected, findResource, resourcesOfType, runFunction, runProgram, type StackRun,
} from "../../testing";
import { REPO } from "../support/project-copy";

const PASSWORD = "Not-a-real-Passw0rd-4-tests";
const SUBNET = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/vms";

/** A stack author's function: a WindowsVm sized and authenticated from config, its password exported. */
function windowsStack() {
    const config = new pulumi.Config();
    const vm = new WindowsVm("app01", {
        resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET, size: config.require("size"),
        adminPassword: config.requireSecret("adminPassword"), dataDisks: [{ name: "data", lun: 0, sizeGb: 128 }],
    });
    return { vmName: vm.vmName, password: config.requireSecret("adminPassword") };
}

describe("GIVEN a function that declares a WindowsVm from config and secret config", () => {
    let run: StackRun;
    beforeAll(async () => {
        run = await runFunction(windowsStack, { project: "shop", stack: "prod", config: { size: "Standard_D4s_v5" }, secretConfig: { adminPassword: PASSWORD } });
    });

    it("THEN the run is of that project and stack, under the SDK's own Stack resource", () => {
        expect({ project: run.project, stack: run.stack }).toStrictEqual({ project: "shop", stack: "prod" });
        expect(run.registrations[0]).toMatchObject({ type: "pulumi:pulumi:Stack", name: "shop-prod", urn: "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod", parent: null });
    });

    it("THEN the component's children are listed by childrenOf, and the VM takes the configured size", () => {
        const component = findResource(run.registrations, "azure-persistent-vm:index:WindowsVm", "app01");
        expect(childrenOf(run.registrations, component).map((r) => `${r.type}::${r.name}`).sort()).toStrictEqual([
            "azure-native:compute:Disk::app01-disk-data",
            "azure-native:compute:VirtualMachine::app01-vm",
            "azure-native:compute:VirtualMachineExtension::app01-access",
            "azure-native:network:NetworkInterface::app01-nic",
        ]);
        expect(findResource(run.registrations, "azure-native:compute:VirtualMachine", "app01-vm").inputs["hardwareProfile"]).toStrictEqual({ vmSize: "Standard_D4s_v5" });
    });

    it("THEN each resource's options are the engine's: the data disk protected and retained, the VM deleted before it is replaced", () => {
        const disk = findResource(run.registrations, "azure-native:compute:Disk", "app01-disk-data");
        const vm = findResource(run.registrations, "azure-native:compute:VirtualMachine", "app01-vm");
        expect(disk.options).toStrictEqual({
            protect: true, retainOnDelete: true, deleteBeforeReplace: false, ignoreChanges: [], replaceOnChanges: DISK_REPLACE_ON_CHANGES,
            dependencies: [], import: null,
        });
        expect(vm.options).toStrictEqual({
            protect: false, retainOnDelete: false, deleteBeforeReplace: true, ignoreChanges: [...VM_IGNORE_CHANGES, OS_DISK_SKU_PATH],
            replaceOnChanges: VM_REPLACE_ON_CHANGES, dependencies: expect.arrayContaining([disk.urn, findResource(run.registrations, "azure-native:network:NetworkInterface", "app01-nic").urn]),
            import: null,
        });
    });

    it("THEN the password is marked where it is, and its value is nowhere in the run, not even in the stack's outputs", () => {
        const vm = findResource(run.registrations, "azure-native:compute:VirtualMachine", "app01-vm");
        expect(vm.secretPaths).toStrictEqual(["osProfile"]);
        expect(vm.inputs["osProfile"]).toBe("[secret]");
        expect(run.outputs).toStrictEqual({ vmName: "app01", password: "[secret]" });
        expect(JSON.stringify(run)).not.toContain(PASSWORD);
    });

    it("THEN resourcesOfType lists the registrations of a type in order", () => {
        expect(resourcesOfType(run.registrations, "azure-native:compute:Disk").map((r) => r.name)).toStrictEqual(["app01-disk-data"]);
    });
});

describe("GIVEN a stack author who misspells a resource name", () => {
    let run: StackRun;
    beforeAll(async () => {
        run = await runFunction(windowsStack, { config: { size: "Standard_D4s_v5" }, secretConfig: { adminPassword: PASSWORD } });
    });

    it("WHEN findResource is asked for it THEN it throws, listing the names of that type", () => {
        expect(() => findResource(run.registrations, "azure-native:compute:Disk", "app01-data")).toThrow(
            "findResource: no azure-native:compute:Disk named \"app01-data\" was registered; the azure-native:compute:Disk registered are \"app01-disk-data\".");
    });

    it("WHEN findResource is asked for a type never registered THEN it throws, listing the types", () => {
        expect(() => findResource(run.registrations, "azure-native:compute:Disks", "app01-disk-data")).toThrow(
            "findResource: no azure-native:compute:Disks named \"app01-disk-data\" was registered; nothing of that type was registered; the types "
            + "registered are azure-native:compute:Disk, azure-native:compute:VirtualMachine, azure-native:compute:VirtualMachineExtension, "
            + "azure-native:network:NetworkInterface, azure-persistent-vm:index:WindowsVm, pulumi:pulumi:Stack.");
    });
});

describe("GIVEN a function whose component refuses its arguments", () => {
    it("WHEN it runs THEN the run rejects with a ProgramError carrying the component's message and what was registered before", async () => {
        const failure = await runFunction(() => new WindowsVm("app01", {
            resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET, size: "Standard_D4s_v5",
            adminPassword: pulumi.secret(PASSWORD), dataDisks: [{ name: "data", lun: 64, sizeGb: 128 }],
        })).then(() => undefined, (e: unknown) => e);
        expect(failure).toBeInstanceOf(ProgramError);
        const error = failure as ProgramError;
        expect(error.message).toMatch(new RegExp("^the program of project \"test\", stack \"test\" failed \\(exit code 32\\); fix what it reports:\\n"
            + "Running program '.*' failed with an unhandled exception:\\nInvalidArgumentsError: WindowsVm \"app01\": dataDisks\\[0\\]\\.lun "));
        expect(error.run.registrations.map((r) => r.type)).toStrictEqual(["pulumi:pulumi:Stack"]);
        expect(error.message).not.toContain(PASSWORD);
    });
});

describe("GIVEN a function that logs an error without throwing", () => {
    it("WHEN it runs THEN the run rejects, as pulumi up would fail", async () => {
        const failure = await runFunction(() => {
            pulumi.log.error("the stack's own check failed");
        }).then(() => undefined, (e: unknown) => e);
        expect((failure as Error).message).toBe(
            "the program of project \"test\", stack \"test\" logged errors; fix what it reports:\nthe stack's own check failed");
    });
});

describe("GIVEN a function that logs a warning and some information", () => {
    it("WHEN it runs THEN the run keeps them, and none of the SDK's debug entries (which echo secrets' values)", async () => {
        const run = await runFunction(() => {
            pulumi.log.info("sized for the pilot");
            pulumi.log.warn("no backup policy yet");
            new WindowsVm("app01", { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET, size: "Standard_D4s_v5", adminPassword: pulumi.secret(PASSWORD) });
        });
        expect(run.logs).toStrictEqual([{ severity: "info", message: "sized for the pilot" }, { severity: "warning", message: "no backup policy yet" }]);
        expect(JSON.stringify(run)).not.toContain(PASSWORD);
    });
});

describe("GIVEN two runs started together", () => {
    it("WHEN both finish THEN each has its own registrations, with its own config", async () => {
        const [small, large] = await Promise.all(["Standard_D2s_v5", "Standard_D8s_v5"].map((size) =>
            runFunction(windowsStack, { config: { size }, secretConfig: { adminPassword: PASSWORD } })));
        const sizeOf = (run: StackRun | undefined) => run === undefined ? undefined
            : findResource(run.registrations, "azure-native:compute:VirtualMachine", "app01-vm").inputs["hardwareProfile"];
        expect([sizeOf(small), sizeOf(large)]).toStrictEqual([{ vmSize: "Standard_D2s_v5" }, { vmSize: "Standard_D8s_v5" }]);
        expect(small?.registrations.length).toBe(large?.registrations.length);
    });
});

describe("GIVEN a project folder (the two-fleet fixture) and its dev stack", () => {
    const projectDir = path.join(REPO, "test", "fixtures", "fleets");
    const load = async (file: string): Promise<unknown> => {
        vi.resetModules();
        return import(file);
    };
    let runs: StackRun[];
    beforeAll(async () => {
        runs = [
            await runProgram({ projectDir, stack: "dev", load }),
            await runProgram({ projectDir, stack: "dev", load, config: { "azure-native:location": "northeurope" } }),
        ];
    });

    it("WHEN it runs twice, the second time with a config override THEN the program ran again, with each run's config", () => {
        expect(runs.map((run) => resourcesOfType(run.registrations, "azure-native:compute:VirtualMachineScaleSet").map((r) => `${r.name} in ${String(r.inputs["location"])}`).sort()))
            .toStrictEqual([["app-vmss in westeurope", "web-vmss in westeurope"], ["app-vmss in northeurope", "web-vmss in northeurope"]]);
    });

    it("THEN its fleets' data disks are detached, not deleted, with their instances, the Windows fleet's inside its secret profile too", () => {
        expect(runs.map((run) => everyDiskProtected(run.registrations))).toStrictEqual([[], []]);
    });

    it("THEN the stack's outputs mark the generated password as a secret", () => {
        expect(runs[0]?.outputs["appAdminPassword"]).toBe("[secret]");
    });
});
