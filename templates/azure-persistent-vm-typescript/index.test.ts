/**
 * This stack's program, run offline as `pulumi preview` would run it (azure-persistent-vm/testing), with the dev
 * stack's config: what it would send the Pulumi engine, with each resource's options and secrets.
 * Not proved here: that Azure accepts it, or what `pulumi up` would change in a stack already deployed.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
    everyDiskProtected, findResource, noNsgOpensRdpToAnyone, noNsgOpensSshToAnyone, runProgram, type StackRun,
} from "azure-persistent-vm/testing";

/** Loads the program afresh for each run, through vitest, which compiles its TypeScript. */
async function load(file: string): Promise<unknown> {
    vi.resetModules();
    return import(file);
}

describe("GIVEN the dev stack's config", () => {
    let run: StackRun;
    beforeAll(async () => {
        run = await runProgram({ projectDir: __dirname, stack: "dev", load });
    }, 120_000);   // the first run loads the Pulumi SDK and azure-native: seconds on a slow machine

    it("THEN every disk is protected, and no VM deletes a disk with it", () => {
        expect(everyDiskProtected(run.registrations)).toEqual([]);
    });

    it("THEN no network security group opens SSH or RDP to anyone", () => {
        expect([...noNsgOpensSshToAnyone(run.registrations), ...noNsgOpensRdpToAnyone(run.registrations)]).toEqual([]);
    });

    it("THEN each VM's data disk is a resource of its own, protected and kept in Azure if removed from the stack", () => {
        for (const name of ["linux01-disk-data", "windows01-disk-data"]) {
            const disk = findResource(run.registrations, "azure-native:compute:Disk", name);
            expect(disk.options).toMatchObject({ protect: true, retainOnDelete: true });
        }
    });

    it("THEN the Windows VM's administrator password is a secret, in the VM's inputs and in the stack's outputs", () => {
        const vm = findResource(run.registrations, "azure-native:compute:VirtualMachine", "windows01-vm");
        expect(vm.secretPaths).toEqual(["osProfile"]);   // the whole osProfile, which holds the password, is secret
        expect(vm.inputs["osProfile"]).toBe("[secret]");
        expect(run.outputs["windowsAdminPassword"]).toBe("[secret]");
    });
});
