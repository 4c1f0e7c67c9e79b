/**
 * Runs the pack's stack policies offline: builds the StackValidationArgs the policy server builds from the engine's
 * AnalyzeStack request (each resource's properties, its property dependencies resolved to the resource objects, the
 * policy's config) and collects what a policy reports, with the URN it names. Differences from the real server
 * (test/e2e/policy-pack.test.ts runs it): the real one hands a stack policy each resource's outputs, which for a
 * resource not yet created are its inputs, and turns a policy that reads a value unknown during preview into an
 * advisory "can't run"; here the props are the registered inputs.
 */
import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import type { Registration } from "../../tools/recorder/recorder";
import { NotApplicable, policyOptionsOf } from "../support/policy-args";

export function stackArgsOf(registrations: readonly Registration[], config: Readonly<Record<string, unknown>> = {}): StackValidationArgs {
    const resources: PolicyResource[] = registrations.map((r) => ({
        type: r.type,
        props: structuredClone(r.inputs),
        urn: r.urn,
        name: r.name,
        opts: policyOptionsOf(r),
        dependencies: [],
        propertyDependencies: {},
        isType: () => false,
        asType: () => undefined,
    }));
    const byUrn = new Map(resources.map((p) => [p.urn, p]));
    registrations.forEach((r, i) => {
        const resource = resources[i];
        for (const [input, urns] of Object.entries(r.propertyDependencies)) {
            if (resource !== undefined) {
                resource.propertyDependencies[input] = urns.flatMap((u) => byUrn.get(u) ?? []);
            }
        }
    });
    return {
        resources,
        stackTags: new Map(),
        getConfig: () => ({ ...config }) as never,
        notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason);
        },
    };
}

/** What a stack policy reports over these registrations: each message with the URN it names. */
export async function stackViolationsOf(
    policy: StackValidationPolicy,
    registrations: readonly Registration[],
    config: Readonly<Record<string, unknown>> = {},
): Promise<{ message: string; urn: string | undefined }[]> {
    const found: { message: string; urn: string | undefined }[] = [];
    try {
        await policy.validateStack(stackArgsOf(registrations, config), (message, urn) => found.push({ message, urn }));
    } catch (e) {
        if (!(e instanceof NotApplicable)) {
            throw e;
        }
    }
    return found;
}
