/**
 * What the provider serves for one component: its type token and how Construct builds the TypeScript component from
 * inputs already normalized to the contract's shape (../inputs.ts), returning what the engine gets back.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { OutputsOf } from "../contracts/vm";

export interface Constructed {
    readonly urn: pulumi.Output<string>;
    readonly state: Record<string, unknown>;
}

export interface Served {
    /** The type token, `azure-persistent-vm:index:<Class>`. */
    readonly token: string;
    /**
     * Builds the component. `inputs` has the contract's shape: plain where the schema says plain, Inputs elsewhere,
     * checked against the schema's types but not against the component's rules, which the component itself applies.
     */
    construct(name: string, inputs: Record<string, unknown>, opts: pulumi.ComponentResourceOptions): Promise<Constructed>;
}

/** Every output a contract class declares, each set: `state: {...} satisfies Outputs<contracts.LinuxVm>`. */
export type Outputs<C> = { readonly [K in keyof OutputsOf<C>]-?: unknown };
