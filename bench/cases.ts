/**
 * What the benchmark measures: which programs, at which sizes. A case is one entry in CASES; a program is a Pulumi
 * TypeScript program template (its `index.ts`) that reads its size from the stack config key `vms`.
 * The programs' text does not depend on the size: only the stack config does, as in a stack whose VM count is set
 * by config.
 */
import * as path from "node:path";

export interface BenchProgram {
    /** Short name: the series in the results, and part of the Pulumi project's name (`apvm-bench-<name>`). */
    readonly name: string;
    /** What the program is, in a few words, for the report. */
    readonly description: string;
    /** The program's `index.ts`, copied as is into the generated project. */
    readonly template: string;
}

export interface BenchCase {
    readonly program: BenchProgram;
    /** How many VMs the stack declares (the config key `vms`). */
    readonly vms: number;
    /**
     * The program process's V8 heap limit (`--max-old-space-size`), in MiB, for a case that does not fit the default.
     * @default Node's default heap limit for the machine
     */
    readonly maxOldSpaceSizeMb?: number;
}

export const LIBRARY: BenchProgram = {
    name: "library",
    description: "LinuxVm (one data disk, SSH key given) on one VmNetwork, from the package azure-persistent-vm",
    template: path.join(__dirname, "library", "index.ts.template"),
};

export const BASELINE: BenchProgram = {
    name: "baseline",
    description: "plain azure-native, top-level import, per VM a public IP, NSG, NIC, data disk and VM (Pulumi's VM template, repeated)",
    template: path.join(__dirname, "baseline", "index.ts.template"),
};

export const FLEET: BenchProgram = {
    name: "fleet",
    description: "one LinuxScaleSet (Flexible) of N instances, one data disk each, SSH key given, on the same VmNetwork",
    template: path.join(__dirname, "fleet", "index.ts.template"),
};

/** The program the others' marginal cost is compared with. */
export const REFERENCE = BASELINE;

/**
 * In the order a round runs them: the programs alternate, size by size, so that the library's and the baseline's
 * runs of one size are neighbours in time.
 */
export const CASES: readonly BenchCase[] = [
    // The empty stack (resource group and network only): what a fleet's cost is measured against.
    { program: LIBRARY, vms: 0 },
    { program: LIBRARY, vms: 1 },
    { program: BASELINE, vms: 1 },
    { program: FLEET, vms: 1 },
    { program: LIBRARY, vms: 10 },
    { program: BASELINE, vms: 10 },
    { program: LIBRARY, vms: 100 },
    { program: BASELINE, vms: 100 },
    { program: LIBRARY, vms: 300 },
    { program: BASELINE, vms: 300 },
    { program: FLEET, vms: 1000 },
];
