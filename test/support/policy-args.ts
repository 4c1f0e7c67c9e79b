/**
 * Runs the pack's policies offline on recorded registrations: builds the ResourceValidationArgs the policy server
 * would build from the engine's Analyze request (type, inputs with secrets unwrapped, URN, name, options, config)
 * and collects what the policies report. Differences from the real server (test/policy-pack.test.ts runs it): the
 * real one wraps inputs in a proxy that throws on a value unknown during preview (a policy that reads one becomes an
 * advisory "can't run"), reads each policy's config from the pack config the CLI sends, and puts the policy's
 * description before each message.
 */
import type { PolicyResourceOptions, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { POLICIES } from "../../policy/rules";
import type { ProgramRun } from "../../tools/recorder/program";
import type { Registration } from "../../tools/recorder/recorder";

/** Thrown by `notApplicable`, as the policy server's own error is. */
export class NotApplicable extends Error {}

function pulumiTypeOf(resourceClass: unknown): unknown {
    return resourceClass !== null && (typeof resourceClass === "function" || typeof resourceClass === "object")
        ? (resourceClass as { __pulumiType?: unknown }).__pulumiType : undefined;
}

/** A registration's options as the policy server hands them to a policy, resource or stack. */
export function policyOptionsOf(r: Registration): PolicyResourceOptions {
    return {
        protect: r.options.protect,
        ignoreChanges: [...r.options.ignoreChanges],
        deleteBeforeReplace: r.options.deleteBeforeReplace,
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        ...(r.parent !== null ? { parent: r.parent } : {}),
    };
}

export function argsOf(r: Registration, config: Readonly<Record<string, unknown>> = {}): ResourceValidationArgs {
    const props: Record<string, unknown> = structuredClone(r.inputs);
    const opts = policyOptionsOf(r);
    return {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts,
        stackTags: new Map(),
        isType: (resourceClass) => pulumiTypeOf(resourceClass) === r.type,
        asType: (resourceClass) => (pulumiTypeOf(resourceClass) === r.type ? structuredClone(props) as never : undefined),
        getConfig: () => ({ ...config }) as never,
        notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason);
        },
    };
}

/** The messages one policy reports for one registration; none when the policy says it does not apply. */
export async function violationsOf(
    policy: ResourceValidationPolicy,
    r: Registration,
    config: Readonly<Record<string, unknown>> = {},
): Promise<string[]> {
    const messages: string[] = [];
    const validations = policy.validateResource === undefined ? []
        : Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
    for (const validate of validations) {
        try {
            await validate(argsOf(r, config), (message) => messages.push(message));
        } catch (e) {
            if (!(e instanceof NotApplicable)) {
                throw e;
            }
        }
    }
    return messages;
}

export interface Violation {
    readonly policy: string;
    readonly level: string;
    /** `type::name` of the resource. */
    readonly resource: string;
    readonly message: string;
}

/** Every violation of every policy in the pack, over a run's registrations, in registration order. */
export async function packViolations(registrations: readonly Registration[]): Promise<Violation[]> {
    const found: Violation[] = [];
    for (const r of registrations) {
        for (const policy of POLICIES) {
            for (const message of await violationsOf(policy, r)) {
                found.push({ policy: policy.name, level: policy.enforcementLevel ?? "advisory", resource: `${r.type}::${r.name}`, message });
            }
        }
    }
    return found;
}

/** A copy of a registration with the input at `path` replaced (or, given undefined, removed). */
export function withInput(r: Registration, path: readonly (string | number)[], value: unknown): Registration {
    const inputs: Record<string, unknown> = structuredClone(r.inputs);
    const parentPath = path.slice(0, -1);
    const last = path[path.length - 1];
    const parent = parentPath.reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, inputs);
    if (last === undefined) {
        throw new Error("withInput needs a path");
    }
    if (value === undefined) {
        Reflect.deleteProperty(parent, last);
    } else {
        parent[last] = value;
    }
    return { ...r, inputs };
}

export function withOptions(r: Registration, options: Partial<Registration["options"]>): Registration {
    return { ...r, options: { ...r.options, ...options } };
}

/** The custom resource a run registered under `name`. */
export function find(run: ProgramRun, name: string): Registration {
    const found = run.registrations.find((r) => r.name === name && r.custom);
    if (found === undefined) {
        throw new Error(`${run.stack} registered no resource named ${name}`);
    }
    return found;
}

/** The pack's policy named `name`. */
export function policy(name: string): ResourceValidationPolicy {
    const found = POLICIES.find((p) => p.name === name);
    if (found === undefined) {
        throw new Error(`the pack has no policy ${name}`);
    }
    return found;
}

/** A resource no run registers, made from a recorded one: same URN shape and options, another type and inputs. */
export function synthetic(from: Registration, type: string, name: string, inputs: Record<string, unknown>): Registration {
    return { ...from, type, name, inputs };
}
